//! The views: one file per screen or panel. Each `*_ui` function draws from the app's state and
//! pushes [`crate::app::Command`]s; text fields edit their own buffers directly.

mod attention_ui;
mod bulk_ui;
mod candidate_ui;
mod connections_ui;
mod dialogs_ui;
mod history_ui;
mod input;
mod preview_ui;
mod queue_ui;
mod staging_ui;
mod style;
mod top_bar_ui;
mod welcome_ui;

use crate::app::{App, Tab};

/// Draws the whole app for this frame.
pub fn app_ui(ui: &mut egui::Ui, app: &mut App) {
    input::handle_input(ui.ctx(), app);
    top_bar_ui::top_bar_ui(ui, app);
    if app.connections.is_empty() && app.tab == Tab::Upload && app.connections.form.is_none() {
        egui::CentralPanel::default().show(ui, |ui| welcome_ui::welcome_ui(ui, app));
        return;
    }
    match app.tab {
        Tab::Upload => {
            queue_ui::queue_panel_ui(ui, app);
            egui::Panel::left("candidate_panel")
                .resizable(true)
                .default_size(330.0)
                .min_size(240.0)
                .show(ui, |ui| candidate_ui::candidate_ui(ui, app));
            egui::CentralPanel::default().show(ui, |ui| staging_ui::staging_ui(ui, app));
        }
        Tab::Bulk => {
            queue_ui::queue_panel_ui(ui, app);
            egui::CentralPanel::default().show(ui, |ui| bulk_ui::bulk_ui(ui, app));
        }
        Tab::History => {
            egui::CentralPanel::default().show(ui, |ui| history_ui::history_ui(ui, app));
        }
        Tab::Connections => {
            egui::CentralPanel::default().show(ui, |ui| connections_ui::connections_ui(ui, app));
        }
    }
    dialogs_ui::dialogs_ui(ui.ctx(), app);
    staging_ui::drop_overlay_ui(ui.ctx(), app);
}
