//! Spreadsheets for exercise planners: the master scenario events list (MSEL) of a
//! scenario (`downtime export msel`), the played timeline of a journal (`downtime export
//! timeline`), both as CSV or XLSX, and a planner's MSEL turned into a scenario skeleton
//! (`downtime import msel`).
//!
//! [`table`] reads and writes the files, [`columns`] names the columns (English and French
//! headers), [`export`] builds the MSEL's rows, [`timeline`] replays a journal, [`import`]
//! writes the skeleton. The functions here do the files and the messages.

pub mod columns;
pub mod export;
pub mod import;
pub mod table;
pub mod timeline;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::errln;
use crate::i18n::Lang;
use crate::scenario::diagnostics::{Code, Diagnostic, RENDER_WIDTH, Report};
use crate::scenario::load::{MAX_FILE_SIZE, model_of, read_capped};
use crate::scenario::source::SourceFile;

/// A spreadsheet format.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Format {
    /// Comma-separated values, UTF-8, RFC 4180.
    #[default]
    Csv,
    /// An Excel workbook.
    Xlsx,
}

/// What `export msel` and `export timeline` are asked for.
#[derive(Clone, Debug, Default)]
pub struct ExportOptions {
    /// The scenario (`msel`) or the journal (`timeline`).
    pub input: PathBuf,
    /// For a timeline: the scenario, when the journal's own cannot be found.
    pub scenario: Option<PathBuf>,
    /// The format.
    pub format: Format,
    /// A UTF-8 byte order mark before the CSV (for Excel).
    pub bom: bool,
    /// The file to write; `None` or `-`: standard output (CSV only).
    pub output: Option<PathBuf>,
    /// `--lang`.
    pub lang: Option<String>,
}

/// What `import msel` is asked for.
#[derive(Clone, Debug, Default)]
pub struct ImportOptions {
    /// The spreadsheet (`.csv` or `.xlsx`; `-`: CSV on standard input).
    pub input: PathBuf,
    /// The scenario to write (default: the spreadsheet's name with `.ron`; `-`: standard
    /// output).
    pub output: Option<PathBuf>,
    /// `COLUMN=FIELD` overrides of the header matching.
    pub maps: Vec<String>,
    /// Overwrite an existing output file.
    pub force: bool,
}

fn is_dash(p: &Path) -> bool {
    p.as_os_str() == "-"
}

/// Where an export goes: `Ok(None)` for standard output; `Err` for XLSX without a file.
fn destination(o: &ExportOptions, cmd: &str) -> Result<Option<PathBuf>, ExitCode> {
    match (&o.output, o.format) {
        (Some(p), _) if !is_dash(p) => Ok(Some(p.clone())),
        (_, Format::Csv) => Ok(None),
        (_, Format::Xlsx) => {
            errln!(
                "downtime export {cmd}: --format xlsx needs a file: -o FILE.xlsx (a workbook is not written to standard output)"
            );
            Err(ExitCode::from(2))
        }
    }
}

/// Writes the bytes to the file (atomically) or to standard output.
pub(crate) fn deliver(bytes: &[u8], to: Option<&Path>, cmd: &str, what: &str) -> ExitCode {
    match to {
        None => match crate::output::out_raw(bytes) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
            Err(e) => {
                errln!("downtime export {cmd}: cannot write to standard output: {e}");
                ExitCode::from(2)
            }
        },
        Some(p) => match crate::report::write_atomic(p, bytes) {
            Ok(()) => {
                errln!("wrote {}: {what}", p.display());
                ExitCode::SUCCESS
            }
            Err(e) => {
                errln!("downtime export {cmd}: cannot write {}: {e}", p.display());
                ExitCode::from(2)
            }
        },
    }
}

/// The bytes of sheets in a format: CSV holds the first sheet only.
fn encode(sheets: &[table::Sheet], widths: &[f64], o: &ExportOptions) -> Result<Vec<u8>, String> {
    match o.format {
        Format::Csv => Ok(sheets
            .first()
            .map(|s| table::to_csv(s, o.bom))
            .unwrap_or_default()
            .into_bytes()),
        Format::Xlsx => table::to_xlsx(sheets, widths),
    }
}

/// The conditions and chances of the injects of the file at `path` as written (the
/// compiled scenario keeps only programs), from the file or the bundled scenario; empty
/// when it cannot be read again (standard input).
pub(crate) fn authored_of(path: &Path) -> Vec<export::Authored> {
    let bundled = path
        .to_str()
        .and_then(|p| p.strip_prefix("bundled:"))
        .and_then(crate::bundled::find);
    if let Some(b) = bundled {
        return model_of(&SourceFile::new(b.source(), b.text))
            .0
            .map(|m| export::authored(&m))
            .unwrap_or_default();
    }
    read_capped(path, MAX_FILE_SIZE)
        .ok()
        .and_then(|b| String::from_utf8(b).ok())
        .and_then(|t| model_of(&SourceFile::new(path.display().to_string(), &t)).0)
        .map(|m| export::authored(&m))
        .unwrap_or_default()
}

/// `downtime export msel`: the MSEL of a scenario.
pub fn export_msel(o: &ExportOptions) -> ExitCode {
    let to = match destination(o, "msel") {
        Ok(t) => t,
        Err(c) => return c,
    };
    let sc = match crate::output::load_or_report_in(&o.input, o.lang.as_deref()) {
        Ok(s) => s,
        Err(c) => return c,
    };
    let lang = Lang::for_scenario(o.lang.as_deref(), &sc, crate::wall::env_lang());
    let authored = authored_of(&o.input);
    let rows = export::rows(&sc, &authored, lang);
    let sheets = export::sheets(&sc, &rows, lang);
    match encode(&sheets, &export::widths(), o) {
        Ok(bytes) => deliver(
            &bytes,
            to.as_deref(),
            "msel",
            &format!("{} injects", rows.len()),
        ),
        Err(e) => {
            errln!("downtime export msel: cannot write the workbook: {e}");
            ExitCode::from(2)
        }
    }
}

/// `downtime export timeline`: the played timeline of a journal.
pub fn export_timeline(o: &ExportOptions) -> ExitCode {
    let to = match destination(o, "timeline") {
        Ok(t) => t,
        Err(c) => return c,
    };
    let j = match crate::journal::read_journal(&o.input) {
        Ok(j) => j,
        Err(e) => {
            let code = if matches!(e, crate::journal::JournalError::Io(_)) {
                2
            } else {
                1
            };
            errln!("downtime export timeline: {e}");
            return ExitCode::from(code);
        }
    };
    let found = match crate::journal::source::find(&o.input, &j.header, o.scenario.as_deref()) {
        Ok(f) => f,
        Err(e) => {
            errln!("downtime export timeline: {e}");
            return ExitCode::from(1);
        }
    };
    for w in &found.warnings {
        errln!(
            "{}",
            w.text(Lang::for_scenario(
                o.lang.as_deref(),
                &found.scenario,
                crate::wall::env_lang()
            ))
        );
    }
    let lang = Lang::for_scenario(o.lang.as_deref(), &found.scenario, crate::wall::env_lang());
    let sheet = match timeline::timeline(found.scenario, &j, lang) {
        Ok(s) => s,
        Err(e) => {
            errln!("downtime export timeline: {}: {e}", o.input.display());
            return ExitCode::from(1);
        }
    };
    let n = sheet.rows.len();
    match encode(&[sheet], &timeline::WIDTHS, o) {
        Ok(bytes) => deliver(&bytes, to.as_deref(), "timeline", &format!("{n} rows")),
        Err(e) => {
            errln!("downtime export timeline: cannot write the workbook: {e}");
            ExitCode::from(2)
        }
    }
}

/// Reads the spreadsheet named on the command line.
fn read_input(path: &Path) -> Result<import::Input, (u8, String)> {
    let (name, bytes) = if is_dash(path) {
        let mut b = Vec::new();
        std::io::Read::read_to_end(
            &mut std::io::Read::take(std::io::stdin(), MAX_FILE_SIZE + 1),
            &mut b,
        )
        .map_err(|e| (2, format!("cannot read standard input: {e}")))?;
        if b.len() as u64 > MAX_FILE_SIZE {
            return Err((
                2,
                format!(
                    "standard input is over the {} MiB limit",
                    MAX_FILE_SIZE / 1048576
                ),
            ));
        }
        ("<stdin>".to_string(), b)
    } else {
        let b = read_capped(path, MAX_FILE_SIZE)
            .map_err(|(c, m)| (if c == Code::Io { 2 } else { 1 }, m))?;
        (path.display().to_string(), b)
    };
    let xlsx = bytes.starts_with(b"PK\x03\x04");
    if xlsx {
        let sheets = table::read_xlsx(&bytes).map_err(|e| (1, format!("{name}: {e}")))?;
        return Ok(import::Input {
            name,
            sheets,
            workbook: true,
        });
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        (1, format!("{name} is neither an XLSX workbook nor UTF-8 text (invalid byte at offset {}); save it as CSV UTF-8", e.utf8_error().valid_up_to()))
    })?;
    let rows = table::parse_csv(&text).map_err(|e| {
        (
            1,
            format!(
                "{name}:{}: a quoted cell opens here and never closes",
                e.line
            ),
        )
    })?;
    Ok(import::Input {
        name,
        sheets: vec![table::ReadSheet {
            name: String::new(),
            rows,
        }],
        workbook: false,
    })
}

/// The problems as the checker prints its diagnostics, one block each.
pub fn render_problems(file: &str, problems: &[import::Problem]) -> String {
    let diagnostics = problems
        .iter()
        .map(|p| {
            Diagnostic::whole_file(Code::SheetRow, format!("{}: {}", p.place(), p.message))
                .with_help(p.help.clone())
        })
        .collect();
    Report {
        source: SourceFile::new(file, ""),
        diagnostics,
    }
    .render_text(RENDER_WIDTH)
}

/// `downtime import msel`: a planner's spreadsheet as a scenario skeleton. Exit code 1
/// when a row was left out, 2 when a file cannot be read or written.
pub fn import_msel(o: &ImportOptions) -> ExitCode {
    let mut maps = Vec::new();
    for m in &o.maps {
        let Some((col, field)) = m.split_once('=') else {
            errln!(
                "downtime import msel: --map takes COLUMN=FIELD, e.g. --map \"Heure H=time\", not `{m}`"
            );
            return ExitCode::from(2);
        };
        let Some(f) = columns::Field::parse(field) else {
            let names: Vec<&str> = columns::Field::MSEL.iter().map(|f| f.name()).collect();
            errln!(
                "downtime import msel: `{field}` is not a field; fields are {}, or ignore",
                names.join(", ")
            );
            return ExitCode::from(2);
        };
        maps.push((columns::normalise(col), f));
    }
    let input = match read_input(&o.input) {
        Ok(i) => i,
        Err((code, m)) => {
            errln!("downtime import msel: {m}");
            return ExitCode::from(code);
        }
    };
    let imported = match import::import(&input, &maps) {
        Ok(i) => i,
        Err(m) => {
            errln!("downtime import msel: {}: {m}", input.name);
            return ExitCode::from(1);
        }
    };
    if !imported.problems.is_empty() {
        crate::output::err(&render_problems(&input.name, &imported.problems));
    }
    let out = match &o.output {
        Some(p) => Some(p.clone()),
        None if is_dash(&o.input) => None,
        None => Some(o.input.with_extension("ron")),
    };
    if let Some(p) = &out
        && !is_dash(p)
        && !o.force
        && std::fs::symlink_metadata(p).is_ok()
    {
        errln!(
            "downtime import msel: {} already exists; choose another -o or pass --force to overwrite it",
            p.display()
        );
        return ExitCode::from(2);
    }
    let result = match &out {
        Some(p) if !is_dash(p) => crate::report::write_atomic(p, imported.ron.as_bytes())
            .map_err(|e| format!("cannot write {}: {e}", p.display())),
        _ => crate::output::out(&imported.ron)
            .map_err(|e| format!("cannot write to standard output: {e}")),
    };
    if let Err(e) = result {
        errln!("downtime import msel: {e}");
        return ExitCode::from(2);
    }
    let shown = out.filter(|p| !is_dash(p)).map(|p| p.display().to_string());
    let left = imported.problems.len();
    let msg = format!(
        "{} inject{}, {} team{}{}",
        imported.injects,
        if imported.injects == 1 { "" } else { "s" },
        imported.teams,
        if imported.teams == 1 { "" } else { "s" },
        if left > 0 {
            format!(
                "; {left} row{} left out (above)",
                if left == 1 { "" } else { "s" }
            )
        } else {
            String::new()
        }
    );
    match shown {
        Some(s) => {
            errln!("wrote {s}: {msg}");
            errln!("next: `downtime check {s}`, then add decisions, metrics and checks");
        }
        None => errln!("{msg}"),
    }
    if left > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
