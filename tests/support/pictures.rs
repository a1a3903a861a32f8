//! Pictures and small documents for the fixes, generated at test time: noise pictures (which
//! compress badly, so a few megapixels make megabytes), JPEGs with an EXIF orientation, a HEIC
//! photo, solid-colour pictures whose colour a rendered page shows, a PDF of coloured pages,
//! and text files.
//!
//! Every `*_file` function writes one file into `dir` and returns its path; the others return
//! bytes. This file depends on no other test support module, so the fixes benchmark includes
//! it too (`#[path = "../tests/support/pictures.rs"]`).

use std::io::Cursor;
use std::path::{Path, PathBuf};

use image::codecs::jpeg::JpegEncoder;
use image::{DynamicImage, ImageFormat, Rgb, RgbImage};
use pdf_writer::{Content, Finish as _, Name, Rect, Ref, Str};

/// Writes `bytes` to `dir/name` and returns the path.
pub fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write a generated file");
    path
}

// ---- Pixels --------------------------------------------------------------------------------

/// `width` × `height` pixels of noise from `seed` (xorshift: the same seed, the same pixels).
/// Every pixel is random, so JPEG and PNG compress it badly: about 2 bytes a pixel as a JPEG
/// at quality 90.
#[must_use]
pub fn noise(width: u32, height: u32, seed: u64) -> RgbImage {
    let mut state = seed | 1;
    let mut bytes = vec![0_u8; width as usize * height as usize * 3];
    for chunk in bytes.chunks_mut(8) {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        let random = state.to_le_bytes();
        chunk.copy_from_slice(&random[..chunk.len()]);
    }
    RgbImage::from_raw(width, height, bytes).expect("the buffer fits the size")
}

/// Something like a photo: smooth gradients with grain of `grain` levels (0–255) from
/// `seed`. Grain 24 compresses like a phone photo (about 0.5 bytes a pixel as a JPEG at
/// quality 90); more grain, larger files.
#[must_use]
pub fn photo(width: u32, height: u32, grain: u8, seed: u64) -> RgbImage {
    let mut state = seed | 1;
    let grain = u32::from(grain.max(1));
    RgbImage::from_fn(width, height, |x, y| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        let [a, b, c, ..] = state.to_le_bytes();
        let base = [
            x * 200 / width.max(1),
            y * 200 / height.max(1),
            (x + y) * 100 / (width + height).max(1),
        ];
        let noisy = |base: u32, n: u8| {
            u8::try_from((base + u32::from(n) % grain).min(255)).unwrap_or(u8::MAX)
        };
        Rgb([noisy(base[0], a), noisy(base[1], b), noisy(base[2], c)])
    })
}

/// One colour everywhere.
#[must_use]
pub fn solid(width: u32, height: u32, colour: [u8; 3]) -> RgbImage {
    RgbImage::from_pixel(width, height, Rgb(colour))
}

/// Red.
pub const RED: [u8; 3] = [220, 20, 20];
/// Green.
pub const GREEN: [u8; 3] = [20, 200, 20];
/// Blue.
pub const BLUE: [u8; 3] = [20, 20, 220];
/// Yellow.
pub const YELLOW: [u8; 3] = [230, 220, 20];

/// A picture in four coloured quarters as stored: red top left, green top right, blue bottom
/// left, yellow bottom right. Turned or mirrored, the quarters show where each corner went.
#[must_use]
pub fn quarters(width: u32, height: u32) -> RgbImage {
    RgbImage::from_fn(width, height, |x, y| {
        let colour = match (x < width / 2, y < height / 2) {
            (true, true) => RED,
            (false, true) => GREEN,
            (true, false) => BLUE,
            (false, false) => YELLOW,
        };
        Rgb(colour)
    })
}

/// Whether two colours are within `tolerance` on every channel (JPEG and rendering move them
/// a little).
#[must_use]
pub fn near(a: [u8; 3], b: [u8; 3], tolerance: u8) -> bool {
    a.iter().zip(b).all(|(x, y)| x.abs_diff(y) <= tolerance)
}

// ---- Encodings -----------------------------------------------------------------------------

/// `picture` as a baseline JPEG at `quality` (with `image`'s JFIF header, no EXIF).
#[must_use]
pub fn jpeg(picture: &RgbImage, quality: u8) -> Vec<u8> {
    let mut out = Vec::new();
    JpegEncoder::new_with_quality(&mut out, quality)
        .encode_image(picture)
        .expect("encode a JPEG");
    out
}

/// `picture` as a PNG.
#[must_use]
pub fn png(picture: &RgbImage) -> Vec<u8> {
    encode(picture, ImageFormat::Png)
}

/// `picture` in `format` (PNG, GIF, WebP, BMP, TIFF).
#[must_use]
pub fn encode(picture: &RgbImage, format: ImageFormat) -> Vec<u8> {
    let mut out = Cursor::new(Vec::new());
    let picture = DynamicImage::ImageRgb8(picture.clone());
    let picture = if format == ImageFormat::Gif {
        DynamicImage::ImageRgba8(picture.to_rgba8())
    } else {
        picture
    };
    picture
        .write_to(&mut out, format)
        .expect("encode a picture");
    out.into_inner()
}

/// `picture` as a HEIC photo (`heifer`, quality 80).
#[must_use]
pub fn heic(picture: &RgbImage) -> Vec<u8> {
    heifer::encode_rgb8(
        picture.width(),
        picture.height(),
        picture.as_raw(),
        &heifer::EncodeOptions {
            quality: 80,
            ..Default::default()
        },
    )
    .expect("encode a HEIC")
}

/// The APP1 segment of an EXIF block holding only an orientation (1–8): a big-endian TIFF
/// header and one IFD with the single entry 0x0112 (SHORT, count 1).
#[must_use]
pub fn exif_orientation_segment(orientation: u16) -> Vec<u8> {
    let mut tiff = Vec::new();
    tiff.extend_from_slice(b"MM\0\x2a"); // big-endian TIFF
    tiff.extend_from_slice(&8_u32.to_be_bytes()); // the first IFD follows the header
    tiff.extend_from_slice(&1_u16.to_be_bytes()); // one entry
    tiff.extend_from_slice(&0x0112_u16.to_be_bytes()); // Orientation
    tiff.extend_from_slice(&3_u16.to_be_bytes()); // SHORT
    tiff.extend_from_slice(&1_u32.to_be_bytes()); // one value
    tiff.extend_from_slice(&orientation.to_be_bytes()); // the value, left-aligned…
    tiff.extend_from_slice(&[0, 0]); // …in four bytes
    tiff.extend_from_slice(&0_u32.to_be_bytes()); // no next IFD
    let payload_len = 6 + tiff.len();
    let length = u16::try_from(2 + payload_len).expect("a short segment");
    let mut segment = vec![0xFF, 0xE1];
    segment.extend_from_slice(&length.to_be_bytes());
    segment.extend_from_slice(b"Exif\0\0");
    segment.extend_from_slice(&tiff);
    segment
}

/// `jpeg` with an EXIF orientation (1–8) inserted after its SOI and JFIF APP0 segment.
#[must_use]
pub fn with_exif_orientation(jpeg: &[u8], orientation: u16) -> Vec<u8> {
    assert_eq!(&jpeg[..2], &[0xFF, 0xD8], "a JPEG starts with SOI");
    let mut at = 2;
    if jpeg[2..4] == [0xFF, 0xE0] {
        let length = usize::from(u16::from_be_bytes([jpeg[4], jpeg[5]]));
        at = 4 + length;
    }
    let mut out = jpeg[..at].to_vec();
    out.extend_from_slice(&exif_orientation_segment(orientation));
    out.extend_from_slice(&jpeg[at..]);
    out
}

// ---- Files ---------------------------------------------------------------------------------

/// A noise JPEG of `width` × `height` pixels at `quality`.
pub fn noise_jpeg_file(dir: &Path, name: &str, width: u32, height: u32, quality: u8) -> PathBuf {
    write(dir, name, &jpeg(&noise(width, height, 7), quality))
}

/// A noise PNG of `width` × `height` pixels.
pub fn noise_png_file(dir: &Path, name: &str, width: u32, height: u32) -> PathBuf {
    write(dir, name, &png(&noise(width, height, 11)))
}

/// A one-colour PNG.
pub fn solid_png_file(dir: &Path, name: &str, width: u32, height: u32, colour: [u8; 3]) -> PathBuf {
    write(dir, name, &png(&solid(width, height, colour)))
}

/// A one-colour JPEG (quality 90).
pub fn solid_jpeg_file(
    dir: &Path,
    name: &str,
    width: u32,
    height: u32,
    colour: [u8; 3],
) -> PathBuf {
    write(dir, name, &jpeg(&solid(width, height, colour), 90))
}

/// A JPEG of [`quarters`] stored `width` × `height` with EXIF orientation `orientation`.
pub fn oriented_jpeg_file(
    dir: &Path,
    name: &str,
    width: u32,
    height: u32,
    orientation: u16,
) -> PathBuf {
    let plain = jpeg(&quarters(width, height), 90);
    write(dir, name, &with_exif_orientation(&plain, orientation))
}

/// A HEIC photo of [`quarters`].
pub fn heic_file(dir: &Path, name: &str, width: u32, height: u32) -> PathBuf {
    write(dir, name, &heic(&quarters(width, height)))
}

/// A text file.
pub fn text_file(dir: &Path, name: &str, text: &str) -> PathBuf {
    write(dir, name, text.as_bytes())
}

/// A PDF with a page per entry of `pages`: each `(width, height, colour, text)` is a page of
/// that size in points, filled with the colour, with the text in 24-point Helvetica near the
/// top left.
#[must_use]
pub fn coloured_pdf(pages: &[(f32, f32, [u8; 3], &str)]) -> Vec<u8> {
    let mut pdf = pdf_writer::Pdf::new();
    let catalog = Ref::new(1);
    let tree = Ref::new(2);
    let font = Ref::new(3);
    let mut next = 4;
    let mut kids = Vec::new();
    for &(width, height, colour, text) in pages {
        let page = Ref::new(next);
        let content_id = Ref::new(next + 1);
        next += 2;
        kids.push(page);
        let mut content = Content::new();
        let [r, g, b] = colour.map(|c| f32::from(c) / 255.0);
        content.set_fill_rgb(r, g, b);
        content.rect(0.0, 0.0, width, height);
        content.fill_nonzero();
        content.set_fill_gray(0.0);
        content.begin_text();
        content.set_font(Name(b"F1"), 24.0);
        content.next_line(20.0, height - 40.0);
        content.show(Str(text.as_bytes()));
        content.end_text();
        pdf.stream(content_id, &content.finish());
        let mut writer = pdf.page(page);
        writer.parent(tree);
        writer.media_box(Rect::new(0.0, 0.0, width, height));
        writer.contents(content_id);
        writer.resources().fonts().pair(Name(b"F1"), font);
        writer.finish();
    }
    pdf.catalog(catalog).pages(tree);
    let count = i32::try_from(kids.len()).expect("few pages");
    pdf.pages(tree).kids(kids).count(count);
    pdf.type1_font(font).base_font(Name(b"Helvetica"));
    pdf.finish()
}

/// A two-page PDF: a green 400 × 500 pt page saying "First page", then a yellow 500 × 400 pt
/// page saying "Second page".
pub fn two_page_pdf_file(dir: &Path, name: &str) -> PathBuf {
    write(
        dir,
        name,
        &coloured_pdf(&[
            (400.0, 500.0, GREEN, "First page"),
            (500.0, 400.0, YELLOW, "Second page"),
        ]),
    )
}

/// A scan: a PDF with a page per JPEG in `jpegs` (each `(bytes, width, height)` in pixels),
/// every page A4 (595 × 842 pt) with its picture drawn over the whole page, and no text.
#[must_use]
pub fn scan_pdf(jpegs: &[(Vec<u8>, u32, u32)]) -> Vec<u8> {
    let mut pdf = pdf_writer::Pdf::new();
    let catalog = Ref::new(1);
    let tree = Ref::new(2);
    let mut next = 3;
    let mut kids = Vec::new();
    for (bytes, width, height) in jpegs {
        let (page, content_id, image) = (Ref::new(next), Ref::new(next + 1), Ref::new(next + 2));
        next += 3;
        kids.push(page);
        let mut xobject = pdf.image_xobject(image, bytes);
        xobject.filter(pdf_writer::Filter::DctDecode);
        xobject.width(i32::try_from(*width).expect("a small picture"));
        xobject.height(i32::try_from(*height).expect("a small picture"));
        xobject.color_space().device_rgb();
        xobject.bits_per_component(8);
        xobject.finish();
        let mut content = Content::new();
        content.save_state();
        content.transform([595.0, 0.0, 0.0, 842.0, 0.0, 0.0]);
        content.x_object(Name(b"Im0"));
        content.restore_state();
        pdf.stream(content_id, &content.finish());
        let mut writer = pdf.page(page);
        writer.parent(tree);
        writer.media_box(Rect::new(0.0, 0.0, 595.0, 842.0));
        writer.contents(content_id);
        writer.resources().x_objects().pair(Name(b"Im0"), image);
        writer.finish();
    }
    pdf.catalog(catalog).pages(tree);
    let count = i32::try_from(kids.len()).expect("few pages");
    pdf.pages(tree).kids(kids).count(count);
    pdf.finish()
}

/// A scan of `pages` A4 pages of noise at 150 dpi (1240 × 1754 pixels, JPEG quality 95):
/// about 5 MB a page.
pub fn noise_scan_file(dir: &Path, name: &str, pages: u64) -> PathBuf {
    let jpegs: Vec<_> = (0..pages)
        .map(|seed| (jpeg(&noise(1240, 1754, seed + 100), 95), 1240, 1754))
        .collect();
    write(dir, name, &scan_pdf(&jpegs))
}
