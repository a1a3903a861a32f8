//! `atsdrop bulk` against the sandbox: files matched to the seeded candidates by a mapping
//! CSV, an e-mail or phone in the file, a mail's sender and the file name; look-alike names
//! held back; a dry run sends nothing; a killed run finished by `resume`, each file once.

use std::collections::HashMap;
use std::io::{BufRead as _, BufReader};
use std::path::{Path, PathBuf};
use std::process::Stdio;

use atsdrop::emulator::seed::{self, SeedCandidate};
use atsdrop::model::ProviderId;
use serde_json::Value;

use crate::support::documents::{self, Cv};
use crate::support::mails::{self, Part};
use crate::support::process::{Sandbox, atsdrop, json_lines};
use crate::support::sandbox::sha256_hex;

/// The sandbox's Spott candidates (the same seed the emulator uses).
fn seeded() -> Vec<SeedCandidate> {
    seed::candidates(ProviderId::Spott, 300)
}

/// Two seeded candidates with one full name, and candidates whose names no one else has
/// (single words, plain letters, so a file name can carry them).
fn look_alikes_and_unique(
    people: &[SeedCandidate],
) -> ((SeedCandidate, SeedCandidate), Vec<SeedCandidate>) {
    let mut by_name: std::collections::BTreeMap<String, Vec<&SeedCandidate>> =
        std::collections::BTreeMap::new();
    for p in people {
        by_name.entry(p.full_name()).or_default().push(p);
    }
    let plain = |s: &str| s.chars().all(|c| c.is_ascii_alphabetic());
    let twins = by_name
        .values()
        .find(|v| v.len() == 2 && plain(&v[0].first_name) && plain(&v[0].last_name))
        .map(|v| (v[0].clone(), v[1].clone()))
        .expect("two seeded candidates share a name");
    let unique = people
        .iter()
        .filter(|p| {
            by_name[&p.full_name()].len() == 1 && plain(&p.first_name) && plain(&p.last_name)
        })
        .cloned()
        .collect();
    (twins, unique)
}

/// A PDF with only body text and a unique reference line (no name, e-mail or phone).
fn anonymous_pdf(dir: &Path, name: &str) -> PathBuf {
    let mut first = documents::body_lines(0);
    first.insert(0, format!("Reference {}", sha256_hex(name.as_bytes())));
    documents::text_pdf(dir, name, &[first])
}

fn bulk(
    sandbox: &Sandbox,
    home: &Path,
    extra: &[&str],
    paths: &[&Path],
) -> (Option<i32>, Vec<Value>, String) {
    let out = atsdrop(home)
        .args(["bulk", "-p", "spott", "--base-url"])
        .arg(sandbox.base_url("spott"))
        .args(extra)
        .arg("--json")
        .args(paths)
        .env("ATSDROP_API_KEY", "spott-sandbox-key")
        .output()
        .unwrap();
    (
        out.status.code(),
        json_lines(&out.stdout),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn line<'a>(lines: &'a [Value], ends_with: &str) -> &'a Value {
    lines
        .iter()
        .find(|l| l["file"].as_str().is_some_and(|f| f.ends_with(ends_with)))
        .unwrap_or_else(|| panic!("no line for {ends_with} in {lines:#?}"))
}

fn upload_requests(sandbox: &Sandbox) -> usize {
    sandbox
        .requests("spott")
        .iter()
        .filter(|r| {
            r["path"]
                .as_str()
                .is_some_and(|p| p.contains("/attachments/temporary"))
        })
        .count()
}

#[test]
fn bulk_matches_each_file_by_the_best_evidence_and_holds_back_look_alikes() {
    let people = seeded();
    let ((twin_c, twin_d), unique) = look_alikes_and_unique(&people);
    let (anna, bram, eva, finn) = (&unique[0], &unique[1], &unique[2], &unique[3]);
    let sandbox = Sandbox::start(&["--no-rate-limits"]);
    let home = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();

    // An e-mail in the file (the phone is someone else's: the e-mail wins).
    let by_email = documents::cv_pdf(
        d,
        "cv-1.pdf",
        &Cv {
            name: &anna.full_name(),
            email: &anna.email,
            phone: "+44 20 7946 0958",
            pages: 1,
        },
    );
    // The name at the top is shared by two candidates; the phone picks one.
    let by_phone = documents::cv_pdf(
        d,
        "Lebenslauf.pdf",
        &Cv {
            name: &twin_c.full_name(),
            email: "",
            phone: &twin_c.phone,
            pages: 1,
        },
    );
    // Only the file name says whose: "Last, First - CV.pdf".
    let by_name = anonymous_pdf(
        d,
        &format!("{}, {} - CV.pdf", bram.last_name, bram.first_name),
    );
    // A look-alike name alone: two candidates, held back.
    let twins = anonymous_pdf(
        d,
        &format!("CV_{}_{}.pdf", twin_d.first_name, twin_d.last_name),
    );
    // Mapped by the CSV, whatever it says.
    let mapped = anonymous_pdf(d, "mapped.pdf");
    std::fs::write(
        d.join("map.csv"),
        format!("file,candidate_id\nmapped.pdf,{}\n", eva.id),
    )
    .unwrap();
    // Nothing to go on.
    let nobody = anonymous_pdf(d, "scan-0001.pdf");
    // In a mail from the candidate.
    let attachment_pdf = std::fs::read(anonymous_pdf(d, "attachment.pdf")).unwrap();
    std::fs::remove_file(d.join("attachment.pdf")).unwrap();
    let mail = mails::write(
        d,
        "Application.eml",
        &mails::mime(
            &[
                ("From", &format!("{} <{}>", finn.full_name(), finn.email)),
                ("Subject", "My CV"),
            ],
            &[Part::attachment(
                "application/pdf",
                "attachment.pdf",
                &attachment_pdf,
            )],
        ),
    );
    let map = d.join("map.csv");
    let files: Vec<&Path> = vec![
        &by_email, &by_phone, &by_name, &twins, &mapped, &nobody, &mail,
    ];

    let (code, lines, stderr) = bulk(
        &sandbox,
        home.path(),
        &["--dry-run", "--map", map.to_str().unwrap()],
        &files,
    );
    assert_eq!(
        code,
        Some(1),
        "unmatched and ambiguous files: exit 1\n{stderr}\n{lines:#?}"
    );
    assert_eq!(lines.len(), 7, "{lines:#?}");
    let expect = |file: &str, status: &str, candidate: Option<&str>, by: Option<&str>| {
        let l = line(&lines, file);
        assert_eq!(l["status"], status, "{l}");
        assert_eq!(l["candidate"].as_str(), candidate, "{l}");
        assert_eq!(l["matched_by"].as_str(), by, "{l}");
    };
    expect("cv-1.pdf", "ready", Some(&anna.id), Some("email_in_file"));
    expect(
        "Lebenslauf.pdf",
        "ready",
        Some(&twin_c.id),
        Some("phone_in_file"),
    );
    expect(
        " - CV.pdf",
        "ready",
        Some(&bram.id),
        Some("name_in_file_name"),
    );
    expect(
        &format!("CV_{}_{}.pdf", twin_d.first_name, twin_d.last_name),
        "ambiguous",
        None,
        None,
    );
    expect("mapped.pdf", "ready", Some(&eva.id), Some("mapping"));
    expect("scan-0001.pdf", "unmatched", None, None);
    expect(
        "Application.eml \u{203a} attachment.pdf",
        "ready",
        Some(&finn.id),
        Some("mail_sender"),
    );
    let ambiguous = line(
        &lines,
        &format!("CV_{}_{}.pdf", twin_d.first_name, twin_d.last_name),
    );
    assert!(
        ambiguous["error"]
            .as_str()
            .unwrap()
            .contains("2 candidates fit its name in the file name"),
        "{ambiguous}"
    );
    assert_eq!(upload_requests(&sandbox), 0, "a dry run sends nothing");

    // The real run: the matched files go to their candidates, the others stay.
    let (code, lines, stderr) = bulk(
        &sandbox,
        home.path(),
        &["--map", map.to_str().unwrap()],
        &files,
    );
    assert_eq!(code, Some(1), "{stderr}\n{lines:#?}");
    for (file, who) in [
        (&by_email, anna),
        (&by_phone, &twin_c),
        (&by_name, bram),
        (&mapped, eva),
    ] {
        let sha = sha256_hex(&std::fs::read(file).unwrap());
        assert_eq!(
            sandbox
                .stored("spott", &who.id)
                .iter()
                .filter(|s| **s == sha)
                .count(),
            1,
            "{} stored once at {}",
            file.display(),
            who.id
        );
    }
    assert!(
        sandbox
            .stored("spott", &finn.id)
            .contains(&sha256_hex(&attachment_pdf))
    );
    let sent = line(&lines, "cv-1.pdf");
    assert_eq!(sent["status"], "uploaded", "{sent}");
    assert_eq!(sent["candidate"], anna.id.as_str());
    assert_eq!(sent["matched_by"], "email_in_file");
    for held in [&twins, &nobody] {
        let sha = sha256_hex(&std::fs::read(held).unwrap());
        assert!(
            people
                .iter()
                .all(|p| !sandbox.stored("spott", &p.id).contains(&sha)),
            "{} was never sent",
            held.display()
        );
    }
}

#[test]
fn a_killed_bulk_run_is_finished_by_resume_each_file_once_at_its_candidate() {
    let people = seeded();
    let (_, unique) = look_alikes_and_unique(&people);
    // Every upload is held a little, so the kill lands with uploads in flight.
    let sandbox = Sandbox::start(&["--no-rate-limits", "--fault", "spott:POST=delay:400x400"]);
    let home = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let mut expected: Vec<(PathBuf, &SeedCandidate)> = Vec::new();
    for (i, who) in unique.iter().take(12).enumerate() {
        let cv = documents::cv_pdf(
            dir.path(),
            &format!("cv-{i:02}.pdf"),
            &Cv {
                name: &who.full_name(),
                email: &who.email,
                phone: &who.phone,
                pages: 1,
            },
        );
        expected.push((cv, who));
    }
    let mut child = atsdrop(home.path())
        .args(["bulk", "-p", "spott", "--base-url"])
        .arg(sandbox.base_url("spott"))
        .args(["--type", "CV", "--json"])
        .arg(dir.path())
        .env("ATSDROP_API_KEY", "spott-sandbox-key")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let mut finished = 0;
    for text in BufReader::new(stdout).lines() {
        if !text.unwrap().trim().is_empty() {
            finished += 1;
        }
        if finished >= 3 {
            break;
        }
    }
    child.kill().unwrap(); // SIGKILL
    assert!(!child.wait().unwrap().success());
    let stored_before: usize = expected
        .iter()
        .map(|(_, who)| sandbox.stored("spott", &who.id).len())
        .sum();
    assert!(stored_before < expected.len(), "the kill left work to do");

    let out = atsdrop(home.path())
        .args(["resume", "--json"])
        .env("ATSDROP_API_KEY", "spott-sandbox-key")
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for (file, who) in &expected {
        let sha = sha256_hex(&std::fs::read(file).unwrap());
        let stored = sandbox.stored("spott", &who.id);
        assert_eq!(
            stored.iter().filter(|s| **s == sha).count(),
            1,
            "{} stored exactly once at {} (stored before resume: {stored_before})",
            file.display(),
            who.id
        );
    }
}

#[test]
fn the_bulk_screen_matches_a_dropped_folder_and_sends_only_what_is_matched() {
    use crate::gui::start_sandbox;
    use crate::support::gui::Gui;
    use atsdrop::app::{Tab, bulk};

    let people = seeded();
    let ((twin_c, twin_d), unique) = look_alikes_and_unique(&people);
    let (anna, bram) = (&unique[5], &unique[6]);
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let by_email = documents::cv_pdf(
        d,
        "cv-anna.pdf",
        &Cv {
            name: &anna.full_name(),
            email: &anna.email,
            phone: "+44 20 7946 0958",
            pages: 1,
        },
    );
    let by_name = anonymous_pdf(d, &format!("{} {} CV.pdf", bram.first_name, bram.last_name));
    let twins = anonymous_pdf(
        d,
        &format!("{}, {} - CV.pdf", twin_d.last_name, twin_d.first_name),
    );
    let nobody = anonymous_pdf(d, "notes-0042.pdf");

    let mut gui = Gui::start();
    start_sandbox(&mut gui);
    gui.click("Bulk");
    assert_eq!(gui.app().tab, Tab::Bulk);
    gui.drop_files(&[d.to_path_buf()]);
    gui.until("every file matched", |h| {
        let bulk = &h.state().bulk;
        bulk.pending == 0 && bulk.rows.len() == 4 && bulk.rows.iter().all(|r| r.proposal.is_some())
    });
    let row = |gui: &Gui, path: &Path| -> bulk::Row {
        gui.app()
            .bulk
            .rows
            .iter()
            .find(|r| r.facts.path == path)
            .unwrap()
            .clone()
    };
    let anna_row = row(&gui, &by_email);
    assert_eq!(
        anna_row.candidate.as_ref().map(|c| c.id.as_str()),
        Some(anna.id.as_str())
    );
    assert_eq!(anna_row.why.as_deref(), Some("e-mail in the file"));
    let bram_row = row(&gui, &by_name);
    assert_eq!(
        bram_row.candidate.as_ref().map(|c| c.id.as_str()),
        Some(bram.id.as_str())
    );
    assert_eq!(bram_row.why.as_deref(), Some("name in the file name"));
    let twins_row = row(&gui, &twins);
    assert!(twins_row.candidate.is_none());
    assert_eq!(
        twins_row.choices().len(),
        2,
        "both look-alikes offered: {twins_row:?}"
    );
    assert_eq!(gui.app().bulk_outcome(&twins_row), "ambiguous");
    assert_eq!(gui.app().bulk_outcome(&row(&gui, &nobody)), "unmatched");
    gui.until_shown("Send 2 matched");
    gui.until_shown("needs a choice");

    // The user settles the look-alike: it goes to the one they chose.
    let chosen = twins_row
        .choices()
        .into_iter()
        .find(|c| c.id == twin_c.id)
        .unwrap();
    gui.harness
        .state_mut()
        .commands
        .push(atsdrop::app::Command::Bulk(bulk::Command::SetCandidate(
            twins_row.id,
            Some(chosen),
        )));
    gui.harness.step();
    gui.until_shown("Send 3 matched");
    gui.click("Send 3 matched");
    gui.until("the three files stored", |h| {
        h.state()
            .bulk
            .rows
            .iter()
            .filter(|r| h.state().bulk_outcome(r) == "uploaded")
            .count()
            == 3
    });
    let store = gui.app().sandbox.as_ref().unwrap().store();
    for (file, who) in [(&by_email, anna), (&by_name, bram), (&twins, &twin_c)] {
        let sha = sha256_hex(&std::fs::read(file).unwrap());
        assert!(
            store
                .attachments(ProviderId::Spott, Some(&who.id))
                .iter()
                .any(|a| a.sha256 == sha),
            "{} at {}",
            file.display(),
            who.id
        );
    }
    // A row with no one to offer takes a candidate id.
    let someone = &unique[7];
    gui.type_into("Candidate id for notes-0042.pdf", &someone.id);
    gui.harness.key_press(egui::Key::Enter);
    gui.harness.step();
    let wanted = someone.id.clone();
    let nobody_path = nobody.clone();
    gui.until("the typed candidate looked up and set", move |h| {
        h.state().bulk.rows.iter().any(|r| {
            r.facts.path == nobody_path
                && r.candidate.as_ref().is_some_and(|c| c.id == wanted)
                && r.why.as_deref() == Some("chosen by you")
        })
    });
    gui.until_shown("Send 1 matched");

    let store = gui.app().sandbox.as_ref().unwrap().store();
    let nobody_sha = sha256_hex(&std::fs::read(&nobody).unwrap());
    assert!(
        people.iter().all(|p| store
            .attachments(ProviderId::Spott, Some(&p.id))
            .iter()
            .all(|a| a.sha256 != nobody_sha)),
        "the unmatched file was not sent (it is only ready now)"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_look_alike_name_is_held_back_and_every_unique_one_matched() {
    use atsdrop::bulk::{Evidence, Mapping, Matcher, Proposal};
    use atsdrop::content::identity::Ignore;
    use atsdrop::upload::lane::Lane;

    let emulator = crate::support::sandbox::emulator_with(atsdrop::emulator::EmulatorConfig {
        rate_limits: false,
        ..Default::default()
    })
    .await;
    let client = atsdrop::providers::connect(&emulator.connection(ProviderId::Spott)).unwrap();
    let lane = std::sync::Arc::new(Lane::new(
        "Spott".into(),
        ProviderId::Spott,
        ProviderId::Spott.profile().rate_limit.value,
        1,
    ));
    let matcher = Matcher::new(client, lane, Ignore::default(), Mapping::default());
    let people = seeded();
    let mut by_name: HashMap<String, usize> = HashMap::new();
    for p in &people {
        *by_name.entry(p.full_name()).or_default() += 1;
    }
    let mut wrong = Vec::new();
    for p in &people {
        let file = format!("{}, {} - CV.pdf", p.last_name, p.first_name);
        let proposal = matcher
            .propose(&Evidence {
                path: PathBuf::from(&file),
                name: file.clone(),
                content: None,
                senders: Vec::new(),
            })
            .await
            .unwrap();
        let ok = match (&proposal, by_name[&p.full_name()]) {
            (Proposal::Matched { candidate, .. }, 1) => candidate.id == p.id,
            (Proposal::Ambiguous { candidates, .. }, n) => n > 1 && candidates.len() == n,
            _ => false,
        };
        if !ok {
            wrong.push(format!("{file}: {proposal:?}"));
        }
    }
    assert!(
        wrong.is_empty(),
        "{} wrong:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}
