//! Endorsed API emulation (`../shared/providers/endorsed.md`).

use std::sync::Arc;

use axum::Router;
use axum::http::StatusCode;

use super::{Shared, envelope};
use crate::model::ProviderId;

/// Endorsed's mutable emulator state.
#[derive(Debug, Default)]
pub struct State;

/// Endorsed's routes.
pub fn router(shared: Arc<Shared>) -> Router {
    Router::new()
        .fallback(|| async {
            envelope::error(
                ProviderId::Endorsed,
                StatusCode::NOT_FOUND,
                None,
                "Not found",
            )
        })
        .with_state(shared)
}
