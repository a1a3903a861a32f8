//! Which candidate a file of a bulk run belongs to, asked of the connected system and paced
//! by its rate limit (the same lane its uploads use). Evidence in order of trust:
//!
//! 1. the mapping CSV (`file,candidate_id`);
//! 2. an e-mail address in the file (the first that finds someone), then a phone number in
//!    it that tells two people of one name apart;
//! 3. the sender of the mail the file came in;
//! 4. an e-mail address in the file name;
//! 5. a name — in the file name, else heading the file — only when exactly one candidate has
//!    it and nothing in the file says it is someone else's.
//!
//! Two candidates for one piece of evidence leave the file *ambiguous*; nothing found leaves it
//! *unmatched*. Neither is ever sent.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, PoisonError};

use serde::Serialize;

use super::file_name;
use super::mapping::Mapping;
use crate::content::check::person;
use crate::content::facts::ContentFacts;
use crate::content::identity::{self, Ignore, Verdict, fold, is_personal, phone_key};
use crate::i18n::Text;
use crate::model::{Candidate, CandidateSearch};
use crate::providers::{AtsClient, ProviderError};
use crate::upload::lane::Lane;

/// Candidates asked for per search (two are enough to know a name is not unique; a few more
/// let a phone number pick one).
const SEARCH_LIMIT: usize = 10;

/// E-mail addresses in one file that are looked up (the first that finds someone counts).
const EMAILS_PER_FILE: usize = 3;

/// What is known about one file before matching.
#[derive(Clone, Debug, Default)]
pub struct Evidence {
    /// The file.
    pub path: PathBuf,
    /// Its name (for a mail's attachment, the attachment's name).
    pub name: String,
    /// What its content says, when it was read.
    pub content: Option<Arc<ContentFacts>>,
    /// The addresses of the mail it came in (Reply-To, From, then forwarded ones).
    pub senders: Vec<String>,
}

impl Evidence {
    /// The evidence of a file found (with the mail it came in, if any), inspected as `facts`,
    /// whose content reads as `content`.
    #[must_use]
    pub fn of(
        found: &crate::mail::expand::Found,
        facts: &crate::model::FileFacts,
        content: Option<Arc<ContentFacts>>,
    ) -> Self {
        Self {
            path: facts.path.clone(),
            name: facts.name.clone(),
            content,
            senders: found
                .from_mail
                .as_ref()
                .map(|m| m.mail.senders.iter().map(|s| s.email.clone()).collect())
                .unwrap_or_default(),
        }
    }
}

/// Why a file was given its candidate.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MatchedBy {
    /// A row of the mapping CSV.
    Mapping,
    /// An e-mail address in the file.
    EmailInFile,
    /// A phone number in the file (with the name, telling two people apart).
    PhoneInFile,
    /// The sender of the mail it came in.
    MailSender,
    /// An e-mail address in the file name.
    EmailInFileName,
    /// A name in the file name.
    NameInFileName,
    /// A name heading the file.
    NameInFile,
}

impl MatchedBy {
    /// The wire value (`email_in_file`), as `--json` and the CSV export write it.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Mapping => "mapping",
            Self::EmailInFile => "email_in_file",
            Self::PhoneInFile => "phone_in_file",
            Self::MailSender => "mail_sender",
            Self::EmailInFileName => "email_in_file_name",
            Self::NameInFileName => "name_in_file_name",
            Self::NameInFile => "name_in_file",
        }
    }

    /// "e-mail in the file", as a row's *why* says it.
    #[must_use]
    pub fn describe(self) -> String {
        self.text().english()
    }

    /// [`MatchedBy::describe`] in any language.
    #[must_use]
    pub fn text(self) -> crate::i18n::Text {
        crate::i18n::Text::new(match self {
            Self::Mapping => "matched-by-mapping",
            Self::EmailInFile => "matched-by-email-in-file",
            Self::PhoneInFile => "matched-by-phone-in-file",
            Self::MailSender => "matched-by-mail-sender",
            Self::EmailInFileName => "matched-by-email-in-file-name",
            Self::NameInFileName => "matched-by-name-in-file-name",
            Self::NameInFile => "matched-by-name-in-file",
        })
    }
}

/// The candidate proposed for a file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Proposal {
    /// One candidate.
    Matched {
        /// Who.
        candidate: Candidate,
        /// Why.
        by: MatchedBy,
        /// The evidence itself ("anna@example.com", "Anna Jansen").
        evidence: String,
    },
    /// Several candidates fit the best evidence: the user chooses.
    Ambiguous {
        /// Who.
        candidates: Vec<Candidate>,
        /// The evidence they share.
        by: MatchedBy,
        /// The evidence itself.
        evidence: String,
    },
    /// Nobody found.
    Unmatched {
        /// Why, in an English clause ("no e-mail, phone or name in it finds a candidate"):
        /// the matcher's own are [`NoMatch::english`]; [`Proposal::why_text`] says it in any
        /// language.
        why: String,
    },
}

impl Proposal {
    /// Why nobody was found, in any language (`None`: someone was). The matcher's own reasons
    /// are said in the language asked for; other words (an error) as they are.
    #[must_use]
    pub fn why_text(&self) -> Option<Text> {
        match self {
            Self::Unmatched { why } => {
                Some(NoMatch::read(why).map_or_else(|| Text::verbatim(why.as_str()), |n| n.text()))
            }
            _ => None,
        }
    }
}

/// Why the matcher found nobody for a file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NoMatch {
    /// The mapping gives the file a candidate id the system does not know.
    UnknownId(String),
    /// The system (by name) cannot search its candidates: only a mapping row can match.
    CannotSearch(String),
    /// Nothing in the file or its name finds anyone.
    NothingFinds,
}

/// [`NoMatch::UnknownId`] in English, around the id.
const UNKNOWN_ID: (&str, &str) = (
    "the mapping gives it candidate ",
    ", whom the system does not know",
);
/// [`NoMatch::CannotSearch`] in English, after the system.
const CANNOT_SEARCH: &str = " cannot search its candidates, so only a mapping row can match it";

impl NoMatch {
    /// The clause, in any language.
    #[must_use]
    pub fn text(&self) -> Text {
        match self {
            Self::UnknownId(id) => crate::text!("bulk-why-unknown-id", id = id),
            Self::CannotSearch(system) => crate::text!("bulk-why-cannot-search", system = system),
            Self::NothingFinds => crate::text!("bulk-why-nothing-finds"),
        }
    }

    /// The clause in English: what [`Proposal::Unmatched`] keeps.
    #[must_use]
    pub fn english(&self) -> String {
        self.text().english()
    }

    /// The reason whose English clause is `why`, if it is one of the matcher's.
    #[must_use]
    pub fn read(why: &str) -> Option<Self> {
        let (before, after) = UNKNOWN_ID;
        if let Some(id) = why
            .strip_prefix(before)
            .and_then(|rest| rest.strip_suffix(after))
        {
            return Some(Self::UnknownId(id.to_owned()));
        }
        if let Some(system) = why.strip_suffix(CANNOT_SEARCH) {
            return Some(Self::CannotSearch(system.to_owned()));
        }
        (why == Self::NothingFinds.english()).then_some(Self::NothingFinds)
    }
}

/// Matches files to candidates of one system, remembering each search.
pub struct Matcher {
    client: Arc<dyn AtsClient>,
    lane: Arc<Lane>,
    ignore: Ignore,
    mapping: Mapping,
    searches: Mutex<HashMap<String, Arc<Vec<Candidate>>>>,
    by_id: Mutex<HashMap<String, Option<Candidate>>>,
}

impl std::fmt::Debug for Matcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Matcher")
            .field("system", &self.client.provider())
            .finish_non_exhaustive()
    }
}

impl Matcher {
    /// A matcher asking `client`, each request paced by `lane` (the account's upload lane,
    /// so lookups and uploads together keep to the system's limit), skipping addresses of
    /// `ignore`'s domains, with `mapping` (empty: none).
    #[must_use]
    pub fn new(
        client: Arc<dyn AtsClient>,
        lane: Arc<Lane>,
        ignore: Ignore,
        mapping: Mapping,
    ) -> Self {
        Self {
            client,
            lane,
            ignore,
            mapping,
            searches: Mutex::new(HashMap::new()),
            by_id: Mutex::new(HashMap::new()),
        }
    }

    /// The candidate proposed for the file of `evidence`.
    pub async fn propose(&self, evidence: &Evidence) -> Result<Proposal, ProviderError> {
        if let Some(id) = self.mapping.candidate_for(&evidence.path, &evidence.name) {
            return Ok(match self.candidate(id).await? {
                Some(candidate) => Proposal::Matched {
                    candidate,
                    by: MatchedBy::Mapping,
                    evidence: id.to_owned(),
                },
                None => Proposal::Unmatched {
                    why: NoMatch::UnknownId(id.to_owned()).english(),
                },
            });
        }
        let text = evidence.content.as_ref().map_or("", |c| c.text.as_str());
        let found = identity::find(text);
        let search = self.client.provider().profile().candidate_search;
        if search.by_email() {
            let in_file: Vec<&String> = found
                .emails
                .iter()
                .filter(|e| is_personal(e, &self.ignore))
                .take(EMAILS_PER_FILE)
                .collect();
            for email in in_file {
                if let Some(p) = self.by_email(email, MatchedBy::EmailInFile).await? {
                    return Ok(p);
                }
            }
            for email in evidence
                .senders
                .iter()
                .filter(|e| is_personal(e, &self.ignore))
            {
                if let Some(p) = self.by_email(email, MatchedBy::MailSender).await? {
                    return Ok(p);
                }
            }
            if let Some(email) = file_name::read(&evidence.name).email
                && let Some(p) = self.by_email(&email, MatchedBy::EmailInFileName).await?
            {
                return Ok(p);
            }
        }
        if matches!(
            search,
            CandidateSearch::FreeText | CandidateSearch::EmailOrExactName
        ) {
            let names = file_name::read(&evidence.name)
                .name
                .map(|n| (n, MatchedBy::NameInFileName))
                .into_iter()
                .chain(
                    found
                        .names
                        .iter()
                        .take(1)
                        .map(|n| (n.clone(), MatchedBy::NameInFile)),
                );
            for (name, by) in names {
                if let Some(p) = self.by_name(&name, by, text, &found.phones).await? {
                    return Ok(p);
                }
            }
        }
        let why = if search == CandidateSearch::IdOnly {
            NoMatch::CannotSearch(self.client.provider().to_string())
        } else {
            NoMatch::NothingFinds
        };
        Ok(Proposal::Unmatched { why: why.english() })
    }

    /// The candidates whose e-mail is exactly `email`: `None` when there are none.
    async fn by_email(
        &self,
        email: &str,
        by: MatchedBy,
    ) -> Result<Option<Proposal>, ProviderError> {
        let hits: Vec<Candidate> = self
            .search(email)
            .await?
            .iter()
            .filter(|c| {
                c.email
                    .as_deref()
                    .is_some_and(|e| e.trim().eq_ignore_ascii_case(email))
            })
            .cloned()
            .collect();
        Ok(one_or_several(hits, by, email))
    }

    /// The candidates named exactly `name` (folded); a phone in the file picks one of
    /// several; one alone counts only when the file does not say it is someone else's.
    async fn by_name(
        &self,
        name: &str,
        by: MatchedBy,
        text: &str,
        phones: &[String],
    ) -> Result<Option<Proposal>, ProviderError> {
        let wanted = fold(name);
        let hits: Vec<Candidate> = self
            .search(name)
            .await?
            .iter()
            .filter(|c| fold(&c.name) == wanted)
            .cloned()
            .collect();
        let by_phone: Vec<&Candidate> = hits
            .iter()
            .filter(|c| {
                c.phone
                    .as_deref()
                    .and_then(phone_key)
                    .is_some_and(|p| phones.contains(&p))
            })
            .collect();
        if let [one] = by_phone.as_slice() {
            return Ok(Some(Proposal::Matched {
                candidate: (*one).clone(),
                by: MatchedBy::PhoneInFile,
                evidence: name.to_owned(),
            }));
        }
        if let [one] = hits.as_slice()
            && !text.trim().is_empty()
            && identity::judge(text, &person(one), &self.ignore).verdict == Verdict::Other
        {
            // The name fits, but the file heads with someone else's details.
            return Ok(None);
        }
        Ok(one_or_several(hits, by, name))
    }

    /// A search, asked once per run.
    async fn search(&self, query: &str) -> Result<Arc<Vec<Candidate>>, ProviderError> {
        let key = query.trim().to_lowercase();
        if let Some(hit) = self
            .searches
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .get(&key)
        {
            return Ok(Arc::clone(hit));
        }
        self.lane.take_request().await;
        let page = match self
            .client
            .find_candidates(query.trim(), None, SEARCH_LIMIT)
            .await
        {
            Ok(page) => page.candidates,
            // A query the system cannot take (a name where it searches e-mail only) finds
            // nobody.
            Err(ProviderError::Rejected { .. } | ProviderError::Unsupported { .. }) => Vec::new(),
            Err(e) => return Err(e),
        };
        let page = Arc::new(page);
        self.searches
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .insert(key, Arc::clone(&page));
        Ok(page)
    }

    /// The candidate with `id`, asked once per run; `None` when the system does not know it.
    async fn candidate(&self, id: &str) -> Result<Option<Candidate>, ProviderError> {
        if let Some(known) = self
            .by_id
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .get(id)
        {
            return Ok(known.clone());
        }
        self.lane.take_request().await;
        let found = match self.client.get_candidate(id).await {
            Ok(c) => Some(c),
            Err(ProviderError::NotFound { .. }) => None,
            Err(e) => return Err(e),
        };
        self.by_id
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .insert(id.to_owned(), found.clone());
        Ok(found)
    }
}

fn one_or_several(mut hits: Vec<Candidate>, by: MatchedBy, evidence: &str) -> Option<Proposal> {
    match hits.len() {
        0 => None,
        1 => Some(Proposal::Matched {
            candidate: hits.remove(0),
            by,
            evidence: evidence.to_owned(),
        }),
        _ => Some(Proposal::Ambiguous {
            candidates: hits,
            by,
            evidence: evidence.to_owned(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn reasons_keep_their_english_words_and_read_back_in_any_language() {
        let reasons = [
            (
                NoMatch::UnknownId("cand-9".into()),
                "the mapping gives it candidate cand-9, whom the system does not know",
            ),
            (
                NoMatch::CannotSearch("Onderwijsregio".into()),
                "Onderwijsregio cannot search its candidates, so only a mapping row can match it",
            ),
            (
                NoMatch::NothingFinds,
                "no e-mail, phone or name in it or its name finds a candidate",
            ),
        ];
        for (reason, english) in reasons {
            assert_eq!(reason.english(), english);
            assert_eq!(NoMatch::read(english).as_ref(), Some(&reason));
            let proposal = Proposal::Unmatched {
                why: english.to_owned(),
            };
            let text = proposal.why_text().unwrap();
            assert_eq!(text.english(), english);
            assert_ne!(text.render_in(Lang::Nl), english);
            assert_ne!(text.render_in(Lang::De), english);
        }
        // Words that are not the matcher's (the system could not be asked) stay as they are.
        let other = Proposal::Unmatched {
            why: "het systeem kon niet worden bevraagd (time-out)".to_owned(),
        };
        assert_eq!(
            other.why_text().unwrap().render_in(Lang::De),
            "het systeem kon niet worden bevraagd (time-out)"
        );
    }
}
