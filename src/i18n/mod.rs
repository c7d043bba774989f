//! The players' language: which one ([`Lang`]), the interface's message catalogues
//! ([`text`], the [`tr!`](crate::tr) macro) and numbers, dates and durations written for it
//! ([`format`]).
//!
//! Catalogues are Fluent files embedded from `assets/i18n/LANG/` (one file per area:
//! `terms`, `run`, `console`, `report`, `seat`, `package`), so a user's language never needs a file at
//! run time. Every key exists in every language and every key is used in the code (`tests/i18n_catalogue.rs`). Diagnostics stay in English:
//! they are for authors and tools, and their codes are stable.

mod catalogue;
pub mod format;
pub mod refusal;
pub mod terms;

pub use catalogue::{Arg, seat_strings, text};

/// A language of the interface.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Lang {
    /// English (the default).
    #[default]
    En,
    /// French.
    Fr,
    /// Simplified Chinese.
    Zh,
}

impl Lang {
    /// Every language, in the order menus list them.
    pub const ALL: [Lang; 3] = [Lang::En, Lang::Fr, Lang::Zh];

    /// The language of a BCP 47 tag or a POSIX locale (`fr`, `fr-CA`, `fr_FR.UTF-8`,
    /// `zh-Hans`, `zh_CN`), or `None` for a language without a catalogue.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag
            .split(['-', '_', '.', '@'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        match primary.as_str() {
            "en" => Some(Lang::En),
            "fr" => Some(Lang::Fr),
            "zh" => Some(Lang::Zh),
            _ => None,
        }
    }

    /// The BCP 47 tag written in journals and in HTML `lang` attributes.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
            Lang::Zh => "zh",
        }
    }

    /// The language's own name, for a language menu (`Français`, `中文`).
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Fr => "Français",
            Lang::Zh => "中文",
        }
    }

    /// The language of the environment's locale variables, in POSIX order of precedence
    /// (`LC_ALL`, `LC_MESSAGES`, `LANG`), read through `var` so that callers (and tests)
    /// decide where the environment comes from. `C`/`POSIX` and unknown languages give English.
    pub fn from_env(var: impl Fn(&str) -> Option<String>) -> Lang {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|name| var(name))
            .find(|v| !v.is_empty())
            .and_then(|v| Lang::from_tag(&v))
            .unwrap_or_default()
    }

    /// The language of a scenario's texts (`meta.language`, or its translation's), English
    /// when it has no catalogue.
    pub fn of_scenario(sc: &crate::scenario::Scenario) -> Lang {
        Lang::from_tag(&sc.meta.language).unwrap_or_default()
    }

    /// The interface's language for a command with a scenario: `--lang` when it names a
    /// language with a catalogue, else the scenario's (its translation's), else `env`.
    pub fn for_scenario(asked: Option<&str>, sc: &crate::scenario::Scenario, env: Lang) -> Lang {
        Lang::choose(asked.and_then(Lang::from_tag), Some(&sc.meta.language), env)
    }

    /// The language to use: the one asked for on the command line, else the scenario's
    /// (`meta.language` or its translation), else the environment's.
    pub fn choose(asked: Option<Lang>, scenario: Option<&str>, env: Lang) -> Lang {
        asked
            .or_else(|| scenario.and_then(Lang::from_tag))
            .unwrap_or(env)
    }
}

impl std::fmt::Display for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.tag())
    }
}

/// A message of the catalogue in `lang`: `tr!(lang, "key")` or
/// `tr!(lang, "key", name = value, ...)`, where each value is a number or text.
/// Keys are literals so that `tests/i18n_catalogue.rs` can find every key the code uses.
#[macro_export]
macro_rules! tr {
    ($lang:expr, $key:literal) => {
        $crate::i18n::text($lang, $key, &[])
    };
    ($lang:expr, $key:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::text(
            $lang,
            $key,
            &[$((stringify!($name), $crate::i18n::Arg::from($value))),+],
        )
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_and_locales_name_their_language() {
        assert_eq!(Lang::from_tag("fr_FR.UTF-8"), Some(Lang::Fr));
        assert_eq!(Lang::from_tag("zh-Hans-CN"), Some(Lang::Zh));
        assert_eq!(Lang::from_tag("EN"), Some(Lang::En));
        assert_eq!(Lang::from_tag("de"), None);
        assert_eq!(Lang::from_tag(""), None);
    }

    #[test]
    fn the_environment_follows_posix_precedence() {
        let env = |all: &'static str, lang: &'static str| {
            move |name: &str| match name {
                "LC_ALL" if !all.is_empty() => Some(all.to_string()),
                "LANG" => Some(lang.to_string()),
                _ => None,
            }
        };
        assert_eq!(Lang::from_env(env("", "fr_FR.UTF-8")), Lang::Fr);
        assert_eq!(Lang::from_env(env("zh_CN.UTF-8", "fr_FR.UTF-8")), Lang::Zh);
        assert_eq!(Lang::from_env(env("C", "fr_FR.UTF-8")), Lang::En);
        assert_eq!(Lang::from_env(|_| None), Lang::En);
    }

    #[test]
    fn the_command_line_beats_the_scenario_which_beats_the_environment() {
        assert_eq!(Lang::choose(Some(Lang::Zh), Some("fr"), Lang::En), Lang::Zh);
        assert_eq!(Lang::choose(None, Some("fr"), Lang::Zh), Lang::Fr);
        assert_eq!(Lang::choose(None, Some("de"), Lang::Zh), Lang::Zh);
        assert_eq!(Lang::choose(None, None, Lang::Fr), Lang::Fr);
    }
}
