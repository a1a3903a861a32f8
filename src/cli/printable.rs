//! Text for a terminal: names and messages that come from files, candidates or servers may hold
//! control characters (`ESC]0;…BEL` retitles the terminal, `ESC[2K` erases the line). In text
//! output they are shown escaped (`\e`, `\x07`, `\u{9b}`); newlines and tabs pass. JSON output
//! needs nothing: serde escapes them.

use std::borrow::Cow;
use std::io::{self, Write};

/// `text` with every control character except newline and tab written out as an escape (the
/// rule the app uses too: [`atsdrop::model::visible`]).
#[must_use]
pub fn escape(text: &str) -> Cow<'_, str> {
    atsdrop::model::visible(text)
}

/// A writer that escapes control characters in everything written to it (see [`escape`]).
#[derive(Debug)]
pub struct Printable<W: Write>(pub W);

impl<W: Write> Write for Printable<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        // Formatted output arrives in whole `str` pieces.
        match std::str::from_utf8(buf) {
            Ok(text) => self.0.write_all(escape(text).as_bytes())?,
            Err(_) => {
                for &b in buf {
                    if b < 0x20 && b != b'\n' && b != b'\t' || b == 0x7f {
                        write!(self.0, "\\x{b:02x}")?;
                    } else {
                        self.0.write_all(&[b])?;
                    }
                }
            }
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.0.flush()
    }
}

/// Standard output for text, control characters escaped.
#[must_use]
pub fn stdout() -> Printable<io::StdoutLock<'static>> {
    Printable(io::stdout().lock())
}

/// Prints `atsdrop: <message>` to standard error, control characters escaped.
pub fn warn(message: impl std::fmt::Display) {
    eprintln!("atsdrop: {}", escape(&message.to_string()));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terminal_controls_are_shown_not_obeyed() {
        assert_eq!(escape("Anna Jansen"), "Anna Jansen");
        assert!(matches!(escape("plain\ttext\n"), Cow::Borrowed(_)));
        assert_eq!(
            escape("\u{1b}]0;owned\u{7}Anna\u{1b}[2K"),
            "\\e]0;owned\\x07Anna\\e[2K"
        );
        let mut out = Printable(Vec::new());
        let name = "cv\u{1b}[31m.pdf";
        write!(out, "{name} {}", 3).unwrap();
        assert_eq!(String::from_utf8(out.0).unwrap(), "cv\\e[31m.pdf 3");
    }
}
