//! The connections screen: saved connections and the sandbox, and the add/edit form whose secret
//! goes to the OS keyring and is never shown again.

use crate::app::connections::{Command as C, EntryKind, Form, Live, store_text};
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
            columns[1].label(crate::t!("connections-choose-or-add"));
        }
    });
}

/// The user's own e-mail domains: addresses there never make a file someone else's.
fn own_domains_ui(ui: &mut egui::Ui, app: &mut App) {
    ui.add_space(16.0);
    style::section(ui, &crate::t!("connections-own-domains-heading"));
    ui.label(crate::t!("connections-own-domains-explained"));
    let name = crate::t!("connections-own-domains");
    let response = style::named(
        ui.add(
            egui::TextEdit::singleline(&mut app.content.domains_text)
                .hint_text("acme.nl, acme.de")
                .desired_width(280.0),
        ),
        egui::Role::TextInput,
        &name,
    );
    if response.lost_focus() || (response.changed() && app.content.domains_text.ends_with(',')) {
        app.commands
            .push(Command::OwnDomains(app.content.domains_text.clone()));
    }
}

fn list_ui(ui: &mut egui::Ui, app: &mut App) {
    style::section(ui, &crate::t!("connections-heading"));
    ui.add_space(4.0);
    match (&app.connections.store, &app.connections.store_problem) {
        (Some(store), _) => match store.kind().forgets() {
            None => {
                ui.label(crate::t!(
                    "connections-secrets-kept-in",
                    store = store_text(store.kind())
                ));
            }
            Some(note) => {
                style::warn_text(ui, &note);
            }
        },
        (None, Some(problem)) => {
            style::warn_text(ui, problem.clone());
        }
        (None, None) => {
            ui.label(crate::t!("connections-looking-for-keyring"));
        }
    }
    ui.add_space(8.0);
    let entries = app.connections.entries();
    for entry in &entries {
        ui.horizontal(|ui| {
            let selected = app.connections.selected.as_deref() == Some(entry.id.as_str());
            if ui
                .selectable_label(selected, format!("{}  ({})", entry.name, entry.provider))
                .on_hover_text(crate::t!("connections-use-hover"))
                .clicked()
            {
                app.commands
                    .push(Command::Connections(C::Select(entry.id.clone())));
            }
            match &entry.kind {
                EntryKind::Saved(_) => {
                    if ui.button(crate::t!("connections-edit")).clicked() {
                        app.commands
                            .push(Command::Connections(C::Edit(entry.id.clone())));
                    }
                }
                EntryKind::Sandbox(_) => {
                    ui.label(crate::t!("connections-sandbox-note"));
                }
            }
            if let Some(Live::Failed(reason)) = app.connections.live.get(&entry.id) {
                style::error_text(ui, crate::t!("connections-not-connected"))
                    .on_hover_text(reason.clone());
            }
        });
    }
    if entries.is_empty() {
        ui.label(crate::t!("connections-empty"));
    }
    ui.add_space(12.0);
    ui.horizontal(|ui| {
        if ui.button(crate::t!("connections-add")).clicked() {
            app.commands.push(Command::Connections(C::New));
        }
        if app.sandbox.is_none() {
            let starting = app.connections.sandbox_starting;
            if ui
                .add_enabled(
                    !starting,
                    egui::Button::new(crate::t!("connections-try-sandbox")),
                )
                .on_hover_text(crate::t!("connections-try-sandbox-hover"))
                .clicked()
            {
                app.commands.push(Command::Connections(C::StartSandbox));
            }
        }
    });
}

fn form_ui(ui: &mut egui::Ui, app: &mut App) {
    let store = match &app.connections.store {
        Some(store) if store.kind().persistent() => SecretStore::Kept(store_text(store.kind())),
        Some(store) if store.kind() != crate::credentials::StoreKind::ThisRunOnly => {
            SecretStore::Forgets(store_text(store.kind()))
        }
        _ => SecretStore::Memory,
    };
    let Some(form) = &mut app.connections.form else {
        return;
    };
    let editing = form.editing.clone();
    style::section(
        ui,
        &if editing.is_some() {
            crate::t!("connection-form-title-edit")
        } else {
            crate::t!("connection-form-title-new")
        },
    );
    ui.add_space(6.0);
    fields_ui(ui, form, editing.is_some(), store);
    for problem in &form.problems {
        style::error_text(ui, problem.text().to_string());
    }
    ui.add_space(8.0);
    let mut commands = Vec::new();
    ui.horizontal(|ui| {
        ui.add_enabled_ui(!form.is_busy(), |ui| {
            if ui.button(crate::t!("connection-form-test")).clicked() {
                commands.push(C::TestForm);
            }
            if ui.button(crate::t!("connection-form-save")).clicked() {
                commands.push(C::SaveForm {
                    keep_for_run: false,
                });
            }
        });
        if ui.button(crate::t!("connection-form-cancel")).clicked() {
            commands.push(C::CloseForm);
        }
        if let Some(id) = &editing
            && ui
                .button(crate::t!("connection-form-remove"))
                .on_hover_text(crate::t!("connection-form-remove-hover"))
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
        if ui
            .button(crate::t!("connection-form-keep-for-run"))
            .clicked()
        {
            commands.push(C::SaveForm { keep_for_run: true });
        }
    }
    app.commands
        .extend(commands.into_iter().map(Command::Connections));
}

/// Where the form's secret goes, as the sentence under the secret field says it.
enum SecretStore {
    /// A store that keeps it (its name).
    Kept(crate::i18n::Text),
    /// A store that forgets it after a restart (its name).
    Forgets(crate::i18n::Text),
    /// Memory, for this run only.
    Memory,
}

fn fields_ui(ui: &mut egui::Ui, form: &mut Form, editing: bool, store: SecretStore) {
    style::labelled_field(
        ui,
        &crate::t!("connection-form-name"),
        &mut form.name,
        &crate::t!("connection-form-name-hint"),
        false,
    );
    ui.horizontal(|ui| {
        let label = ui.add_sized(
            [150.0, 20.0],
            egui::Label::new(crate::t!("connection-form-system")),
        );
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
            .on_hover_text(crate::t!("connection-form-system"));
        if provider != form.provider {
            form.set_provider(provider);
        }
    });
    style::labelled_field(
        ui,
        &crate::t!("connection-form-address"),
        &mut form.base_url,
        form.provider.profile().default_base_url,
        false,
    );
    for field in form.provider.profile().account.fields {
        style::labelled_field(
            ui,
            &field.label_text().to_string(),
            form.id_mut(field.key),
            &field.hint_text().to_string(),
            false,
        );
    }
    let secret_label = form.secret_label().to_string();
    let noun = form.secret_noun();
    let hint = if editing {
        crate::t!("connection-form-secret-keep-hint")
    } else {
        crate::t!("connection-form-secret-paste-hint", noun = noun.clone())
    };
    style::labelled_field(ui, &secret_label, &mut form.secret, &hint, true);
    ui.label(match store {
        SecretStore::Kept(store) => {
            crate::t!("connection-form-secret-kept", noun = noun, store = store)
        }
        SecretStore::Forgets(store) => crate::t!(
            "connection-form-secret-forgotten",
            noun = noun,
            store = store
        ),
        SecretStore::Memory => {
            crate::t!("connection-form-secret-memory", noun = noun)
        }
    });
}

fn test_result_ui(ui: &mut egui::Ui, form: &Form) {
    match &form.test {
        Some(Ok(summary)) => {
            let color = style::ok_color(ui);
            ui.label(
                egui::RichText::new(crate::t!("connection-form-connected", summary = summary))
                    .color(color),
            );
        }
        Some(Err(reason)) => {
            style::error_text(ui, reason.clone());
        }
        None => {}
    }
}
