//! Ids, job descriptions and states the engine, its journal and its callers share.

use std::fmt;
use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use super::account::Source;
use crate::providers::{Connection, UploadTarget};

/// Identifies a batch (one submission to one candidate). Stable across restarts.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct BatchId(pub String);

/// Identifies one file's upload job. Stable across restarts; also the file's idempotency key.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct FileId(pub String);

impl BatchId {
    /// A fresh id.
    #[must_use]
    pub fn new() -> Self {
        Self(format!("b-{}", uuid::Uuid::new_v4().simple()))
    }
}

impl Default for BatchId {
    fn default() -> Self {
        Self::new()
    }
}

impl FileId {
    /// A fresh id.
    #[must_use]
    pub fn new() -> Self {
        Self(uuid::Uuid::new_v4().to_string())
    }
}

impl Default for FileId {
    fn default() -> Self {
        Self::new()
    }
}

impl fmt::Display for FileId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Display for BatchId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// One file to upload, as a caller describes it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileSpec {
    /// Where the file is.
    pub path: PathBuf,
    /// The name to send.
    pub name: String,
    /// The MIME type to send.
    pub content_type: String,
    /// The system's attachment type (wire value).
    pub attachment_type: String,
    /// Endorsed: the attachment's id in the originating system.
    pub remote_id: Option<String>,
    /// Send even if the journal says this file already went to this candidate.
    pub allow_duplicate: bool,
    /// Do not send: record the file as skipped with this reason (the caller's duplicate guard).
    pub skip_reason: Option<String>,
    /// Size and modification time when the caller checked the file: a file that differs at
    /// submission is refused (what was checked is not what would be sent).
    pub checked_as: Option<(u64, Option<std::time::SystemTime>)>,
    /// For a fixed copy: the files it was made from.
    pub made_from: Vec<Original>,
    /// For a mail's attachment: the mail it came from.
    pub from_mail: Option<MailOrigin>,
}

/// The e-mail an attachment was taken from (kept in the journal and the history next to the
/// file sent).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MailOrigin {
    /// The mail's file name (`Sollicitatie.eml`).
    pub mail: String,
    /// Its subject.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject: Option<String>,
    /// When it was sent (RFC 3339).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Who sent it ("Anna Jansen <anna@example.com>").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sender: Option<String>,
}

/// A file a fixed copy was made from (kept in the journal and the history next to the copy
/// sent).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Original {
    /// Its file name.
    pub name: String,
    /// Hex sha256 of its content.
    pub sha256: String,
}

/// A batch of files for one candidate of one account.
#[derive(Clone, Debug)]
pub struct BatchSpec {
    /// The connection, secret included (kept in memory only).
    pub connection: Connection,
    /// Where the connection came from: with it, the engine makes the batch's
    /// [`Account`](super::Account).
    pub source: Source,
    /// The candidate (and, for Kombo, optionally an application).
    pub target: UploadTarget,
    /// The candidate's name, for history and messages.
    pub candidate_name: Option<String>,
    /// The files.
    pub files: Vec<FileSpec>,
}

/// Where a file's upload stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FileState {
    /// Waiting for its turn.
    Queued,
    /// Being sent.
    Uploading,
    /// Checking with the system whether an upload with an unknown outcome arrived.
    Verifying,
    /// Accepted by a system that stores it later (Onderwijsregio's 202): waiting to see it on
    /// the candidate.
    Accepted,
    /// Stored by the system (confirmed).
    Done,
    /// Could not be sent; the message says why.
    Failed,
    /// Sent, but whether the system stored it is unknown; the user decides.
    OutcomeUnknown,
    /// Not sent on purpose (a duplicate, or already uploaded).
    Skipped,
    /// Cancelled by the user.
    Cancelled,
    /// Accepted, but not seen on the candidate within the time waited: it may come later, or
    /// the system's processing failed. Retry checks again and sends it once more if missing.
    Unconfirmed,
}

impl FileState {
    /// Whether the file will not change state without a user action.
    #[must_use]
    pub fn is_final(self) -> bool {
        matches!(
            self,
            Self::Done
                | Self::Failed
                | Self::OutcomeUnknown
                | Self::Skipped
                | Self::Cancelled
                | Self::Unconfirmed
        )
    }

    /// A short label ("queued", "outcome unknown") in the current language.
    #[must_use]
    pub fn label(self) -> String {
        match self {
            Self::Queued => crate::t!("state-queued"),
            Self::Uploading => crate::t!("state-uploading"),
            Self::Verifying => crate::t!("state-verifying"),
            Self::Accepted => crate::t!("state-accepted"),
            Self::Done => crate::t!("state-done"),
            Self::Failed => crate::t!("state-failed"),
            Self::OutcomeUnknown => crate::t!("state-outcome-unknown"),
            Self::Skipped => crate::t!("state-skipped"),
            Self::Cancelled => crate::t!("state-cancelled"),
            Self::Unconfirmed => crate::t!("state-unconfirmed"),
        }
    }
}

/// How a job ended, as the journal and history record it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// Stored by the system.
    Uploaded,
    /// Accepted for asynchronous processing (Onderwijsregio), without waiting to see it stored
    /// (journals before confirmation existed).
    Accepted,
    /// Failed.
    Failed,
    /// Sent without an answer; may or may not be stored.
    Unknown,
    /// Not sent on purpose.
    Skipped,
    /// Cancelled by the user.
    Cancelled,
    /// Accepted for asynchronous processing, but not seen stored within the time waited.
    Unconfirmed,
}

impl Outcome {
    /// The file state this outcome leaves.
    #[must_use]
    pub fn state(self) -> FileState {
        match self {
            Self::Uploaded | Self::Accepted => FileState::Done,
            Self::Failed => FileState::Failed,
            Self::Unknown => FileState::OutcomeUnknown,
            Self::Skipped => FileState::Skipped,
            Self::Cancelled => FileState::Cancelled,
            Self::Unconfirmed => FileState::Unconfirmed,
        }
    }

    /// Whether the system has (or will have) the file.
    #[must_use]
    pub fn delivered(self) -> bool {
        matches!(self, Self::Uploaded | Self::Accepted)
    }

    /// The word used in `--json` output and CSV.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Uploaded => "uploaded",
            Self::Accepted => "accepted",
            Self::Failed => "failed",
            Self::Unknown => "unknown",
            Self::Skipped => "skipped",
            Self::Cancelled => "cancelled",
            Self::Unconfirmed => "unconfirmed",
        }
    }
}
