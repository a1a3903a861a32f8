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
    "cli_run",
    "engine",
    "errors",
    "fixes",
    "accounts",
    "mail",
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
        let resource =
            FluentResource::try_new(texts[column].to_owned()).unwrap_or_else(|(r, e)| {
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
            return bundle
                .format_pattern(pattern, args, &mut errors)
                .into_owned();
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

#[cfg(test)]
mod tests {
    use std::collections::{BTreeMap, BTreeSet};
    use std::path::Path;

    use fluent_syntax::ast;

    use super::*;

    type Variables = BTreeMap<String, BTreeSet<String>>;

    /// Every message of `lang` with the variables it uses.
    fn variables(lang: Lang) -> Variables {
        let column = Lang::ALL.iter().position(|l| *l == lang).unwrap();
        let mut all = Variables::new();
        for (name, texts) in FILES {
            let resource = FluentResource::try_new(texts[column].to_owned())
                .unwrap_or_else(|(_, e)| panic!("{}/{name}.ftl does not parse: {e:?}", lang.tag()));
            for entry in resource.entries() {
                if let ast::Entry::Message(m) = entry {
                    let mut found = BTreeSet::new();
                    if let Some(value) = &m.value {
                        pattern_variables(value, &mut found);
                    }
                    let fresh = all.insert(m.id.name.to_owned(), found).is_none();
                    assert!(fresh, "{} is defined twice in {}", m.id.name, lang.tag());
                }
            }
        }
        all
    }

    fn pattern_variables(pattern: &ast::Pattern<&str>, found: &mut BTreeSet<String>) {
        for element in &pattern.elements {
            if let ast::PatternElement::Placeable { expression } = element {
                expression_variables(expression, found);
            }
        }
    }

    fn expression_variables(expression: &ast::Expression<&str>, found: &mut BTreeSet<String>) {
        match expression {
            ast::Expression::Inline(inline) => inline_variables(inline, found),
            ast::Expression::Select { selector, variants } => {
                inline_variables(selector, found);
                for variant in variants {
                    pattern_variables(&variant.value, found);
                }
            }
        }
    }

    fn inline_variables(inline: &ast::InlineExpression<&str>, found: &mut BTreeSet<String>) {
        match inline {
            ast::InlineExpression::VariableReference { id } => {
                found.insert(id.name.to_owned());
            }
            ast::InlineExpression::Placeable { expression } => {
                expression_variables(expression, found);
            }
            _ => {}
        }
    }

    /// Every Rust source file's text under `src/`.
    fn sources() -> String {
        fn walk(dir: &Path, out: &mut String) {
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    walk(&path, out);
                } else if path.extension().is_some_and(|e| e == "rs") {
                    out.push_str(&std::fs::read_to_string(&path).unwrap());
                    out.push('\n');
                }
            }
        }
        let mut out = String::new();
        walk(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut out);
        out
    }

    #[test]
    fn every_message_exists_in_all_three_languages_with_the_same_arguments() {
        let english = variables(Lang::En);
        assert!(english.len() > 50, "{} messages", english.len());
        for lang in [Lang::Nl, Lang::De] {
            let other = variables(lang);
            let missing: Vec<_> = english.keys().filter(|k| !other.contains_key(*k)).collect();
            let extra: Vec<_> = other.keys().filter(|k| !english.contains_key(*k)).collect();
            assert!(missing.is_empty(), "missing in {}: {missing:?}", lang.tag());
            assert!(extra.is_empty(), "only in {}: {extra:?}", lang.tag());
            for (key, vars) in &other {
                // A translation may leave an argument out (the language says it another
                // way), never use one the code does not pass.
                let unknown: Vec<_> = vars.difference(&english[key]).collect();
                assert!(unknown.is_empty(), "{}: {key} uses {unknown:?}", lang.tag());
            }
        }
    }

    #[test]
    fn every_message_is_used_and_every_key_used_exists() {
        let code = sources();
        let english = variables(Lang::En);
        let unused: Vec<_> = english
            .keys()
            .filter(|key| !code.contains(&format!("\"{key}\"")))
            .collect();
        assert!(unused.is_empty(), "messages no code uses: {unused:?}");
        // Keys the code asks for: the first argument of t!, text! and Text::new.
        let mut asked = BTreeSet::new();
        for opener in ["t!(", "text!(", "Text::new("] {
            for (at, _) in code.match_indices(opener) {
                // `format!("` ends like `t!("`: only a macro of ours, by its own name.
                let before = code[..at].chars().next_back().unwrap_or(' ');
                if before.is_alphanumeric() || before == '_' {
                    continue;
                }
                // The key may be on the next line (`text!(\n    "key", …)`); anything but a
                // string literal first (a variable) is not a key.
                let rest = code[at + opener.len()..].trim_start();
                let Some(rest) = rest.strip_prefix('"') else {
                    continue;
                };
                if let Some(end) = rest.find('"') {
                    let key = &rest[..end];
                    // Message ids are lower-case words with hyphens.
                    if !key.is_empty()
                        && key
                            .chars()
                            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
                    {
                        asked.insert(key.to_owned());
                    }
                }
            }
        }
        // A key inside a `match` that picks the message (file kinds, type labels) is found by
        // the first check; here the direct ones.
        let unknown: Vec<_> = asked
            .iter()
            .filter(|k| !english.contains_key(*k) && !k.contains('{'))
            .collect();
        assert!(unknown.is_empty(), "keys without a message: {unknown:?}");
    }

    #[test]
    fn every_message_formats_in_every_language_without_errors() {
        for lang in Lang::ALL {
            let bundle = build(lang);
            for (key, vars) in variables(Lang::En) {
                let mut args = FluentArgs::new();
                for var in &vars {
                    args.set(var.as_str(), 2);
                }
                let pattern = bundle.get_message(&key).and_then(|m| m.value()).unwrap();
                let mut errors = Vec::new();
                let text = bundle.format_pattern(pattern, Some(&args), &mut errors);
                assert!(errors.is_empty(), "{}: {key}: {errors:?}", lang.tag());
                assert!(!text.trim().is_empty(), "{}: {key} is empty", lang.tag());
            }
        }
    }

    #[test]
    fn an_unknown_key_shows_itself_and_plurals_follow_the_language() {
        assert_eq!(format(Lang::De, "no-such-message", None), "no-such-message");
        let mut args = FluentArgs::new();
        for (name, value) in [("system", "Onderwijsregio"), ("label", "CV")] {
            args.set(name, value);
        }
        args.set("max", 5);
        args.set("count", 6);
        args.set("extra", 1);
        let one = format(Lang::Nl, "check-too-many-in-field", Some(&args));
        assert!(one.contains("dat bestand apart"), "{one}");
        args.set("extra", 3);
        let more = format(Lang::Nl, "check-too-many-in-field", Some(&args));
        assert!(more.contains("die bestanden apart"), "{more}");
    }
}
