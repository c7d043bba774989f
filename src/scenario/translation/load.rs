//! Loading a scenario with a translation: the scenario is read and checked as usual, the
//! translation is checked against it, its texts replace the originals in the authored model,
//! and the result is validated and compiled again (`meta.language` is then the
//! translation's, and `translation_hash` the hash of its bytes).

use std::path::Path;
use std::sync::Arc;

use super::{check, find_beside, name_language, parse};
use crate::scenario::diagnostics::{Code, Diagnostic, Report, Severity};
use crate::scenario::files::{Files, FsFiles};
use crate::scenario::load::{
    Loaded, MAX_FILE_SIZE, hash_bytes, load_bytes, load_file, model_of, read_capped,
};
use crate::scenario::source::SourceFile;
use crate::scenario::validate;

/// A translation file to load a scenario with: its name (for diagnostics) and bytes.
#[derive(Clone, Copy, Debug)]
pub struct TranslationInput<'a> {
    /// The name shown in diagnostics, e.g. `scenarios/x.fr.ron`; its `.LANG` part must be
    /// the translation's language.
    pub name: &'a str,
    /// The file's bytes.
    pub bytes: &'a [u8],
}

/// A scenario loaded with a translation.
#[derive(Clone, Debug)]
pub struct Translated {
    /// The scenario's own diagnostics, and the translated scenario when both files are
    /// free of errors.
    pub loaded: Loaded,
    /// The translation's diagnostics (warnings too).
    pub report: Report,
}

fn whole(name: &str, code: Code, msg: String) -> Report {
    Report {
        source: SourceFile::new(name, ""),
        diagnostics: vec![Diagnostic::whole_file(code, msg)],
    }
}

/// Loads a scenario (`name`, `bytes`, attachments from `files`) with a translation.
pub fn load_translated_bytes(
    name: &str,
    bytes: &[u8],
    files: &dyn Files,
    tr: TranslationInput<'_>,
) -> Translated {
    let mut loaded = load_bytes(name, bytes, files);
    if loaded.scenario.is_none() {
        let report = whole(
            tr.name,
            Code::WrongScenario,
            format!("its scenario `{name}` has errors; check the scenario first"),
        );
        return Translated { loaded, report };
    }
    if tr.bytes.len() as u64 > MAX_FILE_SIZE {
        let msg = format!(
            "`{}` is larger than the {} MiB limit",
            tr.name,
            MAX_FILE_SIZE >> 20
        );
        let report = whole(tr.name, Code::TooLarge, msg);
        return fail(loaded, report);
    }
    let Ok(text) = std::str::from_utf8(tr.bytes) else {
        let msg = format!("`{}` is not UTF-8 text", tr.name);
        return fail(loaded, whole(tr.name, Code::NotUtf8, msg));
    };
    let source = SourceFile::new(tr.name, text);
    if source.text.trim().is_empty() {
        let msg = format!("`{}` is empty", tr.name);
        return fail(loaded, whole(tr.name, Code::EmptyFile, msg));
    }
    let (file, mut diags) = parse(&source);
    let scenario_text = std::str::from_utf8(bytes).unwrap_or_default();
    let scenario_source = SourceFile::new(name, scenario_text);
    let (model, _) = model_of(&scenario_source);
    if let (Some(tf), Some(mut model)) = (file, model) {
        diags.extend(check::check(
            &tf,
            &model,
            name_language(Path::new(tr.name)),
            files,
        ));
        if !diags.iter().any(|d| d.severity() == Severity::Error) {
            super::apply_translation(&mut model, &tf);
            let (s, vd) = validate::validate(&scenario_source, model, files, hash_bytes(bytes));
            let errors: Vec<Diagnostic> = vd
                .into_iter()
                .filter(|d| d.severity() == Severity::Error)
                .collect();
            loaded.scenario = s.filter(|_| errors.is_empty()).map(|mut s| {
                s.translation_hash = Some(hash_bytes(tr.bytes));
                Arc::new(s)
            });
            loaded.report.diagnostics.extend(errors);
            loaded.report.sort();
        } else {
            loaded.scenario = None;
        }
    } else {
        loaded.scenario = None;
    }
    let mut report = Report {
        source,
        diagnostics: diags,
    };
    report.sort();
    Translated { loaded, report }
}

fn fail(mut loaded: Loaded, report: Report) -> Translated {
    loaded.scenario = None;
    Translated { loaded, report }
}

/// Loads a scenario file in a language: with `NAME.LANG.ron` beside it when there is one,
/// otherwise (no `lang`, the scenario's own language, no such translation) as it is; the
/// caller compares `meta.language` with what it asked for. A translation with errors makes
/// the load fail with the translation's errors.
pub fn load_file_translated(path: &Path, lang: Option<&str>) -> Loaded {
    let Some(tr_path) = lang.and_then(|l| find_beside(path, l)) else {
        return load_file(path);
    };
    let name = path.display().to_string();
    let tr_name = tr_path.display().to_string();
    let read = |p: &Path, n: &str| {
        read_capped(p, MAX_FILE_SIZE).map_err(|(code, msg)| Loaded {
            report: whole(n, code, msg),
            scenario: None,
            io_error: code == Code::Io,
        })
    };
    let bytes = match read(path, &name) {
        Ok(b) => b,
        Err(l) => return l,
    };
    let tr_bytes = match read(&tr_path, &tr_name) {
        Ok(b) => b,
        Err(l) => return l,
    };
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty());
    let files = FsFiles::new(dir.unwrap_or(Path::new(".")));
    let t = load_translated_bytes(
        &name,
        &bytes,
        &files,
        TranslationInput {
            name: &tr_name,
            bytes: &tr_bytes,
        },
    );
    resolve(t)
}

/// The outcome of a translated load for a command: the scenario's errors first, then the
/// translation's (its warnings are for `check`).
pub fn resolve(t: Translated) -> Loaded {
    if t.loaded.scenario.is_some() || t.loaded.report.errors() > 0 {
        return t.loaded;
    }
    let mut report = t.report;
    report
        .diagnostics
        .retain(|d| d.severity() == Severity::Error);
    Loaded {
        report,
        scenario: None,
        io_error: false,
    }
}

/// The languages a scenario file can be played in: its own `meta.language` first, then
/// those of the translations beside it, sorted.
pub fn available_languages(path: &Path) -> Vec<String> {
    let mut out = Vec::new();
    if let Ok(bytes) = read_capped(path, MAX_FILE_SIZE)
        && let Ok(text) = std::str::from_utf8(&bytes)
        && let (Some(model), _) = model_of(&SourceFile::new("", text))
    {
        out.push(model.meta.language.value);
    }
    for (lang, _) in super::beside(path) {
        if !out.iter().any(|l| super::same_language(l, &lang)) {
            out.push(lang);
        }
    }
    out
}
