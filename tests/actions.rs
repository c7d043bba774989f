//! Repeatable actions (format 2): the engine's rules (teams, requirement, cooldown, use
//! limit, outcomes, follow-ups, undo, replay), `taken(...)` in conditions, the console's
//! action menu, test plans, the random policy and `simulate`'s action usage.

mod common;

use std::sync::Arc;

use common::{mini_text, mini2, ok, start, steps};
use downtime::engine::{Command, CommandError, Event, Exercise, OptionStatus, Unavailable};
use downtime::scenario::diagnostics::Code;
use downtime::scenario::files::NoFiles;
use downtime::scenario::{Scenario, load_str};
use downtime::tui::{App, Config, JournalChoice, Msg, Theme, view};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

const ACTIONS: &str = r#"
    teams: [(id: "a", name: "Team A"), (id: "b", name: "Team B")],
    counters: [(id: "c", label: "Budget", start: 30)],
    actions: [
        (id: "buy", label: "Buy a mitigation", teams: ["a"], requires: "c >= 10",
         unavailable: "Not enough budget.", max_uses: 2, effects: ["c -= 10", "f = true"]),
        (id: "brief", label: "Brief the press", cooldown: "1h", effects: ["m += 5"],
         follow_up: ["asked"]),
        (id: "gamble", label: "Try a restore", teams: ["a", "b"],
         outcomes: [(label: "Works", chance: 0.5, effects: ["n -= 10"]), (label: "Fails", effects: ["n += 10"])]),
    ],
    injects: [
        (id: "start", title: "Start", at: "0m"),
        (id: "asked", title: "The press asks again", delay: "30m"),
        (id: "late", title: "Late", when: "taken(buy) >= 2 && elapsed >= 4h"),
    ],
    endings: [(id: "over", title: "Over", default: true)],
"#;

fn scenario() -> Arc<Scenario> {
    mini2(ACTIONS)
}

fn take(action: &str, team: Option<&str>) -> Command {
    Command::Take {
        action: action.into(),
        team: team.map(Into::into),
        by: String::new(),
        name: String::new(),
    }
}

fn try_take(
    ex: &mut Exercise,
    action: &str,
    team: Option<&str>,
) -> Result<Vec<Event>, CommandError> {
    let real = ex.state().real_now + 1000;
    ex.apply(take(action, team), real)
}

#[test]
fn an_action_applies_its_effects_each_time_until_its_limit() {
    let sc = scenario();
    let mut ex = start(&sc, 1);
    let buy = sc.action_index("buy").unwrap();
    ok(&mut ex, take("buy", None));
    assert_eq!(ex.state().counters[0], 20.0);
    ok(&mut ex, take("buy", Some("a")));
    assert_eq!(ex.state().counters[0], 10.0);
    assert_eq!(ex.action_uses(buy), 2);
    assert_eq!(
        ex.action_status(buy, None),
        OptionStatus::Unavailable(Unavailable::UsedUp { max: 2 })
    );
    let err = try_take(&mut ex, "buy", None).unwrap_err();
    assert!(err.to_string().contains("already taken 2 times"), "{err}");
    // `taken(buy) >= 2` now holds: the conditional inject waits for its time.
    steps(&mut ex, 16);
    assert!(common::fired(&ex, "late").is_some());
}

#[test]
fn requirement_team_and_cooldown_are_checked() {
    let sc = scenario();
    let mut ex = start(&sc, 1);
    let err = try_take(&mut ex, "buy", Some("b")).unwrap_err();
    assert!(err.to_string().contains("not open to Team B"), "{err}");
    let err = try_take(&mut ex, "gamble", None).unwrap_err();
    assert!(err.to_string().contains("say which (a, b)"), "{err}");
    let err = try_take(&mut ex, "nope", None).unwrap_err();
    assert!(
        matches!(err, CommandError::Unknown { kind: "action", .. }),
        "{err}"
    );

    ok(&mut ex, take("brief", None));
    let err = try_take(&mut ex, "brief", None).unwrap_err();
    assert!(err.to_string().contains("again in 1h"), "{err}");
    steps(&mut ex, 2);
    assert!(
        common::fired(&ex, "asked").is_some(),
        "the follow-up came 30 min later"
    );
    let err = try_take(&mut ex, "brief", None).unwrap_err();
    assert!(err.to_string().contains("again in 30m"), "{err}");
    steps(&mut ex, 2);
    ok(&mut ex, take("brief", None));
    assert_eq!(ex.state().metrics[0], 60.0);

    // Requirement: the budget runs out after three purchases' worth.
    let mut ex = start(&sc, 1);
    ok(&mut ex, take("buy", None));
    ok(&mut ex, take("buy", None));
    let buy = sc.action_index("buy").unwrap();
    ex.apply(
        Command::AdjustMetric {
            metric: "m".into(),
            delta: 1.0,
            reason: "x".into(),
        },
        5000,
    )
    .unwrap();
    assert!(matches!(
        ex.action_status(buy, None),
        OptionStatus::Unavailable(_)
    ));
}

#[test]
fn the_requirement_gives_the_authors_reason() {
    let sc = mini2(&ACTIONS.replace("start: 30", "start: 5"));
    let ex = start(&sc, 1);
    let buy = sc.action_index("buy").unwrap();
    assert_eq!(
        ex.action_status(buy, Some(0)),
        OptionStatus::Unavailable(Unavailable::Authored("Not enough budget.".into()))
    );
}

#[test]
fn outcomes_are_drawn_from_the_seed_and_replay_identically() {
    let sc = scenario();
    let play = |seed| {
        let mut ex = start(&sc, seed);
        let mut drawn = Vec::new();
        for _ in 0..6 {
            for e in ok(&mut ex, take("gamble", Some("b"))) {
                if let Event::ActionOutcome { outcome, .. } = e {
                    drawn.push(outcome);
                }
            }
        }
        (drawn, ex.state().metrics.clone())
    };
    let (a, ma) = play(3);
    let (b, mb) = play(3);
    assert_eq!(a, b);
    assert_eq!(ma, mb);
    assert_eq!(a.len(), 6);
    let all: Vec<_> = (0..20).map(|s| play(s).0).collect();
    assert!(all.iter().any(|d| d.contains(&0)) && all.iter().any(|d| d.contains(&1)));
}

#[test]
fn undo_takes_an_action_back() {
    let sc = scenario();
    let mut ex = start(&sc, 1);
    ok(&mut ex, take("buy", None));
    ok(&mut ex, Command::Undo);
    assert_eq!(ex.state().counters[0], 30.0);
    assert_eq!(ex.action_uses(sc.action_index("buy").unwrap()), 0);
}

#[test]
fn actions_are_logged_and_serialised_as_commands() {
    let sc = scenario();
    let mut ex = start(&sc, 1);
    ok(&mut ex, take("gamble", Some("a")));
    let json = serde_json::to_string(&take("gamble", Some("a"))).unwrap();
    assert_eq!(json, r#"{"cmd":"take","action":"gamble","team":"a"}"#);
    let back: Command = serde_json::from_str(&json).unwrap();
    assert_eq!(back, take("gamble", Some("a")));
    let logged = ex.log().iter().any(|l| {
        matches!(
            l.kind,
            downtime::engine::LogKind::Action {
                action: 2,
                team: Some(0),
                ..
            }
        )
    });
    assert!(logged, "{:?}", ex.log());
}

#[test]
fn actions_need_format_2_and_their_ids_are_checked() {
    let text = mini_text(ACTIONS);
    let loaded = load_str("t.ron", &text, "sha256:t".into(), &NoFiles);
    let codes: Vec<Code> = loaded.report.diagnostics.iter().map(|d| d.code).collect();
    assert!(codes.contains(&Code::NeedsFormat2), "{codes:?}");

    let text =
        mini_text(&ACTIONS.replace(r#"teams: ["a"], requires"#, r#"teams: ["x"], requires"#))
            .replacen("format: 1", "format: 2", 1);
    let loaded = load_str("t.ron", &text, "sha256:t".into(), &NoFiles);
    let out = loaded.report.render_text(100);
    assert!(out.contains("unknown team `x`"), "{out}");

    let text = mini_text(&ACTIONS.replace("taken(buy)", "taken(bye)")).replacen(
        "format: 1",
        "format: 2",
        1,
    );
    let out = load_str("t.ron", &text, "sha256:t".into(), &NoFiles)
        .report
        .render_text(100);
    assert!(out.contains("known actions: brief, buy, gamble"), "{out}");

    let text = mini_text(&ACTIONS.replace("max_uses: 2", "max_uses: 0")).replacen(
        "format: 1",
        "format: 2",
        1,
    );
    let out = load_str("t.ron", &text, "sha256:t".into(), &NoFiles)
        .report
        .render_text(100);
    assert!(out.contains("`max_uses` is 0"), "{out}");
}

#[test]
fn a_follow_up_of_an_action_is_not_said_to_never_fire() {
    let loaded = load_str(
        "t.ron",
        &mini_text(ACTIONS).replacen("format: 1", "format: 2", 1),
        "sha256:t".into(),
        &NoFiles,
    );
    let codes: Vec<Code> = loaded.report.diagnostics.iter().map(|d| d.code).collect();
    assert!(
        !codes.contains(&Code::NeverFires),
        "{}",
        loaded.report.render_text(100)
    );
}

fn press(app: &mut App, code: KeyCode) {
    app.update(Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)));
}

fn render(app: &mut App, w: u16, h: u16) -> String {
    app.update(Msg::Resize(w, h));
    let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
    term.draw(|f| view::draw(f, app)).unwrap();
    term.backend().to_string()
}

#[test]
fn the_console_action_menu_takes_an_action() {
    let sc = scenario();
    let config = Config {
        seed: Some(7),
        journal: JournalChoice::Off,
    };
    let mut app = App::briefing(sc.clone(), "test.ron".into(), config, Theme::plain());
    press(&mut app, KeyCode::Char('s'));
    press(&mut app, KeyCode::Char('A'));
    press(&mut app, KeyCode::Enter);
    let ex = app.play().unwrap().ex();
    assert_eq!(ex.action_uses(0), 1);
    assert_eq!(ex.state().counters[0], 20.0);
    press(&mut app, KeyCode::Char('A'));
    press(&mut app, KeyCode::Down);
    insta::assert_snapshot!("action_menu_80x24", render(&mut app, 80, 24));
    // The brief action is taken; the next Enter is refused by its cooldown and the menu stays.
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Char('A'));
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Enter);
    assert!(
        app.overlay.is_some(),
        "a refused action keeps the menu open"
    );
    assert_eq!(app.play().unwrap().ex().action_uses(1), 1);
}

fn bin(args: &[&str]) -> (String, bool) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_downtime"))
        .args(args)
        .output()
        .unwrap();
    (
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr),
        out.status.success(),
    )
}

const FIXTURE: &str = "tests/fixtures/scenarios/cybersim.ron";

#[test]
fn a_plan_takes_actions_and_checks_their_count() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("p.plan");
    std::fs::write(
        &plan,
        "take buy_mfa\ntake fundraise\nexpect counter budget 45..45\ntake buy_edr\nstep 5\nexpect no-inject phish\nexpect inject board_asks\nexpect taken buy_edr 1..1\nexpect ending over\n",
    )
    .unwrap();
    let script = format!("script:{}", plan.display());
    let (out, ok) = bin(&[
        "run",
        FIXTURE,
        "--policy",
        &script,
        "--seed",
        "1",
        "--no-journal",
    ]);
    assert!(ok, "{out}");
    assert!(
        out.contains("ACTION buy_edr by IT and security: Deploy EDR on every server"),
        "{out}"
    );
    assert!(out.contains("prevented: encryption"), "{out}");
}

#[test]
fn the_random_policy_takes_actions_and_simulate_reports_them() {
    let (out, ok) = bin(&[
        "run",
        FIXTURE,
        "--policy",
        "random",
        "--seed",
        "2",
        "--no-journal",
    ]);
    assert!(ok, "{out}");
    assert!(out.matches("ACTION ").count() >= 2, "{out}");
    let (out, ok) = bin(&[
        "simulate", FIXTURE, "--runs", "300", "--policy", "random", "--seed", "5",
    ]);
    assert!(ok, "{out}");
    let section = out.split("\nActions (").nth(1).expect("an actions section");
    for id in [
        "buy_edr",
        "buy_mfa",
        "restore_ehr",
        "press_briefing",
        "fundraise",
    ] {
        assert!(section.contains(id), "{section}");
    }
    assert!(
        section.contains("uses/run") && section.contains("impact"),
        "{section}"
    );
    let (json, ok) = bin(&[
        "simulate", FIXTURE, "--runs", "100", "--policy", "random", "--seed", "5", "--format",
        "json",
    ]);
    assert!(ok, "{json}");
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let actions = v["actions"].as_array().unwrap();
    assert_eq!(actions.len(), 5);
    assert!(
        actions.iter().all(|a| a["runs"].as_u64().unwrap() > 0),
        "{json}"
    );
    // The first-option policy takes no action: a scenario plays as before.
    let (out, ok) = bin(&[
        "run",
        FIXTURE,
        "--policy",
        "first",
        "--seed",
        "2",
        "--no-journal",
    ]);
    assert!(ok && !out.contains("ACTION "), "{out}");
}
