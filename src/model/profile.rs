//! A system's profile: its attachment types, limits, wire encoding and rate limits.

use std::time::Duration;

use super::{
    AccountShape, AttachmentRole, AttachmentType, FieldLimit, Limits, ProviderId, Sourced,
};

/// How file bytes travel on the wire.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    /// `multipart/form-data` file parts (Spott, Endorsed, Truto).
    Multipart,
    /// JSON with the bytes as plain base64 plus a separate content type (Kombo).
    Base64Json,
    /// JSON with the bytes as a `data:<mime>;base64,` URI (Onderwijsregio).
    DataUriJson,
}

impl Encoding {
    /// Size on the wire of `bytes` file bytes, ignoring the fixed envelope.
    #[must_use]
    pub fn encoded_len(self, bytes: u64) -> u64 {
        match self {
            Self::Multipart => bytes,
            Self::Base64Json | Self::DataUriJson => bytes.div_ceil(3) * 4,
        }
    }
}

/// How a system lets a client repeat an upload without creating a second copy.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Idempotency {
    /// No way: a repeated upload creates a duplicate.
    None,
    /// An idempotency key on the request (Onderwijsregio `idempotencyKey`, Truto `Idempotency-Key`).
    Key,
    /// Upsert by a client-chosen remote id (Endorsed `PUT /attachments/remote.<id>`).
    Upsert,
}

/// A documented request-rate limit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RateLimit {
    /// Requests allowed per window, if limited.
    pub requests: Option<u32>,
    /// The window.
    pub per: Duration,
    /// Most requests in flight at once, if limited.
    pub max_in_flight: Option<u32>,
}

/// How candidates can be found in a system.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CandidateSearch {
    /// Free text over names and e-mails (Spott `_search`).
    FreeText,
    /// Exact e-mail, or exact first and/or last name (Kombo).
    EmailOrExactName,
    /// Exact e-mail only (Onderwijsregio `find`, Truto `email` filter).
    Email,
    /// No search: a candidate id or `remote.<id>` only (Endorsed).
    IdOnly,
}

impl CandidateSearch {
    /// Whether the system can find a candidate by their e-mail address.
    #[must_use]
    pub fn by_email(self) -> bool {
        !matches!(self, Self::IdOnly)
    }
}

/// Everything atsdrop knows about a system before talking to it.
#[derive(Clone, Debug)]
pub struct ProviderProfile {
    /// Which system.
    pub id: ProviderId,
    /// The real API root (`../shared/providers/INDEX.md`).
    pub default_base_url: &'static str,
    /// What an account is made of: the secret and the ids the system needs.
    pub account: AccountShape,
    /// The system's own attachment types, in the order the picker shows them.
    pub types: &'static [AttachmentType],
    /// The type used for files whose role is "other" (or has no native type).
    pub default_other: &'static str,
    /// Per-field file limits.
    pub fields: &'static [FieldLimit],
    /// Most files in one HTTP request.
    pub max_files_per_request: Sourced<u32>,
    /// Most bytes per file.
    pub max_file_bytes: Sourced<u64>,
    /// Most bytes per batch to one candidate.
    pub max_batch_bytes: Sourced<u64>,
    /// MIME types accepted.
    pub allowed_mime_types: Sourced<&'static [&'static str]>,
    /// Wire encoding of file bytes.
    pub encoding: Encoding,
    /// Whether and how an upload can be repeated safely.
    pub idempotency: Idempotency,
    /// Documented rate limit.
    pub rate_limit: Sourced<RateLimit>,
    /// Requests one file's upload takes, as the rate limit counts them (Spott: a temporary
    /// upload and an assign).
    pub requests_per_upload: u32,
    /// Whether the real API lists a candidate's attachments.
    pub can_list_attachments: bool,
    /// Whether the real API deletes attachments.
    pub can_delete_attachments: bool,
    /// How candidates are found.
    pub candidate_search: CandidateSearch,
    /// Whether the upload is only acknowledged and completes later (Onderwijsregio 202).
    pub asynchronous: bool,
}

impl ProviderProfile {
    /// The limits validation starts from (before any connection-specific restrictions).
    #[must_use]
    pub fn limits(&self) -> Limits {
        Limits {
            max_file_bytes: self.max_file_bytes,
            max_batch_bytes: self.max_batch_bytes,
            fields: self.fields.to_vec(),
            allowed_mime_types: Sourced {
                value: self.allowed_mime_types.value.to_vec(),
                source: self.allowed_mime_types.source,
            },
            type_restrictions: Vec::new(),
        }
    }

    /// What the app calls the type with this wire value ("Cover letter"); the wire value itself
    /// when the system does not list it (any more).
    #[must_use]
    pub fn attachment_label<'a>(&self, wire: &'a str) -> &'a str {
        self.attachment_type(wire).map_or(wire, |t| t.label)
    }

    /// Finds a type by its wire value, case-insensitively (as `--type` takes it).
    #[must_use]
    pub fn attachment_type(&self, wire: &str) -> Option<&'static AttachmentType> {
        let wire = wire.trim();
        self.types
            .iter()
            .find(|t| t.wire.eq_ignore_ascii_case(wire))
    }

    /// The type preselected for a file name: the system's CV or cover-letter type when the name
    /// says so (cv/resume/lebenslauf/curriculum, cover/motivation/anschreiben/brief), otherwise
    /// the system's "other" type.
    #[must_use]
    pub fn type_for_file_name(&self, name: &str) -> &'static AttachmentType {
        let role = AttachmentRole::guess_from_file_name(name);
        let by_role = match role {
            AttachmentRole::Other => None,
            role => self.types.iter().find(|t| t.role == role),
        };
        by_role
            .or_else(|| self.attachment_type(self.default_other))
            .unwrap_or(&self.types[0])
    }

    /// The type the first page's text points to (see
    /// [`AttachmentRole::guess_from_first_page`]): the system's type of that role, or its
    /// "other" type for certificates. `None` when the page does not say.
    #[must_use]
    pub fn type_for_first_page(&self, text: &str) -> Option<&'static AttachmentType> {
        match AttachmentRole::guess_from_first_page(text)? {
            AttachmentRole::Other => self.attachment_type(self.default_other),
            role => self.types.iter().find(|t| t.role == role),
        }
    }

    /// The wire values, comma-separated, for help and error text.
    #[must_use]
    pub fn type_list(&self) -> String {
        self.types
            .iter()
            .map(|t| t.wire)
            .collect::<Vec<_>>()
            .join(", ")
    }
}
