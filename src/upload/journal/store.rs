//! The journal file: appends, incremental reads, compaction, owners and claims.
//!
//! - **Appends** take `journal.lock` (a lock file of its own: on Windows a locked journal could
//!   not even be read) and write all records of one call as *one line* — a JSON array when
//!   there are several — then fsync. A write that fails (a full disk) is cut off again, so a
//!   batch the user was told was not sent never half-appears; a line torn by a crash is skipped
//!   whole on reading.
//! - **Reads** keep the replayed state in memory and, next time, replay only the lines appended
//!   since (by any process), so deciding about a new file does not replay years of history.
//! - **Compaction** writes the state as a snapshot (one `File`, `Hashed` and `Life` record per
//!   job, one `Batch` per batch) to a new file with a new generation, fsyncs it, and renames it
//!   over the log (then syncs the folder): a crash before the rename leaves the old log, after
//!   it the new one — never a mix. Readers notice the new generation and replay it from the top.

use std::collections::HashMap;
use std::fs::{self, File};
use std::io::{self, BufRead, BufReader, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, PoisonError};

use super::{BatchEntry, FileEntry, JournalError, JournalState, Record, io_err, path_in};
use crate::upload::private;
use crate::upload::types::{BatchId, FileId};

/// Compact when the log holds this many more lines than a snapshot of its state would.
const COMPACT_SLACK_LINES: usize = 10_000;

/// The journal of this process.
#[derive(Debug)]
pub struct Journal {
    dir: PathBuf,
    path: PathBuf,
    owner: String,
    _owner_lock: File,
    cache: Mutex<Cache>,
    /// Tests: appends write only this many bytes of their line, then fail (a full disk).
    #[cfg(test)]
    short_writes: std::sync::atomic::AtomicUsize,
}

/// The state replayed so far, and where in which file.
#[derive(Debug, Default)]
struct Cache {
    state: JournalState,
    /// The generation of the file `offset` belongs to ("" before any compaction).
    generation: String,
    /// Bytes of complete lines replayed.
    offset: u64,
    /// Lines replayed since the top of the file (to tell when to compact).
    lines: usize,
}

/// The first line of a compacted journal.
#[derive(serde::Deserialize)]
struct Header {
    generation: String,
}

impl Journal {
    /// Opens (creating) the journal in `dir` and registers this process as a live owner. Quick:
    /// the journal is replayed on first use ([`Journal::warm_up`], or any read).
    pub fn open(dir: &Path) -> Result<Self, JournalError> {
        let owners = dir.join("owners");
        private::create_dir_all(dir).map_err(io_err(dir))?;
        private::create_dir_all(&owners).map_err(io_err(&owners))?;
        let path = path_in(dir);
        let file = private::options()
            .create(true)
            .append(true)
            .open(&path)
            .map_err(io_err(&path))?;
        private::restrict_file(&file).map_err(io_err(&path))?;
        drop(file);
        private::sync_dir(dir).map_err(io_err(dir))?;
        let owner = format!("o-{}", uuid::Uuid::new_v4().simple());
        let lock_path = owners.join(format!("{owner}.lock"));
        let owner_lock = private::create_file(&lock_path).map_err(io_err(&lock_path))?;
        owner_lock.lock().map_err(io_err(&lock_path))?;
        Ok(Self {
            dir: dir.to_owned(),
            path,
            owner,
            _owner_lock: owner_lock,
            cache: Mutex::new(Cache::default()),
            #[cfg(test)]
            short_writes: std::sync::atomic::AtomicUsize::new(usize::MAX),
        })
    }

    /// Replays the journal, and compacts it when it holds far more lines than its state needs
    /// (years of retries and claims). Blocks: the engine runs it on its blocking pool at start.
    pub fn warm_up(&self) -> Result<(), JournalError> {
        let bloated =
            self.view(|state, lines| lines > snapshot_lines(state) + COMPACT_SLACK_LINES)?;
        if bloated {
            self.compact()?;
        }
        Ok(())
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

    /// Appends records as one line and fsyncs. The line starts on a line of its own even when
    /// the file ends in half a line (a write torn by a crash), so a torn line never swallows the
    /// next one; a write that fails is cut off again, so nothing of it is replayed.
    pub fn append_all(&self, records: &[Record]) -> Result<(), JournalError> {
        if records.is_empty() {
            return Ok(());
        }
        let mut line = vec![b'\n'];
        let encoded = match records {
            [one] => serde_json::to_writer(&mut line, one),
            many => serde_json::to_writer(&mut line, many),
        };
        encoded.map_err(|e| io_err(&self.path)(io::Error::other(e)))?;
        line.push(b'\n');
        self.with_write_lock(|| {
            let mut file = private::options()
                .append(true)
                .read(true)
                .open(&self.path)?;
            let before = file.metadata()?.len();
            let torn = ends_mid_line(&mut file, before)?;
            let bytes = if torn { &line[..] } else { &line[1..] };
            let written = self.write_line(&mut file, bytes);
            if let Err(e) = written {
                // Take back whatever part of the line reached the disk.
                let _ = file.set_len(before);
                let _ = file.sync_data();
                return Err(e);
            }
            Ok(())
        })
    }

    /// Writes and syncs one line.
    #[cfg_attr(not(test), allow(clippy::unused_self))]
    fn write_line(&self, file: &mut File, bytes: &[u8]) -> io::Result<()> {
        #[cfg(test)]
        {
            let allowed = self.short_writes.load(std::sync::atomic::Ordering::Relaxed);
            if allowed < bytes.len() {
                file.write_all(&bytes[..allowed])?;
                file.sync_data()?;
                return Err(io::Error::new(
                    io::ErrorKind::StorageFull,
                    "no space left on device (test)",
                ));
            }
        }
        file.write_all(bytes)?;
        file.sync_data()
    }

    /// Appends one record and fsyncs.
    pub fn append(&self, record: &Record) -> Result<(), JournalError> {
        self.append_all(std::slice::from_ref(record))
    }

    /// Runs `f` on the journal's state, brought up to date first: only lines appended since the
    /// last look (by any process) are replayed, unless the journal was compacted meanwhile.
    pub fn view<T>(&self, f: impl FnOnce(&JournalState, usize) -> T) -> Result<T, JournalError> {
        let mut cache = self.lock_cache();
        catch_up(&self.path, &mut cache).map_err(io_err(&self.path))?;
        Ok(f(&cache.state, cache.lines))
    }

    /// A copy of the whole state (every process's records), up to date.
    pub fn read(&self) -> Result<JournalState, JournalError> {
        self.view(|state, _| state.clone())
    }

    /// Rewrites the journal as a snapshot of its state (see the module documentation).
    pub fn compact(&self) -> Result<(), JournalError> {
        self.compact_failing_after(None)
    }

    /// [`Journal::compact`], stopping with an error after writing `fail_after` snapshot lines
    /// (a crash, for tests).
    fn compact_failing_after(&self, fail_after: Option<usize>) -> Result<(), JournalError> {
        self.with_write_lock(|| {
            let mut cache = self.lock_cache();
            catch_up(&self.path, &mut cache)?;
            let generation = uuid::Uuid::new_v4().simple().to_string();
            let temp = self.dir.join(format!("journal.{generation}.tmp"));
            let written = write_snapshot(&temp, &generation, &cache.state, fail_after);
            if let Err(e) = written {
                let _ = fs::remove_file(&temp);
                return Err(e);
            }
            fs::rename(&temp, &self.path)?;
            private::sync_dir(&self.dir)?;
            // Replay the new file from its top next time.
            *cache = Cache::default();
            catch_up(&self.path, &mut cache)?;
            // Leftovers of compactions that crashed before their rename.
            remove_leftovers(&self.dir);
            Ok(())
        })
    }

    /// Runs `f` while holding the cross-process claims lock.
    pub fn with_claims_lock<T>(&self, f: impl FnOnce() -> T) -> Result<T, JournalError> {
        let path = self.dir.join("claims.lock");
        let lock = lock_file(&path).map_err(io_err(&path))?;
        let value = f();
        let _ = lock.unlock();
        Ok(value)
    }

    /// Runs `f` while holding the lock every writer of the journal file takes.
    fn with_write_lock(&self, f: impl FnOnce() -> io::Result<()>) -> Result<(), JournalError> {
        let path = self.dir.join("journal.lock");
        let lock = lock_file(&path).map_err(io_err(&path))?;
        let result = f();
        let _ = lock.unlock();
        result.map_err(io_err(&self.path))
    }

    fn lock_cache(&self) -> MutexGuard<'_, Cache> {
        self.cache.lock().unwrap_or_else(PoisonError::into_inner)
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
        let Ok(file) = fs::OpenOptions::new().write(true).open(&path) else {
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

    /// Unfinished jobs whose owner is gone — and uploads a system accepted that were not seen
    /// stored yet, to look again — with the batches they belong to.
    pub fn orphans(&self) -> Result<Orphans, JournalError> {
        let found = self.view(|state, _| {
            let files: Vec<FileEntry> = state
                .files
                .iter()
                .filter(|f| {
                    (f.life.end().is_none() || f.life.awaits_confirmation())
                        && f.life.owner != self.owner
                })
                .cloned()
                .collect();
            let batches: HashMap<BatchId, BatchEntry> = files
                .iter()
                .filter_map(|f| state.batches.get(&f.batch))
                .map(|b| (b.batch.clone(), b.clone()))
                .collect();
            (files, batches)
        })?;
        let (files, batches) = found;
        let files = files
            .into_iter()
            .filter(|f| !self.owner_alive(&f.life.owner))
            .collect();
        Ok(Orphans { files, batches })
    }
}

/// Unfinished jobs of departed owners.
#[derive(Clone, Debug, Default)]
pub struct Orphans {
    /// The jobs, in the order they were queued.
    pub files: Vec<FileEntry>,
    /// Their batches.
    pub batches: HashMap<BatchId, BatchEntry>,
}

impl Orphans {
    /// The ids of the jobs.
    #[must_use]
    pub fn ids(&self) -> Vec<FileId> {
        self.files.iter().map(|f| f.file.clone()).collect()
    }
}

impl Drop for Journal {
    fn drop(&mut self) {
        let _ = fs::remove_file(self.dir.join("owners").join(format!("{}.lock", self.owner)));
    }
}

/// Opens (creating) a lock file, readable by this user only, and locks it exclusively.
fn lock_file(path: &Path) -> io::Result<File> {
    let lock = private::options()
        .create(true)
        .truncate(false)
        .write(true)
        .open(path)?;
    lock.lock()?;
    Ok(lock)
}

/// How many lines a snapshot of `state` takes.
fn snapshot_lines(state: &JournalState) -> usize {
    1 + state.batches.len() + state.files.len() * 3
}

fn write_snapshot(
    path: &Path,
    generation: &str,
    state: &JournalState,
    fail_after: Option<usize>,
) -> io::Result<()> {
    let file = private::create_file(path)?;
    let mut out = io::BufWriter::new(file);
    serde_json::to_writer(&mut out, &serde_json::json!({ "generation": generation }))?;
    out.write_all(b"\n")?;
    for (i, record) in state.snapshot().enumerate() {
        if fail_after.is_some_and(|n| i >= n) {
            out.flush()?;
            return Err(io::Error::other("compaction interrupted (test)"));
        }
        serde_json::to_writer(&mut out, &record)?;
        out.write_all(b"\n")?;
    }
    let file = out.into_inner().map_err(io::IntoInnerError::into_error)?;
    file.sync_all()
}

fn remove_leftovers(dir: &Path) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with("journal.") && name.ends_with(".tmp") {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// Whether the file's last byte (of `len`) is not a newline.
fn ends_mid_line(file: &mut File, len: u64) -> io::Result<bool> {
    if len == 0 {
        return Ok(false);
    }
    file.seek(SeekFrom::Start(len - 1))?;
    let mut last = [0u8; 1];
    file.read_exact(&mut last)?;
    Ok(last[0] != b'\n')
}

/// The generation a journal file starts with ("" without a header).
fn generation_of(file: &mut File) -> io::Result<String> {
    file.seek(SeekFrom::Start(0))?;
    let mut first = Vec::new();
    BufReader::new(Read::by_ref(file).take(256)).read_until(b'\n', &mut first)?;
    Ok(match serde_json::from_slice::<Header>(&first) {
        Ok(Header { generation }) => generation,
        Err(_) => String::new(),
    })
}

/// Replays what the file holds beyond what `cache` has seen (or all of it, after a compaction).
fn catch_up(path: &Path, cache: &mut Cache) -> io::Result<()> {
    let mut file = match File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            *cache = Cache::default();
            return Ok(());
        }
        Err(e) => return Err(e),
    };
    let len = file.metadata()?.len();
    let generation = generation_of(&mut file)?;
    if generation != cache.generation || len < cache.offset {
        *cache = Cache {
            generation,
            ..Cache::default()
        };
    }
    if len == cache.offset {
        return Ok(());
    }
    file.seek(SeekFrom::Start(cache.offset))?;
    let mut reader = BufReader::new(file);
    let mut line = Vec::new();
    loop {
        line.clear();
        let read = reader.read_until(b'\n', &mut line)?;
        // Only whole lines: one being written by another process is read next time.
        if read == 0 || line.last() != Some(&b'\n') {
            break;
        }
        cache.offset += read as u64;
        cache.lines += 1;
        replay_line(&line, &mut cache.state);
    }
    Ok(())
}

/// Replays one line into `state` (a torn or unreadable one is counted and skipped).
fn replay_line(line: &[u8], state: &mut JournalState) {
    if line.iter().all(u8::is_ascii_whitespace) {
        return;
    }
    let first = line.iter().find(|b| !b.is_ascii_whitespace());
    let parsed = if first == Some(&b'[') {
        serde_json::from_slice::<Vec<Record>>(line)
    } else {
        serde_json::from_slice::<Record>(line).map(|r| vec![r])
    };
    match parsed {
        Ok(records) => {
            for record in records {
                state.apply(record);
            }
        }
        Err(_) if serde_json::from_slice::<Header>(line).is_ok() => {}
        Err(e) => {
            tracing::warn!("skipping an unreadable journal line: {e}");
            state.unreadable_lines += 1;
        }
    }
}

/// Reads and replays a journal file (missing file: empty).
pub fn read_state(path: &Path) -> Result<JournalState, JournalError> {
    let mut cache = Cache::default();
    catch_up(path, &mut cache).map_err(io_err(path))?;
    Ok(cache.state)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ProviderId;
    use crate::upload::account::Account;
    use crate::upload::journal::now;
    use crate::upload::types::{BatchId, Outcome};

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
                made_from: Vec::new(),
                from_mail: None,
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
            ride: None,
        })
        .unwrap();
        // A crash mid-write leaves half a line.
        fs::OpenOptions::new()
            .append(true)
            .open(j.path())
            .unwrap()
            .write_all(b"{\"t\":\"end\",\"fi")
            .unwrap();
        let state = j.read().unwrap();
        let entry = state.file(&f).unwrap();
        assert!(entry.life.in_flight() && entry.life.end().is_none());
        assert_eq!(entry.life.owner, j.owner());
        // Half a line may still be being written: it is not read (nor counted) until a line
        // follows it.
        assert_eq!(state.unreadable_lines, 0);
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
            made_from: Vec::new(),
            from_mail: None,
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
        fs::OpenOptions::new()
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
            ride: None,
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
        assert!(j.read().unwrap().file(&f).unwrap().life.verify_first);
        j.append(&Record::Reopen {
            file: f.clone(),
            owner: j.owner().into(),
            at: now(),
            verify_first: Some(true),
        })
        .unwrap();
        let entry = j.read().unwrap().file(&f).cloned().unwrap();
        assert!(entry.life.end().is_none() && !entry.life.in_flight() && entry.life.verify_first);
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
        assert!(entry.life.end().is_none());
        assert!(
            entry.life.verify_first,
            "an unknown outcome is checked first"
        );
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
            second.orphans().unwrap().ids().is_empty(),
            "its owner still runs"
        );
        let gone = first.owner().to_owned();
        drop(first);
        assert!(!second.owner_alive(&gone));
        assert_eq!(second.orphans().unwrap().ids(), vec![f.clone()]);
        second
            .append(&Record::Claim {
                file: f.clone(),
                owner: second.owner().into(),
                at: now(),
            })
            .unwrap();
        let state = second.read().unwrap();
        assert_eq!(state.file(&f).unwrap().life.owner, second.owner());
        assert!(
            second.orphans().unwrap().ids().is_empty(),
            "claimed by a live owner"
        );
    }
}

#[cfg(test)]
mod scale_tests {
    use std::sync::atomic::Ordering;

    use super::*;
    use crate::model::{AccountIds, ProviderId};
    use crate::upload::account::{Account, Source};
    use crate::upload::journal::now;
    use crate::upload::types::{BatchId, Outcome};

    fn batch(j: &Journal, files: &[FileId]) -> Vec<Record> {
        let b = BatchId::new();
        let mut records = vec![Record::Batch {
            batch: b.clone(),
            owner: j.owner().to_owned(),
            at: now(),
            connection: Account {
                provider: ProviderId::Spott,
                base_url: "http://127.0.0.1:1/spott".into(),
                ids: AccountIds::new(),
                source: Source::Environment,
                credential: None,
            },
            candidate_id: "c1".into(),
            candidate_name: None,
            application_id: None,
        }];
        for (i, f) in files.iter().enumerate() {
            records.push(Record::File {
                file: f.clone(),
                batch: b.clone(),
                path: format!("/tmp/cv-{i}.pdf").into(),
                name: format!("cv-{i}.pdf"),
                size: 3,
                mtime: None,
                content_type: "application/pdf".into(),
                attachment_type: "CV".into(),
                remote_id: None,
                made_from: Vec::new(),
                from_mail: None,
            });
        }
        records
    }

    fn ended(file: &FileId, outcome: Outcome) -> Record {
        Record::End {
            file: file.clone(),
            outcome,
            at: now(),
            attachment_id: Some("att-1".into()),
            message: None,
            unsettled: Some(false),
        }
    }

    /// A journal with some history: uploaded, failed, in flight and queued jobs.
    fn with_history(j: &Journal) -> Vec<FileId> {
        let ids: Vec<FileId> = (0..4).map(|_| FileId::new()).collect();
        j.append_all(&batch(j, &ids)).unwrap();
        for (i, f) in ids.iter().enumerate().take(3) {
            j.append(&Record::Start {
                file: f.clone(),
                owner: j.owner().into(),
                attempt: 1,
                at: now(),
                seen_before: Some(0),
                ride: None,
            })
            .unwrap();
            j.append(&Record::Hashed {
                file: f.clone(),
                sha256: format!("{i:064x}"),
                xxh3: Some(format!("{i:032x}")),
            })
            .unwrap();
        }
        j.append(&ended(&ids[0], Outcome::Uploaded)).unwrap();
        j.append(&ended(&ids[1], Outcome::Failed)).unwrap();
        ids
    }

    #[test]
    fn a_failed_write_leaves_nothing_of_its_records() {
        let dir = tempfile::tempdir().unwrap();
        let j = Journal::open(dir.path()).unwrap();
        let ids = [FileId::new(), FileId::new()];
        let records = batch(&j, &ids);
        let before = fs::read(j.path()).unwrap();
        j.short_writes.store(40, Ordering::Relaxed);
        assert!(j.append_all(&records).is_err());
        assert_eq!(fs::read(j.path()).unwrap(), before, "cut off again");
        j.short_writes.store(usize::MAX, Ordering::Relaxed);
        // Even when cutting it off fails too, a half line is never replayed: one line, one
        // commit.
        let mut half = serde_json::to_vec(&records).unwrap();
        half.truncate(half.len() / 2);
        fs::OpenOptions::new()
            .append(true)
            .open(j.path())
            .unwrap()
            .write_all(&half)
            .unwrap();
        j.append_all(&batch(&j, &[FileId::new()])).unwrap();
        let state = Journal::open(dir.path()).unwrap().read().unwrap();
        assert!(ids.iter().all(|f| state.file(f).is_none()), "{state:?}");
        assert_eq!(state.files.len(), 1);
        assert_eq!(state.unreadable_lines, 1);
    }

    #[test]
    fn reads_catch_up_with_other_writers_and_never_wait_for_them() {
        let dir = tempfile::tempdir().unwrap();
        let reader = Journal::open(dir.path()).unwrap();
        let writer = Journal::open(dir.path()).unwrap();
        assert!(reader.read().unwrap().files.is_empty());
        let ids = with_history(&writer);
        let seen = reader.view(|s, _| s.files.len()).unwrap();
        assert_eq!(seen, ids.len(), "the other handle's appends are replayed");
        // A writer holding the write lock does not stop a read (on Windows a lock on the
        // journal itself would).
        let held = lock_file(&dir.path().join("journal.lock")).unwrap();
        let (tx, rx) = std::sync::mpsc::channel();
        let path = reader.path().to_owned();
        std::thread::spawn(move || tx.send(read_state(&path).map(|s| s.files.len())));
        let read = rx
            .recv_timeout(std::time::Duration::from_secs(5))
            .expect("a read while a writer holds the lock");
        assert_eq!(read.unwrap(), ids.len());
        drop(held);
    }

    #[test]
    fn compaction_keeps_the_state_and_replaces_the_history() {
        let dir = tempfile::tempdir().unwrap();
        let j = Journal::open(dir.path()).unwrap();
        let other = Journal::open(dir.path()).unwrap();
        with_history(&j);
        let before = j.read().unwrap();
        let lines_before = fs::read_to_string(j.path()).unwrap().lines().count();
        j.compact().unwrap();
        let text = fs::read_to_string(j.path()).unwrap();
        assert!(text.starts_with("{\"generation\":"), "{text}");
        assert_eq!(j.read().unwrap(), before);
        assert_eq!(
            read_state(j.path()).unwrap(),
            before,
            "a fresh replay agrees"
        );
        // One header, one line per batch, three per job: whatever led there is gone.
        assert_eq!(text.lines().count(), 1 + before.snapshot().count());
        assert!(lines_before > 0);
        // Another process's handle notices the new generation and keeps appending to the new
        // file.
        assert_eq!(other.read().unwrap(), before);
        let more = batch(&other, &[FileId::new()]);
        other.append_all(&more).unwrap();
        assert_eq!(j.read().unwrap().files.len(), before.files.len() + 1);
    }

    #[test]
    fn a_crash_during_compaction_loses_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let j = Journal::open(dir.path()).unwrap();
        with_history(&j);
        let before = j.read().unwrap();
        let log = fs::read(j.path()).unwrap();
        for stop in [0, 1, 3, 7] {
            assert!(j.compact_failing_after(Some(stop)).is_err());
            assert_eq!(fs::read(j.path()).unwrap(), log, "the log is untouched");
            assert_eq!(read_state(j.path()).unwrap(), before);
        }
        // A leftover of a crash that could not even clean up is removed by the next one.
        fs::write(
            dir.path().join("journal.deadbeef.tmp"),
            b"{\"generation\":\"x\"}\n",
        )
        .unwrap();
        j.compact().unwrap();
        assert_eq!(read_state(j.path()).unwrap(), before);
        let leftovers = fs::read_dir(dir.path())
            .unwrap()
            .flatten()
            .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
            .count();
        assert_eq!(leftovers, 0);
    }

    #[test]
    fn warming_up_a_bloated_journal_compacts_it() {
        let dir = tempfile::tempdir().unwrap();
        {
            let j = Journal::open(dir.path()).unwrap();
            let ids = with_history(&j);
            // Many records about few jobs: a retried file, for years.
            let churn: Vec<Record> = (0..COMPACT_SLACK_LINES + 10)
                .map(|_| Record::Claim {
                    file: ids[3].clone(),
                    owner: j.owner().into(),
                    at: now(),
                })
                .collect();
            for chunk in churn.chunks(1) {
                j.append_all(chunk).unwrap();
            }
        }
        let lines = |d: &Path| fs::read_to_string(path_in(d)).unwrap().lines().count();
        assert!(lines(dir.path()) > COMPACT_SLACK_LINES);
        let j = Journal::open(dir.path()).unwrap();
        assert!(lines(dir.path()) > COMPACT_SLACK_LINES, "opening is quick");
        j.warm_up().unwrap();
        assert!(lines(dir.path()) < 50, "compacted");
        assert_eq!(j.read().unwrap().files.len(), 4);
    }

    #[cfg(unix)]
    #[test]
    fn files_and_folders_are_private_on_unix() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let journal_dir = dir.path().join("journal");
        let j = Journal::open(&journal_dir).unwrap();
        j.append_all(&batch(&j, &[FileId::new()])).unwrap();
        j.compact().unwrap();
        let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&journal_dir), 0o700);
        assert_eq!(mode(&journal_dir.join("owners")), 0o700);
        assert_eq!(mode(j.path()), 0o600);
        assert_eq!(mode(&journal_dir.join("journal.lock")), 0o600);
        // A journal folder an older atsdrop left readable by others is closed at open.
        fs::set_permissions(&journal_dir, fs::Permissions::from_mode(0o755)).unwrap();
        fs::set_permissions(j.path(), fs::Permissions::from_mode(0o644)).unwrap();
        drop(j);
        let j = Journal::open(&journal_dir).unwrap();
        assert_eq!(mode(&journal_dir), 0o700);
        assert_eq!(mode(j.path()), 0o600);
    }
}
