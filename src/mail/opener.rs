//! Opens mails in mail processes: the `atsdrop` binary re-run as `atsdrop read-mail`, one
//! process per mail, killed after [`TIME_LIMIT`] and limited in memory (see `child`). A mail
//! that crashes, stalls or exhausts its reader costs that mail a sentence, and whatever it had
//! written is removed.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use serde::{Deserialize, Serialize};

use super::parsed::{LeftOutReason, PartName, Sender, Why};

/// How long one mail may take to open (a 50 MB attachment takes well under a second).
pub const TIME_LIMIT: Duration = Duration::from_secs(30);

/// The hidden subcommand the mail process runs.
pub const SUBCOMMAND: &str = "read-mail";

/// The most bytes of answer read from a mail process.
const MAX_ANSWER_BYTES: u64 = 4 * 1024 * 1024;

/// What a mail process answers: the mail's subject, date and senders, the attachments it
/// wrote, and what it left out; or why the mail could not be opened.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OpenedMail {
    /// The subject.
    pub subject: Option<String>,
    /// When it was sent (RFC 3339).
    pub date: Option<String>,
    /// Who sent it (Reply-To and From, then those of forwarded messages).
    pub senders: Vec<super::Sender>,
    /// The attachments written, in the mail's order.
    pub attachments: Vec<Attachment>,
    /// What was not taken, with why.
    pub left_out: Vec<LeftOut>,
    /// Why the mail could not be opened at all, in English (a clause: "it has no e-mail
    /// headers"), as logs carry it. Made from [`OpenedMail::why_unreadable`] on this side;
    /// never taken from the mail process.
    #[serde(skip)]
    pub unreadable: Option<String>,
    /// Why the mail could not be opened at all, to say in any language.
    #[serde(default)]
    pub why_unreadable: Option<Why>,
}

/// One attachment written to the work folder.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attachment {
    /// Where it was written.
    pub path: PathBuf,
    /// The subject of the forwarded message it came from (`None`: the mail itself).
    pub within: Option<String>,
}

/// Something in a mail that was not taken.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LeftOut {
    /// Its name, or what it is when it has none.
    pub name: PartName,
    /// Why.
    pub reason: LeftOutReason,
}

impl OpenedMail {
    /// A mail that could not be opened, with why.
    #[must_use]
    pub fn unreadable(why: Why) -> Self {
        Self {
            unreadable: Some(why.english()),
            why_unreadable: Some(why),
            ..Self::default()
        }
    }

    /// The sender to show ("Anna Jansen <anna@example.com>"): the mail's own From, else its
    /// first sender.
    #[must_use]
    pub fn shown_sender(&self) -> Option<String> {
        shown_sender(&self.senders)
    }
}

/// "Anna Jansen <anna@example.com>" for the mail's own From (else its first sender).
#[must_use]
pub fn shown_sender(senders: &[Sender]) -> Option<String> {
    let sender = senders
        .iter()
        .find(|s| s.depth == 0 && s.role == super::SenderRole::From)
        .or_else(|| senders.first())?;
    Some(match &sender.name {
        Some(name) => format!("{name} <{}>", sender.email),
        None => sender.email.clone(),
    })
}

/// Opens mails in separate processes.
#[derive(Clone, Debug)]
pub struct MailOpener {
    program: PathBuf,
    time_limit: Duration,
}

impl MailOpener {
    /// An opener that runs `program` (the `atsdrop` binary) as its mail process.
    #[must_use]
    pub fn new(program: PathBuf) -> Self {
        Self {
            program,
            time_limit: TIME_LIMIT,
        }
    }

    /// An opener for the running `atsdrop` binary itself.
    pub fn for_this_program() -> std::io::Result<Self> {
        Ok(Self::new(std::env::current_exe()?))
    }

    /// The same opener with another time limit per mail.
    #[must_use]
    pub fn with_time_limit(mut self, limit: Duration) -> Self {
        self.time_limit = limit;
        self
    }

    /// Opens `mail`, its attachments written under `out_dir` (created here; removed again
    /// when the mail could not be opened or holds nothing to take). Blocks until the mail
    /// process answers or its time is up.
    #[must_use]
    pub fn open(&self, mail: &Path, out_dir: &Path) -> OpenedMail {
        if let Err(e) = std::fs::create_dir_all(out_dir) {
            return OpenedMail::unreadable(Why::WorkFolder(e.to_string()));
        }
        let opened = self.run(mail, out_dir);
        if opened.attachments.is_empty() {
            let _ = std::fs::remove_dir_all(out_dir);
        }
        opened
    }

    fn run(&self, mail: &Path, out_dir: &Path) -> OpenedMail {
        let child = Command::new(&self.program)
            .arg(SUBCOMMAND)
            .arg("--out")
            .arg(out_dir)
            // A mail named `-x.eml` is a path, not an option.
            .arg("--")
            .arg(mail)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn();
        let Ok(mut child) = child else {
            return OpenedMail::unreadable(Why::NotStarted);
        };
        let Some(stdout) = child.stdout.take() else {
            let _ = child.kill();
            let _ = child.wait();
            return OpenedMail::unreadable(Why::NotStarted);
        };
        // The answer is read on its own thread; it ends when the process ends (or is killed).
        let (sender, answer) = mpsc::channel();
        std::thread::spawn(move || {
            let mut bytes = Vec::new();
            let read = stdout.take(MAX_ANSWER_BYTES).read_to_end(&mut bytes);
            let _ = sender.send(read.map(|_| bytes));
        });
        let answer = answer.recv_timeout(self.time_limit);
        if answer.is_err() {
            let _ = child.kill();
            let _ = child.wait();
            let _ = std::fs::remove_dir_all(out_dir);
            return OpenedMail::unreadable(Why::TooSlow);
        }
        let status = child.wait();
        match (answer, status) {
            (Ok(Ok(bytes)), Ok(status)) if status.success() => {
                if let Ok(mut opened) = serde_json::from_slice::<OpenedMail>(&bytes) {
                    opened.unreadable = opened.why_unreadable.as_ref().map(Why::english);
                    opened
                } else {
                    let _ = std::fs::remove_dir_all(out_dir);
                    OpenedMail::unreadable(Why::Crashed)
                }
            }
            _ => {
                let _ = std::fs::remove_dir_all(out_dir);
                OpenedMail::unreadable(Why::Crashed)
            }
        }
    }
}
