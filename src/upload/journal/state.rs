//! What the journal's lines add up to: batches and file jobs, replayed record by record.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::{Mtime, Record};
use crate::upload::account::Account;
use crate::upload::lifecycle::Life;
use crate::upload::types::{BatchId, FileId, Outcome};
use crate::upload::types::{MailOrigin, Original};

/// A batch as the journal knows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BatchEntry {
    /// Its id.
    pub batch: BatchId,
    /// When it was submitted.
    pub at: String,
    /// The account.
    pub connection: Account,
    /// The candidate.
    pub candidate_id: String,
    /// The candidate's name.
    pub candidate_name: Option<String>,
    /// Kombo application.
    pub application_id: Option<String>,
    /// The engine that submitted it.
    pub owner: String,
}

/// A file job as the journal knows it after replay.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileEntry {
    /// Its id.
    pub file: FileId,
    /// Its batch.
    pub batch: BatchId,
    /// Where it is.
    pub path: PathBuf,
    /// Name sent.
    pub name: String,
    /// Size when queued.
    pub size: u64,
    /// Modification time when queued.
    pub mtime: Option<Mtime>,
    /// MIME type.
    pub content_type: String,
    /// Attachment type.
    pub attachment_type: String,
    /// Endorsed remote id.
    pub remote_id: Option<String>,
    /// For a fixed copy: the files it was made from.
    pub made_from: Vec<Original>,
    /// For a mail's attachment: the mail.
    pub from_mail: Option<MailOrigin>,
    /// Hex sha256, once computed.
    pub sha256: Option<String>,
    /// XXH3-128, once computed.
    pub xxh3: Option<u128>,
    /// Its lifecycle: owner, attempts, whether to check first, and how it ended.
    pub life: Life,
}

impl FileEntry {
    /// The entry a `File` record makes (nothing else makes one), queued by `owner`.
    #[must_use]
    pub fn queued(record: &Record, owner: &str) -> Option<Self> {
        let Record::File {
            file,
            batch,
            path,
            name,
            size,
            mtime,
            content_type,
            attachment_type,
            remote_id,
            made_from,
            from_mail,
        } = record
        else {
            return None;
        };
        Some(Self {
            file: file.clone(),
            batch: batch.clone(),
            path: path.clone(),
            name: name.clone(),
            size: *size,
            mtime: *mtime,
            content_type: content_type.clone(),
            attachment_type: attachment_type.clone(),
            remote_id: remote_id.clone(),
            made_from: made_from.clone(),
            from_mail: from_mail.clone(),
            sha256: None,
            xxh3: None,
            life: Life::new(owner),
        })
    }

    /// The `File` record that queued it.
    #[must_use]
    pub fn file_record(&self) -> Record {
        Record::File {
            file: self.file.clone(),
            batch: self.batch.clone(),
            path: self.path.clone(),
            name: self.name.clone(),
            size: self.size,
            mtime: self.mtime,
            content_type: self.content_type.clone(),
            attachment_type: self.attachment_type.clone(),
            remote_id: self.remote_id.clone(),
            made_from: self.made_from.clone(),
            from_mail: self.from_mail.clone(),
        }
    }

    /// Applies a record about this job: its fingerprints, or its lifecycle.
    pub fn apply(&mut self, record: &Record) {
        match record {
            Record::Hashed { sha256, xxh3, .. } => {
                self.sha256 = Some(sha256.clone());
                self.xxh3 = xxh3
                    .as_deref()
                    .and_then(|h| u128::from_str_radix(h, 16).ok());
            }
            other => self.life.apply(other),
        }
    }
}

/// How a job ended.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EndEntry {
    /// The outcome.
    pub outcome: Outcome,
    /// When.
    pub at: String,
    /// Attachment id.
    pub attachment_id: Option<String>,
    /// Message.
    pub message: Option<String>,
}

/// The whole journal replayed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct JournalState {
    /// Batches by id.
    pub batches: HashMap<BatchId, BatchEntry>,
    /// Files in the order they were queued.
    pub files: Vec<FileEntry>,
    index: HashMap<FileId, usize>,
    /// Positions in `files` by path, so deciding about a file does not scan the whole history.
    by_path: HashMap<PathBuf, Vec<usize>>,
    /// Lines that could not be read (a torn last write after a crash).
    pub unreadable_lines: usize,
}

impl JournalState {
    /// Every entry for `path`, in the order they were queued.
    pub fn files_at<'a>(&'a self, path: &Path) -> impl Iterator<Item = &'a FileEntry> + 'a {
        self.by_path
            .get(path)
            .into_iter()
            .flatten()
            .filter_map(|&i| self.files.get(i))
    }

    /// A file by id.
    #[must_use]
    pub fn file(&self, id: &FileId) -> Option<&FileEntry> {
        self.index.get(id).map(|&i| &self.files[i])
    }

    /// Applies one record: a batch, a file queued, or a step of a job (see
    /// [`Life::apply`]).
    pub fn apply(&mut self, record: Record) {
        match record {
            Record::Batch {
                batch,
                owner,
                at,
                connection,
                candidate_id,
                candidate_name,
                application_id,
            } => {
                let entry = BatchEntry {
                    batch: batch.clone(),
                    at,
                    connection,
                    candidate_id,
                    candidate_name,
                    application_id,
                    owner,
                };
                self.batches.insert(batch, entry);
            }
            Record::File { ref batch, .. } => {
                let owner = self
                    .batches
                    .get(batch)
                    .map(|b| b.owner.clone())
                    .unwrap_or_default();
                if let Some(entry) = FileEntry::queued(&record, &owner) {
                    self.add_file(entry);
                }
            }
            Record::Hashed { ref file, .. }
            | Record::Start { ref file, .. }
            | Record::Ride { ref file, .. }
            | Record::Attempted { ref file, .. }
            | Record::Accepted { ref file, .. }
            | Record::Claim { ref file, .. }
            | Record::End { ref file, .. }
            | Record::Reopen { ref file, .. }
            | Record::Life { ref file, .. } => {
                if let Some(entry) = self.entry_mut(file) {
                    entry.apply(&record);
                }
            }
        }
    }

    /// Puts a queued file in (or replaces the entry with the same id).
    fn add_file(&mut self, entry: FileEntry) {
        if let Some(&i) = self.index.get(&entry.file) {
            self.files[i] = entry;
            return;
        }
        self.index.insert(entry.file.clone(), self.files.len());
        self.by_path
            .entry(entry.path.clone())
            .or_default()
            .push(self.files.len());
        self.files.push(entry);
    }

    /// Records that replay to this very state: one batch record per batch and, per file, its
    /// `File`, `Hashed` and `Life` records — what a compacted journal holds in place of the
    /// records that led here. Made one at a time, so writing a snapshot never holds a second
    /// copy of the journal in memory.
    pub fn snapshot(&self) -> impl Iterator<Item = Record> + '_ {
        let mut batches: Vec<&BatchEntry> = self.batches.values().collect();
        batches.sort_by(|a, b| a.at.cmp(&b.at).then_with(|| a.batch.cmp(&b.batch)));
        let batches = batches.into_iter().map(|b| Record::Batch {
            batch: b.batch.clone(),
            owner: b.owner.clone(),
            at: b.at.clone(),
            connection: b.connection.clone(),
            candidate_id: b.candidate_id.clone(),
            candidate_name: b.candidate_name.clone(),
            application_id: b.application_id.clone(),
        });
        let files = self.files.iter().flat_map(|f| {
            let hashed = f.sha256.as_ref().map(|sha256| Record::Hashed {
                file: f.file.clone(),
                sha256: sha256.clone(),
                xxh3: f.xxh3.map(|x| format!("{x:032x}")),
            });
            std::iter::once(f.file_record())
                .chain(hashed)
                .chain(std::iter::once(Record::Life {
                    file: f.file.clone(),
                    life: f.life.clone(),
                }))
        });
        batches.chain(files)
    }

    fn entry_mut(&mut self, id: &FileId) -> Option<&mut FileEntry> {
        let i = *self.index.get(id)?;
        self.files.get_mut(i)
    }
}
