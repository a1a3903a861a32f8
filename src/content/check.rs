//! The content check of one file for one candidate: what the reader found, whose it seems to
//! be, and who that is in the system — turned into the [`ContentCheck`] validation judges.

use std::sync::Arc;

use super::facts::ContentFacts;
use super::identity::{self, Identity, Ignore, Person, Verdict};
use crate::model::{Allowed, Candidate, ContentCheck};
use crate::providers::AtsClient;

/// Candidates looked at when searching the system for the owner of an e-mail address.
const OWNER_SEARCH_LIMIT: usize = 5;

/// What is known about one file's content for one candidate.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FileContent {
    /// What the reader found; `None` for files atsdrop does not read (images, archives).
    pub facts: Option<Arc<ContentFacts>>,
    /// Whose it seems to be; `None` without a candidate or without text.
    pub identity: Option<Identity>,
    /// For *someone else*: the candidate in the system with that e-mail address.
    pub seems_to_be: Option<Candidate>,
}

impl FileContent {
    /// The check validation judges, with what the user allowed.
    #[must_use]
    pub fn check(&self, allowed: Allowed) -> ContentCheck {
        let other = self
            .identity
            .as_ref()
            .filter(|i| i.verdict == Verdict::Other);
        ContentCheck {
            health: self
                .facts
                .as_ref()
                .map(|f| f.health.clone())
                .unwrap_or_default(),
            other_person: other.and_then(|i| i.other.clone()),
            seems_to_be: other
                .and(self.seems_to_be.as_ref())
                .map(|c| c.name.clone())
                .filter(|n| !n.trim().is_empty()),
            allowed,
        }
    }
}

/// The candidate as the identity rules see them.
#[must_use]
pub fn person(candidate: &Candidate) -> Person {
    Person {
        name: candidate.name.clone(),
        email: candidate.email.clone(),
        phone: candidate.phone.clone(),
    }
}

/// Whose `facts`' text seems to be, against `candidate`; `None` when there is no text.
#[must_use]
pub fn identity(facts: &ContentFacts, candidate: &Candidate, ignore: &Ignore) -> Option<Identity> {
    (!facts.text.trim().is_empty())
        .then(|| identity::judge(&facts.text, &person(candidate), ignore))
}

/// The e-mail address an *someone else* verdict rests on, if it rests on one.
#[must_use]
pub fn other_email(identity: &Identity) -> Option<&str> {
    identity
        .other
        .as_deref()
        .filter(|o| identity.verdict == Verdict::Other && o.contains('@'))
}

/// The candidate in the system whose e-mail is `email`, other than `not` (the chosen one);
/// `None` when the system cannot search by e-mail, finds no one, or fails (the check then
/// just names the address).
pub async fn owner_of(client: &dyn AtsClient, email: &str, not: &str) -> Option<Candidate> {
    if !client.provider().profile().candidate_search.by_email() {
        return None;
    }
    with_email(client, email)
        .await
        .ok()?
        .into_iter()
        .find(|c| c.id != not)
}

/// The candidates in the system whose e-mail is exactly `email` (any case): the system's
/// search may return near matches (Spott searches free text), only exact ones count.
pub async fn with_email(
    client: &dyn AtsClient,
    email: &str,
) -> Result<Vec<Candidate>, crate::providers::ProviderError> {
    let page = client
        .find_candidates(email, None, OWNER_SEARCH_LIMIT)
        .await?;
    Ok(page
        .candidates
        .into_iter()
        .filter(|c| {
            c.email
                .as_deref()
                .is_some_and(|e| e.trim().eq_ignore_ascii_case(email.trim()))
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn anna(phone: Option<&str>) -> Candidate {
        Candidate {
            id: "cand-1".into(),
            name: "Anna van der Berg".into(),
            email: Some("anna.vdberg@example.com".into()),
            phone: phone.map(str::to_owned),
            remote_id: None,
            applications: Vec::new(),
        }
    }

    #[test]
    fn the_candidates_phone_alone_written_differently_is_a_match() {
        // No name, no e-mail: only the number, written the national way.
        let facts = ContentFacts {
            text: "Curriculum Vitae\nTel. 0612345678\nUtrecht\n".into(),
            ..ContentFacts::default()
        };
        let ignore = Ignore::default();
        let on_file = anna(Some("+31 6 1234 5678"));
        assert_eq!(person(&on_file).phone.as_deref(), Some("+31 6 1234 5678"));
        let judged = identity(&facts, &on_file, &ignore).unwrap();
        assert_eq!(judged.verdict, Verdict::Match, "{judged:?}");
        assert_eq!(judged.found.phones, ["612345678"]);

        // Without the phone on file the same text says nothing about whose it is.
        let judged = identity(&facts, &anna(None), &ignore).unwrap();
        assert_eq!(judged.verdict, Verdict::Unknown, "{judged:?}");
    }
}
