//! `atsdrop bulk`: files, folders and mails for many candidates — each file matched to its
//! candidate (see `atsdrop::bulk`), checked for them, and sent to them; unmatched and
//! ambiguous files are never sent. One line (or JSON object) per file.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::io::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use futures_util::StreamExt as _;
use serde::Serialize;

use atsdrop::bulk::check::ToCheck;
use atsdrop::bulk::{self, Evidence, Mapping, MatchedBy, Matcher, Proposal};
use atsdrop::content::identity::Ignore;
use atsdrop::content::reader::ContentReader;
use atsdrop::inspect;
use atsdrop::mail::expand::Found;
use atsdrop::model::{self, Allowed, AttachmentType, Candidate, FileFacts};
use atsdrop::providers::{self, UploadTarget};
use atsdrop::upload::lane::Lane;
use atsdrop::upload::{BatchSpec, Engine, EngineConfig, FileSpec};

use super::connect::{self, journal_dir};
use super::failure::{before_sending, usage};
use super::follow::{self, Label};
use super::{BulkArgs, EXIT_FAILED, EXIT_OK, EXIT_USAGE};

/// Files whose candidate is looked up at once (the lane paces the requests themselves).
const LOOKUPS_AT_ONCE: usize = 8;

/// One file of the run, as it goes.
struct Row {
    found: Found,
    facts: FileFacts,
    content: Option<Arc<atsdrop::content::facts::ContentFacts>>,
    proposal: Option<Proposal>,
    /// Why it is not sent (refused by the check), if it is not.
    refused: Option<Why>,
    attachment_type: Option<&'static AttachmentType>,
}

/// One `--json` line for a file that ends before the engine (unmatched, ambiguous, refused,
/// or every file of a dry run).
#[derive(Serialize)]
struct Line<'a> {
    file: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    candidate: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    matched_by: Option<&'static str>,
    status: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<&'a str>,
}

/// Runs `atsdrop bulk`.
pub fn run(args: &BulkArgs, runtime: &tokio::runtime::Runtime) -> anyhow::Result<ExitCode> {
    let (connection, source) = connect::resolve(&args.connection)?;
    let profile = connection.provider.profile();
    let chosen_type = match &args.attachment_type {
        Some(t) => Some(profile.attachment_type(t).ok_or_else(|| {
            usage(atsdrop::t!(
                "run-not-an-attachment-type",
                given = t.trim(),
                system = profile.id.to_string(),
                types = profile.type_list()
            ))
        })?),
        None => None,
    };
    let mapping = match &args.map {
        Some(path) => Mapping::read(path).map_err(|e| usage(e.to_string()))?,
        None => Mapping::default(),
    };
    let ignore = Ignore {
        domains: args
            .own_domain
            .iter()
            .map(|d| d.trim().trim_start_matches('@').to_ascii_lowercase())
            .collect(),
    };
    let allowed = Allowed {
        macros: args.allow_macros,
        other_person: false,
    };
    runtime.block_on(async {
        let client = providers::connect(&connection).map_err(before_sending)?;
        let limits = client.limits().await.map_err(before_sending)?;
        let paths = args.paths.clone();
        let expansion = tokio::task::spawn_blocking(move || {
            super::validate::open_mails_in(inspect::expand(&paths))
        })
        .await?;
        let mail_folders = expansion.folders;
        let mut rows = read_files(expansion.files).await?;
        let left_out: Vec<inspect::Skipped> = expansion
            .skipped
            .into_iter()
            .filter(|s| !s.reason.is_expected())
            .collect();

        let engine = if args.dry_run {
            None
        } else {
            let config = EngineConfig::new(journal_dir()?);
            Some(Engine::start(
                &tokio::runtime::Handle::current(),
                config,
                Arc::new(|| {}),
            )?)
        };
        let lane = match &engine {
            Some((engine, _)) => {
                let account = engine.account(&connection, source.clone());
                engine.use_client(&account, Arc::clone(&client));
                engine.lane_of(&account)
            }
            None => Arc::new(Lane::new(
                profile.id.to_string(),
                profile.id,
                profile.rate_limit.value,
                1,
            )),
        };
        let matcher = Matcher::new(Arc::clone(&client), lane, ignore.clone(), mapping);
        propose_all(&matcher, &mut rows).await?;
        check_per_candidate(&mut rows, profile, &limits, chosen_type, &ignore, allowed);

        let code = report_held_back(args, &rows, &left_out);
        let remove_mail_folders = || {
            for folder in &mail_folders {
                let _ = std::fs::remove_dir_all(folder);
            }
        };
        let Some((engine, mut events)) = engine else {
            remove_mail_folders();
            return Ok(ExitCode::from(code));
        };
        let (batches, labels) = submit(&engine, &connection, &source, &rows);
        if batches.is_empty() {
            remove_mail_folders();
            return Ok(ExitCode::from(code));
        }
        let tally = follow::follow_with(&mut events, batches, args.json, labels).await;
        if tally.failed == 0 {
            // Every file sent is stored: the mails' attachment copies are no longer needed
            // (after a failure they stay for `atsdrop resume`).
            remove_mail_folders();
        }
        Ok(ExitCode::from(code.max(follow::exit_code(tally))))
    })
}

/// Prints every file that is not sent (left out, unmatched, ambiguous, refused) and, in a dry
/// run, every file that would be; returns the exit code they call for.
fn report_held_back(args: &BulkArgs, rows: &[Row], left_out: &[inspect::Skipped]) -> u8 {
    let mut code = EXIT_OK;
    for skipped in left_out {
        code = code.max(EXIT_USAGE);
        say(
            args.json,
            &skipped.path.display().to_string(),
            None,
            "refused",
            Some(&Why::of(&skipped.text())),
        );
    }
    for row in rows {
        let shown = row.found.shown();
        match (&row.proposal, &row.refused) {
            (Some(unmatched @ Proposal::Unmatched { why }), _) => {
                code = code.max(EXIT_FAILED);
                let why = unmatched
                    .why_text()
                    .unwrap_or_else(|| atsdrop::i18n::Text::verbatim(why.as_str()));
                let error = atsdrop::text!("run-bulk-unmatched", file = &row.facts.name, why = why);
                say(args.json, &shown, None, "unmatched", Some(&Why::of(&error)));
            }
            (
                Some(Proposal::Ambiguous {
                    candidates,
                    by,
                    evidence,
                }),
                _,
            ) => {
                code = code.max(EXIT_FAILED);
                let names: Vec<String> = candidates.iter().map(shown_candidate).collect();
                let error = atsdrop::text!(
                    "run-bulk-ambiguous",
                    file = &row.facts.name,
                    count = candidates.len(),
                    by = matched_by(*by),
                    evidence = evidence,
                    names = names.join(", ")
                );
                say(args.json, &shown, None, "ambiguous", Some(&Why::of(&error)));
            }
            (Some(Proposal::Matched { candidate, by, .. }), Some(why)) => {
                code = code.max(EXIT_USAGE);
                say_matched(args.json, &shown, candidate, *by, "refused", Some(why));
            }
            (Some(Proposal::Matched { candidate, by, .. }), None) if args.dry_run => {
                say_matched(args.json, &shown, candidate, *by, "ready", None);
            }
            _ => {}
        }
    }
    code
}

/// Inspects every file and reads its content (in reader processes).
async fn read_files(found: Vec<Found>) -> anyhow::Result<Vec<Row>> {
    let reader = ContentReader::for_this_program()?;
    let parallel = std::thread::available_parallelism().map_or(2, std::num::NonZero::get) * 2;
    let rows = futures_util::stream::iter(found)
        .map(|found| {
            let reader = &reader;
            async move {
                let read = bulk::check::read(&found.path, reader).await;
                Row {
                    found,
                    facts: read.facts,
                    content: read.content,
                    proposal: None,
                    refused: None,
                    attachment_type: None,
                }
            }
        })
        .buffered(parallel)
        .collect()
        .await;
    Ok(rows)
}

/// Proposes a candidate for every readable file.
async fn propose_all(matcher: &Matcher, rows: &mut [Row]) -> anyhow::Result<()> {
    let evidence: Vec<Evidence> = rows
        .iter()
        .map(|row| Evidence::of(&row.found, &row.facts, row.content.clone()))
        .collect();
    let proposals: Vec<_> = futures_util::stream::iter(&evidence)
        .map(|e| matcher.propose(e))
        .buffered(LOOKUPS_AT_ONCE)
        .collect()
        .await;
    for (row, proposal) in rows.iter_mut().zip(proposals) {
        row.proposal = Some(proposal.map_err(before_sending)?);
    }
    Ok(())
}

/// Checks the matched files of each candidate together (see [`bulk::check`]).
fn check_per_candidate(
    rows: &mut [Row],
    profile: &'static model::ProviderProfile,
    limits: &model::Limits,
    chosen_type: Option<&'static AttachmentType>,
    ignore: &Ignore,
    allowed: Allowed,
) {
    for row in rows.iter_mut() {
        if matches!(row.proposal, Some(Proposal::Matched { .. })) {
            row.attachment_type = Some(chosen_type.unwrap_or_else(|| {
                bulk::check::default_type(profile, &row.facts, row.content.as_deref())
            }));
        }
    }
    let (indices, files): (Vec<usize>, Vec<ToCheck<'_>>) = rows
        .iter()
        .enumerate()
        .filter_map(|(i, row)| match (&row.proposal, row.attachment_type) {
            (Some(Proposal::Matched { candidate, .. }), Some(attachment_type)) => Some((
                i,
                ToCheck {
                    facts: &row.facts,
                    content: row.content.as_ref(),
                    candidate,
                    attachment_type,
                },
            )),
            _ => None,
        })
        .unzip();
    let refusals = bulk::check::check_per_candidate(profile, limits, &files, ignore, allowed);
    for (i, refusal) in indices.into_iter().zip(refusals) {
        rows[i].refused = (!refusal.is_empty()).then(|| Why {
            english: refusal
                .iter()
                .map(atsdrop::i18n::Text::english)
                .collect::<Vec<_>>()
                .join(" "),
            shown: refusal
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(" "),
        });
    }
}

/// Submits one batch per candidate of the matched files that pass; returns the batches and
/// how to name each file.
fn submit(
    engine: &Engine,
    connection: &providers::Connection,
    source: &atsdrop::upload::Source,
    rows: &[Row],
) -> (
    std::collections::HashSet<atsdrop::upload::BatchId>,
    HashMap<PathBuf, Label>,
) {
    let mut by_candidate: Vec<(Candidate, Vec<&Row>)> = Vec::new();
    for row in rows {
        let (Some(Proposal::Matched { candidate, .. }), None, Some(_)) =
            (&row.proposal, &row.refused, row.attachment_type)
        else {
            continue;
        };
        match by_candidate.iter_mut().find(|(c, _)| c.id == candidate.id) {
            Some((_, files)) => files.push(row),
            None => by_candidate.push((candidate.clone(), vec![row])),
        }
    }
    let mut batches = std::collections::HashSet::new();
    let mut labels = HashMap::new();
    for (candidate, files) in by_candidate {
        let specs: Vec<FileSpec> = files
            .iter()
            .filter_map(|row| {
                let Some(Proposal::Matched { by, .. }) = &row.proposal else {
                    return None;
                };
                labels.insert(
                    row.facts.path.clone(),
                    Label {
                        shown: row.found.shown(),
                        candidate: Some(candidate.id.clone()),
                        matched_by: Some(by.as_str()),
                    },
                );
                Some(FileSpec {
                    path: row.facts.path.clone(),
                    name: row.facts.name.clone(),
                    content_type: row.facts.content_type().to_owned(),
                    attachment_type: row.attachment_type?.wire.to_owned(),
                    remote_id: None,
                    allow_duplicate: false,
                    skip_reason: None,
                    checked_as: Some((row.facts.size, row.facts.modified)),
                    made_from: Vec::new(),
                    from_mail: row
                        .found
                        .from_mail
                        .as_ref()
                        .map(atsdrop::mail::FromMail::origin),
                })
            })
            .collect();
        batches.insert(engine.submit(BatchSpec {
            connection: connection.clone(),
            source: source.clone(),
            target: UploadTarget {
                candidate_id: candidate.id.clone(),
                application_id: None,
            },
            candidate_name: Some(candidate.name.clone()).filter(|n| !n.is_empty()),
            files: specs,
        }));
    }
    (batches, labels)
}

/// A sentence on a file's line: `--json` carries it in English, text shows it in the current
/// language.
struct Why {
    english: String,
    shown: String,
}

impl Why {
    fn of(text: &atsdrop::i18n::Text) -> Self {
        Self {
            english: text.english(),
            shown: text.to_string(),
        }
    }
}

/// Why a file went to its candidate, as a phrase ("e-mail in the file"); in English the same
/// words as [`MatchedBy::describe`].
fn matched_by(by: MatchedBy) -> atsdrop::i18n::Text {
    match by {
        MatchedBy::Mapping => atsdrop::text!("run-by-mapping"),
        MatchedBy::EmailInFile => atsdrop::text!("run-by-email-in-file"),
        MatchedBy::PhoneInFile => atsdrop::text!("run-by-phone-in-file"),
        MatchedBy::MailSender => atsdrop::text!("run-by-mail-sender"),
        MatchedBy::EmailInFileName => atsdrop::text!("run-by-email-in-file-name"),
        MatchedBy::NameInFileName => atsdrop::text!("run-by-name-in-file-name"),
        MatchedBy::NameInFile => atsdrop::text!("run-by-name-in-file"),
    }
}

/// The width of the status column of the files held back (one space after its longest word).
fn status_column() -> usize {
    follow::status_width(&["refused", "unmatched", "ambiguous", "ready"]) + 1
}

fn shown_candidate(candidate: &Candidate) -> String {
    if candidate.name.trim().is_empty() {
        candidate.id.clone()
    } else {
        format!("{} ({})", candidate.name, candidate.id)
    }
}

fn say_matched(
    json: bool,
    file: &str,
    candidate: &Candidate,
    by: MatchedBy,
    status: &'static str,
    error: Option<&Why>,
) {
    if json {
        print(&Line {
            file,
            candidate: Some(&candidate.id),
            matched_by: Some(by.as_str()),
            status,
            error: error.map(|e| e.english.as_str()),
        });
    } else {
        let (word, width) = (follow::status_word(status), status_column());
        let mut text = format!(
            "{word:<width$}{file} \u{2192} {} ({})",
            shown_candidate(candidate),
            matched_by(by)
        );
        if let Some(e) = error {
            let _ = write!(text, "\n{:width$}{}", "", e.shown);
        }
        let _ = writeln!(super::printable::stdout(), "{text}");
    }
}

fn say(json: bool, file: &str, candidate: Option<&str>, status: &'static str, error: Option<&Why>) {
    if json {
        print(&Line {
            file,
            candidate,
            matched_by: None,
            status,
            error: error.map(|e| e.english.as_str()),
        });
    } else {
        let (word, width) = (follow::status_word(status), status_column());
        let _ = writeln!(
            super::printable::stdout(),
            "{word:<width$}{file}{}",
            error
                .map(|e| format!("\n{:width$}{}", "", e.shown))
                .unwrap_or_default()
        );
    }
}

fn print(line: &Line<'_>) {
    let mut out = std::io::stdout().lock();
    if serde_json::to_writer(&mut out, line).is_ok() {
        let _ = writeln!(out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn why_a_file_matched_reads_in_english_as_the_matcher_says_it() {
        for by in [
            MatchedBy::Mapping,
            MatchedBy::EmailInFile,
            MatchedBy::PhoneInFile,
            MatchedBy::MailSender,
            MatchedBy::EmailInFileName,
            MatchedBy::NameInFileName,
            MatchedBy::NameInFile,
        ] {
            assert_eq!(matched_by(by).english(), by.describe());
        }
    }
}
