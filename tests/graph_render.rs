//! `downtime graph`: golden files for both formats, structural checks, and (when Graphviz
//! is installed) a real `dot` render, also of hostile text: a hostile scenario and graphs of
//! arbitrary strings print no control character, and `dot` shows their labels as written.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use downtime::graph::{self, Edge, EdgeStyle, Graph, Node, NodeKind, dot, mermaid};
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::TestRunner;

const TUTORIAL: &str = "scenarios/tutorial.ron";
const FIXTURE: &str = "tests/fixtures/scenarios/dead-option.ron";
/// Format 2: conditional effects, shown as edges labelled with their branch.
const CONDITIONAL: &str = "tests/fixtures/scenarios/conditional.ron";
/// Format 2: a curveball pool, hidden injects and phases with `on_enter`.
const POOLS: &str = "tests/fixtures/scenarios/pools.ron";

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
fn curveballs_hidden_injects_and_phases_are_drawn_apart() {
    let g = load(POOLS);
    let kind = |id: &str| g.nodes.iter().find(|n| n.id == id).map(|n| n.kind);
    assert_eq!(kind("I_press_call"), Some(NodeKind::Curveball));
    assert_eq!(kind("I_backdoor"), Some(NodeKind::Hidden));
    assert_eq!(kind("I_alert"), Some(NodeKind::Inject));
    assert_eq!(kind("P_sunday"), Some(NodeKind::Phase));
    assert!(
        g.edges
            .iter()
            .any(|e| e.from == "P_sunday" && e.to == "L_notify")
    );
    insta::assert_snapshot!("pools.dot", dot::render(&g));
    insta::assert_snapshot!("pools.mmd", mermaid::render(&g));
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
fn conditional_effects_are_labelled_branches() {
    let g = load(CONDITIONAL);
    let label = |to: &str| {
        g.edges
            .iter()
            .filter(|e| e.to == to)
            .map(|e| e.lines.join(" "))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        label("I_leak"),
        ["unless net_cut: schedule +2h", "if trust >= 60: cancel"]
    );
    assert_eq!(
        label("E_collapse"),
        ["unless trust >= 60: if fired(ransom): end"]
    );
    insta::assert_snapshot!("conditional.dot", dot::render(&g));
    insta::assert_snapshot!("conditional.mmd", mermaid::render(&g));
}

#[test]
fn every_edge_joins_declared_nodes_with_safe_ids() {
    for path in [TUTORIAL, FIXTURE, CONDITIONAL] {
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
        && e.lines.join(" ")
            == "when elapsed >= 1h && started(report_incident) && !met(report_incident)"));
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

/// Whether Graphviz `dot` can be run; says so on stderr when it cannot.
fn dot_installed() -> bool {
    let ok = Command::new("dot")
        .arg("-V")
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !ok {
        eprintln!("Graphviz `dot` is not installed: render check skipped");
    }
    ok
}

/// Runs `dot -T<format>` on the text; panics if it fails or warns. Returns its output.
fn run_dot(format: &str, text: &str, what: &str) -> Vec<u8> {
    let mut child = Command::new("dot")
        .arg(format!("-T{format}"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(text.as_bytes())
        .unwrap();
    let res = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&res.stderr);
    assert!(res.status.success(), "{what}: {err}\n{text}");
    assert!(err.trim().is_empty(), "{what}: dot warned: {err}\n{text}");
    res.stdout
}

/// Panics if the text holds a control character but newline and tab (ESC, BEL, CR, other
/// C0, DEL, C1), a bidirectional control, or anything else `crate::text` calls dangerous.
fn assert_no_control(what: &str, bytes: &[u8]) {
    let text = std::str::from_utf8(bytes).unwrap_or_else(|e| panic!("{what}: not UTF-8: {e}"));
    for (i, c) in text.char_indices() {
        let u = c as u32;
        let bad = (u < 0x20 && c != '\n' && c != '\t')
            || u == 0x7f
            || (0x80..=0x9f).contains(&u)
            || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' | '\u{61c}')
            || (downtime::text::is_dangerous(c) && c != '\n' && c != '\t');
        assert!(!bad, "{what}: U+{u:04X} at byte {i}");
    }
}

const HOSTILE: &str = "tests/fixtures/hostile/hostile.ron";
/// The hostile fixture's payload, as the console shows it.
const SHOWN: &str = "␛]52;c;ZXZpbA==␇␛]0;pwned␇␛[2J␛[10;10H�31m�␍␈";
const RAW: &str = "\\u{1b}]52;c;ZXZpbA==\\u{7}\\u{1b}]0;pwned\\u{7}\\u{1b}[2J\\u{1b}[10;10H\\u{9b}31m\\u{202e}\\r\\u{8}";

/// A copy of the hostile fixture whose scenario id carries the payload too (the validator
/// requires only that it is not empty, and DOT writes it as the graph's name).
fn hostile_with_hostile_id(dir: &Path) -> PathBuf {
    let text = std::fs::read_to_string(HOSTILE).unwrap();
    let text = text.replacen(
        "id: \"hostile\",",
        &format!("id: \"hostile {RAW} \\\" \\\\ end\","),
        1,
    );
    assert!(text.contains("hostile \\u{1b}"), "the fixture's id changed");
    let p = dir.join("hostile.ron");
    std::fs::write(&p, text).unwrap();
    std::fs::create_dir_all(dir.join("attachments")).unwrap();
    for entry in std::fs::read_dir("tests/fixtures/hostile/attachments").unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(
            entry.path(),
            dir.join("attachments").join(entry.file_name()),
        )
        .unwrap();
    }
    p
}

#[test]
fn hostile_scenarios_graph_without_control_characters_and_render() {
    let dir = tempfile::tempdir().unwrap();
    let renamed = hostile_with_hostile_id(dir.path());
    let dot_ok = dot_installed();
    // A hostile scenario id is refused, and its diagnostic is as clean as the graph.
    for format in ["dot", "mermaid"] {
        let out = Command::new(env!("CARGO_BIN_EXE_downtime"))
            .arg("graph")
            .arg(&renamed)
            .args(["--format", format])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1));
        assert_no_control("graph of a hostile id (stdout)", &out.stdout);
        assert_no_control("graph of a hostile id (stderr)", &out.stderr);
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(err.contains("is not a valid scenario id"), "{err}");
    }
    for path in [PathBuf::from(HOSTILE)] {
        for format in ["dot", "mermaid"] {
            let out = Command::new(env!("CARGO_BIN_EXE_downtime"))
                .arg("graph")
                .arg(&path)
                .args(["--format", format])
                .output()
                .unwrap();
            let what = format!("graph --format {format} {}", path.display());
            assert!(out.status.success(), "{what}");
            assert_no_control(&format!("{what} (stdout)"), &out.stdout);
            assert_no_control(&format!("{what} (stderr)"), &out.stderr);
            let text = String::from_utf8(out.stdout).unwrap();
            assert!(
                text.contains(SHOWN),
                "{what}: the payload is shown:\n{text}"
            );
            if format == "dot" && dot_ok {
                let svg = run_dot("svg", &text, &what);
                assert_no_control(&format!("{what} | dot -Tsvg"), &svg);
                let svg = String::from_utf8(svg).unwrap();
                assert!(svg.contains("<svg"), "{what}");
                assert!(svg.contains("␛]52;c;ZXZpbA==␇"), "{what}: {svg}");
            }
        }
    }
}

/// Text that matters to DOT, Mermaid or a terminal, and any character at all.
fn hostile_text() -> impl Strategy<Value = String> {
    // Words that Mermaid and Graphviz act on.
    let words = prop::sample::select(vec![
        "style",
        "classDef",
        "%%{init: {}}%%",
        "&amp;",
        "&#27;",
        "\\N",
        "\\\"",
        "#quot;",
        "<br/>",
        "end",
    ]);
    let interesting = prop::sample::select(
        "\"\\&;:#%{}[]<>|`nNlr \n\r\t\x1b\x07\x00\x7f\u{85}\u{9b}\u{202e}\u{2066}\u{200f}\u{61c}\u{2028}\u{200b}\u{feff}é中🙂"
            .chars()
            .collect::<Vec<_>>(),
    );
    prop::collection::vec(
        prop_oneof![
            3 => interesting.prop_map(String::from),
            1 => any::<char>().prop_map(String::from),
            1 => words.prop_map(String::from),
        ],
        0..24,
    )
    .prop_map(|v| v.concat())
}

#[test]
fn dot_shows_arbitrary_labels_as_written() {
    if !dot_installed() {
        return;
    }
    // A fixed sample of arbitrary labels, one node (and one edge) each, in one graph.
    let mut runner = TestRunner::deterministic();
    let lines = prop::collection::vec(hostile_text(), 0..4);
    let mut g = Graph {
        name: hostile_text().new_tree(&mut runner).unwrap().current(),
        title: hostile_text().new_tree(&mut runner).unwrap().current(),
        nodes: Vec::new(),
        edges: Vec::new(),
    };
    for i in 0..64 {
        let id = format!("N{i}");
        g.nodes.push(Node {
            id: id.clone(),
            kind: NodeKind::Inject,
            lines: lines.new_tree(&mut runner).unwrap().current(),
        });
        g.edges.push(Edge {
            from: id,
            to: format!("N{}", (i + 1) % 64),
            lines: lines.new_tree(&mut runner).unwrap().current(),
            style: EdgeStyle::Solid,
        });
    }
    let text = dot::render(&g);
    assert_no_control("dot::render", text.as_bytes());
    let json = run_dot("json", &text, "a sample of arbitrary labels");
    let json: serde_json::Value = serde_json::from_slice(&json).unwrap();
    // Graphviz draws each non-empty line of a label as one text operation.
    let drawn = |v: &serde_json::Value| -> Vec<String> {
        v["_ldraw_"]
            .as_array()
            .into_iter()
            .flatten()
            .filter(|op| op["op"] == "T")
            .map(|op| op["text"].as_str().unwrap().to_string())
            .collect()
    };
    let wanted = |lines: &[String]| -> Vec<String> {
        graph::label_lines(lines)
            .into_iter()
            .filter(|l| !l.is_empty())
            .collect()
    };
    assert_eq!(drawn(&json), wanted(std::slice::from_ref(&g.title)));
    let objects = json["objects"].as_array().unwrap();
    assert_eq!(objects.len(), g.nodes.len());
    for (o, n) in objects.iter().zip(&g.nodes) {
        assert_eq!(o["name"], n.id.as_str());
        assert_eq!(drawn(o), wanted(&n.lines), "{:?}", n.lines);
    }
    let edges = json["edges"].as_array().unwrap();
    assert_eq!(edges.len(), g.edges.len());
    for (e, want) in edges.iter().zip(&g.edges) {
        assert_eq!(drawn(e), wanted(&want.lines), "{:?}", want.lines);
    }
}
