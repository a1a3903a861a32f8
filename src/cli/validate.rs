//! `atsdrop validate`: checks files against a system's limits and allow-list without sending
//! anything. Prints one verdict per file (or one JSON object per file with `--json`), then the
//! problems of the batch as a whole; exits 0 when everything may be sent, 2 otherwise.

use std::io::{self, Write};
use std::path::Path;
use std::process::ExitCode;

use serde::Serialize;

use atsdrop::inspect::{self, SkipReason, Skipped};
use atsdrop::model::{
    self, AttachmentType, FileKind, Limits, ProviderProfile, StagedFile, ValidationReport,
};

use atsdrop::content::check::FileContent;
use atsdrop::content::identity::{Identity, Verdict};
use atsdrop::mail::expand::Found;
use atsdrop::mail::{FromMail, MailExpansion, MailOpener, open_mails};

use super::{EXIT_OK, EXIT_USAGE, ValidateArgs};

/// Exit code when any file is refused (nothing would be sent).
const EXIT_REFUSED: u8 = EXIT_USAGE;

/// Everything a check found, ready to print (shared with `upload`, which checks first).
pub(super) struct Outcome {
    pub profile: &'static ProviderProfile,
    pub staged: Vec<StagedFile>,
    pub report: ValidationReport,
    /// Paths left out that the user must act on (missing, unreadable, non-UTF-8 names…).
    pub refused: Vec<Skipped>,
    /// Paths left out as expected (OS junk, duplicates): mentioned, not refused.
    pub expected: Vec<Skipped>,
    /// Problems of the batch as a whole, including "nothing to check".
    pub batch_problems: Vec<BatchProblem>,
    /// What each staged file's content says (same order; empty until read).
    pub contents: Vec<FileContent>,
    /// For each staged file (same order): the mail it was taken from, if it was.
    pub from_mail: Vec<Option<FromMail>>,
    /// How each staged file is named in output ("Sollicitatie.eml › cv.pdf" for a mail's).
    pub shown: Vec<String>,
    /// Work folders holding mails' attachments (removed when the command is done with them).
    pub mail_folders: Vec<std::path::PathBuf>,
}

impl Outcome {
    /// Whether everything may be sent.
    pub fn ok(&self) -> bool {
        self.batch_problems.is_empty()
            && self.refused.is_empty()
            && self.report.files.iter().all(model::FileVerdict::ok)
    }

    /// Every refused path with its sentences (files, then paths left out).
    pub fn refusals(&self) -> Vec<(String, Vec<String>)> {
        let mut out: Vec<(String, Vec<String>)> = self
            .staged
            .iter()
            .zip(&self.report.files)
            .filter(|(_, v)| !v.ok())
            .map(|(s, v)| {
                (
                    s.facts.path.display().to_string(),
                    v.problems.iter().map(|p| p.message.clone()).collect(),
                )
            })
            .collect();
        out.extend(
            self.refused
                .iter()
                .map(|s| (display(&s.path), vec![s.message()])),
        );
        out
    }
}

/// Expands `paths`, inspects every file and checks them all as `attachment_type` against
/// `limits`.
pub(super) fn check(
    profile: &'static ProviderProfile,
    limits: &Limits,
    attachment_type: &'static AttachmentType,
    paths: &[std::path::PathBuf],
) -> Outcome {
    let expansion = open_mails_in(inspect::expand(paths));
    let staged: Vec<StagedFile> = expansion
        .files
        .iter()
        .map(|found| StagedFile {
            facts: inspect::inspect(&found.path),
            attachment_type,
            content: model::ContentCheck::default(),
        })
        .collect();
    let report = model::validate(profile, limits, &staged);
    let (expected, refused): (Vec<Skipped>, Vec<Skipped>) = expansion
        .skipped
        .into_iter()
        .partition(|s| s.reason.is_expected());
    let mut batch_problems: Vec<BatchProblem> = report
        .batch
        .iter()
        .map(|p| BatchProblem {
            code: p.kind.code(),
            text: p.text.clone(),
        })
        .collect();
    if staged.is_empty() && refused.is_empty() {
        batch_problems.push(BatchProblem {
            code: "no_files",
            text: atsdrop::text!("cli-no-files"),
        });
    }
    Outcome {
        profile,
        staged,
        report,
        refused,
        expected,
        batch_problems,
        contents: Vec::new(),
        shown: expansion.files.iter().map(Found::shown).collect(),
        from_mail: expansion.files.into_iter().map(|f| f.from_mail).collect(),
        mail_folders: expansion.folders,
    }
}

/// Opens the mails among the files found (in mail processes; attachments go to the work
/// folder). Without a work folder, mails are said to be unopenable rather than sent as text.
pub(super) fn open_mails_in(expansion: inspect::Expansion) -> MailExpansion {
    let stop = std::sync::atomic::AtomicBool::new(false);
    match (
        atsdrop::settings::work_dir(),
        MailOpener::for_this_program(),
    ) {
        (Ok(work), Ok(opener)) => open_mails(expansion, &opener, &work, &stop),
        _ => open_mails(
            expansion,
            &MailOpener::new(std::path::PathBuf::from("atsdrop-missing")),
            &std::env::temp_dir(),
            &stop,
        ),
    }
}

impl Outcome {
    /// Removes the work folders holding the mails' attachments.
    pub fn remove_mail_folders(&self) {
        for folder in &self.mail_folders {
            let _ = std::fs::remove_dir_all(folder);
        }
    }
}

/// Runs `atsdrop validate`.
pub fn run(args: &ValidateArgs) -> anyhow::Result<ExitCode> {
    let profile = args.provider.profile();
    let Some(attachment_type) = profile.attachment_type(&args.attachment_type) else {
        anyhow::bail!(
            "\"{}\" is not an attachment type of {}: use one of {}",
            args.attachment_type.trim(),
            profile.id.display_name(),
            profile.type_list()
        );
    };

    let limits = profile.limits();
    let mut outcome = check(profile, &limits, attachment_type, &args.paths);
    super::runtime()?.block_on(super::content::add(
        &mut outcome,
        &limits,
        None,
        model::Allowed::default(),
    ))?;

    let mut out = io::BufWriter::new(super::printable::stdout());
    let written = if args.json {
        write_json(&mut out, &outcome)
    } else {
        write_text(&mut out, &outcome, attachment_type.label)
    };
    outcome.remove_mail_folders();
    match written.and_then(|()| out.flush()) {
        // `atsdrop validate … | head`: the reader has seen enough.
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => return Err(e.into()),
        _ => {}
    }
    Ok(ExitCode::from(if outcome.ok() {
        EXIT_OK
    } else {
        EXIT_REFUSED
    }))
}

/// The health flags of a checked file, by their JSON names (a locked Office file needs a
/// password whether or not its content was read).
pub(super) fn health_names(staged: &StagedFile) -> Vec<&'static str> {
    let mut flags: Vec<model::Health> = staged.content.health.clone();
    if staged.facts.content == Some(FileKind::LockedOffice)
        && !flags.contains(&model::Health::NeedsPassword)
    {
        flags.insert(0, model::Health::NeedsPassword);
    }
    flags.into_iter().map(model::Health::as_str).collect()
}

/// "Whose: the candidate's (anna@example.com)."
fn whose(identity: &Identity) -> String {
    let found = &identity.found;
    let evidence = found
        .emails
        .first()
        .or(found.phones.first())
        .or(found.names.first());
    match (identity.verdict, evidence) {
        (Verdict::Match, Some(e)) => atsdrop::t!("cli-whose-candidate", evidence = e),
        (Verdict::Match, None) => atsdrop::t!("cli-whose-candidate-name"),
        (Verdict::Other, _) => match identity.other.as_deref() {
            Some(other) => atsdrop::t!("cli-whose-other", other = other),
            None => atsdrop::t!("cli-whose-other-unnamed"),
        },
        (Verdict::Unknown, _) => atsdrop::t!("cli-whose-unknown"),
    }
}

fn display(path: &Path) -> String {
    path.to_string_lossy().into_owned()
}

pub(super) fn write_text(
    out: &mut impl Write,
    outcome: &Outcome,
    type_label: &str,
) -> io::Result<()> {
    let (ok, refused, skipped) = (
        atsdrop::t!("cli-verdict-ok"),
        atsdrop::t!("cli-verdict-refused"),
        atsdrop::t!("cli-verdict-skipped"),
    );
    // The verdicts make a column (eight wide in English).
    let width = [&ok, &refused, &skipped]
        .iter()
        .map(|v| v.chars().count())
        .max()
        .unwrap_or(0)
        .max(8);
    let verdict = |good: bool| if good { ok.as_str() } else { refused.as_str() };
    for (i, (staged, file)) in outcome.staged.iter().zip(&outcome.report.files).enumerate() {
        let facts = &staged.facts;
        let name = outcome
            .shown
            .get(i)
            .cloned()
            .unwrap_or_else(|| display(&facts.path));
        if facts.readable() {
            let kind = facts
                .effective_kind()
                .map_or_else(|| atsdrop::t!("cli-unknown-type"), |k| k.noun());
            let size = atsdrop::i18n::size(facts.size);
            writeln!(
                out,
                "{:<width$} {name} ({kind}, {size})",
                verdict(file.ok())
            )?;
        } else {
            writeln!(out, "{:<width$} {name}", verdict(false))?;
        }
        let indent = " ".repeat(width + 1);
        for problem in &file.problems {
            writeln!(out, "{indent}{problem}")?;
        }
        if let Some(identity) = outcome.contents.get(i).and_then(|c| c.identity.as_ref()) {
            writeln!(out, "{indent}{}", whose(identity))?;
        }
    }
    let indent = " ".repeat(width + 1);
    for left_out in &outcome.refused {
        writeln!(
            out,
            "{:<width$} {}",
            verdict(false),
            display(&left_out.path)
        )?;
        writeln!(out, "{indent}{left_out}")?;
    }
    for left_out in &outcome.expected {
        let why = match &left_out.reason {
            SkipReason::Duplicate => atsdrop::t!("cli-skipped-duplicate"),
            SkipReason::InMail { sentence, .. } => sentence.clone(),
            _ => atsdrop::t!("cli-skipped-system-file"),
        };
        writeln!(out, "{skipped:<width$} {} ({why})", display(&left_out.path))?;
    }
    writeln!(out)?;
    write_summary(out, outcome, type_label)
}

/// The batch's problems, the counts per field with the total size, and the verdict.
fn write_summary(out: &mut impl Write, outcome: &Outcome, type_label: &str) -> io::Result<()> {
    for problem in &outcome.batch_problems {
        writeln!(out, "{problem}")?;
    }
    let mut summary: Vec<String> = outcome
        .report
        .fields
        .iter()
        .filter(|f| f.count > 0 || f.max.is_some())
        .map(|f| {
            let label = model::label_text(&f.label);
            match f.max {
                Some(max) => format!("{label} {}/{max}", f.count),
                None => format!("{label} {}", f.count),
            }
        })
        .collect();
    summary.push(atsdrop::i18n::size(outcome.report.total_bytes));
    writeln!(out, "{}", summary.join(" · "))?;

    let system = outcome.profile.id.display_name();
    let total = outcome.staged.len() + outcome.refused.len();
    let refused = outcome.refused.len() + outcome.report.files.iter().filter(|f| !f.ok()).count();
    let label = model::label_text(type_label);
    let said = if outcome.ok() {
        atsdrop::t!(
            "cli-all-can-be-sent",
            total = total,
            system = system,
            label = label
        )
    } else if refused > 0 {
        atsdrop::t!(
            "cli-some-refused",
            refused = refused,
            total = total,
            system = system,
            label = label
        )
    } else {
        atsdrop::t!("cli-together-refused", system = system, label = label)
    };
    writeln!(out, "{said}")?;
    Ok(())
}

/// One line of `--json` output per file.
#[derive(Serialize)]
struct FileLine<'a> {
    file: String,
    ok: bool,
    detected_type: Option<String>,
    /// Health flags of the content (`needs_password`, `macros`, `no_text_layer`,
    /// `unreadable`).
    health: Vec<&'static str>,
    /// The problems' sentences, in English whatever the language.
    problems: Vec<&'a str>,
    /// Each problem's stable code, in the same order.
    codes: Vec<&'static str>,
    /// The mail the file was taken from, if it was.
    #[serde(skip_serializing_if = "Option::is_none")]
    from_mail: Option<MailLine>,
}

/// Where a mail's attachment came from, in `--json` output.
#[derive(Serialize)]
pub(super) struct MailLine {
    /// The mail file.
    mail: String,
    subject: Option<String>,
    date: Option<String>,
    sender: Option<String>,
}

impl MailLine {
    pub(super) fn of(from: &FromMail) -> Self {
        let origin = from.origin();
        Self {
            mail: display(&from.mail.path),
            subject: origin.subject,
            date: origin.date,
            sender: origin.sender,
        }
    }
}

/// The last line of `--json` output, when the batch as a whole has problems.
#[derive(Serialize)]
struct BatchLine {
    /// The sentences, in English whatever the language.
    batch_problems: Vec<String>,
    /// Each one's stable code, in the same order.
    batch_codes: Vec<&'static str>,
}

/// A problem of the whole set of files (too many for a field, too large together, none).
pub struct BatchProblem {
    /// The stable code (`--json` output).
    pub code: &'static str,
    /// What it says, in any language.
    pub text: atsdrop::i18n::Text,
}

impl std::fmt::Display for BatchProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.text.fmt(f)
    }
}

fn write_line(out: &mut impl Write, value: &impl Serialize) -> io::Result<()> {
    serde_json::to_writer(&mut *out, value)?;
    writeln!(out)
}

fn write_json(out: &mut impl Write, outcome: &Outcome) -> io::Result<()> {
    for (i, (staged, file)) in outcome.staged.iter().zip(&outcome.report.files).enumerate() {
        let facts = &staged.facts;
        let line = FileLine {
            file: outcome
                .shown
                .get(i)
                .cloned()
                .unwrap_or_else(|| display(&facts.path)),
            ok: file.ok(),
            detected_type: facts.effective_kind().map(|k| k.mime().to_owned()),
            health: health_names(staged),
            problems: file.problems.iter().map(|p| p.message.as_str()).collect(),
            codes: file.problems.iter().map(|p| p.kind.code()).collect(),
            from_mail: outcome
                .from_mail
                .get(i)
                .and_then(Option::as_ref)
                .map(MailLine::of),
        };
        write_line(out, &line)?;
    }
    for skipped in &outcome.refused {
        let message = skipped.message();
        let line = FileLine {
            file: display(&skipped.path),
            ok: false,
            detected_type: None,
            health: Vec::new(),
            problems: vec![message.as_str()],
            codes: vec![skipped.reason.code()],
            from_mail: None,
        };
        write_line(out, &line)?;
    }
    if !outcome.batch_problems.is_empty() {
        write_line(
            out,
            &BatchLine {
                batch_problems: outcome
                    .batch_problems
                    .iter()
                    .map(|p| p.text.english())
                    .collect(),
                batch_codes: outcome.batch_problems.iter().map(|p| p.code).collect(),
            },
        )?;
    }
    // Stdout holds only JSON; what was left out as expected is still said, on stderr.
    for skipped in &outcome.expected {
        super::printable::warn(skipped.message());
    }
    Ok(())
}
