//! Onderwijsregio client ↔ emulator.
