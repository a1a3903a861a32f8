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

const OWR: ProviderId = ProviderId::Onderwijsregio;
const OWR_UPLOADS: &str = "onderwijsregio:POST:/candidates/*/attachments";

/// The attachment mutations Onderwijsregio received, as (idempotency key, status).
fn mutations(emu: &atsdrop::emulator::Emulator) -> Vec<(String, u16)> {
    emu.received()
        .iter()
        .filter(|r| r.provider == Some(OWR) && r.method == "POST")
        .map(|r| {
            let key = r
                .query
                .as_deref()
                .unwrap_or("")
                .split('&')
                .find_map(|kv| kv.strip_prefix("idempotencyKey="))
                .unwrap_or("")
                .to_owned();
            (key, r.status)
        })
        .collect()
}

/// The `Ride` records of a journal: (leader, riders).
fn journal_ride_records(journal: &std::path::Path) -> Vec<(String, Vec<String>)> {
    let text = std::fs::read_to_string(journal).unwrap();
    text.lines()
        .filter_map(|l| serde_json::from_str::<Record>(l).ok())
        .filter_map(|r| match r {
            Record::Ride { file, riders } => {
                Some((file.0, riders.into_iter().map(|f| f.0).collect()))
            }
            _ => None,
        })
        .collect()
}

/// An Onderwijsregio engine that waits long enough to see accepted files on the candidate.
fn owr_config(journal: &std::path::Path) -> atsdrop::upload::EngineConfig {
    let mut config = fast_config(journal);
    config.confirm_timeout = std::time::Duration::from_secs(15);
    config.confirm_poll = std::time::Duration::from_millis(100);
    config
}

/// `cvs` files as curriculumVitae and `others` as otherAttachments, each different.
fn owr_files(dir: &std::path::Path, cvs: usize, others: usize) -> Vec<atsdrop::upload::FileSpec> {
    (0..cvs + others)
        .map(|i| {
            let mut bytes = pdf_bytes(12_000 + i * 13);
            bytes.extend_from_slice(format!("%{i}\n").as_bytes());
            let path = write(dir, &format!("doc-{i}.pdf"), &bytes);
            let field = if i < cvs {
                "curriculumVitae"
            } else {
                "otherAttachments"
            };
            file(&path, "application/pdf", field)
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn onderwijsregio_files_ride_in_one_mutation_under_the_leaders_key() {
    let emu = emulator_with(config()).await;
    let dir = tempfile::tempdir().unwrap();
    let mut h = Harness::start(owr_config(&dir.path().join("journal")));
    let candidate = fresh(&emu, OWR, 42);
    // Five per field, the most one mutation takes.
    let id = h.engine.submit(batch(
        emu.connection(OWR),
        &candidate,
        owr_files(dir.path(), 5, 5),
    ));
    let summary = h.finished(&id, T).await;
    assert_eq!(summary.done, 10, "{summary:?}");
    assert_eq!(emu.store().attachments(OWR, Some(&candidate)).len(), 10);
    let sent = mutations(&emu);
    assert!(
        sent.len() <= 2,
        "ten files in one or two mutations, not ten: {sent:?}"
    );
    // The journal names who rode with whom; each request carries its leader's key.
    let rides = journal_ride_records(&h.engine.journal_path());
    let rode_along: usize = rides.iter().map(|(_, r)| r.len()).sum();
    assert_eq!(rode_along, 10 - sent.len(), "{rides:?}");
    for (leader, _) in &rides {
        assert!(
            sent.iter().any(|(key, _)| key == leader),
            "{sent:?} {rides:?}"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_lost_mutation_answer_sends_the_same_files_again_under_the_same_key() {
    let emu = emulator_with(config()).await;
    let dir = tempfile::tempdir().unwrap();
    let mut h = Harness::start(owr_config(&dir.path().join("journal")));
    let candidate = fresh(&emu, OWR, 43);
    // The first mutation is queued, then its answer is lost.
    emu.faults().inject(
        format!("{OWR_UPLOADS}=drop-after")
            .parse::<Fault>()
            .unwrap(),
    );
    let id = h.engine.submit(batch(
        emu.connection(OWR),
        &candidate,
        owr_files(dir.path(), 5, 0),
    ));
    let summary = h.finished(&id, T).await;
    assert_eq!(summary.done, 5, "{summary:?} {:#?}", h.log);
    // Nobody went alone under a key of its own: each file is there once.
    assert_eq!(emu.store().attachments(OWR, Some(&candidate)).len(), 5);
    let sent = mutations(&emu);
    let (lost_key, _) = sent.iter().find(|(_, status)| *status == 0).unwrap();
    assert!(
        sent.iter()
            .any(|(key, status)| key == lost_key && *status == 202),
        "the lost request went again under its key: {sent:?}"
    );
    // Its riders waited to see their files rather than going alone.
    let followed = h
        .files_of(&id)
        .iter()
        .filter(|f| {
            h.states_of(f).iter().any(|(s, m)| {
                *s == FileState::Verifying
                    && m.as_deref().is_some_and(|m| m.contains("one request"))
            })
        })
        .count();
    assert!(followed >= 1, "{:#?}", h.log);
}

/// `kill -9` right after a shared mutation's answer was lost: the restarted engine sends the
/// same files again under the same key, and none goes alone.
#[test]
fn a_ride_interrupted_by_a_crash_is_sent_again_as_it_was_after_a_restart() {
    use atsdrop::upload::{Account, SecretOrigin, UploadEvent};
    let server = tokio::runtime::Runtime::new().unwrap();
    let emu = server.block_on(emulator_with(config()));
    let dir = tempfile::tempdir().unwrap();
    let journal = dir.path().join("journal");
    let candidate = fresh(&emu, OWR, 44);
    // The first mutation's answer is lost; the request sent again hangs until the crash.
    emu.faults().inject(
        format!("{OWR_UPLOADS}=drop-after")
            .parse::<Fault>()
            .unwrap(),
    );
    emu.faults().inject(
        format!("{OWR_UPLOADS}=delay:60000")
            .parse::<Fault>()
            .unwrap(),
    );
    let app = tokio::runtime::Runtime::new().unwrap();
    app.block_on(async {
        let mut h = Harness::start(owr_config(&journal));
        let id = h.engine.submit(batch(
            emu.connection(OWR),
            &candidate,
            owr_files(dir.path(), 4, 0),
        ));
        // A rider is waiting for the request to go again: the app dies now.
        h.until(T, |e| {
            matches!(
                e,
                UploadEvent::State {
                    state: FileState::Verifying,
                    ..
                }
            )
        })
        .await;
        let _ = id;
    });
    drop(app);
    emu.faults().clear();
    let replayed = read_state(&journal.join("journal.jsonl")).unwrap();
    assert!(
        replayed.files.iter().any(|f| f.life.ride.is_some()),
        "the journal knows who rode: {replayed:#?}"
    );
    let lost_key = mutations(&emu)
        .into_iter()
        .find(|(_, status)| *status == 0)
        .unwrap()
        .0;

    server.block_on(async {
        let mut h = Harness::start(owr_config(&journal));
        let connection = emu.connection(OWR);
        h.engine
            .resume_orphans(std::sync::Arc::new(move |_: &Account| {
                Ok((connection.clone(), SecretOrigin::Supplied))
            }));
        let UploadEvent::Resumed { batches, .. } = h
            .until(T, |e| matches!(e, UploadEvent::Resumed { .. }))
            .await
        else {
            unreachable!()
        };
        let summary = h.finished(&batches[0], T).await;
        assert_eq!(summary.done, 4, "{summary:?} {:#?}", h.log);
    });
    assert_eq!(
        emu.store().attachments(OWR, Some(&candidate)).len(),
        4,
        "each file once"
    );
    let again: Vec<_> = mutations(&emu)
        .into_iter()
        .filter(|(key, status)| *key == lost_key && *status == 202)
        .collect();
    assert!(!again.is_empty(), "sent again under the lost request's key");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_mutation_cut_off_mid_body_goes_again_with_every_file_it_carried() {
    let emu = emulator_with(config()).await;
    let dir = tempfile::tempdir().unwrap();
    let mut h = Harness::start(owr_config(&dir.path().join("journal")));
    let candidate = fresh(&emu, OWR, 45);
    // The first mutation never arrives whole: nothing of it is stored.
    emu.faults()
        .inject(format!("{OWR_UPLOADS}=drop").parse::<Fault>().unwrap());
    let id = h.engine.submit(batch(
        emu.connection(OWR),
        &candidate,
        owr_files(dir.path(), 3, 2),
    ));
    let summary = h.finished(&id, T).await;
    assert_eq!(summary.done, 5, "{summary:?} {:#?}", h.log);
    assert_eq!(emu.store().attachments(OWR, Some(&candidate)).len(), 5);
}
