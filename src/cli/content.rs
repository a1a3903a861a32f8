//! The content step of `validate` and `upload`: every checked file's content is read in reader
//! processes, judged against the candidate when there is one, and the files checked again with
//! what was found.

use std::collections::HashMap;

use futures_util::StreamExt as _;

use atsdrop::content::check::{self, FileContent};
use atsdrop::content::identity::Ignore;
use atsdrop::content::reader::ContentReader;
use atsdrop::model::{self, Allowed, Candidate, Limits};
use atsdrop::providers::AtsClient;

use super::validate::Outcome;

/// Who the files are for, when there is a candidate.
pub(super) struct Recipient<'a> {
    /// The system, to ask who another person's e-mail belongs to.
    pub client: &'a dyn AtsClient,
    /// The chosen candidate.
    pub candidate: &'a Candidate,
    /// The recruiter's own e-mail domains.
    pub ignore: &'a Ignore,
}

/// Reads the content of every file in `outcome`, judges it for `recipient`, and checks the
/// files again against `limits` with what was found.
pub(super) async fn add(
    outcome: &mut Outcome,
    limits: &Limits,
    recipient: Option<&Recipient<'_>>,
    allowed: Allowed,
) -> anyhow::Result<()> {
    let reader = ContentReader::for_this_program()?;
    let parallel = std::thread::available_parallelism().map_or(2, std::num::NonZero::get) * 2;
    let reads = outcome.staged.iter().map(|staged| {
        let reader = &reader;
        async move {
            match (staged.facts.readable(), staged.facts.content.as_ref()) {
                (true, Some(kind)) => reader.read(&staged.facts.path, kind).await,
                _ => None,
            }
        }
    });
    let facts: Vec<_> = futures_util::stream::iter(reads)
        .buffered(parallel)
        .collect()
        .await;

    let mut owners: HashMap<String, Option<Candidate>> = HashMap::new();
    let mut contents = Vec::with_capacity(facts.len());
    for facts in facts {
        let mut content = FileContent {
            identity: match (&facts, recipient) {
                (Some(f), Some(r)) => check::identity(f, r.candidate, r.ignore),
                _ => None,
            },
            facts,
            seems_to_be: None,
        };
        if let (Some(r), Some(email)) = (
            recipient,
            content.identity.as_ref().and_then(check::other_email),
        ) {
            if !owners.contains_key(email) {
                let owner = check::owner_of(r.client, email, &r.candidate.id).await;
                owners.insert(email.to_owned(), owner);
            }
            content.seems_to_be = owners.get(email).cloned().flatten();
        }
        contents.push(content);
    }
    for (staged, content) in outcome.staged.iter_mut().zip(&contents) {
        staged.content = content.check(allowed);
    }
    outcome.report = model::validate(outcome.profile, limits, &outcome.staged);
    outcome.contents = contents;
    Ok(())
}
