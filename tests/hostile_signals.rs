//! Crash and signal safety of `play`, driven through tmux with real keys: a SIGKILL in the
//! middle of an exercise loses no decision (the exercise resumes from its journal), and
//! SIGINT, SIGTERM and SIGHUP leave the journal complete and the terminal usable (main
//! screen back, line mode back, a shell that answers). The process is signalled by the
//! pid it wrote itself, never by name. Skipped (with a message) only without tmux.

#[path = "support/tmux.rs"]
mod tmux;

use std::path::{Path, PathBuf};

use downtime::engine::Command;
use downtime::journal::{ReadJournal, read_journal};
use tmux::{Tmux, bin, read_pid, signal, wait_gone};

fn tutorial() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/tutorial.ron")
}

/// A script that writes the program's pid to `pidfile`, runs `args` (the pid is the
/// program's own), reports its exit status and line mode, then leaves an interactive shell
/// in the pane to type into.
fn script(pidfile: &Path, args: &str) -> String {
    format!(
        "sh -c 'echo $$ > {pid}; exec {bin} {args}'; echo EXITED $?; stty -a | grep -o -- '-\\?icanon'; PS1='$ ' exec sh",
        pid = pidfile.display(),
        bin = bin(),
    )
}

/// The (decision, option) pairs of a journal, in order.
fn choices(read: &ReadJournal) -> Vec<(String, String)> {
    read.entries
        .iter()
        .filter_map(|e| match &e.cmd {
            Command::Choose {
                decision, option, ..
            } => Some((decision.clone(), option.clone())),
            _ => None,
        })
        .collect()
}

/// Starts the tutorial in a `play` console and takes the first decision (isolate the
/// network, shown second with seed 7) with the key `2`; returns once the screen shows its
/// effect.
fn start_and_decide(t: &Tmux, s: &str, dir: &Path, journal: &Path) -> u32 {
    let pidfile = dir.join(format!("{s}.pid"));
    let args = format!(
        "play {} --seed 7 --journal {}",
        tutorial().display(),
        journal.display()
    );
    t.start(s, dir, &script(&pidfile, &args));
    let pid = read_pid(&pidfile);
    t.wait_for(s, "Start the exercise");
    t.keys(s, "s");
    t.wait_for(s, "2 Isolate the network now");
    t.keys(s, "2");
    // The screen shows the decision taken only after the command is journaled.
    t.wait_for(s, "Decided at Fri 22:00: 2. Isolate the network now");
    pid
}

/// Plays on with `n` until the next open decision, then takes its first option.
fn next_decision(t: &Tmux, s: &str) {
    for _ in 0..20 {
        let screen = t.screen(s);
        if screen.contains("1-9 choose") {
            t.keys(s, "1");
            t.wait_until(s, "the decision taken", |sc| sc.contains("Decided at"));
            return;
        }
        if screen.contains("PHASE BREAK") {
            t.keys(s, "Enter");
        } else {
            t.keys(s, "n");
        }
        t.wait_until(s, "a new screen", |sc| sc != screen);
    }
    panic!("no second decision within 20 keys:\n{}", t.screen(s));
}

#[test]
fn sigkill_mid_exercise_then_resume_keeps_every_decision() {
    let Some(t) = Tmux::new("kill") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let journal = dir.path().join("killed.jsonl");
    let pid = start_and_decide(&t, "play", dir.path(), &journal);
    next_decision(&t, "play");
    // Two decisions taken and shown: kill the process without warning.
    signal(pid, "KILL");
    wait_gone(pid);
    t.wait_for("play", "EXITED 137");
    let before = read_journal(&journal).expect("the journal of a killed process reads");
    let made = choices(&before);
    assert_eq!(made.len(), 2, "both decisions are journaled: {made:?}");
    assert_eq!(made[0], ("contain".to_string(), "isolate".to_string()));

    // Resume in a fresh terminal.
    let pidfile = dir.path().join("resumed.pid");
    let args = format!("play --resume {}", journal.display());
    t.start("resumed", dir.path(), &script(&pidfile, &args));
    let pid = read_pid(&pidfile);
    // The resumed console shows the state the decisions made: e-mail cut off.
    t.wait_until(
        "resumed",
        "the resumed exercise with e-mail isolated",
        |s| {
            s.contains("E-mail                     isolated")
                && (s.contains("MANUAL CLOCK") || s.contains("PAUSED"))
        },
    );
    t.keys("resumed", "q");
    t.wait_for("resumed", "y yes");
    t.keys("resumed", "y");
    t.wait_for("resumed", "EXITED 0");
    wait_gone(pid);
    let after = read_journal(&journal).expect("the resumed journal reads");
    assert_eq!(choices(&after), made, "every decision is still there, once");
    assert_eq!(after.header.seed, 7);
    let sc = downtime::bundled::find("tutorial")
        .unwrap()
        .load()
        .scenario
        .unwrap();
    let ex = downtime::journal::replay(sc, &after).expect("the resumed journal replays");
    let taken = ex.state().decisions.iter().filter(|d| d.choice.is_some());
    assert_eq!(taken.count(), 2, "the replayed exercise has both decisions");
}

/// Sends `sig` to a `play` that has taken a decision; the journal must hold the decision,
/// the process must exit with 128 + the signal's number, and the pane must be a normal
/// terminal again.
fn signal_restores_the_terminal(sig: &str, code: i32) {
    let Some(t) = Tmux::new(&sig.to_lowercase()) else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let journal = dir.path().join("signalled.jsonl");
    let pid = start_and_decide(&t, "play", dir.path(), &journal);
    assert_eq!(
        t.display("play", "#{alternate_on}"),
        "1",
        "the console is full-screen"
    );
    signal(pid, sig);
    wait_gone(pid);
    let screen = t.wait_for("play", &format!("EXITED {code}"));
    assert!(
        screen.contains("stopped by a signal; the journal is saved"),
        "{screen}"
    );
    // Line mode is back (`icanon`, not `-icanon`) and the main screen is shown.
    let screen = t.wait_until("play", "the line mode", |s| {
        s.lines().any(|l| l.trim().ends_with("icanon"))
    });
    assert!(
        screen.lines().any(|l| l.trim() == "icanon"),
        "the terminal is left in raw mode:\n{screen}"
    );
    assert_eq!(
        t.display("play", "#{alternate_on}"),
        "0",
        "the main screen is back"
    );
    // The shell answers a typed command: keys are echoed and Enter ends the line.
    t.wait_until("play", "the shell's prompt", |s| {
        s.lines().any(|l| l.trim() == "$")
    });
    t.text("play", "echo RESTORED");
    t.keys("play", "Enter");
    t.wait_until("play", "RESTORED on its own line", |s| {
        s.lines().any(|l| l.trim_end() == "RESTORED")
    });
    let read = read_journal(&journal).expect("the journal reads");
    assert_eq!(
        choices(&read),
        vec![("contain".to_string(), "isolate".to_string())]
    );
    assert!(read.warning.is_none(), "no torn line: {:?}", read.warning);
    // The journal ends with a `quit` heartbeat: a presenter says at once that the console
    // closed, rather than waiting for heartbeats that will not come.
    let last = read.marks.last().map(|m| m.line.clone());
    assert!(
        matches!(
            last,
            Some(downtime::journal::MarkLine::Beat(downtime::journal::Beat {
                beat: downtime::journal::BeatKind::Quit,
                ..
            }))
        ),
        "{last:?}"
    );
}

#[test]
fn sigint_flushes_the_journal_and_restores_the_terminal() {
    signal_restores_the_terminal("INT", 130);
}

#[test]
fn sigterm_flushes_the_journal_and_restores_the_terminal() {
    signal_restores_the_terminal("TERM", 143);
}

#[test]
fn sighup_flushes_the_journal_and_restores_the_terminal() {
    signal_restores_the_terminal("HUP", 129);
}
