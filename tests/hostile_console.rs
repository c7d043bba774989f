//! The facilitator console on the hostile scenario (`tests/fixtures/hostile/hostile.ron`),
//! in a real terminal (tmux): every scenario and attachment text is shown as visible
//! placeholders, and the bytes the console writes hold no OSC (clipboard write, title
//! change), no DCS, no BEL or backspace, no C1 control and no
//! right-to-left override. Skipped (with a message) only without tmux.

#[path = "support/tmux.rs"]
mod tmux;

use std::path::Path;

use tmux::{Tmux, bin, read_pid, script_with_pid, wait_gone};

/// The placeholder form of the fixture's payload.
const SHOWN: &str = "␛]52;c;ZXZpbA==␇␛]0;pwned␇␛[2J␛[10;10H";

/// Panics if the raw output holds a sequence the scenario's text could have produced.
fn assert_no_payload(raw: &[u8]) {
    let find = |pat: &[u8]| raw.windows(pat.len()).position(|w| w == pat);
    for (what, pat) in [
        ("an OSC sequence", &b"\x1b]"[..]),
        ("a DCS sequence", b"\x1bP"),
        ("a cursor movement to 10;10", b"\x1b[10;10H"),
        ("a BEL", b"\x07"),
        ("a backspace", b"\x08"),
        ("a C1 CSI", b"\xc2\x9b"),
        ("a right-to-left override", "\u{202e}".as_bytes()),
    ] {
        if let Some(i) = find(pat) {
            let from = i.saturating_sub(60);
            panic!(
                "the console wrote {what} at byte {i}: {:?}",
                String::from_utf8_lossy(&raw[from..(i + 20).min(raw.len())])
            );
        }
    }
    let text = String::from_utf8_lossy(raw);
    assert!(
        !text.chars().any(|c| ('\u{80}'..='\u{9f}').contains(&c)),
        "a C1 control reached the terminal"
    );
}

#[test]
fn the_console_shows_hostile_text_as_placeholders() {
    let Some(t) = Tmux::new("console") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let raw = dir.path().join("raw.bin");
    let pidfile = dir.path().join("pid");
    let hostile = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hostile/hostile.ron");
    let journal = dir.path().join("hostile.jsonl");
    let command = format!(
        "{} play {} --seed 7 --journal {}",
        bin(),
        hostile.display(),
        journal.display()
    );
    t.start("c", dir.path(), &script_with_pid(&pidfile, &command));
    t.record("c", &raw);
    let pid = read_pid(&pidfile);
    let title = t.display("c", "#{pane_title}");
    // The briefing: title, summary, parameters and teams. The screen is read until the whole
    // frame holds the expected text (a capture can catch a frame half drawn).
    let briefing_title = format!("Briefing · Hostile title {SHOWN}");
    t.wait_until("c", "the briefing with the title as placeholders", |s| {
        s.contains("Start the exercise") && s.contains(&briefing_title)
    });
    t.keys("c", "s");
    // The exercise: the inject, its attachment, the decision and its options.
    let inject_title = format!("Inject title {SHOWN}");
    let option_b = format!("Option B {SHOWN}");
    t.wait_until(
        "c",
        "the inject, its attachment and both options as placeholders",
        |s| {
            s.contains("3 Option A")
                && s.contains(&inject_title)
                && s.contains("Attachment · attachments/hostile-note.txt")
                && s.contains(&option_b)
        },
    );
    // Seed 7 shows Option A third.
    t.keys("c", "3");
    t.wait_for("c", "Decided at Mon 08:00: 3. Option A");
    t.keys("c", "q");
    t.wait_for("c", "y yes");
    t.keys("c", "y");
    t.wait_for("c", "EXITED 0");
    wait_gone(pid);
    assert_eq!(
        t.display("c", "#{pane_title}"),
        title,
        "the scenario changed the terminal's title"
    );
    assert!(!t.display("c", "#{pane_title}").contains("pwned"));
    assert_no_payload(&std::fs::read(&raw).unwrap());
}
