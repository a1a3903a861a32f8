//! One saved connection: which system, where, which account — and where its secret is kept,
//! never the secret itself.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::{SettingsError, lenient};
use crate::model::{ProviderId, Secret};
use crate::providers::{Connection, Credentials, Timeouts};

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
    /// Kombo: the integration id (`X-Integration-Id`).
    pub integration_id: Option<String>,
    /// Truto: the integrated account id.
    pub integrated_account_id: Option<String>,
    /// Endorsed: the OAuth client id (not secret; the client secret is).
    pub client_id: Option<String>,
    /// Where the secret is kept.
    pub secret_storage: SecretStorage,
}

/// The profile as stored: every field but `id` and `provider` may be missing.
#[derive(Deserialize)]
struct ProfileFile {
    id: String,
    #[serde(default)]
    name: String,
    provider: ProviderId,
    #[serde(default)]
    base_url: Option<String>,
    #[serde(default)]
    integration_id: Option<String>,
    #[serde(default)]
    integrated_account_id: Option<String>,
    #[serde(default)]
    client_id: Option<String>,
    #[serde(default, deserialize_with = "lenient")]
    secret_storage: SecretStorage,
}

impl From<ProfileFile> for ConnectionProfile {
    fn from(file: ProfileFile) -> Self {
        let base_url = file
            .base_url
            .filter(|url| !url.trim().is_empty())
            .unwrap_or_else(|| file.provider.profile().default_base_url.to_owned());
        Self {
            id: file.id,
            name: file.name,
            provider: file.provider,
            base_url,
            integration_id: file.integration_id,
            integrated_account_id: file.integrated_account_id,
            client_id: file.client_id,
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
    /// [`ConnectionProfile::integration_id`].
    IntegrationId,
    /// [`ConnectionProfile::integrated_account_id`].
    IntegratedAccountId,
    /// [`ConnectionProfile::client_id`].
    ClientId,
}

/// One problem with a profile: the field, and a sentence saying what to do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProfileProblem {
    /// The field to fix.
    pub field: ProfileField,
    /// One plain sentence naming the field.
    pub message: String,
}

impl fmt::Display for ProfileProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
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
            integration_id: None,
            integrated_account_id: None,
            client_id: None,
            secret_storage: SecretStorage::Keyring,
        }
    }

    /// What a client needs, with `secret` as the API key (Endorsed: as the client secret, with
    /// [`ConnectionProfile::client_id`]). Run [`ConnectionProfile::check`] first.
    #[must_use]
    pub fn connection(&self, secret: Secret) -> Connection {
        let credentials = match self.provider {
            ProviderId::Endorsed => Credentials::ClientSecret {
                client_id: self.client_id.clone().unwrap_or_default(),
                client_secret: secret,
            },
            ProviderId::Spott
            | ProviderId::Kombo
            | ProviderId::Onderwijsregio
            | ProviderId::Truto => Credentials::ApiKey(secret),
        };
        Connection {
            provider: self.provider,
            base_url: self.base_url.clone(),
            credentials,
            integration_id: self.integration_id.clone(),
            integrated_account_id: self.integrated_account_id.clone(),
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
    /// computer), and the id the system needs (Kombo integration id, Truto integrated account
    /// id, Endorsed client id).
    #[must_use]
    pub fn problems(&self) -> Vec<ProfileProblem> {
        let system = self.provider;
        let mut problems = Vec::new();
        let mut problem = |field, message: String| problems.push(ProfileProblem { field, message });
        if self.name.trim().is_empty() {
            problem(
                ProfileField::Name,
                "The connection has no name: give it one, such as \u{201c}Spott production\u{201d}."
                    .to_owned(),
            );
        }
        if self.base_url.trim().is_empty() {
            problem(
                ProfileField::BaseUrl,
                format!(
                    "The base URL is empty: use {}.",
                    system.profile().default_base_url
                ),
            );
        } else if let Err(e) = crate::providers::http::validate_base_url(system, &self.base_url) {
            problem(ProfileField::BaseUrl, e.to_string());
        }
        let blank = |value: &Option<String>| value.as_deref().is_none_or(|v| v.trim().is_empty());
        match system {
            ProviderId::Kombo if blank(&self.integration_id) => problem(
                ProfileField::IntegrationId,
                "Kombo needs an integration id (sent as X-Integration-Id): copy it from the Kombo dashboard."
                    .to_owned(),
            ),
            ProviderId::Truto if blank(&self.integrated_account_id) => problem(
                ProfileField::IntegratedAccountId,
                "Truto needs an integrated account id: copy it from the Truto dashboard.".to_owned(),
            ),
            ProviderId::Endorsed if blank(&self.client_id) => problem(
                ProfileField::ClientId,
                "Endorsed needs a client id: copy it from your Endorsed API credentials.".to_owned(),
            ),
            _ => {}
        }
        problems
    }

    /// Trims every text field and turns blank optional ones into `None`; an empty base URL
    /// becomes the system's real one.
    pub(super) fn normalize(&mut self) {
        fn tidy(value: &mut Option<String>) {
            *value = value
                .take()
                .map(|v| v.trim().to_owned())
                .filter(|v| !v.is_empty());
        }
        self.id = self.id.trim().to_owned();
        self.name = self.name.trim().to_owned();
        self.base_url = self.base_url.trim().to_owned();
        if self.base_url.is_empty() {
            self.provider
                .profile()
                .default_base_url
                .clone_into(&mut self.base_url);
        }
        tidy(&mut self.integration_id);
        tidy(&mut self.integrated_account_id);
        tidy(&mut self.client_id);
    }
}
