//! [`expand`]: files and folders (searched recursively) into the list of files to check, and
//! everything left out with the reason why. Nothing vanishes silently.

use std::collections::HashSet;
use std::fmt;
use std::fs::{self, Metadata};
use std::io;
use std::path::{Path, PathBuf};

use super::error::plain_reason;
use super::junk::is_junk;

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
}

impl SkipReason {
    /// Whether leaving the path out is expected and needs no action (junk, duplicates).
    /// Everything else counts as a refused file.
    #[must_use]
    pub fn is_expected(&self) -> bool {
        matches!(self, Self::Junk | Self::Duplicate)
    }
}

impl Skipped {
    /// One sentence naming the path, what is wrong and what to do.
    #[must_use]
    pub fn message(&self) -> String {
        let path = self.path.display();
        match &self.reason {
            SkipReason::Junk => format!(
                "{path} was left out: the operating system or an office program makes such files for itself."
            ),
            SkipReason::Duplicate => {
                format!("{path} was added more than once: it is checked only once.")
            }
            SkipReason::NotFound => format!(
                "{path} doesn't exist: check the spelling, or whether it was moved or deleted."
            ),
            SkipReason::BrokenLink => format!(
                "{path} is a link to something that no longer exists: add the file it should point to instead."
            ),
            SkipReason::SymlinkLoop => format!(
                "{path} is a link that leads back into a folder containing it, so it was not followed: add the files it should point to directly."
            ),
            SkipReason::UnreadableFolder(reason) => format!(
                "The folder {path} can't be read ({reason}): check that you may open it, or add its files another way."
            ),
            SkipReason::Unreadable(reason) => format!(
                "{path} can't be read ({reason}): check that it still exists and that you may open it."
            ),
            SkipReason::NonUtf8Name => format!(
                "{path} has a name with characters that are not valid UTF-8, which recruiting systems can't store: rename it and add it again."
            ),
            SkipReason::NotARegularFile => format!(
                "{path} is not a document but a device, pipe or socket: only regular files can be sent."
            ),
        }
    }
}

impl fmt::Display for Skipped {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message())
    }
}

/// Expands `paths` into regular files: folders are searched recursively (sorted by name),
/// symbolic links are followed, OS junk inside folders is left out. Never fails as a whole:
/// every path that is not returned as a file is in [`Expansion::skipped`] with its reason.
///
/// A junk name given directly (not found inside a folder) is taken as asked for.
#[must_use]
pub fn expand(paths: &[PathBuf]) -> Expansion {
    let mut walker = Walker::default();
    for path in paths {
        walker.given(path);
    }
    walker.expansion
}

#[derive(Default)]
struct Walker {
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

impl Walker {
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
        if path.file_name().and_then(|n| n.to_str()).is_none() {
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
