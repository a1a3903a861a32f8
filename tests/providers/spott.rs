//! Spott client ↔ emulator.

use std::time::Duration;

use atsdrop::emulator::{Fault, credentials::SPOTT_API_KEY};
use atsdrop::model::{ProviderId, Secret};
use atsdrop::providers::{self, ProviderError, UploadOutcome, UploadTarget, no_progress};
use serde_json::{Value, json};

use crate::support::sandbox::{self, PNG_1X1, emulator, pdf_bytes, sha256_hex, upload_file, write};

const SPOTT: ProviderId = ProviderId::Spott;

#[tokio::test]
async fn connection_check_accepts_the_key_and_refuses_a_wrong_one() {
    let emu = emulator().await;
    let client = providers::connect(&emu.connection(SPOTT)).unwrap();
    assert!(client.check_connection().await.unwrap().contains("Spott"));

    let mut bad = emu.connection(SPOTT);
    bad.secret = Secret::new("wrong");
    let err = providers::connect(&bad)
        .unwrap()
        .check_connection()
        .await
        .unwrap_err();
    assert!(matches!(err, ProviderError::Auth { .. }), "{err:?}");
    assert!(err.to_string().contains("Invalid API key"), "{err}");
}

#[tokio::test]
async fn listing_follows_the_cursor_across_pages() {
    let emu = emulator().await;
    let client = providers::connect(&emu.connection(SPOTT)).unwrap();
    let first = client.find_candidates("", None, 120).await.unwrap();
    assert_eq!(first.candidates.len(), 120);
    let cursor = first.next.clone().expect("more pages");
    let second = client
        .find_candidates("", Some(&cursor), 120)
        .await
        .unwrap();
    assert_eq!(second.candidates.len(), 120);
    let mut ids: Vec<_> = first
        .candidates
        .iter()
        .chain(&second.candidates)
        .map(|c| c.id.clone())
        .collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), 240, "pages do not overlap");
    let rest = client
        .find_candidates("", second.next.as_deref(), 1000)
        .await
        .unwrap();
    assert_eq!(rest.candidates.len(), 60);
    assert_eq!(rest.next, None);
    let list_calls = emu
        .received()
        .iter()
        .filter(|r| r.path == "/candidates" && r.method == "GET")
        .count();
    assert!(list_calls >= 3 + 3 + 2, "pages of at most 50: {list_calls}");
    let c = &first.candidates[0];
    assert!(!c.name.is_empty() && c.email.as_deref().is_some_and(|e| e.contains('@')));
}

#[tokio::test]
async fn text_search_finds_by_email_and_name_and_pages() {
    let emu = emulator().await;
    let client = providers::connect(&emu.connection(SPOTT)).unwrap();
    let target = emu.store().candidates(SPOTT)[42].clone();
    let found = client
        .find_candidates(&target.email, None, 10)
        .await
        .unwrap();
    assert_eq!(found.candidates.len(), 1);
    assert_eq!(found.candidates[0].id, target.id);
    assert_eq!(found.candidates[0].name, target.full_name());

    let by_first_name = client
        .find_candidates(&target.first_name, None, 5)
        .await
        .unwrap();
    assert!(!by_first_name.candidates.is_empty());
    assert!(by_first_name.candidates.iter().all(|c| {
        c.name
            .to_lowercase()
            .contains(&target.first_name.to_lowercase())
    }));
    let expected = emu
        .store()
        .candidates(SPOTT)
        .iter()
        .filter(|c| {
            c.full_name()
                .to_lowercase()
                .contains(&target.first_name.to_lowercase())
                || c.email.contains(&target.first_name.to_lowercase())
        })
        .count();
    if expected > 5 {
        let more = client
            .find_candidates(&target.first_name, by_first_name.next.as_deref(), 1000)
            .await
            .unwrap();
        assert_eq!(
            by_first_name.candidates.len() + more.candidates.len(),
            expected
        );
    }
    let none = client
        .find_candidates("zzzz-nobody", None, 10)
        .await
        .unwrap();
    assert!(none.candidates.is_empty() && none.next.is_none());
}

#[tokio::test]
async fn get_candidate_and_not_found() {
    let emu = emulator().await;
    let client = providers::connect(&emu.connection(SPOTT)).unwrap();
    let seed = emu.store().candidates(SPOTT)[3].clone();
    let got = client.get_candidate(&seed.id).await.unwrap();
    assert_eq!(got.id, seed.id);
    // From `phoneNumbers.phoneNumbers[]` (the `isPrimary` entry).
    assert_eq!(got.phone.as_deref(), Some(seed.phone.as_str()));
    let err = client.get_candidate("cand-missing").await.unwrap_err();
    assert!(matches!(err, ProviderError::NotFound { .. }), "{err:?}");
    assert!(err.to_string().contains("candidate cand-missing"), "{err}");
}

#[tokio::test]
async fn uploads_every_type_byte_exact_and_lists_them() {
    let emu = emulator().await;
    let dir = tempfile::tempdir().unwrap();
    let client = providers::connect(&emu.connection(SPOTT)).unwrap();
    let candidate = emu.store().candidates(SPOTT)[100].id.clone();
    let target = UploadTarget {
        candidate_id: candidate.clone(),
        application_id: None,
    };
    for (i, ty) in SPOTT.profile().types.iter().enumerate() {
        let bytes = pdf_bytes(2000 + i * 777);
        let path = write(dir.path(), &format!("file-{i}.pdf"), &bytes);
        let outcome = client
            .upload(
                &target,
                &[upload_file(&path, "application/pdf", ty.wire)],
                no_progress(),
            )
            .await
            .unwrap();
        let UploadOutcome::Stored {
            attachment_id: Some(id),
        } = &outcome[0]
        else {
            panic!("{outcome:?}")
        };
        let stored = emu
            .store()
            .attachments(SPOTT, Some(&candidate))
            .into_iter()
            .find(|a| &a.id == id)
            .unwrap();
        assert_eq!(stored.sha256, sha256_hex(&bytes), "{}", ty.wire);
        assert_eq!(stored.size, bytes.len() as u64);
        assert!(stored.attachment_type.eq_ignore_ascii_case(ty.wire));
        assert_eq!(stored.file_name, format!("file-{i}.pdf"));
    }
    let listed = client.list_attachments(&candidate).await.unwrap();
    assert_eq!(listed.len(), SPOTT.profile().types.len());
    assert!(listed.iter().all(|a| a.size.is_some()));
    let err = client
        .delete_attachments(&candidate, &[listed[0].id.clone()])
        .await
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "Deleting attachments is not supported by Spott."
    );
}

#[tokio::test]
async fn twelve_files_go_in_two_requests_with_a_content_length() {
    let emu = emulator().await;
    let dir = tempfile::tempdir().unwrap();
    let client = providers::connect(&emu.connection(SPOTT)).unwrap();
    let candidate = emu.store().candidates(SPOTT)[101].id.clone();
    let mut files = Vec::new();
    let mut hashes = Vec::new();
    for i in 0..12 {
        let (bytes, ct, name) = if i % 2 == 0 {
            (
                pdf_bytes(300_000 + i * 1000),
                "application/pdf",
                format!("doc {i}.pdf"),
            )
        } else {
            (PNG_1X1.to_vec(), "image/png", format!("photo \"{i}\".png"))
        };
        hashes.push(sha256_hex(&bytes));
        files.push(upload_file(&write(dir.path(), &name, &bytes), ct, "CV"));
    }
    let progress_seen = std::sync::Arc::new(std::sync::Mutex::new(vec![0u64; 12]));
    let sink = progress_seen.clone();
    let progress: providers::ProgressFn =
        std::sync::Arc::new(move |i, n| sink.lock().unwrap()[i] = n);
    let target = UploadTarget {
        candidate_id: candidate.clone(),
        application_id: None,
    };
    let outcomes = client.upload(&target, &files, progress).await.unwrap();
    assert_eq!(outcomes.len(), 12);
    let uploads: Vec<_> = emu
        .received()
        .into_iter()
        .filter(|r| r.path == "/attachments/temporary")
        .collect();
    assert_eq!(uploads.len(), 2);
    for r in &uploads {
        assert!(r.header("content-length").is_some(), "exact Content-Length");
        assert!(r.header("transfer-encoding").is_none(), "not chunked");
        assert_eq!(r.query.as_deref(), Some("type=unassigned"));
    }
    let stored = emu.store().attachments(SPOTT, Some(&candidate));
    assert_eq!(stored.len(), 12);
    for (file, hash) in files.iter().zip(&hashes) {
        let s = stored.iter().find(|a| a.file_name == file.name).unwrap();
        assert_eq!(&s.sha256, hash);
    }
    let seen = progress_seen.lock().unwrap();
    for (i, f) in files.iter().enumerate() {
        assert_eq!(seen[i], f.size, "progress reached the end of file {i}");
    }
}

#[tokio::test]
async fn faults_map_to_their_errors() {
    let emu = emulator().await;
    let dir = tempfile::tempdir().unwrap();
    let client = providers::connect(&emu.connection(SPOTT)).unwrap();
    let candidate = emu.store().candidates(SPOTT)[205].id.clone();
    let target = UploadTarget {
        candidate_id: candidate.clone(),
        application_id: None,
    };
    let path = write(dir.path(), "cv.pdf", &pdf_bytes(400_000));
    let file = upload_file(&path, "application/pdf", "CV");

    emu.faults().inject(
        "spott:POST:/attachments/temporary=429@7"
            .parse::<Fault>()
            .unwrap(),
    );
    let err = client
        .upload(&target, std::slice::from_ref(&file), no_progress())
        .await
        .unwrap_err();
    assert_eq!(err.retry_after(), Some(Duration::from_secs(7)), "{err:?}");
    assert!(err.is_transient());
    assert_eq!(
        err.to_string(),
        "Spott asked atsdrop to slow down; try again in 7 s."
    );

    emu.faults().inject(
        "spott:POST:/attachments/temporary=503"
            .parse::<Fault>()
            .unwrap(),
    );
    let err = client
        .upload(&target, std::slice::from_ref(&file), no_progress())
        .await
        .unwrap_err();
    assert!(
        matches!(err, ProviderError::Server { status: 503, .. }),
        "{err:?}"
    );
    assert!(err.is_transient());

    // Large enough that the drop happens while the body is still being written.
    let big = upload_file(
        &write(dir.path(), "big.pdf", &pdf_bytes(24 * 1024 * 1024)),
        "application/pdf",
        "CV",
    );
    emu.faults().inject(
        "spott:POST:/attachments/temporary=drop"
            .parse::<Fault>()
            .unwrap(),
    );
    let err = client
        .upload(&target, std::slice::from_ref(&big), no_progress())
        .await
        .unwrap_err();
    assert!(
        matches!(
            err,
            ProviderError::Network {
                body_sent: false,
                ..
            }
        ),
        "{err:?}"
    );
    assert!(err.is_transient() && !err.outcome_unknown());

    emu.faults().inject(
        "spott:POST:/attachments/temporary/assign=drop-after"
            .parse::<Fault>()
            .unwrap(),
    );
    let err = client
        .upload(&target, std::slice::from_ref(&file), no_progress())
        .await
        .unwrap_err();
    assert!(err.outcome_unknown(), "{err:?}");

    assert_eq!(
        emu.store().attachments(SPOTT, Some(&candidate)).len(),
        1,
        "only the drop-after upload was stored"
    );

    let err = client
        .upload(
            &UploadTarget {
                candidate_id: "cand-nope".into(),
                application_id: None,
            },
            &[file],
            no_progress(),
        )
        .await
        .unwrap_err();
    assert!(
        matches!(err, ProviderError::NotFound { .. }) && err.to_string().contains("cand-nope"),
        "{err}"
    );
}

#[tokio::test]
async fn a_stalled_answer_times_out() {
    let emu = emulator().await;
    let mut conn = emu.connection(SPOTT);
    conn.timeouts.response = Duration::from_millis(400);
    let client = providers::connect(&conn).unwrap();
    emu.faults()
        .inject("spott:GET:/candidates=delay:3000".parse::<Fault>().unwrap());
    let err = client.check_connection().await.unwrap_err();
    assert!(matches!(err, ProviderError::Timeout { .. }), "{err:?}");
}

#[tokio::test]
async fn a_file_changed_after_checking_is_not_sent() {
    let emu = emulator().await;
    let dir = tempfile::tempdir().unwrap();
    let client = providers::connect(&emu.connection(SPOTT)).unwrap();
    let path = write(dir.path(), "cv.pdf", &pdf_bytes(5000));
    let file = upload_file(&path, "application/pdf", "CV");
    std::fs::write(&path, pdf_bytes(6000)).unwrap();
    let candidate = emu.store().candidates(SPOTT)[206].id.clone();
    let err = client
        .upload(
            &UploadTarget {
                candidate_id: candidate.clone(),
                application_id: None,
            },
            &[file],
            no_progress(),
        )
        .await
        .unwrap_err();
    assert!(matches!(err, ProviderError::File { .. }), "{err:?}");
    assert!(
        err.to_string()
            .starts_with("cv.pdf could not be sent: it changed"),
        "{err}"
    );
    assert!(emu.store().attachments(SPOTT, Some(&candidate)).is_empty());
}

// ---- strictness: raw requests the client would never send ----

fn raw(emu: &atsdrop::emulator::Emulator) -> (reqwest::Client, String) {
    (sandbox::raw_client(), emu.base_url(SPOTT))
}

fn multipart_body(parts: &[(&str, &str, &str, &[u8])]) -> (String, Vec<u8>) {
    let boundary = "xBOUNDARYx";
    let mut body = Vec::new();
    for (field, file, ct, bytes) in parts {
        body.extend_from_slice(format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{field}\"; filename=\"{file}\"\r\nContent-Type: {ct}\r\n\r\n").as_bytes());
        body.extend_from_slice(bytes);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={boundary}"), body)
}

async fn status_and_body(r: reqwest::RequestBuilder) -> (u16, Value) {
    let resp = r.send().await.unwrap();
    let status = resp.status().as_u16();
    let body = resp.json::<Value>().await.unwrap_or(Value::Null);
    (status, body)
}

#[tokio::test]
async fn emulator_refuses_what_spott_would_refuse() {
    let emu = emulator().await;
    let (http, base) = raw(&emu);
    let key = ("x-api-key", SPOTT_API_KEY);
    let pdf = pdf_bytes(100);

    let (s, b) = status_and_body(http.get(format!("{base}/candidates"))).await;
    assert_eq!(s, 401);
    assert_eq!(b["statusCode"], 401, "NestJS envelope: {b}");
    let (s, _) = status_and_body(
        http.get(format!("{base}/candidates"))
            .header("api-key", SPOTT_API_KEY),
    )
    .await;
    assert_eq!(s, 401, "only x-api-key counts");

    let (s, _) = status_and_body(
        http.get(format!("{base}/candidates?limit=51"))
            .header(key.0, key.1),
    )
    .await;
    assert_eq!(s, 400);
    let (s, _) = status_and_body(
        http.get(format!("{base}/candidates?page_size=5"))
            .header(key.0, key.1),
    )
    .await;
    assert_eq!(s, 400, "unknown query parameter");
    let (s, _) = status_and_body(
        http.get(format!("{base}/candidates?cursor=bogus"))
            .header(key.0, key.1),
    )
    .await;
    assert_eq!(s, 400);

    let search = format!("{base}/candidates/_search");
    let (s, _) = status_and_body(
        http.post(&search)
            .header(key.0, key.1)
            .json(&json!({"query": "x"})),
    )
    .await;
    assert_eq!(s, 400, "wrong field name");
    let (s, _) = status_and_body(
        http.post(&search)
            .header(key.0, key.1)
            .json(&json!({"filters": [{"type": "email", "value": "x"}]})),
    )
    .await;
    assert_eq!(s, 400, "unknown filter type");

    let upload = format!("{base}/attachments/temporary?type=unassigned");
    let (ct, body) = multipart_body(&[("file", "cv.pdf", "application/pdf", &pdf)]);
    let (s, b) = status_and_body(
        http.post(&upload)
            .header(key.0, key.1)
            .header("content-type", ct)
            .body(body),
    )
    .await;
    assert_eq!(s, 400, "{b}");
    assert!(b["message"].as_str().unwrap().contains("files"));

    let (ct, body) = multipart_body(&[("files", "cv.pdf", "application/octet-stream", &pdf)]);
    let (s, _) = status_and_body(
        http.post(&upload)
            .header(key.0, key.1)
            .header("content-type", ct)
            .body(body),
    )
    .await;
    assert_eq!(s, 400, "octet-stream is not on the allow-list");

    let (ct, body) = multipart_body(&[("files", "notes.txt", "text/plain", b"hello")]);
    let (s, _) = status_and_body(
        http.post(&upload)
            .header(key.0, key.1)
            .header("content-type", ct)
            .body(body),
    )
    .await;
    assert_eq!(s, 400, "text/plain is not one of Spott's 13 types");

    let eleven: Vec<(&str, &str, &str, &[u8])> = (0..11)
        .map(|_| ("files", "cv.pdf", "application/pdf", pdf.as_slice()))
        .collect();
    let (ct, body) = multipart_body(&eleven);
    let (s, _) = status_and_body(
        http.post(&upload)
            .header(key.0, key.1)
            .header("content-type", ct)
            .body(body),
    )
    .await;
    assert_eq!(s, 400, "more than 10 files");

    let (ct, body) = multipart_body(&[("files", "cv.pdf", "application/pdf", &pdf)]);
    let (s, _) = status_and_body(
        http.post(format!("{base}/attachments/temporary?type=RESUME"))
            .header(key.0, key.1)
            .header("content-type", ct.clone())
            .body(body.clone()),
    )
    .await;
    assert_eq!(s, 400, "unknown type");
    let (s, _) = status_and_body(
        http.post(format!("{base}/attachments/temporary"))
            .header(key.0, key.1)
            .header("content-type", ct.clone())
            .body(body.clone()),
    )
    .await;
    assert_eq!(s, 400, "type is required");

    let chunked = reqwest::Body::wrap(http_body_util::StreamBody::new(futures_util::stream::iter(
        vec![Ok::<_, std::io::Error>(http_body::Frame::data(
            bytes::Bytes::from(body.clone()),
        ))],
    )));
    let (s, _) = status_and_body(
        http.post(&upload)
            .header(key.0, key.1)
            .header("content-type", ct.clone())
            .body(chunked),
    )
    .await;
    assert_eq!(s, 411, "chunked bodies need a Content-Length");

    let (s, b) = status_and_body(
        http.post(&upload)
            .header(key.0, key.1)
            .header("content-type", ct)
            .body(body),
    )
    .await;
    assert_eq!(s, 201, "{b}");
    let temp_id = b[0]["attachmentId"].as_str().unwrap().to_owned();
    assert_eq!(b[0]["size"], pdf.len());

    let assign = format!("{base}/attachments/temporary/assign");
    let candidate = emu.store().candidates(SPOTT)[0].id.clone();
    let (s, _) = status_and_body(
        http.post(&assign)
            .header(key.0, key.1)
            .json(&json!({"attachments": [{"id": temp_id, "type": "CV"}]})),
    )
    .await;
    assert_eq!(s, 400, "needs candidateId, companyId or vacancyId");
    let (s, _) =
        status_and_body(http.post(&assign).header(key.0, key.1).json(
            &json!({"attachments": [{"id": "nope", "type": "CV"}], "candidateId": candidate}),
        ))
        .await;
    assert_eq!(s, 404, "unknown temporary id");
    let (s, _) =
        status_and_body(http.post(&assign).header(key.0, key.1).json(
            &json!({"attachments": [{"id": temp_id, "type": "CV"}], "candidateId": "cand-x"}),
        ))
        .await;
    assert_eq!(s, 404, "unknown candidate");
    let (s, _) =
        status_and_body(http.post(&assign).header(key.0, key.1).json(
            &json!({"attachments": [{"id": temp_id, "kind": "CV"}], "candidateId": candidate}),
        ))
        .await;
    assert_eq!(s, 400, "wrong field name");
    let resp = http
        .post(&assign)
        .header(key.0, key.1)
        .json(&json!({"attachments": [{"id": temp_id, "type": "cv"}], "candidateId": candidate}))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status().as_u16(), 204);
    let (s, _) =
        status_and_body(http.post(&assign).header(key.0, key.1).json(
            &json!({"attachments": [{"id": temp_id, "type": "CV"}], "candidateId": candidate}),
        ))
        .await;
    assert_eq!(s, 404, "already assigned");
}

#[tokio::test]
async fn the_rate_limit_answers_429_with_retry_after() {
    let emu = emulator().await;
    let http = sandbox::raw_client();
    let url = format!(
        "{}/candidates/{}",
        emu.base_url(SPOTT),
        emu.store().candidates(SPOTT)[0].id
    );
    let mut limited = None;
    for _ in 0..1001 {
        let r = http
            .get(&url)
            .header("x-api-key", SPOTT_API_KEY)
            .send()
            .await
            .unwrap();
        if r.status().as_u16() == 429 {
            limited = r
                .headers()
                .get("retry-after")
                .map(|v| v.to_str().unwrap().to_owned());
            break;
        }
    }
    assert_eq!(
        limited.as_deref(),
        Some("60"),
        "the 1001st request in a minute is refused"
    );
}
