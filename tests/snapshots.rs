//! Image snapshots of the main screens in light and dark, rendered on the CPU (Mesa lavapipe or
//! llvmpipe; no GPU needed). A changed look fails here; accept it with `UPDATE_SNAPSHOTS=1`.

use atsdrop::model::ProviderId;

use crate::support::gui::Gui;
use crate::support::sandbox::{pdf_bytes, write};

fn quiet(gui: &mut Gui) {
    // Toasts animate and expire; they are not part of a screen's look.
    gui.harness.state_mut().toasts.dismiss_all_toasts();
    for _ in 0..4 {
        gui.harness.step();
    }
}

/// The app follows the desktop's theme (the default preference), light or dark.
fn snapshot_screens(theme: egui::Theme, suffix: &str) {
    let mut gui = Gui::start_themed(theme);
    gui.until_shown("Welcome to atsdrop");
    quiet(&mut gui);
    gui.harness.snapshot(format!("welcome_{suffix}"));

    gui.click("Try the sandbox");
    gui.until("connected", |h| h.state().connections.ready().is_some());
    let candidate = gui
        .app()
        .sandbox
        .as_ref()
        .unwrap()
        .store()
        .candidates(ProviderId::Spott)[4]
        .clone();
    gui.type_into("Search candidates", &candidate.email);
    let label = format!("{}  \u{b7}  {}", candidate.full_name(), candidate.email);
    let email = candidate.email.clone();
    gui.until("the search answered", move |h| {
        let p = &h.state().picker;
        p.results_for.as_deref() == Some(email.as_str()) && !p.loading && p.search_at.is_none()
    });
    gui.click(&label);
    gui.until("chosen, attachments listed", |h| {
        h.state().picker.selected.is_some() && !h.state().picker.attachments.loading
    });
    let files = tempfile::tempdir().unwrap();
    let paths = vec![
        write(files.path(), "Lea Johnson CV.pdf", &pdf_bytes(48_000)),
        write(files.path(), "motivation letter.pdf", &pdf_bytes(21_000)),
        write(files.path(), "notes.txt", b"Notes from the phone screen.\n"),
        write(files.path(), "certificate.pdf", &pdf_bytes(9_000)),
    ];
    gui.drop_files(&paths);
    gui.until("checked", |h| {
        h.state().staging.rows.len() == 4 && h.state().staging.pending == 0
    });
    gui.until_checked();
    quiet(&mut gui);
    gui.harness.snapshot(format!("upload_{suffix}"));

    gui.click("Connections");
    gui.click("Add a connection\u{2026}");
    gui.until_shown("New connection");
    quiet(&mut gui);
    gui.harness.snapshot(format!("connection_form_{suffix}"));
}

#[test]
fn main_screens_light() {
    snapshot_screens(egui::Theme::Light, "light");
}

#[test]
fn main_screens_dark() {
    snapshot_screens(egui::Theme::Dark, "dark");
}
