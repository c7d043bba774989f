//! Exercises with no score (format 2: `scoring: None`, or `scoring: (score: false, ...)` to
//! keep checks): the score card, the transcript, `simulate`, the reports and the console show
//! checks, deadlines and ratings, never a score or a grade.

mod common;

use std::process::Command;

use common::*;
use downtime::engine::score::CheckStatus;
use downtime::scenario::diagnostics::{Code, Severity};
use downtime::scenario::files::NoFiles;
use downtime::scenario::load_str;

const FIXTURE: &str = "tests/fixtures/scenarios/discussion.ron";

fn bin(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_downtime"))
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn codes(text: &str) -> Vec<Code> {
    let loaded = load_str("t.ron", text, "sha256:t".into(), &NoFiles);
    let errors = loaded.report.diagnostics.iter();
    errors
        .filter(|d| d.code.severity() == Severity::Error)
        .map(|d| d.code)
        .collect()
}

#[test]
fn the_score_card_has_checks_but_no_score_or_grade() {
    let s = scenario(&std::fs::read_to_string(FIXTURE).unwrap());
    assert!(!s.scored);
    let mut ex = start(&s, 1);
    steps(&mut ex, 1);
    choose(&mut ex, "note", "now");
    ex.apply(
        downtime::engine::Command::EndNow {
            reason: String::new(),
        },
        0,
    )
    .unwrap();
    let card = ex.score();
    assert!(!card.scored);
    assert_eq!((card.score, card.grade), (0.0, None));
    assert!(card.parts.is_empty());
    assert!(matches!(card.checks[0].status, CheckStatus::Met(_)));
}

#[test]
fn no_score_needs_format_2_and_scoring_none_loads_in_it() {
    let none = mini_text(
        r#"injects: [], endings: [(id: "e", title: "E", default: true)], scoring: None,"#,
    );
    assert_eq!(codes(&none), [Code::NeedsFormat2]);
    let v2 = none.replacen("format: 1", "format: 2", 1);
    assert_eq!(codes(&v2), []);
    let s = scenario(&v2);
    assert!(!s.scored && s.checks.is_empty() && s.grades.is_empty());
    let off = mini_text(
        r#"injects: [], endings: [(id: "e", title: "E", default: true)], scoring: (score: false),"#,
    );
    assert_eq!(codes(&off), [Code::NeedsFormat2]);
    assert_eq!(codes(&off.replacen("format: 1", "format: 2", 1)), []);
    // Every scenario that says nothing keeps its score.
    assert!(mini(r#"injects: [], endings: [(id: "e", title: "E", default: true)],"#).scored);
}

#[test]
fn the_transcript_shows_checks_and_ratings_without_a_score() {
    let out = bin(&[
        "run",
        FIXTURE,
        "--seed",
        "2",
        "--policy",
        "best-practice",
        "--no-journal",
    ]);
    assert!(out.contains("\nNO SCORE (a discussion exercise: checks and ratings only)\nCHECKS\n  [x] Reported within the hour"), "{out}");
    assert!(out.contains("OBJECTIVES\n  report:"), "{out}");
    assert!(!out.contains("/100") && !out.contains("SCORE 100"), "{out}");
}

#[test]
fn simulate_reports_no_score_and_no_mean_score() {
    let text = bin(&["simulate", FIXTURE, "--runs", "200"]);
    assert!(
        !text.contains("\nScore") && !text.contains("mean"),
        "{text}"
    );
    assert!(
        text.contains("Decisions (how often each option was chosen; no score)"),
        "{text}"
    );
    assert!(text.contains("Best-practice checks"), "{text}");
    let json: serde_json::Value = serde_json::from_str(&bin(&[
        "simulate", FIXTURE, "--runs", "200", "--format", "json",
    ]))
    .unwrap();
    assert!(json["score"].is_null(), "{json}");
    for o in json["decisions"][0]["options"].as_array().unwrap() {
        assert!(o["mean_score"].is_null() && o["impact"].is_null(), "{o}");
    }
}

#[test]
fn the_reports_say_there_is_no_score() {
    let dir = tempfile::tempdir().unwrap();
    let journal = dir.path().join("d.jsonl");
    let j = journal.to_str().unwrap();
    bin(&[
        "run",
        FIXTURE,
        "--seed",
        "2",
        "--policy",
        "random",
        "--journal",
        j,
    ]);
    let md = bin(&["report", j, "--grade"]);
    assert!(
        md.contains("### Score\n\nThis exercise has no score (a discussion exercise)"),
        "{md}"
    );
    assert!(
        md.contains("Reported within the hour") && md.contains("Report to the regulator"),
        "{md}"
    );
    assert!(!md.contains("/100") && !md.contains("100 / 100"), "{md}");
    let html = bin(&["report", j, "--format", "html", "--grade"]);
    assert!(
        html.contains("<h3>Score</h3>\n<p>This exercise has no score"),
        "html"
    );
    assert!(!html.contains("/ 100"));
    let json: serde_json::Value =
        serde_json::from_str(&bin(&["report", j, "--format", "json", "--grade"])).unwrap();
    let score = &json["reports"][0]["results"]["score"];
    assert_eq!(score["scored"], false, "{score}");
    assert!(score["grade"].is_null() && score["parts"].as_array().unwrap().is_empty());
}
