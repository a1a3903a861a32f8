//! The desktop app, driven through AccessKit with `egui_kittest` against the in-process sandbox.

use std::sync::Arc;

use atsdrop::credentials::CredentialStore;
use atsdrop::emulator::Fault;
use atsdrop::model::ProviderId;
use atsdrop::upload::FileState;
use egui_kittest::kittest::Queryable;

use crate::support::gui::Gui;
use crate::support::sandbox::{PNG_1X1, pdf_bytes, sha256_hex, write};

/// Starts the sandbox from the welcome screen and waits until Spott is connected.
pub(crate) fn start_sandbox(gui: &mut Gui) {
    gui.until_shown("Welcome to atsdrop");
    gui.harness.check_accessibility();
    gui.click("Try the sandbox");
    gui.until("the sandbox connected", |h| {
        h.state().connections.ready().is_some()
    });
}

/// Searches for a seeded candidate by e-mail and chooses them; returns their id.
pub(crate) fn choose_candidate(gui: &mut Gui, index: usize) -> (String, String) {
    let candidate = gui
        .app()
        .sandbox
        .as_ref()
        .unwrap()
        .store()
        .candidates(ProviderId::Spott)[index]
        .clone();
    gui.type_into("Search candidates", &candidate.email);
    let name = candidate.full_name();
    // Wait for this search's answer, not a result of the list shown before typing.
    let email = candidate.email.clone();
    gui.until("the search answered", move |h| {
        let p = &h.state().picker;
        p.results_for.as_deref() == Some(email.as_str()) && !p.loading && p.search_at.is_none()
    });
    gui.click(&format!("{name}  \u{b7}  {}", candidate.email));
    let id = candidate.id.clone();
    gui.until("the candidate chosen", move |h| {
        h.state()
            .picker
            .selected
            .as_ref()
            .is_some_and(|c| c.id == id)
    });
    gui.until_shown("Already on this candidate");
    (candidate.id, name)
}

fn queue_state(gui: &Gui, name: &str) -> Option<FileState> {
    queue_state_of(&gui.harness, name)
}

#[test]
fn first_run_sandbox_search_drop_check_change_type_upload() {
    let mut gui = Gui::start();
    start_sandbox(&mut gui);
    let (candidate, name) = choose_candidate(&mut gui, 210);

    let files = tempfile::tempdir().unwrap();
    let cv = pdf_bytes(40_000);
    let letter = pdf_bytes(12_000);
    let cv_path = write(files.path(), "Jane Doe CV.pdf", &cv);
    let letter_path = write(files.path(), "cover letter.pdf", &letter);
    let notes = write(
        files.path(),
        "notes.txt",
        b"Some plain notes about the candidate.\n",
    );
    let disguised = write(files.path(), "photo.pdf", PNG_1X1);
    gui.drop_files(&[cv_path, letter_path, notes, disguised]);
    gui.until("four files checked", |h| {
        h.state().staging.rows.len() == 4 && h.state().staging.pending == 0
    });
    gui.until_checked();

    // Every check message is on screen, in a sentence naming the file.
    gui.until_shown("notes.txt is a plain text file, which Spott doesn't accept");
    gui.until_shown("photo.pdf is a PNG image, not a PDF: rename it to .png.");
    assert_eq!(
        gui.harness.query_all_by_label("Ready").count(),
        2,
        "the two PDFs may be sent"
    );
    // The upload button is disabled and says why.
    assert!(
        gui.harness
            .query_by_label_contains("2 files can't be sent: fix or remove them first.")
            .is_some()
    );
    gui.harness.check_accessibility();

    // Types were preselected from the names; change the letter's from "Cover letter" to "Offer".
    let types: Vec<&str> = gui
        .app()
        .staging
        .rows
        .iter()
        .map(|r| r.attachment_type.wire)
        .collect();
    assert_eq!(types, ["CV", "COVER_LETTER", "unassigned", "unassigned"]);
    gui.click("Attachment type of cover letter.pdf");
    gui.until_shown("Offer");
    gui.click("Offer");
    gui.until("the type changed", |h| {
        h.state().staging.rows[1].attachment_type.wire == "OFFER"
    });

    // Remove the refused files, then upload.
    gui.click("Remove notes.txt");
    gui.click("Remove photo.pdf");
    gui.until("two files left", |h| {
        h.state().staging.rows.len() == 2 && h.state().upload_blocker().is_none()
    });
    gui.until_checked();
    gui.click(&format!("Upload 2 to {name}"));
    gui.until("both uploaded", |h| {
        let q = &h.state().queue;
        q.rows.len() == 2 && q.rows.iter().all(|r| r.state == FileState::Done)
    });
    gui.until_shown("Last batch: 2 uploaded");
    assert!(gui.harness.query_all_by_label("done").count() >= 2);
    // The queue names the type as the system labels it, not by its wire value.
    gui.until_shown(&format!("{name} \u{b7} Offer"));
    // So does the list of what is already on the candidate, refreshed after the batch.
    gui.until_shown("Offer \u{b7} ");

    let stored = gui
        .app()
        .sandbox
        .as_ref()
        .unwrap()
        .store()
        .attachments(ProviderId::Spott, Some(&candidate));
    let cv_stored = stored
        .iter()
        .find(|a| a.file_name == "Jane Doe CV.pdf")
        .expect("the CV arrived");
    assert_eq!(cv_stored.sha256, sha256_hex(&cv));
    assert_eq!(cv_stored.attachment_type, "CV");
    let letter_stored = stored
        .iter()
        .find(|a| a.file_name == "cover letter.pdf")
        .expect("the letter arrived");
    assert_eq!(letter_stored.sha256, sha256_hex(&letter));
    assert_eq!(letter_stored.attachment_type, "OFFER");
    // The window title followed the progress and came back.
    assert_eq!(gui.app().title(), "atsdrop");
}

#[test]
fn a_429_and_a_failure_are_shown_with_their_messages_and_retry_works() {
    let mut gui = Gui::start();
    start_sandbox(&mut gui);
    let (candidate, name) = choose_candidate(&mut gui, 211);
    let files = tempfile::tempdir().unwrap();

    gui.app().sandbox.as_ref().unwrap().faults().inject(
        "spott:POST:/attachments/temporary=429@1"
            .parse::<Fault>()
            .unwrap(),
    );
    gui.drop_files(&[write(files.path(), "first.pdf", &pdf_bytes(5_000))]);
    gui.until("checked", |h| h.state().upload_blocker().is_none());
    gui.until_checked();
    gui.click(&format!("Upload 1 to {name}"));
    gui.until_shown("Spott asked atsdrop to slow down; try again in 1 s.");
    gui.until("the first file uploaded after the pause", |h| {
        h.state()
            .queue
            .rows
            .iter()
            .any(|r| r.name == "first.pdf" && r.state == FileState::Done)
    });

    gui.app().sandbox.as_ref().unwrap().faults().inject(
        "spott:POST:/attachments/temporary=500"
            .parse::<Fault>()
            .unwrap(),
    );
    gui.drop_files(&[write(files.path(), "second.pdf", &pdf_bytes(6_000))]);
    gui.until("checked", |h| h.state().upload_blocker().is_none());
    gui.until_checked();
    gui.click(&format!("Upload 1 to {name}"));
    gui.until("the second file failed", |h| {
        h.state()
            .queue
            .rows
            .iter()
            .any(|r| r.name == "second.pdf" && r.state == FileState::Failed)
    });
    gui.until_shown("Spott had a problem on its side (HTTP 500)");
    assert!(
        gui.harness.query_by_label("failed").is_some(),
        "the state column says failed"
    );

    gui.click("Retry second.pdf");
    gui.until("the retry succeeded", |h| {
        h.state()
            .queue
            .rows
            .iter()
            .any(|r| r.name == "second.pdf" && r.state == FileState::Done)
    });
    // The batch had ended, so the retry's own end is announced.
    gui.until_shown("Retried second.pdf: uploaded");
    let stored = gui
        .app()
        .sandbox
        .as_ref()
        .unwrap()
        .store()
        .attachments(ProviderId::Spott, Some(&candidate));
    assert_eq!(
        stored
            .iter()
            .filter(|a| a.file_name == "first.pdf" || a.file_name == "second.pdf")
            .count(),
        2
    );
}

#[test]
fn cancel_stops_a_file_mid_upload() {
    let mut gui = Gui::start();
    start_sandbox(&mut gui);
    let (candidate, name) = choose_candidate(&mut gui, 212);
    let files = tempfile::tempdir().unwrap();
    // The system holds the request without reading it: the upload stays in flight.
    gui.app().sandbox.as_ref().unwrap().faults().inject(
        "spott:POST:/attachments/temporary=delay:5000"
            .parse::<Fault>()
            .unwrap(),
    );
    gui.drop_files(&[write(files.path(), "big.pdf", &pdf_bytes(20 * 1024 * 1024))]);
    gui.until("checked", |h| h.state().upload_blocker().is_none());
    gui.until_checked();
    gui.click(&format!("Upload 1 to {name}"));
    gui.until("uploading", |h| {
        h.state()
            .queue
            .rows
            .iter()
            .any(|r| r.state == FileState::Uploading && r.sent > 0)
    });
    gui.click("Cancel big.pdf");
    gui.until("cancelled", |h| {
        queue_state_of(h, "big.pdf") == Some(FileState::Cancelled)
    });
    gui.until("the state column says cancelled", |h| {
        h.query_by_label("cancelled").is_some()
    });
    // Only once the system is done with the request it held can "nothing stored" mean that
    // the cancel cut the upload short.
    gui.until("the system finished with the held upload", |h| {
        h.state()
            .sandbox
            .as_ref()
            .unwrap()
            .received()
            .iter()
            .any(|r| r.method == "POST" && r.path.ends_with("/attachments/temporary"))
    });
    assert!(
        gui.app()
            .sandbox
            .as_ref()
            .unwrap()
            .store()
            .attachments(ProviderId::Spott, Some(&candidate))
            .iter()
            .all(|a| a.file_name != "big.pdf")
    );
    assert_eq!(queue_state(&gui, "big.pdf"), Some(FileState::Cancelled));
}

/// The state of the newest queue row for `name`.
fn queue_state_of(
    h: &egui_kittest::Harness<'static, atsdrop::app::App>,
    name: &str,
) -> Option<FileState> {
    h.state()
        .queue
        .rows
        .iter()
        .rev()
        .find(|r| r.name == name)
        .map(|r| r.state)
}

#[test]
fn the_connection_form_keeps_its_secret_in_the_credential_store() {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    let emulator = runtime
        .block_on(atsdrop::emulator::Emulator::spawn(
            atsdrop::emulator::EmulatorConfig::default(),
        ))
        .unwrap();
    let mut gui = Gui::start();
    gui.until_shown("Welcome to atsdrop");
    gui.click("Add a connection\u{2026}");
    gui.until_shown("New connection");
    gui.type_into("Name", "Acme Spott");
    gui.type_into("Address (base URL)", &emulator.base_url(ProviderId::Spott));
    gui.type_into("API key", "wrong-key");
    gui.click("Test connection");
    gui.until_shown("Spott did not accept the credentials");
    gui.type_into("API key", atsdrop::emulator::credentials::SPOTT_API_KEY);
    gui.click("Test connection");
    gui.until_shown("Connected: Connected to Spott.");
    gui.harness.check_accessibility();
    gui.click("Save");
    gui.until("saved and connected", |h| {
        h.state().connections.ready().is_some()
    });

    let profile = gui.app().connections.settings.connections[0].clone();
    assert_eq!(profile.name, "Acme Spott");
    assert_eq!(
        gui.store
            .get(&profile.id)
            .unwrap()
            .map(|s| s.expose().to_owned())
            .as_deref(),
        Some(atsdrop::emulator::credentials::SPOTT_API_KEY),
        "the secret is in the credential store"
    );
    gui.until("settings written", |h| {
        h.state().connections.settings_path.exists()
    });
    let file = std::fs::read_to_string(&gui.app().connections.settings_path).unwrap();
    assert!(file.contains("Acme Spott"));
    assert!(
        !file.contains(atsdrop::emulator::credentials::SPOTT_API_KEY),
        "no secret on disk"
    );

    // Editing never shows the secret again.
    gui.click("Edit\u{2026}");
    gui.until_shown("Edit connection");
    assert_eq!(gui.app().connections.form.as_ref().unwrap().secret, "");
    gui.harness.key_press(egui::Key::Escape);
    gui.harness.step();
    assert!(gui.app().connections.form.is_none(), "Esc closes the form");
    drop(emulator);
    drop(runtime);
}

#[test]
fn an_interrupted_queue_is_offered_for_resume_and_finished() {
    use atsdrop::settings::{ConnectionProfile, Settings};
    use atsdrop::upload::journal::{Journal, Mtime, Record};
    use atsdrop::upload::{BatchId, FileId, Fingerprinter, Source};

    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    let emulator = runtime
        .block_on(atsdrop::emulator::Emulator::spawn(
            atsdrop::emulator::EmulatorConfig::default(),
        ))
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let files = tempfile::tempdir().unwrap();
    let bytes = pdf_bytes(30_000);
    let path = write(files.path(), "left behind.pdf", &bytes);
    let meta = std::fs::metadata(&path).unwrap();

    // A saved connection with its secret in the store, and a journal an earlier run left
    // unfinished (its owner is gone).
    let mut profile = ConnectionProfile::new("Acme Truto", ProviderId::Truto);
    profile.base_url = emulator.base_url(ProviderId::Truto);
    profile.ids.set(
        "integrated_account_id",
        atsdrop::emulator::credentials::TRUTO_INTEGRATED_ACCOUNT_ID,
    );
    let mut settings = Settings::default();
    settings.add_connection(profile.clone()).unwrap();
    let store = Arc::new(atsdrop::credentials::MemoryStore::new());
    store
        .set(
            &profile.id,
            &atsdrop::model::Secret::new(atsdrop::emulator::credentials::TRUTO_API_KEY),
        )
        .unwrap();
    let candidate = emulator.store().candidates(ProviderId::Truto)[230]
        .id
        .clone();
    {
        let journal = Journal::open(&dir.path().join("journal")).unwrap();
        let (batch, file) = (BatchId::new(), FileId::new());
        let connection = profile.connection(atsdrop::model::Secret::new(
            atsdrop::emulator::credentials::TRUTO_API_KEY,
        ));
        journal
            .append_all(&[
                Record::Batch {
                    batch: batch.clone(),
                    owner: journal.owner().to_owned(),
                    at: "2026-11-22T10:00:00Z".into(),
                    connection: Fingerprinter::open(&dir.path().join("journal"))
                        .unwrap()
                        .account(
                            &connection,
                            Source::Saved {
                                id: profile.id.clone(),
                                name: profile.name.clone(),
                            },
                        ),
                    candidate_id: candidate.clone(),
                    candidate_name: None,
                    application_id: None,
                },
                Record::File {
                    file,
                    batch,
                    path: std::fs::canonicalize(&path).unwrap(),
                    name: "left behind.pdf".into(),
                    size: meta.len(),
                    mtime: meta.modified().ok().and_then(Mtime::of),
                    content_type: "application/pdf".into(),
                    attachment_type: "resume".into(),
                    remote_id: None,
                    made_from: Vec::new(),
                    from_mail: None,
                },
            ])
            .unwrap();
        // Dropping the journal here is the earlier process going away.
    }
    let mut gui = Gui::start_in(dir, settings, store);
    gui.until_shown("Finish the interrupted uploads?");
    gui.until("the saved connection is ready", |h| {
        h.state().connections.ready().is_some()
    });
    gui.click("Resume");
    gui.until("the left-behind file uploaded", |h| {
        queue_state_of(h, "left behind.pdf") == Some(FileState::Done)
    });
    let stored = emulator
        .store()
        .attachments(ProviderId::Truto, Some(&candidate));
    assert_eq!(stored.len(), 1);
    assert_eq!(stored[0].sha256, sha256_hex(&bytes));
    drop(gui);
    drop(emulator);
    drop(runtime);
}

#[test]
fn a_chosen_theme_wins_over_the_desktops() {
    let mut settings = atsdrop::settings::Settings::default();
    settings.preferences.theme = atsdrop::settings::ThemePreference::Dark;
    let mut gui = Gui::start_with_theme(settings, egui::Theme::Light);
    gui.until_shown("Welcome to atsdrop");
    for _ in 0..3 {
        gui.harness.step();
    }
    assert_eq!(gui.harness.ctx.theme(), egui::Theme::Dark);
}

/// Spawns the emulator on a runtime of its own (the app's sandbox is not used).
fn emulator() -> (tokio::runtime::Runtime, atsdrop::emulator::Emulator) {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    let emulator = runtime
        .block_on(atsdrop::emulator::Emulator::spawn(
            atsdrop::emulator::EmulatorConfig::default(),
        ))
        .unwrap();
    (runtime, emulator)
}

/// Chooses a connection in the top bar's list.
fn use_connection(gui: &mut Gui, label: &str) {
    gui.click("Connection");
    gui.until_shown(label);
    gui.click(label);
}

/// Review F9: a lookup by id asked of Spott that answers after the user switched to Kombo must
/// not choose a Spott candidate on Kombo.
#[test]
fn a_late_open_by_id_from_the_previous_connection_is_dropped() {
    let mut gui = Gui::start();
    start_sandbox(&mut gui);
    let sandbox = gui.app().sandbox.as_ref().unwrap();
    let spott_candidate = sandbox.store().candidates(ProviderId::Spott)[5].clone();
    // Spott answers the lookup slowly.
    sandbox.faults().inject(
        "spott:GET:/candidates/*=delay:2500"
            .parse::<Fault>()
            .unwrap(),
    );
    gui.type_into("Search candidates", &spott_candidate.id);
    gui.click("Open by id");
    assert!(gui.app().picker.opening.is_some(), "the lookup is running");
    gui.until("Spott received the lookup", |h| {
        h.state()
            .sandbox
            .as_ref()
            .unwrap()
            .faults()
            .pending()
            .is_empty()
    });

    // The user switches to Kombo meanwhile; then Spott's answer arrives.
    use_connection(&mut gui, "Sandbox \u{b7} Kombo  \u{2014} Kombo");
    gui.until("Kombo connected", |h| {
        h.state()
            .connections
            .ready()
            .is_some_and(|r| r.connection.provider == ProviderId::Kombo)
    });
    gui.until_quiet();

    let app = gui.app();
    assert_eq!(
        app.connections.ready().map(|r| r.connection.provider),
        Some(ProviderId::Kombo)
    );
    assert_eq!(
        app.picker.selected.as_ref().map(|c| c.id.clone()),
        None,
        "no candidate is chosen on Kombo (the Spott candidate was {})",
        spott_candidate.id
    );
    assert!(
        app.connections
            .settings
            .recent_candidates
            .get("sandbox-kombo")
            .is_none_or(|recent| recent.iter().all(|r| r.id != spott_candidate.id)),
        "the Spott candidate is not among Kombo's recent ones"
    );
    assert_eq!(app.upload_blocker().as_deref(), Some("Add files first."));
}

/// A connect started before the connection was edited answers last: the client built with the
/// new key stays.
#[test]
fn a_late_connect_from_before_an_edit_does_not_replace_the_new_client() {
    use atsdrop::emulator::credentials::{KOMBO_API_KEY, KOMBO_INTEGRATION_ID};
    use atsdrop::settings::{ConnectionProfile, Settings};

    let (runtime, emulator) = emulator();
    let mut profile = ConnectionProfile::new("Acme Kombo", ProviderId::Kombo);
    profile.base_url = emulator.base_url(ProviderId::Kombo);
    profile.ids.set("integration_id", KOMBO_INTEGRATION_ID);
    let mut settings = Settings::default();
    settings.add_connection(profile.clone()).unwrap();
    let store = Arc::new(atsdrop::credentials::MemoryStore::new());
    store
        .set(
            &profile.id,
            &atsdrop::model::Secret::new("an-old-revoked-key"),
        )
        .unwrap();
    // Kombo is slow to refuse the old key (connecting reads the account's limits).
    emulator.faults().inject(
        "kombo:GET:/ats/actions/ats_add_candidate_attachment=delay:2500"
            .parse::<Fault>()
            .unwrap(),
    );
    let faults = emulator.faults();
    let mut gui = Gui::start_with(settings, store);
    gui.until("the first connect reached Kombo", |_| {
        faults.pending().is_empty()
    });

    // The user enters the right key while the first connect still waits.
    gui.click("Connections");
    gui.click("Edit\u{2026}");
    gui.until_shown("Edit connection");
    gui.type_into("API key", KOMBO_API_KEY);
    gui.click("Save");
    gui.until("connected with the new key", |h| {
        h.state().connections.ready().is_some()
    });
    gui.until_quiet();

    let ready = gui
        .app()
        .connections
        .ready()
        .expect("the old key's late refusal replaced the new client");
    assert_eq!(
        ready.connection.secret.expose(),
        KOMBO_API_KEY,
        "the client uses the new key"
    );
    drop(gui);
    drop(emulator);
    drop(runtime);
}

/// "Test connection" answered after its form was closed is not shown on the next form.
#[test]
fn a_connection_test_answered_after_its_form_closed_stays_off_the_next_form() {
    let (runtime, emulator) = emulator();
    let mut gui = Gui::start();
    gui.until_shown("Welcome to atsdrop");
    gui.click("Add a connection\u{2026}");
    gui.until_shown("New connection");
    gui.type_into("Name", "Acme Spott");
    gui.type_into("Address (base URL)", &emulator.base_url(ProviderId::Spott));
    gui.type_into("API key", atsdrop::emulator::credentials::SPOTT_API_KEY);
    emulator
        .faults()
        .inject("spott:GET:/candidates=delay:2500".parse::<Fault>().unwrap());
    gui.click("Test connection");
    let faults = emulator.faults();
    gui.until("Spott received the test", |_| faults.pending().is_empty());
    gui.click("Cancel");
    gui.click("Add a connection\u{2026}");
    gui.until_shown("New connection");
    gui.until_quiet();

    let form = gui
        .app()
        .connections
        .form
        .as_ref()
        .expect("the new form is open");
    assert!(
        form.test.is_none(),
        "the old test's answer is not on the new form"
    );
    assert!(!form.is_busy());
    drop(gui);
    drop(emulator);
    drop(runtime);
}

/// A secret the keyring stores after its form was closed finishes that save, and leaves the
/// form open now alone.
#[test]
fn a_secret_stored_after_its_form_closed_finishes_that_save_only() {
    use crate::support::gui::GatedStore;

    let (runtime, emulator) = emulator();
    let store = Arc::new(GatedStore::new());
    let mut gui = Gui::start_gated(store.clone());
    gui.until_shown("Welcome to atsdrop");
    gui.click("Add a connection\u{2026}");
    gui.until_shown("New connection");
    gui.type_into("Name", "Acme Spott");
    gui.type_into("Address (base URL)", &emulator.base_url(ProviderId::Spott));
    gui.type_into("API key", atsdrop::emulator::credentials::SPOTT_API_KEY);
    gui.click("Save");
    let gate = store.clone();
    gui.until("the keyring is asked", move |_| gate.is_waiting());

    // The user gives up on that form and starts another one; then the keyring answers.
    gui.click("Cancel");
    gui.click("Add a connection\u{2026}");
    gui.until_shown("New connection");
    gui.type_into("Name", "Second");
    store.open();
    gui.until_quiet();

    let app = gui.app();
    let form = app
        .connections
        .form
        .as_ref()
        .expect("the second form stays open");
    assert_eq!(form.name, "Second");
    assert!(form.problems.is_empty());
    assert!(!form.is_busy());
    let saved: Vec<&str> = app
        .connections
        .settings
        .connections
        .iter()
        .map(|p| p.name.as_str())
        .collect();
    assert_eq!(saved, ["Acme Spott"], "the first save was finished");
    let id = &app.connections.settings.connections[0].id;
    assert_eq!(
        gui.store
            .get(id)
            .unwrap()
            .map(|s| s.expose().to_owned())
            .as_deref(),
        Some(atsdrop::emulator::credentials::SPOTT_API_KEY)
    );
    drop(gui);
    drop(emulator);
    drop(runtime);
}

/// Background work that panics still answers, with the result its caller prepared, so no
/// state waits forever.
#[test]
fn a_background_task_that_panics_still_answers() {
    use atsdrop::app::{TaskResult, Tasks};

    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()
        .unwrap();
    let tasks = Tasks::new(runtime.handle().clone(), egui::Context::default());
    tasks.spawn(async { panic!("a bug in async work") }, || {
        TaskResult::Failed("async".to_owned())
    });
    tasks.spawn_blocking(
        || panic!("a bug in blocking work"),
        || TaskResult::Failed("blocking".to_owned()),
    );
    tasks.spawn(async { TaskResult::Nothing }, || {
        TaskResult::Failed("not this one".to_owned())
    });
    assert_eq!(tasks.running(), 3);

    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    let mut failed = Vec::new();
    let mut nothing = 0;
    while tasks.running() > 0 {
        assert!(
            std::time::Instant::now() < deadline,
            "a task never answered"
        );
        for result in tasks.drain() {
            match result {
                TaskResult::Failed(sentence) => failed.push(sentence),
                TaskResult::Nothing => nothing += 1,
                _ => panic!("unexpected result"),
            }
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    failed.sort();
    assert_eq!(failed, ["async", "blocking"]);
    assert_eq!(nothing, 1);
    assert_eq!(
        atsdrop::app::crashed("Connecting to Spott"),
        "Connecting to Spott failed because of an unexpected error in atsdrop; please try again."
    );
}

/// The window title and the total bar count only files that arrived as uploaded, and name
/// failures apart.
#[test]
fn progress_counts_only_uploaded_files_and_names_failures() {
    // Each file alone, so each meets its own fault (together they would share one request).
    let mut gui = Gui::start_one_file_per_request();
    start_sandbox(&mut gui);
    let (_, name) = choose_candidate(&mut gui, 213);
    let files = tempfile::tempdir().unwrap();
    let paths: Vec<_> = ["one.pdf", "two.pdf", "three.pdf"]
        .iter()
        .map(|n| write(files.path(), n, &pdf_bytes(30_000)))
        .collect();
    gui.drop_files(&paths);
    gui.until("three files checked", |h| {
        h.state().staging.rows.len() == 3 && h.state().upload_blocker().is_none()
    });
    // Whichever order the three uploads reach Spott in: one is stored, one refused, one held.
    let faults = gui.app().sandbox.as_ref().unwrap().faults();
    for fault in [
        "spott:POST:/attachments/temporary=delay:0",
        "spott:POST:/attachments/temporary=500",
        "spott:POST:/attachments/temporary=delay:20000",
    ] {
        faults.inject(fault.parse::<Fault>().unwrap());
    }
    gui.until_checked();
    gui.click(&format!("Upload 3 to {name}"));
    gui.until("one uploaded, one failed, one on its way", |h| {
        let rows = &h.state().queue.rows;
        let count = |s: FileState| rows.iter().filter(|r| r.state == s).count();
        count(FileState::Done) == 1
            && count(FileState::Failed) == 1
            && count(FileState::Uploading) == 1
    });
    gui.harness.step();
    let title = gui.app().title().to_owned();
    assert!(
        title.starts_with("atsdrop \u{2014} 1 of 3 uploaded, 1 failed ("),
        "title: {title}"
    );
    let progress = gui.app().queue.overall().unwrap();
    assert_eq!(
        (progress.uploaded, progress.failed, progress.files),
        (1, 1, 3)
    );
    assert!(
        progress.percent() < 100,
        "the failed file's bytes are not counted as sent"
    );
    gui.until_shown("1 of 3 uploaded, 1 failed \u{b7}");

    gui.click("Cancel all");
    gui.until("the batch ended", |h| h.state().queue.overall().is_none());
    assert_eq!(gui.app().title(), "atsdrop");
}

/// A connection that becomes ready hands its client to the engine, so a Retry of an earlier
/// file of that account (sent with an older key, or resumed with none) uses it.
#[test]
fn a_connected_account_hands_its_client_to_the_engine_for_retries() {
    let mut gui = Gui::start();
    start_sandbox(&mut gui);
    let ready = gui.app().connections.ready().unwrap();
    let account = gui
        .app()
        .engine
        .as_ref()
        .unwrap()
        .account(&ready.connection, atsdrop::upload::Source::Sandbox);
    let engine_client = gui
        .app()
        .engine
        .as_ref()
        .unwrap()
        .client_of(&account)
        .expect("the engine knows the connected account's client before any upload");
    assert!(Arc::ptr_eq(&engine_client, &ready.client));

    // Another account, once connected, is registered too; Spott's stays.
    use_connection(&mut gui, "Sandbox \u{b7} Kombo  \u{2014} Kombo");
    gui.until("Kombo connected", |h| {
        h.state()
            .connections
            .ready()
            .is_some_and(|r| r.connection.provider == ProviderId::Kombo)
    });
    let kombo = gui.app().connections.ready().unwrap();
    let engine = gui.app().engine.as_ref().unwrap();
    let kombo_account = engine.account(&kombo.connection, atsdrop::upload::Source::Sandbox);
    assert!(Arc::ptr_eq(
        &engine.client_of(&kombo_account).unwrap(),
        &kombo.client
    ));
    assert!(Arc::ptr_eq(
        &engine.client_of(&account).unwrap(),
        &engine_client
    ));
}

#[test]
fn a_file_already_on_the_candidate_is_flagged_and_skipped_unless_sent_anyway() {
    let mut gui = Gui::start();
    start_sandbox(&mut gui);
    let (candidate, name) = choose_candidate(&mut gui, 214);
    let files = tempfile::tempdir().unwrap();
    let cv = write(files.path(), "cv again.pdf", &pdf_bytes(7_000));
    gui.drop_files(std::slice::from_ref(&cv));
    gui.until("checked", |h| h.state().upload_blocker().is_none());
    gui.until_checked();
    gui.click(&format!("Upload 1 to {name}"));
    gui.until_shown("Last batch: 1 uploaded");

    // The same file again: the candidate already has it (and the history says it was sent).
    gui.drop_files(&[cv]);
    gui.until("flagged as a duplicate", |h| {
        h.state().staging.rows.iter().any(|r| {
            r.duplicate
                .as_deref()
                .is_some_and(|d| d.contains("cv again.pdf is already on this candidate"))
        })
    });
    gui.until_shown("1 duplicate will be skipped");
    let stored = |gui: &Gui| {
        gui.app()
            .sandbox
            .as_ref()
            .unwrap()
            .store()
            .attachments(ProviderId::Spott, Some(&candidate))
            .iter()
            .filter(|a| a.file_name == "cv again.pdf")
            .count()
    };
    assert_eq!(stored(&gui), 1);

    // The recruiter decides to send it anyway: a second copy arrives.
    gui.click("Upload anyway");
    gui.until("no longer skipped", |h| {
        h.state().staging.duplicates_skipped() == 0
    });
    gui.until_checked();
    gui.click(&format!("Upload 1 to {name}"));
    gui.until("the second copy arrived", |h| {
        h.state()
            .queue
            .rows
            .iter()
            .filter(|r| r.state == FileState::Done)
            .count()
            == 2
    });
    assert_eq!(stored(&gui), 2);
}

/// Review finding (issue 10): two saved Spott connections at the same address with different
/// keys used to share one client, so choosing the second one mid-upload sent the rest of the
/// first one's files with the second key, into the second tenant. Every file must land in the
/// tenant it was queued for, and no request for it may carry the other key.
#[test]
fn files_queued_under_one_connection_stay_with_it_when_another_is_chosen() {
    use atsdrop::emulator::DEMO_TENANT;
    use atsdrop::emulator::credentials::SPOTT_API_KEY;
    use atsdrop::settings::{ConnectionProfile, Settings};

    const B_KEY: &str = "agency-b-spott-key";
    let (runtime, emulator) = emulator();
    let _ = emulator.add_tenant(ProviderId::Spott, "agency-b", B_KEY);
    let mut settings = Settings::default();
    let mut ids = Vec::new();
    for name in ["Agency A", "Agency B"] {
        let mut profile = ConnectionProfile::new(name, ProviderId::Spott);
        profile.base_url = emulator.base_url(ProviderId::Spott);
        ids.push(profile.id.clone());
        settings.add_connection(profile).unwrap();
    }
    settings.selected_connection = Some(ids[0].clone());
    let store = Arc::new(atsdrop::credentials::MemoryStore::new());
    store
        .set(&ids[0], &atsdrop::model::Secret::new(SPOTT_API_KEY))
        .unwrap();
    store
        .set(&ids[1], &atsdrop::model::Secret::new(B_KEY))
        .unwrap();
    // Slow uploads: Agency B is chosen and connected while most files still wait their turn.
    emulator.faults().inject(
        "spott:POST:/attachments/temporary=delay:700x40"
            .parse::<Fault>()
            .unwrap(),
    );
    let mut gui = Gui::start_with(settings, store);
    let a = ids[0].clone();
    gui.until("Agency A connected", move |h| {
        h.state().connections.selected.as_deref() == Some(a.as_str())
            && h.state().connections.ready().is_some()
    });
    let candidate = emulator.store().candidates(ProviderId::Spott)[160].clone();
    gui.type_into("Search candidates", &candidate.email);
    let email = candidate.email.clone();
    gui.until("the search answered", move |h| {
        let p = &h.state().picker;
        p.results_for.as_deref() == Some(email.as_str()) && !p.loading && p.search_at.is_none()
    });
    gui.click(&format!(
        "{}  \u{b7}  {}",
        candidate.full_name(),
        candidate.email
    ));
    let dir = tempfile::tempdir().unwrap();
    let files: Vec<_> = (0..12)
        .map(|i| write(dir.path(), &format!("cv-{i}.pdf"), &pdf_bytes(5_000 + i)))
        .collect();
    gui.drop_files(&files);
    gui.until_shown("Upload 12 to");
    gui.until_checked();
    gui.click(&format!("Upload 12 to {}", candidate.full_name()));
    // The first uploads arrived (and are held): most files still wait for a slot.
    let faults = emulator.faults();
    gui.until("the first upload reached Spott", |_| {
        faults.pending().first().is_some_and(|f| f.count < 40)
    });

    use_connection(&mut gui, "Agency B  \u{2014} Spott");
    let b = ids[1].clone();
    gui.until("Agency B connected", move |h| {
        h.state().connections.selected.as_deref() == Some(b.as_str())
            && h.state().connections.ready().is_some()
    });
    gui.until("every file of Agency A finished", |h| {
        h.state().queue.rows.len() == 12 && h.state().queue.rows.iter().all(|r| r.state.is_final())
    });
    assert!(
        gui.app()
            .queue
            .rows
            .iter()
            .all(|r| r.state == FileState::Done),
        "{:?}",
        gui.app()
            .queue
            .rows
            .iter()
            .map(|r| (&r.name, r.state, &r.message))
            .collect::<Vec<_>>()
    );
    let store = emulator.store();
    assert_eq!(
        store
            .tenant_attachments(ProviderId::Spott, DEMO_TENANT, Some(&candidate.id))
            .len(),
        12,
        "every file in Agency A's tenant"
    );
    assert!(
        store
            .tenant_attachments(ProviderId::Spott, "agency-b", Some(&candidate.id))
            .is_empty(),
        "nothing in Agency B's tenant"
    );
    let uploads: Vec<_> = emulator
        .received()
        .into_iter()
        .filter(|r| r.path.starts_with("/attachments/temporary"))
        .collect();
    // Ten files ride in one temporary upload, then one assign: at least two requests of each.
    assert!(
        uploads.len() >= 4,
        "the uploads and assigns of 12 files: {}",
        uploads.len()
    );
    assert!(
        uploads
            .iter()
            .all(|r| r.header("x-api-key") == Some(SPOTT_API_KEY)),
        "no request for Agency A's files carried Agency B's key"
    );
    drop(gui);
    drop(emulator);
    drop(runtime);
}

/// Issue 11: control characters in a file name are shown as their symbols, not obeyed or
/// hidden; and adding a large folder can be stopped, keeping what was found so far.
#[test]
fn control_characters_are_visible_and_adding_can_be_stopped() {
    let mut gui = Gui::start();
    start_sandbox(&mut gui);
    let dir = tempfile::tempdir().unwrap();
    let odd = write(dir.path(), "cv\u{1b}[31m.pdf", &pdf_bytes(2_000));
    gui.drop_files(std::slice::from_ref(&odd));
    gui.until_shown("cv\\e[31m.pdf");

    let many = tempfile::tempdir().unwrap();
    for i in 0..6000 {
        write(many.path(), &format!("cv-{i:05}.pdf"), &pdf_bytes(1_200));
    }
    gui.drop_files(&[many.path().to_owned()]);
    gui.until_shown("Checking files");
    gui.click("Stop");
    gui.until("the addition stopped", |h| h.state().staging.pending == 0);
    let rows = gui.app().staging.rows.len();
    assert!(rows > 1 && rows < 6001, "{rows} rows");
    assert!(
        gui.harness
            .query_by_label_contains("Checking files")
            .is_none()
    );
}

/// Issue 12: a CV headed by another candidate's name and e-mail is held back until the user
/// decides; the guard names who it seems to be (found in the system by e-mail), and the switch
/// moves the files to them, where the same CV is theirs and may be sent. A macro document is
/// held until confirmed.
#[test]
fn the_guard_blocks_someone_elses_cv_names_them_and_switches_to_them() {
    use crate::support::documents::{Cv, cv_docm, cv_pdf};
    let mut gui = Gui::start();
    start_sandbox(&mut gui);
    let (_, chosen) = choose_candidate(&mut gui, 210);
    let other = gui
        .app()
        .sandbox
        .as_ref()
        .unwrap()
        .store()
        .candidates(ProviderId::Spott)[211]
        .clone();
    let other_name = other.full_name();

    let dir = tempfile::tempdir().unwrap();
    let cv = Cv {
        name: &other_name,
        email: &other.email,
        phone: "+31 6 1234 5678",
        pages: 1,
    };
    let path = cv_pdf(dir.path(), "cv.pdf", &cv);
    gui.drop_files(&[path]);
    gui.until("the content read", |h| {
        h.state().staging.rows.len() == 1 && !h.state().staging.rows[0].reading
    });
    // In full above the table, once; the row says "Refused".
    let sentence = format!(
        "cv.pdf looks like {other_name}'s file ({}), not this candidate's",
        other.email
    );
    gui.until("the guard shown", move |h| {
        h.query_all_by_label_contains(&sentence).count() == 1
    });
    gui.until_shown(&format!("{other_name} is in Spott too."));
    assert!(
        gui.app().upload_blocker().is_some(),
        "nothing is sent until the user decides"
    );
    assert!(
        gui.harness
            .query_by_label(&format!("Send to {chosen} anyway"))
            .is_some()
    );
    // The first page said "Curriculum Vitae": the type is the CV type.
    assert_eq!(
        gui.app().staging.rows[0].attachment_type.role,
        atsdrop::model::AttachmentRole::Cv
    );
    gui.harness.check_accessibility();

    gui.click(&format!("Switch to {other_name}"));
    let other_id = other.id.clone();
    gui.until("switched to the other candidate", move |h| {
        h.state()
            .picker
            .selected
            .as_ref()
            .is_some_and(|c| c.id == other_id)
    });
    gui.until("the CV judged theirs", |h| {
        h.state().upload_blocker().is_none()
    });
    assert!(
        gui.harness.query_by_label_contains("looks like").is_none(),
        "for its owner the CV raises nothing"
    );

    // A macro document is held until confirmed.
    let docm = cv_docm(dir.path(), "cv.docm", &cv);
    gui.drop_files(&[docm]);
    gui.until("the macros flagged", |h| {
        h.query_all_by_label_contains("cv.docm contains macros")
            .count()
            == 1
    });
    assert!(gui.app().upload_blocker().is_some());
    gui.click("Send cv.docm with its macros");
    gui.until("the macros confirmed", |h| {
        h.state().upload_blocker().is_none()
    });
}

/// Issue 12: selecting a file previews its first page — a PDF's page as the reader rendered it
/// (also its thumbnail), a document's first lines — and closing the preview unselects it.
#[test]
fn selecting_a_file_previews_its_first_page() {
    use crate::support::documents::{Cv, cv_pdf, docx_with_header_email};
    let mut gui = Gui::start();
    start_sandbox(&mut gui);
    let dir = tempfile::tempdir().unwrap();
    let cv = Cv {
        name: "Jane Doe",
        email: "jane.doe@example.com",
        phone: "06 12345678",
        pages: 2,
    };
    let pdf = cv_pdf(dir.path(), "jane.pdf", &cv);
    let docx = docx_with_header_email(dir.path(), "letter.docx", "jane.doe@example.com");
    gui.drop_files(&[pdf, docx]);
    gui.until_checked();
    let page = gui
        .app()
        .staging
        .rows
        .iter()
        .find(|r| r.facts.name == "jane.pdf")
        .unwrap();
    assert!(
        page.content.facts.as_ref().unwrap().preview_png.is_some(),
        "the reader rendered the first page"
    );
    assert!(page.picture().is_some(), "the thumbnail shows that page");

    gui.click("jane.pdf");
    gui.until_shown("Preview \u{2014} jane.pdf");
    gui.until_shown("Page 1 of 2");
    gui.harness.check_accessibility();
    gui.click("Close window");
    gui.until("the preview closed", |h| {
        h.state().staging.rows.iter().all(|r| !r.selected)
    });
    assert!(
        gui.harness
            .query_by_label_contains("Preview \u{2014}")
            .is_none()
    );

    gui.click("letter.docx");
    gui.until_shown("Preview \u{2014} letter.docx");
    gui.until_shown("jane.doe@example.com");
}

/// Issue 12: hostile documents cost a note each, in the reader process, and the app goes on:
/// absurd nesting, a cut cross-reference table and a zip bomb are checked, and a CV dropped
/// after them is read and judged as usual.
#[test]
fn hostile_documents_cost_a_note_and_the_app_goes_on() {
    use crate::support::documents::{Cv, cv_pdf, docx_zip_bomb, nested_pdf, truncated_xref_pdf};
    let mut gui = Gui::start();
    start_sandbox(&mut gui);
    let (_, name) = choose_candidate(&mut gui, 210);
    let dir = tempfile::tempdir().unwrap();
    gui.drop_files(&[
        nested_pdf(dir.path(), "nested.pdf", 20_000),
        truncated_xref_pdf(dir.path(), "cut.pdf"),
        docx_zip_bomb(dir.path(), "bomb.docx"),
    ]);
    gui.until_checked();
    gui.until("the nesting and the bomb noted", |h| {
        h.query_all_by_label_contains("atsdrop could not read the content of")
            .count()
            == 2
    });
    let candidate = gui.app().picker.selected.clone().unwrap();
    let own = cv_pdf(
        dir.path(),
        "own.pdf",
        &Cv {
            name: &name,
            email: candidate.email.as_deref().unwrap(),
            phone: "",
            pages: 1,
        },
    );
    gui.drop_files(&[own]);
    gui.until_checked();
    let row = gui
        .app()
        .staging
        .rows
        .iter()
        .find(|r| r.facts.name == "own.pdf")
        .unwrap();
    assert_eq!(
        row.content.identity.as_ref().map(|i| i.verdict),
        Some(atsdrop::content::identity::Verdict::Match)
    );
    assert!(gui.app().upload_blocker().is_none(), "notes do not block");
}

/// Issue 13 (the app as a new user tried it): choosing a candidate keeps the result list
/// where it was, so a second click does not land on another person; the uploads' start is said
/// in the queue's status line and replaced by the outcome, not left in a notification.
#[test]
fn choosing_a_candidate_keeps_the_list_still_and_the_outcome_replaces_the_start() {
    let mut gui = Gui::start();
    start_sandbox(&mut gui);
    let seeded = gui
        .app()
        .sandbox
        .as_ref()
        .unwrap()
        .store()
        .candidates(ProviderId::Spott)
        .to_vec();
    let label = |i: usize| format!("{}  \u{b7}  {}", seeded[i].full_name(), seeded[i].email);
    let (first, second) = (label(0), label(1));
    let wait_for = second.clone();
    gui.until("the list shown", move |h| {
        h.query_by_label(&wait_for).is_some()
    });
    let before = gui.harness.get_by_label(&second).rect();
    gui.click(&first);
    let id = seeded[0].id.clone();
    gui.until("chosen", move |h| {
        h.state()
            .picker
            .selected
            .as_ref()
            .is_some_and(|c| c.id == id)
    });
    gui.until_quiet();
    let after = gui.harness.get_by_label(&second).rect();
    assert!(
        (before.min.y - after.min.y).abs() < 0.5,
        "the list did not move: {} then {}",
        before.min.y,
        after.min.y
    );

    let dir = tempfile::tempdir().unwrap();
    gui.drop_files(&[write(dir.path(), "cv.pdf", &pdf_bytes(3_000))]);
    gui.until_checked();
    let name = seeded[0].full_name();
    // The upload is held a moment, so its batch cannot end (and say so) within the click's
    // frames: what is counted is a notification at submission.
    gui.app().sandbox.as_ref().unwrap().faults().inject(
        "spott:POST:/attachments/temporary=delay:1500"
            .parse()
            .unwrap(),
    );
    // Whatever earlier work still has to say is said before counting.
    gui.until_quiet();
    let toasts = gui.app().toasts.len();
    gui.click(&format!("Upload 1 to {name}"));
    assert_eq!(
        gui.app().toasts.len(),
        toasts,
        "no notification that would outlive its batch"
    );
    gui.until_shown("Last batch: 1 uploaded");
    assert!(
        gui.harness
            .query_by_label_contains("Uploading 1 file to")
            .is_none(),
        "the status line says the outcome now"
    );
}

/// Issue 13: a refused file with a mechanical fix gets it one click away — prepared by
/// `atsdrop fix` in the background and offered only once it passes — and the fixed copy is
/// uploaded while the original stays as it was; selected files combine into one PDF.
#[test]
fn a_refused_file_is_fixed_in_one_click_and_uploaded() {
    let mut gui = Gui::start();
    start_sandbox(&mut gui);
    let (candidate, name) = choose_candidate(&mut gui, 210);
    let dir = tempfile::tempdir().unwrap();
    let disguised = write(dir.path(), "photo.pdf", PNG_1X1);
    gui.drop_files(std::slice::from_ref(&disguised));
    gui.until_checked();
    gui.until_shown("photo.pdf is a PNG image, not a PDF");
    gui.until_shown("Fix photo.pdf");
    // A program named .pdf has nothing to fix: no fix is looked for.
    let mut elf = b"\x7fELF\x02\x01\x01\x00".to_vec();
    elf.resize(4_096, 0);
    let program = write(dir.path(), "setup.pdf", &elf);
    gui.drop_files(&[program]);
    gui.until_checked();
    let setup = gui
        .app()
        .staging
        .rows
        .iter()
        .find(|r| r.facts.name == "setup.pdf")
        .map(|r| r.id)
        .unwrap();
    assert!(!gui.app().fixes.offers.contains_key(&setup));
    gui.click("Remove setup.pdf");
    let row = gui.app().staging.rows[0].id;
    assert!(
        matches!(
            gui.app().fixes.offers.get(&row),
            Some((_, atsdrop::app::fixes::FixState::Ready(offer)))
                if offer.actions == ["renamed to photo.png"]
        ),
        "the button says what the fix does"
    );
    gui.click("Fix photo.pdf");
    gui.until("the fixed copy staged", |h| {
        h.state().staging.rows.len() == 1 && h.state().staging.rows[0].facts.name == "photo.png"
    });
    gui.until_shown("made from photo.pdf: renamed to photo.png");
    gui.until_checked();
    assert!(
        gui.app().upload_blocker().is_none(),
        "the fixed copy passes"
    );
    let fixed_path = gui.app().staging.rows[0].facts.path.clone();
    assert!(
        fixed_path.starts_with(&gui.app().fixes.work_dir),
        "{fixed_path:?}"
    );
    gui.click(&format!("Upload 1 to {name}"));
    gui.until_shown("Last batch: 1 uploaded");
    let stored = gui
        .app()
        .sandbox
        .as_ref()
        .unwrap()
        .store()
        .attachments(ProviderId::Spott, Some(&candidate));
    assert!(
        stored.iter().any(|a| a.sha256 == sha256_hex(PNG_1X1)),
        "the sandbox holds the fixed copy's bytes"
    );
    assert_eq!(
        std::fs::read(&disguised).unwrap(),
        PNG_1X1,
        "the original is untouched"
    );
    let gone = fixed_path.clone();
    gui.until(
        "the uploaded copy removed from the work folder",
        move |_| !gone.exists(),
    );
    // The history keeps the original's name and sha256 next to the copy sent.
    let original_sha = sha256_hex(PNG_1X1);
    gui.until("the history records the original", move |h| {
        h.state().history.entries.iter().any(|e| {
            e.file_name == "photo.png"
                && e.made_from
                    .iter()
                    .any(|o| o.name == "photo.pdf" && o.sha256 == original_sha)
        })
    });

    // Two pictures selected and combined into one PDF.
    let mut png = Vec::new();
    image::RgbImage::from_pixel(40, 30, image::Rgb([200, 30, 30]))
        .write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)
        .unwrap();
    let first = write(dir.path(), "page-1.png", &png);
    let second = write(dir.path(), "page-2.png", &png);
    gui.drop_files(&[first, second]);
    gui.until_checked();
    // Selected second page first: the PDF follows the order of selection, not of the table.
    gui.click("page-2.png");
    gui.harness
        .get_by_label("page-1.png")
        .click_modifiers(egui::Modifiers::COMMAND);
    gui.harness.step();
    gui.harness.step();
    gui.until_shown("Combine into one PDF");
    gui.click("Combine into one PDF");
    gui.until("combined", |h| {
        h.state().staging.rows.len() == 1
            && h.state().staging.rows[0].facts.content == Some(atsdrop::model::FileKind::Pdf)
    });
    gui.until_shown("made from page-2.png, page-1.png");
    gui.until_checked();
    let pdf = gui.app().staging.rows[0].content.facts.clone().unwrap();
    assert_eq!(pdf.pages, Some(2), "a page per picture");
}

/// The whole path — sandbox, candidate, drop, a refusal, upload, done — in `lang`, asserting
/// the texts a recruiter reads there (`said`: the welcome heading, the refusal of a text file,
/// the ready verdict, the upload button with `{name}` for the candidate's, the end of the
/// batch).
fn whole_path_in(lang: atsdrop::i18n::Lang, said: [&str; 5]) {
    let [welcome, refusal, ready, upload_to, last_batch] = said;
    let mut gui = Gui::start_speaking(lang, egui::Theme::Light);
    gui.until_shown(welcome);
    gui.click(&atsdrop::t!("welcome-try-sandbox"));
    gui.until("the sandbox connected", |h| {
        h.state().connections.ready().is_some()
    });
    let candidate = gui
        .app()
        .sandbox
        .as_ref()
        .unwrap()
        .store()
        .candidates(ProviderId::Spott)[230]
        .clone();
    gui.type_into(&atsdrop::t!("candidate-search"), &candidate.email);
    let email = candidate.email.clone();
    gui.until("the search answered", move |h| {
        let p = &h.state().picker;
        p.results_for.as_deref() == Some(email.as_str()) && !p.loading && p.search_at.is_none()
    });
    gui.click(&format!(
        "{}  \u{b7}  {}",
        candidate.full_name(),
        candidate.email
    ));
    let id = candidate.id.clone();
    gui.until("the candidate chosen", move |h| {
        h.state()
            .picker
            .selected
            .as_ref()
            .is_some_and(|c| c.id == id)
    });

    let files = tempfile::tempdir().unwrap();
    let cv = write(files.path(), "cv.pdf", &pdf_bytes(30_000));
    let notes = write(files.path(), "notes.txt", b"Notes from the phone screen.\n");
    gui.drop_files(&[cv, notes]);
    gui.until("both checked", |h| {
        h.state().staging.rows.len() == 2 && h.state().staging.pending == 0
    });
    gui.until_checked();
    gui.until_shown(refusal);
    assert_eq!(
        gui.harness.query_all_by_label(ready).count(),
        1,
        "the CV is ready"
    );
    gui.harness.check_accessibility();

    gui.click(&atsdrop::t!("staging-remove-file", name = "notes.txt"));
    gui.until("one file left", |h| {
        h.state().staging.rows.len() == 1 && h.state().upload_blocker().is_none()
    });
    gui.until_checked();
    gui.click(&upload_to.replace("{name}", &candidate.full_name()));
    gui.until("uploaded", |h| {
        let q = &h.state().queue;
        q.rows.len() == 1 && q.rows[0].state == FileState::Done
    });
    gui.until_shown(last_batch);
}

#[test]
fn the_whole_path_speaks_dutch() {
    whole_path_in(
        atsdrop::i18n::Lang::Nl,
        [
            "Welkom bij atsdrop",
            "notes.txt is een tekstbestand, en dat neemt Spott niet aan",
            "Klaar",
            "1 uploaden naar {name}",
            "Laatste upload: 1 geüpload",
        ],
    );
}

#[test]
fn the_whole_path_speaks_german() {
    whole_path_in(
        atsdrop::i18n::Lang::De,
        [
            "Willkommen bei atsdrop",
            "notes.txt ist eine Textdatei, das nimmt Spott nicht an",
            "Bereit",
            "1 für {name} hochladen",
            "Letzter Upload: 1 hochgeladen",
        ],
    );
}
