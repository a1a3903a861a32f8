//! Truto (`../shared/providers/truto.md`).

use std::time::Duration;

use crate::model::{
    AttachmentRole::{CoverLetter, Cv, Other},
    AttachmentType, CandidateSearch, Encoding, Idempotency, ProviderId, ProviderProfile, RateLimit,
    Sourced,
};

use super::{DEFAULT_ALLOWED_MIME_TYPES, DEFAULT_MAX_BATCH_BYTES, DEFAULT_MAX_FILE_BYTES};

/// `attachment_type` values of the unified model [seed]; sent as a multipart field [assumption].
const TYPES: &[AttachmentType] = &[
    AttachmentType {
        wire: "resume",
        label: "Résumé",
        field: "resume",
        role: Cv,
    },
    AttachmentType {
        wire: "cover_letter",
        label: "Cover letter",
        field: "cover_letter",
        role: CoverLetter,
    },
    AttachmentType {
        wire: "other",
        label: "Other",
        field: "other",
        role: Other,
    },
];

/// The profile.
pub static PROFILE: ProviderProfile = ProviderProfile {
    id: ProviderId::Truto,
    default_base_url: "https://api.truto.one",
    types: TYPES,
    default_other: "other",
    fields: &[],
    max_files_per_request: Sourced::documented(1),
    // Not documented by Truto (inherits the ATS's) [assumption].
    max_file_bytes: Sourced::assumed(DEFAULT_MAX_FILE_BYTES),
    max_batch_bytes: DEFAULT_MAX_BATCH_BYTES,
    allowed_mime_types: Sourced::assumed(DEFAULT_ALLOWED_MIME_TYPES),
    encoding: Encoding::Multipart,
    idempotency: Idempotency::Key,
    // 50 requests / 10 s per integrated account → 429 Retry-After: 10 [R-err].
    rate_limit: Sourced::documented(RateLimit {
        requests: Some(50),
        per: Duration::from_secs(10),
        max_in_flight: None,
    }),
    can_list_attachments: true,
    can_delete_attachments: false,
    candidate_search: CandidateSearch::Email,
    asynchronous: false,
};
