//! Helpers shared by the integration tests.
pub mod documents;
pub mod engine;
pub mod fixtures;
pub mod gui;
pub mod hostile_server;
pub mod mails;
pub mod pictures;
pub mod process;
pub mod sandbox;
