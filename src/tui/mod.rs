//! The facilitator console (being written).

use std::process::ExitCode;

use crate::cli::{PlayArgs, PresentArgs};

/// `downtime play`.
pub fn play(_args: &PlayArgs) -> ExitCode {
    eprintln!("downtime play: not available yet");
    ExitCode::from(2)
}

/// `downtime present`.
pub fn present(_args: &PresentArgs) -> ExitCode {
    eprintln!("downtime present: not available yet");
    ExitCode::from(2)
}
