//! `downtime simulate` gives the same report whatever the number of threads, and each run
//! can be replayed on its own with `run_seed`.

use std::process::Command;
use std::sync::Arc;

use downtime::engine::{Exercise, Status};
use downtime::headless::{Bare, Policy, play_out};
use downtime::simulate::{self, Config, PolicyKind};

fn simulate_cli(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_downtime"))
        .arg("simulate")
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn tutorial() -> Arc<downtime::scenario::Scenario> {
    downtime::scenario::load_file(std::path::Path::new("scenarios/tutorial.ron"))
        .scenario
        .expect("the tutorial loads")
}

#[test]
fn text_and_json_reports_do_not_depend_on_jobs() {
    for format in ["text", "json"] {
        let mut reports = Vec::new();
        for jobs in ["1", "2", "4"] {
            let (code, out, err) = simulate_cli(&[
                "scenarios/tutorial.ron",
                "--runs",
                "3000",
                "--seed",
                "42",
                "--jobs",
                jobs,
                "--format",
                format,
            ]);
            assert_eq!(code, 0, "{err}");
            reports.push(out);
        }
        assert_eq!(reports[0], reports[1], "jobs 1 vs 2 ({format})");
        assert_eq!(reports[0], reports[2], "jobs 1 vs 4 ({format})");
    }
}

#[test]
fn the_seed_changes_the_runs_and_the_report_says_which() {
    let (_, a, _) = simulate_cli(&["scenarios/tutorial.ron", "--runs", "500", "--seed", "1"]);
    let (_, b, _) = simulate_cli(&["scenarios/tutorial.ron", "--runs", "500", "--seed", "2"]);
    assert!(a.contains("500 runs, policy random, seed 1"), "{a}");
    assert!(b.contains("500 runs, policy random, seed 2"), "{b}");
    // Same header shape, different draws: the bodies differ.
    let body = |s: &str| s.lines().skip(1).collect::<Vec<_>>().join("\n");
    assert_ne!(body(&a), body(&b));
}

#[test]
fn library_reports_agree_across_thread_counts() {
    let sc = tutorial();
    let cfg = |jobs| Config {
        runs: 1000,
        policy: PolicyKind::Random,
        seed: 9,
        jobs,
        params: Default::default(),
    };
    let one = simulate::report(&sc, &cfg(1));
    let three = simulate::report(&sc, &cfg(3));
    assert_eq!(one, three);
    assert_eq!(one.completed, 1000);
    let ends: u64 = one.endings.iter().map(|e| e.runs).sum();
    assert_eq!(ends, 1000);
}

#[test]
fn each_run_replays_alone_with_its_seed() {
    let sc = tutorial();
    let start = downtime::engine::Command::Start {
        params: Default::default(),
        session: Default::default(),
    };
    for i in [0u64, 1, 17] {
        let seed = simulate::run_seed(5, i);
        let (ex, _) = simulate::play_one(&sc, &start, PolicyKind::Random, seed).unwrap();
        // The same run through the ordinary headless driver (as `downtime run` plays it).
        let mut bare = Bare {
            exercise: Exercise::new(sc.clone(), seed),
            real: 0,
        };
        let mut policy = Policy::random(seed);
        play_out(&mut bare, &mut policy, |_, _, _| {}).unwrap();
        assert!(matches!(ex.status(), Status::Ended { .. }));
        assert_eq!(ex.status(), bare.exercise.status());
        assert_eq!(ex.score().score, bare.exercise.score().score);
        assert_eq!(ex.state().feed, bare.exercise.state().feed);
    }
}

#[test]
fn bad_arguments_are_refused_with_exit_code_2() {
    for args in [
        &["scenarios/tutorial.ron", "--runs", "0"][..],
        &["scenarios/tutorial.ron", "--jobs", "0"],
        &["scenarios/tutorial.ron", "--policy", "clever"],
        &["scenarios/tutorial.ron", "--param", "nonsense=1"],
        &["scenarios/tutorial.ron", "--param", "staffing=huge"],
        &["scenarios/tutorial.ron", "--param", "staffing"],
    ] {
        let (code, out, err) = simulate_cli(args);
        assert_eq!(code, 2, "{args:?}: {out}{err}");
        assert!(err.starts_with("downtime simulate: "), "{err}");
    }
    let (code, _, err) = simulate_cli(&["no/such/file.ron"]);
    assert_ne!(code, 0);
    assert!(err.contains("no such file"), "{err}");
}

#[test]
fn parameters_change_the_runs() {
    let (code, low, err) = simulate_cli(&[
        "scenarios/tutorial.ron",
        "--runs",
        "400",
        "--param",
        "staffing=low",
        "--format",
        "json",
    ]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&low).unwrap();
    let staffing = v["parameters"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["id"] == "staffing")
        .unwrap();
    assert_eq!(staffing["value"], "low");
    assert_eq!(staffing["default"], false);
    // With low staffing nobody can drive samples out: that option is never available.
    let never: Vec<String> = v["coverage"]["options_never_chosen"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| {
            format!(
                "{}.{}",
                o["decision"].as_str().unwrap(),
                o["option"].as_str().unwrap()
            )
        })
        .collect();
    assert!(
        never.contains(&"lab_mode.send_out".to_string()),
        "{never:?}"
    );
}
