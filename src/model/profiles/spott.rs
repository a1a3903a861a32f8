//! Spott (`../shared/providers/spott.md`).

use std::time::Duration;

use crate::model::{
    API_KEY, AccountShape,
    AttachmentRole::{CoverLetter, Cv, Other},
    AttachmentType, CandidateSearch, Encoding, Idempotency, MIB, ProviderId, ProviderProfile,
    RateLimit, Sourced,
};

use super::DEFAULT_MAX_BATCH_BYTES;

const fn t(
    wire: &'static str,
    label: &'static str,
    role: crate::model::AttachmentRole,
) -> AttachmentType {
    AttachmentType {
        wire,
        label,
        field: wire,
        role,
    }
}

/// Types offered for candidates (§3.3 recommendation [assumption]: the candidate-relevant part
/// of the long list; the emulator accepts the whole list case-insensitively).
const TYPES: &[AttachmentType] = &[
    t("CV", "CV", Cv),
    t("COVER_LETTER", "Cover letter", CoverLetter),
    t("ID_DOCUMENT", "ID document", Other),
    t("QUESTIONNAIRE", "Questionnaire", Other),
    t("PERSONALITY_TEST", "Personality test", Other),
    t("OFFER", "Offer", Other),
    t("TRANSCRIPT", "Transcript", Other),
    t("TERMS_AND_CONDITIONS", "Terms and conditions", Other),
    t("CANDIDATE_BRIEFING", "Candidate briefing", Other),
    t("unassigned", "Unassigned", Other),
];

/// The 13 MIME types of the upload endpoint [seed].
const MIME: &[&str] = &[
    "application/pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/msword",
    "image/jpeg",
    "image/png",
    "image/gif",
    "image/bmp",
    "image/webp",
    "image/tiff",
    "image/svg+xml",
    "image/x-icon",
    "image/vnd.microsoft.icon",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
];

/// The profile.
pub static PROFILE: ProviderProfile = ProviderProfile {
    id: ProviderId::Spott,
    default_base_url: "https://api.gospott.com",
    account: AccountShape {
        secret: API_KEY,
        fields: &[],
    },
    types: TYPES,
    default_other: "unassigned",
    fields: &[],
    max_files_per_request: Sourced::documented(10),
    // "50MB per file" [seed]; read as MiB [assumption].
    max_file_bytes: Sourced::documented(50 * MIB),
    max_batch_bytes: DEFAULT_MAX_BATCH_BYTES,
    allowed_mime_types: Sourced::documented(MIME),
    encoding: Encoding::Multipart,
    idempotency: Idempotency::None,
    // 1000 requests / minute / API key [doc: D-auth].
    rate_limit: Sourced::documented(RateLimit {
        requests: Some(1000),
        per: Duration::from_mins(1),
        max_in_flight: None,
    }),
    requests_per_upload: 2,
    can_list_attachments: true,
    can_delete_attachments: false,
    candidate_search: CandidateSearch::FreeText,
    asynchronous: false,
};
