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
    egui::Window::new(crate::t!(
        "preview-title",
        name = style::shown(&row.facts.name).into_owned()
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
        ui.label(crate::t!("preview-page-one-of", pages = pages));
    }
    if let Some(identity) = &row.content.identity {
        let whose = match identity.verdict {
            Verdict::Match => crate::t!("preview-names-candidate"),
            Verdict::Other => crate::t!(
                "preview-someone-else",
                name = identity
                    .other
                    .clone()
                    .unwrap_or_else(|| crate::t!("preview-another-person"))
            ),
            Verdict::Unknown => crate::t!("preview-names-no-one"),
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
                .on_hover_text(crate::t!("preview-first-page"));
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
            ui.label(crate::t!("preview-reading"));
        });
        return;
    }
    let Some(facts) = facts else {
        ui.label(crate::t!("preview-no-preview"));
        return;
    };
    if facts.health.contains(&Health::NeedsPassword) {
        ui.label(crate::t!("preview-locked"));
    } else if facts.text.trim().is_empty() {
        ui.label(crate::t!("preview-no-text"));
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
