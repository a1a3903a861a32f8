//! Checks a batch of files against a system's limits and says, per file and per field,
//! everything that stands in the way — each as one sentence naming the file and what to do.

use std::collections::BTreeMap;

use super::{
    FieldSummary, FileKind, FileVerdict, Limits, Problem, ProblemKind, ProviderProfile, StagedFile,
    ValidationReport, human_bytes,
};

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
        report.files.push(FileVerdict {
            problems: file_problems(system, &accepted, limits, staged),
        });
    }

    // Per-field counts and their limits.
    for field in &limits.fields {
        let count = per_field.get(field.field).copied().unwrap_or(0);
        let max = field.max_files.map(|m| m.value);
        if let Some(max) = max.filter(|max| count > *max) {
            let extra = count - max;
            report.batch.push(Problem {
                kind: ProblemKind::TooManyInField,
                message: format!(
                    "{system} takes at most {max} files as {} in one upload, and {count} are chosen: \
                     remove {extra} or send {} separately.",
                    field.label,
                    if extra == 1 { "it" } else { "them" },
                ),
            });
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
        report.batch.push(Problem {
            kind: ProblemKind::BatchTooLarge,
            message: format!(
                "These {} files add up to {}, more than the {} atsdrop sends to one candidate at once: \
                 split them into smaller batches.",
                files.len(),
                human_bytes(report.total_bytes),
                human_bytes(max_batch),
            ),
        });
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
    let mut push = |kind, message: String| problems.push(Problem { kind, message });

    if let Some(error) = &facts.read_error {
        push(
            ProblemKind::Unreadable,
            format!(
                "{name} can't be read ({error}): check that it still exists and that you may open it."
            ),
        );
        return problems;
    }
    if facts.size == 0 {
        push(
            ProblemKind::Empty,
            format!("{name} is empty (0 bytes): pick the finished file instead."),
        );
        return problems;
    }

    let restriction = limits.restriction(ty.wire);
    if let Some(r) = restriction.filter(|r| !r.supported) {
        push(
            ProblemKind::AttachmentTypeUnsupported,
            format!(
                "{name} can't be sent as {}: this {system} account doesn't take that type ({}); choose another type.",
                ty.label, r.wire
            ),
        );
    }

    let max_bytes = restriction
        .and_then(|r| r.max_file_bytes)
        .map_or(limits.max_file_bytes.value, |m| {
            m.min(limits.max_file_bytes.value)
        });
    if facts.size > max_bytes {
        push(
            ProblemKind::TooLarge,
            too_large_sentence(name, system, facts.size, max_bytes),
        );
    }

    match (&facts.content, &facts.by_extension) {
        (None, _) => push(
            ProblemKind::UnknownContent,
            format!(
                "atsdrop can't tell what kind of file {name} is from its content: save it as one of the types \
                 {system} accepts ({accepted})."
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
                format!(
                    "{name} is {}, which no recruiting system should receive: don't send it.",
                    content.description()
                ),
            );
        }
        _ => {}
    }

    if let Some(kind) = facts.effective_kind().filter(|k| !k.is_program()) {
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
                format!(
                    "{name} is {}, which {system} doesn't accept: convert it to one of {accepted}.",
                    kind.description()
                ),
            );
        } else if !allowed_for_type {
            push(
                ProblemKind::TypeNotAllowed,
                format!(
                    "{name} is {}, which this {system} account doesn't take as {}: convert it or choose another type.",
                    kind.description(),
                    ty.label
                ),
            );
        }
    }
    problems
}

/// "cv.pdf is 7.2 MB, and Onderwijsregio takes at most 5 MB per file: compress or split it."
fn too_large_sentence(name: &str, system: &str, size: u64, max_bytes: u64) -> String {
    let (size, max) = (human_bytes(size), human_bytes(max_bytes));
    // "is 5 MB, and … takes at most 5 MB" would read as a contradiction.
    if size == max {
        format!("{name} is just over the {max} {system} takes per file: compress or split it.")
    } else {
        format!(
            "{name} is {size}, and {system} takes at most {max} per file: compress or split it."
        )
    }
}

/// "photo.pdf is a PNG image, not a PDF: rename it to .png".
fn mismatch_sentence(name: &str, content: &FileKind, claimed: &FileKind) -> String {
    let is = content.description();
    let not = claimed.description();
    if content.is_program() {
        return format!(
            "{name} is {is}, not {not}: don't send it, and ask the candidate for the real document."
        );
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
        return format!(
            "{name} is {is}, not {not}: open the original in its program and save it again."
        );
    }
    match content.preferred_extension() {
        Some(ext) => format!("{name} is {is}, not {not}: rename it to .{ext}."),
        None => format!("{name} is {is}, not {not}: check that it is the right file."),
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
