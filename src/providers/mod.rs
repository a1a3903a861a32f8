//! Clients for the five recruiting systems behind one trait, [`AtsClient`].
//!
//! Each system lives in its own file with its serde wire types kept private. Shared pieces:
//! [`http`] (base-URL rules, timeouts, redirects, error mapping), [`body`] (bodies streamed from
//! disk with an exact `Content-Length`) and [`ProviderError`].

pub mod body;
mod connection;
mod endorsed;
mod error;
pub mod http;
mod kombo;
pub mod multipart;
mod onderwijsregio;
mod spott;
mod truto;

use std::path::PathBuf;
use std::sync::Arc;

use async_trait::async_trait;

pub use body::{ProgressFn, no_progress};
pub use connection::Connection;
pub use error::ProviderError;
pub use http::Timeouts;

use crate::model::{Candidate, Limits, ProviderId, RemoteAttachment};

/// One page of candidates and how to ask for the next.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CandidatePage {
    /// The candidates found, at most the requested limit.
    pub candidates: Vec<Candidate>,
    /// Pass this back to continue; `None` when there are no more.
    pub next: Option<String>,
}

/// Where files are attached.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UploadTarget {
    /// The candidate's id in the system.
    pub candidate_id: String,
    /// Kombo only: attach to this application instead of the candidate.
    pub application_id: Option<String>,
}

/// One file to upload.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UploadFile {
    /// Where the file is on disk.
    pub path: PathBuf,
    /// The file name to send.
    pub name: String,
    /// The MIME type to send (from the content, never `application/octet-stream` when known).
    pub content_type: String,
    /// Size in bytes when it was checked; sending fails if the file no longer has it.
    pub size: u64,
    /// The system's attachment type (wire value).
    pub attachment_type: String,
    /// A stable key for this file's upload, kept across retries and restarts: sent as the
    /// idempotency key (Onderwijsregio, Truto) or upsert id `remote.<key>` (Endorsed).
    pub key: String,
    /// Endorsed: the attachment's id in the originating system (default: `key`).
    pub remote_id: Option<String>,
    /// The content's XXH3-128 fingerprint, recorded with its sha256 when the file was queued.
    /// When set, the body fingerprints the bytes it reads and fails before the last chunk leaves
    /// if they differ — so a file changed since it was checked never arrives complete.
    pub fingerprint: Option<u128>,
}

/// What the system said about one uploaded file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum UploadOutcome {
    /// Stored; the system's attachment id when it returns one (Kombo returns none).
    Stored {
        /// The attachment id, if returned.
        attachment_id: Option<String>,
    },
    /// Accepted for asynchronous processing (Onderwijsregio 202); appears later.
    Accepted {
        /// The idempotency key the system acknowledged.
        idempotency_key: String,
    },
}

/// A client for one recruiting system and connection.
#[async_trait]
pub trait AtsClient: Send + Sync + std::fmt::Debug {
    /// Which system this is.
    fn provider(&self) -> ProviderId;

    /// Checks that the credentials work and required ids exist; returns a one-line summary
    /// ("Connected to Kombo integration workday:abc").
    async fn check_connection(&self) -> Result<String, ProviderError>;

    /// Finds candidates: lists when `query` is blank, otherwise searches the way the system
    /// allows. Follows the system's pagination from `cursor` until `limit` candidates.
    async fn find_candidates(
        &self,
        query: &str,
        cursor: Option<&str>,
        limit: usize,
    ) -> Result<CandidatePage, ProviderError>;

    /// Fetches one candidate by id.
    async fn get_candidate(&self, id: &str) -> Result<Candidate, ProviderError>;

    /// Lists the attachments already on a candidate, where the system allows it.
    async fn list_attachments(
        &self,
        candidate_id: &str,
    ) -> Result<Vec<RemoteAttachment>, ProviderError> {
        let _ = candidate_id;
        Err(ProviderError::Unsupported {
            system: self.provider(),
            what: "Listing a candidate's attachments".to_owned(),
        })
    }

    /// Deletes attachments from a candidate, where the system allows it.
    async fn delete_attachments(
        &self,
        candidate_id: &str,
        attachment_ids: &[String],
    ) -> Result<(), ProviderError> {
        let _ = (candidate_id, attachment_ids);
        Err(ProviderError::Unsupported {
            system: self.provider(),
            what: "Deleting attachments".to_owned(),
        })
    }

    /// The limits to validate against for this connection: the profile's, tightened by what
    /// the connected account announces (Kombo).
    async fn limits(&self) -> Result<Limits, ProviderError> {
        Ok(self.provider().profile().limits())
    }

    /// Uploads `files` to `target`, in the system's encoding, streaming each from disk.
    /// Returns one outcome per file, in order. `progress` gets `(file index, bytes sent)`.
    async fn upload(
        &self,
        target: &UploadTarget,
        files: &[UploadFile],
        progress: ProgressFn,
    ) -> Result<Vec<UploadOutcome>, ProviderError>;
}

/// Builds the client for a connection.
pub fn connect(connection: &Connection) -> Result<Arc<dyn AtsClient>, ProviderError> {
    connection.check_complete()?;
    Ok(match connection.provider {
        ProviderId::Spott => Arc::new(spott::SpottClient::new(connection)?),
        ProviderId::Endorsed => Arc::new(endorsed::EndorsedClient::new(connection)?),
        ProviderId::Kombo => Arc::new(kombo::KomboClient::new(connection)?),
        ProviderId::Onderwijsregio => {
            Arc::new(onderwijsregio::OnderwijsregioClient::new(connection)?)
        }
        ProviderId::Truto => Arc::new(truto::TrutoClient::new(connection)?),
    })
}

/// The candidate's phone number from a system's list of `(number, flagged primary)`: the first
/// non-blank one flagged primary, else the first non-blank one, trimmed; `None` when there is
/// none. Systems without a primary flag pass `false` for every number.
fn primary_phone(numbers: impl IntoIterator<Item = (Option<String>, bool)>) -> Option<String> {
    let mut first = None;
    for (number, primary) in numbers {
        let Some(number) = number
            .map(|n| n.trim().to_owned())
            .filter(|n| !n.is_empty())
        else {
            continue;
        };
        if primary {
            return Some(number);
        }
        first.get_or_insert(number);
    }
    first
}

#[cfg(test)]
mod tests {
    use super::primary_phone;

    #[test]
    fn the_primary_phone_wins_and_blanks_are_none() {
        let n = |s: &str| Some(s.to_owned());
        assert_eq!(
            primary_phone([(n("+31 1"), false), (n(" 06 2 "), true)]),
            n("06 2")
        );
        assert_eq!(
            primary_phone([(n("  "), true), (None, false), (n("+31 1"), false)]),
            n("+31 1")
        );
        assert_eq!(primary_phone([(n(""), true), (None, false)]), None);
        assert_eq!(primary_phone([]), None);
    }
}
