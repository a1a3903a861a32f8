//! `atsdrop resume`: finishes what an interrupted run left in the journal — each unfinished
//! file is verified or re-sent with its idempotency key, so it ends up stored exactly once.

use std::collections::HashSet;
use std::process::ExitCode;
use std::sync::Arc;

use atsdrop::upload::{Engine, EngineConfig, UploadEvent};

use super::ResumeArgs;
use super::connect::{journal_dir, secret_for};
use super::follow;

/// Runs `atsdrop resume`.
pub fn run(args: &ResumeArgs, runtime: &tokio::runtime::Runtime) -> anyhow::Result<ExitCode> {
    runtime.block_on(async {
        let config = EngineConfig::new(journal_dir()?);
        let (engine, mut events) =
            Engine::start(&tokio::runtime::Handle::current(), config, Arc::new(|| {}))?;
        engine.resume_orphans(Arc::new(secret_for));
        let (batches, files) = loop {
            match events.recv().await {
                Some(UploadEvent::Resumed { batches, files }) => break (batches, files),
                Some(UploadEvent::Warning { message }) => eprintln!("atsdrop: {message}"),
                Some(_) => {}
                None => return Ok(ExitCode::from(super::EXIT_FAILED)),
            }
        };
        if files == 0 {
            if !args.json {
                println!("Nothing to resume: every upload in the journal has finished.");
            }
            return Ok(ExitCode::from(super::EXIT_OK));
        }
        if !args.json {
            println!("Resuming {files} file(s) an interrupted run left unfinished.");
        }
        let tally = follow::follow(
            &mut events,
            batches.into_iter().collect::<HashSet<_>>(),
            args.json,
        )
        .await;
        if !args.json {
            println!(
                "{} uploaded, {} skipped, {} failed",
                tally.delivered, tally.skipped, tally.failed
            );
        }
        Ok(ExitCode::from(follow::exit_code(tally)))
    })
}
