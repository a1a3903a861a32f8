//! What a JPEG's header says, without decoding its pixels: size, colour components, EXIF
//! orientation, and whether a PDF can embed it as it is (baseline or progressive DCT).

use image::metadata::Orientation;
use zune_jpeg::JpegDecoder;
use zune_jpeg::zune_core::bytestream::ZCursor;
use zune_jpeg::zune_core::options::DecoderOptions;

/// A JPEG's header facts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct JpegHeader {
    /// Width in pixels as stored (before orientation).
    pub width: u32,
    /// Height in pixels as stored.
    pub height: u32,
    /// Colour components: 1 (grey), 3 (YCbCr/RGB) or 4 (CMYK).
    pub components: u8,
    /// The EXIF orientation (how to turn the stored pixels to show them upright).
    pub orientation: Orientation,
}

/// The most pixels a side may have (PDF viewers and our own decoders stop far below this).
const MAX_SIDE: usize = 30_000;

/// Reads the header of `bytes`; `None` when it is not a JPEG a PDF can embed as it is
/// (damaged, lossless or arithmetic-coded, or an odd number of components).
#[must_use]
pub fn header(bytes: &[u8]) -> Option<JpegHeader> {
    let options = DecoderOptions::default()
        .set_strict_mode(false)
        .set_max_width(MAX_SIDE)
        .set_max_height(MAX_SIDE);
    let mut decoder = JpegDecoder::new_with_options(ZCursor::new(bytes), options);
    decoder.decode_headers().ok()?;
    let (width, height) = decoder.dimensions()?;
    let info = decoder.info()?;
    // Huffman-coded DCT is what every PDF reader decodes; lossless and arithmetic coding are
    // not embedded as they are.
    // (zune-jpeg does not export its marker type; its name says the coding.)
    let arithmetic = format!("{:?}", info.sof).contains("Arithmetic");
    let embeddable = !info.sof.is_lossless() && !arithmetic;
    if !embeddable || !matches!(info.components, 1 | 3 | 4) {
        return None;
    }
    let orientation = decoder
        .exif()
        .and_then(|exif| Orientation::from_exif_chunk(exif))
        .unwrap_or(Orientation::NoTransforms);
    Some(JpegHeader {
        width: u32::try_from(width).ok()?,
        height: u32::try_from(height).ok()?,
        components: info.components,
        orientation,
    })
}

#[cfg(test)]
mod tests {
    use base64::Engine as _;
    use base64::engine::general_purpose::STANDARD;
    use image::codecs::jpeg::JpegEncoder;
    use image::{GrayImage, Luma, Rgb, RgbImage};

    use super::*;

    /// `ImageMagick`'s `convert -size 16x8 xc:red -interlace JPEG` (progressive, SOF2).
    const PROGRESSIVE: &str = "/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAMCAgMCAgMDAwMEAwMEBQgFBQQEBQoHBwYIDAoMDAsKCwsNDhIQDQ4RDgsLEBYQERMUFRUVDA8XGBYUGBIUFRT/2wBDAQMEBAUEBQkFBQkUDQsNFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBT/wgARCAAIABADAREAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAAf/xAAWAQEBAQAAAAAAAAAAAAAAAAAABgj/2gAMAwEAAhADEAAAAZzC6pH/xAAUEAEAAAAAAAAAAAAAAAAAAAAQ/9oACAEBAAEFAj//xAAUEQEAAAAAAAAAAAAAAAAAAAAQ/9oACAEDAQE/AT//xAAUEQEAAAAAAAAAAAAAAAAAAAAQ/9oACAECAQE/AT//xAAUEAEAAAAAAAAAAAAAAAAAAAAQ/9oACAEBAAY/Aj//xAAUEAEAAAAAAAAAAAAAAAAAAAAQ/9oACAEBAAE/IT//2gAMAwEAAgADAAAAEP8A/8QAFBEBAAAAAAAAAAAAAAAAAAAAEP/aAAgBAwEBPxA//8QAFBEBAAAAAAAAAAAAAAAAAAAAEP/aAAgBAgEBPxA//8QAFBABAAAAAAAAAAAAAAAAAAAAEP/aAAgBAQABPxA//9k=";
    /// `ImageMagick`'s `convert -size 16x8 xc:red -colorspace CMYK` (four components, Adobe).
    const CMYK: &str = "/9j/7gAOQWRvYmUAZAAAAAAC/9sAQwADAgIDAgIDAwMDBAMDBAUIBQUEBAUKBwcGCAwKDAwLCgsLDQ4SEA0OEQ4LCxAWEBETFBUVFQwPFxgWFBgSFBUU/9sAQwEDBAQFBAUJBQUJFA0LDRQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQU/8AAFAgACAAQBAERAAIRAQMRAQQRAP/EABYAAQEBAAAAAAAAAAAAAAAAAAAICf/EABQQAQAAAAAAAAAAAAAAAAAAAAD/xAAWAQEBAQAAAAAAAAAAAAAAAAAABwn/xAAUEQEAAAAAAAAAAAAAAAAAAAAA/9oADgQBAAIRAxEEAAA/AKIXNlU1TAH/2Q==";

    fn baseline(width: u32, height: u32) -> Vec<u8> {
        let mut out = Vec::new();
        JpegEncoder::new_with_quality(&mut out, 80)
            .encode_image(&RgbImage::from_pixel(width, height, Rgb([10, 200, 30])))
            .unwrap();
        out
    }

    /// `jpeg` with an APP1 EXIF block (big-endian TIFF, one IFD entry 0x0112) right after SOI.
    fn with_orientation(jpeg: &[u8], orientation: u16) -> Vec<u8> {
        let mut tiff = b"MM\0\x2a".to_vec();
        tiff.extend_from_slice(&8_u32.to_be_bytes());
        tiff.extend_from_slice(&1_u16.to_be_bytes());
        tiff.extend_from_slice(&0x0112_u16.to_be_bytes());
        tiff.extend_from_slice(&3_u16.to_be_bytes());
        tiff.extend_from_slice(&1_u32.to_be_bytes());
        tiff.extend_from_slice(&orientation.to_be_bytes());
        tiff.extend_from_slice(&[0, 0, 0, 0, 0, 0]);
        let length = u16::try_from(2 + 6 + tiff.len()).unwrap();
        let mut out = vec![0xFF, 0xD8, 0xFF, 0xE1];
        out.extend_from_slice(&length.to_be_bytes());
        out.extend_from_slice(b"Exif\0\0");
        out.extend_from_slice(&tiff);
        out.extend_from_slice(&jpeg[2..]);
        out
    }

    /// `jpeg` with its frame marker (SOF0) replaced by `marker`.
    fn with_frame_marker(jpeg: &[u8], marker: u8) -> Vec<u8> {
        let at = jpeg
            .windows(2)
            .position(|w| w == [0xFF, 0xC0])
            .expect("a baseline frame");
        let mut out = jpeg.to_vec();
        out[at + 1] = marker;
        out
    }

    #[test]
    fn a_baseline_colour_jpeg() {
        let header = header(&baseline(64, 48)).unwrap();
        assert_eq!(
            header,
            JpegHeader {
                width: 64,
                height: 48,
                components: 3,
                orientation: Orientation::NoTransforms,
            }
        );
    }

    #[test]
    fn a_grey_jpeg_has_one_component() {
        let mut bytes = Vec::new();
        JpegEncoder::new_with_quality(&mut bytes, 80)
            .encode_image(&GrayImage::from_pixel(20, 10, Luma([128])))
            .unwrap();
        let header = header(&bytes).unwrap();
        assert_eq!(
            (header.width, header.height, header.components),
            (20, 10, 1)
        );
    }

    #[test]
    fn a_progressive_jpeg_is_embeddable() {
        let bytes = STANDARD.decode(PROGRESSIVE).unwrap();
        assert!(bytes.windows(2).any(|w| w == [0xFF, 0xC2]), "SOF2");
        let header = header(&bytes).unwrap();
        assert_eq!((header.width, header.height, header.components), (16, 8, 3));
    }

    #[test]
    fn a_cmyk_jpeg_has_four_components() {
        let header = header(&STANDARD.decode(CMYK).unwrap()).unwrap();
        assert_eq!((header.width, header.height, header.components), (16, 8, 4));
    }

    #[test]
    fn every_exif_orientation_is_read() {
        let plain = baseline(30, 20);
        for value in 1..=8 {
            let header = header(&with_orientation(&plain, value)).unwrap();
            assert_eq!(header.orientation.to_exif(), u8::try_from(value).unwrap());
            // The stored size, before turning.
            assert_eq!((header.width, header.height), (30, 20));
        }
        // Out of range: as stored.
        let header = header(&with_orientation(&plain, 9)).unwrap();
        assert_eq!(header.orientation, Orientation::NoTransforms);
    }

    #[test]
    fn lossless_and_arithmetic_coded_jpegs_are_not_embedded_as_they_are() {
        let plain = baseline(16, 16);
        // SOF3 lossless, SOF9 and SOF10 arithmetic.
        for marker in [0xC3, 0xC9, 0xCA] {
            assert_eq!(
                header(&with_frame_marker(&plain, marker)),
                None,
                "{marker:x}"
            );
        }
    }

    #[test]
    fn what_is_not_a_jpeg_is_refused() {
        assert_eq!(header(b""), None);
        assert_eq!(header(&[0xFF, 0xD8]), None);
        assert_eq!(header(b"%PDF-1.7\n"), None);
        let noise: Vec<u8> = (0..4096_u32).map(|i| (i * 7919 % 251) as u8).collect();
        assert_eq!(header(&noise), None);
        // A JPEG cut before its frame header.
        let plain = baseline(16, 16);
        let frame = plain.windows(2).position(|w| w == [0xFF, 0xC0]).unwrap();
        assert_eq!(header(&plain[..frame]), None);
    }
}
