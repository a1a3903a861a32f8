//! Reads files: size, the type the content shows (magic bytes, zip and OLE directories, text
//! formats), the type the extension claims, SHA-256 on demand, and folder expansion.
//!
//! Inspection reads only a file's first KiB, plus a zip's central directory or an OLE file's
//! directory sectors; it never reads a whole file. Hashing ([`sha256`]) does, and only when
//! asked.

mod error;
mod expand;
mod facts;
mod hash;
mod junk;
mod sniff;

pub use error::{InspectError, plain_reason};
pub use expand::{Expansion, MAX_ENTRIES, SkipReason, Skipped, expand, expand_until};
pub use facts::inspect;
pub use hash::{sha256, to_hex};
pub use junk::is_junk;
pub use sniff::{HEAD_LEN, sniff, sniff_reader};
