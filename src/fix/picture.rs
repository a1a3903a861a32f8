//! Pictures decoded upright: every image kind atsdrop knows (HEIC and HEIF with `heifer`, the
//! rest with `image`), with their EXIF orientation applied and bounded in size.

use image::{DynamicImage, ImageDecoder as _, ImageReader, RgbaImage};

use crate::model::FileKind;

/// The most pixels a picture may have (a 100-megapixel photo; more is not a document).
const MAX_PIXELS: u64 = 100_000_000;
/// The most memory one decode may take.
const MAX_ALLOC: u64 = 512 * 1024 * 1024;

/// Why a picture could not be decoded: displayed in English, said in any language as a
/// [`Why`](super::Why).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DecodeError {
    /// Its bytes could not even be looked at (the reader's own words).
    Unreadable(String),
    /// The decoder refused it, with its reason when it gave one.
    Damaged(Option<String>),
    /// More pixels than [`MAX_PIXELS`].
    TooManyPixels,
}

impl std::error::Error for DecodeError {}

impl std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        super::Why::from(self.clone()).fmt(f)
    }
}

/// Decodes the picture in `bytes` (of `kind`) and turns it upright.
pub fn decode(bytes: &[u8], kind: &FileKind) -> Result<DynamicImage, DecodeError> {
    if matches!(kind, FileKind::Heic | FileKind::Heif) {
        return decode_heif(bytes);
    }
    let mut reader = ImageReader::new(std::io::Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|e| DecodeError::Unreadable(e.to_string()))?;
    let mut limits = image::Limits::default();
    limits.max_alloc = Some(MAX_ALLOC);
    reader.limits(limits);
    let mut decoder = reader
        .into_decoder()
        .map_err(|e| DecodeError::Damaged(Some(e.to_string())))?;
    let (width, height) = decoder.dimensions();
    if u64::from(width) * u64::from(height) > MAX_PIXELS {
        return Err(DecodeError::TooManyPixels);
    }
    let orientation = decoder
        .orientation()
        .unwrap_or(image::metadata::Orientation::NoTransforms);
    let mut picture = DynamicImage::from_decoder(decoder)
        .map_err(|e| DecodeError::Damaged(Some(e.to_string())))?;
    picture.apply_orientation(orientation);
    Ok(picture)
}

/// HEIC/HEIF with `heifer` (which already applies the file's rotation and mirroring).
fn decode_heif(bytes: &[u8]) -> Result<DynamicImage, DecodeError> {
    let options = heifer::Options {
        max_threads: 0,
        max_pixels: MAX_PIXELS,
    };
    let decoded = heifer::decode_srgb_rgba8(bytes, &options)
        .or_else(|_| heifer::decode_rgba8(bytes, &options))
        .map_err(|e| DecodeError::Damaged(Some(e.to_string())))?;
    RgbaImage::from_raw(decoded.width, decoded.height, decoded.data)
        .map(DynamicImage::ImageRgba8)
        .ok_or(DecodeError::Damaged(None))
}
