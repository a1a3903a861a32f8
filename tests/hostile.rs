//! Servers and ids that misbehave: every answer stays bounded in size and time, ends in one
//! clear sentence naming the system, and nothing is called uploaded that was not.

use std::time::{Duration, Instant};

use atsdrop::model::{ProviderId, Secret};
use atsdrop::providers::{self, Connection, ProviderError, UploadTarget, no_progress};
use atsdrop::upload::FileState;

use crate::support::engine::{Harness, batch, fast_config, file};
use crate::support::hostile_server::{Hostile, Misbehaviour};
use crate::support::sandbox::{emulator, pdf_bytes, upload_file, write};

fn spott(server: &Hostile) -> Connection {
    let mut c = Connection::new(ProviderId::Spott, &server.base_url, Secret::new("key"));
    c.timeouts.total = Duration::from_secs(3);
    c.timeouts.response = Duration::from_secs(90);
    c
}

/// One plain sentence about Spott, ending with a full stop.
fn sentence(e: &ProviderError) -> String {
    let text = e.to_string();
    assert!(text.contains("Spott"), "names the system: {text}");
    assert!(text.ends_with('.') && !text.contains('\n'), "{text}");
    text
}

/// A 200 with this content type and body.
fn page(content_type: &str, body: &str) -> Vec<u8> {
    format!(
        "HTTP/1.1 200 OK\r\ncontent-type: {content_type}\r\ncontent-length: {}\r\n\r\n{body}",
        body.len()
    )
    .into_bytes()
}

fn resident_mib() -> f64 {
    std::fs::read_to_string("/proc/self/statm")
        .ok()
        .and_then(|s| s.split_whitespace().nth(1)?.parse::<f64>().ok())
        .map_or(0.0, |pages| pages * 4096.0 / 1_048_576.0)
}

#[tokio::test]
async fn a_huge_answer_is_cut_off_and_memory_stays_bounded() {
    for announce in [true, false] {
        let server = Hostile::start(Misbehaviour::Huge {
            bytes: 300 * 1024 * 1024,
            announce,
        })
        .await;
        let client = providers::connect(&spott(&server)).unwrap();
        let before = resident_mib();
        let started = Instant::now();
        let err = client.get_candidate("cand-1").await.unwrap_err();
        assert!(
            matches!(err, ProviderError::AnswerTooLarge { .. }),
            "{announce}: {err:?}"
        );
        assert!(sentence(&err).contains("larger answer"));
        assert!(started.elapsed() < Duration::from_secs(10));
        let grown = resident_mib() - before;
        assert!(grown < 48.0, "announced {announce}: grew {grown:.0} MiB");
    }
}

#[tokio::test]
async fn a_server_dripping_bytes_meets_the_overall_deadline() {
    let server = Hostile::start(Misbehaviour::Drip {
        every: Duration::from_millis(500),
    })
    .await;
    let client = providers::connect(&spott(&server)).unwrap();
    let started = Instant::now();
    let err = client.get_candidate("cand-1").await.unwrap_err();
    let took = started.elapsed();
    assert!(matches!(err, ProviderError::Timeout { .. }), "{err:?}");
    sentence(&err);
    assert!(
        took >= Duration::from_secs(3) && took < Duration::from_secs(8),
        "{took:?}"
    );
}

#[tokio::test]
async fn a_login_page_or_bad_json_gets_a_sentence_of_its_own() {
    let cases: [(Misbehaviour, &str); 4] = [
        (
            Misbehaviour::Raw(page(
                "text/html",
                "<html><body>Hotel Wi-Fi: sign in</body></html>",
            )),
            "sign in to the network",
        ),
        (
            Misbehaviour::Raw(page("application/json", "  <!doctype html>")),
            "sign in to the network",
        ),
        (
            Misbehaviour::Json(r#"{"id": "cand-1", "name": "#),
            "does not understand",
        ),
        (Misbehaviour::Json("[1, 2, 3]"), "does not understand"),
    ];
    for (behaviour, expected) in cases {
        let server = Hostile::start(behaviour.clone()).await;
        let client = providers::connect(&spott(&server)).unwrap();
        let err = client.get_candidate("cand-1").await.unwrap_err();
        assert!(sentence(&err).contains(expected), "{behaviour:?}: {err}");
    }
}

#[tokio::test]
async fn a_redirect_to_another_host_is_not_followed() {
    let elsewhere = Hostile::start(Misbehaviour::Json("{}")).await;
    let other = elsewhere.base_url.replace("127.0.0.1", "localhost");
    let answer = format!(
        "HTTP/1.1 302 Found\r\nlocation: {other}/candidates/cand-1\r\ncontent-length: 0\r\n\r\n"
    );
    let server = Hostile::start(Misbehaviour::Raw(answer.into_bytes())).await;
    let client = providers::connect(&spott(&server)).unwrap();
    let err = client.get_candidate("cand-1").await.unwrap_err();
    assert!(sentence(&err).contains("redirected"), "{err}");
    assert_eq!(
        elsewhere.requests.load(std::sync::atomic::Ordering::SeqCst),
        0,
        "the key never went to the other host"
    );
}

/// A 200 with an empty body after an upload: not uploaded — the outcome is unknown, and the
/// user is told so.
#[tokio::test]
async fn an_empty_success_after_an_upload_is_not_called_uploaded() {
    let server = Hostile::start(Misbehaviour::Json("")).await;
    let dir = tempfile::tempdir().unwrap();
    let mut h = Harness::start(fast_config(&dir.path().join("journal")));
    let path = write(dir.path(), "cv.pdf", &pdf_bytes(5_000));
    let id = h.engine.submit(batch(
        spott(&server),
        "cand-1",
        vec![file(&path, "application/pdf", "CV")],
    ));
    let summary = h.finished(&id, Duration::from_secs(30)).await;
    assert_eq!(summary.done, 0, "{summary:?}");
    let f = h.files_of(&id)[0].clone();
    let (state, message) = h.last_state(&f).unwrap();
    assert_eq!(state, FileState::OutcomeUnknown, "{message:?}");
    let message = message.unwrap();
    assert!(
        message.contains("Spott") && message.ends_with('.'),
        "{message}"
    );
}

/// `.` and `..` as ids would address another resource (`/candidates/../attachments` is
/// `/attachments`): every system refuses them before sending anything.
#[tokio::test]
async fn dot_ids_are_refused_by_every_system_before_anything_is_sent() {
    let emu = emulator().await;
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "cv.pdf", &pdf_bytes(3_000));
    for provider in ProviderId::ALL {
        let client = providers::connect(&emu.connection(provider)).unwrap();
        let before = emu.received().len();
        for id in [".", ".."] {
            // Refused where the id travels in the path; looked up (and not found) where it
            // travels in a query (Kombo's `ids` filter).
            let err = client.get_candidate(id).await.unwrap_err();
            match err {
                ProviderError::BadId { .. } => assert!(err.to_string().contains("cannot be a")),
                ProviderError::NotFound { .. } => assert_eq!(provider, ProviderId::Kombo),
                other => panic!("{provider} {id}: {other:?}"),
            }
            // Where the id travels in the path it is refused; in a query (Spott, Truto) it is
            // only text, sent as it is.
            let listed = client.list_attachments(id).await;
            match provider {
                ProviderId::Kombo | ProviderId::Onderwijsregio => assert!(
                    matches!(listed, Err(ProviderError::BadId { .. })),
                    "{provider}: {listed:?}"
                ),
                _ => assert!(!matches!(listed, Err(ProviderError::BadId { .. }))),
            }
        }
        let kind = provider.profile().type_for_file_name("cv.pdf").wire;
        let target = UploadTarget {
            candidate_id: "..".into(),
            application_id: None,
        };
        let mut upload = upload_file(&path, "application/pdf", kind);
        upload.remote_id = Some("dots".into());
        let result = client.upload(&target, &[upload], no_progress()).await;
        // Spott, Endorsed and Truto carry the candidate in the body or the query, where `..`
        // is just text (and no such candidate exists); the rest refuse it before sending.
        match provider {
            ProviderId::Spott | ProviderId::Endorsed | ProviderId::Truto => {
                assert!(result.is_err(), "{provider}");
            }
            _ => assert!(
                matches!(result, Err(ProviderError::BadId { .. })),
                "{provider}: {result:?}"
            ),
        }
        // Nothing reached a path the calls did not name: no `..` was resolved away.
        let sent: Vec<_> = emu.received().into_iter().skip(before).collect();
        for r in &sent {
            let path = r.path.as_str();
            let expected = path == "/attachments"
                || path.starts_with("/attachments/temporary")
                || path == "/attachments/remote.dots"
                || (path == "/ats/candidates"
                    && r.query.as_deref().is_some_and(|q| q.starts_with("ids=")))
                || path.starts_with("/unified/ats/")
                || path == "/auth/tokens"
                || path.starts_with("/ats/actions/");
            assert!(expected, "{provider}: {r:?}");
        }
    }
}

/// The emulator runs inside the app ("Try the sandbox"): a huge body to its admin routes is
/// refused without being held, and a request not addressed to this computer (a web page using
/// DNS rebinding) is not served.
#[tokio::test]
async fn the_sandbox_bounds_its_admin_bodies_and_answers_only_this_computer() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let emu = emulator().await;
    let addr = emu.addr();
    let before = resident_mib();
    let mut stream = tokio::net::TcpStream::connect(addr).await.unwrap();
    let head = format!(
        "POST /_emulator/faults HTTP/1.1\r\nhost: {addr}\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n",
        300u64 * 1024 * 1024
    );
    stream.write_all(head.as_bytes()).await.unwrap();
    let chunk = vec![b' '; 256 * 1024];
    for _ in 0..1200 {
        if stream.write_all(&chunk).await.is_err() {
            break;
        }
    }
    let mut answer = Vec::new();
    let _ = tokio::time::timeout(Duration::from_secs(5), stream.read_to_end(&mut answer)).await;
    let answer = String::from_utf8_lossy(&answer);
    assert!(answer.starts_with("HTTP/1.1 413"), "{answer}");
    let grown = resident_mib() - before;
    assert!(grown < 48.0, "grew {grown:.0} MiB");

    let mut stream = tokio::net::TcpStream::connect(addr).await.unwrap();
    stream
        .write_all(b"GET /_emulator/accounts HTTP/1.1\r\nhost: rebound.example:80\r\nconnection: close\r\n\r\n")
        .await
        .unwrap();
    let mut answer = Vec::new();
    stream.read_to_end(&mut answer).await.unwrap();
    let answer = String::from_utf8_lossy(&answer);
    assert!(answer.starts_with("HTTP/1.1 421"), "{answer}");
    assert!(!answer.contains("sandbox-key"), "{answer}");
}
