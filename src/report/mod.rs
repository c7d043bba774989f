//! After-action reports (HSEEP-style AAR/IP drafts) from exercise journals.
//!
//! `downtime report JOURNAL... [--format md|json|html|docx] [-o FILE]` replays each journal
//! against its scenario, builds one [`model::Report`] per journal (overview, objectives
//! and ratings, checks, decisions, timeline, metric, system and service series,
//! deadlines, ending and score, hot-wash questions, improvement plan), and renders it.
//! With several journals of the same scenario, a [`compare::Comparison`] comes first:
//! a leaderboard and the decisions where the groups parted ways.
//!
//! Reports are deterministic: the same journal gives the same bytes. Real times are the
//! journal's `started_at` plus each entry's offset and the interruptions its heartbeats
//! record before it; the wall clock is never read.
//! The console's end screen calls [`write_beside`].
//!
//! The JSON schema is documented in `docs/report-schema.md`. To see how an HTML report
//! looks on screen and on paper, `scripts/render-report.sh JOURNAL_OR_HTML [OUT_DIR]`
//! renders it in headless Chromium (a PNG screenshot and an A4 PDF through the print
//! stylesheet). Golden outputs of the tests are in `tests/golden/`.

pub mod atomic;
mod axis;
mod build;
pub mod charts;
pub mod compare;
pub mod fmt;
pub mod html;
mod json;
pub mod luck;
mod markdown;
pub mod model;
pub mod outline;
mod svg;
mod trace;
mod values;
pub mod votes;
pub mod word;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

pub use atomic::write_atomic;
pub use model::{Document, DocumentKind, Report, SCHEMA_VERSION};

use crate::errln;
use crate::i18n::Lang;
use crate::journal::{self, JournalError, source};
use crate::text::sanitize_line;

/// Why a report could not be made, with the exit code to use.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Failure {
    /// 2 when a file cannot be read or written, 1 when its content is the problem.
    pub code: u8,
    /// What went wrong, safe to print.
    pub message: String,
}

impl Failure {
    fn io(message: String) -> Self {
        Failure { code: 2, message }
    }
    fn content(message: String) -> Self {
        Failure { code: 1, message }
    }
}

/// A built document and the warnings worth printing on stderr.
#[derive(Clone, Debug)]
pub struct Built {
    /// The document.
    pub document: Document,
    /// Warnings (already in the reports too).
    pub warnings: Vec<String>,
}

/// The name a report gives a journal: its file name.
fn file_name(p: &Path) -> String {
    p.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| p.display().to_string())
}

/// Builds the document for journals; `scenario` is the `--scenario` override. Ended
/// exercises get the skill-and-luck section with the default [`crate::analysis::Config`].
pub fn build(journals: &[PathBuf], scenario: Option<&Path>) -> Result<Built, Failure> {
    build_with(
        journals,
        scenario,
        Some(&crate::analysis::Config::default()),
    )
}

/// [`build`], with the analysis to run (`None`: no skill-and-luck section). Each report
/// is in its scenario's language (`meta.language`, or its translation's), else English.
pub fn build_with(
    journals: &[PathBuf],
    scenario: Option<&Path>,
    analysis: Option<&crate::analysis::Config>,
) -> Result<Built, Failure> {
    build_in(journals, scenario, analysis, None, Lang::En)
}

/// [`build_with`], in a language: `asked` (`--lang`) when given, else the scenario's
/// (`meta.language`, or its translation's), else `env` (the environment's).
pub fn build_in(
    journals: &[PathBuf],
    scenario: Option<&Path>,
    analysis: Option<&crate::analysis::Config>,
    asked: Option<Lang>,
    env: Lang,
) -> Result<Built, Failure> {
    if journals.is_empty() {
        return Err(Failure::io("no journal given".into()));
    }
    if journals.iter().filter(|p| crate::stdio::is_dash(p)).count() > 1 {
        return Err(Failure::io(
            "standard input (`-`) can be read only once".into(),
        ));
    }
    let mut read = Vec::with_capacity(journals.len());
    for p in journals {
        let j = journal::read_journal_arg(p).map_err(|e| match e {
            JournalError::Io(m) => Failure::io(sanitize_line(&m)),
            e @ JournalError::Corrupt { .. } => Failure::content(sanitize_line(&e.to_string())),
        })?;
        read.push(j);
    }
    if read
        .iter()
        .any(|j| j.header.scenario_id != read[0].header.scenario_id)
    {
        let list: Vec<String> = journals
            .iter()
            .zip(&read)
            .map(|(p, j)| {
                format!(
                    "{} played `{}` ({})",
                    sanitize_line(&file_name(p)),
                    sanitize_line(&j.header.scenario_id),
                    sanitize_line(&j.header.scenario_title)
                )
            })
            .collect();
        return Err(Failure::content(format!(
            "cannot compare journals of different scenarios: {}; give journals of one scenario",
            list.join(", ")
        )));
    }
    let mut reports = Vec::with_capacity(read.len());
    let mut warnings = Vec::new();
    for (p, j) in journals.iter().zip(&read) {
        let found = source::find(p, &j.header, scenario).map_err(Failure::content)?;
        let name = file_name(p);
        let lang = Lang::choose(asked, Some(&found.scenario.meta.language), env);
        let changed = found.warnings.iter().map(|w| w.text(lang)).collect();
        let r = build::report(found.scenario, j, &name, changed, analysis, lang)
            .map_err(|m| Failure::content(format!("{}: {m}", sanitize_line(&name))))?;
        for w in &r.warnings {
            warnings.push(format!("{}: {w}", sanitize_line(&name)));
        }
        reports.push(r);
    }
    Ok(Built {
        document: document_of_reports(reports),
        warnings,
    })
}

/// The document of reports already built (see [`document_of`]): a single report, or with
/// several, their comparison first and group labels made unique.
pub fn document_of_reports(mut reports: Vec<Report>) -> Document {
    unique_labels(&mut reports);
    let comparison = (reports.len() > 1).then(|| compare::compare(&reports));
    Document {
        schema_version: SCHEMA_VERSION,
        kind: if comparison.is_some() {
            DocumentKind::Comparison
        } else {
            DocumentKind::Report
        },
        reports,
        comparison,
    }
}

/// The report document of one journal already read, against a scenario already loaded
/// (for tools and fuzzing, which have no files on disk). Without the skill-and-luck
/// section; see [`document_with`].
pub fn document_of(
    scenario: std::sync::Arc<crate::scenario::Scenario>,
    journal: &journal::ReadJournal,
    name: &str,
) -> Result<Document, String> {
    document_with(scenario, journal, name, None)
}

/// [`document_of`], with the analysis to run for the skill-and-luck section.
pub fn document_with(
    scenario: std::sync::Arc<crate::scenario::Scenario>,
    journal: &journal::ReadJournal,
    name: &str,
    analysis: Option<&crate::analysis::Config>,
) -> Result<Document, String> {
    let lang = Lang::of_scenario(&scenario);
    let report = build::report(scenario, journal, name, Vec::new(), analysis, lang)?;
    Ok(Document {
        schema_version: SCHEMA_VERSION,
        kind: DocumentKind::Report,
        reports: vec![report],
        comparison: None,
    })
}

/// Makes group labels unique by numbering repeats: `Team (2)`.
fn unique_labels(reports: &mut [Report]) {
    let labels: Vec<String> = reports.iter().map(|r| r.label.clone()).collect();
    for (i, r) in reports.iter_mut().enumerate() {
        let before = labels[..i].iter().filter(|l| **l == labels[i]).count();
        if before > 0 {
            r.label = format!("{} ({})", labels[i], before + 1);
        }
    }
}

/// A report's format.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Format {
    /// Markdown.
    #[default]
    Md,
    /// JSON (versioned schema).
    Json,
    /// One self-contained HTML file.
    Html,
    /// An editable Word document (binary: see [`render_bytes`]).
    Docx,
}

impl Format {
    /// Whether the format is binary (never written to a terminal unasked).
    pub fn is_binary(self) -> bool {
        self == Format::Docx
    }
}

/// What `downtime report` is asked to do.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// One journal, or several of the same scenario for a comparison.
    pub journals: Vec<PathBuf>,
    /// The format.
    pub format: Format,
    /// The file to write (default: standard output).
    pub output: Option<PathBuf>,
    /// The scenario, when a journal's own cannot be found.
    pub scenario: Option<PathBuf>,
    /// Keep the letter grade (left out by default: score and grade are for the facilitator).
    pub grade: bool,
    /// Leave out the skill-and-luck section (faster).
    pub no_analysis: bool,
    /// The language asked for (`--lang`); without it, the scenario's, else the
    /// environment's (`LC_ALL`, `LC_MESSAGES`, `LANG`).
    pub lang: Option<String>,
}

/// Leaves every letter grade out of a document (reports and comparison).
pub fn without_grades(doc: &mut Document) {
    for r in &mut doc.reports {
        r.results.score.grade = None;
    }
    if let Some(c) = &mut doc.comparison {
        for st in &mut c.leaderboard {
            st.grade = None;
        }
    }
}

/// Renders a document in a text format; for [`Format::Docx`], the text the Word document
/// shows (its bytes come from [`render_bytes`]).
pub fn render(doc: &Document, format: Format) -> String {
    match format {
        Format::Md => markdown::render(doc),
        Format::Json => json::render(doc),
        Format::Html => html::render(doc),
        Format::Docx => word::document(doc).visible_text(),
    }
}

/// Renders a document as the bytes of a file in a format; `Err` when the Word writer
/// fails.
pub fn render_bytes(doc: &Document, format: Format) -> Result<Vec<u8>, String> {
    match format {
        Format::Docx => crate::print::docx::write(&word::document(doc)),
        _ => Ok(render(doc, format).into_bytes()),
    }
}

/// `downtime report`.
pub fn run(opts: &Options) -> ExitCode {
    if opts.format.is_binary() && opts.output.is_none() && crate::output::stdout_is_terminal() {
        errln!(
            "downtime report: --format docx writes a Word document, not text: give -o FILE.docx \
             (or -o - to write it to standard output anyway)"
        );
        return ExitCode::from(2);
    }
    let analysis = (!opts.no_analysis).then(crate::analysis::Config::default);
    let asked = opts.lang.as_deref().and_then(Lang::from_tag);
    let env = Lang::from_env(|k| std::env::var(k).ok());
    let built = match build_in(
        &opts.journals,
        opts.scenario.as_deref(),
        analysis.as_ref(),
        asked,
        env,
    ) {
        Ok(b) => b,
        Err(f) => {
            errln!("downtime report: {}", f.message);
            return ExitCode::from(f.code);
        }
    };
    let says = asked.unwrap_or(env);
    for w in &built.warnings {
        errln!("{}", crate::tr!(says, "warning-line", text = w.as_str()));
    }
    let mut doc = built.document;
    if !opts.grade {
        without_grades(&mut doc);
    }
    let bytes = match render_bytes(&doc, opts.format) {
        Ok(b) => b,
        Err(m) => {
            errln!("downtime report: {}", sanitize_line(&m));
            return ExitCode::from(2);
        }
    };
    match &opts.output {
        Some(path) if !crate::stdio::is_dash(path) => match write_atomic(path, &bytes) {
            Ok(()) => {
                errln!("wrote {}", path.display());
                ExitCode::SUCCESS
            }
            Err(e) => {
                errln!("downtime report: cannot write {}: {e}", path.display());
                ExitCode::from(2)
            }
        },
        _ => match if opts.format.is_binary() {
            crate::output::out_raw(&bytes)
        } else {
            crate::output::out(&String::from_utf8_lossy(&bytes))
        } {
            Ok(()) => ExitCode::SUCCESS,
            // A closed pipe (`| head`) is not worth a message.
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
            Err(e) => {
                errln!("downtime report: cannot write the report: {e}");
                ExitCode::from(2)
            }
        },
    }
}

/// The path [`write_beside`] writes to: the journal's path with the `.html` extension.
pub fn beside_path(journal: &Path) -> PathBuf {
    journal.with_extension("html")
}

/// Reads a journal, writes its HTML report next to it (same stem, `.html`) atomically,
/// and returns the report's path. For the console's end screen.
pub fn write_beside(journal: &Path) -> Result<PathBuf, String> {
    write_beside_in(journal, None)
}

/// [`write_beside`], in the language asked for (the console's `--lang`), else the
/// scenario's.
pub fn write_beside_in(journal: &Path, lang: Option<Lang>) -> Result<PathBuf, String> {
    let out = beside_path(journal);
    if out == journal {
        return Err(format!(
            "the journal {} already ends in .html; cannot write the report over it",
            sanitize_line(&journal.display().to_string())
        ));
    }
    let analysis = crate::analysis::Config::default();
    let mut doc = build_in(
        &[journal.to_path_buf()],
        None,
        Some(&analysis),
        lang,
        Lang::En,
    )
    .map_err(|f| f.message)?
    .document;
    without_grades(&mut doc);
    let text = html::render(&doc);
    write_atomic(&out, text.as_bytes()).map_err(|e| {
        format!(
            "cannot write {}: {e}",
            sanitize_line(&out.display().to_string())
        )
    })?;
    Ok(out)
}
