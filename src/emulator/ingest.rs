//! Reading request bodies the way a strict server does, without keeping file bytes: multipart
//! parts are hashed as they stream in; JSON is buffered once and base64 decoded in chunks.

use axum::body::Body;
use axum::http::{HeaderMap, StatusCode, header};
use base64::Engine as _;
use futures_util::StreamExt;
use sha2::{Digest, Sha256};

/// Why a body was refused, with the status a strict server answers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IngestError {
    /// HTTP status (400, 413, 415).
    pub status: StatusCode,
    /// Message for the system's error envelope.
    pub message: String,
}

impl IngestError {
    fn new(status: StatusCode, message: impl Into<String>) -> Self {
        Self {
            status,
            message: message.into(),
        }
    }
}

/// A file received in a multipart part.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReceivedFile {
    /// The form field name (`files`, `file`).
    pub field: String,
    /// The part's file name.
    pub file_name: String,
    /// The part's `Content-Type`, if any.
    pub content_type: Option<String>,
    /// Bytes received.
    pub size: u64,
    /// Hex sha256 of the bytes.
    pub sha256: String,
    /// Whether the part exceeded the size limit (bytes past it were discarded, not hashed).
    pub too_large: bool,
}

/// A parsed multipart body.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ReceivedForm {
    /// Text fields `(name, value)` in order.
    pub texts: Vec<(String, String)>,
    /// File parts in order.
    pub files: Vec<ReceivedFile>,
}

impl ReceivedForm {
    /// The first value of a text field.
    #[must_use]
    pub fn text(&self, name: &str) -> Option<&str> {
        self.texts
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// Largest text field accepted.
const MAX_TEXT_FIELD: usize = 64 * 1024;

/// Reads a `multipart/form-data` body, hashing file parts as they arrive. Parts larger than
/// `max_file_bytes` are flagged (and drained) rather than buffered.
pub async fn multipart(
    headers: &HeaderMap,
    body: Body,
    max_file_bytes: u64,
) -> Result<ReceivedForm, IngestError> {
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let boundary = multer::parse_boundary(content_type).map_err(|_| {
        IngestError::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            format!(
                "Expected multipart/form-data with a boundary, got \u{201c}{content_type}\u{201d}"
            ),
        )
    })?;
    let mut form = multer::Multipart::new(body.into_data_stream(), boundary);
    let mut received = ReceivedForm::default();
    loop {
        let field = match form.next_field().await {
            Ok(Some(field)) => field,
            Ok(None) => break,
            Err(e) => {
                return Err(IngestError::new(
                    StatusCode::BAD_REQUEST,
                    format!("Malformed multipart body: {e}"),
                ));
            }
        };
        let name = field.name().unwrap_or("").to_owned();
        if let Some(file_name) = field.file_name().map(str::to_owned) {
            let content_type = field.content_type().map(ToString::to_string);
            let mut hasher = Sha256::new();
            let mut size = 0u64;
            let mut field = field;
            loop {
                match field.chunk().await {
                    Ok(Some(chunk)) => {
                        size += chunk.len() as u64;
                        if size <= max_file_bytes {
                            hasher.update(&chunk);
                        }
                    }
                    Ok(None) => break,
                    Err(e) => {
                        return Err(IngestError::new(
                            StatusCode::BAD_REQUEST,
                            format!("Malformed multipart body: {e}"),
                        ));
                    }
                }
            }
            received.files.push(ReceivedFile {
                field: name,
                file_name,
                content_type,
                size,
                sha256: hex(&hasher.finalize()),
                too_large: size > max_file_bytes,
            });
        } else {
            let mut value = Vec::new();
            let mut field = field;
            loop {
                match field.chunk().await {
                    Ok(Some(chunk)) => {
                        value.extend_from_slice(&chunk);
                        if value.len() > MAX_TEXT_FIELD {
                            return Err(IngestError::new(
                                StatusCode::BAD_REQUEST,
                                format!("Field {name} is too long"),
                            ));
                        }
                    }
                    Ok(None) => break,
                    Err(e) => {
                        return Err(IngestError::new(
                            StatusCode::BAD_REQUEST,
                            format!("Malformed multipart body: {e}"),
                        ));
                    }
                }
            }
            let value = String::from_utf8(value).map_err(|_| {
                IngestError::new(
                    StatusCode::BAD_REQUEST,
                    format!("Field {name} is not UTF-8"),
                )
            })?;
            received.texts.push((name, value));
        }
    }
    Ok(received)
}

/// Reads a JSON body (once) up to `max_bytes`; requires `Content-Type: application/json`.
pub async fn json_bytes(
    headers: &HeaderMap,
    body: Body,
    max_bytes: u64,
) -> Result<bytes::Bytes, IngestError> {
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let essence = content_type.split(';').next().unwrap_or("").trim();
    if !essence.eq_ignore_ascii_case("application/json") {
        return Err(IngestError::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            format!("Expected Content-Type application/json, got \u{201c}{content_type}\u{201d}"),
        ));
    }
    let limit = usize::try_from(max_bytes).unwrap_or(usize::MAX);
    let mut stream = body.into_data_stream();
    let mut buffer = bytes::BytesMut::new();
    let mut too_large = false;
    while let Some(chunk) = stream.next().await {
        let chunk = chunk.map_err(|e| {
            IngestError::new(
                StatusCode::BAD_REQUEST,
                format!("Body could not be read: {e}"),
            )
        })?;
        if buffer.len() + chunk.len() > limit {
            // Keep draining so the client gets the answer rather than a reset.
            too_large = true;
            buffer.clear();
            continue;
        }
        if !too_large {
            buffer.extend_from_slice(&chunk);
        }
    }
    if too_large {
        return Err(IngestError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            format!("Request body exceeds {max_bytes} bytes"),
        ));
    }
    Ok(buffer.freeze())
}

/// Decodes standard base64 (with padding) in chunks: returns the decoded size and hex sha256
/// without holding the decoded bytes.
pub fn hash_base64(data: &str) -> Result<(u64, String), String> {
    const STEP: usize = 4 * 16 * 1024;
    let bytes = data.as_bytes();
    if !bytes.len().is_multiple_of(4) {
        return Err("base64 length is not a multiple of 4".to_owned());
    }
    let mut hasher = Sha256::new();
    let mut size = 0u64;
    let mut out = Vec::with_capacity(STEP / 4 * 3);
    for chunk in bytes.chunks(STEP) {
        out.clear();
        base64::engine::general_purpose::STANDARD
            .decode_vec(chunk, &mut out)
            .map_err(|e| format!("invalid base64 ({e})"))?;
        size += out.len() as u64;
        hasher.update(&out);
    }
    Ok((size, hex(&hasher.finalize())))
}

/// Lower-case hex of bytes.
#[must_use]
pub fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    bytes
        .iter()
        .fold(String::with_capacity(bytes.len() * 2), |mut s, b| {
            let _ = write!(s, "{b:02x}");
            s
        })
}

/// Sniffs a few leading decoded bytes to tell what a base64 payload really is.
#[must_use]
pub fn base64_head(data: &str, bytes: usize) -> Vec<u8> {
    let take = (bytes.div_ceil(3) * 4).min(data.len() / 4 * 4);
    base64::engine::general_purpose::STANDARD
        .decode(&data.as_bytes()[..take])
        .unwrap_or_default()
}

/// Reads a JSON body and deserializes it; wrong field names and types are a 400.
pub async fn json<T: serde::de::DeserializeOwned>(
    headers: &HeaderMap,
    body: Body,
    max_bytes: u64,
) -> Result<T, IngestError> {
    let bytes = json_bytes(headers, body, max_bytes).await?;
    serde_json::from_slice(&bytes).map_err(|e| {
        IngestError::new(
            StatusCode::BAD_REQUEST,
            format!("Invalid request body: {e}"),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_hashing_matches_direct_hashing() {
        let data: Vec<u8> = (0..200_000u32).map(|i| (i % 253) as u8).collect();
        let encoded = base64::engine::general_purpose::STANDARD.encode(&data);
        let (size, sha) = hash_base64(&encoded).unwrap();
        assert_eq!(size, data.len() as u64);
        assert_eq!(sha, hex(&Sha256::digest(&data)));
        assert!(hash_base64("abc").is_err());
        assert!(hash_base64("ab!=").is_err());
        assert_eq!(base64_head(&encoded, 3), data[..3].to_vec());
    }
}
