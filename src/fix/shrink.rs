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
/// Pictures with more pixels than this are sized up from a sample before their first full
/// encode (encoding 20 megapixels takes over a second; a sample a twentieth of that).
const SAMPLE_ABOVE: u64 = 4_000_000;
/// The sample: [`TILES`] × [`TILES`] tiles of [`TILE`] pixels spread over the picture.
const TILE: u32 = 256;
/// Tiles a side of the sample.
const TILES: u32 = 4;

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
    let mut current = DynamicImage::ImageRgb8(picture.to_rgb8());
    let mut scaled = false;
    // A large picture far over the budget is scaled before it is ever encoded whole.
    if let Some(estimate) = estimate(&current, QUALITIES[0])
        && estimate > budget.saturating_mul(2)
    {
        current = scale(&current, budget, estimate, 0.95);
        scaled = true;
    }
    for round in 0..MAX_ROUNDS {
        let mut first = None;
        for (i, quality) in QUALITIES.iter().enumerate() {
            let jpeg = encode(&current, *quality)?;
            let len = jpeg.len() as u64;
            first.get_or_insert(len);
            if len <= budget {
                return Some(Shrunk {
                    jpeg,
                    width: current.width(),
                    height: current.height(),
                    reduced: scaled || round > 0 || i > 0,
                });
            }
            // Far over: quality alone will not do; scale now.
            if len > budget.saturating_mul(2) {
                break;
            }
        }
        if current.width().max(current.height()) <= MIN_LONG_SIDE {
            return None;
        }
        current = scale(&current, budget, first?, 0.9);
        scaled = true;
    }
    None
}

/// `picture` scaled for an encoding of `size` bytes to come under `budget`: bytes go with the
/// area, so the sides by the square root of what must go, times `margin` to land under it —
/// at least a tenth off, at most 70 %, and never below [`MIN_LONG_SIDE`].
fn scale(picture: &DynamicImage, budget: u64, size: u64, margin: f64) -> DynamicImage {
    let long = picture.width().max(picture.height());
    #[allow(clippy::cast_precision_loss)] // sizes far below 2^52
    let factor = ((budget as f64 / size.max(1) as f64).sqrt() * margin)
        .clamp(0.3, 0.9)
        .max(f64::from(MIN_LONG_SIDE) / f64::from(long.max(1)));
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let scaled = |side: u32| ((f64::from(side) * factor) as u32).max(1);
    picture.resize(
        scaled(picture.width()),
        scaled(picture.height()),
        image::imageops::FilterType::Triangle,
    )
}

/// About how many bytes `picture` takes as a JPEG at `quality`, from a sample of tiles spread
/// over it; `None` for pictures small enough to encode whole.
fn estimate(picture: &DynamicImage, quality: u8) -> Option<u64> {
    let (w, h) = (picture.width(), picture.height());
    let pixels = u64::from(w) * u64::from(h);
    if pixels <= SAMPLE_ABOVE || w < TILE * TILES || h < TILE * TILES {
        return None;
    }
    let rgb = picture.as_rgb8()?;
    let mut mosaic = image::RgbImage::new(TILE * TILES, TILE * TILES);
    for ty in 0..TILES {
        for tx in 0..TILES {
            // Evenly spread, on the 16-pixel grid of JPEG blocks.
            let x = ((w - TILE) * (2 * tx + 1) / (2 * TILES)) & !15;
            let y = ((h - TILE) * (2 * ty + 1) / (2 * TILES)) & !15;
            let tile = image::imageops::crop_imm(rgb, x, y, TILE, TILE).to_image();
            image::imageops::replace(
                &mut mosaic,
                &tile,
                i64::from(tx * TILE),
                i64::from(ty * TILE),
            );
        }
    }
    let sample = encode(&DynamicImage::ImageRgb8(mosaic), quality)?.len() as u64;
    Some(sample * pixels / u64::from(TILE * TILES * TILE * TILES))
}

/// `picture` as a baseline JPEG at `quality`.
#[must_use]
pub fn encode(picture: &DynamicImage, quality: u8) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    let encoder = JpegEncoder::new_with_quality(&mut out, quality);
    match picture.as_rgb8() {
        Some(rgb) => rgb.write_with_encoder(encoder).ok()?,
        None => picture.to_rgb8().write_with_encoder(encoder).ok()?,
    }
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
        let picture = noise(600, 450);
        let first = encode(&picture, QUALITIES[0]).unwrap().len() as u64;
        let budget = first * 95 / 100;
        let shrunk = to_fit(&picture, budget).unwrap();
        assert!(shrunk.reduced);
        assert!(shrunk.jpeg.len() as u64 <= budget);
        assert_eq!((shrunk.width, shrunk.height), (600, 450));
        assert_eq!(decoded_size(&shrunk.jpeg), (600, 450));
    }

    #[test]
    fn far_over_scales_down_keeping_the_shape_and_lands_under_the_budget() {
        let picture = noise(1800, 1200);
        let first = encode(&picture, QUALITIES[0]).unwrap().len() as u64;
        for share in [3, 6] {
            let budget = first / share;
            let shrunk = to_fit(&picture, budget).unwrap();
            assert!(shrunk.reduced);
            assert!(shrunk.jpeg.len() as u64 <= budget, "1/{share}");
            assert!(shrunk.width < 1800, "1/{share}: {}", shrunk.width);
            assert_eq!(decoded_size(&shrunk.jpeg), (shrunk.width, shrunk.height));
            let ratio = f64::from(shrunk.width) / f64::from(shrunk.height);
            assert!((ratio - 1.5).abs() < 0.01, "{ratio}");
        }
    }

    #[test]
    fn a_picture_is_never_made_smaller_than_legible() {
        // A budget a 1000-pixel noise picture does not meet: scaled to 1000 pixels at most,
        // never below (the old clamp went straight to 30 %, 1200 → 360 pixels).
        let picture = noise(1200, 800);
        let at_min = DynamicImage::ImageRgb8(picture.to_rgb8()).resize(
            MIN_LONG_SIDE,
            MIN_LONG_SIDE,
            image::imageops::FilterType::Triangle,
        );
        let smallest = encode(&at_min, QUALITIES[2]).unwrap().len() as u64;
        assert!(to_fit(&picture, smallest / 4).is_none());
        // Enough for 1000 pixels at the lowest quality: about that is what comes out (the
        // resize keeps the shape, so a side may round down a pixel).
        let shrunk = to_fit(&picture, smallest * 105 / 100).unwrap();
        assert!(
            (MIN_LONG_SIDE - 2..=MIN_LONG_SIDE).contains(&shrunk.width),
            "{} × {}",
            shrunk.width,
            shrunk.height
        );
    }

    #[test]
    fn what_cannot_fit_at_a_legible_size_is_none() {
        let picture = noise(1200, 800);
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

    #[test]
    fn a_large_picture_far_over_is_sized_from_a_sample_and_fits() {
        // 2400 × 2000 = 4.8 megapixels, over the sampling threshold.
        let picture = noise(2400, 2000);
        let estimated = estimate(&picture, QUALITIES[0]).unwrap();
        let whole = encode(&picture, QUALITIES[0]).unwrap().len() as u64;
        // Noise is the same everywhere: the sample says the size within 10 %.
        assert!(
            estimated.abs_diff(whole) * 10 < whole,
            "{estimated} against {whole}"
        );
        let shrunk = to_fit(&picture, whole / 4).unwrap();
        assert!(shrunk.reduced);
        assert!(shrunk.jpeg.len() as u64 <= whole / 4);
        assert!(shrunk.width < 2400 && shrunk.width.max(shrunk.height) >= MIN_LONG_SIDE);
        // Small pictures are not sampled.
        assert_eq!(estimate(&noise(1200, 900), 85), None);
    }
}
