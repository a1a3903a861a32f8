//! One file's job: hash, wait for its turn, check the file is unchanged, send, and decide what
//! a failure means — retry, verify, or give up — recording every step in the journal.

use std::sync::Arc;
use std::sync::atomic::Ordering;

use super::confirm::{self, Confirmation};
use super::engine::{BatchCtx, Shared, unchanged};
use super::events::UploadEvent;
use super::fingerprint;
use super::journal::{Mtime, Record, now};
use super::lifecycle::{Life, Phase};
use super::retry::{Verdict, classify};
use super::types::{FileId, FileState, Outcome};
use crate::i18n::{Arg, Text};
use crate::model::Idempotency;
use crate::providers::{AtsClient, ProgressFn, ProviderError, UploadFile, UploadOutcome};

mod riding;
mod settle;

use riding::Turn;
use settle::{Settled, baseline_count, needs_listing, settle_unknown};

/// A snapshot of what the job needs, taken from the shared state. Its lifecycle changes only
/// through records, written to the journal and applied to the shared job ([`step`]).
impl Work {
    /// Whether every byte of the file went out in the current attempt.
    fn body_out(&self) -> bool {
        let sent = self.sent.load(Ordering::Relaxed);
        sent > 0 && sent >= self.file.size
    }
}

struct Work {
    id: FileId,
    ctx: Arc<BatchCtx>,
    file: UploadFile,
    mtime: Option<Mtime>,
    sha256: Option<String>,
    /// The job's lifecycle as the engine has it, refreshed after every record (see [`step`]).
    life: Life,
    /// Resumed only to look again whether an accepted upload arrived: never sent again here.
    recheck_only: bool,
    cancel: tokio_util::sync::CancellationToken,
    sent: Arc<std::sync::atomic::AtomicU64>,
}

/// How the job ended.
struct End {
    outcome: Outcome,
    attachment_id: Option<String>,
    message: Option<Text>,
}

impl End {
    fn failed(message: Text) -> Self {
        Self {
            outcome: Outcome::Failed,
            attachment_id: None,
            message: Some(message),
        }
    }

    fn unknown(message: Text) -> Self {
        Self {
            outcome: Outcome::Unknown,
            attachment_id: None,
            message: Some(message),
        }
    }
}

/// Runs one job to its end.
pub(crate) async fn run(shared: Arc<Shared>, id: FileId) {
    let Some(mut work) = snapshot(&shared, &id) else {
        return;
    };
    let end = if let Err(reason) = shared.client_for(&work.ctx) {
        End::failed(Text::verbatim(reason))
    } else {
        let cancel = work.cancel.clone();
        let ended = tokio::select! {
            biased;
            () = cancel.cancelled() => None,
            end = process(&shared, &mut work) => Some(end),
        };
        match ended {
            Some(end) => end,
            None => cancelled(&shared, &work),
        }
    };
    shared.uploading_done_if(&id);
    let body_out = work.body_out();
    shared
        .finish(&id, end.outcome, end.attachment_id, end.message, body_out)
        .await;
}

/// Writes records about the job and applies them (journal and memory alike), then refreshes
/// the work's copy of its lifecycle.
async fn step(shared: &Shared, work: &mut Work, records: Vec<Record>) -> Result<(), String> {
    let written = shared.record(&work.id, records).await;
    if let Some(life) = shared
        .lock_state()
        .jobs
        .get(&work.id)
        .map(|j| j.life().clone())
    {
        work.life = life;
    }
    written
}

/// The end of a cancelled job. If its body had gone out and no answer came (or atsdrop was
/// checking whether it arrived), the job remembers to check before it is sent again.
fn cancelled(shared: &Shared, work: &Work) -> End {
    let body_out = work.body_out();
    let unsettled = shared
        .lock_state()
        .jobs
        .get(&work.id)
        .is_some_and(|j| j.life().unsettled_if_stopped(body_out));
    let message = if unsettled {
        crate::text!(
            "engine-cancelled-unsettled",
            system = work.ctx.account.provider.display_name()
        )
    } else {
        crate::text!("engine-cancelled")
    };
    End {
        outcome: Outcome::Cancelled,
        attachment_id: None,
        message: Some(message),
    }
}

fn snapshot(shared: &Shared, id: &FileId) -> Option<Work> {
    let state = shared.lock_state();
    let job = state.jobs.get(id)?;
    let ctx = Arc::clone(state.batches.get(job.batch())?);
    let entry = &job.entry;
    Some(Work {
        id: id.clone(),
        file: UploadFile {
            path: entry.path.clone(),
            name: entry.name.clone(),
            content_type: entry.content_type.clone(),
            size: entry.size,
            attachment_type: entry.attachment_type.clone(),
            key: entry.life.upload_key(&entry.file.0),
            remote_id: entry.remote_id.clone(),
            fingerprint: entry.xxh3,
        },
        ctx,
        mtime: entry.mtime,
        sha256: entry.sha256.clone(),
        life: entry.life.clone(),
        recheck_only: job.recheck_only,
        cancel: job.cancel.clone(),
        sent: Arc::clone(&job.sent),
    })
}

async fn process(shared: &Arc<Shared>, work: &mut Work) -> End {
    if let Err(end) = ensure_hashed(shared, work).await {
        return end;
    }
    // Accepted earlier for later processing: look at the candidate before sending anything.
    if work.life.awaits_confirmation() {
        let waiting = work.life.phase == Phase::Confirming;
        let wait = if waiting {
            shared.config.confirm_timeout
        } else {
            std::time::Duration::ZERO
        };
        match look_for_accepted(shared, work, wait).await {
            Ok(end) => return end,
            Err(not_seen) if waiting || work.recheck_only => return not_seen,
            // A retry: not there, so it is sent again, under a new key.
            Err(_) => {}
        }
    }
    // It rode in a request that may have arrived: that request goes again as it was.
    if riding::bound(work) {
        return riding::follow(shared, work, None).await;
    }
    let max_attempts = shared.config.retry.max_attempts.max(1);
    let mut tries = 0u32;
    let mut last_error: Option<ProviderError> = None;
    let mut unknown = work.life.needs_check();
    loop {
        if unknown {
            match settle_unknown(shared, work).await {
                Settled::Arrived(end) => return end,
                Settled::SendAgain { checked } => {
                    if !checked && tries >= max_attempts {
                        // The same key makes sending again safe, but the system never
                        // confirmed it: say so rather than "failed".
                        return no_clear_answer(work, tries, last_error.as_ref());
                    }
                    if checked {
                        // Nothing arrived: the earlier attempt is settled.
                        let settled = Record::Attempted {
                            file: work.id.clone(),
                            unsettled: false,
                        };
                        if let Err(e) = step(shared, work, vec![settled]).await {
                            return End::failed(crate::text!("engine-not-sent-again", reason = e));
                        }
                    }
                }
                Settled::Undecidable(message) => return End::unknown(message),
            }
            unknown = false;
        }
        if tries >= max_attempts {
            return End::failed(match last_error {
                Some(e) => crate::text!(
                    "engine-gave-up",
                    name = &work.file.name,
                    tries = tries,
                    error = e.text()
                ),
                None => crate::text!(
                    "engine-gave-up-failing",
                    name = &work.file.name,
                    tries = tries
                ),
            });
        }
        tries += 1;
        let (error, verdict) = match attempt(shared, work).await {
            Attempt::Done(end) => return end,
            Attempt::Error(error, verdict) => (error, verdict),
        };
        if verdict != Verdict::Fail && riding::bound(work) {
            return riding::follow(shared, work, Some(&error)).await;
        }
        match verdict {
            Verdict::Fail => return End::failed(error.text()),
            Verdict::Unknown => {
                unknown = true;
                let message = crate::text!("engine-checking-after", error = error.text());
                shared
                    .set_state(&work.id, FileState::Verifying, Some(message), None)
                    .await;
            }
            Verdict::Retry if tries < max_attempts => {
                wait_to_retry(shared, work, &error, tries).await;
            }
            Verdict::Retry => {}
        }
        last_error = Some(error);
    }
}

/// Sent again under the same key as often as allowed, and never a clear answer: the user
/// checks the candidate (rather than "failed").
fn no_clear_answer(work: &Work, tries: u32, last_error: Option<&ProviderError>) -> End {
    let (name, system) = (&work.file.name, work.ctx.account.provider.display_name());
    End::unknown(match last_error {
        Some(e) => crate::text!(
            "engine-no-clear-answer-because",
            name = name,
            system = system,
            tries = tries,
            error = e.text()
        ),
        None => crate::text!(
            "engine-no-clear-answer",
            name = name,
            system = system,
            tries = tries
        ),
    })
}

/// Records the content's fingerprints (sha256, XXH3) before anything is sent.
async fn ensure_hashed(shared: &Arc<Shared>, work: &mut Work) -> Result<(), End> {
    if work.sha256.is_some() && work.file.fingerprint.is_some() {
        return Ok(());
    }
    let Ok(_permit) = shared.hashing.acquire().await else {
        return Err(End::failed(crate::text!("engine-shutting-down")));
    };
    let path = work.file.path.clone();
    let name = &work.file.name;
    let prints = match tokio::task::spawn_blocking(move || fingerprint::fingerprints(&path)).await {
        Ok(Ok(prints)) => prints,
        Ok(Err(e)) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(End::failed(crate::text!(
                "engine-file-removed",
                name = name
            )));
        }
        Ok(Err(e)) => {
            return Err(End::failed(crate::text!(
                "engine-file-unreadable",
                name = name,
                reason = e.to_string()
            )));
        }
        Err(e) => {
            return Err(End::failed(crate::text!(
                "engine-file-not-checked",
                name = name,
                reason = e.to_string()
            )));
        }
    };
    let record = Record::Hashed {
        file: work.id.clone(),
        sha256: prints.sha256.clone(),
        xxh3: Some(format!("{:032x}", prints.xxh3)),
    };
    if let Err(e) = step(shared, work, vec![record]).await {
        return Err(End::failed(crate::text!("engine-not-sent", reason = e)));
    }
    work.sha256 = Some(prints.sha256);
    work.file.fingerprint = Some(prints.xxh3);
    Ok(())
}

/// How one attempt went.
enum Attempt {
    Done(End),
    Error(ProviderError, Verdict),
}

/// One attempt: wait for the lane (or for a job of the same batch to take this file along),
/// check the file is unchanged, journal the start, send — with the batch's other waiting files
/// where the system takes several in one request (see `ride`).
async fn attempt(shared: &Arc<Shared>, work: &mut Work) -> Attempt {
    let lane = Arc::clone(&work.ctx.lane);
    let permit = loop {
        wait_while_paused(shared).await;
        match riding::wait_for_turn(shared, work, &lane).await {
            Turn::Own(None) => {
                return Attempt::Done(End::failed(crate::text!("engine-shutting-down")));
            }
            Turn::Own(Some(permit)) => {
                if !*shared.paused.borrow() {
                    break permit;
                }
                // Paused while waiting for the slot: give it back and wait for Resume.
                drop(permit);
            }
            Turn::Called(call) => return riding::ride_along(shared, work, call).await,
        }
    };
    // A request whose outcome is not known goes again as it was (read before the `Start`).
    let sealed = riding::sealed_riders(shared, work);
    // Jobs of the batch arriving from now on wait to ride with this one.
    let door = (sealed.is_none() && riding::may_ride(shared, work))
        .then(|| shared.rides.hold_door(&work.ctx.id));
    let client = match shared.client_for(&work.ctx) {
        Ok(client) => client,
        Err(reason) => return Attempt::Done(End::failed(Text::verbatim(reason))),
    };
    if let Err(end) = start_sending(shared, work, &client, None).await {
        return Attempt::Done(end);
    }
    let riders = match sealed {
        Some(riders) => {
            let ids: Vec<FileId> = riders.iter().map(|r| r.id.clone()).collect();
            if let Err(e) = riding::reseal(shared, work, &ids).await {
                return Attempt::Done(End::failed(crate::text!(
                    "engine-not-sent-again",
                    reason = e
                )));
            }
            riders
        }
        None => riding::board_riders(shared, work).await,
    };
    drop(door);
    let mut files = vec![work.file.clone()];
    let mut counters = vec![Arc::clone(&work.sent)];
    for rider in &riders {
        files.push(rider.file.clone());
        counters.push(Arc::clone(&rider.sent));
    }
    let progress: ProgressFn = Arc::new(move |index, bytes| {
        if let Some(sent) = counters.get(index) {
            sent.store(bytes, Ordering::Relaxed);
        }
    });
    // The upload's turn in the rate, taken now that it leaves (see `Lane::slot`).
    lane.take_upload_turn().await;
    let result = client.upload(&work.ctx.target, &files, progress).await;
    shared.uploading_done_if(&work.id);
    drop(permit);
    let answers = riders.into_iter().filter_map(|r| r.answer);
    let own = match result {
        Ok(outcomes) => {
            let mut outcomes = outcomes.into_iter();
            let own = outcomes.next();
            for answer in answers {
                let _ = answer.send(outcomes.next().ok_or_else(|| riding::missing_answer(work)));
            }
            own.ok_or_else(|| riding::missing_answer(work))
        }
        Err(e) => {
            for answer in answers {
                let _ = answer.send(Err(e.clone()));
            }
            Err(e)
        }
    };
    after_sending(shared, work, own).await
}

/// Everything before a file leaves: it is unchanged, the candidate's copies are counted
/// (where that settles an unknown outcome), and its `Start` is journaled — `ride` names the
/// leader whose request it goes in.
async fn start_sending(
    shared: &Arc<Shared>,
    work: &mut Work,
    client: &Arc<dyn AtsClient>,
    ride: Option<FileId>,
) -> Result<(), End> {
    // Size and modification time now; the content is checked against the recorded fingerprint
    // while it streams (the body fails before its last chunk if it differs).
    let (path, size, mtime) = (work.file.path.clone(), work.file.size, work.mtime);
    let check = tokio::task::spawn_blocking(move || unchanged(&path, size, mtime))
        .await
        .unwrap_or_else(|e| {
            Err(crate::text!(
                "engine-file-check-failed",
                reason = e.to_string()
            ))
        });
    if let Err(reason) = check {
        return Err(End::failed(reason));
    }
    let number = work.life.attempts + 1;
    let profile = work.ctx.account.provider.profile();
    let seen_before = if needs_listing(
        profile.idempotency,
        profile.can_list_attachments,
        profile.asynchronous,
    ) {
        baseline_count(shared, client, work).await
    } else {
        None
    };
    let start = Record::Start {
        file: work.id.clone(),
        owner: shared.journal.owner().to_owned(),
        attempt: number,
        at: now(),
        seen_before,
        ride,
    };
    // From here the system may receive the file: the job (not only this task) knows, so a
    // cancel, a retry or a crash checks before sending it again.
    work.sent.store(0, Ordering::Relaxed);
    if let Err(e) = step(shared, work, vec![start]).await {
        return Err(End::failed(crate::text!("engine-not-sent", reason = e)));
    }
    shared
        .set_state(&work.id, FileState::Uploading, None, None)
        .await;
    shared.uploading_started(&work.id);
    Ok(())
}

/// What the system's answer for this file means: stored, accepted for later, or an error to
/// judge (journaled as the attempt's end).
async fn after_sending(
    shared: &Arc<Shared>,
    work: &mut Work,
    result: Result<UploadOutcome, ProviderError>,
) -> Attempt {
    let outcome = match result {
        Ok(UploadOutcome::Accepted { idempotency_key }) => {
            return Attempt::Done(accepted(shared, work, idempotency_key).await);
        }
        Ok(stored) => Attempt::Done(success(Some(stored))),
        Err(ProviderError::File { reason, .. }) => Attempt::Done(End::failed(crate::text!(
            "engine-file-not-sent",
            name = &work.file.name,
            reason = reason
        ))),
        Err(e) => {
            let verdict = verdict(work, &e);
            Attempt::Error(e, verdict)
        }
    };
    if let Attempt::Error(_, verdict) = &outcome {
        // The attempt is over; whether it may have arrived is what the next one checks.
        let ended = Record::Attempted {
            file: work.id.clone(),
            unsettled: *verdict == Verdict::Unknown,
        };
        if let Err(e) = step(shared, work, vec![ended]).await {
            tracing::warn!("an attempt's end could not be journaled: {e}");
        }
    }
    outcome
}

/// What a failed attempt means for this system.
fn verdict(work: &Work, error: &ProviderError) -> Verdict {
    let idempotency = work.ctx.account.provider.profile().idempotency;
    verdict_for(idempotency, work.body_out(), error)
}

/// [`verdict`] from what it depends on: how the system makes a repeat safe, and whether the
/// whole file went out.
fn verdict_for(idempotency: Idempotency, body_out: bool, error: &ProviderError) -> Verdict {
    match error {
        // With an idempotency key, a 409 means the system is still processing the same key:
        // asking again later returns its answer.
        ProviderError::Rejected { status: 409, .. } if idempotency == Idempotency::Key => {
            Verdict::Retry
        }
        // A gateway error after the whole body went out: the system behind it may have stored
        // the file. Without a key or an upsert id, check before sending it again.
        ProviderError::Server {
            status: 502 | 504, ..
        } if idempotency == Idempotency::None && body_out => Verdict::Unknown,
        _ => classify(error),
    }
}
/// Waits before the next attempt; a 429 pauses the whole lane for the announced delay.
async fn wait_to_retry(shared: &Arc<Shared>, work: &Work, error: &ProviderError, tries: u32) {
    let delay = shared.config.retry.delay(tries + 1, error.retry_after());
    if matches!(error, ProviderError::RateLimited { .. }) {
        work.ctx.lane.pause_for(delay);
        shared
            .emit(UploadEvent::LanePaused {
                connection: work.ctx.lane.label().to_owned(),
                delay,
            })
            .await;
    }
    let message = crate::text!(
        "engine-trying-again",
        error = error.text(),
        delay = Arg::Duration(delay)
    );
    shared
        .set_state(&work.id, FileState::Queued, Some(message), None)
        .await;
    tokio::time::sleep(delay).await;
}

fn success(outcome: Option<UploadOutcome>) -> End {
    let attachment_id = match outcome {
        Some(UploadOutcome::Stored { attachment_id }) => attachment_id,
        Some(UploadOutcome::Accepted { .. }) | None => None,
    };
    End {
        outcome: Outcome::Uploaded,
        attachment_id,
        message: None,
    }
}

/// A system accepted the upload for later processing: journal that (accepted is not stored),
/// then wait to see it on the candidate.
async fn accepted(shared: &Arc<Shared>, work: &mut Work, key: String) -> End {
    let record = Record::Accepted {
        file: work.id.clone(),
        key,
        at: now(),
    };
    if let Err(e) = step(shared, work, vec![record]).await {
        tracing::warn!("an acceptance could not be journaled: {e}");
    }
    let system = work.ctx.account.provider;
    shared
        .set_state(
            &work.id,
            FileState::Accepted,
            Some(crate::text!(
                "engine-accepted-waiting",
                system = system.display_name()
            )),
            None,
        )
        .await;
    let wait = shared.config.confirm_timeout;
    look_for_accepted(shared, work, wait)
        .await
        .unwrap_or_else(|not_seen| not_seen)
}

/// Looks at the candidate for an accepted upload (for up to `wait`): `Ok` with its end when it
/// is there, `Err` with the "not confirmed" end when not.
async fn look_for_accepted(
    shared: &Arc<Shared>,
    work: &Work,
    wait: std::time::Duration,
) -> Result<End, End> {
    let client = match shared.client_for(&work.ctx) {
        Ok(client) => client,
        Err(reason) => return Err(End::failed(Text::verbatim(reason))),
    };
    let found = confirm::confirm(
        shared,
        &work.ctx,
        &client,
        &work.file,
        work.life.seen_before,
        wait,
    )
    .await;
    let (outcome, attachment_id, message) = found.outcome();
    let end = End {
        outcome,
        attachment_id,
        message: Some(message),
    };
    match found {
        Confirmation::Seen(_) => Ok(end),
        Confirmation::NotSeen(_) => Err(end),
    }
}

async fn wait_while_paused(shared: &Shared) {
    let mut paused = shared.paused.subscribe();
    while *paused.borrow_and_update() {
        if paused.changed().await.is_err() {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ProviderId;

    fn gateway(status: u16) -> ProviderError {
        ProviderError::Server {
            system: ProviderId::Kombo,
            status,
            message: None,
        }
    }

    #[test]
    fn a_gateway_error_after_the_whole_body_is_unknown_only_without_a_key_or_upsert() {
        for status in [502, 504] {
            assert_eq!(
                verdict_for(Idempotency::None, true, &gateway(status)),
                Verdict::Unknown
            );
            assert_eq!(
                verdict_for(Idempotency::None, false, &gateway(status)),
                Verdict::Retry
            );
            assert_eq!(
                verdict_for(Idempotency::Key, true, &gateway(status)),
                Verdict::Retry
            );
            assert_eq!(
                verdict_for(Idempotency::Upsert, true, &gateway(status)),
                Verdict::Retry
            );
        }
        assert_eq!(
            verdict_for(Idempotency::None, true, &gateway(503)),
            Verdict::Retry
        );
    }

    #[test]
    fn a_409_is_retried_only_under_an_idempotency_key() {
        let conflict = ProviderError::Rejected {
            system: ProviderId::Truto,
            status: 409,
            code: None,
            message: "still processing".into(),
        };
        assert_eq!(
            verdict_for(Idempotency::Key, true, &conflict),
            Verdict::Retry
        );
        assert_eq!(
            verdict_for(Idempotency::None, true, &conflict),
            Verdict::Fail
        );
    }
}
