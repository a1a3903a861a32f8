//! Every file stored exactly once when things go wrong between attempts: a cancel while the
//! engine checks a lost answer, a crash right after a retry, a listing that fails, a gateway
//! error or an unreadable answer after the whole body went out, a panic, a pause, a journal
//! that cannot be written, and another atsdrop process working on the same file.

use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use async_trait::async_trait;
use atsdrop::emulator::{Emulator, Fault};
use atsdrop::model::{Candidate, ProviderId, RemoteAttachment, Secret};
use atsdrop::providers::{
    AtsClient, CandidatePage, ProgressFn, ProviderError, UploadFile, UploadOutcome, UploadTarget,
};
use atsdrop::upload::journal::{Journal, Record, now, read_state};
use atsdrop::upload::{Account, BatchId, FileId, FileState, SecretOrigin, Source, UploadEvent};

use super::{T, config, fresh};
use crate::support::engine::{Harness, batch, fast_config, file};
use crate::support::process::{Sandbox, atsdrop};
use crate::support::sandbox::{emulator_with, pdf_bytes, write};

const KOMBO_UPLOADS: &str = "kombo:POST:/ats/candidates/*/attachments";
const KOMBO_LISTING: &str = "kombo:GET:/ats/candidates/*/attachments";

fn inject(emu: &Emulator, spec: &str) {
    emu.faults().inject(spec.parse::<Fault>().unwrap());
}

/// Copies of anything stored on a candidate.
fn copies(emu: &Emulator, p: ProviderId, candidate: &str) -> usize {
    emu.store().attachments(p, Some(candidate)).len()
}

/// Upload requests a system received.
fn uploads(emu: &Emulator, p: ProviderId) -> usize {
    emu.received()
        .iter()
        .filter(|r| r.provider == Some(p) && r.method == "POST" && r.path.ends_with("attachments"))
        .count()
}

/// The first file queued in a batch.
async fn first_file(h: &mut Harness, batch: &BatchId) -> FileId {
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

fn pdf(dir: &Path, name: &str, len: usize) -> std::path::PathBuf {
    let mut bytes = pdf_bytes(len);
    bytes.extend_from_slice(format!("%{name}\n").as_bytes());
    write(dir, name, &bytes)
}

/// A client that passes everything to a real one, but replaces the answer to the next
/// `garble` uploads by one atsdrop cannot read (the upload itself happens).
#[derive(Debug)]
struct Garbled {
    inner: Arc<dyn AtsClient>,
    garble: AtomicUsize,
}

/// A client whose upload panics (a bug).
#[derive(Debug)]
struct Panicking(Arc<dyn AtsClient>);

#[async_trait]
impl AtsClient for Garbled {
    fn provider(&self) -> ProviderId {
        self.inner.provider()
    }
    async fn check_connection(&self) -> Result<String, ProviderError> {
        self.inner.check_connection().await
    }
    async fn find_candidates(
        &self,
        query: &str,
        cursor: Option<&str>,
        limit: usize,
    ) -> Result<CandidatePage, ProviderError> {
        self.inner.find_candidates(query, cursor, limit).await
    }
    async fn get_candidate(&self, id: &str) -> Result<Candidate, ProviderError> {
        self.inner.get_candidate(id).await
    }
    async fn list_attachments(
        &self,
        candidate_id: &str,
    ) -> Result<Vec<RemoteAttachment>, ProviderError> {
        self.inner.list_attachments(candidate_id).await
    }
    async fn upload(
        &self,
        target: &UploadTarget,
        files: &[UploadFile],
        progress: ProgressFn,
    ) -> Result<Vec<UploadOutcome>, ProviderError> {
        let outcome = self.inner.upload(target, files, progress).await?;
        let garbled = self
            .garble
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |n| n.checked_sub(1))
            .is_ok();
        if garbled {
            return Err(ProviderError::InvalidResponse {
                system: self.provider(),
                detail: "expected value at line 1 column 1".into(),
            });
        }
        Ok(outcome)
    }
}

#[async_trait]
impl AtsClient for Panicking {
    fn provider(&self) -> ProviderId {
        self.0.provider()
    }
    async fn check_connection(&self) -> Result<String, ProviderError> {
        self.0.check_connection().await
    }
    async fn find_candidates(
        &self,
        query: &str,
        cursor: Option<&str>,
        limit: usize,
    ) -> Result<CandidatePage, ProviderError> {
        self.0.find_candidates(query, cursor, limit).await
    }
    async fn get_candidate(&self, id: &str) -> Result<Candidate, ProviderError> {
        self.0.get_candidate(id).await
    }
    async fn list_attachments(
        &self,
        candidate_id: &str,
    ) -> Result<Vec<RemoteAttachment>, ProviderError> {
        self.0.list_attachments(candidate_id).await
    }
    async fn upload(
        &self,
        _target: &UploadTarget,
        _files: &[UploadFile],
        _progress: ProgressFn,
    ) -> Result<Vec<UploadOutcome>, ProviderError> {
        panic!("a deliberate bug in a client")
    }
}

/// The review's F1: the retry of a file cancelled while the engine checked whether its lost
/// answer arrived used to send it again without checking (attempts were never written back).
#[tokio::test]
async fn cancel_while_verifying_then_retry_checks_before_sending_again() {
    let emu = emulator_with(config()).await;
    let dir = tempfile::tempdir().unwrap();
    let mut engine = fast_config(&dir.path().join("journal"));
    // Long enough for the cancel to land while the engine waits before listing.
    engine.settle_delay = Duration::from_secs(2);
    let mut h = Harness::start(engine);
    let path = pdf(dir.path(), "cv.pdf", 30_000);
    let candidate = fresh(&emu, ProviderId::Kombo, 20);
    inject(&emu, &format!("{KOMBO_UPLOADS}=drop-after"));
    let id = h.engine.submit(batch(
        emu.connection(ProviderId::Kombo),
        &candidate,
        vec![file(&path, "application/pdf", "CV")],
    ));
    let f = first_file(&mut h, &id).await;
    h.until_state(&f, FileState::Verifying, T).await;
    h.engine.cancel(&f);
    assert_eq!(h.finished(&id, T).await.cancelled, 1);
    let (_, message) = h.last_state(&f).unwrap();
    assert!(
        message.as_deref().unwrap().contains("it may have arrived"),
        "{message:?}"
    );
    assert_eq!(copies(&emu, ProviderId::Kombo, &candidate), 1, "it did");

    h.engine.retry(&f);
    h.until_state(&f, FileState::Verifying, T).await;
    let (state, message) = h.until_final(&f, T).await;
    assert_eq!(state, FileState::Done, "{message:?}");
    assert_eq!(copies(&emu, ProviderId::Kombo, &candidate), 1);
    assert_eq!(uploads(&emu, ProviderId::Kombo), 1, "not sent again");
}

/// The review's F1, after a crash: the app died right after journaling a retry (before its
/// next attempt started); the restart used to take the file for a fresh one and send it again.
#[test]
fn a_retry_interrupted_before_it_sends_is_checked_after_a_restart() {
    let server = tokio::runtime::Runtime::new().unwrap();
    let emu = server.block_on(emulator_with(config()));
    let dir = tempfile::tempdir().unwrap();
    let journal = dir.path().join("journal");
    let path = pdf(dir.path(), "cv.pdf", 30_000);
    let candidate = fresh(&emu, ProviderId::Kombo, 21);
    inject(&emu, &format!("{KOMBO_UPLOADS}=drop-after"));

    // The first run, on a runtime of its own: dropping it ends every task, like `kill -9`.
    let app = tokio::runtime::Runtime::new().unwrap();
    let f = app.block_on(async {
        let mut engine = fast_config(&journal);
        engine.settle_delay = Duration::from_mins(1);
        let mut h = Harness::start(engine);
        let id = h.engine.submit(batch(
            emu.connection(ProviderId::Kombo),
            &candidate,
            vec![file(&path, "application/pdf", "CV")],
        ));
        let f = first_file(&mut h, &id).await;
        h.until_state(&f, FileState::Verifying, T).await;
        h.engine.cancel(&f);
        h.finished(&id, T).await;
        h.engine.retry(&f);
        // The retry is journaled and waits before listing: the app dies now.
        h.until_state(&f, FileState::Verifying, T).await;
        f
    });
    drop(app);
    let replayed = read_state(&journal.join("journal.jsonl")).unwrap();
    let entry = replayed.file(&f).unwrap();
    assert!(
        entry.life.end().is_none() && !entry.life.in_flight(),
        "{entry:?}"
    );
    assert!(entry.life.verify_first, "the reopen says to check first");
    assert_eq!(copies(&emu, ProviderId::Kombo, &candidate), 1);

    server.block_on(async {
        let mut h = Harness::start(fast_config(&journal));
        let connection = emu.connection(ProviderId::Kombo);
        h.engine.resume_orphans(Arc::new(move |_: &Account| {
            Ok((connection.clone(), SecretOrigin::Supplied))
        }));
        let UploadEvent::Resumed { batches, files, .. } = h
            .until(T, |e| matches!(e, UploadEvent::Resumed { .. }))
            .await
        else {
            unreachable!()
        };
        assert_eq!(files, 1);
        assert_eq!(h.finished(&batches[0], T).await.done, 1, "{:#?}", h.log);
    });
    assert_eq!(copies(&emu, ProviderId::Kombo, &candidate), 1);
    assert_eq!(uploads(&emu, ProviderId::Kombo), 1, "never sent again");
}

/// The review's F2: a failed listing before sending used to be kept for the whole batch, and a
/// lost answer then re-sent blindly.
#[tokio::test]
async fn a_failed_listing_before_sending_is_taken_again() {
    let emu = emulator_with(config()).await;
    let dir = tempfile::tempdir().unwrap();
    let mut h = Harness::start(fast_config(&dir.path().join("journal")));
    let path = pdf(dir.path(), "cv.pdf", 30_000);
    let candidate = fresh(&emu, ProviderId::Kombo, 22);
    inject(&emu, &format!("{KOMBO_LISTING}=500"));
    inject(&emu, &format!("{KOMBO_UPLOADS}=drop-after"));
    let id = h.engine.submit(batch(
        emu.connection(ProviderId::Kombo),
        &candidate,
        vec![file(&path, "application/pdf", "CV")],
    ));
    assert_eq!(h.finished(&id, T).await.done, 1, "{:#?}", h.log);
    assert_eq!(copies(&emu, ProviderId::Kombo, &candidate), 1);
    assert_eq!(uploads(&emu, ProviderId::Kombo), 1);
}

/// The review's F2, when no listing could be taken before sending: a lost answer with a copy
/// on the candidate is for the user to decide ("Mark as uploaded" reports the batch no second
/// time); with nothing like it there, the file is sent again.
#[tokio::test]
async fn without_a_count_from_before_a_lost_answer_is_settled_only_when_it_can_be() {
    let emu = emulator_with(config()).await;
    let dir = tempfile::tempdir().unwrap();
    let mut h = Harness::start(fast_config(&dir.path().join("journal")));
    let path = pdf(dir.path(), "cv.pdf", 30_000);
    let candidate = fresh(&emu, ProviderId::Kombo, 23);
    inject(&emu, &format!("{KOMBO_LISTING}=500x2"));
    inject(&emu, &format!("{KOMBO_UPLOADS}=drop-after"));
    let id = h.engine.submit(batch(
        emu.connection(ProviderId::Kombo),
        &candidate,
        vec![file(&path, "application/pdf", "CV")],
    ));
    assert_eq!(h.finished(&id, T).await.unknown, 1, "{:#?}", h.log);
    let f = h.files_of(&id)[0].clone();
    let (state, message) = h.last_state(&f).unwrap();
    assert_eq!(state, FileState::OutcomeUnknown);
    assert!(
        message
            .as_deref()
            .unwrap()
            .contains("choose Send again or Mark as uploaded"),
        "{message:?}"
    );
    assert_eq!(copies(&emu, ProviderId::Kombo, &candidate), 1);
    assert_eq!(uploads(&emu, ProviderId::Kombo), 1, "not sent blindly");
    h.engine.mark_uploaded(&f);
    h.until_state(&f, FileState::Done, T).await;
    // Requests are handled in order: once this answer is in, so is any report of the batch.
    h.engine.check_interrupted();
    h.until(T, |e| matches!(e, UploadEvent::Interrupted { .. }))
        .await;
    assert_eq!(h.times_finished(&id), 1, "one report per batch");

    // A 502 after the whole body, no count from before, and nothing on the candidate: sent again.
    let other = fresh(&emu, ProviderId::Kombo, 24);
    inject(&emu, &format!("{KOMBO_LISTING}=500x2"));
    inject(&emu, &format!("{KOMBO_UPLOADS}=502"));
    let id = h.engine.submit(batch(
        emu.connection(ProviderId::Kombo),
        &other,
        vec![file(&path, "application/pdf", "CV")],
    ));
    assert_eq!(h.finished(&id, T).await.done, 1, "{:#?}", h.log);
    assert_eq!(copies(&emu, ProviderId::Kombo, &other), 1);
}

/// A 502/504 that comes after the whole body may hide a stored file: without an idempotency
/// key it is checked before sending again; with a key it is simply retried.
#[tokio::test]
async fn a_gateway_error_after_the_whole_body_is_checked_where_there_is_no_key() {
    let emu = emulator_with(config()).await;
    let dir = tempfile::tempdir().unwrap();
    let mut h = Harness::start(fast_config(&dir.path().join("journal")));
    let path = pdf(dir.path(), "cv.pdf", 30_000);
    let candidate = fresh(&emu, ProviderId::Kombo, 25);
    inject(&emu, &format!("{KOMBO_UPLOADS}=502"));
    let id = h.engine.submit(batch(
        emu.connection(ProviderId::Kombo),
        &candidate,
        vec![file(&path, "application/pdf", "CV")],
    ));
    assert_eq!(h.finished(&id, T).await.done, 1);
    let f = h.files_of(&id)[0].clone();
    assert!(
        h.states_of(&f)
            .iter()
            .any(|(s, _)| *s == FileState::Verifying),
        "{:?}",
        h.states_of(&f)
    );
    assert_eq!(copies(&emu, ProviderId::Kombo, &candidate), 1);
    assert_eq!(
        uploads(&emu, ProviderId::Kombo),
        2,
        "checked, then sent again"
    );

    let candidate = fresh(&emu, ProviderId::Truto, 25);
    inject(&emu, "truto:POST:/unified/ats/attachments=502");
    let id = h.engine.submit(batch(
        emu.connection(ProviderId::Truto),
        &candidate,
        vec![file(&path, "application/pdf", "resume")],
    ));
    assert_eq!(h.finished(&id, T).await.done, 1);
    let f = h.files_of(&id)[0].clone();
    assert!(
        !h.states_of(&f)
            .iter()
            .any(|(s, _)| *s == FileState::Verifying),
        "the key makes a retry safe"
    );
    assert_eq!(copies(&emu, ProviderId::Truto, &candidate), 1);
}

/// A success answer atsdrop cannot read used to fail the file although it was stored (and a
/// Retry stored it twice): it is an unknown outcome, settled by listing or by the same key.
#[tokio::test]
async fn an_unreadable_success_answer_is_checked_not_failed() {
    let emu = emulator_with(config()).await;
    let dir = tempfile::tempdir().unwrap();
    let mut h = Harness::start(fast_config(&dir.path().join("journal")));
    let path = pdf(dir.path(), "cv.pdf", 30_000);
    for (p, ty, garble, expected) in [
        (ProviderId::Kombo, "CV", 1, FileState::Done),
        (ProviderId::Truto, "resume", 1, FileState::Done),
        // The key makes sending again safe, but the answer never becomes readable.
        (
            ProviderId::Truto,
            "resume",
            usize::MAX,
            FileState::OutcomeUnknown,
        ),
    ] {
        let candidate = fresh(&emu, p, 26 + garble.min(2));
        h.engine.pause();
        let id = h.engine.submit(batch(
            emu.connection(p),
            &candidate,
            vec![file(&path, "application/pdf", ty)],
        ));
        let f = first_file(&mut h, &id).await;
        let inner = atsdrop::providers::connect(&emu.connection(p)).unwrap();
        h.engine.use_client(
            &h.engine.account(&emu.connection(p), Source::Environment),
            Arc::new(Garbled {
                inner,
                garble: AtomicUsize::new(garble),
            }),
        );
        h.engine.resume();
        let (state, message) = h.until_final(&f, T).await;
        assert_eq!(state, expected, "{p}: {message:?}");
        assert_eq!(copies(&emu, p, &candidate), 1, "{p}: stored once");
        h.finished(&id, T).await;
    }
    assert_eq!(
        uploads(&emu, ProviderId::Kombo),
        1,
        "Kombo: checked by listing"
    );
}

/// The review's F3: a job task that panics used to leave its file "uploading" and its batch
/// unfinished for ever.
#[tokio::test]
async fn a_panicking_upload_fails_the_file_and_the_batch_still_finishes() {
    let emu = emulator_with(config()).await;
    let dir = tempfile::tempdir().unwrap();
    let mut h = Harness::start(fast_config(&dir.path().join("journal")));
    let path = pdf(dir.path(), "cv.pdf", 30_000);
    let candidate = fresh(&emu, ProviderId::Kombo, 28);
    let connection = emu.connection(ProviderId::Kombo);
    let account = h.engine.account(&connection, Source::Environment);
    h.engine.pause();
    let id = h.engine.submit(batch(
        connection.clone(),
        &candidate,
        vec![file(&path, "application/pdf", "CV")],
    ));
    let f = first_file(&mut h, &id).await;
    let real = atsdrop::providers::connect(&connection).unwrap();
    h.engine.use_client(&account, Arc::new(Panicking(real)));
    h.engine.resume();
    assert_eq!(h.finished(&id, T).await.failed, 1);
    let (_, message) = h.last_state(&f).unwrap();
    assert!(
        message.as_deref().unwrap().contains("internal error"),
        "{message:?}"
    );
    // The queue goes on, and a retry with a working client stores the file once.
    h.engine
        .use_connection(&connection, Source::Environment)
        .unwrap();
    h.engine.retry(&f);
    assert_eq!(h.until_final(&f, T).await.0, FileState::Done);
    assert_eq!(copies(&emu, ProviderId::Kombo, &candidate), 1);
}

/// The review's F4: Pause did not hold files already waiting for a slot on their lane.
#[tokio::test]
async fn pause_holds_files_already_waiting_for_a_lane_slot() {
    let emu = emulator_with(config()).await;
    let dir = tempfile::tempdir().unwrap();
    let mut engine = fast_config(&dir.path().join("journal"));
    engine.parallel_per_lane = 1;
    let mut h = Harness::start(engine);
    let candidate = fresh(&emu, ProviderId::Kombo, 29);
    let files = (0..4)
        .map(|i| {
            let path = pdf(dir.path(), &format!("doc{i}.pdf"), 20_000 + i * 100);
            file(&path, "application/pdf", "CV")
        })
        .collect();
    // The first upload is slow: the others wait for the lane's only slot.
    inject(&emu, &format!("{KOMBO_UPLOADS}=delay:1500"));
    let id = h
        .engine
        .submit(batch(emu.connection(ProviderId::Kombo), &candidate, files));
    let UploadEvent::State { file: first, .. } = h
        .until(T, |e| {
            matches!(
                e,
                UploadEvent::State {
                    state: FileState::Uploading,
                    ..
                }
            )
        })
        .await
    else {
        unreachable!()
    };
    h.engine.pause();
    h.until_state(&first, FileState::Done, T).await;
    // The slot is free now: a file that took it would start within milliseconds.
    let started = h
        .quiet(Duration::from_millis(800), |e| {
            matches!(
                e,
                UploadEvent::State {
                    state: FileState::Uploading,
                    ..
                }
            )
        })
        .await;
    assert_eq!(started, None, "nothing starts while paused");
    assert_eq!(uploads(&emu, ProviderId::Kombo), 1);
    h.engine.resume();
    assert_eq!(h.finished(&id, T).await.done, 4);
    assert_eq!(copies(&emu, ProviderId::Kombo, &candidate), 4);
}

/// The review's F5: after a torn last line, the next record was glued onto it and lost.
#[test]
fn a_torn_journal_line_does_not_swallow_the_next_record() {
    use std::io::Write;
    let dir = tempfile::tempdir().unwrap();
    let j = Journal::open(dir.path()).unwrap();
    std::fs::OpenOptions::new()
        .append(true)
        .open(j.path())
        .unwrap()
        .write_all(b"{\"t\":\"end\",\"fi")
        .unwrap();
    drop(j);
    let j = Journal::open(dir.path()).unwrap();
    let (b, f) = (BatchId::new(), FileId::new());
    j.append_all(&[
        Record::Batch {
            batch: b.clone(),
            owner: j.owner().to_owned(),
            at: now(),
            connection: Account {
                provider: ProviderId::Kombo,
                base_url: "http://127.0.0.1:1/kombo".into(),
                ids: atsdrop::model::AccountIds::new().with("integration_id", "x"),
                source: Source::Environment,
                credential: None,
            },
            candidate_id: "c1".into(),
            candidate_name: None,
            application_id: None,
        },
        Record::File {
            file: f.clone(),
            batch: b.clone(),
            path: "/tmp/cv.pdf".into(),
            name: "cv.pdf".into(),
            size: 3,
            mtime: None,
            content_type: "application/pdf".into(),
            attachment_type: "CV".into(),
            remote_id: None,
            made_from: Vec::new(),
            from_mail: None,
        },
    ])
    .unwrap();
    let state = j.read().unwrap();
    assert!(state.batches.contains_key(&b), "the batch record survives");
    assert_eq!(state.file(&f).unwrap().life.owner, j.owner());
    assert_eq!(state.unreadable_lines, 1, "only the torn line is lost");
    assert!(j.orphans().unwrap().files.is_empty(), "a live owner's job");
}

/// The review's F6: a batch whose journal records could not be written got only a warning, and
/// no `BatchFinished`: the command line waited for ever. Nothing is sent, every file fails
/// with the reason, and a retry once the journal works sends it (journaled first).
#[tokio::test]
async fn a_batch_that_cannot_be_journaled_still_finishes_with_the_reason() {
    let emu = emulator_with(config()).await;
    let dir = tempfile::tempdir().unwrap();
    let journal = dir.path().join("journal");
    let mut h = Harness::start(fast_config(&journal));
    // Any journal failure (full disk, permissions): here its claims lock cannot be opened.
    std::fs::create_dir(journal.join("claims.lock")).unwrap();
    let path = pdf(dir.path(), "cv.pdf", 10_000);
    let candidate = fresh(&emu, ProviderId::Kombo, 30);
    let id = h.engine.submit(batch(
        emu.connection(ProviderId::Kombo),
        &candidate,
        vec![file(&path, "application/pdf", "CV")],
    ));
    assert_eq!(h.finished(&id, T).await.failed, 1);
    let f = h.files_of(&id)[0].clone();
    let (state, message) = h.last_state(&f).unwrap();
    assert_eq!(state, FileState::Failed);
    let message = message.unwrap();
    assert!(
        message.starts_with("Nothing was sent: atsdrop could not use its upload journal"),
        "{message}"
    );
    assert_eq!(uploads(&emu, ProviderId::Kombo), 0);

    std::fs::remove_dir(journal.join("claims.lock")).unwrap();
    h.engine.retry(&f);
    assert_eq!(h.until_final(&f, T).await.0, FileState::Done);
    assert_eq!(copies(&emu, ProviderId::Kombo, &candidate), 1);
    let replayed = read_state(&journal.join("journal.jsonl")).unwrap();
    let entry = replayed.file(&f).expect("journaled by the retry");
    assert!(entry.life.delivered());
}

/// The review's F6 on the command line: `atsdrop upload` with a journal it cannot write exits
/// (instead of waiting for ever) with code 1 and the reason.
#[test]
fn the_command_line_exits_with_the_reason_when_the_journal_cannot_be_written() {
    let sandbox = Sandbox::start(&["--no-rate-limits"]);
    let home = tempfile::tempdir().unwrap();
    let journal = home.path().join("data").join("journal");
    std::fs::create_dir_all(journal.join("claims.lock")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let cv = pdf(dir.path(), "cv.pdf", 3000);
    let child = atsdrop(home.path())
        .args(["upload", "-p", "spott", "--base-url"])
        .arg(sandbox.base_url("spott"))
        .args(["-c", "cand-000250", "-t", "CV", "--json"])
        .arg(&cv)
        .env("ATSDROP_API_KEY", "spott-sandbox-key")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let pid = child.id();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(child.wait_with_output());
    });
    let Ok(out) = rx.recv_timeout(Duration::from_mins(1)) else {
        let _ = std::process::Command::new("kill")
            .args(["-9", &pid.to_string()])
            .status();
        panic!("atsdrop upload did not exit");
    };
    let out = out.unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines = crate::support::process::json_lines(&out.stdout);
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert_eq!(lines[0]["status"], "failed");
    let error = lines[0]["error"].as_str().unwrap();
    assert!(
        error.contains("Nothing was sent") && error.contains("upload journal"),
        "{error}"
    );
}

/// The review's F8: a file that failed could not be added again in the same session ("already
/// in the queue"). It is taken into the new batch — the same job, not a second one.
#[tokio::test]
async fn a_failed_file_can_be_added_again_in_the_same_session() {
    let emu = emulator_with(config()).await;
    let dir = tempfile::tempdir().unwrap();
    let mut h = Harness::start(fast_config(&dir.path().join("journal")));
    let path = pdf(dir.path(), "cv.pdf", 10_000);
    let candidate = fresh(&emu, ProviderId::Kombo, 31);
    inject(&emu, &format!("{KOMBO_UPLOADS}=403"));
    let first = h.engine.submit(batch(
        emu.connection(ProviderId::Kombo),
        &candidate,
        vec![file(&path, "application/pdf", "CV")],
    ));
    assert_eq!(h.finished(&first, T).await.failed, 1);
    let second = h.engine.submit(batch(
        emu.connection(ProviderId::Kombo),
        &candidate,
        vec![file(&path, "application/pdf", "CV")],
    ));
    let summary = h.finished(&second, T).await;
    assert_eq!(summary.done, 1, "{:#?}", h.log);
    assert_eq!(h.files_of(&second), h.files_of(&first), "the same job");
    assert_eq!(copies(&emu, ProviderId::Kombo, &candidate), 1);
    // Now that it is stored, adding it again skips it.
    let third = h.engine.submit(batch(
        emu.connection(ProviderId::Kombo),
        &candidate,
        vec![file(&path, "application/pdf", "CV")],
    ));
    assert_eq!(h.finished(&third, T).await.skipped, 1);
    assert_eq!(copies(&emu, ProviderId::Kombo, &candidate), 1);
}

/// The review's F8: Retry sent with the batch's original client, so fixing a key never helped.
/// It uses the newest client of the same saved connection — and never another connection's.
#[tokio::test]
async fn retry_sends_with_the_newest_client_of_the_same_connection() {
    let emu = emulator_with(config()).await;
    let dir = tempfile::tempdir().unwrap();
    let journal = dir.path().join("journal");
    let mut h = Harness::start(fast_config(&journal));
    let path = pdf(dir.path(), "cv.pdf", 10_000);
    let candidate = fresh(&emu, ProviderId::Kombo, 32);
    let saved = |id: &str| Source::Saved {
        id: id.into(),
        name: id.to_uppercase(),
    };
    let good = emu.connection(ProviderId::Kombo);
    let mut wrong = good.clone();
    wrong.secret = Secret::new("not-the-key");
    let mut spec = batch(
        wrong,
        &candidate,
        vec![file(&path, "application/pdf", "CV")],
    );
    spec.source = saved("acme");
    let id = h.engine.submit(spec);
    assert_eq!(h.finished(&id, T).await.failed, 1);
    let f = h.files_of(&id)[0].clone();
    assert!(
        h.last_state(&f)
            .unwrap()
            .1
            .unwrap()
            .contains("did not accept the credentials")
    );
    // Another saved connection with a working key is not this file's account: the retry
    // still sends with the broken key, and fails.
    h.engine.use_connection(&good, saved("other")).unwrap();
    h.engine.retry(&f);
    let (state, message) = h.until_final(&f, T).await;
    assert_eq!(state, FileState::Failed, "{message:?}");
    assert_eq!(copies(&emu, ProviderId::Kombo, &candidate), 0);
    // The same connection with its key fixed: sent.
    h.engine.use_connection(&good, saved("acme")).unwrap();
    h.engine.retry(&f);
    assert_eq!(h.until_final(&f, T).await.0, FileState::Done);
    assert_eq!(copies(&emu, ProviderId::Kombo, &candidate), 1);
}

/// An interrupted upload is resumed only with its own account: a resolver that cannot supply
/// it, or supplies another (another saved connection, another key for an environment job),
/// leaves it waiting — unclaimed and unsent — with a sentence; the right one finishes it.
#[tokio::test]
async fn resume_waits_for_the_account_the_job_was_started_with() {
    let emu = emulator_with(config()).await;
    let dir = tempfile::tempdir().unwrap();
    let journal = dir.path().join("journal");
    let good = emu.connection(ProviderId::Kombo);
    let other = fresh(&emu, ProviderId::Kombo, 33);
    let mut orphans = Vec::new();
    for (name, source) in [
        (
            "saved.pdf",
            Source::Saved {
                id: "acme".into(),
                name: "Acme".into(),
            },
        ),
        ("env.pdf", Source::Environment),
    ] {
        let path = pdf(dir.path(), name, 12_000);
        let orphan = FileId::new();
        let gone = Journal::open(&journal).unwrap();
        let prints = atsdrop::upload::Fingerprinter::open(&journal).unwrap();
        let b = BatchId::new();
        let (size, mtime) = atsdrop::upload::fingerprint::stat(&path).unwrap();
        gone.append_all(&[
            Record::Batch {
                batch: b.clone(),
                owner: gone.owner().to_owned(),
                at: now(),
                connection: prints.account(&good, source),
                candidate_id: other.clone(),
                candidate_name: None,
                application_id: None,
            },
            Record::File {
                file: orphan.clone(),
                batch: b,
                path: path.clone(),
                name: name.into(),
                size,
                mtime,
                content_type: "application/pdf".into(),
                attachment_type: "CV".into(),
                remote_id: None,
                made_from: Vec::new(),
                from_mail: None,
            },
        ])
        .unwrap();
        orphans.push(orphan);
    }
    let mut wrong_key = good.clone();
    wrong_key.secret = Secret::new("another-tenants-key");
    let attempts: Vec<atsdrop::upload::Resolver> = vec![
        Arc::new(|a: &Account| Err(format!("Nothing for {}.", a.label()))),
        // The environment holds another key; the saved connection is another one.
        Arc::new(move |a: &Account| match a.source {
            Source::Saved { .. } => Err("The connection \u{201c}Acme\u{201d} was removed.".into()),
            _ => Ok((wrong_key.clone(), SecretOrigin::Supplied)),
        }),
    ];
    for resolver in attempts {
        let mut h = Harness::start(fast_config(&journal));
        h.engine.resume_orphans(resolver);
        let UploadEvent::Resumed {
            batches,
            files,
            waiting,
        } = h
            .until(T, |e| matches!(e, UploadEvent::Resumed { .. }))
            .await
        else {
            unreachable!()
        };
        assert!(batches.is_empty() && files == 0, "{batches:?}");
        assert_eq!(waiting.len(), 2, "{waiting:?}");
        assert!(
            waiting
                .iter()
                .all(|w| w.reason.contains("was not resumed") && w.reason.contains("It needs")),
            "{waiting:?}"
        );
        assert!(
            waiting
                .iter()
                .any(|w| w.reason.contains("ATSDROP_API_KEY") && w.name == "env.pdf"),
            "{waiting:?}"
        );
    }
    assert_eq!(uploads(&emu, ProviderId::Kombo), 0, "nothing was sent");
    // The right account: the saved connection's current secret, and the very key the
    // environment job was started with.
    let mut h = Harness::start(fast_config(&journal));
    let right = good.clone();
    h.engine.resume_orphans(Arc::new(move |a: &Account| {
        let origin = match a.source {
            Source::Saved { .. } => SecretOrigin::SavedConnection,
            _ => SecretOrigin::Supplied,
        };
        Ok((right.clone(), origin))
    }));
    let UploadEvent::Resumed {
        batches, waiting, ..
    } = h
        .until(T, |e| matches!(e, UploadEvent::Resumed { .. }))
        .await
    else {
        unreachable!()
    };
    assert!(waiting.is_empty(), "{waiting:?}");
    assert_eq!(batches.len(), 2);
    for b in &batches {
        // One may have finished while the test waited for the other.
        if h.times_finished(b) == 0 {
            assert_eq!(h.finished(b, T).await.done, 1);
        }
    }
    assert_eq!(copies(&emu, ProviderId::Kombo, &other), 2);
}

/// Retry used to ignore the journal: a file another atsdrop process took over (the same
/// `upload` run again) was sent a second time. Busy elsewhere: left alone; uploaded elsewhere:
/// reported done.
#[tokio::test]
async fn retry_respects_what_another_process_did_with_the_file() {
    let emu = emulator_with(config()).await;
    let dir = tempfile::tempdir().unwrap();
    let journal = dir.path().join("journal");
    let mut app = Harness::start(fast_config(&journal));
    let mut script = Harness::start(fast_config(&journal));
    let path = pdf(dir.path(), "cv.pdf", 10_000);
    let candidate = fresh(&emu, ProviderId::Kombo, 34);
    inject(&emu, &format!("{KOMBO_UPLOADS}=403"));
    let id = app.engine.submit(batch(
        emu.connection(ProviderId::Kombo),
        &candidate,
        vec![file(&path, "application/pdf", "CV")],
    ));
    assert_eq!(app.finished(&id, T).await.failed, 1);
    let f = app.files_of(&id)[0].clone();

    // The other process takes the file over and sends it, slowly.
    inject(&emu, &format!("{KOMBO_UPLOADS}=delay:1500"));
    let other = script.engine.submit(batch(
        emu.connection(ProviderId::Kombo),
        &candidate,
        vec![file(&path, "application/pdf", "CV")],
    ));
    script.until_state(&f, FileState::Uploading, T).await;
    app.engine.retry(&f);
    let busy = app
        .until(
            T,
            |e| matches!(e, UploadEvent::State { file, .. } if *file == f),
        )
        .await;
    let UploadEvent::State { state, message, .. } = busy else {
        unreachable!()
    };
    assert_eq!(state, FileState::Failed);
    assert!(
        message
            .as_ref()
            .unwrap()
            .english()
            .contains("being uploaded by another atsdrop"),
        "{message:?}"
    );
    assert_eq!(script.finished(&other, T).await.done, 1);

    app.engine.retry(&f);
    let (state, message) = app.until_final(&f, T).await;
    assert_eq!(state, FileState::Done);
    assert!(
        message
            .as_deref()
            .unwrap()
            .contains("uploaded by another atsdrop"),
        "{message:?}"
    );
    assert_eq!(copies(&emu, ProviderId::Kombo, &candidate), 1);
    assert_eq!(
        uploads(&emu, ProviderId::Kombo),
        2,
        "the 500, then the other process"
    );
}
