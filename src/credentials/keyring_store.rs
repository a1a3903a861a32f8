//! A [`CredentialStore`] over any `keyring-core` store: the platform stores, or its mock.

use std::collections::HashMap;
use std::fmt;
use std::sync::Arc;

use keyring_core::{Entry, Error};

use super::{CredentialError, CredentialStore, SERVICE, StoreKind};
use crate::model::Secret;

/// A `keyring-core` credential store, held by this value (never installed as keyring-core's
/// process-global default), under the service name [`SERVICE`].
pub struct KeyringStore {
    inner: Arc<keyring_core::CredentialStore>,
    kind: StoreKind,
}

impl KeyringStore {
    /// Wraps a `keyring-core` store; `kind` says which store it is, for messages and for
    /// [`CredentialStore::kind`].
    #[must_use]
    pub fn new(inner: Arc<keyring_core::CredentialStore>, kind: StoreKind) -> Self {
        Self { inner, kind }
    }

    /// keyring-core's mock store (in memory; kind [`StoreKind::ThisRunOnly`]), for tests that
    /// want to go through the same `keyring-core` path as the platform stores.
    pub fn mock() -> Result<Self, CredentialError> {
        let store =
            keyring_core::mock::Store::new().map_err(|e| map_error(StoreKind::ThisRunOnly, e))?;
        Ok(Self::new(store, StoreKind::ThisRunOnly))
    }

    /// The wrapped `keyring-core` store (tests use it to reach the mock's entries and inject
    /// errors with `keyring_core::mock::Cred::set_error`).
    #[must_use]
    pub fn inner(&self) -> &Arc<keyring_core::CredentialStore> {
        &self.inner
    }

    /// The entry for `account` under [`SERVICE`].
    fn entry(&self, account: &str) -> Result<Entry, CredentialError> {
        let modifiers = match self.kind {
            // What keyring apps (Seahorse, KWallet) show for the item.
            StoreKind::SecretService => {
                Some(HashMap::from([("label", "atsdrop connection secret")]))
            }
            _ => None,
        };
        self.inner
            .build(SERVICE, account, modifiers.as_ref())
            .map_err(|e| map_error(self.kind, e))
    }
}

impl fmt::Debug for KeyringStore {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The wrapped store and its entries are left out: a mock entry's `Debug` shows its value.
        f.debug_struct("KeyringStore")
            .field("kind", &self.kind)
            .finish_non_exhaustive()
    }
}

impl CredentialStore for KeyringStore {
    fn get(&self, account: &str) -> Result<Option<Secret>, CredentialError> {
        match self.entry(account)?.get_password() {
            Ok(value) => Ok(Some(Secret::new(value))),
            Err(Error::NoEntry) => Ok(None),
            Err(e) => Err(map_error(self.kind, e)),
        }
    }

    fn set(&self, account: &str, secret: &Secret) -> Result<(), CredentialError> {
        if secret.is_blank() {
            return Err(CredentialError::EmptySecret);
        }
        self.entry(account)?
            .set_password(secret.expose())
            .map_err(|e| map_error(self.kind, e))
    }

    fn delete(&self, account: &str) -> Result<(), CredentialError> {
        match self.entry(account)?.delete_credential() {
            Ok(()) | Err(Error::NoEntry) => Ok(()),
            Err(e) => Err(map_error(self.kind, e)),
        }
    }

    fn kind(&self) -> StoreKind {
        self.kind
    }
}

/// Turns a `keyring-core` error into one sentence without the secret. Variants that carry the
/// secret's bytes (`BadEncoding`, `BadDataFormat`) or entries whose `Debug` may show them
/// (`Ambiguous`) are described, never printed.
pub(super) fn map_error(store: StoreKind, error: Error) -> CredentialError {
    match error {
        Error::NoStorageAccess(_) => CredentialError::Locked { store },
        Error::NoDefaultStore => CredentialError::NoKeyring,
        Error::BadEncoding(_) => CredentialError::Unusable {
            store,
            reason: "it is not text".to_owned(),
        },
        Error::BadDataFormat(..) => CredentialError::Unusable {
            store,
            reason: "it is malformed".to_owned(),
        },
        Error::Ambiguous(entries) => CredentialError::Unusable {
            store,
            reason: format!("{} entries match it; delete the extra ones", entries.len()),
        },
        Error::PlatformFailure(e) => {
            CredentialError::Platform(format!("The {store} failed ({}).", phrase(&e)))
        }
        Error::BadStoreFormat(reason) => {
            CredentialError::Platform(format!("The {store} is damaged ({}).", phrase(&reason)))
        }
        Error::TooLong(what, limit) => CredentialError::Platform(format!(
            "The {store} can't hold a {} longer than {limit} characters.",
            phrase(&what)
        )),
        Error::Invalid(what, reason) => CredentialError::Platform(format!(
            "The {store} refused the {}: {}.",
            phrase(&what),
            phrase(&reason)
        )),
        Error::NotSupportedByStore(what) => {
            CredentialError::Platform(format!("The {store} can't do that ({}).", phrase(&what)))
        }
        Error::NoEntry => {
            CredentialError::Platform(format!("The {store} has no secret for this connection."))
        }
        // `Error` is non-exhaustive; a future variant might carry anything, so it isn't printed.
        _ => CredentialError::Platform(format!("The {store} failed with an unexpected error.")),
    }
}

/// A platform message as a phrase inside our sentence: one line, no trailing period.
fn phrase(text: &dyn fmt::Display) -> String {
    let text = text.to_string();
    let words: Vec<&str> = text.split_whitespace().collect();
    let joined = words.join(" ");
    joined.trim_end_matches('.').to_owned()
}
