//! The first-run screen: try the built-in sandbox, or add a real connection.

use crate::app::{App, Command, Tab, connections};

use super::style;

/// Draws the welcome screen.
pub fn welcome_ui(ui: &mut egui::Ui, app: &mut App) {
    ui.vertical_centered(|ui| {
        ui.add_space(ui.available_height() * 0.18);
        ui.heading("Welcome to atsdrop");
        ui.add_space(8.0);
        ui.label("Drop candidate files on the window, see each one checked against your recruiting system's limits, and upload them in the background.");
        ui.add_space(24.0);
        let starting = app.connections.sandbox_starting;
        ui.add_enabled_ui(!starting, |ui| {
            if ui
                .add_sized([260.0, 36.0], egui::Button::new("Try the sandbox"))
                .on_hover_text("Starts a local copy of all five systems with demo candidates; nothing leaves this computer")
                .clicked()
            {
                app.commands.push(Command::Connections(connections::Command::StartSandbox));
            }
        });
        if starting {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label("Starting the sandbox\u{2026}");
            });
        }
        ui.add_space(8.0);
        if ui.add_sized([260.0, 36.0], egui::Button::new("Add a connection\u{2026}")).clicked() {
            app.commands.push(Command::Tab(Tab::Connections));
            app.commands.push(Command::Connections(connections::Command::New));
        }
        ui.add_space(16.0);
        ui.label("Spott \u{b7} Endorsed \u{b7} Kombo \u{b7} Onderwijsregio \u{b7} Truto");
        if let Some(error) = app.connections.sandbox_error.clone() {
            ui.add_space(12.0);
            style::error_text(ui, error);
        }
    });
}
