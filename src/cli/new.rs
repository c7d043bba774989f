//! `downtime new`: write a commented skeleton scenario to start from.

use std::process::ExitCode;

use crate::{errln, outln};

/// Runs the command.
pub fn run(args: &super::NewArgs) -> ExitCode {
    match crate::scaffold::write(&args.name, usize::from(args.teams), args.force) {
        Ok(path) => {
            let shown = path.display();
            outln!(
                "wrote {shown} ({} team{})",
                args.teams,
                if args.teams == 1 { "" } else { "s" }
            );
            outln!("next: edit it, then `downtime check --watch {shown}` while you write");
            ExitCode::SUCCESS
        }
        Err(e) => {
            errln!("downtime new: {e}");
            ExitCode::from(if e.contains("--force") { 1 } else { 2 })
        }
    }
}
