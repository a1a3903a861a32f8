//! Colours and small text helpers shared by the views.

use egui::{Color32, RichText, Ui};

/// Red for refusals and failures, readable in light and dark themes.
#[must_use]
pub fn error_color(ui: &Ui) -> Color32 {
    ui.visuals().error_fg_color
}

/// Amber for warnings (duplicates, unknown outcomes, slow-downs).
#[must_use]
pub fn warn_color(ui: &Ui) -> Color32 {
    ui.visuals().warn_fg_color
}

/// Green for success.
#[must_use]
pub fn ok_color(ui: &Ui) -> Color32 {
    if ui.visuals().dark_mode {
        Color32::from_rgb(110, 200, 120)
    } else {
        Color32::from_rgb(30, 130, 60)
    }
}

/// A sentence in the error colour.
pub fn error_text(ui: &mut Ui, text: impl Into<String>) -> egui::Response {
    let color = error_color(ui);
    let text = text.into();
    ui.label(RichText::new(shown(&text)).color(color))
}

pub use crate::model::visible as shown;

/// A sentence in the warning colour.
pub fn warn_text(ui: &mut Ui, text: impl Into<String>) -> egui::Response {
    let color = warn_color(ui);
    let text = text.into();
    ui.label(RichText::new(shown(&text)).color(color))
}

/// A heading that reads as a section title.
pub fn section(ui: &mut Ui, text: &str) {
    ui.label(RichText::new(text).strong().size(15.0));
}

/// A labelled single-line text field (the label names it for screen readers).
pub fn labelled_field(
    ui: &mut Ui,
    label: &str,
    value: &mut String,
    hint: &str,
    password: bool,
) -> egui::Response {
    ui.horizontal(|ui| {
        let label = ui.add_sized([150.0, 20.0], egui::Label::new(label));
        ui.add(
            egui::TextEdit::singleline(value)
                .hint_text(hint)
                .password(password)
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label.id)
    })
    .inner
}

/// A small filled circle, for status.
pub fn dot(ui: &mut Ui, color: Color32) {
    let (rect, _) = ui.allocate_exact_size(egui::vec2(10.0, 10.0), egui::Sense::hover());
    ui.painter().circle_filled(rect.center(), 4.0, color);
}

/// A document outline with the file's extension in it (the icon of a non-image file).
pub fn document_icon(ui: &mut Ui, extension: &str, color: Color32) {
    let (rect, _) = ui.allocate_exact_size(egui::vec2(30.0, 36.0), egui::Sense::hover());
    let body = egui::Rect::from_center_size(rect.center(), egui::vec2(24.0, 30.0));
    let fold = 7.0;
    let points = vec![
        body.left_top(),
        egui::pos2(body.right() - fold, body.top()),
        egui::pos2(body.right(), body.top() + fold),
        body.right_bottom(),
        body.left_bottom(),
    ];
    let stroke = egui::Stroke::new(1.2, color);
    ui.painter().add(egui::Shape::closed_line(points, stroke));
    ui.painter().line_segment(
        [
            egui::pos2(body.right() - fold, body.top()),
            egui::pos2(body.right() - fold, body.top() + fold),
        ],
        stroke,
    );
    ui.painter().text(
        egui::pos2(body.center().x, body.bottom() - 8.0),
        egui::Align2::CENTER_CENTER,
        extension.to_uppercase(),
        egui::FontId::proportional(8.0),
        color,
    );
}

/// Gives a widget an accessible name that says what it acts on ("Cancel cv.pdf"), where the
/// visible text alone ("Cancel") would be ambiguous in a list.
pub fn named(response: egui::Response, role: egui::Role, name: &str) -> egui::Response {
    let enabled = response.enabled();
    response.widget_info(|| egui::WidgetInfo::labeled(role, enabled, name));
    response
}
