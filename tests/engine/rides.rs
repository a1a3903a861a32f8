//! Rides: files of one batch share a request where the system takes several (Spott: ten per
//! temporary upload, one assign for them all). The journal names the ride; a lost answer of a
//! shared request is verified for each file.

use atsdrop::emulator::Fault;
use atsdrop::model::ProviderId;
use atsdrop::upload::FileState;
use atsdrop::upload::journal::{Record, read_state};

use super::{T, config, fresh};
use crate::support::engine::{Harness, batch, fast_config, file};
use crate::support::sandbox::{emulator_with, pdf_bytes, write};

fn temporary_uploads(emu: &atsdrop::emulator::Emulator) -> usize {
    emu.received()
        .iter()
        .filter(|r| r.method == "POST" && r.path == "/attachments/temporary")
        .count()
}

fn journal_rides(journal: &std::path::Path) -> Vec<Option<String>> {
    let text = std::fs::read_to_string(journal).unwrap();
    text.lines()
        .filter_map(|l| serde_json::from_str::<Record>(l).ok())
        .filter_map(|r| match r {
            Record::Start { ride, .. } => Some(ride.map(|f| f.0)),
            _ => None,
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ten_spott_files_ride_in_one_request_and_the_journal_names_the_ride() {
    let emu = emulator_with(config()).await;
    let dir = tempfile::tempdir().unwrap();
    let journal_dir = dir.path().join("journal");
    let mut h = Harness::start(fast_config(&journal_dir));
    let candidate = fresh(&emu, ProviderId::Spott, 40);
    let files: Vec<_> = (0..10)
        .map(|i| {
            let mut bytes = pdf_bytes(20_000 + i * 11);
            bytes.extend_from_slice(format!("%{i}\n").as_bytes());
            write(dir.path(), &format!("cv-{i}.pdf"), &bytes)
        })
        .collect();
    let id = h.engine.submit(batch(
        emu.connection(ProviderId::Spott),
        &candidate,
        files
            .iter()
            .map(|p| file(p, "application/pdf", "CV"))
            .collect(),
    ));
    assert_eq!(h.finished(&id, T).await.done, 10);
    assert_eq!(
        emu.store()
            .attachments(ProviderId::Spott, Some(&candidate))
            .len(),
        10
    );
    let requests = temporary_uploads(&emu);
    assert!(
        requests <= 2,
        "ten files in one or two requests, not ten: {requests}"
    );
    // Every file's Start is journaled; those that rode name their leader.
    let journal = h.engine.journal_path();
    let starts = journal_rides(&journal);
    assert_eq!(starts.len(), 10, "{starts:?}");
    let rode_along = starts.iter().filter(|r| r.is_some()).count();
    assert_eq!(rode_along, 10 - requests, "{starts:?}");
    // The journal with ride records reads back.
    assert_eq!(read_state(&journal).unwrap().files.len(), 10);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_lost_answer_of_a_shared_request_is_verified_for_each_file() {
    let emu = emulator_with(config()).await;
    let dir = tempfile::tempdir().unwrap();
    let mut h = Harness::start(fast_config(&dir.path().join("journal")));
    let candidate = fresh(&emu, ProviderId::Spott, 41);
    // The assign of the first ride is carried out, then its answer is lost.
    emu.faults().inject(
        "spott:POST:/attachments/temporary/assign=drop-after"
            .parse::<Fault>()
            .unwrap(),
    );
    let files: Vec<_> = (0..10)
        .map(|i| {
            let mut bytes = pdf_bytes(15_000 + i * 7);
            bytes.extend_from_slice(format!("%{i}\n").as_bytes());
            write(dir.path(), &format!("letter-{i}.pdf"), &bytes)
        })
        .collect();
    let id = h.engine.submit(batch(
        emu.connection(ProviderId::Spott),
        &candidate,
        files
            .iter()
            .map(|p| file(p, "application/pdf", "CV"))
            .collect(),
    ));
    let summary = h.finished(&id, T).await;
    assert_eq!(summary.done, 10, "{summary:?}");
    // Each file was checked on the candidate, and each is there exactly once.
    let stored = emu.store().attachments(ProviderId::Spott, Some(&candidate));
    assert_eq!(stored.len(), 10, "nothing stored twice");
    let verified = h
        .files_of(&id)
        .iter()
        .filter(|f| {
            h.states_of(f)
                .iter()
                .any(|(s, _)| *s == FileState::Verifying)
        })
        .count();
    assert!(verified >= 1, "the lost answer was verified");
}
