//! [`expand`]: files and folders (searched recursively) into the list of files to check, and
//! everything left out with the reason why. Nothing vanishes silently.

use std::collections::HashSet;
use std::fmt;
use std::fs::{self, Metadata};
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

use super::error::plain_reason;
use super::junk::is_junk;
use crate::i18n::Text;

/// The files found, in a stable order (as given; inside folders sorted by name, depth first),
/// and everything left out.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Expansion {
    /// Regular files to inspect.
    pub files: Vec<PathBuf>,
    /// Paths left out, each with the reason.
    pub skipped: Vec<Skipped>,
}

/// A path left out of an [`Expansion`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Skipped {
    /// The path, as given or as found inside a folder.
    pub path: PathBuf,
    /// Why it was left out.
    pub reason: SkipReason,
}

/// Why a path was left out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SkipReason {
    /// A file or folder the operating system or an office program makes for itself
    /// (`.DS_Store`, `Thumbs.db`, `~$` lock files, `__MACOSX`): expected, not a problem.
    Junk,
    /// The same file or folder was reached twice (given twice, or through a link): it is
    /// checked once.
    Duplicate,
    /// A path given directly does not exist.
    NotFound,
    /// A symbolic link pointing at something that doesn't exist.
    BrokenLink,
    /// A symbolic link leading back into a folder that contains it (or to itself).
    SymlinkLoop,
    /// A folder whose contents can't be listed.
    UnreadableFolder(String),
    /// An entry whose type or target can't be read.
    Unreadable(String),
    /// A file name that is not valid UTF-8, which no recruiting system can store.
    NonUtf8Name,
    /// A device, pipe or socket.
    NotARegularFile,
    /// The search stopped here: more entries than [`MAX_ENTRIES`] were met.
    TooMany(usize),
    /// The search was cancelled before this folder was finished.
    Cancelled,
    /// Something about an e-mail that was opened into its attachments: a part left out (an
    /// inline logo, a part too large), or the mail itself unreadable or empty.
    InMail {
        /// The whole sentence, in any language.
        text: Text,
        /// The same in the language current when the mail was opened (what a command prints
        /// for people; `--json` output and logs take [`Skipped::message`]).
        sentence: String,
        /// Whether it needs no action (an inline picture).
        expected: bool,
    },
}

impl SkipReason {
    /// Whether leaving the path out is expected and needs no action (junk, duplicates).
    /// Everything else counts as a refused file.
    #[must_use]
    pub fn is_expected(&self) -> bool {
        match self {
            Self::Junk | Self::Duplicate | Self::Cancelled => true,
            Self::InMail { expected, .. } => *expected,
            _ => false,
        }
    }

    /// Whether it is worth listing although expected (what a mail left out is; junk is only
    /// counted).
    #[must_use]
    pub fn is_listed(&self) -> bool {
        !self.is_expected() || matches!(self, Self::InMail { .. })
    }
}

impl SkipReason {
    /// The stable code scripts match on (`--json` output): the same in every language.
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            Self::Junk => "system_file",
            Self::Duplicate => "duplicate",
            Self::NotFound => "not_found",
            Self::BrokenLink => "broken_link",
            Self::SymlinkLoop => "link_loop",
            Self::UnreadableFolder(_) => "unreadable_folder",
            Self::Unreadable(_) => "unreadable",
            Self::NonUtf8Name => "name_not_utf8",
            Self::NotARegularFile => "not_a_regular_file",
            Self::TooMany(_) => "too_many_entries",
            Self::Cancelled => "cancelled",
            Self::InMail { .. } => "in_mail",
        }
    }
}

impl Skipped {
    /// One sentence naming the path, what is wrong and what to do (in English, as `--json`
    /// output and logs carry it; [`Skipped::text`] in any language).
    #[must_use]
    pub fn message(&self) -> String {
        self.text().english()
    }

    /// [`Skipped::message`] in any language.
    #[must_use]
    pub fn text(&self) -> Text {
        let path = self.path.display().to_string();
        match &self.reason {
            SkipReason::Junk => crate::text!("skip-junk", path = path),
            SkipReason::Duplicate => crate::text!("skip-duplicate", path = path),
            SkipReason::NotFound => crate::text!("skip-not-found", path = path),
            SkipReason::BrokenLink => crate::text!("skip-broken-link", path = path),
            SkipReason::SymlinkLoop => crate::text!("skip-link-loop", path = path),
            SkipReason::UnreadableFolder(reason) => {
                crate::text!("skip-unreadable-folder", path = path, reason = reason)
            }
            SkipReason::Unreadable(reason) => {
                crate::text!("skip-unreadable", path = path, reason = reason)
            }
            SkipReason::NonUtf8Name => crate::text!("skip-name-not-utf8", path = path),
            SkipReason::TooMany(limit) => {
                crate::text!("skip-too-many", path = path, limit = *limit)
            }
            SkipReason::Cancelled => crate::text!("skip-cancelled", path = path),
            SkipReason::InMail { text, .. } => {
                crate::text!("skip-in-mail", sentence = text.clone())
            }
            SkipReason::NotARegularFile => crate::text!("skip-not-a-regular-file", path = path),
        }
    }
}

impl fmt::Display for Skipped {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.text().fmt(f)
    }
}

/// Expands `paths` into regular files: folders are searched recursively (sorted by name),
/// symbolic links are followed, OS junk inside folders is left out. Never fails as a whole:
/// every path that is not returned as a file is in [`Expansion::skipped`] with its reason.
///
/// A junk name given directly (not found inside a folder) is taken as asked for.
#[must_use]
pub fn expand(paths: &[PathBuf]) -> Expansion {
    expand_until(paths, MAX_ENTRIES, &AtomicBool::new(false))
}

/// The most entries (files, folders, anything left out) one expansion looks at: enough for any
/// real set of candidate files, and a stop for a wrongly dropped home folder or disk.
pub const MAX_ENTRIES: usize = 100_000;

/// [`expand`], looking at no more than `limit` entries and stopping when `cancel` is set (the
/// user cancelled): where it stops is in [`Expansion::skipped`] with the reason.
#[must_use]
pub fn expand_until(paths: &[PathBuf], limit: usize, cancel: &AtomicBool) -> Expansion {
    let mut walker = Walker {
        limit,
        cancel: Some(cancel),
        ..Walker::default()
    };
    for path in paths {
        if walker.stopped {
            break;
        }
        walker.given(path);
    }
    walker.expansion
}

#[derive(Default)]
struct Walker<'a> {
    /// The most entries looked at.
    limit: usize,
    /// Entries looked at so far.
    seen: usize,
    /// The search stopped (limit or cancel): nothing more is looked at.
    stopped: bool,
    cancel: Option<&'a AtomicBool>,
    expansion: Expansion,
    /// Canonical paths of files already listed.
    files: HashSet<PathBuf>,
    /// Canonical paths of folders already searched.
    folders: HashSet<PathBuf>,
    /// Canonical paths of the folders being searched, outermost first.
    ancestors: Vec<PathBuf>,
}

/// Whether `error` says a chain of symbolic links loops (`ELOOP`).
fn is_loop(error: &io::Error) -> bool {
    // `io::ErrorKind::FilesystemLoop` is not stable yet; its name is.
    format!("{:?}", error.kind()) == "FilesystemLoop"
}

impl Walker<'_> {
    /// Counts one more entry; `false` (and where it stopped noted) when the search must stop.
    fn next_entry(&mut self, at: &Path) -> bool {
        if self.stopped {
            return false;
        }
        if self.cancel.is_some_and(|c| c.load(Ordering::Relaxed)) {
            self.stopped = true;
            self.skip(at, SkipReason::Cancelled);
            return false;
        }
        self.seen += 1;
        if self.seen > self.limit {
            self.stopped = true;
            self.skip(at, SkipReason::TooMany(self.limit));
            return false;
        }
        true
    }

    fn skip(&mut self, path: &Path, reason: SkipReason) {
        self.expansion.skipped.push(Skipped {
            path: path.to_path_buf(),
            reason,
        });
    }

    /// A path given by the user.
    fn given(&mut self, path: &Path) {
        let meta = match fs::symlink_metadata(path) {
            Ok(meta) => meta,
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                return self.skip(path, SkipReason::NotFound);
            }
            Err(e) => return self.skip(path, SkipReason::Unreadable(plain_reason(&e))),
        };
        let Some(meta) = self.follow(path, meta) else {
            return;
        };
        let canonical = fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        self.entry(path, &meta, canonical);
    }

    /// The metadata of what `path` points to, if it is a link; `None` (and the path skipped)
    /// when the link is broken or loops.
    fn follow(&mut self, path: &Path, meta: Metadata) -> Option<Metadata> {
        if !meta.file_type().is_symlink() {
            return Some(meta);
        }
        match fs::metadata(path) {
            Ok(target) => Some(target),
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                self.skip(path, SkipReason::BrokenLink);
                None
            }
            Err(e) if is_loop(&e) => {
                self.skip(path, SkipReason::SymlinkLoop);
                None
            }
            Err(e) => {
                self.skip(path, SkipReason::Unreadable(plain_reason(&e)));
                None
            }
        }
    }

    /// A file or folder (links already followed) whose canonical path is `canonical`.
    fn entry(&mut self, path: &Path, meta: &Metadata, canonical: PathBuf) {
        if meta.is_dir() {
            self.folder(path, &canonical);
        } else if meta.is_file() {
            self.file(path, canonical);
        } else {
            self.skip(path, SkipReason::NotARegularFile);
        }
    }

    fn file(&mut self, path: &Path, canonical: PathBuf) {
        // The whole path, not only the name: a folder's name can be invalid too, and a path
        // that is not UTF-8 can't be journaled or sent.
        if path.to_str().is_none() {
            return self.skip(path, SkipReason::NonUtf8Name);
        }
        if !self.files.insert(canonical) {
            return self.skip(path, SkipReason::Duplicate);
        }
        self.expansion.files.push(path.to_path_buf());
    }

    fn folder(&mut self, path: &Path, canonical: &Path) {
        if self.ancestors.iter().any(|a| a == canonical) {
            return self.skip(path, SkipReason::SymlinkLoop);
        }
        if !self.folders.insert(canonical.to_path_buf()) {
            return self.skip(path, SkipReason::Duplicate);
        }
        let mut entries = Vec::new();
        match fs::read_dir(path) {
            Ok(listing) => {
                for entry in listing {
                    match entry {
                        Ok(entry) => entries.push(entry),
                        Err(e) => {
                            self.skip(path, SkipReason::UnreadableFolder(plain_reason(&e)));
                            break;
                        }
                    }
                }
            }
            Err(e) => return self.skip(path, SkipReason::UnreadableFolder(plain_reason(&e))),
        }
        entries.sort_by_key(fs::DirEntry::file_name);

        self.ancestors.push(canonical.to_path_buf());
        for entry in entries {
            let name = entry.file_name();
            let child = entry.path();
            if !self.next_entry(path) {
                break;
            }
            let file_type = match entry.file_type() {
                Ok(file_type) => file_type,
                Err(e) => {
                    self.skip(&child, SkipReason::Unreadable(plain_reason(&e)));
                    continue;
                }
            };
            if is_junk(&name, file_type.is_dir()) {
                self.skip(&child, SkipReason::Junk);
                continue;
            }
            if file_type.is_symlink() {
                let meta = match fs::symlink_metadata(&child) {
                    Ok(meta) => meta,
                    Err(e) => {
                        self.skip(&child, SkipReason::Unreadable(plain_reason(&e)));
                        continue;
                    }
                };
                let Some(target) = self.follow(&child, meta) else {
                    continue;
                };
                let target_path = fs::canonicalize(&child).unwrap_or_else(|_| child.clone());
                self.entry(&child, &target, target_path);
            } else if file_type.is_dir() {
                self.folder(&child, &canonical.join(&name));
            } else if file_type.is_file() {
                self.file(&child, canonical.join(&name));
            } else {
                self.skip(&child, SkipReason::NotARegularFile);
            }
        }
        self.ancestors.pop();
    }
}
