//! Submitting one file to an engine whose journal holds 100,000 earlier uploads. Run with
//! `cargo bench --bench submit`; target: a submit (until its file is queued) ≤ 50 ms.
//!
//! The journal is generated as an earlier run would leave it (a batch, its file, hashed,
//! started and ended, for each upload), the engine is started on it, and then one file at a
//! time is submitted — with the queue paused, so the measure is the intake (stat, the journal's
//! view, the takeover and duplicate decisions, the fsynced append) and not the network. For
//! comparison it also times what every submit did before: replaying the whole journal.

// A benchmark: failing loudly is right, and sizes are printed as approximate MiB.
#![allow(clippy::expect_used, clippy::unwrap_used, clippy::cast_precision_loss)]

use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use atsdrop::model::{AccountIds, ProviderId, Secret};
use atsdrop::providers::{Connection, UploadTarget};
use atsdrop::upload::journal::{Journal, Record, now, read_state};
use atsdrop::upload::{
    Account, BatchId, BatchSpec, Engine, EngineConfig, FileId, FileSpec, Outcome, Source,
    UploadEvent,
};

const HISTORY: usize = 100_000;
const SUBMITS: usize = 40;

fn main() {
    let dir = tempfile::tempdir().expect("temp dir");
    let journal_dir = dir.path().join("journal");
    let files = dir.path().join("files");
    std::fs::create_dir_all(&files).unwrap();
    let written = Instant::now();
    write_history(&journal_dir);
    let journal_file = journal_dir.join("journal.jsonl");
    let size = std::fs::metadata(&journal_file).unwrap().len();
    println!(
        "history: {HISTORY} uploads, {:.1} MiB of journal (written in {:.1} s)",
        size as f64 / 1_048_576.0,
        written.elapsed().as_secs_f64()
    );
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(submits(&journal_dir, &files));

    let replay = Instant::now();
    let state = read_state(&journal_file).unwrap();
    println!(
        "for comparison, replaying the whole journal (what each submit did before): {:.0} ms",
        ms(replay.elapsed())
    );
    assert!(state.files.len() >= HISTORY);
    drop(state);

    let journal = Journal::open(&journal_dir).unwrap();
    journal.warm_up().unwrap();
    let compacting = Instant::now();
    journal.compact().unwrap();
    println!(
        "compacting it: {:.0} ms, {:.1} MiB after",
        ms(compacting.elapsed()),
        std::fs::metadata(&journal_file).unwrap().len() as f64 / 1_048_576.0
    );
}

/// Starts an engine on the journal and times one submit after another.
async fn submits(journal_dir: &Path, files: &Path) {
    let opened = Instant::now();
    let (engine, mut events) = Engine::start(
        &tokio::runtime::Handle::current(),
        EngineConfig::new(journal_dir.to_owned()),
        Arc::new(|| {}),
    )
    .unwrap();
    let open_time = opened.elapsed();
    engine.pause();
    let connection = Connection::new(
        ProviderId::Spott,
        "http://127.0.0.1:9/spott",
        Secret::new("bench-key"),
    );
    let mut times = Vec::with_capacity(SUBMITS);
    let mut first = Duration::ZERO;
    for i in 0..=SUBMITS {
        let path = files.join(format!("new-{i}.pdf"));
        std::fs::write(&path, format!("%PDF-1.4\n% {i}\n%%EOF\n")).unwrap();
        let spec = BatchSpec {
            connection: connection.clone(),
            source: Source::Environment,
            target: UploadTarget {
                candidate_id: format!("cand-{:06}", i % 5000),
                application_id: None,
            },
            candidate_name: None,
            files: vec![FileSpec {
                path,
                name: format!("new-{i}.pdf"),
                content_type: "application/pdf".into(),
                attachment_type: "CV".into(),
                remote_id: None,
                allow_duplicate: false,
                skip_reason: None,
                checked_as: None,
                made_from: Vec::new(),
                from_mail: None,
            }],
        };
        let started = Instant::now();
        let batch = engine.submit(spec);
        loop {
            match events.recv().await {
                Some(UploadEvent::Queued { batch: b, .. }) if b == batch => break,
                Some(_) => {}
                None => unreachable!("the engine stopped"),
            }
        }
        if i == 0 {
            // Waits for the replay the engine started with.
            first = started.elapsed() + open_time;
        } else {
            times.push(started.elapsed());
        }
    }
    times.sort();
    println!(
        "engine start on it: {:.1} ms; first submit, which waits for the journal's replay: {:.0} ms",
        ms(open_time),
        ms(first)
    );
    println!(
        "submit of one file until queued, {SUBMITS} submits: median {:.1} ms, p95 {:.1} ms, max {:.1} ms (target ≤ 50 ms)",
        ms(times[SUBMITS / 2]),
        ms(times[SUBMITS * 95 / 100]),
        ms(times[SUBMITS - 1])
    );
    println!(
        "resident memory of this process with the engine's journal replayed: {:.0} MiB",
        resident_mib()
    );
}

/// A journal as `HISTORY` finished uploads leave it, each its own batch (the heaviest case).
fn write_history(journal_dir: &Path) {
    let account = Account {
        provider: ProviderId::Spott,
        base_url: "http://127.0.0.1:9/spott".into(),
        ids: AccountIds::new(),
        source: Source::Environment,
        credential: None,
    };
    let journal = Journal::open(journal_dir).unwrap();
    let owner = journal.owner().to_owned();
    for i in 0..HISTORY {
        let (batch, file) = (BatchId::new(), FileId::new());
        let records = [
            Record::Batch {
                batch: batch.clone(),
                owner: owner.clone(),
                at: now(),
                connection: account.clone(),
                candidate_id: format!("cand-{:06}", i % 5000),
                candidate_name: Some(format!("Candidate {i}")),
                application_id: None,
            },
            Record::File {
                file: file.clone(),
                batch,
                path: format!("/home/recruiter/cvs/{i}/cv-{i}.pdf").into(),
                name: format!("cv-{i}.pdf"),
                size: 48_213 + i as u64,
                mtime: None,
                content_type: "application/pdf".into(),
                attachment_type: "CV".into(),
                remote_id: None,
                made_from: Vec::new(),
                from_mail: None,
            },
            Record::Hashed {
                file: file.clone(),
                sha256: format!("{i:064x}"),
                xxh3: Some(format!("{i:032x}")),
            },
            Record::Start {
                file: file.clone(),
                owner: owner.clone(),
                attempt: 1,
                at: now(),
                seen_before: Some(0),
                ride: None,
            },
            Record::End {
                file,
                outcome: Outcome::Uploaded,
                at: now(),
                attachment_id: Some(format!("att-{i}")),
                message: None,
                unsettled: Some(false),
            },
        ];
        journal.append_all(&records).unwrap();
    }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// This process's resident memory (Linux; 0 elsewhere).
fn resident_mib() -> f64 {
    std::fs::read_to_string("/proc/self/statm")
        .ok()
        .and_then(|s| s.split_whitespace().nth(1)?.parse::<f64>().ok())
        .map_or(0.0, |pages| pages * 4096.0 / 1_048_576.0)
}
