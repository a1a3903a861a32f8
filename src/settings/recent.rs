//! Candidates picked recently, per connection.

use serde::{Deserialize, Serialize};

use crate::model::Candidate;

/// How many recent candidates are kept per connection.
pub const MAX_RECENT_CANDIDATES: usize = 10;

/// A candidate picked recently, enough to show it and pick it again.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecentCandidate {
    /// The candidate's id in the system.
    pub id: String,
    /// The display name.
    #[serde(default)]
    pub name: String,
    /// The e-mail address, when known.
    #[serde(default)]
    pub email: Option<String>,
}

impl From<&Candidate> for RecentCandidate {
    fn from(candidate: &Candidate) -> Self {
        Self {
            id: candidate.id.clone(),
            name: candidate.name.clone(),
            email: candidate.email.clone(),
        }
    }
}

/// Puts `candidate` first, dropping an older entry with the same id and anything past
/// [`MAX_RECENT_CANDIDATES`].
pub(super) fn remember(list: &mut Vec<RecentCandidate>, candidate: RecentCandidate) {
    list.retain(|c| c.id != candidate.id);
    list.insert(0, candidate);
    list.truncate(MAX_RECENT_CANDIDATES);
}
