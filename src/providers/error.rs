//! One error type for every system, each variant displayed as one sentence a recruiter
//! understands.

use std::path::PathBuf;
use std::time::Duration;

use crate::i18n::{Arg, Text};
use crate::model::ProviderId;

/// Everything that can go wrong talking to a recruiting system.
#[derive(Clone, Debug)]
pub enum ProviderError {
    /// The credentials were refused (401).
    Auth {
        /// Which system.
        system: ProviderId,
        /// The system's own message, if it sent one.
        message: Option<String>,
    },
    /// The credentials are valid but lack permission (403).
    Forbidden {
        /// Which system.
        system: ProviderId,
        /// The system's own message, if it sent one.
        message: Option<String>,
    },
    /// The candidate, attachment or account does not exist (404).
    NotFound {
        /// Which system.
        system: ProviderId,
        /// What was looked for ("candidate 123").
        what: String,
        /// The system's own message, if it sent one.
        message: Option<String>,
    },
    /// The system refused the request as invalid (400, 405, 409, 411, 415, 422…).
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
    TooLarge {
        /// Which system.
        system: ProviderId,
        /// The system's own message, if it sent one.
        message: Option<String>,
    },
    /// Too many requests (429); try again after the announced delay.
    RateLimited {
        /// Which system.
        system: ProviderId,
        /// How long the system asked to wait, from `Retry-After`.
        retry_after: Option<Duration>,
    },
    /// The system failed (5xx).
    Server {
        /// Which system.
        system: ProviderId,
        /// HTTP status.
        status: u16,
        /// The system's own message, if it sent one.
        message: Option<String>,
    },
    /// The connection failed or broke.
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
    Timeout {
        /// Which system.
        system: ProviderId,
        /// Whether the whole request body had been sent before the time ran out.
        body_sent: bool,
    },
    /// The system's API cannot do this.
    Unsupported {
        /// Which system.
        system: ProviderId,
        /// What was asked ("Listing candidates").
        what: String,
    },
    /// The answer could not be understood.
    InvalidResponse {
        /// Which system.
        system: ProviderId,
        /// What was wrong.
        detail: String,
    },
    /// The system answered an upload with an error that does not say the file was not stored
    /// (it timed out or failed after taking the whole body): it may have it.
    MaybeStored {
        /// Which system.
        system: ProviderId,
        /// The system's own message, if it sent one.
        message: Option<String>,
    },
    /// The answer was larger than atsdrop reads for this request.
    AnswerTooLarge {
        /// Which system.
        system: ProviderId,
        /// The most bytes read.
        limit: u64,
    },
    /// A web page came back where data was expected: a Wi-Fi login page or a proxy is in the
    /// way (or the address is a website's, not the API's).
    WebPage {
        /// Which system.
        system: ProviderId,
    },
    /// A file could not be read while sending it, or changed meanwhile.
    File {
        /// The file.
        path: PathBuf,
        /// What happened, as a phrase.
        reason: String,
    },
    /// An id that no address can carry: `.` and `..` are path steps to a URL (every HTTP
    /// client and proxy resolves them), so a request for it would reach another resource.
    BadId {
        /// Which system.
        system: ProviderId,
        /// The id as given.
        id: String,
    },
    /// The connection settings are unusable (plain http to a remote host, missing id…).
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

impl std::error::Error for ProviderError {}

/// In English: logs, the journal and `--json` output carry it; [`ProviderError::text`] says it
/// in any language.
impl std::fmt::Display for ProviderError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text().english())
    }
}

impl ProviderError {
    /// The sentence, in any language.
    #[must_use]
    pub fn text(&self) -> Text {
        match self {
            Self::Auth { system, message } => {
                crate::text!(
                    "error-auth",
                    system = system.display_name(),
                    detail = detail(message)
                )
            }
            Self::Forbidden { system, message } => crate::text!(
                "error-forbidden",
                system = system.display_name(),
                detail = detail(message)
            ),
            Self::NotFound {
                system,
                what,
                message,
            } => crate::text!(
                "error-not-found",
                system = system.display_name(),
                what = what,
                detail = detail(message)
            ),
            Self::Rejected {
                system, message, ..
            } => crate::text!(
                "error-rejected",
                system = system.display_name(),
                message = message
            ),
            Self::TooLarge { system, message } => crate::text!(
                "error-too-large",
                system = system.display_name(),
                detail = detail(message)
            ),
            Self::RateLimited {
                system,
                retry_after: Some(after),
            } => crate::text!(
                "error-rate-limited-after",
                system = system.display_name(),
                after = Arg::Duration(*after)
            ),
            Self::RateLimited {
                system,
                retry_after: None,
            } => crate::text!("error-rate-limited", system = system.display_name()),
            Self::Server {
                system,
                status,
                message,
            } => crate::text!(
                "error-server",
                system = system.display_name(),
                status = status.to_string(),
                detail = detail(message)
            ),
            Self::Network { system, detail, .. } => crate::text!(
                "error-network",
                system = system.display_name(),
                detail = detail
            ),
            Self::Timeout { system, .. } => {
                crate::text!("error-timeout", system = system.display_name())
            }
            Self::Unsupported { system, what } => crate::text!(
                "error-unsupported",
                system = system.display_name(),
                what = what
            ),
            Self::InvalidResponse { system, detail } => crate::text!(
                "error-invalid-response",
                system = system.display_name(),
                detail = detail
            ),
            Self::MaybeStored { system, message } => crate::text!(
                "error-maybe-stored",
                system = system.display_name(),
                detail = detail(message)
            ),
            Self::AnswerTooLarge { system, limit } => crate::text!(
                "error-answer-too-large",
                system = system.display_name(),
                limit = Arg::Size(*limit)
            ),
            Self::WebPage { system } => {
                crate::text!("error-web-page", system = system.display_name())
            }
            Self::File { path, reason } => {
                crate::text!("error-file", name = display_name(path), reason = reason)
            }
            Self::BadId { system, id } => {
                crate::text!("error-bad-id", system = system.display_name(), id = id)
            }
            Self::Config(sentence) => crate::text!("error-config", sentence = sentence),
        }
    }
}

/// ` (“the system's words”)`, or nothing.
#[allow(clippy::ref_option)]
fn detail(message: &Option<String>) -> String {
    match message.as_deref().map(str::trim) {
        Some(m) if !m.is_empty() => format!(" (\u{201c}{}\u{201d})", m.trim_end_matches('.')),
        _ => String::new(),
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
