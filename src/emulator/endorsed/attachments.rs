//! Attachments: create (`POST /attachments`) and upsert (`PUT /attachments/{uuid |
//! remote.<id>}`) by multipart `file` xor JSON `public_file_url` [seed], plus the flagged
//! extras `GET /attachments?candidate_id=`, `GET /attachments/{id}` and
//! `DELETE /attachments/{id}` [assumption, endorsed.md §4].

use std::borrow::Cow;
use std::sync::Arc;

use axum::body::Body;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Extension, Path, Query, State as AxState};

use crate::emulator::credentials::TenantId;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::Response;
use serde::Deserialize;
use serde_json::{Value, json};

use super::{NOT_FOUND_MESSAGE, Refusal, SYSTEM, bad_query, candidates, fail, invalid, ok};
use crate::emulator::Shared;
use crate::emulator::ingest::{self, ReceivedFile, ReceivedForm};
use crate::emulator::store::{StoredAttachment, now_rfc3339};
use crate::model::profiles::endorsed::{PROFILE, REMOTE_ID_PREFIX};

type Shd = AxState<Arc<Shared>>;

/// Largest JSON upload body (it carries a URL, never file bytes).
const MAX_JSON_BODY: u64 = 64 * 1024;

/// A validated upload, before it is stored.
struct Upload {
    candidate_id: Option<String>,
    remote_id: String,
    kind: &'static str,
    file_name: String,
    content_type: String,
    size: u64,
    sha256: String,
}

impl Upload {
    fn into_stored(self, tenant: &str, id: String, created_at: String) -> StoredAttachment {
        StoredAttachment {
            provider: SYSTEM,
            tenant: tenant.to_owned(),
            id,
            candidate_id: self.candidate_id.unwrap_or_default(),
            application_id: None,
            file_name: self.file_name,
            content_type: self.content_type,
            attachment_type: self.kind.to_owned(),
            size: self.size,
            sha256: self.sha256,
            remote_id: Some(self.remote_id),
            created_at,
        }
    }
}

/// `POST /attachments`: always a new attachment → 201 `{is_error: false, result: {id}}`.
pub async fn create(
    AxState(shared): Shd,
    Extension(tenant): Extension<TenantId>,
    headers: HeaderMap,
    body: Body,
) -> Response {
    let upload = match read_upload(&shared, &headers, body).await {
        Ok(u) => u,
        Err(refusal) => return refusal.respond(),
    };
    let id = shared.store.new_id(SYSTEM);
    shared
        .store
        .add(upload.into_stored(&tenant.0, id.clone(), now_rfc3339()));
    ok(StatusCode::CREATED, &json!({ "id": id }))
}

/// `PUT /attachments/{uuid | remote.<id>}`: replaces the attachment stored under that id
/// (200, same id) or, for an unknown `remote.<id>`, creates it (201) [seed "upsert";
/// status codes and matching are assumptions].
pub async fn upsert(
    AxState(shared): Shd,
    Extension(tenant): Extension<TenantId>,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Body,
) -> Response {
    let upload = match read_upload(&shared, &headers, body).await {
        Ok(u) => u,
        Err(refusal) => return refusal.respond(),
    };
    let remote = id.strip_prefix(REMOTE_ID_PREFIX);
    if let Some(remote) = remote {
        if remote.is_empty() {
            return invalid(&[(
                "id",
                format!("The id {REMOTE_ID_PREFIX}<id> names no remote id"),
            )]);
        }
        if remote != upload.remote_id {
            return invalid(&[(
                "remote_id",
                format!(
                    "remote_id \u{201c}{}\u{201d} does not match the id in the path ({id})",
                    upload.remote_id
                ),
            )]);
        }
    }
    // Find-or-create must be atomic, or two concurrent upserts could both create.
    let Ok(_guard) = shared.endorsed.upsert.lock() else {
        return fail(StatusCode::INTERNAL_SERVER_ERROR, "State unavailable");
    };
    match resolve(&shared, &tenant.0, &id) {
        Some(existing) => {
            let stored = upload.into_stored(&tenant.0, existing.id.clone(), now_rfc3339());
            shared.store.upsert(stored);
            ok(StatusCode::OK, &json!({ "id": existing.id }))
        }
        None if remote.is_some() => {
            let new_id = shared.store.new_id(SYSTEM);
            shared
                .store
                .add(upload.into_stored(&tenant.0, new_id.clone(), now_rfc3339()));
            ok(StatusCode::CREATED, &json!({ "id": new_id }))
        }
        None => fail(StatusCode::NOT_FOUND, NOT_FOUND_MESSAGE),
    }
}

/// A tenant's attachment by UUID or `remote.<id>`.
fn resolve(shared: &Shared, tenant: &str, id: &str) -> Option<StoredAttachment> {
    shared
        .store
        .tenant_attachments(SYSTEM, tenant, None)
        .into_iter()
        .find(|a| match id.strip_prefix(REMOTE_ID_PREFIX) {
            Some(remote) => a.remote_id.as_deref() == Some(remote),
            None => a.id == id,
        })
}

/// Reads and checks an upload body: multipart (the default) or JSON, never both kinds of
/// file; then the size, type and candidate.
async fn read_upload(shared: &Shared, headers: &HeaderMap, body: Body) -> Result<Upload, Refusal> {
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let essence = content_type
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    let upload = match essence.as_str() {
        // multipart/form-data is the default when no Content-Type is set [seed].
        "" | "multipart/form-data" => {
            let form = ingest::multipart(headers, body, PROFILE.max_file_bytes.value)
                .await
                .map_err(|e| {
                    if essence.is_empty() {
                        Refusal::invalid(
                            "",
                            "The body is read as multipart/form-data (the default) but has no boundary; set the Content-Type",
                        )
                    } else {
                        Refusal::from(e)
                    }
                })?;
            from_form(&form)?
        }
        "application/json" => {
            let bytes = ingest::json_bytes(headers, body, MAX_JSON_BODY).await?;
            from_json(&bytes)?
        }
        _ => {
            return Err(Refusal::Status(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                format!(
                    "Content-Type \u{201c}{content_type}\u{201d} is not supported; only multipart/form-data and application/json are"
                ),
            ));
        }
    };
    if let Some(candidate) = &upload.candidate_id
        && !candidates::exists(shared, candidate)
    {
        return Err(Refusal::Status(
            StatusCode::NOT_FOUND,
            NOT_FOUND_MESSAGE.to_owned(),
        ));
    }
    Ok(upload)
}

/// The shared field rules: `remote_id` and `type` required, `type` in the enum.
fn common_fields(
    candidate_id: Option<&str>,
    remote_id: Option<&str>,
    kind: Option<&str>,
    issues: &mut Vec<(&'static str, String)>,
) -> (Option<String>, String, &'static str) {
    let remote_id = remote_id.map(str::trim).unwrap_or_default();
    if remote_id.is_empty() {
        issues.push(("remote_id", "remote_id is required".to_owned()));
    }
    let raw = kind.map(str::trim).unwrap_or_default();
    // Wire values are exact (lower case) [seed].
    let kind = PROFILE
        .attachment_type(raw)
        .filter(|t| t.wire == raw)
        .map_or("", |t| t.wire);
    if raw.is_empty() {
        issues.push(("type", "type is required".to_owned()));
    } else if kind.is_empty() {
        issues.push((
            "type",
            format!(
                "type must be one of {} (got \u{201c}{raw}\u{201d})",
                documented_types()
            ),
        ));
    }
    let candidate_id = candidate_id
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .map(str::to_owned);
    (candidate_id, remote_id.to_owned(), kind)
}

/// The types in the documentation's order (`about`, `resume`, `role_preferences`,
/// `work_experiences` [seed]), which is alphabetical.
fn documented_types() -> String {
    let mut wires: Vec<&str> = PROFILE.types.iter().map(|t| t.wire).collect();
    wires.sort_unstable();
    wires.join(", ")
}

/// The multipart variant: text fields `candidate_id`, `remote_id`, `type` and exactly one
/// file part `file`; `public_file_url` forbidden.
fn from_form(form: &ReceivedForm) -> Result<Upload, Refusal> {
    let mut issues: Vec<(&'static str, String)> = Vec::new();
    for (i, (name, _)) in form.texts.iter().enumerate() {
        match name.as_str() {
            "candidate_id" | "remote_id" | "type" => {
                if form.texts[..i].iter().any(|(n, _)| n == name) {
                    issues.push(("", format!("{name} is given twice")));
                }
            }
            "public_file_url" => issues.push((
                "public_file_url",
                "public_file_url must not be set for multipart/form-data; send the file in file"
                    .to_owned(),
            )),
            "file" => issues.push((
                "file",
                "file must be a file part (with a filename), not a text field".to_owned(),
            )),
            other => issues.push(("", format!("Unknown field \u{201c}{other}\u{201d}"))),
        }
    }
    for f in form.files.iter().filter(|f| f.field != "file") {
        issues.push((
            "",
            format!(
                "Unknown file field \u{201c}{}\u{201d}; send the file in file",
                f.field
            ),
        ));
    }
    let files: Vec<&ReceivedFile> = form.files.iter().filter(|f| f.field == "file").collect();
    match files.len() {
        0 => issues.push((
            "file",
            "file is required for multipart/form-data".to_owned(),
        )),
        1 => {}
        n => issues.push(("file", format!("Only one file per request ({n} sent)"))),
    }
    let (candidate_id, remote_id, kind) = common_fields(
        form.text("candidate_id"),
        form.text("remote_id"),
        form.text("type"),
        &mut issues,
    );
    match files.first() {
        Some(file) if issues.is_empty() => {
            let content_type = check_file(file)?;
            Ok(Upload {
                candidate_id,
                remote_id,
                kind,
                file_name: file.file_name.clone(),
                content_type,
                size: file.size,
                sha256: file.sha256.clone(),
            })
        }
        _ => Err(Refusal::Invalid(issues)),
    }
}

/// Size (25 MiB), name, MIME allow-list and emptiness of the file part [assumptions];
/// returns its MIME type.
fn check_file(file: &ReceivedFile) -> Result<String, Refusal> {
    if file.too_large {
        return Err(Refusal::Status(
            StatusCode::PAYLOAD_TOO_LARGE,
            format!(
                "{} is larger than the {} MiB an attachment may have",
                file.file_name,
                PROFILE.max_file_bytes.value / crate::model::MIB
            ),
        ));
    }
    let content_type = file
        .content_type
        .as_deref()
        .unwrap_or("")
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    let mut issues = Vec::new();
    if file.file_name.trim().is_empty() {
        issues.push(("file", "The file needs a file name".to_owned()));
    }
    if !PROFILE
        .allowed_mime_types
        .value
        .iter()
        .any(|m| m.eq_ignore_ascii_case(&content_type))
    {
        issues.push((
            "file",
            format!(
                "File type \u{201c}{content_type}\u{201d} is not supported ({}); send PDF, Word, OpenDocument, RTF or plain text",
                file.file_name
            ),
        ));
    }
    if file.size == 0 {
        issues.push(("file", format!("{} is empty", file.file_name)));
    }
    if issues.is_empty() {
        Ok(content_type)
    } else {
        Err(Refusal::Invalid(issues))
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct JsonUpload<'a> {
    #[serde(borrow)]
    candidate_id: Option<Cow<'a, str>>,
    #[serde(borrow)]
    remote_id: Option<Cow<'a, str>>,
    #[serde(rename = "type", borrow)]
    kind: Option<Cow<'a, str>>,
    file: Option<serde::de::IgnoredAny>,
    #[serde(borrow)]
    public_file_url: Option<Cow<'a, str>>,
}

/// The JSON variant: `public_file_url` required, `file` forbidden. The emulator does not
/// download the URL: it stores the attachment with size 0 and no hash.
fn from_json(bytes: &[u8]) -> Result<Upload, Refusal> {
    let body: JsonUpload<'_> = serde_json::from_slice(bytes)
        .map_err(|e| Refusal::invalid("", format!("Invalid request body: {e}")))?;
    let mut issues: Vec<(&'static str, String)> = Vec::new();
    if body.file.is_some() {
        issues.push((
            "file",
            "file must not be set for application/json; give public_file_url".to_owned(),
        ));
    }
    let url = match body.public_file_url.as_deref().map(str::trim) {
        None | Some("") => {
            issues.push((
                "public_file_url",
                "public_file_url is required for application/json".to_owned(),
            ));
            None
        }
        Some(raw) => url::Url::parse(raw)
            .ok()
            .filter(|u| matches!(u.scheme(), "https" | "http") && u.host_str().is_some())
            .or_else(|| {
                issues.push((
                    "public_file_url",
                    "public_file_url must be a public http(s) URL".to_owned(),
                ));
                None
            }),
    };
    let (candidate_id, remote_id, kind) = common_fields(
        body.candidate_id.as_deref(),
        body.remote_id.as_deref(),
        body.kind.as_deref(),
        &mut issues,
    );
    let Some(url) = url.filter(|_| issues.is_empty()) else {
        return Err(Refusal::Invalid(issues));
    };
    let file_name = url
        .path_segments()
        .and_then(|mut s| s.next_back())
        .filter(|s| !s.is_empty())
        .unwrap_or("download")
        .to_owned();
    let content_type = mime_guess::from_path(&file_name)
        .first_raw()
        .unwrap_or("application/octet-stream")
        .to_owned();
    Ok(Upload {
        candidate_id,
        remote_id,
        kind,
        file_name,
        content_type,
        size: 0,
        sha256: String::new(),
    })
}

fn render(a: &StoredAttachment) -> Value {
    json!({
        "id": a.id,
        "remote_id": a.remote_id,
        "candidate_id": (!a.candidate_id.is_empty()).then_some(&a.candidate_id),
        "type": a.attachment_type,
        "file_name": a.file_name,
        "content_type": a.content_type,
        "size": a.size,
        "created_at": a.created_at,
    })
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ListQuery {
    candidate_id: Option<String>,
}

/// `GET /attachments?candidate_id=<uuid>` [assumption; not documented].
pub async fn list(
    AxState(shared): Shd,
    Extension(tenant): Extension<TenantId>,
    query: Result<Query<ListQuery>, QueryRejection>,
) -> Response {
    let Ok(Query(q)) = query else {
        return bad_query("candidate_id");
    };
    let Some(candidate) = q.candidate_id.filter(|c| !c.trim().is_empty()) else {
        return invalid(&[("candidate_id", "candidate_id is required".to_owned())]);
    };
    if !candidates::exists(&shared, &candidate) {
        return fail(StatusCode::NOT_FOUND, NOT_FOUND_MESSAGE);
    }
    let items: Vec<Value> = shared
        .store
        .tenant_attachments(SYSTEM, &tenant.0, Some(&candidate))
        .iter()
        .map(render)
        .collect();
    ok(StatusCode::OK, &Value::Array(items))
}

/// `GET /attachments/{uuid | remote.<id>}` [doc example exists; shape assumed].
pub async fn get_one(
    AxState(shared): Shd,
    Extension(tenant): Extension<TenantId>,
    Path(id): Path<String>,
) -> Response {
    match resolve(&shared, &tenant.0, &id) {
        Some(a) => ok(StatusCode::OK, &render(&a)),
        None => fail(StatusCode::NOT_FOUND, NOT_FOUND_MESSAGE),
    }
}

/// `DELETE /attachments/{uuid | remote.<id>}` [assumption; the docs call attachments
/// immutable and the real client does not offer it].
pub async fn delete(
    AxState(shared): Shd,
    Extension(tenant): Extension<TenantId>,
    Path(id): Path<String>,
) -> Response {
    let Some(a) = resolve(&shared, &tenant.0, &id) else {
        return fail(StatusCode::NOT_FOUND, NOT_FOUND_MESSAGE);
    };
    shared.store.remove(
        SYSTEM,
        &tenant.0,
        &a.candidate_id,
        std::slice::from_ref(&a.id),
    );
    ok(StatusCode::OK, &json!({ "id": a.id }))
}
