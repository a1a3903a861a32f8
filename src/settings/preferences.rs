//! How the app looks and behaves.

use serde::{Deserialize, Serialize};

use super::lenient;

/// Light, dark, or whatever the OS uses.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ThemePreference {
    /// Follow the OS.
    #[default]
    System,
    /// Always light.
    Light,
    /// Always dark.
    Dark,
}

/// The user's preferences.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Preferences {
    /// Light, dark or system theme.
    #[serde(deserialize_with = "lenient")]
    pub theme: ThemePreference,
    /// Upload a file even when the candidate already has one with the same name and size
    /// (default: no, flag it first).
    #[serde(deserialize_with = "lenient")]
    pub upload_duplicates: bool,
}
