//! Each system's error body, exactly as its contract describes it (`../shared/providers/`).

use axum::Json;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde_json::json;

use crate::model::ProviderId;

/// An error answer in `provider`'s envelope. `code` is the system's error code where it has
/// codes (Endorsed, Kombo); a fitting default is used when `None`.
#[must_use]
pub fn error(
    provider: ProviderId,
    status: StatusCode,
    code: Option<&str>,
    message: &str,
) -> Response {
    let reason = status.canonical_reason().unwrap_or("Error");
    let body = match provider {
        // Not documented: NestJS style [assumption].
        ProviderId::Spott => {
            json!({ "statusCode": status.as_u16(), "message": message, "error": reason })
        }
        ProviderId::Endorsed => json!({
            "is_error": true,
            "error": { "code": code.unwrap_or_else(|| endorsed_code(status)), "issues": [ { "message": message } ] }
        }),
        ProviderId::Kombo => json!({
            "status": "error",
            "error": {
                "code": code.map_or(serde_json::Value::Null, |c| json!(c)),
                "title": reason,
                "message": message,
                "log_url": null
            }
        }),
        // Not documented: the success envelope's shape [assumption].
        ProviderId::Onderwijsregio => json!({
            "statusCode": status.as_u16(),
            "message": message,
            "data": { "errors": [ { "path": code.unwrap_or(""), "message": message } ] },
            "meta": { "sandboxEnabled": false }
        }),
        ProviderId::Truto => {
            json!({ "statusCode": status.as_u16(), "error": reason, "message": message })
        }
    };
    (status, Json(body)).into_response()
}

/// A 429 in `provider`'s envelope with `Retry-After`.
#[must_use]
pub fn rate_limited(provider: ProviderId, retry_after_secs: u64, code: Option<&str>) -> Response {
    let mut response = error(
        provider,
        StatusCode::TOO_MANY_REQUESTS,
        code,
        "Too many requests. Please retry later.",
    );
    if let Ok(value) = HeaderValue::from_str(&retry_after_secs.to_string()) {
        response.headers_mut().insert(header::RETRY_AFTER, value);
    }
    response
}

fn endorsed_code(status: StatusCode) -> &'static str {
    match status.as_u16() {
        400 | 411 | 413 | 415 => "BAD_REQUEST",
        401 => "UNAUTHENTICATED",
        403 => "FORBIDDEN",
        404 => "NOT_FOUND",
        429 => "TOO_MANY_REQUESTS",
        _ => "INTERNAL_SERVER_ERROR",
    }
}
