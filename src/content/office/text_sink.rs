//! The text kept from a document: [`TextSink`] stops it at [`MAX_TEXT_BYTES`], drops control
//! characters and keeps at most one blank line in a row. Every reader writes into one.

use super::MAX_TEXT_BYTES;

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

    /// Adds one character as it is, unless the text is full.
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::office::read_docx;
    use crate::content::office::test_builders::{document, zip_of};

    #[test]
    fn text_stops_at_the_limit() {
        let paragraph = format!("<w:p><w:r><w:t>{}</w:t></w:r></w:p>", "é".repeat(1000));
        let body = document(&paragraph.repeat(100));
        let bytes = zip_of(&[("word/document.xml", body.as_bytes())]);
        let text = read_docx(&bytes).unwrap().text;
        assert!(text.len() <= MAX_TEXT_BYTES);
        assert!(text.len() > MAX_TEXT_BYTES - 2100);
    }
}
