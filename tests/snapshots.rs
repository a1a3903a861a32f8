//! Image snapshots of the main screens in light and dark, and in Dutch and German, rendered on
//! the CPU (Mesa lavapipe or llvmpipe; no GPU needed). A changed look fails here; accept it with
//! `UPDATE_SNAPSHOTS=1`. In every language, each screen is also checked for text that runs off
//! the window or controls drawn over each other.

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

/// Every control lies inside the window's width and no two overlap: longer words (German) must
/// wrap or shrink, never run off the edge or under a neighbour.
fn assert_laid_out(gui: &Gui, screen: &str) {
    use egui::accesskit::Role;
    use egui_kittest::kittest::{By, NodeT as _, Queryable as _};
    let width = gui.harness.ctx.content_rect().width();
    let controls: Vec<(String, egui::accesskit::Rect)> = gui
        .harness
        .query_all(By::new().predicate(|node| {
            matches!(
                node.role(),
                Role::Button | Role::CheckBox | Role::ComboBox | Role::TextInput
            ) && !node.is_hidden()
        }))
        .filter_map(|node| {
            let node = node.accesskit_node();
            let label = node.label().unwrap_or_default();
            node.bounding_box().map(|rect| (label, rect))
        })
        .filter(|(_, rect)| rect.width() > 0.0 && rect.height() > 0.0)
        .collect();
    assert!(controls.len() > 3, "{screen}: {} controls", controls.len());
    for (label, rect) in &controls {
        assert!(
            rect.x0 >= -0.5 && rect.x1 <= f64::from(width) + 0.5,
            "{screen}: \u{201c}{label}\u{201d} runs off the window ({rect:?}, width {width})"
        );
    }
    for (i, (a, ra)) in controls.iter().enumerate() {
        for (b, rb) in &controls[i + 1..] {
            let overlap = ra.intersect(*rb);
            assert!(
                overlap.width() <= 1.0 || overlap.height() <= 1.0,
                "{screen}: \u{201c}{a}\u{201d} and \u{201c}{b}\u{201d} overlap ({ra:?}, {rb:?})"
            );
        }
    }
}

/// The app follows the desktop's theme (the default preference), light or dark.
fn snapshot_screens(theme: egui::Theme, suffix: &str) {
    snapshot_screens_in(Gui::start_themed(theme), suffix);
}

/// The main screens: welcome, the upload screen with four checked files, the connection form.
fn snapshot_screens_in(mut gui: Gui, suffix: &str) {
    gui.until_shown(&atsdrop::t!("welcome-heading"));
    quiet(&mut gui);
    assert_laid_out(&gui, "welcome");
    gui.harness.snapshot(format!("welcome_{suffix}"));

    gui.click(&atsdrop::t!("welcome-try-sandbox"));
    gui.until("connected", |h| h.state().connections.ready().is_some());
    let candidate = gui
        .app()
        .sandbox
        .as_ref()
        .unwrap()
        .store()
        .candidates(ProviderId::Spott)[4]
        .clone();
    gui.type_into(&atsdrop::t!("candidate-search"), &candidate.email);
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
    assert_laid_out(&gui, "upload");
    gui.harness.snapshot(format!("upload_{suffix}"));

    gui.click(&atsdrop::t!("tab-connections"));
    gui.click(&atsdrop::t!("connections-add"));
    gui.until_shown(&atsdrop::t!("connection-form-title-new"));
    quiet(&mut gui);
    assert_laid_out(&gui, "connection form");
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

#[test]
fn main_screens_in_dutch() {
    snapshot_screens_in(
        Gui::start_speaking(atsdrop::i18n::Lang::Nl, egui::Theme::Light),
        "nl",
    );
}

#[test]
fn main_screens_in_german() {
    snapshot_screens_in(
        Gui::start_speaking(atsdrop::i18n::Lang::De, egui::Theme::Light),
        "de",
    );
}
