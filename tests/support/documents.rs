//! Documents whose content the reader reads, generated at test time: text PDFs and CVs (PDF,
//! DOCX, RTF) naming a given person, a scan, files locked with a password, a macro document,
//! and hostile files (absurd nesting, a broken cross-reference table, a zip bomb).
//!
//! Every function writes one file into `dir` and returns its path. This file depends on no
//! other test support module, so the content benchmark includes it too
//! (`#[path = "../tests/support/documents.rs"]`).

use std::fmt::Write as _;
use std::io::{Cursor, Write as _};
use std::path::{Path, PathBuf};

use pdf_writer::{Content, Finish as _, Name, Rect, Ref, Str};
use zip::CompressionMethod;
use zip::write::SimpleFileOptions;

/// Who a generated CV is about, and how many pages it has.
#[derive(Clone, Copy, Debug)]
pub struct Cv<'a> {
    /// Full name, on its own line at the top.
    pub name: &'a str,
    /// E-mail address, on the line below the name.
    pub email: &'a str,
    /// Phone number, below the e-mail address.
    pub phone: &'a str,
    /// Pages (a PDF's pages; page breaks in a DOCX): 1 to 3.
    pub pages: usize,
}

impl Cv<'_> {
    /// The CV's text, page by page, line by line: name, e-mail and phone head the first page;
    /// the rest is body text that names no one.
    #[must_use]
    pub fn lines(&self) -> Vec<Vec<String>> {
        (0..self.pages.clamp(1, 3))
            .map(|page| {
                let mut lines = Vec::new();
                if page == 0 {
                    lines.extend([
                        self.name.to_owned(),
                        self.email.to_owned(),
                        self.phone.to_owned(),
                        "Curriculum Vitae".to_owned(),
                    ]);
                }
                lines.extend(body_lines(page));
                lines
            })
            .collect()
    }
}

/// Body text for page `page` (0-based) of a CV: headings and sentences, no names.
#[must_use]
pub fn body_lines(page: usize) -> Vec<String> {
    const SENTENCES: [&str; 8] = [
        "Built and ran data pipelines in Rust and SQL for a logistics company.",
        "Led a team of four engineers through a migration to a new platform.",
        "Taught mathematics and physics to pupils aged twelve to eighteen.",
        "Wrote the monthly report on sales, margins and stock for the board.",
        "Reduced the time to answer a customer question from two days to four hours.",
        "Speaks Dutch, English and German; reads French.",
        "Organised the yearly open day with more than six hundred visitors.",
        "Volunteer at the local football club since 2016.",
    ];
    let heading = ["Experience", "Education", "Skills and interests"][page % 3];
    std::iter::once(heading.to_owned())
        .chain((0..24).map(|i| {
            format!(
                "{} ({})",
                SENTENCES[(page * 3 + i) % SENTENCES.len()],
                i + 1
            )
        }))
        .collect()
}

// ---- PDF -----------------------------------------------------------------------------------

/// A PDF with one page per entry of `pages`, each line in 11-point Helvetica from the top
/// left down (`WinAnsiEncoding`: characters outside Windows-1252 become `?`).
pub fn text_pdf(dir: &Path, name: &str, pages: &[Vec<String>]) -> PathBuf {
    write(dir, name, &text_pdf_bytes(pages))
}

/// A CV as a PDF: [`Cv::lines`], a page per page.
pub fn cv_pdf(dir: &Path, name: &str, cv: &Cv<'_>) -> PathBuf {
    text_pdf(dir, name, &cv.lines())
}

/// A one-page scan: a page that draws a 2×2 grey image and no text.
pub fn image_pdf(dir: &Path, name: &str) -> PathBuf {
    let mut pdf = pdf_writer::Pdf::new();
    let (catalog, tree, page_id, image, content_id) = (
        Ref::new(1),
        Ref::new(2),
        Ref::new(3),
        Ref::new(4),
        Ref::new(5),
    );
    pdf.catalog(catalog).pages(tree);
    pdf.pages(tree).kids([page_id]).count(1);
    let mut page = pdf.page(page_id);
    page.media_box(Rect::new(0.0, 0.0, 595.0, 842.0));
    page.parent(tree);
    page.contents(content_id);
    page.resources().x_objects().pair(Name(b"Im1"), image);
    page.finish();
    let mut xobject = pdf.image_xobject(image, &[0, 85, 170, 255]);
    xobject.width(2);
    xobject.height(2);
    xobject.color_space_name(Name(b"DeviceGray"));
    xobject.bits_per_component(8);
    xobject.finish();
    let mut content = Content::new();
    content.save_state();
    content.transform([400.0, 0.0, 0.0, 600.0, 100.0, 100.0]);
    content.x_object(Name(b"Im1"));
    content.restore_state();
    pdf.stream(content_id, &content.finish());
    write(dir, name, &pdf.finish())
}

/// A PDF that needs a password to open: the standard security handler (revision 2) with
/// arbitrary `/O` and `/U` entries, which no empty user password opens.
pub fn encrypted_pdf(dir: &Path, name: &str) -> PathBuf {
    let hex = |seed: u8| -> String {
        (0..32_u8).fold(String::new(), |mut out, i| {
            let byte = seed.wrapping_mul(31).wrapping_add(i.wrapping_mul(7));
            write!(out, "{byte:02X}").expect("writing to a String");
            out
        })
    };
    let content = b"BT /F1 12 Tf 72 720 Td (Secret) Tj ET";
    let mut stream = format!("<< /Length {} >>\nstream\n", content.len()).into_bytes();
    stream.extend_from_slice(content);
    stream.extend_from_slice(b"\nendstream");
    let objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] \
          /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>"
            .to_vec(),
        stream,
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_vec(),
        format!(
            "<< /Filter /Standard /V 1 /R 2 /O <{}> /U <{}> /P -4 >>",
            hex(3),
            hex(5)
        )
        .into_bytes(),
    ];
    let trailer = "<< /Size 7 /Root 1 0 R /Encrypt 6 0 R \
                   /ID [<61747364726F702D746573742D696421> <61747364726F702D746573742D696421>] >>";
    write(dir, name, &assemble(&objects, trailer))
}

/// A hostile PDF: one page saying "Nested", with an array nested `depth` levels deep
/// (`[[[…0…]]]`) in its content stream after the text and as an object of its own. The reader
/// refuses 20,000 levels unread; at 999 hayro itself has to stop (at 512).
pub fn nested_pdf(dir: &Path, name: &str, depth: usize) -> PathBuf {
    let nested = format!("{}0{}", "[".repeat(depth), "]".repeat(depth));
    let content = format!("BT /F1 12 Tf 72 720 Td (Nested) Tj ET {nested} pop");
    let mut stream = format!("<< /Length {} >>\nstream\n", content.len()).into_bytes();
    stream.extend_from_slice(content.as_bytes());
    stream.extend_from_slice(b"\nendstream");
    let objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] \
          /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>"
            .to_vec(),
        stream,
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_vec(),
        nested.into_bytes(),
    ];
    write(dir, name, &assemble(&objects, "<< /Size 7 /Root 1 0 R >>"))
}

/// A damaged PDF: a three-page text PDF cut off in the middle of its cross-reference table
/// (no trailer, no `startxref`).
pub fn truncated_xref_pdf(dir: &Path, name: &str) -> PathBuf {
    let pages: Vec<Vec<String>> = (0..3).map(body_lines).collect();
    let whole = text_pdf_bytes(&pages);
    let xref = whole
        .windows(5)
        .position(|w| w == b"xref\n")
        .expect("a cross-reference table");
    write(dir, name, &whole[..xref + 40])
}

/// The bytes of [`text_pdf`].
fn text_pdf_bytes(pages: &[Vec<String>]) -> Vec<u8> {
    let mut pdf = pdf_writer::Pdf::new();
    let catalog = Ref::new(1);
    let tree = Ref::new(2);
    let font = Ref::new(3);
    let page_ids: Vec<Ref> = (0..pages.len())
        .map(|i| Ref::new(10 + 2 * i32::try_from(i).expect("few pages")))
        .collect();
    pdf.catalog(catalog).pages(tree);
    pdf.pages(tree)
        .kids(page_ids.iter().copied())
        .count(i32::try_from(pages.len()).expect("few pages"));
    pdf.type1_font(font)
        .base_font(Name(b"Helvetica"))
        .encoding_predefined(Name(b"WinAnsiEncoding"));
    for (lines, id) in pages.iter().zip(&page_ids) {
        let mut content = Content::new();
        content.begin_text();
        content.set_font(Name(b"F1"), 11.0);
        content.set_leading(15.0);
        content.next_line(56.0, 780.0);
        for line in lines {
            content.show(Str(&win_ansi(line)));
            content.next_line_using_leading();
        }
        content.end_text();
        let content_id = Ref::new(id.get() + 1);
        let mut page = pdf.page(*id);
        page.media_box(Rect::new(0.0, 0.0, 595.0, 842.0));
        page.parent(tree);
        page.contents(content_id);
        page.resources().fonts().pair(Name(b"F1"), font);
        page.finish();
        pdf.stream(content_id, &content.finish());
    }
    pdf.finish()
}

/// `text` in Windows-1252 (what `WinAnsiEncoding` means); other characters become `?`.
fn win_ansi(text: &str) -> Vec<u8> {
    text.chars()
        .map(|c| match u8::try_from(u32::from(c)) {
            Ok(byte) if !(0x80..0xa0).contains(&byte) => byte,
            _ => b'?',
        })
        .collect()
}

/// A PDF from numbered object bodies (object n is `objects[n - 1]`) and a trailer
/// dictionary, with a correct cross-reference table.
fn assemble(objects: &[Vec<u8>], trailer: &str) -> Vec<u8> {
    let mut out = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
        out.extend_from_slice(body);
        out.extend_from_slice(b"\nendobj\n");
    }
    let xref = out.len();
    out.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for offset in offsets {
        out.extend_from_slice(format!("{offset:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(format!("trailer\n{trailer}\nstartxref\n{xref}\n%%EOF\n").as_bytes());
    out
}

// ---- Word ----------------------------------------------------------------------------------

/// The namespaces of `WordprocessingML`.
const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships""#;

/// `[Content_Types].xml` of a Word document (how a sniffer tells Office Open XML).
const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#;

/// The package relationships of a Word document.
const PACKAGE_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;

/// A DOCX whose body names no one and whose page header alone holds `email`.
pub fn docx_with_header_email(dir: &Path, name: &str, email: &str) -> PathBuf {
    let body = paragraphs(&body_lines(0));
    let header = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:hdr {W}><w:p><w:r><w:t>{}</w:t></w:r></w:p></w:hdr>"#,
        escape(email)
    );
    let bytes = docx_bytes(&body, &[("word/header1.xml", header.as_bytes())]);
    write(dir, name, &bytes)
}

/// A CV as a DOCX: [`Cv::lines`], a paragraph per line, a page break between pages.
pub fn cv_docx(dir: &Path, name: &str, cv: &Cv<'_>) -> PathBuf {
    write(dir, name, &docx_bytes(&cv_body(cv), &[]))
}

/// A CV as a macro-enabled Word document (`.docm`): [`cv_docx`] plus `word/vbaProject.bin`.
pub fn cv_docm(dir: &Path, name: &str, cv: &Cv<'_>) -> PathBuf {
    // The start of an OLE file, as a real VBA project is one; the reader goes by the name.
    let vba = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1 Attribute VB_Name = \"Module1\"";
    let bytes = docx_bytes(&cv_body(cv), &[("word/vbaProject.bin", vba)]);
    write(dir, name, &bytes)
}

/// A password-protected `.docx`, as Office writes one: an OLE compound file holding the
/// `EncryptionInfo` and `EncryptedPackage` streams (and the `DataSpaces` storage).
pub fn encrypted_docx(dir: &Path, name: &str) -> PathBuf {
    let mut file = cfb::CompoundFile::create(Cursor::new(Vec::new())).expect("compound file");
    file.create_storage_all("/\u{6}DataSpaces")
        .expect("DataSpaces storage");
    // Agile encryption (version 4.4) starts its EncryptionInfo like this; then XML follows.
    let mut info = vec![4, 0, 4, 0, 0x40, 0, 0, 0];
    info.extend_from_slice(br#"<?xml version="1.0" encoding="UTF-8"?><encryption/>"#);
    let mut package = 4096_u64.to_le_bytes().to_vec();
    package.extend(
        (0..4096_u32).map(|i| u8::try_from(i.wrapping_mul(2_654_435_761) >> 24).unwrap_or(0)),
    );
    for (path, contents) in [("/EncryptionInfo", &info), ("/EncryptedPackage", &package)] {
        let mut stream = file.create_stream(path).expect("stream");
        stream.write_all(contents).expect("stream written");
    }
    file.flush().expect("compound file written");
    write(dir, name, &file.into_inner().into_inner())
}

/// A zip bomb dressed as a DOCX: `word/document.xml` is a paragraph of about 40 MiB of
/// repeated text that deflates to well under 1 MiB.
pub fn docx_zip_bomb(dir: &Path, name: &str) -> PathBuf {
    const MIB: usize = 1024 * 1024;
    let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .compression_level(Some(1));
    writer
        .start_file("[Content_Types].xml", options)
        .expect("entry");
    writer
        .write_all(CONTENT_TYPES.as_bytes())
        .expect("entry written");
    writer
        .start_file("word/document.xml", options)
        .expect("entry");
    write!(
        writer,
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {W}><w:body><w:p><w:r><w:t>"#
    )
    .expect("entry written");
    let chunk = "all work and no play ".repeat(MIB / 21);
    for _ in 0..40 {
        writer.write_all(chunk.as_bytes()).expect("entry written");
    }
    writer
        .write_all(b"</w:t></w:r></w:p></w:body></w:document>")
        .expect("entry written");
    let bytes = writer.finish().expect("zip written").into_inner();
    write(dir, name, &bytes)
}

/// The body of a CV document: its lines as paragraphs, a page break between pages.
fn cv_body(cv: &Cv<'_>) -> String {
    cv.lines()
        .iter()
        .map(|page| paragraphs(page))
        .collect::<Vec<_>>()
        .join(r#"<w:p><w:r><w:br w:type="page"/></w:r></w:p>"#)
}

/// One `<w:p>` per line.
fn paragraphs(lines: &[String]) -> String {
    lines.iter().fold(String::new(), |mut out, line| {
        write!(
            out,
            r#"<w:p><w:r><w:t xml:space="preserve">{}</w:t></w:r></w:p>"#,
            escape(line)
        )
        .expect("writing to a String");
        out
    })
}

/// A Word package: `body` as the document's body, plus `extra` parts.
fn docx_bytes(body: &str, extra: &[(&str, &[u8])]) -> Vec<u8> {
    let document = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {W}><w:body>{body}</w:body></w:document>"#
    );
    let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    let parts = [
        ("[Content_Types].xml", CONTENT_TYPES.as_bytes()),
        ("_rels/.rels", PACKAGE_RELS.as_bytes()),
        ("word/document.xml", document.as_bytes()),
    ];
    for (part, contents) in parts.iter().chain(extra) {
        writer.start_file(*part, options).expect("entry");
        writer.write_all(contents).expect("entry written");
    }
    writer.finish().expect("zip written").into_inner()
}

/// `text` with XML's special characters escaped.
fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

// ---- RTF -----------------------------------------------------------------------------------

/// A CV as RTF: [`Cv::lines`], a paragraph per line, `\page` between pages; characters
/// beyond ASCII as `\uN?`.
pub fn cv_rtf(dir: &Path, name: &str, cv: &Cv<'_>) -> PathBuf {
    let mut rtf = String::from(
        r"{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0\fswiss Helvetica;}}{\info{\author Nobody}}\f0\fs22 ",
    );
    for (i, page) in cv.lines().iter().enumerate() {
        if i > 0 {
            rtf.push_str(r"\page ");
        }
        for line in page {
            for c in line.chars() {
                match c {
                    '\\' | '{' | '}' => {
                        rtf.push('\\');
                        rtf.push(c);
                    }
                    c if c.is_ascii() => rtf.push(c),
                    c => {
                        // RTF's \u takes a signed 16-bit number; these tests stay in the BMP.
                        let unit = c.encode_utf16(&mut [0; 2])[0];
                        write!(rtf, r"\u{}?", i16::from_ne_bytes(unit.to_ne_bytes()))
                            .expect("writing to a String");
                    }
                }
            }
            rtf.push_str("\\par\n");
        }
    }
    rtf.push('}');
    write(dir, name, rtf.as_bytes())
}

// ---- Files ---------------------------------------------------------------------------------

/// Writes `bytes` to `dir/name` and returns the path.
fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("document written");
    path
}
