//! The Bulk screen: files for many candidates, each with the candidate proposed and why, its
//! type and its check; *Send matched* and *Export CSV…*.

use egui_extras::{Column, TableBuilder};

use crate::app::bulk::{Command as B, Row};
use crate::app::{App, Command};
use crate::model::Candidate;

use super::style;

const ROW_HEIGHT: f32 = 40.0;

/// Draws the bulk screen.
pub fn bulk_ui(ui: &mut egui::Ui, app: &mut App) {
    ui.add_space(6.0);
    ui.horizontal(|ui| {
        ui.heading(crate::t!("bulk-heading"));
        let enabled = !app.bulk.dialog_open;
        if ui
            .add_enabled(enabled, egui::Button::new(crate::t!("bulk-add-files")))
            .clicked()
        {
            app.commands.push(Command::Bulk(B::Pick { folder: false }));
        }
        if ui
            .add_enabled(enabled, egui::Button::new(crate::t!("bulk-add-folder")))
            .clicked()
        {
            app.commands.push(Command::Bulk(B::Pick { folder: true }));
        }
        let mapping = match &app.bulk.mapping {
            Some((path, _)) => crate::t!(
                "bulk-mapping-named",
                file = path
                    .file_name()
                    .map_or_else(String::new, |n| n.to_string_lossy().into_owned())
            ),
            None => crate::t!("bulk-mapping"),
        };
        if ui
            .add_enabled(enabled, egui::Button::new(style::shown(&mapping)))
            .on_hover_text(crate::t!("bulk-mapping-hover"))
            .clicked()
        {
            app.commands.push(Command::Bulk(B::PickMapping));
        }
        if !app.bulk.rows.is_empty() && ui.button(crate::t!("bulk-clear")).clicked() {
            app.commands.push(Command::Bulk(B::Clear));
        }
        if app.bulk.pending > 0 {
            ui.spinner();
            ui.label(crate::t!("bulk-reading"));
        }
    });
    if app.connections.ready().is_none() {
        ui.label(crate::t!("bulk-connect-first"));
        return;
    }
    if app.bulk.rows.is_empty() && app.bulk.left_out.is_empty() {
        ui.add_space(40.0);
        ui.vertical_centered(|ui| {
            ui.label(egui::RichText::new(crate::t!("bulk-drop-here")).size(18.0));
            ui.label(crate::t!("bulk-drop-explained"));
        });
        return;
    }
    for sentence in app.bulk.left_out.iter().take(5) {
        style::error_text(ui, sentence.clone());
    }
    footer_ui(ui, app);
    table_ui(ui, app);
}

fn footer_ui(ui: &mut egui::Ui, app: &mut App) {
    let ready = app.bulk.rows.iter().filter(|r| r.sendable()).count();
    let waiting = app
        .bulk
        .rows
        .iter()
        .filter(|r| r.proposal.is_none())
        .count();
    let held = app
        .bulk
        .rows
        .iter()
        .filter(|r| !r.sent && r.proposal.is_some() && !r.sendable())
        .count();
    ui.horizontal(|ui| {
        let files = app.bulk.rows.len();
        ui.label(if waiting > 0 {
            crate::t!(
                "bulk-summary-matching",
                files = files,
                ready = ready,
                held = held,
                waiting = waiting
            )
        } else {
            crate::t!("bulk-summary", files = files, ready = ready, held = held)
        });
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui
                .add_enabled(
                    !app.bulk.rows.is_empty(),
                    egui::Button::new(crate::t!("bulk-export")),
                )
                .clicked()
            {
                app.commands.push(Command::Bulk(B::Export));
            }
            let label = crate::t!("bulk-send-matched", count = ready);
            if ui
                .add_enabled(ready > 0 && waiting == 0, egui::Button::new(label))
                .on_disabled_hover_text(crate::t!("bulk-send-matched-disabled"))
                .clicked()
            {
                app.commands.push(Command::Bulk(B::SendMatched));
            }
        });
    });
}

fn table_ui(ui: &mut egui::Ui, app: &mut App) {
    let profile = app.profile();
    let rows = std::mem::take(&mut app.bulk.rows);
    let mut typed_ids = std::mem::take(&mut app.bulk.typed_ids);
    let outcomes: Vec<(String, String)> = rows
        .iter()
        .map(|r| (app.bulk_outcome(r), app.bulk_outcome_text(r)))
        .collect();
    let mut commands = Vec::new();
    TableBuilder::new(ui)
        .id_salt("bulk_table")
        .striped(true)
        .auto_shrink([false, false])
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
        .column(
            Column::initial(220.0)
                .at_least(100.0)
                .resizable(true)
                .clip(true),
        )
        .column(
            Column::initial(200.0)
                .at_least(120.0)
                .resizable(true)
                .clip(true),
        )
        .column(
            Column::initial(150.0)
                .at_least(90.0)
                .resizable(true)
                .clip(true),
        )
        .column(Column::initial(140.0).at_least(100.0).resizable(true))
        .column(Column::remainder().at_least(100.0).clip(true))
        .column(Column::exact(28.0))
        .header(22.0, |mut header| {
            for title in [
                crate::t!("bulk-column-file"),
                crate::t!("bulk-column-candidate"),
                crate::t!("bulk-column-why"),
                crate::t!("bulk-column-type"),
                crate::t!("bulk-column-check"),
                String::new(),
            ] {
                header.col(|ui| {
                    ui.strong(title);
                });
            }
        })
        .body(|body| {
            body.rows(ROW_HEIGHT, rows.len(), |mut table_row| {
                let i = table_row.index();
                let (Some(row), Some(outcome)) = (rows.get(i), outcomes.get(i)) else {
                    return;
                };
                table_row.col(|ui| {
                    let path = row.facts.path.display().to_string();
                    match &row.found.from_mail {
                        Some(from) => {
                            ui.vertical(|ui| {
                                ui.label(style::shown(&row.facts.name)).on_hover_text(path);
                                ui.label(
                                    egui::RichText::new(style::shown(&from.label()))
                                        .small()
                                        .weak(),
                                );
                            });
                        }
                        None => {
                            ui.label(style::shown(&row.facts.name)).on_hover_text(path);
                        }
                    }
                });
                table_row.col(|ui| {
                    let typed = typed_ids.entry(row.id).or_default();
                    candidate_ui(ui, row, typed, &mut commands);
                });
                table_row.col(|ui| {
                    ui.label(why_text(row));
                });
                table_row.col(|ui| type_ui(ui, profile, row, &mut commands));
                table_row.col(|ui| check_ui(ui, row, &outcome.0, &outcome.1));
                table_row.col(|ui| {
                    let name = crate::t!("bulk-remove", name = &row.facts.name);
                    let remove = ui.small_button("\u{d7}").on_hover_text(name.clone());
                    if style::named(remove, egui::Role::Button, &name).clicked() {
                        commands.push(B::Remove(row.id));
                    }
                });
            });
        });
    app.bulk.rows = rows;
    typed_ids.retain(|_, text| !text.is_empty());
    app.bulk.typed_ids = typed_ids;
    app.commands.extend(commands.into_iter().map(Command::Bulk));
}

fn shown_candidate(candidate: &Candidate) -> String {
    if candidate.name.trim().is_empty() {
        candidate.id.clone()
    } else {
        candidate.name.clone()
    }
}

/// The row's candidate, changeable among the look-alikes found (or to nobody); a row with
/// no one to offer takes a candidate id.
fn candidate_ui(ui: &mut egui::Ui, row: &Row, typed: &mut String, commands: &mut Vec<B>) {
    let choices = row.choices();
    if row.sent {
        let text = row
            .candidate
            .as_ref()
            .map_or_else(|| "\u{2014}".to_owned(), shown_candidate);
        ui.label(style::shown(&text));
        return;
    }
    if choices.is_empty() {
        let name = crate::t!("bulk-candidate-id-for", name = &row.facts.name);
        let field = ui.add(
            egui::TextEdit::singleline(typed)
                .hint_text(crate::t!("bulk-candidate-id-hint"))
                .desired_width(150.0),
        );
        let field = style::named(field, egui::Role::TextInput, &name)
            .on_hover_text(crate::t!("bulk-candidate-id-hover"));
        if field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
            commands.push(B::SetCandidateById(row.id, typed.clone()));
        }
        return;
    }
    let selected = row
        .candidate
        .as_ref()
        .map_or_else(|| crate::t!("bulk-choose"), shown_candidate);
    let name = crate::t!("bulk-candidate-for", name = &row.facts.name);
    let combo = egui::ComboBox::from_id_salt(("bulk_candidate", row.id))
        .selected_text(style::shown(&selected))
        .width(180.0)
        .show_ui(ui, |ui| {
            for c in &choices {
                let text = format!(
                    "{} \u{b7} {}",
                    shown_candidate(c),
                    c.email.as_deref().unwrap_or(&c.id)
                );
                let chosen = row.candidate.as_ref().is_some_and(|r| r.id == c.id);
                if ui.selectable_label(chosen, style::shown(&text)).clicked() {
                    commands.push(B::SetCandidate(row.id, Some(c.clone())));
                }
            }
            if ui
                .selectable_label(row.candidate.is_none(), crate::t!("bulk-nobody"))
                .clicked()
            {
                commands.push(B::SetCandidate(row.id, None));
            }
        });
    style::named(combo.response, egui::Role::ComboBox, &name);
}

fn type_ui(
    ui: &mut egui::Ui,
    profile: &crate::model::ProviderProfile,
    row: &Row,
    commands: &mut Vec<B>,
) {
    let name = crate::t!("bulk-type-of", name = &row.facts.name);
    let combo = egui::ComboBox::from_id_salt(("bulk_type", row.id))
        .selected_text(row.attachment_type.label_text().to_string())
        .width(125.0)
        .show_ui(ui, |ui| {
            for t in profile.types {
                if ui
                    .selectable_label(
                        t.wire == row.attachment_type.wire,
                        t.label_text().to_string(),
                    )
                    .clicked()
                {
                    commands.push(B::SetType(row.id, t.wire));
                }
            }
        });
    style::named(combo.response, egui::Role::ComboBox, &name);
}

/// Why the row goes to its candidate, in the current language.
fn why_text(row: &Row) -> String {
    match (&row.proposal, row.why_key) {
        (_, Some("chosen")) => crate::t!("bulk-why-chosen"),
        (Some(crate::bulk::Proposal::Matched { by, .. }), Some(key)) if key == by.as_str() => {
            by.text().to_string()
        }
        _ => row.why.clone().unwrap_or_default(),
    }
}

/// The *Check* cell: `outcome` is the row's word from [`App::bulk_outcome`], `text` what it
/// says in the current language.
fn check_ui(ui: &mut egui::Ui, row: &Row, outcome: &str, text: &str) {
    match outcome {
        "ready" | "uploaded" | "accepted" => {
            let color = style::ok_color(ui);
            ui.label(egui::RichText::new(text).color(color));
        }
        "refused" => {
            style::error_text(ui, text).on_hover_text(row.problems.join("\n"));
        }
        "ambiguous" => {
            let why = match &row.proposal {
                Some(crate::bulk::Proposal::Ambiguous {
                    candidates,
                    by,
                    evidence,
                }) => crate::t!(
                    "bulk-ambiguous-hover",
                    count = candidates.len(),
                    by = by.text().to_string(),
                    evidence = evidence
                ),
                _ => String::new(),
            };
            style::warn_text(ui, text).on_hover_text(style::shown(&why).into_owned());
        }
        "unmatched" => {
            let why = row
                .proposal
                .as_ref()
                .and_then(crate::bulk::Proposal::why_text)
                .map_or_else(String::new, |why| {
                    crate::t!("bulk-unmatched-hover", why = why)
                });
            style::warn_text(ui, text).on_hover_text(style::shown(&why).into_owned());
        }
        _ => {
            ui.label(text);
        }
    }
}
