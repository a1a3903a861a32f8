//! The preview of the selected file, beside the staging table: a PDF's first page as the
//! content reader rendered it, an image, or the first lines of a document's text — so the
//! recruiter sees what they are about to send, and to whom it seems to belong.

use crate::app::staging::{Command as S, Row};
use crate::app::{App, Command};
use crate::content::identity::Verdict;
use crate::model::Health;

use super::style;

/// Width of the preview column.
pub const WIDTH: f32 = 340.0;
/// Lines of a document's text shown.
const TEXT_LINES: usize = 30;

/// The preview window of `row` (closing it unselects the row).
pub fn preview_window(ctx: &egui::Context, app: &mut App, row: &Row) {
    let mut open = true;
    let content = ctx.content_rect();
    egui::Window::new(format!(
        "Preview \u{2014} {}",
        style::shown(&row.facts.name)
    ))
    .id(egui::Id::unique("preview_window"))
    .open(&mut open)
    .resizable(false)
    .collapsible(false)
    .default_width(WIDTH)
    .default_pos(content.right_top() + egui::vec2(-WIDTH - 24.0, 150.0))
    .show(ctx, |ui| {
        ui.set_width(WIDTH);
        preview_ui(ui, app, row);
    });
    if !open {
        app.commands.push(Command::Staging(S::Select {
            row: row.id,
            additive: true,
        }));
    }
}

/// Draws the preview of `row`.
fn preview_ui(ui: &mut egui::Ui, app: &mut App, row: &Row) {
    let facts = row.content.facts.as_deref();
    if let Some(pages) = facts.and_then(|f| f.pages).filter(|p| *p > 0) {
        ui.label(format!("Page 1 of {pages}"));
    }
    if let Some(identity) = &row.content.identity {
        let whose = match identity.verdict {
            Verdict::Match => "It names this candidate.".to_owned(),
            Verdict::Other => format!(
                "It seems to be someone else's ({}).",
                identity.other.as_deref().unwrap_or("another person")
            ),
            Verdict::Unknown => "It names no one atsdrop can match.".to_owned(),
        };
        ui.label(style::shown(&whose));
    }
    ui.separator();
    if let Some(picture) = row.picture() {
        match app.previews.get(&app.tasks, &row.facts.path, &picture) {
            Some(texture) => {
                let room = (ui.ctx().content_rect().height() - 220.0).max(120.0);
                ui.add(
                    egui::Image::new(&texture)
                        .max_width(WIDTH)
                        .max_height(room)
                        .corner_radius(2.0),
                )
                .on_hover_text("The first page");
            }
            None => {
                ui.spinner();
            }
        }
        return;
    }
    if row.reading {
        ui.horizontal(|ui| {
            ui.spinner();
            ui.label("Reading\u{2026}");
        });
        return;
    }
    let Some(facts) = facts else {
        ui.label("atsdrop shows no preview of this kind of file.");
        return;
    };
    if facts.health.contains(&Health::NeedsPassword) {
        ui.label("It is locked with a password: nothing in it can be shown.");
    } else if facts.text.trim().is_empty() {
        ui.label("It holds no text atsdrop can show.");
    } else {
        let text: Vec<&str> = facts.text.lines().take(TEXT_LINES).collect();
        egui::ScrollArea::vertical()
            .id_salt("preview_text")
            .max_height((ui.ctx().content_rect().height() - 220.0).max(120.0))
            .show(ui, |ui| {
                ui.label(style::shown(&text.join("\n")));
            });
    }
}
