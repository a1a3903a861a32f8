//! Settings on disk: defaults, round trips, atomic saves, recovery from damaged files, files
//! from newer versions, recent candidates, unique names, per-system profile checks — and no
//! secret ever written.

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use atsdrop::model::{ProviderId, Secret};
use atsdrop::settings::{
    ConnectionProfile, MAX_RECENT_CANDIDATES, Preferences, ProfileField, RecentCandidate,
    SecretStorage, Settings, SettingsError, ThemePreference, config_dir, data_dir,
};

use crate::credentials::{child_test_args, is_child_for, run_child};

fn settings_path(dir: &Path) -> PathBuf {
    dir.join("settings.json")
}

/// Names of the files in `dir`, sorted.
fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// A complete, valid profile for `provider`.
fn profile(provider: ProviderId) -> ConnectionProfile {
    let mut p = ConnectionProfile::new(format!("{} production", provider.display_name()), provider);
    // Every id the system declares, from its account shape.
    for field in provider.profile().account.fields {
        p.ids.set(field.key, format!("{}-value", field.key));
    }
    p
}

fn every_provider() -> Settings {
    let mut settings = Settings::default();
    for provider in ProviderId::ALL {
        settings.add_connection(profile(provider)).unwrap();
    }
    settings
}

#[test]
fn a_missing_file_gives_the_defaults_and_creates_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = settings_path(dir.path());
    assert_eq!(Settings::load(&path).unwrap(), Settings::default());
    let loaded = Settings::load_or_recover(&path).unwrap();
    assert_eq!(loaded.settings, Settings::default());
    assert_eq!(loaded.recovered, None);
    assert!(listing(dir.path()).is_empty());

    let defaults = Settings::default();
    assert!(defaults.connections.is_empty());
    assert_eq!(defaults.preferences.theme, ThemePreference::System);
    assert!(!defaults.preferences.upload_duplicates);
}

#[test]
fn settings_round_trip_through_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = settings_path(dir.path());
    let mut settings = every_provider();
    settings.connections[1].secret_storage = SecretStorage::ThisRunOnly;
    settings.selected_connection = Some(settings.connections[2].id.clone());
    let id = settings.connections[0].id.clone();
    settings.remember_candidate(
        &id,
        RecentCandidate {
            id: "c1".into(),
            name: "Jane Doe".into(),
            email: Some("jane@example.com".into()),
        },
    );
    settings.preferences.theme = ThemePreference::Dark;
    settings.preferences.upload_duplicates = true;

    settings.save(&path).unwrap();
    let back = Settings::load(&path).unwrap();
    assert_eq!(back, settings);
    assert_eq!(back.selected().unwrap().provider, ProviderId::Kombo);

    // Human-readable JSON with stable keys.
    let text = fs::read_to_string(&path).unwrap();
    assert!(
        text.contains("\"secret_storage\": \"this_run_only\""),
        "{text}"
    );
    assert!(text.contains("\"theme\": \"dark\""), "{text}");
    assert!(text.contains("\"provider\": \"onderwijsregio\""), "{text}");
}

#[test]
fn a_damaged_file_is_moved_aside_and_the_defaults_used() {
    let dir = tempfile::tempdir().unwrap();
    let path = settings_path(dir.path());
    let damaged = b"{\"connections\": [ {\"id\": \"x\", ";
    fs::write(&path, damaged).unwrap();

    // Plain `load` reports it and touches nothing.
    let err = Settings::load(&path).unwrap_err();
    assert!(matches!(err, SettingsError::Corrupt { .. }), "{err:?}");
    assert!(
        err.to_string().contains(&path.display().to_string()),
        "{err}"
    );
    assert_eq!(fs::read(&path).unwrap(), damaged);

    let loaded = Settings::load_or_recover(&path).unwrap();
    assert_eq!(loaded.settings, Settings::default());
    let Some(SettingsError::Recovered { moved_to, .. }) = &loaded.recovered else {
        panic!("{:?}", loaded.recovered);
    };
    let message = loaded.recovered.as_ref().unwrap().to_string();
    assert!(message.contains(&path.display().to_string()), "{message}");
    assert!(
        message.contains(&moved_to.display().to_string()),
        "{message}"
    );
    assert!(message.contains("default settings are used"), "{message}");

    // Nothing lost: the user's bytes are in settings.json.bad-<timestamp>, byte for byte.
    assert!(!path.exists());
    let name = moved_to.file_name().unwrap().to_string_lossy().into_owned();
    assert!(name.starts_with("settings.json.bad-2"), "{name}");
    assert!(!name.contains(':'), "{name}");
    assert_eq!(moved_to.parent().unwrap(), dir.path());
    assert_eq!(fs::read(moved_to).unwrap(), damaged);

    // A second damaged file in the same second doesn't overwrite the first.
    fs::write(&path, b"not json").unwrap();
    let second = Settings::load_or_recover(&path).unwrap();
    let Some(SettingsError::Recovered {
        moved_to: second, ..
    }) = second.recovered
    else {
        panic!()
    };
    assert_ne!(&second, moved_to);
    assert_eq!(fs::read(&second).unwrap(), b"not json");
    assert_eq!(fs::read(moved_to).unwrap(), damaged);
    assert_eq!(listing(dir.path()).len(), 2);

    // Saving afterwards writes a fresh file beside the kept ones.
    loaded.settings.save(&path).unwrap();
    assert_eq!(listing(dir.path()).len(), 3);
}

#[test]
fn an_empty_file_is_recovered_with_a_plain_reason() {
    let dir = tempfile::tempdir().unwrap();
    let path = settings_path(dir.path());
    fs::write(&path, b"").unwrap();
    let loaded = Settings::load_or_recover(&path).unwrap();
    let message = loaded.recovered.unwrap().to_string();
    assert!(message.contains("(it is empty)"), "{message}");
    // A file that is JSON but not settings (an array) is damaged too.
    fs::write(&path, b"[1, 2]").unwrap();
    assert!(
        Settings::load_or_recover(&path)
            .unwrap()
            .recovered
            .is_some()
    );
    // So is one whose connections aren't a list: reading it as "no connections" would lose
    // them at the next save.
    fs::write(&path, br#"{"connections": {"id": "x"}}"#).unwrap();
    let loaded = Settings::load_or_recover(&path).unwrap();
    assert!(loaded.recovered.is_some());
    assert_eq!(listing(dir.path()).len(), 3);
}

#[test]
fn an_unreadable_path_is_an_error_and_nothing_is_moved() {
    let dir = tempfile::tempdir().unwrap();
    // A folder where the file should be can't be read as a file.
    let path = settings_path(dir.path());
    fs::create_dir(&path).unwrap();
    let err = Settings::load_or_recover(&path).unwrap_err();
    assert!(matches!(err, SettingsError::Read { .. }), "{err:?}");
    assert!(path.is_dir());
    assert_eq!(listing(dir.path()), ["settings.json"]);
}

#[test]
fn saving_is_atomic_and_leaves_no_temporary_files() {
    let dir = tempfile::tempdir().unwrap();
    // The folder is created when missing.
    let path = dir
        .path()
        .join("nested")
        .join("atsdrop")
        .join("settings.json");
    let mut settings = Settings::default();
    for provider in ProviderId::ALL {
        settings.add_connection(profile(provider)).unwrap();
        settings.save(&path).unwrap();
        assert_eq!(Settings::load(&path).unwrap(), settings);
        assert_eq!(listing(path.parent().unwrap()), ["settings.json"]);
    }

    // A failed save leaves the old file (here: none, a folder is in the way) and no temp file.
    let blocked = dir.path().join("blocked");
    fs::create_dir_all(blocked.join("settings.json")).unwrap();
    let err = settings.save(&blocked.join("settings.json")).unwrap_err();
    assert!(matches!(err, SettingsError::Write { .. }), "{err:?}");
    assert!(
        err.to_string()
            .starts_with("The settings can't be saved to"),
        "{err}"
    );
    assert_eq!(listing(&blocked), ["settings.json"]);
}

#[test]
fn fields_from_newer_versions_are_ignored_and_kept() {
    let dir = tempfile::tempdir().unwrap();
    let path = settings_path(dir.path());
    let file = r#"{
        "format": 7,
        "window": {"width": 1200},
        "connections": [
            {"id": "11111111-1111-4111-8111-111111111111", "name": "Spott", "provider": "spott",
             "future_flag": true, "secret_storage": "hardware_token"},
            {"id": "22222222-2222-4222-8222-222222222222", "name": "GH", "provider": "greenhouse",
             "base_url": "https://harvest.greenhouse.io/v1"}
        ],
        "preferences": {"theme": "sepia", "upload_duplicates": true, "font_size": 14},
        "recent_candidates": {"11111111-1111-4111-8111-111111111111": [
            {"id": "c1", "name": "Jane", "email": null, "avatar": "x.png"}
        ]}
    }"#;
    fs::write(&path, file).unwrap();
    let loaded = Settings::load_or_recover(&path).unwrap();
    assert_eq!(loaded.recovered, None);
    let settings = loaded.settings;

    // What this version knows is read; what it can't read falls back to defaults.
    assert_eq!(settings.connections.len(), 1);
    let spott = &settings.connections[0];
    assert_eq!(spott.provider, ProviderId::Spott);
    assert_eq!(spott.base_url, "https://api.gospott.com");
    assert_eq!(spott.secret_storage, SecretStorage::Keyring);
    assert_eq!(settings.preferences.theme, ThemePreference::System);
    assert!(settings.preferences.upload_duplicates);
    assert_eq!(settings.recent(&spott.id)[0].name, "Jane");
    assert!(settings.find("GH").is_none());

    // Saving writes back what it didn't understand at the top level and the unknown system's
    // connection, so the newer version still finds them.
    settings.save(&path).unwrap();
    let saved: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(&path).unwrap()).unwrap();
    assert_eq!(saved["format"], 7);
    assert_eq!(saved["window"]["width"], 1200);
    let connections = saved["connections"].as_array().unwrap();
    assert_eq!(connections.len(), 2);
    assert_eq!(connections[1]["provider"], "greenhouse");
    assert_eq!(Settings::load(&path).unwrap(), settings);
}

#[test]
fn an_old_file_with_missing_fields_still_loads() {
    let dir = tempfile::tempdir().unwrap();
    let path = settings_path(dir.path());
    fs::write(
        &path,
        r#"{"connections": [{"id": "k1", "name": "Kombo", "provider": "kombo",
            "integration_id": "personio:1"}]}"#,
    )
    .unwrap();
    let settings = Settings::load(&path).unwrap();
    let kombo = settings.find("k1").unwrap();
    assert_eq!(kombo.base_url, "https://api.kombo.dev/v1");
    assert_eq!(kombo.ids.get("integration_id"), Some("personio:1"));
    assert_eq!(kombo.ids.get("client_id"), None);
    assert_eq!(kombo.secret_storage, SecretStorage::Keyring);
    assert!(kombo.check().is_ok());
    assert_eq!(settings.selected_connection, None);
    assert_eq!(settings.preferences, Preferences::default());
}

#[test]
fn recent_candidates_are_capped_and_deduplicated() {
    let mut settings = every_provider();
    let id = settings.connections[0].id.clone();
    let other = settings.connections[1].id.clone();
    let candidate = |n: usize| RecentCandidate {
        id: format!("c{n}"),
        name: format!("Candidate {n}"),
        email: None,
    };
    for n in 0..15 {
        settings.remember_candidate(&id, candidate(n));
    }
    let ids =
        |s: &Settings| -> Vec<String> { s.recent(&id).iter().map(|c| c.id.clone()).collect() };
    assert_eq!(settings.recent(&id).len(), MAX_RECENT_CANDIDATES);
    assert_eq!(ids(&settings)[0], "c14");
    assert_eq!(ids(&settings)[9], "c5");

    // Picking one again moves it to the front, once, with its newer details.
    let mut again = candidate(8);
    again.email = Some("eight@example.com".into());
    settings.remember_candidate(&id, again);
    let now = ids(&settings);
    assert_eq!(now[0], "c8");
    assert_eq!(now.iter().filter(|c| *c == "c8").count(), 1);
    assert_eq!(now.len(), MAX_RECENT_CANDIDATES);
    assert_eq!(
        settings.recent(&id)[0].email.as_deref(),
        Some("eight@example.com")
    );

    // Per connection.
    assert!(settings.recent(&other).is_empty());
    settings.remember_candidate(&other, candidate(1));
    assert_eq!(settings.recent(&other).len(), 1);

    // A hand-edited file with too many is capped on load.
    let dir = tempfile::tempdir().unwrap();
    let path = settings_path(dir.path());
    let many: Vec<String> = (0..30)
        .map(|n| format!(r#"{{"id": "c{n}", "name": "n"}}"#))
        .collect();
    fs::write(
        &path,
        format!(
            r#"{{"recent_candidates": {{"{id}": [{}]}}}}"#,
            many.join(",")
        ),
    )
    .unwrap();
    assert_eq!(
        Settings::load(&path).unwrap().recent(&id).len(),
        MAX_RECENT_CANDIDATES
    );
}

#[test]
fn connection_names_are_unique_ignoring_case() {
    let mut settings = Settings::default();
    let mut first = profile(ProviderId::Spott);
    first.name = "  Acme Spott ".into();
    settings.add_connection(first).unwrap();
    // Stored trimmed.
    assert_eq!(settings.connections[0].name, "Acme Spott");

    let mut clash = profile(ProviderId::Kombo);
    clash.name = "ACME spott".into();
    let err = settings.add_connection(clash.clone()).unwrap_err();
    assert_eq!(
        err,
        SettingsError::DuplicateName {
            name: "ACME spott".into()
        }
    );
    assert!(err.to_string().contains("already exists"), "{err}");
    assert!(settings.name_taken("acme SPOTT", None));

    clash.name = "Acme Kombo".into();
    settings.add_connection(clash.clone()).unwrap();

    // Renaming to another's name is refused; changing the case of its own name is fine.
    let mut renamed = clash.clone();
    renamed.name = "acme spott".into();
    assert!(matches!(
        settings.update_connection(renamed),
        Err(SettingsError::DuplicateName { .. })
    ));
    let mut recased = clash.clone();
    recased.name = "ACME KOMBO".into();
    settings.update_connection(recased).unwrap();
    assert_eq!(settings.find("acme kombo").unwrap().id, clash.id);

    // The same id twice is refused; updating an unknown id too.
    let mut same_id = profile(ProviderId::Truto);
    same_id.id = clash.id.clone();
    assert!(matches!(
        settings.add_connection(same_id),
        Err(SettingsError::DuplicateId { .. })
    ));
    assert!(matches!(
        settings.update_connection(profile(ProviderId::Truto)),
        Err(SettingsError::NoSuchConnection(_))
    ));
}

#[test]
fn find_by_id_or_name_and_remove() {
    let mut settings = every_provider();
    let truto = settings.find("truto PRODUCTION").unwrap().clone();
    assert_eq!(settings.find(&truto.id).unwrap(), &truto);
    assert_eq!(settings.get(" Truto production ").unwrap().id, truto.id);
    let err = settings.get("Workday").unwrap_err();
    assert_eq!(
        err.to_string(),
        "There is no saved connection named \u{201c}Workday\u{201d}: add it in the app, or check the name."
    );

    settings.selected_connection = Some(truto.id.clone());
    settings.remember_candidate(
        &truto.id,
        RecentCandidate {
            id: "c".into(),
            name: "C".into(),
            email: None,
        },
    );
    assert_eq!(settings.remove_connection(&truto.id), Some(truto.clone()));
    assert_eq!(settings.selected_connection, None);
    assert!(settings.recent(&truto.id).is_empty());
    assert!(!settings.recent_candidates.contains_key(&truto.id));
    assert_eq!(settings.remove_connection(&truto.id), None);
    assert_eq!(settings.connections.len(), ProviderId::ALL.len() - 1);
}

#[test]
fn profile_checks_name_the_field_per_system() {
    for provider in ProviderId::ALL {
        assert_eq!(profile(provider).check(), Ok(()), "{provider}");
        // Defaults to the system's real API root.
        let fresh = ConnectionProfile::new("x", provider);
        assert_eq!(fresh.base_url, provider.profile().default_base_url);
        assert_eq!(
            uuid::Uuid::parse_str(&fresh.id).unwrap().get_version_num(),
            4
        );
    }
    let problem = |p: &ConnectionProfile| {
        let problems = p.problems();
        assert_eq!(problems.len(), 1, "{problems:?}");
        let SettingsError::InvalidProfile(first) = p.check().unwrap_err() else {
            panic!()
        };
        assert_eq!(first, problems[0]);
        let text = first.to_string();
        assert!(text.ends_with('.') && !text.contains('\n'), "{text}");
        (first.field, text)
    };

    let mut kombo = profile(ProviderId::Kombo);
    kombo.ids.set("integration_id", "  ");
    let (field, text) = problem(&kombo);
    assert_eq!(field, ProfileField::Account("integration_id"));
    assert!(text.contains("integration id"), "{text}");

    let mut truto = profile(ProviderId::Truto);
    truto.ids = atsdrop::model::AccountIds::new();
    let (field, text) = problem(&truto);
    assert_eq!(field, ProfileField::Account("integrated_account_id"));
    assert!(text.contains("integrated account id"), "{text}");

    let mut endorsed = profile(ProviderId::Endorsed);
    endorsed.ids = atsdrop::model::AccountIds::new();
    let (field, text) = problem(&endorsed);
    assert_eq!(field, ProfileField::Account("client_id"));
    assert!(text.contains("client id"), "{text}");

    let mut spott = profile(ProviderId::Spott);
    spott.name = " ".into();
    let (field, text) = problem(&spott);
    assert_eq!(field, ProfileField::Name);
    assert!(text.contains("name"), "{text}");

    let mut plain_http = profile(ProviderId::Onderwijsregio);
    plain_http.base_url = "http://example.com/api/v2".into();
    let (field, text) = problem(&plain_http);
    assert_eq!(field, ProfileField::BaseUrl);
    assert!(text.contains("https://"), "{text}");
    // Plain http to this computer is fine (the emulator).
    plain_http.base_url = "http://127.0.0.1:8080/onderwijsregio".into();
    assert_eq!(plain_http.check(), Ok(()));

    let mut nonsense = profile(ProviderId::Spott);
    nonsense.base_url = "not a url".into();
    assert_eq!(problem(&nonsense).0, ProfileField::BaseUrl);
    nonsense.base_url = String::new();
    let (_, text) = problem(&nonsense);
    assert!(text.contains("https://api.gospott.com"), "{text}");

    // Every problem at once, in form order.
    let mut bare = ConnectionProfile::new("", ProviderId::Kombo);
    bare.base_url = "ftp://x".into();
    let fields: Vec<ProfileField> = bare.problems().iter().map(|p| p.field).collect();
    assert_eq!(
        fields,
        [
            ProfileField::Name,
            ProfileField::BaseUrl,
            ProfileField::Account("integration_id")
        ]
    );

    // Adding runs the checks; an empty base URL becomes the default when tidied.
    let mut settings = Settings::default();
    assert!(matches!(
        settings.add_connection(kombo),
        Err(SettingsError::InvalidProfile(_))
    ));
    let mut blank_url = profile(ProviderId::Truto);
    blank_url.base_url = "  ".into();
    // A field of another system's account does not stay with this one.
    blank_url.ids.set("client_id", "client-abc");
    settings.add_connection(blank_url).unwrap();
    assert_eq!(settings.connections[0].base_url, "https://api.truto.one");
    assert_eq!(settings.connections[0].ids.get("client_id"), None);
    assert_eq!(
        settings.connections[0].ids.get("integrated_account_id"),
        Some("integrated_account_id-value")
    );
}

#[test]
fn profiles_build_the_connection_a_client_needs() {
    for provider in ProviderId::ALL {
        let p = profile(provider);
        let connection = p.connection(Secret::new("s3cr3t-value"));
        assert_eq!(connection.provider, provider);
        assert_eq!(connection.base_url, p.base_url);
        assert_eq!(connection.ids, p.ids);
        assert_eq!(connection.secret.expose(), "s3cr3t-value");
        connection.check_complete().unwrap();
    }
}

#[test]
fn secrets_never_reach_the_settings_file_or_debug_output() {
    let dir = tempfile::tempdir().unwrap();
    let path = settings_path(dir.path());
    let mut settings = every_provider();
    settings.selected_connection = Some(settings.connections[0].id.clone());
    let mut debug = format!("{settings:?}");
    let mut secrets = Vec::new();
    for p in &settings.connections {
        let secret = format!("SECRET-{}-{}", p.provider.key(), p.id);
        // Everything the app does with a profile and its secret.
        let connection = p.connection(Secret::new(secret.clone()));
        write!(debug, "{p:?} {connection:?} {:?}", connection.secret).unwrap();
        secrets.push(secret);
    }
    settings.save(&path).unwrap();
    let text = fs::read_to_string(&path).unwrap();
    let loaded = Settings::load(&path).unwrap();
    write!(debug, "{loaded:?}").unwrap();
    for secret in &secrets {
        assert!(!text.contains(secret.as_str()), "{secret} in {text}");
        assert!(!debug.contains(secret.as_str()), "{secret} in {debug}");
    }
    assert!(!text.contains("SECRET") && !debug.contains("SECRET"));
    // The non-secret client id is kept, under its own key, so the form can show it.
    assert!(
        text.contains("\"client_id\": \"client_id-value\""),
        "{text}"
    );
}

/// This test's name, as the child process selects it.
const DIRECTORIES_TEST: &str = "settings::directories_can_be_overridden_for_tests_and_portable_use";

#[test]
fn directories_can_be_overridden_for_tests_and_portable_use() {
    if is_child_for(DIRECTORIES_TEST) {
        directory_overrides_child();
        return;
    }
    // Without overrides (in this process): the OS folders, or the "no home" error.
    match (config_dir(), data_dir()) {
        (Ok(config), Ok(data)) => {
            assert!(config.to_string_lossy().contains("atsdrop"), "{config:?}");
            assert!(data.to_string_lossy().contains("atsdrop"), "{data:?}");
            assert_eq!(
                Settings::default_path().unwrap(),
                config.join("settings.json")
            );
        }
        (Err(e), _) | (_, Err(e)) => assert!(matches!(e, SettingsError::NoHomeDir { .. })),
    }
    let dir = tempfile::tempdir().unwrap();
    let test = DIRECTORIES_TEST;
    let mut command = Command::new(std::env::current_exe().unwrap());
    command
        .args(child_test_args(test))
        .env("ATSDROP_CONFIG_DIR", dir.path().join("config"))
        .env("ATSDROP_DATA_DIR", dir.path().join("data"))
        .env("ATSDROP_EXPECT_DIR", dir.path());
    run_child(command, test, dir.path());

    // No home directory at all: a clear error naming the variable to set. (Not reproducible
    // here: `directories` falls back to the password database when HOME is unset.)
    let no_home = SettingsError::NoHomeDir {
        variable: "ATSDROP_CONFIG_DIR",
    };
    assert!(
        no_home
            .to_string()
            .contains("set ATSDROP_CONFIG_DIR to a folder"),
        "{no_home}"
    );
}

/// The child half of the test above, run in its own process.
fn directory_overrides_child() {
    let base = PathBuf::from(std::env::var_os("ATSDROP_EXPECT_DIR").unwrap());
    assert_eq!(config_dir().unwrap(), base.join("config"));
    assert_eq!(data_dir().unwrap(), base.join("data"));
    assert_eq!(
        Settings::default_path().unwrap(),
        base.join("config").join("settings.json")
    );
}

/// This test's name, as the child process selects it.
const FIRST_RUN_TEST: &str = "settings::the_app_opens_on_the_sandbox_until_a_connection_is_saved";

#[test]
fn the_app_opens_on_the_sandbox_until_a_connection_is_saved() {
    if is_child_for(FIRST_RUN_TEST) {
        first_run_child();
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let mut command = Command::new(std::env::current_exe().unwrap());
    command
        .args(child_test_args(FIRST_RUN_TEST))
        .env("ATSDROP_CONFIG_DIR", dir.path().join("config"))
        .env("ATSDROP_DATA_DIR", dir.path().join("data"));
    run_child(command, FIRST_RUN_TEST, dir.path());
}

/// The child half of the test above: the app's dependencies as `atsdrop` builds them from the
/// OS folders (here overridden), before and after a connection is saved.
fn first_run_child() {
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let deps = atsdrop::app::AppDeps::from_os(runtime.handle().clone()).unwrap();
    assert!(deps.settings.connections.is_empty());
    assert!(
        deps.start_sandbox,
        "with no connection saved the app must open on the sandbox"
    );
    let mut settings = Settings::default();
    settings.add_connection(profile(ProviderId::Spott)).unwrap();
    settings.save(&Settings::default_path().unwrap()).unwrap();
    let deps = atsdrop::app::AppDeps::from_os(runtime.handle().clone()).unwrap();
    assert_eq!(deps.settings.connections.len(), 1);
    assert!(
        !deps.start_sandbox,
        "with a connection saved the app opens on it, not on the sandbox"
    );
}
