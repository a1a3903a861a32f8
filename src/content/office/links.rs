//! Hyperlink targets: which are worth keeping (contact links, each once, a bounded number) and
//! how they are read from the field instructions of Word and RTF (`HYPERLINK "mailto:…"`).

/// The most hyperlink targets kept from one document.
const MAX_LINKS: usize = 256;

/// The most bytes of one field instruction (`HYPERLINK "…"`) kept while reading it.
const MAX_INSTRUCTION_BYTES: usize = 4 * 1024;

/// How deep fields may nest inside each other before inner ones are ignored.
pub(super) const MAX_FIELD_DEPTH: usize = 64;

/// Whether a link target is worth keeping: it may name the candidate (`mailto:`, `tel:`) or
/// their pages (`http:`, `https:`).
pub(crate) fn is_contact_link(target: &str) -> bool {
    let head: String = target
        .chars()
        .take(8)
        .collect::<String>()
        .to_ascii_lowercase();
    ["mailto:", "tel:", "http://", "https://"]
        .iter()
        .any(|scheme| head.starts_with(scheme))
}

/// Keeps `target` in `links` when it is a contact link not seen before.
pub(crate) fn note_link(links: &mut Vec<String>, target: &str) {
    let target = target.trim();
    if links.len() < MAX_LINKS && is_contact_link(target) && !links.iter().any(|l| l == target) {
        links.push(target.to_owned());
    }
}

/// The target of a `HYPERLINK` field instruction (`HYPERLINK "mailto:a@b.nl" \o "tip"`), if
/// the instruction is one and links outside the document.
pub(crate) fn hyperlink_target(instruction: &str) -> Option<String> {
    let mut tokens = field_tokens(instruction).into_iter();
    tokens.find(|(token, quoted)| !quoted && token.eq_ignore_ascii_case("HYPERLINK"))?;
    while let Some((token, quoted)) = tokens.next() {
        if !quoted && token.starts_with('\\') {
            // `\l` (a place in the document), `\o` (a tooltip) and `\t` (a frame) take an
            // argument; the rest are flags.
            if matches!(token.to_ascii_lowercase().as_str(), "\\l" | "\\o" | "\\t") {
                tokens.next();
            }
            continue;
        }
        return Some(token);
    }
    None
}

/// Splits a field instruction into words and `"quoted strings"`, each with whether it was
/// quoted.
fn field_tokens(instruction: &str) -> Vec<(String, bool)> {
    let mut tokens = Vec::new();
    let mut chars = instruction.chars().peekable();
    while let Some(&c) = chars.peek() {
        if c.is_whitespace() {
            chars.next();
        } else if c == '"' {
            chars.next();
            let token: String = chars.by_ref().take_while(|&c| c != '"').collect();
            tokens.push((token, true));
        } else {
            let mut token = String::new();
            while let Some(&c) = chars.peek() {
                if c.is_whitespace() || c == '"' {
                    break;
                }
                token.push(c);
                chars.next();
            }
            tokens.push((token, false));
        }
    }
    tokens
}

/// Adds to the instruction of the innermost open field, within bounds.
pub(super) fn push_instruction(fields: &mut [Option<String>], text: &str) {
    if let Some(Some(instruction)) = fields.last_mut()
        && instruction.len() + text.len() <= MAX_INSTRUCTION_BYTES
    {
        instruction.push_str(text);
    }
}

/// Notes the target of a field instruction that is a hyperlink.
pub(super) fn note_field(instruction: Option<&str>, links: &mut Vec<String>) {
    if let Some(target) = instruction.and_then(hyperlink_target) {
        note_link(links, &target);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hyperlink_instructions() {
        assert_eq!(
            hyperlink_target(r#" HYPERLINK "mailto:a@b.nl" "#).as_deref(),
            Some("mailto:a@b.nl")
        );
        assert_eq!(
            hyperlink_target(r#"HYPERLINK \o "tip" "https://x.nl""#).as_deref(),
            Some("https://x.nl")
        );
        assert_eq!(hyperlink_target(r#"HYPERLINK \l "top""#), None);
        assert_eq!(hyperlink_target(r"PAGEREF _Toc1 \h"), None);
        assert!(!is_contact_link("file:///C:/cv.doc"));
        assert!(is_contact_link("MAILTO:A@B.NL"));
    }
}
