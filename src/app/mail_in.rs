//! Mail in, in the app: an e-mail dropped, added, pasted or found in a folder opens into its
//! attachments (in a mail process, see `crate::mail`), and its sender is looked up in the
//! connected system. When exactly one candidate has the sender's address, that candidate is
//! chosen (unless the user already chose one) with a note saying so; several or none, the
//! picker searches for the address so the user chooses.

use std::collections::HashSet;
use std::path::PathBuf;
use std::sync::Arc;

use crate::content::identity::Ignore;
use crate::mail::MailOpener;
use crate::mail::expand::MailInfo;
use crate::mail::sender::{self, SenderMatch};
use crate::model::Candidate;

use super::connections::Origin;
use super::{App, TaskResult, crashed};

/// Mails being opened and what their senders said.
pub struct State {
    /// Opens mails in mail processes.
    pub opener: MailOpener,
    /// What the last mail's sender said about the candidate, shown under the candidate card.
    pub note: Option<SenderNote>,
    /// Mails whose senders were looked up with the current connection.
    looked_up: HashSet<PathBuf>,
    /// The connection they were looked up with.
    looked_up_for: Option<Origin>,
}

/// A note about a mail's sender and the candidate.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SenderNote {
    /// The sentence.
    pub text: String,
    /// The sender's candidate, when another one is chosen: offered as *Switch to …*.
    pub switch_to: Option<Candidate>,
}

impl State {
    /// The state for mails opened by `program` (the `atsdrop` binary).
    #[must_use]
    pub fn new(program: PathBuf) -> Self {
        Self {
            opener: MailOpener::new(program),
            note: None,
            looked_up: HashSet::new(),
            looked_up_for: None,
        }
    }
}

/// Background results of mail in.
pub enum Done {
    /// The system answered who sent a mail.
    Senders {
        /// The connection it was asked with.
        origin: Origin,
        /// The mail.
        mail: Arc<MailInfo>,
        /// The answer, or why there is none (in the current language).
        result: Result<SenderMatch, String>,
    },
}

impl App {
    /// Looks up the senders of `mails` (those not looked up yet with this connection).
    pub(super) fn look_up_senders(&mut self, mails: Vec<Arc<MailInfo>>) {
        let (Some(ready), Some(origin)) = (self.connections.ready(), self.connections.origin())
        else {
            return;
        };
        if self.mail_in.looked_up_for.as_ref() != Some(&origin) {
            self.mail_in.looked_up.clear();
            self.mail_in.looked_up_for = Some(origin.clone());
        }
        let ignore = Ignore {
            domains: self
                .connections
                .settings
                .preferences
                .own_email_domains
                .clone(),
        };
        for mail in mails {
            if !self.mail_in.looked_up.insert(mail.path.clone()) {
                continue;
            }
            let addresses = sender::addresses(&mail.senders, &ignore);
            if addresses.is_empty() {
                continue;
            }
            let client = Arc::clone(&ready.client);
            let origin = origin.clone();
            let if_panics = (origin.clone(), Arc::clone(&mail));
            self.tasks.spawn(
                async move {
                    // Shown to the user: in the current language.
                    let result = sender::match_senders(client.as_ref(), &addresses)
                        .await
                        .map_err(|e| e.text().to_string());
                    TaskResult::Mail(Done::Senders {
                        origin,
                        mail,
                        result,
                    })
                },
                move || {
                    TaskResult::Mail(Done::Senders {
                        origin: if_panics.0,
                        mail: if_panics.1,
                        result: Err(crashed(&crate::t!("mail-crashed-sender"))),
                    })
                },
            );
        }
    }

    pub(super) fn on_mail_done(&mut self, done: Done) {
        let Done::Senders {
            origin,
            mail,
            result,
        } = done;
        if !self.connections.is_current(&origin) {
            return;
        }
        let system = origin_system(self);
        let chosen = self.picker.selected.clone();
        let note = match result {
            Ok(SenderMatch::One { candidate, email }) => match &chosen {
                None => {
                    let text =
                        crate::t!("mail-chosen-from-sender", email = &email, mail = &mail.name);
                    self.apply_picker(super::picker::Command::Select(candidate), 0.0);
                    SenderNote {
                        text,
                        switch_to: None,
                    }
                }
                Some(c) if c.id == candidate.id => SenderNote {
                    text: crate::t!("mail-sender-is-chosen", email = &email),
                    switch_to: None,
                },
                Some(_) => SenderNote {
                    text: crate::t!(
                        "mail-sender-is-other",
                        mail = &mail.name,
                        email = &email,
                        name = display_name(&candidate),
                        system = &system
                    ),
                    switch_to: Some(candidate),
                },
            },
            Ok(SenderMatch::Several { email, candidates }) => {
                self.search_for_sender(&email, chosen.is_none());
                SenderNote {
                    text: crate::t!(
                        "mail-sender-several",
                        count = candidates.len(),
                        system = &system,
                        email = &email
                    ),
                    switch_to: None,
                }
            }
            Ok(SenderMatch::Nobody { email }) => {
                self.search_for_sender(&email, chosen.is_none());
                SenderNote {
                    text: crate::t!("mail-sender-nobody", system = &system, email = &email),
                    switch_to: None,
                }
            }
            Ok(SenderMatch::NotLookedUp) => SenderNote {
                text: crate::t!("mail-not-looked-up", system = &system, mail = mail.label()),
                switch_to: None,
            },
            Err(why) => SenderNote {
                text: crate::t!("mail-lookup-failed", error = why),
                switch_to: None,
            },
        };
        self.mail_in.note = Some(note);
    }

    /// Fills the picker's search with `email` and searches (only when no candidate is chosen:
    /// the user's own choice and search stay).
    fn search_for_sender(&mut self, email: &str, nobody_chosen: bool) {
        if nobody_chosen {
            email.clone_into(&mut self.picker.query);
            self.apply_picker(super::picker::Command::SearchNow, 0.0);
        }
    }
}

/// The connected system's name.
fn origin_system(app: &App) -> String {
    app.connections
        .selected_entry()
        .map_or_else(|| crate::t!("mail-the-system"), |e| e.provider.to_string())
}

fn display_name(candidate: &Candidate) -> &str {
    if candidate.name.trim().is_empty() {
        &candidate.id
    } else {
        &candidate.name
    }
}
