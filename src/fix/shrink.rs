//! Shrinking a picture until it fits a size: JPEG at falling quality, then smaller, until the
//! result is under the budget (the caller leaves a margin under the system's limit).

use image::DynamicImage;
use image::codecs::jpeg::JpegEncoder;

/// Qualities tried at each size, best first.
const QUALITIES: [u8; 3] = [85, 75, 65];
/// The smallest a longer side is made, in pixels (below, a document is not legible).
const MIN_LONG_SIDE: u32 = 1_000;
/// Rounds of scaling tried.
const MAX_ROUNDS: usize = 8;

/// A picture made to fit.
pub struct Shrunk {
    /// The JPEG's bytes.
    pub jpeg: Vec<u8>,
    /// Its width in pixels.
    pub width: u32,
    /// Its height in pixels.
    pub height: u32,
    /// Whether it was scaled down or re-compressed below the first quality tried.
    pub reduced: bool,
}

/// `picture` as a JPEG of at most `budget` bytes, or `None` when even the smallest legible
/// size does not fit.
#[must_use]
pub fn to_fit(picture: &DynamicImage, budget: u64) -> Option<Shrunk> {
    let rgb = DynamicImage::ImageRgb8(picture.to_rgb8());
    let mut current = rgb;
    for round in 0..MAX_ROUNDS {
        for (i, quality) in QUALITIES.iter().enumerate() {
            let jpeg = encode(&current, *quality)?;
            if jpeg.len() as u64 <= budget {
                return Some(Shrunk {
                    jpeg,
                    width: current.width(),
                    height: current.height(),
                    reduced: round > 0 || i > 0,
                });
            }
            // Far over: quality alone will not do; scale now.
            if jpeg.len() as u64 > budget.saturating_mul(2) {
                break;
            }
        }
        let long = current.width().max(current.height());
        if long <= MIN_LONG_SIDE {
            return None;
        }
        // Bytes go with the area: scale the sides by the square root of what must go, a bit
        // more to land under the budget.
        #[allow(clippy::cast_precision_loss)] // sizes far below 2^52
        let size = encode(&current, QUALITIES[0])?.len() as f64;
        #[allow(clippy::cast_precision_loss)]
        let factor = ((budget as f64 / size).sqrt() * 0.9).clamp(0.3, 0.9);
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let scaled = |side: u32| ((f64::from(side) * factor) as u32).max(1);
        let (w, h) = (scaled(current.width()), scaled(current.height()));
        current = current.resize(w, h, image::imageops::FilterType::Triangle);
    }
    None
}

/// `picture` as a baseline JPEG at `quality`.
#[must_use]
pub fn encode(picture: &DynamicImage, quality: u8) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    let encoder = JpegEncoder::new_with_quality(&mut out, quality);
    picture.to_rgb8().write_with_encoder(encoder).ok()?;
    Some(out)
}
