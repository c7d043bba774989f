//! Loading budgets (issue "Foundation"): load + validate + compile of a scenario at most
//! 1.3× the time of bare `ron` deserialization of the same file, and a generated scenario of
//! 10,000 injects under 250 ms.
//!
//! Run: `cargo bench --bench load`.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};

// The same allocator as the `downtime` binary, for every contender.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
use downtime::scenario::files::NoFiles;
use downtime::scenario::model::ScenarioFile;
use downtime::scenario::{Scenario, load_str};

/// A valid scenario with `n` injects: timed, chained, conditional; a decision every tenth.
pub fn generated(n: usize) -> String {
    // Expressions vary from inject to inject, as in a real scenario.
    let mut s = String::from(
        r#"#![enable(implicit_some)]
Scenario(
    format: 1,
    meta: (id: "generated", title: "Generated", objectives: [(id: "o", text: "Objective")]),
    teams: [(id: "a", name: "A"), (id: "b", name: "B")],
    clock: (start: "2024-01-06T21:00", step: "15m", end: "30d"),
    metrics: [(id: "m", label: "M", start: 50, weight: 1), (id: "k", label: "K", start: 50, weight: 1)],
    flags: [(id: "f", label: "F")],
    counters: [(id: "c", label: "C")],
    systems: [(id: "s", name: "S")],
    services: [(id: "v", name: "V", depends_on: ["s"])],
    injects: [
"#,
    );
    for i in 0..n {
        let trigger = match i % 3 {
            0 => format!("at: \"{}m\"", (i % 40_000) * 15),
            1 => format!("after: \"i{}\", delay: \"15m\"", i - 1),
            _ => format!("when: \"elapsed >= {}h && m > 10 && !f\"", i % 500),
        };
        let decision = if i % 10 == 0 {
            format!(
                r#", decision: (team: "a", prompt: "Decide {i}?", options: [
            (id: "x", label: "X", effects: ["m -= 1", "f = c > 3"]),
            (id: "y", label: "Y", requires: "m > 20", effects: ["k += 1", "c += 1"], outcomes: [(label: "good", chance: 0.5, effects: ["m += 2"]), (label: "bad", effects: ["s = down"])])])"#
            )
        } else {
            String::new()
        };
        let d = i % 97;
        s.push_str(&format!(
            "        (id: \"i{i}\", title: \"Inject number {i}\", {trigger}, channel: Phone, sender: \"Someone\", severity: Medium, body: \"The body of inject {i}, with some text to read.\", effects: [\"m += 0.{d}\", \"k -= {d}\"]{decision}),\n"
        ));
    }
    s.push_str(
        r#"    ],
    endings: [(id: "bad", title: "Bad", when: "m < 5"), (id: "over", title: "Over", default: true)],
    scoring: (checks: [(id: "ck", title: "Check", when: "f", within: "1h", objective: "o")]),
)
"#,
    );
    s
}

fn load(name: &str, text: &str) -> std::sync::Arc<Scenario> {
    load_str(name, text, String::new(), &NoFiles)
        .scenario
        .expect("the benchmarked scenario is valid")
}

fn bench(c: &mut Criterion) {
    let tutorial =
        std::fs::read_to_string("scenarios/tutorial.ron").expect("run from the crate root");
    // The tutorial names an attachment; benchmark it without file access.
    let tutorial = tutorial.replace("attachment: \"attachments/tutorial-ransom-note.txt\",", "");
    load("tutorial", &tutorial);
    let mut g = c.benchmark_group("tutorial");
    g.bench_function("ron_typed", |b| {
        b.iter(|| ron::from_str::<ScenarioFile>(black_box(&tutorial)).unwrap())
    });
    g.bench_function("ron_value", |b| {
        b.iter(|| ron::from_str::<ron::Value>(black_box(&tutorial)).unwrap())
    });
    g.bench_function("load_validate_compile", |b| {
        b.iter(|| load("t", black_box(&tutorial)))
    });
    g.finish();

    let big = generated(10_000);
    load("generated", &big);
    let mut g = c.benchmark_group("generated_10000_injects");
    g.sample_size(20);
    g.bench_function("ron_typed", |b| {
        b.iter(|| ron::from_str::<ScenarioFile>(black_box(&big)).unwrap())
    });
    g.bench_function("load_validate_compile", |b| {
        b.iter(|| load("g", black_box(&big)))
    });
    // The stages, to see where the time goes.
    let limits = downtime::scenario::syntax::Limits::default();
    g.bench_function("stage_parse", |b| {
        b.iter(|| downtime::scenario::syntax::parse(black_box(&big), &limits).unwrap())
    });
    g.bench_function("stage_parse_deserialize", |b| {
        b.iter(|| {
            let tree = downtime::scenario::syntax::parse(black_box(&big), &limits).unwrap();
            downtime::scenario::de::from_node::<ScenarioFile>(&tree).unwrap()
        })
    });
    g.bench_function("stage_validate_compile", |b| {
        let source = downtime::scenario::source::SourceFile::new("g", &big);
        b.iter_batched(
            || {
                let tree = downtime::scenario::syntax::parse(&big, &limits).unwrap();
                downtime::scenario::de::from_node::<ScenarioFile>(&tree)
                    .unwrap()
                    .0
            },
            |file| downtime::scenario::validate::validate(&source, file, &NoFiles, String::new()),
            criterion::BatchSize::LargeInput,
        )
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
