//! What an account of a system is made of, declared once per system in its profile: the kind
//! of secret, and the account fields (Kombo's integration id, Truto's integrated account id,
//! Endorsed's client id) with their label, hint, command-line flag and environment variable.
//! The connection form, the command line, settings validation and the emulator's demo accounts
//! iterate this declaration instead of asking "which system is this".

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::i18n::Text;

/// The secret an account is opened with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SecretShape {
    /// The form's label ("API key", "Client secret").
    pub label: &'static str,
    /// The secret inside a sentence ("API key", "client secret").
    pub noun: &'static str,
    /// The environment variable the command line reads it from.
    pub env: &'static str,
    /// Its key in `atsdrop sandbox --json` (`api_key`, `client_secret`).
    pub json_key: &'static str,
}

/// One account field besides the secret: not secret itself, stored in settings and the journal.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AccountField {
    /// The stable key in settings, the journal, `sandbox --json` and [`AccountIds`]
    /// (`integration_id`).
    pub key: &'static str,
    /// The form's label ("Integration id").
    pub label: &'static str,
    /// The form's placeholder ("e.g. workday:HWUT…").
    pub hint: &'static str,
    /// The command-line flag without dashes ("integration-id").
    pub flag: &'static str,
    /// The environment variable the flag falls back to.
    pub env: &'static str,
    /// The flag's help text.
    pub help: &'static str,
    /// The sentence when it is missing, saying where to find it.
    pub missing: &'static str,
}

/// Everything an account of one system needs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AccountShape {
    /// The secret.
    pub secret: SecretShape,
    /// The other fields, all required, in form order.
    pub fields: &'static [AccountField],
}

impl AccountShape {
    /// The field with `key`, if this system has one.
    #[must_use]
    pub fn field(&self, key: &str) -> Option<&'static AccountField> {
        self.fields.iter().find(|f| f.key == key)
    }
}

impl SecretShape {
    /// The form's label in atsdrop's languages ([`SecretShape::label`] in English).
    #[must_use]
    pub fn label_text(&self) -> Text {
        match self.keys() {
            Some([label, _]) => Text::new(label),
            None => Text::verbatim(self.label),
        }
    }

    /// The secret inside a sentence in atsdrop's languages ([`SecretShape::noun`] in English).
    #[must_use]
    pub fn noun_text(&self) -> Text {
        match self.keys() {
            Some([_, noun]) => Text::new(noun),
            None => Text::verbatim(self.noun),
        }
    }

    /// The messages of a secret atsdrop knows, by its stable key: `[label, noun]`.
    fn keys(&self) -> Option<[&'static str; 2]> {
        Some(match self.json_key {
            "api_key" => ["account-api-key-label", "account-api-key-noun"],
            "client_secret" => ["account-client-secret-label", "account-client-secret-noun"],
            _ => return None,
        })
    }
}

impl AccountField {
    /// The form's label in atsdrop's languages ([`AccountField::label`] in English).
    #[must_use]
    pub fn label_text(&self) -> Text {
        match self.keys() {
            Some([label, _, _]) => Text::new(label),
            None => Text::verbatim(self.label),
        }
    }

    /// The form's placeholder in atsdrop's languages ([`AccountField::hint`] in English).
    #[must_use]
    pub fn hint_text(&self) -> Text {
        match self.keys() {
            Some([_, hint, _]) => Text::new(hint),
            None => Text::verbatim(self.hint),
        }
    }

    /// The sentence when it is missing in atsdrop's languages ([`AccountField::missing`] in
    /// English).
    #[must_use]
    pub fn missing_text(&self) -> Text {
        match self.keys() {
            Some([_, _, missing]) => Text::new(missing),
            None => Text::verbatim(self.missing),
        }
    }

    /// The messages of a field atsdrop knows, by its stable key: `[label, hint, missing]`.
    /// (The flag's help stays English, like the rest of `--help`.)
    fn keys(&self) -> Option<[&'static str; 3]> {
        Some(match self.key {
            "integration_id" => [
                "account-integration-id-label",
                "account-integration-id-hint",
                "account-integration-id-missing",
            ],
            "integrated_account_id" => [
                "account-integrated-account-id-label",
                "account-integrated-account-id-hint",
                "account-integrated-account-id-missing",
            ],
            "client_id" => [
                "account-client-id-label",
                "account-client-id-hint",
                "account-client-id-missing",
            ],
            _ => return None,
        })
    }
}

/// The shape shared by the systems that take an API key and nothing else.
pub const API_KEY: SecretShape = SecretShape {
    label: "API key",
    noun: "API key",
    env: "ATSDROP_API_KEY",
    json_key: "api_key",
};

/// An account's field values by [`AccountField::key`]: blank values are never kept.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct AccountIds(BTreeMap<String, String>);

impl AccountIds {
    /// No fields.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// The value of a field, if set.
    #[must_use]
    pub fn get(&self, key: &str) -> Option<&str> {
        self.0.get(key).map(String::as_str)
    }

    /// Sets a field (trimmed); a blank value removes it.
    pub fn set(&mut self, key: &str, value: impl AsRef<str>) {
        let value = value.as_ref().trim();
        if value.is_empty() {
            self.0.remove(key);
        } else {
            self.0.insert(key.to_owned(), value.to_owned());
        }
    }

    /// With a field set.
    #[must_use]
    pub fn with(mut self, key: &str, value: impl AsRef<str>) -> Self {
        self.set(key, value);
        self
    }

    /// Only the fields `shape` declares (a value left from another system is dropped).
    #[must_use]
    pub fn kept_for(&self, shape: &AccountShape) -> Self {
        Self(
            self.0
                .iter()
                .filter(|(k, _)| shape.field(k).is_some())
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect(),
        )
    }

    /// The first field `shape` requires that has no value.
    #[must_use]
    pub fn first_missing(&self, shape: &AccountShape) -> Option<&'static AccountField> {
        shape.fields.iter().find(|f| self.get(f.key).is_none())
    }

    /// Every set field, in key order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.0.iter().map(|(k, v)| (k.as_str(), v.as_str()))
    }

    /// Whether no field is set.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ProviderId;

    #[test]
    fn blank_values_are_not_kept_and_other_systems_fields_are_dropped() {
        let kombo = ProviderId::Kombo.profile().account;
        let ids = AccountIds::new()
            .with("integration_id", "  workday:1 ")
            .with("client_id", "x")
            .with("integrated_account_id", "   ");
        assert_eq!(ids.get("integration_id"), Some("workday:1"));
        assert_eq!(ids.get("integrated_account_id"), None);
        let kept = ids.kept_for(&kombo);
        assert_eq!(kept.iter().count(), 1);
        assert!(kept.first_missing(&kombo).is_none());
        assert_eq!(
            AccountIds::new().first_missing(&kombo).map(|f| f.key),
            Some("integration_id")
        );
    }

    #[test]
    fn every_label_hint_and_sentence_is_translated_and_its_english_is_the_profiles() {
        use crate::i18n::Lang;
        for id in ProviderId::ALL {
            let shape = id.profile().account;
            let secret = shape.secret;
            let mut said = vec![
                (secret.label_text(), secret.label),
                (secret.noun_text(), secret.noun),
            ];
            for f in shape.fields {
                said.push((f.label_text(), f.label));
                said.push((f.hint_text(), f.hint));
                said.push((f.missing_text(), f.missing));
            }
            for (text, english) in said {
                assert_ne!(text.key(), "text-verbatim", "{id}: {english}");
                assert_eq!(text.render_in(Lang::En), english, "{id}");
                for lang in [Lang::Nl, Lang::De] {
                    assert_ne!(text.render_in(lang), text.key(), "{id}: {}", lang.tag());
                }
            }
        }
    }

    #[test]
    fn every_system_declares_distinct_flags_and_variables() {
        let mut flags = std::collections::HashMap::new();
        for id in ProviderId::ALL {
            let shape = id.profile().account;
            for f in shape.fields {
                // One flag means one thing across systems.
                if let Some(previous) = flags.insert(f.flag, f.key) {
                    assert_eq!(previous, f.key, "{id}: --{}", f.flag);
                }
                assert!(f.env.starts_with("ATSDROP_"), "{id}: {}", f.env);
                assert_ne!(f.env, shape.secret.env, "{id}");
            }
        }
    }
}
