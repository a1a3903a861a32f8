//! An error that ends the command with a specific exit code.

use std::fmt;

/// Ends the command with `code`, printing `message`.
#[derive(Debug)]
pub struct Failure {
    /// The process exit code.
    pub code: u8,
    /// One sentence for stderr.
    pub message: String,
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Failure {}

/// A usage error (exit 2): nothing was sent.
pub fn usage(message: impl Into<String>) -> anyhow::Error {
    Failure {
        code: super::EXIT_USAGE,
        message: message.into(),
    }
    .into()
}

/// A system refused the credentials (exit 3).
pub fn auth(message: impl Into<String>) -> anyhow::Error {
    Failure {
        code: super::EXIT_AUTH,
        message: message.into(),
    }
    .into()
}

/// Maps a provider error met before anything was sent: credentials → 3, a wrong id or
/// setting → 2, anything else (network, server) → 1. The sentence is in the current language
/// (it goes to stderr, for people).
pub fn before_sending(error: atsdrop::providers::ProviderError) -> anyhow::Error {
    use atsdrop::providers::ProviderError as E;
    match error {
        e @ (E::Auth { .. } | E::Forbidden { .. }) => auth(e.text().to_string()),
        e @ (E::NotFound { .. } | E::Config(_) | E::Unsupported { .. } | E::Rejected { .. }) => {
            usage(e.text().to_string())
        }
        e => Failure {
            code: super::EXIT_FAILED,
            message: e.text().to_string(),
        }
        .into(),
    }
}
