//! All integration tests, as one binary (one link step).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

mod support;

mod cli;
mod credentials;
mod engine;
mod inspect;
mod providers;
mod settings;
mod validate_cli;
