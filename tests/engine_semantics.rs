//! One test per semantic rule of the engine, on small inline scenarios.

mod common;

use common::*;
use downtime::engine::score::{CheckStatus, Rating};
use downtime::engine::{Command, CommandError, Event, OptionStatus, Status};

const END: &str = r#"endings: [(id: "over", title: "Over", default: true)],"#;

#[test]
fn injects_fire_by_time_chain_option_condition_and_schedule() {
    let s = mini(&format!(
        r#"injects: [
        (id: "t", title: "Timed", at: "30m", decision: (team: "a", prompt: "?", options: [
            (id: "x", label: "X", effects: ["m += 1"]), (id: "y", label: "Y", effects: ["m -= 1"])])),
        (id: "chained", title: "Chained", after: "t", delay: "15m"),
        (id: "on_x", title: "After X", after: "t.x", delay: "1h"),
        (id: "cond", title: "Cond", when: "m >= 51", delay: "30m"),
        (id: "manual", title: "Manual", effects: ["f = true"]),
        (id: "sched", title: "Schedules", at: "2h", effects: ["schedule(manual, 45m)", "m -= 0"]),
    ],
    {END}"#
    ));
    let mut ex = start(&s, 1);
    steps(&mut ex, 2);
    assert_eq!(fired(&ex, "t"), Some(1800));
    assert_eq!(ex.state().status(), Status::AwaitingDecisions);
    choose(&mut ex, "t", "x");
    // The decision opened at the step's target: the next step finishes that step (its random
    // events) without moving the clock.
    steps(&mut ex, 1);
    assert_eq!(ex.now(), 1800);
    steps(&mut ex, 1);
    assert_eq!(fired(&ex, "chained"), Some(2700));
    // `cond` became true at the choice (T+30m) and waits its 30-minute delay.
    assert_eq!(fired(&ex, "cond"), None);
    steps(&mut ex, 1);
    assert_eq!(fired(&ex, "cond"), Some(3600));
    steps(&mut ex, 2);
    assert_eq!(fired(&ex, "on_x"), Some(5400));
    steps(&mut ex, 2);
    assert_eq!(fired(&ex, "sched"), Some(7200));
    assert_eq!(fired(&ex, "manual"), None);
    steps(&mut ex, 3);
    assert_eq!(fired(&ex, "manual"), Some(7200 + 2700));
    assert!(ex.state().flags[0]);
}

#[test]
fn chance_zero_never_fires_and_chance_one_always_does() {
    let s = mini(&format!(
        r#"injects: [
        (id: "never", title: "N", at: "15m", chance: 0.0),
        (id: "always", title: "A", at: "15m", chance: 1.0),
        (id: "half", title: "H", at: "15m", chance: 0.5, effects: ["m += 1"]),
    ],
    {END}"#
    ));
    let mut fired_half = 0;
    for seed in 0..400 {
        let mut ex = start(&s, seed);
        let ev = ok(&mut ex, Command::Step);
        assert!(ev.contains(&Event::InjectSkipped { inject: 0 }));
        assert_eq!(fired(&ex, "never"), None);
        assert_eq!(fired(&ex, "always"), Some(900));
        if fired(&ex, "half").is_some() {
            fired_half += 1;
        }
    }
    // 400 fair coin flips: well inside 150..250 unless the roll is broken.
    assert!((150..250).contains(&fired_half), "{fired_half}");
}

#[test]
fn cancel_stops_a_scheduled_inject() {
    let s = mini(&format!(
        r#"injects: [
        (id: "a", title: "A", at: "0m", effects: ["schedule(b, 1h)"]),
        (id: "b", title: "B", effects: ["m += 1"]),
        (id: "c", title: "C", at: "30m", effects: ["cancel(b)"]),
    ],
    {END}"#
    ));
    let mut ex = start(&s, 1);
    steps(&mut ex, 8);
    assert_eq!(fired(&ex, "b"), None);
    assert!(ex.state().injects[1].cancelled);
}

#[test]
fn schedule_revives_a_cancelled_inject() {
    let s = mini(&format!(
        r#"injects: [
        (id: "a", title: "A", at: "0m", effects: ["schedule(b, 1h)"]),
        (id: "b", title: "B", effects: ["m += 1"]),
        (id: "c", title: "C", at: "30m", effects: ["cancel(b)"]),
        (id: "d", title: "D", at: "2h", effects: ["schedule(b, 15m)"]),
    ],
    {END}"#
    ));
    let mut ex = start(&s, 1);
    steps(&mut ex, 7);
    assert_eq!(fired(&ex, "b"), None);
    assert!(ex.state().injects[1].cancelled);
    steps(&mut ex, 2);
    assert_eq!(fired(&ex, "b"), Some(2 * 3600 + 900));
    assert!(!ex.state().injects[1].cancelled);
}

#[test]
fn several_decisions_wait_at_once_for_different_teams() {
    let s = mini(&format!(
        r#"injects: [
        (id: "p", title: "P", at: "0m", decision: (team: "a", prompt: "A?", options: [(id: "x", label: "X", effects: ["m += 5"]), (id: "y", label: "Y")])),
        (id: "q", title: "Q", at: "0m", decision: (team: "b", prompt: "B?", options: [(id: "x", label: "X", effects: ["n += 5"]), (id: "y", label: "Y")])),
    ],
    {END}"#
    ));
    let mut ex = start(&s, 1);
    assert_eq!(ex.pending(), &[0, 1]);
    let err = ex
        .apply(
            Command::Choose {
                decision: "p".into(),
                option: "x".into(),
                team: Some("b".into()),
            },
            5,
        )
        .unwrap_err();
    assert!(matches!(err, CommandError::Invalid(_)), "{err}");
    ok(
        &mut ex,
        Command::Choose {
            decision: "q".into(),
            option: "x".into(),
            team: Some("b".into()),
        },
    );
    assert_eq!(ex.pending(), &[0]);
    choose(&mut ex, "p", "x");
    assert!(ex.pending().is_empty());
    assert_eq!(ex.state().metrics, vec![55.0, 55.0]);
}

#[test]
fn effects_apply_in_order_and_metrics_clamp() {
    let s = mini(&format!(
        r#"injects: [
        (id: "a", title: "A", at: "0m", effects: ["m = 90", "m += 30", "n = m - 95", "c += 2.6", "f = m > 99"]),
    ],
    {END}"#
    ));
    let ex = start(&s, 1);
    assert_eq!(ex.state().metrics, vec![100.0, 5.0]);
    assert_eq!(ex.state().counters, vec![3.0]);
    assert!(ex.state().flags[0]);
    // History records the start value and the clamped final value at T+0.
    assert_eq!(ex.state().history[0], vec![(0, 100.0)]);
}

#[test]
fn service_capacity_follows_systems_and_decays_on_paper() {
    let s = mini(&format!(
        r#"injects: [
        (id: "outage", title: "Outage", at: "0m", effects: ["sys = down"]),
        (id: "partial", title: "Partial", at: "8h", effects: ["sys = degraded"]),
    ],
    {END}"#
    ));
    let mut ex = start(&s, 1);
    // Down: the paper capacity, 60.
    assert_eq!(ex.state().services[0].capacity, 60.0);
    // Planned for 2h; then 24 points a day = 1 point an hour, down to the floor of 30.
    steps(&mut ex, 16); // T+4h
    assert_eq!(ex.state().services[0].capacity, 58.0);
    steps(&mut ex, 15); // T+7h45
    assert_eq!(ex.state().services[0].capacity, 54.25);
    steps(&mut ex, 1); // T+8h: degraded, still on paper since T+0
    let paper = 60.0 - 6.0;
    assert_eq!(ex.state().services[0].capacity, 0.6 * 100.0 + 0.4 * paper);
    assert!(ex.state().service_history[0].len() > 3);
}

#[test]
fn deadlines_run_out_and_apply_their_missed_effects() {
    let s = mini(&format!(
        r#"injects: [
        (id: "a", title: "A", at: "0m", effects: ["start(dl1)", "start(dl2)"]),
        (id: "b", title: "B", at: "1h", effects: ["meet(dl2)"]),
    ],
    deadlines: [
        (id: "dl1", label: "One", duration: "2h", on_missed: ["m -= 20"]),
        (id: "dl2", label: "Two", duration: "2h", on_missed: ["m -= 20"], on_met: ["n -= 10"]),
    ],
    {END}"#
    ));
    let mut ex = start(&s, 1);
    assert_eq!(ex.state().deadlines[0].due, Some(7200));
    steps(&mut ex, 7);
    assert!(ex.state().deadlines[0].missed.is_none());
    let ev = ok(&mut ex, Command::Step);
    assert!(ev.contains(&Event::DeadlineMissed { deadline: 0 }));
    assert_eq!(ex.state().deadlines[0].missed, Some(7200));
    assert_eq!(ex.state().deadlines[1].met, Some(3600));
    assert_eq!(ex.state().metrics, vec![30.0, 40.0]);
}

#[test]
fn random_events_roll_once_per_step() {
    let s = mini(&format!(
        r#"injects: [(id: "a", title: "A", at: "0m", effects: ["f = true"])],
    random_events: [
        (id: "every", chance: 1.0, once: false, effects: ["c += 1"]),
        (id: "once", chance: 1.0, effects: ["m -= 1"]),
        (id: "gated", chance: 1.0, when: "!f", once: false, effects: ["n += 1"]),
    ],
    {END}"#
    ));
    let mut ex = start(&s, 1);
    steps(&mut ex, 5);
    assert_eq!(ex.state().counters, vec![5.0]);
    assert_eq!(ex.state().metrics, vec![49.0, 50.0]);
    assert_eq!(ex.state().random_hits, vec![5, 1, 0]);
}

#[test]
fn endings_are_checked_after_every_change_and_the_default_comes_at_the_end() {
    let s = mini(
        r#"injects: [(id: "a", title: "A", at: "1h", decision: (team: "a", prompt: "?", options: [
            (id: "lose", label: "L", effects: ["m = 10", "n = 0"]), (id: "stay", label: "S")]))],
    endings: [
        (id: "bad", title: "Bad", when: "m < 20"),
        (id: "end_effect", title: "By effect"),
        (id: "over", title: "Over", default: true),
    ],
    scoring: (checks: [(id: "k", title: "K", when: "true")]),"#,
    );
    let mut ex = start(&s, 1);
    steps(&mut ex, 4);
    let ev = choose(&mut ex, "a", "lose");
    // The ending comes before the rest of the effects' consequences settle.
    assert_eq!(ev.last(), Some(&Event::Ended { ending: 0 }));
    assert_eq!(ex.status(), Status::Ended { ending: 0 });
    assert!(ex.apply(Command::Step, 99_000).is_err());

    let mut ex = start(&s, 1);
    steps(&mut ex, 4);
    choose(&mut ex, "a", "stay");
    for _ in 0..40 {
        if ex.is_over() {
            break;
        }
        ok(&mut ex, Command::Step);
    }
    assert_eq!(ex.status(), Status::Ended { ending: 2 });
    assert_eq!(ex.now(), 10 * 3600);
}

#[test]
fn scenario_timeouts_take_the_default_and_real_timeouts_come_from_the_front_end() {
    let s = mini(&format!(
        r#"injects: [
        (id: "a", title: "A", at: "0m", decision: (team: "a", prompt: "?", options: [
            (id: "x", label: "X", effects: ["m += 1"]), (id: "y", label: "Y", effects: ["m += 2"])],
            timeout: (scenario: "45m", default: "y"))),
        (id: "b", title: "B", at: "0m", decision: (team: "b", prompt: "?", options: [
            (id: "x", label: "X", effects: ["n += 1"]), (id: "y", label: "Y", effects: ["n += 2"])],
            timeout: (real: "2m", default: "x"))),
    ],
    {END}"#
    ));
    let mut ex = start(&s, 1);
    assert_eq!(ex.scenario_time_left(0), Some(2700));
    assert_eq!(ex.real_time_left(1, 60_000), Some(60_000));
    steps(&mut ex, 3);
    assert_eq!(ex.state().metrics[0], 52.0);
    assert!(ex.state().decisions[0].choice.as_ref().unwrap().timeout);
    // Pauses do not count against a real-time limit.
    ex.apply(Command::Pause, 10_000).unwrap();
    ex.apply(Command::Resume, 70_000).unwrap();
    assert_eq!(ex.real_time_left(1, 100_000), Some(120_000 - 40_000));
    ex.apply(
        Command::Timeout {
            decision: "b".into(),
        },
        200_000,
    )
    .unwrap();
    assert_eq!(ex.state().metrics[1], 51.0);
}

#[test]
fn requirements_disable_options_with_their_reason() {
    let s = mini(&format!(
        r#"injects: [(id: "a", title: "A", at: "0m", decision: (team: "a", prompt: "?", options: [
            (id: "x", label: "X", requires: "f", unavailable: "F is not set"), (id: "y", label: "Y", effects: ["f = true"])]))],
    {END}"#
    ));
    let mut ex = start(&s, 1);
    assert_eq!(
        ex.option_status(0, 0),
        OptionStatus::Unavailable(downtime::engine::Unavailable::Authored(
            "F is not set".into()
        ))
    );
    let before = ex.fingerprint();
    let err = ex
        .apply(
            Command::Choose {
                decision: "a".into(),
                option: "x".into(),
                team: None,
            },
            10,
        )
        .unwrap_err();
    assert!(err.to_string().contains("F is not set"));
    assert_eq!(
        before,
        ex.fingerprint(),
        "a refused command changes nothing"
    );
}

#[test]
fn outcomes_are_drawn_with_their_chances() {
    let s = mini(&format!(
        r#"injects: [(id: "a", title: "A", at: "0m", decision: (team: "a", prompt: "?", options: [
            (id: "x", label: "X", outcomes: [
                (label: "good", chance: "f ? 0.0 : 0.7", effects: ["m = 100"]),
                (label: "bad", effects: ["m = 0"])]),
            (id: "y", label: "Y")]))],
    {END}"#
    ));
    let mut good = 0;
    for seed in 0..500 {
        let mut ex = start(&s, seed);
        choose(&mut ex, "a", "x");
        let m = ex.state().metrics[0];
        assert!(m == 0.0 || m == 100.0);
        if m == 100.0 {
            good += 1;
        }
        // The same seed always draws the same outcome.
        let mut again = start(&s, seed);
        choose(&mut again, "a", "x");
        assert_eq!(again.state().metrics[0], m);
    }
    assert!((300..400).contains(&good), "{good}");
}

#[test]
fn phases_stop_the_clock_until_the_facilitator_moves_on() {
    let s = mini(&format!(
        r#"phases: [
        (id: "one", title: "One", start: "0m"),
        (id: "two", title: "Two", start: "1h", step: "1h"),
    ],
    injects: [(id: "a", title: "A", at: "1h"), (id: "b", title: "B", at: "3h", effects: ["m += 1"])],
    {END}"#
    ));
    let mut ex = start(&s, 1);
    steps(&mut ex, 4);
    assert_eq!(ex.status(), Status::PhaseBreak { next: 1 });
    // Injects due at the phase's start wait for the phase to begin.
    assert_eq!(fired(&ex, "a"), None);
    assert!(ex.apply(Command::Step, 50_000).is_err());
    let ev = ok(&mut ex, Command::NextPhase);
    assert!(ev.contains(&Event::PhaseBegan { phase: 1 }));
    assert_eq!(fired(&ex, "a"), Some(3600));
    ok(&mut ex, Command::Step);
    assert_eq!(ex.now(), 7200, "phase two steps by an hour");
    assert!(matches!(
        ex.apply(Command::NextPhase, 60_000),
        Err(CommandError::NotNow(_))
    ));
}

#[test]
fn step_is_the_current_phase_step_for_per_step_rates() {
    // A per-step rate written once: the metric rises by 1 per hour of scenario time whatever
    // the phase's step (15 minutes, then an hour).
    let s = mini(&format!(
        r#"phases: [
        (id: "one", title: "One", start: "0m"),
        (id: "two", title: "Two", start: "1h", step: "1h"),
    ],
    injects: [(id: "slow", title: "Slow steps", when: "step >= 1h", effects: ["f = true"])],
    random_events: [(id: "drift", chance: 1, once: false, effects: ["m += step / 1h"])],
    {END}"#
    ));
    let mut ex = start(&s, 1);
    steps(&mut ex, 3);
    assert_eq!(fired(&ex, "slow"), None);
    assert_eq!(ex.state().metrics[0], 50.75);
    steps(&mut ex, 1);
    ok(&mut ex, Command::NextPhase);
    assert_eq!(fired(&ex, "slow"), Some(3600));
    steps(&mut ex, 2);
    assert_eq!(ex.now(), 3 * 3600);
    // Three 15-minute rolls, none on the step that stopped at the phase break, then two
    // hourly rolls.
    assert_eq!(ex.state().metrics[0], 52.75);
}

#[test]
fn next_phase_fast_forwards_and_next_inject_stops_at_the_next_inject() {
    let s = mini(&format!(
        r#"phases: [(id: "one", title: "One", start: "0m"), (id: "two", title: "Two", start: "5h")],
    injects: [(id: "a", title: "A", at: "2h"), (id: "b", title: "B", at: "3h")],
    {END}"#
    ));
    let mut ex = start(&s, 1);
    ok(&mut ex, Command::NextInject);
    assert_eq!((ex.now(), fired(&ex, "a")), (7200, Some(7200)));
    ok(&mut ex, Command::NextPhase);
    assert_eq!(ex.status(), Status::PhaseBreak { next: 1 });
    assert_eq!((ex.now(), fired(&ex, "b")), (5 * 3600, Some(3 * 3600)));
}

#[test]
fn pause_freezes_the_clock_but_not_the_room() {
    let s = mini(&format!(
        r#"injects: [(id: "a", title: "A", at: "0m", decision: (team: "a", prompt: "?", options: [(id: "x", label: "X", effects: ["m += 1"]), (id: "y", label: "Y")]))],
    {END}"#
    ));
    let mut ex = start(&s, 1);
    ok(&mut ex, Command::Pause);
    assert!(ex.apply(Command::Pause, 5000).is_err());
    assert!(matches!(
        ex.apply(Command::Step, 5000),
        Err(CommandError::NotNow(_))
    ));
    choose(&mut ex, "a", "x");
    ok(
        &mut ex,
        Command::Note {
            text: "paused to discuss".into(),
        },
    );
    ok(&mut ex, Command::Resume);
    ok(&mut ex, Command::Step);
    assert_eq!(ex.now(), 900);
}

#[test]
fn facilitator_curveball_override_and_end_now() {
    let s = mini(&format!(
        r#"injects: [(id: "a", title: "A", at: "5h", effects: ["n += 7"]), (id: "b", title: "B", effects: ["c += 1"])],
    {END}"#
    ));
    let mut ex = start(&s, 1);
    let ev = ok(&mut ex, Command::Curveball { inject: "b".into() });
    assert!(ev.contains(&Event::InjectFired {
        inject: 1,
        curveball: true
    }));
    assert!(
        ex.apply(Command::Curveball { inject: "b".into() }, 9000)
            .is_err(),
        "fires once"
    );
    ok(
        &mut ex,
        Command::SetMetric {
            metric: "m".into(),
            value: 250.0,
            reason: "test".into(),
        },
    );
    assert_eq!(ex.state().metrics[0], 100.0);
    ok(
        &mut ex,
        Command::AdjustMetric {
            metric: "m".into(),
            delta: -30.0,
            reason: "test".into(),
        },
    );
    assert_eq!(ex.state().metrics[0], 70.0);
    assert!(
        ex.apply(
            Command::SetMetric {
                metric: "zz".into(),
                value: 1.0,
                reason: String::new()
            },
            9000
        )
        .is_err()
    );
    ok(
        &mut ex,
        Command::EndNow {
            reason: "out of time".into(),
        },
    );
    assert_eq!(ex.status(), Status::Ended { ending: 0 });
    assert!(ex.state().ended_by_facilitator);
    // Notes still go in after the end.
    ok(
        &mut ex,
        Command::Note {
            text: "debrief".into(),
        },
    );
}

#[test]
fn undo_returns_to_just_before_the_last_decision() {
    let s = mini(&format!(
        r#"injects: [
        (id: "a", title: "A", at: "0m", decision: (team: "a", prompt: "?", options: [
            (id: "x", label: "X", outcomes: [(label: "lucky", chance: 0.5, effects: ["m = 90"]), (label: "unlucky", effects: ["m = 10"])]),
            (id: "y", label: "Y", effects: ["m = 60"])])),
    ],
    {END}"#
    ));
    let mut ex = start(&s, 3);
    let before = ex.state().clone();
    choose(&mut ex, "a", "x");
    let drawn = ex.state().metrics[0];
    steps(&mut ex, 3);
    ok(
        &mut ex,
        Command::Note {
            text: "kept".into(),
        },
    );
    let ev = ok(&mut ex, Command::Undo);
    assert!(matches!(
        ev[0],
        Event::Undone {
            decision: 0,
            option: 0
        }
    ));
    assert_eq!(ex.now(), before.now);
    assert_eq!(ex.state().metrics, before.metrics);
    assert_eq!(ex.pending(), &[0]);
    // The note survives in the log; the dice are not re-rolled by undoing.
    assert!(
        ex.log()
            .iter()
            .any(|l| matches!(&l.kind, downtime::engine::LogKind::Note { text } if text == "kept"))
    );
    choose(&mut ex, "a", "x");
    assert_eq!(ex.state().metrics[0], drawn);
    ok(&mut ex, Command::Undo);
    assert!(matches!(
        ex.apply(Command::Undo, 1_000_000),
        Err(CommandError::NotNow(_))
    ));
}

#[test]
fn invalid_commands_are_refused_without_change() {
    let s = mini(&format!(
        r#"injects: [(id: "a", title: "A", at: "1h")], {END}"#
    ));
    let mut ex = downtime::engine::Exercise::new(s.clone(), 1);
    assert!(ex.apply(Command::Step, 0).is_err(), "not started");
    let mut ex = start(&s, 1);
    for cmd in [
        Command::Choose {
            decision: "a".into(),
            option: "x".into(),
            team: None,
        },
        Command::Timeout {
            decision: "nope".into(),
        },
        Command::Curveball {
            inject: "nope".into(),
        },
        Command::Resume,
        Command::Undo,
        Command::Start {
            params: Default::default(),
            session: Default::default(),
        },
        Command::AdjustMetric {
            metric: "m".into(),
            delta: f64::NAN,
            reason: String::new(),
        },
    ] {
        let before = ex.fingerprint();
        assert!(ex.apply(cmd.clone(), 10).is_err(), "{cmd:?}");
        assert_eq!(before, ex.fingerprint(), "{cmd:?} changed the state");
    }
}

#[test]
fn parameters_set_starting_values_and_conditions() {
    let s = mini(&format!(
        r#"parameters: [
        (id: "tested", label: "Tested?", kind: Bool, default: true),
        (id: "staffing", label: "Staffing", kind: Choice(["low", "normal"]), default: "normal"),
        (id: "beds", label: "Beds", kind: Number(min: 10, max: 2000), default: 800),
    ],
    flags: [(id: "f", label: "F", start: "tested && beds > 500")],
    injects: [(id: "a", title: "A", when: "staffing == \"low\"", effects: ["m = beds / 100"])],
    {END}"#
    ));
    let ex = start(&s, 1);
    assert!(ex.state().flags[0]);
    assert_eq!(fired(&ex, "a"), None);
    let mut ex = downtime::engine::Exercise::new(s.clone(), 1);
    let mut params = std::collections::BTreeMap::new();
    params.insert(
        "staffing".to_string(),
        downtime::engine::ParamSetting::Choice("low".into()),
    );
    params.insert(
        "beds".to_string(),
        downtime::engine::ParamSetting::Num(300.0),
    );
    params.insert(
        "tested".to_string(),
        downtime::engine::ParamSetting::Bool(true),
    );
    ex.apply(
        Command::Start {
            params: params.clone(),
            session: Default::default(),
        },
        0,
    )
    .unwrap();
    assert!(!ex.state().flags[0]);
    assert_eq!(fired(&ex, "a"), Some(0));
    assert_eq!(ex.state().metrics[0], 3.0);
    params.insert(
        "staffing".to_string(),
        downtime::engine::ParamSetting::Choice("lots".into()),
    );
    let mut bad = downtime::engine::Exercise::new(s, 1);
    let err = bad
        .apply(
            Command::Start {
                params,
                session: Default::default(),
            },
            0,
        )
        .unwrap_err();
    assert!(err.to_string().contains("low, normal"), "{err}");
}

#[test]
fn scoring_weights_grades_checks_and_ratings() {
    let s = mini(
        r#"meta: (id: "mini", title: "Mini", objectives: [
        (id: "o1", text: "One"), (id: "o2", text: "Two"), (id: "o3", text: "Three"), (id: "o4", text: "Four")]),
    injects: [
        (id: "ghost", title: "Ghost", at: "9h", chance: 0.0),
        (id: "alert", title: "Alert", at: "1h"),
        (id: "fix", title: "Fix", at: "2h", effects: ["f = true", "m = 80", "n = 20"]),
    ],
    endings: [(id: "over", title: "Over", default: true)],
    scoring: (
        grades: [(min: 70, grade: "A", label: "Good"), (min: 0, grade: "B", label: "Less good")],
        checks: [
            (id: "fast", title: "Fast", when: "f", within: "30m", from: "alert", objective: "o1"),
            (id: "slow", title: "Slow", when: "f", within: "2h", from: "alert", objective: "o1"),
            (id: "in_time", title: "In time", when: "f", within: "3h", objective: "o2"),
            (id: "at_end", title: "At end", when: "m > 70", objective: "o2"),
            (id: "never_opens", title: "Never", when: "f", within: "1h", from: "ghost", objective: "o3"),
            (id: "missed_end", title: "Missed", when: "c > 0", objective: "o4"),
        ],
    ),"#,
    );
    let mut ex = start(&s, 1);
    // Before anything: (50 + (100 - 50)) / 2.
    assert_eq!(ex.score().score, 50.0);
    while !ex.is_over() {
        ok(&mut ex, Command::Step);
    }
    let card = ex.score();
    // m = 80 (high good) and n = 20 (low good): both 0.8 with weight 1.
    assert_eq!(card.score, 80.0);
    assert_eq!(card.grade, Some(0));
    let status: Vec<CheckStatus> = card.checks.iter().map(|c| c.status).collect();
    assert_eq!(
        status,
        vec![
            CheckStatus::Missed(3600 + 1800),
            CheckStatus::Met(7200),
            CheckStatus::Met(7200),
            // Judged at the end, dated from when `m > 70` began to hold.
            CheckStatus::Met(7200),
            CheckStatus::NotApplicable,
            CheckStatus::Missed(36_000),
        ]
    );
    // Suggestions only: one missed check of two drops one level, not two.
    let ratings: Vec<Rating> = card.objectives.iter().map(|o| o.suggested).collect();
    assert_eq!(
        ratings,
        vec![Rating::S, Rating::P, Rating::NotRated, Rating::U]
    );
    assert!(card.objectives.iter().all(|o| o.evaluation.is_none()));
    assert!(card.final_);
}

#[test]
fn suggested_ratings_drop_one_level_per_missed_check_at_most() {
    let table = [
        ((0, 0), Rating::NotRated),
        ((1, 1), Rating::P),
        ((0, 1), Rating::U),
        ((1, 2), Rating::S),
        ((0, 2), Rating::U),
        ((2, 3), Rating::S),
        ((1, 3), Rating::M),
        ((4, 5), Rating::S),
        ((3, 5), Rating::M),
        ((1, 5), Rating::M),
        ((0, 5), Rating::U),
    ];
    for ((met, applicable), want) in table {
        assert_eq!(
            Rating::suggest(met, applicable),
            want,
            "{met} of {applicable}"
        );
    }
}

#[test]
fn objectives_are_pending_until_an_evaluator_rates_them() {
    let s = mini(
        r#"meta: (id: "mini", title: "Mini", objectives: [(id: "o1", text: "One")]),
    phases: [(id: "p1", title: "One", start: "0m"), (id: "p2", title: "Two", start: "1h")],
    injects: [(id: "d", title: "D", at: "15m", decision: (team: "a", prompt: "?", options: [
        (id: "x", label: "X", effects: ["f = true"]), (id: "y", label: "Y")]))],
    endings: [(id: "over", title: "Over", default: true)],
    scoring: (checks: [(id: "k", title: "K", when: "f", objective: "o1")]),"#,
    );
    let mut ex = start(&s, 1);
    assert_eq!(ex.score().objectives[0].evaluation, None);
    let rate = |rating, note: &str| Command::Rate {
        objective: "o1".into(),
        rating,
        note: note.into(),
    };
    // Unknown objectives and "not rated" are refused.
    let bad = Command::Rate {
        objective: "nope".into(),
        rating: Rating::P,
        note: String::new(),
    };
    assert!(matches!(
        ex.apply(bad, 0),
        Err(CommandError::Unknown { .. })
    ));
    assert!(matches!(
        ex.apply(rate(Rating::NotRated, ""), 0),
        Err(CommandError::Invalid(_))
    ));
    ok(&mut ex, Command::Step);
    choose(&mut ex, "d", "x");
    ok(&mut ex, Command::NextPhase);
    assert!(matches!(ex.status(), Status::PhaseBreak { .. }));
    let ev = ok(&mut ex, rate(Rating::S, "slow to start"));
    assert!(ev.contains(&Event::ObjectiveRated { objective: 0 }));
    // A rating survives an undo of an earlier decision, like a note (the first undo takes
    // back the phase skip, the second the decision).
    ok(&mut ex, Command::Undo);
    ok(&mut ex, Command::Undo);
    let o = &ex.score().objectives[0];
    let e = o.evaluation.as_ref().expect("rated");
    assert_eq!((e.rating, e.note.as_str()), (Rating::S, "slow to start"));
    choose(&mut ex, "d", "x");
    ok(
        &mut ex,
        Command::EndNow {
            reason: String::new(),
        },
    );
    // At the end, the evaluator may rate again; the latest rating counts.
    ok(&mut ex, rate(Rating::P, ""));
    let o = &ex.score().objectives[0];
    assert_eq!(o.evaluation.as_ref().map(|e| e.rating), Some(Rating::P));
    assert_eq!(o.suggested, Rating::P);
}

#[test]
fn checks_judged_at_the_end_are_dated_when_their_condition_began_to_hold() {
    let s = mini(&format!(
        r#"injects: [
        (id: "d", title: "D", at: "1h", decision: (team: "a", prompt: "?", options: [
            (id: "x", label: "X", effects: ["f = true"]), (id: "y", label: "Y")])),
        (id: "dip", title: "Dip", at: "3h", effects: ["m = 10"]),
        (id: "back", title: "Back", at: "5h", effects: ["m = 60"]),
    ],
    {END}
    scoring: (checks: [
        (id: "filed", title: "Filed", when: "f"),
        (id: "held", title: "Held", when: "m >= 40"),
        (id: "never", title: "Never", when: "c > 0"),
    ]),"#
    ));
    let mut ex = start(&s, 1);
    steps(&mut ex, 4);
    choose(&mut ex, "d", "x");
    while !ex.is_over() {
        ok(&mut ex, Command::Step);
    }
    let status: Vec<CheckStatus> = ex.score().checks.iter().map(|c| c.status).collect();
    // Decided at T+1h, not "met at T+10h"; `held` counts from its last return at T+5h.
    assert_eq!(
        status,
        vec![
            CheckStatus::Met(3600),
            CheckStatus::Met(5 * 3600),
            CheckStatus::Missed(36_000),
        ]
    );
}

#[test]
fn threat_countdowns_are_kept_apart_and_deadlines_met_by_others_say_so() {
    let s = mini(&format!(
        r#"injects: [
        (id: "note", title: "Note", at: "15m", effects: ["start(ransom)", "start(notify)", "start(report)"],
            decision: (team: "a", prompt: "?", options: [
                (id: "report", label: "Report", effects: ["meet(report)"]), (id: "wait", label: "Wait")])),
        (id: "called", title: "Called", at: "2h", effects: ["meet(notify)"]),
    ],
    deadlines: [
        (id: "ransom", label: "Attackers", duration: "1h", kind: Threat, on_missed: ["f = true"]),
        (id: "notify", label: "Notify", duration: "4h"),
        (id: "report", label: "Report", duration: "4h"),
    ],
    {END}"#
    ));
    let mut ex = start(&s, 1);
    ok(&mut ex, Command::Step);
    choose(&mut ex, "note", "report");
    while !ex.is_over() {
        ok(&mut ex, Command::Step);
    }
    let sc = ex.scenario();
    assert_eq!(
        sc.deadlines[0].kind,
        downtime::scenario::model::DeadlineKind::Threat
    );
    let d = &ex.state().deadlines;
    // The countdown runs out and its effects apply, as before; only the scoring differs.
    assert_eq!(d[0].missed, Some(900 + 3600));
    assert!(ex.state().flags[0]);
    assert_eq!((d[1].met, d[1].met_by_team), (Some(7200), false));
    assert_eq!((d[2].met, d[2].met_by_team), (Some(900), true));
}

/// A decision that opens part-way through a one-hour step (a chain at T+15m) whose options
/// both cancel a follow-up due at T+40m, and a random event that would fire while it is open.
fn answered_at_its_moment() -> std::sync::Arc<downtime::scenario::Scenario> {
    mini(&format!(
        r#"clock: (start: "2024-01-06T21:00", step: "1h", end: "3h"),
    injects: [
        (id: "alarm", title: "Alarm", at: "10m", effects: ["schedule(walkin, 30m)"]),
        (id: "walkin", title: "Walk-in", effects: ["m -= 20"]),
        (id: "ask", title: "Divert?", after: "alarm", delay: "5m", decision: (team: "a", prompt: "?",
            options: [
                (id: "targeted", label: "Targeted", recommended: true, effects: ["cancel(walkin)", "m += 5"]),
                (id: "full", label: "Full", effects: ["cancel(walkin)", "m -= 5"]),
            ])),
    ],
    random_events: [(id: "while_open", when: "pending(ask)", chance: 1.0, once: false, effects: ["c += 1"])],
    {END}"#
    ))
}

#[test]
fn a_decision_opening_mid_step_stops_the_step_until_it_is_answered() {
    let s = answered_at_its_moment();
    let mut ex = start(&s, 1);
    let ev = ok(&mut ex, Command::Step);
    // The step stopped at T+15m, when the decision opened: nothing later happened.
    assert_eq!(ex.now(), 900);
    assert!(ev.contains(&Event::DecisionOpened { decision: 0 }));
    assert!(!ev.iter().any(|e| matches!(e, Event::RandomEvent { .. })));
    choose(&mut ex, "ask", "full");
    // The next step finishes the same step: to T+1h, the walk-in cancelled, random events
    // rolled once, after the answer.
    ok(&mut ex, Command::Step);
    assert_eq!(ex.now(), 3600);
    assert_eq!(fired(&ex, "walkin"), None);
    assert_eq!(ex.state().counters, vec![0.0]);
    assert_eq!(ex.state().random_hits, vec![0]);
    // Stepping on without answering also stops at the instant, then carries on.
    let mut ex = start(&s, 1);
    ok(&mut ex, Command::Step);
    ok(&mut ex, Command::Step);
    assert_eq!(ex.now(), 3600);
    assert_eq!(fired(&ex, "walkin"), Some(2400));
    assert_eq!(ex.state().random_hits, vec![1]);
}

#[test]
fn a_cancelled_follow_up_never_fires_under_any_policy_or_plan() {
    use downtime::headless::{Bare, Plan, Policy, play_out, run_plan};
    let s = answered_at_its_moment();
    for seed in 0..20 {
        for policy in [Policy::First, Policy::random(seed), Policy::BestPractice] {
            let mut bare = Bare {
                exercise: downtime::engine::Exercise::new(s.clone(), seed),
                real: 0,
            };
            let mut policy = policy;
            play_out(&mut bare, &mut policy, |_, _, _| {}).expect("plays out");
            let ex = &bare.exercise;
            assert!(ex.is_over());
            assert_eq!(fired(ex, "walkin"), None, "{}", policy.name());
            assert_eq!(ex.state().random_hits, vec![0], "{}", policy.name());
        }
    }
    let plan = Plan::parse(
        "choose ask full\nexpect no-inject walkin\nexpect counter c 0..0\nexpect ending over\n",
    )
    .unwrap();
    let mut bare = Bare {
        exercise: downtime::engine::Exercise::new(s.clone(), 7),
        real: 0,
    };
    run_plan(&mut bare, &plan, |_, _, _| {}).expect("the plan passes");
}

/// Runs commands on an exercise and collects the transcript text and every event.
fn transcribe(ex: &mut downtime::engine::Exercise, cmds: &[Command]) -> (String, Vec<Event>) {
    use downtime::headless::transcript::Transcript;
    let mut t = Transcript::new(downtime::i18n::Lang::En, ex, "test");
    let mut all = Vec::new();
    for c in cmds {
        let ev = ok(ex, c.clone());
        t.record(ex, c, &ev);
        all.extend(ev);
    }
    (t.text().to_string(), all)
}

#[test]
fn a_when_inject_is_checked_again_when_it_is_due_and_rearms() {
    use downtime::engine::Prevention;
    let s = mini(&format!(
        r#"injects: [
        (id: "rise", title: "Up", at: "15m", effects: ["f = true"]),
        (id: "fall", title: "Down", at: "30m", effects: ["f = false"]),
        (id: "again", title: "Again", at: "2h", effects: ["f = true"]),
        (id: "complaint", title: "Complaint", when: "f", delay: "1h", effects: ["m -= 10"]),
    ],
    {END}"#
    ));
    let mut ex = start(&s, 1);
    let (text, ev) = transcribe(&mut ex, &vec![Command::Step; 5]);
    // Queued at T+15m for T+1h15m, but by then `f` no longer holds: prevented, and waiting.
    assert_eq!(fired(&ex, "complaint"), None);
    assert!(ev.contains(&Event::InjectPrevented {
        inject: 3,
        reason: Prevention::ConditionLapsed
    }));
    assert!(text.contains("prevented: complaint"), "{text}");
    // The condition comes back at T+2h: it fires an hour later.
    steps(&mut ex, 8);
    assert_eq!(fired(&ex, "complaint"), Some(3 * 3600));
}

#[test]
fn an_unless_guard_prevents_a_timed_inject_and_cancel_leaves_a_trace() {
    use downtime::engine::Prevention;
    let s = mini(&format!(
        r#"injects: [
        (id: "fix", title: "Fix", at: "30m", effects: ["f = true", "cancel(later)"]),
        (id: "late", title: "Late", at: "1h", unless: "f", effects: ["m -= 10"]),
        (id: "later", title: "Later", at: "2h"),
        (id: "keep", title: "Keep", at: "1h", unless: "!f"),
        (id: "revived", title: "Revived", at: "3h", effects: ["schedule(late, 15m)", "f = false"]),
    ],
    {END}"#
    ));
    let mut ex = start(&s, 1);
    let (text, ev) = transcribe(&mut ex, &vec![Command::Step; 6]);
    assert_eq!(fired(&ex, "late"), None);
    assert_eq!(fired(&ex, "keep"), Some(3600));
    assert!(ex.state().injects[1].prevented);
    assert!(ev.contains(&Event::InjectPrevented {
        inject: 1,
        reason: Prevention::Guard
    }));
    assert!(ev.contains(&Event::InjectCancelled { inject: 2 }));
    assert!(text.contains("prevented: late"), "{text}");
    assert!(text.contains("cancelled: later"), "{text}");
    // An explicit schedule revives a prevented inject; the guard is checked again.
    steps(&mut ex, 8);
    assert_eq!(fired(&ex, "late"), Some(3 * 3600 + 900));
    assert_eq!(fired(&ex, "later"), None);
}

/// One decision at T+15m whose options all need a budget the team does not have yet (it
/// comes at T+2h when `funded`), or never (without it).
fn no_option_at_first(funded: bool) -> std::sync::Arc<downtime::scenario::Scenario> {
    let budget = if funded {
        r#"(id: "budget", title: "Budget", at: "2h", effects: ["m += 20"]),"#
    } else {
        ""
    };
    mini(&format!(
        r#"injects: [
        {budget}
        (id: "buy", title: "Buy?", at: "15m", decision: (team: "a", prompt: "Buy?", options: [
            (id: "lease", label: "Lease", requires: "m >= 60", unavailable: "no budget", effects: ["f = true"]),
            (id: "purchase", label: "Purchase", requires: "m >= 70", unavailable: "no budget", recommended: true, effects: ["f = true"]),
        ])),
    ],
    {END}"#
    ))
}

#[test]
fn a_decision_with_no_available_option_waits_and_headless_play_moves_the_clock() {
    use downtime::headless::{Bare, Policy, play_out, unanswerable};
    for funded in [true, false] {
        let s = no_option_at_first(funded);
        // The engine keeps the decision open and refuses an unavailable option.
        let mut ex = start(&s, 1);
        steps(&mut ex, 1);
        assert_eq!(ex.pending(), &[0]);
        assert_eq!(unanswerable(&ex), vec![0]);
        for seed in 0..10 {
            for policy in [Policy::First, Policy::random(seed), Policy::BestPractice] {
                let mut policy = policy;
                let mut bare = Bare {
                    exercise: downtime::engine::Exercise::new(s.clone(), seed),
                    real: 0,
                };
                play_out(&mut bare, &mut policy, |_, _, _| {}).expect("plays to its end");
                let ex = &bare.exercise;
                assert!(ex.is_over(), "{}", policy.name());
                let choice = ex.state().decisions[0].choice.as_ref();
                if funded {
                    // Answered once the budget came, at T+2h.
                    assert_eq!(choice.map(|c| c.at), Some(7200), "{}", policy.name());
                    assert!(ex.state().flags[0]);
                } else {
                    assert_eq!(choice, None);
                    assert_eq!(ex.now(), 10 * 3600);
                }
            }
        }
    }
}

#[test]
fn simulate_completes_runs_whose_decision_has_no_available_option() {
    use downtime::simulate::{self, Config, PolicyKind};
    for funded in [true, false] {
        let s = no_option_at_first(funded);
        for policy in [
            PolicyKind::First,
            PolicyKind::Random,
            PolicyKind::BestPractice,
        ] {
            let cfg = Config {
                runs: 1000,
                policy,
                seed: 1,
                jobs: 1,
                params: Default::default(),
            };
            let report = simulate::report(&s, &cfg);
            assert_eq!(report.completed, 1000, "{}", policy.name());
            assert_eq!(report.failed, 0);
            assert_eq!(report.no_option.len(), 1);
            assert_eq!(report.no_option[0].runs, 1000);
            assert!(
                report
                    .to_text(downtime::i18n::Lang::En)
                    .contains("decision buy had no available option in 1000 runs")
            );
        }
    }
}

#[test]
fn undo_takes_back_timeouts_of_both_kinds_and_phase_skips() {
    let s = mini(&format!(
        r#"phases: [(id: "p1", title: "One", start: "0m"), (id: "p2", title: "Two", start: "2h")],
    injects: [
        (id: "a", title: "A", at: "0m", decision: (team: "a", prompt: "?", options: [
            (id: "x", label: "X", effects: ["m += 1"]), (id: "y", label: "Y", effects: ["m += 2"])],
            timeout: (scenario: "30m", default: "y"))),
        (id: "b", title: "B", at: "0m", decision: (team: "b", prompt: "?", options: [
            (id: "x", label: "X", effects: ["n += 1"])],
            timeout: (real: "2m", default: "x"))),
    ],
    {END}"#
    ));
    let mut ex = start(&s, 1);
    // A real-time timeout, then undone.
    ok(
        &mut ex,
        Command::Timeout {
            decision: "b".into(),
        },
    );
    let ev = ok(&mut ex, Command::Undo);
    assert!(ev.contains(&Event::Undone {
        decision: 1,
        option: 0
    }));
    assert_eq!(ex.pending(), &[0, 1]);
    // A scenario-time timeout inside a step, then undone: back to T+0 with `a` open.
    steps(&mut ex, 2);
    assert!(ex.state().decisions[0].choice.as_ref().unwrap().timeout);
    assert!(matches!(ex.last_undoable(), Some(Command::Step)));
    let ev = ok(&mut ex, Command::Undo);
    assert!(ev.contains(&Event::Undone {
        decision: 0,
        option: 1
    }));
    assert_eq!(ex.now(), 900);
    assert_eq!(ex.pending(), &[0, 1]);
    assert_eq!(ex.state().metrics[0], 50.0);
    // A phase skip, then undone.
    choose(&mut ex, "a", "x");
    choose(&mut ex, "b", "x");
    ok(&mut ex, Command::NextPhase);
    assert_eq!(ex.status(), Status::PhaseBreak { next: 1 });
    let ev = ok(&mut ex, Command::Undo);
    assert!(matches!(ev[0], Event::Rewound { undone: 1, .. }));
    assert_eq!(ex.now(), 900);
    assert_eq!(ex.status(), Status::Running);
}

#[test]
fn rewind_returns_to_just_before_a_journal_entry() {
    let s = answered_at_its_moment();
    let mut ex = start(&s, 1); // entry 1
    ok(&mut ex, Command::Step); // entry 2
    choose(&mut ex, "ask", "targeted"); // entry 3
    ok(&mut ex, Command::Step); // entry 4
    ok(&mut ex, Command::Note { text: "n".into() }); // entry 5
    let mut twin = start(&s, 1);
    ok(&mut twin, Command::Step);
    let ev = ok(&mut ex, Command::Rewind { entry: 3 });
    assert_eq!(
        ev,
        vec![Event::Rewound {
            entry: 3,
            undone: 3
        }]
    );
    assert_eq!(ex.now(), twin.now());
    assert_eq!(ex.state().metrics, twin.state().metrics);
    assert_eq!(ex.pending(), &[0]);
    assert_eq!(ex.applied_entries().collect::<Vec<_>>(), vec![1, 2]);
    assert_eq!(ex.accepted(), 6);
    // Entries taken back, or before the start, cannot be rewound to.
    for entry in [1, 4, 6, 99] {
        assert!(matches!(
            ex.apply(Command::Rewind { entry }, 1_000_000),
            Err(CommandError::Invalid(_))
        ));
    }
}

#[test]
fn an_ending_waits_for_open_decisions_unless_confirmed() {
    let s = mini(
        r#"clock: (start: "2024-01-06T21:00", step: "15m", end: "1h"),
    injects: [
        (id: "a", title: "A", at: "30m", decision: (team: "a", prompt: "?", options: [
            (id: "x", label: "X", effects: ["m += 1"]), (id: "y", label: "Y", effects: ["c += 1"])])),
        (id: "b", title: "B", at: "45m", decision: (team: "a", prompt: "?", options: [
            (id: "x", label: "X", effects: ["f = true"])])),
    ],
    endings: [(id: "fixed", title: "Fixed", when: "c > 0"), (id: "over", title: "Over", default: true)],"#,
    );
    // The clock's end with a decision open: the default ending waits.
    let mut ex = start(&s, 1);
    choose_when_open(&mut ex, "a");
    while ex.held_ending().is_none() {
        ok(&mut ex, Command::Step);
    }
    assert_eq!(ex.now(), 3600);
    assert!(!ex.is_over());
    assert_eq!(ex.held_ending(), Some(1));
    assert!(matches!(
        ex.apply(Command::Step, 1_000_000),
        Err(CommandError::NotNow(m)) if m.to_string().contains("confirm the ending")
    ));
    let ev = ok(&mut ex, Command::ConfirmEnding);
    assert!(ev.contains(&Event::Ended { ending: 1 }));
    assert_eq!(ex.state().decisions[1].choice, None);
    // Answering the last open decision reaches the waiting ending.
    let mut ex = start(&s, 1);
    choose_when_open(&mut ex, "a");
    while ex.held_ending().is_none() {
        ok(&mut ex, Command::Step);
    }
    choose(&mut ex, "b", "x");
    assert_eq!(ex.status(), Status::Ended { ending: 1 });
    assert!(ex.state().flags[0]);
    // A conditional ending reached while another decision is open waits too.
    let mut ex = start(&s, 1);
    while ex.pending().len() < 2 {
        ok(&mut ex, Command::Step);
    }
    assert_eq!(ex.pending(), &[0, 1]);
    choose(&mut ex, "a", "y");
    assert_eq!(ex.held_ending(), Some(0));
    assert!(!ex.is_over());
    choose(&mut ex, "b", "x");
    assert_eq!(ex.status(), Status::Ended { ending: 0 });
    // Confirming without a waiting ending is refused.
    let mut ex = start(&s, 1);
    assert!(ex.apply(Command::ConfirmEnding, 1000).is_err());
}

/// Steps until decision `d` is open, then chooses its first option.
fn choose_when_open(ex: &mut downtime::engine::Exercise, d: &str) {
    let k = ex.scenario().decision_index(d).unwrap();
    while !ex.pending().contains(&k) {
        ok(ex, Command::Step);
    }
    choose(ex, d, "x");
}

#[test]
fn a_conditional_effect_applies_only_the_branch_taken() {
    let s = mini2(&format!(
        r#"injects: [
        (id: "q", title: "Q", at: "0m", decision: (team: "a", prompt: "?", options: [
            (id: "yes", label: "Yes", effects: ["f = true"]), (id: "no", label: "No")])),
        (id: "later", title: "Later", at: "30m",
         effects: ["if(f, m += 10; c += 1, else: m -= 10; schedule(extra, 15m))", "if(!f && m < 45, n += 5)"]),
        (id: "extra", title: "Extra"),
    ],
    {END}"#
    ));
    let play = |option: &str| {
        let mut ex = start(&s, 3);
        steps(&mut ex, 1);
        choose(&mut ex, "q", option);
        steps(&mut ex, 5);
        ex
    };
    let yes = play("yes");
    assert_eq!(yes.state().metrics, vec![60.0, 50.0]);
    assert_eq!(yes.state().counters, vec![1.0]);
    assert_eq!(fired(&yes, "extra"), None);
    let no = play("no");
    // The else branch: `m` falls, `extra` is scheduled; the second condition reads the
    // value the first effect left.
    assert_eq!(no.state().metrics, vec![40.0, 55.0]);
    assert_eq!(no.state().counters, vec![0.0]);
    assert_eq!(fired(&no, "extra"), Some(1800 + 900));
}
