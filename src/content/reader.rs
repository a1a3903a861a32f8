//! Reads files' content in reader processes: the `atsdrop` binary re-run as
//! `atsdrop read-content`, one process per file, at most one per core at a time, each killed
//! after [`TIME_LIMIT`] and limited in memory (see `child`). A parser that crashes, aborts or
//! stalls on a hostile file costs that file a note, "could not read its content", and nothing
//! else. Answers are kept in memory by content fingerprint, so a file dropped twice, or
//! re-checked for another candidate, is read once. Text never leaves memory.

use std::collections::{HashMap, VecDeque};
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use tokio::io::AsyncReadExt;
use tokio::process::Command;
use tokio::sync::Semaphore;

use super::facts::{ContentFacts, Format, MAX_FILE_BYTES};
use crate::model::FileKind;

/// How long one file may take to read before its reader is killed.
pub const TIME_LIMIT: Duration = Duration::from_secs(2);

/// The most bytes of answer read from a reader (text of at most 64 KiB, escaped, and a preview
/// PNG of at most 320 × 480 pixels, in base64).
const MAX_ANSWER_BYTES: u64 = 4 * 1024 * 1024;

/// The most text and preview bytes kept in the cache; the oldest answers go first.
const CACHE_TEXT_BYTES: usize = 64 * 1024 * 1024;

/// The hidden subcommand the reader process runs.
pub const SUBCOMMAND: &str = "read-content";

/// A content fingerprint: the file's XXH3-128 and its reader.
type Fingerprint = (u128, &'static str);

/// Reads content in separate processes, a few at a time, with a cache.
pub struct ContentReader {
    program: PathBuf,
    slots: Semaphore,
    time_limit: Duration,
    cache: Mutex<Cache>,
}

impl std::fmt::Debug for ContentReader {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ContentReader")
            .field("program", &self.program)
            .field("time_limit", &self.time_limit)
            .finish_non_exhaustive()
    }
}

/// Answers by fingerprint, oldest first out, bounded by their text.
#[derive(Default)]
struct Cache {
    answers: HashMap<Fingerprint, Arc<ContentFacts>>,
    order: VecDeque<Fingerprint>,
    text_bytes: usize,
}

impl Cache {
    fn insert(&mut self, key: Fingerprint, facts: Arc<ContentFacts>) {
        self.text_bytes += weight(&facts);
        if let Some(old) = self.answers.insert(key, facts) {
            self.text_bytes -= weight(&old);
        } else {
            self.order.push_back(key);
        }
        while self.text_bytes > CACHE_TEXT_BYTES {
            let Some(oldest) = self.order.pop_front() else {
                break;
            };
            if let Some(gone) = self.answers.remove(&oldest) {
                self.text_bytes -= weight(&gone);
            }
        }
    }
}

/// The bytes an answer holds: its text and its preview.
fn weight(facts: &ContentFacts) -> usize {
    facts.text.len() + facts.preview_png.as_ref().map_or(0, Vec::len)
}

impl ContentReader {
    /// A reader that runs `program` (the `atsdrop` binary) as its reader process, as many at a
    /// time as there are cores.
    #[must_use]
    pub fn new(program: PathBuf) -> Self {
        let cores = std::thread::available_parallelism().map_or(2, std::num::NonZero::get);
        Self {
            program,
            slots: Semaphore::new(cores),
            time_limit: TIME_LIMIT,
            cache: Mutex::new(Cache::default()),
        }
    }

    /// A reader for the running `atsdrop` binary itself.
    pub fn for_this_program() -> std::io::Result<Self> {
        Ok(Self::new(std::env::current_exe()?))
    }

    /// The same reader with another time limit per file.
    #[must_use]
    pub fn with_time_limit(mut self, limit: Duration) -> Self {
        self.time_limit = limit;
        self
    }

    /// What is inside the file at `path`, whose content is `kind`; `None` when atsdrop does not
    /// read such files (images, archives…).
    pub async fn read(&self, path: &Path, kind: &FileKind) -> Option<Arc<ContentFacts>> {
        let format = Format::of(kind)?;
        let owned = path.to_owned();
        let fingerprint = tokio::task::spawn_blocking(move || fingerprint(&owned))
            .await
            .ok()
            .flatten();
        let key = fingerprint.map(|f| (f, format.as_str()));
        if let Some(key) = key
            && let Some(hit) = self.cached(key)
        {
            return Some(hit);
        }
        let Ok(_slot) = self.slots.acquire().await else {
            return Some(Arc::new(ContentFacts::unreadable(NOT_STARTED)));
        };
        // The same content may have been read while this one waited for its turn.
        if let Some(key) = key
            && let Some(hit) = self.cached(key)
        {
            return Some(hit);
        }
        let facts = Arc::new(self.run(path, format).await);
        // A reader killed for its time, or one that could not start, is not remembered: the
        // machine may just have been busy.
        if let Some(key) = key
            && !matches!(facts.unreadable.as_deref(), Some(TOO_SLOW | NOT_STARTED))
        {
            self.lock().insert(key, Arc::clone(&facts));
        }
        Some(facts)
    }

    fn cached(&self, key: Fingerprint) -> Option<Arc<ContentFacts>> {
        self.lock().answers.get(&key).cloned()
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Cache> {
        self.cache.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Runs one reader process for `path` and takes its answer (the caller holds a slot).
    async fn run(&self, path: &Path, format: Format) -> ContentFacts {
        let child = Command::new(&self.program)
            .arg(SUBCOMMAND)
            .arg("--format")
            .arg(format.as_str())
            // A file named `-x.pdf` is a path, not an option.
            .arg("--")
            .arg(path)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .kill_on_drop(true)
            .spawn();
        let Ok(mut child) = child else {
            return ContentFacts::unreadable(NOT_STARTED);
        };
        let Some(stdout) = child.stdout.take() else {
            return ContentFacts::unreadable(NOT_STARTED);
        };
        let answer = async {
            let mut answer = Vec::new();
            let read = stdout.take(MAX_ANSWER_BYTES).read_to_end(&mut answer).await;
            let status = child.wait().await;
            (read, status, answer)
        };
        match tokio::time::timeout(self.time_limit, answer).await {
            Err(_) => ContentFacts::unreadable(TOO_SLOW),
            Ok((Ok(_), Ok(status), answer)) if status.success() => serde_json::from_slice(&answer)
                .unwrap_or_else(|_| ContentFacts::unreadable(CRASHED)),
            Ok(_) => ContentFacts::unreadable(CRASHED),
        }
        // Dropping the future drops the child: a reader still running is killed.
    }
}

/// Why: the reader ran out of time.
const TOO_SLOW: &str = "reading it took too long";
/// Why: the reader process died on the file.
const CRASHED: &str = "the reader stopped on it";
/// Why: no reader process could be started.
const NOT_STARTED: &str = "no reader could be started";

/// The XXH3-128 of the file's content, when it can be read (at most the reader's own limit).
fn fingerprint(path: &Path) -> Option<u128> {
    use std::io::Read;
    let file = std::fs::File::open(path).ok()?;
    let mut hasher = xxhash_rust::xxh3::Xxh3::new();
    let mut reader = file.take(MAX_FILE_BYTES + 1);
    let mut buf = vec![0; 64 * 1024];
    loop {
        match reader.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => hasher.update(&buf[..n]),
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(_) => return None,
        }
    }
    Some(hasher.digest128())
}
