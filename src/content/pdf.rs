//! Reading a PDF: its page count, whether it needs a password, the text of its first pages and
//! whether those pages have a text layer or only images (a scan).
//!
//! Built on the pure-Rust `hayro-syntax` (objects, encryption) and `hayro-interpret` (content
//! streams, fonts, Unicode). The interpreter draws into `TextCollector`, a device that keeps
//! the Unicode of each glyph with its position and notes whether an image was drawn; the glyphs
//! are then put into lines (same baseline, left to right) and the lines top to bottom.
//!
//! # Hostile input
//!
//! A document from a stranger may be built to crash or stall its reader. What is done here:
//!
//! - **Bounded reading**: at most [`MAX_PAGES`] pages are interpreted, at most
//!   [`MAX_CONTENT_BYTES`] of each page's content stream, at most [`MAX_GLYPHS`] glyphs are
//!   kept, and the text stops at [`MAX_TEXT_BYTES`]. Images are noted, never decoded. Page
//!   annotations (form fields, comments) are not interpreted. Fonts and `CMap`s come only from
//!   the document or from the data built into hayro (`embed-fonts`, `embed-cmaps`): nothing is
//!   looked up on the system.
//! - **Nesting**: hayro's issue tracker has fuzzer reports of stack overflows and out-of-memory
//!   aborts on crafted files (LaurenzV/hayro#273, closed as fixed) and of endless recursion
//!   through object streams (fixed by LaurenzV/hayro#350). hayro-syntax 0.9 stops skipping
//!   arrays and dictionaries 512 levels deep and hayro-interpret stops nesting forms, patterns
//!   and Type 3 glyphs 50 levels deep. On top of that a linear scan of the raw bytes refuses a
//!   file whose arrays or dictionaries nest deeper than [`MAX_NESTING_DEPTH`] before the parser
//!   sees it: such a file is never a real document, and hayro's lenient repair scan would try to
//!   parse it from every offset (quadratic time).
//! - **Panics**: the issue tracker also holds fuzzer panics in the parsers that were still open
//!   when looked at (an `unwrap` on a `None` in the `CMap` parser, LaurenzV/hayro#538; an
//!   overflow in the CCITT decoder, #52; a radix panic in the Type 1 parser, #236). The whole read runs under
//!   [`std::panic::catch_unwind`], so a panic becomes an error phrase. That is the second line:
//!   a stack overflow, an allocation failure (a decompression bomb: hayro does not limit the
//!   size of a decoded stream) or a stall cannot be caught in-process, so callers run the reader
//!   in a separate process with a time and memory limit.
//!
//! The stack needed is bounded by those depths: in an unoptimised build, a 520-level array and
//! a form that draws itself were read in 256 KiB of stack (the tests give them 512 KiB); the
//! array overflowed 128 KiB. A main thread's 8 MiB is ample.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Arc;

use hayro_interpret::font::{Glyph, GlyphRun};
use hayro_interpret::hayro_cmap::BfString;
use hayro_interpret::kurbo::{Affine, BezPath, Point, Rect};
use hayro_interpret::{
    BlendMode, ClipPath, Context, Device, DrawMode, DrawProps, Image, ImageDrawProps,
    InterpreterCache, InterpreterSettings, RenderContent, SoftMask, interpret,
};
use hayro_syntax::content::TypedIter;
use hayro_syntax::page::Page;
use hayro_syntax::{DecryptionError, LoadPdfError, Pdf};
use serde::Serialize;

/// What atsdrop learns from a PDF.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct PdfFacts {
    /// Pages in the document (0 if unknown).
    pub pages: u32,
    /// Opening it needs a password (encrypted with a non-empty user password): nothing else can
    /// be read.
    pub needs_password: bool,
    /// The text of the first pages (at most [`MAX_PAGES`] pages and [`MAX_TEXT_BYTES`] bytes),
    /// lines separated by '\n', reading order approximated by y then x.
    pub text: String,
    /// Whether any of the pages read has extractable text (a text layer). false for a scan
    /// (images only).
    pub has_text_layer: bool,
    /// Whether the pages read draw at least one image.
    pub has_images: bool,
    /// How many bytes at the start of `text` are the first page's.
    pub first_page_bytes: usize,
}

/// How many pages are read, from the first.
pub const MAX_PAGES: usize = 3;

/// How much text is kept, in bytes of UTF-8 (cut at a character boundary).
pub const MAX_TEXT_BYTES: usize = 64 * 1024;

/// How deeply arrays and dictionaries may nest in the raw bytes before the file is refused
/// unread. Real documents stay in single digits.
pub const MAX_NESTING_DEPTH: usize = 1_000;

/// How much of a page's decoded content stream is interpreted; the rest is ignored.
pub const MAX_CONTENT_BYTES: usize = 8 * 1024 * 1024;

/// How many glyphs are kept over all the pages read (a bound on memory; many more than
/// [`MAX_TEXT_BYTES`] allows, because glyphs are sorted by position before the text is cut).
pub const MAX_GLYPHS: usize = 4 * MAX_TEXT_BYTES;

/// The start of every error phrase.
const NOT_READABLE: &str = "it is not a PDF atsdrop can read";

/// How far into the file the `%PDF-` header may start (readers accept leading junk).
const HEADER_WINDOW: usize = 1024;

/// A gap between two glyphs wider than this share of the font size is a word space.
const SPACE_GAP_EM: f64 = 0.15;

/// A gap wider than this many font sizes separates columns (a sidebar, a tab stop, a table
/// cell): the text on either side becomes a line of its own, so a name beside an address is
/// still a name on its own line.
const COLUMN_GAP_EM: f64 = 3.0;

/// Glyphs whose baselines differ by at most this share of the font size are on one line.
const BASELINE_TOLERANCE_EM: f64 = 0.4;

/// Reads a PDF's facts from its bytes. Errors are a short lower-case phrase ("it is not a PDF
/// atsdrop can read (…)").
pub fn read_pdf(bytes: &[u8]) -> Result<PdfFacts, String> {
    let head = bytes.get(..HEADER_WINDOW).unwrap_or(bytes);
    if !head.windows(5).any(|window| window == b"%PDF-") {
        return Err(format!("{NOT_READABLE} (it has no PDF header)"));
    }
    if nesting_exceeds(bytes, MAX_NESTING_DEPTH) {
        return Err("its structure is nested too deeply to read safely".to_owned());
    }
    catch_unwind(AssertUnwindSafe(|| read_unguarded(bytes)))
        .unwrap_or_else(|_| Err(format!("{NOT_READABLE} (the reader failed on it)")))
}

/// [`read_pdf`] without the checks in front and the panic guard around.
fn read_unguarded(bytes: &[u8]) -> Result<PdfFacts, String> {
    let pdf = match Pdf::new(bytes.to_vec()) {
        Ok(pdf) => pdf,
        Err(LoadPdfError::Decryption(DecryptionError::PasswordProtected)) => {
            // The page tree is encrypted too (or may be, in an object stream): pages unknown.
            return Ok(PdfFacts {
                needs_password: true,
                ..PdfFacts::default()
            });
        }
        Err(LoadPdfError::Decryption(DecryptionError::UnsupportedAlgorithm)) => {
            return Err(format!(
                "{NOT_READABLE} (its encryption is of an unknown kind)"
            ));
        }
        Err(LoadPdfError::Decryption(
            DecryptionError::InvalidEncryption | DecryptionError::MissingIDEntry,
        )) => return Err(format!("{NOT_READABLE} (its encryption is damaged)")),
        Err(LoadPdfError::Invalid) => {
            // hayro's repair pass swallows decryption errors, so a damaged file that is also
            // encrypted ends up here; say so rather than only "damaged".
            let encrypted = bytes.windows(8).any(|window| window == b"/Encrypt");
            let why = if encrypted {
                "it is damaged and encrypted"
            } else {
                "it is damaged"
            };
            return Err(format!("{NOT_READABLE} ({why})"));
        }
    };

    let pages = pdf.pages();
    let mut facts = PdfFacts {
        pages: u32::try_from(pages.len()).unwrap_or(u32::MAX),
        ..PdfFacts::default()
    };
    let settings = InterpreterSettings {
        warning_sink: Arc::new(|_| {}),
        render_content: RenderContent::PAGE,
        // The default resolvers answer from the fonts and CMaps built into hayro: no system
        // fonts, no files, no network.
        ..InterpreterSettings::default()
    };
    let cache = InterpreterCache::new();
    let mut collector = TextCollector::default();
    let mut page_texts = Vec::new();

    for page in pages.iter().take(MAX_PAGES) {
        collector.glyphs.clear();
        let mut context = Context::new(
            initial_transform(page),
            page_box(page),
            &cache,
            pdf.xref(),
            settings.clone(),
        );
        let stream = page.page_stream().unwrap_or_default();
        let stream = stream.get(..MAX_CONTENT_BYTES).unwrap_or(stream);
        interpret(
            TypedIter::new(stream),
            page.resources(),
            &mut context,
            &mut collector,
        );
        page_texts.push(lines_of(&mut collector.glyphs));
    }

    facts.has_images = collector.images > 0;
    facts.has_text_layer = collector.has_text;
    facts.text = join_bounded(page_texts.iter().flatten(), MAX_TEXT_BYTES);
    facts.first_page_bytes = page_texts
        .first()
        .map_or(0, |page| join_bounded(page, MAX_TEXT_BYTES).len());
    Ok(facts)
}

/// The page's rendering transform: rotation and crop box applied, origin top left, y down.
fn initial_transform(page: &Page<'_>) -> Affine {
    Affine::new(page.initial_transform(true).as_coeffs())
}

/// The page's visible area in the coordinates of [`initial_transform`].
fn page_box(page: &Page<'_>) -> Rect {
    let (width, height) = page.render_dimensions();
    Rect::new(0.0, 0.0, f64::from(width), f64::from(height))
}

/// Whether arrays (`[`) and dictionaries (`<<`) in `bytes` nest deeper than `limit`.
///
/// One pass, no allocation. Stream bodies (`stream` … `endstream`) are skipped, since binary
/// data is full of brackets; a `stream` without an `endstream` is not skipped, so nothing can
/// hide behind it. `endobj` resets the count, so unbalanced brackets in one damaged object do
/// not add up over a large file. Strings and comments are not skipped: brackets there count,
/// which can only make the check stricter.
fn nesting_exceeds(bytes: &[u8], limit: usize) -> bool {
    let mut depth = 0_usize;
    let mut at = 0;
    // Once a search for `endstream` has failed, no later one can succeed: searching again for
    // every `stream` would make a file of bare `stream` keywords quadratic.
    let mut endstreams_left = true;
    while let Some(&byte) = bytes.get(at) {
        let next = bytes.get(at + 1).copied();
        match byte {
            b'[' => depth += 1,
            b']' => depth = depth.saturating_sub(1),
            b'<' if next == Some(b'<') => {
                depth += 1;
                at += 1;
            }
            b'>' if next == Some(b'>') => {
                depth = depth.saturating_sub(1);
                at += 1;
            }
            b's' if endstreams_left => match stream_end(bytes, at) {
                StreamEnd::At(end) => {
                    at = end;
                    continue;
                }
                StreamEnd::Missing => endstreams_left = false,
                StreamEnd::NotAStream => {}
            },
            b'e' if bytes[at..].starts_with(b"endobj") => depth = 0,
            _ => {}
        }
        if depth > limit {
            return true;
        }
        at += 1;
    }
    false
}

/// What follows a possible `stream` keyword.
enum StreamEnd {
    /// No `stream` keyword starts here.
    NotAStream,
    /// A stream body whose `endstream` ends just before this offset.
    At(usize),
    /// A `stream` keyword with no `endstream` anywhere after it.
    Missing,
}

/// Whether a `stream` keyword starts at `at`, and if so where its `endstream` ends.
fn stream_end(bytes: &[u8], at: usize) -> StreamEnd {
    const KEYWORD: &[u8] = b"stream";
    const END: &[u8] = b"endstream";
    let Some(rest) = bytes.get(at..) else {
        return StreamEnd::NotAStream;
    };
    if !rest.starts_with(KEYWORD) {
        return StreamEnd::NotAStream;
    }
    let after_delimiter = at == 0
        || bytes
            .get(at - 1)
            .is_some_and(|b| b.is_ascii_whitespace() || *b == b'>');
    let before_eol = matches!(rest.get(KEYWORD.len()), Some(b'\r' | b'\n'));
    if !after_delimiter || !before_eol {
        return StreamEnd::NotAStream;
    }
    let body = at + KEYWORD.len();
    rest[KEYWORD.len()..]
        .windows(END.len())
        .position(|w| w == END)
        .map_or(StreamEnd::Missing, |found| {
            StreamEnd::At(body + found + END.len())
        })
}

/// One glyph that has a Unicode meaning, placed on the page (y down).
#[derive(Clone, Debug)]
struct PlacedGlyph {
    /// Left edge of the glyph (its origin), in points from the left of the page.
    x: f64,
    /// Baseline, in points from the top of the page.
    y: f64,
    /// Where the next glyph would start without extra spacing.
    end_x: f64,
    /// Font size in points (height of the em square on the page).
    size: f64,
    /// The glyph's text (usually one character; ligatures give more).
    text: String,
}

/// The device the interpreter draws into: it keeps glyphs' Unicode and positions and counts
/// images, and ignores everything else.
#[derive(Debug, Default)]
struct TextCollector {
    /// Glyphs of the page being read.
    glyphs: Vec<PlacedGlyph>,
    /// Glyphs kept so far over all pages, up to [`MAX_GLYPHS`].
    kept: usize,
    /// Any glyph read so far maps to a visible character.
    has_text: bool,
    /// Images drawn on the pages read so far.
    images: usize,
}

impl TextCollector {
    /// Notes one glyph drawn with `transform` (glyph space, 1000 units per em, to page).
    fn push(&mut self, transform: Affine, text: &str, advance: Option<f32>) {
        let text: String = text.chars().filter(|c| !c.is_control()).collect();
        if text.is_empty() {
            return;
        }
        if text.chars().any(|c| !c.is_whitespace()) {
            self.has_text = true;
        }
        if self.kept >= MAX_GLYPHS {
            return;
        }
        let origin = transform * Point::ZERO;
        // One em up from the origin, measured on the page.
        let size = ((transform * Point::new(0.0, 1000.0)) - origin).hypot();
        // Advances are in glyph space; without one, assume half an em.
        let advance = advance.map_or(500.0, f64::from).clamp(0.0, 5000.0);
        let end_x = origin.x + advance / 1000.0 * size;
        if !(origin.x.is_finite() && origin.y.is_finite() && size.is_finite() && end_x.is_finite())
        {
            return;
        }
        self.kept += 1;
        self.glyphs.push(PlacedGlyph {
            x: origin.x,
            y: origin.y,
            end_x,
            size: size.max(0.01),
            text,
        });
    }
}

impl<'a> Device<'a> for TextCollector {
    fn draw_path(&mut self, _: &BezPath, _: DrawProps<'a>, _: &DrawMode) {}

    fn push_clip_path(&mut self, _: &ClipPath) {}

    fn push_transparency_group(&mut self, _: f32, _: Option<SoftMask<'a>>, _: BlendMode) {}

    fn draw_glyph_run(&mut self, run: &GlyphRun<'_, 'a>, props: DrawProps<'a>, _: &DrawMode) {
        for glyph in run.glyphs() {
            let Some(unicode) = glyph.as_unicode() else {
                continue;
            };
            let text = match unicode {
                BfString::Char(c) => c.to_string(),
                BfString::String(s) => s,
            };
            let advance = match &**glyph {
                Glyph::Outline(outline) => outline.advance_width(),
                Glyph::Type3(type3) => type3.advance_width(),
            };
            self.push(props.transform * glyph.transform(), &text, advance);
        }
    }

    fn draw_image(&mut self, _: Image<'a, '_>, _: ImageDrawProps<'a>) {
        self.images = self.images.saturating_add(1);
    }

    fn pop_clip(&mut self) {}

    fn pop_transparency_group(&mut self) {}
}

/// Puts a page's glyphs into lines of text, top to bottom, each left to right; a wide gap
/// splits a line in two.
fn lines_of(glyphs: &mut [PlacedGlyph]) -> Vec<String> {
    glyphs.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x.total_cmp(&b.x)));
    let mut lines = Vec::new();
    let mut start = 0;
    while start < glyphs.len() {
        let anchor = &glyphs[start];
        let tolerance = BASELINE_TOLERANCE_EM * anchor.size;
        let end = glyphs[start..]
            .iter()
            .position(|g| g.y - anchor.y > tolerance.max(BASELINE_TOLERANCE_EM * g.size))
            .map_or(glyphs.len(), |offset| start + offset);
        let line = &mut glyphs[start..end];
        line.sort_by(|a, b| a.x.total_cmp(&b.x));
        for column in line.chunk_by(|before, glyph| {
            glyph.x - before.end_x <= COLUMN_GAP_EM * glyph.size.max(before.size)
        }) {
            let text = line_text(column);
            if !text.is_empty() {
                lines.push(text);
            }
        }
        start = end;
    }
    lines
}

/// The text of one line of glyphs sorted by x: spaces where the gaps are wide, a glyph drawn
/// twice in the same place (fill then stroke, or fake bold) once.
fn line_text(line: &[PlacedGlyph]) -> String {
    let mut text = String::new();
    let mut previous: Option<&PlacedGlyph> = None;
    for glyph in line {
        if let Some(before) = previous {
            let overlaps = (glyph.x - before.x).abs() < 0.1 * glyph.size.max(before.size);
            if overlaps && glyph.text == before.text {
                continue;
            }
            let gap = glyph.x - before.end_x;
            let wide = gap > SPACE_GAP_EM * glyph.size.max(before.size);
            let spaced =
                text.ends_with(char::is_whitespace) || glyph.text.starts_with(char::is_whitespace);
            if wide && !spaced {
                text.push(' ');
            }
        }
        text.push_str(&glyph.text);
        previous = Some(glyph);
    }
    // Runs of spaces (justified text, space glyphs plus gaps) become one.
    let mut collapsed = String::with_capacity(text.len());
    for c in text.trim().chars() {
        let c = if c.is_whitespace() { ' ' } else { c };
        if !(c == ' ' && collapsed.ends_with(' ')) {
            collapsed.push(c);
        }
    }
    collapsed
}

/// Joins lines with '\n', stopping before `limit` bytes (a line that does not fit is cut at a
/// character boundary).
fn join_bounded<'l>(lines: impl IntoIterator<Item = &'l String>, limit: usize) -> String {
    let mut text = String::new();
    for line in lines {
        let separator = usize::from(!text.is_empty());
        let room = limit.saturating_sub(text.len() + separator);
        if room == 0 {
            break;
        }
        if separator == 1 {
            text.push('\n');
        }
        if line.len() <= room {
            text.push_str(line);
        } else {
            let mut cut = room;
            while !line.is_char_boundary(cut) {
                cut -= 1;
            }
            text.push_str(&line[..cut]);
            break;
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use pdf_writer::{Content, Finish, Name, Rect as PdfRect, Ref, Str};
    use std::time::{Duration, Instant};

    // ---- Building test documents ----------------------------------------------------------

    /// A document of pages, each page a content stream using Helvetica as `F1`.
    fn text_pdf(pages: &[Content]) -> Vec<u8> {
        let mut pdf = pdf_writer::Pdf::new();
        let catalog = Ref::new(1);
        let tree = Ref::new(2);
        let font = Ref::new(3);
        let page_ids: Vec<Ref> = (0..pages.len())
            .map(|i| Ref::new(10 + 2 * i32::try_from(i).unwrap()))
            .collect();
        pdf.catalog(catalog).pages(tree);
        pdf.pages(tree)
            .kids(page_ids.iter().copied())
            .count(i32::try_from(pages.len()).unwrap());
        pdf.type1_font(font).base_font(Name(b"Helvetica"));
        for (content, id) in pages.iter().zip(&page_ids) {
            let content_id = Ref::new(id.get() + 1);
            let mut page = pdf.page(*id);
            page.media_box(PdfRect::new(0.0, 0.0, 595.0, 842.0));
            page.parent(tree);
            page.contents(content_id);
            page.resources().fonts().pair(Name(b"F1"), font);
            page.finish();
            pdf.stream(content_id, content.as_bytes());
        }
        pdf.finish()
    }

    /// Text at (x, y) from the bottom left, in Helvetica at `size`.
    fn show(content: &mut Content, x: f32, y: f32, size: f32, text: &str) {
        content.begin_text();
        content.set_font(Name(b"F1"), size);
        content.next_line(x, y);
        content.show(Str(text.as_bytes()));
        content.end_text();
    }

    /// A CV-like first page written out of reading order, and a second page.
    fn cv_pdf() -> Vec<u8> {
        let mut first = Content::new();
        // The bottom line comes first in the stream.
        show(&mut first, 72.0, 600.0, 12.0, "Experience");
        show(&mut first, 72.0, 760.0, 18.0, "Curriculum Vitae");
        // A word gap made by kerning, as LaTeX does, not by a space glyph.
        first.begin_text();
        first.set_font(Name(b"F1"), 12.0);
        first.next_line(72.0, 730.0);
        first
            .show_positioned()
            .items()
            .show(Str(b"Jane"))
            .adjust(-300.0)
            .show(Str(b"Doe"));
        first.end_text();
        // Right half of the line first, then its left half.
        show(&mut first, 120.0, 700.0, 12.0, "jane.doe@example.com");
        show(&mut first, 72.0, 700.0, 12.0, "E-mail:");
        let mut second = Content::new();
        show(&mut second, 72.0, 760.0, 12.0, "Skills: Rust, SQL");
        text_pdf(&[first, second])
    }

    /// A page that draws a 2×2 grey image and no text.
    fn image_pdf() -> Vec<u8> {
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
        page.media_box(PdfRect::new(0.0, 0.0, 595.0, 842.0));
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
        pdf.finish()
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

    fn hex(bytes: &[u8]) -> String {
        use std::fmt::Write as _;
        bytes.iter().fold(String::new(), |mut out, b| {
            write!(out, "{b:02X}").unwrap();
            out
        })
    }

    /// The password padding of the standard security handler (PDF 1.7, 7.6.3.3).
    const PADDING: [u8; 32] = [
        0x28, 0xBF, 0x4E, 0x5E, 0x4E, 0x75, 0x8A, 0x41, 0x64, 0x00, 0x4E, 0x56, 0xFF, 0xFA, 0x01,
        0x08, 0x2E, 0x2E, 0x00, 0xB6, 0xD0, 0x68, 0x3E, 0x80, 0x2F, 0x0C, 0xA9, 0xFE, 0x64, 0x53,
        0x69, 0x7A,
    ];

    fn padded(password: &[u8]) -> Vec<u8> {
        password.iter().chain(&PADDING).take(32).copied().collect()
    }

    /// RC4 (encryption and decryption are the same).
    fn rc4(key: &[u8], data: &[u8]) -> Vec<u8> {
        let mut s: Vec<u8> = (0..=255).collect();
        let mut j = 0_u8;
        for i in 0..256 {
            j = j.wrapping_add(s[i]).wrapping_add(key[i % key.len()]);
            s.swap(i, usize::from(j));
        }
        let (mut i, mut j) = (0_u8, 0_u8);
        data.iter()
            .map(|byte| {
                i = i.wrapping_add(1);
                j = j.wrapping_add(s[usize::from(i)]);
                s.swap(usize::from(i), usize::from(j));
                let k = s[usize::from(s[usize::from(i)].wrapping_add(s[usize::from(j)]))];
                byte ^ k
            })
            .collect()
    }

    /// MD5 (RFC 1321), with the RFC's names.
    #[allow(clippy::many_single_char_names)]
    fn md5(data: &[u8]) -> [u8; 16] {
        const SHIFTS: [u32; 16] = [7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21];
        let constants: Vec<u32> = (0..64)
            .map(|i| {
                #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
                let k = (f64::from(i + 1).sin().abs() * 4_294_967_296.0) as u32;
                k
            })
            .collect();
        let mut message = data.to_vec();
        message.push(0x80);
        while message.len() % 64 != 56 {
            message.push(0);
        }
        message.extend_from_slice(&(u64::try_from(data.len()).unwrap() * 8).to_le_bytes());
        let mut state: [u32; 4] = [0x6745_2301, 0xefcd_ab89, 0x98ba_dcfe, 0x1032_5476];
        for block in message.chunks(64) {
            let words: Vec<u32> = block
                .chunks(4)
                .map(|w| u32::from_le_bytes(w.try_into().unwrap()))
                .collect();
            let [mut a, mut b, mut c, mut d] = state;
            for i in 0..64 {
                let (f, g) = match i / 16 {
                    0 => ((b & c) | (!b & d), i),
                    1 => ((d & b) | (!d & c), (5 * i + 1) % 16),
                    2 => (b ^ c ^ d, (3 * i + 5) % 16),
                    _ => (c ^ (b | !d), (7 * i) % 16),
                };
                let rotated = a
                    .wrapping_add(f)
                    .wrapping_add(constants[i])
                    .wrapping_add(words[g])
                    .rotate_left(SHIFTS[(i / 16) * 4 + i % 4]);
                (a, d, c) = (d, c, b);
                b = b.wrapping_add(rotated);
            }
            for (s, v) in state.iter_mut().zip([a, b, c, d]) {
                *s = s.wrapping_add(v);
            }
        }
        let mut digest = [0; 16];
        for (chunk, word) in digest.chunks_mut(4).zip(state) {
            chunk.copy_from_slice(&word.to_le_bytes());
        }
        digest
    }

    /// A one-page PDF encrypted by the standard security handler, revision 2 (RC4, 40-bit), with
    /// the given user password and owner password "owner". Its content stream is encrypted, so
    /// the text can only be read with the right key.
    fn encrypted_pdf(user_password: &[u8]) -> Vec<u8> {
        let id = *b"atsdrop-test-id!";
        let permissions: i32 = -4;
        // Algorithm 3: the O entry.
        let owner_key = &md5(&padded(b"owner"))[..5];
        let owner = rc4(owner_key, &padded(user_password));
        // Algorithm 2: the file key.
        let mut input = padded(user_password);
        input.extend_from_slice(&owner);
        input.extend_from_slice(&permissions.to_le_bytes());
        input.extend_from_slice(&id);
        let key = md5(&input)[..5].to_vec();
        // Algorithm 4: the U entry.
        let user = rc4(&key, &PADDING);
        // Algorithm 1: the content stream (object 4, generation 0) under its own key.
        let mut object_key = key.clone();
        object_key.extend_from_slice(&[4, 0, 0, 0, 0]);
        let object_key = &md5(&object_key)[..10];
        let content = rc4(
            object_key,
            b"BT /F1 12 Tf 72 720 Td (Confidential offer) Tj ET",
        );

        let mut stream = format!("<< /Length {} >>\nstream\n", content.len()).into_bytes();
        stream.extend_from_slice(&content);
        stream.extend_from_slice(b"\nendstream");
        let objects = vec![
            b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] \
              /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>"
                .to_vec(),
            stream,
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_vec(),
            format!(
                "<< /Filter /Standard /V 1 /R 2 /O <{}> /U <{}> /P {permissions} >>",
                hex(&owner),
                hex(&user)
            )
            .into_bytes(),
        ];
        let trailer = format!(
            "<< /Size 7 /Root 1 0 R /Encrypt 6 0 R /ID [<{0}> <{0}>] >>",
            hex(&id)
        );
        assemble(&objects, &trailer)
    }

    /// Runs `f` on a thread with a stack of `kib` KiB: a stack overflow would abort the test
    /// binary, not fail one test.
    fn on_stack<T: Send + 'static>(kib: usize, f: impl FnOnce() -> T + Send + 'static) -> T {
        std::thread::Builder::new()
            .stack_size(kib * 1024)
            .spawn(f)
            .unwrap()
            .join()
            .unwrap()
    }

    // ---- The helpers check themselves -----------------------------------------------------

    #[test]
    fn md5_and_rc4_match_their_published_test_vectors() {
        assert_eq!(hex(&md5(b"")), "D41D8CD98F00B204E9800998ECF8427E");
        assert_eq!(
            hex(&md5(b"The quick brown fox jumps over the lazy dog")),
            "9E107D9D372BB6826BD81D3542A419D6"
        );
        assert_eq!(hex(&rc4(b"Key", b"Plaintext")), "BBF316E8D940AF0AD3");
    }

    // ---- Text ----------------------------------------------------------------------------

    #[test]
    fn text_comes_out_in_reading_order_with_pages_and_text_layer() {
        let facts = read_pdf(&cv_pdf()).unwrap();
        assert_eq!(facts.pages, 2);
        assert!(!facts.needs_password);
        assert!(facts.has_text_layer);
        assert!(!facts.has_images);
        assert_eq!(
            facts.text,
            "Curriculum Vitae\nJane Doe\nE-mail: jane.doe@example.com\nExperience\n\
             Skills: Rust, SQL"
        );
    }

    #[test]
    fn columns_on_one_baseline_become_lines_of_their_own() {
        let mut content = Content::new();
        show(&mut content, 400.0, 760.0, 12.0, "Amsterdam");
        show(&mut content, 72.0, 760.0, 12.0, "Jane Doe");
        show(&mut content, 72.0, 740.0, 12.0, "Developer");
        // Drawn twice in place (fill, then stroke): read once.
        show(&mut content, 400.0, 740.0, 12.0, "Rust");
        show(&mut content, 400.0, 740.0, 12.0, "Rust");
        let facts = read_pdf(&text_pdf(&[content])).unwrap();
        assert_eq!(facts.text, "Jane Doe\nAmsterdam\nDeveloper\nRust");
    }

    #[test]
    fn an_image_only_page_is_a_scan() {
        let facts = read_pdf(&image_pdf()).unwrap();
        assert_eq!(facts.pages, 1);
        assert!(!facts.has_text_layer);
        assert!(facts.has_images);
        assert_eq!(facts.text, "");
    }

    #[test]
    fn only_the_first_pages_are_read() {
        let pages: Vec<Content> = (1..=5)
            .map(|n| {
                let mut content = Content::new();
                show(&mut content, 72.0, 760.0, 12.0, &format!("marker{n}"));
                content
            })
            .collect();
        let facts = read_pdf(&text_pdf(&pages)).unwrap();
        assert_eq!(facts.pages, 5);
        assert_eq!(facts.text, "marker1\nmarker2\nmarker3");
    }

    #[test]
    fn text_stops_at_the_byte_limit_on_a_character_boundary() {
        let mut content = Content::new();
        let line = "Lorem ipsum dolor sit amet ".repeat(15);
        for i in 0..200_u16 {
            show(&mut content, 10.0, 830.0 - f32::from(i) * 4.0, 3.0, &line);
        }
        let facts = read_pdf(&text_pdf(&[content])).unwrap();
        assert!(facts.text.len() <= MAX_TEXT_BYTES);
        assert!(facts.text.len() > MAX_TEXT_BYTES - line.len());
        assert!(facts.text.starts_with("Lorem ipsum"));

        let cut = join_bounded(&["ab".to_owned(), "cé".to_owned()], 5);
        assert_eq!(cut, "ab\nc");
    }

    // ---- Encryption ----------------------------------------------------------------------

    #[test]
    fn a_user_password_is_reported_and_nothing_else_is_read() {
        let facts = read_pdf(&encrypted_pdf(b"secret")).unwrap();
        assert_eq!(
            facts,
            PdfFacts {
                needs_password: true,
                ..PdfFacts::default()
            }
        );
    }

    #[test]
    fn owner_restrictions_alone_do_not_stop_reading() {
        let facts = read_pdf(&encrypted_pdf(b"")).unwrap();
        assert!(!facts.needs_password);
        assert_eq!(facts.pages, 1);
        assert!(facts.has_text_layer);
        assert_eq!(facts.text, "Confidential offer");
    }

    #[test]
    fn unknown_or_damaged_encryption_is_an_error() {
        let other_handler = assemble(
            &[
                b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
                b"<< /Type /Pages /Kids [] /Count 0 >>".to_vec(),
                b"<< /Filter /Adobe.PubSec /V 4 /R 4 >>".to_vec(),
            ],
            "<< /Size 4 /Root 1 0 R /Encrypt 3 0 R >>",
        );
        let error = read_pdf(&other_handler).unwrap_err();
        assert!(error.starts_with(NOT_READABLE), "{error}");
    }

    // ---- Hostile input -------------------------------------------------------------------

    #[test]
    fn garbage_is_an_error() {
        let noise: Vec<u8> = (0..4096_u32)
            .map(|i| u8::try_from(i * 7919 % 251).unwrap())
            .collect();
        let error = read_pdf(&noise).unwrap_err();
        assert_eq!(
            error,
            "it is not a PDF atsdrop can read (it has no PDF header)"
        );

        let mut headed = b"%PDF-1.7\n".to_vec();
        headed.extend_from_slice(&noise);
        let error = read_pdf(&headed).unwrap_err();
        assert!(error.starts_with(NOT_READABLE), "{error}");

        assert!(read_pdf(b"").is_err());
        assert!(read_pdf(b"%PDF-").is_err());
    }

    #[test]
    fn absurd_nesting_is_refused_quickly_without_overflowing_the_stack() {
        for (open, close) in [("[", "]"), ("<< /A ", " >>")] {
            let nested = format!("{}0{}", open.repeat(20_000), close.repeat(20_000));
            let pdf = assemble(
                &[
                    format!("<< /Type /Catalog /Pages 2 0 R /Deep {nested} >>").into_bytes(),
                    b"<< /Type /Pages /Kids [] /Count 0 >>".to_vec(),
                ],
                "<< /Size 3 /Root 1 0 R >>",
            );
            let started = Instant::now();
            let result = on_stack(256, move || read_pdf(&pdf));
            assert_eq!(
                result.unwrap_err(),
                "its structure is nested too deeply to read safely"
            );
            assert!(started.elapsed() < Duration::from_secs(2));
        }
    }

    #[test]
    fn nesting_inside_stream_bodies_is_not_counted_but_unterminated_streams_are() {
        let deep = "[".repeat(MAX_NESTING_DEPTH + 1);
        let in_stream = format!("<< /Length 5 >>\nstream\n{deep}\nendstream");
        assert!(!nesting_exceeds(in_stream.as_bytes(), MAX_NESTING_DEPTH));
        let unterminated = format!("<< /Length 5 >>\nstream\n{deep}");
        assert!(nesting_exceeds(unterminated.as_bytes(), MAX_NESTING_DEPTH));
        let closed_each_time = "[[[ ] ] ] endobj ".repeat(1000);
        assert!(!nesting_exceeds(closed_each_time.as_bytes(), 5));
        // Bare `stream` keywords without an end stay linear.
        let bare = "\nstream\n".repeat(1_000_000);
        let started = Instant::now();
        assert!(!nesting_exceeds(bare.as_bytes(), MAX_NESTING_DEPTH));
        assert!(started.elapsed() < Duration::from_secs(2));
    }

    #[test]
    fn nesting_at_hayros_own_limit_is_read_without_overflow() {
        // Below our pre-check, at and beyond hayro's 512 levels: hayro must stop by itself.
        for depth in [500, 520, MAX_NESTING_DEPTH - 1] {
            let nested = format!("{}0{}", "[".repeat(depth), "]".repeat(depth));
            let mut content =
                format!("BT /F1 12 Tf 72 720 Td (Hello) Tj ET {nested} pop").into_bytes();
            content.extend_from_slice(b"\nBT /F1 12 Tf 72 700 Td (World) Tj ET");
            let mut stream = format!("<< /Length {} >>\nstream\n", content.len()).into_bytes();
            stream.extend_from_slice(&content);
            stream.extend_from_slice(b"\nendstream");
            let pdf = assemble(
                &[
                    b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
                    b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
                    b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] \
                      /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>"
                        .to_vec(),
                    stream,
                    b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_vec(),
                    nested.clone().into_bytes(),
                ],
                "<< /Size 7 /Root 1 0 R >>",
            );
            // Measured unoptimised: passes with 256 KiB, overflows with 128 KiB.
            let facts = on_stack(512, move || read_pdf(&pdf)).unwrap();
            assert!(facts.text.contains("Hello"), "{depth}: {facts:?}");
        }
    }

    #[test]
    fn a_form_that_draws_itself_stops_at_hayros_depth() {
        // Form 6 draws form 6: hayro-interpret stops after 50 levels.
        let form_content = b"BT /F1 12 Tf 72 720 Td (Loop) Tj ET /X Do";
        let mut form = format!(
            "<< /Type /XObject /Subtype /Form /BBox [0 0 595 842] \
             /Resources << /Font << /F1 5 0 R >> /XObject << /X 6 0 R >> >> /Length {} >>\nstream\n",
            form_content.len()
        )
        .into_bytes();
        form.extend_from_slice(form_content);
        form.extend_from_slice(b"\nendstream");
        let page_content = b"/X Do";
        let mut stream = format!("<< /Length {} >>\nstream\n", page_content.len()).into_bytes();
        stream.extend_from_slice(page_content);
        stream.extend_from_slice(b"\nendstream");
        let pdf = assemble(
            &[
                b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
                b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
                b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] \
                  /Resources << /XObject << /X 6 0 R >> >> /Contents 4 0 R >>"
                    .to_vec(),
                stream,
                b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_vec(),
                form,
            ],
            "<< /Size 7 /Root 1 0 R >>",
        );
        let facts = on_stack(512, move || read_pdf(&pdf)).unwrap();
        assert_eq!(facts.text, "Loop");
    }

    #[test]
    fn truncated_files_never_panic() {
        let whole = cv_pdf();
        let half = read_pdf(&whole[..whole.len() / 2]);
        if let Ok(facts) = &half {
            assert!(!facts.needs_password);
        }
        for cut in (0..whole.len()).step_by(17) {
            let _ = read_pdf(&whole[..cut]);
        }
        let encrypted = encrypted_pdf(b"secret");
        for cut in (0..encrypted.len()).step_by(23) {
            let _ = read_pdf(&encrypted[..cut]);
        }
    }

    #[test]
    fn corrupted_bytes_never_panic() {
        let whole = cv_pdf();
        let mut rng = fastrand::Rng::with_seed(0x5eed);
        for _ in 0..300 {
            let mut bytes = whole.clone();
            for _ in 0..rng.usize(1..8) {
                let at = rng.usize(..bytes.len());
                bytes[at] = rng.u8(..);
            }
            let _ = read_pdf(&bytes);
        }
    }
}
