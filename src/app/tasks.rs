//! Background work for the app: futures run on the tokio runtime and hand their results back
//! through a channel, then ask egui to repaint. The UI thread never waits on them.
//!
//! Every piece of work answers exactly once, even when it panics: the caller says what to
//! report in that case (an error sentence in the feature's own `Done`), so no state waits
//! forever ("Connecting…", "Wait until every file is checked").

use std::cell::Cell;
use std::future::Future;
use std::panic::AssertUnwindSafe;
use std::sync::mpsc;

use futures_util::FutureExt as _;

use super::TaskResult;

/// A result on its way to the UI thread.
enum Message {
    /// One of several results of long-running work (a folder inspected in parts).
    Part(TaskResult),
    /// The last (or only) result of a task.
    Last(TaskResult),
}

/// Spawns background work and collects its results.
pub struct Tasks {
    runtime: tokio::runtime::Handle,
    sender: mpsc::Sender<Message>,
    receiver: mpsc::Receiver<Message>,
    ctx: egui::Context,
    /// Tasks spawned whose last result has not been drained yet.
    running: Cell<usize>,
}

impl Tasks {
    /// Tasks on `runtime` that wake `ctx` when they finish.
    #[must_use]
    pub fn new(runtime: tokio::runtime::Handle, ctx: egui::Context) -> Self {
        let (sender, receiver) = mpsc::channel();
        Self {
            runtime,
            sender,
            receiver,
            ctx,
            running: Cell::new(0),
        }
    }

    /// Runs `work` in the background; its result arrives through [`Tasks::drain`]. Should the
    /// work panic, `if_it_panics` makes the result instead.
    pub fn spawn(
        &self,
        work: impl Future<Output = TaskResult> + Send + 'static,
        if_it_panics: impl FnOnce() -> TaskResult + Send + 'static,
    ) {
        let reporter = self.reporter();
        self.running.set(self.running.get() + 1);
        self.runtime.spawn(async move {
            // The work's state is not looked at again after a panic: unwinding is safe.
            let result = AssertUnwindSafe(work)
                .catch_unwind()
                .await
                .unwrap_or_else(|_| if_it_panics());
            reporter.finish(result);
        });
    }

    /// Runs blocking `work` (disk, keyring, dialogs) on the blocking pool. Should the work
    /// panic, `if_it_panics` makes the result instead.
    pub fn spawn_blocking(
        &self,
        work: impl FnOnce() -> TaskResult + Send + 'static,
        if_it_panics: impl FnOnce() -> TaskResult + Send + 'static,
    ) {
        let reporter = self.reporter();
        self.running.set(self.running.get() + 1);
        self.runtime.spawn_blocking(move || {
            let result =
                std::panic::catch_unwind(AssertUnwindSafe(work)).unwrap_or_else(|_| if_it_panics());
            reporter.finish(result);
        });
    }

    /// A sender for work that reports more than once (a large folder, inspected in parts):
    /// pass it into work started with [`Tasks::spawn_blocking`], which still answers last.
    #[must_use]
    pub fn reporter(&self) -> Reporter {
        Reporter {
            sender: self.sender.clone(),
            ctx: self.ctx.clone(),
        }
    }

    /// The results that arrived since the last call.
    #[must_use]
    pub fn drain(&self) -> Vec<TaskResult> {
        self.receiver
            .try_iter()
            .map(|message| match message {
                Message::Part(result) => result,
                Message::Last(result) => {
                    self.running.set(self.running.get().saturating_sub(1));
                    result
                }
            })
            .collect()
    }

    /// How many spawned tasks have not answered yet (their last result not drained).
    #[must_use]
    pub fn running(&self) -> usize {
        self.running.get()
    }
}

/// Sends results from long-running background work.
#[derive(Clone)]
pub struct Reporter {
    sender: mpsc::Sender<Message>,
    ctx: egui::Context,
}

impl Reporter {
    /// Sends one result and wakes the UI; false when the app is gone.
    pub fn send(&self, result: TaskResult) -> bool {
        self.deliver(Message::Part(result))
    }

    fn finish(&self, result: TaskResult) {
        self.deliver(Message::Last(result));
    }

    fn deliver(&self, message: Message) -> bool {
        let sent = self.sender.send(message).is_ok();
        if sent {
            self.ctx.request_repaint();
        }
        sent
    }
}

/// The sentence shown when background work for `what` ("Connecting to Spott") panicked.
#[must_use]
pub fn crashed(what: &str) -> String {
    crate::t!("app-crashed", what = what)
}
