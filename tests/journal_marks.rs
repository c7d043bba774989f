//! Heartbeats and view entries in journals: they are read back in place, never replayed,
//! kept by `fork` up to the entry forked at, left out of reports except for the
//! interruptions they record, and a resume goes on from the last one. Journals without
//! them (older versions) read as before.

use std::path::Path;
use std::sync::Arc;

use downtime::engine::Command;
use downtime::headless::{Policy, next_command};
use downtime::journal::marks::{interruptions, view_state};
use downtime::journal::{
    BeatKind, MarkLine, Session, ViewEntry, read_journal, read_journal_text, replay,
};
use downtime::scenario::Scenario;

fn tutorial() -> Arc<Scenario> {
    downtime::bundled::find("tutorial")
        .unwrap()
        .load()
        .scenario
        .unwrap()
}

const WALL: i64 = 1_764_599_400_000;

/// Plays `n` commands of a random playthrough (seed 5), one every 1.5 s; with `marks`, a
/// heartbeat and a view entry between the commands.
fn play(path: &Path, n: usize, marks: bool) -> Session {
    let mut session = Session::create(
        tutorial(),
        "bundled:tutorial.ron",
        5,
        path,
        "2026-01-01T10:00:00Z".into(),
    )
    .unwrap();
    let mut policy = Policy::random(5);
    for i in 0..n {
        let Some(cmd) = next_command(session.exercise(), &mut policy) else {
            break;
        };
        session.apply_at(cmd, (i as u64 + 1) * 1500).unwrap();
        if marks {
            let kind = if i == 0 {
                BeatKind::Open
            } else {
                BeatKind::Run
            };
            session.beat(kind, WALL + i as i64 * 1500).unwrap();
            session
                .view(ViewEntry::Select {
                    inject: "ransom_note".into(),
                })
                .unwrap();
        }
    }
    session
}

/// The journal's lines without its heartbeats and view entries.
fn without_marks(path: &Path) -> String {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .filter(|l| !l.starts_with("{\"beat\"") && !l.starts_with("{\"view\""))
        .map(|l| format!("{l}\n"))
        .collect()
}

#[test]
fn heartbeats_and_view_entries_are_read_in_place_and_never_replayed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("j.jsonl");
    let session = play(&path, 30, true);
    let read = read_journal(&path).unwrap();
    assert!(read.warning.is_none());
    assert_eq!(read.entries.len() as u64, session.entries());
    assert_eq!(read.marks.len(), 2 * read.entries.len());
    // Each mark knows how many entries came before it.
    for (k, pair) in read.marks.chunks(2).enumerate() {
        assert_eq!(pair[0].after, k as u64 + 1);
        assert!(matches!(pair[0].line, MarkLine::Beat(_)));
        assert!(matches!(pair[1].line, MarkLine::View(_)));
    }
    // They are compact: a heartbeat is one short line.
    let text = std::fs::read_to_string(&path).unwrap();
    let beat = text.lines().find(|l| l.starts_with("{\"beat\"")).unwrap();
    assert!(beat.len() < 60, "{beat}");
    // The same commands replay to the same state, with or without them.
    let plain = read_journal_text("plain", without_marks(&path).as_bytes()).unwrap();
    assert!(plain.marks.is_empty());
    assert_eq!(plain.entries, read.entries);
    let a = replay(tutorial(), &read).unwrap();
    let b = replay(tutorial(), &plain).unwrap();
    assert_eq!(a.fingerprint(), b.fingerprint());
    assert_eq!(a.fingerprint(), session.exercise().fingerprint());
    let v = view_state(&read.marks);
    assert_eq!(v.selected.as_deref(), Some("ransom_note"));
}

#[test]
fn a_damaged_heartbeat_is_refused_in_the_middle_and_dropped_at_the_end() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("j.jsonl");
    drop(play(&path, 5, true));
    let text = std::fs::read_to_string(&path).unwrap();
    // In the middle: an error with its line number.
    let bad = text.replacen("\"beat\":\"run\"", "\"beat\":\"sleepwalk\"", 1);
    let line = bad
        .lines()
        .position(|l| l.contains("sleepwalk"))
        .map(|n| n + 1)
        .unwrap();
    let err = read_journal_text("j", bad.as_bytes())
        .unwrap_err()
        .to_string();
    assert!(err.starts_with(&format!("j:{line}:")), "{err}");
    assert!(err.contains("heartbeat"), "{err}");
    // Torn at the end: dropped with a warning, everything before kept.
    let torn = format!("{text}{{\"beat\":\"run\",\"t\":99");
    let read = read_journal_text("j", torn.as_bytes()).unwrap();
    assert!(read.warning.is_some());
    assert_eq!(read.entries.len(), 5);
    // A line that is neither an entry nor a mark is still an error.
    let odd = format!("{text}{{\"tick\":1}}\n");
    assert!(read_journal_text("j", odd.as_bytes()).is_err());
}

#[test]
fn fork_keeps_the_marks_before_its_entry_and_replays_the_same() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("j.jsonl");
    drop(play(&path, 20, true));
    let out = dir.path().join("fork.jsonl");
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_downtime"))
        .args(["fork", path.to_str().unwrap(), "--at", "8"])
        .args(["-o", out.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(
        status.status.success(),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
    let read = read_journal(&out).unwrap();
    let original = read_journal(&path).unwrap();
    assert_eq!(read.entries[..], original.entries[..8]);
    assert!(read.marks.iter().all(|m| m.after < 8), "{:?}", read.marks);
    let kept: Vec<_> = original.marks.iter().filter(|m| m.after < 8).collect();
    assert_eq!(read.marks.len(), kept.len());
    // The fork's lines are the original's, in the same order, up to entry 8.
    let orig_text = std::fs::read_to_string(&path).unwrap();
    let fork_text = std::fs::read_to_string(&out).unwrap();
    let orig_lines: Vec<&str> = orig_text.lines().skip(1).collect();
    let fork_lines: Vec<&str> = fork_text.lines().skip(1).collect();
    assert_eq!(fork_lines[..], orig_lines[..fork_lines.len()]);
    let mut plain = original.clone();
    plain.entries.truncate(8);
    plain.marks.clear();
    assert_eq!(
        replay(tutorial(), &read).unwrap().fingerprint(),
        replay(tutorial(), &plain).unwrap().fingerprint()
    );
}

#[test]
fn a_resume_goes_on_from_the_last_heartbeat_and_records_the_interruption() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("j.jsonl");
    let mut s = play(&path, 6, true);
    let last_t = s.exercise().state().real_now;
    // The console lived on 40 s after its last command, then crashed.
    s.apply_at(
        Command::Note {
            text: "room is busy".into(),
        },
        last_t + 1000,
    )
    .unwrap();
    drop(s);
    let mut text = std::fs::read_to_string(&path).unwrap();
    text.push_str(&format!(
        "{{\"beat\":\"run\",\"t\":{},\"wall\":{}}}\n",
        last_t + 41_000,
        WALL + 60_000
    ));
    std::fs::write(&path, &text).unwrap();
    let read = read_journal(&path).unwrap();
    let mut resumed = Session::resume(tutorial(), &path, &read, false).unwrap();
    assert!(
        resumed.real_now() >= last_t + 41_000,
        "countdowns go on from the crash, not from the last command"
    );
    let r = resumed.resumed().unwrap();
    assert_eq!(r.last_beat.unwrap().wall, WALL + 60_000);
    assert_eq!(r.view.selected.as_deref(), Some("ransom_note"));
    // Reopened four minutes later.
    resumed
        .beat_at(BeatKind::Open, last_t + 41_000, WALL + 300_000)
        .unwrap();
    drop(resumed);
    let read = read_journal(&path).unwrap();
    let gaps = interruptions(&read.marks);
    assert_eq!(gaps.len(), 1);
    assert_eq!(gaps[0].ms, 240_000);
    assert_eq!(gaps[0].after, read.entries.len() as u64);
}

/// The Markdown report of a journal, named `j.jsonl` wherever it is.
fn report_md(path: &Path) -> String {
    let doc = downtime::report::build(&[path.to_path_buf()], None)
        .unwrap()
        .document;
    downtime::report::render(&doc, downtime::report::Format::Md)
}

#[test]
fn reports_are_the_same_with_heartbeats_except_for_the_interruptions() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    std::fs::create_dir_all(&a).unwrap();
    std::fs::create_dir_all(&b).unwrap();
    let with = a.join("j.jsonl");
    let plain = b.join("j.jsonl");
    drop(play(&with, 25, true));
    std::fs::write(&plain, without_marks(&with)).unwrap();
    let md = report_md(&with);
    assert_eq!(
        md,
        report_md(&plain),
        "heartbeats change nothing in a report"
    );
    assert!(!md.contains("interruption"));
    // A console reopened the journal 4 minutes after the last heartbeat.
    let mut text = std::fs::read_to_string(&with).unwrap();
    let read = read_journal(&with).unwrap();
    let last = downtime::journal::marks::last_beat(&read.marks).unwrap();
    text.push_str(&format!(
        "{{\"beat\":\"open\",\"t\":{},\"wall\":{}}}\n",
        last.t,
        last.wall + 4 * 60_000
    ));
    // And a note written after the resume: its wall-clock time counts the interruption.
    let t = last.t + 1000;
    text.push_str(&format!(
        "{{\"seq\":{},\"t\":{t},\"cmd\":\"note\",\"text\":\"after the break\"}}\n",
        read.entries.len() + 1
    ));
    std::fs::write(&with, text).unwrap();
    let md = report_md(&with);
    assert!(
        md.contains("resumed after an interruption of 4 min"),
        "{md}"
    );
    let json = downtime::report::render(
        &downtime::report::build(std::slice::from_ref(&with), None)
            .unwrap()
            .document,
        downtime::report::Format::Json,
    );
    assert!(json.contains("\"interruptions\""), "{json}");
    let start = chrono::DateTime::parse_from_rfc3339("2026-01-01T10:00:00Z").unwrap();
    let wall = start + chrono::Duration::milliseconds((t + 4 * 60_000) as i64);
    let expected = wall.to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let note = &v["reports"][0]["overview"]["facilitator_notes"][0]["when"]["real"];
    assert_eq!(note.as_str(), Some(expected.as_str()), "{v:#}");
}

#[test]
fn hostile_heartbeats_neither_panic_nor_stop_a_resume() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("j.jsonl");
    drop(play(&path, 3, false));
    let mut text = std::fs::read_to_string(&path).unwrap();
    text.push_str(&format!(
        "{{\"beat\":\"run\",\"t\":{},\"wall\":{}}}\n{{\"beat\":\"open\",\"t\":{},\"wall\":{}}}\n{{\"view\":\"select\",\"inject\":\"no_such_inject\"}}\n{{\"view\":\"pacing\",\"on\":true,\"speed\":4000000000}}\n",
        u64::MAX,
        i64::MAX,
        u64::MAX,
        i64::MIN
    ));
    std::fs::write(&path, text).unwrap();
    let read = read_journal(&path).unwrap();
    assert_eq!(read.marks.len(), 4);
    let gaps = interruptions(&read.marks);
    assert_eq!(
        gaps[0].ms, 0,
        "a wall clock going backwards is no interruption"
    );
    let s = Session::resume(tutorial(), &path, &read, false).unwrap();
    let _ = s.real_now();
    // The console ignores an inject it does not know and clamps the speed.
    let real = s.real_now();
    let mut app = downtime::tui::App::session(s, downtime::tui::Theme::plain());
    let play = app.play().unwrap();
    assert_eq!(play.ui.pacing.speed, 240);
    assert!(play.ui.selected.is_some());
    // Its clock at the end of time draws and ticks without a panic.
    use downtime::tui::Msg;
    app.update(Msg::Wall(downtime::tui::app::WallNow {
        ms: i64::MAX,
        offset_s: 0,
    }));
    app.update(Msg::Tick(real));
    app.update(Msg::Resize(120, 36));
    let mut term = ratatui::Terminal::new(ratatui::backend::TestBackend::new(120, 36)).unwrap();
    term.draw(|f| downtime::tui::view::draw(f, &app)).unwrap();
    // And the report still builds.
    let doc = downtime::report::build(std::slice::from_ref(&path), None)
        .unwrap()
        .document;
    let _ = downtime::report::render(&doc, downtime::report::Format::Md);
}

#[test]
fn the_newest_open_journal_is_one_whose_console_is_still_there() {
    let dir = tempfile::tempdir().unwrap();
    let now = WALL + 100_000;
    let order = std::cell::Cell::new(0u64);
    let write = |name: &str, beat: Option<(&str, i64)>, locked: bool| {
        let path = dir.path().join(name);
        drop(play(&path, 2, false));
        if let Some((kind, wall)) = beat {
            let mut text = std::fs::read_to_string(&path).unwrap();
            text.push_str(&format!(
                "{{\"beat\":\"{kind}\",\"t\":3000,\"wall\":{wall}}}\n"
            ));
            std::fs::write(&path, text).unwrap();
        }
        if locked {
            // What a console leaves beside its journal (held while it runs; left by a crash).
            std::fs::write(downtime::journal::lock_path(&path), "1\n").unwrap();
        }
        // Written in this order, one after the other: the last is the newest.
        order.set(order.get() + 1);
        std::fs::File::options()
            .write(true)
            .open(&path)
            .unwrap()
            .set_modified(
                std::time::UNIX_EPOCH + std::time::Duration::from_secs(1_000_000 + order.get()),
            )
            .unwrap();
        path
    };
    let live = write("live.jsonl", Some(("run", now - 4_000)), true);
    assert_eq!(
        downtime::journal::newest_open(dir.path(), now).as_deref(),
        Some(live.as_path())
    );
    // Newer, but its console crashed a minute ago (its lock file stayed), or quit, or has
    // no lock file at all: not followed.
    write("crashed.jsonl", Some(("run", now - 60_000)), true);
    write("quit.jsonl", Some(("quit", now - 1_000)), true);
    write("closed.jsonl", Some(("run", now - 1_000)), false);
    assert_eq!(
        downtime::journal::newest_open(dir.path(), now).as_deref(),
        Some(live.as_path())
    );
    // A console without heartbeats (an older version) counts while its lock is there.
    let old = write("old.jsonl", None, true);
    assert_eq!(
        downtime::journal::newest_open(dir.path(), now).as_deref(),
        Some(old.as_path())
    );
}
