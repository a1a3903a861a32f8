//! What can go wrong keeping a secret, in sentences that never contain the secret.

use super::StoreKind;

/// A keyring operation failed. Every message is one plain sentence and never contains a secret.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CredentialError {
    /// No usable keyring on this computer (no Secret Service, no kernel keyring, …).
    #[error(
        "No keyring is available on this computer, so the secret can only be kept in memory for this run."
    )]
    NoKeyring,
    /// The keyring is locked or refused access (for example, the unlock prompt was dismissed).
    #[error("The {store} is locked or refused access: unlock it when asked, then try again.")]
    Locked {
        /// The store that refused.
        store: StoreKind,
    },
    /// An empty secret was given to [`super::CredentialStore::set`].
    #[error("The secret is empty: paste the API key or client secret, then save again.")]
    EmptySecret,
    /// The secret the store holds for this connection is damaged or ambiguous; enter it again.
    #[error(
        "The secret stored in the {store} for this connection can't be used ({reason}): enter it again."
    )]
    Unusable {
        /// The store holding the entry.
        store: StoreKind,
        /// What is wrong with it, without the value.
        reason: String,
    },
    /// Any other failure of the platform store; the text is one sentence.
    #[error("{0}")]
    Platform(String),
}
