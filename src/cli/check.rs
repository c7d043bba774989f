//! `downtime check`: load and validate scenario files, print every diagnostic.

use std::path::PathBuf;
use std::process::ExitCode;

use crate::scenario::diagnostics::{Code, Diagnostic, Report};
use crate::scenario::load::{self, Loaded};
use crate::scenario::source::SourceFile;

use super::{CheckArgs, OutputFormat};

pub use crate::scenario::diagnostics::RENDER_WIDTH;

/// Expands the paths given on the command line: files as they are, folders to their `.ron`
/// files (sorted, not recursive).
pub fn expand(paths: &[PathBuf]) -> Result<Vec<PathBuf>, String> {
    let mut out = Vec::new();
    for p in paths {
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
    let (code, text) = check_to_string(args);
    let _ = crate::output::out(&text);
    code
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
}

/// Checks the files; returns the exit code, the text to print and the totals.
pub fn check_counted(args: &CheckArgs, layout: JsonLayout) -> Checked {
    let files = match expand(&args.paths) {
        Ok(f) => f,
        Err(e) => {
            let report = Report {
                source: SourceFile::new("downtime check", ""),
                diagnostics: vec![Diagnostic::whole_file(Code::Io, e)],
            };
            let text = match args.format {
                OutputFormat::Json => json(&[report], layout),
                OutputFormat::Text => report.render_text(RENDER_WIDTH),
            };
            return Checked {
                code: ExitCode::from(2),
                text,
                errors: 1,
                warnings: 0,
            };
        }
    };
    let loaded: Vec<Loaded> = files.iter().map(|f| load::load_file(f)).collect();
    let io_error = loaded.iter().any(|l| l.io_error);
    let reports: Vec<Report> = loaded.into_iter().map(|l| l.report).collect();
    let errors: usize = reports.iter().map(Report::errors).sum();
    let warnings: usize = reports.iter().map(Report::warnings).sum();
    let text = match args.format {
        OutputFormat::Json => json(&reports, layout),
        OutputFormat::Text => {
            let mut t = String::new();
            for r in &reports {
                t.push_str(&crate::text::sanitize_block(&r.render_text(RENDER_WIDTH)));
            }
            t.push_str(&summary(&files, &reports, errors, warnings));
            t
        }
    };
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
    }
}

fn summary(files: &[PathBuf], reports: &[Report], errors: usize, warnings: usize) -> String {
    let mut t = String::new();
    if errors == 0 && warnings == 0 {
        for f in files {
            t.push_str(&format!(
                "ok: {}\n",
                crate::text::sanitize_line(&f.display().to_string())
            ));
        }
    }
    let clean = reports.iter().filter(|r| r.diagnostics.is_empty()).count();
    t.push_str(&format!(
        "checked {} file{}: {} clean, {} error{}, {} warning{}\n",
        files.len(),
        plural(files.len()),
        clean,
        errors,
        plural(errors),
        warnings,
        plural(warnings)
    ));
    t
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
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

/// Loads one scenario for a command that needs it, printing its diagnostics on failure.
pub use crate::output::load_or_report;
