//! The top bar: which connection is in use and its status, the screens, and the theme.

use crate::app::connections::{self, Live};
use crate::app::{App, Command, Tab};
use crate::i18n::Lang;
use crate::settings::ThemePreference;

use super::style;

/// Draws the top bar.
pub fn top_bar_ui(ui: &mut egui::Ui, app: &mut App) {
    egui::Panel::top("top_bar").show(ui, |ui| {
        ui.add_space(4.0);
        ui.horizontal(|ui| {
            ui.heading("atsdrop");
            ui.separator();
            for (tab, label) in [
                (Tab::Upload, crate::t!("tab-upload")),
                (Tab::Bulk, crate::t!("tab-bulk")),
                (Tab::History, crate::t!("tab-history")),
                (Tab::Connections, crate::t!("tab-connections")),
            ] {
                if ui.selectable_label(app.tab == tab, label).clicked() {
                    app.commands.push(Command::Tab(tab));
                }
            }
            ui.separator();
            connection_picker_ui(ui, app);
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                theme_ui(ui, app);
                language_ui(ui, app);
            });
        });
        ui.add_space(4.0);
    });
}

fn connection_picker_ui(ui: &mut egui::Ui, app: &mut App) {
    let entries = app.connections.entries();
    if entries.is_empty() {
        ui.label(crate::t!("top-no-connection"));
        return;
    }
    let selected = app.connections.selected_entry();
    let text = selected
        .as_ref()
        .map_or_else(|| crate::t!("top-choose-connection"), |e| e.name.clone());
    egui::ComboBox::from_label(crate::t!("top-connection"))
        .selected_text(text)
        .width(220.0)
        .show_ui(ui, |ui| {
            for entry in &entries {
                let chosen = selected.as_ref().is_some_and(|s| s.id == entry.id);
                let label = format!("{}  \u{2014} {}", entry.name, entry.provider);
                if ui.selectable_label(chosen, label).clicked() {
                    app.commands
                        .push(Command::Connections(connections::Command::Select(
                            entry.id.clone(),
                        )));
                }
            }
        });
    match selected
        .as_ref()
        .and_then(|e| app.connections.live.get(&e.id))
    {
        Some(Live::Connecting { .. }) => {
            ui.spinner();
            ui.label(crate::t!("top-connecting"));
        }
        Some(Live::Ready(_)) => {
            let color = style::ok_color(ui);
            style::dot(ui, color);
            ui.label(egui::RichText::new(crate::t!("top-connected")).color(color));
        }
        Some(Live::Failed(reason)) => {
            let color = style::error_color(ui);
            style::dot(ui, color);
            style::error_text(ui, crate::t!("top-not-connected")).on_hover_text(reason.clone());
            if ui
                .button(crate::t!("top-retry"))
                .on_hover_text(reason.clone())
                .clicked()
            {
                app.commands
                    .push(Command::Connections(connections::Command::Reconnect));
            }
        }
        None => {}
    }
}

fn theme_ui(ui: &mut egui::Ui, app: &mut App) {
    let current = app.theme();
    let label = |theme| match theme {
        ThemePreference::System => crate::t!("top-theme-system"),
        ThemePreference::Light => crate::t!("top-theme-light"),
        ThemePreference::Dark => crate::t!("top-theme-dark"),
    };
    egui::ComboBox::from_label(crate::t!("top-theme"))
        .selected_text(label(current))
        .show_ui(ui, |ui| {
            for theme in [
                ThemePreference::System,
                ThemePreference::Light,
                ThemePreference::Dark,
            ] {
                if ui
                    .selectable_label(current == theme, label(theme))
                    .clicked()
                {
                    app.commands.push(Command::Theme(theme));
                }
            }
        });
}

/// The language menu: the OS's, or one of atsdrop's, each named in itself.
fn language_ui(ui: &mut egui::Ui, app: &mut App) {
    let chosen = app.connections.settings.preferences.language;
    let label = |language: Option<Lang>| {
        language.map_or_else(
            || crate::t!("top-language-system"),
            |l| l.native_name().to_owned(),
        )
    };
    egui::ComboBox::from_id_salt("language")
        .selected_text(label(chosen))
        .show_ui(ui, |ui| {
            let options = std::iter::once(None).chain(Lang::ALL.into_iter().map(Some));
            for language in options {
                if ui
                    .selectable_label(chosen == language, label(language))
                    .clicked()
                {
                    app.commands.push(Command::Language(language));
                }
            }
        })
        .response
        .on_hover_text(crate::t!("top-language"));
}
