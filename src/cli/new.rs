//! `downtime new`: write a commented skeleton scenario to start from.

use std::process::ExitCode;

use crate::text::sanitize_line;

/// Runs the command.
pub fn run(args: &super::NewArgs) -> ExitCode {
    match crate::scaffold::write(&args.name, usize::from(args.teams), args.force) {
        Ok(path) => {
            let shown = sanitize_line(&path.display().to_string());
            println!(
                "wrote {shown} ({} team{})",
                args.teams,
                if args.teams == 1 { "" } else { "s" }
            );
            println!("next: edit it, then `downtime check --watch {shown}` while you write");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("downtime new: {}", sanitize_line(&e));
            ExitCode::from(if e.contains("--force") { 1 } else { 2 })
        }
    }
}
