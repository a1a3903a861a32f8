//! All integration tests, as one binary (one link step).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    missing_docs,
    // Tests read as stories; splitting them to please a line count hurts more than it helps.
    clippy::too_many_lines
)]

mod support;

mod bulk;
mod cli;
mod content;
mod content_cli;
mod credentials;
mod engine;
mod fix_cli;
mod gui;
mod hostile;
mod inspect;
mod languages;
mod mail;
mod providers;
mod settings;
mod snapshots;
mod tenants;
mod validate_cli;
