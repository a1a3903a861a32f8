//! The staging table: files dropped, picked or pasted, inspected in the background, each with
//! the system's attachment type (preselected from its name) and its check result; the
//! per-field summary; duplicates flagged; and the hand-over to the upload engine.

use std::collections::HashSet;
use std::path::PathBuf;
use std::sync::Arc;

use crate::content::check::FileContent;
use crate::inspect::{self, Skipped};
use crate::mail::expand::{FromMail, MailInfo};
use crate::mail::{MailOpener, open_mails};
use crate::model::{
    self, Allowed, AttachmentType, FileFacts, ProviderProfile, StagedFile, ValidationReport,
};
use crate::upload::{BatchSpec, FileSpec};

use super::tasks::Reporter;
use super::thumbnails::Picture;
use super::{App, TaskResult, crashed};

/// Files inspected per message from the background (a large folder fills in as it goes).
const INSPECT_CHUNK: usize = 256;

/// One staged file.
#[derive(Clone, Debug)]
pub struct Row {
    /// Stable id within this staging session.
    pub id: u64,
    /// What inspection found.
    pub facts: FileFacts,
    /// The system's type it will be sent as.
    pub attachment_type: &'static AttachmentType,
    /// Selected in the table.
    pub selected: bool,
    /// Why it looks like a duplicate, if it does.
    pub duplicate: Option<String>,
    /// Send it even though it looks like a duplicate.
    pub upload_anyway: bool,
    /// Its content is being read.
    pub reading: bool,
    /// What its content says, and whose it seems to be for the chosen candidate.
    pub content: FileContent,
    /// What the user confirmed sending anyway (macros, someone else's file).
    pub allowed: Allowed,
    /// The candidate (id) the content's identity was judged for, and the content check's
    /// generation then (see `content::State`).
    pub judged_for: Option<(String, u64)>,
    /// Where the attachment type came from.
    pub type_source: TypeSource,
    /// For a fixed copy: what it was made from and how ("made from photo.heic: converted…").
    pub made_from: Option<String>,
    /// For a fixed copy: the files it was made from, for the journal and the history.
    pub originals: Vec<crate::upload::Original>,
    /// For a mail's attachment: the mail it came from.
    pub from_mail: Option<FromMail>,
}

impl Row {
    /// A new row for `facts`, typed as its file name suggests; nothing read or allowed yet.
    #[must_use]
    pub fn new(id: u64, facts: FileFacts, profile: &ProviderProfile) -> Self {
        Self {
            id,
            attachment_type: profile.type_for_file_name(&facts.name),
            facts,
            selected: false,
            duplicate: None,
            upload_anyway: false,
            reading: false,
            content: FileContent::default(),
            allowed: Allowed::default(),
            judged_for: None,
            type_source: TypeSource::FileName,
            made_from: None,
            originals: Vec::new(),
            from_mail: None,
        }
    }

    /// The line under the row's name: what a fixed copy was made from, else the mail an
    /// attachment came from.
    #[must_use]
    pub fn subtitle(&self) -> Option<String> {
        self.made_from
            .clone()
            .or_else(|| self.from_mail.as_ref().map(FromMail::label))
    }
}

impl Row {
    /// What the row's picture is made from: the image file itself, or the first page the
    /// content reader rendered; `None` for other files.
    #[must_use]
    pub fn picture(&self) -> Option<Picture> {
        if self
            .facts
            .effective_kind()
            .is_some_and(|k| k.is_raster_image())
        {
            return Some(Picture::ImageFile(self.facts.size));
        }
        self.content
            .facts
            .as_ref()
            .filter(|f| f.preview_png.is_some())
            .map(|f| Picture::Page(Arc::clone(f)))
    }

    /// The row shown in the preview: the only selected one.
    #[must_use]
    pub fn previewed(rows: &[Self]) -> Option<&Self> {
        let mut selected = rows.iter().filter(|r| r.selected);
        let first = selected.next()?;
        selected.next().is_none().then_some(first)
    }
}

/// Where a row's attachment type came from: the content may sharpen a guess from the file
/// name, never the user's own choice.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TypeSource {
    /// Guessed from the file name.
    FileName,
    /// Suggested by the first page's text.
    Content,
    /// Chosen by the user.
    User,
}

/// The staging state.
#[derive(Default)]
pub struct State {
    /// Staged files, in the order they were added.
    pub rows: Vec<Row>,
    /// Paths that could not be staged (missing, unreadable, bad names…), with their sentences.
    pub left_out: Vec<Skipped>,
    /// System files left out (`.DS_Store`, `Thumbs.db`…).
    pub ignored: usize,
    /// The check of the whole batch (one verdict per row, same order).
    pub report: ValidationReport,
    /// Inspections still running.
    pub pending: usize,
    /// Set to stop the running additions (the folder search and the checks); a new addition
    /// after they ended starts with a fresh one.
    pub stop_adding: std::sync::Arc<std::sync::atomic::AtomicBool>,
    /// A file dialog is open.
    pub dialog_open: bool,
    /// Files hovering over the window right now (the drop overlay).
    pub hovering: usize,
    pub(super) next_id: u64,
    /// Selected rows in the order they were selected (combining follows it).
    pub selection_order: Vec<u64>,
}

impl State {
    /// Rows that will be skipped as duplicates.
    #[must_use]
    pub fn duplicates_skipped(&self) -> usize {
        self.rows
            .iter()
            .filter(|r| r.duplicate.is_some() && !r.upload_anyway)
            .count()
    }

    /// "CV 3/5 · other 1/5 · 12.4 MB".
    #[must_use]
    pub fn summary(&self) -> String {
        let mut parts: Vec<String> = self
            .report
            .fields
            .iter()
            .filter(|f| f.count > 0 || f.max.is_some())
            .map(|f| {
                let count = crate::i18n::count(u64::from(f.count));
                match f.max {
                    Some(max) => format!(
                        "{} {count}/{}",
                        crate::model::label_text(&f.label),
                        crate::i18n::count(max.into())
                    ),
                    None => format!("{} {count}", crate::model::label_text(&f.label)),
                }
            })
            .collect();
        parts.push(crate::i18n::size(self.report.total_bytes));
        parts.join(" \u{b7} ")
    }

    /// Rows refused by the check.
    #[must_use]
    pub fn refused(&self) -> usize {
        self.report.files.iter().filter(|v| !v.ok()).count()
    }
}

/// What the staging views ask for.
#[derive(Clone, Debug)]
pub enum Command {
    /// Add files or folders (dropped or pasted).
    AddPaths(Vec<PathBuf>),
    /// Open the "Add files…" dialog.
    PickFiles,
    /// Open the "Add folder…" dialog.
    PickFolder,
    /// Paths pasted as text (one per line, or `file://` URIs).
    Paste(String),
    /// Stop the additions still being searched and checked (what was found so far stays).
    CancelAdding,
    /// Change a row's attachment type.
    SetType {
        /// The row.
        row: u64,
        /// The system's wire value.
        wire: &'static str,
    },
    /// Select a row (adding to the selection with Ctrl).
    Select {
        /// The row.
        row: u64,
        /// Keep the other selected rows.
        additive: bool,
    },
    /// Remove the selected rows.
    RemoveSelected,
    /// Remove one row.
    Remove(u64),
    /// Remove every row.
    Clear,
    /// Send a flagged duplicate anyway (or not).
    UploadAnyway(u64, bool),
    /// Send a row despite its macros or although it seems to be someone else's (or not).
    Allow(u64, Allowed),
    /// Take the prepared fix of a row.
    Fix(u64),
    /// Combine the selected rows, in the order they were selected, into one PDF.
    CombineSelected,
    /// Hand the staged files to the upload engine.
    Upload,
}

/// Background results for staging.
pub enum Done {
    /// Some of the added paths were inspected.
    Inspected {
        /// Facts of files found, and the mail each came from, if it did.
        facts: Vec<(FileFacts, Option<FromMail>)>,
        /// Mails opened (their senders are looked up).
        mails: Vec<Arc<MailInfo>>,
        /// Paths left out, with reasons.
        left_out: Vec<Skipped>,
        /// System files left out.
        ignored: usize,
        /// Whether this was the last part of an addition.
        finished: bool,
    },
    /// An addition could not be inspected to the end (files found so far stay); the sentence
    /// says so.
    InspectionFailed(String),
    /// A file dialog closed (with the chosen paths, if any), or failed.
    Picked(Result<Vec<PathBuf>, String>),
}

impl App {
    pub(super) fn apply_staging(&mut self, command: Command) {
        match command {
            Command::AddPaths(paths) => self.add_paths(paths),
            Command::PickFiles => self.pick(false),
            Command::PickFolder => self.pick(true),
            Command::Paste(text) => self.add_paths(parse_pasted_paths(&text)),
            Command::CancelAdding => {
                if self.staging.pending > 0 {
                    self.staging
                        .stop_adding
                        .store(true, std::sync::atomic::Ordering::Relaxed);
                    self.toasts.info(crate::t!("staging-stopped-adding"));
                }
            }
            Command::SetType { row, wire } => {
                let profile = self.profile();
                if let Some(ty) = profile.attachment_type(wire)
                    && let Some(r) = self.staging.rows.iter_mut().find(|r| r.id == row)
                {
                    r.attachment_type = ty;
                    r.type_source = TypeSource::User;
                    self.revalidate();
                }
            }
            Command::Select { row, additive } => {
                for r in &mut self.staging.rows {
                    if r.id == row {
                        r.selected = !(additive && r.selected);
                    } else if !additive {
                        r.selected = false;
                    }
                }
                let selected: HashSet<u64> = self
                    .staging
                    .rows
                    .iter()
                    .filter(|r| r.selected)
                    .map(|r| r.id)
                    .collect();
                let order = &mut self.staging.selection_order;
                order.retain(|id| selected.contains(id));
                if selected.contains(&row) && !order.contains(&row) {
                    order.push(row);
                }
            }
            Command::RemoveSelected => {
                self.staging.rows.retain(|r| !r.selected);
                self.revalidate();
            }
            Command::Remove(row) => {
                self.staging.rows.retain(|r| r.id != row);
                self.revalidate();
            }
            Command::Clear => {
                self.staging.rows.clear();
                self.staging.left_out.clear();
                self.staging.ignored = 0;
                self.revalidate();
            }
            Command::UploadAnyway(row, anyway) => {
                if let Some(r) = self.staging.rows.iter_mut().find(|r| r.id == row) {
                    r.upload_anyway = anyway;
                }
            }
            Command::Allow(row, allowed) => self.allow(row, allowed),
            Command::Fix(row) => self.take_fix(row),
            Command::CombineSelected => self.combine_selected(),
            Command::Upload => self.upload(),
        }
    }

    pub(super) fn on_staging_done(&mut self, done: Done) {
        match done {
            Done::Inspected {
                facts,
                mails,
                left_out,
                ignored,
                finished,
            } => {
                if finished {
                    self.staging.pending = self.staging.pending.saturating_sub(1);
                }
                let profile = self.profile();
                let known: HashSet<PathBuf> = self
                    .staging
                    .rows
                    .iter()
                    .map(|r| r.facts.path.clone())
                    .collect();
                for (f, from_mail) in facts {
                    if known.contains(&f.path) {
                        continue;
                    }
                    self.staging.next_id += 1;
                    let mut row = Row::new(self.staging.next_id, f, profile);
                    row.from_mail = from_mail;
                    self.staging.rows.push(row);
                }
                self.staging.left_out.extend(left_out);
                self.staging.ignored += ignored;
                self.mark_duplicates();
                self.read_new_contents();
                self.revalidate();
                if !mails.is_empty() {
                    self.look_up_senders(mails);
                }
            }
            Done::InspectionFailed(sentence) => {
                self.staging.pending = self.staging.pending.saturating_sub(1);
                self.toasts.error(sentence);
            }
            Done::Picked(result) => {
                self.staging.dialog_open = false;
                match result {
                    Ok(paths) => self.add_paths(paths),
                    Err(e) => {
                        self.toasts.error(e);
                    }
                }
            }
        }
    }

    /// The selected system's profile (Spott's when nothing is selected, for an empty table).
    #[must_use]
    pub fn profile(&self) -> &'static ProviderProfile {
        self.connections
            .selected_entry()
            .map_or(crate::model::ProviderId::Spott, |e| e.provider)
            .profile()
    }

    /// Re-checks the whole batch (after any change to rows, types, connection or limits).
    pub fn revalidate(&mut self) {
        self.judge_contents();
        let profile = self.profile();
        let limits = self
            .connections
            .ready()
            .map_or_else(|| profile.limits(), |r| r.limits.clone());
        let staged: Vec<StagedFile> = self
            .staging
            .rows
            .iter()
            .map(|r| StagedFile {
                facts: r.facts.clone(),
                attachment_type: r.attachment_type,
                content: r.content.check(r.allowed),
            })
            .collect();
        self.staging.report = model::validate(profile, &limits, &staged);
        self.prepare_fixes();
    }

    /// The connection changed: types belong to the new system.
    pub(super) fn staging_connection_changed(&mut self) {
        let profile = self.profile();
        for row in &mut self.staging.rows {
            if profile
                .attachment_type(row.attachment_type.wire)
                .is_none_or(|t| !std::ptr::eq(t, row.attachment_type))
            {
                row.attachment_type = profile.type_for_file_name(&row.facts.name);
            }
        }
        self.revalidate();
    }

    /// Flags rows already on the candidate (same name and size) or already sent to them.
    pub(super) fn mark_duplicates(&mut self) {
        let existing = &self.picker.attachments.list;
        let candidate = self.picker.selected.as_ref().map(|c| c.id.clone());
        let account = self.selected_account();
        // What was sent to this candidate, by name and size, newest first: one pass over the
        // history rather than one per row.
        let mut sent: std::collections::HashMap<
            (&str, u64),
            &crate::upload::history::HistoryEntry,
        > = std::collections::HashMap::new();
        for h in self.history.entries.iter().filter(|h| {
            Some(&h.candidate_id) == candidate.as_ref()
                && account.as_ref().is_some_and(|a| h.account.same_account(a))
                && h.outcome.delivered()
        }) {
            sent.entry((h.file_name.as_str(), h.size)).or_insert(h);
        }
        for row in &mut self.staging.rows {
            let on_candidate = existing
                .iter()
                .find(|a| a.name == row.facts.name && a.size.is_none_or(|s| s == row.facts.size));
            let sent_before = sent.get(&(row.facts.name.as_str(), row.facts.size));
            let name = &row.facts.name;
            row.duplicate = match (on_candidate, sent_before) {
                (Some(a), _) => Some(match &a.created_at {
                    Some(date) => crate::t!(
                        "staging-duplicate-on-candidate-added",
                        name = name,
                        date = date
                    ),
                    None => crate::t!("staging-duplicate-on-candidate", name = name),
                }),
                (None, Some(h)) => Some(crate::t!(
                    "staging-duplicate-sent-before",
                    name = name,
                    date = &h.at
                )),
                (None, None) => None,
            };
        }
    }

    fn add_paths(&mut self, paths: Vec<PathBuf>) {
        if paths.is_empty() {
            return;
        }
        if self.staging.pending == 0 {
            self.staging.stop_adding = std::sync::Arc::default();
        }
        self.staging.pending += 1;
        let stop = std::sync::Arc::clone(&self.staging.stop_adding);
        let reporter = self.tasks.reporter();
        let opener = self.mail_in.opener.clone();
        let work = self.fixes.work_dir.clone();
        // The parts arrive through the reporter; the task's own answer only says it ended.
        self.tasks.spawn_blocking(
            move || {
                inspect_in_parts(&paths, &reporter, &stop, (&opener, &work));
                TaskResult::Nothing
            },
            || {
                TaskResult::Staging(Done::InspectionFailed(crashed(&crate::t!(
                    "staging-checking-crashed"
                ))))
            },
        );
    }

    fn pick(&mut self, folder: bool) {
        if self.staging.dialog_open {
            return;
        }
        self.staging.dialog_open = true;
        let title = if folder {
            crate::t!("staging-dialog-add-folder")
        } else {
            crate::t!("staging-dialog-add-files")
        };
        self.tasks.spawn(
            async move {
                let dialog = rfd::AsyncFileDialog::new().set_title(title);
                let paths = if folder {
                    dialog
                        .pick_folder()
                        .await
                        .map(|f| vec![f.path().to_owned()])
                        .unwrap_or_default()
                } else {
                    dialog
                        .pick_files()
                        .await
                        .map(|files| files.iter().map(|f| f.path().to_owned()).collect())
                        .unwrap_or_default()
                };
                TaskResult::Staging(Done::Picked(Ok(paths)))
            },
            || {
                TaskResult::Staging(Done::Picked(Err(crashed(&crate::t!(
                    "staging-dialog-crashed"
                )))))
            },
        );
    }

    /// Why the Upload button is disabled, or `None` when it may be pressed.
    #[must_use]
    pub fn upload_blocker(&self) -> Option<String> {
        if self.staging.rows.is_empty() {
            return Some(crate::t!("staging-blocker-no-files"));
        }
        if self.staging.pending > 0 || self.staging.rows.iter().any(|r| r.reading) {
            return Some(crate::t!("staging-blocker-checking"));
        }
        if self.connections.ready().is_none() {
            return Some(crate::t!("staging-blocker-no-connection"));
        }
        if self.picker.selected.is_none() {
            return Some(crate::t!("staging-blocker-no-candidate"));
        }
        let refused = self.staging.refused();
        if refused > 0 {
            return Some(crate::t!("staging-blocker-refused", count = refused));
        }
        if let Some(problem) = self.staging.report.batch.first() {
            return Some(problem.to_string());
        }
        None
    }

    fn upload(&mut self) {
        if self.upload_blocker().is_some() {
            return;
        }
        let (Some(ready), Some(candidate), Some(entry)) = (
            self.connections.ready().cloned(),
            self.picker.selected.clone(),
            self.connections.selected_entry(),
        ) else {
            return;
        };
        let Some(engine) = &self.engine else {
            self.toasts.error(crate::t!("staging-engine-not-running"));
            return;
        };
        let files: Vec<FileSpec> = self
            .staging
            .rows
            .iter()
            .map(|r| FileSpec {
                path: r.facts.path.clone(),
                name: r.facts.name.clone(),
                content_type: r.facts.content_type().to_owned(),
                attachment_type: r.attachment_type.wire.to_owned(),
                remote_id: None,
                allow_duplicate: r.upload_anyway,
                checked_as: Some((r.facts.size, r.facts.modified)),
                skip_reason: r
                    .duplicate
                    .clone()
                    .filter(|_| !r.upload_anyway)
                    .map(|d| crate::t!("staging-skip-reason", reason = d)),
                made_from: r.originals.clone(),
                from_mail: r
                    .from_mail
                    .as_ref()
                    .map(crate::mail::expand::FromMail::origin),
            })
            .collect();
        let count = files.len();
        let spec = BatchSpec {
            source: entry.source(),
            connection: ready.connection,
            target: crate::providers::UploadTarget {
                candidate_id: candidate.id.clone(),
                application_id: None,
            },
            candidate_name: Some(candidate.name.clone()).filter(|n| !n.is_empty()),
            files,
        };
        let batch = engine.submit(spec);
        self.queue.expect_batch(batch);
        self.staging.rows.clear();
        self.staging.left_out.clear();
        self.staging.ignored = 0;
        self.revalidate();
        // Said in the queue's status line until the batch ends, which replaces it with the
        // outcome (a notification that outlived its batch misled).
        let to = if candidate.name.is_empty() {
            &candidate.id
        } else {
            &candidate.name
        };
        self.queue.last_summary = Some(crate::t!("staging-uploading", count = count, to = to));
    }
}

/// Expands and inspects `paths`, reporting in parts so a large folder fills the table as it
/// goes. Runs on the blocking pool.
fn inspect_in_parts(
    paths: &[PathBuf],
    reporter: &Reporter,
    stop: &std::sync::atomic::AtomicBool,
    (opener, work): (&MailOpener, &std::path::Path),
) {
    let expansion = inspect::expand_until(paths, inspect::MAX_ENTRIES, stop);
    let expansion = open_mails(expansion, opener, work, stop);
    let (listed, ignored): (Vec<Skipped>, Vec<Skipped>) = expansion
        .skipped
        .into_iter()
        .partition(|s| s.reason.is_listed());
    let mut chunks = expansion.files.chunks(INSPECT_CHUNK).peekable();
    let mut first = Some((listed, ignored.len(), expansion.mails));
    if chunks.peek().is_none() {
        let (left_out, ignored, mails) = first.take().unwrap_or_default();
        reporter.send(TaskResult::Staging(Done::Inspected {
            facts: Vec::new(),
            mails,
            left_out,
            ignored,
            finished: true,
        }));
        return;
    }
    while let Some(chunk) = chunks.next() {
        let facts = chunk
            .iter()
            .map(|found| (inspect::inspect(&found.path), found.from_mail.clone()))
            .collect();
        let (left_out, ignored, mails) = first.take().unwrap_or_default();
        let finished = chunks.peek().is_none() || stop.load(std::sync::atomic::Ordering::Relaxed);
        if !reporter.send(TaskResult::Staging(Done::Inspected {
            facts,
            mails,
            left_out,
            ignored,
            finished,
        })) || finished
        {
            return;
        }
    }
}

/// Paths from pasted text: one per line, plain paths or `file://` URIs (as file managers copy
/// them).
#[must_use]
pub fn parse_pasted_paths(text: &str) -> Vec<PathBuf> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .filter_map(|line| {
            if let Some(rest) = line.strip_prefix("file://") {
                let path = rest.strip_prefix("localhost").unwrap_or(rest);
                let decoded = percent_encoding::percent_decode_str(path)
                    .decode_utf8()
                    .ok()?;
                Some(PathBuf::from(decoded.into_owned()))
            } else {
                Some(PathBuf::from(line.trim_matches('"')))
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pasted_paths_and_uris_are_read() {
        let pasted = "file:///home/jane/CV%20Jane.pdf\n/tmp/letter.pdf\n\n\"/tmp/with space.docx\"\n# comment\nfile://localhost/tmp/x.png";
        assert_eq!(
            parse_pasted_paths(pasted),
            vec![
                PathBuf::from("/home/jane/CV Jane.pdf"),
                PathBuf::from("/tmp/letter.pdf"),
                PathBuf::from("/tmp/with space.docx"),
                PathBuf::from("/tmp/x.png"),
            ]
        );
    }
}
