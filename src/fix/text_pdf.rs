//! Plain text and Markdown as PDF pages: Helvetica 10 pt on A4, lines wrapped at the margin,
//! characters outside Windows-1252 shown as `?` (the standard font's encoding).

use pdf_writer::{Content, Name, Str};

/// An A4 page's height in points.
pub const A4_HEIGHT: f32 = 842.0;
/// Text size in points.
const SIZE: f32 = 10.0;
/// Distance between lines in points.
const LEADING: f32 = 13.0;
/// Margin in points.
const MARGIN: f32 = 56.0;
/// Characters on a line (Helvetica 10 pt averages about 5 pt a character; 483 pt of line).
const LINE_CHARS: usize = 92;
/// The most pages made (a text that long is not a candidate's document).
const MAX_PAGES: usize = 200;

/// The content streams of `text` laid out on pages.
#[must_use]
pub fn pages(text: &str) -> Vec<Vec<u8>> {
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // small and positive
    let per_page = ((A4_HEIGHT - 2.0 * MARGIN) / LEADING) as usize;
    let lines = wrap(text);
    lines
        .chunks(per_page.max(1))
        .take(MAX_PAGES)
        .map(|page| {
            let mut content = Content::new();
            content.begin_text();
            content.set_font(Name(b"F1"), SIZE);
            content.set_leading(LEADING);
            content.next_line(MARGIN, A4_HEIGHT - MARGIN);
            for line in page {
                content.show(Str(&win_ansi(line)));
                content.next_line_using_leading();
            }
            content.end_text();
            content.finish().to_vec()
        })
        .collect()
}

/// `text`'s lines wrapped at [`LINE_CHARS`] on spaces (a word longer than a line is cut).
fn wrap(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for line in text.lines() {
        let mut current = String::new();
        for word in line.split(' ') {
            let needed =
                current.chars().count() + usize::from(!current.is_empty()) + word.chars().count();
            if needed > LINE_CHARS && !current.is_empty() {
                out.push(std::mem::take(&mut current));
            }
            if !current.is_empty() {
                current.push(' ');
            }
            current.push_str(word);
            while current.chars().count() > LINE_CHARS {
                let cut: String = current.chars().take(LINE_CHARS).collect();
                current = current.chars().skip(LINE_CHARS).collect();
                out.push(cut);
            }
        }
        out.push(current.replace('\t', "    "));
    }
    out
}

/// `line` in Windows-1252 (what `WinAnsiEncoding` means), `?` for the rest.
fn win_ansi(line: &str) -> Vec<u8> {
    line.chars()
        .map(|c| match c {
            ' '..='~' | '\u{a0}'..='\u{ff}' => u8::try_from(u32::from(c)).unwrap_or(b'?'),
            '\u{20ac}' => 0x80,
            '\u{2018}' => 0x91,
            '\u{2019}' => 0x92,
            '\u{201c}' => 0x93,
            '\u{201d}' => 0x94,
            '\u{2022}' => 0x95,
            '\u{2013}' => 0x96,
            '\u{2014}' => 0x97,
            _ => b'?',
        })
        .collect()
}
