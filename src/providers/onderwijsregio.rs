//! Onderwijsregio API v2, the "Mutation Engine" (`../shared/providers/onderwijsregio.md`):
//! `x-api-key`, the `{statusCode, message, data, meta}` envelope, cursor-paged candidates,
//! `find` by e-mail or phone, attachments read from the candidate record, and asynchronous
//! attachment mutations (`202` + `idempotencyKey`) with files sent as `data:` URIs in JSON.
//!
//! Reads share Airtable's limit of 5 requests per second with every other integration, and may
//! fail with 429 or 500 when it is exceeded; the docs tell integrators to back off and retry, so
//! GETs are paced to 5 per second per client and retried here (at most [`GET_ATTEMPTS`]
//! attempts). Uploads and deletes are never retried here: the upload engine decides, with the
//! file's idempotency key.

use std::collections::VecDeque;
use std::sync::Mutex;
use std::time::Duration;

use async_trait::async_trait;
use reqwest::Method;
use serde::Deserialize;
use serde::de::DeserializeOwned;
use serde_json::Value;
use tokio::time::Instant;

use super::body::{BodyPlan, FileEncoding};
use super::http::{Answer, ErrorInfo, Http};
use super::{
    AtsClient, CandidatePage, Connection, ProgressFn, ProviderError, UploadFile, UploadOutcome,
    UploadTarget,
};
use crate::model::profiles::onderwijsregio::{
    API_KEY_HEADER, DELETE_IDS_FIELD, IDEMPOTENCY_QUERY, MAX_PAGE_SIZE, PROFILE,
};
use crate::model::{Candidate, ProviderId, RemoteAttachment, Secret, human_bytes};

const SYSTEM: ProviderId = ProviderId::Onderwijsregio;

/// Most attempts for one GET (the first and two retries) on 429, 5xx or a network failure.
const GET_ATTEMPTS: u32 = 3;
/// A `Retry-After` longer than this is not waited out inside a call: the error goes back to the
/// caller, who can show it or schedule a retry.
const MAX_RETRY_WAIT: Duration = Duration::from_secs(5);
/// Backoff before retrying a GET that announced no delay; doubled per attempt.
const BACKOFF: Duration = Duration::from_millis(250);
/// The free-text fallback pages through `GET /candidates` and filters by name locally (the API
/// has no name search); one call examines at most this many records, then returns a cursor to
/// continue the scan.
const NAME_SCAN_CAP: usize = 1_000;
/// Cursors of the name scan start with this, so they are not mistaken for the API's own.
const SCAN_CURSOR_PREFIX: &str = "scan:";

/// Client for Onderwijsregio.
#[derive(Debug)]
pub struct OnderwijsregioClient {
    http: Http,
    key: Secret,
    pacer: Pacer,
}

impl OnderwijsregioClient {
    /// A client for the connection (already checked complete).
    pub fn new(connection: &Connection) -> Result<Self, ProviderError> {
        let key = connection.secret.clone();
        let limit = PROFILE.rate_limit.value;
        Ok(Self {
            http: Http::new(SYSTEM, &connection.base_url, connection.timeouts)?,
            key,
            pacer: Pacer::new(limit.requests.map_or(5, |n| n as usize), limit.per),
        })
    }

    fn request(&self, method: Method, path: &str) -> reqwest::RequestBuilder {
        self.http
            .request(method, path)
            .header(API_KEY_HEADER, self.key.expose())
    }

    /// A GET answered with JSON, paced and retried on 429 / 5xx / network failures.
    async fn get_json<T: DeserializeOwned>(
        &self,
        path: &str,
        query: &[(&str, String)],
    ) -> Result<T, ProviderError> {
        let mut attempt = 1;
        loop {
            self.pacer.wait_turn().await;
            let request = self.request(Method::GET, path).query(query);
            match self.http.send(request, parse_error).await {
                Ok(response) => return self.http.json(response, Answer::Page).await,
                Err(error) => {
                    let Some(wait) = retry_wait(&error, attempt) else {
                        return Err(error);
                    };
                    tracing::debug!("Onderwijsregio GET {path} attempt {attempt} failed: {error}");
                    attempt += 1;
                    tokio::time::sleep(wait).await;
                }
            }
        }
    }

    async fn list_page(
        &self,
        cursor: Option<&str>,
        size: usize,
    ) -> Result<Envelope<Vec<WireCandidate>>, ProviderError> {
        let mut query = vec![("pageSize", size.clamp(1, MAX_PAGE_SIZE).to_string())];
        if let Some(cursor) = cursor {
            query.push(("cursor", cursor.to_owned()));
        }
        self.get_json("/candidates", &query).await
    }

    async fn record(&self, id: &str) -> Result<WireCandidate, ProviderError> {
        let path = format!("/candidates/{}", self.http.segment(id)?);
        let envelope: Envelope<WireCandidate> = self
            .get_json(&path, &[])
            .await
            .map_err(|e| not_found_as(e, &format!("candidate {id}")))?;
        envelope.data.ok_or_else(|| ProviderError::InvalidResponse {
            system: SYSTEM,
            detail: "the candidate record has no data".to_owned(),
        })
    }

    /// Lists from `cursor`, page after page, until `limit` candidates.
    async fn list(
        &self,
        cursor: Option<&str>,
        limit: usize,
    ) -> Result<CandidatePage, ProviderError> {
        let mut page = CandidatePage::default();
        let mut cursor = cursor.map(str::to_owned);
        while page.candidates.len() < limit {
            let want = (limit - page.candidates.len()).min(MAX_PAGE_SIZE);
            let response = self.list_page(cursor.as_deref(), want).await?;
            let records = response.data.unwrap_or_default();
            let got = records.len();
            cursor = response.meta.cursor.filter(|c| !c.is_empty());
            page.candidates
                .extend(records.into_iter().map(Candidate::from));
            if cursor.is_none() || got == 0 {
                cursor = None;
                break;
            }
        }
        page.next = cursor;
        Ok(page)
    }

    /// `GET /candidates/find?email=` or `?phone=`: exact matches, no pagination.
    async fn find(
        &self,
        by: &'static str,
        value: &str,
        limit: usize,
    ) -> Result<CandidatePage, ProviderError> {
        let response: Envelope<Vec<WireCandidate>> = self
            .get_json("/candidates/find", &[(by, value.to_owned())])
            .await?;
        Ok(CandidatePage {
            candidates: response
                .data
                .unwrap_or_default()
                .into_iter()
                .take(limit)
                .map(Candidate::from)
                .collect(),
            next: None,
        })
    }

    /// Pages through `GET /candidates` keeping records whose name holds every word of `text`
    /// (ignoring case and common accents). Examines at most [`NAME_SCAN_CAP`] records per call;
    /// `next` continues the scan where it stopped, even in the middle of a page.
    async fn scan_names(
        &self,
        text: &str,
        cursor: Option<&str>,
        limit: usize,
    ) -> Result<CandidatePage, ProviderError> {
        let needles: Vec<String> = text.split_whitespace().map(fold).collect();
        let start = cursor.map(ScanCursor::parse).unwrap_or_default();
        let mut api_cursor = start.api;
        let mut skip = start.skip;
        let mut scanned = 0;
        let mut page = CandidatePage::default();
        loop {
            let response = self.list_page(api_cursor.as_deref(), MAX_PAGE_SIZE).await?;
            let records = response.data.unwrap_or_default();
            let count = records.len();
            let next_api = response.meta.cursor.filter(|c| !c.is_empty());
            for (index, record) in records.into_iter().enumerate().skip(skip) {
                scanned += 1;
                let candidate = Candidate::from(record);
                let name = fold(&candidate.name);
                if needles.iter().all(|n| name.contains(n.as_str())) {
                    page.candidates.push(candidate);
                }
                if page.candidates.len() >= limit || scanned >= NAME_SCAN_CAP {
                    page.next = if index + 1 < count {
                        Some(
                            ScanCursor {
                                api: api_cursor,
                                skip: index + 1,
                            }
                            .to_string(),
                        )
                    } else {
                        next_api.map(|api| {
                            ScanCursor {
                                api: Some(api),
                                skip: 0,
                            }
                            .to_string()
                        })
                    };
                    return Ok(page);
                }
            }
            match next_api {
                Some(next) if count > 0 => {
                    api_cursor = Some(next);
                    skip = 0;
                }
                _ => return Ok(page),
            }
        }
    }

    /// One add request with every file, streamed as data URIs in its field.
    async fn upload_request(
        &self,
        target: &UploadTarget,
        files: &[UploadFile],
        cv: &[usize],
        other: &[usize],
        progress: &ProgressFn,
    ) -> Result<String, ProviderError> {
        let mut plan = BodyPlan::new();
        plan.push_bytes("{");
        let mut first_field = true;
        for (field, indices) in [("curriculumVitae", cv), ("otherAttachments", other)] {
            if indices.is_empty() {
                continue;
            }
            if !first_field {
                plan.push_bytes(",");
            }
            first_field = false;
            plan.push_bytes(format!("{}:[", json_string(field)));
            for (n, &i) in indices.iter().enumerate() {
                let file = &files[i];
                let prefix = json_string(&format!("data:{};base64,", file.content_type.trim()));
                // The closing quote comes after the file's bytes.
                let open = prefix.strip_suffix('"').unwrap_or(&prefix);
                plan.push_bytes(format!(
                    "{}{{\"filename\":{},\"data\":{open}",
                    if n == 0 { "" } else { "," },
                    json_string(&file.name),
                ));
                plan.push_upload(file, FileEncoding::Base64, i);
                plan.push_bytes("\"}");
            }
            plan.push_bytes("]");
        }
        plan.push_bytes("}");
        // One key per request: the first file's (a ride's leader, see `upload::ride`).
        let key = files.first().map(|f| f.key.clone()).unwrap_or_default();
        let path = format!(
            "/candidates/{}/attachments",
            self.http.segment(&target.candidate_id)?
        );
        let request = self
            .request(Method::POST, &path)
            .query(&[(IDEMPOTENCY_QUERY, key.as_str())]);
        let response = self
            .http
            .send_streaming(
                request,
                "application/json",
                plan,
                progress.clone(),
                parse_error,
            )
            .await
            .map_err(|e| not_found_as(e, &format!("candidate {}", target.candidate_id)))?;
        let envelope: Envelope<AcceptedData> = self.http.json(response, Answer::Small).await?;
        let data = envelope.data.unwrap_or_default();
        if let Some(status) = data.status.as_deref()
            && !status.eq_ignore_ascii_case("accepted")
        {
            return Err(ProviderError::InvalidResponse {
                system: SYSTEM,
                detail: format!("the mutation status is \u{201c}{status}\u{201d}, not accepted"),
            });
        }
        // The answer always carries the key [seed]; should it not, the one sent stands.
        Ok(data
            .idempotency_key
            .filter(|k| !k.is_empty())
            .unwrap_or(key))
    }
}

#[async_trait]
impl AtsClient for OnderwijsregioClient {
    fn provider(&self) -> ProviderId {
        SYSTEM
    }

    async fn check_connection(&self) -> Result<String, ProviderError> {
        let response = self.list_page(None, 1).await?;
        Ok(if response.meta.sandbox_enabled {
            "Connected to Onderwijsregio (sandbox).".to_owned()
        } else {
            "Connected to Onderwijsregio.".to_owned()
        })
    }

    /// Blank text lists; text with `@` is looked up by e-mail and digits (with `+`, spaces,
    /// dashes, brackets) by phone through `GET /candidates/find`; an Airtable record id
    /// (`rec…`) is fetched directly; any other text falls back to scanning the list by name
    /// (see [`NAME_SCAN_CAP`]).
    async fn find_candidates(
        &self,
        query: &str,
        cursor: Option<&str>,
        limit: usize,
    ) -> Result<CandidatePage, ProviderError> {
        let query = query.trim();
        if limit == 0 {
            return Ok(CandidatePage {
                candidates: Vec::new(),
                next: cursor.map(str::to_owned),
            });
        }
        if query.is_empty() {
            return self.list(cursor, limit).await;
        }
        if query.contains('@') {
            return self.find("email", query, limit).await;
        }
        if looks_like_phone(query) {
            return self.find("phone", query, limit).await;
        }
        if looks_like_record_id(query) {
            return match self.record(query).await {
                Ok(record) => Ok(CandidatePage {
                    candidates: vec![record.into()],
                    next: None,
                }),
                Err(ProviderError::NotFound { .. }) => Ok(CandidatePage::default()),
                Err(e) => Err(e),
            };
        }
        self.scan_names(query, cursor, limit).await
    }

    async fn get_candidate(&self, id: &str) -> Result<Candidate, ProviderError> {
        Ok(self.record(id).await?.into())
    }

    /// The files in the record's `curriculumVitae` and `otherAttachments` fields; the field is
    /// the attachment type. Uploads appear only once the Mutation Engine has applied them.
    async fn list_attachments(
        &self,
        candidate_id: &str,
    ) -> Result<Vec<RemoteAttachment>, ProviderError> {
        let record = self.record(candidate_id).await?;
        let fields = [
            ("curriculumVitae", record.curriculum_vitae),
            ("otherAttachments", record.other_attachments),
        ];
        Ok(fields
            .into_iter()
            .flat_map(|(field, items)| {
                items
                    .unwrap_or_default()
                    .into_iter()
                    .map(move |a| a.into_remote(field))
            })
            .collect())
    }

    /// `DELETE /candidates/{id}/attachments`: accepted (202) and applied later, so the files
    /// disappear from the record shortly after this returns. No ids is a no-op.
    async fn delete_attachments(
        &self,
        candidate_id: &str,
        attachment_ids: &[String],
    ) -> Result<(), ProviderError> {
        if attachment_ids.is_empty() {
            return Ok(());
        }
        let path = format!(
            "/candidates/{}/attachments",
            self.http.segment(candidate_id)?
        );
        let body = serde_json::json!({ DELETE_IDS_FIELD: attachment_ids });
        self.http
            .send(self.request(Method::DELETE, &path).json(&body), parse_error)
            .await
            .map_err(|e| {
                not_found_as(
                    e,
                    &format!("candidate {candidate_id} or one of those attachments"),
                )
            })?;
        Ok(())
    }

    /// Sends every file in one request as `data:` URIs grouped by field (their attachment
    /// type), with the idempotency key of the first file — the key names the request, so the
    /// engine sends a request whose answer was lost again only with the same files (a sealed
    /// ride, see `upload::ride`).
    /// A batch is at most one request's worth — five files per field — as validation checks
    /// before uploading; more are sent as they are and the system's refusal comes back as
    /// [`ProviderError::Rejected`]. Every file gets [`UploadOutcome::Accepted`]; it appears on
    /// the record once the Mutation Engine has applied it. Files over the 5 MB data-URI limit
    /// and unknown types are refused before anything is sent.
    async fn upload(
        &self,
        target: &UploadTarget,
        files: &[UploadFile],
        progress: ProgressFn,
    ) -> Result<Vec<UploadOutcome>, ProviderError> {
        let max = PROFILE.max_file_bytes.value;
        let mut cv = Vec::new();
        let mut other = Vec::new();
        for (i, file) in files.iter().enumerate() {
            let Some(kind) = PROFILE.attachment_type(&file.attachment_type) else {
                return Err(ProviderError::Unsupported {
                    system: SYSTEM,
                    what: format!(
                        "The attachment type \u{201c}{}\u{201d}",
                        file.attachment_type
                    ),
                });
            };
            if file.size > max {
                return Err(ProviderError::TooLarge {
                    system: SYSTEM,
                    message: Some(format!(
                        "{} is larger than the {} a file uploaded directly may have",
                        file.name,
                        human_bytes(max)
                    )),
                });
            }
            if kind.field == "curriculumVitae" {
                cv.push(i);
            } else {
                other.push(i);
            }
        }
        if files.is_empty() {
            return Ok(Vec::new());
        }
        let key = self
            .upload_request(target, files, &cv, &other, &progress)
            .await?;
        Ok(files
            .iter()
            .map(|_| UploadOutcome::Accepted {
                idempotency_key: key.clone(),
            })
            .collect())
    }
}

/// How long to wait before another attempt of a GET, or `None` to give up.
fn retry_wait(error: &ProviderError, attempt: u32) -> Option<Duration> {
    if attempt >= GET_ATTEMPTS {
        return None;
    }
    let backoff = BACKOFF * 2u32.pow(attempt - 1);
    match error {
        ProviderError::RateLimited {
            retry_after: Some(after),
            ..
        } => (*after <= MAX_RETRY_WAIT).then_some(*after),
        ProviderError::RateLimited {
            retry_after: None, ..
        }
        | ProviderError::Network { .. }
        | ProviderError::Server {
            status: 500 | 502 | 503 | 504,
            ..
        } => Some(backoff),
        _ => None,
    }
}

/// Spaces GETs so one client sends at most `limit` per `per` (the API's shared 5 / s).
#[derive(Debug)]
struct Pacer {
    limit: usize,
    per: Duration,
    sent: Mutex<VecDeque<Instant>>,
}

impl Pacer {
    fn new(limit: usize, per: Duration) -> Self {
        Self {
            limit: limit.max(1),
            per,
            sent: Mutex::new(VecDeque::new()),
        }
    }

    async fn wait_turn(&self) {
        loop {
            let wait = {
                let Ok(mut sent) = self.sent.lock() else {
                    return;
                };
                let now = Instant::now();
                while sent
                    .front()
                    .is_some_and(|t| now.duration_since(*t) >= self.per)
                {
                    sent.pop_front();
                }
                if sent.len() < self.limit {
                    sent.push_back(now);
                    return;
                }
                sent.front().map_or(Duration::ZERO, |t| {
                    self.per.saturating_sub(now.duration_since(*t))
                })
            };
            tokio::time::sleep(wait).await;
        }
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

/// A JSON string literal, escaped.
fn json_string(s: &str) -> String {
    Value::String(s.to_owned()).to_string()
}

/// Digits with `+`, spaces, dashes, dots or brackets: a phone number.
fn looks_like_phone(text: &str) -> bool {
    text.chars().any(|c| c.is_ascii_digit())
        && text
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '+' | ' ' | '-' | '(' | ')' | '.'))
}

/// An Airtable record id: `rec` and 14 letters or digits.
fn looks_like_record_id(text: &str) -> bool {
    text.len() == 17
        && text.starts_with("rec")
        && text[3..].bytes().all(|b| b.is_ascii_alphanumeric())
}

/// Lower case without the accents a recruiter may not type (`Zoë` → `zoe`, `Ødegaard` →
/// `odegaard`).
fn fold(text: &str) -> String {
    text.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => 'a',
            'ç' => 'c',
            'è' | 'é' | 'ê' | 'ë' => 'e',
            'ì' | 'í' | 'î' | 'ï' | 'ı' => 'i',
            'ñ' => 'n',
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' => 'o',
            'ù' | 'ú' | 'û' | 'ü' => 'u',
            'ý' | 'ÿ' => 'y',
            'ß' => 's',
            other => other,
        })
        .collect()
}

/// Where a name scan continues: the API cursor of the page (none = the first) and how many of
/// its records were already examined.
#[derive(Debug, Default, PartialEq, Eq)]
struct ScanCursor {
    api: Option<String>,
    skip: usize,
}

impl ScanCursor {
    /// Reads `scan:<skip>:<api cursor>`; anything else is taken as an API cursor.
    fn parse(raw: &str) -> Self {
        let parsed = raw
            .strip_prefix(SCAN_CURSOR_PREFIX)
            .and_then(|rest| rest.split_once(':'))
            .and_then(|(skip, api)| {
                Some(Self {
                    skip: skip.parse().ok()?,
                    api: Some(api.to_owned()).filter(|a| !a.is_empty()),
                })
            });
        parsed.unwrap_or_else(|| Self {
            api: Some(raw.to_owned()).filter(|a| !a.is_empty()),
            skip: 0,
        })
    }
}

impl std::fmt::Display for ScanCursor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{SCAN_CURSOR_PREFIX}{}:{}",
            self.skip,
            self.api.as_deref().unwrap_or("")
        )
    }
}

/// The error envelope `{statusCode, message, data: {errors: [{path, message}]}, meta}`
/// [assumption]; Airtable's own `{error: {type, message}}` is read too.
fn parse_error(body: &[u8]) -> ErrorInfo {
    #[derive(Deserialize)]
    struct Body {
        message: Option<Value>,
        data: Option<Value>,
        error: Option<Value>,
    }
    let Ok(body) = serde_json::from_slice::<Body>(body) else {
        return ErrorInfo::default();
    };
    let top = match body.message {
        Some(Value::String(s)) if !s.trim().is_empty() => Some(s.trim().to_owned()),
        Some(Value::Array(items)) => Some(
            items
                .iter()
                .filter_map(Value::as_str)
                .collect::<Vec<_>>()
                .join("; "),
        )
        .filter(|s| !s.is_empty()),
        _ => None,
    };
    let details: Vec<String> = body
        .data
        .as_ref()
        .and_then(|d| d.get("errors"))
        .and_then(Value::as_array)
        .map(|errors| {
            errors
                .iter()
                .filter_map(|e| {
                    let message = e.get("message")?.as_str()?.trim();
                    let path = e.get("path").and_then(Value::as_str).unwrap_or("").trim();
                    if message.is_empty() || (path.is_empty() && Some(message) == top.as_deref()) {
                        return None;
                    }
                    Some(if path.is_empty() {
                        message.to_owned()
                    } else {
                        format!("{path}: {message}")
                    })
                })
                .collect()
        })
        .unwrap_or_default();
    let airtable = body.error.as_ref().and_then(|e| match e {
        Value::String(s) => Some(s.clone()),
        Value::Object(o) => o.get("message").and_then(Value::as_str).map(str::to_owned),
        _ => None,
    });
    let message = match (top, details.is_empty()) {
        (Some(top), true) => Some(top),
        (Some(top), false) => Some(format!("{top}: {}", details.join("; "))),
        (None, false) => Some(details.join("; ")),
        (None, true) => airtable,
    };
    ErrorInfo {
        code: None,
        message,
    }
}

// ---- wire types (private) ----

#[derive(Deserialize)]
struct Envelope<T> {
    #[serde(default = "Option::default")]
    data: Option<T>,
    #[serde(default)]
    meta: Meta,
}

#[derive(Default, Deserialize)]
struct Meta {
    cursor: Option<String>,
    #[serde(rename = "sandboxEnabled", default)]
    sandbox_enabled: bool,
}

#[derive(Deserialize)]
struct WireCandidate {
    id: String,
    name: Option<String>,
    #[serde(rename = "firstName")]
    first_name: Option<String>,
    #[serde(rename = "lastName")]
    last_name: Option<String>,
    email: Option<String>,
    /// One number per record [assumption, `onderwijsregio.md` § 2].
    phone: Option<String>,
    #[serde(rename = "curriculumVitae")]
    curriculum_vitae: Option<Vec<WireAttachment>>,
    #[serde(rename = "otherAttachments")]
    other_attachments: Option<Vec<WireAttachment>>,
}

impl From<WireCandidate> for Candidate {
    fn from(wire: WireCandidate) -> Self {
        let name = wire
            .name
            .map(|n| n.trim().to_owned())
            .filter(|n| !n.is_empty())
            .unwrap_or_else(|| {
                [wire.first_name, wire.last_name]
                    .into_iter()
                    .flatten()
                    .map(|s| s.trim().to_owned())
                    .filter(|s| !s.is_empty())
                    .collect::<Vec<_>>()
                    .join(" ")
            });
        Self {
            id: wire.id,
            name,
            email: wire.email.filter(|e| !e.trim().is_empty()),
            // The record's single `phone` [assumption].
            phone: super::primary_phone([(wire.phone, false)]),
            remote_id: None,
            applications: Vec::new(),
        }
    }
}

/// An Airtable attachment object `{id, url, filename, size, type}` [assumption].
#[derive(Deserialize)]
struct WireAttachment {
    id: String,
    filename: Option<String>,
    size: Option<f64>,
    #[serde(rename = "type")]
    mime: Option<String>,
}

impl WireAttachment {
    fn into_remote(self, field: &str) -> RemoteAttachment {
        RemoteAttachment {
            name: self.filename.unwrap_or_else(|| self.id.clone()),
            id: self.id,
            attachment_type: Some(field.to_owned()),
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            size: self.size.filter(|s| *s >= 0.0).map(|s| s as u64),
            created_at: None,
            content_type: self.mime,
        }
    }
}

#[derive(Default, Deserialize)]
struct AcceptedData {
    status: Option<String>,
    #[serde(rename = "idempotencyKey")]
    idempotency_key: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_come_from_name_or_first_and_last() {
        let wire: WireCandidate = serde_json::from_value(serde_json::json!({
            "id": "rec00000000000001", "firstName": "Zoë", "lastName": "de Vries", "email": ""
        }))
        .unwrap();
        let c = Candidate::from(wire);
        assert_eq!(c.name, "Zoë de Vries");
        assert_eq!(c.email, None);
        let wire: WireCandidate = serde_json::from_value(serde_json::json!({
            "id": "rec00000000000002", "name": " Jan Smit ", "firstName": "X"
        }))
        .unwrap();
        assert_eq!(Candidate::from(wire).name, "Jan Smit");
    }

    #[test]
    fn errors_read_the_envelope() {
        let body = br#"{"statusCode":400,"message":"Validation failed","data":{"errors":[{"path":"curriculumVitae","message":"Maximum of 5 attachments per field"}]},"meta":{"sandboxEnabled":false}}"#;
        assert_eq!(
            parse_error(body).message.as_deref(),
            Some("Validation failed: curriculumVitae: Maximum of 5 attachments per field")
        );
        let body = br#"{"statusCode":401,"message":"Invalid API key","data":{"errors":[{"path":"","message":"Invalid API key"}]}}"#;
        assert_eq!(
            parse_error(body).message.as_deref(),
            Some("Invalid API key")
        );
        let body = br#"{"error":{"type":"NOT_FOUND","message":"Could not find record"}}"#;
        assert_eq!(
            parse_error(body).message.as_deref(),
            Some("Could not find record")
        );
        assert_eq!(parse_error(b"<html>").message, None);
    }

    #[test]
    fn queries_are_told_apart() {
        assert!(looks_like_phone("+31 6 1234-5678"));
        assert!(!looks_like_phone("Jan 2"));
        assert!(!looks_like_phone("+ -"));
        assert!(looks_like_record_id("recAbC123xyz45678"));
        assert!(!looks_like_record_id("recording"));
        assert_eq!(fold("Ødegaard Zoë MÜLLER"), "odegaard zoe muller");
    }

    #[test]
    fn scan_cursors_round_trip() {
        let c = ScanCursor {
            api: Some("abc:def".into()),
            skip: 42,
        };
        assert_eq!(ScanCursor::parse(&c.to_string()), c);
        let first = ScanCursor { api: None, skip: 7 };
        assert_eq!(ScanCursor::parse(&first.to_string()), first);
        assert_eq!(
            ScanCursor::parse("opaque"),
            ScanCursor {
                api: Some("opaque".into()),
                skip: 0
            }
        );
    }

    #[test]
    fn retries_are_bounded() {
        let limited = |s| ProviderError::RateLimited {
            system: SYSTEM,
            retry_after: Some(Duration::from_secs(s)),
        };
        assert_eq!(retry_wait(&limited(1), 1), Some(Duration::from_secs(1)));
        assert_eq!(retry_wait(&limited(1), GET_ATTEMPTS), None);
        assert_eq!(retry_wait(&limited(60), 1), None);
        let server = ProviderError::Server {
            system: SYSTEM,
            status: 500,
            message: None,
        };
        assert_eq!(retry_wait(&server, 2), Some(BACKOFF * 2));
        let missing = ProviderError::NotFound {
            system: SYSTEM,
            what: "x".into(),
            message: None,
        };
        assert_eq!(retry_wait(&missing, 1), None);
    }
}
