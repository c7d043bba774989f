//! The embedded Fluent catalogues and the lookup of one message.

use std::borrow::Cow;
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

use super::Lang;

/// The catalogue files of one language, embedded in the binary: one per area of the
/// interface (`terms`, `run`, `console`, `report`, `seat`, `package`), so that each stays a
/// readable size.
macro_rules! files {
    ($lang:literal) => {
        [
            include_str!(concat!("../../assets/i18n/", $lang, "/terms.ftl")),
            include_str!(concat!("../../assets/i18n/", $lang, "/run.ftl")),
            include_str!(concat!("../../assets/i18n/", $lang, "/console.ftl")),
            include_str!(concat!("../../assets/i18n/", $lang, "/report.ftl")),
            include_str!(concat!("../../assets/i18n/", $lang, "/seat.ftl")),
            include_str!(concat!("../../assets/i18n/", $lang, "/package.ftl")),
        ]
    };
}

/// The catalogue sources of every language.
pub(crate) const SOURCES: [(Lang, [&str; 6]); 3] = [
    (Lang::En, files!("en")),
    (Lang::Fr, files!("fr")),
    (Lang::Zh, files!("zh")),
];

/// A value given to a message: a number (which also selects plural forms) or a text.
#[derive(Clone, Debug)]
pub enum Arg<'a> {
    /// A number, written by Fluent as digits; format it first (see [`super::format`]) and
    /// pass it as text when it needs grouping or decimals.
    Number(f64),
    /// A text, inserted as it is.
    Text(Cow<'a, str>),
}

macro_rules! number_arg {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg<'_> {
            fn from(n: $t) -> Self {
                Arg::Number(n as f64)
            }
        }
    )*};
}
number_arg!(i32, i64, u8, u16, u32, u64, usize, f64);

impl<'a> From<&'a str> for Arg<'a> {
    fn from(s: &'a str) -> Self {
        Arg::Text(Cow::Borrowed(s))
    }
}

impl<'a> From<&'a String> for Arg<'a> {
    fn from(s: &'a String) -> Self {
        Arg::Text(Cow::Borrowed(s))
    }
}

impl From<String> for Arg<'_> {
    fn from(s: String) -> Self {
        Arg::Text(Cow::Owned(s))
    }
}

fn bundle(lang: Lang) -> &'static FluentBundle<FluentResource> {
    static BUNDLES: OnceLock<Vec<FluentBundle<FluentResource>>> = OnceLock::new();
    let bundles = BUNDLES.get_or_init(|| {
        SOURCES
            .iter()
            .map(|(lang, sources)| {
                let id = lang.tag().parse().expect("a valid language tag");
                let mut bundle = FluentBundle::new_concurrent(vec![id]);
                // Terminals and transcripts show the isolation marks as garbage.
                bundle.set_use_isolating(false);
                for source in sources {
                    // A syntax error keeps the rest of the file: the catalogue test names it.
                    let resource =
                        FluentResource::try_new(source.to_string()).unwrap_or_else(|e| e.0);
                    // Duplicate keys are reported by the catalogue test too.
                    let _ = bundle.add_resource(resource);
                }
                bundle
            })
            .collect()
    });
    &bundles[lang as usize]
}

/// The message `key` in `lang` with its arguments. A key missing from a catalogue gives the
/// English message, and a key missing from English gives the key itself (the catalogue test
/// keeps both from happening).
pub fn text(lang: Lang, key: &str, args: &[(&str, Arg<'_>)]) -> String {
    let bundle = bundle(lang);
    let Some(pattern) = bundle.get_message(key).and_then(|m| m.value()) else {
        return if lang == Lang::En {
            key.to_string()
        } else {
            text(Lang::En, key, args)
        };
    };
    let mut fargs = FluentArgs::with_capacity(args.len());
    for (name, value) in args {
        let value = match value {
            Arg::Number(n) => FluentValue::from(*n),
            Arg::Text(s) => FluentValue::from(s.as_ref()),
        };
        fargs.set(*name, value);
    }
    let mut errors = Vec::new();
    bundle
        .format_pattern(pattern, Some(&fargs), &mut errors)
        .into_owned()
}

/// Keys of other areas the web seat page uses besides the whole seat catalogue.
const SEAT_EXTRA: [&str; 2] = ["pick-exactly", "pick-range"];

/// The seat catalogue in `lang` for the web seat page, as a JSON object: each key maps to
/// its text with `{name}` where a variable goes, or, for a message that chooses by a number
/// (plurals), to an object of its variants (`one`, `other`, …) with `*` naming the default.
/// The page picks the variant with `Intl.PluralRules` and fills the variables in as text.
pub fn seat_strings(lang: Lang) -> serde_json::Map<String, serde_json::Value> {
    use fluent_syntax::ast;
    use serde_json::Value;
    fn flat(p: &ast::Pattern<&str>, out: &mut String) -> bool {
        for e in &p.elements {
            match e {
                ast::PatternElement::TextElement { value } => out.push_str(value),
                ast::PatternElement::Placeable { expression } => match expression {
                    ast::Expression::Inline(ast::InlineExpression::VariableReference { id }) => {
                        out.push('{');
                        out.push_str(id.name);
                        out.push('}');
                    }
                    ast::Expression::Inline(ast::InlineExpression::StringLiteral { value }) => {
                        out.push_str(value)
                    }
                    _ => return false,
                },
            }
        }
        true
    }
    let (_, sources) = SOURCES[lang as usize];
    let mut out = serde_json::Map::new();
    for (n, source) in sources.iter().enumerate() {
        let Ok(res) = FluentResource::try_new(source.to_string()) else {
            continue;
        };
        for entry in res.entries() {
            let ast::Entry::Message(m) = entry else {
                continue;
            };
            let Some(p) = &m.value else { continue };
            if n != 4 && !SEAT_EXTRA.contains(&m.id.name) {
                continue;
            }
            let mut text = String::new();
            let value = match p.elements.as_slice() {
                [
                    ast::PatternElement::Placeable {
                        expression: ast::Expression::Select { variants, .. },
                    },
                ] => {
                    let mut forms = serde_json::Map::new();
                    for v in variants {
                        let key = match &v.key {
                            ast::VariantKey::Identifier { name } => name.to_string(),
                            ast::VariantKey::NumberLiteral { value } => format!("={value}"),
                        };
                        let mut t = String::new();
                        if flat(&v.value, &mut t) {
                            if v.default {
                                forms.insert("*".into(), Value::String(key.clone()));
                            }
                            forms.insert(key, Value::String(t.trim().to_string()));
                        }
                    }
                    Value::Object(forms)
                }
                _ if flat(p, &mut text) => Value::String(text),
                _ => continue,
            };
            out.insert(m.id.name.to_string(), value);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plurals_follow_each_language() {
        assert_eq!(
            text(Lang::En, "test-plural", &[("n", Arg::from(1))]),
            "1 decision"
        );
        assert_eq!(
            text(Lang::En, "test-plural", &[("n", Arg::from(2))]),
            "2 decisions"
        );
        // French: one and zero are singular.
        assert_eq!(
            text(Lang::Fr, "test-plural", &[("n", Arg::from(0))]),
            "0 décision"
        );
        assert_eq!(
            text(Lang::Fr, "test-plural", &[("n", Arg::from(2))]),
            "2 décisions"
        );
        assert_eq!(
            text(Lang::Zh, "test-plural", &[("n", Arg::from(2))]),
            "2 项决策"
        );
    }

    #[test]
    fn the_seat_page_gets_texts_and_plural_forms() {
        let fr = seat_strings(Lang::Fr);
        assert_eq!(fr["seat-time-left"], "Temps restant\u{a0}: {left}");
        assert_eq!(fr["seat-votes"]["one"], "{n} vote");
        assert_eq!(fr["seat-votes"]["*"], "other");
        assert_eq!(fr["pick-exactly"], "en choisir {n}");
        assert!(seat_strings(Lang::Zh)["seat-votes"]["other"] == "{n} 票");
        for lang in Lang::ALL {
            assert_eq!(seat_strings(lang).len(), seat_strings(Lang::En).len());
        }
    }

    #[test]
    fn a_missing_key_falls_back_to_english_then_to_the_key() {
        assert_eq!(text(Lang::Fr, "no-such-key", &[]), "no-such-key");
    }
}
