//! `-` on the command line: standard input where a command reads a path, standard output
//! where it writes one (`report -o -`, `fork -o -`, `translate -o -`, `new -`, `check -`,
//! `run -`, `simulate -`, `graph -`, `report -`, `run --policy script:-`). A command that
//! cannot use a stream there (a journal a console appends to and locks) refuses `-` with a
//! message instead of creating a file named `-`.
//!
//! Also where a scenario argument may name a bundled scenario: `bundled:NAME` (as journals
//! record it), so that an installed binary plays and checks them without the source tree.

use std::io::Read;
use std::path::Path;

use crate::scenario::diagnostics::{Code, Diagnostic, Report};
use crate::scenario::files::FsFiles;
use crate::scenario::load::{self, Loaded, MAX_FILE_SIZE};
use crate::scenario::source::SourceFile;

/// The name standard input is shown with in messages and diagnostics.
pub const STDIN_NAME: &str = "<stdin>";

/// Whether a path argument is `-`.
pub fn is_dash(path: &Path) -> bool {
    path.as_os_str() == "-"
}

/// Reads all of standard input, refusing more than `cap` bytes.
pub fn read_stdin(cap: u64) -> Result<Vec<u8>, String> {
    let mut bytes = Vec::new();
    std::io::stdin()
        .lock()
        .take(cap + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read standard input: {e}"))?;
    if bytes.len() as u64 > cap {
        return Err(format!(
            "standard input is larger than the {} MiB limit",
            cap / (1024 * 1024)
        ));
    }
    Ok(bytes)
}

/// The error for `-` given where a file is needed.
pub fn needs_a_file(option: &str, why: &str) -> String {
    format!("`{option} -`: {why}; give a file name")
}

/// Loads a scenario argument: `-` from standard input (attachments beside the current
/// folder), `bundled:NAME` from the scenarios embedded in the binary (in `lang` when it
/// has that translation), anything else as a file (with its translation beside it).
pub fn load_scenario(path: &Path, lang: Option<&str>) -> Loaded {
    if is_dash(path) {
        return match read_stdin(MAX_FILE_SIZE) {
            Ok(bytes) => load::load_bytes(STDIN_NAME, &bytes, &FsFiles::new(Path::new("."))),
            Err(msg) => failed(STDIN_NAME, msg),
        };
    }
    if let Some(name) = path.to_str().and_then(|p| p.strip_prefix("bundled:")) {
        return match crate::bundled::find(name) {
            Some(b) => b.load_translated(lang),
            None => {
                let names: Vec<String> = crate::bundled::all()
                    .iter()
                    .map(|b| format!("bundled:{}", b.name.trim_end_matches(".ron")))
                    .collect();
                failed(
                    &path.display().to_string(),
                    format!(
                        "no bundled scenario is called `{name}`; the bundled ones are {}",
                        names.join(", ")
                    ),
                )
            }
        };
    }
    crate::scenario::load::load_file_translated(path, lang)
}

fn failed(name: &str, msg: String) -> Loaded {
    Loaded {
        report: Report {
            source: SourceFile::new(name, ""),
            diagnostics: vec![Diagnostic::whole_file(Code::Io, msg)],
        },
        scenario: None,
        io_error: true,
    }
}
