//! Routing, recording, fault injection and the rules every system shares (a body must come
//! with a `Content-Length`).

use std::sync::Arc;

use axum::Router;
use axum::body::Body;
use axum::extract::{ConnectInfo, DefaultBodyLimit, Request, State};
use axum::http::{StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use futures_util::StreamExt;
use tokio::net::TcpListener;
use tokio::sync::oneshot;

use super::faults::{FaultKind, delay_of};
use super::killable::{ConnInfo, KillableListener};
use super::record::RecordedRequest;
use super::{Shared, admin, endorsed, envelope, kombo, onderwijsregio, spott, truto};
use crate::model::ProviderId;

/// Serves until `stop` fires.
pub async fn serve(listener: TcpListener, shared: Arc<Shared>, stop: oneshot::Receiver<()>) {
    let app = Router::new()
        .nest("/spott", spott::router(Arc::clone(&shared)))
        .nest("/endorsed", endorsed::router(Arc::clone(&shared)))
        .nest("/kombo", kombo::router(Arc::clone(&shared)))
        .nest(
            "/onderwijsregio",
            onderwijsregio::router(Arc::clone(&shared)),
        )
        .nest("/truto", truto::router(Arc::clone(&shared)))
        .nest("/_emulator", admin::router(Arc::clone(&shared)))
        .layer(middleware::from_fn_with_state(Arc::clone(&shared), front))
        .layer(DefaultBodyLimit::disable());
    let service = app.into_make_service_with_connect_info::<ConnInfo>();
    let result = axum::serve(KillableListener(listener), service)
        .with_graceful_shutdown(async {
            let _ = stop.await;
        })
        .await;
    if let Err(e) = result {
        tracing::warn!("emulator stopped: {e}");
    }
}

/// Whether a `Host` header names this computer (with or without a port).
fn is_loopback_host(host: &str) -> bool {
    let name = if let Some(rest) = host.strip_prefix('[') {
        rest.split(']').next().unwrap_or("")
    } else {
        host.rsplit_once(':').map_or(host, |(name, _)| name)
    };
    name.eq_ignore_ascii_case("localhost")
        || name
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

/// Splits `/kombo/ats/candidates` into the system and `/ats/candidates`.
fn split_prefix(path: &str) -> (Option<ProviderId>, String) {
    let trimmed = path.trim_start_matches('/');
    let (first, rest) = trimmed.split_once('/').unwrap_or((trimmed, ""));
    match first.parse::<ProviderId>() {
        Ok(p) if p.key() == first => (Some(p), format!("/{rest}")),
        _ => (None, path.to_owned()),
    }
}

/// Records every request, applies faults, and enforces `Content-Length` on bodies.
async fn front(
    State(shared): State<Arc<Shared>>,
    ConnectInfo(conn): ConnectInfo<ConnInfo>,
    request: Request,
    next: Next,
) -> Response {
    // A web page could make the browser send requests here by pointing its own host name at
    // 127.0.0.1 (DNS rebinding): only requests addressed to this computer are served.
    if let Some(host) = request.headers().get(header::HOST)
        && !host.to_str().is_ok_and(is_loopback_host)
    {
        return (
            StatusCode::MISDIRECTED_REQUEST,
            "The atsdrop sandbox only answers requests addressed to this computer (127.0.0.1, localhost).",
        )
            .into_response();
    }
    let (provider, path) = split_prefix(request.uri().path());
    let record = RecordedRequest {
        provider,
        method: request.method().to_string(),
        path: path.clone(),
        query: request.uri().query().map(str::to_owned),
        headers: request
            .headers()
            .iter()
            .map(|(k, v)| {
                (
                    k.as_str().to_owned(),
                    String::from_utf8_lossy(v.as_bytes()).into_owned(),
                )
            })
            .collect(),
        status: 0,
        tenant: None,
    };
    // Recorded even when the client goes away and the handler is dropped (status 0).
    let mut guard = RecordOnDrop {
        shared: Arc::clone(&shared),
        record: Some(record),
    };
    let response = handle(&shared, &conn, provider, &path, request, next).await;
    if let Some(mut record) = guard.record.take() {
        record.status = response.as_ref().map_or(0, |r| r.status().as_u16());
        record.tenant = response
            .as_ref()
            .and_then(|r| r.extensions().get::<super::TenantId>())
            .map(|t| t.0.clone());
        shared.recorder.push(record);
    }
    response.unwrap_or_else(|| {
        // The connection was cut; this answer is never delivered.
        conn.kill.kill();
        Response::new(Body::empty())
    })
}

/// Pushes its record when dropped unfinished.
struct RecordOnDrop {
    shared: Arc<Shared>,
    record: Option<RecordedRequest>,
}

impl Drop for RecordOnDrop {
    fn drop(&mut self) {
        if let Some(record) = self.record.take() {
            self.shared.recorder.push(record);
        }
    }
}

/// `None` means "cut the connection".
async fn handle(
    shared: &Shared,
    conn: &ConnInfo,
    provider: Option<ProviderId>,
    path: &str,
    mut request: Request,
    next: Next,
) -> Option<Response> {
    let Some(provider) = provider else {
        return Some(next.run(request).await);
    };
    let fault = shared
        .faults
        .take(provider, request.method().as_str(), path);
    match fault {
        Some(FaultKind::Status {
            status,
            retry_after,
        }) => {
            let status = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
            let mut response = match (status, retry_after) {
                (StatusCode::TOO_MANY_REQUESTS, Some(secs)) => {
                    envelope::rate_limited(provider, secs, None)
                }
                _ => envelope::error(provider, status, None, "Injected fault"),
            };
            if let (true, Some(secs)) = (status != StatusCode::TOO_MANY_REQUESTS, retry_after)
                && let Ok(v) = secs.to_string().parse()
            {
                response.headers_mut().insert(header::RETRY_AFTER, v);
            }
            // Drain the body so the client reads the answer instead of a reset.
            let mut stream = request.into_body().into_data_stream();
            while let Some(Ok(_)) = stream.next().await {}
            return Some(response);
        }
        Some(FaultKind::DropMidBody { after_bytes }) => {
            let mut stream = request.into_body().into_data_stream();
            let mut seen = 0u64;
            while seen < after_bytes {
                match stream.next().await {
                    Some(Ok(chunk)) => seen += chunk.len() as u64,
                    _ => break,
                }
            }
            conn.kill.kill();
            return None;
        }
        Some(ref kind @ FaultKind::Delay { .. }) => {
            if let Some(d) = delay_of(kind) {
                tokio::time::sleep(d).await;
            }
        }
        Some(FaultKind::FailMutation) => {
            request.extensions_mut().insert(super::faults::FailMutation);
        }
        Some(FaultKind::DropAfterBody | FaultKind::AnswerAfterBody { .. }) | None => {}
    }
    if request.headers().contains_key(header::TRANSFER_ENCODING) {
        return Some(envelope::error(
            provider,
            StatusCode::LENGTH_REQUIRED,
            None,
            "A Content-Length is required; chunked request bodies are not accepted",
        ));
    }
    let response = next.run(request).await;
    match fault {
        Some(FaultKind::DropAfterBody) => None,
        Some(FaultKind::AnswerAfterBody { status, code }) => {
            let status = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
            Some(envelope::error(
                provider,
                status,
                code.as_deref(),
                "Injected fault after the request was handled",
            ))
        }
        _ => Some(response),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefixes_split() {
        assert_eq!(
            split_prefix("/kombo/ats/candidates"),
            (Some(ProviderId::Kombo), "/ats/candidates".to_owned())
        );
        assert_eq!(
            split_prefix("/spott"),
            (Some(ProviderId::Spott), "/".to_owned())
        );
        assert_eq!(
            split_prefix("/_emulator/health"),
            (None, "/_emulator/health".to_owned())
        );
        assert_eq!(split_prefix("/Kombo/x"), (None, "/Kombo/x".to_owned()));
    }

    #[test]
    fn only_hosts_of_this_computer_are_served() {
        for host in [
            "127.0.0.1:8080",
            "localhost",
            "LOCALHOST:1",
            "[::1]:9",
            "127.1.2.3",
        ] {
            assert!(is_loopback_host(host), "{host}");
        }
        for host in [
            "evil.example:8080",
            "example.com",
            "10.0.0.1",
            "[2001:db8::1]:80",
            "",
        ] {
            assert!(!is_loopback_host(host), "{host}");
        }
    }
}
