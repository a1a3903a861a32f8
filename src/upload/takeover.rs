//! May this engine take over an earlier job, and how? One pure decision, used by a new
//! submission of the same file, a hand retry and resume alike.

use super::journal::EndEntry;
use super::lifecycle::Life;
use crate::model::Idempotency;

/// Why the engine looks at an earlier job.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Purpose {
    /// The same file was submitted again for the same candidate.
    Submit,
    /// The user chose Retry (or Send again) on a finished file.
    Retry,
    /// An interrupted job is being resumed.
    Resume,
}

/// What this engine holds of the job in memory.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Held {
    /// Nothing: it belongs to another process, or an earlier run.
    No,
    /// Queued or running here.
    Running,
    /// Finished here (failed, cancelled, unknown, …).
    Finished,
}

/// Who the job's owner (as the journal names it) is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Owner {
    /// This engine.
    ThisEngine,
    /// Another atsdrop process that is still running.
    Alive,
    /// A process that is gone (a crash, `kill -9`, a closed laptop).
    Gone,
}

impl Owner {
    /// The owner `owner` is, as `journal` sees it.
    #[must_use]
    pub fn of(owner: &str, journal: &super::journal::Journal) -> Self {
        if owner == journal.owner() {
            Self::ThisEngine
        } else if journal.owner_alive(owner) {
            Self::Alive
        } else {
            Self::Gone
        }
    }
}

/// Everything the decision depends on besides the job's [`Life`] as the journal has it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Situation {
    /// Why.
    pub purpose: Purpose,
    /// Whose it is now.
    pub owner: Owner,
    /// What this engine holds of it.
    pub held: Held,
    /// Whether the account it belongs to is the one this engine would send it with.
    pub same_account: bool,
    /// How the system makes a repeat safe.
    pub idempotency: Idempotency,
    /// Whether the system lists a candidate's attachments.
    pub can_list: bool,
}

/// How an earlier attempt that may have arrived is settled before sending again.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Check {
    /// Nothing to check: no attempt may have arrived.
    None,
    /// Send again with the same idempotency key or upsert id: a copy that arrived is not
    /// stored twice.
    SameKey,
    /// List the candidate's attachments and count the file's copies first.
    List,
    /// Neither: the user decides (outcome unknown).
    AskUser,
    /// A system accepted it for later processing: look at the candidate; if it is there it is
    /// done, if not it is sent again under a new key.
    Confirm,
}

/// The journal record that hands the job to this engine.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Handover {
    /// It is this engine's and waiting already.
    None,
    /// An unfinished job of a departed owner (or of another run): `Claim`.
    Claim,
    /// A finished job sent again: `Reopen`.
    Reopen,
}

/// The decision.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Takeover {
    /// Take it: journal `handover`, then send it after `check`.
    Take {
        /// The record to write.
        handover: Handover,
        /// What to settle first.
        check: Check,
    },
    /// Leave it: it arrived (the end says when).
    Delivered(EndEntry),
    /// Leave it: another running atsdrop process is sending it.
    Busy,
    /// Leave it: this engine has it queued or running already.
    AlreadyHere,
    /// Leave it: it belongs to another account; its credentials are never used for it.
    OtherAccount,
    /// Leave it: it was skipped on purpose, or (for resume) it is not interrupted.
    NothingToDo,
}

/// How `life`'s possibly-arrived attempts are settled on this system.
#[must_use]
pub fn check_for(life: &Life, idempotency: Idempotency, can_list: bool) -> Check {
    if life.awaits_confirmation() {
        return Check::Confirm;
    }
    if !life.needs_check() {
        return Check::None;
    }
    match idempotency {
        Idempotency::Key | Idempotency::Upsert => Check::SameKey,
        Idempotency::None if can_list => Check::List,
        Idempotency::None => Check::AskUser,
    }
}

/// May this engine take over the job whose journaled lifecycle is `life`, and how?
#[must_use]
pub fn decide(life: &Life, s: Situation) -> Takeover {
    if !s.same_account {
        return Takeover::OtherAccount;
    }
    if let Some(end) = life.end()
        && end.outcome.delivered()
    {
        return Takeover::Delivered(end.clone());
    }
    if s.held == Held::Running {
        return Takeover::AlreadyHere;
    }
    let ended = life.end().is_some();
    if !ended && s.owner == Owner::Alive {
        return Takeover::Busy;
    }
    // Resume takes the unfinished, and re-checks what was accepted but not yet seen.
    let recheck = life.awaits_confirmation();
    if (s.purpose == Purpose::Resume && ended && !recheck) || !life.is_open() {
        return Takeover::NothingToDo;
    }
    let handover = if ended {
        Handover::Reopen
    } else if s.owner == Owner::ThisEngine {
        Handover::None
    } else {
        Handover::Claim
    };
    // A departed owner's attempt without an end may have arrived, as may one the journal
    // marks unsettled.
    let check = check_for(life, s.idempotency, s.can_list);
    Takeover::Take { handover, check }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::upload::journal::{Record, now};
    use crate::upload::types::{FileId, Outcome};

    /// A job in one of the shapes the journal can hold.
    #[derive(Clone, Copy, Debug)]
    enum Shape {
        Queued,
        InFlight,
        Ended(Outcome, bool),
    }

    fn life(shape: Shape) -> Life {
        let file = FileId("f".into());
        let mut life = Life::new("o-owner");
        match shape {
            Shape::Queued => {}
            Shape::InFlight => life.apply(&Record::Start {
                file,
                owner: "o-owner".into(),
                attempt: 1,
                at: now(),
                seen_before: Some(0),
                ride: None,
            }),
            Shape::Ended(outcome, unsettled) => life.apply(&Record::End {
                file,
                outcome,
                at: now(),
                attachment_id: None,
                message: None,
                unsettled: Some(unsettled),
            }),
        }
        life
    }

    fn situation(purpose: Purpose) -> Situation {
        Situation {
            purpose,
            owner: Owner::Gone,
            held: Held::No,
            same_account: true,
            idempotency: Idempotency::None,
            can_list: true,
        }
    }

    fn take(handover: Handover, check: Check) -> Takeover {
        Takeover::Take { handover, check }
    }

    /// One case: the job, why, whose, held here, same account, idempotency, can list → the
    /// decision (`None`: delivered, with the job's own end).
    type Case = (
        Shape,
        Purpose,
        Owner,
        Held,
        bool,
        Idempotency,
        bool,
        Option<Takeover>,
    );

    /// Every case: a dead owner's unfinished jobs are claimed (an attempt in flight checked
    /// first, by the means the system offers); a live owner's are left alone; another
    /// account's never taken; this engine's own left while running and reopened once finished;
    /// delivered jobs never sent again; skipped ones and (for resume) ended ones not taken.
    #[rustfmt::skip]
    fn cases() -> Vec<Case> {
        use Check as C;
        use Handover as H;
        use Held::{Finished, No, Running};
        use Idempotency::{Key, None as NoKey, Upsert};
        use Outcome::{Accepted, Cancelled, Failed, Skipped, Unknown, Uploaded};
        use Owner::{Alive, Gone, ThisEngine as Me};
        use Purpose::{Resume, Retry, Submit};
        use Shape::{Ended, InFlight, Queued};
        vec![
            (Queued,   Resume, Gone,  No, true, NoKey, true,  Some(take(H::Claim, C::None))),
            (InFlight, Resume, Gone,  No, true, NoKey, true,  Some(take(H::Claim, C::List))),
            (InFlight, Resume, Gone,  No, true, NoKey, false, Some(take(H::Claim, C::AskUser))),
            (InFlight, Resume, Gone,  No, true, Key,   true,  Some(take(H::Claim, C::SameKey))),
            (InFlight, Resume, Gone,  No, true, Upsert, false, Some(take(H::Claim, C::SameKey))),
            (Queued,   Resume, Alive, No, true, NoKey, true,  Some(Takeover::Busy)),
            (InFlight, Submit, Alive, No, true, Key,   true,  Some(Takeover::Busy)),
            (InFlight, Retry,  Alive, Finished, true, NoKey, true, Some(Takeover::Busy)),
            (Queued,   Resume, Gone,  No, false, NoKey, true, Some(Takeover::OtherAccount)),
            (Ended(Failed, false), Retry, Me, Finished, false, Key, true, Some(Takeover::OtherAccount)),
            (Queued,   Submit, Me, Running, true, NoKey, true, Some(Takeover::AlreadyHere)),
            (InFlight, Retry,  Me, Running, true, NoKey, true, Some(Takeover::AlreadyHere)),
            (Ended(Failed, false),   Retry,  Me, Finished, true, NoKey, true,  Some(take(H::Reopen, C::None))),
            (Ended(Cancelled, true), Retry,  Me, Finished, true, NoKey, true,  Some(take(H::Reopen, C::List))),
            (Ended(Unknown, true),   Retry,  Me, Finished, true, Key,   true,  Some(take(H::Reopen, C::SameKey))),
            (Ended(Unknown, true),   Submit, Me, Finished, true, NoKey, false, Some(take(H::Reopen, C::AskUser))),
            (Ended(Failed, false),   Submit, Alive, No, true, NoKey, true,   Some(take(H::Reopen, C::None))),
            (Ended(Unknown, true),   Submit, Gone,  No, true, Upsert, false, Some(take(H::Reopen, C::SameKey))),
            (Ended(Uploaded, false), Retry,  Me,   Finished, true, NoKey, true, None),
            (Ended(Accepted, false), Submit, Gone, No, true, Key,   true, None),
            (Ended(Skipped, false),  Submit, Gone, No, true, NoKey, true, Some(Takeover::NothingToDo)),
            (Ended(Failed, false),   Resume, Gone, No, true, NoKey, true, Some(Takeover::NothingToDo)),
            // A queued job of this very engine not yet held (journaled by an earlier submit).
            (Queued, Submit, Me, No, true, NoKey, true, Some(take(H::None, C::None))),
        ]
    }

    #[test]
    fn the_takeover_table() {
        for (shape, purpose, owner, held, same_account, idempotency, can_list, expected) in cases()
        {
            let l = life(shape);
            let s = Situation {
                purpose,
                owner,
                held,
                same_account,
                idempotency,
                can_list,
            };
            let expected =
                expected.unwrap_or_else(|| Takeover::Delivered(l.end().unwrap().clone()));
            assert_eq!(decide(&l, s), expected, "{shape:?} {s:?}");
        }
    }

    #[test]
    fn a_claimed_in_flight_job_stays_to_be_checked_after_the_claim() {
        let mut l = life(Shape::InFlight);
        l.apply(&Record::Claim {
            file: FileId("f".into()),
            owner: "o-me".into(),
            at: now(),
        });
        let mut s = situation(Purpose::Submit);
        s.owner = Owner::ThisEngine;
        assert_eq!(decide(&l, s), take(Handover::None, Check::List));
    }
}
