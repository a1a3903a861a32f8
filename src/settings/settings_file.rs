//! [`Settings`]: everything atsdrop remembers between runs, except secrets.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::recent::remember;
use super::{
    ConnectionProfile, MAX_RECENT_CANDIDATES, Preferences, RecentCandidate, SettingsError, lenient,
};

/// Everything saved in `settings.json`: connections (no secrets), the selected one, recent
/// candidates per connection and preferences. Load with [`Settings::load_or_recover`], save
/// with [`Settings::save`].
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "SettingsFile", into = "SettingsFile")]
pub struct Settings {
    /// Saved connections, in the order the user added them.
    pub connections: Vec<ConnectionProfile>,
    /// The id of the connection in use.
    pub selected_connection: Option<String>,
    /// Recent candidates per connection id, most recent first (see
    /// [`Settings::remember_candidate`]).
    pub recent_candidates: BTreeMap<String, Vec<RecentCandidate>>,
    /// Preferences.
    pub preferences: Preferences,
    /// What a newer atsdrop wrote that this one can't use, written back unchanged on save.
    kept: Kept,
}

/// Parts of the file this version doesn't understand.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct Kept {
    /// Connections that don't parse (a system this version doesn't know…).
    connections: Vec<Value>,
    /// Top-level fields this version doesn't know.
    fields: Map<String, Value>,
}

/// The file's shape: every field optional, each read on its own.
#[derive(Default, Serialize, Deserialize)]
#[serde(default)]
struct SettingsFile {
    // Not lenient: a `connections` that isn't a list makes the file damaged (moved aside)
    // rather than silently empty and then overwritten by the next save.
    connections: Vec<Value>,
    #[serde(deserialize_with = "lenient")]
    selected_connection: Option<String>,
    #[serde(deserialize_with = "lenient")]
    recent_candidates: BTreeMap<String, Vec<RecentCandidate>>,
    #[serde(deserialize_with = "lenient")]
    preferences: Preferences,
    #[serde(flatten)]
    unknown: Map<String, Value>,
}

impl From<SettingsFile> for Settings {
    fn from(file: SettingsFile) -> Self {
        let mut connections = Vec::new();
        let mut kept = Vec::new();
        for value in file.connections {
            match serde_json::from_value::<ConnectionProfile>(value.clone()) {
                Ok(profile) => connections.push(profile),
                Err(e) => {
                    tracing::warn!("keeping a saved connection this version can't read ({e})");
                    kept.push(value);
                }
            }
        }
        let mut recent_candidates = file.recent_candidates;
        for list in recent_candidates.values_mut() {
            list.truncate(MAX_RECENT_CANDIDATES);
        }
        Self {
            connections,
            selected_connection: file.selected_connection,
            recent_candidates,
            preferences: file.preferences,
            kept: Kept {
                connections: kept,
                fields: file.unknown,
            },
        }
    }
}

impl From<Settings> for SettingsFile {
    fn from(settings: Settings) -> Self {
        let mut connections: Vec<Value> = settings
            .connections
            .iter()
            .filter_map(|profile| serde_json::to_value(profile).ok())
            .collect();
        connections.extend(settings.kept.connections);
        Self {
            connections,
            selected_connection: settings.selected_connection,
            recent_candidates: settings.recent_candidates,
            preferences: settings.preferences,
            unknown: settings.kept.fields,
        }
    }
}

/// Names are unique ignoring case and surrounding spaces.
fn same_name(a: &str, b: &str) -> bool {
    a.trim().to_lowercase() == b.trim().to_lowercase()
}

impl Settings {
    /// The connection whose id is `name_or_id`, else the one with that name (ignoring case).
    #[must_use]
    pub fn find(&self, name_or_id: &str) -> Option<&ConnectionProfile> {
        let wanted = name_or_id.trim();
        self.connections
            .iter()
            .find(|p| p.id == wanted)
            .or_else(|| self.connections.iter().find(|p| same_name(&p.name, wanted)))
    }

    /// Like [`Settings::find`], but an error naming what was asked for when nothing matches.
    pub fn get(&self, name_or_id: &str) -> Result<&ConnectionProfile, SettingsError> {
        self.find(name_or_id)
            .ok_or_else(|| SettingsError::NoSuchConnection(name_or_id.trim().to_owned()))
    }

    /// The selected connection, if it still exists.
    #[must_use]
    pub fn selected(&self) -> Option<&ConnectionProfile> {
        let id = self.selected_connection.as_deref()?;
        self.connections.iter().find(|p| p.id == id)
    }

    /// Whether another connection (not `except_id`) already has this name, ignoring case.
    #[must_use]
    pub fn name_taken(&self, name: &str, except_id: Option<&str>) -> bool {
        self.connections
            .iter()
            .any(|p| Some(p.id.as_str()) != except_id && same_name(&p.name, name))
    }

    /// Adds a connection after tidying it (trimmed fields, default base URL) and checking it
    /// ([`ConnectionProfile::check`], a unique name, a unique id).
    pub fn add_connection(&mut self, mut profile: ConnectionProfile) -> Result<(), SettingsError> {
        profile.normalize();
        profile.check()?;
        if self.connections.iter().any(|p| p.id == profile.id) {
            return Err(SettingsError::DuplicateId { id: profile.id });
        }
        if self.name_taken(&profile.name, None) {
            return Err(SettingsError::DuplicateName { name: profile.name });
        }
        self.connections.push(profile);
        Ok(())
    }

    /// Replaces the connection with the same id, after the same tidying and checks as
    /// [`Settings::add_connection`]. The secret, kept under the id, is unaffected.
    pub fn update_connection(
        &mut self,
        mut profile: ConnectionProfile,
    ) -> Result<(), SettingsError> {
        profile.normalize();
        profile.check()?;
        if self.name_taken(&profile.name, Some(&profile.id)) {
            return Err(SettingsError::DuplicateName { name: profile.name });
        }
        let Some(slot) = self.connections.iter_mut().find(|p| p.id == profile.id) else {
            return Err(SettingsError::NoSuchConnection(profile.id));
        };
        *slot = profile;
        Ok(())
    }

    /// Removes the connection with this id, its recent candidates and its selection, and
    /// returns it. The caller deletes its secret from the credential store.
    pub fn remove_connection(&mut self, id: &str) -> Option<ConnectionProfile> {
        let index = self.connections.iter().position(|p| p.id == id)?;
        if self.selected_connection.as_deref() == Some(id) {
            self.selected_connection = None;
        }
        self.recent_candidates.remove(id);
        Some(self.connections.remove(index))
    }

    /// Puts `candidate` first in the connection's recent list: one entry per candidate id, at
    /// most [`MAX_RECENT_CANDIDATES`].
    pub fn remember_candidate(&mut self, profile_id: &str, candidate: RecentCandidate) {
        remember(
            self.recent_candidates
                .entry(profile_id.to_owned())
                .or_default(),
            candidate,
        );
    }

    /// The connection's recent candidates, most recent first.
    #[must_use]
    pub fn recent(&self, profile_id: &str) -> &[RecentCandidate] {
        self.recent_candidates
            .get(profile_id)
            .map_or(&[], Vec::as_slice)
    }
}
