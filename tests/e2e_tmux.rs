//! End-to-end tests: the real binary driven through tmux with real keys, the screen read
//! back with `capture-pane`, the journal checked afterwards. Skipped (with a message) only
//! when tmux is not installed.

use std::path::Path;
use std::sync::Arc;

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
        let key = if screen.contains("y yes") {
            // A question before a key that would lose something (a timeout, a phase
            // skip, an ending with decisions open): go on.
            "y"
        } else if screen.contains("PHASE BREAK") {
            "Enter"
        } else if screen.contains("Enter takes the") && screen.contains("[x]") {
            // Several answers: an option is ticked; Enter takes it (the first Enter may
            // only bring the decision panel forward).
            "Enter"
        } else if screen.contains("1-9 choose") {
            "1"
        } else if screen.contains("(press Tab)") {
            // A decision is open on another message: show it.
            "Tab"
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
        |s| {
            s.contains("Ransom message")
                && !s.contains("★")
                && !s.contains("Coming up")
                && !s.contains("all keys")
        },
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

/// Presses Space until the console asks before a step (one that would time an open
/// decision out); returns the question's screen.
fn step_until_asked(t: &Tmux, s: &str) -> String {
    for _ in 0..10 {
        let screen = t.wait_stable(s);
        if screen.contains("y yes") {
            return screen;
        }
        t.keys(s, "Space");
        t.wait_change(s, &screen);
    }
    panic!("Space never asked:\n{}", t.screen(s));
}

#[test]
fn capital_n_asks_first_and_undo_restores_a_decision_timed_out_by_scenario_time() {
    let Some(t) = Tmux::new("safety") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let journal = dir.path().join("safety.jsonl");
    play_tutorial(&t, "play", dir.path(), &journal);
    t.wait_for("play", "Do you cut the clinic's network");
    // N with a decision open asks first; n answers no and changes nothing.
    t.keys("play", "N");
    t.wait_until("play", "the question before a phase skip", |s| {
        s.contains("Skip to the next phase?") && s.contains("1 decision is still open")
    });
    t.keys("play", "n");
    t.wait_until("play", "the question closed", |s| {
        !s.contains("y yes") && s.contains("T+00:00")
    });
    let names = |j: &Path| -> Vec<String> {
        downtime::journal::read_journal(j)
            .unwrap()
            .entries
            .iter()
            .map(|e| e.cmd.name().to_string())
            .collect()
    };
    assert_eq!(names(&journal), ["start"], "nothing was done");
    // A step past contain's scenario-time limit asks too; yes times it out.
    let q = step_until_asked(&t, "play");
    assert!(q.contains("Time out the open decision and go on?"), "{q}");
    t.keys("play", "y");
    t.wait_for("play", "⏱ time ran out: default taken (1. Wait for IT");
    let screen = t.wait_stable("play");
    assert!(
        !screen.contains("✓"),
        "no success mark for a timeout:\n{screen}"
    );
    // Undo restores the decision, after a preview and a yes.
    t.keys("play", "u");
    t.wait_until("play", "the undo preview", |s| {
        s.contains("Undo?") && s.contains("opens again")
    });
    t.keys("play", "y");
    t.wait_for("play", "2 decisions open");
    let read = downtime::journal::read_journal(&journal).unwrap();
    let sc = downtime::bundled::find("tutorial")
        .unwrap()
        .load()
        .scenario
        .unwrap();
    let ex = downtime::journal::replay(Arc::clone(&sc), &read).unwrap();
    let contain = sc.decision_index("contain").unwrap();
    assert!(ex.pending().contains(&contain), "contain is open again");
    assert_eq!(read.entries.last().unwrap().cmd.name(), "undo");
    t.keys("play", "q");
    t.wait_for("play", "y yes");
    t.keys("play", "y");
    t.wait_for("play", "EXITED:0");
}

#[test]
fn the_facilitator_pins_an_attachment_on_the_presenter_and_releases_it() {
    let Some(t) = Tmux::new("pin") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let journal = dir.path().join("pin.jsonl");
    play_tutorial(&t, "play", dir.path(), &journal);
    t.wait_for("play", "2 Isolate the network now");
    t.keys("play", "2");
    t.wait_for("play", "Decided at Fri 22:00: 2. Isolate");
    t.keys("play", "n");
    t.wait_for("play", "▲ Fri 22:15 The ransom note");
    t.start(
        "room",
        dir.path(),
        &and_keep(&format!("{} present {}", bin(), journal.display())),
    );
    t.wait_for("room", "The technician photographs the full message");
    t.keys("play", "n");
    t.wait_for("play", "◆ Fri 22:30 How does the lab keep");
    // The projector shows the newest message by default.
    t.wait_for("room", "The wards are phoning for results");
    // The facilitator selects the ransom note again and pins its attachment.
    t.keys("play", "j");
    t.wait_for("play", "The technician photographs the full message");
    t.keys("play", "s");
    t.wait_for("play", "Show on the projector");
    t.keys("play", "2");
    t.wait_for("play", "on the projector until released");
    let room = t.wait_for("room", "attached to “The ransom note”");
    assert!(!room.contains("The wards are phoning"), "{room}");
    // Released: the newest message again.
    t.keys("play", "s");
    t.wait_for("play", "release");
    t.keys("play", "4");
    t.wait_until("room", "the newest message again", |s| {
        s.contains("The wards are phoning for results") && !s.contains("attached to")
    });
    // The journal holds two view lines; its commands read and replay as before.
    let text = std::fs::read_to_string(&journal).unwrap();
    assert_eq!(text.matches(r#""view":"pin""#).count(), 1, "{text}");
    assert_eq!(text.matches(r#""view":"unpin""#).count(), 1, "{text}");
    check_replays(&journal);
    t.keys("room", "q");
    t.wait_for("room", "EXITED:0");
    t.keys("play", "q");
    t.wait_for("play", "y yes");
    t.keys("play", "y");
    t.wait_for("play", "EXITED:0");
}

fn check_replays(path: &Path) {
    let read = downtime::journal::read_journal(path).expect("the journal reads back");
    let names: Vec<&str> = read.entries.iter().map(|e| e.cmd.name()).collect();
    assert_eq!(names, ["start", "choose", "next_inject", "next_inject"]);
    let sc = downtime::bundled::find("tutorial")
        .unwrap()
        .load()
        .scenario
        .unwrap();
    downtime::journal::replay(sc, &read).expect("the journal replays");
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
    assert!(screen.contains("MANUAL CLOCK"), "{screen}");
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
