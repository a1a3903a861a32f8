//! The pre-check that refuses a PDF whose arrays and dictionaries nest absurdly deep, in one
//! linear pass over the raw bytes, before the parser sees it.

/// Whether arrays (`[`) and dictionaries (`<<`) in `bytes` nest deeper than `limit`.
///
/// One pass, no allocation. Stream bodies (`stream` … `endstream`) are skipped, since binary
/// data is full of brackets; a `stream` without an `endstream` is not skipped, so nothing can
/// hide behind it. `endobj` resets the count, so unbalanced brackets in one damaged object do
/// not add up over a large file. Strings and comments are not skipped: brackets there count,
/// which can only make the check stricter.
pub(super) fn nesting_exceeds(bytes: &[u8], limit: usize) -> bool {
    let mut depth = 0_usize;
    let mut at = 0;
    // Once a search for `endstream` has failed, no later one can succeed: searching again for
    // every `stream` would make a file of bare `stream` keywords quadratic.
    let mut endstreams_left = true;
    while let Some(&byte) = bytes.get(at) {
        let next = bytes.get(at + 1).copied();
        match byte {
            b'[' => depth += 1,
            b']' => depth = depth.saturating_sub(1),
            b'<' if next == Some(b'<') => {
                depth += 1;
                at += 1;
            }
            b'>' if next == Some(b'>') => {
                depth = depth.saturating_sub(1);
                at += 1;
            }
            b's' if endstreams_left => match stream_end(bytes, at) {
                StreamEnd::At(end) => {
                    at = end;
                    continue;
                }
                StreamEnd::Missing => endstreams_left = false,
                StreamEnd::NotAStream => {}
            },
            b'e' if bytes[at..].starts_with(b"endobj") => depth = 0,
            _ => {}
        }
        if depth > limit {
            return true;
        }
        at += 1;
    }
    false
}

/// What follows a possible `stream` keyword.
enum StreamEnd {
    /// No `stream` keyword starts here.
    NotAStream,
    /// A stream body whose `endstream` ends just before this offset.
    At(usize),
    /// A `stream` keyword with no `endstream` anywhere after it.
    Missing,
}

/// Whether a `stream` keyword starts at `at`, and if so where its `endstream` ends.
fn stream_end(bytes: &[u8], at: usize) -> StreamEnd {
    const KEYWORD: &[u8] = b"stream";
    const END: &[u8] = b"endstream";
    let Some(rest) = bytes.get(at..) else {
        return StreamEnd::NotAStream;
    };
    if !rest.starts_with(KEYWORD) {
        return StreamEnd::NotAStream;
    }
    let after_delimiter = at == 0
        || bytes
            .get(at - 1)
            .is_some_and(|b| b.is_ascii_whitespace() || *b == b'>');
    let before_eol = matches!(rest.get(KEYWORD.len()), Some(b'\r' | b'\n'));
    if !after_delimiter || !before_eol {
        return StreamEnd::NotAStream;
    }
    let body = at + KEYWORD.len();
    rest[KEYWORD.len()..]
        .windows(END.len())
        .position(|w| w == END)
        .map_or(StreamEnd::Missing, |found| {
            StreamEnd::At(body + found + END.len())
        })
}

#[cfg(test)]
mod tests {
    use std::time::{Duration, Instant};

    use super::*;
    use crate::content::pdf::test_builders::{assemble, on_stack};
    use crate::content::pdf::{MAX_NESTING_DEPTH, read_pdf};

    #[test]
    fn absurd_nesting_is_refused_quickly_without_overflowing_the_stack() {
        for (open, close) in [("[", "]"), ("<< /A ", " >>")] {
            let nested = format!("{}0{}", open.repeat(20_000), close.repeat(20_000));
            let pdf = assemble(
                &[
                    format!("<< /Type /Catalog /Pages 2 0 R /Deep {nested} >>").into_bytes(),
                    b"<< /Type /Pages /Kids [] /Count 0 >>".to_vec(),
                ],
                "<< /Size 3 /Root 1 0 R >>",
            );
            let started = Instant::now();
            let result = on_stack(256, move || read_pdf(&pdf));
            assert_eq!(
                result.unwrap_err(),
                "its structure is nested too deeply to read safely"
            );
            assert!(started.elapsed() < Duration::from_secs(2));
        }
    }

    #[test]
    fn nesting_inside_stream_bodies_is_not_counted_but_unterminated_streams_are() {
        let deep = "[".repeat(MAX_NESTING_DEPTH + 1);
        let in_stream = format!("<< /Length 5 >>\nstream\n{deep}\nendstream");
        assert!(!nesting_exceeds(in_stream.as_bytes(), MAX_NESTING_DEPTH));
        let unterminated = format!("<< /Length 5 >>\nstream\n{deep}");
        assert!(nesting_exceeds(unterminated.as_bytes(), MAX_NESTING_DEPTH));
        let closed_each_time = "[[[ ] ] ] endobj ".repeat(1000);
        assert!(!nesting_exceeds(closed_each_time.as_bytes(), 5));
        // Bare `stream` keywords without an end stay linear.
        let bare = "\nstream\n".repeat(1_000_000);
        let started = Instant::now();
        assert!(!nesting_exceeds(bare.as_bytes(), MAX_NESTING_DEPTH));
        assert!(started.elapsed() < Duration::from_secs(2));
    }
}
