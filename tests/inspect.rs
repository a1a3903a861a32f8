//! Inspection of real files.
