//! Word-processing documents: what text they hold, whether they carry macros and whether they
//! need a password to open.
//!
//! Four readers, one per container:
//!
//! - [`read_docx`]: Office Open XML packages (`.docx`, `.docm`; macros are found in any OOXML
//!   package). Body text, then headers and footers, then hyperlink targets.
//! - [`read_odt`]: `OpenDocument` text (`.odt`): `content.xml`, then the headers and footers in
//!   `styles.xml`, then link targets.
//! - [`read_ole`]: OLE compound files: old `.doc`/`.xls`/`.ppt`, and the envelope Office wraps
//!   around a password-protected `.docx`/`.xlsx`. The text of a Word 97–2003 `.doc` is read
//!   from its piece table; other old formats give no text.
//! - [`read_text`]: plain text, Markdown, CSV.
//!
//! Everything is bounded: zip entries are read through [`Read::take`](std::io::Read::take) and
//! refused beyond [`MAX_ENTRY_BYTES`] each and [`MAX_TOTAL_BYTES`] in all (declared sizes are
//! checked first but never trusted alone), a package with more than [`MAX_ENTRIES`] entries is
//! refused, and the text kept stops at [`MAX_TEXT_BYTES`]. Damaged XML inside a readable package
//! ends that part's text early instead of failing the whole document.
//!
//! This file holds what the readers share with the rest of atsdrop: [`DocFacts`], the limits and
//! the error phrase. Each reader and each piece they share has a file of its own:
//!
//! - `docx`, `odt`, `ole`, `text`: the four readers; `word97`: the text of a Word 97–2003 `.doc`
//!   (its piece table), for `ole`.
//! - `zip_package`: bounded reading of zip entries; `xml`: helpers for XML parts.
//! - `text_sink`: the text kept, bounded and tidied; `links`: which hyperlink targets are kept
//!   and how they are read from field instructions; `encoding`: Windows-1252 and UTF-16.

mod docx;
mod encoding;
mod links;
mod odt;
mod ole;
mod text;
mod text_sink;
mod word97;
mod xml;
mod zip_package;

#[cfg(test)]
mod test_builders;

pub use docx::read_docx;
pub use odt::read_odt;
pub use ole::read_ole;
pub use text::read_text;

// Shared with the RTF reader (`super::rtf`).
pub(crate) use encoding::cp1252;
pub(crate) use links::{hyperlink_target, note_link};
pub(crate) use text_sink::TextSink;

/// What atsdrop learns from a word-processing document.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct DocFacts {
    /// Body text, then headers and footers, then hyperlink targets (`mailto:`, `tel:` and web
    /// links, one a line) — at most [`MAX_TEXT_BYTES`], paragraphs separated by `'\n'`.
    pub text: String,
    /// It carries macros: VBA (`vbaProject.bin` anywhere in a zip; a `Macros`,
    /// `_VBA_PROJECT_CUR` or `VBA` storage in an OLE file) or `OpenDocument` Basic/scripts.
    pub macros: bool,
    /// It is encrypted and needs a password to open: an OLE file holding `EncryptedPackage`
    /// (a password-protected `.docx`/`.xlsx`), a Word 97–2003 `.doc` with its encrypted bit
    /// set, or an `OpenDocument` file whose manifest lists encryption data.
    pub needs_password: bool,
}

/// The most text kept from one document, in bytes of UTF-8.
pub const MAX_TEXT_BYTES: usize = 64 * 1024;

/// The most bytes one zip entry may unpack to (a limit against zip bombs).
pub const MAX_ENTRY_BYTES: u64 = 8 * 1024 * 1024;

/// The most bytes all the zip entries read from one document may unpack to.
pub const MAX_TOTAL_BYTES: u64 = 32 * 1024 * 1024;

/// The most entries a zip package may have; a package with more is refused.
pub const MAX_ENTRIES: usize = 2_000;

/// The error for a file that is not what its reader expects.
pub(crate) fn unreadable(why: &str) -> String {
    format!("it is not a document atsdrop can read ({why})")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::office::test_builders::zip_of;

    #[test]
    fn a_zip_that_is_no_document_is_refused() {
        let bytes = zip_of(&[("notes.txt", b"hello")]);
        let error = read_docx(&bytes).unwrap_err();
        assert!(
            error.starts_with("it is not a document atsdrop can read"),
            "{error}"
        );
        assert!(read_odt(&bytes).is_err());
    }

    #[test]
    fn garbage_is_refused() {
        let garbage: Vec<u8> = (0..4096u32).map(|i| (i * 7919 % 251) as u8).collect();
        for read in [read_docx, read_odt, read_ole] {
            let error = read(&garbage).unwrap_err();
            assert!(
                error.starts_with("it is not a document atsdrop can read ("),
                "{error}"
            );
        }
        assert!(read_docx(b"").is_err());
        assert!(read_ole(b"PK\x03\x04").is_err());
    }
}
