//! Connections: saved profiles and the sandbox's demo accounts, their secrets, and a live
//! client per connection. Secrets are read from and written to the credential store off the UI
//! thread; a secret the user chose to keep "for this run only" lives in a memory store.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;

use crate::credentials::{self, CredentialError, CredentialStore, MemoryStore, StoreKind};
use crate::i18n::Text;
use crate::model::{Limits, ProviderId};
use crate::providers::{self, AtsClient, Connection};
use crate::settings::{ConnectionProfile, SecretStorage, Settings};
use crate::upload::Source;

pub use super::connection_form::Form;
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

impl Entry {
    /// Where its jobs come from, for the engine's [`crate::upload::Account`]: a saved
    /// connection by its id, or the sandbox.
    #[must_use]
    pub fn source(&self) -> Source {
        match &self.kind {
            EntryKind::Saved(profile) => Source::Saved {
                id: profile.id.clone(),
                name: profile.name.clone(),
            },
            EntryKind::Sandbox(_) => Source::Sandbox,
        }
    }
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
                        // Retries of this connection's files (earlier batches, resumed ones)
                        // send with this client from now on, e.g. after its key was fixed;
                        // another connection's files never do.
                        let entry = self.connections.entries().into_iter().find(|e| e.id == id);
                        if let (Some(engine), Some(entry)) = (&self.engine, entry) {
                            let account = engine.account(&ready.connection, entry.source());
                            engine.use_client(&account, Arc::clone(&ready.client));
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
                self.toasts
                    .success(crate::t!("connections-sandbox-running"));
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

    /// The account of the connection in use, once it is ready: what the engine files its
    /// uploads under, and what duplicate checks compare the history with.
    pub(super) fn selected_account(&self) -> Option<crate::upload::Account> {
        let ready = self.connections.ready()?;
        let entry = self.connections.selected_entry()?;
        Some(
            self.engine
                .as_ref()?
                .account(&ready.connection, entry.source()),
        )
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
                // With no keyring at all, the (empty) memory store answers, so the user sees
                // that the secret is missing; while the keyring is still opening, wait for it.
                let store = self.store_for(profile).or_else(|| {
                    self.connections
                        .store_problem
                        .is_some()
                        .then(|| self.connections.session.clone() as Arc<dyn CredentialStore>)
                });
                let Some(store) = store else {
                    return; // Connected once the store is known.
                };
                SecretSource::Store(store, profile.clone())
            }
        };
        let attempt = self.connections.next_request();
        self.connections
            .live
            .insert(id.to_owned(), Live::Connecting { attempt });
        let id = id.to_owned();
        let fallback_id = id.clone();
        let what = crate::t!("connections-crashed-connect", name = &entry.name);
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

    /// The store that holds `profile`'s secret: the memory store for this-run-only secrets,
    /// the OS keyring once it is open (`None` until then, or when there is none).
    pub(super) fn store_for(
        &self,
        profile: &ConnectionProfile,
    ) -> Option<Arc<dyn CredentialStore>> {
        match profile.secret_storage {
            SecretStorage::ThisRunOnly => Some(self.connections.session.clone()),
            SecretStorage::Keyring => self.connections.store.clone(),
        }
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
                || {
                    TaskResult::Connections(Done::Saved(Err(crashed(&crate::t!(
                        "connections-crashed-remove-secret"
                    )))))
                },
            );
        }
        self.save_settings();
        self.toasts.info(if deleting {
            crate::t!("connections-removed", name = &profile.name)
        } else {
            crate::t!("connections-removed-secret-left", name = &profile.name)
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
                TaskResult::Connections(Done::Saved(saves.write_if_newest(number, || {
                    settings.save(&path).map_err(|e| e.text().to_string())
                })))
            },
            || {
                TaskResult::Connections(Done::Saved(Err(crashed(&crate::t!(
                    "connections-crashed-save-settings"
                )))))
            },
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
                                    name: crate::t!(
                                        "connections-sandbox-name",
                                        system = p.to_string()
                                    ),
                                    provider: p,
                                    kind: EntryKind::Sandbox(emulator.connection(p)),
                                })
                                .collect();
                            Box::new((emulator, entries))
                        })
                        .map_err(|e| {
                            crate::t!("connections-sandbox-failed", error = e.to_string())
                        });
                TaskResult::Connections(Done::Sandbox(result))
            },
            || {
                TaskResult::Connections(Done::Sandbox(Err(crashed(&crate::t!(
                    "connections-crashed-sandbox"
                )))))
            },
        );
    }
}

/// A credential store's name as the user knows it, in atsdrop's languages
/// ([`StoreKind::label`] in English). Windows Credential Manager and macOS Keychain keep their
/// names.
#[must_use]
pub fn store_text(kind: StoreKind) -> Text {
    Text::new(match kind {
        StoreKind::WindowsCredentialManager | StoreKind::MacKeychain => {
            return Text::verbatim(kind.label());
        }
        StoreKind::SecretService => "account-store-secret-service",
        StoreKind::KernelKeyring => "account-store-kernel-keyring",
        StoreKind::ThisRunOnly => "account-store-memory",
    })
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
                .ok_or_else(|| crate::t!("connections-no-secret", name = &profile.name))?;
            profile.connection(secret)
        }
    };
    let client = providers::connect(&connection).map_err(|e| e.text().to_string())?;
    let limits = client.limits().await.map_err(|e| e.text().to_string())?;
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
