//! `downtime graph`: draw a scenario as a Graphviz or Mermaid graph on standard output.

use std::io::Write;
use std::process::ExitCode;

use crate::graph;
use crate::text::sanitize_line;

use super::{GraphArgs, GraphFormat};

/// Runs the command.
pub fn run(args: &GraphArgs) -> ExitCode {
    match graph::load(&args.scenario) {
        Ok(g) => {
            let text = match args.format {
                GraphFormat::Dot => graph::dot::render(&g),
                GraphFormat::Mermaid => graph::mermaid::render(&g),
            };
            let mut out = std::io::stdout().lock();
            let _ = out.write_all(text.as_bytes());
            let _ = out.flush();
            ExitCode::SUCCESS
        }
        Err(diagnostics) => {
            eprint!("{diagnostics}");
            eprintln!(
                "{}: cannot be drawn until its errors are fixed",
                sanitize_line(&args.scenario.display().to_string())
            );
            let io = !args.scenario.is_file();
            ExitCode::from(if io { 2 } else { 1 })
        }
    }
}
