//! `downtime graph`: golden files for both formats, structural checks, and (when Graphviz
//! is installed) a real `dot` render.

use std::io::Write;
use std::process::{Command, Stdio};

use downtime::graph::{self, Graph, dot, mermaid};

const TUTORIAL: &str = "scenarios/tutorial.ron";
const FIXTURE: &str = "tests/fixtures/scenarios/dead-option.ron";

fn load(path: &str) -> Graph {
    graph::load(std::path::Path::new(path)).unwrap()
}

fn safe_id(id: &str) -> bool {
    !id.is_empty() && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

#[test]
fn dot_golden_tutorial() {
    insta::assert_snapshot!("tutorial.dot", dot::render(&load(TUTORIAL)));
}

#[test]
fn mermaid_golden_tutorial() {
    insta::assert_snapshot!("tutorial.mmd", mermaid::render(&load(TUTORIAL)));
}

#[test]
fn dot_golden_fixture() {
    insta::assert_snapshot!("dead-option.dot", dot::render(&load(FIXTURE)));
}

#[test]
fn mermaid_golden_fixture() {
    insta::assert_snapshot!("dead-option.mmd", mermaid::render(&load(FIXTURE)));
}

#[test]
fn every_edge_joins_declared_nodes_with_safe_ids() {
    for path in [TUTORIAL, FIXTURE] {
        let g = load(path);
        let ids: Vec<&str> = g.nodes.iter().map(|n| n.id.as_str()).collect();
        let mut sorted = ids.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(sorted.len(), ids.len(), "duplicate node ids in {path}");
        for id in &ids {
            assert!(safe_id(id), "{id}");
        }
        for e in &g.edges {
            assert!(
                ids.contains(&e.from.as_str()),
                "{path}: {} -> {}",
                e.from,
                e.to
            );
            assert!(
                ids.contains(&e.to.as_str()),
                "{path}: {} -> {}",
                e.from,
                e.to
            );
        }
    }
}

#[test]
fn the_fixture_graph_has_every_kind_of_edge() {
    let g = load(FIXTURE);
    let has = |from: &str, to: &str, label: &str| {
        g.edges
            .iter()
            .any(|e| e.from == from && e.to == to && e.lines.join(" ") == label)
    };
    assert!(has("START", "I_outage", "at T+00:00"));
    assert!(has("I_outage", "I_leak", "after +2h"));
    assert!(has("O_response_0", "I_statement", "then +30m"));
    assert!(has("O_response_0", "I_leak", "cancel"));
    assert!(has("O_response_1", "I_leak", "schedule +1h"));
    assert!(has("I_outage", "L_notify", "start"));
    assert!(has("O_speak_0", "L_notify", "meet"));
    assert!(has("L_notify", "I_rumour", "if missed: schedule"));
    assert!(has("O_speak_1", "E_disgrace", "“Scandal” (otherwise): end"));
    assert!(has("START", "I_audit", "when contained && elapsed >= 2h"));
    assert!(has("START", "E_windfall", "when cost > 900"));
    assert!(has("START", "E_done", "clock ends at T+06:00"));
    assert!(has("START", "R_gossip", "every step"));
    assert!(has("D_response", "O_response_1", "default on timeout"));
    // A condition that reads a deadline comes from the deadline's node.
    let tut = load(TUTORIAL);
    assert!(tut.edges.iter().any(|e| e.from == "L_report_incident"
        && e.to == "I_agency_call"
        && e.lines.join(" ") == "when elapsed >= 1h && !met(report_incident)"));
    // Requirements and chances keep their source text.
    let opt = g.nodes.iter().find(|n| n.id == "O_response_2").unwrap();
    assert!(
        opt.lines.contains(&"requires trust > 150".to_string()),
        "{:?}",
        opt.lines
    );
    let st = g.nodes.iter().find(|n| n.id == "I_statement").unwrap();
    assert!(
        st.lines.contains(&"chance 50%".to_string()),
        "{:?}",
        st.lines
    );
}

#[test]
fn mermaid_labels_are_quoted_and_escaped() {
    let text = mermaid::render(&load(FIXTURE));
    let body = text.split("\n---\n").nth(1).unwrap();
    for line in body.lines() {
        assert_eq!(
            line.matches('"').count() % 2,
            0,
            "unbalanced quotes: {line}"
        );
        let stripped = line
            .replace("<br/>", "")
            .replace("-.->", "")
            .replace("-->", "");
        assert!(!stripped.contains(['<', '>']), "raw angle bracket: {line}");
    }
    // The inject title `The network is down <and> it's "bad"` is written with entity codes.
    assert!(
        text.contains("The network is down #lt;and#gt; it's<br/>#quot;bad#quot;"),
        "{text}"
    );
    assert!(text.contains("Wait #124; see"), "{text}");
    assert!(
        text.contains("title: \"Dead option \\\"fixture\\\"\""),
        "{text}"
    );
}

#[test]
fn dot_renders_with_graphviz_when_installed() {
    let Ok(status) = Command::new("dot").arg("-V").stderr(Stdio::null()).status() else {
        eprintln!("Graphviz `dot` is not installed: render check skipped");
        return;
    };
    assert!(status.success());
    for path in [TUTORIAL, FIXTURE] {
        let out = Command::new(env!("CARGO_BIN_EXE_downtime"))
            .args(["graph", path])
            .output()
            .unwrap();
        assert!(out.status.success());
        let mut child = Command::new("dot")
            .arg("-Tsvg")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        child.stdin.take().unwrap().write_all(&out.stdout).unwrap();
        let res = child.wait_with_output().unwrap();
        let err = String::from_utf8_lossy(&res.stderr);
        assert!(res.status.success(), "{path}: {err}");
        assert!(err.trim().is_empty(), "{path}: dot warned: {err}");
        let svg = String::from_utf8_lossy(&res.stdout);
        assert!(svg.contains("<svg"), "{path}");
        assert!(svg.contains("inject alert") || svg.contains("inject outage"));
    }
}

#[test]
fn cli_reports_errors_and_formats() {
    let bin = env!("CARGO_BIN_EXE_downtime");
    let out = Command::new(bin)
        .args(["graph", TUTORIAL, "--format", "mermaid"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("\nflowchart LR\n"));
    let out = Command::new(bin)
        .args(["graph", "no/such.ron"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot be drawn"));
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.ron");
    std::fs::write(&bad, "Scenario(format: 1)").unwrap();
    let out = Command::new(bin).arg("graph").arg(&bad).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
}
