//! One job lifecycle: a job's [`Phase`] and what it must remember ([`Life`]), changed only by
//! applying journal records ([`Life::apply`]). The same function replays the journal and keeps
//! the engine's jobs in memory (the engine applies each record it writes), so the two never
//! disagree about a job.
//!
//! ```text
//!            Start               Attempted{unsettled}
//!  Waiting ───────▶ Sending ──────────────────────▶ Waiting ─┐
//!     ▲                │ End                                  │ End
//!     │ Reopen         ▼                                      ▼
//!     └────────────── Ended ◀─────────────────────────────────┘
//!  Sending ──Accepted──▶ Confirming ──End(Uploaded | Unconfirmed)──▶ Ended   (Onderwijsregio's 202)
//!  Claim: a new owner; a Sending job of a dead owner becomes Waiting, checked before resending.
//! ```

use serde::{Deserialize, Serialize};

use super::journal::{EndEntry, Record};
use super::types::{FileId, FileState, Outcome};

/// Where a job stands.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "phase", rename_all = "snake_case")]
pub enum Phase {
    /// Queued (new, claimed, reopened, or between attempts): nothing of it is on the way.
    Waiting,
    /// An attempt started and has not ended: its bytes may be reaching the system.
    Sending,
    /// A system that stores files later (Onderwijsregio) accepted it: waiting to see it on the
    /// candidate.
    Confirming,
    /// The job ended.
    Ended {
        /// How.
        end: EndEntry,
    },
}

/// A job's lifecycle state: what the journal and the engine know about it besides its file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Life {
    /// The engine responsible for it (the one that queued, claimed, reopened or last started it).
    pub owner: String,
    /// Attempts started so far.
    pub attempts: u32,
    /// How many copies of the file the candidate had before the last attempt, where the
    /// system lists attachments (how an unknown outcome is settled by counting).
    pub seen_before: Option<u32>,
    /// An earlier, finished attempt may have reached the system and that was never settled:
    /// check before sending again.
    pub verify_first: bool,
    /// Where it stands.
    pub phase: Phase,
    /// How many of its uploads a system accepted for later processing (each under its own
    /// idempotency key, see [`Life::upload_key`]).
    #[serde(default)]
    pub accepted: u32,
    /// The last accepted upload was not seen stored yet: whoever takes the job looks at the
    /// candidate before sending it again.
    #[serde(default)]
    pub awaiting: bool,
    /// The file whose request this one rode in, in its last attempt (until the job ends).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ride: Option<FileId>,
    /// The files that rode in this one's request (until its outcome is known or the job ends).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub riders: Vec<FileId>,
}

impl Life {
    /// A job just queued by `owner`.
    #[must_use]
    pub fn new(owner: impl Into<String>) -> Self {
        Self {
            owner: owner.into(),
            attempts: 0,
            seen_before: None,
            verify_first: false,
            phase: Phase::Waiting,
            accepted: 0,
            awaiting: false,
            ride: None,
            riders: Vec::new(),
        }
    }

    /// The idempotency key an upload of job `id` is sent with: the job's id, and after a
    /// system accepted an upload that never appeared (its processing failed), a new one — the
    /// accepted key would only be answered with the same failed acceptance.
    #[must_use]
    pub fn upload_key(&self, id: &str) -> String {
        match self.accepted {
            0 => id.to_owned(),
            n => format!("{id}.{n}"),
        }
    }

    /// Whether a system accepted it for later processing and it was not yet seen stored
    /// (waiting, or given up on for now): a check on the candidate is due before anything else.
    #[must_use]
    pub fn awaits_confirmation(&self) -> bool {
        self.awaiting && !self.delivered()
    }

    /// Applies one record about this job (records about other jobs or batches change nothing).
    pub fn apply(&mut self, record: &Record) {
        match record {
            Record::Start {
                owner,
                attempt,
                seen_before,
                ride,
                ..
            } => {
                // Sent again after looking: the accepted one is given up on.
                self.awaiting = false;
                self.ride.clone_from(ride);
                // The riders stay until the request's outcome is known (Accepted, End): a
                // request sent again under the same key carries them again.
                self.owner.clone_from(owner);
                self.attempts = self.attempts.max(*attempt);
                self.seen_before = *seen_before;
                self.phase = Phase::Sending;
            }
            Record::Ride { riders, .. } => self.riders.clone_from(riders),
            Record::Accepted { .. } => {
                // The request's outcome is known: its ride is over.
                self.ride = None;
                self.riders.clear();
                self.accepted += 1;
                self.awaiting = true;
                self.phase = Phase::Confirming;
            }
            Record::Attempted { unsettled, .. } => {
                self.verify_first = *unsettled;
                self.phase = Phase::Waiting;
            }
            Record::Claim { owner, .. } => {
                self.owner.clone_from(owner);
                // The departed owner's attempt may have arrived: check before sending again.
                if self.phase == Phase::Sending {
                    self.verify_first = true;
                    self.phase = Phase::Waiting;
                }
            }
            Record::End {
                outcome,
                at,
                attachment_id,
                message,
                unsettled,
                ..
            } => {
                // Ended: whoever sends it again sends it on its own.
                self.ride = None;
                self.riders.clear();
                self.verify_first = unsettled.unwrap_or_else(|| {
                    // Journals written before the flag: what the outcome implies.
                    *outcome == Outcome::Unknown
                        || (*outcome == Outcome::Cancelled && self.attempts > 0)
                });
                self.phase = Phase::Ended {
                    end: EndEntry {
                        outcome: *outcome,
                        at: at.clone(),
                        attachment_id: attachment_id.clone(),
                        message: message.clone(),
                    },
                };
            }
            Record::Reopen {
                owner,
                verify_first,
                ..
            } => {
                self.owner.clone_from(owner);
                self.phase = Phase::Waiting;
                if let Some(verify) = verify_first {
                    self.verify_first = *verify;
                }
            }
            Record::Life { life, .. } => life.clone_into(self),
            Record::Batch { .. } | Record::File { .. } | Record::Hashed { .. } => {}
        }
    }

    /// How it ended, if it did.
    #[must_use]
    pub fn end(&self) -> Option<&EndEntry> {
        match &self.phase {
            Phase::Ended { end } => Some(end),
            Phase::Waiting | Phase::Sending | Phase::Confirming => None,
        }
    }

    /// Whether an attempt has no end (its process sends it now, or died sending it).
    #[must_use]
    pub fn in_flight(&self) -> bool {
        self.phase == Phase::Sending
    }

    /// Whether sending it again must first check whether an earlier attempt arrived.
    #[must_use]
    pub fn needs_check(&self) -> bool {
        self.verify_first || self.in_flight()
    }

    /// Whether the system has (or will have) it.
    #[must_use]
    pub fn delivered(&self) -> bool {
        self.end().is_some_and(|e| e.outcome.delivered())
    }

    /// Whether it may still need sending: not ended, or ended without arriving and not skipped
    /// on purpose (a failed, cancelled or unknown job a new submission takes over).
    #[must_use]
    pub fn is_open(&self) -> bool {
        self.end()
            .is_none_or(|e| !e.outcome.delivered() && e.outcome != Outcome::Skipped)
    }

    /// Whether stopping it now leaves an attempt unsettled: an earlier one was, or the one in
    /// progress had sent its whole body (`body_out`) without an answer.
    #[must_use]
    pub fn unsettled_if_stopped(&self, body_out: bool) -> bool {
        self.verify_first || (self.in_flight() && body_out)
    }

    /// Whether ending it with `outcome` leaves an attempt unsettled.
    #[must_use]
    pub fn unsettled_after(&self, outcome: Outcome, body_out: bool) -> bool {
        match outcome {
            // Accepted but not seen, like an unknown outcome, is checked before anything else.
            Outcome::Unknown | Outcome::Unconfirmed => true,
            Outcome::Uploaded | Outcome::Accepted | Outcome::Skipped => false,
            Outcome::Failed | Outcome::Cancelled => self.unsettled_if_stopped(body_out),
        }
    }

    /// The state to show for it, when nothing more specific is going on.
    #[must_use]
    pub fn file_state(&self) -> FileState {
        match &self.phase {
            Phase::Waiting => FileState::Queued,
            Phase::Sending => FileState::Uploading,
            Phase::Confirming => FileState::Accepted,
            Phase::Ended { end } => end.outcome.state(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::upload::journal::now;
    use crate::upload::types::FileId;

    fn start(owner: &str, attempt: u32) -> Record {
        Record::Start {
            file: FileId("f".into()),
            owner: owner.into(),
            attempt,
            at: now(),
            seen_before: Some(attempt - 1),
            ride: None,
        }
    }

    fn end(outcome: Outcome, unsettled: Option<bool>) -> Record {
        Record::End {
            file: FileId("f".into()),
            outcome,
            at: now(),
            attachment_id: None,
            message: None,
            unsettled,
        }
    }

    #[test]
    fn records_walk_the_lifecycle() {
        let mut life = Life::new("o-a");
        assert!(!life.needs_check() && life.is_open());
        life.apply(&start("o-a", 1));
        assert!(life.in_flight() && life.needs_check());
        assert_eq!(life.seen_before, Some(0));
        life.apply(&Record::Attempted {
            file: FileId("f".into()),
            unsettled: false,
        });
        assert_eq!(life.phase, Phase::Waiting);
        assert!(!life.needs_check(), "a refused attempt is settled");
        life.apply(&start("o-a", 2));
        life.apply(&end(Outcome::Unknown, Some(true)));
        assert!(life.verify_first && life.is_open() && !life.delivered());
        life.apply(&Record::Reopen {
            file: FileId("f".into()),
            owner: "o-b".into(),
            at: now(),
            verify_first: None,
        });
        assert_eq!(life.owner, "o-b");
        assert!(life.verify_first, "a reopen without a say keeps the flag");
        life.apply(&end(Outcome::Uploaded, Some(false)));
        assert!(life.delivered() && !life.is_open());
        assert_eq!(life.attempts, 2);
    }

    #[test]
    fn a_claim_of_a_dead_owners_attempt_checks_first() {
        let mut life = Life::new("o-a");
        life.apply(&start("o-a", 1));
        life.apply(&Record::Claim {
            file: FileId("f".into()),
            owner: "o-b".into(),
            at: now(),
        });
        assert_eq!(life.phase, Phase::Waiting);
        assert!(life.verify_first && life.needs_check());
        assert!(
            life.unsettled_if_stopped(false),
            "a cancel keeps the check due"
        );
    }

    #[test]
    fn old_end_records_derive_the_flag_and_a_snapshot_restores_everything() {
        let mut life = Life::new("o-a");
        life.apply(&start("o-a", 1));
        life.apply(&end(Outcome::Cancelled, None));
        assert!(life.verify_first, "cancelled after an attempt: check first");
        let mut fresh = Life::new("o-x");
        fresh.apply(&end(Outcome::Cancelled, None));
        assert!(!fresh.verify_first, "cancelled before any attempt");
        let mut restored = Life::new("someone");
        restored.apply(&Record::Life {
            file: FileId("f".into()),
            life: life.clone(),
        });
        assert_eq!(restored, life);
    }

    #[test]
    fn stopping_is_unsettled_only_when_bytes_may_have_arrived() {
        let mut life = Life::new("o-a");
        assert!(
            !life.unsettled_after(Outcome::Cancelled, true),
            "never sent"
        );
        life.apply(&start("o-a", 1));
        assert!(!life.unsettled_after(Outcome::Cancelled, false));
        assert!(life.unsettled_after(Outcome::Cancelled, true));
        assert!(life.unsettled_after(Outcome::Unknown, false));
        assert!(!life.unsettled_after(Outcome::Uploaded, true));
        assert!(!life.unsettled_after(Outcome::Skipped, true));
    }

    #[test]
    fn a_ride_binds_until_its_outcome_is_known() {
        let leader = FileId("leader".into());
        let mut rider = Life::new("me");
        rider.apply(&Record::Start {
            file: FileId("f".into()),
            owner: "me".into(),
            attempt: 1,
            at: now(),
            seen_before: Some(0),
            ride: Some(leader.clone()),
        });
        assert_eq!(rider.ride.as_ref(), Some(&leader));
        rider.apply(&Record::Attempted {
            file: FileId("f".into()),
            unsettled: true,
        });
        assert_eq!(rider.ride.as_ref(), Some(&leader), "still bound");
        let mut accepted = rider.clone();
        accepted.apply(&Record::Accepted {
            file: FileId("f".into()),
            key: "leader".into(),
            at: now(),
        });
        assert_eq!(accepted.ride, None, "the outcome is known");
        rider.apply(&end(Outcome::Unknown, Some(true)));
        assert_eq!(rider.ride, None, "an ended job goes alone when sent again");

        let mut sender = Life::new("me");
        sender.apply(&start("me", 1));
        sender.apply(&Record::Ride {
            file: FileId("f".into()),
            riders: vec![FileId("a".into()), FileId("b".into())],
        });
        assert_eq!(sender.riders.len(), 2);
        sender.apply(&start("me", 2));
        assert_eq!(sender.riders.len(), 2, "sent again, the same riders");
        sender.apply(&Record::Accepted {
            file: FileId("f".into()),
            key: "f".into(),
            at: now(),
        });
        assert!(sender.riders.is_empty(), "the outcome is known");
    }
}
