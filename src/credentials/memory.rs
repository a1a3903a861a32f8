//! Secrets kept in memory: "keep for this run only", and tests.

use std::collections::HashMap;
use std::fmt;
use std::sync::{Mutex, MutexGuard, PoisonError};

use super::{CredentialError, CredentialStore, StoreKind};
use crate::model::Secret;

/// A [`CredentialStore`] in memory, forgotten when the process exits. Never blocks.
#[derive(Default)]
pub struct MemoryStore {
    secrets: Mutex<HashMap<String, Secret>>,
}

impl MemoryStore {
    /// An empty store.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// How many secrets it holds.
    #[must_use]
    pub fn len(&self) -> usize {
        self.lock().len()
    }

    /// Whether it holds no secret.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.lock().is_empty()
    }

    fn lock(&self) -> MutexGuard<'_, HashMap<String, Secret>> {
        // A panic elsewhere while holding the lock can't leave a map half-updated.
        self.secrets.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

impl fmt::Debug for MemoryStore {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("MemoryStore")
            .field("entries", &self.len())
            .finish()
    }
}

impl CredentialStore for MemoryStore {
    fn get(&self, account: &str) -> Result<Option<Secret>, CredentialError> {
        Ok(self.lock().get(account).cloned())
    }

    fn set(&self, account: &str, secret: &Secret) -> Result<(), CredentialError> {
        if secret.is_blank() {
            return Err(CredentialError::EmptySecret);
        }
        self.lock().insert(account.to_owned(), secret.clone());
        Ok(())
    }

    fn delete(&self, account: &str) -> Result<(), CredentialError> {
        self.lock().remove(account);
        Ok(())
    }

    fn kind(&self) -> StoreKind {
        StoreKind::ThisRunOnly
    }
}
