//! A system's own attachment types, and the role each plays across systems.

use serde::{Deserialize, Serialize};

/// What an attachment is for, independent of any system. Drives the type preselected for a
/// dropped file and the cross-system mapping in `../shared/providers/INDEX.md` §2.1.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AttachmentRole {
    /// Curriculum vitae / résumé.
    Cv,
    /// Cover or motivation letter.
    CoverLetter,
    /// Anything else (certificates, ID, portfolio…).
    Other,
}

impl AttachmentRole {
    /// Guesses the role from a file name: cv/resume/lebenslauf/curriculum → CV,
    /// cover/motivation/anschreiben/brief → cover letter, otherwise other.
    #[must_use]
    pub fn guess_from_file_name(name: &str) -> Self {
        let lower = name.to_lowercase();
        let words: Vec<&str> = lower
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        let has_word = |w: &str| words.contains(&w);
        let contains = |w: &str| lower.contains(w);
        if has_word("cv")
            || contains("resume")
            || contains("résumé")
            || contains("lebenslauf")
            || contains("curriculum")
        {
            Self::Cv
        } else if contains("cover")
            || contains("motivation")
            || contains("anschreiben")
            || has_word("brief")
            || contains("sollicitatiebrief")
        {
            Self::CoverLetter
        } else {
            Self::Other
        }
    }
}

impl AttachmentRole {
    /// Guesses the role from the first page's text, where a document says what it is: a
    /// heading "Curriculum Vitae", "Lebenslauf", "CV" or "Résumé" → CV; a letter's salutation
    /// ("Dear …", "Geachte …", "Sehr geehrte …") → cover letter; "Diploma", "Getuigschrift",
    /// "Zeugnis", "Certificate" → other. `None` when the page does not say.
    #[must_use]
    pub fn guess_from_first_page(text: &str) -> Option<Self> {
        const HEAD_LINES: usize = 12;
        const CV: &[&str] = &[
            "curriculum vitae",
            "curriculum vitæ",
            "lebenslauf",
            "cv",
            "résumé",
            "resume",
            "levensloop",
        ];
        const SALUTATIONS: &[&str] = &[
            "dear ",
            "geachte ",
            "beste ",
            "sehr geehrte",
            "liebe ",
            "lieber ",
            "to whom it may concern",
        ];
        const CERTIFICATES: &[&str] = &[
            "diploma",
            "getuigschrift",
            "zeugnis",
            "certificate",
            "certificaat",
            "zertifikat",
            "arbeitszeugnis",
        ];
        let lines: Vec<String> = text
            .lines()
            .map(|l| l.trim().to_lowercase())
            .filter(|l| !l.is_empty())
            .collect();
        let head = &lines[..lines.len().min(HEAD_LINES)];
        // A heading is a short line that is (or starts with) the word.
        let heading = |words: &[&str]| {
            head.iter().any(|line| {
                let line = line.trim_end_matches(|c: char| !c.is_alphanumeric());
                words.iter().any(|w| {
                    line == *w
                        || line
                            .strip_prefix(w)
                            .is_some_and(|rest| rest.starts_with([' ', ':', '-', '\u{2013}']))
                            && line.chars().count() <= 40
                })
            })
        };
        if heading(CV) {
            return Some(Self::Cv);
        }
        // A salutation opens a line within the first page.
        if lines
            .iter()
            .take(40)
            .any(|line| SALUTATIONS.iter().any(|s| line.starts_with(s)))
        {
            return Some(Self::CoverLetter);
        }
        heading(CERTIFICATES).then_some(Self::Other)
    }
}

/// One entry of a system's own attachment-type list.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct AttachmentType {
    /// The exact value sent on the wire (`"CV"`, `"resume"`, `"curriculumVitae"`).
    pub wire: &'static str,
    /// What the app shows (`"CV"`, `"Cover letter"`).
    pub label: &'static str,
    /// The field/slot the file fills; per-field limits are counted by this name.
    pub field: &'static str,
    /// The cross-system role, for preselection.
    pub role: AttachmentRole,
}

impl AttachmentType {
    /// What the app shows for it in the current language ([`label_text`]).
    #[must_use]
    pub fn label_text(&self) -> crate::i18n::Text {
        label_text(self.label)
    }
}

/// A type or field label from a system's list in atsdrop's languages. The systems write their
/// lists in English; a label atsdrop has no translation for (a list a connection announces)
/// stays as the system wrote it. The wire value never changes.
#[must_use]
pub fn label_text(label: &str) -> crate::i18n::Text {
    use crate::i18n::Text;
    Text::new(match label {
        "CV" => "type-cv",
        "Résumé" => "type-resume",
        "Cover letter" => "type-cover-letter",
        "ID document" => "type-id-document",
        "Questionnaire" => "type-questionnaire",
        "Personality test" => "type-personality-test",
        "Offer" => "type-offer",
        "Transcript" => "type-transcript",
        "Terms and conditions" => "type-terms",
        "Candidate briefing" => "type-candidate-briefing",
        "Unassigned" => "type-unassigned",
        "About" => "type-about",
        "Role preferences" => "type-role-preferences",
        "Work experiences" => "type-work-experiences",
        "Other" => "type-other",
        "Other attachment" => "type-other-attachment",
        "other" => "type-other-lower",
        _ => return Text::new("type-verbatim").arg("label", label),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guesses_roles_from_the_first_page() {
        use AttachmentRole::{CoverLetter, Cv, Other};
        for (page, role) in [
            ("Curriculum Vitae\nJane Doe\njane@example.com", Some(Cv)),
            ("Anna Müller\nLEBENSLAUF\nBerlin", Some(Cv)),
            ("CV – Bram Visser\nUtrecht", Some(Cv)),
            (
                "Jan Jansen\nUtrecht, 3 mei 2026\nGeachte mevrouw De Vries,\nHierbij…",
                Some(CoverLetter),
            ),
            (
                "Sehr geehrte Damen und Herren,\nhiermit bewerbe ich mich",
                Some(CoverLetter),
            ),
            ("Dear hiring manager,", Some(CoverLetter)),
            ("DIPLOMA\nHogeschool Utrecht\nverleend aan", Some(Other)),
            ("Arbeitszeugnis\nHerr Max Mustermann", Some(Other)),
            // Mentioned in passing, not a heading: nothing said.
            (
                "Jane Doe\nI sent my CV and my diploma last week to your office.",
                None,
            ),
            ("", None),
        ] {
            assert_eq!(AttachmentRole::guess_from_first_page(page), role, "{page}");
        }
    }

    #[test]
    fn guesses_roles_from_names() {
        use AttachmentRole::{CoverLetter, Cv, Other};
        for (name, role) in [
            ("Jane_Doe_CV.pdf", Cv),
            ("resume-2026.docx", Cv),
            ("Lebenslauf Müller.pdf", Cv),
            ("curriculum vitae.odt", Cv),
            ("Cover Letter.pdf", CoverLetter),
            ("motivation.txt", CoverLetter),
            ("Anschreiben.pdf", CoverLetter),
            ("brief aan school.pdf", CoverLetter),
            ("diploma.jpg", Other),
            ("cvs_overview.xlsx", Other),
            ("briefing.pdf", Other),
        ] {
            assert_eq!(AttachmentRole::guess_from_file_name(name), role, "{name}");
        }
    }
}
