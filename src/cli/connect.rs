//! Which account a command talks to: a saved connection (`--profile`, secret from the OS
//! keyring) or flags plus environment variables (`ATSDROP_API_KEY`, or `ATSDROP_CLIENT_ID` and
//! `ATSDROP_CLIENT_SECRET` for Endorsed).

use atsdrop::credentials;
use atsdrop::model::{ProviderId, Secret};
use atsdrop::providers::{Connection, Credentials, Timeouts};
use atsdrop::settings::{self, Settings};
use atsdrop::upload::ConnectionRef;

use super::failure::usage;

/// Environment variable holding the API key (Spott, Kombo, Onderwijsregio, Truto).
pub const ENV_API_KEY: &str = "ATSDROP_API_KEY";
/// Environment variable holding Endorsed's client id.
pub const ENV_CLIENT_ID: &str = "ATSDROP_CLIENT_ID";
/// Environment variable holding Endorsed's client secret.
pub const ENV_CLIENT_SECRET: &str = "ATSDROP_CLIENT_SECRET";

/// Options every networked command shares.
#[derive(Debug, Clone, clap::Args)]
pub struct ConnectionArgs {
    /// The system: spott, endorsed, kombo, onderwijsregio or truto (optional with --profile).
    #[arg(long, short = 'p')]
    pub provider: Option<ProviderId>,
    /// The API root (default: the system's real one; `http://` only to this computer).
    #[arg(long, value_name = "URL")]
    pub base_url: Option<String>,
    /// A connection saved in the app; its secret comes from the OS keyring.
    #[arg(long, value_name = "NAME")]
    pub profile: Option<String>,
    /// Kombo: the integration id (X-Integration-Id).
    #[arg(long, env = "ATSDROP_INTEGRATION_ID", value_name = "ID")]
    pub integration_id: Option<String>,
    /// Truto: the integrated account id.
    #[arg(long, env = "ATSDROP_INTEGRATED_ACCOUNT_ID", value_name = "ID")]
    pub integrated_account_id: Option<String>,
}

fn env(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.trim().is_empty())
}

/// Credentials from the environment for `provider`, if set.
pub fn env_credentials(provider: ProviderId, client_id: Option<&str>) -> Option<Credentials> {
    if provider == ProviderId::Endorsed {
        let id = env(ENV_CLIENT_ID).or_else(|| client_id.map(str::to_owned))?;
        let secret = env(ENV_CLIENT_SECRET)?;
        Some(Credentials::ClientSecret {
            client_id: id,
            client_secret: Secret::new(secret),
        })
    } else {
        env(ENV_API_KEY).map(|k| Credentials::ApiKey(Secret::new(k)))
    }
}

fn missing_credentials(provider: ProviderId) -> String {
    if provider == ProviderId::Endorsed {
        format!(
            "No credentials for {provider}: set {ENV_CLIENT_ID} and {ENV_CLIENT_SECRET}, or use --profile with a connection saved in the app."
        )
    } else {
        format!(
            "No API key for {provider}: set {ENV_API_KEY}, or use --profile with a connection saved in the app."
        )
    }
}

/// The secret of a saved connection from the OS keyring (`None` when none is stored or the
/// keyring is unavailable — the caller falls back to the environment).
fn keyring_secret(profile_id: &str) -> Option<Secret> {
    match credentials::os_store().and_then(|store| store.get(profile_id)) {
        Ok(secret) => secret,
        Err(e) => {
            tracing::warn!("the OS keyring could not be read: {e}");
            None
        }
    }
}

/// Resolves the flags to a connection (with its secret) and what the journal records about it.
pub fn resolve(args: &ConnectionArgs) -> anyhow::Result<(Connection, ConnectionRef)> {
    let (connection, profile_id, profile_name) = if let Some(name) = &args.profile {
        let path = Settings::default_path().map_err(|e| usage(e.to_string()))?;
        let loaded = Settings::load_or_recover(&path).map_err(|e| usage(e.to_string()))?;
        let profile = loaded
            .settings
            .get(name)
            .map_err(|e| usage(e.to_string()))?
            .clone();
        if let Some(p) = args.provider
            && p != profile.provider
        {
            return Err(usage(format!(
                "The connection \u{201c}{}\u{201d} is for {}, not {p}.",
                profile.name, profile.provider
            )));
        }
        let mut connection = if let Some(secret) = keyring_secret(&profile.id) {
            profile.connection(secret)
        } else {
            let credentials = env_credentials(profile.provider, profile.client_id.as_deref())
                .ok_or_else(|| usage(format!(
                    "No secret is stored for the connection \u{201c}{}\u{201d} on this computer. {}",
                    profile.name,
                    missing_credentials(profile.provider)
                )))?;
            let mut c = profile.connection(Secret::new(String::new()));
            c.credentials = credentials;
            c
        };
        if let Some(url) = &args.base_url {
            connection.base_url.clone_from(url);
        }
        (
            connection,
            Some(profile.id.clone()),
            Some(profile.name.clone()),
        )
    } else {
        let provider = args.provider.ok_or_else(|| {
            usage("Say which system with --provider (spott, endorsed, kombo, onderwijsregio, truto) or use --profile.")
        })?;
        let credentials =
            env_credentials(provider, None).ok_or_else(|| usage(missing_credentials(provider)))?;
        (
            Connection {
                provider,
                base_url: args
                    .base_url
                    .clone()
                    .unwrap_or_else(|| provider.profile().default_base_url.to_owned()),
                credentials,
                integration_id: None,
                integrated_account_id: None,
                timeouts: Timeouts::default(),
            },
            None,
            None,
        )
    };
    let mut connection = connection;
    if args.integration_id.is_some() {
        connection.integration_id.clone_from(&args.integration_id);
    }
    if args.integrated_account_id.is_some() {
        connection
            .integrated_account_id
            .clone_from(&args.integrated_account_id);
    }
    connection
        .check_complete()
        .map_err(|e| usage(e.to_string()))?;
    let reference = ConnectionRef::of(&connection, profile_id, profile_name);
    Ok((connection, reference))
}

/// The journal folder (`<data dir>/journal`, or `$ATSDROP_DATA_DIR/journal`).
pub fn journal_dir() -> anyhow::Result<std::path::PathBuf> {
    Ok(settings::data_dir()
        .map_err(|e| usage(e.to_string()))?
        .join("journal"))
}

/// Finds the secret for a journaled account: its saved connection's keyring entry, else the
/// environment.
pub fn secret_for(reference: &ConnectionRef) -> Result<Connection, String> {
    let from_profile = reference.profile_id.as_deref().and_then(|id| {
        let path = Settings::default_path().ok()?;
        let loaded = Settings::load_or_recover(&path).ok()?;
        let profile = loaded.settings.find(id)?.clone();
        keyring_secret(&profile.id).map(|s| profile.connection(s))
    });
    let credentials = match from_profile {
        Some(c) => c.credentials,
        None => env_credentials(reference.provider, reference.client_id.as_deref())
            .ok_or_else(|| missing_credentials(reference.provider))?,
    };
    Ok(Connection {
        provider: reference.provider,
        base_url: reference.base_url.clone(),
        credentials,
        integration_id: reference.integration_id.clone(),
        integrated_account_id: reference.integrated_account_id.clone(),
        timeouts: Timeouts::default(),
    })
}
