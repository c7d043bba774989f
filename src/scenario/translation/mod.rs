//! Scenario translations: a file `NAME.LANG.ron` beside `NAME.ron` holds the scenario's texts
//! in another language, by key (see [`keys`]), and nothing else: the logic stays in the
//! scenario. The texts are applied to the authored model before validation, so the compiled
//! scenario is the same exercise with other words.
//!
//! ```ron
//! Translation(
//!     format: 1,
//!     language: "fr",
//!     scenario: "saturday-night-blackout",
//!     texts: { "meta.title": "Samedi soir, écran noir" },
//!     attachments: { "attachments/note.txt": "attachments/note.fr.txt" },
//! )
//! ```

pub mod check;
pub mod keys;
pub mod load;
pub mod skeleton;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use serde::de::{MapAccess, Visitor};

use super::de::{self, Spanned};
use super::diagnostics::Diagnostic;
use super::model::ScenarioFile;
use super::source::SourceFile;
use super::syntax::{self, Limits};

pub use keys::{apply, keys, texts};

/// The version of the translation format.
pub const TRANSLATION_FORMAT: u32 = 1;

/// A translation file, written `Translation( ... )`.
#[derive(Clone, Debug, Deserialize)]
#[serde(rename = "Translation", deny_unknown_fields)]
pub struct TranslationFile {
    /// Format version: 1.
    pub format: Spanned<u32>,
    /// BCP 47 tag of the texts, e.g. `fr` or `zh-Hans`.
    pub language: Spanned<String>,
    /// The `meta.id` of the scenario it translates.
    pub scenario: Spanned<String>,
    /// The texts, by key (`inject.ID.title`, ...).
    #[serde(default)]
    pub texts: Spanned<Pairs>,
    /// Attachments replaced by translated files: the name the scenario gives, the file to use.
    #[serde(default)]
    pub attachments: Spanned<Pairs>,
}

/// A map of strings, in file order, each key and value with its span.
#[derive(Clone, Debug, Default)]
pub struct Pairs(pub Vec<(Spanned<String>, Spanned<String>)>);

impl Pairs {
    /// The pairs as a map (the first of duplicate keys wins).
    pub fn to_map(&self) -> BTreeMap<String, String> {
        let mut m = BTreeMap::new();
        for (k, v) in &self.0 {
            m.entry(k.value.clone()).or_insert_with(|| v.value.clone());
        }
        m
    }
}

impl<'de> Deserialize<'de> for Pairs {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Pairs;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a map of strings, `{\"key\": \"text\"}`")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Pairs, A::Error> {
                let mut out = Vec::new();
                while let Some(k) = map.next_key::<Spanned<String>>()? {
                    out.push((k, map.next_value::<Spanned<String>>()?));
                }
                Ok(Pairs(out))
            }
        }
        d.deserialize_map(V)
    }
}

/// Parses a translation file; every syntax, type and unknown-field problem is a diagnostic.
pub fn parse(source: &SourceFile) -> (Option<TranslationFile>, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let parsed = syntax::parse_all(&source.text, &Limits::default());
    let syntax_errors = parsed.errors.len();
    for (i, e) in parsed.errors.into_iter().enumerate() {
        diags.push(super::load::syntax_diagnostic(source, e, i == 0));
    }
    let Some(doc) = parsed.document else {
        return (None, diags);
    };
    let out = de::from_node_all::<TranslationFile>(&doc.value);
    let type_errors = out.errors.len();
    diags.extend(out.errors.into_iter().map(super::load::type_diagnostic));
    diags.extend(out.unknown.into_iter().map(super::load::unknown_diagnostic));
    let value = out.value.filter(|_| syntax_errors == 0 && type_errors == 0);
    (value, diags)
}

/// Applies a translation to a scenario file: its texts, its attachments and its language.
pub fn apply_translation(file: &mut ScenarioFile, tr: &TranslationFile) {
    apply(file, &tr.texts.value.to_map());
    let swap = tr.attachments.value.to_map();
    for inj in &mut file.injects {
        if let Some(a) = &mut inj.attachment
            && let Some(to) = swap.get(&a.value).filter(|t| !t.is_empty())
        {
            to.clone_into(&mut a.value);
        }
    }
    tr.language.value.clone_into(&mut file.meta.language.value);
}

/// Whether `tag` has the shape of a BCP 47 language tag: a language of 2 or 3 letters, then
/// subtags of 1 to 8 letters or digits, joined by `-` (`fr`, `zh-Hans`, `pt-BR`).
pub fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let lang = parts.next().unwrap_or_default();
    (2..=3).contains(&lang.len())
        && lang.bytes().all(|b| b.is_ascii_alphabetic())
        && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// Whether two language tags name the same language (tags ignore case).
pub fn same_language(a: &str, b: &str) -> bool {
    a.eq_ignore_ascii_case(b)
}

/// `NAME.LANG.ron` as (`NAME`, `LANG`), for any file name with two dots before `ron`.
pub fn split_name(file_name: &str) -> Option<(&str, &str)> {
    let stem = file_name.strip_suffix(".ron")?;
    let (base, lang) = stem.rsplit_once('.')?;
    (!base.is_empty() && !lang.is_empty()).then_some((base, lang))
}

/// The scenario a translation file translates: `NAME.ron` beside `NAME.LANG.ron`, when that
/// file exists; `None` for any other path.
pub fn scenario_of(path: &Path) -> Option<PathBuf> {
    let name = path.file_name()?.to_str()?;
    let (base, _) = split_name(name)?;
    let p = path.with_file_name(format!("{base}.ron"));
    p.is_file().then_some(p)
}

/// The language a translation's file name gives (`fr` for `x.fr.ron`).
pub fn name_language(path: &Path) -> Option<&str> {
    split_name(path.file_name()?.to_str()?).map(|(_, l)| l)
}

/// The translation files beside a scenario file (`NAME.LANG.ron` for `NAME.ron`), as
/// (`LANG`, path), sorted by language.
pub fn beside(scenario: &Path) -> Vec<(String, PathBuf)> {
    let Some(stem) = scenario
        .file_name()
        .and_then(|n| n.to_str())
        .and_then(|n| n.strip_suffix(".ron"))
    else {
        return Vec::new();
    };
    let dir = scenario
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let Ok(rd) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut out: Vec<(String, PathBuf)> = rd
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            let name = e.file_name().to_str()?.to_string();
            let (base, lang) = split_name(&name)?;
            (base == stem && e.path().is_file())
                .then(|| (lang.to_string(), scenario.with_file_name(&name)))
        })
        .collect();
    out.sort();
    out
}

/// The translation beside a scenario file for a language (tags compared ignoring case).
pub fn find_beside(scenario: &Path, lang: &str) -> Option<PathBuf> {
    beside(scenario)
        .into_iter()
        .find(|(l, _)| same_language(l, lang))
        .map(|(_, p)| p)
}

#[cfg(test)]
mod tests;
