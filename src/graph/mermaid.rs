//! Mermaid flowchart output.
//!
//! Labels are always double-quoted; characters Mermaid would interpret (`"`, `#`, `<`, `>`,
//! `&`, `|`, backquote) are written as Mermaid entity codes, and lines are joined with `<br/>`.
//! Mermaid also rewrites the whole text before parsing it: `%%{...}%%` anywhere is a directive
//! (an unclosed one swallows the rest of the diagram), and on a line with `style` or
//! `classDef`, `:` then `#` drops the line's last `;`. So a `%` before another `%` is an entity
//! code too, and so is every `:` of a line that holds `style` or `classDef`. Text is first
//! made safe by
//! [`super::label_lines`] and ids by [`super::safe_id`]: the output holds no control or
//! bidirectional character.

use std::fmt::Write as _;

use super::{EdgeStyle, Graph, NodeKind, label_lines, safe_id};

/// Escapes one line of text for a quoted Mermaid label; `colons` also encodes `:`.
fn esc(s: &str, colons: bool) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        let next = chars.peek().copied();
        match c {
            '"' => out.push_str("#quot;"),
            '#' => out.push_str("#35;"),
            '<' => out.push_str("#lt;"),
            '>' => out.push_str("#gt;"),
            '&' => out.push_str("#amp;"),
            '|' => out.push_str("#124;"),
            '`' => out.push_str("#96;"),
            '%' if next == Some('%') => out.push_str("#37;"),
            ':' if colons => out.push_str("#58;"),
            _ => out.push(c),
        }
    }
    out
}

/// A quoted label's text: [`label_lines`], escaped and joined with `<br/>`.
fn label(lines: &[String], colons: bool) -> String {
    label_lines(lines)
        .iter()
        .map(|l| esc(l, colons))
        .collect::<Vec<_>>()
        .join("<br/>")
}

fn shape(kind: NodeKind, text: &str) -> String {
    match kind {
        NodeKind::Start => format!("((\"{text}\"))"),
        NodeKind::Inject | NodeKind::Hidden => format!("[\"{text}\"]"),
        NodeKind::Curveball => format!(">\"{text}\"]"),
        NodeKind::Phase => format!("([\"{text}\"])"),
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
        NodeKind::Curveball => "curveball",
        NodeKind::Hidden => "hidden",
        NodeKind::Phase => "phase",
        NodeKind::Decision => "decision",
        NodeKind::Option { recommended: true } => "recommended",
        NodeKind::Option { recommended: false } => "option",
        NodeKind::Ending { .. } => "ending",
        NodeKind::Deadline => "deadline",
        NodeKind::RandomEvent => "random",
    }
}

/// Appends the line `make` builds, built again with every `:` of its labels encoded when it
/// holds `style` or `classDef` (where Mermaid's style-line rule could act on it).
fn push_line(t: &mut String, make: impl Fn(bool) -> String) {
    let mut line = make(false);
    if line.contains("style") || line.contains("classDef") {
        line = make(true);
    }
    t.push_str(&line);
    t.push('\n');
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
        let id = safe_id(&n.id);
        push_line(&mut t, |colons| {
            format!("  {id}{}", shape(n.kind, &label(&n.lines, colons)))
        });
    }
    for e in &g.edges {
        let arrow = match e.style {
            EdgeStyle::Solid => "-->",
            EdgeStyle::Condition | EdgeStyle::Cancel => "-.->",
            EdgeStyle::Choice => "---",
        };
        let (from, to) = (safe_id(&e.from), safe_id(&e.to));
        if e.lines.is_empty() {
            let _ = writeln!(t, "  {from} {arrow} {to}");
        } else {
            push_line(&mut t, |colons| {
                format!("  {from} {arrow}|\"{}\"| {to}", label(&e.lines, colons))
            });
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
    // Format 2's kinds, defined only when used (older graphs stay as they were).
    for (kind, def) in [
        (
            NodeKind::Curveball,
            "fill:#fce4ec,stroke:#ad1457,stroke-dasharray:5 3",
        ),
        (
            NodeKind::Hidden,
            "fill:#eeeeee,stroke:#777,stroke-dasharray:2 2",
        ),
        (NodeKind::Phase, "fill:#e0f7fa,stroke:#00838f"),
    ] {
        if g.nodes.iter().any(|n| n.kind == kind) {
            let _ = writeln!(t, "  classDef {} {def}", class(kind));
        }
    }
    for kind in [
        NodeKind::Start,
        NodeKind::Inject,
        NodeKind::Decision,
        NodeKind::Option { recommended: false },
        NodeKind::Option { recommended: true },
        NodeKind::Ending { default: false },
        NodeKind::Deadline,
        NodeKind::RandomEvent,
        NodeKind::Curveball,
        NodeKind::Hidden,
        NodeKind::Phase,
    ] {
        let c = class(kind);
        let ids: Vec<_> = g
            .nodes
            .iter()
            .filter(|n| class(n.kind) == c)
            .map(|n| safe_id(&n.id))
            .collect();
        if !ids.is_empty() {
            let _ = writeln!(t, "  class {} {c}", ids.join(","));
        }
    }
    t
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::graph::strategies;
    use crate::text::is_dangerous;

    /// Undoes [`esc`]: `None` if the text holds a raw `"`, `<`, `>`, `|`, backquote, `%%`,
    /// a `#` that starts no entity code the writer makes, or a control character.
    fn unescape(s: &str) -> Option<String> {
        const CODES: [(&str, char); 9] = [
            ("#quot;", '"'),
            ("#35;", '#'),
            ("#lt;", '<'),
            ("#gt;", '>'),
            ("#amp;", '&'),
            ("#124;", '|'),
            ("#96;", '`'),
            ("#37;", '%'),
            ("#58;", ':'),
        ];
        if s.contains("%%") {
            return None;
        }
        let mut out = String::new();
        let mut rest = s;
        while let Some(c) = rest.chars().next() {
            if c == '#' {
                let (code, ch) = CODES.iter().find(|(code, _)| rest.starts_with(code))?;
                out.push(*ch);
                rest = &rest[code.len()..];
                continue;
            }
            if matches!(c, '"' | '<' | '>' | '|' | '`') || is_dangerous(c) {
                return None;
            }
            out.push(c);
            rest = &rest[c.len_utf8()..];
        }
        Some(out)
    }

    /// Whether Mermaid's style-line rule (`/style.*:\S*#.*;/`, and the same with `classDef`)
    /// matches the line, which would make it drop the line's last `;`.
    fn style_rule_matches(line: &str) -> bool {
        ["style", "classDef"].iter().any(|word| {
            let Some(start) = line.find(word) else {
                return false;
            };
            line[start..].match_indices(':').any(|(i, _)| {
                let after = &line[start + i + 1..];
                let word_end = after.find(char::is_whitespace).unwrap_or(after.len());
                after[..word_end]
                    .find('#')
                    .is_some_and(|h| after[h..].contains(';'))
            })
        })
    }

    /// The label of a node or edge line: the text between its first and last `"`, decoded
    /// into lines.
    fn label_of(line: &str) -> Option<Vec<String>> {
        let (a, b) = (line.find('"')?, line.rfind('"')?);
        line.get(a + 1..b)?.split("<br/>").map(unescape).collect()
    }

    #[test]
    fn labels_use_entity_codes_for_what_mermaid_reads() {
        assert_eq!(
            esc("\"a\" #1 <b> & c|d `e` 50% %%{init}%% t:x", false),
            "#quot;a#quot; #35;1 #lt;b#gt; #amp; c#124;d #96;e#96; 50% #37;%{init}#37;% t:x"
        );
        assert_eq!(esc("t:x k: v:", true), "t#58;x k#58; v#58;");
        assert_eq!(label(&["a\nb\x1b".into()], false), "a<br/>b␛");
        assert!(style_rule_matches("  A[\"style:#quot;x#quot;\"]"));
        assert!(!style_rule_matches(&format!(
            "  A[\"{}\"]",
            esc("style:\"x\"", true)
        )));
    }

    #[test]
    fn colons_are_encoded_only_on_lines_the_style_rule_reads() {
        let node = |id: &str, line: &str| super::super::Node {
            id: id.into(),
            kind: NodeKind::Inject,
            lines: vec![line.into()],
        };
        let g = Graph {
            name: "g".into(),
            title: "t".into(),
            nodes: vec![
                node("I_a", "at 08:00"),
                node("I_b", "style a:\"x\"; b"),
                node("I_style", "k:#y;"),
            ],
            edges: vec![],
        };
        let t = render(&g);
        assert!(t.contains("\n  I_a[\"at 08:00\"]\n"), "{t}");
        assert!(
            t.contains("\n  I_b[\"style a#58;#quot;x#quot;; b\"]\n"),
            "{t}"
        );
        assert!(t.contains("\n  I_style[\"k#58;#35;y;\"]\n"), "{t}");
        assert!(!t.lines().any(style_rule_matches), "{t}");
    }

    proptest! {
        #[test]
        fn every_label_of_a_hostile_graph_stays_inside_its_quotes(g in strategies::graph()) {
            let t = render(&g);
            prop_assert!(!t.chars().any(|c| is_dangerous(c) && c != '\n'), "{t}");
            let body = t.split("\n---\n").nth(1).unwrap();
            let lines: Vec<&str> = body.lines().collect();
            prop_assert_eq!(lines[0], "flowchart LR");
            for line in &lines {
                prop_assert!(!style_rule_matches(line), "{line}");
                prop_assert!(!line.contains("%%"), "{line}");
            }
            for (line, n) in lines[1..].iter().zip(&g.nodes) {
                let id = safe_id(&n.id);
                prop_assert!(line.starts_with(&format!("  {id}")), "{line}");
                let shown = label_of(line).ok_or_else(|| TestCaseError::fail(line.to_string()))?;
                let mut want = label_lines(&n.lines);
                if want.is_empty() {
                    want.push(String::new());
                }
                prop_assert_eq!(shown, want);
            }
            for (line, e) in lines[1 + g.nodes.len()..].iter().zip(&g.edges) {
                let (from, to) = (safe_id(&e.from), safe_id(&e.to));
                prop_assert!(line.starts_with(&format!("  {from} ")), "{line}");
                prop_assert!(line.ends_with(&format!(" {to}")), "{line}");
                if !e.lines.is_empty() {
                    let shown = label_of(line).ok_or_else(|| TestCaseError::fail(line.to_string()))?;
                    prop_assert_eq!(shown, label_lines(&e.lines));
                }
            }
        }
    }
}
