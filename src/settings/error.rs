//! What can go wrong with settings, in one sentence each.

use std::path::PathBuf;

use super::ProfileProblem;

/// Settings could not be found, read, saved or changed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SettingsError {
    /// There is no home folder, so there is no OS config or data folder.
    #[error(
        "No home folder was found, so atsdrop doesn't know where to keep its files: set {variable} to a folder."
    )]
    NoHomeDir {
        /// The environment variable that would tell it (`ATSDROP_CONFIG_DIR`…).
        variable: &'static str,
    },
    /// The settings file exists but can't be read.
    #[error("The settings file {} can't be read ({reason}).", path.display())]
    Read {
        /// The file.
        path: PathBuf,
        /// Why, in plain words.
        reason: String,
    },
    /// The settings file is not valid settings (nothing was changed on disk).
    #[error(
        "The settings file {} is damaged ({reason}): fix it or move it away, then start atsdrop again.",
        path.display()
    )]
    Corrupt {
        /// The file.
        path: PathBuf,
        /// What is wrong with it.
        reason: String,
    },
    /// The settings file was damaged; it was moved aside and default settings are used.
    #[error(
        "The settings file {} was damaged ({reason}), so it was moved aside to {} and default settings are used.",
        path.display(),
        moved_to.display()
    )]
    Recovered {
        /// Where the file was.
        path: PathBuf,
        /// Where it is now (`settings.json.bad-<timestamp>`).
        moved_to: PathBuf,
        /// What was wrong with it.
        reason: String,
    },
    /// The damaged settings file could not be moved aside; it was left where it is.
    #[error(
        "The settings file {} is damaged ({reason}) and couldn't be moved aside ({move_reason}): move it away by hand, then start atsdrop again.",
        path.display()
    )]
    Unrecoverable {
        /// The file.
        path: PathBuf,
        /// What is wrong with it.
        reason: String,
        /// Why it couldn't be moved.
        move_reason: String,
    },
    /// Saving failed; the previous file, if any, is unchanged.
    #[error("The settings can't be saved to {} ({reason}).", path.display())]
    Write {
        /// The file.
        path: PathBuf,
        /// Why, in plain words.
        reason: String,
    },
    /// A connection profile is incomplete or wrong.
    #[error("{0}")]
    InvalidProfile(ProfileProblem),
    /// Another connection already has this name (names are compared ignoring case).
    #[error("A connection named \u{201c}{name}\u{201d} already exists: choose another name.")]
    DuplicateName {
        /// The name asked for.
        name: String,
    },
    /// Another connection already has this id.
    #[error("A connection with the id {id} already exists.")]
    DuplicateId {
        /// The id.
        id: String,
    },
    /// No saved connection has this name or id.
    #[error(
        "There is no saved connection named \u{201c}{0}\u{201d}: add it in the app, or check the name."
    )]
    NoSuchConnection(String),
}
