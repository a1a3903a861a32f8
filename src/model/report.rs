//! The result of checking a batch of files against a system's limits.

use super::{AttachmentType, ContentCheck, FileFacts};
use crate::i18n::Text;

/// A file staged for upload, with the attachment type chosen for it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StagedFile {
    /// What inspection found.
    pub facts: FileFacts,
    /// The system's type the file will be sent as.
    pub attachment_type: &'static AttachmentType,
    /// What the content check found, and what the user allowed anyway.
    pub content: ContentCheck,
}

/// Which rule a problem breaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ProblemKind {
    /// The file could not be opened or read.
    Unreadable,
    /// The file has no bytes.
    Empty,
    /// The file is larger than the system takes.
    TooLarge,
    /// The content could not be recognised.
    UnknownContent,
    /// The content's type is not on the system's allow-list.
    TypeNotAllowed,
    /// The content contradicts the file name's extension.
    Mismatch,
    /// The connected account does not take this attachment type (or this file for it).
    AttachmentTypeUnsupported,
    /// More files for one field than the system takes.
    TooManyInField,
    /// The batch is larger in total than allowed.
    BatchTooLarge,
    /// It needs a password to open, so the system cannot open it.
    NeedsPassword,
    /// It carries macros and the user has not confirmed sending them.
    Macros,
    /// It seems to be another person's file and the user has not confirmed sending it.
    OtherPerson,
    /// A PDF without a text layer: sent, but the system cannot search it (a warning).
    NoTextLayer,
    /// Its content could not be read: sent on its form alone (a note).
    ContentUnreadable,
}

impl ProblemKind {
    /// The stable code scripts match on (`--json` output's `"code"`): the same in every
    /// language and every version.
    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            Self::Unreadable => "unreadable",
            Self::Empty => "empty",
            Self::TooLarge => "too_large",
            Self::UnknownContent => "unknown_content",
            Self::TypeNotAllowed => "type_not_allowed",
            Self::Mismatch => "content_mismatch",
            Self::AttachmentTypeUnsupported => "attachment_type_unsupported",
            Self::TooManyInField => "too_many_in_field",
            Self::BatchTooLarge => "batch_too_large",
            Self::NeedsPassword => "needs_password",
            Self::Macros => "macros",
            Self::OtherPerson => "other_person",
            Self::NoTextLayer => "no_text_layer",
            Self::ContentUnreadable => "content_unreadable",
        }
    }

    /// Whether this stops the file from being sent; warnings and notes do not.
    #[must_use]
    pub fn blocks(self) -> bool {
        !matches!(self, Self::NoTextLayer | Self::ContentUnreadable)
    }
}

/// One reason a file or the batch cannot be sent, as one plain sentence naming the file and
/// what to do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// The rule broken.
    pub kind: ProblemKind,
    /// The sentence in English (what `--json` output carries, the same in every language).
    pub message: String,
    /// The sentence in any language (its `Display` is the current one).
    pub text: Text,
}

impl Problem {
    /// A problem of `kind` saying `text`.
    #[must_use]
    pub fn new(kind: ProblemKind, text: Text) -> Self {
        Self {
            kind,
            message: text.english(),
            text,
        }
    }
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.text.fmt(f)
    }
}

/// The verdict for one file: empty `problems` means it may be sent.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FileVerdict {
    /// Every problem with this file.
    pub problems: Vec<Problem>,
}

impl FileVerdict {
    /// Whether the file may be sent: nothing but warnings and notes stands in the way.
    #[must_use]
    pub fn ok(&self) -> bool {
        self.problems.iter().all(|p| !p.kind.blocks())
    }
}

/// Count and limit of one field in the batch, for summaries like "CV 3/5".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldSummary {
    /// The field's label.
    pub label: String,
    /// Files in the batch for this field.
    pub count: u32,
    /// The most the field takes, if limited.
    pub max: Option<u32>,
}

/// Every problem of a batch at once: per file (same order as the input) and per batch.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ValidationReport {
    /// One verdict per staged file, in input order.
    pub files: Vec<FileVerdict>,
    /// Problems of the batch as a whole (too many files for a field, total too large).
    pub batch: Vec<Problem>,
    /// Per-field counts, in the order of the system's types.
    pub fields: Vec<FieldSummary>,
    /// Total bytes of all readable files.
    pub total_bytes: u64,
}

impl ValidationReport {
    /// Whether everything may be sent.
    #[must_use]
    pub fn ok(&self) -> bool {
        self.batch.is_empty() && self.files.iter().all(FileVerdict::ok)
    }

    /// How many problems there are in all.
    #[must_use]
    pub fn problem_count(&self) -> usize {
        self.batch.len() + self.files.iter().map(|f| f.problems.len()).sum::<usize>()
    }
}
