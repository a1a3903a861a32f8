//! Onderwijsregio, the "Mutation Engine" (`../shared/providers/onderwijsregio.md`).

use std::time::Duration;

use crate::model::{
    AttachmentRole::{Cv, Other},
    AttachmentType, CandidateSearch, Encoding, FieldLimit, Idempotency, MIB, ProviderId,
    ProviderProfile, RateLimit, Sourced,
};

use super::DEFAULT_MAX_BATCH_BYTES;

/// The two attachment fields are the "types" [seed]. Cover letters go to `otherAttachments`.
const TYPES: &[AttachmentType] = &[
    AttachmentType {
        wire: "curriculumVitae",
        label: "CV",
        field: "curriculumVitae",
        role: Cv,
    },
    AttachmentType {
        wire: "otherAttachments",
        label: "Other attachment",
        field: "otherAttachments",
        role: Other,
    },
];

/// "Maximum of 5 attachments per field" [seed] — per request; atsdrop sends one batch per
/// candidate as at most one request's worth [assumption].
const FIELDS: &[FieldLimit] = &[
    FieldLimit {
        field: "curriculumVitae",
        label: "CV",
        max_files: Some(Sourced::documented(5)),
    },
    FieldLimit {
        field: "otherAttachments",
        label: "other",
        max_files: Some(Sourced::documented(5)),
    },
];

/// The 20 accepted MIME types [seed].
const MIME: &[&str] = &[
    "image/png",
    "image/jpeg",
    "image/webp",
    "image/gif",
    "image/heic",
    "image/heif",
    "application/pdf",
    "application/msword",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/vnd.oasis.opendocument.text",
    "application/vnd.ms-excel",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "application/vnd.ms-powerpoint",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "text/plain",
    "text/markdown",
    "text/csv",
    "application/rtf",
    "application/json",
    "application/xml",
];

/// The profile.
pub static PROFILE: ProviderProfile = ProviderProfile {
    id: ProviderId::Onderwijsregio,
    default_base_url: "https://onderwijsregio.onderwijsin.nl/api/v2",
    types: TYPES,
    default_other: "otherAttachments",
    fields: FIELDS,
    max_files_per_request: Sourced::documented(10),
    // Base64 data URIs: up to 5 MB of file [seed]; read as 5 MiB of decoded bytes [assumption].
    max_file_bytes: Sourced::documented(5 * MIB),
    max_batch_bytes: DEFAULT_MAX_BATCH_BYTES,
    allowed_mime_types: Sourced::documented(MIME),
    encoding: Encoding::DataUriJson,
    idempotency: Idempotency::Key,
    // Airtable: 5 requests / second shared [doc: D-trouble].
    rate_limit: Sourced::documented(RateLimit {
        requests: Some(5),
        per: Duration::from_secs(1),
        max_in_flight: None,
    }),
    can_list_attachments: true,
    can_delete_attachments: true,
    candidate_search: CandidateSearch::Email,
    asynchronous: true,
};
