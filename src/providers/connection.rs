//! What a client needs to talk to one account of one system.

use super::{ProviderError, Timeouts};
use crate::model::{AccountIds, ProviderId, Secret};

/// A system, an address, the account's ids and its secret.
///
/// What each system needs is declared in its profile
/// ([`ProviderProfile::account`](crate::model::ProviderProfile::account)): the kind of secret
/// (an API key, or Endorsed's client secret) and the ids (Kombo's integration id, Truto's
/// integrated account id, Endorsed's client id).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Connection {
    /// Which system.
    pub provider: ProviderId,
    /// The API root (the system's real one, or the emulator's).
    pub base_url: String,
    /// The API key, or Endorsed's client secret. `Debug` redacts it.
    pub secret: Secret,
    /// The account's ids, by the keys the system's profile declares.
    pub ids: AccountIds,
    /// Time limits.
    pub timeouts: Timeouts,
}

impl Connection {
    /// A connection with `secret`, no ids and default timeouts.
    #[must_use]
    pub fn new(provider: ProviderId, base_url: impl Into<String>, secret: Secret) -> Self {
        Self {
            provider,
            base_url: base_url.into(),
            secret,
            ids: AccountIds::new(),
            timeouts: Timeouts::default(),
        }
    }

    /// With an account id set (`key` as the profile declares it).
    #[must_use]
    pub fn with_id(mut self, key: &str, value: impl AsRef<str>) -> Self {
        self.ids.set(key, value);
        self
    }

    /// An account id by its declared key.
    #[must_use]
    pub fn id(&self, key: &str) -> Option<&str> {
        self.ids.get(key)
    }

    /// An id the system requires, or the profile's sentence saying it is missing.
    pub fn required_id(&self, key: &str) -> Result<&str, ProviderError> {
        self.id(key).ok_or_else(|| {
            let shape = self.provider.profile().account;
            ProviderError::Config(shape.field(key).map_or_else(
                || format!("{} needs {key}: add it to the connection.", self.provider),
                |f| f.missing.to_owned(),
            ))
        })
    }

    /// Checks that everything the system requires is present, before any request.
    pub fn check_complete(&self) -> Result<(), ProviderError> {
        let shape = self.provider.profile().account;
        if self.secret.is_blank() {
            return Err(ProviderError::Config(format!(
                "{} needs the {}: add it to the connection.",
                self.provider, shape.secret.noun
            )));
        }
        if let Some(field) = self.ids.first_missing(&shape) {
            return Err(ProviderError::Config(field.missing.to_owned()));
        }
        super::http::validate_base_url(self.provider, &self.base_url).map(|_| ())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_never_shows_secrets_and_missing_ids_are_named() {
        let c = Connection::new(
            ProviderId::Kombo,
            "https://api.kombo.dev/v1",
            Secret::new("topsecret"),
        )
        .with_id("integration_id", "workday:1");
        assert!(!format!("{c:?}").contains("topsecret"));
        assert!(c.check_complete().is_ok());
        let mut without = c.clone();
        without.ids = AccountIds::new();
        assert!(
            without
                .check_complete()
                .unwrap_err()
                .to_string()
                .contains("integration id")
        );
        let endorsed = Connection::new(
            ProviderId::Endorsed,
            "https://endorsed.ai/api/v1",
            Secret::new(" "),
        )
        .with_id("client_id", "id");
        assert!(
            endorsed
                .check_complete()
                .unwrap_err()
                .to_string()
                .contains("client secret")
        );
    }
}
