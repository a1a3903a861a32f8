//! The durable queue and history: an append-only JSON-lines file in the OS data directory,
//! fsynced on every state change. Every job is written before it starts and when it ends, so a
//! crash or a closed laptop loses nothing.
//!
//! Several atsdrop processes (the app, a script) may share the journal. Each running engine is
//! an *owner* holding an exclusive lock on `owners/<id>.lock` for its lifetime; a job belongs
//! to the owner that last started or claimed it. Unfinished jobs of an owner whose lock is free
//! (the process died) are *orphans*, which another engine may claim — claims are serialized by
//! `claims.lock`, so two processes never resume the same job.

use std::collections::HashMap;
use std::fs::{self, File, OpenOptions};
use std::io::{self, BufRead, BufReader, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::SystemTime;

use serde::{Deserialize, Serialize};

use super::account::Account;
use super::types::{BatchId, FileId, Outcome};

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

/// One line of the journal.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "t", rename_all = "snake_case")]
pub enum Record {
    /// A batch was submitted.
    Batch {
        /// Its id.
        batch: BatchId,
        /// The engine that submitted it.
        owner: String,
        /// When (RFC 3339).
        at: String,
        /// The account (no secret).
        connection: Account,
        /// The candidate.
        candidate_id: String,
        /// The candidate's name, if known.
        candidate_name: Option<String>,
        /// Kombo: the application, if any.
        application_id: Option<String>,
    },
    /// A file was queued (before anything is sent).
    File {
        /// Its id (also its idempotency key).
        file: FileId,
        /// Its batch.
        batch: BatchId,
        /// Where it is.
        path: PathBuf,
        /// Name sent.
        name: String,
        /// Size when queued.
        size: u64,
        /// Modification time when queued.
        mtime: Option<Mtime>,
        /// MIME type sent.
        content_type: String,
        /// The system's attachment type.
        attachment_type: String,
        /// Endorsed remote id, if given.
        remote_id: Option<String>,
    },
    /// A file's sha256 was computed.
    Hashed {
        /// The file.
        file: FileId,
        /// Hex sha256.
        sha256: String,
        /// Hex XXH3-128, checked while the file streams out.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        xxh3: Option<String>,
    },
    /// An attempt to send a file begins.
    Start {
        /// The file.
        file: FileId,
        /// The engine sending it.
        owner: String,
        /// Attempt number, from 1.
        attempt: u32,
        /// When.
        at: String,
        /// How many attachments with this name (and size) the candidate had before, where the
        /// system can list them: lets a restarted engine tell whether the upload arrived.
        seen_before: Option<u32>,
    },
    /// An engine took over an orphaned job.
    Claim {
        /// The file.
        file: FileId,
        /// The new owner.
        owner: String,
        /// When.
        at: String,
    },
    /// A file's job ended.
    End {
        /// The file.
        file: FileId,
        /// How.
        outcome: Outcome,
        /// When.
        at: String,
        /// The system's attachment id, if any.
        attachment_id: Option<String>,
        /// The sentence explaining a failure or a skip.
        message: Option<String>,
        /// Whether an attempt may have reached the system without that being settled (a
        /// cancel while waiting for the answer, an unknown outcome): whoever sends the file
        /// again must first check whether it arrived. Absent in journals written before it
        /// existed, where it is derived from the outcome.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        unsettled: Option<bool>,
    },
    /// The user reopened an ended job (retry by hand), or a new submission took it over.
    Reopen {
        /// The file.
        file: FileId,
        /// The engine that will send it.
        owner: String,
        /// When.
        at: String,
        /// Check with the system whether an earlier attempt arrived before sending again. Absent
        /// in journals written before it existed, where the ended job's own state stands.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        verify_first: Option<bool>,
    },
}

/// A batch as the journal knows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BatchEntry {
    /// Its id.
    pub batch: BatchId,
    /// When it was submitted.
    pub at: String,
    /// The account.
    pub connection: Account,
    /// The candidate.
    pub candidate_id: String,
    /// The candidate's name.
    pub candidate_name: Option<String>,
    /// Kombo application.
    pub application_id: Option<String>,
}

/// A file job as the journal knows it after replay.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileEntry {
    /// Its id.
    pub file: FileId,
    /// Its batch.
    pub batch: BatchId,
    /// Where it is.
    pub path: PathBuf,
    /// Name sent.
    pub name: String,
    /// Size when queued.
    pub size: u64,
    /// Modification time when queued.
    pub mtime: Option<Mtime>,
    /// MIME type.
    pub content_type: String,
    /// Attachment type.
    pub attachment_type: String,
    /// Endorsed remote id.
    pub remote_id: Option<String>,
    /// Hex sha256, once computed.
    pub sha256: Option<String>,
    /// XXH3-128, once computed.
    pub xxh3: Option<u128>,
    /// The owner responsible now.
    pub owner: String,
    /// Attempts started so far.
    pub attempts: u32,
    /// Whether an attempt started since the job was last (re)opened — its outcome may be
    /// unknown if the job has no end.
    pub in_flight: bool,
    /// Whether an earlier attempt may have reached the system without that being settled:
    /// before sending again, check whether it arrived (by listing, or by re-sending with the
    /// same key). Set by a start, kept by an end whose outcome stayed open (an unknown outcome,
    /// a cancel while waiting for the answer) and by a reopen that says so.
    pub verify_first: bool,
    /// `seen_before` of the last attempt.
    pub seen_before: Option<u32>,
    /// How it ended, if it did.
    pub end: Option<EndEntry>,
}

/// How a job ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EndEntry {
    /// The outcome.
    pub outcome: Outcome,
    /// When.
    pub at: String,
    /// Attachment id.
    pub attachment_id: Option<String>,
    /// Message.
    pub message: Option<String>,
}

/// The whole journal replayed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct JournalState {
    /// Batches by id.
    pub batches: HashMap<BatchId, BatchEntry>,
    /// Files in the order they were queued.
    pub files: Vec<FileEntry>,
    index: HashMap<FileId, usize>,
    /// Positions in `files` by path, so deciding about a file does not scan the whole history.
    by_path: HashMap<PathBuf, Vec<usize>>,
    /// Lines that could not be read (a torn last write after a crash).
    pub unreadable_lines: usize,
}

impl JournalState {
    /// Every entry for `path`, in the order they were queued.
    pub fn files_at<'a>(&'a self, path: &Path) -> impl Iterator<Item = &'a FileEntry> + 'a {
        self.by_path
            .get(path)
            .into_iter()
            .flatten()
            .filter_map(|&i| self.files.get(i))
    }

    /// A file by id.
    #[must_use]
    pub fn file(&self, id: &FileId) -> Option<&FileEntry> {
        self.index.get(id).map(|&i| &self.files[i])
    }

    /// Applies one record.
    pub fn apply(&mut self, record: Record) {
        match record {
            Record::Batch {
                batch,
                at,
                connection,
                candidate_id,
                candidate_name,
                application_id,
                ..
            } => {
                let entry = BatchEntry {
                    batch: batch.clone(),
                    at,
                    connection,
                    candidate_id,
                    candidate_name,
                    application_id,
                };
                self.batches.insert(batch, entry);
            }
            record @ Record::File { .. } => self.add_file(record),
            Record::Hashed { file, sha256, xxh3 } => {
                if let Some(e) = self.entry_mut(&file) {
                    e.sha256 = Some(sha256);
                    e.xxh3 = xxh3.and_then(|h| u128::from_str_radix(&h, 16).ok());
                }
            }
            Record::Start {
                file,
                owner,
                attempt,
                seen_before,
                ..
            } => {
                if let Some(e) = self.entry_mut(&file) {
                    e.owner = owner;
                    e.attempts = e.attempts.max(attempt);
                    e.in_flight = true;
                    e.verify_first = true;
                    e.seen_before = seen_before;
                }
            }
            Record::Claim { file, owner, .. } => {
                if let Some(e) = self.entry_mut(&file) {
                    e.owner = owner;
                }
            }
            Record::End {
                file,
                outcome,
                at,
                attachment_id,
                message,
                unsettled,
            } => {
                if let Some(e) = self.entry_mut(&file) {
                    e.in_flight = false;
                    e.verify_first = unsettled.unwrap_or_else(|| {
                        // Older journals: what the outcome implies.
                        outcome == Outcome::Unknown
                            || (outcome == Outcome::Cancelled && e.attempts > 0)
                    });
                    e.end = Some(EndEntry {
                        outcome,
                        at,
                        attachment_id,
                        message,
                    });
                }
            }
            Record::Reopen {
                file,
                owner,
                verify_first,
                ..
            } => {
                if let Some(e) = self.entry_mut(&file) {
                    e.owner = owner;
                    e.end = None;
                    e.in_flight = false;
                    if let Some(verify) = verify_first {
                        e.verify_first = verify;
                    }
                }
            }
        }
    }

    fn add_file(&mut self, record: Record) {
        let Record::File {
            file,
            batch,
            path,
            name,
            size,
            mtime,
            content_type,
            attachment_type,
            remote_id,
        } = record
        else {
            return;
        };
        self.index.insert(file.clone(), self.files.len());
        self.by_path
            .entry(path.clone())
            .or_default()
            .push(self.files.len());
        self.files.push(FileEntry {
            file,
            batch,
            path,
            name,
            size,
            mtime,
            content_type,
            attachment_type,
            remote_id,
            sha256: None,
            xxh3: None,
            owner: String::new(),
            attempts: 0,
            in_flight: false,
            verify_first: false,
            seen_before: None,
            end: None,
        });
    }

    fn entry_mut(&mut self, id: &FileId) -> Option<&mut FileEntry> {
        let i = *self.index.get(id)?;
        self.files.get_mut(i)
    }

    /// Fills in the owner of files that never started from their batch record.
    fn settle_owners(&mut self, batch_owners: &HashMap<BatchId, String>) {
        for f in &mut self.files {
            if f.owner.is_empty()
                && let Some(o) = batch_owners.get(&f.batch)
            {
                f.owner.clone_from(o);
            }
        }
    }
}

/// The journal of this process.
#[derive(Debug)]
pub struct Journal {
    dir: PathBuf,
    path: PathBuf,
    file: Mutex<File>,
    owner: String,
    _owner_lock: File,
}

/// Where the journal file lives in the data directory `dir`.
#[must_use]
pub fn path_in(dir: &Path) -> PathBuf {
    dir.join("journal.jsonl")
}

impl Journal {
    /// Opens (creating) the journal in `dir` and registers this process as a live owner.
    pub fn open(dir: &Path) -> Result<Self, JournalError> {
        let owners = dir.join("owners");
        super::private::create_dir_all(dir).map_err(io_err(dir))?;
        super::private::create_dir_all(&owners).map_err(io_err(&owners))?;
        let path = path_in(dir);
        let file = super::private::options()
            .create(true)
            .append(true)
            .read(true)
            .open(&path)
            .map_err(io_err(&path))?;
        super::private::restrict_file(&file).map_err(io_err(&path))?;
        let owner = format!("o-{}", uuid::Uuid::new_v4().simple());
        let lock_path = owners.join(format!("{owner}.lock"));
        let owner_lock = File::create(&lock_path).map_err(io_err(&lock_path))?;
        owner_lock.lock().map_err(io_err(&lock_path))?;
        Ok(Self {
            dir: dir.to_owned(),
            path,
            file: Mutex::new(file),
            owner,
            _owner_lock: owner_lock,
        })
    }

    /// This process's owner id.
    #[must_use]
    pub fn owner(&self) -> &str {
        &self.owner
    }

    /// The journal file.
    #[must_use]
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Appends records and fsyncs once. The records start on a line of their own even when the
    /// file ends in half a line (a write torn by a crash or a full disk), so a torn line never
    /// swallows the next record.
    pub fn append_all(&self, records: &[Record]) -> Result<(), JournalError> {
        // Room for a newline in front, should the file not end with one.
        let mut buffer = vec![b'\n'];
        for record in records {
            serde_json::to_writer(&mut buffer, record)
                .map_err(|e| io_err(&self.path)(io::Error::other(e)))?;
            buffer.push(b'\n');
        }
        let file = self
            .file
            .lock()
            .map_err(|_| io_err(&self.path)(io::Error::other("journal lock poisoned")))?;
        // Between processes: one writer at a time.
        file.lock().map_err(io_err(&self.path))?;
        let result = ends_mid_line(&file).and_then(|torn| {
            let bytes = if torn { &buffer[..] } else { &buffer[1..] };
            (&*file).write_all(bytes)?;
            file.sync_data()
        });
        let _ = file.unlock();
        result.map_err(io_err(&self.path))
    }

    /// Appends one record and fsyncs.
    pub fn append(&self, record: &Record) -> Result<(), JournalError> {
        self.append_all(std::slice::from_ref(record))
    }

    /// Replays the whole journal (every process's records).
    pub fn read(&self) -> Result<JournalState, JournalError> {
        read_state(&self.path)
    }

    /// Runs `f` while holding the cross-process claims lock.
    pub fn with_claims_lock<T>(&self, f: impl FnOnce() -> T) -> Result<T, JournalError> {
        let path = self.dir.join("claims.lock");
        let lock = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(io_err(&path))?;
        lock.lock().map_err(io_err(&path))?;
        let value = f();
        let _ = lock.unlock();
        Ok(value)
    }

    /// Whether `owner` is this process or another running process.
    #[must_use]
    pub fn owner_alive(&self, owner: &str) -> bool {
        if owner == self.owner {
            return true;
        }
        if owner.is_empty() || owner.contains(['/', '\\', '.']) {
            return false;
        }
        let path = self.dir.join("owners").join(format!("{owner}.lock"));
        let Ok(file) = OpenOptions::new().write(true).open(&path) else {
            return false;
        };
        match file.try_lock() {
            Ok(()) => {
                // Its process is gone: tidy up the stale lock file.
                let _ = file.unlock();
                drop(file);
                let _ = fs::remove_file(&path);
                false
            }
            Err(_) => true,
        }
    }

    /// Unfinished jobs whose owner is gone (or that are still `Queued` under this owner).
    pub fn orphans(&self) -> Result<(JournalState, Vec<FileId>), JournalError> {
        let state = self.read()?;
        let orphans = state
            .files
            .iter()
            .filter(|f| f.end.is_none() && f.owner != self.owner && !self.owner_alive(&f.owner))
            .map(|f| f.file.clone())
            .collect();
        Ok((state, orphans))
    }
}

impl Drop for Journal {
    fn drop(&mut self) {
        let _ = fs::remove_file(self.dir.join("owners").join(format!("{}.lock", self.owner)));
    }
}

/// Whether a journal file ends in the middle of a line (its last byte is not a newline). Appends
/// go to the end whatever the read position.
fn ends_mid_line(file: &File) -> io::Result<bool> {
    let len = file.metadata()?.len();
    if len == 0 {
        return Ok(false);
    }
    let mut reader = file;
    reader.seek(SeekFrom::Start(len - 1))?;
    let mut last = [0u8; 1];
    reader.read_exact(&mut last)?;
    Ok(last[0] != b'\n')
}

/// Reads and replays a journal file (missing file: empty).
pub fn read_state(path: &Path) -> Result<JournalState, JournalError> {
    let mut state = JournalState::default();
    let file = match File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(state),
        Err(e) => return Err(io_err(path)(e)),
    };
    let mut batch_owners = HashMap::new();
    for line in BufReader::new(file).split(b'\n') {
        let line = line.map_err(io_err(path))?;
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        match serde_json::from_slice::<Record>(&line) {
            Ok(record) => {
                if let Record::Batch { batch, owner, .. } = &record {
                    batch_owners.insert(batch.clone(), owner.clone());
                }
                state.apply(record);
            }
            Err(e) => {
                tracing::warn!("skipping an unreadable journal line: {e}");
                state.unreadable_lines += 1;
            }
        }
    }
    state.settle_owners(&batch_owners);
    Ok(state)
}

/// The current time as RFC 3339 (seconds).
#[must_use]
pub fn now() -> String {
    humantime::format_rfc3339_seconds(SystemTime::now()).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ProviderId;

    fn conn() -> Account {
        Account {
            provider: ProviderId::Spott,
            base_url: "http://127.0.0.1:1/spott".into(),
            ids: crate::model::AccountIds::new(),
            source: crate::upload::Source::Environment,
            credential: None,
        }
    }

    fn queue(j: &Journal, batch: &BatchId, file: &FileId) {
        j.append_all(&[
            Record::Batch {
                batch: batch.clone(),
                owner: j.owner().to_owned(),
                at: now(),
                connection: conn(),
                candidate_id: "c1".into(),
                candidate_name: None,
                application_id: None,
            },
            Record::File {
                file: file.clone(),
                batch: batch.clone(),
                path: "/tmp/x.pdf".into(),
                name: "x.pdf".into(),
                size: 3,
                mtime: None,
                content_type: "application/pdf".into(),
                attachment_type: "CV".into(),
                remote_id: None,
            },
        ])
        .unwrap();
    }

    #[test]
    fn replays_lifecycle_and_survives_a_torn_line() {
        let dir = tempfile::tempdir().unwrap();
        let j = Journal::open(dir.path()).unwrap();
        let (b, f) = (BatchId::new(), FileId::new());
        queue(&j, &b, &f);
        j.append(&Record::Start {
            file: f.clone(),
            owner: j.owner().into(),
            attempt: 1,
            at: now(),
            seen_before: Some(0),
        })
        .unwrap();
        // A crash mid-write leaves half a line.
        OpenOptions::new()
            .append(true)
            .open(j.path())
            .unwrap()
            .write_all(b"{\"t\":\"end\",\"fi")
            .unwrap();
        let state = j.read().unwrap();
        let entry = state.file(&f).unwrap();
        assert!(entry.in_flight && entry.end.is_none());
        assert_eq!(entry.owner, j.owner());
        assert_eq!(state.unreadable_lines, 1);
    }

    #[test]
    fn entries_are_found_by_path_in_queue_order() {
        let dir = tempfile::tempdir().unwrap();
        let j = Journal::open(dir.path()).unwrap();
        let first = FileId::new();
        let second = FileId::new();
        queue(&j, &BatchId::new(), &first);
        let other = FileId::new();
        j.append(&Record::File {
            file: other.clone(),
            batch: BatchId::new(),
            path: "/tmp/y.pdf".into(),
            name: "y.pdf".into(),
            size: 3,
            mtime: None,
            content_type: "application/pdf".into(),
            attachment_type: "CV".into(),
            remote_id: None,
        })
        .unwrap();
        queue(&j, &BatchId::new(), &second);
        let state = j.read().unwrap();
        let at_x: Vec<&FileId> = state
            .files_at(Path::new("/tmp/x.pdf"))
            .map(|f| &f.file)
            .collect();
        assert_eq!(at_x, [&first, &second]);
        let at_y: Vec<&FileId> = state
            .files_at(Path::new("/tmp/y.pdf"))
            .map(|f| &f.file)
            .collect();
        assert_eq!(at_y, [&other]);
        assert_eq!(state.files_at(Path::new("/tmp/z.pdf")).count(), 0);
    }

    #[test]
    fn a_torn_last_line_does_not_swallow_the_next_record() {
        let dir = tempfile::tempdir().unwrap();
        let j = Journal::open(dir.path()).unwrap();
        OpenOptions::new()
            .append(true)
            .open(j.path())
            .unwrap()
            .write_all(b"{\"t\":\"end\",\"fi")
            .unwrap();
        let (b, f) = (BatchId::new(), FileId::new());
        queue(&j, &b, &f);
        let state = j.read().unwrap();
        assert!(state.batches.contains_key(&b));
        assert!(state.file(&f).is_some());
        assert_eq!(state.unreadable_lines, 1);
        // A journal that ends cleanly gets no blank lines.
        let before = fs::read(j.path()).unwrap();
        queue(&j, &BatchId::new(), &FileId::new());
        let after = fs::read(j.path()).unwrap();
        assert!(!after[before.len()..].starts_with(b"\n"));
    }

    #[test]
    fn a_reopen_says_whether_to_check_first_and_old_records_still_read() {
        let dir = tempfile::tempdir().unwrap();
        let j = Journal::open(dir.path()).unwrap();
        let (b, f) = (BatchId::new(), FileId::new());
        queue(&j, &b, &f);
        let start = Record::Start {
            file: f.clone(),
            owner: j.owner().into(),
            attempt: 1,
            at: now(),
            seen_before: Some(0),
        };
        let cancelled = Record::End {
            file: f.clone(),
            outcome: Outcome::Cancelled,
            at: now(),
            attachment_id: None,
            message: None,
            unsettled: Some(true),
        };
        j.append_all(&[start, cancelled]).unwrap();
        assert!(j.read().unwrap().file(&f).unwrap().verify_first);
        j.append(&Record::Reopen {
            file: f.clone(),
            owner: j.owner().into(),
            at: now(),
            verify_first: Some(true),
        })
        .unwrap();
        let entry = j.read().unwrap().file(&f).cloned().unwrap();
        assert!(entry.end.is_none() && !entry.in_flight && entry.verify_first);
        // Records written before the flags existed.
        let mut legacy = JournalState::default();
        for line in [
            format!(
                r#"{{"t":"batch","batch":"{b}","owner":"o-x","at":"","connection":{{"provider":"spott","base_url":"http://127.0.0.1:1/spott"}},"candidate_id":"c1","candidate_name":null,"application_id":null}}"#
            ),
            format!(
                r#"{{"t":"file","file":"{f}","batch":"{b}","path":"/tmp/x.pdf","name":"x.pdf","size":3,"mtime":null,"content_type":"application/pdf","attachment_type":"CV","remote_id":null}}"#
            ),
            format!(
                r#"{{"t":"start","file":"{f}","owner":"o-x","attempt":1,"at":"","seen_before":0}}"#
            ),
            format!(
                r#"{{"t":"end","file":"{f}","outcome":"unknown","at":"","attachment_id":null,"message":null}}"#
            ),
            format!(r#"{{"t":"reopen","file":"{f}","owner":"o-x","at":""}}"#),
        ] {
            legacy.apply(serde_json::from_str(&line).unwrap());
        }
        let entry = legacy.file(&f).unwrap();
        assert!(entry.end.is_none());
        assert!(entry.verify_first, "an unknown outcome is checked first");
    }

    #[test]
    fn unfinished_jobs_of_a_departed_owner_are_orphans_and_a_live_owners_are_not() {
        let dir = tempfile::tempdir().unwrap();
        let (b, f) = (BatchId::new(), FileId::new());
        let first = Journal::open(dir.path()).unwrap();
        queue(&first, &b, &f);
        let second = Journal::open(dir.path()).unwrap();
        assert!(second.owner_alive(first.owner()));
        assert!(
            second.orphans().unwrap().1.is_empty(),
            "its owner still runs"
        );
        let gone = first.owner().to_owned();
        drop(first);
        assert!(!second.owner_alive(&gone));
        assert_eq!(second.orphans().unwrap().1, vec![f.clone()]);
        second
            .append(&Record::Claim {
                file: f.clone(),
                owner: second.owner().into(),
                at: now(),
            })
            .unwrap();
        let state = second.read().unwrap();
        assert_eq!(state.file(&f).unwrap().owner, second.owner());
        assert!(
            second.orphans().unwrap().1.is_empty(),
            "claimed by a live owner"
        );
    }
}
