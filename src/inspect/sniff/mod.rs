//! What a file is, judged by its content: magic bytes through `infer`, plus what `infer` cannot
//! tell from one KiB — Office and OpenDocument files inside zips, legacy Office files inside OLE
//! compound files, and text formats.
//!
//! Only the first [`HEAD_LEN`] bytes are read, plus a zip's central directory (at the end of
//! the file) or an OLE file's directory sectors. A whole file is never read.

mod binary;
mod ole;
mod source;
mod text;
mod zip;

use std::io::{self, Cursor, Read, Seek};

use crate::model::FileKind;

use source::Source;

/// How many bytes of a file's beginning sniffing looks at.
pub const HEAD_LEN: usize = 1024;

/// What `bytes`, taken as a whole file, are. `None` when the content is not recognised
/// (binary data of no known type, or nothing at all).
#[must_use]
pub fn sniff(bytes: &[u8]) -> Option<FileKind> {
    let len = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
    // Reading from memory cannot fail.
    sniff_reader(&mut Cursor::new(bytes), len).ok().flatten()
}

/// What the file behind `reader` (of `len` bytes) is, reading only its head and, for zips and
/// OLE files, their directories. `None` when the content is not recognised.
pub fn sniff_reader<R: Read + Seek>(reader: &mut R, len: u64) -> io::Result<Option<FileKind>> {
    let mut src = Source::new(reader, len);
    let head = src.read_at(0, HEAD_LEN)?;
    if head.is_empty() {
        return Ok(None);
    }
    // The file goes on past what was read: a multibyte character or a last line may be cut.
    let truncated = src.len() > head.len() as u64;
    let text = text::decode(&head, truncated);

    if head.starts_with(ole::MAGIC) {
        return ole::sniff(&mut src, &head).map(Some);
    }
    if zip::is_zip(&head) {
        return zip::sniff(&mut src, &head).map(Some);
    }
    if let Some(kind) = binary::program(&mut src, &head, text.is_some())? {
        return Ok(Some(kind));
    }
    if let Some(kind) = binary::iso_media(&head) {
        return Ok(Some(kind));
    }
    if let Some(kind) = binary::magic(&head, text.is_some()) {
        return Ok(Some(kind));
    }
    Ok(text.map(|text| text::classify(&text, truncated)))
}
