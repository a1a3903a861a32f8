//! Text: decoding a file's head (UTF-8, UTF-16 with a byte-order mark, or legacy 8-bit text) and
//! telling RTF, SVG, HTML, XML, JSON and CSV apart from plain text. Markdown cannot be told from
//! plain text by content; `FileFacts::effective_kind` refines plain text by the extension.

use crate::model::FileKind;

/// The head as text, or `None` when it holds binary data (NUL or other control bytes, or bytes
/// that are neither UTF-8 nor mostly-ASCII legacy text).
///
/// `truncated` says the file goes on past `head`, so a multibyte character may be cut at the
/// end.
pub(super) fn decode(head: &[u8], truncated: bool) -> Option<String> {
    if let Some(rest) = head.strip_prefix(b"\xEF\xBB\xBF") {
        return utf8(rest, truncated);
    }
    if let Some(rest) = head.strip_prefix(b"\xFF\xFE") {
        return utf16(rest, truncated, u16::from_le_bytes);
    }
    if let Some(rest) = head.strip_prefix(b"\xFE\xFF") {
        return utf16(rest, truncated, u16::from_be_bytes);
    }
    utf8(head, truncated).or_else(|| legacy(head))
}

/// Whether decoded text has no control characters besides tab, line breaks and form feed.
fn clean(text: &str) -> bool {
    !text
        .chars()
        .any(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\x0C'))
}

fn utf8(bytes: &[u8], truncated: bool) -> Option<String> {
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        // A multibyte character cut by the end of the head.
        Err(e) if truncated && e.error_len().is_none() => {
            std::str::from_utf8(bytes.get(..e.valid_up_to())?).ok()?
        }
        Err(_) => return None,
    };
    clean(text).then(|| text.to_owned())
}

fn utf16(bytes: &[u8], truncated: bool, unit: fn([u8; 2]) -> u16) -> Option<String> {
    let units = bytes.chunks_exact(2).map(|pair| unit([pair[0], pair[1]]));
    let mut decoded = char::decode_utf16(units).peekable();
    let mut text = String::with_capacity(bytes.len() / 2);
    while let Some(next) = decoded.next() {
        match next {
            Ok(c) => text.push(c),
            // A surrogate pair cut by the end of the head.
            Err(_) if truncated && decoded.peek().is_none() => break,
            Err(_) => return None,
        }
    }
    clean(&text).then_some(text)
}

/// Windows-1252 / Latin-1 text as older Windows programs save it (Excel's CSV export): no
/// control bytes, and mostly ASCII.
fn legacy(head: &[u8]) -> Option<String> {
    let mut high = 0_usize;
    for &byte in head {
        match byte {
            b'\t' | b'\n' | b'\r' | 0x0C | 0x20..=0x7E => {}
            0x80..=0xFF => high += 1,
            _ => return None,
        }
    }
    (high * 10 <= head.len() * 3).then(|| head.iter().copied().map(char::from).collect())
}

/// What kind of text `text` (a file's decoded head) is.
pub(super) fn classify(text: &str, truncated: bool) -> FileKind {
    let start = text.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    if start.starts_with("{\\rtf") {
        return FileKind::Rtf;
    }
    if start.starts_with('<')
        && let Some(kind) = markup(start)
    {
        return kind;
    }
    if (start.starts_with('{') || start.starts_with('[')) && json_prefix(start) {
        return FileKind::Json;
    }
    if start.starts_with("#!") {
        return FileKind::Other {
            mime: "text/x-shellscript".to_owned(),
        };
    }
    if mail_headers(start) {
        return FileKind::Email;
    }
    if csv(text, truncated) {
        return FileKind::Csv;
    }
    FileKind::PlainText
}

/// Headers that mark a text as an e-mail (RFC 5322), lower-case with the colon.
const MAIL_HEADERS: &[&str] = &[
    "from:",
    "to:",
    "subject:",
    "date:",
    "message-id:",
    "mime-version:",
    "received:",
    "return-path:",
    "delivered-to:",
    "reply-to:",
    "content-type:",
];

/// Whether `text` starts with an e-mail's header block: every line up to the first blank one
/// is a `Name: value` field or a folded continuation, `From:` is among them, and at least
/// three are fields mails carry.
fn mail_headers(text: &str) -> bool {
    let mut known = 0;
    let mut from = false;
    for line in text.lines() {
        if line.trim().is_empty() {
            break;
        }
        if line.starts_with([' ', '\t']) {
            continue;
        }
        let Some(colon) = line.find(':') else {
            return false;
        };
        let name = &line[..colon];
        if name.is_empty() || !name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') {
            return false;
        }
        let field = line[..=colon].to_ascii_lowercase();
        from |= field == "from:";
        known += usize::from(MAIL_HEADERS.contains(&field.as_str()));
    }
    from && known >= 3
}

/// Tags that start an HTML fragment without `<html>` (after the WHATWG sniffing rules).
const HTML_TAGS: &[&str] = &[
    "head", "body", "script", "iframe", "h1", "h2", "h3", "div", "font", "table", "a", "style",
    "title", "b", "br", "p", "meta", "link",
];

/// `rest` without the ASCII-case-insensitive `prefix`, if it starts with it.
fn strip_prefix_ci<'a>(rest: &'a str, prefix: &str) -> Option<&'a str> {
    let head = rest.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| rest.get(prefix.len()..))
        .flatten()
}

/// SVG, HTML or XML by the first element (after an XML declaration, comments and a doctype);
/// `None` when `text` only looks like markup ("<3 thanks").
fn markup(text: &str) -> Option<FileKind> {
    let mut rest = text;
    let mut xml_decl = false;
    loop {
        rest = rest.trim_start();
        if let Some(after) = rest.strip_prefix("<?") {
            xml_decl |= strip_prefix_ci(after, "xml").is_some();
            let Some(end) = after.find("?>") else {
                return xml_decl.then_some(FileKind::Xml);
            };
            rest = &after[end + 2..];
        } else if let Some(after) = rest.strip_prefix("<!--") {
            // A comment longer than the head: markup whose root lies further on.
            let Some(end) = after.find("-->") else {
                return Some(FileKind::Xml);
            };
            rest = &after[end + 3..];
        } else if let Some(after) = strip_prefix_ci(rest, "<!doctype") {
            let name = after.trim_start();
            if strip_prefix_ci(name, "html").is_some() {
                return Some(FileKind::Html);
            }
            if strip_prefix_ci(name, "svg").is_some() {
                return Some(FileKind::Svg);
            }
            let Some(end) = doctype_end(after) else {
                return Some(FileKind::Xml);
            };
            rest = &after[end..];
        } else if let Some(after) = rest.strip_prefix('<') {
            return element(after, xml_decl, text);
        } else {
            // Text after a prolog, or nothing at all.
            return xml_decl.then_some(FileKind::Xml);
        }
    }
}

/// The kind of markup whose first element starts `after` (just past its `<`).
fn element(after: &str, xml_decl: bool, whole: &str) -> Option<FileKind> {
    let name_len = after
        .find(|c: char| !(c.is_alphanumeric() || matches!(c, '_' | ':' | '.' | '-')))
        .unwrap_or(after.len());
    let name = &after[..name_len];
    if !name.starts_with(|c: char| c.is_alphabetic() || c == '_') {
        return None;
    }
    let next = after[name_len..].chars().next();
    if !next.is_none_or(|c| c == '>' || c == '/' || c.is_whitespace()) {
        return None;
    }
    let local = name.rsplit(':').next().unwrap_or(name).to_ascii_lowercase();
    match local.as_str() {
        "svg" => Some(FileKind::Svg),
        "html" => Some(FileKind::Html),
        tag if !xml_decl && HTML_TAGS.contains(&tag) => Some(FileKind::Html),
        // Without a declaration, an element must be closed somewhere to count as XML.
        _ if xml_decl || whole.contains("</") || whole.contains("/>") => Some(FileKind::Xml),
        _ => None,
    }
}

/// The byte index just past a doctype's closing `>`, skipping an internal subset in brackets.
fn doctype_end(after: &str) -> Option<usize> {
    let mut depth = 0_u32;
    for (i, c) in after.char_indices() {
        match c {
            '[' => depth += 1,
            ']' => depth = depth.saturating_sub(1),
            '>' if depth == 0 => return Some(i + 1),
            _ => {}
        }
    }
    None
}

/// Whether `text` is JSON, or the beginning of JSON cut by the end of the head (JSON Lines
/// count too).
fn json_prefix(text: &str) -> bool {
    let mut values = serde_json::Deserializer::from_str(text).into_iter::<serde::de::IgnoredAny>();
    loop {
        match values.next() {
            None => return true,
            Some(Ok(_)) => {}
            Some(Err(e)) => return e.is_eof(),
        }
    }
}

/// Whether `text` is a table: at least two records with the same number (> 0) of commas, or of
/// semicolons, outside quotes. A record cut by the end of the head is not counted.
fn csv(text: &str, truncated: bool) -> bool {
    let mut records: Vec<[usize; 2]> = Vec::new();
    let mut counts = [0_usize; 2];
    let mut in_quotes = false;
    let mut blank = true;
    for c in text.chars() {
        match c {
            '"' => {
                in_quotes = !in_quotes;
                blank = false;
            }
            ',' if !in_quotes => {
                counts[0] += 1;
                blank = false;
            }
            ';' if !in_quotes => {
                counts[1] += 1;
                blank = false;
            }
            '\n' if !in_quotes => {
                if !blank {
                    records.push(counts);
                }
                counts = [0, 0];
                blank = true;
            }
            c if c.is_whitespace() => {}
            _ => blank = false,
        }
    }
    if !blank && !truncated && !in_quotes {
        records.push(counts);
    }
    let Some(first) = records.first().copied() else {
        return false;
    };
    records.len() >= 2 && (0..2).any(|d| first[d] > 0 && records.iter().all(|r| r[d] == first[d]))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(text: &str) -> FileKind {
        classify(text, false)
    }

    #[test]
    fn an_email_is_told_by_its_header_block() {
        let mail = "Return-Path: <a@example.com>\r\nFrom: Anna <a@example.com>\r\nSubject: CV\r\n\tcontinued\r\nDate: Fri, 4 Dec 2026 09:30:00 +0100\r\n\r\nHello";
        assert_eq!(kind(mail), FileKind::Email);
        // A note that happens to start like a header is not a mail.
        assert_eq!(
            kind("From: the desk of Anna\nDear team,\n"),
            FileKind::PlainText
        );
        assert_eq!(
            kind("To: Anna\nSubject: notes\nDate: today\n\nno sender"),
            FileKind::PlainText
        );
    }

    #[test]
    fn tells_text_formats_apart() {
        assert_eq!(kind("{\\rtf1\\ansi hello}"), FileKind::Rtf);
        assert_eq!(
            kind("<svg xmlns=\"http://www.w3.org/2000/svg\"/>"),
            FileKind::Svg
        );
        assert_eq!(
            kind(
                "<?xml version=\"1.0\"?>\n<!-- drawn -->\n<!DOCTYPE svg PUBLIC \"x\" \"y\">\n<svg>"
            ),
            FileKind::Svg
        );
        assert_eq!(
            kind("<?xml version=\"1.0\"?><cv><name/></cv>"),
            FileKind::Xml
        );
        assert_eq!(kind("<cv><name>Jane</name></cv>"), FileKind::Xml);
        assert_eq!(kind("<!DOCTYPE html><html><body>hi"), FileKind::Html);
        assert_eq!(kind("  <HTML lang=en>"), FileKind::Html);
        assert_eq!(kind("<p>Hello</p>"), FileKind::Html);
        assert_eq!(kind("<3 thanks for the interview"), FileKind::PlainText);
        assert_eq!(kind("<Jane Doe> wrote: hello"), FileKind::PlainText);
        assert_eq!(
            kind("{\"name\": \"Jane\", \"skills\": [\"Rust\"]}"),
            FileKind::Json
        );
        assert_eq!(kind("[1, 2, {\"a\": nul"), FileKind::Json);
        assert_eq!(kind("{\"a\":1}\n{\"a\":2}\n"), FileKind::Json);
        assert_eq!(kind("[x] call the candidate"), FileKind::PlainText);
        assert_eq!(kind("name,email\nJane,jane@example.com\n"), FileKind::Csv);
        assert_eq!(kind("a;b;c\r\n1;\"x;y\";3\r\n"), FileKind::Csv);
        assert_eq!(kind("a,b\n1,2,3\n"), FileKind::PlainText);
        assert_eq!(kind("just one line, with a comma"), FileKind::PlainText);
        assert_eq!(kind("# Jane Doe\n\n- Rust\n"), FileKind::PlainText);
        assert!(matches!(
            kind("#!/bin/sh\necho hi\n"),
            FileKind::Other { .. }
        ));
    }

    #[test]
    fn a_record_cut_by_the_head_is_not_counted() {
        assert_eq!(classify("a,b\n1,2\n3", true), FileKind::Csv);
        assert_eq!(classify("a,b\n1,2\n3", false), FileKind::PlainText);
    }

    #[test]
    fn decodes_what_text_editors_write() {
        assert_eq!(
            decode(b"\xEF\xBB\xBFhello", false).as_deref(),
            Some("hello")
        );
        assert_eq!(decode(b"\xFF\xFEh\0i\0", false).as_deref(), Some("hi"));
        assert_eq!(decode(b"\xFE\xFF\0h\0i", false).as_deref(), Some("hi"));
        assert_eq!(
            decode("caf\u{e9}".as_bytes(), false).as_deref(),
            Some("café")
        );
        // "é" cut in half by the end of the head.
        assert_eq!(decode(b"caf\xC3", true).as_deref(), Some("caf"));
        // Windows-1252 "café".
        assert_eq!(
            decode(b"caf\xE9 au lait", false).as_deref(),
            Some("caf\u{e9} au lait")
        );
        assert_eq!(decode(b"a\0b", false), None);
        assert_eq!(decode(b"\x01\x02\x03", false), None);
        assert_eq!(decode(&[0xFF; 64], false), None);
    }
}
