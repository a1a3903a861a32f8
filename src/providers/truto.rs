//! Truto unified ATS API (`../shared/providers/truto.md`): `Authorization: Bearer <token>`,
//! `integrated_account_id` on every unified call, cursor-paged candidates with an `email` filter
//! (names are matched locally), attachment listing, and one multipart upload per file with an
//! `Idempotency-Key`.
//!
//! Truto errors come in one envelope, `{statusCode, error, message, details?,
//! truto_is_remote_error?, truto_error_insight?}`. Besides the shared status mapping, three
//! codes mean something specific here: a 401 flagged `truto_is_remote_error` is the connected
//! ATS refusing the credentials Truto holds for it (re-authorise in Truto); 405 is a write to a
//! read-only sandbox account; and 503 is a **blocked** integrated account, which retrying never
//! fixes, so it becomes [`ProviderError::Rejected`] rather than a transient server error.

use async_trait::async_trait;
use reqwest::Method;
use serde::Deserialize;

use super::http::{Answer, ErrorInfo, Http};
use super::multipart::MultipartBuilder;
use super::{
    AtsClient, CandidatePage, Connection, ProgressFn, ProviderError, UploadFile, UploadOutcome,
    UploadTarget,
};
use crate::model::profiles::truto::{
    INTEGRATED_ACCOUNT_ID, LIST_PAGE_MAX, LOCAL_SEARCH_SCAN_MAX, UPLOAD_APPLICATION_FIELD,
    UPLOAD_CANDIDATE_FIELD, UPLOAD_FILE_FIELD, UPLOAD_TYPE_FIELD,
};
use crate::model::{Application, Candidate, ProviderId, RemoteAttachment, Secret};

const SYSTEM: ProviderId = ProviderId::Truto;
/// The query parameter naming the connected account on every unified call [seed].
const ACCOUNT_PARAM: &str = "integrated_account_id";
/// Prefix of the cursors atsdrop makes itself, when a page had to be cut part-way (the rest
/// of that page is skipped on the next call). Truto's own cursors are passed through as-is.
const SKIP_CURSOR_PREFIX: &str = "atsdrop-skip:";
/// Safety stop for attachment listing: pages followed at most.
const MAX_ATTACHMENT_PAGES: usize = 1000;
/// Error `code` atsdrop gives a blocked integrated account (Truto's 503).
const BLOCKED_CODE: &str = "integrated_account_blocked";

/// Client for Truto.
#[derive(Debug)]
pub struct TrutoClient {
    http: Http,
    token: Secret,
    account: String,
}

/// How the candidate list is narrowed.
enum Search<'a> {
    /// Everything, in Truto's order.
    All,
    /// Truto's `email` filter, checked again locally (an ATS may ignore the filter).
    Email(&'a str),
    /// No server filter: every word must appear in the name or e-mail.
    Words(Vec<String>),
}

impl Search<'_> {
    /// Whether a candidate matches; `emails` are all of its addresses, not only the first.
    fn accepts(&self, candidate: &Candidate, emails: &[String]) -> bool {
        match self {
            Self::All => true,
            Self::Email(email) => emails.iter().any(|e| e.trim().eq_ignore_ascii_case(email)),
            Self::Words(words) => {
                let hay = format!("{} {}", candidate.name, emails.join(" ")).to_lowercase();
                words.iter().all(|w| hay.contains(w.as_str()))
            }
        }
    }

    /// Whether the listing is filtered locally (pages are then fetched whole).
    fn local(&self) -> bool {
        !matches!(self, Self::All)
    }
}

/// Where to continue: a Truto cursor (none = the first page), minus items already returned.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct Position {
    cursor: Option<String>,
    skip: usize,
}

impl Position {
    fn parse(raw: Option<&str>) -> Self {
        let Some(raw) = raw.map(str::trim).filter(|r| !r.is_empty()) else {
            return Self::default();
        };
        if let Some(rest) = raw.strip_prefix(SKIP_CURSOR_PREFIX)
            && let Some((skip, cursor)) = rest.split_once(':')
            && let Ok(skip) = skip.parse::<usize>()
        {
            return Self {
                cursor: Some(cursor.to_owned()).filter(|c| !c.is_empty()),
                skip,
            };
        }
        Self {
            cursor: Some(raw.to_owned()),
            skip: 0,
        }
    }

    fn encode(&self) -> String {
        if self.skip == 0
            && let Some(cursor) = &self.cursor
        {
            return cursor.clone();
        }
        format!(
            "{SKIP_CURSOR_PREFIX}{}:{}",
            self.skip,
            self.cursor.as_deref().unwrap_or("")
        )
    }
}

impl TrutoClient {
    /// A client for the connection (already checked complete).
    pub fn new(connection: &Connection) -> Result<Self, ProviderError> {
        let token = connection.secret.clone();
        let account = connection.required_id(INTEGRATED_ACCOUNT_ID)?.to_owned();
        Ok(Self {
            http: Http::new(SYSTEM, &connection.base_url, connection.timeouts)?,
            token,
            account,
        })
    }

    /// A request with the bearer token (no account parameter: for platform routes).
    fn platform(&self, method: Method, path: &str) -> reqwest::RequestBuilder {
        self.http
            .request(method, path)
            .bearer_auth(self.token.expose())
    }

    /// A unified-API request: bearer token and `integrated_account_id`.
    fn unified(&self, method: Method, path: &str) -> reqwest::RequestBuilder {
        self.platform(method, path)
            .query(&[(ACCOUNT_PARAM, self.account.as_str())])
    }

    async fn send(
        &self,
        request: reqwest::RequestBuilder,
    ) -> Result<reqwest::Response, ProviderError> {
        self.http.send(request, parse_error).await.map_err(refine)
    }

    async fn candidate_page(
        &self,
        email: Option<&str>,
        cursor: Option<&str>,
        limit: usize,
    ) -> Result<ListEnvelope<WireCandidate>, ProviderError> {
        let mut request = self
            .unified(Method::GET, "/unified/ats/candidates")
            .query(&[("limit", limit.to_string())]);
        if let Some(email) = email {
            request = request.query(&[("email", email)]);
        }
        if let Some(cursor) = cursor {
            request = request.query(&[("next_cursor", cursor)]);
        }
        let response = self.send(request).await?;
        self.http.json(response, Answer::Page).await
    }

    /// Follows Truto's cursor from `start`, keeping candidates `search` accepts, until `limit`
    /// are found, the list ends, or (for local filtering) the scan cap is reached.
    async fn scan(
        &self,
        search: &Search<'_>,
        start: Position,
        limit: usize,
    ) -> Result<CandidatePage, ProviderError> {
        let mut found = Vec::new();
        let mut position = start;
        let mut scanned = 0usize;
        let email = match search {
            Search::Email(e) => Some(*e),
            _ => None,
        };
        loop {
            if found.len() >= limit {
                break;
            }
            if search.local() && scanned >= LOCAL_SEARCH_SCAN_MAX {
                break;
            }
            let want = if search.local() {
                LIST_PAGE_MAX
            } else {
                (position.skip + limit - found.len()).clamp(1, LIST_PAGE_MAX)
            };
            let page = self
                .candidate_page(email, position.cursor.as_deref(), want)
                .await?;
            let next = page.next_cursor.filter(|c| !c.is_empty());
            let items: Vec<WireCandidate> = page.result;
            let total = items.len();
            let mut cut_at = None;
            for (i, wire) in items.into_iter().enumerate().skip(position.skip) {
                scanned += 1;
                let emails = wire.emails();
                let candidate = Candidate::from(wire);
                if search.accepts(&candidate, &emails) {
                    found.push(candidate);
                }
                let full = found.len() >= limit;
                let capped = search.local() && scanned >= LOCAL_SEARCH_SCAN_MAX;
                if (full || capped) && i + 1 < total {
                    cut_at = Some(i + 1);
                    break;
                }
            }
            if let Some(skip) = cut_at {
                // Stopped inside this page: continue from its remaining items.
                return Ok(CandidatePage {
                    candidates: found,
                    next: Some(
                        Position {
                            cursor: position.cursor,
                            skip,
                        }
                        .encode(),
                    ),
                });
            }
            // A repeated cursor or an empty page with a cursor would loop for ever.
            if total == 0 || next.is_none() || next == position.cursor {
                return Ok(CandidatePage {
                    candidates: found,
                    next: None,
                });
            }
            position = Position {
                cursor: next,
                skip: 0,
            };
        }
        Ok(CandidatePage {
            candidates: found,
            next: Some(position.encode()),
        })
    }

    async fn capabilities(&self) -> Result<Capabilities, ProviderError> {
        let path = format!(
            "/integrated-account/{}/capabilities",
            self.http.segment(&self.account)?
        );
        let request = self
            .platform(Method::GET, &path)
            .query(&[("type", "unified")]);
        let response = self
            .send(request)
            .await
            .map_err(|e| not_found_as(e, &format!("integrated account {}", self.account)))?;
        self.http.json(response, Answer::Page).await
    }

    async fn upload_one(
        &self,
        target: &UploadTarget,
        file: &UploadFile,
        index: usize,
        progress: &ProgressFn,
    ) -> Result<UploadOutcome, ProviderError> {
        let mut form = MultipartBuilder::new();
        form.text(UPLOAD_CANDIDATE_FIELD, &target.candidate_id);
        if let Some(application) = &target.application_id {
            form.text(UPLOAD_APPLICATION_FIELD, application);
        }
        form.text(UPLOAD_TYPE_FIELD, &file.attachment_type);
        form.upload_file(UPLOAD_FILE_FIELD, file, index);
        let (content_type, plan) = form.finish();
        let mut request = self
            .unified(Method::POST, "/unified/ats/attachments")
            .query(&[(UPLOAD_CANDIDATE_FIELD, target.candidate_id.as_str())])
            .header("Idempotency-Key", &file.key);
        if let Some(application) = &target.application_id {
            request = request.query(&[(UPLOAD_APPLICATION_FIELD, application.as_str())]);
        }
        let response = self
            .http
            .send_streaming(request, &content_type, plan, progress.clone(), parse_error)
            .await
            .map_err(refine)
            .map_err(|e| not_found_as(e, &format!("candidate {}", target.candidate_id)))?;
        let stored: WireAttachment = self.http.json(response, Answer::Small).await?;
        Ok(UploadOutcome::Stored {
            attachment_id: Some(stored.id),
        })
    }
}

#[async_trait]
impl AtsClient for TrutoClient {
    fn provider(&self) -> ProviderId {
        SYSTEM
    }

    /// Reads the account's unified capabilities: fails when the account is blocked or its ATS
    /// cannot take attachment uploads (`ats/attachments` without `create`).
    async fn check_connection(&self) -> Result<String, ProviderError> {
        let caps = self.capabilities().await?;
        let ats = caps
            .integration
            .as_ref()
            .and_then(|i| i.label.clone().or_else(|| i.name.clone()))
            .filter(|l| !l.trim().is_empty())
            .unwrap_or_else(|| "the connected ATS".to_owned());
        let account = caps.account.unwrap_or_default();
        if account.is_blocked {
            return Err(blocked(None));
        }
        if account.status.as_deref() == Some("needs_reauth") {
            return Err(ProviderError::Auth {
                system: SYSTEM,
                message: Some(format!(
                    "{ats} refused the credentials Truto holds for it: re-authorise this integrated account in Truto"
                )),
            });
        }
        let attachments = caps
            .unified
            .iter()
            .find(|u| u.model == "ats" && u.resource == "attachments");
        let can_upload = attachments.is_some_and(|u| u.methods.iter().any(|m| m == "create"));
        if !can_upload {
            return Err(ProviderError::Unsupported {
                system: SYSTEM,
                what: format!(
                    "Uploading attachments to {ats} (integrated account {})",
                    self.account
                ),
            });
        }
        let mut summary = format!(
            "Connected to Truto integrated account {} ({ats}); it takes attachment uploads.",
            self.account
        );
        if account.is_sandbox {
            summary = format!(
                "Connected to Truto integrated account {} ({ats}), a read-only sandbox: browsing works, uploads will be refused.",
                self.account
            );
        }
        Ok(summary)
    }

    /// Blank `query` lists; text with `@` uses Truto's `email` filter; other text pages the
    /// list and matches names locally, scanning at most
    /// [`LOCAL_SEARCH_SCAN_MAX`] candidates per call (the returned cursor continues the scan).
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
        let query = query.trim();
        let search = if query.is_empty() {
            Search::All
        } else if query.contains('@') {
            Search::Email(query)
        } else {
            Search::Words(query.split_whitespace().map(str::to_lowercase).collect())
        };
        self.scan(&search, Position::parse(cursor), limit).await
    }

    async fn get_candidate(&self, id: &str) -> Result<Candidate, ProviderError> {
        let path = format!("/unified/ats/candidates/{}", self.http.segment(id)?);
        let response = self
            .send(self.unified(Method::GET, &path))
            .await
            .map_err(|e| not_found_as(e, &format!("candidate {id}")))?;
        let wire: WireCandidate = self.http.json(response, Answer::Small).await?;
        Ok(wire.into())
    }

    async fn list_attachments(
        &self,
        candidate_id: &str,
    ) -> Result<Vec<RemoteAttachment>, ProviderError> {
        let mut all = Vec::new();
        let mut cursor: Option<String> = None;
        for _ in 0..MAX_ATTACHMENT_PAGES {
            let mut request = self
                .unified(Method::GET, "/unified/ats/attachments")
                .query(&[
                    ("candidate_id", candidate_id.to_owned()),
                    ("limit", LIST_PAGE_MAX.to_string()),
                ]);
            if let Some(c) = &cursor {
                request = request.query(&[("next_cursor", c)]);
            }
            let response = self
                .send(request)
                .await
                .map_err(|e| not_found_as(e, &format!("candidate {candidate_id}")))?;
            let page: ListEnvelope<WireAttachment> = self.http.json(response, Answer::Page).await?;
            let got = page.result.len();
            all.extend(page.result.into_iter().map(RemoteAttachment::from));
            let next = page.next_cursor.filter(|c| !c.is_empty());
            if got == 0 || next.is_none() || next == cursor {
                break;
            }
            cursor = next;
        }
        Ok(all)
    }

    /// One request per file (Truto takes one), each with the file's `Idempotency-Key`, so a
    /// repeated upload returns the first answer instead of storing a second copy.
    async fn upload(
        &self,
        target: &UploadTarget,
        files: &[UploadFile],
        progress: ProgressFn,
    ) -> Result<Vec<UploadOutcome>, ProviderError> {
        let mut outcomes = Vec::with_capacity(files.len());
        for (index, file) in files.iter().enumerate() {
            outcomes.push(self.upload_one(target, file, index, &progress).await?);
        }
        Ok(outcomes)
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

/// The error for a blocked integrated account (Truto's 503): not transient.
fn blocked(message: Option<String>) -> ProviderError {
    let detail = message
        .map(|m| m.trim().trim_end_matches('.').to_owned())
        .filter(|m| !m.is_empty() && m != "Service Unavailable")
        .map(|m| format!(" (\u{201c}{m}\u{201d})"))
        .unwrap_or_default();
    ProviderError::Rejected {
        system: SYSTEM,
        status: 503,
        code: Some(BLOCKED_CODE.to_owned()),
        message: format!(
            "this integrated account is blocked{detail}; retrying will not help: ask your Truto admin to reconnect or unblock it"
        ),
    }
}

/// Adjusts the shared status mapping to Truto's meanings of 405 and 503.
fn refine(error: ProviderError) -> ProviderError {
    match error {
        ProviderError::Server {
            status: 503,
            message,
            ..
        } => blocked(message),
        ProviderError::Rejected {
            system,
            status: 405,
            code,
            message,
        } => {
            let said = message.trim().trim_end_matches('.');
            let message = if said.to_lowercase().contains("sandbox") {
                format!("{said}: connect a production integrated account to upload")
            } else {
                format!(
                    "{said} \u{2014} Truto sandbox accounts are read-only and refuse every upload: connect a production integrated account whose ATS takes attachments"
                )
            };
            ProviderError::Rejected {
                system,
                status: 405,
                code,
                message,
            }
        }
        other => other,
    }
}

/// Reads Truto's error envelope. The message gains what `truto_error_insight` names (missing
/// query parameters or body fields, missing OAuth scopes), and a 401 that Truto flags as remote
/// says that the connected ATS, not Truto, refused its stored credentials.
fn parse_error(body: &[u8]) -> ErrorInfo {
    let Ok(envelope) = serde_json::from_slice::<ErrorEnvelope>(body) else {
        return ErrorInfo::default();
    };
    let mut message = envelope
        .message
        .filter(|m| !m.trim().is_empty())
        .or_else(|| raw_message(envelope.raw_response.as_ref()))
        .or_else(|| envelope.error.clone())
        .unwrap_or_default();
    let mut notes = Vec::new();
    if let Some(insight) = &envelope.truto_error_insight {
        for (label, item) in [
            (
                "missing query parameters",
                &insight.missing_required_query_parameters,
            ),
            ("missing fields", &insight.missing_required_body_fields),
        ] {
            let names = item.as_ref().map(Insight::names).unwrap_or_default();
            if !names.is_empty() {
                notes.push(format!("{label}: {}", names.join(", ")));
            }
        }
        let scopes = insight
            .forbidden_error
            .as_ref()
            .and_then(|f| f.value.as_ref())
            .and_then(|v| v.get("missing_scopes"))
            .and_then(serde_json::Value::as_array)
            .map(|a| {
                a.iter()
                    .filter_map(serde_json::Value::as_str)
                    .collect::<Vec<_>>()
                    .join(", ")
            })
            .unwrap_or_default();
        if !scopes.is_empty() {
            notes.push(format!("missing scopes: {scopes}"));
        }
    }
    if !notes.is_empty() {
        let trimmed = message.trim().trim_end_matches('.').to_owned();
        message = if trimmed.is_empty() {
            notes.join("; ")
        } else {
            format!("{trimmed} ({})", notes.join("; "))
        };
    }
    if envelope.truto_is_remote_error && envelope.status_code == Some(401) {
        let said = message.trim().trim_end_matches('.');
        message = if said.is_empty() {
            "the connected ATS refused the credentials Truto holds for it: re-authorise this integrated account in Truto".to_owned()
        } else {
            format!(
                "the connected ATS refused the credentials Truto holds for it ({said}): re-authorise this integrated account in Truto"
            )
        };
    }
    ErrorInfo {
        code: envelope.error,
        message: Some(message).filter(|m| !m.trim().is_empty()),
    }
}

/// A message out of a provider's forwarded body, when Truto's own `message` is empty.
fn raw_message(raw: Option<&serde_json::Value>) -> Option<String> {
    match raw? {
        serde_json::Value::String(s) if !s.trim().is_empty() => Some(s.clone()),
        serde_json::Value::Object(map) => ["message", "error", "detail"]
            .iter()
            .find_map(|k| map.get(*k).and_then(serde_json::Value::as_str))
            .map(str::to_owned),
        _ => None,
    }
}

// ---- wire types (private) ----

#[derive(Deserialize)]
struct ErrorEnvelope {
    #[serde(rename = "statusCode")]
    status_code: Option<u16>,
    error: Option<String>,
    message: Option<String>,
    #[serde(default)]
    truto_is_remote_error: bool,
    raw_response: Option<serde_json::Value>,
    truto_error_insight: Option<ErrorInsights>,
}

#[derive(Deserialize)]
struct ErrorInsights {
    missing_required_query_parameters: Option<Insight>,
    missing_required_body_fields: Option<Insight>,
    forbidden_error: Option<Insight>,
}

#[derive(Deserialize)]
struct Insight {
    value: Option<serde_json::Value>,
}

impl Insight {
    /// The names listed in `value` (an array of strings).
    fn names(&self) -> Vec<String> {
        self.value
            .as_ref()
            .and_then(serde_json::Value::as_array)
            .map(|a| {
                a.iter()
                    .filter_map(serde_json::Value::as_str)
                    .map(str::to_owned)
                    .collect()
            })
            .unwrap_or_default()
    }
}

#[derive(Deserialize)]
struct ListEnvelope<T> {
    #[serde(default = "Vec::new")]
    result: Vec<T>,
    next_cursor: Option<String>,
}

#[derive(Deserialize)]
struct Capabilities {
    integration: Option<CapIntegration>,
    #[serde(default)]
    unified: Vec<CapUnified>,
    account: Option<CapAccount>,
}

#[derive(Deserialize)]
struct CapIntegration {
    name: Option<String>,
    label: Option<String>,
}

#[derive(Deserialize)]
struct CapUnified {
    #[serde(default)]
    model: String,
    #[serde(default)]
    resource: String,
    #[serde(default)]
    methods: Vec<String>,
}

#[derive(Default, Deserialize)]
struct CapAccount {
    /// `active`, `needs_reauth`, `blocked`, … [R-uni].
    status: Option<String>,
    #[serde(default)]
    is_blocked: bool,
    /// Not in the documented `account` block; read when present [assumption].
    #[serde(default)]
    is_sandbox: bool,
}

#[derive(Deserialize)]
struct WireCandidate {
    id: String,
    name: Option<String>,
    first_name: Option<String>,
    last_name: Option<String>,
    emails: Option<Vec<WireEmail>>,
    phones: Option<Vec<WirePhone>>,
    applications: Option<Vec<WireApplication>>,
}

#[derive(Deserialize)]
struct WireEmail {
    email: Option<String>,
}

/// `phones[]: {number, extension, type}` [doc: D-cand-obj].
#[derive(Deserialize)]
struct WirePhone {
    number: Option<String>,
}

#[derive(Deserialize)]
struct WireApplication {
    id: Option<String>,
    job: Option<WireJob>,
}

#[derive(Deserialize)]
struct WireJob {
    name: Option<String>,
    title: Option<String>,
}

impl WireCandidate {
    /// Every e-mail address, in order.
    fn emails(&self) -> Vec<String> {
        self.emails
            .iter()
            .flatten()
            .filter_map(|e| e.email.clone())
            .filter(|e| !e.trim().is_empty())
            .collect()
    }
}

impl From<WireCandidate> for Candidate {
    fn from(wire: WireCandidate) -> Self {
        let name = wire.name.filter(|n| !n.trim().is_empty()).map_or_else(
            || {
                [wire.first_name, wire.last_name]
                    .into_iter()
                    .flatten()
                    .map(|s| s.trim().to_owned())
                    .filter(|s| !s.is_empty())
                    .collect::<Vec<_>>()
                    .join(" ")
            },
            |n| n.trim().to_owned(),
        );
        let email = wire
            .emails
            .unwrap_or_default()
            .into_iter()
            .find_map(|e| e.email.filter(|e| !e.trim().is_empty()));
        // The first `phones[].number` (no primary flag) [doc: D-cand-obj].
        let phone = super::primary_phone(
            wire.phones
                .unwrap_or_default()
                .into_iter()
                .map(|p| (p.number, false)),
        );
        let applications = wire
            .applications
            .unwrap_or_default()
            .into_iter()
            .filter_map(|a| {
                Some(Application {
                    id: a.id.filter(|i| !i.is_empty())?,
                    job_name: a.job.and_then(|j| j.name.or(j.title)),
                })
            })
            .collect();
        Self {
            id: wire.id,
            name,
            email,
            phone,
            remote_id: None,
            applications,
        }
    }
}

#[derive(Deserialize)]
struct WireAttachment {
    id: String,
    file_name: Option<String>,
    attachment_type: Option<String>,
    created_at: Option<String>,
}

impl From<WireAttachment> for RemoteAttachment {
    fn from(wire: WireAttachment) -> Self {
        Self {
            name: wire
                .file_name
                .filter(|n| !n.trim().is_empty())
                .unwrap_or_else(|| wire.id.clone()),
            id: wire.id,
            attachment_type: wire.attachment_type,
            size: None,
            created_at: wire.created_at,
            content_type: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursors_round_trip() {
        assert_eq!(Position::parse(None), Position::default());
        let truto = Position::parse(Some("eyJpZCI6IjEifQ=="));
        assert_eq!(truto.cursor.as_deref(), Some("eyJpZCI6IjEifQ=="));
        assert_eq!(truto.encode(), "eyJpZCI6IjEifQ==");
        let skip = Position {
            cursor: Some("abc:def".into()),
            skip: 7,
        };
        assert_eq!(Position::parse(Some(&skip.encode())), skip);
        let first = Position {
            cursor: None,
            skip: 3,
        };
        assert_eq!(Position::parse(Some(&first.encode())), first);
    }

    #[test]
    fn errors_surface_insights_and_remote_auth() {
        let info = parse_error(
            br#"{"statusCode":400,"error":"Bad Request","message":"Validation failed",
                "truto_error_insight":{"missing_required_query_parameters":
                {"description":"d","value":["integrated_account_id"]}}}"#,
        );
        assert_eq!(
            info.message.as_deref(),
            Some("Validation failed (missing query parameters: integrated_account_id)")
        );
        let info = parse_error(
            br#"{"statusCode":401,"error":"Unauthorized","message":"Invalid token",
                "truto_is_remote_error":true}"#,
        );
        assert!(info.message.unwrap().contains("re-authorise"));
        let info = parse_error(br#"{"statusCode":401,"error":"Unauthorized","message":"Bad"}"#);
        assert_eq!(info.message.as_deref(), Some("Bad"));
        assert_eq!(parse_error(b"<html>"), ErrorInfo::default());
    }

    #[test]
    fn blocked_is_not_transient() {
        let e = refine(ProviderError::Server {
            system: SYSTEM,
            status: 503,
            message: Some("Account blocked".into()),
        });
        assert!(!e.is_transient());
        assert!(e.to_string().contains("blocked"), "{e}");
    }
}
