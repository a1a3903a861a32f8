//! Fixes in the app: for each refused file whose refusal has a mechanical fix, the fix is
//! prepared in the background by `atsdrop fix` (a process of its own: it decodes pictures and
//! copies PDF pages of untrusted files) into the work folder, and offered only when its result
//! passes every check — *Fix: renamed to photo.png*. Taking it swaps the row to the fixed copy,
//! which says what it was made from; the original is never changed. Selected rows can be
//! combined into one PDF the same way. Fixed copies are removed once uploaded, and any left in
//! the work folder after 7 days when the app starts.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, SystemTime};

use tokio::io::AsyncReadExt as _;

use crate::fix::{Action, Why};
use crate::i18n::Text;
use crate::model::{FileFacts, FileKind, ProblemKind, ProviderId};
use crate::upload::Original;

use super::staging::Row;
use super::{App, TaskResult};

/// How long a fix may take before its process is stopped.
const TIME_LIMIT: Duration = Duration::from_mins(1);
/// Fixed copies older than this are removed when the app starts.
const KEEP_FOR: Duration = Duration::from_hours(7 * 24);
/// The most bytes of answer read from a fix process.
const MAX_ANSWER: u64 = 256 * 1024;

/// A fix ready to take (its result passed every check).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Offer {
    /// The fixed copy.
    pub output: PathBuf,
    /// What was done ("renamed to photo.png"), said in the current language when shown.
    pub actions: Vec<Action>,
}

/// What is known about fixing one row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FixState {
    /// Being prepared.
    Preparing,
    /// Ready to take.
    Ready(Offer),
    /// No fix makes it pass (the sentence says why, in the current language when shown).
    Cannot(Text),
}

/// The fixes' state.
pub struct State {
    /// The `atsdrop` program run as `atsdrop fix`.
    program: PathBuf,
    /// Where fixed copies go.
    pub work_dir: PathBuf,
    /// Per row: what fixing it gives, for the type and system it was prepared for.
    pub offers: HashMap<u64, (String, FixState)>,
    /// A combination being made.
    pub combining: bool,
    next: u64,
}

impl State {
    /// The state for fixes run by `program`, writing into `work_dir`.
    #[must_use]
    pub fn new(program: PathBuf, work_dir: PathBuf) -> Self {
        Self {
            program,
            work_dir,
            offers: HashMap::new(),
            combining: false,
            next: 0,
        }
    }
}

/// Background results of fixes.
pub enum Done {
    /// A fix for a row was prepared (or not).
    Prepared {
        /// The row.
        row: u64,
        /// The system, type and file it was prepared for.
        key: String,
        /// The outcome.
        state: FixState,
    },
    /// Rows were combined into one PDF (or not).
    Combined {
        /// The rows combined.
        rows: Vec<u64>,
        /// The PDF's facts, what was done and the originals, or why not.
        result: Result<(FileFacts, Vec<Action>, Vec<Original>), Text>,
    },
    /// A taken fix's facts were read.
    Taken {
        /// The row.
        row: u64,
        /// The fixed copy's facts.
        facts: FileFacts,
        /// What was done.
        actions: Vec<Action>,
        /// The original, by name and sha256.
        original: Option<Original>,
    },
}

/// The problems a fix can do something about.
fn fixable(kind: ProblemKind) -> bool {
    matches!(
        kind,
        ProblemKind::Mismatch | ProblemKind::TypeNotAllowed | ProblemKind::TooLarge
    )
}

/// What a prepared fix depends on: the system, the type and the file.
fn key(provider: ProviderId, row: &Row) -> String {
    format!(
        "{}|{}|{}",
        provider.display_name(),
        row.attachment_type.wire,
        row.facts.path.display()
    )
}

impl App {
    /// Prepares a fix for every refused row with a fixable refusal not prepared yet (for its
    /// current system and type). Called after every check.
    pub(super) fn prepare_fixes(&mut self) {
        let provider = self.profile().id;
        let mut start = Vec::new();
        for (row, verdict) in self.staging.rows.iter().zip(&self.staging.report.files) {
            let refused: Vec<ProblemKind> = verdict
                .problems
                .iter()
                .filter(|p| p.kind.blocks())
                .map(|p| p.kind)
                .collect();
            // A program is never made into something sendable: there is nothing to fix.
            let program = row.facts.content.as_ref().is_some_and(FileKind::is_program);
            if program || refused.is_empty() || !refused.iter().all(|k| fixable(*k)) {
                continue;
            }
            let key = key(provider, row);
            if self
                .fixes
                .offers
                .get(&row.id)
                .is_some_and(|(k, _)| *k == key)
            {
                continue;
            }
            start.push((
                row.id,
                key,
                row.facts.path.clone(),
                row.attachment_type.wire,
            ));
        }
        for (row, key, path, wire) in start {
            self.fixes
                .offers
                .insert(row, (key.clone(), FixState::Preparing));
            self.fixes.next += 1;
            let out =
                self.fixes
                    .work_dir
                    .join(format!("{}-{}", std::process::id(), self.fixes.next));
            let args = fix_args(provider, wire, &out, &[path], false);
            let program = self.fixes.program.clone();
            let if_panics = key.clone();
            self.tasks.spawn(
                async move {
                    let state = match run_fix(&program, &args).await {
                        Ok(lines) => state_of(lines.first()),
                        Err(why) => FixState::Cannot(why),
                    };
                    TaskResult::Fixes(Done::Prepared { row, key, state })
                },
                move || {
                    TaskResult::Fixes(Done::Prepared {
                        row,
                        key: if_panics,
                        state: FixState::Cannot(crate::text!("fix-stopped")),
                    })
                },
            );
        }
    }

    /// Takes the prepared fix of `row`: the row now holds the fixed copy.
    pub(super) fn take_fix(&mut self, row: u64) {
        let Some((_, FixState::Ready(offer))) = self.fixes.offers.get(&row).cloned() else {
            return;
        };
        let output = offer.output.clone();
        let original = self
            .staging
            .rows
            .iter()
            .find(|r| r.id == row)
            .map(|r| r.facts.path.clone());
        self.tasks.spawn_blocking(
            move || {
                TaskResult::Fixes(Done::Taken {
                    row,
                    facts: crate::inspect::inspect(&output),
                    actions: offer.actions,
                    original: original.as_deref().and_then(original_of),
                })
            },
            || TaskResult::Failed(crate::t!("fix-take-failed")),
        );
    }

    /// Combines the selected rows, in the order they were selected, into one PDF.
    pub(super) fn combine_selected(&mut self) {
        let selected: Vec<&Row> = self
            .staging
            .selection_order
            .iter()
            .filter_map(|id| self.staging.rows.iter().find(|r| r.id == *id && r.selected))
            .collect();
        if selected.len() < 2 || self.fixes.combining {
            return;
        }
        let rows: Vec<u64> = selected.iter().map(|r| r.id).collect();
        let paths: Vec<PathBuf> = selected.iter().map(|r| r.facts.path.clone()).collect();
        let provider = self.profile().id;
        let wire = selected[0].attachment_type.wire;
        self.fixes.next += 1;
        let out = self
            .fixes
            .work_dir
            .join(format!("{}-{}", std::process::id(), self.fixes.next));
        let args = fix_args(provider, wire, &out, &paths, true);
        let program = self.fixes.program.clone();
        let originals = paths.clone();
        self.fixes.combining = true;
        let if_panics = rows.clone();
        self.tasks.spawn(
            async move {
                let result = match run_fix(&program, &args).await {
                    Ok(lines) => match state_of(lines.first()) {
                        FixState::Ready(offer) => {
                            let output = offer.output.clone();
                            tokio::task::spawn_blocking(move || {
                                let originals =
                                    originals.iter().filter_map(|p| original_of(p)).collect();
                                (crate::inspect::inspect(&output), originals)
                            })
                            .await
                            .map(|(facts, originals)| (facts, offer.actions, originals))
                            .map_err(|_| crate::text!("fix-combined-unreadable"))
                        }
                        FixState::Cannot(why) => Err(why),
                        FixState::Preparing => Err(crate::text!("fix-not-combined")),
                    },
                    Err(why) => Err(why),
                };
                TaskResult::Fixes(Done::Combined { rows, result })
            },
            move || {
                TaskResult::Fixes(Done::Combined {
                    rows: if_panics,
                    result: Err(crate::text!("fix-combining-stopped")),
                })
            },
        );
    }

    pub(super) fn on_fixes_done(&mut self, done: Done) {
        match done {
            Done::Prepared { row, key, state } => {
                if self.fixes.offers.get(&row).is_some_and(|(k, _)| *k == key) {
                    self.fixes.offers.insert(row, (key, state));
                }
            }
            Done::Taken {
                row,
                facts,
                actions,
                original,
            } => {
                let Some(position) = self.staging.rows.iter().position(|r| r.id == row) else {
                    return;
                };
                let name = self.staging.rows[position].facts.name.clone();
                let ty = self.staging.rows[position].attachment_type;
                self.staging.next_id += 1;
                let mut fixed = Row::new(self.staging.next_id, facts, self.profile());
                fixed.attachment_type = ty;
                fixed.type_source = super::staging::TypeSource::User;
                fixed.made_from = Some(crate::t!(
                    "fix-made-from",
                    names = name,
                    actions = said(&actions)
                ));
                fixed.originals = original.into_iter().collect();
                fixed
                    .from_mail
                    .clone_from(&self.staging.rows[position].from_mail);
                self.staging.rows[position] = fixed;
                self.fixes.offers.remove(&row);
                self.after_rows_changed();
            }
            Done::Combined { rows, result } => {
                self.fixes.combining = false;
                match result {
                    Ok((facts, actions, originals)) => {
                        let Some(position) =
                            self.staging.rows.iter().position(|r| rows.contains(&r.id))
                        else {
                            return;
                        };
                        // In the order combined (the order of selection).
                        let names: Vec<String> = rows
                            .iter()
                            .filter_map(|id| self.staging.rows.iter().find(|r| r.id == *id))
                            .map(|r| r.facts.name.clone())
                            .collect();
                        let ty = self.staging.rows[position].attachment_type;
                        self.staging.next_id += 1;
                        let mut combined = Row::new(self.staging.next_id, facts, self.profile());
                        combined.attachment_type = ty;
                        combined.type_source = super::staging::TypeSource::User;
                        combined.made_from = Some(crate::t!(
                            "fix-made-from",
                            names = names.join(", "),
                            actions = said(&actions)
                        ));
                        combined.originals = originals;
                        self.staging.rows[position] = combined;
                        self.staging.rows.retain(|r| !rows.contains(&r.id));
                        self.after_rows_changed();
                    }
                    Err(why) => {
                        self.toasts
                            .error(crate::model::visible(&why.to_string()).into_owned());
                    }
                }
            }
        }
    }

    /// Rows were replaced: read what is new, check everything again.
    fn after_rows_changed(&mut self) {
        self.read_new_contents();
        self.revalidate();
    }

    /// Removes the fixed copies among `paths` (uploaded: no longer needed).
    pub(super) fn forget_fixed_copies(&mut self, paths: Vec<PathBuf>) {
        let work = self.fixes.work_dir.clone();
        let ours: Vec<PathBuf> = paths.into_iter().filter(|p| p.starts_with(&work)).collect();
        if ours.is_empty() {
            return;
        }
        self.tasks.spawn_blocking(
            move || {
                for path in ours {
                    let _ = std::fs::remove_file(&path);
                    // Its folders up to the work folder, each only when empty (a mail's
                    // attachment lives in `mail-…/<n>/`).
                    for dir in path.ancestors().skip(1) {
                        if dir == work
                            || !dir.starts_with(&work)
                            || std::fs::remove_dir(dir).is_err()
                        {
                            break;
                        }
                    }
                }
                TaskResult::Nothing
            },
            || TaskResult::Nothing,
        );
    }

    /// Removes work folders left from fixes older than 7 days (at start, in the background).
    pub(super) fn clean_work_folder(&self) {
        let work = self.fixes.work_dir.clone();
        self.tasks.spawn_blocking(
            move || {
                clean_older_than(&work, KEEP_FOR);
                TaskResult::Nothing
            },
            || TaskResult::Nothing,
        );
    }
}

/// The original at `path` by name and sha256 (for the history), when it can be read.
fn original_of(path: &Path) -> Option<Original> {
    let sha256 = crate::inspect::sha256(path).ok()?;
    Some(Original {
        name: path.file_name()?.to_string_lossy().into_owned(),
        sha256: crate::inspect::to_hex(&sha256),
    })
}

/// The command line of `atsdrop fix` for these files.
fn fix_args(
    provider: ProviderId,
    wire: &str,
    out: &Path,
    paths: &[PathBuf],
    combine: bool,
) -> Vec<std::ffi::OsString> {
    let mut args: Vec<std::ffi::OsString> = vec![
        "fix".into(),
        "--provider".into(),
        provider.to_string().into(),
        "--type".into(),
        wire.into(),
        "--out".into(),
        out.into(),
        "--json".into(),
    ];
    if combine {
        args.push("--combine".into());
    }
    args.push("--".into());
    args.extend(paths.iter().map(Into::into));
    args
}

/// What was done, in the current language, one after the other.
#[must_use]
pub fn said(actions: &[Action]) -> String {
    actions
        .iter()
        .map(|a| a.text().to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

/// One answer line of `atsdrop fix --json`: what was done and why not as data, said in the
/// app's language (`actions` and `error` are English).
#[derive(serde::Deserialize)]
struct Line {
    status: String,
    output: Option<PathBuf>,
    #[serde(default)]
    action_details: Vec<Action>,
    error: Option<String>,
    error_detail: Option<Why>,
}

fn state_of(line: Option<&Line>) -> FixState {
    match line {
        Some(Line {
            status,
            output: Some(output),
            action_details,
            ..
        }) if status == "fixed" => FixState::Ready(Offer {
            output: output.clone(),
            actions: action_details.clone(),
        }),
        // The refusal itself is said by the check: only why no fix passes.
        Some(Line {
            error_detail: Some(why),
            ..
        }) => FixState::Cannot(why.without_refusal()),
        Some(Line {
            error: Some(error), ..
        }) => FixState::Cannot(Text::verbatim(error)),
        Some(_) => FixState::Cannot(crate::text!("fix-none-passes")),
        None => FixState::Cannot(crate::text!("fix-no-answer")),
    }
}

/// Runs `atsdrop fix` and reads its JSON lines (bounded in size and time).
async fn run_fix(program: &Path, args: &[std::ffi::OsString]) -> Result<Vec<Line>, Text> {
    let mut child = tokio::process::Command::new(program)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .kill_on_drop(true)
        .spawn()
        .map_err(|e| crate::text!("fix-cannot-start-because", error = e.to_string()))?;
    let stdout = child
        .stdout
        .take()
        .ok_or_else(|| crate::text!("fix-cannot-start"))?;
    let answer = async {
        let mut text = String::new();
        let read = stdout.take(MAX_ANSWER).read_to_string(&mut text).await;
        let _ = child.wait().await;
        read.map(|_| text)
    };
    let text = tokio::time::timeout(TIME_LIMIT, answer)
        .await
        .map_err(|_| crate::text!("fix-too-long"))?
        .map_err(|e| crate::text!("fix-answer-unreadable", error = e.to_string()))?;
    Ok(text
        .lines()
        .filter_map(|l| serde_json::from_str(l).ok())
        .collect())
}

/// Removes the folders in `work` last changed longer than `age` ago.
fn clean_older_than(work: &Path, age: Duration) {
    let Ok(entries) = std::fs::read_dir(work) else {
        return;
    };
    let now = SystemTime::now();
    for entry in entries.flatten() {
        let old = entry
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| now.duration_since(t).ok())
            .is_some_and(|d| d > age);
        if old {
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_work_folders_older_than_the_limit_are_removed() {
        let work = tempfile::tempdir().unwrap();
        let old = work.path().join("old");
        let new = work.path().join("new");
        for dir in [&old, &new] {
            std::fs::create_dir(dir).unwrap();
            std::fs::write(dir.join("photo.png"), b"x").unwrap();
        }
        let eight_days_ago = SystemTime::now() - Duration::from_hours(8 * 24);
        std::fs::File::open(&old)
            .unwrap()
            .set_modified(eight_days_ago)
            .unwrap();
        clean_older_than(work.path(), KEEP_FOR);
        assert!(!old.exists(), "a week-old fix is gone");
        assert!(new.join("photo.png").exists(), "a fresh one stays");
    }
}
