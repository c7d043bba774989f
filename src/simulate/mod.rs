//! Monte Carlo balance analysis: many headless playthroughs of one scenario, summarised for
//! its author (endings, score distribution, best-practice hit rates, coverage, and which
//! decisions move the score).
//!
//! Run `i` of a simulation seeded `S` uses the seed [`run_seed`]`(S, i)` for both the
//! exercise and (with the random policy) the decision-maker, so any single run can be
//! replayed with `downtime run SCENARIO --seed <that seed> --policy random`. Runs are
//! spread over threads in fixed chunks; each thread keeps integer counts, which add up to
//! the same totals in any order: the report does not depend on `--jobs`.
//!
//! Parameters take their defaults unless set with `--param NAME=VALUE`.

pub mod balance;
pub mod report;
pub mod tally;

use std::collections::BTreeMap;
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use crate::engine::{Command, Exercise, ParamSetting};
use crate::errln;
use crate::headless::{Policy, next_command, unanswerable};
use crate::scenario::Scenario;
use crate::scenario::compiled::ParamValue;

pub use report::Report;
pub use tally::Tally;

/// Runs handed to a worker at a time.
const CHUNK: u64 = 64;

/// Most commands one playthrough may take before it counts as stuck.
pub const MAX_COMMANDS: u64 = 100_000;

/// How the simulated teams decide.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PolicyKind {
    /// A random available option.
    Random,
    /// The first available option.
    First,
    /// The recommended option, else the first available.
    BestPractice,
    /// Best practice except one option at one decision (see [`Policy::BestExcept`]).
    BestExcept {
        /// The decision.
        decision: u16,
        /// The option taken there.
        option: u16,
    },
}

impl PolicyKind {
    /// Parses `random`, `first` or `best-practice`.
    pub fn parse(name: &str) -> Result<PolicyKind, String> {
        match Policy::parse(name, 0)? {
            Policy::First => Ok(PolicyKind::First),
            Policy::Random(_) => Ok(PolicyKind::Random),
            Policy::BestPractice => Ok(PolicyKind::BestPractice),
            Policy::BestExcept { decision, option } => {
                Ok(PolicyKind::BestExcept { decision, option })
            }
        }
    }

    /// The policy's name.
    pub fn name(self) -> &'static str {
        match self {
            PolicyKind::Random => "random",
            PolicyKind::First => "first",
            PolicyKind::BestPractice => "best-practice",
            PolicyKind::BestExcept { .. } => "best-practice-except",
        }
    }

    fn make(self, seed: u64) -> Policy {
        match self {
            PolicyKind::Random => Policy::random(seed),
            PolicyKind::First => Policy::First,
            PolicyKind::BestPractice => Policy::BestPractice,
            PolicyKind::BestExcept { decision, option } => Policy::BestExcept { decision, option },
        }
    }
}

/// What to simulate.
#[derive(Clone, Debug)]
pub struct Config {
    /// Number of playthroughs.
    pub runs: u64,
    /// How decisions are taken.
    pub policy: PolicyKind,
    /// Seed of the simulation.
    pub seed: u64,
    /// Worker threads (at least 1).
    pub jobs: usize,
    /// Parameter values (missing ones take their default).
    pub params: BTreeMap<String, ParamSetting>,
}

/// The seed of run `i` of a simulation seeded `seed` (SplitMix64 of both).
pub fn run_seed(seed: u64, i: u64) -> u64 {
    splitmix64(splitmix64(seed) ^ i.wrapping_mul(0xD1B5_4A32_D192_ED03))
}

fn splitmix64(x: u64) -> u64 {
    let mut z = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// Plays one run to its end and returns the exercise and the number of commands applied.
pub fn play_one(
    sc: &Arc<Scenario>,
    start: &Command,
    policy: PolicyKind,
    seed: u64,
) -> Result<(Exercise, u64), String> {
    play_run(sc, start, policy, seed).map(|(ex, n, _)| (ex, n))
}

/// Like [`play_one`], also returning the decisions that were open at some moment with no
/// available option (they waited for one), in index order.
pub fn play_run(
    sc: &Arc<Scenario>,
    start: &Command,
    policy: PolicyKind,
    seed: u64,
) -> Result<(Exercise, u64, Vec<u16>), String> {
    let mut ex = Exercise::new(Arc::clone(sc), seed);
    let mut pol = policy.make(seed);
    let mut real = 0;
    let mut waited: Vec<u16> = Vec::new();
    ex.apply(start.clone(), real).map_err(|e| e.to_string())?;
    let mut commands = 1;
    loop {
        if !ex.pending().is_empty() {
            for d in unanswerable(&ex) {
                if let Err(k) = waited.binary_search(&d) {
                    waited.insert(k, d);
                }
            }
        }
        let Some(cmd) = next_command(&ex, &mut pol) else {
            break;
        };
        if commands >= MAX_COMMANDS {
            return Err(format!(
                "the exercise did not end within {MAX_COMMANDS} commands"
            ));
        }
        real += 1000;
        ex.apply(cmd, real).map_err(|e| e.to_string())?;
        commands += 1;
    }
    Ok((ex, commands, waited))
}

/// Runs the simulation; `progress` counts finished runs as they complete.
pub fn simulate(sc: &Arc<Scenario>, cfg: &Config, progress: &AtomicU64) -> Tally {
    let start = Command::Start {
        params: cfg.params.clone(),
        session: Default::default(),
    };
    let next = AtomicU64::new(0);
    let jobs = cfg.jobs.max(1);
    let work = || {
        // Each thread plays on its own copy of the scenario: the engine clones its `Arc`
        // many times per step, and a shared reference count would bounce between cores.
        let local = if jobs > 1 {
            Arc::new(Scenario::clone(sc))
        } else {
            Arc::clone(sc)
        };
        let sc = &local;
        let mut tally = Tally::new(sc);
        loop {
            let from = next.fetch_add(CHUNK, Ordering::Relaxed);
            if from >= cfg.runs {
                break;
            }
            let to = (from + CHUNK).min(cfg.runs);
            for i in from..to {
                let seed = run_seed(cfg.seed, i);
                match play_run(sc, &start, cfg.policy, seed) {
                    Ok((ex, commands, waited)) => {
                        tally.record(&ex, commands);
                        for d in waited {
                            tally.no_option[d as usize] += 1;
                        }
                    }
                    Err(e) => tally.fail(i, seed, e),
                }
            }
            progress.fetch_add(to - from, Ordering::Relaxed);
        }
        tally
    };
    if jobs == 1 {
        return work();
    }
    std::thread::scope(|s| {
        let handles: Vec<_> = (0..jobs).map(|_| s.spawn(work)).collect();
        let mut total = Tally::new(sc);
        for h in handles {
            match h.join() {
                Ok(t) => total.merge(&t),
                Err(p) => std::panic::resume_unwind(p),
            }
        }
        total
    })
}

/// Resolves `NAME=VALUE` settings against the scenario's parameters.
pub fn parse_params(
    sc: &Scenario,
    list: &[String],
) -> Result<BTreeMap<String, ParamSetting>, String> {
    let mut out = BTreeMap::new();
    for item in list {
        let (k, v) = item
            .split_once('=')
            .ok_or_else(|| format!("`--param {item}`: write NAME=VALUE"))?;
        let k = k.trim();
        let i = sc.param_index(k).ok_or_else(|| {
            let known: Vec<&str> = sc.params.iter().map(|p| p.id.as_str()).collect();
            if known.is_empty() {
                format!("`--param {k}`: the scenario has no parameters")
            } else {
                format!(
                    "`--param {k}`: no such parameter (known: {})",
                    known.join(", ")
                )
            }
        })?;
        let p = &sc.params[i as usize];
        let setting = match p.parse(v)? {
            ParamValue::Bool(b) => ParamSetting::Bool(b),
            ParamValue::Num(n) => ParamSetting::Num(n),
            ParamValue::Choice(c) => ParamSetting::Choice(p.format(&ParamValue::Choice(c))),
        };
        out.insert(k.to_string(), setting);
    }
    Ok(out)
}

/// The parameter values used, for the report.
fn params_used(sc: &Scenario, set: &BTreeMap<String, ParamSetting>) -> Vec<report::ParamUsed> {
    sc.params
        .iter()
        .map(|p| {
            let value = match set.get(&p.id) {
                Some(ParamSetting::Bool(b)) => p.format(&ParamValue::Bool(*b)),
                Some(ParamSetting::Num(n)) => p.format(&ParamValue::Num(*n)),
                Some(ParamSetting::Choice(c)) => c.clone(),
                None => p.format(&p.default),
            };
            report::ParamUsed {
                id: p.id.clone(),
                default: value == p.format(&p.default),
                value,
            }
        })
        .collect()
}

/// Simulates and builds the report (no output, no progress bar).
pub fn report(sc: &Arc<Scenario>, cfg: &Config) -> Report {
    let tally = simulate(sc, cfg, &AtomicU64::new(0));
    Report::build(
        sc,
        &tally,
        cfg.runs,
        cfg.policy.name(),
        cfg.seed,
        params_used(sc, &cfg.params),
    )
}

/// What `downtime simulate` is asked to do.
#[derive(Clone, Debug)]
pub struct Options {
    /// The scenario file.
    pub scenario: std::path::PathBuf,
    /// Number of playthroughs.
    pub runs: u64,
    /// The policy's name: `random`, `first` or `best-practice`.
    pub policy: String,
    /// Seed of the whole simulation.
    pub seed: u64,
    /// Worker threads (default: all cores).
    pub jobs: Option<usize>,
    /// Parameter settings, `NAME=VALUE`.
    pub params: Vec<String>,
    /// JSON instead of text.
    pub json: bool,
    /// The language asked for (`--lang`).
    pub lang: Option<String>,
    /// Measure the balance rules (see [`balance`]) instead of one simulation.
    pub balance: bool,
}

/// `downtime simulate`.
pub fn run(args: &Options) -> ExitCode {
    match run_inner(args) {
        Ok(code) => code,
        Err((code, msg)) => {
            errln!("downtime simulate: {msg}");
            ExitCode::from(code)
        }
    }
}

fn run_inner(args: &Options) -> Result<ExitCode, (u8, String)> {
    let policy = PolicyKind::parse(&args.policy).map_err(|e| (2, e))?;
    if args.runs == 0 {
        return Err((2, "--runs must be at least 1".into()));
    }
    let jobs = match args.jobs {
        Some(0) => return Err((2, "--jobs must be at least 1".into())),
        Some(j) => j,
        None => std::thread::available_parallelism().map_or(1, |n| n.get()),
    };
    let sc = crate::output::load_or_report_in(&args.scenario, args.lang.as_deref())
        .map_err(|_| (1, crate::output::has_errors(args.lang.as_deref())))?;
    let params = parse_params(&sc, &args.params).map_err(|e| (2, e))?;
    if args.balance {
        let effort = balance::Effort {
            runs: args.runs,
            seed: args.seed,
            jobs,
        };
        let b = balance::measure(&sc, &effort);
        let text = if args.json {
            b.to_json()
        } else {
            let lang =
                crate::i18n::Lang::for_scenario(args.lang.as_deref(), &sc, crate::wall::env_lang());
            b.to_text(lang, &sc.meta.title)
        };
        let _ = crate::output::out(&text);
        return Ok(ExitCode::from(if b.holds() { 0 } else { 1 }));
    }
    let cfg = Config {
        runs: args.runs,
        policy,
        seed: args.seed,
        jobs: jobs.min(usize::try_from(args.runs.div_ceil(CHUNK)).unwrap_or(usize::MAX)),
        params,
    };
    let progress = AtomicU64::new(0);
    let started = Instant::now();
    let tally = std::thread::scope(|s| {
        let worker = s.spawn(|| simulate(&sc, &cfg, &progress));
        watch_progress(&worker, &progress, cfg.runs);
        worker.join()
    })
    .map_err(|_| (2, "a simulation thread panicked".to_string()))?;
    let elapsed = started.elapsed();
    let report = Report::build(
        &sc,
        &tally,
        cfg.runs,
        policy.name(),
        cfg.seed,
        params_used(&sc, &cfg.params),
    );
    let text = if args.json {
        report.to_json()
    } else {
        let env = crate::wall::env_lang();
        report.to_text(crate::i18n::Lang::for_scenario(
            args.lang.as_deref(),
            &sc,
            env,
        ))
    };
    let _ = crate::output::out(&text);
    if crate::output::stderr_is_terminal() {
        let secs = elapsed.as_secs_f64().max(1e-9);
        errln!(
            "{} runs in {:.2} s ({:.0} runs/s, {} threads)",
            cfg.runs,
            secs,
            cfg.runs as f64 / secs,
            cfg.jobs
        );
    }
    Ok(ExitCode::from(if tally.failed > 0 { 1 } else { 0 }))
}

/// Shows a progress bar on stderr once the simulation has taken more than a second
/// (indicatif draws nothing when stderr is not a terminal).
fn watch_progress<T>(worker: &std::thread::ScopedJoinHandle<'_, T>, done: &AtomicU64, total: u64) {
    let started = Instant::now();
    let mut bar: Option<indicatif::ProgressBar> = None;
    while !worker.is_finished() {
        std::thread::sleep(Duration::from_millis(50));
        if bar.is_none() && started.elapsed() >= Duration::from_secs(1) {
            let b = indicatif::ProgressBar::with_draw_target(
                Some(total),
                indicatif::ProgressDrawTarget::stderr(),
            );
            if let Ok(style) = indicatif::ProgressStyle::with_template(
                "{bar:40} {pos}/{len} runs ({percent}%), about {eta} left",
            ) {
                b.set_style(style);
            }
            bar = Some(b);
        }
        if let Some(b) = &bar {
            b.set_position(done.load(Ordering::Relaxed));
        }
    }
    if let Some(b) = bar {
        b.finish_and_clear();
    }
}
