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
            parts.push((
                name.to_owned(),
                Part::Jpeg {
                    bytes: fitted.jpeg,
                    header,
                },
            ));
        }
        let out = pdf_build::build(parts).ok()?;
        if out.len() as u64 <= budget {
            return Some((out, dpi));
        }
    }
    None
}
