//! The history view: finished uploads read from the journal, filtered by candidate or file,
//! exported as CSV.

use std::path::PathBuf;

use crate::upload::history::{self, HistoryEntry};

use super::{App, TaskResult, crashed};

/// Why an export to `path` could not be written.
fn not_written(path: &std::path::Path, e: &dyn std::fmt::Display) -> String {
    crate::t!(
        "history-export-not-written",
        path = path.display().to_string(),
        error = e.to_string()
    )
}

/// The history's state.
#[derive(Default)]
pub struct State {
    /// Entries, newest first.
    pub entries: Vec<HistoryEntry>,
    /// Being read.
    pub loading: bool,
    /// The read whose answer is awaited (an older one answering late is ignored).
    pub request: u64,
    /// Why it could not be read.
    pub error: Option<String>,
    /// Filter text (candidate or file).
    pub filter: String,
}

impl State {
    /// Entries matching the filter (case-insensitive, on file name, candidate name or id).
    #[must_use]
    pub fn filtered(&self) -> Vec<&HistoryEntry> {
        let needle = self.filter.trim().to_lowercase();
        self.entries
            .iter()
            .filter(|e| {
                needle.is_empty()
                    || e.file_name.to_lowercase().contains(&needle)
                    || e.candidate_id.to_lowercase().contains(&needle)
                    || e.candidate_name
                        .as_deref()
                        .is_some_and(|n| n.to_lowercase().contains(&needle))
            })
            .collect()
    }
}

/// What the history view asks for.
#[derive(Clone, Debug)]
pub enum Command {
    /// Read the journal again.
    Refresh,
    /// Export the (filtered) history as CSV via a save dialog.
    Export,
}

/// Background results for the history.
pub enum Done {
    /// The journal was read.
    Loaded {
        /// Which read.
        request: u64,
        /// The entries, or why not.
        result: Result<Vec<HistoryEntry>, String>,
    },
    /// An export finished (or was cancelled: `Ok(None)`).
    Exported(Result<Option<PathBuf>, String>),
}

impl App {
    pub(super) fn apply_history(&mut self, command: &Command) {
        match command {
            Command::Refresh => self.load_history(),
            Command::Export => {
                let entries: Vec<HistoryEntry> =
                    self.history.filtered().into_iter().cloned().collect();
                self.tasks.spawn(
                    async move {
                        let Some(file) = rfd::AsyncFileDialog::new()
                            .set_title(crate::t!("history-export-title"))
                            .set_file_name("atsdrop-history.csv")
                            .add_filter("CSV", &["csv"])
                            .save_file()
                            .await
                        else {
                            return TaskResult::History(Done::Exported(Ok(None)));
                        };
                        let path = file.path().to_owned();
                        let result = tokio::task::spawn_blocking(move || {
                            let out =
                                std::fs::File::create(&path).map_err(|e| not_written(&path, &e))?;
                            history::write_csv(&entries, std::io::BufWriter::new(out))
                                .map_err(|e| not_written(&path, &e))?;
                            Ok(Some(path))
                        })
                        .await
                        .unwrap_or_else(|e| {
                            Err(crate::t!("history-export-failed", error = e.to_string()))
                        });
                        TaskResult::History(Done::Exported(result))
                    },
                    || {
                        TaskResult::History(Done::Exported(Err(crashed(&crate::t!(
                            "history-crashed-export"
                        )))))
                    },
                );
            }
        }
    }

    pub(super) fn on_history_done(&mut self, done: Done) {
        match done {
            Done::Loaded { request, result } => {
                if request != self.history.request {
                    return;
                }
                self.history.loading = false;
                match result {
                    Ok(entries) => {
                        self.history.error = None;
                        self.history.entries = entries;
                        self.mark_duplicates();
                    }
                    Err(e) => self.history.error = Some(e),
                }
            }
            Done::Exported(Ok(None)) => {}
            Done::Exported(Ok(Some(path))) => {
                self.toasts.success(crate::t!(
                    "history-exported",
                    path = path.display().to_string()
                ));
            }
            Done::Exported(Err(e)) => {
                self.toasts.error(e.clone());
            }
        }
    }

    /// Reads the journal's history in the background.
    pub(super) fn load_history(&mut self) {
        let path = crate::upload::journal::path_in(&self.journal_dir);
        self.history.loading = true;
        self.history.request += 1;
        let request = self.history.request;
        self.tasks.spawn_blocking(
            move || {
                TaskResult::History(Done::Loaded {
                    request,
                    result: history::read(&path).map_err(|e| e.to_string()),
                })
            },
            move || {
                TaskResult::History(Done::Loaded {
                    request,
                    result: Err(crashed(&crate::t!("history-crashed-read"))),
                })
            },
        );
    }
}
