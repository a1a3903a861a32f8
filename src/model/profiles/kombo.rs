//! Kombo (`../shared/providers/kombo.md`).

use std::time::Duration;

use crate::model::{
    AttachmentRole::{CoverLetter, Cv, Other},
    AttachmentType, CandidateSearch, Encoding, Idempotency, MIB, ProviderId, ProviderProfile,
    RateLimit, Sourced,
};

use super::{DEFAULT_ALLOWED_MIME_TYPES, DEFAULT_MAX_BATCH_BYTES};

/// `CV | COVER_LETTER | OTHER` [OAS]. Per integration some may be unsupported (actions endpoint).
const TYPES: &[AttachmentType] = &[
    AttachmentType {
        wire: "CV",
        label: "CV",
        field: "CV",
        role: Cv,
    },
    AttachmentType {
        wire: "COVER_LETTER",
        label: "Cover letter",
        field: "COVER_LETTER",
        role: CoverLetter,
    },
    AttachmentType {
        wire: "OTHER",
        label: "Other",
        field: "OTHER",
        role: Other,
    },
];

/// Largest JSON body the emulator takes [assumption]: base64 of a file adds a third.
pub const MAX_JSON_BODY_BYTES: u64 = 30 * MIB;

/// The profile.
pub static PROFILE: ProviderProfile = ProviderProfile {
    id: ProviderId::Kombo,
    default_base_url: "https://api.kombo.dev/v1",
    types: TYPES,
    default_other: "OTHER",
    fields: &[],
    max_files_per_request: Sourced::documented(1),
    // Per integration (`max_file_bytes` of the actions endpoint); where it is null: 20 MiB, whose
    // base64 (26.7 MiB) fits the 30 MiB JSON body cap [assumption].
    max_file_bytes: Sourced::assumed(20 * MIB),
    max_batch_bytes: DEFAULT_MAX_BATCH_BYTES,
    // Per integration (`accepted_mime_types`); where null: the app defaults [assumption].
    allowed_mime_types: Sourced::assumed(DEFAULT_ALLOWED_MIME_TYPES),
    encoding: Encoding::Base64Json,
    idempotency: Idempotency::None,
    // More than 30 in-flight actions per integration → 429 [doc: D-conc].
    rate_limit: Sourced::documented(RateLimit {
        requests: None,
        per: Duration::from_secs(1),
        max_in_flight: Some(30),
    }),
    can_list_attachments: true,
    can_delete_attachments: false,
    candidate_search: CandidateSearch::EmailOrExactName,
    asynchronous: false,
};
