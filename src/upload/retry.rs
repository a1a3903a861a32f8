//! When to try again, and how long to wait.

use std::time::Duration;

use crate::providers::ProviderError;

/// Exponential backoff with jitter, honouring `Retry-After`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RetryPolicy {
    /// Most attempts per file (the first included).
    pub max_attempts: u32,
    /// Delay after the first failure.
    pub base: Duration,
    /// Longest delay.
    pub cap: Duration,
    /// Random spread, as a fraction of the delay (0.2 = ±20 %).
    pub jitter: f64,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        Self {
            max_attempts: 5,
            base: Duration::from_secs(1),
            cap: Duration::from_secs(30),
            jitter: 0.2,
        }
    }
}

impl RetryPolicy {
    /// The wait before attempt `next_attempt` (2 = first retry); a system's `Retry-After` wins
    /// when it is longer.
    #[must_use]
    pub fn delay(&self, next_attempt: u32, retry_after: Option<Duration>) -> Duration {
        let exponent = next_attempt.saturating_sub(2).min(16);
        let backoff = self.base.saturating_mul(1 << exponent).min(self.cap);
        let spread = backoff.as_secs_f64() * self.jitter * (fastrand::f64() * 2.0 - 1.0);
        let jittered = Duration::from_secs_f64((backoff.as_secs_f64() + spread).max(0.0));
        match retry_after {
            Some(asked) => asked.max(jittered.min(asked.saturating_add(self.base))),
            None => jittered,
        }
    }
}

/// What the engine does after a failed attempt.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// Safe to send again (after a wait).
    Retry,
    /// The system may have stored it: check or re-send with the same key before anything else.
    Unknown,
    /// Give up: the user must change something.
    Fail,
}

/// Classifies an error: 429, 502/503/504, connection failures before the body was complete and
/// timeouts are retried; a body that went out without an answer, and a success answer that
/// cannot be read, are unknown outcomes; 400, 401, 403, 404, 413, 415, 422, 500 and file
/// problems are not retried. (The engine also treats a 502/504 that came after the whole body
/// as an unknown outcome on systems without an idempotency key or upsert id: only it knows how
/// much of the body went out.)
#[must_use]
pub fn classify(error: &ProviderError) -> Verdict {
    match error {
        ProviderError::RateLimited { .. }
        | ProviderError::Server {
            status: 502..=504, ..
        }
        | ProviderError::Network {
            body_sent: false, ..
        }
        | ProviderError::Timeout {
            body_sent: false, ..
        } => Verdict::Retry,
        // The body went out without an answer, or a success answer could not be read.
        e if e.outcome_unknown() => Verdict::Unknown,
        _ => Verdict::Fail,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ProviderId;

    #[test]
    fn backoff_grows_caps_and_honours_retry_after() {
        let p = RetryPolicy {
            jitter: 0.0,
            ..RetryPolicy::default()
        };
        assert_eq!(p.delay(2, None), Duration::from_secs(1));
        assert_eq!(p.delay(3, None), Duration::from_secs(2));
        assert_eq!(p.delay(4, None), Duration::from_secs(4));
        assert_eq!(p.delay(20, None), Duration::from_secs(30));
        assert_eq!(
            p.delay(2, Some(Duration::from_secs(10))),
            Duration::from_secs(10)
        );
        let j = RetryPolicy::default();
        for _ in 0..100 {
            let d = j.delay(3, None);
            assert!(
                d >= Duration::from_millis(1600) && d <= Duration::from_millis(2400),
                "{d:?}"
            );
        }
    }

    #[test]
    fn classifies_what_is_safe_to_repeat() {
        let s = ProviderId::Spott;
        assert_eq!(
            classify(&ProviderError::RateLimited {
                system: s,
                retry_after: None
            }),
            Verdict::Retry
        );
        assert_eq!(
            classify(&ProviderError::Server {
                system: s,
                status: 503,
                message: None
            }),
            Verdict::Retry
        );
        assert_eq!(
            classify(&ProviderError::Server {
                system: s,
                status: 500,
                message: None
            }),
            Verdict::Fail
        );
        assert_eq!(
            classify(&ProviderError::Network {
                system: s,
                detail: String::new(),
                body_sent: false
            }),
            Verdict::Retry
        );
        assert_eq!(
            classify(&ProviderError::Network {
                system: s,
                detail: String::new(),
                body_sent: true
            }),
            Verdict::Unknown
        );
        assert_eq!(
            classify(&ProviderError::Timeout {
                system: s,
                body_sent: true
            }),
            Verdict::Unknown
        );
        assert_eq!(
            classify(&ProviderError::InvalidResponse {
                system: s,
                detail: "expected value at line 1".into()
            }),
            Verdict::Unknown
        );
        for status in [400, 409, 415, 422] {
            assert_eq!(
                classify(&ProviderError::Rejected {
                    system: s,
                    status,
                    code: None,
                    message: String::new()
                }),
                Verdict::Fail
            );
        }
        assert_eq!(
            classify(&ProviderError::Auth {
                system: s,
                message: None
            }),
            Verdict::Fail
        );
        assert_eq!(
            classify(&ProviderError::TooLarge {
                system: s,
                message: None
            }),
            Verdict::Fail
        );
    }
}
