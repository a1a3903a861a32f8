//! Reopening finished files: manual retries through the journal, and marking one as uploaded.

use std::sync::Arc;
use std::sync::atomic::Ordering;

use tokio_util::sync::CancellationToken;

use super::with_journal;
use crate::upload::engine::Shared;
use crate::upload::journal::{Journal, JournalError, Record, now};
use crate::upload::progress::SpeedMeter;
use crate::upload::types::{BatchId, FileId, FileState, Outcome};

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
pub(super) async fn retry(shared: &Arc<Shared>, file: &FileId) {
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
            connection: ctx.account.clone(),
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

pub(super) async fn mark_uploaded(shared: &Arc<Shared>, file: &FileId) {
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
