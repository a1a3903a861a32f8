//! Unified attachment routes: listing (`candidate_id` required for Lever), the multipart
//! upload with `Idempotency-Key`, download, and a delete that Truto does not have.
//!
//! Upload rules (truto.md §3.1; [assumption] where Truto documents nothing): multipart with
//! exactly one file part `file` (file name and `Content-Type` required, ≤ 25 MiB → else 413,
//! MIME on the profile's allow-list → else 415); `candidate_id` in the query or as a text
//! field (400 if neither, 400 if both differ, the ATS's 404 if unknown); optional
//! `application_id` (must belong to the candidate, else the ATS's 422); optional
//! `attachment_type` (`resume`, `cover_letter`, `other`; default `other`); optional
//! `remote_data` (a JSON object); any other field is a 400. Success is 201 with the Attachment
//! object, not wrapped.

use axum::Json;
use axum::body::Body;
use axum::extract::{Extension, Path, RawQuery, State as AxState};

use crate::emulator::credentials::TenantId;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};

use super::candidates::{job_id, page};
use super::idempotency::{Begin, MAX_KEY_LEN};
use super::{
    Account, Params, SYSTEM, Shd, drain, fail, invalid, missing_body, missing_query, remote,
};
use crate::emulator::ingest::{self, ReceivedForm};
use crate::emulator::store::{StoredAttachment, now_rfc3339};
use crate::model::profiles::truto::{
    PROFILE, UPLOAD_APPLICATION_FIELD, UPLOAD_CANDIDATE_FIELD, UPLOAD_FILE_FIELD,
    UPLOAD_REMOTE_DATA_FIELD, UPLOAD_TYPE_FIELD,
};

/// Where attachment `file_url`s point. Nothing is served there: the emulator keeps no bytes.
const FILE_URL_PREFIX: &str = "https://files.truto-emulator.invalid/attachments/";

/// Text fields the upload accepts.
const UPLOAD_TEXT_FIELDS: &[&str] = &[
    UPLOAD_CANDIDATE_FIELD,
    UPLOAD_APPLICATION_FIELD,
    UPLOAD_TYPE_FIELD,
    UPLOAD_REMOTE_DATA_FIELD,
];

/// An attachment in Truto's unified shape [seed].
fn attachment_json(a: &StoredAttachment, job: Option<&str>, remote_data: bool) -> Value {
    let mut v = json!({
        "id": a.id,
        "file_name": a.file_name,
        "file_url": format!("{FILE_URL_PREFIX}{}", a.id),
        "candidate": { "id": a.candidate_id },
        "application": a.application_id.as_ref().map(|id| json!({ "id": id })),
        "job": job.map(|j| json!({ "id": j })),
        "attachment_type": a.attachment_type,
        "created_at": a.created_at,
        "updated_at": a.created_at,
    });
    if remote_data && let Some(map) = v.as_object_mut() {
        map.insert(
            "remote_data".into(),
            json!({ "id": a.id, "name": a.file_name, "size": a.size, "type": a.content_type }),
        );
    }
    v
}

/// The job of a candidate's application, as `job.id`.
fn job_of(shared: &crate::emulator::Shared, a: &StoredAttachment) -> Option<String> {
    let application = a.application_id.as_deref()?;
    shared
        .store
        .candidate(SYSTEM, &a.candidate_id)?
        .applications
        .iter()
        .find(|(id, _)| id == application)
        .map(|(_, job)| job_id(job))
}

/// `GET /unified/ats/attachments`.
pub(super) async fn list(
    AxState(shared): Shd,
    RawQuery(raw): RawQuery,
    Extension(account): Extension<&'static Account>,
    Extension(tenant): Extension<TenantId>,
) -> Response {
    let params = match Params::parse(
        raw.as_deref(),
        &[
            "candidate_id",
            "application_id",
            "job_id",
            "organization_id",
            "expires_in",
            "limit",
            "next_cursor",
        ],
    ) {
        Ok(p) => p,
        Err(r) => return r,
    };
    if !account.supports("list") {
        return fail(
            StatusCode::METHOD_NOT_ALLOWED,
            &format!(
                "The {} integration does not support list on ats/attachments",
                account.label
            ),
        );
    }
    let candidate = params
        .get("candidate_id")
        .map(str::trim)
        .filter(|c| !c.is_empty());
    if candidate.is_none() && account.attachments_need_candidate() {
        return missing_query(&["candidate_id"]);
    }
    if let Some(c) = candidate
        && shared.store.candidate(SYSTEM, c).is_none()
    {
        return remote(
            StatusCode::NOT_FOUND,
            &format!("Candidate {c} was not found"),
        );
    }
    let application = params.get("application_id").filter(|a| !a.is_empty());
    let all: Vec<StoredAttachment> = shared
        .store
        .tenant_attachments(SYSTEM, &tenant.0, candidate)
        .into_iter()
        .filter(|a| application.is_none_or(|app| a.application_id.as_deref() == Some(app)))
        .collect();
    let remote_data = !params.ignore_remote_data();
    match page(
        &all,
        |a| a.id.as_str(),
        |a| attachment_json(a, job_of(&shared, a).as_deref(), remote_data),
        &params,
    ) {
        Ok(body) => Json(body).into_response(),
        Err(r) => r,
    }
}

/// Why an upload form was refused.
type Refusal = Box<Response>;

/// The one value of a field that may come in the query or the form; both must agree.
fn one_value<'a>(
    params: &'a Params,
    form: &'a ReceivedForm,
    name: &str,
) -> Result<Option<&'a str>, Refusal> {
    let query = params.get(name).map(str::trim).filter(|v| !v.is_empty());
    let field = form.text(name).map(str::trim).filter(|v| !v.is_empty());
    match (query, field) {
        (Some(q), Some(f)) if q != f => Err(Box::new(invalid(
            name,
            &format!("{name} differs between the query ({q}) and the form ({f})"),
        ))),
        (q, f) => Ok(q.or(f)),
    }
}

/// Checks the form's fields and its single file part.
fn check_form(form: &ReceivedForm) -> Result<(), Refusal> {
    let allowed = format!(
        "allowed: {UPLOAD_FILE_FIELD}, {}",
        UPLOAD_TEXT_FIELDS.join(", ")
    );
    for (i, (name, _)) in form.texts.iter().enumerate() {
        if !UPLOAD_TEXT_FIELDS.contains(&name.as_str()) {
            return Err(Box::new(invalid(
                name,
                &format!("Unknown field \u{201c}{name}\u{201d}; {allowed}"),
            )));
        }
        if form.texts[..i].iter().any(|(n, _)| n == name) {
            return Err(Box::new(invalid(
                name,
                &format!("Field \u{201c}{name}\u{201d} was sent more than once"),
            )));
        }
    }
    if let Some(f) = form.files.iter().find(|f| f.field != UPLOAD_FILE_FIELD) {
        return Err(Box::new(invalid(
            &f.field,
            &format!(
                "Unknown file field \u{201c}{}\u{201d}; send the file in \u{201c}{UPLOAD_FILE_FIELD}\u{201d}",
                f.field
            ),
        )));
    }
    let file = match form.files.as_slice() {
        [] => return Err(Box::new(missing_body(&[UPLOAD_FILE_FIELD]))),
        [file] => file,
        _ => {
            return Err(Box::new(invalid(
                UPLOAD_FILE_FIELD,
                "Only one file can be uploaded per request",
            )));
        }
    };
    if file.too_large {
        return Err(Box::new(fail(
            StatusCode::PAYLOAD_TOO_LARGE,
            &format!(
                "File {} is larger than {} bytes",
                file.file_name, PROFILE.max_file_bytes.value
            ),
        )));
    }
    if file.file_name.trim().is_empty() {
        return Err(Box::new(invalid(
            UPLOAD_FILE_FIELD,
            "The file part needs a file name",
        )));
    }
    let Some(content_type) = file.content_type.as_deref() else {
        return Err(Box::new(invalid(
            UPLOAD_FILE_FIELD,
            "The file part needs a Content-Type",
        )));
    };
    let essence = content_type.split(';').next().unwrap_or("").trim();
    if !PROFILE
        .allowed_mime_types
        .value
        .iter()
        .any(|m| m.eq_ignore_ascii_case(essence))
    {
        return Err(Box::new(fail(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            &format!(
                "File type {content_type} is not supported ({}); allowed: {}",
                file.file_name,
                PROFILE.allowed_mime_types.value.join(", ")
            ),
        )));
    }
    if file.size == 0 {
        return Err(Box::new(invalid(
            UPLOAD_FILE_FIELD,
            &format!("File {} is empty", file.file_name),
        )));
    }
    Ok(())
}

/// Validates an upload and stores it; returns the Attachment object.
fn accept(
    shared: &crate::emulator::Shared,
    tenant: &str,
    params: &Params,
    form: ReceivedForm,
) -> Result<Value, Refusal> {
    check_form(&form)?;
    let Some(candidate_id) = one_value(params, &form, UPLOAD_CANDIDATE_FIELD)?.map(str::to_owned)
    else {
        return Err(Box::new(missing_query(&[UPLOAD_CANDIDATE_FIELD])));
    };
    let candidate_id = candidate_id.as_str();
    let application_id = one_value(params, &form, UPLOAD_APPLICATION_FIELD)?.map(str::to_owned);
    let application_id = application_id.as_deref();
    let kind = form.text(UPLOAD_TYPE_FIELD).unwrap_or("other").to_owned();
    let kind = kind.as_str();
    if PROFILE.attachment_type(kind).is_none_or(|t| t.wire != kind) {
        return Err(Box::new(invalid(
            UPLOAD_TYPE_FIELD,
            &format!(
                "attachment_type must be one of {}; got \u{201c}{kind}\u{201d}",
                PROFILE.type_list()
            ),
        )));
    }
    if let Some(raw) = form.text(UPLOAD_REMOTE_DATA_FIELD)
        && !serde_json::from_str::<Value>(raw).is_ok_and(|v| v.is_object())
    {
        return Err(Box::new(invalid(
            UPLOAD_REMOTE_DATA_FIELD,
            "remote_data must be a JSON object",
        )));
    }
    let Some(candidate) = shared.store.candidate(SYSTEM, candidate_id) else {
        return Err(Box::new(remote(
            StatusCode::NOT_FOUND,
            &format!("Candidate {candidate_id} was not found"),
        )));
    };
    let job = match application_id {
        None => None,
        Some(app) => match candidate.applications.iter().find(|(id, _)| id == app) {
            Some((_, job)) => Some(job_id(job)),
            None => {
                return Err(Box::new(remote(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    &format!("Application {app} does not belong to candidate {candidate_id}"),
                )));
            }
        },
    };
    let Some(file) = form.files.into_iter().next() else {
        return Err(Box::new(missing_body(&[UPLOAD_FILE_FIELD])));
    };
    let stored = StoredAttachment {
        provider: SYSTEM,
        tenant: tenant.to_owned(),
        id: shared.store.new_id(SYSTEM),
        candidate_id: candidate_id.to_owned(),
        application_id: application_id.map(str::to_owned),
        file_name: file.file_name,
        content_type: file.content_type.unwrap_or_default(),
        attachment_type: kind.to_owned(),
        size: file.size,
        sha256: file.sha256,
        remote_id: None,
        created_at: now_rfc3339(),
    };
    let body = attachment_json(&stored, job.as_deref(), !params.ignore_remote_data());
    shared.store.add(stored);
    Ok(body)
}

/// The `Idempotency-Key` header: 1–255 visible ASCII characters, if sent.
fn idempotency_key(headers: &HeaderMap) -> Result<Option<String>, Refusal> {
    let Some(value) = headers.get("idempotency-key") else {
        return Ok(None);
    };
    match value.to_str().map(str::trim) {
        Ok(key) if !key.is_empty() && key.len() <= MAX_KEY_LEN => Ok(Some(key.to_owned())),
        _ => Err(Box::new(invalid(
            "Idempotency-Key",
            &format!("Idempotency-Key must be 1 to {MAX_KEY_LEN} visible ASCII characters"),
        ))),
    }
}

/// `POST /unified/ats/attachments`.
pub(super) async fn upload(
    AxState(shared): Shd,
    RawQuery(raw): RawQuery,
    Extension(account): Extension<&'static Account>,
    Extension(tenant): Extension<TenantId>,
    headers: HeaderMap,
    body: Body,
) -> Response {
    let params = match Params::parse(
        raw.as_deref(),
        &[UPLOAD_CANDIDATE_FIELD, UPLOAD_APPLICATION_FIELD],
    ) {
        Ok(p) => p,
        Err(r) => {
            drain(body).await;
            return r;
        }
    };
    if !account.supports("create") {
        drain(body).await;
        return fail(
            StatusCode::METHOD_NOT_ALLOWED,
            &format!(
                "The {} integration does not support create on ats/attachments",
                account.label
            ),
        );
    }
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let essence = content_type.split(';').next().unwrap_or("").trim();
    if !essence.eq_ignore_ascii_case("multipart/form-data") {
        drain(body).await;
        return fail(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            &format!(
                "File uploads must be multipart/form-data, got \u{201c}{content_type}\u{201d}"
            ),
        );
    }
    let key = match idempotency_key(&headers) {
        Ok(k) => k,
        Err(r) => {
            drain(body).await;
            return *r;
        }
    };
    let pending = match key.as_deref().map(|k| {
        shared
            .truto
            .idempotency
            .begin(&format!("{}/{}", tenant.0, account.id), k)
    }) {
        None => None,
        Some(Begin::Fresh(p)) => Some(p),
        Some(Begin::Replay(cached)) => {
            drain(body).await;
            let mut response = (StatusCode::CREATED, Json(cached)).into_response();
            response
                .headers_mut()
                .insert("idempotent-replayed", HeaderValue::from_static("true"));
            return response;
        }
        Some(Begin::Busy) => {
            drain(body).await;
            return fail(
                StatusCode::CONFLICT,
                "A request with this Idempotency-Key is still being processed",
            );
        }
    };
    let form = match ingest::multipart(&headers, body, PROFILE.max_file_bytes.value).await {
        Ok(form) => form,
        Err(e) => return fail(e.status, &e.message),
    };
    match accept(&shared, &tenant.0, &params, form) {
        Ok(body) => {
            if let Some(p) = pending {
                p.finish(body.clone());
            }
            (StatusCode::CREATED, Json(body)).into_response()
        }
        Err(refusal) => *refusal,
    }
}

/// `POST /unified/ats/attachments/download?file_url=` [doc: D-att-dl]. The emulator keeps no
/// file bytes, so a known file answers a short `text/plain` note with its size and sha256.
pub(super) async fn download(
    AxState(shared): Shd,
    RawQuery(raw): RawQuery,
    Extension(account): Extension<&'static Account>,
    Extension(tenant): Extension<TenantId>,
    body: Body,
) -> Response {
    drain(body).await;
    let params = match Params::parse(raw.as_deref(), &["file_url", "expires_in"]) {
        Ok(p) => p,
        Err(r) => return r,
    };
    if !account.supports("download") {
        return fail(
            StatusCode::METHOD_NOT_ALLOWED,
            &format!(
                "The {} integration does not support download on ats/attachments",
                account.label
            ),
        );
    }
    let Some(url) = params.get("file_url").filter(|u| !u.trim().is_empty()) else {
        return missing_query(&["file_url"]);
    };
    let found = url.strip_prefix(FILE_URL_PREFIX).and_then(|id| {
        shared
            .store
            .tenant_attachments(SYSTEM, &tenant.0, None)
            .into_iter()
            .find(|a| a.id == id)
    });
    match found {
        Some(a) => (
            [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
            format!(
                "atsdrop emulator: {} ({} bytes, sha256 {}); file bytes are not kept\n",
                a.file_name, a.size, a.sha256
            ),
        )
            .into_response(),
        None => remote(StatusCode::NOT_FOUND, &format!("File {url} was not found")),
    }
}

/// `DELETE /unified/ats/attachments/{id}` → `{ "id" }`: not offered by Truto (no unified
/// delete for ATS attachments); the emulator's flagged extra (truto.md §4.3), absent from the
/// capabilities, so the client never uses it.
pub(super) async fn remove(
    AxState(shared): Shd,
    Extension(tenant): Extension<TenantId>,
    Path(id): Path<String>,
    RawQuery(raw): RawQuery,
) -> Response {
    if let Err(r) = Params::parse(raw.as_deref(), &[]) {
        return r;
    }
    let owner = shared
        .store
        .tenant_attachments(SYSTEM, &tenant.0, None)
        .into_iter()
        .find(|a| a.id == id)
        .map(|a| a.candidate_id);
    match owner {
        Some(candidate) => {
            shared
                .store
                .remove(SYSTEM, &tenant.0, &candidate, std::slice::from_ref(&id));
            Json(json!({ "id": id })).into_response()
        }
        None => remote(
            StatusCode::NOT_FOUND,
            &format!("Attachment {id} was not found"),
        ),
    }
}
