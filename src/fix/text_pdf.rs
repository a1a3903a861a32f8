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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_lines_stay_as_they_are_blank_lines_too() {
        assert_eq!(wrap("one\n\ntwo\r\nthree"), ["one", "", "two", "three"]);
    }

    #[test]
    fn long_lines_wrap_on_spaces_within_the_width() {
        let line = "lorem ipsum dolor ".repeat(20);
        let wrapped = wrap(&line);
        assert!(wrapped.len() > 1);
        for l in &wrapped {
            assert!(l.chars().count() <= LINE_CHARS, "{l:?}");
            assert!(!l.starts_with(' '), "{l:?}");
        }
        // No word is cut: the words come back in order.
        let words: Vec<&str> = wrapped.iter().flat_map(|l| l.split_whitespace()).collect();
        let given: Vec<&str> = line.split_whitespace().collect();
        assert_eq!(words, given);
    }

    #[test]
    fn a_word_longer_than_a_line_is_cut_into_lines() {
        let word = "x".repeat(LINE_CHARS * 2 + 5);
        let wrapped = wrap(&format!("a {word}"));
        assert_eq!(wrapped[0], "a");
        assert_eq!(wrapped[1].len(), LINE_CHARS);
        assert_eq!(wrapped[2].len(), LINE_CHARS);
        assert_eq!(wrapped[3], "xxxxx");
        assert_eq!(wrapped.concat(), format!("a{word}"));
    }

    #[test]
    fn windows_1252_covers_western_text_and_the_rest_is_a_question_mark() {
        assert_eq!(win_ansi("Aé ü£"), [b'A', 0xE9, b' ', 0xFC, 0xA3]);
        assert_eq!(
            win_ansi("€ ‘’ “” • – —"),
            [
                0x80, b' ', 0x91, 0x92, b' ', 0x93, 0x94, b' ', 0x95, b' ', 0x96, b' ', 0x97
            ]
        );
        assert_eq!(win_ansi("中文 ✓"), b"?? ?");
    }

    #[test]
    fn tabs_become_spaces_even_on_wrapped_lines() {
        let line = format!("\tindented {}", "word ".repeat(40));
        for l in wrap(&line) {
            assert!(!win_ansi(&l).contains(&b'?'), "{l:?}");
            assert!(l.chars().count() <= LINE_CHARS, "{l:?}");
        }
    }

    #[test]
    fn a_byte_order_mark_does_not_show() {
        let pages = pages("\u{feff}Curriculum Vitae");
        let content = String::from_utf8_lossy(&pages[0]);
        assert!(content.contains("(Curriculum Vitae)"), "{content}");
    }

    #[test]
    fn pages_hold_56_lines_and_stop_at_200() {
        assert_eq!(pages("one line").len(), 1);
        assert_eq!(pages(&"x\n".repeat(56)).len(), 1);
        assert_eq!(pages(&"x\n".repeat(57)).len(), 2);
        assert_eq!(pages(&"x\n".repeat(56 * 300)).len(), MAX_PAGES);
        // Each page draws its lines in Helvetica (F1), from the top margin down.
        let page = String::from_utf8(pages("Hello (world)\\")[0].clone()).unwrap();
        assert!(page.contains("/F1 10 Tf"), "{page}");
        assert!(page.contains("56 786 Td"), "{page}");
        assert!(page.contains(r"(Hello \(world\)\\) Tj"), "{page}");
    }
}
