//! One clock for the room: the console and the presenter side by side in tmux, their
//! exercise time and countdown compared after the start (the presenter opened about 10 s
//! after it), after a crash and a resume, and after the console quits; the presenter says
//! when the console is gone. Skipped (with a message) only when tmux is not installed.

use std::path::Path;
use std::time::{Duration, Instant};

#[path = "support/tmux.rs"]
mod tmux;
use tmux::{Tmux, WAIT, bin, read_pid, script_with_pid, signal, wait_gone};

/// The `H:MM:SS` after `elapsed `, in seconds.
fn elapsed(screen: &str) -> Option<u64> {
    let rest = &screen[screen.find("elapsed ")? + 8..];
    let hms: String = rest
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == ':')
        .collect();
    let parts: Vec<u64> = hms
        .split(':')
        .map(|p| p.parse().ok())
        .collect::<Option<_>>()?;
    match parts[..] {
        [h, m, s] => Some(h * 3600 + m * 60 + s),
        _ => None,
    }
}

/// The `M:SS` after `⏱ ` (a real-time countdown), in seconds.
fn countdown(screen: &str) -> Option<u64> {
    let rest = &screen[screen.find("⏱ ")? + "⏱ ".len()..];
    let ms: String = rest
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == ':')
        .collect();
    let (m, s) = ms.split_once(':')?;
    Some(m.parse::<u64>().ok()? * 60 + s.parse::<u64>().ok()?)
}

/// Both clocks of a screen, once it shows them.
fn clocks(t: &Tmux, s: &str) -> (u64, u64) {
    let screen = t.wait_until(s, "an exercise time and a countdown", |sc| {
        elapsed(sc).is_some() && countdown(sc).is_some()
    });
    (elapsed(&screen).unwrap(), countdown(&screen).unwrap())
}

/// Reads the console, the room, the console again: the room's clocks must lie within a
/// second of the console's, which moved between the two readings by at most that much.
fn assert_same_clock(t: &Tmux, console: &str, room: &str, when: &str) {
    // A reading can straddle a second: try a few times before calling it a difference.
    let mut last = None;
    for _ in 0..5 {
        let (e1, c1) = clocks(t, console);
        let (er, cr) = clocks(t, room);
        let (e2, c2) = clocks(t, console);
        let ok_e = e1.saturating_sub(1) <= er && er <= e2 + 1;
        let ok_c = c2.saturating_sub(1) <= cr && cr <= c1 + 1;
        if ok_e && ok_c {
            return;
        }
        last = Some(((e1, c1), (er, cr), (e2, c2)));
    }
    panic!(
        "{when}: the presenter's clock differs from the console's (console, room, console as (elapsed, countdown)): {last:?}\nconsole:\n{}\nroom:\n{}",
        t.screen(console),
        t.screen(room)
    );
}

/// Starts a session of 120×36 (the room's projector size) running `script` in `dir`.
fn start_wide(t: &Tmux, s: &str, dir: &Path, script: &str) {
    t.run(&[
        "new-session",
        "-d",
        "-s",
        s,
        "-x",
        "120",
        "-y",
        "36",
        "-c",
        dir.to_str().unwrap(),
        "-e",
        "NO_COLOR=1",
        "-e",
        "TERM=xterm-256color",
        "sh",
        "-c",
        script,
    ]);
}

/// Polls until `ok` holds for the screen, at most `within`.
fn within(t: &Tmux, s: &str, within: Duration, what: &str, ok: impl Fn(&str) -> bool) -> String {
    let start = Instant::now();
    loop {
        let screen = t.screen(s);
        if ok(&screen) {
            return screen;
        }
        assert!(
            start.elapsed() < within,
            "{what} did not show within {within:?}:\n{screen}"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

#[test]
fn the_presenter_shows_the_consoles_clock_through_a_start_a_crash_a_resume_and_a_quit() {
    let Some(t) = Tmux::new("clock") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let journal = dir.path().join("live.jsonl");
    let pidfile = dir.path().join("console.pid");
    // The console: the tutorial, started; its first decision has 3 real minutes.
    start_wide(
        &t,
        "console",
        dir.path(),
        &script_with_pid(
            &pidfile,
            &format!("{} play --seed 7 --journal {}", bin(), journal.display()),
        ),
    );
    t.wait_for("console", "Tutorial: Night Shift at the Lab");
    t.keys("console", "Enter");
    t.wait_for("console", "Set up the room");
    let brief = t.wait_for("console", "projector:");
    assert!(brief.contains("downtime present"), "{brief}");
    assert!(
        brief.contains("live.jsonl"),
        "the journal's path is shown: {brief}"
    );
    t.keys("console", "s");
    let screen = t.wait_for("console", "MANUAL CLOCK");
    assert!(!screen.contains("RUNNING"), "{screen}");
    // The presenter, opened about 10 s after the start.
    t.wait_until("console", "10 s of exercise time", |s| {
        elapsed(s).is_some_and(|e| e >= 10)
    });
    start_wide(
        &t,
        "room",
        dir.path(),
        &format!(
            "{} present {}; echo EXITED:$?; sleep 600",
            bin(),
            journal.display()
        ),
    );
    t.wait_for("room", "Ransom message on the lab screens");
    let (e, c) = clocks(&t, "room");
    assert!(
        e >= 10,
        "the room counts from the start, not from its opening: {e}"
    );
    assert!(c <= 170, "{c}");
    assert_same_clock(&t, "console", "room", "after the start");

    // The console crashes: the room says so, its countdown frozen.
    let pid = read_pid(&pidfile);
    signal(pid, "KILL");
    wait_gone(pid);
    let room = within(
        &t,
        "room",
        Duration::from_secs(25),
        "the console disconnected",
        |s| s.contains("console disconnected (last seen"),
    );
    let frozen = countdown(&room).unwrap();
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(3) {
        let s = t.screen("room");
        assert_eq!(countdown(&s), Some(frozen), "frozen:\n{s}");
        std::thread::sleep(Duration::from_millis(200));
    }

    // Resumed: the countdown goes on from the crash (its last heartbeat), not from the
    // last command (the start, 3:00 left); the console says how long it was away.
    start_wide(
        &t,
        "console2",
        dir.path(),
        &script_with_pid(
            &pidfile,
            &format!("{} play --resume {}", bin(), journal.display()),
        ),
    );
    let resumed = t.wait_for("console2", "resumed after an interruption of");
    let (_, c) = clocks(&t, "console2");
    assert!(
        c <= frozen + 1 && c + 5 >= frozen,
        "the countdown goes on from {frozen}, not from 180: {c}\n{resumed}"
    );
    within(&t, "room", WAIT, "the console back", |s| {
        !s.contains("console disconnected")
    });
    assert_same_clock(&t, "console2", "room", "after the resume");

    // Quit: the room says the console is gone within 15 s, and stops counting.
    t.keys("console2", "q");
    t.wait_for("console2", "Quit?");
    t.keys("console2", "y");
    t.wait_for("console2", "EXITED 0");
    let room = within(
        &t,
        "room",
        Duration::from_secs(15),
        "the console closed",
        |s| s.contains("console closed"),
    );
    assert!(!room.contains("MANUAL CLOCK"), "{room}");
    let frozen = countdown(&room).unwrap();
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(2) {
        assert_eq!(countdown(&t.screen("room")), Some(frozen));
        std::thread::sleep(Duration::from_millis(200));
    }
    t.keys("room", "q");
    t.wait_for("room", "EXITED:0");
    // The journal replays as if the heartbeats were not there, and the report tells of
    // the interruption.
    let read = downtime::journal::read_journal(&journal).unwrap();
    assert!(!read.marks.is_empty());
    let out = std::process::Command::new(bin())
        .args(["report", journal.to_str().unwrap(), "--no-analysis"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let md = String::from_utf8_lossy(&out.stdout);
    assert!(md.contains("resumed after an interruption of"), "{md}");
}

#[test]
fn present_latest_waits_for_the_exercise_and_says_which_journal_it_follows() {
    let Some(t) = Tmux::new("latest") else {
        return;
    };
    let home = tempfile::tempdir().unwrap();
    let data = home.path().join("data");
    let env = format!("XDG_DATA_HOME={}", data.display());
    // The presenter first: nothing to follow yet.
    start_wide(
        &t,
        "room",
        home.path(),
        &format!(
            "{env} {} present --latest; echo EXITED:$?; sleep 600",
            bin()
        ),
    );
    t.wait_for("room", "waiting for one");
    start_wide(
        &t,
        "console",
        home.path(),
        &format!("{env} {} play --seed 3; echo EXITED:$?; sleep 600", bin()),
    );
    t.wait_for("console", "Tutorial: Night Shift at the Lab");
    t.keys("console", "Enter");
    let brief = t.wait_for("console", "downtime present --latest");
    assert!(brief.contains("journal"), "{brief}");
    t.keys("console", "s");
    t.wait_for("room", "Ransom message on the lab screens");
    let room = t.wait_for("room", "following");
    assert!(room.contains("tutorial-"), "{room}");
    t.keys("room", "q");
    t.wait_for("room", "EXITED:0");
    t.keys("console", "q");
    t.wait_for("console", "Quit?");
    t.keys("console", "y");
    t.wait_for("console", "EXITED:0");
}

#[test]
fn present_waits_for_a_journal_not_yet_created_and_follows_a_folder() {
    let Some(t) = Tmux::new("waits") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let journal = dir.path().join("later.jsonl");
    start_wide(
        &t,
        "room",
        dir.path(),
        &format!(
            "{} present {}; echo EXITED:$?; sleep 600",
            bin(),
            journal.display()
        ),
    );
    t.wait_for("room", "waiting for");
    start_wide(
        &t,
        "folder",
        dir.path(),
        &format!(
            "{} present {}; echo EXITED:$?; sleep 600",
            bin(),
            dir.path().display()
        ),
    );
    t.wait_for("folder", "waiting for one");
    start_wide(
        &t,
        "console",
        dir.path(),
        &format!(
            "{} play --seed 7 --journal {}; echo EXITED:$?; sleep 600",
            bin(),
            journal.display()
        ),
    );
    t.wait_for("console", "Tutorial: Night Shift at the Lab");
    t.keys("console", "Enter");
    t.wait_for("console", "Set up the room");
    t.keys("console", "s");
    t.wait_for("room", "Ransom message on the lab screens");
    t.wait_for("folder", "Ransom message on the lab screens");
    for s in ["room", "folder"] {
        t.keys(s, "q");
        t.wait_for(s, "EXITED:0");
    }
    t.keys("console", "q");
    t.wait_for("console", "Quit?");
    t.keys("console", "y");
    t.wait_for("console", "EXITED:0");
    // A folder that does not exist is an error, not a wait.
    let out = std::process::Command::new(bin())
        .args(["present", dir.path().join("nope/x.jsonl").to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}
