//! Picking a candidate: search with debounce, "load more" following the system's pagination,
//! recent candidates, lookup by id, and the chosen candidate's existing attachments (with delete
//! where the system allows it). Results being fetched keep the previous ones on screen.

use crate::model::{Candidate, CandidateSearch, ProviderId, RemoteAttachment};
use crate::providers::{CandidatePage, ProviderError};
use crate::settings::RecentCandidate;

use super::connections::Origin;
use super::{App, TaskResult, crashed};

/// How long typing must pause before a search goes out.
pub const DEBOUNCE_SECS: f64 = 0.35;
/// Candidates fetched per page.
pub const PAGE: usize = 50;

/// A candidate's existing attachments.
#[derive(Clone, Debug, Default)]
pub struct Attachments {
    /// Being fetched.
    pub loading: bool,
    /// The list (kept while a refresh runs).
    pub list: Vec<RemoteAttachment>,
    /// Why they could not be listed.
    pub error: Option<String>,
    /// The system cannot list attachments.
    pub unsupported: bool,
    /// The system's answer to a delete, to show once.
    pub notice: Option<String>,
    /// The listing whose answer is awaited (0: none); an older one answering late is ignored.
    pub request: u64,
}

/// The picker's state.
#[derive(Default)]
pub struct State {
    /// The search box.
    pub query: String,
    /// When (egui time) the typed query goes out.
    pub search_at: Option<f64>,
    /// Counts searches, so a late answer to an older one is ignored.
    pub generation: u64,
    /// The query the results belong to.
    pub results_for: Option<String>,
    /// Candidates found (the previous ones while a new search runs).
    pub results: Vec<Candidate>,
    /// Cursor for "load more".
    pub next: Option<String>,
    /// A search is running.
    pub loading: bool,
    /// The lookup by id whose answer is awaited; choosing or clearing a candidate meanwhile
    /// drops it.
    pub opening: Option<u64>,
    /// Why the last search failed.
    pub error: Option<String>,
    /// A hint instead of results (Endorsed has no list).
    pub hint: Option<String>,
    /// The chosen candidate.
    pub selected: Option<Candidate>,
    /// The chosen candidate's attachments.
    pub attachments: Attachments,
    /// An attachment waiting for the user to confirm its deletion.
    pub confirm_delete: Option<RemoteAttachment>,
}

/// What the picker's views ask for.
#[derive(Clone, Debug)]
pub enum Command {
    /// The search text changed: search after a pause.
    QueryChanged,
    /// Search now (Enter).
    SearchNow,
    /// Fetch the next page.
    LoadMore,
    /// Look the text up as a candidate id.
    OpenById,
    /// Choose a candidate.
    Select(Candidate),
    /// Choose a recent candidate (looked up again to be sure it still exists).
    SelectRecent(RecentCandidate),
    /// Clear the chosen candidate.
    Clear,
    /// List the chosen candidate's attachments again.
    RefreshAttachments,
    /// Ask to delete an attachment.
    AskDelete(RemoteAttachment),
    /// Delete the attachment waiting for confirmation.
    ConfirmDelete,
    /// Keep it.
    CancelDelete,
}

/// Why a candidate's attachments could not be listed.
#[derive(Debug)]
pub enum ListingError {
    /// The system does not let other programs list them.
    Unsupported(ProviderId),
    /// Anything else, as a sentence.
    Failed(String),
}

impl From<ProviderError> for ListingError {
    fn from(e: ProviderError) -> Self {
        match e {
            ProviderError::Unsupported { system, .. } => Self::Unsupported(system),
            e => Self::Failed(e.to_string()),
        }
    }
}

/// Background results for the picker.
pub enum Done {
    /// A search (or a page) came back.
    Found {
        /// Which search.
        generation: u64,
        /// Whether this page extends the results.
        append: bool,
        /// The page, or why not.
        result: Result<CandidatePage, String>,
    },
    /// A lookup by id came back.
    Opened {
        /// The connection (and client) it was asked with.
        origin: Origin,
        /// Which lookup.
        request: u64,
        /// The candidate, or why not.
        result: Result<Candidate, String>,
    },
    /// A candidate's attachments came back.
    Attachments {
        /// The connection (and client) they were asked with.
        origin: Origin,
        /// Which listing.
        request: u64,
        /// Whose.
        candidate_id: String,
        /// The list, or why not.
        result: Result<Vec<RemoteAttachment>, ListingError>,
    },
    /// A delete was accepted (or refused).
    Deleted {
        /// The connection (and client) it was asked with.
        origin: Origin,
        /// Whose attachment.
        candidate_id: String,
        /// The sentence to show, or why not.
        result: Result<String, String>,
    },
}

impl App {
    pub(super) fn apply_picker(&mut self, command: Command, now: f64) {
        match command {
            Command::QueryChanged => self.picker.search_at = Some(now + DEBOUNCE_SECS),
            Command::SearchNow => self.search(false),
            Command::LoadMore => self.search(true),
            Command::OpenById => self.open_by_id(self.picker.query.trim().to_owned()),
            Command::Select(candidate) => {
                self.picker.opening = None;
                self.select_candidate(candidate);
            }
            Command::SelectRecent(recent) => {
                self.picker.opening = None;
                self.select_candidate(Candidate {
                    id: recent.id.clone(),
                    name: recent.name.clone(),
                    email: recent.email.clone(),
                    phone: None,
                    remote_id: None,
                    applications: Vec::new(),
                });
                self.open_by_id(recent.id);
            }
            Command::Clear => {
                self.picker.opening = None;
                self.picker.selected = None;
                self.picker.attachments = Attachments::default();
                self.revalidate();
            }
            Command::RefreshAttachments => self.fetch_attachments(),
            Command::AskDelete(attachment) => self.picker.confirm_delete = Some(attachment),
            Command::CancelDelete => self.picker.confirm_delete = None,
            Command::ConfirmDelete => self.delete_attachment(),
        }
    }

    /// Runs a debounced search whose time has come.
    pub(super) fn picker_tick(&mut self, now: f64) {
        if let Some(at) = self.picker.search_at
            && now >= at
        {
            self.picker.search_at = None;
            self.search(false);
        }
    }

    pub(super) fn on_picker_done(&mut self, done: Done) {
        match done {
            Done::Found {
                generation,
                append,
                result,
            } => {
                if generation != self.picker.generation {
                    return;
                }
                self.picker.loading = false;
                match result {
                    Ok(page) => {
                        self.picker.error = None;
                        if append {
                            self.picker.results.extend(page.candidates);
                        } else {
                            self.picker.results = page.candidates;
                        }
                        self.picker.next = page.next;
                    }
                    Err(e) => {
                        self.picker.error = Some(e);
                        if !append {
                            self.picker.next = None;
                        }
                    }
                }
            }
            Done::Opened {
                origin,
                request,
                result,
            } => {
                // A lookup asked of another connection, or superseded by the user's own choice,
                // must not choose a candidate now.
                if !self.connections.is_current(&origin) || self.picker.opening != Some(request) {
                    return;
                }
                self.picker.opening = None;
                match result {
                    Ok(candidate) => {
                        self.picker.error = None;
                        self.select_candidate(candidate);
                    }
                    Err(e) => self.picker.error = Some(e),
                }
            }
            Done::Attachments {
                origin,
                request,
                candidate_id,
                result,
            } => {
                if !self.connections.is_current(&origin)
                    || request != self.picker.attachments.request
                    || self.picker.selected.as_ref().map(|c| c.id.as_str())
                        != Some(candidate_id.as_str())
                {
                    return;
                }
                let view = &mut self.picker.attachments;
                view.loading = false;
                match result {
                    Ok(list) => {
                        view.list = list;
                        view.error = None;
                        view.unsupported = false;
                    }
                    Err(ListingError::Unsupported(system)) => {
                        view.unsupported = true;
                        view.error = Some(crate::t!(
                            "picker-attachments-unsupported",
                            system = system.to_string()
                        ));
                    }
                    Err(ListingError::Failed(e)) => view.error = Some(e),
                }
                self.mark_duplicates();
            }
            Done::Deleted {
                origin,
                candidate_id,
                result: Ok(message),
            } => {
                let same_candidate =
                    self.picker.selected.as_ref().map(|c| c.id.as_str()) == Some(&candidate_id);
                if self.connections.is_current(&origin) && same_candidate {
                    self.picker.attachments.notice = Some(message);
                    self.fetch_attachments();
                } else {
                    // Another candidate or connection is on screen now: say it in passing.
                    self.toasts.success(message);
                }
            }
            Done::Deleted { result: Err(e), .. } => {
                self.toasts.error(e);
            }
        }
    }

    /// Called when the connection changes: the old results mean nothing now.
    pub(super) fn picker_connection_changed(&mut self) {
        self.picker.generation += 1;
        self.picker.results.clear();
        self.picker.results_for = None;
        self.picker.next = None;
        self.picker.error = None;
        self.picker.hint = None;
        self.picker.loading = false;
        self.picker.opening = None;
        self.picker.selected = None;
        self.picker.attachments = Attachments::default();
        // A note about a mail's sender was about the other system's candidates.
        self.mail_in.note = None;
        if self.connections.ready().is_some() {
            self.search(false);
        }
    }

    fn search(&mut self, more: bool) {
        let Some(ready) = self.connections.ready() else {
            return;
        };
        let query = self.picker.query.trim().to_owned();
        let system = ready.connection.provider;
        if system.profile().candidate_search == CandidateSearch::IdOnly && query.is_empty() {
            self.picker.generation += 1;
            self.picker.results.clear();
            self.picker.next = None;
            self.picker.loading = false;
            self.picker.hint = Some(crate::t!("picker-no-list", system = system.to_string()));
            return;
        }
        self.picker.hint = None;
        let cursor = if more { self.picker.next.clone() } else { None };
        if more && cursor.is_none() {
            return;
        }
        if !more {
            self.picker.generation += 1;
            self.picker.results_for = Some(query.clone());
        }
        self.picker.loading = true;
        let generation = self.picker.generation;
        let client = ready.client.clone();
        self.tasks.spawn(
            async move {
                let result = client
                    .find_candidates(&query, cursor.as_deref(), PAGE)
                    .await
                    .map_err(|e| e.to_string());
                TaskResult::Picker(Done::Found {
                    generation,
                    append: more,
                    result,
                })
            },
            move || {
                TaskResult::Picker(Done::Found {
                    generation,
                    append: more,
                    result: Err(crashed(&crate::t!("picker-crashed-search"))),
                })
            },
        );
    }

    fn open_by_id(&mut self, id: String) {
        let (Some(ready), Some(origin)) = (self.connections.ready(), self.connections.origin())
        else {
            return;
        };
        if id.is_empty() {
            return;
        }
        let client = ready.client.clone();
        let request = self.connections.next_request();
        self.picker.opening = Some(request);
        let fallback = origin.clone();
        self.tasks.spawn(
            async move {
                let result = client.get_candidate(&id).await.map_err(|e| e.to_string());
                TaskResult::Picker(Done::Opened {
                    origin,
                    request,
                    result,
                })
            },
            move || {
                TaskResult::Picker(Done::Opened {
                    origin: fallback,
                    request,
                    result: Err(crashed(&crate::t!("picker-crashed-open"))),
                })
            },
        );
    }

    fn select_candidate(&mut self, candidate: Candidate) {
        if let Some(id) = self.connections.selected.clone() {
            self.connections
                .settings
                .remember_candidate(&id, RecentCandidate::from(&candidate));
            if !id.starts_with("sandbox-") {
                self.save_settings();
            }
        }
        let changed = self.picker.selected.as_ref().map(|c| &c.id) != Some(&candidate.id);
        self.picker.selected = Some(candidate);
        if changed {
            self.picker.attachments = Attachments::default();
            self.fetch_attachments();
        }
        self.revalidate();
    }

    fn fetch_attachments(&mut self) {
        let (Some(ready), Some(origin), Some(candidate)) = (
            self.connections.ready(),
            self.connections.origin(),
            self.picker.selected.clone(),
        ) else {
            return;
        };
        let client = ready.client.clone();
        let request = self.connections.next_request();
        self.picker.attachments.loading = true;
        self.picker.attachments.request = request;
        let (fallback_origin, fallback_id) = (origin.clone(), candidate.id.clone());
        self.tasks.spawn(
            async move {
                let result = client
                    .list_attachments(&candidate.id)
                    .await
                    .map_err(ListingError::from);
                TaskResult::Picker(Done::Attachments {
                    origin,
                    request,
                    candidate_id: candidate.id,
                    result,
                })
            },
            move || {
                TaskResult::Picker(Done::Attachments {
                    origin: fallback_origin,
                    request,
                    candidate_id: fallback_id,
                    result: Err(ListingError::Failed(crashed(&crate::t!(
                        "picker-crashed-attachments"
                    )))),
                })
            },
        );
    }

    fn delete_attachment(&mut self) {
        let Some(attachment) = self.picker.confirm_delete.take() else {
            return;
        };
        let (Some(ready), Some(origin), Some(candidate)) = (
            self.connections.ready(),
            self.connections.origin(),
            self.picker.selected.clone(),
        ) else {
            return;
        };
        let client = ready.client.clone();
        let system = ready.connection.provider;
        let asynchronous = system.profile().asynchronous;
        let (fallback_origin, fallback_id) = (origin.clone(), candidate.id.clone());
        let fallback_name = attachment.name.clone();
        self.tasks.spawn(
            async move {
                let result = client
                    .delete_attachments(&candidate.id, std::slice::from_ref(&attachment.id))
                    .await
                    .map(|()| {
                        if asynchronous {
                            crate::t!(
                                "picker-removal-accepted",
                                system = system.to_string(),
                                name = &attachment.name
                            )
                        } else {
                            crate::t!("picker-removed", name = &attachment.name)
                        }
                    })
                    .map_err(|e| e.to_string());
                TaskResult::Picker(Done::Deleted {
                    origin,
                    candidate_id: candidate.id,
                    result,
                })
            },
            move || {
                TaskResult::Picker(Done::Deleted {
                    origin: fallback_origin,
                    candidate_id: fallback_id,
                    result: Err(crashed(&crate::t!(
                        "picker-crashed-delete",
                        name = &fallback_name
                    ))),
                })
            },
        );
    }
}
