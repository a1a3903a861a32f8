//! The content reader as it runs for real: `ContentReader` starting the `atsdrop` binary as
//! `atsdrop read-content` for each file, over generated documents — text, scans, locked and
//! macro files, and hostile ones.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use atsdrop::content::facts::ContentFacts;
use atsdrop::content::reader::ContentReader;
use atsdrop::model::{FileKind, Health};

use crate::support::documents::{self, Cv};

/// A reader running the binary under test.
fn reader() -> ContentReader {
    ContentReader::new(PathBuf::from(env!("CARGO_BIN_EXE_atsdrop")))
}

/// What the sniffer says the file is (the kind the app passes to the reader).
fn kind_of(path: &Path) -> FileKind {
    atsdrop::inspect::inspect(path)
        .content
        .unwrap_or_else(|| panic!("{} has a kind", path.display()))
}

/// Reads `path` with `reader`, as the app does: by its sniffed kind.
async fn read_with(reader: &ContentReader, path: &Path) -> Arc<ContentFacts> {
    reader
        .read(path, &kind_of(path))
        .await
        .unwrap_or_else(|| panic!("{} is a kind atsdrop reads", path.display()))
}

async fn read(path: &Path) -> Arc<ContentFacts> {
    read_with(&reader(), path).await
}

const ANNA: Cv<'static> = Cv {
    name: "Anna van den Berg",
    email: "anna.vandenberg@example.com",
    phone: "+31 6 1234 5678",
    pages: 2,
};

#[tokio::test]
async fn a_text_pdf_gives_the_text_of_its_first_pages_and_its_page_count() {
    let dir = tempfile::tempdir().unwrap();
    let pages: Vec<Vec<String>> = (1..=5)
        .map(|n| {
            vec![
                format!("Page {n} begins here"),
                format!("and ends here ({n})"),
            ]
        })
        .collect();
    let path = documents::text_pdf(dir.path(), "five.pdf", &pages);

    let facts = read(&path).await;
    assert_eq!(facts.pages, Some(5));
    assert_eq!(facts.health, []);
    assert_eq!(facts.unreadable, None);
    // The first three pages, line by line, in order; nothing of pages 4 and 5.
    assert_eq!(
        facts.text,
        "Page 1 begins here\nand ends here (1)\nPage 2 begins here\nand ends here (2)\n\
         Page 3 begins here\nand ends here (3)"
    );
    assert_eq!(facts.first_page(), "Page 1 begins here\nand ends here (1)");
}

#[tokio::test]
async fn a_cv_pdf_names_its_owner_at_the_top_of_the_first_page() {
    let dir = tempfile::tempdir().unwrap();
    let cv = Cv {
        name: "Zoë Müller",
        email: "zoe.muller7@example.com",
        pages: 3,
        ..ANNA
    };
    let facts = read(&documents::cv_pdf(dir.path(), "cv.pdf", &cv)).await;
    assert_eq!(facts.pages, Some(3));
    assert_eq!(facts.health, []);
    let first: Vec<&str> = facts.first_page().lines().take(4).collect();
    assert_eq!(
        first,
        [
            "Zoë Müller",
            "zoe.muller7@example.com",
            "+31 6 1234 5678",
            "Curriculum Vitae"
        ]
    );
    assert!(
        facts.text.contains("Skills and interests"),
        "page 3 is read"
    );
}

#[tokio::test]
async fn an_image_only_pdf_has_no_text_layer() {
    let dir = tempfile::tempdir().unwrap();
    let facts = read(&documents::image_pdf(dir.path(), "scan.pdf")).await;
    assert_eq!(facts.health, [Health::NoTextLayer]);
    assert_eq!(facts.pages, Some(1));
    assert_eq!(facts.text, "");
    assert_eq!(facts.unreadable, None);
}

#[tokio::test]
async fn an_encrypted_pdf_needs_a_password_and_nothing_else_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let facts = read(&documents::encrypted_pdf(dir.path(), "locked.pdf")).await;
    assert_eq!(facts.health, [Health::NeedsPassword]);
    assert_eq!(facts.text, "");
    assert_eq!(facts.unreadable, None);
}

#[tokio::test]
async fn an_email_in_a_docx_page_header_is_in_the_text() {
    let dir = tempfile::tempdir().unwrap();
    let path = documents::docx_with_header_email(dir.path(), "cv.docx", "j.de.vries@example.org");
    assert_eq!(kind_of(&path), FileKind::Docx);
    let facts = read(&path).await;
    assert_eq!(facts.health, []);
    assert!(facts.text.starts_with("Experience\n"), "{facts:?}");
    // The header comes after the body.
    assert!(
        facts.text.ends_with("\nj.de.vries@example.org"),
        "{}",
        facts.text
    );
}

#[tokio::test]
async fn a_docx_cv_is_read_page_after_page() {
    let dir = tempfile::tempdir().unwrap();
    let facts = read(&documents::cv_docx(dir.path(), "cv.docx", &ANNA)).await;
    assert_eq!(facts.health, []);
    assert_eq!(facts.pages, None);
    assert!(
        facts
            .text
            .starts_with("Anna van den Berg\nanna.vandenberg@example.com\n+31 6 1234 5678\n"),
        "{}",
        facts.text
    );
    assert!(facts.text.contains("\nEducation\n"), "page 2 is read");
}

#[tokio::test]
async fn a_docm_carries_macros() {
    let dir = tempfile::tempdir().unwrap();
    let path = documents::cv_docm(dir.path(), "cv.docm", &ANNA);
    assert_eq!(kind_of(&path), FileKind::Docx);
    let facts = read(&path).await;
    assert_eq!(facts.health, [Health::Macros]);
    assert!(facts.text.starts_with("Anna van den Berg\n"), "{facts:?}");
}

#[tokio::test]
async fn an_encrypted_docx_is_a_locked_office_file_that_needs_a_password() {
    let dir = tempfile::tempdir().unwrap();
    let path = documents::encrypted_docx(dir.path(), "locked.docx");
    let sniffed = atsdrop::inspect::inspect(&path);
    assert_eq!(sniffed.content, Some(FileKind::LockedOffice));
    assert!(!sniffed.mismatch(), "a locked .docx is what its name says");
    let facts = read(&path).await;
    assert_eq!(facts.health, [Health::NeedsPassword]);
    assert_eq!(facts.text, "");
    assert_eq!(facts.unreadable, None);
}

#[tokio::test]
async fn an_rtf_cv_is_read_with_its_accents() {
    let dir = tempfile::tempdir().unwrap();
    let cv = Cv {
        name: "Björn Ødegaard",
        email: "bjorn.odegaard3@example.com",
        ..ANNA
    };
    let path = documents::cv_rtf(dir.path(), "cv.rtf", &cv);
    assert_eq!(kind_of(&path), FileKind::Rtf);
    let facts = read(&path).await;
    assert_eq!(facts.health, []);
    assert!(
        facts
            .text
            .starts_with("Björn Ødegaard\nbjorn.odegaard3@example.com\n+31 6 1234 5678\n"),
        "{}",
        facts.text
    );
    assert!(
        !facts.text.contains("Nobody"),
        "document information is skipped"
    );
}

/// Reads `path`, checking it ends within the reader's limit (plus room for starting the
/// process on a busy machine), and returns what it says.
async fn read_hostile(reader: &ContentReader, path: &Path) -> Arc<ContentFacts> {
    let started = Instant::now();
    let facts = read_with(reader, path).await;
    let took = started.elapsed();
    assert!(
        took < Duration::from_secs(4),
        "{} took {took:?}",
        path.display()
    );
    assert_ne!(
        facts.unreadable.as_deref(),
        Some("reading it took too long"),
        "{}",
        path.display()
    );
    assert_ne!(
        facts.unreadable.as_deref(),
        Some("the reader stopped on it"),
        "{} crashed its reader",
        path.display()
    );
    facts
}

#[tokio::test]
async fn hostile_files_end_quickly_and_the_reader_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let reader = reader();

    let nested = read_hostile(
        &reader,
        &documents::nested_pdf(dir.path(), "deep.pdf", 20_000),
    )
    .await;
    assert_eq!(nested.health, [Health::Unreadable]);
    assert_eq!(
        nested.unreadable.as_deref(),
        Some("its structure is nested too deeply to read safely")
    );
    // Just under the reader's own limit, deeper than hayro's: hayro stops by itself.
    let below = read_hostile(
        &reader,
        &documents::nested_pdf(dir.path(), "less-deep.pdf", 999),
    )
    .await;
    assert_eq!(below.health, [], "{below:?} {:?}", below.unreadable);
    assert_eq!(below.text, "Nested");

    let bomb_path = documents::docx_zip_bomb(dir.path(), "bomb.docx");
    assert!(std::fs::metadata(&bomb_path).unwrap().len() < 1024 * 1024);
    let bomb = read_hostile(&reader, &bomb_path).await;
    assert_eq!(bomb.health, [Health::Unreadable]);
    assert_eq!(
        bomb.unreadable.as_deref(),
        Some("it unpacks to far more than a document holds, so it was not opened")
    );

    // A cross-reference table cut short: hayro rebuilds it by scanning the objects.
    let truncated = read_hostile(
        &reader,
        &documents::truncated_xref_pdf(dir.path(), "cut.pdf"),
    )
    .await;
    assert_eq!(truncated.health, []);
    assert_eq!(truncated.pages, Some(3));
    assert!(truncated.text.starts_with("Experience\n"), "{truncated:?}");

    // The same reader still reads an ordinary file.
    let fine = read_with(&reader, &documents::cv_pdf(dir.path(), "cv.pdf", &ANNA)).await;
    assert!(fine.text.starts_with("Anna van den Berg\n"), "{fine:?}");
}

/// A link to the binary under test in `dir`, which a test can take away.
fn program_link(dir: &Path) -> PathBuf {
    let link = dir.join("atsdrop-reader");
    std::os::unix::fs::symlink(env!("CARGO_BIN_EXE_atsdrop"), &link).unwrap();
    link
}

#[tokio::test]
async fn a_reader_that_runs_out_of_time_says_so_and_is_not_remembered() {
    let dir = tempfile::tempdir().unwrap();
    // Three pages of text to interpret: far more than a millisecond of work.
    let pages: Vec<Vec<String>> = (0..20).map(documents::body_lines).collect();
    let path = documents::text_pdf(dir.path(), "long.pdf", &pages);
    let program = program_link(dir.path());
    let reader = ContentReader::new(program.clone()).with_time_limit(Duration::from_millis(1));

    let facts = read_with(&reader, &path).await;
    assert_eq!(facts.health, [Health::Unreadable]);
    assert_eq!(
        facts.unreadable.as_deref(),
        Some("reading it took too long")
    );

    // Not cached: with the program gone, the same file is tried again and cannot start.
    std::fs::remove_file(&program).unwrap();
    let again = read_with(&reader, &path).await;
    assert_eq!(
        again.unreadable.as_deref(),
        Some("no reader could be started")
    );
}

#[tokio::test]
async fn the_same_content_is_read_once() {
    let dir = tempfile::tempdir().unwrap();
    let program = program_link(dir.path());
    let reader = ContentReader::new(program.clone());
    let first_path = documents::cv_pdf(dir.path(), "cv.pdf", &ANNA);
    let first = read_with(&reader, &first_path).await;
    assert!(first.text.starts_with("Anna van den Berg\n"), "{first:?}");

    // Without its program the reader can start no process: what it still answers comes from
    // its cache.
    std::fs::remove_file(&program).unwrap();
    let copy = dir.path().join("copy of cv.pdf");
    std::fs::copy(&first_path, &copy).unwrap();
    let second = read_with(&reader, &copy).await;
    assert!(Arc::ptr_eq(&first, &second), "{second:?}");

    // Other content is not in the cache, and indeed finds no program to read it.
    let other = documents::cv_pdf(dir.path(), "other.pdf", &Cv { pages: 1, ..ANNA });
    let third = read_with(&reader, &other).await;
    assert_eq!(
        third.unreadable.as_deref(),
        Some("no reader could be started")
    );
}

#[tokio::test]
async fn a_reader_that_dies_or_answers_nonsense_costs_the_file_a_note() {
    let dir = tempfile::tempdir().unwrap();
    let path = documents::cv_pdf(dir.path(), "cv.pdf", &ANNA);
    // `false` exits 1 without a word; `echo` answers its arguments, which are no JSON.
    for program in ["/bin/false", "/bin/echo"] {
        let reader = ContentReader::new(PathBuf::from(program));
        let facts = read_with(&reader, &path).await;
        assert_eq!(facts.health, [Health::Unreadable], "{program}");
        assert_eq!(
            facts.unreadable.as_deref(),
            Some("the reader stopped on it"),
            "{program}"
        );
    }
}

#[tokio::test]
async fn files_atsdrop_does_not_read_get_no_answer() {
    let dir = tempfile::tempdir().unwrap();
    let png = dir.path().join("photo.png");
    std::fs::write(&png, crate::support::sandbox::PNG_1X1).unwrap();
    assert_eq!(kind_of(&png), FileKind::Png);
    assert!(reader().read(&png, &FileKind::Png).await.is_none());
}
