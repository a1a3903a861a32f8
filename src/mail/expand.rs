//! Mails among the files found (dropped, added, pasted, inside a folder, on the command line)
//! open into their attachments, the way a folder opens into its files; what a mail leaves
//! out, and a mail that cannot be opened, become sentences among the paths left out.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::opener::{MailOpener, OpenedMail, shown_sender};
use super::parsed::{LeftOutReason, Sender};
use crate::inspect::{Expansion, SkipReason, Skipped};

/// A mail that was opened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MailInfo {
    /// The mail file.
    pub path: PathBuf,
    /// Its file name.
    pub name: String,
    /// Its subject.
    pub subject: Option<String>,
    /// When it was sent (RFC 3339).
    pub date: Option<String>,
    /// Who sent it (Reply-To and From first, then those of messages forwarded inside it).
    pub senders: Vec<Sender>,
}

impl MailInfo {
    /// "Sollicitatie, Anna Jansen <anna@example.com>": the subject and the sender, as far as
    /// the mail has them (its file name when it has neither).
    #[must_use]
    pub fn label(&self) -> String {
        let parts: Vec<String> = [self.subject.clone(), shown_sender(&self.senders)]
            .into_iter()
            .flatten()
            .filter(|p| !p.trim().is_empty())
            .collect();
        if parts.is_empty() {
            self.name.clone()
        } else {
            parts.join(", ")
        }
    }
}

/// Where a file found in a mail came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FromMail {
    /// The mail.
    pub mail: Arc<MailInfo>,
    /// The subject of the forwarded message inside it that held the file, if one did.
    pub within: Option<String>,
}

impl FromMail {
    /// "from: Sollicitatie, Anna Jansen <anna@example.com>" (as a row shows it).
    #[must_use]
    pub fn label(&self) -> String {
        match &self.within {
            Some(within) => format!("from: {} (forwarded: {within})", self.mail.label()),
            None => format!("from: {}", self.mail.label()),
        }
    }

    /// What the journal and the history keep of it.
    #[must_use]
    pub fn origin(&self) -> crate::upload::MailOrigin {
        crate::upload::MailOrigin {
            mail: self.mail.name.clone(),
            subject: self.mail.subject.clone(),
            date: self.mail.date.clone(),
            sender: shown_sender(&self.mail.senders),
        }
    }
}

/// A file to inspect, and the mail it came from, if it did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    /// The file (a mail's attachment lives in the work folder).
    pub path: PathBuf,
    /// The mail it came from.
    pub from_mail: Option<FromMail>,
}

impl Found {
    /// "Sollicitatie.eml › cv.pdf" for a mail's attachment, else the path itself: how the
    /// command line names a file.
    #[must_use]
    pub fn shown(&self) -> String {
        match &self.from_mail {
            Some(from) => format!(
                "{} \u{203a} {}",
                from.mail.path.display(),
                self.path
                    .file_name()
                    .map_or_else(String::new, |n| n.to_string_lossy().into_owned())
            ),
            None => self.path.display().to_string(),
        }
    }
}

/// An [`Expansion`] with its mails opened.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MailExpansion {
    /// Files to inspect, in order (a mail's attachments where the mail was).
    pub files: Vec<Found>,
    /// Paths left out, with the reasons (a mail's left-out parts among them).
    pub skipped: Vec<Skipped>,
    /// The mails opened (those that could be), in order.
    pub mails: Vec<Arc<MailInfo>>,
    /// The folders under the work folder that hold their attachments (to remove once done).
    pub folders: Vec<PathBuf>,
}

/// Whether the file at `path` is a mail to open: its content says so, or its name ends in
/// `.eml` or `.msg` (then a mail that cannot be read is said to be one, not sent as text).
#[must_use]
pub fn is_mail(path: &Path) -> bool {
    let by_name = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("eml") || e.eq_ignore_ascii_case("msg"));
    by_name || sniffed_as_mail(path)
}

/// Whether the content of the file at `path` is a mail's (its head only is read).
fn sniffed_as_mail(path: &Path) -> bool {
    let Ok(mut file) = std::fs::File::open(path) else {
        return false;
    };
    let len = file.metadata().map_or(0, |m| m.len());
    crate::inspect::sniff_reader(&mut file, len)
        .ok()
        .flatten()
        .is_some_and(|kind| kind.is_mail())
}

/// Opens every mail among `expansion`'s files with `opener`, writing their attachments into a
/// new folder under `work` each; other files pass through as they are. Stops opening mails
/// once `stop` is set (the rest are left out as cancelled).
#[must_use]
pub fn open_mails(
    expansion: Expansion,
    opener: &MailOpener,
    work: &Path,
    stop: &std::sync::atomic::AtomicBool,
) -> MailExpansion {
    let mut out = MailExpansion {
        skipped: expansion.skipped,
        ..MailExpansion::default()
    };
    for path in expansion.files {
        if !is_mail(&path) {
            out.files.push(Found {
                path,
                from_mail: None,
            });
            continue;
        }
        if stop.load(std::sync::atomic::Ordering::Relaxed) {
            out.skipped.push(Skipped {
                path,
                reason: SkipReason::Cancelled,
            });
            continue;
        }
        let folder = work.join(format!("mail-{}", uuid::Uuid::new_v4().simple()));
        let answer = opener.open(&path, &folder);
        add_opened(&mut out, path, &folder, answer);
    }
    out
}

/// Adds what one mail held to `out`.
fn add_opened(out: &mut MailExpansion, path: PathBuf, folder: &Path, opened: OpenedMail) {
    let name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    if let Some(why) = opened.unreadable {
        out.skipped.push(Skipped {
            reason: SkipReason::InMail {
                sentence: format!(
                    "{} could not be opened as an e-mail ({why}): save its attachments from your mail program and add them instead.",
                    path.display()
                ),
                expected: false,
            },
            path,
        });
        return;
    }
    let mail = Arc::new(MailInfo {
        path: path.clone(),
        name,
        subject: opened.subject,
        date: opened.date,
        senders: opened.senders,
    });
    let shown = format!("the e-mail {}", path.display());
    for left in opened.left_out {
        out.skipped.push(Skipped {
            path: path.clone(),
            reason: SkipReason::InMail {
                sentence: left.reason.sentence(&left.name, &shown),
                expected: left.reason == LeftOutReason::Inline,
            },
        });
    }
    let mut any = false;
    // Only what the mail process wrote into this mail's own folder is taken.
    for attachment in opened
        .attachments
        .into_iter()
        .filter(|a| a.path.starts_with(folder))
    {
        any = true;
        out.files.push(Found {
            path: attachment.path,
            from_mail: Some(FromMail {
                mail: Arc::clone(&mail),
                within: attachment.within,
            }),
        });
    }
    if any {
        out.folders.push(folder.to_path_buf());
    } else {
        out.skipped.push(Skipped {
            path: path.clone(),
            reason: SkipReason::InMail {
                sentence: format!(
                    "The e-mail {} holds no attachments to send.",
                    path.display()
                ),
                expected: false,
            },
        });
    }
    out.mails.push(mail);
}
