//! `atsdrop upload --dry-run`: the verdict per file — form, health and whose it seems to be —
//! with nothing sent. Exit 0 when every file is ready, 2 otherwise.

use std::io::{self, Write as _};
use std::process::ExitCode;

use serde::Serialize;

use atsdrop::content::identity::{Found, Verdict};
use atsdrop::model::Candidate;

use super::validate::{self, Outcome};

/// Whose the file seems to be, in `--json`.
#[derive(Serialize)]
struct IdentityLine<'a> {
    verdict: Verdict,
    found: Found,
    #[serde(skip_serializing_if = "Option::is_none")]
    seems_to_be: Option<&'a Candidate>,
}

/// One file's verdict, in `--json`.
#[derive(Serialize)]
struct DryRunLine<'a> {
    file: String,
    status: &'static str,
    health: Vec<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    identity: Option<IdentityLine<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<String>,
    /// The stable code of each reason in `error`, in order (same in every language).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    codes: Vec<&'static str>,
}

/// Prints the verdict of every file in `checked` and returns the exit code.
pub(super) fn report(checked: &Outcome, type_label: &str, json: bool) -> anyhow::Result<ExitCode> {
    let mut out = io::BufWriter::new(super::printable::stdout());
    let written = if json {
        write_json(&mut out, checked)
    } else {
        validate::write_text(&mut out, checked, type_label)
    };
    match written.and_then(|()| out.flush()) {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => return Err(e.into()),
        _ => {}
    }
    Ok(ExitCode::from(if checked.ok() {
        super::EXIT_OK
    } else {
        super::EXIT_USAGE
    }))
}

fn write_json(out: &mut impl io::Write, checked: &Outcome) -> io::Result<()> {
    let mut line = |value: &DryRunLine<'_>| -> io::Result<()> {
        serde_json::to_writer(&mut *out, value)?;
        writeln!(out)
    };
    for (i, (staged, verdict)) in checked.staged.iter().zip(&checked.report.files).enumerate() {
        let content = checked.contents.get(i);
        let blocking: Vec<&str> = verdict
            .problems
            .iter()
            .filter(|p| p.kind.blocks())
            .map(|p| p.message.as_str())
            .collect();
        line(&DryRunLine {
            file: checked
                .shown
                .get(i)
                .cloned()
                .unwrap_or_else(|| staged.facts.path.to_string_lossy().into_owned()),
            status: if verdict.ok() { "ready" } else { "refused" },
            health: validate::health_names(staged),
            // A file without text to go on is "unknown".
            identity: content.map(|c| match &c.identity {
                Some(identity) => IdentityLine {
                    verdict: identity.verdict,
                    found: identity.found.clone(),
                    seems_to_be: c.seems_to_be.as_ref(),
                },
                None => IdentityLine {
                    verdict: Verdict::Unknown,
                    found: Found::default(),
                    seems_to_be: None,
                },
            }),
            error: (!blocking.is_empty()).then(|| blocking.join(" ")),
            codes: verdict
                .problems
                .iter()
                .filter(|p| p.kind.blocks())
                .map(|p| p.kind.code())
                .collect(),
        })?;
    }
    for skipped in &checked.refused {
        line(&DryRunLine {
            file: skipped.path.to_string_lossy().into_owned(),
            status: "refused",
            health: Vec::new(),
            identity: None,
            error: Some(skipped.message()),
            codes: vec![skipped.reason.code()],
        })?;
    }
    for problem in &checked.batch_problems {
        super::printable::warn(problem);
    }
    Ok(())
}
