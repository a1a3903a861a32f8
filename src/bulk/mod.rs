//! Bulk: a folder (or files, or mails) of CVs for many candidates, each file matched to its
//! candidate in the connected system, checked for that candidate, and sent to them.
//!
//! - [`check`]: reading a file and checking the files matched to each candidate together.
//! - [`file_name`]: whose a file name says it is.
//! - [`mapping`]: the user's `file,candidate_id` CSV.
//! - [`matcher`]: the evidence in order of trust, asked of the system at its own pace.
//! - [`report`]: the run as a CSV table (file, candidate, matched by, outcome).

pub mod check;
pub mod file_name;
pub mod mapping;
pub mod matcher;
pub mod report;

pub use mapping::{Mapping, MappingError};
pub use matcher::{Evidence, MatchedBy, Matcher, Proposal};
pub use report::{ReportRow, write_csv};
