//! Onderwijsregio, the "Mutation Engine" (`../shared/providers/onderwijsregio.md`).

use std::time::Duration;

use crate::model::{
    API_KEY, AccountShape,
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
    account: AccountShape {
        secret: API_KEY,
        fields: &[],
    },
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
    requests_per_upload: 1,
    can_list_attachments: true,
    can_delete_attachments: true,
    candidate_search: CandidateSearch::Email,
    asynchronous: true,
};

// ---- Wire facts the client and the emulator share. Each is marked documented or an
// ---- assumption (`../shared/providers/onderwijsregio.md`); correct them here only.

/// The API key header [doc: D-auth].
pub const API_KEY_HEADER: &str = "x-api-key";
/// The deprecated API key header, still accepted until the next major version [doc: D-migr].
pub const LEGACY_API_KEY_HEADER: &str = "api-key";
/// `x-api-sandbox: true` switches a request to the sandbox [seed], [doc: D-sandbox].
pub const SANDBOX_HEADER: &str = "x-api-sandbox";
/// Largest `pageSize` of `GET /candidates` [doc: D-find].
pub const MAX_PAGE_SIZE: usize = 100;
/// `pageSize` when none is given [assumption: Airtable's default page of 100].
pub const DEFAULT_PAGE_SIZE: usize = 100;
/// Most files per attachment field in one request ("Maximum of 5 attachments per field") [seed].
pub const MAX_FILES_PER_FIELD: usize = 5;
/// Largest file sent by public URL: "up to 25MB" [seed], read as 25 MiB [assumption].
pub const MAX_URL_FILE_BYTES: u64 = 25 * MIB;
/// Where a mutation's idempotency key goes: a query parameter [assumption]; the emulator also
/// accepts [`IDEMPOTENCY_HEADER`].
pub const IDEMPOTENCY_QUERY: &str = "idempotencyKey";
/// The header form of the idempotency key the emulator also accepts [assumption].
pub const IDEMPOTENCY_HEADER: &str = "Idempotency-Key";
/// Where a mutation's completion callback URL goes: a query parameter [assumption].
pub const CALLBACK_QUERY: &str = "callbackUrl";
/// Longest idempotency key accepted [assumption].
pub const MAX_IDEMPOTENCY_KEY_LEN: usize = 255;
/// Longest file name accepted [assumption].
pub const MAX_FILE_NAME_LEN: usize = 255;
/// The item property holding the file name [assumption, from the v1 data model].
pub const ITEM_FILE_NAME: &str = "filename";
/// The item property holding a `data:<mime>;base64,` URI [assumption].
pub const ITEM_DATA: &str = "data";
/// The item property holding a public URL [assumption].
pub const ITEM_URL: &str = "url";
/// The body property of `DELETE /candidates/{id}/attachments` listing attachment ids [assumption].
pub const DELETE_IDS_FIELD: &str = "attachmentIds";
/// `Retry-After` seconds announced with a 429 [assumption: not documented; the emulator sends 1].
pub const RETRY_AFTER_SECS: u64 = 1;
/// The `message` of every 202 [seed].
pub const ACCEPTED_MESSAGE: &str = "The mutation request has been accepted for processing.";
