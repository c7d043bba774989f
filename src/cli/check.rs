//! `downtime check`: load and validate scenario files, print every diagnostic.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::scenario::diagnostics::{Code, Diagnostic, Report, TextStyle};
use crate::scenario::files::FsFiles;
use crate::scenario::load::{self, Loaded, MAX_FILE_SIZE};
use crate::scenario::source::SourceFile;
use crate::scenario::translation;

use super::{CheckArgs, CheckFormat};

/// The path that stands for standard input.
pub const STDIN: &str = "-";

pub use crate::scenario::diagnostics::RENDER_WIDTH;

/// Expands the paths given on the command line: files as they are, folders to their `.ron`
/// files (sorted, not recursive).
pub fn expand(paths: &[PathBuf]) -> Result<Vec<PathBuf>, String> {
    let mut out = Vec::new();
    for p in paths {
        if p.as_os_str() == STDIN {
            if out.iter().any(|f: &PathBuf| f.as_os_str() == STDIN) {
                return Err("standard input (`-`) can be checked only once".into());
            }
            out.push(p.clone());
            continue;
        }
        match std::fs::metadata(p) {
            Ok(m) if m.is_dir() => {
                let mut found: Vec<PathBuf> = std::fs::read_dir(p)
                    .map_err(|e| format!("cannot list `{}`: {e}", p.display()))?
                    .filter_map(|e| e.ok().map(|e| e.path()))
                    .filter(|f| f.extension().is_some_and(|x| x == "ron") && f.is_file())
                    .collect();
                found.sort();
                if found.is_empty() {
                    return Err(format!("`{}` holds no `.ron` scenario files", p.display()));
                }
                out.extend(found);
            }
            _ => out.push(p.clone()),
        }
    }
    Ok(out)
}

/// Checks the files and prints the result; returns the exit code.
pub fn run(args: &CheckArgs) -> ExitCode {
    if args.watch {
        return super::watch::run(args);
    }
    let c = check_counted(args, JsonLayout::Pretty);
    c.print();
    c.code
}

/// Checks the files; returns the exit code and the text to print.
pub fn check_to_string(args: &CheckArgs) -> (ExitCode, String) {
    let c = check_counted(args, JsonLayout::Pretty);
    (c.code, c.text)
}

/// How `--format json` output is laid out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JsonLayout {
    /// Indented over several lines, for one-shot runs.
    Pretty,
    /// On a single line, so that `--watch` prints one JSON document per line (JSON Lines).
    Line,
}

/// The outcome of checking files: exit code, text, and totals.
#[derive(Debug)]
pub struct Checked {
    /// The exit code.
    pub code: ExitCode,
    /// The text to print.
    pub text: String,
    /// Errors found (files that cannot be read count as errors).
    pub errors: usize,
    /// Warnings found.
    pub warnings: usize,
    /// Whether the text holds the text renderer's colours.
    pub colour: bool,
}

impl Checked {
    /// Prints the text on standard output (sanitised; the renderer's colours kept).
    pub fn print(&self) {
        let _ = if self.colour {
            crate::output::out_styled(&self.text)
        } else {
            crate::output::out(&self.text)
        };
    }
}

/// Loads one path: a file, or standard input for `-`.
fn load_one(path: &Path, stdin_name: Option<&Path>) -> Loaded {
    if path.as_os_str() != STDIN {
        if path.to_str().is_some_and(|p| p.starts_with("bundled:")) {
            return crate::stdio::load_scenario(path, None);
        }
        return load::load_file(path);
    }
    let name = stdin_name.map_or_else(|| "<stdin>".to_string(), |n| n.display().to_string());
    let mut bytes = Vec::new();
    let read = std::io::stdin()
        .lock()
        .take(MAX_FILE_SIZE + 1)
        .read_to_end(&mut bytes);
    if let Err(e) = read {
        let d = Diagnostic::whole_file(Code::Io, format!("cannot read standard input: {e}"));
        return Loaded {
            report: Report {
                source: SourceFile::new(&name, ""),
                diagnostics: vec![d],
            },
            scenario: None,
            io_error: true,
        };
    }
    let dir = stdin_name
        .and_then(Path::parent)
        .filter(|p| !p.as_os_str().is_empty());
    let files = FsFiles::new(dir.unwrap_or(Path::new(".")));
    load::load_bytes(&name, &bytes, &files)
}

/// Checks a translation file against its scenario: the translation's report, and whether a
/// file could not be read.
pub fn check_translation(scenario: &Path, tr: &Path) -> (Report, bool) {
    let tr_name = tr.display().to_string();
    let fail = |name: &str, code: Code, msg: String| {
        let report = Report {
            source: SourceFile::new(name, ""),
            diagnostics: vec![Diagnostic::whole_file(code, msg)],
        };
        (report, code == Code::Io)
    };
    let bytes = match load::read_capped(scenario, MAX_FILE_SIZE) {
        Ok(b) => b,
        Err((_, msg)) => return fail(&tr_name, Code::WrongScenario, msg),
    };
    let tr_bytes = match load::read_capped(tr, MAX_FILE_SIZE) {
        Ok(b) => b,
        Err((code, msg)) => return fail(&tr_name, code, msg),
    };
    let dir = scenario.parent().filter(|p| !p.as_os_str().is_empty());
    let files = FsFiles::new(dir.unwrap_or(Path::new(".")));
    let t = load::load_translated_bytes(
        &scenario.display().to_string(),
        &bytes,
        &files,
        load::TranslationInput {
            name: &tr_name,
            bytes: &tr_bytes,
        },
    );
    (t.report, false)
}

/// Renders reports in a format.
fn render(reports: &[Report], format: CheckFormat, layout: JsonLayout, style: TextStyle) -> String {
    let mut t = String::new();
    match format {
        CheckFormat::Json => return json(reports, layout),
        CheckFormat::Sarif => return sarif(reports, layout),
        CheckFormat::Text => {
            for r in reports {
                if style != TextStyle::default() && r.is_terminal_safe() {
                    t.push_str(&r.render_styled(RENDER_WIDTH, style));
                } else {
                    let plain = TextStyle {
                        colour: false,
                        ..style
                    };
                    t.push_str(&crate::text::sanitize_block(
                        &r.render_styled(RENDER_WIDTH, plain),
                    ));
                }
            }
        }
        CheckFormat::Concise => {
            for r in reports {
                t.push_str(&crate::text::sanitize_block(&r.render_concise()));
            }
        }
        CheckFormat::Github => {
            for r in reports {
                t.push_str(&crate::text::sanitize_block(&r.render_github()));
            }
        }
    }
    t
}

/// Checks the files; returns the exit code, the text to print and the totals.
pub fn check_counted(args: &CheckArgs, layout: JsonLayout) -> Checked {
    let style = match args.format {
        CheckFormat::Text => crate::output::diagnostics_style(),
        _ => TextStyle::default(),
    };
    let colour = style.colour;
    let files = match expand(&args.paths) {
        Ok(f) => f,
        Err(e) => {
            let report = Report {
                source: SourceFile::new("downtime check", ""),
                diagnostics: vec![Diagnostic::whole_file(Code::Io, e)],
            };
            return Checked {
                code: ExitCode::from(2),
                text: render(&[report], args.format, layout, style),
                errors: 1,
                warnings: 0,
                colour,
            };
        }
    };
    let mut io_error = false;
    let mut reports: Vec<Report> = Vec::new();
    let mut done: Vec<PathBuf> = Vec::new();
    for f in &files {
        if f.as_os_str() != STDIN
            && let Some(scenario) = translation::scenario_of(f)
        {
            if !done.contains(f) {
                done.push(f.clone());
                let (r, io) = check_translation(&scenario, f);
                io_error |= io;
                reports.push(r);
            }
            continue;
        }
        let l = load_one(f, args.stdin_filename.as_deref());
        io_error |= l.io_error;
        let ok = l.scenario.is_some();
        reports.push(l.report);
        if f.as_os_str() == STDIN || !ok {
            continue;
        }
        // The translations beside a scenario are checked with it.
        for (_, t) in translation::beside(f) {
            if !done.contains(&t) {
                done.push(t.clone());
                let (r, io) = check_translation(f, &t);
                io_error |= io;
                reports.push(r);
            }
        }
    }
    let errors: usize = reports.iter().map(Report::errors).sum();
    let warnings: usize = reports.iter().map(Report::warnings).sum();
    let mut text = render(&reports, args.format, layout, style);
    if args.format == CheckFormat::Text {
        let lang = args
            .lang
            .as_deref()
            .and_then(crate::i18n::Lang::from_tag)
            .unwrap_or_else(crate::wall::env_lang);
        text.push_str(&summary(lang, &reports, errors, warnings));
    }
    let code = if io_error {
        2
    } else if errors > 0 || (args.deny_warnings && warnings > 0) {
        1
    } else {
        0
    };
    Checked {
        code: ExitCode::from(code),
        text,
        errors,
        warnings,
        colour,
    }
}

fn summary(lang: crate::i18n::Lang, reports: &[Report], errors: usize, warnings: usize) -> String {
    let mut t = String::new();
    if errors == 0 && warnings == 0 {
        for r in reports {
            t.push_str(&crate::tr!(
                lang,
                "check-ok",
                file = crate::text::sanitize_line(&r.source.name)
            ));
            t.push('\n');
        }
    }
    let clean = reports.iter().filter(|r| r.diagnostics.is_empty()).count();
    t.push_str(&crate::tr!(
        lang,
        "check-summary",
        files = reports.len(),
        clean = clean,
        errors = errors,
        warnings = warnings
    ));
    t.push('\n');
    t
}

fn json(reports: &[Report], layout: JsonLayout) -> String {
    let all: Vec<_> = reports.iter().flat_map(Report::to_json).collect();
    let s = match layout {
        JsonLayout::Pretty => serde_json::to_string_pretty(&all),
        JsonLayout::Line => serde_json::to_string(&all),
    };
    let mut s = s.unwrap_or_else(|_| "[]".into());
    s.push('\n');
    crate::text::escape_json(s)
}

fn sarif(reports: &[Report], layout: JsonLayout) -> String {
    let log = crate::scenario::sarif::log(reports);
    let s = match layout {
        JsonLayout::Pretty => serde_json::to_string_pretty(&log),
        JsonLayout::Line => serde_json::to_string(&log),
    };
    let mut s = s.unwrap_or_else(|_| "{}".into());
    s.push('\n');
    crate::text::escape_json(s)
}

/// Loads one scenario for a command that needs it, printing its diagnostics on failure.
pub use crate::output::load_or_report;
