//! Rich Text Format: a small, bounded text extractor.
//!
//! The parser is a loop over bytes with an explicit stack of groups — no recursion, so no
//! document can overflow the stack — and refuses nesting deeper than [`MAX_DEPTH`]. It keeps
//! body text (with headers and footers, which often hold contact details), skips the
//! destinations that hold no readable text (font, colour and style tables, document
//! information, pictures, objects, every unknown `\*` destination), decodes `\'hh` as
//! Windows-1252 and `\uN` with its `\ucN` fallback characters, and adds the targets of
//! `HYPERLINK` fields after the text. Text stops at [`super::office::MAX_TEXT_BYTES`].

use super::office::{DocFacts, TextSink, cp1252, hyperlink_target, note_link, unreadable};

/// How deep groups may nest; real documents stay far below this.
pub const MAX_DEPTH: usize = 500;

/// The most bytes of one field instruction kept.
const MAX_INSTRUCTION_BYTES: usize = 4 * 1024;

/// The most letters of a control word; longer words are cut (the RTF limit is 32).
const MAX_WORD_LETTERS: usize = 32;

/// The most digits of a control word's parameter.
const MAX_PARAMETER_DIGITS: usize = 10;

/// Destinations whose text is not the document's: tables, metadata, pictures, objects,
/// bookmarks, index entries, shape properties and revision bookkeeping.
const SKIPPED_DESTINATIONS: &[&[u8]] = &[
    b"aftnsep",
    b"aftnsepc",
    b"annotation",
    b"atnauthor",
    b"atndate",
    b"atnid",
    b"author",
    b"bkmkend",
    b"bkmkstart",
    b"blipuid",
    b"colortbl",
    b"colorschememapping",
    b"comment",
    b"datafield",
    b"datastore",
    b"doccomm",
    b"docvar",
    b"expandedcolortbl",
    b"falt",
    b"ffdeftext",
    b"ffname",
    b"filetbl",
    b"fonttbl",
    b"ftnsep",
    b"ftnsepc",
    b"generator",
    b"info",
    b"keywords",
    b"latentstyles",
    b"listoverridetable",
    b"listpicture",
    b"listtable",
    b"mmathPr",
    b"nonshppict",
    b"object",
    b"objdata",
    b"oldcprops",
    b"oldpprops",
    b"oldsprops",
    b"oldtprops",
    b"operator",
    b"panose",
    b"passwordhash",
    b"pgdsctbl",
    b"pict",
    b"pntxta",
    b"pntxtb",
    b"protusertbl",
    b"revtbl",
    b"rsidtbl",
    b"sp",
    b"stylesheet",
    b"subject",
    b"tc",
    b"template",
    b"themedata",
    b"title",
    b"userprops",
    b"wgrffmtfilter",
    b"xe",
    b"xmlnstbl",
];

/// How the text of one group is treated.
#[derive(Clone, Copy, Debug)]
struct Group {
    /// Its text is not the document's.
    skip: bool,
    /// Its text is a field instruction (`\fldinst`).
    instruction: bool,
    /// How many fallback characters follow each `\uN` (`\ucN`).
    fallback: u32,
}

impl Default for Group {
    fn default() -> Self {
        // RTF's default is one fallback character after each `\uN`.
        Self {
            skip: false,
            instruction: false,
            fallback: 1,
        }
    }
}

/// The parser's state while it walks the bytes.
#[derive(Debug, Default)]
struct Parser {
    /// The enclosing groups, outermost first.
    stack: Vec<Group>,
    /// The group being read.
    group: Group,
    /// A `\*` was just read: the next control word names a destination to skip unless known.
    ignorable: bool,
    /// Fallback characters of the last `\uN` still to skip.
    to_skip: u32,
    /// The first half of a surrogate pair from `\uN`.
    high_surrogate: Option<u16>,
    /// The instruction of the field being read.
    instruction: String,
    /// The body text.
    sink: TextSink,
    /// Hyperlink targets.
    links: Vec<String>,
}

/// Reads the text of an RTF document: body, headers and footers, then hyperlink targets
/// (`mailto:` and web links from `HYPERLINK` field instructions), one a line. RTF holds no
/// macros and no password. Refuses what does not start with `{\rtf` and groups nested deeper
/// than [`MAX_DEPTH`].
///
/// `\'hh` is read as Windows-1252 whatever `\ansicpg` says; Word writes other scripts as `\uN`.
pub fn read_rtf(bytes: &[u8]) -> Result<DocFacts, String> {
    let start = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(bytes.len());
    let bytes = &bytes[start..];
    if !bytes.starts_with(b"{\\rtf") {
        return Err(unreadable("it is not RTF"));
    }
    let mut parser = Parser::default();
    parser.run(bytes)?;
    let Parser {
        mut sink, links, ..
    } = parser;
    sink.push_links(&links);
    Ok(DocFacts {
        text: sink.finish(),
        macros: false,
        needs_password: false,
    })
}

impl Parser {
    fn run(&mut self, bytes: &[u8]) -> Result<(), String> {
        let mut at = 0;
        while at < bytes.len() && !self.sink.is_full() {
            match bytes[at] {
                b'{' => {
                    if self.stack.len() >= MAX_DEPTH {
                        return Err(unreadable(
                            "its groups nest deeper than any real document's",
                        ));
                    }
                    self.stack.push(self.group);
                    self.to_skip = 0;
                    self.ignorable = false;
                    at += 1;
                }
                b'}' => {
                    let Some(outer) = self.stack.pop() else {
                        break;
                    };
                    if self.group.instruction && !outer.instruction {
                        let instruction = std::mem::take(&mut self.instruction);
                        if let Some(target) = hyperlink_target(&instruction) {
                            note_link(&mut self.links, &target);
                        }
                    }
                    self.group = outer;
                    self.to_skip = 0;
                    self.ignorable = false;
                    at += 1;
                    if self.stack.is_empty() {
                        // The document's group is closed: anything after it is not RTF.
                        break;
                    }
                }
                b'\\' => at = self.control(bytes, at),
                b'\r' | b'\n' => at += 1,
                byte => {
                    self.fallback_or(cp1252(byte));
                    at += 1;
                }
            }
        }
        Ok(())
    }

    /// Reads the control word or symbol at `at` (a backslash); returns where reading goes on.
    fn control(&mut self, bytes: &[u8], at: usize) -> usize {
        let Some(&next) = bytes.get(at + 1) else {
            return at + 1;
        };
        if next.is_ascii_alphabetic() {
            return self.control_word(bytes, at + 1);
        }
        match next {
            b'\'' => {
                let hex = bytes
                    .get(at + 2..at + 4)
                    .and_then(|h| std::str::from_utf8(h).ok())
                    .and_then(|h| u8::from_str_radix(h, 16).ok());
                if let Some(byte) = hex {
                    self.fallback_or(cp1252(byte));
                    return at + 4;
                }
            }
            b'*' => self.ignorable = true,
            b'{' | b'}' | b'\\' => self.fallback_or(char::from(next)),
            b'~' => self.fallback_or(' '),
            b'_' => self.fallback_or('-'),
            b'\r' | b'\n' => self.paragraph(),
            _ => {}
        }
        at + 2
    }

    /// Reads a control word starting at `at` (its first letter): letters, an optional signed
    /// parameter and an optional space delimiter.
    fn control_word(&mut self, bytes: &[u8], at: usize) -> usize {
        let mut end = at;
        while end < bytes.len() && bytes[end].is_ascii_alphabetic() && end - at < MAX_WORD_LETTERS {
            end += 1;
        }
        let word = &bytes[at..end];
        let negative =
            bytes.get(end) == Some(&b'-') && bytes.get(end + 1).is_some_and(u8::is_ascii_digit);
        if negative {
            end += 1;
        }
        let digits_at = end;
        let mut parameter: Option<i64> = None;
        while end < bytes.len()
            && bytes[end].is_ascii_digit()
            && end - digits_at < MAX_PARAMETER_DIGITS
        {
            parameter = Some(parameter.unwrap_or(0) * 10 + i64::from(bytes[end] - b'0'));
            end += 1;
        }
        let parameter = parameter.map(|p| if negative { -p } else { p });
        if bytes.get(end) == Some(&b' ') {
            end += 1;
        }
        if word == b"bin" {
            // Raw binary data follows: skip it whole, braces and all.
            let length = parameter.and_then(|p| usize::try_from(p).ok()).unwrap_or(0);
            return end.saturating_add(length).min(bytes.len());
        }
        self.apply(word, parameter);
        end
    }

    /// Acts on one control word.
    fn apply(&mut self, word: &[u8], parameter: Option<i64>) {
        if std::mem::take(&mut self.ignorable) {
            if word == b"fldinst" {
                self.group.instruction = true;
            } else {
                self.group.skip = true;
            }
            return;
        }
        if self.to_skip > 0 && word != b"u" {
            // A control word stands for one fallback character.
            self.to_skip -= 1;
            return;
        }
        if SKIPPED_DESTINATIONS.contains(&word) {
            self.group.skip = true;
            return;
        }
        match word {
            b"fldinst" => self.group.instruction = true,
            b"par" | b"line" | b"sect" | b"page" | b"row" | b"cell" | b"column" => {
                self.paragraph();
            }
            b"tab" => self.emit('\t'),
            b"uc" => {
                self.group.fallback = parameter
                    .and_then(|p| u32::try_from(p).ok())
                    .unwrap_or(1)
                    .min(16);
            }
            b"u" => {
                if let Some(p) = parameter {
                    // A signed 16-bit value: negative numbers stand for code units above 0x7FFF.
                    let unit = u16::try_from(p.rem_euclid(0x1_0000)).unwrap_or(0xfffd);
                    self.unicode(unit);
                }
                self.to_skip = self.group.fallback;
            }
            b"emdash" => self.emit('—'),
            b"endash" => self.emit('–'),
            b"emspace" | b"enspace" | b"qmspace" => self.emit(' '),
            b"bullet" => self.emit('•'),
            b"lquote" => self.emit('‘'),
            b"rquote" => self.emit('’'),
            b"ldblquote" => self.emit('“'),
            b"rdblquote" => self.emit('”'),
            _ => {}
        }
    }

    /// One UTF-16 code unit from `\uN`, pairing surrogates.
    fn unicode(&mut self, unit: u16) {
        if let Some(high) = self.high_surrogate.take() {
            if (0xdc00..0xe000).contains(&unit) {
                let c = char::decode_utf16([high, unit])
                    .next()
                    .and_then(Result::ok)
                    .unwrap_or(char::REPLACEMENT_CHARACTER);
                self.emit(c);
                return;
            }
            self.emit(char::REPLACEMENT_CHARACTER);
        }
        if (0xd800..0xdc00).contains(&unit) {
            self.high_surrogate = Some(unit);
        } else {
            self.emit(char::from_u32(u32::from(unit)).unwrap_or(char::REPLACEMENT_CHARACTER));
        }
    }

    /// A character of text, unless it is a fallback character of `\uN` to skip.
    fn fallback_or(&mut self, c: char) {
        if self.to_skip > 0 {
            self.to_skip -= 1;
        } else {
            self.emit(c);
        }
    }

    /// A character of text, to wherever the current group's text goes.
    fn emit(&mut self, c: char) {
        if self.group.instruction {
            if self.instruction.len() < MAX_INSTRUCTION_BYTES {
                self.instruction.push(c);
            }
        } else if !self.group.skip {
            self.sink.push_char(c);
        }
    }

    /// The end of a paragraph or line.
    fn paragraph(&mut self) {
        if self.group.instruction {
            self.emit(' ');
        } else if !self.group.skip {
            self.sink.newline();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_text_accents_unicode_and_escapes() {
        let rtf = br"{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0\fswiss Arial;}{\f1 Symbol;}}{\colortbl;\red0\green0\blue0;}{\stylesheet{\s0 Normal;}}{\info{\author Recruiter}{\title Secret title}}
\f0\fs24 Ren\'e9e M\u252?ller\par
{\b Braces: \{ \} and \\ backslash}\line
Tab\tab after\par
\uc2 Greek \u945\'3f\'3f and\uc1  \u-10179?\u-8704? smile\par
{\*\generator Word 16;}{\*\unknowndest should not show}{\pict\pngblip 89504e47}end}";
        let facts = read_rtf(rtf).unwrap();
        assert_eq!(
            facts.text,
            "Renée Müller\nBraces: { } and \\ backslash\nTab\tafter\nGreek α and 😀 smile\nend"
        );
        assert!(!facts.macros);
        assert!(!facts.needs_password);
    }

    #[test]
    fn keeps_header_and_footer_text() {
        let rtf = br"{\rtf1\ansi{\header\pard\plain Jan de Vries \emdash  jan@example.nl\par}{\footerr\pard Page 1\par}\pard Body text\par}";
        let facts = read_rtf(rtf).unwrap();
        assert_eq!(
            facts.text,
            "Jan de Vries \u{2014} jan@example.nl\nPage 1\nBody text"
        );
    }

    #[test]
    fn nested_groups_keep_their_text_in_order() {
        let rtf = br"{\rtf1{A{B{C{D}E}F}G}\par{{{{H}}}}}trailing garbage {";
        assert_eq!(read_rtf(rtf).unwrap().text, "ABCDEFG\nH");
    }

    #[test]
    fn hyperlink_targets_follow_the_text() {
        let rtf = br#"{\rtf1\ansi Mail: {\field{\*\fldinst {\rtlch HYPERLINK "mailto:ana@example.pt" }}{\fldrslt {\ul ana@example.pt}}}\par Web: {\field{\*\fldinst HYPERLINK \\l "top"}{\fldrslt top}}\par}"#;
        let facts = read_rtf(rtf).unwrap();
        assert_eq!(
            facts.text,
            "Mail: ana@example.pt\nWeb: top\nmailto:ana@example.pt"
        );
    }

    #[test]
    fn binary_data_is_skipped() {
        let mut rtf = br"{\rtf1 before{\*\blipuid x}{\pict\bin6 ".to_vec();
        rtf.extend_from_slice(b"}{\\\\\x00\xff");
        rtf.extend_from_slice(br"} after}");
        assert_eq!(read_rtf(&rtf).unwrap().text, "before after");
    }

    #[test]
    fn deep_nesting_is_refused_without_overflowing_the_stack() {
        let mut rtf = b"{\\rtf1 ".to_vec();
        rtf.extend(std::iter::repeat_n(b'{', 10_000));
        rtf.extend(std::iter::repeat_n(b'}', 10_001));
        let error = read_rtf(&rtf).unwrap_err();
        assert!(error.contains("nest deeper"), "{error}");

        let mut fine = b"{\\rtf1 ".to_vec();
        fine.extend(std::iter::repeat_n(b'{', MAX_DEPTH - 1));
        fine.extend_from_slice(b"deep");
        fine.extend(std::iter::repeat_n(b'}', MAX_DEPTH));
        assert_eq!(read_rtf(&fine).unwrap().text, "deep");
    }

    #[test]
    fn text_is_bounded() {
        let mut rtf = b"{\\rtf1 ".to_vec();
        for _ in 0..50_000 {
            rtf.extend_from_slice(b"G\\'e9n\\'e9rique\\par ");
        }
        rtf.push(b'}');
        let text = read_rtf(&rtf).unwrap().text;
        assert!(text.len() <= crate::content::office::MAX_TEXT_BYTES);
        assert!(text.starts_with("Générique\nGénérique\n"));
    }

    #[test]
    fn what_is_not_rtf_is_refused() {
        for bytes in [
            &b""[..],
            b"hello",
            b"{\\rtx1}",
            b"\xd0\xcf\x11\xe0",
            b"PK\x03\x04",
        ] {
            let error = read_rtf(bytes).unwrap_err();
            assert!(
                error.starts_with("it is not a document atsdrop can read ("),
                "{error}"
            );
        }
        // Truncated documents give what they hold.
        assert_eq!(read_rtf(b"  {\\rtf1 cut here\\").unwrap().text, "cut here");
        assert_eq!(read_rtf(b"{\\rtf1 \\'zz\\u").unwrap().text, "zz");
    }
}
