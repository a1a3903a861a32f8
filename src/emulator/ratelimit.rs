//! Sliding-window rate limits and in-flight caps, as the systems document them.

use std::collections::VecDeque;
use std::sync::Arc;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{Duration, Instant};

/// At most `limit` hits per `window`.
#[derive(Debug)]
pub struct RateWindow {
    limit: usize,
    window: Duration,
    hits: Mutex<VecDeque<Instant>>,
}

impl RateWindow {
    /// A window allowing `limit` hits per `window`.
    #[must_use]
    pub fn new(limit: usize, window: Duration) -> Self {
        Self {
            limit,
            window,
            hits: Mutex::new(VecDeque::new()),
        }
    }

    /// Counts a hit; `Err(wait)` when over the limit (the hit is not counted).
    pub fn hit(&self) -> Result<(), Duration> {
        let now = Instant::now();
        let Ok(mut hits) = self.hits.lock() else {
            return Ok(());
        };
        while hits
            .front()
            .is_some_and(|t| now.duration_since(*t) >= self.window)
        {
            hits.pop_front();
        }
        if hits.len() >= self.limit {
            let oldest = hits.front().copied().unwrap_or(now);
            return Err(self.window.saturating_sub(now.duration_since(oldest)));
        }
        hits.push_back(now);
        Ok(())
    }
}

/// At most `limit` requests in flight.
#[derive(Debug)]
pub struct InFlight {
    limit: u32,
    current: Arc<AtomicU32>,
}

/// Releases an in-flight slot when dropped.
#[derive(Debug)]
pub struct InFlightGuard(Arc<AtomicU32>);

impl Drop for InFlightGuard {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::AcqRel);
    }
}

impl InFlight {
    /// A cap of `limit` concurrent requests.
    #[must_use]
    pub fn new(limit: u32) -> Self {
        Self {
            limit,
            current: Arc::new(AtomicU32::new(0)),
        }
    }

    /// Takes a slot; `Err(remaining)` when all are taken.
    pub fn enter(&self) -> Result<InFlightGuard, u32> {
        let previous = self.current.fetch_add(1, Ordering::AcqRel);
        if previous >= self.limit {
            self.current.fetch_sub(1, Ordering::AcqRel);
            return Err(0);
        }
        Ok(InFlightGuard(Arc::clone(&self.current)))
    }

    /// Slots still free.
    #[must_use]
    pub fn remaining(&self) -> u32 {
        self.limit
            .saturating_sub(self.current.load(Ordering::Acquire))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn window_limits_and_recovers() {
        let w = RateWindow::new(2, Duration::from_millis(50));
        assert!(w.hit().is_ok());
        assert!(w.hit().is_ok());
        let wait = w.hit().unwrap_err();
        assert!(wait <= Duration::from_millis(50));
        std::thread::sleep(Duration::from_millis(60));
        assert!(w.hit().is_ok());
    }

    #[test]
    fn in_flight_caps() {
        let f = InFlight::new(1);
        let g = f.enter().unwrap();
        assert!(f.enter().is_err());
        drop(g);
        assert!(f.enter().is_ok());
    }
}
