//! One line of the journal.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use super::Mtime;
use crate::upload::account::Account;
use crate::upload::lifecycle::Life;
use crate::upload::types::{BatchId, FileId, MailOrigin, Original, Outcome};

/// One line of the journal.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "t", rename_all = "snake_case")]
pub enum Record {
    /// A batch was submitted.
    Batch {
        /// Its id.
        batch: BatchId,
        /// The engine that submitted it.
        owner: String,
        /// When (RFC 3339).
        at: String,
        /// The account (no secret).
        connection: Account,
        /// The candidate.
        candidate_id: String,
        /// The candidate's name, if known.
        candidate_name: Option<String>,
        /// Kombo: the application, if any.
        application_id: Option<String>,
    },
    /// A file was queued (before anything is sent).
    File {
        /// Its id (also its idempotency key).
        file: FileId,
        /// Its batch.
        batch: BatchId,
        /// Where it is.
        path: PathBuf,
        /// Name sent.
        name: String,
        /// Size when queued.
        size: u64,
        /// Modification time when queued.
        mtime: Option<Mtime>,
        /// MIME type sent.
        content_type: String,
        /// The system's attachment type.
        attachment_type: String,
        /// Endorsed remote id, if given.
        remote_id: Option<String>,
        /// For a fixed copy: the files it was made from (absent in older journals).
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        made_from: Vec<Original>,
        /// For a mail's attachment: the mail (absent in older journals).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        from_mail: Option<MailOrigin>,
    },
    /// A file's sha256 was computed.
    Hashed {
        /// The file.
        file: FileId,
        /// Hex sha256.
        sha256: String,
        /// Hex XXH3-128, checked while the file streams out.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        xxh3: Option<String>,
    },
    /// An attempt to send a file begins.
    Start {
        /// The file.
        file: FileId,
        /// The engine sending it.
        owner: String,
        /// Attempt number, from 1.
        attempt: u32,
        /// When.
        at: String,
        /// How many attachments with this name (and size) the candidate had before, where the
        /// system can list them: lets a restarted engine tell whether the upload arrived.
        seen_before: Option<u32>,
        /// The file whose request this one rode in (several files in one request), if it did;
        /// absent in older journals.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        ride: Option<FileId>,
    },
    /// Files rode in this file's request (it sent them with its own), in the order they went.
    /// Where a system's idempotency key names the request, a request whose answer was lost is
    /// sent again with these same files under the same key, and they never go alone meanwhile.
    Ride {
        /// The file whose request it was (the leader).
        file: FileId,
        /// The files that rode in it.
        riders: Vec<FileId>,
    },
    /// A system that stores files later accepted the upload (Onderwijsregio's 202): it is not
    /// stored until it is seen on the candidate.
    Accepted {
        /// The file.
        file: FileId,
        /// The idempotency key it was accepted under.
        key: String,
        /// When.
        at: String,
    },
    /// An attempt ended without ending the job (it will be retried, or ended next).
    Attempted {
        /// The file.
        file: FileId,
        /// Whether the attempt may have reached the system (its outcome is unknown): check
        /// before sending again.
        unsettled: bool,
    },
    /// An engine took over an orphaned job.
    Claim {
        /// The file.
        file: FileId,
        /// The new owner.
        owner: String,
        /// When.
        at: String,
    },
    /// A file's job ended.
    End {
        /// The file.
        file: FileId,
        /// How.
        outcome: Outcome,
        /// When.
        at: String,
        /// The system's attachment id, if any.
        attachment_id: Option<String>,
        /// The sentence explaining a failure or a skip.
        message: Option<String>,
        /// Whether an attempt may have reached the system without that being settled (a
        /// cancel while waiting for the answer, an unknown outcome): whoever sends the file
        /// again must first check whether it arrived. Absent in journals written before it
        /// existed, where it is derived from the outcome.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        unsettled: Option<bool>,
    },
    /// The user reopened an ended job (retry by hand), or a new submission took it over.
    Reopen {
        /// The file.
        file: FileId,
        /// The engine that will send it.
        owner: String,
        /// When.
        at: String,
        /// Check with the system whether an earlier attempt arrived before sending again. Absent
        /// in journals written before it existed, where the ended job's own state stands.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        verify_first: Option<bool>,
    },
    /// A job's whole lifecycle state, as a compacted journal keeps it in place of the records
    /// that led there.
    Life {
        /// The file.
        file: FileId,
        /// Its state.
        life: Life,
    },
}
