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
