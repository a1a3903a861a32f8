//! Pictures decoded upright: every image kind atsdrop knows (HEIC and HEIF with `heifer`, the
//! rest with `image`), with their EXIF orientation applied and bounded in size.

use image::{DynamicImage, ImageDecoder as _, ImageReader, RgbaImage};

use crate::model::FileKind;

/// The most pixels a picture may have (a 100-megapixel photo; more is not a document).
const MAX_PIXELS: u64 = 100_000_000;
/// The most memory one decode may take.
const MAX_ALLOC: u64 = 512 * 1024 * 1024;

/// Why a picture could not be decoded.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct DecodeError(pub String);

/// Decodes the picture in `bytes` (of `kind`) and turns it upright.
pub fn decode(bytes: &[u8], kind: &FileKind) -> Result<DynamicImage, DecodeError> {
    if matches!(kind, FileKind::Heic | FileKind::Heif) {
        return decode_heif(bytes);
    }
    let mut reader = ImageReader::new(std::io::Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|e| DecodeError(e.to_string()))?;
    let mut limits = image::Limits::default();
    limits.max_alloc = Some(MAX_ALLOC);
    reader.limits(limits);
    let mut decoder = reader
        .into_decoder()
        .map_err(|e| DecodeError(format!("it could not be decoded ({e})")))?;
    let (width, height) = decoder.dimensions();
    if u64::from(width) * u64::from(height) > MAX_PIXELS {
        return Err(DecodeError(
            "it has more pixels than a document needs".to_owned(),
        ));
    }
    let orientation = decoder
        .orientation()
        .unwrap_or(image::metadata::Orientation::NoTransforms);
    let mut picture = DynamicImage::from_decoder(decoder)
        .map_err(|e| DecodeError(format!("it could not be decoded ({e})")))?;
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
        .map_err(|e| DecodeError(format!("it could not be decoded ({e})")))?;
    RgbaImage::from_raw(decoded.width, decoded.height, decoded.data)
        .map(DynamicImage::ImageRgba8)
        .ok_or_else(|| DecodeError("it could not be decoded".to_owned()))
}
