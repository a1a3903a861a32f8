//! Kombo (`../shared/providers/kombo.md`): `Authorization: Bearer` plus `X-Integration-Id` on
//! every `/ats` call, a cursor-paged candidate list with exact e-mail / first / last name
//! filters, per-integration attachment restrictions, and one JSON upload per file whose bytes
//! travel as base64 streamed from disk.

use std::collections::{BTreeMap, HashSet};
use std::time::Duration;

use async_trait::async_trait;
use reqwest::header::{HeaderValue, LOCATION};
use reqwest::{Method, Response, StatusCode};
use serde::Deserialize;

use super::body::{BodyPlan, FileEncoding};
use super::http::{Answer, ERROR_ANSWER_LIMIT, ErrorInfo, Http, retry_after, status_error};
use super::{
    AtsClient, CandidatePage, Connection, ProgressFn, ProviderError, UploadFile, UploadOutcome,
    UploadTarget,
};
use crate::model::profiles::kombo::{INTEGRATION_ID, MAX_PAGE_SIZE};
use crate::model::{
    Application, Candidate, Limits, ProviderId, RemoteAttachment, Secret, TypeRestriction,
};

const SYSTEM: ProviderId = ProviderId::Kombo;
/// Selects the customer's connected ATS on every `/ats` call [seed].
const INTEGRATION_HEADER: &str = "X-Integration-Id";
/// The action whose restrictions `limits()` reads [OAS].
const ADD_ATTACHMENT_ACTION: &str = "/ats/actions/ats_add_candidate_attachment";

/// Client for Kombo.
#[derive(Debug)]
pub struct KomboClient {
    http: Http,
    key: Secret,
    integration: String,
}

impl KomboClient {
    /// A client for the connection (already checked complete).
    pub fn new(connection: &Connection) -> Result<Self, ProviderError> {
        let key = connection.secret.clone();
        let integration = connection.required_id(INTEGRATION_ID)?.to_owned();
        if HeaderValue::from_str(&integration).is_err() {
            return Err(ProviderError::Config(format!(
                "The Kombo integration id \u{201c}{integration}\u{201d} contains characters that cannot be sent: copy it again from the Kombo dashboard."
            )));
        }
        Ok(Self {
            http: Http::new(SYSTEM, &connection.base_url, connection.timeouts)?,
            key,
            integration,
        })
    }

    /// A request with the API key only (`/check-api-key` needs no integration).
    fn bare(&self, method: Method, path: &str) -> reqwest::RequestBuilder {
        self.http
            .request(method, path)
            .bearer_auth(self.key.expose())
    }

    /// A request to an `/ats` route: API key and integration.
    fn request(&self, method: Method, path: &str) -> reqwest::RequestBuilder {
        self.bare(method, path)
            .header(INTEGRATION_HEADER, &self.integration)
    }

    /// Sends a request with a small body and maps an error answer; `what` names what a plain
    /// 404 was about ("candidate 123").
    async fn send(
        &self,
        request: reqwest::RequestBuilder,
        what: &str,
    ) -> Result<Response, ProviderError> {
        let response = self.http.send_unchecked(request).await?;
        self.check(response, what, false).await
    }

    /// The response if it is a success, else its error. `after_upload`: the request carried a
    /// whole upload, so an answer that does not say the file was refused leaves it possibly
    /// stored (see [`upload_error`]).
    async fn check(
        &self,
        response: Response,
        what: &str,
        after_upload: bool,
    ) -> Result<Response, ProviderError> {
        let status = response.status();
        if status.is_success() {
            return Ok(response);
        }
        let retry = retry_after(response.headers());
        let location = response
            .headers()
            .get(LOCATION)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        let body = self
            .http
            .body(response, ERROR_ANSWER_LIMIT)
            .await
            .unwrap_or_default();
        let info = parse_error(&body);
        let code = info.code.clone();
        let error = error_for(status, info, retry, location, &self.integration, what);
        Err(if after_upload {
            upload_error(error, code.as_deref())
        } else {
            error
        })
    }

    /// One page of `GET /ats/candidates` with `filters`.
    async fn candidates_page(
        &self,
        filters: &[(&str, &str)],
        cursor: Option<&str>,
        size: usize,
    ) -> Result<WirePage, ProviderError> {
        let mut request = self
            .request(Method::GET, "/ats/candidates")
            .query(&[("page_size", size.clamp(1, MAX_PAGE_SIZE).to_string())])
            .query(filters);
        if let Some(cursor) = cursor {
            request = request.query(&[("cursor", cursor)]);
        }
        let response = self.send(request, "the candidate list").await?;
        let envelope: Envelope<WirePage> = self.http.json(response, Answer::Page).await?;
        Ok(envelope.data)
    }

    /// Follows `data.next` from `cursor` (`None`: the first page) until `out` holds `limit`
    /// candidates, keeping those `keep` accepts. Pages never ask for more than are still
    /// wanted, so nothing fetched is dropped.
    async fn follow(
        &self,
        filters: &[(&str, &str)],
        cursor: Option<String>,
        limit: usize,
        keep: &mut (dyn FnMut(&WireCandidate) -> bool + Send),
        out: &mut Vec<Candidate>,
    ) -> Result<Progress, ProviderError> {
        let mut cursor = cursor;
        while out.len() < limit {
            let want = (limit - out.len()).min(MAX_PAGE_SIZE);
            let page = self
                .candidates_page(filters, cursor.as_deref(), want)
                .await?;
            let got = page.results.len();
            out.extend(
                page.results
                    .into_iter()
                    .filter(|c| keep(c))
                    .map(Candidate::from),
            );
            cursor = page.next.filter(|c| !c.is_empty());
            if cursor.is_none() || got == 0 {
                return Ok(Progress::Exhausted);
            }
        }
        Ok(Progress::More(cursor))
    }

    /// One word: Kombo has no free text, so the word is tried as an exact first name, then as
    /// an exact last name. The cursor says which of the two lists to continue.
    async fn find_by_one_name(
        &self,
        word: &str,
        cursor: Option<&str>,
        limit: usize,
    ) -> Result<CandidatePage, ProviderError> {
        let (mut phase, mut inner) = cursor
            .and_then(NameCursor::parse)
            .map_or((NamePhase::First, None), |c| (c.phase, c.inner));
        let mut out = Vec::new();
        let mut seen = HashSet::new();
        loop {
            let filters = [(phase.field(), word)];
            let mut keep = |c: &WireCandidate| {
                // Someone whose first name is also the word came with the first list.
                let listed_already = phase == NamePhase::Last
                    && c.first_name.as_deref().is_some_and(|f| same_name(f, word));
                !listed_already && seen.insert(c.id.clone())
            };
            match self
                .follow(&filters, inner.take(), limit, &mut keep, &mut out)
                .await?
            {
                Progress::Exhausted if phase == NamePhase::First => phase = NamePhase::Last,
                Progress::Exhausted => {
                    return Ok(CandidatePage {
                        candidates: out,
                        next: None,
                    });
                }
                Progress::More(next) => {
                    return Ok(CandidatePage {
                        candidates: out,
                        next: Some(NameCursor { phase, inner: next }.to_string()),
                    });
                }
            }
        }
    }
}

#[async_trait]
impl AtsClient for KomboClient {
    fn provider(&self) -> ProviderId {
        SYSTEM
    }

    async fn check_connection(&self) -> Result<String, ProviderError> {
        let response = self
            .send(self.bare(Method::GET, "/check-api-key"), "/check-api-key")
            .await
            .map_err(|e| match e {
                // Every Kombo API answers this route: a 404 means a wrong address.
                ProviderError::NotFound { .. } => ProviderError::Config(format!(
                    "No Kombo API answered at {}: check the base URL in the connection settings (like {}).",
                    self.http.base(),
                    SYSTEM.profile().default_base_url
                )),
                other => other,
            })?;
        let _: Envelope<serde_json::Value> = self.http.json(response, Answer::Small).await?;
        // The key works; a cheap model read proves the integration exists.
        self.candidates_page(&[], None, 1).await?;
        Ok(format!(
            "Connected to Kombo integration {}.",
            self.integration
        ))
    }

    async fn find_candidates(
        &self,
        query: &str,
        cursor: Option<&str>,
        limit: usize,
    ) -> Result<CandidatePage, ProviderError> {
        if limit == 0 {
            return Ok(CandidatePage {
                candidates: Vec::new(),
                next: cursor.map(str::to_owned),
            });
        }
        let words: Vec<&str> = query.split_whitespace().collect();
        let joined_rest;
        // Kombo's filters are exact and case-insensitive: that is all it offers.
        let filters: Vec<(&str, &str)> = match words.as_slice() {
            [] => Vec::new(),
            [one] if one.contains('@') => vec![("email", *one)],
            [one] => return self.find_by_one_name(one, cursor, limit).await,
            [first, rest @ ..] => {
                joined_rest = rest.join(" ");
                vec![("first_name", *first), ("last_name", joined_rest.as_str())]
            }
        };
        let mut candidates = Vec::new();
        let next = match self
            .follow(
                &filters,
                cursor.map(str::to_owned),
                limit,
                &mut |_: &WireCandidate| true,
                &mut candidates,
            )
            .await?
        {
            Progress::Exhausted => None,
            Progress::More(next) => next,
        };
        Ok(CandidatePage { candidates, next })
    }

    async fn get_candidate(&self, id: &str) -> Result<Candidate, ProviderError> {
        let id = id.trim();
        let not_found = || ProviderError::NotFound {
            system: SYSTEM,
            what: format!("candidate {id}"),
            message: None,
        };
        // `ids` is a comma-separated list: an id holding a comma cannot be one Kombo id.
        if id.is_empty() || id.contains(',') {
            return Err(not_found());
        }
        // There is no single-candidate endpoint: filter the list by id [OAS].
        let request = self
            .request(Method::GET, "/ats/candidates")
            .query(&[("ids", id)]);
        let response = self.send(request, &format!("candidate {id}")).await?;
        let envelope: Envelope<WirePage> = self.http.json(response, Answer::Page).await?;
        envelope
            .data
            .results
            .into_iter()
            .find(|c| c.id == id)
            .map(Candidate::from)
            .ok_or_else(not_found)
    }

    async fn list_attachments(
        &self,
        candidate_id: &str,
    ) -> Result<Vec<RemoteAttachment>, ProviderError> {
        let path = format!(
            "/ats/candidates/{}/attachments",
            self.http.segment(candidate_id)?
        );
        let response = self
            .send(
                self.request(Method::GET, &path),
                &format!("candidate {candidate_id}"),
            )
            .await?;
        let envelope: Envelope<WireAttachments> = self.http.json(response, Answer::Page).await?;
        log_warnings(&envelope.warnings, "listing attachments");
        Ok(envelope
            .data
            .results
            .into_iter()
            .map(RemoteAttachment::from)
            .collect())
    }

    async fn limits(&self) -> Result<Limits, ProviderError> {
        let response = self
            .send(
                self.request(Method::GET, ADD_ATTACHMENT_ACTION),
                "the add-attachment action",
            )
            .await?;
        let envelope: Envelope<WireAction> = self.http.json(response, Answer::Small).await?;
        Ok(limits_from(envelope.data.attachment_restrictions))
    }

    async fn upload(
        &self,
        target: &UploadTarget,
        files: &[UploadFile],
        progress: ProgressFn,
    ) -> Result<Vec<UploadOutcome>, ProviderError> {
        // The application endpoint is Kombo's recommendation; the candidate one works too.
        let (path, what) = match target.application_id.as_deref() {
            Some(application) => (
                format!(
                    "/ats/applications/{}/attachments",
                    self.http.segment(application)?
                ),
                format!("application {application}"),
            ),
            None => (
                format!(
                    "/ats/candidates/{}/attachments",
                    self.http.segment(&target.candidate_id)?
                ),
                format!("candidate {}", target.candidate_id),
            ),
        };
        let mut outcomes = Vec::with_capacity(files.len());
        // One file per request [OAS].
        for (index, file) in files.iter().enumerate() {
            let response = self
                .http
                .send_streaming_unchecked(
                    self.request(Method::POST, &path),
                    "application/json",
                    upload_body(file, index),
                    progress.clone(),
                )
                .await?;
            let response = self.check(response, &what, true).await?;
            let ack: UploadAck = self.http.json(response, Answer::Small).await?;
            log_warnings(&ack.warnings, &file.name);
            // Kombo answers `data: {}`: no attachment id [OAS].
            outcomes.push(UploadOutcome::Stored {
                attachment_id: None,
            });
        }
        Ok(outcomes)
    }
}

/// `{"attachment":{"name":…,"type":…,"content_type":…,"data":"<base64>"}}`, the base64
/// streamed from disk (never built in memory).
fn upload_body(file: &UploadFile, index: usize) -> BodyPlan {
    // Send the canonical spelling of a known type (`cv` → `CV`); Kombo's enum is exact.
    let kind = SYSTEM
        .profile()
        .attachment_type(&file.attachment_type)
        .map_or(file.attachment_type.as_str(), |t| t.wire);
    let quoted = |s: &str| serde_json::Value::String(s.to_owned()).to_string();
    let head = format!(
        "{{\"attachment\":{{\"name\":{},\"type\":{},\"content_type\":{},\"data\":\"",
        quoted(&file.name),
        quoted(kind),
        quoted(&file.content_type),
    );
    let mut plan = BodyPlan::new();
    plan.push_bytes(head)
        .push_upload(file, FileEncoding::Base64, index)
        .push_bytes("\"}}");
    plan
}

fn log_warnings(warnings: &[WireWarning], context: &str) {
    for warning in warnings {
        tracing::warn!(
            "Kombo warning ({context}): {}",
            warning.message.as_deref().unwrap_or("(no message)")
        );
    }
}

/// The announced restrictions on top of the profile's limits; `null` means unknown, so the
/// profile's defaults stay (kombo.md §3.4).
fn limits_from(restrictions: Option<WireRestrictions>) -> Limits {
    let mut limits = SYSTEM.profile().limits();
    let Some(mut types) = restrictions.map(|r| r.types) else {
        return limits;
    };
    let to_restriction = |wire: &str, t: WireTypeRestriction| TypeRestriction {
        wire: wire.to_owned(),
        supported: t.is_supported,
        max_file_bytes: t.max_file_size_bytes,
        accepted_mime_types: t.accepted_mime_types,
    };
    // The profile's order first, then any type Kombo adds later.
    for ty in SYSTEM.profile().types {
        if let Some(t) = types.remove(ty.wire) {
            limits.type_restrictions.push(to_restriction(ty.wire, t));
        }
    }
    for (wire, t) in types {
        limits.type_restrictions.push(to_restriction(&wire, t));
    }
    limits
}

/// Maps an error answer: by Kombo's `error.code` where it decides the meaning (Kombo warns
/// that its HTTP statuses may change), otherwise by status. `what` names what a plain 404 was
/// about.
fn error_for(
    status: StatusCode,
    info: ErrorInfo,
    retry: Option<Duration>,
    location: Option<String>,
    integration: &str,
    what: &str,
) -> ProviderError {
    let message = info.message.clone();
    if status == StatusCode::PAYLOAD_TOO_LARGE {
        return ProviderError::TooLarge {
            system: SYSTEM,
            message,
        };
    }
    match info.code.as_deref() {
        Some("PLATFORM.AUTHENTICATION_INVALID") => ProviderError::Auth {
            system: SYSTEM,
            message,
        },
        Some("PLATFORM.INTEGRATION_NOT_FOUND") => ProviderError::NotFound {
            system: SYSTEM,
            what: format!("integration {integration}"),
            message,
        },
        Some(
            "INTEGRATION.PERMISSION_MISSING"
            | "INTEGRATION.ACTION_NOT_AVAILABLE"
            | "INTEGRATION.ACTION_DISABLED",
        ) => ProviderError::Forbidden {
            system: SYSTEM,
            message,
        },
        Some(
            "PLATFORM.CONCURRENCY_LIMIT_EXCEEDED"
            | "PLATFORM.RATE_LIMIT_EXCEEDED"
            | "REMOTE.RATE_LIMIT_EXCEEDED",
        ) => ProviderError::RateLimited {
            system: SYSTEM,
            retry_after: retry,
        },
        Some(code @ ("PLATFORM.INPUT_INVALID" | "REMOTE.INPUT_INVALID")) => {
            ProviderError::Rejected {
                system: SYSTEM,
                status: status.as_u16(),
                code: Some(code.to_owned()),
                message: message.unwrap_or_else(|| "the input was not valid".to_owned()),
            }
        }
        Some("REMOTE.SERVICE_UNAVAILABLE") => ProviderError::Server {
            system: SYSTEM,
            status: 503,
            message,
        },
        _ => match status_error(SYSTEM, status, info, retry, location) {
            ProviderError::NotFound {
                system, message, ..
            } => ProviderError::NotFound {
                system,
                what: what.to_owned(),
                message,
            },
            other => other,
        },
    }
}

/// An error answered to an upload whose body went out whole: Kombo's own "it took too long" and
/// "something went wrong" (`PLATFORM.TASK_TIMED_OUT`, `PLATFORM.UNKNOWN_ERROR`,
/// `REMOTE.UNKNOWN_HTTP_ERROR`) and a 500, 502 or 504 do not say the ATS did not store the
/// file — the write to the ATS may have happened — so they are outcomes to verify before any
/// resend, not failures. Refusals (400, 401, 403, 404, 413, 429) and an unavailable ATS (503,
/// `REMOTE.SERVICE_UNAVAILABLE`, documented as safe to retry) stay what they are.
fn upload_error(error: ProviderError, code: Option<&str>) -> ProviderError {
    let unsure_code = matches!(
        code,
        Some("PLATFORM.TASK_TIMED_OUT" | "PLATFORM.UNKNOWN_ERROR" | "REMOTE.UNKNOWN_HTTP_ERROR")
    );
    let message = match &error {
        _ if unsure_code => error_message(&error),
        ProviderError::Server {
            status: 500 | 502 | 504,
            message,
            ..
        } => message.clone(),
        _ => return error,
    };
    ProviderError::MaybeStored {
        system: SYSTEM,
        message,
    }
}

/// The system's own words in an error, if any.
fn error_message(error: &ProviderError) -> Option<String> {
    match error {
        ProviderError::Server { message, .. } => message.clone(),
        ProviderError::Rejected { message, .. } => Some(message.clone()),
        _ => None,
    }
}

/// `{status:"error", error:{code, title, message, log_url}}` [doc: D-errors]; anything else
/// (a load balancer's page) gives no details.
fn parse_error(body: &[u8]) -> ErrorInfo {
    #[derive(Deserialize)]
    struct Envelope {
        error: Option<Detail>,
    }
    #[derive(Deserialize)]
    struct Detail {
        code: Option<String>,
        title: Option<String>,
        message: Option<String>,
    }
    let Ok(Envelope {
        error: Some(detail),
    }) = serde_json::from_slice::<Envelope>(body)
    else {
        return ErrorInfo::default();
    };
    ErrorInfo {
        code: detail.code.filter(|c| !c.is_empty()),
        message: detail
            .message
            .filter(|m| !m.trim().is_empty())
            .or(detail.title),
    }
}

/// Names compare the way Kombo's filters do: exact, ignoring case.
fn same_name(a: &str, b: &str) -> bool {
    a.to_lowercase() == b.to_lowercase()
}

/// How far a paged walk got.
enum Progress {
    /// The list ended.
    Exhausted,
    /// The limit was reached; continue from this cursor (`None`: from the first page).
    More(Option<String>),
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum NamePhase {
    First,
    Last,
}

impl NamePhase {
    fn field(self) -> &'static str {
        match self {
            Self::First => "first_name",
            Self::Last => "last_name",
        }
    }
}

/// atsdrop's cursor for a one-word search: which list, and Kombo's cursor within it.
struct NameCursor {
    phase: NamePhase,
    inner: Option<String>,
}

impl NameCursor {
    fn parse(raw: &str) -> Option<Self> {
        let (field, inner) = raw.split_once(':')?;
        let phase = match field {
            "first_name" => NamePhase::First,
            "last_name" => NamePhase::Last,
            _ => return None,
        };
        Some(Self {
            phase,
            inner: Some(inner.to_owned()).filter(|i| !i.is_empty()),
        })
    }
}

impl std::fmt::Display for NameCursor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}:{}",
            self.phase.field(),
            self.inner.as_deref().unwrap_or("")
        )
    }
}

// ---- wire types (private) ----

#[derive(Deserialize)]
struct Envelope<T> {
    data: T,
    #[serde(default)]
    warnings: Vec<WireWarning>,
}

#[derive(Deserialize)]
struct WireWarning {
    message: Option<String>,
}

#[derive(Deserialize)]
struct WirePage {
    next: Option<String>,
    #[serde(default)]
    results: Vec<WireCandidate>,
}

#[derive(Deserialize)]
struct WireCandidate {
    id: String,
    remote_id: Option<String>,
    first_name: Option<String>,
    last_name: Option<String>,
    email_addresses: Option<Vec<WireEmail>>,
    phone_numbers: Option<Vec<WirePhone>>,
    applications: Option<Vec<WireApplication>>,
}

#[derive(Deserialize)]
struct WireEmail {
    email_address: Option<String>,
}

/// `phone_numbers[]: {phone_number, type}` [OAS].
#[derive(Deserialize)]
struct WirePhone {
    phone_number: Option<String>,
}

#[derive(Deserialize)]
struct WireApplication {
    id: String,
    job: Option<WireJob>,
}

#[derive(Deserialize)]
struct WireJob {
    name: Option<String>,
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
            .unwrap_or_default()
            .into_iter()
            .filter_map(|e| e.email_address)
            .find(|e| !e.trim().is_empty());
        // The first `phone_numbers[].phone_number` (no primary flag) [OAS].
        let phone = super::primary_phone(
            wire.phone_numbers
                .unwrap_or_default()
                .into_iter()
                .map(|p| (p.phone_number, false)),
        );
        Self {
            id: wire.id,
            name,
            email,
            phone,
            remote_id: wire.remote_id,
            applications: wire
                .applications
                .unwrap_or_default()
                .into_iter()
                .map(|a| Application {
                    id: a.id,
                    job_name: a.job.and_then(|j| j.name),
                })
                .collect(),
        }
    }
}

#[derive(Deserialize)]
struct WireAttachments {
    #[serde(default)]
    results: Vec<WireAttachment>,
}

#[derive(Deserialize)]
struct WireAttachment {
    id: String,
    file_name: Option<String>,
    #[serde(rename = "type")]
    kind: Option<String>,
    content_type: Option<String>,
    remote_created_at: Option<String>,
}

impl From<WireAttachment> for RemoteAttachment {
    fn from(wire: WireAttachment) -> Self {
        Self {
            name: wire.file_name.unwrap_or_else(|| wire.id.clone()),
            id: wire.id,
            attachment_type: wire.kind,
            // Kombo does not report sizes.
            size: None,
            created_at: wire.remote_created_at,
            content_type: wire.content_type,
        }
    }
}

#[derive(Deserialize)]
struct WireAction {
    attachment_restrictions: Option<WireRestrictions>,
}

#[derive(Deserialize)]
struct WireRestrictions {
    #[serde(default)]
    types: BTreeMap<String, WireTypeRestriction>,
}

#[derive(Deserialize)]
struct WireTypeRestriction {
    is_supported: bool,
    max_file_size_bytes: Option<u64>,
    accepted_mime_types: Option<Vec<String>>,
}

#[derive(Deserialize)]
struct UploadAck {
    #[serde(default)]
    warnings: Vec<WireWarning>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn info(code: Option<&str>, message: &str) -> ErrorInfo {
        ErrorInfo {
            code: code.map(str::to_owned),
            message: Some(message.to_owned()),
        }
    }

    fn map(status: u16, code: Option<&str>, retry: Option<u64>) -> ProviderError {
        error_for(
            StatusCode::from_u16(status).unwrap(),
            info(code, "Kombo said so."),
            retry.map(Duration::from_secs),
            None,
            "workday:abc",
            "candidate 42",
        )
    }

    #[test]
    fn error_codes_decide_over_statuses() {
        // The code wins even where the status says something else.
        let e = map(400, Some("PLATFORM.AUTHENTICATION_INVALID"), None);
        assert!(matches!(e, ProviderError::Auth { .. }), "{e:?}");
        let e = map(404, Some("PLATFORM.INTEGRATION_NOT_FOUND"), None);
        assert_eq!(
            e.to_string(),
            "Kombo could not find integration workday:abc (\u{201c}Kombo said so\u{201d}): check the id."
        );
        let e = map(404, None, None);
        assert!(e.to_string().contains("candidate 42"), "{e}");
        for code in [
            "INTEGRATION.PERMISSION_MISSING",
            "INTEGRATION.ACTION_NOT_AVAILABLE",
            "INTEGRATION.ACTION_DISABLED",
        ] {
            let e = map(400, Some(code), None);
            assert!(
                matches!(e, ProviderError::Forbidden { .. }),
                "{code}: {e:?}"
            );
        }
        for code in [
            "PLATFORM.CONCURRENCY_LIMIT_EXCEEDED",
            "PLATFORM.RATE_LIMIT_EXCEEDED",
            "REMOTE.RATE_LIMIT_EXCEEDED",
        ] {
            let e = map(503, Some(code), Some(4));
            assert_eq!(e.retry_after(), Some(Duration::from_secs(4)), "{code}");
        }
        let e = map(422, Some("REMOTE.INPUT_INVALID"), None);
        assert!(
            matches!(&e, ProviderError::Rejected { status: 422, code: Some(c), message, .. }
                if c == "REMOTE.INPUT_INVALID" && message == "Kombo said so."),
            "{e:?}"
        );
        assert_eq!(e.to_string(), "Kombo refused the request: Kombo said so.");
        let e = map(500, Some("REMOTE.SERVICE_UNAVAILABLE"), None);
        assert!(
            matches!(e, ProviderError::Server { status: 503, .. }),
            "{e:?}"
        );
        assert!(e.is_transient());
        let e = map(413, Some("PLATFORM.INPUT_INVALID"), None);
        assert!(matches!(e, ProviderError::TooLarge { .. }), "{e:?}");
        let e = map(502, Some("PLATFORM.UNKNOWN_ERROR"), None);
        assert!(
            matches!(e, ProviderError::Server { status: 502, .. }),
            "{e:?}"
        );
        // After a whole upload, the same answers leave the file possibly stored.
        for (status, code) in [
            (504, Some("PLATFORM.TASK_TIMED_OUT")),
            (500, Some("PLATFORM.UNKNOWN_ERROR")),
            (400, Some("PLATFORM.TASK_TIMED_OUT")),
            (500, None),
            (502, None),
        ] {
            let e = upload_error(map(status, code, None), code);
            assert!(
                matches!(e, ProviderError::MaybeStored { .. }),
                "{status} {code:?}: {e:?}"
            );
            assert!(e.outcome_unknown());
        }
        for (status, code) in [
            (503, Some("REMOTE.SERVICE_UNAVAILABLE")),
            (400, Some("PLATFORM.INPUT_INVALID")),
            (429, Some("PLATFORM.CONCURRENCY_LIMIT_EXCEEDED")),
            (404, None),
        ] {
            let e = upload_error(map(status, code, None), code);
            assert!(!e.outcome_unknown(), "{status} {code:?}: {e:?}");
        }
    }

    #[test]
    fn the_envelope_is_parsed_and_other_bodies_are_not() {
        let body = br#"{"status":"error","error":{"code":"PLATFORM.INPUT_INVALID","title":"Invalid input","message":"name is required","log_url":null}}"#;
        assert_eq!(
            parse_error(body),
            ErrorInfo {
                code: Some("PLATFORM.INPUT_INVALID".into()),
                message: Some("name is required".into())
            }
        );
        let body = br#"{"status":"error","error":{"code":null,"title":"Not Found","message":"","log_url":null}}"#;
        assert_eq!(
            parse_error(body),
            ErrorInfo {
                code: None,
                message: Some("Not Found".into())
            }
        );
        assert_eq!(parse_error(b"<html>502</html>"), ErrorInfo::default());
    }

    #[test]
    fn name_cursors_round_trip() {
        let c = NameCursor::parse("last_name:abc:def").unwrap();
        assert!(c.phase == NamePhase::Last);
        assert_eq!(c.inner.as_deref(), Some("abc:def"));
        assert_eq!(c.to_string(), "last_name:abc:def");
        let c = NameCursor::parse("first_name:").unwrap();
        assert!(c.phase == NamePhase::First && c.inner.is_none());
        assert!(NameCursor::parse("eyJvZmZzZXQiOjF9").is_none());
        assert!(NameCursor::parse("email:x").is_none());
    }

    #[test]
    fn restrictions_tighten_the_profile_limits() {
        let wire: WireAction = serde_json::from_str(
            r#"{"attachment_restrictions":{"types":{
                "OTHER":{"is_supported":true,"max_file_size_bytes":10485760,"accepted_mime_types":["application/pdf"]},
                "CV":{"is_supported":false},
                "PORTFOLIO":{"is_supported":true,"max_file_size_bytes":null,"accepted_mime_types":null}}}}"#,
        )
        .unwrap();
        let limits = limits_from(wire.attachment_restrictions);
        let wires: Vec<_> = limits
            .type_restrictions
            .iter()
            .map(|r| r.wire.as_str())
            .collect();
        assert_eq!(wires, ["CV", "OTHER", "PORTFOLIO"]);
        assert!(!limits.restriction("cv").unwrap().supported);
        let other = limits.restriction("OTHER").unwrap();
        assert_eq!(other.max_file_bytes, Some(10 * 1024 * 1024));
        assert_eq!(
            other.accepted_mime_types.as_deref(),
            Some(&["application/pdf".to_owned()][..])
        );
        assert!(limits.restriction("COVER_LETTER").is_none());
        let unknown = limits_from(None);
        assert_eq!(unknown, SYSTEM.profile().limits());
    }
}
