//! Background work for the app: futures run on the tokio runtime and hand their results back
//! through a channel, then ask egui to repaint. The UI thread never waits on them.

use std::future::Future;
use std::sync::mpsc;

use super::TaskResult;

/// Spawns background work and collects its results.
pub struct Tasks {
    runtime: tokio::runtime::Handle,
    sender: mpsc::Sender<TaskResult>,
    receiver: mpsc::Receiver<TaskResult>,
    ctx: egui::Context,
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
        }
    }

    /// Runs `work` in the background; its result arrives through [`Tasks::drain`].
    pub fn spawn(&self, work: impl Future<Output = TaskResult> + Send + 'static) {
        let sender = self.sender.clone();
        let ctx = self.ctx.clone();
        self.runtime.spawn(async move {
            let result = work.await;
            if sender.send(result).is_ok() {
                ctx.request_repaint();
            }
        });
    }

    /// Runs blocking `work` (disk, keyring, dialogs) on the blocking pool.
    pub fn spawn_blocking(&self, work: impl FnOnce() -> TaskResult + Send + 'static) {
        let sender = self.sender.clone();
        let ctx = self.ctx.clone();
        self.runtime.spawn_blocking(move || {
            if sender.send(work()).is_ok() {
                ctx.request_repaint();
            }
        });
    }

    /// A sender for work that reports more than once (a large folder, inspected in parts).
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
        self.receiver.try_iter().collect()
    }

    /// The runtime the work runs on.
    #[must_use]
    pub fn runtime(&self) -> &tokio::runtime::Handle {
        &self.runtime
    }
}

/// Sends results from long-running background work.
#[derive(Clone)]
pub struct Reporter {
    sender: mpsc::Sender<TaskResult>,
    ctx: egui::Context,
}

impl Reporter {
    /// Sends one result and wakes the UI; false when the app is gone.
    pub fn send(&self, result: TaskResult) -> bool {
        let sent = self.sender.send(result).is_ok();
        if sent {
            self.ctx.request_repaint();
        }
        sent
    }
}
