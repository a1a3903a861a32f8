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

use super::parsed::{LeftOutReason, Sender};

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
    /// Why the mail could not be opened at all (a clause: "it has no e-mail headers").
    pub unreadable: Option<String>,
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
    /// Its name or a description.
    pub name: String,
    /// Why.
    pub reason: LeftOutReason,
}

impl OpenedMail {
    /// A mail that could not be opened, with why.
    #[must_use]
    pub fn unreadable(reason: impl Into<String>) -> Self {
        Self {
            unreadable: Some(reason.into()),
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
            return OpenedMail::unreadable(format!(
                "atsdrop's work folder could not be made ({e})"
            ));
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
            return OpenedMail::unreadable(NOT_STARTED);
        };
        let Some(stdout) = child.stdout.take() else {
            let _ = child.kill();
            let _ = child.wait();
            return OpenedMail::unreadable(NOT_STARTED);
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
            return OpenedMail::unreadable(TOO_SLOW);
        }
        let status = child.wait();
        match (answer, status) {
            (Ok(Ok(bytes)), Ok(status)) if status.success() => serde_json::from_slice(&bytes)
                .unwrap_or_else(|_| {
                    let _ = std::fs::remove_dir_all(out_dir);
                    OpenedMail::unreadable(CRASHED)
                }),
            _ => {
                let _ = std::fs::remove_dir_all(out_dir);
                OpenedMail::unreadable(CRASHED)
            }
        }
    }
}

/// Why: the mail process ran out of time.
const TOO_SLOW: &str = "opening it took too long";
/// Why: the mail process died on the mail.
const CRASHED: &str = "the mail reader stopped on it";
/// Why: no mail process could be started.
const NOT_STARTED: &str = "no mail reader could be started";
