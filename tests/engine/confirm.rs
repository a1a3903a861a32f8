//! Uploads a system only accepts (Onderwijsregio's 202) are confirmed on the candidate before
//! they count as uploaded; Kombo's "it took too long" after a whole upload is checked, not
//! failed.

use std::time::Duration;

use atsdrop::emulator::{Emulator, Fault};
use atsdrop::model::ProviderId;
use atsdrop::upload::journal::{Journal, Record, now, read_state};
use atsdrop::upload::{BatchId, FileId, FileState, Outcome, SecretOrigin, Source, UploadEvent};

use super::{T, config, fresh};
use crate::support::engine::{Harness, batch, fast_config, file};
use crate::support::sandbox::{emulator_with, pdf_bytes, write};

const OWR: ProviderId = ProviderId::Onderwijsregio;

fn stored(emu: &Emulator, p: ProviderId, candidate: &str) -> usize {
    emu.store().attachments(p, Some(candidate)).len()
}

fn owr_posts(emu: &Emulator) -> usize {
    emu.received()
        .iter()
        .filter(|r| r.provider == Some(OWR) && r.method == "POST")
        .count()
}

fn quick(journal: &std::path::Path) -> atsdrop::upload::EngineConfig {
    let mut config = fast_config(journal);
    config.confirm_timeout = Duration::from_secs(2);
    config.confirm_poll = Duration::from_millis(100);
    config
}

#[tokio::test]
async fn an_accepted_upload_counts_only_once_it_is_on_the_candidate() {
    let emu = emulator_with(config()).await;
    let dir = tempfile::tempdir().unwrap();
    let journal = dir.path().join("journal");
    let mut h = Harness::start(quick(&journal));
    let path = write(dir.path(), "cv.pdf", &pdf_bytes(20_000));
    let candidate = fresh(&emu, OWR, 60);
    let id = h.engine.submit(batch(
        emu.connection(OWR),
        &candidate,
        vec![file(&path, "application/pdf", "curriculumVitae")],
    ));
    let file = h_first(&mut h, &id).await;
    let f = h.until_final(&file, T).await;
    assert_eq!(f.0, FileState::Done, "{:?}", f.1);
    assert!(f.1.as_deref().unwrap_or("").contains("confirmed"), "{f:?}");
    let states: Vec<FileState> = h.states_of(&file).into_iter().map(|(s, _)| s).collect();
    assert!(
        states.contains(&FileState::Accepted),
        "shown as accepted first: {states:?}"
    );
    assert_eq!(stored(&emu, OWR, &candidate), 1);
    // The journal keeps the acceptance and the confirmation apart.
    let text = std::fs::read_to_string(journal.join("journal.jsonl")).unwrap();
    assert!(text.contains(r#""t":"accepted""#), "{text}");
    let entry = read_state(&journal.join("journal.jsonl"))
        .unwrap()
        .file(&file)
        .cloned()
        .unwrap();
    assert_eq!(entry.life.end().unwrap().outcome, Outcome::Uploaded);
    assert!(entry.life.end().unwrap().attachment_id.is_some());
}

/// The first file id of a batch, once queued.
async fn h_first(h: &mut Harness, batch: &BatchId) -> FileId {
    let b = batch.clone();
    match h
        .until(
            T,
            move |e| matches!(e, UploadEvent::Queued { batch, .. } if *batch == b),
        )
        .await
    {
        UploadEvent::Queued { file, .. } => file,
        _ => unreachable!(),
    }
}

/// Review finding: a mutation that failed after its 202 was reported uploaded, and the
/// duplicate guard then refused to send it again. It is "not confirmed"; adding it again (or
/// Retry) looks first, then sends it once more under a new key.
#[tokio::test]
async fn a_mutation_that_fails_after_its_202_is_not_confirmed_and_can_be_sent_again() {
    let emu = emulator_with(config()).await;
    let dir = tempfile::tempdir().unwrap();
    let mut h = Harness::start(quick(&dir.path().join("journal")));
    let path = write(dir.path(), "cv.pdf", &pdf_bytes(21_000));
    let candidate = fresh(&emu, OWR, 61);
    emu.faults().inject(
        "onderwijsregio:POST:/candidates/*/attachments=fail-mutation"
            .parse::<Fault>()
            .unwrap(),
    );
    let id = h.engine.submit(batch(
        emu.connection(OWR),
        &candidate,
        vec![file(&path, "application/pdf", "curriculumVitae")],
    ));
    let summary = h.finished(&id, T).await;
    assert_eq!(summary.unconfirmed, 1, "{summary:?}");
    let f = h.files_of(&id)[0].clone();
    let (state, message) = h.last_state(&f).unwrap();
    assert_eq!(state, FileState::Unconfirmed);
    let message = message.unwrap();
    assert!(
        message.contains("not on the candidate") && message.contains("Retry"),
        "{message}"
    );
    assert_eq!(stored(&emu, OWR, &candidate), 0);

    // Added again: not blocked as a duplicate; looked for, then sent once more.
    let again = h.engine.submit(batch(
        emu.connection(OWR),
        &candidate,
        vec![file(&path, "application/pdf", "curriculumVitae")],
    ));
    assert_eq!(h.finished(&again, T).await.done, 1);
    assert_eq!(
        h.files_of(&again),
        std::slice::from_ref(&f),
        "the same job, not a second one"
    );
    assert_eq!(stored(&emu, OWR, &candidate), 1);
    let keys: Vec<String> = emu
        .received()
        .iter()
        .filter(|r| r.provider == Some(OWR) && r.method == "POST")
        .filter_map(|r| r.query.clone())
        .collect();
    assert_eq!(keys.len(), 2, "{keys:?}");
    assert_ne!(
        keys[0], keys[1],
        "a new idempotency key for the new mutation"
    );
}

/// An upload accepted before a crash is looked for on resume — never sent again — and one
/// that arrived meanwhile is done.
#[tokio::test]
async fn resume_looks_for_an_accepted_upload_instead_of_sending_it() {
    let emu = emulator_with(config()).await;
    let dir = tempfile::tempdir().unwrap();
    let journal = dir.path().join("journal");
    let path = write(dir.path(), "cv.pdf", &pdf_bytes(22_000));
    let candidate = fresh(&emu, OWR, 62);
    // An earlier run sent it and was accepted, then died while waiting.
    let connection = emu.connection(OWR);
    let client = atsdrop::providers::connect(&connection).unwrap();
    let upload = crate::support::sandbox::upload_file(&path, "application/pdf", "curriculumVitae");
    let file = FileId(upload.key.clone());
    client
        .upload(
            &atsdrop::providers::UploadTarget {
                candidate_id: candidate.clone(),
                application_id: None,
            },
            std::slice::from_ref(&upload),
            atsdrop::providers::no_progress(),
        )
        .await
        .unwrap();
    {
        let gone = Journal::open(&journal).unwrap();
        let prints = atsdrop::upload::Fingerprinter::open(&journal).unwrap();
        let b = BatchId::new();
        let (size, mtime) = atsdrop::upload::fingerprint::stat(&path).unwrap();
        gone.append_all(&[
            Record::Batch {
                batch: b.clone(),
                owner: gone.owner().to_owned(),
                at: now(),
                connection: prints.account(&connection, Source::Environment),
                candidate_id: candidate.clone(),
                candidate_name: None,
                application_id: None,
            },
            Record::File {
                file: file.clone(),
                batch: b,
                path: std::fs::canonicalize(&path).unwrap(),
                name: "cv.pdf".into(),
                size,
                mtime,
                content_type: "application/pdf".into(),
                attachment_type: "curriculumVitae".into(),
                remote_id: None,
                made_from: Vec::new(),
                from_mail: None,
            },
            Record::Start {
                file: file.clone(),
                owner: gone.owner().to_owned(),
                attempt: 1,
                at: now(),
                seen_before: Some(0),
                ride: None,
            },
            Record::Accepted {
                file: file.clone(),
                key: upload.key.clone(),
                at: now(),
            },
        ])
        .unwrap();
    }
    let posts_before = owr_posts(&emu);
    let mut h = Harness::start(quick(&journal));
    h.engine.resume_orphans(std::sync::Arc::new(move |_| {
        Ok((connection.clone(), SecretOrigin::Supplied))
    }));
    let UploadEvent::Resumed { batches, files, .. } = h
        .until(T, |e| matches!(e, UploadEvent::Resumed { .. }))
        .await
    else {
        unreachable!()
    };
    assert_eq!(files, 1);
    assert_eq!(h.finished(&batches[0], T).await.done, 1);
    assert_eq!(owr_posts(&emu), posts_before, "looked for, not sent again");
    assert_eq!(stored(&emu, OWR, &candidate), 1);
}

/// Review finding: Kombo's own "it took too long" / "unknown error" after a whole upload was a
/// plain failure, though the ATS may have stored the file (a Retry then stored it twice). It
/// is checked on the candidate first.
#[tokio::test]
async fn a_kombo_error_that_does_not_say_the_file_was_refused_is_checked_first() {
    for answer in [
        "after:500:PLATFORM.UNKNOWN_ERROR",
        "after:408:PLATFORM.TASK_TIMED_OUT",
    ] {
        let emu = emulator_with(config()).await;
        let dir = tempfile::tempdir().unwrap();
        let mut h = Harness::start(fast_config(&dir.path().join("journal")));
        let path = write(dir.path(), "cv.pdf", &pdf_bytes(23_000));
        let candidate = fresh(&emu, ProviderId::Kombo, 63);
        emu.faults().inject(
            format!("kombo:POST:/ats/candidates/*/attachments={answer}")
                .parse::<Fault>()
                .unwrap(),
        );
        let id = h.engine.submit(batch(
            emu.connection(ProviderId::Kombo),
            &candidate,
            vec![file(&path, "application/pdf", "CV")],
        ));
        assert_eq!(h.finished(&id, T).await.done, 1, "{answer}: {:#?}", h.log);
        assert_eq!(
            stored(&emu, ProviderId::Kombo, &candidate),
            1,
            "{answer}: stored once"
        );
        let f = h.files_of(&id)[0].clone();
        assert!(
            h.states_of(&f)
                .iter()
                .any(|(s, _)| *s == FileState::Verifying),
            "{answer}: checked"
        );
    }
}
