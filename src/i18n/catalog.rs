//! The messages: one `.ftl` file per screen and language under `locales/`, built into the
//! program, and one Fluent bundle per language formatting them.

use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};

use super::lang::Lang;

/// Every message file, by name, in English, Dutch and German (the order of [`Lang::ALL`]).
macro_rules! files {
    ($($name:literal),+ $(,)?) => {
        &[$(($name, [
            include_str!(concat!("../../locales/en/", $name, ".ftl")),
            include_str!(concat!("../../locales/nl/", $name, ".ftl")),
            include_str!(concat!("../../locales/de/", $name, ".ftl")),
        ])),+]
    };
}

/// The message files: `(name, [English, Dutch, German])`.
pub const FILES: &[(&str, [&str; 3])] = files!(
    "app",
    "welcome",
    "candidate",
    "staging",
    "queue",
    "history",
    "connections",
    "bulk",
    "dialogs",
    "checks",
    "types",
    "cli",
);

type Bundle = FluentBundle<FluentResource>;

fn bundles() -> &'static [Bundle; 3] {
    static BUNDLES: OnceLock<[Bundle; 3]> = OnceLock::new();
    BUNDLES.get_or_init(|| Lang::ALL.map(build))
}

fn build(lang: Lang) -> Bundle {
    let id = lang
        .tag()
        .parse()
        .unwrap_or_else(|_| unic_langid::LanguageIdentifier::default());
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // No Unicode isolation marks around arguments: egui would draw them as boxes.
    bundle.set_use_isolating(false);
    let column = Lang::ALL.iter().position(|l| *l == lang).unwrap_or(0);
    for (name, texts) in FILES {
        // A file that does not parse keeps the messages that did (the tests keep them whole).
        let resource = FluentResource::try_new(texts[column].to_owned()).unwrap_or_else(|(r, e)| {
            tracing::warn!("{}/{name}.ftl: {e:?}", lang.tag());
            r
        });
        if let Err(e) = bundle.add_resource(resource) {
            tracing::warn!("{}/{name}.ftl: {e:?}", lang.tag());
        }
    }
    bundle
}

/// Message `key` in `lang` with `args`; English where `lang` lacks it, and the key itself
/// where English does too (the tests make sure neither happens).
#[must_use]
pub fn format(lang: Lang, key: &str, args: Option<&FluentArgs<'_>>) -> String {
    let all = bundles();
    let index = Lang::ALL.iter().position(|l| *l == lang).unwrap_or(0);
    for bundle in [&all[index], &all[0]] {
        if let Some(pattern) = bundle.get_message(key).and_then(|m| m.value()) {
            let mut errors = Vec::new();
            return bundle.format_pattern(pattern, args, &mut errors).into_owned();
        }
    }
    key.to_owned()
}

/// The ids of every message in `lang`'s files (for the tests).
#[must_use]
pub fn keys(lang: Lang) -> Vec<String> {
    let column = Lang::ALL.iter().position(|l| *l == lang).unwrap_or(0);
    FILES
        .iter()
        .flat_map(|(_, texts)| message_ids(texts[column]))
        .collect()
}

/// The message ids a file defines (terms, starting with `-`, are not messages).
fn message_ids(text: &str) -> Vec<String> {
    let resource = match FluentResource::try_new(text.to_owned()) {
        Ok(r) | Err((r, _)) => r,
    };
    resource
        .entries()
        .filter_map(|entry| match entry {
            fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_owned()),
            _ => None,
        })
        .collect()
}
