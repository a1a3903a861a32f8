//! Picking this computer's keyring.

use std::sync::Arc;

use super::store::run_blocking;
use super::{CredentialError, CredentialStore};

/// This computer's keyring, as keyring 4 recommends per platform:
///
/// - Linux: Secret Service over D-Bus (GNOME Keyring, `KWallet`…); when there is no session bus
///   or no Secret Service, the kernel keyring ([`super::StoreKind::KernelKeyring`], which is
///   **not** persistent: it forgets on reboot — tell the user with
///   [`super::StoreKind::forgets`]). The kernel keyring is probed with a throw-away entry.
/// - macOS: the login Keychain.
/// - Windows: Credential Manager.
///
/// When nothing works it returns [`CredentialError::NoKeyring`] (the reasons are logged); offer
/// to keep the secret for this run only with a [`super::MemoryStore`].
///
/// The store object is returned to the caller, never installed as keyring-core's process-global
/// default. This blocks (D-Bus connection, probe): call it off the UI thread, or use
/// [`os_store_async`].
pub fn os_store() -> Result<Arc<dyn CredentialStore>, CredentialError> {
    platform::store()
}

/// [`os_store`] on tokio's blocking pool. Must be called within a tokio runtime.
pub async fn os_store_async() -> Result<Arc<dyn CredentialStore>, CredentialError> {
    run_blocking(os_store).await
}

#[cfg(target_os = "linux")]
mod platform {
    use std::sync::Arc;

    use super::super::keyring_store::map_error;
    use super::super::{CredentialError, CredentialStore, KeyringStore, StoreKind};
    use crate::model::Secret;

    pub(super) fn store() -> Result<Arc<dyn CredentialStore>, CredentialError> {
        // Connecting opens a Secret Service session: it fails without a session bus or without
        // a service providing `org.freedesktop.secrets`. It does not prompt; unlocking happens
        // on first use.
        let secret_service = match zbus_secret_service_keyring_store::Store::new() {
            Ok(store) => {
                tracing::debug!("keeping secrets in the Secret Service");
                return Ok(Arc::new(KeyringStore::new(store, StoreKind::SecretService)));
            }
            Err(e) => map_error(StoreKind::SecretService, e),
        };
        tracing::info!("no Secret Service ({secret_service}); trying the Linux kernel keyring");
        let keyutils = linux_keyutils_keyring_store::Store::new()
            .map_err(|e| map_error(StoreKind::KernelKeyring, e))
            .map(|store| KeyringStore::new(store, StoreKind::KernelKeyring))
            .and_then(|store| probe(&store).map(|()| store));
        match keyutils {
            Ok(store) => {
                tracing::info!("keeping secrets in the Linux kernel keyring until reboot");
                Ok(Arc::new(store))
            }
            Err(e) => {
                tracing::warn!("no keyring: Secret Service: {secret_service} Kernel keyring: {e}");
                Err(CredentialError::NoKeyring)
            }
        }
    }

    /// Writes, reads back and deletes a throw-away entry: the kernel keyring store is created
    /// without touching the kernel, and a session may be able to search its keyring but not
    /// add to it.
    fn probe(store: &KeyringStore) -> Result<(), CredentialError> {
        // Unique per call: two probes at once must not delete each other's entry.
        let account = format!("probe-{}", uuid::Uuid::new_v4());
        // In a process without a session keyring of its own (containers, services, some SSH
        // logins), building the first entry makes the kernel join a new session keyring (the
        // store asks for the persistent keyring on behalf of the session). That first entry
        // still points at the old user-session keyring, where adding may fail halfway and leave
        // a key behind; so the first entry is only used for a harmless read.
        let _ = store.get(&account);
        let value = Secret::new("atsdrop keyring probe");
        store.set(&account, &value)?;
        let read = store.get(&account);
        let deleted = store.delete(&account);
        match read? {
            Some(back) if back == value => deleted,
            _ => Err(CredentialError::Platform(
                "The Linux kernel keyring did not give back what was stored.".to_owned(),
            )),
        }
    }
}

#[cfg(target_os = "macos")]
mod platform {
    use std::sync::Arc;

    use super::super::keyring_store::map_error;
    use super::super::{CredentialError, CredentialStore, KeyringStore, StoreKind};

    pub(super) fn store() -> Result<Arc<dyn CredentialStore>, CredentialError> {
        match apple_native_keyring_store::keychain::Store::new() {
            Ok(store) => Ok(Arc::new(KeyringStore::new(store, StoreKind::MacKeychain))),
            Err(e) => {
                let e = map_error(StoreKind::MacKeychain, e);
                tracing::warn!("no keyring: {e}");
                Err(CredentialError::NoKeyring)
            }
        }
    }
}

#[cfg(target_os = "windows")]
mod platform {
    use std::sync::Arc;

    use super::super::keyring_store::map_error;
    use super::super::{CredentialError, CredentialStore, KeyringStore, StoreKind};

    pub(super) fn store() -> Result<Arc<dyn CredentialStore>, CredentialError> {
        match windows_native_keyring_store::Store::new() {
            Ok(store) => Ok(Arc::new(KeyringStore::new(
                store,
                StoreKind::WindowsCredentialManager,
            ))),
            Err(e) => {
                let e = map_error(StoreKind::WindowsCredentialManager, e);
                tracing::warn!("no keyring: {e}");
                Err(CredentialError::NoKeyring)
            }
        }
    }
}

#[cfg(not(any(target_os = "linux", target_os = "macos", target_os = "windows")))]
mod platform {
    use std::sync::Arc;

    use super::super::{CredentialError, CredentialStore};

    pub(super) fn store() -> Result<Arc<dyn CredentialStore>, CredentialError> {
        tracing::warn!("no keyring: atsdrop knows no keyring on this operating system");
        Err(CredentialError::NoKeyring)
    }
}
