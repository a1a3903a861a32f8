//! Pure domain: systems, their profiles and limits, candidates, file facts and validation.
//! No I/O happens here.

mod account_shape;
mod attachment_type;
mod candidate;
mod file_facts;
mod file_kind;
mod health;
mod limits;
mod profile;
pub mod profiles;
mod provider_id;
mod report;
mod secret;
mod units;
mod validate;
mod visible;

pub use account_shape::{API_KEY, AccountField, AccountIds, AccountShape, SecretShape};
pub use attachment_type::{AttachmentRole, AttachmentType, label_text};
pub use candidate::{Application, Candidate, RemoteAttachment};
pub use file_facts::FileFacts;
pub use file_kind::FileKind;
pub use health::{Allowed, ContentCheck, Health};
pub use limits::{FieldLimit, Limits, MIB, Source, Sourced, TypeRestriction};
pub use profile::{CandidateSearch, Encoding, Idempotency, ProviderProfile, RateLimit};
pub use provider_id::{ProviderId, UnknownProvider};
pub use report::{FieldSummary, FileVerdict, Problem, ProblemKind, StagedFile, ValidationReport};
pub use secret::Secret;
pub use units::{human_bytes, human_duration};
pub use validate::validate;
pub use visible::visible;
