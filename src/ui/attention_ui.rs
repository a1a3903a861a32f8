//! The files that need attention, above the staging table: every refused file with each of
//! its sentences in full (the table's Check column only says "Refused"), warnings and notes,
//! and what the user can do about each — for a file that seems to be someone else's, switch to
//! the person it belongs to or send it anyway; for macros, send it with them (the row's × removes
//! a file).
//! Nothing refused is sent until the user acts.

use crate::app::fixes::FixState;
use crate::app::staging::{Command as S, Row};
use crate::app::{App, Command, picker};
use crate::model::{Allowed, FileVerdict, ProblemKind};

use super::style;

/// Most files listed (the rest are counted; each says why in its row's tooltip).
const MAX_SHOWN: usize = 50;
/// The most height the list takes before it scrolls.
const MAX_HEIGHT: f32 = 190.0;

/// Draws the list, when a file needs attention.
pub fn attention_ui(ui: &mut egui::Ui, app: &mut App) {
    let needing: Vec<usize> = app
        .staging
        .report
        .files
        .iter()
        .enumerate()
        .filter(|(_, v)| !v.problems.is_empty())
        .map(|(i, _)| i)
        .collect();
    if needing.is_empty() {
        return;
    }
    let system = app.profile().id.display_name();
    let candidate = app.picker.selected.as_ref().map(|c| {
        if c.name.is_empty() {
            c.id.clone()
        } else {
            c.name.clone()
        }
    });
    let mut commands = Vec::new();
    egui::Frame::group(ui.style())
        .stroke(egui::Stroke::new(1.0, style::warn_color(ui)))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            egui::ScrollArea::vertical()
                .id_salt("attention")
                .max_height(MAX_HEIGHT)
                .show(ui, |ui| {
                    for &i in needing.iter().take(MAX_SHOWN) {
                        let (Some(row), Some(verdict)) =
                            (app.staging.rows.get(i), app.staging.report.files.get(i))
                        else {
                            continue;
                        };
                        file_ui(
                            ui,
                            row,
                            verdict,
                            system,
                            candidate.as_deref(),
                            &mut commands,
                        );
                        let fix = app.fixes.offers.get(&row.id).map(|(_, s)| s);
                        fix_ui(ui, fix, row, &mut commands);
                    }
                    if needing.len() > MAX_SHOWN {
                        ui.label(crate::t!(
                            "attention-more-files",
                            count = needing.len() - MAX_SHOWN
                        ));
                    }
                });
        });
    app.commands.extend(commands);
}

/// One file's sentences and actions.
fn file_ui(
    ui: &mut egui::Ui,
    row: &Row,
    verdict: &FileVerdict,
    system: &str,
    candidate: Option<&str>,
    commands: &mut Vec<Command>,
) {
    for problem in &verdict.problems {
        if problem.kind.blocks() {
            style::error_text(ui, problem.to_string());
        } else {
            style::warn_text(ui, problem.to_string());
        }
    }
    let other = has(verdict, ProblemKind::OtherPerson);
    let macros = has(verdict, ProblemKind::Macros);
    if !(other || macros) {
        ui.add_space(4.0);
        return;
    }
    ui.horizontal_wrapped(|ui| {
        if other {
            other_person_ui(ui, row, system, candidate, commands);
        }
        if macros {
            let name = crate::t!(
                "attention-send-with-macros",
                name = style::shown(&row.facts.name).into_owned()
            );
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
    });
    ui.add_space(4.0);
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
        ui.label(crate::t!("attention-also-in", name = &who, system = system));
        let switch = crate::t!("attention-switch-to", name = &who);
        if style::named(ui.button(&switch), egui::Role::Button, &switch)
            .on_hover_text(crate::t!("attention-switch-to-hover"))
            .clicked()
        {
            commands.push(Command::Picker(picker::Command::Select(owner.clone())));
        }
    }
    let anyway = match candidate {
        Some(name) => crate::t!(
            "attention-send-anyway-to",
            name = style::shown(name).into_owned()
        ),
        None => crate::t!("attention-send-anyway"),
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

/// The prepared fix of a refused file: being looked for, or one click away.
fn fix_ui(ui: &mut egui::Ui, state: Option<&FixState>, row: &Row, commands: &mut Vec<Command>) {
    match state {
        Some(FixState::Preparing) => {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label(crate::t!("attention-looking-for-fix"));
            });
        }
        Some(FixState::Ready(offer)) => {
            let text = crate::t!(
                "attention-fix",
                actions = crate::app::fixes::said(&offer.actions)
            );
            let name = crate::t!(
                "attention-fix-name",
                name = style::shown(&row.facts.name).into_owned()
            );
            let button = ui
                .button(style::shown(&text))
                .on_hover_text(crate::t!("attention-fix-hover"));
            if style::named(button, egui::Role::Button, &name).clicked() {
                commands.push(Command::Staging(S::Fix(row.id)));
            }
        }
        // Why no fix was offered (a picture that can't be decoded, a scan that won't fit);
        // the refusal itself is said above.
        Some(FixState::Cannot(why)) => {
            let why = why.to_string();
            ui.label(egui::RichText::new(style::shown(&why)).small().weak());
        }
        None => {}
    }
}

fn has(verdict: &FileVerdict, kind: ProblemKind) -> bool {
    verdict.problems.iter().any(|p| p.kind == kind)
}
