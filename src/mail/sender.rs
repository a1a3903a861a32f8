//! The candidate a mail came from: its senders' addresses looked up in the connected system.
//! The mail's own Reply-To and From come first, then those of a message forwarded inside it
//! (a colleague forwarding a candidate's mail); the recruiter's own domains and role
//! addresses (`jobs@`, `info@`) are never looked up.

use crate::content::check::with_email;
use crate::content::identity::{Ignore, is_personal};
use crate::model::Candidate;
use crate::providers::{AtsClient, ProviderError};

use super::parsed::Sender;

/// The most sender addresses looked up for one mail.
const MAX_ADDRESSES: usize = 4;

/// What the system says about a mail's senders.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SenderMatch {
    /// Exactly one candidate has one of the addresses.
    One {
        /// The candidate.
        candidate: Candidate,
        /// The address that found them.
        email: String,
    },
    /// Several candidates have the addresses (two people share one, or Reply-To and From
    /// are two candidates): the user chooses.
    Several {
        /// The first address that found more than one, or the first that found anyone.
        email: String,
        /// The candidates, in the order found.
        candidates: Vec<Candidate>,
    },
    /// Nobody has any of the addresses.
    Nobody {
        /// The first address looked up (to fill the picker's search with).
        email: String,
    },
    /// The mail has no address worth looking up, or the system cannot search by e-mail.
    NotLookedUp,
}

/// The addresses of `senders` worth looking up, in order, each once, at most four.
#[must_use]
pub fn addresses(senders: &[Sender], ignore: &Ignore) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for sender in senders {
        if is_personal(&sender.email, ignore) && !out.contains(&sender.email) {
            out.push(sender.email.clone());
        }
        if out.len() == MAX_ADDRESSES {
            break;
        }
    }
    out
}

/// Looks `addresses` up in the system of `client`.
pub async fn match_senders(
    client: &dyn AtsClient,
    addresses: &[String],
) -> Result<SenderMatch, ProviderError> {
    let Some(first) = addresses.first() else {
        return Ok(SenderMatch::NotLookedUp);
    };
    if !client.provider().profile().candidate_search.by_email() {
        return Ok(SenderMatch::NotLookedUp);
    }
    let mut found: Vec<(String, Candidate)> = Vec::new();
    for email in addresses {
        for candidate in with_email(client, email).await? {
            if !found.iter().any(|(_, c)| c.id == candidate.id) {
                found.push((email.clone(), candidate));
            }
        }
    }
    Ok(match found.len() {
        0 => SenderMatch::Nobody {
            email: first.clone(),
        },
        1 => {
            let (email, candidate) = found.remove(0);
            SenderMatch::One { candidate, email }
        }
        _ => SenderMatch::Several {
            email: found[0].0.clone(),
            candidates: found.into_iter().map(|(_, c)| c).collect(),
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mail::SenderRole;

    fn sender(email: &str, depth: usize) -> Sender {
        Sender {
            name: None,
            email: email.into(),
            role: SenderRole::From,
            depth,
        }
    }

    #[test]
    fn own_domains_and_role_addresses_are_not_looked_up() {
        let ignore = Ignore {
            domains: vec!["agency.example".into()],
        };
        let senders = [
            sender("recruiter@agency.example", 0),
            sender("jobs@example.org", 0),
            sender("anna@example.com", 1),
            sender("anna@example.com", 1),
        ];
        assert_eq!(addresses(&senders, &ignore), ["anna@example.com"]);
    }
}
