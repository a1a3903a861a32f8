//! Plain text files (also Markdown and CSV): UTF-8 or UTF-16, only the start of a long one.

use super::encoding::utf16_lossy;
use super::text_sink::TextSink;
use super::{DocFacts, MAX_TEXT_BYTES};

/// Reads plain text (also Markdown and CSV): UTF-8 (invalid bytes become `�`) or UTF-16 when the
/// file starts with its byte-order mark. Only the start of a long file is read.
#[must_use]
pub fn read_text(bytes: &[u8]) -> DocFacts {
    // Four bytes of input at most make one character: enough input for a full text.
    let limit = MAX_TEXT_BYTES * 4;
    let decoded = if let Some(rest) = bytes.strip_prefix(&[0xff, 0xfe]) {
        utf16_lossy(&rest[..rest.len().min(limit)], true)
    } else if let Some(rest) = bytes.strip_prefix(&[0xfe, 0xff]) {
        utf16_lossy(&rest[..rest.len().min(limit)], false)
    } else {
        let rest = bytes.strip_prefix(&[0xef, 0xbb, 0xbf]).unwrap_or(bytes);
        String::from_utf8_lossy(&rest[..rest.len().min(limit)]).into_owned()
    };
    let mut sink = TextSink::default();
    let mut lines = decoded.split('\n').peekable();
    while let Some(line) = lines.next() {
        sink.push_str(line.strip_suffix('\r').unwrap_or(line));
        if lines.peek().is_some() {
            sink.newline();
        }
        if sink.is_full() {
            break;
        }
    }
    DocFacts {
        text: sink.finish(),
        ..DocFacts::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_in_utf8_and_utf16() {
        assert_eq!(
            read_text(b"\xef\xbb\xbfNaam: Jan\r\n\r\nMail: jan@x.nl\r\n").text,
            "Naam: Jan\n\nMail: jan@x.nl"
        );
        assert_eq!(read_text(b"caf\xe9 ok").text, "caf\u{fffd} ok");
        let utf16: Vec<u8> = [0xff, 0xfe]
            .into_iter()
            .chain("Zoë\nx".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(read_text(&utf16).text, "Zoë\nx");
        let utf16be: Vec<u8> = [0xfe, 0xff]
            .into_iter()
            .chain("Zoë".encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        assert_eq!(read_text(&utf16be).text, "Zoë");
        let long = "abc\n".repeat(100_000);
        assert!(read_text(long.as_bytes()).text.len() <= MAX_TEXT_BYTES);
    }
}
