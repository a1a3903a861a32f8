//! Intake of a submitted batch: decides each file against the journal, then registers its jobs.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::AtomicU64;

use tokio_util::sync::CancellationToken;

use super::{job_from_entry, new_ctx, register_batch, with_journal};
use crate::providers;
use crate::upload::account::Account;
use crate::upload::engine::{Job, Shared};
use crate::upload::fingerprint;
use crate::upload::journal::{FileEntry, JournalState, Mtime, Record, now};
use crate::upload::progress::SpeedMeter;
use crate::upload::types::{BatchId, BatchSpec, FileId, FileSpec, FileState, Outcome};

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
    journal: &crate::upload::journal::Journal,
    connection: &Account,
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

pub(super) async fn submit(shared: &Arc<Shared>, id: BatchId, spec: BatchSpec) {
    let BatchSpec {
        connection,
        source,
        target,
        candidate_name,
        files,
    } = spec;
    let connection_ref = shared.prints.account(&connection, source);
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
