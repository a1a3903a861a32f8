//! The staging table: every staged file with its size, detected type, attachment type and check
//! result (virtualised rows, so 10,000 files scroll smoothly), the per-field summary and the
//! Upload button; plus the full-window overlay while files hover.

use egui_extras::{Column, TableBuilder};

use crate::app::staging::{Command as S, Row};
use crate::app::{App, Command};
use crate::model::{FileKind, FileVerdict};

use super::style;

/// Row height of the table.
pub const ROW_HEIGHT: f32 = 40.0;

/// Draws the staging area.
pub fn staging_ui(ui: &mut egui::Ui, app: &mut App) {
    ui.add_space(6.0);
    // Where a language's words do not fit on one line, whole widgets move to the next (each
    // label stays in one piece, as in a plain row).
    ui.horizontal_wrapped(|ui| {
        ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Extend);
        style::section(ui, &crate::t!("staging-files"));
        ui.add_space(8.0);
        if ui
            .button(crate::t!("staging-add-files"))
            .on_hover_text(crate::t!("staging-add-files-shortcut"))
            .clicked()
        {
            app.commands.push(Command::Staging(S::PickFiles));
        }
        if ui.button(crate::t!("staging-add-folder")).clicked() {
            app.commands.push(Command::Staging(S::PickFolder));
        }
        let any = !app.staging.rows.is_empty() || !app.staging.left_out.is_empty();
        if ui
            .add_enabled(any, egui::Button::new(crate::t!("staging-clear")))
            .on_hover_text(crate::t!("staging-clear-hover"))
            .clicked()
        {
            app.commands.push(Command::Staging(S::Clear));
        }
        if app.staging.rows.iter().any(|r| r.selected)
            && ui
                .button(crate::t!("staging-remove-selected"))
                .on_hover_text(crate::t!("staging-remove-selected-shortcut"))
                .clicked()
        {
            app.commands.push(Command::Staging(S::RemoveSelected));
        }
        if app.staging.rows.iter().filter(|r| r.selected).count() >= 2 {
            if app.fixes.combining {
                ui.spinner();
                ui.label(crate::t!("staging-combining"));
            } else if ui
                .button(crate::t!("staging-combine"))
                .on_hover_text(crate::t!("staging-combine-hover"))
                .clicked()
            {
                app.commands.push(Command::Staging(S::CombineSelected));
            }
        }
        if app.staging.pending > 0 {
            ui.spinner();
            ui.label(crate::t!("staging-checking"));
            if ui
                .small_button(crate::t!("staging-stop"))
                .on_hover_text(crate::t!("staging-stop-hover"))
                .clicked()
            {
                app.commands.push(Command::Staging(S::CancelAdding));
            }
        }
    });
    if app.staging.rows.is_empty() && app.staging.left_out.is_empty() {
        empty_ui(ui);
        return;
    }
    super::attention_ui::attention_ui(ui, app);
    let batch_lines = u16::try_from(app.staging.report.batch.len()).unwrap_or(u16::MAX);
    let footer_height = 72.0 + 18.0 * f32::from(batch_lines);
    let table_height = (ui.available_height() - footer_height).max(120.0);
    ui.allocate_ui(egui::vec2(ui.available_width(), table_height), |ui| {
        table_ui(ui, app);
    });
    // The only selected file is previewed in a window of its own beside the table.
    if let Some(row) = Row::previewed(&app.staging.rows).cloned() {
        super::preview_ui::preview_window(ui.ctx(), app, &row);
    }
    left_out_ui(ui, app);
    footer_ui(ui, app);
}

fn empty_ui(ui: &mut egui::Ui) {
    let rect = ui.available_rect_before_wrap().shrink(12.0);
    let stroke = egui::Stroke::new(1.5, ui.visuals().weak_text_color());
    ui.painter()
        .rect_stroke(rect, 10.0, stroke, egui::StrokeKind::Inside);
    ui.scope_builder(egui::UiBuilder::new().max_rect(rect), |ui| {
        ui.vertical_centered(|ui| {
            ui.add_space(rect.height() * 0.38);
            ui.label(egui::RichText::new(crate::t!("staging-empty-title")).size(18.0));
            ui.label(crate::t!("staging-empty-hint"));
        });
    });
}

fn table_ui(ui: &mut egui::Ui, app: &mut App) {
    let profile = app.profile();
    let rows = std::mem::take(&mut app.staging.rows);
    let verdicts = std::mem::take(&mut app.staging.report.files);
    let mut commands = Vec::new();
    TableBuilder::new(ui)
        .id_salt("staging_table")
        .striped(true)
        .auto_shrink([false, false])
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
        .column(Column::exact(40.0))
        .column(
            Column::initial(190.0)
                .at_least(90.0)
                .resizable(true)
                .clip(true),
        )
        .column(Column::exact(70.0))
        .column(
            Column::initial(110.0)
                .at_least(70.0)
                .resizable(true)
                .clip(true),
        )
        .column(Column::initial(150.0).at_least(110.0).resizable(true))
        .column(Column::remainder().at_least(100.0).clip(true))
        .column(Column::exact(28.0))
        .header(22.0, |mut header| {
            for title in [
                String::new(),
                crate::t!("staging-col-file"),
                crate::t!("staging-col-size"),
                crate::t!("staging-col-detected"),
                crate::t!("staging-col-type"),
                crate::t!("staging-col-check"),
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
                let (Some(row), verdict) = (rows.get(i), verdicts.get(i)) else {
                    return;
                };
                table_row.set_selected(row.selected);
                table_row.col(|ui| thumbnail_ui(ui, app, row));
                table_row.col(|ui| name_ui(ui, row, &mut commands));
                table_row.col(|ui| {
                    ui.label(crate::i18n::size(row.facts.size));
                });
                table_row.col(|ui| detected_ui(ui, row));
                table_row.col(|ui| type_ui(ui, profile, row, &mut commands));
                table_row.col(|ui| check_ui(ui, row, verdict, &mut commands));
                table_row.col(|ui| {
                    let name = crate::t!("staging-remove-file", name = &row.facts.name);
                    let remove = ui.small_button("\u{d7}").on_hover_text(&name);
                    if style::named(remove, egui::Role::Button, &name).clicked() {
                        commands.push(S::Remove(row.id));
                    }
                });
            });
        });
    app.staging.rows = rows;
    app.staging.report.files = verdicts;
    app.commands
        .extend(commands.into_iter().map(Command::Staging));
}

fn name_ui(ui: &mut egui::Ui, row: &Row, commands: &mut Vec<S>) {
    // Not truncated: a truncated label brings a tooltip of its own, and the path's (which
    // holds the whole name) is the one tooltip here. The column clips.
    let name = egui::Label::new(style::shown(&row.facts.name))
        .sense(egui::Sense::click())
        .extend();
    let response = match &row.subtitle() {
        // A fixed copy says what it was made from, a mail's attachment which mail, under its
        // name.
        Some(made_from) => {
            ui.vertical(|ui| {
                let response = ui.add(name);
                ui.add(
                    egui::Label::new(egui::RichText::new(style::shown(made_from)).small().weak())
                        .truncate(),
                );
                response
            })
            .inner
        }
        None => ui.add(name),
    }
    .on_hover_text(row.facts.path.display().to_string());
    if response.clicked() {
        let additive = ui.input(|i| i.modifiers.command || i.modifiers.shift);
        commands.push(S::Select {
            row: row.id,
            additive,
        });
    }
}

fn type_ui(
    ui: &mut egui::Ui,
    profile: &crate::model::ProviderProfile,
    row: &Row,
    commands: &mut Vec<S>,
) {
    let combo = egui::ComboBox::from_id_salt(("type", row.id))
        .selected_text(row.attachment_type.label_text().to_string())
        .width(135.0)
        .show_ui(ui, |ui| {
            for t in profile.types {
                if ui
                    .selectable_label(
                        t.wire == row.attachment_type.wire,
                        t.label_text().to_string(),
                    )
                    .clicked()
                {
                    commands.push(S::SetType {
                        row: row.id,
                        wire: t.wire,
                    });
                }
            }
        });
    let name = crate::t!("staging-type-of", name = &row.facts.name);
    style::named(
        combo.response.on_hover_text(&name),
        egui::Role::ComboBox,
        &name,
    );
}

fn thumbnail_ui(ui: &mut egui::Ui, app: &mut App, row: &Row) {
    let kind = row.facts.effective_kind();
    if let Some(picture) = row.picture()
        && let Some(texture) = app.thumbnails.get(&app.tasks, &row.facts.path, &picture)
    {
        ui.add(egui::Image::new(&texture).max_size(egui::vec2(36.0, 36.0)));
        return;
    }
    let color = match &kind {
        Some(k) if k.is_program() => style::error_color(ui),
        None => ui.visuals().weak_text_color(),
        Some(_) => ui.visuals().text_color(),
    };
    let label = kind
        .as_ref()
        .and_then(FileKind::preferred_extension)
        .unwrap_or("?");
    style::document_icon(ui, label, color);
}

fn detected_ui(ui: &mut egui::Ui, row: &Row) {
    let Some(kind) = row.facts.effective_kind() else {
        ui.label(if row.facts.readable() {
            crate::t!("staging-kind-unknown")
        } else {
            crate::t!("staging-kind-unreadable")
        });
        return;
    };
    let text = kind.noun();
    if row.facts.mismatch() {
        style::error_text(ui, text).on_hover_text(crate::t!("staging-kind-mismatch"));
    } else {
        ui.label(text).on_hover_text(kind.mime());
    }
}

fn check_ui(ui: &mut egui::Ui, row: &Row, verdict: Option<&FileVerdict>, commands: &mut Vec<S>) {
    // The sentences in full are in the list above the table; here a word, and one tooltip.
    let problems = verdict.map_or(&[][..], |v| v.problems.as_slice());
    if let Some(first) = problems.first() {
        let all = problems
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("\n");
        // Blocking problems come before warnings and notes.
        if first.kind.blocks() {
            let blocking = problems.iter().filter(|p| p.kind.blocks()).count();
            style::error_text(ui, crate::t!("staging-refused", count = blocking))
                .on_hover_text(all);
            return;
        }
        if row.duplicate.is_none() {
            style::warn_text(ui, crate::t!("staging-ready-see-note")).on_hover_text(all);
            return;
        }
    }
    if row.reading && row.duplicate.is_none() {
        ui.spinner();
        ui.label(crate::t!("staging-reading"))
            .on_hover_text(crate::t!("staging-reading-hover"));
        return;
    }
    if let Some(duplicate) = &row.duplicate {
        ui.horizontal(|ui| {
            let mut anyway = row.upload_anyway;
            if ui
                .checkbox(&mut anyway, crate::t!("staging-upload-anyway"))
                .on_hover_text(duplicate.clone())
                .changed()
            {
                commands.push(S::UploadAnyway(row.id, anyway));
            }
            style::warn_text(ui, crate::t!("staging-duplicate")).on_hover_text(duplicate.clone());
        });
        return;
    }
    let color = style::ok_color(ui);
    ui.label(egui::RichText::new(crate::t!("staging-ready")).color(color));
}

fn left_out_ui(ui: &mut egui::Ui, app: &App) {
    if app.staging.left_out.is_empty() && app.staging.ignored == 0 {
        return;
    }
    ui.add_space(4.0);
    for skipped in app.staging.left_out.iter().take(5) {
        if skipped.reason.is_expected() {
            ui.label(style::shown(&skipped.to_string()));
        } else {
            style::error_text(ui, skipped.to_string());
        }
    }
    if app.staging.left_out.len() > 5 {
        style::error_text(
            ui,
            crate::t!(
                "staging-more-left-out",
                count = app.staging.left_out.len() - 5
            ),
        );
    }
    if app.staging.ignored > 0 {
        ui.label(crate::t!(
            "staging-system-files-left-out",
            count = app.staging.ignored
        ));
    }
}

fn footer_ui(ui: &mut egui::Ui, app: &mut App) {
    ui.separator();
    for problem in &app.staging.report.batch {
        style::error_text(ui, problem.to_string());
    }
    ui.horizontal(|ui| {
        let summary = app.staging.summary();
        ui.label(egui::RichText::new(summary).strong());
        let refused = app.staging.refused();
        if refused > 0 {
            style::error_text(ui, crate::t!("staging-refused-count", count = refused));
        }
        let duplicates = app.staging.duplicates_skipped();
        if duplicates > 0 {
            style::warn_text(
                ui,
                crate::t!("staging-duplicates-skipped", count = duplicates),
            );
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            let blocker = app.upload_blocker();
            let to = app.picker.selected.as_ref().map(|c| {
                if c.name.is_empty() {
                    c.id.clone()
                } else {
                    c.name.clone()
                }
            });
            let count = app.staging.rows.len();
            let label = match &to {
                Some(to) => crate::t!("staging-upload-to", count = count, to = to),
                None => crate::t!("staging-upload", count = count),
            };
            let button = ui.add_enabled(
                blocker.is_none(),
                egui::Button::new(label).min_size(egui::vec2(160.0, 30.0)),
            );
            let button = match &blocker {
                Some(why) => button.on_disabled_hover_text(why.clone()),
                None => button.on_hover_text(crate::t!("staging-upload-shortcut")),
            };
            if button.clicked() {
                app.commands.push(Command::Staging(S::Upload));
            }
            if let Some(why) = blocker {
                // Wraps rather than running over the summary when a language says it longer.
                let color = style::warn_color(ui);
                ui.add(
                    egui::Label::new(egui::RichText::new(style::shown(&why)).color(color)).wrap(),
                );
            }
        });
    });
}

/// While files hover over the window: a full-window overlay saying how many.
pub fn drop_overlay_ui(ctx: &egui::Context, app: &App) {
    let count = app.staging.hovering;
    if count == 0 {
        return;
    }
    let rect = ctx.content_rect();
    let painter = ctx.layer_painter(egui::LayerId::new(
        egui::Order::Foreground,
        egui::Id::unique("drop_overlay"),
    ));
    let dark = ctx.global_style().visuals.dark_mode;
    let fill = if dark {
        egui::Color32::from_black_alpha(200)
    } else {
        egui::Color32::from_white_alpha(220)
    };
    painter.rect_filled(rect, 0.0, fill);
    let stroke = egui::Stroke::new(3.0, ctx.global_style().visuals.selection.bg_fill);
    painter.rect_stroke(rect.shrink(16.0), 14.0, stroke, egui::StrokeKind::Inside);
    let text = crate::t!("staging-drop-overlay", count = count);
    painter.text(
        rect.center(),
        egui::Align2::CENTER_CENTER,
        text,
        egui::FontId::proportional(26.0),
        ctx.global_style().visuals.strong_text_color(),
    );
}
