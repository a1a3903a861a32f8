//! The content check in the app: staged files are read in reader processes as they arrive,
//! judged against the chosen candidate (again whenever another is chosen), and for a file that
//! seems to be someone else's the system is asked who that is, so the guard can offer to switch
//! to them. The first page also sharpens the attachment type, unless the user chose one.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;

use crate::content::check;
use crate::content::facts::ContentFacts;
use crate::content::identity::Ignore;
use crate::content::reader::ContentReader;
use crate::model::{Allowed, Candidate};

use super::connections::Origin;
use super::staging::TypeSource;
use super::{App, TaskResult};

/// The content reader and what the system said about other people's e-mail addresses.
pub struct State {
    /// Reads files in reader processes (shared with the background tasks).
    pub reader: Arc<ContentReader>,
    /// Who owns an e-mail address in the connected system (`None`: nobody found); cleared
    /// when the connection changes.
    pub owners: HashMap<String, Option<Candidate>>,
    /// The connection the owners were asked with.
    owners_for: Option<Origin>,
    /// Counts changes that call for judging every file again (the user's own domains).
    pub generation: u64,
    /// The own-domains field as typed.
    pub domains_text: String,
}

impl State {
    /// The state for a reader running `program`.
    #[must_use]
    pub fn new(program: PathBuf, own_domains: &[String]) -> Self {
        Self {
            reader: Arc::new(ContentReader::new(program)),
            owners: HashMap::new(),
            owners_for: None,
            generation: 0,
            domains_text: own_domains.join(", "),
        }
    }
}

/// Background results of the content check.
pub enum Done {
    /// A file's content was read (`None`: atsdrop does not read such files).
    Read {
        /// The file.
        path: PathBuf,
        /// What was found.
        facts: Option<Arc<ContentFacts>>,
    },
    /// The system answered who owns an e-mail address.
    Owner {
        /// The connection it was asked with.
        origin: Origin,
        /// The address.
        email: String,
        /// The candidate with that address, other than the chosen one.
        candidate: Option<Candidate>,
    },
}

impl App {
    /// Starts reading every row whose content has not been read yet.
    pub(super) fn read_new_contents(&mut self) {
        for row in &mut self.staging.rows {
            let (false, None, true, Some(kind)) = (
                row.reading,
                &row.content.facts,
                row.facts.readable(),
                row.facts.content.clone(),
            ) else {
                continue;
            };
            if crate::content::facts::Format::of(&kind).is_none() {
                continue;
            }
            row.reading = true;
            let reader = Arc::clone(&self.content.reader);
            let path = row.facts.path.clone();
            let if_panics = path.clone();
            self.tasks.spawn(
                async move {
                    let facts = reader.read(&path, &kind).await;
                    TaskResult::Content(Done::Read { path, facts })
                },
                move || {
                    TaskResult::Content(Done::Read {
                        path: if_panics,
                        facts: Some(Arc::new(ContentFacts::unreadable(
                            "the reader stopped on it",
                        ))),
                    })
                },
            );
        }
    }

    pub(super) fn on_content_done(&mut self, done: Done) {
        match done {
            Done::Read { path, facts } => {
                let profile = self.profile();
                self.thumbnails.forget(&path);
                self.previews.forget(&path);
                for row in self
                    .staging
                    .rows
                    .iter_mut()
                    .filter(|r| r.facts.path == path)
                {
                    row.reading = false;
                    row.content.facts.clone_from(&facts);
                    row.judged_for = None;
                    if row.type_source != TypeSource::User
                        && let Some(ty) = facts
                            .as_ref()
                            .and_then(|f| profile.type_for_first_page(f.first_page()))
                    {
                        row.attachment_type = ty;
                        row.type_source = TypeSource::Content;
                    }
                }
                self.revalidate();
            }
            Done::Owner {
                origin,
                email,
                candidate,
            } => {
                if !self.connections.is_current(&origin) {
                    return;
                }
                for row in &mut self.staging.rows {
                    if row.content.identity.as_ref().and_then(check::other_email) == Some(&email) {
                        row.content.seems_to_be.clone_from(&candidate);
                    }
                }
                self.content.owners.insert(email, candidate);
                self.revalidate();
            }
        }
    }

    /// Judges every row whose identity is not yet judged for the chosen candidate, and asks
    /// the system about other people's addresses not asked about yet. Cheap when nothing
    /// changed (called from `revalidate`).
    pub(super) fn judge_contents(&mut self) {
        let origin = self.connections.origin();
        if self.content.owners_for != origin {
            self.content.owners.clear();
            self.content.owners_for.clone_from(&origin);
        }
        let candidate = self.picker.selected.clone();
        let candidate_id = candidate.as_ref().map(|c| c.id.clone());
        let key = candidate_id.clone().map(|id| (id, self.content.generation));
        let ignore = Ignore {
            domains: self
                .connections
                .settings
                .preferences
                .own_email_domains
                .clone(),
        };
        let mut ask = Vec::new();
        for row in &mut self.staging.rows {
            if key.is_some() && row.judged_for == key {
                continue;
            }
            if row.judged_for.as_ref().map(|(id, _)| id) != candidate_id.as_ref() {
                // A confirmation was for the candidate it was given for.
                row.allowed.other_person = false;
            }
            row.judged_for.clone_from(&key);
            row.content.identity = match (&row.content.facts, &candidate) {
                (Some(facts), Some(candidate)) => check::identity(facts, candidate, &ignore),
                _ => None,
            };
            row.content.seems_to_be = None;
            if let Some(email) = row.content.identity.as_ref().and_then(check::other_email) {
                match self.content.owners.get(email) {
                    Some(owner) => row.content.seems_to_be.clone_from(owner),
                    None => ask.push(email.to_owned()),
                }
            }
        }
        ask.sort();
        ask.dedup();
        let (Some(ready), Some(origin), Some(candidate_id)) =
            (self.connections.ready(), origin, candidate_id)
        else {
            return;
        };
        for email in ask {
            // Asked once per connection: the answer (even "nobody") is remembered.
            self.content.owners.insert(email.clone(), None);
            let client = Arc::clone(&ready.client);
            let origin = origin.clone();
            let not = candidate_id.clone();
            let if_panics = (origin.clone(), email.clone());
            self.tasks.spawn(
                async move {
                    let candidate = check::owner_of(client.as_ref(), &email, &not).await;
                    TaskResult::Content(Done::Owner {
                        origin,
                        email,
                        candidate,
                    })
                },
                move || {
                    TaskResult::Content(Done::Owner {
                        origin: if_panics.0,
                        email: if_panics.1,
                        candidate: None,
                    })
                },
            );
        }
    }

    /// The user's own e-mail domains, as typed: remembered, and every file judged again.
    pub(super) fn set_own_domains(&mut self, text: String) {
        let domains = crate::settings::parse_domains(&text);
        self.content.domains_text = text;
        if domains != self.connections.settings.preferences.own_email_domains {
            self.connections.settings.preferences.own_email_domains = domains;
            self.content.generation += 1;
            self.save_settings();
            self.revalidate();
        }
    }

    /// The user confirmed sending a row anyway (its macros, or someone else's file).
    pub(super) fn allow(&mut self, row: u64, allowed: Allowed) {
        if let Some(r) = self.staging.rows.iter_mut().find(|r| r.id == row) {
            r.allowed = allowed;
        }
        self.revalidate();
    }
}
