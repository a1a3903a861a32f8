//! The desktop app's logic: state per feature, the commands views emit, background tasks and
//! upload events folded into state. The UI thread only draws and sends commands; network, disk,
//! keyring and dialogs run on the tokio runtime.
//!
//! Features live in their own files, each with its `State`, its `Command` enum and its `Done`
//! (background results), plus an `impl App` block applying them: [`connections`], [`picker`],
//! [`staging`], [`queue`], [`history`].

pub mod bulk;
mod connection_form;
pub mod connections;
pub mod content;
pub mod fixes;
pub mod history;
pub mod mail_in;
pub mod picker;
pub mod queue;
pub mod staging;
mod tasks;
mod thumbnails;

use std::path::PathBuf;
use std::sync::Arc;

use tokio::sync::mpsc;

use crate::credentials::CredentialStore;
use crate::settings::{Settings, ThemePreference};
use crate::upload::{Engine, EngineConfig, UploadEvent};

pub use tasks::{Tasks, crashed};
pub use thumbnails::{Picture, Thumbnails};

/// The app's top-level screens.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tab {
    /// Pick a candidate, drop files, upload, watch the queue.
    Upload,
    /// Files for many candidates, each matched to its candidate.
    Bulk,
    /// Finished uploads.
    History,
    /// Saved connections.
    Connections,
}

/// An intent from a view; the app applies it after the frame is drawn.
#[derive(Clone, Debug)]
pub enum Command {
    /// Show another screen.
    Tab(Tab),
    /// A connections intent.
    Connections(connections::Command),
    /// A candidate-picker intent.
    Picker(picker::Command),
    /// A staging-table intent.
    Staging(staging::Command),
    /// A bulk-screen intent.
    Bulk(bulk::Command),
    /// An upload-queue intent.
    Queue(queue::Command),
    /// A history intent.
    History(history::Command),
    /// Set the colour theme (and remember it).
    Theme(ThemePreference),
    /// Speak this language (`None`: the OS's), and remember it.
    Language(Option<crate::i18n::Lang>),
    /// Hide the note about a mail's sender.
    MailNoteHidden,
    /// The user's own e-mail domains, as typed (remembered when they change).
    OwnDomains(String),
}

/// A background result.
pub enum TaskResult {
    /// For connections.
    Connections(connections::Done),
    /// For the candidate picker.
    Picker(picker::Done),
    /// For the staging table.
    Staging(staging::Done),
    /// For the history.
    History(history::Done),
    /// For the content check.
    Content(content::Done),
    /// For fixes.
    Fixes(fixes::Done),
    /// For mail in (a mail's sender looked up).
    Mail(mail_in::Done),
    /// For the bulk screen.
    Bulk(bulk::Done),
    /// A thumbnail was decoded (or could not be).
    Thumbnail {
        /// The edge it was decoded for (which cache it belongs to).
        edge: u32,
        /// The file.
        path: PathBuf,
        /// The picture, if one could be made.
        image: Option<egui::ColorImage>,
    },
    /// Work with no state of its own to update failed; the sentence is shown as an error.
    Failed(String),
    /// Work done, nothing to report.
    Nothing,
}

/// What the app needs from the outside world: the runtime, where things are stored, and which
/// credential store to use. Tests build one with temporary folders and a memory store.
pub struct AppDeps {
    /// The runtime background work runs on (outlives the app).
    pub runtime: tokio::runtime::Handle,
    /// Settings as loaded, and where they go.
    pub settings: Settings,
    /// The settings file.
    pub settings_path: PathBuf,
    /// A problem met loading settings (a damaged file moved aside), shown once.
    pub settings_notice: Option<String>,
    /// The upload journal's folder.
    pub journal_dir: PathBuf,
    /// The credential store; `None` asks the OS keyring (in the background).
    pub credentials: Option<Arc<dyn CredentialStore>>,
    /// Engine settings (retries, timing); `None` for the defaults.
    pub engine: Option<EngineConfig>,
    /// Start the built-in sandbox right away: `atsdrop --sandbox`, and any start with no
    /// connection saved yet (a first run opens on demo candidates, not an empty window).
    pub start_sandbox: bool,
    /// The program run as the content reader process: this `atsdrop` binary (tests name the
    /// built binary, since their own program is the test runner).
    pub reader_program: PathBuf,
}

impl AppDeps {
    /// Dependencies for a real run: the OS config and data folders, the OS keyring.
    pub fn from_os(runtime: tokio::runtime::Handle) -> Result<Self, String> {
        let settings_path = Settings::default_path().map_err(|e| e.to_string())?;
        let loaded = Settings::load_or_recover(&settings_path).map_err(|e| e.to_string())?;
        let unconfigured = loaded.settings.connections.is_empty();
        // The notice about a damaged settings file speaks the language the app will speak.
        crate::i18n::set(loaded.settings.preferences.language());
        Ok(Self {
            runtime,
            settings: loaded.settings,
            settings_path,
            settings_notice: loaded.recovered.map(|e| e.text().to_string()),
            journal_dir: crate::settings::data_dir()
                .map_err(|e| e.to_string())?
                .join("journal"),
            credentials: None,
            engine: None,
            start_sandbox: unconfigured,
            reader_program: std::env::current_exe().map_err(|e| e.to_string())?,
        })
    }
}

/// The desktop app.
pub struct App {
    /// Connections and their clients.
    pub connections: connections::State,
    /// The candidate picker.
    pub picker: picker::State,
    /// The staging table.
    pub staging: staging::State,
    /// The upload queue.
    pub queue: queue::State,
    /// The history.
    pub history: history::State,
    /// The screen shown.
    pub tab: Tab,
    /// Notifications.
    pub toasts: egui_notify::Toasts,
    /// Background work.
    pub tasks: Tasks,
    /// Thumbnails of image files and PDFs' first pages, for the table.
    pub thumbnails: Thumbnails,
    /// The same, larger, for the selected file's preview.
    pub previews: Thumbnails,
    /// The content reader and what the system said about other people.
    pub content: content::State,
    /// Fixes of refused files.
    pub fixes: fixes::State,
    /// Mails opened into their attachments, and their senders.
    pub mail_in: mail_in::State,
    /// The bulk screen.
    pub bulk: bulk::State,
    /// The upload engine (none if its journal could not be opened).
    pub engine: Option<Engine>,
    /// Why the engine is not running.
    pub engine_error: Option<String>,
    /// The built-in sandbox, while it runs.
    pub sandbox: Option<crate::emulator::Emulator>,
    /// The journal's folder.
    pub journal_dir: PathBuf,
    /// Commands emitted by views this frame.
    pub commands: Vec<Command>,
    events: Option<mpsc::Receiver<UploadEvent>>,
    title: String,
    theme: ThemePreference,
    /// The theme is applied on the first frame too: eframe restores egui's remembered options
    /// after the app is created.
    theme_applied: bool,
}

impl App {
    /// The app, as eframe creates it.
    #[must_use]
    pub fn new(cc: &eframe::CreationContext<'_>, deps: AppDeps) -> Self {
        Self::with_context(&cc.egui_ctx, deps)
    }

    /// The app for an egui context (also used by tests and benchmarks).
    #[must_use]
    pub fn with_context(ctx: &egui::Context, deps: AppDeps) -> Self {
        let tasks = Tasks::new(deps.runtime.clone(), ctx.clone());
        let wake_ctx = ctx.clone();
        let config = deps
            .engine
            .unwrap_or_else(|| EngineConfig::new(deps.journal_dir.clone()));
        let (engine, events, engine_error) = match Engine::start(
            &deps.runtime,
            config,
            Arc::new(move || wake_ctx.request_repaint()),
        ) {
            Ok((engine, events)) => (Some(engine), Some(events), None),
            Err(e) => (
                None,
                None,
                Some(crate::t!("app-uploads-unavailable", reason = e.to_string())),
            ),
        };
        if let Some(engine) = &engine {
            engine.check_interrupted();
        }
        let theme = deps.settings.preferences.theme;
        crate::i18n::set(deps.settings.preferences.language());
        let work_dir = deps
            .journal_dir
            .parent()
            .map_or_else(|| deps.journal_dir.join("work"), |data| data.join("work"));
        let fixes = fixes::State::new(deps.reader_program.clone(), work_dir);
        let mail_in = mail_in::State::new(deps.reader_program.clone());
        let content = content::State::new(
            deps.reader_program,
            &deps.settings.preferences.own_email_domains,
        );
        let mut app = Self {
            connections: connections::State::new(
                deps.settings,
                deps.settings_path,
                deps.settings_notice,
            ),
            picker: picker::State::default(),
            staging: staging::State::default(),
            queue: queue::State::default(),
            history: history::State::default(),
            tab: Tab::Upload,
            toasts: egui_notify::Toasts::new()
                .with_anchor(egui_notify::Anchor::BottomRight)
                .with_margin(egui::vec2(16.0, 16.0)),
            tasks,
            thumbnails: Thumbnails::default(),
            previews: Thumbnails::new(thumbnails::PREVIEW_EDGE, 8),
            content,
            fixes,
            mail_in,
            bulk: bulk::State::default(),
            engine,
            engine_error,
            sandbox: None,
            journal_dir: deps.journal_dir,
            commands: Vec::new(),
            events,
            title: String::new(),
            theme,
            theme_applied: false,
        };
        apply_theme(ctx, theme);
        // Use the remembered connection, else the first saved one.
        if app.connections.selected.is_none() {
            app.connections.selected = app
                .connections
                .settings
                .connections
                .first()
                .map(|p| p.id.clone());
        }
        match deps.credentials {
            Some(store) => app.on_connections_done(connections::Done::Store(Ok(store))),
            None => app.tasks.spawn(
                async {
                    TaskResult::Connections(connections::Done::Store(
                        crate::credentials::os_store_async().await,
                    ))
                },
                || {
                    TaskResult::Connections(connections::Done::Store(Err(
                        crate::credentials::CredentialError::Platform(crashed(
                            "Opening the keyring",
                        )),
                    )))
                },
            ),
        }
        if deps.start_sandbox {
            app.apply_connections(connections::Command::StartSandbox);
        }
        if let Some(notice) = app.connections.settings_notice.clone() {
            app.toasts.warning(notice);
        }
        app.load_history();
        app.clean_work_folder();
        app
    }

    /// Runs the work that belongs before drawing: background results, engine events, the
    /// debounced search, the window title.
    pub fn update_state(&mut self, ctx: &egui::Context) {
        if !self.theme_applied {
            apply_theme(ctx, self.theme);
            self.theme_applied = true;
        }
        let now = ctx.input(|i| i.time);
        for result in self.tasks.drain() {
            match result {
                TaskResult::Connections(done) => self.on_connections_done(done),
                TaskResult::Picker(done) => self.on_picker_done(done),
                TaskResult::Staging(done) => self.on_staging_done(done),
                TaskResult::History(done) => self.on_history_done(done),
                TaskResult::Content(done) => self.on_content_done(done),
                TaskResult::Fixes(done) => self.on_fixes_done(done),
                TaskResult::Mail(done) => self.on_mail_done(done),
                TaskResult::Bulk(done) => self.on_bulk_done(done),
                TaskResult::Thumbnail { edge, path, image } => {
                    let cache = if edge == self.previews.edge() {
                        &mut self.previews
                    } else {
                        &mut self.thumbnails
                    };
                    cache.loaded(ctx, &self.tasks, path, image);
                }
                TaskResult::Failed(sentence) => {
                    self.toasts
                        .error(crate::model::visible(&sentence).into_owned());
                }
                TaskResult::Nothing => {}
            }
        }
        self.pump_events(now);
        self.picker_tick(now);
        if let Some(at) = self.picker.search_at {
            ctx.request_repaint_after(std::time::Duration::from_secs_f64((at - now).max(0.0)));
        }
        self.queue.lane_pauses.retain(|(_, until)| *until > now);
        if let Some(until) = self
            .queue
            .lane_pauses
            .iter()
            .map(|(_, u)| *u)
            .reduce(f64::min)
        {
            ctx.request_repaint_after(std::time::Duration::from_secs_f64((until - now).max(0.0)));
        }
        self.update_title(ctx);
    }

    fn pump_events(&mut self, now: f64) {
        let Some(events) = &mut self.events else {
            return;
        };
        let mut finished = Vec::new();
        while let Ok(event) = events.try_recv() {
            if let Some(note) = self.queue.fold(event, now) {
                finished.push(note);
            }
        }
        if finished.is_empty() {
            return;
        }
        for (sentence, bad) in finished {
            if bad {
                self.toasts
                    .warning(crate::model::visible(&sentence).into_owned());
            } else {
                self.toasts
                    .success(crate::model::visible(&sentence).into_owned());
            }
        }
        self.load_history();
        self.apply_picker(picker::Command::RefreshAttachments, now);
        let uploaded: Vec<PathBuf> = self
            .queue
            .rows
            .iter()
            .filter(|r| r.state == crate::upload::FileState::Done)
            .map(|r| r.path.clone())
            .collect();
        self.forget_fixed_copies(uploaded);
    }

    fn update_title(&mut self, ctx: &egui::Context) {
        let title = match self.queue.overall() {
            Some(progress) if progress.files > 0 => format!(
                "atsdrop \u{2014} {} ({} %)",
                progress.sentence(),
                progress.percent()
            ),
            _ => "atsdrop".to_owned(),
        };
        if title != self.title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title = title;
        }
    }

    /// The window title the app last set.
    #[must_use]
    pub fn title(&self) -> &str {
        &self.title
    }

    /// Applies the commands views emitted this frame.
    pub fn apply_commands(&mut self, ctx: &egui::Context) {
        let now = ctx.input(|i| i.time);
        for command in std::mem::take(&mut self.commands) {
            match command {
                Command::Tab(tab) => {
                    if tab == Tab::History {
                        self.load_history();
                    }
                    self.tab = tab;
                }
                Command::Connections(c) => self.apply_connections(c),
                Command::Picker(c) => self.apply_picker(c, now),
                Command::Staging(c) => self.apply_staging(c),
                Command::Bulk(c) => self.apply_bulk(c),
                Command::Queue(c) => self.apply_queue(c),
                Command::History(c) => self.apply_history(&c),
                Command::OwnDomains(text) => self.set_own_domains(text),
                Command::MailNoteHidden => self.mail_in.note = None,
                Command::Theme(theme) => {
                    self.theme = theme;
                    apply_theme(ctx, theme);
                    self.connections.settings.preferences.theme = theme;
                    self.save_settings();
                }
                Command::Language(language) => {
                    self.connections.settings.preferences.language = language;
                    crate::i18n::set(self.connections.settings.preferences.language());
                    self.save_settings();
                }
            }
        }
    }

    /// The colour theme in use.
    #[must_use]
    pub fn theme(&self) -> ThemePreference {
        self.theme
    }

    /// Everything that depends on the connection starts over; answers to requests made with
    /// the previous connection (or client) are dropped when they arrive.
    pub(crate) fn connection_changed(&mut self) {
        self.connections.epoch += 1;
        self.picker_connection_changed();
        self.staging_connection_changed();
        self.bulk_connection_changed();
    }
}

fn apply_theme(ctx: &egui::Context, theme: ThemePreference) {
    ctx.set_theme(match theme {
        ThemePreference::System => egui::ThemePreference::System,
        ThemePreference::Light => egui::ThemePreference::Light,
        ThemePreference::Dark => egui::ThemePreference::Dark,
    });
}

impl eframe::App for App {
    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        self.update_state(ctx);
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        crate::ui::app_ui(ui, self);
        let ctx = ui.ctx().clone();
        self.apply_commands(&ctx);
        self.toasts.show(&ctx);
    }
}
