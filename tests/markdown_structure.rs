//! Markdown reports keep their structure whatever text a scenario or a journal holds.
//!
//! A hostile scenario and its journals are compared with a benign twin: the same ids,
//! commands and times, every text replaced by a plain one. Both are rendered as Markdown
//! (a finished report, one in progress, a comparison of two groups), parsed with
//! pulldown-cmark, and the sequences of structural events must be equal: paragraphs,
//! headings, block quotes, code blocks, HTML, lists and items, tables with their rows and
//! cells, rules, links, emphasis, footnotes, math and task markers. Text and code spans
//! are left out (a code span of a file name with a backtick falls back to text).
//!
//! The property test puts generated strings built from Markdown's dangerous fragments in
//! every text of a scenario (`BASE`) and of its journals (notes, reasons, names, file
//! names, the header's strings); the deterministic one uses the committed hostile
//! fixture `tests/fixtures/scenarios/hostile-text.ron` and its journal.

use std::collections::BTreeMap;
use std::ops::Range;
use std::sync::Arc;

use downtime::engine::{Command, SessionInfo};
use downtime::journal::{Entry, Fork, Header, ReadJournal, read_journal_text};
use downtime::report::Format as ReportFormat;
use downtime::report::{self, Report};
use downtime::scenario::files::NoFiles;
use downtime::scenario::{Scenario, load_str};
use proptest::prelude::*;
use pulldown_cmark::{Event, Options, Parser, Tag};

/// A scenario with a text in every field a report shows; every string literal under a
/// text key (see [`TEXT_KEYS`]) is replaced in the tests.
const BASE: &str = r#"#![enable(implicit_some)]
Scenario(
    format: 1,
    meta: (
        id: "structure",
        title: "Night at the lab",
        summary: "A laboratory system is hit by ransomware.",
        version: "1.0",
        authors: ["Author one", "Author two"],
        setting: "A small clinic, Friday night.",
        objectives: [
            (id: "obj", text: "Contain the attack", capability: "Cybersecurity"),
            (id: "obj2", text: "Keep results flowing", capability: "Health care"),
        ],
        sources: [
            (title: "A report", url: "https://example.org/report", note: "Read it first."),
            (title: "A binder", url: "the binder on the shelf", note: "Paper copy."),
        ],
    ),
    teams: [
        (id: "red", name: "On-call manager", description: "Runs the night."),
        (id: "blue", name: "IT", description: "Keeps systems up."),
    ],
    clock: (start: "2024-01-01T08:00", step: "15m", end: "4h"),
    phases: [
        (id: "p1", title: "The alert", start: "0m", questions: ["Who did you call?", "Why?"]),
        (id: "p2", title: "Recovery", start: "2h", questions: ["Do backups work?"]),
    ],
    parameters: [
        (id: "flagp", label: "Backups tested?", kind: Bool, default: true),
        (id: "mode", label: "Staffing", kind: Choice(["low", "normal"]), default: "normal"),
    ],
    metrics: [
        (id: "m", label: "Safety", unit: "%", start: 50, weight: 2,
         thresholds: [(below: 40, label: "at risk"), (above: 90, label: "fine")]),
        (id: "n", label: "Cost", unit: "k€", start: 20, good: Low, weight: 1),
    ],
    flags: [(id: "done", label: "Done")],
    counters: [(id: "calls", label: "Calls", unit: "calls")],
    systems: [
        (id: "sys", name: "Lab system", description: "Orders and results.", state: Up),
        (id: "sys2", name: "E-mail", state: Up),
    ],
    services: [(id: "svc", name: "Laboratory", description: "Blood tests.", depends_on: ["sys", "sys2"], paper: 40)],
    injects: [
        (
            id: "evil", title: "Ransom message", at: "0m", sender: "Technician",
            body: "Every screen shows a red message.",
            notes: "Isolate early.",
            questions: ["What do you ask first?"],
            effects: ["sys = down", "start(dl)", "calls += 1"],
            decision: (
                id: "pick", team: "red", prompt: "Cut the network?",
                options: [
                    (id: "a", label: "Isolate now", effects: ["done = true", "m += 10"], recommended: true,
                     outcomes: [(label: "It works", text: "The spread stops.")]),
                    (id: "b", label: "Wait for IT", effects: ["m -= 10", "schedule(only_b)"]),
                ],
            ),
        ),
        (
            id: "only_b", title: "E-mail is down too", sender: "Monitoring",
            body: "The mail server stopped.", effects: ["sys2 = down", "n += 5"],
        ),
        (
            id: "second", title: "The lab asks", at: "30m", sender: "Technician",
            body: "Paper forms?", questions: ["Who decides?"],
            decision: (
                id: "same", team: "blue", prompt: "How does the lab work?",
                options: [
                    (id: "x", label: "Paper forms", effects: ["n += 1"], recommended: true),
                    (id: "y", label: "Send samples out", effects: ["n += 20"]),
                ],
            ),
        ),
    ],
    deadlines: [(id: "dl", label: "Report the incident", duration: "1h", team: "red",
                 description: "A legal duty.", reference: "Public health code")],
    endings: [(id: "end", title: "The night is over", default: true, debrief: "What did you learn?")],
    scoring: (
        grades: [(min: 50, grade: "A", label: "Sound"), (min: 0, grade: "B", label: "Shaky")],
        checks: [
            (id: "chk", title: "Isolated fast", when: "done", within: "30m", from: "evil",
             objective: "obj", lesson: "Cut early.", reference: "ANSSI guide"),
            (id: "chk2", title: "Never waited", when: "!done", objective: "obj",
             lesson: "Waiting spreads it.", reference: "HHS 405(d)"),
            (id: "chk3", title: "Reported", when: "met(dl)", objective: "obj2",
             lesson: "Report in time.", reference: "Code, L.1111-8-2"),
        ],
    ),
)
"#;

/// Keys whose string values (or, for arrays, items) are texts people read.
const TEXT_KEYS: &[&str] = &[
    "title",
    "summary",
    "version",
    "authors",
    "setting",
    "how_to_play",
    "text",
    "capability",
    "url",
    "note",
    "notes",
    "name",
    "description",
    "briefing",
    "questions",
    "label",
    "help",
    "unit",
    "sender",
    "body",
    "prompt",
    "unavailable",
    "reference",
    "debrief",
    "grade",
    "lesson",
];

/// Replaces the string literals under [`TEXT_KEYS`] of a RON scenario: `text(k, key,
/// value)` gives the `k`-th literal's new value.
fn with_texts(ron: &str, mut text: impl FnMut(usize, &str, &str) -> String) -> String {
    let mut out = String::with_capacity(ron.len());
    // Open brackets, each with the key it belongs to; the last key seen in the innermost.
    let mut stack: Vec<(char, String)> = vec![('(', String::new())];
    let mut key = String::new();
    let mut word = String::new();
    let mut k = 0;
    let mut chars = ron.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '/' if chars.peek() == Some(&'/') => {
                out.push(c);
                for c in chars.by_ref() {
                    out.push(c);
                    if c == '\n' {
                        break;
                    }
                }
                continue;
            }
            '"' => {
                let mut value = String::new();
                let mut raw = String::from('"');
                while let Some(c) = chars.next() {
                    raw.push(c);
                    match c {
                        '\\' => {
                            let e = chars.next().expect("an escape");
                            raw.push(e);
                            value.push(match e {
                                'n' => '\n',
                                't' => '\t',
                                e => e,
                            });
                        }
                        '"' => break,
                        c => value.push(c),
                    }
                }
                let owner = match stack.last() {
                    Some(('[', array_key)) => array_key.clone(),
                    _ => key.clone(),
                };
                if TEXT_KEYS.contains(&owner.as_str()) {
                    out.push_str(&ron_string(&text(k, &owner, &value)));
                    k += 1;
                } else {
                    out.push_str(&raw);
                }
                word.clear();
                continue;
            }
            ':' if !word.is_empty() => key = std::mem::take(&mut word),
            '(' | '[' => {
                stack.push((c, key.clone()));
                key.clear();
                word.clear();
            }
            ')' | ']' => {
                if let Some((_, k)) = stack.pop() {
                    key = k;
                }
                word.clear();
            }
            c if c.is_alphanumeric() || c == '_' => word.push(c),
            _ => word.clear(),
        }
        out.push(c);
    }
    out
}

/// A RON string literal of any text.
fn ron_string(s: &str) -> String {
    let mut out = String::from('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn scenario(text: &str) -> Arc<Scenario> {
    let loaded = load_str("structure.ron", text, "sha256:test".into(), &NoFiles);
    match loaded.scenario {
        Some(s) => s,
        None => panic!(
            "scenario has errors:\n{}\n{text}",
            loaded.report.render_text(100)
        ),
    }
}

/// A benign text for the `k`-th text of a scenario: a link stays a link, other URLs stay
/// plain text.
fn benign_text(k: usize, key: &str, value: &str) -> String {
    match key {
        "url" if is_http(value) => format!("https://example.org/{k}"),
        "url" => format!("binder {k}"),
        _ => format!("Text {k}"),
    }
}

/// A hostile text for the `k`-th text: a URL keeps its kind (http or not) whatever follows.
fn hostile_text(h: &str, key: &str, value: &str) -> String {
    match key {
        "url" if is_http(value) => format!("https://example.org/{h}"),
        "url" => format!("javascript:{h}"),
        _ => h.to_string(),
    }
}

fn is_http(url: &str) -> bool {
    url.starts_with("http://") || url.starts_with("https://")
}

/// The strings of the journals: people, notes, reasons and file names.
#[derive(Clone, Debug)]
struct JournalTexts {
    organisation_a: String,
    organisation_b: String,
    facilitator: String,
    member_red: String,
    member_blue: String,
    note_a: String,
    note_b: String,
    adjust_reason: String,
    set_reason: String,
    end_reason: String,
    file_a: String,
    file_b: String,
    source: String,
    recorded_with: String,
    hash: String,
    forked_from: String,
}

impl JournalTexts {
    fn benign() -> Self {
        let t = |k: usize| format!("Journal text {k}");
        JournalTexts {
            organisation_a: t(1),
            organisation_b: t(2),
            facilitator: t(3),
            member_red: t(4),
            member_blue: t(5),
            note_a: t(6),
            note_b: t(7),
            adjust_reason: t(8),
            set_reason: t(9),
            end_reason: t(10),
            file_a: "group-a.jsonl".into(),
            file_b: "group-b.jsonl".into(),
            source: "scenarios/structure.ron".into(),
            recorded_with: "0.1.0".into(),
            hash: "sha256:0123abcd".into(),
            forked_from: "/tmp/first.jsonl".into(),
        }
    }

    fn from(v: &[String]) -> Self {
        let t = |k: usize| v[k % v.len()].clone();
        JournalTexts {
            organisation_a: t(0),
            organisation_b: t(1),
            facilitator: t(2),
            member_red: t(3),
            member_blue: t(4),
            note_a: t(5),
            note_b: t(6),
            adjust_reason: t(7),
            set_reason: t(8),
            end_reason: t(9),
            file_a: t(10),
            file_b: t(11),
            source: t(12),
            recorded_with: t(13),
            hash: t(14),
            forked_from: t(15),
        }
    }
}

fn choose(d: &str, o: &str) -> Command {
    Command::Choose {
        decision: d.into(),
        option: o.into(),
        team: None,
    }
}

fn start(org: &str, j: &JournalTexts) -> Command {
    Command::Start {
        params: BTreeMap::new(),
        session: SessionInfo {
            organisation: org.into(),
            facilitator: j.facilitator.clone(),
            members: [
                ("red".to_string(), j.member_red.clone()),
                ("blue".to_string(), j.member_blue.clone()),
            ]
            .into_iter()
            .collect(),
        },
    }
}

/// A journal in memory: commands one second apart.
fn journal(sc: &Scenario, j: &JournalTexts, forked: bool, commands: Vec<Command>) -> ReadJournal {
    let mut header = Header::new(sc, &j.source, 7, "2026-03-12T13:30:00Z".into());
    header.downtime = j.recorded_with.clone();
    header.scenario_hash = j.hash.clone();
    if forked {
        header.forked_from = Some(Fork {
            journal: j.forked_from.clone(),
            at: 3,
        });
    }
    let entries = commands
        .into_iter()
        .enumerate()
        .map(|(k, cmd)| Entry {
            seq: k as u64 + 1,
            t: k as u64 * 1000,
            cmd,
        })
        .collect();
    ReadJournal {
        header,
        entries,
        marks: Vec::new(),
        warning: None,
        valid_len: 0,
    }
}

fn report_of(sc: &Arc<Scenario>, journal: &ReadJournal, file: &str) -> Report {
    report::document_of(Arc::clone(sc), journal, file)
        .unwrap_or_else(|e| panic!("the journal replays: {e}"))
        .reports
        .remove(0)
}

/// The Markdown outputs of a scenario and its journals' texts: a report ended by the
/// facilitator (with an undo and overrides), a report in progress, and a comparison.
fn outputs(ron: &str, j: &JournalTexts) -> Vec<(&'static str, String)> {
    let sc = scenario(ron);
    let a = journal(
        &sc,
        j,
        true,
        vec![
            start(&j.organisation_a, j),
            Command::Note {
                text: j.note_a.clone(),
            },
            choose("pick", "b"),
            Command::AdjustMetric {
                metric: "m".into(),
                delta: -5.0,
                reason: j.adjust_reason.clone(),
            },
            Command::Undo,
            choose("pick", "a"),
            Command::SetMetric {
                metric: "n".into(),
                value: 30.0,
                reason: j.set_reason.clone(),
            },
            Command::NextInject,
            choose("same", "x"),
            Command::Note {
                text: j.note_b.clone(),
            },
            Command::EndNow {
                reason: j.end_reason.clone(),
            },
        ],
    );
    let b = journal(
        &sc,
        j,
        false,
        vec![
            start(&j.organisation_b, j),
            choose("pick", "b"),
            Command::NextInject,
            choose("same", "x"),
            Command::NextPhase,
            Command::EndNow {
                reason: String::new(),
            },
        ],
    );
    let c = journal(
        &sc,
        j,
        false,
        vec![
            start("", j),
            Command::Note {
                text: j.note_b.clone(),
            },
        ],
    );
    let (ra, rb) = (report_of(&sc, &a, &j.file_a), report_of(&sc, &b, &j.file_b));
    let rc = report_of(&sc, &c, &j.file_b);
    let md = |reports: Vec<Report>| {
        report::render(&report::document_of_reports(reports), ReportFormat::Md)
    };
    vec![
        ("report", md(vec![ra.clone()])),
        ("report in progress", md(vec![rc])),
        ("comparison", md(vec![ra, rb])),
    ]
}

/// Every parser extension that could turn text into structure.
fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_MATH
        | Options::ENABLE_GFM
        | Options::ENABLE_DEFINITION_LIST
}

/// The structural events of a Markdown document, with where each comes from.
fn structure(md: &str) -> Vec<(String, Range<usize>)> {
    Parser::new_ext(md, options())
        .into_offset_iter()
        .filter_map(|(e, at)| {
            let name = match e {
                Event::Start(tag) => format!("start {}", tag_name(&tag)),
                Event::End(end) => format!("end {end:?}"),
                Event::Html(_) => "html".into(),
                Event::InlineHtml(_) => "inline html".into(),
                Event::Rule => "rule".into(),
                Event::FootnoteReference(_) => "footnote reference".into(),
                Event::TaskListMarker(_) => "task marker".into(),
                Event::InlineMath(_) => "inline math".into(),
                Event::DisplayMath(_) => "display math".into(),
                Event::Text(_) | Event::Code(_) | Event::SoftBreak | Event::HardBreak => {
                    return None;
                }
            };
            Some((name, at))
        })
        .collect()
}

/// A tag without its text (link targets, heading ids, code languages).
fn tag_name(tag: &Tag) -> String {
    match tag {
        Tag::Heading { level, .. } => format!("heading {level:?}"),
        Tag::CodeBlock(_) => "code block".into(),
        Tag::List(start) => format!("list {start:?}"),
        Tag::Table(columns) => format!("table of {}", columns.len()),
        Tag::Link { link_type, .. } => format!("link {link_type:?}"),
        Tag::Image { link_type, .. } => format!("image {link_type:?}"),
        Tag::FootnoteDefinition(_) => "footnote definition".into(),
        Tag::MetadataBlock(_) => "metadata".into(),
        other => format!("{other:?}"),
    }
}

/// The line of `md` around a byte offset, for messages.
fn line_at(md: &str, at: usize) -> &str {
    let at = at.min(md.len());
    let start = md[..at].rfind('\n').map_or(0, |i| i + 1);
    let end = md[at..].find('\n').map_or(md.len(), |i| at + i);
    &md[start..end]
}

/// Compares the structure of a hostile output with its benign twin's.
fn same_structure(what: &str, benign: &str, hostile: &str) -> Result<(), String> {
    let (a, b) = (structure(benign), structure(hostile));
    let differ = a
        .iter()
        .zip(&b)
        .position(|(x, y)| x.0 != y.0)
        .or_else(|| (a.len() != b.len()).then(|| a.len().min(b.len())));
    let Some(i) = differ else {
        return Ok(());
    };
    let show = |v: &[(String, Range<usize>)], md: &str| match v.get(i) {
        Some((name, at)) => format!("{name} at line {:?}", line_at(md, at.start)),
        None => "the end".into(),
    };
    Err(format!(
        "{what}: the structure differs at event {i} of {}/{}:\n  benign:  {}\n  hostile: {}",
        a.len(),
        b.len(),
        show(&a, benign),
        show(&b, hostile)
    ))
}

/// Fragments that mean something to Markdown (or to a terminal), and a few plain ones.
const FRAGMENTS: &[&str] = &[
    "|",
    "||",
    " | ",
    "\n",
    "\n\n",
    "\r\n",
    "\t",
    "    ",
    "   ",
    " ",
    "  ",
    "```",
    "~~~",
    "``",
    "---",
    "***",
    "___",
    "- ",
    "-",
    "+ ",
    "* ",
    "1. ",
    "1) ",
    "12.",
    "# ",
    "#",
    "##",
    "###### ",
    "> ",
    ">",
    "=",
    "===",
    "<div>",
    "</div>",
    "<script>",
    "<!--",
    "-->",
    "<br>",
    "<?php",
    "<![CDATA[",
    "[x](https://evil.example/)",
    "[x]: https://evil.example/",
    "![i](i.png)",
    "<https://evil.example/>",
    "https://evil.example/",
    "www.evil.example",
    "a@b.example",
    "&amp;",
    "&#42;",
    "&lt;",
    "&",
    "\\",
    "`",
    "*",
    "**",
    "_",
    "__",
    "~",
    "~~",
    "$",
    "$$",
    ": ",
    ":",
    "[^1]",
    "[^1]: note",
    "[!NOTE]",
    "[ ] ",
    "[x] ",
    "[",
    "]",
    "(",
    ")",
    "{#id}",
    "| --- |",
    ":---:",
    "\u{a0}",
    "\u{2028}",
    "\u{200b}",
    "\u{1b}[31m",
    "\u{202e}",
    "é",
    "中文",
    "🙂",
    "word",
    "Text",
    "a",
    "1",
    ".",
    "!",
];

/// Words, one of which goes somewhere in every hostile string.
const WORDS: &[&str] = &["a", "word", "Text", "7", "é", "中文"];

/// A hostile string: fragments and printable ASCII around a word (so that it is never
/// blank, as the benign text it replaces is not).
fn hostile() -> impl Strategy<Value = String> {
    (
        prop::collection::vec(
            prop_oneof![
                3 => prop::sample::select(FRAGMENTS).prop_map(String::from),
                1 => "[ -~]{1,3}",
            ],
            0..8,
        ),
        prop::sample::select(WORDS),
        any::<prop::sample::Index>(),
    )
        .prop_map(|(mut parts, word, at)| {
            parts.insert(at.index(parts.len() + 1), word.to_string());
            parts.concat()
        })
}

/// How many texts [`BASE`] has.
fn base_texts() -> usize {
    let mut n = 0;
    with_texts(BASE, |_, _, _| {
        n += 1;
        String::new()
    });
    n
}

#[test]
fn the_base_scenario_has_texts_everywhere() {
    let n = base_texts();
    assert!(n >= 60, "only {n} texts");
    let benign = with_texts(BASE, benign_text);
    for (what, md) in outputs(&benign, &JournalTexts::benign()) {
        let s = structure(&md);
        let count = |name: &str| s.iter().filter(|(e, _)| e.starts_with(name)).count();
        assert!(count("start table") >= 8, "{what}: {md}");
        assert!(count("start list") >= 3, "{what}");
        assert!(count("start BlockQuote") >= 2, "{what}");
        // The http source is a link, in each group's report.
        let links = if what == "comparison" { 2 } else { 1 };
        assert_eq!(count("start link"), links, "{what}");
        for needle in ["Text 0", "Journal text 3"] {
            assert!(md.contains(needle), "{what}: {needle:?} missing");
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn hostile_text_keeps_the_structure_of_every_markdown_report(
        texts in prop::collection::vec(hostile(), base_texts() + 16),
    ) {
        let n = base_texts();
        let benign = outputs(&with_texts(BASE, benign_text), &JournalTexts::benign());
        let ron = with_texts(BASE, |k, key, value| hostile_text(&texts[k], key, value));
        let hostile = outputs(&ron, &JournalTexts::from(&texts[n..]));
        for ((what, b), (_, h)) in benign.iter().zip(&hostile) {
            if let Err(e) = same_structure(what, b, h) {
                return Err(TestCaseError::fail(e));
            }
        }
    }
}

/// Replaces the strings under people's, notes' and reasons' keys of a journal line.
fn benign_strings(v: &mut serde_json::Value, key: &str, k: &mut usize) {
    match v {
        serde_json::Value::Object(m) => {
            for (name, x) in m.iter_mut() {
                benign_strings(x, name, k);
            }
        }
        serde_json::Value::String(s)
            if ["organisation", "facilitator", "red", "text", "reason"].contains(&key) =>
        {
            *k += 1;
            *s = format!("Journal text {k}");
        }
        _ => {}
    }
}

/// The benign twin of a journal: every person's, note's and reason's text replaced.
fn benign_journal(jsonl: &str) -> String {
    let mut k = 0;
    let mut out = String::new();
    for line in jsonl.lines() {
        let mut v: serde_json::Value = serde_json::from_str(line).unwrap();
        benign_strings(&mut v, "", &mut k);
        out.push_str(&v.to_string());
        out.push('\n');
    }
    out
}

#[test]
fn the_hostile_fixture_keeps_the_structure_of_its_benign_twin() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let ron =
        std::fs::read_to_string(root.join("tests/fixtures/scenarios/hostile-text.ron")).unwrap();
    let jsonl =
        std::fs::read_to_string(root.join("tests/fixtures/journals/hostile-text.jsonl")).unwrap();
    let render = |ron: &str, jsonl: &str, file: &str| {
        let sc = scenario(ron);
        let read = read_journal_text(file, jsonl.as_bytes()).unwrap();
        let one = report_of(&sc, &read, file);
        let mut two = one.clone();
        two.label.push_str(" again");
        [
            (
                "report",
                report::render(
                    &report::document_of_reports(vec![one.clone()]),
                    ReportFormat::Md,
                ),
            ),
            (
                "comparison",
                report::render(
                    &report::document_of_reports(vec![one, two]),
                    ReportFormat::Md,
                ),
            ),
        ]
    };
    let benign = render(
        &with_texts(&ron, benign_text),
        &benign_journal(&jsonl),
        "benign.jsonl",
    );
    let hostile = render(&ron, &jsonl, "hostile | `text` <b>.jsonl");
    assert!(hostile[0].1.contains("\\<script\\>alert(1)\\</script\\>"));
    for ((what, b), (_, h)) in benign.iter().zip(&hostile) {
        same_structure(what, b, h).unwrap();
    }
}
