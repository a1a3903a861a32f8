//! Onderwijsregio client ↔ emulator: cursor pages, `find` by e-mail and phone, the local name
//! scan, asynchronous attachment mutations (202 first, applied later), idempotent replay, and
//! the emulator's strictness.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use atsdrop::emulator::credentials::ONDERWIJSREGIO_API_KEY;
use atsdrop::emulator::{Emulator, EmulatorConfig, Fault, StoredAttachment};
use atsdrop::model::{ProviderId, Secret};
use atsdrop::providers::{
    self, AtsClient, ProviderError, UploadFile, UploadOutcome, UploadTarget, no_progress,
};
use base64::Engine as _;
use serde_json::{Value, json};

use crate::support::sandbox::{
    self, PNG_1X1, emulator, emulator_with, pdf_bytes, sha256_hex, upload_file, write,
};

const OWR: ProviderId = ProviderId::Onderwijsregio;
const CV: &str = "curriculumVitae";
const OTHER: &str = "otherAttachments";
/// Seeded candidates from this index on have no attachments.
const BARE: usize = 10;

fn client(emu: &Emulator) -> Arc<dyn AtsClient> {
    providers::connect(&emu.connection(OWR)).unwrap()
}

fn target(candidate_id: &str) -> UploadTarget {
    UploadTarget {
        candidate_id: candidate_id.to_owned(),
        application_id: None,
    }
}

/// An emulator without the GET rate limit, applying mutations after `delay`.
async fn quiet(delay: Duration) -> Emulator {
    emulator_with(EmulatorConfig {
        rate_limits: false,
        mutation_delay: delay,
        ..Default::default()
    })
    .await
}

/// Polls the store until `done` holds for the candidate's attachments, up to 10 s.
async fn attachments_when(
    emu: &Emulator,
    candidate: &str,
    done: impl Fn(&[StoredAttachment]) -> bool,
) -> Vec<StoredAttachment> {
    let deadline = tokio::time::Instant::now() + Duration::from_secs(10);
    loop {
        let now = emu.store().attachments(OWR, Some(candidate));
        if done(&now) {
            return now;
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "the mutation was not applied in time: {now:?}"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

fn posts(emu: &Emulator) -> Vec<atsdrop::emulator::RecordedRequest> {
    emu.received()
        .into_iter()
        .filter(|r| r.method == "POST" && r.path.ends_with("/attachments"))
        .collect()
}

#[tokio::test]
async fn connection_check_accepts_the_key_and_refuses_a_wrong_one() {
    let emu = emulator().await;
    assert_eq!(
        client(&emu).check_connection().await.unwrap(),
        "Connected to Onderwijsregio."
    );
    let sent = emu.received();
    assert_eq!(
        sent[0].header("x-api-key"),
        Some(ONDERWIJSREGIO_API_KEY),
        "the key travels in x-api-key"
    );

    let mut bad = emu.connection(OWR);
    bad.secret = Secret::new("wrong");
    let err = providers::connect(&bad)
        .unwrap()
        .check_connection()
        .await
        .unwrap_err();
    assert!(matches!(err, ProviderError::Auth { .. }), "{err:?}");
    assert_eq!(
        err.to_string(),
        "Onderwijsregio did not accept the credentials (\u{201c}Invalid API key\u{201d}): check the API key in the connection settings."
    );

    let mut blank = emu.connection(OWR);
    blank.secret = Secret::new("  ");
    let err = providers::connect(&blank).unwrap_err();
    assert!(err.to_string().contains("needs the API key"), "{err}");

    let mut sandboxed = emu.connection(OWR);
    sandboxed.base_url = format!("{}/sandbox", emu.base_url(OWR));
    assert_eq!(
        providers::connect(&sandboxed)
            .unwrap()
            .check_connection()
            .await
            .unwrap(),
        "Connected to Onderwijsregio (sandbox)."
    );
}

#[tokio::test]
async fn listing_follows_the_cursor_across_pages_of_at_most_100() {
    let emu = emulator().await;
    let client = client(&emu);
    let first = client.find_candidates("", None, 250).await.unwrap();
    assert_eq!(first.candidates.len(), 250);
    let cursor = first.next.clone().expect("more pages");
    let rest = client
        .find_candidates("", Some(&cursor), 1000)
        .await
        .unwrap();
    assert_eq!(rest.candidates.len(), 50);
    assert_eq!(rest.next, None, "meta.cursor null ends the listing");

    let mut ids: Vec<_> = first
        .candidates
        .iter()
        .chain(&rest.candidates)
        .map(|c| c.id.clone())
        .collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), 300, "pages neither overlap nor skip");

    let seeded = &emu.store().candidates(OWR)[0];
    let c = &first.candidates[0];
    assert_eq!(
        (c.id.as_str(), c.name.clone(), c.email.as_deref()),
        (
            seeded.id.as_str(),
            seeded.full_name(),
            Some(seeded.email.as_str())
        )
    );

    let lists: Vec<_> = emu
        .received()
        .into_iter()
        .filter(|r| r.path == "/candidates")
        .collect();
    assert_eq!(
        lists.len(),
        3 + 1,
        "100 + 100 + 50, then 100 (of which 50 exist)"
    );
    for r in &lists {
        let query = r.query.as_deref().unwrap_or("");
        let size: usize = query
            .split('&')
            .find_map(|p| p.strip_prefix("pageSize="))
            .and_then(|v| v.parse().ok())
            .unwrap_or(0);
        assert!((1..=100).contains(&size), "{query}");
    }
}

#[tokio::test]
async fn find_by_email_ignores_case_and_by_phone_ignores_punctuation() {
    let emu = emulator().await;
    let client = client(&emu);
    let person = emu.store().candidates(OWR)[42].clone();

    let found = client
        .find_candidates(&format!("  {}  ", person.email.to_uppercase()), None, 10)
        .await
        .unwrap();
    assert_eq!(found.candidates.len(), 1);
    assert_eq!(found.candidates[0].id, person.id);
    assert_eq!(found.next, None);

    // "+31 6 12345678" typed as "+31-6-1234 5678".
    let digits: String = person.phone.chars().filter(char::is_ascii_digit).collect();
    let typed = format!(
        "+{}-{}-{} {}",
        &digits[..2],
        &digits[2..3],
        &digits[3..7],
        &digits[7..]
    );
    let found = client.find_candidates(&typed, None, 10).await.unwrap();
    assert_eq!(
        found.candidates.iter().map(|c| &c.id).collect::<Vec<_>>(),
        vec![&person.id]
    );

    let none = client
        .find_candidates("nobody@example.com", None, 10)
        .await
        .unwrap();
    assert!(none.candidates.is_empty() && none.next.is_none());

    let finds: Vec<_> = emu
        .received()
        .into_iter()
        .filter(|r| r.path == "/candidates/find")
        .map(|r| r.query.unwrap_or_default())
        .collect();
    assert_eq!(finds.len(), 3);
    assert!(finds[0].starts_with("email="), "{finds:?}");
    assert!(finds[1].starts_with("phone="), "{finds:?}");
}

#[tokio::test]
async fn other_text_scans_the_list_by_name_and_continues_with_the_cursor() {
    let emu = quiet(Duration::from_millis(50)).await;
    let client = client(&emu);
    let all = emu.store().candidates(OWR).to_vec();
    // A last name several people share, typed without its accent and in lower case.
    let typed = "muller";
    let expected: Vec<String> = all
        .iter()
        .filter(|c| c.last_name == "Müller")
        .map(|c| c.id.clone())
        .collect();
    assert!(expected.len() > 2, "the seed has several Müllers");

    let first = client.find_candidates(typed, None, 2).await.unwrap();
    assert_eq!(first.candidates.len(), 2);
    let next = first.next.clone().expect("more matches further on");
    let rest = client
        .find_candidates(typed, Some(&next), 1000)
        .await
        .unwrap();
    assert_eq!(rest.next, None);
    let got: Vec<String> = first
        .candidates
        .iter()
        .chain(&rest.candidates)
        .map(|c| c.id.clone())
        .collect();
    assert_eq!(got, expected, "every match once, in list order");
    assert!(
        emu.received()
            .iter()
            .all(|r| r.path == "/candidates" && r.method == "GET"),
        "the fallback only pages the list"
    );

    let person = all.iter().find(|c| c.last_name == "Müller").unwrap();
    let both = client
        .find_candidates(&person.full_name().to_uppercase(), None, 50)
        .await
        .unwrap();
    assert!(both.candidates.iter().any(|c| c.id == person.id));
    assert!(
        both.candidates
            .iter()
            .all(|c| c.name.contains(&person.first_name) && c.name.contains("Müller")),
        "every word of the text is in the name"
    );

    // A pasted record id is fetched directly.
    let by_id = client.find_candidates(&all[9].id, None, 5).await.unwrap();
    assert_eq!(by_id.candidates.len(), 1);
    assert_eq!(by_id.candidates[0].id, all[9].id);
}

#[tokio::test]
async fn get_candidate_and_not_found() {
    let emu = emulator().await;
    let client = client(&emu);
    let person = emu.store().candidates(OWR)[3].clone();
    let got = client.get_candidate(&person.id).await.unwrap();
    assert_eq!(got.name, person.full_name());
    assert_eq!(got.email.as_deref(), Some(person.email.as_str()));
    // From the record's `phone`.
    assert_eq!(got.phone.as_deref(), Some(person.phone.as_str()));

    let err = client.get_candidate("recNOPE0000000000").await.unwrap_err();
    assert!(matches!(err, ProviderError::NotFound { .. }), "{err:?}");
    assert_eq!(
        err.to_string(),
        "Onderwijsregio could not find candidate recNOPE0000000000 (\u{201c}Candidate recNOPE0000000000 not found\u{201d}): check the id."
    );
    assert!(!err.is_transient());
}

#[tokio::test]
async fn a_cv_and_an_other_attachment_appear_byte_exact_once_the_mutation_is_applied() {
    let emu = quiet(Duration::from_secs(2)).await;
    let client = client(&emu);
    let dir = tempfile::tempdir().unwrap();
    let candidate = emu.store().candidates(OWR)[BARE + 5].id.clone();
    let cv_bytes = pdf_bytes(120_000);
    let cv = upload_file(
        &write(dir.path(), "Jane \"JD\" Doe CV.pdf", &cv_bytes),
        "application/pdf",
        CV,
    );
    let photo = upload_file(
        &write(dir.path(), "diploma.png", PNG_1X1),
        "image/png",
        OTHER,
    );

    let outcomes = client
        .upload(
            &target(&candidate),
            &[cv.clone(), photo.clone()],
            no_progress(),
        )
        .await
        .unwrap();
    let accepted = UploadOutcome::Accepted {
        idempotency_key: cv.key.clone(),
    };
    assert_eq!(outcomes, vec![accepted.clone(), accepted]);

    // 202 is an acknowledgement: nothing is on the record yet.
    assert!(emu.store().attachments(OWR, Some(&candidate)).is_empty());
    assert!(
        client
            .list_attachments(&candidate)
            .await
            .unwrap()
            .is_empty()
    );

    let stored = attachments_when(&emu, &candidate, |a| a.len() == 2).await;
    let by_type = |t: &str| stored.iter().find(|a| a.attachment_type == t).unwrap();
    assert_eq!(by_type(CV).sha256, sha256_hex(&cv_bytes));
    assert_eq!(by_type(CV).size, cv_bytes.len() as u64);
    assert_eq!(by_type(CV).file_name, "Jane \"JD\" Doe CV.pdf");
    assert_eq!(by_type(CV).content_type, "application/pdf");
    assert_eq!(by_type(OTHER).sha256, sha256_hex(PNG_1X1));
    assert_eq!(by_type(OTHER).content_type, "image/png");

    let listed = client.list_attachments(&candidate).await.unwrap();
    assert_eq!(listed.len(), 2);
    let cv_listed = listed
        .iter()
        .find(|a| a.attachment_type.as_deref() == Some(CV))
        .unwrap();
    assert_eq!(cv_listed.name, cv.name);
    assert_eq!(cv_listed.size, Some(cv_bytes.len() as u64));
    assert_eq!(cv_listed.content_type.as_deref(), Some("application/pdf"));
    assert!(cv_listed.id.starts_with("att"));

    let post = &posts(&emu)[0];
    assert_eq!(
        post.query.as_deref(),
        Some(format!("idempotencyKey={}", cv.key).as_str())
    );
    assert_eq!(post.header("content-type"), Some("application/json"));
    assert_eq!(post.status, 202);
}

#[tokio::test]
async fn a_five_mib_file_streams_with_a_content_length_and_progress() {
    let emu = quiet(Duration::from_millis(50)).await;
    let client = client(&emu);
    let dir = tempfile::tempdir().unwrap();
    let candidate = emu.store().candidates(OWR)[BARE + 6].id.clone();
    let bytes = sized_pdf(5 * 1024 * 1024);
    let file = upload_file(&write(dir.path(), "big.pdf", &bytes), "application/pdf", CV);
    let seen = Arc::new(Mutex::new(Vec::new()));
    let sink = seen.clone();
    let progress: providers::ProgressFn = Arc::new(move |i, n| sink.lock().unwrap().push((i, n)));
    client
        .upload(&target(&candidate), std::slice::from_ref(&file), progress)
        .await
        .unwrap();
    let stored = attachments_when(&emu, &candidate, |a| !a.is_empty()).await;
    assert_eq!(stored[0].sha256, sha256_hex(&bytes));

    let post = &posts(&emu)[0];
    assert!(post.header("transfer-encoding").is_none(), "not chunked");
    let envelope =
        r#"{"curriculumVitae":[{"filename":"big.pdf","data":"data:application/pdf;base64,"}]}"#;
    let expected = envelope.len() as u64 + (bytes.len() as u64).div_ceil(3) * 4;
    assert_eq!(
        post.header("content-length"),
        Some(expected.to_string().as_str()),
        "an exact Content-Length"
    );
    let seen = seen.lock().unwrap();
    assert!(seen.len() > 5, "progress per chunk: {}", seen.len());
    assert_eq!(seen.last(), Some(&(0, bytes.len() as u64)));
}

#[tokio::test]
async fn the_same_idempotency_key_twice_is_applied_once() {
    let emu = quiet(Duration::from_millis(400)).await;
    let client = client(&emu);
    let dir = tempfile::tempdir().unwrap();
    let candidate = emu.store().candidates(OWR)[BARE + 7].id.clone();
    let bytes = pdf_bytes(9_000);
    let file = upload_file(&write(dir.path(), "cv.pdf", &bytes), "application/pdf", CV);
    let first = client
        .upload(
            &target(&candidate),
            std::slice::from_ref(&file),
            no_progress(),
        )
        .await
        .unwrap();
    // Repeated before the first is applied, as a retry after a lost answer would be.
    let again = client
        .upload(
            &target(&candidate),
            std::slice::from_ref(&file),
            no_progress(),
        )
        .await
        .unwrap();
    assert_eq!(first, again);
    assert!(emu.store().attachments(OWR, Some(&candidate)).is_empty());

    // Mutations apply in order: once a later one shows, a second copy would have too.
    let marker = upload_file(
        &write(dir.path(), "marker.png", PNG_1X1),
        "image/png",
        OTHER,
    );
    client
        .upload(&target(&candidate), &[marker], no_progress())
        .await
        .unwrap();
    let stored = attachments_when(&emu, &candidate, |a| {
        a.iter().any(|x| x.file_name == "marker.png")
    })
    .await;
    let copies = stored
        .iter()
        .filter(|a| a.sha256 == sha256_hex(&bytes))
        .count();
    assert_eq!(copies, 1, "{stored:?}");
    assert_eq!(posts(&emu).len(), 3);
}

#[tokio::test]
async fn six_cvs_in_one_request_are_refused_with_the_emulators_message() {
    let emu = quiet(Duration::from_millis(50)).await;
    let client = client(&emu);
    let dir = tempfile::tempdir().unwrap();
    let candidate = emu.store().candidates(OWR)[BARE + 8].id.clone();
    let files: Vec<UploadFile> = (0..6)
        .map(|i| {
            upload_file(
                &write(dir.path(), &format!("cv-{i}.pdf"), &pdf_bytes(1000 + i)),
                "application/pdf",
                CV,
            )
        })
        .collect();
    let err = client
        .upload(&target(&candidate), &files, no_progress())
        .await
        .unwrap_err();
    let ProviderError::Rejected {
        status, message, ..
    } = &err
    else {
        panic!("{err:?}")
    };
    assert_eq!(*status, 400);
    assert_eq!(
        message,
        "Validation failed: curriculumVitae: Maximum of 5 attachments per field (6 given)"
    );
    assert!(!err.is_transient());
    assert_eq!(posts(&emu).len(), 1, "sent once, not split or retried");

    let err = client
        .upload(
            &target(&candidate),
            &[upload_file(
                &write(dir.path(), "blob.bin", b"\x00\x01binary"),
                "application/octet-stream",
                OTHER,
            )],
            no_progress(),
        )
        .await
        .unwrap_err();
    assert!(
        err.to_string().contains(
            "otherAttachments[0].data: File type application/octet-stream is not accepted"
        ),
        "{err}"
    );
    let statuses: Vec<u16> = posts(&emu).iter().map(|r| r.status).collect();
    assert_eq!(
        statuses,
        vec![400, 400],
        "refused before anything was queued"
    );
}

#[tokio::test]
async fn files_over_five_mib_and_unknown_types_are_not_sent() {
    let emu = quiet(Duration::from_millis(50)).await;
    let client = client(&emu);
    let dir = tempfile::tempdir().unwrap();
    let candidate = emu.store().candidates(OWR)[BARE + 9].id.clone();
    let big = upload_file(
        &write(dir.path(), "big.pdf", &sized_pdf(5 * 1024 * 1024 + 1)),
        "application/pdf",
        CV,
    );
    assert_eq!(big.size, 5 * 1024 * 1024 + 1);
    let err = client
        .upload(&target(&candidate), &[big], no_progress())
        .await
        .unwrap_err();
    assert!(matches!(err, ProviderError::TooLarge { .. }), "{err:?}");
    assert!(
        err.to_string().starts_with(
            "Onderwijsregio says the file is too large (\u{201c}big.pdf is larger than the 5 MB"
        ),
        "{err}"
    );

    let small = upload_file(
        &write(dir.path(), "cv.pdf", &pdf_bytes(100)),
        "application/pdf",
        "resume",
    );
    let err = client
        .upload(&target(&candidate), &[small], no_progress())
        .await
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "The attachment type \u{201c}resume\u{201d} is not supported by Onderwijsregio."
    );
    assert!(posts(&emu).is_empty(), "nothing reached the system");

    // The emulator refuses the same oversized file on its own.
    let (http, base) = raw(&emu);
    let data = format!(
        "data:application/pdf;base64,{}",
        b64(&sized_pdf(5 * 1024 * 1024 + 1))
    );
    let (s, b) = send(
        http.post(format!("{base}/candidates/{candidate}/attachments"))
            .header("x-api-key", ONDERWIJSREGIO_API_KEY)
            .json(&json!({ CV: [{ "filename": "big.pdf", "data": data }] })),
    )
    .await;
    assert_eq!(s, 400, "{b}");
    assert_eq!(b["data"]["errors"][0]["path"], "curriculumVitae[0].data");
    assert!(
        b["data"]["errors"][0]["message"]
            .as_str()
            .unwrap()
            .starts_with("File exceeds 5 MB"),
        "{b}"
    );
}

#[tokio::test]
async fn delete_is_accepted_then_the_attachment_is_gone() {
    let emu = quiet(Duration::from_millis(1500)).await;
    let client = client(&emu);
    // The first seeded candidates already have a CV.
    let candidate = emu.store().candidates(OWR)[2].id.clone();
    let listed = client.list_attachments(&candidate).await.unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].attachment_type.as_deref(), Some(CV));

    client
        .delete_attachments(&candidate, &[listed[0].id.clone()])
        .await
        .unwrap();
    let delete = emu
        .received()
        .into_iter()
        .find(|r| r.method == "DELETE")
        .unwrap();
    assert_eq!(delete.status, 202);
    assert_eq!(
        client.list_attachments(&candidate).await.unwrap().len(),
        1,
        "still there until the mutation is applied"
    );
    attachments_when(&emu, &candidate, <[StoredAttachment]>::is_empty).await;
    assert!(
        client
            .list_attachments(&candidate)
            .await
            .unwrap()
            .is_empty()
    );

    let err = client
        .delete_attachments(&candidate, &["attNOPE".to_owned()])
        .await
        .unwrap_err();
    assert!(matches!(err, ProviderError::NotFound { .. }), "{err:?}");
    assert!(
        err.to_string()
            .contains("Attachment attNOPE does not belong to candidate"),
        "{err}"
    );
    client.delete_attachments(&candidate, &[]).await.unwrap();
}

#[tokio::test]
async fn a_get_burst_is_answered_429_and_the_client_surfaces_retry_after() {
    let emu = emulator().await;
    let (http, base) = raw(&emu);
    let burst = (0..8).map(|_| {
        http.get(format!("{base}/candidates?pageSize=1"))
            .header("x-api-key", ONDERWIJSREGIO_API_KEY)
            .send()
    });
    let answers = futures_util::future::join_all(burst).await;
    let mut limited = Vec::new();
    for r in answers {
        let r = r.unwrap();
        if r.status().as_u16() == 429 {
            let after = r
                .headers()
                .get("retry-after")
                .map(|v| v.to_str().unwrap().to_owned());
            limited.push((after, r.json::<Value>().await.unwrap()));
        }
    }
    assert!(limited.len() >= 3, "only 5 GETs per second pass");
    let (after, body) = &limited[0];
    assert_eq!(after.as_deref(), Some("1"));
    envelope(429, body);

    // The client retries GETs itself (3 attempts) and then reports the announced delay.
    let emu = quiet(Duration::from_millis(50)).await;
    emu.faults().inject(
        "onderwijsregio:GET:/candidates=429@1x5"
            .parse::<Fault>()
            .unwrap(),
    );
    let started = std::time::Instant::now();
    let err = client(&emu)
        .find_candidates("", None, 10)
        .await
        .unwrap_err();
    assert_eq!(err.retry_after(), Some(Duration::from_secs(1)), "{err:?}");
    assert!(err.is_transient());
    assert_eq!(
        err.to_string(),
        "Onderwijsregio asked atsdrop to slow down; try again in 1 s."
    );
    assert_eq!(emu.received().len(), 3, "three attempts");
    assert!(
        started.elapsed() >= Duration::from_secs(2),
        "Retry-After was honoured"
    );
    emu.faults().clear();
}

#[tokio::test]
async fn a_500_on_a_get_is_retried_but_an_upload_is_not() {
    let emu = quiet(Duration::from_millis(50)).await;
    let client = client(&emu);
    let person = emu.store().candidates(OWR)[11].clone();
    emu.faults().inject(
        "onderwijsregio:GET:/candidates/*=500"
            .parse::<Fault>()
            .unwrap(),
    );
    assert_eq!(
        client.get_candidate(&person.id).await.unwrap().id,
        person.id
    );
    let statuses: Vec<u16> = emu.received().iter().map(|r| r.status).collect();
    assert_eq!(statuses, vec![500, 200]);

    let dir = tempfile::tempdir().unwrap();
    let file = upload_file(
        &write(dir.path(), "cv.pdf", &pdf_bytes(3000)),
        "application/pdf",
        CV,
    );
    emu.faults().inject(
        "onderwijsregio:POST:/candidates/*/attachments=503"
            .parse::<Fault>()
            .unwrap(),
    );
    let err = client
        .upload(&target(&person.id), &[file], no_progress())
        .await
        .unwrap_err();
    assert!(
        matches!(err, ProviderError::Server { status: 503, .. }),
        "{err:?}"
    );
    assert!(err.is_transient());
    assert_eq!(
        posts(&emu).len(),
        1,
        "the engine decides about retrying uploads"
    );

    emu.faults().inject(
        "onderwijsregio:GET:/candidates/*=500x3"
            .parse::<Fault>()
            .unwrap(),
    );
    let err = client.get_candidate(&person.id).await.unwrap_err();
    assert!(
        matches!(err, ProviderError::Server { status: 500, .. }),
        "{err:?}"
    );
}

#[tokio::test]
async fn an_unknown_candidate_is_not_found_on_upload() {
    let emu = quiet(Duration::from_millis(50)).await;
    let dir = tempfile::tempdir().unwrap();
    let file = upload_file(
        &write(dir.path(), "cv.pdf", &pdf_bytes(3000)),
        "application/pdf",
        CV,
    );
    let err = client(&emu)
        .upload(&target("recMISSING0000000"), &[file], no_progress())
        .await
        .unwrap_err();
    assert!(matches!(err, ProviderError::NotFound { .. }), "{err:?}");
    assert!(
        err.to_string().contains("candidate recMISSING0000000"),
        "{err}"
    );
}

// ---- strictness: raw requests the client would never send ----

fn raw(emu: &Emulator) -> (reqwest::Client, String) {
    (sandbox::raw_client(), emu.base_url(OWR))
}

/// A PDF of exactly `len` bytes.
fn sized_pdf(len: usize) -> Vec<u8> {
    let mut bytes = pdf_bytes(len - 100);
    bytes.resize(len, b'\n');
    bytes
}

fn b64(bytes: &[u8]) -> String {
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

async fn send(r: reqwest::RequestBuilder) -> (u16, Value) {
    let resp = r.send().await.unwrap();
    let status = resp.status().as_u16();
    (status, resp.json::<Value>().await.unwrap_or(Value::Null))
}

/// Asserts the error envelope and returns its first `(path, message)`.
fn envelope(status: u16, body: &Value) -> (String, String) {
    assert_eq!(body["statusCode"], status, "{body}");
    assert!(body["message"].is_string(), "{body}");
    assert!(body["meta"]["sandboxEnabled"].is_boolean(), "{body}");
    let first = &body["data"]["errors"][0];
    (
        first["path"].as_str().unwrap_or_default().to_owned(),
        first["message"].as_str().unwrap_or_default().to_owned(),
    )
}

#[tokio::test]
async fn emulator_checks_auth_and_sandbox() {
    let emu = quiet(Duration::from_millis(50)).await;
    let (http, base) = raw(&emu);
    let key = ("x-api-key", ONDERWIJSREGIO_API_KEY);
    let id = emu.store().candidates(OWR)[0].id.clone();

    let (s, b) = send(http.get(format!("{base}/candidates"))).await;
    assert_eq!(s, 401);
    assert!(envelope(401, &b).1.contains("x-api-key"));
    let (s, b) = send(
        http.get(format!("{base}/candidates"))
            .header("x-api-key", "nope"),
    )
    .await;
    assert_eq!((s, envelope(401, &b).1.as_str()), (401, "Invalid API key"));

    let r = http
        .get(format!("{base}/candidates?pageSize=2"))
        .header("api-key", ONDERWIJSREGIO_API_KEY)
        .send()
        .await
        .unwrap();
    assert_eq!(
        r.status().as_u16(),
        200,
        "the deprecated header still works"
    );
    assert_eq!(r.headers().get("deprecation").unwrap(), "true");
    let b: Value = r.json().await.unwrap();
    assert_eq!(b["statusCode"], 200);
    assert_eq!(b["data"].as_array().unwrap().len(), 2);
    assert_eq!(b["meta"]["sandboxEnabled"], false);
    assert!(b["meta"]["cursor"].is_string());
    let record = &b["data"][0];
    for field in ["id", "name", "email", "phone", CV, OTHER, "createdAt"] {
        assert!(!record[field].is_null(), "{field} in {record}");
    }
    assert_eq!(record[CV][0]["type"], "application/pdf");

    let (s, b) = send(
        http.get(format!("{base}/candidates/{id}"))
            .header(key.0, key.1)
            .header("x-api-sandbox", "true"),
    )
    .await;
    assert_eq!(s, 200);
    assert_eq!(b["meta"]["sandboxEnabled"], true);
    assert_eq!(b["data"]["id"], id.as_str());
    let (s, b) = send(
        http.get(format!("{base}/sandbox/candidates/nope"))
            .header(key.0, key.1),
    )
    .await;
    assert_eq!(s, 404);
    assert_eq!(b["meta"]["sandboxEnabled"], true, "the /sandbox prefix");

    let (s, b) = send(
        http.put(format!("{base}/candidates/{id}"))
            .header(key.0, key.1),
    )
    .await;
    assert_eq!(s, 405);
    envelope(405, &b);
    let (s, b) = send(http.get(format!("{base}/people")).header(key.0, key.1)).await;
    assert_eq!(s, 404);
    envelope(404, &b);
}

#[tokio::test]
async fn emulator_checks_candidate_reads() {
    let emu = quiet(Duration::from_millis(50)).await;
    let (http, base) = raw(&emu);
    let key = ("x-api-key", ONDERWIJSREGIO_API_KEY);
    for (query, path) in [
        ("pageSize=101", "pageSize"),
        ("pageSize=0", "pageSize"),
        ("limit=5", "query"),
        ("cursor=bogus", "cursor"),
        ("fields=name,salary", "fields"),
    ] {
        let (s, b) = send(
            http.get(format!("{base}/candidates?{query}"))
                .header(key.0, key.1),
        )
        .await;
        assert_eq!(s, 400, "{query}: {b}");
        assert_eq!(envelope(400, &b).0, path, "{query}");
    }
    let (s, b) = send(
        http.get(format!("{base}/candidates?pageSize=1&fields=email"))
            .header(key.0, key.1),
    )
    .await;
    assert_eq!(s, 200);
    let mut keys: Vec<_> = b["data"][0].as_object().unwrap().keys().collect();
    keys.sort();
    assert_eq!(keys, vec!["email", "id"], "fields selects");

    let (s, b) = send(
        http.get(format!("{base}/candidates/find"))
            .header(key.0, key.1),
    )
    .await;
    assert_eq!(s, 400);
    assert!(envelope(400, &b).1.contains("email or phone"));
    let (s, _) = send(
        http.get(format!("{base}/candidates/find?name=x"))
            .header(key.0, key.1),
    )
    .await;
    assert_eq!(s, 400, "no search by name");
    let person = emu.store().candidates(OWR)[5].clone();
    let (s, b) = send(
        http.get(format!("{base}/candidates/find"))
            .query(&[
                ("email", person.email.to_uppercase()),
                ("phone", "000".into()),
            ])
            .header(key.0, key.1),
    )
    .await;
    assert_eq!(s, 200);
    assert_eq!(
        b["data"][0]["id"],
        person.id.as_str(),
        "email wins over phone"
    );
}

#[tokio::test]
async fn emulator_refuses_bad_attachment_bodies() {
    let emu = quiet(Duration::from_millis(50)).await;
    let (http, base) = raw(&emu);
    let key = ("x-api-key", ONDERWIJSREGIO_API_KEY);
    let id = emu.store().candidates(OWR)[BARE + 20].id.clone();
    let url = format!("{base}/candidates/{id}/attachments");
    let pdf = format!("data:application/pdf;base64,{}", b64(&pdf_bytes(500)));
    let item = |data: &str| json!({ "filename": "cv.pdf", "data": data });

    let cases: Vec<(Value, &str, &str)> = vec![
        (json!({}), "body", "At least one attachment field"),
        (
            json!({ "resume": [item(&pdf)] }),
            "body",
            "unknown field `resume`",
        ),
        (
            json!({ CV: [{ "filename": "cv.pdf", "content": pdf }] }),
            "body",
            "unknown field `content`",
        ),
        (json!({ CV: item(&pdf) }), "body", "invalid type"),
        (json!({ CV: [] }), CV, "at least one attachment"),
        (
            json!({ CV: [{ "data": pdf }] }),
            "curriculumVitae[0].filename",
            "Filename is required",
        ),
        (
            json!({ CV: [{ "filename": "cv.pdf" }] }),
            "curriculumVitae[0]",
            "url or as data",
        ),
        (
            json!({ CV: [{ "filename": "cv.pdf", "data": pdf, "url": "https://x.example/cv.pdf" }] }),
            "curriculumVitae[0]",
            "not both",
        ),
        (
            json!({ OTHER: [{ "filename": "cv.pdf", "url": "https://files.example.com/cv.pdf" }] }),
            "otherAttachments[0].url",
            "cannot fetch files by URL",
        ),
        (
            json!({ CV: [item(&b64(&pdf_bytes(500)))] }),
            "curriculumVitae[0].data",
            "full prefix",
        ),
        (
            json!({ CV: [item("data:application/pdf,JVBERi0x")] }),
            "curriculumVitae[0].data",
            "base64-encoded",
        ),
        (
            json!({ CV: [item(&format!("data:application/octet-stream;base64,{}", b64(b"abc")))] }),
            "curriculumVitae[0].data",
            "application/octet-stream is not accepted",
        ),
        (
            json!({ OTHER: [item(&format!("data:application/zip;base64,{}", b64(b"PK\x03\x04")))] }),
            "otherAttachments[0].data",
            "application/zip is not accepted",
        ),
        (
            json!({ CV: [item("data:application/pdf;base64,JVBER!0x")] }),
            "curriculumVitae[0].data",
            "not valid base64",
        ),
        (
            json!({ CV: [item("data:application/pdf;base64,")] }),
            "curriculumVitae[0].data",
            "empty",
        ),
    ];
    for (body, path, needle) in cases {
        let (s, b) = send(http.post(&url).header(key.0, key.1).json(&body)).await;
        assert_eq!(s, 400, "{body:.80}: {b}");
        let (got_path, message) = envelope(400, &b);
        assert_eq!(b["message"], "Validation failed");
        assert_eq!(got_path, path, "{b}");
        assert!(message.contains(needle), "{needle:?} in {b}");
    }

    let six: Vec<Value> = (0..6).map(|_| item(&pdf)).collect();
    let (s, b) = send(
        http.post(&url)
            .header(key.0, key.1)
            .json(&json!({ CV: six })),
    )
    .await;
    assert_eq!(s, 400);
    assert_eq!(
        envelope(400, &b),
        (
            CV.to_owned(),
            "Maximum of 5 attachments per field (6 given)".to_owned()
        )
    );

    // Mutations apply in order: once this one shows, anything queued before it has too.
    let (s, _) = send(http.post(&url).header(key.0, key.1).json(&marker())).await;
    assert_eq!(s, 202);
    let stored = attachments_when(&emu, &id, |a| !a.is_empty()).await;
    assert_eq!(stored.len(), 1, "only the marker: {stored:?}");
}

fn marker() -> Value {
    json!({ OTHER: [{ "filename": "marker.txt", "data": format!("data:text/plain;base64,{}", b64(b"marker")) }] })
}

#[tokio::test]
async fn emulator_accepts_each_idempotency_key_once() {
    let emu = quiet(Duration::from_millis(50)).await;
    let (http, base) = raw(&emu);
    let key = ("x-api-key", ONDERWIJSREGIO_API_KEY);
    let id = emu.store().candidates(OWR)[BARE + 20].id.clone();
    let url = format!("{base}/candidates/{id}/attachments");
    let pdf = format!("data:application/pdf;base64,{}", b64(&pdf_bytes(500)));
    let item = |data: &str| json!({ "filename": "cv.pdf", "data": data });

    let (s, b) = send(
        http.post(&url)
            .header(key.0, key.1)
            .header("content-type", "text/plain")
            .body(json!({ CV: [item(&pdf)] }).to_string()),
    )
    .await;
    assert_eq!(s, 415);
    envelope(415, &b);
    let (s, b) = send(
        http.post(format!("{base}/candidates/recNOPE0000000000/attachments"))
            .header(key.0, key.1)
            .json(&json!({ CV: [item(&pdf)] })),
    )
    .await;
    assert_eq!(s, 404);
    envelope(404, &b);
    for query in [
        "idempotencyKey=has%20space",
        "callbackUrl=not-a-url",
        "key=abc",
    ] {
        let (s, b) = send(
            http.post(format!("{url}?{query}"))
                .header(key.0, key.1)
                .json(&json!({ CV: [item(&pdf)] })),
        )
        .await;
        assert_eq!(s, 400, "{query}: {b}");
    }
    let chunked = reqwest::Body::wrap(http_body_util::StreamBody::new(futures_util::stream::iter(
        vec![Ok::<_, std::io::Error>(http_body::Frame::data(
            bytes::Bytes::from(json!({ CV: [item(&pdf)] }).to_string()),
        ))],
    )));
    let (s, _) = send(
        http.post(&url)
            .header(key.0, key.1)
            .header("content-type", "application/json")
            .body(chunked),
    )
    .await;
    assert_eq!(s, 411, "chunked bodies need a Content-Length");

    // Accepted: without a key the server makes one; the header form of the key replays.
    let (s, b) = send(
        http.post(&url)
            .header(key.0, key.1)
            .json(&json!({ OTHER: [item(&pdf)] })),
    )
    .await;
    assert_eq!(s, 202, "{b}");
    assert_eq!(b["statusCode"], 202);
    assert_eq!(b["data"]["status"], "accepted");
    assert_eq!(
        b["message"],
        "The mutation request has been accepted for processing."
    );
    assert!(!b["data"]["idempotencyKey"].as_str().unwrap().is_empty());
    for _ in 0..2 {
        let (s, b) = send(
            http.post(&url)
                .header(key.0, key.1)
                .header("Idempotency-Key", "key-1")
                .json(&json!({ CV: [item(&pdf)] })),
        )
        .await;
        assert_eq!(
            (s, b["data"]["idempotencyKey"].as_str()),
            (202, Some("key-1"))
        );
    }
    let other = emu.store().candidates(OWR)[BARE + 21].id.clone();
    let (s, b) = send(
        http.post(format!(
            "{base}/candidates/{other}/attachments?idempotencyKey=key-1"
        ))
        .header(key.0, key.1)
        .json(&json!({ CV: [item(&pdf)] })),
    )
    .await;
    assert_eq!(s, 409, "a key belongs to one request: {b}");
    envelope(409, &b);

    // Mutations apply in order: once the marker shows, anything queued before it has too.
    let (s, _) = send(http.post(&url).header(key.0, key.1).json(&marker())).await;
    assert_eq!(s, 202);
    let stored =
        attachments_when(&emu, &id, |a| a.iter().any(|x| x.file_name == "marker.txt")).await;
    assert_eq!(
        stored.len(),
        3,
        "one per accepted key; nothing from refused requests or the replay: {stored:?}"
    );
    assert!(emu.store().attachments(OWR, Some(&other)).is_empty());
}

#[tokio::test]
async fn emulator_validates_deletes() {
    let emu = quiet(Duration::from_millis(50)).await;
    let (http, base) = raw(&emu);
    let key = ("x-api-key", ONDERWIJSREGIO_API_KEY);
    let owner = emu.store().candidates(OWR)[0].id.clone();
    let stranger = emu.store().candidates(OWR)[1].id.clone();
    let att = emu.store().attachments(OWR, Some(&owner))[0].id.clone();
    let url = |c: &str| format!("{base}/candidates/{c}/attachments");

    for body in [
        json!({ "attachmentIds": [] }),
        json!({ "ids": [att] }),
        json!({}),
    ] {
        let (s, b) = send(http.delete(url(&owner)).header(key.0, key.1).json(&body)).await;
        assert_eq!(s, 400, "{body}: {b}");
        envelope(400, &b);
    }
    let (s, b) = send(
        http.delete(url(&stranger))
            .header(key.0, key.1)
            .json(&json!({ "attachmentIds": [att] })),
    )
    .await;
    assert_eq!(s, 404, "the attachment is not the stranger's: {b}");
    assert_eq!(envelope(404, &b).0, "attachmentIds[0]");
    let (s, _) = send(
        http.delete(url("recNOPE0000000000"))
            .header(key.0, key.1)
            .json(&json!({ "attachmentIds": [att] })),
    )
    .await;
    assert_eq!(s, 404);
    let (s, b) = send(
        http.delete(url(&owner))
            .header(key.0, key.1)
            .json(&json!({ "attachmentIds": [att, att] })),
    )
    .await;
    assert_eq!(s, 202, "{b}");
    assert_eq!(b["data"]["status"], "accepted");
    attachments_when(&emu, &owner, <[StoredAttachment]>::is_empty).await;
}
