//! The checks behind every fuzz target, shared by the cargo-fuzz targets (`fuzz_targets/`)
//! and the proptest fuzzing of the normal test suite (`tests/fuzz_props.rs` includes this
//! file). Each entry point takes untrusted input, must never panic, and checks properties
//! that hold for any input: diagnostics point inside the file, and text written for a
//! terminal holds no control character.

use std::sync::{Arc, OnceLock};

use downtime::engine::{Command, Exercise};
use downtime::headless::transcript::Transcript;
use downtime::headless::{self, Bare, Driver, Policy};
use downtime::journal::{self, ReadJournal};
use downtime::report::Format as ReportFormat;
use downtime::scenario::expr::compile;
use downtime::scenario::expr::symbols::{Name, ParamType, Symbols, Usage};
use downtime::scenario::files::NoFiles;
use downtime::scenario::{Scenario, load_bytes, load_str};
use downtime::text::is_dangerous;

/// Most commands a fuzzed playthrough sends (a scenario's clock is bounded, but a fuzz
/// input should stay fast).
pub const MAX_COMMANDS: usize = 400;

/// The tutorial, loaded once: journals are replayed against it.
pub fn tutorial() -> Arc<Scenario> {
    static T: OnceLock<Arc<Scenario>> = OnceLock::new();
    T.get_or_init(|| {
        downtime::bundled::find("tutorial")
            .and_then(|b| b.load().scenario)
            .expect("the bundled tutorial loads")
    })
    .clone()
}

/// Panics if `text` holds a character a terminal would interpret (newlines and tabs
/// excepted), naming `what`.
pub fn assert_printable(what: &str, text: &str) {
    if let Some((i, c)) = text
        .char_indices()
        .find(|&(_, c)| is_dangerous(c) && c != '\n' && c != '\t')
    {
        let from = (0..=i.saturating_sub(40))
            .rev()
            .find(|&k| text.is_char_boundary(k))
            .unwrap_or(0);
        panic!(
            "{what}: control character U+{:04X} at byte {i}, after {:?}",
            c as u32,
            &text[from..i]
        );
    }
}

/// Loads bytes as a scenario file (no attachments can be read). Every diagnostic's span
/// lies inside the text on character boundaries, the diagnostics render as text and
/// JSON, and a scenario without errors plays to its end (bounded) with a printable
/// transcript.
pub fn scenario_bytes(data: &[u8]) {
    let loaded = load_bytes("fuzz.ron", data, &NoFiles);
    let text = &loaded.report.source.text;
    for d in &loaded.report.diagnostics {
        if let Some(s) = d.span {
            assert!(
                s.start <= s.end && s.end <= text.len(),
                "{} span {s:?} outside a {}-byte file: {}",
                d.code,
                text.len(),
                d.message
            );
            assert!(
                text.is_char_boundary(s.start) && text.is_char_boundary(s.end),
                "{} span {s:?} splits a character: {}",
                d.code,
                d.message
            );
        }
    }
    let rendered = loaded.report.render_text(100);
    assert_printable("check output", &downtime::text::sanitize_block(&rendered));
    let _ = loaded.report.to_json();
    if let Some(sc) = loaded.scenario {
        play(sc, data.len() as u64);
    }
}

/// Plays a scenario with the random policy for at most [`MAX_COMMANDS`] commands; the
/// transcript must be printable.
pub fn play(sc: Arc<Scenario>, seed: u64) {
    let mut bare = Bare {
        exercise: Exercise::new(sc, seed),
        real: 0,
    };
    let mut policy = Policy::random(seed);
    let mut transcript = Transcript::new(downtime::i18n::Lang::En, bare.exercise(), "random");
    for _ in 0..MAX_COMMANDS {
        let Some(cmd) = headless::next_command(bare.exercise(), &mut policy) else {
            break;
        };
        match bare.send(cmd.clone()) {
            Ok(events) => transcript.record(bare.exercise(), &cmd, &events),
            Err(e) => panic!("the policy's own command {cmd:?} was refused: {e}"),
        }
    }
    transcript.finish(bare.exercise());
    let _ = bare.exercise().score();
    assert_printable("transcript", transcript.text());
}

/// A fixed symbol table shaped like a small scenario: a metric, a flag, a counter, three
/// parameters (bool, number, choice), a system and a service; two injects, a decision
/// with two options, a deadline, an ending and two phases.
pub fn symbols() -> &'static Symbols {
    static S: OnceLock<Symbols> = OnceLock::new();
    S.get_or_init(|| {
        // Collected into whatever maps `Symbols` uses.
        fn map<M: FromIterator<(String, u16)>>(names: &[&str]) -> M {
            names
                .iter()
                .enumerate()
                .map(|(i, n)| (n.to_string(), i as u16))
                .collect()
        }
        let values = [
            ("m", Name::Metric(0)),
            ("f", Name::Flag(0)),
            ("c", Name::Counter(0)),
            ("p_bool", Name::Param(0, ParamType::Bool)),
            ("p_num", Name::Param(1, ParamType::Num)),
            ("p_choice", Name::Param(2, ParamType::Choice)),
            ("sys", Name::System(0)),
            ("svc", Name::Service(0)),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v))
        .collect();
        Symbols {
            values,
            injects: map(&["first", "second"]),
            decisions: map(&["d"]),
            options: vec![map(&["yes", "no"])],
            deadlines: map(&["dl"]),
            endings: map(&["done"]),
            phases: map(&["p1", "p2"]),
            actions: map(&["act"]),
            choices: vec![Vec::new(), Vec::new(), vec!["low".into(), "high".into()]],
            format: 2,
        }
    })
}

/// A scenario matching [`symbols`], with `cond` as the ending's condition and `effects`
/// as the first option's effects.
pub fn scenario_with(cond: &str, effects: &str) -> String {
    let q = |s: &str| {
        let mut o = String::from("\"");
        for c in s.chars() {
            match c {
                '"' => o.push_str("\\\""),
                '\\' => o.push_str("\\\\"),
                '\n' => o.push_str("\\n"),
                '\r' => o.push_str("\\r"),
                '\t' => o.push_str("\\t"),
                c if (c as u32) < 0x20 => o.push_str(&format!("\\u{{{:x}}}", c as u32)),
                c => o.push(c),
            }
        }
        o.push('"');
        o
    };
    format!(
        r#"Scenario(format: 2,
    meta: (id: "fuzz", title: "Fuzz"),
    teams: [(id: "t", name: "T")],
    clock: (start: "2024-01-01T08:00", step: "15m", end: "4h"),
    phases: [(id: "p1", title: "One", start: "0m"), (id: "p2", title: "Two", start: "2h")],
    parameters: [
        (id: "p_bool", label: "B", kind: Bool, default: true),
        (id: "p_num", label: "N", kind: Number(min: 0, max: 10), default: 5),
        (id: "p_choice", label: "C", kind: Choice(["low", "high"]), default: "low"),
    ],
    metrics: [(id: "m", label: "M", start: 50, weight: 1)],
    flags: [(id: "f", label: "F")],
    counters: [(id: "c", label: "C")],
    systems: [(id: "sys", name: "S")],
    services: [(id: "svc", name: "V", depends_on: ["sys"], paper: 50)],
    injects: [
        (id: "first", title: "First", at: "0m", body: "b",
         decision: (id: "d", team: "t", prompt: "?", options: [
            (id: "yes", label: "Yes", effects: [{effects}]),
            (id: "no", label: "No"),
         ])),
        (id: "second", title: "Second", body: "b"),
    ],
    deadlines: [(id: "dl", label: "L", duration: "1h")],
    endings: [
        (id: "done", title: "Done", when: {cond}),
        (id: "end", title: "End", default: true),
    ],
)"#,
        effects = q(effects),
        cond = q(cond),
    )
}

/// Parses `src` as an expression and as effects, compiles both against [`symbols`], and
/// when both compile, loads and plays a scenario that uses them.
pub fn expr(src: &str) {
    let syms = symbols();
    let mut usage = Usage::new(1, 1, 1, 2, 1, 1, 1);
    let cond = compile::compile_expr(src, syms, &mut usage);
    if let Err(e) = &cond {
        check_span(src, e.span);
    }
    let cond_ok = compile::compile_condition(src, syms, &mut usage).is_ok();
    let eff = compile::compile_effects(src, syms, &mut usage, &mut Vec::new());
    if let Err(e) = &eff {
        check_span(src, e.span);
    }
    // Run what compiled inside a real scenario: as the ending's condition, or as effects.
    if cond_ok || eff.is_ok() {
        let cond = if cond_ok { src } else { "false" };
        let effects = if eff.is_ok() { src } else { "" };
        let text = scenario_with(cond, effects);
        let loaded = load_str("fuzz.ron", &text, "sha256:fuzz".into(), &NoFiles);
        if let Some(sc) = loaded.scenario {
            play(sc, src.len() as u64);
        }
    }
}

fn check_span(src: &str, s: downtime::scenario::source::Span) {
    assert!(
        s.start <= s.end && s.end <= src.len(),
        "expression span {s:?} outside {} bytes",
        src.len()
    );
}

/// Reads bytes as a journal and, when they read, replays them against the tutorial; a
/// journal that replays gives a report whose Markdown and HTML hold no control character
/// and whose JSON parses.
pub fn journal_bytes(data: &[u8]) {
    let Ok(read) = journal::read_journal_text("fuzz.jsonl", data) else {
        return;
    };
    assert!(read.valid_len <= data.len() as u64);
    replay_and_report(&read);
}

/// Replays a journal against the tutorial and renders its report in every format.
pub fn replay_and_report(read: &ReadJournal) {
    let sc = tutorial();
    let Ok(ex) = journal::replay(sc.clone(), read) else {
        return;
    };
    let _ = ex.score();
    if read.entries.len() > MAX_COMMANDS {
        return;
    }
    let Ok(doc) = downtime::report::document_of(sc, read, "fuzz.jsonl") else {
        return;
    };
    for format in [ReportFormat::Md, ReportFormat::Html] {
        let text = downtime::report::render(&doc, format);
        assert_printable("report", &text);
    }
    let json = downtime::report::render(&doc, ReportFormat::Json);
    serde_json::from_str::<serde_json::Value>(&json).expect("the JSON report parses");
}

/// A command the fuzzers may append to a journal: every kind, valid or not.
pub fn command_of(k: u8, text: &str) -> Command {
    match k % 14 {
        0 => Command::Step,
        1 => Command::NextInject,
        2 => Command::NextPhase,
        3 => Command::Pause,
        4 => Command::Resume,
        5 => Command::Note {
            text: text.to_string(),
        },
        6 => Command::Curveball {
            inject: text.to_string(),
        },
        7 => Command::SetMetric {
            metric: "trust".into(),
            value: f64::from(k),
            reason: text.to_string(),
        },
        8 => Command::Choose {
            decision: "contain".into(),
            option: if (k / 14).is_multiple_of(2) {
                "isolate"
            } else {
                "wait"
            }
            .into(),
            team: None,
        },
        9 => Command::Timeout {
            decision: text.to_string(),
        },
        10 => Command::EndNow {
            reason: text.to_string(),
        },
        11 => Command::Undo,
        12 => Command::AdjustMetric {
            metric: text.to_string(),
            delta: -f64::from(k),
            reason: text.to_string(),
        },
        _ => Command::Start {
            params: Default::default(),
            session: Default::default(),
        },
    }
}
