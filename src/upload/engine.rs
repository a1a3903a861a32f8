//! The engine handle: submit batches, cancel, pause, resume, retry; and the background pieces
//! that take submissions in order and report progress.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::Duration;

use tokio::runtime::Handle;
use tokio::sync::{Notify, Semaphore, mpsc, watch};
use tokio::time::Instant;

use super::account::{Account, AccountKey, Fingerprinter, Source};
use super::events::{BatchSummary, UploadEvent, Wake};
use super::job::Job;
use super::journal::{Journal, JournalError, Mtime, Record, now};
use super::lane::Lane;
use super::progress::SpeedMeter;
use super::retry::RetryPolicy;
use super::types::{BatchId, BatchSpec, FileId, FileState, Outcome};
use super::{fingerprint, intake, worker};
use crate::i18n::Text;
use crate::model::RemoteAttachment;
use crate::providers::{AtsClient, Connection, ProviderError, UploadTarget};

/// How the engine runs.
#[derive(Clone, Debug)]
pub struct EngineConfig {
    /// Where the journal lives (normally `<data dir>/journal`).
    pub journal_dir: PathBuf,
    /// Capacity of the event channel.
    pub event_capacity: usize,
    /// Automatic retries.
    pub retry: RetryPolicy,
    /// Most uploads at once per account (further bounded by the system's documented limit).
    pub parallel_per_lane: usize,
    /// How often progress is reported.
    pub progress_interval: Duration,
    /// Before checking whether an upload with a lost answer arrived (systems without an
    /// idempotency key), wait this long so a request the system is still processing has landed.
    pub settle_delay: Duration,
    /// How long a file a system accepted for later processing (Onderwijsregio) is waited for
    /// on the candidate before it is called "not confirmed".
    pub confirm_timeout: Duration,
    /// The first pause between looks at the candidate while confirming (it grows to 10 s).
    pub confirm_poll: Duration,
    /// Whether files of one batch share a request where the system takes several (see
    /// `ride`); off, every file goes alone (to diagnose a system that mishandles them).
    pub rides: bool,
}

impl EngineConfig {
    /// Defaults with the journal in `journal_dir`.
    #[must_use]
    pub fn new(journal_dir: PathBuf) -> Self {
        Self {
            journal_dir,
            event_capacity: 4096,
            retry: RetryPolicy::default(),
            parallel_per_lane: 4,
            progress_interval: Duration::from_millis(100),
            settle_delay: Duration::from_secs(5),
            confirm_timeout: Duration::from_mins(2),
            confirm_poll: Duration::from_secs(1),
            rides: true,
        }
    }
}

/// The engine could not start.
#[derive(Debug, thiserror::Error)]
pub enum EngineError {
    /// The journal is unusable.
    #[error(transparent)]
    Journal(#[from] JournalError),
    /// The credential salt next to the journal is unusable.
    #[error(
        "atsdrop could not read or create its credential salt in {path} ({source}); check that the folder is writable"
    )]
    Salt {
        /// The journal folder.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
}

/// A handle to the upload engine. Cheap to clone; every method returns at once (work happens on
/// the runtime handed to [`Engine::start`]).
#[derive(Clone, Debug)]
pub struct Engine {
    shared: Arc<Shared>,
}

/// Everything the engine's tasks share.
pub(crate) struct Shared {
    pub runtime: Handle,
    pub journal: Arc<Journal>,
    /// Makes the [`Account`] of every connection the engine is given.
    pub prints: Fingerprinter,
    pub events: mpsc::Sender<UploadEvent>,
    pub wake: Wake,
    pub config: EngineConfig,
    pub state: Mutex<State>,
    pub lanes: Mutex<HashMap<AccountKey, Arc<Lane>>>,
    /// The newest client per account: what a retry (or any later attempt) sends with.
    pub clients: Mutex<HashMap<AccountKey, Arc<dyn AtsClient>>>,
    pub paused: watch::Sender<bool>,
    /// Files fingerprinted at once: two, so one file's hashing overlaps another's upload
    /// without the hashing taking every core (measured in BENCHMARKS.md).
    pub hashing: Semaphore,
    pub uploading: AtomicUsize,
    pub activity: Arc<Notify>,
    pub intake: mpsc::UnboundedSender<intake::Request>,
    pub origin: Instant,
    /// Jobs waiting for their turn that a leader may take along (see `ride`).
    pub rides: super::ride::WaitingRoom,
}

impl std::fmt::Debug for Shared {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Engine")
            .field("journal", &self.journal.path())
            .finish_non_exhaustive()
    }
}

/// How many files are fingerprinted (sha256 + XXH3) at once.
const HASHING_AT_ONCE: usize = 2;

/// Everything the engine tracks in memory.
#[derive(Default)]
pub(crate) struct State {
    pub jobs: HashMap<FileId, Job>,
    pub batches: HashMap<BatchId, Arc<BatchCtx>>,
}

/// A batch's shared context.
pub(crate) struct BatchCtx {
    pub id: BatchId,
    pub account: Account,
    pub target: UploadTarget,
    pub candidate_name: Option<String>,
    /// The client the batch was submitted (or resumed) with; an account's newer client, when
    /// there is one, wins (see [`Shared::client_for`]).
    pub client: Result<Arc<dyn AtsClient>, String>,
    pub lane: Arc<Lane>,
    /// The candidate's attachments before this batch sent anything (systems that can list). A
    /// failed listing is not kept: the next attempt lists again.
    pub baseline: tokio::sync::OnceCell<Baseline>,
    pub files: Mutex<Vec<FileId>>,
    pub meter: Mutex<SpeedMeter>,
    /// Whether `BatchFinished` went out (it goes out once per batch).
    pub reported: AtomicBool,
}

/// What a candidate had before a batch sent anything.
pub(crate) struct Baseline {
    /// The listing.
    pub attachments: Vec<RemoteAttachment>,
    /// The batch's files already stored when it was taken (their copies are in the listing).
    pub done_then: std::collections::HashSet<FileId>,
}

impl Engine {
    /// Starts the engine on `runtime`: opens the journal (registering this process as a live
    /// owner) and returns the handle and the receiving end of the bounded event channel.
    /// `wake` is called after events are sent.
    pub fn start(
        runtime: &Handle,
        config: EngineConfig,
        wake: Wake,
    ) -> Result<(Self, mpsc::Receiver<UploadEvent>), EngineError> {
        let journal = Arc::new(Journal::open(&config.journal_dir)?);
        let prints =
            Fingerprinter::open(&config.journal_dir).map_err(|source| EngineError::Salt {
                path: config.journal_dir.clone(),
                source,
            })?;
        let (events, receiver) = mpsc::channel(config.event_capacity.max(16));
        let (intake_tx, intake_rx) = mpsc::unbounded_channel();
        let shared = Arc::new(Shared {
            runtime: runtime.clone(),
            journal,
            prints,
            events,
            wake,
            config,
            state: Mutex::new(State::default()),
            lanes: Mutex::new(HashMap::new()),
            clients: Mutex::new(HashMap::new()),
            paused: watch::Sender::new(false),
            hashing: Semaphore::new(HASHING_AT_ONCE),
            uploading: AtomicUsize::new(0),
            activity: Arc::new(Notify::new()),
            intake: intake_tx,
            origin: Instant::now(),
            rides: super::ride::WaitingRoom::default(),
        });
        // Replay (and, if bloated, compact) the journal off the caller's thread; the first
        // request waits for it.
        let warming = Arc::clone(&shared.journal);
        runtime.spawn_blocking(move || {
            if let Err(e) = warming.warm_up() {
                tracing::warn!("the journal could not be replayed at start: {e}");
            }
        });
        runtime.spawn(intake::run(Arc::clone(&shared), intake_rx));
        runtime.spawn(report_progress(Arc::downgrade(&shared)));
        Ok((Self { shared }, receiver))
    }

    /// Queues a batch. Returns its id at once; `Queued` and `State` events follow. Files
    /// already uploaded to this candidate (per the journal) are skipped unless
    /// `allow_duplicate`; unfinished files of a crashed run are taken over, not sent twice.
    #[must_use = "the batch id identifies the batch's events"]
    pub fn submit(&self, spec: BatchSpec) -> BatchId {
        let id = BatchId::new();
        let _ = self
            .shared
            .intake
            .send(intake::Request::Submit(id.clone(), Box::new(spec)));
        id
    }

    /// Takes over every unfinished job whose process is gone (a crash, `kill -9`, a closed
    /// laptop) and runs it; `resolve` supplies the connection (with its secret) for each
    /// journaled account. A connection that is not that very account (another saved
    /// connection, another address, or — for a job started from the environment — another
    /// credential) is never used: its jobs are left waiting, unclaimed, and listed in
    /// [`UploadEvent::Resumed`] with what they need. Returns at once.
    pub fn resume_orphans(&self, resolve: Resolver) {
        let _ = self.shared.intake.send(intake::Request::Resume(resolve));
    }

    /// Counts what earlier runs left unfinished, without taking it over; answers with
    /// [`UploadEvent::Interrupted`].
    pub fn check_interrupted(&self) {
        let _ = self.shared.intake.send(intake::Request::CheckInterrupted);
    }

    /// Cancels one file (queued or in flight).
    pub fn cancel(&self, file: &FileId) {
        if let Some(job) = self.shared.lock_state().jobs.get(file) {
            job.cancel.cancel();
        }
    }

    /// Cancels every file that has not finished.
    pub fn cancel_all(&self) {
        let state = self.shared.lock_state();
        for job in state.jobs.values().filter(|j| !j.state.is_final()) {
            job.cancel.cancel();
        }
    }

    /// Stops starting new uploads (those in flight finish).
    pub fn pause(&self) {
        self.shared.paused.send_replace(true);
    }

    /// Starts uploads again after [`Engine::pause`].
    pub fn resume(&self) {
        self.shared.paused.send_replace(false);
    }

    /// Whether the queue is paused.
    #[must_use]
    pub fn is_paused(&self) -> bool {
        *self.shared.paused.borrow()
    }

    /// The account a connection (secret included) from `source` is: what the journal, the
    /// lanes, the duplicate checks and resume key on.
    #[must_use]
    pub fn account(&self, connection: &Connection, source: Source) -> Account {
        self.shared.prints.account(connection, source)
    }

    /// Makes `client` the one every later attempt for `account` sends with — including a
    /// [`retry`](Engine::retry) of a file whose batch was submitted (or resumed) with older
    /// credentials, or with none. Only jobs of that very account use it (see
    /// [`Account::key`]): another connection's client is never used. Call it whenever a
    /// connection is (re)established, e.g. after the user fixed its API key. Submitting a
    /// batch does the same for its connection.
    pub fn use_client(&self, account: &Account, client: Arc<dyn AtsClient>) {
        self.shared.set_client(account, client);
    }

    /// The client later attempts for `account` will send with, if one was given.
    #[must_use]
    pub fn client_of(&self, account: &Account) -> Option<Arc<dyn AtsClient>> {
        self.shared.client_of(account)
    }

    /// The lane of `account`: its uploads' pace. Other requests to the same account (a bulk
    /// run's candidate lookups) take their turn from it too, so lookups and uploads together
    /// keep to the system's documented limit.
    #[must_use]
    pub fn lane_of(&self, account: &Account) -> Arc<Lane> {
        self.shared.lane(account)
    }

    /// Like [`Engine::use_client`], building the client and the account from `connection`.
    pub fn use_connection(
        &self,
        connection: &Connection,
        source: Source,
    ) -> Result<Account, ProviderError> {
        let client = crate::providers::connect(connection)?;
        let account = self.account(connection, source);
        self.use_client(&account, client);
        Ok(account)
    }

    /// Sends a failed, cancelled or outcome-unknown file again (same idempotency key), with the
    /// account's newest client. It first checks the journal: a file another atsdrop process
    /// has uploaded meanwhile is reported done, one it is sending right now is left alone, and
    /// one whose earlier attempt may have arrived is checked with the system before it is sent.
    pub fn retry(&self, file: &FileId) {
        let _ = self
            .shared
            .intake
            .send(intake::Request::Retry(file.clone()));
    }

    /// Records an outcome-unknown file as uploaded, because the user checked it arrived.
    pub fn mark_uploaded(&self, file: &FileId) {
        let _ = self
            .shared
            .intake
            .send(intake::Request::MarkUploaded(file.clone()));
    }

    /// Where the journal is.
    #[must_use]
    pub fn journal_path(&self) -> PathBuf {
        self.shared.journal.path().to_owned()
    }
}

/// Supplies the connection (with its secret) for a journaled account and where its secret comes
/// from, or a sentence saying why it cannot. The engine checks that what it supplies is that
/// very account before using it (see [`SecretOrigin`]).
pub type Resolver =
    Arc<dyn Fn(&Account) -> Result<(Connection, SecretOrigin), String> + Send + Sync>;

/// Where a [`Resolver`]'s secret comes from, which decides whether it may differ from the one a
/// job was started with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SecretOrigin {
    /// The job's own saved connection, as it is stored now: its key may have been fixed since
    /// the job started, and the new one is used.
    SavedConnection,
    /// Anything else (the environment, a sandbox): used only when it is the very credential the
    /// job was started with.
    Supplied,
}

impl SecretOrigin {
    /// Whether `given` (made from the supplied connection) may send `journaled`'s jobs.
    #[must_use]
    pub fn may_send(self, given: &Account, journaled: &Account) -> bool {
        let own_saved_connection =
            self == Self::SavedConnection && matches!(journaled.source, Source::Saved { .. });
        given.same_account(journaled)
            && (own_saved_connection
                || (journaled.credential.is_some() && given.credential == journaled.credential))
    }
}

impl Shared {
    /// The in-memory state, even after a task panicked while holding it (every update leaves
    /// it consistent).
    pub fn lock_state(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Makes `client` the account's current client.
    pub fn set_client(&self, account: &Account, client: Arc<dyn AtsClient>) {
        self.clients
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .insert(account.key(), client);
    }

    /// The account's newest client, if one was given.
    pub fn client_of(&self, account: &Account) -> Option<Arc<dyn AtsClient>> {
        self.clients
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .get(&account.key())
            .cloned()
    }

    /// The client to send a batch's files with now: the account's newest, else the batch's.
    pub fn client_for(&self, ctx: &BatchCtx) -> Result<Arc<dyn AtsClient>, String> {
        match self.client_of(&ctx.account) {
            Some(client) => Ok(client),
            None => ctx.client.clone(),
        }
    }

    /// Changes a job in memory (nothing if it is gone).
    pub fn update_job(&self, file: &FileId, f: impl FnOnce(&mut Job)) {
        if let Some(job) = self.lock_state().jobs.get_mut(file) {
            f(job);
        }
    }

    /// Sends an event that must not be lost (waits for room), then wakes the caller.
    pub async fn emit(&self, event: UploadEvent) {
        if self.events.send(event).await.is_ok() {
            (self.wake)();
        }
    }

    /// Sends an event that may be dropped when the caller is behind (progress).
    pub fn emit_lossy(&self, event: UploadEvent) {
        if self.events.try_send(event).is_ok() {
            (self.wake)();
        }
    }

    /// Appends to the journal off the async threads.
    pub async fn journal(&self, records: Vec<Record>) -> Result<(), String> {
        let journal = Arc::clone(&self.journal);
        match tokio::task::spawn_blocking(move || journal.append_all(&records)).await {
            Ok(Ok(())) => Ok(()),
            Ok(Err(e)) => Err(e.to_string()),
            Err(e) => Err(format!("the journal task failed ({e})")),
        }
    }

    /// The lane of an account, created on first use.
    pub fn lane(&self, connection: &Account) -> Arc<Lane> {
        let key = connection.key();
        let Ok(mut lanes) = self.lanes.lock() else {
            return Arc::new(Lane::new(
                connection.label(),
                connection.provider,
                connection.provider.profile().rate_limit.value,
                1,
            ));
        };
        Arc::clone(lanes.entry(key).or_insert_with(|| {
            Arc::new(Lane::new(
                connection.label(),
                connection.provider,
                connection.provider.profile().rate_limit.value,
                self.config.parallel_per_lane,
            ))
        }))
    }

    /// Updates a job's state and tells the caller.
    pub async fn set_state(
        &self,
        file: &FileId,
        state: FileState,
        message: Option<Text>,
        attachment_id: Option<String>,
    ) {
        let batch = {
            let mut s = self.lock_state();
            let Some(job) = s.jobs.get_mut(file) else {
                return;
            };
            job.state = state;
            job.message.clone_from(&message);
            if attachment_id.is_some() {
                job.attachment_id.clone_from(&attachment_id);
            }
            let outcome = if state.is_final() {
                job.outcome()
            } else {
                None
            };
            (job.batch().clone(), outcome)
        };
        let (batch, outcome) = batch;
        self.emit(UploadEvent::State {
            batch,
            file: file.clone(),
            state,
            message,
            attachment_id,
            outcome,
        })
        .await;
    }

    /// Writes records about one job to the journal, then applies them to the job in memory —
    /// the same step the journal's replay takes, so memory and journal never disagree. The
    /// job changes even when the journal could not be written (the error says so).
    pub async fn record(&self, file: &FileId, records: Vec<Record>) -> Result<(), String> {
        let written = self.journal(records.clone()).await;
        self.update_job(file, |job| {
            for record in &records {
                job.apply(record);
            }
        });
        written
    }

    /// Records a job's end in the journal and in memory, and reports the batch when it is
    /// complete. `body_out`: whether an attempt in progress had sent its whole body (it may
    /// then have arrived; whoever sends the file again checks first).
    pub async fn finish(
        &self,
        file: &FileId,
        outcome: Outcome,
        attachment_id: Option<String>,
        message: Option<Text>,
        body_out: bool,
    ) {
        let unsettled = self
            .lock_state()
            .jobs
            .get(file)
            .is_some_and(|j| j.life().unsettled_after(outcome, body_out));
        let record = Record::End {
            file: file.clone(),
            outcome,
            at: now(),
            attachment_id: attachment_id.clone(),
            // The journal and the history keep the English sentence.
            message: message.as_ref().map(Text::english),
            unsettled: Some(unsettled),
        };
        if let Err(e) = self.record(file, vec![record]).await {
            self.emit(UploadEvent::Warning {
                message: crate::text!("engine-result-not-saved", reason = e),
            })
            .await;
        }
        self.set_state(file, outcome.state(), message, attachment_id)
            .await;
        self.check_batch_done(file).await;
    }

    /// Emits `BatchFinished` when every file of `file`'s batch is final — once per batch: a
    /// file retried (or marked as uploaded) after its batch finished reports only its state.
    pub async fn check_batch_done(&self, file: &FileId) {
        let report = {
            let s = self.lock_state();
            let Some(batch) = s.jobs.get(file).map(|j| j.batch().clone()) else {
                return;
            };
            let Some(ctx) = s.batches.get(&batch) else {
                return;
            };
            let ids = ctx.files.lock().map(|f| f.clone()).unwrap_or_default();
            let mut summary = BatchSummary::default();
            let mut all_final = true;
            for id in &ids {
                match s.jobs.get(id).map(|j| j.state) {
                    Some(FileState::Done) => summary.done += 1,
                    Some(FileState::Failed) => summary.failed += 1,
                    Some(FileState::OutcomeUnknown) => summary.unknown += 1,
                    Some(FileState::Skipped) => summary.skipped += 1,
                    Some(FileState::Cancelled) => summary.cancelled += 1,
                    Some(FileState::Unconfirmed) => summary.unconfirmed += 1,
                    _ => all_final = false,
                }
            }
            let first_time = all_final && !ctx.reported.swap(true, Ordering::AcqRel);
            first_time.then_some((batch, summary))
        };
        if let Some((batch, summary)) = report {
            self.emit(UploadEvent::BatchFinished { batch, summary })
                .await;
        }
    }

    /// Marks a job as sending (the progress reporter wakes up).
    pub fn uploading_started(&self, file: &FileId) {
        if let Some(job) = self.lock_state().jobs.get_mut(file)
            && !job.counted
        {
            job.counted = true;
            self.uploading.fetch_add(1, Ordering::AcqRel);
            self.activity.notify_one();
        }
    }

    /// Marks a job as no longer sending.
    pub fn uploading_done_if(&self, file: &FileId) {
        if let Some(job) = self.lock_state().jobs.get_mut(file)
            && job.counted
        {
            job.counted = false;
            self.uploading.fetch_sub(1, Ordering::AcqRel);
        }
    }

    /// Starts a job's task.
    pub fn spawn_job(self: &Arc<Self>, file: FileId) {
        let job = worker::run(Arc::clone(self), file.clone());
        self.spawn_supervised(file, job);
    }

    /// Runs a job's task so that a panic in it (a bug) ends the file as failed, with a
    /// sentence, and its batch still finishes, instead of leaving it "uploading" for ever.
    pub fn spawn_supervised(
        self: &Arc<Self>,
        file: FileId,
        job: impl std::future::Future<Output = ()> + Send + 'static,
    ) {
        let shared = Arc::clone(self);
        let task = self.runtime.spawn(job);
        self.runtime.spawn(async move {
            let Err(error) = task.await else { return };
            if !error.is_panic() {
                return;
            }
            let detail = panic_text(error.into_panic());
            tracing::error!("an upload task panicked: {detail}");
            shared.uploading_done_if(&file);
            let name = {
                let mut state = shared.lock_state();
                let Some(job) = state.jobs.get_mut(&file) else {
                    return;
                };
                if job.state.is_final() {
                    return;
                }
                job.entry.name.clone()
            };
            let message = crate::text!("engine-internal-error", name = name, detail = detail);
            // Bytes of an attempt in progress may have reached the system: check first next time.
            shared
                .finish(&file, Outcome::Failed, None, Some(message), true)
                .await;
        });
    }
}

/// The text of a panic's payload.
fn panic_text(payload: Box<dyn std::any::Any + Send>) -> String {
    match payload.downcast::<String>() {
        Ok(text) => *text,
        Err(payload) => payload
            .downcast_ref::<&str>()
            .map_or_else(|| "a panic".to_owned(), |s| (*s).to_owned()),
    }
}

/// Emits `Progress`/`BatchProgress` about ten times a second while something uploads, and
/// sleeps when nothing does (no wake-ups while idle).
async fn report_progress(shared: std::sync::Weak<Shared>) {
    loop {
        let Some(strong) = shared.upgrade() else {
            return;
        };
        if strong.uploading.load(Ordering::Acquire) == 0 {
            let activity = Arc::clone(&strong.activity);
            let notified = activity.notified();
            tokio::pin!(notified);
            notified.as_mut().enable();
            if strong.uploading.load(Ordering::Acquire) == 0 {
                drop(strong);
                notified.await;
                continue;
            }
        }
        let interval = strong.config.progress_interval;
        tick(&strong);
        drop(strong);
        tokio::time::sleep(interval).await;
    }
}

fn tick(shared: &Shared) {
    let at = shared.origin.elapsed();
    let mut events = Vec::new();
    let mut state = shared.lock_state();
    let mut batches: std::collections::HashSet<BatchId> = std::collections::HashSet::new();
    for job in state.jobs.values_mut() {
        if job.state != FileState::Uploading {
            continue;
        }
        batches.insert(job.batch().clone());
        let size = job.entry.size;
        let sent = job.sent.load(Ordering::Relaxed).min(size);
        job.meter.sample(sent, at);
        if sent != job.reported {
            job.reported = sent;
            events.push(UploadEvent::Progress {
                batch: job.batch().clone(),
                file: job.id().clone(),
                sent,
                total: size,
                speed: job.meter.speed(),
                eta: job.meter.eta(size - sent),
            });
        }
    }
    for batch in batches {
        let Some(ctx) = state.batches.get(&batch) else {
            continue;
        };
        let ids = ctx.files.lock().map(|f| f.clone()).unwrap_or_default();
        let (mut sent, mut total) = (0u64, 0u64);
        for id in &ids {
            let Some(job) = state.jobs.get(id) else {
                continue;
            };
            let size = job.entry.size;
            match job.state {
                FileState::Skipped
                | FileState::Cancelled
                | FileState::Failed
                | FileState::Unconfirmed => {}
                FileState::Done => {
                    sent += size;
                    total += size;
                }
                _ => {
                    sent += job.sent.load(Ordering::Relaxed).min(size);
                    total += size;
                }
            }
        }
        let Ok(mut meter) = ctx.meter.lock() else {
            continue;
        };
        meter.sample(sent, at);
        events.push(UploadEvent::BatchProgress {
            batch,
            sent,
            total,
            speed: meter.speed(),
            eta: meter.eta(total.saturating_sub(sent)),
        });
    }
    drop(state);
    for event in events {
        shared.emit_lossy(event);
    }
}

/// Checks a file still matches what was queued (used before each attempt).
pub(crate) fn unchanged(
    job_path: &std::path::Path,
    size: u64,
    mtime: Option<Mtime>,
) -> Result<(), Text> {
    fingerprint::check(job_path, size, mtime).map_err(|c| c.0)
}
