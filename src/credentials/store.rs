//! The [`CredentialStore`] trait, the kinds of store, and async helpers that keep keyring calls
//! off the caller's thread.

use std::fmt;
use std::sync::Arc;

use super::CredentialError;
use crate::model::Secret;

/// Which store holds the secrets.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum StoreKind {
    /// Windows Credential Manager.
    WindowsCredentialManager,
    /// The macOS login Keychain.
    MacKeychain,
    /// A Secret Service keyring over D-Bus (GNOME Keyring, `KWallet`, `KeePassXC`…).
    SecretService,
    /// The Linux kernel keyring (keyutils): forgotten when the computer restarts (and, in
    /// the persistent keyring, after a few days unused).
    KernelKeyring,
    /// Memory: forgotten when atsdrop exits.
    ThisRunOnly,
}

impl StoreKind {
    /// The store's name as the user knows it (`"macOS Keychain"`).
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::WindowsCredentialManager => "Windows Credential Manager",
            Self::MacKeychain => "macOS Keychain",
            Self::SecretService => "Secret Service keyring",
            Self::KernelKeyring => "Linux kernel keyring",
            Self::ThisRunOnly => "memory (this run only)",
        }
    }

    /// Whether a secret kept here is still there after the computer restarts.
    #[must_use]
    pub fn persistent(self) -> bool {
        match self {
            Self::WindowsCredentialManager | Self::MacKeychain | Self::SecretService => true,
            Self::KernelKeyring | Self::ThisRunOnly => false,
        }
    }

    /// For a store that forgets, one sentence telling the user when; `None` for persistent ones.
    #[must_use]
    pub fn forgets(self) -> Option<String> {
        match self {
            Self::KernelKeyring => Some(crate::t!("store-kernel-keyring-forgets")),
            Self::ThisRunOnly => Some(crate::t!("store-memory-forgets")),
            Self::WindowsCredentialManager | Self::MacKeychain | Self::SecretService => None,
        }
    }
}

impl fmt::Display for StoreKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// A place to keep one secret per connection profile.
///
/// `account` is the connection profile's id (see [`crate::settings::ConnectionProfile::id`]);
/// keyring entries use the service name [`super::SERVICE`].
///
/// # Blocking
///
/// Every method may block for a long time: a D-Bus round trip, or an unlock prompt or access
/// dialog waiting for the user. **Never call these on the UI thread**; use [`get_async`],
/// [`set_async`] and [`delete_async`], which run them with `tokio::task::spawn_blocking`.
pub trait CredentialStore: Send + Sync + fmt::Debug {
    /// The secret kept for `account`, or `None` when there is none.
    fn get(&self, account: &str) -> Result<Option<Secret>, CredentialError>;

    /// Keeps `secret` for `account`, replacing any earlier one. An empty secret is refused with
    /// [`CredentialError::EmptySecret`].
    fn set(&self, account: &str, secret: &Secret) -> Result<(), CredentialError>;

    /// Forgets the secret for `account`; forgetting one that isn't there is not an error.
    fn delete(&self, account: &str) -> Result<(), CredentialError>;

    /// Which store this is.
    fn kind(&self) -> StoreKind;
}

/// [`CredentialStore::get`] on tokio's blocking pool. Must be called within a tokio runtime.
pub async fn get_async(
    store: Arc<dyn CredentialStore>,
    account: String,
) -> Result<Option<Secret>, CredentialError> {
    run_blocking(move || store.get(&account)).await
}

/// [`CredentialStore::set`] on tokio's blocking pool. Must be called within a tokio runtime.
pub async fn set_async(
    store: Arc<dyn CredentialStore>,
    account: String,
    secret: Secret,
) -> Result<(), CredentialError> {
    run_blocking(move || store.set(&account, &secret)).await
}

/// [`CredentialStore::delete`] on tokio's blocking pool. Must be called within a tokio runtime.
pub async fn delete_async(
    store: Arc<dyn CredentialStore>,
    account: String,
) -> Result<(), CredentialError> {
    run_blocking(move || store.delete(&account)).await
}

/// Runs a keyring call on the blocking pool; a task that panicked or was cancelled becomes a
/// [`CredentialError::Platform`] (a panic's payload is dropped: it could hold anything).
pub(super) async fn run_blocking<T, F>(call: F) -> Result<T, CredentialError>
where
    F: FnOnce() -> Result<T, CredentialError> + Send + 'static,
    T: Send + 'static,
{
    tokio::task::spawn_blocking(call).await.map_err(|_| {
        CredentialError::Platform("The keyring call stopped before it finished.".to_owned())
    })?
}
