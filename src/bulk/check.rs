//! A bulk file's two steps before sending, the same in the app and on the command line: read
//! it (what it is, judged by content, and what it says), and check the files matched to one
//! candidate together — counts per field are per candidate, and each file's content is judged
//! against the candidate it goes to.

use std::collections::HashMap;
use std::sync::Arc;

use crate::content::check::{self, FileContent};
use crate::content::facts::ContentFacts;
use crate::content::identity::Ignore;
use crate::content::reader::ContentReader;
use crate::i18n::Text;
use crate::inspect;
use crate::model::{
    self, Allowed, AttachmentType, Candidate, FileFacts, Limits, ProviderProfile, StagedFile,
};

/// A file as read for bulk: its facts and, where it has text, what it says.
pub struct Read {
    /// What the file is.
    pub facts: FileFacts,
    /// What it says (`None`: no text, or not readable).
    pub content: Option<Arc<ContentFacts>>,
}

/// Inspects `path` (off the async threads) and reads its content in the reader's isolated
/// process.
pub async fn read(path: &std::path::Path, reader: &ContentReader) -> Read {
    let owned = path.to_owned();
    let facts = tokio::task::spawn_blocking(move || inspect::inspect(&owned))
        .await
        .unwrap_or_else(|_| inspect::inspect(path));
    let content = match (facts.readable(), facts.content.as_ref()) {
        (true, Some(kind)) => reader.read(&facts.path, kind).await,
        _ => None,
    };
    Read { facts, content }
}

/// The type a file gets unless the user chose one: what its first page says it is, else what
/// its name says.
#[must_use]
pub fn default_type(
    profile: &'static ProviderProfile,
    facts: &FileFacts,
    content: Option<&ContentFacts>,
) -> &'static AttachmentType {
    content
        .and_then(|f| profile.type_for_first_page(f.first_page()))
        .unwrap_or_else(|| profile.type_for_file_name(&facts.name))
}

/// One file to check, for the candidate it is matched to.
pub struct ToCheck<'a> {
    /// What the file is.
    pub facts: &'a FileFacts,
    /// What it says.
    pub content: Option<&'a Arc<ContentFacts>>,
    /// The candidate it goes to.
    pub candidate: &'a Candidate,
    /// The type it goes as.
    pub attachment_type: &'static AttachmentType,
}

/// Checks files for their candidates: the files of each candidate together. Returns, for each
/// file in order, the sentences that keep it from being sent (its own blocking problems, then
/// its candidate's batch problems), in any language; empty when it may go.
#[must_use]
pub fn check_per_candidate(
    profile: &'static ProviderProfile,
    limits: &Limits,
    files: &[ToCheck<'_>],
    ignore: &Ignore,
    allowed: Allowed,
) -> Vec<Vec<Text>> {
    let mut groups: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, file) in files.iter().enumerate() {
        groups
            .entry(file.candidate.id.as_str())
            .or_default()
            .push(i);
    }
    let mut refusals = vec![Vec::new(); files.len()];
    for indices in groups.values() {
        let staged: Vec<StagedFile> = indices
            .iter()
            .map(|&i| {
                let file = &files[i];
                let content = FileContent {
                    identity: file
                        .content
                        .and_then(|f| check::identity(f, file.candidate, ignore)),
                    facts: file.content.cloned(),
                    seems_to_be: None,
                };
                StagedFile {
                    facts: file.facts.clone(),
                    attachment_type: file.attachment_type,
                    content: content.check(allowed),
                }
            })
            .collect();
        let report = model::validate(profile, limits, &staged);
        let batch: Vec<Text> = report.batch.iter().map(|p| p.text.clone()).collect();
        for (&i, verdict) in indices.iter().zip(&report.files) {
            refusals[i] = verdict
                .problems
                .iter()
                .filter(|p| p.kind.blocks())
                .map(|p| p.text.clone())
                .chain(batch.iter().cloned())
                .collect();
        }
    }
    refusals
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::profiles::onderwijsregio::PROFILE;

    fn candidate(id: &str) -> Candidate {
        Candidate {
            id: id.to_owned(),
            name: format!("Candidate {id}"),
            email: None,
            phone: None,
            remote_id: None,
            applications: Vec::new(),
        }
    }

    #[test]
    fn counts_per_field_are_per_candidate() {
        let dir = tempfile::tempdir().unwrap();
        let facts: Vec<FileFacts> = (0..7)
            .map(|i| {
                let path = dir.path().join(format!("cv-{i}.pdf"));
                std::fs::write(&path, format!("%PDF-1.4\n%{i}\n%%EOF\n")).unwrap();
                inspect::inspect(&path)
            })
            .collect();
        let (anna, bert) = (candidate("recAnna"), candidate("recBert"));
        let cv = PROFILE.attachment_type("curriculumVitae").unwrap();
        // Six CVs for Anna (the system takes five per field), one for Bert.
        let files: Vec<ToCheck<'_>> = facts
            .iter()
            .enumerate()
            .map(|(i, facts)| ToCheck {
                facts,
                content: None,
                candidate: if i < 6 { &anna } else { &bert },
                attachment_type: cv,
            })
            .collect();
        let refusals = check_per_candidate(
            &PROFILE,
            &PROFILE.limits(),
            &files,
            &Ignore::default(),
            Allowed::default(),
        );
        for refusal in &refusals[..6] {
            assert_eq!(refusal.len(), 1, "{refusals:?}");
            assert!(refusal[0].english().contains("at most 5"), "{refusals:?}");
        }
        assert!(refusals[6].is_empty(), "Bert's one CV may go: {refusals:?}");
    }
}
