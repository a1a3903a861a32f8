//! Truto API emulation (`../shared/providers/truto.md`).

use std::sync::Arc;

use axum::Router;
use axum::http::StatusCode;

use super::{Shared, envelope};
use crate::model::ProviderId;

/// Truto's mutable emulator state.
#[derive(Debug, Default)]
pub struct State;

/// Truto's routes.
pub fn router(shared: Arc<Shared>) -> Router {
    Router::new()
        .fallback(|| async {
            envelope::error(ProviderId::Truto, StatusCode::NOT_FOUND, None, "Not found")
        })
        .with_state(shared)
}
