//! How the app looks and behaves.

use serde::{Deserialize, Serialize};

use super::lenient;

/// Light, dark, or whatever the OS uses.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ThemePreference {
    /// Follow the OS.
    #[default]
    System,
    /// Always light.
    Light,
    /// Always dark.
    Dark,
}

/// The user's preferences.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Preferences {
    /// Light, dark or system theme.
    #[serde(deserialize_with = "lenient")]
    pub theme: ThemePreference,
    /// Upload a file even when the candidate already has one with the same name and size
    /// (default: no, flag it first).
    #[serde(deserialize_with = "lenient")]
    pub upload_duplicates: bool,
    /// E-mail domains of the user's own organisation (lower-case, without `@`): addresses
    /// there in a file never make it someone else's.
    #[serde(deserialize_with = "lenient")]
    pub own_email_domains: Vec<String>,
    /// The language the app speaks; `None` follows the OS.
    #[serde(deserialize_with = "lenient", skip_serializing_if = "Option::is_none")]
    pub language: Option<crate::i18n::Lang>,
}

impl Preferences {
    /// The language the app speaks: the chosen one, else the OS's (where atsdrop speaks it).
    #[must_use]
    pub fn language(&self) -> crate::i18n::Lang {
        self.language.unwrap_or_else(crate::i18n::Lang::from_system)
    }
}

/// The domains in `text` ("acme.nl, @jobs.acme.nl"): lower-case, without `@`, each once.
#[must_use]
pub fn parse_domains(text: &str) -> Vec<String> {
    let mut domains: Vec<String> = Vec::new();
    for part in text.split([',', ';', ' ', '\n']) {
        let domain = part.trim().trim_start_matches('@').to_lowercase();
        if domain.contains('.') && !domains.contains(&domain) {
            domains.push(domain);
        }
    }
    domains
}

#[cfg(test)]
mod tests {
    use super::parse_domains;

    #[test]
    fn own_domains_are_read_as_typed() {
        assert_eq!(
            parse_domains(" Acme.nl, @jobs.acme.nl;acme.nl  not-a-domain ,"),
            ["acme.nl", "jobs.acme.nl"]
        );
        assert!(parse_domains("").is_empty());
    }
}
