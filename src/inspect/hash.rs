//! SHA-256 of a whole file, computed on demand (uploads that need a checksum, duplicate checks);
//! never part of a plain inspection.

use std::fs::File;
use std::io::{self, Read};
use std::path::Path;

use sha2::{Digest, Sha256};

use super::InspectError;

/// How much of the file is read at a time.
const CHUNK: usize = 64 * 1024;

/// The SHA-256 digest of the file at `path`, streamed in 64 KiB chunks.
pub fn sha256(path: &Path) -> Result<[u8; 32], InspectError> {
    let mut file = File::open(path).map_err(|e| InspectError::read(path, e))?;
    let mut hasher = Sha256::new();
    let mut buf = vec![0; CHUNK];
    loop {
        match file.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => hasher.update(&buf[..n]),
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(InspectError::read(path, e)),
        }
    }
    Ok(hasher.finalize().into())
}

/// Lower-case hexadecimal of `bytes` (a digest as `sha256sum` prints it).
#[must_use]
pub fn to_hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut hex = String::with_capacity(bytes.len() * 2);
    for &b in bytes {
        hex.push(char::from(DIGITS[usize::from(b >> 4)]));
        hex.push(char::from(DIGITS[usize::from(b & 0x0F)]));
    }
    hex
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_is_lower_case_and_padded() {
        assert_eq!(to_hex(&[0x00, 0x0f, 0xa0, 0xff]), "000fa0ff");
        assert_eq!(to_hex(&[]), "");
    }
}
