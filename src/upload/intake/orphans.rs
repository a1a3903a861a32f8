//! The interrupted queue: counts orphaned jobs, and takes over those whose account is here.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use super::{handover_records, new_ctx, register_batch, warn, with_journal};
use crate::providers::{self, AtsClient, UploadTarget};
use crate::upload::account::Account;
use crate::upload::engine::{Resolver, Shared};
use crate::upload::events::{UploadEvent, Waiting};
use crate::upload::job::Job;
use crate::upload::journal::{BatchEntry, FileEntry, Journal, Orphans};
use crate::upload::takeover::{self, Held, Owner, Purpose, Situation, Takeover};
use crate::upload::types::{BatchId, FileId};

/// Ids of the jobs this engine already holds.
fn in_memory_ids(shared: &Shared) -> HashSet<FileId> {
    shared.lock_state().jobs.keys().cloned().collect()
}

/// The client for a journaled account, from what `resolve` supplies — only when it is that
/// very account (see [`Account::key`]); otherwise the sentence saying what it needs.
fn client_for(
    shared: &Shared,
    resolve: &Resolver,
    account: &Account,
) -> Result<Arc<dyn AtsClient>, String> {
    let needs = || format!("It needs {}.", account.needs());
    let (connection, origin) = resolve(account).map_err(|e| format!("{e} {}", needs()))?;
    let given = shared.prints.account(&connection, account.source.clone());
    if !origin.may_send(&given, account) {
        return Err(needs());
    }
    providers::connect(&connection).map_err(|e| format!("{e} {}", needs()))
}

pub(super) async fn resume(shared: &Arc<Shared>, resolve: &Resolver) {
    let in_memory = in_memory_ids(shared);
    let Some(state) = read_orphans(shared).await else {
        shared
            .emit(UploadEvent::Resumed {
                batches: Vec::new(),
                files: 0,
                waiting: Vec::new(),
            })
            .await;
        return;
    };
    let mut by_batch: HashMap<BatchId, Vec<FileEntry>> = HashMap::new();
    for entry in state.files.iter().filter(|f| !in_memory.contains(&f.file)) {
        if state.batches.contains_key(&entry.batch) {
            by_batch
                .entry(entry.batch.clone())
                .or_default()
                .push(entry.clone());
        }
    }
    let mut batches: Vec<_> = by_batch.into_iter().collect();
    batches.sort_by(|a, b| a.0.cmp(&b.0));
    let accounts: Vec<Account> = batches
        .iter()
        .filter_map(|(b, _)| state.batches.get(b).map(|e| e.connection.clone()))
        .collect();
    let resolved = resolve_all(shared, resolve, accounts).await;
    let client_of = |account: &Account| {
        resolved.iter().find(|(a, _)| a == account).map_or_else(
            || Err(format!("It needs {}.", account.needs())),
            |(_, c)| c.clone(),
        )
    };
    let mut waiting = Vec::new();
    let mut runnable: Vec<(BatchId, Vec<FileId>, Arc<dyn AtsClient>)> = Vec::new();
    for (batch_id, entries) in batches {
        let Some(batch) = state.batches.get(&batch_id) else {
            continue;
        };
        match client_of(&batch.connection) {
            Ok(client) => runnable.push((
                batch_id,
                entries.iter().map(|e| e.file.clone()).collect(),
                client,
            )),
            Err(reason) => waiting.extend(entries.iter().map(|e| Waiting {
                name: e.name.clone(),
                account: batch.connection.label(),
                reason: format!("{} was not resumed: {reason}", e.name),
            })),
        }
    }
    let wanted: Vec<FileId> = runnable
        .iter()
        .flat_map(|(_, files, _)| files.iter().cloned())
        .collect();
    let claimed = claim(shared, wanted).await;
    let runnable: Vec<_> = runnable
        .into_iter()
        .map(|(b, files, c)| {
            let entries: Vec<FileEntry> = claimed
                .iter()
                .filter(|e| files.contains(&e.file))
                .cloned()
                .collect();
            (b, entries, c)
        })
        .filter(|(_, entries, _)| !entries.is_empty())
        .collect();
    // Announce first: a caller waiting for the batches knows which `BatchFinished` to expect.
    shared
        .emit(UploadEvent::Resumed {
            batches: runnable.iter().map(|(b, _, _)| b.clone()).collect(),
            files: runnable.iter().map(|(_, e, _)| e.len()).sum(),
            waiting,
        })
        .await;
    for (batch_id, entries, client) in runnable {
        if let Some(batch) = state.batches.get(&batch_id) {
            register_resumed(shared, batch, entries, client).await;
        }
    }
}

/// Runs a resumed batch's claimed jobs with the client of its account.
async fn register_resumed(
    shared: &Arc<Shared>,
    batch: &BatchEntry,
    entries: Vec<FileEntry>,
    client: Arc<dyn AtsClient>,
) {
    let target = UploadTarget {
        candidate_id: batch.candidate_id.clone(),
        application_id: batch.application_id.clone(),
    };
    let ctx = new_ctx(
        shared,
        batch.batch.clone(),
        batch.connection.clone(),
        target,
        batch.candidate_name.clone(),
        Ok(client),
    );
    let jobs = entries
        .into_iter()
        .map(|e| {
            // An accepted upload is only looked for again; the user decides any resend.
            let recheck = e.life.awaits_confirmation();
            let mut job = Job::new(e, batch.batch.clone());
            job.recheck_only = recheck;
            job
        })
        .collect();
    register_batch(shared, ctx, jobs).await;
}

/// The journal's orphans, or `None` after saying why they could not be read.
async fn read_orphans(shared: &Arc<Shared>) -> Option<Orphans> {
    match with_journal(shared, Journal::orphans).await {
        Ok(found) => Some(found),
        Err(e) => {
            warn(shared, crate::text!("engine-resume-failed", reason = e)).await;
            None
        }
    }
}

/// The client of each account (asked for once each), off the async threads: a resolver may
/// read the keyring.
async fn resolve_all(
    shared: &Arc<Shared>,
    resolve: &Resolver,
    accounts: Vec<Account>,
) -> Vec<(Account, Resolved)> {
    let shared = Arc::clone(shared);
    let resolve = Arc::clone(resolve);
    tokio::task::spawn_blocking(move || {
        let mut clients: Vec<(Account, Resolved)> = Vec::new();
        for account in accounts {
            if !clients.iter().any(|(a, _)| a == &account) {
                let client = client_for(&shared, &resolve, &account);
                clients.push((account, client));
            }
        }
        clients
    })
    .await
    .unwrap_or_default()
}

/// A client, or the sentence saying what the account needs.
type Resolved = Result<Arc<dyn AtsClient>, String>;

/// Takes over what will run, under the claims lock, by the one takeover decision: a job another
/// process took meanwhile is left to it. Returns the jobs this engine took, as the journal has
/// them after the claims.
async fn claim(shared: &Arc<Shared>, wanted: Vec<FileId>) -> Vec<FileEntry> {
    let claimed = with_journal(shared, move |journal| {
        let orphans = journal.orphans()?;
        let owner = journal.owner().to_owned();
        let mut records = Vec::new();
        let mut taken = Vec::new();
        for entry in orphans.files.iter().filter(|f| wanted.contains(&f.file)) {
            let Some(account) = orphans.batches.get(&entry.batch).map(|b| &b.connection) else {
                continue;
            };
            let profile = account.provider.profile();
            let situation = Situation {
                purpose: Purpose::Resume,
                owner: Owner::Gone,
                held: Held::No,
                // The resolver's connection was checked to be this very account.
                same_account: true,
                idempotency: profile.idempotency,
                can_list: profile.can_list_attachments,
            };
            if let Takeover::Take { handover, check } = takeover::decide(&entry.life, situation) {
                let handed = handover_records(&entry.file, handover, check, &owner);
                let mut entry = entry.clone();
                for record in &handed {
                    entry.apply(record);
                }
                records.extend(handed);
                taken.push(entry);
            }
        }
        journal.append_all(&records)?;
        Ok(taken)
    })
    .await;
    match claimed {
        Ok(taken) => taken,
        Err(e) => {
            warn(shared, crate::text!("engine-resume-failed", reason = e)).await;
            Vec::new()
        }
    }
}

pub(super) async fn check_interrupted(shared: &Arc<Shared>) {
    let in_memory = in_memory_ids(shared);
    let counted = with_journal(shared, move |journal| {
        let orphans = journal.orphans()?;
        Ok(orphans
            .files
            .iter()
            .filter(|f| !in_memory.contains(&f.file))
            .count())
    })
    .await;
    match counted {
        Ok(files) => shared.emit(UploadEvent::Interrupted { files }).await,
        Err(e) => {
            warn(
                shared,
                crate::text!("engine-journal-unreadable", reason = e),
            )
            .await;
        }
    }
}
