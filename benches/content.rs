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
//! 4. Hostile files (20,000- and 999-deep nesting, a cut cross-reference table, a 40 MiB zip
//!    bomb):
//!    time to an answer through the reader. Target: ≤ 2 s each.

// A benchmark: failing loudly is right, and times are printed as approximate milliseconds.
#![allow(clippy::expect_used, clippy::unwrap_used, clippy::cast_precision_loss)]

#[allow(dead_code)]
#[path = "../tests/support/documents.rs"]
mod documents;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;
use std::time::{Duration, Instant};

use atsdrop::content::facts::{self, ContentFacts, Format};
use atsdrop::content::identity::{self, Ignore, Person, Verdict};
use atsdrop::content::reader::ContentReader;
use atsdrop::emulator::seed;
use atsdrop::model::{FileKind, ProviderId};

use documents::Cv;

/// Runs of the single-file measurements.
const RUNS: usize = 20;
/// Generated CVs read in one go.
const CVS: usize = 1_000;

/// What every measurement needs.
struct Bench {
    /// The `atsdrop` binary the reader processes run.
    program: PathBuf,
    /// Where the documents are written.
    dir: tempfile::TempDir,
    runtime: tokio::runtime::Runtime,
}

impl Bench {
    /// A reader with an empty cache.
    fn reader(&self) -> ContentReader {
        ContentReader::new(self.program.clone())
    }

    /// Reads `path` as `kind` with a new reader (nothing from a cache).
    fn read_fresh(&self, path: &Path, kind: &FileKind) -> Arc<ContentFacts> {
        self.runtime
            .block_on(self.reader().read(path, kind))
            .expect("a kind atsdrop reads")
    }
}

fn main() {
    let bench = Bench {
        program: PathBuf::from(env!("CARGO_BIN_EXE_atsdrop")),
        dir: tempfile::tempdir().expect("temp dir"),
        runtime: tokio::runtime::Builder::new_multi_thread()
            .enable_all()
            .build()
            .unwrap(),
    };
    let cores = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    println!(
        "reader program: {} ({cores} cores)",
        bench.program.display()
    );
    let long_pdf = one_long_pdf(&bench);
    let tiny = bench.dir.path().join("tiny.txt");
    std::fs::write(&tiny, "x").unwrap();
    let start_only = times(RUNS, || {
        assert_eq!(bench.read_fresh(&tiny, &FileKind::PlainText).text, "x");
    });
    println!(
        "a one-byte text file, reader process (the cost of the process alone): {}",
        summary(&start_only)
    );
    let a_cv = many_cvs(&bench);
    let hostile = hostile_files(&bench);

    let mut measured = vec![
        ("20-page PDF".to_owned(), long_pdf, FileKind::Pdf),
        ("a 3-page CV (DOCX)".to_owned(), a_cv, FileKind::Docx),
        ("a one-byte text file".to_owned(), tiny, FileKind::PlainText),
    ];
    measured.extend(hostile);
    for (label, path, kind) in &measured {
        match peak_rss_kib(&bench.program, path, Format::of(kind).unwrap()) {
            Some(kib) => println!(
                "peak resident memory of the reader, {label}: {:.1} MiB",
                kib as f64 / 1024.0
            ),
            None => println!("peak resident memory: /usr/bin/time is not installed, skipped"),
        }
    }
}

/// Measurement 1: one 20-page text PDF, in-process and through the reader; returns its path.
fn one_long_pdf(bench: &Bench) -> PathBuf {
    let pages: Vec<Vec<String>> = (0..20).map(documents::body_lines).collect();
    let long_pdf = documents::text_pdf(bench.dir.path(), "twenty-pages.pdf", &pages);
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
        let facts = bench.read_fresh(&long_pdf, &FileKind::Pdf);
        assert_eq!(facts.pages, Some(20), "{facts:?}");
    });
    println!("20-page PDF, reader process: {}", summary(&through_process));
    long_pdf
}

/// Measurement 2: [`CVS`] generated CVs through one reader; returns the path of a 3-page DOCX
/// among them.
fn many_cvs(bench: &Bench) -> PathBuf {
    let cv_dir = bench.dir.path().join("cvs");
    std::fs::create_dir(&cv_dir).unwrap();
    let people = seed::candidates(ProviderId::Spott, CVS);
    let files: Vec<(PathBuf, FileKind)> = people
        .iter()
        .enumerate()
        .map(|(i, person)| {
            let name = person.full_name();
            let cv = Cv {
                name: &name,
                email: &person.email,
                phone: "+31 6 1234 5678",
                pages: 1 + i % 3,
            };
            if i % 2 == 0 {
                let path = documents::cv_pdf(&cv_dir, &format!("cv-{i:04}.pdf"), &cv);
                (path, FileKind::Pdf)
            } else {
                let path = documents::cv_docx(&cv_dir, &format!("cv-{i:04}.docx"), &cv);
                (path, FileKind::Docx)
            }
        })
        .collect();
    let bytes: u64 = files
        .iter()
        .map(|(p, _)| std::fs::metadata(p).unwrap().len())
        .sum();
    let reader = bench.reader();
    let started = Instant::now();
    let answers = bench.runtime.block_on(futures_util::future::join_all(
        files.iter().map(|(path, kind)| reader.read(path, kind)),
    ));
    let took = started.elapsed();
    let answers: Vec<Arc<ContentFacts>> = answers.into_iter().map(Option::unwrap).collect();
    let matched = answers
        .iter()
        .zip(&people)
        .filter(|(facts, person)| {
            let person = Person {
                name: person.full_name(),
                email: Some(person.email.clone()),
                phone: None,
            };
            identity::judge(&facts.text, &person, &Ignore::default()).verdict == Verdict::Match
        })
        .count();
    let unreadable = answers.iter().filter(|f| f.unreadable.is_some()).count();
    println!(
        "{CVS} CVs ({:.1} MiB, PDF and DOCX, 1-3 pages) through one reader: {:.2} s wall, \
         {:.1} ms a file; {matched} judged their candidate's, {unreadable} unreadable",
        bytes as f64 / 1_048_576.0,
        took.as_secs_f64(),
        ms(took) / CVS as f64
    );
    files[5].0.clone()
}

/// Measurement 4: each hostile file in-process and through the reader; returns them for the
/// memory measurement.
fn hostile_files(bench: &Bench) -> Vec<(String, PathBuf, FileKind)> {
    let dir = bench.dir.path();
    let hostile = vec![
        (
            "20,000-deep nesting (PDF)".to_owned(),
            documents::nested_pdf(dir, "deep.pdf", 20_000),
            FileKind::Pdf,
        ),
        (
            "999-deep nesting, past hayro's 512 (PDF)".to_owned(),
            documents::nested_pdf(dir, "less-deep.pdf", 999),
            FileKind::Pdf,
        ),
        (
            "cut cross-reference table (PDF)".to_owned(),
            documents::truncated_xref_pdf(dir, "cut.pdf"),
            FileKind::Pdf,
        ),
        (
            "zip bomb, 40 MiB document.xml (DOCX)".to_owned(),
            documents::docx_zip_bomb(dir, "bomb.docx"),
            FileKind::Docx,
        ),
    ];
    for (label, path, kind) in &hostile {
        let bytes = std::fs::read(path).unwrap();
        let format = Format::of(kind).unwrap();
        let in_process = times(5, || drop(facts::read(format, &bytes)));
        let mut answer = None;
        let through_process = times(5, || answer = Some(bench.read_fresh(path, kind)));
        let answer = answer.unwrap();
        println!(
            "hostile: {label} ({} KiB): in-process {}; reader process {}; answer: {}",
            bytes.len() / 1024,
            summary(&in_process),
            summary(&through_process),
            answer.unreadable.as_deref().unwrap_or("read (no error)")
        );
    }
    hostile
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
