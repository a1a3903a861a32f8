//! How far a streaming body got, shared with the client that sends it and its watchdog.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Instant;

/// Shared view of how far a body got: lets the client tell "failed before the body was sent"
/// (safe to retry) from "failed after" (the system may have stored it), and lets a watchdog
/// notice a stalled upload.
#[derive(Debug)]
pub struct BodyTracker {
    started: Instant,
    last_activity_ms: AtomicU64,
    sent: AtomicU64,
    complete: AtomicBool,
    abandoned: AtomicBool,
    file_error: Mutex<Option<(PathBuf, String)>>,
}

impl Default for BodyTracker {
    fn default() -> Self {
        Self {
            started: Instant::now(),
            last_activity_ms: AtomicU64::new(0),
            sent: AtomicU64::new(0),
            complete: AtomicBool::new(false),
            abandoned: AtomicBool::new(false),
            file_error: Mutex::new(None),
        }
    }
}

impl BodyTracker {
    /// A fresh tracker.
    #[must_use]
    pub fn new() -> Arc<Self> {
        Arc::new(Self::default())
    }

    /// Records that every byte of the body has been handed to the connection.
    pub(super) fn mark_complete(&self) {
        self.complete.store(true, Ordering::Release);
    }

    /// Whether every byte of the body has been handed to the connection.
    #[must_use]
    pub fn complete(&self) -> bool {
        self.complete.load(Ordering::Acquire)
    }

    /// Bytes handed to the connection so far.
    #[must_use]
    pub fn sent(&self) -> u64 {
        self.sent.load(Ordering::Relaxed)
    }

    /// Time since the body last made progress (or since it was created).
    #[must_use]
    pub fn idle_for(&self) -> std::time::Duration {
        let now = u64::try_from(self.started.elapsed().as_millis()).unwrap_or(u64::MAX);
        let last = self.last_activity_ms.load(Ordering::Relaxed);
        std::time::Duration::from_millis(now.saturating_sub(last))
    }

    /// The file problem that ended the body, if one did.
    #[must_use]
    pub fn file_error(&self) -> Option<(PathBuf, String)> {
        self.file_error.lock().ok().and_then(|e| e.clone())
    }

    /// Whether the request was abandoned (see [`BodyTracker::abandon`]).
    pub(super) fn abandoned(&self) -> bool {
        self.abandoned.load(Ordering::Acquire)
    }

    /// Marks the request as abandoned (cancelled or timed out): the body ends with an error at
    /// its next chunk, so the connection is closed instead of finishing the upload.
    pub fn abandon(&self) {
        self.abandoned.store(true, Ordering::Release);
    }

    pub(super) fn touch(&self, bytes: u64) {
        self.sent.fetch_add(bytes, Ordering::Relaxed);
        let now = u64::try_from(self.started.elapsed().as_millis()).unwrap_or(u64::MAX);
        self.last_activity_ms.store(now, Ordering::Relaxed);
    }

    pub(super) fn fail_file(&self, path: PathBuf, reason: String) {
        if let Ok(mut slot) = self.file_error.lock() {
            *slot = Some((path, reason));
        }
    }
}
