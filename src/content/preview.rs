//! The preview of a document's first page: a PDF's first page rendered small (`hayro`, pure
//! Rust), as a PNG. Runs in the reader process, like every other look inside a document: a
//! renderer that crashes or stalls on a hostile page costs that process only.

use std::panic::{AssertUnwindSafe, catch_unwind};

use hayro::hayro_interpret::InterpreterSettings;
use hayro::hayro_syntax::Pdf;
use hayro::vello_cpu::color::palette::css::WHITE;
use hayro::{PixmapSettings, RenderCache, RenderSettings, render};

/// The widest a preview is, in pixels.
pub const MAX_WIDTH: f32 = 320.0;
/// The tallest a preview is, in pixels.
pub const MAX_HEIGHT: f32 = 480.0;

/// The first page of the PDF in `bytes`, rendered to fit [`MAX_WIDTH`] × [`MAX_HEIGHT`], as
/// PNG bytes; `None` when it cannot be rendered (no pages, a password, damage, a panic).
#[must_use]
pub fn first_pdf_page(bytes: &[u8]) -> Option<Vec<u8>> {
    catch_unwind(AssertUnwindSafe(|| render_unguarded(bytes)))
        .ok()
        .flatten()
}

fn render_unguarded(bytes: &[u8]) -> Option<Vec<u8>> {
    let pdf = Pdf::new(bytes.to_vec()).ok()?;
    let page = pdf.pages().first()?;
    let (width, height) = page.render_dimensions();
    if !(width.is_finite() && height.is_finite()) || width < 1.0 || height < 1.0 {
        return None;
    }
    let scale = (MAX_WIDTH / width).min(MAX_HEIGHT / height);
    let cache = RenderCache::new();
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
    if pixmap.width() == 0 || pixmap.height() == 0 {
        return None;
    }
    pixmap.into_png().ok()
}
