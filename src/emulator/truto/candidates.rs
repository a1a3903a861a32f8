//! Capabilities and the unified candidate routes: `GET /unified/ats/candidates` (cursor-paged
//! `{result, next_cursor, prev_cursor, result_count}`, `email` filter) and
//! `GET /unified/ats/candidates/{id}` (the object itself, not wrapped).

use std::time::Duration;

use axum::Json;
use axum::extract::{Extension, Path, RawQuery, State as AxState};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use base64::Engine as _;
use serde_json::{Value, json};

use super::{Account, Params, Shd, account, fail, invalid, remote};
use crate::emulator::seed::SeedCandidate;
use crate::model::profiles::truto::LIST_PAGE_MAX;

/// Filters the candidate list accepts: `email` is emulated; the others are documented
/// per-integration filters that are accepted and ignored [doc: D-cand-list].
const LIST_PARAMS: &[&str] = &[
    "limit",
    "next_cursor",
    "email",
    "created_at",
    "updated_at",
    "job_id",
    "organization_id",
    "id",
    "name",
    "title",
    "company",
    "stage_id",
    "tags",
    "sort_by",
];

/// Every seventh candidate comes without a combined `name`, as some ATSs send only first and
/// last names (the client must join them).
fn has_combined_name(index: usize) -> bool {
    index % 7 != 3
}

fn timestamp(c: &SeedCandidate, extra: u64) -> String {
    let t = std::time::UNIX_EPOCH + Duration::from_secs(1_735_689_600 + c.modified_offset + extra);
    humantime::format_rfc3339_seconds(t).to_string()
}

pub(super) fn job_id(name: &str) -> String {
    name.to_lowercase().replace(' ', "-")
}

/// A candidate in Truto's unified shape [doc: D-cand-obj].
fn candidate_json(index: usize, c: &SeedCandidate, remote_data: bool) -> Value {
    let mut v = json!({
        "id": c.id,
        "first_name": c.first_name,
        "last_name": c.last_name,
        "name": if has_combined_name(index) { json!(c.full_name()) } else { Value::Null },
        "company": null,
        "title": null,
        "emails": [ { "email": c.email, "type": "personal" } ],
        "phones": [ { "number": c.phone, "extension": null, "type": "mobile" } ],
        "urls": [],
        "tags": [],
        "locations": [],
        "applications": c.applications.iter().map(|(id, job)| json!({
            "id": id,
            "job": { "id": job_id(job), "name": job },
        })).collect::<Vec<_>>(),
        "created_at": timestamp(c, 0),
        "updated_at": timestamp(c, 1800),
    });
    if remote_data && let Some(map) = v.as_object_mut() {
        map.insert(
            "remote_data".into(),
            json!({ "id": c.id, "origin": "applied", "sources": [c.remote_id] }),
        );
    }
    v
}

/// `base64({"id": <last id>})`, like Truto's cursors (`eyJpZCI6…`).
fn encode_cursor(id: &str) -> String {
    base64::engine::general_purpose::STANDARD.encode(json!({ "id": id }).to_string())
}

fn decode_cursor(cursor: &str) -> Option<String> {
    let raw = base64::engine::general_purpose::STANDARD
        .decode(cursor.trim())
        .ok()?;
    let v: Value = serde_json::from_slice(&raw).ok()?;
    v.get("id")?.as_str().map(str::to_owned)
}

/// One page of `items` (already filtered) after `cursor`, in the list envelope.
#[allow(clippy::result_large_err)]
pub(super) fn page<T>(
    items: &[T],
    id_of: impl Fn(&T) -> &str,
    render: impl Fn(&T) -> Value,
    params: &Params,
) -> Result<Value, Response> {
    let limit = params.limit(LIST_PAGE_MAX)?;
    let start = match params.get("next_cursor") {
        None | Some("") => 0,
        Some(cursor) => {
            match decode_cursor(cursor).and_then(|id| items.iter().position(|i| id_of(i) == id)) {
                Some(i) => i + 1,
                None => return Err(invalid("next_cursor", "Invalid next_cursor")),
            }
        }
    };
    let chunk: Vec<&T> = items.iter().skip(start).take(limit).collect();
    let more = start + chunk.len() < items.len();
    let next = more
        .then(|| chunk.last().map(|i| encode_cursor(id_of(i))))
        .flatten();
    Ok(json!({
        "result": chunk.iter().map(|i| render(i)).collect::<Vec<_>>(),
        "next_cursor": next,
        // Paging backwards is not emulated.
        "prev_cursor": null,
        "result_count": chunk.len(),
    }))
}

/// `GET /unified/ats/candidates`.
pub(super) async fn list(
    AxState(shared): Shd,
    RawQuery(raw): RawQuery,
    Extension(_account): Extension<&'static Account>,
) -> Response {
    let params = match Params::parse(raw.as_deref(), LIST_PARAMS) {
        Ok(p) => p,
        Err(r) => return r,
    };
    let email = params.get("email").map(str::trim).filter(|e| !e.is_empty());
    let all: Vec<(usize, &SeedCandidate)> = shared
        .store
        .candidates(super::SYSTEM)
        .iter()
        .enumerate()
        .filter(|(_, c)| email.is_none_or(|e| c.email.eq_ignore_ascii_case(e)))
        .collect();
    let remote_data = !params.ignore_remote_data();
    match page(
        &all,
        |(_, c)| c.id.as_str(),
        |(i, c)| candidate_json(*i, c, remote_data),
        &params,
    ) {
        Ok(body) => Json(body).into_response(),
        Err(r) => r,
    }
}

/// `GET /unified/ats/candidates/{id}`: the object, unwrapped; an unknown id is the ATS's 404.
pub(super) async fn get_one(
    AxState(shared): Shd,
    Path(id): Path<String>,
    RawQuery(raw): RawQuery,
    Extension(_account): Extension<&'static Account>,
) -> Response {
    let params = match Params::parse(raw.as_deref(), &["job_id", "organization_id"]) {
        Ok(p) => p,
        Err(r) => return r,
    };
    let found = shared
        .store
        .candidates(super::SYSTEM)
        .iter()
        .enumerate()
        .find(|(_, c)| c.id == id);
    match found {
        Some((i, c)) => Json(candidate_json(i, c, !params.ignore_remote_data())).into_response(),
        None => remote(
            StatusCode::NOT_FOUND,
            &format!("Candidate {id} was not found"),
        ),
    }
}

/// `GET /integrated-account/{id}/capabilities` [R-uni]: what the account's unified ATS API
/// offers, and the account's health. `account.is_sandbox` is not in the documented block
/// [assumption].
pub(super) async fn capabilities(
    AxState(_shared): Shd,
    Path(id): Path<String>,
    RawQuery(raw): RawQuery,
) -> Response {
    let params = match Params::parse(
        raw.as_deref(),
        &["type", "methods", "resource", "has_description"],
    ) {
        Ok(p) => p,
        Err(r) => return r,
    };
    // Capabilities are a platform route: the account is in the path, not the query.
    if params.get("integrated_account_id").is_some() {
        return invalid(
            "integrated_account_id",
            "Unknown query parameter \u{201c}integrated_account_id\u{201d}",
        );
    }
    let kind = params.get("type").unwrap_or("all");
    if !["unified", "proxy", "all"].contains(&kind) {
        return invalid("type", "type must be one of proxy, unified, all");
    }
    let Some(account) = account(&id) else {
        return fail(
            StatusCode::NOT_FOUND,
            &format!("Integrated account {id} not found"),
        );
    };
    let resource = params.get("resource");
    let unified: Vec<Value> = [
        ("candidates", vec!["list", "get", "create"]),
        ("applications", vec!["list", "get"]),
        ("attachments", account.attachment_methods.to_vec()),
    ]
    .into_iter()
    .filter(|(r, _)| resource.is_none_or(|want| want == *r))
    .map(|(r, methods)| {
        json!({
            "model": "ats",
            "model_label": "Unified ATS API",
            "resource": r,
            "description": null,
            "docs_url": format!("https://truto.one/docs/api-reference/unified-ats-api/{r}"),
            "methods": methods,
            "env_overridden": false,
        })
    })
    .collect();
    let body = json!({
        "integration": {
            "id": format!("integration-{}", account.integration),
            "name": account.integration,
            "label": account.label,
            "category": "ats",
        },
        "environment_id": "env-atsdrop-sandbox",
        "proxy": [],
        "unified": if kind == "proxy" { json!([]) } else { json!(unified) },
        "auth": { "formats": ["api_key"], "fields": [] },
        "ai_readiness": { "proxy_methods": 0, "proxy_methods_with_descriptions": 0, "ai_ready_score": 0 },
        "account": {
            "id": account.id,
            "status": if account.needs_reauth { "needs_reauth" } else { "active" },
            "authentication_method": "api_key",
            "is_blocked": false,
            "is_sandbox": account.is_sandbox,
        },
    });
    Json(body).into_response()
}
