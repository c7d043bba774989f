//! The scenario picker: the bundled scenarios, then the `.ron` files of `./scenarios`.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::bundled;
use crate::i18n::Lang;
use crate::scenario::Scenario;
use crate::scenario::load;
use crate::tr;

/// One scenario that can be picked.
#[derive(Clone, Debug)]
pub struct Entry {
    /// Title (or the file name when it cannot be loaded).
    pub title: String,
    /// Summary.
    pub summary: String,
    /// Where it comes from, as journals name it: `bundled:NAME` or a path.
    pub source: String,
    /// Estimated duration, teams and injects, for the list.
    pub facts: String,
    /// The scenario, when it loads.
    pub scenario: Option<Arc<Scenario>>,
    /// Its diagnostics as plain text, when it does not load.
    pub problems: Option<String>,
    /// The languages it can be played in (BCP 47): its own first, then its translations'.
    pub languages: Vec<String>,
    /// Where to load it from again, in another language.
    origin: Origin,
}

/// Where a picker entry's scenario comes from.
#[derive(Clone, Debug)]
enum Origin {
    /// A bundled scenario, by file name.
    Bundled(&'static str),
    /// A file.
    File(PathBuf),
}

impl Entry {
    /// The language its texts are in now (`meta.language`), empty when it does not load.
    pub fn language(&self) -> &str {
        self.scenario
            .as_ref()
            .map_or("", |s| s.meta.language.as_str())
    }
}

/// The picker's state.
#[derive(Clone, Debug, Default)]
pub struct Picker {
    /// The scenarios.
    pub entries: Vec<Entry>,
    /// The highlighted one.
    pub selected: usize,
    /// The diagnostics shown for a broken file, scrolled by this many lines.
    pub problems_open: Option<u16>,
}

/// Estimated duration, teams and injects, in the interface's language.
fn facts(lang: Lang, s: &Scenario) -> String {
    let mut parts = Vec::new();
    if let Some(d) = s.meta.duration {
        parts.push(tr!(
            lang,
            "picker-about",
            duration = crate::i18n::format::duration(lang, d)
        ));
    }
    parts.push(tr!(lang, "picker-teams", n = s.teams.len()));
    parts.push(tr!(lang, "picker-injects", n = s.injects.len()));
    parts.join(" · ")
}

fn entry_of(
    lang: Lang,
    (source, origin, languages): (String, Origin, Vec<String>),
    fallback: &str,
    loaded: load::Loaded,
) -> Entry {
    match loaded.scenario {
        Some(s) => Entry {
            title: s.meta.title.clone(),
            summary: s.meta.summary.clone(),
            facts: facts(lang, &s),
            source,
            scenario: Some(s),
            problems: None,
            languages,
            origin,
        },
        None => Entry {
            title: fallback.to_string(),
            summary: String::new(),
            facts: tr!(lang, "picker-errors", n = loaded.report.errors()),
            source,
            scenario: None,
            languages,
            origin,
            problems: Some(
                loaded
                    .report
                    .render_text(crate::scenario::diagnostics::RENDER_WIDTH),
            ),
        },
    }
}

impl Picker {
    /// The bundled scenarios, then the `.ron` files of `dir` (sorted; files identical to a
    /// bundled scenario are listed once).
    pub fn discover(dir: &Path) -> Self {
        Self::discover_in(dir, None)
    }

    /// [`Picker::discover`], each scenario in `lang` when it has that translation, its
    /// facts written in `ui` (the interface's language).
    pub fn discover_in(dir: &Path, lang: Option<&str>) -> Self {
        let ui = lang.and_then(Lang::from_tag).unwrap_or_default();
        Self::discover_for(dir, lang, ui)
    }

    /// [`Picker::discover_in`] with the interface's language given.
    pub fn discover_for(dir: &Path, lang: Option<&str>, ui: Lang) -> Self {
        let mut entries: Vec<Entry> = bundled::all()
            .into_iter()
            .map(|b| {
                let at = (b.source(), Origin::Bundled(b.name), b.languages());
                entry_of(ui, at, b.name, b.load_translated(lang))
            })
            .collect();
        let hashes: Vec<String> = entries
            .iter()
            .filter_map(|e| e.scenario.as_ref().map(|s| s.hash.clone()))
            .collect();
        let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
            .map(|rd| {
                rd.filter_map(|e| e.ok().map(|e| e.path()))
                    .filter(|p| p.extension().is_some_and(|x| x == "ron") && p.is_file())
                    // A translation (`NAME.LANG.ron`) is not a scenario of its own.
                    .filter(|p| crate::scenario::translation::scenario_of(p).is_none())
                    .collect()
            })
            .unwrap_or_default();
        files.sort();
        for f in files {
            let loaded = load::load_file_translated(&f, lang);
            if loaded
                .scenario
                .as_ref()
                .is_some_and(|s| hashes.contains(&s.hash))
            {
                continue;
            }
            let source = std::fs::canonicalize(&f)
                .unwrap_or_else(|_| f.clone())
                .display()
                .to_string();
            let name = f.display().to_string();
            let languages = crate::scenario::translation::load::available_languages(&f);
            entries.push(entry_of(
                ui,
                (source, Origin::File(f), languages),
                &name,
                loaded,
            ));
        }
        Picker {
            entries,
            selected: 0,
            problems_open: None,
        }
    }

    /// Loads the highlighted scenario in its next language (its own, then each
    /// translation's, round again); `false` when it has only one.
    pub fn next_language(&mut self, ui: Lang) -> bool {
        let Some(e) = self.entries.get(self.selected) else {
            return false;
        };
        if e.languages.len() < 2 {
            return false;
        }
        let now = e
            .languages
            .iter()
            .position(|l| crate::scenario::translation::same_language(l, e.language()))
            .unwrap_or(0);
        let k = (now + 1) % e.languages.len();
        // The scenario's own language (the first) loads it as it is; any other, with its
        // translation.
        let want = (k > 0).then_some(e.languages[k].as_str());
        let loaded = match &e.origin {
            Origin::Bundled(name) => match bundled::find(name) {
                Some(b) => b.load_translated(want),
                None => return false,
            },
            Origin::File(p) => load::load_file_translated(p, want),
        };
        let at = (e.source.clone(), e.origin.clone(), e.languages.clone());
        let title = e.title.clone();
        self.entries[self.selected] = entry_of(ui, at, &title, loaded);
        true
    }

    /// Moves the highlight by `delta`, staying in the list.
    pub fn move_by(&mut self, delta: isize) {
        if self.entries.is_empty() {
            return;
        }
        let last = self.entries.len() as isize - 1;
        self.selected = (self.selected as isize + delta).clamp(0, last) as usize;
    }
}
