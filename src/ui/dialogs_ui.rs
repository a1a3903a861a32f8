//! Modal dialogs: confirm deleting an attachment, and the offer to resume an interrupted queue.

use crate::app::picker::Command as P;
use crate::app::queue::Command as Q;
use crate::app::{App, Command};

/// Draws whichever dialog is open.
pub fn dialogs_ui(ctx: &egui::Context, app: &mut App) {
    if let Some(attachment) = app.picker.confirm_delete.clone() {
        let candidate = app
            .picker
            .selected
            .as_ref()
            .map_or_else(String::new, |c| c.name.clone());
        let modal = egui::Modal::new(egui::Id::unique("confirm_delete")).show(ctx, |ui| {
            ui.set_width(380.0);
            ui.heading("Delete this attachment?");
            ui.add_space(6.0);
            ui.label(format!(
                "{} will be removed from {candidate} for good. This cannot be undone.",
                attachment.name
            ));
            ui.add_space(10.0);
            ui.horizontal(|ui| {
                if ui.button("Delete").clicked() {
                    app.commands.push(Command::Picker(P::ConfirmDelete));
                }
                if ui.button("Keep it").clicked() {
                    app.commands.push(Command::Picker(P::CancelDelete));
                }
            });
        });
        if modal.should_close() {
            app.commands.push(Command::Picker(P::CancelDelete));
        }
        return;
    }
    if let Some(files) = app.queue.interrupted {
        let modal = egui::Modal::new(egui::Id::unique("interrupted")).show(ctx, |ui| {
            ui.set_width(400.0);
            ui.heading("Finish the interrupted uploads?");
            ui.add_space(6.0);
            ui.label(format!(
                "atsdrop stopped before {files} {} finished uploading. Each is checked first, so nothing arrives twice.",
                if files == 1 { "file" } else { "files" }
            ));
            ui.add_space(10.0);
            ui.horizontal(|ui| {
                if ui.button("Resume").clicked() {
                    app.commands.push(Command::Queue(Q::ResumeInterrupted));
                }
                if ui.button("Not now").clicked() {
                    app.commands.push(Command::Queue(Q::DismissInterrupted));
                }
            });
        });
        if modal.should_close() {
            app.commands.push(Command::Queue(Q::DismissInterrupted));
        }
    }
}
