//! Attachments [OAS, seed]: `POST /ats/candidates/{id}/attachments` and
//! `POST /ats/applications/{id}/attachments` take one file per request as JSON
//! `{"attachment":{"name","type","content_type","data"|"data_url"},"remote_fields"?}`; `GET` on
//! the same paths lists them. Uploads and attachment reads are "actions": each holds one of the
//! integration's 30 in-flight slots while its body is read and processed.

use std::borrow::Cow;
use std::sync::Arc;

use axum::Json;
use axum::body::Body;
use axum::extract::{Extension, Path, State as AxState};

use crate::emulator::credentials::TenantId;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use serde_json::{Map, Value, json};

use super::candidates::application_owner;
use super::integrations::{Integration, TypeRule};
use super::{IntegrationId, SYSTEM, Shared, drain, fail, from_ingest, invalid, set_remaining};
use crate::emulator::ingest;
use crate::emulator::store::{StoredAttachment, now_rfc3339};
use crate::model::profiles::kombo::{MAX_JSON_BODY_BYTES, PROFILE};

type Shd = AxState<Arc<Shared>>;

/// What an upload or listing is addressed to.
enum Target {
    Candidate(String),
    Application(String),
}

/// The request body; anything not in Kombo's schema (a top-level `candidate_id`, a
/// misspelt field) is refused.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct UploadBody<'a> {
    #[serde(borrow)]
    attachment: Option<AttachmentIn<'a>>,
    remote_fields: Option<Map<String, Value>>,
}

/// Fields borrow from the buffered body: the base64 `data` is never copied.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AttachmentIn<'a> {
    #[serde(borrow)]
    name: Option<Cow<'a, str>>,
    #[serde(rename = "type", borrow)]
    kind: Option<Cow<'a, str>>,
    #[serde(borrow)]
    content_type: Option<Cow<'a, str>>,
    #[serde(borrow)]
    data: Option<Cow<'a, str>>,
    #[serde(borrow)]
    data_url: Option<Cow<'a, str>>,
}

/// `POST /ats/candidates/{candidate_id}/attachments`.
pub async fn upload_to_candidate(
    AxState(shared): Shd,
    Extension(integration): Extension<IntegrationId>,
    Extension(tenant): Extension<TenantId>,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Body,
) -> Response {
    upload(
        &shared,
        &tenant.0,
        &integration,
        Target::Candidate(id),
        &headers,
        body,
    )
    .await
}

/// `POST /ats/applications/{application_id}/attachments`.
pub async fn upload_to_application(
    AxState(shared): Shd,
    Extension(integration): Extension<IntegrationId>,
    Extension(tenant): Extension<TenantId>,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Body,
) -> Response {
    upload(
        &shared,
        &tenant.0,
        &integration,
        Target::Application(id),
        &headers,
        body,
    )
    .await
}

/// `GET /ats/candidates/{candidate_id}/attachments`: the candidate's and all their
/// applications' attachments, no pagination [doc: D-get-att].
pub async fn list_for_candidate(
    AxState(shared): Shd,
    Extension(integration): Extension<IntegrationId>,
    Extension(tenant): Extension<TenantId>,
    Path(id): Path<String>,
) -> Response {
    list(&shared, &tenant.0, &integration, &Target::Candidate(id))
}

/// `GET /ats/applications/{application_id}/attachments`.
pub async fn list_for_application(
    AxState(shared): Shd,
    Extension(integration): Extension<IntegrationId>,
    Extension(tenant): Extension<TenantId>,
    Path(id): Path<String>,
) -> Response {
    list(&shared, &tenant.0, &integration, &Target::Application(id))
}

fn integration_of<'a>(shared: &'a Shared, id: &IntegrationId) -> Result<&'a Integration, Response> {
    shared.kombo.integration(id.0).ok_or_else(|| {
        fail(
            StatusCode::NOT_FOUND,
            Some("PLATFORM.INTEGRATION_NOT_FOUND"),
            "Integration not found",
        )
    })
}

async fn upload(
    shared: &Shared,
    tenant: &str,
    integration: &IntegrationId,
    target: Target,
    headers: &HeaderMap,
    body: Body,
) -> Response {
    let integration = match integration_of(shared, integration) {
        Ok(i) => i,
        Err(refusal) => return refusal,
    };
    // The slot is held until the body has been read and processed.
    let slot = match integration.enter(shared.config.rate_limits) {
        Ok(slot) => slot,
        Err(refusal) => {
            drain(body).await;
            return refusal;
        }
    };
    let mut response = receive(shared, tenant, integration, &target, headers, body)
        .await
        .unwrap_or_else(|refusal| refusal);
    drop(slot);
    set_remaining(&mut response, integration.in_flight.remaining());
    response
}

/// What a valid upload body says.
struct Upload<'a> {
    name: &'a str,
    kind: &'a str,
    content_type: &'a str,
    data: &'a str,
}

async fn receive(
    shared: &Shared,
    tenant: &str,
    integration: &Integration,
    target: &Target,
    headers: &HeaderMap,
    body: Body,
) -> Result<Response, Response> {
    let bytes = ingest::json_bytes(headers, body, MAX_JSON_BODY_BYTES)
        .await
        .map_err(|e| from_ingest(&e))?;
    let request: UploadBody<'_> = serde_json::from_slice(&bytes)
        .map_err(|e| invalid(&format!("Invalid request body: {e}")))?;
    let attachment = request
        .attachment
        .as_ref()
        .ok_or_else(|| invalid("attachment is required"))?;
    let upload = check_fields(attachment)?;
    if let Some((system, _)) = request
        .remote_fields
        .iter()
        .flatten()
        .find(|(_, value)| !value.is_object())
    {
        return Err(invalid(&format!(
            "remote_fields.{system} must be an object"
        )));
    }
    let (candidate_id, application_id) = resolve(shared, target)?;
    let Upload {
        name,
        kind,
        content_type,
        data,
    } = upload;
    let rule = integration.rule(kind);
    if rule == Some(TypeRule::Unsupported) {
        return Err(invalid(&format!(
            "This integration does not accept attachments of type {kind}; it accepts: {}",
            supported_types(integration)
        )));
    }
    let (size, sha256) = ingest::hash_base64(data)
        .map_err(|e| invalid(&format!("attachment.data is not valid base64: {e}")))?;
    if size == 0 {
        return Err(invalid("attachment.data is empty: the file has no content"));
    }
    if let Some(TypeRule::Supported { max_bytes, mime }) = rule {
        if let Some(max) = max_bytes.filter(|max| size > *max) {
            return Err(invalid(&format!(
                "The file is {size} bytes; this integration takes at most {max} bytes for type {kind}"
            )));
        }
        if let Some(accepted) =
            mime.filter(|list| !list.iter().any(|m| m.eq_ignore_ascii_case(content_type)))
        {
            return Err(invalid(&format!(
                "This integration does not accept {content_type} for type {kind}; accepted: {}",
                accepted.join(", ")
            )));
        }
    }
    shared.store.add(StoredAttachment {
        provider: SYSTEM,
        tenant: tenant.to_owned(),
        id: shared.store.new_id(SYSTEM),
        candidate_id,
        application_id,
        file_name: name.to_owned(),
        content_type: content_type.to_owned(),
        attachment_type: kind.to_owned(),
        size,
        sha256,
        remote_id: None,
        created_at: now_rfc3339(),
    });
    let mut warnings = Vec::new();
    if !name.contains('.') {
        warnings.push(json!({
            "message": "The attachment name has no file extension; the ATS may not show what kind of file it is"
        }));
    }
    Ok(Json(json!({ "status": "success", "data": {}, "warnings": warnings })).into_response())
}

/// The schema rules on `attachment`: name and type required, type from the enum, exactly one
/// of `data` / `data_url`, a specific `content_type` with `data`, plain base64.
fn check_fields<'a>(attachment: &'a AttachmentIn<'a>) -> Result<Upload<'a>, Response> {
    let name = attachment
        .name
        .as_deref()
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .ok_or_else(|| invalid("attachment.name is required"))?;
    let kind = attachment.kind.as_deref().ok_or_else(|| {
        invalid(&format!(
            "attachment.type is required: one of {}",
            PROFILE.type_list()
        ))
    })?;
    if !PROFILE.types.iter().any(|t| t.wire == kind) {
        return Err(invalid(&format!(
            "attachment.type must be one of {}, not \u{201c}{kind}\u{201d}",
            PROFILE.type_list()
        )));
    }
    let data = match (&attachment.data, &attachment.data_url) {
        (Some(data), None) => data.as_ref(),
        (Some(_), Some(_)) => {
            return Err(invalid(
                "Provide either attachment.data or attachment.data_url, not both",
            ));
        }
        (None, None) => {
            return Err(invalid(
                "Provide either attachment.data (base64) or attachment.data_url",
            ));
        }
        // Assumption: the sandbox has no internet access, so it cannot fetch the URL.
        (None, Some(_)) => {
            return Err(invalid(
                "attachment.data_url cannot be downloaded by the sandbox, which has no internet access: send the file as base64 in attachment.data",
            ));
        }
    };
    let content_type = attachment.content_type.as_deref().ok_or_else(|| {
        invalid("attachment.content_type is required when attachment.data is used")
    })?;
    if !is_mime(content_type) {
        return Err(invalid(&format!(
            "attachment.content_type must match ^[\\w.-]+/[\\w.-]+$, not \u{201c}{content_type}\u{201d}"
        )));
    }
    if content_type.eq_ignore_ascii_case("application/octet-stream") {
        return Err(invalid(
            "attachment.content_type must be the file's real type, not application/octet-stream",
        ));
    }
    if data.starts_with("data:") {
        return Err(invalid(
            "attachment.data must be plain base64, without a data: URI prefix",
        ));
    }
    Ok(Upload {
        name,
        kind,
        content_type,
        data,
    })
}

/// The candidate (and application) an upload or listing is for; 404 with `code: null` when
/// it does not exist [assumption, kombo.md §6].
fn resolve(shared: &Shared, target: &Target) -> Result<(String, Option<String>), Response> {
    match target {
        Target::Candidate(id) => shared
            .store
            .candidate(SYSTEM, id)
            .map(|c| (c.id.clone(), None))
            .ok_or_else(|| {
                fail(
                    StatusCode::NOT_FOUND,
                    None,
                    &format!("No candidate with the ID \u{201c}{id}\u{201d} was found"),
                )
            }),
        Target::Application(id) => application_owner(shared, id)
            .map(|c| (c.id.clone(), Some(id.clone())))
            .ok_or_else(|| {
                fail(
                    StatusCode::NOT_FOUND,
                    None,
                    &format!("No application with the ID \u{201c}{id}\u{201d} was found"),
                )
            }),
    }
}

fn list(shared: &Shared, tenant: &str, integration: &IntegrationId, target: &Target) -> Response {
    let integration = match integration_of(shared, integration) {
        Ok(i) => i,
        Err(refusal) => return refusal,
    };
    let slot = match integration.enter(shared.config.rate_limits) {
        Ok(slot) => slot,
        Err(refusal) => return refusal,
    };
    let mut response =
        listing(shared, tenant, integration, target).unwrap_or_else(|refusal| refusal);
    drop(slot);
    set_remaining(&mut response, integration.in_flight.remaining());
    response
}

fn listing(
    shared: &Shared,
    tenant: &str,
    integration: &Integration,
    target: &Target,
) -> Result<Response, Response> {
    if !integration.can_read_attachments {
        return Err(fail(
            StatusCode::FORBIDDEN,
            Some("INTEGRATION.PERMISSION_MISSING"),
            "The scope config of this integration does not enable \u{201c}Read document attachments\u{201d}",
        ));
    }
    let (candidate_id, application_id) = resolve(shared, target)?;
    let results: Vec<Value> = shared
        .store
        .tenant_attachments(SYSTEM, tenant, Some(&candidate_id))
        .into_iter()
        .filter(|a| application_id.is_none() || a.application_id == application_id)
        .map(|a| {
            json!({
                "id": a.id,
                "application_id": a.application_id,
                "candidate_id": a.candidate_id,
                "type": a.attachment_type,
                "remote_id": a.id,
                "data_url": format!("https://resources.kombo.dev/{}", a.id),
                "file_name": a.file_name,
                "content_type": a.content_type,
                "remote_created_at": a.created_at,
                "remote_updated_at": a.created_at,
            })
        })
        .collect();
    Ok(Json(json!({
        "status": "success",
        "data": { "results": results },
        "warnings": [],
    }))
    .into_response())
}

/// `^[\w.-]+/[\w.-]+$` [OAS], `\w` being ASCII letters, digits and `_`.
fn is_mime(value: &str) -> bool {
    let part = |s: &str| {
        !s.is_empty()
            && s.bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.' | b'-'))
    };
    value
        .split_once('/')
        .is_some_and(|(kind, sub)| part(kind) && part(sub))
}

fn supported_types(integration: &Integration) -> String {
    let supported: Vec<&str> = PROFILE
        .types
        .iter()
        .map(|t| t.wire)
        .filter(|wire| integration.rule(wire) != Some(TypeRule::Unsupported))
        .collect();
    if supported.is_empty() {
        "no attachment types".to_owned()
    } else {
        supported.join(", ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mime_pattern() {
        assert!(is_mime("application/pdf"));
        assert!(is_mime(
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        ));
        assert!(is_mime("text/x_custom"));
        assert!(!is_mime("application/pdf; charset=binary"));
        assert!(!is_mime("pdf"));
        assert!(!is_mime("application/"));
        assert!(!is_mime("a/b/c"));
        assert!(!is_mime(""));
    }
}
