//! `downtime graph` (being written).

use std::process::ExitCode;

/// Runs the command.
pub fn run(_args: &super::GraphArgs) -> ExitCode {
    eprintln!("downtime graph: not available yet");
    ExitCode::from(2)
}
