//! [`inspect`]: the facts about one file.

use std::fs::{self, File};
use std::io;
use std::path::Path;
use std::time::SystemTime;

use crate::model::{FileFacts, FileKind};

use super::error::plain_reason;
use super::sniff::sniff_reader;

/// What a file is: its name, size, modification time, the kind its content shows (reading only
/// its head, plus a zip's central directory or an OLE file's directory) and the kind its
/// extension claims.
///
/// Never fails: a file that cannot be read gets `read_error` with the reason in plain words and
/// a size of 0.
#[must_use]
pub fn inspect(path: &Path) -> FileFacts {
    let name = path.file_name().map_or_else(
        || path.to_string_lossy().into_owned(),
        |n| n.to_string_lossy().into_owned(),
    );
    let by_extension = path
        .extension()
        .and_then(|e| e.to_str())
        .and_then(FileKind::from_extension);
    let mut facts = FileFacts {
        path: path.to_path_buf(),
        name,
        size: 0,
        modified: None,
        content: None,
        by_extension,
        read_error: None,
    };
    match read(path) {
        Ok((size, modified, content)) => {
            facts.size = size;
            facts.modified = modified;
            facts.content = content;
        }
        Err(e) => facts.read_error = Some(plain_reason(&e)),
    }
    facts
}

/// Size, modification time and sniffed kind of a regular file.
fn read(path: &Path) -> io::Result<(u64, Option<SystemTime>, Option<FileKind>)> {
    // Checked before opening: opening a named pipe would wait for a writer forever.
    let meta = fs::metadata(path)?;
    if meta.is_dir() {
        return Err(io::ErrorKind::IsADirectory.into());
    }
    if !meta.is_file() {
        return Err(io::Error::other(
            "it is not a regular file but a device, pipe or socket",
        ));
    }
    let mut file = File::open(path)?;
    let size = meta.len();
    let content = sniff_reader(&mut file, size)?;
    Ok((size, meta.modified().ok(), content))
}
