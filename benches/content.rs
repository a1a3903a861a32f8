//! The content reader: what reading a file's content costs, in this process and through the
//! reader process (`atsdrop read-content`) the app really uses. Run with
//! `cargo bench --bench content`; cargo builds the release `atsdrop` binary for it and passes
//! its path as `CARGO_BIN_EXE_atsdrop`, so the reader processes run the optimised build.
//!
//! 1. One 20-page text PDF (three pages are read): text and flags in-process, and through a
//!    reader process — median of 20 runs each. Target: ≤ 150 ms through the process.
//! 2. 1,000 generated CVs (half PDF, half DOCX, 1–3 pages, each naming a seeded person) through
//!    one `ContentReader`, as many processes at a time as there are cores. Target: ≤ 20 s.
//! 3. Peak resident memory of one reader process (`/usr/bin/time -f %M`) on the 20-page PDF
//!    and on the hostile files. Target: ≤ 200 MiB.
//! 4. Hostile files (20,000-deep nesting, a cut cross-reference table, a 40 MiB zip bomb):
//!    time to an answer through the reader. Target: ≤ 2 s each.

// A benchmark: failing loudly is right, and times are printed as approximate milliseconds.
#![allow(clippy::expect_used, clippy::unwrap_used, clippy::cast_precision_loss)]

#[allow(dead_code)]
#[path = "../tests/support/documents.rs"]
mod documents;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use atsdrop::content::facts::{self, Format};
use atsdrop::content::identity::{self, Ignore, Person, Verdict};
use atsdrop::content::reader::ContentReader;
use atsdrop::emulator::seed;
use atsdrop::model::{FileKind, ProviderId};

use documents::Cv;

/// Runs of the single-file measurements.
const RUNS: usize = 20;
/// Generated CVs read in one go.
const CVS: usize = 1_000;

fn main() {
    let program = PathBuf::from(env!("CARGO_BIN_EXE_atsdrop"));
    let dir = tempfile::tempdir().expect("temp dir");
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    let cores = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    println!("reader program: {} ({cores} cores)", program.display());

    // 1. One 20-page text PDF.
    let pages: Vec<Vec<String>> = (0..20).map(documents::body_lines).collect();
    let long_pdf = documents::text_pdf(dir.path(), "twenty-pages.pdf", &pages);
    let bytes = std::fs::read(&long_pdf).unwrap();
    let in_process = times(RUNS, || {
        let facts = facts::read(Format::Pdf, &bytes);
        assert_eq!(facts.pages, Some(20));
        assert!(facts.text.starts_with("Experience\n"));
    });
    println!(
        "20-page PDF ({} KiB), in-process: {}",
        bytes.len() / 1024,
        summary(&in_process)
    );
    let through_process = times(RUNS, || {
        // A new reader each time: nothing comes from the cache.
        let reader = ContentReader::new(program.clone());
        let facts = runtime
            .block_on(reader.read(&long_pdf, &FileKind::Pdf))
            .unwrap();
        assert_eq!(facts.pages, Some(20), "{facts:?}");
    });
    println!("20-page PDF, reader process: {}", summary(&through_process));
    let tiny = dir.path().join("tiny.txt");
    std::fs::write(&tiny, "x").unwrap();
    let start_only = times(RUNS, || {
        let reader = ContentReader::new(program.clone());
        let facts = runtime
            .block_on(reader.read(&tiny, &FileKind::PlainText))
            .unwrap();
        assert_eq!(facts.text, "x");
    });
    println!(
        "a one-byte text file, reader process (the cost of the process alone): {}",
        summary(&start_only)
    );

    // 2. 1,000 CVs.
    let cv_dir = dir.path().join("cvs");
    std::fs::create_dir(&cv_dir).unwrap();
    let people = seed::candidates(ProviderId::Spott, CVS);
    let phone = "+31 6 1234 5678";
    let files: Vec<(PathBuf, FileKind)> = people
        .iter()
        .enumerate()
        .map(|(i, person)| {
            let name = person.full_name();
            let cv = Cv {
                name: &name,
                email: &person.email,
                phone,
                pages: 1 + i % 3,
            };
            if i % 2 == 0 {
                (
                    documents::cv_pdf(&cv_dir, &format!("cv-{i:04}.pdf"), &cv),
                    FileKind::Pdf,
                )
            } else {
                (
                    documents::cv_docx(&cv_dir, &format!("cv-{i:04}.docx"), &cv),
                    FileKind::Docx,
                )
            }
        })
        .collect();
    let megabytes: u64 = files
        .iter()
        .map(|(p, _)| std::fs::metadata(p).unwrap().len())
        .sum();
    let reader = ContentReader::new(program.clone());
    let started = Instant::now();
    let answers = runtime.block_on(futures_util::future::join_all(
        files.iter().map(|(path, kind)| reader.read(path, kind)),
    ));
    let took = started.elapsed();
    let matched = answers
        .iter()
        .zip(&people)
        .filter(|(facts, person)| {
            let facts = facts.as_ref().unwrap();
            let person = Person {
                name: person.full_name(),
                email: Some(person.email.clone()),
                phone: None,
            };
            identity::judge(&facts.text, &person, &Ignore::default()).verdict == Verdict::Match
        })
        .count();
    let unreadable = answers
        .iter()
        .filter(|f| f.as_ref().unwrap().unreadable.is_some())
        .count();
    println!(
        "{CVS} CVs ({:.1} MiB, PDF and DOCX, 1-3 pages) through one reader: {:.2} s wall, \
         {:.1} ms a file; {matched} judged their candidate's, {unreadable} unreadable",
        megabytes as f64 / 1_048_576.0,
        took.as_secs_f64(),
        ms(took) / CVS as f64
    );

    // 3 and 4. Hostile files, and memory.
    let hostile = [
        (
            "20,000-deep nesting (PDF)",
            documents::deeply_nested_pdf(dir.path(), "deep.pdf"),
            FileKind::Pdf,
        ),
        (
            "cut cross-reference table (PDF)",
            documents::truncated_xref_pdf(dir.path(), "cut.pdf"),
            FileKind::Pdf,
        ),
        (
            "zip bomb, 40 MiB document.xml (DOCX)",
            documents::docx_zip_bomb(dir.path(), "bomb.docx"),
            FileKind::Docx,
        ),
    ];
    for (label, path, kind) in &hostile {
        let bytes = std::fs::read(path).unwrap();
        let format = Format::of(kind).unwrap();
        let in_process = times(5, || drop(facts::read(format, &bytes)));
        let mut answer = None;
        let through_process = times(5, || {
            let reader = ContentReader::new(program.clone());
            answer = runtime.block_on(reader.read(path, kind));
        });
        let answer = answer.unwrap();
        println!(
            "hostile: {label} ({} KiB): in-process {}; reader process {}; answer: {}",
            bytes.len() / 1024,
            summary(&in_process),
            summary(&through_process),
            answer.unreadable.as_deref().unwrap_or("read (no error)")
        );
    }

    let mut measured = vec![("20-page PDF".to_owned(), long_pdf.clone(), FileKind::Pdf)];
    measured.push((
        "a 3-page CV (DOCX)".to_owned(),
        files[5].0.clone(),
        FileKind::Docx,
    ));
    measured.push(("a one-byte text file".to_owned(), tiny, FileKind::PlainText));
    measured.extend(
        hostile
            .iter()
            .map(|(label, path, kind)| ((*label).to_owned(), path.clone(), kind.clone())),
    );
    for (label, path, kind) in &measured {
        match peak_rss_kib(&program, path, Format::of(kind).unwrap()) {
            Some(kib) => println!(
                "peak resident memory of the reader, {label}: {:.1} MiB",
                kib as f64 / 1024.0
            ),
            None => println!("peak resident memory: /usr/bin/time is not installed, skipped"),
        }
    }
}

/// Runs `f` `runs` times and returns each run's time, sorted.
fn times(runs: usize, mut f: impl FnMut()) -> Vec<Duration> {
    let mut all: Vec<Duration> = (0..runs)
        .map(|_| {
            let started = Instant::now();
            f();
            started.elapsed()
        })
        .collect();
    all.sort();
    all
}

/// "median 12.3 ms, min …, max …" of sorted times.
fn summary(sorted: &[Duration]) -> String {
    format!(
        "median {:.1} ms, min {:.1} ms, max {:.1} ms ({} runs)",
        ms(sorted[sorted.len() / 2]),
        ms(sorted[0]),
        ms(sorted[sorted.len() - 1]),
        sorted.len()
    )
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// The peak resident set of `program read-content --format FORMAT path`, in KiB, as GNU time
/// reports it (`%M`); `None` without `/usr/bin/time`.
fn peak_rss_kib(program: &Path, path: &Path, format: Format) -> Option<u64> {
    let time = Path::new("/usr/bin/time");
    if !time.exists() {
        return None;
    }
    let out = Command::new(time)
        .args(["-f", "%M"])
        .arg(program)
        .args(["read-content", "--format", format.as_str()])
        .arg(path)
        .output()
        .expect("run the reader under time");
    assert!(out.status.success(), "{out:?}");
    String::from_utf8_lossy(&out.stderr)
        .lines()
        .last()
        .and_then(|line| line.trim().parse().ok())
}
