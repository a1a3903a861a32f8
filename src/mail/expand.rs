//! Mails among the files found (dropped, added, pasted, inside a folder, on the command line)
//! open into their attachments, the way a folder opens into its files; what a mail leaves
//! out, and a mail that cannot be opened, become sentences among the paths left out.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::opener::{MailOpener, OpenedMail, shown_sender};
use super::parsed::{LeftOutReason, Sender};
use crate::i18n::{Arg, Text};
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
    /// "from: Sollicitatie, Anna Jansen <anna@example.com>" (as a row shows it), in the
    /// current language.
    #[must_use]
    pub fn label(&self) -> String {
        self.text().to_string()
    }

    /// [`FromMail::label`] in any language.
    #[must_use]
    pub fn text(&self) -> Text {
        match self.within.as_deref() {
            Some(within) => {
                // Empty: a forwarded message without a subject.
                let within = if within.is_empty() {
                    Arg::from(crate::text!("mail-out-forwarded-untitled"))
                } else {
                    Arg::from(within)
                };
                crate::text!(
                    "mail-out-from-forwarded",
                    mail = self.mail.label(),
                    within = within
                )
            }
            None => crate::text!("mail-out-from", mail = self.mail.label()),
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
    let shown = path.display().to_string();
    let why = match (&opened.why_unreadable, &opened.unreadable) {
        (Some(why), _) => Some(why.text()),
        (None, Some(words)) => Some(Text::verbatim(words)),
        (None, None) => None,
    };
    if let Some(why) = why {
        let text = crate::text!("mail-out-unopened", path = &shown, why = why);
        out.skipped.push(Skipped {
            reason: in_mail(text, false),
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
    for left in opened.left_out {
        out.skipped.push(Skipped {
            path: path.clone(),
            reason: in_mail(
                left.reason.text(&left.name, &shown),
                left.reason == LeftOutReason::Inline,
            ),
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
            reason: in_mail(crate::text!("mail-out-empty", path = &shown), false),
        });
    }
    out.mails.push(mail);
}

/// What a mail left out, said by `text`.
fn in_mail(text: Text, expected: bool) -> SkipReason {
    SkipReason::InMail {
        sentence: text.to_string(),
        text,
        expected,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::mail::opener::LeftOut;
    use crate::mail::parsed::{PartName, Why};

    fn said(opened: OpenedMail) -> Vec<Skipped> {
        let mut out = MailExpansion::default();
        let folder = Path::new("/nowhere/mail-1");
        add_opened(&mut out, PathBuf::from("x.eml"), folder, opened);
        out.skipped
    }

    #[test]
    fn a_mail_that_cannot_be_opened_or_holds_nothing_is_said_in_english_and_any_language() {
        let skipped = said(OpenedMail::unreadable(Why::NoHeaders));
        assert_eq!(
            skipped[0].message(),
            "x.eml could not be opened as an e-mail (it has no e-mail headers): save its attachments from your mail program and add them instead."
        );
        let dutch = skipped[0].text().render_in(Lang::Nl);
        assert!(
            dutch.starts_with("x.eml kon niet als e-mail worden geopend (er staan geen"),
            "{dutch}"
        );

        let skipped = said(OpenedMail {
            left_out: vec![LeftOut {
                name: PartName::File("logo.png".into()),
                reason: LeftOutReason::Inline,
            }],
            ..OpenedMail::default()
        });
        assert_eq!(skipped.len(), 2);
        assert!(skipped[0].reason.is_expected());
        assert!(
            skipped[0]
                .message()
                .starts_with("logo.png in the e-mail x.eml was left out: it is a picture")
        );
        assert_eq!(
            skipped[1].message(),
            "The e-mail x.eml holds no attachments to send."
        );
        assert_eq!(
            skipped[1].text().render_in(Lang::De),
            "Die E-Mail x.eml enthält keine Anhänge zum Senden."
        );
    }

    #[test]
    fn the_label_under_a_file_says_its_mail_in_any_language() {
        let mail = Arc::new(MailInfo {
            path: PathBuf::from("x.eml"),
            name: "x.eml".into(),
            subject: Some("Application".into()),
            date: None,
            senders: Vec::new(),
        });
        let from = |within: Option<&str>| FromMail {
            mail: Arc::clone(&mail),
            within: within.map(str::to_owned),
        };
        assert_eq!(from(None).text().english(), "from: Application");
        assert_eq!(
            from(Some("My CV")).text().english(),
            "from: Application (forwarded: My CV)"
        );
        assert_eq!(
            from(Some("")).text().english(),
            "from: Application (forwarded: a forwarded message)"
        );
        assert_eq!(
            from(Some("")).text().render_in(Lang::Nl),
            "van: Application (doorgestuurd: een doorgestuurd bericht)"
        );
    }
}
