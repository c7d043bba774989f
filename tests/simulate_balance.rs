//! `downtime simulate --balance`: each rule finds what breaks it, names it, and gives the
//! same figures whatever the number of threads.

use std::path::Path;
use std::process::Command;
use std::sync::Arc;

use downtime::scenario::Scenario;
use downtime::simulate::balance::{self, Balance, Effort};

fn load(path: &str) -> Arc<Scenario> {
    downtime::scenario::load_file(Path::new(path))
        .scenario
        .expect("the scenario loads")
}

fn measure(path: &str, runs: u64, jobs: usize) -> Balance {
    balance::measure(
        &load(path),
        &Effort {
            runs,
            seed: 1,
            jobs,
        },
    )
}

fn holds(b: &Balance, id: &str) -> bool {
    b.rule(id).unwrap_or_else(|| panic!("no rule {id}")).holds
}

#[test]
fn each_rule_names_what_breaks_it() {
    let b = measure("tests/fixtures/scenarios/balance.ron", 200, 1);
    // No dice: best practice always scores the same and ends the same.
    assert!(holds(&b, "best_spread") && holds(&b, "best_same"), "{b:#?}");
    assert_eq!(b.rule("best_spread").unwrap().figure, 0.0);
    // Best practice (cut, statement) against chance.
    assert!(!holds(&b, "best_over_random"), "{b:#?}");
    // The recommended statement scores 8 points less than silence.
    let rec = b.rule("recommended_best").unwrap();
    assert!(!rec.holds);
    assert_eq!(rec.short.len(), 1, "{rec:#?}");
    assert_eq!(
        (rec.short[0].id.as_str(), rec.short[0].against.as_str()),
        ("press", "silence")
    );
    assert!((rec.short[0].figure - 8.0).abs() < 0.5, "{rec:#?}");
    // Each option against best practice: silence gains what the statement gives up.
    let press = b.impacts.iter().find(|i| i.decision == "press").unwrap();
    let silence = press
        .options
        .iter()
        .find(|o| o.option == "silence")
        .unwrap();
    assert!(
        !silence.recommended && (silence.delta - 8.0).abs() < 0.5,
        "{press:#?}"
    );
    let alert = b.impacts.iter().find(|i| i.decision == "alert").unwrap();
    assert!(alert.options.iter().all(|o| o.delta <= 0.0), "{alert:#?}");
    // Both decisions move the score; the parameter moves nothing.
    assert!(holds(&b, "decisions_matter"), "{b:#?}");
    let params = b.rule("params_matter").unwrap();
    assert!(!params.holds);
    assert_eq!(params.short[0].id, "prepared");
    // One ending: reached always, so it dominates.
    assert!(holds(&b, "endings_reached") && !holds(&b, "endings_spread"));
    // The first options (cut, silence) are not best practice's (cut, statement).
    assert!(holds(&b, "first_is_not_best"));
    assert!(!b.holds());
}

#[test]
fn figures_do_not_depend_on_the_threads() {
    let one = measure("scenarios/tutorial.ron", 200, 1);
    let two = measure("scenarios/tutorial.ron", 200, 2);
    assert_eq!(one, two);
}

#[test]
fn the_command_prints_the_rules_and_fails_when_one_does_not_hold() {
    let run = |args: &[&str]| {
        let out = Command::new(env!("CARGO_BIN_EXE_downtime"))
            .arg("simulate")
            .arg("tests/fixtures/scenarios/balance.ron")
            .arg("--balance")
            .args(["--runs", "100"])
            .args(args)
            .output()
            .unwrap();
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    let (code, text, err) = run(&[]);
    assert_eq!(code, Some(1), "{err}");
    assert!(text.contains("✗ each recommended option"), "{text}");
    assert!(
        text.contains("press: silence scores 8 points more"),
        "{text}"
    );
    assert!(text.contains("5 of 9 rules hold"), "{text}");
    let (_, fr, _) = run(&["--lang", "fr"]);
    assert!(fr.contains("Équilibre de « Balance rules »"), "{fr}");
    assert!(fr.contains("5 règles sur 9 tenues"), "{fr}");
    let (_, json, _) = run(&["--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["rules"][3]["id"], "recommended_best");
    assert_eq!(v["rules"][3]["short"][0]["against"], "silence");
    // The rules set the policy and the parameters themselves.
    let (code, _, err) = run(&["--policy", "first"]);
    assert_eq!(code, Some(2), "{err}");
}
