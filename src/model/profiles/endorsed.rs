//! Endorsed (`../shared/providers/endorsed.md`).

use std::time::Duration;

use crate::model::{
    AccountField, AccountShape,
    AttachmentRole::{Cv, Other},
    AttachmentType, CandidateSearch, Encoding, Idempotency, MIB, ProviderId, ProviderProfile,
    RateLimit, SecretShape, Sourced,
};

use super::DEFAULT_MAX_BATCH_BYTES;

/// "Only currently supports `about`, `resume`, `role_preferences`, and `work_experiences`" [seed].
/// No cover-letter type exists.
const TYPES: &[AttachmentType] = &[
    AttachmentType {
        wire: "resume",
        label: "Résumé",
        field: "resume",
        role: Cv,
    },
    AttachmentType {
        wire: "about",
        label: "About",
        field: "about",
        role: Other,
    },
    AttachmentType {
        wire: "role_preferences",
        label: "Role preferences",
        field: "role_preferences",
        role: Other,
    },
    AttachmentType {
        wire: "work_experiences",
        label: "Work experiences",
        field: "work_experiences",
        role: Other,
    },
];

/// Not documented: the emulator's allow-list (§3.1 [assumption]).
const MIME: &[&str] = &[
    "application/pdf",
    "application/msword",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "text/plain",
    "application/rtf",
    "application/vnd.oasis.opendocument.text",
];

/// The account field holding the OAuth client id, exchanged with the client secret for a token
/// [doc: access-tokens]. Not secret: it is shown in settings and kept in the journal.
pub const CLIENT_ID: &str = "client_id";

const CLIENT_ID_FIELD: AccountField = AccountField {
    key: CLIENT_ID,
    label: "Client id",
    hint: "a UUID from Endorsed",
    flag: "client-id",
    env: "ATSDROP_CLIENT_ID",
    help: "Endorsed: the OAuth client id (the client secret comes from ATSDROP_CLIENT_SECRET or the keyring).",
    missing: "Endorsed needs a client id: copy it from your Endorsed API credentials.",
};

/// The profile.
pub static PROFILE: ProviderProfile = ProviderProfile {
    id: ProviderId::Endorsed,
    default_base_url: "https://endorsed.ai/api/v1",
    account: AccountShape {
        secret: SecretShape {
            label: "Client secret",
            noun: "client secret",
            env: "ATSDROP_CLIENT_SECRET",
            json_key: "client_secret",
        },
        fields: &[CLIENT_ID_FIELD],
    },
    types: TYPES,
    default_other: "about",
    fields: &[],
    // One `file` field per request [seed].
    max_files_per_request: Sourced::documented(1),
    // Not documented: 25 MiB [assumption].
    max_file_bytes: Sourced::assumed(25 * MIB),
    max_batch_bytes: DEFAULT_MAX_BATCH_BYTES,
    allowed_mime_types: Sourced::assumed(MIME),
    encoding: Encoding::Multipart,
    // Upsert by `remote.<id>` gives a natural replay key [seed + assumption].
    idempotency: Idempotency::Upsert,
    // Not documented: honour 429 + Retry-After only [assumption].
    rate_limit: Sourced::assumed(RateLimit {
        requests: None,
        per: Duration::from_secs(1),
        max_in_flight: Some(4),
    }),
    requests_per_upload: 1,
    can_list_attachments: false,
    can_delete_attachments: false,
    candidate_search: CandidateSearch::IdOnly,
    asynchronous: false,
};

// ---- Endorsed wire facts shared by the client and the emulator ----

/// The prefix that marks a remote (originating-system) id in a path: `remote.<id>` [seed].
pub const REMOTE_ID_PREFIX: &str = "remote.";

/// The scopes a client-credentials token may carry; both are granted by default
/// [doc: access-tokens].
pub const SCOPES: &[&str] = &["all:read", "all:write"];

/// The token lifetime of the documentation's example (`expires_in: "1209600"`, 14 days)
/// [doc: access-tokens]; the emulator issues tokens for this long.
pub const TOKEN_LIFETIME: Duration = Duration::from_hours(14 * 24);

/// A cached token is renewed this long before it expires [assumption].
pub const TOKEN_RENEW_MARGIN: Duration = Duration::from_mins(1);

/// How long a token is used when the answer names no lifetime [assumption]; a 401 renews
/// it earlier anyway.
pub const TOKEN_FALLBACK_LIFETIME: Duration = Duration::from_hours(1);

/// The longest token lifetime believed, whatever `expires_in` says [assumption]: a token is
/// fetched again at least this often (the documented lifetime is 14 days).
pub const TOKEN_MAX_LIFETIME: Duration = Duration::from_hours(30 * 24);

/// Uploads use the upsert `PUT /attachments/remote.<id>` [seed: "Updates or Upserts"; the
/// method is an assumption], so a retried upload replaces rather than duplicates.
pub const UPSERT_METHOD: &str = "PUT";

/// Largest page of the emulator-only `GET /candidates?q=` and of `GET /candidate_rankings`
/// [assumption; the docs' examples use 50].
pub const MAX_PAGE_SIZE: usize = 100;

/// The remote id of one file of an upload given `--remote-id base` (an atsdrop rule, not
/// Endorsed's): the base itself for a single file; with several files, `base-<file name>`
/// (lower-case, every run of characters other than letters, digits, `.` and `_` made one `-`),
/// so the same command run again — in any order — upserts the same attachments.
#[must_use]
pub fn remote_id_for(base: &str, file_name: &str, several: bool) -> String {
    if !several {
        return base.to_owned();
    }
    let mut slug = String::with_capacity(file_name.len());
    for c in file_name.chars().flat_map(char::to_lowercase) {
        if c == '.' {
            // "cv (2).pdf" → "cv-2.pdf", not "cv-2-.pdf".
            if slug.ends_with('-') {
                slug.pop();
            }
            slug.push(c);
        } else if c.is_alphanumeric() || c == '_' {
            slug.push(c);
        } else if !slug.ends_with('-') {
            slug.push('-');
        }
    }
    format!("{base}-{}", slug.trim_matches('-'))
}

#[cfg(test)]
mod tests {
    use super::remote_id_for;

    #[test]
    fn remote_ids_follow_the_file_not_its_position() {
        assert_eq!(remote_id_for("ats-7", "CV.pdf", false), "ats-7");
        assert_eq!(
            remote_id_for("ats-7", "Lebenslauf Jan (2).PDF", true),
            "ats-7-lebenslauf-jan-2.pdf"
        );
        assert_eq!(remote_id_for("x", "Zoë's CV.pdf", true), "x-zoë-s-cv.pdf");
    }
}
