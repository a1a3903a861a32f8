//! The Mutation Engine: accepted mutations are queued, applied one at a time and in order
//! (serialized per Airtable base [doc: D-mut]) once `config.mutation_delay` has passed since
//! their acceptance. An idempotency key is remembered from the moment its mutation is accepted,
//! so a repeat — even before the first was applied — is acknowledged again without queueing a
//! second mutation.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock, Weak};

use tokio::sync::mpsc;
use tokio::time::Instant;

use super::SYSTEM;
use crate::emulator::Shared;
use crate::emulator::store::{StoredAttachment, now_rfc3339};

/// A file validated and waiting to be linked to its candidate.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct NewFile {
    /// `curriculumVitae` or `otherAttachments`.
    pub field: &'static str,
    pub file_name: String,
    pub content_type: String,
    pub size: u64,
    pub sha256: String,
}

/// What a mutation changes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Change {
    /// Append attachments.
    Add(Vec<NewFile>),
    /// Remove attachments by id.
    Remove(Vec<String>),
}

impl Change {
    fn operation(&self) -> &'static str {
        match self {
            Self::Add(_) => "candidates.attachments.add",
            Self::Remove(_) => "candidates.attachments.remove",
        }
    }
}

/// The outcome of submitting a mutation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Submitted {
    /// Queued under this key.
    Queued(String),
    /// The key was seen before for the same operation and candidate: nothing queued.
    Replayed(String),
    /// The key was used before for another operation or candidate.
    Conflict,
    /// The engine is shutting down.
    Unavailable,
}

#[derive(Debug)]
struct Job {
    accepted: Instant,
    /// The mutation fails in the engine (a fault): nothing changes.
    fails: bool,
    tenant: String,
    candidate_id: String,
    change: Change,
}

/// What an idempotency key was used for.
#[derive(Debug)]
struct Receipt {
    operation: &'static str,
    candidate_id: String,
}

/// The queue and the idempotency keys seen, per tenant.
#[derive(Debug, Default)]
pub(super) struct Engine {
    keys: Mutex<HashMap<(String, String), Receipt>>,
    queue: OnceLock<mpsc::UnboundedSender<Job>>,
}

impl Engine {
    /// Accepts a validated mutation: replays a known key, else queues it (generating a key when
    /// the client sent none). Must run inside the server's tokio runtime.
    pub(super) fn submit(
        &self,
        shared: &Arc<Shared>,
        tenant: &str,
        candidate_id: &str,
        key: Option<String>,
        change: Change,
        fails: bool,
    ) -> Submitted {
        let Ok(mut keys) = self.keys.lock() else {
            return Submitted::Unavailable;
        };
        let operation = change.operation();
        let key = match key {
            Some(key) => {
                if let Some(seen) = keys.get(&(tenant.to_owned(), key.clone())) {
                    return if seen.operation == operation && seen.candidate_id == candidate_id {
                        Submitted::Replayed(key)
                    } else {
                        Submitted::Conflict
                    };
                }
                key
            }
            None => format!("mut_{}", uuid::Uuid::new_v4().simple()),
        };
        let queue = self.queue.get_or_init(|| {
            let (tx, rx) = mpsc::unbounded_channel();
            tokio::spawn(run(Arc::downgrade(shared), rx));
            tx
        });
        let job = Job {
            accepted: Instant::now(),
            fails,
            tenant: tenant.to_owned(),
            candidate_id: candidate_id.to_owned(),
            change,
        };
        if queue.send(job).is_err() {
            // The worker is gone only when the emulator is shutting down.
            return Submitted::Unavailable;
        }
        keys.insert(
            (tenant.to_owned(), key.clone()),
            Receipt {
                operation,
                candidate_id: candidate_id.to_owned(),
            },
        );
        Submitted::Queued(key)
    }
}

/// Applies jobs in order, each no earlier than `mutation_delay` after it was accepted. Holds
/// the shared state weakly: it ends when the emulator is dropped.
async fn run(shared: Weak<Shared>, mut jobs: mpsc::UnboundedReceiver<Job>) {
    while let Some(job) = jobs.recv().await {
        let Some(delay) = shared.upgrade().map(|s| s.config.mutation_delay) else {
            return;
        };
        tokio::time::sleep_until(job.accepted + delay).await;
        let Some(shared) = shared.upgrade() else {
            return;
        };
        apply(&shared, job);
    }
}

fn apply(shared: &Shared, job: Job) {
    if job.fails {
        tracing::debug!("emulator: an Onderwijsregio mutation failed (injected)");
        return;
    }
    match job.change {
        Change::Add(files) => {
            let created_at = now_rfc3339();
            for file in files {
                shared.store.add(StoredAttachment {
                    provider: SYSTEM,
                    tenant: job.tenant.clone(),
                    id: shared.store.new_id(SYSTEM),
                    candidate_id: job.candidate_id.clone(),
                    application_id: None,
                    file_name: file.file_name,
                    content_type: file.content_type,
                    attachment_type: file.field.to_owned(),
                    size: file.size,
                    sha256: file.sha256,
                    remote_id: None,
                    created_at: created_at.clone(),
                });
            }
        }
        Change::Remove(ids) => {
            shared
                .store
                .remove(SYSTEM, &job.tenant, &job.candidate_id, &ids);
        }
    }
}
