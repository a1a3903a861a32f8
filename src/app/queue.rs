//! The upload queue as the app shows it: engine events folded into one row per file, batch
//! totals, and the controls (cancel, retry, pause/resume, mark as uploaded).

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;
use std::time::Duration;

use crate::upload::{
    Account, BatchId, FileId, FileState, Outcome, SecretOrigin, Source, UploadEvent,
};

use super::App;

/// One file in the queue.
#[derive(Clone, Debug)]
pub struct Row {
    /// The engine's id.
    pub file: FileId,
    /// Its batch.
    pub batch: BatchId,
    /// File name.
    pub name: String,
    /// Where it is.
    pub path: PathBuf,
    /// Size.
    pub size: u64,
    /// The system's attachment type (its wire value).
    pub attachment_type: String,
    /// That type as the system labels it ("Cover letter"), which the queue shows.
    pub attachment_label: String,
    /// The candidate ("Jane Doe" or the id).
    pub candidate: String,
    /// The account ("Spott (Acme)").
    pub connection: String,
    /// State.
    pub state: FileState,
    /// The sentence that goes with the state.
    pub message: Option<String>,
    /// The system's attachment id.
    pub attachment_id: Option<String>,
    /// How it ended.
    pub outcome: Option<Outcome>,
    /// Bytes sent.
    pub sent: u64,
    /// Smoothed speed (bytes/s).
    pub speed: Option<f64>,
    /// Time left.
    pub eta: Option<Duration>,
}

/// How far the unfinished batches are: only files that arrived count as uploaded; failures
/// and unknown outcomes are counted apart and their bytes are not counted as sent.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Progress {
    /// Bytes of the files uploaded, plus the bytes sent so far of those on their way.
    pub sent: u64,
    /// Bytes of every file counted.
    pub total: u64,
    /// Files the system stored.
    pub uploaded: usize,
    /// Files that could not be sent.
    pub failed: usize,
    /// Files sent whose arrival is unknown.
    pub unknown: usize,
    /// Files counted (skipped and cancelled ones are not).
    pub files: usize,
}

impl Progress {
    /// The share of bytes sent, 0–100 (100 when there is nothing to send).
    #[must_use]
    pub fn percent(&self) -> u64 {
        self.sent
            .min(self.total)
            .saturating_mul(100)
            .checked_div(self.total)
            .unwrap_or(100)
    }

    /// "2 of 3 uploaded, 1 failed".
    #[must_use]
    pub fn sentence(&self) -> String {
        let mut parts = vec![crate::t!(
            "queue-progress",
            uploaded = self.uploaded,
            files = self.files
        )];
        if self.failed > 0 {
            parts.push(crate::t!("queue-progress-failed", count = self.failed));
        }
        if self.unknown > 0 {
            parts.push(crate::t!("queue-progress-unknown", count = self.unknown));
        }
        parts.join(", ")
    }
}

/// The queue's state.
#[derive(Default)]
pub struct State {
    /// Files, in queue order.
    pub rows: Vec<Row>,
    index: HashMap<FileId, usize>,
    /// Batches submitted whose files are not all final yet.
    pub active: Vec<BatchId>,
    /// The queue is paused.
    pub paused: bool,
    /// Unfinished uploads of an earlier run, found at start.
    pub interrupted: Option<usize>,
    /// Systems that asked to slow down, with the time (egui) they resume.
    pub lane_pauses: Vec<(String, f64)>,
    /// How the last batch or hand retry ended ("Last batch: 2 uploaded, 1 failed"), shown until
    /// the next one ends.
    pub last_summary: Option<String>,
    /// Files retried by hand after their batch ended: no batch summary will follow, so their
    /// own end is announced.
    retried: HashSet<FileId>,
}

impl State {
    /// Expects a batch just submitted (its events follow).
    pub fn expect_batch(&mut self, batch: BatchId) {
        self.active.push(batch);
    }

    /// Overall progress of the unfinished batches (skipped and cancelled files left out).
    #[must_use]
    pub fn overall(&self) -> Option<Progress> {
        if self.active.is_empty() {
            return None;
        }
        let mut progress = Progress::default();
        for row in self.rows.iter().filter(|r| self.active.contains(&r.batch)) {
            match row.state {
                FileState::Skipped | FileState::Cancelled => continue,
                FileState::Done => {
                    progress.uploaded += 1;
                    progress.sent += row.size;
                }
                FileState::Failed | FileState::Unconfirmed => progress.failed += 1,
                FileState::OutcomeUnknown => progress.unknown += 1,
                FileState::Accepted => progress.sent += row.size,
                FileState::Queued | FileState::Uploading | FileState::Verifying => {
                    progress.sent += row.sent.min(row.size);
                }
            }
            progress.files += 1;
            progress.total += row.size;
        }
        Some(progress)
    }

    /// Whether any file can be retried.
    #[must_use]
    pub fn has_unfinished(&self) -> bool {
        self.rows.iter().any(|r| !r.state.is_final())
    }

    /// Notes a hand retry of `file`, so its end is announced when no batch summary will be.
    pub fn retrying(&mut self, file: &FileId) {
        let batch_running = self
            .index
            .get(file)
            .and_then(|&i| self.rows.get(i))
            .is_some_and(|row| self.active.contains(&row.batch));
        if !batch_running {
            self.retried.insert(file.clone());
        }
    }

    /// The end of a hand retry: a sentence for a toast (and whether it went wrong), or nothing
    /// for a cancel, which the user did themselves.
    fn retry_ended(&mut self, file: &FileId) -> Option<(String, bool)> {
        let row = self.row_mut(file)?;
        let (word, bad) = match row.state {
            FileState::Done => (crate::t!("queue-retry-uploaded"), false),
            FileState::Skipped => (crate::t!("queue-retry-skipped"), false),
            FileState::Failed => (crate::t!("queue-retry-failed"), true),
            FileState::OutcomeUnknown => (crate::t!("queue-retry-unknown"), true),
            FileState::Unconfirmed => (crate::t!("queue-retry-unconfirmed"), true),
            _ => return None,
        };
        let line = format!("{}: {word}", row.name);
        let sentence = match &row.message {
            Some(message) if bad => format!("{line}. {message}"),
            _ => format!("{line}."),
        };
        self.last_summary = Some(crate::t!("queue-retried", line = line));
        Some((sentence, bad))
    }

    /// Folds one engine event in; returns a sentence for a toast when a batch ends.
    pub fn fold(&mut self, event: UploadEvent, now: f64) -> Option<(String, bool)> {
        match event {
            UploadEvent::Queued {
                batch,
                file,
                name,
                path,
                size,
                attachment_type,
                attachment_label,
                candidate_id,
                candidate_name,
                connection,
            } => self.queued(Row {
                file,
                batch,
                name,
                path,
                size,
                attachment_type,
                attachment_label,
                candidate: candidate_name.unwrap_or(candidate_id),
                connection,
                state: FileState::Queued,
                message: None,
                attachment_id: None,
                outcome: None,
                sent: 0,
                speed: None,
                eta: None,
            }),
            UploadEvent::State {
                file,
                state,
                message,
                attachment_id,
                outcome,
                ..
            } => {
                if let Some(row) = self.row_mut(&file) {
                    row.state = state;
                    row.message = message.map(|m| m.to_string());
                    if attachment_id.is_some() {
                        row.attachment_id = attachment_id;
                    }
                    row.outcome = outcome;
                    if state == FileState::Queued || state == FileState::Uploading {
                        row.sent = 0;
                        row.eta = None;
                    }
                }
                if state.is_final() && self.retried.remove(&file) {
                    return self.retry_ended(&file);
                }
            }
            UploadEvent::Progress {
                file,
                sent,
                speed,
                eta,
                ..
            } => {
                if let Some(row) = self.row_mut(&file) {
                    row.sent = sent;
                    row.speed = speed;
                    row.eta = eta;
                }
            }
            // The total bar is summed from the rows: only files that arrived count as uploaded.
            UploadEvent::BatchProgress { .. } => {}
            UploadEvent::BatchFinished { batch, summary } => {
                self.active.retain(|b| b != &batch);
                let failed = summary.failed + summary.unknown > 0;
                let sentence = summary.sentence();
                self.last_summary = Some(crate::t!("queue-last-batch", summary = &sentence));
                return Some((sentence, failed));
            }
            UploadEvent::LanePaused { connection, delay } => {
                self.lane_pauses.retain(|(c, _)| c != &connection);
                self.lane_pauses
                    .push((connection, now + delay.as_secs_f64()));
            }
            UploadEvent::Interrupted { files } => self.interrupted = (files > 0).then_some(files),
            UploadEvent::Resumed { waiting, .. } => {
                self.interrupted = None;
                if let Some(first) = waiting.first() {
                    let message = if waiting.len() == 1 {
                        first.reason.clone()
                    } else {
                        crate::t!(
                            "queue-interrupted-waiting",
                            count = waiting.len(),
                            reason = &first.reason
                        )
                    };
                    return Some((message, true));
                }
            }
            UploadEvent::Warning { message } => return Some((message.to_string(), true)),
        }
        None
    }

    fn queued(&mut self, row: Row) {
        if !self.active.contains(&row.batch) {
            self.active.push(row.batch.clone());
        }
        if let Some(&i) = self.index.get(&row.file) {
            self.rows[i] = row;
        } else {
            self.index.insert(row.file.clone(), self.rows.len());
            self.rows.push(row);
        }
    }

    fn row_mut(&mut self, file: &FileId) -> Option<&mut Row> {
        let i = *self.index.get(file)?;
        self.rows.get_mut(i)
    }

    /// Removes finished files from the list (the history keeps them).
    pub fn clear_finished(&mut self) {
        self.rows.retain(|r| !r.state.is_final());
        self.index = self
            .rows
            .iter()
            .enumerate()
            .map(|(i, r)| (r.file.clone(), i))
            .collect();
    }
}

/// What the queue's views ask for.
#[derive(Clone, Debug)]
pub enum Command {
    /// Cancel one file.
    Cancel(FileId),
    /// Cancel everything unfinished.
    CancelAll,
    /// Stop starting new uploads.
    Pause,
    /// Start again.
    Resume,
    /// Send a failed, cancelled or unknown file again.
    Retry(FileId),
    /// The user checked an unknown outcome arrived.
    MarkUploaded(FileId),
    /// Remove finished rows from the list.
    ClearFinished,
    /// Finish what an earlier run left unfinished.
    ResumeInterrupted,
    /// Not now.
    DismissInterrupted,
}

impl App {
    pub(super) fn apply_queue(&mut self, command: Command) {
        let Some(engine) = self.engine.clone() else {
            return;
        };
        match command {
            Command::Cancel(file) => engine.cancel(&file),
            Command::CancelAll => engine.cancel_all(),
            Command::Pause => {
                engine.pause();
                self.queue.paused = true;
            }
            Command::Resume => {
                engine.resume();
                self.queue.paused = false;
            }
            Command::Retry(file) => {
                self.queue.retrying(&file);
                engine.retry(&file);
            }
            Command::MarkUploaded(file) => engine.mark_uploaded(&file),
            Command::ClearFinished => self.queue.clear_finished(),
            Command::ResumeInterrupted => self.resume_interrupted(),
            Command::DismissInterrupted => self.queue.interrupted = None,
        }
    }

    /// Hands the journal's orphans to the engine with what the app knows: each job gets the
    /// connection it was started from (its live client, else its secret read from the store
    /// when the engine asks, off the UI thread), never another one; the engine checks it is
    /// that very account. Jobs started on the command line are resumed there.
    fn resume_interrupted(&mut self) {
        let Some(engine) = self.engine.clone() else {
            return;
        };
        self.queue.interrupted = None;
        let live: std::collections::HashMap<String, crate::providers::Connection> = self
            .connections
            .live
            .iter()
            .filter_map(|(id, live)| match live {
                super::connections::Live::Ready(r) => Some((id.clone(), r.connection.clone())),
                _ => None,
            })
            .collect();
        let saved: Vec<_> = self
            .connections
            .settings
            .connections
            .iter()
            .map(|p| (p.clone(), self.store_for(p)))
            .collect();
        let sandbox: Vec<crate::providers::Connection> = self
            .connections
            .sandbox
            .iter()
            .filter_map(|e| match &e.kind {
                super::connections::EntryKind::Sandbox(c) => Some(c.clone()),
                super::connections::EntryKind::Saved(_) => None,
            })
            .collect();
        engine.resume_orphans(std::sync::Arc::new(
            move |account: &Account| match &account.source {
                Source::Saved { id, name } => {
                    if let Some(connection) = live.get(id) {
                        return Ok((connection.clone(), SecretOrigin::SavedConnection));
                    }
                    let (profile, store) = saved
                        .iter()
                        .find(|(p, _)| &p.id == id)
                        .ok_or_else(|| crate::t!("queue-connection-removed", name = name))?;
                    let store = store
                        .as_ref()
                        .ok_or_else(|| crate::t!("queue-keyring-closed"))?;
                    match store.get(&profile.id) {
                        Ok(Some(secret)) => {
                            Ok((profile.connection(secret), SecretOrigin::SavedConnection))
                        }
                        Ok(None) => Err(crate::t!("queue-no-secret", name = &profile.name)),
                        Err(e) => Err(e.to_string()),
                    }
                }
                Source::Sandbox => sandbox
                    .iter()
                    .find(|c| c.provider == account.provider)
                    .map(|c| (c.clone(), SecretOrigin::Supplied))
                    .ok_or_else(|| crate::t!("queue-sandbox-not-running")),
                Source::Environment => Err(crate::t!("queue-started-from-cli")),
            },
        ));
    }
}
