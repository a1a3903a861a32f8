//! The text of a Word 97–2003 `.doc` ([MS-DOC]): the FIB, the piece table in the
//! `0Table`/`1Table` stream, the text of each piece, and the hyperlink targets in its fields.

use std::io::{Cursor, Read};

use super::MAX_ENTRY_BYTES;
use super::encoding::{cp1252, utf16_lossy};
use super::links::{MAX_FIELD_DEPTH, note_field, push_instruction};
use super::text_sink::TextSink;

/// What reading a Word 97–2003 document found.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Word97 {
    /// Its text was read (or what could be).
    Read,
    /// It is encrypted: there is no text to read without the password.
    Encrypted,
}

/// Up to [`MAX_ENTRY_BYTES`] of an OLE stream, or `None`.
fn read_stream(file: &mut cfb::CompoundFile<Cursor<&[u8]>>, path: &str) -> Option<Vec<u8>> {
    let stream = file.open_stream(path).ok()?;
    let mut out = Vec::new();
    stream.take(MAX_ENTRY_BYTES).read_to_end(&mut out).ok()?;
    Some(out)
}

/// The little-endian `u16` at `at`, if the bytes reach that far.
fn u16_at(bytes: &[u8], at: usize) -> Option<u16> {
    let pair = bytes.get(at..at.checked_add(2)?)?;
    Some(u16::from_le_bytes([pair[0], pair[1]]))
}

/// The little-endian `u32` at `at`, if the bytes reach that far.
fn u32_at(bytes: &[u8], at: usize) -> Option<u32> {
    let quad = bytes.get(at..at.checked_add(4)?)?;
    Some(u32::from_le_bytes([quad[0], quad[1], quad[2], quad[3]]))
}

/// Reads the text of a Word 97–2003 document ([MS-DOC]: the FIB, then the piece table in the
/// `0Table`/`1Table` stream). Anything unexpected ends the reading with what was found.
pub(super) fn read_word97(
    file: &mut cfb::CompoundFile<Cursor<&[u8]>>,
    sink: &mut TextSink,
    links: &mut Vec<String>,
) -> Word97 {
    let Some(word) = read_stream(file, "/WordDocument") else {
        return Word97::Read;
    };
    let (Some(ident), Some(version), Some(flags)) =
        (u16_at(&word, 0), u16_at(&word, 2), u16_at(&word, 0x0a))
    else {
        return Word97::Read;
    };
    // `fEncrypted`: encrypted or obfuscated with a password.
    if ident == 0xa5ec && flags & 0x0100 != 0 {
        return Word97::Encrypted;
    }
    // Word 6/95 (`nFib` below 0xC1) keeps its text differently; not read.
    if ident != 0xa5ec || version < 0xc1 {
        return Word97::Read;
    }
    let table_name = if flags & 0x0200 == 0 {
        "/0Table"
    } else {
        "/1Table"
    };
    let Some(clx) = word97_clx(&word).and_then(|(fc, lcb)| {
        let table = read_stream(file, table_name)?;
        table.get(fc..fc.checked_add(lcb)?).map(<[u8]>::to_vec)
    }) else {
        return Word97::Read;
    };
    let Some(pieces) = word97_pieces(&clx) else {
        return Word97::Read;
    };
    let mut fields = DocFields::default();
    for piece in pieces {
        if sink.is_full() {
            break;
        }
        if piece.compressed {
            let Some(bytes) = word.get(piece.offset..piece.offset.saturating_add(piece.chars))
            else {
                continue;
            };
            for &byte in bytes {
                fields.feed(cp1252(byte), sink, links);
            }
        } else {
            let end = piece.offset.saturating_add(piece.chars.saturating_mul(2));
            let Some(bytes) = word.get(piece.offset..end) else {
                continue;
            };
            for c in utf16_lossy(bytes, true).chars() {
                fields.feed(c, sink, links);
            }
        }
    }
    Word97::Read
}

/// Where the `Clx` (the piece table) is in the table stream: `(fcClx, lcbClx)` from the FIB.
fn word97_clx(word: &[u8]) -> Option<(usize, usize)> {
    // FibBase (32 bytes), then `csw` 16-bit values, `cslw` 32-bit values, then the
    // `cbRgFcLcb` pairs of 32-bit values; `fcClx`/`lcbClx` is pair 33.
    let shorts = usize::from(u16_at(word, 0x20)?);
    let longs_at = 0x22 + shorts * 2;
    let longs = usize::from(u16_at(word, longs_at)?);
    let pairs_at = longs_at + 2 + longs * 4;
    let pairs = usize::from(u16_at(word, pairs_at)?);
    if pairs <= 33 {
        return None;
    }
    let clx_at = pairs_at + 2 + 33 * 8;
    let fc = usize::try_from(u32_at(word, clx_at)?).ok()?;
    let lcb = usize::try_from(u32_at(word, clx_at + 4)?).ok()?;
    Some((fc, lcb))
}

/// One run of text in the `WordDocument` stream.
#[derive(Debug)]
struct Piece {
    /// Where the text starts in the stream, in bytes.
    offset: usize,
    /// How many characters it holds.
    chars: usize,
    /// One byte a character (Windows-1252) rather than two (UTF-16).
    compressed: bool,
}

/// The pieces of a `Clx`: skips the `Prc` property records, then reads the `PlcPcd`.
fn word97_pieces(clx: &[u8]) -> Option<Vec<Piece>> {
    let mut at = 0usize;
    while clx.get(at) == Some(&0x01) {
        let size = usize::from(u16_at(clx, at + 1)?);
        at = at.checked_add(3 + size)?;
    }
    if clx.get(at) != Some(&0x02) {
        return None;
    }
    let size = usize::try_from(u32_at(clx, at + 1)?).ok()?;
    let plc = clx.get(at + 5..at.checked_add(5)?.checked_add(size)?)?;
    // n + 1 character positions (4 bytes each), then n piece descriptors (8 bytes each).
    let count = plc.len().checked_sub(4)? / 12;
    let descriptors_at = (count + 1) * 4;
    let mut pieces = Vec::with_capacity(count);
    for i in 0..count {
        let start = u32_at(plc, i * 4)?;
        let end = u32_at(plc, (i + 1) * 4)?;
        let fc = u32_at(plc, descriptors_at + i * 8 + 2)?;
        let compressed = fc & 0x4000_0000 != 0;
        let fc = usize::try_from(fc & 0x3fff_ffff).ok()?;
        pieces.push(Piece {
            offset: if compressed { fc / 2 } else { fc },
            chars: usize::try_from(end.saturating_sub(start)).ok()?,
            compressed,
        });
    }
    Some(pieces)
}

/// Turns the special characters of Word 97 text into plain text, reading field instructions
/// (between the field-begin 0x13 and field-separator 0x14 marks) for hyperlink targets.
#[derive(Debug, Default)]
struct DocFields {
    /// One instruction per open field; `None` once its result began.
    open: Vec<Option<String>>,
}

impl DocFields {
    /// Takes the next character of the text: a field mark, part of an instruction, a break or
    /// text.
    fn feed(&mut self, c: char, sink: &mut TextSink, links: &mut Vec<String>) {
        match c {
            '\u{13}' => {
                if self.open.len() < MAX_FIELD_DEPTH {
                    self.open.push(Some(String::new()));
                }
            }
            '\u{14}' => note_field(
                self.open.last_mut().and_then(Option::take).as_deref(),
                links,
            ),
            '\u{15}' => note_field(self.open.pop().flatten().as_deref(), links),
            c if matches!(self.open.last(), Some(Some(_))) => {
                push_instruction(&mut self.open, c.encode_utf8(&mut [0; 4]));
            }
            // Paragraph, line and page breaks; cell and row ends.
            '\r' | '\u{0b}' | '\u{0c}' | '\u{07}' => sink.newline(),
            // Non-breaking hyphen.
            '\u{1e}' => sink.push_char('-'),
            c => sink.push_char(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::content::office::read_ole;
    use crate::content::office::test_builders::ole_of;

    /// A minimal Word 97 document: a FIB pointing at a one-piece table of 8-bit `text`.
    fn word97(text: &[u8], flags: u16) -> Vec<u8> {
        let text_at = 0x400usize;
        let mut word = vec![0u8; text_at];
        word[0..2].copy_from_slice(&0xa5ecu16.to_le_bytes());
        word[2..4].copy_from_slice(&0x00c1u16.to_le_bytes());
        word[0x0a..0x0c].copy_from_slice(&(flags | 0x0200).to_le_bytes()); // 1Table
        word[0x20..0x22].copy_from_slice(&14u16.to_le_bytes()); // csw
        word[0x3e..0x40].copy_from_slice(&22u16.to_le_bytes()); // cslw
        word[0x98..0x9a].copy_from_slice(&0x5du16.to_le_bytes()); // cbRgFcLcb
        word.extend_from_slice(text);

        let chars = u32::try_from(text.len()).unwrap();
        let mut clx = vec![0x02];
        clx.extend_from_slice(&16u32.to_le_bytes()); // 2 positions + 1 descriptor
        clx.extend_from_slice(&0u32.to_le_bytes());
        clx.extend_from_slice(&chars.to_le_bytes());
        clx.extend_from_slice(&0u16.to_le_bytes());
        let fc = u32::try_from(text_at * 2).unwrap() | 0x4000_0000;
        clx.extend_from_slice(&fc.to_le_bytes());
        clx.extend_from_slice(&0u16.to_le_bytes());
        let mut table = vec![0u8; 16];
        let clx_at = u32::try_from(table.len()).unwrap();
        table.extend_from_slice(&clx);
        word[0x1a2..0x1a6].copy_from_slice(&clx_at.to_le_bytes());
        word[0x1a6..0x1aa].copy_from_slice(&u32::try_from(clx.len()).unwrap().to_le_bytes());

        ole_of(&[], &[("/WordDocument", &word), ("/1Table", &table)])
    }

    #[test]
    fn word97_text_and_hyperlink_fields_are_read() {
        let bytes = word97(
            b"Jos\xe9 Garc\xeda\rMail: \x13 HYPERLINK \"mailto:jose@example.es\" \x14jose@example.es\x15\r\x07",
            0,
        );
        let facts = read_ole(&bytes).unwrap();
        assert_eq!(
            facts.text,
            "José García\nMail: jose@example.es\nmailto:jose@example.es"
        );
        assert!(!facts.needs_password);
    }

    #[test]
    fn word97_with_the_encrypted_bit_needs_a_password() {
        let facts = read_ole(&word97(b"scrambled", 0x0100)).unwrap();
        assert!(facts.needs_password);
        assert!(facts.text.is_empty());
    }
}
