//! Building the PDFs the tests read: text pages in Helvetica, an image-only page, and documents
//! assembled object by object with a correct cross-reference table; and a thread with a small
//! stack to read them on.

use pdf_writer::{Content, Finish, Name, Rect as PdfRect, Ref, Str};

/// A document of pages, each page a content stream using Helvetica as `F1`.
pub(super) fn text_pdf(pages: &[Content]) -> Vec<u8> {
    let mut pdf = pdf_writer::Pdf::new();
    let catalog = Ref::new(1);
    let tree = Ref::new(2);
    let font = Ref::new(3);
    let page_ids: Vec<Ref> = (0..pages.len())
        .map(|i| Ref::new(10 + 2 * i32::try_from(i).unwrap()))
        .collect();
    pdf.catalog(catalog).pages(tree);
    pdf.pages(tree)
        .kids(page_ids.iter().copied())
        .count(i32::try_from(pages.len()).unwrap());
    pdf.type1_font(font).base_font(Name(b"Helvetica"));
    for (content, id) in pages.iter().zip(&page_ids) {
        let content_id = Ref::new(id.get() + 1);
        let mut page = pdf.page(*id);
        page.media_box(PdfRect::new(0.0, 0.0, 595.0, 842.0));
        page.parent(tree);
        page.contents(content_id);
        page.resources().fonts().pair(Name(b"F1"), font);
        page.finish();
        pdf.stream(content_id, content.as_bytes());
    }
    pdf.finish()
}

/// Text at (x, y) from the bottom left, in Helvetica at `size`.
pub(super) fn show(content: &mut Content, x: f32, y: f32, size: f32, text: &str) {
    content.begin_text();
    content.set_font(Name(b"F1"), size);
    content.next_line(x, y);
    content.show(Str(text.as_bytes()));
    content.end_text();
}

/// A CV-like first page written out of reading order, and a second page.
pub(super) fn cv_pdf() -> Vec<u8> {
    let mut first = Content::new();
    // The bottom line comes first in the stream.
    show(&mut first, 72.0, 600.0, 12.0, "Experience");
    show(&mut first, 72.0, 760.0, 18.0, "Curriculum Vitae");
    // A word gap made by kerning, as LaTeX does, not by a space glyph.
    first.begin_text();
    first.set_font(Name(b"F1"), 12.0);
    first.next_line(72.0, 730.0);
    first
        .show_positioned()
        .items()
        .show(Str(b"Jane"))
        .adjust(-300.0)
        .show(Str(b"Doe"));
    first.end_text();
    // Right half of the line first, then its left half.
    show(&mut first, 120.0, 700.0, 12.0, "jane.doe@example.com");
    show(&mut first, 72.0, 700.0, 12.0, "E-mail:");
    let mut second = Content::new();
    show(&mut second, 72.0, 760.0, 12.0, "Skills: Rust, SQL");
    text_pdf(&[first, second])
}

/// A page that draws a 2×2 grey image and no text.
pub(super) fn image_pdf() -> Vec<u8> {
    let mut pdf = pdf_writer::Pdf::new();
    let (catalog, tree, page_id, image, content_id) = (
        Ref::new(1),
        Ref::new(2),
        Ref::new(3),
        Ref::new(4),
        Ref::new(5),
    );
    pdf.catalog(catalog).pages(tree);
    pdf.pages(tree).kids([page_id]).count(1);
    let mut page = pdf.page(page_id);
    page.media_box(PdfRect::new(0.0, 0.0, 595.0, 842.0));
    page.parent(tree);
    page.contents(content_id);
    page.resources().x_objects().pair(Name(b"Im1"), image);
    page.finish();
    let mut xobject = pdf.image_xobject(image, &[0, 85, 170, 255]);
    xobject.width(2);
    xobject.height(2);
    xobject.color_space_name(Name(b"DeviceGray"));
    xobject.bits_per_component(8);
    xobject.finish();
    let mut content = Content::new();
    content.save_state();
    content.transform([400.0, 0.0, 0.0, 600.0, 100.0, 100.0]);
    content.x_object(Name(b"Im1"));
    content.restore_state();
    pdf.stream(content_id, &content.finish());
    pdf.finish()
}

/// A PDF from numbered object bodies (object n is `objects[n - 1]`) and a trailer
/// dictionary, with a correct cross-reference table.
pub(super) fn assemble(objects: &[Vec<u8>], trailer: &str) -> Vec<u8> {
    let mut out = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
        out.extend_from_slice(body);
        out.extend_from_slice(b"\nendobj\n");
    }
    let xref = out.len();
    out.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for offset in offsets {
        out.extend_from_slice(format!("{offset:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(format!("trailer\n{trailer}\nstartxref\n{xref}\n%%EOF\n").as_bytes());
    out
}

/// Runs `f` on a thread with a stack of `kib` KiB: a stack overflow would abort the test
/// binary, not fail one test.
pub(super) fn on_stack<T: Send + 'static>(kib: usize, f: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::Builder::new()
        .stack_size(kib * 1024)
        .spawn(f)
        .unwrap()
        .join()
        .unwrap()
}
