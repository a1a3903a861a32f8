//! The emulator's in-memory data: seeded candidates per system and stored attachments
//! (size and sha256 — never the bytes).

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::SystemTime;

use serde::Serialize;

use super::seed::{self, Rng, SeedCandidate};
use crate::model::ProviderId;

/// An attachment the emulator stored.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct StoredAttachment {
    /// The system.
    pub provider: ProviderId,
    /// The attachment id.
    pub id: String,
    /// The candidate it belongs to.
    pub candidate_id: String,
    /// Kombo: the application it was attached to, if any.
    pub application_id: Option<String>,
    /// File name as sent.
    pub file_name: String,
    /// MIME type as sent.
    pub content_type: String,
    /// The system's type / field value.
    pub attachment_type: String,
    /// Decoded size in bytes.
    pub size: u64,
    /// Hex sha256 of the decoded bytes.
    pub sha256: String,
    /// Endorsed: the remote id it was upserted under.
    pub remote_id: Option<String>,
    /// When it was stored (RFC 3339).
    pub created_at: String,
}

/// Candidates and attachments of every system.
#[derive(Debug)]
pub struct Store {
    candidates: HashMap<ProviderId, Vec<SeedCandidate>>,
    attachments: Mutex<Vec<StoredAttachment>>,
    ids: Mutex<Rng>,
}

impl Store {
    /// A store seeded with `per_system` candidates per system and a few existing attachments.
    #[must_use]
    pub fn seeded(per_system: usize) -> Self {
        let candidates: HashMap<_, _> = ProviderId::ALL
            .into_iter()
            .map(|p| (p, seed::candidates(p, per_system)))
            .collect();
        let store = Self {
            candidates,
            attachments: Mutex::new(Vec::new()),
            ids: Mutex::new(Rng::new(0x0A77_AC11)),
        };
        // A few candidates already have a CV, so listing and the duplicate guard have
        // something to show.
        for provider in ProviderId::ALL {
            let profile = provider.profile();
            let cv = profile
                .types
                .iter()
                .find(|t| t.role == crate::model::AttachmentRole::Cv)
                .map_or(profile.default_other, |t| t.wire);
            for c in store.candidates(provider).iter().take(10) {
                let name = format!("{} CV.pdf", c.full_name());
                store.add(StoredAttachment {
                    provider,
                    id: store.new_id(provider),
                    candidate_id: c.id.clone(),
                    application_id: None,
                    file_name: name,
                    content_type: "application/pdf".to_owned(),
                    attachment_type: cv.to_owned(),
                    size: 48_213,
                    sha256: format!("{:064x}", 0),
                    remote_id: None,
                    created_at: "2026-01-15T09:30:00Z".to_owned(),
                });
            }
        }
        store
    }

    /// A system's candidates, in seed order.
    #[must_use]
    pub fn candidates(&self, provider: ProviderId) -> &[SeedCandidate] {
        self.candidates.get(&provider).map_or(&[], Vec::as_slice)
    }

    /// One candidate by id.
    #[must_use]
    pub fn candidate(&self, provider: ProviderId, id: &str) -> Option<&SeedCandidate> {
        self.candidates(provider).iter().find(|c| c.id == id)
    }

    /// A fresh attachment id in the system's style.
    #[must_use]
    pub fn new_id(&self, provider: ProviderId) -> String {
        let Ok(mut rng) = self.ids.lock() else {
            return uuid::Uuid::new_v4().to_string();
        };
        match provider {
            ProviderId::Spott => format!("att-{}", rng.string(seed::ALNUM, 16)),
            ProviderId::Kombo => rng.string(seed::BASE58, 24),
            ProviderId::Onderwijsregio => format!("att{}", rng.string(seed::ALNUM, 14)),
            ProviderId::Endorsed | ProviderId::Truto => seed::uuid_like(&mut rng),
        }
    }

    /// Stores an attachment.
    pub fn add(&self, attachment: StoredAttachment) {
        if let Ok(mut all) = self.attachments.lock() {
            all.push(attachment);
        }
    }

    /// Replaces the attachment with the same provider and id, or adds it; returns whether it
    /// replaced one.
    pub fn upsert(&self, attachment: StoredAttachment) -> bool {
        let Ok(mut all) = self.attachments.lock() else {
            return false;
        };
        if let Some(existing) = all
            .iter_mut()
            .find(|a| a.provider == attachment.provider && a.id == attachment.id)
        {
            *existing = attachment;
            true
        } else {
            all.push(attachment);
            false
        }
    }

    /// Removes attachments by id; returns how many were removed.
    pub fn remove(&self, provider: ProviderId, candidate_id: &str, ids: &[String]) -> usize {
        let Ok(mut all) = self.attachments.lock() else {
            return 0;
        };
        let before = all.len();
        all.retain(|a| {
            !(a.provider == provider && a.candidate_id == candidate_id && ids.contains(&a.id))
        });
        before - all.len()
    }

    /// A candidate's attachments (all of a system's when `candidate_id` is `None`).
    #[must_use]
    pub fn attachments(
        &self,
        provider: ProviderId,
        candidate_id: Option<&str>,
    ) -> Vec<StoredAttachment> {
        self.attachments
            .lock()
            .map(|all| {
                all.iter()
                    .filter(|a| {
                        a.provider == provider && candidate_id.is_none_or(|c| a.candidate_id == c)
                    })
                    .cloned()
                    .collect()
            })
            .unwrap_or_default()
    }
}

/// The current time as RFC 3339 (seconds).
#[must_use]
pub fn now_rfc3339() -> String {
    humantime::format_rfc3339_seconds(SystemTime::now()).to_string()
}
