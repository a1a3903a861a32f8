//! `atsdrop validate` as a process, over the fixture corpus.

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::process::{Command, Output};

use serde_json::Value;

use crate::support::fixtures::{self, Corpus};

fn atsdrop(args: &[&str], paths: &[PathBuf]) -> Output {
    atsdrop_in("C.UTF-8", args, paths)
}

/// `atsdrop validate` with `LANG=lang` (and no other locale variable).
fn atsdrop_in(lang: &str, args: &[&str], paths: &[PathBuf]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_atsdrop"))
        .arg("validate")
        .args(args)
        .args(paths)
        .env("NO_COLOR", "1")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", lang)
        .output()
        .expect("run atsdrop")
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("UTF-8 output")
}

/// Every stdout line parsed as JSON.
fn json_lines(output: &Output) -> Vec<Value> {
    stdout(output)
        .lines()
        .map(|line| serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}: {line}")))
        .collect()
}

fn keys(value: &Value) -> BTreeSet<&str> {
    value
        .as_object()
        .expect("a JSON object")
        .keys()
        .map(String::as_str)
        .collect()
}

/// The per-file object for the path ending in `name`.
fn line_for<'a>(lines: &'a [Value], name: &str) -> &'a Value {
    lines
        .iter()
        .find(|l| l["file"].as_str().is_some_and(|f| f.ends_with(name)))
        .unwrap_or_else(|| panic!("no line for {name} in {lines:#?}"))
}

fn problems(line: &Value) -> Vec<&str> {
    line["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_str().unwrap())
        .collect()
}

#[test]
fn a_good_set_exits_0() {
    let corpus = Corpus::new();
    let good = [
        "cv.pdf",
        "cv.docx",
        "grades.xlsx",
        "old-cv.doc",
        "photo.png",
        "photo.jpg",
        "anim.gif",
        "photo.webp",
        "logo.svg",
    ];
    let paths: Vec<PathBuf> = good.iter().map(|n| corpus.path(n)).collect();
    let output = atsdrop(&["--provider", "spott", "--type", "cv"], &paths);
    let text = stdout(&output);
    assert_eq!(output.status.code(), Some(0), "{text}");
    for name in good {
        assert!(
            text.lines()
                .any(|l| l.starts_with("ok ") && l.contains(name)),
            "{name} in {text}"
        );
    }
    assert!(text.contains("ok       "), "{text}");
    assert!(text.contains(&format!("ok       {}", corpus.path("cv.pdf").display())));
    assert!(text.contains("(PDF, "), "{text}");
    assert!(
        text.contains("All 9 files can be sent to Spott as CV."),
        "{text}"
    );
    assert!(!text.contains("refused"), "{text}");
}

#[test]
fn refused_files_exit_2_with_one_json_object_each() {
    let corpus = Corpus::new();
    let names = [
        "cv.pdf",
        "resume.pdf",
        "elf-resume.pdf",
        "photo.pdf",
        "renamed-zip.docx",
        "empty.pdf",
        "notes.txt",
    ];
    let mut paths: Vec<PathBuf> = names.iter().map(|n| corpus.path(n)).collect();
    paths.push(corpus.path("missing.pdf"));
    let output = atsdrop(&["-p", "spott", "-t", "CV", "--json"], &paths);
    assert_eq!(output.status.code(), Some(2));
    let lines = json_lines(&output);
    // One object per file (and the missing path): no batch object, as the batch is fine.
    assert_eq!(lines.len(), names.len() + 1, "{lines:#?}");
    let documented: BTreeSet<&str> =
        ["file", "ok", "detected_type", "health", "problems", "codes"].into();
    for line in &lines {
        assert_eq!(keys(line), documented, "{line}");
        let ok = line["ok"].as_bool().unwrap();
        assert_eq!(ok, problems(line).is_empty(), "{line}");
        // Each problem has its stable code, in the same order.
        assert_eq!(
            line["codes"].as_array().unwrap().len(),
            problems(line).len(),
            "{line}"
        );
    }
    assert_eq!(
        line_for(&lines, "/empty.pdf")["codes"],
        serde_json::json!(["empty"])
    );
    assert_eq!(
        line_for(&lines, "/missing.pdf")["codes"],
        serde_json::json!(["not_found"])
    );

    let cv = line_for(&lines, "/cv.pdf");
    assert_eq!(cv["ok"], true);
    assert_eq!(cv["detected_type"], "application/pdf");

    let exe = line_for(&lines, "/resume.pdf");
    assert_eq!(exe["ok"], false);
    assert_eq!(
        exe["detected_type"],
        "application/vnd.microsoft.portable-executable"
    );
    assert_eq!(
        problems(exe),
        [
            "resume.pdf is a Windows program, not a PDF: don't send it, and ask the candidate for the real document."
        ]
    );
    assert!(
        problems(line_for(&lines, "elf-resume.pdf"))[0]
            .starts_with("elf-resume.pdf is a Linux program, not a PDF")
    );

    let png = line_for(&lines, "photo.pdf");
    assert_eq!(png["detected_type"], "image/png");
    assert_eq!(
        problems(png),
        ["photo.pdf is a PNG image, not a PDF: rename it to .png."]
    );
    let zip = line_for(&lines, "renamed-zip.docx");
    assert_eq!(zip["detected_type"], "application/zip");
    assert!(problems(zip)[0].starts_with("renamed-zip.docx is a ZIP archive, not a Word document"));

    let empty = line_for(&lines, "empty.pdf");
    assert_eq!(empty["detected_type"], Value::Null);
    assert_eq!(
        problems(empty),
        ["empty.pdf is empty (0 bytes): pick the finished file instead."]
    );
    assert!(problems(line_for(&lines, "notes.txt"))[0].contains("which Spott doesn't accept"));

    let missing = line_for(&lines, "missing.pdf");
    assert_eq!(missing["ok"], false);
    assert_eq!(missing["detected_type"], Value::Null);
    assert!(problems(missing)[0].contains("missing.pdf doesn't exist"));
}

#[test]
fn too_many_files_for_a_field_add_a_final_batch_object() {
    let dir = tempfile::tempdir().unwrap();
    let paths: Vec<PathBuf> = (1..=6)
        .map(|i| fixtures::write(dir.path(), &format!("cv{i}.pdf"), &fixtures::pdf()))
        .collect();
    let output = atsdrop(
        &[
            "--provider",
            "onderwijsregio",
            "--type",
            "curriculumVitae",
            "--json",
        ],
        &paths,
    );
    assert_eq!(output.status.code(), Some(2));
    let lines = json_lines(&output);
    assert_eq!(lines.len(), 7);
    assert!(lines[..6].iter().all(|l| l["ok"] == true));
    let last = &lines[6];
    assert_eq!(
        keys(last),
        BTreeSet::from(["batch_problems", "batch_codes"])
    );
    assert_eq!(
        last["batch_problems"],
        serde_json::json!([
            "Onderwijsregio takes at most 5 files as CV in one upload, and 6 are chosen: remove 1 or send it separately."
        ])
    );
    assert_eq!(
        last["batch_codes"],
        serde_json::json!(["too_many_in_field"])
    );

    // In text: the field summary shows the count against the limit.
    let text = stdout(&atsdrop(
        &["-p", "onderwijsregio", "-t", "curriculumVitae"],
        &paths,
    ));
    assert!(text.contains("CV 6/5 · other 0/5 · "), "{text}");
    assert!(text.contains("remove 1 or send it separately"), "{text}");
}

#[test]
fn an_unknown_type_is_a_usage_error_naming_the_valid_ones() {
    let corpus = Corpus::new();
    let output = atsdrop(
        &["-p", "endorsed", "-t", "cover_letter"],
        &[corpus.path("cv.pdf")],
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("\"cover_letter\" is not an attachment type of Endorsed: use one of resume, about, role_preferences, work_experiences"),
        "{stderr}"
    );
    // An unknown system is a usage error too (clap).
    let output = atsdrop(&["-p", "greenhouse", "-t", "cv"], &[corpus.path("cv.pdf")]);
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn folders_are_expanded_and_junk_is_left_out_without_refusing() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    fixtures::write(root, "cv.pdf", &fixtures::pdf());
    fixtures::write(root, "letters/letter.docx", &fixtures::docx());
    fixtures::write(root, ".DS_Store", b"\x00\x00\x00\x01Bud1");
    fixtures::write(root, "letters/~$letter.docx", b"lock");

    let output = atsdrop(
        &["-p", "spott", "-t", "COVER_LETTER"],
        &[root.to_path_buf()],
    );
    let text = stdout(&output);
    assert_eq!(output.status.code(), Some(0), "{text}");
    assert!(text.contains("letter.docx (Word document, "), "{text}");
    assert!(text.contains(".DS_Store (system file, left out)"), "{text}");
    assert!(
        text.contains("~$letter.docx (system file, left out)"),
        "{text}"
    );
    assert!(
        text.contains("All 2 files can be sent to Spott as Cover letter."),
        "{text}"
    );

    // In JSON, stdout holds only the files; what was left out is said on stderr.
    let output = atsdrop(
        &["-p", "spott", "-t", "COVER_LETTER", "--json"],
        &[root.to_path_buf()],
    );
    assert_eq!(output.status.code(), Some(0));
    let lines = json_lines(&output);
    assert_eq!(lines.len(), 2);
    assert!(String::from_utf8_lossy(&output.stderr).contains(".DS_Store"));

    // An empty folder has nothing to send.
    let empty = tempfile::tempdir().unwrap();
    let output = atsdrop(
        &["-p", "spott", "-t", "CV", "--json"],
        &[empty.path().to_path_buf()],
    );
    assert_eq!(output.status.code(), Some(2));
    let lines = json_lines(&output);
    assert_eq!(
        keys(&lines[0]),
        BTreeSet::from(["batch_problems", "batch_codes"])
    );
    assert_eq!(lines[0]["batch_codes"], serde_json::json!(["no_files"]));
}

#[test]
fn files_over_the_limit_are_refused_in_text_output() {
    let dir = tempfile::tempdir().unwrap();
    let at = fixtures::sparse(dir.path(), "at.pdf", &fixtures::pdf(), 5 * 1024 * 1024);
    let over = fixtures::sparse(
        dir.path(),
        "over.pdf",
        &fixtures::pdf(),
        5 * 1024 * 1024 + 1,
    );
    let output = atsdrop(
        &["-p", "onderwijsregio", "-t", "otherattachments"],
        &[at, over],
    );
    let text = stdout(&output);
    assert_eq!(output.status.code(), Some(2), "{text}");
    let lines: Vec<&str> = text.lines().collect();
    assert!(
        lines[0].starts_with("ok       ") && lines[0].ends_with("at.pdf (PDF, 5 MB)"),
        "{text}"
    );
    assert!(
        lines[1].starts_with("refused  ") && lines[1].ends_with("over.pdf (PDF, 5 MB)"),
        "{text}"
    );
    assert_eq!(
        lines[2],
        "         over.pdf is just over the 5 MB Onderwijsregio takes per file: compress or split it."
    );
    assert!(
        text.contains(
            "1 of 2 files can't be sent to Onderwijsregio as Other attachment: nothing was sent."
        ),
        "{text}"
    );
}

/// Issue 11: a file name with terminal control sequences (`ESC]0;…BEL` retitles the terminal)
/// is printed escaped in text output, and stays plain JSON in `--json`.
#[test]
fn control_characters_in_names_are_escaped_on_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let name = "cv\u{1b}]0;owned\u{7}.pdf";
    std::fs::write(dir.path().join(name), b"%PDF-1.4\n%%EOF\n").unwrap();
    let out = std::process::Command::new(crate::support::process::bin())
        .args(["validate", "-p", "spott", "-t", "CV"])
        .arg(dir.path())
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        !text.contains('\u{1b}') && !text.contains('\u{7}'),
        "{text:?}"
    );
    assert!(text.contains("cv\\e]0;owned\\x07.pdf"), "{text}");
    let out = std::process::Command::new(crate::support::process::bin())
        .args(["validate", "-p", "spott", "-t", "CV", "--json"])
        .arg(dir.path())
        .output()
        .unwrap();
    let json = String::from_utf8(out.stdout).unwrap();
    assert!(!json.contains('\u{1b}'), "{json:?}");
    assert!(json.contains("\\u001b]0;owned\\u0007.pdf"), "{json}");
}

#[test]
fn text_output_speaks_the_environments_language_and_json_stays_the_same() {
    let corpus = Corpus::new();
    let dir = tempfile::tempdir().unwrap();
    let big = fixtures::sparse(dir.path(), "big.pdf", &fixtures::pdf(), 6 * 1024 * 1024);
    let mut paths: Vec<PathBuf> = ["cv.pdf", "photo.pdf", "empty.pdf"]
        .iter()
        .map(|n| corpus.path(n))
        .collect();
    paths.push(big);
    paths.push(corpus.path("missing.pdf"));
    let args = ["-p", "onderwijsregio", "-t", "curriculumVitae"];

    let dutch = stdout(&atsdrop_in("nl_NL.UTF-8", &args, &paths));
    for said in [
        "geweigerd",
        "is leeg (0 bytes): kies het afgeronde bestand.",
        "is eigenlijk een PNG-afbeelding (volgens de naam een pdf): geef het de extensie .png.",
        "is 6 MB, en Onderwijsregio neemt maximaal 5 MB per bestand aan",
        "bestaat niet: controleer de spelling",
        "4 van de 5 bestanden kunnen niet als Cv naar Onderwijsregio verstuurd worden",
    ] {
        assert!(dutch.contains(said), "{said:?} not in:\n{dutch}");
    }
    let german = stdout(&atsdrop_in("de_DE.UTF-8", &args, &paths));
    assert!(
        german.contains("ist leer (0 Byte): Wählen Sie stattdessen die fertige Datei."),
        "{german}"
    );
    assert!(german.contains("abgelehnt"), "{german}");
    // LC_MESSAGES wins over LANG, LC_ALL over both.
    let output = Command::new(env!("CARGO_BIN_EXE_atsdrop"))
        .arg("validate")
        .args(args)
        .args(&paths)
        .env_remove("LC_ALL")
        .env("LANG", "en_US.UTF-8")
        .env("LC_MESSAGES", "nl_NL.UTF-8")
        .output()
        .unwrap();
    assert!(stdout(&output).contains("geweigerd"));

    // The JSON output is byte for byte the same in every language.
    let mut json_args = args.to_vec();
    json_args.push("--json");
    let english = atsdrop_in("C.UTF-8", &json_args, &paths);
    assert_eq!(english.status.code(), Some(2));
    for lang in ["nl_NL.UTF-8", "de_DE.UTF-8", "en_GB.UTF-8"] {
        let other = atsdrop_in(lang, &json_args, &paths);
        assert_eq!(
            stdout(&other),
            stdout(&english),
            "{lang}: --json differs from English"
        );
        assert_eq!(other.status.code(), Some(2));
    }
}
