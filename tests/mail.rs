//! Mail in: e-mails (`.eml`, `.msg`) open into their attachments in the command line and the
//! app, their sender points at the candidate, and a hostile mail costs a sentence.

use std::path::{Path, PathBuf};
use std::time::Duration;

use atsdrop::mail::{MailOpener, SenderRole};
use atsdrop::model::ProviderId;
use serde_json::Value;

use crate::gui::{choose_candidate, start_sandbox};
use crate::support::gui::Gui;
use crate::support::mails::{self, Encoding, MsgAttachment, Part};
use crate::support::process::{Sandbox, atsdrop, json_lines};
use crate::support::sandbox::{pdf_bytes, sha256_hex};

/// A small Word document (a zip with `word/document.xml`), as bytes.
fn docx_bytes() -> Vec<u8> {
    let dir = tempfile::tempdir().unwrap();
    let cv = crate::support::documents::Cv {
        name: "Anaïs Dubois",
        email: "anais@example.com",
        phone: "+33 6 12 34 56 78",
        pages: 1,
    };
    std::fs::read(crate::support::documents::cv_docx(
        dir.path(),
        "cv.docx",
        &cv,
    ))
    .unwrap()
}

/// A candidate's mail: a PDF (base64, RFC 2231 name with accents), a DOCX (quoted-printable,
/// RFC 2047 name), an inline logo the HTML shows, and a forwarded message holding a PDF.
fn application_mail(from: &str, pdf: &[u8], docx: &[u8]) -> Vec<u8> {
    let forwarded = mails::mime(
        &[
            ("From", "Bram Visser <bram@example.org>"),
            ("Subject", "My old CV"),
            ("Date", "Mon, 30 Nov 2026 10:00:00 +0000"),
        ],
        &[
            Part::text("An older one."),
            Part::attachment("application/pdf", "old-cv.pdf", b"%PDF-1.4\n%old\n"),
        ],
    );
    let html = Part {
        content_type: "text/html; charset=utf-8".into(),
        disposition: None,
        content_id: None,
        encoding: Encoding::QuotedPrintable,
        body: b"<p>Dear team, my CV is attached.</p><img src=\"cid:logo.123@mail\">".to_vec(),
    };
    let logo = Part {
        content_type: "image/png".into(),
        disposition: Some("inline; filename=\"logo.png\"".into()),
        content_id: Some("logo.123@mail".into()),
        encoding: Encoding::Base64,
        body: crate::support::sandbox::PNG_1X1.to_vec(),
    };
    let cv = Part {
        content_type: "application/pdf".into(),
        disposition: Some("attachment; filename*=UTF-8''Curr%C3%ADculum%20Ana%C3%AFs.pdf".into()),
        content_id: None,
        encoding: Encoding::Base64,
        body: pdf.to_vec(),
    };
    let letter = Part {
        content_type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            .into(),
        disposition: Some(
            "attachment; filename=\"=?ISO-8859-1?Q?Lettre_de_motivation_=E9t=E9.docx?=\"".into(),
        ),
        content_id: None,
        encoding: Encoding::QuotedPrintable,
        body: docx.to_vec(),
    };
    mails::mime(
        &[
            ("From", from),
            ("To", "jobs@agency.example"),
            ("Subject", "=?UTF-8?Q?Candidature_=E2=80=93_Ana=C3=AFs?="),
            ("Date", "Fri, 04 Dec 2026 09:30:00 +0100"),
        ],
        &[html, logo, cv, letter, Part::forwarded(&forwarded)],
    )
}

fn line_for<'a>(lines: &'a [Value], ends_with: &str) -> &'a Value {
    lines
        .iter()
        .find(|l| l["file"].as_str().is_some_and(|f| f.ends_with(ends_with)))
        .unwrap_or_else(|| panic!("no line for {ends_with} in {lines:#?}"))
}

fn work_folder_entries(home: &Path) -> usize {
    std::fs::read_dir(home.join("data").join("work")).map_or(0, Iterator::count)
}

#[test]
fn validate_opens_a_mail_into_its_attachments_with_their_names_decoded() {
    let home = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let pdf = pdf_bytes(30_000);
    let docx = docx_bytes();
    let mail = mails::write(
        dir.path(),
        "Candidature.eml",
        &application_mail("Anaïs Dubois <Anais@Example.com>", &pdf, &docx),
    );
    let out = atsdrop(home.path())
        .args(["validate", "-p", "spott", "-t", "CV", "--json"])
        .arg(&mail)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    let lines = json_lines(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stderr}{lines:#?}");
    assert_eq!(lines.len(), 3, "{lines:#?}");
    let cv = line_for(
        &lines,
        "Candidature.eml \u{203a} Curr\u{ed}culum Ana\u{ef}s.pdf",
    );
    assert_eq!(cv["detected_type"], "application/pdf");
    assert_eq!(
        cv["from_mail"]["subject"],
        "Candidature \u{2013} Ana\u{ef}s"
    );
    assert_eq!(cv["from_mail"]["date"], "2026-12-04T09:30:00+01:00");
    assert_eq!(
        cv["from_mail"]["sender"],
        "Ana\u{ef}s Dubois <anais@example.com>"
    );
    let letter = line_for(&lines, "\u{203a} Lettre de motivation \u{e9}t\u{e9}.docx");
    assert_eq!(
        letter["detected_type"],
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    );
    // The forwarded message is opened; the logo the text shows is left out, and said so.
    line_for(&lines, "\u{203a} old-cv.pdf");
    assert!(
        stderr.contains("logo.png in the e-mail") && stderr.contains("not an attachment"),
        "{stderr}"
    );
    // Nothing of the mail stays in the work folder after a check.
    assert_eq!(work_folder_entries(home.path()), 0);

    // A folder holding the mail opens it the same way.
    let out = atsdrop(home.path())
        .args(["validate", "-p", "spott", "-t", "CV", "--json"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(json_lines(&out.stdout).len(), 3);
}

#[test]
fn the_attachments_come_out_byte_for_byte_and_a_50_mb_one_too() {
    let dir = tempfile::tempdir().unwrap();
    let work = tempfile::tempdir().unwrap();
    // 50 MB that does not compress: every byte must survive base64 and the process boundary.
    let mut big = vec![0u8; 50 * 1024 * 1024];
    let mut state = 0x2545_f491_4f6c_dd1d_u64;
    for chunk in big.chunks_mut(8) {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        chunk.copy_from_slice(&state.to_le_bytes()[..chunk.len()]);
    }
    big[..5].copy_from_slice(b"%PDF-");
    let docx = docx_bytes();
    let mail = mails::write(
        dir.path(),
        "big.eml",
        &mails::mime(
            &[("From", "a@example.com"), ("Subject", "Portfolio")],
            &[
                Part::text("Here it is."),
                Part::attachment("application/pdf", "portfolio.pdf", &big),
                Part {
                    encoding: Encoding::QuotedPrintable,
                    ..Part::attachment("application/octet-stream", "cv.docx", &docx)
                },
            ],
        ),
    );
    let opener = MailOpener::new(PathBuf::from(env!("CARGO_BIN_EXE_atsdrop")));
    let out_dir = work.path().join("mail-1");
    let answer = opener.open(&mail, &out_dir);
    assert_eq!(answer.unreadable, None);
    assert_eq!(answer.attachments.len(), 2, "{:?}", answer.left_out);
    let first = &answer.attachments[0].path;
    assert!(first.starts_with(&out_dir) && first.ends_with("portfolio.pdf"));
    assert_eq!(sha256_hex(&std::fs::read(first).unwrap()), sha256_hex(&big));
    assert_eq!(std::fs::read(&answer.attachments[1].path).unwrap(), docx);
    assert_eq!(answer.subject.as_deref(), Some("Portfolio"));
    assert_eq!(answer.senders[0].email, "a@example.com");
    assert_eq!(answer.senders[0].role, SenderRole::From);
}

#[test]
fn an_outlook_msg_opens_into_its_attachments_and_hidden_pictures_stay_out() {
    let home = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let pdf = pdf_bytes(12_000);
    let msg = mails::msg(
        dir.path(),
        "Sollicitatie.msg",
        "Sollicitatie Jan de Vries",
        ("jan.devries@example.nl", "Jan de Vries"),
        &[
            MsgAttachment {
                name: "CV Jan de Vries.pdf",
                data: &pdf,
                hidden: false,
            },
            MsgAttachment {
                name: "image001.png",
                data: crate::support::sandbox::PNG_1X1,
                hidden: true,
            },
        ],
    );
    let out = atsdrop(home.path())
        .args([
            "validate",
            "-p",
            "onderwijsregio",
            "-t",
            "curriculumVitae",
            "--json",
        ])
        .arg(&msg)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    let lines = json_lines(&out.stdout);
    assert_eq!(lines.len(), 1, "{lines:#?}");
    let cv = line_for(&lines, "Sollicitatie.msg \u{203a} CV Jan de Vries.pdf");
    assert_eq!(cv["from_mail"]["subject"], "Sollicitatie Jan de Vries");
    assert_eq!(
        cv["from_mail"]["sender"],
        "Jan de Vries <jan.devries@example.nl>"
    );
    assert_eq!(cv["from_mail"]["date"], "2026-12-04T08:30:00Z");
    assert!(stderr.contains("image001.png in the e-mail"), "{stderr}");
}

#[test]
fn malformed_and_empty_mails_cost_a_sentence_each() {
    let home = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let only_headers = mails::write(
        dir.path(),
        "only-headers.eml",
        b"From: a@example.com\r\nSubject: nothing attached\r\nDate: Fri, 04 Dec 2026 09:30:00 +0100\r\n\r\n",
    );
    let garbage = mails::write(dir.path(), "garbage.eml", b"\x00\x01\x02\x03 not a mail");
    // A boundary that never ends, a part cut in its base64, a header line with no end.
    let broken = mails::write(
        dir.path(),
        "broken.eml",
        b"From: a@example.com\r\nContent-Type: multipart/mixed; boundary=\"x\"\r\n\r\n--x\r\nContent-Type: application/pdf\r\nContent-Disposition: attachment; filename=\"cut.pdf\"\r\nContent-Transfer-Encoding: base64\r\n\r\nJVBERi0xLjQK%%%\r\n--x\r\nContent-Type: text/plain; name=",
    );
    let fake_msg = mails::write(
        dir.path(),
        "fake.msg",
        b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1 cut",
    );
    let out = atsdrop(home.path())
        .args(["validate", "-p", "spott", "-t", "CV", "--json"])
        .args([&only_headers, &garbage, &broken, &fake_msg])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let lines = json_lines(&out.stdout);
    let said = |name: &str| {
        line_for(&lines, name)["problems"][0]
            .as_str()
            .unwrap()
            .to_owned()
    };
    assert!(
        said("only-headers.eml").ends_with("only-headers.eml holds no attachments to send."),
        "{lines:#?}"
    );
    for name in ["garbage.eml", "fake.msg"] {
        let sentence = said(name);
        assert!(
            sentence.contains("could not be opened as an e-mail")
                && sentence.contains("save its attachments from your mail program"),
            "{sentence}"
        );
    }
    // What can be read of a broken mail is taken: the cut attachment, as far as it goes.
    assert!(
        lines.iter().any(|l| l["file"]
            .as_str()
            .is_some_and(|f| f.ends_with("\u{203a} cut.pdf"))),
        "{lines:#?}"
    );
}

#[test]
fn a_mail_process_that_stalls_or_dies_costs_that_mail_alone() {
    let dir = tempfile::tempdir().unwrap();
    let mail = mails::write(dir.path(), "x.eml", b"From: a@example.com\r\n\r\n");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let script = |name: &str, body: &str| {
            let path = dir.path().join(name);
            std::fs::write(&path, format!("#!/bin/sh\n{body}\n")).unwrap();
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
            path
        };
        // Writes a file where it was told, then hangs: killed, and what it wrote removed.
        let stalls = script(
            "stalls",
            "mkdir -p \"$3/1\"; echo x > \"$3/1/a.pdf\"; exec sleep 60",
        );
        let out_dir = dir.path().join("stalled");
        let opened = MailOpener::new(stalls)
            .with_time_limit(Duration::from_millis(300))
            .open(&mail, &out_dir);
        assert_eq!(
            opened.unreadable.as_deref(),
            Some("opening it took too long")
        );
        assert!(!out_dir.exists());

        let dies = script("dies", "kill -9 $$");
        let opened = MailOpener::new(dies).open(&mail, &dir.path().join("died"));
        assert_eq!(
            opened.unreadable.as_deref(),
            Some("the mail reader stopped on it")
        );
        // An answer naming files outside its folder is not believed.
        let lies = script(
            "lies",
            "echo '{\"subject\":null,\"date\":null,\"senders\":[],\"attachments\":[{\"path\":\"/etc/passwd\",\"within\":null}],\"left_out\":[],\"unreadable\":null}'",
        );
        let expansion = atsdrop::inspect::expand(std::slice::from_ref(&mail));
        let opened = atsdrop::mail::open_mails(
            expansion,
            &MailOpener::new(lies),
            &dir.path().join("work"),
            &std::sync::atomic::AtomicBool::new(false),
        );
        assert!(opened.files.is_empty(), "{:?}", opened.files);
    }
}

/// The first seeded Spott candidate (id, name, e-mail), as `atsdrop candidates` lists them.
fn seeded(sandbox: &Sandbox, index: usize) -> (String, String, String) {
    let home = tempfile::tempdir().unwrap();
    let out = atsdrop(home.path())
        .args(["candidates", "-p", "spott", "--base-url"])
        .arg(sandbox.base_url("spott"))
        .args(["--limit", "20", "--json"])
        .env("ATSDROP_API_KEY", "spott-sandbox-key")
        .output()
        .unwrap();
    let c = &json_lines(&out.stdout)[index];
    (
        c["id"].as_str().unwrap().to_owned(),
        c["name"].as_str().unwrap().to_owned(),
        c["email"].as_str().unwrap().to_owned(),
    )
}

#[test]
fn candidates_from_mail_finds_the_sender_and_upload_sends_the_attachments() {
    let sandbox = Sandbox::start(&["--no-rate-limits"]);
    let (id, name, email) = seeded(&sandbox, 3);
    let home = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let pdf = pdf_bytes(20_000);
    // Forwarded by a colleague: the colleague's own domain is not looked up.
    let inner = mails::mime(
        &[
            ("From", &format!("{name} <{}>", email.to_uppercase())),
            ("Subject", "CV"),
        ],
        &[Part::attachment("application/pdf", "cv.pdf", &pdf)],
    );
    let mail = mails::write(
        dir.path(),
        "Fwd CV.eml",
        &mails::mime(
            &[
                ("From", "Recruiter <me@agency.example>"),
                ("Subject", "Fwd: CV"),
                ("Date", "Fri, 04 Dec 2026 09:30:00 +0100"),
            ],
            &[Part::text("FYI"), Part::forwarded(&inner)],
        ),
    );
    let candidates = |extra: &[&str], file: &Path| {
        atsdrop(home.path())
            .args(["candidates", "-p", "spott", "--base-url"])
            .arg(sandbox.base_url("spott"))
            .args(extra)
            .arg("--from-mail")
            .arg(file)
            .env("ATSDROP_API_KEY", "spott-sandbox-key")
            .output()
            .unwrap()
    };
    let out = candidates(&["--json", "--own-domain", "agency.example"], &mail);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let found = json_lines(&out.stdout);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0]["id"], id.as_str());
    assert_eq!(found[0]["sender"], email.to_lowercase().as_str());

    let stranger = mails::write(
        dir.path(),
        "stranger.eml",
        &mails::mime(
            &[("From", "nobody.known@example.net"), ("Subject", "Hi")],
            &[],
        ),
    );
    let out = candidates(&[], &stranger);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .contains("No candidate in Spott has the sender's address (nobody.known@example.net)")
    );

    // The mail uploaded like a folder: its attachment stored once, the history keeps the mail.
    let out = atsdrop(home.path())
        .args(["upload", "-p", "spott", "--base-url"])
        .arg(sandbox.base_url("spott"))
        .args(["-c", &id, "-t", "CV", "--json"])
        .arg(&mail)
        .env("ATSDROP_API_KEY", "spott-sandbox-key")
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stored = sandbox.stored("spott", &id);
    assert!(stored.contains(&sha256_hex(&pdf)), "{stored:?}");
    assert_eq!(
        work_folder_entries(home.path()),
        0,
        "uploaded copies removed"
    );
    let out = atsdrop(home.path())
        .args(["history", "--csv"])
        .output()
        .unwrap();
    let csv = String::from_utf8_lossy(&out.stdout);
    let header = csv.lines().next().unwrap();
    assert!(
        header.ends_with("mail,mail_subject,mail_date,mail_from"),
        "{header}"
    );
    let row = csv
        .lines()
        .find(|l| l.starts_with(|c: char| c.is_ascii_digit()) && l.contains("cv.pdf"))
        .unwrap();
    assert!(
        row.ends_with("Fwd CV.eml,Fwd: CV,2026-12-04T09:30:00+01:00,Recruiter <me@agency.example>"),
        "{row}"
    );
}

#[test]
fn a_dropped_mail_chooses_its_senders_candidate_and_its_attachments_are_uploaded() {
    let mut gui = Gui::start();
    start_sandbox(&mut gui);
    let candidate = gui
        .app()
        .sandbox
        .as_ref()
        .unwrap()
        .store()
        .candidates(ProviderId::Spott)[12]
        .clone();
    let dir = tempfile::tempdir().unwrap();
    let pdf = pdf_bytes(25_000);
    let mail = mails::write(
        dir.path(),
        "Application.eml",
        &mails::mime(
            &[
                (
                    "From",
                    &format!("{} <{}>", candidate.full_name(), candidate.email),
                ),
                ("Subject", "Application"),
                ("Date", "Fri, 04 Dec 2026 09:30:00 +0100"),
            ],
            &[
                Part::text("Please find my CV attached."),
                Part::attachment("application/pdf", "cv-2026.pdf", &pdf),
            ],
        ),
    );
    assert!(gui.app().picker.selected.is_none());
    gui.drop_files(std::slice::from_ref(&mail));
    gui.until_checked();
    let wanted = candidate.email.clone();
    gui.until("the sender's candidate chosen", move |h| {
        h.state()
            .picker
            .selected
            .as_ref()
            .is_some_and(|c| c.email.as_deref() == Some(wanted.as_str()))
    });
    gui.until_shown(&format!(
        "Chosen from the e-mail's sender, {}",
        candidate.email
    ));
    gui.until_shown(&format!(
        "from: Application, {} <{}>",
        candidate.full_name(),
        candidate.email
    ));
    let rows = &gui.app().staging.rows;
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].facts.name, "cv-2026.pdf");
    let copy = rows[0].facts.path.clone();
    assert!(copy.starts_with(&gui.app().fixes.work_dir), "{copy:?}");
    gui.until_checked();
    assert_eq!(gui.app().upload_blocker(), None);
    gui.click(&format!("Upload 1 to {}", candidate.full_name()));
    gui.until_shown("Last batch: 1 uploaded");
    let selected = gui.app().picker.selected.clone().unwrap();
    let stored = gui
        .app()
        .sandbox
        .as_ref()
        .unwrap()
        .store()
        .attachments(ProviderId::Spott, Some(&selected.id));
    assert!(stored.iter().any(|a| a.sha256 == sha256_hex(&pdf)));
    let mail_folder = copy.parent().and_then(Path::parent).unwrap().to_path_buf();
    assert!(
        mail_folder
            .file_name()
            .unwrap()
            .to_string_lossy()
            .starts_with("mail-")
    );
    gui.until("the attachment's copy and its folders removed", move |_| {
        !copy.exists() && !mail_folder.exists()
    });
    gui.until("the history keeps the mail", |h| {
        h.state().history.entries.iter().any(|e| {
            e.file_name == "cv-2026.pdf"
                && e.from_mail.as_ref().is_some_and(|m| {
                    m.mail == "Application.eml"
                        && m.subject.as_deref() == Some("Application")
                        && m.date.as_deref() == Some("2026-12-04T09:30:00+01:00")
                })
        })
    });
}

#[test]
fn a_mail_from_an_unknown_address_fills_the_search_and_keeps_a_chosen_candidate() {
    let mut gui = Gui::start();
    start_sandbox(&mut gui);
    let dir = tempfile::tempdir().unwrap();
    let pdf = pdf_bytes(9_000);
    let mail = mails::write(
        dir.path(),
        "Open application.eml",
        &mails::mime(
            &[
                ("From", "New Person <new.person@example.net>"),
                ("Subject", "Open application"),
            ],
            &[Part::attachment("application/pdf", "cv.pdf", &pdf)],
        ),
    );
    gui.drop_files(std::slice::from_ref(&mail));
    gui.until_checked();
    gui.until_shown(
        "No candidate in Spott has the e-mail's sender address, new.person@example.net: find them by name.",
    );
    assert!(gui.app().picker.selected.is_none());
    assert_eq!(gui.app().picker.query, "new.person@example.net");

    // A candidate chosen by the user stays chosen when a mail from someone else arrives; the
    // note names the sender's candidate and offers to switch.
    let (chosen_id, _) = choose_candidate(&mut gui, 2);
    let sender = gui
        .app()
        .sandbox
        .as_ref()
        .unwrap()
        .store()
        .candidates(ProviderId::Spott)[7]
        .clone();
    let other = mails::write(
        dir.path(),
        "Other.eml",
        &mails::mime(
            &[("From", &sender.email), ("Subject", "CV")],
            &[Part::attachment(
                "application/pdf",
                "other.pdf",
                &pdf_bytes(9_100),
            )],
        ),
    );
    gui.drop_files(std::slice::from_ref(&other));
    gui.until_checked();
    let switch = format!("Switch to {}", sender.full_name());
    gui.until_shown(&switch);
    assert_eq!(
        gui.app().picker.selected.as_ref().map(|c| c.id.clone()),
        Some(chosen_id)
    );
    gui.click(&switch);
    let wanted = sender.email.clone();
    gui.until("switched to the sender", move |h| {
        h.state()
            .picker
            .selected
            .as_ref()
            .is_some_and(|c| c.email.as_deref() == Some(wanted.as_str()))
    });
}
