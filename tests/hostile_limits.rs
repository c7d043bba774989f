//! Every limit on untrusted input, one test each, asserting the message an author or a
//! facilitator sees: file size, nesting depth, items and values, string length, number of
//! injects, options, outcomes and effects, expression length and depth, clock steps,
//! attachment size and journal line size.

mod common;

use std::process::Command;

use downtime::scenario::diagnostics::Code;
use downtime::scenario::expr::{MAX_EXPR_DEPTH, MAX_EXPR_LEN};
use downtime::scenario::files::NoFiles;
use downtime::scenario::load_str;
use downtime::scenario::validate::{MAX_EFFECTS, MAX_INJECTS, MAX_OPTIONS, MAX_OUTCOMES};

/// The diagnostics of a scenario text, as `(code, message)`.
fn diagnostics(text: &str) -> Vec<(Code, String)> {
    let loaded = load_str("limits.ron", text, "sha256:test".into(), &NoFiles);
    assert!(loaded.scenario.is_none(), "the scenario should be refused");
    loaded
        .report
        .diagnostics
        .iter()
        .map(|d| (d.code, d.message.clone()))
        .collect()
}

/// Asserts that a DT0021 ("scenario too large") diagnostic says `message`.
fn assert_too_large(text: &str, message: &str) {
    assert_refused(text, Code::TooLarge, message);
}

/// Asserts that a diagnostic with `code` says `message`.
fn assert_refused(text: &str, code: Code, message: &str) {
    let d = diagnostics(text);
    assert!(
        d.iter().any(|(c, m)| *c == code && m.contains(message)),
        "no {code:?} saying `{message}` in {d:?}"
    );
}

/// A scenario with one decision whose option text is given.
fn with_option(option: &str) -> String {
    common::mini_text(&format!(
        r#"injects: [(id: "i", title: "I", at: "0m", decision: (team: "a", prompt: "?", options: [{option}, (id: "other", label: "Other")]))],
        endings: [(id: "e", title: "E", default: true)],"#
    ))
}

fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_downtime")
}

#[test]
fn file_size() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("huge.ron");
    let f = std::fs::File::create(&p).unwrap();
    f.set_len(downtime::scenario::load::MAX_FILE_SIZE + 1)
        .unwrap();
    let out = Command::new(bin())
        .args(["check", p.to_str().unwrap()])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(text.contains("DT0021"), "{text}");
    assert!(
        text.contains("16.0 MiB; files are limited to 16 MiB"),
        "{text}"
    );
}

#[test]
fn nesting_depth() {
    let text = format!("{}1{}", "[".repeat(65), "]".repeat(65));
    assert_too_large(&text, "nesting deeper than 64 levels");
}

#[test]
fn items_in_one_list() {
    let text = common::mini_text(&format!(
        "injects: [], endings: [], scoring: (grades: [{}]),",
        "(min: 0, grade: \"A\"),".repeat(100_001)
    ));
    assert_too_large(&text, "more than 100000 items in one list");
}

#[test]
fn string_length() {
    let text = common::mini_text(&format!(
        r#"injects: [(id: "i", title: "I", at: "0m", body: "{}")], endings: [(id: "e", title: "E", default: true)],"#,
        "x".repeat((1 << 20) + 1)
    ));
    assert_too_large(&text, "a string longer than 1048576 bytes");
}

#[test]
fn number_of_injects() {
    let injects: String = (0..=MAX_INJECTS)
        .map(|i| format!("(id: \"i{i}\", title: \"T\"),"))
        .collect();
    let text = common::mini_text(&format!(
        "injects: [{injects}], endings: [(id: \"e\", title: \"E\", default: true)],"
    ));
    assert_too_large(&text, &format!("more than {MAX_INJECTS} injects"));
}

#[test]
fn number_of_options() {
    let options: String = (0..MAX_OPTIONS)
        .map(|i| format!("(id: \"o{i}\", label: \"O\", effects: [\"m += {i}\"]),"))
        .collect();
    let text = with_option(options.trim_end_matches(','));
    assert_too_large(&text, &format!("more than {MAX_OPTIONS} options"));
}

#[test]
fn number_of_outcomes() {
    let outcomes: String = (0..=MAX_OUTCOMES)
        .map(|i| format!("(label: \"L{i}\", chance: 0.001),"))
        .collect();
    let text = with_option(&format!(
        "(id: \"many\", label: \"Many\", outcomes: [{outcomes}])"
    ));
    assert_too_large(
        &text,
        &format!("option `many` has more than {MAX_OUTCOMES} outcomes"),
    );
}

#[test]
fn number_of_effects() {
    let effects: String = (0..=MAX_EFFECTS).map(|_| "\"m += 1\",").collect();
    let text = with_option(&format!(
        "(id: \"busy\", label: \"Busy\", effects: [{effects}])"
    ));
    assert_too_large(
        &text,
        &format!("more than {MAX_EFFECTS} effects in one list"),
    );
}

#[test]
fn expression_length() {
    let long = format!("m > 1{}", " ".repeat(MAX_EXPR_LEN));
    let text = with_option(&format!(
        "(id: \"long\", label: \"Long\", requires: \"{long}\")"
    ));
    assert_refused(
        &text,
        Code::ExprSyntax,
        &format!(
            "expression is {} bytes long; the limit is {MAX_EXPR_LEN}",
            long.len()
        ),
    );
}

#[test]
fn expression_depth() {
    let deep = format!(
        "{}m > 1{}",
        "(".repeat(MAX_EXPR_DEPTH + 1),
        ")".repeat(MAX_EXPR_DEPTH + 1)
    );
    let text = with_option(&format!(
        "(id: \"deep\", label: \"Deep\", requires: \"{deep}\")"
    ));
    assert_refused(
        &text,
        Code::ExprSyntax,
        &format!("expression nested deeper than {MAX_EXPR_DEPTH} levels"),
    );
}

#[test]
fn clock_steps() {
    // A week of one-second steps: `next inject` would step 604,800 times.
    let text = common::mini_text(
        r#"clock: (start: "2024-01-06T21:00", step: "1s", end: "7d"),
        injects: [(id: "i", title: "I", at: "0m")], endings: [(id: "e", title: "E", default: true)],"#,
    );
    assert_too_large(
        &text,
        "the clock takes 604800 steps to reach its end; the limit is 100000",
    );
    // Phases count with their own steps: one hour of seconds, then days of hours.
    let text = common::mini_text(
        r#"clock: (start: "2024-01-06T21:00", step: "1h", end: "30d"),
        phases: [(id: "a", title: "A", start: "0m", step: "1s"), (id: "b", title: "B", start: "1h")],
        injects: [(id: "i", title: "I", at: "0m")], endings: [(id: "e", title: "E", default: true)],"#,
    );
    let loaded = load_str("steps.ron", &text, "sha256:t".into(), &NoFiles);
    assert!(loaded.scenario.is_some(), "3600 + 719 steps are fine");
}

#[test]
fn attachment_size() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("big.txt"),
        "x".repeat(downtime::scenario::files::MAX_ATTACHMENT as usize + 1),
    )
    .unwrap();
    let p = dir.path().join("att.ron");
    std::fs::write(
        &p,
        common::mini_text(
            r#"injects: [(id: "i", title: "I", at: "0m", attachment: "big.txt")], endings: [(id: "e", title: "E", default: true)],"#,
        ),
    )
    .unwrap();
    let loaded = downtime::scenario::load_file(&p);
    let d: Vec<String> = loaded
        .report
        .diagnostics
        .iter()
        .map(|d| format!("{} {}", d.message, d.help.as_deref().unwrap_or("")))
        .collect();
    assert!(
        d.iter()
            .any(|m| m.contains("attachments are limited to 1048576 bytes (1 MiB)")),
        "{d:?}"
    );
}

#[test]
fn journal_line_size() {
    let sc = downtime::bundled::find("tutorial").unwrap();
    let header = format!(
        r#"{{"journal":"downtime","version":1,"scenario_id":"tutorial","scenario_title":"T","scenario_hash":"sha256:x","scenario_source":"{}","seed":1,"started_at":"2026-01-01T00:00:00Z","downtime":"0.1.0"}}"#,
        sc.source()
    );
    let start = r#"{"seq":1,"t":0,"cmd":"start","params":{},"session":{}}"#;
    let huge = format!(
        r#"{{"seq":2,"t":1,"cmd":"note","text":"{}"}}"#,
        "x".repeat(downtime::journal::MAX_LINE)
    );
    let after = r#"{"seq":3,"t":2,"cmd":"step"}"#;
    let text = format!("{header}\n{start}\n{huge}\n{after}\n");
    let err = downtime::journal::read_journal_text("j.jsonl", text.as_bytes()).unwrap_err();
    assert_eq!(err.to_string(), "j.jsonl:3: line longer than 1048576 bytes");
    // As a complete last line it is refused too: it may be a newer version's entry, and
    // cutting it would lose it.
    let text = format!("{header}\n{start}\n{huge}\n");
    let err = downtime::journal::read_journal_text("j.jsonl", text.as_bytes()).unwrap_err();
    assert_eq!(err.to_string(), "j.jsonl:3: line longer than 1048576 bytes");
    // Without its newline it is a torn write: dropped with a warning, the rest kept.
    let text = format!("{header}\n{start}\n{huge}");
    let read = downtime::journal::read_journal_text("j.jsonl", text.as_bytes()).unwrap();
    assert_eq!(read.entries.len(), 1);
    assert!(
        read.warning
            .as_deref()
            .is_some_and(|w| w.contains("cut short")),
        "{:?}",
        read.warning
    );
}

#[test]
fn journal_file_size() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("huge.jsonl");
    let f = std::fs::File::create(&p).unwrap();
    f.set_len(downtime::journal::MAX_JOURNAL + 1).unwrap();
    let err = downtime::journal::read_journal(&p).unwrap_err();
    assert!(
        err.to_string().contains("files are limited to 256 MiB"),
        "{err}"
    );
}
