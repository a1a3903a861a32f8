//! Reading and writing `settings.json`: atomic saves, and damaged files moved aside, never lost.

use std::fs::{self, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::SystemTime;

use super::{Settings, SettingsError, config_dir};
use crate::inspect::plain_reason;

/// What [`Settings::load_or_recover`] found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Loaded {
    /// The settings to use.
    pub settings: Settings,
    /// [`SettingsError::Recovered`] when the file was damaged and moved aside: show it to the
    /// user once.
    pub recovered: Option<SettingsError>,
}

/// The settings file's name in [`config_dir`].
const FILE_NAME: &str = "settings.json";

impl Settings {
    /// `config_dir()/settings.json`.
    pub fn default_path() -> Result<PathBuf, SettingsError> {
        Ok(config_dir()?.join(FILE_NAME))
    }

    /// Reads settings from `path`; a missing file gives the defaults. A damaged file is an
    /// error and is left untouched (see [`Settings::load_or_recover`]).
    pub fn load(path: &Path) -> Result<Settings, SettingsError> {
        let bytes = match fs::read(path) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Settings::default()),
            Err(e) => {
                return Err(SettingsError::Read {
                    path: path.to_owned(),
                    reason: plain_reason(&e),
                });
            }
        };
        serde_json::from_slice(&bytes).map_err(|e| SettingsError::Corrupt {
            path: path.to_owned(),
            reason: json_reason(&e),
        })
    }

    /// Like [`Settings::load`], but a damaged file is renamed to
    /// `settings.json.bad-<UTC timestamp>` beside it and the defaults are used, with
    /// [`Loaded::recovered`] saying so. The user's file is never deleted or overwritten: if it
    /// can't be read at all, or can't be moved aside, this returns the error and changes
    /// nothing — the caller should then run with defaults **without saving**.
    pub fn load_or_recover(path: &Path) -> Result<Loaded, SettingsError> {
        let reason = match Self::load(path) {
            Ok(settings) => {
                return Ok(Loaded {
                    settings,
                    recovered: None,
                });
            }
            Err(SettingsError::Corrupt { reason, .. }) => reason,
            Err(other) => return Err(other),
        };
        let moved_to = move_aside(path).map_err(|e| SettingsError::Unrecoverable {
            path: path.to_owned(),
            reason: reason.clone(),
            move_reason: plain_reason(&e),
        })?;
        let recovered = SettingsError::Recovered {
            path: path.to_owned(),
            moved_to,
            reason,
        };
        tracing::warn!("{recovered}");
        Ok(Loaded {
            settings: Settings::default(),
            recovered: Some(recovered),
        })
    }

    /// Writes the settings to `path` atomically: a temporary file in the same folder is
    /// written, flushed to disk and renamed over `path`, so a crash leaves either the old file
    /// or the new one. Creates the folder if needed.
    pub fn save(&self, path: &Path) -> Result<(), SettingsError> {
        let failed = |e: &io::Error| SettingsError::Write {
            path: path.to_owned(),
            reason: plain_reason(e),
        };
        let mut json = serde_json::to_vec_pretty(self).map_err(|e| SettingsError::Write {
            path: path.to_owned(),
            reason: e.to_string(),
        })?;
        json.push(b'\n');
        let dir = parent_dir(path);
        fs::create_dir_all(dir).map_err(|e| failed(&e))?;
        let temp = temp_path(path);
        let written = write_synced(&temp, &json).and_then(|()| fs::rename(&temp, path));
        if let Err(e) = written {
            // Best effort: the temp file is ours and useless now.
            let _ = fs::remove_file(&temp);
            return Err(failed(&e));
        }
        sync_dir(dir);
        Ok(())
    }
}

/// The folder a file is in (`.` for a bare file name).
fn parent_dir(path: &Path) -> &Path {
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    }
}

/// A fresh name beside `path`: `.settings.json.tmp-<pid>-<n>`.
fn temp_path(path: &Path) -> PathBuf {
    static NEXT: AtomicU64 = AtomicU64::new(0);
    let n = NEXT.fetch_add(1, Ordering::Relaxed);
    let name = path
        .file_name()
        .map_or_else(|| FILE_NAME.into(), |n| n.to_string_lossy());
    parent_dir(path).join(format!(".{name}.tmp-{}-{n}", std::process::id()))
}

/// Creates `path` (never reusing an existing file), writes `bytes` and flushes them to disk.
fn write_synced(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut file = OpenOptions::new().write(true).create_new(true).open(path)?;
    file.write_all(bytes)?;
    file.sync_all()
}

/// Flushes a folder's entries (the rename) to disk where the OS allows it.
fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Err(e) = fs::File::open(dir).and_then(|d| d.sync_all()) {
        tracing::debug!("could not flush {}: {e}", dir.display());
    }
    // Windows can't open a folder as a file; its rename is already durable enough.
    #[cfg(not(unix))]
    let _ = dir;
}

/// Renames a damaged file to `<name>.bad-<UTC timestamp>` (plus `-2`, `-3`… if taken) beside it.
fn move_aside(path: &Path) -> io::Result<PathBuf> {
    let name = path
        .file_name()
        .map_or_else(|| FILE_NAME.into(), |n| n.to_string_lossy());
    // `2025-01-31T09:05:00Z` → `20250131T090500Z`: no colons, which Windows forbids.
    let stamp: String = humantime::format_rfc3339_seconds(SystemTime::now())
        .to_string()
        .chars()
        .filter(|c| !matches!(c, '-' | ':'))
        .collect();
    let base = format!("{name}.bad-{stamp}");
    let dir = parent_dir(path);
    let mut target = dir.join(&base);
    let mut n = 1;
    while fs::symlink_metadata(&target).is_ok() {
        n += 1;
        target = dir.join(format!("{base}-{n}"));
    }
    fs::rename(path, &target)?;
    Ok(target)
}

/// A JSON error as a short phrase: `expected value at line 1 column 1`.
fn json_reason(error: &serde_json::Error) -> String {
    match error.classify() {
        serde_json::error::Category::Eof if error.line() <= 1 && error.column() == 0 => {
            "it is empty".to_owned()
        }
        _ => error.to_string(),
    }
}
