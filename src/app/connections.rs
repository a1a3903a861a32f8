//! Connections: saved profiles and the sandbox's demo accounts, their secrets, and a live
//! client per connection. Secrets are read from and written to the credential store off the UI
//! thread; a secret the user chose to keep "for this run only" lives in a memory store.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;

use crate::credentials::{self, CredentialError, CredentialStore, MemoryStore};
use crate::model::{Limits, ProviderId, Secret};
use crate::providers::{self, AtsClient, Connection};
use crate::settings::{ConnectionProfile, ProfileProblem, SecretStorage, Settings};

use super::{App, TaskResult, crashed};

/// One connection the user can pick.
#[derive(Clone, Debug)]
pub struct Entry {
    /// Stable id (a profile id, or `sandbox-<system>`).
    pub id: String,
    /// The name shown ("Acme Kombo", "Sandbox · Spott").
    pub name: String,
    /// The system.
    pub provider: ProviderId,
    /// Where it comes from.
    pub kind: EntryKind,
}

/// Where a connection comes from.
#[derive(Clone, Debug)]
pub enum EntryKind {
    /// Saved in settings; the secret is in the credential store.
    Saved(ConnectionProfile),
    /// A demo account on the built-in sandbox; the secret stays in memory.
    Sandbox(Connection),
}

/// A connection's client, once it is ready.
#[derive(Clone)]
pub struct Ready {
    /// The connection, secret included (memory only).
    pub connection: Connection,
    /// The client.
    pub client: Arc<dyn AtsClient>,
    /// The limits to check files against (profile defaults tightened by the account).
    pub limits: Limits,
}

/// The state of a connection's client.
#[derive(Clone)]
pub enum Live {
    /// Reading the secret, building the client, reading the account's limits.
    Connecting {
        /// Which attempt: only its answer is taken (an earlier one may still be running).
        attempt: u64,
    },
    /// Ready to use.
    Ready(Box<Ready>),
    /// Could not connect; the sentence says why.
    Failed(String),
}

/// The add/edit connection form.
#[derive(Clone, Debug)]
pub struct Form {
    /// The profile being edited, or `None` for a new one.
    pub editing: Option<String>,
    /// Display name.
    pub name: String,
    /// The system.
    pub provider: ProviderId,
    /// API root.
    pub base_url: String,
    /// Kombo integration id.
    pub integration_id: String,
    /// Truto integrated account id.
    pub integrated_account_id: String,
    /// Endorsed client id.
    pub client_id: String,
    /// The secret as typed; empty when editing means "keep the stored one". Never filled back
    /// in from the store.
    pub secret: String,
    /// Problems found by the last save attempt.
    pub problems: Vec<ProfileProblem>,
    /// The result of "Test connection".
    pub test: Option<Result<String, String>>,
    /// The test whose answer is awaited.
    pub testing: Option<u64>,
    /// The save whose answer is awaited (the secret being stored).
    pub saving: Option<u64>,
    /// The keyring could not take the secret: offer to keep it for this run only.
    pub keyring_unavailable: Option<String>,
}

impl Form {
    fn new(provider: ProviderId) -> Self {
        Self {
            editing: None,
            name: String::new(),
            provider,
            base_url: provider.profile().default_base_url.to_owned(),
            integration_id: String::new(),
            integrated_account_id: String::new(),
            client_id: String::new(),
            secret: String::new(),
            problems: Vec::new(),
            test: None,
            testing: None,
            saving: None,
            keyring_unavailable: None,
        }
    }

    fn of(profile: &ConnectionProfile) -> Self {
        Self {
            editing: Some(profile.id.clone()),
            name: profile.name.clone(),
            provider: profile.provider,
            base_url: profile.base_url.clone(),
            integration_id: profile.integration_id.clone().unwrap_or_default(),
            integrated_account_id: profile.integrated_account_id.clone().unwrap_or_default(),
            client_id: profile.client_id.clone().unwrap_or_default(),
            ..Self::new(profile.provider)
        }
    }

    /// Switches the system, moving the base URL along if it was the old system's default.
    pub fn set_provider(&mut self, provider: ProviderId) {
        if self.base_url.trim().is_empty()
            || self.base_url == self.provider.profile().default_base_url
        {
            provider
                .profile()
                .default_base_url
                .clone_into(&mut self.base_url);
        }
        self.provider = provider;
    }

    /// The profile the form describes (with `id`).
    fn profile(&self, id: String, storage: SecretStorage) -> ConnectionProfile {
        let text = |s: &str| Some(s.trim().to_owned()).filter(|s| !s.is_empty());
        ConnectionProfile {
            id,
            name: self.name.trim().to_owned(),
            provider: self.provider,
            base_url: self.base_url.trim().to_owned(),
            integration_id: text(&self.integration_id)
                .filter(|_| self.provider == ProviderId::Kombo),
            integrated_account_id: text(&self.integrated_account_id)
                .filter(|_| self.provider == ProviderId::Truto),
            client_id: text(&self.client_id).filter(|_| self.provider == ProviderId::Endorsed),
            secret_storage: storage,
        }
    }

    /// What the secret is called for this system.
    #[must_use]
    pub fn secret_label(&self) -> &'static str {
        if self.provider == ProviderId::Endorsed {
            "Client secret"
        } else {
            "API key"
        }
    }

    /// A test or save is running.
    #[must_use]
    pub fn is_busy(&self) -> bool {
        self.testing.is_some() || self.saving.is_some()
    }

    /// What the secret is called inside a sentence ("the API key", "the client secret").
    #[must_use]
    pub fn secret_noun(&self) -> &'static str {
        if self.provider == ProviderId::Endorsed {
            "client secret"
        } else {
            "API key"
        }
    }
}

/// Everything about connections.
pub struct State {
    /// Saved settings (no secrets).
    pub settings: Settings,
    /// Where they are saved.
    pub settings_path: PathBuf,
    /// A problem loading them, to show once.
    pub settings_notice: Option<String>,
    /// The sandbox's demo accounts, when it runs.
    pub sandbox: Vec<Entry>,
    /// The connection in use.
    pub selected: Option<String>,
    /// Clients per connection id.
    pub live: HashMap<String, Live>,
    /// The add/edit form, when open.
    pub form: Option<Form>,
    /// The OS credential store, once known.
    pub store: Option<Arc<dyn CredentialStore>>,
    /// Why there is no OS store.
    pub store_problem: Option<String>,
    /// Secrets kept for this run only.
    pub session: Arc<MemoryStore>,
    /// The sandbox is starting.
    pub sandbox_starting: bool,
    /// The sandbox could not start.
    pub sandbox_error: Option<String>,
    /// Counts changes of the connection in use (another one chosen, or its client rebuilt):
    /// answers to requests made before the last change are dropped.
    pub epoch: u64,
    /// The last request token handed out (connect attempts, tests, saves).
    requests: u64,
    /// Keeps background writes of the settings file in order.
    saves: Arc<SaveOrder>,
}

/// Orders settings writes made in the background: each carries the number of the save that
/// asked for it, and one older than what is already on disk is skipped, so the file ends with
/// the newest settings however the blocking pool schedules the writes.
#[derive(Debug, Default)]
struct SaveOrder {
    asked: std::sync::atomic::AtomicU64,
    written: std::sync::Mutex<u64>,
}

impl SaveOrder {
    /// The number of a new save.
    fn ask(&self) -> u64 {
        self.asked
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed)
            .saturating_add(1)
    }

    /// Runs `write` for save `number` unless a newer save already wrote.
    fn write_if_newest(
        &self,
        number: u64,
        write: impl FnOnce() -> Result<(), String>,
    ) -> Result<(), String> {
        let mut written = self
            .written
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if *written > number {
            return Ok(());
        }
        write()?;
        *written = number;
        Ok(())
    }
}

/// Which connection, and which of its clients, a background request was made with.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Origin {
    /// The connection id.
    pub connection: String,
    /// [`State::epoch`] when the request went out.
    pub epoch: u64,
}

impl State {
    /// The state for `settings` loaded from `settings_path`.
    #[must_use]
    pub fn new(
        settings: Settings,
        settings_path: PathBuf,
        settings_notice: Option<String>,
    ) -> Self {
        Self {
            selected: settings.selected_connection.clone(),
            settings,
            settings_path,
            settings_notice,
            sandbox: Vec::new(),
            live: HashMap::new(),
            form: None,
            store: None,
            store_problem: None,
            session: Arc::new(MemoryStore::new()),
            sandbox_starting: false,
            sandbox_error: None,
            epoch: 0,
            requests: 0,
            saves: Arc::default(),
        }
    }

    /// A new token for a background request, never handed out before.
    pub fn next_request(&mut self) -> u64 {
        self.requests += 1;
        self.requests
    }

    /// Where a request made now comes from, when a connection is in use.
    #[must_use]
    pub fn origin(&self) -> Option<Origin> {
        Some(Origin {
            connection: self.selected.clone()?,
            epoch: self.epoch,
        })
    }

    /// Whether the answer to a request made with `origin` still belongs to the connection in
    /// use (same connection, same client).
    #[must_use]
    pub fn is_current(&self, origin: &Origin) -> bool {
        self.origin().as_ref() == Some(origin)
    }

    /// Every connection: the saved ones, then the sandbox's.
    #[must_use]
    pub fn entries(&self) -> Vec<Entry> {
        let mut out: Vec<Entry> = self
            .settings
            .connections
            .iter()
            .map(|p| Entry {
                id: p.id.clone(),
                name: p.name.clone(),
                provider: p.provider,
                kind: EntryKind::Saved(p.clone()),
            })
            .collect();
        out.extend(self.sandbox.iter().cloned());
        out
    }

    /// The selected connection's entry.
    #[must_use]
    pub fn selected_entry(&self) -> Option<Entry> {
        let id = self.selected.as_ref()?;
        self.entries().into_iter().find(|e| &e.id == id)
    }

    /// The selected connection's client, when ready.
    #[must_use]
    pub fn ready(&self) -> Option<&Ready> {
        match self.live.get(self.selected.as_ref()?)? {
            Live::Ready(ready) => Some(ready),
            _ => None,
        }
    }

    /// Whether there is nothing to connect to yet (the welcome screen).
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.settings.connections.is_empty() && self.sandbox.is_empty()
    }
}

/// What the connection views ask for.
#[derive(Clone, Debug)]
pub enum Command {
    /// Use this connection.
    Select(String),
    /// Try connecting again after a failure.
    Reconnect,
    /// Open the form for a new connection.
    New,
    /// Open the form to edit a saved connection.
    Edit(String),
    /// Close the form without saving.
    CloseForm,
    /// Check the form's connection against the system.
    TestForm,
    /// Save the form; `keep_for_run` keeps the secret in memory when no keyring is available.
    SaveForm {
        /// Keep the secret for this run only.
        keep_for_run: bool,
    },
    /// Remove a saved connection and its secret.
    Remove(String),
    /// Start the built-in sandbox and add its demo accounts.
    StartSandbox,
}

/// Background results for connections.
pub enum Done {
    /// The OS credential store is known.
    Store(Result<Arc<dyn CredentialStore>, CredentialError>),
    /// A connection's client is ready, or failed.
    Connected {
        /// The connection id.
        id: String,
        /// Which attempt (only the latest counts).
        attempt: u64,
        /// The client, or why not.
        result: Result<Box<Ready>, String>,
    },
    /// "Test connection" finished.
    Tested {
        /// Which test (only the open form's latest counts).
        request: u64,
        /// The system's answer, or why not.
        result: Result<String, String>,
    },
    /// A secret was stored (or not) for a profile being saved.
    SecretStored {
        /// Which save.
        request: u64,
        /// Whether the profile existed (an edit) or is new.
        editing: bool,
        /// The profile.
        profile: ConnectionProfile,
        /// The store's answer.
        result: Result<(), CredentialError>,
    },
    /// The sandbox started (with its demo accounts) or failed.
    Sandbox(Result<Box<(crate::emulator::Emulator, Vec<Entry>)>, String>),
    /// Settings were written (or not).
    Saved(Result<(), String>),
}

impl App {
    pub(super) fn apply_connections(&mut self, command: Command) {
        match command {
            Command::Select(id) => self.select_connection(&id),
            Command::Reconnect => {
                if let Some(id) = self.connections.selected.clone() {
                    self.connections.live.remove(&id);
                    self.connect(&id);
                }
            }
            Command::New => {
                let provider = self
                    .connections
                    .selected_entry()
                    .map_or(ProviderId::Spott, |e| e.provider);
                self.connections.form = Some(Form::new(provider));
            }
            Command::Edit(id) => {
                if let Some(p) = self
                    .connections
                    .settings
                    .connections
                    .iter()
                    .find(|p| p.id == id)
                {
                    self.connections.form = Some(Form::of(p));
                }
            }
            Command::CloseForm => self.connections.form = None,
            Command::TestForm => self.test_form(),
            Command::SaveForm { keep_for_run } => self.save_form(keep_for_run),
            Command::Remove(id) => self.remove_connection(&id),
            Command::StartSandbox => self.start_sandbox(),
        }
    }

    pub(super) fn on_connections_done(&mut self, done: Done) {
        match done {
            Done::Store(Ok(store)) => {
                self.connections.store = Some(store);
                if let Some(id) = self.connections.selected.clone() {
                    self.connect(&id);
                }
            }
            Done::Store(Err(e)) => {
                self.connections.store_problem = Some(e.to_string());
                if let Some(id) = self.connections.selected.clone() {
                    self.connect(&id);
                }
            }
            Done::Connected {
                id,
                attempt,
                result,
            } => {
                // An earlier attempt (the connection was edited, retried or removed since)
                // answering late changes nothing.
                if !matches!(
                    self.connections.live.get(&id),
                    Some(Live::Connecting { attempt: current }) if *current == attempt
                ) {
                    return;
                }
                let live = match result {
                    Ok(ready) => {
                        // Retries of this account's files (earlier batches, resumed ones) send
                        // with this client from now on, e.g. after its key was fixed.
                        if let Some(engine) = &self.engine {
                            engine.use_client(
                                &crate::upload::ConnectionRef::of(&ready.connection, None, None),
                                Arc::clone(&ready.client),
                            );
                        }
                        Live::Ready(ready)
                    }
                    Err(e) => Live::Failed(e),
                };
                self.connections.live.insert(id.clone(), live);
                if self.connections.selected.as_deref() == Some(id.as_str()) {
                    self.connection_changed();
                }
            }
            Done::Tested { request, result } => {
                if let Some(form) = &mut self.connections.form
                    && form.testing == Some(request)
                {
                    form.testing = None;
                    form.test = Some(result);
                }
            }
            Done::SecretStored {
                request,
                editing,
                profile,
                result,
            } => self.secret_stored(request, editing, profile, result),
            Done::Sandbox(Ok(started)) => {
                let (emulator, entries) = *started;
                self.connections.sandbox_starting = false;
                self.sandbox = Some(emulator);
                let first = entries.first().map(|e| e.id.clone());
                self.connections.sandbox = entries;
                if let Some(first) = first
                    && self.connections.selected_entry().is_none()
                {
                    self.select_connection(&first);
                }
                self.toasts.success(
                    "The sandbox is running: five demo accounts, nothing leaves this computer.",
                );
            }
            Done::Sandbox(Err(e)) => {
                self.connections.sandbox_starting = false;
                self.connections.sandbox_error = Some(e);
            }
            Done::Saved(Err(e)) => {
                self.toasts.error(e);
            }
            Done::Saved(Ok(())) => {}
        }
    }

    /// Makes `id` the connection in use and connects it if needed.
    pub(super) fn select_connection(&mut self, id: &str) {
        if self.connections.selected.as_deref() == Some(id)
            && self.connections.live.contains_key(id)
        {
            return;
        }
        self.connections.selected = Some(id.to_owned());
        if !id.starts_with("sandbox-") {
            self.connections.settings.selected_connection = Some(id.to_owned());
            self.save_settings();
        }
        if !self.connections.live.contains_key(id) {
            self.connect(id);
        }
        self.connection_changed();
    }

    /// Builds the client for a connection in the background.
    fn connect(&mut self, id: &str) {
        let Some(entry) = self.connections.entries().into_iter().find(|e| e.id == id) else {
            return;
        };
        let secret_source = match &entry.kind {
            EntryKind::Sandbox(connection) => SecretSource::Known(connection.clone()),
            EntryKind::Saved(profile) => {
                let store: Option<Arc<dyn CredentialStore>> = match profile.secret_storage {
                    SecretStorage::ThisRunOnly => Some(self.connections.session.clone()),
                    SecretStorage::Keyring => match &self.connections.store {
                        Some(store) => Some(Arc::clone(store)),
                        None if self.connections.store_problem.is_some() => {
                            Some(self.connections.session.clone())
                        }
                        None => return, // Connected once the store is known.
                    },
                };
                match store {
                    Some(store) => SecretSource::Store(store, profile.clone()),
                    None => return,
                }
            }
        };
        let attempt = self.connections.next_request();
        self.connections
            .live
            .insert(id.to_owned(), Live::Connecting { attempt });
        let id = id.to_owned();
        let fallback_id = id.clone();
        let what = format!("Connecting to {}", entry.name);
        self.tasks.spawn(
            async move {
                let result = connect_entry(secret_source).await;
                TaskResult::Connections(Done::Connected {
                    id,
                    attempt,
                    result,
                })
            },
            move || {
                TaskResult::Connections(Done::Connected {
                    id: fallback_id,
                    attempt,
                    result: Err(crashed(&what)),
                })
            },
        );
    }

    fn test_form(&mut self) {
        let stored = self.connections.form.as_ref().and_then(|form| {
            let profile = self
                .connections
                .settings
                .connections
                .iter()
                .find(|p| Some(&p.id) == form.editing.as_ref())?;
            self.store_for(profile)
        });
        let request = self.connections.next_request();
        let Some(form) = &mut self.connections.form else {
            return;
        };
        let profile = form.profile(
            form.editing.clone().unwrap_or_default(),
            SecretStorage::Keyring,
        );
        form.problems = profile
            .problems()
            .into_iter()
            .filter(|p| p.field != crate::settings::ProfileField::Name)
            .collect();
        if !form.problems.is_empty() {
            return;
        }
        let typed = Some(form.secret.clone())
            .filter(|s| !s.trim().is_empty())
            .map(Secret::new);
        let stored_in = if typed.is_none() { stored } else { None };
        let secret_noun = form.secret_noun();
        form.testing = Some(request);
        form.test = None;
        self.tasks.spawn(
            async move {
                let secret = match typed {
                    Some(s) => Some(s),
                    None => match stored_in {
                        Some(store) => credentials::get_async(store, profile.id.clone())
                            .await
                            .ok()
                            .flatten(),
                        None => None,
                    },
                };
                let Some(secret) = secret else {
                    return TaskResult::Connections(Done::Tested {
                        request,
                        result: Err(format!("Enter the {secret_noun} to test the connection.")),
                    });
                };
                let connection = profile.connection(secret);
                let result = match providers::connect(&connection) {
                    Ok(client) => client.check_connection().await.map_err(|e| e.to_string()),
                    Err(e) => Err(e.to_string()),
                };
                TaskResult::Connections(Done::Tested { request, result })
            },
            move || {
                TaskResult::Connections(Done::Tested {
                    request,
                    result: Err(crashed("Testing the connection")),
                })
            },
        );
    }

    fn store_for(&self, profile: &ConnectionProfile) -> Option<Arc<dyn CredentialStore>> {
        match profile.secret_storage {
            SecretStorage::ThisRunOnly => Some(self.connections.session.clone()),
            SecretStorage::Keyring => self.connections.store.clone(),
        }
    }

    fn save_form(&mut self, keep_for_run: bool) {
        let request = self.connections.next_request();
        let Some(form) = &mut self.connections.form else {
            return;
        };
        let id = form
            .editing
            .clone()
            .unwrap_or_else(|| uuid::Uuid::new_v4().to_string());
        let existing = form
            .editing
            .as_ref()
            .and_then(|id| {
                self.connections
                    .settings
                    .connections
                    .iter()
                    .find(|p| &p.id == id)
            })
            .cloned();
        let storage = if keep_for_run
            || (self.connections.store.is_none() && self.connections.store_problem.is_some())
        {
            SecretStorage::ThisRunOnly
        } else {
            existing
                .as_ref()
                .map_or(SecretStorage::Keyring, |p| p.secret_storage)
        };
        let profile = form.profile(id, storage);
        let mut problems = profile.problems();
        if self
            .connections
            .settings
            .name_taken(&profile.name, form.editing.as_deref())
        {
            problems.push(ProfileProblem {
                field: crate::settings::ProfileField::Name,
                message: format!(
                    "Another connection is already called \u{201c}{}\u{201d}: choose another name.",
                    profile.name
                ),
            });
        }
        let secret = Some(form.secret.clone())
            .filter(|s| !s.trim().is_empty())
            .map(Secret::new);
        if secret.is_none() && existing.is_none() {
            form.problems = problems;
            form.problems.push(ProfileProblem {
                field: crate::settings::ProfileField::Name,
                message: format!("Enter the {} for this connection.", form.secret_noun()),
            });
            return;
        }
        form.problems = problems;
        if !form.problems.is_empty() {
            return;
        }
        form.saving = Some(request);
        form.keyring_unavailable = None;
        let editing = form.editing.is_some();
        match secret {
            Some(secret) => self.store_secret(request, editing, profile, secret),
            None => self.secret_stored(request, editing, profile, Ok(())),
        }
    }

    /// Stores the secret of a profile being saved, in the background.
    fn store_secret(
        &mut self,
        request: u64,
        editing: bool,
        profile: ConnectionProfile,
        secret: Secret,
    ) {
        let store: Arc<dyn CredentialStore> = match profile.secret_storage {
            SecretStorage::ThisRunOnly => self.connections.session.clone(),
            SecretStorage::Keyring => {
                if let Some(store) = &self.connections.store {
                    Arc::clone(store)
                } else {
                    let problem = self
                        .connections
                        .store_problem
                        .clone()
                        .unwrap_or_else(|| CredentialError::NoKeyring.to_string());
                    self.secret_stored(
                        request,
                        editing,
                        profile,
                        Err(CredentialError::Platform(problem)),
                    );
                    return;
                }
            }
        };
        let fallback = profile.clone();
        self.tasks.spawn(
            async move {
                let result = credentials::set_async(store, profile.id.clone(), secret).await;
                TaskResult::Connections(Done::SecretStored {
                    request,
                    editing,
                    profile,
                    result,
                })
            },
            move || {
                TaskResult::Connections(Done::SecretStored {
                    request,
                    editing,
                    profile: fallback,
                    result: Err(CredentialError::Platform(crashed("Storing the secret"))),
                })
            },
        );
    }

    /// The secret of a profile being saved was stored (or not): finish the save.
    fn secret_stored(
        &mut self,
        request: u64,
        editing: bool,
        profile: ConnectionProfile,
        result: Result<(), CredentialError>,
    ) {
        let Some(form) = self
            .connections
            .form
            .as_mut()
            .filter(|form| form.saving == Some(request))
        else {
            // The form was closed (or another one opened) while the secret was being stored:
            // finish the save the user asked for without touching whatever form is open now.
            self.finish_save_in_background(editing, profile, result);
            return;
        };
        form.saving = None;
        if let Err(e) = result {
            form.keyring_unavailable = Some(format!("{e} Keep the secret for this run only?"));
            return;
        }
        form.secret.clear();
        let id = profile.id.clone();
        if let Err(e) = self.store_profile(editing, profile) {
            if let Some(form) = &mut self.connections.form {
                form.problems = vec![ProfileProblem {
                    field: crate::settings::ProfileField::Name,
                    message: e,
                }];
            }
            return;
        }
        self.connections.form = None;
        self.connections.live.remove(&id);
        self.save_settings();
        self.toasts.success("Connection saved.");
        self.select_connection(&id);
    }

    /// Finishes a save whose form is gone: says how it ended in a toast, and reconnects the
    /// connection if it is the one in use.
    fn finish_save_in_background(
        &mut self,
        editing: bool,
        profile: ConnectionProfile,
        result: Result<(), CredentialError>,
    ) {
        let name = profile.name.clone();
        if let Err(e) = result {
            self.toasts.error(format!(
                "The connection \u{201c}{name}\u{201d} was not saved: {e}"
            ));
            return;
        }
        let id = profile.id.clone();
        if let Err(e) = self.store_profile(editing, profile) {
            self.toasts.error(format!(
                "The connection \u{201c}{name}\u{201d} was not saved: {e}"
            ));
            return;
        }
        self.connections.live.remove(&id);
        self.save_settings();
        self.toasts
            .success(format!("Connection \u{201c}{name}\u{201d} saved."));
        if self.connections.selected.as_deref() == Some(id.as_str()) {
            self.select_connection(&id);
        }
    }

    /// Puts a saved profile into the settings (not yet written).
    fn store_profile(&mut self, editing: bool, profile: ConnectionProfile) -> Result<(), String> {
        let saved = if editing {
            self.connections.settings.update_connection(profile)
        } else {
            self.connections.settings.add_connection(profile)
        };
        saved.map_err(|e| e.to_string())
    }

    fn remove_connection(&mut self, id: &str) {
        let Some(profile) = self.connections.settings.remove_connection(id) else {
            return;
        };
        self.connections.live.remove(id);
        if self.connections.selected.as_deref() == Some(id) {
            self.connections.selected = None;
            self.connection_changed();
        }
        self.connections.form = None;
        let store = self.store_for(&profile);
        let deleting = store.is_some();
        if let Some(store) = store {
            let account = profile.id.clone();
            self.tasks.spawn(
                async move {
                    let result = credentials::delete_async(store, account)
                        .await
                        .map_err(|e| e.to_string());
                    TaskResult::Connections(Done::Saved(result))
                },
                || TaskResult::Connections(Done::Saved(Err(crashed("Removing the stored secret")))),
            );
        }
        self.save_settings();
        self.toasts.info(if deleting {
            format!(
                "Removed the connection \u{201c}{}\u{201d} and its stored secret.",
                profile.name
            )
        } else {
            format!(
                "Removed the connection \u{201c}{}\u{201d}; its secret stays in the OS keyring, \
                 which atsdrop cannot reach right now.",
                profile.name
            )
        });
    }

    /// Writes settings in the background.
    pub(super) fn save_settings(&self) {
        let settings = self.connections.settings.clone();
        let path = self.connections.settings_path.clone();
        let saves = self.connections.saves.clone();
        let number = saves.ask();
        self.tasks.spawn_blocking(
            move || {
                TaskResult::Connections(Done::Saved(
                    saves.write_if_newest(number, || {
                        settings.save(&path).map_err(|e| e.to_string())
                    }),
                ))
            },
            || TaskResult::Connections(Done::Saved(Err(crashed("Saving the settings")))),
        );
    }

    fn start_sandbox(&mut self) {
        if self.sandbox.is_some() || self.connections.sandbox_starting {
            return;
        }
        self.connections.sandbox_starting = true;
        self.connections.sandbox_error = None;
        self.tasks.spawn(
            async move {
                let result =
                    crate::emulator::Emulator::spawn(crate::emulator::EmulatorConfig::default())
                        .await
                        .map(|emulator| {
                            let entries = ProviderId::ALL
                                .into_iter()
                                .map(|p| Entry {
                                    id: format!("sandbox-{}", p.key()),
                                    name: format!("Sandbox \u{b7} {p}"),
                                    provider: p,
                                    kind: EntryKind::Sandbox(emulator.connection(p)),
                                })
                                .collect();
                            Box::new((emulator, entries))
                        })
                        .map_err(|e| format!("The sandbox could not start ({e})."));
                TaskResult::Connections(Done::Sandbox(result))
            },
            || TaskResult::Connections(Done::Sandbox(Err(crashed("Starting the sandbox")))),
        );
    }
}

/// Where a connection's secret comes from.
enum SecretSource {
    Known(Connection),
    Store(Arc<dyn CredentialStore>, ConnectionProfile),
}

async fn connect_entry(source: SecretSource) -> Result<Box<Ready>, String> {
    let connection = match source {
        SecretSource::Known(connection) => connection,
        SecretSource::Store(store, profile) => {
            let secret = credentials::get_async(store, profile.id.clone())
                .await
                .map_err(|e| e.to_string())?
                .ok_or_else(|| {
                    format!(
                        "No secret is stored for \u{201c}{}\u{201d} on this computer: edit the connection and enter it again.",
                        profile.name
                    )
                })?;
            profile.connection(secret)
        }
    };
    let client = providers::connect(&connection).map_err(|e| e.to_string())?;
    let limits = client.limits().await.map_err(|e| e.to_string())?;
    Ok(Box::new(Ready {
        connection,
        client,
        limits,
    }))
}

#[cfg(test)]
mod tests {
    use super::SaveOrder;

    #[test]
    fn a_settings_write_older_than_the_one_on_disk_is_skipped() {
        let saves = SaveOrder::default();
        let (first, second) = (saves.ask(), saves.ask());
        let mut order = Vec::new();
        saves
            .write_if_newest(second, || {
                order.push(second);
                Ok(())
            })
            .unwrap();
        saves
            .write_if_newest(first, || {
                order.push(first);
                Ok(())
            })
            .unwrap();
        assert_eq!(order, [second]);
        let third = saves.ask();
        saves
            .write_if_newest(third, || {
                order.push(third);
                Ok(())
            })
            .unwrap();
        assert_eq!(order, [second, third]);
    }
}
