//! The `atsdrop` binary: with no subcommand it opens the desktop app; the subcommands run the
//! same engine headless for scripts and bulk work.
#![cfg_attr(atsdrop_gui_subsystem, windows_subsystem = "windows")] // Windows GUI copy: packaging/README.md

mod cli;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    // Older macOS versions add `-psn_<serial>` when an app is opened from Finder; it is not ours.
    let args = cli::Cli::parse_from(
        std::env::args_os().filter(|arg| !arg.to_string_lossy().starts_with("-psn_")),
    );
    cli::init_tracing(args.verbose);
    match cli::run(args) {
        Ok(code) => code,
        Err(error) => {
            cli::printable::warn(format!("{error:#}"));
            let code = error
                .downcast_ref::<cli::failure::Failure>()
                .map_or(cli::EXIT_USAGE, |f| f.code);
            ExitCode::from(code)
        }
    }
}
