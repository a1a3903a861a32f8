//! Truto (`../shared/providers/truto.md`).

use std::time::Duration;

use crate::model::{
    API_KEY, AccountField, AccountShape,
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

/// The account field naming the connected account, sent as the `integrated_account_id` query
/// value on every unified-API request [doc].
pub const INTEGRATED_ACCOUNT_ID: &str = "integrated_account_id";

const INTEGRATED_ACCOUNT_ID_FIELD: AccountField = AccountField {
    key: INTEGRATED_ACCOUNT_ID,
    label: "Integrated account id",
    hint: "a UUID from Truto",
    flag: "integrated-account-id",
    env: "ATSDROP_INTEGRATED_ACCOUNT_ID",
    help: "Truto: the integrated account id.",
    missing: "Truto needs an integrated account id: copy it from the Truto dashboard.",
};

/// The profile.
pub static PROFILE: ProviderProfile = ProviderProfile {
    id: ProviderId::Truto,
    default_base_url: "https://api.truto.one",
    account: AccountShape {
        secret: API_KEY,
        fields: &[INTEGRATED_ACCOUNT_ID_FIELD],
    },
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
    requests_per_upload: 1,
    can_list_attachments: true,
    can_delete_attachments: false,
    candidate_search: CandidateSearch::Email,
    asynchronous: false,
};

// ---- Assumptions shared by the Truto client and the emulator ----
//
// Truto documents only `file` (binary) and `remote_data` for `POST /unified/ats/attachments`
// [seed]; everything below marked [assumption] is ours (truto.md §3.1) and is the first thing to
// re-check against the live API.

/// Multipart part carrying the file bytes [seed: `file` string · binary].
pub const UPLOAD_FILE_FIELD: &str = "file";
/// Candidate the file belongs to: sent as a query parameter **and** as this multipart text
/// field [assumption]; the emulator accepts either.
pub const UPLOAD_CANDIDATE_FIELD: &str = "candidate_id";
/// Optional application the file belongs to, sent like `candidate_id` [assumption].
pub const UPLOAD_APPLICATION_FIELD: &str = "application_id";
/// Multipart text field with the attachment type (`resume`, `cover_letter`, `other`); only a
/// response field in the docs [assumption]. The emulator defaults it to `other`.
pub const UPLOAD_TYPE_FIELD: &str = "attachment_type";
/// Multipart text field with a JSON object passed verbatim to the ATS [seed: `remote_data`].
pub const UPLOAD_REMOTE_DATA_FIELD: &str = "remote_data";
/// Largest `limit` asked for per list page; Truto documents no maximum [assumption].
pub const LIST_PAGE_MAX: usize = 100;
/// A name search is not a Truto filter, so the client pages the list and filters locally; one
/// call scans at most this many candidates before handing back a cursor to continue [ours].
pub const LOCAL_SEARCH_SCAN_MAX: usize = 1000;
/// `Retry-After` seconds on Truto's own 429s, both tiers [R-err, documented].
pub const RETRY_AFTER_SECS: u64 = 10;
/// Requests per 10 s per API token [R-err, documented]; the per-account limit is
/// `PROFILE.rate_limit`.
pub const TOKEN_RATE_LIMIT: u32 = 500;

/// Emulator only: a second demo integrated account on the same Lever data that is a
/// read-only sandbox (`is_sandbox: true`) — every `POST`/`PATCH`/`DELETE` answers 405 [R-uni].
pub const EMULATOR_SANDBOX_ACCOUNT_ID: &str = "7d0c2a5e-5b1f-4f3a-9e6d-5a4d7c0b5add";
/// Emulator only: a third demo integrated account connected to Greenhouse, whose unified
/// `ats/attachments` offers `list` and `download` but not `create` [doc: D-att-create: Lever
/// only], so the connection check reports that it cannot take uploads.
pub const EMULATOR_NO_UPLOAD_ACCOUNT_ID: &str = "3b9e6f12-8c4d-4e7a-b2f0-9c1d2e3f4a5b";
/// Emulator only: a fourth demo Lever account whose Lever credentials have stopped working
/// (`status: needs_reauth`): every unified call answers Truto's remote 401
/// (`truto_is_remote_error: true`) until it is re-authorised [R-err].
pub const EMULATOR_NEEDS_REAUTH_ACCOUNT_ID: &str = "c4f1d8e2-6a3b-4c5d-8e9f-0a1b2c3d4e5f";
