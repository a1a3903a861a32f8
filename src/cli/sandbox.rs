//! `atsdrop sandbox`: runs the built-in emulator of all five systems until interrupted.

use std::fmt::Write as _;
use std::io::Write;
use std::process::ExitCode;

use anyhow::Context as _;
use atsdrop::emulator::{Emulator, EmulatorConfig, Fault};
use atsdrop::model::ProviderId;

use super::SandboxArgs;

/// Runs `atsdrop sandbox`.
pub fn run(args: &SandboxArgs, runtime: &tokio::runtime::Runtime) -> anyhow::Result<ExitCode> {
    let faults: Vec<Fault> = args
        .fault
        .iter()
        .map(|spec| spec.parse::<Fault>())
        .collect::<Result<_, _>>()?;
    runtime.block_on(async {
        let config = EmulatorConfig {
            port: args.port,
            rate_limits: !args.no_rate_limits,
            ..EmulatorConfig::default()
        };
        let emulator = Emulator::spawn(config)
            .await
            .with_context(|| format!("could not listen on 127.0.0.1:{}", args.port))?;
        for fault in faults {
            emulator.faults().inject(fault);
        }
        let mut out = std::io::stdout().lock();
        if args.json {
            let accounts = emulator.shared().accounts();
            writeln!(out, "{}", serde_json::Value::Object(accounts))?;
        } else {
            writeln!(out, "atsdrop sandbox on {} (Ctrl+C stops it)", emulator.root())?;
            for provider in ProviderId::ALL {
                let a = emulator.account(provider);
                let mut line = format!("  {:<15} {}", provider.display_name(), a.base_url);
                for (label, value) in [
                    ("api key", &a.api_key),
                    ("client id", &a.client_id),
                    ("client secret", &a.client_secret),
                    ("integration id", &a.integration_id),
                    ("integrated account id", &a.integrated_account_id),
                ] {
                    if let Some(v) = value {
                        let _ = write!(line, "  {label}: {v}");
                    }
                }
                writeln!(out, "{line}")?;
            }
            writeln!(out, "  faults: POST {}/_emulator/faults, e.g. {{\"provider\":\"kombo\",\"kind\":\"status\",\"status\":429,\"retry_after\":2}}", emulator.root())?;
        }
        out.flush()?;
        drop(out);
        tokio::signal::ctrl_c().await.context("waiting for Ctrl+C")?;
        emulator.shutdown().await;
        Ok(ExitCode::SUCCESS)
    })
}
