//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::sync::Arc;

use downtime::engine::{Command, Event, Exercise};
use downtime::scenario::files::NoFiles;
use downtime::scenario::{Scenario, load_str};

/// Loads a scenario from text, panicking with the rendered diagnostics if it has errors.
pub fn scenario(text: &str) -> Arc<Scenario> {
    let loaded = load_str("test.ron", text, "sha256:test".into(), &NoFiles);
    match loaded.scenario {
        Some(s) => s,
        None => panic!("scenario has errors:\n{}", loaded.report.render_text(100)),
    }
}

/// A small scenario: one team, metric `m` (0..100, start 50), flag `f`, counter `c`, system `sys`
/// with service `svc`, clock of `end` with 15-minute steps, plus the given extra sections
/// (injects are required: pass at least `injects: [...]`).
pub fn mini(extra: &str) -> Arc<Scenario> {
    scenario(&mini_text(extra))
}

/// [`mini`] in format 2, for the constructs it adds.
pub fn mini2(extra: &str) -> Arc<Scenario> {
    scenario(&mini_text(extra).replacen("format: 1", "format: 2", 1))
}

/// The text of [`mini`]: each default section is left out when `extra` has its own.
pub fn mini_text(extra: &str) -> String {
    let defaults = [
        ("meta:", r#"meta: (id: "mini", title: "Mini"),"#),
        (
            "teams:",
            r#"teams: [(id: "a", name: "Team A"), (id: "b", name: "Team B")],"#,
        ),
        (
            "clock:",
            r#"clock: (start: "2024-01-06T21:00", step: "15m", end: "10h"),"#,
        ),
        (
            "metrics:",
            r#"metrics: [(id: "m", label: "M", start: 50, weight: 1), (id: "n", label: "N", start: 50, good: Low, weight: 1)],"#,
        ),
        ("flags:", r#"flags: [(id: "f", label: "F")],"#),
        ("counters:", r#"counters: [(id: "c", label: "C")],"#),
        ("systems:", r#"systems: [(id: "sys", name: "System")],"#),
        (
            "services:",
            r#"services: [(id: "svc", name: "Service", depends_on: ["sys"], paper: 60, planned_for: "2h", decay: 24, floor: 30)],"#,
        ),
    ];
    let mut text = String::from("Scenario(\n    format: 1,\n");
    for (key, section) in defaults {
        if !extra.contains(key) {
            text.push_str("    ");
            text.push_str(section);
            text.push('\n');
        }
    }
    text.push_str(extra);
    text.push_str("\n)");
    text
}

/// Starts an exercise with default parameters.
pub fn start(s: &Arc<Scenario>, seed: u64) -> Exercise {
    let mut ex = Exercise::new(s.clone(), seed);
    ex.apply(
        Command::Start {
            params: Default::default(),
            session: Default::default(),
        },
        0,
    )
    .expect("start");
    ex
}

/// Applies a command at real time 0, panicking on error.
pub fn ok(ex: &mut Exercise, cmd: Command) -> Vec<Event> {
    let real = ex.state().real_now + 1000;
    ex.apply(cmd.clone(), real)
        .unwrap_or_else(|e| panic!("{cmd:?} failed: {e}"))
}

/// Chooses an option.
pub fn choose(ex: &mut Exercise, d: &str, o: &str) -> Vec<Event> {
    ok(
        ex,
        Command::Choose {
            decision: d.into(),
            option: o.into(),
            team: None,
        },
    )
}

/// Index of an inject by id.
pub fn inj(ex: &Exercise, id: &str) -> usize {
    ex.scenario().inject_index(id).expect("inject exists") as usize
}

/// When an inject fired.
pub fn fired(ex: &Exercise, id: &str) -> Option<i64> {
    ex.state().injects[inj(ex, id)].fired_at
}

/// Steps the clock n times.
pub fn steps(ex: &mut Exercise, n: usize) {
    for _ in 0..n {
        ok(ex, Command::Step);
    }
}
