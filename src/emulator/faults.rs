//! Fault injection: answer the next N requests of a route with an error status, a dropped
//! connection mid-body, or a delay. Usable from tests (`Emulator::faults`), over HTTP
//! (`POST /_emulator/faults`) and from `atsdrop sandbox --fault`.

use std::str::FromStr;
use std::sync::Mutex;
use std::time::Duration;

use serde::{Deserialize, Serialize};

use crate::model::ProviderId;

/// What to do instead of (or before) answering normally.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum FaultKind {
    /// Answer with this status in the system's error envelope; 429 carries `Retry-After`.
    Status {
        /// HTTP status (429, 500, 502, 503…).
        status: u16,
        /// `Retry-After` seconds for 429/503.
        #[serde(default)]
        retry_after: Option<u64>,
    },
    /// Read this many body bytes, then cut the connection.
    DropMidBody {
        /// Bytes read before cutting.
        #[serde(default = "default_drop_after")]
        after_bytes: u64,
    },
    /// Read the whole body, let the request be handled (and stored), then cut the connection
    /// instead of answering: the client cannot know whether it arrived.
    DropAfterBody,
    /// Wait this long, then answer normally (a stall when longer than the client's timeout).
    Delay {
        /// Milliseconds to wait.
        millis: u64,
    },
    /// Let the request be handled (and stored), then answer with this status and error code
    /// instead of the real answer: the system did the work but says it failed.
    AnswerAfterBody {
        /// HTTP status.
        status: u16,
        /// The system's error code, if any (`PLATFORM.TASK_TIMED_OUT`).
        #[serde(default)]
        code: Option<String>,
    },
    /// Onderwijsregio: accept the mutation (202) as usual, then let it fail in the Mutation
    /// Engine, so the attachment never appears.
    FailMutation,
}

/// Marks an Onderwijsregio request whose mutation is to fail after its 202 (see
/// [`FaultKind::FailMutation`]).
#[derive(Clone, Copy, Debug)]
pub struct FailMutation;

fn default_drop_after() -> u64 {
    64 * 1024
}

/// Which requests a fault applies to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RouteMatch {
    /// The system.
    pub provider: ProviderId,
    /// HTTP method, or any.
    #[serde(default)]
    pub method: Option<String>,
    /// Path under the system's prefix; `*` matches one segment, a trailing `/**` anything
    /// below. `None` matches every path.
    #[serde(default)]
    pub path: Option<String>,
}

impl RouteMatch {
    /// Whether a request matches.
    #[must_use]
    pub fn matches(&self, provider: ProviderId, method: &str, path: &str) -> bool {
        provider == self.provider
            && self
                .method
                .as_deref()
                .is_none_or(|m| m.eq_ignore_ascii_case(method))
            && self.path.as_deref().is_none_or(|p| path_matches(p, path))
    }
}

fn path_matches(pattern: &str, path: &str) -> bool {
    let pat: Vec<&str> = pattern.trim_matches('/').split('/').collect();
    let got: Vec<&str> = path.trim_matches('/').split('/').collect();
    let mut i = 0;
    while i < pat.len() {
        if pat[i] == "**" {
            return true;
        }
        match got.get(i) {
            Some(seg) if pat[i] == "*" || pat[i] == *seg => {}
            _ => return false,
        }
        i += 1;
    }
    i == got.len()
}

/// A fault waiting to fire.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fault {
    /// Which requests.
    #[serde(flatten)]
    pub route: RouteMatch,
    /// What happens.
    #[serde(flatten)]
    pub kind: FaultKind,
    /// How many matching requests it applies to.
    #[serde(default = "one")]
    pub count: u32,
}

fn one() -> u32 {
    1
}

/// The registry of pending faults.
#[derive(Debug, Default)]
pub struct Faults {
    pending: Mutex<Vec<Fault>>,
}

impl Faults {
    /// Adds a fault.
    pub fn inject(&self, fault: Fault) {
        if let Ok(mut pending) = self.pending.lock() {
            pending.push(fault);
        }
    }

    /// Removes every pending fault.
    pub fn clear(&self) {
        if let Ok(mut pending) = self.pending.lock() {
            pending.clear();
        }
    }

    /// Faults still waiting to fire.
    #[must_use]
    pub fn pending(&self) -> Vec<Fault> {
        self.pending.lock().map(|p| p.clone()).unwrap_or_default()
    }

    /// Takes one firing of the first fault matching the request, if any.
    #[must_use]
    pub fn take(&self, provider: ProviderId, method: &str, path: &str) -> Option<FaultKind> {
        let mut pending = self.pending.lock().ok()?;
        let index = pending
            .iter()
            .position(|f| f.count > 0 && f.route.matches(provider, method, path))?;
        let fault = &mut pending[index];
        fault.count -= 1;
        let kind = fault.kind.clone();
        if fault.count == 0 {
            pending.remove(index);
        }
        Some(kind)
    }
}

/// A fault spec could not be read.
#[derive(Debug, thiserror::Error)]
#[error(
    "bad fault \u{201c}{spec}\u{201d}: {reason} (expected PROVIDER[:METHOD][:PATH]=KIND[xCOUNT], KIND one of 429[@SECS], 500, 502, 503, drop, drop-after, delay:MILLIS)"
)]
pub struct FaultSpecError {
    spec: String,
    reason: String,
}

impl FromStr for Fault {
    type Err = FaultSpecError;

    /// `kombo:POST:/ats/candidates/*/attachments=429@2x3`, `truto=503`, `spott:POST=drop`,
    /// `onderwijsregio:GET:/candidates=delay:5000`, `kombo:POST=after:500:PLATFORM.UNKNOWN_ERROR`
    /// (store, then answer an error), `onderwijsregio:POST=fail-mutation`.
    fn from_str(spec: &str) -> Result<Self, Self::Err> {
        let err = |reason: &str| FaultSpecError {
            spec: spec.to_owned(),
            reason: reason.to_owned(),
        };
        let (route, action) = spec.split_once('=').ok_or_else(|| err("missing ="))?;
        let mut parts = route.splitn(3, ':');
        let provider: ProviderId = parts
            .next()
            .unwrap_or_default()
            .parse()
            .map_err(|_| err("unknown system"))?;
        let method = parts
            .next()
            .filter(|m| !m.is_empty())
            .map(str::to_uppercase);
        let path = parts.next().filter(|p| !p.is_empty()).map(str::to_owned);
        let (action, count) = match action.rsplit_once('x') {
            Some((a, n)) if n.chars().all(|c| c.is_ascii_digit()) && !n.is_empty() => {
                (a, n.parse().map_err(|_| err("bad count"))?)
            }
            _ => (action, 1),
        };
        let kind = if let Some(ms) = action.strip_prefix("delay:") {
            FaultKind::Delay {
                millis: ms.parse().map_err(|_| err("bad delay"))?,
            }
        } else if action == "drop" {
            FaultKind::DropMidBody {
                after_bytes: default_drop_after(),
            }
        } else if action == "drop-after" {
            FaultKind::DropAfterBody
        } else if action == "fail-mutation" {
            FaultKind::FailMutation
        } else if let Some(rest) = action.strip_prefix("after:") {
            let (status, code) = match rest.split_once(':') {
                Some((s, c)) => (s, Some(c.to_owned())),
                None => (rest, None),
            };
            FaultKind::AnswerAfterBody {
                status: status.parse().map_err(|_| err("bad status"))?,
                code,
            }
        } else {
            let (status, retry) = match action.split_once('@') {
                Some((s, r)) => (s, Some(r.parse().map_err(|_| err("bad Retry-After"))?)),
                None => (action, None),
            };
            let status: u16 = status.parse().map_err(|_| err("unknown kind"))?;
            if !(400..=599).contains(&status) {
                return Err(err("status must be 400..599"));
            }
            FaultKind::Status {
                status,
                retry_after: retry.or((status == 429).then_some(1)),
            }
        };
        Ok(Self {
            route: RouteMatch {
                provider,
                method,
                path,
            },
            kind,
            count,
        })
    }
}

/// How long a delay fault waits.
#[must_use]
pub fn delay_of(kind: &FaultKind) -> Option<Duration> {
    match kind {
        FaultKind::Delay { millis } => Some(Duration::from_millis(*millis)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn specs_parse() {
        let f: Fault = "kombo:POST:/ats/candidates/*/attachments=429@2x3"
            .parse()
            .unwrap();
        assert_eq!(f.count, 3);
        assert_eq!(
            f.kind,
            FaultKind::Status {
                status: 429,
                retry_after: Some(2)
            }
        );
        assert!(
            f.route
                .matches(ProviderId::Kombo, "post", "/ats/candidates/abc/attachments")
        );
        assert!(
            !f.route
                .matches(ProviderId::Kombo, "GET", "/ats/candidates/abc/attachments")
        );
        assert!(
            !f.route
                .matches(ProviderId::Kombo, "POST", "/ats/candidates")
        );
        let f: Fault = "truto=drop".parse().unwrap();
        assert!(
            f.route
                .matches(ProviderId::Truto, "POST", "/unified/ats/attachments")
        );
        let f: Fault = "spott:GET:/candidates/**=delay:1500".parse().unwrap();
        assert_eq!(delay_of(&f.kind), Some(Duration::from_millis(1500)));
        assert!(f.route.matches(ProviderId::Spott, "GET", "/candidates/x/y"));
        assert!("nobody=500".parse::<Fault>().is_err());
        assert!("spott=200".parse::<Fault>().is_err());
    }

    #[test]
    fn faults_fire_count_times() {
        let faults = Faults::default();
        faults.inject("spott=503x2".parse().unwrap());
        assert!(
            faults
                .take(ProviderId::Spott, "GET", "/candidates")
                .is_some()
        );
        assert!(
            faults
                .take(ProviderId::Kombo, "GET", "/candidates")
                .is_none()
        );
        assert!(
            faults
                .take(ProviderId::Spott, "GET", "/candidates")
                .is_some()
        );
        assert!(
            faults
                .take(ProviderId::Spott, "GET", "/candidates")
                .is_none()
        );
    }
}
