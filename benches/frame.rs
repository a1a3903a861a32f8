//! Frame CPU time of the real `App` with 10,000 staged and 10,000 queued rows, in a headless
//! `egui_kittest` harness (no rendering: the egui pass itself). Run with
//! `cargo bench --bench frame`; target: median ≤ 4 ms.

#![allow(clippy::expect_used, clippy::unwrap_used)] // A benchmark: failing loudly is right.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use atsdrop::app::staging::Row;
use atsdrop::app::{App, AppDeps};
use atsdrop::model::{FileFacts, FileKind, ProviderId};
use atsdrop::settings::Settings;
use atsdrop::upload::{BatchId, FileId, FileState, UploadEvent};
use egui_kittest::Harness;

const ROWS: usize = 10_000;
const FRAMES: usize = 400;

fn main() {
    let dir = tempfile::tempdir().expect("temp dir");
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("runtime");
    // A saved connection, so the app shows its working screen rather than the welcome.
    let mut settings = Settings::default();
    settings
        .add_connection(atsdrop::settings::ConnectionProfile::new(
            "Bench",
            ProviderId::Spott,
        ))
        .expect("a valid profile");
    let deps = AppDeps {
        runtime: runtime.handle().clone(),
        settings,
        settings_path: dir.path().join("settings.json"),
        settings_notice: None,
        journal_dir: dir.path().join("journal"),
        credentials: Some(std::sync::Arc::new(atsdrop::credentials::MemoryStore::new())),
        engine: None,
        start_sandbox: false,
        reader_program: std::path::PathBuf::from(env!("CARGO_BIN_EXE_atsdrop")),
    };
    let mut harness = Harness::builder()
        .with_size([1280.0, 800.0])
        .build_eframe(move |cc| App::new(cc, deps));
    harness.step();
    fill(harness.state_mut());
    harness.step();
    let app = harness.state();
    assert!(!app.connections.is_empty(), "the working screen is shown");
    assert_eq!((app.staging.rows.len(), app.queue.rows.len()), (ROWS, ROWS));

    for (label, scrolling) in [
        ("idle frame (nothing changes)", false),
        ("scrolling both tables", true),
    ] {
        let mut times = Vec::with_capacity(FRAMES);
        for frame in 0..FRAMES {
            if scrolling {
                let delta = if (frame / 100) % 2 == 0 {
                    -120.0
                } else {
                    120.0
                };
                // Alternately over the staging table and the queue table.
                let y = if frame % 2 == 0 { 300.0 } else { 700.0 };
                harness.event(egui::Event::PointerMoved(egui::pos2(700.0, y)));
                harness.event(egui::Event::MouseWheel {
                    unit: egui::MouseWheelUnit::Point,
                    delta: egui::vec2(0.0, delta),
                    phase: egui::TouchPhase::Move,
                    source: egui::MouseWheelSource::Wheel,
                    modifiers: egui::Modifiers::NONE,
                });
            }
            let start = Instant::now();
            harness.step();
            times.push(start.elapsed());
        }
        report(label, &mut times);
    }
    drop(harness);
    drop(runtime);
}

fn fill(app: &mut App) {
    let profile = ProviderId::Spott.profile();
    for i in 0..ROWS {
        let (name, kind) = match i % 4 {
            0 => (format!("Candidate {i} CV.pdf"), FileKind::Pdf),
            1 => (format!("motivation-{i}.docx"), FileKind::Docx),
            2 => (format!("notes-{i}.txt"), FileKind::PlainText),
            _ => (format!("diploma-{i}.pdf"), FileKind::Pdf),
        };
        let facts = FileFacts {
            path: PathBuf::from(format!("/data/candidates/{name}")),
            size: 20_000 + (i as u64) * 37,
            modified: None,
            by_extension: Some(kind.clone()),
            content: Some(kind),
            read_error: None,
            name,
        };
        app.staging
            .rows
            .push(Row::new(i as u64 + 1, facts, profile));
    }
    app.revalidate();
    let batch = BatchId::new();
    for i in 0..ROWS {
        let file = FileId::new();
        let name = format!("upload-{i}.pdf");
        app.queue.fold(
            UploadEvent::Queued {
                batch: batch.clone(),
                file: file.clone(),
                path: PathBuf::from(format!("/data/{name}")),
                name,
                size: 1_000_000,
                attachment_type: "CV".into(),
                attachment_label: "CV".into(),
                candidate_id: "cand-000001".into(),
                candidate_name: Some("Priya Nowak".into()),
                connection: "Spott".into(),
            },
            0.0,
        );
        let state = match i % 3 {
            0 => FileState::Done,
            1 => FileState::Uploading,
            _ => FileState::Queued,
        };
        app.queue.fold(
            UploadEvent::State {
                batch: batch.clone(),
                file,
                state,
                message: None,
                attachment_id: None,
                outcome: None,
            },
            0.0,
        );
    }
}

fn report(label: &str, times: &mut [Duration]) {
    times.sort();
    let at = |q: f64| {
        #[allow(
            clippy::cast_possible_truncation,
            clippy::cast_sign_loss,
            clippy::cast_precision_loss
        )]
        let i = ((times.len() - 1) as f64 * q).round() as usize;
        times[i].as_secs_f64() * 1000.0
    };
    println!(
        "{label}: {} frames, {ROWS} staged + {ROWS} queued rows: median {:.2} ms, p95 {:.2} ms, max {:.2} ms",
        times.len(),
        at(0.5),
        at(0.95),
        at(1.0)
    );
}
