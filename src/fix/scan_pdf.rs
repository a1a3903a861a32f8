//! Shrinking a PDF made of pictures (a scan): each page rendered again at a resolution that
//! fits the budget and stored as a JPEG page. Only for PDFs without a text layer — a PDF with
//! text would lose it.

use hayro::hayro_interpret::InterpreterSettings;
use hayro::hayro_syntax::Pdf;
use hayro::vello_cpu::color::palette::css::WHITE;
use hayro::{PixmapSettings, RenderCache, RenderSettings, render};
use image::{DynamicImage, RgbaImage};

use super::pdf_build::{self, Part};
use super::{jpeg, shrink};

/// The most pages re-rendered (a longer scan is not one candidate document).
const MAX_PAGES: usize = 60;
/// Resolutions tried, highest first (dots per inch).
const RESOLUTIONS: [f32; 4] = [150.0, 120.0, 96.0, 72.0];

/// The scan in `bytes` made again under `budget` bytes; `None` when it has a text layer, is
/// locked or damaged, has too many pages, or does not fit even at the lowest resolution.
/// Returns the PDF and the resolution used.
#[must_use]
pub fn shrink(bytes: &[u8], name: &str, budget: u64) -> Option<(Vec<u8>, f32)> {
    let facts = crate::content::pdf::read_pdf(bytes).ok()?;
    if facts.has_text_layer || facts.needs_password || !facts.has_images {
        return None;
    }
    let pdf = Pdf::new(bytes.to_vec()).ok()?;
    let pages = pdf.pages();
    if pages.is_empty() || pages.len() > MAX_PAGES {
        return None;
    }
    let share = budget / u64::try_from(pages.len()).ok()?;
    for dpi in RESOLUTIONS {
        // The resolution the pages really have: lower when a page had to be scaled down
        // further to fit its share.
        let mut effective = dpi;
        let scale = dpi / 72.0;
        let mut parts = Vec::new();
        let cache = RenderCache::new();
        for page in pages.iter() {
            let pixmap = render(
                page,
                &cache,
                &InterpreterSettings::default(),
                &RenderSettings::default(),
                &PixmapSettings {
                    x_scale: scale,
                    y_scale: scale,
                    bg_color: WHITE,
                },
            );
            let (w, h) = (u32::from(pixmap.width()), u32::from(pixmap.height()));
            // On an opaque white page premultiplied and straight alpha are the same.
            let rgba = RgbaImage::from_raw(w, h, pixmap.data_as_u8_slice().to_vec())?;
            let picture = DynamicImage::ImageRgba8(rgba);
            let fitted = shrink::to_fit(&picture, share)?;
            let header = jpeg::header(&fitted.jpeg)?;
            // The page keeps its size; only its resolution changes.
            let size = page.render_dimensions();
            #[allow(clippy::cast_precision_loss)] // picture sides are far below 2^24
            let page_dpi = fitted.width as f32 * 72.0 / size.0.max(1.0);
            effective = effective.min(page_dpi);
            parts.push((
                name.to_owned(),
                Part::JpegPage {
                    bytes: fitted.jpeg,
                    header,
                    size,
                },
            ));
        }
        let out = pdf_build::build(parts).ok()?;
        if out.len() as u64 <= budget {
            return Some((out, effective));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use image::{Rgb, RgbImage};
    use pdf_writer::{Content, Filter, Finish as _, Name, Rect, Ref, Str};

    use super::*;

    /// A one-page A4 PDF drawing `jpeg` (`width` × `height` pixels) over the whole page, with
    /// `text` on top when given.
    fn scan(jpeg: &[u8], width: i32, height: i32, text: Option<&str>) -> Vec<u8> {
        let mut pdf = pdf_writer::Pdf::new();
        let (catalog, tree, page, content_id, image, font) = (
            Ref::new(1),
            Ref::new(2),
            Ref::new(3),
            Ref::new(4),
            Ref::new(5),
            Ref::new(6),
        );
        pdf.catalog(catalog).pages(tree);
        pdf.pages(tree).kids([page]).count(1);
        let mut xobject = pdf.image_xobject(image, jpeg);
        xobject.filter(Filter::DctDecode);
        xobject.width(width);
        xobject.height(height);
        xobject.color_space().device_rgb();
        xobject.bits_per_component(8);
        xobject.finish();
        let mut content = Content::new();
        content.save_state();
        content.transform([595.0, 0.0, 0.0, 842.0, 0.0, 0.0]);
        content.x_object(Name(b"Im0"));
        content.restore_state();
        if let Some(text) = text {
            content.begin_text();
            content.set_font(Name(b"F1"), 12.0);
            content.next_line(72.0, 720.0);
            content.show(Str(text.as_bytes()));
            content.end_text();
        }
        pdf.stream(content_id, &content.finish());
        let mut writer = pdf.page(page);
        writer.parent(tree);
        writer.media_box(Rect::new(0.0, 0.0, 595.0, 842.0));
        writer.contents(content_id);
        let mut resources = writer.resources();
        resources.x_objects().pair(Name(b"Im0"), image);
        resources.fonts().pair(Name(b"F1"), font);
        resources.finish();
        writer.finish();
        pdf.type1_font(font).base_font(Name(b"Helvetica"));
        pdf.finish()
    }

    fn noise_jpeg(width: u32, height: u32) -> Vec<u8> {
        let mut state = 0x2545_F491_4F6C_DD1D_u64;
        let picture = DynamicImage::ImageRgb8(RgbImage::from_fn(width, height, |_, _| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let [r, g, b, ..] = state.to_le_bytes();
            Rgb([r, g, b])
        }));
        shrink::encode(&picture, 95).unwrap()
    }

    #[test]
    fn a_scan_is_made_again_with_its_pages_the_same_size() {
        let jpeg = noise_jpeg(620, 877);
        let bytes = scan(&jpeg, 620, 877, None);
        // Too small for 150 dpi (1240 × 1754 pixels of noise), enough for less.
        let budget = bytes.len() as u64;
        let (pdf, dpi) = shrink(&bytes, "scan.pdf", budget).unwrap();
        assert!(pdf.len() as u64 <= budget);
        assert!((72.0..150.0).contains(&dpi), "{dpi}");
        let parsed = Pdf::new(pdf).unwrap();
        assert_eq!(parsed.pages().len(), 1);
        let media = parsed.pages()[0].media_box();
        assert!(
            (media.x1 - 595.0).abs() < 0.01 && (media.y1 - 842.0).abs() < 0.01,
            "{media:?}"
        );
    }

    #[test]
    fn a_pdf_with_text_is_never_made_into_pictures() {
        let jpeg = noise_jpeg(64, 90);
        let bytes = scan(&jpeg, 64, 90, Some("Curriculum Vitae of Anna de Wit"));
        assert!(shrink(&bytes, "cv.pdf", 1_000_000).is_none());
        assert!(shrink(b"%PDF-1.7 broken", "broken.pdf", 1_000_000).is_none());
    }
}
