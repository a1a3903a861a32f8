//! `atsdrop history`: finished uploads from the journal, as a table or CSV.

use std::io::Write;
use std::process::ExitCode;

use atsdrop::upload::history;

use super::HistoryArgs;
use super::connect::journal_dir;

/// Runs `atsdrop history`.
pub fn run(args: &HistoryArgs) -> anyhow::Result<ExitCode> {
    let entries = history::read(&atsdrop::upload::journal::path_in(&journal_dir()?))?;
    if args.csv {
        history::write_csv(&entries, std::io::stdout().lock())?;
        return Ok(ExitCode::from(super::EXIT_OK));
    }
    let mut out = super::printable::stdout();
    if entries.is_empty() {
        writeln!(out, "{}", atsdrop::t!("run-history-empty"))?;
    }
    // The outcome column: as wide as its longest word ("unconfirmed" is longer than the
    // English column and is left out of it).
    let width = super::follow::status_width(&[
        "uploaded",
        "accepted",
        "failed",
        "unknown",
        "skipped",
        "cancelled",
    ]);
    for e in &entries {
        let candidate = e.candidate_name.as_deref().unwrap_or(&e.candidate_id);
        let line = format!(
            "{}  {:<width$} {:<40} {:>9}  {} → {} ({})",
            e.at,
            super::follow::status_word(e.outcome.as_str()),
            e.file_name,
            atsdrop::i18n::size(e.size),
            e.connection,
            candidate,
            e.attachment_type
        );
        match writeln!(out, "{line}") {
            Err(err) if err.kind() == std::io::ErrorKind::BrokenPipe => break,
            other => other?,
        }
    }
    Ok(ExitCode::from(super::EXIT_OK))
}
