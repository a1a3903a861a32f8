//! Drives the real desktop `App` with `egui_kittest`, on its own tokio runtime, with temporary
//! folders and a memory credential store.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

use atsdrop::app::{App, AppDeps};
use atsdrop::credentials::{CredentialError, CredentialStore, MemoryStore, StoreKind};
use atsdrop::model::Secret;
use atsdrop::settings::Settings;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

/// A running app under test.
pub struct Gui {
    pub harness: Harness<'static, App>,
    pub store: Arc<MemoryStore>,
    /// The app's settings and journal live here (removed when the test ends).
    _dir: tempfile::TempDir,
    // Dropped last: background work of the app runs here.
    _runtime: tokio::runtime::Runtime,
}

/// A dropped file as a window system delivers it.
#[derive(Debug)]
pub struct Dropped(pub PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

impl Gui {
    /// The app on a fresh machine: no settings, no journal.
    pub fn start() -> Self {
        Self::start_with(Settings::default(), Arc::new(MemoryStore::new()))
    }

    /// The app with given settings and credential store.
    pub fn start_with(settings: Settings, store: Arc<MemoryStore>) -> Self {
        let dir = tempfile::tempdir().unwrap();
        Self::start_in(dir, settings, store)
    }

    /// The app with its folders in `dir` (reused across restarts).
    pub fn start_in(dir: tempfile::TempDir, settings: Settings, store: Arc<MemoryStore>) -> Self {
        Self::start_full(dir, settings, store.clone(), store, egui::Theme::Dark, true)
    }

    /// The app on a fresh machine whose engine sends every file alone (no rides).
    pub fn start_one_file_per_request() -> Self {
        let store = Arc::new(MemoryStore::new());
        Self::start_full(
            tempfile::tempdir().unwrap(),
            Settings::default(),
            store.clone(),
            store,
            egui::Theme::Dark,
            false,
        )
    }

    /// The app on a fresh machine whose keyring takes secrets only when the test says so.
    pub fn start_gated(store: Arc<GatedStore>) -> Self {
        let memory = store.inner.clone();
        Self::start_full(
            tempfile::tempdir().unwrap(),
            Settings::default(),
            store,
            memory,
            egui::Theme::Dark,
            true,
        )
    }

    /// The app with `settings` on a desktop that uses `theme`.
    pub fn start_with_theme(settings: Settings, theme: egui::Theme) -> Self {
        let store = Arc::new(MemoryStore::new());
        Self::start_full(
            tempfile::tempdir().unwrap(),
            settings,
            store.clone(),
            store,
            theme,
            true,
        )
    }

    /// The app on a fresh machine whose desktop uses `theme` (the app follows it by default).
    pub fn start_themed(theme: egui::Theme) -> Self {
        Self::start_with_theme(Settings::default(), theme)
    }

    /// The app on a fresh machine, speaking `lang`, on a `theme` desktop.
    pub fn start_speaking(lang: atsdrop::i18n::Lang, theme: egui::Theme) -> Self {
        let mut settings = Settings::default();
        settings.preferences.language = Some(lang);
        Self::start_with_theme(settings, theme)
    }

    /// `credentials` is the app's store; `store` is where its secrets end up (the same store,
    /// or the one behind a gate).
    fn start_full(
        dir: tempfile::TempDir,
        settings: Settings,
        credentials: Arc<dyn CredentialStore>,
        store: Arc<MemoryStore>,
        theme: egui::Theme,
        rides: bool,
    ) -> Self {
        // English unless a test asks for another language, whatever the machine speaks.
        let mut settings = settings;
        settings
            .preferences
            .language
            .get_or_insert(atsdrop::i18n::Lang::En);
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .unwrap();
        let mut engine = atsdrop::upload::EngineConfig::new(dir.path().join("journal"));
        engine.retry = atsdrop::upload::retry::RetryPolicy {
            max_attempts: 5,
            base: Duration::from_millis(20),
            cap: Duration::from_millis(200),
            jitter: 0.0,
        };
        engine.settle_delay = Duration::from_millis(50);
        engine.rides = rides;
        let deps = AppDeps {
            runtime: runtime.handle().clone(),
            settings,
            settings_path: dir.path().join("settings.json"),
            settings_notice: None,
            journal_dir: dir.path().join("journal"),
            credentials: Some(credentials),
            engine: Some(engine),
            start_sandbox: false,
            reader_program: std::path::PathBuf::from(env!("CARGO_BIN_EXE_atsdrop")),
        };
        let harness = Harness::builder()
            .with_size([1280.0, 800.0])
            .with_theme(theme)
            .build_eframe(move |cc| App::new(cc, deps));
        // The desktop's theme, as the window system reports it.
        let mut harness = harness;
        harness.input_mut().system_theme = Some(theme);
        Self {
            harness,
            store,
            _dir: dir,
            _runtime: runtime,
        }
    }

    /// Steps frames until `done` holds (background work finishes in real time), or panics.
    pub fn until(&mut self, what: &str, done: impl Fn(&Harness<'static, App>) -> bool) {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            self.harness.step();
            if done(&self.harness) {
                return;
            }
            assert!(Instant::now() < deadline, "timed out waiting for: {what}");
            std::thread::sleep(Duration::from_millis(5));
        }
    }

    /// Steps frames until every background task of the app has answered and been folded in.
    pub fn until_quiet(&mut self) {
        self.until("every background task answered", |h| {
            h.state().tasks.running() == 0
        });
    }

    /// Steps until a widget whose label contains `text` is shown.
    pub fn until_shown(&mut self, text: &str) {
        let wanted = text.to_owned();
        self.until(&format!("\u{201c}{text}\u{201d} on screen"), move |h| {
            h.query_by_label_contains(&wanted).is_some()
        });
    }

    /// The app's state.
    pub fn app(&self) -> &App {
        self.harness.state()
    }

    /// Drops files on the window.
    pub fn drop_files(&mut self, paths: &[PathBuf]) {
        for path in paths {
            self.harness
                .input_mut()
                .dropped_files
                .push(Arc::new(Dropped(path.clone())));
        }
        self.harness.step();
    }

    /// Waits until every staged file is checked: inspected, its content read, and a fix for
    /// each refused one looked for.
    pub fn until_checked(&mut self) {
        self.until("every file checked", |h| {
            let app = h.state();
            let staging = &app.staging;
            staging.pending == 0
                && staging.rows.iter().all(|r| !r.reading)
                && !app
                    .fixes
                    .offers
                    .values()
                    .any(|(_, s)| *s == atsdrop::app::fixes::FixState::Preparing)
        });
    }

    /// Focuses the text field with this label, selects what it holds, and types `text` over it.
    pub fn type_into(&mut self, label: &str, text: &str) {
        self.harness.get_by_label(label).focus();
        self.harness.step();
        self.harness
            .key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
        self.harness.step();
        self.harness.get_by_label(label).type_text(text);
        self.harness.step();
    }

    /// Clicks the widget with exactly this label.
    pub fn click(&mut self, label: &str) {
        self.harness.get_by_label(label).click();
        // One frame handles the click, the next shows its effect (commands apply after a frame).
        self.harness.step();
        self.harness.step();
    }
}

/// A credential store whose `set` waits until the test opens the gate, as a keyring does while
/// it asks the user to unlock it. Secrets end up in `inner`.
#[derive(Debug)]
pub struct GatedStore {
    pub inner: Arc<MemoryStore>,
    /// (a `set` is waiting, the gate is open)
    gate: Mutex<(bool, bool)>,
    changed: Condvar,
}

impl GatedStore {
    pub fn new() -> Self {
        Self {
            inner: Arc::new(MemoryStore::new()),
            gate: Mutex::new((false, false)),
            changed: Condvar::new(),
        }
    }

    /// Whether a `set` is waiting at the gate.
    pub fn is_waiting(&self) -> bool {
        self.gate.lock().unwrap().0
    }

    /// Lets every `set` through, now and later.
    pub fn open(&self) {
        self.gate.lock().unwrap().1 = true;
        self.changed.notify_all();
    }
}

impl CredentialStore for GatedStore {
    fn get(&self, account: &str) -> Result<Option<Secret>, CredentialError> {
        self.inner.get(account)
    }

    fn set(&self, account: &str, secret: &Secret) -> Result<(), CredentialError> {
        let mut gate = self.gate.lock().unwrap();
        gate.0 = true;
        // Bounded: a test that never opens the gate fails on its own deadline, not here.
        let (mut gate, _) = self
            .changed
            .wait_timeout_while(gate, Duration::from_secs(30), |g| !g.1)
            .unwrap();
        gate.0 = false;
        drop(gate);
        self.inner.set(account, secret)
    }

    fn delete(&self, account: &str) -> Result<(), CredentialError> {
        self.inner.delete(account)
    }

    fn kind(&self) -> StoreKind {
        self.inner.kind()
    }
}
