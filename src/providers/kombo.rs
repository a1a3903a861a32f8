//! Kombo (`../shared/providers/kombo.md`) — being built.

use async_trait::async_trait;

use super::{
    AtsClient, CandidatePage, Connection, ProgressFn, ProviderError, UploadFile, UploadOutcome,
    UploadTarget,
};
use crate::model::{Candidate, ProviderId};

const SYSTEM: ProviderId = ProviderId::Kombo;

/// Client for Kombo.
#[derive(Debug)]
pub struct KomboClient;

impl KomboClient {
    /// A client for the connection.
    pub fn new(_connection: &Connection) -> Result<Self, ProviderError> {
        Ok(Self)
    }

    fn pending() -> ProviderError {
        ProviderError::Unsupported {
            system: SYSTEM,
            what: "This client".to_owned(),
        }
    }
}

#[async_trait]
impl AtsClient for KomboClient {
    fn provider(&self) -> ProviderId {
        SYSTEM
    }

    async fn check_connection(&self) -> Result<String, ProviderError> {
        Err(Self::pending())
    }

    async fn find_candidates(
        &self,
        _query: &str,
        _cursor: Option<&str>,
        _limit: usize,
    ) -> Result<CandidatePage, ProviderError> {
        Err(Self::pending())
    }

    async fn get_candidate(&self, _id: &str) -> Result<Candidate, ProviderError> {
        Err(Self::pending())
    }

    async fn upload(
        &self,
        _target: &UploadTarget,
        _files: &[UploadFile],
        _progress: ProgressFn,
    ) -> Result<Vec<UploadOutcome>, ProviderError> {
        Err(Self::pending())
    }
}
