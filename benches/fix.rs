//! The fixes (`atsdrop::fix`), in this process, on the release build. Run with
//! `cargo bench --bench fix`.
//!
//! 1. A 12-megapixel photo (JPEG) made a PDF for a system that takes no pictures (Endorsed):
//!    the JPEG embedded as it is. Target: ≤ 0.3 s.
//! 2. A ~20 MB photo (5000 × 4000 pixels, heavy grain, JPEG) shrunk under Onderwijsregio's
//!    5 MiB. Target: ≤ 2 s.
//! 3. 20 pages combined into one PDF for Spott: 16 JPEG photos, 2 PNG pictures and a 2-page
//!    PDF. Target: ≤ 1 s.
//!
//! Each is `fix::fix_file` or `fix::combine` as `atsdrop fix` runs it: the input inspected
//! and checked, read, fixed, written, and the result inspected and checked again. Median of
//! [`RUNS`] runs, each into a fresh folder.

// A benchmark: failing loudly is right, and times are printed as approximate seconds.
#![allow(clippy::expect_used, clippy::unwrap_used, clippy::cast_precision_loss)]

#[allow(dead_code)]
#[path = "../tests/support/pictures.rs"]
mod pictures;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use atsdrop::fix::{self, Status, Target};
use atsdrop::model::{ProviderId, human_bytes};

/// Runs of each measurement.
const RUNS: usize = 5;

/// Runs `f` [`RUNS`] times, each with a fresh output folder under `dir`, and returns the times.
fn times(dir: &Path, mut f: impl FnMut(&Path)) -> Vec<Duration> {
    (0..RUNS)
        .map(|i| {
            let out = dir.join(format!("out-{i}-{}", fastrand::u64(..)));
            let start = Instant::now();
            f(&out);
            let took = start.elapsed();
            std::fs::remove_dir_all(&out).ok();
            took
        })
        .collect()
}

fn summary(times: &[Duration]) -> String {
    let mut sorted = times.to_vec();
    sorted.sort();
    let s = |d: Duration| format!("{:.3} s", d.as_secs_f64());
    format!(
        "median {}, min {}, max {} ({} runs)",
        s(sorted[sorted.len() / 2]),
        s(sorted[0]),
        s(sorted[sorted.len() - 1]),
        sorted.len()
    )
}

fn size(path: &Path) -> String {
    human_bytes(std::fs::metadata(path).unwrap().len())
}

/// Fixes `path` for `provider` and `type_`, checking that it came out fixed.
fn fix_one(path: &Path, provider: ProviderId, type_: &str, out: &Path) -> fix::Outcome {
    let profile = provider.profile();
    let limits = profile.limits();
    let target = Target {
        profile,
        limits: &limits,
        attachment_type: profile
            .attachment_type(type_)
            .expect("a type of the system"),
    };
    let outcome = fix::fix_file(path, target, out);
    assert_eq!(outcome.status, Status::Fixed, "{outcome:?}");
    outcome
}

fn main() {
    let dir = tempfile::tempdir().expect("temp dir");
    let cores = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    println!("fixes, in-process ({cores} cores)");

    // 1. A 12-megapixel photo as a PDF for Endorsed.
    let photo = pictures::write(
        dir.path(),
        "photo-12mp.jpg",
        &pictures::jpeg(&pictures::photo(4000, 3000, 24, 1), 90),
    );
    let mut last = None;
    let to_pdf = times(dir.path(), |out| {
        last = Some(fix_one(&photo, ProviderId::Endorsed, "resume", out));
    });
    let outcome = last.unwrap();
    println!(
        "1. 12-megapixel JPEG ({}) to PDF for Endorsed: {} — {:?}",
        size(&photo),
        summary(&to_pdf),
        outcome.actions
    );

    // 2. A ~20 MB photo shrunk under Onderwijsregio's 5 MiB.
    let big = pictures::write(
        dir.path(),
        "photo-20mp.jpg",
        &pictures::jpeg(&pictures::photo(5000, 4000, 255, 2), 75),
    );
    let mut result = PathBuf::new();
    let mut last = None;
    let shrink = times(dir.path(), |out| {
        let outcome = fix_one(&big, ProviderId::Onderwijsregio, "curriculumVitae", out);
        result = outcome.output.clone().unwrap();
        let fixed = std::fs::metadata(&result).unwrap().len();
        assert!(fixed <= 5 * 1024 * 1024, "{fixed}");
        last = Some((outcome, human_bytes(fixed)));
    });
    let (outcome, fixed) = last.unwrap();
    println!(
        "2. 20-megapixel JPEG ({}) shrunk for Onderwijsregio to {fixed}: {} — {:?}",
        size(&big),
        summary(&shrink),
        outcome.actions
    );

    // 3. 20 pages combined for Spott.
    let mut paths: Vec<PathBuf> = (0..16)
        .map(|i| {
            pictures::write(
                dir.path(),
                &format!("page-{i:02}.jpg"),
                &pictures::jpeg(&pictures::photo(1600, 1200, 24, 10 + i), 85),
            )
        })
        .collect();
    paths.push(pictures::write(
        dir.path(),
        "page-16.png",
        &pictures::png(&pictures::photo(800, 600, 8, 30)),
    ));
    paths.push(pictures::write(
        dir.path(),
        "page-17.png",
        &pictures::png(&pictures::quarters(800, 600)),
    ));
    paths.push(pictures::two_page_pdf_file(dir.path(), "pages-18-19.pdf"));
    let total: u64 = paths
        .iter()
        .map(|p| std::fs::metadata(p).unwrap().len())
        .sum();
    let profile = ProviderId::Spott.profile();
    let limits = profile.limits();
    let target = Target {
        profile,
        limits: &limits,
        attachment_type: profile.attachment_type("CV").unwrap(),
    };
    let mut made = None;
    let combine = times(dir.path(), |out| {
        let outcome = fix::combine(&paths, "all.pdf", target, out);
        assert_eq!(outcome.status, Status::Fixed, "{outcome:?}");
        made = Some(size(outcome.output.as_ref().unwrap()));
    });
    println!(
        "3. 20 pages (16 JPEG, 2 PNG, a 2-page PDF; {}) combined for Spott into {}: {}",
        human_bytes(total),
        made.unwrap(),
        summary(&combine)
    );
}
