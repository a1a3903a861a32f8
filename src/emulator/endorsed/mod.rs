//! Endorsed API emulation (`../shared/providers/endorsed.md` §6): client credentials for
//! Bearer tokens ([`auth`]), candidates by UUID or `remote.<id>` plus the flagged search
//! extras ([`candidates`]), and attachments created or upserted by multipart `file` or JSON
//! `public_file_url` ([`attachments`]). Every answer uses Endorsed's
//! `{is_error, result | error:{code, issues}}` envelope.

mod attachments;
mod auth;
mod candidates;

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::Json;
use axum::Router;
use axum::http::StatusCode;
use axum::middleware;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use serde_json::{Value, json};

use super::ingest::IngestError;
use super::{Shared, envelope};
use crate::model::ProviderId;
use crate::model::profiles::endorsed::TOKEN_LIFETIME;

pub(crate) const SYSTEM: ProviderId = ProviderId::Endorsed;

/// Documented message of a 401 `UNAUTHENTICATED` [seed].
pub const UNAUTHENTICATED_MESSAGE: &str =
    "Resource requires authentication. Please provide a valid access token.";
/// Documented message of a 403 `FORBIDDEN` [seed].
pub const FORBIDDEN_MESSAGE: &str = "Access to this resource is not authorized.";
/// Documented message of a 404 `NOT_FOUND` [seed].
pub const NOT_FOUND_MESSAGE: &str = "This resource entity does not exist.";

/// Endorsed's mutable emulator state: issued tokens, candidates created through the API, and
/// the lock that makes an upsert's "find or create" atomic.
#[derive(Debug)]
pub struct State {
    tokens: Mutex<HashMap<String, auth::Issued>>,
    token_lifetime_secs: AtomicU64,
    created: Mutex<Vec<candidates::Person>>,
    upsert: Mutex<()>,
}

impl Default for State {
    fn default() -> Self {
        Self {
            tokens: Mutex::new(HashMap::new()),
            token_lifetime_secs: AtomicU64::new(TOKEN_LIFETIME.as_secs()),
            created: Mutex::new(Vec::new()),
            upsert: Mutex::new(()),
        }
    }
}

impl Shared {
    /// Endorsed: makes every access token issued so far expire now (the next call with one
    /// gets a 401), as a server-side expiry or revocation would.
    pub fn expire_endorsed_tokens(&self) {
        if let Ok(mut tokens) = self.endorsed.tokens.lock() {
            tokens.clear();
        }
    }

    /// Endorsed: the lifetime of tokens issued from now on (default: the documented 14 days).
    pub fn set_endorsed_token_lifetime(&self, lifetime: Duration) {
        self.endorsed
            .token_lifetime_secs
            .store(lifetime.as_secs(), Ordering::Relaxed);
    }
}

/// Endorsed's routes. Everything but `POST /auth/tokens` needs a Bearer token.
pub fn router(shared: Arc<Shared>) -> Router {
    Router::new()
        .route(
            "/candidates",
            get(candidates::query).post(candidates::create),
        )
        .route("/candidates/{id}", get(candidates::get_one))
        .route("/candidate_rankings", get(candidates::rankings))
        .route(
            "/attachments",
            get(attachments::list).post(attachments::create),
        )
        .route(
            "/attachments/{id}",
            get(attachments::get_one)
                .put(attachments::upsert)
                .delete(attachments::delete),
        )
        .route_layer(middleware::from_fn_with_state(
            Arc::clone(&shared),
            auth::bearer,
        ))
        .route("/auth/tokens", post(auth::tokens))
        .method_not_allowed_fallback(|| async {
            envelope::error(
                SYSTEM,
                StatusCode::METHOD_NOT_ALLOWED,
                Some("BAD_REQUEST"),
                "This method is not allowed on this resource.",
            )
        })
        .fallback(|| async { fail(StatusCode::NOT_FOUND, NOT_FOUND_MESSAGE) })
        .with_state(shared)
}

/// An error answer with one issue; the code follows the status.
fn fail(status: StatusCode, message: &str) -> Response {
    envelope::error(SYSTEM, status, None, message)
}

/// A 400 `BAD_REQUEST` with one issue per invalid field (`path` names the field; empty for
/// none) [assumption: validation errors are not documented].
fn invalid(issues: &[(&str, String)]) -> Response {
    let issues: Vec<Value> = issues
        .iter()
        .map(|(field, message)| {
            if field.is_empty() {
                json!({ "message": message })
            } else {
                json!({ "message": message, "path": [field] })
            }
        })
        .collect();
    (
        StatusCode::BAD_REQUEST,
        Json(json!({ "is_error": true, "error": { "code": "BAD_REQUEST", "issues": issues } })),
    )
        .into_response()
}

/// Why a request is refused, kept small until it becomes an answer.
#[derive(Debug)]
enum Refusal {
    /// 400 `BAD_REQUEST`, one issue per invalid field.
    Invalid(Vec<(&'static str, String)>),
    /// Any status with one message; the code follows the status.
    Status(StatusCode, String),
}

impl Refusal {
    fn invalid(field: &'static str, message: impl Into<String>) -> Self {
        Self::Invalid(vec![(field, message.into())])
    }

    fn respond(self) -> Response {
        match self {
            Self::Invalid(issues) => invalid(&issues),
            Self::Status(status, message) => fail(status, &message),
        }
    }
}

impl From<IngestError> for Refusal {
    fn from(e: IngestError) -> Self {
        Self::Status(e.status, e.message)
    }
}

/// A success answer `{is_error: false, result}`.
fn ok(status: StatusCode, result: &Value) -> Response {
    (status, Json(json!({ "is_error": false, "result": result }))).into_response()
}

/// The 400 for a query string with unknown or malformed parameters.
fn bad_query(allowed: &str) -> Response {
    invalid(&[(
        "",
        format!("Unknown or malformed query parameter; allowed: {allowed}"),
    )])
}

/// Reads an optional numeric query parameter from `min` to `max`.
fn number_param(
    raw: Option<&str>,
    name: &'static str,
    default: usize,
    (min, max): (usize, usize),
) -> Result<usize, Refusal> {
    match raw.map(|r| r.trim().parse::<usize>()) {
        None => Ok(default),
        Some(Ok(n)) if (min..=max).contains(&n) => Ok(n),
        Some(_) => Err(Refusal::invalid(
            name,
            format!("{name} must be a whole number from {min} to {max}"),
        )),
    }
}
