//! The connections screen: saved connections and the sandbox, and the add/edit form whose secret
//! goes to the OS keyring and is never shown again.

use crate::app::connections::{Command as C, EntryKind, Form, Live};
use crate::app::{App, Command};
use crate::model::ProviderId;

use super::style;

/// Draws the connections screen.
pub fn connections_ui(ui: &mut egui::Ui, app: &mut App) {
    ui.columns(2, |columns| {
        list_ui(&mut columns[0], app);
        own_domains_ui(&mut columns[0], app);
        if app.connections.form.is_some() {
            form_ui(&mut columns[1], app);
        } else {
            columns[1].add_space(8.0);
            columns[1].label("Choose a connection to edit it, or add a new one.");
        }
    });
}

/// The user's own e-mail domains: addresses there never make a file someone else's.
fn own_domains_ui(ui: &mut egui::Ui, app: &mut App) {
    ui.add_space(16.0);
    style::section(ui, "Your organisation");
    ui.label(
        "Your own e-mail domains (comma-separated): a file holding addresses there is never \
         taken for someone else's.",
    );
    let name = "Your own e-mail domains";
    let response = style::named(
        ui.add(
            egui::TextEdit::singleline(&mut app.content.domains_text)
                .hint_text("acme.nl, acme.de")
                .desired_width(280.0),
        ),
        egui::Role::TextInput,
        name,
    );
    if response.lost_focus() || (response.changed() && app.content.domains_text.ends_with(',')) {
        app.commands
            .push(Command::OwnDomains(app.content.domains_text.clone()));
    }
}

fn list_ui(ui: &mut egui::Ui, app: &mut App) {
    style::section(ui, "Connections");
    ui.add_space(4.0);
    match (&app.connections.store, &app.connections.store_problem) {
        (Some(store), _) => match store.kind().forgets() {
            None => {
                ui.label(format!("Secrets are kept in the {}.", store.kind().label()));
            }
            Some(note) => {
                style::warn_text(ui, note);
            }
        },
        (None, Some(problem)) => {
            style::warn_text(ui, problem.clone());
        }
        (None, None) => {
            ui.label("Looking for the keyring\u{2026}");
        }
    }
    ui.add_space(8.0);
    let entries = app.connections.entries();
    for entry in &entries {
        ui.horizontal(|ui| {
            let selected = app.connections.selected.as_deref() == Some(entry.id.as_str());
            if ui
                .selectable_label(selected, format!("{}  ({})", entry.name, entry.provider))
                .on_hover_text("Use this connection")
                .clicked()
            {
                app.commands
                    .push(Command::Connections(C::Select(entry.id.clone())));
            }
            match &entry.kind {
                EntryKind::Saved(_) => {
                    if ui.button("Edit\u{2026}").clicked() {
                        app.commands
                            .push(Command::Connections(C::Edit(entry.id.clone())));
                    }
                }
                EntryKind::Sandbox(_) => {
                    ui.label("sandbox, this run only");
                }
            }
            if let Some(Live::Failed(reason)) = app.connections.live.get(&entry.id) {
                style::error_text(ui, "not connected").on_hover_text(reason.clone());
            }
        });
    }
    if entries.is_empty() {
        ui.label("No connections yet.");
    }
    ui.add_space(12.0);
    ui.horizontal(|ui| {
        if ui.button("Add a connection\u{2026}").clicked() {
            app.commands.push(Command::Connections(C::New));
        }
        if app.sandbox.is_none() {
            let starting = app.connections.sandbox_starting;
            if ui
                .add_enabled(!starting, egui::Button::new("Try the sandbox"))
                .on_hover_text("A local copy of all five systems with demo candidates")
                .clicked()
            {
                app.commands.push(Command::Connections(C::StartSandbox));
            }
        }
    });
}

fn form_ui(ui: &mut egui::Ui, app: &mut App) {
    let store_label = match &app.connections.store {
        Some(store) if store.kind().persistent() => {
            format!("is stored in the {}", store.kind().label())
        }
        Some(store) if store.kind() != crate::credentials::StoreKind::ThisRunOnly => {
            format!(
                "is kept in the {}, which forgets it after a restart,",
                store.kind().label()
            )
        }
        _ => "is kept in memory for this run only".to_owned(),
    };
    let store_label = store_label.as_str();
    let Some(form) = &mut app.connections.form else {
        return;
    };
    let editing = form.editing.clone();
    style::section(
        ui,
        if editing.is_some() {
            "Edit connection"
        } else {
            "New connection"
        },
    );
    ui.add_space(6.0);
    fields_ui(ui, form, editing.is_some(), store_label);
    for problem in &form.problems {
        style::error_text(ui, problem.message.clone());
    }
    ui.add_space(8.0);
    let mut commands = Vec::new();
    ui.horizontal(|ui| {
        ui.add_enabled_ui(!form.is_busy(), |ui| {
            if ui.button("Test connection").clicked() {
                commands.push(C::TestForm);
            }
            if ui.button("Save").clicked() {
                commands.push(C::SaveForm {
                    keep_for_run: false,
                });
            }
        });
        if ui.button("Cancel").clicked() {
            commands.push(C::CloseForm);
        }
        if let Some(id) = &editing
            && ui
                .button("Remove")
                .on_hover_text("Remove this connection and its stored secret")
                .clicked()
        {
            commands.push(C::Remove(id.clone()));
        }
        if form.is_busy() {
            ui.spinner();
        }
    });
    test_result_ui(ui, form);
    if let Some(problem) = form.keyring_unavailable.clone() {
        ui.add_space(6.0);
        style::warn_text(ui, problem);
        if ui.button("Keep it for this run only").clicked() {
            commands.push(C::SaveForm { keep_for_run: true });
        }
    }
    app.commands
        .extend(commands.into_iter().map(Command::Connections));
}

fn fields_ui(ui: &mut egui::Ui, form: &mut Form, editing: bool, store_label: &str) {
    style::labelled_field(ui, "Name", &mut form.name, "e.g. Acme recruiting", false);
    ui.horizontal(|ui| {
        let label = ui.add_sized([150.0, 20.0], egui::Label::new("System"));
        let mut provider = form.provider;
        egui::ComboBox::from_id_salt("form_system")
            .selected_text(provider.display_name())
            .show_ui(ui, |ui| {
                for p in ProviderId::ALL {
                    ui.selectable_value(&mut provider, p, p.display_name());
                }
            })
            .response
            .labelled_by(label.id)
            .on_hover_text("System");
        if provider != form.provider {
            form.set_provider(provider);
        }
    });
    style::labelled_field(
        ui,
        "Address (base URL)",
        &mut form.base_url,
        form.provider.profile().default_base_url,
        false,
    );
    for field in form.provider.profile().account.fields {
        style::labelled_field(ui, field.label, form.id_mut(field.key), field.hint, false);
    }
    let secret_label = form.secret_label();
    let hint = if editing {
        "leave empty to keep the stored one".to_owned()
    } else {
        format!("paste the {}", form.secret_noun())
    };
    style::labelled_field(ui, secret_label, &mut form.secret, &hint, true);
    ui.label(format!(
        "The {} {store_label} and is never shown again.",
        form.secret_noun()
    ));
}

fn test_result_ui(ui: &mut egui::Ui, form: &Form) {
    match &form.test {
        Some(Ok(summary)) => {
            let color = style::ok_color(ui);
            ui.label(egui::RichText::new(format!("Connected: {summary}")).color(color));
        }
        Some(Err(reason)) => {
            style::error_text(ui, reason.clone());
        }
        None => {}
    }
}
