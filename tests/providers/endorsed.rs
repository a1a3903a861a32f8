//! Endorsed client ↔ emulator.
