//! `downtime import msel`: a planner's spreadsheet as a scenario skeleton (the work is in
//! [`crate::msel`]).

use std::process::ExitCode;

use super::{ImportArgs, ImportWhat};

/// Runs the command.
pub fn run(args: &ImportArgs) -> ExitCode {
    match &args.what {
        ImportWhat::Msel(a) => crate::msel::import_msel(&crate::msel::ImportOptions {
            input: a.file.clone(),
            output: a.output.clone(),
            maps: a.maps.clone(),
            force: a.force,
        }),
    }
}
