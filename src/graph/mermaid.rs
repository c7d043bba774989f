//! Mermaid flowchart output.
//!
//! Labels are always double-quoted; characters Mermaid would interpret (`"`, `#`, `<`, `>`,
//! `&`, `|`, backquote) are written as Mermaid entity codes, and lines are joined with `<br/>`.

use std::fmt::Write as _;

use super::{EdgeStyle, Graph, NodeKind};

/// Escapes one line of text for a quoted Mermaid label.
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '"' => out.push_str("#quot;"),
            '#' => out.push_str("#35;"),
            '<' => out.push_str("#lt;"),
            '>' => out.push_str("#gt;"),
            '&' => out.push_str("#amp;"),
            '|' => out.push_str("#124;"),
            '`' => out.push_str("#96;"),
            '\n' | '\r' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

fn label(lines: &[String]) -> String {
    lines
        .iter()
        .map(|l| esc(l))
        .collect::<Vec<_>>()
        .join("<br/>")
}

fn shape(kind: NodeKind, text: &str) -> String {
    match kind {
        NodeKind::Start => format!("((\"{text}\"))"),
        NodeKind::Inject => format!("[\"{text}\"]"),
        NodeKind::Decision => format!("{{\"{text}\"}}"),
        NodeKind::Option { .. } => format!("(\"{text}\")"),
        NodeKind::Ending { .. } => format!("[[\"{text}\"]]"),
        NodeKind::Deadline => format!("{{{{\"{text}\"}}}}"),
        NodeKind::RandomEvent => format!("[/\"{text}\"/]"),
    }
}

fn class(kind: NodeKind) -> &'static str {
    match kind {
        NodeKind::Start => "start",
        NodeKind::Inject => "inject",
        NodeKind::Decision => "decision",
        NodeKind::Option { recommended: true } => "recommended",
        NodeKind::Option { recommended: false } => "option",
        NodeKind::Ending { .. } => "ending",
        NodeKind::Deadline => "deadline",
        NodeKind::RandomEvent => "random",
    }
}

/// Writes the graph as a Mermaid flowchart.
pub fn render(g: &Graph) -> String {
    let mut t = String::new();
    // The title sits in YAML front matter: a double-quoted YAML string.
    let title = crate::text::sanitize_line(&g.title)
        .replace('\\', "\\\\")
        .replace('"', "\\\"");
    let _ = writeln!(t, "---\ntitle: \"{title}\"\n---");
    t.push_str("flowchart LR\n");
    for n in &g.nodes {
        let _ = writeln!(t, "  {}{}", n.id, shape(n.kind, &label(&n.lines)));
    }
    for e in &g.edges {
        let arrow = match e.style {
            EdgeStyle::Solid => "-->",
            EdgeStyle::Condition | EdgeStyle::Cancel => "-.->",
            EdgeStyle::Choice => "---",
        };
        if e.lines.is_empty() {
            let _ = writeln!(t, "  {} {arrow} {}", e.from, e.to);
        } else {
            let _ = writeln!(t, "  {} {arrow}|\"{}\"| {}", e.from, label(&e.lines), e.to);
        }
    }
    t.push_str("  classDef start fill:#333,color:#fff\n");
    t.push_str("  classDef inject fill:#e8f0fe,stroke:#5c7cba\n");
    t.push_str("  classDef decision fill:#fff4c2,stroke:#b59b00\n");
    t.push_str("  classDef option fill:#f5f5f5,stroke:#999\n");
    t.push_str("  classDef recommended fill:#d9f2d9,stroke:#2e7d32,stroke-width:2px\n");
    t.push_str("  classDef ending fill:#f8d7da,stroke:#a94442\n");
    t.push_str("  classDef deadline fill:#ffe0b2,stroke:#e65100\n");
    t.push_str("  classDef random fill:#ede7f6,stroke:#5e35b1\n");
    for kind in [
        NodeKind::Start,
        NodeKind::Inject,
        NodeKind::Decision,
        NodeKind::Option { recommended: false },
        NodeKind::Option { recommended: true },
        NodeKind::Ending { default: false },
        NodeKind::Deadline,
        NodeKind::RandomEvent,
    ] {
        let c = class(kind);
        let ids: Vec<&str> = g
            .nodes
            .iter()
            .filter(|n| class(n.kind) == c)
            .map(|n| n.id.as_str())
            .collect();
        if !ids.is_empty() {
            let _ = writeln!(t, "  class {} {c}", ids.join(","));
        }
    }
    t
}
