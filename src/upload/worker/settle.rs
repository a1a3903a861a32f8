//! An attempt whose outcome is not known, settled: sent again under the same key (or upsert
//! id), or the candidate's copies counted against the count taken before the attempt (and
//! that count, taken from the batch's baseline listing).

use std::sync::Arc;

use super::{End, Work};
use crate::i18n::Text;
use crate::model::{Idempotency, RemoteAttachment};
use crate::providers::{AtsClient, ProviderError, UploadFile};
use crate::upload::engine::{Baseline, Shared};
use crate::upload::takeover::{Check, check_for};
use crate::upload::types::{FileId, FileState, Outcome};

/// Whether the candidate's copies of a file are counted before each attempt: for systems
/// without an idempotency key (an unknown outcome is settled by counting), and for those that
/// store later (an accepted upload is confirmed by counting).
pub(super) fn needs_listing(idempotency: Idempotency, can_list: bool, asynchronous: bool) -> bool {
    can_list && (idempotency == Idempotency::None || asynchronous)
}

pub(super) enum Settled {
    Arrived(End),
    /// Send (again): nothing arrived (`checked`), or the system's key or upsert id makes
    /// sending again safe (not checked).
    SendAgain {
        checked: bool,
    },
    Undecidable(Text),
}

/// Decides what an attempt whose outcome is unknown did: the same key (or upsert id) cannot
/// create a second copy, so those are sent again; otherwise the candidate's attachments are
/// listed and counted against the count taken before the attempt.
pub(super) async fn settle_unknown(shared: &Arc<Shared>, work: &Work) -> Settled {
    let system = work.ctx.account.provider;
    let profile = system.profile();
    let name = &work.file.name;
    match check_for(
        &work.life,
        profile.idempotency,
        profile.can_list_attachments,
    ) {
        Check::SameKey => return Settled::SendAgain { checked: false },
        // Accepted earlier and not on the candidate when looked at: sent again, under a new key.
        Check::Confirm => return Settled::SendAgain { checked: true },
        // Never started an attempt (or nothing to settle): nothing can have arrived.
        _ if work.life.attempts == 0 => return Settled::SendAgain { checked: true },
        Check::None => return Settled::SendAgain { checked: true },
        Check::AskUser => {
            return Settled::Undecidable(crate::text!(
                "engine-no-answer",
                name = name,
                system = system.display_name()
            ));
        }
        Check::List => {}
    }
    let client = match shared.client_for(&work.ctx) {
        Ok(client) => client,
        Err(reason) => {
            return Settled::Undecidable(crate::text!(
                "engine-no-answer-cannot-check",
                name = name,
                system = system.display_name(),
                reason = reason
            ));
        }
    };
    shared
        .set_state(
            &work.id,
            FileState::Verifying,
            Some(crate::text!("engine-checking", name = name)),
            None,
        )
        .await;
    // A request the system is still working on must land before we count.
    tokio::time::sleep(shared.config.settle_delay).await;
    let mut listed = None;
    for attempt in 1..=3u32 {
        // Looks take their turn from the lane like uploads (the system counts them too).
        work.ctx.lane.take_request().await;
        match client.list_attachments(&work.ctx.target.candidate_id).await {
            Ok(list) => {
                listed = Some(list);
                break;
            }
            Err(e) if e.is_transient() && attempt < 3 => {
                tokio::time::sleep(shared.config.retry.delay(attempt + 1, e.retry_after())).await;
            }
            Err(e) => {
                return Settled::Undecidable(crate::text!(
                    "engine-no-answer-check-failed",
                    name = name,
                    system = system.display_name(),
                    error = e.text()
                ));
            }
        }
    }
    let Some(list) = listed else {
        return Settled::Undecidable(crate::text!(
            "engine-may-have-arrived",
            name = name,
            system = system.display_name()
        ));
    };
    let matching: Vec<&RemoteAttachment> =
        list.iter().filter(|a| same_file(a, &work.file)).collect();
    let count = u32::try_from(matching.len()).unwrap_or(u32::MAX);
    match work.life.seen_before {
        Some(before) if count > before => Settled::Arrived(End {
            outcome: Outcome::Uploaded,
            attachment_id: matching.last().map(|a| a.id.clone()),
            message: Some(crate::text!(
                "engine-arrived-after-break",
                system = system.display_name()
            )),
        }),
        Some(_) => Settled::SendAgain { checked: true },
        // No count from before the attempt (the listing failed then), but nothing like it is
        // there now: it did not arrive.
        None if count == 0 => Settled::SendAgain { checked: true },
        None => Settled::Undecidable(crate::text!(
            "engine-no-answer-uncounted",
            name = name,
            system = system.display_name()
        )),
    }
}

fn same_file(a: &RemoteAttachment, f: &UploadFile) -> bool {
    a.name == f.name && a.size.is_none_or(|s| s == f.size)
}

/// How many attachments like this file the candidate has before this attempt: the batch's
/// baseline listing plus the batch's own copies stored since. A listing that fails is tried
/// once more; if it still fails, there is no count (`None`), and an unknown outcome of this
/// attempt can then only be settled if the candidate has nothing like the file.
pub(super) async fn baseline_count(
    shared: &Arc<Shared>,
    client: &Arc<dyn AtsClient>,
    work: &Work,
) -> Option<u32> {
    let mut tries = 0u32;
    let baseline = loop {
        tries += 1;
        let taken = work
            .ctx
            .baseline
            .get_or_try_init(|| async {
                let done_then = done_in_batch(shared, work).into_iter().collect();
                // The listing takes its turn from the lane like uploads (the system counts
                // it too).
                work.ctx.lane.take_request().await;
                let attachments = client
                    .list_attachments(&work.ctx.target.candidate_id)
                    .await?;
                Ok::<_, ProviderError>(Baseline {
                    attachments,
                    done_then,
                })
            })
            .await;
        match taken {
            Ok(baseline) => break baseline,
            Err(e) if tries < 2 && e.is_transient() => {
                // A short wait, whatever the system announced: the slot is held meanwhile.
                tokio::time::sleep(shared.config.retry.delay(2, None)).await;
            }
            Err(e) => {
                tracing::warn!(
                    "no baseline listing for {} before sending: {e}",
                    work.file.name
                );
                return None;
            }
        }
    };
    let before = baseline
        .attachments
        .iter()
        .filter(|a| same_file(a, &work.file))
        .count();
    // Files of this batch with the same name and size stored since the baseline was taken.
    let done_here = done_in_batch(shared, work)
        .iter()
        .filter(|id| !baseline.done_then.contains(*id))
        .count();
    u32::try_from(before + done_here).ok()
}

/// The other files of this job's batch that are stored and look like it (name and size).
fn done_in_batch(shared: &Shared, work: &Work) -> Vec<FileId> {
    let state = shared.lock_state();
    let ids = work.ctx.files.lock().map(|f| f.clone()).unwrap_or_default();
    ids.into_iter()
        .filter(|i| {
            state.jobs.get(i).is_some_and(|j| {
                *j.id() != work.id
                    && j.state == FileState::Done
                    && j.entry.name == work.file.name
                    && j.entry.size == work.file.size
            })
        })
        .collect()
}
