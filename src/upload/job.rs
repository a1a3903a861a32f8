//! One file's job in the engine's memory: its journal entry (file and [`Life`], changed only by
//! applying the records the engine writes) and what only this process needs (progress,
//! cancellation, what to show).

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use tokio_util::sync::CancellationToken;

use super::journal::{FileEntry, Record};
use super::lifecycle::Life;
use super::progress::SpeedMeter;
use super::types::{BatchId, FileId, FileState, Outcome};

/// One file's job.
pub(crate) struct Job {
    /// The file as queued and its lifecycle, as the journal has them.
    pub entry: FileEntry,
    /// The batch it runs in now: its own, or the later one that took it over.
    batch: BatchId,
    /// What to show: the lifecycle's state, or a finer one while it runs (verifying…).
    pub state: FileState,
    /// Bytes of the current attempt that went out.
    pub sent: Arc<AtomicU64>,
    pub meter: SpeedMeter,
    /// Bytes last reported in a progress event.
    pub reported: u64,
    pub cancel: CancellationToken,
    /// The sentence shown with its state.
    pub message: Option<crate::i18n::Text>,
    /// The system's attachment id, once known.
    pub attachment_id: Option<String>,
    /// Whether this job counts in the engine's number of running uploads.
    pub counted: bool,
    /// Taken over only to look again whether an accepted upload arrived (resume): never sent
    /// again by this engine without the user's Retry.
    pub recheck_only: bool,
}

impl Job {
    /// The job for a journal entry, running in `batch` (the only way one is made).
    pub fn new(entry: FileEntry, batch: BatchId) -> Self {
        let (message, attachment_id) = entry
            .life
            .end()
            .map(|e| {
                (
                    e.message.clone().map(crate::i18n::Text::verbatim),
                    e.attachment_id.clone(),
                )
            })
            .unwrap_or_default();
        Self {
            state: entry.life.file_state(),
            entry,
            batch,
            sent: Arc::new(AtomicU64::new(0)),
            meter: SpeedMeter::default(),
            reported: 0,
            cancel: CancellationToken::new(),
            message,
            attachment_id,
            counted: false,
            recheck_only: false,
        }
    }

    /// Its id.
    pub fn id(&self) -> &FileId {
        &self.entry.file
    }

    /// The batch it runs in.
    pub fn batch(&self) -> &BatchId {
        &self.batch
    }

    /// Its lifecycle.
    pub fn life(&self) -> &Life {
        &self.entry.life
    }

    /// How its last attempt ended, if it ended.
    pub fn outcome(&self) -> Option<Outcome> {
        self.entry.life.end().map(|e| e.outcome)
    }

    /// Applies a record the engine wrote about it (the same step the journal's replay takes).
    pub fn apply(&mut self, record: &Record) {
        self.entry.apply(record);
    }

    /// Queues it again with `entry` (the journal's, after the reopen or claim that hands it to
    /// this engine): a fresh start for what only this process tracks.
    pub fn requeue(&mut self, entry: FileEntry) {
        self.entry = entry;
        self.state = FileState::Queued;
        self.sent.store(0, Ordering::Relaxed);
        self.meter = SpeedMeter::default();
        self.reported = 0;
        self.cancel = CancellationToken::new();
        self.message = None;
        self.recheck_only = false;
    }
}
