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
    /// where the content is a text flavour the extension agrees with (plain text named `.md`
    /// is Markdown, a CSV-looking letter named `.txt` stays plain text, XML named `.svg` is
    /// SVG). `None` when the content is not recognised.
    #[must_use]
    pub fn effective_kind(&self) -> Option<FileKind> {
        self.effective().cloned()
    }

    fn effective(&self) -> Option<&FileKind> {
        let content = self.content.as_ref()?;
        match &self.by_extension {
            Some(claimed)
                if claimed != content
                    && content.is_text()
                    && claimed.is_text()
                    && content.agrees_with(claimed) =>
            {
                Some(claimed)
            }
            _ => Some(content),
        }
    }

    /// The MIME type to send: the effective kind's, never `application/octet-stream` when the
    /// content is known (the extension's type when only that is known).
    #[must_use]
    pub fn content_type(&self) -> &str {
        self.effective()
            .or(self.by_extension.as_ref())
            .map_or("application/octet-stream", FileKind::mime)
    }
}
