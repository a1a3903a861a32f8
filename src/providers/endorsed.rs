//! Endorsed (`../shared/providers/endorsed.md`): client credentials exchanged at
//! `POST /auth/tokens` for a cached Bearer token, candidate lookup by UUID or `remote.<id>`
//! (Endorsed has no list or search by name), and one multipart upsert per file to
//! `PUT /attachments/remote.<key>`, so a retried upload replaces instead of duplicating.

use std::time::{Duration, Instant};

use async_trait::async_trait;
use reqwest::{Method, Response};
use serde::Deserialize;
use serde::de::DeserializeOwned;

use super::body::BodyPlan;
use super::http::{Answer, ErrorInfo, Http};
use super::multipart::MultipartBuilder;
use super::{
    AtsClient, CandidatePage, Connection, ProgressFn, ProviderError, UploadFile, UploadOutcome,
    UploadTarget,
};
use crate::model::profiles::endorsed::{
    CLIENT_ID, REMOTE_ID_PREFIX, SCOPES, TOKEN_FALLBACK_LIFETIME, TOKEN_MAX_LIFETIME,
    TOKEN_RENEW_MARGIN, UPSERT_METHOD,
};
use crate::model::{Candidate, ProviderId, Secret};

const SYSTEM: ProviderId = ProviderId::Endorsed;

/// Client for Endorsed.
#[derive(Debug)]
pub struct EndorsedClient {
    http: Http,
    client_id: String,
    client_secret: Secret,
    /// The cached access token; held while a new one is fetched, so concurrent calls share
    /// one token request.
    token: tokio::sync::Mutex<Option<CachedToken>>,
}

/// An access token and when to stop using it.
#[derive(Debug)]
struct CachedToken {
    value: Secret,
    renew_at: Instant,
    scopes: Vec<String>,
}

impl CachedToken {
    fn fresh(&self) -> bool {
        Instant::now() < self.renew_at
    }
}

impl EndorsedClient {
    /// A client for the connection (already checked complete).
    pub fn new(connection: &Connection) -> Result<Self, ProviderError> {
        let client_id = connection.required_id(CLIENT_ID)?.to_owned();
        Ok(Self {
            http: Http::new(SYSTEM, &connection.base_url, connection.timeouts)?,
            client_id,
            client_secret: connection.secret.clone(),
            token: tokio::sync::Mutex::new(None),
        })
    }

    /// Exchanges the client credentials for a new access token (`POST /auth/tokens`,
    /// form-encoded, the documented default).
    async fn fetch_token(&self) -> Result<CachedToken, ProviderError> {
        let form = url::form_urlencoded::Serializer::new(String::new())
            .append_pair("client_id", &self.client_id)
            .append_pair("client_secret", self.client_secret.expose())
            .append_pair("grant_type", "client_credentials")
            .finish();
        let request = self
            .http
            .request(Method::POST, "/auth/tokens")
            .header(
                reqwest::header::CONTENT_TYPE,
                "application/x-www-form-urlencoded",
            )
            .body(form);
        let response = self.http.send(request, parse_error).await?;
        let answer: TokenResponse = self.http.json(response, Answer::Small).await?;
        if answer.is_error == Some(true) {
            return Err(invalid("the token answer is marked as an error"));
        }
        let Some(value) = answer.access_token.filter(|t| !t.trim().is_empty()) else {
            return Err(invalid("the token answer has no access_token"));
        };
        if let Some(kind) = &answer.token_type
            && !kind.eq_ignore_ascii_case("bearer")
        {
            return Err(invalid(&format!(
                "the token type is \u{201c}{kind}\u{201d}, not Bearer"
            )));
        }
        let lifetime = match answer.expires_in {
            None => TOKEN_FALLBACK_LIFETIME,
            Some(raw) => raw.duration()?,
        };
        Ok(CachedToken {
            value: Secret::new(value),
            renew_at: Instant::now() + lifetime.saturating_sub(TOKEN_RENEW_MARGIN),
            scopes: answer.scope.map(Scopes::into_vec).unwrap_or_default(),
        })
    }

    /// The cached token, or a new one when there is none or it is about to expire.
    async fn token(&self) -> Result<Secret, ProviderError> {
        let mut slot = self.token.lock().await;
        if let Some(token) = slot.as_ref().filter(|t| t.fresh()) {
            return Ok(token.value.clone());
        }
        let token = self.fetch_token().await?;
        let value = token.value.clone();
        *slot = Some(token);
        Ok(value)
    }

    /// A new token after `refused` got a 401 — unless another call already replaced it.
    async fn renew(&self, refused: &Secret) -> Result<Secret, ProviderError> {
        let mut slot = self.token.lock().await;
        if let Some(token) = slot.as_ref().filter(|t| t.fresh() && t.value != *refused) {
            return Ok(token.value.clone());
        }
        *slot = None;
        let token = self.fetch_token().await?;
        let value = token.value.clone();
        *slot = Some(token);
        Ok(value)
    }

    /// Sends a request built by `build` with the Bearer token; on a 401 renews the token
    /// once and sends it once more.
    async fn send(
        &self,
        build: impl Fn() -> reqwest::RequestBuilder + Send,
    ) -> Result<Response, ProviderError> {
        let token = self.token().await?;
        match self
            .http
            .send(build().bearer_auth(token.expose()), parse_error)
            .await
        {
            Err(ProviderError::Auth { .. }) => {
                let token = self.renew(&token).await?;
                self.http
                    .send(build().bearer_auth(token.expose()), parse_error)
                    .await
            }
            other => other,
        }
    }

    /// Streams `plan` as the body of `method path` with the Bearer token; on a 401 renews the
    /// token once and streams the body again from disk.
    async fn send_body(
        &self,
        method: &Method,
        path: &str,
        content_type: &str,
        plan: &BodyPlan,
        progress: &ProgressFn,
    ) -> Result<Response, ProviderError> {
        let token = self.token().await?;
        let request = self
            .http
            .request(method.clone(), path)
            .bearer_auth(token.expose());
        match self
            .http
            .send_streaming(
                request,
                content_type,
                plan.clone(),
                progress.clone(),
                parse_error,
            )
            .await
        {
            Err(ProviderError::Auth { .. }) => {
                let token = self.renew(&token).await?;
                let request = self
                    .http
                    .request(method.clone(), path)
                    .bearer_auth(token.expose());
                self.http
                    .send_streaming(
                        request,
                        content_type,
                        plan.clone(),
                        progress.clone(),
                        parse_error,
                    )
                    .await
            }
            other => other,
        }
    }

    /// Reads `{is_error: false, result: …}`.
    async fn result<T: DeserializeOwned>(&self, response: Response) -> Result<T, ProviderError> {
        let envelope: Envelope<T> = self.http.json(response, Answer::Page).await?;
        if envelope.is_error == Some(true) {
            return Err(invalid("a successful answer is marked as an error"));
        }
        envelope
            .result
            .ok_or_else(|| invalid("the answer has no result"))
    }

    /// `GET /candidates/{id}`; `id` is a UUID or `remote.<id>`.
    async fn lookup(&self, id: &str) -> Result<Candidate, ProviderError> {
        let path = format!("/candidates/{}", self.http.segment(id)?);
        let response = self
            .send(|| self.http.request(Method::GET, &path))
            .await
            .map_err(|e| not_found_as(e, &format!("candidate {id}")))?;
        let wire: WireCandidate = self.result(response).await?;
        Ok(wire.into())
    }
}

#[async_trait]
impl AtsClient for EndorsedClient {
    fn provider(&self) -> ProviderId {
        SYSTEM
    }

    /// Exchanges the credentials for a new token now (a cached one proves nothing about the
    /// credentials as they are today) and reports the scopes granted.
    async fn check_connection(&self) -> Result<String, ProviderError> {
        let mut slot = self.token.lock().await;
        let token = self.fetch_token().await?;
        let writable = token.scopes.is_empty() || token.scopes.iter().any(|s| s == SCOPES[1]);
        let summary = if writable {
            format!("Connected to Endorsed as client {}.", self.client_id)
        } else {
            format!(
                "Connected to Endorsed as client {}, but it may only read ({}): uploads will be refused.",
                self.client_id,
                token.scopes.join(" ")
            )
        };
        *slot = Some(token);
        Ok(summary)
    }

    /// Endorsed cannot list or search candidates by name: a blank query is unsupported, any
    /// other text is looked up as a candidate UUID and then as a remote id (`remote.<text>`).
    async fn find_candidates(
        &self,
        query: &str,
        _cursor: Option<&str>,
        limit: usize,
    ) -> Result<CandidatePage, ProviderError> {
        let text = query.trim();
        if text.is_empty() {
            return Err(ProviderError::Unsupported {
                system: SYSTEM,
                what: "Listing candidates".to_owned(),
            });
        }
        if limit == 0 {
            return Ok(CandidatePage::default());
        }
        let mut ids = Vec::with_capacity(2);
        if text.starts_with(REMOTE_ID_PREFIX) {
            ids.push(text.to_owned());
        } else {
            // Endorsed ids are UUIDs; anything else can only be a remote id.
            if uuid::Uuid::try_parse(text).is_ok() {
                ids.push(text.to_owned());
            }
            ids.push(format!("{REMOTE_ID_PREFIX}{text}"));
        }
        for id in ids {
            match self.lookup(&id).await {
                Ok(candidate) => {
                    return Ok(CandidatePage {
                        candidates: vec![candidate],
                        next: None,
                    });
                }
                Err(ProviderError::NotFound { .. }) => {}
                Err(other) => return Err(other),
            }
        }
        Ok(CandidatePage::default())
    }

    async fn get_candidate(&self, id: &str) -> Result<Candidate, ProviderError> {
        self.lookup(id.trim()).await
    }

    /// One upsert per file to `remote.<remote_id or key>`: repeating it replaces the same
    /// attachment.
    async fn upload(
        &self,
        target: &UploadTarget,
        files: &[UploadFile],
        progress: ProgressFn,
    ) -> Result<Vec<UploadOutcome>, ProviderError> {
        let method = Method::from_bytes(UPSERT_METHOD.as_bytes()).unwrap_or(Method::PUT);
        let mut outcomes = Vec::with_capacity(files.len());
        for (index, file) in files.iter().enumerate() {
            let remote_id = file
                .remote_id
                .as_deref()
                .map(str::trim)
                .filter(|r| !r.is_empty())
                .unwrap_or_else(|| file.key.trim());
            if remote_id.is_empty() {
                return Err(ProviderError::Config(format!(
                    "{} has no upload key, so Endorsed cannot store it under a stable id.",
                    file.name
                )));
            }
            let mut form = MultipartBuilder::new();
            form.text("candidate_id", &target.candidate_id)
                .text("remote_id", remote_id)
                .text("type", &file.attachment_type)
                .upload_file("file", file, index);
            let (content_type, plan) = form.finish();
            let path = format!(
                "/attachments/{}",
                self.http
                    .segment(&format!("{REMOTE_ID_PREFIX}{remote_id}"))?
            );
            let response = self
                .send_body(&method, &path, &content_type, &plan, &progress)
                .await
                .map_err(|e| not_found_as(e, &format!("candidate {}", target.candidate_id)))?;
            let stored: WireId = self.result(response).await?;
            outcomes.push(UploadOutcome::Stored {
                attachment_id: Some(stored.id),
            });
        }
        Ok(outcomes)
    }
}

fn invalid(detail: &str) -> ProviderError {
    ProviderError::InvalidResponse {
        system: SYSTEM,
        detail: detail.to_owned(),
    }
}

/// Names what a 404 was about.
fn not_found_as(error: ProviderError, what: &str) -> ProviderError {
    match error {
        ProviderError::NotFound {
            system, message, ..
        } => ProviderError::NotFound {
            system,
            what: what.to_owned(),
            message,
        },
        other => other,
    }
}

/// `{is_error: true, error: {code, issues: [{message}]}}` [seed]; the issues' messages are
/// joined.
fn parse_error(body: &[u8]) -> ErrorInfo {
    #[derive(Deserialize)]
    struct ErrorEnvelope {
        error: Option<WireError>,
    }
    #[derive(Deserialize)]
    struct WireError {
        code: Option<String>,
        #[serde(default)]
        issues: Vec<Issue>,
    }
    #[derive(Deserialize)]
    struct Issue {
        message: Option<String>,
    }
    let Ok(ErrorEnvelope { error: Some(error) }) = serde_json::from_slice::<ErrorEnvelope>(body)
    else {
        return ErrorInfo::default();
    };
    let messages: Vec<String> = error
        .issues
        .into_iter()
        .filter_map(|i| i.message)
        .map(|m| m.trim().to_owned())
        .filter(|m| !m.is_empty())
        .collect();
    ErrorInfo {
        code: error.code,
        message: (!messages.is_empty()).then(|| messages.join("; ")),
    }
}

// ---- wire types (private) ----

#[derive(Deserialize)]
struct TokenResponse {
    is_error: Option<bool>,
    access_token: Option<String>,
    token_type: Option<String>,
    expires_in: Option<ExpiresIn>,
    scope: Option<Scopes>,
}

/// `expires_in` is a string in the documentation's example (`"1209600"`); accept a number too.
#[derive(Deserialize)]
#[serde(untagged)]
enum ExpiresIn {
    Seconds(u64),
    Fractional(f64),
    Text(String),
}

impl ExpiresIn {
    /// The lifetime, believed up to [`TOKEN_MAX_LIFETIME`].
    fn duration(self) -> Result<Duration, ProviderError> {
        let secs = match self {
            Self::Seconds(s) => s,
            Self::Fractional(f) if f.is_finite() && f >= 0.0 => {
                #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
                let s = f as u64;
                s
            }
            Self::Text(t) => t
                .trim()
                .parse::<u64>()
                .map_err(|_| invalid(&format!("expires_in \u{201c}{t}\u{201d} is not a number")))?,
            Self::Fractional(_) => return Err(invalid("expires_in is negative")),
        };
        Ok(Duration::from_secs(secs).min(TOKEN_MAX_LIFETIME))
    }
}

/// `scope` is an array in the documented answer; a space-delimited string is accepted too.
#[derive(Deserialize)]
#[serde(untagged)]
enum Scopes {
    List(Vec<String>),
    Text(String),
}

impl Scopes {
    fn into_vec(self) -> Vec<String> {
        match self {
            Self::List(list) => list,
            Self::Text(text) => text.split_whitespace().map(str::to_owned).collect(),
        }
    }
}

#[derive(Deserialize)]
struct Envelope<T> {
    is_error: Option<bool>,
    result: Option<T>,
}

#[derive(Deserialize)]
struct WireId {
    id: String,
}

#[derive(Deserialize)]
struct WireCandidate {
    id: String,
    remote_id: Option<String>,
    first_name: Option<String>,
    last_name: Option<String>,
    #[serde(default)]
    email_addresses: Vec<WireValue>,
    phone_numbers: Option<Vec<WireValue>>,
}

#[derive(Deserialize)]
struct WireValue {
    value: Option<String>,
}

impl From<WireCandidate> for Candidate {
    fn from(wire: WireCandidate) -> Self {
        let name = [wire.first_name, wire.last_name]
            .into_iter()
            .flatten()
            .map(|s| s.trim().to_owned())
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        let email = wire
            .email_addresses
            .into_iter()
            .filter_map(|e| e.value)
            .find(|v| !v.trim().is_empty());
        // The first `phone_numbers[].value` (no primary flag) [doc: D-cand].
        let phone = super::primary_phone(
            wire.phone_numbers
                .unwrap_or_default()
                .into_iter()
                .map(|p| (p.value, false)),
        );
        Self {
            id: wire.id,
            name,
            email,
            phone,
            remote_id: wire.remote_id.filter(|r| !r.is_empty()),
            applications: Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expires_in_reads_strings_and_numbers() {
        let parse = |json: &str| {
            serde_json::from_str::<TokenResponse>(json)
                .unwrap()
                .expires_in
                .unwrap()
                .duration()
        };
        assert_eq!(
            parse(r#"{"expires_in":"1209600"}"#).unwrap(),
            crate::model::profiles::endorsed::TOKEN_LIFETIME
        );
        assert_eq!(
            parse(r#"{"expires_in":3600}"#).unwrap(),
            Duration::from_hours(1)
        );
        assert_eq!(
            parse(r#"{"expires_in":90.5}"#).unwrap(),
            Duration::from_secs(90)
        );
        assert_eq!(
            parse(r#"{"expires_in":"18446744073709551615"}"#).unwrap(),
            TOKEN_MAX_LIFETIME
        );
        assert_eq!(
            parse(r#"{"expires_in":1e300}"#).unwrap(),
            TOKEN_MAX_LIFETIME
        );
        assert!(parse(r#"{"expires_in":"soon"}"#).is_err());
        assert!(parse(r#"{"expires_in":-1.5}"#).is_err());
    }

    #[test]
    fn scopes_read_arrays_and_strings() {
        let read = |json: &str| {
            serde_json::from_str::<TokenResponse>(json)
                .unwrap()
                .scope
                .unwrap()
                .into_vec()
        };
        assert_eq!(
            read(r#"{"scope":["all:read","all:write"]}"#),
            ["all:read", "all:write"]
        );
        assert_eq!(read(r#"{"scope":"all:read  all:write"}"#), SCOPES);
    }

    #[test]
    fn errors_join_the_issues() {
        let info = parse_error(
            br#"{"is_error":true,"error":{"code":"BAD_REQUEST","issues":[{"message":"remote_id is required"},{"message":" type must be one of about "}]}}"#,
        );
        assert_eq!(info.code.as_deref(), Some("BAD_REQUEST"));
        assert_eq!(
            info.message.as_deref(),
            Some("remote_id is required; type must be one of about")
        );
        assert_eq!(parse_error(b"<html>"), ErrorInfo::default());
        let info = parse_error(br#"{"is_error":true,"error":{"code":"NOT_FOUND","issues":[]}}"#);
        assert_eq!(info.code.as_deref(), Some("NOT_FOUND"));
        assert_eq!(info.message, None);
    }

    #[test]
    fn debug_shows_no_secret() {
        let connection = Connection::new(
            SYSTEM,
            "https://endorsed.ai/api/v1",
            Secret::new("very-secret-value"),
        )
        .with_id(CLIENT_ID, "5b0f3c1e-7a2d-4c8e-9f10-0000000000e1");
        let client = EndorsedClient::new(&connection).unwrap();
        if let Ok(mut slot) = client.token.try_lock() {
            *slot = Some(CachedToken {
                value: Secret::new("eyJhbGciOiJIUzI1NiJ9.token-value"),
                renew_at: Instant::now(),
                scopes: Vec::new(),
            });
        }
        let debug = format!("{client:?}");
        assert!(!debug.contains("very-secret-value"), "{debug}");
        assert!(!debug.contains("token-value"), "{debug}");
        assert!(debug.contains("5b0f3c1e"), "{debug}");
    }
}
