//! Where connection secrets (API keys, client secrets) live: the OS keyring behind a small
//! trait, [`CredentialStore`], or memory for "keep for this run only".
//!
//! # Stores
//!
//! | platform | store | survives |
//! | --- | --- | --- |
//! | Windows | Credential Manager (generic credential `<profile id>.atsdrop`) | until deleted |
//! | macOS | the login Keychain (service `atsdrop`, account `<profile id>`) | until deleted |
//! | Linux, desktop session | Secret Service (GNOME Keyring, `KWallet`…) over D-Bus | until deleted |
//! | Linux, no Secret Service | the kernel keyring (`keyring:<profile id>@atsdrop`) | until reboot |
//! | anywhere | [`MemoryStore`] | until the app exits |
//!
//! [`os_store`] picks the platform store with `keyring-core` and the per-platform store crates,
//! holding the store object itself: keyring-core's process-global default store is never set,
//! so tests and the app can use different stores side by side.
//!
//! Every entry uses the service name [`SERVICE`] and the connection profile's id as the
//! account, so renaming a connection keeps its secret.
//!
//! # Blocking
//!
//! Keyring calls block — on D-Bus, on an unlock prompt the user may leave open, on the
//! Keychain's access dialog. Never call a [`CredentialStore`] method (or [`os_store`]) on the UI
//! thread: use [`get_async`], [`set_async`], [`delete_async`] and [`os_store_async`], which run
//! the call on tokio's blocking pool.
//!
//! # Secrets stay secret
//!
//! Secrets travel as [`crate::model::Secret`], which never prints itself; no
//! [`CredentialError`] message contains a secret, and no `Debug` output here shows one.

mod error;
mod keyring_store;
mod memory;
mod os;
mod store;

pub use error::CredentialError;
pub use keyring_store::KeyringStore;
pub use memory::MemoryStore;
pub use os::{os_store, os_store_async};
pub use store::{CredentialStore, StoreKind, delete_async, get_async, set_async};

/// The service name of every atsdrop keyring entry; the account is the connection profile id.
pub const SERVICE: &str = "atsdrop";
