//! After-action reports (being written).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::cli::ReportArgs;

/// `downtime report`.
pub fn run(_args: &ReportArgs) -> ExitCode {
    eprintln!("downtime report: not available yet");
    ExitCode::from(2)
}

/// Writes an HTML report beside a journal and returns its path. This build has no report
/// writer yet: it always says so (the real function replaces this one at merge).
pub fn write_beside(journal: &Path) -> Result<PathBuf, String> {
    let _ = journal;
    Err("reports are not available in this build".into())
}
