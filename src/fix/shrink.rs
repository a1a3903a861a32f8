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

#[cfg(test)]
mod tests {
    use image::{Rgb, RgbImage};

    use super::*;

    /// Noise: every pixel random, so it compresses badly.
    fn noise(width: u32, height: u32) -> DynamicImage {
        let mut state = 0x9E37_79B9_7F4A_7C15_u64;
        DynamicImage::ImageRgb8(RgbImage::from_fn(width, height, |_, _| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let [r, g, b, ..] = state.to_le_bytes();
            Rgb([r, g, b])
        }))
    }

    fn decoded_size(jpeg: &[u8]) -> (u32, u32) {
        let picture = image::load_from_memory_with_format(jpeg, image::ImageFormat::Jpeg).unwrap();
        (picture.width(), picture.height())
    }

    #[test]
    fn a_picture_that_fits_at_the_first_quality_is_not_reduced() {
        let picture = noise(400, 300);
        let first = encode(&picture, QUALITIES[0]).unwrap();
        let shrunk = to_fit(&picture, first.len() as u64).unwrap();
        assert!(!shrunk.reduced);
        assert_eq!((shrunk.width, shrunk.height), (400, 300));
        assert_eq!(shrunk.jpeg, first);
    }

    #[test]
    fn a_little_over_lowers_the_quality_and_keeps_the_size() {
        let picture = noise(1200, 900);
        let first = encode(&picture, QUALITIES[0]).unwrap().len() as u64;
        let budget = first * 95 / 100;
        let shrunk = to_fit(&picture, budget).unwrap();
        assert!(shrunk.reduced);
        assert!(shrunk.jpeg.len() as u64 <= budget);
        assert_eq!((shrunk.width, shrunk.height), (1200, 900));
        assert_eq!(decoded_size(&shrunk.jpeg), (1200, 900));
    }

    #[test]
    fn far_over_scales_down_keeping_the_shape_and_lands_under_the_budget() {
        let picture = noise(2400, 1600);
        let first = encode(&picture, QUALITIES[0]).unwrap().len() as u64;
        for share in [2, 4, 8] {
            let budget = first / share;
            let shrunk = to_fit(&picture, budget).unwrap();
            assert!(shrunk.reduced);
            assert!(shrunk.jpeg.len() as u64 <= budget, "1/{share}");
            assert!(shrunk.width < 2400 && shrunk.width >= MIN_LONG_SIDE.min(2400));
            assert_eq!(decoded_size(&shrunk.jpeg), (shrunk.width, shrunk.height));
            let (ratio, was) = (
                f64::from(shrunk.width) / f64::from(shrunk.height),
                2400.0 / 1600.0,
            );
            assert!((ratio - was).abs() < 0.01, "{ratio}");
        }
    }

    #[test]
    fn what_cannot_fit_at_a_legible_size_is_none() {
        let picture = noise(1500, 1000);
        assert!(to_fit(&picture, 10_000).is_none());
        assert!(to_fit(&picture, 0).is_none());
    }

    #[test]
    fn transparency_and_grey_become_a_colour_jpeg() {
        let picture = DynamicImage::ImageRgba8(image::RgbaImage::from_pixel(
            50,
            40,
            image::Rgba([10, 20, 30, 0]),
        ));
        let shrunk = to_fit(&picture, 1_000_000).unwrap();
        assert_eq!(decoded_size(&shrunk.jpeg), (50, 40));
        let grey = DynamicImage::ImageLuma8(image::GrayImage::new(30, 30));
        assert!(to_fit(&grey, 1_000_000).is_some());
    }
}
