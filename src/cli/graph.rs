//! `downtime graph`: draw a scenario as a Graphviz or Mermaid graph on standard output.

use std::process::ExitCode;

use crate::errln;
use crate::graph;

use super::{GraphArgs, GraphFormat};

/// Runs the command.
pub fn run(args: &GraphArgs) -> ExitCode {
    match graph::load(&args.scenario) {
        Ok(g) => {
            let text = match args.format {
                GraphFormat::Dot => graph::dot::render(&g),
                GraphFormat::Mermaid => graph::mermaid::render(&g),
            };
            let _ = crate::output::out(&text);
            ExitCode::SUCCESS
        }
        Err(diagnostics) => {
            crate::err!("{diagnostics}");
            let name = if crate::stdio::is_dash(&args.scenario) {
                crate::stdio::STDIN_NAME.to_string()
            } else {
                args.scenario.display().to_string()
            };
            errln!("{name}: cannot be drawn until its errors are fixed");
            let io = !crate::stdio::is_dash(&args.scenario) && !args.scenario.is_file();
            ExitCode::from(if io { 2 } else { 1 })
        }
    }
}
