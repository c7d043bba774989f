//! Property-based fuzzing in the normal test suite, through the same entry points as the
//! cargo-fuzz targets (`fuzz/src/harness.rs`, included here): arbitrary bytes and mutated
//! bundled scenarios, expressions and journals never panic; they load, or give
//! diagnostics or an error, and whatever is printed holds no control character.

#[allow(dead_code)]
#[path = "../fuzz/src/harness.rs"]
mod harness;

use proptest::prelude::*;

/// An edit of a text: deletes, inserts, duplicates or replaces a few bytes.
#[derive(Clone, Debug)]
enum Mutation {
    Delete(usize, usize),
    Insert(usize, Vec<u8>),
    Duplicate(usize, usize),
    Replace(usize, u8),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    // Bytes that matter to RON, expressions and JSON, plus any byte at all.
    let interesting = prop_oneof![
        prop::sample::select(b"()[]{}:,\"\\'#/*-+.0123456789eE_ \n\t\x1b\xe2\x80\xae\xff".to_vec()),
        any::<u8>(),
    ];
    prop_oneof![
        (any::<usize>(), 1usize..64).prop_map(|(a, n)| Mutation::Delete(a, n)),
        (
            any::<usize>(),
            prop::collection::vec(interesting.clone(), 1..8)
        )
            .prop_map(|(a, b)| Mutation::Insert(a, b)),
        (any::<usize>(), 1usize..200).prop_map(|(a, n)| Mutation::Duplicate(a, n)),
        (any::<usize>(), interesting).prop_map(|(a, b)| Mutation::Replace(a, b)),
    ]
}

fn apply(mut bytes: Vec<u8>, edits: &[Mutation]) -> Vec<u8> {
    for m in edits {
        let len = bytes.len().max(1);
        match m {
            Mutation::Delete(at, n) => {
                let at = at % len;
                let end = (at + n).min(bytes.len());
                if at < end {
                    bytes.drain(at..end);
                }
            }
            Mutation::Insert(at, b) => {
                let at = (at % len).min(bytes.len());
                bytes.splice(at..at, b.iter().copied());
            }
            Mutation::Duplicate(at, n) => {
                let at = (at % len).min(bytes.len());
                let end = (at + n).min(bytes.len());
                let copy = bytes[at..end].to_vec();
                bytes.splice(end..end, copy);
            }
            Mutation::Replace(at, b) => {
                if !bytes.is_empty() {
                    let at = at % bytes.len();
                    bytes[at] = *b;
                }
            }
        }
    }
    bytes
}

/// The seed corpus of a fuzz target, sorted by name.
fn corpus(target: &str) -> Vec<Vec<u8>> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/corpus")
        .join(target);
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files.iter().map(|p| std::fs::read(p).unwrap()).collect()
}

/// Effect lists with `if(...)` nested at random, and now and then a piece missing or
/// misplaced (a condition, a branch, an `else:`, a bracket).
fn conditional_effects() -> impl Strategy<Value = String> {
    let cond = prop::sample::select(vec![
        "f",
        "fired(first)",
        "m < 40",
        "!f && c > 1",
        "m",
        "",
        "p_choice == \"low\"",
    ]);
    let leaf = prop::sample::select(vec![
        "m += 1",
        "c -= 2",
        "f = true",
        "cancel(second)",
        "schedule(second, 1h)",
        "end(done)",
        "else: m += 1",
        "",
        "m ? 1 : 2",
    ])
    .prop_map(str::to_string);
    leaf.prop_recursive(6, 64, 3, move |inner| {
        (
            cond.clone(),
            prop::collection::vec(inner.clone(), 1..3),
            prop::option::of(prop::collection::vec(inner, 1..3)),
            prop::sample::select(vec![", else: ", ", ", "; else: ", ",else:"]),
            any::<bool>(),
        )
            .prop_map(|(c, then, other, sep, close)| {
                let mut s = format!("if({c}, {}", then.join("; "));
                if let Some(o) = other {
                    s.push_str(sep);
                    s.push_str(&o.join("; "));
                }
                if close {
                    s.push(')');
                }
                s
            })
    })
}

fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

#[test]
fn the_seed_corpora_pass_every_check() {
    let scenarios = corpus("scenario_load");
    assert!(
        scenarios.len() >= 3,
        "the bundled scenarios are in the corpus"
    );
    for s in &scenarios {
        harness::scenario_bytes(s);
    }
    for e in corpus("expr") {
        harness::expr(&String::from_utf8(e).expect("expressions are text"));
    }
    let journals = corpus("journal");
    assert!(!journals.is_empty());
    for j in &journals {
        harness::journal_bytes(j);
    }
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn arbitrary_bytes_never_panic_the_loader(data in prop::collection::vec(any::<u8>(), 0..2048)) {
        harness::scenario_bytes(&data);
    }

    #[test]
    fn mutated_bundled_scenarios_load_or_give_diagnostics(
        which in any::<prop::sample::Index>(),
        edits in prop::collection::vec(mutation(), 1..6),
    ) {
        let all = downtime::bundled::all();
        let b = which.get(&all);
        harness::scenario_bytes(&apply(b.text.as_bytes().to_vec(), &edits));
    }

    #[test]
    fn recovering_parser_terminates_with_errors_for_garbage(
        text in "[\\[\\](){}:,\"'a-z0-9 @#/*.\n-]{0,400}",
    ) {
        let limits = downtime::scenario::syntax::Limits::default();
        let parsed = downtime::scenario::syntax::parse_all(&text, &limits);
        let first = downtime::scenario::syntax::parse(&text, &limits);
        // Every input ends (the test would time out otherwise); an invalid one gives
        // errors, the first of them the stopping parser's, all inside the text.
        prop_assert_eq!(first.is_err(), !parsed.errors.is_empty());
        if let Err(e) = first {
            prop_assert_eq!(Some(&e), parsed.errors.first());
        }
        for e in &parsed.errors {
            prop_assert!(e.span.start <= e.span.end && e.span.end <= text.len());
        }
        if let Some(doc) = &parsed.document {
            let _ = downtime::scenario::de::from_node_all::<downtime::scenario::model::ScenarioFile>(&doc.value);
        }
    }

    #[test]
    fn mutated_scenarios_recover_deterministically(
        which in any::<prop::sample::Index>(),
        edits in prop::collection::vec(mutation(), 1..8),
    ) {
        let all = downtime::bundled::all();
        let b = which.get(&all);
        let bytes = apply(b.text.as_bytes().to_vec(), &edits);
        let files = downtime::scenario::files::NoFiles;
        let once = downtime::scenario::load_bytes("m.ron", &bytes, &files).report.render_text(100);
        let twice = downtime::scenario::load_bytes("m.ron", &bytes, &files).report.render_text(100);
        prop_assert_eq!(once, twice);
    }

    #[test]
    fn arbitrary_expressions_never_panic(src in "[a-z_ ()!&|=<>+*/%?:;,.\"0-9-]{0,80}") {
        harness::expr(&src);
    }

    #[test]
    fn nested_conditional_effects_compile_or_give_a_diagnostic(src in conditional_effects()) {
        harness::expr(&src);
    }

    #[test]
    fn mutated_expressions_never_panic(
        which in any::<prop::sample::Index>(),
        edits in prop::collection::vec(mutation(), 1..4),
    ) {
        let seeds = corpus("expr");
        let bytes = apply(which.get(&seeds).clone(), &edits);
        if let Ok(src) = std::str::from_utf8(&bytes) {
            harness::expr(src);
        }
    }

    #[test]
    fn arbitrary_bytes_never_panic_the_journal_reader(data in prop::collection::vec(any::<u8>(), 0..1024)) {
        harness::journal_bytes(&data);
    }

    #[test]
    fn mutated_journals_read_or_give_an_error(
        which in any::<prop::sample::Index>(),
        edits in prop::collection::vec(mutation(), 1..6),
    ) {
        let seeds = corpus("journal");
        harness::journal_bytes(&apply(which.get(&seeds).clone(), &edits));
    }

    #[test]
    fn journals_of_arbitrary_commands_replay_or_give_an_error(
        cmds in prop::collection::vec((any::<u8>(), "\\PC{0,12}"), 0..30),
    ) {
        let header = String::from_utf8(corpus("journal")[0].clone()).unwrap();
        let mut text = header.lines().next().unwrap().to_string();
        text.push('\n');
        for (i, (k, s)) in cmds.iter().enumerate() {
            let entry = downtime::journal::Entry {
                seq: i as u64 + 1,
                t: i as u64 * 10,
                cmd: harness::command_of(*k, s),
            };
            text.push_str(&serde_json::to_string(&entry).unwrap());
            text.push('\n');
        }
        harness::journal_bytes(text.as_bytes());
    }
}
