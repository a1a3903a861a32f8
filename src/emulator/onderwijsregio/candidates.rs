//! `GET /candidates` (cursor pages of at most 100), `GET /candidates/find?email=|phone=` and
//! `GET /candidates/{id}`, rendering seeded candidates in the assumed v2 shape with their
//! attachments read from the store.

use std::sync::Arc;
use std::time::Duration;

use axum::Extension;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State as AxState};
use axum::http::StatusCode;
use axum::response::Response;
use base64::Engine as _;
use serde::Deserialize;
use serde_json::{Map, Value, json};

use super::{Problem, SYSTEM, Sandbox, Shd, fail, invalid, ok};
use crate::emulator::Shared;
use crate::emulator::credentials::TenantId;
use crate::emulator::seed::SeedCandidate;
use crate::emulator::store::StoredAttachment;
use crate::model::profiles::onderwijsregio::{DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE};

/// The record fields a client may select with `fields` [assumption].
const FIELDS: &[&str] = &[
    "name",
    "email",
    "phone",
    "privacyConsent",
    "phase",
    "curriculumVitae",
    "otherAttachments",
    "createdAt",
];

/// Candidate phases in the region's funnel [assumption, from the v1 model].
const PHASES: &[&str] = &["oriënteren", "voorbereiden", "solliciteren", "starten"];

/// Field selection and interactions, allowed on every candidate read [assumption].
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct ListQuery {
    #[serde(rename = "pageSize")]
    page_size: Option<String>,
    cursor: Option<String>,
    fields: Option<String>,
    #[serde(rename = "includeInteractions")]
    include_interactions: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct FindQuery {
    email: Option<String>,
    phone: Option<String>,
    fields: Option<String>,
    #[serde(rename = "includeInteractions")]
    include_interactions: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct GetQuery {
    fields: Option<String>,
    #[serde(rename = "includeInteractions")]
    include_interactions: Option<String>,
}

/// How records are rendered: which fields, and whether interactions are included.
struct Shape {
    fields: Option<Vec<String>>,
    interactions: bool,
}

impl Shape {
    fn parse(fields: Option<&str>, interactions: Option<&str>) -> Result<Self, Problem> {
        let fields = match fields {
            None => None,
            Some(list) => {
                let mut chosen = Vec::new();
                for name in list.split(',').map(str::trim).filter(|s| !s.is_empty()) {
                    if name != "id" && !FIELDS.contains(&name) {
                        return Err(Problem::new(
                            "fields",
                            format!(
                                "Unknown field \u{201c}{name}\u{201d}; known fields: id, {}",
                                FIELDS.join(", ")
                            ),
                        ));
                    }
                    chosen.push(name.to_owned());
                }
                Some(chosen)
            }
        };
        let interactions = match interactions {
            None => false,
            Some(v) if v.eq_ignore_ascii_case("true") => true,
            Some(v) if v.eq_ignore_ascii_case("false") => false,
            Some(_) => {
                return Err(Problem::new(
                    "includeInteractions",
                    "includeInteractions must be true or false",
                ));
            }
        };
        Ok(Self {
            fields,
            interactions,
        })
    }
}

fn created_at(c: &SeedCandidate) -> String {
    let t = std::time::UNIX_EPOCH + Duration::from_secs(1_704_067_200 + c.modified_offset);
    humantime::format_rfc3339_millis(t).to_string()
}

/// An attachment as an Airtable attachment object [assumption]. The URL is a placeholder:
/// the emulator keeps no file bytes.
fn attachment_json(a: &StoredAttachment) -> Value {
    json!({
        "id": a.id,
        "url": format!(
            "https://v5.airtableusercontent.com/emulator/{}/{}",
            a.id,
            crate::providers::http::encode_segment(&a.file_name)
        ),
        "filename": a.file_name,
        "size": a.size,
        "type": a.content_type,
    })
}

/// A record in the assumed v2 shape (`onderwijsregio.md` § 2).
fn candidate_json(shared: &Shared, tenant: &str, c: &SeedCandidate, shape: &Shape) -> Value {
    let stored = shared.store.tenant_attachments(SYSTEM, tenant, Some(&c.id));
    let of_field = |field: &str| -> Value {
        stored
            .iter()
            .filter(|a| a.attachment_type == field)
            .map(attachment_json)
            .collect()
    };
    let phase = PHASES[usize::try_from(c.modified_offset / 3600).unwrap_or(0) % PHASES.len()];
    let all = [
        ("name", json!(c.full_name())),
        ("email", json!(c.email)),
        ("phone", json!(c.phone)),
        ("privacyConsent", json!(true)),
        ("phase", json!(phase)),
        ("curriculumVitae", of_field("curriculumVitae")),
        ("otherAttachments", of_field("otherAttachments")),
        ("createdAt", json!(created_at(c))),
    ];
    let mut record = Map::new();
    record.insert("id".to_owned(), json!(c.id));
    for (name, value) in all {
        if shape
            .fields
            .as_ref()
            .is_none_or(|chosen| chosen.iter().any(|f| f == name))
        {
            record.insert(name.to_owned(), value);
        }
    }
    if shape.interactions {
        record.insert("interactions".to_owned(), json!([]));
    }
    Value::Object(record)
}

fn encode_cursor(after: &SeedCandidate) -> String {
    base64::engine::general_purpose::URL_SAFE_NO_PAD
        .encode(json!({ "after": after.id }).to_string())
}

fn decode_cursor(cursor: &str) -> Option<String> {
    let raw = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(cursor)
        .ok()?;
    let v: Value = serde_json::from_slice(&raw).ok()?;
    v.get("after")?.as_str().map(str::to_owned)
}

fn bad_query(sandbox: bool, allowed: &str) -> Response {
    invalid(
        sandbox,
        vec![Problem::new(
            "query",
            format!("Unknown query parameter; allowed: {allowed}"),
        )],
    )
}

/// `GET /candidates?pageSize=&cursor=`: `meta.cursor` continues, `null` when finished.
pub(super) async fn list(
    AxState(shared): Shd,
    Extension(Sandbox(sandbox)): Extension<Sandbox>,
    Extension(tenant): Extension<TenantId>,
    query: Result<Query<ListQuery>, QueryRejection>,
) -> Response {
    let Ok(Query(q)) = query else {
        return bad_query(sandbox, "pageSize, cursor, fields, includeInteractions");
    };
    let shape = match Shape::parse(q.fields.as_deref(), q.include_interactions.as_deref()) {
        Ok(s) => s,
        Err(p) => return invalid(sandbox, vec![p]),
    };
    let size = match q.page_size.as_deref().map(str::parse::<usize>) {
        None => DEFAULT_PAGE_SIZE,
        Some(Ok(n)) if (1..=MAX_PAGE_SIZE).contains(&n) => n,
        Some(_) => {
            return invalid(
                sandbox,
                vec![Problem::new(
                    "pageSize",
                    format!("pageSize must be a whole number from 1 to {MAX_PAGE_SIZE}"),
                )],
            );
        }
    };
    let all = shared.store.candidates(SYSTEM);
    let start = match q.cursor.as_deref() {
        None => 0,
        Some(cursor) => {
            match decode_cursor(cursor).and_then(|id| all.iter().position(|c| c.id == id)) {
                Some(i) => i + 1,
                None => {
                    return invalid(
                        sandbox,
                        vec![Problem::new("cursor", "The cursor is invalid or expired")],
                    );
                }
            }
        }
    };
    let page: Vec<&SeedCandidate> = all.iter().skip(start).take(size).collect();
    let next = if start + page.len() < all.len() {
        page.last().map(|c| Value::String(encode_cursor(c)))
    } else {
        None
    };
    let data = page
        .iter()
        .map(|c| candidate_json(&shared, &tenant.0, c, &shape))
        .collect();
    let mut meta = Map::new();
    meta.insert("cursor".to_owned(), next.unwrap_or(Value::Null));
    ok(
        StatusCode::OK,
        sandbox,
        "Candidates retrieved successfully.",
        data,
        meta,
    )
}

fn digits(s: &str) -> String {
    s.chars().filter(char::is_ascii_digit).collect()
}

/// `GET /candidates/find?email=|phone=`: at least one; e-mail wins; e-mail compared without
/// case, phone by its digits only [doc: D-find]. Several records can match.
pub(super) async fn find(
    AxState(shared): Shd,
    Extension(Sandbox(sandbox)): Extension<Sandbox>,
    Extension(tenant): Extension<TenantId>,
    query: Result<Query<FindQuery>, QueryRejection>,
) -> Response {
    let Ok(Query(q)) = query else {
        return bad_query(sandbox, "email, phone, fields, includeInteractions");
    };
    let shape = match Shape::parse(q.fields.as_deref(), q.include_interactions.as_deref()) {
        Ok(s) => s,
        Err(p) => return invalid(sandbox, vec![p]),
    };
    let email = q.email.as_deref().map(str::trim).filter(|s| !s.is_empty());
    let phone = q.phone.as_deref().map(str::trim).filter(|s| !s.is_empty());
    let all = shared.store.candidates(SYSTEM);
    let hits: Vec<&SeedCandidate> = match (email, phone) {
        (Some(email), _) => all
            .iter()
            .filter(|c| c.email.eq_ignore_ascii_case(email))
            .collect(),
        (None, Some(phone)) => {
            let wanted = digits(phone);
            if wanted.is_empty() {
                return invalid(
                    sandbox,
                    vec![Problem::new("phone", "phone must contain digits")],
                );
            }
            all.iter().filter(|c| digits(&c.phone) == wanted).collect()
        }
        (None, None) => {
            return invalid(
                sandbox,
                vec![Problem::new(
                    "email",
                    "Provide at least one of email or phone",
                )],
            );
        }
    };
    let data = hits
        .iter()
        .map(|c| candidate_json(&shared, &tenant.0, c, &shape))
        .collect();
    ok(
        StatusCode::OK,
        sandbox,
        "Candidates retrieved successfully.",
        data,
        Map::new(),
    )
}

/// `GET /candidates/{id}`: the record, 404 when unknown.
pub(super) async fn get(
    AxState(shared): Shd,
    Extension(Sandbox(sandbox)): Extension<Sandbox>,
    Extension(tenant): Extension<TenantId>,
    Path(id): Path<String>,
    query: Result<Query<GetQuery>, QueryRejection>,
) -> Response {
    let Ok(Query(q)) = query else {
        return bad_query(sandbox, "fields, includeInteractions");
    };
    let shape = match Shape::parse(q.fields.as_deref(), q.include_interactions.as_deref()) {
        Ok(s) => s,
        Err(p) => return invalid(sandbox, vec![p]),
    };
    match shared.store.candidate(SYSTEM, &id) {
        Some(c) => ok(
            StatusCode::OK,
            sandbox,
            "Candidate retrieved successfully.",
            candidate_json(&shared, &tenant.0, c, &shape),
            Map::new(),
        ),
        None => not_found(sandbox, &id),
    }
}

/// The 404 for an unknown candidate.
pub(super) fn not_found(sandbox: bool, id: &str) -> Response {
    fail(
        sandbox,
        StatusCode::NOT_FOUND,
        &format!("Candidate {id} not found"),
        Vec::new(),
    )
}

/// Whether a candidate exists.
pub(super) fn exists(shared: &Arc<Shared>, id: &str) -> bool {
    shared.store.candidate(SYSTEM, id).is_some()
}
