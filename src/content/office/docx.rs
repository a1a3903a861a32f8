//! Office Open XML word-processing documents (`.docx`, `.docm`): body, headers and footers,
//! hyperlink targets, and macros in any OOXML package.

use quick_xml::events::Event;

use super::links::{MAX_FIELD_DEPTH, note_field, note_link, push_instruction};
use super::ole::{is_ole, read_ole};
use super::text_sink::TextSink;
use super::xml::{attribute, reference_text, xml_reader, xml_utf8};
use super::zip_package::Package;
use super::{DocFacts, unreadable};

/// Reads an Office Open XML word-processing document (`.docx`, `.docm`): text from
/// `word/document.xml`, then `word/header*.xml` and `word/footer*.xml`, then the targets of
/// hyperlinks (relationships and `HYPERLINK` fields). `macros` is set by a `vbaProject.bin`
/// anywhere in the package. A password-protected `.docx` is really an OLE file and is read as
/// [`read_ole`] does. Another OOXML package (a spreadsheet, a presentation) gives no text but
/// still tells about macros.
pub fn read_docx(bytes: &[u8]) -> Result<DocFacts, String> {
    if is_ole(bytes) {
        return read_ole(bytes);
    }
    let mut package = Package::open(bytes)?;
    let macros = package.names.iter().any(|name| {
        name.rsplit('/')
            .next()
            .is_some_and(|file| file.eq_ignore_ascii_case("vbaProject.bin"))
    });
    let main = "word/document.xml";
    if !package.has(main) {
        if package.has("[Content_Types].xml") {
            return Ok(DocFacts {
                macros,
                ..DocFacts::default()
            });
        }
        return Err(unreadable("it has no word/document.xml"));
    }

    let mut sections: Vec<String> = package
        .names
        .iter()
        .filter(|name| {
            is_numbered_part(name, "word/header") || is_numbered_part(name, "word/footer")
        })
        .cloned()
        .collect();
    // Headers before footers, `header2` before `header10`.
    sections.sort_by(|a, b| {
        (a.contains("footer"), a.len(), a).cmp(&(b.contains("footer"), b.len(), b))
    });

    let mut sink = TextSink::default();
    let mut links = Vec::new();
    for part in std::iter::once(main.to_owned()).chain(sections) {
        if sink.is_full() {
            break;
        }
        if let Some(xml) = package.read(&part)? {
            sink.end_line();
            walk_wordml(&xml_utf8(xml), &mut sink, &mut links);
        }
        let rels = relationships_part(&part);
        if let Some(xml) = package.read(&rels)? {
            hyperlink_relationships(&xml_utf8(xml), &mut links);
        }
    }
    sink.push_links(&links);
    Ok(DocFacts {
        text: sink.finish(),
        macros,
        needs_password: false,
    })
}

/// Whether `name` is `prefix` + digits (maybe none) + `.xml`, like `word/header2.xml`.
fn is_numbered_part(name: &str, prefix: &str) -> bool {
    name.strip_prefix(prefix)
        .and_then(|rest| rest.strip_suffix(".xml"))
        .is_some_and(|number| number.bytes().all(|b| b.is_ascii_digit()))
}

/// Where the relationships of a part live: `word/document.xml` → `word/_rels/document.xml.rels`.
fn relationships_part(part: &str) -> String {
    match part.rsplit_once('/') {
        Some((folder, file)) => format!("{folder}/_rels/{file}.rels"),
        None => format!("_rels/{part}.rels"),
    }
}

/// Notes the targets of the hyperlink relationships in a `.rels` part.
fn hyperlink_relationships(xml: &[u8], links: &mut Vec<String>) {
    let mut reader = xml_reader(xml);
    loop {
        match reader.read_event() {
            Ok(Event::Start(e) | Event::Empty(e)) if e.local_name().as_ref() == b"Relationship" => {
                let is_hyperlink =
                    attribute(&e, b"Type").is_some_and(|kind| kind.ends_with("/hyperlink"));
                if is_hyperlink && let Some(target) = attribute(&e, b"Target") {
                    note_link(links, &target);
                }
            }
            Ok(Event::Eof) | Err(_) => break,
            Ok(_) => {}
        }
    }
}

/// Reads `WordprocessingML` (also the `DrawingML` text in it): `t` text, `tab` as `'\t'`, `br`/`cr`
/// and the end of each paragraph as `'\n'`; `HYPERLINK` field instructions go to `links`.
/// The fallback half of `mc:AlternateContent` is skipped (it repeats the text of text boxes).
fn walk_wordml(xml: &[u8], sink: &mut TextSink, links: &mut Vec<String>) {
    let mut reader = xml_reader(xml);
    // How deep inside `t` text, `instrText` and tab-stop lists (`tabs`) we are.
    let mut in_text = 0u32;
    let mut in_instruction = 0u32;
    let mut in_tab_stops = 0u32;
    // Elements open inside a skipped `mc:Fallback`, 0 when not in one.
    let mut skipping = 0u32;
    // One instruction per open field (`fldChar` begin … end); `None` once it was read.
    let mut fields: Vec<Option<String>> = Vec::new();

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
        match event {
            Event::Start(e) => match e.local_name().as_ref() {
                b"Fallback" => skipping = 1,
                b"t" => in_text += 1,
                b"instrText" => in_instruction += 1,
                b"tabs" | b"tabLst" => in_tab_stops += 1,
                b"fldSimple" => note_field(attribute(&e, b"instr").as_deref(), links),
                _ => {}
            },
            Event::End(e) => match e.local_name().as_ref() {
                b"t" => in_text = in_text.saturating_sub(1),
                b"instrText" => in_instruction = in_instruction.saturating_sub(1),
                b"tabs" | b"tabLst" => in_tab_stops = in_tab_stops.saturating_sub(1),
                b"p" => sink.newline(),
                _ => {}
            },
            Event::Empty(e) => match e.local_name().as_ref() {
                b"tab" | b"ptab" if in_tab_stops == 0 => sink.push_char('\t'),
                b"br" | b"cr" | b"p" => sink.newline(),
                b"noBreakHyphen" => sink.push_char('-'),
                b"fldSimple" => note_field(attribute(&e, b"instr").as_deref(), links),
                b"fldChar" => match attribute(&e, b"fldCharType").as_deref() {
                    Some("begin") if fields.len() < MAX_FIELD_DEPTH => {
                        fields.push(Some(String::new()));
                    }
                    Some("separate") => {
                        let instruction = fields.last_mut().and_then(Option::take);
                        note_field(instruction.as_deref(), links);
                    }
                    Some("end") => note_field(fields.pop().flatten().as_deref(), links),
                    _ => {}
                },
                _ => {}
            },
            Event::Text(e) => {
                let text = String::from_utf8_lossy(&e);
                if in_instruction > 0 {
                    push_instruction(&mut fields, &text);
                } else if in_text > 0 {
                    sink.push_str(&text);
                }
            }
            Event::CData(e) if in_text > 0 => sink.push_str(&String::from_utf8_lossy(&e)),
            Event::GeneralRef(e) => {
                if let Some(text) = reference_text(&e) {
                    if in_instruction > 0 {
                        push_instruction(&mut fields, &text);
                    } else if in_text > 0 {
                        sink.push_str(&text);
                    }
                }
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::office::test_builders::{CONTENT_TYPES, W, document, zip_of};

    #[test]
    fn docx_reads_body_then_header_then_links() {
        let body = document(
            r#"<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr><w:r><w:t>Jan</w:t></w:r><w:r><w:t xml:space="preserve"> de Vries</w:t></w:r></w:p>
               <w:p><w:r><w:t>Tel</w:t><w:tab/><w:t>06 1234 5678</w:t><w:br/><w:t>R&amp;D</w:t></w:r></w:p>"#,
        );
        let header =
            format!(r"<w:hdr {W}><w:p><w:r><w:t>jan.devries@example.nl</w:t></w:r></w:p></w:hdr>");
        let bytes = zip_of(&[
            ("[Content_Types].xml", CONTENT_TYPES),
            ("word/document.xml", body.as_bytes()),
            ("word/header1.xml", header.as_bytes()),
        ]);
        let facts = read_docx(&bytes).unwrap();
        assert_eq!(
            facts.text,
            "Jan de Vries\nTel\t06 1234 5678\nR&D\njan.devries@example.nl"
        );
        assert!(!facts.macros);
        assert!(!facts.needs_password);
    }

    #[test]
    fn docx_keeps_mailto_targets_of_relationships_and_fields() {
        let body = document(
            r#"<w:p><w:hyperlink r:id="rId5"><w:r><w:t>Mail me</w:t></w:r></w:hyperlink></w:p>
               <w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> HYPERLINK "https://www.linkedin.com/in/jdv" \o "profile" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>LinkedIn</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>
               <w:p><w:fldSimple w:instr=" HYPERLINK \l &quot;top&quot; "><w:r><w:t>Top</w:t></w:r></w:fldSimple></w:p>"#,
        );
        let rels = br#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId5" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="mailto:jan.devries@example.nl?subject=CV" TargetMode="External"/></Relationships>"#;
        let bytes = zip_of(&[
            ("[Content_Types].xml", CONTENT_TYPES),
            ("word/document.xml", body.as_bytes()),
            ("word/_rels/document.xml.rels", rels),
        ]);
        let facts = read_docx(&bytes).unwrap();
        assert_eq!(
            facts.text,
            "Mail me\nLinkedIn\nTop\nhttps://www.linkedin.com/in/jdv\nmailto:jan.devries@example.nl?subject=CV"
        );
    }

    #[test]
    fn docm_has_macros() {
        let body = document("<w:p><w:r><w:t>Hello</w:t></w:r></w:p>");
        let bytes = zip_of(&[
            ("[Content_Types].xml", CONTENT_TYPES),
            ("word/document.xml", body.as_bytes()),
            ("word/vbaProject.bin", b"\xd0\xcf\x11\xe0 not really"),
        ]);
        let facts = read_docx(&bytes).unwrap();
        assert!(facts.macros);
        assert_eq!(facts.text, "Hello");
    }

    #[test]
    fn docx_skips_the_fallback_copy_of_text_boxes() {
        let body = document(
            r#"<w:p><w:r><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><mc:Choice Requires="wps"><w:txbxContent><w:p><w:r><w:t>Boxed</w:t></w:r></w:p></w:txbxContent></mc:Choice><mc:Fallback><w:txbxContent><w:p><w:r><w:t>Boxed</w:t></w:r></w:p></w:txbxContent></mc:Fallback></mc:AlternateContent></w:r></w:p>"#,
        );
        let bytes = zip_of(&[("word/document.xml", body.as_bytes())]);
        assert_eq!(read_docx(&bytes).unwrap().text, "Boxed");
    }

    #[test]
    fn other_ooxml_packages_tell_only_about_macros() {
        let bytes = zip_of(&[
            ("[Content_Types].xml", CONTENT_TYPES),
            ("xl/workbook.xml", b"<workbook/>"),
            ("xl/vbaProject.bin", b"vba"),
        ]);
        let facts = read_docx(&bytes).unwrap();
        assert!(facts.macros);
        assert!(facts.text.is_empty());
    }
}
