//! The command line: argument definitions (clap) and thin dispatch to each command.

pub mod check;
pub mod watch;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Downtime: tabletop incident-response exercises for hospital crisis teams, in the terminal.
#[derive(Debug, Parser)]
#[command(name = "downtime", version, about, long_about = None)]
pub struct Cli {
    /// What to do (default: play).
    #[command(subcommand)]
    pub command: Option<Cmd>,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Cmd {
    /// Check scenario files and report every problem.
    Check(CheckArgs),
}

/// Output formats for machine-readable commands.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// Text for people.
    #[default]
    Text,
    /// JSON for tools.
    Json,
}

/// Arguments of `downtime check`.
#[derive(Clone, Debug, Args)]
pub struct CheckArgs {
    /// Scenario files, or folders of `.ron` files.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
    pub format: OutputFormat,
    /// Exit with 1 on warnings too.
    #[arg(long)]
    pub deny_warnings: bool,
    /// Re-check on every save, clearing the screen between runs.
    #[arg(long)]
    pub watch: bool,
}

/// Parses the command line and runs the command.
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    match cli.command {
        Some(Cmd::Check(a)) => check::run(&a),
        None => check::run(&CheckArgs {
            paths: vec![PathBuf::from("scenarios")],
            format: OutputFormat::Text,
            deny_warnings: false,
            watch: false,
        }),
    }
}
