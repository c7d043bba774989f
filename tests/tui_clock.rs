//! The console's clock: heartbeats written as time passes (and at a pause, a resume and the
//! end), the presenter's clock computed from them (paused, closed, disconnected), the
//! header's clock states, pacing that waits for a decision's real-time limit, and a
//! resume that keeps what was read, the selection, the pacing and the interruption.

use std::path::Path;
use std::sync::Arc;

use downtime::bundled;
use downtime::journal::{self, BeatKind, MarkLine, Session, read_journal};
use downtime::scenario::Scenario;
use downtime::tui::app::{ConsoleState, WallNow};
use downtime::tui::link::Follower;
use downtime::tui::{App, Config, JournalChoice, Msg, Theme, view};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

const WALL: i64 = 1_764_599_400_000;

fn tutorial() -> Arc<Scenario> {
    bundled::find("tutorial").unwrap().load().scenario.unwrap()
}

fn app_with(journal: JournalChoice) -> App {
    App::briefing(
        tutorial(),
        "bundled:tutorial.ron".into(),
        Config {
            seed: Some(7),
            journal,
        },
        Theme::plain(),
    )
}

fn keys(app: &mut App, keys: &str) {
    for c in keys.chars() {
        let code = match c {
            '\n' => KeyCode::Enter,
            c => KeyCode::Char(c),
        };
        app.update(Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)));
    }
}

/// The runner's order: the wall clock, then the session's real time.
fn at(app: &mut App, wall: i64, real: u64) {
    app.update(Msg::Wall(WallNow {
        ms: wall,
        offset_s: 3600,
    }));
    app.update(Msg::Tick(real));
}

fn choice(app: &App, decision: &str) -> Option<String> {
    let ex = app.play().unwrap().ex();
    let d = ex.scenario().decision_index(decision).unwrap();
    ex.state().decisions[d as usize].choice.as_ref().map(|c| {
        ex.scenario().decisions[d as usize].options[c.option as usize]
            .id
            .clone()
    })
}

/// The first two lines of the screen (the header) at 120×36.
fn header(app: &mut App) -> String {
    header_at(app, 120, 36)
}

fn header_at(app: &mut App, w: u16, h: u16) -> String {
    app.update(Msg::Resize(w, h));
    let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
    term.draw(|f| view::draw(f, app)).unwrap();
    let buf = term.backend().buffer().clone();
    (0..2)
        .map(|y| {
            (0..w)
                .map(|x| buf[(x, y)].symbol().to_string())
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn beats(path: &Path) -> Vec<BeatKind> {
    read_journal(path)
        .unwrap()
        .marks
        .iter()
        .filter_map(|m| match &m.line {
            MarkLine::Beat(b) => Some(b.beat),
            MarkLine::View(_) => None,
        })
        .collect()
}

#[test]
fn heartbeats_come_every_ten_seconds_and_at_each_change_of_the_clock() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("j.jsonl");
    let mut a = app_with(JournalChoice::At(path.clone()));
    keys(&mut a, "s");
    for s in 0..=25 {
        at(&mut a, WALL + s * 1000, s as u64 * 1000);
    }
    use BeatKind::*;
    assert_eq!(beats(&path), [Open, Run, Run]);
    keys(&mut a, "p");
    // Paused: one a minute, enough to tell a console that is still there.
    for s in 26..=100 {
        at(&mut a, WALL + s * 1000, s as u64 * 1000);
    }
    keys(&mut a, "p");
    a.update(Msg::Closing);
    assert_eq!(beats(&path), [Open, Run, Run, Pause, Pause, Resume, Quit]);
    // Between 0 and 100 s: a few short lines, and the commands replay as before.
    let read = read_journal(&path).unwrap();
    assert!(read.marks.len() <= 10, "{:?}", read.marks);
    let names: Vec<&str> = read.entries.iter().map(|e| e.cmd.name()).collect();
    assert_eq!(names, ["start", "pause", "resume"]);
    journal::replay(tutorial(), &read).unwrap();
}

#[test]
fn the_header_says_how_the_clock_moves() {
    let mut a = app_with(JournalChoice::Off);
    keys(&mut a, "s");
    at(&mut a, WALL, 16_000);
    let h = header(&mut a);
    assert!(h.contains("MANUAL CLOCK"), "{h}");
    assert!(!h.contains("RUNNING"), "{h}");
    assert!(h.contains("Night: the alert"), "{h}");
    assert!(h.contains("elapsed 0:00:16 excl. pauses · 15:30"), "{h}");
    // At 80 columns the time of day moves up beside the clock's state.
    let h = header_at(&mut a, 80, 24);
    assert!(h.contains("15:30 · MANUAL CLOCK"), "{h}");
    assert!(
        h.contains("Phase 1/2 · Night") && h.contains("elapsed 0:00:16"),
        "{h}"
    );
    keys(&mut a, "r");
    let h = header(&mut a);
    assert!(h.contains("▶ PACED 1 min = 15 min"), "{h}");
    keys(&mut a, "p");
    at(&mut a, WALL + 30_000, 46_000);
    let h = header(&mut a);
    assert!(h.contains("⏸ PAUSED"), "{h}");
    assert!(h.contains("elapsed 0:00:16"), "pauses are not counted: {h}");
}

#[test]
fn with_pacing_a_decision_never_times_out_by_scenario_time_before_its_real_limit() {
    // The tutorial's first decision: 3 real minutes, 45 scenario minutes. At 30 scenario
    // minutes per real minute, the scenario limit would come after 90 real seconds.
    let mut a = app_with(JournalChoice::Off);
    keys(&mut a, "sr++"); // pacing on, 15 -> 30 -> 60: one step back
    keys(&mut a, "-");
    assert_eq!(a.play().unwrap().ui.pacing.speed, 30);
    for s in 0..=170 {
        a.update(Msg::Tick(s * 1000));
    }
    let ex = a.play().unwrap().ex();
    assert_eq!(
        choice(&a, "contain"),
        None,
        "still open after 170 real seconds"
    );
    assert_eq!(
        ex.now(),
        30 * 60,
        "the clock waits before the scenario limit"
    );
    let h = header(&mut a);
    assert!(h.contains("waits for a decision"), "{h}");
    for s in 171..=181 {
        a.update(Msg::Tick(s * 1000));
    }
    assert_eq!(choice(&a, "contain").as_deref(), Some("wait"));
    let ex = a.play().unwrap().ex();
    assert!(ex.state().decisions[0].choice.as_ref().unwrap().timeout);
    // Answered: the clock moves on.
    for s in 182..=260 {
        a.update(Msg::Tick(s * 1000));
    }
    assert!(a.play().unwrap().ex().now() > 30 * 60);
}

#[test]
fn a_resume_keeps_what_was_read_the_selection_the_pacing_and_the_interruption() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("j.jsonl");
    let mut a = app_with(JournalChoice::At(path.clone()));
    keys(&mut a, "s");
    at(&mut a, WALL, 1000);
    keys(&mut a, "2nn"); // three injects in the feed, the newest selected
    keys(&mut a, "j"); // the one before it
    keys(&mut a, "r+"); // pacing on at 30
    at(&mut a, WALL + 5_000, 5_000);
    let play = a.play().unwrap();
    let selected = play.ui.selected;
    let read = play.ui.read.clone();
    let feed = play.ex().state().feed.clone();
    assert_eq!(feed.len(), 3);
    assert_ne!(
        selected,
        feed.last().copied(),
        "an older inject is selected"
    );
    // The console dies without a word 40 s later (its last heartbeat at 40 s).
    for s in 6..=40 {
        at(&mut a, WALL + s * 1000, s as u64 * 1000);
    }
    drop(a);
    let j = read_journal(&path).unwrap();
    let session = Session::resume(tutorial(), &path, &j, false).unwrap();
    assert!(
        session.real_now() >= 40_000,
        "the clock goes on from the crash"
    );
    let mut b = App::session(session, Theme::plain());
    let play = b.play().unwrap();
    assert_eq!(play.ui.selected, selected);
    assert_eq!(play.ui.read, read);
    assert!(play.ui.pacing.on);
    assert_eq!(play.ui.pacing.speed, 30);
    // Four minutes after the last heartbeat.
    at(&mut b, WALL + 280_000, 41_000);
    let log = &b.play().unwrap().ui.log;
    assert!(
        log.iter()
            .any(|l| l.ends_with("resumed after an interruption of 4 min")),
        "{log:?}"
    );
    b.update(Msg::Closing);
    drop(b);
    let gaps = journal::marks::interruptions(&read_journal(&path).unwrap().marks);
    assert_eq!(gaps.len(), 1);
    // 240 s of wall clock, of which the session's clock counted 1 s (40 s -> 41 s).
    assert_eq!(gaps[0].ms, 239_000);
}

#[test]
fn the_presenter_takes_its_clock_from_the_heartbeats_and_says_when_the_console_is_gone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("j.jsonl");
    let mut console = app_with(JournalChoice::At(path.clone()));
    keys(&mut console, "s");
    at(&mut console, WALL, 16_000);
    let f = Follower::open(&path, tutorial()).unwrap();
    let mut room = App::follow(f, Theme::plain());
    room.update(Msg::Refresh);
    // 10 s after the console's heartbeat, the presenter's clock is 10 s further on.
    let real = room
        .play()
        .unwrap()
        .link
        .real_now(WALL + 10_000)
        .to_string();
    assert_eq!(real, "26000");
    at(&mut room, WALL + 10_000, 26_000);
    assert_eq!(room.play().unwrap().ui.console, ConsoleState::Live);
    let h = header(&mut room);
    assert!(h.contains("elapsed 0:00:26"), "{h}");
    // No heartbeat for more than 15 s: disconnected, the clock frozen at its last value.
    let later = WALL + 27_000;
    at(&mut room, later, 16_000);
    assert_eq!(room.play().unwrap().ui.console, ConsoleState::Lost(27));
    assert_eq!(room.play().unwrap().link.real_now(later), 16_000);
    let h = header(&mut room);
    assert!(
        h.contains("console disconnected (last seen 27 s ago)"),
        "{h}"
    );
    // The console turns pacing on: the projector says so too.
    at(&mut console, WALL + 28_000, 44_000);
    keys(&mut console, "r");
    room.update(Msg::Refresh);
    at(&mut room, WALL + 28_500, 44_500);
    assert!(header(&mut room).contains("▶ PACED 1 min = 15 min"));
    // The console pauses, then quits: the presenter says so at once.
    keys(&mut console, "p");
    room.update(Msg::Refresh);
    at(&mut room, WALL + 29_000, 45_000);
    assert_eq!(room.play().unwrap().ui.console, ConsoleState::Paused);
    assert!(header(&mut room).contains("console paused"));
    console.update(Msg::Closing);
    room.update(Msg::Refresh);
    at(&mut room, WALL + 30_000, 44_000);
    assert!(matches!(
        room.play().unwrap().ui.console,
        ConsoleState::Closed(_)
    ));
    assert!(header(&mut room).contains("console closed"));
}

#[test]
fn ctrl_z_suspends_with_a_heartbeat_and_the_presenter_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("j.jsonl");
    let mut a = app_with(JournalChoice::At(path.clone()));
    keys(&mut a, "s");
    at(&mut a, WALL, 1000);
    a.update(Msg::Key(KeyEvent::new(
        KeyCode::Char('z'),
        KeyModifiers::CONTROL,
    )));
    assert!(a.suspend, "the runner is asked to stop the process");
    assert!(!a.quit);
    let f = Follower::open(&path, tutorial()).unwrap();
    let mut room = App::follow(f, Theme::plain());
    at(&mut room, WALL + 4000, 0);
    assert_eq!(room.play().unwrap().ui.console, ConsoleState::Suspended(4));
    assert!(header(&mut room).contains("console suspended"));
    // `fg`, a minute later.
    a.update(Msg::Wall(WallNow {
        ms: WALL + 60_000,
        offset_s: 0,
    }));
    a.update(Msg::Continued(61_000));
    assert!(!a.suspend);
    use BeatKind::*;
    assert_eq!(beats(&path), [Open, Suspend, Continue]);
    room.update(Msg::Refresh);
    at(&mut room, WALL + 61_000, 0);
    assert_eq!(room.play().unwrap().ui.console, ConsoleState::Live);
    assert_eq!(room.play().unwrap().link.real_now(WALL + 61_000), 62_000);
}

#[test]
fn mouse_tracking_is_button_only() {
    use ratatui::crossterm::Command as _;
    let mut on = String::new();
    downtime::tui::terminal::EnableButtonMouse
        .write_ansi(&mut on)
        .unwrap();
    assert_eq!(on, "\x1b[?1000h\x1b[?1006h");
    assert!(
        !on.contains("1003") && !on.contains("1002"),
        "no motion tracking"
    );
    let mut off = String::new();
    downtime::tui::terminal::DisableMouse
        .write_ansi(&mut off)
        .unwrap();
    assert!(off.contains("\x1b[?1000l") && off.contains("\x1b[?1003l"));
}
