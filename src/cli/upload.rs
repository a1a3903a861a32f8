//! `atsdrop upload`: checks the files first and sends nothing if any is refused; then uploads
//! them in the background engine, journaled, with a progress bar or one JSON object per file.

use std::collections::HashSet;
use std::io::Write as _;
use std::process::ExitCode;

use atsdrop::model::profiles::endorsed::remote_id_for;
use atsdrop::providers::{self, UploadTarget};
use atsdrop::upload::{BatchSpec, Engine, EngineConfig, FileSpec};

use super::connect::{self, journal_dir};
use super::content::Recipient;
use super::failure::{before_sending, usage};
use super::follow::{self, FileLine, print_json};
use super::{UploadArgs, dry_run, validate};
use atsdrop::content::identity::Ignore;

/// Runs `atsdrop upload`.
pub fn run(args: &UploadArgs, runtime: &tokio::runtime::Runtime) -> anyhow::Result<ExitCode> {
    let (connection, source) = connect::resolve(&args.connection)?;
    let profile = connection.provider.profile();
    let attachment_type = profile
        .attachment_type(&args.attachment_type)
        .ok_or_else(|| {
            usage(atsdrop::t!(
                "run-not-an-attachment-type",
                given = args.attachment_type.trim(),
                system = profile.id.to_string(),
                types = profile.type_list()
            ))
        })?;
    if args.application.is_some() && profile.id != atsdrop::model::ProviderId::Kombo {
        return Err(usage(atsdrop::t!(
            "run-application-kombo-only",
            system = profile.id.to_string()
        )));
    }
    runtime.block_on(async {
        let client = providers::connect(&connection).map_err(before_sending)?;
        let candidate = client
            .get_candidate(&args.candidate)
            .await
            .map_err(before_sending)?;
        let checked =
            match check_files(args, client.as_ref(), &candidate, profile, attachment_type).await? {
                Ok(checked) => checked,
                Err(code) => return Ok(code),
            };
        // Duplicate guard: files already on the candidate (same name and size) are skipped.
        let existing = if profile.can_list_attachments && !args.allow_duplicates {
            client
                .list_attachments(&candidate.id)
                .await
                .unwrap_or_default()
        } else {
            Vec::new()
        };
        let count = checked.staged.len();
        if let Some(base) = &args.remote_id {
            check_remote_ids(base, &checked.staged)?;
        }
        let files: Vec<FileSpec> = checked
            .staged
            .iter()
            .zip(&checked.from_mail)
            .map(|(staged, from_mail)| {
                let facts = &staged.facts;
                let duplicate = existing
                    .iter()
                    .find(|a| a.name == facts.name && a.size.is_none_or(|s| s == facts.size));
                FileSpec {
                    path: facts.path.clone(),
                    name: facts.name.clone(),
                    content_type: facts.content_type().to_owned(),
                    attachment_type: attachment_type.wire.to_owned(),
                    remote_id: args
                        .remote_id
                        .as_deref()
                        .map(|id| remote_id_for(id, &facts.name, count > 1)),
                    allow_duplicate: args.allow_duplicates,
                    checked_as: Some((facts.size, facts.modified)),
                    made_from: Vec::new(),
                    from_mail: from_mail.as_ref().map(atsdrop::mail::FromMail::origin),
                    skip_reason: duplicate.map(|a| already_there(&facts.name, a, args.json)),
                }
            })
            .collect();
        let mut config = EngineConfig::new(journal_dir()?);
        config.confirm_timeout = std::time::Duration::from_secs(args.confirm_timeout);
        let (engine, mut events) = Engine::start(
            &tokio::runtime::Handle::current(),
            config,
            std::sync::Arc::new(|| {}),
        )?;
        let batch = engine.submit(BatchSpec {
            connection,
            source,
            target: UploadTarget {
                candidate_id: candidate.id.clone(),
                application_id: args.application.clone(),
            },
            candidate_name: Some(candidate.name.clone()).filter(|n| !n.is_empty()),
            files,
        });
        let tally = follow::follow(&mut events, HashSet::from([batch]), args.json).await;
        if !args.json {
            print_summary(tally, &candidate, profile.id);
        }
        let code = follow::exit_code(tally);
        if code == super::EXIT_OK {
            // Every file is stored: the mails' attachment copies are no longer needed. After
            // anything else they stay for `atsdrop resume` (the app removes them after 7 days).
            checked.remove_mail_folders();
        }
        Ok(ExitCode::from(code))
    })
}

/// Checks the files' form and content for `candidate`. `Ok(Err(code))` when the run ends here:
/// a dry run, or a file refused (nothing is sent).
async fn check_files(
    args: &UploadArgs,
    client: &dyn providers::AtsClient,
    candidate: &atsdrop::model::Candidate,
    profile: &'static atsdrop::model::ProviderProfile,
    attachment_type: &'static atsdrop::model::AttachmentType,
) -> anyhow::Result<Result<validate::Outcome, ExitCode>> {
    let limits = client.limits().await.map_err(before_sending)?;
    let paths = args.paths.clone();
    let form_limits = limits.clone();
    let mut checked = tokio::task::spawn_blocking(move || {
        validate::check(profile, &form_limits, attachment_type, &paths)
    })
    .await?;
    let ignore = Ignore {
        domains: args
            .own_domain
            .iter()
            .map(|d| d.trim().trim_start_matches('@').to_ascii_lowercase())
            .collect(),
    };
    let recipient = Recipient {
        client,
        candidate,
        ignore: &ignore,
    };
    let allowed = atsdrop::model::Allowed {
        macros: args.allow_macros,
        other_person: args.allow_other_person,
    };
    let added = super::content::add(&mut checked, &limits, Some(&recipient), allowed).await;
    if added.is_err() || args.dry_run || !checked.ok() {
        // Nothing will be sent from the mails' attachments: their copies go.
        checked.remove_mail_folders();
    }
    added?;
    if args.dry_run {
        return Ok(Err(dry_run::report(
            &checked,
            attachment_type.label,
            args.json,
        )?));
    }
    if !checked.ok() {
        if args.json {
            for (file, problems) in checked.refusals() {
                print_json(&FileLine {
                    file: &file,
                    status: "refused",
                    attachment_id: None,
                    error: Some(&problems.join(" ")),
                    candidate: None,
                    matched_by: None,
                });
            }
            for problem in &checked.batch_problems {
                super::printable::warn(problem);
            }
        } else {
            let mut out = super::printable::stdout();
            validate::write_text(&mut out, &checked, attachment_type.label)?;
        }
        return Ok(Err(ExitCode::from(super::EXIT_USAGE)));
    }
    // Warnings and notes (a scan without text, content that could not be read) do not stop it.
    for problem in checked.report.files.iter().flat_map(|f| &f.problems) {
        super::printable::warn(problem);
    }
    Ok(Ok(checked))
}

/// "2 uploaded, 0 skipped, 0 failed — Anna Jansen (Spott)".
fn print_summary(
    tally: follow::Tally,
    candidate: &atsdrop::model::Candidate,
    system: atsdrop::model::ProviderId,
) {
    let summary = atsdrop::t!(
        "run-upload-summary",
        uploaded = tally.delivered,
        skipped = tally.skipped,
        failed = tally.failed,
        candidate = if candidate.name.is_empty() {
            &candidate.id
        } else {
            &candidate.name
        },
        system = system.to_string()
    );
    let _ = writeln!(super::printable::stdout(), "{summary}");
}

/// Why a file the candidate already has (`there`) is skipped: in English for `--json`, which
/// carries it, else in the current language.
fn already_there(name: &str, there: &atsdrop::model::RemoteAttachment, json: bool) -> String {
    let reason = match there.size {
        Some(size) => atsdrop::text!(
            "run-already-on-candidate",
            file = name,
            size = atsdrop::i18n::Arg::Size(size),
            id = &there.id
        ),
        None => atsdrop::text!(
            "run-already-on-candidate-same-name",
            file = name,
            id = &there.id
        ),
    };
    if json {
        reason.english()
    } else {
        reason.to_string()
    }
}

/// Two files whose names give one Endorsed remote id would replace each other: a usage error.
fn check_remote_ids(base: &str, staged: &[atsdrop::model::StagedFile]) -> anyhow::Result<()> {
    let several = staged.len() > 1;
    let mut seen = std::collections::HashMap::new();
    for file in staged {
        let id = remote_id_for(base, &file.facts.name, several);
        if let Some(other) = seen.insert(id.clone(), file.facts.path.display().to_string()) {
            return Err(usage(atsdrop::t!(
                "run-same-remote-id",
                first = other,
                second = file.facts.path.display().to_string(),
                id = id
            )));
        }
    }
    Ok(())
}
