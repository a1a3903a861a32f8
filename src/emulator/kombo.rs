//! Kombo API emulation (`../shared/providers/kombo.md`).

use std::sync::Arc;

use axum::Router;
use axum::http::StatusCode;

use super::{Shared, envelope};
use crate::model::ProviderId;

/// Kombo's mutable emulator state.
#[derive(Debug, Default)]
pub struct State;

/// Kombo's routes.
pub fn router(shared: Arc<Shared>) -> Router {
    Router::new()
        .fallback(|| async {
            envelope::error(ProviderId::Kombo, StatusCode::NOT_FOUND, None, "Not found")
        })
        .with_state(shared)
}
