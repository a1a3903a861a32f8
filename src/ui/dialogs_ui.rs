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
            ui.heading(crate::t!("dialog-delete-heading"));
            ui.add_space(6.0);
            ui.label(crate::t!(
                "dialog-delete-body",
                name = &attachment.name,
                candidate = candidate.as_str()
            ));
            ui.add_space(10.0);
            ui.horizontal(|ui| {
                if ui.button(crate::t!("dialog-delete")).clicked() {
                    app.commands.push(Command::Picker(P::ConfirmDelete));
                }
                if ui.button(crate::t!("dialog-keep")).clicked() {
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
            ui.heading(crate::t!("dialog-interrupted-heading"));
            ui.add_space(6.0);
            ui.label(crate::t!("dialog-interrupted-body", count = files));
            ui.add_space(10.0);
            ui.horizontal(|ui| {
                if ui.button(crate::t!("dialog-resume")).clicked() {
                    app.commands.push(Command::Queue(Q::ResumeInterrupted));
                }
                if ui.button(crate::t!("dialog-not-now")).clicked() {
                    app.commands.push(Command::Queue(Q::DismissInterrupted));
                }
            });
        });
        if modal.should_close() {
            app.commands.push(Command::Queue(Q::DismissInterrupted));
        }
    }
}
