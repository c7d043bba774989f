//! Key handling of the console: each test drives the model with keys and checks the
//! exercise (and its journal) rather than the screen.

use std::sync::Arc;

use downtime::bundled;
use downtime::engine::{Command, Status};
use downtime::scenario::Scenario;
use downtime::tui::app::{Confirm, Focus, Overlay, Screen};
use downtime::tui::{App, Config, JournalChoice, Msg, Theme};
use ratatui::crossterm::event::{
    KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};

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

fn choice(app: &App, decision: &str) -> Option<String> {
    let ex = app.play().unwrap().ex();
    let d = ex.scenario().decision_index(decision).unwrap();
    ex.state().decisions[d as usize].choice.as_ref().map(|c| {
        ex.scenario().decisions[d as usize].options[c.option as usize]
            .id
            .clone()
    })
}

/// The number key that chooses an option: its position in the order shown (seed 7 shows
/// `wait` before `isolate`, and `send_out` before `paper`).
fn key_for(app: &App, decision: &str, option: &str) -> String {
    let ex = app.play().unwrap().ex();
    let d = ex.scenario().decision_index(decision).unwrap();
    let dec = &ex.scenario().decisions[d as usize];
    let pos = downtime::engine::option_order(ex, d)
        .iter()
        .position(|&k| dec.options[k as usize].id == option)
        .unwrap();
    (pos + 1).to_string()
}

fn status(app: &App) -> Status {
    app.play().unwrap().ex().status()
}

#[test]
fn the_briefing_sets_parameters_and_the_room_then_starts() {
    let mut a = app_with(JournalChoice::Off);
    // backups_tested: yes -> no; staffing: normal -> low.
    a.type_keys(" j ");
    // partner_minutes keeps its default; then organisation, facilitator, team members.
    a.type_keys("j");
    a.type_keys("j\nClinique des Tilleuls\n");
    a.type_keys("j\nDr Martin\n");
    a.type_keys("j\nAnne, Paul\n");
    a.type_keys("j\n");
    let ex = a.play().expect("started").ex();
    assert_eq!(ex.state().session.organisation, "Clinique des Tilleuls");
    assert_eq!(ex.state().session.facilitator, "Dr Martin");
    assert_eq!(ex.state().session.members["oncall"], "Anne, Paul");
    let params: Vec<String> = ex
        .scenario()
        .params
        .iter()
        .zip(&ex.state().params)
        .map(|(p, v)| p.format(v))
        .collect();
    assert_eq!(params, ["no", "low", "20"]);
}

#[test]
fn number_keys_choose_and_unavailable_options_are_refused() {
    let mut a = app_with(JournalChoice::Off);
    a.type_keys("j s"); // low staffing: nobody can drive samples
    // Keys choose by the position shown, not the order written.
    assert_eq!(key_for(&a, "contain", "wait"), "1");
    a.type_keys("1");
    assert_eq!(choice(&a, "contain").as_deref(), Some("wait"));
    a.type_keys("n"); // ransom note
    a.type_keys("n"); // lab question, and the spread of the attack at the same minute
    // The newest message (the spread) is shown: it has no decision, so the number keys
    // answer nothing until Tab shows the lab question.
    a.type_keys("1");
    let n = a.notice.clone().expect("a message");
    assert!(n.error && n.text.contains("Tab"), "{n:?}");
    a.type_keys("\t");
    assert_eq!(key_for(&a, "lab_mode", "send_out"), "1");
    a.type_keys("1");
    assert_eq!(choice(&a, "lab_mode"), None);
    let n = a.notice.clone().expect("a message");
    assert!(n.error && n.text.contains("not available"), "{n:?}");
    a.type_keys("2");
    assert_eq!(choice(&a, "lab_mode").as_deref(), Some("paper"));
    a.type_keys("7");
    assert!(a.notice.as_ref().unwrap().error);
}

#[test]
fn enter_chooses_the_highlighted_option_in_the_decision_panel() {
    let mut a = started();
    a.type_keys("\n"); // from the feed, Enter moves to the decision
    assert_eq!(a.play().unwrap().ui.focus, Focus::Decision);
    a.type_keys("j\n"); // the second option shown
    assert_eq!(choice(&a, "contain").as_deref(), Some("isolate"));
}

#[test]
fn space_steps_n_jumps_and_p_pauses() {
    let mut a = started();
    a.type_keys("1 ");
    assert_eq!(a.play().unwrap().ex().now(), 15 * 60);
    a.type_keys("n");
    assert_eq!(a.play().unwrap().ex().now(), 30 * 60);
    a.type_keys("p");
    assert!(a.play().unwrap().ex().state().paused);
    assert!(
        a.next_wakeup()
            .is_some_and(|d| d <= std::time::Duration::from_secs(1)),
        "the wall clock on screen and the heartbeats go on while paused"
    );
    a.type_keys(" ");
    assert_eq!(
        a.play().unwrap().ex().now(),
        30 * 60,
        "paused clock does not step"
    );
    assert!(a.notice.as_ref().unwrap().error);
    // The decision that opened at T+30m stopped that step at its target: the first step
    // after it finishes it (its random events), the next moves the clock.
    a.type_keys("p ");
    assert_eq!(a.play().unwrap().ex().now(), 30 * 60);
    a.type_keys(" ");
    assert_eq!(a.play().unwrap().ex().now(), 45 * 60);
}

#[test]
fn the_phase_break_waits_for_enter() {
    let mut a = started();
    a.type_keys("1");
    // Next phase stops at each decision that opens on the way: answer, and go on.
    for _ in 0..20 {
        if matches!(status(&a), Status::PhaseBreak { .. }) {
            break;
        }
        let open = !a.play().unwrap().ex().pending().is_empty();
        // N asks first (it skips hours of the scenario): y goes on.
        a.type_keys(if open { "\t1" } else { "Ny" });
    }
    assert!(matches!(status(&a), Status::PhaseBreak { next: 1 }));
    a.type_keys(" ");
    assert!(matches!(status(&a), Status::PhaseBreak { .. }));
    a.type_keys("\n");
    assert_eq!(a.play().unwrap().ex().state().phase, 1);
}

#[test]
fn undo_asks_first() {
    let mut a = started();
    let isolate = key_for(&a, "contain", "isolate");
    a.type_keys(&isolate);
    a.type_keys("u");
    assert!(
        matches!(a.overlay, Some(Overlay::Confirm(Confirm::Undo(_)))),
        "{:?}",
        a.overlay
    );
    a.type_keys("n");
    assert_eq!(a.overlay, None);
    assert_eq!(choice(&a, "contain").as_deref(), Some("isolate"));
    a.type_keys("uy");
    assert_eq!(choice(&a, "contain"), None);
    assert_eq!(a.play().unwrap().ex().pending().len(), 1);
}

#[test]
fn end_now_asks_first_and_the_end_screen_exports_the_report() {
    let mut a = started();
    a.type_keys("e\x1b");
    assert!(!a.play().unwrap().ex().is_over());
    a.type_keys("ey");
    assert!(a.play().unwrap().ex().is_over());
    a.type_keys("x");
    let n = a.notice.clone().unwrap();
    assert!(n.error && n.text.contains("no journal"), "{n:?}");
}

#[test]
fn quit_asks_first_and_ctrl_c_twice_leaves() {
    let mut a = started();
    a.type_keys("q");
    assert_eq!(a.overlay, Some(Overlay::Confirm(Confirm::Quit)));
    a.type_keys("\x1b");
    assert!(!a.quit);
    a.type_keys("qy");
    assert!(a.quit);
    let mut b = started();
    let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
    b.update(Msg::Key(ctrl_c));
    assert!(!b.quit);
    b.update(Msg::Key(ctrl_c));
    assert!(b.quit);
}

#[test]
fn a_real_time_limit_takes_the_default_option() {
    let mut a = started();
    a.update(Msg::Tick(179_000));
    assert_eq!(choice(&a, "contain"), None);
    a.update(Msg::Tick(180_000));
    assert_eq!(choice(&a, "contain").as_deref(), Some("wait"));
    let ex = a.play().unwrap().ex();
    assert!(ex.state().decisions[0].choice.as_ref().unwrap().timeout);
}

#[test]
fn pacing_steps_the_clock_as_real_time_passes() {
    let mut a = started();
    a.type_keys("1r");
    // 15 scenario minutes per real minute: a 15-minute step every 60 real seconds.
    a.update(Msg::Tick(1_000));
    a.update(Msg::Tick(30_000));
    assert_eq!(a.play().unwrap().ex().now(), 0);
    a.update(Msg::Tick(61_000));
    assert_eq!(a.play().unwrap().ex().now(), 15 * 60);
    a.type_keys("++"); // 15 -> 30 -> 60
    a.update(Msg::Tick(76_000));
    assert_eq!(a.play().unwrap().ex().now(), 30 * 60);
    a.type_keys("p");
    a.update(Msg::Tick(500_000));
    assert_eq!(
        a.play().unwrap().ex().now(),
        30 * 60,
        "no pacing while paused"
    );
}

#[test]
fn notes_overrides_and_curveballs_are_sent_as_commands() {
    let mut a = started();
    a.type_keys("aRoom is quiet\n");
    a.type_keys("m-10\tlab phoned in\n");
    a.type_keys("c\n");
    let ex = a.play().unwrap().ex();
    let names: Vec<&str> = ex.applied().iter().map(|(c, _)| c.name()).collect();
    assert_eq!(names, ["start", "note", "adjust_metric", "curveball"]);
    assert_eq!(ex.state().metrics[0], 70.0);
    // The picker lists the curveball pool first: the tutorial's one curveball.
    assert!(matches!(
        &ex.applied()[3].0,
        Command::Curveball { inject } if inject == "nurse_update"
    ));
}

#[test]
fn an_override_needs_a_number_and_a_reason() {
    let mut a = started();
    a.type_keys("mabc\n");
    let Some(Overlay::Override(form)) = &a.overlay else {
        panic!("form closed");
    };
    assert!(form.error.as_ref().unwrap().contains("not a number"));
    a.type_keys("\x1bm55\n");
    let Some(Overlay::Override(form)) = &a.overlay else {
        panic!("form closed");
    };
    assert!(form.error.as_ref().unwrap().contains("reason"));
}

#[test]
fn arrows_move_in_the_feed_and_tab_cycles_panels() {
    let mut a = started();
    let isolate = key_for(&a, "contain", "isolate");
    a.type_keys(&format!("{isolate}nn"));
    let feed = |a: &App| a.play().unwrap().ui.selected;
    let sc = tutorial();
    assert_eq!(feed(&a), sc.inject_index("lab_question"));
    a.type_keys("j");
    assert_eq!(feed(&a), sc.inject_index("ransom_note"));
    a.update(Msg::Key(KeyEvent::new(KeyCode::Up, KeyModifiers::NONE)));
    assert_eq!(feed(&a), sc.inject_index("lab_question"));
    a.type_keys("\t");
    assert_eq!(a.play().unwrap().ui.focus, Focus::Detail);
    a.type_keys("\t");
    assert_eq!(a.play().unwrap().ui.focus, Focus::Decision);
    a.type_keys("\t");
    assert_eq!(a.play().unwrap().ui.focus, Focus::Feed);
}

#[test]
fn mouse_clicks_select_feed_items_and_options() {
    let mut a = started();
    let isolate = key_for(&a, "contain", "isolate");
    a.type_keys(&format!("{isolate}nn"));
    a.update(Msg::Resize(80, 24));
    let click = |col, row| {
        Msg::Mouse(MouseEvent {
            kind: MouseEventKind::Down(MouseButton::Left),
            column: col,
            row,
            modifiers: KeyModifiers::NONE,
        })
    };
    // Feed rows start under the header (2 lines) and the section rule.
    a.update(click(5, 4));
    assert_eq!(
        a.play().unwrap().ui.selected,
        tutorial().inject_index("ransom_note")
    );
    a.update(click(5, 3));
    assert_eq!(
        a.play().unwrap().ui.selected,
        tutorial().inject_index("lab_question")
    );
    // Find the row of "Drive urgent samples" on screen (shown first) and click it.
    let mut term = ratatui::Terminal::new(ratatui::backend::TestBackend::new(80, 24)).unwrap();
    term.draw(|f| downtime::tui::view::draw(f, &a)).unwrap();
    let text = term.backend().to_string();
    let row = text
        .lines()
        .position(|l| l.contains(" 1 Drive urgent"))
        .expect("option 1 on screen") as u16;
    a.update(click(50, row));
    let ui = &a.play().unwrap().ui;
    assert_eq!((ui.focus, ui.option_cursor), (Focus::Decision, 0));
    a.type_keys("\n");
    assert_eq!(choice(&a, "lab_mode").as_deref(), Some("send_out"));
}

#[test]
fn the_journal_gets_every_command() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("j.jsonl");
    let mut a = app_with(JournalChoice::At(path.clone()));
    a.type_keys("s1naNote\n");
    assert_eq!(a.journal_path().as_deref(), Some(path.as_path()));
    let read = downtime::journal::read_journal(&path).unwrap();
    let names: Vec<&str> = read.entries.iter().map(|e| e.cmd.name()).collect();
    assert_eq!(names, ["start", "choose", "next_inject", "note"]);
    assert_eq!(read.header.scenario_source, "bundled:tutorial.ron");
    assert_eq!(read.header.seed, 7);
}

#[test]
fn a_journal_that_exists_is_not_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("j.jsonl");
    std::fs::write(&path, "keep me\n").unwrap();
    let mut a = app_with(JournalChoice::At(path.clone()));
    a.type_keys("s");
    assert!(matches!(a.screen, Screen::Briefing(_)));
    assert!(a.notice.as_ref().unwrap().error);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "keep me\n");
}

#[test]
fn the_presenter_follows_a_growing_journal_read_only() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("j.jsonl");
    let mut live = app_with(JournalChoice::At(path.clone()));
    live.type_keys("s");
    let f = downtime::tui::link::Follower::open(&path, tutorial()).unwrap();
    let mut shown = App::follow(f, Theme::plain());
    assert!(shown.presenter && shown.read_only());
    assert_eq!(shown.play().unwrap().ex().state().feed.len(), 1);
    live.type_keys("1n");
    shown.update(Msg::Refresh);
    let ex = shown.play().unwrap().ex();
    assert_eq!(ex.state().feed.len(), 2);
    assert_eq!(
        shown.play().unwrap().ui.selected,
        tutorial().inject_index("ransom_note")
    );
    shown.type_keys(" n1");
    assert_eq!(
        shown.play().unwrap().ex().state().feed.len(),
        2,
        "read-only"
    );
    shown.type_keys("q");
    assert!(shown.quit, "the presenter quits without a question");
}

#[test]
fn the_picker_opens_a_briefing_and_esc_goes_back() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("broken.ron"), "Scenario(format: 1,").unwrap();
    let picker = downtime::tui::picker::Picker::discover(dir.path());
    let bundled = downtime::bundled::all().len();
    assert_eq!(picker.entries.len(), bundled + 1);
    assert!(
        picker.entries[..bundled]
            .iter()
            .all(|e| e.source.starts_with("bundled:"))
    );
    assert!(picker.entries[bundled].problems.is_some());
    let mut a = App::picker(picker, Config::default(), Theme::plain());
    // Down to the broken file (after the bundled scenarios), Enter shows its problems.
    a.type_keys(&"j".repeat(bundled));
    a.type_keys("\n");
    assert!(matches!(a.overlay, Some(Overlay::Problems { .. })));
    // Esc closes them; back up to the tutorial (first) and open its briefing.
    a.type_keys("\x1b");
    a.type_keys(&"k".repeat(bundled));
    a.type_keys("\n");
    assert!(matches!(a.screen, Screen::Briefing(_)));
    a.type_keys("\x1b");
    assert!(matches!(a.screen, Screen::Picker(_)));
}

#[test]
fn a_too_small_terminal_ignores_keys_but_q_leaves() {
    let mut a = started();
    a.update(Msg::Resize(70, 20));
    a.type_keys("1");
    assert_eq!(choice(&a, "contain"), None, "no blind choices");
    a.type_keys("q");
    assert!(a.quit);
}

#[test]
fn the_end_screen_rates_objectives_with_a_note() {
    let mut a = started();
    a.type_keys("ey");
    assert!(a.play().unwrap().ex().is_over());
    a.type_keys("o");
    assert!(matches!(a.overlay, Some(Overlay::Rate(_))));
    // Enter before a rating is refused; the form stays open.
    a.type_keys("\n");
    assert!(matches!(a.overlay, Some(Overlay::Rate(_))));
    a.type_keys("s\tlate but sound\n");
    assert_eq!(a.overlay, None);
    let ex = a.play().unwrap().ex();
    let e = ex.evaluations()[0].as_ref().expect("rated");
    assert_eq!(e.rating, downtime::engine::Rating::S);
    assert_eq!(e.note, "late but sound");
    assert!(ex.applied().iter().any(|(c, _)| matches!(
        c,
        Command::Rate { objective, .. } if objective == "contain"
    )));
    // The form opens at the next objective not rated yet; Esc leaves without rating.
    a.type_keys("o");
    match &a.overlay {
        Some(Overlay::Rate(f)) => assert_eq!(f.objective, 1),
        other => panic!("{other:?}"),
    }
    a.type_keys("u\x1b");
    assert!(a.play().unwrap().ex().evaluations()[1].is_none());
}

#[test]
fn objectives_are_rated_at_a_phase_break_but_not_while_the_clock_runs() {
    let mut a = started();
    a.type_keys("o");
    assert_eq!(a.overlay, None);
    assert!(a.notice.as_ref().is_some_and(|n| n.error));
    a.type_keys("1");
    // Next phase stops where a decision opens on the way; pressed again, it goes on.
    for _ in 0..10 {
        if matches!(status(&a), Status::PhaseBreak { .. }) {
            break;
        }
        a.type_keys("Ny");
    }
    assert!(matches!(status(&a), Status::PhaseBreak { .. }));
    a.type_keys("op\n");
    let ex = a.play().unwrap().ex();
    assert_eq!(
        ex.evaluations()[0].as_ref().map(|e| e.rating),
        Some(downtime::engine::Rating::P)
    );
}

#[test]
fn the_picker_plays_a_scenario_in_each_of_its_languages() {
    let dir = tempfile::tempdir().unwrap();
    let picker = downtime::tui::picker::Picker::discover(dir.path());
    let first = &picker.entries[0];
    assert_eq!(first.source, "bundled:tutorial.ron");
    assert_eq!(
        first.languages,
        ["en", "zh"],
        "the tutorial and its translation"
    );
    let mut a = App::picker(picker, Config::default(), Theme::plain());
    // `l` loads the tutorial in Chinese, then in English again.
    a.type_keys("l");
    let Screen::Picker(p) = &a.screen else {
        panic!("still the picker");
    };
    assert_eq!(p.entries[0].language(), "zh");
    assert_eq!(p.entries[0].title, "教程：检验科的夜班");
    a.type_keys("l");
    let Screen::Picker(p) = &a.screen else {
        panic!("still the picker");
    };
    assert_eq!(p.entries[0].language(), "en");
    // In Chinese, Enter opens the briefing in Chinese.
    a.type_keys("l");
    a.type_keys("\n");
    let Screen::Briefing(b) = &a.screen else {
        panic!("the briefing");
    };
    assert_eq!(b.scenario.meta.language, "zh");
    assert_eq!(a.lang(), downtime::i18n::Lang::Zh);
}
