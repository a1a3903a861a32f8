//! Where atsdrop keeps its files.
//!
//! | | Linux | macOS | Windows |
//! | --- | --- | --- | --- |
//! | [`config_dir`] | `~/.config/atsdrop` | `~/Library/Application Support/atsdrop` | `%APPDATA%\atsdrop\config` |
//! | [`data_dir`] | `~/.local/share/atsdrop` | `~/Library/Application Support/atsdrop` | `%LOCALAPPDATA%\atsdrop\data` |
//!
//! (`$XDG_CONFIG_HOME` / `$XDG_DATA_HOME` are honoured on Linux.) The environment variables
//! [`CONFIG_DIR_ENV`] and [`DATA_DIR_ENV`] override them, for tests and portable installs.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

use directories::ProjectDirs;

use super::SettingsError;

/// Overrides [`config_dir`] when set to a non-empty path.
pub const CONFIG_DIR_ENV: &str = "ATSDROP_CONFIG_DIR";

/// Overrides [`data_dir`] when set to a non-empty path.
pub const DATA_DIR_ENV: &str = "ATSDROP_DATA_DIR";

/// The folder for settings (`settings.json`): `$ATSDROP_CONFIG_DIR`, else the OS config folder.
/// It may not exist yet; [`super::Settings::save`] creates it.
pub fn config_dir() -> Result<PathBuf, SettingsError> {
    resolve(CONFIG_DIR_ENV, std::env::var_os(CONFIG_DIR_ENV), |dirs| {
        dirs.config_dir()
    })
}

/// The folder for data (the upload journal): `$ATSDROP_DATA_DIR`, else the OS data folder.
///
/// On Windows this is the *local* (non-roaming) app data folder: the journal names files on
/// this computer and grows, so it shouldn't follow a roaming profile. It may not exist yet.
pub fn data_dir() -> Result<PathBuf, SettingsError> {
    resolve(DATA_DIR_ENV, std::env::var_os(DATA_DIR_ENV), |dirs| {
        dirs.data_local_dir()
    })
}

/// atsdrop's work folder, `<data>/work`: fixed copies and the attachments taken from mails
/// live there until they are uploaded (never next to the user's own files).
pub fn work_dir() -> Result<PathBuf, SettingsError> {
    Ok(data_dir()?.join("work"))
}

/// The override if it is set and not empty, else the OS folder `pick` chooses.
fn resolve(
    variable: &'static str,
    value: Option<OsString>,
    pick: fn(&ProjectDirs) -> &Path,
) -> Result<PathBuf, SettingsError> {
    if let Some(value) = value.filter(|v| !v.is_empty()) {
        return Ok(PathBuf::from(value));
    }
    ProjectDirs::from("", "", "atsdrop")
        .map(|dirs| pick(&dirs).to_path_buf())
        .ok_or(SettingsError::NoHomeDir { variable })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn override_wins_and_empty_is_ignored() {
        let dir = resolve(CONFIG_DIR_ENV, Some("/tmp/portable".into()), |d| {
            d.config_dir()
        })
        .unwrap();
        assert_eq!(dir, PathBuf::from("/tmp/portable"));

        // Empty means unset: the OS folder, or the "no home" error naming the variable.
        match resolve(DATA_DIR_ENV, Some(OsString::new()), |d| d.data_local_dir()) {
            Ok(dir) => assert!(dir.ends_with("atsdrop") || dir.ends_with("data")),
            Err(e) => assert!(e.to_string().contains(DATA_DIR_ENV)),
        }
    }
}
