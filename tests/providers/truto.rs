//! Truto client ↔ emulator.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use atsdrop::emulator::credentials::{TRUTO_API_KEY, TRUTO_INTEGRATED_ACCOUNT_ID};
use atsdrop::emulator::{Emulator, EmulatorConfig, Fault};
use atsdrop::model::profiles::truto::{
    EMULATOR_NEEDS_REAUTH_ACCOUNT_ID, EMULATOR_NO_UPLOAD_ACCOUNT_ID, EMULATOR_SANDBOX_ACCOUNT_ID,
};
use atsdrop::model::{ProviderId, Secret};
use atsdrop::providers::{
    self, AtsClient, Connection, ProgressFn, ProviderError, UploadOutcome, UploadTarget,
    no_progress,
};
use serde_json::{Value, json};

use crate::support::sandbox::{
    PNG_1X1, emulator, emulator_with, pdf_bytes, raw_client, sha256_hex, upload_file, write,
};

const TRUTO: ProviderId = ProviderId::Truto;

fn no_rate_limits() -> EmulatorConfig {
    EmulatorConfig {
        rate_limits: false,
        ..Default::default()
    }
}

fn connection_to(emu: &Emulator, account: &str) -> Connection {
    let mut c = emu.connection(TRUTO);
    c.ids.set("integrated_account_id", account);
    c
}

fn client(emu: &Emulator) -> Arc<dyn AtsClient> {
    providers::connect(&emu.connection(TRUTO)).unwrap()
}

fn target(candidate: &str) -> UploadTarget {
    UploadTarget {
        candidate_id: candidate.to_owned(),
        application_id: None,
    }
}

fn stored_id(outcome: &UploadOutcome) -> String {
    match outcome {
        UploadOutcome::Stored {
            attachment_id: Some(id),
        } => id.clone(),
        other => panic!("{other:?}"),
    }
}

/// The query parameters of a recorded request.
fn query_of(r: &atsdrop::emulator::RecordedRequest) -> Vec<(String, String)> {
    url::form_urlencoded::parse(r.query.as_deref().unwrap_or("").as_bytes())
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect()
}

fn param<'a>(q: &'a [(String, String)], name: &str) -> Option<&'a str> {
    q.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
}

#[tokio::test]
async fn connection_check_reads_the_account_capabilities() {
    let emu = emulator().await;
    let summary = client(&emu).check_connection().await.unwrap();
    assert!(
        summary.contains("Lever") && summary.contains(TRUTO_INTEGRATED_ACCOUNT_ID),
        "{summary}"
    );
    let caps = emu
        .received()
        .into_iter()
        .find(|r| r.path.ends_with("/capabilities"))
        .unwrap();
    assert_eq!(
        caps.path,
        format!("/integrated-account/{TRUTO_INTEGRATED_ACCOUNT_ID}/capabilities")
    );
    assert_eq!(caps.query.as_deref(), Some("type=unified"));
    assert_eq!(
        caps.header("authorization"),
        Some(format!("Bearer {TRUTO_API_KEY}").as_str())
    );

    let mut bad = emu.connection(TRUTO);
    bad.secret = Secret::new("wrong");
    let err = providers::connect(&bad)
        .unwrap()
        .check_connection()
        .await
        .unwrap_err();
    assert!(matches!(err, ProviderError::Auth { .. }), "{err:?}");
    assert!(err.to_string().contains("Invalid API token"), "{err}");

    let unknown = "00000000-0000-4000-8000-000000000000";
    let err = providers::connect(&connection_to(&emu, unknown))
        .unwrap()
        .check_connection()
        .await
        .unwrap_err();
    assert!(matches!(err, ProviderError::NotFound { .. }), "{err:?}");
    assert!(
        err.to_string()
            .contains(&format!("integrated account {unknown}")),
        "{err}"
    );

    let err = providers::connect(&connection_to(&emu, EMULATOR_NO_UPLOAD_ACCOUNT_ID))
        .unwrap()
        .check_connection()
        .await
        .unwrap_err();
    assert!(matches!(err, ProviderError::Unsupported { .. }), "{err:?}");
    assert_eq!(
        err.to_string(),
        format!(
            "Uploading attachments to Greenhouse (integrated account {EMULATOR_NO_UPLOAD_ACCOUNT_ID}) is not supported by Truto."
        )
    );

    let summary = providers::connect(&connection_to(&emu, EMULATOR_SANDBOX_ACCOUNT_ID))
        .unwrap()
        .check_connection()
        .await
        .unwrap();
    assert!(summary.contains("read-only sandbox"), "{summary}");

    let err = providers::connect(&connection_to(&emu, EMULATOR_NEEDS_REAUTH_ACCOUNT_ID))
        .unwrap()
        .check_connection()
        .await
        .unwrap_err();
    assert!(
        err.is_auth() && err.to_string().contains("re-authorise"),
        "{err}"
    );

    let mut missing = emu.connection(TRUTO);
    missing.ids.set("integrated_account_id", "  ");
    let err = providers::connect(&missing).unwrap_err();
    assert!(matches!(err, ProviderError::Config(_)), "{err:?}");
    assert!(err.to_string().contains("integrated account id"), "{err}");
}

#[tokio::test]
async fn listing_follows_next_cursor_across_pages() {
    let emu = emulator_with(no_rate_limits()).await;
    let client = client(&emu);
    let first = client.find_candidates("", None, 120).await.unwrap();
    assert_eq!(first.candidates.len(), 120);
    let second = client
        .find_candidates("", first.next.as_deref(), 120)
        .await
        .unwrap();
    assert_eq!(second.candidates.len(), 120);
    let rest = client
        .find_candidates("", second.next.as_deref(), 1000)
        .await
        .unwrap();
    assert_eq!(rest.candidates.len(), 60);
    assert_eq!(rest.next, None);
    let seeded = emu.store().candidates(TRUTO);
    let ids: Vec<&str> = first
        .candidates
        .iter()
        .chain(&second.candidates)
        .chain(&rest.candidates)
        .map(|c| c.id.as_str())
        .collect();
    let expected: Vec<&str> = seeded.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, expected, "every candidate once, in order");

    // Seed index 3 has no combined `name`: first and last are joined.
    assert_eq!(first.candidates[3].name, seeded[3].full_name());
    assert_eq!(first.candidates[4].name, seeded[4].full_name());
    assert_eq!(
        first.candidates[0].email.as_deref(),
        Some(seeded[0].email.as_str())
    );

    let lists: Vec<_> = emu
        .received()
        .into_iter()
        .filter(|r| r.path == "/unified/ats/candidates")
        .collect();
    assert_eq!(lists.len(), 2 + 2 + 1, "pages of at most 100");
    for r in &lists {
        let q = query_of(r);
        assert_eq!(
            param(&q, "integrated_account_id"),
            Some(TRUTO_INTEGRATED_ACCOUNT_ID)
        );
        let limit: usize = param(&q, "limit").unwrap().parse().unwrap();
        assert!((1..=100).contains(&limit));
    }
    assert!(
        lists
            .iter()
            .any(|r| param(&query_of(r), "next_cursor").is_some())
    );
}

#[tokio::test]
async fn email_search_uses_truto_s_filter() {
    let emu = emulator_with(no_rate_limits()).await;
    let client = client(&emu);
    let target = emu.store().candidates(TRUTO)[77].clone();
    let found = client
        .find_candidates(&target.email.to_uppercase(), None, 10)
        .await
        .unwrap();
    assert_eq!(found.candidates.len(), 1);
    assert_eq!(found.candidates[0].id, target.id);
    assert_eq!(found.next, None);
    let last = emu.received().pop().unwrap();
    assert_eq!(
        param(&query_of(&last), "email"),
        Some(target.email.to_uppercase().as_str())
    );

    let none = client
        .find_candidates("nobody@example.org", None, 10)
        .await
        .unwrap();
    assert!(none.candidates.is_empty() && none.next.is_none());
}

#[tokio::test]
async fn name_search_filters_pages_locally_and_continues() {
    let emu = emulator_with(no_rate_limits()).await;
    let client = client(&emu);
    let seeded = emu.store().candidates(TRUTO);
    let word = seeded[10].last_name.to_lowercase();
    let expected: Vec<String> = seeded
        .iter()
        .filter(|c| {
            c.full_name().to_lowercase().contains(&word) || c.email.to_lowercase().contains(&word)
        })
        .map(|c| c.id.clone())
        .collect();
    assert!(expected.len() > 3, "the seed has several {word}s");

    let mut got = Vec::new();
    let mut cursor: Option<String> = None;
    for _ in 0..100 {
        let page = client
            .find_candidates(&seeded[10].last_name, cursor.as_deref(), 3)
            .await
            .unwrap();
        assert!(page.candidates.len() <= 3);
        got.extend(page.candidates.into_iter().map(|c| c.id));
        cursor = page.next;
        if cursor.is_none() {
            break;
        }
    }
    assert_eq!(got, expected, "all matches, in order, none twice");
    assert!(
        emu.received()
            .iter()
            .filter(|r| r.path == "/unified/ats/candidates")
            .all(|r| param(&query_of(r), "name").is_none()),
        "names are matched locally"
    );

    // Two words must both match.
    let both = format!("{} {}", seeded[10].first_name, seeded[10].last_name);
    let page = client.find_candidates(&both, None, 50).await.unwrap();
    assert!(page.candidates.iter().any(|c| c.id == seeded[10].id));
    assert!(
        page.candidates
            .iter()
            .all(|c| c.name.to_lowercase().contains(&word))
    );
}

#[tokio::test]
async fn a_name_search_scans_at_most_a_thousand_candidates_per_call() {
    let emu = emulator_with(EmulatorConfig {
        candidates_per_system: 1500,
        rate_limits: false,
        ..Default::default()
    })
    .await;
    let client = client(&emu);
    let first = client.find_candidates("zzzz", None, 10).await.unwrap();
    assert!(first.candidates.is_empty());
    let next = first.next.expect("the scan stopped at the cap");
    let pages = |emu: &Emulator| {
        emu.received()
            .iter()
            .filter(|r| r.path == "/unified/ats/candidates")
            .count()
    };
    assert_eq!(pages(&emu), 10, "1000 candidates in pages of 100");
    let rest = client
        .find_candidates("zzzz", Some(&next), 10)
        .await
        .unwrap();
    assert!(rest.candidates.is_empty() && rest.next.is_none());
    assert_eq!(pages(&emu), 15);
}

#[tokio::test]
async fn get_candidate_with_applications_and_not_found() {
    let emu = emulator().await;
    let client = client(&emu);
    let seeded = emu
        .store()
        .candidates(TRUTO)
        .iter()
        .find(|c| !c.applications.is_empty())
        .unwrap()
        .clone();
    let c = client.get_candidate(&seeded.id).await.unwrap();
    assert_eq!(c.id, seeded.id);
    assert_eq!(c.email.as_deref(), Some(seeded.email.as_str()));
    // From `phones[0].number`.
    assert_eq!(c.phone.as_deref(), Some(seeded.phone.as_str()));
    assert_eq!(c.applications.len(), seeded.applications.len());
    assert_eq!(c.applications[0].id, seeded.applications[0].0);
    assert_eq!(
        c.applications[0].job_name.as_deref(),
        Some(seeded.applications[0].1.as_str())
    );

    let err = client.get_candidate("cand/missing").await.unwrap_err();
    assert!(matches!(err, ProviderError::NotFound { .. }), "{err:?}");
    assert!(err.to_string().contains("candidate cand/missing"), "{err}");
    let last = emu.received().pop().unwrap();
    assert_eq!(last.path, "/unified/ats/candidates/cand%2Fmissing");
}

#[tokio::test]
async fn uploads_every_type_byte_exact_and_lists_them() {
    let emu = emulator_with(no_rate_limits()).await;
    let dir = tempfile::tempdir().unwrap();
    let client = client(&emu);
    let candidate = emu.store().candidates(TRUTO)[100].id.clone();
    let files = [
        (
            "Jane O'Brien CV (2).pdf",
            "application/pdf",
            pdf_bytes(4321),
        ),
        (
            "lettre de motivation é.pdf",
            "application/pdf",
            pdf_bytes(2222),
        ),
        ("photo.png", "image/png", PNG_1X1.to_vec()),
    ];
    let mut ids = Vec::new();
    for ((name, ct, bytes), ty) in files.iter().zip(TRUTO.profile().types) {
        let path = write(dir.path(), name, bytes);
        let file = upload_file(&path, ct, ty.wire);
        let outcome = client
            .upload(
                &target(&candidate),
                std::slice::from_ref(&file),
                no_progress(),
            )
            .await
            .unwrap();
        let id = stored_id(&outcome[0]);
        let stored = emu
            .store()
            .attachments(TRUTO, Some(&candidate))
            .into_iter()
            .find(|a| a.id == id)
            .unwrap();
        assert_eq!(stored.sha256, sha256_hex(bytes), "{}", ty.wire);
        assert_eq!(stored.size, bytes.len() as u64);
        assert_eq!(stored.attachment_type, ty.wire);
        assert_eq!(stored.file_name, *name);
        assert_eq!(stored.content_type, *ct);
        let sent = emu.received().pop().unwrap();
        assert_eq!(sent.method, "POST");
        assert_eq!(sent.path, "/unified/ats/attachments");
        let q = query_of(&sent);
        assert_eq!(
            param(&q, "integrated_account_id"),
            Some(TRUTO_INTEGRATED_ACCOUNT_ID)
        );
        assert_eq!(param(&q, "candidate_id"), Some(candidate.as_str()));
        assert_eq!(sent.header("idempotency-key"), Some(file.key.as_str()));
        assert!(
            sent.header("content-type")
                .unwrap()
                .starts_with("multipart/form-data; boundary=")
        );
        ids.push(id);
    }
    let listed = client.list_attachments(&candidate).await.unwrap();
    let listed_ids: Vec<&str> = listed.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(
        listed_ids,
        ids.iter().map(String::as_str).collect::<Vec<_>>()
    );
    assert_eq!(listed[0].name, files[0].0);
    assert_eq!(listed[1].attachment_type.as_deref(), Some("cover_letter"));

    let err = client
        .delete_attachments(&candidate, &[ids[0].clone()])
        .await
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "Deleting attachments is not supported by Truto."
    );
}

#[tokio::test]
async fn an_upload_can_name_the_application() {
    let emu = emulator().await;
    let dir = tempfile::tempdir().unwrap();
    let client = client(&emu);
    let seeded = emu
        .store()
        .candidates(TRUTO)
        .iter()
        .find(|c| !c.applications.is_empty())
        .unwrap()
        .clone();
    let path = write(dir.path(), "cv.pdf", &pdf_bytes(3000));
    let file = upload_file(&path, "application/pdf", "resume");
    let mut to = target(&seeded.id);
    to.application_id = Some(seeded.applications[0].0.clone());
    let id = stored_id(
        &client
            .upload(&to, std::slice::from_ref(&file), no_progress())
            .await
            .unwrap()[0],
    );
    let stored = emu.store().attachments(TRUTO, Some(&seeded.id));
    let stored = stored.iter().find(|a| a.id == id).unwrap();
    assert_eq!(
        stored.application_id.as_deref(),
        Some(seeded.applications[0].0.as_str())
    );

    // An application of someone else: the ATS's 422, with its message.
    to.application_id = Some("not-an-application".into());
    let err = client
        .upload(
            &to,
            &[upload_file(&path, "application/pdf", "resume")],
            no_progress(),
        )
        .await
        .unwrap_err();
    assert!(
        matches!(err, ProviderError::Rejected { status: 422, .. }),
        "{err:?}"
    );
    assert!(
        err.to_string()
            .contains("Application not-an-application does not belong to candidate"),
        "{err}"
    );
}

#[tokio::test]
async fn a_large_upload_streams_with_a_content_length() {
    let emu = emulator().await;
    let dir = tempfile::tempdir().unwrap();
    let client = client(&emu);
    let candidate = emu.store().candidates(TRUTO)[150].id.clone();
    let bytes = pdf_bytes(9 * 1024 * 1024);
    let path = write(dir.path(), "portfolio.pdf", &bytes);
    let file = upload_file(&path, "application/pdf", "other");
    let seen = Arc::new(Mutex::new(Vec::new()));
    let sink = Arc::clone(&seen);
    let progress: ProgressFn = Arc::new(move |i, n| sink.lock().unwrap().push((i, n)));
    let outcome = client
        .upload(&target(&candidate), std::slice::from_ref(&file), progress)
        .await
        .unwrap();
    let id = stored_id(&outcome[0]);
    let stored = emu.store().attachments(TRUTO, Some(&candidate));
    let stored = stored.iter().find(|a| a.id == id).unwrap();
    assert_eq!(stored.sha256, sha256_hex(&bytes));
    assert_eq!(stored.size, bytes.len() as u64);
    let sent = emu.received().pop().unwrap();
    let length: u64 = sent.header("content-length").unwrap().parse().unwrap();
    assert!(length > bytes.len() as u64, "the whole multipart body");
    assert!(sent.header("transfer-encoding").is_none(), "not chunked");
    let seen = seen.lock().unwrap();
    assert!(seen.len() > 10, "progress per chunk: {}", seen.len());
    assert_eq!(seen.last(), Some(&(0, bytes.len() as u64)));
}

#[tokio::test]
async fn a_repeated_idempotency_key_returns_the_first_attachment() {
    let emu = emulator().await;
    let dir = tempfile::tempdir().unwrap();
    let client = client(&emu);
    let candidate = emu.store().candidates(TRUTO)[160].id.clone();
    let path = write(dir.path(), "cv.pdf", &pdf_bytes(50_000));
    let file = upload_file(&path, "application/pdf", "resume");
    let first = client
        .upload(
            &target(&candidate),
            std::slice::from_ref(&file),
            no_progress(),
        )
        .await
        .unwrap();
    let again = client
        .upload(
            &target(&candidate),
            std::slice::from_ref(&file),
            no_progress(),
        )
        .await
        .unwrap();
    assert_eq!(first, again, "the cached answer, same id");
    assert_eq!(
        emu.store().attachments(TRUTO, Some(&candidate)).len(),
        1,
        "one stored copy"
    );
    // A new key is a new upload.
    let other = upload_file(&path, "application/pdf", "resume");
    let third = client
        .upload(&target(&candidate), &[other], no_progress())
        .await
        .unwrap();
    assert_ne!(stored_id(&third[0]), stored_id(&first[0]));
    assert_eq!(emu.store().attachments(TRUTO, Some(&candidate)).len(), 2);

    // Keys belong to an account: the same key on the sandbox account is not a replay (and
    // the sandbox refuses the write).
    let sandbox = providers::connect(&connection_to(&emu, EMULATOR_SANDBOX_ACCOUNT_ID)).unwrap();
    let err = sandbox
        .upload(
            &target(&candidate),
            std::slice::from_ref(&file),
            no_progress(),
        )
        .await
        .unwrap_err();
    assert!(
        matches!(err, ProviderError::Rejected { status: 405, .. }),
        "{err:?}"
    );
}

#[tokio::test]
async fn the_sandbox_account_is_read_only() {
    let emu = emulator().await;
    let dir = tempfile::tempdir().unwrap();
    let sandbox = providers::connect(&connection_to(&emu, EMULATOR_SANDBOX_ACCOUNT_ID)).unwrap();
    let candidate = emu.store().candidates(TRUTO)[0].id.clone();
    // Reading works.
    assert_eq!(
        sandbox
            .find_candidates("", None, 5)
            .await
            .unwrap()
            .candidates
            .len(),
        5
    );
    assert!(
        !sandbox
            .list_attachments(&candidate)
            .await
            .unwrap()
            .is_empty()
    );
    let before = emu.store().attachments(TRUTO, None).len();
    let path = write(dir.path(), "cv.pdf", &pdf_bytes(300_000));
    let err = sandbox
        .upload(
            &target(&candidate),
            &[upload_file(&path, "application/pdf", "resume")],
            no_progress(),
        )
        .await
        .unwrap_err();
    assert!(
        matches!(err, ProviderError::Rejected { status: 405, .. }),
        "{err:?}"
    );
    assert!(!err.is_transient());
    let text = err.to_string();
    assert!(
        text.starts_with("Truto refused the request: ")
            && text.contains("sandbox accounts are read-only")
            && text.contains("connect a production integrated account"),
        "{text}"
    );
    assert_eq!(emu.store().attachments(TRUTO, None).len(), before);

    // An ATS without attachment upload answers 405 too, explained the same way.
    let greenhouse =
        providers::connect(&connection_to(&emu, EMULATOR_NO_UPLOAD_ACCOUNT_ID)).unwrap();
    let err = greenhouse
        .upload(
            &target(&candidate),
            &[upload_file(&path, "application/pdf", "resume")],
            no_progress(),
        )
        .await
        .unwrap_err();
    let text = err.to_string();
    assert!(
        text.contains("Greenhouse integration does not support create")
            && text.contains("sandbox accounts are read-only"),
        "{text}"
    );
}

#[tokio::test]
async fn errors_map_to_their_variants_and_sentences() {
    let emu = emulator_with(no_rate_limits()).await;
    let dir = tempfile::tempdir().unwrap();
    let client = client(&emu);
    let candidate = emu.store().candidates(TRUTO)[200].id.clone();
    let path = write(dir.path(), "cv.pdf", &pdf_bytes(10_000));
    let file = || upload_file(&path, "application/pdf", "resume");
    let inject = |spec: &str| emu.faults().inject(spec.parse::<Fault>().unwrap());

    inject("truto:GET:/unified/ats/candidates/*=403");
    let err = client.get_candidate(&candidate).await.unwrap_err();
    assert!(matches!(err, ProviderError::Forbidden { .. }), "{err:?}");

    inject("truto:POST:/unified/ats/attachments=409");
    let err = client
        .upload(&target(&candidate), &[file()], no_progress())
        .await
        .unwrap_err();
    assert!(
        matches!(err, ProviderError::Rejected { status: 409, .. }) && !err.is_transient(),
        "{err:?}"
    );
    assert!(err.to_string().contains("Injected fault"), "{err}");

    for status in [500u16, 502, 504] {
        inject(&format!("truto:GET:/unified/ats/candidates={status}"));
        let err = client.find_candidates("", None, 5).await.unwrap_err();
        assert!(
            matches!(err, ProviderError::Server { status: s, .. } if s == status),
            "{err:?}"
        );
        assert!(err.is_transient(), "{status} is worth retrying");
    }

    // 503: the integrated account is blocked; retrying never helps.
    inject("truto:POST:/unified/ats/attachments=503");
    let err = client
        .upload(&target(&candidate), &[file()], no_progress())
        .await
        .unwrap_err();
    assert!(
        matches!(err, ProviderError::Rejected { status: 503, .. }),
        "{err:?}"
    );
    assert!(!err.is_transient());
    assert!(
        err.to_string()
            .starts_with("Truto refused the request: this integrated account is blocked"),
        "{err}"
    );
    inject("truto:GET:/unified/ats/candidates/*=503");
    let err = client.get_candidate(&candidate).await.unwrap_err();
    assert!(
        !err.is_transient() && err.to_string().contains("blocked"),
        "{err}"
    );

    inject("truto:POST:/unified/ats/attachments=429@10");
    let err = client
        .upload(&target(&candidate), &[file()], no_progress())
        .await
        .unwrap_err();
    assert_eq!(err.retry_after(), Some(Duration::from_secs(10)), "{err:?}");
    assert!(err.is_transient());
    assert_eq!(
        err.to_string(),
        "Truto asked atsdrop to slow down; try again in 10 s."
    );

    // 401 flagged as remote: the ATS refused what Truto holds for it.
    let reauth =
        providers::connect(&connection_to(&emu, EMULATOR_NEEDS_REAUTH_ACCOUNT_ID)).unwrap();
    let err = reauth.find_candidates("", None, 5).await.unwrap_err();
    assert!(err.is_auth(), "{err:?}");
    assert!(
        err.to_string()
            .contains("the connected ATS refused the credentials Truto holds for it")
            && err
                .to_string()
                .contains("re-authorise this integrated account in Truto"),
        "{err}"
    );

    // Real refusals from the emulator.
    let err = client
        .upload(&target("cand-nope"), &[file()], no_progress())
        .await
        .unwrap_err();
    assert!(
        matches!(err, ProviderError::NotFound { .. }) && err.to_string().contains("cand-nope"),
        "{err}"
    );
    let zip = write(dir.path(), "cv.zip", b"PK\x03\x04 not really");
    let err = client
        .upload(
            &target(&candidate),
            &[upload_file(&zip, "application/zip", "resume")],
            no_progress(),
        )
        .await
        .unwrap_err();
    assert!(
        matches!(err, ProviderError::Rejected { status: 415, .. }),
        "{err:?}"
    );
    assert!(err.to_string().contains("application/zip"), "{err}");
    let err = client
        .upload(
            &target(&candidate),
            &[upload_file(&path, "application/pdf", "CV")],
            no_progress(),
        )
        .await
        .unwrap_err();
    assert!(
        matches!(err, ProviderError::Rejected { status: 400, .. })
            && err.to_string().contains("attachment_type must be one of"),
        "{err}"
    );
    assert!(
        emu.store().attachments(TRUTO, Some(&candidate)).is_empty(),
        "nothing was stored"
    );
}

#[tokio::test]
async fn a_file_over_25_mib_is_too_large() {
    let emu = emulator().await;
    let dir = tempfile::tempdir().unwrap();
    let client = client(&emu);
    let candidate = emu.store().candidates(TRUTO)[201].id.clone();
    // Content does not matter for the size check: a sparse file is quick to make.
    let path = dir.path().join("huge.pdf");
    std::fs::File::create(&path)
        .unwrap()
        .set_len(25 * 1024 * 1024 + 1)
        .unwrap();
    let err = client
        .upload(
            &target(&candidate),
            &[upload_file(&path, "application/pdf", "other")],
            no_progress(),
        )
        .await
        .unwrap_err();
    assert!(matches!(err, ProviderError::TooLarge { .. }), "{err:?}");
    assert!(
        err.to_string()
            .starts_with("Truto says the file is too large")
    );
    assert!(emu.store().attachments(TRUTO, Some(&candidate)).is_empty());
}

#[tokio::test]
async fn the_account_rate_limit_is_fifty_requests_per_ten_seconds() {
    let emu = emulator().await;
    let client = client(&emu);
    let id = emu.store().candidates(TRUTO)[0].id.clone();
    for i in 0..50 {
        client
            .get_candidate(&id)
            .await
            .unwrap_or_else(|e| panic!("request {i}: {e}"));
    }
    let err = client.get_candidate(&id).await.unwrap_err();
    assert!(matches!(err, ProviderError::RateLimited { .. }), "{err:?}");
    assert_eq!(err.retry_after(), Some(Duration::from_secs(10)));
    let last = emu.received().pop().unwrap();
    assert_eq!(last.status, 429);

    // The limit is per integrated account.
    let sandbox = providers::connect(&connection_to(&emu, EMULATOR_SANDBOX_ACCOUNT_ID)).unwrap();
    assert_eq!(sandbox.get_candidate(&id).await.unwrap().id, id);
}

// ---- strictness: raw requests the client would never send ----

struct Raw {
    http: reqwest::Client,
    base: String,
}

impl Raw {
    fn new(emu: &Emulator) -> Self {
        Self {
            http: raw_client(),
            base: emu.base_url(TRUTO),
        }
    }

    fn url(&self, path_and_query: &str) -> String {
        format!("{}{path_and_query}", self.base)
    }

    fn get(&self, path_and_query: &str) -> reqwest::RequestBuilder {
        self.http
            .get(self.url(path_and_query))
            .bearer_auth(TRUTO_API_KEY)
    }

    fn post(&self, path_and_query: &str) -> reqwest::RequestBuilder {
        self.http
            .post(self.url(path_and_query))
            .bearer_auth(TRUTO_API_KEY)
    }

    fn delete(&self, path_and_query: &str) -> reqwest::RequestBuilder {
        self.http
            .delete(self.url(path_and_query))
            .bearer_auth(TRUTO_API_KEY)
    }

    /// A multipart POST.
    fn form(&self, path_and_query: &str, parts: &[Part<'_>]) -> reqwest::RequestBuilder {
        let (ct, body) = form(parts);
        self.post(path_and_query)
            .header("content-type", ct)
            .body(body)
    }
}

async fn send(r: reqwest::RequestBuilder) -> (u16, Value) {
    let resp = r.send().await.unwrap();
    let status = resp.status().as_u16();
    let body = resp.json::<Value>().await.unwrap_or(Value::Null);
    (status, body)
}

/// One multipart part: field name, `Some((file name, content type))` for a file, bytes.
type Part<'a> = (&'a str, Option<(&'a str, Option<&'a str>)>, &'a [u8]);

fn form(parts: &[Part<'_>]) -> (String, Vec<u8>) {
    let boundary = "xTRUTOx";
    let mut body = Vec::new();
    for (name, file, bytes) in parts {
        let disposition =
            format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"");
        let head = match file {
            Some((file_name, Some(ct))) => {
                format!("{disposition}; filename=\"{file_name}\"\r\nContent-Type: {ct}\r\n\r\n")
            }
            Some((file_name, None)) => format!("{disposition}; filename=\"{file_name}\"\r\n\r\n"),
            None => format!("{disposition}\r\n\r\n"),
        };
        body.extend_from_slice(head.as_bytes());
        body.extend_from_slice(bytes);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={boundary}"), body)
}

fn acct() -> String {
    format!("integrated_account_id={TRUTO_INTEGRATED_ACCOUNT_ID}")
}

fn insight(body: &Value, kind: &str) -> Value {
    body["truto_error_insight"][kind]["value"].clone()
}

#[tokio::test]
async fn emulator_checks_the_token_and_the_integrated_account() {
    let emu = emulator_with(no_rate_limits()).await;
    let raw = Raw::new(&emu);
    let list = format!("/unified/ats/candidates?{}", acct());

    let (s, b) = send(raw.http.get(raw.url(&list))).await;
    assert_eq!(s, 401);
    assert_eq!(b["statusCode"], 401);
    assert_eq!(b["error"], "Unauthorized");
    assert!(b["message"].is_string(), "{b}");
    let (s, _) = send(
        raw.http
            .get(raw.url(&list))
            .header("authorization", format!("Token {TRUTO_API_KEY}")),
    )
    .await;
    assert_eq!(s, 401, "only Bearer");
    let (s, _) = send(raw.http.get(raw.url(&list)).bearer_auth("nope")).await;
    assert_eq!(s, 401);

    let (s, b) = send(raw.get("/unified/ats/candidates?limit=5")).await;
    assert_eq!(s, 400);
    assert_eq!(
        insight(&b, "missing_required_query_parameters"),
        json!(["integrated_account_id"]),
        "{b}"
    );
    assert!(
        b["truto_error_insight"]["missing_required_query_parameters"]["description"].is_string()
    );
    let (s, _) = send(raw.get("/unified/ats/candidates?integrated_account_id=")).await;
    assert_eq!(s, 400, "blank is missing");
    let (s, b) =
        send(raw.get(
            "/unified/ats/candidates?integrated_account_id=00000000-0000-4000-8000-000000000000",
        ))
        .await;
    assert_eq!(s, 404, "{b}");
    assert_eq!(b["statusCode"], 404);

    // A remote 401: the ATS refused the account's credentials.
    let (s, b) = send(raw.get(&format!(
        "/unified/ats/candidates?integrated_account_id={EMULATOR_NEEDS_REAUTH_ACCOUNT_ID}"
    )))
    .await;
    assert_eq!(s, 401);
    assert_eq!(b["truto_is_remote_error"], true, "{b}");
    assert!(b["raw_response"].is_object());

    // Wrong method and unknown route, in Truto's envelope.
    let (s, b) = send(
        raw.http
            .put(raw.url(&list))
            .bearer_auth(TRUTO_API_KEY)
            .body("x"),
    )
    .await;
    assert_eq!(s, 405);
    assert_eq!(b["statusCode"], 405);
    let (s, b) = send(raw.get(&format!("/unified/ats/jobs?{}", acct()))).await;
    assert_eq!(s, 404);
    assert_eq!(b["error"], "Not Found");
}

#[tokio::test]
async fn emulator_checks_list_queries_like_truto() {
    let emu = emulator_with(no_rate_limits()).await;
    let raw = Raw::new(&emu);
    let list = format!("/unified/ats/candidates?{}", acct());

    let (s, b) = send(raw.get(&format!("{list}&cursor=abc"))).await;
    assert_eq!(s, 400, "next_cursor, not cursor: {b}");
    assert!(b["message"].as_str().unwrap().contains("cursor"));
    assert_eq!(b["details"]["failures"][0]["field"], "cursor");
    for bad in [
        "limit=0",
        "limit=101",
        "limit=ten",
        "next_cursor=bogus",
        "truto_response_format=xml",
    ] {
        let (s, _) = send(raw.get(&format!("{list}&{bad}"))).await;
        assert_eq!(s, 400, "{bad}");
    }
    // Documented filters the emulator does not apply are accepted, as Truto ignores them.
    let (s, b) = send(raw.get(&format!(
        "{list}&limit=2&job_id=x&remote_query[foo]=bar&truto_ignore_remote_data=true"
    )))
    .await;
    assert_eq!(s, 200);
    assert_eq!(b["result_count"], 2);
    assert!(b["result"][0].get("remote_data").is_none());
    assert!(b["next_cursor"].as_str().unwrap().starts_with("eyJpZCI6"));
    assert!(b["prev_cursor"].is_null());

    // The candidate itself comes unwrapped; an unknown one is the ATS's 404.
    let id = emu.store().candidates(TRUTO)[5].id.clone();
    let (s, b) = send(raw.get(&format!("/unified/ats/candidates/{id}?{}", acct()))).await;
    assert_eq!(s, 200);
    assert_eq!(b["id"], json!(id));
    assert!(b["emails"][0]["email"].is_string() && b.get("result").is_none());
    let (s, b) = send(raw.get(&format!("/unified/ats/candidates/nope?{}", acct()))).await;
    assert_eq!(s, 404);
    assert_eq!(b["truto_is_remote_error"], true, "{b}");

    // Attachments: Lever needs candidate_id; Greenhouse does not.
    let (s, b) = send(raw.get(&format!("/unified/ats/attachments?{}", acct()))).await;
    assert_eq!(s, 400);
    assert_eq!(
        insight(&b, "missing_required_query_parameters"),
        json!(["candidate_id"])
    );
    let (s, _) = send(raw.get(&format!(
        "/unified/ats/attachments?integrated_account_id={EMULATOR_NO_UPLOAD_ACCOUNT_ID}"
    )))
    .await;
    assert_eq!(s, 200, "Greenhouse lists without a candidate");
}

#[tokio::test]
async fn emulator_serves_capabilities_like_truto() {
    let emu = emulator().await;
    let raw = Raw::new(&emu);
    let caps = format!("/integrated-account/{TRUTO_INTEGRATED_ACCOUNT_ID}/capabilities");
    let (s, b) = send(raw.get(&format!("{caps}?type=unified"))).await;
    assert_eq!(s, 200);
    let attachments = b["unified"]
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["model"] == "ats" && u["resource"] == "attachments")
        .unwrap();
    assert_eq!(
        attachments["methods"],
        json!(["list", "create", "download"])
    );
    assert_eq!(b["account"]["is_blocked"], false);
    assert_eq!(b["integration"]["label"], "Lever");
    let (s, _) = send(raw.get(&format!("{caps}?type=everything"))).await;
    assert_eq!(s, 400);
    let (s, _) = send(raw.get(&format!("{caps}?{}", acct()))).await;
    assert_eq!(s, 400, "the account is in the path");
    let (s, _) = send(raw.http.get(raw.url(&caps))).await;
    assert_eq!(s, 401);
    let (s, _) =
        send(raw.get(
            "/integrated-account/00000000-0000-4000-8000-000000000000/capabilities?type=unified",
        ))
        .await;
    assert_eq!(s, 404);
}

#[tokio::test]
async fn emulator_refuses_malformed_upload_forms() {
    let emu = emulator_with(no_rate_limits()).await;
    let raw = Raw::new(&emu);
    let candidate = emu.store().candidates(TRUTO)[250].id.clone();
    let upload = format!(
        "/unified/ats/attachments?{}&candidate_id={candidate}",
        acct()
    );
    let pdf = pdf_bytes(500);
    let pdf_part: Part<'_> = ("file", Some(("cv.pdf", Some("application/pdf"))), &pdf);

    let (s, b) = send(raw.post(&upload).json(&json!({"file": "your_file"}))).await;
    assert_eq!(s, 415, "multipart, not the seed's JSON placeholder: {b}");
    let (s, b) = send(raw.form(&upload, &[])).await;
    assert_eq!(s, 400);
    assert_eq!(insight(&b, "missing_required_body_fields"), json!(["file"]));
    let (s, _) = send(raw.form(
        &upload,
        &[("files", Some(("cv.pdf", Some("application/pdf"))), &pdf)],
    ))
    .await;
    assert_eq!(s, 400, "the part is called file");
    let (s, _) = send(raw.form(&upload, &[pdf_part, pdf_part])).await;
    assert_eq!(s, 400, "one file per request");
    let (s, b) = send(raw.form(&upload, &[("type", None, b"resume"), pdf_part])).await;
    assert_eq!(s, 400, "unknown field");
    assert_eq!(b["details"]["failures"][0]["field"], "type");
    let twice: [Part<'_>; 3] = [
        ("attachment_type", None, b"resume"),
        ("attachment_type", None, b"other"),
        pdf_part,
    ];
    let (s, _) = send(raw.form(&upload, &twice)).await;
    assert_eq!(s, 400, "a field twice");
    for bad in ["CV", "Resume", "cv"] {
        let (s, _) = send(raw.form(
            &upload,
            &[("attachment_type", None, bad.as_bytes()), pdf_part],
        ))
        .await;
        assert_eq!(s, 400, "attachment_type {bad}");
    }
    let (s, _) = send(raw.form(&upload, &[("remote_data", None, b"[1]"), pdf_part])).await;
    assert_eq!(s, 400, "remote_data must be a JSON object");
    let (s, _) = send(raw.form(&upload, &[("file", Some(("cv.pdf", None)), &pdf)])).await;
    assert_eq!(s, 400, "the file part needs a Content-Type");
    let octet: Part<'_> = (
        "file",
        Some(("cv.pdf", Some("application/octet-stream"))),
        &pdf,
    );
    let (s, _) = send(raw.form(&upload, &[octet])).await;
    assert_eq!(s, 415, "octet-stream is not on the allow-list");
    let (s, _) = send(raw.form(
        &upload,
        &[("file", Some(("empty.pdf", Some("application/pdf"))), b"")],
    ))
    .await;
    assert_eq!(s, 400, "empty file");

    let chunked = {
        let (ct, body) = form(&[pdf_part]);
        let stream = futures_util::stream::iter(vec![Ok::<_, std::io::Error>(
            http_body::Frame::data(bytes::Bytes::from(body)),
        )]);
        raw.post(&upload)
            .header("content-type", ct)
            .body(reqwest::Body::wrap(http_body_util::StreamBody::new(stream)))
    };
    let (s, _) = send(chunked).await;
    assert_eq!(s, 411, "chunked bodies need a Content-Length");
    assert!(
        emu.store().attachments(TRUTO, Some(&candidate)).is_empty(),
        "every refusal stored nothing"
    );
}

#[tokio::test]
async fn emulator_checks_the_upload_s_candidate_query_and_key() {
    let emu = emulator_with(no_rate_limits()).await;
    let raw = Raw::new(&emu);
    let candidate = emu.store().candidates(TRUTO)[251].id.clone();
    let upload = format!(
        "/unified/ats/attachments?{}&candidate_id={candidate}",
        acct()
    );
    let no_candidate = format!("/unified/ats/attachments?{}", acct());
    let pdf = pdf_bytes(500);
    let pdf_part: Part<'_> = ("file", Some(("cv.pdf", Some("application/pdf"))), &pdf);

    let (s, b) = send(raw.form(&no_candidate, &[pdf_part])).await;
    assert_eq!(s, 400);
    assert_eq!(
        insight(&b, "missing_required_query_parameters"),
        json!(["candidate_id"])
    );
    let (s, _) = send(raw.form(
        &upload,
        &[("candidate_id", None, b"someone-else"), pdf_part],
    ))
    .await;
    assert_eq!(s, 400, "query and form disagree");
    let (s, b) = send(raw.form(&format!("{no_candidate}&candidate_id=nobody"), &[pdf_part])).await;
    assert_eq!(s, 404);
    assert_eq!(b["truto_is_remote_error"], true);
    let (s, _) = send(raw.form(&format!("{upload}&job=1"), &[pdf_part])).await;
    assert_eq!(s, 400, "unknown query parameter");
    let (s, _) = send(
        raw.form(&upload, &[pdf_part])
            .header("idempotency-key", "k".repeat(256)),
    )
    .await;
    assert_eq!(s, 400, "Idempotency-Key too long");
    let (s, _) = send(raw.form(&upload, &[pdf_part]).header("idempotency-key", "")).await;
    assert_eq!(s, 400, "empty Idempotency-Key");
    assert!(emu.store().attachments(TRUTO, Some(&candidate)).is_empty());

    // Accepted: candidate_id only in the form, no type (→ other), remote_data an object.
    let (s, b) = send(raw.form(
        &no_candidate,
        &[
            ("candidate_id", None, candidate.as_bytes()),
            ("remote_data", None, br#"{"visibility":"public"}"#),
            pdf_part,
        ],
    ))
    .await;
    assert_eq!(s, 201, "{b}");
    assert_eq!(b["candidate"]["id"], json!(candidate));
    assert_eq!(b["attachment_type"], "other");
    assert_eq!(b["file_name"], "cv.pdf");
    assert!(b["file_url"].is_string() && b.get("result").is_none());
}

#[tokio::test]
async fn emulator_replays_keys_downloads_and_deletes() {
    let emu = emulator_with(no_rate_limits()).await;
    let raw = Raw::new(&emu);
    let candidate = emu.store().candidates(TRUTO)[252].id.clone();
    let upload = format!(
        "/unified/ats/attachments?{}&candidate_id={candidate}",
        acct()
    );
    let pdf = pdf_bytes(500);
    let png: Part<'_> = ("file", Some(("p.png", Some("image/png"))), PNG_1X1);
    let pdf_part: Part<'_> = ("file", Some(("cv.pdf", Some("application/pdf"))), &pdf);

    // The same key replays the cached answer, even with another body.
    let (s, first) = send(
        raw.form(&upload, &[pdf_part])
            .header("idempotency-key", "key-1"),
    )
    .await;
    assert_eq!(s, 201);
    let resp = raw
        .form(&upload, &[png])
        .header("idempotency-key", "key-1")
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status().as_u16(), 201);
    assert_eq!(resp.headers()["idempotent-replayed"], "true");
    let replay: Value = resp.json().await.unwrap();
    assert_eq!(replay, first);
    assert_eq!(emu.store().attachments(TRUTO, Some(&candidate)).len(), 1);

    // Download of a known file URL: a note, as no bytes are kept.
    let file_url = first["file_url"].as_str().unwrap();
    let download = format!(
        "/unified/ats/attachments/download?{}&file_url={}",
        acct(),
        url::form_urlencoded::byte_serialize(file_url.as_bytes()).collect::<String>()
    );
    let resp = raw.post(&download).send().await.unwrap();
    assert_eq!(resp.status().as_u16(), 200);
    assert!(
        resp.text()
            .await
            .unwrap()
            .contains("file bytes are not kept")
    );
    let (s, b) = send(raw.post(&format!("/unified/ats/attachments/download?{}", acct()))).await;
    assert_eq!(s, 400);
    assert_eq!(
        insight(&b, "missing_required_query_parameters"),
        json!(["file_url"])
    );
    let (s, _) = send(raw.post(&format!(
        "/unified/ats/attachments/download?{}&file_url=https%3A%2F%2Fx.invalid%2F1",
        acct()
    )))
    .await;
    assert_eq!(s, 404);

    // The flagged extra: DELETE answers { id }, then 404.
    let id = first["id"].as_str().unwrap();
    let delete = format!("/unified/ats/attachments/{id}?{}", acct());
    let (s, b) = send(raw.delete(&delete)).await;
    assert_eq!((s, b), (200, json!({ "id": id })));
    assert!(emu.store().attachments(TRUTO, Some(&candidate)).is_empty());
    let (s, _) = send(raw.delete(&delete)).await;
    assert_eq!(s, 404);
}

#[tokio::test]
async fn emulator_refuses_writes_to_the_sandbox_and_to_greenhouse() {
    let emu = emulator_with(no_rate_limits()).await;
    let raw = Raw::new(&emu);
    let candidate = emu.store().candidates(TRUTO)[0].id.clone();
    let pdf = pdf_bytes(500);
    let pdf_part: Part<'_> = ("file", Some(("cv.pdf", Some("application/pdf"))), &pdf);
    let on = |account: &str, path: &str| {
        format!("{path}?integrated_account_id={account}&candidate_id={candidate}")
    };
    let sandbox = EMULATOR_SANDBOX_ACCOUNT_ID;

    let (s, b) = send(raw.form(&on(sandbox, "/unified/ats/attachments"), &[pdf_part])).await;
    assert_eq!(s, 405, "{b}");
    assert_eq!(b["statusCode"], 405);
    assert!(b["message"].as_str().unwrap().contains("read-only"));
    let existing = emu.store().attachments(TRUTO, Some(&candidate))[0]
        .id
        .clone();
    let (s, _) = send(raw.delete(&format!(
        "/unified/ats/attachments/{existing}?integrated_account_id={sandbox}"
    )))
    .await;
    assert_eq!(s, 405);
    let (s, _) = send(raw.post(&format!(
        "/unified/ats/attachments/download?integrated_account_id={sandbox}&file_url=x"
    )))
    .await;
    assert_eq!(s, 405, "every POST on a sandbox");
    // Reads are fine.
    let (s, _) = send(raw.get(&on(sandbox, "/unified/ats/attachments"))).await;
    assert_eq!(s, 200);

    let (s, b) = send(raw.form(
        &on(EMULATOR_NO_UPLOAD_ACCOUNT_ID, "/unified/ats/attachments"),
        &[pdf_part],
    ))
    .await;
    assert_eq!(s, 405);
    assert!(b["message"].as_str().unwrap().contains("Greenhouse"));
    assert_eq!(emu.store().attachments(TRUTO, Some(&candidate)).len(), 1);
}

#[tokio::test]
async fn the_rate_limit_answers_429_with_retry_after_ten() {
    let emu = emulator().await;
    let raw = Raw::new(&emu);
    let id = emu.store().candidates(TRUTO)[0].id.clone();
    let path = format!("/unified/ats/candidates/{id}?{}", acct());
    let mut statuses = Vec::new();
    let mut retry_after = None;
    for _ in 0..51 {
        let r = raw.get(&path).send().await.unwrap();
        statuses.push(r.status().as_u16());
        if r.status().as_u16() == 429 {
            retry_after = r
                .headers()
                .get("retry-after")
                .map(|v| v.to_str().unwrap().to_owned());
            let body: Value = r.json().await.unwrap();
            assert_eq!(body["statusCode"], 429);
        }
    }
    assert!(statuses[..50].iter().all(|s| *s == 200), "{statuses:?}");
    assert_eq!(statuses[50], 429);
    assert_eq!(retry_after.as_deref(), Some("10"));
}
