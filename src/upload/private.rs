//! Files and folders only this user can read (0600 and 0700 on Unix), created durably: the
//! journal, its lock files and the credential salt live here.

use std::fs::{self, File, OpenOptions};
use std::io;
use std::path::Path;

/// Creates `dir` and its parents, readable by this user only, and makes sure an existing one is
/// too; then makes the new entries durable (the parent folder is synced).
pub fn create_dir_all(dir: &Path) -> io::Result<()> {
    let existed = dir.is_dir();
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(dir)?;
    restrict_dir(dir)?;
    if !existed && let Some(parent) = dir.parent() {
        sync_dir(parent)?;
    }
    Ok(())
}

/// Opens options for a file readable by this user only (when it is created).
#[must_use]
pub fn options() -> OpenOptions {
    let mut options = OpenOptions::new();
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options
}

/// Creates (or truncates) a file readable by this user only.
pub fn create_file(path: &Path) -> io::Result<File> {
    let file = options()
        .write(true)
        .create(true)
        .truncate(true)
        .open(path)?;
    restrict_file(&file)?;
    Ok(file)
}

/// Makes an existing file readable by this user only (a journal created by an older atsdrop).
pub fn restrict_file(file: &File) -> io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mut permissions = file.metadata()?.permissions();
        if permissions.mode() & 0o077 != 0 {
            permissions.set_mode(permissions.mode() & 0o700);
            file.set_permissions(permissions)?;
        }
    }
    #[cfg(not(unix))]
    let _ = file;
    Ok(())
}

fn restrict_dir(dir: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mut permissions = fs::metadata(dir)?.permissions();
        if permissions.mode() & 0o077 != 0 {
            permissions.set_mode(0o700);
            fs::set_permissions(dir, permissions)?;
        }
    }
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}

/// Makes the entries of `dir` (files created, renamed or removed in it) durable. Folders
/// cannot be opened for syncing on Windows, where the file system journals them itself.
pub fn sync_dir(dir: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        File::open(dir)?.sync_all()?;
    }
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}

/// Puts the finished file `temp` at `path` unless something is already there (the first of two
/// processes wins; neither sees a half-written file).
pub fn link_new(temp: &Path, path: &Path) -> io::Result<()> {
    match fs::hard_link(temp, path) {
        // A file system without hard links: a rename is atomic too (the last one wins, with
        // equally valid content).
        Err(e) if e.kind() != io::ErrorKind::AlreadyExists && !path.exists() => {
            fs::rename(temp, path)
        }
        _ => Ok(()),
    }
}
