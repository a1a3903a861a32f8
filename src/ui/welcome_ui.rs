//! The first-run screen: try the built-in sandbox, or add a real connection.

use crate::app::{App, Command, Tab, connections};

use super::style;

/// Draws the welcome screen.
pub fn welcome_ui(ui: &mut egui::Ui, app: &mut App) {
    ui.vertical_centered(|ui| {
        ui.add_space(ui.available_height() * 0.18);
        ui.heading(crate::t!("welcome-heading"));
        ui.add_space(8.0);
        ui.label(crate::t!("welcome-intro"));
        ui.add_space(24.0);
        let starting = app.connections.sandbox_starting;
        ui.add_enabled_ui(!starting, |ui| {
            if ui
                .add_sized(
                    [260.0, 36.0],
                    egui::Button::new(crate::t!("welcome-try-sandbox")),
                )
                .on_hover_text(crate::t!("welcome-try-sandbox-hover"))
                .clicked()
            {
                app.commands
                    .push(Command::Connections(connections::Command::StartSandbox));
            }
        });
        if starting {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label(crate::t!("welcome-starting-sandbox"));
            });
        }
        ui.add_space(8.0);
        if ui
            .add_sized(
                [260.0, 36.0],
                egui::Button::new(crate::t!("welcome-add-connection")),
            )
            .clicked()
        {
            app.commands.push(Command::Tab(Tab::Connections));
            app.commands
                .push(Command::Connections(connections::Command::New));
        }
        ui.add_space(16.0);
        ui.label("Spott \u{b7} Endorsed \u{b7} Kombo \u{b7} Onderwijsregio \u{b7} Truto");
        if let Some(error) = app.connections.sandbox_error.clone() {
            ui.add_space(12.0);
            style::error_text(ui, error);
        }
    });
}
