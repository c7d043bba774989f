//! The SSH seat's screen, drawn from real views of the flagship: hostile strings (terminal
//! escapes, bidi controls) are made visible, never passed on; every size from 1×1 up draws
//! without a panic; random bytes from a terminal never panic the key parser or the screen;
//! the keys vote in the shown order and only the lead submits.

use std::sync::Arc;

use downtime::audience::{Audience, SeatView, view, view_in};
use downtime::engine::{Command, Exercise};
use downtime::host::ssh_screen::{Act, Key, Me, Ui, draw, parse_keys};
use downtime::i18n::Lang;
use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn flagship_views() -> (SeatView, SeatView) {
    let b = downtime::bundled::find("saturday-night-blackout").expect("flagship");
    let sc = Arc::new(b.load().scenario.expect("loads"));
    let mut ex = Exercise::new(Arc::clone(&sc), 3);
    ex.apply(
        Command::Start {
            params: Default::default(),
            session: Default::default(),
        },
        0,
    )
    .expect("starts");
    let it = sc.teams.iter().position(|t| t.id == "it").expect("it") as u16;
    (
        view(&ex, Audience::Team(it), 1000),
        view(&ex, Audience::Presenter, 1000),
    )
}

fn hostile(mut v: SeatView) -> SeatView {
    let evil = "\u{1b}[2J\u{1b}]0;owned\u{7}\u{202e}evil\u{9b}31m";
    v.title.push_str(evil);
    for m in &mut v.inbox {
        m.title.push_str(evil);
        m.body.push_str(evil);
        m.sender.push_str(evil);
    }
    for d in &mut v.decisions {
        d.prompt.push_str(evil);
        for o in &mut d.options {
            o.label.push_str(evil);
            o.voters.push(format!("Nadia{evil}"));
        }
    }
    v
}

fn render(v: Option<&SeatView>, w: u16, h: u16, ui: &Ui, me: &Me) -> String {
    let mut t = Terminal::new(TestBackend::new(w, h)).expect("terminal");
    t.draw(|f| draw(f, v, ui, me)).expect("draws");
    let buf = t.backend().buffer().clone();
    buf.content().iter().map(|c| c.symbol()).collect()
}

#[test]
fn hostile_strings_are_shown_as_placeholders_never_as_controls() {
    let (team, presenter) = flagship_views();
    for v in [hostile(team), hostile(presenter)] {
        let me = Me {
            voter: "it#1".into(),
            lead: true,
            ..Me::default()
        };
        let text = render(Some(&v), 160, 60, &Ui::default(), &me);
        assert!(text.contains('␛'), "the escape is made visible");
        assert!(
            text.contains("Situation") && text.contains("Systems"),
            "{text}"
        );
        for c in text.chars() {
            assert!(
                !c.is_control() && !downtime::text::is_dangerous(c),
                "{:?} reached the screen",
                c
            );
        }
    }
}

#[test]
fn every_small_size_draws() {
    let (team, presenter) = flagship_views();
    let me = Me::default();
    for (w, h) in [(1, 1), (2, 1), (9, 4), (10, 5), (20, 6), (40, 8), (80, 24)] {
        for v in [Some(&team), Some(&presenter), None] {
            let _ = render(v, w, h, &Ui::default(), &me);
        }
    }
}

#[test]
fn number_keys_vote_in_the_shown_order_and_only_the_lead_submits() {
    let (team, presenter) = flagship_views();
    let d = &team.decisions[0];
    let second = d.options.iter().find(|o| o.number == 2).expect("option 2");
    let mut ui = Ui::default();
    let member = Me {
        voter: "it#2".into(),
        lead: false,
        ..Me::default()
    };
    assert_eq!(
        ui.key(Key::Digit(2), Some(&team), &member, true),
        Act::Vote(d.key, vec![second.key])
    );
    assert_eq!(ui.key(Key::Digit(9), Some(&team), &member, true), Act::None);
    assert_eq!(ui.key(Key::Submit, Some(&team), &member, true), Act::None);
    assert!(ui.status.contains("lead"), "{}", ui.status);
    // The presenter does not vote.
    assert_eq!(
        ui.key(Key::Digit(1), Some(&presenter), &member, false),
        Act::None
    );
    // The lead submits their own vote, after a yes.
    let lead = Me {
        voter: "it#1".into(),
        lead: true,
        votes: vec![(d.key, vec![second.key])],
        ..Me::default()
    };
    assert_eq!(ui.key(Key::Submit, Some(&team), &lead, true), Act::None);
    let asked = render(Some(&team), 120, 40, &ui, &lead);
    assert!(asked.contains("y / n"), "{asked}");
    assert_eq!(
        ui.key(Key::Yes, Some(&team), &lead, true),
        Act::Submit(d.key, vec![second.key])
    );
    // A no leaves it be.
    assert_eq!(ui.key(Key::Submit, Some(&team), &lead, true), Act::None);
    assert_eq!(ui.key(Key::No, Some(&team), &lead, true), Act::None);
    assert_eq!(ui.key(Key::Yes, Some(&team), &lead, true), Act::None);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]
    #[test]
    fn random_bytes_from_a_terminal_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..512),
                                                w in 1u16..200, h in 1u16..80) {
        let (team, _) = flagship_views();
        let me = Me { voter: "it#1".into(), lead: true, ..Me::default() };
        let mut ui = Ui::default();
        for k in parse_keys(&bytes, 64) {
            let _ = ui.key(k, Some(&team), &me, true);
        }
        let _ = render(Some(&team), w, h, &ui, &me);
    }
}

/// A team's and the presenter's views of a bundled scenario in its translation `lang`,
/// started, with the seats' fixed words in `lang`.
fn translated_views(name: &str, lang: Lang, team: &str) -> (SeatView, SeatView) {
    let b = downtime::bundled::find(name).expect("bundled");
    let loaded = b.load_translated(Some(lang.tag()));
    let sc = Arc::new(loaded.scenario.expect("loads"));
    assert_eq!(
        Lang::of_scenario(&sc),
        lang,
        "the {} translation",
        lang.tag()
    );
    let mut ex = Exercise::new(Arc::clone(&sc), 3);
    ex.apply(
        Command::Start {
            params: Default::default(),
            session: Default::default(),
        },
        0,
    )
    .expect("starts");
    let t = sc.teams.iter().position(|t| t.id == team).expect("team") as u16;
    (
        view_in(&ex, Audience::Team(t), 1000, lang),
        view_in(&ex, Audience::Presenter, 1000, lang),
    )
}

/// The screen as rows of text: the cell a wide character covers after its own is skipped,
/// so that each row is as wide on screen as it is in the terminal.
fn rows(v: Option<&SeatView>, w: u16, h: u16, ui: &Ui, me: &Me) -> String {
    let mut t = Terminal::new(TestBackend::new(w, h)).expect("terminal");
    t.draw(|f| draw(f, v, ui, me)).expect("draws");
    let buf = t.backend().buffer().clone();
    let mut out = String::new();
    for y in 0..h {
        let mut row = String::new();
        let mut x = 0;
        while x < w {
            let sym = buf[(x, y)].symbol();
            row.push_str(sym);
            x += u16::try_from(unicode_width::UnicodeWidthStr::width(sym).max(1)).unwrap_or(1);
        }
        out.push_str(row.trim_end());
        out.push('\n');
    }
    out
}

/// No row is wider on screen than the terminal (wide characters count two cells).
fn assert_fits(screen: &str, w: u16) {
    for row in screen.lines() {
        assert!(
            unicode_width::UnicodeWidthStr::width(row) <= usize::from(w),
            "a row overflows {w} cells: {row:?}"
        );
    }
}

fn lead_and_ui(lang: Lang, v: &SeatView) -> (Me, Ui) {
    let d = &v.decisions[0];
    let me = Me {
        voter: "t#1".into(),
        name: "Nadia".into(),
        lead: true,
        votes: vec![(d.key, vec![d.options[0].key])],
    };
    (
        me,
        Ui {
            lang,
            ..Ui::default()
        },
    )
}

#[test]
fn the_seat_screen_in_french() {
    let (team, presenter) = translated_views("saturday-night-blackout", Lang::Fr, "it");
    let (me, ui) = lead_and_ui(Lang::Fr, &team);
    for (w, h, name) in [(80, 24, "fr_team_80x24"), (40, 20, "fr_team_40x20")] {
        let s = rows(Some(&team), w, h, &ui, &me);
        assert_fits(&s, w);
        insta::assert_snapshot!(name, s);
    }
    let s = rows(Some(&team), 80, 24, &ui, &me);
    assert!(s.contains("Votre décision"), "{s}");
    assert!(
        !s.contains("Your decision") && !s.contains(" vote ·"),
        "{s}"
    );
    let s = rows(Some(&presenter), 80, 24, &ui, &Me::default());
    assert_fits(&s, 80);
    insta::assert_snapshot!("fr_presenter_80x24", s);
    assert!(
        s.contains("Présentation") && s.contains("Décisions ouvertes"),
        "{s}"
    );
    // The status line speaks French too.
    let mut ui = ui;
    let member = Me {
        lead: false,
        ..me.clone()
    };
    ui.key(Key::Submit, Some(&team), &member, true);
    assert!(ui.status.contains("responsable"), "{}", ui.status);
}

#[test]
fn the_seat_screen_in_chinese_never_overflows() {
    let (team, presenter) = translated_views("tutorial", Lang::Zh, "oncall");
    let (me, ui) = lead_and_ui(Lang::Zh, &team);
    for (w, h, name) in [(80, 24, "zh_team_80x24"), (40, 20, "zh_team_40x20")] {
        let s = rows(Some(&team), w, h, &ui, &me);
        assert_fits(&s, w);
        insta::assert_snapshot!(name, s);
    }
    let s = rows(Some(&team), 80, 24, &ui, &me);
    assert!(s.contains("你的决策"), "{s}");
    let s = rows(Some(&presenter), 80, 24, &ui, &Me::default());
    assert_fits(&s, 80);
    insta::assert_snapshot!("zh_presenter_80x24", s);
    // Every width, narrow or wide, fits; what is cut ends with a marker.
    for w in [10u16, 17, 23, 31, 40, 57, 80, 111, 140] {
        for v in [&team, &presenter] {
            let s = rows(Some(v), w, 20, &ui, &me);
            assert_fits(&s, w);
        }
    }
    let s = rows(Some(&team), 30, 20, &ui, &me);
    let last = s.lines().last().unwrap_or("");
    assert!(
        last.ends_with('…'),
        "the keys line is cut with a marker: {last:?}"
    );
}
