//! Drives the upload engine in tests: start it, submit batches, read its events.

use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use atsdrop::emulator::Emulator;
use atsdrop::i18n::Text;
use atsdrop::model::ProviderId;
use atsdrop::providers::{Connection, UploadTarget};
use atsdrop::upload::Source;
use atsdrop::upload::retry::RetryPolicy;
use atsdrop::upload::{
    BatchId, BatchSpec, BatchSummary, Engine, EngineConfig, FileId, FileSpec, FileState,
    UploadEvent,
};
use tokio::sync::mpsc::Receiver;

/// An engine plus everything it said.
pub struct Harness {
    pub engine: Engine,
    pub events: Receiver<UploadEvent>,
    pub log: Vec<UploadEvent>,
    pub wakes: Arc<AtomicUsize>,
}

/// Fast retries for tests (the 429 delay still comes from Retry-After).
pub fn fast_config(journal_dir: &Path) -> EngineConfig {
    let mut config = EngineConfig::new(journal_dir.to_owned());
    config.retry = RetryPolicy {
        max_attempts: 5,
        base: Duration::from_millis(20),
        cap: Duration::from_millis(200),
        jitter: 0.0,
    };
    config.progress_interval = Duration::from_millis(50);
    config.settle_delay = Duration::from_millis(50);
    config
}

impl Harness {
    pub fn start(config: EngineConfig) -> Self {
        let wakes = Arc::new(AtomicUsize::new(0));
        let counter = wakes.clone();
        let (engine, events) = Engine::start(
            &tokio::runtime::Handle::current(),
            config,
            Arc::new(move || {
                counter.fetch_add(1, Ordering::Relaxed);
            }),
        )
        .expect("engine starts");
        Self {
            engine,
            events,
            log: Vec::new(),
            wakes,
        }
    }

    /// Reads events until one matches, or panics after `timeout`.
    pub async fn until(
        &mut self,
        timeout: Duration,
        pred: impl Fn(&UploadEvent) -> bool,
    ) -> UploadEvent {
        let deadline = tokio::time::Instant::now() + timeout;
        loop {
            let event = tokio::time::timeout_at(deadline, self.events.recv())
                .await
                .unwrap_or_else(|_| {
                    panic!(
                        "no matching event within {timeout:?}; got: {:#?}",
                        self.log.iter().rev().take(12).collect::<Vec<_>>()
                    )
                })
                .expect("engine alive");
            self.log.push(event.clone());
            if pred(&event) {
                return event;
            }
        }
    }

    /// Waits for a batch to finish and returns its summary.
    pub async fn finished(&mut self, batch: &BatchId, timeout: Duration) -> BatchSummary {
        let b = batch.clone();
        match self
            .until(
                timeout,
                move |e| matches!(e, UploadEvent::BatchFinished { batch, .. } if *batch == b),
            )
            .await
        {
            UploadEvent::BatchFinished { summary, .. } => summary,
            _ => unreachable!(),
        }
    }

    /// Reads events for `window`: the first that matches, or `None` if none did. For checking
    /// that something does *not* happen within a time the engine would need to do it.
    pub async fn quiet(
        &mut self,
        window: Duration,
        pred: impl Fn(&UploadEvent) -> bool,
    ) -> Option<UploadEvent> {
        let deadline = tokio::time::Instant::now() + window;
        loop {
            let Ok(event) = tokio::time::timeout_at(deadline, self.events.recv()).await else {
                return None;
            };
            let event = event.expect("engine alive");
            self.log.push(event.clone());
            if pred(&event) {
                return Some(event);
            }
        }
    }

    /// Waits for a file to reach `state`; returns its message.
    pub async fn until_state(
        &mut self,
        file: &FileId,
        state: FileState,
        timeout: Duration,
    ) -> Option<String> {
        let f = file.clone();
        match self
            .until(timeout, move |e| {
                matches!(e, UploadEvent::State { file, state: s, .. } if *file == f && *s == state)
            })
            .await
        {
            UploadEvent::State { message, .. } => message.map(|m| m.english()),
            _ => unreachable!(),
        }
    }

    /// Waits until some file reaches `state`.
    pub async fn until_state_any(&mut self, state: FileState, timeout: Duration) {
        self.until(
            timeout,
            move |e| matches!(e, UploadEvent::State { state: s, .. } if *s == state),
        )
        .await;
    }

    /// Waits for a file's next final state; returns it with its message.
    pub async fn until_final(
        &mut self,
        file: &FileId,
        timeout: Duration,
    ) -> (FileState, Option<String>) {
        let f = file.clone();
        match self
            .until(timeout, move |e| {
                matches!(e, UploadEvent::State { file, state, .. } if *file == f && state.is_final())
            })
            .await
        {
            UploadEvent::State { state, message, .. } => (state, message.map(|m| m.english())),
            _ => unreachable!(),
        }
    }

    /// How many times a batch was reported finished so far.
    pub fn times_finished(&self, batch: &BatchId) -> usize {
        self.log
            .iter()
            .filter(|e| matches!(e, UploadEvent::BatchFinished { batch: b, .. } if b == batch))
            .count()
    }

    /// The file ids of a batch, in queue order.
    pub fn files_of(&self, batch: &BatchId) -> Vec<FileId> {
        self.log
            .iter()
            .filter_map(|e| match e {
                UploadEvent::Queued { batch: b, file, .. } if b == batch => Some(file.clone()),
                _ => None,
            })
            .collect()
    }

    /// Every state a file went through, with messages.
    pub fn states_of(&self, file: &FileId) -> Vec<(FileState, Option<String>)> {
        self.log
            .iter()
            .filter_map(|e| match e {
                UploadEvent::State {
                    file: f,
                    state,
                    message,
                    ..
                } if f == file => Some((*state, message.as_ref().map(Text::english))),
                _ => None,
            })
            .collect()
    }

    /// The last state of a file.
    pub fn last_state(&self, file: &FileId) -> Option<(FileState, Option<String>)> {
        self.states_of(file).pop()
    }
}

/// A file spec for a path.
pub fn file(path: &Path, content_type: &str, attachment_type: &str) -> FileSpec {
    FileSpec {
        path: path.to_owned(),
        name: path.file_name().unwrap().to_string_lossy().into_owned(),
        content_type: content_type.to_owned(),
        attachment_type: attachment_type.to_owned(),
        remote_id: None,
        allow_duplicate: false,
        skip_reason: None,
        checked_as: None,
        made_from: Vec::new(),
        from_mail: None,
    }
}

/// A batch to a candidate on the emulator.
pub fn batch(connection: Connection, candidate: &str, files: Vec<FileSpec>) -> BatchSpec {
    BatchSpec {
        source: Source::Environment,
        connection,
        target: UploadTarget {
            candidate_id: candidate.to_owned(),
            application_id: None,
        },
        candidate_name: None,
        files,
    }
}

/// The emulator's connection with short timeouts.
pub fn quick_connection(emu: &Emulator, provider: ProviderId, response: Duration) -> Connection {
    let mut c = emu.connection(provider);
    c.timeouts.response = response;
    c.timeouts.stall = response;
    c
}
