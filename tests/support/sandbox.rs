//! Emulator helpers: start one, write files to upload, hash them.

use std::path::{Path, PathBuf};

use atsdrop::emulator::{Emulator, EmulatorConfig};
use sha2::{Digest, Sha256};

/// An emulator with the default configuration (rate limits on).
pub async fn emulator() -> Emulator {
    Emulator::spawn(EmulatorConfig::default())
        .await
        .expect("emulator starts")
}

/// An emulator with a custom configuration.
pub async fn emulator_with(config: EmulatorConfig) -> Emulator {
    Emulator::spawn(config).await.expect("emulator starts")
}

/// Hex sha256 of bytes.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .fold(String::new(), |mut s, b| {
            use std::fmt::Write;
            let _ = write!(s, "{b:02x}");
            s
        })
}

/// A minimal but real PDF of about `len` bytes (padded with a comment).
pub fn pdf_bytes(len: usize) -> Vec<u8> {
    let mut out = b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n".to_vec();
    let mut i = 0u32;
    while out.len() + 6 < len {
        out.push(b'%');
        out.extend(std::iter::repeat_n(
            b'a' + (i % 26) as u8,
            63.min(len - out.len() - 6),
        ));
        out.push(b'\n');
        i += 1;
    }
    out.extend_from_slice(b"%%EOF\n");
    out
}

/// A 1×1 PNG.
pub const PNG_1X1: &[u8] = &[
    0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52,
    0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4,
    0x89, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0x00, 0x01, 0x00, 0x00,
    0x05, 0x00, 0x01, 0x0D, 0x0A, 0x2D, 0xB4, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE,
    0x42, 0x60, 0x82,
];

/// Writes `bytes` to `dir/name` and returns the path.
pub fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write test file");
    path
}

/// An `UploadFile` for a file on disk.
pub fn upload_file(
    path: &Path,
    content_type: &str,
    attachment_type: &str,
) -> atsdrop::providers::UploadFile {
    let size = std::fs::metadata(path).expect("file exists").len();
    atsdrop::providers::UploadFile {
        path: path.to_owned(),
        name: path.file_name().unwrap().to_string_lossy().into_owned(),
        content_type: content_type.to_owned(),
        size,
        attachment_type: attachment_type.to_owned(),
        key: uuid::Uuid::new_v4().to_string(),
        remote_id: None,
        fingerprint: None,
    }
}

/// A plain reqwest client for hand-made requests to the emulator.
pub fn raw_client() -> reqwest::Client {
    atsdrop::providers::http::install_crypto_provider();
    reqwest::Client::new()
}
