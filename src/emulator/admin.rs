//! `/_emulator/…`: control the emulator from another process (tests, benchmarks, the CLI).

use std::sync::Arc;

use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use serde::Deserialize;

use super::Shared;
use super::faults::Fault;
use crate::model::ProviderId;

/// The admin routes.
pub fn router(shared: Arc<Shared>) -> Router {
    Router::new()
        .route("/health", get(|| async { "ok" }))
        .route(
            "/faults",
            get(list_faults).post(add_fault).delete(clear_faults),
        )
        .route("/attachments", get(attachments))
        .route("/accounts", get(accounts))
        .with_state(shared)
}

async fn list_faults(State(shared): State<Arc<Shared>>) -> Response {
    Json(shared.faults.pending()).into_response()
}

async fn add_fault(State(shared): State<Arc<Shared>>, Json(fault): Json<Fault>) -> Response {
    shared.faults.inject(fault);
    StatusCode::NO_CONTENT.into_response()
}

async fn clear_faults(State(shared): State<Arc<Shared>>) -> Response {
    shared.faults.clear();
    StatusCode::NO_CONTENT.into_response()
}

#[derive(Deserialize)]
struct AttachmentQuery {
    provider: ProviderId,
    candidate: Option<String>,
}

async fn attachments(
    State(shared): State<Arc<Shared>>,
    Query(q): Query<AttachmentQuery>,
) -> Response {
    Json(shared.store.attachments(q.provider, q.candidate.as_deref())).into_response()
}

async fn accounts(State(shared): State<Arc<Shared>>) -> Response {
    Json(shared.accounts()).into_response()
}
