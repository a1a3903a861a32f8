//! Reading a PDF: its page count, whether it needs a password, the text of its first pages and
//! whether those pages have a text layer or only images (a scan).
//!
//! Built on the pure-Rust `hayro-syntax` (objects, encryption) and `hayro-interpret` (content
//! streams, fonts, Unicode). The interpreter draws into `TextCollector`, a device that keeps
//! the Unicode of each glyph with its position and notes whether an image was drawn; the glyphs
//! are then put into lines (same baseline, left to right) and the lines top to bottom.
//!
//! # Hostile input
//!
//! A document from a stranger may be built to crash or stall its reader. What is done here:
//!
//! - **Bounded reading**: at most [`MAX_PAGES`] pages are interpreted, at most
//!   [`MAX_CONTENT_BYTES`] of each page's content stream, at most [`MAX_GLYPHS`] glyphs are
//!   kept, and the text stops at [`MAX_TEXT_BYTES`]. Images are noted, never decoded. Page
//!   annotations (form fields, comments) are not interpreted. Fonts and `CMap`s come only from
//!   the document or from the data built into hayro (`embed-fonts`, `embed-cmaps`): nothing is
//!   looked up on the system.
//! - **Nesting**: hayro's issue tracker has fuzzer reports of stack overflows and out-of-memory
//!   aborts on crafted files (LaurenzV/hayro#273, closed as fixed) and of endless recursion
//!   through object streams (fixed by LaurenzV/hayro#350). hayro-syntax 0.9 stops skipping
//!   arrays and dictionaries 512 levels deep and hayro-interpret stops nesting forms, patterns
//!   and Type 3 glyphs 50 levels deep. On top of that a linear scan of the raw bytes refuses a
//!   file whose arrays or dictionaries nest deeper than [`MAX_NESTING_DEPTH`] before the parser
//!   sees it: such a file is never a real document, and hayro's lenient repair scan would try to
//!   parse it from every offset (quadratic time).
//! - **Panics**: the issue tracker also holds fuzzer panics in the parsers that were still open
//!   when looked at (an `unwrap` on a `None` in the `CMap` parser, LaurenzV/hayro#538; an
//!   overflow in the CCITT decoder, #52; a radix panic in the Type 1 parser, #236). The whole read runs under
//!   [`std::panic::catch_unwind`], so a panic becomes an error phrase. That is the second line:
//!   a stack overflow, an allocation failure (a decompression bomb: hayro does not limit the
//!   size of a decoded stream) or a stall cannot be caught in-process, so callers run the reader
//!   in a separate process with a time and memory limit.
//!
//! The stack needed is bounded by those depths: in an unoptimised build, a 520-level array and
//! a form that draws itself were read in 256 KiB of stack (the tests give them 512 KiB); the
//! array overflowed 128 KiB. A main thread's 8 MiB is ample.
//!
//! # Files
//!
//! - `read`: [`read_pdf`], its checks in front and its panic guard, and the interpreter run over
//!   the first pages.
//! - `nesting`: the linear pre-check of how deeply arrays and dictionaries nest.
//! - `text_layer`: `TextCollector`, the device that keeps glyphs and counts images.
//! - `lines`: putting the glyphs of a page into lines, and the lines into bounded text.

use serde::Serialize;

mod lines;
mod nesting;
mod read;
mod text_layer;

#[cfg(test)]
mod test_builders;
#[cfg(test)]
mod test_encryption;

pub use read::read_pdf;

/// What atsdrop learns from a PDF.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct PdfFacts {
    /// Pages in the document (0 if unknown).
    pub pages: u32,
    /// Opening it needs a password (encrypted with a non-empty user password): nothing else can
    /// be read.
    pub needs_password: bool,
    /// The text of the first pages (at most [`MAX_PAGES`] pages and [`MAX_TEXT_BYTES`] bytes),
    /// lines separated by '\n', reading order approximated by y then x.
    pub text: String,
    /// Whether any of the pages read has extractable text (a text layer). false for a scan
    /// (images only).
    pub has_text_layer: bool,
    /// Whether the pages read draw at least one image.
    pub has_images: bool,
    /// How many bytes at the start of `text` are the first page's.
    pub first_page_bytes: usize,
}

/// How many pages are read, from the first.
pub const MAX_PAGES: usize = 3;

/// How much text is kept, in bytes of UTF-8 (cut at a character boundary).
pub const MAX_TEXT_BYTES: usize = 64 * 1024;

/// How deeply arrays and dictionaries may nest in the raw bytes before the file is refused
/// unread. Real documents stay in single digits.
pub const MAX_NESTING_DEPTH: usize = 1_000;

/// How much of a page's decoded content stream is interpreted; the rest is ignored.
pub const MAX_CONTENT_BYTES: usize = 8 * 1024 * 1024;

/// How many glyphs are kept over all the pages read (a bound on memory; many more than
/// [`MAX_TEXT_BYTES`] allows, because glyphs are sorted by position before the text is cut).
pub const MAX_GLYPHS: usize = 4 * MAX_TEXT_BYTES;
