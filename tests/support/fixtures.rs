//! A corpus of small real files, generated at test time (no binary fixtures in the repository):
//! documents, images, text formats, disguised programs and files just over each size limit.
//!
//! The builders write real formats: zips with correct CRC-32s, OLE compound files with a
//! header, FAT and directory sectors, a PNG with a valid zlib stream, a decodable baseline JPEG.

use std::fmt::Write as _;
use std::fs::{self, File};
use std::path::{Path, PathBuf};

use atsdrop::model::FileKind;
use tempfile::TempDir;

/// One generated file: its name, bytes and the kind its content must be detected as.
#[derive(Clone, Debug)]
pub struct Fixture {
    /// File name inside the corpus folder.
    pub name: &'static str,
    /// The file's bytes.
    pub bytes: Vec<u8>,
    /// What content sniffing must say.
    pub content: Option<FileKind>,
}

fn fixture(name: &'static str, bytes: Vec<u8>, content: Option<FileKind>) -> Fixture {
    Fixture {
        name,
        bytes,
        content,
    }
}

/// Every fixture of the corpus.
pub fn all() -> Vec<Fixture> {
    use FileKind as K;
    vec![
        fixture("cv.pdf", pdf(), Some(K::Pdf)),
        fixture("cv.docx", docx(), Some(K::Docx)),
        fixture("grades.xlsx", xlsx(), Some(K::Xlsx)),
        fixture("portfolio.pptx", pptx(), Some(K::Pptx)),
        fixture("letter.odt", odt(), Some(K::Odt)),
        fixture("old-cv.doc", doc(), Some(K::Doc)),
        fixture("old-grades.xls", xls(), Some(K::Xls)),
        fixture("old-slides.ppt", ppt(), Some(K::Ppt)),
        fixture("photo.png", png(), Some(K::Png)),
        fixture("photo.jpg", jpeg(), Some(K::Jpeg)),
        fixture("anim.gif", gif(), Some(K::Gif)),
        fixture("photo.webp", webp(), Some(K::Webp)),
        fixture("logo.svg", svg(), Some(K::Svg)),
        fixture("notes.txt", txt(), Some(K::PlainText)),
        fixture("grades.csv", csv(), Some(K::Csv)),
        fixture("profile.json", json(), Some(K::Json)),
        fixture("profile.xml", xml(), Some(K::Xml)),
        fixture("letter.rtf", rtf(), Some(K::Rtf)),
        fixture("readme.md", markdown(), Some(K::PlainText)),
        fixture("renamed-zip.docx", plain_zip(), Some(K::Zip)),
        fixture("elf-resume.pdf", elf(), Some(K::LinuxProgram)),
        fixture("resume.pdf", pe(), Some(K::WindowsProgram)),
        fixture("photo.pdf", png(), Some(K::Png)),
        fixture("empty.pdf", Vec::new(), None),
    ]
}

/// A temporary folder holding every fixture of [`all`].
pub struct Corpus {
    /// The folder (removed when the corpus is dropped).
    pub dir: TempDir,
    /// The fixtures written into it.
    pub fixtures: Vec<Fixture>,
}

impl Corpus {
    /// Writes every fixture into a new temporary folder.
    pub fn new() -> Self {
        let dir = tempfile::tempdir().expect("temporary folder");
        let fixtures = all();
        for f in &fixtures {
            write(dir.path(), f.name, &f.bytes);
        }
        Self { dir, fixtures }
    }

    /// The path of a fixture (or any name) inside the corpus folder.
    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }
}

/// Writes `bytes` to `dir/name` and returns the path.
pub fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).expect("fixture folder");
    }
    fs::write(&path, bytes).expect("fixture file");
    path
}

/// A sparse file of `len` bytes starting with `head` (a real PDF header by default): content
/// sniffing reads only the head, so this is a PDF of any size at no disk cost.
pub fn sparse(dir: &Path, name: &str, head: &[u8], len: u64) -> PathBuf {
    let path = write(dir, name, head);
    File::options()
        .write(true)
        .open(&path)
        .and_then(|f| f.set_len(len))
        .expect("sparse file");
    path
}

// ---------------------------------------------------------------------------------------------
// Checksums.

/// CRC-32 (IEEE, as zip and PNG use it).
pub fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFF_u32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            let mask = (crc & 1).wrapping_neg();
            crc = (crc >> 1) ^ (0xEDB8_8320 & mask);
        }
    }
    !crc
}

fn adler32(bytes: &[u8]) -> u32 {
    let (mut a, mut b) = (1_u32, 0_u32);
    for &byte in bytes {
        a = (a + u32::from(byte)) % 65_521;
        b = (b + a) % 65_521;
    }
    (b << 16) | a
}

// ---------------------------------------------------------------------------------------------
// PDF.

/// A minimal valid one-page PDF with a correct cross-reference table.
pub fn pdf() -> Vec<u8> {
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << >> /Contents 4 0 R >>",
        "<< /Length 0 >>\nstream\n\nendstream",
    ];
    let mut out = b"%PDF-1.4\n%\xE2\xE3\xCF\xD3\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n{body}\nendobj\n", i + 1).as_bytes());
    }
    let xref = out.len();
    out.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for offset in offsets {
        out.extend_from_slice(format!("{offset:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    out
}

// ---------------------------------------------------------------------------------------------
// Zip (stored entries).

/// A zip archive of `entries`, stored uncompressed, with correct CRC-32s, a central directory
/// and an End Of Central Directory record carrying `comment`.
pub fn zip_with_comment(entries: &[(&str, &[u8])], comment: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    for (name, data) in entries {
        let offset = u32::try_from(out.len()).unwrap();
        let crc = crc32(data);
        let size = u32::try_from(data.len()).unwrap();
        let name_len = u16::try_from(name.len()).unwrap();
        // Local file header.
        out.extend_from_slice(b"PK\x03\x04");
        out.extend_from_slice(&20_u16.to_le_bytes()); // version needed
        out.extend_from_slice(&0_u16.to_le_bytes()); // flags
        out.extend_from_slice(&0_u16.to_le_bytes()); // method: stored
        out.extend_from_slice(&0_u16.to_le_bytes()); // time
        out.extend_from_slice(&0x21_u16.to_le_bytes()); // date: 1980-01-01
        out.extend_from_slice(&crc.to_le_bytes());
        out.extend_from_slice(&size.to_le_bytes());
        out.extend_from_slice(&size.to_le_bytes());
        out.extend_from_slice(&name_len.to_le_bytes());
        out.extend_from_slice(&0_u16.to_le_bytes()); // extra length
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(data);
        // Central directory entry.
        central.extend_from_slice(b"PK\x01\x02");
        central.extend_from_slice(&20_u16.to_le_bytes()); // version made by
        central.extend_from_slice(&20_u16.to_le_bytes()); // version needed
        central.extend_from_slice(&0_u16.to_le_bytes());
        central.extend_from_slice(&0_u16.to_le_bytes());
        central.extend_from_slice(&0_u16.to_le_bytes());
        central.extend_from_slice(&0x21_u16.to_le_bytes());
        central.extend_from_slice(&crc.to_le_bytes());
        central.extend_from_slice(&size.to_le_bytes());
        central.extend_from_slice(&size.to_le_bytes());
        central.extend_from_slice(&name_len.to_le_bytes());
        central.extend_from_slice(&0_u16.to_le_bytes()); // extra
        central.extend_from_slice(&0_u16.to_le_bytes()); // comment
        central.extend_from_slice(&0_u16.to_le_bytes()); // disk
        central.extend_from_slice(&0_u16.to_le_bytes()); // internal attributes
        central.extend_from_slice(&0_u32.to_le_bytes()); // external attributes
        central.extend_from_slice(&offset.to_le_bytes());
        central.extend_from_slice(name.as_bytes());
    }
    let central_offset = u32::try_from(out.len()).unwrap();
    let count = u16::try_from(entries.len()).unwrap();
    out.extend_from_slice(&central);
    out.extend_from_slice(b"PK\x05\x06");
    out.extend_from_slice(&0_u16.to_le_bytes());
    out.extend_from_slice(&0_u16.to_le_bytes());
    out.extend_from_slice(&count.to_le_bytes());
    out.extend_from_slice(&count.to_le_bytes());
    out.extend_from_slice(&u32::try_from(central.len()).unwrap().to_le_bytes());
    out.extend_from_slice(&central_offset.to_le_bytes());
    out.extend_from_slice(&u16::try_from(comment.len()).unwrap().to_le_bytes());
    out.extend_from_slice(comment);
    out
}

/// A zip archive of `entries` without a comment.
pub fn zip(entries: &[(&str, &[u8])]) -> Vec<u8> {
    zip_with_comment(entries, b"")
}

const RELS_CONTENT_TYPE: &str = "application/vnd.openxmlformats-package.relationships+xml";

fn content_types(overrides: &[(&str, &str)]) -> String {
    let mut xml = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
         <Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
         <Default Extension=\"rels\" ContentType=\"{RELS_CONTENT_TYPE}\"/>\
         <Default Extension=\"xml\" ContentType=\"application/xml\"/>"
    );
    for (part, ty) in overrides {
        let _ = write!(xml, "<Override PartName=\"{part}\" ContentType=\"{ty}\"/>");
    }
    xml.push_str("</Types>");
    xml
}

fn root_rels(target: &str) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
         <Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
         <Relationship Id=\"rId1\" \
         Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" \
         Target=\"{target}\"/></Relationships>"
    )
}

/// A minimal Word document: content types, relationships and one paragraph.
pub fn docx() -> Vec<u8> {
    let types = content_types(&[(
        "/word/document.xml",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    )]);
    let rels = root_rels("word/document.xml");
    let document = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
        <w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">\
        <w:body><w:p><w:r><w:t>Jane Doe, Rust engineer</w:t></w:r></w:p></w:body></w:document>";
    zip(&[
        ("[Content_Types].xml", types.as_bytes()),
        ("_rels/.rels", rels.as_bytes()),
        ("word/document.xml", document.as_bytes()),
    ])
}

/// A minimal Excel workbook with one sheet.
pub fn xlsx() -> Vec<u8> {
    let types = content_types(&[
        (
            "/xl/workbook.xml",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
        ),
        (
            "/xl/worksheets/sheet1.xml",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
        ),
    ]);
    let rels = root_rels("xl/workbook.xml");
    let workbook = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
        <workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" \
        xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">\
        <sheets><sheet name=\"Grades\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
    let workbook_rels = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
        <Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
        <Relationship Id=\"rId1\" \
        Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" \
        Target=\"worksheets/sheet1.xml\"/></Relationships>";
    let sheet = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
        <worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">\
        <sheetData><row r=\"1\"><c r=\"A1\"><v>8</v></c></row></sheetData></worksheet>";
    // Document properties first: the `xl/` parts are not at the start of the archive.
    zip(&[
        ("docProps/app.xml", b"<Properties/>"),
        ("[Content_Types].xml", types.as_bytes()),
        ("_rels/.rels", rels.as_bytes()),
        ("xl/workbook.xml", workbook.as_bytes()),
        ("xl/_rels/workbook.xml.rels", workbook_rels.as_bytes()),
        ("xl/worksheets/sheet1.xml", sheet.as_bytes()),
    ])
}

/// A PowerPoint package with the parts that identify it.
pub fn pptx() -> Vec<u8> {
    let types = content_types(&[(
        "/ppt/presentation.xml",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml",
    )]);
    let rels = root_rels("ppt/presentation.xml");
    let presentation = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
        <p:presentation xmlns:p=\"http://schemas.openxmlformats.org/presentationml/2006/main\"/>";
    zip(&[
        ("[Content_Types].xml", types.as_bytes()),
        ("_rels/.rels", rels.as_bytes()),
        ("ppt/presentation.xml", presentation.as_bytes()),
    ])
}

/// An OpenDocument text: `mimetype` stored first, then the manifest and content.
pub fn odt() -> Vec<u8> {
    odf("application/vnd.oasis.opendocument.text")
}

/// An OpenDocument package of `mime`.
pub fn odf(mime: &str) -> Vec<u8> {
    let manifest = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" \
         manifest:version=\"1.2\"><manifest:file-entry manifest:full-path=\"/\" \
         manifest:media-type=\"{mime}\"/><manifest:file-entry manifest:full-path=\"content.xml\" \
         manifest:media-type=\"text/xml\"/></manifest:manifest>"
    );
    let content = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
        <office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" \
        xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" office:version=\"1.2\">\
        <office:body><office:text><text:p>Dear team,</text:p></office:text></office:body>\
        </office:document-content>";
    zip(&[
        ("mimetype", mime.as_bytes()),
        ("META-INF/manifest.xml", manifest.as_bytes()),
        ("content.xml", content.as_bytes()),
    ])
}

/// A zip of ordinary files (what a ".docx" that is really a zip holds).
pub fn plain_zip() -> Vec<u8> {
    zip(&[
        ("notes.txt", b"references on request\n"),
        ("word/readme.txt", b"not a Word document\n"),
    ])
}

// ---------------------------------------------------------------------------------------------
// OLE compound files.

/// A directory entry of an OLE compound file to build.
pub enum OleEntry {
    /// A stream (empty).
    Stream(&'static str),
    /// A storage with children.
    Storage(&'static str, Vec<OleEntry>),
}

const FREE_SECTOR: u32 = 0xFFFF_FFFF;
const END_OF_CHAIN: u32 = 0xFFFF_FFFE;
const FAT_SECTOR: u32 = 0xFFFF_FFFD;
const NO_STREAM: u32 = 0xFFFF_FFFF;

/// Word's root class id `{00020906-0000-0000-C000-000000000046}`.
pub const WORD_CLSID: [u8; 16] = [
    0x06, 0x09, 0x02, 0x00, 0, 0, 0, 0, 0xC0, 0, 0, 0, 0, 0, 0, 0x46,
];
/// Excel's root class id `{00020820-0000-0000-C000-000000000046}`.
pub const EXCEL_CLSID: [u8; 16] = [
    0x20, 0x08, 0x02, 0x00, 0, 0, 0, 0, 0xC0, 0, 0, 0, 0, 0, 0, 0x46,
];
/// PowerPoint's root class id `{64818D10-4F9B-11CF-86EA-00AA00B929E8}`.
pub const POWERPOINT_CLSID: [u8; 16] = [
    0x10, 0x8D, 0x81, 0x64, 0x9B, 0x4F, 0xCF, 0x11, 0x86, 0xEA, 0x00, 0xAA, 0x00, 0xB9, 0x29, 0xE8,
];

struct FlatEntry {
    name: &'static str,
    object_type: u8,
    left: u32,
    right: u32,
    child: u32,
}

/// Order of names in a compound file's sibling trees: shorter first, then by upper case.
fn cfb_order(name: &str) -> (usize, String) {
    (name.encode_utf16().count(), name.to_uppercase())
}

/// Appends `children` to `flat` as a chain of right siblings (a valid, if unbalanced, binary
/// search tree) and returns the id of the first.
fn flatten(children: &[OleEntry], flat: &mut Vec<FlatEntry>) -> u32 {
    let mut sorted: Vec<&OleEntry> = children.iter().collect();
    let name = |e: &OleEntry| match e {
        OleEntry::Stream(n) | OleEntry::Storage(n, _) => *n,
    };
    sorted.sort_by_key(|e| cfb_order(name(e)));
    let ids: Vec<u32> = (0..sorted.len())
        .map(|i| u32::try_from(flat.len() + i).unwrap())
        .collect();
    let first = ids.first().copied().unwrap_or(NO_STREAM);
    for (i, entry) in sorted.iter().enumerate() {
        flat.push(FlatEntry {
            name: name(entry),
            object_type: if matches!(entry, OleEntry::Stream(_)) {
                2
            } else {
                1
            },
            left: NO_STREAM,
            right: ids.get(i + 1).copied().unwrap_or(NO_STREAM),
            child: NO_STREAM,
        });
    }
    for (i, entry) in sorted.iter().enumerate() {
        if let OleEntry::Storage(_, grandchildren) = entry {
            let child = flatten(grandchildren, flat);
            flat[ids[i] as usize].child = child;
        }
    }
    first
}

/// A version 3 compound file (512-byte sectors): header, one FAT sector and the directory
/// sectors (empty streams need no data sectors).
pub fn ole(root_clsid: [u8; 16], entries: &[OleEntry]) -> Vec<u8> {
    let mut flat = vec![FlatEntry {
        name: "Root Entry",
        object_type: 5,
        left: NO_STREAM,
        right: NO_STREAM,
        child: NO_STREAM,
    }];
    flat[0].child = flatten(entries, &mut flat);
    let directory_sectors = flat.len().div_ceil(4);

    let mut header = Vec::with_capacity(512);
    header.extend_from_slice(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1");
    header.extend_from_slice(&[0; 16]); // header class id
    header.extend_from_slice(&0x003E_u16.to_le_bytes()); // minor version
    header.extend_from_slice(&3_u16.to_le_bytes()); // major version
    header.extend_from_slice(&0xFFFE_u16.to_le_bytes()); // byte order
    header.extend_from_slice(&9_u16.to_le_bytes()); // sector shift
    header.extend_from_slice(&6_u16.to_le_bytes()); // mini sector shift
    header.extend_from_slice(&[0; 6]);
    header.extend_from_slice(&0_u32.to_le_bytes()); // directory sectors (v3: 0)
    header.extend_from_slice(&1_u32.to_le_bytes()); // FAT sectors
    header.extend_from_slice(&1_u32.to_le_bytes()); // first directory sector
    header.extend_from_slice(&0_u32.to_le_bytes()); // transaction signature
    header.extend_from_slice(&4096_u32.to_le_bytes()); // mini stream cutoff
    header.extend_from_slice(&END_OF_CHAIN.to_le_bytes()); // first mini FAT sector
    header.extend_from_slice(&0_u32.to_le_bytes());
    header.extend_from_slice(&END_OF_CHAIN.to_le_bytes()); // first DIFAT sector
    header.extend_from_slice(&0_u32.to_le_bytes());
    header.extend_from_slice(&0_u32.to_le_bytes()); // DIFAT[0]: the FAT is sector 0
    for _ in 1..109 {
        header.extend_from_slice(&FREE_SECTOR.to_le_bytes());
    }
    assert_eq!(header.len(), 512);

    // Sector 0: the FAT. Directory sectors 1..=n chain to each other.
    let mut fat_entries = vec![FAT_SECTOR];
    for s in 1..=directory_sectors {
        let s = u32::try_from(s).unwrap();
        fat_entries.push(if s as usize == directory_sectors {
            END_OF_CHAIN
        } else {
            s + 1
        });
    }
    fat_entries.resize(128, FREE_SECTOR);
    let mut out = header;
    for entry in fat_entries {
        out.extend_from_slice(&entry.to_le_bytes());
    }

    for (i, entry) in flat.iter().enumerate() {
        let mut raw = [0_u8; 128];
        let units: Vec<u16> = entry.name.encode_utf16().collect();
        for (j, unit) in units.iter().enumerate() {
            raw[2 * j..2 * j + 2].copy_from_slice(&unit.to_le_bytes());
        }
        let name_len = u16::try_from((units.len() + 1) * 2).unwrap();
        raw[0x40..0x42].copy_from_slice(&name_len.to_le_bytes());
        raw[0x42] = entry.object_type;
        raw[0x43] = 1; // black
        raw[0x44..0x48].copy_from_slice(&entry.left.to_le_bytes());
        raw[0x48..0x4C].copy_from_slice(&entry.right.to_le_bytes());
        raw[0x4C..0x50].copy_from_slice(&entry.child.to_le_bytes());
        if i == 0 {
            raw[0x50..0x60].copy_from_slice(&root_clsid);
        }
        // Empty streams (and the root's empty mini stream) start nowhere.
        raw[0x74..0x78].copy_from_slice(&END_OF_CHAIN.to_le_bytes());
        out.extend_from_slice(&raw);
    }
    // Unused entries of the last directory sector.
    for _ in flat.len()..directory_sectors * 4 {
        let mut raw = [0_u8; 128];
        raw[0x44..0x50].copy_from_slice(&[0xFF; 12]);
        out.extend_from_slice(&raw);
    }
    out
}

/// A Word 97-2003 document's structure.
pub fn doc() -> Vec<u8> {
    ole(
        WORD_CLSID,
        &[
            OleEntry::Stream("WordDocument"),
            OleEntry::Stream("1Table"),
            OleEntry::Stream("\u{5}SummaryInformation"),
        ],
    )
}

/// An Excel 97-2003 workbook's structure.
pub fn xls() -> Vec<u8> {
    ole(EXCEL_CLSID, &[OleEntry::Stream("Workbook")])
}

/// A PowerPoint 97-2003 presentation's structure.
pub fn ppt() -> Vec<u8> {
    ole(
        POWERPOINT_CLSID,
        &[
            OleEntry::Stream("PowerPoint Document"),
            OleEntry::Stream("Current User"),
        ],
    )
}

// ---------------------------------------------------------------------------------------------
// Images.

fn png_chunk(out: &mut Vec<u8>, kind: [u8; 4], data: &[u8]) {
    out.extend_from_slice(&u32::try_from(data.len()).unwrap().to_be_bytes());
    let mut crc_input = kind.to_vec();
    crc_input.extend_from_slice(data);
    out.extend_from_slice(&crc_input);
    out.extend_from_slice(&crc32(&crc_input).to_be_bytes());
}

/// A valid 1×1 white greyscale PNG (zlib stream with one stored block).
pub fn png() -> Vec<u8> {
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut ihdr = Vec::new();
    ihdr.extend_from_slice(&1_u32.to_be_bytes());
    ihdr.extend_from_slice(&1_u32.to_be_bytes());
    ihdr.extend_from_slice(&[8, 0, 0, 0, 0]); // 8-bit greyscale, no interlace
    png_chunk(&mut out, *b"IHDR", &ihdr);
    let scanline = [0_u8, 0xFF]; // filter "none", one white pixel
    let mut zlib = vec![0x78, 0x01, 0x01, 0x02, 0x00, 0xFD, 0xFF];
    zlib.extend_from_slice(&scanline);
    zlib.extend_from_slice(&adler32(&scanline).to_be_bytes());
    png_chunk(&mut out, *b"IDAT", &zlib);
    png_chunk(&mut out, *b"IEND", &[]);
    out
}

/// A decodable 1×1 baseline JPEG: one 8×8 block of mid grey, Huffman tables with one code each.
pub fn jpeg() -> Vec<u8> {
    let mut out = vec![0xFF, 0xD8];
    // JFIF APP0.
    out.extend_from_slice(&[0xFF, 0xE0, 0x00, 0x10]);
    out.extend_from_slice(b"JFIF\0\x01\x01\x00\x00\x01\x00\x01\x00\x00");
    // Quantisation table 0: all ones.
    out.extend_from_slice(&[0xFF, 0xDB, 0x00, 0x43, 0x00]);
    out.extend_from_slice(&[1; 64]);
    // Baseline frame: 8-bit, 1×1, one component using table 0.
    out.extend_from_slice(&[
        0xFF, 0xC0, 0x00, 0x0B, 0x08, 0x00, 0x01, 0x00, 0x01, 0x01, 0x01, 0x11, 0x00,
    ]);
    // Huffman tables: DC 0 and AC 0, each one 1-bit code for symbol 0.
    for class in [0x00, 0x10] {
        out.extend_from_slice(&[0xFF, 0xC4, 0x00, 0x14, class, 0x01]);
        out.extend_from_slice(&[0; 15]);
        out.push(0x00);
    }
    // Scan: DC difference 0 ("0"), end of block ("0"), padded with ones.
    out.extend_from_slice(&[0xFF, 0xDA, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3F, 0x00]);
    out.push(0b0011_1111);
    out.extend_from_slice(&[0xFF, 0xD9]);
    out
}

/// A 1×1 GIF (version 89a).
pub fn gif() -> Vec<u8> {
    vec![
        0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0x01, 0x00, 0x01, 0x00, 0x80, 0x00, 0x00, 0xFF, 0xFF,
        0xFF, 0x00, 0x00, 0x00, 0x2C, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0x02,
        0x02, 0x44, 0x01, 0x00, 0x3B,
    ]
}

/// A 1×1 lossless WebP.
pub fn webp() -> Vec<u8> {
    let mut out = b"RIFF\x1a\x00\x00\x00WEBPVP8L\x0d\x00\x00\x00".to_vec();
    out.extend_from_slice(&[
        0x2F, 0x00, 0x00, 0x00, 0x10, 0x07, 0x10, 0x11, 0x11, 0x88, 0x88, 0xFE, 0x07, 0x00,
    ]);
    out
}

/// An SVG with an XML declaration and a comment before its root.
pub fn svg() -> Vec<u8> {
    b"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- logo -->\n\
      <svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\">\
      <rect width=\"10\" height=\"10\" fill=\"#c00\"/></svg>\n"
        .to_vec()
}

// ---------------------------------------------------------------------------------------------
// Text.

/// A plain UTF-8 letter (with accents, so it is not ASCII).
pub fn txt() -> Vec<u8> {
    "Dear hiring team,\n\nI am applying for the Rust role. Regards — Zoë\n"
        .as_bytes()
        .to_vec()
}

/// A semicolon-separated table as Dutch Excel exports it.
pub fn csv() -> Vec<u8> {
    b"vak;cijfer;jaar\nWiskunde;8,5;2024\nNederlands;\"7;5\";2024\n".to_vec()
}

/// A JSON profile.
pub fn json() -> Vec<u8> {
    br#"{"name": "Jane Doe", "skills": ["Rust", "SQL"], "years": 7}"#.to_vec()
}

/// An XML profile.
pub fn xml() -> Vec<u8> {
    b"<?xml version=\"1.0\"?>\n<profile><name>Jane Doe</name></profile>\n".to_vec()
}

/// A Rich Text letter.
pub fn rtf() -> Vec<u8> {
    b"{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 Times;}}\\f0 Dear team,\\par}\n".to_vec()
}

/// Markdown, which content alone can't tell from plain text.
pub fn markdown() -> Vec<u8> {
    b"# Jane Doe\n\n- Rust\n- **SQL**\n".to_vec()
}

// ---------------------------------------------------------------------------------------------
// Programs.

/// The 64-byte header of an x86-64 Linux executable, plus some code bytes.
pub fn elf() -> Vec<u8> {
    let mut out = vec![0x7F, b'E', b'L', b'F', 2, 1, 1, 0];
    out.extend_from_slice(&[0; 8]);
    out.extend_from_slice(&2_u16.to_le_bytes()); // executable
    out.extend_from_slice(&0x3E_u16.to_le_bytes()); // x86-64
    out.extend_from_slice(&1_u32.to_le_bytes());
    out.extend_from_slice(&0x40_1000_u64.to_le_bytes()); // entry
    out.extend_from_slice(&64_u64.to_le_bytes()); // program headers
    out.extend_from_slice(&0_u64.to_le_bytes()); // section headers
    out.extend_from_slice(&0_u32.to_le_bytes());
    out.extend_from_slice(&64_u16.to_le_bytes());
    out.extend_from_slice(&56_u16.to_le_bytes());
    out.extend_from_slice(&0_u16.to_le_bytes());
    out.extend_from_slice(&64_u16.to_le_bytes());
    out.extend_from_slice(&0_u16.to_le_bytes());
    out.extend_from_slice(&0_u16.to_le_bytes());
    out.extend_from_slice(&[0xC3; 64]); // ret
    out
}

/// A Windows PE executable's headers: DOS header and stub, `PE\0\0`, COFF header.
pub fn pe() -> Vec<u8> {
    let mut out = vec![0_u8; 0x80];
    out[0..2].copy_from_slice(b"MZ");
    out[0x3C..0x40].copy_from_slice(&0x80_u32.to_le_bytes());
    let stub = b"This program cannot be run in DOS mode.\r\r\n$";
    out[0x4E..0x4E + stub.len()].copy_from_slice(stub);
    out.extend_from_slice(b"PE\0\0");
    out.extend_from_slice(&0x8664_u16.to_le_bytes()); // x86-64
    out.extend_from_slice(&0_u16.to_le_bytes()); // sections
    out.extend_from_slice(&[0; 12]);
    out.extend_from_slice(&0xF0_u16.to_le_bytes()); // optional header size
    out.extend_from_slice(&0x22_u16.to_le_bytes()); // executable, large-address aware
    let mut optional = [0_u8; 0xF0];
    optional[0..2].copy_from_slice(&0x020B_u16.to_le_bytes()); // PE32+
    optional[0x44] = 3; // subsystem: Windows console
    out.extend_from_slice(&optional);
    out
}
