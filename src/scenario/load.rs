//! Loading a scenario: read the file safely, parse RON with spans, deserialize the model,
//! validate and compile. Every problem becomes a diagnostic; nothing panics.

use std::io::Read;
use std::path::Path;
use std::sync::Arc;

use sha2::{Digest, Sha256};

use super::compiled::Scenario;
use super::de::{self, DeErrorKind};
use super::diagnostics::{Code, Diagnostic, Report};
use super::expr::symbols::did_you_mean;
use super::files::{Files, FsFiles};
use super::model::ScenarioFile;
use super::source::SourceFile;
use super::syntax::{self, Limits};
use super::validate;

pub use super::translation::load::{
    Translated, TranslationInput, available_languages, load_file_translated, load_translated_bytes,
};

/// Largest scenario file accepted, in bytes (16 MiB).
pub const MAX_FILE_SIZE: u64 = 16 * 1024 * 1024;

/// The outcome of loading one file.
#[derive(Clone, Debug)]
pub struct Loaded {
    /// The file's diagnostics (empty when clean).
    pub report: Report,
    /// The compiled scenario, when there are no errors.
    pub scenario: Option<Arc<Scenario>>,
    /// True when the file could not be read at all (an I/O problem, not its content).
    pub io_error: bool,
}

/// `sha256:` followed by the hex digest of the bytes.
pub fn hash_bytes(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let mut out = String::with_capacity(71);
    out.push_str("sha256:");
    for b in digest.iter() {
        out.push_str(&format!("{b:02x}"));
    }
    out
}

fn failed(name: &str, d: Diagnostic, io_error: bool) -> Loaded {
    Loaded {
        report: Report {
            source: SourceFile::new(name, ""),
            diagnostics: vec![d],
        },
        scenario: None,
        io_error,
    }
}

/// Reads a file with a size cap, refusing anything that is not a regular file
/// (a FIFO or a device would block or never end).
pub fn read_capped(path: &Path, cap: u64) -> Result<Vec<u8>, (Code, String)> {
    let shown = path.display();
    let meta = std::fs::metadata(path).map_err(|e| {
        let why = match e.kind() {
            std::io::ErrorKind::NotFound => "no such file".to_string(),
            std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
            _ => e.to_string(),
        };
        (Code::Io, format!("cannot read `{shown}`: {why}"))
    })?;
    if meta.is_dir() {
        return Err((Code::Io, format!("`{shown}` is a folder, not a file")));
    }
    if !meta.is_file() {
        return Err((
            Code::Io,
            format!("`{shown}` is not a regular file (a pipe, socket or device?)"),
        ));
    }
    if meta.len() > cap {
        return Err((
            Code::TooLarge,
            format!(
                "`{shown}` is {:.1} MiB; files are limited to {} MiB",
                meta.len() as f64 / 1048576.0,
                cap / 1048576
            ),
        ));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    std::fs::File::open(path)
        .and_then(|f| f.take(cap + 1).read_to_end(&mut bytes))
        .map_err(|e| (Code::Io, format!("cannot read `{shown}`: {e}")))?;
    if bytes.len() as u64 > cap {
        return Err((
            Code::TooLarge,
            format!(
                "`{shown}` grew past the {} MiB limit while being read",
                cap / 1048576
            ),
        ));
    }
    Ok(bytes)
}

/// Loads a scenario file from disk; attachments resolve beside it.
pub fn load_file(path: &Path) -> Loaded {
    let name = path.display().to_string();
    match read_capped(path, MAX_FILE_SIZE) {
        Ok(bytes) => {
            let dir = path.parent().filter(|p| !p.as_os_str().is_empty());
            let files = FsFiles::new(dir.unwrap_or(Path::new(".")));
            load_bytes(&name, &bytes, &files)
        }
        Err((code, msg)) => failed(&name, Diagnostic::whole_file(code, msg), code == Code::Io),
    }
}

/// Loads a scenario from bytes; `name` is shown in diagnostics.
pub fn load_bytes(name: &str, bytes: &[u8], files: &dyn Files) -> Loaded {
    if bytes.len() as u64 > MAX_FILE_SIZE {
        return failed(
            name,
            Diagnostic::whole_file(
                Code::TooLarge,
                format!(
                    "`{name}` is larger than the {} MiB limit",
                    MAX_FILE_SIZE / 1048576
                ),
            ),
            false,
        );
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            return failed(
                name,
                Diagnostic::whole_file(
                    Code::NotUtf8,
                    format!(
                        "`{name}` is not UTF-8 text: invalid byte 0x{:02x} at byte offset {}",
                        bytes[e.valid_up_to()],
                        e.valid_up_to()
                    ),
                )
                .with_help("save the file as UTF-8"),
                false,
            );
        }
    };
    load_str(name, text, hash_bytes(bytes), files)
}

/// Loads a scenario from text; `hash` identifies the exact bytes for journals.
pub fn load_str(name: &str, text: &str, hash: String, files: &dyn Files) -> Loaded {
    let source = SourceFile::new(name, text);
    let mut report = Report {
        source: source.clone(),
        diagnostics: Vec::new(),
    };
    if source.text.trim().is_empty() {
        report.diagnostics.push(
            Diagnostic::whole_file(Code::EmptyFile, format!("`{name}` is empty"))
                .with_help("start from `downtime new NAME`, or run `downtime explain DT0102`"),
        );
        return Loaded {
            report,
            scenario: None,
            io_error: false,
        };
    }
    let (model, diags) = model_of(&source);
    report.diagnostics.extend(diags);
    let mut scenario = None;
    // A file with syntax errors deserializes with stand-ins for the broken values, which
    // validation would misreport: validation runs on a file that reads cleanly.
    if let Some(file) = model {
        let (s, diags) = validate::validate(&source, file, files, hash);
        report.diagnostics.extend(diags);
        let clean = report.errors() == 0;
        if !clean {
            // Warnings (loose ends) are only meaningful on a file without errors: an unknown
            // field, for instance, makes a flag look unused.
            report
                .diagnostics
                .retain(|d| d.severity() == super::diagnostics::Severity::Error);
        }
        scenario = s.filter(|_| clean).map(Arc::new);
    }
    report.sort();
    Loaded {
        report,
        scenario,
        io_error: false,
    }
}

/// Parses and deserializes a scenario's text: the model when it reads without syntax or
/// type errors (stand-ins for broken values are never validated), and the diagnostics.
pub fn model_of(source: &SourceFile) -> (Option<ScenarioFile>, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let parsed = syntax::parse_all(&source.text, &Limits::default());
    let syntax_errors = parsed.errors.len();
    for (i, e) in parsed.errors.into_iter().enumerate() {
        diags.push(syntax_diagnostic(source, e, i == 0));
    }
    let Some(doc) = parsed.document else {
        return (None, diags);
    };
    let out = de::from_node_all::<ScenarioFile>(&doc.value);
    let type_errors = out.errors.len();
    diags.extend(out.errors.into_iter().map(type_diagnostic));
    diags.extend(out.unknown.into_iter().map(unknown_diagnostic));
    let model = out.value.filter(|_| syntax_errors == 0 && type_errors == 0);
    (model, diags)
}

/// A type error (wrong type, missing field, unknown variant, ...) as a diagnostic.
pub(crate) fn type_diagnostic(e: de::DeError) -> Diagnostic {
    let (code, help) = match &e.kind {
        DeErrorKind::MissingField { field } => (
            Code::MissingField,
            Some(format!(
                "add `{field}: ...` (`downtime explain DT0003` says more)"
            )),
        ),
        DeErrorKind::UnknownVariant { variant, expected } => (
            Code::WrongType,
            Some(
                did_you_mean(variant, expected.iter().copied())
                    .map(|m| format!("did you mean `{m}`?"))
                    .unwrap_or_else(|| format!("expected one of: {}", expected.join(", "))),
            ),
        ),
        DeErrorKind::InvalidType { found, expected } => {
            (Code::WrongType, Some(type_hint(found, expected)))
        }
        _ => (
            Code::WrongType,
            Some("`downtime explain DT0004` says more".to_owned()),
        ),
    };
    let label = match code {
        Code::MissingField => "in this item",
        _ => "here",
    };
    Diagnostic::new(code, e.span, e.to_string(), label).with_help_opt(help)
}

/// Advice for a value of the wrong type.
fn type_hint(found: &str, expected: &str) -> String {
    if expected.contains("string") && !found.contains("string") {
        "text goes in double quotes, as in `\"...\"`".to_owned()
    } else {
        format!("write {expected} here (`downtime explain DT0004` says more)")
    }
}

/// An unknown field as a diagnostic, with did-you-mean or the fields there are.
pub(crate) fn unknown_diagnostic(u: de::UnknownField) -> Diagnostic {
    let help = did_you_mean(&u.name, u.expected.iter().copied())
        .map(|m| format!("did you mean `{m}`?"))
        .unwrap_or_else(|| format!("fields of `{}`: {}", u.struct_name, u.expected.join(", ")));
    Diagnostic::new(
        Code::UnknownField,
        u.span,
        format!("unknown field `{}`", u.name),
        "not a field here",
    )
    .with_help(help)
}

/// A syntax error as a diagnostic; for the `first` one, `ron`'s own report is consulted.
pub(crate) fn syntax_diagnostic(
    source: &SourceFile,
    e: syntax::SyntaxError,
    first: bool,
) -> Diagnostic {
    if e.limit {
        return Diagnostic::new(Code::TooLarge, e.span, e.message, "limit reached here")
            .with_help_opt(e.hint);
    }
    // Our parser points at the cause (an opening quote or bracket); ron's own report,
    // when it disagrees, is given as a note with its position. `ron` stops at its first
    // error, so only our first one can be compared.
    let mut message = e.message.clone();
    if first && let Err(r) = ron::from_str::<ron::Value>(&source.text) {
        let ours = source.line_col(e.span.start);
        if (r.span.start.line, r.span.start.col) != (ours.line, ours.col) {
            message = format!(
                "{message} (ron: {} at {}:{})",
                r.code, r.span.start.line, r.span.start.col
            );
        }
    }
    Diagnostic::new(Code::Syntax, e.span, message, "here").with_help_opt(e.hint)
}
