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
    let tenants = args
        .tenant
        .iter()
        .map(|spec| parse_tenant(spec))
        .collect::<Result<Vec<_>, _>>()?;
    runtime.block_on(async {
        let config = EmulatorConfig {
            port: args.port,
            rate_limits: !args.no_rate_limits,
            candidates_per_system: args.candidates.clamp(1, 100_000),
            ..EmulatorConfig::default()
        };
        let emulator = Emulator::spawn(config).await.with_context(|| {
            atsdrop::t!(
                "run-sandbox-cannot-listen",
                address = format!("127.0.0.1:{}", args.port)
            )
        })?;
        for fault in faults {
            emulator.faults().inject(fault);
        }
        for (provider, name, secret) in &tenants {
            let _ = emulator.add_tenant(*provider, name, secret);
        }
        let mut out = std::io::stdout().lock();
        if args.json {
            let accounts = emulator.shared().accounts();
            writeln!(out, "{}", serde_json::Value::Object(accounts))?;
        } else {
            writeln!(
                out,
                "{}",
                atsdrop::t!("run-sandbox-running", url = emulator.root().to_string())
            )?;
            for provider in ProviderId::ALL {
                let a = emulator.account(provider);
                let shape = provider.profile().account;
                let mut line = format!("  {:<15} {}", provider.display_name(), a.base_url);
                let _ = write!(line, "  {}: {}", shape.secret.noun, a.secret);
                for field in shape.fields {
                    if let Some(v) = a.ids.get(field.key) {
                        let _ = write!(line, "  {}: {v}", field.label.to_lowercase());
                    }
                }
                writeln!(out, "{line}")?;
            }
            let faults = atsdrop::t!(
                "run-sandbox-faults",
                url = format!("{}/_emulator/faults", emulator.root()),
                example = r#"{"provider":"kombo","kind":"status","status":429,"retry_after":2}"#
            );
            writeln!(out, "  {faults}")?;
        }
        out.flush()?;
        drop(out);
        tokio::signal::ctrl_c()
            .await
            .with_context(|| atsdrop::t!("run-sandbox-ctrl-c"))?;
        emulator.shutdown().await;
        Ok(ExitCode::SUCCESS)
    })
}

/// `PROVIDER:NAME:SECRET`.
fn parse_tenant(spec: &str) -> anyhow::Result<(ProviderId, String, String)> {
    let mut parts = spec.splitn(3, ':');
    let (Some(provider), Some(name), Some(secret)) = (parts.next(), parts.next(), parts.next())
    else {
        return Err(super::failure::usage(atsdrop::t!(
            "run-tenant-format",
            spec = spec
        )));
    };
    let provider: ProviderId = provider
        .parse()
        .map_err(|e: atsdrop::model::UnknownProvider| super::failure::usage(e.to_string()))?;
    if name.is_empty() || secret.trim().is_empty() {
        return Err(super::failure::usage(atsdrop::t!(
            "run-tenant-empty",
            spec = spec
        )));
    }
    Ok((provider, name.to_owned(), secret.to_owned()))
}
