//! The upload engine against the emulator's fault injection.

use std::time::{Duration, Instant};

use atsdrop::emulator::{EmulatorConfig, Fault};
use atsdrop::model::ProviderId;
use atsdrop::upload::{FileState, UploadEvent};

use crate::support::engine::{Harness, batch, fast_config, file, quick_connection};
use crate::support::sandbox::{emulator_with, pdf_bytes, sha256_hex, write};

mod confirm;
mod exactly_once;
mod rides;

const T: Duration = Duration::from_secs(20);

fn config() -> EmulatorConfig {
    EmulatorConfig {
        rate_limits: false,
        ..EmulatorConfig::default()
    }
}

fn fresh(emu: &atsdrop::emulator::Emulator, p: ProviderId, index: usize) -> String {
    // Candidates past the first ten have no seeded attachments.
    emu.store().candidates(p)[200 + index].id.clone()
}

#[tokio::test]
async fn a_429_waits_the_announced_delay_then_stores_one_copy() {
    let emu = emulator_with(config()).await;
    let dir = tempfile::tempdir().unwrap();
    let mut h = Harness::start(fast_config(&dir.path().join("journal")));
    let bytes = pdf_bytes(200_000);
    let path = write(dir.path(), "cv.pdf", &bytes);
    let candidate = fresh(&emu, ProviderId::Kombo, 0);
    emu.faults().inject(
        "kombo:POST:/ats/candidates/*/attachments=429@1"
            .parse::<Fault>()
            .unwrap(),
    );
    let started = Instant::now();
    let id = h.engine.submit(batch(
        emu.connection(ProviderId::Kombo),
        &candidate,
        vec![file(&path, "application/pdf", "CV")],
    ));
    let summary = h.finished(&id, T).await;
    assert_eq!(summary.done, 1, "{:?}", h.log);
    assert!(
        started.elapsed() >= Duration::from_secs(1),
        "waited the announced second"
    );
    let paused = h.log.iter().any(
        |e| matches!(e, UploadEvent::LanePaused { delay, .. } if *delay >= Duration::from_secs(1)),
    );
    assert!(paused, "the lane reported its pause");
    let file_id = &h.files_of(&id)[0];
    assert!(
        h.states_of(file_id)
            .iter()
            .any(|(s, m)| *s == FileState::Queued
                && m.as_deref().is_some_and(|m| m.contains("slow down")))
    );
    let stored = emu.store().attachments(ProviderId::Kombo, Some(&candidate));
    assert_eq!(stored.len(), 1);
    assert_eq!(stored[0].sha256, sha256_hex(&bytes));
}

#[tokio::test]
async fn a_503_is_retried_and_stored_once() {
    let emu = emulator_with(config()).await;
    let dir = tempfile::tempdir().unwrap();
    let mut h = Harness::start(fast_config(&dir.path().join("journal")));
    let path = write(dir.path(), "cv.pdf", &pdf_bytes(50_000));
    let candidate = fresh(&emu, ProviderId::Spott, 1);
    emu.faults().inject(
        "spott:POST:/attachments/temporary=503x2"
            .parse::<Fault>()
            .unwrap(),
    );
    let id = h.engine.submit(batch(
        emu.connection(ProviderId::Spott),
        &candidate,
        vec![file(&path, "application/pdf", "CV")],
    ));
    assert_eq!(h.finished(&id, T).await.done, 1);
    assert_eq!(
        emu.store()
            .attachments(ProviderId::Spott, Some(&candidate))
            .len(),
        1
    );
    let posts = emu
        .received()
        .iter()
        .filter(|r| r.path == "/attachments/temporary")
        .count();
    assert_eq!(posts, 3, "two 503s, then success");
}

#[tokio::test]
async fn a_connection_dropped_mid_body_is_retried_and_stored_once() {
    let emu = emulator_with(config()).await;
    let dir = tempfile::tempdir().unwrap();
    let mut h = Harness::start(fast_config(&dir.path().join("journal")));
    // Under Kombo's 20 MiB limit (its base64 body stays under the 30 MiB JSON cap), and large
    // enough that the drop happens while the body is still being written.
    let bytes = pdf_bytes(18 * 1024 * 1024);
    let path = write(dir.path(), "big.pdf", &bytes);
    for (p, ty, route) in [
        (
            ProviderId::Spott,
            "CV",
            "spott:POST:/attachments/temporary=drop",
        ),
        (ProviderId::Kombo, "CV", "kombo:POST=drop"),
    ] {
        let candidate = fresh(&emu, p, 2);
        emu.faults().inject(route.parse::<Fault>().unwrap());
        let id = h.engine.submit(batch(
            emu.connection(p),
            &candidate,
            vec![file(&path, "application/pdf", ty)],
        ));
        let summary = h.finished(&id, T).await;
        assert_eq!(
            summary.done,
            1,
            "{p}: {:?}",
            h.log.iter().rev().take(5).collect::<Vec<_>>()
        );
        let stored = emu.store().attachments(p, Some(&candidate));
        assert_eq!(stored.len(), 1, "{p}: exactly one copy");
        assert_eq!(stored[0].sha256, sha256_hex(&bytes));
    }
}

#[tokio::test]
async fn a_lost_answer_is_verified_and_not_sent_twice() {
    let emu = emulator_with(config()).await;
    let dir = tempfile::tempdir().unwrap();
    let mut h = Harness::start(fast_config(&dir.path().join("journal")));
    let path = write(dir.path(), "cv.pdf", &pdf_bytes(30_000));
    // Kombo has no idempotency key: the engine lists the candidate's attachments to settle it.
    let candidate = fresh(&emu, ProviderId::Kombo, 3);
    emu.faults().inject(
        "kombo:POST:/ats/candidates/*/attachments=drop-after"
            .parse::<Fault>()
            .unwrap(),
    );
    let id = h.engine.submit(batch(
        emu.connection(ProviderId::Kombo),
        &candidate,
        vec![file(&path, "application/pdf", "CV")],
    ));
    assert_eq!(h.finished(&id, T).await.done, 1);
    let file_id = &h.files_of(&id)[0];
    assert!(
        h.states_of(file_id)
            .iter()
            .any(|(s, _)| *s == FileState::Verifying),
        "{:?}",
        h.states_of(file_id)
    );
    assert_eq!(
        emu.store()
            .attachments(ProviderId::Kombo, Some(&candidate))
            .len(),
        1
    );
    let posts = emu
        .received()
        .iter()
        .filter(|r| r.method == "POST" && r.path.ends_with("/attachments"))
        .count();
    assert_eq!(posts, 1, "not sent again");

    // Truto takes an idempotency key: the engine re-sends with the same key.
    let candidate = fresh(&emu, ProviderId::Truto, 3);
    emu.faults().inject(
        "truto:POST:/unified/ats/attachments=drop-after"
            .parse::<Fault>()
            .unwrap(),
    );
    let id = h.engine.submit(batch(
        emu.connection(ProviderId::Truto),
        &candidate,
        vec![file(&path, "application/pdf", "resume")],
    ));
    assert_eq!(h.finished(&id, T).await.done, 1);
    assert_eq!(
        emu.store()
            .attachments(ProviderId::Truto, Some(&candidate))
            .len(),
        1
    );
    let keys: Vec<String> = emu
        .received()
        .iter()
        .filter(|r| r.provider == Some(ProviderId::Truto) && r.method == "POST")
        .filter_map(|r| r.header("idempotency-key").map(str::to_owned))
        .collect();
    assert_eq!(keys.len(), 2);
    assert_eq!(keys[0], keys[1], "the retry reused the key");
}

#[tokio::test]
async fn a_stall_past_the_timeout_is_retried_and_stored_once() {
    let emu = emulator_with(config()).await;
    let dir = tempfile::tempdir().unwrap();
    let mut h = Harness::start(fast_config(&dir.path().join("journal")));
    let path = write(dir.path(), "cv.pdf", &pdf_bytes(40_000));
    let candidate = fresh(&emu, ProviderId::Spott, 4);
    emu.faults().inject(
        "spott:POST:/attachments/temporary=delay:3000"
            .parse::<Fault>()
            .unwrap(),
    );
    let connection = quick_connection(&emu, ProviderId::Spott, Duration::from_millis(500));
    let id = h.engine.submit(batch(
        connection,
        &candidate,
        vec![file(&path, "application/pdf", "CV")],
    ));
    assert_eq!(h.finished(&id, T).await.done, 1);
    // The stalled request eventually completes on the server, but its temporary upload is never
    // assigned: the candidate has exactly one copy.
    assert!(
        emu.wait_for(Duration::from_secs(5), |r| r
            .iter()
            .filter(|r| r.path == "/attachments/temporary")
            .count()
            >= 2)
            .await
    );
    tokio::time::timeout(Duration::from_secs(5), async {
        while emu
            .received()
            .iter()
            .filter(|r| r.path == "/attachments/temporary")
            .count()
            < 2
        {
            tokio::task::yield_now().await;
        }
    })
    .await
    .unwrap();
    assert_eq!(
        emu.store()
            .attachments(ProviderId::Spott, Some(&candidate))
            .len(),
        1
    );
    let file_id = &h.files_of(&id)[0];
    let states = h.states_of(file_id);
    assert!(
        states.iter().any(|(_, m)| m
            .as_deref()
            .is_some_and(|m| m.contains("did not answer in time"))),
        "{states:?}"
    );
}

/// Issue 11: a path that is not UTF-8 used to make the journal fail for the whole batch. It is
/// refused alone; the rest of the batch is uploaded.
#[cfg(unix)]
#[tokio::test]
async fn a_path_that_is_not_utf8_is_refused_alone() {
    use std::os::unix::ffi::OsStrExt;
    let emu = emulator_with(config()).await;
    let dir = tempfile::tempdir().unwrap();
    let mut h = Harness::start(fast_config(&dir.path().join("journal")));
    let latin = dir.path().join(std::ffi::OsStr::from_bytes(b"M\xfcller"));
    std::fs::create_dir(&latin).unwrap();
    let bad = write(&latin, "cv.pdf", &pdf_bytes(4_000));
    let good = write(dir.path(), "letter.pdf", &pdf_bytes(4_100));
    let candidate = fresh(&emu, ProviderId::Spott, 7);
    let id = h.engine.submit(batch(
        emu.connection(ProviderId::Spott),
        &candidate,
        vec![
            file(&bad, "application/pdf", "CV"),
            file(&good, "application/pdf", "CV"),
        ],
    ));
    let summary = h.finished(&id, T).await;
    assert_eq!((summary.done, summary.failed), (1, 1), "{summary:?}");
    let files = h.files_of(&id);
    let message = h.last_state(&files[0]).unwrap().1.unwrap();
    assert!(message.contains("not valid UTF-8"), "{message}");
}

#[tokio::test]
async fn a_file_changed_between_its_check_and_its_submission_is_refused() {
    let emu = emulator_with(config()).await;
    let dir = tempfile::tempdir().unwrap();
    let mut h = Harness::start(fast_config(&dir.path().join("journal")));
    let path = write(dir.path(), "cv.pdf", &pdf_bytes(10_000));
    let checked = std::fs::metadata(&path).unwrap();
    let candidate = fresh(&emu, ProviderId::Spott, 6);
    // Checked, then changed (same size, new bytes and time) before the upload was started.
    std::thread::sleep(Duration::from_millis(20));
    let mut changed = pdf_bytes(10_000);
    changed[30] ^= 0xff;
    std::fs::write(&path, &changed).unwrap();
    let mut spec = file(&path, "application/pdf", "CV");
    spec.checked_as = Some((checked.len(), checked.modified().ok()));
    let id = h.engine.submit(batch(
        emu.connection(ProviderId::Spott),
        &candidate,
        vec![spec],
    ));
    assert_eq!(h.finished(&id, T).await.failed, 1);
    let f = h.files_of(&id)[0].clone();
    let message = h.last_state(&f).unwrap().1.unwrap();
    assert!(
        message.contains("changed after it was checked"),
        "{message}"
    );
    assert!(
        emu.store()
            .attachments(ProviderId::Spott, Some(&candidate))
            .is_empty()
    );
}

#[tokio::test]
async fn a_file_changed_after_queueing_is_refused() {
    let emu = emulator_with(config()).await;
    let dir = tempfile::tempdir().unwrap();
    let mut h = Harness::start(fast_config(&dir.path().join("journal")));
    let path = write(dir.path(), "cv.pdf", &pdf_bytes(10_000));
    let gone = write(dir.path(), "gone.pdf", &pdf_bytes(10_000));
    let candidate = fresh(&emu, ProviderId::Spott, 5);
    h.engine.pause();
    let id = h.engine.submit(batch(
        emu.connection(ProviderId::Spott),
        &candidate,
        vec![
            file(&path, "application/pdf", "CV"),
            file(&gone, "application/pdf", "CV"),
        ],
    ));
    h.until(
        T,
        |e| matches!(e, UploadEvent::Queued { name, .. } if name == "gone.pdf"),
    )
    .await;
    // Same size, different bytes and a new modification time.
    let mut changed = pdf_bytes(10_000);
    changed[20] ^= 0xff;
    std::thread::sleep(Duration::from_millis(20));
    std::fs::write(&path, &changed).unwrap();
    std::fs::remove_file(&gone).unwrap();
    h.engine.resume();
    let summary = h.finished(&id, T).await;
    assert_eq!(summary.failed, 2);
    let files = h.files_of(&id);
    let (_, changed_msg) = h.last_state(&files[0]).unwrap();
    assert_eq!(
        changed_msg.as_deref(),
        Some(
            "cv.pdf changed after it was queued: check it is the version you want and add it again."
        )
    );
    let (_, gone_msg) = h.last_state(&files[1]).unwrap();
    let gone_msg = gone_msg.unwrap();
    assert!(
        gone_msg.starts_with("gone.pdf was removed after it was queued"),
        "{gone_msg}"
    );
    assert!(
        emu.store()
            .attachments(ProviderId::Spott, Some(&candidate))
            .is_empty()
    );
    assert!(
        !emu.received()
            .iter()
            .any(|r| r.path == "/attachments/temporary"),
        "nothing was sent"
    );
}

#[tokio::test]
async fn cancel_mid_file_stores_nothing() {
    let emu = emulator_with(config()).await;
    let dir = tempfile::tempdir().unwrap();
    let mut h = Harness::start(fast_config(&dir.path().join("journal")));
    let path = write(dir.path(), "big.pdf", &pdf_bytes(24 * 1024 * 1024));
    let candidate = fresh(&emu, ProviderId::Truto, 6);
    // The server holds the request without reading it, so the upload is mid-body when cancelled.
    emu.faults().inject(
        "truto:POST:/unified/ats/attachments=delay:1500"
            .parse::<Fault>()
            .unwrap(),
    );
    let id = h.engine.submit(batch(
        emu.connection(ProviderId::Truto),
        &candidate,
        vec![file(&path, "application/pdf", "resume")],
    ));
    // Mid-body: bytes are flowing and the server holds the request.
    let UploadEvent::Progress { file: file_id, .. } = h
        .until(
            T,
            |e| matches!(e, UploadEvent::Progress { sent, .. } if *sent > 1024 * 1024),
        )
        .await
    else {
        unreachable!()
    };
    h.engine.cancel(&file_id);
    let summary = h.finished(&id, T).await;
    assert_eq!(summary.cancelled, 1);
    assert_eq!(h.last_state(&file_id).unwrap().0, FileState::Cancelled);
    // The held request is released and answered (or cut); either way nothing is stored.
    assert!(
        emu.wait_for(Duration::from_secs(10), |r| r
            .iter()
            .any(|r| r.provider == Some(ProviderId::Truto) && r.method == "POST"))
            .await
    );
    assert!(
        emu.store()
            .attachments(ProviderId::Truto, Some(&candidate))
            .is_empty()
    );
}

#[tokio::test]
async fn a_429_pauses_only_its_own_lane() {
    let emu = emulator_with(config()).await;
    let dir = tempfile::tempdir().unwrap();
    let mut h = Harness::start(fast_config(&dir.path().join("journal")));
    let path = write(dir.path(), "cv.pdf", &pdf_bytes(20_000));
    emu.faults()
        .inject("kombo:POST=429@3".parse::<Fault>().unwrap());
    let k = fresh(&emu, ProviderId::Kombo, 7);
    let s = fresh(&emu, ProviderId::Spott, 7);
    let started = Instant::now();
    let kb = h.engine.submit(batch(
        emu.connection(ProviderId::Kombo),
        &k,
        vec![file(&path, "application/pdf", "CV")],
    ));
    h.until(T, |e| matches!(e, UploadEvent::LanePaused { .. }))
        .await;
    let sb = h.engine.submit(batch(
        emu.connection(ProviderId::Spott),
        &s,
        vec![file(&path, "application/pdf", "CV")],
    ));
    assert_eq!(h.finished(&sb, T).await.done, 1);
    assert!(
        started.elapsed() < Duration::from_secs(3),
        "Spott did not wait for Kombo's pause"
    );
    assert_eq!(h.finished(&kb, T).await.done, 1);
    assert!(started.elapsed() >= Duration::from_secs(3));
}

#[tokio::test]
async fn pause_holds_the_queue_and_resume_releases_it() {
    let emu = emulator_with(config()).await;
    let dir = tempfile::tempdir().unwrap();
    let mut h = Harness::start(fast_config(&dir.path().join("journal")));
    let path = write(dir.path(), "cv.pdf", &pdf_bytes(20_000));
    let candidate = fresh(&emu, ProviderId::Onderwijsregio, 8);
    h.engine.pause();
    assert!(h.engine.is_paused());
    let id = h.engine.submit(batch(
        emu.connection(ProviderId::Onderwijsregio),
        &candidate,
        vec![file(&path, "application/pdf", "curriculumVitae")],
    ));
    h.until(T, |e| matches!(e, UploadEvent::Queued { .. }))
        .await;
    // Give the engine every chance to (wrongly) start: hashing completes, then it must wait.
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert!(
        !emu.received().iter().any(|r| r.method == "POST"),
        "nothing sent while paused"
    );
    h.engine.resume();
    assert_eq!(h.finished(&id, T).await.done, 1);
}

#[tokio::test]
async fn the_same_file_is_not_uploaded_twice_to_the_same_candidate() {
    let emu = emulator_with(config()).await;
    let dir = tempfile::tempdir().unwrap();
    let mut h = Harness::start(fast_config(&dir.path().join("journal")));
    let path = write(dir.path(), "cv.pdf", &pdf_bytes(20_000));
    let candidate = fresh(&emu, ProviderId::Spott, 9);
    let first = h.engine.submit(batch(
        emu.connection(ProviderId::Spott),
        &candidate,
        vec![file(&path, "application/pdf", "CV")],
    ));
    assert_eq!(h.finished(&first, T).await.done, 1);
    let second = h.engine.submit(batch(
        emu.connection(ProviderId::Spott),
        &candidate,
        vec![file(&path, "application/pdf", "CV")],
    ));
    let summary = h.finished(&second, T).await;
    assert_eq!(summary.skipped, 1);
    let f = &h.files_of(&second)[0];
    assert!(
        h.last_state(f)
            .unwrap()
            .1
            .unwrap()
            .contains("already uploaded to this candidate")
    );
    let mut anyway = file(&path, "application/pdf", "CV");
    anyway.allow_duplicate = true;
    let third = h.engine.submit(batch(
        emu.connection(ProviderId::Spott),
        &candidate,
        vec![anyway],
    ));
    assert_eq!(h.finished(&third, T).await.done, 1);
    assert_eq!(
        emu.store()
            .attachments(ProviderId::Spott, Some(&candidate))
            .len(),
        2
    );
}

#[tokio::test]
async fn a_failed_file_can_be_retried_by_hand() {
    let emu = emulator_with(config()).await;
    let dir = tempfile::tempdir().unwrap();
    let mut h = Harness::start(fast_config(&dir.path().join("journal")));
    let path = write(dir.path(), "cv.pdf", &pdf_bytes(20_000));
    let candidate = fresh(&emu, ProviderId::Truto, 10);
    emu.faults()
        .inject("truto:POST=500".parse::<Fault>().unwrap());
    let id = h.engine.submit(batch(
        emu.connection(ProviderId::Truto),
        &candidate,
        vec![file(&path, "application/pdf", "resume")],
    ));
    assert_eq!(
        h.finished(&id, T).await.failed,
        1,
        "a 500 is not retried automatically"
    );
    let f = h.files_of(&id)[0].clone();
    assert!(
        h.last_state(&f)
            .unwrap()
            .1
            .unwrap()
            .contains("Truto had a problem on its side (HTTP 500)")
    );
    h.engine.retry(&f);
    assert_eq!(h.until_final(&f, T).await.0, FileState::Done);
    assert_eq!(
        emu.store()
            .attachments(ProviderId::Truto, Some(&candidate))
            .len(),
        1
    );
    // The batch was reported when it first finished, not again after the retry (one toast).
    // Events arrive in order: a second report of the first batch would come before this one.
    let other = write(dir.path(), "letter.pdf", &pdf_bytes(21_000));
    let next = h.engine.submit(batch(
        emu.connection(ProviderId::Truto),
        &fresh(&emu, ProviderId::Truto, 12),
        vec![file(&other, "application/pdf", "resume")],
    ));
    assert_eq!(h.finished(&next, T).await.done, 1);
    assert_eq!(h.times_finished(&id), 1, "{:#?}", h.log);
}

#[tokio::test]
async fn progress_is_throttled_and_the_eta_never_says_zero_while_bytes_remain() {
    let emu = emulator_with(config()).await;
    let dir = tempfile::tempdir().unwrap();
    let mut config = fast_config(&dir.path().join("journal"));
    config.progress_interval = Duration::from_millis(100);
    let mut h = Harness::start(config);
    let path = write(dir.path(), "big.pdf", &pdf_bytes(48 * 1024 * 1024));
    let candidate = fresh(&emu, ProviderId::Spott, 11);
    let started = Instant::now();
    let id = h.engine.submit(batch(
        emu.connection(ProviderId::Spott),
        &candidate,
        vec![file(&path, "application/pdf", "CV")],
    ));
    assert_eq!(h.finished(&id, Duration::from_mins(1)).await.done, 1);
    let elapsed = started.elapsed().as_secs_f64();
    let progress: Vec<_> = h
        .log
        .iter()
        .filter_map(|e| match e {
            UploadEvent::Progress {
                sent, total, eta, ..
            } => Some((*sent, *total, *eta)),
            _ => None,
        })
        .collect();
    assert!(!progress.is_empty(), "progress was reported");
    assert!(
        f64::from(u32::try_from(progress.len()).unwrap()) <= elapsed * 10.0 + 2.0,
        "{} events in {elapsed:.1} s",
        progress.len()
    );
    assert!(progress.windows(2).all(|w| w[0].0 <= w[1].0), "monotonic");
    for (sent, total, eta) in &progress {
        if sent < total {
            assert_ne!(*eta, Some(Duration::ZERO));
        }
    }
    assert!(
        h.wakes.load(std::sync::atomic::Ordering::Relaxed) > 0,
        "the wake callback was called"
    );
}
