//! What the engine tells its caller, through a bounded channel plus a wake-up callback.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use super::types::{BatchId, FileId, FileState};
use crate::i18n::Text;

/// Called after the engine sends events, so a GUI can repaint (egui's `request_repaint`) or a
/// test can count. Must be cheap and must not block.
pub type Wake = Arc<dyn Fn() + Send + Sync>;

/// An interrupted file that was not resumed because nothing here may send it: its saved
/// connection is gone or changed, or (for a job started from the environment) the credential it
/// was started with is not the one given.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Waiting {
    /// The file's name.
    pub name: String,
    /// The account it belongs to ("Spott (Agency A)").
    pub account: String,
    /// One sentence: what it needs to be resumed.
    pub reason: String,
}

/// Something happened to an upload.
#[derive(Clone, Debug, PartialEq)]
pub enum UploadEvent {
    /// A file joined the queue (or was restored from the journal).
    Queued {
        /// Its batch.
        batch: BatchId,
        /// The file.
        file: FileId,
        /// Name sent.
        name: String,
        /// Where it is.
        path: PathBuf,
        /// Size in bytes.
        size: u64,
        /// The system's attachment type (its wire value).
        attachment_type: String,
        /// What the app calls that type ("Cover letter"): the system's own label.
        attachment_label: String,
        /// The candidate's id.
        candidate_id: String,
        /// The candidate's name, when known.
        candidate_name: Option<String>,
        /// The account's label ("Spott (Acme)").
        connection: String,
    },
    /// A file changed state.
    State {
        /// Its batch.
        batch: BatchId,
        /// The file.
        file: FileId,
        /// The new state.
        state: FileState,
        /// A sentence explaining it (failures, skips, unknown outcomes, retries), in any
        /// language.
        message: Option<Text>,
        /// The system's attachment id, when known.
        attachment_id: Option<String>,
        /// How the job ended, when this state is final and came from an attempt (tells an
        /// upload from an asynchronous acceptance).
        outcome: Option<super::Outcome>,
    },
    /// Bytes of a file went out (at most about ten per second per file).
    Progress {
        /// Its batch.
        batch: BatchId,
        /// The file.
        file: FileId,
        /// Bytes sent.
        sent: u64,
        /// File size.
        total: u64,
        /// Smoothed bytes per second.
        speed: Option<f64>,
        /// Time left, once the speed is stable.
        eta: Option<Duration>,
    },
    /// Bytes of a whole batch went out.
    BatchProgress {
        /// The batch.
        batch: BatchId,
        /// Bytes sent (files done count in full).
        sent: u64,
        /// Bytes of all files that are not skipped or cancelled.
        total: u64,
        /// Smoothed bytes per second.
        speed: Option<f64>,
        /// Time left, once the speed is stable.
        eta: Option<Duration>,
    },
    /// Every file of a batch reached a final state.
    BatchFinished {
        /// The batch.
        batch: BatchId,
        /// Counts per outcome.
        summary: BatchSummary,
    },
    /// An account's lane waits because the system asked to slow down.
    LanePaused {
        /// The account's label.
        connection: String,
        /// How long.
        delay: Duration,
    },
    /// [`super::Engine::check_interrupted`] counted the unfinished uploads of runs that ended
    /// without finishing them (crash, `kill -9`, closed laptop).
    Interrupted {
        /// Files waiting to be resumed.
        files: usize,
    },
    /// [`super::Engine::resume_orphans`] has taken over what it found (possibly nothing).
    Resumed {
        /// The batches being finished, each ending with `BatchFinished`.
        batches: Vec<super::BatchId>,
        /// Files taken over.
        files: usize,
        /// Files left waiting, unclaimed and unsent, because the connection they need is not
        /// here (see [`Waiting`]).
        waiting: Vec<Waiting>,
    },
    /// Something the user should know that belongs to no file (the journal could not be
    /// written, …).
    Warning {
        /// The sentence, in any language.
        message: Text,
    },
}

/// How a batch ended.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct BatchSummary {
    /// Stored or accepted.
    pub done: usize,
    /// Failed.
    pub failed: usize,
    /// Outcome unknown.
    pub unknown: usize,
    /// Skipped.
    pub skipped: usize,
    /// Cancelled.
    pub cancelled: usize,
    /// Accepted but not seen stored in time.
    pub unconfirmed: usize,
}

impl BatchSummary {
    /// Files in all.
    #[must_use]
    pub fn total(&self) -> usize {
        self.done + self.failed + self.unknown + self.skipped + self.cancelled + self.unconfirmed
    }

    /// "4 uploaded, 1 failed" — the toast text, in the current language.
    #[must_use]
    pub fn sentence(&self) -> String {
        let parts: Vec<String> = [
            (
                self.done,
                crate::text!("summary-uploaded", count = self.done),
            ),
            (
                self.failed,
                crate::text!("summary-failed", count = self.failed),
            ),
            (
                self.unknown,
                crate::text!("summary-unknown", count = self.unknown),
            ),
            (
                self.skipped,
                crate::text!("summary-skipped", count = self.skipped),
            ),
            (
                self.cancelled,
                crate::text!("summary-cancelled", count = self.cancelled),
            ),
            (
                self.unconfirmed,
                crate::text!("summary-unconfirmed", count = self.unconfirmed),
            ),
        ]
        .into_iter()
        .filter(|(n, _)| *n > 0)
        .map(|(_, text)| text.to_string())
        .collect();
        if parts.is_empty() {
            crate::t!("summary-nothing")
        } else {
            parts.join(", ")
        }
    }
}
