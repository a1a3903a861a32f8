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
    /// The tenant (the account whose secret stored it; see [`super::Tenants`]).
    pub tenant: String,
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

/// Candidates and attachments of every system. Every tenant of a system sees the same seeded
/// people under the same ids [emulator choice: a file sent with the wrong tenant's key then lands
/// there instead of failing with 404, which is what the tests must be able to catch]; each
/// tenant has attachments of its own.
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
                    tenant: super::DEMO_TENANT.to_owned(),
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

    /// Replaces the attachment with the same provider, tenant and id, or adds it; returns
    /// whether it replaced one.
    pub fn upsert(&self, attachment: StoredAttachment) -> bool {
        let Ok(mut all) = self.attachments.lock() else {
            return false;
        };
        if let Some(existing) = all.iter_mut().find(|a| {
            a.provider == attachment.provider
                && a.tenant == attachment.tenant
                && a.id == attachment.id
        }) {
            *existing = attachment;
            true
        } else {
            all.push(attachment);
            false
        }
    }

    /// Removes a tenant's attachments by id; returns how many were removed.
    pub fn remove(
        &self,
        provider: ProviderId,
        tenant: &str,
        candidate_id: &str,
        ids: &[String],
    ) -> usize {
        let Ok(mut all) = self.attachments.lock() else {
            return 0;
        };
        let before = all.len();
        all.retain(|a| {
            !(a.provider == provider
                && a.tenant == tenant
                && a.candidate_id == candidate_id
                && ids.contains(&a.id))
        });
        before - all.len()
    }

    /// A candidate's attachments in every tenant (all of a system's when `candidate_id` is
    /// `None`): what tests and the admin API look at.
    #[must_use]
    pub fn attachments(
        &self,
        provider: ProviderId,
        candidate_id: Option<&str>,
    ) -> Vec<StoredAttachment> {
        self.select(|a| a.provider == provider && candidate_id.is_none_or(|c| a.candidate_id == c))
    }

    /// A candidate's attachments as one tenant sees them (all of the tenant's when
    /// `candidate_id` is `None`): what the emulated APIs answer.
    #[must_use]
    pub fn tenant_attachments(
        &self,
        provider: ProviderId,
        tenant: &str,
        candidate_id: Option<&str>,
    ) -> Vec<StoredAttachment> {
        self.select(|a| {
            a.provider == provider
                && a.tenant == tenant
                && candidate_id.is_none_or(|c| a.candidate_id == c)
        })
    }

    fn select(&self, keep: impl Fn(&StoredAttachment) -> bool) -> Vec<StoredAttachment> {
        self.attachments
            .lock()
            .map(|all| all.iter().filter(|a| keep(a)).cloned().collect())
            .unwrap_or_default()
    }
}

/// The current time as RFC 3339 (seconds).
#[must_use]
pub fn now_rfc3339() -> String {
    humantime::format_rfc3339_seconds(SystemTime::now()).to_string()
}
