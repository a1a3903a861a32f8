//! Safe file names for attachments written to disk: a mail names its attachments as it likes
//! (`../../.bashrc`, `CON`, 300 characters, control characters, nothing at all).

use crate::model::FileKind;

/// The longest name written, in bytes (file systems allow 255).
const MAX_NAME_BYTES: usize = 180;

/// A file name for the attachment `index` (counted from 1) of a mail: the mail's own name
/// without any folder part, characters that no file system takes replaced by `_`, and
/// shortened keeping the extension; `attachment-N.ext` (the extension from `content_type`)
/// when the mail gives none.
#[must_use]
pub fn safe_name(name: Option<&str>, content_type: Option<&str>, index: usize) -> String {
    let last = name
        .unwrap_or_default()
        .rsplit(['/', '\\'])
        .next()
        .unwrap_or_default();
    let cleaned: String = last
        .chars()
        .map(|c| {
            if c.is_control() || matches!(c, '<' | '>' | ':' | '"' | '|' | '?' | '*') {
                '_'
            } else {
                c
            }
        })
        .collect();
    let cleaned = cleaned.trim().trim_matches('.').trim();
    if cleaned.is_empty() {
        let extension = content_type
            .map(FileKind::from_mime)
            .and_then(|k| k.preferred_extension());
        return match extension {
            Some(ext) => format!("attachment-{index}.{ext}"),
            None => format!("attachment-{index}"),
        };
    }
    let stem_end = cleaned.rfind('.').filter(|&dot| dot > 0);
    let stem = stem_end.map_or(cleaned, |dot| &cleaned[..dot]);
    let named = if is_reserved_on_windows(stem) {
        format!("_{cleaned}")
    } else {
        cleaned.to_owned()
    };
    shorten(&named)
}

/// Whether Windows reserves `stem` for a device (`CON`, `nul`, `COM1`…).
fn is_reserved_on_windows(stem: &str) -> bool {
    let upper = stem.trim().to_ascii_uppercase();
    matches!(upper.as_str(), "CON" | "PRN" | "AUX" | "NUL")
        || ((upper.starts_with("COM") || upper.starts_with("LPT"))
            && upper.len() == 4
            && upper.as_bytes()[3].is_ascii_digit())
}

/// `name` cut to [`MAX_NAME_BYTES`] on a character boundary, its extension kept.
fn shorten(name: &str) -> String {
    if name.len() <= MAX_NAME_BYTES {
        return name.to_owned();
    }
    let extension = name
        .rfind('.')
        .map(|dot| &name[dot..])
        .filter(|e| e.len() <= 16)
        .unwrap_or_default();
    let mut end = MAX_NAME_BYTES - extension.len();
    while !name.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}{extension}", &name[..end])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_made_safe() {
        assert_eq!(
            safe_name(Some("Curriculum Anaïs.pdf"), None, 1),
            "Curriculum Anaïs.pdf"
        );
        assert_eq!(safe_name(Some("../../.bashrc"), None, 1), "bashrc");
        assert_eq!(safe_name(Some("C:\\Users\\x\\cv.pdf"), None, 1), "cv.pdf");
        assert_eq!(safe_name(Some("a\u{7}b?.pdf"), None, 1), "a_b_.pdf");
        assert_eq!(safe_name(Some("con.txt"), None, 1), "_con.txt");
        assert_eq!(safe_name(Some("COM1"), None, 1), "_COM1");
        assert_eq!(
            safe_name(Some("  "), Some("application/pdf"), 3),
            "attachment-3.pdf"
        );
        assert_eq!(safe_name(None, Some("x-unknown/thing"), 2), "attachment-2");
        let long = format!("{}.pdf", "é".repeat(200));
        let short = safe_name(Some(&long), None, 1);
        assert!(
            short.len() <= MAX_NAME_BYTES && short.ends_with("é.pdf"),
            "{short}"
        );
    }
}
