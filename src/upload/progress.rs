//! Smoothed speed and an honest ETA.

use std::time::Duration;

/// Speed and ETA from samples of "bytes sent so far".
#[derive(Clone, Debug, Default)]
pub struct SpeedMeter {
    last_bytes: u64,
    last_at: Option<Duration>,
    started_at: Option<Duration>,
    speed: Option<f64>,
    samples: u32,
}

/// Weight of the newest sample in the moving average.
const ALPHA: f64 = 0.3;
/// No ETA until the transfer has run this long…
const STABLE_AFTER: Duration = Duration::from_secs(2);
/// …and this many samples were seen.
const STABLE_SAMPLES: u32 = 5;

impl SpeedMeter {
    /// Adds a sample: `bytes` sent in total at time `at` (since any fixed origin).
    pub fn sample(&mut self, bytes: u64, at: Duration) {
        let Some(last_at) = self.last_at else {
            self.last_at = Some(at);
            self.started_at = Some(at);
            self.last_bytes = bytes;
            return;
        };
        let dt = at.saturating_sub(last_at).as_secs_f64();
        if dt <= 0.0 {
            return;
        }
        #[allow(clippy::cast_precision_loss)]
        let instant = bytes.saturating_sub(self.last_bytes) as f64 / dt;
        self.speed = Some(match self.speed {
            Some(s) => s + ALPHA * (instant - s),
            None => instant,
        });
        self.samples += 1;
        self.last_bytes = bytes;
        self.last_at = Some(at);
    }

    /// Smoothed bytes per second, once known.
    #[must_use]
    pub fn speed(&self) -> Option<f64> {
        self.speed
    }

    /// Time left for `remaining` bytes: none until the speed is stable, and never zero while
    /// bytes remain.
    #[must_use]
    pub fn eta(&self, remaining: u64) -> Option<Duration> {
        if remaining == 0 {
            return Some(Duration::ZERO);
        }
        let running = self.last_at?.saturating_sub(self.started_at?);
        if running < STABLE_AFTER || self.samples < STABLE_SAMPLES {
            return None;
        }
        let speed = self.speed.filter(|s| *s > 1.0)?;
        #[allow(clippy::cast_precision_loss)]
        let secs = (remaining as f64 / speed).ceil().max(1.0);
        Some(Duration::from_secs_f64(secs.min(360_000.0)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_eta_until_stable_and_never_zero_while_bytes_remain() {
        let mut m = SpeedMeter::default();
        for i in 0..=30u64 {
            m.sample(i * 100_000, Duration::from_millis(i * 100));
            if i < 20 {
                assert_eq!(m.eta(5_000_000), None, "sample {i}");
            }
        }
        let speed = m.speed().unwrap();
        assert!((speed - 1_000_000.0).abs() < 1.0, "{speed}");
        assert_eq!(m.eta(5_000_000), Some(Duration::from_secs(5)));
        assert_eq!(
            m.eta(1),
            Some(Duration::from_secs(1)),
            "never 0 s left while bytes remain"
        );
        assert_eq!(m.eta(0), Some(Duration::ZERO));
    }
}
