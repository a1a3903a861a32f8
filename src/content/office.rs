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
//! Everything is bounded: zip entries are read through [`Read::take`] and refused beyond
//! [`MAX_ENTRY_BYTES`] each and [`MAX_TOTAL_BYTES`] in all (declared sizes are checked first
//! but never trusted alone), a package with more than [`MAX_ENTRIES`] entries is refused, and
//! the text kept stops at [`MAX_TEXT_BYTES`]. Damaged XML inside a readable package ends that
//! part's text early instead of failing the whole document.

use std::io::{Cursor, Read};

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};
use zip::ZipArchive;

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

/// Why a package that unpacks beyond the limits was refused.
const TOO_BIG: &str = "it unpacks to far more than a document holds, so it was not opened";

/// The most hyperlink targets kept from one document.
const MAX_LINKS: usize = 256;

/// The most bytes of one field instruction (`HYPERLINK "…"`) kept while reading it.
const MAX_INSTRUCTION_BYTES: usize = 4 * 1024;

/// How deep fields may nest inside each other before inner ones are ignored.
const MAX_FIELD_DEPTH: usize = 64;

/// The error for a file that is not what its reader expects.
pub(crate) fn unreadable(why: &str) -> String {
    format!("it is not a document atsdrop can read ({why})")
}

// ---- Text and links ----------------------------------------------------------------------------

/// Collects a document's text up to [`MAX_TEXT_BYTES`]: drops control characters other than
/// `'\n'` and `'\t'`, and keeps at most one blank line in a row.
#[derive(Debug, Default)]
pub(crate) struct TextSink {
    /// The text so far.
    text: String,
    /// A character did not fit: everything after it is dropped.
    full: bool,
}

impl TextSink {
    /// Whether the text has reached its limit (a reader may stop early).
    pub(crate) fn is_full(&self) -> bool {
        self.full
    }

    /// Adds one character: `'\n'` as [`Self::newline`], other control characters not at all,
    /// a no-break space as a space.
    pub(crate) fn push_char(&mut self, c: char) {
        match c {
            '\n' => self.newline(),
            '\t' => self.put('\t'),
            '\u{a0}' => self.put(' '),
            c if c.is_control() => {}
            c => self.put(c),
        }
    }

    /// Adds every character of `s` as [`Self::push_char`] does.
    pub(crate) fn push_str(&mut self, s: &str) {
        for c in s.chars() {
            if self.full {
                return;
            }
            self.push_char(c);
        }
    }

    /// Ends a paragraph: a `'\n'`, unless the text is empty or already ends in a blank line.
    pub(crate) fn newline(&mut self) {
        if !self.text.is_empty() && !self.text.ends_with("\n\n") {
            self.put('\n');
        }
    }

    /// Makes sure the next text starts on a line of its own.
    pub(crate) fn end_line(&mut self) {
        if !self.text.is_empty() && !self.text.ends_with('\n') {
            self.put('\n');
        }
    }

    /// Adds the link targets, one a line, after what is there.
    pub(crate) fn push_links(&mut self, links: &[String]) {
        if !links.is_empty() {
            let kept = self.text.trim_end().len();
            self.text.truncate(kept);
        }
        for link in links {
            self.end_line();
            self.push_str(link);
        }
    }

    /// The text, without trailing whitespace.
    pub(crate) fn finish(mut self) -> String {
        let kept = self.text.trim_end().len();
        self.text.truncate(kept);
        self.text
    }

    fn put(&mut self, c: char) {
        if self.full {
            return;
        }
        if self.text.len() + c.len_utf8() > MAX_TEXT_BYTES {
            self.full = true;
        } else {
            self.text.push(c);
        }
    }
}

/// Whether a link target is worth keeping: it may name the candidate (`mailto:`, `tel:`) or
/// their pages (`http:`, `https:`).
pub(crate) fn is_contact_link(target: &str) -> bool {
    let head: String = target
        .chars()
        .take(8)
        .collect::<String>()
        .to_ascii_lowercase();
    ["mailto:", "tel:", "http://", "https://"]
        .iter()
        .any(|scheme| head.starts_with(scheme))
}

/// Keeps `target` in `links` when it is a contact link not seen before.
pub(crate) fn note_link(links: &mut Vec<String>, target: &str) {
    let target = target.trim();
    if links.len() < MAX_LINKS && is_contact_link(target) && !links.iter().any(|l| l == target) {
        links.push(target.to_owned());
    }
}

/// The target of a `HYPERLINK` field instruction (`HYPERLINK "mailto:a@b.nl" \o "tip"`), if
/// the instruction is one and links outside the document.
pub(crate) fn hyperlink_target(instruction: &str) -> Option<String> {
    let mut tokens = field_tokens(instruction).into_iter();
    tokens.find(|(token, quoted)| !quoted && token.eq_ignore_ascii_case("HYPERLINK"))?;
    while let Some((token, quoted)) = tokens.next() {
        if !quoted && token.starts_with('\\') {
            // `\l` (a place in the document), `\o` (a tooltip) and `\t` (a frame) take an
            // argument; the rest are flags.
            if matches!(token.to_ascii_lowercase().as_str(), "\\l" | "\\o" | "\\t") {
                tokens.next();
            }
            continue;
        }
        return Some(token);
    }
    None
}

/// Splits a field instruction into words and `"quoted strings"`, each with whether it was
/// quoted.
fn field_tokens(instruction: &str) -> Vec<(String, bool)> {
    let mut tokens = Vec::new();
    let mut chars = instruction.chars().peekable();
    while let Some(&c) = chars.peek() {
        if c.is_whitespace() {
            chars.next();
        } else if c == '"' {
            chars.next();
            let token: String = chars.by_ref().take_while(|&c| c != '"').collect();
            tokens.push((token, true));
        } else {
            let mut token = String::new();
            while let Some(&c) = chars.peek() {
                if c.is_whitespace() || c == '"' {
                    break;
                }
                token.push(c);
                chars.next();
            }
            tokens.push((token, false));
        }
    }
    tokens
}

/// Windows-1252, the code page of Western-European Office documents and RTF.
pub(crate) fn cp1252(byte: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž',
        '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}',
        'ž', 'Ÿ',
    ];
    match byte {
        0x80..=0x9f => HIGH[usize::from(byte - 0x80)],
        _ => char::from(byte),
    }
}

/// Decodes UTF-16 (little- or big-endian) lossily.
fn utf16_lossy(bytes: &[u8], little_endian: bool) -> String {
    let units = bytes.chunks_exact(2).map(|pair| {
        if little_endian {
            u16::from_le_bytes([pair[0], pair[1]])
        } else {
            u16::from_be_bytes([pair[0], pair[1]])
        }
    });
    char::decode_utf16(units)
        .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect()
}

// ---- Plain text --------------------------------------------------------------------------------

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

// ---- Zip packages ------------------------------------------------------------------------------

/// A zip package being read within the limits.
struct Package<'a> {
    /// The archive.
    archive: ZipArchive<Cursor<&'a [u8]>>,
    /// Every entry's name, in archive order.
    names: Vec<String>,
    /// Bytes unpacked so far.
    unpacked: u64,
}

impl<'a> Package<'a> {
    fn open(bytes: &'a [u8]) -> Result<Self, String> {
        let archive = ZipArchive::new(Cursor::new(bytes))
            .map_err(|_| unreadable("it is not a zip package, or a damaged one"))?;
        if archive.len() > MAX_ENTRIES {
            return Err(TOO_BIG.to_owned());
        }
        let names = archive
            .file_names_raw()
            .map(|name| String::from_utf8_lossy(name).into_owned())
            .collect();
        Ok(Self {
            archive,
            names,
            unpacked: 0,
        })
    }

    /// Whether an entry is named `name`.
    fn has(&self, name: &str) -> bool {
        self.names.iter().any(|n| n == name)
    }

    /// Unpacks the entry named `name`, if there is one, within the limits.
    fn read(&mut self, name: &str) -> Result<Option<Vec<u8>>, String> {
        let Some(index) = self.names.iter().position(|n| n == name) else {
            return Ok(None);
        };
        let file = self
            .archive
            .by_index(index)
            .map_err(|_| unreadable(&format!("its part {name} cannot be unpacked")))?;
        // The declared size is a first, cheap check; the `take` below is the real one.
        let declared = file.size();
        if declared > MAX_ENTRY_BYTES || self.unpacked.saturating_add(declared) > MAX_TOTAL_BYTES {
            return Err(TOO_BIG.to_owned());
        }
        let mut out = Vec::new();
        file.take(MAX_ENTRY_BYTES + 1)
            .read_to_end(&mut out)
            .map_err(|_| unreadable(&format!("its part {name} is damaged")))?;
        let len = out.len() as u64;
        self.unpacked = self.unpacked.saturating_add(len);
        if len > MAX_ENTRY_BYTES || self.unpacked > MAX_TOTAL_BYTES {
            return Err(TOO_BIG.to_owned());
        }
        Ok(Some(out))
    }
}

/// Whether the bytes start like an OLE compound file.
fn is_ole(bytes: &[u8]) -> bool {
    bytes.starts_with(&[0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])
}

/// The part's bytes as UTF-8: XML parts may be stored as UTF-16 with a byte-order mark.
fn xml_utf8(bytes: Vec<u8>) -> Vec<u8> {
    if let Some(rest) = bytes.strip_prefix(&[0xff, 0xfe]) {
        utf16_lossy(rest, true).into_bytes()
    } else if let Some(rest) = bytes.strip_prefix(&[0xfe, 0xff]) {
        utf16_lossy(rest, false).into_bytes()
    } else {
        bytes
    }
}

/// A reader over one XML part that tolerates mismatched end tags.
fn xml_reader(xml: &[u8]) -> Reader<&[u8]> {
    let mut reader = Reader::from_reader(xml);
    reader.config_mut().check_end_names = false;
    reader
}

/// The value of the attribute whose local name is `local`, entities resolved.
fn attribute(element: &BytesStart<'_>, local: &[u8]) -> Option<String> {
    element
        .attributes()
        .with_checks(false)
        .flatten()
        .find(|a| a.key.local_name().as_ref() == local)
        .map(|a| {
            let raw = String::from_utf8_lossy(&a.value);
            quick_xml::escape::unescape(&raw)
                .map_or_else(|_| raw.to_string(), std::borrow::Cow::into_owned)
        })
}

/// The text of an entity or character reference (`&amp;`, `&#233;`).
fn reference_text(reference: &quick_xml::events::BytesRef<'_>) -> Option<String> {
    if let Ok(Some(c)) = reference.resolve_char_ref() {
        return Some(c.to_string());
    }
    let name = String::from_utf8_lossy(reference);
    quick_xml::escape::resolve_predefined_entity(&name).map(str::to_owned)
}

// ---- DOCX --------------------------------------------------------------------------------------

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

/// Adds to the instruction of the innermost open field, within bounds.
fn push_instruction(fields: &mut [Option<String>], text: &str) {
    if let Some(Some(instruction)) = fields.last_mut()
        && instruction.len() + text.len() <= MAX_INSTRUCTION_BYTES
    {
        instruction.push_str(text);
    }
}

/// Notes the target of a field instruction that is a hyperlink.
fn note_field(instruction: Option<&str>, links: &mut Vec<String>) {
    if let Some(target) = instruction.and_then(hyperlink_target) {
        note_link(links, &target);
    }
}

// ---- ODT ---------------------------------------------------------------------------------------

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

// ---- OLE compound files ------------------------------------------------------------------------

/// Reads an OLE compound file: an old `.doc`/`.xls`/`.ppt`, or the envelope of a
/// password-protected OOXML document. `needs_password` is set by `EncryptedPackage` or
/// `EncryptionInfo` streams and by the encrypted bit of a Word 97–2003 document; `macros` by a
/// `Macros`, `_VBA_PROJECT_CUR` or `VBA` storage. The text of an unencrypted Word 97–2003
/// document is read from its piece table (body, footnotes, headers, then hyperlink targets);
/// other formats give no text.
pub fn read_ole(bytes: &[u8]) -> Result<DocFacts, String> {
    let mut file = cfb::CompoundFile::open(Cursor::new(bytes))
        .map_err(|_| unreadable("it is not an OLE compound file, or a damaged one"))?;
    let mut facts = DocFacts::default();
    for entry in file.walk().take(MAX_ENTRIES) {
        let name = entry.name();
        if entry.is_stream()
            && (name.eq_ignore_ascii_case("EncryptedPackage")
                || name.eq_ignore_ascii_case("EncryptionInfo"))
        {
            facts.needs_password = true;
        }
        if entry.is_storage()
            && ["Macros", "_VBA_PROJECT_CUR", "VBA"]
                .iter()
                .any(|storage| name.eq_ignore_ascii_case(storage))
        {
            facts.macros = true;
        }
    }
    if !facts.needs_password && file.is_stream("/WordDocument") {
        let mut sink = TextSink::default();
        let mut links = Vec::new();
        if read_word97(&mut file, &mut sink, &mut links) == Word97::Encrypted {
            facts.needs_password = true;
        } else {
            sink.push_links(&links);
            facts.text = sink.finish();
        }
    }
    Ok(facts)
}

/// What reading a Word 97–2003 document found.
#[derive(Debug, PartialEq, Eq)]
enum Word97 {
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

fn u16_at(bytes: &[u8], at: usize) -> Option<u16> {
    let pair = bytes.get(at..at.checked_add(2)?)?;
    Some(u16::from_le_bytes([pair[0], pair[1]]))
}

fn u32_at(bytes: &[u8], at: usize) -> Option<u32> {
    let quad = bytes.get(at..at.checked_add(4)?)?;
    Some(u32::from_le_bytes([quad[0], quad[1], quad[2], quad[3]]))
}

/// Reads the text of a Word 97–2003 document ([MS-DOC]: the FIB, then the piece table in the
/// `0Table`/`1Table` stream). Anything unexpected ends the reading with what was found.
fn read_word97(
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
    use std::io::Write;

    use zip::CompressionMethod;
    use zip::write::SimpleFileOptions;

    use super::*;

    /// A zip holding `entries` (name, contents), deflated.
    fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
        let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let options = SimpleFileOptions::default()
            .compression_method(CompressionMethod::Deflated)
            .compression_level(Some(1));
        for (name, contents) in entries {
            writer.start_file(*name, options).unwrap();
            writer.write_all(contents).unwrap();
        }
        writer.finish().unwrap().into_inner()
    }

    const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships""#;

    fn document(body: &str) -> String {
        format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {W}><w:body>{body}</w:body></w:document>"#
        )
    }

    const CONTENT_TYPES: &[u8] = br#"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>"#;

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

    #[test]
    fn a_zip_bomb_is_refused_quickly() {
        let started = std::time::Instant::now();
        let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let options = SimpleFileOptions::default()
            .compression_method(CompressionMethod::Deflated)
            .compression_level(Some(1));
        writer.start_file("word/document.xml", options).unwrap();
        let zeros = vec![0u8; 1024 * 1024];
        for _ in 0..40 {
            writer.write_all(&zeros).unwrap();
        }
        let bytes = writer.finish().unwrap().into_inner();
        assert!(
            bytes.len() < 1024 * 1024,
            "the bomb is {} bytes",
            bytes.len()
        );

        let read_started = std::time::Instant::now();
        assert_eq!(read_docx(&bytes).unwrap_err(), TOO_BIG);
        assert!(read_started.elapsed().as_secs() < 2);
        eprintln!("bomb built and refused in {:?}", started.elapsed());
    }

    /// A zip of one deflated entry whose headers claim `declared` unpacked bytes.
    fn lying_zip(name: &str, unpacked: &[u8], declared: u32) -> Vec<u8> {
        let mut deflated =
            flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::fast());
        deflated.write_all(unpacked).unwrap();
        let deflated = deflated.finish().unwrap();
        let mut crc = flate2::Crc::new();
        crc.update(unpacked);
        let crc = crc.sum();
        let compressed = u32::try_from(deflated.len()).unwrap();
        let name_len = u16::try_from(name.len()).unwrap();

        let mut out = Vec::new();
        // Local file header.
        out.extend_from_slice(&0x0403_4b50u32.to_le_bytes());
        out.extend_from_slice(&20u16.to_le_bytes()); // version needed
        out.extend_from_slice(&0u16.to_le_bytes()); // flags
        out.extend_from_slice(&8u16.to_le_bytes()); // deflate
        out.extend_from_slice(&[0; 4]); // time, date
        out.extend_from_slice(&crc.to_le_bytes());
        out.extend_from_slice(&compressed.to_le_bytes());
        out.extend_from_slice(&declared.to_le_bytes());
        out.extend_from_slice(&name_len.to_le_bytes());
        out.extend_from_slice(&0u16.to_le_bytes()); // extra
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(&deflated);
        // Central directory.
        let directory_at = u32::try_from(out.len()).unwrap();
        out.extend_from_slice(&0x0201_4b50u32.to_le_bytes());
        out.extend_from_slice(&20u16.to_le_bytes()); // made by
        out.extend_from_slice(&20u16.to_le_bytes()); // needed
        out.extend_from_slice(&0u16.to_le_bytes());
        out.extend_from_slice(&8u16.to_le_bytes());
        out.extend_from_slice(&[0; 4]);
        out.extend_from_slice(&crc.to_le_bytes());
        out.extend_from_slice(&compressed.to_le_bytes());
        out.extend_from_slice(&declared.to_le_bytes());
        out.extend_from_slice(&name_len.to_le_bytes());
        out.extend_from_slice(&[0; 8]); // extra, comment, disk, internal attributes
        out.extend_from_slice(&0u32.to_le_bytes()); // external attributes
        out.extend_from_slice(&0u32.to_le_bytes()); // local header offset
        out.extend_from_slice(name.as_bytes());
        let directory_len = u32::try_from(out.len()).unwrap() - directory_at;
        // End of central directory.
        out.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
        out.extend_from_slice(&[0; 4]); // disk numbers
        out.extend_from_slice(&1u16.to_le_bytes());
        out.extend_from_slice(&1u16.to_le_bytes());
        out.extend_from_slice(&directory_len.to_le_bytes());
        out.extend_from_slice(&directory_at.to_le_bytes());
        out.extend_from_slice(&0u16.to_le_bytes());
        out
    }

    #[test]
    fn an_entry_that_unpacks_beyond_its_declared_size_is_refused() {
        let unpacked = vec![b' '; usize::try_from(MAX_ENTRY_BYTES).unwrap() + 1024 * 1024];
        let bytes = lying_zip("word/document.xml", &unpacked, 100);
        assert!(read_docx(&bytes).is_err());

        // The same writer with an honest size reads.
        let honest = document("<w:p><w:r><w:t>fine</w:t></w:r></w:p>");
        let len = u32::try_from(honest.len()).unwrap();
        let bytes = lying_zip("word/document.xml", honest.as_bytes(), len);
        assert_eq!(read_docx(&bytes).unwrap().text, "fine");
    }

    #[test]
    fn many_parts_together_may_not_unpack_beyond_the_total() {
        // Five headers of 7 MiB each: every one under the entry limit, together over the total.
        let big = vec![b' '; 7 * 1024 * 1024];
        let body = document("<w:p/>");
        let mut entries: Vec<(String, &[u8])> = vec![("word/document.xml".into(), body.as_bytes())];
        for i in 1..=5 {
            entries.push((format!("word/header{i}.xml"), &big));
        }
        let entries: Vec<(&str, &[u8])> = entries.iter().map(|(n, c)| (n.as_str(), *c)).collect();
        assert_eq!(read_docx(&zip_of(&entries)).unwrap_err(), TOO_BIG);
    }

    #[test]
    fn text_stops_at_the_limit() {
        let paragraph = format!("<w:p><w:r><w:t>{}</w:t></w:r></w:p>", "é".repeat(1000));
        let body = document(&paragraph.repeat(100));
        let bytes = zip_of(&[("word/document.xml", body.as_bytes())]);
        let text = read_docx(&bytes).unwrap().text;
        assert!(text.len() <= MAX_TEXT_BYTES);
        assert!(text.len() > MAX_TEXT_BYTES - 2100);
    }

    /// An OLE compound file with the given storages and streams.
    fn ole_of(storages: &[&str], streams: &[(&str, &[u8])]) -> Vec<u8> {
        let mut file = cfb::CompoundFile::create(Cursor::new(Vec::new())).unwrap();
        for storage in storages {
            file.create_storage_all(storage).unwrap();
        }
        for (path, contents) in streams {
            let mut stream = file.create_stream(path).unwrap();
            stream.write_all(contents).unwrap();
        }
        file.flush().unwrap();
        file.into_inner().into_inner()
    }

    #[test]
    fn ole_with_an_encrypted_package_needs_a_password() {
        let bytes = ole_of(
            &["/\u{6}DataSpaces"],
            &[
                ("/EncryptionInfo", &[4, 0, 4, 0, 0x40, 0, 0, 0]),
                ("/EncryptedPackage", &[7; 600]),
            ],
        );
        let facts = read_ole(&bytes).unwrap();
        assert!(facts.needs_password);
        assert!(!facts.macros);
        // A protected .docx is such a file: read_docx sends it on.
        assert_eq!(read_docx(&bytes).unwrap(), facts);
    }

    #[test]
    fn ole_with_a_macros_storage_has_macros() {
        let bytes = ole_of(
            &["/Macros/VBA"],
            &[("/Macros/VBA/dir", b"x"), ("/WordDocument", &[0; 64])],
        );
        let facts = read_ole(&bytes).unwrap();
        assert!(facts.macros);
        assert!(!facts.needs_password);
        let plain = ole_of(&[], &[("/WordDocument", &[0; 64])]);
        assert_eq!(read_ole(&plain).unwrap(), DocFacts::default());
    }

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

    #[test]
    fn hyperlink_instructions() {
        assert_eq!(
            hyperlink_target(r#" HYPERLINK "mailto:a@b.nl" "#).as_deref(),
            Some("mailto:a@b.nl")
        );
        assert_eq!(
            hyperlink_target(r#"HYPERLINK \o "tip" "https://x.nl""#).as_deref(),
            Some("https://x.nl")
        );
        assert_eq!(hyperlink_target(r#"HYPERLINK \l "top""#), None);
        assert_eq!(hyperlink_target(r"PAGEREF _Toc1 \h"), None);
        assert!(!is_contact_link("file:///C:/cv.doc"));
        assert!(is_contact_link("MAILTO:A@B.NL"));
    }
}
