//! Journals through the real binary in a real terminal (tmux): a journal whose file name
//! carries terminal sequences is resumed, forked and reported on without one of them
//! reaching the terminal; a second console on an open journal is refused and changes
//! nothing; and on a full file system the console and `run --interactive` say the command
//! was not saved, keep the journal readable, and carry on once space returns with every
//! acknowledged command in the journal exactly once. Skipped (with a message) without tmux,
//! and the full-disk tests also without the right to mount a small tmpfs. Unix only (tmux,
//! tmpfs, block counts).
#![cfg(unix)]

#[path = "support/smallfs.rs"]
mod smallfs;
#[path = "support/tmux.rs"]
mod tmux;

use std::collections::BTreeSet;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::time::Instant;

use downtime::engine::Command;
use downtime::journal::{Entry, JournalWriter, ReadJournal, lock_path, read_journal};
use smallfs::SmallFs;
use tmux::{Tmux, WAIT, bin, read_pid, script_with_pid, wait_gone};

fn tutorial() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/tutorial.ron")
}

/// The pane's whole scrollback, wrapped lines joined.
fn history(t: &Tmux, s: &str) -> String {
    let out = t.run(&["capture-pane", "-p", "-J", "-S", "-", "-t", s]);
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Polls the scrollback until `ok` holds.
fn wait_history(t: &Tmux, s: &str, what: &str, ok: impl Fn(&str) -> bool) -> String {
    let start = Instant::now();
    loop {
        let h = history(t, s);
        if ok(&h) {
            return h;
        }
        if start.elapsed() > WAIT {
            panic!("{what} did not appear within {WAIT:?}; the pane:\n{h}");
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
}

/// Starts a session of `w`×`h` running `sh -c SCRIPT` in `dir` (no colour).
fn start_sized(t: &Tmux, s: &str, dir: &Path, (w, h): (u16, u16), script: &str) {
    t.run(&[
        "new-session",
        "-d",
        "-s",
        s,
        "-x",
        &w.to_string(),
        "-y",
        &h.to_string(),
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

/// The texts of a journal's notes, in order.
fn notes(read: &ReadJournal) -> Vec<String> {
    read.entries
        .iter()
        .filter_map(|e| match &e.cmd {
            Command::Note { text } => Some(text.clone()),
            _ => None,
        })
        .collect()
}

/// Reads a journal that must be whole: no torn line, sequence numbers 1, 2, 3...
fn read_whole(path: &Path) -> ReadJournal {
    let read = read_journal(path).expect("the journal reads");
    assert!(read.warning.is_none(), "a torn line: {:?}", read.warning);
    for (i, e) in read.entries.iter().enumerate() {
        assert_eq!(e.seq, i as u64 + 1, "sequence numbers run on without a gap");
    }
    read
}

/// The tutorial, loaded.
fn tutorial_scenario() -> std::sync::Arc<downtime::scenario::Scenario> {
    downtime::scenario::load_file(&tutorial())
        .scenario
        .expect("the tutorial loads")
}

/// Replays a journal on the tutorial: every entry must apply.
fn replays(read: &ReadJournal) -> downtime::engine::Exercise {
    downtime::journal::replay(tutorial_scenario(), read).expect("the journal replays")
}

/// The number (from 1) that the tutorial shows option `option` of decision `decision` with
/// under `seed`: options are shown in an order shuffled per decision from the seed, and
/// number keys choose by the position shown.
fn shown_number(seed: u64, decision: &str, option: &str) -> usize {
    let sc = tutorial_scenario();
    let d = sc
        .decision_index(decision)
        .expect("a decision of the tutorial");
    let o = sc.decisions[usize::from(d)]
        .options
        .iter()
        .position(|o| o.id == option)
        .expect("an option of the decision");
    downtime::engine::shown_order(&sc, seed, d)
        .iter()
        .position(|&k| usize::from(k) == o)
        .expect("every option is shown")
        + 1
}

/// The numbers the console's decision panel shows before `label` (` N label`, or `✗N label`
/// when unavailable).
fn numbers_on_screen(screen: &str, label: &str) -> Vec<usize> {
    (1..=9)
        .filter(|n| {
            screen.contains(&format!(" {n} {label}")) || screen.contains(&format!("✗{n} {label}"))
        })
        .collect()
}

/// Waits until the console shows the option labelled `label` as the `n`th of an open
/// decision, and no other number for it: the shuffle computed here is the one on screen.
fn wait_option(t: &Tmux, s: &str, n: usize, label: &str) -> String {
    let screen = t.wait_until(s, &format!("`{label}` as an open option"), |sc| {
        !numbers_on_screen(sc, label).is_empty()
    });
    assert_eq!(
        numbers_on_screen(&screen, label),
        [n],
        "`{label}` is not shown as option {n}:\n{screen}"
    );
    screen
}

/// Makes an unfinished tutorial journal at `dir/name` with the real binary: the first
/// decision (contain: isolate) taken, the second (lab_mode) open at T+00:30.
fn make_journal(dir: &Path, name: &str) {
    use std::io::Write;
    let mut child = std::process::Command::new(bin())
        .current_dir(dir)
        .arg("run")
        .arg(tutorial())
        .args(["--interactive", "--seed", "1", "--journal", name])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let isolate = shown_number(1, "contain", "isolate");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(format!("{isolate}\n").as_bytes())
        .unwrap();
    assert!(child.wait().unwrap().success());
    assert_eq!(
        choices(&read_whole(&dir.join(name))),
        [("contain".to_string(), "isolate".to_string())]
    );
}

/// Where `pat` first occurs in `raw`.
fn find(raw: &[u8], pat: &[u8]) -> Option<usize> {
    raw.windows(pat.len()).position(|w| w == pat)
}

/// Panics with the bytes around `pat` if it occurs in `raw`.
fn assert_absent(raw: &[u8], what: &str, pat: &[u8]) {
    if let Some(i) = find(raw, pat) {
        let from = i.saturating_sub(60);
        panic!(
            "the terminal received {what} at byte {i}: {:?}",
            String::from_utf8_lossy(&raw[from..(i + 30).min(raw.len())])
        );
    }
}

// ----- hostile file names ------------------------------------------------------------------

/// The journal's stem: a title change (OSC 0), a screen clear (CSI 2J) and a right-to-left
/// override, as `printf` writes it in the shell...
const STEM_PRINTF: &str = r"evil\033]0;pwned\007\033[2Jwiped\342\200\256gpj";
/// ... as the bytes of the name...
const STEM: &str = "evil\x1b]0;pwned\x07\x1b[2Jwiped\u{202e}gpj";
/// ... and as the terminal must show it.
const SHOWN: &str = "evil␛]0;pwned␇␛[2Jwiped�gpj";

/// Panics if the raw bytes hold what the name's sequences would write. The console draws
/// with CSI sequences of its own, so only the name's payloads are looked for there.
fn assert_no_name_payload(raw: &[u8]) {
    for (what, pat) in [
        ("an OSC sequence", &b"\x1b]"[..]),
        ("the name's title change", b"0;pwned\x07"),
        ("a BEL", b"\x07"),
        ("the name's screen clear", b"\x1b[2Jwiped"),
        ("a right-to-left override", "\u{202e}".as_bytes()),
        ("a C1 CSI", b"\xc2\x9b"),
    ] {
        assert_absent(raw, what, pat);
    }
    let text = String::from_utf8_lossy(raw);
    assert!(
        !text.chars().any(|c| ('\u{80}'..='\u{9f}').contains(&c)),
        "a C1 control reached the terminal"
    );
}

#[test]
fn resuming_forking_and_reporting_a_hostile_journal_name_writes_no_sequence() {
    let Some(t) = Tmux::new("names") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let tut = tutorial();
    let tut = tut.display();
    let bin = bin();
    // The plain commands, one after the other; the script waits for Enter so that the
    // recording is on before the first byte.
    let script = format!(
        "read GO; S=\"$(printf '{STEM_PRINTF}')\"; \
         printf '1\\n' | {bin} run {tut} --interactive --seed 1 --journal \"$S.jsonl\"; echo \"CREATED $?\"; \
         {bin} run {tut} --interactive --resume \"$S.jsonl\"; echo \"RESUMED $?\"; \
         {bin} fork \"$S.jsonl\" --at 2; echo \"FORKED $?\"; \
         {bin} report \"$S.jsonl\"; echo \"REPORTED $?\"; \
         {bin} report \"$S.jsonl\" -o \"$S.md\"; echo \"WROTE $?\"; \
         sleep 600"
    );
    let raw = dir.path().join("cli.bin");
    t.start("cli", dir.path(), &script);
    t.record("cli", &raw);
    let title = t.display("cli", "#{pane_title}");
    t.keys("cli", "Enter");
    // The resumed run asks the open decision: stop there.
    wait_history(&t, "cli", "the resumed run's question", |h| {
        h.split_once("resumed at").is_some_and(|(_, after)| {
            after.contains("Your choice (1-2, or note TEXT, or q to stop):")
        })
    });
    t.text("cli", "q");
    t.keys("cli", "Enter");
    let h = wait_history(&t, "cli", "the last command's status", |h| {
        h.contains("WROTE ")
    });
    for done in [
        "CREATED 0",
        "RESUMED 0",
        "FORKED 0",
        "REPORTED 0",
        "WROTE 0",
    ] {
        assert!(h.contains(done), "no `{done}`:\n{h}");
    }
    // Every mention of the names is shown with placeholders.
    for shown in [
        format!("journal: {SHOWN}.jsonl\n"),
        format!("journal: {SHOWN}.jsonl (resumed, 4 entries)"),
        format!("{SHOWN}.fork-2.jsonl\n"),
        format!(
            "forked 2 of 4 entries; continue it with `downtime play --resume {SHOWN}.fork-2.jsonl`"
        ),
        format!("wrote {SHOWN}.md"),
    ] {
        assert!(h.contains(&shown), "`{shown}` is not shown:\n{h}");
    }
    // The commands did their work under the hostile names.
    let journal = dir.path().join(format!("{STEM}.jsonl"));
    let fork = dir.path().join(format!("{STEM}.fork-2.jsonl"));
    let report = dir.path().join(format!("{STEM}.md"));
    assert_eq!(read_whole(&journal).entries.len(), 4);
    let forked = read_whole(&fork);
    assert_eq!(forked.entries.len(), 2);
    assert_eq!(
        forked
            .header
            .forked_from
            .as_ref()
            .map(|f| f.journal.as_str()),
        Some(format!("{STEM}.jsonl").as_str())
    );
    assert!(std::fs::read_to_string(&report).unwrap().contains('#'));
    assert_eq!(
        t.display("cli", "#{pane_title}"),
        title,
        "the title changed"
    );
    let bytes = std::fs::read(&raw).unwrap();
    assert!(
        find(&bytes, SHOWN.as_bytes()).is_some(),
        "the recording holds the commands' output"
    );
    assert_no_name_payload(&bytes);
    // These commands write plain text: no escape sequence at all.
    assert_absent(&bytes, "an escape sequence", b"\x1b");

    // The console, resumed from the hostile name, and its exit lines.
    let script = format!(
        "read GO; S=\"$(printf '{STEM_PRINTF}')\"; \
         {bin} play --resume \"$S.jsonl\"; echo \"EXITED $?\"; sleep 600"
    );
    let raw = dir.path().join("console.bin");
    t.start("console", dir.path(), &script);
    t.record("console", &raw);
    let title = t.display("console", "#{pane_title}");
    t.keys("console", "Enter");
    t.wait_until("console", "the resumed console", |s| {
        // The newest message (the spread) is shown; the open decision is named, for Tab.
        s.contains("1 decision open: How does the lab keep working?") && s.contains("MANUAL CLOCK")
    });
    t.keys("console", "q");
    // The quit question names the journal to resume, with placeholders.
    let quit = format!("downtime play --resume {SHOWN}.jsonl");
    t.wait_until("console", "the quit question naming the journal", |s| {
        s.contains("y yes") && s.contains(&quit)
    });
    t.keys("console", "y");
    let screen = t.wait_for("console", "EXITED 0");
    assert!(
        screen.contains(&format!("Journal: {SHOWN}.jsonl\n")),
        "{screen}"
    );
    assert!(
        screen.contains(&format!("Resume:  downtime play --resume {SHOWN}.jsonl\n")),
        "{screen}"
    );
    assert_eq!(
        t.display("console", "#{pane_title}"),
        title,
        "the title changed"
    );
    assert!(!t.display("console", "#{pane_title}").contains("pwned"));
    let bytes = std::fs::read(&raw).unwrap();
    assert!(
        find(&bytes, SHOWN.as_bytes()).is_some(),
        "the recording holds the console's output"
    );
    assert_no_name_payload(&bytes);
    // The console only read: the journal is as the resumed run left it.
    assert_eq!(read_whole(&journal).entries.len(), 4);
}

// ----- one writer --------------------------------------------------------------------------

#[test]
fn a_second_console_on_an_open_journal_is_refused_and_changes_nothing() {
    let Some(t) = Tmux::new("lock") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    make_journal(dir.path(), "open.jsonl");
    let journal = dir.path().join("open.jsonl");
    let pidfile = dir.path().join("first.pid");
    let play = format!("{} play --resume open.jsonl", bin());
    t.start("first", dir.path(), &script_with_pid(&pidfile, &play));
    let pid = read_pid(&pidfile);
    // The console is drawn once the journal is open (and locked).
    t.wait_until("first", "the resumed console", |s| {
        s.contains("How does the lab work tonight?") && s.contains("MANUAL CLOCK")
    });
    let before = std::fs::read(&journal).unwrap();
    let lock_before = std::fs::read_to_string(lock_path(&journal)).unwrap();
    assert_eq!(
        lock_before.trim(),
        pid.to_string(),
        "the lock names its holder"
    );

    // A second console, then a headless run, on the same journal.
    let second = format!(
        "{bin} play --resume open.jsonl; echo \"play exit=$?\"; \
         {bin} run {tut} --resume open.jsonl; echo \"run exit=$?\"; sleep 600",
        bin = bin(),
        tut = tutorial().display()
    );
    t.start("second", dir.path(), &second);
    let h = wait_history(&t, "second", "both refusals", |h| h.contains("run exit="));
    for (cmd, code) in [("play", "play exit=2"), ("run", "run exit=2")] {
        let refused =
            format!("downtime {cmd}: journal open.jsonl is open in another console (pid {pid})");
        assert!(h.contains(&refused), "no `{refused}`:\n{h}");
        assert!(h.contains(code), "no `{code}`:\n{h}");
    }
    assert_eq!(
        std::fs::read(&journal).unwrap(),
        before,
        "the journal is intact"
    );
    assert_eq!(
        std::fs::read_to_string(lock_path(&journal)).unwrap(),
        lock_before,
        "the lock still names the first console"
    );

    // The first console still works: a decision and a note.
    let paper = shown_number(1, "lab_mode", "paper");
    wait_option(&t, "first", paper, "Switch to paper downtime forms");
    t.keys("first", &paper.to_string());
    t.wait_for("first", &format!("Decided at Fri 22:30: {paper}. "));
    t.keys("first", "a");
    t.wait_for("first", "Enter saves the note in the journal");
    t.text("first", "written while another console was refused");
    t.keys("first", "Enter");
    t.wait_for("first", "note added to the journal");
    t.keys("first", "q");
    t.wait_for("first", "y yes");
    t.keys("first", "y");
    t.wait_for("first", "EXITED 0");
    wait_gone(pid);
    assert!(
        !lock_path(&journal).exists(),
        "the lock went with its console"
    );
    let read = read_whole(&journal);
    assert_eq!(
        choices(&read),
        [
            ("contain".to_string(), "isolate".to_string()),
            ("lab_mode".to_string(), "paper".to_string())
        ]
    );
    assert_eq!(notes(&read), ["written while another console was refused"]);

    // Once the first console is gone, the journal resumes again.
    let pidfile = dir.path().join("third.pid");
    t.start("third", dir.path(), &script_with_pid(&pidfile, &play));
    let pid = read_pid(&pidfile);
    t.wait_until("third", "the console resumed with the lab on paper", |s| {
        s.contains("MANUAL CLOCK") && s.contains("50% paper")
    });
    t.keys("third", "q");
    t.wait_for("third", "y yes");
    t.keys("third", "y");
    t.wait_for("third", "EXITED 0");
    wait_gone(pid);
    let again = read_whole(&journal);
    assert_eq!(
        again.entries, read.entries,
        "resuming and quitting adds nothing"
    );
    replays(&again);
}

// ----- a full file system ------------------------------------------------------------------

/// Bytes the journal can still grow by without a new block of the file system: a file's
/// last block is its own, so a full disk refuses a write only beyond it.
fn slack(path: &Path) -> u64 {
    let m = std::fs::metadata(path).unwrap();
    (m.blocks() * 512).saturating_sub(m.len())
}

/// The length of the journal line of a note (with a generous `t`, so never too short).
fn note_line(seq: u64, text: &str) -> u64 {
    let entry = Entry {
        seq,
        t: 9_999_999,
        cmd: Command::Note { text: text.into() },
    };
    JournalWriter::line(&entry).unwrap().len() as u64 + 1
}

/// A note text of `bytes` bytes: `n<k>-` then `x`s. At most 500 characters fit in the
/// console's field; they are typed in one burst, which must stay below 1 KiB: crossterm's
/// event source reads at most 1 KiB per wake-up, and leaves the rest of a larger burst
/// unread until the next key.
fn note_text(k: usize, bytes: u64) -> String {
    let mut text = format!("n{k}-");
    let rest = (bytes as usize).saturating_sub(text.len());
    text.push_str(&"x".repeat(rest));
    text
}

/// The decisions the console's log shows as taken (`chose N. OPTION · TITLE`, cut to the
/// panel: the console shows no ids), by id, each line once: a line is the decision whose
/// option label starts with what the line shows of it.
fn log_choices(screen: &str) -> Vec<String> {
    let sc = tutorial_scenario();
    screen
        .lines()
        .filter_map(|l| l.split_once("chose ").map(|(_, rest)| rest))
        .filter_map(|rest| {
            let (_, label) = rest.split_once(". ")?;
            let shown = label.split(['…', '·']).next()?.trim();
            (shown.len() >= 5).then_some(shown)
        })
        .filter_map(|shown| {
            sc.decisions
                .iter()
                .find(|d| d.options.iter().any(|o| o.label.starts_with(shown)))
                .map(|d| d.id.clone())
        })
        .collect()
}

/// Adds a note with real keys; returns the screen (whole, not a frame half drawn) once it
/// says whether it was saved.
fn add_note(t: &Tmux, s: &str, text: &str) -> String {
    t.keys(s, "a");
    t.wait_for(s, "Enter saves the note in the journal");
    t.text(s, text);
    t.keys(s, "Enter");
    t.wait_until(s, "the note saved or not", |sc| {
        sc.contains("note added to the journal") || sc.contains("✗ not saved")
    });
    t.wait_stable(s)
}

/// Plays on with `n` (Enter at a phase break) until a decision is open, then takes its
/// first option; returns the screen showing it taken.
fn next_decision(t: &Tmux, s: &str) -> String {
    for _ in 0..20 {
        let screen = t.wait_stable(s);
        if screen.contains("1-9 choose") {
            t.keys(s, "1");
            t.wait_until(s, "the decision taken", |sc| sc.contains("Decided at"));
            return t.wait_stable(s);
        }
        t.keys(
            s,
            if screen.contains("PHASE BREAK") {
                "Enter"
            } else {
                "n"
            },
        );
        t.wait_change(s, &screen);
    }
    panic!("no decision within 20 keys:\n{}", t.screen(s));
}

#[test]
fn a_full_disk_in_the_console_saves_nothing_half_and_loses_nothing() {
    // The file system outlives the terminal (dropped after it), so that it is not in use
    // when it is unmounted.
    let Some(fs) = SmallFs::mount(64) else {
        return;
    };
    let Some(t) = Tmux::new("fullplay") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let journal = fs.path().join("j.jsonl");
    let pidfile = dir.path().join("play.pid");
    let play = format!(
        "{} play {} --journal {} --seed 1",
        bin(),
        tutorial().display(),
        journal.display()
    );
    // Wide enough for the facilitator's log.
    start_sized(
        &t,
        "play",
        dir.path(),
        (160, 45),
        &script_with_pid(&pidfile, &play),
    );
    let pid = read_pid(&pidfile);
    let mut shown = BTreeSet::new();
    let mut seen = |screen: &str| {
        let ids = log_choices(screen);
        let unique: BTreeSet<_> = ids.iter().cloned().collect();
        assert_eq!(
            unique.len(),
            ids.len(),
            "a decision logged twice:\n{screen}"
        );
        shown.extend(ids);
    };
    // Options are shown shuffled by the seed: each is chosen by the number it is shown with.
    let isolate = shown_number(1, "contain", "isolate");
    let paper = shown_number(1, "lab_mode", "paper");
    t.wait_for("play", "Start the exercise");
    t.keys("play", "s");
    wait_option(&t, "play", isolate, "Isolate the network now");
    t.keys("play", &isolate.to_string());
    t.wait_for("play", &format!("Decided at Fri 22:00: {isolate}. "));
    seen(&t.wait_stable("play"));
    // On to the second decision, while there is room.
    t.keys("play", "n");
    t.wait_for("play", "The ransom note");
    t.keys("play", "n");
    wait_option(&t, "play", paper, "Switch to paper downtime forms");
    t.wait_for("play", "1-9 choose");

    // The disk fills up. Notes take the journal's last block to within a few bytes of its
    // end, so the next decision cannot be saved.
    fs.fill();
    let mut saved = Vec::new();
    while slack(&journal) >= 60 {
        let seq = read_whole(&journal).entries.len() as u64 + 1;
        let overhead = note_line(seq, "");
        let bytes = (slack(&journal) - 10 - overhead).min(480);
        let text = note_text(saved.len(), bytes);
        assert!(note_line(seq, &text) <= slack(&journal));
        let screen = add_note(&t, "play", &text);
        assert!(
            screen.contains("note added to the journal"),
            "a note that fits was not saved:\n{screen}"
        );
        saved.push(text);
    }
    let full = std::fs::read(&journal).unwrap();
    let read = read_whole(&journal);
    assert_eq!(
        notes(&read),
        saved,
        "every note acknowledged is in the journal"
    );
    let acknowledged = read.entries.clone();

    // The decision is not saved: the console says so and still shows it open.
    t.keys("play", &paper.to_string());
    t.wait_for("play", "✗ not saved: cannot write the journal");
    let screen = t.wait_stable("play");
    seen(&screen);
    assert!(!screen.contains("Decided at Fri 22:30"), "{screen}");
    assert_eq!(
        numbers_on_screen(&screen, "Switch to paper downtime forms"),
        [paper],
        "{screen}"
    );
    assert!(
        !log_choices(&screen).contains(&"lab_mode".to_string()),
        "{screen}"
    );
    assert_eq!(
        std::fs::read(&journal).unwrap(),
        full,
        "nothing half written"
    );
    assert_eq!(read_whole(&journal).entries, acknowledged);

    // A note is not saved either, and stays in its box to try again.
    let kept = "kept once the disk had room again";
    let screen = add_note(&t, "play", kept);
    assert!(screen.contains("✗ not saved"), "{screen}");
    assert!(
        screen.contains(kept) && screen.contains("Enter saves the note in the journal"),
        "the note's box is open with its text:\n{screen}"
    );
    assert_eq!(
        std::fs::read(&journal).unwrap(),
        full,
        "nothing half written"
    );

    // Space returns: the same note and the same decision are saved, once.
    fs.free();
    t.keys("play", "Enter");
    t.wait_for("play", "note added to the journal");
    wait_option(&t, "play", paper, "Switch to paper downtime forms");
    t.keys("play", &paper.to_string());
    t.wait_for("play", &format!("Decided at Fri 22:30: {paper}. "));
    let screen = t.wait_stable("play");
    seen(&screen);
    assert!(
        log_choices(&screen).contains(&"lab_mode".to_string()),
        "{screen}"
    );
    // The exercise goes on.
    seen(&next_decision(&t, "play"));
    t.keys("play", "q");
    t.wait_for("play", "y yes");
    t.keys("play", "y");
    t.wait_for("play", "EXITED 0");
    wait_gone(pid);

    let read = read_whole(&journal);
    assert_eq!(&read.entries[..acknowledged.len()], &acknowledged[..]);
    let mut all_notes = saved.clone();
    all_notes.push(kept.to_string());
    assert_eq!(notes(&read), all_notes, "each note once");
    let made = choices(&read);
    assert_eq!(made.len(), 3, "{made:?}");
    assert_eq!(made[0], ("contain".to_string(), "isolate".to_string()));
    assert_eq!(made[1], ("lab_mode".to_string(), "paper".to_string()));
    let ids: BTreeSet<String> = made.iter().map(|(d, _)| d.clone()).collect();
    assert_eq!(ids.len(), made.len(), "each decision once: {made:?}");
    assert_eq!(
        ids, shown,
        "the journal holds the decisions the console showed taken"
    );
    let ex = replays(&read);
    let taken = ex.state().decisions.iter().filter(|d| d.choice.is_some());
    assert_eq!(taken.count(), 3);
}

/// The length of what `run --interactive --seed 1` on `source` writes to its journal
/// before its first question (the header and the start line): a run in `dir` with nothing
/// on stdin, which stops there.
fn opening_len(dir: &Path, source: &str) -> u64 {
    let journal = dir.join("opening.jsonl");
    let out = std::process::Command::new(bin())
        .current_dir(dir)
        .args(["run", source, "--interactive", "--seed", "1", "--journal"])
        .arg(&journal)
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "the measuring run failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let read = read_whole(&journal);
    assert_eq!(read.entries.len(), 1, "the start only");
    let len = std::fs::metadata(&journal).unwrap().len();
    std::fs::remove_file(&journal).unwrap();
    len
}

/// The tutorial's path, padded with `./` (and one more `/`) to `len` bytes.
fn padded_tutorial(len: usize) -> Option<String> {
    let dir = format!("{}/", tutorial().parent()?.display());
    let pad = len.checked_sub(dir.len() + "tutorial.ron".len())?;
    let mut path = dir;
    if pad % 2 == 1 {
        path.push('/');
    }
    path.push_str(&"./".repeat(pad / 2));
    path.push_str("tutorial.ron");
    // Paths reach the system as C strings of at most PATH_MAX bytes.
    (path.len() < 4000).then_some(path)
}

#[test]
fn a_full_disk_under_run_interactive_asks_again_and_loses_nothing() {
    // The file system outlives the terminal (dropped after it), so that it is not in use
    // when it is unmounted.
    let Some(fs) = SmallFs::mount(64) else {
        return;
    };
    let Some(t) = Tmux::new("fullrun") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    // `run --interactive` writes only short lines; the header, which holds the scenario's
    // path as given, is made to end the journal's first block a few bytes early (after the
    // start line), so the first decision cannot be saved once the disk is full.
    let probe = fs.path().join("probe");
    std::fs::write(&probe, b"x").unwrap();
    let block = std::fs::metadata(&probe).unwrap().blocks() * 512;
    std::fs::remove_file(&probe).unwrap();
    // The header also holds the room's UTC offset and time-zone name, so its length is
    // measured (a run that stops at the first question, off the small file system), then
    // the path padded by what is missing, and the padded opening measured again.
    let plain = tutorial().display().to_string();
    let target = block.checked_sub(30);
    let want = target
        .and_then(|target| target.checked_sub(opening_len(dir.path(), &plain)))
        .map(|missing| plain.len() + missing as usize);
    let Some(mut source) = want.and_then(padded_tutorial) else {
        eprintln!("SKIPPED: blocks of {block} bytes cannot be ended by a journal's header");
        return;
    };
    // Some of the opening's numbers change length with the path and with the machine's
    // speed: pad again by what is still missing, a few times.
    for _ in 0..4 {
        let (Some(target), got) = (target, opening_len(dir.path(), &source)) else {
            break;
        };
        if got == target {
            break;
        }
        let len = (source.len() as i64 + target as i64 - got as i64) as usize;
        let Some(again) = padded_tutorial(len) else {
            break;
        };
        source = again;
    }
    // The start line's real time (`"t"`) is a few digits longer on a slow machine: a few
    // bytes either way still leave no room for the first decision's line in the block.
    let got = opening_len(dir.path(), &source);
    assert!(
        target.is_some_and(|t| got.abs_diff(t) <= 4),
        "the padded header ends {block}-byte blocks about 30 bytes early: {got} for {target:?}"
    );
    let journal = fs.path().join("r.jsonl");
    let script = format!(
        "{} run {source} --interactive --seed 1 --journal {}; echo \"EXITED $?\"; sleep 600",
        bin(),
        journal.display()
    );
    t.start("run", dir.path(), &script);
    // Options are shown shuffled by the seed: each is chosen by the number it is shown with.
    let isolate = shown_number(1, "contain", "isolate");
    let send_out = shown_number(1, "lab_mode", "send_out");
    const ASK: &str = "Your choice (1-";
    const RETRY: &str = "Press Enter to try again, or q to stop:";
    let asked = |n: usize| {
        wait_history(&t, "run", &format!("question {n}"), |h| {
            h.matches(ASK).count() >= n
        })
    };
    let h = asked(1);
    let listed = format!("\n  {isolate}. Isolate the network now\n");
    assert!(h.contains(&listed), "no `{listed}`:\n{h}");
    let first = read_whole(&journal);
    assert_eq!(first.entries.len(), 1, "the start only");
    let room = slack(&journal);
    assert!(
        room < 60,
        "the header did not end the block as planned: {room} bytes left"
    );
    let before = std::fs::read(&journal).unwrap();

    fs.fill();
    t.text("run", &isolate.to_string());
    t.keys("run", "Enter");
    let h = wait_history(&t, "run", "the retry question", |h| h.contains(RETRY));
    assert!(
        h.contains("not saved: cannot write the journal")
            && h.contains("nothing changed, try again once this is fixed"),
        "{h}"
    );
    assert!(!h.contains("CHOSE contain"), "{h}");
    assert_eq!(
        std::fs::read(&journal).unwrap(),
        before,
        "nothing half written"
    );
    assert_eq!(read_whole(&journal).entries, first.entries);
    // Still full: trying again fails again, and changes nothing.
    t.keys("run", "Enter");
    asked(2);
    t.text("run", &isolate.to_string());
    t.keys("run", "Enter");
    wait_history(&t, "run", "the second retry question", |h| {
        h.matches(RETRY).count() >= 2
    });
    assert_eq!(
        std::fs::read(&journal).unwrap(),
        before,
        "nothing half written"
    );

    // Space returns: the same decision is asked again and saved once; the run goes on.
    fs.free();
    t.keys("run", "Enter");
    asked(3);
    t.text("run", &isolate.to_string());
    t.keys("run", "Enter");
    let h = wait_history(&t, "run", "the next decision", |h| {
        h.contains("CHOSE contain") && h.contains("How does the lab work tonight?")
    });
    assert!(h.contains("How does the lab work tonight?"));
    let h = asked(4);
    let listed = format!("\n  {send_out}. Drive urgent samples to the partner lab\n");
    assert!(h.contains(&listed), "no `{listed}`:\n{h}");
    t.text("run", &send_out.to_string());
    t.keys("run", "Enter");
    wait_history(&t, "run", "the third decision", |h| {
        h.contains("What do you tell the agency now?") && h.matches(ASK).count() >= 5
    });
    t.text("run", "q");
    t.keys("run", "Enter");
    let h = wait_history(&t, "run", "the end of the run", |h| h.contains("EXITED "));
    assert!(h.contains("EXITED 0"), "{h}");
    assert!(h.contains("Stopped at T+01:00"), "{h}");
    assert_eq!(h.matches("CHOSE contain").count(), 1, "{h}");
    assert_eq!(h.matches("CHOSE lab_mode").count(), 1, "{h}");

    let read = read_whole(&journal);
    assert_eq!(read.header.scenario_source, source);
    assert_eq!(
        choices(&read),
        [
            ("contain".to_string(), "isolate".to_string()),
            ("lab_mode".to_string(), "send_out".to_string())
        ],
        "each choice once"
    );
    replays(&read);
}
