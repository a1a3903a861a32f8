//! Credential stores: memory, keyring-core's mock, and the real keyrings of this machine —
//! Secret Service in a private D-Bus session with gnome-keyring, and the kernel keyring in a
//! fresh keyutils session — when the tools for them are installed.
//!
//! The real-keyring tests re-run themselves as a child process (this test binary, with
//! `--exact <the same test>` and a marker variable) inside `dbus-run-session` or
//! `keyctl session`, so the parent's environment is never touched.

use std::fs::File;
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::thread::{self, ThreadId};
use std::time::{Duration, Instant};

use atsdrop::credentials::{
    CredentialError, CredentialStore, KeyringStore, MemoryStore, SERVICE, StoreKind, delete_async,
    get_async, os_store, os_store_async, set_async,
};
use atsdrop::model::Secret;

const VALUE: &str = "sk_live_TOPSECRET_4242";

/// A fresh account name, as a connection profile id would be.
fn account() -> String {
    uuid::Uuid::new_v4().to_string()
}

/// Stores, reads back, replaces, deletes (twice) and reads nothing.
fn round_trip(store: &dyn CredentialStore) {
    let account = account();
    assert_eq!(store.get(&account).unwrap(), None, "{:?}", store.kind());
    store.set(&account, &Secret::new(VALUE)).unwrap();
    assert_eq!(store.get(&account).unwrap(), Some(Secret::new(VALUE)));
    store.set(&account, &Secret::new("replaced")).unwrap();
    assert_eq!(store.get(&account).unwrap(), Some(Secret::new("replaced")));
    store.delete(&account).unwrap();
    assert_eq!(store.get(&account).unwrap(), None);
    store.delete(&account).unwrap();
    let debug = format!("{store:?}");
    assert!(
        !debug.contains(VALUE) && !debug.contains("replaced"),
        "{debug}"
    );
}

#[test]
fn memory_store_round_trip_and_delete() {
    let store = MemoryStore::new();
    round_trip(&store);
    assert_eq!(store.kind(), StoreKind::ThisRunOnly);

    store.set("a", &Secret::new(VALUE)).unwrap();
    store.set("b", &Secret::new("other")).unwrap();
    assert_eq!(store.len(), 2);
    store.delete("a").unwrap();
    assert_eq!(store.get("b").unwrap(), Some(Secret::new("other")));
    assert_eq!(format!("{store:?}"), "MemoryStore { entries: 1 }");
}

#[test]
fn keyring_core_mock_round_trip_and_delete() {
    let store = KeyringStore::mock().unwrap();
    round_trip(&store);
    assert_eq!(store.kind(), StoreKind::ThisRunOnly);
    // Two mock stores are independent: nothing process-global is involved.
    let other = KeyringStore::mock().unwrap();
    store.set("shared-id", &Secret::new(VALUE)).unwrap();
    assert_eq!(other.get("shared-id").unwrap(), None);
}

#[test]
fn empty_secrets_are_refused() {
    let stores: [Box<dyn CredentialStore>; 2] = [
        Box::new(MemoryStore::new()),
        Box::new(KeyringStore::mock().unwrap()),
    ];
    for store in stores {
        for blank in ["", "   "] {
            assert_eq!(
                store.set("id", &Secret::new(blank)),
                Err(CredentialError::EmptySecret)
            );
        }
        assert_eq!(store.get("id").unwrap(), None);
    }
}

/// Makes the mock's next call on `account` fail with `error`.
fn inject(store: &KeyringStore, account: &str, error: keyring_core::Error) {
    let entry = store.inner().build(SERVICE, account, None).unwrap();
    let cred: &keyring_core::mock::Cred = entry.as_any().downcast_ref().unwrap();
    cred.set_error(error);
}

#[test]
fn keyring_errors_are_plain_sentences_without_the_secret() {
    let store = KeyringStore::mock().unwrap();
    store.set("id", &Secret::new(VALUE)).unwrap();
    let platform = |text: &str| -> keyring_core::error::PlatformError {
        Box::new(std::io::Error::other(text.to_owned()))
    };

    // The user dismissed the unlock prompt.
    inject(
        &store,
        "id",
        keyring_core::Error::NoStorageAccess(platform("prompt dismissed")),
    );
    let locked = store.get("id").unwrap_err();
    assert_eq!(
        locked,
        CredentialError::Locked {
            store: StoreKind::ThisRunOnly
        }
    );
    // The error was one-shot: the secret is still there.
    assert_eq!(store.get("id").unwrap(), Some(Secret::new(VALUE)));

    // Variants carrying the stored bytes never print them.
    inject(
        &store,
        "id",
        keyring_core::Error::BadEncoding(VALUE.as_bytes().to_vec()),
    );
    let bad = store.get("id").unwrap_err();
    inject(
        &store,
        "id",
        keyring_core::Error::BadDataFormat(VALUE.as_bytes().to_vec(), platform("bad padding")),
    );
    let malformed = store.get("id").unwrap_err();
    assert!(matches!(bad, CredentialError::Unusable { .. }), "{bad:?}");

    inject(
        &store,
        "id",
        keyring_core::Error::PlatformFailure(platform("D-Bus\nbroke.")),
    );
    let failed = store.set("id", &Secret::new(VALUE)).unwrap_err();
    assert_eq!(
        failed.to_string(),
        "The memory (this run only) failed (D-Bus broke)."
    );
    inject(
        &store,
        "id",
        keyring_core::Error::TooLong("secret".into(), 2560),
    );
    let too_long = store.set("id", &Secret::new(VALUE)).unwrap_err();

    for e in [
        locked,
        bad,
        malformed,
        failed,
        too_long,
        CredentialError::NoKeyring,
    ] {
        let text = e.to_string();
        let debug = format!("{e:?}");
        assert!(!text.contains(VALUE) && !debug.contains(VALUE), "{debug}");
        // One sentence: starts with a capital, ends with a period, one line.
        assert!(text.chars().next().unwrap().is_uppercase(), "{text}");
        assert!(text.ends_with('.') && !text.contains('\n'), "{text}");
        assert_eq!(text.matches(". ").count(), 0, "{text}");
    }
}

#[test]
fn no_keyring_says_the_secret_can_be_kept_for_this_run() {
    let text = CredentialError::NoKeyring.to_string();
    assert!(text.contains("for this run"), "{text}");
    assert_eq!(text.matches('.').count(), 1, "{text}");
}

#[test]
fn store_kinds_name_themselves_and_say_whether_they_forget() {
    let all = [
        StoreKind::WindowsCredentialManager,
        StoreKind::MacKeychain,
        StoreKind::SecretService,
        StoreKind::KernelKeyring,
        StoreKind::ThisRunOnly,
    ];
    for kind in all {
        assert_eq!(kind.to_string(), kind.label());
        assert_eq!(kind.persistent(), kind.forgets().is_none(), "{kind}");
    }
    assert!(!StoreKind::KernelKeyring.persistent());
    assert!(
        StoreKind::KernelKeyring
            .forgets()
            .unwrap()
            .contains("restarts")
    );
    assert!(!StoreKind::ThisRunOnly.persistent());
    assert!(StoreKind::SecretService.persistent());
    assert_eq!(StoreKind::MacKeychain.label(), "macOS Keychain");
}

/// Records the thread each call runs on.
#[derive(Debug, Default)]
struct ThreadRecorder {
    inner: MemoryStore,
    threads: Mutex<Vec<ThreadId>>,
}

impl ThreadRecorder {
    fn record(&self) {
        self.threads.lock().unwrap().push(thread::current().id());
    }
}

impl CredentialStore for ThreadRecorder {
    fn get(&self, account: &str) -> Result<Option<Secret>, CredentialError> {
        self.record();
        self.inner.get(account)
    }
    fn set(&self, account: &str, secret: &Secret) -> Result<(), CredentialError> {
        self.record();
        self.inner.set(account, secret)
    }
    fn delete(&self, account: &str) -> Result<(), CredentialError> {
        self.record();
        self.inner.delete(account)
    }
    fn kind(&self) -> StoreKind {
        StoreKind::ThisRunOnly
    }
}

#[tokio::test]
async fn async_helpers_run_the_calls_on_the_blocking_pool() {
    let recorder = Arc::new(ThreadRecorder::default());
    let store: Arc<dyn CredentialStore> = recorder.clone();
    set_async(store.clone(), "id".into(), Secret::new(VALUE))
        .await
        .unwrap();
    assert_eq!(
        get_async(store.clone(), "id".into()).await.unwrap(),
        Some(Secret::new(VALUE))
    );
    delete_async(store.clone(), "id".into()).await.unwrap();
    assert_eq!(get_async(store, "id".into()).await.unwrap(), None);

    let here = thread::current().id();
    let threads = recorder.threads.lock().unwrap().clone();
    assert_eq!(threads.len(), 4);
    assert!(
        threads.iter().all(|t| *t != here),
        "a call ran on the caller's thread"
    );

    // The mock goes through keyring-core the same way.
    let mock: Arc<dyn CredentialStore> = Arc::new(KeyringStore::mock().unwrap());
    set_async(mock.clone(), "id".into(), Secret::new(VALUE))
        .await
        .unwrap();
    assert_eq!(
        get_async(mock, "id".into()).await.unwrap(),
        Some(Secret::new(VALUE))
    );
}

/// `os_store()` here gives a working store or `NoKeyring` — never a panic, never another error.
fn check_os_store(result: Result<Arc<dyn CredentialStore>, CredentialError>) {
    match result {
        Ok(store) => {
            let kind = store.kind();
            println!("os_store(): {kind} (persistent: {})", kind.persistent());
            assert_ne!(kind, StoreKind::ThisRunOnly);
            assert_eq!(kind.persistent(), kind.forgets().is_none());
            match store.get(&account()) {
                // A desktop keyring whose unlock prompt was dismissed: nothing more to check.
                Err(CredentialError::Locked { .. }) => {
                    println!("note: the {kind} is locked; round trip skipped");
                }
                _ => round_trip(store.as_ref()),
            }
        }
        Err(CredentialError::NoKeyring) => {
            println!("os_store(): no keyring on this machine (NoKeyring)");
        }
        Err(other) => panic!("os_store() must give a store or NoKeyring, not {other:?}"),
    }
}

#[test]
fn os_store_on_this_machine_works_or_says_no_keyring() {
    check_os_store(os_store());
}

#[tokio::test]
async fn os_store_async_gives_the_same_answer() {
    // Asking twice, from different threads, gives the same store: the kernel keyring probe
    // doesn't depend on which call comes first in the process.
    let first = os_store_async().await;
    let kinds = (
        first.as_ref().map(|s| s.kind()).map_err(Clone::clone),
        os_store().map(|s| s.kind()),
    );
    assert_eq!(kinds.0, kinds.1);
    check_os_store(first);
}

// ---------------------------------------------------------------------------------------------
// Real keyrings, each in a child process.

/// Set in a child process to the name of the test it must run as the child half.
const CHILD_ENV: &str = "ATSDROP_TEST_CHILD";

/// Whether `program` is on the `PATH`.
pub(crate) fn installed(program: &str) -> bool {
    Command::new("sh")
        .args(["-c", &format!("command -v {program} >/dev/null 2>&1")])
        .status()
        .is_ok_and(|s| s.success())
}

/// Runs `command` (which re-runs this test binary on the test `test`, as a child) with a time
/// limit, and asserts that exactly that test ran and passed. Returns its output.
pub(crate) fn run_child(mut command: Command, test: &str, dir: &Path) -> String {
    let out_path = dir.join("child.out");
    let out = File::create(&out_path).unwrap();
    command
        .env(CHILD_ENV, test)
        .stdin(Stdio::null())
        .stdout(out.try_clone().unwrap())
        .stderr(out);
    #[cfg(unix)]
    std::os::unix::process::CommandExt::process_group(&mut command, 0);
    let mut child = command.spawn().unwrap();
    let deadline = Instant::now() + Duration::from_mins(2);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if Instant::now() > deadline {
            // The whole group: dbus-run-session, the bus, gnome-keyring, the child.
            let _ = Command::new("kill")
                .args(["-KILL", "--", &format!("-{}", child.id())])
                .status();
            let _ = child.kill();
            let _ = child.wait();
            panic!(
                "{test} timed out:\n{}",
                std::fs::read_to_string(&out_path).unwrap_or_default()
            );
        }
        thread::sleep(Duration::from_millis(50));
    };
    let output = std::fs::read_to_string(&out_path).unwrap();
    assert!(status.success(), "{test} failed ({status}):\n{output}");
    assert!(output.contains("1 passed"), "{test} did not run:\n{output}");
    output
}

/// The libtest arguments that run exactly the test `name`.
pub(crate) fn child_test_args(name: &str) -> Vec<String> {
    [name, "--exact", "--nocapture", "--test-threads=1"]
        .map(str::to_owned)
        .to_vec()
}

/// Whether this process is the child meant to run `test`.
pub(crate) fn is_child_for(test: &str) -> bool {
    std::env::var(CHILD_ENV).is_ok_and(|v| v == test)
}

/// This test's name, as the child process selects it.
const SECRET_SERVICE_TEST: &str =
    "credentials::secret_service_round_trip_in_a_private_dbus_session";

#[test]
fn secret_service_round_trip_in_a_private_dbus_session() {
    if is_child_for(SECRET_SERVICE_TEST) {
        secret_service_child();
        return;
    }
    let missing: Vec<&str> = ["dbus-run-session", "gnome-keyring-daemon"]
        .into_iter()
        .filter(|p| !installed(p))
        .collect();
    // `scripts/test` installs these; a missing tool is a failure, not a silent pass.
    assert!(
        missing.is_empty() || !cfg!(target_os = "linux"),
        "the real Secret Service test needs {} (apt-get install -y dbus gnome-keyring, or run scripts/test)",
        missing.join(", ")
    );
    if !cfg!(target_os = "linux") {
        return;
    }
    let home = tempfile::tempdir().unwrap();
    let runtime = home.path().join("run");
    std::fs::create_dir(&runtime).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&runtime, std::fs::Permissions::from_mode(0o700)).unwrap();
    }
    let test = SECRET_SERVICE_TEST;
    let mut command = Command::new("dbus-run-session");
    command
        .args(["--", "sh", "-c"])
        .arg(
            "echo -n test-password | gnome-keyring-daemon --unlock --components=secrets \
             --daemonize >/dev/null && exec \"$@\"",
        )
        .arg("sh")
        .arg(std::env::current_exe().unwrap())
        .args(child_test_args(test))
        // A private home: gnome-keyring creates its login keyring there, not in the real one.
        .env("HOME", home.path())
        .env("XDG_DATA_HOME", home.path().join("data"))
        .env("XDG_CONFIG_HOME", home.path().join("config"))
        .env("XDG_CACHE_HOME", home.path().join("cache"))
        .env("XDG_RUNTIME_DIR", &runtime)
        .env_remove("DBUS_SESSION_BUS_ADDRESS")
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY");
    let output = run_child(command, test, home.path());
    println!("{output}");
}

/// The child half of the test above, run in its own process.
fn secret_service_child() {
    let store = os_store().unwrap();
    assert_eq!(store.kind(), StoreKind::SecretService);
    assert!(store.kind().persistent());
    round_trip(store.as_ref());

    // Other Secret Service clients find it by the attributes keyring uses.
    let account = account();
    store.set(&account, &Secret::new(VALUE)).unwrap();
    if installed("secret-tool") {
        let lookup = Command::new("secret-tool")
            .args(["lookup", "service", SERVICE, "username", &account])
            .output()
            .unwrap();
        assert!(lookup.status.success(), "{lookup:?}");
        assert_eq!(String::from_utf8_lossy(&lookup.stdout).trim_end(), VALUE);
        println!("secret-tool lookup service {SERVICE} username <id>: found the secret");
    }
    store.delete(&account).unwrap();
    assert_eq!(store.get(&account).unwrap(), None);
    println!("Secret Service round trip: ok");
}

/// This test's name, as the child process selects it.
const KERNEL_KEYRING_TEST: &str = "credentials::kernel_keyring_round_trip_in_a_fresh_session";

#[test]
fn kernel_keyring_round_trip_in_a_fresh_session() {
    if is_child_for(KERNEL_KEYRING_TEST) {
        kernel_keyring_child();
        return;
    }
    if !cfg!(target_os = "linux") {
        return;
    }
    // `scripts/test` installs keyutils; a missing tool is a failure, not a silent pass.
    assert!(
        installed("keyctl"),
        "the real kernel keyring test needs keyctl (apt-get install -y keyutils, or run scripts/test)"
    );
    let dir = tempfile::tempdir().unwrap();
    let test = KERNEL_KEYRING_TEST;
    let mut command = Command::new("keyctl");
    command
        .args(["session", "-"])
        .arg(std::env::current_exe().unwrap())
        .args(child_test_args(test))
        // No session bus: Secret Service must fail and the kernel keyring take over.
        .env("DBUS_SESSION_BUS_ADDRESS", "disabled:")
        .env_remove("XDG_RUNTIME_DIR");
    let output = run_child(command, test, dir.path());
    println!("{output}");
}

/// The child half of the test above, run in its own process.
fn kernel_keyring_child() {
    let store = os_store().unwrap();
    assert_eq!(store.kind(), StoreKind::KernelKeyring);
    assert!(!store.kind().persistent());
    round_trip(store.as_ref());

    // `keyctl` sees the key under the description keyring-core uses.
    let account = account();
    store.set(&account, &Secret::new(VALUE)).unwrap();
    let description = format!("keyring:{account}@{SERVICE}");
    let found = Command::new("keyctl")
        .args(["search", "@s", "user", &description])
        .output()
        .unwrap();
    assert!(found.status.success(), "{found:?}");
    let id = String::from_utf8_lossy(&found.stdout).trim().to_owned();
    let value = Command::new("keyctl").args(["pipe", &id]).output().unwrap();
    assert_eq!(String::from_utf8_lossy(&value.stdout), VALUE);
    store.delete(&account).unwrap();
    assert_eq!(store.get(&account).unwrap(), None);
    println!("kernel keyring round trip: ok ({description})");
}
