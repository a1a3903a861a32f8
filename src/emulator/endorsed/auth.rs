//! `POST /auth/tokens` (client credentials, form-encoded by default or JSON) and the Bearer
//! check in front of every other route, with the scopes `all:read` (GET) and `all:write`.

use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use axum::Json;
use axum::body::Body;
use axum::extract::{Request, State as AxState};
use axum::http::{HeaderMap, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use base64::Engine as _;
use futures_util::StreamExt;
use serde::Deserialize;
use serde_json::json;

use super::{FORBIDDEN_MESSAGE, Refusal, SYSTEM, UNAUTHENTICATED_MESSAGE, fail};
use crate::emulator::Shared;
use crate::emulator::credentials::{ENDORSED_CLIENT_ID, TenantId, run_as};
use crate::model::profiles::endorsed::SCOPES;

/// Largest token request body.
const MAX_TOKEN_BODY: usize = 16 * 1024;

/// A token the emulator issued.
#[derive(Clone, Debug)]
pub struct Issued {
    /// The tenant whose client secret the token was issued for.
    tenant: String,
    scopes: Vec<String>,
    expires: Instant,
}

/// The JSON form of the token request [doc: access-tokens].
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TokenJson {
    client_id: Option<String>,
    client_secret: Option<String>,
    grant_type: Option<String>,
    scope: Option<Vec<String>>,
}

/// The token request's fields, from either encoding.
#[derive(Default)]
struct TokenRequest {
    client_id: Option<String>,
    client_secret: Option<String>,
    grant_type: Option<String>,
    scope: Option<Vec<String>>,
}

/// `POST /auth/tokens`.
pub async fn tokens(
    AxState(shared): AxState<Arc<Shared>>,
    headers: HeaderMap,
    body: Body,
) -> Response {
    let request = match read_request(&headers, body).await {
        Ok(r) => r,
        Err(refusal) => return refusal.respond(),
    };
    let scopes = match check(&request) {
        Ok(scopes) => scopes,
        Err(refusal) => return refusal.respond(),
    };
    let tenant = request
        .client_secret
        .as_deref()
        .and_then(|secret| shared.tenants.of(SYSTEM, secret))
        .filter(|_| request.client_id.as_deref() == Some(ENDORSED_CLIENT_ID));
    let Some(tenant) = tenant else {
        // Invalid credentials: 401 with the standard body [assumption].
        return fail(StatusCode::UNAUTHORIZED, "Invalid client credentials.");
    };
    let tenant_name = tenant.clone();
    let lifetime = shared.endorsed.token_lifetime_secs.load(Ordering::Relaxed);
    let token = jwt_like(ENDORSED_CLIENT_ID, &scopes, lifetime);
    if let Ok(mut tokens) = shared.endorsed.tokens.lock() {
        tokens.insert(
            token.clone(),
            Issued {
                tenant: tenant.clone(),
                scopes: scopes.clone(),
                expires: Instant::now() + Duration::from_secs(lifetime),
            },
        );
    }
    // `expires_in` is a string, as in the documented example.
    let mut response = (
        StatusCode::OK,
        Json(json!({
            "is_error": false,
            "access_token": token,
            "token_type": "Bearer",
            "expires_in": lifetime.to_string(),
            "scope": scopes,
        })),
    )
        .into_response();
    response.extensions_mut().insert(TenantId(tenant_name));
    response
}

/// Reads the token request as a form (the default) or JSON.
async fn read_request(headers: &HeaderMap, body: Body) -> Result<TokenRequest, Refusal> {
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
    let bytes = axum::body::to_bytes(body, MAX_TOKEN_BODY)
        .await
        .map_err(|_| Refusal::invalid("", "The request body is too large or unreadable"))?;
    match essence.as_str() {
        // Form encoding is the default when no Content-Type is set [doc].
        "" | "application/x-www-form-urlencoded" => read_form(&bytes),
        "application/json" => serde_json::from_slice::<TokenJson>(&bytes)
            .map(|j| TokenRequest {
                client_id: j.client_id,
                client_secret: j.client_secret,
                grant_type: j.grant_type,
                scope: j.scope,
            })
            .map_err(|e| Refusal::invalid("", format!("Invalid request body: {e}"))),
        _ => Err(Refusal::Status(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            format!(
                "Content-Type \u{201c}{content_type}\u{201d} is not supported; use application/x-www-form-urlencoded or application/json"
            ),
        )),
    }
}

/// Checks the required fields, the grant type and the scopes; returns the scopes to grant.
fn check(request: &TokenRequest) -> Result<Vec<String>, Refusal> {
    let mut issues = Vec::new();
    let blank = |v: &Option<String>| v.as_deref().is_none_or(|s| s.trim().is_empty());
    for (name, value) in [
        ("client_id", &request.client_id),
        ("client_secret", &request.client_secret),
        ("grant_type", &request.grant_type),
    ] {
        if blank(value) {
            issues.push((name, format!("{name} is required")));
        }
    }
    if let Some(grant) = request.grant_type.as_deref()
        && !grant.trim().is_empty()
        && grant != "client_credentials"
    {
        issues.push((
            "grant_type",
            format!(
                "grant_type \u{201c}{grant}\u{201d} is not supported; only client_credentials is"
            ),
        ));
    }
    let scopes = request
        .scope
        .clone()
        .unwrap_or_else(|| SCOPES.iter().map(|s| (*s).to_owned()).collect());
    for scope in &scopes {
        if !SCOPES.contains(&scope.as_str()) {
            issues.push((
                "scope",
                format!(
                    "scope \u{201c}{scope}\u{201d} is not supported; supported scopes are {}",
                    SCOPES.join(", ")
                ),
            ));
        }
    }
    if scopes.is_empty() {
        issues.push(("scope", "scope must name at least one scope".to_owned()));
    }
    if issues.is_empty() {
        Ok(scopes)
    } else {
        Err(Refusal::Invalid(issues))
    }
}

/// Reads the form-encoded token request; unknown and repeated fields are refused.
fn read_form(bytes: &[u8]) -> Result<TokenRequest, Refusal> {
    let mut request = TokenRequest::default();
    let mut issues: Vec<(&'static str, String)> = Vec::new();
    for (name, value) in url::form_urlencoded::parse(bytes) {
        let value = value.into_owned();
        let slot = match name.as_ref() {
            "client_id" => &mut request.client_id,
            "client_secret" => &mut request.client_secret,
            "grant_type" => &mut request.grant_type,
            "scope" => {
                if request.scope.is_some() {
                    issues.push(("scope", "scope is given twice".to_owned()));
                }
                // Form: a space-delimited string [doc].
                request.scope = Some(value.split_whitespace().map(str::to_owned).collect());
                continue;
            }
            other => {
                issues.push(("", format!("Unknown field \u{201c}{other}\u{201d}")));
                continue;
            }
        };
        if slot.is_some() {
            issues.push(("", format!("{name} is given twice")));
        }
        *slot = Some(value);
    }
    if issues.is_empty() {
        Ok(request)
    } else {
        Err(Refusal::Invalid(issues))
    }
}

/// A JWT-shaped opaque token (the documented example is an HS256 JWT); the emulator only ever
/// looks it up, never verifies a signature.
fn jwt_like(client_id: &str, scopes: &[String], lifetime: u64) -> String {
    let b64 = base64::engine::general_purpose::URL_SAFE_NO_PAD;
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let header = b64.encode(br#"{"alg":"HS256","typ":"JWT"}"#);
    let payload = b64.encode(
        json!({
            "sub": client_id,
            "scope": scopes.join(" "),
            "iat": now,
            "exp": now + lifetime,
            "jti": uuid::Uuid::new_v4().to_string(),
        })
        .to_string(),
    );
    let signature = b64.encode(uuid::Uuid::new_v4().as_bytes());
    format!("{header}.{payload}.{signature}")
}

/// `Authorization: Bearer <token>` on every route but `/auth/tokens`: a missing, unknown or
/// expired token is a 401; a token without the scope the method needs is a 403.
pub async fn bearer(
    AxState(shared): AxState<Arc<Shared>>,
    request: Request,
    next: Next,
) -> Response {
    let token = request
        .headers()
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().split_once(' '))
        .filter(|(scheme, _)| scheme.eq_ignore_ascii_case("bearer"))
        .map(|(_, token)| token.trim().to_owned());
    let issued = token.and_then(|token| {
        let mut tokens = shared.endorsed.tokens.lock().ok()?;
        match tokens.get(&token) {
            Some(issued) if issued.expires > Instant::now() => Some(issued.clone()),
            Some(_) => {
                tokens.remove(&token);
                None
            }
            None => None,
        }
    });
    let Some(issued) = issued else {
        return refuse(request, StatusCode::UNAUTHORIZED, UNAUTHENTICATED_MESSAGE).await;
    };
    let needed = if matches!(*request.method(), Method::GET | Method::HEAD) {
        SCOPES[0]
    } else {
        SCOPES[1]
    };
    if !issued.scopes.iter().any(|s| s == needed) {
        return refuse(request, StatusCode::FORBIDDEN, FORBIDDEN_MESSAGE).await;
    }
    run_as(TenantId(issued.tenant), request, next).await
}

/// Answers with an error after reading (and discarding) the body, so a client streaming an
/// upload reads the answer instead of a reset connection.
async fn refuse(request: Request, status: StatusCode, message: &str) -> Response {
    let mut stream = request.into_body().into_data_stream();
    while let Some(Ok(_)) = stream.next().await {}
    fail(status, message)
}
