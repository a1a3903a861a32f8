//! A sentence as a message key and its arguments, rendered in any language when it is shown.

use std::fmt;

use fluent_bundle::{FluentArgs, FluentValue};

use super::catalog;
use super::format::{count_in, duration_in, size_in};
use super::lang::{Lang, current};

/// A sentence to show: message `key` with its arguments. It renders in the current language
/// ([`fmt::Display`]) or in any ([`Text::render_in`]); `--json` output uses English.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Text {
    key: &'static str,
    args: Vec<(&'static str, Arg)>,
}

/// An argument of a [`Text`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Arg {
    /// Words as they are (a file name, a system's own sentence).
    Str(String),
    /// A count: chooses plural forms, shown with the language's thousands separator.
    Count(i64),
    /// A size in bytes, shown as the language writes sizes (`4,8 MB`).
    Size(u64),
    /// A duration, shown as the language says it (`2 min 5 s`, `1 Std. 4 Min.`).
    Duration(std::time::Duration),
    /// Another text, rendered in the same language (a translated label).
    Text(Box<Text>),
}

impl Text {
    /// Message `key` without arguments yet.
    #[must_use]
    pub fn new(key: &'static str) -> Self {
        Self {
            key,
            args: Vec::new(),
        }
    }

    /// Adds argument `name`.
    #[must_use]
    pub fn arg(mut self, name: &'static str, value: impl Into<Arg>) -> Self {
        self.args.push((name, value.into()));
        self
    }

    /// Words already written (read back from the journal, or a system's own sentence): shown
    /// as they are in every language.
    #[must_use]
    pub fn verbatim(words: impl Into<String>) -> Self {
        Self::new("text-verbatim").arg("words", words.into())
    }

    /// The message key.
    #[must_use]
    pub fn key(&self) -> &'static str {
        self.key
    }

    /// The sentence in `lang`.
    #[must_use]
    pub fn render_in(&self, lang: Lang) -> String {
        if self.args.is_empty() {
            return catalog::format(lang, self.key, None);
        }
        let mut args = FluentArgs::new();
        for (name, value) in &self.args {
            let value = match value {
                Arg::Str(s) => FluentValue::from(s.clone()),
                Arg::Count(n) => {
                    // Plural rules need the number; it shows with the language's grouping.
                    if n.unsigned_abs() >= 1000 {
                        let shown = count_in(lang, n.unsigned_abs());
                        FluentValue::from(if *n < 0 { format!("-{shown}") } else { shown })
                    } else {
                        FluentValue::from(*n)
                    }
                }
                Arg::Size(bytes) => FluentValue::from(size_in(lang, *bytes)),
                Arg::Duration(d) => FluentValue::from(duration_in(lang, *d)),
                Arg::Text(text) => FluentValue::from(text.render_in(lang)),
            };
            args.set(*name, value);
        }
        catalog::format(lang, self.key, Some(&args))
    }

    /// The sentence in English (what `--json` output and logs carry).
    #[must_use]
    pub fn english(&self) -> String {
        self.render_in(Lang::En)
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render_in(current()))
    }
}

impl From<&str> for Arg {
    fn from(s: &str) -> Self {
        Self::Str(s.to_owned())
    }
}

impl From<String> for Arg {
    fn from(s: String) -> Self {
        Self::Str(s)
    }
}

impl From<&String> for Arg {
    fn from(s: &String) -> Self {
        Self::Str(s.clone())
    }
}

impl From<Text> for Arg {
    fn from(t: Text) -> Self {
        Self::Text(Box::new(t))
    }
}

macro_rules! counts {
    ($($t:ty),+) => {$(
        impl From<$t> for Arg {
            fn from(n: $t) -> Self {
                Self::Count(i64::try_from(n).unwrap_or(i64::MAX))
            }
        }
    )+};
}
counts!(u8, u16, u32, u64, usize, i32, i64);
