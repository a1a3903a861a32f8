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

/// The most requests a [`Recorder`] keeps: the oldest go first (the sandbox may run for days).
pub const RECORDED_REQUESTS: usize = 20_000;

/// A log of the latest requests (at most [`RECORDED_REQUESTS`]).
#[derive(Debug, Default)]
pub struct Recorder {
    requests: Mutex<std::collections::VecDeque<RecordedRequest>>,
    changed: Notify,
}

impl Recorder {
    /// Appends a request.
    pub fn push(&self, request: RecordedRequest) {
        if let Ok(mut all) = self.requests.lock() {
            if all.len() >= RECORDED_REQUESTS {
                all.pop_front();
            }
            all.push_back(request);
        }
        self.changed.notify_waiters();
    }

    /// Everything received so far.
    #[must_use]
    pub fn all(&self) -> Vec<RecordedRequest> {
        self.requests
            .lock()
            .map(|r| r.iter().cloned().collect())
            .unwrap_or_default()
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
            if self
                .requests
                .lock()
                .is_ok_and(|mut r| done(r.make_contiguous()))
            {
                return true;
            }
            if tokio::time::timeout_at(deadline, notified).await.is_err() {
                return self
                    .requests
                    .lock()
                    .is_ok_and(|mut r| done(r.make_contiguous()));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_latest_requests_are_kept() {
        let recorder = Recorder::default();
        for i in 0..=RECORDED_REQUESTS {
            recorder.push(RecordedRequest {
                provider: None,
                method: "GET".into(),
                path: format!("/{i}"),
                query: None,
                headers: BTreeMap::new(),
                status: 200,
                tenant: None,
            });
        }
        let all = recorder.all();
        assert_eq!(all.len(), RECORDED_REQUESTS);
        assert_eq!(all[0].path, "/1", "the oldest went first");
    }
}
