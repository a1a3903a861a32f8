//! Checks a batch of files against a system's limits and says, per file and per field,
//! everything that stands in the way — each as one sentence naming the file and what to do.

use std::collections::BTreeMap;

use super::{
    ContentCheck, FieldSummary, FileKind, FileVerdict, Health, Limits, Problem, ProblemKind,
    ProviderProfile, StagedFile, ValidationReport, human_bytes,
};
use crate::i18n::{Arg, Text};

/// Checks `files` (each with its chosen attachment type) against `limits` of `profile`'s system.
/// Returns every problem at once; nothing is short-circuited except that an unreadable or empty
/// file gets no further content checks.
#[must_use]
pub fn validate(
    profile: &ProviderProfile,
    limits: &Limits,
    files: &[StagedFile],
) -> ValidationReport {
    let system = profile.id.display_name();
    let accepted = accepted_list(&limits.allowed_mime_types.value);
    let mut report = ValidationReport::default();
    let mut per_field: BTreeMap<&str, u32> = BTreeMap::new();

    for staged in files {
        let facts = &staged.facts;
        let ty = staged.attachment_type;
        *per_field.entry(ty.field).or_default() += 1;
        if facts.readable() {
            report.total_bytes = report.total_bytes.saturating_add(facts.size);
        }
        let mut problems = file_problems(system, &accepted, limits, staged);
        if facts.readable() && facts.size > 0 {
            problems.extend(content_problems(system, staged));
        }
        report.files.push(FileVerdict { problems });
    }

    // Per-field counts and their limits.
    for field in &limits.fields {
        let count = per_field.get(field.field).copied().unwrap_or(0);
        let max = field.max_files.map(|m| m.value);
        if let Some(max) = max.filter(|max| count > *max) {
            let extra = count - max;
            report.batch.push(Problem::new(
                ProblemKind::TooManyInField,
                crate::text!(
                    "check-too-many-in-field",
                    system = system,
                    max = max,
                    label = super::label_text(field.label),
                    count = count,
                    extra = extra,
                ),
            ));
        }
        report.fields.push(FieldSummary {
            label: field.label.to_owned(),
            count,
            max,
        });
    }
    for ty in profile.types {
        if limits.field(ty.field).is_some() || report.fields.iter().any(|f| f.label == ty.label) {
            continue;
        }
        if let Some(&count) = per_field.get(ty.field) {
            report.fields.push(FieldSummary {
                label: ty.label.to_owned(),
                count,
                max: None,
            });
        }
    }

    let max_batch = limits.max_batch_bytes.value;
    if report.total_bytes > max_batch {
        report.batch.push(Problem::new(
            ProblemKind::BatchTooLarge,
            crate::text!(
                "check-batch-too-large",
                count = files.len(),
                total = Arg::Size(report.total_bytes),
                max = Arg::Size(max_batch),
            ),
        ));
    }
    report
}

fn file_problems(
    system: &str,
    accepted: &str,
    limits: &Limits,
    staged: &StagedFile,
) -> Vec<Problem> {
    let facts = &staged.facts;
    let ty = staged.attachment_type;
    let name = &facts.name;
    let mut problems = Vec::new();
    let mut push = |kind, text: Text| problems.push(Problem::new(kind, text));

    if let Some(error) = &facts.read_error {
        push(
            ProblemKind::Unreadable,
            crate::text!("check-unreadable", name = name, error = error.clone()),
        );
        return problems;
    }
    if facts.size == 0 {
        push(ProblemKind::Empty, crate::text!("check-empty", name = name));
        return problems;
    }

    let restriction = limits.restriction(ty.wire);
    if let Some(r) = restriction.filter(|r| !r.supported) {
        push(
            ProblemKind::AttachmentTypeUnsupported,
            crate::text!(
                "check-type-unsupported",
                name = name,
                label = ty.label_text(),
                system = system,
                wire = r.wire.as_str(),
            ),
        );
    }

    let max_bytes = limits.max_file_bytes_for(ty.wire);
    if facts.size > max_bytes {
        push(
            ProblemKind::TooLarge,
            too_large_sentence(name, system, facts.size, max_bytes),
        );
    }

    match (&facts.content, &facts.by_extension) {
        (None, _) => push(
            ProblemKind::UnknownContent,
            crate::text!(
                "check-unknown-content",
                name = name,
                system = system,
                accepted = accepted,
            ),
        ),
        (Some(content), Some(claimed)) if facts.mismatch() => {
            push(
                ProblemKind::Mismatch,
                mismatch_sentence(name, content, claimed),
            );
        }
        // A program is refused even when its name says so (`setup.exe`).
        (Some(content), _) if content.is_program() => {
            push(
                ProblemKind::TypeNotAllowed,
                crate::text!("check-program", name = name, kind = content.describe()),
            );
        }
        _ => {}
    }

    if let Some(kind) = facts
        .effective_kind()
        .filter(|k| !k.is_program() && *k != FileKind::LockedOffice)
    {
        let allowed_by_system = limits
            .allowed_mime_types
            .value
            .iter()
            .any(|m| kind.has_mime(m));
        let allowed_for_type = restriction
            .and_then(|r| r.accepted_mime_types.as_ref())
            .is_none_or(|list| list.iter().any(|m| kind.has_mime(m)));
        if !allowed_by_system {
            push(
                ProblemKind::TypeNotAllowed,
                crate::text!(
                    "check-type-not-accepted",
                    name = name,
                    kind = kind.describe(),
                    system = system,
                    accepted = accepted,
                ),
            );
        } else if !allowed_for_type {
            push(
                ProblemKind::TypeNotAllowed,
                crate::text!(
                    "check-type-not-for-this-type",
                    name = name,
                    kind = kind.describe(),
                    system = system,
                    label = ty.label_text(),
                ),
            );
        }
    }
    problems
}

/// The problems the content check found (and the sniffer, for an Office file locked with a
/// password), less what the user allowed.
fn content_problems(system: &str, staged: &StagedFile) -> Vec<Problem> {
    let name = &staged.facts.name;
    let locked = staged.facts.content == Some(FileKind::LockedOffice);
    let check: &ContentCheck = &staged.content;
    let mut problems = Vec::new();
    let mut push = |kind, text: Text| problems.push(Problem::new(kind, text));
    let has = |flag| check.health.contains(&flag);
    if locked || has(Health::NeedsPassword) {
        push(
            ProblemKind::NeedsPassword,
            crate::text!("check-needs-password", name = name, system = system),
        );
    }
    if has(Health::Macros) && !check.allowed.macros {
        push(
            ProblemKind::Macros,
            crate::text!("check-macros", name = name),
        );
    }
    if let Some(other) = check
        .other_person
        .as_deref()
        .filter(|_| !check.allowed.other_person)
    {
        let text = match check.seems_to_be.as_deref() {
            Some(person) => crate::text!(
                "check-other-person-named",
                name = name,
                person = person,
                evidence = other,
            ),
            None => crate::text!("check-other-person", name = name, evidence = other),
        };
        push(ProblemKind::OtherPerson, text);
    }
    if has(Health::NoTextLayer) {
        push(
            ProblemKind::NoTextLayer,
            crate::text!("check-no-text-layer", name = name, system = system),
        );
    }
    if has(Health::Unreadable) {
        push(
            ProblemKind::ContentUnreadable,
            crate::text!("check-content-unreadable", name = name),
        );
    }
    problems
}

/// "cv.pdf is 7.2 MB, and Onderwijsregio takes at most 5 MB per file: compress or split it."
fn too_large_sentence(name: &str, system: &str, size: u64, max_bytes: u64) -> Text {
    // "is 5 MB, and … takes at most 5 MB" would read as a contradiction.
    if human_bytes(size) == human_bytes(max_bytes) {
        crate::text!(
            "check-too-large-just-over",
            name = name,
            max = Arg::Size(max_bytes),
            system = system,
        )
    } else {
        crate::text!(
            "check-too-large",
            name = name,
            size = Arg::Size(size),
            system = system,
            max = Arg::Size(max_bytes),
        )
    }
}

/// "photo.pdf is a PNG image, not a PDF: rename it to .png".
fn mismatch_sentence(name: &str, content: &FileKind, claimed: &FileKind) -> Text {
    let is = content.describe();
    let not = claimed.describe();
    if content.is_program() {
        return crate::text!("check-mismatch-program", name = name, is = is, not = not);
    }
    if *content == FileKind::Zip
        && matches!(
            claimed,
            FileKind::Docx
                | FileKind::Xlsx
                | FileKind::Pptx
                | FileKind::Odt
                | FileKind::Ods
                | FileKind::Odp
        )
    {
        return crate::text!("check-mismatch-resave", name = name, is = is, not = not);
    }
    match content.preferred_extension() {
        Some(ext) => crate::text!(
            "check-mismatch-rename",
            name = name,
            is = is,
            not = not,
            ext = ext,
        ),
        None => crate::text!("check-mismatch", name = name, is = is, not = not),
    }
}

/// ".pdf, .doc, .docx, .png" for the accepted MIME types (each kind once).
fn accepted_list(mimes: &[&str]) -> String {
    let mut exts: Vec<&str> = Vec::new();
    for mime in mimes {
        if let Some(ext) = FileKind::from_mime(mime).preferred_extension()
            && !exts.contains(&ext)
        {
            exts.push(ext);
        }
    }
    exts.iter()
        .map(|e| format!(".{e}"))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Allowed, FileFacts, MIB, ProviderId, TypeRestriction};

    /// Facts for a readable file whose extension is read from `name`.
    fn facts(name: &str, size: u64, content: Option<FileKind>) -> FileFacts {
        FileFacts {
            path: name.into(),
            name: name.to_owned(),
            size,
            modified: None,
            content,
            by_extension: name
                .rsplit_once('.')
                .and_then(|(_, e)| FileKind::from_extension(e)),
            read_error: None,
        }
    }

    fn staged(provider: ProviderId, wire: &str, facts: FileFacts) -> StagedFile {
        StagedFile {
            facts,
            attachment_type: provider.profile().attachment_type(wire).unwrap(),
            content: ContentCheck::default(),
        }
    }

    fn check(provider: ProviderId, files: &[StagedFile]) -> ValidationReport {
        let profile = provider.profile();
        validate(profile, &profile.limits(), files)
    }

    /// The problems of one file.
    fn problems(provider: ProviderId, wire: &str, facts: FileFacts) -> Vec<Problem> {
        let report = check(provider, &[staged(provider, wire, facts)]);
        assert!(report.batch.is_empty(), "{:?}", report.batch);
        report.files.into_iter().next().unwrap().problems
    }

    fn kinds(problems: &[Problem]) -> Vec<ProblemKind> {
        problems.iter().map(|p| p.kind).collect()
    }

    #[test]
    fn empty_and_unreadable_files_get_one_problem_each() {
        let empty = problems(ProviderId::Spott, "CV", facts("cv.pdf", 0, None));
        assert_eq!(kinds(&empty), [ProblemKind::Empty]);
        assert_eq!(
            empty[0].message,
            "cv.pdf is empty (0 bytes): pick the finished file instead."
        );

        let mut gone = facts("cv.pdf", 0, None);
        gone.read_error = Some("permission denied".to_owned());
        let unreadable = problems(ProviderId::Spott, "CV", gone);
        assert_eq!(kinds(&unreadable), [ProblemKind::Unreadable]);
        assert_eq!(
            unreadable[0].message,
            "cv.pdf can't be read (permission denied): check that it still exists and that you may open it."
        );
    }

    #[test]
    fn size_limit_is_inclusive() {
        for provider in ProviderId::ALL {
            let limit = provider.profile().max_file_bytes.value;
            let wire = provider.profile().types[0].wire;
            assert!(
                problems(provider, wire, facts("cv.pdf", limit, Some(FileKind::Pdf))).is_empty(),
                "{provider}"
            );
            let over = problems(
                provider,
                wire,
                facts("cv.pdf", limit + 1, Some(FileKind::Pdf)),
            );
            assert_eq!(kinds(&over), [ProblemKind::TooLarge], "{provider}");
        }
        let over = problems(
            ProviderId::Onderwijsregio,
            "curriculumVitae",
            facts("cv.pdf", 5 * MIB + 1, Some(FileKind::Pdf)),
        );
        assert_eq!(
            over[0].message,
            "cv.pdf is just over the 5 MB Onderwijsregio takes per file: compress or split it."
        );
        let way_over = problems(
            ProviderId::Spott,
            "CV",
            facts("cv.pdf", 60 * MIB, Some(FileKind::Pdf)),
        );
        assert_eq!(
            way_over[0].message,
            "cv.pdf is 60 MB, and Spott takes at most 50 MB per file: compress or split it."
        );
    }

    #[test]
    fn each_system_has_its_own_allow_list() {
        let text = || facts("notes.txt", 10, Some(FileKind::PlainText));
        let spott = problems(ProviderId::Spott, "CV", text());
        assert_eq!(kinds(&spott), [ProblemKind::TypeNotAllowed]);
        assert_eq!(
            spott[0].message,
            "notes.txt is a plain text file, which Spott doesn't accept: convert it to one of \
             .pdf, .docx, .doc, .jpg, .png, .gif, .bmp, .webp, .tiff, .svg, .ico, .xlsx."
        );
        assert!(problems(ProviderId::Endorsed, "resume", text()).is_empty());

        // Onderwijsregio takes Markdown, CSV and JSON; Markdown is plain text named .md.
        for (name, content) in [
            ("notes.md", FileKind::PlainText),
            ("grades.csv", FileKind::Csv),
            ("grades.csv", FileKind::PlainText),
            ("profile.json", FileKind::Json),
            ("photo.heic", FileKind::Heic),
        ] {
            let found = problems(
                ProviderId::Onderwijsregio,
                "otherAttachments",
                facts(name, 10, Some(content)),
            );
            assert!(found.is_empty(), "{name}: {found:?}");
        }
        // Endorsed takes text/plain: a letter that looks like CSV, named .txt, is sent as text.
        let csv_like = facts("letter.txt", 10, Some(FileKind::Csv));
        assert_eq!(csv_like.content_type(), "text/plain");
        assert!(problems(ProviderId::Endorsed, "resume", csv_like).is_empty());
        // Markdown is not on Endorsed's list.
        let md = problems(
            ProviderId::Endorsed,
            "resume",
            facts("cv.md", 10, Some(FileKind::PlainText)),
        );
        assert_eq!(kinds(&md), [ProblemKind::TypeNotAllowed]);
        assert!(
            md[0]
                .message
                .starts_with("cv.md is a Markdown text, which Endorsed")
        );
    }

    #[test]
    fn content_that_contradicts_the_name_is_explained() {
        let cases = [
            (
                facts("resume.pdf", 100, Some(FileKind::WindowsProgram)),
                "resume.pdf is a Windows program, not a PDF: don't send it, and ask the candidate for the real document.",
            ),
            (
                facts("photo.pdf", 100, Some(FileKind::Png)),
                "photo.pdf is a PNG image, not a PDF: rename it to .png.",
            ),
            (
                facts("cv.docx", 100, Some(FileKind::Zip)),
                "cv.docx is a ZIP archive, not a Word document: open the original in its program and save it again.",
            ),
            (
                facts("cv.doc", 100, Some(FileKind::Rtf)),
                "cv.doc is a Rich Text document, not an old-style Word document (.doc): rename it to .rtf.",
            ),
        ];
        for (facts, sentence) in cases {
            let found = problems(ProviderId::Spott, "CV", facts);
            assert_eq!(found[0].kind, ProblemKind::Mismatch);
            assert_eq!(found[0].message, sentence);
        }
        // A program is refused under its own extension, and without one.
        for name in ["setup.exe", "setup"] {
            let found = problems(
                ProviderId::Onderwijsregio,
                "otherAttachments",
                facts(name, 100, Some(FileKind::WindowsProgram)),
            );
            assert_eq!(kinds(&found), [ProblemKind::TypeNotAllowed], "{name}");
            assert_eq!(
                found[0].message,
                format!(
                    "{name} is a Windows program, which no recruiting system should receive: don't send it."
                )
            );
        }
    }

    #[test]
    fn unknown_content_is_refused_with_the_accepted_types() {
        let found = problems(ProviderId::Endorsed, "resume", facts("cv.pdf", 100, None));
        assert_eq!(kinds(&found), [ProblemKind::UnknownContent]);
        assert_eq!(
            found[0].message,
            "atsdrop can't tell what kind of file cv.pdf is from its content: save it as one of the \
             types Endorsed accepts (.pdf, .doc, .docx, .txt, .rtf, .odt)."
        );
    }

    #[test]
    fn onderwijsregio_takes_five_files_per_field() {
        let cvs = |n: usize| -> Vec<StagedFile> {
            (0..n)
                .map(|i| {
                    staged(
                        ProviderId::Onderwijsregio,
                        "curriculumVitae",
                        facts(&format!("cv{i}.pdf"), 10, Some(FileKind::Pdf)),
                    )
                })
                .collect()
        };
        let five = check(ProviderId::Onderwijsregio, &cvs(5));
        assert!(five.ok());
        assert_eq!(
            five.fields[0],
            FieldSummary {
                label: "CV".to_owned(),
                count: 5,
                max: Some(5)
            }
        );

        let six = check(ProviderId::Onderwijsregio, &cvs(6));
        assert!(!six.ok());
        assert!(six.files.iter().all(FileVerdict::ok));
        assert_eq!(six.batch.len(), 1);
        assert_eq!(six.batch[0].kind, ProblemKind::TooManyInField);
        assert_eq!(
            six.batch[0].message,
            "Onderwijsregio takes at most 5 files as CV in one upload, and 6 are chosen: \
             remove 1 or send it separately."
        );

        // Five CVs plus five other attachments fit: the limit is per field.
        let mut both = cvs(5);
        both.extend((0..5).map(|i| {
            staged(
                ProviderId::Onderwijsregio,
                "otherAttachments",
                facts(&format!("diploma{i}.pdf"), 10, Some(FileKind::Pdf)),
            )
        }));
        assert!(check(ProviderId::Onderwijsregio, &both).ok());
    }

    #[test]
    fn a_batch_larger_than_the_guard_is_refused() {
        let profile = ProviderId::Spott.profile();
        let mut limits = profile.limits();
        limits.max_batch_bytes.value = 100 * MIB;
        let files: Vec<StagedFile> = (0..3)
            .map(|i| {
                staged(
                    ProviderId::Spott,
                    "CV",
                    facts(&format!("scan{i}.pdf"), 40 * MIB, Some(FileKind::Pdf)),
                )
            })
            .collect();
        let report = validate(profile, &limits, &files);
        assert_eq!(report.total_bytes, 120 * MIB);
        assert!(report.files.iter().all(FileVerdict::ok));
        assert_eq!(kinds(&report.batch), [ProblemKind::BatchTooLarge]);
        assert_eq!(
            report.batch[0].message,
            "These 3 files add up to 120 MB, more than the 100 MB atsdrop sends to one candidate \
             at once: split them into smaller batches."
        );
    }

    #[test]
    fn restrictions_announced_by_a_connection_apply() {
        // Kombo's `attachment_restrictions`: this integration has no cover letters, and takes
        // CVs only as PDF up to 2 MiB.
        let profile = ProviderId::Kombo.profile();
        let mut limits = profile.limits();
        limits.type_restrictions = vec![
            TypeRestriction {
                wire: "COVER_LETTER".to_owned(),
                supported: false,
                max_file_bytes: None,
                accepted_mime_types: None,
            },
            TypeRestriction {
                wire: "CV".to_owned(),
                supported: true,
                max_file_bytes: Some(2 * MIB),
                accepted_mime_types: Some(vec!["application/pdf".to_owned()]),
            },
        ];
        let files = vec![
            staged(
                ProviderId::Kombo,
                "COVER_LETTER",
                facts("letter.pdf", 10, Some(FileKind::Pdf)),
            ),
            staged(
                ProviderId::Kombo,
                "CV",
                facts("cv.docx", 10, Some(FileKind::Docx)),
            ),
            staged(
                ProviderId::Kombo,
                "CV",
                facts("cv.pdf", 3 * MIB, Some(FileKind::Pdf)),
            ),
            staged(
                ProviderId::Kombo,
                "CV",
                facts("ok.pdf", MIB, Some(FileKind::Pdf)),
            ),
        ];
        let report = validate(profile, &limits, &files);
        assert_eq!(
            kinds(&report.files[0].problems),
            [ProblemKind::AttachmentTypeUnsupported]
        );
        assert_eq!(
            report.files[0].problems[0].message,
            "letter.pdf can't be sent as Cover letter: this Kombo account doesn't take that type \
             (COVER_LETTER); choose another type."
        );
        assert_eq!(
            kinds(&report.files[1].problems),
            [ProblemKind::TypeNotAllowed]
        );
        assert_eq!(
            report.files[1].problems[0].message,
            "cv.docx is a Word document, which this Kombo account doesn't take as CV: convert it \
             or choose another type."
        );
        assert_eq!(kinds(&report.files[2].problems), [ProblemKind::TooLarge]);
        assert!(report.files[3].ok());
    }

    #[test]
    fn every_problem_is_reported_at_once_and_names_its_file() {
        // Too large, a disguised PNG and (on Endorsed) a type not accepted.
        let found = problems(
            ProviderId::Endorsed,
            "resume",
            facts("photo.pdf", 30 * MIB, Some(FileKind::Png)),
        );
        assert_eq!(
            kinds(&found),
            [
                ProblemKind::TooLarge,
                ProblemKind::Mismatch,
                ProblemKind::TypeNotAllowed
            ]
        );
        assert!(found.iter().all(|p| p.message.contains("photo.pdf")));
        assert!(found.iter().all(|p| p.message.ends_with('.')));
    }

    /// `problems` with a content check.
    fn problems_with(
        provider: ProviderId,
        facts: FileFacts,
        content: ContentCheck,
    ) -> Vec<Problem> {
        let mut file = staged(provider, "CV", facts);
        file.content = content;
        check(provider, &[file]).files.remove(0).problems
    }

    #[test]
    fn a_macro_enabled_word_file_is_not_told_to_be_renamed() {
        // Before: "is a Word document, not a file of type …macroenabled.12: rename it to .docx".
        let docm = facts("cv.docm", 10_000, Some(FileKind::Docx));
        assert!(
            docm.by_extension.is_some(),
            "the extension names a macro-enabled Word file"
        );
        assert!(!docm.mismatch());
        assert!(problems(ProviderId::Spott, "CV", docm.clone()).is_empty());
        let found = problems_with(
            ProviderId::Spott,
            docm.clone(),
            ContentCheck {
                health: vec![Health::Macros],
                ..ContentCheck::default()
            },
        );
        assert_eq!(kinds(&found), [ProblemKind::Macros]);
        assert_eq!(
            found[0].message,
            "cv.docm contains macros, which can run programs on whoever opens it: ask for a copy \
             saved without macros (.docx or PDF), or confirm to send it as it is."
        );
        // Confirmed by the user: sent.
        let allowed = problems_with(
            ProviderId::Spott,
            docm,
            ContentCheck {
                health: vec![Health::Macros],
                allowed: Allowed {
                    macros: true,
                    other_person: false,
                },
                ..ContentCheck::default()
            },
        );
        assert!(allowed.is_empty(), "{allowed:?}");
    }

    #[test]
    fn an_office_file_locked_with_a_password_gets_its_own_sentence_once() {
        // Before: "cv.docx is a file of type application/x-ole-storage, not a Word document…".
        let locked = facts("cv.docx", 10_000, Some(FileKind::LockedOffice));
        let sentence = "cv.docx is locked with a password, so Spott cannot open it: ask the \
                        candidate for a copy without a password.";
        let alone = problems(ProviderId::Spott, "CV", locked.clone());
        assert_eq!(kinds(&alone), [ProblemKind::NeedsPassword]);
        assert_eq!(alone[0].message, sentence);
        // The reader says so too: still one sentence.
        let both = problems_with(
            ProviderId::Spott,
            locked,
            ContentCheck {
                health: vec![Health::NeedsPassword],
                ..ContentCheck::default()
            },
        );
        assert_eq!(kinds(&both), [ProblemKind::NeedsPassword]);
        // A PDF with a password.
        let pdf = problems_with(
            ProviderId::Kombo,
            facts("cv.pdf", 10_000, Some(FileKind::Pdf)),
            ContentCheck {
                health: vec![Health::NeedsPassword],
                ..ContentCheck::default()
            },
        );
        assert!(pdf[0].message.contains("Kombo cannot open it"));
    }

    #[test]
    fn someone_elses_file_blocks_until_confirmed_and_scans_only_warn() {
        let pdf = || facts("cv.pdf", 10_000, Some(FileKind::Pdf));
        let other = ContentCheck {
            other_person: Some("bram.visser@example.com".to_owned()),
            seems_to_be: Some("Bram Visser".to_owned()),
            ..ContentCheck::default()
        };
        let found = problems_with(ProviderId::Spott, pdf(), other.clone());
        assert_eq!(kinds(&found), [ProblemKind::OtherPerson]);
        assert_eq!(
            found[0].message,
            "cv.pdf looks like Bram Visser's file (bram.visser@example.com), not this \
             candidate's: check that it is the right file, or confirm to send it anyway."
        );
        let report = check(
            ProviderId::Spott,
            &[StagedFile {
                content: other.clone(),
                ..staged(ProviderId::Spott, "CV", pdf())
            }],
        );
        assert!(!report.ok());
        let confirmed = ContentCheck {
            allowed: Allowed {
                macros: false,
                other_person: true,
            },
            ..other
        };
        assert!(problems_with(ProviderId::Spott, pdf(), confirmed).is_empty());

        let scan = ContentCheck {
            health: vec![Health::NoTextLayer, Health::Unreadable],
            ..ContentCheck::default()
        };
        let report = check(
            ProviderId::Spott,
            &[StagedFile {
                content: scan,
                ..staged(ProviderId::Spott, "CV", pdf())
            }],
        );
        assert_eq!(
            kinds(&report.files[0].problems),
            [ProblemKind::NoTextLayer, ProblemKind::ContentUnreadable]
        );
        assert!(report.ok(), "a warning and a note do not block");
    }
}
