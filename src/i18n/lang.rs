//! The languages atsdrop speaks, and which one is in use.

use std::sync::atomic::{AtomicU8, Ordering};

use serde::{Deserialize, Serialize};

/// A language atsdrop speaks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// English, the source language.
    #[default]
    En,
    /// Dutch.
    Nl,
    /// German.
    De,
}

impl Lang {
    /// Every language, English first.
    pub const ALL: [Self; 3] = [Self::En, Self::Nl, Self::De];

    /// The BCP 47 tag (`"nl"`).
    #[must_use]
    pub fn tag(self) -> &'static str {
        match self {
            Self::En => "en",
            Self::Nl => "nl",
            Self::De => "de",
        }
    }

    /// The language's name in itself (`"Nederlands"`), as a language menu shows it.
    #[must_use]
    pub fn native_name(self) -> &'static str {
        match self {
            Self::En => "English",
            Self::Nl => "Nederlands",
            Self::De => "Deutsch",
        }
    }

    /// The language of a locale name (`nl_NL.UTF-8`, `de-AT`, `en`); `None` for one atsdrop
    /// does not speak (or `C`/`POSIX`).
    #[must_use]
    pub fn from_locale(locale: &str) -> Option<Self> {
        let base = locale
            .split(['.', '@'])
            .next()
            .unwrap_or("")
            .split(['_', '-'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        match base.as_str() {
            "en" => Some(Self::En),
            "nl" => Some(Self::Nl),
            "de" => Some(Self::De),
            _ => None,
        }
    }

    /// The language the command line speaks: the first of `LC_ALL`, `LC_MESSAGES` and `LANG`
    /// that is set decides (as POSIX has it); English when that is another language or none.
    #[must_use]
    pub fn from_env() -> Self {
        Self::from_env_vars(|name| std::env::var(name).ok())
    }

    /// [`Lang::from_env`] with the variables read by `var`.
    #[must_use]
    pub fn from_env_vars(var: impl Fn(&str) -> Option<String>) -> Self {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .find_map(|name| var(name).filter(|v| !v.is_empty()))
            .and_then(|locale| Self::from_locale(&locale))
            .unwrap_or_default()
    }

    /// The OS's preferred language among those atsdrop speaks (its list in order), else English.
    #[must_use]
    pub fn from_system() -> Self {
        sys_locale::get_locales()
            .find_map(|locale| Self::from_locale(&locale))
            .unwrap_or_default()
    }

    fn index(self) -> u8 {
        match self {
            Self::En => 0,
            Self::Nl => 1,
            Self::De => 2,
        }
    }

    fn from_index(index: u8) -> Self {
        match index {
            1 => Self::Nl,
            2 => Self::De,
            _ => Self::En,
        }
    }
}

static CURRENT: AtomicU8 = AtomicU8::new(0);

/// The language texts are rendered in now.
#[must_use]
pub fn current() -> Lang {
    Lang::from_index(CURRENT.load(Ordering::Relaxed))
}

/// Renders texts in `lang` from now on.
pub fn set(lang: Lang) {
    CURRENT.store(lang.index(), Ordering::Relaxed);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locale_names_are_read_as_posix_and_bcp47_write_them() {
        assert_eq!(Lang::from_locale("nl_NL.UTF-8"), Some(Lang::Nl));
        assert_eq!(Lang::from_locale("de-AT"), Some(Lang::De));
        assert_eq!(Lang::from_locale("de_DE@euro"), Some(Lang::De));
        assert_eq!(Lang::from_locale("en"), Some(Lang::En));
        assert_eq!(Lang::from_locale("fr_FR.UTF-8"), None);
        assert_eq!(Lang::from_locale("C"), None);
        assert_eq!(Lang::from_locale(""), None);
    }

    #[test]
    fn lc_all_wins_over_lc_messages_over_lang() {
        let env = |vars: &'static [(&'static str, &'static str)]| {
            move |name: &str| {
                vars.iter()
                    .find(|(n, _)| *n == name)
                    .map(|(_, v)| (*v).to_owned())
            }
        };
        assert_eq!(
            Lang::from_env_vars(env(&[("LANG", "nl_NL.UTF-8")])),
            Lang::Nl
        );
        assert_eq!(
            Lang::from_env_vars(env(&[
                ("LANG", "nl_NL.UTF-8"),
                ("LC_MESSAGES", "de_DE.UTF-8")
            ])),
            Lang::De
        );
        assert_eq!(
            Lang::from_env_vars(env(&[("LC_ALL", "C"), ("LANG", "nl_NL.UTF-8")])),
            Lang::En,
            "LC_ALL=C asks for the untranslated program"
        );
        assert_eq!(Lang::from_env_vars(env(&[("LANG", "")])), Lang::En);
        assert_eq!(Lang::from_env_vars(env(&[])), Lang::En);
    }
}
