//! `OpenDocument` text (`.odt`): `content.xml`, the headers and footers of `styles.xml`, link
//! targets, Basic macros and scripts, and encryption listed in the manifest.

use quick_xml::events::Event;

use super::links::note_link;
use super::text_sink::TextSink;
use super::xml::{attribute, reference_text, xml_reader, xml_utf8};
use super::zip_package::Package;
use super::{DocFacts, unreadable};

/// Reads an `OpenDocument` text (`.odt`): the paragraphs and headings of `content.xml`, then the
/// headers and footers of `styles.xml`, then the targets of its links (`text:a`). `macros` is
/// set by Basic modules (`Basic/…`) or scripts (`Scripts/…`); an encrypted document
/// (its manifest lists encryption data) sets `needs_password` and gives no text.
pub fn read_odt(bytes: &[u8]) -> Result<DocFacts, String> {
    let mut package = Package::open(bytes)?;
    let macros = package.names.iter().any(|name| is_odf_macro(name));
    if !package.has("content.xml") {
        return Err(unreadable("it has no content.xml"));
    }
    let encrypted = package
        .read("META-INF/manifest.xml")?
        .is_some_and(|manifest| contains(&manifest, b"encryption-data"));
    if encrypted {
        return Ok(DocFacts {
            text: String::new(),
            macros,
            needs_password: true,
        });
    }

    let mut sink = TextSink::default();
    let mut links = Vec::new();
    if let Some(xml) = package.read("content.xml")? {
        walk_odf(&xml_utf8(xml), false, &mut sink, &mut links);
    }
    if !sink.is_full()
        && let Some(xml) = package.read("styles.xml")?
    {
        sink.end_line();
        walk_odf(&xml_utf8(xml), true, &mut sink, &mut links);
    }
    sink.push_links(&links);
    Ok(DocFacts {
        text: sink.finish(),
        macros,
        needs_password: false,
    })
}

/// Whether a package entry is an `OpenDocument` macro: a Basic module (not the library
/// indexes `script-lc.xml`/`script-lb.xml`) or a script file.
fn is_odf_macro(name: &str) -> bool {
    if name.ends_with('/') {
        return false;
    }
    if let Some(rest) = name.strip_prefix("Basic/") {
        let file = rest.rsplit('/').next().unwrap_or(rest);
        return rest.contains('/')
            && !file.eq_ignore_ascii_case("script-lb.xml")
            && !file.eq_ignore_ascii_case("script-lc.xml")
            && !file.eq_ignore_ascii_case("dialog-lb.xml");
    }
    name.starts_with("Scripts/")
}

/// Whether `needle` occurs in `haystack`.
fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// Reads `OpenDocument` text: text inside paragraphs (`p`) and headings (`h`), `tab` as `'\t'`,
/// `line-break` as `'\n'`, `s` as spaces; tracked deletions are skipped. With
/// `headers_only`, only text inside headers and footers counts (for `styles.xml`).
fn walk_odf(xml: &[u8], headers_only: bool, sink: &mut TextSink, links: &mut Vec<String>) {
    let mut reader = xml_reader(xml);
    let mut in_paragraph = 0u32;
    let mut in_header = 0u32;
    let mut skipping = 0u32;

    while !sink.is_full() {
        let event = match reader.read_event() {
            Ok(Event::Eof) | Err(_) => break,
            Ok(event) => event,
        };
        if skipping > 0 {
            match event {
                Event::Start(_) => skipping += 1,
                Event::End(_) => skipping -= 1,
                _ => {}
            }
            continue;
        }
        let counts = !headers_only || in_header > 0;
        match event {
            Event::Start(e) => match e.local_name().as_ref() {
                b"tracked-changes" => skipping = 1,
                b"p" | b"h" => in_paragraph += 1,
                b"header" | b"footer" | b"header-left" | b"footer-left" | b"header-first"
                | b"footer-first" => in_header += 1,
                b"a" if counts => {
                    if let Some(target) = attribute(&e, b"href") {
                        note_link(links, &target);
                    }
                }
                _ => {}
            },
            Event::End(e) => match e.local_name().as_ref() {
                b"p" | b"h" => {
                    in_paragraph = in_paragraph.saturating_sub(1);
                    if counts {
                        sink.newline();
                    }
                }
                b"header" | b"footer" | b"header-left" | b"footer-left" | b"header-first"
                | b"footer-first" => in_header = in_header.saturating_sub(1),
                _ => {}
            },
            Event::Empty(e) if counts => match e.local_name().as_ref() {
                b"p" | b"h" => sink.newline(),
                b"tab" if in_paragraph > 0 => sink.push_char('\t'),
                b"line-break" if in_paragraph > 0 => sink.newline(),
                b"s" if in_paragraph > 0 => {
                    let spaces = attribute(&e, b"c")
                        .and_then(|c| c.parse::<usize>().ok())
                        .unwrap_or(1)
                        .clamp(1, 64);
                    for _ in 0..spaces {
                        sink.push_char(' ');
                    }
                }
                _ => {}
            },
            Event::Text(e) if counts && in_paragraph > 0 => {
                // Line ends in the XML source are spaces in ODF text.
                let text = String::from_utf8_lossy(&e).replace(['\r', '\n', '\t'], " ");
                sink.push_str(&text);
            }
            Event::GeneralRef(e) if counts && in_paragraph > 0 => {
                if let Some(text) = reference_text(&e) {
                    sink.push_str(&text);
                }
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::office::test_builders::zip_of;

    const ODF_TEXT: &str = r#"xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:xlink="http://www.w3.org/1999/xlink""#;

    #[test]
    fn odt_reads_text_headers_and_links() {
        let content = format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content {ODF_TEXT}><office:body><office:text><text:tracked-changes><text:changed-region><text:deletion><text:p>gone</text:p></text:deletion></text:changed-region></text:tracked-changes><text:h text:outline-level="1">Curriculum vitae</text:h><text:p>Anna<text:s/>Schmidt<text:tab/>Berlin<text:line-break/>E-Mail: <text:a xlink:type="simple" xlink:href="mailto:anna.schmidt@example.de">anna.schmidt@example.de</text:a></text:p></office:text></office:body></office:document-content>"#
        );
        let styles = format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><office:document-styles {ODF_TEXT}><office:master-styles><style:master-page style:name="Standard"><style:header><text:p>Tel. +49 30 1234567</text:p></style:header></style:master-page></office:master-styles></office:document-styles>"#
        );
        let bytes = zip_of(&[
            ("mimetype", b"application/vnd.oasis.opendocument.text"),
            ("content.xml", content.as_bytes()),
            ("styles.xml", styles.as_bytes()),
            ("Basic/script-lc.xml", b"<library:libraries/>"),
            ("Basic/Standard/script-lb.xml", b"<library:library/>"),
        ]);
        let facts = read_odt(&bytes).unwrap();
        assert_eq!(
            facts.text,
            "Curriculum vitae\nAnna Schmidt\tBerlin\nE-Mail: anna.schmidt@example.de\nTel. +49 30 1234567\nmailto:anna.schmidt@example.de"
        );
        assert!(!facts.macros);

        let with_module = zip_of(&[
            ("content.xml", content.as_bytes()),
            ("Basic/Standard/Module1.xml", b"<script:module/>"),
        ]);
        assert!(read_odt(&with_module).unwrap().macros);
    }

    #[test]
    fn encrypted_odt_needs_a_password() {
        let manifest = br#"<manifest:manifest><manifest:file-entry manifest:full-path="content.xml"><manifest:encryption-data manifest:checksum-type="SHA1/1K"/></manifest:file-entry></manifest:manifest>"#;
        let bytes = zip_of(&[
            ("content.xml", &[0x9c, 0x33, 0x01, 0xfe]),
            ("META-INF/manifest.xml", manifest),
        ]);
        let facts = read_odt(&bytes).unwrap();
        assert!(facts.needs_password);
        assert!(facts.text.is_empty());
    }
}
