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

#[cfg(test)]
mod tests {
    use super::*;

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
