//! Kombo (`../shared/providers/kombo.md`).

use std::time::Duration;

use crate::model::{
    API_KEY, AccountField, AccountShape,
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

/// `page_size` of `GET /ats/candidates` (and `/ats/applications`) is 1..=250 [OAS].
pub const MAX_PAGE_SIZE: usize = 250;

/// `page_size` when none is given [OAS].
pub const DEFAULT_PAGE_SIZE: usize = 100;

/// Seconds in the `Retry-After` header the emulator sends with a 429 [assumption]: Kombo
/// documents no header, only "retry with exponential backoff starting at about 1 s".
pub const RETRY_AFTER_SECS: u64 = 1;

/// The response header telling how many more actions may run at once [doc: D-conc]. The
/// emulator also sends it on `/ats` model reads, which take no slot [assumption], so a client
/// can look without using one up.
pub const CONCURRENCY_REMAINING_HEADER: &str = "Concurrency-Remaining";

/// Emulator only: a second sandbox integration (next to
/// `emulator::credentials::KOMBO_INTEGRATION_ID`, which takes every type up to 20 MiB with the
/// app's default MIME list). This one announces the restrictions of Kombo's own example
/// [OAS example]: `CV` and `COVER_LETTER` unsupported; `OTHER` at most 10 MiB, only
/// `application/pdf` and `application/msword`. Breaking them is answered with
/// 400 `PLATFORM.INPUT_INVALID` [assumption]. Its scope config also lacks "Read document
/// attachments", so listing attachments is answered with 403
/// `INTEGRATION.PERMISSION_MISSING` [assumption].
pub const SANDBOX_RESTRICTED_INTEGRATION_ID: &str = "greenhouse:8d1hpPsbjxUkoCoa1veLZGe5";

/// The account field holding the integration a request acts on, sent as `X-Integration-Id` on
/// every request [doc].
pub const INTEGRATION_ID: &str = "integration_id";

const INTEGRATION_ID_FIELD: AccountField = AccountField {
    key: INTEGRATION_ID,
    label: "Integration id",
    hint: "e.g. workday:HWUTwvyx2wLoSUHphiWVrp28",
    flag: "integration-id",
    env: "ATSDROP_INTEGRATION_ID",
    help: "Kombo: the integration id (X-Integration-Id).",
    missing: "Kombo needs an integration id (sent as X-Integration-Id): copy it from the Kombo dashboard.",
};

/// The profile.
pub static PROFILE: ProviderProfile = ProviderProfile {
    id: ProviderId::Kombo,
    default_base_url: "https://api.kombo.dev/v1",
    account: AccountShape {
        secret: API_KEY,
        fields: &[INTEGRATION_ID_FIELD],
    },
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
    requests_per_upload: 1,
    can_list_attachments: true,
    can_delete_attachments: false,
    candidate_search: CandidateSearch::EmailOrExactName,
    asynchronous: false,
};
