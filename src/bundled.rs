//! The scenarios bundled with Downtime, embedded in the binary at build time.

use crate::scenario::files::EmbeddedFiles;
use crate::scenario::load::{self, Loaded};
use crate::scenario::translation;

mod generated {
    include!(concat!(env!("OUT_DIR"), "/bundled.rs"));
}

/// The attachments the bundled scenarios may name.
pub const FILES: EmbeddedFiles = EmbeddedFiles::new(generated::FILES);

/// A bundled scenario file.
#[derive(Clone, Copy, Debug)]
pub struct Bundled {
    /// File name, e.g. `tutorial.ron`.
    pub name: &'static str,
    /// Its text.
    pub text: &'static str,
}

impl Bundled {
    /// How journals and messages name it: `bundled:tutorial.ron`.
    pub fn source(&self) -> String {
        format!("bundled:{}", self.name)
    }

    /// Loads and validates it.
    pub fn load(&self) -> Loaded {
        load::load_bytes(&self.source(), self.text.as_bytes(), &FILES)
    }

    /// Its bundled translations, as (language, file name, text), sorted by language.
    pub fn translations(&self) -> Vec<(&'static str, &'static str, &'static str)> {
        let stem = self.name.trim_end_matches(".ron");
        let mut v: Vec<_> = generated::TRANSLATIONS
            .iter()
            .filter_map(|&(name, text)| {
                let (base, lang) = translation::split_name(name)?;
                (base == stem).then_some((lang, name, text))
            })
            .collect();
        v.sort();
        v
    }

    /// The languages it can be played in: its own first, then its translations'.
    pub fn languages(&self) -> Vec<String> {
        let mut out: Vec<String> = self
            .load()
            .scenario
            .map(|s| vec![s.meta.language.clone()])
            .unwrap_or_default();
        for (lang, _, _) in self.translations() {
            if !out.iter().any(|l| translation::same_language(l, lang)) {
                out.push(lang.to_string());
            }
        }
        out
    }

    /// Loads it in a language: with its bundled translation when it has one (see
    /// [`load::load_file_translated`]), otherwise as it is.
    pub fn load_translated(&self, lang: Option<&str>) -> Loaded {
        let found = lang.and_then(|l| {
            self.translations()
                .into_iter()
                .find(|(t, _, _)| translation::same_language(t, l))
        });
        let Some((_, name, text)) = found else {
            return self.load();
        };
        let tr_name = format!("bundled:{name}");
        let t = load::load_translated_bytes(
            &self.source(),
            self.text.as_bytes(),
            &FILES,
            load::TranslationInput {
                name: &tr_name,
                bytes: text.as_bytes(),
            },
        );
        crate::scenario::translation::load::resolve(t)
    }
}

/// Every bundled scenario, tutorial first, then by file name.
pub fn all() -> Vec<Bundled> {
    let mut v: Vec<Bundled> = generated::SCENARIOS
        .iter()
        .map(|&(name, text)| Bundled { name, text })
        .collect();
    v.sort_by_key(|b| (b.name != "tutorial.ron", b.name));
    v
}

/// Finds a bundled scenario by file name, with or without `.ron` or `bundled:`.
pub fn find(name: &str) -> Option<Bundled> {
    let n = name.trim_start_matches("bundled:");
    all()
        .into_iter()
        .find(|b| b.name == n || b.name.trim_end_matches(".ron") == n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_tutorial_is_bundled_and_loads_with_its_attachment() {
        let t = find("tutorial").expect("tutorial is bundled");
        let loaded = t.load();
        assert_eq!(
            loaded.report.diagnostics,
            vec![],
            "{}",
            loaded.report.render_text(100)
        );
        let s = loaded.scenario.unwrap();
        assert!(s.injects.iter().any(|i| {
            i.attachment
                .as_ref()
                .is_some_and(|a| a.text.contains("ENCRYPTED"))
        }));
    }
}
