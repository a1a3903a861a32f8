//! Drives the real desktop `App` with `egui_kittest`, on its own tokio runtime, with temporary
//! folders and a memory credential store.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use atsdrop::app::{App, AppDeps};
use atsdrop::credentials::MemoryStore;
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
        Self::start_full(dir, settings, store, egui::Theme::Dark)
    }

    /// The app with `settings` on a desktop that uses `theme`.
    pub fn start_with_theme(settings: Settings, theme: egui::Theme) -> Self {
        Self::start_full(
            tempfile::tempdir().unwrap(),
            settings,
            Arc::new(MemoryStore::new()),
            theme,
        )
    }

    /// The app on a fresh machine whose desktop uses `theme` (the app follows it by default).
    pub fn start_themed(theme: egui::Theme) -> Self {
        Self::start_full(
            tempfile::tempdir().unwrap(),
            Settings::default(),
            Arc::new(MemoryStore::new()),
            theme,
        )
    }

    fn start_full(
        dir: tempfile::TempDir,
        settings: Settings,
        store: Arc<MemoryStore>,
        theme: egui::Theme,
    ) -> Self {
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
        let deps = AppDeps {
            runtime: runtime.handle().clone(),
            settings,
            settings_path: dir.path().join("settings.json"),
            settings_notice: None,
            journal_dir: dir.path().join("journal"),
            credentials: Some(store.clone() as Arc<dyn atsdrop::credentials::CredentialStore>),
            engine: Some(engine),
            start_sandbox: false,
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
