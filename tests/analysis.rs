//! Skill told apart from luck (`downtime::analysis`): the same result whatever the number of
//! threads, the same report bytes twice, and alternatives whose effect is known.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use downtime::analysis::{Config, DiceKind, analyse};
use downtime::engine::{Command, Exercise, Status};
use downtime::headless::{Bare, Policy, play_out};
use downtime::journal::Session;
use downtime::scenario::Scenario;
use downtime::scenario::files::NoFiles;
use downtime::simulate::{PolicyKind, play_one};

const FLAGSHIP: &str = "scenarios/saturday-night-blackout.ron";

/// One decision: `good` adds 20 points, `bad` takes 10, `gamble` adds 40 with a 30% chance.
const TINY: &str = r#"Scenario(format: 1,
  meta: (id: "tiny", title: "Tiny", objectives: [(id: "o", text: "Do well")]),
  teams: [(id: "t", name: "T")],
  clock: (start: "2024-01-06T21:00", step: "10m", end: "60m"),
  phases: [(id: "p1", title: "One", start: "0m")],
  metrics: [(id: "safety", label: "Safety", start: 50, weight: 1)],
  injects: [
    (id: "i1", title: "Choice", at: "10m", decision: (id: "d", team: "t", prompt: "Which?", options: [
      (id: "good", label: "Good", effects: ["safety += 20"], recommended: true),
      (id: "bad", label: "Bad", effects: ["safety -= 10"]),
      (id: "gamble", label: "Gamble", outcomes: [
        (label: "win", chance: 0.3, effects: ["safety += 40"]),
        (label: "lose", effects: []),
      ]),
    ])),
  ],
  endings: [(id: "over", title: "Over", default: true)],
  scoring: (grades: [(min: 0, grade: "P")], checks: []),
)"#;

fn tiny() -> Arc<Scenario> {
    let loaded = downtime::scenario::load_str("tiny", TINY, "sha256:tiny".into(), &NoFiles);
    loaded
        .scenario
        .unwrap_or_else(|| panic!("{}", loaded.report.render_text(100)))
}

fn flagship() -> Arc<Scenario> {
    downtime::scenario::load_file(&root().join(FLAGSHIP))
        .scenario
        .expect("the flagship loads")
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn start() -> Command {
    Command::Start {
        params: Default::default(),
        session: Default::default(),
    }
}

/// The tiny scenario played with `option` for its decision.
fn tiny_played(option: &str, seed: u64) -> Exercise {
    let mut b = Bare {
        exercise: Exercise::new(tiny(), seed),
        real: 0,
    };
    b.exercise.apply(start(), 0).unwrap();
    while b.exercise.status() != Status::AwaitingDecisions {
        b.exercise.apply(Command::NextInject, 0).unwrap();
    }
    b.exercise
        .apply(
            Command::Choose {
                decision: "d".into(),
                option: option.into(),
                team: None,
            },
            0,
        )
        .unwrap();
    play_out(&mut b, &mut Policy::First, |_, _, _| {}).unwrap();
    b.exercise
}

fn cfg(replays: u64, alternative_runs: u64, jobs: usize) -> Config {
    Config {
        replays,
        alternative_runs,
        jobs,
    }
}

#[test]
fn an_alternative_with_a_known_effect_is_measured_exactly() {
    let ex = tiny_played("good", 1);
    assert_eq!(ex.score().score, 70.0);
    let a = analyse(&ex, &cfg(300, 200, 2));
    assert_eq!(a.completed, 300);
    assert_eq!(a.expected(), Some(70.0));
    assert_eq!(a.luck(), Some(0.0));
    assert_eq!(
        (a.percentile(5.0), a.percentile(95.0)),
        (Some(70.0), Some(70.0))
    );
    let d = &a.decisions[0];
    assert_eq!(d.arose, 200);
    let [good, bad, gamble] = &d.options[..] else {
        panic!("three options");
    };
    assert!(good.chosen && !bad.chosen && !gamble.chosen);
    assert_eq!(good.expected(), Some(70.0));
    assert_eq!((bad.expected(), bad.delta()), (Some(40.0), Some(-30.0)));
    // 50 + 40 × 30% = 62 on average: 200 draws put it well within ±6.
    let g = gamble.expected().unwrap();
    assert!((56.0..=68.0).contains(&g), "gamble: {g}");
    assert_eq!(gamble.delta(), Some(((g - 70.0) * 10.0).round() / 10.0));
    assert_eq!(a.mattered_most(5)[0].decision, 0);
    assert!(
        a.dice.is_empty(),
        "nothing was left to chance: {:?}",
        a.dice
    );
}

#[test]
fn an_outcome_is_marked_as_dice_with_its_chance() {
    let ex = tiny_played("gamble", 3);
    let a = analyse(&ex, &cfg(1000, 0, 2));
    assert_eq!(a.dice.len(), 1);
    let dice = a.dice[0];
    assert!(matches!(
        dice.kind,
        DiceKind::Outcome {
            decision: 0,
            option: 2,
            ..
        }
    ));
    assert_eq!(dice.of, 1000);
    let won = matches!(dice.kind, DiceKind::Outcome { outcome: 0, .. });
    let p = dice.same as f64 / dice.of as f64;
    let expected = if won { 0.3 } else { 0.7 };
    assert!((p - expected).abs() < 0.05, "{p} for {expected}");
    // The luck is the difference from the expected 62.
    let e = a.expected().unwrap();
    assert!((58.0..=66.0).contains(&e), "{e}");
    assert_eq!(
        a.luck(),
        Some(((ex.score().score - e) * 10.0).round() / 10.0)
    );
}

#[test]
fn the_flagship_analysis_does_not_depend_on_the_number_of_threads() {
    let sc = flagship();
    let (journal, _) = play_one(&sc, &start(), PolicyKind::Random, 11).unwrap();
    let one = analyse(&journal, &cfg(150, 40, 1));
    let three = analyse(&journal, &cfg(150, 40, 3));
    assert_eq!(one, three);
    assert_eq!(one, analyse(&journal, &cfg(150, 40, 2)));
    assert_eq!(one.completed + one.failed, 150);
    assert!(
        one.decisions.len() >= 5,
        "{} decisions",
        one.decisions.len()
    );
    assert!(one.mattered_most(5).len() == 5);
}

/// Records a flagship journal played by the random policy.
fn flagship_journal(dir: &Path) -> PathBuf {
    let path = dir.join("flagship.jsonl");
    let mut session = Session::create(
        flagship(),
        FLAGSHIP,
        5,
        &path,
        "2026-03-12T13:30:00Z".into(),
    )
    .expect("journal created");
    session.apply(start()).unwrap();
    play_out(&mut session, &mut Policy::random(5), |_, _, _| {}).unwrap();
    path
}

#[test]
fn the_report_of_a_flagship_journal_shows_the_five_decisions_that_mattered_most_twice_alike() {
    let dir = tempfile::tempdir().unwrap();
    let journal = flagship_journal(dir.path());
    let small = cfg(200, 40, 2);
    let render = |jobs: usize| {
        let built = downtime::report::build_with(
            std::slice::from_ref(&journal),
            Some(&root().join(FLAGSHIP)),
            Some(&Config { jobs, ..small }),
        )
        .unwrap_or_else(|f| panic!("{}", f.message));
        (
            downtime::report::render(&built.document, downtime::report::Format::Md),
            downtime::report::render(&built.document, downtime::report::Format::Json),
        )
    };
    let (md, json) = render(2);
    assert_eq!((md.clone(), json.clone()), render(1));
    let section = md
        .split("Skill and luck in detail")
        .nth(1)
        .expect("the section")
        .split("\n## ")
        .next()
        .unwrap();
    assert!(
        section.contains("Your decisions, played 200 times"),
        "{section}"
    );
    let table = section
        .split("### The decisions that mattered most")
        .nth(1)
        .unwrap()
        .split("###")
        .next()
        .unwrap();
    let rows = table.lines().filter(|l| l.starts_with("| ")).count();
    assert_eq!(rows, 1 + 5, "{table}");
    assert!(section.contains("### Dice, not choice"));
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let a = &v["reports"][0]["analysis"];
    assert_eq!(a["mattered_most"].as_array().unwrap().len(), 5);
    assert_eq!(a["replays"], 200);
}

#[test]
fn report_no_analysis_leaves_the_section_out() {
    let run = |extra: &[&str]| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_downtime"))
            .current_dir(root())
            .args(["report", "tests/fixtures/journals/night-shift-a.jsonl"])
            .args(["--scenario", "tests/fixtures/scenarios/night-shift.ron"])
            .args(extra)
            .output()
            .expect("downtime runs");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    let with = run(&[]);
    assert!(with.contains("## Annex F. Skill and luck in detail"));
    assert!(with.contains("**Skill and luck.**"));
    let without = run(&["--no-analysis"]);
    assert!(without.contains("## Annex D. Decisions"));
    assert!(!without.contains("Skill and luck"), "{without}");
    assert!(without.contains("## Annex F. Hot wash"));
}
