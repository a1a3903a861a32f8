//! The upload engine: background work that never blocks its caller, recovers from faults and
//! crashes, and never loses or duplicates a file.
//!
//! Callers [`Engine::submit`] a [`BatchSpec`] and read [`UploadEvent`]s from a bounded channel
//! (a `wake` callback tells a GUI to repaint). Each account gets a [`lane`](lane::Lane) bounded
//! by the system's documented limits; a 429 pauses only that lane. Failures are classified
//! ([`retry::classify`]): 429, 502–504, connection failures before the body was complete and
//! timeouts are retried with backoff and jitter; a body that went out without an answer (or
//! with a success answer atsdrop cannot read, or — without a key — a 502/504 after the whole
//! body) is settled by re-sending with the same idempotency key (Onderwijsregio, Truto,
//! Endorsed's upsert) or by listing the candidate's attachments (Spott, Kombo), and left to the
//! user ("outcome unknown") when neither can tell; anything else fails with the system's
//! sentence. Every step is written to the [`journal`] first, so a crash loses nothing and a
//! restart finishes the job exactly once; a job whose last attempt may have arrived is checked
//! before it is sent again, after a cancel, a retry or a crash alike. `BatchFinished` comes
//! once per batch, also when its files could not be journaled (they fail with the reason).

pub mod account;
mod confirm;
mod engine;
pub mod events;
pub mod fingerprint;
pub mod history;
mod intake;
mod job;
pub mod journal;
pub mod lane;
pub mod lifecycle;
mod private;
pub mod progress;
pub mod retry;
pub mod ride;
pub mod takeover;
pub mod types;
mod worker;

pub use account::{Account, CredentialPrint, Fingerprinter, Source};
pub use engine::{Engine, EngineConfig, EngineError, Resolver, SecretOrigin};
pub use events::{BatchSummary, UploadEvent, Waiting, Wake};
pub use types::{BatchId, BatchSpec, FileId, FileSpec, FileState, MailOrigin, Original, Outcome};
