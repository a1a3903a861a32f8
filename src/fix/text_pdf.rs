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
/// The most pages made (a text that long is not a candidate's document).
const MAX_PAGES: usize = 200;
/// An A4 page's width in points.
const A4_WIDTH: f32 = 595.0;
/// The width of a line in points: the page between the margins.
const LINE_WIDTH: f32 = A4_WIDTH - 2.0 * MARGIN;

/// Helvetica's widths of the characters ' ' to '~' in thousandths of the text size (its
/// standard metrics, as every PDF reader draws it).
const HELVETICA_ASCII: [u16; 95] = [
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278,
    278, // ' '–'/'
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584,
    556, // '0'–'?'
    1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722,
    778, // '@'–'O'
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469,
    556, // 'P'–'_'
    333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556,
    556, // '`'–'o'
    556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584, // 'p'–'~'
];

/// How wide `c` is drawn, in points (beyond ASCII: as wide as a digit or `?`).
fn char_width(c: char) -> f32 {
    let units = match c {
        ' '..='~' => HELVETICA_ASCII[c as usize - ' ' as usize],
        _ => 556,
    };
    f32::from(units) * SIZE / 1000.0
}

/// The content streams of `text` laid out on pages.
#[must_use]
pub fn pages(text: &str) -> Vec<Vec<u8>> {
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // small and positive
    let per_page = ((A4_HEIGHT - 2.0 * MARGIN) / LEADING) as usize;
    // A byte order mark (Notepad writes one) is not text to show.
    let lines = wrap(text.strip_prefix('\u{feff}').unwrap_or(text));
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

/// `text`'s lines wrapped on spaces to fit between the margins, measured in Helvetica (a word
/// longer than a line is cut where the line is full).
fn wrap(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let space = char_width(' ');
    for line in text.lines() {
        // Tabs as spaces before measuring, so that every line, wrapped or not, has them.
        let line = line.replace('\t', "    ");
        let mut current = String::new();
        let mut width = 0.0;
        for word in line.split(' ') {
            let word_width: f32 = word.chars().map(char_width).sum();
            if !current.is_empty() && width + space + word_width > LINE_WIDTH {
                out.push(std::mem::take(&mut current));
                width = 0.0;
            }
            if !current.is_empty() {
                current.push(' ');
                width += space;
            }
            for c in word.chars() {
                let w = char_width(c);
                if !current.is_empty() && width + w > LINE_WIDTH {
                    out.push(std::mem::take(&mut current));
                    width = 0.0;
                }
                current.push(c);
                width += w;
            }
        }
        out.push(current);
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
            assert!(line_width(l) <= LINE_WIDTH, "{l:?}");
            assert!(!l.starts_with(' '), "{l:?}");
        }
        // Full lines: the next word would not have fitted.
        for pair in wrapped.windows(2) {
            let next = pair[1].split(' ').next().unwrap();
            assert!(line_width(&format!("{} {next}", pair[0])) > LINE_WIDTH);
        }
        // No word is cut: the words come back in order.
        let words: Vec<&str> = wrapped.iter().flat_map(|l| l.split_whitespace()).collect();
        let given: Vec<&str> = line.split_whitespace().collect();
        assert_eq!(words, given);
    }

    #[test]
    fn a_word_longer_than_a_line_is_cut_into_lines() {
        // 'x' is 5 pt wide: 96 fit on a line of 483 pt.
        let word = "x".repeat(96 * 2 + 5);
        let wrapped = wrap(&format!("a {word}"));
        assert_eq!(wrapped[0], "a");
        assert_eq!(wrapped[1].len(), 96);
        assert_eq!(wrapped[2].len(), 96);
        assert_eq!(wrapped[3], "xxxxx");
        assert_eq!(wrapped.concat(), format!("a{word}"));
    }

    #[test]
    fn capitals_and_digits_wrap_sooner_than_small_letters_and_stay_on_the_page() {
        let capitals = "CURRICULUM VITAE OF WILLEM MAASDAM ".repeat(6);
        let digits = "0123456789 ".repeat(20);
        let narrow = "lil ".repeat(60);
        for text in [&capitals, &digits, &narrow] {
            for l in wrap(text) {
                assert!(line_width(&l) <= LINE_WIDTH, "{l:?}");
                assert!(MARGIN + line_width(&l) <= A4_WIDTH - MARGIN, "{l:?}");
            }
        }
        let longest = |text: &str| wrap(text).iter().map(String::len).max().unwrap();
        assert!(longest(&capitals) < 80, "{}", longest(&capitals));
        assert!(longest(&narrow) > 100, "{}", longest(&narrow));
    }

    #[test]
    fn helvetica_widths_are_the_standard_ones() {
        assert!((char_width(' ') - 2.78).abs() < 1e-4);
        assert!((char_width('W') - 9.44).abs() < 1e-4);
        assert!((char_width('i') - 2.22).abs() < 1e-4);
        assert!((char_width('~') - 5.84).abs() < 1e-4);
        assert!((char_width('é') - 5.56).abs() < 1e-4);
    }

    fn line_width(line: &str) -> f32 {
        line.chars().map(char_width).sum()
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
            assert!(line_width(&l) <= LINE_WIDTH, "{l:?}");
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
        // Balanced parentheses stay as they are in a PDF string; a lone one is escaped.
        assert!(page.contains(r"(Hello (world)\\) Tj"), "{page}");
        let page = String::from_utf8(pages("a ) b")[0].clone()).unwrap();
        assert!(page.contains(r"(a \) b) Tj"), "{page}");
    }
}
