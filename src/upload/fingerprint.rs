//! What a file looked like when it was queued, and whether it still does.

use std::fs;
use std::io::{self, Read};
use std::path::Path;

use sha2::{Digest, Sha256};

use super::journal::Mtime;

/// Size and modification time of a file now.
pub fn stat(path: &Path) -> io::Result<(u64, Option<Mtime>)> {
    let meta = fs::metadata(path)?;
    if !meta.is_file() {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "it is not a regular file",
        ));
    }
    Ok((meta.len(), meta.modified().ok().and_then(Mtime::of)))
}

/// What identifies a file's content.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fingerprints {
    /// Hex sha256: the content's identity in the journal and history.
    pub sha256: String,
    /// XXH3-128: checked again cheaply while the file streams out.
    pub xxh3: u128,
}

/// Both fingerprints of a file, from one read in 256 KiB chunks.
pub fn fingerprints(path: &Path) -> io::Result<Fingerprints> {
    let mut file = fs::File::open(path)?;
    let mut sha = Sha256::new();
    let mut xxh = xxhash_rust::xxh3::Xxh3::new();
    let mut buffer = vec![0u8; 256 * 1024];
    loop {
        match file.read(&mut buffer) {
            Ok(0) => break,
            Ok(n) => {
                sha.update(&buffer[..n]);
                xxh.update(&buffer[..n]);
            }
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(Fingerprints {
        sha256: crate::inspect::to_hex(&sha.finalize()),
        xxh3: xxh.digest128(),
    })
}

/// Why a file may no longer be sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Changed(pub crate::i18n::Text);

/// Checks a file against what was recorded when it was queued: still there, same size, same
/// modification time. (The content is checked against its fingerprint while it is sent.)
pub fn check(path: &Path, size: u64, mtime: Option<Mtime>) -> Result<(), Changed> {
    let name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let (now_size, now_mtime) = stat(path).map_err(|e| {
        Changed(match e.kind() {
            io::ErrorKind::NotFound => crate::text!("engine-file-removed", name = &name),
            _ => crate::text!(
                "engine-file-no-longer-readable",
                name = &name,
                reason = e.to_string()
            ),
        })
    })?;
    if now_size != size || (mtime.is_some() && now_mtime != mtime) {
        return Err(Changed(crate::text!("engine-file-changed", name = name)));
    }
    Ok(())
}
