//! What a client needs to talk to one account of one system.

use std::fmt;

use super::{ProviderError, Timeouts};
use crate::model::{ProviderId, Secret};

/// The secret part of a connection.
#[derive(Clone, PartialEq, Eq)]
pub enum Credentials {
    /// An API key or token (Spott, Kombo, Onderwijsregio, Truto).
    ApiKey(Secret),
    /// OAuth client credentials (Endorsed).
    ClientSecret {
        /// The client id (not secret, shown in settings).
        client_id: String,
        /// The client secret.
        client_secret: Secret,
    },
}

impl fmt::Debug for Credentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::ApiKey(_) => f.write_str("ApiKey([redacted])"),
            Self::ClientSecret { client_id, .. } => f
                .debug_struct("ClientSecret")
                .field("client_id", client_id)
                .field("client_secret", &"[redacted]")
                .finish(),
        }
    }
}

/// A system, an address and the credentials for one account.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Connection {
    /// Which system.
    pub provider: ProviderId,
    /// The API root (the system's real one, or the emulator's).
    pub base_url: String,
    /// The secret(s).
    pub credentials: Credentials,
    /// Kombo: the `X-Integration-Id` header value.
    pub integration_id: Option<String>,
    /// Truto: the `integrated_account_id` query value.
    pub integrated_account_id: Option<String>,
    /// Time limits.
    pub timeouts: Timeouts,
}

impl Connection {
    /// A connection with an API key and default timeouts.
    #[must_use]
    pub fn with_api_key(provider: ProviderId, base_url: impl Into<String>, key: Secret) -> Self {
        Self {
            provider,
            base_url: base_url.into(),
            credentials: Credentials::ApiKey(key),
            integration_id: None,
            integrated_account_id: None,
            timeouts: Timeouts::default(),
        }
    }

    /// Checks that everything the system requires is present, before any request.
    pub fn check_complete(&self) -> Result<(), ProviderError> {
        let system = self.provider;
        let missing = |what: &str| {
            Err(ProviderError::Config(format!(
                "{system} needs {what}: add it to the connection."
            )))
        };
        match (&self.credentials, system) {
            (Credentials::ClientSecret { .. }, ProviderId::Endorsed) => {}
            (Credentials::ApiKey(_), ProviderId::Endorsed) => {
                return missing("a client id and client secret");
            }
            (Credentials::ClientSecret { .. }, _) => return missing("an API key"),
            (Credentials::ApiKey(_), _) => {}
        }
        match &self.credentials {
            Credentials::ApiKey(key) if key.is_blank() => return missing("an API key"),
            Credentials::ClientSecret {
                client_id,
                client_secret,
            } if client_id.trim().is_empty() || client_secret.is_blank() => {
                return missing("a client id and client secret");
            }
            _ => {}
        }
        let blank = |v: &Option<String>| v.as_deref().is_none_or(|s| s.trim().is_empty());
        if system == ProviderId::Kombo && blank(&self.integration_id) {
            return missing("an integration id (X-Integration-Id)");
        }
        if system == ProviderId::Truto && blank(&self.integrated_account_id) {
            return missing("an integrated account id");
        }
        super::http::validate_base_url(system, &self.base_url).map(|_| ())
    }

    /// The API key, for systems that use one.
    #[must_use]
    pub fn api_key(&self) -> Option<&Secret> {
        match &self.credentials {
            Credentials::ApiKey(key) => Some(key),
            Credentials::ClientSecret { .. } => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_never_shows_secrets() {
        let mut c = Connection::with_api_key(
            ProviderId::Kombo,
            "https://api.kombo.dev/v1",
            Secret::new("topsecret"),
        );
        c.integration_id = Some("workday:1".into());
        assert!(!format!("{c:?}").contains("topsecret"));
        assert!(c.check_complete().is_ok());
        c.integration_id = None;
        assert!(
            c.check_complete()
                .unwrap_err()
                .to_string()
                .contains("integration id")
        );
        let e = Credentials::ClientSecret {
            client_id: "id".into(),
            client_secret: Secret::new("s3cr3t"),
        };
        assert!(!format!("{e:?}").contains("s3cr3t"));
    }
}
