//! Human-readable sizes, speeds and durations for messages and the UI.

use std::time::Duration;

/// `1536` → `"1.5 KB"`, `52428800` → `"50 MB"` (binary multiples, labelled the way file managers
/// label them) — in English, for logs, the journal and `--json`; the screens use
/// [`crate::i18n::size`].
#[must_use]
pub fn human_bytes(bytes: u64) -> String {
    crate::i18n::format::size_in(crate::i18n::Lang::En, bytes)
}

/// A duration as a person says it: `"3 s"`, `"2 min 5 s"`, `"1 h 4 min"` (in English; the
/// screens use [`crate::i18n::duration`]).
#[must_use]
pub fn human_duration(d: Duration) -> String {
    crate::i18n::format::duration_in(crate::i18n::Lang::En, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_naturally() {
        assert_eq!(human_bytes(0), "0 bytes");
        assert_eq!(human_bytes(1), "1 byte");
        assert_eq!(human_bytes(1023), "1023 bytes");
        assert_eq!(human_bytes(1536), "1.5 KB");
        assert_eq!(human_bytes(50 * 1024 * 1024), "50 MB");
        assert_eq!(human_bytes(13_002_342), "12.4 MB");
        assert_eq!(human_bytes(5 * 1024 * 1024 + 1), "5 MB");
    }

    #[test]
    fn durations_read_naturally() {
        assert_eq!(human_duration(Duration::from_millis(2600)), "3 s");
        assert_eq!(human_duration(Duration::from_secs(125)), "2 min 5 s");
        assert_eq!(human_duration(Duration::from_mins(64)), "1 h 4 min");
    }
}
