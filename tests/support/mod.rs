//! Helpers shared by the integration tests.
pub mod engine;
pub mod fixtures;
pub mod gui;
pub mod process;
pub mod sandbox;
