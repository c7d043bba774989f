//! Format 2's curveball pools, hidden injects, phases' `on_enter`, phase-relative times and
//! the cast (`tests/fixtures/scenarios/pools.ron`): what the engine does with them, what
//! each audience (and a web seat) may see, a scripted playthrough, and their diagnostics.

mod common;

#[path = "support/http.rs"]
mod http;

use std::process::Command as Process;

use common::*;
use downtime::audience::{self, Audience};
use downtime::engine::{Command, Event, Exercise};
use downtime::scenario::diagnostics::{Code, Severity};
use downtime::scenario::files::NoFiles;
use downtime::scenario::load_str;
use downtime::scenario::time::HOUR;

const FIXTURE: &str = "tests/fixtures/scenarios/pools.ron";
const PLAN: &str = "tests/fixtures/plans/pools.plan";
/// A secret of the cast, for the facilitator only.
const SECRET: &str = "two other hospitals";

fn pools() -> Exercise {
    start(&scenario(&std::fs::read_to_string(FIXTURE).unwrap()), 7)
}

fn curveball(ex: &mut Exercise, id: &str) -> Vec<Event> {
    ok(ex, Command::Curveball { inject: id.into() })
}

/// Plays on (through phase breaks) until the clock reaches `t`.
fn until(ex: &mut Exercise, t: i64) {
    while ex.now() < t {
        let cmd = next(ex);
        ok(ex, cmd);
    }
}

/// The command that moves the clock on from where the exercise stands.
fn next(ex: &Exercise) -> Command {
    match ex.status() {
        downtime::engine::Status::PhaseBreak { .. } => Command::NextPhase,
        _ => Command::Step,
    }
}

fn metric(ex: &Exercise, id: &str) -> f64 {
    ex.state().metrics[ex.scenario().metric_index(id).unwrap() as usize]
}

fn calls(ex: &Exercise) -> f64 {
    ex.state().counters[0]
}

fn codes(text: &str) -> Vec<Code> {
    let loaded = load_str("t.ron", text, "sha256:t".into(), &NoFiles);
    loaded.report.diagnostics.iter().map(|d| d.code).collect()
}

fn errors(text: &str) -> Vec<Code> {
    codes(text)
        .into_iter()
        .filter(|c| c.severity() == Severity::Error)
        .collect()
}

#[test]
fn a_repeatable_curveball_fires_each_time_it_is_thrown() {
    let mut ex = pools();
    let i = inj(&ex, "press_call") as u16;
    curveball(&mut ex, "press_call");
    steps(&mut ex, 2);
    let again = curveball(&mut ex, "press_call");
    assert!(again.contains(&Event::InjectFired {
        inject: i,
        curveball: true
    }));
    assert_eq!(calls(&ex), 2.0, "its effects apply each time");
    let st = &ex.state().injects[i as usize];
    assert_eq!(
        st.fired_at,
        Some(0),
        "`fired(...)` keeps to the first firing"
    );
    assert_eq!(st.repeats, vec![HOUR]);
    let feed: Vec<_> = ex
        .state()
        .feed_times()
        .into_iter()
        .filter(|(x, _)| *x == i)
        .collect();
    assert_eq!(
        feed,
        vec![(i, 0), (i, HOUR)],
        "each firing is a feed entry, at its own time"
    );
}

#[test]
fn a_curveball_that_does_not_repeat_is_thrown_once() {
    let mut ex = pools();
    curveball(&mut ex, "power");
    let err = ex
        .apply(
            Command::Curveball {
                inject: "power".into(),
            },
            5_000,
        )
        .unwrap_err();
    assert!(err.to_string().contains("already fired"), "{err}");
}

#[test]
fn on_enter_applies_once_as_each_phase_begins() {
    let mut ex = pools();
    assert_eq!(
        metric(&ex, "trust"),
        55.0,
        "the first phase's on_enter at the start"
    );
    ok(&mut ex, Command::NextPhase);
    assert_eq!(calls(&ex), 0.0, "not at the phase break");
    let events = ok(&mut ex, Command::NextPhase);
    let began = events
        .iter()
        .position(|e| *e == Event::PhaseBegan { phase: 1 })
        .expect("phase 2 began");
    assert!(
        events[began..]
            .iter()
            .any(|e| matches!(e, Event::DeadlineStarted { .. })),
        "{events:?}"
    );
    assert_eq!(calls(&ex), 1.0);
    steps(&mut ex, 6);
    assert_eq!(calls(&ex), 1.0, "once, not at every step");
    assert_eq!(
        metric(&ex, "trust"),
        55.0,
        "phase 1's on_enter is not applied again"
    );
}

#[test]
fn a_phase_relative_time_is_resolved_from_the_phase_start() {
    let ex = pools();
    let sc = ex.scenario();
    let agency = &sc.injects[inj(&ex, "agency")];
    assert!(matches!(
        agency.trigger,
        downtime::scenario::compiled::Trigger::At(t) if t == 14 * HOUR
    ));
    let backdoor = &sc.injects[inj(&ex, "backdoor")];
    assert!(matches!(
        backdoor.trigger,
        downtime::scenario::compiled::Trigger::At(t) if t == HOUR
    ));
}

#[test]
fn a_cast_member_signs_for_the_teams_and_briefs_the_facilitator() {
    let mut ex = pools();
    steps(&mut ex, 2);
    curveball(&mut ex, "press_call");
    let team = audience::view(&ex, Audience::Team(0), 0);
    let call = team
        .inbox
        .iter()
        .find(|m| m.title == "Another journalist calls")
        .unwrap();
    assert_eq!(call.sender, "Sam Roy (Reporter)");
    assert!(call.character_notes.is_empty() && call.secrets.is_empty());
    let fac = audience::view(&ex, Audience::Facilitator, 0);
    let call = fac
        .inbox
        .iter()
        .find(|m| m.title == "Another journalist calls")
        .unwrap();
    assert_eq!(call.character_notes, "Pushes for a quote.");
}

#[test]
fn hidden_injects_reach_only_the_facilitator() {
    let mut ex = pools();
    steps(&mut ex, 2);
    curveball(&mut ex, "insider");
    assert_eq!(
        metric(&ex, "trust"),
        45.0,
        "a hidden inject's effects apply"
    );
    assert!(fired(&ex, "backdoor").is_some());
    let hidden = [
        "The attacker keeps a way in",
        "The attacker reads the crisis mail",
    ];
    for who in [Audience::Presenter, Audience::Team(0), Audience::Team(1)] {
        let v = audience::view(&ex, who, 0);
        let json = serde_json::to_string(&v).unwrap();
        for title in hidden {
            assert!(!json.contains(title), "{who:?} sees {title}");
        }
        assert!(v.inbox.iter().any(|m| m.title == "Screens go black"));
    }
    let fac = audience::view(&ex, Audience::Facilitator, 0);
    let shown: Vec<_> = fac
        .inbox
        .iter()
        .filter(|m| m.hidden)
        .map(|m| m.title.as_str())
        .collect();
    assert_eq!(
        shown,
        [
            "The attacker reads the crisis mail",
            "The attacker keeps a way in"
        ]
    );
    // Nor can the projector be pinned on one.
    let pin = audience::pinned(
        &ex,
        Audience::Presenter,
        downtime::journal::view::PinKind::Inject,
        "insider",
    );
    assert!(pin.is_none());
}

#[test]
fn the_cast_s_secrets_never_leave_the_facilitator() {
    let mut ex = pools();
    until(&mut ex, 15 * HOUR);
    assert!(fired(&ex, "agency").is_some());
    for who in [Audience::Presenter, Audience::Team(0), Audience::Team(1)] {
        let json = serde_json::to_string(&audience::view(&ex, who, 0)).unwrap();
        assert!(!json.contains(SECRET), "{who:?}: {json}");
        assert!(!json.contains("never for blame"), "{who:?}: {json}");
    }
    let json = serde_json::to_string(&audience::view(&ex, Audience::Facilitator, 0)).unwrap();
    assert!(json.contains(SECRET));
}

#[test]
fn a_web_seat_never_receives_a_hidden_inject_or_a_secret() {
    let dir = tempfile::tempdir().expect("tempdir");
    let sc = scenario(&std::fs::read_to_string(FIXTURE).unwrap());
    let (host, _) = http::host_of(
        dir.path(),
        sc,
        FIXTURE,
        7,
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
    loop {
        let (ex, _) = client.snapshot().expect("snapshot");
        if ex.now() >= 15 * HOUR {
            break;
        }
        client.apply(next(&ex)).expect("advance");
    }
    client
        .apply(Command::Curveball {
            inject: "insider".into(),
        })
        .expect("insider");
    for seat in &seats {
        let cookie = http::join_url(addr, &seat.url).expect("joins");
        let r = http::get(addr, "/api/view", Some(&cookie));
        assert_eq!(r.status, 200, "{}", r.body);
        for leak in ["keeps a way in", "crisis mail", SECRET, "second account"] {
            assert!(
                !r.body.contains(leak),
                "{} sees {leak}: {}",
                seat.audience,
                r.body
            );
        }
        assert!(r.body.contains("Screens go black"), "{}", r.body);
    }
}

#[test]
fn replaying_the_commands_gives_the_same_exercise() {
    let mut ex = pools();
    curveball(&mut ex, "press_call");
    steps(&mut ex, 3);
    curveball(&mut ex, "press_call");
    curveball(&mut ex, "insider");
    ok(&mut ex, Command::NextPhase);
    ok(&mut ex, Command::NextPhase);
    curveball(&mut ex, "press_call");
    let mut again = Exercise::new(ex.scenario_arc().clone(), ex.seed());
    for (cmd, real) in ex.applied() {
        again.apply(cmd.clone(), *real).unwrap();
    }
    assert_eq!(again.fingerprint(), ex.fingerprint());
}

#[test]
fn the_scripted_playthrough_passes_and_its_transcript_says_what_happened() {
    let out = Process::new(env!("CARGO_BIN_EXE_downtime"))
        .args(["run", FIXTURE, "--seed", "7", "--no-journal", "--policy"])
        .arg(format!("script:{PLAN}"))
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{text}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(text.contains("INJECT backdoor \"The attacker keeps a way in\" [info; Message; to the facilitator only] (hidden)"), "{text}");
    assert!(text.contains("(curveball, hidden)"), "{text}");
    assert_eq!(text.matches("INJECT press_call").count(), 3, "{text}");
    assert!(text.contains("from Claire Martin (Duty officer, Regional health agency)"));
    // The third press call is stamped with its own time (T+14:00, as the agency's call
    // before it), not the first's.
    let lines: Vec<&str> = text.lines().collect();
    let agency = lines
        .iter()
        .position(|l| l.contains("INJECT agency"))
        .unwrap();
    assert!(lines[agency].starts_with("T+14:00"), "{text}");
    assert!(
        lines[agency + 1]
            .trim_start()
            .starts_with("◆ INJECT press_call"),
        "{text}"
    );
}

const BASE: &str = r#"Scenario(
    format: 2,
    meta: (id: "t", title: "T"),
    teams: [(id: "crisis", name: "Crisis")],
    cast: [(id: "duty_officer", name: "Claire")],
    clock: (start: "2024-01-06T21:00", step: "30m", end: "1d"),
    phases: [(id: "night", title: "Night", start: "0m"), (id: "sunday", title: "Sunday", start: "12h")],
    injects: [(id: "a", title: "A", at: "0m"), INJECT],
    endings: [(id: "over", title: "Over", default: true)],
)"#;

fn with(inject: &str) -> String {
    BASE.replace("INJECT", inject)
}

#[test]
fn curveball_rules_are_checked() {
    assert_eq!(
        errors(&with(r#"(id: "b", title: "B", curveball: true)"#)),
        []
    );
    assert!(!codes(&with(r#"(id: "b", title: "B", curveball: true)"#)).contains(&Code::NeverFires));
    assert_eq!(
        errors(&with(r#"(id: "b", title: "B", curveball: true, at: "1h")"#)),
        [Code::CurveballTrigger]
    );
    assert_eq!(
        errors(&with(r#"(id: "b", title: "B", repeat: true, after: "a")"#)),
        [Code::RepeatNotCurveball]
    );
    let decision = r#"decision: (team: "crisis", prompt: "P?", options: [(id: "x", label: "X")])"#;
    assert_eq!(
        errors(&with(&format!(
            r#"(id: "b", title: "B", curveball: true, repeat: true, {decision})"#
        ))),
        [Code::RepeatWithDecision]
    );
    assert_eq!(
        errors(&with(&format!(
            r#"(id: "b", title: "B", at: "1h", hidden: true, {decision})"#
        ))),
        [Code::HiddenDecision]
    );
}

#[test]
fn cast_and_phase_times_are_checked_with_did_you_mean() {
    let text = with(r#"(id: "b", title: "B", at: "sundy+1h", from: "duty_oficer")"#);
    let loaded = load_str("t.ron", &text, "sha256:t".into(), &NoFiles);
    let report = loaded.report.render_text(100);
    assert_eq!(
        errors(&text),
        [Code::UnknownReference, Code::UnknownReference]
    );
    assert!(report.contains("did you mean `sunday`?"), "{report}");
    assert!(report.contains("did you mean `duty_officer`?"), "{report}");
    assert_eq!(
        errors(&with(
            r#"(id: "b", title: "B", at: "1h", from: "duty_officer", sender: "X")"#
        )),
        [Code::SenderAndFrom]
    );
    assert_eq!(
        errors(&with(r#"(id: "b", title: "B", at: "sunday-1h")"#)),
        [Code::BeforePhase]
    );
    assert_eq!(
        codes(&with(r#"(id: "b", title: "B", at: "night+13h")"#)),
        [Code::LaterPhase]
    );
    assert_eq!(
        codes(&with(r#"(id: "b", title: "B", at: "sunday+13h")"#)),
        [Code::AfterEnd]
    );
    assert_eq!(
        errors(&with(r#"(id: "b", title: "B", at: "sunday+2x")"#)),
        [Code::InvalidDuration]
    );
}

#[test]
fn every_new_construct_needs_format_2() {
    let v1 = |s: &str| s.replacen("format: 2", "format: 1", 1);
    let plain = BASE.replace(r#"    cast: [(id: "duty_officer", name: "Claire")],"#, "");
    for inject in [
        r#"(id: "b", title: "B", curveball: true)"#,
        r#"(id: "b", title: "B", at: "1h", hidden: true)"#,
        r#"(id: "b", title: "B", at: "sunday+1h")"#,
    ] {
        assert_eq!(
            errors(&v1(&plain.replace("INJECT", inject))),
            [Code::NeedsFormat2],
            "{inject}"
        );
    }
    assert_eq!(
        errors(&v1(&with(r#"(id: "b", title: "B", at: "1h")"#))),
        [Code::NeedsFormat2],
        "a cast"
    );
    let on_enter = plain
        .replace("INJECT", r#"(id: "b", title: "B", at: "1h")"#)
        .replace(
            r#"start: "12h")"#,
            r#"start: "12h", on_enter: ["end(over)"])"#,
        );
    assert_eq!(errors(&on_enter), []);
    assert_eq!(errors(&v1(&on_enter)), [Code::NeedsFormat2]);
}
