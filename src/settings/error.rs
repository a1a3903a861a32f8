//! What can go wrong with settings, in one sentence each.

use std::fmt;
use std::path::{Path, PathBuf};

use super::ProfileProblem;
use crate::i18n::Text;

/// Settings could not be found, read, saved or changed. Its `Display` is English (logs and
/// `--json` carry it); [`SettingsError::text`] says it in any language.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SettingsError {
    /// There is no home folder, so there is no OS config or data folder.
    NoHomeDir {
        /// The environment variable that would tell it (`ATSDROP_CONFIG_DIR`…).
        variable: &'static str,
    },
    /// The settings file exists but can't be read.
    Read {
        /// The file.
        path: PathBuf,
        /// Why, in plain words.
        reason: String,
    },
    /// The settings file is not valid settings (nothing was changed on disk).
    Corrupt {
        /// The file.
        path: PathBuf,
        /// What is wrong with it.
        reason: String,
    },
    /// The settings file was damaged; it was moved aside and default settings are used.
    Recovered {
        /// Where the file was.
        path: PathBuf,
        /// Where it is now (`settings.json.bad-<timestamp>`).
        moved_to: PathBuf,
        /// What was wrong with it.
        reason: String,
    },
    /// The damaged settings file could not be moved aside; it was left where it is.
    Unrecoverable {
        /// The file.
        path: PathBuf,
        /// What is wrong with it.
        reason: String,
        /// Why it couldn't be moved.
        move_reason: String,
    },
    /// Saving failed; the previous file, if any, is unchanged.
    Write {
        /// The file.
        path: PathBuf,
        /// Why, in plain words.
        reason: String,
    },
    /// A connection profile is incomplete or wrong.
    InvalidProfile(ProfileProblem),
    /// Another connection already has this name (names are compared ignoring case).
    DuplicateName {
        /// The name asked for.
        name: String,
    },
    /// Another connection already has this id.
    DuplicateId {
        /// The id.
        id: String,
    },
    /// No saved connection has this name or id.
    NoSuchConnection(String),
}

impl fmt::Display for SettingsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text().english())
    }
}

impl SettingsError {
    /// The sentence, in any language.
    #[must_use]
    pub fn text(&self) -> Text {
        match self {
            Self::NoHomeDir { variable } => crate::text!("settings-no-home", variable = *variable),
            Self::Read { path, reason } => crate::text!(
                "settings-read",
                path = shown(path),
                reason = reason_text(reason)
            ),
            Self::Corrupt { path, reason } => crate::text!(
                "settings-corrupt",
                path = shown(path),
                reason = reason_text(reason)
            ),
            Self::Recovered {
                path,
                moved_to,
                reason,
            } => crate::text!(
                "settings-recovered",
                path = shown(path),
                reason = reason_text(reason),
                moved = shown(moved_to)
            ),
            Self::Unrecoverable {
                path,
                reason,
                move_reason,
            } => crate::text!(
                "settings-unrecoverable",
                path = shown(path),
                reason = reason_text(reason),
                why = reason_text(move_reason)
            ),
            Self::Write { path, reason } => crate::text!(
                "settings-write",
                path = shown(path),
                reason = reason_text(reason)
            ),
            Self::InvalidProfile(problem) => problem.text(),
            Self::DuplicateName { name } => crate::text!("settings-duplicate-name", name = name),
            Self::DuplicateId { id } => crate::text!("settings-duplicate-id", id = id),
            Self::NoSuchConnection(name) => {
                crate::text!("settings-no-such-connection", name = name)
            }
        }
    }
}

fn shown(path: &Path) -> String {
    path.display().to_string()
}

/// A reason as a phrase in atsdrop's languages: the ones atsdrop writes itself (an empty file,
/// [`crate::inspect::plain_reason`]'s) are translated, any other (the OS's, the JSON reader's)
/// stays as it is.
fn reason_text(reason: &str) -> Text {
    Text::new(match reason {
        "it is empty" => "settings-reason-empty",
        "it doesn't exist" => "settings-reason-not-found",
        "permission denied" => "settings-reason-permission-denied",
        "it is a folder" => "settings-reason-is-a-folder",
        "a part of its path is not a folder" => "settings-reason-not-a-folder",
        _ => return Text::verbatim(reason),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn sentences_are_english_in_display_and_translated_in_text() {
        let path = PathBuf::from("/home/jo/.config/atsdrop/settings.json");
        let recovered = SettingsError::Recovered {
            path: path.clone(),
            moved_to: path.with_extension("json.bad-20260101T000000Z"),
            reason: "it is empty".into(),
        };
        assert_eq!(
            recovered.to_string(),
            "The settings file /home/jo/.config/atsdrop/settings.json was damaged (it is empty), \
             so it was moved aside to /home/jo/.config/atsdrop/settings.json.bad-20260101T000000Z \
             and default settings are used."
        );
        let dutch = recovered.text().render_in(Lang::Nl);
        assert!(dutch.contains("(het is leeg)"), "{dutch}");
        let write = SettingsError::Write {
            path,
            reason: "permission denied".into(),
        };
        assert_eq!(
            write.to_string(),
            "The settings can't be saved to /home/jo/.config/atsdrop/settings.json (permission denied)."
        );
        assert!(
            write
                .text()
                .render_in(Lang::De)
                .contains("Zugriff verweigert")
        );
        let duplicate = SettingsError::DuplicateName {
            name: "Acme".into(),
        };
        assert_eq!(
            duplicate.to_string(),
            "A connection named \u{201c}Acme\u{201d} already exists: choose another name."
        );
        // A reason atsdrop did not write stays as it is.
        let corrupt = SettingsError::Corrupt {
            path: PathBuf::from("s.json"),
            reason: "expected value at line 1 column 1".into(),
        };
        assert!(
            corrupt
                .text()
                .render_in(Lang::Nl)
                .contains("(expected value at line 1 column 1)")
        );
    }
}
