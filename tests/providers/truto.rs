//! Truto client ↔ emulator.
