//! Spott API emulation (`../shared/providers/spott.md` §7): `x-api-key`, cursor-paged
//! candidates, text search, temporary multipart upload + assign, attachment listing, 429s.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::body::Body;
use axum::extract::{Extension, Path, Query, Request, State as AxState};
use axum::http::{HeaderMap, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{delete, get, post};
use axum::{Json, Router};
use base64::Engine as _;
use serde::Deserialize;
use serde_json::{Value, json};

use super::credentials::{TenantId, run_as};
use super::ingest::{self, IngestError};
use super::ratelimit::RateWindow;
use super::seed::SeedCandidate;
use super::store::{StoredAttachment, now_rfc3339};
use super::{Shared, envelope};
use crate::model::ProviderId;
use crate::model::profiles::spott::PROFILE;

const SYSTEM: ProviderId = ProviderId::Spott;

/// Every type the upload endpoint documents (the long list) [seed]; compared
/// case-insensitively, echoed in this spelling [assumption].
pub const ALL_TYPES: &[&str] = &[
    "unassigned",
    "CV",
    "COVER_LETTER",
    "ID_DOCUMENT",
    "QUESTIONNAIRE",
    "PERSONALITY_TEST",
    "OFFER",
    "TRANSCRIPT",
    "TERMS_AND_CONDITIONS",
    "JOB_DESCRIPTION",
    "SCORECARD",
    "CANDIDATE_BRIEFING",
    "SHORTLISTED_CVS",
    "MEETING_VIDEO",
    "AUDIO",
    "OUTPUT",
    "WORD_REPORT_EXPORT_TEMPLATE",
    "PPTX_REPORT_EXPORT_TEMPLATE",
    "ExportedTemplatedReport",
    "ExportedTemplatedCv",
    "IMPORT_CSV",
    "LOGO",
    "FAVICON",
    "NOTE_TAKER_IMAGE",
];

/// Seconds a client is asked to wait after a 429 [assumption].
pub const RETRY_AFTER_SECS: u64 = 60;

/// Spott's mutable state: uploaded temporaries waiting to be assigned, and the rate window.
#[derive(Debug)]
pub struct State {
    temporaries: Mutex<HashMap<String, Temporary>>,
    window: RateWindow,
}

impl Default for State {
    fn default() -> Self {
        Self {
            temporaries: Mutex::new(HashMap::new()),
            // 1000 requests / minute / API key [doc].
            window: RateWindow::new(1000, Duration::from_mins(1)),
        }
    }
}

#[derive(Clone, Debug)]
struct Temporary {
    /// Only the tenant that uploaded it may assign it.
    tenant: String,
    id: String,
    name: String,
    content_type: String,
    size: u64,
    sha256: String,
    kind: String,
    created_at: String,
}

type Shd = AxState<Arc<Shared>>;

/// Spott's routes.
pub fn router(shared: Arc<Shared>) -> Router {
    Router::new()
        .route("/candidates", get(list_candidates))
        .route("/candidates/_search", post(search_candidates))
        .route("/candidates/{id}", get(get_candidate))
        .route("/attachments", get(list_attachments))
        .route("/attachments/temporary", post(upload_temporary))
        .route("/attachments/temporary/assign", post(assign))
        .route("/attachments/{id}", delete(delete_attachment))
        .fallback(|| async { fail(StatusCode::NOT_FOUND, "Cannot find this route") })
        .layer(middleware::from_fn_with_state(Arc::clone(&shared), auth))
        .with_state(shared)
}

fn fail(status: StatusCode, message: &str) -> Response {
    envelope::error(SYSTEM, status, None, message)
}

#[allow(clippy::needless_pass_by_value)] // Used as `map_err(from_ingest)`.
fn from_ingest(e: IngestError) -> Response {
    fail(e.status, &e.message)
}

/// `x-api-key` on every route, then the per-key rate limit.
async fn auth(AxState(shared): Shd, request: Request, next: Next) -> Response {
    match request
        .headers()
        .get("x-api-key")
        .and_then(|v| v.to_str().ok())
    {
        None => fail(
            StatusCode::UNAUTHORIZED,
            "Missing API key (x-api-key header)",
        ),
        Some(key) => match shared.tenants.of(SYSTEM, key) {
            None => fail(StatusCode::UNAUTHORIZED, "Invalid API key"),
            Some(tenant) => {
                if shared.config.rate_limits
                    && let Err(_wait) = shared.spott.window.hit()
                {
                    return envelope::rate_limited(SYSTEM, RETRY_AFTER_SECS, None);
                }
                run_as(TenantId(tenant), request, next).await
            }
        },
    }
}

fn candidate_json(c: &SeedCandidate) -> Value {
    json!({
        "id": c.id,
        "name": { "viewType": "candidateName", "firstName": c.first_name, "lastName": c.last_name, "avatarUrl": null },
        "emails": { "viewType": "candidateEmails",
                    "emails": [ { "purpose": "personal", "email": c.email, "isPrimary": true } ] },
        "phoneNumbers": { "phoneNumbers": [ { "purpose": "personal", "phoneNumber": c.phone, "isPrimary": true } ] },
        "status": { "status": ["actively_looking"] },
    })
}

fn modified_at(c: &SeedCandidate) -> String {
    let t = std::time::UNIX_EPOCH + Duration::from_secs(1_735_689_600 + c.modified_offset);
    humantime::format_rfc3339_millis(t).to_string()
}

fn encode_cursor(c: &SeedCandidate) -> String {
    let raw = json!({ "modifiedAt": modified_at(c), "id": c.id }).to_string();
    base64::engine::general_purpose::STANDARD.encode(raw)
}

fn decode_cursor(cursor: &str) -> Option<String> {
    let raw = base64::engine::general_purpose::STANDARD
        .decode(cursor)
        .ok()?;
    let v: Value = serde_json::from_slice(&raw).ok()?;
    v.get("id")?.as_str().map(str::to_owned)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ListQuery {
    limit: Option<String>,
    cursor: Option<String>,
    #[serde(rename = "modifiedSince")]
    modified_since: Option<String>,
}

async fn list_candidates(
    AxState(shared): Shd,
    query: Result<Query<ListQuery>, axum::extract::rejection::QueryRejection>,
) -> Response {
    let Ok(Query(q)) = query else {
        return fail(
            StatusCode::BAD_REQUEST,
            "Unknown query parameter; allowed: limit, cursor, modifiedSince",
        );
    };
    let limit = match q.limit.as_deref().map(str::parse::<usize>) {
        None => 25,
        Some(Ok(n)) if (1..=50).contains(&n) => n,
        Some(_) => {
            return fail(
                StatusCode::BAD_REQUEST,
                "limit must be a number between 1 and 50",
            );
        }
    };
    if let Some(since) = &q.modified_since
        && humantime::parse_rfc3339_weak(since).is_err()
    {
        return fail(
            StatusCode::BAD_REQUEST,
            "modifiedSince must be an ISO 8601 date-time",
        );
    }
    let all = shared.store.candidates(SYSTEM);
    let start = match q.cursor.as_deref() {
        None => 0,
        Some(cursor) => {
            match decode_cursor(cursor).and_then(|id| all.iter().position(|c| c.id == id)) {
                Some(i) => i + 1,
                None => return fail(StatusCode::BAD_REQUEST, "Invalid cursor"),
            }
        }
    };
    let page: Vec<&SeedCandidate> = all.iter().skip(start).take(limit).collect();
    let has_more = start + page.len() < all.len();
    let next = if has_more {
        page.last().map(|c| encode_cursor(c))
    } else {
        None
    };
    Json(json!({
        "items": page.iter().map(|c| candidate_json(c)).collect::<Vec<_>>(),
        "nextCursor": next,
        "pagination": { "cursor": next, "hasMore": has_more },
    }))
    .into_response()
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SearchBody {
    filters: Vec<Filter>,
    page: Option<u32>,
    #[serde(rename = "pageSize")]
    page_size: Option<usize>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Filter {
    #[serde(rename = "type")]
    kind: String,
    value: String,
}

async fn search_candidates(AxState(shared): Shd, headers: HeaderMap, body: Body) -> Response {
    let search: SearchBody = match ingest::json(&headers, body, 64 * 1024).await {
        Ok(s) => s,
        Err(e) => return from_ingest(e),
    };
    let size = search.page_size.unwrap_or(20);
    if !(1..=100).contains(&size) {
        return fail(
            StatusCode::BAD_REQUEST,
            "pageSize must be between 1 and 100",
        );
    }
    let page = search.page.unwrap_or(0);
    let mut needles = Vec::new();
    for f in &search.filters {
        if f.kind != "text" {
            return fail(
                StatusCode::BAD_REQUEST,
                &format!("Unsupported filter type \u{201c}{}\u{201d}", f.kind),
            );
        }
        needles.push(f.value.to_lowercase());
    }
    let hits: Vec<&SeedCandidate> = shared
        .store
        .candidates(SYSTEM)
        .iter()
        .filter(|c| {
            let hay = format!("{} {} {}", c.full_name(), c.email, c.id).to_lowercase();
            needles.iter().all(|n| hay.contains(n.trim()))
        })
        .collect();
    let start = page as usize * size;
    let items: Vec<Value> = hits
        .iter()
        .skip(start)
        .take(size)
        .map(|c| candidate_json(c))
        .collect();
    Json(json!({
        "items": items,
        "pagination": { "totalItems": hits.len(), "page": page, "hasNextPage": start + size < hits.len() },
    }))
    .into_response()
}

async fn get_candidate(AxState(shared): Shd, Path(id): Path<String>) -> Response {
    match shared.store.candidate(SYSTEM, &id) {
        Some(c) => Json(candidate_json(c)).into_response(),
        None => fail(StatusCode::NOT_FOUND, &format!("Candidate {id} not found")),
    }
}

fn canonical_type(raw: &str) -> Option<&'static str> {
    ALL_TYPES
        .iter()
        .copied()
        .find(|t| t.eq_ignore_ascii_case(raw))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct UploadQuery {
    #[serde(rename = "type")]
    kind: Option<String>,
}

/// The rules of the temporary upload's multipart body [seed].
fn check_form(form: &ingest::ReceivedForm) -> Result<(), (StatusCode, String)> {
    if let Some((name, _)) = form.texts.first() {
        return Err((
            StatusCode::BAD_REQUEST,
            format!("Unexpected field \u{201c}{name}\u{201d}; send files in \u{201c}files\u{201d}"),
        ));
    }
    if let Some(f) = form.files.iter().find(|f| f.field != "files") {
        return Err((
            StatusCode::BAD_REQUEST,
            format!(
                "Unexpected field \u{201c}{}\u{201d}; send files in \u{201c}files\u{201d}",
                f.field
            ),
        ));
    }
    if form.files.is_empty() {
        return Err((
            StatusCode::BAD_REQUEST,
            String::from("At least one file is required in \u{201c}files\u{201d}"),
        ));
    }
    let max_files = PROFILE.max_files_per_request.value as usize;
    if form.files.len() > max_files {
        return Err((
            StatusCode::BAD_REQUEST,
            format!("Max {max_files} files per request"),
        ));
    }
    for f in &form.files {
        if f.too_large {
            return Err((
                StatusCode::PAYLOAD_TOO_LARGE,
                format!("File {} exceeds 50MB", f.file_name),
            ));
        }
        if f.file_name.trim().is_empty() {
            return Err((
                StatusCode::BAD_REQUEST,
                String::from("Every file needs a file name"),
            ));
        }
        let ct = f.content_type.as_deref().unwrap_or("");
        if !PROFILE
            .allowed_mime_types
            .value
            .iter()
            .any(|m| m.eq_ignore_ascii_case(ct))
        {
            return Err((
                StatusCode::BAD_REQUEST,
                format!("File type {ct} is not supported ({})", f.file_name),
            ));
        }
        if f.size == 0 {
            return Err((
                StatusCode::BAD_REQUEST,
                format!("File {} is empty", f.file_name),
            ));
        }
    }
    Ok(())
}

async fn upload_temporary(
    AxState(shared): Shd,
    Extension(tenant): Extension<TenantId>,
    query: Result<Query<UploadQuery>, axum::extract::rejection::QueryRejection>,
    headers: HeaderMap,
    body: Body,
) -> Response {
    let Ok(Query(q)) = query else {
        return fail(
            StatusCode::BAD_REQUEST,
            "Unknown query parameter; allowed: type",
        );
    };
    let Some(kind) = q.kind.as_deref().and_then(canonical_type) else {
        return fail(
            StatusCode::BAD_REQUEST,
            "type must be one of the attachment types (e.g. unassigned, CV)",
        );
    };
    let max = PROFILE.max_file_bytes.value;
    let form = match ingest::multipart(&headers, body, max).await {
        Ok(form) => form,
        Err(e) => return from_ingest(e),
    };
    if let Err((status, message)) = check_form(&form) {
        return fail(status, &message);
    }
    let created_at = now_rfc3339();
    let mut out = Vec::new();
    let Ok(mut temps) = shared.spott.temporaries.lock() else {
        return fail(StatusCode::INTERNAL_SERVER_ERROR, "State unavailable");
    };
    for f in form.files {
        let id = shared.store.new_id(SYSTEM);
        let extension = f.file_name.rsplit_once('.').map(|(_, e)| e.to_lowercase());
        out.push(json!({
            "type": kind, "attachmentId": id, "attachmentName": f.file_name, "createdAt": created_at,
            "extension": extension, "size": f.size,
        }));
        temps.insert(
            id.clone(),
            Temporary {
                tenant: tenant.0.clone(),
                id,
                name: f.file_name,
                content_type: f.content_type.unwrap_or_default(),
                size: f.size,
                sha256: f.sha256,
                kind: kind.to_owned(),
                created_at: created_at.clone(),
            },
        );
    }
    (StatusCode::CREATED, Json(Value::Array(out))).into_response()
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AssignBody {
    attachments: Vec<AssignItem>,
    #[serde(rename = "candidateId")]
    candidate_id: Option<String>,
    #[serde(rename = "companyId")]
    company_id: Option<String>,
    #[serde(rename = "vacancyId")]
    vacancy_id: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AssignItem {
    id: String,
    #[serde(rename = "type")]
    kind: String,
    name: Option<String>,
}

async fn assign(
    AxState(shared): Shd,
    Extension(tenant): Extension<TenantId>,
    headers: HeaderMap,
    body: Body,
) -> Response {
    let body: AssignBody = match ingest::json(&headers, body, 1024 * 1024).await {
        Ok(b) => b,
        Err(e) => return from_ingest(e),
    };
    if body.candidate_id.is_none() && body.company_id.is_none() && body.vacancy_id.is_none() {
        return fail(
            StatusCode::BAD_REQUEST,
            "One of candidateId, companyId or vacancyId is required",
        );
    }
    if body.attachments.is_empty() {
        return fail(StatusCode::BAD_REQUEST, "attachments must not be empty");
    }
    let Some(candidate_id) = body.candidate_id else {
        // Companies and vacancies are not emulated: accept and drop.
        return StatusCode::NO_CONTENT.into_response();
    };
    if shared.store.candidate(SYSTEM, &candidate_id).is_none() {
        return fail(
            StatusCode::NOT_FOUND,
            &format!("Candidate {candidate_id} not found"),
        );
    }
    let Ok(mut temps) = shared.spott.temporaries.lock() else {
        return fail(StatusCode::INTERNAL_SERVER_ERROR, "State unavailable");
    };
    for item in &body.attachments {
        if canonical_type(&item.kind).is_none() {
            return fail(
                StatusCode::BAD_REQUEST,
                &format!("Invalid attachment type \u{201c}{}\u{201d}", item.kind),
            );
        }
        if temps.get(&item.id).is_none_or(|t| t.tenant != tenant.0) {
            return fail(
                StatusCode::NOT_FOUND,
                &format!(
                    "Temporary attachment {} not found or already assigned",
                    item.id
                ),
            );
        }
    }
    for item in body.attachments {
        let Some(temp) = temps.remove(&item.id) else {
            continue;
        };
        let kind = canonical_type(&item.kind).unwrap_or(&temp.kind).to_owned();
        shared.store.add(StoredAttachment {
            provider: SYSTEM,
            tenant: tenant.0.clone(),
            id: temp.id,
            candidate_id: candidate_id.clone(),
            application_id: None,
            file_name: item.name.unwrap_or(temp.name),
            content_type: temp.content_type,
            attachment_type: kind,
            size: temp.size,
            sha256: temp.sha256,
            remote_id: None,
            created_at: temp.created_at,
        });
    }
    StatusCode::NO_CONTENT.into_response()
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AttachmentQuery {
    page: Option<String>,
    #[serde(rename = "pageSize")]
    page_size: Option<String>,
    #[serde(rename = "candidateId")]
    candidate_id: Option<String>,
    #[serde(rename = "companyId")]
    company_id: Option<String>,
    #[serde(rename = "vacancyId")]
    vacancy_id: Option<String>,
    #[serde(rename = "type")]
    kind: Option<String>,
}

async fn list_attachments(
    AxState(shared): Shd,
    Extension(tenant): Extension<TenantId>,
    query: Result<Query<AttachmentQuery>, axum::extract::rejection::QueryRejection>,
) -> Response {
    let Ok(Query(q)) = query else {
        return fail(StatusCode::BAD_REQUEST, "Unknown query parameter");
    };
    let page = match q.page.as_deref().map(str::parse::<usize>) {
        None => 0,
        Some(Ok(n)) if n <= 10_000 => n,
        Some(_) => return fail(StatusCode::BAD_REQUEST, "page must be between 0 and 10000"),
    };
    let size = match q.page_size.as_deref().map(str::parse::<usize>) {
        None => 20,
        Some(Ok(n)) if (1..=100).contains(&n) => n,
        Some(_) => {
            return fail(
                StatusCode::BAD_REQUEST,
                "pageSize must be between 1 and 100",
            );
        }
    };
    let _ = (&q.company_id, &q.vacancy_id);
    let all: Vec<StoredAttachment> = shared
        .store
        .tenant_attachments(
            SYSTEM,
            &tenant.0,
            q.candidate_id.as_deref().filter(|c| !c.is_empty()),
        )
        .into_iter()
        .filter(|a| {
            q.kind
                .as_deref()
                .is_none_or(|k| a.attachment_type.eq_ignore_ascii_case(k))
        })
        .collect();
    let items: Vec<Value> = all
        .iter()
        .skip(page * size)
        .take(size)
        .map(|a| {
            json!({
                "attachmentId": a.id, "attachmentName": a.file_name, "createdAt": a.created_at,
                "extension": a.file_name.rsplit_once('.').map(|(_, e)| e.to_lowercase()),
                "size": a.size, "type": a.attachment_type,
            })
        })
        .collect();
    Json(json!({
        "pagination": { "totalItems": all.len(), "page": page, "hasNextPage": (page + 1) * size < all.len() },
        "items": items,
    }))
    .into_response()
}

/// Not documented by Spott [assumption]: lets the "fix candidate files" flow be exercised; the
/// real client reports delete as unsupported.
async fn delete_attachment(
    AxState(shared): Shd,
    Extension(tenant): Extension<TenantId>,
    Path(id): Path<String>,
) -> Response {
    let owner = shared
        .store
        .tenant_attachments(SYSTEM, &tenant.0, None)
        .into_iter()
        .find(|a| a.id == id)
        .map(|a| a.candidate_id);
    match owner {
        Some(candidate) => {
            shared.store.remove(SYSTEM, &tenant.0, &candidate, &[id]);
            StatusCode::NO_CONTENT.into_response()
        }
        None => fail(StatusCode::NOT_FOUND, &format!("Attachment {id} not found")),
    }
}
