//! Limits a system puts on an upload batch to one candidate, each marked with where it comes from.

/// Where a fact comes from: the system's documentation, or our own assumption where the docs
/// are silent (`[assumption]` in `../shared/providers/`). Assumptions are the first thing to
/// re-check against a live system.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    /// Stated by the system's documentation.
    Documented,
    /// Chosen by atsdrop because the documentation is silent; client and emulator agree on it.
    Assumption,
}

/// A value together with its [`Source`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sourced<T> {
    /// The value.
    pub value: T,
    /// Where it comes from.
    pub source: Source,
}

impl<T> Sourced<T> {
    /// A documented value.
    pub const fn documented(value: T) -> Self {
        Self {
            value,
            source: Source::Documented,
        }
    }

    /// A value we assume because the docs are silent.
    pub const fn assumed(value: T) -> Self {
        Self {
            value,
            source: Source::Assumption,
        }
    }
}

/// One MiB.
pub const MIB: u64 = 1024 * 1024;

/// How many files one field may hold in one batch.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FieldLimit {
    /// The field name (`AttachmentType::field`).
    pub field: &'static str,
    /// What the app calls the field in summaries (`"CV"`).
    pub label: &'static str,
    /// Most files per batch, if limited.
    pub max_files: Option<Sourced<u32>>,
}

/// Restrictions for one attachment type, as some systems announce per connection
/// (Kombo's `attachment_restrictions`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TypeRestriction {
    /// The type's wire value.
    pub wire: String,
    /// Whether the connected system accepts this type at all.
    pub supported: bool,
    /// A tighter size limit for this type, if any.
    pub max_file_bytes: Option<u64>,
    /// A tighter MIME allow-list for this type, if any.
    pub accepted_mime_types: Option<Vec<String>>,
}

/// Everything validation checks a batch against. Starts as the system's profile defaults;
/// a client may tighten it with what the connected account announces.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Limits {
    /// Most bytes in one file.
    pub max_file_bytes: Sourced<u64>,
    /// Most bytes in one batch to one candidate.
    pub max_batch_bytes: Sourced<u64>,
    /// Per-field file counts.
    pub fields: Vec<FieldLimit>,
    /// MIME types the system accepts.
    pub allowed_mime_types: Sourced<Vec<&'static str>>,
    /// Per-type restrictions announced by the connection (empty: none known).
    pub type_restrictions: Vec<TypeRestriction>,
}

impl Limits {
    /// The restriction announced for a type, if any.
    #[must_use]
    pub fn restriction(&self, wire: &str) -> Option<&TypeRestriction> {
        self.type_restrictions
            .iter()
            .find(|r| r.wire.eq_ignore_ascii_case(wire))
    }

    /// The most bytes one file sent as `wire` may have: the system's per-file limit, or the
    /// type's own when the account announces a smaller one.
    #[must_use]
    pub fn max_file_bytes_for(&self, wire: &str) -> u64 {
        self.restriction(wire)
            .and_then(|r| r.max_file_bytes)
            .map_or(self.max_file_bytes.value, |m| {
                m.min(self.max_file_bytes.value)
            })
    }

    /// The per-field limit for a field, if the field is limited.
    #[must_use]
    pub fn field(&self, field: &str) -> Option<&FieldLimit> {
        self.fields.iter().find(|f| f.field == field)
    }
}
