//! Several answers to one decision (format 2, `pick`): limits, requirements and costs
//! checked on the whole selection, effects and outcomes in the order written, `chosen`
//! for every option picked, timeouts, undo and replay, votes, policies, plans and the
//! report.

mod common;

use std::sync::Arc;

use common::{mini_text, mini2, ok, start};
use downtime::engine::{Command, CommandError, Event, Exercise, OptionStatus};
use downtime::headless::{self, Policy};
use downtime::scenario::diagnostics::Code;
use downtime::scenario::files::NoFiles;
use downtime::scenario::{Scenario, load_str};

const PICK: &str = r#"
    counters: [(id: "c", label: "Budget", start: 30)],
    injects: [
        (
            id: "menu",
            title: "What do we fund?",
            at: "0m",
            decision: (
                team: "a",
                prompt: "Which responses do we fund now?",
                order: Fixed,
                pick: (max: 3, within: "c >= 0", unavailable: "Together they cost more than the budget."),
                options: [
                    (id: "isolate", label: "Isolate", effects: ["c -= 10", "m += 1"], recommended: true),
                    (id: "forensics", label: "Forensics", requires: "c >= 20", effects: ["c -= 20", "m = m * 2"], recommended: true),
                    (id: "notify", label: "Notify", effects: ["f = true"],
                     outcomes: [(label: "Heard", chance: 0.5, effects: ["m += 5"]), (label: "Lost", effects: ["m -= 5"])]),
                    (id: "hold", label: "Hold"),
                ],
                timeout: (scenario: "1h", default: "hold"),
            ),
        ),
        (id: "after_notify", title: "The CERT calls back", after: "menu.notify", delay: "15m"),
        (id: "both", title: "Both", when: "chosen(menu, isolate) && chosen(menu, notify)"),
    ],
    endings: [(id: "over", title: "Over", default: true)],
"#;

fn scenario() -> Arc<Scenario> {
    mini2(PICK)
}

fn choose(option: &str) -> Command {
    Command::Choose {
        decision: "menu".into(),
        option: option.into(),
        team: None,
    }
}

fn try_choose(ex: &mut Exercise, option: &str) -> Result<Vec<Event>, CommandError> {
    let real = ex.state().real_now + 1000;
    ex.apply(choose(option), real)
}

fn counter(ex: &Exercise) -> f64 {
    ex.state().counters[0]
}

fn metric(ex: &Exercise) -> f64 {
    ex.state().metrics[0]
}

#[test]
fn options_apply_in_the_order_written_whatever_order_the_command_names() {
    let sc = scenario();
    let mut a = start(&sc, 1);
    let mut b = start(&sc, 1);
    ok(&mut a, choose("isolate+forensics"));
    ok(&mut b, choose("forensics+isolate"));
    // isolate first (m 50 + 1), then forensics (× 2): 102 → clamped to 100; budget 0.
    assert_eq!(metric(&a), 100.0);
    assert_eq!(counter(&a), 0.0);
    assert_eq!(
        a.state().decisions,
        b.state().decisions,
        "the order named does not matter"
    );
    assert_eq!(a.state().metrics, b.state().metrics);
    let c = a.state().decisions[0].choice.as_ref().unwrap();
    assert_eq!(c.options(), vec![0, 1]);
    assert!(c.has(0) && c.has(1) && !c.has(2));
}

#[test]
fn chosen_is_true_for_every_option_picked_and_follow_ups_of_each_come() {
    let sc = scenario();
    let mut ex = start(&sc, 3);
    let events = ok(&mut ex, choose("isolate+notify"));
    let chosen: Vec<u16> = events
        .iter()
        .filter_map(|e| match e {
            Event::OptionChosen { option, .. } => Some(*option),
            _ => None,
        })
        .collect();
    assert_eq!(chosen, vec![0, 2]);
    assert!(
        events
            .iter()
            .any(|e| matches!(e, Event::OutcomeDrawn { option: 2, .. })),
        "the outcome of `notify` is drawn"
    );
    let both = sc.inject_index("both").unwrap() as usize;
    assert!(ex.state().injects[both].fired_at.is_some());
    common::steps(&mut ex, 2);
    let after = sc.inject_index("after_notify").unwrap() as usize;
    assert!(ex.state().injects[after].fired_at.is_some());
}

#[test]
fn a_selection_is_refused_outside_its_limits_or_with_an_option_twice() {
    let sc = scenario();
    let mut ex = start(&sc, 1);
    let e = try_choose(&mut ex, "isolate+forensics+notify+hold").unwrap_err();
    assert!(e.to_string().contains("1 to 3 options, not 4"), "{e}");
    let e = try_choose(&mut ex, "isolate+isolate").unwrap_err();
    assert!(e.to_string().contains("named twice"), "{e}");
    let e = try_choose(&mut ex, "isolate+nothing").unwrap_err();
    assert!(matches!(e, CommandError::Unknown { .. }), "{e}");
    assert!(ex.state().decisions[0].choice.is_none(), "nothing changed");
}

#[test]
fn requirements_see_the_options_before_and_within_sees_them_all() {
    let sc = scenario();
    let ex = start(&sc, 1);
    // With 30: isolate (10) leaves 20, so forensics (needs 20) still fits: 0 left.
    assert_eq!(ex.selection_status(0, &[0, 1]), OptionStatus::Available);
    // With 25, forensics alone fits, but not after isolate.
    let sc = mini2(&PICK.replace("start: 30", "start: 25"));
    let mut ex = start(&sc, 1);
    match ex.selection_status(0, &[0, 1]) {
        OptionStatus::Unavailable(why) => {
            assert!(
                why.to_string().contains("`forensics` after `isolate`"),
                "{why}"
            )
        }
        s => panic!("{s:?}"),
    }
    assert_eq!(ex.option_status(0, 1), OptionStatus::Available);
    let e = try_choose(&mut ex, "isolate+forensics").unwrap_err();
    assert!(e.to_string().contains("cannot be taken together"), "{e}");
    assert_eq!(counter(&ex), 25.0, "the check changed nothing");
}

#[test]
fn within_refuses_a_selection_whose_combined_cost_exceeds_the_budget() {
    let free = PICK.replace(r#"requires: "c >= 20", "#, "");
    let ex = start(&mini2(&free), 1);
    // 10 + 20 = 30 fits 30; with 25 it does not, though each option alone does.
    assert_eq!(ex.selection_status(0, &[0, 1]), OptionStatus::Available);
    let ex = start(&mini2(&free.replace("start: 30", "start: 25")), 1);
    assert_eq!(
        ex.selection_status(0, &[0, 1]),
        OptionStatus::Unavailable(downtime::engine::Unavailable::Authored(
            "Together they cost more than the budget.".into()
        ))
    );
    assert_eq!(ex.selection_status(0, &[1]), OptionStatus::Available);
    assert_eq!(ex.selection_status(0, &[0, 2]), OptionStatus::Available);
}

#[test]
fn a_timeout_takes_the_default_alone_and_undo_and_replay_hold() {
    let sc = scenario();
    let mut ex = start(&sc, 1);
    common::steps(&mut ex, 4);
    let c = ex.state().decisions[0].choice.clone().expect("timed out");
    assert!(c.timeout);
    assert_eq!(c.options(), vec![3]);

    let mut ex = start(&sc, 9);
    ok(&mut ex, choose("notify+isolate"));
    let taken = ex.state().clone();
    ok(&mut ex, Command::Undo);
    assert!(ex.state().decisions[0].choice.is_none());
    ok(&mut ex, choose("isolate+notify"));
    let picked = |st: &downtime::engine::State| -> Vec<(u16, Option<u16>)> {
        st.decisions[0].choice.as_ref().unwrap().picked().collect()
    };
    assert_eq!(
        picked(ex.state()),
        picked(&taken),
        "same seed, same outcomes"
    );
    assert_eq!(ex.state().metrics, taken.metrics);
}

#[test]
fn votes_count_for_each_option_named_and_a_lead_submits_a_selection() {
    let sc = scenario();
    let mut ex = start(&sc, 1);
    for (voter, option) in [
        ("a#1", "isolate+notify"),
        ("a#2", "notify"),
        ("a#3", "isolate+notify"),
    ] {
        ok(
            &mut ex,
            Command::Vote {
                decision: "menu".into(),
                option: option.into(),
                team: "a".into(),
                voter: voter.into(),
                name: String::new(),
            },
        );
    }
    let ballots = downtime::audience::ballots(&ex, 0);
    assert_eq!(ballots[0].1, vec![0, 2]);
    let view = downtime::audience::view(&ex, downtime::audience::Audience::Team(0), 0);
    let d = &view.decisions[0];
    assert_eq!(d.pick.map(|p| (p.min, p.max)), Some((1, 3)));
    let votes: Vec<u32> = d.options.iter().map(|o| o.votes).collect();
    assert_eq!(votes, vec![2, 0, 3, 0], "approval votes, per option");
    ok(
        &mut ex,
        Command::Submit {
            decision: "menu".into(),
            option: "notify+isolate".into(),
            team: "a".into(),
            by: "a#1".into(),
            name: String::new(),
        },
    );
    let votes = downtime::report::votes::of(&ex, 0).expect("votes on record");
    assert!(!votes.against_majority, "the selection most voted for");
}

#[test]
fn policies_pick_several_options_within_the_rules() {
    let sc = scenario();
    // Best practice: every recommended option that fits.
    let ex = start(&sc, 1);
    assert_eq!(Policy::BestPractice.choose(&ex, 0), vec![0, 1]);
    assert_eq!(Policy::First.choose(&ex, 0), vec![0]);
    // Random: between 1 and 3 options, always a valid selection, several at times.
    let mut sizes = [0u32; 4];
    for seed in 0..200 {
        let mut p = Policy::random(seed);
        let sel = p.choose(&ex, 0);
        assert_eq!(
            ex.selection_status(0, &sel),
            OptionStatus::Available,
            "{sel:?}"
        );
        sizes[sel.len()] += 1;
    }
    assert_eq!(sizes[0], 0);
    assert!(sizes[1] > 0 && sizes[2] > 0 && sizes[3] > 0, "{sizes:?}");
    // A headless run takes them as one command.
    let mut ex = start(&sc, 1);
    let cmd = headless::next_command(&ex, &mut Policy::BestPractice).unwrap();
    assert_eq!(cmd, choose("isolate+forensics"));
    ok(&mut ex, cmd);
}

#[test]
fn a_test_plan_chooses_several_options_with_a_plus() {
    let dir = tempfile::tempdir().unwrap();
    let sc_path = dir.path().join("pick.ron");
    std::fs::write(
        &sc_path,
        mini_text(PICK).replacen("format: 1", "format: 2", 1),
    )
    .unwrap();
    let plan = dir.path().join("pick.plan");
    std::fs::write(
        &plan,
        "choose menu isolate+notify\nexpect inject both\nexpect flag f true\nexpect counter c 20..20\n",
    )
    .unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_downtime"))
        .arg("run")
        .arg(&sc_path)
        .arg("--policy")
        .arg(format!("script:{}", plan.display()))
        .output()
        .unwrap();
    let text =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{text}");
}

#[test]
fn pick_needs_format_2_and_limits_that_fit() {
    let codes = |text: &str| -> Vec<Code> {
        let loaded = load_str("t.ron", text, "sha256:t".into(), &NoFiles);
        loaded
            .report
            .diagnostics
            .iter()
            .filter(|d| d.severity() == downtime::scenario::diagnostics::Severity::Error)
            .map(|d| d.code)
            .collect()
    };
    let v2 = mini_text(PICK).replacen("format: 1", "format: 2", 1);
    assert_eq!(codes(&v2), []);
    assert_eq!(codes(&mini_text(PICK)), [Code::NeedsFormat2]);
    assert_eq!(
        codes(&v2.replace("pick: (max: 3,", "pick: (max: 5,")),
        [Code::BadPick]
    );
    assert_eq!(
        codes(&v2.replace("pick: (max: 3,", "pick: (min: 3, max: 2,")),
        [Code::BadPick]
    );
    assert_eq!(
        codes(&v2.replace("pick: (max: 3,", "pick: (min: 0, max: 3,")),
        [Code::BadPick]
    );
    assert_eq!(
        codes(&v2.replace(r#"within: "c >= 0""#, r#"within: "c + 1""#)),
        [Code::ExprType]
    );
}

#[test]
fn the_report_shows_the_selection_as_one_choice() {
    let sc = scenario();
    let mut ex = start(&sc, 1);
    ok(&mut ex, choose("isolate+forensics"));
    let card = ex.score();
    let taken = &card.teams[0].decisions[0];
    assert_eq!((taken.option, taken.more.len()), (0, 1));
    let _ = Arc::clone(&sc);
}

#[path = "support/http.rs"]
mod http;

const CYBERSIM: &str = "tests/fixtures/scenarios/cybersim.ron";

#[test]
fn web_seats_vote_and_submit_several_options() {
    use std::time::Duration;
    const WAIT: Duration = Duration::from_secs(20);
    let dir = tempfile::tempdir().expect("tempdir");
    let (host, _journal) = http::host_file(
        dir.path(),
        std::path::Path::new(CYBERSIM),
        3,
        downtime::host::Limits::default(),
    );
    let addr = host.local_addr();
    let seats = host.seats();
    let client = host.client();
    client
        .apply(Command::Start {
            params: Default::default(),
            session: Default::default(),
        })
        .expect("start");
    while client.snapshot().expect("snapshot").0.pending().is_empty() {
        client.apply(Command::NextInject).expect("next inject");
    }
    let lead = http::join_url(addr, &seats[1].url).expect("lead joins");
    let member = http::join_url(addr, &seats[1].url).expect("member joins");
    let mut ev = http::Events::open(addr, &member);
    let v = ev.until(WAIT, |v| v["view"]["decisions"][0]["pick"]["max"] == 3);
    assert_eq!(v["view"]["decisions"][0]["pick"]["min"], 1);
    let vote =
        |who: &str, body: &str| http::request(addr, "POST", "/api/vote", Some(who), Some(body));
    // Malformed or out-of-limits selections are refused.
    assert_eq!(
        vote(&member, r#"{"decision":0,"option":0,"options":[1]}"#).status,
        400
    );
    assert_eq!(vote(&member, r#"{"decision":0,"options":[]}"#).status, 400);
    assert_eq!(
        vote(&member, r#"{"decision":0,"options":[0,1,2,3]}"#).status,
        409
    );
    assert_eq!(
        vote(&member, r#"{"decision":0,"options":[0,9]}"#).status,
        404
    );
    let r = vote(&member, r#"{"decision":0,"options":[2,0],"name":"Ana"}"#);
    assert_eq!(r.status, 204, "{}", r.body);
    let v = ev.until(WAIT, |v| v["me"]["votes"]["0"].is_array());
    assert_eq!(v["me"]["votes"]["0"], serde_json::json!([0, 2]));
    let r = http::request(
        addr,
        "POST",
        "/api/submit",
        Some(&lead),
        Some(r#"{"decision":0,"options":[0,2]}"#),
    );
    assert_eq!(r.status, 204, "{}", r.body);
    let (ex, _) = client.snapshot().expect("snapshot");
    let c = ex.state().decisions[0].choice.as_ref().expect("taken");
    assert_eq!(c.options(), vec![0, 2]);
}

#[test]
fn the_ssh_seat_ticks_options_and_votes_when_their_number_fits() {
    use downtime::host::ssh_screen::{Act, Key, Me, Ui};
    let sc = scenario();
    let ex = start(&sc, 1);
    let v = downtime::audience::view(&ex, downtime::audience::Audience::Team(0), 0);
    let me = Me {
        voter: "a#1".into(),
        lead: true,
        ..Me::default()
    };
    let mut ui = Ui::default();
    // Options are shown as written (`order: Fixed`): 1 isolate, 2 forensics, 3 notify.
    assert_eq!(
        ui.key(Key::Digit(1), Some(&v), &me, true),
        Act::Vote(0, vec![0])
    );
    assert_eq!(
        ui.key(Key::Digit(3), Some(&v), &me, true),
        Act::Vote(0, vec![0, 2])
    );
    assert_eq!(
        ui.key(Key::Digit(1), Some(&v), &me, true),
        Act::Vote(0, vec![2])
    );
    assert_eq!(ui.key(Key::Digit(3), Some(&v), &me, true), Act::None);
    assert!(ui.status.contains("0 ticked"), "{}", ui.status);
    let voted = Me {
        votes: vec![(0, vec![0, 2])],
        ..me
    };
    assert_eq!(ui.key(Key::Submit, Some(&v), &voted, true), Act::None);
    assert_eq!(
        ui.key(Key::Yes, Some(&v), &voted, true),
        Act::Submit(0, vec![0, 2])
    );
}

#[test]
fn the_console_ticks_options_with_their_numbers_and_takes_them_with_enter() {
    use downtime::tui::{App, Config, JournalChoice, Msg, Theme, view};
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    let press = |app: &mut App, code: KeyCode| {
        app.update(Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)));
    };
    let sc = scenario();
    let config = Config {
        seed: Some(7),
        journal: JournalChoice::Off,
    };
    let mut app = App::briefing(sc.clone(), "test.ron".into(), config, Theme::plain());
    press(&mut app, KeyCode::Char('s'));
    // `i` ticks the highlighted option; once one is ticked, numbers tick too.
    press(&mut app, KeyCode::Char('i'));
    press(&mut app, KeyCode::Char('3'));
    assert!(
        app.play().unwrap().ex().state().decisions[0]
            .choice
            .is_none(),
        "numbers tick, they do not decide"
    );
    app.update(Msg::Resize(80, 24));
    let mut term = Terminal::new(TestBackend::new(80, 24)).unwrap();
    term.draw(|f| view::draw(f, &app)).unwrap();
    let screen = term.backend().to_string();
    assert!(screen.contains("[x] Isolate"), "{screen}");
    assert!(screen.contains("[ ] Forensics"), "{screen}");
    assert!(screen.contains("Several answers: pick 1 to 3"), "{screen}");
    assert!(screen.contains("i tick"), "{screen}");
    insta::assert_snapshot!("pick_ticked_80x24", screen);
    press(&mut app, KeyCode::Enter);
    let ex = app.play().unwrap().ex();
    let c = ex.state().decisions[0].choice.as_ref().expect("taken");
    assert_eq!(c.options(), vec![0, 2]);
    // With nothing ticked, a number takes its option alone.
    let config = Config {
        seed: Some(7),
        journal: JournalChoice::Off,
    };
    let mut app = App::briefing(sc.clone(), "test.ron".into(), config, Theme::plain());
    press(&mut app, KeyCode::Char('s'));
    press(&mut app, KeyCode::Char('2'));
    let ex = app.play().unwrap().ex();
    let c = ex.state().decisions[0].choice.as_ref().expect("taken");
    assert_eq!(c.options(), vec![1]);
}
