//! Intake of a submitted batch: decides each file against the journal (an earlier job of the
//! same file is taken over by the one [`takeover`](crate::upload::takeover) decision, never
//! duplicated), journals the decisions, then registers the jobs.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;

use super::{handover_records, new_ctx, register_batch, with_journal};
use crate::providers;
use crate::upload::account::Account;
use crate::upload::engine::Shared;
use crate::upload::fingerprint;
use crate::upload::job::Job;
use crate::upload::journal::{FileEntry, Journal, JournalState, Mtime, Record, now};
use crate::upload::takeover::{self, Held, Owner, Purpose, Situation, Takeover};
use crate::upload::types::{BatchId, BatchSpec, FileId, FileSpec, Outcome};

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

/// What one submitted file became: the job's id and the records that say so.
struct Decided {
    file: FileId,
    records: Vec<Record>,
}

/// The records of a new job: queued, and ended at once when `end` says why.
fn new_job(
    batch: &BatchId,
    stat: &Stat,
    size: u64,
    mtime: Option<Mtime>,
    end: Option<(Outcome, String)>,
) -> Decided {
    let file = FileId::new();
    let mut records = vec![Record::File {
        file: file.clone(),
        batch: batch.clone(),
        path: stat.path.clone(),
        name: stat.spec.name.clone(),
        size,
        mtime,
        content_type: stat.spec.content_type.clone(),
        attachment_type: stat.spec.attachment_type.clone(),
        remote_id: stat.spec.remote_id.clone(),
        made_from: stat.spec.made_from.clone(),
        from_mail: stat.spec.from_mail.clone(),
    }];
    if let Some((outcome, reason)) = end {
        records.push(Record::End {
            file: file.clone(),
            outcome,
            at: now(),
            attachment_id: None,
            message: Some(reason),
            unsettled: Some(false),
        });
    }
    Decided { file, records }
}

/// Everything a decision about one file looks at.
struct Context<'a> {
    state: &'a JournalState,
    journal: &'a Journal,
    account: &'a Account,
    candidate: &'a str,
    batch: &'a BatchId,
    held: &'a HashMap<FileId, Held>,
}

fn decide(cx: &Context<'_>, stat: &Stat) -> Decided {
    if stat.path.to_str().is_none() {
        // It could be neither journaled nor named to the system: refused alone, the rest go on.
        let shown = Stat {
            path: PathBuf::from(stat.path.to_string_lossy().into_owned()),
            ..stat.clone()
        };
        let reason = format!(
            "{} has characters in its name (or its folder's) that are not valid UTF-8: rename it and add it again.",
            shown.path.display()
        );
        return new_job(cx.batch, &shown, 0, None, Some((Outcome::Failed, reason)));
    }
    let (size, mtime) = match &stat.result {
        Ok(v) => *v,
        Err(reason) => {
            return new_job(
                cx.batch,
                stat,
                0,
                None,
                Some((Outcome::Failed, reason.clone())),
            );
        }
    };
    let skip = |reason: String| {
        new_job(
            cx.batch,
            stat,
            size,
            mtime,
            Some((Outcome::Skipped, reason)),
        )
    };
    if let Some((checked_size, checked_mtime)) = stat.spec.checked_as
        && (checked_size != size || checked_mtime.and_then(Mtime::of) != mtime)
    {
        let reason = format!(
            "{} changed after it was checked: add it again so the version to send is checked.",
            stat.spec.name
        );
        return new_job(cx.batch, stat, size, mtime, Some((Outcome::Failed, reason)));
    }
    let same = |f: &&FileEntry| {
        f.path == stat.path
            && f.size == size
            && f.mtime == mtime
            && f.attachment_type
                .eq_ignore_ascii_case(&stat.spec.attachment_type)
            && cx.state.batches.get(&f.batch).is_some_and(|b| {
                b.candidate_id == cx.candidate && b.connection.same_account(cx.account)
            })
    };
    let matches: Vec<&FileEntry> = cx.state.files_at(&stat.path).filter(same).collect();
    let name = &stat.spec.name;
    // An unfinished (or unresolved) earlier job for this very file is taken over, never
    // duplicated.
    if let Some(open) = matches.iter().rev().find(|f| f.life.is_open()) {
        let profile = cx.account.provider.profile();
        let owner = cx.journal.owner();
        let situation = Situation {
            purpose: Purpose::Submit,
            owner: Owner::of(&open.life.owner, cx.journal),
            held: cx.held.get(&open.file).copied().unwrap_or(Held::No),
            same_account: true,
            idempotency: profile.idempotency,
            can_list: profile.can_list_attachments,
        };
        match takeover::decide(&open.life, situation) {
            Takeover::Take { handover: h, check } => {
                return Decided {
                    file: open.file.clone(),
                    records: handover_records(&open.file, h, check, owner),
                };
            }
            Takeover::AlreadyHere => return skip(format!("{name} is already in the queue.")),
            Takeover::Busy => {
                return skip(format!(
                    "{name} is being uploaded by another atsdrop window or command right now."
                ));
            }
            Takeover::Delivered(_) | Takeover::OtherAccount | Takeover::NothingToDo => {}
        }
    }
    // The caller's duplicate guard (the file is already on the candidate) — checked after
    // adoption, because the copy it saw may be this very job's, uploaded before a crash.
    if let Some(reason) = &stat.spec.skip_reason {
        return skip(reason.clone());
    }
    if !stat.spec.allow_duplicate
        && let Some(done) = matches.iter().rev().find(|f| f.life.delivered())
    {
        let at = done.life.end().map_or("", |e| e.at.as_str());
        return skip(format!(
            "{name} was already uploaded to this candidate ({at}): skipped so it is not stored twice."
        ));
    }
    new_job(cx.batch, stat, size, mtime, None)
}

/// What this engine holds in memory, by job.
fn held_jobs(shared: &Shared) -> HashMap<FileId, Held> {
    shared
        .lock_state()
        .jobs
        .iter()
        .map(|(id, job)| {
            let held = if job.state.is_final() {
                Held::Finished
            } else {
                Held::Running
            };
            (id.clone(), held)
        })
        .collect()
}

pub(super) async fn submit(shared: &Arc<Shared>, id: BatchId, spec: BatchSpec) {
    let BatchSpec {
        connection,
        source,
        target,
        candidate_name,
        files,
    } = spec;
    let account = shared.prints.account(&connection, source);
    let client = providers::connect(&connection).map_err(|e| e.to_string());
    if let Ok(client) = &client {
        // The newest credentials for this account: retries of its earlier batches use them.
        shared.set_client(&account, Arc::clone(client));
    }
    let ctx = new_ctx(
        shared,
        id.clone(),
        account.clone(),
        target.clone(),
        candidate_name.clone(),
        client,
    );
    let owner = shared.journal.owner().to_owned();
    let batch_record = Record::Batch {
        batch: id.clone(),
        owner,
        at: now(),
        connection: account.clone(),
        candidate_id: target.candidate_id.clone(),
        candidate_name,
        application_id: target.application_id.clone(),
    };
    let specs = files.clone();
    let stats = tokio::task::spawn_blocking(move || stat_all(files))
        .await
        .unwrap_or_else(|_| {
            specs
                .into_iter()
                .map(|spec| Stat {
                    path: spec.path.clone(),
                    spec,
                    result: Err("atsdrop could not read the file.".to_owned()),
                })
                .collect()
        });
    let held = held_jobs(shared);
    let batch_id = id.clone();
    let candidate = target.candidate_id.clone();
    let kept = stats.clone();
    let kept_batch = batch_record.clone();
    let owner = shared.journal.owner().to_owned();
    let decided = with_journal(shared, move |journal| {
        let decisions = journal.view(|state, _| {
            let cx = Context {
                state,
                journal,
                account: &account,
                candidate: &candidate,
                batch: &batch_id,
                held: &held,
            };
            stats
                .iter()
                .map(|s| {
                    let decided = decide(&cx, s);
                    let entry = entry_after(state, &decided, journal.owner());
                    (decided, entry)
                })
                .collect::<Vec<_>>()
        })?;
        let mut records = vec![batch_record];
        records.extend(
            decisions
                .iter()
                .flat_map(|(d, _)| d.records.iter().cloned()),
        );
        let written = journal.append_all(&records).map_err(|e| e.to_string());
        let entries: Vec<FileEntry> = decisions.into_iter().filter_map(|(_, e)| e).collect();
        Ok((entries, written))
    })
    .await;
    let jobs = match decided {
        Ok((entries, Ok(()))) => entries
            .into_iter()
            .map(|entry| Job::new(entry, id.clone()))
            .collect(),
        // Nothing is sent without its journal record (a crash could not finish it): every
        // file fails with the reason, and the batch still finishes.
        Ok((entries, Err(e))) => unjournaled(entries, &id, &format!("Nothing was sent: {e}")),
        Err(e) => in_memory_only(
            &kept,
            kept_batch,
            &id,
            &owner,
            &format!("Nothing was sent: {e}"),
        ),
    };
    register_batch(shared, ctx, jobs).await;
}

/// The jobs of a batch whose journal could not even be read: new jobs in memory only, failed
/// with `reason`.
fn in_memory_only(
    stats: &[Stat],
    batch_record: Record,
    batch: &BatchId,
    owner: &str,
    reason: &str,
) -> Vec<Job> {
    let mut empty = JournalState::default();
    empty.apply(batch_record);
    let entries = stats
        .iter()
        .filter_map(|stat| {
            let (size, mtime) = stat.result.clone().unwrap_or((0, None));
            entry_after(&empty, &new_job(batch, stat, size, mtime, None), owner)
        })
        .collect();
    unjournaled(entries, batch, reason)
}

/// The journal entry of a decided job once its records are applied: the earlier entry it
/// takes over, or the new one its `File` record makes (queued by `owner`).
fn entry_after(state: &JournalState, decided: &Decided, owner: &str) -> Option<FileEntry> {
    let mut records = decided.records.iter();
    let mut entry = match state.file(&decided.file) {
        Some(existing) => existing.clone(),
        None => FileEntry::queued(records.next()?, owner)?,
    };
    for record in records {
        entry.apply(record);
    }
    Some(entry)
}

/// Jobs whose records could not be journaled: failed with `reason` (in memory), nothing sent.
/// A retry journals them first.
fn unjournaled(entries: Vec<FileEntry>, batch: &BatchId, reason: &str) -> Vec<Job> {
    entries
        .into_iter()
        .map(|mut entry| {
            if entry.life.end().is_none() {
                let unsettled = entry.life.unsettled_after(Outcome::Failed, false);
                entry.apply(&Record::End {
                    file: entry.file.clone(),
                    outcome: Outcome::Failed,
                    at: now(),
                    attachment_id: None,
                    message: Some(reason.to_owned()),
                    unsettled: Some(unsettled),
                });
            }
            Job::new(entry, batch.clone())
        })
        .collect()
}
