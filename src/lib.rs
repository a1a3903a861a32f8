//! atsdrop: check candidate files against a recruiting system's limits and upload them.
//!
//! # Data flow
//!
//! 1. Paths (dropped, picked, pasted or given on the command line) go to [`inspect`], which
//!    expands folders and produces [`model::FileFacts`]: size, the type sniffed from the content,
//!    the type the extension claims — reading only a file's head (and a zip's directory).
//! 2. [`model::validate`] checks the facts and the chosen attachment types against the
//!    system's [`model::Limits`] and returns a [`model::ValidationReport`] with every problem at
//!    once, each a sentence naming the file and what to do.
//! 3. The upload engine sends accepted files with a [`providers`] client, streaming each body
//!    from disk with an exact `Content-Length`.
//!
//! # Failure policy
//!
//! Nothing that comes from a user, a file or the network may panic: every fallible step returns
//! a `thiserror` enum whose `Display` is one plain sentence. Secrets live in [`model::Secret`],
//! which never prints itself.

pub mod app;
pub mod bulk;
pub mod content;
pub mod credentials;
pub mod emulator;
pub mod fix;
pub mod i18n;
pub mod inspect;
pub mod mail;
pub mod model;
pub mod providers;
pub mod settings;
pub mod ui;
pub mod upload;
