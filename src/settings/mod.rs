//! Connection profiles and preferences (never secrets), kept in `settings.json` under the OS
//! config directory, and the app's directory helpers.
//!
//! - [`paths`]: [`config_dir`] and [`data_dir`] (overridable with `ATSDROP_CONFIG_DIR` and
//!   `ATSDROP_DATA_DIR`).
//! - [`ConnectionProfile`]: one saved connection; its id is the keyring account of its secret
//!   (see [`crate::credentials`]).
//! - [`Settings`]: everything saved, with [`Settings::load_or_recover`] (a damaged file is moved
//!   aside, never lost) and [`Settings::save`] (atomic: temp file, fsync, rename).
//!
//! Files written by a newer atsdrop keep loading: unknown fields are ignored (and kept when
//! saving), a value this version can't read falls back to its default, and a connection to a
//! system this version doesn't know is kept in the file untouched.

mod error;
pub mod paths;
mod persist;
mod preferences;
mod profile;
mod recent;
mod settings_file;

pub use error::SettingsError;
pub use paths::{config_dir, data_dir, work_dir};
pub use persist::Loaded;
pub use preferences::{Preferences, ThemePreference, parse_domains};
pub use profile::{ConnectionProfile, ProfileField, ProfileProblem, SecretStorage};
pub use recent::{MAX_RECENT_CANDIDATES, RecentCandidate};
pub use settings_file::Settings;

/// Deserializes a value leniently: anything this version can't read becomes the default,
/// so a newer file (a new theme name, a reshaped field) doesn't make the whole file unreadable.
fn lenient<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: serde::Deserializer<'de>,
    T: serde::de::DeserializeOwned + Default,
{
    let value = <serde_json::Value as serde::Deserialize>::deserialize(deserializer)?;
    Ok(serde_json::from_value(value).unwrap_or_default())
}
