//! `downtime simulate` names what playthroughs never reach: an option whose requirement can
//! never hold, an ending whose condition is never true in practice.

use std::process::Command;

const FIXTURE: &str = "tests/fixtures/scenarios/dead-option.ron";

fn simulate(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_downtime"))
        .arg("simulate")
        .arg(FIXTURE)
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn the_fixture_is_clean_for_check() {
    let loaded = downtime::scenario::load_file(std::path::Path::new(FIXTURE));
    assert!(loaded.scenario.is_some());
    assert!(
        loaded.report.diagnostics.is_empty(),
        "{}",
        loaded.report.render_text(100)
    );
}

#[test]
fn json_coverage_names_the_dead_option_and_the_unreachable_ending() {
    let (code, out, err) = simulate(&["--runs", "2000", "--format", "json"]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let cov = &v["coverage"];
    let never: Vec<(String, String, u64)> = cov["options_never_chosen"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| {
            (
                o["decision"].as_str().unwrap().to_string(),
                o["option"].as_str().unwrap().to_string(),
                o["decision_opened"].as_u64().unwrap(),
            )
        })
        .collect();
    // Only the dead option: the random policy tries every available option.
    assert_eq!(never, vec![("response".into(), "bribe".into(), 2000)]);
    assert_eq!(
        cov["endings_never_reached"],
        serde_json::json!(["windfall"])
    );
    assert_eq!(cov["injects_never_fired"], serde_json::json!([]));
    assert_eq!(cov["deadlines_never_started"], serde_json::json!([]));
    // The other endings are reached, and every run ends in one.
    let endings = v["endings"].as_array().unwrap();
    let runs = |id: &str| {
        endings.iter().find(|e| e["id"] == id).unwrap()["runs"]
            .as_u64()
            .unwrap()
    };
    assert_eq!(runs("windfall"), 0);
    assert!(runs("disgrace") > 0);
    assert!(runs("done") > 0);
    assert_eq!(runs("disgrace") + runs("done"), 2000);
}

#[test]
fn text_report_names_them_too() {
    let (code, out, err) = simulate(&["--runs", "1000"]);
    assert_eq!(code, 0, "{err}");
    let line = |prefix: &str| {
        out.lines()
            .find(|l| l.trim_start().starts_with(prefix))
            .unwrap_or_else(|| panic!("no `{prefix}` line in\n{out}"))
            .to_string()
    };
    assert!(
        line("options never chosen:").contains("response.bribe (decision opened in 1000 runs)"),
        "{out}"
    );
    assert!(
        line("endings never reached:").ends_with("windfall"),
        "{out}"
    );
    assert!(line("injects never fired:").ends_with("none"), "{out}");
    // Scenario text is sanitised and the title's quotes kept.
    assert!(out.starts_with("Simulation of \"Dead option \"fixture\"\" (dead-option): 1000 runs"));
}

#[test]
fn best_practice_takes_only_recommended_options() {
    let (code, out, err) = simulate(&[
        "--runs",
        "300",
        "--policy",
        "best-practice",
        "--format",
        "json",
    ]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let response = v["decisions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["id"] == "response")
        .unwrap();
    let chosen: Vec<u64> = response["options"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["chosen"].as_u64().unwrap())
        .collect();
    assert_eq!(chosen, vec![300, 0, 0]);
    // The `fast` check is met in every run that contains at once.
    let fast = v["checks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "fast")
        .unwrap();
    assert_eq!(fast["hit_rate"], 1.0);
    assert_eq!(fast["met"], 300);
}

#[test]
fn decision_impact_is_the_difference_of_means() {
    let (code, out, err) = simulate(&["--runs", "3000", "--format", "json", "--seed", "3"]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    for d in v["decisions"].as_array().unwrap() {
        let opts = d["options"].as_array().unwrap();
        let taken: u64 = opts.iter().map(|o| o["chosen"].as_u64().unwrap()).sum();
        assert_eq!(taken, d["taken"].as_u64().unwrap());
        let total: f64 = opts
            .iter()
            .filter_map(|o| Some(o["mean_score"].as_f64()? * o["chosen"].as_u64()? as f64))
            .sum();
        for o in opts {
            let (Some(mean), Some(impact)) = (o["mean_score"].as_f64(), o["impact"].as_f64())
            else {
                continue;
            };
            let n = o["chosen"].as_u64().unwrap() as f64;
            let others = o["others"].as_u64().unwrap() as f64;
            assert_eq!(others, taken as f64 - n);
            let mean_others = (total - mean * n) / others;
            assert!((impact - (mean - mean_others)).abs() < 0.01, "{d}");
        }
    }
}
