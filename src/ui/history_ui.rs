//! The history view: finished uploads from the journal, filtered by candidate or file, exported
//! as CSV.

use std::fmt::Write as _;

use egui_extras::{Column, TableBuilder};

use crate::app::history::Command as H;
use crate::app::{App, Command};
use crate::upload::Outcome;
use crate::upload::history::HistoryEntry;

use super::style;

/// Draws the history.
pub fn history_ui(ui: &mut egui::Ui, app: &mut App) {
    ui.add_space(6.0);
    ui.horizontal(|ui| {
        style::section(ui, &crate::t!("history-heading"));
        let label = ui.label(crate::t!("history-filter"));
        ui.add(
            egui::TextEdit::singleline(&mut app.history.filter)
                .hint_text(crate::t!("history-filter-hint"))
                .desired_width(240.0),
        )
        .labelled_by(label.id);
        if ui.button(crate::t!("history-refresh")).clicked() {
            app.commands.push(Command::History(H::Refresh));
        }
        if ui
            .button(crate::t!("history-export"))
            .on_hover_text(crate::t!("history-export-hover"))
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
            crate::t!("history-empty")
        } else {
            crate::t!("history-no-match")
        });
        return;
    }
    ui.label(crate::t!(
        "history-shown-of",
        shown = entries.len(),
        total = app.history.entries.len()
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
                crate::t!("history-column-when"),
                crate::t!("history-column-file"),
                crate::t!("history-column-size"),
                crate::t!("history-column-candidate"),
                crate::t!("history-column-system"),
                crate::t!("history-column-outcome"),
                crate::t!("history-column-details"),
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
                    ui.label(crate::i18n::format::timestamp(&e.at));
                });
                row.col(|ui| {
                    ui.add(egui::Label::new(style::shown(&e.file_name)).truncate())
                        .on_hover_text(e.path.display().to_string());
                });
                row.col(|ui| {
                    ui.label(crate::i18n::size(e.size));
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
                    let text = outcome_text(e.outcome);
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
                        .or_else(|| {
                            e.remote_id
                                .as_ref()
                                .map(|id| crate::t!("history-details-id", id = id))
                        })
                        .unwrap_or_default();
                    let details = style::shown(&details).into_owned();
                    ui.add(egui::Label::new(details.clone()).truncate())
                        .on_hover_text(details_tooltip(e, &details));
                });
            });
        });
}

/// How a job ended, as the history's *Outcome* column says it.
fn outcome_text(outcome: Outcome) -> String {
    match outcome {
        Outcome::Uploaded => crate::t!("history-outcome-uploaded"),
        Outcome::Accepted => crate::t!("history-outcome-accepted"),
        Outcome::Failed => crate::t!("history-outcome-failed"),
        Outcome::Unknown => crate::t!("history-outcome-unknown"),
        Outcome::Skipped => crate::t!("history-outcome-skipped"),
        Outcome::Cancelled => crate::t!("history-outcome-cancelled"),
        Outcome::Unconfirmed => crate::t!("history-outcome-unconfirmed"),
    }
}

/// The details cell's tooltip: the sentence, the sha256, what a fixed copy was made from and
/// the e-mail an attachment came from.
fn details_tooltip(e: &HistoryEntry, details: &str) -> String {
    let sha256 = match e.sha256.as_deref() {
        Some(sha256) => crate::t!("history-tooltip-sha256", sha256 = sha256),
        None => crate::t!("history-tooltip-no-sha256"),
    };
    let mut text = format!("{details}\n{sha256}");
    for original in &e.made_from {
        let _ = write!(
            text,
            "\n{}",
            crate::t!(
                "history-tooltip-made-from",
                name = style::shown(&original.name).into_owned(),
                sha256 = &original.sha256
            )
        );
    }
    if let Some(mail) = &e.from_mail {
        let _ = write!(
            text,
            "\n{}",
            crate::t!(
                "history-tooltip-mail",
                mail = style::shown(&mail.mail).into_owned()
            )
        );
        if let Some(subject) = &mail.subject {
            text.push_str(&crate::t!(
                "history-tooltip-mail-subject",
                subject = style::shown(subject).into_owned()
            ));
        }
        if let Some(sender) = &mail.sender {
            text.push_str(&crate::t!(
                "history-tooltip-mail-sender",
                sender = style::shown(sender).into_owned()
            ));
        }
        if let Some(date) = &mail.date {
            text.push_str(&crate::t!("history-tooltip-mail-date", date = date));
        }
    }
    text
}
