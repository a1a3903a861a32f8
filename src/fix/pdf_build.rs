//! Writes a PDF from pages in order: JPEGs embedded as they are (no re-encoding; their EXIF
//! orientation turned into the page's drawing), other pictures as lossless RGB (with their
//! transparency), and pages of existing PDFs copied whole (`hayro-write`). Text pages come
//! from `text_pdf`. Untrusted PDFs are parsed here, so this runs in the fixing process, never
//! in the app's.

use std::panic::{AssertUnwindSafe, catch_unwind};

use image::RgbaImage;
use image::metadata::Orientation;
use pdf_writer::{Chunk, Content, Filter, Finish as _, Name, Rect, Ref};

use super::jpeg::JpegHeader;

/// Points per inch; pictures are placed at this many pixels per inch.
const PICTURE_DPI: f32 = 150.0;
/// An A4 page's width in points: pictures wider than it are scaled down to it.
const A4_WIDTH: f32 = 595.0;

/// One part of the document to make, in order.
pub enum Part {
    /// A JPEG, embedded as it is.
    Jpeg {
        /// The file's bytes.
        bytes: Vec<u8>,
        /// Its header.
        header: JpegHeader,
    },
    /// A JPEG (upright as stored) drawn over a whole page of the given size in points, e.g. a
    /// scanned page rendered again: the page keeps its size whatever the picture's resolution.
    JpegPage {
        /// The JPEG's bytes.
        bytes: Vec<u8>,
        /// Its header.
        header: JpegHeader,
        /// The page's width and height in points.
        size: (f32, f32),
    },
    /// A decoded picture, already upright.
    Picture(RgbaImage),
    /// Every page of a PDF.
    Pdf(Vec<u8>),
    /// Pages already written by `text_pdf` (content streams of text in Helvetica).
    TextPages(Vec<Vec<u8>>),
}

/// Why a document could not be made.
#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    /// A PDF to copy pages from could not be read.
    #[error("{0} could not be read as a PDF")]
    UnreadablePdf(String),
    /// A PDF to copy pages from needs a password.
    #[error("{0} is locked with a password")]
    LockedPdf(String),
}

/// Writes `parts` (each with the name of the file it came from, for errors) as one PDF.
pub fn build(parts: Vec<(String, Part)>) -> Result<Vec<u8>, BuildError> {
    let mut next = Ref::new(1);
    let catalog = next.bump();
    let tree = next.bump();
    let font = next.bump();
    let mut chunk = Chunk::new();
    let mut kids = Vec::new();
    let mut count = 0_i32;
    let mut uses_font = false;
    for (name, part) in parts {
        match part {
            Part::Jpeg { bytes, header } => {
                kids.push(jpeg_page(&mut chunk, &mut next, tree, &bytes, header, None));
                count += 1;
            }
            Part::JpegPage {
                bytes,
                header,
                size,
            } => {
                kids.push(jpeg_page(
                    &mut chunk,
                    &mut next,
                    tree,
                    &bytes,
                    header,
                    Some(size),
                ));
                count += 1;
            }
            Part::Picture(picture) => {
                kids.push(picture_page(&mut chunk, &mut next, tree, &picture));
                count += 1;
            }
            Part::Pdf(bytes) => {
                let (node, pages) = copy_pages(&mut chunk, &mut next, tree, bytes, &name)?;
                kids.push(node);
                count += pages;
            }
            Part::TextPages(pages) => {
                uses_font = true;
                for content in pages {
                    kids.push(text_page(&mut chunk, &mut next, tree, font, &content));
                    count += 1;
                }
            }
        }
    }
    let mut pdf = pdf_writer::Pdf::new();
    pdf.catalog(catalog).pages(tree);
    pdf.pages(tree).kids(kids).count(count);
    if uses_font {
        pdf.type1_font(font)
            .base_font(Name(b"Helvetica"))
            .encoding_predefined(Name(b"WinAnsiEncoding"));
    }
    pdf.extend(&chunk);
    Ok(pdf.finish())
}

/// The page size for a picture of `width` × `height` pixels shown upright: 150 dpi, scaled
/// down to an A4 page's width.
fn page_size(width: u32, height: u32) -> (f32, f32) {
    #[allow(clippy::cast_precision_loss)] // picture sides are far below 2^24
    let (w, h) = (width as f32, height as f32);
    let scale = (72.0 / PICTURE_DPI).min(A4_WIDTH / w.max(1.0));
    (w * scale, h * scale)
}

/// The matrix that draws the unit-square image so it shows upright on a `w` × `h` page.
fn orientation_matrix(orientation: Orientation, w: f32, h: f32) -> [f32; 6] {
    match orientation {
        Orientation::NoTransforms => [w, 0.0, 0.0, h, 0.0, 0.0],
        Orientation::FlipHorizontal => [-w, 0.0, 0.0, h, w, 0.0],
        Orientation::Rotate180 => [-w, 0.0, 0.0, -h, w, h],
        Orientation::FlipVertical => [w, 0.0, 0.0, -h, 0.0, h],
        Orientation::Rotate90FlipH => [0.0, -h, -w, 0.0, w, h],
        Orientation::Rotate90 => [0.0, -h, w, 0.0, 0.0, h],
        Orientation::Rotate270FlipH => [0.0, h, w, 0.0, 0.0, 0.0],
        Orientation::Rotate270 => [0.0, h, -w, 0.0, w, 0.0],
    }
}

/// Whether `orientation` turns the picture a quarter (its sides swap).
fn quarter_turn(orientation: Orientation) -> bool {
    matches!(
        orientation,
        Orientation::Rotate90
            | Orientation::Rotate270
            | Orientation::Rotate90FlipH
            | Orientation::Rotate270FlipH
    )
}

/// A page showing `xobject` (an image) on a page of `w` × `h` points, drawn with `matrix`.
fn image_page(
    chunk: &mut Chunk,
    next: &mut Ref,
    tree: Ref,
    xobject: Ref,
    (w, h): (f32, f32),
    matrix: [f32; 6],
) -> Ref {
    let page = next.bump();
    let content_id = next.bump();
    let mut content = Content::new();
    content.save_state();
    content.transform(matrix);
    content.x_object(Name(b"Im0"));
    content.restore_state();
    chunk.stream(content_id, &content.finish());
    let mut writer = chunk.page(page);
    writer.parent(tree);
    writer.media_box(Rect::new(0.0, 0.0, w, h));
    writer.contents(content_id);
    writer.resources().x_objects().pair(Name(b"Im0"), xobject);
    writer.finish();
    page
}

/// A page showing a JPEG upright: on a page of `size` points when given, otherwise sized by
/// [`page_size`].
fn jpeg_page(
    chunk: &mut Chunk,
    next: &mut Ref,
    tree: Ref,
    bytes: &[u8],
    header: JpegHeader,
    size: Option<(f32, f32)>,
) -> Ref {
    let id = next.bump();
    let mut image = chunk.image_xobject(id, bytes);
    image.filter(Filter::DctDecode);
    image.width(i32::try_from(header.width).unwrap_or(i32::MAX));
    image.height(i32::try_from(header.height).unwrap_or(i32::MAX));
    image.bits_per_component(8);
    match header.components {
        1 => {
            image.color_space().device_gray();
        }
        4 => {
            // Adobe writes CMYK JPEGs inverted.
            image.color_space().device_cmyk();
            image.decode([1.0, 0.0, 1.0, 0.0, 1.0, 0.0, 1.0, 0.0]);
        }
        _ => {
            image.color_space().device_rgb();
        }
    }
    image.finish();
    let (width, height) = if quarter_turn(header.orientation) {
        (header.height, header.width)
    } else {
        (header.width, header.height)
    };
    let (w, h) = size.unwrap_or_else(|| page_size(width, height));
    let matrix = orientation_matrix(header.orientation, w, h);
    image_page(chunk, next, tree, id, (w, h), matrix)
}

fn picture_page(chunk: &mut Chunk, next: &mut Ref, tree: Ref, picture: &RgbaImage) -> Ref {
    let id = next.bump();
    let (width, height) = picture.dimensions();
    let mut rgb = Vec::with_capacity(picture.as_raw().len() / 4 * 3);
    let mut alpha = Vec::with_capacity(picture.as_raw().len() / 4);
    for pixel in picture.pixels() {
        rgb.extend_from_slice(&pixel.0[..3]);
        alpha.push(pixel.0[3]);
    }
    let opaque = alpha.iter().all(|a| *a == u8::MAX);
    let mask = (!opaque).then(|| {
        let mask = next.bump();
        let compressed = deflate(&alpha);
        let mut writer = chunk.image_xobject(mask, &compressed);
        writer.filter(Filter::FlateDecode);
        writer.width(i32::try_from(width).unwrap_or(i32::MAX));
        writer.height(i32::try_from(height).unwrap_or(i32::MAX));
        writer.color_space().device_gray();
        writer.bits_per_component(8);
        writer.finish();
        mask
    });
    let compressed = deflate(&rgb);
    let mut image = chunk.image_xobject(id, &compressed);
    image.filter(Filter::FlateDecode);
    image.width(i32::try_from(width).unwrap_or(i32::MAX));
    image.height(i32::try_from(height).unwrap_or(i32::MAX));
    image.color_space().device_rgb();
    image.bits_per_component(8);
    if let Some(mask) = mask {
        image.s_mask(mask);
    }
    image.finish();
    let (w, h) = page_size(width, height);
    image_page(
        chunk,
        next,
        tree,
        id,
        (w, h),
        orientation_matrix(Orientation::NoTransforms, w, h),
    )
}

fn text_page(chunk: &mut Chunk, next: &mut Ref, tree: Ref, font: Ref, content: &[u8]) -> Ref {
    let page = next.bump();
    let content_id = next.bump();
    chunk.stream(content_id, content);
    let mut writer = chunk.page(page);
    writer.parent(tree);
    writer.media_box(Rect::new(0.0, 0.0, A4_WIDTH, super::text_pdf::A4_HEIGHT));
    writer.contents(content_id);
    writer.resources().fonts().pair(Name(b"F1"), font);
    writer.finish();
    page
}

/// Copies every page of the PDF in `bytes` under a page-tree node of its own (returned with
/// the page count). A panic in the copier costs this document, not the process.
fn copy_pages(
    chunk: &mut Chunk,
    next: &mut Ref,
    tree: Ref,
    bytes: Vec<u8>,
    name: &str,
) -> Result<(Ref, i32), BuildError> {
    let source = match hayro_syntax::Pdf::new(bytes) {
        Ok(pdf) => pdf,
        Err(hayro_syntax::LoadPdfError::Decryption(_)) => {
            return Err(BuildError::LockedPdf(name.to_owned()));
        }
        Err(_) => return Err(BuildError::UnreadablePdf(name.to_owned())),
    };
    let pages = source.pages().len();
    if pages == 0 {
        return Err(BuildError::UnreadablePdf(name.to_owned()));
    }
    let queries: Vec<_> = (0..pages)
        .map(hayro_write::ExtractionQuery::new_page)
        .collect();
    let copied = catch_unwind(AssertUnwindSafe(|| {
        hayro_write::extract(
            &source,
            Box::new(|| next.bump()),
            pdf_writer::Settings::default(),
            &queries,
        )
    }));
    let Ok(Ok(copied)) = copied else {
        return Err(BuildError::UnreadablePdf(name.to_owned()));
    };
    let refs: Vec<Ref> = copied
        .root_refs
        .iter()
        .filter_map(|r| r.as_ref().ok().copied())
        .collect();
    let count = i32::try_from(refs.len()).unwrap_or(i32::MAX);
    chunk
        .pages(copied.page_tree_parent_ref)
        .parent(tree)
        .kids(refs)
        .count(count);
    chunk.extend(&copied.chunk);
    Ok((copied.page_tree_parent_ref, count))
}

/// `data` compressed with zlib (what `FlateDecode` reads).
fn deflate(data: &[u8]) -> Vec<u8> {
    use std::io::Write as _;
    let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::new(6));
    // Writing to a Vec cannot fail.
    let _ = encoder.write_all(data);
    encoder.finish().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use base64::Engine as _;
    use base64::engine::general_purpose::STANDARD;
    use hayro::hayro_interpret::InterpreterSettings;
    use hayro::vello_cpu::color::palette::css::WHITE;
    use hayro::{PixmapSettings, RenderCache, RenderSettings};
    use image::{DynamicImage, GrayImage, Luma, Rgb, RgbImage, Rgba};

    use super::*;

    const ALL: [Orientation; 8] = [
        Orientation::NoTransforms,
        Orientation::FlipHorizontal,
        Orientation::Rotate180,
        Orientation::FlipVertical,
        Orientation::Rotate90FlipH,
        Orientation::Rotate90,
        Orientation::Rotate270FlipH,
        Orientation::Rotate270,
    ];

    /// A corner of a picture or page.
    #[derive(Clone, Copy, Debug, PartialEq, Eq)]
    enum Corner {
        TopLeft,
        TopRight,
        BottomLeft,
        BottomRight,
    }
    use Corner::{BottomLeft, BottomRight, TopLeft, TopRight};

    /// Where the corners of the stored picture are in PDF image space (the unit square; the
    /// first row of samples is at the top, y = 1).
    const STORED: [(Corner, (f32, f32)); 4] = [
        (TopLeft, (0.0, 1.0)),
        (TopRight, (1.0, 1.0)),
        (BottomLeft, (0.0, 0.0)),
        (BottomRight, (1.0, 0.0)),
    ];

    fn apply(m: [f32; 6], (x, y): (f32, f32)) -> (f32, f32) {
        (m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5])
    }

    /// The corner of a `w` × `h` page (PDF space: y up) at `point`, if it is one.
    fn page_corner((x, y): (f32, f32), w: f32, h: f32) -> Option<Corner> {
        let at = |a: f32, b: f32| (a - b).abs() < 1e-3;
        match (at(x, 0.0), at(x, w), at(y, 0.0), at(y, h)) {
            (true, _, _, true) => Some(TopLeft),
            (_, true, _, true) => Some(TopRight),
            (true, _, true, _) => Some(BottomLeft),
            (_, true, true, _) => Some(BottomRight),
            _ => None,
        }
    }

    /// Where `image` itself shows each stored corner after applying `orientation` (the
    /// oracle: a 3 × 2 picture whose corners are marked 1–4).
    fn oracle(orientation: Orientation) -> ((u32, u32), Vec<(Corner, Corner)>) {
        let mut stored = GrayImage::new(3, 2);
        for (value, (x, y)) in [(1, (0, 0)), (2, (2, 0)), (3, (0, 1)), (4, (2, 1))] {
            stored.put_pixel(x, y, Luma([value]));
        }
        let mut shown = DynamicImage::ImageLuma8(stored);
        shown.apply_orientation(orientation);
        let shown = shown.to_luma8();
        let (w, h) = shown.dimensions();
        let corner_of = |value: u8| {
            let (x, y, _) = shown
                .enumerate_pixels()
                .find(|(_, _, p)| p.0[0] == value)
                .unwrap();
            match (x == 0, y == 0) {
                (true, true) => TopLeft,
                (false, true) => TopRight,
                (true, false) => BottomLeft,
                (false, false) => BottomRight,
            }
        };
        let map = [TopLeft, TopRight, BottomLeft, BottomRight]
            .into_iter()
            .zip(1..=4)
            .map(|(corner, value)| (corner, corner_of(value)))
            .collect();
        ((w, h), map)
    }

    #[test]
    fn every_orientation_maps_the_unit_square_onto_the_page_as_image_turns_it() {
        for orientation in ALL {
            let ((shown_w, shown_h), expected) = oracle(orientation);
            // The page's sides are those of the picture shown: swapped for a quarter turn.
            assert_eq!(quarter_turn(orientation), shown_w == 2, "{orientation:?}");
            assert_eq!(shown_w * shown_h, 6);
            let (w, h) = (200.0, 300.0);
            let matrix = orientation_matrix(orientation, w, h);
            let mut landed = Vec::new();
            for (corner, point) in STORED {
                let on_page = apply(matrix, point);
                let Some(page) = page_corner(on_page, w, h) else {
                    panic!("{orientation:?}: {corner:?} lands at {on_page:?}, off the corners");
                };
                landed.push((corner, page));
            }
            assert_eq!(landed, expected, "{orientation:?}");
        }
    }

    #[test]
    fn exif_6_puts_the_stored_top_left_at_the_pages_top_right() {
        let (w, h) = (400.0, 600.0);
        let m = orientation_matrix(Orientation::Rotate90, w, h);
        assert_eq!(apply(m, (0.0, 1.0)), (w, h));
        assert_eq!(apply(m, (1.0, 1.0)), (w, 0.0));
        assert_eq!(apply(m, (0.0, 0.0)), (0.0, h));
    }

    #[test]
    fn pictures_are_placed_at_150_dpi_and_never_wider_than_a4() {
        // 1000 × 2000 pixels at 150 dpi: 6.67 × 13.33 inches.
        assert_eq!(page_size(1000, 2000), (480.0, 960.0));
        let (w, h) = page_size(6000, 3000);
        assert!((w - A4_WIDTH).abs() < 1e-3 && (h - A4_WIDTH / 2.0).abs() < 1e-3);
    }

    fn jpeg_of(picture: &RgbImage) -> Vec<u8> {
        super::super::shrink::encode(&DynamicImage::ImageRgb8(picture.clone()), 90).unwrap()
    }

    fn render(pdf: &[u8], index: usize) -> image::RgbaImage {
        let pdf = hayro_syntax::Pdf::new(pdf.to_vec()).unwrap();
        let page = &pdf.pages()[index];
        let pixmap = hayro::render(
            page,
            &RenderCache::new(),
            &InterpreterSettings::default(),
            &RenderSettings::default(),
            &PixmapSettings {
                x_scale: 1.0,
                y_scale: 1.0,
                bg_color: WHITE,
            },
        );
        image::load_from_memory(&pixmap.into_png().unwrap())
            .unwrap()
            .to_rgba8()
    }

    fn centre(picture: &image::RgbaImage) -> [u8; 3] {
        let p = picture.get_pixel(picture.width() / 2, picture.height() / 2);
        [p[0], p[1], p[2]]
    }

    fn near(a: [u8; 3], b: [u8; 3]) -> bool {
        a.iter().zip(b).all(|(x, y)| x.abs_diff(y) <= 40)
    }

    #[test]
    fn a_jpeg_is_embedded_byte_for_byte_on_a_page_its_turned_size() {
        let bytes = jpeg_of(&RgbImage::from_pixel(300, 150, Rgb([200, 30, 30])));
        let mut header = super::super::jpeg::header(&bytes).unwrap();
        header.orientation = Orientation::Rotate270;
        let pdf = build(vec![(
            "photo.jpg".to_owned(),
            Part::Jpeg {
                bytes: bytes.clone(),
                header,
            },
        )])
        .unwrap();
        assert!(pdf.windows(bytes.len()).any(|w| w == bytes));
        let parsed = hayro_syntax::Pdf::new(pdf.clone()).unwrap();
        assert_eq!(parsed.pages().len(), 1);
        let media = parsed.pages()[0].media_box();
        assert!((media.x1 - 72.0).abs() < 1e-3 && (media.y1 - 144.0).abs() < 1e-3);
        assert!(near(centre(&render(&pdf, 0)), [200, 30, 30]));
    }

    /// `ImageMagick`'s `convert -size 16x8 xc:red -colorspace CMYK` (Adobe APP14, inverted).
    const CMYK_RED: &str = "/9j/7gAOQWRvYmUAZAAAAAAC/9sAQwADAgIDAgIDAwMDBAMDBAUIBQUEBAUKBwcGCAwKDAwLCgsLDQ4SEA0OEQ4LCxAWEBETFBUVFQwPFxgWFBgSFBUU/9sAQwEDBAQFBAUJBQUJFA0LDRQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQU/8AAFAgACAAQBAERAAIRAQMRAQQRAP/EABYAAQEBAAAAAAAAAAAAAAAAAAAICf/EABQQAQAAAAAAAAAAAAAAAAAAAAD/xAAWAQEBAQAAAAAAAAAAAAAAAAAABwn/xAAUEQEAAAAAAAAAAAAAAAAAAAAA/9oADgQBAAIRAxEEAAA/AKIXNlU1TAH/2Q==";

    #[test]
    fn a_cmyk_jpeg_keeps_its_colour() {
        let bytes = STANDARD.decode(CMYK_RED).unwrap();
        let header = super::super::jpeg::header(&bytes).unwrap();
        assert_eq!(header.components, 4);
        let pdf = build(vec![("cmyk.jpg".to_owned(), Part::Jpeg { bytes, header })]).unwrap();
        let colour = centre(&render(&pdf, 0));
        assert!(
            colour[0] > 180 && colour[1] < 90 && colour[2] < 90,
            "{colour:?}"
        );
    }

    #[test]
    fn a_picture_with_transparency_gets_a_mask_and_shows_white_where_clear() {
        let mut picture = image::RgbaImage::from_pixel(100, 50, Rgba([20, 20, 220, 255]));
        for x in 50..100 {
            for y in 0..50 {
                picture.put_pixel(x, y, Rgba([0, 0, 0, 0]));
            }
        }
        let pdf = build(vec![("logo.png".to_owned(), Part::Picture(picture))]).unwrap();
        assert!(pdf.windows(5).any(|w| w == b"SMask"));
        let page = render(&pdf, 0);
        let at = |fx: u32| {
            let p = page.get_pixel(page.width() * fx / 4, page.height() / 2);
            [p[0], p[1], p[2]]
        };
        assert!(near(at(1), [20, 20, 220]), "{:?}", at(1));
        assert!(near(at(3), [255, 255, 255]), "{:?}", at(3));
        // An opaque picture has no mask.
        let opaque = image::RgbaImage::from_pixel(10, 10, Rgba([1, 2, 3, 255]));
        let pdf = build(vec![("flat.png".to_owned(), Part::Picture(opaque))]).unwrap();
        assert!(!pdf.windows(5).any(|w| w == b"SMask"));
    }

    #[test]
    fn parts_come_out_as_pages_in_order() {
        let red = jpeg_of(&RgbImage::from_pixel(60, 30, Rgb([220, 20, 20])));
        let header = super::super::jpeg::header(&red).unwrap();
        let blue = image::RgbaImage::from_pixel(30, 60, Rgba([20, 20, 220, 255]));
        let text = super::super::text_pdf::pages("Hello\n".repeat(100).as_str());
        assert_eq!(text.len(), 2);
        let once = build(vec![
            (
                "a.jpg".to_owned(),
                Part::Jpeg {
                    bytes: red.clone(),
                    header,
                },
            ),
            ("b.png".to_owned(), Part::Picture(blue.clone())),
            ("c.txt".to_owned(), Part::TextPages(text.clone())),
        ])
        .unwrap();
        // The PDF just made, copied whole behind another picture: 1 + 4 pages.
        let twice = build(vec![
            ("b.png".to_owned(), Part::Picture(blue)),
            ("once.pdf".to_owned(), Part::Pdf(once.clone())),
        ])
        .unwrap();
        let parsed = hayro_syntax::Pdf::new(twice.clone()).unwrap();
        let sizes: Vec<(f64, f64)> = parsed
            .pages()
            .iter()
            .map(|p| {
                let m = p.media_box();
                (m.x1 - m.x0, m.y1 - m.y0)
            })
            .collect();
        let at = |px: f64| px * 72.0 / 150.0;
        let a4 = (
            f64::from(A4_WIDTH),
            f64::from(super::super::text_pdf::A4_HEIGHT),
        );
        let expected = [
            (at(30.0), at(60.0)),
            (at(60.0), at(30.0)),
            (at(30.0), at(60.0)),
            a4,
            a4,
        ];
        assert_eq!(sizes.len(), expected.len(), "{sizes:?}");
        for (got, want) in sizes.iter().zip(expected) {
            assert!(
                (got.0 - want.0).abs() < 0.01 && (got.1 - want.1).abs() < 0.01,
                "{sizes:?}"
            );
        }
        assert!(near(centre(&render(&twice, 0)), [20, 20, 220]));
        assert!(near(centre(&render(&twice, 1)), [220, 20, 20]));
        // The copied JPEG is still the same bytes.
        assert!(twice.windows(red.len()).any(|w| w == red));
    }

    #[test]
    fn a_pdf_that_is_not_one_is_refused_by_name() {
        let Err(error) = build(vec![(
            "broken.pdf".to_owned(),
            Part::Pdf(b"%PDF-1.7\nnot really".to_vec()),
        )]) else {
            panic!("a broken PDF must not build");
        };
        assert_eq!(error.to_string(), "broken.pdf could not be read as a PDF");
    }

    #[test]
    fn a_jpeg_page_keeps_the_size_it_is_given() {
        let bytes = jpeg_of(&RgbImage::from_pixel(100, 140, Rgb([20, 200, 20])));
        let header = super::super::jpeg::header(&bytes).unwrap();
        let pdf = build(vec![(
            "scan.pdf".to_owned(),
            Part::JpegPage {
                bytes,
                header,
                size: (595.0, 842.0),
            },
        )])
        .unwrap();
        let parsed = hayro_syntax::Pdf::new(pdf.clone()).unwrap();
        let media = parsed.pages()[0].media_box();
        assert!((media.x1 - 595.0).abs() < 1e-3 && (media.y1 - 842.0).abs() < 1e-3);
        let page = render(&pdf, 0);
        // The picture covers the whole page.
        for (x, y) in [(5, 5), (590, 5), (5, 837), (590, 837)] {
            let p = page.get_pixel(x, y);
            assert!(near([p[0], p[1], p[2]], [20, 200, 20]), "{x},{y}: {p:?}");
        }
    }
}
