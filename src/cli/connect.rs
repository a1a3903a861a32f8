//! Which account a command talks to: a saved connection (`--profile`, secret from the OS
//! keyring) or flags plus environment variables. The flags for account ids and the variables
//! for secrets are not written here: they come from each system's declared account shape
//! (`model::profiles::<system>`), so a system added there gets its flags here.

use std::collections::BTreeMap;

use atsdrop::credentials;
use atsdrop::model::{AccountField, ProviderId, Secret};
use atsdrop::providers::{Connection, Timeouts};
use atsdrop::settings::{self, ConnectionProfile, Settings};
use atsdrop::upload::{Account, SecretOrigin, Source};
use clap::parser::ValueSource;
use clap::{Arg, ArgMatches};

use super::failure::usage;

/// Options every networked command shares: `--provider`, `--base-url`, `--profile`, and one
/// flag per account field any system declares (`--integration-id`, `--integrated-account-id`,
/// `--client-id`…), each falling back to its environment variable.
#[derive(Debug, Clone, Default)]
pub struct ConnectionArgs {
    /// The system (optional with `--profile`).
    pub provider: Option<ProviderId>,
    /// The API root.
    pub base_url: Option<String>,
    /// A connection saved in the app.
    pub profile: Option<String>,
    /// Account field values by key, and whether each was typed on the command line (rather
    /// than taken from the environment).
    pub ids: BTreeMap<&'static str, (String, bool)>,
}

/// Every account field some system declares, once per flag.
fn declared_fields() -> Vec<&'static AccountField> {
    let mut fields: Vec<&'static AccountField> = Vec::new();
    for provider in ProviderId::ALL {
        for field in provider.profile().account.fields {
            if !fields.iter().any(|f| f.flag == field.flag) {
                fields.push(field);
            }
        }
    }
    fields
}

impl clap::FromArgMatches for ConnectionArgs {
    fn from_arg_matches(matches: &ArgMatches) -> Result<Self, clap::Error> {
        let mut args = Self::default();
        args.update_from_arg_matches(matches)?;
        Ok(args)
    }

    fn update_from_arg_matches(&mut self, matches: &ArgMatches) -> Result<(), clap::Error> {
        if let Some(p) = matches.get_one::<ProviderId>("provider") {
            self.provider = Some(*p);
        }
        if let Some(url) = matches.get_one::<String>("base_url") {
            self.base_url = Some(url.clone());
        }
        if let Some(name) = matches.get_one::<String>("profile") {
            self.profile = Some(name.clone());
        }
        for field in declared_fields() {
            if let Some(value) = matches.get_one::<String>(field.key) {
                let typed = matches.value_source(field.key) == Some(ValueSource::CommandLine);
                self.ids.insert(field.key, (value.clone(), typed));
            }
        }
        Ok(())
    }
}

impl clap::Args for ConnectionArgs {
    fn augment_args(cmd: clap::Command) -> clap::Command {
        let mut cmd = cmd
            .arg(
                Arg::new("provider")
                    .long("provider")
                    .short('p')
                    .value_name("PROVIDER")
                    .value_parser(clap::value_parser!(ProviderId))
                    .help("The system: spott, endorsed, kombo, onderwijsregio or truto (optional with --profile)."),
            )
            .arg(
                Arg::new("base_url")
                    .long("base-url")
                    .value_name("URL")
                    .help("The API root (default: the system's real one; http:// only to this computer)."),
            )
            .arg(
                Arg::new("profile")
                    .long("profile")
                    .value_name("NAME")
                    .help("A connection saved in the app; its secret comes from the OS keyring."),
            );
        for field in declared_fields() {
            cmd = cmd.arg(
                Arg::new(field.key)
                    .long(field.flag)
                    .env(field.env)
                    .value_name("ID")
                    .help(field.help),
            );
        }
        cmd
    }

    fn augment_args_for_update(cmd: clap::Command) -> clap::Command {
        Self::augment_args(cmd)
    }
}

fn env(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.trim().is_empty())
}

/// The secret of `provider` from its declared environment variable, if set.
fn env_secret(provider: ProviderId) -> Option<Secret> {
    env(provider.profile().account.secret.env).map(Secret::new)
}

fn missing_secret(provider: ProviderId) -> atsdrop::i18n::Text {
    let secret = provider.profile().account.secret;
    atsdrop::text!(
        "run-missing-secret",
        noun = secret.noun,
        provider = provider.to_string(),
        env = secret.env
    )
}

/// The secret of a saved connection from the OS keyring (`None` when none is stored or the
/// keyring is unavailable).
fn keyring_secret(profile_id: &str) -> Option<Secret> {
    match credentials::os_store().and_then(|store| store.get(profile_id)) {
        Ok(secret) => secret,
        Err(e) => {
            tracing::warn!("the OS keyring could not be read: {e}");
            None
        }
    }
}

fn saved_profile(name: &str) -> anyhow::Result<ConnectionProfile> {
    let path = Settings::default_path().map_err(|e| usage(e.to_string()))?;
    let loaded = Settings::load_or_recover(&path).map_err(|e| usage(e.to_string()))?;
    Ok(loaded
        .settings
        .get(name)
        .map_err(|e| usage(e.to_string()))?
        .clone())
}

/// Resolves the flags to a connection (with its secret) and where it came from.
pub fn resolve(args: &ConnectionArgs) -> anyhow::Result<(Connection, Source)> {
    let (mut connection, source) = if let Some(name) = &args.profile {
        let profile = saved_profile(name)?;
        if let Some(p) = args.provider
            && p != profile.provider
        {
            return Err(usage(atsdrop::t!(
                "run-connection-other-system",
                name = &profile.name,
                system = profile.provider.to_string(),
                provider = p.to_string()
            )));
        }
        let secret = keyring_secret(&profile.id)
            .or_else(|| env_secret(profile.provider))
            .ok_or_else(|| {
                usage(atsdrop::t!(
                    "run-no-secret-stored",
                    name = &profile.name,
                    missing = missing_secret(profile.provider)
                ))
            })?;
        let source = Source::Saved {
            id: profile.id.clone(),
            name: profile.name.clone(),
        };
        (profile.connection(secret), source)
    } else {
        let provider = args
            .provider
            .ok_or_else(|| usage(atsdrop::t!("run-say-which-system")))?;
        let secret =
            env_secret(provider).ok_or_else(|| usage(missing_secret(provider).to_string()))?;
        let base_url = provider.profile().default_base_url;
        (
            Connection::new(provider, base_url, secret),
            Source::Environment,
        )
    };
    if let Some(url) = &args.base_url {
        connection.base_url.clone_from(url);
    }
    let shape = connection.provider.profile().account;
    for (key, (value, typed)) in &args.ids {
        match shape.field(key) {
            Some(field) => connection.ids.set(field.key, value),
            // A flag of another system's account: a mistake when typed; a variable left in the
            // environment for another system is ignored.
            None if *typed => {
                let flag = declared_fields()
                    .into_iter()
                    .find(|f| f.key == *key)
                    .map_or(*key, |f| f.flag);
                return Err(usage(atsdrop::t!(
                    "run-flag-not-used",
                    flag = flag,
                    system = connection.provider.to_string()
                )));
            }
            None => {}
        }
    }
    if let Some(field) = connection.ids.first_missing(&shape) {
        return Err(usage(atsdrop::t!(
            "run-give-missing-id",
            missing = field.missing,
            flag = field.flag,
            env = field.env
        )));
    }
    connection
        .check_complete()
        .map_err(|e| usage(e.to_string()))?;
    Ok((connection, source))
}

/// The journal folder (`<data dir>/journal`, or `$ATSDROP_DATA_DIR/journal`).
pub fn journal_dir() -> anyhow::Result<std::path::PathBuf> {
    Ok(settings::data_dir()
        .map_err(|e| usage(e.to_string()))?
        .join("journal"))
}

/// Finds the connection for a journaled account, for `atsdrop resume`: a job started from a
/// saved connection gets that connection's current secret from the keyring (or, without one,
/// the environment's — which the engine uses only if it is the credential the job was started
/// with); a job started from the environment gets the environment's secret with the address
/// and ids the journal recorded, used only if it is that very credential.
///
/// The reasons stay English: the engine puts them in its own (English) sentence, which
/// `resume --json` carries as it is.
pub fn secret_for(account: &Account) -> Result<(Connection, SecretOrigin), String> {
    let provider = account.provider;
    let journaled = || Connection {
        provider,
        base_url: account.base_url.clone(),
        secret: Secret::new(String::new()),
        ids: account.ids.clone(),
        timeouts: Timeouts::default(),
    };
    let from_env = || {
        env_secret(provider)
            .map(|secret| {
                (
                    Connection {
                        secret,
                        ..journaled()
                    },
                    SecretOrigin::Supplied,
                )
            })
            .ok_or_else(|| {
                let secret = provider.profile().account.secret;
                format!("{} is not set.", secret.env)
            })
    };
    match &account.source {
        Source::Saved { id, name } => {
            let profile = Settings::default_path()
                .ok()
                .and_then(|path| Settings::load_or_recover(&path).ok())
                .and_then(|loaded| loaded.settings.find(id).cloned());
            match profile {
                Some(profile) => match keyring_secret(&profile.id) {
                    Some(secret) => Ok((profile.connection(secret), SecretOrigin::SavedConnection)),
                    None => from_env(),
                },
                None => Err(format!(
                    "The connection \u{201c}{name}\u{201d} is not saved on this computer."
                )),
            }
        }
        Source::Sandbox => Err("It was started in the app's sandbox.".to_owned()),
        Source::Environment => from_env(),
    }
}
