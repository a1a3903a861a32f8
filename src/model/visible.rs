//! Text that came from a file, a candidate or a server, made safe to show — in the app and on a
//! terminal alike: control characters (an escape sequence in a name, a bell in a message) are
//! written out as escapes (`\e`, `\x07`, `\u{9b}`) rather than obeyed, dropped or drawn as
//! nothing. Newlines and tabs pass.

use std::borrow::Cow;
use std::fmt::Write as _;

/// `text` with every control character but newline and tab written out as an escape.
#[must_use]
pub fn visible(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_hidden) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\u{1b}' => out.push_str("\\e"),
            '\r' => out.push_str("\\r"),
            c if is_hidden(c) && u32::from(c) < 0x80 => {
                let _ = write!(out, "\\x{:02x}", u32::from(c));
            }
            c if is_hidden(c) => {
                let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Whether a terminal or a text layout would act on `c` (or show nothing) rather than draw it.
fn is_hidden(c: char) -> bool {
    c != '\n' && c != '\t' && (c.is_control() || matches!(c, '\u{2028}' | '\u{2029}'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_are_written_out() {
        assert_eq!(visible("Anna Jansen"), "Anna Jansen");
        assert!(matches!(visible("plain\ttext\n"), Cow::Borrowed(_)));
        assert_eq!(
            visible("\u{1b}]0;owned\u{7}Anna\u{1b}[2K"),
            "\\e]0;owned\\x07Anna\\e[2K"
        );
        assert_eq!(visible("a\u{9b}31mb\r\u{7f}"), "a\\u{9b}31mb\\r\\x7f");
    }
}
