//! `atsdrop resume`: finishes what an interrupted run left in the journal — each unfinished
//! file is verified or re-sent with its idempotency key, so it ends up stored exactly once.
//! A file is only ever sent to the account it was started with: a job from a saved connection
//! with that connection's current secret, a job from the environment only when the
//! environment holds the very credential it was started with. Anything else is left waiting,
//! unsent, with a sentence saying what it needs (exit 1).

use std::collections::HashSet;
use std::process::ExitCode;
use std::sync::Arc;

use atsdrop::upload::{Engine, EngineConfig, UploadEvent};

use super::ResumeArgs;
use super::connect::{journal_dir, secret_for};
use super::follow::{self, FileLine, print_json};
use super::printable;

/// Runs `atsdrop resume`.
pub fn run(args: &ResumeArgs, runtime: &tokio::runtime::Runtime) -> anyhow::Result<ExitCode> {
    runtime.block_on(async {
        let mut config = EngineConfig::new(journal_dir()?);
        config.confirm_timeout = std::time::Duration::from_secs(args.confirm_timeout);
        let (engine, mut events) =
            Engine::start(&tokio::runtime::Handle::current(), config, Arc::new(|| {}))?;
        engine.resume_orphans(Arc::new(secret_for));
        let (batches, files, waiting) = loop {
            match events.recv().await {
                Some(UploadEvent::Resumed {
                    batches,
                    files,
                    waiting,
                }) => break (batches, files, waiting),
                Some(UploadEvent::Warning { message }) => printable::warn(&message),
                Some(_) => {}
                None => return Ok(ExitCode::from(super::EXIT_FAILED)),
            }
        };
        for w in &waiting {
            if args.json {
                print_json(&FileLine {
                    file: &w.name,
                    status: "waiting",
                    attachment_id: None,
                    error: Some(&w.reason),
                    candidate: None,
                    matched_by: None,
                });
            } else {
                printable::warn(&w.reason);
            }
        }
        if files == 0 {
            if !args.json && waiting.is_empty() {
                println!("{}", atsdrop::t!("run-resume-nothing"));
            }
            let code = if waiting.is_empty() {
                super::EXIT_OK
            } else {
                super::EXIT_FAILED
            };
            return Ok(ExitCode::from(code));
        }
        if !args.json {
            println!("{}", atsdrop::t!("run-resume-resuming", files = files));
        }
        let tally = follow::follow(
            &mut events,
            batches.into_iter().collect::<HashSet<_>>(),
            args.json,
        )
        .await;
        if !args.json {
            println!(
                "{}",
                atsdrop::t!(
                    "run-resume-summary",
                    uploaded = tally.delivered,
                    skipped = tally.skipped,
                    failed = tally.failed,
                    waiting = waiting.len()
                )
            );
        }
        let code = if waiting.is_empty() {
            follow::exit_code(tally)
        } else {
            super::EXIT_FAILED
        };
        Ok(ExitCode::from(code))
    })
}
