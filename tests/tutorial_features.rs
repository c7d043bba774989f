//! The tutorial uses every feature of the format, checked mechanically: the list of
//! constructs (`downtime::scenario::features::CONSTRUCTS`) covers every function and effect
//! the loader knows, and the tutorial uses every construct of the list but the documented
//! exception.

use std::collections::BTreeSet;
use std::path::Path;

use downtime::scenario::expr::symbols::{ACTIONS, FUNCTIONS};
use downtime::scenario::features::{CONSTRUCTS, is_construct, used};
use downtime::scenario::model::FORMAT_VERSION;

/// Constructs the tutorial deliberately leaves out, each with the reason.
const EXCEPTIONS: &[(&str, &str)] = &[(
    "scoring.unscored",
    "the tutorial keeps its score: a scored and an unscored exercise cannot be the same file",
)];

#[test]
fn the_construct_list_is_sorted_without_duplicates() {
    for w in CONSTRUCTS.windows(2) {
        assert!(
            w[0].0 < w[1].0,
            "CONSTRUCTS is not strictly sorted: `{}` before `{}`",
            w[0].0,
            w[1].0
        );
    }
    for (name, doc) in CONSTRUCTS {
        assert!(!doc.is_empty(), "`{name}` has no description");
    }
    for (name, _) in EXCEPTIONS {
        assert!(is_construct(name), "exception `{name}` is not a construct");
    }
}

#[test]
fn every_function_and_effect_of_the_loader_is_a_construct() {
    let mut missing = Vec::new();
    for (name, _) in FUNCTIONS {
        // `chance` is listed only to explain that it is a field, not a function.
        if name != "chance" && !is_construct(&format!("fn:{name}")) {
            missing.push(format!("function `{name}` (add `fn:{name}`)"));
        }
    }
    // Each entry of ACTIONS names its forms by their leading word (or the assignments).
    let forms: &[(&str, &[&str])] = &[
        ("schedule(", &["effect:schedule", "effect:schedule_delay"]),
        ("cancel(", &["effect:cancel"]),
        ("start(", &["effect:start"]),
        ("meet(", &["effect:meet"]),
        ("end(", &["effect:end"]),
        (
            "name = value",
            &["effect:assign", "effect:add", "effect:sub"],
        ),
    ];
    for action in ACTIONS {
        let Some((_, names)) = forms.iter().find(|(p, _)| action.starts_with(p)) else {
            missing.push(format!("effect `{action}` (map it here and in CONSTRUCTS)"));
            continue;
        };
        for n in *names {
            if !is_construct(n) {
                missing.push(format!("effect `{action}` (add `{n}`)"));
            }
        }
    }
    for n in ["effect:if", "effect:else", "effect:system"] {
        if !is_construct(n) {
            missing.push(format!("effect `{n}`"));
        }
    }
    assert!(
        missing.is_empty(),
        "the loader knows constructs that CONSTRUCTS does not list:\n  {}",
        missing.join("\n  ")
    );
}

#[test]
fn the_tutorial_uses_every_construct_but_the_exceptions() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/tutorial.ron");
    let loaded = downtime::scenario::load_file(&path);
    let sc = loaded
        .scenario
        .unwrap_or_else(|| panic!("the tutorial loads:\n{}", loaded.report.render_text(100)));
    let file = downtime::graph::parse_file(&loaded.report.source.text).expect("it parses");
    assert_eq!(
        file.format.value, FORMAT_VERSION,
        "the tutorial is written in the newest format"
    );
    let uses = used(&file, &sc);
    let exceptions: BTreeSet<&str> = EXCEPTIONS.iter().map(|(n, _)| *n).collect();
    let missing: Vec<String> = CONSTRUCTS
        .iter()
        .filter(|(n, _)| !uses.contains(n) && !exceptions.contains(n))
        .map(|(n, doc)| format!("{n}: {doc}"))
        .collect();
    assert!(
        missing.is_empty(),
        "scenarios/tutorial.ron does not use {} construct(s):\n  {}",
        missing.len(),
        missing.join("\n  ")
    );
    let unexpected: Vec<&&str> = exceptions.iter().filter(|n| uses.contains(*n)).collect();
    assert!(
        unexpected.is_empty(),
        "the tutorial uses an exception: {unexpected:?}"
    );
}

#[test]
fn an_unscored_file_shows_the_exception() {
    let text = r#"Scenario(
        format: 2,
        meta: (id: "u", title: "U"),
        teams: [(id: "t", name: "T")],
        clock: (start: "2025-01-01T00:00", step: "15m", end: "1h"),
        injects: [(id: "i", title: "I", at: "0m")],
        endings: [(id: "e", title: "E", default: true)],
        scoring: None,
    )"#;
    let loaded = downtime::scenario::load_str(
        "u.ron",
        text,
        downtime::scenario::load::hash_bytes(text.as_bytes()),
        &downtime::scenario::files::NoFiles,
    );
    let sc = loaded
        .scenario
        .unwrap_or_else(|| panic!("loads:\n{}", loaded.report.render_text(100)));
    let file = downtime::graph::parse_file(text).expect("it parses");
    let uses = used(&file, &sc);
    assert!(uses.contains("scoring.unscored"), "{uses:?}");
    assert!(uses.contains("trigger:at"), "{uses:?}");
}
