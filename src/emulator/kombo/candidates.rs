//! `GET /ats/candidates` and `GET /ats/applications` [OAS]: cursor pagination (`page_size`
//! 1..=250, default 100; `data.next` is `null` on the last page) and Kombo's filters — exact
//! and case-insensitive for `email`, `first_name`, `last_name`; comma-separated lists for
//! `ids`, `remote_ids`, `job_ids`; top-level filters AND-ed, list values OR-ed.

use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use axum::Json;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State as AxState};
use axum::response::{IntoResponse, Response};
use base64::Engine as _;
use serde::Deserialize;
use serde_json::{Value, json};

use super::{SYSTEM, Shared, invalid};
use crate::emulator::seed::{BASE58, Rng, SeedCandidate};
use crate::model::profiles::kombo::{DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE};

/// Seed records were last changed this many seconds after the Unix epoch, plus their offset.
const SEED_EPOCH_SECS: u64 = 1_735_689_600;

/// Query parameters of `GET /ats/candidates` [OAS]; anything else is refused.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CandidateQuery {
    cursor: Option<String>,
    page_size: Option<String>,
    updated_after: Option<String>,
    include_deleted: Option<String>,
    ignore_unsupported_filters: Option<String>,
    ids: Option<String>,
    remote_ids: Option<String>,
    email: Option<String>,
    job_ids: Option<String>,
    first_name: Option<String>,
    last_name: Option<String>,
}

/// Query parameters of `GET /ats/applications` [OAS].
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ApplicationQuery {
    cursor: Option<String>,
    page_size: Option<String>,
    updated_after: Option<String>,
    include_deleted: Option<String>,
    ignore_unsupported_filters: Option<String>,
    ids: Option<String>,
    remote_ids: Option<String>,
    outcomes: Option<String>,
    job_ids: Option<String>,
    job_remote_ids: Option<String>,
    current_stage_ids: Option<String>,
    remote_created_after: Option<String>,
}

/// `GET /ats/candidates`.
pub async fn list(
    AxState(shared): AxState<Arc<Shared>>,
    query: Result<Query<CandidateQuery>, QueryRejection>,
) -> Response {
    list_candidates(&shared, query).unwrap_or_else(|refusal| refusal)
}

fn list_candidates(
    shared: &Shared,
    query: Result<Query<CandidateQuery>, QueryRejection>,
) -> Result<Response, Response> {
    let Query(q) = query.map_err(|e| invalid(&format!("Invalid query parameters: {e}")))?;
    let size = page_size(q.page_size.as_deref())?;
    flag("include_deleted", q.include_deleted.as_deref())?;
    flag(
        "ignore_unsupported_filters",
        q.ignore_unsupported_filters.as_deref(),
    )?;
    let since = date_time("updated_after", q.updated_after.as_deref())?;
    let all = shared.store.candidates(SYSTEM);
    let start = start_after(q.cursor.as_deref(), |id| {
        all.iter().position(|c| c.id == id)
    })?;
    let ids = list_param(q.ids.as_deref());
    let remote_ids = list_param(q.remote_ids.as_deref());
    let job_ids = list_param(q.job_ids.as_deref());
    let matches = |c: &SeedCandidate| {
        ids.as_ref().is_none_or(|l| l.contains(&c.id.as_str()))
            && remote_ids
                .as_ref()
                .is_none_or(|l| l.contains(&c.remote_id.as_str()))
            && q.email.as_deref().is_none_or(|e| same(&c.email, e))
            && q.first_name
                .as_deref()
                .is_none_or(|f| same(&c.first_name, f))
            && q.last_name.as_deref().is_none_or(|l| same(&c.last_name, l))
            && job_ids.as_ref().is_none_or(|l| {
                c.applications
                    .iter()
                    .any(|(_, job)| l.contains(&job_id(job).as_str()))
            })
            && since.is_none_or(|t| changed_at(c) > t)
    };
    let hits: Vec<&SeedCandidate> = all.iter().skip(start).filter(|c| matches(c)).collect();
    let page = &hits[..hits.len().min(size)];
    let next = (hits.len() > size)
        .then(|| page.last().map(|c| cursor_after(&c.id)))
        .flatten();
    Ok(Json(json!({
        "status": "success",
        "data": {
            "next": next,
            "results": page.iter().map(|c| candidate_json(c)).collect::<Vec<_>>(),
        },
    }))
    .into_response())
}

/// `GET /ats/applications` (minimal: enough to pick an application to attach to).
pub async fn list_applications(
    AxState(shared): AxState<Arc<Shared>>,
    query: Result<Query<ApplicationQuery>, QueryRejection>,
) -> Response {
    applications(&shared, query).unwrap_or_else(|refusal| refusal)
}

fn applications(
    shared: &Shared,
    query: Result<Query<ApplicationQuery>, QueryRejection>,
) -> Result<Response, Response> {
    let Query(q) = query.map_err(|e| invalid(&format!("Invalid query parameters: {e}")))?;
    let size = page_size(q.page_size.as_deref())?;
    flag("include_deleted", q.include_deleted.as_deref())?;
    flag(
        "ignore_unsupported_filters",
        q.ignore_unsupported_filters.as_deref(),
    )?;
    let since = date_time("updated_after", q.updated_after.as_deref())?;
    let created_after = date_time("remote_created_after", q.remote_created_after.as_deref())?;
    let all: Vec<(&SeedCandidate, usize)> = shared
        .store
        .candidates(SYSTEM)
        .iter()
        .flat_map(|c| (0..c.applications.len()).map(move |i| (c, i)))
        .collect();
    let start = start_after(q.cursor.as_deref(), |id| {
        all.iter().position(|(c, i)| c.applications[*i].0 == id)
    })?;
    let ids = list_param(q.ids.as_deref());
    let remote_ids = list_param(q.remote_ids.as_deref());
    let outcomes = list_param(q.outcomes.as_deref());
    let job_ids = list_param(q.job_ids.as_deref());
    let job_remote_ids = list_param(q.job_remote_ids.as_deref());
    let stage_ids = list_param(q.current_stage_ids.as_deref());
    let matches = |(c, i): &(&SeedCandidate, usize)| {
        let (id, job) = &c.applications[*i];
        ids.as_ref().is_none_or(|l| l.contains(&id.as_str()))
            && remote_ids
                .as_ref()
                .is_none_or(|l| l.contains(&application_remote_id(c, *i).as_str()))
            && outcomes.as_ref().is_none_or(|l| l.contains(&"PENDING"))
            && job_ids
                .as_ref()
                .is_none_or(|l| l.contains(&job_id(job).as_str()))
            && job_remote_ids
                .as_ref()
                .is_none_or(|l| l.contains(&job_remote_id(job).as_str()))
            && stage_ids
                .as_ref()
                .is_none_or(|l| l.contains(&stage_id().as_str()))
            && since.is_none_or(|t| changed_at(c) > t)
            && created_after.is_none_or(|t| changed_at(c) > t)
    };
    let hits: Vec<&(&SeedCandidate, usize)> =
        all.iter().skip(start).filter(|a| matches(a)).collect();
    let page = &hits[..hits.len().min(size)];
    let next = (hits.len() > size)
        .then(|| {
            page.last()
                .map(|(c, i)| cursor_after(&c.applications[*i].0))
        })
        .flatten();
    let results: Vec<Value> = page
        .iter()
        .map(|(c, i)| {
            let mut app = application_json(c, *i);
            if let Some(map) = app.as_object_mut() {
                map.insert("candidate_id".into(), json!(c.id));
                map.insert("job_id".into(), json!(job_id(&c.applications[*i].1)));
                map.insert(
                    "candidate".into(),
                    json!({
                        "id": c.id, "remote_id": c.remote_id,
                        "first_name": c.first_name, "last_name": c.last_name,
                        "email_addresses": [ { "email_address": c.email, "type": "PRIVATE" } ],
                    }),
                );
            }
            app
        })
        .collect();
    Ok(Json(json!({
        "status": "success",
        "data": { "next": next, "results": results },
    }))
    .into_response())
}

/// The candidate whose application this is.
pub fn application_owner<'a>(
    shared: &'a Shared,
    application_id: &str,
) -> Option<&'a SeedCandidate> {
    shared
        .store
        .candidates(SYSTEM)
        .iter()
        .find(|c| c.applications.iter().any(|(id, _)| id == application_id))
}

/// A candidate in Kombo's shape [OAS example].
fn candidate_json(c: &SeedCandidate) -> Value {
    let changed = rfc3339(changed_at(c));
    json!({
        "id": c.id,
        "remote_id": c.remote_id,
        "first_name": c.first_name,
        "last_name": c.last_name,
        "company": null,
        "title": null,
        "confidential": false,
        "source": "Career site",
        "phone_numbers": [ { "phone_number": c.phone, "type": "MOBILE" } ],
        "email_addresses": [ { "email_address": c.email, "type": "PRIVATE" } ],
        "social_media": [],
        "location": null,
        "custom_fields": {},
        "integration_fields": [],
        "remote_url": format!("https://ats.example.com/people/{}", c.remote_id),
        "remote_created_at": changed,
        "remote_updated_at": changed,
        "remote_data": null,
        "changed_at": changed,
        "remote_deleted_at": null,
        "applications": (0..c.applications.len()).map(|i| application_json(c, i)).collect::<Vec<_>>(),
        "tags": [],
    })
}

fn application_json(c: &SeedCandidate, index: usize) -> Value {
    let (id, job) = &c.applications[index];
    let changed = rfc3339(changed_at(c));
    json!({
        "id": id,
        "remote_id": application_remote_id(c, index),
        "outcome": "PENDING",
        "rejection_reason_name": null,
        "rejected_at": null,
        "remote_url": format!("https://ats.example.com/applications/{}", application_remote_id(c, index)),
        "changed_at": changed,
        "remote_created_at": changed,
        "remote_updated_at": changed,
        "current_stage": { "id": stage_id(), "name": "Initial Screening", "remote_id": "stage-1", "index": 0 },
        "job": { "id": job_id(job), "name": job, "remote_id": job_remote_id(job) },
    })
}

fn application_remote_id(c: &SeedCandidate, index: usize) -> String {
    format!("{}-{}", c.remote_id, index + 1)
}

/// A stable Kombo-style id derived from a text (FNV-1a seeds the generator).
fn derived_id(text: &str) -> String {
    let seed = text.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    Rng::new(seed).string(BASE58, 24)
}

fn job_id(job: &str) -> String {
    derived_id(&format!("job:{job}"))
}

fn job_remote_id(job: &str) -> String {
    job.to_lowercase().replace(' ', "-")
}

fn stage_id() -> String {
    derived_id("stage:Initial Screening")
}

fn changed_at(c: &SeedCandidate) -> SystemTime {
    UNIX_EPOCH + Duration::from_secs(SEED_EPOCH_SECS + c.modified_offset)
}

fn rfc3339(t: SystemTime) -> String {
    humantime::format_rfc3339_millis(t).to_string()
}

/// Kombo's filters compare exactly, ignoring case.
fn same(stored: &str, asked: &str) -> bool {
    stored.to_lowercase() == asked.to_lowercase()
}

fn page_size(raw: Option<&str>) -> Result<usize, Response> {
    match raw.map(str::parse::<usize>) {
        None => Ok(DEFAULT_PAGE_SIZE),
        Some(Ok(n)) if (1..=MAX_PAGE_SIZE).contains(&n) => Ok(n),
        Some(_) => Err(invalid(&format!(
            "page_size must be an integer between 1 and {MAX_PAGE_SIZE}"
        ))),
    }
}

fn flag(name: &str, raw: Option<&str>) -> Result<(), Response> {
    match raw {
        None | Some("true" | "false") => Ok(()),
        Some(other) => Err(invalid(&format!(
            "{name} must be \u{201c}true\u{201d} or \u{201c}false\u{201d}, not \u{201c}{other}\u{201d}"
        ))),
    }
}

fn date_time(name: &str, raw: Option<&str>) -> Result<Option<SystemTime>, Response> {
    raw.map(|value| {
        humantime::parse_rfc3339_weak(value).map_err(|_| {
            invalid(&format!(
                "{name} must be a date-time like 2026-01-31T12:00:00.000Z"
            ))
        })
    })
    .transpose()
}

/// A comma-separated list filter; `None` when not given.
fn list_param(raw: Option<&str>) -> Option<Vec<&str>> {
    raw.map(|r| {
        r.split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .collect()
    })
}

/// The opaque cursor: base64 of `{"after": "<last id of the page>"}`.
fn cursor_after(id: &str) -> String {
    base64::engine::general_purpose::STANDARD.encode(json!({ "after": id }).to_string())
}

/// Where a page starts: 0 without a cursor, else after the record the cursor names.
fn start_after(
    cursor: Option<&str>,
    position: impl Fn(&str) -> Option<usize>,
) -> Result<usize, Response> {
    let Some(cursor) = cursor else {
        return Ok(0);
    };
    base64::engine::general_purpose::STANDARD
        .decode(cursor)
        .ok()
        .and_then(|raw| serde_json::from_slice::<Value>(&raw).ok())
        .and_then(|v| v.get("after")?.as_str().and_then(&position))
        .map(|i| i + 1)
        .ok_or_else(|| {
            invalid("The cursor is invalid: pass data.next of the previous page unchanged")
        })
}
