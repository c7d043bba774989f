//! Keeps the author's guide, `scenarios/README.md`, honest: every diagnostic code has its own
//! section, every field of the format has a row in the reference table of its structure (and
//! no table lists a field that does not exist), and every scenario the guide presents as
//! complete loads without a single diagnostic.

use std::collections::BTreeSet;

use downtime::scenario::diagnostics::Code;
use downtime::scenario::files::NoFiles;
use downtime::scenario::load::{hash_bytes, load_str};

const GUIDE: &str = "scenarios/README.md";

fn guide() -> String {
    std::fs::read_to_string(GUIDE).expect("scenarios/README.md exists")
}

#[test]
fn every_diagnostic_code_has_its_own_section() {
    let text = guide();
    let headings: BTreeSet<&str> = text
        .lines()
        .filter_map(|l| l.strip_prefix("### "))
        .map(str::trim)
        .collect();
    for code in Code::ALL {
        assert!(
            headings.contains(code.as_str()),
            "scenarios/README.md has no `### {code}` section"
        );
    }
}

/// A scenario in which every structure of the format holds the unknown field `zzqqx`, so
/// that the loader lists, for each structure, the fields it accepts.
const EVERY_STRUCT: &str = r#"Scenario(
    zzqqx: 0,
    format: 2,
    meta: (zzqqx: 0, id: "m", title: "M",
        objectives: [(zzqqx: 0, id: "o", text: "O")],
        sources: [(zzqqx: 0, title: "S")]),
    teams: [(zzqqx: 0, id: "t", name: "T")],
    cast: [(zzqqx: 0, id: "k", name: "K")],
    clock: (zzqqx: 0, start: "2025-01-01T00:00", step: "15m", end: "1h"),
    phases: [(zzqqx: 0, id: "p", title: "P", start: "0m")],
    parameters: [(zzqqx: 0, id: "b", label: "B", kind: Bool, default: true)],
    metrics: [(zzqqx: 0, id: "x", label: "X", start: 1,
        thresholds: [(zzqqx: 0, below: 1, label: "low")])],
    flags: [(zzqqx: 0, id: "f")],
    counters: [(zzqqx: 0, id: "c")],
    systems: [(zzqqx: 0, id: "s", name: "S")],
    services: [(zzqqx: 0, id: "v", name: "V", depends_on: ["s"])],
    injects: [(zzqqx: 0, id: "i", title: "I", at: "0m",
        decision: (zzqqx: 0, team: "t", prompt: "P?",
            options: [(zzqqx: 0, id: "a", label: "A",
                outcomes: [(zzqqx: 0, label: "O")])],
            timeout: (zzqqx: 0, scenario: "1h", default: "a")))],
    actions: [(zzqqx: 0, id: "act", label: "Act")],
    deadlines: [(zzqqx: 0, id: "d", label: "D", duration: "1h")],
    random_events: [(zzqqx: 0, id: "r", chance: 0.5, effects: ["x += 1", "start(d)"])],
    endings: [(zzqqx: 0, id: "e", title: "E", default: true)],
    scoring: (zzqqx: 0, grades: [(zzqqx: 0, min: 0, grade: "A")],
        checks: [(zzqqx: 0, id: "k", title: "K", when: "true", objective: "o")]),
)"#;

/// Every structure of the format and the fields the loader accepts in it.
fn fields_by_struct() -> Vec<(String, BTreeSet<String>)> {
    let loaded = load_str("every-struct.ron", EVERY_STRUCT, String::new(), &NoFiles);
    let mut out: Vec<(String, BTreeSet<String>)> = Vec::new();
    for d in &loaded.report.diagnostics {
        assert_eq!(d.code, Code::UnknownField, "unexpected diagnostic: {d:?}");
        let help = d.help.as_deref().unwrap_or_default();
        let (name, list) = help
            .strip_prefix("fields of `")
            .and_then(|h| h.split_once("`: "))
            .unwrap_or_else(|| panic!("unexpected hint for an unknown field: {help}"));
        let fields = list.split(", ").map(str::to_string).collect();
        if !out.iter().any(|(n, _)| n == name) {
            out.push((name.to_string(), fields));
        }
    }
    out
}

/// The first-column names of the table that follows `<!-- fields: NAME -->`.
fn documented_fields(text: &str, name: &str) -> Option<BTreeSet<String>> {
    let marker = format!("<!-- fields: {name} -->");
    let rest = &text[text.find(&marker)? + marker.len()..];
    let rows = rest
        .lines()
        .skip_while(|l| !l.starts_with('|'))
        .take_while(|l| l.starts_with('|'))
        .skip(2);
    Some(
        rows.filter_map(|row| {
            let cell = row.split('|').nth(1)?.trim();
            Some(cell.trim_matches('`').to_string())
        })
        .collect(),
    )
}

#[test]
fn every_field_of_every_structure_is_in_the_reference() {
    let text = guide();
    let structs = fields_by_struct();
    assert!(
        structs.len() >= 25,
        "expected every structure of the format to report its fields, got {}",
        structs.len()
    );
    for (name, fields) in &structs {
        let documented = documented_fields(&text, name).unwrap_or_else(|| {
            panic!("scenarios/README.md has no `<!-- fields: {name} -->` table")
        });
        assert_eq!(
            &documented, fields,
            "the reference table of `{name}` does not list exactly its fields"
        );
    }
}

/// The fenced RON blocks preceded by a `<!-- check -->` line.
fn checked_blocks(text: &str) -> Vec<(usize, String)> {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        if l.trim() != "<!-- check -->" {
            continue;
        }
        let open = lines.get(i + 1).copied().unwrap_or_default();
        assert_eq!(
            open.trim(),
            "```ron",
            "line {}: `<!-- check -->` must be followed by a ```ron block",
            i + 1
        );
        let body: Vec<&str> = lines[i + 2..]
            .iter()
            .take_while(|l| l.trim() != "```")
            .copied()
            .collect();
        out.push((i + 3, body.join("\n")));
    }
    out
}

#[test]
fn every_complete_scenario_in_the_guide_loads_cleanly() {
    let text = guide();
    let blocks = checked_blocks(&text);
    assert!(
        blocks.len() >= 2,
        "the walk-through should mark its complete scenarios with `<!-- check -->`"
    );
    for (line, ron) in blocks {
        let name = format!("scenarios/README.md:{line}");
        let loaded = load_str(&name, &ron, hash_bytes(ron.as_bytes()), &NoFiles);
        assert!(
            loaded.report.diagnostics.is_empty() && loaded.scenario.is_some(),
            "the scenario at {name} does not load cleanly:\n{}",
            loaded.report.render_text(100)
        );
    }
}

/// Every code's section, as the binary embeds it, opens with the code's severity and title
/// and shows the mistake and its fix.
#[test]
fn every_code_has_an_embedded_section_with_an_example() {
    for &code in Code::ALL {
        let section = downtime::scenario::guide::section(code)
            .unwrap_or_else(|| panic!("the embedded guide has no section for {code}"));
        let sev = match code.severity() {
            downtime::scenario::diagnostics::Severity::Error => "error",
            downtime::scenario::diagnostics::Severity::Warning => "warning",
        };
        let opening = format!("**{sev}: {}.**", code.title());
        assert!(
            section.starts_with(&opening),
            "the section of {code} should open with `{opening}`"
        );
        assert!(
            section.contains("Bad"),
            "the section of {code} has no example"
        );
        assert!(
            section.contains(&format!("[{code}]")),
            "the section of {code} should show what `downtime check` prints"
        );
    }
}

fn explain(args: &[&str]) -> (i32, String, String) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_downtime"))
        .arg("explain")
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn explain_prints_a_codes_section_as_plain_text() {
    let (code, out, err) = explain(&["dt0006"]);
    assert_eq!(code, 0, "{err}");
    assert!(!out.contains("**") && !out.contains("```") && !out.contains("](#"));
    insta::assert_snapshot!("explain-DT0006", out);
    let (_, upper, _) = explain(&["DT0006"]);
    assert_eq!(upper, out);
}

#[test]
fn explain_lists_every_code_and_refuses_unknown_ones() {
    let (code, out, _) = explain(&[]);
    assert_eq!(code, 0);
    for &c in Code::ALL {
        assert!(
            out.lines()
                .any(|l| l.starts_with(c.as_str()) && l.ends_with(c.title())),
            "{c} missing from:\n{out}"
        );
    }
    let (code, out, err) = explain(&["DT0600"]);
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert_eq!(
        err,
        "downtime explain: unknown diagnostic code `DT0600`; did you mean `DT0006`? `downtime explain` lists every code\n"
    );
    let (code, _, err) = explain(&["banana"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("unknown diagnostic code `banana`; `downtime explain` lists"),
        "{err}"
    );
}

/// Hints never send authors to a file the installed binary does not have.
#[test]
fn hints_point_at_explain_not_at_the_guides_path() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/scenario");
    let mut stack = vec![root];
    while let Some(dir) = stack.pop() {
        for e in std::fs::read_dir(&dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "rs") {
                let text = std::fs::read_to_string(&p).unwrap();
                for (n, line) in text.lines().enumerate() {
                    let t = line.trim_start();
                    assert!(
                        t.starts_with("//") || !t.contains("see scenarios/README"),
                        "{}:{}: a hint points at scenarios/README.md; say `downtime explain CODE`",
                        p.display(),
                        n + 1
                    );
                }
            }
        }
    }
}
