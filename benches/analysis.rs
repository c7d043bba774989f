//! Speed of the skill-versus-luck analysis of `downtime report`.
//!
//! Budget: the full analysis of a flagship journal (1,000 replays of the team's decisions,
//! plus every alternative of every decision over 200 of them) in at most 2 seconds on a
//! 2-core machine (`budget/flagship`, all cores). The "journal" is a playthrough of the
//! flagship by the random policy (seed 7), so that the team's decisions are varied. Before
//! the timed benchmark, one analysis prints its time and the number of forks on stderr.
//!
//! Run with `cargo bench --bench analysis`.

use std::hint::black_box;
use std::path::Path;
use std::time::Instant;

use criterion::{Criterion, criterion_group, criterion_main};

// The same allocator as the `downtime` binary.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use downtime::analysis::{Config, analyse};
use downtime::engine::Command;
use downtime::simulate::{PolicyKind, play_one};

const FLAGSHIP: &str = "scenarios/saturday-night-blackout.ron";

fn bench(c: &mut Criterion) {
    let sc = downtime::scenario::load_file(Path::new(FLAGSHIP))
        .scenario
        .expect("the flagship loads");
    let start = Command::Start {
        params: Default::default(),
        session: Default::default(),
    };
    let (journal, _) = play_one(&sc, &start, PolicyKind::Random, 7).expect("the flagship plays");
    let cfg = Config::default();
    let t0 = Instant::now();
    let a = analyse(&journal, &cfg);
    let secs = t0.elapsed().as_secs_f64();
    let forks: u64 = a
        .decisions
        .iter()
        .flat_map(|d| d.options.iter().filter(|o| !o.chosen))
        .map(|o| o.counts.runs)
        .sum();
    eprintln!(
        "flagship analysis on {} threads in {secs:.3} s: {} replays, {} forked alternatives \
         over {} decisions, expected score {:?}, this run {}",
        cfg.jobs,
        a.completed,
        forks,
        a.decisions.len(),
        a.expected(),
        a.actual
    );
    let mut g = c.benchmark_group("budget");
    g.sample_size(10);
    g.bench_function("flagship", |b| {
        b.iter(|| black_box(analyse(&journal, &cfg)))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
