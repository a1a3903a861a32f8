//! Rides: several files of one batch in one request, where the system takes several (Spott's
//! temporary upload takes ten, then one assign for all of them). A job whose turn comes (the
//! *leader*) takes the batch's other jobs that are waiting for their turn along (the
//! *riders*). Each rider still does its own part — the check that the file is unchanged, the
//! count of copies already on the candidate, its own `Start` in the journal (naming the ride)
//! — then hands its file over and waits for its own answer; a failure of the shared request is
//! each rider's failure, judged and (for an unknown outcome) verified per file, exactly as if
//! it had gone alone.
//!
//! Where the system's idempotency key names the whole request (Onderwijsregio: up to five
//! files per field in one mutation), a ride is *sealed* ([`sealed`]): a file sent again alone
//! would carry another key and could be stored twice, so a request whose outcome is not known
//! goes again with the same files under the same key, and its riders wait to see their files
//! on the candidate instead of going alone. The journal's `Ride` record names the riders.

use std::collections::HashMap;
use std::sync::atomic::AtomicU64;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use tokio::sync::{Notify, oneshot};

use super::types::{BatchId, FileId};
use crate::model::{Idempotency, ProviderId};
use crate::providers::{ProviderError, UploadFile, UploadOutcome};

/// The longest a leader holds its turn for files of its batch still being fingerprinted.
pub const HOLD_THE_DOOR: Duration = Duration::from_millis(400);

/// Whether files of one batch may share a request on `provider`: where it takes several, and
/// no file carries an upsert id of its own (those go one per request).
#[must_use]
pub fn rides_allowed(provider: ProviderId) -> bool {
    let profile = provider.profile();
    profile.max_files_per_request.value > 1 && profile.idempotency != Idempotency::Upsert
}

/// Whether a ride on `provider` is sealed: its idempotency key names the whole request, so a
/// request whose outcome is not known goes again only as it was (same files, same key).
#[must_use]
pub fn sealed(provider: ProviderId) -> bool {
    rides_allowed(provider) && provider.profile().idempotency == Idempotency::Key
}

/// What the next request of a job may carry on `provider`, given its lifecycle: on a sealed
/// system, once a request went out under the job's current key, every later request under
/// that key carries the same files ([`Composition::Same`]: the riders journaled for it, less
/// those that ended) — never new riders, and the job never rides in another's request. A new
/// key (after an accepted upload that never appeared) starts afresh.
#[must_use]
pub fn composition(provider: ProviderId, life: &crate::upload::lifecycle::Life) -> Composition {
    if sealed(provider) && life.attempts > 0 && !life.awaiting {
        Composition::Same
    } else {
        Composition::Fresh
    }
}

/// See [`composition`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Composition {
    /// It may board riders, or ride in another job's request.
    Fresh,
    /// It goes again with the files of its earlier request under the same key.
    Same,
}

/// The most files in one ride on `provider`.
#[must_use]
pub fn seats(provider: ProviderId) -> usize {
    (provider.profile().max_files_per_request.value as usize).max(1)
}

/// A job waiting for its turn that a leader may take along.
pub(crate) struct Boarding {
    /// The job.
    pub id: FileId,
    /// Where the leader calls it.
    pub call: oneshot::Sender<Call>,
}

/// A leader taking a rider along.
pub(crate) struct Call {
    /// The leader (names the ride in the journal).
    pub leader: FileId,
    /// The rider answers with its file and progress counter once its `Start` is journaled,
    /// or `None` when it cannot ride (its file changed, the journal failed).
    pub ready: oneshot::Sender<Option<(UploadFile, Arc<AtomicU64>)>>,
    /// The rider's own answer from the system.
    pub answer: oneshot::Receiver<Result<UploadOutcome, ProviderError>>,
}

/// The jobs of each batch waiting for their turn, and the batches whose leader is boarding
/// (holding the door: jobs arriving then wait to be called rather than take a turn of their
/// own, so they ride together instead of each sending alone).
#[derive(Default)]
pub(crate) struct WaitingRoom {
    waiting: Mutex<HashMap<BatchId, Vec<Boarding>>>,
    arrived: Notify,
    doors: Mutex<HashMap<BatchId, usize>>,
    closed: Notify,
}

/// A leader holding the door of its batch; closes it when dropped.
pub(crate) struct HeldDoor<'a> {
    room: &'a WaitingRoom,
    batch: BatchId,
}

impl Drop for HeldDoor<'_> {
    fn drop(&mut self) {
        let mut doors = self
            .room
            .doors
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        if let Some(count) = doors.get_mut(&self.batch) {
            *count -= 1;
            if *count == 0 {
                doors.remove(&self.batch);
            }
        }
        drop(doors);
        self.room.closed.notify_waiters();
    }
}

impl WaitingRoom {
    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<BatchId, Vec<Boarding>>> {
        self.waiting.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// `boarding` waits for its turn in `batch`.
    pub fn wait(&self, batch: &BatchId, boarding: Boarding) {
        self.lock().entry(batch.clone()).or_default().push(boarding);
        self.arrived.notify_waiters();
    }

    /// The job `id` got its own turn: `true` when it was still waiting (it goes alone), `false`
    /// when a leader took it meanwhile (its call is on the way).
    pub fn leave(&self, batch: &BatchId, id: &FileId) -> bool {
        let mut waiting = self.lock();
        let Some(list) = waiting.get_mut(batch) else {
            return false;
        };
        let before = list.len();
        list.retain(|b| &b.id != id);
        let left = list.len() < before;
        if list.is_empty() {
            waiting.remove(batch);
        }
        left
    }

    /// Takes up to `seats` jobs of `batch` that are still waiting (in the order they came).
    pub fn board(&self, batch: &BatchId, seats: usize) -> Vec<Boarding> {
        let mut waiting = self.lock();
        let Some(list) = waiting.get_mut(batch) else {
            return Vec::new();
        };
        // A job that stopped waiting (cancelled) cannot be called.
        list.retain(|b| !b.call.is_closed());
        let take = seats.min(list.len());
        let taken: Vec<Boarding> = list.drain(..take).collect();
        if list.is_empty() {
            waiting.remove(batch);
        }
        taken
    }

    /// How many jobs of `batch` are waiting.
    pub fn count(&self, batch: &BatchId) -> usize {
        self.lock().get(batch).map_or(0, Vec::len)
    }

    /// A leader of `batch` starts boarding: until the returned guard is dropped, jobs of the
    /// batch wait to be called.
    pub fn hold_door(&self, batch: &BatchId) -> HeldDoor<'_> {
        *self
            .doors
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .entry(batch.clone())
            .or_default() += 1;
        HeldDoor {
            room: self,
            batch: batch.clone(),
        }
    }

    /// Whether a leader of `batch` is boarding.
    pub fn door_held(&self, batch: &BatchId) -> bool {
        self.doors
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .contains_key(batch)
    }

    /// Waits until some leader closes its door (or `limit` passes: a safety net).
    pub async fn door_closed(&self, limit: Duration) {
        let _ = tokio::time::timeout(limit, self.closed.notified()).await;
    }

    /// Waits until another job arrives, or `limit` passes.
    pub async fn arrival(&self, limit: Duration) {
        let _ = tokio::time::timeout(limit, self.arrived.notified()).await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::upload::journal::{Record, now};
    use crate::upload::lifecycle::Life;
    use crate::upload::types::FileId;

    fn start(life: &mut Life, attempt: u32) {
        life.apply(&Record::Start {
            file: FileId("a".into()),
            owner: "me".into(),
            attempt,
            at: now(),
            seen_before: Some(0),
            ride: None,
        });
    }

    #[test]
    fn a_keyed_request_goes_again_only_as_it_was_until_the_key_changes() {
        let owr = ProviderId::Onderwijsregio;
        let mut life = Life::new("me");
        assert_eq!(composition(owr, &life), Composition::Fresh, "never sent");
        start(&mut life, 1);
        // Sent alone (or with riders), answer lost or retried: the same files again — no new
        // riders under the key the first request used.
        life.apply(&Record::Attempted {
            file: FileId("a".into()),
            unsettled: true,
        });
        assert_eq!(composition(owr, &life), Composition::Same);
        life.apply(&Record::Attempted {
            file: FileId("a".into()),
            unsettled: false,
        });
        assert_eq!(composition(owr, &life), Composition::Same, "a retry too");
        // Accepted under that key and never seen: the next request has a new key.
        life.apply(&Record::Accepted {
            file: FileId("a".into()),
            key: "a".into(),
            at: now(),
        });
        assert_eq!(composition(owr, &life), Composition::Fresh);
        start(&mut life, 2);
        assert_eq!(composition(owr, &life), Composition::Same);
        // Without a key, rides form afresh every time.
        assert_eq!(composition(ProviderId::Spott, &life), Composition::Fresh);
    }
}
