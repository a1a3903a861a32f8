//! The sandbox's demo credentials: fixed, public, and only valid against the emulator.

use serde::Serialize;

use crate::model::ProviderId;

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

/// One system's sandbox address and credentials, as `atsdrop sandbox --json` prints them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SandboxAccount {
    /// The base URL to give the client.
    pub base_url: String,
    /// API key (all but Endorsed).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub api_key: Option<String>,
    /// Endorsed client id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub client_id: Option<String>,
    /// Endorsed client secret.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub client_secret: Option<String>,
    /// Kombo integration id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub integration_id: Option<String>,
    /// Truto integrated account id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub integrated_account_id: Option<String>,
}

/// The account of `provider` on an emulator whose root is `root` (`http://127.0.0.1:PORT`).
#[must_use]
pub fn account(provider: ProviderId, root: &str) -> SandboxAccount {
    let mut account = SandboxAccount {
        base_url: format!("{root}/{}", provider.key()),
        api_key: None,
        client_id: None,
        client_secret: None,
        integration_id: None,
        integrated_account_id: None,
    };
    match provider {
        ProviderId::Spott => account.api_key = Some(SPOTT_API_KEY.to_owned()),
        ProviderId::Endorsed => {
            account.client_id = Some(ENDORSED_CLIENT_ID.to_owned());
            account.client_secret = Some(ENDORSED_CLIENT_SECRET.to_owned());
        }
        ProviderId::Kombo => {
            account.api_key = Some(KOMBO_API_KEY.to_owned());
            account.integration_id = Some(KOMBO_INTEGRATION_ID.to_owned());
        }
        ProviderId::Onderwijsregio => account.api_key = Some(ONDERWIJSREGIO_API_KEY.to_owned()),
        ProviderId::Truto => {
            account.api_key = Some(TRUTO_API_KEY.to_owned());
            account.integrated_account_id = Some(TRUTO_INTEGRATED_ACCOUNT_ID.to_owned());
        }
    }
    account
}
