//! Onderwijsregio API v2 emulation, the "Mutation Engine" (`../shared/providers/onderwijsregio.md`
//! § 6): `x-api-key` (or the deprecated `api-key`), the `{statusCode, message, data, meta}`
//! envelope, cursor-paged candidates, `find` by e-mail or phone, and attachment mutations that
//! are validated synchronously, acknowledged with 202 and applied later ([`engine`]).
//!
//! Choices the contract leaves open, made here (and in `model::profiles::onderwijsregio`):
//! - Sandbox: `x-api-sandbox: true` or the `/sandbox/…` prefix (the emulator's analogue of
//!   `/api/sandbox/…`) only report `meta.sandboxEnabled: true`; both share one store, since
//!   the whole emulator is a sandbox already.
//! - Rate limit: more than 5 GET requests in one second (all keys together, as Airtable's limit
//!   is shared) answer 429 with `Retry-After: 1` when `config.rate_limits` is on; never the 500
//!   the real API may also answer (tests inject that as a fault). Mutations are not limited.
//! - `callbackUrl` is checked and then ignored: the emulator makes no outbound requests, so
//!   clients poll `GET /candidates/{id}`.
//! - Attachments by `url` are refused with 400: the emulator cannot fetch them.

mod attachments;
mod candidates;
mod engine;

use std::sync::Arc;
use std::time::Duration;

use axum::body::Body;
use axum::extract::{Request, State as AxState};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use futures_util::StreamExt;
use serde_json::{Map, Value, json};

use super::Shared;
use super::credentials::{TenantId, run_as};
use super::ratelimit::RateWindow;
use crate::model::ProviderId;
use crate::model::profiles::onderwijsregio::{
    API_KEY_HEADER, LEGACY_API_KEY_HEADER, PROFILE, RETRY_AFTER_SECS, SANDBOX_HEADER,
};

const SYSTEM: ProviderId = ProviderId::Onderwijsregio;

/// Onderwijsregio's mutable emulator state: the shared GET rate window and the Mutation Engine.
#[derive(Debug)]
pub struct State {
    window: RateWindow,
    engine: engine::Engine,
}

impl Default for State {
    fn default() -> Self {
        let limit = PROFILE.rate_limit.value;
        Self {
            // Airtable: 5 requests / second, shared [doc: D-trouble].
            window: RateWindow::new(
                limit.requests.map_or(5, |n| n as usize),
                limit.per.max(Duration::from_millis(1)),
            ),
            engine: engine::Engine::default(),
        }
    }
}

/// Whether the request runs against the sandbox (`meta.sandboxEnabled`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Sandbox(bool);

type Shd = AxState<Arc<Shared>>;

/// Onderwijsregio's routes, also served under `/sandbox`.
pub fn router(shared: Arc<Shared>) -> Router {
    let api = || {
        Router::new()
            .route("/candidates", get(candidates::list))
            .route("/candidates/find", get(candidates::find))
            .route("/candidates/{id}", get(candidates::get))
            .route(
                "/candidates/{id}/attachments",
                axum::routing::post(attachments::add).delete(attachments::remove),
            )
    };
    Router::new()
        .merge(api())
        .nest("/sandbox", api())
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .layer(middleware::from_fn_with_state(Arc::clone(&shared), gate))
        .with_state(shared)
}

async fn not_found(request: Request) -> Response {
    let sandbox = request.extensions().get::<Sandbox>().is_some_and(|s| s.0);
    fail(
        sandbox,
        StatusCode::NOT_FOUND,
        &format!(
            "Route {} {} not found",
            request.method(),
            request.uri().path()
        ),
        Vec::new(),
    )
}

async fn method_not_allowed(request: Request) -> Response {
    let sandbox = request.extensions().get::<Sandbox>().is_some_and(|s| s.0);
    fail(
        sandbox,
        StatusCode::METHOD_NOT_ALLOWED,
        &format!(
            "Method {} is not allowed on {}",
            request.method(),
            request.uri().path()
        ),
        Vec::new(),
    )
}

/// Sandbox detection, the API key, then the shared GET rate limit.
async fn gate(AxState(shared): Shd, mut request: Request, next: Next) -> Response {
    let sandbox = is_sandbox(request.headers(), request.uri().path());
    request.extensions_mut().insert(Sandbox(sandbox));
    let headers = request.headers();
    let (key, legacy) = match headers.get(API_KEY_HEADER) {
        Some(v) => (Some(v), false),
        None => (headers.get(LEGACY_API_KEY_HEADER), true),
    };
    let tenant = match key.map(HeaderValue::to_str) {
        None => Err("Missing API key: send it in the x-api-key header"),
        Some(Ok(k)) => shared.tenants.of(SYSTEM, k).ok_or("Invalid API key"),
        Some(Err(_)) => Err("Invalid API key"),
    };
    let tenant = match tenant {
        Ok(tenant) => TenantId(tenant),
        Err(message) => {
            drain(request.into_body()).await;
            return fail(sandbox, StatusCode::UNAUTHORIZED, message, Vec::new());
        }
    };
    if request.method() == Method::GET
        && shared.config.rate_limits
        && shared.onderwijsregio.window.hit().is_err()
    {
        let mut response = fail(
            sandbox,
            StatusCode::TOO_MANY_REQUESTS,
            "Too many requests: the API allows 5 requests per second. Please retry later.",
            Vec::new(),
        );
        response
            .headers_mut()
            .insert(header::RETRY_AFTER, HeaderValue::from(RETRY_AFTER_SECS));
        return response;
    }
    let mut response = run_as(tenant, request, next).await;
    if legacy {
        // The old header still works until the next major version [doc: D-migr].
        response
            .headers_mut()
            .insert("deprecation", HeaderValue::from_static("true"));
    }
    response
}

fn is_sandbox(headers: &HeaderMap, path: &str) -> bool {
    path == "/sandbox"
        || path.starts_with("/sandbox/")
        || headers
            .get(SANDBOX_HEADER)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.trim().eq_ignore_ascii_case("true"))
}

/// Reads and discards a body, so an early answer reaches the client instead of a reset.
async fn drain(body: Body) {
    let mut stream = body.into_data_stream();
    while let Some(Ok(_)) = stream.next().await {}
}

/// One validation problem: where (`curriculumVitae[2].data`) and what.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Problem {
    path: String,
    message: String,
}

impl Problem {
    fn new(path: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            path: path.into(),
            message: message.into(),
        }
    }
}

/// A success answer in the envelope; `meta` gets `sandboxEnabled` added.
fn ok(
    status: StatusCode,
    sandbox: bool,
    message: &str,
    data: Value,
    mut meta: Map<String, Value>,
) -> Response {
    meta.insert("sandboxEnabled".to_owned(), Value::Bool(sandbox));
    let mut body = Map::new();
    body.insert("statusCode".to_owned(), json!(status.as_u16()));
    body.insert("message".to_owned(), json!(message));
    body.insert("data".to_owned(), data);
    body.insert("meta".to_owned(), Value::Object(meta));
    (status, Json(Value::Object(body))).into_response()
}

/// An error answer: `{statusCode, message, data: {errors: [{path, message}]}, meta}`
/// (the shape of `envelope::error`, with the request's sandbox flag and every problem).
fn fail(sandbox: bool, status: StatusCode, message: &str, problems: Vec<Problem>) -> Response {
    let problems = if problems.is_empty() {
        vec![Problem::new("", message)]
    } else {
        problems
    };
    let errors: Vec<Value> = problems
        .into_iter()
        .map(|p| json!({ "path": p.path, "message": p.message }))
        .collect();
    let body = json!({
        "statusCode": status.as_u16(),
        "message": message,
        "data": { "errors": errors },
        "meta": { "sandboxEnabled": sandbox },
    });
    (status, Json(body)).into_response()
}

/// A 400 "Validation failed" listing every problem.
fn invalid(sandbox: bool, problems: Vec<Problem>) -> Response {
    fail(
        sandbox,
        StatusCode::BAD_REQUEST,
        "Validation failed",
        problems,
    )
}

/// Shortens a serde error to its first sentence-like part (drops "at line 1 column 9").
fn serde_message(e: &serde_json::Error) -> String {
    let text = e.to_string();
    match text.rsplit_once(" at line ") {
        Some((head, _)) => head.to_owned(),
        None => text,
    }
}
