//! `downtime explain [CODE]`: a diagnostic code's section of the author's guide, or the list
//! of every code.

use std::process::ExitCode;

use crate::scenario::diagnostics::{Code, Severity};
use crate::scenario::expr::symbols::did_you_mean;
use crate::scenario::guide;

use super::ExplainArgs;

/// Prints the section of the code asked for, or the catalogue; exit code 2 for an unknown code.
pub fn run(args: &ExplainArgs) -> ExitCode {
    match &args.code {
        None => {
            let _ = crate::output::out(&catalogue());
            ExitCode::SUCCESS
        }
        Some(asked) => match Code::parse(asked).and_then(guide::explain) {
            Some(text) => {
                let _ = crate::output::out(&text);
                ExitCode::SUCCESS
            }
            None => {
                let upper = asked.trim().to_ascii_uppercase();
                let hint = match did_you_mean(&upper, Code::ALL.iter().map(|c| c.as_str())) {
                    Some(m) => format!("did you mean `{m}`? "),
                    None => String::new(),
                };
                crate::errln!(
                    "downtime explain: unknown diagnostic code `{}`; {hint}`downtime explain` lists every code",
                    asked.trim()
                );
                ExitCode::from(2)
            }
        },
    }
}

/// Every code with its severity and title, one a line.
pub fn catalogue() -> String {
    let mut out = String::new();
    for &c in Code::ALL {
        let sev = match c.severity() {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        out.push_str(&format!("{}  {sev:<7}  {}\n", c.as_str(), c.title()));
    }
    out.push_str("\n`downtime explain CODE` prints what a code means and how to fix it.\n");
    out
}
