//! Follows an engine's events for the command line: a progress bar on a terminal, one line
//! (or one JSON object) per finished file, and the exit code.

use std::collections::{HashMap, HashSet};
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::time::Duration;

use atsdrop::upload::{BatchId, FileId, FileState, Outcome, UploadEvent};
use indicatif::{ProgressBar, ProgressStyle};
use serde::Serialize;
use tokio::sync::mpsc::Receiver;

/// One `--json` line per file: `{"file", "status", "attachment_id"?, "error"?}`. `status` is
/// uploaded, accepted (journals from before confirmation), unconfirmed (accepted but not seen
/// on the candidate in time), failed, refused, skipped or waiting.
#[derive(Serialize)]
pub struct FileLine<'a> {
    /// The file's path.
    pub file: &'a str,
    /// uploaded, accepted, failed, refused or skipped.
    pub status: &'a str,
    /// The system's attachment id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attachment_id: Option<&'a str>,
    /// Why it failed, was refused or skipped.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<&'a str>,
    /// `bulk`: the candidate it went to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub candidate: Option<&'a str>,
    /// `bulk`: why it went to them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub matched_by: Option<&'a str>,
}

/// How a file is named in what `follow` prints, when not by its path (`bulk`: a mail's
/// attachment, with its candidate and why).
#[derive(Clone, Debug, Default)]
pub struct Label {
    /// The name shown ("Sollicitatie.eml › cv.pdf").
    pub shown: String,
    /// The candidate's id.
    pub candidate: Option<String>,
    /// Why (`email_in_file`).
    pub matched_by: Option<&'static str>,
}

/// A status word (`uploaded`, `refused`…, as `--json` writes it) as people read it in the
/// current language; a word without a translation stays as it is.
pub fn status_word(status: &str) -> String {
    match status {
        "uploaded" => atsdrop::t!("run-status-uploaded"),
        "accepted" => atsdrop::t!("run-status-accepted"),
        "skipped" => atsdrop::t!("run-status-skipped"),
        "unconfirmed" => atsdrop::t!("run-status-unconfirmed"),
        "failed" => atsdrop::t!("run-status-failed"),
        "unknown" => atsdrop::t!("run-status-unknown"),
        "cancelled" => atsdrop::t!("run-status-cancelled"),
        "refused" => atsdrop::t!("run-status-refused"),
        "unmatched" => atsdrop::t!("run-status-unmatched"),
        "ambiguous" => atsdrop::t!("run-status-ambiguous"),
        "ready" => atsdrop::t!("run-status-ready"),
        other => other.to_owned(),
    }
}

/// The width of the longest of the status words `statuses` in the current language (a
/// column of them, which English has always padded to its own longest word).
pub fn status_width(statuses: &[&str]) -> usize {
    statuses
        .iter()
        .map(|s| status_word(s).chars().count())
        .max()
        .unwrap_or(0)
}

/// Prints one JSON line.
pub fn print_json(line: &FileLine<'_>) {
    let mut out = std::io::stdout().lock();
    if serde_json::to_writer(&mut out, line).is_ok() {
        let _ = writeln!(out);
        let _ = out.flush();
    }
}

/// How the files ended.
#[derive(Debug, Default, Clone, Copy)]
pub struct Tally {
    /// Uploaded or accepted.
    pub delivered: usize,
    /// Skipped.
    pub skipped: usize,
    /// Failed, cancelled, or outcome unknown.
    pub failed: usize,
}

struct FileInfo {
    path: PathBuf,
    size: u64,
    sent: u64,
    /// Whether its final state was reported.
    ended: bool,
}

/// What `follow` keeps while events arrive.
struct Follower {
    json: bool,
    /// The width of the status column in text output.
    width: usize,
    labels: HashMap<PathBuf, Label>,
    bar: Option<ProgressBar>,
    files: HashMap<FileId, FileInfo>,
    tally: Tally,
}

impl Follower {
    fn new(json: bool, labels: HashMap<PathBuf, Label>) -> Self {
        let bar = (!json && std::io::stderr().is_terminal()).then(|| {
            let bar = ProgressBar::new(0);
            bar.set_style(
                ProgressStyle::with_template(
                    "{bar:30} {bytes}/{total_bytes} {bytes_per_sec} {msg}",
                )
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
            );
            bar.enable_steady_tick(Duration::from_millis(200));
            bar
        });
        Self {
            json,
            // One space after the longest word; "unconfirmed", rarer, is longer than the
            // English column has always been and is left out of it.
            width: status_width(&["uploaded", "accepted", "skipped", "failed"]) + 1,
            labels,
            bar,
            files: HashMap::new(),
            tally: Tally::default(),
        }
    }

    /// A line for the terminal, above the progress bar if there is one.
    fn say(&self, text: String) {
        match &self.bar {
            Some(bar) => bar.println(text),
            None => {
                let _ = writeln!(super::printable::stdout(), "{text}");
            }
        }
    }

    fn handle(&mut self, event: UploadEvent) {
        match event {
            UploadEvent::Queued {
                file, path, size, ..
            } => {
                if let Some(bar) = &self.bar {
                    bar.inc_length(size);
                }
                self.files.insert(
                    file,
                    FileInfo {
                        path,
                        size,
                        sent: 0,
                        ended: false,
                    },
                );
            }
            UploadEvent::Progress { file, sent, .. } => {
                let Some(info) = self.files.get_mut(&file) else {
                    return;
                };
                if let Some(bar) = &self.bar {
                    bar.inc(sent.saturating_sub(info.sent));
                    let name = info
                        .path
                        .file_name()
                        .map(|n| n.to_string_lossy().into_owned());
                    bar.set_message(name.unwrap_or_default());
                }
                info.sent = info.sent.max(sent);
            }
            UploadEvent::State {
                file,
                state,
                message,
                attachment_id,
                outcome,
                ..
            } if state.is_final() => {
                // `--json` carries English; text output speaks the user's language.
                let message = message.map(|m| {
                    if self.json {
                        m.english()
                    } else {
                        m.to_string()
                    }
                });
                self.finished(&file, state, message, attachment_id.as_deref(), outcome);
            }
            UploadEvent::LanePaused { connection, delay } if !self.json => {
                self.say(atsdrop::t!(
                    "run-slow-down",
                    connection = connection,
                    wait = atsdrop::i18n::duration(delay)
                ));
            }
            UploadEvent::Warning { message } => match &self.bar {
                Some(bar) => bar.println(format!("atsdrop: {message}")),
                None => super::printable::warn(&message),
            },
            _ => {}
        }
    }

    fn finished(
        &mut self,
        file: &FileId,
        state: FileState,
        message: Option<String>,
        attachment_id: Option<&str>,
        outcome: Option<Outcome>,
    ) {
        let Some(info) = self.files.get_mut(file) else {
            return;
        };
        if info.ended {
            // Already counted (a file reported twice must not count twice).
            return;
        }
        info.ended = true;
        if let Some(bar) = &self.bar {
            bar.inc(info.size.saturating_sub(info.sent));
        }
        info.sent = info.size;
        let label = self.labels.get(&info.path).cloned().unwrap_or_default();
        let path = if label.shown.is_empty() {
            info.path.to_string_lossy().into_owned()
        } else {
            label.shown.clone()
        };
        let size = info.size;
        let status = match (state, outcome) {
            (FileState::Done, Some(Outcome::Accepted)) => "accepted",
            (FileState::Done, _) => "uploaded",
            (FileState::Skipped, _) => "skipped",
            (FileState::Unconfirmed, _) => "unconfirmed",
            _ => "failed",
        };
        match status {
            "uploaded" | "accepted" => self.tally.delivered += 1,
            "skipped" => self.tally.skipped += 1,
            _ => self.tally.failed += 1,
        }
        let error = match state {
            FileState::Done => None,
            FileState::OutcomeUnknown => {
                // `--json` says it in English, like the engine's sentence.
                let text =
                    atsdrop::text!("run-outcome-unknown", message = message.unwrap_or_default());
                Some(if self.json {
                    text.english()
                } else {
                    text.to_string()
                })
            }
            _ => message,
        };
        if self.json {
            print_json(&FileLine {
                file: &path,
                status,
                attachment_id,
                error: error.as_deref(),
                candidate: label.candidate.as_deref(),
                matched_by: label.matched_by,
            });
            return;
        }
        let detail = match (&error, attachment_id) {
            (Some(e), _) => format!(": {e}"),
            (None, Some(id)) => format!(
                " ({})",
                atsdrop::t!("run-stored-as", size = atsdrop::i18n::size(size), id = id)
            ),
            (None, None) => format!(" ({})", atsdrop::i18n::size(size)),
        };
        let to = label
            .candidate
            .as_deref()
            .map(|c| format!(" \u{2192} {c}"))
            .unwrap_or_default();
        // The column pads to its width; a longer word ("unconfirmed") still gets its space.
        let (word, pad) = (status_word(status), self.width.saturating_sub(1));
        self.say(format!("{word:<pad$} {path}{to}{detail}"));
    }

    /// The engine stopped before these files ended: each counts as failed, with the reason.
    fn abandoned(&mut self) {
        let open: Vec<FileId> = self
            .files
            .iter()
            .filter(|(_, info)| !info.ended)
            .map(|(id, _)| id.clone())
            .collect();
        // `--json` carries it in English.
        let text = atsdrop::text!("run-stopped-before-finished");
        let reason = if self.json {
            text.english()
        } else {
            text.to_string()
        };
        for id in open {
            self.finished(&id, FileState::Failed, Some(reason.clone()), None, None);
        }
    }
}

/// Reads events until every batch in `batches` has finished; prints as files finish. Should
/// the engine stop first, the files left count as failed, each with the reason.
pub async fn follow(
    events: &mut Receiver<UploadEvent>,
    batches: HashSet<BatchId>,
    json: bool,
) -> Tally {
    follow_with(events, batches, json, HashMap::new()).await
}

/// [`follow`], naming the files of `labels` as they say.
pub async fn follow_with(
    events: &mut Receiver<UploadEvent>,
    mut batches: HashSet<BatchId>,
    json: bool,
    labels: HashMap<PathBuf, Label>,
) -> Tally {
    let mut follower = Follower::new(json, labels);
    while !batches.is_empty() {
        let Some(event) = events.recv().await else {
            follower.abandoned();
            eprintln!("atsdrop: {}", atsdrop::t!("run-engine-stopped"));
            // Even when not one file had been announced, the run did not finish.
            follower.tally.failed = follower.tally.failed.max(1);
            break;
        };
        if let UploadEvent::BatchFinished { batch, .. } = &event {
            batches.remove(batch);
        }
        follower.handle(event);
    }
    if let Some(bar) = follower.bar {
        bar.finish_and_clear();
    }
    follower.tally
}

/// The exit code for a tally: 0 when everything was delivered or skipped, else 1.
#[must_use]
pub fn exit_code(tally: Tally) -> u8 {
    if tally.failed > 0 {
        super::EXIT_FAILED
    } else {
        super::EXIT_OK
    }
}
