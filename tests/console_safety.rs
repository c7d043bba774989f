//! The facilitator console in a training room: a decision and its message stay together,
//! no irreversible key without a confirmation (one test per confirmation), undo and rewind
//! with a preview, the session plan, and the projector the facilitator drives (pins carried
//! to the presenter by journal view lines).

use std::sync::Arc;

use downtime::bundled;
use downtime::engine::Status;
use downtime::scenario::Scenario;
use downtime::tui::app::{Confirm, Overlay, Pin};
use downtime::tui::{App, Config, JournalChoice, Msg, Theme, view};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

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

fn started() -> App {
    let mut a = app_with(JournalChoice::Off);
    a.type_keys("s");
    a
}

fn fingerprint(app: &App) -> String {
    app.play().unwrap().ex().fingerprint()
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

fn pending(app: &App) -> Vec<String> {
    let ex = app.play().unwrap().ex();
    ex.pending()
        .iter()
        .map(|&d| ex.scenario().decisions[d as usize].id.clone())
        .collect()
}

fn shown_inject(app: &App) -> String {
    let p = app.play().unwrap();
    let i = p.shown(app.presenter).unwrap();
    p.ex().scenario().injects[i as usize].id.clone()
}

fn render(app: &mut App, w: u16, h: u16) -> String {
    app.update(Msg::Resize(w, h));
    let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
    term.draw(|f| view::draw(f, app)).unwrap();
    term.backend().to_string()
}

fn screen_text(app: &mut App, w: u16, h: u16) -> String {
    // The rendered buffer as plain lines (without the quotes TestBackend adds).
    render(app, w, h)
        .lines()
        .map(|l| l.trim_matches('"'))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Presses Space until the console asks (a step would time an open decision out); checks
/// that nothing timed out without asking.
fn step_until_asked(app: &mut App) {
    for _ in 0..8 {
        app.type_keys(" ");
        if app.overlay.is_some() {
            return;
        }
        let ex = app.play().unwrap().ex();
        assert!(
            ex.state().decisions.iter().all(|d| d.choice.is_none()),
            "a decision timed out without a question"
        );
    }
    panic!("Space never asked");
}

/// Goes on (`n`, saying yes to each question) until the exercise reaches its end.
fn play_to_the_end(app: &mut App) {
    for _ in 0..40 {
        if app.play().unwrap().ex().held_ending().is_some() || app.play().unwrap().ex().is_over() {
            return;
        }
        match confirm(app) {
            Some(Confirm::Clock(_)) => app.type_keys("y"),
            Some(_) => return,
            None => {}
        }
        match app.play().unwrap().ex().status() {
            Status::PhaseBreak { .. } => app.type_keys("\n"),
            _ => app.type_keys("n"),
        }
    }
}

fn confirm(app: &App) -> Option<Confirm> {
    match &app.overlay {
        Some(Overlay::Confirm(c)) => Some(c.clone()),
        _ => None,
    }
}

/// Contain left open, then the ransom note and the lab question: two decisions open, the
/// lab question (the newest) shown.
fn two_open() -> App {
    let mut a = started();
    a.type_keys("nn");
    assert_eq!(pending(&a), ["contain", "lab_mode"]);
    a
}

// ----- 2. the decision and its message stay together ----------------------------------

#[test]
fn with_two_decisions_open_the_number_keys_answer_the_decision_of_the_message_shown() {
    let mut a = two_open();
    assert_eq!(shown_inject(&a), "lab_question");
    let text = screen_text(&mut a, 160, 48);
    assert!(
        text.contains("2 decisions open: Ransom message on the lab screens (press Tab),"),
        "{text}"
    );
    assert!(
        text.contains("How does the lab keep working? (this message)"),
        "{text}"
    );
    // Whatever has the focus, the panel keeps the decision of the message shown.
    a.type_keys("ll");
    assert_eq!(shown_inject(&a), "lab_question");
    a.type_keys("2"); // paper, shown second for seed 7
    assert_eq!(choice(&a, "lab_mode").as_deref(), Some("paper"));
    assert_eq!(
        choice(&a, "contain"),
        None,
        "the other decision is untouched"
    );
    // Answering it does not switch the panel to the other decision.
    assert_eq!(shown_inject(&a), "lab_question");
    let text = screen_text(&mut a, 160, 48);
    assert!(
        text.contains("Decided at Fri 22:30: 2. Switch to paper"),
        "{text}"
    );
    assert!(
        text.contains("1 decision open: Ransom message on the lab screens (press Tab)"),
        "{text}"
    );
    // A number key on a message whose decision is taken answers nothing.
    let before = fingerprint(&a);
    a.type_keys("1");
    assert_eq!(fingerprint(&a), before);
    assert!(a.notice.as_ref().unwrap().text.contains("Tab"));
    // Tab shows the message of the open decision; then the keys answer it.
    a.type_keys("\t");
    assert_eq!(shown_inject(&a), "alert");
    a.type_keys("1");
    assert!(choice(&a, "contain").is_some());
}

#[test]
fn selecting_a_message_with_an_open_decision_shows_that_decision() {
    let mut a = two_open();
    a.type_keys("\x1bjj"); // the feed: lab question, ransom note, alert
    assert_eq!(shown_inject(&a), "alert");
    let text = screen_text(&mut a, 160, 48);
    assert!(text.contains("Do you cut the clinic's network"), "{text}");
    assert!(text.contains("2 decisions open"), "{text}");
    assert_eq!(
        view::exercise::open_line(&a, a.play().unwrap()).as_deref(),
        Some(
            "2 decisions open: Ransom message on the lab screens (this message), How does the lab keep working? (press Tab)"
        )
    );
    a.type_keys("k"); // the ransom note: no decision of its own
    assert_eq!(shown_inject(&a), "ransom_note");
    let text = screen_text(&mut a, 160, 48);
    assert!(text.contains("No decision for this message."), "{text}");
}

#[test]
fn the_presenter_view_follows_the_same_rule_without_key_hints() {
    let mut a = two_open();
    a.type_keys("v");
    let text = screen_text(&mut a, 160, 48);
    assert!(text.contains("2 decisions open:"), "{text}");
    assert_eq!(
        view::exercise::open_line(&a, a.play().unwrap()).as_deref(),
        Some(
            "2 decisions open: Ransom message on the lab screens, How does the lab keep working? (this message)"
        )
    );
    assert!(
        !text.contains("press Tab"),
        "no keys on the projector: {text}"
    );
    assert!(!text.contains("? all keys"), "no key hints: {text}");
}

// ----- 3. no irreversible key without a confirmation ----------------------------------

#[test]
fn capital_n_with_a_decision_open_asks_first_and_no_changes_nothing() {
    let mut a = started();
    let before = fingerprint(&a);
    a.type_keys("N");
    let Some(Confirm::Clock(ch)) = confirm(&a) else {
        panic!("N should ask first: {:?}", a.overlay);
    };
    assert_eq!(ch.to, 30 * 60, "it stops where the next decision opens");
    let text = screen_text(&mut a, 120, 36);
    assert!(text.contains("Skip to the next phase?"), "{text}");
    assert!(
        text.contains("1 decision is still open: Ransom message on the lab screens."),
        "{text}"
    );
    a.type_keys("n");
    assert_eq!(a.overlay, None);
    assert_eq!(fingerprint(&a), before, "answering n changes nothing");
    assert_eq!(pending(&a), ["contain"]);
    a.type_keys("N\x1b");
    assert_eq!(fingerprint(&a), before, "Esc changes nothing either");
    a.type_keys("Ny");
    assert_eq!(a.play().unwrap().ex().now(), 30 * 60);
    // Pressed again past contain's scenario-time limit, it names the timeout.
    a.type_keys("\tN");
    let Some(Confirm::Clock(ch)) = confirm(&a) else {
        panic!("N should ask first: {:?}", a.overlay);
    };
    assert!(!ch.timeouts.is_empty(), "{ch:?}");
    let text = screen_text(&mut a, 120, 36);
    // The default is named in the question, however its text wraps.
    let flat = text
        .split(|c: char| c.is_whitespace() || c == '│')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    assert!(flat.contains("(1. Wait for IT to look at it)"), "{text}");
    assert!(
        text.contains("Skip to the next phase and time out"),
        "{text}"
    );
    a.type_keys("y");
    assert_eq!(choice(&a, "contain").as_deref(), Some("wait"));
}

#[test]
fn capital_n_asks_even_with_no_decision_open_but_not_at_a_phase_break() {
    let mut a = started();
    a.type_keys("2"); // isolate
    a.type_keys("N");
    assert!(matches!(confirm(&a), Some(Confirm::Clock(_))));
    let text = screen_text(&mut a, 120, 36);
    assert!(text.contains("Skip to the next phase?"), "{text}");
    a.type_keys("y");
    // At a phase break, N begins the next phase as Enter does: nothing is lost.
    for _ in 0..10 {
        if matches!(a.play().unwrap().ex().status(), Status::PhaseBreak { .. }) {
            break;
        }
        if pending(&a).is_empty() {
            a.type_keys("Ny");
        } else {
            a.type_keys("\t1");
        }
    }
    assert!(matches!(
        a.play().unwrap().ex().status(),
        Status::PhaseBreak { .. }
    ));
    a.type_keys("N");
    assert_eq!(a.overlay, None);
    assert_eq!(a.play().unwrap().ex().state().phase, 1);
}

#[test]
fn space_that_would_time_out_an_open_decision_asks_first() {
    let mut a = started();
    // Contain times out at T+00:45 (scenario time); steps before that do not ask.
    step_until_asked(&mut a);
    assert_eq!(a.play().unwrap().ex().now(), 30 * 60);
    a.type_keys("\x1b");
    let before = fingerprint(&a);
    a.type_keys(" ");
    let Some(Confirm::Clock(ch)) = confirm(&a) else {
        panic!("Space should ask first: {:?}", a.overlay);
    };
    assert_eq!(ch.timeouts.len(), 1);
    a.type_keys("n");
    assert_eq!(fingerprint(&a), before);
    a.type_keys(" y");
    assert_eq!(choice(&a, "contain").as_deref(), Some("wait"));
}

#[test]
fn n_that_would_time_out_an_open_decision_asks_first() {
    let mut a = two_open(); // T+00:30, contain open until T+00:45
    let before = fingerprint(&a);
    a.type_keys("\tn");
    assert!(
        matches!(confirm(&a), Some(Confirm::Clock(_))),
        "{:?}",
        a.overlay
    );
    a.type_keys("\x1b");
    assert_eq!(fingerprint(&a), before);
}

#[test]
fn after_a_scenario_time_timeout_undo_restores_the_decision() {
    let mut a = started();
    step_until_asked(&mut a);
    a.type_keys("y"); // the step that times contain out, confirmed
    assert_eq!(choice(&a, "contain").as_deref(), Some("wait"));
    let n = a.notice.clone().unwrap();
    assert!(
        n.warn && !n.error && n.text.starts_with("⏱ time ran out: default taken (1. Wait"),
        "{n:?}"
    );
    a.type_keys("u");
    let Some(Confirm::Undo(ch)) = confirm(&a) else {
        panic!("undo asks first: {:?}", a.overlay);
    };
    assert_eq!(ch.untaken.len(), 1);
    let text = screen_text(&mut a, 120, 36);
    assert!(
        text.contains("(⏱ time ran out: default taken: 1. Wait for IT to look at it)"),
        "{text}"
    );
    a.type_keys("y");
    assert_eq!(choice(&a, "contain"), None);
    assert!(
        pending(&a).contains(&"contain".to_string()),
        "{:?}",
        pending(&a)
    );
}

#[test]
fn a_timeout_is_never_shown_with_a_success_mark() {
    let mut a = started();
    a.update(Msg::Tick(180_000)); // contain's real-time limit
    assert_eq!(choice(&a, "contain").as_deref(), Some("wait"));
    let text = screen_text(&mut a, 120, 36);
    assert!(!text.contains("✓"), "{text}");
    assert!(
        text.contains("⏱ time ran out: default taken (1. Wait for IT to look at it)"),
        "{text}"
    );
    let log = &a.play().unwrap().ui.log;
    assert!(
        log.iter()
            .any(|l| l.contains("⏱ time ran out: default taken")),
        "{log:?}"
    );
    // On the projector: time's up.
    a.type_keys("v");
    let text = screen_text(&mut a, 120, 36);
    assert!(
        text.contains("⏱ Time's up: default taken (1. Wait for IT to"),
        "{text}"
    );
    assert!(!text.contains("✓"), "{text}");
}

#[test]
fn an_ending_with_decisions_open_asks_first() {
    let mut a = started();
    a.type_keys("2"); // isolate
    // To the end of the night phase, leaving lab_mode open.
    for _ in 0..10 {
        if matches!(a.play().unwrap().ex().status(), Status::PhaseBreak { .. }) {
            break;
        }
        a.type_keys("Ny");
    }
    a.type_keys("\n"); // begin the morning
    play_to_the_end(&mut a);
    assert!(a.play().unwrap().ex().held_ending().is_some());
    assert_eq!(confirm(&a), Some(Confirm::Ending));
    let text = screen_text(&mut a, 120, 36);
    assert!(text.contains("still open"), "{text}");
    let before = fingerprint(&a);
    a.type_keys("n");
    assert_eq!(fingerprint(&a), before);
    assert!(!a.play().unwrap().ex().is_over());
}

#[test]
fn end_now_names_the_open_decisions() {
    let mut a = two_open();
    a.type_keys("e");
    assert_eq!(confirm(&a), Some(Confirm::EndNow));
    let text = screen_text(&mut a, 120, 36);
    assert!(text.contains("2 decisions are still open"), "{text}");
    a.type_keys("n");
    assert!(!a.play().unwrap().ex().is_over());
}

#[test]
fn rewind_to_an_entry_shows_what_is_taken_back_and_asks_first() {
    let mut a = started();
    a.type_keys("2nn"); // choose, then two jumps: entries 2, 3, 4
    a.type_keys("U");
    let Some(Overlay::Rewind { entries, .. }) = a.overlay.clone() else {
        panic!("{:?}", a.overlay);
    };
    assert_eq!(
        entries.iter().map(|e| e.0).collect::<Vec<_>>(),
        [4, 3, 2],
        "newest first, the start left out"
    );
    assert!(
        entries[2].1.contains("chose 2. Isolate the network now"),
        "{entries:?}"
    );
    a.type_keys("jj\n"); // entry 2: the choice
    let Some(Confirm::Rewind(ch)) = confirm(&a) else {
        panic!("{:?}", a.overlay);
    };
    assert_eq!(ch.taken_back.len(), 3);
    let text = screen_text(&mut a, 120, 36);
    assert!(text.contains("Rewind to before entry 2?"), "{text}");
    assert!(text.contains("3 journal entries are taken back"), "{text}");
    let before = fingerprint(&a);
    a.type_keys("n");
    assert_eq!(fingerprint(&a), before);
    a.type_keys("Ujj\ny");
    assert_eq!(choice(&a, "contain"), None);
    assert_eq!(a.play().unwrap().ex().now(), 0);
}

// ----- 5. session plan and countdowns -------------------------------------------------

#[test]
fn the_session_plan_shows_planned_and_spent_time_per_phase() {
    let sc = bundled::find("saturday-night-blackout")
        .unwrap()
        .load()
        .scenario
        .unwrap();
    let mut a = App::briefing(
        sc,
        "bundled:saturday-night-blackout.ron".into(),
        Config {
            seed: Some(1),
            journal: JournalChoice::Off,
        },
        Theme::plain(),
    );
    a.type_keys("s");
    a.update(Msg::Tick(28 * 60_000));
    a.type_keys("P");
    let text = screen_text(&mut a, 120, 36);
    assert!(text.contains("Session plan"), "{text}");
    assert!(
        text.contains("35 min    28 min  ◀ now, 7 min left"),
        "{text}"
    );
    assert!(text.contains("Total"), "{text}");
    let ex = a.play().unwrap().ex();
    let p = downtime::tui::plan::phases(ex, 28 * 60_000);
    assert_eq!(
        downtime::tui::plan::phase_line(downtime::i18n::Lang::En, ex, &p[0]),
        "Saturday night: detection: 35 min planned, 28 spent"
    );
}

#[test]
fn countdowns_turn_amber_at_a_minute_and_red_at_30_seconds_with_a_symbol() {
    let mut a = started(); // contain: 3 minutes of real time
    a.update(Msg::Tick(100_000));
    let text = screen_text(&mut a, 120, 36);
    assert!(text.contains("Decision · ⏱ 1:20 real"), "{text}");
    a.update(Msg::Tick(130_000));
    let text = screen_text(&mut a, 120, 36);
    assert!(text.contains("Decision · ⚠ ⏱ 0:50 real"), "{text}");
    a.update(Msg::Tick(160_000));
    let text = screen_text(&mut a, 120, 36);
    assert!(text.contains("Decision · ‼ ⏱ 0:20 real"), "{text}");
}

// ----- 6. the facilitator drives the projector ----------------------------------------

#[test]
fn a_pin_reaches_the_presenter_through_the_journal_and_changes_nothing_else() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("j.jsonl");
    let mut live = app_with(JournalChoice::At(path.clone()));
    live.type_keys("s2n"); // isolate; the ransom note
    let f = downtime::tui::link::Follower::open(&path, tutorial()).unwrap();
    let mut shown = App::follow(f, Theme::plain());
    assert_eq!(shown_inject(&shown), "ransom_note", "the newest by default");
    // The facilitator re-reads the first message and pins it.
    live.type_keys("j");
    assert_eq!(shown_inject(&live), "alert");
    live.type_keys("s");
    let Some(Overlay::Show { items, .. }) = live.overlay.clone() else {
        panic!("{:?}", live.overlay);
    };
    assert_eq!(items[0].0, Some(Pin::Inject(0)));
    live.type_keys("1");
    shown.update(Msg::Refresh);
    assert_eq!(shown_inject(&shown), "alert");
    // It stays while newer messages arrive.
    live.type_keys("n");
    shown.update(Msg::Refresh);
    assert_eq!(shown.play().unwrap().ex().state().feed.len(), 3);
    assert_eq!(shown_inject(&shown), "alert");
    // The attachment of the ransom note, then the phase's questions.
    live.type_keys("j"); // feed: lab question, ransom note
    live.type_keys("s2");
    shown.update(Msg::Refresh);
    let text = screen_text(&mut shown, 120, 36);
    assert!(text.contains("attached to “The ransom note”"), "{text}");
    // Released: the newest again.
    let items = downtime::tui::projector::menu(downtime::i18n::Lang::En, live.play().unwrap());
    let release = items.iter().position(|(p, _)| p.is_none()).unwrap() + 1;
    live.type_keys(&format!("s{release}"));
    shown.update(Msg::Refresh);
    assert_eq!(shown_inject(&shown), "lab_question");
    // View lines are not commands: the journal reads, replays and forks as before.
    let text = std::fs::read_to_string(&path).unwrap();
    assert_eq!(text.matches("\"view\":\"pin\"").count(), 2, "{text}");
    assert_eq!(text.matches("\"view\":\"unpin\"").count(), 1, "{text}");
    let read = downtime::journal::read_journal(&path).unwrap();
    let names: Vec<&str> = read.entries.iter().map(|e| e.cmd.name()).collect();
    assert_eq!(names, ["start", "choose", "next_inject", "next_inject"]);
    let replayed = downtime::journal::replay(tutorial(), &read).unwrap();
    assert_eq!(
        replayed.fingerprint(),
        live.play().unwrap().ex().fingerprint()
    );
}

#[test]
fn pinned_questions_show_on_the_presenter() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("j.jsonl");
    let mut live = app_with(JournalChoice::At(path.clone()));
    live.type_keys("s2");
    let items = downtime::tui::projector::menu(downtime::i18n::Lang::En, live.play().unwrap());
    let q = items
        .iter()
        .position(|(p, _)| matches!(p, Some(Pin::Questions(0))))
        .unwrap()
        + 1;
    live.type_keys(&format!("s{q}"));
    let f = downtime::tui::link::Follower::open(&path, tutorial()).unwrap();
    let mut shown = App::follow(f, Theme::plain());
    let text = screen_text(&mut shown, 120, 36);
    assert!(text.contains("Phase 1 · Night: the alert"), "{text}");
    assert!(text.contains("Discuss"), "{text}");
}

#[test]
fn the_large_layout_shows_the_message_its_question_and_the_countdown_only() {
    let mut a = started();
    a.update(Msg::Tick(65_000));
    a.type_keys("vL");
    let text = screen_text(&mut a, 120, 36);
    assert!(text.contains("Ransom message on the lab screens"), "{text}");
    assert!(
        text.contains("Do you cut the clinic's network from the outside world now?"),
        "{text}"
    );
    assert!(text.contains("███"), "big digits: {text}");
    for hidden in [
        "Metrics",
        "Deadlines",
        "Injects ·",
        "Phase 1/2",
        "★",
        "notes",
    ] {
        assert!(!text.contains(hidden), "{hidden} shown: {text}");
    }
    a.update(Msg::Tick(180_500 - 1_000));
    let text = screen_text(&mut a, 120, 36);
    assert!(text.contains("‼"), "{text}");
}

#[test]
fn facilitator_only_text_never_reaches_the_presenter() {
    let mut a = started();
    a.type_keys("2");
    for _ in 0..10 {
        if matches!(a.play().unwrap().ex().status(), Status::PhaseBreak { .. }) {
            break;
        }
        if pending(&a).is_empty() {
            a.type_keys("Ny");
        } else {
            a.type_keys("\t1");
        }
    }
    a.type_keys("v");
    let text = screen_text(&mut a, 120, 36);
    assert!(!text.contains("when the room is ready"), "{text}");
    assert!(!text.contains("Enter"), "{text}");
    assert!(!text.contains("planned"), "{text}");
    // The end screen's score and grade.
    a.type_keys("v\n");
    a.type_keys("ey");
    assert!(a.play().unwrap().ex().is_over());
    let text = screen_text(&mut a, 120, 36);
    assert!(text.contains("Score"), "the facilitator sees it: {text}");
    a.type_keys("v");
    let text = screen_text(&mut a, 120, 36);
    assert!(!text.contains("Score") && !text.contains("grade"), "{text}");
}

#[test]
fn a_resumed_console_keeps_what_the_projector_was_held_on() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("j.jsonl");
    {
        let mut live = app_with(JournalChoice::At(path.clone()));
        live.type_keys("s2s1");
        assert_eq!(live.play().unwrap().ui.pin, Some(Pin::Inject(0)));
    }
    let read = downtime::journal::read_journal(&path).unwrap();
    let session = downtime::journal::Session::resume(tutorial(), &path, &read, false).unwrap();
    let mut a = App::session(session, Theme::plain());
    assert_eq!(a.play().unwrap().ui.pin, Some(Pin::Inject(0)));
    let text = screen_text(&mut a, 120, 36);
    assert!(text.contains("projector held on"), "{text}");
}

#[test]
fn no_key_panics_in_any_screen_of_the_flagship_or_the_presenter() {
    let sc = bundled::find("saturday-night-blackout")
        .unwrap()
        .load()
        .scenario
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("j.jsonl");
    let mut a = App::briefing(
        sc.clone(),
        "bundled:saturday-night-blackout.ron".into(),
        Config {
            seed: Some(3),
            journal: JournalChoice::At(path.clone()),
        },
        Theme::plain(),
    );
    a.type_keys("s");
    let f = downtime::tui::link::Follower::open(&path, sc).unwrap();
    let mut room = App::follow(f, Theme::plain());
    // (`x`, the report export at the end, is left out: its analysis is slow in debug builds.)
    let pool: Vec<KeyCode> = "1234567890 nNpPrR+-=jkhlcmaouUesStvLq?y\t"
        .chars()
        .map(KeyCode::Char)
        .chain([
            KeyCode::Enter,
            KeyCode::Tab,
            KeyCode::BackTab,
            KeyCode::Esc,
            KeyCode::Up,
            KeyCode::Down,
            KeyCode::Left,
            KeyCode::Right,
            KeyCode::PageUp,
            KeyCode::PageDown,
            KeyCode::Home,
            KeyCode::End,
            KeyCode::Backspace,
        ])
        .collect();
    // A fixed pseudo-random walk (xorshift), rendered after every key at two sizes.
    let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut real = 0;
    for step in 0..800 {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        let code = pool[(x % pool.len() as u64) as usize];
        if code == KeyCode::Char('q') && a.overlay.is_none() {
            continue; // leaving ends the walk too early
        }
        real += 7_000;
        a.update(Msg::Tick(real));
        a.update(Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)));
        if a.quit {
            break;
        }
        let (w, h) = if step % 2 == 0 { (80, 24) } else { (120, 36) };
        render(&mut a, w, h);
        if step % 10 == 0 {
            room.update(Msg::Refresh);
            room.update(Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)));
            room.quit = false;
            render(&mut room, w, h);
        }
    }
}

#[test]
fn fork_and_report_read_a_journal_with_view_lines_as_before() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("j.jsonl");
    {
        let mut live = app_with(JournalChoice::At(path.clone()));
        live.type_keys("s2s1n");
    }
    let text = std::fs::read_to_string(&path).unwrap();
    assert_eq!(text.matches(r#""view":"pin""#).count(), 1, "{text}");
    let bin = env!("CARGO_BIN_EXE_downtime");
    let fork = dir.path().join("f.jsonl");
    let out = std::process::Command::new(bin)
        .args(["fork", path.to_str().unwrap(), "--at", "3", "-o"])
        .arg(&fork)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let forked = downtime::journal::read_journal(&fork).unwrap();
    assert_eq!(forked.entries.len(), 3);
    // The fork keeps the view lines before its last entry (the clock's marks), and its
    // commands replay as before.
    let sc = downtime::bundled::find("tutorial")
        .unwrap()
        .load()
        .scenario
        .unwrap();
    downtime::journal::replay(sc, &forked).expect("the fork replays");
    let report = dir.path().join("r.md");
    let out = std::process::Command::new(bin)
        .args(["report", path.to_str().unwrap(), "--no-analysis", "-o"])
        .arg(&report)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let md = std::fs::read_to_string(&report).unwrap();
    assert!(md.contains("Isolate the network now"), "{md}");
}

#[test]
fn a_phase_past_its_planned_time_is_said_once() {
    let mut a = started();
    a.type_keys("2"); // isolate: no real-time limit left to run out
    a.notice = None;
    a.update(Msg::Tick(4 * 60_000));
    assert_eq!(a.notice, None, "the tutorial plans 5 minutes per phase");
    a.update(Msg::Tick(6 * 60_000));
    let n = a.notice.clone().expect("a message");
    assert!(
        n.warn
            && n.text
                .starts_with("Night: the alert: 5 min planned, 6 spent: over its plan"),
        "{n:?}"
    );
    a.notice = None;
    a.update(Msg::Tick(7 * 60_000));
    assert_eq!(a.notice, None, "said once");
}
