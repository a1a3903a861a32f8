//! `Idempotency-Key` on unified writes [R-uni]: a key repeated on the same integrated account
//! gets the cached answer of the first request, and nothing is stored again.
//!
//! Emulator choices [assumption]: only successful answers are cached (a failed request can be
//! repeated with the same key once fixed); a key whose first request is still running answers
//! 409; keys are 1–255 characters.

use std::collections::HashMap;
use std::sync::Mutex;

use serde_json::Value;

/// Longest key accepted [assumption].
pub const MAX_KEY_LEN: usize = 255;

#[derive(Debug)]
enum Slot {
    InFlight,
    Done(Value),
}

/// Answers remembered per `(integrated account, key)`.
#[derive(Debug, Default)]
pub struct Cache {
    entries: Mutex<HashMap<(String, String), Slot>>,
}

/// What to do with a request carrying a key.
#[derive(Debug)]
pub enum Begin<'a> {
    /// First time: handle it, then [`Pending::finish`] with the answer.
    Fresh(Pending<'a>),
    /// Seen and answered: send this body again.
    Replay(Value),
    /// The first request with this key is still being handled.
    Busy,
}

impl Cache {
    /// Claims `key` for `account`.
    pub fn begin(&self, account: &str, key: &str) -> Begin<'_> {
        let Ok(mut entries) = self.entries.lock() else {
            return Begin::Busy;
        };
        let id = (account.to_owned(), key.to_owned());
        match entries.get(&id) {
            Some(Slot::Done(body)) => Begin::Replay(body.clone()),
            Some(Slot::InFlight) => Begin::Busy,
            None => {
                entries.insert(id.clone(), Slot::InFlight);
                Begin::Fresh(Pending {
                    cache: self,
                    id,
                    finished: false,
                })
            }
        }
    }
}

/// A claimed key; released again when dropped without [`Pending::finish`].
#[derive(Debug)]
pub struct Pending<'a> {
    cache: &'a Cache,
    id: (String, String),
    finished: bool,
}

impl Pending<'_> {
    /// Remembers the successful answer for later repeats.
    pub fn finish(mut self, body: Value) {
        if let Ok(mut entries) = self.cache.entries.lock() {
            entries.insert(self.id.clone(), Slot::Done(body));
        }
        self.finished = true;
    }
}

impl Drop for Pending<'_> {
    fn drop(&mut self) {
        if !self.finished
            && let Ok(mut entries) = self.cache.entries.lock()
        {
            entries.remove(&self.id);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_replay_only_after_success() {
        let cache = Cache::default();
        let Begin::Fresh(first) = cache.begin("a", "k") else {
            panic!("fresh")
        };
        assert!(matches!(cache.begin("a", "k"), Begin::Busy));
        assert!(matches!(cache.begin("b", "k"), Begin::Fresh(_)));
        drop(first);
        let Begin::Fresh(again) = cache.begin("a", "k") else {
            panic!("released after failure")
        };
        again.finish(serde_json::json!({"id": "1"}));
        assert!(matches!(cache.begin("a", "k"), Begin::Replay(v) if v["id"] == "1"));
    }
}
