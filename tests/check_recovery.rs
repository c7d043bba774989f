//! Every problem in one pass (issue 16, item 7): `downtime check` on a file with a syntax
//! error, a type error and an unknown field in three injects reports all three, each with
//! `file:line:col`, a snippet and a hint; past 100 diagnostics it says how many more.

use std::process::{Command, Stdio};

const FIXTURE: &str = "tests/fixtures/scenarios/three_mistakes.ron";

/// Runs `downtime check` on `path`: its exit code and standard output.
fn check(path: &str) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_downtime"))
        .args(["check", path])
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
    )
}

/// The output split into one block per diagnostic (each starts with `error[` or `warning[`).
fn blocks(out: &str) -> Vec<String> {
    let mut blocks: Vec<String> = Vec::new();
    for line in out.lines() {
        if line.starts_with("error[") || line.starts_with("warning[") {
            blocks.push(String::new());
        }
        if let Some(b) = blocks.last_mut() {
            b.push_str(line);
            b.push('\n');
        }
    }
    blocks
}

#[test]
fn three_mistakes_in_three_injects_are_all_reported() {
    let (code, out) = check(FIXTURE);
    assert_eq!(code, 1, "{out}");
    let blocks = blocks(&out);
    assert_eq!(blocks.len(), 3, "{out}");
    let expected = [
        (
            "error[DT0001]",
            ":16:13",
            "did you forget a comma",
            "at: \"0m\",",
        ),
        ("error[DT0004]", ":28:20", "double quotes", "title: 42,"),
        (
            "error[DT0002]",
            ":36:13",
            "did you mean `severity`?",
            "sevrity: High,",
        ),
    ];
    for (block, (code, place, hint, snippet)) in blocks.iter().zip(expected) {
        assert!(
            block.starts_with(&format!("{code}: {FIXTURE}{place}")),
            "{block}"
        );
        assert!(
            block.contains(&format!("help: {hint}")) || block.contains(hint),
            "{block}"
        );
        assert!(block.contains("help:"), "no hint: {block}");
        // The snippet: the offending line, numbered, under the location.
        let line = place.split(':').nth(1).unwrap();
        assert!(
            block
                .lines()
                .any(|l| l.trim_start().starts_with(&format!("{line} │")) && l.contains(snippet)),
            "no snippet: {block}"
        );
    }
    assert!(out.contains("3 errors"), "{out}");
}

#[test]
fn more_than_a_hundred_problems_end_with_a_count() {
    let text = std::fs::read_to_string(FIXTURE).unwrap();
    // 150 unknown fields in the `leak` inject, one a line.
    let extra: String = (0..150)
        .map(|i| format!("\n            zz{i}: 1,"))
        .collect();
    let text = text.replace(
        "(id: \"leak\", title: \"Data on a leak site\",",
        &format!("(id: \"leak\", title: \"Data on a leak site\",{extra}"),
    );
    let dir = std::env::temp_dir().join(format!("downtime-recovery-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("many.ron");
    std::fs::write(&path, text).unwrap();
    let (code, out) = check(path.to_str().unwrap());
    std::fs::remove_dir_all(&dir).ok();
    assert_eq!(code, 1);
    assert_eq!(blocks(&out).len(), 100, "{out}");
    // 3 + 150 problems, sorted by position: the last shown is the 97th unknown field.
    assert!(out.contains("\nand 53 more\n"), "{out}");
    assert!(
        out.contains("unknown field `zz96`") && !out.contains("`zz97`"),
        "{out}"
    );
    assert!(out.contains("153 errors"), "{out}");
}

#[test]
fn the_report_is_the_same_every_time() {
    let (_, first) = check(FIXTURE);
    let (_, second) = check(FIXTURE);
    assert_eq!(first, second);
}
