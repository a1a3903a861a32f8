//! A local server that speaks all five systems' APIs, strictly: used by the tests, the
//! benchmarks and the app's "Try the sandbox".
//!
//! Every system lives under its own prefix on one loopback port, so a client's base URL is
//! `http://127.0.0.1:PORT/<system>`. Requests are checked as strictly as the real API would
//! (auth headers, required ids, field names, encodings, limits) and answered in the system's
//! own error envelope. Attachments are stored as size + sha256, hashed while they stream in.
//! Faults can be injected per route ([`faults`]); everything received is recorded.

pub mod admin;
pub mod credentials;
mod endorsed;
pub mod envelope;
pub mod faults;
pub mod ingest;
mod killable;
mod kombo;
mod onderwijsregio;
pub mod ratelimit;
pub mod record;
pub mod seed;
mod server;
mod spott;
pub mod store;
mod truto;

use std::io;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use tokio::sync::oneshot;
use tokio::task::JoinHandle;

pub use credentials::{DEMO_TENANT, SandboxAccount, TenantId, Tenants};
pub use faults::{Fault, FaultKind, Faults, RouteMatch};
pub use record::{RecordedRequest, Recorder};
pub use store::{Store, StoredAttachment};

use crate::model::ProviderId;
use crate::providers::Connection;

/// How to run the emulator.
#[derive(Clone, Debug)]
pub struct EmulatorConfig {
    /// Port on 127.0.0.1; 0 picks a free one.
    pub port: u16,
    /// Seeded candidates per system.
    pub candidates_per_system: usize,
    /// How long Onderwijsregio's Mutation Engine takes to apply an accepted mutation.
    pub mutation_delay: Duration,
    /// Whether documented rate limits are enforced (429s on bursts).
    pub rate_limits: bool,
}

impl Default for EmulatorConfig {
    fn default() -> Self {
        Self {
            port: 0,
            candidates_per_system: 300,
            mutation_delay: Duration::from_millis(300),
            rate_limits: true,
        }
    }
}

/// State shared by every route.
#[derive(Debug)]
pub struct Shared {
    /// The configuration.
    pub config: EmulatorConfig,
    /// Candidates and attachments.
    pub store: Store,
    /// Pending faults.
    pub faults: Faults,
    /// Requests received.
    pub recorder: Recorder,
    /// The secrets it accepts, and whose attachments each opens.
    pub tenants: Tenants,
    /// `http://127.0.0.1:PORT`.
    pub root: String,
    spott: spott::State,
    endorsed: endorsed::State,
    kombo: kombo::State,
    onderwijsregio: onderwijsregio::State,
    truto: truto::State,
}

impl Shared {
    /// Every system's sandbox account.
    #[must_use]
    pub fn accounts(&self) -> serde_json::Map<String, serde_json::Value> {
        ProviderId::ALL
            .into_iter()
            .map(|p| {
                let account = credentials::account(p, &self.root);
                (
                    p.key().to_owned(),
                    serde_json::to_value(account).unwrap_or_default(),
                )
            })
            .collect()
    }
}

/// A running emulator. Dropping it stops the server.
#[derive(Debug)]
pub struct Emulator {
    addr: SocketAddr,
    shared: Arc<Shared>,
    shutdown: Option<oneshot::Sender<()>>,
    task: Option<JoinHandle<()>>,
}

impl Emulator {
    /// Binds `127.0.0.1:config.port` and starts serving on the current tokio runtime.
    pub async fn spawn(config: EmulatorConfig) -> io::Result<Self> {
        let listener = tokio::net::TcpListener::bind(("127.0.0.1", config.port)).await?;
        let addr = listener.local_addr()?;
        let shared = Arc::new(Shared {
            store: Store::seeded(config.candidates_per_system),
            faults: Faults::default(),
            recorder: Recorder::default(),
            tenants: Tenants::default(),
            root: format!("http://{addr}"),
            spott: spott::State::default(),
            endorsed: endorsed::State::default(),
            kombo: kombo::State::default(),
            onderwijsregio: onderwijsregio::State::default(),
            truto: truto::State::default(),
            config,
        });
        let (tx, rx) = oneshot::channel();
        let task = tokio::spawn(server::serve(listener, Arc::clone(&shared), rx));
        Ok(Self {
            addr,
            shared,
            shutdown: Some(tx),
            task: Some(task),
        })
    }

    /// The socket address.
    #[must_use]
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// `http://127.0.0.1:PORT`.
    #[must_use]
    pub fn root(&self) -> &str {
        &self.shared.root
    }

    /// A system's base URL on this emulator.
    #[must_use]
    pub fn base_url(&self, provider: ProviderId) -> String {
        format!("{}/{}", self.shared.root, provider.key())
    }

    /// A system's sandbox account (base URL and demo credentials).
    #[must_use]
    pub fn account(&self, provider: ProviderId) -> SandboxAccount {
        credentials::account(provider, &self.shared.root)
    }

    /// A ready-to-use connection to a system on this emulator with its demo credentials.
    #[must_use]
    pub fn connection(&self, provider: ProviderId) -> Connection {
        self.account(provider).connection()
    }

    /// Adds a tenant `name` of `provider` opened by `secret`, with the demo account's ids:
    /// a second account at the same address, with attachments of its own. Returns its account.
    #[must_use = "the account holds the tenant's base URL and credentials"]
    pub fn add_tenant(&self, provider: ProviderId, name: &str, secret: &str) -> SandboxAccount {
        self.shared.tenants.add(provider, name, secret);
        SandboxAccount {
            secret: secret.to_owned(),
            ..self.account(provider)
        }
    }

    /// The shared state (store, faults, recorder).
    #[must_use]
    pub fn shared(&self) -> &Arc<Shared> {
        &self.shared
    }

    /// The data store.
    #[must_use]
    pub fn store(&self) -> &Store {
        &self.shared.store
    }

    /// The fault registry.
    #[must_use]
    pub fn faults(&self) -> &Faults {
        &self.shared.faults
    }

    /// Every request received so far.
    #[must_use]
    pub fn received(&self) -> Vec<RecordedRequest> {
        self.shared.recorder.all()
    }

    /// Waits until `done` holds for the received requests, up to `timeout`.
    pub async fn wait_for(
        &self,
        timeout: Duration,
        done: impl Fn(&[RecordedRequest]) -> bool,
    ) -> bool {
        self.shared.recorder.wait_for(timeout, done).await
    }

    /// Stops the server and waits for it.
    pub async fn shutdown(mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        if let Some(task) = self.task.take() {
            let _ = task.await;
        }
    }
}

impl Drop for Emulator {
    fn drop(&mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
    }
}
