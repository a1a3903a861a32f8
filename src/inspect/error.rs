//! What can go wrong while reading a file, in words a recruiter understands.

use std::io;
use std::path::PathBuf;

/// A file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum InspectError {
    /// Opening or reading the file failed.
    #[error("{} can't be read ({reason})", path.display())]
    Read {
        /// The file.
        path: PathBuf,
        /// The reason in plain words (`"permission denied"`).
        reason: String,
        /// The underlying error.
        #[source]
        source: io::Error,
    },
}

impl InspectError {
    /// Wraps an I/O error for `path`.
    pub(crate) fn read(path: impl Into<PathBuf>, source: io::Error) -> Self {
        Self::Read {
            path: path.into(),
            reason: plain_reason(&source),
            source,
        }
    }
}

/// An I/O error as a short lower-case phrase, without the OS error number:
/// `"permission denied"`, `"it doesn't exist"`, `"it is a folder"`.
#[must_use]
pub fn plain_reason(error: &io::Error) -> String {
    match error.kind() {
        io::ErrorKind::NotFound => "it doesn't exist".to_owned(),
        io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        io::ErrorKind::IsADirectory => "it is a folder".to_owned(),
        io::ErrorKind::NotADirectory => "a part of its path is not a folder".to_owned(),
        _ => {
            let text = error.to_string();
            // `Input/output error (os error 5)` → `input/output error`.
            let text = match text.rfind(" (os error ") {
                Some(cut) => &text[..cut],
                None => &text,
            };
            let mut chars = text.chars();
            match chars.next() {
                Some(first) => first.to_lowercase().chain(chars).collect(),
                None => "an unknown error".to_owned(),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reasons_are_plain() {
        assert_eq!(
            plain_reason(&io::Error::from(io::ErrorKind::PermissionDenied)),
            "permission denied"
        );
        assert_eq!(
            plain_reason(&io::Error::from_raw_os_error(5)),
            "input/output error"
        );
        assert_eq!(
            plain_reason(&io::Error::other("It is not a regular file")),
            "it is not a regular file"
        );
    }
}
