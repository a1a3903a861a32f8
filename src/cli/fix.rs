//! `atsdrop fix`: writes a fixed copy of every refused file — renamed, converted, shrunk, or
//! all combined into one PDF with `--combine` — into `--out`, checked again for the system and
//! type. One line per input (or one JSON object with `--json`); exit 0 when every file now
//! passes, 2 otherwise. The originals are never changed.

use std::io::{self, Write};
use std::process::ExitCode;

use serde::Serialize;

use atsdrop::fix::{self, Action, Outcome, Status, Target, Why};
use atsdrop::inspect;

use super::{EXIT_OK, EXIT_USAGE, FixArgs};

/// One line of `--json` output: `actions` and `error` in English (the same in every
/// language), and the same as data in `action_details` and `error_detail` (what the app reads
/// to say them in its language).
#[derive(Serialize)]
struct FixLine<'a> {
    file: String,
    status: Status,
    #[serde(skip_serializing_if = "Option::is_none")]
    output: Option<String>,
    actions: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<String>,
    action_details: &'a [Action],
    #[serde(skip_serializing_if = "Option::is_none")]
    error_detail: Option<&'a Why>,
}

/// Runs `atsdrop fix`.
pub fn run(args: &FixArgs) -> anyhow::Result<ExitCode> {
    let profile = args.provider.profile();
    let Some(attachment_type) = profile.attachment_type(&args.attachment_type) else {
        return Err(super::failure::usage(atsdrop::t!(
            "run-not-an-attachment-type",
            given = args.attachment_type.trim(),
            system = profile.id.to_string(),
            types = profile.type_list()
        )));
    };
    let limits = profile.limits();
    let target = Target {
        profile,
        limits: &limits,
        attachment_type,
    };
    let expansion = inspect::expand(&args.paths);
    let mut results: Vec<(String, Outcome)> = Vec::new();
    if args.combine {
        let name = combined_name(&expansion.files);
        let outcome = fix::combine(&expansion.files, &name, target, &args.out);
        for path in &expansion.files {
            results.push((path.to_string_lossy().into_owned(), outcome.clone()));
        }
    } else {
        for path in &expansion.files {
            let outcome = fix::fix_file(path, target, &args.out);
            results.push((path.to_string_lossy().into_owned(), outcome));
        }
    }
    let refused_paths: Vec<_> = expansion
        .skipped
        .iter()
        .filter(|s| !s.reason.is_expected())
        .collect();
    let mut out = io::BufWriter::new(super::printable::stdout());
    let column = Column::new();
    for (file, outcome) in &results {
        if args.json {
            serde_json::to_writer(
                &mut out,
                &FixLine {
                    file: file.clone(),
                    status: outcome.status,
                    output: outcome
                        .output
                        .as_ref()
                        .map(|p| p.to_string_lossy().into_owned()),
                    actions: outcome.actions.iter().map(ToString::to_string).collect(),
                    error: outcome.error.as_ref().map(ToString::to_string),
                    action_details: &outcome.actions,
                    error_detail: outcome.error.as_ref(),
                },
            )?;
            writeln!(out)?;
        } else {
            column.write_outcome(&mut out, file, outcome)?;
        }
    }
    for skipped in &refused_paths {
        if args.json {
            serde_json::to_writer(
                &mut out,
                &FixLine {
                    file: skipped.path.to_string_lossy().into_owned(),
                    status: Status::Cannot,
                    output: None,
                    actions: Vec::new(),
                    error: Some(skipped.message()),
                    action_details: &[],
                    error_detail: None,
                },
            )?;
            writeln!(out)?;
        } else {
            column.write_left_out(&mut out, skipped)?;
        }
    }
    out.flush()?;
    let all_pass = refused_paths.is_empty()
        && !results.is_empty()
        && results.iter().all(|(_, o)| o.status != Status::Cannot);
    Ok(ExitCode::from(if all_pass { EXIT_OK } else { EXIT_USAGE }))
}

/// The text output: a status column ("fixed", "unchanged", "cannot" in the current language,
/// one space after the longest), then the file and what came of it.
struct Column {
    fixed: String,
    unchanged: String,
    cannot: String,
    width: usize,
}

impl Column {
    fn new() -> Self {
        let (fixed, unchanged, cannot) = (
            atsdrop::t!("run-fix-fixed"),
            atsdrop::t!("run-fix-unchanged"),
            atsdrop::t!("run-fix-cannot"),
        );
        let width = [&fixed, &unchanged, &cannot]
            .iter()
            .map(|w| w.chars().count())
            .max()
            .unwrap_or(0)
            + 1;
        Self {
            fixed,
            unchanged,
            cannot,
            width,
        }
    }

    fn write_outcome(&self, out: &mut impl Write, file: &str, outcome: &Outcome) -> io::Result<()> {
        let width = self.width;
        match outcome.status {
            Status::Fixed => writeln!(
                out,
                "{:<width$}{file} \u{2192} {} ({})",
                self.fixed,
                outcome
                    .output
                    .as_ref()
                    .map_or_else(String::new, |p| p.display().to_string()),
                outcome
                    .actions
                    .iter()
                    .map(|a| a.text().to_string())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            Status::Unchanged => writeln!(
                out,
                "{:<width$}{file} ({})",
                self.unchanged,
                atsdrop::t!("run-fix-passes-already")
            ),
            Status::Cannot => writeln!(
                out,
                "{:<width$}{file}\n{:width$}{}",
                self.cannot,
                "",
                outcome
                    .error
                    .as_ref()
                    .map(|e| e.text().to_string())
                    .unwrap_or_default()
            ),
        }
    }

    fn write_left_out(&self, out: &mut impl Write, skipped: &inspect::Skipped) -> io::Result<()> {
        let width = self.width;
        writeln!(
            out,
            "{:<width$}{}\n{:width$}{skipped}",
            self.cannot,
            skipped.path.display(),
            ""
        )
    }
}

/// "cv-page-1 (combined).pdf" after the first file.
fn combined_name(paths: &[std::path::PathBuf]) -> String {
    let first = paths.first().and_then(|p| p.file_stem()).map_or_else(
        || "combined".to_owned(),
        |s| s.to_string_lossy().into_owned(),
    );
    format!("{first} (combined).pdf")
}
