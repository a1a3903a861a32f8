//! Onderwijsregio API emulation (`../shared/providers/onderwijsregio.md`).

use std::sync::Arc;

use axum::Router;
use axum::http::StatusCode;

use super::{Shared, envelope};
use crate::model::ProviderId;

/// Onderwijsregio's mutable emulator state.
#[derive(Debug, Default)]
pub struct State;

/// Onderwijsregio's routes.
pub fn router(shared: Arc<Shared>) -> Router {
    Router::new()
        .fallback(|| async {
            envelope::error(
                ProviderId::Onderwijsregio,
                StatusCode::NOT_FOUND,
                None,
                "Not found",
            )
        })
        .with_state(shared)
}
