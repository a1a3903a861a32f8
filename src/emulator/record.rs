//! What the emulator received, for tests to assert on.

use std::collections::BTreeMap;
use std::sync::Mutex;
use std::time::Duration;

use tokio::sync::Notify;

use crate::model::ProviderId;

/// One request as the emulator saw it (bodies are not kept; their length is).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecordedRequest {
    /// The system whose prefix it came in under (`None` for admin routes).
    pub provider: Option<ProviderId>,
    /// HTTP method.
    pub method: String,
    /// Path under the system's prefix.
    pub path: String,
    /// Raw query string.
    pub query: Option<String>,
    /// Headers, names lower-case (values lossy UTF-8).
    pub headers: BTreeMap<String, String>,
    /// Status answered (0 when the connection was cut instead).
    pub status: u16,
    /// The tenant whose secret the request carried, when the system accepted it.
    pub tenant: Option<String>,
}

impl RecordedRequest {
    /// A header's value.
    #[must_use]
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .get(&name.to_ascii_lowercase())
            .map(String::as_str)
    }
}

/// An append-only log of requests.
#[derive(Debug, Default)]
pub struct Recorder {
    requests: Mutex<Vec<RecordedRequest>>,
    changed: Notify,
}

impl Recorder {
    /// Appends a request.
    pub fn push(&self, request: RecordedRequest) {
        if let Ok(mut all) = self.requests.lock() {
            all.push(request);
        }
        self.changed.notify_waiters();
    }

    /// Everything received so far.
    #[must_use]
    pub fn all(&self) -> Vec<RecordedRequest> {
        self.requests.lock().map(|r| r.clone()).unwrap_or_default()
    }

    /// Waits until `done` holds for the log, or `timeout` passes; returns whether it held.
    pub async fn wait_for(
        &self,
        timeout: Duration,
        done: impl Fn(&[RecordedRequest]) -> bool,
    ) -> bool {
        let deadline = tokio::time::Instant::now() + timeout;
        loop {
            let notified = self.changed.notified();
            if self.requests.lock().is_ok_and(|r| done(&r)) {
                return true;
            }
            if tokio::time::timeout_at(deadline, notified).await.is_err() {
                return self.requests.lock().is_ok_and(|r| done(&r));
            }
        }
    }
}
