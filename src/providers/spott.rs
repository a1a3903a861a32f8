//! Spott (`../shared/providers/spott.md`): `x-api-key`, cursor-paged candidate list, text search,
//! and the two-step upload (temporary multipart upload, then assign).

use async_trait::async_trait;
use reqwest::Method;
use serde::{Deserialize, Serialize};

use super::http::{Answer, ErrorInfo, Http};
use super::multipart::MultipartBuilder;
use super::{
    AtsClient, CandidatePage, Connection, ProgressFn, ProviderError, UploadFile, UploadOutcome,
    UploadTarget,
};
use crate::model::{Candidate, ProviderId, RemoteAttachment, Secret};

const SYSTEM: ProviderId = ProviderId::Spott;
/// `GET /candidates` takes `limit` 1..50 [doc].
const LIST_PAGE_MAX: usize = 50;
/// `_search` and `GET /attachments` `pageSize` 1..100 [assumption for search].
const SEARCH_PAGE_MAX: usize = 100;
/// Files are uploaded as `unassigned` and typed in the assign call [assumption, spott.md §3.3].
const UPLOAD_TYPE: &str = "unassigned";

/// Client for Spott.
#[derive(Debug)]
pub struct SpottClient {
    http: Http,
    key: Secret,
}

impl SpottClient {
    /// A client for the connection (already checked complete).
    pub fn new(connection: &Connection) -> Result<Self, ProviderError> {
        let key = connection.secret.clone();
        Ok(Self {
            http: Http::new(SYSTEM, &connection.base_url, connection.timeouts)?,
            key,
        })
    }

    fn request(&self, method: Method, path: &str) -> reqwest::RequestBuilder {
        self.http
            .request(method, path)
            .header("x-api-key", self.key.expose())
    }

    async fn list_page(
        &self,
        cursor: Option<&str>,
        limit: usize,
    ) -> Result<ListResponse, ProviderError> {
        let mut request = self
            .request(Method::GET, "/candidates")
            .query(&[("limit", limit.to_string())]);
        if let Some(cursor) = cursor {
            request = request.query(&[("cursor", cursor)]);
        }
        let response = self.http.send(request, parse_error).await?;
        self.http.json(response, Answer::Page).await
    }

    async fn search_page(
        &self,
        text: &str,
        page: u32,
        size: usize,
    ) -> Result<SearchResponse, ProviderError> {
        let body = SearchRequest {
            filters: vec![TextFilter {
                kind: "text",
                value: text,
            }],
            page,
            page_size: size,
        };
        let response = self
            .http
            .send(
                self.request(Method::POST, "/candidates/_search")
                    .json(&body),
                parse_error,
            )
            .await?;
        self.http.json(response, Answer::Page).await
    }

    async fn upload_chunk(
        &self,
        files: &[UploadFile],
        first_index: usize,
        progress: &ProgressFn,
    ) -> Result<Vec<TemporaryAttachment>, ProviderError> {
        let mut form = MultipartBuilder::new();
        for (i, file) in files.iter().enumerate() {
            form.upload_file("files", file, first_index + i);
        }
        let (content_type, plan) = form.finish();
        let request = self
            .request(Method::POST, "/attachments/temporary")
            .query(&[("type", UPLOAD_TYPE)]);
        let response = self
            .http
            .send_streaming(request, &content_type, plan, progress.clone(), parse_error)
            .await?;
        let uploaded: Vec<TemporaryAttachment> = self.http.json(response, Answer::Small).await?;
        if uploaded.len() != files.len() {
            return Err(ProviderError::InvalidResponse {
                system: SYSTEM,
                detail: format!(
                    "{} files sent, {} acknowledged",
                    files.len(),
                    uploaded.len()
                ),
            });
        }
        Ok(uploaded)
    }
}

#[async_trait]
impl AtsClient for SpottClient {
    fn provider(&self) -> ProviderId {
        SYSTEM
    }

    async fn check_connection(&self) -> Result<String, ProviderError> {
        self.list_page(None, 1).await?;
        Ok("Connected to Spott.".to_owned())
    }

    async fn find_candidates(
        &self,
        query: &str,
        cursor: Option<&str>,
        limit: usize,
    ) -> Result<CandidatePage, ProviderError> {
        let query = query.trim();
        let mut page = CandidatePage::default();
        if query.is_empty() {
            let mut cursor = cursor.map(str::to_owned);
            while page.candidates.len() < limit {
                let want = (limit - page.candidates.len()).min(LIST_PAGE_MAX);
                let response = self.list_page(cursor.as_deref(), want).await?;
                let got = response.items.len();
                cursor = response.next_cursor();
                page.candidates
                    .extend(response.items.into_iter().map(Candidate::from));
                if cursor.is_none() || got == 0 {
                    cursor = None;
                    break;
                }
            }
            page.next = cursor;
            return Ok(page);
        }
        // Search pages are numbered; the cursor carries page and page size so pages line up.
        let (mut number, size) = match cursor.and_then(SearchCursor::parse) {
            Some(c) => (c.page, c.size),
            None => (0, limit.clamp(1, SEARCH_PAGE_MAX)),
        };
        loop {
            let response = self.search_page(query, number, size).await?;
            let got = response.items.len();
            page.candidates
                .extend(response.items.into_iter().map(Candidate::from));
            let more = response.pagination.is_some_and(|p| p.has_next_page) && got > 0;
            number += 1;
            if !more {
                page.next = None;
                break;
            }
            page.next = Some(SearchCursor { page: number, size }.to_string());
            if page.candidates.len() >= limit {
                break;
            }
        }
        Ok(page)
    }

    async fn get_candidate(&self, id: &str) -> Result<Candidate, ProviderError> {
        let path = format!("/candidates/{}", self.http.segment(id)?);
        let response = self
            .http
            .send(self.request(Method::GET, &path), parse_error)
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
        for page in 0u32.. {
            let request = self.request(Method::GET, "/attachments").query(&[
                ("candidateId", candidate_id.to_owned()),
                ("page", page.to_string()),
                ("pageSize", SEARCH_PAGE_MAX.to_string()),
            ]);
            let response = self.http.send(request, parse_error).await?;
            let list: AttachmentList = self.http.json(response, Answer::Page).await?;
            let got = list.items.len();
            all.extend(list.items.into_iter().map(RemoteAttachment::from));
            if !list.pagination.is_some_and(|p| p.has_next_page) || got == 0 || page >= 10_000 {
                break;
            }
        }
        Ok(all)
    }

    async fn upload(
        &self,
        target: &UploadTarget,
        files: &[UploadFile],
        progress: ProgressFn,
    ) -> Result<Vec<UploadOutcome>, ProviderError> {
        let per_request = SYSTEM.profile().max_files_per_request.value as usize;
        let mut outcomes = Vec::with_capacity(files.len());
        for (chunk_index, chunk) in files.chunks(per_request).enumerate() {
            let first = chunk_index * per_request;
            let uploaded = self.upload_chunk(chunk, first, &progress).await?;
            // Assign straight away: unassigned temporaries are short-lived [assumption].
            let assign = AssignRequest {
                attachments: uploaded
                    .iter()
                    .zip(chunk)
                    .map(|(temp, file)| AssignItem {
                        id: &temp.attachment_id,
                        kind: &file.attachment_type,
                        name: &file.name,
                    })
                    .collect(),
                candidate_id: &target.candidate_id,
            };
            self.http
                .send(
                    self.request(Method::POST, "/attachments/temporary/assign")
                        .json(&assign),
                    parse_error,
                )
                .await
                .map_err(|e| not_found_as(e, &format!("candidate {}", target.candidate_id)))?;
            outcomes.extend(uploaded.into_iter().map(|t| UploadOutcome::Stored {
                attachment_id: Some(t.attachment_id),
            }));
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

/// Spott's error body is not documented; `NestJS` style `{statusCode, message, error}` assumed,
/// `message` a string or a list of strings.
fn parse_error(body: &[u8]) -> ErrorInfo {
    #[derive(Deserialize)]
    struct Envelope {
        message: Option<serde_json::Value>,
        error: Option<String>,
    }
    let Ok(envelope) = serde_json::from_slice::<Envelope>(body) else {
        return ErrorInfo::default();
    };
    let message = match envelope.message {
        Some(serde_json::Value::String(s)) => Some(s),
        Some(serde_json::Value::Array(items)) => Some(
            items
                .iter()
                .filter_map(serde_json::Value::as_str)
                .collect::<Vec<_>>()
                .join("; "),
        ),
        _ => None,
    };
    ErrorInfo {
        code: envelope.error,
        message,
    }
}

#[derive(Clone, Copy)]
struct SearchCursor {
    page: u32,
    size: usize,
}

impl SearchCursor {
    fn parse(raw: &str) -> Option<Self> {
        let (page, size) = raw.strip_prefix("page:")?.split_once(":size:")?;
        Some(Self {
            page: page.parse().ok()?,
            size: size.parse::<usize>().ok()?.clamp(1, SEARCH_PAGE_MAX),
        })
    }
}

impl std::fmt::Display for SearchCursor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "page:{}:size:{}", self.page, self.size)
    }
}

// ---- wire types (private) ----

#[derive(Serialize)]
struct SearchRequest<'a> {
    filters: Vec<TextFilter<'a>>,
    page: u32,
    #[serde(rename = "pageSize")]
    page_size: usize,
}

#[derive(Serialize)]
struct TextFilter<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    value: &'a str,
}

#[derive(Deserialize)]
struct ListResponse {
    #[serde(default)]
    items: Vec<WireCandidate>,
    #[serde(rename = "nextCursor")]
    next_cursor: Option<String>,
    pagination: Option<CursorPagination>,
}

impl ListResponse {
    /// `nextCursor`, else `pagination.cursor` / `pagination.nextCursor`; none when `hasMore`
    /// is false (spott.md §2.2 [assumption]).
    fn next_cursor(&self) -> Option<String> {
        if self.pagination.as_ref().and_then(|p| p.has_more) == Some(false) {
            return None;
        }
        self.next_cursor
            .clone()
            .or_else(|| {
                self.pagination
                    .as_ref()
                    .and_then(|p| p.cursor.clone().or_else(|| p.next_cursor.clone()))
            })
            .filter(|c| !c.is_empty())
    }
}

#[derive(Deserialize)]
struct CursorPagination {
    cursor: Option<String>,
    #[serde(rename = "nextCursor")]
    next_cursor: Option<String>,
    #[serde(rename = "hasMore")]
    has_more: Option<bool>,
}

#[derive(Deserialize)]
struct SearchResponse {
    #[serde(default)]
    items: Vec<WireCandidate>,
    pagination: Option<PagePagination>,
}

#[derive(Deserialize)]
struct PagePagination {
    #[serde(rename = "hasNextPage", default)]
    has_next_page: bool,
}

#[derive(Deserialize)]
struct WireCandidate {
    id: String,
    name: Option<WireName>,
    emails: Option<WireEmails>,
    #[serde(rename = "phoneNumbers")]
    phone_numbers: Option<WirePhones>,
}

#[derive(Deserialize)]
struct WireName {
    #[serde(rename = "firstName")]
    first_name: Option<String>,
    #[serde(rename = "lastName")]
    last_name: Option<String>,
}

#[derive(Deserialize)]
struct WireEmails {
    #[serde(default)]
    emails: Vec<WireEmail>,
}

#[derive(Deserialize)]
struct WireEmail {
    email: Option<String>,
    #[serde(rename = "isPrimary", default)]
    is_primary: bool,
}

/// `phoneNumbers: {phoneNumbers: [{purpose, phoneNumber, isPrimary}]}` [doc: D-candget].
#[derive(Deserialize)]
struct WirePhones {
    #[serde(rename = "phoneNumbers")]
    phone_numbers: Option<Vec<WirePhone>>,
}

#[derive(Deserialize)]
struct WirePhone {
    #[serde(rename = "phoneNumber")]
    phone_number: Option<String>,
    #[serde(rename = "isPrimary")]
    is_primary: Option<bool>,
}

impl From<WireCandidate> for Candidate {
    fn from(wire: WireCandidate) -> Self {
        let name = wire
            .name
            .map(|n| {
                [n.first_name, n.last_name]
                    .into_iter()
                    .flatten()
                    .filter(|s| !s.trim().is_empty())
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .unwrap_or_default();
        let emails = wire.emails.map(|e| e.emails).unwrap_or_default();
        let email = emails
            .iter()
            .find(|e| e.is_primary)
            .or_else(|| emails.first())
            .and_then(|e| e.email.clone());
        // The `isPrimary` entry of `phoneNumbers.phoneNumbers[].phoneNumber`, else the first.
        let phone = super::primary_phone(
            wire.phone_numbers
                .and_then(|p| p.phone_numbers)
                .unwrap_or_default()
                .into_iter()
                .map(|p| (p.phone_number, p.is_primary.unwrap_or(false))),
        );
        Self {
            id: wire.id,
            name,
            email,
            phone,
            remote_id: None,
            applications: Vec::new(),
        }
    }
}

#[derive(Deserialize)]
struct TemporaryAttachment {
    #[serde(rename = "attachmentId")]
    attachment_id: String,
}

#[derive(Serialize)]
struct AssignRequest<'a> {
    attachments: Vec<AssignItem<'a>>,
    #[serde(rename = "candidateId")]
    candidate_id: &'a str,
}

#[derive(Serialize)]
struct AssignItem<'a> {
    id: &'a str,
    #[serde(rename = "type")]
    kind: &'a str,
    name: &'a str,
}

#[derive(Deserialize)]
struct AttachmentList {
    #[serde(default)]
    items: Vec<WireAttachment>,
    pagination: Option<PagePagination>,
}

#[derive(Deserialize)]
struct WireAttachment {
    #[serde(rename = "attachmentId")]
    attachment_id: String,
    #[serde(rename = "attachmentName")]
    attachment_name: Option<String>,
    #[serde(rename = "createdAt")]
    created_at: Option<String>,
    extension: Option<String>,
    size: Option<f64>,
    #[serde(rename = "type")]
    kind: Option<String>,
}

impl From<WireAttachment> for RemoteAttachment {
    fn from(wire: WireAttachment) -> Self {
        let name = wire
            .attachment_name
            .unwrap_or_else(|| match &wire.extension {
                Some(ext) => format!("{}.{}", wire.attachment_id, ext.trim_start_matches('.')),
                None => wire.attachment_id.clone(),
            });
        Self {
            id: wire.attachment_id,
            name,
            attachment_type: wire.kind,
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            size: wire.size.filter(|s| *s >= 0.0).map(|s| s as u64),
            created_at: wire.created_at,
            content_type: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn candidate(json: &str) -> Candidate {
        serde_json::from_str::<WireCandidate>(json).unwrap().into()
    }

    #[test]
    fn the_primary_phone_is_the_candidates() {
        let c = candidate(
            r#"{"id":"c","phoneNumbers":{"viewType":"candidatePhoneNumbers","phoneNumbers":[
                {"purpose":"work","phoneNumber":"+31 20 123 4567","isPrimary":false},
                {"purpose":"personal","phoneNumber":"+31 6 1234 5678","isPrimary":true}]}}"#,
        );
        assert_eq!(c.phone.as_deref(), Some("+31 6 1234 5678"));
        let c = candidate(
            r#"{"id":"c","phoneNumbers":{"phoneNumbers":[
                {"phoneNumber":" ","isPrimary":true},{"phoneNumber":"0612345678","isPrimary":null}]}}"#,
        );
        assert_eq!(c.phone.as_deref(), Some("0612345678"));
        for json in [
            r#"{"id":"c"}"#,
            r#"{"id":"c","phoneNumbers":{}}"#,
            r#"{"id":"c","phoneNumbers":{"phoneNumbers":null}}"#,
        ] {
            assert_eq!(candidate(json).phone, None, "{json}");
        }
    }
}
