//! `atsdrop validate` — placeholder replaced by the inspection work.

use std::process::ExitCode;

use super::ValidateArgs;

/// Runs `atsdrop validate`.
pub fn run(_args: &ValidateArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("validate is being built")
}
