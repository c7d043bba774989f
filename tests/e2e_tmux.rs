//! End-to-end tests: the real binary driven through tmux with real keys, the screen read
//! back with `capture-pane`, the journal checked afterwards. Skipped (with a message) only
//! when tmux is not installed.

use std::path::Path;

#[path = "support/tmux.rs"]
mod tmux;
use tmux::{Tmux, bin};

/// Runs `command` in the pane, then says how it exited and keeps the pane open.
fn and_keep(command: &str) -> String {
    format!("{command}; echo EXITED:$?; sleep 600")
}

/// Starts `play` in session `s` with a fixed seed and journal, picks the tutorial and
/// starts it.
fn play_tutorial(t: &Tmux, s: &str, dir: &Path, journal: &Path) {
    t.start(
        s,
        dir,
        &and_keep(&format!(
            "{} play --seed 7 --journal {}",
            bin(),
            journal.display()
        )),
    );
    t.wait_for(s, "Choose a scenario");
    t.wait_for(s, "Tutorial: Night Shift at the Lab");
    t.keys(s, "Enter");
    t.wait_for(s, "Set up the room");
    t.keys(s, "s");
    t.wait_for(s, "Ransom message on the lab screens");
}

/// Plays on with real keys until the end screen: option 1 when a decision is open,
/// Enter at a phase break, n otherwise. Returns every screen seen.
fn play_to_the_end(t: &Tmux, s: &str, mut each: impl FnMut(&str)) -> String {
    let mut screen = t.screen(s);
    for _ in 0..60 {
        each(&screen);
        if screen.contains("■ ENDED") {
            return screen;
        }
        let key = if screen.contains("PHASE BREAK") {
            "Enter"
        } else if screen.contains("1-9 choose") {
            "1"
        } else {
            "n"
        };
        t.keys(s, key);
        t.wait_change(s, &screen);
        // A redraw may be in progress: read the screen once it has settled.
        screen = t.wait_stable(s);
    }
    panic!("the tutorial did not end within 60 keys:\n{screen}");
}

fn check_journal(path: &Path) {
    let read = downtime::journal::read_journal(path).expect("the journal reads back");
    assert_eq!(read.header.scenario_source, "bundled:tutorial.ron");
    assert_eq!(read.header.seed, 7);
    let names: Vec<&str> = read.entries.iter().map(|e| e.cmd.name()).collect();
    assert_eq!(names.first(), Some(&"start"));
    assert!(names.contains(&"choose"), "{names:?}");
    assert!(names.contains(&"next_phase"), "{names:?}");
    let sc = downtime::bundled::find("tutorial")
        .unwrap()
        .load()
        .scenario
        .unwrap();
    let ex = downtime::journal::replay(sc, &read).expect("the journal replays");
    assert!(ex.is_over(), "the replayed exercise has ended");
}

#[test]
fn the_tutorial_is_played_to_its_end_with_real_keys() {
    let Some(t) = Tmux::new("play") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let journal = dir.path().join("tutorial.jsonl");
    play_tutorial(&t, "play", dir.path(), &journal);
    // The presenter view hides the facilitator's material; v toggles it.
    // Screens are read until the whole frame is drawn (a capture can catch one half drawn).
    t.wait_until("play", "the facilitator's view", |s| {
        s.contains("★") && s.contains("Coming up")
    });
    t.keys("play", "v");
    t.wait_until(
        "play",
        "the presenter view without facilitator material",
        |s| s.contains("v facilitator view") && !s.contains("★") && !s.contains("Coming up"),
    );
    t.keys("play", "v");
    t.wait_for("play", "Coming up");
    // The help lists every key.
    t.keys("play", "?");
    t.wait_for("play", "Keys · exercise");
    t.keys("play", "Escape");
    t.wait_for("play", "Coming up");
    let end = play_to_the_end(&t, "play", |_| {});
    assert!(end.contains("■ ENDED"), "{end}");
    let shown_path = &journal.display().to_string()[..20];
    t.wait_until("play", "the end screen with the journal's path", |s| {
        s.contains("Ending ·") && s.contains("Score") && s.contains(shown_path)
    });
    // One key writes the after-action report beside the journal.
    t.keys("play", "x");
    t.wait_for("play", "Report:");
    let report = journal.with_extension("html");
    assert!(report.is_file(), "no report at {}", report.display());
    t.keys("play", "q");
    let after = t.wait_for("play", "EXITED:0");
    assert!(after.contains("Journal:"), "{after}");
    assert!(
        !after.contains("■ ENDED"),
        "the main screen is back: {after}"
    );
    check_journal(&journal);
}

#[test]
fn the_presenter_follows_the_live_journal_without_facilitator_notes() {
    let Some(t) = Tmux::new("present") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let journal = dir.path().join("live.jsonl");
    play_tutorial(&t, "play", dir.path(), &journal);
    t.start(
        "room",
        dir.path(),
        &and_keep(&format!("{} present {}", bin(), journal.display())),
    );
    t.wait_for("room", "Ransom message on the lab screens");
    let secrets = [
        "Facilitator notes",
        "recommended move",
        "★",
        "↳",
        "Coming up",
        "facilitator only",
    ];
    let mut titles_seen = Vec::new();
    play_to_the_end(&t, "play", |screen| {
        // Feed lines (severity, time, title): the facilitator's queue shows titles too.
        for (line, title) in [
            ("▲ Fri 22:15 The ransom note", "The ransom note"),
            ("◆ Fri 22:30 How does the lab keep", "How does the lab keep"),
            ("◆ Fri 23:00 The regional health", "The regional health"),
            (
                "▲ Sat 06:00 IT asks how to recover",
                "IT asks how to recover",
            ),
        ] {
            if screen.contains(line) && !titles_seen.contains(&title) {
                titles_seen.push(title);
                let room = t.wait_for("room", title);
                for s in secrets {
                    assert!(!room.contains(s), "`{s}` shown on the projector:\n{room}");
                }
            }
        }
    });
    assert!(titles_seen.len() >= 3, "{titles_seen:?}");
    let room = t.wait_until("room", "the end screen on the projector", |s| {
        s.contains("■ ENDED") && s.contains("Ending ·")
    });
    for s in secrets {
        assert!(!room.contains(s), "`{s}` shown on the projector:\n{room}");
    }
    t.keys("room", "q");
    t.wait_for("room", "EXITED:0");
    t.keys("play", "q");
    t.wait_for("play", "EXITED:0");
    check_journal(&journal);
}

/// `TERM=linux` (the Linux text console) gets the ASCII/Latin-1 glyph set, whatever the
/// terminal emulator could show; `TERM=dumb` is pointed to `run --interactive`.
#[test]
fn the_linux_console_gets_ascii_and_a_dumb_terminal_is_pointed_to_run_interactive() {
    let Some(t) = Tmux::new("terms") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let journal = dir.path().join("linux.jsonl");
    t.start(
        "linux",
        dir.path(),
        &and_keep(&format!(
            "TERM=linux {} play --seed 7 --journal {}",
            bin(),
            journal.display()
        )),
    );
    t.wait_for("linux", "Tutorial: Night Shift at the Lab");
    t.keys("linux", "Enter");
    t.wait_for("linux", "Set up the room");
    t.keys("linux", "s");
    t.wait_for("linux", "Ransom message on the lab screens");
    let screen = t.wait_stable("linux");
    assert!(screen.contains("> RUNNING"), "{screen}");
    assert!(screen.contains("? keys · q quit"), "{screen}");
    let outside: Vec<char> = screen
        .chars()
        .filter(|&c| !matches!(c, '\n' | ' '..='~' | '\u{A0}'..='\u{FF}'))
        .collect();
    assert!(
        outside.is_empty(),
        "{outside:?} on a Linux console:\n{screen}"
    );
    t.keys("linux", "q");
    t.wait_for("linux", "y yes");
    t.keys("linux", "y");
    t.wait_for("linux", "EXITED:0");

    t.start(
        "dumb",
        dir.path(),
        &and_keep(&format!("TERM=dumb {} play --seed 7", bin())),
    );
    let screen = t.wait_for("dumb", "EXITED:2");
    assert!(screen.contains("run --interactive"), "{screen}");
}
