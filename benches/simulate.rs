//! Speed of `downtime simulate`: random playthroughs per second on the tutorial, on a
//! generated larger scenario and (when present) on the flagship scenario.
//!
//! Budgets: 100,000 random playthroughs of the flagship in at most 2 seconds on a 2-core
//! machine (`budget/*`, all cores); above 20,000 random playthroughs per second per core
//! of the generated scenario with 200 actions (`one-thread/actions-200`). Before the timed benchmarks, one 100,000-run simulation
//! of each scenario prints playthroughs/s, commands/s and decisions/s on stderr.
//!
//! Run with `cargo bench --bench simulate` (add `DOWNTIME_BENCH_SCENARIO=FILE` to bench
//! another scenario in place of the flagship).

use std::hint::black_box;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::AtomicU64;
use std::time::Instant;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

// The same allocator as the `downtime` binary.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
use downtime::scenario::Scenario;
use downtime::scenario::files::NoFiles;
use downtime::simulate::{Config, PolicyKind, simulate};

const FLAGSHIP: &str = "scenarios/saturday-night-blackout.ron";

/// A synthetic scenario with `k` decision chapters: each chapter has a timed inject with a
/// three-option decision (one option gated by `requires`, one with random outcomes), a
/// chained inject with a chance, a conditional inject and a follow-up; plus deadlines,
/// random events, services, checks and a conditional ending.
fn generated(k: usize) -> String {
    let mut injects = String::new();
    let mut flags = String::new();
    let mut checks = String::new();
    let mut deadlines = String::new();
    for j in 0..k {
        let t = j * 30;
        let sys = j % 4;
        let dl = j / 5;
        let start_dl = if j % 5 == 0 {
            format!(", \"start(dl{dl})\"")
        } else {
            String::new()
        };
        let meet_dl = if j % 5 == 2 {
            format!(", \"meet(dl{dl})\"")
        } else {
            String::new()
        };
        flags.push_str(&format!("(id: \"f{j}\", label: \"F{j}\"),\n"));
        injects.push_str(&format!(
            r#"(id: "c{j}", title: "Chapter {j}", at: "{t}m", effects: ["sys{sys} = down"{start_dl}],
               decision: (id: "d{j}", team: "t{team}", prompt: "What now?", options: [
                 (id: "a", label: "Contain", effects: ["safety += 3", "f{j} = true", "sys{sys} = restoring"{meet_dl}], recommended: true),
                 (id: "b", label: "Gamble", requires: "trust > 40", effects: ["trust -= 2", "cost += 5"],
                  outcomes: [(label: "ok", chance: 0.5, effects: ["safety += 2", "sys{sys} = restored"]),
                             (label: "bad", effects: ["safety -= 4"], follow_up: ["x{j}"])]),
                 (id: "c", label: "Wait", effects: ["cost += 10", "schedule(x{j}, 15m)"]),
               ], timeout: (scenario: "1h", default: "c"))),
              (id: "x{j}", title: "Fallout {j}", effects: ["trust -= 3", "safety -= 2"]),
              (id: "y{j}", title: "Echo {j}", after: "c{j}", delay: "10m", chance: 0.7, effects: ["cost += 1"]),
              (id: "z{j}", title: "Relief {j}", when: "f{j} && safety > 40", effects: ["trust += 1"]),
              (id: "w{j}", title: "Aftermath {j}", after: "d{j}.c", delay: "20m", effects: ["counter_x += 1"]),
"#,
            team = j % 3
        ));
        if j % 4 == 0 {
            checks.push_str(&format!(
                "(id: \"k{j}\", title: \"Fast {j}\", when: \"f{j}\", within: \"30m\", from: \"c{j}\", objective: \"o\"),\n"
            ));
        }
        if j % 5 == 0 {
            deadlines.push_str(&format!(
                "(id: \"dl{dl}\", label: \"Deadline {dl}\", duration: \"2h\", on_missed: [\"trust -= 5\"]),\n"
            ));
        }
    }
    let end = k * 30 + 120;
    format!(
        r#"Scenario(format: 1,
  meta: (id: "generated", title: "Generated", objectives: [(id: "o", text: "Do well")]),
  teams: [(id: "t0", name: "A"), (id: "t1", name: "B"), (id: "t2", name: "C")],
  clock: (start: "2024-01-06T21:00", step: "10m", end: "{end}m"),
  phases: [(id: "p1", title: "One", start: "0m"), (id: "p2", title: "Two", start: "{half}m", step: "20m")],
  parameters: [(id: "backups", label: "Backups?", kind: Bool, default: true)],
  metrics: [
    (id: "safety", label: "Safety", start: "backups ? 80 : 70", weight: 3, thresholds: [(below: 30, label: "low")]),
    (id: "trust", label: "Trust", start: 70, weight: 1),
    (id: "cost", label: "Cost", start: 0, max: 10000, good: Low, weight: 1),
  ],
  flags: [{flags}],
  counters: [(id: "counter_x", label: "X")],
  systems: [(id: "sys0", name: "S0"), (id: "sys1", name: "S1"), (id: "sys2", name: "S2"), (id: "sys3", name: "S3")],
  services: [
    (id: "svc0", name: "V0", depends_on: ["sys0", "sys1"], paper: "safety > 50 ? 60 : 40", planned_for: "4h", decay: 20, floor: 10),
    (id: "svc1", name: "V1", depends_on: ["sys2"], paper: 50),
    (id: "svc2", name: "V2", depends_on: ["sys3"], paper: 70),
  ],
  injects: [{injects}],
  deadlines: [{deadlines}],
  random_events: [
    (id: "r0", label: "R0", chance: 0.05, when: "trust < 60", once: false, effects: ["trust -= 1"]),
    (id: "r1", label: "R1", chance: 0.02, effects: ["safety -= 5"]),
  ],
  endings: [
    (id: "collapse", title: "Collapse", when: "safety < 5"),
    (id: "over", title: "Over", default: true),
  ],
  scoring: (grades: [(min: 50, grade: "P"), (min: 0, grade: "F")], checks: [{checks}]),
)"#,
        half = end / 2
    )
}

/// A synthetic action-heavy scenario (format 2): `k` repeatable actions over three teams,
/// with costs against a budget, income, cooldowns, use limits, outcomes and follow-ups,
/// beside a dozen timed injects that some actions prevent.
fn generated_actions(k: usize) -> String {
    let mut actions = String::new();
    for i in 0..k {
        let cost = i % 7 + 1;
        let cooldown = match i % 4 {
            0 => String::new(),
            n => format!(", cooldown: \"{}m\"", n * 30),
        };
        let max = if i % 5 == 0 { ", max_uses: 2" } else { "" };
        let outcomes = if i % 3 == 0 {
            ", outcomes: [(label: \"ok\", chance: 0.6, effects: [\"safety += 1\"]), (label: \"bad\", effects: [\"safety -= 1\"])]"
        } else {
            ""
        };
        let effects = if i % 10 == 9 {
            "\"budget += 20\", \"trust -= 1\"".to_string()
        } else {
            format!(
                "\"budget -= {cost}\", \"safety += 0.5\", \"guard{} = true\"",
                i % 12
            )
        };
        let follow = if i % 8 == 0 {
            ", follow_up: [\"echo\"]"
        } else {
            ""
        };
        actions.push_str(&format!(
            "(id: \"a{i}\", label: \"Action {i}\", teams: [\"t{}\"], requires: \"budget >= {cost}\"{cooldown}{max}, effects: [{effects}]{outcomes}{follow}),\n",
            i % 3
        ));
    }
    let mut injects = String::new();
    let mut flags = String::new();
    for j in 0..12 {
        flags.push_str(&format!("(id: \"guard{j}\", label: \"Guard {j}\"),\n"));
        injects.push_str(&format!(
            "(id: \"hit{j}\", title: \"Hit {j}\", at: \"{}m\", unless: \"guard{j}\", effects: [\"safety -= 5\", \"trust -= 2\"]),\n",
            j * 60
        ));
    }
    format!(
        r#"Scenario(format: 2,
  meta: (id: "actions", title: "Generated actions"),
  teams: [(id: "t0", name: "A"), (id: "t1", name: "B"), (id: "t2", name: "C")],
  clock: (start: "2024-01-06T08:00", step: "30m", end: "12h"),
  metrics: [(id: "safety", label: "Safety", start: 60, weight: 2), (id: "trust", label: "Trust", start: 70, weight: 1)],
  flags: [{flags}],
  counters: [(id: "budget", label: "Budget", start: 60)],
  actions: [{actions}],
  injects: [{injects} (id: "echo", title: "Echo", delay: "30m", effects: ["trust += 1"])],
  endings: [(id: "collapse", title: "Collapse", when: "safety < 5"), (id: "over", title: "Over", default: true)],
)"#
    )
}

fn load(name: &str, text: &str) -> Arc<Scenario> {
    let loaded = downtime::scenario::load_str(name, text, "sha256:bench".into(), &NoFiles);
    match loaded.scenario {
        Some(s) => s,
        None => panic!("{name} has errors:\n{}", loaded.report.render_text(100)),
    }
}

fn scenarios() -> Vec<(&'static str, Arc<Scenario>)> {
    let mut v = vec![
        (
            "tutorial",
            downtime::scenario::load_file(Path::new("scenarios/tutorial.ron"))
                .scenario
                .expect("the tutorial loads"),
        ),
        ("generated-40", load("generated", &generated(40))),
        (
            "actions-200",
            load("generated-actions", &generated_actions(200)),
        ),
    ];
    // For profiling with the CLI: `DOWNTIME_BENCH_DUMP=/tmp/g.ron cargo bench --bench simulate -- --list`.
    if let Some(path) = std::env::var_os("DOWNTIME_BENCH_DUMP") {
        std::fs::write(path, generated(40)).expect("cannot write the generated scenario");
    }
    // The flagship when it is in the tree, or any scenario named by DOWNTIME_BENCH_SCENARIO.
    let extra = std::env::var_os("DOWNTIME_BENCH_SCENARIO");
    let flagship = extra
        .as_deref()
        .map(Path::new)
        .unwrap_or(Path::new(FLAGSHIP));
    if flagship.exists() {
        match downtime::scenario::load_file(flagship).scenario {
            Some(s) => v.push(("flagship", s)),
            None => eprintln!("{}: has errors, not benchmarked", flagship.display()),
        }
    }
    v
}

fn config(runs: u64, jobs: usize) -> Config {
    Config {
        runs,
        policy: PolicyKind::Random,
        seed: 1,
        jobs,
        params: Default::default(),
    }
}

fn cores() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// Prints playthroughs/s, commands/s and decisions/s of one 100,000-run simulation.
fn figures(name: &str, sc: &Arc<Scenario>) {
    let cfg = config(100_000, cores());
    let t0 = Instant::now();
    let tally = simulate(sc, &cfg, &AtomicU64::new(0));
    let secs = t0.elapsed().as_secs_f64();
    eprintln!(
        "{name}: 100000 playthroughs on {} threads in {secs:.3} s: {:.0} playthroughs/s, \
         {:.0} commands/s, {:.0} decisions/s ({:.1} commands, {:.1} decisions per run)",
        cfg.jobs,
        100_000.0 / secs,
        tally.commands as f64 / secs,
        tally.decisions_taken as f64 / secs,
        tally.commands as f64 / 100_000.0,
        tally.decisions_taken as f64 / 100_000.0,
    );
}

fn bench(c: &mut Criterion) {
    let all = scenarios();
    for (name, sc) in &all {
        figures(name, sc);
    }
    let mut g = c.benchmark_group("one-thread");
    g.sample_size(20);
    for (name, sc) in &all {
        let runs = 2_000;
        g.throughput(Throughput::Elements(runs));
        g.bench_function(*name, |b| {
            b.iter(|| black_box(simulate(sc, &config(runs, 1), &AtomicU64::new(0))))
        });
    }
    g.finish();
    let mut g = c.benchmark_group("budget");
    g.sample_size(10);
    for (name, sc) in &all {
        let runs = 100_000;
        g.throughput(Throughput::Elements(runs));
        g.bench_function(*name, |b| {
            b.iter(|| black_box(simulate(sc, &config(runs, cores()), &AtomicU64::new(0))))
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
