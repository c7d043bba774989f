//! Engine budget (issue "Engine"): at least 1,000,000 decision steps per second on one core
//! with the bundled scenarios, a step being one command applied and its events produced.
//!
//! Run: `cargo bench --bench engine`. Criterion reports throughput in commands per second.

use std::hint::black_box;
use std::sync::Arc;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

// The same allocator as the `downtime` binary.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
use downtime::engine::Exercise;
use downtime::headless::{Policy, next_command};
use downtime::scenario::Scenario;

const SEEDS: u64 = 64;

/// Plays random playthroughs for seeds 0..SEEDS; returns the number of commands applied.
fn playthroughs(s: &Arc<Scenario>) -> u64 {
    let mut commands = 0;
    for seed in 0..SEEDS {
        let mut ex = Exercise::new(s.clone(), seed);
        let mut policy = Policy::random(seed);
        let mut real = 0;
        while let Some(cmd) = next_command(&ex, &mut policy) {
            real += 1000;
            black_box(ex.apply(cmd, real).expect("valid command"));
            commands += 1;
        }
    }
    commands
}

fn bench(c: &mut Criterion) {
    let mut g = c.benchmark_group("random_playthroughs");
    for b in downtime::bundled::all() {
        let s = b.load().scenario.expect("bundled scenarios are valid");
        let commands = playthroughs(&s);
        g.throughput(Throughput::Elements(commands));
        g.bench_function(b.name, |bench| bench.iter(|| playthroughs(&s)));
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
