//! Graphviz `dot` output.
//!
//! Every id and label is a double-quoted DOT string, in which `\"` stands for a quote; a
//! backslash is doubled, so it can never escape the closing quote. Labels are also Graphviz
//! escape strings (`\\` is a backslash, `\n` a line break, `\N` the node's name) in which
//! HTML entities such as `&amp;` or `&#27;` are decoded, so `&` is written `&amp;`. Text is
//! first made safe by [`super::label_lines`] (labels) and [`crate::text::sanitize_line`]
//! (ids, after [`super::safe_id`]): the output holds no control or bidirectional character,
//! and `dot` shows every label as the console would.

use std::fmt::Write as _;

use super::{EdgeStyle, Graph, NodeKind, label_lines, safe_id};

/// A double-quoted DOT id: control characters become placeholders, `\` and `"` are escaped.
pub fn quote(s: &str) -> String {
    let s = crate::text::sanitize_line(s);
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            _ => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A double-quoted DOT label of `lines` ([`super::label_lines`]), joined with centred line
/// breaks (`\n`); `\`, `"` and `&` are escaped so that Graphviz shows them as written.
pub fn label(lines: &[String]) -> String {
    let mut out = String::from("\"");
    for (i, line) in label_lines(lines).iter().enumerate() {
        if i > 0 {
            out.push_str("\\n");
        }
        for c in line.chars() {
            match c {
                '\\' => out.push_str("\\\\"),
                '"' => out.push_str("\\\""),
                '&' => out.push_str("&amp;"),
                _ => out.push(c),
            }
        }
    }
    out.push('"');
    out
}

/// A node id as written: [`safe_id`], quoted.
fn id(id: &str) -> String {
    quote(&safe_id(id))
}

fn node_attrs(kind: NodeKind) -> &'static str {
    match kind {
        NodeKind::Start => "shape=oval, style=filled, fillcolor=\"#333333\", fontcolor=white",
        NodeKind::Inject => "shape=box, style=filled, fillcolor=\"#e8f0fe\"",
        NodeKind::Curveball => {
            "shape=box, style=\"filled,dashed,bold\", fillcolor=\"#fce4ec\", color=\"#ad1457\""
        }
        NodeKind::Hidden => "shape=box, style=\"filled,dotted\", fillcolor=\"#eeeeee\"",
        NodeKind::Phase => "shape=cds, style=filled, fillcolor=\"#e0f7fa\"",
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
    let _ = writeln!(t, "digraph {} {{", quote(&g.name));
    let _ = writeln!(t, "  label={};", label(std::slice::from_ref(&g.title)));
    t.push_str("  labelloc=t;\n  rankdir=LR;\n");
    t.push_str("  node [fontname=\"Helvetica\", fontsize=10];\n");
    t.push_str("  edge [fontname=\"Helvetica\", fontsize=9];\n");
    for n in &g.nodes {
        let _ = writeln!(
            t,
            "  {} [label={}, {}];",
            id(&n.id),
            label(&n.lines),
            node_attrs(n.kind)
        );
    }
    for e in &g.edges {
        let _ = writeln!(
            t,
            "  {} -> {} [label={}{}];",
            id(&e.from),
            id(&e.to),
            label(&e.lines),
            edge_attrs(e.style)
        );
    }
    t.push_str("}\n");
    t
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::graph::strategies;
    use crate::text::is_dangerous;

    /// Reads one double-quoted DOT string at the start of `s` as Graphviz does, then decodes
    /// it as a label: `\\`, `\"` and `\n`, and `&amp;`, are the only escapes the writer makes.
    /// `None` if it is not well formed, holds a raw control, or uses any other escape.
    fn read_label(s: &str) -> Option<(String, &str)> {
        let rest = s.strip_prefix('"')?;
        let mut out = String::new();
        let mut chars = rest.char_indices();
        while let Some((i, c)) = chars.next() {
            match c {
                '"' => return Some((out, &rest[i + 1..])),
                '\\' => match chars.next()?.1 {
                    '\\' => out.push('\\'),
                    '"' => out.push('"'),
                    'n' => out.push('\n'),
                    _ => return None,
                },
                '&' => {
                    if !rest[i..].starts_with("&amp;") {
                        return None;
                    }
                    for _ in 0..4 {
                        chars.next();
                    }
                    out.push('&');
                }
                c if is_dangerous(c) => return None,
                c => out.push(c),
            }
        }
        None
    }

    /// Reads one double-quoted DOT id and undoes the writer's escapes (`\"` and `\\`; Graphviz
    /// keeps the latter as two characters in an id, which cannot end the string either).
    fn read_id(s: &str) -> Option<(String, &str)> {
        let rest = s.strip_prefix('"')?;
        let mut out = String::new();
        let mut chars = rest.char_indices();
        while let Some((i, c)) = chars.next() {
            match c {
                '"' => return Some((out, &rest[i + 1..])),
                '\\' => match chars.next()?.1 {
                    '\\' => out.push('\\'),
                    '"' => out.push('"'),
                    _ => return None,
                },
                c if is_dangerous(c) => return None,
                c => out.push(c),
            }
        }
        None
    }

    #[test]
    fn labels_escape_what_dot_reads() {
        let l = label(&["a \"b\" c:\\ & \\N".into(), "x\x1b[2J\ny".into()]);
        assert_eq!(l, r#""a \"b\" c:\\ &amp; \\N\nx␛[2J\ny""#);
        assert_eq!(label(&[]), "\"\"");
        assert_eq!(quote("a\\\"\u{202e}"), r#""a\\\"�""#);
        assert_eq!(id("end"), "\"N_656e64\"");
    }

    #[test]
    fn render_quotes_every_id() {
        let g = Graph {
            name: "x\x1b]0;t\x07".into(),
            title: "T\u{9b}31m".into(),
            nodes: vec![super::super::Node {
                id: "node".into(),
                kind: NodeKind::Inject,
                lines: vec!["\u{7}".into()],
            }],
            edges: vec![super::super::Edge {
                from: "node".into(),
                to: "START".into(),
                lines: vec![],
                style: EdgeStyle::Solid,
            }],
        };
        let t = render(&g);
        assert!(
            t.starts_with("digraph \"x␛]0;t␇\" {\n  label=\"T�31m\";\n"),
            "{t}"
        );
        assert!(
            t.contains("\n  \"N_6e6f6465\" [label=\"␇\", shape=box"),
            "{t}"
        );
        assert!(
            t.contains("\n  \"N_6e6f6465\" -> \"START\" [label=\"\"];"),
            "{t}"
        );
    }

    proptest! {
        #[test]
        fn a_label_is_one_well_formed_dot_string(lines in prop::collection::vec(strategies::text(), 0..4)) {
            let l = label(&lines);
            let (text, rest) = read_label(&l).ok_or_else(|| TestCaseError::fail(l.clone()))?;
            prop_assert_eq!(rest, "");
            prop_assert_eq!(text, label_lines(&lines).join("\n"));
        }

        #[test]
        fn an_id_is_one_well_formed_dot_string(s in strategies::text()) {
            let q = quote(&s);
            let (text, rest) = read_id(&q).ok_or_else(|| TestCaseError::fail(q.clone()))?;
            prop_assert_eq!(rest, "");
            prop_assert_eq!(text, crate::text::sanitize_line(&s));
        }

        #[test]
        fn every_statement_of_a_hostile_graph_is_well_formed(g in strategies::graph()) {
            let t = render(&g);
            prop_assert!(!t.chars().any(|c| is_dangerous(c) && c != '\n'), "{t}");
            let lines: Vec<&str> = t.lines().collect();
            let (_, rest) = read_id(lines[0].strip_prefix("digraph ").unwrap()).unwrap();
            prop_assert_eq!(rest, " {");
            let (_, rest) = read_label(lines[1].strip_prefix("  label=").unwrap()).unwrap();
            prop_assert_eq!(rest, ";");
            prop_assert_eq!(lines.len(), 6 + g.nodes.len() + g.edges.len() + 1);
            for (line, n) in lines[6..].iter().zip(&g.nodes) {
                let (id, rest) = read_id(line.strip_prefix("  ").unwrap()).unwrap();
                prop_assert_eq!(&id, &safe_id(&n.id));
                let (text, rest) = read_label(rest.strip_prefix(" [label=").unwrap()).unwrap();
                prop_assert_eq!(text, label_lines(&n.lines).join("\n"));
                prop_assert!(rest.starts_with(", shape=") && rest.ends_with("];"), "{line}");
            }
            for (line, e) in lines[6 + g.nodes.len()..].iter().zip(&g.edges) {
                let (from, rest) = read_id(line.strip_prefix("  ").unwrap()).unwrap();
                let (to, rest) = read_id(rest.strip_prefix(" -> ").unwrap()).unwrap();
                prop_assert_eq!((&from, &to), (&safe_id(&e.from).into_owned(), &safe_id(&e.to).into_owned()));
                let (text, rest) = read_label(rest.strip_prefix(" [label=").unwrap()).unwrap();
                prop_assert_eq!(text, label_lines(&e.lines).join("\n"));
                prop_assert!(rest.ends_with("];"), "{line}");
            }
            prop_assert_eq!(lines.last().copied(), Some("}"));
        }
    }
}
