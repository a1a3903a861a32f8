//! Takes submissions, resumptions and manual retries in order: records them in the journal
//! first, then starts their jobs.

use std::sync::Arc;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};

use tokio::sync::mpsc;

use super::account::Account;
use super::engine::{BatchCtx, Resolver, Shared};
use super::events::UploadEvent;
use super::job::Job;
use super::journal::now;
use super::journal::{Journal, JournalError, Record};
use super::progress::SpeedMeter;
use super::takeover::{Check, Handover};
use super::types::{BatchId, BatchSpec, FileId};
use crate::providers::UploadTarget;

mod orphans;
mod reopen;
mod submit;

use orphans::{check_interrupted, resume};
use reopen::{mark_uploaded, retry};
use submit::submit;

/// Work for the intake task.
pub(crate) enum Request {
    /// A new batch.
    Submit(BatchId, Box<BatchSpec>),
    /// Take over orphaned jobs.
    Resume(Resolver),
    /// Send a finished file again.
    Retry(FileId),
    /// The user says an unknown outcome did arrive.
    MarkUploaded(FileId),
    /// Count orphans without claiming them.
    CheckInterrupted,
}

/// Handles requests one at a time, in order. Each runs as its own task, awaited: a bug that
/// panics in one is reported and the next request is still handled — and a submitted batch
/// still finishes.
pub(crate) async fn run(shared: Arc<Shared>, mut requests: mpsc::UnboundedReceiver<Request>) {
    while let Some(request) = requests.recv().await {
        let submitted = match &request {
            Request::Submit(id, _) => Some(id.clone()),
            _ => None,
        };
        let handler = {
            let shared = Arc::clone(&shared);
            async move {
                match request {
                    Request::Submit(id, spec) => submit(&shared, id, *spec).await,
                    Request::Resume(resolve) => resume(&shared, &resolve).await,
                    Request::Retry(file) => retry(&shared, &file).await,
                    Request::MarkUploaded(file) => mark_uploaded(&shared, &file).await,
                    Request::CheckInterrupted => check_interrupted(&shared).await,
                }
            }
        };
        let Err(error) = shared.runtime.spawn(handler).await else {
            continue;
        };
        tracing::error!("an upload request failed: {error}");
        warn(
            &shared,
            crate::text!("engine-request-failed", error = error.to_string()),
        )
        .await;
        // The caller of `submit` waits for its batch to finish.
        if let Some(batch) = submitted
            && !shared.lock_state().batches.contains_key(&batch)
        {
            shared
                .emit(UploadEvent::BatchFinished {
                    batch,
                    summary: super::events::BatchSummary::default(),
                })
                .await;
        }
    }
}

/// A batch's shared context.
fn new_ctx(
    shared: &Shared,
    id: BatchId,
    account: Account,
    target: UploadTarget,
    candidate_name: Option<String>,
    client: Result<Arc<dyn crate::providers::AtsClient>, String>,
) -> Arc<BatchCtx> {
    Arc::new(BatchCtx {
        id,
        lane: shared.lane(&account),
        account,
        target,
        candidate_name,
        client,
        baseline: tokio::sync::OnceCell::new(),
        files: Mutex::new(Vec::new()),
        meter: Mutex::new(SpeedMeter::default()),
        reported: AtomicBool::new(false),
    })
}

/// Runs `f` on the blocking pool while holding the journal's cross-process claims lock.
async fn with_journal<T: Send + 'static>(
    shared: &Shared,
    f: impl FnOnce(&Journal) -> Result<T, JournalError> + Send + 'static,
) -> Result<T, String> {
    let journal = Arc::clone(&shared.journal);
    match tokio::task::spawn_blocking(move || journal.with_claims_lock(|| f(&journal))).await {
        Ok(Ok(Ok(value))) => Ok(value),
        Ok(Ok(Err(e)) | Err(e)) => Err(e.to_string()),
        Err(e) => Err(format!("the journal task failed ({e})")),
    }
}

async fn warn(shared: &Shared, message: crate::i18n::Text) {
    shared.emit(UploadEvent::Warning { message }).await;
}

/// Puts a batch's jobs in memory, announces them, and starts those still waiting (jobs that
/// ended at intake — skipped, failed — are reported as they are).
async fn register_batch(shared: &Arc<Shared>, ctx: Arc<BatchCtx>, jobs: Vec<Job>) {
    let mut queued_events = Vec::new();
    let mut to_run = Vec::new();
    let mut ended = Vec::new();
    {
        let mut state = shared.lock_state();
        if let Ok(mut files) = ctx.files.lock() {
            files.extend(jobs.iter().map(|j| j.id().clone()));
        }
        state.batches.insert(ctx.id.clone(), Arc::clone(&ctx));
        for job in jobs {
            let id = job.id().clone();
            // A finished job taken into this batch leaves its old one.
            if let Some(old) = state.jobs.get(&id).map(|j| j.batch().clone())
                && old != ctx.id
                && let Some(old_ctx) = state.batches.get(&old)
                && let Ok(mut files) = old_ctx.files.lock()
            {
                files.retain(|f| f != &id);
            }
            let entry = &job.entry;
            queued_events.push(UploadEvent::Queued {
                batch: ctx.id.clone(),
                file: id.clone(),
                name: entry.name.clone(),
                path: entry.path.clone(),
                size: entry.size,
                attachment_type: entry.attachment_type.clone(),
                attachment_label: ctx
                    .account
                    .provider
                    .profile()
                    .attachment_label(&entry.attachment_type)
                    .to_owned(),
                candidate_id: ctx.target.candidate_id.clone(),
                candidate_name: ctx.candidate_name.clone(),
                connection: ctx.account.label(),
            });
            match job.life().end() {
                Some(end) => ended.push((
                    id.clone(),
                    end.outcome,
                    end.message.clone().map(crate::i18n::Text::verbatim),
                )),
                None => to_run.push(id.clone()),
            }
            state.jobs.insert(id, job);
        }
    }
    for event in queued_events {
        shared.emit(event).await;
    }
    // Skips and failures decided at intake are already in the journal: report them.
    for (file, outcome, message) in ended {
        shared
            .set_state(&file, outcome.state(), message, None)
            .await;
    }
    if to_run.is_empty() {
        if let Some(first) = ctx.files.lock().ok().and_then(|f| f.first().cloned()) {
            shared.check_batch_done(&first).await;
        } else if !ctx.reported.swap(true, Ordering::AcqRel) {
            shared
                .emit(UploadEvent::BatchFinished {
                    batch: ctx.id.clone(),
                    summary: super::events::BatchSummary::default(),
                })
                .await;
        }
    }
    for file in to_run {
        shared.spawn_job(file);
    }
}

/// The record that hands an earlier job to this engine (per the takeover decision).
pub(super) fn handover_records(
    file: &FileId,
    handover: Handover,
    check: Check,
    owner: &str,
) -> Vec<Record> {
    match handover {
        Handover::None => Vec::new(),
        Handover::Claim => vec![Record::Claim {
            file: file.clone(),
            owner: owner.to_owned(),
            at: now(),
        }],
        Handover::Reopen => vec![Record::Reopen {
            file: file.clone(),
            owner: owner.to_owned(),
            at: now(),
            verify_first: Some(check != Check::None),
        }],
    }
}
