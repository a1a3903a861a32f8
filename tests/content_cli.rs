//! The content check from the command line: `atsdrop validate --json` reporting health, and
//! `atsdrop upload` (dry run and real) judging whose each file is against the sandbox.

use std::path::{Path, PathBuf};
use std::process::Output;

use serde_json::Value;

use crate::support::documents::{self, Cv};
use crate::support::process::{Sandbox, atsdrop, json_lines};
use crate::support::sandbox::sha256_hex;

/// A seeded Spott candidate, as `atsdrop candidates` lists them.
#[derive(Clone, Debug)]
struct Seeded {
    id: String,
    name: String,
    email: String,
}

impl Seeded {
    /// Their CV: name, e-mail and a phone number (not the one on file) at the top.
    fn cv(&self) -> Cv<'_> {
        Cv {
            name: &self.name,
            email: &self.email,
            phone: "+44 20 7946 0958",
            pages: 2,
        }
    }
}

/// Two seeded Spott candidates with plain ASCII names (any two people would do; these keep
/// failure messages readable).
fn two_candidates(sandbox: &Sandbox) -> (Seeded, Seeded) {
    let home = tempfile::tempdir().unwrap();
    let out = atsdrop(home.path())
        .args(["candidates", "-p", "spott", "--base-url"])
        .arg(sandbox.base_url("spott"))
        .args(["--limit", "40", "--json"])
        .env("ATSDROP_API_KEY", "spott-sandbox-key")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut people = json_lines(&out.stdout).into_iter().filter_map(|c| {
        let seeded = Seeded {
            id: c["id"].as_str()?.to_owned(),
            name: c["name"].as_str()?.to_owned(),
            email: c["email"].as_str()?.to_owned(),
        };
        seeded
            .name
            .chars()
            .all(|ch| ch.is_ascii_alphabetic() || ch == ' ')
            .then_some(seeded)
    });
    let first = people.next().expect("a candidate with a plain name");
    // Someone with another surname, so neither name is found in the other's CV.
    let last_word = |s: &Seeded| s.name.rsplit(' ').next().unwrap_or_default().to_owned();
    let second = people
        .find(|p| {
            last_word(p) != last_word(&first)
                && p.name.split(' ').next() != first.name.split(' ').next()
        })
        .expect("a second candidate");
    (first, second)
}

/// `atsdrop upload -p spott` against the sandbox for `candidate`, as CV, with `extra`
/// arguments, for `files`.
fn upload(
    sandbox: &Sandbox,
    home: &Path,
    candidate: &str,
    extra: &[&str],
    files: &[&PathBuf],
) -> Output {
    atsdrop(home)
        .args(["upload", "-p", "spott", "--base-url"])
        .arg(sandbox.base_url("spott"))
        .args(["-c", candidate, "-t", "CV"])
        .args(extra)
        .args(files)
        .env("ATSDROP_API_KEY", "spott-sandbox-key")
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
}

/// The JSON line of the file whose path ends in `name`.
fn line_for<'a>(lines: &'a [Value], name: &str) -> &'a Value {
    lines
        .iter()
        .find(|l| l["file"].as_str().is_some_and(|f| f.ends_with(name)))
        .unwrap_or_else(|| panic!("no line for {name} in {lines:#?}"))
}

/// Requests that would have put a file on Spott (the temporary upload and its assignment).
fn upload_requests(sandbox: &Sandbox) -> Vec<Value> {
    sandbox
        .requests("spott")
        .into_iter()
        .filter(|r| {
            r["path"]
                .as_str()
                .is_some_and(|p| p.contains("/attachments/temporary"))
        })
        .collect()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn validate_json_reports_macros_and_passwords_in_plain_sentences() {
    let dir = tempfile::tempdir().unwrap();
    let cv = Cv {
        name: "Anna van den Berg",
        email: "anna@example.com",
        phone: "+31 6 1234 5678",
        pages: 1,
    };
    let docm = documents::cv_docm(dir.path(), "cv.docm", &cv);
    let locked = documents::encrypted_docx(dir.path(), "locked.docx");
    let plain = documents::cv_docx(dir.path(), "cv.docx", &cv);
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_atsdrop"))
        .args(["validate", "-p", "spott", "-t", "CV", "--json"])
        .args([&docm, &locked, &plain])
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    let lines = json_lines(&out.stdout);
    assert_eq!(lines.len(), 3, "{lines:#?}");

    let macros = line_for(&lines, "cv.docm");
    assert_eq!(macros["health"], serde_json::json!(["macros"]));
    assert_eq!(macros["ok"], false);
    assert_eq!(
        macros["problems"],
        serde_json::json!([
            "cv.docm contains macros, which can run programs on whoever opens it: ask for a copy saved without macros (.docx or PDF), or confirm to send it as it is."
        ])
    );

    let password = line_for(&lines, "locked.docx");
    assert_eq!(password["health"], serde_json::json!(["needs_password"]));
    assert_eq!(password["ok"], false);
    assert_eq!(
        password["problems"],
        serde_json::json!([
            "locked.docx is locked with a password, so Spott cannot open it: ask the candidate for a copy without a password."
        ])
    );
    // Not the sniffer's words for an unknown OLE file.
    let said = password["problems"].to_string();
    assert!(!said.contains("rename it"), "{said}");
    assert!(!said.contains("application/x-ole-storage"), "{said}");

    let fine = line_for(&lines, "cv.docx");
    assert_eq!(fine["health"], serde_json::json!([]));
    assert_eq!(fine["ok"], true, "{fine}");
}

#[test]
fn a_dry_run_says_whose_each_cv_is_and_sends_nothing() {
    let sandbox = Sandbox::start(&["--no-rate-limits"]);
    let (chosen, other) = two_candidates(&sandbox);
    let home = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let theirs = documents::cv_pdf(dir.path(), "theirs.pdf", &chosen.cv());
    let someone_elses = documents::cv_pdf(dir.path(), "someone-elses.pdf", &other.cv());
    let nobodys = documents::text_pdf(
        dir.path(),
        "nobodys.pdf",
        &[documents::body_lines(0), documents::body_lines(1)],
    );

    // Some seeded candidates already hold files.
    let before = sandbox.stored("spott", &chosen.id);
    let out = upload(
        &sandbox,
        home.path(),
        &chosen.id,
        &["--dry-run", "--json"],
        &[&theirs, &someone_elses, &nobodys],
    );
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    let lines = json_lines(&out.stdout);
    assert_eq!(lines.len(), 3, "{lines:#?}");

    let match_line = line_for(&lines, "theirs.pdf");
    assert_eq!(match_line["status"], "ready", "{match_line}");
    assert_eq!(match_line["health"], serde_json::json!([]));
    assert_eq!(match_line["identity"]["verdict"], "match", "{match_line}");
    assert_eq!(
        match_line["identity"]["found"]["emails"],
        serde_json::json!([chosen.email.to_lowercase()])
    );
    assert!(match_line.get("error").is_none(), "{match_line}");

    let other_line = line_for(&lines, "someone-elses.pdf");
    assert_eq!(other_line["status"], "refused", "{other_line}");
    assert_eq!(
        other_line["codes"],
        serde_json::json!(["other_person"]),
        "{other_line}"
    );
    assert!(match_line.get("codes").is_none(), "{match_line}");
    assert_eq!(other_line["identity"]["verdict"], "other", "{other_line}");
    let seems = &other_line["identity"]["seems_to_be"];
    assert_eq!(seems["id"], other.id.as_str(), "{other_line}");
    assert_eq!(seems["name"], other.name.as_str(), "{other_line}");
    assert_eq!(seems["email"], other.email.as_str(), "{other_line}");
    let error = other_line["error"].as_str().unwrap();
    assert!(error.contains("someone-elses.pdf"), "{error}");
    assert!(error.contains(&other.email.to_lowercase()), "{error}");
    assert!(error.contains(&format!("{}'s", other.name)), "{error}");

    let unknown_line = line_for(&lines, "nobodys.pdf");
    assert_eq!(unknown_line["status"], "ready", "{unknown_line}");
    assert_eq!(
        unknown_line["identity"]["verdict"], "unknown",
        "{unknown_line}"
    );
    assert!(unknown_line["identity"].get("seems_to_be").is_none());

    // Nothing was sent: no upload request, nothing stored on the candidate.
    assert_eq!(upload_requests(&sandbox), Vec::<Value>::new());
    assert_eq!(sandbox.stored("spott", &chosen.id), before);

    // The two files that are ready make a dry run that exits 0.
    let out = upload(
        &sandbox,
        home.path(),
        &chosen.id,
        &["--dry-run", "--json"],
        &[&theirs, &nobodys],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stdout));
    let lines = json_lines(&out.stdout);
    assert!(lines.iter().all(|l| l["status"] == "ready"), "{lines:#?}");
    assert_eq!(upload_requests(&sandbox), Vec::<Value>::new());
}

#[test]
fn another_persons_cv_is_sent_only_when_allowed() {
    let sandbox = Sandbox::start(&["--no-rate-limits"]);
    let (chosen, other) = two_candidates(&sandbox);
    let home = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let cv = documents::cv_pdf(dir.path(), "cv-of-someone.pdf", &other.cv());

    // Some seeded candidates already hold files.
    let before = sandbox.stored("spott", &chosen.id);
    let others_before = sandbox.stored("spott", &other.id);
    let out = upload(&sandbox, home.path(), &chosen.id, &[], &[&cv]);
    let said = text(&out.stdout) + &text(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{said}");
    let sentence = said
        .lines()
        .find(|l| l.contains("cv-of-someone.pdf looks like"))
        .unwrap_or_else(|| panic!("no sentence about the file in {said}"));
    assert!(sentence.contains(&other.email.to_lowercase()), "{sentence}");
    assert_eq!(upload_requests(&sandbox), Vec::<Value>::new());
    assert_eq!(sandbox.stored("spott", &chosen.id), before);

    let out = upload(
        &sandbox,
        home.path(),
        &chosen.id,
        &["--allow-other-person", "--json"],
        &[&cv],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let lines = json_lines(&out.stdout);
    assert_eq!(lines[0]["status"], "uploaded", "{lines:#?}");
    let mut expected = before;
    expected.push(sha256_hex(&std::fs::read(&cv).unwrap()));
    assert_eq!(sandbox.stored("spott", &chosen.id), expected);
    assert_eq!(sandbox.stored("spott", &other.id), others_before);
}

#[test]
fn a_macro_document_is_sent_only_when_allowed() {
    let sandbox = Sandbox::start(&["--no-rate-limits"]);
    let (chosen, _) = two_candidates(&sandbox);
    let home = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let docm = documents::cv_docm(dir.path(), "cv.docm", &chosen.cv());

    // Some seeded candidates already hold files.
    let before = sandbox.stored("spott", &chosen.id);
    let out = upload(&sandbox, home.path(), &chosen.id, &["--json"], &[&docm]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    let lines = json_lines(&out.stdout);
    assert_eq!(lines.len(), 1, "{lines:#?}");
    assert_eq!(lines[0]["status"], "refused");
    let error = lines[0]["error"].as_str().unwrap();
    assert!(error.starts_with("cv.docm contains macros"), "{error}");
    assert_eq!(upload_requests(&sandbox), Vec::<Value>::new());

    let out = upload(
        &sandbox,
        home.path(),
        &chosen.id,
        &["--allow-macros", "--json"],
        &[&docm],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let lines = json_lines(&out.stdout);
    assert_eq!(lines[0]["status"], "uploaded", "{lines:#?}");
    let mut expected = before;
    expected.push(sha256_hex(&std::fs::read(&docm).unwrap()));
    assert_eq!(sandbox.stored("spott", &chosen.id), expected);
}

#[test]
fn an_address_of_the_recruiters_own_domain_makes_no_one_else() {
    let sandbox = Sandbox::start(&["--no-rate-limits"]);
    let (chosen, _) = two_candidates(&sandbox);
    let home = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    // A note the recruiter wrote, their colleague's address at the top.
    let mut page = vec!["pieter.dekker@acme-recruiting.nl".to_owned()];
    page.extend(documents::body_lines(0));
    let note = documents::text_pdf(dir.path(), "note.pdf", &[page]);

    let verdict = |extra: &[&str]| {
        let mut args = vec!["--dry-run", "--json"];
        args.extend_from_slice(extra);
        let out = upload(&sandbox, home.path(), &chosen.id, &args, &[&note]);
        let lines = json_lines(&out.stdout);
        (out.status.code(), lines[0]["identity"]["verdict"].clone())
    };
    assert_eq!(verdict(&[]), (Some(2), Value::from("other")));
    assert_eq!(
        verdict(&["--own-domain", "acme-recruiting.nl"]),
        (Some(0), Value::from("unknown"))
    );
}

/// The reader process gets the file's path as an argument after its options; a relative path
/// that starts with `-` must still be taken as the path (`--` before it), or the file's
/// content goes unread and its macros unflagged.
#[test]
fn a_file_whose_name_starts_with_a_dash_is_still_read() {
    let dir = tempfile::tempdir().unwrap();
    let cv = Cv {
        name: "Anna van den Berg",
        email: "anna@example.com",
        phone: "+31 6 1234 5678",
        pages: 1,
    };
    documents::cv_docm(dir.path(), "-cv.docm", &cv);
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_atsdrop"))
        .args([
            "validate", "-p", "spott", "-t", "CV", "--json", "--", "-cv.docm",
        ])
        .current_dir(dir.path())
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    let lines = json_lines(&out.stdout);
    assert_eq!(
        lines[0]["health"],
        serde_json::json!(["macros"]),
        "{lines:#?}"
    );
    assert_eq!(out.status.code(), Some(2));
}
