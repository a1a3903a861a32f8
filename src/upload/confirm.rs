//! Confirmation of uploads a system only accepts for later processing (Onderwijsregio's
//! Mutation Engine answers 202 and applies the change afterwards — or fails to): the
//! candidate's record is read, within the system's rate limit, until the file appears on it.

use std::sync::Arc;

use tokio::time::Instant;

use super::engine::{BatchCtx, Shared};
use crate::i18n::{Arg, Text};
use crate::model::RemoteAttachment;
use crate::providers::{AtsClient, UploadFile};
use crate::upload::types::Outcome;

/// What a look at the candidate found.
pub(crate) enum Confirmation {
    /// The file is on the candidate: its attachment id, if known.
    Seen(Option<String>),
    /// Not seen (within the time waited): the sentence saying so and what to do.
    NotSeen(Text),
}

impl Confirmation {
    /// The job's end for this finding.
    pub fn outcome(&self) -> (Outcome, Option<String>, Text) {
        match self {
            Self::Seen(id) => (
                Outcome::Uploaded,
                id.clone(),
                crate::text!("engine-confirmed"),
            ),
            Self::NotSeen(message) => (Outcome::Unconfirmed, None, message.clone()),
        }
    }
}

/// Looks at the candidate until `file` is there — more copies of it (name and size) than the
/// `before` the upload — or `wait` is over (zero: one look). Each look takes one request of
/// the lane's rate; looks start `poll` apart and grow to ten seconds.
pub(crate) async fn confirm(
    shared: &Arc<Shared>,
    ctx: &BatchCtx,
    client: &Arc<dyn AtsClient>,
    file: &UploadFile,
    before: Option<u32>,
    wait: std::time::Duration,
) -> Confirmation {
    let system = ctx.account.provider;
    let deadline = Instant::now() + wait;
    let mut pause = shared.config.confirm_poll;
    let mut last_error = None;
    loop {
        ctx.lane.take_request().await;
        match client.list_attachments(&ctx.target.candidate_id).await {
            Ok(list) => {
                let copies: Vec<&RemoteAttachment> = list
                    .iter()
                    .filter(|a| a.name == file.name && a.size.is_none_or(|s| s == file.size))
                    .collect();
                let count = u32::try_from(copies.len()).unwrap_or(u32::MAX);
                if count > before.unwrap_or(0) {
                    return Confirmation::Seen(copies.last().map(|a| a.id.clone()));
                }
            }
            Err(e) => last_error = Some(e),
        }
        let now = Instant::now();
        if now >= deadline {
            break;
        }
        tokio::time::sleep(pause.min(deadline - now)).await;
        pause = (pause * 3 / 2).min(std::time::Duration::from_secs(10));
    }
    let looked: Arg = last_error.map_or_else(
        || Arg::from(String::new()),
        |e| crate::text!("engine-last-look-failed", error = e.text()).into(),
    );
    let system = system.display_name();
    Confirmation::NotSeen(if wait.is_zero() {
        crate::text!(
            "engine-not-seen-yet",
            system = system,
            name = &file.name,
            looked = looked
        )
    } else {
        crate::text!(
            "engine-not-seen-within",
            system = system,
            name = &file.name,
            wait = Arg::Duration(wait),
            looked = looked
        )
    })
}
