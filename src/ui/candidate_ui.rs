//! The candidate panel: the chosen candidate, search with results and "load more", recent
//! candidates, and the chosen candidate's existing attachments.

use std::fmt::Write as _;

use crate::app::connections::Live;
use crate::app::picker::Command as P;
use crate::app::{App, Command, connections};
use crate::model::CandidateSearch;

use super::style;

/// Draws the candidate panel.
pub fn candidate_ui(ui: &mut egui::Ui, app: &mut App) {
    ui.add_space(6.0);
    chosen_ui(ui, app);
    sender_note_ui(ui, app);
    ui.separator();
    let Some(entry) = app.connections.selected_entry() else {
        ui.label(crate::t!("candidate-choose-connection"));
        return;
    };
    match app.connections.live.get(&entry.id) {
        Some(Live::Ready(_)) => {}
        Some(Live::Failed(reason)) => {
            style::error_text(ui, reason.clone());
            if ui.button(crate::t!("candidate-try-again")).clicked() {
                app.commands
                    .push(Command::Connections(connections::Command::Reconnect));
            }
            return;
        }
        _ => {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label(crate::t!(
                    "candidate-connecting",
                    system = entry.provider.to_string()
                ));
            });
            return;
        }
    }
    search_ui(ui, app, entry.provider.profile().candidate_search);
    results_ui(ui, app);
    recent_ui(ui, app, &entry.id);
    if app.picker.selected.is_some() {
        ui.separator();
        attachments_ui(ui, app);
    }
}

/// Height kept for the chosen candidate's card, chosen or not: choosing one must not move the
/// result list under the pointer (a second click would land on another person).
const CARD_HEIGHT: f32 = 58.0;

fn chosen_ui(ui: &mut egui::Ui, app: &mut App) {
    style::section(ui, &crate::t!("candidate-heading"));
    ui.vertical(|ui| {
        ui.set_min_height(CARD_HEIGHT);
        chosen_card_ui(ui, app);
    });
}

fn chosen_card_ui(ui: &mut egui::Ui, app: &mut App) {
    match &app.picker.selected {
        Some(c) => {
            ui.horizontal(|ui| {
                ui.vertical(|ui| {
                    ui.label(
                        egui::RichText::new(style::shown(if c.name.is_empty() {
                            &c.id
                        } else {
                            &c.name
                        }))
                        .strong(),
                    );
                    if let Some(email) = &c.email {
                        ui.label(style::shown(email));
                    }
                    ui.label(egui::RichText::new(&c.id).small().weak());
                });
                ui.with_layout(egui::Layout::right_to_left(egui::Align::TOP), |ui| {
                    if ui
                        .button(crate::t!("candidate-clear"))
                        .on_hover_text(crate::t!("candidate-clear-hover"))
                        .clicked()
                    {
                        app.commands.push(Command::Picker(P::Clear));
                    }
                });
            });
        }
        None => {
            ui.label(crate::t!("candidate-none-chosen"));
        }
    }
}

/// What a dropped e-mail's sender said: "Chosen from the e-mail's sender, …", or who the
/// sender is when another candidate is chosen, with *Switch to …*.
fn sender_note_ui(ui: &mut egui::Ui, app: &mut App) {
    let Some(note) = app.mail_in.note.clone() else {
        return;
    };
    ui.horizontal_wrapped(|ui| {
        ui.label(style::shown(&note.text));
    });
    ui.horizontal(|ui| {
        if let Some(candidate) = note
            .switch_to
            .filter(|c| app.picker.selected.as_ref().map(|s| &s.id) != Some(&c.id))
        {
            let who = if candidate.name.trim().is_empty() {
                candidate.id.clone()
            } else {
                candidate.name.clone()
            };
            if ui
                .button(crate::t!(
                    "candidate-switch-to",
                    name = style::shown(&who).into_owned()
                ))
                .on_hover_text(crate::t!("candidate-switch-to-hover"))
                .clicked()
            {
                app.commands.push(Command::Picker(P::Select(candidate)));
            }
        }
        if ui
            .small_button("\u{d7}")
            .on_hover_text(crate::t!("candidate-hide-note"))
            .clicked()
        {
            app.commands.push(Command::MailNoteHidden);
        }
    });
}

fn search_ui(ui: &mut egui::Ui, app: &mut App, kind: CandidateSearch) {
    let hint = match kind {
        CandidateSearch::FreeText => crate::t!("candidate-hint-free-text"),
        CandidateSearch::EmailOrExactName => crate::t!("candidate-hint-email-or-name"),
        CandidateSearch::Email => crate::t!("candidate-hint-email"),
        CandidateSearch::IdOnly => crate::t!("candidate-hint-id-only"),
    };
    ui.add_space(4.0);
    let label = ui.label(crate::t!("candidate-search"));
    let response = ui
        .add(
            egui::TextEdit::singleline(&mut app.picker.query)
                .hint_text(hint)
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label.id);
    if response.changed() {
        app.commands.push(Command::Picker(P::QueryChanged));
    }
    if response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
        app.commands.push(Command::Picker(P::SearchNow));
    }
    ui.horizontal(|ui| {
        if ui
            .add_enabled(
                !app.picker.query.trim().is_empty(),
                egui::Button::new(crate::t!("candidate-open-by-id")),
            )
            .on_hover_text(crate::t!("candidate-open-by-id-hover"))
            .clicked()
        {
            app.commands.push(Command::Picker(P::OpenById));
        }
        if app.picker.loading || app.picker.opening.is_some() {
            ui.spinner();
        }
    });
}

fn results_ui(ui: &mut egui::Ui, app: &mut App) {
    if let Some(hint) = &app.picker.hint {
        ui.label(hint.clone());
    }
    if let Some(error) = &app.picker.error {
        style::error_text(ui, error.clone());
    }
    let height = (ui.available_height() * 0.45).max(140.0);
    egui::ScrollArea::vertical()
        .id_salt("candidate_results")
        .max_height(height)
        .auto_shrink([false, true])
        .show(ui, |ui| {
            ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Truncate);
            if app.picker.results.is_empty()
                && !app.picker.loading
                && app.picker.hint.is_none()
                && app.picker.error.is_none()
            {
                ui.label(crate::t!("candidate-no-results"));
            }
            let chosen = app.picker.selected.as_ref().map(|c| c.id.clone());
            for candidate in &app.picker.results {
                let mut text = if candidate.name.is_empty() {
                    candidate.id.clone()
                } else {
                    candidate.name.clone()
                };
                if let Some(email) = &candidate.email {
                    let _ = write!(text, "  \u{b7}  {email}");
                }
                let text = style::shown(&text).into_owned();
                let response = ui
                    .selectable_label(chosen.as_ref() == Some(&candidate.id), text)
                    .on_hover_text(crate::t!("candidate-id", id = &candidate.id));
                if response.clicked() {
                    app.commands
                        .push(Command::Picker(P::Select(candidate.clone())));
                }
            }
            if app.picker.next.is_some() && ui.button(crate::t!("candidate-load-more")).clicked() {
                app.commands.push(Command::Picker(P::LoadMore));
            }
        });
}

fn recent_ui(ui: &mut egui::Ui, app: &mut App, connection: &str) {
    let recent = app.connections.settings.recent(connection).to_vec();
    if recent.is_empty() {
        return;
    }
    egui::CollapsingHeader::new(crate::t!("candidate-recent"))
        .id_salt("recent_candidates")
        .default_open(false)
        .show(ui, |ui| {
            for r in recent {
                let text = match &r.email {
                    Some(email) => format!("{}  \u{b7}  {email}", r.name),
                    None => r.name.clone(),
                };
                let text = style::shown(&text).into_owned();
                if ui
                    .selectable_label(false, text)
                    .on_hover_text(crate::t!("candidate-id", id = &r.id))
                    .clicked()
                {
                    app.commands.push(Command::Picker(P::SelectRecent(r)));
                }
            }
        });
}

fn attachments_ui(ui: &mut egui::Ui, app: &mut App) {
    let profile = app.profile();
    let can_delete = profile.can_delete_attachments;
    ui.horizontal(|ui| {
        style::section(ui, &crate::t!("candidate-attachments-heading"));
        if app.picker.attachments.loading {
            ui.spinner();
        } else if ui.small_button(crate::t!("candidate-refresh")).clicked() {
            app.commands.push(Command::Picker(P::RefreshAttachments));
        }
    });
    let view = &app.picker.attachments;
    if let Some(notice) = &view.notice {
        ui.label(notice.clone());
    }
    if let Some(error) = &view.error {
        if view.unsupported {
            ui.label(error.clone());
        } else {
            style::error_text(ui, error.clone());
        }
        return;
    }
    if view.list.is_empty() && !view.loading {
        ui.label(crate::t!("candidate-no-attachments"));
    }
    let mut commands = Vec::new();
    egui::ScrollArea::vertical()
        .id_salt("existing_attachments")
        .show(ui, |ui| {
            for a in &view.list {
                ui.horizontal(|ui| {
                    ui.vertical(|ui| {
                        ui.label(style::shown(&a.name));
                        let details: Vec<String> = [
                            a.attachment_type.as_deref().map(|t| {
                                crate::model::label_text(profile.attachment_label(t)).to_string()
                            }),
                            a.size.map(crate::i18n::size),
                            a.created_at.as_deref().map(|t| {
                                let day: String = t.chars().take(10).collect();
                                crate::i18n::format::timestamp(&day)
                            }),
                        ]
                        .into_iter()
                        .flatten()
                        .collect();
                        ui.label(egui::RichText::new(details.join(" \u{b7} ")).small().weak());
                    });
                    if can_delete {
                        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                            let delete = ui
                                .small_button(crate::t!("candidate-delete"))
                                .on_hover_text(crate::t!("candidate-delete-hover", name = &a.name));
                            let name = crate::t!("candidate-delete-name", name = &a.name);
                            if style::named(delete, egui::Role::Button, &name).clicked() {
                                commands.push(P::AskDelete(a.clone()));
                            }
                        });
                    }
                });
            }
        });
    app.commands
        .extend(commands.into_iter().map(Command::Picker));
}
