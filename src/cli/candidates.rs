//! `atsdrop candidates`: lists or searches a system's candidates, or finds the one who sent a
//! mail (`--from-mail`).

use std::io::Write;
use std::process::ExitCode;

use atsdrop::content::check::with_email;
use atsdrop::content::identity::Ignore;
use atsdrop::mail::{MailOpener, sender};
use atsdrop::model::Candidate;
use atsdrop::providers::{self, AtsClient};
use serde::Serialize;

use super::CandidatesArgs;
use super::connect;
use super::failure::{before_sending, usage};

#[derive(Serialize)]
struct Line<'a> {
    id: &'a str,
    name: &'a str,
    email: Option<&'a str>,
    /// With `--from-mail`: the sender's address that found them.
    #[serde(skip_serializing_if = "Option::is_none")]
    sender: Option<&'a str>,
}

/// Runs `atsdrop candidates`.
pub fn run(args: &CandidatesArgs, runtime: &tokio::runtime::Runtime) -> anyhow::Result<ExitCode> {
    let (connection, _) = connect::resolve(&args.connection)?;
    let client = providers::connect(&connection).map_err(before_sending)?;
    if let Some(mail) = &args.from_mail {
        return from_mail(args, mail, client.as_ref(), runtime);
    }
    let page = runtime.block_on(async {
        client
            .find_candidates(args.query.as_deref().unwrap_or(""), None, args.limit)
            .await
            .map_err(before_sending)
    })?;
    let found: Vec<(&Candidate, Option<&str>)> =
        page.candidates.iter().map(|c| (c, None)).collect();
    print(args.json, &found)?;
    if !args.json && page.candidates.is_empty() {
        writeln!(
            super::printable::stdout(),
            "{}",
            atsdrop::t!("run-no-candidates-found")
        )?;
    }
    Ok(ExitCode::from(super::EXIT_OK))
}

/// `--from-mail`: the candidates whose e-mail is the mail's sender's. Exit 0 when exactly one
/// is found, 1 when none or several (a script must not guess).
fn from_mail(
    args: &CandidatesArgs,
    mail: &std::path::Path,
    client: &dyn AtsClient,
    runtime: &tokio::runtime::Runtime,
) -> anyhow::Result<ExitCode> {
    let opener = MailOpener::for_this_program()?;
    let folder =
        atsdrop::settings::work_dir()?.join(format!("mail-{}", uuid::Uuid::new_v4().simple()));
    let answer = opener.open(mail, &folder);
    let _ = std::fs::remove_dir_all(&folder);
    if let Some(why) = answer.unreadable {
        return Err(usage(atsdrop::t!(
            "run-mail-unreadable",
            mail = mail.display().to_string(),
            why = why
        )));
    }
    let ignore = Ignore {
        domains: args
            .own_domain
            .iter()
            .map(|d| d.trim().trim_start_matches('@').to_ascii_lowercase())
            .collect(),
    };
    let addresses = sender::addresses(&answer.senders, &ignore);
    if addresses.is_empty() {
        super::printable::warn(atsdrop::t!(
            "run-mail-no-sender",
            mail = mail.display().to_string()
        ));
        return Ok(ExitCode::from(super::EXIT_FAILED));
    }
    if !client.provider().profile().candidate_search.by_email() {
        return Err(usage(atsdrop::t!(
            "run-no-search-by-email",
            system = client.provider().to_string(),
            addresses = addresses.join(", ")
        )));
    }
    let found = runtime.block_on(async {
        let mut found: Vec<(Candidate, String)> = Vec::new();
        for email in &addresses {
            for candidate in with_email(client, email).await.map_err(before_sending)? {
                if !found.iter().any(|(c, _)| c.id == candidate.id) {
                    found.push((candidate, email.clone()));
                }
            }
        }
        anyhow::Ok(found)
    })?;
    let lines: Vec<(&Candidate, Option<&str>)> =
        found.iter().map(|(c, e)| (c, Some(e.as_str()))).collect();
    print(args.json, &lines)?;
    match found.len() {
        1 => Ok(ExitCode::from(super::EXIT_OK)),
        0 => {
            super::printable::warn(atsdrop::t!(
                "run-no-candidate-with-sender",
                system = client.provider().to_string(),
                addresses = addresses.join(", ")
            ));
            Ok(ExitCode::from(super::EXIT_FAILED))
        }
        n => {
            super::printable::warn(atsdrop::t!("run-several-candidates-with-sender", count = n));
            Ok(ExitCode::from(super::EXIT_FAILED))
        }
    }
}

fn print(json: bool, candidates: &[(&Candidate, Option<&str>)]) -> anyhow::Result<()> {
    let mut out = super::printable::stdout();
    for (c, sender) in candidates {
        let written = if json {
            serde_json::to_writer(
                &mut out,
                &Line {
                    id: &c.id,
                    name: &c.name,
                    email: c.email.as_deref(),
                    sender: *sender,
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
    Ok(())
}
