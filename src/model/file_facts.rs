//! What inspection learned about one file on disk.

use std::path::PathBuf;
use std::time::SystemTime;

use super::FileKind;

/// Facts about a local file, gathered by `crate::inspect` without reading the whole file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileFacts {
    /// Where the file is.
    pub path: PathBuf,
    /// The file name shown to the user and sent to the system (lossy UTF-8).
    pub name: String,
    /// Size in bytes (0 when unreadable).
    pub size: u64,
    /// Last modification time, when the OS reports one.
    pub modified: Option<SystemTime>,
    /// What the content is, when recognised.
    pub content: Option<FileKind>,
    /// What the extension claims, when there is a known extension.
    pub by_extension: Option<FileKind>,
    /// Why the file could not be read, if it could not.
    pub read_error: Option<String>,
}

impl FileFacts {
    /// Whether the file could be opened and read.
    #[must_use]
    pub fn readable(&self) -> bool {
        self.read_error.is_none()
    }

    /// Whether the content contradicts the extension (`resume.pdf` holding a program).
    #[must_use]
    pub fn mismatch(&self) -> bool {
        match (&self.content, &self.by_extension) {
            (Some(content), Some(claimed)) => !content.agrees_with(claimed),
            _ => false,
        }
    }

    /// The kind to judge and send the file as: the content's kind, refined by the extension
    /// where content cannot tell (plain text named `.md` or `.csv`). `None` when the content is
    /// not recognised.
    #[must_use]
    pub fn effective_kind(&self) -> Option<FileKind> {
        let content = self.content.as_ref()?;
        match (content, &self.by_extension) {
            (FileKind::PlainText, Some(claimed)) if content.agrees_with(claimed) => {
                Some(claimed.clone())
            }
            _ => Some(content.clone()),
        }
    }

    /// The MIME type to send: the effective kind's, never `application/octet-stream` when the
    /// content is known.
    #[must_use]
    pub fn content_type(&self) -> &str {
        match (&self.content, &self.by_extension) {
            (Some(FileKind::PlainText), Some(claimed))
                if FileKind::PlainText.agrees_with(claimed) =>
            {
                claimed.mime()
            }
            (Some(content), _) => content.mime(),
            (None, Some(claimed)) => claimed.mime(),
            (None, None) => "application/octet-stream",
        }
    }
}
