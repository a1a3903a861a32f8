//! One lane per account: bounded concurrency, the documented request rate, and a pause that a
//! 429 puts on this lane only.

use std::sync::Mutex;
use std::time::Duration;

use tokio::sync::{Semaphore, SemaphorePermit};
use tokio::time::Instant;

use crate::model::{ProviderId, RateLimit};

/// The least added to a documented window (1 % of it is added when that is more; see
/// [`Bucket::new`]).
const WINDOW_MARGIN: Duration = Duration::from_millis(25);

/// A sliding window: at most `capacity` requests in any `window`, as the systems document
/// their limits (and as they count: a token bucket refilling continuously would let through
/// up to twice the limit within one window, and the system answers 429).
#[derive(Debug)]
struct Bucket {
    capacity: usize,
    window: Duration,
    sent: Mutex<std::collections::VecDeque<Instant>>,
}

impl Bucket {
    fn new(requests: u32, window: Duration) -> Self {
        Self {
            capacity: (requests.max(1)) as usize,
            // A request leaves a little after its turn (Spott's assign only once its upload
            // is answered), and two may reach the system in the other order: a margin keeps
            // the system's own count within its limit.
            window: window + (window / 100).max(WINDOW_MARGIN),
            sent: Mutex::new(std::collections::VecDeque::new()),
        }
    }

    /// Takes `n` requests' turns, waiting as needed.
    async fn take(&self, n: usize) {
        // Never more than the window holds.
        let n = n.clamp(1, self.capacity);
        loop {
            let wait = {
                let Ok(mut sent) = self.sent.lock() else {
                    return;
                };
                let now = Instant::now();
                while sent
                    .front()
                    .is_some_and(|t| now.duration_since(*t) >= self.window)
                {
                    sent.pop_front();
                }
                if sent.len() + n <= self.capacity {
                    sent.extend(std::iter::repeat_n(now, n));
                    return;
                }
                // The turn comes when enough of the oldest have left the window.
                let freeing = sent.len() + n - self.capacity;
                let Some(&oldest) = sent.get(freeing - 1) else {
                    return;
                };
                (oldest + self.window).saturating_duration_since(now)
            };
            tokio::time::sleep(wait).await;
        }
    }
}

/// The lane of one account.
#[derive(Debug)]
pub struct Lane {
    label: String,
    permits: Semaphore,
    bucket: Option<Bucket>,
    requests_per_upload: usize,
    paused_until: Mutex<Option<Instant>>,
}

impl Lane {
    /// A lane for `provider` honouring `rate`, with at most `parallel` uploads at once.
    #[must_use]
    pub fn new(label: String, provider: ProviderId, rate: RateLimit, parallel: usize) -> Self {
        let parallel = rate
            .max_in_flight
            .map_or(parallel, |max| parallel.min(max as usize))
            .max(1);
        Self {
            label,
            permits: Semaphore::new(parallel),
            bucket: rate.requests.map(|r| Bucket::new(r, rate.per)),
            requests_per_upload: provider.profile().requests_per_upload.max(1) as usize,
            paused_until: Mutex::new(None),
        }
    }

    /// The lane's name for messages ("Spott (Acme)").
    #[must_use]
    pub fn label(&self) -> &str {
        &self.label
    }

    /// Waits until this lane may send one more upload: not paused, a free slot, and the rate
    /// allows it. The slot is held until the permit is dropped.
    pub async fn acquire(&self) -> Option<SemaphorePermit<'_>> {
        let permit = self.slot().await?;
        self.take_upload_turn().await;
        Some(permit)
    }

    /// Waits for an upload slot (not paused, one of the lane's slots free) without taking the
    /// upload's turn in the rate: the caller takes it with [`Lane::take_upload_turn`] right
    /// before the upload leaves — a turn taken long before its request (while the candidate is
    /// looked at first) would be counted early, and the system, counting when it arrives,
    /// would see more than its limit.
    pub async fn slot(&self) -> Option<SemaphorePermit<'_>> {
        self.wait_while_paused().await;
        self.permits.acquire().await.ok()
    }

    /// Takes the turn of one upload's requests in the rate (Spott: the upload and its
    /// assign), waiting as needed.
    pub async fn take_upload_turn(&self) {
        self.wait_while_paused().await;
        if let Some(bucket) = &self.bucket {
            bucket.take(self.requests_per_upload).await;
        }
    }

    async fn wait_while_paused(&self) {
        loop {
            let until = self.paused_until.lock().ok().and_then(|p| *p);
            match until {
                Some(t) if t > Instant::now() => tokio::time::sleep_until(t).await,
                _ => break,
            }
        }
    }

    /// Waits until this lane may make one more (non-upload) request — a look at the candidate
    /// — without taking an upload slot: not paused, and the rate allows it.
    pub async fn take_request(&self) {
        loop {
            let until = self.paused_until.lock().ok().and_then(|p| *p);
            match until {
                Some(t) if t > Instant::now() => tokio::time::sleep_until(t).await,
                _ => break,
            }
        }
        if let Some(bucket) = &self.bucket {
            bucket.take(1).await;
        }
    }

    /// Pauses the lane for `delay` (a 429's `Retry-After`); other lanes go on. A delay too
    /// long to represent pauses it for a day.
    pub fn pause_for(&self, delay: Duration) {
        const LONGEST: Duration = Duration::from_hours(24);
        let now = Instant::now();
        let Some(until) = now.checked_add(delay).or_else(|| now.checked_add(LONGEST)) else {
            return;
        };
        if let Ok(mut paused) = self.paused_until.lock()
            && paused.is_none_or(|t| t < until)
        {
            *paused = Some(until);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test(start_paused = true)]
    async fn the_rate_spaces_requests() {
        let lane = Lane::new(
            "x".into(),
            ProviderId::Onderwijsregio,
            RateLimit {
                requests: Some(5),
                per: Duration::from_secs(1),
                max_in_flight: None,
            },
            10,
        );
        let start = Instant::now();
        for _ in 0..10 {
            drop(lane.acquire().await);
        }
        let elapsed = start.elapsed();
        assert!(
            elapsed >= Duration::from_millis(990) && elapsed < Duration::from_millis(1100),
            "{elapsed:?}"
        );
    }

    /// A token bucket refilling continuously let through ten requests within one second
    /// under a limit of five per second (the system answered 429): no window may hold more.
    #[tokio::test(start_paused = true)]
    async fn no_window_holds_more_requests_than_the_limit() {
        let lane = Lane::new(
            "x".into(),
            ProviderId::Onderwijsregio,
            RateLimit {
                requests: Some(5),
                per: Duration::from_secs(1),
                max_in_flight: None,
            },
            10,
        );
        let mut times = Vec::new();
        for i in 0..25 {
            if i % 7 == 3 {
                // Idle now and then: the window must not forget what it let through.
                tokio::time::sleep(Duration::from_millis(300)).await;
            }
            lane.take_request().await;
            times.push(Instant::now());
        }
        for (i, t) in times.iter().enumerate() {
            let within = times[i..]
                .iter()
                .filter(|u| u.duration_since(*t) < Duration::from_secs(1))
                .count();
            assert!(
                within <= 5,
                "{within} requests within a second from request {i}"
            );
        }
        // And it is no slower than the limit: 25 requests take four windows (with their
        // margin), plus the last idle pause.
        let elapsed = times[24].duration_since(times[0]);
        assert!(elapsed <= Duration::from_millis(4_800), "{elapsed:?}");
    }

    #[tokio::test(start_paused = true)]
    async fn an_absurd_pause_does_not_overflow() {
        let lane = Lane::new(
            "x".into(),
            ProviderId::Kombo,
            RateLimit {
                requests: None,
                per: Duration::from_secs(1),
                max_in_flight: Some(30),
            },
            4,
        );
        lane.pause_for(Duration::MAX);
        let until = lane.paused_until.lock().unwrap().unwrap();
        assert!(until > Instant::now() + Duration::from_hours(1));
    }

    #[tokio::test(start_paused = true)]
    async fn a_pause_holds_only_this_lane() {
        let rate = RateLimit {
            requests: None,
            per: Duration::from_secs(1),
            max_in_flight: Some(30),
        };
        let a = Lane::new("a".into(), ProviderId::Kombo, rate, 4);
        let b = Lane::new("b".into(), ProviderId::Kombo, rate, 4);
        a.pause_for(Duration::from_secs(7));
        let start = Instant::now();
        drop(b.acquire().await);
        assert!(start.elapsed() < Duration::from_millis(10));
        drop(a.acquire().await);
        assert!(start.elapsed() >= Duration::from_secs(7));
    }
}
