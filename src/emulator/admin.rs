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

/// The largest body an admin route reads.
pub const ADMIN_BODY_LIMIT: usize = 64 * 1024;

/// The admin routes.
pub fn router(shared: Arc<Shared>) -> Router {
    Router::new()
        .route("/health", get(|| async { "ok" }))
        .route(
            "/faults",
            get(list_faults).post(add_fault).delete(clear_faults),
        )
        .route("/attachments", get(attachments))
        .route("/requests", get(requests))
        .route("/tenants", axum::routing::post(add_tenant))
        .route("/accounts", get(accounts))
        // A fault or a tenant is a few hundred bytes.
        .layer(axum::extract::DefaultBodyLimit::max(ADMIN_BODY_LIMIT))
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
    /// Only this tenant's (every tenant's when absent).
    tenant: Option<String>,
}

async fn attachments(
    State(shared): State<Arc<Shared>>,
    Query(q): Query<AttachmentQuery>,
) -> Response {
    let found = match &q.tenant {
        Some(tenant) => shared
            .store
            .tenant_attachments(q.provider, tenant, q.candidate.as_deref()),
        None => shared.store.attachments(q.provider, q.candidate.as_deref()),
    };
    Json(found).into_response()
}

#[derive(Deserialize)]
struct RequestQuery {
    provider: Option<ProviderId>,
}

/// What each request was, for tests in another process: system, method, path, status and the
/// tenant its secret opened (never the secret itself).
async fn requests(State(shared): State<Arc<Shared>>, Query(q): Query<RequestQuery>) -> Response {
    let list: Vec<serde_json::Value> = shared
        .recorder
        .all()
        .into_iter()
        .filter(|r| q.provider.is_none_or(|p| r.provider == Some(p)))
        .map(|r| {
            serde_json::json!({
                "provider": r.provider, "method": r.method, "path": r.path,
                "status": r.status, "tenant": r.tenant,
            })
        })
        .collect();
    Json(list).into_response()
}

#[derive(Deserialize)]
struct TenantRequest {
    provider: ProviderId,
    name: String,
    secret: String,
}

/// Adds a tenant: `{"provider", "name", "secret"}`.
async fn add_tenant(State(shared): State<Arc<Shared>>, Json(t): Json<TenantRequest>) -> Response {
    shared.tenants.add(t.provider, &t.name, &t.secret);
    StatusCode::NO_CONTENT.into_response()
}

async fn accounts(State(shared): State<Arc<Shared>>) -> Response {
    Json(shared.accounts()).into_response()
}
