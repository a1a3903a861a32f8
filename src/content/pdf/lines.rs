//! Turning placed glyphs into text: glyphs on one baseline make a line (a wide gap starts a
//! new one, so columns stay apart), lines go top to bottom, and the text is cut at a byte limit
//! on a character boundary.

use super::text_layer::PlacedGlyph;

/// A gap between two glyphs wider than this share of the font size is a word space.
const SPACE_GAP_EM: f64 = 0.15;

/// A gap wider than this many font sizes separates columns (a sidebar, a tab stop, a table
/// cell): the text on either side becomes a line of its own, so a name beside an address is
/// still a name on its own line.
const COLUMN_GAP_EM: f64 = 3.0;

/// Glyphs whose baselines differ by at most this share of the font size are on one line.
const BASELINE_TOLERANCE_EM: f64 = 0.4;

/// Puts a page's glyphs into lines of text, top to bottom, each left to right; a wide gap
/// splits a line in two.
pub(super) fn lines_of(glyphs: &mut [PlacedGlyph]) -> Vec<String> {
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
pub(super) fn join_bounded<'l>(
    lines: impl IntoIterator<Item = &'l String>,
    limit: usize,
) -> String {
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
    use pdf_writer::Content;

    use super::*;
    use crate::content::pdf::test_builders::{cv_pdf, show, text_pdf};
    use crate::content::pdf::{MAX_TEXT_BYTES, read_pdf};

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
}
