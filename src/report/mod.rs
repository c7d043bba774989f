//! After-action reports (being written).

use std::process::ExitCode;

use crate::cli::ReportArgs;

/// `downtime report`.
pub fn run(_args: &ReportArgs) -> ExitCode {
    eprintln!("downtime report: not available yet");
    ExitCode::from(2)
}
