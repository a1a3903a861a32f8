//! The sandbox's demo credentials (fixed, public, and only valid against the emulator), and
//! its tenants: every secret the emulator accepts opens one tenant, with its own attachments.
//! The demo secret of each system opens the tenant [`DEMO_TENANT`]; tests and
//! `atsdrop sandbox --tenant` add more, so two keys of one system at one address are two
//! accounts, as they are on the real systems.

use std::sync::Mutex;

use serde::ser::{Serialize, SerializeMap, Serializer};

use crate::model::profiles::{
    endorsed::CLIENT_ID, kombo::INTEGRATION_ID, truto::INTEGRATED_ACCOUNT_ID,
};
use crate::model::{AccountIds, ProviderId, Secret};
use crate::providers::{Connection, Timeouts};

/// Spott demo API key.
pub const SPOTT_API_KEY: &str = "spott-sandbox-key";
/// Endorsed demo client id (a UUID, as Endorsed issues them).
pub const ENDORSED_CLIENT_ID: &str = "5b0f3c1e-7a2d-4c8e-9f10-0000000000e1";
/// Endorsed demo client secret.
pub const ENDORSED_CLIENT_SECRET: &str = "endorsed-sandbox-secret";
/// Kombo demo API key.
pub const KOMBO_API_KEY: &str = "kombo-sandbox-key";
/// Kombo demo integration (`<tool>:<id>`).
pub const KOMBO_INTEGRATION_ID: &str = "workday:HWUTwvyx2wLoSUHphiWVrp28";
/// Onderwijsregio demo API key.
pub const ONDERWIJSREGIO_API_KEY: &str = "onderwijsregio-sandbox-key";
/// Truto demo API token.
pub const TRUTO_API_KEY: &str = "truto-sandbox-token";
/// Truto demo integrated account (a Lever account, which supports attachment upload).
pub const TRUTO_INTEGRATED_ACCOUNT_ID: &str = "62f44730-dd91-461e-bd6a-aedd9e0ad79d";

/// The tenant the demo credentials open.
pub const DEMO_TENANT: &str = "demo";

/// A system's demo secret.
#[must_use]
pub fn demo_secret(provider: ProviderId) -> &'static str {
    match provider {
        ProviderId::Spott => SPOTT_API_KEY,
        ProviderId::Endorsed => ENDORSED_CLIENT_SECRET,
        ProviderId::Kombo => KOMBO_API_KEY,
        ProviderId::Onderwijsregio => ONDERWIJSREGIO_API_KEY,
        ProviderId::Truto => TRUTO_API_KEY,
    }
}

/// The demo value of an account field, by the key a profile declares.
#[must_use]
pub fn demo_id(key: &str) -> Option<&'static str> {
    match key {
        CLIENT_ID => Some(ENDORSED_CLIENT_ID),
        INTEGRATION_ID => Some(KOMBO_INTEGRATION_ID),
        INTEGRATED_ACCOUNT_ID => Some(TRUTO_INTEGRATED_ACCOUNT_ID),
        _ => None,
    }
}

/// One system's sandbox address and credentials. `atsdrop sandbox --json` prints it as
/// `{"base_url", <the secret's json key>, <each account field's key>}`, from the system's
/// declared account shape.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SandboxAccount {
    /// The system.
    pub provider: ProviderId,
    /// The base URL to give the client.
    pub base_url: String,
    /// The secret (public: these are demo credentials).
    pub secret: String,
    /// The account fields the system declares.
    pub ids: AccountIds,
}

impl SandboxAccount {
    /// A ready-to-use connection with these credentials.
    #[must_use]
    pub fn connection(&self) -> Connection {
        Connection {
            provider: self.provider,
            base_url: self.base_url.clone(),
            secret: Secret::new(self.secret.clone()),
            ids: self.ids.clone(),
            timeouts: Timeouts::default(),
        }
    }
}

impl Serialize for SandboxAccount {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let shape = self.provider.profile().account;
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("base_url", &self.base_url)?;
        map.serialize_entry(shape.secret.json_key, &self.secret)?;
        for (key, value) in self.ids.iter() {
            map.serialize_entry(key, value)?;
        }
        map.end()
    }
}

/// The demo account of `provider` on an emulator whose root is `root` (`http://127.0.0.1:PORT`).
#[must_use]
pub fn account(provider: ProviderId, root: &str) -> SandboxAccount {
    let ids = provider
        .profile()
        .account
        .fields
        .iter()
        .fold(AccountIds::new(), |ids, f| {
            ids.with(f.key, demo_id(f.key).unwrap_or_default())
        });
    SandboxAccount {
        provider,
        base_url: format!("{root}/{}", provider.key()),
        secret: demo_secret(provider).to_owned(),
        ids,
    }
}

/// One tenant: the secret that opens it, per system.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Tenant {
    provider: ProviderId,
    name: String,
    secret: String,
}

/// Every tenant the emulator knows: the demo one per system, and those added since.
#[derive(Debug)]
pub struct Tenants {
    all: Mutex<Vec<Tenant>>,
}

impl Default for Tenants {
    fn default() -> Self {
        Self {
            all: Mutex::new(
                ProviderId::ALL
                    .into_iter()
                    .map(|provider| Tenant {
                        provider,
                        name: DEMO_TENANT.to_owned(),
                        secret: demo_secret(provider).to_owned(),
                    })
                    .collect(),
            ),
        }
    }
}

impl Tenants {
    /// Adds a tenant of `provider` opened by `secret` (the demo account ids stay valid). A
    /// secret already known keeps its tenant.
    pub fn add(&self, provider: ProviderId, name: &str, secret: &str) {
        let Ok(mut all) = self.all.lock() else {
            return;
        };
        if all
            .iter()
            .any(|t| t.provider == provider && t.secret == secret)
        {
            return;
        }
        all.push(Tenant {
            provider,
            name: name.to_owned(),
            secret: secret.to_owned(),
        });
    }

    /// The tenant `secret` opens, if any.
    #[must_use]
    pub fn of(&self, provider: ProviderId, secret: &str) -> Option<String> {
        self.all.lock().ok().and_then(|all| {
            all.iter()
                .find(|t| t.provider == provider && t.secret == secret.trim())
                .map(|t| t.name.clone())
        })
    }

    /// The secret of a tenant, if it exists.
    #[must_use]
    pub fn secret_of(&self, provider: ProviderId, name: &str) -> Option<String> {
        self.all.lock().ok().and_then(|all| {
            all.iter()
                .find(|t| t.provider == provider && t.name == name)
                .map(|t| t.secret.clone())
        })
    }
}

/// Which tenant a request acted as: the auth layer of each system puts it in the request's
/// extensions (for the handlers) and the response's (for the recorder).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct TenantId(pub String);

/// Runs the rest of a request as `tenant`: handlers read it from the request's extensions (as
/// `Extension<TenantId>`), the recorder from the response's.
pub async fn run_as(
    tenant: TenantId,
    mut request: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    request.extensions_mut().insert(tenant.clone());
    let mut response = next.run(request).await;
    response.extensions_mut().insert(tenant);
    response
}
