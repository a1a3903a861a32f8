//! The device hayro's interpreter draws into: [`TextCollector`] keeps the Unicode and position
//! of every glyph (at most [`MAX_GLYPHS`]), notes whether any is visible text and counts
//! images; everything else drawn is ignored.

use hayro_interpret::font::{Glyph, GlyphRun};
use hayro_interpret::hayro_cmap::BfString;
use hayro_interpret::kurbo::{Affine, BezPath, Point};
use hayro_interpret::{
    BlendMode, ClipPath, Device, DrawMode, DrawProps, Image, ImageDrawProps, SoftMask,
};

use super::MAX_GLYPHS;

/// One glyph that has a Unicode meaning, placed on the page (y down).
#[derive(Clone, Debug)]
pub(super) struct PlacedGlyph {
    /// Left edge of the glyph (its origin), in points from the left of the page.
    pub(super) x: f64,
    /// Baseline, in points from the top of the page.
    pub(super) y: f64,
    /// Where the next glyph would start without extra spacing.
    pub(super) end_x: f64,
    /// Font size in points (height of the em square on the page).
    pub(super) size: f64,
    /// The glyph's text (usually one character; ligatures give more).
    pub(super) text: String,
}

/// The device the interpreter draws into: it keeps glyphs' Unicode and positions and counts
/// images, and ignores everything else.
#[derive(Debug, Default)]
pub(super) struct TextCollector {
    /// Glyphs of the page being read.
    pub(super) glyphs: Vec<PlacedGlyph>,
    /// Glyphs kept so far over all pages, up to [`MAX_GLYPHS`].
    kept: usize,
    /// Any glyph read so far maps to a visible character.
    pub(super) has_text: bool,
    /// Images drawn on the pages read so far.
    pub(super) images: usize,
}

impl TextCollector {
    /// Notes one glyph drawn with `transform` (glyph space, 1000 units per em, to page).
    fn push(&mut self, transform: Affine, text: &str, advance: Option<f32>) {
        let text: String = text.chars().filter(|c| !c.is_control()).collect();
        if text.is_empty() {
            return;
        }
        if text.chars().any(|c| !c.is_whitespace()) {
            self.has_text = true;
        }
        if self.kept >= MAX_GLYPHS {
            return;
        }
        let origin = transform * Point::ZERO;
        // One em up from the origin, measured on the page.
        let size = ((transform * Point::new(0.0, 1000.0)) - origin).hypot();
        // Advances are in glyph space; without one, assume half an em.
        let advance = advance.map_or(500.0, f64::from).clamp(0.0, 5000.0);
        let end_x = origin.x + advance / 1000.0 * size;
        if !(origin.x.is_finite() && origin.y.is_finite() && size.is_finite() && end_x.is_finite())
        {
            return;
        }
        self.kept += 1;
        self.glyphs.push(PlacedGlyph {
            x: origin.x,
            y: origin.y,
            end_x,
            size: size.max(0.01),
            text,
        });
    }
}

// Only glyphs and images are noted; paths, clips and groups draw nothing that is read.
impl<'a> Device<'a> for TextCollector {
    fn draw_path(&mut self, _: &BezPath, _: DrawProps<'a>, _: &DrawMode) {}

    fn push_clip_path(&mut self, _: &ClipPath) {}

    fn push_transparency_group(&mut self, _: f32, _: Option<SoftMask<'a>>, _: BlendMode) {}

    fn draw_glyph_run(&mut self, run: &GlyphRun<'_, 'a>, props: DrawProps<'a>, _: &DrawMode) {
        for glyph in run.glyphs() {
            let Some(unicode) = glyph.as_unicode() else {
                continue;
            };
            let text = match unicode {
                BfString::Char(c) => c.to_string(),
                BfString::String(s) => s,
            };
            let advance = match &**glyph {
                Glyph::Outline(outline) => outline.advance_width(),
                Glyph::Type3(type3) => type3.advance_width(),
            };
            self.push(props.transform * glyph.transform(), &text, advance);
        }
    }

    fn draw_image(&mut self, _: Image<'a, '_>, _: ImageDrawProps<'a>) {
        self.images = self.images.saturating_add(1);
    }

    fn pop_clip(&mut self) {}

    fn pop_transparency_group(&mut self) {}
}

#[cfg(test)]
mod tests {
    use crate::content::pdf::read_pdf;
    use crate::content::pdf::test_builders::image_pdf;

    #[test]
    fn an_image_only_page_is_a_scan() {
        let facts = read_pdf(&image_pdf()).unwrap();
        assert_eq!(facts.pages, 1);
        assert!(!facts.has_text_layer);
        assert!(facts.has_images);
        assert_eq!(facts.text, "");
    }
}
