//! Truto unified ATS API emulation (`../shared/providers/truto.md` §6).
//!
//! - Every route needs `Authorization: Bearer <token>` (401 `{statusCode, error, message}`)
//!   and counts against the token's 500 requests / 10 s.
//! - Every `/unified/*` route needs `integrated_account_id` (400 with
//!   `truto_error_insight.missing_required_query_parameters`), an account that exists (404),
//!   counts against that account's 50 requests / 10 s (429, `Retry-After: 10`), and refuses
//!   `POST`/`PATCH`/`DELETE` on a sandbox account (405).
//! - Query parameters a route does not know are refused with 400 — stricter than Truto may be,
//!   to catch misspelled parameters; known per-integration filters that are not emulated
//!   (`job_id`, `created_at`, …) are accepted and ignored, as Truto ignores unsupported ones.
//!
//! Demo accounts (all on the same seeded candidates and attachments): the Lever account from
//! [`credentials`](super::credentials) that takes uploads; the read-only sandbox
//! [`EMULATOR_SANDBOX_ACCOUNT_ID`]; and the Greenhouse account
//! [`EMULATOR_NO_UPLOAD_ACCOUNT_ID`], whose `ats/attachments` has no `create` (405 on upload);
//! and [`EMULATOR_NEEDS_REAUTH_ACCOUNT_ID`], whose Lever credentials no longer work (every
//! unified call answers the remote 401, `truto_is_remote_error: true`).

mod attachments;
mod candidates;
mod idempotency;

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::extract::{Request, State as AxState};
use axum::http::{Method, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{delete, get, post};
use futures_util::StreamExt;
use serde_json::{Map, Value, json};

use super::credentials::{TRUTO_INTEGRATED_ACCOUNT_ID, TenantId, run_as};
use super::ratelimit::RateWindow;
use super::{Shared, envelope};
use crate::model::ProviderId;
use crate::model::profiles::truto::{
    EMULATOR_NEEDS_REAUTH_ACCOUNT_ID, EMULATOR_NO_UPLOAD_ACCOUNT_ID, EMULATOR_SANDBOX_ACCOUNT_ID,
    PROFILE, RETRY_AFTER_SECS, TOKEN_RATE_LIMIT,
};

const SYSTEM: ProviderId = ProviderId::Truto;

/// A demo integrated account.
#[derive(Debug)]
pub struct Account {
    /// The `integrated_account_id`.
    pub id: &'static str,
    /// The integration's slug (`lever`).
    pub integration: &'static str,
    /// The integration's label (`Lever`).
    pub label: &'static str,
    /// Sandbox accounts are read-only: writes answer 405 [R-uni].
    pub is_sandbox: bool,
    /// Unified `ats/attachments` methods this integration offers [doc: D-att-*].
    pub attachment_methods: &'static [&'static str],
    /// The ATS refuses the credentials Truto holds (`status: needs_reauth`): unified calls
    /// answer the remote 401.
    pub needs_reauth: bool,
}

impl Account {
    /// Whether `ats/attachments` offers `method`.
    #[must_use]
    pub fn supports(&self, method: &str) -> bool {
        self.attachment_methods.contains(&method)
    }

    /// Lever requires `candidate_id` to list attachments; Greenhouse only supports it.
    #[must_use]
    pub fn attachments_need_candidate(&self) -> bool {
        self.integration == "lever"
    }
}

/// The emulator's integrated accounts.
pub static ACCOUNTS: &[Account] = &[
    Account {
        id: TRUTO_INTEGRATED_ACCOUNT_ID,
        integration: "lever",
        label: "Lever",
        is_sandbox: false,
        attachment_methods: &["list", "create", "download"],
        needs_reauth: false,
    },
    Account {
        id: EMULATOR_SANDBOX_ACCOUNT_ID,
        integration: "lever",
        label: "Lever",
        is_sandbox: true,
        attachment_methods: &["list", "create", "download"],
        needs_reauth: false,
    },
    Account {
        id: EMULATOR_NO_UPLOAD_ACCOUNT_ID,
        integration: "greenhouse",
        label: "Greenhouse",
        is_sandbox: false,
        attachment_methods: &["list", "download"],
        needs_reauth: false,
    },
    Account {
        id: EMULATOR_NEEDS_REAUTH_ACCOUNT_ID,
        integration: "lever",
        label: "Lever",
        is_sandbox: false,
        attachment_methods: &["list", "create", "download"],
        needs_reauth: true,
    },
];

fn account(id: &str) -> Option<&'static Account> {
    ACCOUNTS.iter().find(|a| a.id == id)
}

/// Truto's mutable emulator state: rate windows and remembered idempotent answers.
#[derive(Debug)]
pub struct State {
    token_window: RateWindow,
    account_windows: Mutex<HashMap<String, Arc<RateWindow>>>,
    idempotency: idempotency::Cache,
}

impl Default for State {
    fn default() -> Self {
        Self {
            token_window: RateWindow::new(TOKEN_RATE_LIMIT as usize, window()),
            account_windows: Mutex::new(HashMap::new()),
            idempotency: idempotency::Cache::default(),
        }
    }
}

/// The documented rate window (10 s).
fn window() -> Duration {
    PROFILE.rate_limit.value.per
}

impl State {
    fn account_window(&self, id: &str) -> Option<Arc<RateWindow>> {
        let mut windows = self.account_windows.lock().ok()?;
        let per_account = PROFILE.rate_limit.value.requests.unwrap_or(50) as usize;
        Some(Arc::clone(windows.entry(id.to_owned()).or_insert_with(
            || Arc::new(RateWindow::new(per_account, window())),
        )))
    }
}

type Shd = AxState<Arc<Shared>>;

/// Truto's routes.
pub fn router(shared: Arc<Shared>) -> Router {
    let unified = Router::new()
        .route("/unified/ats/candidates", get(candidates::list))
        .route("/unified/ats/candidates/{id}", get(candidates::get_one))
        .route(
            "/unified/ats/attachments",
            get(attachments::list).post(attachments::upload),
        )
        .route(
            "/unified/ats/attachments/download",
            post(attachments::download),
        )
        .route("/unified/ats/attachments/{id}", delete(attachments::remove))
        .layer(middleware::from_fn_with_state(
            Arc::clone(&shared),
            integrated_account,
        ));
    Router::new()
        .route(
            "/integrated-account/{id}/capabilities",
            get(candidates::capabilities),
        )
        .merge(unified)
        .fallback(|| async { fail(StatusCode::NOT_FOUND, "Not Found") })
        .method_not_allowed_fallback(|| async {
            fail(StatusCode::METHOD_NOT_ALLOWED, "Method Not Allowed")
        })
        .layer(middleware::from_fn_with_state(Arc::clone(&shared), auth))
        .with_state(shared)
}

// ---- errors in Truto's envelope ----

/// `{statusCode, error, message}`.
fn fail(status: StatusCode, message: &str) -> Response {
    envelope::error(SYSTEM, status, None, message)
}

/// The envelope plus extra top-level fields (`details`, `truto_error_insight`, …).
fn fail_with(status: StatusCode, message: &str, extra: Value) -> Response {
    let mut body = Map::new();
    body.insert("statusCode".into(), json!(status.as_u16()));
    body.insert(
        "error".into(),
        json!(status.canonical_reason().unwrap_or("Error")),
    );
    body.insert("message".into(), json!(message));
    if let Value::Object(extra) = extra {
        body.extend(extra);
    }
    (status, axum::Json(Value::Object(body))).into_response()
}

/// 400 naming missing required query parameters in `truto_error_insight`.
fn missing_query(names: &[&str]) -> Response {
    fail_with(
        StatusCode::BAD_REQUEST,
        &format!("Missing required query parameters: {}", names.join(", ")),
        json!({ "truto_error_insight": { "missing_required_query_parameters": {
            "description": "These query parameters are required by the unified model for this integration but were not sent.",
            "value": names,
        } } }),
    )
}

/// 400 naming missing required body fields in `truto_error_insight`.
fn missing_body(names: &[&str]) -> Response {
    fail_with(
        StatusCode::BAD_REQUEST,
        &format!("Missing required body fields: {}", names.join(", ")),
        json!({ "truto_error_insight": { "missing_required_body_fields": {
            "description": "These body fields are required by the unified model for this integration but were not sent.",
            "value": names,
        } } }),
    )
}

/// 400 for a request Truto validates itself, with `details.failures`.
fn invalid(field: &str, message: &str) -> Response {
    fail_with(
        StatusCode::BAD_REQUEST,
        message,
        json!({ "details": { "failures": [ { "field": field, "message": message } ] } }),
    )
}

/// An error the connected ATS returned, forwarded by Truto (`truto_is_remote_error`).
fn remote(status: StatusCode, message: &str) -> Response {
    fail_with(
        status,
        message,
        json!({
            "truto_is_remote_error": true,
            "raw_response": { "code": status.canonical_reason().unwrap_or("Error"), "message": message },
            "truto_error_insight": { "remote_error": {
                "description": "The error was returned by the integration's API."
            } },
        }),
    )
}

/// Reads and discards a request body, so a client still sending gets the answer, not a reset.
async fn drain(body: Body) {
    let mut stream = body.into_data_stream();
    while let Some(Ok(_)) = stream.next().await {}
}

/// Answers `response` after draining the request's body.
async fn refuse(request: Request, response: Response) -> Response {
    drain(request.into_body()).await;
    response
}

// ---- query parameters ----

/// Truto's common query parameters, accepted on every unified route [seed].
const COMMON_PARAMS: &[&str] = &[
    "integrated_account_id",
    "truto_response_format",
    "truto_ignore_remote_data",
    "truto_exclude_fields",
    "truto_exclude_fields[]",
];

/// A route's query parameters, checked against what it accepts.
#[derive(Debug, Default)]
struct Params(Vec<(String, String)>);

impl Params {
    /// Parses `raw`; a parameter outside `allowed`, [`COMMON_PARAMS`] and `remote_query[…]`
    /// is a 400.
    #[allow(clippy::result_large_err)]
    fn parse(raw: Option<&str>, allowed: &[&str]) -> Result<Self, Response> {
        let pairs: Vec<(String, String)> =
            url::form_urlencoded::parse(raw.unwrap_or("").as_bytes())
                .map(|(k, v)| (k.into_owned(), v.into_owned()))
                .collect();
        for (key, value) in &pairs {
            let known = COMMON_PARAMS.contains(&key.as_str())
                || allowed.contains(&key.as_str())
                || (key.starts_with("remote_query[") && key.ends_with(']'))
                || (key.starts_with("sort_by") && allowed.contains(&"sort_by"));
            if !known {
                return Err(invalid(
                    key,
                    &format!("Unknown query parameter \u{201c}{key}\u{201d}"),
                ));
            }
            if key == "truto_response_format"
                && !["unified", "raw", "normalized", "stream"].contains(&value.as_str())
            {
                return Err(invalid(
                    key,
                    "truto_response_format must be one of unified, raw, normalized, stream",
                ));
            }
        }
        Ok(Self(pairs))
    }

    /// The first value of a parameter.
    fn get(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// Whether `truto_ignore_remote_data=true`.
    fn ignore_remote_data(&self) -> bool {
        self.get("truto_ignore_remote_data") == Some("true")
    }

    /// `limit` (1..=`max`, default `max`) [assumption: bounds].
    #[allow(clippy::result_large_err)]
    fn limit(&self, max: usize) -> Result<usize, Response> {
        match self.get("limit").map(str::parse::<usize>) {
            None => Ok(max),
            Some(Ok(n)) if (1..=max).contains(&n) => Ok(n),
            Some(_) => Err(invalid(
                "limit",
                &format!("limit must be a number between 1 and {max}"),
            )),
        }
    }
}

// ---- middleware ----

/// `Authorization: Bearer <token>` on every route, then the per-token rate limit.
async fn auth(AxState(shared): Shd, request: Request, next: Next) -> Response {
    let header = request
        .headers()
        .get(axum::http::header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let token = header
        .split_once(' ')
        .filter(|(scheme, _)| scheme.eq_ignore_ascii_case("bearer"))
        .map(|(_, token)| token.trim());
    let tenant = match token {
        None if header.is_empty() => Err("Missing API token: send Authorization: Bearer <token>"),
        None => Err("Malformed Authorization header: expected Bearer <token>"),
        Some(t) => shared.tenants.of(SYSTEM, t).ok_or("Invalid API token"),
    };
    let tenant = match tenant {
        Ok(tenant) => TenantId(tenant),
        Err(message) => return refuse(request, fail(StatusCode::UNAUTHORIZED, message)).await,
    };
    if shared.config.rate_limits && shared.truto.token_window.hit().is_err() {
        return refuse(
            request,
            envelope::rate_limited(SYSTEM, RETRY_AFTER_SECS, None),
        )
        .await;
    }
    run_as(tenant, request, next).await
}

/// `integrated_account_id` on every unified route: present, known, within its rate limit, and
/// not a sandbox when writing. The account goes into the request's extensions.
async fn integrated_account(AxState(shared): Shd, mut request: Request, next: Next) -> Response {
    let id = url::form_urlencoded::parse(request.uri().query().unwrap_or("").as_bytes())
        .find(|(k, _)| k == "integrated_account_id")
        .map(|(_, v)| v.trim().to_owned())
        .filter(|v| !v.is_empty());
    let Some(id) = id else {
        return refuse(request, missing_query(&["integrated_account_id"])).await;
    };
    let Some(found) = account(&id) else {
        return refuse(
            request,
            fail(
                StatusCode::NOT_FOUND,
                &format!("Integrated account {id} not found"),
            ),
        )
        .await;
    };
    if shared.config.rate_limits
        && let Some(window) = shared.truto.account_window(found.id)
        && window.hit().is_err()
    {
        return refuse(
            request,
            envelope::rate_limited(SYSTEM, RETRY_AFTER_SECS, None),
        )
        .await;
    }
    let writes = [Method::POST, Method::PATCH, Method::DELETE, Method::PUT];
    if found.is_sandbox && writes.contains(request.method()) {
        let message = format!(
            "Integrated account {id} is a sandbox account; sandbox accounts are read-only ({} is not allowed)",
            request.method()
        );
        return refuse(request, fail(StatusCode::METHOD_NOT_ALLOWED, &message)).await;
    }
    if found.needs_reauth {
        return refuse(
            request,
            remote(
                StatusCode::UNAUTHORIZED,
                "The access token provided is invalid or has expired",
            ),
        )
        .await;
    }
    request.extensions_mut().insert(found);
    next.run(request).await
}
