//! `downtime fork`: start a new journal from the first N entries of another, for
//! "what if we had..." replays.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::journal::{self, Entry, Fork, Header, Mark};
use crate::report::atomic::write_atomic_new;
use crate::{errln, outln};

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
    let read = match journal::read_journal_arg(&args.journal) {
        Ok(r) => r,
        Err(e) => {
            errln!("downtime fork: {e}");
            return ExitCode::from(2);
        }
    };
    if let Some(w) = &read.warning {
        errln!("warning: {w}");
    }
    let total = read.entries.len() as u64;
    if args.at > total {
        errln!(
            "downtime fork: the journal has {total} entries; --at must be between 0 and {total}"
        );
        return ExitCode::from(2);
    }
    // `-o -` (or a journal read from standard input without `-o`): the fork on stdout.
    let from_stdin = crate::stdio::is_dash(&args.journal);
    let out = args.output.clone().unwrap_or_else(|| {
        if from_stdin {
            PathBuf::from("-")
        } else {
            default_output(&args.journal, args.at)
        }
    });
    let mut header = read.header.clone();
    header.forked_from = Some(Fork {
        journal: if from_stdin {
            crate::stdio::STDIN_NAME.to_string()
        } else {
            args.journal.display().to_string()
        },
        at: args.at,
    });
    // The journal's lines up to entry N: heartbeats and view entries before it are kept
    // (they never replay; a resumed fork goes on from entry N's time).
    let marks: Vec<&Mark> = read.marks.iter().filter(|m| m.after < args.at).collect();
    let entries = &read.entries[..args.at as usize];
    if crate::stdio::is_dash(&out) {
        let written = fork_text(&header, entries, &marks)
            .and_then(|text| crate::output::out_raw(text.as_bytes()));
        return match written {
            Ok(()) => {
                errln!("forked {} of {total} entries", args.at);
                ExitCode::SUCCESS
            }
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
            Err(e) => {
                errln!("downtime fork: cannot write the fork: {e}");
                ExitCode::from(2)
            }
        };
    }
    let result = write_fork(&out, &header, entries, &marks);
    match result {
        Ok(()) => {
            outln!("{}", out.display());
            errln!(
                "forked {} of {total} entries; continue it with `downtime play --resume {}` or `downtime run --resume {}`",
                args.at,
                out.display(),
                out.display()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            errln!("downtime fork: cannot write {}: {e}", out.display());
            ExitCode::from(2)
        }
    }
}

/// Writes the forked journal whole and atomically (never over an existing file): a crash
/// leaves either no fork or a complete one.
fn write_fork(
    out: &Path,
    header: &Header,
    entries: &[Entry],
    marks: &[&Mark],
) -> std::io::Result<()> {
    let text = fork_text(header, entries, marks)?;
    if let Some(dir) = out.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    write_atomic_new(out, text.as_bytes())
}

/// The forked journal's lines.
fn fork_text(header: &Header, entries: &[Entry], marks: &[&Mark]) -> std::io::Result<String> {
    let mut text = serde_json::to_string(header).map_err(std::io::Error::other)?;
    text.push('\n');
    let mut marks = marks.iter().peekable();
    for (k, e) in entries.iter().enumerate() {
        while let Some(m) = marks.next_if(|m| m.after <= k as u64) {
            text.push_str(&serde_json::to_string(&m.line).map_err(std::io::Error::other)?);
            text.push('\n');
        }
        text.push_str(&serde_json::to_string(e).map_err(std::io::Error::other)?);
        text.push('\n');
    }
    Ok(text)
}
