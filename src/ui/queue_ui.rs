//! The upload queue at the bottom: a total bar, per-file progress with speed and ETA, state and
//! message, and the controls (cancel, retry, pause/resume, mark as uploaded).

use std::fmt::Write as _;

use egui_extras::{Column, TableBuilder};

use crate::app::queue::{Command as Q, Row};
use crate::app::{App, Command};
use crate::upload::FileState;

use super::style;

/// Row height of the queue table.
pub const ROW_HEIGHT: f32 = 30.0;

/// Draws the queue panel (when there is anything in it).
pub fn queue_panel_ui(ui: &mut egui::Ui, app: &mut App) {
    if app.queue.rows.is_empty() && app.engine_error.is_none() {
        return;
    }
    egui::Panel::bottom("queue_panel")
        .resizable(true)
        .default_size(220.0)
        .min_size(110.0)
        .show(ui, |ui| queue_ui(ui, app));
}

fn queue_ui(ui: &mut egui::Ui, app: &mut App) {
    ui.add_space(4.0);
    if let Some(error) = &app.engine_error {
        style::error_text(ui, error.clone());
    }
    let mut commands = Vec::new();
    toolbar_ui(ui, app, &mut commands);
    let rows = &app.queue.rows;
    let actions_width = actions_width(ui);
    TableBuilder::new(ui)
        .id_salt("queue_table")
        .striped(true)
        .auto_shrink([false, false])
        .stick_to_bottom(false)
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
        .column(
            Column::initial(200.0)
                .at_least(100.0)
                .resizable(true)
                .clip(true),
        )
        .column(
            Column::initial(150.0)
                .at_least(80.0)
                .resizable(true)
                .clip(true),
        )
        .column(Column::exact(100.0))
        .column(Column::initial(220.0).at_least(120.0))
        .column(Column::remainder().at_least(120.0).clip(true))
        .column(Column::exact(actions_width))
        .header(20.0, |mut header| {
            for title in [
                crate::t!("queue-col-file"),
                crate::t!("queue-col-to"),
                crate::t!("queue-col-state"),
                crate::t!("queue-col-progress"),
                crate::t!("queue-col-message"),
                String::new(),
            ] {
                header.col(|ui| {
                    ui.strong(title);
                });
            }
        })
        .body(|body| {
            body.rows(ROW_HEIGHT, rows.len(), |mut table_row| {
                let Some(row) = rows.get(table_row.index()) else {
                    return;
                };
                table_row.col(|ui| {
                    ui.add(egui::Label::new(style::shown(&row.name)).truncate())
                        .on_hover_text(row.path.display().to_string());
                });
                table_row.col(|ui| {
                    ui.add(
                        egui::Label::new(format!(
                            "{} \u{b7} {}",
                            style::shown(&row.candidate),
                            crate::model::label_text(&row.attachment_label)
                        ))
                        .truncate(),
                    )
                    .on_hover_text(row.connection.clone());
                });
                table_row.col(|ui| state_ui(ui, row));
                table_row.col(|ui| progress_ui(ui, row));
                table_row.col(|ui| {
                    let text = row
                        .message
                        .clone()
                        .or_else(|| {
                            row.attachment_id
                                .as_ref()
                                .map(|id| crate::t!("queue-attachment-id", id = id))
                        })
                        .unwrap_or_default();
                    let text = style::shown(&text).into_owned();
                    ui.add(egui::Label::new(text.clone()).truncate())
                        .on_hover_text(text);
                });
                table_row.col(|ui| actions_ui(ui, row, &mut commands));
            });
        });
    app.commands
        .extend(commands.into_iter().map(Command::Queue));
}

fn toolbar_ui(ui: &mut egui::Ui, app: &App, commands: &mut Vec<Q>) {
    // Where a language's words do not fit on one line, whole widgets move to the next (each
    // label stays in one piece, as in a plain row).
    ui.horizontal_wrapped(|ui| {
        ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Extend);
        style::section(ui, &crate::t!("queue-uploads"));
        if let Some(progress) = app.queue.overall() {
            #[allow(clippy::cast_precision_loss)]
            let fraction = if progress.total == 0 {
                1.0
            } else {
                progress.sent as f32 / progress.total as f32
            };
            let text = crate::t!(
                "queue-total",
                progress = progress.sentence(),
                sent = crate::i18n::Arg::Size(progress.sent),
                total = crate::i18n::Arg::Size(progress.total)
            );
            // Wider than usual when the sentence is longer than the bar (another language, or
            // failures and unknown outcomes to name).
            let text_width = button_text_width(ui, text.as_str());
            ui.add(
                egui::ProgressBar::new(fraction)
                    .desired_width(340.0_f32.max(text_width + 16.0))
                    .text(text),
            );
        }
        if app.queue.paused {
            if ui
                .button(crate::t!("queue-resume"))
                .on_hover_text(crate::t!("queue-resume-hover"))
                .clicked()
            {
                commands.push(Q::Resume);
            }
            style::warn_text(ui, crate::t!("queue-paused"));
        } else if app.queue.has_unfinished()
            && ui
                .button(crate::t!("queue-pause"))
                .on_hover_text(crate::t!("queue-pause-hover"))
                .clicked()
        {
            commands.push(Q::Pause);
        }
        if app.queue.has_unfinished() && ui.button(crate::t!("queue-cancel-all")).clicked() {
            commands.push(Q::CancelAll);
        }
        if app.queue.rows.iter().any(|r| r.state.is_final())
            && ui
                .button(crate::t!("queue-clear-finished"))
                .on_hover_text(crate::t!("queue-clear-finished-hover"))
                .clicked()
        {
            commands.push(Q::ClearFinished);
        }
        if let Some(summary) = &app.queue.last_summary {
            ui.label(summary);
        }
        for (connection, _) in &app.queue.lane_pauses {
            style::warn_text(ui, crate::t!("queue-slow-down", connection = connection));
        }
    });
}

fn state_ui(ui: &mut egui::Ui, row: &Row) {
    let label = row.state.label();
    match row.state {
        FileState::Done => {
            let color = style::ok_color(ui);
            ui.label(
                egui::RichText::new(if row.outcome == Some(crate::upload::Outcome::Accepted) {
                    crate::t!("queue-accepted")
                } else {
                    label
                })
                .color(color),
            );
        }
        FileState::Failed => {
            style::error_text(ui, label);
        }
        FileState::OutcomeUnknown | FileState::Verifying | FileState::Unconfirmed => {
            style::warn_text(ui, label);
        }
        _ => {
            ui.label(label);
        }
    }
}

fn progress_ui(ui: &mut egui::Ui, row: &Row) {
    match row.state {
        FileState::Uploading => {
            #[allow(clippy::cast_precision_loss)]
            let fraction = if row.size == 0 {
                1.0
            } else {
                row.sent as f32 / row.size as f32
            };
            let mut text = crate::i18n::size(row.sent);
            if let Some(speed) = row.speed {
                #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
                let speed = crate::i18n::Arg::Size(speed as u64);
                let _ = write!(text, " \u{b7} {}", crate::t!("queue-speed", speed = speed));
            }
            if let Some(eta) = row.eta {
                let time = crate::i18n::duration(eta);
                let _ = write!(
                    text,
                    " \u{b7} {}",
                    crate::t!("queue-time-left", time = time)
                );
            }
            ui.add(egui::ProgressBar::new(fraction).text(text));
        }
        FileState::Done | FileState::Accepted => {
            ui.add(egui::ProgressBar::new(1.0).text(crate::i18n::size(row.size)));
        }
        _ => {
            ui.label(crate::i18n::size(row.size));
        }
    }
}

/// How wide `text` is, laid out on one line in the button font.
fn button_text_width(ui: &egui::Ui, text: impl Into<egui::WidgetText>) -> f32 {
    text.into()
        .into_galley(
            ui,
            Some(egui::TextWrapMode::Extend),
            f32::INFINITY,
            egui::TextStyle::Button,
        )
        .size()
        .x
}

/// The width of the buttons column: what the widest set of a file's buttons takes in the
/// current language, and never less than it always had.
fn actions_width(ui: &egui::Ui) -> f32 {
    let button = |text: String| button_text_width(ui, text) + 2.0 * ui.spacing().button_padding.x;
    let widest = [
        button(crate::t!("queue-cancel")),
        button(crate::t!("queue-retry")),
        button(crate::t!("queue-send-again"))
            + ui.spacing().item_spacing.x
            + button(crate::t!("queue-mark-uploaded")),
    ]
    .into_iter()
    .fold(0.0, f32::max);
    (widest + 4.0).max(190.0)
}

fn actions_ui(ui: &mut egui::Ui, row: &Row, commands: &mut Vec<Q>) {
    let name = &row.name;
    let button = |ui: &mut egui::Ui, text: &str, accessible: String, hover: String| {
        let response = ui.small_button(text).on_hover_text(hover);
        style::named(response, egui::Role::Button, &accessible).clicked()
    };
    ui.horizontal(|ui| match row.state {
        FileState::Queued | FileState::Uploading | FileState::Verifying | FileState::Accepted => {
            if button(
                ui,
                &crate::t!("queue-cancel"),
                crate::t!("queue-cancel-name", name = name),
                crate::t!("queue-cancel-hover", name = name),
            ) {
                commands.push(Q::Cancel(row.file.clone()));
            }
        }
        FileState::Failed | FileState::Cancelled | FileState::Unconfirmed => {
            if button(
                ui,
                &crate::t!("queue-retry"),
                crate::t!("queue-retry-name", name = name),
                crate::t!("queue-send-again-name", name = name),
            ) {
                commands.push(Q::Retry(row.file.clone()));
            }
        }
        FileState::OutcomeUnknown => {
            if button(
                ui,
                &crate::t!("queue-send-again"),
                crate::t!("queue-send-again-name", name = name),
                crate::t!("queue-send-again-hover"),
            ) {
                commands.push(Q::Retry(row.file.clone()));
            }
            if button(
                ui,
                &crate::t!("queue-mark-uploaded"),
                crate::t!("queue-mark-uploaded-name", name = name),
                crate::t!("queue-mark-uploaded-hover"),
            ) {
                commands.push(Q::MarkUploaded(row.file.clone()));
            }
        }
        FileState::Done | FileState::Skipped => {}
    });
}
