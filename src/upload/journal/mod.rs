//! The durable queue and history: JSON lines in the OS data directory, fsynced on every state
//! change. Every job is written before it starts and when it ends, so a crash or a closed laptop
//! loses nothing.
//!
//! Several atsdrop processes (the app, a script) may share the journal. Each running engine is
//! an *owner* holding an exclusive lock on `owners/<id>.lock` for its lifetime; a job belongs
//! to the owner that last started or claimed it. Unfinished jobs of an owner whose lock is free
//! (the process died) are *orphans*, which another engine may claim — claims are serialized by
//! `claims.lock`, so two processes never resume the same job.
//!
//! [`record`] is what a line says, [`state`] what the lines add up to (replayed with the one
//! job lifecycle, [`crate::upload::lifecycle`]), [`store`] the file itself.

mod record;
mod state;
mod store;

use std::io;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use serde::{Deserialize, Serialize};

pub use record::Record;
pub use state::{BatchEntry, EndEntry, FileEntry, JournalState};
pub use store::{Journal, Orphans, read_state};

/// The journal could not be used.
#[derive(Debug, thiserror::Error)]
pub enum JournalError {
    /// Reading or writing the journal failed.
    #[error(
        "atsdrop could not use its upload journal at {path} ({source}); check that the disk is not full and the folder is writable"
    )]
    Io {
        /// The file or folder.
        path: PathBuf,
        /// The I/O error.
        source: io::Error,
    },
}

fn io_err(path: &Path) -> impl FnOnce(io::Error) -> JournalError + '_ {
    move |source| JournalError::Io {
        path: path.to_owned(),
        source,
    }
}

/// Modification time as seconds and nanoseconds since the Unix epoch.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mtime {
    /// Whole seconds.
    pub secs: u64,
    /// Nanoseconds.
    pub nanos: u32,
}

impl Mtime {
    /// From a `SystemTime`.
    #[must_use]
    pub fn of(t: SystemTime) -> Option<Self> {
        let d = t.duration_since(SystemTime::UNIX_EPOCH).ok()?;
        Some(Self {
            secs: d.as_secs(),
            nanos: d.subsec_nanos(),
        })
    }
}

/// Where the journal file lives in the data directory `dir`.
#[must_use]
pub fn path_in(dir: &Path) -> PathBuf {
    dir.join("journal.jsonl")
}

/// The current time as RFC 3339 (seconds).
#[must_use]
pub fn now() -> String {
    humantime::format_rfc3339_seconds(SystemTime::now()).to_string()
}
