//! The Bulk screen: files, folders and mails for many candidates. Each file is inspected, its
//! content read, and matched to a candidate of the chosen connection (see `crate::bulk`);
//! every row shows the proposed candidate and why, the type, and the check for that
//! candidate; every row can be changed; *Send matched* sends only rows that are matched and
//! pass; the result can be exported as CSV.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;

use futures_util::StreamExt as _;

use crate::bulk::check::{self, ToCheck};
use crate::bulk::{Evidence, Mapping, Matcher, Proposal, ReportRow};
use crate::content::facts::ContentFacts;
use crate::content::identity::Ignore;
use crate::inspect;
use crate::mail::expand::Found;
use crate::model::{self, Allowed, AttachmentType, Candidate, FileFacts};
use crate::upload::{BatchSpec, FileSpec, FileState};

use super::{App, TaskResult, crashed};

/// Files matched at once (the account's lane paces the requests themselves).
const MATCHING_AT_ONCE: usize = 8;

/// One file of the bulk screen.
#[derive(Clone, Debug)]
pub struct Row {
    /// Stable id within the screen.
    pub id: u64,
    /// The file, and the mail it came from.
    pub found: Found,
    /// What inspection found.
    pub facts: FileFacts,
    /// What its content says, when read.
    pub content: Option<Arc<ContentFacts>>,
    /// What matching proposed (`None` while it runs).
    pub proposal: Option<Proposal>,
    /// The candidate it goes to: the proposal's, or the user's choice.
    pub candidate: Option<Candidate>,
    /// Why it goes to them ("e-mail in the file", "chosen by you").
    pub why: Option<String>,
    /// The wire value of why (`email_in_file`, `chosen`), for the export.
    pub why_key: Option<&'static str>,
    /// The system's type it is sent as.
    pub attachment_type: &'static AttachmentType,
    /// The user chose the type.
    pub type_chosen: bool,
    /// What stops it being sent to its candidate (one sentence each).
    pub problems: Vec<String>,
    /// Handed to the upload engine.
    pub sent: bool,
}

/// The bulk screen's state.
#[derive(Default)]
pub struct State {
    /// The files, in the order added.
    pub rows: Vec<Row>,
    /// Paths that could not be added, with their sentences.
    pub left_out: Vec<String>,
    /// Additions and matchings still running.
    pub pending: usize,
    /// The mapping CSV in use, if any.
    pub mapping: Option<(PathBuf, Mapping)>,
    /// A file dialog is open.
    pub dialog_open: bool,
    /// Candidate ids being typed, per row.
    pub typed_ids: HashMap<u64, String>,
    next_id: u64,
}

/// What the bulk screen asks for.
#[derive(Clone, Debug)]
pub enum Command {
    /// Add files, folders or mails.
    AddPaths(Vec<PathBuf>),
    /// Open a dialog to add files (or a folder).
    Pick {
        /// A folder rather than files.
        folder: bool,
    },
    /// Open a dialog for the mapping CSV.
    PickMapping,
    /// Send a row to this candidate (`None`: to nobody).
    SetCandidate(u64, Option<Candidate>),
    /// Send a row to the candidate with this id (looked up first).
    SetCandidateById(u64, String),
    /// Change a row's type.
    SetType(u64, &'static str),
    /// Remove a row.
    Remove(u64),
    /// Remove every row.
    Clear,
    /// Send the rows that are matched and pass.
    SendMatched,
    /// Save the table as CSV.
    Export,
}

/// Background results of the bulk screen.
pub enum Done {
    /// Files were inspected and read.
    Added {
        /// The new rows (not matched yet).
        rows: Vec<Row>,
        /// Sentences for paths left out.
        left_out: Vec<String>,
    },
    /// Rows were matched.
    Matched(Vec<(u64, Result<Proposal, String>)>),
    /// A dialog closed.
    Picked(Option<Vec<PathBuf>>),
    /// The mapping dialog closed (with the mapping read, or why not).
    Mapping(Option<Result<(PathBuf, Mapping), String>>),
    /// The export finished.
    Exported(Result<Option<PathBuf>, String>),
    /// A candidate typed by id was looked up for a row.
    LookedUp(u64, Result<Candidate, String>),
}

impl Row {
    /// Whether *Send matched* sends it.
    #[must_use]
    pub fn sendable(&self) -> bool {
        !self.sent && self.candidate.is_some() && self.problems.is_empty()
    }

    /// The candidates the row may be given: the proposal's look-alikes and its candidate.
    #[must_use]
    pub fn choices(&self) -> Vec<Candidate> {
        let mut out: Vec<Candidate> = match &self.proposal {
            Some(Proposal::Ambiguous { candidates, .. }) => candidates.clone(),
            Some(Proposal::Matched { candidate, .. }) => vec![candidate.clone()],
            _ => Vec::new(),
        };
        if let Some(c) = &self.candidate
            && !out.iter().any(|o| o.id == c.id)
        {
            out.push(c.clone());
        }
        out
    }
}

impl App {
    pub(super) fn apply_bulk(&mut self, command: Command) {
        match command {
            Command::AddPaths(paths) => self.bulk_add(paths),
            Command::Pick { folder } => self.bulk_pick(folder),
            Command::PickMapping => self.bulk_pick_mapping(),
            Command::SetCandidate(row, candidate) => {
                if let Some(r) = self.bulk.rows.iter_mut().find(|r| r.id == row && !r.sent) {
                    r.why = candidate.as_ref().map(|_| crate::t!("bulk-why-chosen"));
                    r.why_key = candidate.as_ref().map(|_| "chosen");
                    r.candidate = candidate;
                }
                self.bulk_recheck();
            }
            Command::SetCandidateById(row, id) => self.bulk_look_up(row, &id),
            Command::SetType(row, wire) => {
                let profile = self.profile();
                if let (Some(ty), Some(r)) = (
                    profile.attachment_type(wire),
                    self.bulk.rows.iter_mut().find(|r| r.id == row),
                ) {
                    r.attachment_type = ty;
                    r.type_chosen = true;
                }
                self.bulk_recheck();
            }
            Command::Remove(row) => {
                self.bulk.rows.retain(|r| r.id != row);
                self.bulk_recheck();
            }
            Command::Clear => {
                self.bulk.rows.clear();
                self.bulk.left_out.clear();
            }
            Command::SendMatched => self.bulk_send(),
            Command::Export => self.bulk_export(),
        }
    }

    pub(super) fn on_bulk_done(&mut self, done: Done) {
        match done {
            Done::Added { rows, left_out } => {
                self.bulk.pending = self.bulk.pending.saturating_sub(1);
                let known: Vec<PathBuf> = self
                    .bulk
                    .rows
                    .iter()
                    .map(|r| r.facts.path.clone())
                    .collect();
                let fresh: Vec<Row> = rows
                    .into_iter()
                    .filter(|r| !known.contains(&r.facts.path))
                    .map(|mut r| {
                        self.bulk.next_id += 1;
                        r.id = self.bulk.next_id;
                        r
                    })
                    .collect();
                let ids: Vec<u64> = fresh.iter().map(|r| r.id).collect();
                self.bulk.rows.extend(fresh);
                self.bulk.left_out.extend(left_out);
                self.bulk_match(&ids);
            }
            Done::Matched(results) => {
                self.bulk.pending = self.bulk.pending.saturating_sub(1);
                for (id, result) in results {
                    let Some(row) = self.bulk.rows.iter_mut().find(|r| r.id == id) else {
                        continue;
                    };
                    let proposal = result.unwrap_or_else(|why| Proposal::Unmatched {
                        why: crate::t!("bulk-not-asked", error = why),
                    });
                    (row.candidate, row.why, row.why_key) = match &proposal {
                        Proposal::Matched { candidate, by, .. } => (
                            Some(candidate.clone()),
                            Some(by.describe()),
                            Some(by.as_str()),
                        ),
                        _ => (None, None, None),
                    };
                    row.proposal = Some(proposal);
                }
                self.bulk_recheck();
            }
            Done::Picked(paths) => {
                self.bulk.dialog_open = false;
                if let Some(paths) = paths {
                    self.bulk_add(paths);
                }
            }
            Done::Mapping(result) => {
                self.bulk.dialog_open = false;
                match result {
                    Some(Ok(mapping)) => {
                        self.bulk.mapping = Some(mapping);
                        // Files not yet sent and not chosen by hand are matched again.
                        let ids: Vec<u64> = self
                            .bulk
                            .rows
                            .iter()
                            .filter(|r| !r.sent && r.why_key != Some("chosen"))
                            .map(|r| r.id)
                            .collect();
                        self.bulk_match(&ids);
                    }
                    Some(Err(why)) => {
                        self.toasts.error(crate::model::visible(&why).into_owned());
                    }
                    None => {}
                }
            }
            Done::LookedUp(row, result) => match result {
                Ok(candidate) => {
                    self.bulk.typed_ids.remove(&row);
                    self.apply_bulk(Command::SetCandidate(row, Some(candidate)));
                }
                Err(why) => {
                    self.toasts.error(crate::model::visible(&why).into_owned());
                }
            },
            Done::Exported(result) => match result {
                Ok(Some(path)) => {
                    self.toasts.success(crate::t!(
                        "bulk-exported",
                        path = path.display().to_string()
                    ));
                }
                Ok(None) => {}
                Err(why) => {
                    self.toasts.error(why);
                }
            },
        }
    }

    /// The connection changed: candidates belong to the old system, so every unsent row is
    /// matched again.
    pub(super) fn bulk_connection_changed(&mut self) {
        let profile = self.profile();
        let ids: Vec<u64> = self
            .bulk
            .rows
            .iter_mut()
            .filter(|r| !r.sent)
            .map(|r| {
                r.proposal = None;
                r.candidate = None;
                r.why = None;
                r.why_key = None;
                if !r.type_chosen || profile.attachment_type(r.attachment_type.wire).is_none() {
                    r.attachment_type = profile.type_for_file_name(&r.facts.name);
                    r.type_chosen = false;
                }
                r.id
            })
            .collect();
        self.bulk_match(&ids);
    }

    fn bulk_add(&mut self, paths: Vec<PathBuf>) {
        if paths.is_empty() {
            return;
        }
        self.bulk.pending += 1;
        let opener = self.mail_in.opener.clone();
        let work = self.fixes.work_dir.clone();
        let reader = Arc::clone(&self.content.reader);
        let profile = self.profile();
        self.tasks.spawn(
            async move {
                let expansion = tokio::task::spawn_blocking(move || {
                    let stop = std::sync::atomic::AtomicBool::new(false);
                    let expansion = inspect::expand_until(&paths, inspect::MAX_ENTRIES, &stop);
                    crate::mail::open_mails(expansion, &opener, &work, &stop)
                })
                .await;
                let Ok(expansion) = expansion else {
                    return TaskResult::Bulk(Done::Added {
                        rows: Vec::new(),
                        left_out: vec![crashed(&crate::t!("bulk-crashed-add"))],
                    });
                };
                let left_out = expansion
                    .skipped
                    .iter()
                    .filter(|s| s.reason.is_listed())
                    .map(inspect::Skipped::message)
                    .collect();
                let rows = futures_util::stream::iter(expansion.files)
                    .map(|found| {
                        let reader = Arc::clone(&reader);
                        async move { read_row(found, &reader, profile).await }
                    })
                    .buffered(4)
                    .collect()
                    .await;
                TaskResult::Bulk(Done::Added { rows, left_out })
            },
            || {
                TaskResult::Bulk(Done::Added {
                    rows: Vec::new(),
                    left_out: vec![crashed(&crate::t!("bulk-crashed-add"))],
                })
            },
        );
    }

    /// Matches the rows `ids` in the background, paced by the account's upload lane.
    fn bulk_match(&mut self, ids: &[u64]) {
        let (Some(ready), Some(account), Some(engine)) = (
            self.connections.ready(),
            self.selected_account(),
            self.engine.as_ref(),
        ) else {
            return;
        };
        if ids.is_empty() {
            return;
        }
        let evidence: Vec<(u64, Evidence)> = self
            .bulk
            .rows
            .iter()
            .filter(|r| ids.contains(&r.id))
            .map(|r| (r.id, evidence_of(r)))
            .collect();
        let ignore = Ignore {
            domains: self
                .connections
                .settings
                .preferences
                .own_email_domains
                .clone(),
        };
        let mapping = self
            .bulk
            .mapping
            .as_ref()
            .map(|(_, m)| m.clone())
            .unwrap_or_default();
        let matcher = Matcher::new(
            Arc::clone(&ready.client),
            engine.lane_of(&account),
            ignore,
            mapping,
        );
        self.bulk.pending += 1;
        let failed: Vec<u64> = ids.to_vec();
        self.tasks.spawn(
            async move {
                let matcher = &matcher;
                let results = futures_util::stream::iter(evidence)
                    .map(|(id, e)| async move {
                        (id, matcher.propose(&e).await.map_err(|e| e.to_string()))
                    })
                    .buffered(MATCHING_AT_ONCE)
                    .collect()
                    .await;
                TaskResult::Bulk(Done::Matched(results))
            },
            move || {
                TaskResult::Bulk(Done::Matched(
                    failed
                        .into_iter()
                        .map(|id| (id, Err(crashed(&crate::t!("bulk-crashed-match")))))
                        .collect(),
                ))
            },
        );
    }

    /// Checks each candidate's rows together (counts per field are per candidate), judging
    /// each file's content for its candidate.
    pub(super) fn bulk_recheck(&mut self) {
        let profile = self.profile();
        let limits = self
            .connections
            .ready()
            .map_or_else(|| profile.limits(), |r| r.limits.clone());
        let ignore = Ignore {
            domains: self
                .connections
                .settings
                .preferences
                .own_email_domains
                .clone(),
        };
        for row in &mut self.bulk.rows {
            row.problems.clear();
        }
        let (indices, files): (Vec<usize>, Vec<ToCheck<'_>>) = self
            .bulk
            .rows
            .iter()
            .enumerate()
            .filter(|(_, row)| !row.sent)
            .filter_map(|(i, row)| {
                row.candidate.as_ref().map(|candidate| {
                    (
                        i,
                        ToCheck {
                            facts: &row.facts,
                            content: row.content.as_ref(),
                            candidate,
                            attachment_type: row.attachment_type,
                        },
                    )
                })
            })
            .unzip();
        let refusals =
            check::check_per_candidate(profile, &limits, &files, &ignore, Allowed::default());
        for (i, problems) in indices.into_iter().zip(refusals) {
            self.bulk.rows[i].problems = problems.iter().map(ToString::to_string).collect();
        }
    }

    fn bulk_send(&mut self) {
        let (Some(ready), Some(entry), Some(engine)) = (
            self.connections.ready().cloned(),
            self.connections.selected_entry(),
            self.engine.as_ref(),
        ) else {
            return;
        };
        let mut by_candidate: Vec<(Candidate, Vec<FileSpec>)> = Vec::new();
        for row in self.bulk.rows.iter_mut().filter(|r| r.sendable()) {
            let Some(candidate) = row.candidate.clone() else {
                continue;
            };
            row.sent = true;
            let spec = FileSpec {
                path: row.facts.path.clone(),
                name: row.facts.name.clone(),
                content_type: row.facts.content_type().to_owned(),
                attachment_type: row.attachment_type.wire.to_owned(),
                remote_id: None,
                allow_duplicate: false,
                skip_reason: None,
                checked_as: Some((row.facts.size, row.facts.modified)),
                made_from: Vec::new(),
                from_mail: row
                    .found
                    .from_mail
                    .as_ref()
                    .map(crate::mail::FromMail::origin),
            };
            match by_candidate.iter_mut().find(|(c, _)| c.id == candidate.id) {
                Some((_, files)) => files.push(spec),
                None => by_candidate.push((candidate, vec![spec])),
            }
        }
        let count: usize = by_candidate.iter().map(|(_, f)| f.len()).sum();
        let people = by_candidate.len();
        for (candidate, files) in by_candidate {
            let batch = engine.submit(BatchSpec {
                connection: ready.connection.clone(),
                source: entry.source(),
                target: crate::providers::UploadTarget {
                    candidate_id: candidate.id.clone(),
                    application_id: None,
                },
                candidate_name: Some(candidate.name.clone()).filter(|n| !n.is_empty()),
                files,
            });
            self.queue.expect_batch(batch);
        }
        if count > 0 {
            self.queue.last_summary =
                Some(crate::t!("bulk-uploading", count = count, people = people));
        }
    }

    /// How each row ended, in English words (`ready`, `uploaded`, `outcome unknown`), for the
    /// export and for the table to choose its colour by; [`App::bulk_outcome_text`] is what the
    /// table shows.
    #[must_use]
    pub fn bulk_outcome(&self, row: &Row) -> String {
        if row.sent {
            return self.bulk_queued(row).map_or_else(
                || "queued".to_owned(),
                |q| match q.outcome {
                    Some(outcome) => outcome.as_str().to_owned(),
                    None => state_word(q.state).to_owned(),
                },
            );
        }
        match (&row.proposal, &row.candidate) {
            (None, _) => "matching".to_owned(),
            (_, Some(_)) if !row.problems.is_empty() => "refused".to_owned(),
            (_, Some(_)) => "ready".to_owned(),
            (Some(Proposal::Ambiguous { .. }), None) => "ambiguous".to_owned(),
            (Some(_), None) => "unmatched".to_owned(),
        }
    }

    /// [`App::bulk_outcome`] as the table shows it, in the current language.
    #[must_use]
    pub fn bulk_outcome_text(&self, row: &Row) -> String {
        if row.sent
            && let Some(q) = self.bulk_queued(row)
            && q.outcome.is_none()
        {
            return q.state.label();
        }
        match self.bulk_outcome(row).as_str() {
            "matching" => crate::t!("bulk-status-matching"),
            "ready" => crate::t!("bulk-status-ready"),
            "refused" => crate::t!("bulk-status-refused"),
            "ambiguous" => crate::t!("bulk-status-ambiguous"),
            "unmatched" => crate::t!("bulk-status-unmatched"),
            "queued" => crate::t!("bulk-status-queued"),
            "uploaded" => crate::t!("bulk-status-uploaded"),
            "accepted" => crate::t!("bulk-status-accepted"),
            "failed" => crate::t!("bulk-status-failed"),
            "unknown" => crate::t!("bulk-status-unknown"),
            "skipped" => crate::t!("bulk-status-skipped"),
            "cancelled" => crate::t!("bulk-status-cancelled"),
            "unconfirmed" => crate::t!("bulk-status-unconfirmed"),
            other => other.to_owned(),
        }
    }

    /// The queue's row of a sent file (the latest, after a retry).
    fn bulk_queued(&self, row: &Row) -> Option<&super::queue::Row> {
        self.queue
            .rows
            .iter()
            .rev()
            .find(|q| q.path == row.facts.path)
    }

    fn bulk_export(&mut self) {
        let rows: Vec<ReportRow> = self
            .bulk
            .rows
            .iter()
            .map(|r| ReportRow {
                file: r.found.shown(),
                candidate: r
                    .candidate
                    .as_ref()
                    .map(|c| format!("{} ({})", c.name, c.id)),
                matched_by: r.why_key.map(str::to_owned),
                outcome: self.bulk_outcome(r),
            })
            .collect();
        self.tasks.spawn(
            async move {
                let Some(file) = rfd::AsyncFileDialog::new()
                    .set_title(crate::t!("bulk-export-title"))
                    .set_file_name("atsdrop-bulk.csv")
                    .add_filter("CSV", &["csv"])
                    .save_file()
                    .await
                else {
                    return TaskResult::Bulk(Done::Exported(Ok(None)));
                };
                let path = file.path().to_owned();
                let result = tokio::task::spawn_blocking(move || {
                    let out = std::fs::File::create(&path).map_err(|e| not_written(&path, &e))?;
                    crate::bulk::write_csv(&rows, std::io::BufWriter::new(out))
                        .map_err(|e| not_written(&path, &e))?;
                    Ok(Some(path))
                })
                .await
                .unwrap_or_else(|e| Err(crate::t!("bulk-export-failed", error = e.to_string())));
                TaskResult::Bulk(Done::Exported(result))
            },
            || {
                TaskResult::Bulk(Done::Exported(Err(crashed(&crate::t!(
                    "bulk-crashed-export"
                )))))
            },
        );
    }

    /// Looks up the candidate with `id` for `row`.
    fn bulk_look_up(&mut self, row: u64, id: &str) {
        let Some(ready) = self.connections.ready() else {
            return;
        };
        let id = id.trim().to_owned();
        if id.is_empty() {
            return;
        }
        let client = Arc::clone(&ready.client);
        self.tasks.spawn(
            async move {
                let result = client.get_candidate(&id).await.map_err(|e| e.to_string());
                TaskResult::Bulk(Done::LookedUp(row, result))
            },
            move || {
                TaskResult::Bulk(Done::LookedUp(
                    row,
                    Err(crashed(&crate::t!("bulk-crashed-look-up"))),
                ))
            },
        );
    }

    fn bulk_pick(&mut self, folder: bool) {
        if std::mem::replace(&mut self.bulk.dialog_open, true) {
            return;
        }
        self.tasks.spawn(
            async move {
                let dialog = rfd::AsyncFileDialog::new().set_title(if folder {
                    crate::t!("bulk-add-folder-title")
                } else {
                    crate::t!("bulk-add-files-title")
                });
                let paths = if folder {
                    dialog
                        .pick_folder()
                        .await
                        .map(|f| vec![f.path().to_owned()])
                } else {
                    dialog
                        .pick_files()
                        .await
                        .map(|files| files.iter().map(|f| f.path().to_owned()).collect())
                };
                TaskResult::Bulk(Done::Picked(paths))
            },
            || TaskResult::Bulk(Done::Picked(None)),
        );
    }

    fn bulk_pick_mapping(&mut self) {
        if std::mem::replace(&mut self.bulk.dialog_open, true) {
            return;
        }
        self.tasks.spawn(
            async move {
                let Some(file) = rfd::AsyncFileDialog::new()
                    .set_title(crate::t!("bulk-mapping-title"))
                    .add_filter("CSV", &["csv"])
                    .pick_file()
                    .await
                else {
                    return TaskResult::Bulk(Done::Mapping(None));
                };
                let path = file.path().to_owned();
                let read = tokio::task::spawn_blocking(move || {
                    Mapping::read(&path)
                        .map(|m| (path, m))
                        .map_err(|e| e.to_string())
                })
                .await
                .unwrap_or_else(|e| {
                    Err(crate::t!("bulk-mapping-unreadable", error = e.to_string()))
                });
                TaskResult::Bulk(Done::Mapping(Some(read)))
            },
            || {
                TaskResult::Bulk(Done::Mapping(Some(Err(crashed(&crate::t!(
                    "bulk-crashed-mapping"
                ))))))
            },
        );
    }
}

/// A queue state as the export writes it: the English words it always wrote, whatever the
/// language of the screen.
fn state_word(state: FileState) -> &'static str {
    match state {
        FileState::Queued => "queued",
        FileState::Uploading => "uploading",
        FileState::Verifying => "verifying",
        FileState::Accepted => "accepted, waiting",
        FileState::Done => "done",
        FileState::Failed => "failed",
        FileState::OutcomeUnknown => "outcome unknown",
        FileState::Skipped => "skipped",
        FileState::Cancelled => "cancelled",
        FileState::Unconfirmed => "not confirmed",
    }
}

/// Why the export to `path` could not be written.
fn not_written(path: &std::path::Path, e: &dyn std::fmt::Display) -> String {
    crate::t!(
        "bulk-export-not-written",
        path = path.display().to_string(),
        error = e.to_string()
    )
}

/// Inspects a file and reads its content.
async fn read_row(
    found: Found,
    reader: &crate::content::reader::ContentReader,
    profile: &'static model::ProviderProfile,
) -> Row {
    let read = check::read(&found.path, reader).await;
    let attachment_type = check::default_type(profile, &read.facts, read.content.as_deref());
    Row {
        id: 0,
        found,
        facts: read.facts,
        content: read.content,
        proposal: None,
        candidate: None,
        why: None,
        why_key: None,
        attachment_type,
        type_chosen: false,
        problems: Vec::new(),
        sent: false,
    }
}

fn evidence_of(row: &Row) -> Evidence {
    Evidence::of(&row.found, &row.facts, row.content.clone())
}
