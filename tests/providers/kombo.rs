//! Kombo client ↔ emulator, and the emulator's strictness.

use std::collections::HashSet;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use atsdrop::emulator::credentials::{KOMBO_API_KEY, KOMBO_INTEGRATION_ID};
use atsdrop::emulator::seed::SeedCandidate;
use atsdrop::emulator::{Emulator, EmulatorConfig, Fault, RecordedRequest};
use atsdrop::model::profiles::DEFAULT_ALLOWED_MIME_TYPES;
use atsdrop::model::profiles::kombo::{
    CONCURRENCY_REMAINING_HEADER, MAX_JSON_BODY_BYTES, SANDBOX_RESTRICTED_INTEGRATION_ID,
};
use atsdrop::model::{MIB, ProviderId, Secret};
use atsdrop::providers::{
    self, AtsClient, Connection, ProviderError, UploadOutcome, UploadTarget, no_progress,
};
use base64::Engine as _;
use serde_json::{Value, json};

use crate::support::sandbox::{
    self, PNG_1X1, emulator, emulator_with, pdf_bytes, sha256_hex, upload_file, write,
};

const KOMBO: ProviderId = ProviderId::Kombo;

/// Many requests in one test: the concurrency cap has its own test.
async fn relaxed() -> Emulator {
    emulator_with(EmulatorConfig {
        rate_limits: false,
        ..Default::default()
    })
    .await
}

fn client(connection: &Connection) -> Arc<dyn AtsClient> {
    providers::connect(connection).unwrap()
}

fn restricted(emu: &Emulator) -> Connection {
    let mut connection = emu.connection(KOMBO);
    connection
        .ids
        .set("integration_id", SANDBOX_RESTRICTED_INTEGRATION_ID);
    connection
}

fn to_candidate(id: &str) -> UploadTarget {
    UploadTarget {
        candidate_id: id.to_owned(),
        application_id: None,
    }
}

fn seeds(emu: &Emulator) -> Vec<SeedCandidate> {
    emu.store().candidates(KOMBO).to_vec()
}

/// Query parameters of a recorded request, decoded.
fn query_of(r: &RecordedRequest) -> Vec<(String, String)> {
    url::form_urlencoded::parse(r.query.as_deref().unwrap_or("").as_bytes())
        .into_owned()
        .collect()
}

fn param(r: &RecordedRequest, name: &str) -> Option<String> {
    query_of(r)
        .into_iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v)
}

fn candidate_lists(emu: &Emulator) -> Vec<RecordedRequest> {
    emu.received()
        .into_iter()
        .filter(|r| r.method == "GET" && r.path == "/ats/candidates")
        .collect()
}

fn same(a: &str, b: &str) -> bool {
    a.to_lowercase() == b.to_lowercase()
}

#[tokio::test]
async fn connection_check_names_the_integration_and_refuses_bad_credentials() {
    let emu = emulator().await;
    let summary = client(&emu.connection(KOMBO))
        .check_connection()
        .await
        .unwrap();
    assert_eq!(
        summary,
        format!("Connected to Kombo integration {KOMBO_INTEGRATION_ID}.")
    );
    let received = emu.received();
    assert_eq!(received[0].path, "/check-api-key");
    assert_eq!(
        received[0].header("authorization"),
        Some(format!("Bearer {KOMBO_API_KEY}").as_str())
    );
    assert_eq!(received[0].header("x-integration-id"), None);
    assert_eq!(received[1].path, "/ats/candidates");
    assert_eq!(
        received[1].header("x-integration-id"),
        Some(KOMBO_INTEGRATION_ID)
    );

    let summary = client(&restricted(&emu)).check_connection().await.unwrap();
    assert!(
        summary.contains(SANDBOX_RESTRICTED_INTEGRATION_ID),
        "{summary}"
    );

    let mut bad = emu.connection(KOMBO);
    bad.secret = Secret::new("wrong");
    let err = client(&bad).check_connection().await.unwrap_err();
    assert!(matches!(err, ProviderError::Auth { .. }), "{err:?}");
    assert_eq!(
        err.to_string(),
        "Kombo did not accept the credentials (\u{201c}The API key is invalid\u{201d}): check the API key in the connection settings."
    );

    let mut unknown = emu.connection(KOMBO);
    unknown.ids.set("integration_id", "workday:nope");
    let err = client(&unknown).check_connection().await.unwrap_err();
    assert!(matches!(err, ProviderError::NotFound { .. }), "{err:?}");
    assert_eq!(
        err.to_string(),
        "Kombo could not find integration workday:nope (\u{201c}No integration with the ID \u{201c}workday:nope\u{201d} exists in this environment\u{201d}): check the id."
    );

    let mut elsewhere = emu.connection(KOMBO);
    elsewhere.base_url = format!("{}/v2", emu.base_url(KOMBO));
    let err = client(&elsewhere).check_connection().await.unwrap_err();
    assert!(matches!(err, ProviderError::Config(_)), "{err:?}");
    assert_eq!(
        err.to_string(),
        format!(
            "No Kombo API answered at {}/v2: check the base URL in the connection settings (like https://api.kombo.dev/v1).",
            emu.base_url(KOMBO)
        )
    );

    let mut missing = emu.connection(KOMBO);
    missing.ids.set("integration_id", "  ");
    let err = providers::connect(&missing).unwrap_err();
    assert!(matches!(err, ProviderError::Config(_)), "{err:?}");
    assert!(err.to_string().contains("integration id"), "{err}");
}

#[tokio::test]
async fn listing_follows_the_cursor_with_pages_of_at_most_250() {
    let emu = relaxed().await;
    let client = client(&emu.connection(KOMBO));
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
    assert_eq!(rest.next, None, "data.next null ends the list");
    let ids: Vec<String> = first
        .candidates
        .iter()
        .chain(&second.candidates)
        .chain(&rest.candidates)
        .map(|c| c.id.clone())
        .collect();
    let expected: Vec<String> = seeds(&emu).into_iter().map(|c| c.id).collect();
    assert_eq!(ids, expected, "every candidate once, in order");
    let sizes: Vec<String> = candidate_lists(&emu)
        .iter()
        .map(|r| param(r, "page_size").unwrap())
        .collect();
    assert_eq!(sizes, ["120", "120", "250"]);

    // 300 at once: a full page of 250, then only the 50 still wanted.
    let all = client.find_candidates("", None, 300).await.unwrap();
    assert_eq!(all.candidates.len(), 300);
    let lists = candidate_lists(&emu);
    let last_two: Vec<_> = lists[lists.len() - 2..]
        .iter()
        .map(|r| (param(r, "page_size").unwrap(), param(r, "cursor").is_some()))
        .collect();
    assert_eq!(
        last_two,
        [("250".to_owned(), false), ("50".to_owned(), true)]
    );
    assert_eq!(all.next, None, "the 50 were the last ones");
    let c = &all.candidates[7];
    let seed = &seeds(&emu)[7];
    assert_eq!(c.name, seed.full_name());
    assert_eq!(c.email.as_deref(), Some(seed.email.as_str()));
}

#[tokio::test]
async fn search_by_email_is_exact_and_ignores_case() {
    let emu = relaxed().await;
    let client = client(&emu.connection(KOMBO));
    let target = seeds(&emu)[42].clone();
    let found = client
        .find_candidates(&format!("  {}  ", target.email.to_uppercase()), None, 10)
        .await
        .unwrap();
    assert_eq!(found.candidates.len(), 1);
    assert_eq!(found.candidates[0].id, target.id);
    assert_eq!(found.next, None);
    let request = candidate_lists(&emu).pop().unwrap();
    assert_eq!(param(&request, "email"), Some(target.email.to_uppercase()));
    assert_eq!(param(&request, "first_name"), None);

    let none = client
        .find_candidates("@example.com", None, 10)
        .await
        .unwrap();
    assert!(none.candidates.is_empty(), "exact, not a substring");
}

#[tokio::test]
async fn search_by_one_word_tries_first_and_last_name() {
    let emu = relaxed().await;
    let client = client(&emu.connection(KOMBO));
    let all = seeds(&emu);
    let first_word = all[3].first_name.clone();
    let last_word = all
        .iter()
        .map(|c| c.last_name.clone())
        .find(|l| !l.contains(' '))
        .unwrap();

    for word in [first_word, last_word] {
        let expected: HashSet<String> = all
            .iter()
            .filter(|c| same(&c.first_name, &word) || same(&c.last_name, &word))
            .map(|c| c.id.clone())
            .collect();
        assert!(expected.len() > 3, "{word}: enough matches to page");
        let before = candidate_lists(&emu).len();
        // Lower case, three at a time: the cursor carries on across both lists.
        let mut seen = Vec::new();
        let mut cursor: Option<String> = None;
        for _ in 0..100 {
            let page = client
                .find_candidates(&word.to_lowercase(), cursor.as_deref(), 3)
                .await
                .unwrap();
            assert!(page.candidates.len() <= 3);
            seen.extend(page.candidates.into_iter().map(|c| c.id));
            cursor = page.next;
            if cursor.is_none() {
                break;
            }
        }
        assert!(cursor.is_none(), "{word}: the search ends");
        let unique: HashSet<String> = seen.iter().cloned().collect();
        assert_eq!(unique.len(), seen.len(), "{word}: no duplicates");
        assert_eq!(unique, expected, "{word}");
        let requests = &candidate_lists(&emu)[before..];
        assert!(
            requests
                .iter()
                .any(|r| param(r, "first_name") == Some(word.to_lowercase()))
        );
        assert!(
            requests
                .iter()
                .any(|r| param(r, "last_name") == Some(word.to_lowercase()))
        );
        assert!(
            requests
                .iter()
                .all(|r| param(r, "first_name").is_none() || param(r, "last_name").is_none()),
            "one filter at a time"
        );
    }

    let nobody = client.find_candidates("Zzyzx", None, 10).await.unwrap();
    assert!(nobody.candidates.is_empty() && nobody.next.is_none());
}

#[tokio::test]
async fn search_by_first_and_last_name_sends_both_filters() {
    let emu = relaxed().await;
    let client = client(&emu.connection(KOMBO));
    let target = seeds(&emu)
        .into_iter()
        .find(|c| c.last_name.split(' ').count() >= 3)
        .unwrap();
    let query = format!(
        " {}   {} ",
        target.first_name.to_uppercase(),
        target.last_name.to_lowercase().replace(' ', "  ")
    );
    let found = client.find_candidates(&query, None, 50).await.unwrap();
    assert!(found.candidates.iter().any(|c| c.id == target.id));
    assert!(
        found
            .candidates
            .iter()
            .all(|c| same(&c.name, &target.full_name())),
        "exact first and last name"
    );
    let request = candidate_lists(&emu).pop().unwrap();
    assert_eq!(
        param(&request, "first_name"),
        Some(target.first_name.to_uppercase())
    );
    assert_eq!(
        param(&request, "last_name"),
        Some(target.last_name.to_lowercase()),
        "the rest of the words, single-spaced"
    );
}

#[tokio::test]
async fn get_candidate_maps_email_phone_and_applications() {
    let emu = relaxed().await;
    let client = client(&emu.connection(KOMBO));
    let seed = seeds(&emu)
        .into_iter()
        .find(|c| c.applications.len() == 2)
        .unwrap();
    let candidate = client.get_candidate(&seed.id).await.unwrap();
    assert_eq!(candidate.id, seed.id);
    assert_eq!(candidate.name, seed.full_name());
    assert_eq!(candidate.email.as_deref(), Some(seed.email.as_str()));
    // From `phone_numbers[0].phone_number`.
    assert_eq!(candidate.phone.as_deref(), Some(seed.phone.as_str()));
    assert_eq!(
        candidate.remote_id.as_deref(),
        Some(seed.remote_id.as_str())
    );
    let apps: Vec<(String, Option<String>)> = candidate
        .applications
        .into_iter()
        .map(|a| (a.id, a.job_name))
        .collect();
    let expected: Vec<(String, Option<String>)> = seed
        .applications
        .iter()
        .map(|(id, job)| (id.clone(), Some(job.clone())))
        .collect();
    assert_eq!(apps, expected);
    let request = candidate_lists(&emu).pop().unwrap();
    assert_eq!(param(&request, "ids"), Some(seed.id.clone()));

    let err = client
        .get_candidate("NoSuchCandidate123456789")
        .await
        .unwrap_err();
    assert!(matches!(err, ProviderError::NotFound { .. }), "{err:?}");
    assert_eq!(
        err.to_string(),
        "Kombo could not find candidate NoSuchCandidate123456789: check the id."
    );
    let err = client
        .get_candidate(&format!("{},{}", seed.id, seed.id))
        .await
        .unwrap_err();
    assert!(matches!(err, ProviderError::NotFound { .. }), "{err:?}");
}

#[tokio::test]
async fn uploads_each_type_to_a_candidate_byte_exact() {
    let emu = relaxed().await;
    let dir = tempfile::tempdir().unwrap();
    let client = client(&emu.connection(KOMBO));
    let candidate = seeds(&emu)[100].id.clone();
    let files = [
        (
            "CV",
            "Zoë \"final\" CV.pdf",
            "application/pdf",
            pdf_bytes(4321),
        ),
        (
            "COVER_LETTER",
            "motivation\\letter.txt",
            "text/plain",
            "Dear team,\nI would love to join.\n"
                .repeat(50)
                .into_bytes(),
        ),
        ("OTHER", "photo.png", "image/png", PNG_1X1.to_vec()),
    ];
    for (kind, name, content_type, bytes) in &files {
        let path = write(dir.path(), &format!("{kind}.bin"), bytes);
        let mut file = upload_file(&path, content_type, kind);
        file.name = (*name).to_owned();
        let outcome = client
            .upload(&to_candidate(&candidate), &[file], no_progress())
            .await
            .unwrap();
        assert_eq!(
            outcome,
            [UploadOutcome::Stored {
                attachment_id: None
            }]
        );
        let stored = emu
            .store()
            .attachments(KOMBO, Some(&candidate))
            .into_iter()
            .find(|a| a.file_name == *name)
            .unwrap();
        assert_eq!(stored.sha256, sha256_hex(bytes), "{kind}");
        assert_eq!(stored.size, bytes.len() as u64);
        assert_eq!(stored.attachment_type, *kind);
        assert_eq!(stored.content_type, *content_type);
        assert_eq!(stored.application_id, None);
    }
    let uploads: Vec<_> = emu
        .received()
        .into_iter()
        .filter(|r| r.method == "POST")
        .collect();
    assert_eq!(uploads.len(), 3, "one request per file");
    for r in &uploads {
        assert_eq!(r.path, format!("/ats/candidates/{candidate}/attachments"));
        assert_eq!(r.header("content-type"), Some("application/json"));
        assert_eq!(r.header("x-integration-id"), Some(KOMBO_INTEGRATION_ID));
        assert!(r.header("content-length").is_some());
        assert_eq!(r.status, 200);
    }

    let listed = client.list_attachments(&candidate).await.unwrap();
    let mut kinds: Vec<_> = listed
        .iter()
        .map(|a| (a.attachment_type.clone().unwrap(), a.name.clone()))
        .collect();
    kinds.sort();
    assert_eq!(
        kinds,
        [
            (
                "COVER_LETTER".to_owned(),
                "motivation\\letter.txt".to_owned()
            ),
            ("CV".to_owned(), "Zoë \"final\" CV.pdf".to_owned()),
            ("OTHER".to_owned(), "photo.png".to_owned()),
        ]
    );
    assert!(listed.iter().all(|a| a.content_type.is_some()));
    let err = client
        .delete_attachments(&candidate, &[listed[0].id.clone()])
        .await
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "Deleting attachments is not supported by Kombo."
    );
    let err = client
        .list_attachments("NoSuchCandidate123456789")
        .await
        .unwrap_err();
    assert!(
        err.to_string()
            .starts_with("Kombo could not find candidate NoSuchCandidate123456789"),
        "{err}"
    );
}

#[tokio::test]
async fn uploads_each_type_to_an_application_byte_exact() {
    let emu = relaxed().await;
    let dir = tempfile::tempdir().unwrap();
    let client = client(&emu.connection(KOMBO));
    let owner = seeds(&emu)
        .into_iter()
        .skip(20)
        .find(|c| !c.applications.is_empty())
        .unwrap();
    let application = owner.applications[0].0.clone();
    let target = UploadTarget {
        candidate_id: owner.id.clone(),
        application_id: Some(application.clone()),
    };
    for (i, ty) in KOMBO.profile().types.iter().enumerate() {
        let bytes = pdf_bytes(1000 + i * 997);
        let path = write(dir.path(), &format!("{} {i}.pdf", ty.label), &bytes);
        // The client sends the canonical spelling.
        let file = upload_file(&path, "application/pdf", &ty.wire.to_lowercase());
        client
            .upload(&target, &[file], no_progress())
            .await
            .unwrap();
        let stored = emu
            .store()
            .attachments(KOMBO, Some(&owner.id))
            .into_iter()
            .find(|a| a.file_name == format!("{} {i}.pdf", ty.label))
            .unwrap();
        assert_eq!(stored.sha256, sha256_hex(&bytes));
        assert_eq!(stored.attachment_type, ty.wire);
        assert_eq!(stored.application_id.as_deref(), Some(application.as_str()));
    }
    assert!(
        emu.received()
            .iter()
            .filter(|r| r.method == "POST")
            .all(|r| r.path == format!("/ats/applications/{application}/attachments"))
    );
    // The candidate's list includes their applications' attachments.
    assert_eq!(client.list_attachments(&owner.id).await.unwrap().len(), 3);

    let path = write(dir.path(), "x.pdf", &pdf_bytes(500));
    let err = client
        .upload(
            &UploadTarget {
                candidate_id: owner.id.clone(),
                application_id: Some("NoSuchApplication1234567".into()),
            },
            &[upload_file(&path, "application/pdf", "CV")],
            no_progress(),
        )
        .await
        .unwrap_err();
    assert!(matches!(err, ProviderError::NotFound { .. }), "{err:?}");
    assert!(
        err.to_string()
            .starts_with("Kombo could not find application NoSuchApplication1234567"),
        "{err}"
    );
}

#[tokio::test]
async fn a_large_file_streams_as_base64_with_an_exact_content_length() {
    let emu = relaxed().await;
    let dir = tempfile::tempdir().unwrap();
    let client = client(&emu.connection(KOMBO));
    let candidate = seeds(&emu)[150].id.clone();
    let bytes = pdf_bytes(9 * 1000 * 1000 + 1);
    let path = write(dir.path(), "big.pdf", &bytes);
    let file = upload_file(&path, "application/pdf", "OTHER");
    let seen = Arc::new(Mutex::new(Vec::new()));
    let sink = Arc::clone(&seen);
    let progress: providers::ProgressFn = Arc::new(move |i, n| sink.lock().unwrap().push((i, n)));
    client
        .upload(&to_candidate(&candidate), &[file], progress)
        .await
        .unwrap();
    let stored = emu.store().attachments(KOMBO, Some(&candidate));
    assert_eq!(stored.len(), 1);
    assert_eq!(stored[0].sha256, sha256_hex(&bytes));
    assert_eq!(stored[0].size, bytes.len() as u64);

    let head = r#"{"attachment":{"name":"big.pdf","type":"OTHER","content_type":"application/pdf","data":""#;
    let expected = head.len() + bytes.len().div_ceil(3) * 4 + r#""}}"#.len();
    let upload = emu
        .received()
        .into_iter()
        .find(|r| r.method == "POST")
        .unwrap();
    assert_eq!(
        upload.header("content-length"),
        Some(expected.to_string().as_str())
    );
    assert_eq!(upload.header("transfer-encoding"), None);
    let seen = seen.lock().unwrap();
    assert!(seen.len() > 10, "progress per chunk: {}", seen.len());
    assert_eq!(seen.last(), Some(&(0, bytes.len() as u64)));
    assert!(seen.windows(2).all(|w| w[0].1 < w[1].1));
}

#[tokio::test]
async fn the_integrations_announce_their_restrictions() {
    let emu = relaxed().await;
    let open = client(&emu.connection(KOMBO)).limits().await.unwrap();
    assert_eq!(open.type_restrictions.len(), 3);
    for r in &open.type_restrictions {
        assert!(r.supported, "{}", r.wire);
        assert_eq!(r.max_file_bytes, Some(20 * MIB));
        let accepted: Vec<&str> = r
            .accepted_mime_types
            .as_ref()
            .unwrap()
            .iter()
            .map(String::as_str)
            .collect();
        assert_eq!(accepted, DEFAULT_ALLOWED_MIME_TYPES);
    }

    let client = client(&restricted(&emu));
    let limits = client.limits().await.unwrap();
    let summary: Vec<_> = limits
        .type_restrictions
        .iter()
        .map(|r| {
            (
                r.wire.as_str(),
                r.supported,
                r.max_file_bytes,
                r.accepted_mime_types.clone(),
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            ("CV", false, None, None),
            ("COVER_LETTER", false, None, None),
            (
                "OTHER",
                true,
                Some(10 * MIB),
                Some(vec![
                    "application/pdf".to_owned(),
                    "application/msword".to_owned()
                ])
            ),
        ]
    );
    assert_eq!(
        limits.max_file_bytes,
        KOMBO.profile().max_file_bytes,
        "the profile's guard stays"
    );
    assert!(
        emu.received()
            .iter()
            .any(|r| r.path == "/ats/actions/ats_add_candidate_attachment")
    );
}

#[tokio::test]
async fn the_restricted_integration_refuses_what_it_announced() {
    let emu = relaxed().await;
    let dir = tempfile::tempdir().unwrap();
    let client = client(&restricted(&emu));
    let candidate = seeds(&emu)[160].id.clone();
    let target = to_candidate(&candidate);
    let pdf = write(dir.path(), "cv.pdf", &pdf_bytes(3000));
    let input_invalid = |err: &ProviderError| match err {
        ProviderError::Rejected {
            status: 400,
            code: Some(code),
            message,
            ..
        } if code == "PLATFORM.INPUT_INVALID" => message.clone(),
        other => panic!("{other:?}"),
    };

    let err = client
        .upload(
            &target,
            &[upload_file(&pdf, "application/pdf", "CV")],
            no_progress(),
        )
        .await
        .unwrap_err();
    input_invalid(&err);
    assert_eq!(
        err.to_string(),
        "Kombo refused the request: This integration does not accept attachments of type CV; it accepts: OTHER"
    );
    let err = client
        .upload(
            &target,
            &[upload_file(&pdf, "application/pdf", "COVER_LETTER")],
            no_progress(),
        )
        .await
        .unwrap_err();
    assert!(input_invalid(&err).contains("type COVER_LETTER"), "{err}");

    let txt = write(dir.path(), "notes.txt", b"plain words");
    let err = client
        .upload(
            &target,
            &[upload_file(&txt, "text/plain", "OTHER")],
            no_progress(),
        )
        .await
        .unwrap_err();
    assert_eq!(
        input_invalid(&err),
        "This integration does not accept text/plain for type OTHER; accepted: application/pdf, application/msword"
    );

    let over = write(
        dir.path(),
        "over.pdf",
        &pdf_bytes(usize::try_from(10 * MIB).unwrap() + 1),
    );
    let err = client
        .upload(
            &target,
            &[upload_file(&over, "application/pdf", "OTHER")],
            no_progress(),
        )
        .await
        .unwrap_err();
    assert!(
        input_invalid(&err).contains("at most 10485760 bytes for type OTHER"),
        "{err}"
    );
    assert!(emu.store().attachments(KOMBO, Some(&candidate)).is_empty());

    let doc = write(dir.path(), "old.doc", &pdf_bytes(2048));
    for file in [
        upload_file(&pdf, "application/pdf", "OTHER"),
        upload_file(&doc, "application/msword", "OTHER"),
    ] {
        client
            .upload(&target, &[file], no_progress())
            .await
            .unwrap();
    }
    assert_eq!(emu.store().attachments(KOMBO, Some(&candidate)).len(), 2);

    let err = client.list_attachments(&candidate).await.unwrap_err();
    assert!(matches!(err, ProviderError::Forbidden { .. }), "{err:?}");
    assert_eq!(
        err.to_string(),
        "Kombo refused access (\u{201c}The scope config of this integration does not enable \u{201c}Read document attachments\u{201d}\u{201d}): ask your Kombo admin to give this API key the permission."
    );
}

#[tokio::test]
async fn errors_map_to_their_variants_and_sentences() {
    let emu = emulator().await;
    let dir = tempfile::tempdir().unwrap();
    let client = client(&emu.connection(KOMBO));
    let candidate = seeds(&emu)[170].id.clone();
    let target = to_candidate(&candidate);
    let pdf = write(dir.path(), "cv.pdf", &pdf_bytes(20_000));
    let file = upload_file(&pdf, "application/pdf", "CV");

    emu.faults().inject(
        "kombo:POST:/ats/candidates/*/attachments=429@7"
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
        "Kombo asked atsdrop to slow down; try again in 7 s."
    );

    emu.faults().inject(
        "kombo:POST:/ats/candidates/*/attachments=503"
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
    assert_eq!(
        err.to_string(),
        "Kombo had a problem on its side (HTTP 503) (\u{201c}Injected fault\u{201d}); try again in a moment."
    );

    emu.faults()
        .inject("kombo:GET:/ats/candidates=500".parse::<Fault>().unwrap());
    let err = client.find_candidates("", None, 5).await.unwrap_err();
    assert!(
        matches!(err, ProviderError::Server { status: 500, .. }),
        "{err:?}"
    );

    let err = client
        .upload(
            &to_candidate("NoSuchCandidate123456789"),
            std::slice::from_ref(&file),
            no_progress(),
        )
        .await
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "Kombo could not find candidate NoSuchCandidate123456789 (\u{201c}No candidate with the ID \u{201c}NoSuchCandidate123456789\u{201d} was found\u{201d}): check the id."
    );

    let err = client
        .upload(
            &target,
            &[upload_file(&pdf, "application/octet-stream", "CV")],
            no_progress(),
        )
        .await
        .unwrap_err();
    assert!(
        matches!(err, ProviderError::Rejected { status: 400, .. }),
        "{err:?}"
    );
    assert_eq!(
        err.to_string(),
        "Kombo refused the request: attachment.content_type must be the file's real type, not application/octet-stream"
    );
    assert!(emu.store().attachments(KOMBO, Some(&candidate)).is_empty());
}

#[tokio::test]
async fn an_oversized_body_and_a_wrong_key_map_to_too_large_and_auth() {
    let emu = emulator().await;
    let dir = tempfile::tempdir().unwrap();
    let client = client(&emu.connection(KOMBO));
    let candidate = seeds(&emu)[171].id.clone();
    let target = to_candidate(&candidate);
    let file = upload_file(
        &write(dir.path(), "cv.pdf", &pdf_bytes(20_000)),
        "application/pdf",
        "CV",
    );

    // Its base64 (4/3 of 23 MiB) is over the 30 MiB JSON body cap.
    let huge = write(
        dir.path(),
        "huge.pdf",
        &pdf_bytes(usize::try_from(23 * MIB).unwrap()),
    );
    let err = client
        .upload(
            &target,
            &[upload_file(&huge, "application/pdf", "OTHER")],
            no_progress(),
        )
        .await
        .unwrap_err();
    assert!(matches!(err, ProviderError::TooLarge { .. }), "{err:?}");
    assert_eq!(
        err.to_string(),
        format!(
            "Kombo says the file is too large (\u{201c}Request body exceeds {MAX_JSON_BODY_BYTES} bytes\u{201d}): compress or split it."
        )
    );

    let mut bad = emu.connection(KOMBO);
    bad.secret = Secret::new("old-key");
    let err = providers::connect(&bad)
        .unwrap()
        .upload(&target, std::slice::from_ref(&file), no_progress())
        .await
        .unwrap_err();
    assert!(err.is_auth(), "{err:?}");
    assert!(
        emu.store().attachments(KOMBO, Some(&candidate)).is_empty(),
        "nothing was stored"
    );
}

// ---- the concurrency cap ----

/// A JSON upload whose body stops half-way until `release` says go: it holds one of the
/// integration's action slots meanwhile. Sent with its exact `Content-Length`.
fn stalled_upload(
    http: &reqwest::Client,
    url: &str,
    name: &str,
    release: &tokio::sync::watch::Receiver<bool>,
) -> tokio::task::JoinHandle<u16> {
    let data = base64::engine::general_purpose::STANDARD.encode(pdf_bytes(3000));
    let (first, rest) = data.split_at(data.len() / 2);
    let first = format!(
        r#"{{"attachment":{{"name":"{name}","type":"OTHER","content_type":"application/pdf","data":"{first}"#
    );
    let rest = format!(r#"{rest}"}}}}"#);
    let length = first.len() + rest.len();
    let state = (Some(first), Some(rest), release.clone());
    let stream = futures_util::stream::unfold(state, |(first, rest, mut release)| async move {
        if let Some(first) = first {
            let frame = http_body::Frame::data(bytes::Bytes::from(first));
            return Some((Ok::<_, std::io::Error>(frame), (None, rest, release)));
        }
        let rest = rest?;
        let _ = release.wait_for(|go| *go).await;
        let frame = http_body::Frame::data(bytes::Bytes::from(rest));
        Some((Ok(frame), (None, None, release)))
    });
    let request = http
        .post(url)
        .bearer_auth(KOMBO_API_KEY)
        .header("X-Integration-Id", KOMBO_INTEGRATION_ID)
        .header("content-type", "application/json")
        .header("content-length", length)
        .body(reqwest::Body::wrap(http_body_util::StreamBody::new(stream)));
    tokio::spawn(async move { request.send().await.map_or(0, |r| r.status().as_u16()) })
}

/// `Concurrency-Remaining` as a model read (which takes no slot) reports it.
async fn remaining(http: &reqwest::Client, base: &str) -> Option<u32> {
    let response = http
        .get(format!("{base}/ats/candidates?page_size=1"))
        .bearer_auth(KOMBO_API_KEY)
        .header("X-Integration-Id", KOMBO_INTEGRATION_ID)
        .send()
        .await
        .ok()?;
    response
        .headers()
        .get(CONCURRENCY_REMAINING_HEADER)?
        .to_str()
        .ok()?
        .parse()
        .ok()
}

async fn wait_for_remaining(http: &reqwest::Client, base: &str, want: u32) {
    let deadline = tokio::time::Instant::now() + Duration::from_secs(10);
    loop {
        let now = remaining(http, base).await;
        if now == Some(want) {
            return;
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "Concurrency-Remaining stayed at {now:?}, expected {want}"
        );
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
}

#[tokio::test]
async fn more_than_30_actions_in_flight_are_answered_with_429() {
    let emu = emulator().await;
    let http = sandbox::raw_client();
    let base = emu.base_url(KOMBO);
    let candidate = seeds(&emu)[180].id.clone();
    let url = format!("{base}/ats/candidates/{candidate}/attachments");
    wait_for_remaining(&http, &base, 30).await;

    let (go, release) = tokio::sync::watch::channel(false);
    let held: Vec<_> = (0..30)
        .map(|i| stalled_upload(&http, &url, &format!("slow-{i}.pdf"), &release))
        .collect();
    // Every stalled upload is inside the handler, holding its slot.
    wait_for_remaining(&http, &base, 0).await;

    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "one-more.pdf", &pdf_bytes(2000));
    let err = client(&emu.connection(KOMBO))
        .upload(
            &to_candidate(&candidate),
            &[upload_file(&path, "application/pdf", "CV")],
            no_progress(),
        )
        .await
        .unwrap_err();
    assert!(matches!(err, ProviderError::RateLimited { .. }), "{err:?}");
    assert_eq!(err.retry_after(), Some(Duration::from_secs(1)));
    assert_eq!(
        err.to_string(),
        "Kombo asked atsdrop to slow down; try again in 1 s."
    );

    // The raw answer: envelope, Retry-After and Concurrency-Remaining.
    let response = http
        .get(&url)
        .bearer_auth(KOMBO_API_KEY)
        .header("X-Integration-Id", KOMBO_INTEGRATION_ID)
        .send()
        .await
        .unwrap();
    assert_eq!(
        response.status().as_u16(),
        429,
        "reading attachments is an action too"
    );
    assert_eq!(response.headers()["retry-after"], "1");
    assert_eq!(response.headers()[CONCURRENCY_REMAINING_HEADER], "0");
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["status"], "error");
    assert_eq!(body["error"]["code"], "PLATFORM.CONCURRENCY_LIMIT_EXCEEDED");

    // Another integration has its own 30 slots.
    let other = upload_file(&path, "application/pdf", "OTHER");
    client(&restricted(&emu))
        .upload(&to_candidate(&candidate), &[other], no_progress())
        .await
        .unwrap();

    go.send(true).unwrap();
    for handle in held {
        assert_eq!(handle.await.unwrap(), 200);
    }
    assert_eq!(emu.store().attachments(KOMBO, Some(&candidate)).len(), 31);
    wait_for_remaining(&http, &base, 30).await;
}

// ---- strictness: raw requests the client would never send ----

struct Raw {
    http: reqwest::Client,
    base: String,
}

impl Raw {
    fn new(emu: &Emulator) -> Self {
        Self {
            http: sandbox::raw_client(),
            base: emu.base_url(KOMBO),
        }
    }

    /// A request with the demo key and integration.
    fn ats(&self, method: reqwest::Method, path: &str) -> reqwest::RequestBuilder {
        self.http
            .request(method, format!("{}{path}", self.base))
            .bearer_auth(KOMBO_API_KEY)
            .header("X-Integration-Id", KOMBO_INTEGRATION_ID)
    }

    fn get(&self, path: &str) -> reqwest::RequestBuilder {
        self.ats(reqwest::Method::GET, path)
    }

    fn post_json(&self, path: &str, body: &Value) -> reqwest::RequestBuilder {
        self.ats(reqwest::Method::POST, path)
            .header("content-type", "application/json")
            .body(body.to_string())
    }
}

async fn status_and_body(r: reqwest::RequestBuilder) -> (u16, Value) {
    let resp = r.send().await.unwrap();
    let status = resp.status().as_u16();
    let body = resp.json::<Value>().await.unwrap_or(Value::Null);
    (status, body)
}

/// Asserts a Kombo error envelope with this status and code (`None`: `code: null`).
async fn refused(r: reqwest::RequestBuilder, status: u16, code: Option<&str>) -> String {
    let (s, b) = status_and_body(r).await;
    assert_eq!(s, status, "{b}");
    assert_eq!(b["status"], "error", "{b}");
    assert_eq!(
        b["error"]["code"],
        code.map_or(Value::Null, |c| json!(c)),
        "{b}"
    );
    assert!(b["error"].get("log_url").is_some(), "{b}");
    b["error"]["message"].as_str().unwrap().to_owned()
}

#[tokio::test]
async fn emulator_checks_the_key_and_the_integration() {
    let emu = relaxed().await;
    let raw = Raw::new(&emu);
    let auth = Some("PLATFORM.AUTHENTICATION_INVALID");
    let check = format!("{}/check-api-key", raw.base);

    let message = refused(raw.http.get(&check), 401, auth).await;
    assert!(message.contains("Authorization"), "{message}");
    refused(
        raw.http
            .get(&check)
            .header("authorization", format!("Basic {KOMBO_API_KEY}")),
        401,
        auth,
    )
    .await;
    refused(raw.http.get(&check).bearer_auth("wrong"), 401, auth).await;
    refused(
        raw.http.get(&check).header("x-api-key", KOMBO_API_KEY),
        401,
        auth,
    )
    .await;
    let (s, b) = status_and_body(raw.http.get(&check).bearer_auth(KOMBO_API_KEY)).await;
    assert_eq!(s, 200, "no integration needed: {b}");
    assert_eq!(b["status"], "success");
    assert!(b["data"]["environment_id"].is_string());

    let list = format!("{}/ats/candidates", raw.base);
    let not_found = Some("PLATFORM.INTEGRATION_NOT_FOUND");
    refused(raw.http.get(&list), 401, auth).await;
    let message = refused(
        raw.http.get(&list).bearer_auth(KOMBO_API_KEY),
        404,
        not_found,
    )
    .await;
    assert!(message.contains("X-Integration-Id"), "{message}");
    refused(
        raw.http
            .get(&list)
            .bearer_auth(KOMBO_API_KEY)
            .header("X-Integration-Id", "workday:unknown"),
        404,
        not_found,
    )
    .await;
    let (s, _) = status_and_body(raw.get("/ats/candidates")).await;
    assert_eq!(s, 200);

    refused(raw.get("/ats/nothing-here"), 404, None).await;
    refused(
        raw.ats(
            reqwest::Method::DELETE,
            &format!("/ats/candidates/{}/attachments", seeds(&emu)[0].id),
        ),
        405,
        None,
    )
    .await;
    let message = refused(raw.get("/ats/actions/ats_create_candidate"), 404, None).await;
    assert!(message.contains("not emulated"), "{message}");
}

#[tokio::test]
async fn emulator_pages_and_filters_like_kombo() {
    let emu = relaxed().await;
    let raw = Raw::new(&emu);
    let invalid = Some("PLATFORM.INPUT_INVALID");
    let all = seeds(&emu);

    for bad in ["page_size=0", "page_size=251", "page_size=ten", "limit=5"] {
        refused(raw.get(&format!("/ats/candidates?{bad}")), 400, invalid).await;
    }
    refused(raw.get("/ats/candidates?cursor=bogus"), 400, invalid).await;
    refused(raw.get("/ats/candidates?include_deleted=yes"), 400, invalid).await;
    refused(
        raw.get("/ats/candidates?updated_after=yesterday"),
        400,
        invalid,
    )
    .await;

    let (s, b) = status_and_body(raw.get("/ats/candidates")).await;
    assert_eq!(s, 200);
    assert_eq!(
        b["data"]["results"].as_array().unwrap().len(),
        100,
        "default page"
    );
    let (_, b) = status_and_body(raw.get("/ats/candidates?page_size=250")).await;
    assert_eq!(b["data"]["results"].as_array().unwrap().len(), 250);
    let next = b["data"]["next"].as_str().unwrap().to_owned();
    let (_, b) = status_and_body(
        raw.get("/ats/candidates")
            .query(&[("page_size", "250"), ("cursor", next.as_str())]),
    )
    .await;
    assert_eq!(b["data"]["results"].as_array().unwrap().len(), 50);
    assert_eq!(b["data"]["next"], Value::Null);
    let first = &b["data"]["results"][0];
    assert_eq!(first["id"], json!(all[250].id));
    assert_eq!(
        first["email_addresses"][0]["email_address"],
        json!(all[250].email)
    );

    let count = |b: &Value| b["data"]["results"].as_array().unwrap().len();
    let (_, b) = status_and_body(
        raw.get("/ats/candidates")
            .query(&[("ids", format!("{},{}", all[1].id, all[2].id))]),
    )
    .await;
    assert_eq!(count(&b), 2);
    let (_, b) = status_and_body(raw.get("/ats/candidates").query(&[(
        "first_name",
        all[1].first_name.chars().take(2).collect::<String>(),
    )]))
    .await;
    assert_eq!(count(&b), 0, "first_name is exact");
    let (_, b) = status_and_body(raw.get("/ats/candidates").query(&[
        ("first_name", all[1].first_name.to_uppercase()),
        ("last_name", all[1].last_name.to_lowercase()),
    ]))
    .await;
    assert!(count(&b) >= 1);
    assert!(
        b["data"]["results"]
            .as_array()
            .unwrap()
            .iter()
            .all(|c| c["last_name"] == json!(all[1].last_name)),
        "filters are AND-ed"
    );

    // Applications: enough to pick one; the same cursor rules.
    let (s, b) = status_and_body(raw.get("/ats/applications?page_size=5")).await;
    assert_eq!(s, 200);
    assert_eq!(count(&b), 5);
    let app = &b["data"]["results"][0];
    let owner = all
        .iter()
        .find(|c| c.applications.iter().any(|(id, _)| json!(id) == app["id"]))
        .unwrap();
    assert_eq!(app["candidate_id"], json!(owner.id));
    assert!(app["job"]["name"].is_string());
    refused(raw.get("/ats/applications?page_size=300"), 400, invalid).await;
}

fn attachment(data: &[u8]) -> Value {
    json!({
        "name": "Frank Doe CV.pdf",
        "type": "CV",
        "content_type": "application/pdf",
        "data": base64::engine::general_purpose::STANDARD.encode(data),
    })
}

fn upload_path(emu: &Emulator, seed: usize) -> (String, String) {
    let candidate = seeds(emu)[seed].id.clone();
    let path = format!("/ats/candidates/{candidate}/attachments");
    (candidate, path)
}

#[tokio::test]
async fn emulator_refuses_badly_framed_upload_bodies() {
    let emu = relaxed().await;
    let raw = Raw::new(&emu);
    let invalid = Some("PLATFORM.INPUT_INVALID");
    let (candidate, path) = upload_path(&emu, 190);
    let body = json!({ "attachment": attachment(&pdf_bytes(600)) }).to_string();
    let post = || {
        raw.ats(reqwest::Method::POST, &path)
            .header("content-type", "application/json")
    };

    refused(
        raw.ats(reqwest::Method::POST, &path)
            .header("content-type", "text/plain")
            .body(body.clone()),
        415,
        invalid,
    )
    .await;
    refused(post().body("{\"attachment\":"), 400, invalid).await;
    let chunked = reqwest::Body::wrap(http_body_util::StreamBody::new(futures_util::stream::iter(
        vec![Ok::<_, std::io::Error>(http_body::Frame::data(
            bytes::Bytes::from(body.clone()),
        ))],
    )));
    refused(post().body(chunked), 411, None).await;
    let mut oversized =
        br#"{"attachment":{"name":"a.pdf","type":"CV","content_type":"application/pdf","data":""#
            .to_vec();
    oversized.resize(usize::try_from(MAX_JSON_BODY_BYTES).unwrap() + 10, b'A');
    oversized.extend_from_slice(br#""}}"#);
    let message = refused(post().body(oversized), 413, invalid).await;
    assert!(message.contains("exceeds"), "{message}");
    assert!(emu.store().attachments(KOMBO, Some(&candidate)).is_empty());
    let (s, _) = status_and_body(post().body(body)).await;
    assert_eq!(s, 200, "the same body, framed right");
}

#[tokio::test]
async fn emulator_refuses_upload_fields_outside_the_schema() {
    let emu = relaxed().await;
    let raw = Raw::new(&emu);
    let (candidate, path) = upload_path(&emu, 191);
    let pdf = pdf_bytes(600);
    let good = attachment(&pdf);
    let with = |field: &str, value: Value| {
        let mut a = good.clone();
        if value.is_null() {
            a.as_object_mut().unwrap().remove(field);
        } else {
            a[field] = value;
        }
        json!({ "attachment": a })
    };
    let data_uri = format!(
        "data:application/pdf;base64,{}",
        base64::engine::general_purpose::STANDARD.encode(&pdf)
    );
    let url_safe = base64::engine::general_purpose::URL_SAFE.encode([0xfb_u8, 0xff, 0xfe]);
    let cases: Vec<(Value, &str)> = vec![
        (json!({}), "attachment is required"),
        (
            json!({ "candidate_id": candidate, "attachment": good }),
            "unknown field `candidate_id`",
        ),
        (with("filename", json!("x.pdf")), "unknown field `filename`"),
        (with("name", Value::Null), "attachment.name is required"),
        (with("name", json!("   ")), "attachment.name is required"),
        (with("type", Value::Null), "attachment.type is required"),
        (
            with("type", json!("cv")),
            "must be one of CV, COVER_LETTER, OTHER",
        ),
        (with("type", json!("RESUME")), "must be one of"),
        (
            with("data_url", json!("https://files.example.com/cv.pdf")),
            "not both",
        ),
        (with("data", Value::Null), "either attachment.data"),
        (
            json!({ "attachment": {
                "name": "cv.pdf", "type": "CV", "data_url": "https://files.example.com/cv.pdf"
            } }),
            "cannot be downloaded by the sandbox",
        ),
        (
            with("content_type", Value::Null),
            "content_type is required",
        ),
        (with("content_type", json!("pdf")), "must match"),
        (
            with("content_type", json!("application/pdf; charset=binary")),
            "must match",
        ),
        (
            with("content_type", json!("application/octet-stream")),
            "not application/octet-stream",
        ),
        (with("data", json!(data_uri)), "without a data: URI prefix"),
        (with("data", json!("abc")), "not valid base64"),
        (with("data", json!("@@@@")), "not valid base64"),
        (with("data", json!(url_safe)), "not valid base64"),
        (with("data", json!("")), "is empty"),
        (
            json!({ "attachment": good, "remote_fields": { "greenhouse": "x" } }),
            "remote_fields.greenhouse must be an object",
        ),
        (
            with("content_type", json!("image/gif")),
            "does not accept image/gif",
        ),
    ];
    for (body, expected) in cases {
        let message = refused(
            raw.post_json(&path, &body),
            400,
            Some("PLATFORM.INPUT_INVALID"),
        )
        .await;
        assert!(
            message.contains(expected),
            "{body}: {message:?} should mention {expected:?}"
        );
    }
    assert!(
        emu.store().attachments(KOMBO, Some(&candidate)).is_empty(),
        "nothing refused was stored"
    );
}

#[tokio::test]
async fn emulator_answers_like_kombo_for_good_bodies_and_unknown_targets() {
    let emu = relaxed().await;
    let raw = Raw::new(&emu);
    let (candidate, path) = upload_path(&emu, 192);
    let pdf = pdf_bytes(600);
    let good = attachment(&pdf);

    // Unknown targets: 404 with `code: null`.
    for (method, target) in [
        (
            reqwest::Method::POST,
            "/ats/candidates/NoSuchCandidate123456789/attachments",
        ),
        (
            reqwest::Method::POST,
            "/ats/applications/NoSuchApplication1234567/attachments",
        ),
        (
            reqwest::Method::GET,
            "/ats/applications/NoSuchApplication1234567/attachments",
        ),
        (
            reqwest::Method::GET,
            "/ats/candidates/NoSuchCandidate123456789/attachments",
        ),
    ] {
        let request = raw
            .ats(method, target)
            .header("content-type", "application/json")
            .body(json!({ "attachment": good }).to_string());
        let message = refused(request, 404, None).await;
        assert!(message.contains("NoSuch"), "{message}");
    }

    let (s, b) = status_and_body(raw.post_json(
        &path,
        &json!({
            "attachment": good,
            "remote_fields": { "greenhouse": { "post_headers": { "On-Behalf-Of": null } } }
        }),
    ))
    .await;
    assert_eq!(s, 200, "{b}");
    assert_eq!(
        b,
        json!({ "status": "success", "data": {}, "warnings": [] })
    );
    let mut nameless = good.clone();
    nameless["name"] = json!("Frank Doe CV");
    let (s, b) = status_and_body(raw.post_json(&path, &json!({ "attachment": nameless }))).await;
    assert_eq!(s, 200, "{b}");
    assert!(
        b["warnings"][0]["message"]
            .as_str()
            .unwrap()
            .contains("no file extension"),
        "{b}"
    );
    let stored = emu.store().attachments(KOMBO, Some(&candidate));
    assert_eq!(stored.len(), 2);
    assert!(stored.iter().all(|a| a.sha256 == sha256_hex(&pdf)));
}

#[tokio::test]
async fn emulator_lists_attachments_per_application_within_the_scope() {
    let emu = relaxed().await;
    let raw = Raw::new(&emu);
    let good = attachment(&pdf_bytes(600));
    let owner = seeds(&emu)
        .into_iter()
        .skip(30)
        .find(|c| c.applications.len() == 2)
        .unwrap();
    let (first_app, second_app) = (&owner.applications[0].0, &owner.applications[1].0);
    let (s, _) = status_and_body(raw.post_json(
        &format!("/ats/applications/{first_app}/attachments"),
        &json!({ "attachment": good }),
    ))
    .await;
    assert_eq!(s, 200);
    let (_, b) =
        status_and_body(raw.get(&format!("/ats/applications/{first_app}/attachments"))).await;
    let results = b["data"]["results"].as_array().unwrap();
    assert_eq!(results.len(), 1);
    assert_eq!(results[0]["application_id"], json!(first_app));
    assert_eq!(results[0]["candidate_id"], json!(owner.id));
    assert_eq!(results[0]["file_name"], "Frank Doe CV.pdf");
    assert_eq!(results[0]["type"], "CV");
    let (_, b) =
        status_and_body(raw.get(&format!("/ats/applications/{second_app}/attachments"))).await;
    assert_eq!(b["data"]["results"], json!([]));
    let (_, b) =
        status_and_body(raw.get(&format!("/ats/candidates/{}/attachments", owner.id))).await;
    assert_eq!(b["data"]["results"].as_array().unwrap().len(), 1);

    // The restricted integration's scope lacks "Read document attachments".
    let as_restricted = |path: String| {
        raw.http
            .get(format!("{}{path}", raw.base))
            .bearer_auth(KOMBO_API_KEY)
            .header("X-Integration-Id", SANDBOX_RESTRICTED_INTEGRATION_ID)
    };
    refused(
        as_restricted(format!("/ats/candidates/{}/attachments", owner.id)),
        403,
        Some("INTEGRATION.PERMISSION_MISSING"),
    )
    .await;
    let (s, b) = status_and_body(as_restricted(
        "/ats/actions/ats_add_application_attachment".to_owned(),
    ))
    .await;
    assert_eq!(s, 200);
    assert_eq!(
        b["data"]["attachment_restrictions"]["types"]["CV"],
        json!({ "is_supported": false })
    );
}
