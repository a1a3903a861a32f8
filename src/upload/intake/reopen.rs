//! Reopening finished files: manual retries through the journal (the one takeover decision,
//! on the journal's view of the job), and marking one as uploaded.

use std::sync::Arc;

use super::{handover_records, with_journal};
use crate::upload::engine::Shared;
use crate::upload::journal::{EndEntry, FileEntry, Journal, JournalState, Record, now};
use crate::upload::takeover::{self, Held, Owner, Purpose, Situation, Takeover};
use crate::upload::types::{FileId, FileState, Outcome};

/// What a retry found in memory.
struct RetryOf {
    name: String,
    state: FileState,
    /// The records that journal the file, should the journal not know it (its submission
    /// could not be journaled).
    records: Vec<Record>,
}

/// What the journal says a retry should do.
enum RetryPlan {
    /// Send it (the entry is the journal's, after the handover).
    Send(Box<FileEntry>),
    /// Another process uploaded it meanwhile.
    Delivered(Box<FileEntry>, EndEntry),
    /// Another live process is sending it right now.
    Busy,
    /// Nothing to send (it was skipped, or belongs elsewhere).
    Leave,
}

/// Sends a finished file again — through the journal's claims lock, like a submission: what
/// another process did with it since counts.
pub(super) async fn retry(shared: &Arc<Shared>, file: &FileId) {
    let Some(of) = retry_of(shared, file) else {
        return;
    };
    let id = file.clone();
    let records = of.records.clone();
    let planned = with_journal(shared, move |journal| {
        let (plan, to_write) = journal.view(|state, _| plan_retry(journal, state, &id, records))?;
        journal.append_all(&to_write)?;
        Ok(plan)
    })
    .await;
    let name = of.name;
    match planned {
        Err(e) => {
            let message = crate::text!("engine-retry-not-sent", name = &name, reason = e);
            shared.set_state(file, of.state, Some(message), None).await;
        }
        Ok(RetryPlan::Busy) => {
            let message = crate::text!("engine-busy-elsewhere", name = &name);
            shared.set_state(file, of.state, Some(message), None).await;
        }
        Ok(RetryPlan::Leave) => {}
        Ok(RetryPlan::Delivered(entry, end)) => {
            shared.update_job(file, |job| job.entry = *entry);
            let message = crate::text!("engine-uploaded-elsewhere", name = &name, at = &end.at);
            shared
                .set_state(file, end.outcome.state(), Some(message), end.attachment_id)
                .await;
        }
        Ok(RetryPlan::Send(entry)) => {
            shared.update_job(file, |job| job.requeue(*entry));
            shared.set_state(file, FileState::Queued, None, None).await;
            shared.spawn_job(file.clone());
        }
    }
}

/// Decides a retry from the journal's view of the job (under the claims lock): the plan, and
/// the records to write. `records` journal the file should the journal not know it.
fn plan_retry(
    journal: &Journal,
    state: &JournalState,
    id: &FileId,
    records: Vec<Record>,
) -> (RetryPlan, Vec<Record>) {
    let owner = journal.owner();
    let Some(entry) = state.file(id) else {
        // Never journaled: journal it now, as a fresh job queued by this engine.
        let to_write: Vec<Record> = records
            .into_iter()
            .filter(|r| match r {
                Record::Batch { batch, .. } => !state.batches.contains_key(batch),
                _ => true,
            })
            .collect();
        let entry = to_write
            .iter()
            .find_map(|r| FileEntry::queued(r, owner))
            .map_or(RetryPlan::Leave, |e| RetryPlan::Send(Box::new(e)));
        return (entry, to_write);
    };
    let account = state.batches.get(&entry.batch).map(|b| &b.connection);
    let profile = account.map(|a| a.provider.profile());
    let situation = Situation {
        purpose: Purpose::Retry,
        owner: Owner::of(&entry.life.owner, journal),
        held: Held::Finished,
        same_account: account.is_some(),
        idempotency: profile.map_or(crate::model::Idempotency::None, |p| p.idempotency),
        can_list: profile.is_some_and(|p| p.can_list_attachments),
    };
    match takeover::decide(&entry.life, situation) {
        Takeover::Take { handover, check } => {
            let to_write = handover_records(id, handover, check, owner);
            let mut entry = entry.clone();
            for record in &to_write {
                entry.apply(record);
            }
            (RetryPlan::Send(Box::new(entry)), to_write)
        }
        Takeover::Delivered(end) => (
            RetryPlan::Delivered(Box::new(entry.clone()), end),
            Vec::new(),
        ),
        Takeover::Busy => (RetryPlan::Busy, Vec::new()),
        Takeover::AlreadyHere | Takeover::OtherAccount | Takeover::NothingToDo => {
            (RetryPlan::Leave, Vec::new())
        }
    }
}

/// What memory knows about a file that may be retried (failed, cancelled or unknown).
fn retry_of(shared: &Shared, file: &FileId) -> Option<RetryOf> {
    let state = shared.lock_state();
    let job = state.jobs.get(file)?;
    if !matches!(
        job.state,
        FileState::Failed
            | FileState::Cancelled
            | FileState::OutcomeUnknown
            | FileState::Unconfirmed
    ) {
        return None;
    }
    let ctx = state.batches.get(job.batch())?;
    let owner = shared.journal.owner().to_owned();
    let records = vec![
        Record::Batch {
            batch: job.entry.batch.clone(),
            owner,
            at: now(),
            connection: ctx.account.clone(),
            candidate_id: ctx.target.candidate_id.clone(),
            candidate_name: ctx.candidate_name.clone(),
            application_id: ctx.target.application_id.clone(),
        },
        job.entry.file_record(),
    ];
    Some(RetryOf {
        name: job.entry.name.clone(),
        state: job.state,
        records,
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
                Some(crate::text!("engine-marked-uploaded")),
                false,
            )
            .await;
    }
}
