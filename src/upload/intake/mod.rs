//! Takes submissions, resumptions and manual retries in order: records them in the journal
//! first, then starts their jobs.

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use tokio::sync::mpsc;
use tokio_util::sync::CancellationToken;

use super::engine::{BatchCtx, Job, Resolver, Shared};
use super::events::UploadEvent;
use super::fingerprint;
use super::journal::{FileEntry, Journal, JournalError, JournalState, Mtime, Record, now};
use super::progress::SpeedMeter;
use super::types::{BatchId, BatchSpec, ConnectionRef, FileId, FileSpec, FileState, Outcome};
use crate::providers::{self, UploadTarget};

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
            format!("atsdrop ran into an internal error ({error}); report it if it happens again."),
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

/// What to do with one submitted file.
enum Decision {
    New {
        id: FileId,
        size: u64,
        mtime: Option<Mtime>,
    },
    Adopt {
        entry: Box<FileEntry>,
        was_in_flight: bool,
    },
    Skip {
        id: FileId,
        size: u64,
        mtime: Option<Mtime>,
        reason: String,
    },
    Fail {
        id: FileId,
        reason: String,
    },
}

#[derive(Clone)]
struct Stat {
    spec: FileSpec,
    path: PathBuf,
    result: Result<(u64, Option<Mtime>), String>,
}

fn stat_all(files: Vec<FileSpec>) -> Vec<Stat> {
    files
        .into_iter()
        .map(|spec| {
            let path = std::fs::canonicalize(&spec.path).unwrap_or_else(|_| spec.path.clone());
            let result = fingerprint::stat(&path).map_err(|e| match e.kind() {
                std::io::ErrorKind::NotFound => {
                    format!("{} no longer exists: add it again if it moved.", spec.name)
                }
                _ => format!(
                    "{} can't be read ({e}): check the file and try again.",
                    spec.name
                ),
            });
            Stat { spec, path, result }
        })
        .collect()
}

/// What this engine holds in memory about a job.
#[derive(Clone, Copy)]
struct InMemory {
    /// It reached a final state (it may be submitted again, or retried).
    finished: bool,
    /// An earlier attempt may have arrived.
    verify_first: bool,
}

fn decide(
    state: &JournalState,
    journal: &super::journal::Journal,
    connection: &ConnectionRef,
    candidate: &str,
    stat: &Stat,
    in_memory: &dyn Fn(&FileId) -> Option<InMemory>,
) -> Decision {
    let (size, mtime) = match &stat.result {
        Ok(v) => *v,
        Err(reason) => {
            return Decision::Fail {
                id: FileId::new(),
                reason: reason.clone(),
            };
        }
    };
    let same = |f: &&FileEntry| {
        f.path == stat.path
            && f.size == size
            && f.mtime == mtime
            && f.attachment_type
                .eq_ignore_ascii_case(&stat.spec.attachment_type)
            && state.batches.get(&f.batch).is_some_and(|b| {
                b.candidate_id == candidate && b.connection.same_account(connection)
            })
    };
    let matches: Vec<&FileEntry> = state.files_at(&stat.path).filter(same).collect();
    let name = &stat.spec.name;
    // An unfinished (or unresolved) earlier job for this very file is taken over, never
    // duplicated.
    if let Some(open) = matches.iter().rev().find(|f| {
        f.end
            .as_ref()
            .is_none_or(|e| !e.outcome.delivered() && e.outcome != Outcome::Skipped)
    }) {
        let held = in_memory(&open.file);
        if held.is_some_and(|h| !h.finished) {
            return Decision::Skip {
                id: FileId::new(),
                size,
                mtime,
                reason: format!("{name} is already in the queue."),
            };
        }
        // A file this engine finished (failed, cancelled, unknown) is taken into the new batch;
        // one another live process works on is left to it.
        if open.end.is_none() && open.owner != journal.owner() && journal.owner_alive(&open.owner) {
            return Decision::Skip {
                id: FileId::new(),
                size,
                mtime,
                reason: format!(
                    "{name} is being uploaded by another atsdrop window or command right now."
                ),
            };
        }
        let was_in_flight =
            open.in_flight || open.verify_first || held.is_some_and(|h| h.verify_first);
        return Decision::Adopt {
            entry: Box::new((*open).clone()),
            was_in_flight,
        };
    }
    // The caller's duplicate guard (the file is already on the candidate) — checked after
    // adoption, because the copy it saw may be this very job's, uploaded before a crash.
    if let Some(reason) = &stat.spec.skip_reason {
        return Decision::Skip {
            id: FileId::new(),
            size,
            mtime,
            reason: reason.clone(),
        };
    }
    if !stat.spec.allow_duplicate
        && let Some(done) = matches
            .iter()
            .rev()
            .find(|f| f.end.as_ref().is_some_and(|e| e.outcome.delivered()))
    {
        let at = done.end.as_ref().map_or("", |e| e.at.as_str());
        return Decision::Skip {
            id: FileId::new(),
            size,
            mtime,
            reason: format!(
                "{name} was already uploaded to this candidate ({at}): skipped so it is not stored twice."
            ),
        };
    }
    Decision::New {
        id: FileId::new(),
        size,
        mtime,
    }
}

async fn submit(shared: &Arc<Shared>, id: BatchId, spec: BatchSpec) {
    let BatchSpec {
        connection,
        connection_ref,
        target,
        candidate_name,
        files,
    } = spec;
    let client = providers::connect(&connection).map_err(|e| e.to_string());
    if let Ok(client) = &client {
        // The newest credentials for this account: retries of earlier batches use them too.
        shared.set_client(&connection_ref, Arc::clone(client));
    }
    let ctx = new_ctx(
        shared,
        id.clone(),
        connection_ref.clone(),
        target.clone(),
        candidate_name.clone(),
        client,
    );
    let specs = files.clone();
    let Ok(stats) = tokio::task::spawn_blocking(move || stat_all(files)).await else {
        let stats = specs
            .into_iter()
            .map(|spec| Stat {
                path: spec.path.clone(),
                spec,
                result: Err(String::new()),
            })
            .collect();
        let reason = "Nothing was sent: atsdrop could not read the files.".to_owned();
        register_batch(shared, ctx, unjournaled(stats, &id, &reason)).await;
        return;
    };
    let kept = stats.clone();
    let in_memory = in_memory_jobs(shared);
    let owner = shared.journal.owner().to_owned();
    let batch_record = Record::Batch {
        batch: id.clone(),
        owner: owner.clone(),
        at: now(),
        connection: connection_ref.clone(),
        candidate_id: target.candidate_id.clone(),
        candidate_name,
        application_id: target.application_id.clone(),
    };
    let batch_id = id.clone();
    let decided = with_journal(shared, move |journal| {
        let replayed = journal.read()?;
        let decisions: Vec<(Stat, Decision)> = stats
            .into_iter()
            .map(|s| {
                let d = decide(
                    &replayed,
                    journal,
                    &connection_ref,
                    &target.candidate_id,
                    &s,
                    &|f| in_memory.get(f).copied(),
                );
                (s, d)
            })
            .collect();
        let mut records = vec![batch_record];
        records.extend(
            decisions
                .iter()
                .flat_map(|(stat, d)| records_for(&batch_id, &owner, stat, d)),
        );
        journal.append_all(&records)?;
        Ok(decisions)
    })
    .await;
    let jobs = match decided {
        Ok(decisions) => decisions
            .into_iter()
            .map(|(s, d)| job_for(s, d, &id))
            .collect(),
        // Nothing is sent without its journal record (a crash could not finish it): every
        // file fails with the reason, and the batch still finishes.
        Err(e) => unjournaled(kept, &id, &format!("Nothing was sent: {e}")),
    };
    register_batch(shared, ctx, jobs).await;
}

/// Jobs for files that could not be journaled: failed with `reason`, nothing sent. A retry
/// journals them first.
fn unjournaled(
    stats: Vec<Stat>,
    batch: &BatchId,
    reason: &str,
) -> Vec<(Job, Option<(Outcome, String)>)> {
    stats
        .into_iter()
        .map(|stat| {
            let (size, mtime) = stat.result.clone().unwrap_or((0, None));
            let decision = Decision::Fail {
                id: FileId::new(),
                reason: reason.to_owned(),
            };
            let (mut job, end) = job_for(stat, decision, batch);
            job.size = size;
            job.mtime = mtime;
            (job, end)
        })
        .collect()
}

/// The journal records for one file's decision.
fn records_for(batch: &BatchId, owner: &str, stat: &Stat, decision: &Decision) -> Vec<Record> {
    let file_record = |file: &FileId, size: u64, mtime: Option<Mtime>| Record::File {
        file: file.clone(),
        batch: batch.clone(),
        path: stat.path.clone(),
        name: stat.spec.name.clone(),
        size,
        mtime,
        content_type: stat.spec.content_type.clone(),
        attachment_type: stat.spec.attachment_type.clone(),
        remote_id: stat.spec.remote_id.clone(),
    };
    let end = |file: &FileId, outcome: Outcome, reason: &str| Record::End {
        file: file.clone(),
        outcome,
        at: now(),
        attachment_id: None,
        message: Some(reason.to_owned()),
        unsettled: Some(false),
    };
    match decision {
        Decision::New { id, size, mtime } => vec![file_record(id, *size, *mtime)],
        Decision::Adopt {
            entry,
            was_in_flight,
        } if entry.end.is_some() => vec![Record::Reopen {
            file: entry.file.clone(),
            owner: owner.to_owned(),
            at: now(),
            verify_first: Some(*was_in_flight),
        }],
        Decision::Adopt { entry, .. } => vec![Record::Claim {
            file: entry.file.clone(),
            owner: owner.to_owned(),
            at: now(),
        }],
        Decision::Skip {
            id,
            size,
            mtime,
            reason,
        } => {
            vec![
                file_record(id, *size, *mtime),
                end(id, Outcome::Skipped, reason),
            ]
        }
        Decision::Fail { id, reason } => {
            vec![file_record(id, 0, None), end(id, Outcome::Failed, reason)]
        }
    }
}

/// A batch's shared context.
fn new_ctx(
    shared: &Shared,
    id: BatchId,
    connection_ref: ConnectionRef,
    target: UploadTarget,
    candidate_name: Option<String>,
    client: Result<Arc<dyn crate::providers::AtsClient>, String>,
) -> Arc<BatchCtx> {
    Arc::new(BatchCtx {
        id,
        lane: shared.lane(&connection_ref),
        connection_ref,
        target,
        candidate_name,
        client,
        baseline: tokio::sync::OnceCell::new(),
        files: Mutex::new(Vec::new()),
        meter: Mutex::new(SpeedMeter::default()),
        reported: AtomicBool::new(false),
    })
}

/// Ids of the jobs this engine already holds.
fn in_memory_ids(shared: &Shared) -> HashSet<FileId> {
    shared.lock_state().jobs.keys().cloned().collect()
}

/// The jobs this engine already holds, and whether each has finished.
fn in_memory_jobs(shared: &Shared) -> HashMap<FileId, InMemory> {
    shared
        .lock_state()
        .jobs
        .iter()
        .map(|(id, job)| {
            (
                id.clone(),
                InMemory {
                    finished: job.state.is_final(),
                    verify_first: job.verify_first,
                },
            )
        })
        .collect()
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

async fn warn(shared: &Shared, message: String) {
    shared.emit(UploadEvent::Warning { message }).await;
}

/// A job from a decision, and whether it should run.
fn job_for(stat: Stat, decision: Decision, batch: &BatchId) -> (Job, Option<(Outcome, String)>) {
    let spec = stat.spec;
    let base = |id: FileId, size: u64, mtime: Option<Mtime>| Job {
        id,
        batch: batch.clone(),
        path: stat.path.clone(),
        name: spec.name.clone(),
        content_type: spec.content_type.clone(),
        attachment_type: spec.attachment_type.clone(),
        remote_id: spec.remote_id.clone(),
        size,
        mtime,
        sha256: None,
        fingerprint: None,
        state: FileState::Queued,
        attempts: 0,
        verify_first: false,
        sending: false,
        seen_before: None,
        sent: Arc::new(AtomicU64::new(0)),
        meter: SpeedMeter::default(),
        reported: 0,
        cancel: CancellationToken::new(),
        message: None,
        attachment_id: None,
        counted: false,
        outcome: None,
    };
    match decision {
        Decision::New { id, size, mtime } => (base(id, size, mtime), None),
        Decision::Adopt {
            entry,
            was_in_flight,
        } => {
            let mut job = job_from_entry(&entry, batch);
            job.verify_first = was_in_flight;
            (job, None)
        }
        Decision::Skip {
            id,
            size,
            mtime,
            reason,
        } => (base(id, size, mtime), Some((Outcome::Skipped, reason))),
        Decision::Fail { id, reason } => (base(id, 0, None), Some((Outcome::Failed, reason))),
    }
}

fn job_from_entry(entry: &FileEntry, batch: &BatchId) -> Job {
    Job {
        id: entry.file.clone(),
        batch: batch.clone(),
        path: entry.path.clone(),
        name: entry.name.clone(),
        content_type: entry.content_type.clone(),
        attachment_type: entry.attachment_type.clone(),
        remote_id: entry.remote_id.clone(),
        size: entry.size,
        mtime: entry.mtime,
        sha256: entry.sha256.clone(),
        fingerprint: entry.xxh3,
        state: FileState::Queued,
        attempts: entry.attempts,
        verify_first: entry.in_flight || entry.verify_first,
        sending: false,
        seen_before: entry.seen_before,
        sent: Arc::new(AtomicU64::new(0)),
        meter: SpeedMeter::default(),
        reported: 0,
        cancel: CancellationToken::new(),
        message: None,
        attachment_id: None,
        counted: false,
        outcome: None,
    }
}

/// Puts a batch's jobs in memory, announces them, and starts those that should run.
async fn register_batch(
    shared: &Arc<Shared>,
    ctx: Arc<BatchCtx>,
    jobs: Vec<(Job, Option<(Outcome, String)>)>,
) {
    let mut queued_events = Vec::new();
    let mut to_run = Vec::new();
    let mut ended = Vec::new();
    {
        let mut state = shared.lock_state();
        if let Ok(mut files) = ctx.files.lock() {
            files.extend(jobs.iter().map(|(j, _)| j.id.clone()));
        }
        state.batches.insert(ctx.id.clone(), Arc::clone(&ctx));
        for (job, end) in jobs {
            // A finished job taken into this batch leaves its old one.
            if let Some(old) = state.jobs.get(&job.id).map(|j| j.batch.clone())
                && old != ctx.id
                && let Some(old_ctx) = state.batches.get(&old)
                && let Ok(mut files) = old_ctx.files.lock()
            {
                files.retain(|f| f != &job.id);
            }
            queued_events.push(UploadEvent::Queued {
                batch: ctx.id.clone(),
                file: job.id.clone(),
                name: job.name.clone(),
                path: job.path.clone(),
                size: job.size,
                attachment_type: job.attachment_type.clone(),
                attachment_label: ctx
                    .connection_ref
                    .provider
                    .profile()
                    .attachment_label(&job.attachment_type)
                    .to_owned(),
                candidate_id: ctx.target.candidate_id.clone(),
                candidate_name: ctx.candidate_name.clone(),
                connection: ctx.connection_ref.label(),
            });
            match end {
                Some((outcome, message)) => ended.push((job.id.clone(), outcome, message)),
                None => to_run.push(job.id.clone()),
            }
            state.jobs.insert(job.id.clone(), job);
        }
    }
    for event in queued_events {
        shared.emit(event).await;
    }
    // Skips and failures decided at intake are already in the journal: report them.
    for (file, outcome, message) in ended {
        shared
            .set_state(&file, outcome.state(), Some(message), None)
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

async fn resume(shared: &Arc<Shared>, resolve: &Resolver) {
    let in_memory = in_memory_ids(shared);
    let owner = shared.journal.owner().to_owned();
    let claimed = with_journal(shared, move |journal| {
        let (state, orphans) = journal.orphans()?;
        let orphans: Vec<FileId> = orphans
            .into_iter()
            .filter(|f| !in_memory.contains(f))
            .collect();
        let records: Vec<Record> = orphans
            .iter()
            .map(|f| Record::Claim {
                file: f.clone(),
                owner: owner.clone(),
                at: now(),
            })
            .collect();
        journal.append_all(&records)?;
        Ok((state, orphans))
    })
    .await;
    let (state, orphans) = match claimed {
        Ok(v) => v,
        Err(e) => {
            warn(
                shared,
                format!("The interrupted uploads could not be resumed: {e}"),
            )
            .await;
            shared
                .emit(UploadEvent::Resumed {
                    batches: Vec::new(),
                    files: 0,
                })
                .await;
            return;
        }
    };
    let mut by_batch: HashMap<BatchId, Vec<FileEntry>> = HashMap::new();
    for entry in orphans.iter().filter_map(|id| state.file(id)) {
        if state.batches.contains_key(&entry.batch) {
            by_batch
                .entry(entry.batch.clone())
                .or_default()
                .push(entry.clone());
        }
    }
    let mut batches: Vec<_> = by_batch.into_iter().collect();
    batches.sort_by(|a, b| a.0.cmp(&b.0));
    // Announce first: a caller waiting for the batches knows which `BatchFinished` to expect.
    let resumed = batches.iter().map(|(b, _)| b.clone()).collect();
    let files = batches.iter().map(|(_, e)| e.len()).sum();
    shared
        .emit(UploadEvent::Resumed {
            batches: resumed,
            files,
        })
        .await;
    for (batch_id, entries) in batches {
        let Some(batch) = state.batches.get(&batch_id) else {
            continue;
        };
        let client = resolve(&batch.connection)
            .and_then(|c| providers::connect(&c).map_err(|e| e.to_string()));
        let target = UploadTarget {
            candidate_id: batch.candidate_id.clone(),
            application_id: batch.application_id.clone(),
        };
        let ctx = new_ctx(
            shared,
            batch_id.clone(),
            batch.connection.clone(),
            target,
            batch.candidate_name.clone(),
            client,
        );
        let jobs = entries
            .iter()
            .map(|e| (job_from_entry(e, &batch_id), None))
            .collect();
        register_batch(shared, ctx, jobs).await;
    }
}

async fn check_interrupted(shared: &Arc<Shared>) {
    let in_memory = in_memory_ids(shared);
    let counted = with_journal(shared, move |journal| {
        let (_, orphans) = journal.orphans()?;
        Ok(orphans.iter().filter(|f| !in_memory.contains(f)).count())
    })
    .await;
    match counted {
        Ok(files) => shared.emit(UploadEvent::Interrupted { files }).await,
        Err(e) => warn(shared, format!("The journal could not be read: {e}")).await,
    }
}

/// What a retry found in memory.
struct RetryOf {
    name: String,
    state: FileState,
    verify_first: bool,
    attempts: u32,
    seen_before: Option<u32>,
    /// The records that journal the file, should the journal not know it (its submission
    /// could not be journaled).
    records: Vec<Record>,
    batch: BatchId,
}

/// What the journal says a retry should do.
enum RetryPlan {
    /// Send it (after checking, if `verify_first`).
    Send {
        verify_first: bool,
        attempts: u32,
        seen_before: Option<u32>,
    },
    /// Another process uploaded it meanwhile.
    Delivered {
        outcome: Outcome,
        at: String,
        attachment_id: Option<String>,
    },
    /// Another live process is sending it right now.
    Busy,
}

/// Sends a finished file again — through the journal's claims lock, like a submission: what
/// another process did with it since counts.
async fn retry(shared: &Arc<Shared>, file: &FileId) {
    let Some(of) = retry_of(shared, file) else {
        return;
    };
    let id = file.clone();
    let memory = (of.verify_first, of.attempts, of.seen_before);
    let batch = of.batch.clone();
    let records = of.records.clone();
    let planned = with_journal(shared, move |journal| {
        let (plan, to_write) = plan_retry(journal, &id, memory, &batch, records)?;
        journal.append_all(&to_write)?;
        Ok(plan)
    })
    .await;
    let name = of.name;
    match planned {
        Err(e) => {
            shared
                .set_state(
                    file,
                    of.state,
                    Some(format!("{name} was not sent again: {e}")),
                    None,
                )
                .await;
        }
        Ok(RetryPlan::Busy) => {
            shared
                .set_state(
                    file,
                    of.state,
                    Some(format!(
                        "{name} is being uploaded by another atsdrop window or command right now."
                    )),
                    None,
                )
                .await;
        }
        Ok(RetryPlan::Delivered {
            outcome,
            at,
            attachment_id,
        }) => {
            shared.update_job(file, |job| {
                job.outcome = Some(outcome);
                job.verify_first = false;
            });
            shared
                .set_state(
                    file,
                    outcome.state(),
                    Some(format!(
                        "{name} was uploaded by another atsdrop window or command ({at}): not sent again."
                    )),
                    attachment_id,
                )
                .await;
        }
        Ok(RetryPlan::Send {
            verify_first,
            attempts,
            seen_before,
        }) => {
            shared.update_job(file, |job| {
                job.verify_first = verify_first;
                job.attempts = attempts;
                job.seen_before = seen_before;
                job.cancel = CancellationToken::new();
                job.sent.store(0, Ordering::Relaxed);
                job.reported = 0;
                job.meter = SpeedMeter::default();
                job.state = FileState::Queued;
            });
            shared.set_state(file, FileState::Queued, None, None).await;
            shared.spawn_job(file.clone());
        }
    }
}

/// Decides a retry from the journal (under the claims lock): the plan, and the records to
/// append. `memory` is what this engine knows: (verify first, attempts, count before).
fn plan_retry(
    journal: &Journal,
    id: &FileId,
    memory: (bool, u32, Option<u32>),
    batch: &BatchId,
    records: Vec<Record>,
) -> Result<(RetryPlan, Vec<Record>), JournalError> {
    let (memory_verify, memory_attempts, memory_seen) = memory;
    let owner = journal.owner().to_owned();
    let state = journal.read()?;
    let mut to_write = Vec::new();
    let Some(entry) = state.file(id) else {
        // Never journaled: journal it now, as a fresh job.
        to_write.extend(
            records.into_iter().filter(|r| {
                !matches!(r, Record::Batch { .. }) || !state.batches.contains_key(batch)
            }),
        );
        let plan = RetryPlan::Send {
            verify_first: false,
            attempts: 0,
            seen_before: None,
        };
        return Ok((plan, to_write));
    };
    let plan = match &entry.end {
        Some(end) if end.outcome.delivered() => RetryPlan::Delivered {
            outcome: end.outcome,
            at: end.at.clone(),
            attachment_id: end.attachment_id.clone(),
        },
        None if entry.owner != owner && journal.owner_alive(&entry.owner) => RetryPlan::Busy,
        end => {
            let verify_first = memory_verify || entry.verify_first || entry.in_flight;
            if end.is_some() {
                to_write.push(Record::Reopen {
                    file: id.clone(),
                    owner: owner.clone(),
                    at: now(),
                    verify_first: Some(verify_first),
                });
            } else if entry.owner != owner {
                to_write.push(Record::Claim {
                    file: id.clone(),
                    owner: owner.clone(),
                    at: now(),
                });
            }
            // The journal counts attempts of every process; its count of copies from before
            // the last attempt goes with it.
            let (attempts, seen_before) = if entry.attempts >= memory_attempts {
                (entry.attempts, entry.seen_before)
            } else {
                (memory_attempts, memory_seen)
            };
            RetryPlan::Send {
                verify_first,
                attempts,
                seen_before,
            }
        }
    };
    Ok((plan, to_write))
}

/// What memory knows about a file that may be retried (failed, cancelled or unknown).
fn retry_of(shared: &Shared, file: &FileId) -> Option<RetryOf> {
    let state = shared.lock_state();
    let job = state.jobs.get(file)?;
    if !matches!(
        job.state,
        FileState::Failed | FileState::Cancelled | FileState::OutcomeUnknown
    ) {
        return None;
    }
    let ctx = state.batches.get(&job.batch)?;
    let owner = shared.journal.owner().to_owned();
    let records = vec![
        Record::Batch {
            batch: ctx.id.clone(),
            owner,
            at: now(),
            connection: ctx.connection_ref.clone(),
            candidate_id: ctx.target.candidate_id.clone(),
            candidate_name: ctx.candidate_name.clone(),
            application_id: ctx.target.application_id.clone(),
        },
        Record::File {
            file: job.id.clone(),
            batch: ctx.id.clone(),
            path: job.path.clone(),
            name: job.name.clone(),
            size: job.size,
            mtime: job.mtime,
            content_type: job.content_type.clone(),
            attachment_type: job.attachment_type.clone(),
            remote_id: job.remote_id.clone(),
        },
    ];
    Some(RetryOf {
        name: job.name.clone(),
        state: job.state,
        verify_first: job.verify_first || job.state == FileState::OutcomeUnknown,
        attempts: job.attempts,
        seen_before: job.seen_before,
        records,
        batch: ctx.id.clone(),
    })
}

async fn mark_uploaded(shared: &Arc<Shared>, file: &FileId) {
    let unknown = shared
        .lock_state()
        .jobs
        .get(file)
        .is_some_and(|j| j.state == FileState::OutcomeUnknown);
    if unknown {
        shared
            .finish(
                file,
                Outcome::Uploaded,
                None,
                Some("Marked as uploaded by you after checking the candidate.".to_owned()),
            )
            .await;
    }
}
