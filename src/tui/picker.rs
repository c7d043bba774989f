//! The scenario picker: the bundled scenarios, then the `.ron` files of `./scenarios`.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::bundled;
use crate::scenario::Scenario;
use crate::scenario::load;

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

fn facts(s: &Scenario) -> String {
    let mut parts = Vec::new();
    if let Some(d) = s.meta.duration {
        parts.push(format!(
            "about {}",
            crate::scenario::time::format_duration(d)
        ));
    }
    parts.push(format!(
        "{} team{}",
        s.teams.len(),
        if s.teams.len() == 1 { "" } else { "s" }
    ));
    parts.push(format!("{} injects", s.injects.len()));
    parts.join(" · ")
}

fn entry_of(source: String, fallback: &str, loaded: load::Loaded) -> Entry {
    match loaded.scenario {
        Some(s) => Entry {
            title: s.meta.title.clone(),
            summary: s.meta.summary.clone(),
            facts: facts(&s),
            source,
            scenario: Some(s),
            problems: None,
        },
        None => Entry {
            title: fallback.to_string(),
            summary: String::new(),
            facts: format!(
                "{} error{}: cannot be played",
                loaded.report.errors(),
                if loaded.report.errors() == 1 { "" } else { "s" }
            ),
            source,
            scenario: None,
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

    /// [`Picker::discover`], each scenario in `lang` when it has that translation.
    pub fn discover_in(dir: &Path, lang: Option<&str>) -> Self {
        let mut entries: Vec<Entry> = bundled::all()
            .into_iter()
            .map(|b| entry_of(b.source(), b.name, b.load_translated(lang)))
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
            entries.push(entry_of(source, &name, loaded));
        }
        Picker {
            entries,
            selected: 0,
            problems_open: None,
        }
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
