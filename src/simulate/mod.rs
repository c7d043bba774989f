//! Monte Carlo balance analysis (being written).

use std::process::ExitCode;

use crate::cli::SimulateArgs;

/// `downtime simulate`.
pub fn run(_args: &SimulateArgs) -> ExitCode {
    eprintln!("downtime simulate: not available yet");
    ExitCode::from(2)
}
