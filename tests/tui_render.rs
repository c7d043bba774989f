//! Render tests of every console screen with ratatui's `TestBackend`, at 80×24 and 160×48,
//! snapshotted as text (insta).

use std::sync::Arc;

use downtime::bundled;
use downtime::scenario::Scenario;
use downtime::tui::picker::Picker;
use downtime::tui::wrap::width;
use downtime::tui::{App, Config, JournalChoice, Msg, Theme, view};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::KeyCode;
use ratatui::style::Color;

fn tutorial() -> Arc<Scenario> {
    bundled::find("tutorial").unwrap().load().scenario.unwrap()
}

fn config() -> Config {
    Config {
        seed: Some(7),
        journal: JournalChoice::Off,
    }
}

fn briefing_with(sc: Arc<Scenario>) -> App {
    App::briefing(sc, "bundled:tutorial.ron".into(), config(), Theme::plain())
}

/// The tutorial, started, 65 real seconds in.
fn started() -> App {
    let mut a = briefing_with(tutorial());
    a.press(KeyCode::Char('s'));
    a.update(Msg::Tick(65_000));
    a
}

/// Isolated (shown second with seed 7), then two more injects: the ransom note and the
/// lab question.
fn midway() -> App {
    let mut a = started();
    a.type_keys("2nn");
    a.update(Msg::Tick(200_000));
    a
}

fn phase_break() -> App {
    let mut a = started();
    a.type_keys("2"); // isolate, shown second
    // Next phase stops where a decision opens on the way; pressed again, it goes on.
    for _ in 0..10 {
        if matches!(
            a.play().unwrap().ex().status(),
            downtime::engine::Status::PhaseBreak { .. }
        ) {
            break;
        }
        a.type_keys("Ny"); // N asks first: it skips hours of the scenario
    }
    a
}

fn ended() -> App {
    let mut a = phase_break();
    a.type_keys("\n2"); // restore, shown second
    // The ending waits for the decision left open in the first phase: the console asks.
    let held = a.play().unwrap().ex().held_ending().is_some();
    if held {
        a.type_keys("y");
    }
    a
}

fn render(app: &mut App, w: u16, h: u16) -> String {
    app.update(Msg::Resize(w, h));
    let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
    term.draw(|f| view::draw(f, app)).unwrap();
    term.backend().to_string()
}

macro_rules! both_sizes {
    ($name:ident, $make:expr) => {
        #[test]
        fn $name() {
            let mut small = $make;
            insta::assert_snapshot!(
                concat!(stringify!($name), "_80x24"),
                render(&mut small, 80, 24)
            );
            let mut large = $make;
            insta::assert_snapshot!(
                concat!(stringify!($name), "_160x48"),
                render(&mut large, 160, 48)
            );
        }
    };
}

both_sizes!(picker, {
    let dir = tempfile::tempdir().unwrap();
    App::picker(Picker::discover(dir.path()), config(), Theme::plain())
});
both_sizes!(briefing, briefing_with(tutorial()));
both_sizes!(exercise_start, started());
both_sizes!(exercise_midway, midway());
both_sizes!(exercise_decision_focus, {
    let mut a = midway();
    a.type_keys("\t\tj");
    a
});
both_sizes!(phase_break_screen, phase_break());
both_sizes!(end_summary, ended());
both_sizes!(end_checks, {
    let mut a = ended();
    a.type_keys("2");
    a
});
both_sizes!(end_charts, {
    let mut a = ended();
    a.type_keys("3");
    a
});
both_sizes!(end_decisions, {
    let mut a = ended();
    a.type_keys("4");
    a
});
both_sizes!(help_overlay, {
    let mut a = started();
    a.type_keys("?");
    a
});
both_sizes!(presenter_view, {
    let mut a = midway();
    a.type_keys("v");
    a
});
both_sizes!(presenter_phase_break, {
    let mut a = phase_break();
    a.type_keys("v");
    a
});
both_sizes!(quit_question, {
    let mut a = started();
    a.type_keys("q");
    a
});
both_sizes!(curveball_picker, {
    let mut a = started();
    a.type_keys("c");
    a
});
both_sizes!(override_form, {
    let mut a = started();
    a.type_keys("m+5\treason");
    a
});
both_sizes!(note_form, {
    let mut a = started();
    a.type_keys("aCalled the IT on-call engineer");
    a
});
both_sizes!(undo_question, {
    let mut a = midway();
    a.type_keys("u");
    a
});

#[test]
fn below_80x24_asks_to_enlarge() {
    let mut a = started();
    let text = render(&mut a, 79, 24);
    assert!(text.contains("Please enlarge this window"), "{text}");
    assert!(text.contains("79×24"));
    insta::assert_snapshot!("too_small_60x20", render(&mut a, 60, 20));
}

#[test]
fn the_plain_theme_uses_no_colour_and_symbols_carry_severity() {
    let mut a = midway();
    a.update(Msg::Resize(160, 48));
    let mut term = Terminal::new(TestBackend::new(160, 48)).unwrap();
    term.draw(|f| view::draw(f, &a)).unwrap();
    let buf = term.backend().buffer();
    for cell in buf.content() {
        assert_eq!(cell.fg, Color::Reset, "colour used under NO_COLOR");
        assert_eq!(cell.bg, Color::Reset, "colour used under NO_COLOR");
    }
    let text = term.backend().to_string();
    assert!(text.contains("‼ Fri 22:00 Ransom message"), "{text}");
    assert!(text.contains("▲ Fri 22:15 The ransom note"), "{text}");
}

#[test]
fn the_colour_theme_keeps_the_symbols() {
    let mut a = midway();
    a.theme = Theme::colours();
    let text = render(&mut a, 160, 48);
    assert!(text.contains("‼ Fri 22:00 Ransom message"), "{text}");
    assert!(
        text.contains("⚠") || text.contains("│"),
        "thresholds marked: {text}"
    );
}

#[test]
fn presenter_view_hides_notes_previews_and_the_queue() {
    let mut a = midway();
    let facilitator = render(&mut a, 160, 48);
    assert!(facilitator.contains("Facilitator notes") || facilitator.contains("↳"));
    assert!(facilitator.contains("Coming up"));
    a.type_keys("v");
    for (w, h) in [(80, 24), (160, 48)] {
        let shown = render(&mut a, w, h);
        for secret in ["Facilitator notes", "↳", "Coming up", "★", "Log"] {
            assert!(
                !shown.contains(secret),
                "{secret} shown to the room:\n{shown}"
            );
        }
        assert!(shown.contains("How does the lab keep"), "{shown}");
    }
}

#[test]
fn chinese_french_and_emoji_wrap_at_their_display_width() {
    let text = bundled::find("tutorial").unwrap().text.replace(
        "The technician photographs the full message and sends it to you.",
        "技术员拍下了完整的勒索信息并发送给你，请立即通知信息部门。Le technicien a photographié le message complet 📸🙂 et vous l'envoie déjà.",
    );
    let loaded =
        downtime::scenario::load_bytes("bundled:tutorial.ron", text.as_bytes(), &bundled::FILES);
    let sc = loaded.scenario.expect("the edited tutorial loads");
    let mut a = briefing_with(sc);
    a.type_keys("s2n");
    for (w, h) in [(80u16, 24u16), (160, 48)] {
        a.update(Msg::Resize(w, h));
        let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
        term.draw(|f| view::draw(f, &a)).unwrap();
        let buf = term.backend().buffer();
        let mut rows = Vec::new();
        for y in 0..h {
            let mut row = String::new();
            let mut skip = 0;
            for x in 0..w {
                let s = buf[(x, y)].symbol();
                if skip > 0 {
                    skip -= 1;
                    continue;
                }
                skip = width(s).saturating_sub(1);
                row.push_str(s);
            }
            assert!(width(&row) <= w as usize, "row {y} overflows: {row}");
            rows.push(row);
        }
        let all = rows.join("\n");
        assert!(all.contains("技术员拍下了"), "{all}");
        assert!(all.contains("📸🙂"), "{all}");
        assert!(all.contains("photographié"), "{all}");
        if w == 80 {
            insta::assert_snapshot!("unicode_wrap_80x24", all);
        }
    }
}
both_sizes!(two_decisions_open, {
    // Contain left open; the ransom note and the lab question: the lab question is shown.
    let mut a = started();
    a.type_keys("nn");
    a
});
both_sizes!(phase_skip_question, {
    let mut a = started();
    a.type_keys("N");
    a
});
both_sizes!(session_plan, {
    let mut a = started();
    a.type_keys("P");
    a
});
both_sizes!(presenter_large, {
    let mut a = started();
    a.type_keys("vL");
    a
});
both_sizes!(rewind_list, {
    let mut a = midway();
    a.type_keys("U");
    a
});

/// The flagship eight injects in (seed 7): twelve injects, four deadlines running, nine
/// systems and six services, at the sizes of a training room's console and of a laptop.
fn flagship_night(theme: Theme) -> App {
    let sc = bundled::find("saturday-night-blackout")
        .unwrap()
        .load()
        .scenario
        .unwrap();
    let mut a = App::briefing(
        sc,
        "bundled:saturday-night-blackout.ron".into(),
        config(),
        theme,
    );
    a.type_keys("s");
    for _ in 0..8 {
        a.type_keys("n");
        // A step that would time a decision out asks first: go on.
        if let Some(downtime::tui::app::Overlay::Confirm(_)) = &a.overlay {
            a.type_keys("y");
        }
    }
    a.update(Msg::Tick(65_000));
    a
}

#[test]
fn the_flagship_at_120x36_and_80x24() {
    insta::assert_snapshot!(
        "flagship_120x36",
        render(&mut flagship_night(Theme::plain()), 120, 36)
    );
    insta::assert_snapshot!(
        "flagship_80x24",
        render(&mut flagship_night(Theme::plain()), 80, 24)
    );
    let ascii = Theme::plain().with_glyphs(downtime::tui::Glyphs::Latin1);
    insta::assert_snapshot!(
        "flagship_ascii_80x24",
        render(&mut flagship_night(ascii), 80, 24)
    );
    let mut board = flagship_night(Theme::plain());
    board.type_keys("b");
    insta::assert_snapshot!("flagship_board_80x24", render(&mut board, 80, 24));
}

/// A discussion exercise (format 2, no score), played to its end: the end screen shows the
/// checks and ratings and says there is no score, never "100 / 100".
fn discussion_ended() -> App {
    let text = std::fs::read_to_string("tests/fixtures/scenarios/discussion.ron").unwrap();
    let loaded = downtime::scenario::load_str(
        "discussion.ron",
        &text,
        "sha256:test".into(),
        &downtime::scenario::files::NoFiles,
    );
    let mut a = App::briefing(
        loaded.scenario.unwrap(),
        "tests/fixtures/scenarios/discussion.ron".into(),
        config(),
        Theme::plain(),
    );
    a.press(KeyCode::Char('s'));
    a.update(Msg::Tick(65_000));
    a.type_keys("1ey");
    a
}

#[test]
fn a_discussion_exercise_ends_without_a_score() {
    let mut a = discussion_ended();
    let screen = render(&mut a, 80, 24);
    assert!(
        screen.contains("No score: a discussion exercise"),
        "{screen}"
    );
    assert!(!screen.contains("/ 100"), "{screen}");
    insta::assert_snapshot!("end_summary_no_score_80x24", screen);
    // Without a score, the flags and counters are listed all the same.
    let tall = render(&mut a, 80, 48);
    assert!(tall.contains("Flags and counters"), "{tall}");
    assert!(tall.contains("Incident reported"), "{tall}");
    assert!(tall.contains("Press calls"), "{tall}");
}

/// The CyberSim-style fixture played to its end (seed 7): EDR bought at the start, the
/// press briefed at the start and again three hours in, and the clock stepped (Space) to
/// the end of the day.
fn cybersim_ended() -> App {
    let text = std::fs::read_to_string("tests/fixtures/scenarios/cybersim.ron").unwrap();
    let loaded = downtime::scenario::load_str(
        "cybersim.ron",
        &text,
        "sha256:test".into(),
        &downtime::scenario::files::NoFiles,
    );
    let mut a = App::briefing(
        loaded.scenario.unwrap(),
        "tests/fixtures/scenarios/cybersim.ron".into(),
        config(),
        Theme::plain(),
    );
    a.press(KeyCode::Char('s'));
    // The action menu lists every action in file order: the first is EDR, the fourth the
    // press briefing.
    let take = |a: &mut App, downs: usize| {
        a.press(KeyCode::Char('A'));
        for _ in 0..downs {
            a.press(KeyCode::Down);
        }
        a.press(KeyCode::Enter);
    };
    take(&mut a, 0);
    take(&mut a, 3);
    for _ in 0..60 {
        if a.play().unwrap().ex().is_over() {
            break;
        }
        let ex = a.play().unwrap().ex();
        if ex.now() >= 3 * 3600 && ex.action_uses(3) < 2 {
            take(&mut a, 3);
        }
        a.type_keys(" ");
        if let Some(downtime::tui::app::Overlay::Confirm(_)) = &a.overlay {
            a.type_keys("y");
        }
    }
    let ex = a.play().unwrap().ex();
    assert!(ex.is_over(), "the day ends");
    assert_eq!(ex.action_uses(0), 1, "EDR bought");
    assert_eq!(ex.action_uses(3), 2, "the press briefed twice");
    a.update(Msg::Tick(65_000));
    a
}

#[test]
fn the_end_screen_lists_flags_and_counters() {
    let mut a = cybersim_ended();
    let large = render(&mut a, 120, 36);
    for want in [
        "Flags and counters",
        "EDR deployed",
        "MFA on remote access",
        "Press briefings",
        "2 briefings",
        "unchanged",
    ] {
        assert!(large.contains(want), "{want}:\n{large}");
    }
    insta::assert_snapshot!("end_summary_values_120x36", large);
    let small = render(&mut a, 80, 24);
    assert!(small.contains("Press briefings"), "{small}");
    insta::assert_snapshot!("end_summary_values_80x24", small);
    // The presenter's end screen shows them too: the end is no spoiler, the charts show
    // every metric to the room as well.
    a.type_keys("v");
    let presenter = render(&mut a, 120, 36);
    assert!(presenter.contains("EDR deployed"), "{presenter}");
    assert!(!presenter.contains("/ 100"), "{presenter}");
    insta::assert_snapshot!("end_summary_values_presenter_120x36", presenter);
}

/// The pools fixture (format 2), started: a curveball pool, hidden injects and a cast.
fn pools_started() -> App {
    let text = std::fs::read_to_string("tests/fixtures/scenarios/pools.ron").unwrap();
    let loaded = downtime::scenario::load_str(
        "pools.ron",
        &text,
        "sha256:test".into(),
        &downtime::scenario::files::NoFiles,
    );
    let mut a = App::briefing(
        loaded.scenario.unwrap(),
        "tests/fixtures/scenarios/pools.ron".into(),
        config(),
        Theme::plain(),
    );
    a.press(KeyCode::Char('s'));
    a.update(Msg::Tick(65_000));
    a
}

#[test]
fn the_curveball_picker_lists_the_pool_first_with_a_preview_and_a_filter() {
    let mut a = pools_started();
    a.type_keys("c");
    let screen = render(&mut a, 100, 32);
    let pool = screen.find("Curveball pool").expect("the pool's heading");
    let other = screen.find("Other injects").expect("the others' heading");
    assert!(pool < other, "{screen}");
    assert!(screen.find("Another journalist calls").unwrap() < other);
    assert!(screen.contains("↻ repeats"), "{screen}");
    assert!(
        screen.contains("We hear patients are being turned away."),
        "{screen}"
    );
    insta::assert_snapshot!("curveball_pool_100x32", screen);
    a.type_keys("power");
    let screen = render(&mut a, 100, 32);
    assert!(screen.contains("Filter: power"), "{screen}");
    assert!(!screen.contains("Another journalist calls"), "{screen}");
    insta::assert_snapshot!("curveball_pool_filtered_100x32", screen);
    a.type_keys("\n");
    let ex = a.play().unwrap().ex();
    assert!(
        ex.state().injects[ex.scenario().inject_index("power").unwrap() as usize]
            .fired_at
            .is_some()
    );
}

#[test]
fn a_hidden_inject_is_marked_for_the_facilitator_and_absent_from_the_presenter_view() {
    let mut a = pools_started();
    a.type_keys("cinsider\n");
    let screen = render(&mut a, 100, 32);
    assert!(screen.contains("(hidden)"), "{screen}");
    assert!(screen.contains("hidden: facilitator only"), "{screen}");
    a.type_keys("v");
    let screen = render(&mut a, 100, 32);
    assert!(!screen.contains("crisis mail"), "{screen}");
}

#[test]
fn the_cast_overlay_shows_notes_and_secrets() {
    let mut a = pools_started();
    a.type_keys("C");
    let screen = render(&mut a, 100, 32);
    assert!(
        screen.contains("Claire Martin (Duty officer, Regional health agency)"),
        "{screen}"
    );
    assert!(
        screen.contains("secret: The agency already knows"),
        "{screen}"
    );
    insta::assert_snapshot!("cast_overlay_100x32", screen);
    // Beside an inject from a character: how to play them, and what they keep back.
    a.type_keys("\x1bcpress_call\n");
    let screen = render(&mut a, 100, 40);
    assert!(screen.contains("from Sam Roy (Reporter)"), "{screen}");
    assert!(screen.contains("Playing Sam Roy"), "{screen}");
    assert!(screen.contains("Pushes for a quote."), "{screen}");
    a.type_keys("v");
    let screen = render(&mut a, 100, 40);
    assert!(screen.contains("from Sam Roy (Reporter)"), "{screen}");
    assert!(!screen.contains("Pushes for a quote."), "{screen}");
}

/// The help window and the status bar follow the scenario's language: the Chinese tutorial,
/// and the English one with `--lang fr` (the interface in French, the texts in English).
#[test]
fn the_help_window_speaks_the_rooms_language() {
    let zh = bundled::find("tutorial")
        .unwrap()
        .load_translated(Some("zh"))
        .scenario
        .unwrap();
    let mut app = briefing_with(zh);
    app.type_keys("?");
    let screen = render(&mut app, 80, 24);
    assert!(screen.contains("按键 · 简报"), "{screen}");
    assert!(screen.contains("修改参数"), "{screen}");
    assert!(screen.contains("布置会场"), "{screen}");
    let mut app = briefing_with(tutorial());
    app.lang_asked = Some(downtime::i18n::Lang::Fr);
    app.type_keys("?");
    let screen = render(&mut app, 120, 36);
    assert!(screen.contains("Touches · briefing"), "{screen}");
    assert!(screen.contains("changer un paramètre"), "{screen}");
    assert!(screen.contains("Préparer la salle"), "{screen}");
    assert!(screen.contains("Paramètres de cette partie"), "{screen}");
    // Nothing wider than the terminal.
    assert!(
        screen.lines().all(|l| width(l.trim_matches('"')) <= 120),
        "{screen}"
    );
}
