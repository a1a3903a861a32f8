//! The HTTP layer every client shares: base-URL rules (HTTPS, or plain HTTP to this computer
//! only), timeouts, a redirect policy that never carries credentials to another host, sending
//! with a stall watchdog, and mapping failures to [`ProviderError`].

use std::net::IpAddr;
use std::sync::{Arc, Once};
use std::time::Duration;

use reqwest::{Response, StatusCode, Url};
use serde::de::DeserializeOwned;

use super::ProviderError;
use super::body::{BodyPlan, BodyTracker, ProgressFn};
use crate::i18n::Text;
use crate::model::ProviderId;

/// Time limits for talking to a system.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Timeouts {
    /// Establishing a connection (TCP + TLS).
    pub connect: Duration,
    /// Waiting for the answer once the request has been sent (per read).
    pub response: Duration,
    /// An upload making no progress at all for this long is abandoned.
    pub stall: Duration,
    /// The longest any request may take from start to its last byte of answer, however slowly
    /// the bytes trickle in (a server answering one byte a minute never trips `response`).
    /// Uploads get this plus their body at `min_speed`.
    pub total: Duration,
    /// The slowest upload speed waited for, in bytes per second: an upload's deadline is
    /// `total` plus its body at this speed.
    pub min_speed: u64,
}

impl Default for Timeouts {
    fn default() -> Self {
        Self {
            connect: Duration::from_secs(15),
            response: Duration::from_secs(90),
            stall: Duration::from_mins(1),
            total: Duration::from_mins(3),
            // 16 KiB/s: a poor hotel Wi-Fi still finishes a 20 MiB file in 21 minutes.
            min_speed: 16 * 1024,
        }
    }
}

impl Timeouts {
    /// The deadline of an upload whose body is `body_len` bytes.
    #[must_use]
    pub fn for_upload(&self, body_len: u64) -> Duration {
        let at_min_speed = Duration::from_secs(body_len / self.min_speed.max(1));
        self.total.saturating_add(at_min_speed)
    }
}

/// How large an answer may be, by what was asked: a server sending more is cut off with a
/// sentence naming the system, so a runaway answer never fills the memory.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Answer {
    /// A token, an upload's acknowledgement, one record, a check: 1 MiB.
    Small,
    /// A page of candidates or attachments (a few hundred records): 16 MiB.
    Page,
}

impl Answer {
    /// The most bytes read.
    #[must_use]
    pub const fn limit(self) -> u64 {
        match self {
            Self::Small => 1024 * 1024,
            Self::Page => 16 * 1024 * 1024,
        }
    }
}

/// The most bytes of an error answer read (its message is all that is used).
pub const ERROR_ANSWER_LIMIT: u64 = 64 * 1024;

/// Checks a base URL: `https://` anywhere, `http://` only to a loopback address.
pub fn validate_base_url(system: ProviderId, raw: &str) -> Result<Url, ProviderError> {
    base_url(system, raw).map_err(|why| ProviderError::Config(why.english()))
}

/// [`validate_base_url`], saying why in any language (the connection form's words).
pub fn base_url(system: ProviderId, raw: &str) -> Result<Url, Text> {
    let trimmed = raw.trim();
    let name = system.display_name();
    let mut url = Url::parse(trimmed).map_err(|e| {
        crate::text!(
            "settings-url-invalid",
            system = name,
            address = without_userinfo(trimmed),
            reason = url_reason(e),
            url = system.profile().default_base_url
        )
    })?;
    match url.scheme() {
        "https" => {}
        "http" if is_loopback(&url) => {}
        "http" => {
            return Err(crate::text!(
                "settings-url-plain-http",
                host = url.host_str().unwrap_or("that host")
            ));
        }
        other => {
            return Err(crate::text!(
                "settings-url-scheme",
                system = name,
                scheme = other
            ));
        }
    }
    if !url.username().is_empty() || url.password().is_some() {
        // Said without the address itself: it holds a password.
        return Err(crate::text!(
            "settings-url-userinfo",
            system = name,
            noun = system.profile().account.secret.noun_text()
        ));
    }
    if url.cannot_be_a_base() || url.host_str().is_none() {
        return Err(crate::text!(
            "settings-url-no-host",
            system = name,
            address = trimmed
        ));
    }
    // Paths are appended to the base: make sure it ends without a slash.
    let path = url.path().trim_end_matches('/').to_owned();
    url.set_path(&path);
    url.set_query(None);
    url.set_fragment(None);
    Ok(url)
}

/// Why an address is no URL, in the URL library's words (English) or atsdrop's languages.
fn url_reason(error: url::ParseError) -> Text {
    use url::ParseError as E;
    Text::new(match error {
        E::EmptyHost => "settings-url-reason-empty-host",
        E::IdnaError => "settings-url-reason-idna",
        E::InvalidPort => "settings-url-reason-port",
        E::InvalidIpv4Address => "settings-url-reason-ipv4",
        E::InvalidIpv6Address => "settings-url-reason-ipv6",
        E::InvalidDomainCharacter => "settings-url-reason-domain-character",
        E::RelativeUrlWithoutBase => "settings-url-reason-relative",
        other => return Text::verbatim(other.to_string()),
    })
}

/// An address as typed, with anything before an `@` in its host part (a user name and
/// password) left out, for messages.
fn without_userinfo(raw: &str) -> String {
    let (scheme, rest) = raw.split_once("://").unwrap_or(("", raw));
    let authority_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    match rest[..authority_end].rfind('@') {
        Some(at) => {
            let sep = if scheme.is_empty() { "" } else { "://" };
            format!("{scheme}{sep}\u{2026}@{}", &rest[at + 1..])
        }
        None => raw.to_owned(),
    }
}

/// Whether a URL points at this computer.
#[must_use]
pub fn is_loopback(url: &Url) -> bool {
    match url.host() {
        Some(url::Host::Domain(d)) => d.eq_ignore_ascii_case("localhost"),
        Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
        None => false,
    }
}

/// Installs the process-wide rustls crypto provider (ring) once; any `reqwest::Client` built
/// afterwards can use TLS. Called by every client constructor.
pub fn install_crypto_provider() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        // Ignore the error: another part of the process may have installed one already.
        let _ = rustls::crypto::ring::default_provider().install_default();
    });
}

/// A configured HTTP client for one system and base URL.
#[derive(Clone, Debug)]
pub struct Http {
    system: ProviderId,
    base: Url,
    client: reqwest::Client,
    timeouts: Timeouts,
}

impl Http {
    /// Builds a client for `base_url` (validated with [`validate_base_url`]).
    pub fn new(
        system: ProviderId,
        base_url: &str,
        timeouts: Timeouts,
    ) -> Result<Self, ProviderError> {
        install_crypto_provider();
        let base = validate_base_url(system, base_url)?;
        let origin = base.clone();
        let policy = reqwest::redirect::Policy::custom(move |attempt| {
            let same_origin = attempt.url().scheme() == origin.scheme()
                && attempt.url().host_str() == origin.host_str()
                && attempt.url().port_or_known_default() == origin.port_or_known_default();
            if !same_origin || attempt.previous().len() >= 5 {
                // Stop: the 3xx comes back as the answer, and no header reaches the other host.
                attempt.stop()
            } else {
                attempt.follow()
            }
        });
        let mut builder = reqwest::Client::builder()
            .user_agent(concat!("atsdrop/", env!("CARGO_PKG_VERSION")))
            .connect_timeout(timeouts.connect)
            .read_timeout(timeouts.response)
            .redirect(policy)
            .pool_idle_timeout(Duration::from_secs(30));
        if is_loopback(&base) {
            builder = builder.no_proxy();
        } else {
            builder = builder.https_only(true);
        }
        let client = builder.build().map_err(|e| {
            ProviderError::Config(format!(
                "atsdrop could not set up a secure connection to {system}: {e}."
            ))
        })?;
        Ok(Self {
            system,
            base,
            client,
            timeouts,
        })
    }

    /// The system this client talks to.
    #[must_use]
    pub fn system(&self) -> ProviderId {
        self.system
    }

    /// The validated base URL.
    #[must_use]
    pub fn base(&self) -> &Url {
        &self.base
    }

    /// `base + path`, where `path` starts with `/` and may hold percent-encoded segments.
    #[must_use]
    pub fn url(&self, path: &str) -> Url {
        let mut url = self.base.clone();
        let joined = format!("{}{}", self.base.path().trim_end_matches('/'), path);
        url.set_path(&joined);
        url
    }

    /// One path segment for an id, percent-encoded (`/`, `?`, `#`, `%`, spaces…). An empty id,
    /// `.` or `..` is refused: every URL library and proxy resolves those as path steps, even
    /// percent-encoded (`%2e%2e`), so `/candidates/../attachments` would become `/attachments`.
    pub fn segment(&self, raw: &str) -> Result<String, ProviderError> {
        if matches!(raw, "" | "." | "..") {
            return Err(ProviderError::BadId {
                system: self.system,
                id: raw.to_owned(),
            });
        }
        Ok(encode_segment(raw))
    }

    /// A request builder for `method` on `path`.
    pub fn request(&self, method: reqwest::Method, path: &str) -> reqwest::RequestBuilder {
        self.client.request(method, self.url(path))
    }

    /// Sends a request without a streamed body and returns the response if its status is a
    /// success; otherwise the error parsed by `envelope`.
    pub async fn send(
        &self,
        request: reqwest::RequestBuilder,
        envelope: ErrorParser,
    ) -> Result<Response, ProviderError> {
        let response = self.send_unchecked(request).await?;
        self.check(response, envelope).await
    }

    /// Sends a request without a streamed body, within the overall deadline, and returns the
    /// response whatever its status (for a client that maps error answers itself).
    pub async fn send_unchecked(
        &self,
        request: reqwest::RequestBuilder,
    ) -> Result<Response, ProviderError> {
        // A small in-memory body goes out with the headers: unless the connection was never
        // made, the system may have received the request.
        request
            .timeout(self.timeouts.total)
            .send()
            .await
            .map_err(|e| self.transport_error(&e, true))
    }

    /// Sends a request whose body is streamed from `plan`, with an exact `Content-Length`,
    /// reporting progress, and abandoning it if the upload stalls.
    pub async fn send_streaming(
        &self,
        request: reqwest::RequestBuilder,
        content_type: &str,
        plan: BodyPlan,
        progress: ProgressFn,
        envelope: ErrorParser,
    ) -> Result<Response, ProviderError> {
        let response = self
            .send_streaming_unchecked(request, content_type, plan, progress)
            .await?;
        self.check(response, envelope).await
    }

    /// Like [`Http::send_streaming`], but returns the response whatever its status, for a
    /// client that maps error answers itself (Kombo branches on its error code, not only on
    /// the status). Transport failures, stalls and file problems are still mapped here.
    pub async fn send_streaming_unchecked(
        &self,
        request: reqwest::RequestBuilder,
        content_type: &str,
        plan: BodyPlan,
        progress: ProgressFn,
    ) -> Result<Response, ProviderError> {
        let tracker = BodyTracker::new();
        // If this future is dropped (the user cancelled) or gives up, the body stops at its next
        // chunk instead of finishing the upload in the background.
        let _abandon = AbandonOnDrop(Arc::clone(&tracker));
        let length = plan.content_length();
        let body = plan.into_body(progress, Arc::clone(&tracker));
        let request = request
            .timeout(self.timeouts.for_upload(length))
            .header(reqwest::header::CONTENT_TYPE, content_type)
            .header(reqwest::header::CONTENT_LENGTH, length)
            .body(reqwest::Body::wrap(body));
        let send = request.send();
        tokio::pin!(send);
        let stall = self.timeouts.stall;
        let answer_within = self.timeouts.response;
        let tick = stall.min(answer_within).min(Duration::from_millis(500)) / 2;
        let mut body_done_at: Option<tokio::time::Instant> = None;
        let result = loop {
            tokio::select! {
                result = &mut send => break result,
                () = tokio::time::sleep(tick) => {
                    if tracker.complete() {
                        // The whole body is out: the answer must come within the response time.
                        let done = *body_done_at.get_or_insert_with(tokio::time::Instant::now);
                        if done.elapsed() > answer_within {
                            return Err(ProviderError::Timeout { system: self.system, body_sent: true });
                        }
                    } else if tracker.idle_for() > stall {
                        return Err(ProviderError::Timeout { system: self.system, body_sent: false });
                    }
                }
            }
        };
        match result {
            Ok(response) => Ok(response),
            Err(e) => {
                if let Some((path, reason)) = tracker.file_error() {
                    return Err(ProviderError::File { path, reason });
                }
                Err(self.transport_error(&e, tracker.complete()))
            }
        }
    }

    /// Reads a success answer as JSON, at most `answer`'s size. A web page where data was
    /// expected (a Wi-Fi login page, a proxy) and an empty answer get sentences of their own.
    pub async fn json<T: DeserializeOwned>(
        &self,
        response: Response,
        answer: Answer,
    ) -> Result<T, ProviderError> {
        let is_html = response
            .headers()
            .get(reqwest::header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.to_ascii_lowercase().contains("html"));
        let bytes = self.body(response, answer.limit()).await?;
        let start = bytes.iter().position(|b| !b.is_ascii_whitespace());
        let looks_html = start.is_some_and(|i| bytes[i] == b'<');
        if is_html || looks_html {
            return Err(ProviderError::WebPage {
                system: self.system,
            });
        }
        if start.is_none() {
            return Err(ProviderError::InvalidResponse {
                system: self.system,
                detail: "the answer was empty".to_owned(),
            });
        }
        serde_json::from_slice(&bytes).map_err(|e| ProviderError::InvalidResponse {
            system: self.system,
            detail: format!("{e}"),
        })
    }

    /// Reads an answer's body, at most `limit` bytes: a larger one (as announced, or as it
    /// arrives) is refused with [`ProviderError::AnswerTooLarge`] and the rest left unread.
    pub async fn body(&self, mut response: Response, limit: u64) -> Result<Vec<u8>, ProviderError> {
        let too_large = || ProviderError::AnswerTooLarge {
            system: self.system,
            limit,
        };
        if response.content_length().is_some_and(|n| n > limit) {
            return Err(too_large());
        }
        let mut body = Vec::new();
        while let Some(chunk) = response
            .chunk()
            .await
            .map_err(|e| self.transport_error(&e, true))?
        {
            if (body.len() + chunk.len()) as u64 > limit {
                return Err(too_large());
            }
            body.extend_from_slice(&chunk);
        }
        Ok(body)
    }

    async fn check(
        &self,
        response: Response,
        envelope: ErrorParser,
    ) -> Result<Response, ProviderError> {
        let status = response.status();
        if status.is_success() {
            return Ok(response);
        }
        let retry_after = retry_after(response.headers());
        let location = response
            .headers()
            .get(reqwest::header::LOCATION)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        let body = self
            .body(response, ERROR_ANSWER_LIMIT)
            .await
            .unwrap_or_default();
        let parsed = envelope(&body);
        Err(status_error(
            self.system,
            status,
            parsed,
            retry_after,
            location,
        ))
    }

    /// Maps a transport failure; `body_sent` says whether the whole body had gone out.
    #[must_use]
    pub fn transport_error(&self, e: &reqwest::Error, body_sent: bool) -> ProviderError {
        if e.is_timeout() {
            return ProviderError::Timeout {
                system: self.system,
                body_sent,
            };
        }
        let detail = if e.is_connect() {
            "the connection could not be made".to_owned()
        } else {
            let mut text = e.to_string();
            let mut source = std::error::Error::source(e);
            while let Some(inner) = source {
                text = inner.to_string();
                source = inner.source();
            }
            text
        };
        ProviderError::Network {
            system: self.system,
            detail,
            body_sent: body_sent && !e.is_connect(),
        }
    }
}

/// Abandons a body when the request that owns it ends early.
struct AbandonOnDrop(Arc<BodyTracker>);

impl Drop for AbandonOnDrop {
    fn drop(&mut self) {
        if !self.0.complete() {
            self.0.abandon();
        }
    }
}

/// What a system's error envelope says.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ErrorInfo {
    /// The system's error code (`PLATFORM.INPUT_INVALID`, `UNAUTHENTICATED`).
    pub code: Option<String>,
    /// The human message.
    pub message: Option<String>,
}

/// Parses a system's error body (any bytes; never fails).
pub type ErrorParser = fn(&[u8]) -> ErrorInfo;

/// Maps a failed HTTP status to the error variant.
#[must_use]
pub fn status_error(
    system: ProviderId,
    status: StatusCode,
    info: ErrorInfo,
    retry_after: Option<Duration>,
    location: Option<String>,
) -> ProviderError {
    let ErrorInfo { code, message } = info;
    match status.as_u16() {
        401 => ProviderError::Auth { system, message },
        403 => ProviderError::Forbidden { system, message },
        404 => ProviderError::NotFound {
            system,
            what: "what was asked for".to_owned(),
            message,
        },
        413 => ProviderError::TooLarge { system, message },
        429 => ProviderError::RateLimited {
            system,
            retry_after,
        },
        300..=399 => ProviderError::Rejected {
            system,
            status: status.as_u16(),
            code,
            message: format!(
                "it redirected to another address ({}); check the base URL in the connection settings.",
                location.unwrap_or_else(|| "unknown".to_owned())
            ),
        },
        s @ 500..=599 => ProviderError::Server {
            system,
            status: s,
            message,
        },
        s => ProviderError::Rejected {
            system,
            status: s,
            code,
            message: message.unwrap_or_else(|| {
                status
                    .canonical_reason()
                    .unwrap_or("the request was not accepted")
                    .to_owned()
            }),
        },
    }
}

/// The longest `Retry-After` taken at its word: a system asking for more (or sending a
/// nonsensical number) is waited on for this long, then asked again.
pub const MAX_RETRY_AFTER: Duration = Duration::from_hours(1);

/// Reads `Retry-After` as seconds or an HTTP date, capped at [`MAX_RETRY_AFTER`].
#[must_use]
pub fn retry_after(headers: &reqwest::header::HeaderMap) -> Option<Duration> {
    let value = headers
        .get(reqwest::header::RETRY_AFTER)?
        .to_str()
        .ok()?
        .trim();
    let delay = if let Ok(seconds) = value.parse::<u64>() {
        Duration::from_secs(seconds)
    } else {
        let when = httpdate::parse_http_date(value).ok()?;
        when.duration_since(std::time::SystemTime::now())
            .unwrap_or(Duration::ZERO)
    };
    Some(delay.min(MAX_RETRY_AFTER))
}

/// Percent-encodes one path segment (ids may hold `/`, `#`, spaces). Use
/// [`Http::segment`], which also refuses ids no URL can carry.
#[must_use]
pub fn encode_segment(raw: &str) -> String {
    const SEGMENT: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
        .remove(b'-')
        .remove(b'_')
        .remove(b'.')
        .remove(b'~');
    percent_encoding::utf8_percent_encode(raw, SEGMENT).to_string()
}

/// Whether an IP address is loopback (for callers holding an address rather than a URL).
#[must_use]
pub fn ip_is_loopback(ip: IpAddr) -> bool {
    ip.is_loopback()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_urls_are_https_or_loopback() {
        let s = ProviderId::Spott;
        assert!(validate_base_url(s, "https://api.gospott.com/").is_ok());
        assert!(validate_base_url(s, "http://127.0.0.1:8080/spott").is_ok());
        assert!(validate_base_url(s, "http://localhost/spott").is_ok());
        assert!(validate_base_url(s, "http://[::1]:9/x").is_ok());
        let err = validate_base_url(s, "http://api.gospott.com").unwrap_err();
        assert!(err.to_string().contains("https://"), "{err}");
        assert!(validate_base_url(s, "ftp://x").is_err());
        assert!(validate_base_url(s, "not a url").is_err());
        assert_eq!(
            validate_base_url(s, "https://h/api/v2/").unwrap().as_str(),
            "https://h/api/v2"
        );
    }

    #[test]
    fn retry_after_reads_seconds_and_dates() {
        let mut h = reqwest::header::HeaderMap::new();
        h.insert(reqwest::header::RETRY_AFTER, "7".parse().unwrap());
        assert_eq!(retry_after(&h), Some(Duration::from_secs(7)));
        let later = std::time::SystemTime::now() + Duration::from_mins(2);
        h.insert(
            reqwest::header::RETRY_AFTER,
            httpdate::fmt_http_date(later).parse().unwrap(),
        );
        let d = retry_after(&h).unwrap();
        assert!(
            d > Duration::from_secs(100) && d <= Duration::from_mins(2),
            "{d:?}"
        );
        h.insert(reqwest::header::RETRY_AFTER, "soon".parse().unwrap());
        assert_eq!(retry_after(&h), None);
        h.insert(
            reqwest::header::RETRY_AFTER,
            "10000000000000000000".parse().unwrap(),
        );
        assert_eq!(retry_after(&h), Some(MAX_RETRY_AFTER));
    }

    #[test]
    fn urls_keep_the_base_path() {
        let http = Http::new(
            ProviderId::Kombo,
            "http://127.0.0.1:1/kombo/",
            Timeouts::default(),
        )
        .unwrap();
        assert_eq!(
            http.url("/ats/candidates").as_str(),
            "http://127.0.0.1:1/kombo/ats/candidates"
        );
        assert_eq!(encode_segment("remote.a/b c"), "remote.a%2Fb%20c");
    }

    #[test]
    fn an_address_with_a_password_is_refused_without_repeating_it() {
        for raw in [
            "https://recruiter:hunter2@api.gospott.com",
            "https://:hunter2@api.gospott.com/v1",
            "https://recruiter@api.gospott.com",
            "https://recruiter:hunter2@api.gos pott.com",
        ] {
            let err = validate_base_url(ProviderId::Spott, raw).unwrap_err();
            let text = err.to_string();
            assert!(
                !text.contains("hunter2") && !text.contains("recruiter"),
                "{text}"
            );
            assert!(matches!(err, ProviderError::Config(_)), "{err:?}");
        }
        assert!(validate_base_url(ProviderId::Spott, "https://api.gospott.com").is_ok());
    }
}
