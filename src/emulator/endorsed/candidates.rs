//! Candidates: `GET /candidates/{uuid | remote.<id>}`, `POST /candidates` [doc], and the
//! flagged extras `GET /candidates?ids=` / `?q=` and `GET /candidate_rankings` [assumption
//! shapes, endorsed.md §2].

use std::sync::Arc;

use axum::body::Body;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State as AxState};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

use super::{NOT_FOUND_MESSAGE, SYSTEM, bad_query, fail, invalid, number_param, ok};
use crate::emulator::Shared;
use crate::emulator::ingest;
use crate::emulator::seed::SeedCandidate;
use crate::model::profiles::endorsed::{MAX_PAGE_SIZE, REMOTE_ID_PREFIX};

type Shd = AxState<Arc<Shared>>;

const PHONE_TYPES: &[&str] = &["home", "work", "mobile", "other"];
const EMAIL_TYPES: &[&str] = &["personal", "work"];
const LINK_TYPES: &[&str] = &[
    "personal",
    "portfolio",
    "blog",
    "social_media",
    "linkedin",
    "github",
];

/// A candidate in Endorsed's shape (the create body's fields plus `id`) [doc: candidates;
/// the GET shape is an assumption].
#[derive(Clone, Debug, Serialize)]
pub struct Person {
    id: String,
    remote_id: String,
    first_name: String,
    last_name: Option<String>,
    title: Option<String>,
    company_name: Option<String>,
    location: Option<String>,
    phone_numbers: Vec<Contact>,
    email_addresses: Vec<Contact>,
    links: Vec<Contact>,
    /// Seeded applications' ids, standing in for job nominations (not rendered).
    #[serde(skip)]
    nominations: Vec<String>,
}

impl Person {
    fn from_seed(c: &SeedCandidate) -> Self {
        let contact = |value: &str, kind: &str| Contact {
            value: value.to_owned(),
            kind: Some(kind.to_owned()),
        };
        Self {
            id: c.id.clone(),
            remote_id: c.remote_id.clone(),
            first_name: c.first_name.clone(),
            last_name: Some(c.last_name.clone()),
            title: c.applications.first().map(|(_, job)| job.clone()),
            company_name: None,
            location: None,
            phone_numbers: vec![contact(&c.phone, "mobile")],
            email_addresses: vec![contact(&c.email, "personal")],
            links: Vec::new(),
            nominations: c.applications.iter().map(|(id, _)| id.clone()).collect(),
        }
    }

    fn text(&self) -> String {
        let mut text = format!(
            "{} {} {}",
            self.first_name,
            self.last_name.as_deref().unwrap_or(""),
            self.title.as_deref().unwrap_or("")
        );
        for e in &self.email_addresses {
            text.push(' ');
            text.push_str(&e.value);
        }
        text.to_lowercase()
    }
}

/// `{value, type}` for phone numbers, e-mail addresses and links.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    value: String,
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    kind: Option<String>,
}

/// Seeded and created candidates, in order.
fn everyone(shared: &Shared) -> Vec<Person> {
    let mut all: Vec<Person> = shared
        .store
        .candidates(SYSTEM)
        .iter()
        .map(Person::from_seed)
        .collect();
    if let Ok(created) = shared.endorsed.created.lock() {
        all.extend(created.iter().cloned());
    }
    all
}

/// A candidate by UUID or `remote.<id>`.
pub fn find(shared: &Shared, id: &str) -> Option<Person> {
    let matches = |p_id: &str, p_remote: &str| match id.strip_prefix(REMOTE_ID_PREFIX) {
        Some(remote) => p_remote == remote,
        None => p_id == id,
    };
    if let Some(seed) = shared
        .store
        .candidates(SYSTEM)
        .iter()
        .find(|c| matches(&c.id, &c.remote_id))
    {
        return Some(Person::from_seed(seed));
    }
    shared
        .endorsed
        .created
        .lock()
        .ok()?
        .iter()
        .find(|p| matches(&p.id, &p.remote_id))
        .cloned()
}

/// Whether a candidate UUID exists (attachments name candidates by UUID only).
pub fn exists(shared: &Shared, id: &str) -> bool {
    !id.starts_with(REMOTE_ID_PREFIX) && find(shared, id).is_some()
}

/// `GET /candidates/{id}`.
pub async fn get_one(AxState(shared): Shd, Path(id): Path<String>) -> Response {
    match find(&shared, &id) {
        Some(person) => ok(StatusCode::OK, &json!(person)),
        None => fail(StatusCode::NOT_FOUND, NOT_FOUND_MESSAGE),
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CandidatesQuery {
    ids: Option<String>,
    q: Option<String>,
    offset: Option<String>,
    limit: Option<String>,
}

/// `GET /candidates?ids=<uuid>,<uuid>` (decorating ranking results [doc: querying; parameter
/// name assumed]) or `?q=&offset=&limit=` (an emulator-only name/e-mail search [assumption]).
pub async fn query(
    AxState(shared): Shd,
    query: Result<Query<CandidatesQuery>, QueryRejection>,
) -> Response {
    let Ok(Query(q)) = query else {
        return bad_query("ids, or q with offset and limit");
    };
    match (q.ids, q.q) {
        (Some(_), Some(_)) => invalid(&[("", "Give either ids or q, not both".to_owned())]),
        (None, None) => invalid(&[(
            "",
            "Listing every candidate is not supported; give ids (comma-separated UUIDs) or q"
                .to_owned(),
        )]),
        (Some(ids), None) => {
            if q.offset.is_some() || q.limit.is_some() {
                return invalid(&[("", "offset and limit apply to q only".to_owned())]);
            }
            let wanted: Vec<&str> = ids
                .split(',')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .collect();
            if wanted.is_empty() || wanted.len() > MAX_PAGE_SIZE {
                return invalid(&[(
                    "ids",
                    format!("ids must list 1 to {MAX_PAGE_SIZE} candidate UUIDs"),
                )]);
            }
            // Unknown ids are left out, in the order asked.
            let found: Vec<Value> = wanted
                .iter()
                .filter(|id| !id.starts_with(REMOTE_ID_PREFIX))
                .filter_map(|id| find(&shared, id))
                .map(|p| json!(p))
                .collect();
            ok(StatusCode::OK, &Value::Array(found))
        }
        (None, Some(text)) => {
            let offset = match number_param(q.offset.as_deref(), "offset", 0, (0, usize::MAX)) {
                Ok(n) => n,
                Err(refusal) => return refusal.respond(),
            };
            let limit = match number_param(q.limit.as_deref(), "limit", 50, (1, MAX_PAGE_SIZE)) {
                Ok(n) => n,
                Err(refusal) => return refusal.respond(),
            };
            let needle = text.trim().to_lowercase();
            let hits: Vec<Value> = everyone(&shared)
                .into_iter()
                .filter(|p| needle.is_empty() || p.text().contains(&needle))
                .skip(offset)
                .take(limit)
                .map(|p| json!(p))
                .collect();
            ok(StatusCode::OK, &Value::Array(hits))
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CreateCandidate {
    first_name: Option<String>,
    last_name: Option<String>,
    title: Option<String>,
    company_name: Option<String>,
    location: Option<String>,
    phone_numbers: Option<Vec<Contact>>,
    email_addresses: Option<Vec<Contact>>,
    links: Option<Vec<Contact>>,
    remote_id: Option<String>,
}

/// `POST /candidates` → 201 `{is_error: false, result: {id}}` [doc].
pub async fn create(AxState(shared): Shd, headers: HeaderMap, body: Body) -> Response {
    let body: CreateCandidate = match ingest::json(&headers, body, 64 * 1024).await {
        Ok(b) => b,
        Err(e) => return fail(e.status, &e.message),
    };
    let mut issues = Vec::new();
    let first_name = body.first_name.unwrap_or_default();
    if first_name.trim().is_empty() {
        issues.push(("first_name", "first_name is required".to_owned()));
    }
    let remote_id = body.remote_id.unwrap_or_default();
    if remote_id.trim().is_empty() {
        issues.push(("remote_id", "remote_id is required".to_owned()));
    } else if find(&shared, &format!("{REMOTE_ID_PREFIX}{remote_id}")).is_some() {
        // Duplicates are not documented [assumption].
        issues.push((
            "remote_id",
            format!("A candidate with remote_id \u{201c}{remote_id}\u{201d} already exists"),
        ));
    }
    let phone_numbers = body.phone_numbers.unwrap_or_default();
    let email_addresses = body.email_addresses.unwrap_or_default();
    let links = body.links.unwrap_or_default();
    for (field, list, allowed) in [
        ("phone_numbers", &phone_numbers, PHONE_TYPES),
        ("email_addresses", &email_addresses, EMAIL_TYPES),
        ("links", &links, LINK_TYPES),
    ] {
        for item in list {
            if item.value.trim().is_empty() {
                issues.push((field, format!("{field}[].value is required")));
            }
            if let Some(kind) = &item.kind
                && !allowed.contains(&kind.as_str())
            {
                issues.push((
                    field,
                    format!("{field}[].type must be one of {}", allowed.join(", ")),
                ));
            }
        }
    }
    if !issues.is_empty() {
        return invalid(&issues);
    }
    let id = shared.store.new_id(SYSTEM);
    let person = Person {
        id: id.clone(),
        remote_id,
        first_name,
        last_name: body.last_name,
        title: body.title,
        company_name: body.company_name,
        location: body.location,
        phone_numbers,
        email_addresses,
        links,
        nominations: Vec::new(),
    };
    match shared.endorsed.created.lock() {
        Ok(mut created) => created.push(person),
        Err(_) => return fail(StatusCode::INTERNAL_SERVER_ERROR, "State unavailable"),
    }
    ok(StatusCode::CREATED, &json!({ "id": id }))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RankingsQuery {
    q: Option<String>,
    target_resource_id: Option<String>,
    filter_job_id: Option<String>,
    offset: Option<String>,
    limit: Option<String>,
}

/// `GET /candidate_rankings?q=` or `?target_resource_id=` (exactly one), optional
/// `filter_job_id`, offset pagination [doc: rankings]. Scores are word overlap (for `q`) or a
/// shared title (lookalike) — a stand-in for Endorsed's semantic ranking.
pub async fn rankings(
    AxState(shared): Shd,
    query: Result<Query<RankingsQuery>, QueryRejection>,
) -> Response {
    let Ok(Query(q)) = query else {
        return bad_query("q, target_resource_id, filter_job_id, offset, limit");
    };
    let offset = match number_param(q.offset.as_deref(), "offset", 0, (0, usize::MAX)) {
        Ok(n) => n,
        Err(refusal) => return refusal.respond(),
    };
    let limit = match number_param(q.limit.as_deref(), "limit", 50, (1, MAX_PAGE_SIZE)) {
        Ok(n) => n,
        Err(refusal) => return refusal.respond(),
    };
    let people = everyone(&shared);
    let mut scored: Vec<(f64, &Person)> = match (q.q.as_deref(), q.target_resource_id.as_deref()) {
        (Some(text), None) if !text.trim().is_empty() => {
            let words: Vec<String> = text.split_whitespace().map(str::to_lowercase).collect();
            #[allow(clippy::cast_precision_loss)]
            let total = words.len() as f64;
            people
                .iter()
                .filter_map(|p| {
                    let hay = p.text();
                    #[allow(clippy::cast_precision_loss)]
                    let hits = words.iter().filter(|w| hay.contains(w.as_str())).count() as f64;
                    (hits > 0.0).then(|| ((hits / total * 100.0).round() / 100.0, p))
                })
                .collect()
        }
        (None, Some(target)) => {
            let owner = find(&shared, target).or_else(|| {
                shared
                    .store
                    .attachments(SYSTEM, None)
                    .into_iter()
                    .find(|a| a.id == target)
                    .and_then(|a| find(&shared, &a.candidate_id))
            });
            let Some(owner) = owner else {
                return fail(StatusCode::NOT_FOUND, NOT_FOUND_MESSAGE);
            };
            people
                .iter()
                .filter(|p| p.id != owner.id && p.title.is_some() && p.title == owner.title)
                .map(|p| (0.9, p))
                .collect()
        }
        _ => {
            return invalid(&[(
                "q",
                "Give exactly one of q (non-empty) or target_resource_id".to_owned(),
            )]);
        }
    };
    if let Some(job) = q.filter_job_id.as_deref() {
        scored.retain(|(_, p)| p.nominations.iter().any(|n| n == job));
    }
    scored.sort_by(|a, b| b.0.total_cmp(&a.0));
    let page: Vec<Value> = scored
        .into_iter()
        .skip(offset)
        .take(limit)
        .map(|(score, p)| json!({ "candidate_id": p.id, "score": score, "summary_id": null }))
        .collect();
    ok(StatusCode::OK, &Value::Array(page))
}
