//! `downtime fork`: start a new journal from the first N entries of another, for
//! "what if we had..." replays.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::journal::{self, Fork, JournalWriter};
use crate::text::sanitize_line;

use super::ForkArgs;

/// The default name of a fork: `NAME.fork-N.jsonl` beside the original.
pub fn default_output(journal: &Path, at: u64) -> PathBuf {
    let stem = journal
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("journal");
    journal.with_file_name(format!("{stem}.fork-{at}.jsonl"))
}

/// Runs `downtime fork`.
pub fn run(args: &ForkArgs) -> ExitCode {
    let read = match journal::read_journal(&args.journal) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("downtime fork: {}", sanitize_line(&e.to_string()));
            return ExitCode::from(2);
        }
    };
    if let Some(w) = &read.warning {
        eprintln!("warning: {}", sanitize_line(w));
    }
    let total = read.entries.len() as u64;
    if args.at > total {
        eprintln!(
            "downtime fork: the journal has {total} entries; --at must be between 0 and {total}"
        );
        return ExitCode::from(2);
    }
    let out = args
        .output
        .clone()
        .unwrap_or_else(|| default_output(&args.journal, args.at));
    let mut header = read.header.clone();
    header.forked_from = Some(Fork {
        journal: args.journal.display().to_string(),
        at: args.at,
    });
    let result = JournalWriter::create(&out, &header).and_then(|mut w| {
        for e in read.entries.iter().take(args.at as usize) {
            w.append(e)?;
        }
        Ok(())
    });
    match result {
        Ok(()) => {
            println!("{}", out.display());
            eprintln!(
                "forked {} of {total} entries; continue it with `downtime play --resume {}` or `downtime run --resume {}`",
                args.at,
                out.display(),
                out.display()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("downtime fork: cannot write {}: {e}", out.display());
            ExitCode::from(2)
        }
    }
}
