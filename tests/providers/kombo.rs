//! Kombo client ↔ emulator.
