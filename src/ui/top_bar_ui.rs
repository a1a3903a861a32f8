//! The top bar: which connection is in use and its status, the screens, and the theme.

use crate::app::connections::{self, Live};
use crate::app::{App, Command, Tab};
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
                (Tab::Upload, "Upload"),
                (Tab::Bulk, "Bulk"),
                (Tab::History, "History"),
                (Tab::Connections, "Connections"),
            ] {
                if ui.selectable_label(app.tab == tab, label).clicked() {
                    app.commands.push(Command::Tab(tab));
                }
            }
            ui.separator();
            connection_picker_ui(ui, app);
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                theme_ui(ui, app);
            });
        });
        ui.add_space(4.0);
    });
}

fn connection_picker_ui(ui: &mut egui::Ui, app: &mut App) {
    let entries = app.connections.entries();
    if entries.is_empty() {
        ui.label("No connection yet");
        return;
    }
    let selected = app.connections.selected_entry();
    let text = selected
        .as_ref()
        .map_or_else(|| "Choose a connection".to_owned(), |e| e.name.clone());
    egui::ComboBox::from_label("Connection")
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
            ui.label("Connecting\u{2026}");
        }
        Some(Live::Ready(_)) => {
            let color = style::ok_color(ui);
            style::dot(ui, color);
            ui.label(egui::RichText::new("Connected").color(color));
        }
        Some(Live::Failed(reason)) => {
            let color = style::error_color(ui);
            style::dot(ui, color);
            style::error_text(ui, "Not connected").on_hover_text(reason.clone());
            if ui.button("Retry").on_hover_text(reason.clone()).clicked() {
                app.commands
                    .push(Command::Connections(connections::Command::Reconnect));
            }
        }
        None => {}
    }
}

fn theme_ui(ui: &mut egui::Ui, app: &mut App) {
    let current = app.theme();
    egui::ComboBox::from_label("Theme")
        .selected_text(match current {
            ThemePreference::System => "Follow system",
            ThemePreference::Light => "Light",
            ThemePreference::Dark => "Dark",
        })
        .show_ui(ui, |ui| {
            for (theme, label) in [
                (ThemePreference::System, "Follow system"),
                (ThemePreference::Light, "Light"),
                (ThemePreference::Dark, "Dark"),
            ] {
                if ui.selectable_label(current == theme, label).clicked() {
                    app.commands.push(Command::Theme(theme));
                }
            }
        });
}
