//! What is inside a file: its text, its health (a password, macros, no text layer) and whose
//! it is. Reading runs in a separate process (see `reader`), because parsers of untrusted
//! documents can crash or hang; what is read is bounded (first pages, first KiB of text).

pub mod check;
pub mod child;
pub mod facts;
pub mod identity;
pub mod office;
pub mod pdf;
pub mod preview;
pub mod reader;
pub mod rtf;
