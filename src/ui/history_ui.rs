//! The history view: finished uploads from the journal, filtered by candidate or file, exported
//! as CSV.

use std::fmt::Write as _;

use egui_extras::{Column, TableBuilder};

use crate::app::history::Command as H;
use crate::app::{App, Command};
use crate::model::human_bytes;
use crate::upload::Outcome;
use crate::upload::history::HistoryEntry;

use super::style;

/// Draws the history.
pub fn history_ui(ui: &mut egui::Ui, app: &mut App) {
    ui.add_space(6.0);
    ui.horizontal(|ui| {
        style::section(ui, "History");
        let label = ui.label("Filter");
        ui.add(
            egui::TextEdit::singleline(&mut app.history.filter)
                .hint_text("candidate or file name")
                .desired_width(240.0),
        )
        .labelled_by(label.id);
        if ui.button("Refresh").clicked() {
            app.commands.push(Command::History(H::Refresh));
        }
        if ui
            .button("Export CSV\u{2026}")
            .on_hover_text("Save the rows shown as a CSV file")
            .clicked()
        {
            app.commands.push(Command::History(H::Export));
        }
        if app.history.loading {
            ui.spinner();
        }
    });
    if let Some(error) = &app.history.error {
        style::error_text(ui, error.clone());
    }
    let entries = app.history.filtered();
    if entries.is_empty() {
        ui.add_space(12.0);
        ui.label(if app.history.entries.is_empty() {
            "No uploads yet."
        } else {
            "Nothing matches the filter."
        });
        return;
    }
    ui.label(format!(
        "{} of {} uploads",
        entries.len(),
        app.history.entries.len()
    ));
    history_table_ui(ui, &entries);
}

fn history_table_ui(ui: &mut egui::Ui, entries: &[&HistoryEntry]) {
    TableBuilder::new(ui)
        .id_salt("history_table")
        .striped(true)
        .auto_shrink([false, false])
        .column(Column::exact(150.0))
        .column(Column::initial(220.0).resizable(true).clip(true))
        .column(Column::exact(70.0))
        .column(Column::initial(160.0).resizable(true).clip(true))
        .column(Column::initial(170.0).resizable(true).clip(true))
        .column(Column::exact(90.0))
        .column(Column::remainder().clip(true))
        .header(20.0, |mut header| {
            for title in [
                "When",
                "File",
                "Size",
                "Candidate",
                "System",
                "Outcome",
                "Details",
            ] {
                header.col(|ui| {
                    ui.strong(title);
                });
            }
        })
        .body(|body| {
            body.rows(24.0, entries.len(), |mut row| {
                let Some(e) = entries.get(row.index()) else {
                    return;
                };
                row.col(|ui| {
                    ui.label(e.at.replace('T', " ").trim_end_matches('Z').to_owned());
                });
                row.col(|ui| {
                    ui.add(egui::Label::new(style::shown(&e.file_name)).truncate())
                        .on_hover_text(e.path.display().to_string());
                });
                row.col(|ui| {
                    ui.label(human_bytes(e.size));
                });
                row.col(|ui| {
                    ui.add(
                        egui::Label::new(e.candidate_name.as_deref().unwrap_or(&e.candidate_id))
                            .truncate(),
                    )
                    .on_hover_text(e.candidate_id.clone());
                });
                row.col(|ui| {
                    ui.add(
                        egui::Label::new(format!(
                            "{} \u{b7} {}",
                            e.connection,
                            e.attachment_label()
                        ))
                        .truncate(),
                    );
                });
                row.col(|ui| {
                    let text = e.outcome.as_str();
                    match e.outcome {
                        Outcome::Uploaded | Outcome::Accepted => {
                            let color = style::ok_color(ui);
                            ui.label(egui::RichText::new(text).color(color));
                        }
                        Outcome::Failed | Outcome::Unknown | Outcome::Unconfirmed => {
                            style::error_text(ui, text);
                        }
                        Outcome::Skipped | Outcome::Cancelled => {
                            ui.label(text);
                        }
                    }
                });
                row.col(|ui| {
                    let details = e
                        .message
                        .clone()
                        .or_else(|| e.remote_id.as_ref().map(|id| format!("id {id}")))
                        .unwrap_or_default();
                    let details = style::shown(&details).into_owned();
                    ui.add(egui::Label::new(details.clone()).truncate())
                        .on_hover_text(details_tooltip(e, &details));
                });
            });
        });
}

/// The details cell's tooltip: the sentence, the sha256, what a fixed copy was made from and
/// the e-mail an attachment came from.
fn details_tooltip(e: &HistoryEntry, details: &str) -> String {
    let mut text = format!(
        "{details}\nsha256 {}",
        e.sha256.as_deref().unwrap_or("not computed")
    );
    for original in &e.made_from {
        let _ = write!(
            text,
            "\nmade from {} (sha256 {})",
            style::shown(&original.name),
            original.sha256
        );
    }
    if let Some(mail) = &e.from_mail {
        let _ = write!(text, "\nfrom the e-mail {}", style::shown(&mail.mail));
        if let Some(subject) = &mail.subject {
            let _ = write!(text, ", \u{201c}{}\u{201d}", style::shown(subject));
        }
        if let Some(sender) = &mail.sender {
            let _ = write!(text, ", from {}", style::shown(sender));
        }
        if let Some(date) = &mail.date {
            let _ = write!(text, ", sent {date}");
        }
    }
    text
}
