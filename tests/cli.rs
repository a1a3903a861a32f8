//! The real `atsdrop` binary: headless commands, exit codes, and crash recovery.

use std::collections::HashMap;
use std::io::{BufRead, BufReader};
use std::process::Stdio;

use crate::support::process::{Sandbox, atsdrop, json_lines, pdfs};
use crate::support::sandbox::{pdf_bytes, sha256_hex, write};

fn spott_args(sandbox: &Sandbox) -> Vec<String> {
    vec![
        "--provider".into(),
        "spott".into(),
        "--base-url".into(),
        sandbox.base_url("spott"),
    ]
}

#[test]
fn candidates_prints_one_json_object_per_candidate() {
    let sandbox = Sandbox::start(&["--no-rate-limits"]);
    let home = tempfile::tempdir().unwrap();
    let out = atsdrop(home.path())
        .arg("candidates")
        .args(spott_args(&sandbox))
        .args(["--limit", "120", "--json"])
        .env("ATSDROP_API_KEY", "spott-sandbox-key")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines = json_lines(&out.stdout);
    assert_eq!(lines.len(), 120);
    for l in &lines {
        let keys: Vec<&String> = l.as_object().unwrap().keys().collect();
        assert_eq!(keys, ["email", "id", "name"]);
    }
    let out = atsdrop(home.path())
        .arg("candidates")
        .args(spott_args(&sandbox))
        .args(["--query", lines[7]["email"].as_str().unwrap(), "--json"])
        .env("ATSDROP_API_KEY", "spott-sandbox-key")
        .output()
        .unwrap();
    assert_eq!(json_lines(&out.stdout), vec![lines[7].clone()]);
}

#[test]
fn exit_codes_say_what_happened() {
    let sandbox = Sandbox::start(&["--no-rate-limits"]);
    let home = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let cv = write(dir.path(), "cv.pdf", &pdf_bytes(3000));
    let txt = write(dir.path(), "notes.txt", b"plain text\n");
    let run = |args: &[&str], key: &str| {
        atsdrop(home.path())
            .args(args)
            .env("ATSDROP_API_KEY", key)
            .output()
            .unwrap()
    };
    let base = sandbox.base_url("spott");
    let cand = "cand-000250";
    // 0: uploaded.
    let out = run(
        &[
            "upload",
            "-p",
            "spott",
            "--base-url",
            &base,
            "-c",
            cand,
            "-t",
            "cv",
            "--json",
            cv.to_str().unwrap(),
        ],
        "spott-sandbox-key",
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines = json_lines(&out.stdout);
    assert_eq!(lines[0]["status"], "uploaded");
    assert!(lines[0]["attachment_id"].is_string());
    // 2: a refused file, nothing sent.
    let out = run(
        &[
            "upload",
            "-p",
            "spott",
            "--base-url",
            &base,
            "-c",
            cand,
            "-t",
            "CV",
            "--json",
            cv.to_str().unwrap(),
            txt.to_str().unwrap(),
        ],
        "spott-sandbox-key",
    );
    assert_eq!(out.status.code(), Some(2));
    let lines = json_lines(&out.stdout);
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0]["status"], "refused");
    assert!(
        lines[0]["error"]
            .as_str()
            .unwrap()
            .contains("notes.txt is a plain text file, which Spott doesn't accept")
    );
    assert_eq!(
        sandbox.stored("spott", cand).len(),
        1,
        "nothing more was sent"
    );
    // 2: plain http to a remote host.
    let out = run(
        &[
            "upload",
            "-p",
            "spott",
            "--base-url",
            "http://api.gospott.com",
            "-c",
            cand,
            "-t",
            "CV",
            cv.to_str().unwrap(),
        ],
        "spott-sandbox-key",
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .contains("Plain http:// is only allowed to this computer")
    );
    // 2: an unknown type names the valid ones.
    let out = run(
        &[
            "upload",
            "-p",
            "spott",
            "--base-url",
            &base,
            "-c",
            cand,
            "-t",
            "resume",
            cv.to_str().unwrap(),
        ],
        "spott-sandbox-key",
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("use one of CV, COVER_LETTER"));
    // 2: no API key at all.
    let out = atsdrop(home.path())
        .args([
            "upload",
            "-p",
            "spott",
            "--base-url",
            &base,
            "-c",
            cand,
            "-t",
            "CV",
            cv.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("ATSDROP_API_KEY"));
    // 3: wrong key.
    let out = run(
        &[
            "upload",
            "-p",
            "spott",
            "--base-url",
            &base,
            "-c",
            cand,
            "-t",
            "CV",
            cv.to_str().unwrap(),
        ],
        "nope",
    );
    assert_eq!(out.status.code(), Some(3));
    // 1: the upload fails on the system's side.
    let failing = Sandbox::start(&[
        "--no-rate-limits",
        "--fault",
        "spott:POST:/attachments/temporary=500",
    ]);
    let other = write(dir.path(), "other.pdf", &pdf_bytes(4000));
    let out = run(
        &[
            "upload",
            "-p",
            "spott",
            "--base-url",
            &failing.base_url("spott"),
            "-c",
            cand,
            "-t",
            "CV",
            "--json",
            other.to_str().unwrap(),
        ],
        "spott-sandbox-key",
    );
    assert_eq!(out.status.code(), Some(1));
    let lines = json_lines(&out.stdout);
    assert_eq!(lines[0]["status"], "failed");
    assert!(lines[0]["error"].as_str().unwrap().contains("HTTP 500"));
}

#[test]
fn the_duplicate_guard_skips_what_the_candidate_already_has() {
    let sandbox = Sandbox::start(&["--no-rate-limits"]);
    let home = tempfile::tempdir().unwrap();
    let other_home = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let cv = write(dir.path(), "cv.pdf", &pdf_bytes(3000));
    let base = sandbox.base_url("kombo");
    let args = |home: &std::path::Path, extra: &[&str]| {
        let mut c = atsdrop(home);
        c.args([
            "upload",
            "-p",
            "kombo",
            "--base-url",
            &base,
            "--integration-id",
            sandbox.accounts["kombo"]["integration_id"]
                .as_str()
                .unwrap(),
        ])
        .args([
            "-c",
            &candidate_of(&sandbox, "kombo", 260),
            "-t",
            "CV",
            "--json",
        ])
        .args(extra)
        .arg(&cv)
        .env("ATSDROP_API_KEY", "kombo-sandbox-key");
        c.output().unwrap()
    };
    assert_eq!(
        json_lines(&args(home.path(), &[]).stdout)[0]["status"],
        "uploaded"
    );
    // Another computer (no shared journal): Kombo lists the candidate's attachments.
    let out = args(other_home.path(), &[]);
    assert_eq!(out.status.code(), Some(0));
    let line = &json_lines(&out.stdout)[0];
    assert_eq!(line["status"], "skipped");
    assert!(
        line["error"]
            .as_str()
            .unwrap()
            .contains("already on this candidate")
    );
    let out = args(other_home.path(), &["--allow-duplicates"]);
    assert_eq!(json_lines(&out.stdout)[0]["status"], "uploaded");
    assert_eq!(
        sandbox
            .stored("kombo", &candidate_of(&sandbox, "kombo", 260))
            .len(),
        2
    );
}

fn candidate_of(sandbox: &Sandbox, provider: &str, index: usize) -> String {
    let home = tempfile::tempdir().unwrap();
    let key = sandbox.accounts[provider]["api_key"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let mut c = atsdrop(home.path());
    c.args([
        "candidates",
        "-p",
        provider,
        "--base-url",
        &sandbox.base_url(provider),
        "--limit",
        "300",
        "--json",
    ])
    .env("ATSDROP_API_KEY", key);
    if let Some(id) = sandbox.accounts[provider]["integration_id"].as_str() {
        c.args(["--integration-id", id]);
    }
    if let Some(id) = sandbox.accounts[provider]["integrated_account_id"].as_str() {
        c.args(["--integrated-account-id", id]);
    }
    let out = c.output().unwrap();
    json_lines(&out.stdout)[index]["id"]
        .as_str()
        .unwrap()
        .to_owned()
}

/// Starts an upload of `files`, reads `--json` lines until `after` files finished, then
/// `kill -9`s it.
fn upload_and_kill(home: &std::path::Path, args: &[String], key: &str, after: usize) -> usize {
    let mut child = atsdrop(home)
        .args(args)
        .env("ATSDROP_API_KEY", key)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let mut seen = 0;
    for line in BufReader::new(stdout).lines() {
        let line = line.unwrap();
        if !line.trim().is_empty() {
            seen += 1;
        }
        if seen >= after {
            break;
        }
    }
    child.kill().unwrap(); // SIGKILL
    let status = child.wait().unwrap();
    assert!(!status.success(), "killed mid-way");
    seen
}

fn assert_each_stored_once(
    sandbox: &Sandbox,
    provider: &str,
    candidate: &str,
    files: &[std::path::PathBuf],
) {
    let stored = sandbox.stored(provider, candidate);
    let mut counts: HashMap<String, usize> = HashMap::new();
    for s in &stored {
        *counts.entry(s.clone()).or_default() += 1;
    }
    for f in files {
        let hash = sha256_hex(&std::fs::read(f).unwrap());
        assert_eq!(
            counts.get(&hash),
            Some(&1),
            "{} stored exactly once",
            f.display()
        );
    }
    assert_eq!(stored.len(), files.len(), "nothing else stored");
}

#[test]
fn a_killed_upload_is_finished_by_resume_exactly_once() {
    for (provider, ty) in [("spott", "CV"), ("truto", "resume")] {
        // Every upload is held a little, so the kill lands with uploads in flight.
        let fault = format!("{provider}:POST=delay:150x200");
        let sandbox = Sandbox::start(&["--no-rate-limits", "--fault", &fault]);
        let home = tempfile::tempdir().unwrap();
        let dir = tempfile::tempdir().unwrap();
        // Spott takes ten files per request: more files, so that the kill finds rides
        // still to go.
        let (count, after) = if provider == "spott" {
            (80, 1)
        } else {
            (24, 6)
        };
        let files = pdfs(dir.path(), count);
        let candidate = candidate_of(&sandbox, provider, 270);
        let key = sandbox.accounts[provider]["api_key"]
            .as_str()
            .unwrap()
            .to_owned();
        let mut args: Vec<String> = vec![
            "upload".into(),
            "-p".into(),
            provider.into(),
            "--base-url".into(),
            sandbox.base_url(provider),
        ];
        if let Some(id) = sandbox.accounts[provider]["integrated_account_id"].as_str() {
            args.extend(["--integrated-account-id".into(), id.into()]);
        }
        args.extend([
            "-c".into(),
            candidate.clone(),
            "-t".into(),
            ty.into(),
            "--json".into(),
            dir.path().to_string_lossy().into_owned(),
        ]);
        upload_and_kill(home.path(), &args, &key, after);
        let before = sandbox.stored(provider, &candidate).len();
        assert!(before < files.len(), "{provider}: the kill left work to do");

        let mut resume = atsdrop(home.path());
        resume
            .args(["resume", "--json"])
            .env("ATSDROP_API_KEY", &key);
        if let Some(id) = sandbox.accounts[provider]["integrated_account_id"].as_str() {
            resume.env("ATSDROP_INTEGRATED_ACCOUNT_ID", id);
        }
        let out = resume.output().unwrap();
        assert_eq!(
            out.status.code(),
            Some(0),
            "{provider}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let lines = json_lines(&out.stdout);
        assert!(
            lines.iter().all(|l| l["status"] == "uploaded"),
            "{provider}: {lines:?}"
        );
        assert_each_stored_once(&sandbox, provider, &candidate, &files);

        // Nothing left: a second resume has nothing to do.
        let out = atsdrop(home.path())
            .args(["resume"])
            .env("ATSDROP_API_KEY", &key)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0));
        assert!(String::from_utf8_lossy(&out.stdout).contains("Nothing to resume"));
    }
}

#[test]
fn a_killed_upload_run_again_stores_each_file_exactly_once() {
    let sandbox = Sandbox::start(&["--no-rate-limits", "--fault", "spott:POST=delay:150x200"]);
    let home = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let files = pdfs(dir.path(), 24);
    let candidate = candidate_of(&sandbox, "spott", 271);
    let args: Vec<String> = [
        "upload",
        "-p",
        "spott",
        "--base-url",
        &sandbox.base_url("spott"),
        "-c",
        &candidate,
        "-t",
        "CV",
        "--json",
    ]
    .into_iter()
    .map(str::to_owned)
    .chain([dir.path().to_string_lossy().into_owned()])
    .collect();
    upload_and_kill(home.path(), &args, "spott-sandbox-key", 5);
    let out = atsdrop(home.path())
        .args(&args)
        .env("ATSDROP_API_KEY", "spott-sandbox-key")
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines = json_lines(&out.stdout);
    assert_eq!(lines.len(), files.len());
    assert!(
        lines
            .iter()
            .all(|l| l["status"] == "uploaded" || l["status"] == "skipped"),
        "{lines:?}"
    );
    assert_each_stored_once(&sandbox, "spott", &candidate, &files);
    // History has every file, and the CSV has a header and one row per finished job.
    let out = atsdrop(home.path())
        .args(["history", "--csv"])
        .output()
        .unwrap();
    let csv = String::from_utf8(out.stdout).unwrap();
    assert!(csv.starts_with("time,file,size,sha256,system,connection,candidate_id,candidate_name,type,remote_id,outcome,message"));
    for f in &files {
        let name = f.file_name().unwrap().to_string_lossy();
        assert!(
            csv.lines()
                .any(|l| l.contains(&*name) && l.contains(",uploaded,")),
            "{name} uploaded in history:\n{csv}"
        );
    }
    assert!(
        !csv.contains("spott-sandbox-key"),
        "no secret in the journal's history"
    );
    let journal = std::fs::read_to_string(home.path().join("data/journal/journal.jsonl")).unwrap();
    assert!(
        !journal.contains("spott-sandbox-key"),
        "no secret in the journal"
    );
}

/// Review finding (issue 10): `atsdrop resume` sent whatever key the environment held to
/// whatever address the journal recorded. A job started with key K1 is resumed only with K1:
/// with K2 in the environment nothing is sent and each file says what it needs (exit 1); with
/// K1 every file is finished exactly once.
#[test]
fn resume_sends_a_key_only_to_the_job_it_was_started_with() {
    const K2: &str = "agency-b-spott-key";
    let tenant = format!("spott:agency-b:{K2}");
    let sandbox = Sandbox::start(&[
        "--no-rate-limits",
        "--fault",
        "spott:POST=delay:150x200",
        "--tenant",
        &tenant,
    ]);
    let k1 = sandbox.accounts["spott"]["api_key"]
        .as_str()
        .unwrap()
        .to_owned();
    let home = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    // Ten files ride in one request: enough files that the kill finds rides still to go.
    let files = pdfs(dir.path(), 80);
    let candidate = candidate_of(&sandbox, "spott", 272);
    let args: Vec<String> = [
        "upload",
        "-p",
        "spott",
        "--base-url",
        &sandbox.base_url("spott"),
        "-c",
        &candidate,
        "-t",
        "CV",
        "--json",
    ]
    .into_iter()
    .map(str::to_owned)
    .chain([dir.path().to_string_lossy().into_owned()])
    .collect();
    upload_and_kill(home.path(), &args, &k1, 1);
    assert!(sandbox.stored("spott", &candidate).len() < files.len());
    let requests_before = sandbox.requests("spott").len();

    let out = atsdrop(home.path())
        .args(["resume", "--json"])
        .env("ATSDROP_API_KEY", K2)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines = json_lines(&out.stdout);
    assert!(!lines.is_empty());
    for line in &lines {
        assert_eq!(line["status"], "waiting", "{line}");
        let error = line["error"].as_str().unwrap();
        assert!(
            error.contains("was not resumed") && error.contains("ATSDROP_API_KEY"),
            "{error}"
        );
        assert!(!error.contains(K2) && !error.contains(&k1), "{error}");
    }
    let requests = sandbox.requests("spott");
    assert_eq!(requests.len(), requests_before, "nothing was sent with K2");
    assert!(requests.iter().all(|r| r["tenant"] != "agency-b"));

    let out = atsdrop(home.path())
        .args(["resume", "--json"])
        .env("ATSDROP_API_KEY", &k1)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_each_stored_once(&sandbox, "spott", &candidate, &files);
    assert!(
        sandbox
            .stored_in("spott", &candidate, "agency-b")
            .is_empty()
    );
}

/// Issue 10: Endorsed remote ids for several files used to follow the position in the argument
/// list, so running the same upload with the files in another order replaced each attachment
/// with the other file. They follow the file's name.
#[test]
fn endorsed_remote_ids_follow_each_file_not_its_position() {
    let sandbox = Sandbox::start(&["--no-rate-limits"]);
    let home = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let files = pdfs(dir.path(), 2);
    let candidate = atsdrop::emulator::seed::candidates(atsdrop::model::ProviderId::Endorsed, 300)
        [40]
    .id
    .clone();
    let account = &sandbox.accounts["endorsed"];
    let run = |order: &[&std::path::PathBuf]| {
        let out = atsdrop(home.path())
            .args([
                "upload",
                "-p",
                "endorsed",
                "--base-url",
                &sandbox.base_url("endorsed"),
                "--client-id",
                account["client_id"].as_str().unwrap(),
                "-c",
                &candidate,
                "-t",
                "resume",
                "--remote-id",
                "ats-77",
                "--allow-duplicates",
                "--json",
            ])
            .args(order.iter().map(|p| p.as_os_str()))
            .env(
                "ATSDROP_CLIENT_SECRET",
                account["client_secret"].as_str().unwrap(),
            )
            .output()
            .unwrap();
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    run(&[&files[0], &files[1]]);
    run(&[&files[1], &files[0]]);
    let list: Vec<serde_json::Value> = serde_json::from_slice(&sandbox.get(&format!(
        "/_emulator/attachments?provider=endorsed&candidate={candidate}"
    )))
    .unwrap();
    assert_eq!(list.len(), 2, "upserted, not added: {list:?}");
    for f in &files {
        let name = f.file_name().unwrap().to_string_lossy().to_lowercase();
        let stored = list
            .iter()
            .find(|a| a["remote_id"] == format!("ats-77-{name}"))
            .unwrap_or_else(|| panic!("{name} under its own remote id: {list:?}"));
        assert_eq!(
            stored["sha256"],
            sha256_hex(&std::fs::read(f).unwrap()),
            "{name} kept its own content"
        );
    }
}

/// Issue 11: Onderwijsregio's 202 only queues the change. `upload` waits to see each file on
/// the candidate: `uploaded` once seen; `unconfirmed` (exit 1) when the change failed after its
/// 202 and the file never appeared within `--confirm-timeout`.
#[test]
fn onderwijsregio_uploads_are_confirmed_on_the_candidate() {
    let sandbox = Sandbox::start(&[
        "--no-rate-limits",
        "--fault",
        "onderwijsregio:POST:/candidates/*/attachments=fail-mutation",
    ]);
    let home = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let candidate = candidate_of(&sandbox, "onderwijsregio", 273);
    let key = sandbox.accounts["onderwijsregio"]["api_key"]
        .as_str()
        .unwrap()
        .to_owned();
    let run = |file: &std::path::Path| {
        atsdrop(home.path())
            .args([
                "upload",
                "-p",
                "onderwijsregio",
                "--base-url",
                &sandbox.base_url("onderwijsregio"),
                "-c",
                &candidate,
                "-t",
                "curriculumVitae",
                "--confirm-timeout",
                "2",
                "--json",
            ])
            .arg(file)
            .env("ATSDROP_API_KEY", &key)
            .output()
            .unwrap()
    };
    let failing = write(dir.path(), "first.pdf", &pdf_bytes(9_000));
    let out = run(&failing);
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines = json_lines(&out.stdout);
    assert_eq!(lines[0]["status"], "unconfirmed", "{lines:?}");
    assert!(
        lines[0]["error"]
            .as_str()
            .unwrap()
            .contains("not on the candidate"),
        "{lines:?}"
    );
    // The fault fired once: the next upload is applied, seen, and reported uploaded.
    let fine = write(dir.path(), "second.pdf", &pdf_bytes(9_500));
    let out = run(&fine);
    assert_eq!(out.status.code(), Some(0));
    let lines = json_lines(&out.stdout);
    assert_eq!(lines[0]["status"], "uploaded", "{lines:?}");
    assert_eq!(sandbox.stored("onderwijsregio", &candidate).len(), 1);
}
