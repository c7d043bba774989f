//! `downtime evaluate` through stdin, and what the report of a flagship journal says about
//! ratings and the ransom deadline before and after an evaluator rates it.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

const FLAGSHIP: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/scenarios/saturday-night-blackout.ron"
);

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_downtime"))
}

fn play(journal: &Path, policy: &str, seed: u64) {
    let out = bin()
        .args(["run", FLAGSHIP, "--policy", policy, "--seed"])
        .arg(seed.to_string())
        .arg("--journal")
        .arg(journal)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn report(journal: &Path, extra: &[&str]) -> String {
    let out = bin()
        .arg("report")
        .arg(journal)
        .args(extra)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn json(journal: &Path) -> serde_json::Value {
    serde_json::from_str(&report(journal, &["--format", "json"])).unwrap()
}

#[test]
fn refusing_the_ransom_is_never_a_missed_deadline() {
    let dir = tempfile::tempdir().unwrap();
    for seed in 1..=4 {
        let j = dir.path().join(format!("bp-{seed}.jsonl"));
        play(&j, "best-practice", seed);
        let doc = json(&j);
        let r = &doc["reports"][0];
        let ransom = r["deadlines"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["id"] == "ransom_deadline")
            .unwrap();
        assert_eq!(ransom["kind"], "threat");
        assert_ne!(ransom["status"], "missed");
        assert_eq!(r["results"]["deadlines_missed"], 0, "seed {seed}");
        let md = report(&j, &[]);
        assert!(
            !md.contains("Deadline missed: The attackers"),
            "seed {seed}"
        );
    }
}

#[test]
fn ratings_are_pending_until_downtime_evaluate_rates_them() {
    let dir = tempfile::tempdir().unwrap();
    let j = dir.path().join("flagship.jsonl");
    play(&j, "best-practice", 3);
    let doc = json(&j);
    let objectives = doc["reports"][0]["objectives"].as_array().unwrap().clone();
    assert_eq!(objectives.len(), 6);
    for o in &objectives {
        assert_eq!(o["rating"], "pending");
        assert_ne!(o["suggested"], "not_rated");
    }
    let md = report(&j, &[]);
    assert!(md.contains("pending evaluator"));
    assert!(md.contains("(suggestion)"));
    // No letter grade unless asked for.
    assert_eq!(
        doc["reports"][0]["results"]["score"]["grade"],
        serde_json::Value::Null
    );
    let graded: serde_json::Value =
        serde_json::from_str(&report(&j, &["--format", "json", "--grade"])).unwrap();
    assert!(graded["reports"][0]["results"]["score"]["grade"].is_object());

    // contain: P with a note; care: a typo, then S; coordinate: kept; then the input ends.
    let mut child = bin()
        .arg("evaluate")
        .arg(&j)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"p\nFast containment.\nx\nS\n\n\n")
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains("suggested P"), "{stdout}");
    assert!(stdout.contains("Type P, S, M or U"), "{stdout}");
    assert!(stdout.contains("2 rating(s) saved"), "{stdout}");
    assert!(
        stdout.contains("4 objective(s) still pending evaluator"),
        "{stdout}"
    );

    let doc = json(&j);
    let o = doc["reports"][0]["objectives"].as_array().unwrap();
    assert_eq!(o[0]["rating"], "P");
    assert_eq!(o[0]["note"], "Fast containment.");
    assert_eq!(o[1]["rating"], "S");
    assert_eq!(o[1]["note"], "");
    assert_eq!(o[2]["rating"], "pending");
    let md = report(&j, &[]);
    assert!(md.contains("Evaluator's note: Fast containment."), "{md}");
}
