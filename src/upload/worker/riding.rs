//! The worker's side of rides (see `upload::ride`): waiting for a turn in the batch's waiting
//! room, a leader boarding riders and journaling the ride, a rider riding along, and — where
//! the system's idempotency key names the request — a request whose outcome is not known
//! going again with the same files, its riders waiting for it rather than going alone.

use std::sync::Arc;

use tokio::sync::oneshot;

use super::{Attempt, End, Work, after_sending, look_for_accepted, snapshot, start_sending, step};
use crate::i18n::{Arg, Text};
use crate::providers::{ProviderError, UploadFile, UploadOutcome};
use crate::upload::engine::Shared;
use crate::upload::journal::Record;
use crate::upload::lane::Lane;
use crate::upload::ride;
use crate::upload::types::{FileId, FileState};

/// How often a bound rider looks whether its leader is done.
const LEADER_POLL: std::time::Duration = std::time::Duration::from_millis(200);

/// A rider's place in a leader's request: its file, its progress counter, and where its
/// answer goes (`None` for a request sent again as it was: its rider is not listening, it
/// waits to see its file on the candidate).
pub(super) struct Seat {
    pub id: FileId,
    pub file: UploadFile,
    pub sent: Arc<std::sync::atomic::AtomicU64>,
    pub answer: Option<oneshot::Sender<Result<UploadOutcome, ProviderError>>>,
}

/// Whose turn it is.
pub(super) enum Turn<'a> {
    /// This job's own: it sends (and may take others along). `None`: the engine is stopping.
    Own(Option<tokio::sync::SemaphorePermit<'a>>),
    /// A leader took this job along.
    Called(ride::Call),
}

/// Waits for this job's turn on `lane`; where rides are allowed, it waits in the batch's
/// waiting room too, and a leader may call it first.
pub(super) async fn wait_for_turn<'a>(
    shared: &Arc<Shared>,
    work: &Work,
    lane: &'a Lane,
) -> Turn<'a> {
    // A job whose request goes again as it was never rides in another's (see
    // `ride::composition`).
    if !may_ride(shared, work)
        || ride::composition(work.ctx.account.provider, &work.life) == ride::Composition::Same
    {
        return Turn::Own(lane.slot().await);
    }
    let (call, mut called) = tokio::sync::oneshot::channel();
    shared.rides.wait(
        &work.ctx.id,
        ride::Boarding {
            id: work.id.clone(),
            call,
        },
    );
    loop {
        // While a leader of the batch is boarding, wait to be called rather than race it for
        // a turn of one's own.
        while shared.rides.door_held(&work.ctx.id) {
            tokio::select! {
                call = &mut called => return match call {
                    Ok(call) => Turn::Called(call),
                    Err(_) => Turn::Own(lane.slot().await),
                },
                () = shared.rides.door_closed(ride::HOLD_THE_DOOR) => {}
            }
        }
        tokio::select! {
            permit = lane.slot() => {
                if shared.rides.door_held(&work.ctx.id) {
                    // A leader opened the door meanwhile: give the turn back and wait for its
                    // call (or for the door to close).
                    drop(permit);
                    continue;
                }
                if shared.rides.leave(&work.ctx.id, &work.id) {
                    return Turn::Own(permit);
                }
                // A leader took this job just now: its call is on the way.
                drop(permit);
                return match called.await {
                    Ok(call) => Turn::Called(call),
                    Err(_) => Turn::Own(lane.slot().await),
                };
            }
            call = &mut called => return match call {
                Ok(call) => Turn::Called(call),
                // The leader stopped before calling: wait for a turn of its own.
                Err(_) => Turn::Own(lane.slot().await),
            },
        }
    }
}

/// The leader takes the batch's waiting jobs along (up to the system's seats), holding its
/// turn a moment for files of the batch still being fingerprinted. The ride is journaled
/// before anyone is called; each rider answers once its own `Start` is journaled, and those
/// that cannot ride are left out.
pub(super) async fn board_riders(shared: &Arc<Shared>, work: &mut Work) -> Vec<Seat> {
    let provider = work.ctx.account.provider;
    if !may_ride(shared, work) {
        return Vec::new();
    }
    let seats = ride::seats(provider).saturating_sub(1);
    let deadline = tokio::time::Instant::now() + ride::HOLD_THE_DOOR;
    let mut boarded = shared.rides.board(&work.ctx.id, seats);
    while boarded.len() < seats
        && still_coming(shared, work) > shared.rides.count(&work.ctx.id) + boarded.len()
        && tokio::time::Instant::now() < deadline
    {
        shared
            .rides
            .arrival(deadline.saturating_duration_since(tokio::time::Instant::now()))
            .await;
        boarded.extend(shared.rides.board(&work.ctx.id, seats - boarded.len()));
    }
    if boarded.is_empty() {
        return Vec::new();
    }
    let ride = Record::Ride {
        file: work.id.clone(),
        riders: boarded.iter().map(|b| b.id.clone()).collect(),
    };
    if let Err(e) = step(shared, work, vec![ride]).await {
        // Not journaled, so nobody rides: the called-for jobs go on their own.
        tracing::warn!("a ride could not be journaled, its files go alone: {e}");
        return Vec::new();
    }
    let mut riders = Vec::new();
    for boarding in boarded {
        let (ready, is_ready) = oneshot::channel();
        let (answer, answered) = oneshot::channel();
        let call = ride::Call {
            leader: work.id.clone(),
            ready,
            answer: answered,
        };
        if boarding.call.send(call).is_err() {
            continue;
        }
        if let Ok(Some((file, sent))) = is_ready.await {
            riders.push(Seat {
                id: boarding.id,
                file,
                sent,
                answer: Some(answer),
            });
        }
    }
    riders
}

/// Whether this job may take others along (or ride with them) on its system.
pub(super) fn may_ride(shared: &Shared, work: &Work) -> bool {
    shared.config.rides && ride::rides_allowed(work.ctx.account.provider) && !work.recheck_only
}

/// The files that rode in this leader's earlier request under its current key, when that
/// request is to go again as it was ([`ride::composition`]): the same files under the same key
/// (a file that has ended since, or never started in the ride, is left out — leaving one out
/// cannot store anything twice; none at all when it went alone). `None`: this attempt boards
/// riders afresh.
pub(super) fn sealed_riders(shared: &Shared, work: &Work) -> Option<Vec<Seat>> {
    if ride::composition(work.ctx.account.provider, &work.life) == ride::Composition::Fresh {
        return None;
    }
    let ids: Vec<FileId> = {
        let state = shared.lock_state();
        work.life
            .riders
            .iter()
            .filter(|id| {
                state.jobs.get(*id).is_some_and(|job| {
                    let life = job.life();
                    life.ride.as_ref() == Some(&work.id)
                        && life.end().is_none()
                        && !job.cancel.is_cancelled()
                })
            })
            .cloned()
            .collect()
    };
    Some(
        ids.iter()
            .filter_map(|id| snapshot(shared, id))
            .map(|rider| Seat {
                id: rider.id,
                file: rider.file,
                sent: rider.sent,
                answer: None,
            })
            .collect(),
    )
}

/// Journals the riders of a request that goes again as it was (see [`sealed_riders`]).
pub(super) async fn reseal(
    shared: &Arc<Shared>,
    work: &mut Work,
    riders: &[FileId],
) -> Result<(), String> {
    if riders.is_empty() {
        return Ok(());
    }
    let ride = Record::Ride {
        file: work.id.clone(),
        riders: riders.to_vec(),
    };
    step(shared, work, vec![ride]).await
}

/// Whether this job rode in another file's request whose outcome binds it: on a system where
/// the key names the request ([`ride::sealed`]), it never goes alone while that request may
/// have arrived — its leader sends the request again as it was.
pub(super) fn bound(work: &Work) -> bool {
    ride::sealed(work.ctx.account.provider) && work.life.ride.is_some()
}

/// A bound rider ([`bound`]) waits to see its file on the candidate while its leader sends
/// their request again; it is done when the file is there, and unknown (for the user to check)
/// when it does not appear in time.
pub(super) async fn follow(
    shared: &Arc<Shared>,
    work: &Work,
    error: Option<&ProviderError>,
) -> End {
    let system = work.ctx.account.provider;
    let name = &work.file.name;
    let leader: Arg = work
        .life
        .ride
        .as_ref()
        .and_then(|leader| {
            shared
                .lock_state()
                .jobs
                .get(leader)
                .map(|job| job.entry.name.clone())
        })
        .map_or_else(|| crate::text!("engine-another-file").into(), Arg::from);
    let system = system.display_name();
    let message = match error {
        Some(e) => crate::text!(
            "engine-ride-goes-again-after",
            error = e.text(),
            name = name,
            system = system,
            leader = leader.clone()
        ),
        None => crate::text!(
            "engine-ride-goes-again",
            name = name,
            system = system,
            leader = leader.clone()
        ),
    };
    shared
        .set_state(&work.id, FileState::Verifying, Some(message), None)
        .await;
    // The leader sends the request again (after its own waits): the time to see the file
    // counts from when the leader is done, not from this rider's failure.
    if let Some(leader) = &work.life.ride {
        while shared
            .lock_state()
            .jobs
            .get(leader)
            .is_some_and(|job| !job.state.is_final())
        {
            tokio::time::sleep(LEADER_POLL).await;
        }
    }
    match look_for_accepted(shared, work, shared.config.confirm_timeout).await {
        Ok(end) => end,
        Err(_) => End::unknown(crate::text!(
            "engine-ride-not-seen",
            name = name,
            system = system,
            leader = leader
        )),
    }
}

/// Jobs of this batch, other than this one, that have not started sending: those not yet
/// waiting for their turn will be soon (they are being fingerprinted, or are between steps).
fn still_coming(shared: &Shared, work: &Work) -> usize {
    let ids = work.ctx.files.lock().map(|f| f.clone()).unwrap_or_default();
    let state = shared.lock_state();
    ids.iter()
        .filter(|id| **id != work.id)
        .filter(|id| {
            state
                .jobs
                .get(*id)
                .is_some_and(|j| j.state == FileState::Queued && !j.cancel.is_cancelled())
        })
        .count()
}

/// This job rides in a leader's request: it does its own checks and journals its own `Start`
/// (naming the ride), hands its file over, and takes its own answer.
pub(super) async fn ride_along(shared: &Arc<Shared>, work: &mut Work, call: ride::Call) -> Attempt {
    let ride::Call {
        leader,
        ready,
        answer,
    } = call;
    let client = match shared.client_for(&work.ctx) {
        Ok(client) => client,
        Err(reason) => {
            let _ = ready.send(None);
            return Attempt::Done(End::failed(Text::verbatim(reason)));
        }
    };
    if let Err(end) = start_sending(shared, work, &client, Some(leader)).await {
        let _ = ready.send(None);
        return Attempt::Done(end);
    }
    let system = work.ctx.account.provider;
    let result = if ready
        .send(Some((work.file.clone(), Arc::clone(&work.sent))))
        .is_err()
    {
        Err(ProviderError::Network {
            system,
            detail: "the request it was to ride in was not sent".to_owned(),
            body_sent: false,
        })
    } else {
        answer.await.unwrap_or_else(|_| {
            Err(ProviderError::Network {
                system,
                detail: "the request carrying it stopped without an answer".to_owned(),
                body_sent: work.body_out(),
            })
        })
    };
    shared.uploading_done_if(&work.id);
    after_sending(shared, work, result).await
}

/// The answer is missing for a file of a request (fewer outcomes than files).
pub(super) fn missing_answer(work: &Work) -> ProviderError {
    ProviderError::InvalidResponse {
        system: work.ctx.account.provider,
        detail: "no answer for every file of the request".to_owned(),
    }
}
