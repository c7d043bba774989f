//! `downtime new` (being written).

use std::process::ExitCode;

/// Runs the command.
pub fn run(_args: &super::NewArgs) -> ExitCode {
    eprintln!("downtime new: not available yet");
    ExitCode::from(2)
}
