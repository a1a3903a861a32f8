//! `atsdrop candidates`: lists or searches a system's candidates.

use std::io::Write;
use std::process::ExitCode;

use atsdrop::providers;
use serde::Serialize;

use super::CandidatesArgs;
use super::connect;
use super::failure::before_sending;

#[derive(Serialize)]
struct Line<'a> {
    id: &'a str,
    name: &'a str,
    email: Option<&'a str>,
}

/// Runs `atsdrop candidates`.
pub fn run(args: &CandidatesArgs, runtime: &tokio::runtime::Runtime) -> anyhow::Result<ExitCode> {
    let (connection, _) = connect::resolve(&args.connection)?;
    let page = runtime.block_on(async {
        let client = providers::connect(&connection).map_err(before_sending)?;
        client
            .find_candidates(args.query.as_deref().unwrap_or(""), None, args.limit)
            .await
            .map_err(before_sending)
    })?;
    let mut out = super::printable::stdout();
    for c in &page.candidates {
        let written = if args.json {
            serde_json::to_writer(
                &mut out,
                &Line {
                    id: &c.id,
                    name: &c.name,
                    email: c.email.as_deref(),
                },
            )
            .map_err(std::io::Error::other)
            .and_then(|()| writeln!(out))
        } else {
            writeln!(
                out,
                "{:<28} {:<32} {}",
                c.id,
                c.name,
                c.email.as_deref().unwrap_or("")
            )
        };
        match written {
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => break,
            other => other?,
        }
    }
    if !args.json && page.candidates.is_empty() {
        writeln!(out, "No candidates found.")?;
    }
    Ok(ExitCode::from(super::EXIT_OK))
}
