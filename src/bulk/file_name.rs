//! Who a file name says a file is for: "Jansen, Anna - CV.pdf", `CV_Mark_de_Vries.docx`,
//! "anna.jansen@example.com.pdf". The weakest evidence bulk matching uses: a name found here
//! matches only when exactly one candidate has it and nothing in the file says otherwise.

/// Words that say what a document is, not whose (any case; compared folded).
const DOCUMENT_WORDS: &[&str] = &[
    "cv",
    "resume",
    "résumé",
    "curriculum",
    "vitae",
    "lebenslauf",
    "levensloop",
    "motivation",
    "motivatie",
    "motivatiebrief",
    "sollicitatie",
    "sollicitatiebrief",
    "bewerbung",
    "anschreiben",
    "cover",
    "letter",
    "brief",
    "diploma",
    "getuigschrift",
    "zeugnis",
    "certificate",
    "portfolio",
    "application",
    "final",
    "new",
    "updated",
    "copy",
    "kopie",
    "version",
    "scan",
    "of",
    "and",
    "en",
    "und",
];

/// What a file name says about whose the file is.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FromFileName {
    /// An e-mail address in the name, lower-case.
    pub email: Option<String>,
    /// A person's name ("Anna Jansen"), first name first, when the name holds one of at least
    /// two words.
    pub name: Option<String>,
}

/// What `file_name` (with its extension) says about whose the file is.
#[must_use]
pub fn read(file_name: &str) -> FromFileName {
    let stem = file_name
        .rsplit_once('.')
        .map_or(file_name, |(stem, ext)| {
            if ext.len() <= 5 && !ext.contains(' ') {
                stem
            } else {
                file_name
            }
        })
        .trim();
    if let Some(email) = crate::content::identity::emails(stem).into_iter().next() {
        return FromFileName {
            email: Some(email),
            name: None,
        };
    }
    // "Jansen, Anna - CV": surname first when a comma follows the first word(s).
    let (before_dash, _) = split_off_document_part(stem);
    let reordered = match before_dash.split_once(',') {
        Some((last, first)) if !last.trim().is_empty() && !first.trim().is_empty() => {
            format!("{} {}", first.trim(), last.trim())
        }
        _ => stem.to_owned(),
    };
    let words: Vec<String> = reordered
        .split(|c: char| c.is_whitespace() || matches!(c, '_' | '-' | '.' | ',' | '(' | ')' | '+'))
        .filter(|w| !w.is_empty())
        .filter(|w| is_name_word(w) || is_particle(w))
        .filter(|w| !is_document_word(w))
        .map(str::to_owned)
        .collect();
    let letters = words.iter().filter(|w| !is_particle(w)).count();
    let name = (letters >= 2 && words.len() <= 6).then(|| {
        words
            .iter()
            .map(|w| capitalised(w))
            .collect::<Vec<_>>()
            .join(" ")
    });
    FromFileName { email: None, name }
}

/// "Jansen, Anna - CV" → ("Jansen, Anna", Some("CV")).
fn split_off_document_part(stem: &str) -> (&str, Option<&str>) {
    match stem.split_once(" - ") {
        Some((name, rest)) => (name, Some(rest)),
        None => (stem, None),
    }
}

fn is_document_word(word: &str) -> bool {
    let folded = crate::content::identity::fold(word);
    DOCUMENT_WORDS
        .iter()
        .any(|d| crate::content::identity::fold(d) == folded)
}

/// Name particles, kept lower-case ("Mark de Vries").
fn is_particle(word: &str) -> bool {
    matches!(
        word.to_lowercase().as_str(),
        "van"
            | "de"
            | "der"
            | "den"
            | "het"
            | "ter"
            | "ten"
            | "von"
            | "zu"
            | "vom"
            | "di"
            | "da"
            | "le"
            | "la"
            | "du"
            | "'t"
    )
}

/// Letters, and an apostrophe inside (O'Brien, D’Angelo).
fn is_name_word(word: &str) -> bool {
    word.chars().any(char::is_alphabetic)
        && word
            .chars()
            .all(|c| c.is_alphabetic() || c == '\'' || c == '\u{2019}')
}

/// "anna" → "Anna", "JANSEN" → "Jansen", particles lower-case ("de"); a word already in
/// mixed case ("O'Brien", "van Dijk-McKay") is kept as written.
fn capitalised(word: &str) -> String {
    if is_particle(word) {
        return word.to_lowercase();
    }
    let has_upper = word.chars().any(char::is_uppercase);
    let has_lower = word.chars().any(char::is_lowercase);
    if has_upper && has_lower {
        return word.to_owned();
    }
    let lower = word.to_lowercase();
    let mut chars = lower.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(file: &str) -> Option<String> {
        read(file).name
    }

    #[test]
    fn names_and_addresses_in_file_names() {
        assert_eq!(
            name("Jansen, Anna - CV.pdf").as_deref(),
            Some("Anna Jansen")
        );
        assert_eq!(
            name("CV_Mark_de_Vries.docx").as_deref(),
            Some("Mark de Vries")
        );
        assert_eq!(
            name("anna jansen cv 2026.pdf").as_deref(),
            Some("Anna Jansen")
        );
        assert_eq!(
            name("Lebenslauf-Jürgen-MÜLLER.pdf").as_deref(),
            Some("Jürgen Müller")
        );
        assert_eq!(
            read("anna.jansen@example.com.pdf").email.as_deref(),
            Some("anna.jansen@example.com")
        );
        assert_eq!(read("anna.jansen@example.com.pdf").name, None);
        // Not a person: one word, or only document words.
        assert_eq!(name("cv.pdf"), None);
        assert_eq!(name("Curriculum Vitae final.pdf"), None);
        assert_eq!(name("scan_0001.pdf"), None);
        assert_eq!(name("Jansen.pdf"), None);
    }
}
