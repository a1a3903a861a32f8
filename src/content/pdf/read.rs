//! Reading a PDF: the header and nesting checks, then hayro under a panic guard, the
//! encryption outcomes, and the first [`MAX_PAGES`] pages interpreted into text.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Arc;

use hayro_interpret::kurbo::{Affine, Rect};
use hayro_interpret::{Context, InterpreterCache, InterpreterSettings, RenderContent, interpret};
use hayro_syntax::content::TypedIter;
use hayro_syntax::page::Page;
use hayro_syntax::{DecryptionError, LoadPdfError, Pdf};

use super::lines::{join_bounded, lines_of};
use super::nesting::nesting_exceeds;
use super::text_layer::TextCollector;
use super::{MAX_CONTENT_BYTES, MAX_NESTING_DEPTH, MAX_PAGES, MAX_TEXT_BYTES, PdfFacts};

/// The start of every error phrase.
const NOT_READABLE: &str = "it is not a PDF atsdrop can read";

/// How far into the file the `%PDF-` header may start (readers accept leading junk).
const HEADER_WINDOW: usize = 1024;

/// Reads a PDF's facts from its bytes. Errors are a short lower-case phrase ("it is not a PDF
/// atsdrop can read (…)").
pub fn read_pdf(bytes: &[u8]) -> Result<PdfFacts, String> {
    let head = bytes.get(..HEADER_WINDOW).unwrap_or(bytes);
    if !head.windows(5).any(|window| window == b"%PDF-") {
        return Err(format!("{NOT_READABLE} (it has no PDF header)"));
    }
    if nesting_exceeds(bytes, MAX_NESTING_DEPTH) {
        return Err("its structure is nested too deeply to read safely".to_owned());
    }
    catch_unwind(AssertUnwindSafe(|| read_unguarded(bytes)))
        .unwrap_or_else(|_| Err(format!("{NOT_READABLE} (the reader failed on it)")))
}

/// [`read_pdf`] without the checks in front and the panic guard around.
fn read_unguarded(bytes: &[u8]) -> Result<PdfFacts, String> {
    let pdf = match Pdf::new(bytes.to_vec()) {
        Ok(pdf) => pdf,
        Err(LoadPdfError::Decryption(DecryptionError::PasswordProtected)) => {
            // The page tree is encrypted too (or may be, in an object stream): pages unknown.
            return Ok(PdfFacts {
                needs_password: true,
                ..PdfFacts::default()
            });
        }
        Err(LoadPdfError::Decryption(DecryptionError::UnsupportedAlgorithm)) => {
            return Err(format!(
                "{NOT_READABLE} (its encryption is of an unknown kind)"
            ));
        }
        Err(LoadPdfError::Decryption(
            DecryptionError::InvalidEncryption | DecryptionError::MissingIDEntry,
        )) => return Err(format!("{NOT_READABLE} (its encryption is damaged)")),
        Err(LoadPdfError::Invalid) => {
            // hayro's repair pass swallows decryption errors, so a damaged file that is also
            // encrypted ends up here; say so rather than only "damaged".
            let encrypted = bytes.windows(8).any(|window| window == b"/Encrypt");
            let why = if encrypted {
                "it is damaged and encrypted"
            } else {
                "it is damaged"
            };
            return Err(format!("{NOT_READABLE} ({why})"));
        }
    };

    let pages = pdf.pages();
    let mut facts = PdfFacts {
        pages: u32::try_from(pages.len()).unwrap_or(u32::MAX),
        ..PdfFacts::default()
    };
    let settings = InterpreterSettings {
        warning_sink: Arc::new(|_| {}),
        render_content: RenderContent::PAGE,
        // The default resolvers answer from the fonts and CMaps built into hayro: no system
        // fonts, no files, no network.
        ..InterpreterSettings::default()
    };
    let cache = InterpreterCache::new();
    let mut collector = TextCollector::default();
    let mut page_texts = Vec::new();

    for page in pages.iter().take(MAX_PAGES) {
        collector.glyphs.clear();
        let mut context = Context::new(
            initial_transform(page),
            page_box(page),
            &cache,
            pdf.xref(),
            settings.clone(),
        );
        let stream = page.page_stream().unwrap_or_default();
        let stream = stream.get(..MAX_CONTENT_BYTES).unwrap_or(stream);
        interpret(
            TypedIter::new(stream),
            page.resources(),
            &mut context,
            &mut collector,
        );
        page_texts.push(lines_of(&mut collector.glyphs));
    }

    facts.has_images = collector.images > 0;
    facts.has_text_layer = collector.has_text;
    facts.text = join_bounded(page_texts.iter().flatten(), MAX_TEXT_BYTES);
    facts.first_page_bytes = page_texts
        .first()
        .map_or(0, |page| join_bounded(page, MAX_TEXT_BYTES).len());
    Ok(facts)
}

/// The page's rendering transform: rotation and crop box applied, origin top left, y down.
fn initial_transform(page: &Page<'_>) -> Affine {
    Affine::new(page.initial_transform(true).as_coeffs())
}

/// The page's visible area in the coordinates of [`initial_transform`].
fn page_box(page: &Page<'_>) -> Rect {
    let (width, height) = page.render_dimensions();
    Rect::new(0.0, 0.0, f64::from(width), f64::from(height))
}

#[cfg(test)]
mod tests {
    use pdf_writer::Content;

    use super::*;
    use crate::content::pdf::test_builders::{assemble, cv_pdf, on_stack, show, text_pdf};
    use crate::content::pdf::test_encryption::encrypted_pdf;

    #[test]
    fn only_the_first_pages_are_read() {
        let pages: Vec<Content> = (1..=5)
            .map(|n| {
                let mut content = Content::new();
                show(&mut content, 72.0, 760.0, 12.0, &format!("marker{n}"));
                content
            })
            .collect();
        let facts = read_pdf(&text_pdf(&pages)).unwrap();
        assert_eq!(facts.pages, 5);
        assert_eq!(facts.text, "marker1\nmarker2\nmarker3");
    }

    #[test]
    fn a_user_password_is_reported_and_nothing_else_is_read() {
        let facts = read_pdf(&encrypted_pdf(b"secret")).unwrap();
        assert_eq!(
            facts,
            PdfFacts {
                needs_password: true,
                ..PdfFacts::default()
            }
        );
    }

    #[test]
    fn owner_restrictions_alone_do_not_stop_reading() {
        let facts = read_pdf(&encrypted_pdf(b"")).unwrap();
        assert!(!facts.needs_password);
        assert_eq!(facts.pages, 1);
        assert!(facts.has_text_layer);
        assert_eq!(facts.text, "Confidential offer");
    }

    #[test]
    fn unknown_or_damaged_encryption_is_an_error() {
        let other_handler = assemble(
            &[
                b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
                b"<< /Type /Pages /Kids [] /Count 0 >>".to_vec(),
                b"<< /Filter /Adobe.PubSec /V 4 /R 4 >>".to_vec(),
            ],
            "<< /Size 4 /Root 1 0 R /Encrypt 3 0 R >>",
        );
        let error = read_pdf(&other_handler).unwrap_err();
        assert!(error.starts_with(NOT_READABLE), "{error}");
    }

    #[test]
    fn garbage_is_an_error() {
        let noise: Vec<u8> = (0..4096_u32)
            .map(|i| u8::try_from(i * 7919 % 251).unwrap())
            .collect();
        let error = read_pdf(&noise).unwrap_err();
        assert_eq!(
            error,
            "it is not a PDF atsdrop can read (it has no PDF header)"
        );

        let mut headed = b"%PDF-1.7\n".to_vec();
        headed.extend_from_slice(&noise);
        let error = read_pdf(&headed).unwrap_err();
        assert!(error.starts_with(NOT_READABLE), "{error}");

        assert!(read_pdf(b"").is_err());
        assert!(read_pdf(b"%PDF-").is_err());
    }

    #[test]
    fn nesting_at_hayros_own_limit_is_read_without_overflow() {
        // Below our pre-check, at and beyond hayro's 512 levels: hayro must stop by itself.
        for depth in [500, 520, MAX_NESTING_DEPTH - 1] {
            let nested = format!("{}0{}", "[".repeat(depth), "]".repeat(depth));
            let mut content =
                format!("BT /F1 12 Tf 72 720 Td (Hello) Tj ET {nested} pop").into_bytes();
            content.extend_from_slice(b"\nBT /F1 12 Tf 72 700 Td (World) Tj ET");
            let mut stream = format!("<< /Length {} >>\nstream\n", content.len()).into_bytes();
            stream.extend_from_slice(&content);
            stream.extend_from_slice(b"\nendstream");
            let pdf = assemble(
                &[
                    b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
                    b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
                    b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] \
                      /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>"
                        .to_vec(),
                    stream,
                    b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_vec(),
                    nested.clone().into_bytes(),
                ],
                "<< /Size 7 /Root 1 0 R >>",
            );
            // Measured unoptimised: passes with 256 KiB, overflows with 128 KiB.
            let facts = on_stack(512, move || read_pdf(&pdf)).unwrap();
            assert!(facts.text.contains("Hello"), "{depth}: {facts:?}");
        }
    }

    #[test]
    fn a_form_that_draws_itself_stops_at_hayros_depth() {
        // Form 6 draws form 6: hayro-interpret stops after 50 levels.
        let form_content = b"BT /F1 12 Tf 72 720 Td (Loop) Tj ET /X Do";
        let mut form = format!(
            "<< /Type /XObject /Subtype /Form /BBox [0 0 595 842] \
             /Resources << /Font << /F1 5 0 R >> /XObject << /X 6 0 R >> >> /Length {} >>\nstream\n",
            form_content.len()
        )
        .into_bytes();
        form.extend_from_slice(form_content);
        form.extend_from_slice(b"\nendstream");
        let page_content = b"/X Do";
        let mut stream = format!("<< /Length {} >>\nstream\n", page_content.len()).into_bytes();
        stream.extend_from_slice(page_content);
        stream.extend_from_slice(b"\nendstream");
        let pdf = assemble(
            &[
                b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
                b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
                b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] \
                  /Resources << /XObject << /X 6 0 R >> >> /Contents 4 0 R >>"
                    .to_vec(),
                stream,
                b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_vec(),
                form,
            ],
            "<< /Size 7 /Root 1 0 R >>",
        );
        let facts = on_stack(512, move || read_pdf(&pdf)).unwrap();
        assert_eq!(facts.text, "Loop");
    }

    #[test]
    fn truncated_files_never_panic() {
        let whole = cv_pdf();
        let half = read_pdf(&whole[..whole.len() / 2]);
        if let Ok(facts) = &half {
            assert!(!facts.needs_password);
        }
        for cut in (0..whole.len()).step_by(17) {
            let _ = read_pdf(&whole[..cut]);
        }
        let encrypted = encrypted_pdf(b"secret");
        for cut in (0..encrypted.len()).step_by(23) {
            let _ = read_pdf(&encrypted[..cut]);
        }
    }

    #[test]
    fn corrupted_bytes_never_panic() {
        let whole = cv_pdf();
        let mut rng = fastrand::Rng::with_seed(0x5eed);
        for _ in 0..300 {
            let mut bytes = whole.clone();
            for _ in 0..rng.usize(1..8) {
                let at = rng.usize(..bytes.len());
                bytes[at] = rng.u8(..);
            }
            let _ = read_pdf(&bytes);
        }
    }
}
