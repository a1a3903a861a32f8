//! Kombo API emulation (`../shared/providers/kombo.md` §7): `Authorization: Bearer` on every
//! route, `X-Integration-Id` on every `/ats` route, `GET /check-api-key`, cursor-paged
//! candidates and applications with Kombo's exact filters, the add-attachment actions'
//! restrictions per integration, JSON + base64 uploads to a candidate or an application,
//! attachment listing, and the documented cap of 30 in-flight actions per integration.
//!
//! One file per job: [`integrations`] (the two sandbox integrations and the actions
//! endpoint), [`candidates`] (candidate and application lists), [`attachments`] (upload and
//! listing).
//!
//! Assumptions of the emulator (kombo.md leaves them open): both sandbox integrations front
//! the same mock ATS, so they see the same candidates and attachments; `data_url` uploads are
//! refused with 400 because the sandbox cannot download anything; HTTP statuses per error
//! code follow kombo.md §6's table.

// Refusals are axum responses handed straight back to the client; `Result<_, Response>` is
// the idiomatic axum shape, and boxing each refusal would buy nothing.
#![allow(clippy::result_large_err)]

mod attachments;
mod candidates;
mod integrations;

use std::sync::Arc;

use axum::body::Body;
use axum::extract::{Request, State as AxState};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use futures_util::StreamExt;
use serde_json::json;

use super::credentials::{TenantId, run_as};
use super::ingest::IngestError;
use super::{Shared, envelope};
use crate::model::ProviderId;
use crate::model::profiles::kombo::{CONCURRENCY_REMAINING_HEADER, MAX_JSON_BODY_BYTES};

const SYSTEM: ProviderId = ProviderId::Kombo;

/// `PLATFORM.INPUT_INVALID`: the request does not fit the schema.
const INPUT_INVALID: &str = "PLATFORM.INPUT_INVALID";

/// The sandbox environment `GET /check-api-key` reports.
const ENVIRONMENT_ID: &str = "2Uev1YUTqLFdvMPD3Jtrg2FX";

/// Kombo's mutable emulator state: the sandbox integrations, each with its in-flight cap.
#[derive(Debug)]
pub struct State {
    integrations: Vec<integrations::Integration>,
}

impl Default for State {
    fn default() -> Self {
        Self {
            integrations: integrations::sandbox(),
        }
    }
}

impl State {
    fn integration(&self, id: &str) -> Option<&integrations::Integration> {
        self.integrations.iter().find(|i| i.id == id)
    }
}

type Shd = AxState<Arc<Shared>>;

/// The integration a request was authorised for (set by the `X-Integration-Id` check).
#[derive(Clone, Debug)]
struct IntegrationId(&'static str);

/// Kombo's routes.
pub fn router(shared: Arc<Shared>) -> Router {
    let ats = Router::new()
        .route("/ats/candidates", get(candidates::list))
        .route("/ats/applications", get(candidates::list_applications))
        .route(
            "/ats/candidates/{id}/attachments",
            get(attachments::list_for_candidate).post(attachments::upload_to_candidate),
        )
        .route(
            "/ats/applications/{id}/attachments",
            get(attachments::list_for_application).post(attachments::upload_to_application),
        )
        .route("/ats/actions/{action}", get(integrations::action))
        .route_layer(middleware::from_fn_with_state(
            Arc::clone(&shared),
            integration,
        ));
    Router::new()
        .route("/check-api-key", get(check_api_key))
        .merge(ats)
        .fallback(|| async { fail(StatusCode::NOT_FOUND, None, "Route not found") })
        .method_not_allowed_fallback(|| async {
            fail(
                StatusCode::METHOD_NOT_ALLOWED,
                None,
                "This method is not supported on this route",
            )
        })
        .layer(middleware::from_fn_with_state(Arc::clone(&shared), auth))
        .with_state(shared)
}

/// An error in Kombo's envelope with its code.
fn fail(status: StatusCode, code: Option<&str>, message: &str) -> Response {
    envelope::error(SYSTEM, status, code, message)
}

/// 400 `PLATFORM.INPUT_INVALID`.
fn invalid(message: &str) -> Response {
    fail(StatusCode::BAD_REQUEST, Some(INPUT_INVALID), message)
}

fn from_ingest(e: &IngestError) -> Response {
    fail(e.status, Some(INPUT_INVALID), &e.message)
}

/// Reads and discards a body (up to the JSON cap), so a client still sending gets the answer
/// rather than a reset.
async fn drain(body: Body) {
    let mut stream = body.into_data_stream();
    let mut seen = 0u64;
    while let Some(Ok(chunk)) = stream.next().await {
        seen += chunk.len() as u64;
        if seen > MAX_JSON_BODY_BYTES + 1024 * 1024 {
            break;
        }
    }
}

/// `Authorization: Bearer <API key>` on every route [seed, OAS].
async fn auth(AxState(shared): Shd, request: Request, next: Next) -> Response {
    let presented = request
        .headers()
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .map(str::trim);
    let tenant = match presented {
        None => Err(
            "Missing Authorization header: send \u{201c}Authorization: Bearer <API key>\u{201d}",
        ),
        Some(value) => match value.split_once(' ') {
            Some((scheme, key)) if scheme.eq_ignore_ascii_case("bearer") => shared
                .tenants
                .of(SYSTEM, key)
                .ok_or("The API key is invalid"),
            _ => Err("The Authorization header must use the Bearer scheme"),
        },
    };
    match tenant {
        Ok(tenant) => run_as(TenantId(tenant), request, next).await,
        Err(message) => {
            drain(request.into_body()).await;
            fail(
                StatusCode::UNAUTHORIZED,
                Some("PLATFORM.AUTHENTICATION_INVALID"),
                message,
            )
        }
    }
}

/// `X-Integration-Id` on every `/ats` route [seed]; then every answer tells how many
/// actions may still start (`Concurrency-Remaining`).
async fn integration(AxState(shared): Shd, mut request: Request, next: Next) -> Response {
    let presented = request
        .headers()
        .get("x-integration-id")
        .and_then(|v| v.to_str().ok())
        .map_or("", str::trim);
    let Some(found) = shared.kombo.integration(presented) else {
        let message = if presented.is_empty() {
            "Missing X-Integration-Id header: say which integration to use".to_owned()
        } else {
            format!(
                "No integration with the ID \u{201c}{presented}\u{201d} exists in this environment"
            )
        };
        drain(request.into_body()).await;
        return fail(
            StatusCode::NOT_FOUND,
            Some("PLATFORM.INTEGRATION_NOT_FOUND"),
            &message,
        );
    };
    request.extensions_mut().insert(IntegrationId(found.id));
    let mut response = next.run(request).await;
    if !response
        .headers()
        .contains_key(CONCURRENCY_REMAINING_HEADER)
    {
        set_remaining(&mut response, found.in_flight.remaining());
    }
    response
}

fn set_remaining(response: &mut Response, remaining: u32) {
    if let Ok(value) = HeaderValue::from_str(&remaining.to_string()) {
        response
            .headers_mut()
            .insert(CONCURRENCY_REMAINING_HEADER, value);
    }
}

/// `GET /check-api-key` [OAS]: needs no integration.
async fn check_api_key() -> Response {
    Json(json!({
        "status": "success",
        "data": { "environment_id": ENVIRONMENT_ID, "customer_id": ENVIRONMENT_ID },
    }))
    .into_response()
}
