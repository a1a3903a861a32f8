//! The sandbox's integrations, what their add-attachment actions announce
//! (`GET /ats/actions/ats_add_candidate_attachment` and `…_application_attachment` [OAS]),
//! and the cap of 30 in-flight actions per integration [doc: D-conc].

use std::sync::Arc;

use axum::Json;
use axum::extract::{Extension, Path, State as AxState};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde_json::{Map, Value, json};

use super::{IntegrationId, Shared, fail, set_remaining};
use crate::emulator::credentials::KOMBO_INTEGRATION_ID;
use crate::emulator::ratelimit::{InFlight, InFlightGuard};
use crate::model::MIB;
use crate::model::profiles::kombo::{PROFILE, RETRY_AFTER_SECS, SANDBOX_RESTRICTED_INTEGRATION_ID};

/// What an integration takes for one attachment type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TypeRule {
    /// `{"is_supported": false}`.
    Unsupported,
    /// `{"is_supported": true, "max_file_size_bytes": …, "accepted_mime_types": …}`.
    Supported {
        /// Most decoded bytes, if limited.
        max_bytes: Option<u64>,
        /// Accepted MIME types, if limited.
        mime: Option<&'static [&'static str]>,
    },
}

/// One connected customer account, as the sandbox knows it.
#[derive(Debug)]
pub struct Integration {
    /// `<tool>:<id>`, the `X-Integration-Id` value.
    pub id: &'static str,
    /// Per type rules; `None` announces `attachment_restrictions: null` (unknown).
    pub rules: Option<Vec<(&'static str, TypeRule)>>,
    /// Whether its scope config enables "Read document attachments".
    pub can_read_attachments: bool,
    /// Actions in flight (uploads and attachment reads).
    pub in_flight: InFlight,
}

/// The two sandbox integrations: the demo one takes every type up to the profile's 20 MiB with
/// the app's default MIME list; the restricted one announces Kombo's own example
/// (`SANDBOX_RESTRICTED_INTEGRATION_ID`).
#[must_use]
pub fn sandbox() -> Vec<Integration> {
    let cap = PROFILE.rate_limit.value.max_in_flight.unwrap_or(30);
    let open = TypeRule::Supported {
        max_bytes: Some(PROFILE.max_file_bytes.value),
        mime: Some(PROFILE.allowed_mime_types.value),
    };
    vec![
        Integration {
            id: KOMBO_INTEGRATION_ID,
            rules: Some(PROFILE.types.iter().map(|t| (t.wire, open)).collect()),
            can_read_attachments: true,
            in_flight: InFlight::new(cap),
        },
        Integration {
            id: SANDBOX_RESTRICTED_INTEGRATION_ID,
            rules: Some(vec![
                ("CV", TypeRule::Unsupported),
                ("COVER_LETTER", TypeRule::Unsupported),
                (
                    "OTHER",
                    TypeRule::Supported {
                        max_bytes: Some(10 * MIB),
                        mime: Some(&["application/pdf", "application/msword"]),
                    },
                ),
            ]),
            can_read_attachments: false,
            in_flight: InFlight::new(cap),
        },
    ]
}

impl Integration {
    /// The rule for a type; `None` when nothing is announced for it (anything goes).
    #[must_use]
    pub fn rule(&self, kind: &str) -> Option<TypeRule> {
        self.rules
            .as_ref()?
            .iter()
            .find(|(wire, _)| *wire == kind)
            .map(|(_, rule)| *rule)
    }

    /// Takes an action slot. Over the cap: a 429 `PLATFORM.CONCURRENCY_LIMIT_EXCEEDED` with
    /// `Retry-After` and `Concurrency-Remaining: 0` when limits are enforced, else no slot.
    pub fn enter(&self, enforce: bool) -> Result<Option<InFlightGuard>, Response> {
        match self.in_flight.enter() {
            Ok(guard) => Ok(Some(guard)),
            Err(_) if !enforce => Ok(None),
            Err(remaining) => {
                let mut response = fail(
                    StatusCode::TOO_MANY_REQUESTS,
                    Some("PLATFORM.CONCURRENCY_LIMIT_EXCEEDED"),
                    "More than 30 actions are in flight for this integration: retry with exponential backoff",
                );
                set_remaining(&mut response, remaining);
                if let Ok(value) = HeaderValue::from_str(&RETRY_AFTER_SECS.to_string()) {
                    response.headers_mut().insert(header::RETRY_AFTER, value);
                }
                Err(response)
            }
        }
    }

    fn restrictions_json(&self) -> Value {
        let Some(rules) = &self.rules else {
            return Value::Null;
        };
        let types: Map<String, Value> = rules
            .iter()
            .map(|(wire, rule)| {
                let value = match rule {
                    TypeRule::Unsupported => json!({ "is_supported": false }),
                    TypeRule::Supported { max_bytes, mime } => json!({
                        "is_supported": true,
                        "max_file_size_bytes": max_bytes,
                        "accepted_mime_types": mime,
                    }),
                };
                ((*wire).to_owned(), value)
            })
            .collect();
        json!({ "types": types })
    }
}

/// `GET /ats/actions/{action}`: the add-attachment actions announce their restrictions.
pub async fn action(
    AxState(shared): AxState<Arc<Shared>>,
    Extension(id): Extension<IntegrationId>,
    Path(action): Path<String>,
) -> Response {
    match action.as_str() {
        "ats_add_candidate_attachment" | "ats_add_application_attachment" => {}
        _ => {
            return fail(
                StatusCode::NOT_FOUND,
                None,
                &format!(
                    "The action \u{201c}{action}\u{201d} is not emulated by the sandbox (only ats_add_candidate_attachment and ats_add_application_attachment)"
                ),
            );
        }
    }
    let restrictions = shared
        .kombo
        .integration(id.0)
        .map_or(Value::Null, Integration::restrictions_json);
    Json(json!({
        "status": "success",
        "data": { "attachment_restrictions": restrictions },
    }))
    .into_response()
}
