//! Zip-based formats: Office Open XML (.docx/.xlsx/.pptx) by the central directory's entry
//! names, OpenDocument (.odt/.ods/.odp) by the stored `mimetype` entry, and plain zips.
//!
//! Reads the head (already read), the End Of Central Directory record at the end of the file
//! and at most [`MAX_CENTRAL_DIRECTORY`] bytes of the central directory.

use std::io::{self, Read, Seek};

use crate::model::FileKind;

use super::source::{Source, u16_at, u32_at, u64_at};

/// Most bytes of a central directory read (about 4,000 entries with typical names).
const MAX_CENTRAL_DIRECTORY: usize = 256 * 1024;
/// Size of the End Of Central Directory record without its comment.
const EOCD_LEN: usize = 22;
/// Longest zip comment, after which the record must be.
const MAX_COMMENT: usize = 0xFFFF;

const LOCAL_HEADER: &[u8] = b"PK\x03\x04";
const EMPTY_ZIP: &[u8] = b"PK\x05\x06";
const CENTRAL_ENTRY: &[u8] = b"PK\x01\x02";
const EOCD: &[u8] = b"PK\x05\x06";
const ZIP64_LOCATOR: &[u8] = b"PK\x06\x07";
const ZIP64_EOCD: &[u8] = b"PK\x06\x06";

/// Whether the head starts like a zip file.
pub(super) fn is_zip(head: &[u8]) -> bool {
    head.starts_with(LOCAL_HEADER) || head.starts_with(EMPTY_ZIP)
}

/// The kind of a file whose head starts like a zip.
pub(super) fn sniff<R: Read + Seek>(src: &mut Source<'_, R>, head: &[u8]) -> io::Result<FileKind> {
    if let Some(kind) = stored_mimetype(head) {
        return Ok(kind);
    }
    Ok(match central_directory_names(src)? {
        Some(names) => by_entry_names(&names),
        // No readable central directory (a cut-off download): judge by the local headers in
        // the head, as `infer` does.
        None => match infer::get(head).map(|t| t.mime_type()) {
            Some(
                mime @ ("application/vnd.openxmlformats-officedocument.wordprocessingml.document"
                | "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                | "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
            ) => FileKind::from_mime(mime),
            _ => FileKind::Zip,
        },
    })
}

/// OpenDocument (and EPUB and others) store their MIME type uncompressed as the first entry,
/// named `mimetype`, so it sits in the head.
fn stored_mimetype(head: &[u8]) -> Option<FileKind> {
    if !head.starts_with(LOCAL_HEADER) || u16_at(head, 8)? != 0 {
        return None;
    }
    let name_len = usize::from(u16_at(head, 26)?);
    let extra_len = usize::from(u16_at(head, 28)?);
    let size = usize::try_from(u32_at(head, 18)?).ok()?;
    if head.get(30..30 + name_len)? != b"mimetype" || size > 100 {
        return None;
    }
    let start = 30 + name_len + extra_len;
    let mime = std::str::from_utf8(head.get(start..start + size)?)
        .ok()?
        .trim();
    Some(match mime {
        "application/vnd.oasis.opendocument.text" => FileKind::Odt,
        "application/vnd.oasis.opendocument.spreadsheet" => FileKind::Ods,
        "application/vnd.oasis.opendocument.presentation" => FileKind::Odp,
        mime if is_mime_like(mime) => FileKind::Other {
            mime: mime.to_ascii_lowercase(),
        },
        _ => return None,
    })
}

/// `type/subtype` made of the characters MIME types use.
fn is_mime_like(text: &str) -> bool {
    let mut parts = text.split('/');
    let ok = |part: Option<&str>| {
        part.is_some_and(|p| {
            !p.is_empty()
                && p.chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '+' | '-' | '_'))
        })
    };
    ok(parts.next()) && ok(parts.next()) && parts.next().is_none()
}

/// Office Open XML by its part names; anything else is a plain zip (a zip renamed to .docx
/// has no `[Content_Types].xml`).
fn by_entry_names(names: &[Vec<u8>]) -> FileKind {
    let has_content_types = names.iter().any(|n| n == b"[Content_Types].xml");
    if !has_content_types {
        return FileKind::Zip;
    }
    let under = |dir: &[u8]| names.iter().any(|n| n.starts_with(dir));
    if under(b"word/") {
        FileKind::Docx
    } else if under(b"xl/") {
        FileKind::Xlsx
    } else if under(b"ppt/") {
        FileKind::Pptx
    } else {
        FileKind::Zip
    }
}

/// Where the End Of Central Directory record starts, and its bytes.
fn find_eocd<R: Read + Seek>(src: &mut Source<'_, R>) -> io::Result<Option<(u64, Vec<u8>)>> {
    let len = src.len();
    let Some(last) = len.checked_sub(EOCD_LEN as u64) else {
        return Ok(None);
    };
    // Usually there is no comment and the record is the last 22 bytes.
    let record = src.read_at(last, EOCD_LEN)?;
    if record.starts_with(EOCD) && u16_at(&record, 20) == Some(0) {
        return Ok(Some((last, record)));
    }
    let tail_len = (EOCD_LEN + MAX_COMMENT).min(usize::try_from(len).unwrap_or(usize::MAX));
    let tail_start = len - tail_len as u64;
    let tail = src.read_at(tail_start, tail_len)?;
    let Some(at) = tail.windows(4).rposition(|w| w == EOCD) else {
        return Ok(None);
    };
    let Some(record) = tail.get(at..at + EOCD_LEN) else {
        return Ok(None);
    };
    Ok(Some((tail_start + at as u64, record.to_vec())))
}

/// The entry names of the central directory (at most [`MAX_CENTRAL_DIRECTORY`] bytes of it),
/// or `None` when there is no readable one.
fn central_directory_names<R: Read + Seek>(
    src: &mut Source<'_, R>,
) -> io::Result<Option<Vec<Vec<u8>>>> {
    let Some((eocd_at, record)) = find_eocd(src)? else {
        return Ok(None);
    };
    let (Some(entries), Some(size), Some(offset)) = (
        u16_at(&record, 10),
        u32_at(&record, 12),
        u32_at(&record, 16),
    ) else {
        return Ok(None);
    };
    let (mut size, mut offset) = (u64::from(size), u64::from(offset));
    let mut end = eocd_at;
    if entries == 0xFFFF || size == 0xFFFF_FFFF || offset == 0xFFFF_FFFF {
        let Some((zip64_at, zip64_size, zip64_offset)) = zip64(src, eocd_at)? else {
            return Ok(None);
        };
        (size, offset, end) = (zip64_size, zip64_offset, zip64_at);
    }
    // Data prepended to the archive (a self-extractor) shifts every offset.
    let expected = end.saturating_sub(size);
    let first = src.read_at(offset, 4)?;
    if first != CENTRAL_ENTRY {
        offset = expected;
    }
    let want = usize::try_from(size)
        .unwrap_or(usize::MAX)
        .min(MAX_CENTRAL_DIRECTORY);
    let directory = src.read_at(offset, want)?;
    if !directory.starts_with(CENTRAL_ENTRY) {
        return Ok(if entries == 0 { Some(Vec::new()) } else { None });
    }
    Ok(Some(entry_names(&directory)))
}

/// Size and offset of the central directory from the Zip64 records before `eocd_at`.
fn zip64<R: Read + Seek>(
    src: &mut Source<'_, R>,
    eocd_at: u64,
) -> io::Result<Option<(u64, u64, u64)>> {
    let Some(locator_at) = eocd_at.checked_sub(20) else {
        return Ok(None);
    };
    let locator = src.read_at(locator_at, 20)?;
    if !locator.starts_with(ZIP64_LOCATOR) {
        return Ok(None);
    }
    let Some(record_at) = u64_at(&locator, 8) else {
        return Ok(None);
    };
    let record = src.read_at(record_at, 56)?;
    if !record.starts_with(ZIP64_EOCD) {
        return Ok(None);
    }
    Ok(u64_at(&record, 40)
        .zip(u64_at(&record, 48))
        .map(|(size, offset)| (record_at, size, offset)))
}

/// The names of the central directory entries in `directory`, up to the first damaged one.
fn entry_names(directory: &[u8]) -> Vec<Vec<u8>> {
    let mut names = Vec::new();
    let mut at = 0_usize;
    while directory.get(at..at + 4) == Some(CENTRAL_ENTRY) {
        let (Some(name_len), Some(extra_len), Some(comment_len)) = (
            u16_at(directory, at + 28),
            u16_at(directory, at + 30),
            u16_at(directory, at + 32),
        ) else {
            break;
        };
        let name_start = at + 46;
        let Some(name) = directory.get(name_start..name_start + usize::from(name_len)) else {
            break;
        };
        names.push(name.to_vec());
        at = name_start + usize::from(name_len) + usize::from(extra_len) + usize::from(comment_len);
    }
    names
}
