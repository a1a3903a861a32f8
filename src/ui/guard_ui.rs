//! The content guard above the staging table: each file that seems to be someone else's, or
//! carries macros, with what it is and what the user can do — switch to the person it belongs
//! to, send it anyway, or remove it. Nothing such is sent until the user chooses.

use crate::app::staging::{Command as S, Row};
use crate::app::{App, Command, picker};
use crate::model::{Allowed, FileVerdict, ProblemKind};

use super::style;

/// Most files the guard lists at once (the rest say so in their rows).
const MAX_SHOWN: usize = 3;

/// Draws the guard, when a file needs the user's decision.
pub fn guard_ui(ui: &mut egui::Ui, app: &mut App) {
    let system = app.profile().id.display_name();
    let candidate = app.picker.selected.as_ref().map(|c| {
        if c.name.is_empty() {
            c.id.clone()
        } else {
            c.name.clone()
        }
    });
    let mut commands = Vec::new();
    let mut shown = 0;
    for (row, verdict) in app.staging.rows.iter().zip(&app.staging.report.files) {
        if shown == MAX_SHOWN {
            break;
        }
        let other = has(verdict, ProblemKind::OtherPerson);
        let macros = has(verdict, ProblemKind::Macros);
        if !other && !macros {
            continue;
        }
        shown += 1;
        egui::Frame::group(ui.style())
            .stroke(egui::Stroke::new(1.5, style::warn_color(ui)))
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                for problem in verdict
                    .problems
                    .iter()
                    .filter(|p| matches!(p.kind, ProblemKind::OtherPerson | ProblemKind::Macros))
                {
                    style::warn_text(ui, problem.message.clone());
                }
                ui.horizontal_wrapped(|ui| {
                    if other {
                        other_person_ui(ui, row, system, candidate.as_deref(), &mut commands);
                    }
                    if macros {
                        let name =
                            format!("Send {} with its macros", style::shown(&row.facts.name));
                        if style::named(ui.button(&name), egui::Role::Button, &name).clicked() {
                            commands.push(Command::Staging(S::Allow(
                                row.id,
                                Allowed {
                                    macros: true,
                                    ..row.allowed
                                },
                            )));
                        }
                    }
                    let remove = format!("Remove {}", style::shown(&row.facts.name));
                    if style::named(ui.button(&remove), egui::Role::Button, &remove).clicked() {
                        commands.push(Command::Staging(S::Remove(row.id)));
                    }
                });
            });
    }
    app.commands.extend(commands);
}

/// "Bram Visser is in Spott too." [Switch to Bram Visser] [Send to Anna Jansen anyway]
fn other_person_ui(
    ui: &mut egui::Ui,
    row: &Row,
    system: &str,
    candidate: Option<&str>,
    commands: &mut Vec<Command>,
) {
    if let Some(owner) = &row.content.seems_to_be {
        let who = style::shown(if owner.name.is_empty() {
            &owner.id
        } else {
            &owner.name
        })
        .into_owned();
        ui.label(format!("{who} is in {system} too."));
        let switch = format!("Switch to {who}");
        if style::named(ui.button(&switch), egui::Role::Button, &switch)
            .on_hover_text("Send these files to them instead")
            .clicked()
        {
            commands.push(Command::Picker(picker::Command::Select(owner.clone())));
        }
    }
    let anyway = match candidate {
        Some(name) => format!("Send to {} anyway", style::shown(name)),
        None => "Send anyway".to_owned(),
    };
    if style::named(ui.button(&anyway), egui::Role::Button, &anyway).clicked() {
        commands.push(Command::Staging(S::Allow(
            row.id,
            Allowed {
                other_person: true,
                ..row.allowed
            },
        )));
    }
}

fn has(verdict: &FileVerdict, kind: ProblemKind) -> bool {
    verdict.problems.iter().any(|p| p.kind == kind)
}
