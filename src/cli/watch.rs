//! `downtime check --watch`: re-check on every save.
//!
//! The folders holding the given paths are watched (not the files themselves), so that a
//! file an editor replaces (write to a temporary file, then rename; or remove, then create)
//! is still followed. Bursts of events are merged: a check runs once things have been quiet
//! for [`QUIET`]. Each check prints a header `checked at HH:MM:SS — N errors, M warnings`,
//! after clearing the screen when standard output is a terminal; with `--format json` each
//! check prints instead one line holding the JSON array of its diagnostics (JSON Lines), for
//! editors and scripts. It runs until interrupted.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use notify::{EventKind, RecursiveMode, Watcher};

use super::check::{JsonLayout, check_counted};
use super::{CheckArgs, CheckFormat};

/// Quiet time after the last event before re-checking.
pub const QUIET: Duration = Duration::from_millis(200);

/// Longest a burst may delay a check.
const MAX_DELAY: Duration = Duration::from_secs(2);

/// What is watched: exact files, and folders whose `.ron` files count.
struct Targets {
    files: BTreeSet<PathBuf>,
    folders: BTreeSet<PathBuf>,
}

impl Targets {
    fn new(paths: &[PathBuf]) -> Targets {
        let mut t = Targets {
            files: BTreeSet::new(),
            folders: BTreeSet::new(),
        };
        for p in paths {
            let abs = std::path::absolute(p).unwrap_or_else(|_| p.clone());
            if abs.is_dir() {
                t.folders.insert(abs);
            } else {
                t.files.insert(abs);
            }
        }
        t
    }

    /// The folders to subscribe to: each folder, and the parent of each file.
    fn watch_dirs(&self) -> BTreeSet<PathBuf> {
        let mut dirs = self.folders.clone();
        for f in &self.files {
            if let Some(parent) = f.parent() {
                dirs.insert(parent.to_path_buf());
            }
        }
        dirs
    }

    /// Whether a changed path concerns a watched file, or a `.ron` file in a watched folder.
    fn concerns(&self, path: &Path) -> bool {
        if self.files.contains(path) {
            return true;
        }
        let is_ron = path.extension().is_some_and(|x| x == "ron");
        is_ron && path.parent().is_some_and(|p| self.folders.contains(p))
    }

    fn relevant(&self, event: &notify::Event) -> bool {
        if matches!(event.kind, EventKind::Access(_)) {
            return false;
        }
        event.paths.iter().any(|p| self.concerns(p))
    }
}

/// Watches the paths and re-checks them on change, until interrupted.
pub fn run(args: &CheckArgs) -> ExitCode {
    match watch(args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            crate::errln!("downtime check --watch: {e}");
            ExitCode::from(2)
        }
    }
}

fn watch(args: &CheckArgs) -> Result<(), String> {
    if args
        .paths
        .iter()
        .any(|p| p.as_os_str() == super::check::STDIN)
    {
        return Err("standard input (`-`) cannot be watched; name the file".into());
    }
    let mut once = args.clone();
    once.watch = false;
    let targets = Targets::new(&args.paths);
    let (tx, rx) = mpsc::channel::<notify::Result<notify::Event>>();
    let mut watcher = notify::recommended_watcher(move |res| {
        // The receiver lives as long as the loop below; a failed send only means we stop.
        let _ = tx.send(res);
    })
    .map_err(|e| format!("cannot watch files: {e}"))?;
    for dir in targets.watch_dirs() {
        watcher
            .watch(&dir, RecursiveMode::NonRecursive)
            .map_err(|e| format!("cannot watch `{}`: {e}", dir.display()))?;
    }
    let tty = crate::output::stdout_is_terminal();
    report(&once, tty);
    loop {
        // Wait for a relevant change.
        match rx.recv() {
            Ok(Ok(event)) if targets.relevant(&event) => {}
            Ok(Ok(_)) => continue,
            Ok(Err(e)) => {
                crate::errln!("warning: {e}");
                continue;
            }
            Err(_) => return Err("the file watcher stopped".into()),
        }
        // Debounce: wait until things have been quiet for a moment (editors write in bursts).
        let first = Instant::now();
        loop {
            let left = MAX_DELAY.saturating_sub(first.elapsed());
            if left.is_zero() {
                break;
            }
            match rx.recv_timeout(QUIET.min(left)) {
                Ok(_) => continue,
                Err(mpsc::RecvTimeoutError::Timeout) => break,
                Err(mpsc::RecvTimeoutError::Disconnected) => {
                    return Err("the file watcher stopped".into());
                }
            }
        }
        report(&once, tty);
    }
}

/// Checks once and prints the header and the result.
fn report(args: &CheckArgs, tty: bool) {
    if args.format != CheckFormat::Text {
        // Only what the format prints (JSON and SARIF: one document per line), so that a
        // tool can read line by line.
        let checked = check_counted(args, JsonLayout::Line);
        checked.print();
        return;
    }
    let checked = check_counted(args, JsonLayout::Pretty);
    let mut text = String::new();
    if tty {
        // Clear the screen and scrollback, cursor home.
        let _ = crate::output::clear_screen();
    } else {
        text.push('\n');
    }
    let now = chrono::Local::now().format("%H:%M:%S");
    text.push_str(&format!(
        "checked at {now} — {} error{}, {} warning{}\n\n",
        checked.errors,
        if checked.errors == 1 { "" } else { "s" },
        checked.warnings,
        if checked.warnings == 1 { "" } else { "s" },
    ));
    text.push_str(&checked.text);
    if tty {
        text.push_str("\nwatching for changes (Ctrl-C to stop)\n");
    }
    let _ = if checked.colour {
        crate::output::out_styled(&text)
    } else {
        crate::output::out(&text)
    };
}
