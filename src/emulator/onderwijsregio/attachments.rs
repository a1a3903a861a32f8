//! `POST /candidates/{id}/attachments` (add) and `DELETE /candidates/{id}/attachments`
//! (remove): validated synchronously, then handed to the Mutation Engine and acknowledged with
//! 202 [seed].
//!
//! Add: a JSON object with at least one of `curriculumVitae` / `otherAttachments`, each an
//! array of 1..=5 items `{filename, data | url}`; `data` is a full `data:<mime>;base64,` URI of
//! at most 5 MiB decoded whose MIME type is one of the 20 accepted. The JSON is buffered once
//! and each payload decoded and hashed in chunks off the async threads; no file bytes are kept.

use std::borrow::Cow;
use std::collections::HashSet;

use axum::Extension;
use axum::body::Body;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State as AxState};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::Response;
use bytes::Bytes;
use serde::Deserialize;
use serde_json::{Map, json};

use super::engine::{Change, NewFile, Submitted};
use super::{Problem, SYSTEM, Sandbox, Shd, candidates, drain, fail, invalid, ok, serde_message};
use crate::emulator::credentials::TenantId;
use crate::emulator::ingest;
use crate::model::profiles::onderwijsregio::{
    ACCEPTED_MESSAGE, IDEMPOTENCY_HEADER, MAX_FILE_NAME_LEN, MAX_FILES_PER_FIELD,
    MAX_IDEMPOTENCY_KEY_LEN, PROFILE,
};

/// The header form of `callbackUrl` the emulator also accepts [assumption].
const CALLBACK_HEADER: &str = "x-callback-url";
/// Largest `DELETE` body read.
const MAX_REMOVE_BODY: u64 = 64 * 1024;

/// Largest add body read: room for one item more than allowed in each field, each at the
/// largest allowed size, so an over-count is answered with its own 400 rather than a 413.
fn max_add_body() -> u64 {
    let item = PROFILE.max_file_bytes.value.div_ceil(3) * 4 + 4096;
    (2 * (MAX_FILES_PER_FIELD as u64 + 1)) * item
}

/// Query parameters of every mutation [assumption: query, not body].
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct MutationQuery {
    #[serde(rename = "idempotencyKey")]
    idempotency_key: Option<String>,
    #[serde(rename = "callbackUrl")]
    callback_url: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AddBody<'a> {
    #[serde(rename = "curriculumVitae", borrow, default)]
    curriculum_vitae: Option<Vec<Item<'a>>>,
    #[serde(rename = "otherAttachments", borrow, default)]
    other_attachments: Option<Vec<Item<'a>>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Item<'a> {
    #[serde(borrow, default)]
    filename: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    url: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    data: Option<Cow<'a, str>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RemoveBody {
    #[serde(rename = "attachmentIds")]
    attachment_ids: Vec<String>,
}

/// The idempotency key (query or header) after checking it and the callback URL.
fn mutation_options(q: &MutationQuery, headers: &HeaderMap) -> Result<Option<String>, Problem> {
    let header_key = headers
        .get(IDEMPOTENCY_HEADER)
        .map(|v| v.to_str().map(str::to_owned));
    let header_key = match header_key {
        None => None,
        Some(Ok(k)) => Some(k),
        Some(Err(_)) => {
            return Err(Problem::new(
                "idempotencyKey",
                "The Idempotency-Key header must be visible ASCII",
            ));
        }
    };
    let key = match (&q.idempotency_key, header_key) {
        (Some(query), Some(header)) if *query != header => {
            return Err(Problem::new(
                "idempotencyKey",
                "idempotencyKey and the Idempotency-Key header differ",
            ));
        }
        (Some(query), _) => Some(query.clone()),
        (None, header) => header,
    };
    if let Some(key) = &key
        && (key.is_empty()
            || key.len() > MAX_IDEMPOTENCY_KEY_LEN
            || !key.bytes().all(|b| b.is_ascii_graphic()))
    {
        return Err(Problem::new(
            "idempotencyKey",
            format!(
                "idempotencyKey must be 1 to {MAX_IDEMPOTENCY_KEY_LEN} visible ASCII characters"
            ),
        ));
    }
    let callback = q.callback_url.clone().or_else(|| {
        headers
            .get(CALLBACK_HEADER)
            .map(|v| String::from_utf8_lossy(v.as_bytes()).into_owned())
    });
    if let Some(callback) = callback {
        let fine = url::Url::parse(&callback)
            .is_ok_and(|u| matches!(u.scheme(), "https" | "http") && u.host_str().is_some());
        if !fine {
            return Err(Problem::new(
                "callbackUrl",
                "callbackUrl must be an absolute http(s) URL",
            ));
        }
    }
    Ok(key)
}

/// Content-Type must be JSON; checked before reading so the body can be drained first.
async fn require_json(sandbox: bool, headers: &HeaderMap, body: Body) -> Result<Body, Response> {
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let essence = content_type.split(';').next().unwrap_or("").trim();
    if essence.eq_ignore_ascii_case("application/json") {
        return Ok(body);
    }
    drain(body).await;
    Err(fail(
        sandbox,
        StatusCode::UNSUPPORTED_MEDIA_TYPE,
        &format!("Expected Content-Type application/json, got \u{201c}{content_type}\u{201d}"),
        Vec::new(),
    ))
}

fn accepted(sandbox: bool, key: &str) -> Response {
    ok(
        StatusCode::ACCEPTED,
        sandbox,
        ACCEPTED_MESSAGE,
        json!({ "status": "accepted", "idempotencyKey": key, "message": ACCEPTED_MESSAGE }),
        Map::new(),
    )
}

fn answer(sandbox: bool, submitted: Submitted) -> Response {
    match submitted {
        Submitted::Queued(key) | Submitted::Replayed(key) => accepted(sandbox, &key),
        Submitted::Conflict => fail(
            sandbox,
            StatusCode::CONFLICT,
            "This idempotencyKey was already used for a different request",
            vec![Problem::new(
                "idempotencyKey",
                "This idempotencyKey was already used for a different request",
            )],
        ),
        Submitted::Unavailable => fail(
            sandbox,
            StatusCode::SERVICE_UNAVAILABLE,
            "The Mutation Engine is not accepting mutations",
            Vec::new(),
        ),
    }
}

fn bad_query(sandbox: bool) -> Response {
    invalid(
        sandbox,
        vec![Problem::new(
            "query",
            "Unknown query parameter; allowed: idempotencyKey, callbackUrl",
        )],
    )
}

/// `POST /candidates/{id}/attachments`.
#[allow(clippy::too_many_arguments)] // Each is an axum extractor.
pub(super) async fn add(
    AxState(shared): Shd,
    Extension(Sandbox(sandbox)): Extension<Sandbox>,
    Extension(tenant): Extension<TenantId>,
    failing: Option<Extension<crate::emulator::faults::FailMutation>>,
    Path(id): Path<String>,
    query: Result<Query<MutationQuery>, QueryRejection>,
    headers: HeaderMap,
    body: Body,
) -> Response {
    let Ok(Query(q)) = query else {
        drain(body).await;
        return bad_query(sandbox);
    };
    let key = match mutation_options(&q, &headers) {
        Ok(key) => key,
        Err(problem) => {
            drain(body).await;
            return invalid(sandbox, vec![problem]);
        }
    };
    let body = match require_json(sandbox, &headers, body).await {
        Ok(body) => body,
        Err(response) => return response,
    };
    let bytes = match ingest::json_bytes(&headers, body, max_add_body()).await {
        Ok(bytes) => bytes,
        Err(e) => return fail(sandbox, e.status, &e.message, Vec::new()),
    };
    if !candidates::exists(&shared, &id) {
        return candidates::not_found(sandbox, &id);
    }
    let files = match tokio::task::spawn_blocking(move || validate_add(&bytes)).await {
        Ok(Ok(files)) => files,
        Ok(Err(problems)) => return invalid(sandbox, problems),
        Err(_) => {
            return fail(
                sandbox,
                StatusCode::INTERNAL_SERVER_ERROR,
                "Validation failed unexpectedly",
                Vec::new(),
            );
        }
    };
    let submitted = shared.onderwijsregio.engine.submit(
        &shared,
        &tenant.0,
        &id,
        key,
        Change::Add(files),
        failing.is_some(),
    );
    answer(sandbox, submitted)
}

/// `DELETE /candidates/{id}/attachments` with `{"attachmentIds": [...]}` [assumption].
pub(super) async fn remove(
    AxState(shared): Shd,
    Extension(Sandbox(sandbox)): Extension<Sandbox>,
    Extension(tenant): Extension<TenantId>,
    Path(id): Path<String>,
    query: Result<Query<MutationQuery>, QueryRejection>,
    headers: HeaderMap,
    body: Body,
) -> Response {
    let Ok(Query(q)) = query else {
        drain(body).await;
        return bad_query(sandbox);
    };
    let key = match mutation_options(&q, &headers) {
        Ok(key) => key,
        Err(problem) => {
            drain(body).await;
            return invalid(sandbox, vec![problem]);
        }
    };
    let body = match require_json(sandbox, &headers, body).await {
        Ok(body) => body,
        Err(response) => return response,
    };
    let bytes = match ingest::json_bytes(&headers, body, MAX_REMOVE_BODY).await {
        Ok(bytes) => bytes,
        Err(e) => return fail(sandbox, e.status, &e.message, Vec::new()),
    };
    let request: RemoveBody = match serde_json::from_slice(&bytes) {
        Ok(r) => r,
        Err(e) => return invalid(sandbox, vec![Problem::new("body", serde_message(&e))]),
    };
    if request.attachment_ids.is_empty() {
        return invalid(
            sandbox,
            vec![Problem::new(
                "attachmentIds",
                "At least one attachment must be specified",
            )],
        );
    }
    if !candidates::exists(&shared, &id) {
        return candidates::not_found(sandbox, &id);
    }
    let owned: HashSet<String> = shared
        .store
        .tenant_attachments(SYSTEM, &tenant.0, Some(&id))
        .into_iter()
        .map(|a| a.id)
        .collect();
    let missing: Vec<Problem> = request
        .attachment_ids
        .iter()
        .enumerate()
        .filter(|(_, a)| !owned.contains(*a))
        .map(|(i, a)| {
            Problem::new(
                format!("attachmentIds[{i}]"),
                format!("Attachment {a} does not belong to candidate {id}"),
            )
        })
        .collect();
    if !missing.is_empty() {
        return fail(
            sandbox,
            StatusCode::NOT_FOUND,
            "Attachment not found",
            missing,
        );
    }
    let mut seen = HashSet::new();
    let ids: Vec<String> = request
        .attachment_ids
        .into_iter()
        .filter(|a| seen.insert(a.clone()))
        .collect();
    let submitted = shared.onderwijsregio.engine.submit(
        &shared,
        &tenant.0,
        &id,
        key,
        Change::Remove(ids),
        false,
    );
    answer(sandbox, submitted)
}

/// Checks an add body, collecting every problem; on success the files to link.
fn validate_add(bytes: &Bytes) -> Result<Vec<NewFile>, Vec<Problem>> {
    let body: AddBody<'_> =
        serde_json::from_slice(bytes).map_err(|e| vec![Problem::new("body", serde_message(&e))])?;
    let mut problems = Vec::new();
    let mut files = Vec::new();
    let fields = [
        ("curriculumVitae", body.curriculum_vitae),
        ("otherAttachments", body.other_attachments),
    ];
    if fields.iter().all(|(_, items)| items.is_none()) {
        return Err(vec![Problem::new(
            "body",
            "At least one attachment field must be provided: curriculumVitae or otherAttachments",
        )]);
    }
    for (field, items) in fields {
        let Some(items) = items else { continue };
        if items.is_empty() {
            problems.push(Problem::new(
                field,
                "Provide at least one attachment, or leave the field out",
            ));
        }
        if items.len() > MAX_FILES_PER_FIELD {
            problems.push(Problem::new(
                field,
                format!(
                    "Maximum of {MAX_FILES_PER_FIELD} attachments per field ({} given)",
                    items.len()
                ),
            ));
        }
        for (index, item) in items.iter().enumerate() {
            if let Some(file) = check_item(field, index, item, &mut problems) {
                files.push(file);
            }
        }
    }
    if problems.is_empty() {
        Ok(files)
    } else {
        Err(problems)
    }
}

fn check_item(
    field: &'static str,
    index: usize,
    item: &Item<'_>,
    problems: &mut Vec<Problem>,
) -> Option<NewFile> {
    let path = format!("{field}[{index}]");
    let before = problems.len();
    let file_name = item.filename.as_deref().unwrap_or("");
    if file_name.trim().is_empty() {
        problems.push(Problem::new(
            format!("{path}.filename"),
            "Filename is required",
        ));
    } else if file_name.chars().count() > MAX_FILE_NAME_LEN {
        problems.push(Problem::new(
            format!("{path}.filename"),
            format!("Filename is longer than {MAX_FILE_NAME_LEN} characters"),
        ));
    }
    let data = match (item.url.as_deref(), item.data.as_deref()) {
        (Some(_), Some(_)) => {
            problems.push(Problem::new(
                path,
                "Provide the file as url or as data, not both",
            ));
            return None;
        }
        (None, None) => {
            problems.push(Problem::new(path, "Provide the file as url or as data"));
            return None;
        }
        (Some(url), None) => {
            let message = if url::Url::parse(url)
                .is_ok_and(|u| matches!(u.scheme(), "https" | "http"))
            {
                "The sandbox cannot fetch files by URL; send the file as a base64 data URI in data"
            } else {
                "url must be a publicly reachable http(s) URL"
            };
            problems.push(Problem::new(format!("{path}.url"), message));
            return None;
        }
        (None, Some(data)) => data,
    };
    match check_data(data) {
        Ok((content_type, size, sha256)) if problems.len() == before => Some(NewFile {
            field,
            file_name: file_name.to_owned(),
            content_type,
            size,
            sha256,
        }),
        Ok(_) => None,
        Err(message) => {
            problems.push(Problem::new(format!("{path}.data"), message));
            None
        }
    }
}

/// Checks a `data` value: prefix, accepted MIME type, base64, size. On success the MIME type,
/// decoded size and sha256.
fn check_data(data: &str) -> Result<(String, u64, String), String> {
    let (mime, payload) = parse_data_uri(data)?;
    if !PROFILE
        .allowed_mime_types
        .value
        .iter()
        .any(|m| m.eq_ignore_ascii_case(&mime))
    {
        return Err(format!(
            "File type {mime} is not accepted (accepted: images, PDF, Office and OpenDocument text, plain text, Markdown, CSV, RTF, JSON, XML)"
        ));
    }
    if !payload.len().is_multiple_of(4) {
        return Err("data is not valid base64 (its length is not a multiple of 4)".to_owned());
    }
    let max = PROFILE.max_file_bytes.value;
    let padding = payload.bytes().rev().take_while(|b| *b == b'=').count() as u64;
    let estimated = (payload.len() as u64 / 4 * 3).saturating_sub(padding);
    if estimated > max {
        return Err(format!(
            "File exceeds 5 MB ({estimated} bytes; at most {max})"
        ));
    }
    let (size, sha256) =
        ingest::hash_base64(payload).map_err(|e| format!("data is not valid base64: {e}"))?;
    if size == 0 {
        return Err("File is empty".to_owned());
    }
    Ok((mime, size, sha256))
}

/// Splits `data:<mime>[;param]*;base64,<payload>` into the lower-case MIME type and payload.
fn parse_data_uri(data: &str) -> Result<(String, &str), String> {
    const FORM: &str = "data must be a data URI with the full prefix: data:<mime>;base64,<data>";
    let has_scheme = data
        .get(..5)
        .is_some_and(|p| p.eq_ignore_ascii_case("data:"));
    if !has_scheme {
        return Err(FORM.to_owned());
    }
    let rest = &data[5..];
    let Some((head, payload)) = rest.split_once(',') else {
        return Err(FORM.to_owned());
    };
    let mut params = head.split(';');
    let mime = params.next().unwrap_or("").trim().to_ascii_lowercase();
    let base64 = head
        .rsplit(';')
        .next()
        .is_some_and(|p| p.trim().eq_ignore_ascii_case("base64"))
        && head.contains(';');
    if !base64 {
        return Err("data must be base64-encoded: data:<mime>;base64,<data>".to_owned());
    }
    if mime.is_empty() || !mime.contains('/') {
        return Err(
            "The data URI must name the file's MIME type: data:<mime>;base64,<data>".to_owned(),
        );
    }
    Ok((mime, payload))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::profiles::onderwijsregio::{CALLBACK_QUERY, IDEMPOTENCY_QUERY};

    #[test]
    fn data_uris_parse_strictly() {
        assert_eq!(
            parse_data_uri("data:Application/PDF;base64,QUJD"),
            Ok(("application/pdf".to_owned(), "QUJD"))
        );
        assert_eq!(
            parse_data_uri("data:text/plain;charset=utf-8;base64,QUJD"),
            Ok(("text/plain".to_owned(), "QUJD"))
        );
        assert!(parse_data_uri("QUJD").is_err());
        assert!(parse_data_uri("data:text/plain,ABC").is_err());
        assert!(parse_data_uri("data:;base64,QUJD").is_err());
        assert!(parse_data_uri("data:application/pdf;base64").is_err());
    }

    #[test]
    fn query_names_match_the_profile() {
        // The serde renames above must spell the profile's names.
        let q: MutationQuery = serde_json::from_value(
            json!({ IDEMPOTENCY_QUERY: "k", CALLBACK_QUERY: "https://x.example/cb" }),
        )
        .unwrap();
        assert_eq!(q.idempotency_key.as_deref(), Some("k"));
        assert!(q.callback_url.is_some());
    }
}
