//! The add/edit connection form and its save flow: testing the form's connection, storing its
//! secret off the UI thread, and putting the profile into the settings.

use crate::credentials::{self, CredentialError};
use std::collections::BTreeMap;

use crate::i18n::Text;
use crate::model::{AccountIds, ProviderId, Secret};
use crate::providers;
use crate::settings::{
    ConnectionProfile, ProfileField, ProfileProblem, SecretStorage, SettingsError,
};

use super::connections::Done;
use super::{App, TaskResult, crashed};

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
    /// The account fields as typed, by the key the system declares (see
    /// [`crate::model::AccountShape`]); a value typed for another system is kept while the user
    /// switches back and forth, and dropped when saving.
    pub ids: BTreeMap<&'static str, String>,
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
    pub(super) fn new(provider: ProviderId) -> Self {
        Self {
            editing: None,
            name: String::new(),
            provider,
            base_url: provider.profile().default_base_url.to_owned(),
            ids: BTreeMap::new(),
            secret: String::new(),
            problems: Vec::new(),
            test: None,
            testing: None,
            saving: None,
            keyring_unavailable: None,
        }
    }

    pub(super) fn of(profile: &ConnectionProfile) -> Self {
        Self {
            editing: Some(profile.id.clone()),
            name: profile.name.clone(),
            provider: profile.provider,
            base_url: profile.base_url.clone(),
            ids: profile
                .provider
                .profile()
                .account
                .fields
                .iter()
                .map(|f| (f.key, profile.ids.get(f.key).unwrap_or_default().to_owned()))
                .collect(),
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
        ConnectionProfile {
            id,
            name: self.name.trim().to_owned(),
            provider: self.provider,
            base_url: self.base_url.trim().to_owned(),
            ids: self
                .provider
                .profile()
                .account
                .fields
                .iter()
                .fold(AccountIds::new(), |ids, f| {
                    ids.with(f.key, self.ids.get(f.key).map_or("", String::as_str))
                }),
            secret_storage: storage,
        }
    }

    /// What the secret is called for this system ("API key", "Client secret"), in the
    /// current language when shown.
    #[must_use]
    pub fn secret_label(&self) -> Text {
        self.provider.profile().account.secret.label_text()
    }

    /// The typed value of an account field, for the form to edit.
    pub fn id_mut(&mut self, key: &'static str) -> &mut String {
        self.ids.entry(key).or_default()
    }

    /// A test or save is running.
    #[must_use]
    pub fn is_busy(&self) -> bool {
        self.testing.is_some() || self.saving.is_some()
    }

    /// What the secret is called inside a sentence ("API key", "client secret"), in the
    /// current language when shown.
    #[must_use]
    pub fn secret_noun(&self) -> Text {
        self.provider.profile().account.secret.noun_text()
    }
}

impl App {
    pub(super) fn test_form(&mut self) {
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
            .filter(|p| p.field != ProfileField::Name)
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
                        result: Err(crate::t!(
                            "connection-form-enter-secret-to-test",
                            noun = secret_noun
                        )),
                    });
                };
                let connection = profile.connection(secret);
                let result = match providers::connect(&connection) {
                    Ok(client) => client
                        .check_connection()
                        .await
                        .map_err(|e| e.text().to_string()),
                    Err(e) => Err(e.text().to_string()),
                };
                TaskResult::Connections(Done::Tested { request, result })
            },
            move || {
                TaskResult::Connections(Done::Tested {
                    request,
                    result: Err(crashed(&crate::t!("connection-form-crashed-test"))),
                })
            },
        );
    }

    pub(super) fn save_form(&mut self, keep_for_run: bool) {
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
            problems.push(ProfileProblem::new(
                ProfileField::Name,
                crate::text!("connection-form-name-taken", name = &profile.name),
            ));
        }
        let secret = Some(form.secret.clone())
            .filter(|s| !s.trim().is_empty())
            .map(Secret::new);
        if secret.is_none() && existing.is_none() {
            form.problems = problems;
            form.problems.push(ProfileProblem::new(
                ProfileField::Name,
                crate::text!("connection-form-enter-secret", noun = form.secret_noun()),
            ));
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
        let Some(store) = self.store_for(&profile) else {
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
                    result: Err(CredentialError::Platform(crashed(&crate::t!(
                        "connection-form-crashed-store-secret"
                    )))),
                })
            },
        );
    }

    /// The secret of a profile being saved was stored (or not): finish the save.
    pub(super) fn secret_stored(
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
            form.keyring_unavailable = Some(crate::t!(
                "connection-form-keyring-unavailable",
                error = e.to_string()
            ));
            return;
        }
        form.secret.clear();
        let id = profile.id.clone();
        if let Err(e) = self.store_profile(editing, profile) {
            if let Some(form) = &mut self.connections.form {
                form.problems = vec![match e {
                    SettingsError::InvalidProfile(problem) => problem,
                    other => ProfileProblem::new(ProfileField::Name, other.text()),
                }];
            }
            return;
        }
        self.connections.form = None;
        self.connections.live.remove(&id);
        self.save_settings();
        self.toasts.success(crate::t!("connection-form-saved"));
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
            self.toasts.error(crate::t!(
                "connection-form-not-saved",
                name = &name,
                error = e.to_string()
            ));
            return;
        }
        let id = profile.id.clone();
        if let Err(e) = self.store_profile(editing, profile) {
            self.toasts.error(crate::t!(
                "connection-form-not-saved",
                name = &name,
                error = e.text()
            ));
            return;
        }
        self.connections.live.remove(&id);
        self.save_settings();
        self.toasts
            .success(crate::t!("connection-form-saved-named", name = &name));
        if self.connections.selected.as_deref() == Some(id.as_str()) {
            self.select_connection(&id);
        }
    }

    /// Puts a saved profile into the settings (not yet written).
    fn store_profile(
        &mut self,
        editing: bool,
        profile: ConnectionProfile,
    ) -> Result<(), SettingsError> {
        if editing {
            self.connections.settings.update_connection(profile)
        } else {
            self.connections.settings.add_connection(profile)
        }
    }
}
