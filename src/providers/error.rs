//! One error type for every system, each variant displayed as one sentence a recruiter
//! understands.

use std::path::PathBuf;
use std::time::Duration;

use crate::model::{ProviderId, human_duration};

/// Everything that can go wrong talking to a recruiting system.
#[derive(Clone, Debug, thiserror::Error)]
pub enum ProviderError {
    /// The credentials were refused (401).
    #[error("{system} did not accept the credentials{}: check the API key in the connection settings.", detail(.message))]
    Auth {
        /// Which system.
        system: ProviderId,
        /// The system's own message, if it sent one.
        message: Option<String>,
    },
    /// The credentials are valid but lack permission (403).
    #[error("{system} refused access{}: ask your {system} admin to give this API key the permission.", detail(.message))]
    Forbidden {
        /// Which system.
        system: ProviderId,
        /// The system's own message, if it sent one.
        message: Option<String>,
    },
    /// The candidate, attachment or account does not exist (404).
    #[error("{system} could not find {what}{}: check the id.", detail(.message))]
    NotFound {
        /// Which system.
        system: ProviderId,
        /// What was looked for ("candidate 123").
        what: String,
        /// The system's own message, if it sent one.
        message: Option<String>,
    },
    /// The system refused the request as invalid (400, 405, 409, 411, 415, 422…).
    #[error("{system} refused the request: {message}")]
    Rejected {
        /// Which system.
        system: ProviderId,
        /// HTTP status.
        status: u16,
        /// The system's error code, if any (`PLATFORM.INPUT_INVALID`).
        code: Option<String>,
        /// The system's own message.
        message: String,
    },
    /// The file is larger than the system takes (413).
    #[error("{system} says the file is too large{}: compress or split it.", detail(.message))]
    TooLarge {
        /// Which system.
        system: ProviderId,
        /// The system's own message, if it sent one.
        message: Option<String>,
    },
    /// Too many requests (429); try again after the announced delay.
    #[error("{system} asked atsdrop to slow down; try again {}.", retry_phrase(*.retry_after))]
    RateLimited {
        /// Which system.
        system: ProviderId,
        /// How long the system asked to wait, from `Retry-After`.
        retry_after: Option<Duration>,
    },
    /// The system failed (5xx).
    #[error("{system} had a problem on its side (HTTP {status}){}; try again in a moment.", detail(.message))]
    Server {
        /// Which system.
        system: ProviderId,
        /// HTTP status.
        status: u16,
        /// The system's own message, if it sent one.
        message: Option<String>,
    },
    /// The connection failed or broke.
    #[error(
        "atsdrop could not reach {system} ({detail}): check the internet connection and try again."
    )]
    Network {
        /// Which system.
        system: ProviderId,
        /// What the network layer said.
        detail: String,
        /// Whether the whole request body had been handed to the connection when it failed: if
        /// so, the system may have stored the upload.
        body_sent: bool,
    },
    /// No answer in time.
    #[error("{system} did not answer in time: check the internet connection and try again.")]
    Timeout {
        /// Which system.
        system: ProviderId,
        /// Whether the whole request body had been sent before the time ran out.
        body_sent: bool,
    },
    /// The system's API cannot do this.
    #[error("{what} is not supported by {system}.")]
    Unsupported {
        /// Which system.
        system: ProviderId,
        /// What was asked ("Listing candidates").
        what: String,
    },
    /// The answer could not be understood.
    #[error(
        "{system} sent an answer atsdrop does not understand ({detail}); if this keeps happening, report it."
    )]
    InvalidResponse {
        /// Which system.
        system: ProviderId,
        /// What was wrong.
        detail: String,
    },
    /// The system answered an upload with an error that does not say the file was not stored
    /// (it timed out or failed after taking the whole body): it may have it.
    #[error("{system} could not say whether it stored the file{}: atsdrop checks the candidate before sending it again.", detail(.message))]
    MaybeStored {
        /// Which system.
        system: ProviderId,
        /// The system's own message, if it sent one.
        message: Option<String>,
    },
    /// The answer was larger than atsdrop reads for this request.
    #[error(
        "{system} sent a far larger answer than expected (over {}): atsdrop stopped reading it; check the address in the connection settings, and report it if it is right.",
        crate::model::human_bytes(*.limit)
    )]
    AnswerTooLarge {
        /// Which system.
        system: ProviderId,
        /// The most bytes read.
        limit: u64,
    },
    /// A web page came back where data was expected: a Wi-Fi login page or a proxy is in the
    /// way (or the address is a website's, not the API's).
    #[error(
        "A web page answered instead of {system}: sign in to the network (hotel or office Wi-Fi) and try again, or check the address in the connection settings."
    )]
    WebPage {
        /// Which system.
        system: ProviderId,
    },
    /// A file could not be read while sending it, or changed meanwhile.
    #[error("{} could not be sent: {reason}.", display_name(.path))]
    File {
        /// The file.
        path: PathBuf,
        /// What happened, as a phrase.
        reason: String,
    },
    /// An id that no address can carry: `.` and `..` are path steps to a URL (every HTTP
    /// client and proxy resolves them), so a request for it would reach another resource.
    #[error("\u{201c}{id}\u{201d} cannot be a {system} id: check the id you entered.")]
    BadId {
        /// Which system.
        system: ProviderId,
        /// The id as given.
        id: String,
    },
    /// The connection settings are unusable (plain http to a remote host, missing id…).
    #[error("{0}")]
    Config(String),
}

impl ProviderError {
    /// The delay the system asked for, if this is a rate-limit answer.
    #[must_use]
    pub fn retry_after(&self) -> Option<Duration> {
        match self {
            Self::RateLimited { retry_after, .. } => *retry_after,
            _ => None,
        }
    }

    /// Whether repeating the same request may succeed without changing anything: 429, 502,
    /// 503, 504 and connection failures/timeouts. Never 400/401/403/404/413/415/422.
    #[must_use]
    pub fn is_transient(&self) -> bool {
        match self {
            Self::RateLimited { .. } | Self::Network { .. } | Self::Timeout { .. } => true,
            Self::Server { status, .. } => matches!(status, 500 | 502 | 503 | 504),
            _ => false,
        }
    }

    /// Whether the system may have stored the upload although atsdrop could not read its
    /// answer: the whole body was sent and then the connection broke or timed out, the system
    /// answered with a success atsdrop could not understand (or a web page, or far too much),
    /// or with an error that does not say the file was refused.
    #[must_use]
    pub fn outcome_unknown(&self) -> bool {
        matches!(
            self,
            Self::Network {
                body_sent: true,
                ..
            } | Self::Timeout {
                body_sent: true,
                ..
            } | Self::InvalidResponse { .. }
                | Self::MaybeStored { .. }
                | Self::WebPage { .. }
                | Self::AnswerTooLarge { .. }
        )
    }

    /// Whether the credentials were refused (exit code 3 on the command line).
    #[must_use]
    pub fn is_auth(&self) -> bool {
        matches!(self, Self::Auth { .. })
    }
}

#[allow(clippy::ref_option)] // Called from `#[error]` format arguments, which pass references.
fn detail(message: &Option<String>) -> String {
    match message.as_deref().map(str::trim) {
        Some(m) if !m.is_empty() => format!(" (\u{201c}{}\u{201d})", m.trim_end_matches('.')),
        _ => String::new(),
    }
}

fn retry_phrase(after: Option<Duration>) -> String {
    match after {
        Some(d) => format!("in {}", human_duration(d)),
        None => "in a moment".to_owned(),
    }
}

fn display_name(path: &std::path::Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_read_well() {
        let e = ProviderError::RateLimited {
            system: ProviderId::Truto,
            retry_after: Some(Duration::from_secs(10)),
        };
        assert_eq!(
            e.to_string(),
            "Truto asked atsdrop to slow down; try again in 10 s."
        );
        let e = ProviderError::Auth {
            system: ProviderId::Kombo,
            message: Some("Invalid API key.".into()),
        };
        assert_eq!(
            e.to_string(),
            "Kombo did not accept the credentials (\u{201c}Invalid API key\u{201d}): check the API key in the connection settings."
        );
        assert!(e.is_auth());
        assert!(!e.is_transient());
    }
}
