//! One saved connection: which system, where, which account — and where its secret is kept,
//! never the secret itself.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::{SettingsError, lenient};
use std::collections::BTreeMap;

use crate::i18n::Text;
use crate::model::{AccountIds, ProviderId, Secret};
use crate::providers::{Connection, Timeouts};

/// Where a connection's secret is kept.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SecretStorage {
    /// In the OS keyring ([`crate::credentials::os_store`]), under the profile's id.
    #[default]
    Keyring,
    /// In memory only: asked for again after atsdrop restarts.
    ThisRunOnly,
}

/// A saved connection to one account of one system. Holds no secret: the secret is kept under
/// [`ConnectionProfile::id`] in the store [`ConnectionProfile::secret_storage`] names.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "ProfileFile")]
pub struct ConnectionProfile {
    /// A stable UUID, never changed by renaming: the keyring account of the secret.
    pub id: String,
    /// The name the user gave it; unique among connections, ignoring case.
    pub name: String,
    /// Which system.
    pub provider: ProviderId,
    /// The API root; the system's real one unless changed (an emulator, a regional host).
    pub base_url: String,
    /// The account's ids the system declares (Kombo `integration_id`, Truto
    /// `integrated_account_id`, Endorsed `client_id`), stored as keys of their own.
    #[serde(flatten)]
    pub ids: AccountIds,
    /// Where the secret is kept.
    pub secret_storage: SecretStorage,
}

/// The profile as stored: every field but `id` and `provider` may be missing; the account ids
/// are whichever keys the system declares.
#[derive(Deserialize)]
struct ProfileFile {
    id: String,
    #[serde(default)]
    name: String,
    provider: ProviderId,
    #[serde(default)]
    base_url: Option<String>,
    #[serde(default, deserialize_with = "lenient")]
    secret_storage: SecretStorage,
    #[serde(flatten)]
    rest: BTreeMap<String, serde_json::Value>,
}

impl From<ProfileFile> for ConnectionProfile {
    fn from(file: ProfileFile) -> Self {
        let base_url = file
            .base_url
            .filter(|url| !url.trim().is_empty())
            .unwrap_or_else(|| file.provider.profile().default_base_url.to_owned());
        let mut ids = AccountIds::new();
        for field in file.provider.profile().account.fields {
            if let Some(serde_json::Value::String(value)) = file.rest.get(field.key) {
                ids.set(field.key, value);
            }
        }
        Self {
            id: file.id,
            name: file.name,
            provider: file.provider,
            base_url,
            ids,
            secret_storage: file.secret_storage,
        }
    }
}

/// A field of the connection form.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ProfileField {
    /// [`ConnectionProfile::name`].
    Name,
    /// [`ConnectionProfile::base_url`].
    BaseUrl,
    /// One of [`ConnectionProfile::ids`], by its declared key.
    Account(&'static str),
}

/// One problem with a profile: the field, and a sentence saying what to do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProfileProblem {
    /// The field to fix.
    pub field: ProfileField,
    /// One plain sentence naming the field.
    text: Text,
}

impl ProfileProblem {
    /// A problem with `field`, said by `text`.
    #[must_use]
    pub fn new(field: ProfileField, text: Text) -> Self {
        Self { field, text }
    }

    /// The sentence, in any language.
    #[must_use]
    pub fn text(&self) -> Text {
        self.text.clone()
    }

    /// The sentence in English (logs, `--json`).
    #[must_use]
    pub fn message(&self) -> String {
        self.text.english()
    }
}

/// In English; [`ProfileProblem::text`] says it in any language.
impl fmt::Display for ProfileProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message())
    }
}

impl ConnectionProfile {
    /// A new profile with a fresh id, the system's real API root and the secret in the keyring.
    #[must_use]
    pub fn new(name: impl Into<String>, provider: ProviderId) -> Self {
        Self {
            id: uuid::Uuid::new_v4().to_string(),
            name: name.into(),
            provider,
            base_url: provider.profile().default_base_url.to_owned(),
            ids: AccountIds::new(),
            secret_storage: SecretStorage::Keyring,
        }
    }

    /// What a client needs, with `secret` as the API key (Endorsed: the client secret). Run
    /// [`ConnectionProfile::check`] first.
    #[must_use]
    pub fn connection(&self, secret: Secret) -> Connection {
        Connection {
            provider: self.provider,
            base_url: self.base_url.clone(),
            secret,
            ids: self.ids.kept_for(&self.provider.profile().account),
            timeouts: Timeouts::default(),
        }
    }

    /// The first problem of [`ConnectionProfile::problems`], if any.
    pub fn check(&self) -> Result<(), SettingsError> {
        match self.problems().into_iter().next() {
            Some(problem) => Err(SettingsError::InvalidProfile(problem)),
            None => Ok(()),
        }
    }

    /// Every problem at once, in form order: a name, a valid base URL (https, or http to this
    /// computer), and every id the system declares (Kombo integration id, Truto integrated
    /// account id, Endorsed client id).
    #[must_use]
    pub fn problems(&self) -> Vec<ProfileProblem> {
        let system = self.provider;
        let mut problems = Vec::new();
        let mut problem = |field, text| problems.push(ProfileProblem::new(field, text));
        if self.name.trim().is_empty() {
            problem(ProfileField::Name, crate::text!("settings-problem-no-name"));
        }
        if self.base_url.trim().is_empty() {
            problem(
                ProfileField::BaseUrl,
                crate::text!(
                    "settings-problem-url-empty",
                    url = system.profile().default_base_url
                ),
            );
        } else if let Err(why) = crate::providers::http::base_url(system, &self.base_url) {
            problem(ProfileField::BaseUrl, why);
        }
        let shape = system.profile().account;
        for field in shape.fields {
            if self.ids.get(field.key).is_none() {
                problem(ProfileField::Account(field.key), field.missing_text());
            }
        }
        problems
    }

    /// Trims every text field and turns blank optional ones into `None`; an empty base URL
    /// becomes the system's real one.
    pub(super) fn normalize(&mut self) {
        self.id = self.id.trim().to_owned();
        self.name = self.name.trim().to_owned();
        self.base_url = self.base_url.trim().to_owned();
        if self.base_url.is_empty() {
            self.provider
                .profile()
                .default_base_url
                .clone_into(&mut self.base_url);
        }
        self.ids = self.ids.kept_for(&self.provider.profile().account);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    /// A profile of `system` at `base_url` with every account field filled.
    fn at(system: ProviderId, base_url: &str) -> ConnectionProfile {
        let mut profile = ConnectionProfile::new("Acme", system);
        profile.base_url = base_url.to_owned();
        for field in system.profile().account.fields {
            profile.ids.set(field.key, "x");
        }
        profile
    }

    #[test]
    fn every_address_problem_is_retold_in_every_language_with_the_same_english() {
        for (system, address) in [
            (ProviderId::Spott, "api.gospott.com"),
            (ProviderId::Spott, "not a url"),
            (ProviderId::Kombo, "https://:443/v1"),
            (ProviderId::Kombo, "https://api.kombo.dev:99999/v1"),
            (ProviderId::Truto, "https://[::1/x"),
            (ProviderId::Truto, "https://jo:hunter2@api.truto.one/x"),
            (
                ProviderId::Endorsed,
                "https://jo:hunter2@endorsed.ai/api/v1",
            ),
            (ProviderId::Endorsed, "http://endorsed.ai/api/v1"),
            (ProviderId::Onderwijsregio, "ftp://example.com"),
            (ProviderId::Onderwijsregio, "mailto:jo@example.com"),
            (ProviderId::Spott, "https://jo:hunter2@bad host/"),
        ] {
            let problems = at(system, address).problems();
            assert_eq!(problems.len(), 1, "{address}: {problems:?}");
            let problem = &problems[0];
            let english = crate::providers::http::validate_base_url(system, address)
                .unwrap_err()
                .to_string();
            assert_eq!(problem.message(), english, "{address}");
            assert_ne!(problem.text().key(), "error-config", "{address}: {english}");
            for lang in [Lang::Nl, Lang::De] {
                let said = problem.text().render_in(lang);
                assert_ne!(said, english, "{}: {address}", lang.tag());
                assert!(!said.contains("hunter2"), "{said}");
            }
        }
        let dutch = at(ProviderId::Endorsed, "https://jo:pw@endorsed.ai").problems()[0]
            .text()
            .render_in(Lang::Nl);
        assert!(dutch.contains("vul de client secret"), "{dutch}");
    }

    #[test]
    fn every_other_problem_is_translated() {
        let mut bare = ConnectionProfile::new(" ", ProviderId::Kombo);
        bare.base_url = " ".into();
        let problems = bare.problems();
        assert_eq!(problems.len(), 3, "{problems:?}");
        assert_eq!(
            problems[0].to_string(),
            "The connection has no name: give it one, such as \u{201c}Spott production\u{201d}."
        );
        assert_eq!(
            problems[1].to_string(),
            "The base URL is empty: use https://api.kombo.dev/v1."
        );
        assert_eq!(
            problems[2].to_string(),
            ProviderId::Kombo.profile().account.fields[0].missing
        );
        for problem in &problems {
            let german = problem.text().render_in(Lang::De);
            assert_ne!(german, problem.message());
        }
    }
}
