//! The reader process's side: `atsdrop read-content --format FORMAT PATH` limits its own
//! memory, reads one file (at most [`MAX_FILE_BYTES`]), and writes its [`ContentFacts`] as one
//! line of JSON to standard output. Whatever a hostile file does to it — a stack overflow, an
//! abort, a stall, an allocation it is refused — costs this process, never the app's.

use std::fs::File;
use std::io::{self, Read, Write};
use std::path::Path;

use super::facts::{self, ContentFacts, Format, MAX_FILE_BYTES};

/// The most memory the reader process may take for its data (heap and anonymous maps).
pub const MEMORY_LIMIT_BYTES: u64 = 512 * 1024 * 1024;

/// Runs the reader process's job for `path` read as `format`, writing the facts to `out`.
/// Only a failure to write the answer is an error; a file that cannot be read is an answer.
pub fn serve(format: &str, path: &Path, out: &mut impl Write) -> io::Result<()> {
    limit_memory(MEMORY_LIMIT_BYTES);
    let facts = match Format::parse(format) {
        Some(format) => match load(path) {
            Ok(bytes) => facts::read(format, &bytes),
            Err(reason) => ContentFacts::unreadable(reason),
        },
        None => ContentFacts::unreadable(format!("atsdrop has no reader called {format}")),
    };
    serde_json::to_writer(&mut *out, &facts)?;
    writeln!(out)?;
    out.flush()
}

/// The file's bytes, or why they were not read.
fn load(path: &Path) -> Result<Vec<u8>, String> {
    let file = File::open(path).map_err(|e| format!("it could not be opened ({e})"))?;
    let mut bytes = Vec::new();
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("it could not be read ({e})"))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err("it is too large to read its content".to_owned());
    }
    Ok(bytes)
}

/// Caps this process's data memory at `bytes`: an allocation beyond it fails,
/// which ends this process alone. On Linux the data limit counts the heap and anonymous maps
/// but not the mapped program; elsewhere on Unix the address space is capped. Windows has no
/// such call for a process itself (a job object would be needed): there the time limit alone
/// bounds a reader.
pub fn limit_memory(bytes: u64) {
    #[cfg(not(unix))]
    let _ = bytes;
    #[cfg(target_os = "linux")]
    let resource = rlimit::Resource::DATA;
    #[cfg(all(unix, not(target_os = "linux")))]
    let resource = rlimit::Resource::AS;
    #[cfg(unix)]
    if let Err(e) = rlimit::setrlimit(resource, bytes, bytes) {
        tracing::warn!("a reader process could not limit its memory: {e}");
    }
}
