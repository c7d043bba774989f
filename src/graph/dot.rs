//! Graphviz `dot` output.

use std::fmt::Write as _;

use super::{EdgeStyle, Graph, NodeKind};

/// Escapes text for a double-quoted DOT string (backslashes and quotes).
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' | '\r' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

/// A label from lines, joined with centred line breaks.
fn label(lines: &[String]) -> String {
    lines.iter().map(|l| esc(l)).collect::<Vec<_>>().join("\\n")
}

fn node_attrs(kind: NodeKind) -> &'static str {
    match kind {
        NodeKind::Start => "shape=oval, style=filled, fillcolor=\"#333333\", fontcolor=white",
        NodeKind::Inject => "shape=box, style=filled, fillcolor=\"#e8f0fe\"",
        NodeKind::Decision => "shape=diamond, style=filled, fillcolor=\"#fff4c2\"",
        NodeKind::Option { recommended: true } => {
            "shape=box, style=\"rounded,filled,bold\", fillcolor=\"#d9f2d9\", color=\"#2e7d32\""
        }
        NodeKind::Option { recommended: false } => {
            "shape=box, style=\"rounded,filled\", fillcolor=\"#f5f5f5\""
        }
        NodeKind::Ending { default: true } => {
            "shape=doubleoctagon, style=filled, fillcolor=\"#dddddd\""
        }
        NodeKind::Ending { default: false } => {
            "shape=doubleoctagon, style=filled, fillcolor=\"#f8d7da\""
        }
        NodeKind::Deadline => "shape=hexagon, style=filled, fillcolor=\"#ffe0b2\"",
        NodeKind::RandomEvent => "shape=parallelogram, style=filled, fillcolor=\"#ede7f6\"",
    }
}

fn edge_attrs(style: EdgeStyle) -> &'static str {
    match style {
        EdgeStyle::Solid => "",
        EdgeStyle::Condition => ", style=dashed, color=\"#1565c0\", fontcolor=\"#1565c0\"",
        EdgeStyle::Cancel => ", style=dotted, color=\"#c62828\", fontcolor=\"#c62828\"",
        EdgeStyle::Choice => ", arrowhead=none, color=\"#888888\"",
    }
}

/// Writes the graph in the Graphviz `dot` language.
pub fn render(g: &Graph) -> String {
    let mut t = String::new();
    let _ = writeln!(t, "digraph \"{}\" {{", esc(&g.name));
    let _ = writeln!(
        t,
        "  label=\"{}\";",
        esc(&crate::text::sanitize_line(&g.title))
    );
    t.push_str("  labelloc=t;\n  rankdir=LR;\n");
    t.push_str("  node [fontname=\"Helvetica\", fontsize=10];\n");
    t.push_str("  edge [fontname=\"Helvetica\", fontsize=9];\n");
    for n in &g.nodes {
        let _ = writeln!(
            t,
            "  {} [label=\"{}\", {}];",
            n.id,
            label(&n.lines),
            node_attrs(n.kind)
        );
    }
    for e in &g.edges {
        let _ = writeln!(
            t,
            "  {} -> {} [label=\"{}\"{}];",
            e.from,
            e.to,
            label(&e.lines),
            edge_attrs(e.style)
        );
    }
    t.push_str("}\n");
    t
}
