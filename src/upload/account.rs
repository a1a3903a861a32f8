//! Which account a job belongs to — the one notion clients, lanes, rate limits, duplicate
//! checks, resume and history key on, built in one place ([`Fingerprinter::account`]).
//!
//! An [`Account`] is the system, its address, the account ids the system declares (Kombo's
//! integration id, Truto's integrated account id, Endorsed's client id), *which connection* it
//! came from ([`Source`]: a saved connection, the sandbox, or the command line's environment)
//! and a [`CredentialPrint`] of the secret the job was started with — never the secret.
//!
//! Two accounts are the same ([`Account::key`]) when system, address and ids agree and: for a
//! saved connection, it is the same saved connection (its key may have been fixed since: a
//! retry then uses the new one); otherwise, the credential is the same. So "Agency A – Spott"
//! and "Agency B – Spott" at one address are two accounts, and a key from the environment is
//! only ever sent where a job was started with that very key.

use std::fmt;
use std::fs;
use std::io::{self, Read, Write};
use std::path::Path;

use hmac::{Hmac, KeyInit, Mac};
use serde::{Deserialize, Serialize};
use sha2::Sha256;

use crate::model::{AccountIds, ProviderId, Secret};
use crate::providers::Connection;

/// Where a job's connection came from.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Source {
    /// A connection saved in the app; its secret is in the OS keyring under `id`.
    Saved {
        /// The saved connection's stable id.
        id: String,
        /// Its name when the job started, for messages and history.
        name: String,
    },
    /// A demo account of the built-in sandbox.
    Sandbox,
    /// Flags and environment variables of the command line (`ATSDROP_API_KEY`…).
    Environment,
}

/// A fingerprint of a credential: the first 8 bytes (16 hex digits) of HMAC-SHA256 keyed with
/// this installation's random 32-byte salt, over the system and the secret. It tells whether
/// a secret is the one a job was started with; it cannot give the secret back (see
/// [`Fingerprinter`]).
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct CredentialPrint(String);

impl fmt::Display for CredentialPrint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Which account a job goes to, as the journal stores it: everything except the secret.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(from = "AccountFile")]
pub struct Account {
    /// The system.
    pub provider: ProviderId,
    /// The API root, without a trailing slash.
    pub base_url: String,
    /// The account ids the system declares.
    #[serde(default)]
    pub ids: AccountIds,
    /// Which connection it came from.
    pub source: Source,
    /// The credential the job was started with (`None` in journals written before atsdrop
    /// recorded it).
    #[serde(default)]
    pub credential: Option<CredentialPrint>,
}

/// What [`Account`]s are compared by: see the module documentation.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct AccountKey {
    provider: ProviderId,
    base_url: String,
    ids: AccountIds,
    holder: Holder,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum Holder {
    /// A saved connection, by id.
    Saved(String),
    /// Anything else, by its credential.
    Credential(Option<CredentialPrint>),
}

impl Account {
    /// What this account is compared by.
    #[must_use]
    pub fn key(&self) -> AccountKey {
        AccountKey {
            provider: self.provider,
            base_url: normalize_url(&self.base_url),
            ids: self.ids.clone(),
            holder: match &self.source {
                Source::Saved { id, .. } => Holder::Saved(id.clone()),
                Source::Sandbox | Source::Environment => {
                    Holder::Credential(self.credential.clone())
                }
            },
        }
    }

    /// Whether two references address the same account (see the module documentation).
    #[must_use]
    pub fn same_account(&self, other: &Self) -> bool {
        self.key() == other.key()
    }

    /// "Spott (Agency A)", "Spott (sandbox)" or "Spott".
    #[must_use]
    pub fn label(&self) -> String {
        match &self.source {
            Source::Saved { name, .. } if !name.is_empty() => format!("{} ({name})", self.provider),
            Source::Sandbox => format!("{} (sandbox)", self.provider),
            _ => self.provider.display_name().to_owned(),
        }
    }

    /// What resuming this account's jobs needs, in a sentence: the saved connection, or the
    /// environment variable holding the very secret the job was started with.
    #[must_use]
    pub fn needs(&self) -> String {
        let shape = self.provider.profile().account;
        match &self.source {
            Source::Saved { name, .. } => format!(
                "the saved connection \u{201c}{name}\u{201d} to {} at {}, with its {} in the keyring",
                self.provider, self.base_url, shape.secret.noun
            ),
            Source::Sandbox => format!(
                "the sandbox at {}, which is no longer running: upload the files again",
                self.base_url
            ),
            Source::Environment => match &self.credential {
                Some(print) => format!(
                    "the {} it was started with in {} (fingerprint {print}) for {} at {}",
                    shape.secret.noun, shape.secret.env, self.provider, self.base_url
                ),
                None => format!(
                    "the {} it was started with, which this older journal did not record: upload the files again",
                    shape.secret.noun
                ),
            },
        }
    }
}

fn normalize_url(url: &str) -> String {
    url.trim().trim_end_matches('/').to_owned()
}

/// The record as stored: this shape, or the flat one of journals written before accounts had
/// a source and a credential (`profile_id`, `profile_name`, `integration_id`…).
#[derive(Deserialize)]
struct AccountFile {
    provider: ProviderId,
    base_url: String,
    #[serde(default)]
    ids: Option<AccountIds>,
    #[serde(default)]
    source: Option<Source>,
    #[serde(default)]
    credential: Option<CredentialPrint>,
    #[serde(default)]
    profile_id: Option<String>,
    #[serde(default)]
    profile_name: Option<String>,
    #[serde(flatten)]
    rest: std::collections::BTreeMap<String, serde_json::Value>,
}

impl From<AccountFile> for Account {
    fn from(file: AccountFile) -> Self {
        let ids = file.ids.unwrap_or_else(|| {
            file.provider
                .profile()
                .account
                .fields
                .iter()
                .fold(AccountIds::new(), |ids, f| match file.rest.get(f.key) {
                    Some(serde_json::Value::String(v)) => ids.with(f.key, v),
                    _ => ids,
                })
        });
        let source = file.source.unwrap_or_else(|| match file.profile_id {
            Some(id) => Source::Saved {
                id,
                name: file.profile_name.unwrap_or_default(),
            },
            None => Source::Environment,
        });
        Self {
            provider: file.provider,
            base_url: normalize_url(&file.base_url),
            ids,
            source,
            credential: file.credential,
        }
    }
}

/// Makes [`CredentialPrint`]s and [`Account`]s with this installation's salt.
///
/// The salt is 32 random bytes in `credential.salt` next to the journal (mode 0600 on Unix),
/// created once. A print is the first 8 bytes of HMAC-SHA256(salt, "atsdrop-credential-v1",
/// system, secret). It cannot give the key back: HMAC-SHA256 is one-way, and 64 bits is far
/// less than an API key holds, so countless keys share each print; without the salt file a
/// guessed key cannot even be checked against it.
#[derive(Clone)]
pub struct Fingerprinter {
    salt: [u8; 32],
}

impl fmt::Debug for Fingerprinter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Fingerprinter([salt redacted])")
    }
}

/// The salt file's name in the journal folder.
pub const SALT_FILE: &str = "credential.salt";

impl Fingerprinter {
    /// Reads the salt in `dir`, creating it (atomically, readable by this user only) the
    /// first time.
    pub fn open(dir: &Path) -> io::Result<Self> {
        let path = dir.join(SALT_FILE);
        let mut salt = [0u8; 32];
        match fs::File::open(&path) {
            Ok(mut file) => {
                file.read_exact(&mut salt)?;
                return Ok(Self { salt });
            }
            Err(e) if e.kind() == io::ErrorKind::NotFound => {}
            Err(e) => return Err(e),
        }
        salt[..16].copy_from_slice(uuid::Uuid::new_v4().as_bytes());
        salt[16..].copy_from_slice(uuid::Uuid::new_v4().as_bytes());
        let temp = dir.join(format!("{SALT_FILE}.{}", uuid::Uuid::new_v4().simple()));
        let mut file = super::private::create_file(&temp)?;
        file.write_all(&salt)?;
        file.sync_all()?;
        drop(file);
        // Another process may have created it meanwhile: the first one wins, everyone reads it.
        let won = super::private::link_new(&temp, &path);
        let _ = fs::remove_file(&temp);
        won?;
        super::private::sync_dir(dir)?;
        let mut stored = [0u8; 32];
        fs::File::open(&path)?.read_exact(&mut stored)?;
        Ok(Self { salt: stored })
    }

    /// The fingerprint of `secret` for `provider`.
    #[must_use]
    pub fn print(&self, provider: ProviderId, secret: &Secret) -> CredentialPrint {
        let Ok(mut mac) = Hmac::<Sha256>::new_from_slice(&self.salt) else {
            // HMAC takes keys of any length; this cannot happen.
            return CredentialPrint(String::new());
        };
        mac.update(b"atsdrop-credential-v1\0");
        mac.update(provider.key().as_bytes());
        mac.update(b"\0");
        mac.update(secret.expose().as_bytes());
        let digest = mac.finalize().into_bytes();
        CredentialPrint(crate::inspect::to_hex(&digest[..8]))
    }

    /// The account a connection (secret included) from `source` is.
    #[must_use]
    pub fn account(&self, connection: &Connection, source: Source) -> Account {
        Account {
            provider: connection.provider,
            base_url: normalize_url(&connection.base_url),
            ids: connection
                .ids
                .kept_for(&connection.provider.profile().account),
            source,
            credential: Some(self.print(connection.provider, &connection.secret)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spott(key: &str) -> Connection {
        Connection::new(
            ProviderId::Spott,
            "http://127.0.0.1:9/spott/",
            Secret::new(key),
        )
    }

    fn saved(id: &str) -> Source {
        Source::Saved {
            id: id.into(),
            name: id.to_uppercase(),
        }
    }

    #[test]
    fn two_saved_connections_at_one_address_are_two_accounts() {
        let dir = tempfile::tempdir().unwrap();
        let f = Fingerprinter::open(dir.path()).unwrap();
        let a = f.account(&spott("key-a"), saved("a"));
        let b = f.account(&spott("key-b"), saved("b"));
        assert!(!a.same_account(&b));
        // The same saved connection after its key was fixed is the same account.
        let a_fixed = f.account(&spott("key-a2"), saved("a"));
        assert!(a.same_account(&a_fixed));
        // Even with the same key, two saved connections stay apart.
        assert!(!a.same_account(&f.account(&spott("key-a"), saved("b"))));
    }

    #[test]
    fn environment_accounts_are_told_apart_by_their_credential() {
        let dir = tempfile::tempdir().unwrap();
        let f = Fingerprinter::open(dir.path()).unwrap();
        let k1 = f.account(&spott("k1"), Source::Environment);
        let k2 = f.account(&spott("k2"), Source::Environment);
        assert!(!k1.same_account(&k2));
        assert!(k1.same_account(&f.account(&spott("k1"), Source::Environment)));
        // The trailing slash is not part of the address.
        let mut other = spott("k1");
        other.base_url = "http://127.0.0.1:9/spott".into();
        assert!(k1.same_account(&f.account(&other, Source::Environment)));
    }

    #[test]
    fn a_print_never_shows_the_secret_and_depends_on_the_salt() {
        let (d1, d2) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        let f1 = Fingerprinter::open(d1.path()).unwrap();
        let again = Fingerprinter::open(d1.path()).unwrap();
        let f2 = Fingerprinter::open(d2.path()).unwrap();
        let secret = Secret::new("sk_live_0123456789abcdef");
        let print = f1.print(ProviderId::Spott, &secret);
        assert_eq!(print.0.len(), 16);
        assert!(print.0.bytes().all(|b| b.is_ascii_hexdigit()));
        assert_eq!(
            print,
            again.print(ProviderId::Spott, &secret),
            "the salt is kept"
        );
        assert_ne!(
            print,
            f2.print(ProviderId::Spott, &secret),
            "salted per installation"
        );
        assert_ne!(
            print,
            f1.print(ProviderId::Kombo, &secret),
            "bound to the system"
        );
        let json = serde_json::to_string(&f1.account(&spott(secret.expose()), Source::Environment))
            .unwrap();
        assert!(!json.contains("sk_live"), "{json}");
        assert!(!format!("{f1:?}").contains(&crate::inspect::to_hex(&f1.salt)));
    }

    #[test]
    fn journals_from_before_accounts_still_read() {
        let old = r#"{"provider":"kombo","base_url":"http://127.0.0.1:1/kombo/","profile_id":"p1","profile_name":"Acme","integration_id":"workday:1","integrated_account_id":null,"client_id":null}"#;
        let account: Account = serde_json::from_str(old).unwrap();
        assert_eq!(account.base_url, "http://127.0.0.1:1/kombo");
        assert_eq!(account.ids.get("integration_id"), Some("workday:1"));
        assert_eq!(account.source, saved_named("p1", "Acme"));
        assert_eq!(account.credential, None);
        let env: Account =
            serde_json::from_str(r#"{"provider":"spott","base_url":"http://x/spott"}"#).unwrap();
        assert_eq!(env.source, Source::Environment);
        // And the new shape round-trips.
        let back: Account =
            serde_json::from_str(&serde_json::to_string(&account).unwrap()).unwrap();
        assert_eq!(back, account);
    }

    fn saved_named(id: &str, name: &str) -> Source {
        Source::Saved {
            id: id.into(),
            name: name.into(),
        }
    }
}
