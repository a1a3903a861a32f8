//! `atsdrop validate` as a process.
