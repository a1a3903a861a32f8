//! Endorsed client ↔ emulator.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use atsdrop::emulator::credentials::{ENDORSED_CLIENT_ID, ENDORSED_CLIENT_SECRET};
use atsdrop::emulator::{Emulator, Fault, RecordedRequest};
use atsdrop::model::{ProviderId, Secret};
use atsdrop::providers::{
    self, AtsClient, ProviderError, UploadOutcome, UploadTarget, no_progress,
};
use serde_json::{Value, json};

use crate::support::sandbox::{self, emulator, pdf_bytes, sha256_hex, upload_file, write};

const ENDORSED: ProviderId = ProviderId::Endorsed;
const TYPES_SENTENCE: &str =
    "type must be one of about, resume, role_preferences, work_experiences";

fn client(emu: &Emulator) -> Arc<dyn AtsClient> {
    providers::connect(&emu.connection(ENDORSED)).unwrap()
}

fn target(candidate_id: &str) -> UploadTarget {
    UploadTarget {
        candidate_id: candidate_id.to_owned(),
        application_id: None,
    }
}

fn requests(emu: &Emulator, method: &str, path: &str) -> Vec<RecordedRequest> {
    emu.received()
        .into_iter()
        .filter(|r| r.provider == Some(ENDORSED) && r.method == method && r.path == path)
        .collect()
}

fn token_requests(emu: &Emulator) -> usize {
    requests(emu, "POST", "/auth/tokens").len()
}

fn candidate(emu: &Emulator, index: usize) -> (String, String) {
    let c = &emu.store().candidates(ENDORSED)[index];
    (c.id.clone(), c.remote_id.clone())
}

fn fault(emu: &Emulator, spec: &str) {
    emu.faults().inject(spec.parse::<Fault>().unwrap());
}

#[tokio::test]
async fn connection_check_exchanges_the_credentials_and_refuses_bad_ones() {
    let emu = emulator().await;
    let summary = client(&emu).check_connection().await.unwrap();
    assert_eq!(
        summary,
        format!("Connected to Endorsed as client {ENDORSED_CLIENT_ID}.")
    );
    let token = &requests(&emu, "POST", "/auth/tokens")[0];
    assert_eq!(
        token.header("content-type"),
        Some("application/x-www-form-urlencoded")
    );
    assert_eq!(token.status, 200);

    for (id, secret) in [
        (ENDORSED_CLIENT_ID, "wrong-secret-value"),
        (
            "00000000-0000-4000-8000-000000000000",
            ENDORSED_CLIENT_SECRET,
        ),
    ] {
        let mut bad = emu.connection(ENDORSED);
        bad.ids.set("client_id", id);
        bad.secret = Secret::new(secret);
        let bad = providers::connect(&bad).unwrap();
        assert!(!format!("{bad:?}").contains("wrong-secret-value"));
        let err = bad.check_connection().await.unwrap_err();
        assert!(matches!(err, ProviderError::Auth { .. }), "{err:?}");
        assert!(err.is_auth());
        let text = err.to_string();
        assert!(text.contains("Invalid client credentials"), "{text}");
        assert!(!text.contains("wrong-secret-value"), "{text}");
        // A failed exchange is not retried, and nothing else is sent without a token.
        let before = emu.received().len();
        let err = bad.get_candidate(&candidate(&emu, 0).0).await.unwrap_err();
        assert!(matches!(err, ProviderError::Auth { .. }), "{err:?}");
        let after: Vec<_> = emu.received().into_iter().skip(before).collect();
        assert_eq!(after.len(), 1, "{after:?}");
        assert_eq!(after[0].path, "/auth/tokens");
    }

    let mut blank = emu.connection(ENDORSED);
    blank.secret = Secret::new("  ");
    let err = providers::connect(&blank).unwrap_err();
    assert_eq!(
        err.to_string(),
        "Endorsed needs the client secret: add it to the connection."
    );
    let mut no_client = emu.connection(ENDORSED);
    no_client.ids.set("client_id", " ");
    let err = providers::connect(&no_client).unwrap_err();
    assert!(matches!(err, ProviderError::Config(_)), "{err:?}");
    assert!(err.to_string().contains("client id"), "{err}");
}

#[tokio::test]
async fn one_token_serves_many_calls_even_concurrent_ones() {
    let emu = emulator().await;
    let dir = tempfile::tempdir().unwrap();
    let client = client(&emu);
    let calls: Vec<_> = (0..8)
        .map(|i| {
            let client = Arc::clone(&client);
            let id = candidate(&emu, i).0;
            tokio::spawn(async move { client.get_candidate(&id).await })
        })
        .collect();
    for call in calls {
        call.await.unwrap().unwrap();
    }
    client.check_connection().await.unwrap();
    let (id, remote) = candidate(&emu, 20);
    for _ in 0..3 {
        assert_eq!(
            client
                .find_candidates(&remote, None, 10)
                .await
                .unwrap()
                .candidates[0]
                .id,
            id
        );
    }
    let path = write(dir.path(), "cv.pdf", &pdf_bytes(3000));
    client
        .upload(
            &target(&id),
            &[
                upload_file(&path, "application/pdf", "resume"),
                upload_file(&path, "application/pdf", "about"),
            ],
            no_progress(),
        )
        .await
        .unwrap();
    // The concurrent first calls shared one exchange; the connection check made the second.
    assert_eq!(token_requests(&emu), 2);
    let authorizations: Vec<String> = emu
        .received()
        .iter()
        .filter(|r| r.path != "/auth/tokens")
        .map(|r| r.header("authorization").unwrap_or("").to_owned())
        .collect();
    assert_eq!(authorizations.len(), 8 + 3 + 2);
    assert!(authorizations.iter().all(|a| a.starts_with("Bearer ey")));
    let after_check = &authorizations[8..];
    assert!(after_check.iter().all(|a| a == &after_check[0]));
    assert_ne!(authorizations[0], after_check[0], "the check renewed it");
}

#[tokio::test]
async fn a_token_is_renewed_shortly_before_it_expires() {
    let emu = emulator().await;
    let client = client(&emu);
    let (id, _) = candidate(&emu, 5);
    // 30 s is inside the 60 s renewal margin: each call needs a new token.
    emu.shared()
        .set_endorsed_token_lifetime(Duration::from_secs(30));
    for n in 1..=3 {
        client.get_candidate(&id).await.unwrap();
        assert_eq!(token_requests(&emu), n);
    }
    emu.shared()
        .set_endorsed_token_lifetime(Duration::from_hours(1));
    for _ in 0..3 {
        client.get_candidate(&id).await.unwrap();
    }
    assert_eq!(token_requests(&emu), 4);
}

#[tokio::test]
async fn a_401_renews_the_token_and_retries_exactly_once() {
    let emu = emulator().await;
    let dir = tempfile::tempdir().unwrap();
    let client = client(&emu);
    let (id, _) = candidate(&emu, 30);
    let get_path = format!("/candidates/{id}");
    client.get_candidate(&id).await.unwrap();
    assert_eq!(token_requests(&emu), 1);

    fault(&emu, "endorsed:GET:/candidates/*=401");
    assert_eq!(client.get_candidate(&id).await.unwrap().id, id);
    assert_eq!(token_requests(&emu), 2);
    let gets = requests(&emu, "GET", &get_path);
    assert_eq!(
        gets.iter().map(|r| r.status).collect::<Vec<_>>(),
        [200, 401, 200]
    );
    assert_ne!(
        gets[1].header("authorization"),
        gets[2].header("authorization")
    );

    fault(&emu, "endorsed:GET:/candidates/*=401x2");
    let err = client.get_candidate(&id).await.unwrap_err();
    assert!(matches!(err, ProviderError::Auth { .. }), "{err:?}");
    assert_eq!(token_requests(&emu), 3, "one renewal, no loop");
    assert_eq!(requests(&emu, "GET", &get_path).len(), 5);

    // The server forgets every token (expiry, revocation): the next call recovers by itself.
    emu.shared().expire_endorsed_tokens();
    client.get_candidate(&id).await.unwrap();
    assert_eq!(token_requests(&emu), 4);

    // An upload refused with 401 is streamed again from disk with the new token.
    let bytes = pdf_bytes(700_000);
    let file = upload_file(
        &write(dir.path(), "cv.pdf", &bytes),
        "application/pdf",
        "resume",
    );
    fault(&emu, "endorsed:PUT:/attachments/*=401");
    let outcome = client
        .upload(&target(&id), std::slice::from_ref(&file), no_progress())
        .await
        .unwrap();
    assert_eq!(token_requests(&emu), 5);
    let puts = requests(&emu, "PUT", &format!("/attachments/remote.{}", file.key));
    assert_eq!(
        puts.iter().map(|r| r.status).collect::<Vec<_>>(),
        [401, 201]
    );
    let stored = emu.store().attachments(ENDORSED, Some(&id));
    assert_eq!(stored.len(), 1);
    assert_eq!(stored[0].sha256, sha256_hex(&bytes));
    assert_eq!(
        outcome,
        [UploadOutcome::Stored {
            attachment_id: Some(stored[0].id.clone())
        }]
    );
}

#[tokio::test]
async fn candidates_are_found_by_uuid_or_remote_id_only() {
    let emu = emulator().await;
    let client = client(&emu);
    let seed = emu.store().candidates(ENDORSED)[42].clone();

    let page = client.find_candidates(&seed.id, None, 10).await.unwrap();
    assert_eq!(page.next, None);
    let [found] = page.candidates.as_slice() else {
        panic!("{page:?}")
    };
    assert_eq!(found.id, seed.id);
    assert_eq!(found.name, seed.full_name());
    assert_eq!(found.email.as_deref(), Some(seed.email.as_str()));
    assert_eq!(found.phone.as_deref(), Some(seed.phone.as_str()));
    assert_eq!(found.remote_id.as_deref(), Some(seed.remote_id.as_str()));
    assert_eq!(
        requests(&emu, "GET", &format!("/candidates/{}", seed.id)).len(),
        1
    );

    let page = client
        .find_candidates(&format!("  {}  ", seed.remote_id), None, 10)
        .await
        .unwrap();
    assert_eq!(page.candidates.len(), 1);
    assert_eq!(page.candidates[0].id, seed.id);
    assert_eq!(
        requests(
            &emu,
            "GET",
            &format!("/candidates/remote.{}", seed.remote_id)
        )
        .len(),
        1
    );
    assert!(
        requests(&emu, "GET", &format!("/candidates/{}", seed.remote_id)).is_empty(),
        "a remote id that is not a UUID is never tried as one"
    );
    let page = client
        .find_candidates(&format!("remote.{}", seed.remote_id), None, 10)
        .await
        .unwrap();
    assert_eq!(page.candidates[0].id, seed.id);
    assert!(
        requests(
            &emu,
            "GET",
            &format!("/candidates/remote.remote.{}", seed.remote_id)
        )
        .is_empty()
    );

    // A remote id that looks like a UUID: tried as a UUID first, then as remote.<id>.
    let (http, base, token) = raw(&emu, None).await;
    let uuid_remote = "7d3c8a52-0f3e-4e55-9a4a-2b8f3f0c9e11";
    let (s, b) = status_and_body(
        http.post(format!("{base}/candidates"))
            .bearer_auth(&token)
            .json(
                &json!({"first_name": "Ada", "last_name": "Lovelace", "remote_id": uuid_remote,
                          "email_addresses": [{"value": "ada@example.com", "type": "work"}]}),
            ),
    )
    .await;
    assert_eq!(s, 201, "{b}");
    let page = client.find_candidates(uuid_remote, None, 10).await.unwrap();
    assert_eq!(page.candidates.len(), 1);
    assert_eq!(page.candidates[0].name, "Ada Lovelace");
    assert_eq!(
        page.candidates[0].phone, None,
        "created without phone_numbers"
    );
    assert_eq!(page.candidates[0].id, b["result"]["id"].as_str().unwrap());
    assert_eq!(
        requests(&emu, "GET", &format!("/candidates/{uuid_remote}"))[0].status,
        404
    );

    for nobody in [
        "ext-999999",
        "00000000-0000-4000-8000-00000000abcd",
        "Emma de Jong",
    ] {
        let page = client.find_candidates(nobody, None, 10).await.unwrap();
        assert!(
            page.candidates.is_empty() && page.next.is_none(),
            "{nobody}"
        );
    }
    let err = client.find_candidates("   ", None, 10).await.unwrap_err();
    assert!(matches!(err, ProviderError::Unsupported { .. }), "{err:?}");
    assert_eq!(
        err.to_string(),
        "Listing candidates is not supported by Endorsed."
    );

    let err = client.get_candidate("remote.nope").await.unwrap_err();
    assert!(matches!(err, ProviderError::NotFound { .. }), "{err:?}");
    assert_eq!(
        err.to_string(),
        "Endorsed could not find candidate remote.nope (\u{201c}This resource entity does not exist\u{201d}): check the id."
    );
    assert_eq!(client.get_candidate(&seed.id).await.unwrap(), *found);
}

#[tokio::test]
async fn get_candidate_reads_the_first_phone_number() {
    let emu = emulator().await;
    let client = client(&emu);
    let seed = emu.store().candidates(ENDORSED)[7].clone();
    let got = client.get_candidate(&seed.id).await.unwrap();
    assert_eq!(got.phone.as_deref(), Some(seed.phone.as_str()));

    let (http, base, token) = raw(&emu, None).await;
    let create = |remote: &str, phones: Value| {
        let body = json!({"first_name": "Ada", "remote_id": remote, "phone_numbers": phones});
        let request = http
            .post(format!("{base}/candidates"))
            .bearer_auth(&token)
            .json(&body);
        async move {
            let (s, b) = status_and_body(request).await;
            assert_eq!(s, 201, "{b}");
            b["result"]["id"].as_str().unwrap().to_owned()
        }
    };
    // `phone_numbers[]` has no primary flag: the first one is the candidate's.
    let two = create(
        "ext-phone-2",
        json!([{"value": " +31 20 123 4567 ", "type": "work"},
               {"value": "+31 6 9876 5432", "type": "mobile"}]),
    )
    .await;
    let none = create("ext-phone-0", json!([])).await;
    let got = client.get_candidate(&two).await.unwrap();
    assert_eq!(got.phone.as_deref(), Some("+31 20 123 4567"));
    let got = client.get_candidate(&none).await.unwrap();
    assert_eq!(got.phone, None);
}

#[tokio::test]
async fn uploads_every_type_byte_exact_with_an_upsert_per_file() {
    let emu = emulator().await;
    let dir = tempfile::tempdir().unwrap();
    let client = client(&emu);
    let (candidate_id, _) = candidate(&emu, 100);
    let seen = Arc::new(Mutex::new(Vec::new()));
    let sink = Arc::clone(&seen);
    let progress: providers::ProgressFn = Arc::new(move |i, n| sink.lock().unwrap().push((i, n)));
    let contents: [(&str, &str, Vec<u8>); 4] = [
        ("Zoë Müller CV.pdf", "application/pdf", pdf_bytes(40_000)),
        (
            "about.txt",
            "text/plain",
            "About me: \u{1F600}\n".repeat(100).into_bytes(),
        ),
        (
            "prefs.rtf",
            "application/rtf",
            b"{\\rtf1 remote only}".to_vec(),
        ),
        ("work.pdf", "application/pdf", pdf_bytes(1234)),
    ];
    let mut files = Vec::new();
    for ((name, mime, bytes), ty) in contents.iter().zip(ENDORSED.profile().types) {
        files.push(upload_file(&write(dir.path(), name, bytes), mime, ty.wire));
    }
    files[3].remote_id = Some("ats-77".to_owned());
    let outcomes = client
        .upload(&target(&candidate_id), &files, progress)
        .await
        .unwrap();
    assert_eq!(outcomes.len(), 4);
    let stored = emu.store().attachments(ENDORSED, Some(&candidate_id));
    assert_eq!(stored.len(), 4);
    for ((file, (_, mime, bytes)), outcome) in files.iter().zip(&contents).zip(&outcomes) {
        let UploadOutcome::Stored {
            attachment_id: Some(id),
        } = outcome
        else {
            panic!("{outcome:?}")
        };
        let s = stored.iter().find(|a| &a.id == id).unwrap();
        assert_eq!(s.sha256, sha256_hex(bytes), "{}", file.name);
        assert_eq!(s.size, bytes.len() as u64);
        assert_eq!(s.attachment_type, file.attachment_type);
        assert_eq!(s.file_name, file.name);
        assert_eq!(&s.content_type, mime);
        let remote = file.remote_id.clone().unwrap_or_else(|| file.key.clone());
        assert_eq!(s.remote_id.as_deref(), Some(remote.as_str()));
        let puts = requests(&emu, "PUT", &format!("/attachments/remote.{remote}"));
        assert_eq!(puts.len(), 1);
        assert!(puts[0].header("content-length").is_some());
        assert!(puts[0].header("transfer-encoding").is_none());
        assert!(
            puts[0]
                .header("content-type")
                .unwrap()
                .starts_with("multipart/form-data; boundary=")
        );
    }
    assert!(
        requests(&emu, "POST", "/attachments").is_empty(),
        "always upsert"
    );
    let seen = seen.lock().unwrap();
    for (i, f) in files.iter().enumerate() {
        assert_eq!(
            seen.iter().filter(|(j, _)| *j == i).map(|(_, n)| *n).max(),
            Some(f.size)
        );
    }
}

#[tokio::test]
async fn the_same_key_twice_keeps_one_copy() {
    let emu = emulator().await;
    let dir = tempfile::tempdir().unwrap();
    let client = client(&emu);
    let (candidate_id, _) = candidate(&emu, 150);
    let first = pdf_bytes(9000);
    let path = write(dir.path(), "cv.pdf", &first);
    let file = upload_file(&path, "application/pdf", "resume");
    let a = client
        .upload(
            &target(&candidate_id),
            std::slice::from_ref(&file),
            no_progress(),
        )
        .await
        .unwrap();
    let b = client
        .upload(
            &target(&candidate_id),
            std::slice::from_ref(&file),
            no_progress(),
        )
        .await
        .unwrap();
    assert_eq!(a, b, "the same attachment id");
    let stored = emu.store().attachments(ENDORSED, Some(&candidate_id));
    assert_eq!(stored.len(), 1);
    let put_path = format!("/attachments/remote.{}", file.key);
    assert_eq!(
        requests(&emu, "PUT", &put_path)
            .iter()
            .map(|r| r.status)
            .collect::<Vec<_>>(),
        [201, 200],
        "created, then replaced"
    );

    // A reply lost after the upload was stored: repeating it is safe.
    let second = pdf_bytes(12_000);
    std::fs::write(&path, &second).unwrap();
    let changed = upload_file(&path, "application/pdf", "work_experiences");
    let changed = providers::UploadFile {
        key: file.key.clone(),
        ..changed
    };
    fault(&emu, "endorsed:PUT:/attachments/*=drop-after");
    let err = client
        .upload(
            &target(&candidate_id),
            std::slice::from_ref(&changed),
            no_progress(),
        )
        .await
        .unwrap_err();
    assert!(err.outcome_unknown(), "{err:?}");
    let c = client
        .upload(
            &target(&candidate_id),
            std::slice::from_ref(&changed),
            no_progress(),
        )
        .await
        .unwrap();
    assert_eq!(c, a);
    let stored = emu.store().attachments(ENDORSED, Some(&candidate_id));
    assert_eq!(stored.len(), 1);
    assert_eq!(stored[0].sha256, sha256_hex(&second));
    assert_eq!(stored[0].attachment_type, "work_experiences");

    let other = upload_file(&path, "application/pdf", "about");
    client
        .upload(&target(&candidate_id), &[other], no_progress())
        .await
        .unwrap();
    assert_eq!(
        emu.store().attachments(ENDORSED, Some(&candidate_id)).len(),
        2
    );
}

#[tokio::test]
async fn a_large_file_streams_with_an_exact_length() {
    let emu = emulator().await;
    let dir = tempfile::tempdir().unwrap();
    let client = client(&emu);
    let (candidate_id, _) = candidate(&emu, 160);
    let bytes = pdf_bytes(12 * 1024 * 1024);
    let file = upload_file(
        &write(dir.path(), "big.pdf", &bytes),
        "application/pdf",
        "resume",
    );
    let max = Arc::new(Mutex::new(0u64));
    let sink = Arc::clone(&max);
    let calls = Arc::new(Mutex::new(0usize));
    let counter = Arc::clone(&calls);
    let progress: providers::ProgressFn = Arc::new(move |_, n| {
        *counter.lock().unwrap() += 1;
        let mut m = sink.lock().unwrap();
        *m = (*m).max(n);
    });
    client
        .upload(
            &target(&candidate_id),
            std::slice::from_ref(&file),
            progress,
        )
        .await
        .unwrap();
    assert_eq!(*max.lock().unwrap(), file.size);
    assert!(*calls.lock().unwrap() > 10, "progress per chunk");
    let put = &requests(&emu, "PUT", &format!("/attachments/remote.{}", file.key))[0];
    let length: u64 = put.header("content-length").unwrap().parse().unwrap();
    assert!(length > file.size && length < file.size + 2048, "{length}");
    assert!(put.header("transfer-encoding").is_none());
    let stored = emu.store().attachments(ENDORSED, Some(&candidate_id));
    assert_eq!(stored[0].sha256, sha256_hex(&bytes));
}

#[tokio::test]
async fn every_error_maps_to_its_variant_and_sentence() {
    let emu = emulator().await;
    let dir = tempfile::tempdir().unwrap();
    let client = client(&emu);
    let (candidate_id, _) = candidate(&emu, 200);
    let pdf = write(dir.path(), "cv.pdf", &pdf_bytes(5000));
    let upload = |ty: &str, path: &std::path::Path, mime: &str| upload_file(path, mime, ty);

    // 400: the system's own message surfaces.
    let err = client
        .upload(
            &target(&candidate_id),
            &[upload("cover_letter", &pdf, "application/pdf")],
            no_progress(),
        )
        .await
        .unwrap_err();
    let ProviderError::Rejected {
        status: 400,
        code: Some(code),
        ..
    } = &err
    else {
        panic!("{err:?}")
    };
    assert_eq!(code, "BAD_REQUEST");
    assert_eq!(
        err.to_string(),
        format!(
            "Endorsed refused the request: {TYPES_SENTENCE} (got \u{201c}cover_letter\u{201d})"
        )
    );
    let png = write(dir.path(), "photo.png", sandbox::PNG_1X1);
    let err = client
        .upload(
            &target(&candidate_id),
            &[upload("about", &png, "image/png")],
            no_progress(),
        )
        .await
        .unwrap_err();
    assert!(
        matches!(&err, ProviderError::Rejected { status: 400, message, .. } if message.contains("\u{201c}image/png\u{201d} is not supported")),
        "{err:?}"
    );

    // 404: an unknown candidate.
    let err = client
        .upload(
            &target("00000000-0000-4000-8000-0000000000ff"),
            &[upload("resume", &pdf, "application/pdf")],
            no_progress(),
        )
        .await
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "Endorsed could not find candidate 00000000-0000-4000-8000-0000000000ff (\u{201c}This resource entity does not exist\u{201d}): check the id."
    );

    // 413: over the 25 MiB assumption.
    let big = dir.path().join("huge.pdf");
    let f = std::fs::File::create(&big).unwrap();
    f.set_len(25 * 1024 * 1024 + 1).unwrap();
    drop(f);
    let err = client
        .upload(
            &target(&candidate_id),
            &[upload("resume", &big, "application/pdf")],
            no_progress(),
        )
        .await
        .unwrap_err();
    assert!(matches!(err, ProviderError::TooLarge { .. }), "{err:?}");
    assert_eq!(
        err.to_string(),
        "Endorsed says the file is too large (\u{201c}huge.pdf is larger than the 25 MiB an attachment may have\u{201d}): compress or split it."
    );

    // 403, 429, 500, 503 from faults.
    fault(&emu, "endorsed:GET:/candidates/*=403");
    let err = client.get_candidate(&candidate_id).await.unwrap_err();
    assert!(matches!(err, ProviderError::Forbidden { .. }), "{err:?}");
    assert!(
        err.to_string().starts_with("Endorsed refused access"),
        "{err}"
    );

    fault(&emu, "endorsed:PUT:/attachments/*=429@7");
    let err = client
        .upload(
            &target(&candidate_id),
            &[upload("resume", &pdf, "application/pdf")],
            no_progress(),
        )
        .await
        .unwrap_err();
    assert_eq!(err.retry_after(), Some(Duration::from_secs(7)), "{err:?}");
    assert!(err.is_transient());
    assert_eq!(
        err.to_string(),
        "Endorsed asked atsdrop to slow down; try again in 7 s."
    );

    fault(&emu, "endorsed:GET:/candidates/*=500");
    let err = client.get_candidate(&candidate_id).await.unwrap_err();
    assert!(
        matches!(&err, ProviderError::Server { status: 500, message: Some(m), .. } if m == "Injected fault"),
        "{err:?}"
    );
    fault(&emu, "endorsed:POST:/auth/tokens=503");
    emu.shared().expire_endorsed_tokens();
    let err = client.get_candidate(&candidate_id).await.unwrap_err();
    assert!(
        matches!(err, ProviderError::Server { status: 503, .. }),
        "{err:?}"
    );
    assert!(err.is_transient());
    assert!(
        emu.store()
            .attachments(ENDORSED, Some(&candidate_id))
            .is_empty()
    );

    // Not in the API: listing and deleting attachments.
    let err = client.list_attachments(&candidate_id).await.unwrap_err();
    assert_eq!(
        err.to_string(),
        "Listing a candidate's attachments is not supported by Endorsed."
    );
    let err = client
        .delete_attachments(&candidate_id, &["x".to_owned()])
        .await
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "Deleting attachments is not supported by Endorsed."
    );
}

// ---- strictness: raw requests the client would never send ----

/// A raw client, the base URL and a token with `scope` (both scopes when `None`).
async fn raw(emu: &Emulator, scope: Option<&str>) -> (reqwest::Client, String, String) {
    let http = sandbox::raw_client();
    let base = emu.base_url(ENDORSED);
    let mut body = format!(
        "client_id={ENDORSED_CLIENT_ID}&client_secret={ENDORSED_CLIENT_SECRET}&grant_type=client_credentials"
    );
    if let Some(scope) = scope {
        body.push_str("&scope=");
        body.push_str(&scope.replace(' ', "+"));
    }
    let (s, b) = status_and_body(
        http.post(format!("{base}/auth/tokens"))
            .header("content-type", "application/x-www-form-urlencoded")
            .body(body),
    )
    .await;
    assert_eq!(s, 200, "{b}");
    let token = b["access_token"].as_str().unwrap().to_owned();
    (http, base, token)
}

async fn status_and_body(r: reqwest::RequestBuilder) -> (u16, Value) {
    let resp = r.send().await.unwrap();
    let status = resp.status().as_u16();
    let body = resp.json::<Value>().await.unwrap_or(Value::Null);
    (status, body)
}

/// Asserts an Endorsed error envelope with `code`; returns the issues' messages.
fn assert_error(body: &Value, code: &str) -> Vec<String> {
    assert_eq!(body["is_error"], true, "{body}");
    assert_eq!(body["error"]["code"], code, "{body}");
    body["error"]["issues"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["message"].as_str().unwrap().to_owned())
        .collect()
}

#[derive(Clone)]
enum Part<'a> {
    Text(&'a str, &'a str),
    File(&'a str, &'a str, &'a str, &'a [u8]),
}

/// A valid upload's parts: résumé `bytes` for `candidate` under `remote`.
fn upload_parts<'a>(candidate: &'a str, remote: &'a str, bytes: &'a [u8]) -> Vec<Part<'a>> {
    vec![
        Part::Text("candidate_id", candidate),
        Part::Text("remote_id", remote),
        Part::Text("type", "resume"),
        Part::File("file", "cv.pdf", "application/pdf", bytes),
    ]
}

fn multipart(parts: &[Part<'_>]) -> (String, Vec<u8>) {
    let boundary = "xENDORSEDx";
    let mut body = Vec::new();
    for part in parts {
        match part {
            Part::Text(name, value) => body.extend_from_slice(
                format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n").as_bytes(),
            ),
            Part::File(name, file, ct, bytes) => {
                body.extend_from_slice(format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"; filename=\"{file}\"\r\nContent-Type: {ct}\r\n\r\n").as_bytes());
                body.extend_from_slice(bytes);
                body.extend_from_slice(b"\r\n");
            }
        }
    }
    body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={boundary}"), body)
}

#[tokio::test]
async fn emulator_token_endpoint_is_strict() {
    let emu = emulator().await;
    let http = sandbox::raw_client();
    let url = format!("{}/auth/tokens", emu.base_url(ENDORSED));
    let form = |body: String| {
        http.post(&url)
            .header("content-type", "application/x-www-form-urlencoded")
            .body(body)
    };
    let good = format!(
        "client_id={ENDORSED_CLIENT_ID}&client_secret={ENDORSED_CLIENT_SECRET}&grant_type=client_credentials"
    );

    let (s, b) = status_and_body(form(good.clone())).await;
    assert_eq!(s, 200, "{b}");
    assert_eq!(b["is_error"], false);
    assert_eq!(b["token_type"], "Bearer");
    assert_eq!(b["expires_in"], "1209600", "a string, as documented");
    assert_eq!(b["scope"], json!(["all:read", "all:write"]));
    assert_eq!(
        b["access_token"].as_str().unwrap().split('.').count(),
        3,
        "JWT-shaped"
    );

    // Form encoding is the default without a Content-Type.
    let (s, _) = status_and_body(http.post(&url).body(good.clone())).await;
    assert_eq!(s, 200);
    let (s, b) = status_and_body(form(format!("{good}&scope=all%3Aread"))).await;
    assert_eq!((s, &b["scope"]), (200, &json!(["all:read"])));
    let (s, b) = status_and_body(http.post(&url).json(&json!({
        "client_id": ENDORSED_CLIENT_ID, "client_secret": ENDORSED_CLIENT_SECRET,
        "grant_type": "client_credentials", "scope": ["all:write"],
    })))
    .await;
    assert_eq!((s, &b["scope"]), (200, &json!(["all:write"])), "{b}");

    let (s, b) = status_and_body(form(good.replace(ENDORSED_CLIENT_SECRET, "nope"))).await;
    assert_eq!(s, 401);
    assert_error(&b, "UNAUTHENTICATED");
    let (s, b) = status_and_body(form(good.replace("client_credentials", "password"))).await;
    assert_eq!(s, 400);
    assert!(
        assert_error(&b, "BAD_REQUEST")[0].contains("only client_credentials"),
        "{b}"
    );
    assert_eq!(b["error"]["issues"][0]["path"], json!(["grant_type"]));
    let (s, b) = status_and_body(form(format!("client_id={ENDORSED_CLIENT_ID}"))).await;
    assert_eq!(s, 400);
    assert_eq!(
        assert_error(&b, "BAD_REQUEST"),
        ["client_secret is required", "grant_type is required"]
    );
    let (s, _) = status_and_body(form(format!("{good}&audience=x"))).await;
    assert_eq!(s, 400, "unknown form field");
    let (s, _) = status_and_body(form(format!("{good}&scope=admin"))).await;
    assert_eq!(s, 400, "unknown scope");
    let (s, _) = status_and_body(http.post(&url).json(&json!({
        "clientId": ENDORSED_CLIENT_ID, "client_secret": ENDORSED_CLIENT_SECRET,
        "grant_type": "client_credentials",
    })))
    .await;
    assert_eq!(s, 400, "wrong JSON field name");
    let (s, _) = status_and_body(http.post(&url).json(&json!({
        "client_id": ENDORSED_CLIENT_ID, "client_secret": ENDORSED_CLIENT_SECRET,
        "grant_type": "client_credentials", "scope": "all:read",
    })))
    .await;
    assert_eq!(s, 400, "JSON scope is an array");
    let (s, b) = status_and_body(
        http.post(&url)
            .header("content-type", "text/plain")
            .body(good),
    )
    .await;
    assert_eq!(s, 415);
    assert_error(&b, "BAD_REQUEST");
}

#[tokio::test]
async fn emulator_requires_a_valid_bearer_token_with_the_right_scope() {
    let emu = emulator().await;
    let (http, base, token) = raw(&emu, None).await;
    let (id, _) = candidate(&emu, 0);
    let url = format!("{base}/candidates/{id}");

    let (s, b) = status_and_body(http.get(&url).bearer_auth(&token)).await;
    assert_eq!(s, 200, "{b}");
    assert_eq!(b["is_error"], false);
    assert_eq!(b["result"]["id"], id.as_str());
    assert_eq!(b["result"]["email_addresses"][0]["type"], "personal");

    for request in [
        http.get(&url),
        http.get(&url)
            .header("authorization", format!("Basic {token}")),
        http.get(&url).header("authorization", token.clone()),
        http.get(&url).bearer_auth("eyJ.not.issued"),
    ] {
        let (s, b) = status_and_body(request).await;
        assert_eq!(s, 401);
        assert_eq!(
            assert_error(&b, "UNAUTHENTICATED"),
            ["Resource requires authentication. Please provide a valid access token."]
        );
    }
    emu.shared().expire_endorsed_tokens();
    let (s, _) = status_and_body(http.get(&url).bearer_auth(&token)).await;
    assert_eq!(s, 401, "expired");

    // A read-only token reads but may not upload.
    let (_, _, read_only) = raw(&emu, Some("all:read")).await;
    let (s, _) = status_and_body(http.get(&url).bearer_auth(&read_only)).await;
    assert_eq!(s, 200);
    let (ct, body) = multipart(&[
        Part::Text("candidate_id", &id),
        Part::Text("remote_id", "r1"),
        Part::Text("type", "resume"),
        Part::File("file", "cv.pdf", "application/pdf", &pdf_bytes(500)),
    ]);
    let (s, b) = status_and_body(
        http.put(format!("{base}/attachments/remote.r1"))
            .bearer_auth(&read_only)
            .header("content-type", ct)
            .body(body),
    )
    .await;
    assert_eq!(s, 403);
    assert_eq!(
        assert_error(&b, "FORBIDDEN"),
        ["Access to this resource is not authorized."]
    );

    let (_, _, token) = raw(&emu, None).await;
    let (s, b) = status_and_body(http.get(format!("{base}/jobs")).bearer_auth(&token)).await;
    assert_eq!(s, 404);
    assert_error(&b, "NOT_FOUND");
    let (s, _) = status_and_body(http.patch(&url).bearer_auth(&token)).await;
    assert_eq!(s, 405);
}

#[tokio::test]
async fn emulator_enforces_the_upload_rules() {
    let emu = emulator().await;
    let (http, base, token) = raw(&emu, None).await;
    let (id, remote) = candidate(&emu, 250);
    let pdf = pdf_bytes(800);
    let post = |ct: &str, body: Vec<u8>| {
        http.post(format!("{base}/attachments"))
            .bearer_auth(&token)
            .header("content-type", ct)
            .body(body)
    };
    let fields = |remote_id: &'static str| {
        vec![
            Part::Text("candidate_id", id.as_str()),
            Part::Text("remote_id", remote_id),
            Part::Text("type", "resume"),
        ]
    };

    let bad: Vec<(Vec<Part<'_>>, &str)> = vec![
        (
            [
                fields("a"),
                vec![
                    Part::Text("public_file_url", "https://x.test/cv.pdf"),
                    Part::File("file", "cv.pdf", "application/pdf", &pdf),
                ],
            ]
            .concat(),
            "public_file_url must not be set for multipart/form-data",
        ),
        (fields("a"), "file is required for multipart/form-data"),
        (
            [
                fields("a"),
                vec![
                    Part::File("file", "a.pdf", "application/pdf", &pdf),
                    Part::File("file", "b.pdf", "application/pdf", &pdf),
                ],
            ]
            .concat(),
            "Only one file per request (2 sent)",
        ),
        (
            [
                fields("a"),
                vec![Part::File("files", "a.pdf", "application/pdf", &pdf)],
            ]
            .concat(),
            "Unknown file field \u{201c}files\u{201d}",
        ),
        (
            [
                fields("a"),
                vec![
                    Part::Text("name", "x"),
                    Part::File("file", "cv.pdf", "application/pdf", &pdf),
                ],
            ]
            .concat(),
            "Unknown field \u{201c}name\u{201d}",
        ),
        (
            vec![
                Part::Text("candidate_id", &id),
                Part::File("file", "cv.pdf", "application/pdf", &pdf),
            ],
            "remote_id is required; type is required",
        ),
        (
            vec![
                Part::Text("remote_id", "a"),
                Part::Text("type", "Resume"),
                Part::File("file", "cv.pdf", "application/pdf", &pdf),
            ],
            TYPES_SENTENCE,
        ),
        (
            [
                fields("a"),
                vec![Part::File(
                    "file",
                    "cv.bin",
                    "application/octet-stream",
                    &pdf,
                )],
            ]
            .concat(),
            "\u{201c}application/octet-stream\u{201d} is not supported",
        ),
        (
            [
                fields("a"),
                vec![Part::File("file", "empty.pdf", "application/pdf", b"")],
            ]
            .concat(),
            "empty.pdf is empty",
        ),
    ];
    for (parts, expected) in bad {
        let (ct, body) = multipart(&parts);
        let (s, b) = status_and_body(post(&ct, body)).await;
        assert_eq!(s, 400, "{expected}: {b}");
        let messages = assert_error(&b, "BAD_REQUEST").join("; ");
        assert!(messages.contains(expected), "{expected} not in {messages}");
    }

    for candidate_id in [
        "00000000-0000-4000-8000-000000000000",
        &format!("remote.{remote}"),
    ] {
        let (ct, body) = multipart(&[
            Part::Text("candidate_id", candidate_id),
            Part::Text("remote_id", "a"),
            Part::Text("type", "resume"),
            Part::File("file", "cv.pdf", "application/pdf", &pdf),
        ]);
        let (s, b) = status_and_body(post(&ct, body)).await;
        assert_eq!(s, 404, "{candidate_id}");
        assert_error(&b, "NOT_FOUND");
    }
    let (ct, body) = multipart(
        &[
            fields("a"),
            vec![Part::File("file", "cv.pdf", "application/pdf", &pdf)],
        ]
        .concat(),
    );
    let (s, b) = status_and_body(post("application/xml", body.clone())).await;
    assert_eq!(s, 415, "{b}");
    let chunked = reqwest::Body::wrap(http_body_util::StreamBody::new(futures_util::stream::iter(
        vec![Ok::<_, std::io::Error>(http_body::Frame::data(
            bytes::Bytes::from(body.clone()),
        ))],
    )));
    let (s, _) = status_and_body(
        http.post(format!("{base}/attachments"))
            .bearer_auth(&token)
            .header("content-type", ct.clone())
            .body(chunked),
    )
    .await;
    assert_eq!(s, 411, "chunked bodies need a Content-Length");

    // POST creates every time: the same remote id twice is two attachments.
    for _ in 0..2 {
        let (s, b) = status_and_body(post(&ct, body.clone())).await;
        assert_eq!(s, 201, "{b}");
    }
    assert_eq!(emu.store().attachments(ENDORSED, Some(&id)).len(), 2);

    // JSON: public_file_url required, file forbidden.
    let json_post = |v: Value| {
        http.post(format!("{base}/attachments"))
            .bearer_auth(&token)
            .json(&v)
    };
    let base_json = json!({"candidate_id": id, "remote_id": "url-1", "type": "about"});
    let with = |extra: Value| {
        let mut v = base_json.clone();
        v.as_object_mut()
            .unwrap()
            .extend(extra.as_object().unwrap().clone());
        v
    };
    for (body, expected) in [
        (
            base_json.clone(),
            "public_file_url is required for application/json",
        ),
        (
            with(json!({"public_file_url": "https://files.test/cv.pdf", "file": "JVBERi0="})),
            "file must not be set for application/json",
        ),
        (
            with(json!({"public_file_url": "ftp://files.test/cv.pdf"})),
            "public_file_url must be a public http(s) URL",
        ),
        (
            with(json!({"public_file_url": "https://files.test/cv.pdf", "filename": "cv.pdf"})),
            "unknown field `filename`",
        ),
    ] {
        let (s, b) = status_and_body(json_post(body)).await;
        assert_eq!(s, 400, "{b}");
        let messages = assert_error(&b, "BAD_REQUEST").join("; ");
        assert!(messages.contains(expected), "{expected} not in {messages}");
    }
    let (s, b) = status_and_body(json_post(with(
        json!({"public_file_url": "https://files.test/about%20me.pdf"}),
    )))
    .await;
    assert_eq!(s, 201, "{b}");
    let stored = emu
        .store()
        .attachments(ENDORSED, Some(&id))
        .into_iter()
        .find(|a| a.remote_id.as_deref() == Some("url-1"))
        .unwrap();
    assert_eq!(
        (stored.file_name.as_str(), stored.size),
        ("about%20me.pdf", 0)
    );
}

#[tokio::test]
async fn emulator_upserts_by_remote_id_or_uuid() {
    let emu = emulator().await;
    let (http, base, token) = raw(&emu, None).await;
    let (id, _) = candidate(&emu, 260);
    let put = |path: &str, parts: &[Part<'_>]| {
        let (ct, body) = multipart(parts);
        http.put(format!("{base}/attachments/{path}"))
            .bearer_auth(&token)
            .header("content-type", ct)
            .body(body)
    };
    let one = &pdf_bytes(1000)[..];
    let two = &pdf_bytes(2000)[..];
    let parts = |remote, bytes| upload_parts(&id, remote, bytes);

    let (s, b) = status_and_body(put("remote.k1", &parts("k1", one))).await;
    assert_eq!(s, 201, "{b}");
    let attachment = b["result"]["id"].as_str().unwrap().to_owned();
    let (s, b) = status_and_body(put("remote.k1", &parts("k1", two))).await;
    assert_eq!(
        (s, b["result"]["id"].as_str().unwrap()),
        (200, attachment.as_str())
    );
    let stored = emu.store().attachments(ENDORSED, Some(&id));
    assert_eq!(stored.len(), 1);
    assert_eq!(stored[0].sha256, sha256_hex(two));

    let (s, b) = status_and_body(put(&attachment, &parts("k1", one))).await;
    assert_eq!(
        (s, b["result"]["id"].as_str().unwrap()),
        (200, attachment.as_str()),
        "by UUID"
    );
    assert_eq!(
        emu.store().attachments(ENDORSED, Some(&id))[0].sha256,
        sha256_hex(one)
    );

    let (s, b) = status_and_body(put("remote.k2", &parts("other", one))).await;
    assert_eq!(s, 400);
    assert!(assert_error(&b, "BAD_REQUEST")[0].contains("does not match the id in the path"));
    let (s, b) = status_and_body(put(
        "00000000-0000-4000-8000-000000000000",
        &parts("k9", one),
    ))
    .await;
    assert_eq!(s, 404);
    assert_error(&b, "NOT_FOUND");
    let (s, _) = status_and_body(put("remote.", &parts("k9", one))).await;
    assert_eq!(s, 400);
    assert_eq!(emu.store().attachments(ENDORSED, Some(&id)).len(), 1);
}

#[tokio::test]
async fn emulator_offers_the_flagged_extras() {
    let emu = emulator().await;
    let (http, base, token) = raw(&emu, None).await;
    let get = |path: String| http.get(format!("{base}{path}")).bearer_auth(&token);
    let seeds = emu.store().candidates(ENDORSED).to_vec();

    // Attachments of a candidate (the first ten have a seeded résumé).
    let (s, b) = status_and_body(get(format!("/attachments?candidate_id={}", seeds[0].id))).await;
    assert_eq!(s, 200, "{b}");
    let list = b["result"].as_array().unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0]["type"], "resume");
    let attachment = list[0]["id"].as_str().unwrap().to_owned();
    let (s, b) = status_and_body(get(format!("/attachments/{attachment}"))).await;
    assert_eq!(
        (s, &b["result"]["candidate_id"]),
        (200, &json!(seeds[0].id))
    );
    assert_eq!(status_and_body(get("/attachments".into())).await.0, 400);
    assert_eq!(
        status_and_body(get("/attachments?candidateId=x".into()))
            .await
            .0,
        400
    );
    assert_eq!(
        status_and_body(get(
            "/attachments?candidate_id=00000000-0000-4000-8000-000000000000".into()
        ))
        .await
        .0,
        404
    );
    let delete = || {
        http.delete(format!("{base}/attachments/{attachment}"))
            .bearer_auth(&token)
    };
    let (s, b) = status_and_body(delete()).await;
    assert_eq!((s, &b["result"]["id"]), (200, &json!(attachment)));
    assert_eq!(status_and_body(delete()).await.0, 404);
    assert!(
        emu.store()
            .attachments(ENDORSED, Some(&seeds[0].id))
            .is_empty()
    );

    // Candidates by ids, in the order asked, unknown ones left out.
    let (s, b) = status_and_body(get(format!(
        "/candidates?ids={},nope,{}",
        seeds[7].id, seeds[3].id
    )))
    .await;
    assert_eq!(s, 200);
    let ids: Vec<&str> = b["result"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, [seeds[7].id.as_str(), seeds[3].id.as_str()]);
    // The emulator-only text search with offset paging.
    let (_, b) = status_and_body(get(format!("/candidates?q={}", seeds[9].email))).await;
    assert_eq!(b["result"][0]["id"], seeds[9].id.as_str());
    let (_, b) = status_and_body(get("/candidates?q=&offset=295&limit=10".into())).await;
    assert_eq!(b["result"].as_array().unwrap().len(), 5);
    for bad in [
        "/candidates",
        "/candidates?ids=a&q=b",
        "/candidates?q=a&limit=0",
        "/candidates?q=a&page=2",
        "/candidates?ids=a&limit=3",
    ] {
        assert_eq!(status_and_body(get(bad.into())).await.0, 400, "{bad}");
    }

    // Creating a candidate, then reading it back by remote id.
    let create = |v: Value| {
        http.post(format!("{base}/candidates"))
            .bearer_auth(&token)
            .json(&v)
    };
    let (s, b) = status_and_body(create(json!({
        "first_name": "Grace", "last_name": "Hopper", "remote_id": "ats-1906", "title": "Admiral",
        "links": [{"value": "https://example.com", "type": "portfolio"}],
    })))
    .await;
    assert_eq!(s, 201, "{b}");
    let (s, b) = status_and_body(get("/candidates/remote.ats-1906".into())).await;
    assert_eq!((s, &b["result"]["title"]), (200, &json!("Admiral")));
    for (body, expected) in [
        (
            json!({"first_name": "G", "remote_id": "ats-1906"}),
            "already exists",
        ),
        (
            json!({"last_name": "H", "remote_id": "x"}),
            "first_name is required",
        ),
        (
            json!({"first_name": "G", "remote_id": "y", "email_addresses": [{"value": "g@x", "type": "home"}]}),
            "email_addresses[].type must be one of personal, work",
        ),
        (
            json!({"first_name": "G", "remote_id": "z", "name": "G H"}),
            "unknown field `name`",
        ),
    ] {
        let (s, b) = status_and_body(create(body)).await;
        assert_eq!(s, 400, "{expected}");
        let messages = assert_error(&b, "BAD_REQUEST").join("; ");
        assert!(messages.contains(expected), "{expected} not in {messages}");
    }

    // Rankings: a text query, and lookalikes of a candidate.
    let (s, b) = status_and_body(get(format!(
        "/candidate_rankings?q={}&limit=5",
        seeds[11].first_name
    )))
    .await;
    assert_eq!(s, 200, "{b}");
    let results = b["result"].as_array().unwrap();
    assert!(!results.is_empty() && results.len() <= 5);
    assert!(results.iter().all(|r| r["candidate_id"].is_string()
        && r["score"].as_f64().unwrap() > 0.0
        && r["summary_id"].is_null()));
    let with_title = seeds.iter().find(|c| !c.applications.is_empty()).unwrap();
    let (s, b) = status_and_body(get(format!(
        "/candidate_rankings?target_resource_id={}&limit=100",
        with_title.id
    )))
    .await;
    assert_eq!(s, 200);
    for r in b["result"].as_array().unwrap() {
        let other = seeds
            .iter()
            .find(|c| c.id == r["candidate_id"].as_str().unwrap())
            .unwrap();
        assert_eq!(other.applications[0].1, with_title.applications[0].1);
    }
    assert_eq!(
        status_and_body(get("/candidate_rankings".into())).await.0,
        400
    );
    assert_eq!(
        status_and_body(get(format!(
            "/candidate_rankings?q=a&target_resource_id={}",
            seeds[0].id
        )))
        .await
        .0,
        400
    );
    assert_eq!(
        status_and_body(get("/candidate_rankings?target_resource_id=nope".into()))
            .await
            .0,
        404
    );
}
