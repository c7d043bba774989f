//! `downtime new`: write a commented skeleton scenario to start from.

use std::process::ExitCode;

use crate::{errln, outln};

/// Runs the command.
pub fn run(args: &super::NewArgs) -> ExitCode {
    // `new -`: the skeleton on standard output (titled "New scenario").
    if args.name == "-" {
        let text = crate::scaffold::skeleton("new-scenario", usize::from(args.teams));
        return match crate::output::out(&text) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
            Err(e) => {
                errln!("downtime new: cannot write the skeleton: {e}");
                ExitCode::from(2)
            }
        };
    }
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
