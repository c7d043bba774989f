//! Finding the scenario a journal was recorded with (for `report`, `present`, `play
//! --resume` and `run --resume` alike).
//!
//! In order: the `--scenario` file when given; a bundled scenario for `bundled:NAME`; the
//! recorded path as is, then relative to the journal's folder; finally any bundled
//! scenario whose bytes have the journal's hash. A file whose hash differs from the
//! journal's is used with a warning, unless a bundled scenario matches the hash exactly.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::bundled;
use crate::journal::Header;
use crate::scenario::Scenario;
use crate::scenario::diagnostics::RENDER_WIDTH;
use crate::scenario::load::{self, Loaded};
use crate::text::{sanitize_block, sanitize_line};

/// A scenario found for a journal.
#[derive(Clone, Debug)]
pub struct Found {
    /// The compiled scenario.
    pub scenario: Arc<Scenario>,
    /// Where it came from, for messages.
    pub origin: String,
    /// Problems worth telling the reader (e.g. a changed file).
    pub warnings: Vec<Changed>,
}

/// What changed since the journal was recorded, worth a warning.
#[derive(Clone, Debug, PartialEq)]
pub enum Changed {
    /// The scenario file's bytes differ from the journal's hash.
    Scenario {
        /// Where it was found.
        origin: String,
        /// The version recorded.
        then: String,
        /// The file's version now.
        now: String,
    },
    /// The translation differs from the one recorded (or cannot be found).
    Translation {
        /// Its language.
        language: String,
        /// Where the scenario was found.
        origin: String,
    },
}

impl Changed {
    /// The warning in `lang` (ids and paths as they are).
    pub fn text(&self, lang: crate::i18n::Lang) -> String {
        match self {
            Changed::Scenario { origin, then, now } => crate::tr!(
                lang,
                "source-scenario-changed",
                origin = sanitize_line(origin),
                then = sanitize_line(then),
                now = sanitize_line(now)
            ),
            Changed::Translation { language, origin } => crate::tr!(
                lang,
                "source-translation-changed",
                language = sanitize_line(language),
                origin = sanitize_line(origin)
            ),
        }
    }
}

/// Finds and loads the scenario of a journal; `explicit` is the `--scenario` file.
pub fn find(journal: &Path, header: &Header, explicit: Option<&Path>) -> Result<Found, String> {
    let (loaded, origin) = match explicit {
        Some(p) => (
            load::load_file_translated(p, header.translation_language()),
            p.display().to_string(),
        ),
        None => locate(journal, header)?,
    };
    let scenario = usable(loaded, &origin)?;
    if scenario.meta.id != header.scenario_id {
        return Err(format!(
            "{} is scenario `{}`, but the journal was recorded with `{}`",
            sanitize_line(&origin),
            sanitize_line(&scenario.meta.id),
            sanitize_line(&header.scenario_id)
        ));
    }
    let mut warnings = Vec::new();
    if scenario.hash != header.scenario_hash {
        if explicit.is_none()
            && let Some(b) = by_hash(&header.scenario_hash)
        {
            let origin = b.source();
            let scenario = usable(b.load_translated(header.translation_language()), &origin)?;
            return Ok(Found {
                scenario,
                origin,
                warnings,
            });
        }
        warnings.push(Changed::Scenario {
            origin: origin.clone(),
            then: header.scenario_version.clone(),
            now: scenario.meta.version.clone(),
        });
    }
    if scenario.translation_hash != header.translation_hash {
        warnings.push(Changed::Translation {
            language: header.language.clone(),
            origin: origin.clone(),
        });
    }
    Ok(Found {
        scenario,
        origin,
        warnings,
    })
}

/// Where the journal's scenario lives, without `--scenario`.
fn locate(journal: &Path, header: &Header) -> Result<(Loaded, String), String> {
    let source = header.scenario_source.as_str();
    if let Some(name) = source.strip_prefix("bundled:") {
        if let Some(b) = bundled::find(name) {
            return Ok((b.load_translated(header.translation_language()), b.source()));
        }
    } else if !source.is_empty() {
        for p in candidates(journal, Path::new(source)) {
            if p.is_file() {
                let loaded = load::load_file_translated(&p, header.translation_language());
                return Ok((loaded, p.display().to_string()));
            }
        }
    }
    if let Some(b) = by_hash(&header.scenario_hash) {
        return Ok((b.load_translated(header.translation_language()), b.source()));
    }
    Err(format!(
        "cannot find the scenario `{}` that {} was recorded with; pass it with --scenario FILE",
        sanitize_line(source),
        sanitize_line(&journal.display().to_string())
    ))
}

/// The recorded path, then the same path relative to the journal's folder.
fn candidates(journal: &Path, source: &Path) -> Vec<PathBuf> {
    let mut v = vec![source.to_path_buf()];
    if source.is_relative()
        && let Some(dir) = journal.parent().filter(|d| !d.as_os_str().is_empty())
    {
        v.push(dir.join(source));
    }
    v
}

/// The bundled scenario whose bytes hash to `hash`.
fn by_hash(hash: &str) -> Option<bundled::Bundled> {
    bundled::all()
        .into_iter()
        .find(|b| load::hash_bytes(b.text.as_bytes()) == hash)
}

/// The scenario, or its diagnostics as the error.
fn usable(loaded: Loaded, origin: &str) -> Result<Arc<Scenario>, String> {
    match loaded.scenario {
        Some(s) => Ok(s),
        None => Err(format!(
            "{}{} cannot be used until its errors are fixed",
            sanitize_block(&loaded.report.render_text(RENDER_WIDTH)),
            sanitize_line(origin)
        )),
    }
}
