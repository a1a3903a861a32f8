//! Window-wide input: dropped files and pasted paths (to the Bulk screen when it is shown,
//! else staged), and keyboard shortcuts (Ctrl+O add files, Ctrl+Enter upload, Delete remove
//! selected, Esc close dialogs).

use crate::app::{App, Command, Tab, staging};

/// Turns this frame's raw input into commands.
pub fn handle_input(ctx: &egui::Context, app: &mut App) {
    let (dropped, hovering, events) = ctx.input(|i| {
        (
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_owned())
                .filter(|p| !p.as_os_str().is_empty())
                .collect::<Vec<_>>(),
            i.raw.hovered_files.len(),
            i.events.clone(),
        )
    });
    let typing = ctx.egui_wants_keyboard_input();
    app.staging.hovering = hovering;
    if !dropped.is_empty() {
        // Dropped on the Bulk screen, files stay there; anywhere else they are staged for
        // the chosen candidate.
        if app.tab == Tab::Bulk {
            app.commands
                .push(Command::Bulk(crate::app::bulk::Command::AddPaths(dropped)));
        } else {
            app.tab = Tab::Upload;
            app.commands
                .push(Command::Staging(staging::Command::AddPaths(dropped)));
        }
    }
    for event in events {
        match event {
            egui::Event::Paste(text) if !typing => {
                // Pasted paths go where dropped files would.
                if app.tab == Tab::Bulk {
                    app.commands
                        .push(Command::Bulk(crate::app::bulk::Command::AddPaths(
                            staging::parse_pasted_paths(&text),
                        )));
                } else {
                    app.commands
                        .push(Command::Staging(staging::Command::Paste(text)));
                }
            }
            egui::Event::Key {
                key,
                pressed: true,
                modifiers,
                ..
            } => {
                let command = match key {
                    egui::Key::O if modifiers.command => {
                        Some(Command::Staging(staging::Command::PickFiles))
                    }
                    egui::Key::Enter if modifiers.command => {
                        Some(Command::Staging(staging::Command::Upload))
                    }
                    egui::Key::Delete if !typing && app.tab == Tab::Upload => {
                        Some(Command::Staging(staging::Command::RemoveSelected))
                    }
                    egui::Key::Escape => {
                        close_dialogs(app);
                        None
                    }
                    _ => None,
                };
                app.commands.extend(command);
            }
            _ => {}
        }
    }
}

fn close_dialogs(app: &mut App) {
    if app.picker.confirm_delete.take().is_some() {
        return;
    }
    if app.connections.form.take().is_some() {
        return;
    }
    app.queue.interrupted = None;
}
