//! A scenario as a graph, for authors: injects, decisions, options, endings, deadlines and
//! random events as nodes; `at` times, `after` chains, follow-ups, schedules, deadline
//! starts and meets, `end(...)` effects and `when` conditions as labelled edges.
//!
//! The graph is built from the compiled scenario (what the engine runs) and the authored
//! file (for the text of conditions), then written as Graphviz [`dot`] or [`mermaid`].
//! Node ids are safe identifiers derived from the scenario's ids with a kind prefix; every
//! label is sanitised and escaped by the writer.
//!
//! The writers do not trust the graph: they pass every id through [`safe_id`] and every
//! label through [`label_lines`] (the placeholders of [`crate::text`]), so their output never
//! holds a control, bidirectional or invisible character, whatever a scenario (or a graph
//! built by hand) contains.

pub mod dot;
pub mod mermaid;

use std::fmt::Write as _;

use crate::scenario::Scenario;
use crate::scenario::compiled::{Trigger, format_number};
use crate::scenario::expr::effects::Effect;
use crate::scenario::expr::vm::{Op, Program};
use crate::scenario::model::{Literal, ScenarioFile};
use crate::scenario::time::{format_duration, format_offset};
use crate::text::sanitize_line;

/// What a node stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NodeKind {
    /// The start of the clock (source of `at` triggers and of conditions on the state).
    Start,
    /// An inject.
    Inject,
    /// A curveball of the facilitator's pool (format 2): no trigger of its own.
    Curveball,
    /// A hidden inject (format 2): for the facilitator only.
    Hidden,
    /// A phase whose `on_enter` has effects (format 2).
    Phase,
    /// A decision.
    Decision,
    /// An option of a decision.
    Option {
        /// Recommended by guidance.
        recommended: bool,
    },
    /// An ending.
    Ending {
        /// The default ending.
        default: bool,
    },
    /// A deadline.
    Deadline,
    /// A random event.
    RandomEvent,
}

/// A node: a safe id, its kind, and the lines of its label (plain text).
#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    /// Identifier, `[A-Za-z0-9_]` only (the writers still pass it through [`safe_id`]).
    pub id: String,
    /// Kind.
    pub kind: NodeKind,
    /// Label lines, already sanitised (the writers sanitise them again).
    pub lines: Vec<String>,
}

/// How an edge is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EdgeStyle {
    /// A chain, schedule, follow-up or effect.
    Solid,
    /// A condition (`when`) that fires or ends.
    Condition,
    /// A cancellation.
    Cancel,
    /// A decision to its options.
    Choice,
}

/// An edge with a label (plain text, possibly several lines).
#[derive(Clone, Debug, PartialEq)]
pub struct Edge {
    /// Source node id.
    pub from: String,
    /// Target node id.
    pub to: String,
    /// Label lines, already sanitised (the writers sanitise them again).
    pub lines: Vec<String>,
    /// How it is drawn.
    pub style: EdgeStyle,
}

/// A scenario's graph.
#[derive(Clone, Debug, PartialEq)]
pub struct Graph {
    /// The scenario's id.
    pub name: String,
    /// Its title.
    pub title: String,
    /// Nodes, in a stable order (start, injects, decisions and options, deadlines, random
    /// events, endings).
    pub nodes: Vec<Node>,
    /// Edges, in a stable order.
    pub edges: Vec<Edge>,
}

/// The lines of a label as both writers show them: each line is split at its own line breaks
/// (`\r\n` counts as one), and every other control, bidirectional or invisible character
/// becomes the visible placeholder the console shows ([`crate::text::sanitize_line`]).
pub fn label_lines(lines: &[String]) -> Vec<String> {
    let mut out = Vec::with_capacity(lines.len());
    for line in lines {
        let block = crate::text::sanitize_block(line);
        out.extend(block.split('\n').map(sanitize_line));
    }
    out
}

/// Prefix of the node ids [`safe_id`] encodes; no id it keeps starts with it.
const ENCODED: &str = "N_";

/// A node id both writers can emit: kept when it starts with an ASCII capital letter and holds
/// only ASCII letters, digits and `_` (every id [`build`] makes: `START`, `I_...`, `D_...`),
/// otherwise `N_` and the hex digits of its UTF-8 bytes. Distinct ids stay distinct, and none
/// is a keyword of DOT or Mermaid (theirs are lowercase, or quoted in DOT).
pub fn safe_id(id: &str) -> std::borrow::Cow<'_, str> {
    let kept = id.starts_with(|c: char| c.is_ascii_uppercase())
        && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        && !id.starts_with(ENCODED);
    if kept {
        return id.into();
    }
    let mut out = String::with_capacity(ENCODED.len() + 2 * id.len());
    out.push_str(ENCODED);
    for b in id.bytes() {
        let _ = write!(out, "{b:02x}");
    }
    out.into()
}

/// Widest label line, in characters, before wrapping.
const WRAP: usize = 32;
/// Most lines kept of one wrapped text.
const MAX_LINES: usize = 4;

/// Wraps text at word boundaries, keeping at most [`MAX_LINES`] lines.
pub fn wrap(text: &str) -> Vec<String> {
    let text = sanitize_line(text.trim());
    let mut lines: Vec<String> = Vec::new();
    let mut cur = String::new();
    for word in text.split_whitespace() {
        let mut word = word.to_string();
        while word.chars().count() > WRAP {
            if !cur.is_empty() {
                lines.push(std::mem::take(&mut cur));
            }
            let head: String = word.chars().take(WRAP).collect();
            word = word.chars().skip(WRAP).collect();
            lines.push(head);
        }
        if cur.is_empty() {
            cur = word;
        } else if cur.chars().count() + 1 + word.chars().count() <= WRAP {
            cur.push(' ');
            cur.push_str(&word);
        } else {
            lines.push(std::mem::replace(&mut cur, word));
        }
    }
    if !cur.is_empty() {
        lines.push(cur);
    }
    if lines.len() > MAX_LINES {
        lines.truncate(MAX_LINES);
        if let Some(last) = lines.last_mut() {
            last.push('…');
        }
    }
    lines
}

/// Node id of the start of the clock.
pub const START: &str = "START";

fn inject_id(sc: &Scenario, i: u16) -> String {
    format!("I_{}", sc.injects[i as usize].id)
}
fn decision_id(sc: &Scenario, d: u16) -> String {
    format!("D_{}", sc.decisions[d as usize].id)
}
fn option_id(sc: &Scenario, d: u16, o: u16) -> String {
    format!("O_{}_{o}", sc.decisions[d as usize].id)
}
fn ending_id(sc: &Scenario, e: u16) -> String {
    format!("E_{}", sc.endings[e as usize].id)
}
fn deadline_id(sc: &Scenario, l: u16) -> String {
    format!("L_{}", sc.deadlines[l as usize].id)
}
fn random_id(sc: &Scenario, r: usize) -> String {
    format!("R_{}", sc.random_events[r].id)
}

/// A probability as written: `50%` for numbers, the expression otherwise.
fn chance_text(lit: &Literal) -> String {
    match lit {
        Literal::Num(n) => format!("{}%", format_number(n * 100.0)),
        Literal::Bool(b) => if *b { "100%" } else { "0%" }.into(),
        Literal::Text(t) => t.clone(),
    }
}

fn delay_text(prefix: &str, secs: i64) -> String {
    if secs == 0 {
        prefix.to_string()
    } else {
        format!("{prefix} +{}", format_duration(secs))
    }
}

/// Nodes a condition reads: injects (`fired`, `since`), options (`chosen(d, o)`),
/// decisions (`chosen(d)`, `pending`) and deadlines. Empty when it only reads the state.
fn condition_sources(sc: &Scenario, p: &Program) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for op in p.ops() {
        let id = match *op {
            Op::Fired(i) | Op::Since(i) => inject_id(sc, i),
            Op::Chosen(d, o) => option_id(sc, d, o),
            Op::Decided(d) | Op::Pending(d) => decision_id(sc, d),
            Op::DeadlineStarted(l)
            | Op::DeadlineMet(l)
            | Op::DeadlineMissed(l)
            | Op::DeadlineActive(l)
            | Op::DeadlineRemaining(l) => deadline_id(sc, l),
            _ => continue,
        };
        if !out.contains(&id) {
            out.push(id);
        }
    }
    out
}

struct Builder<'a> {
    sc: &'a Scenario,
    g: Graph,
}

impl Builder<'_> {
    fn node(&mut self, id: String, kind: NodeKind, lines: Vec<String>) {
        self.g.nodes.push(Node { id, kind, lines });
    }

    fn edge(&mut self, from: &str, to: String, label: &str, style: EdgeStyle) {
        let lines = if label.is_empty() {
            Vec::new()
        } else {
            wrap(label)
        };
        self.g.edges.push(Edge {
            from: from.to_string(),
            to,
            lines,
            style,
        });
    }

    /// Edges for the effects that link to other nodes; `prefix` qualifies the label
    /// (e.g. an outcome or `if missed`).
    fn effects(&mut self, from: &str, effects: &[Effect], prefix: &str) {
        let sc = self.sc;
        let pre = |s: String| {
            if prefix.is_empty() {
                s
            } else {
                format!("{prefix}: {s}")
            }
        };
        for e in effects {
            match e {
                Effect::Schedule { inject, delay } => {
                    let d = delay.unwrap_or(sc.injects[*inject as usize].delay);
                    let label = pre(delay_text("schedule", d));
                    self.edge(from, inject_id(sc, *inject), &label, EdgeStyle::Solid);
                }
                Effect::Cancel { inject } => {
                    let label = pre("cancel".into());
                    self.edge(from, inject_id(sc, *inject), &label, EdgeStyle::Cancel);
                }
                Effect::StartDeadline(l) => {
                    let label = pre("start".into());
                    self.edge(from, deadline_id(sc, *l), &label, EdgeStyle::Solid);
                }
                Effect::MeetDeadline(l) => {
                    let label = pre("meet".into());
                    self.edge(from, deadline_id(sc, *l), &label, EdgeStyle::Solid);
                }
                Effect::End(e) => {
                    let label = pre("end".into());
                    self.edge(from, ending_id(sc, *e), &label, EdgeStyle::Solid);
                }
                Effect::If {
                    text,
                    then,
                    otherwise,
                    ..
                } => {
                    self.effects(from, then, &pre(format!("if {text}")));
                    self.effects(from, otherwise, &pre(format!("unless {text}")));
                }
                _ => {}
            }
        }
    }

    fn follow_ups(&mut self, from: &str, list: &[u16], prefix: &str) {
        for &f in list {
            let d = self.sc.injects[f as usize].delay;
            let base = delay_text("follow-up", d);
            let label = if prefix.is_empty() {
                base
            } else {
                format!("{prefix}: {base}")
            };
            self.edge(from, inject_id(self.sc, f), &label, EdgeStyle::Solid);
        }
    }

    /// Condition edges from what the condition reads, or from the start.
    fn condition(&mut self, to: String, p: &Program, text: &str) {
        let sources = condition_sources(self.sc, p);
        let label = format!("when {text}");
        if sources.is_empty() {
            self.edge(START, to, &label, EdgeStyle::Condition);
        } else {
            for s in sources {
                self.edge(&s, to.clone(), &label, EdgeStyle::Condition);
            }
        }
    }
}

/// Builds the graph of a compiled scenario; `file` is the authored form of the same file
/// (it supplies the text of conditions).
pub fn build(sc: &Scenario, file: &ScenarioFile) -> Graph {
    let mut b = Builder {
        sc,
        g: Graph {
            name: sc.meta.id.clone(),
            title: sc.meta.title.clone(),
            nodes: Vec::new(),
            edges: Vec::new(),
        },
    };
    let text_of = |s: &Option<crate::scenario::de::Spanned<String>>| {
        s.as_ref().map(|x| x.value.clone()).unwrap_or_default()
    };
    b.node(
        START.into(),
        NodeKind::Start,
        vec!["start T+0".into(), sanitize_line(&sc.clock.full(0))],
    );

    // Injects and their triggers.
    for (i, inj) in sc.injects.iter().enumerate() {
        let id = inject_id(sc, i as u16);
        let mut lines = vec![format!("inject {}", inj.id)];
        lines.extend(wrap(&inj.title));
        if inj.chance.is_some() {
            let written = file
                .injects
                .get(i)
                .and_then(|f| f.chance.as_ref())
                .map(|c| chance_text(&c.value))
                .unwrap_or_else(|| "?".into());
            lines.extend(wrap(&format!("chance {written}")));
        }
        let kind = match (inj.curveball, inj.hidden) {
            (true, _) => NodeKind::Curveball,
            (false, true) => NodeKind::Hidden,
            (false, false) => NodeKind::Inject,
        };
        if inj.curveball {
            lines[0] = format!("curveball {}", inj.id);
        }
        let marks: Vec<&str> = [(inj.repeat, "repeats"), (inj.hidden, "hidden")]
            .into_iter()
            .filter_map(|(on, m)| on.then_some(m))
            .collect();
        if !marks.is_empty() {
            lines.push(format!("({})", marks.join(", ")));
        }
        b.node(id.clone(), kind, lines);
        match &inj.trigger {
            Trigger::Manual => {}
            Trigger::At(t) => {
                b.edge(
                    START,
                    id.clone(),
                    &format!("at {}", format_offset(*t)),
                    EdgeStyle::Solid,
                );
            }
            Trigger::AfterInject(p) => {
                let label = delay_text("after", inj.delay);
                b.edge(&inject_id(sc, *p), id.clone(), &label, EdgeStyle::Solid);
            }
            Trigger::AfterOption(d, o) => {
                let label = delay_text("then", inj.delay);
                b.edge(&option_id(sc, *d, *o), id.clone(), &label, EdgeStyle::Solid);
            }
            Trigger::When(p) => {
                let mut text = file
                    .injects
                    .get(i)
                    .map(|f| text_of(&f.when))
                    .unwrap_or_default();
                if inj.delay > 0 {
                    text = format!("{text} (+{})", format_duration(inj.delay));
                }
                b.condition(id.clone(), p, &text);
            }
        }
        b.effects(&id, &inj.effects, "");
        if let Some(d) = inj.decision {
            b.edge(&id, decision_id(sc, d), "", EdgeStyle::Choice);
        }
    }

    // Decisions and options.
    for (d, dec) in sc.decisions.iter().enumerate() {
        let d16 = d as u16;
        let did = decision_id(sc, d16);
        let fdec = file
            .injects
            .get(dec.inject as usize)
            .and_then(|i| i.decision.as_ref());
        let team = sc
            .teams
            .get(dec.team as usize)
            .map(|t| t.name.as_str())
            .unwrap_or("");
        let mut lines = vec![format!("decision {}", dec.id)];
        lines.extend(wrap(&dec.prompt));
        lines.extend(wrap(&format!("team: {team}")));
        if let (Some(p), Some(words)) = (&dec.pick, dec.pick_words()) {
            lines.push(if p.within.is_some() {
                format!("{words} (within a limit)")
            } else {
                words
            });
        }
        if let Some(t) = &dec.timeout {
            let mut limits = Vec::new();
            if let Some(s) = t.scenario {
                limits.push(format!("{} scenario", format_duration(s)));
            }
            if let Some(r) = t.real {
                limits.push(format!("{} real", format_duration(r)));
            }
            let default = &dec.options[t.default as usize].id;
            lines.extend(wrap(&format!("timeout {} → {default}", limits.join(" / "))));
        }
        b.node(did.clone(), NodeKind::Decision, lines);
        for (o, opt) in dec.options.iter().enumerate() {
            let o16 = o as u16;
            let oid = option_id(sc, d16, o16);
            let fopt = fdec.and_then(|f| f.options.value.get(o));
            let mut lines = vec![format!(
                "{}option {}",
                if opt.recommended { "★ " } else { "" },
                opt.id
            )];
            lines.extend(wrap(&opt.label));
            if opt.requires.is_some() {
                let req = fopt.map(|f| text_of(&f.requires)).unwrap_or_default();
                lines.extend(wrap(&format!("requires {req}")));
            }
            b.node(
                oid.clone(),
                NodeKind::Option {
                    recommended: opt.recommended,
                },
                lines,
            );
            let is_default = dec.timeout.as_ref().is_some_and(|t| t.default == o16);
            b.edge(
                &did,
                oid.clone(),
                if is_default { "default on timeout" } else { "" },
                EdgeStyle::Choice,
            );
            b.effects(&oid, &opt.effects, "");
            for (k, oc) in opt.outcomes.iter().enumerate() {
                let chance = fopt
                    .and_then(|f| f.outcomes.get(k))
                    .and_then(|f| f.chance.as_ref())
                    .map(|c| chance_text(&c.value))
                    .unwrap_or_else(|| "otherwise".into());
                let prefix = format!("“{}” ({chance})", oc.label);
                b.effects(&oid, &oc.effects, &prefix);
                b.follow_ups(&oid, &oc.follow_up, &prefix);
            }
            b.follow_ups(&oid, &opt.follow_up, "");
        }
    }

    // Deadlines.
    for (l, dl) in sc.deadlines.iter().enumerate() {
        let id = deadline_id(sc, l as u16);
        let mut lines = vec![format!("deadline {}", dl.id)];
        lines.extend(wrap(&dl.label));
        lines.push(format!("within {}", format_duration(dl.duration)));
        b.node(id.clone(), NodeKind::Deadline, lines);
        b.effects(&id, &dl.on_met, "if met");
        b.effects(&id, &dl.on_missed, "if missed");
    }

    // Random events.
    for (r, ev) in sc.random_events.iter().enumerate() {
        let id = random_id(sc, r);
        let fr = file.random_events.get(r);
        let mut lines = vec![format!("random {}", ev.id)];
        lines.extend(wrap(&ev.label));
        let chance = fr
            .map(|f| chance_text(&f.chance.value))
            .unwrap_or_else(|| "?".into());
        lines.extend(wrap(&format!(
            "chance {chance} per step{}",
            if ev.once { ", once" } else { "" }
        )));
        b.node(id.clone(), NodeKind::RandomEvent, lines);
        match &ev.when {
            Some(p) => {
                let text = fr.map(|f| text_of(&f.when)).unwrap_or_default();
                b.condition(id.clone(), p, &text);
            }
            None => b.edge(START, id.clone(), "every step", EdgeStyle::Condition),
        }
        b.effects(&id, &ev.effects, "");
    }

    // Phases that do something as they begin.
    for (p, phase) in sc.phases.iter().enumerate() {
        if phase.on_enter.is_empty() {
            continue;
        }
        let id = format!("P_{}", phase.id);
        let mut lines = vec![format!("phase {} begins", phase.id)];
        lines.extend(wrap(&phase.title));
        let written: Vec<&str> = file
            .phases
            .get(p)
            .map(|f| f.on_enter.iter().map(|e| e.value.as_str()).collect())
            .unwrap_or_default();
        lines.extend(wrap(&format!("on enter: {}", written.join("; "))));
        b.node(id.clone(), NodeKind::Phase, lines);
        if p > 0 {
            b.edge(
                START,
                id.clone(),
                &format!("at {}", format_offset(phase.start)),
                EdgeStyle::Solid,
            );
        }
        b.effects(&id, &phase.on_enter, "on enter");
    }

    // Endings.
    for (e, end) in sc.endings.iter().enumerate() {
        let id = ending_id(sc, e as u16);
        let default = e as u16 == sc.default_ending;
        let mut lines = vec![format!(
            "ending {}{}",
            end.id,
            if default { " (default)" } else { "" }
        )];
        lines.extend(wrap(&end.title));
        b.node(id.clone(), NodeKind::Ending { default }, lines);
        if let Some(p) = &end.when {
            let text = file
                .endings
                .get(e)
                .map(|f| text_of(&f.when))
                .unwrap_or_default();
            b.condition(id.clone(), p, &text);
        }
        if default {
            b.edge(
                START,
                id,
                &format!("clock ends at {}", format_offset(sc.clock.end)),
                EdgeStyle::Condition,
            );
        }
    }
    b.g
}

/// Loads a scenario file (`-` standard input, `bundled:NAME` a bundled one) and builds its
/// graph; on failure, the rendered diagnostics.
pub fn load(path: &std::path::Path) -> Result<Graph, String> {
    let loaded = crate::stdio::load_scenario(path, None);
    let render = |r: &crate::scenario::diagnostics::Report| {
        sanitize_line_block(&r.render_text(crate::scenario::diagnostics::RENDER_WIDTH))
    };
    let Some(sc) = loaded.scenario else {
        return Err(render(&loaded.report));
    };
    let file = parse_file(&loaded.report.source.text).ok_or_else(|| render(&loaded.report))?;
    Ok(build(&sc, &file))
}

fn sanitize_line_block(s: &str) -> String {
    crate::text::sanitize_block(s)
}

/// The authored model of a scenario's text (`None` if it does not parse).
pub fn parse_file(text: &str) -> Option<ScenarioFile> {
    let tree =
        crate::scenario::syntax::parse(text, &crate::scenario::syntax::Limits::default()).ok()?;
    crate::scenario::de::from_node::<ScenarioFile>(&tree)
        .ok()
        .map(|(f, _)| f)
}

/// Strategies for the writers' property tests: hostile text and graphs built from it.
#[cfg(test)]
pub(crate) mod strategies {
    use proptest::prelude::*;

    use super::{Edge, EdgeStyle, Graph, Node, NodeKind};

    /// Characters that matter to DOT, Mermaid or a terminal, and any character at all.
    pub fn text() -> impl Strategy<Value = String> {
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
            "\"\\&;:#%{}[]()<>|`nN \n\r\t\x1b\x07\x08\x00\x7f\u{85}\u{9b}\u{202e}\u{2066}\u{200f}\u{61c}\u{2028}\u{200b}\u{feff}é中🙂"
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

    /// A graph whose ids, name, title and labels are all hostile text.
    pub fn graph() -> impl Strategy<Value = Graph> {
        let lines = || prop::collection::vec(text(), 0..4);
        let kinds = prop::sample::select(vec![
            NodeKind::Start,
            NodeKind::Inject,
            NodeKind::Decision,
            NodeKind::Option { recommended: true },
            NodeKind::Option { recommended: false },
            NodeKind::Ending { default: true },
            NodeKind::Ending { default: false },
            NodeKind::Deadline,
            NodeKind::RandomEvent,
        ]);
        let styles = prop::sample::select(vec![
            EdgeStyle::Solid,
            EdgeStyle::Condition,
            EdgeStyle::Cancel,
            EdgeStyle::Choice,
        ]);
        let nodes = prop::collection::vec(
            (text(), kinds, lines()).prop_map(|(id, kind, lines)| Node { id, kind, lines }),
            0..6,
        );
        let edges = prop::collection::vec(
            (text(), text(), lines(), styles).prop_map(|(from, to, lines, style)| Edge {
                from,
                to,
                lines,
                style,
            }),
            0..6,
        );
        (text(), text(), nodes, edges).prop_map(|(name, title, nodes, edges)| Graph {
            name,
            title,
            nodes,
            edges,
        })
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::text::is_dangerous;

    #[test]
    fn label_lines_break_at_newlines_and_show_controls() {
        let lines = vec!["a\r\nb\nc\td\x1b[2J\u{202e}".to_string(), String::new()];
        assert_eq!(label_lines(&lines), ["a", "b", "c␉d␛[2J�", ""]);
        assert_eq!(label_lines(&["one\rtwo".into()]), ["one␍two"]);
    }

    #[test]
    fn safe_ids_keep_builder_ids_and_encode_the_rest() {
        for id in ["START", "I_evil", "O_pick_0", "E_end", "L_dl", "R_rnd"] {
            assert_eq!(safe_id(id), id);
        }
        assert_eq!(safe_id("end"), "N_656e64");
        assert_eq!(safe_id("a b"), "N_612062");
        assert_eq!(safe_id("N_61"), "N_4e5f3631");
        assert_eq!(safe_id(""), "N_");
        assert_eq!(safe_id("I_\x1b"), "N_495f1b");
    }

    proptest! {
        #[test]
        fn label_lines_never_hold_a_control(lines in prop::collection::vec(strategies::text(), 0..4)) {
            for line in label_lines(&lines) {
                prop_assert!(!line.chars().any(is_dangerous), "{line:?}");
            }
        }

        #[test]
        fn safe_ids_are_plain_and_distinct(a in strategies::text(), b in strategies::text()) {
            let (sa, sb) = (safe_id(&a), safe_id(&b));
            prop_assert!(sa.starts_with(|c: char| c.is_ascii_uppercase()), "{sa}");
            prop_assert!(sa.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'), "{sa}");
            prop_assert_eq!(a == b, sa == sb);
        }
    }
}
