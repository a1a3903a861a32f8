//! Candidates and their existing attachments, in one shape for every system.

use serde::{Deserialize, Serialize};

/// A candidate as the picker shows it, mapped from each system's own shape.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Candidate {
    /// The id uploads are addressed to (Kombo id, Airtable record id, Endorsed UUID…).
    pub id: String,
    /// Display name ("Jane Doe"); may be empty when the system has none.
    pub name: String,
    /// Primary e-mail, when the system has one.
    pub email: Option<String>,
    /// Primary (else first) phone number as the system writes it, when the system has one;
    /// the content check matches a file to the candidate by it.
    #[serde(default)]
    pub phone: Option<String>,
    /// The candidate's id in an originating system, when the system reports one.
    pub remote_id: Option<String>,
    /// Applications the candidate has (Kombo can attach to an application instead).
    pub applications: Vec<Application>,
}

/// One application of a candidate to a job.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Application {
    /// The application id.
    pub id: String,
    /// The job's name, when known.
    pub job_name: Option<String>,
}

/// An attachment already stored on a candidate.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RemoteAttachment {
    /// The system's attachment id.
    pub id: String,
    /// File name as stored.
    pub name: String,
    /// The system's type / field value, when reported.
    pub attachment_type: Option<String>,
    /// Size in bytes, when reported.
    pub size: Option<u64>,
    /// Creation time as the system reports it (ISO 8601), when reported.
    pub created_at: Option<String>,
    /// MIME type, when reported.
    pub content_type: Option<String>,
}
