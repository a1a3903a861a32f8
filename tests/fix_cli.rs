//! `atsdrop fix` as a process. Every output is checked by reading it back: PDFs parsed
//! (`hayro-syntax`: pages, their sizes, the embedded JPEG) and rendered (`hayro`: the colours
//! land where they should), text read with `atsdrop read-content`, pictures decoded, and each
//! fixed copy checked again with `atsdrop validate --json`. The originals must be byte for byte
//! what they were.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use hayro::hayro_interpret::InterpreterSettings;
use hayro::hayro_syntax::Pdf;
use hayro::vello_cpu::color::palette::css::WHITE;
use hayro::{PixmapSettings, RenderCache, RenderSettings};
use image::RgbaImage;
use serde_json::Value;

use crate::support::pictures::{self, BLUE, GREEN, RED, YELLOW};

const MIB: u64 = 1024 * 1024;

/// Runs `atsdrop fix --json` with `args` (provider, type, switches) on `paths`, writing into
/// `out`.
fn fix(args: &[&str], out: &Path, paths: &[PathBuf]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_atsdrop"))
        .arg("fix")
        .args(args)
        .arg("--out")
        .arg(out)
        .arg("--json")
        .args(paths)
        .env("NO_COLOR", "1")
        .output()
        .expect("run atsdrop fix")
}

/// Every stdout line parsed as JSON.
fn json_lines(output: &Output) -> Vec<Value> {
    let stdout = String::from_utf8(output.stdout.clone()).expect("UTF-8 output");
    stdout
        .lines()
        .map(|line| serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}: {line}")))
        .collect()
}

/// The only line of a one-file run, after checking the run's shape.
fn single(output: &Output) -> Value {
    let lines = json_lines(output);
    assert_eq!(
        lines.len(),
        1,
        "{lines:#?}\nstderr: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    lines.into_iter().next().unwrap()
}

fn actions(line: &Value) -> Vec<&str> {
    line["actions"]
        .as_array()
        .unwrap_or_else(|| panic!("actions in {line}"))
        .iter()
        .map(|a| a.as_str().unwrap())
        .collect()
}

fn output_path(line: &Value) -> PathBuf {
    PathBuf::from(
        line["output"]
            .as_str()
            .unwrap_or_else(|| panic!("an output in {line}")),
    )
}

/// The bytes of every file given, to compare after the run.
struct Originals(BTreeMap<PathBuf, Vec<u8>>);

impl Originals {
    fn of(paths: &[PathBuf]) -> Self {
        Self(
            paths
                .iter()
                .map(|p| (p.clone(), std::fs::read(p).unwrap()))
                .collect(),
        )
    }

    /// Every original is still there, byte for byte.
    fn assert_untouched(&self) {
        for (path, bytes) in &self.0 {
            let now = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            assert!(now == *bytes, "{} changed", path.display());
        }
    }
}

/// `atsdrop validate --json` on `path` for `provider` and `type_`: the file passes.
fn assert_passes(provider: &str, type_: &str, path: &Path) {
    let output = Command::new(env!("CARGO_BIN_EXE_atsdrop"))
        .args([
            "validate",
            "--json",
            "--provider",
            provider,
            "--type",
            type_,
        ])
        .arg(path)
        .env("NO_COLOR", "1")
        .output()
        .expect("run atsdrop validate");
    let lines = json_lines(&output);
    assert_eq!(output.status.code(), Some(0), "{lines:#?}");
    assert_eq!(lines.len(), 1, "{lines:#?}");
    assert_eq!(lines[0]["ok"], true, "{}", lines[0]);
}

/// `atsdrop read-content --format pdf` on `path`.
fn read_pdf_content(path: &Path) -> Value {
    let output = Command::new(env!("CARGO_BIN_EXE_atsdrop"))
        .args(["read-content", "--format", "pdf"])
        .arg(path)
        .output()
        .expect("run atsdrop read-content");
    assert!(output.status.success(), "{output:?}");
    serde_json::from_slice(&output.stdout).expect("one JSON object")
}

fn open_pdf(path: &Path) -> Pdf {
    Pdf::new(std::fs::read(path).unwrap()).unwrap_or_else(|e| panic!("{e:?}"))
}

/// Each page's `MediaBox` as (width, height) in points.
fn page_sizes(path: &Path) -> Vec<(f64, f64)> {
    let pdf = open_pdf(path);
    pdf.pages()
        .iter()
        .map(|page| {
            let media = page.media_box();
            (media.x1 - media.x0, media.y1 - media.y0)
        })
        .collect()
}

/// Page `index` rendered at `scale` pixels per point on white.
fn render(path: &Path, index: usize, scale: f32) -> RgbaImage {
    let pdf = open_pdf(path);
    let page = &pdf.pages()[index];
    let pixmap = hayro::render(
        page,
        &RenderCache::new(),
        &InterpreterSettings::default(),
        &RenderSettings::default(),
        &PixmapSettings {
            x_scale: scale,
            y_scale: scale,
            bg_color: WHITE,
        },
    );
    let png = pixmap.into_png().expect("encode the rendering");
    image::load_from_memory(&png).unwrap().to_rgba8()
}

/// The colour at a fraction of the way across and down a picture.
fn colour_at(picture: &RgbaImage, fx: f32, fy: f32) -> [u8; 3] {
    #[allow(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        clippy::cast_precision_loss
    )]
    let at = |side: u32, f: f32| ((side as f32 * f) as u32).min(side - 1);
    let pixel = picture.get_pixel(at(picture.width(), fx), at(picture.height(), fy));
    [pixel[0], pixel[1], pixel[2]]
}

fn assert_colour(picture: &RgbaImage, fx: f32, fy: f32, expected: [u8; 3], what: &str) {
    let got = colour_at(picture, fx, fy);
    assert!(
        pictures::near(got, expected, 40),
        "{what}: {got:?} where {expected:?} was expected"
    );
}

/// Whether `needle` occurs in `haystack`.
fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 0.5
}

#[test]
fn a_png_named_pdf_becomes_a_renamed_copy_for_spott() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("fixed");
    let input = pictures::solid_png_file(dir.path(), "photo.pdf", 40, 30, RED);
    let originals = Originals::of(std::slice::from_ref(&input));

    let output = fix(
        &["--provider", "spott", "--type", "CV"],
        &out,
        std::slice::from_ref(&input),
    );
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let line = single(&output);
    assert_eq!(line["status"], "fixed", "{line}");
    assert_eq!(line["file"], input.to_str().unwrap());
    assert_eq!(actions(&line), ["renamed to photo.png"]);
    let fixed = output_path(&line);
    assert_eq!(fixed, out.join("photo.png"));
    // The same bytes under the name the content shows.
    assert_eq!(
        std::fs::read(&fixed).unwrap(),
        std::fs::read(&input).unwrap()
    );
    assert_passes("spott", "CV", &fixed);
    originals.assert_untouched();
}

#[test]
fn a_fix_never_writes_over_a_file_already_in_the_folder() {
    let dir = tempfile::tempdir().unwrap();
    let input = pictures::solid_png_file(dir.path(), "photo.pdf", 20, 20, RED);
    // Fixing into the input's own folder, where photo.png exists already.
    let other = pictures::write(dir.path(), "photo.png", b"someone else's photo");
    let originals = Originals::of(&[input.clone(), other]);

    let output = fix(
        &["--provider", "spott", "--type", "CV"],
        dir.path(),
        std::slice::from_ref(&input),
    );
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let line = single(&output);
    assert_eq!(output_path(&line), dir.path().join("photo (2).png"));
    assert_eq!(
        std::fs::read(output_path(&line)).unwrap(),
        std::fs::read(&input).unwrap()
    );
    originals.assert_untouched();
}

#[test]
fn a_heic_photo_for_spott_becomes_a_jpeg_that_passes() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("fixed");
    let input = pictures::heic_file(dir.path(), "IMG_0001.HEIC", 64, 48);
    let originals = Originals::of(std::slice::from_ref(&input));

    // Spott takes no HEIC: as it is, it is refused.
    let refused = Command::new(env!("CARGO_BIN_EXE_atsdrop"))
        .args(["validate", "--json", "-p", "spott", "-t", "CV"])
        .arg(&input)
        .output()
        .unwrap();
    assert_eq!(refused.status.code(), Some(2));

    let output = fix(&["-p", "spott", "-t", "CV"], &out, &[input]);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let line = single(&output);
    assert_eq!(line["status"], "fixed", "{line}");
    let fixed = output_path(&line);
    assert_eq!(fixed, out.join("IMG_0001.jpg"));
    let actions = actions(&line);
    assert_eq!(actions.len(), 1, "{actions:?}");
    assert!(
        actions[0].starts_with("converted a HEIC photo to JPEG ("),
        "{actions:?}"
    );
    // A real JPEG of the same picture: same size, the quarters where they were.
    let picture = image::open(&fixed).unwrap().to_rgba8();
    assert_eq!(picture.dimensions(), (64, 48));
    assert_colour(&picture, 0.2, 0.2, RED, "top left");
    assert_colour(&picture, 0.8, 0.2, GREEN, "top right");
    assert_colour(&picture, 0.2, 0.8, BLUE, "bottom left");
    assert_colour(&picture, 0.8, 0.8, YELLOW, "bottom right");
    assert_passes("spott", "CV", &fixed);
    originals.assert_untouched();
}

#[test]
fn a_jpeg_over_onderwijsregios_5_mb_is_shrunk_under_it() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("fixed");
    // Stored landscape, shown portrait (EXIF 6): the shrunk copy is upright.
    let noise = pictures::jpeg(&pictures::noise(1800, 1400, 7), 95);
    let input = pictures::write(
        dir.path(),
        "scan.jpg",
        &pictures::with_exif_orientation(&noise, 6),
    );
    let size = std::fs::metadata(&input).unwrap().len();
    assert!(size > 5 * MIB, "the input must be over the limit: {size}");
    let originals = Originals::of(std::slice::from_ref(&input));

    let output = fix(
        &["-p", "onderwijsregio", "-t", "curriculumVitae"],
        &out,
        &[input],
    );
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let line = single(&output);
    assert_eq!(line["status"], "fixed", "{line}");
    let fixed = output_path(&line);
    assert_eq!(fixed, out.join("scan.jpg"));
    let fixed_size = std::fs::metadata(&fixed).unwrap().len();
    // Under the limit with the 10 % margin.
    assert!(fixed_size * 10 <= 5 * MIB * 9, "{fixed_size}");
    let actions = actions(&line);
    assert!(
        actions.iter().any(|a| a.contains("quality reduced")),
        "{actions:?}"
    );
    let picture = image::open(&fixed).unwrap();
    assert!(picture.height() <= 1800 && picture.height() >= 1000);
    // Turned upright (and the EXIF tag not copied, so no viewer turns it again).
    assert!(picture.height() > picture.width(), "{picture:?}");
    assert_passes("onderwijsregio", "curriculumVitae", &fixed);
    originals.assert_untouched();
}

#[test]
fn a_turned_jpeg_becomes_an_upright_pdf_page_with_the_jpeg_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("fixed");
    // Stored 300 × 200 (landscape); EXIF 6 says: turn 90° clockwise to show it, so it shows
    // 200 × 300 (portrait).
    let input = pictures::oriented_jpeg_file(dir.path(), "passport.jpg", 300, 200, 6);
    let originals = Originals::of(std::slice::from_ref(&input));

    // Endorsed takes PDFs but no pictures.
    let output = fix(
        &["-p", "endorsed", "-t", "resume"],
        &out,
        std::slice::from_ref(&input),
    );
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let line = single(&output);
    assert_eq!(line["status"], "fixed", "{line}");
    assert_eq!(actions(&line), ["made a PDF of the picture (a page)"]);
    let fixed = output_path(&line);
    assert_eq!(fixed, out.join("passport.pdf"));

    let sizes = page_sizes(&fixed);
    assert_eq!(sizes.len(), 1);
    let (width, height) = sizes[0];
    // Portrait, the stored sides swapped: 200 × 300 pixels at 150 dpi.
    assert!(close(width, 200.0 * 72.0 / 150.0), "{sizes:?}");
    assert!(close(height, 300.0 * 72.0 / 150.0), "{sizes:?}");
    // Embedded as it is: the whole input, EXIF and all, is inside the PDF.
    let input_bytes = std::fs::read(&input).unwrap();
    assert!(contains(&std::fs::read(&fixed).unwrap(), &input_bytes));
    // Upright: the stored top left (red) shows at the top right, the stored top right (green)
    // at the bottom right, the stored bottom left (blue) at the top left.
    let page = render(&fixed, 0, 2.0);
    assert!(page.height() > page.width());
    assert_colour(&page, 0.75, 0.25, RED, "top right");
    assert_colour(&page, 0.75, 0.75, GREEN, "bottom right");
    assert_colour(&page, 0.25, 0.25, BLUE, "top left");
    assert_colour(&page, 0.25, 0.75, YELLOW, "bottom left");
    assert_passes("endorsed", "resume", &fixed);
    originals.assert_untouched();
}

#[test]
fn a_text_file_for_spott_becomes_a_pdf_with_its_text() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("fixed");
    let long = "word ".repeat(60);
    let capitals = "WORK EXPERIENCE AND EDUCATION ".repeat(4);
    let text = format!(
        "\u{feff}Curriculum Vitae\nJosé van der Berg\njose@example.org\n\n{long}\n{capitals}\nEnd of the letter – thanks\n"
    );
    let input = pictures::text_file(dir.path(), "motivation.txt", &text);
    let originals = Originals::of(std::slice::from_ref(&input));

    let output = fix(&["-p", "spott", "-t", "COVER_LETTER"], &out, &[input]);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let line = single(&output);
    assert_eq!(line["status"], "fixed", "{line}");
    assert_eq!(actions(&line), ["made a PDF of the text"]);
    let fixed = output_path(&line);
    assert_eq!(fixed, out.join("motivation.pdf"));
    assert_eq!(page_sizes(&fixed), [(595.0, 842.0)]);

    let content = read_pdf_content(&fixed);
    assert_eq!(content["pages"], 1, "{content}");
    assert_eq!(content["unreadable"], Value::Null, "{content}");
    let read = content["text"].as_str().unwrap();
    for expected in [
        "Curriculum Vitae",
        "José van der Berg",
        "jose@example.org",
        "End of the letter – thanks",
    ] {
        assert!(read.contains(expected), "{expected:?} in {read:?}");
    }
    // The 300-character line is wrapped on spaces: every word is there, no line is cut in a
    // word, and it takes more than one line.
    let words: usize = read
        .lines()
        .filter(|l| l.trim_start().starts_with("word"))
        .map(|l| {
            assert!(l.split_whitespace().all(|w| w == "word"), "{l:?}");
            l.split_whitespace().count()
        })
        .sum();
    assert_eq!(words, 60, "{read:?}");
    assert!(
        read.lines().filter(|l| l.starts_with("word")).count() > 1,
        "{read:?}"
    );
    assert!(
        !read.contains('?'),
        "the byte order mark is not shown: {read:?}"
    );
    assert!(content["preview_png"].is_string(), "the page renders");
    // Nothing is drawn in the right margin (56 pt) or past the page's edge: the line of
    // capitals is wrapped by its width.
    let page = render(&fixed, 0, 2.0);
    let margin_from = page.width() * (595 - 56 + 2) / 595;
    let inked = |x: u32| (0..page.height()).any(|y| page.get_pixel(x, y)[0] < 200);
    assert!(
        (0..page.width()).any(inked),
        "the text is drawn on the page"
    );
    assert!(
        !(margin_from..page.width()).any(inked),
        "ink in the right margin"
    );
    assert_passes("spott", "COVER_LETTER", &fixed);
    originals.assert_untouched();
}

#[test]
fn combining_two_pictures_and_a_two_page_pdf_makes_four_pages_in_order() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("fixed");
    let paths = vec![
        pictures::solid_png_file(dir.path(), "page-1.png", 300, 200, RED),
        pictures::solid_jpeg_file(dir.path(), "page-2.jpg", 200, 300, BLUE),
        pictures::two_page_pdf_file(dir.path(), "pages-3-4.pdf"),
    ];
    let originals = Originals::of(&paths);
    let jpeg = std::fs::read(&paths[1]).unwrap();

    let output = fix(&["-p", "spott", "-t", "CV", "--combine"], &out, &paths);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let lines = json_lines(&output);
    // A line per input, all naming the one combined file.
    assert_eq!(lines.len(), 3, "{lines:#?}");
    let fixed = output_path(&lines[0]);
    assert_eq!(fixed, out.join("page-1 (combined).pdf"));
    for (line, path) in lines.iter().zip(&paths) {
        assert_eq!(line["file"], path.to_str().unwrap());
        assert_eq!(line["status"], "fixed");
        assert_eq!(output_path(line), fixed);
        assert_eq!(
            actions(line),
            ["combined 3 files into page-1 (combined).pdf"]
        );
    }

    let at_150_dpi = |px: f64| px * 72.0 / 150.0;
    let sizes = page_sizes(&fixed);
    assert_eq!(sizes.len(), 4, "{sizes:?}");
    let expected = [
        (at_150_dpi(300.0), at_150_dpi(200.0)),
        (at_150_dpi(200.0), at_150_dpi(300.0)),
        (400.0, 500.0),
        (500.0, 400.0),
    ];
    for (got, want) in sizes.iter().zip(expected) {
        assert!(close(got.0, want.0) && close(got.1, want.1), "{sizes:?}");
    }
    // Every page renders, with its colour, in the order given.
    for (index, colour) in [RED, BLUE, GREEN, YELLOW].into_iter().enumerate() {
        let page = render(&fixed, index, 1.0);
        assert_colour(&page, 0.5, 0.6, colour, &format!("page {}", index + 1));
    }
    // The JPEG is embedded as it is; the PDF's text comes along.
    assert!(contains(&std::fs::read(&fixed).unwrap(), &jpeg));
    let content = read_pdf_content(&fixed);
    assert_eq!(content["pages"], 4, "{content}");
    let text = content["text"].as_str().unwrap();
    assert!(text.contains("First page"), "{text:?}");
    assert_passes("spott", "CV", &fixed);
    originals.assert_untouched();
}

#[test]
fn garbage_named_jpg_cannot_be_fixed_and_exits_2_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("fixed");
    let garbage: Vec<u8> = pictures::noise(64, 64, 3).into_raw();
    let input = pictures::write(dir.path(), "holiday.jpg", &garbage);
    let originals = Originals::of(std::slice::from_ref(&input));

    let output = fix(&["-p", "spott", "-t", "CV"], &out, &[input]);
    assert_eq!(output.status.code(), Some(2), "{output:?}");
    let line = single(&output);
    assert_eq!(line["status"], "cannot", "{line}");
    assert!(line.get("output").is_none(), "{line}");
    assert!(actions(&line).is_empty());
    let error = line["error"].as_str().unwrap();
    assert!(error.contains("holiday.jpg"), "{error}");
    assert!(error.ends_with('.'), "a sentence: {error}");
    // Nothing is left behind.
    assert!(
        !out.exists() || std::fs::read_dir(&out).unwrap().next().is_none(),
        "{:?}",
        std::fs::read_dir(&out).map(Iterator::count)
    );
    originals.assert_untouched();
}

#[test]
fn a_damaged_jpeg_for_a_system_without_pictures_cannot_be_fixed() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("fixed");
    // A JPEG's start, then noise: the content says JPEG, but nothing decodes it.
    let mut bytes = pictures::jpeg(&pictures::solid(32, 32, RED), 90);
    bytes.truncate(40);
    bytes.extend(pictures::noise(32, 32, 5).into_raw());
    let input = pictures::write(dir.path(), "scan.jpg", &bytes);
    let originals = Originals::of(std::slice::from_ref(&input));

    let output = fix(&["-p", "endorsed", "-t", "resume"], &out, &[input]);
    assert_eq!(output.status.code(), Some(2), "{output:?}");
    let line = single(&output);
    assert_eq!(line["status"], "cannot", "{line}");
    let error = line["error"].as_str().unwrap();
    assert!(error.contains("scan.jpg"), "{error}");
    assert!(
        !out.exists() || std::fs::read_dir(&out).unwrap().next().is_none(),
        "nothing is left behind"
    );
    originals.assert_untouched();
}

#[test]
fn a_file_that_passes_already_is_unchanged_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("fixed");
    let pdf = pictures::two_page_pdf_file(dir.path(), "cv.pdf");
    let jpeg = pictures::write(
        dir.path(),
        "photo.jpg",
        &pictures::jpeg(&pictures::photo(300, 200, 24, 4), 90),
    );
    let paths = vec![pdf, jpeg];
    let originals = Originals::of(&paths);

    let output = fix(&["-p", "spott", "-t", "CV"], &out, &paths);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let lines = json_lines(&output);
    assert_eq!(lines.len(), 2);
    for line in &lines {
        assert_eq!(line["status"], "unchanged", "{line}");
        assert!(line.get("output").is_none(), "{line}");
        assert!(line.get("error").is_none(), "{line}");
        assert!(actions(line).is_empty());
    }
    assert!(!out.exists() || std::fs::read_dir(&out).unwrap().next().is_none());
    originals.assert_untouched();
}

#[test]
fn one_file_that_cannot_be_fixed_makes_the_run_exit_2_while_the_others_are_fixed() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("fixed");
    let paths = vec![
        pictures::solid_png_file(dir.path(), "a.pdf", 20, 20, RED),
        pictures::write(dir.path(), "b.jpg", &pictures::noise(16, 16, 9).into_raw()),
        pictures::text_file(dir.path(), "c.txt", "Hello"),
    ];
    let originals = Originals::of(&paths);

    let output = fix(&["-p", "spott", "-t", "CV"], &out, &paths);
    assert_eq!(output.status.code(), Some(2), "{output:?}");
    let lines = json_lines(&output);
    let status: Vec<&str> = lines
        .iter()
        .map(|l| l["status"].as_str().unwrap())
        .collect();
    assert_eq!(status, ["fixed", "cannot", "fixed"], "{lines:#?}");
    assert_eq!(output_path(&lines[0]), out.join("a.png"));
    assert_eq!(output_path(&lines[2]), out.join("c.pdf"));
    originals.assert_untouched();
}

#[test]
fn the_text_output_says_what_happened_to_each_file() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("fixed");
    let renamed = pictures::solid_png_file(dir.path(), "photo.pdf", 20, 20, RED);
    let garbage = pictures::write(dir.path(), "b.jpg", &pictures::noise(16, 16, 9).into_raw());
    let output = Command::new(env!("CARGO_BIN_EXE_atsdrop"))
        .args(["fix", "-p", "spott", "-t", "CV", "--out"])
        .arg(&out)
        .arg(&renamed)
        .arg(&garbage)
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(
        text.contains(&format!(
            "fixed     {} \u{2192} {} (renamed to photo.png)",
            renamed.display(),
            out.join("photo.png").display()
        )),
        "{text}"
    );
    assert!(
        text.contains(&format!("cannot    {}\n", garbage.display())),
        "{text}"
    );
}

/// Every page kind a picture can be: PNG, GIF, WebP, BMP and TIFF are decoded and embedded
/// for a system that takes only PDFs; each page shows the picture.
#[test]
fn every_picture_format_becomes_a_pdf_page_for_endorsed() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("fixed");
    let picture = pictures::quarters(60, 40);
    let formats = [
        ("a.png", image::ImageFormat::Png),
        ("b.gif", image::ImageFormat::Gif),
        ("c.webp", image::ImageFormat::WebP),
        ("d.bmp", image::ImageFormat::Bmp),
        ("e.tiff", image::ImageFormat::Tiff),
    ];
    let mut paths: Vec<PathBuf> = formats
        .iter()
        .map(|(name, format)| {
            pictures::write(dir.path(), name, &pictures::encode(&picture, *format))
        })
        .collect();
    paths.push(pictures::heic_file(dir.path(), "f.heic", 60, 40));
    let originals = Originals::of(&paths);

    let output = fix(&["-p", "endorsed", "-t", "resume"], &out, &paths);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let lines = json_lines(&output);
    assert_eq!(lines.len(), paths.len());
    for line in &lines {
        assert_eq!(line["status"], "fixed", "{line}");
        let fixed = output_path(line);
        let sizes = page_sizes(&fixed);
        assert_eq!(sizes.len(), 1);
        assert!(close(sizes[0].0, 60.0 * 0.48) && close(sizes[0].1, 40.0 * 0.48));
        let page = render(&fixed, 0, 4.0);
        let what = fixed.display().to_string();
        assert_colour(&page, 0.25, 0.25, RED, &what);
        assert_colour(&page, 0.75, 0.25, GREEN, &what);
        assert_colour(&page, 0.25, 0.75, BLUE, &what);
        assert_colour(&page, 0.75, 0.75, YELLOW, &what);
    }
    assert_passes("endorsed", "resume", &output_path(&lines[0]));
    originals.assert_untouched();
}

#[test]
fn combining_pictures_too_large_together_shrinks_them_to_fit() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("fixed");
    let paths = vec![
        pictures::noise_jpeg_file(dir.path(), "scan-1.jpg", 1400, 1000, 95),
        pictures::noise_png_file(dir.path(), "scan-2.png", 1000, 1400),
    ];
    let total: u64 = paths
        .iter()
        .map(|p| std::fs::metadata(p).unwrap().len())
        .sum();
    assert!(total > 5 * MIB, "together over the limit: {total}");
    let originals = Originals::of(&paths);

    let output = fix(
        &[
            "-p",
            "onderwijsregio",
            "-t",
            "otherAttachments",
            "--combine",
        ],
        &out,
        &paths,
    );
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let lines = json_lines(&output);
    assert_eq!(lines.len(), 2);
    let line = &lines[0];
    assert_eq!(line["status"], "fixed", "{line}");
    let actions = actions(line);
    assert_eq!(
        actions[0], "combined 2 files into scan-1 (combined).pdf",
        "{actions:?}"
    );
    assert!(
        actions.iter().any(|a| a.contains("quality reduced")),
        "{actions:?}"
    );
    let fixed = output_path(line);
    let size = std::fs::metadata(&fixed).unwrap().len();
    assert!(size * 10 <= 5 * MIB * 9, "{size}");
    // Two pages, each the shape of its picture.
    let sizes = page_sizes(&fixed);
    assert_eq!(sizes.len(), 2, "{sizes:?}");
    assert!(
        sizes[0].0 > sizes[0].1 && sizes[1].0 < sizes[1].1,
        "{sizes:?}"
    );
    assert_eq!(read_pdf_content(&fixed)["pages"], 2);
    assert_passes("onderwijsregio", "otherAttachments", &fixed);
    originals.assert_untouched();
}

#[test]
fn combining_a_locked_pdf_or_a_document_cannot_be_done_and_says_which_file() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("fixed");
    let picture = pictures::solid_png_file(dir.path(), "a.png", 20, 20, RED);
    let locked = crate::support::documents::encrypted_pdf(dir.path(), "locked.pdf");
    let docx = crate::support::documents::cv_docx(
        dir.path(),
        "cv.docx",
        &crate::support::documents::Cv {
            name: "Anna de Wit",
            email: "anna@example.org",
            phone: "+31 6 1234 5678",
            pages: 1,
        },
    );
    for (other, name, says) in [
        (&locked, "locked.pdf", "password"),
        (&docx, "cv.docx", "only pictures, PDFs and text"),
    ] {
        let paths = vec![picture.clone(), other.clone()];
        let originals = Originals::of(&paths);
        let output = fix(&["-p", "spott", "-t", "CV", "--combine"], &out, &paths);
        assert_eq!(output.status.code(), Some(2), "{output:?}");
        let lines = json_lines(&output);
        assert_eq!(lines.len(), 2);
        for line in &lines {
            assert_eq!(line["status"], "cannot", "{line}");
            let error = line["error"].as_str().unwrap();
            assert!(error.contains(name) && error.contains(says), "{error}");
        }
        assert!(!out.exists() || std::fs::read_dir(&out).unwrap().next().is_none());
        originals.assert_untouched();
    }
}

#[test]
fn a_scan_over_the_limit_is_made_again_smaller_with_its_pages_still_a4() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("fixed");
    let input = pictures::noise_scan_file(dir.path(), "scan.pdf", 3);
    let size = std::fs::metadata(&input).unwrap().len();
    assert!(size > 5 * MIB, "{size}");
    let originals = Originals::of(std::slice::from_ref(&input));

    let output = fix(
        &["-p", "onderwijsregio", "-t", "curriculumVitae"],
        &out,
        &[input],
    );
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let line = single(&output);
    assert_eq!(line["status"], "fixed", "{line}");
    let actions = actions(&line);
    assert!(
        actions.len() == 1 && actions[0].starts_with("scanned pages made again at "),
        "{actions:?}"
    );
    // Three pages of noise do not fit at 150 dpi: the resolution said is the one they got.
    let dpi: f64 = actions[0]["scanned pages made again at ".len()..]
        .split(' ')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    assert!((72.0..150.0).contains(&dpi), "{actions:?}");
    let fixed = output_path(&line);
    assert_eq!(fixed, out.join("scan.pdf"));
    let fixed_size = std::fs::metadata(&fixed).unwrap().len();
    assert!(fixed_size * 10 <= 5 * MIB * 9, "{fixed_size}");
    // Still three A4 pages, whatever resolution they were made at.
    let sizes = page_sizes(&fixed);
    assert_eq!(sizes.len(), 3, "{sizes:?}");
    for (w, h) in &sizes {
        assert!(
            close(*w, 595.0) && close(*h, 842.0),
            "{actions:?}: {sizes:?}"
        );
    }
    assert_passes("onderwijsregio", "curriculumVitae", &fixed);
    originals.assert_untouched();
}
