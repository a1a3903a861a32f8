//! The interrupted queue: counts orphaned jobs, and takes them over on resume.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use super::{job_from_entry, new_ctx, register_batch, warn, with_journal};
use crate::providers::{self, UploadTarget};
use crate::upload::engine::{Resolver, Shared};
use crate::upload::events::UploadEvent;
use crate::upload::journal::{FileEntry, Record, now};
use crate::upload::types::{BatchId, FileId};

/// Ids of the jobs this engine already holds.
fn in_memory_ids(shared: &Shared) -> HashSet<FileId> {
    shared.lock_state().jobs.keys().cloned().collect()
}

pub(super) async fn resume(shared: &Arc<Shared>, resolve: &Resolver) {
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

pub(super) async fn check_interrupted(shared: &Arc<Shared>) {
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
