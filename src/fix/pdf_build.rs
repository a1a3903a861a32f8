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
                kids.push(jpeg_page(&mut chunk, &mut next, tree, &bytes, header));
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

fn jpeg_page(
    chunk: &mut Chunk,
    next: &mut Ref,
    tree: Ref,
    bytes: &[u8],
    header: JpegHeader,
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
    let (w, h) = page_size(width, height);
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
