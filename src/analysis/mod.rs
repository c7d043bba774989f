//! Skill told apart from luck: the team's own decisions played again under many other
//! seeds, and each decision's alternatives tried against the same dice.
//!
//! **Replays.** Replay `i` starts the journal's scenario with the journal's parameter
//! values and the seed [`run_seed`]`(S, i)`, where `S` is derived from the journal's seed
//! (so the analysis of a journal is always the same). The clock is driven as headless
//! policies drive it ([`next_command`]); each decision that opens is answered at once with
//! the option the team chose for it in the journal (the choice in force at the end, undone
//! choices left out, a timeout counting as its default option), else the recommended
//! option, else the first available one. The journal's own step commands, pauses and the
//! time the room took are not copied: under another seed the same moments do not come in
//! the same order, and what is being measured is *what* the team decided, not when. The
//! facilitator's interventions (curveballs, metric overrides, ending early) are left out too;
//! [`Analysis::interventions`] counts them so the report can say so.
//!
//! **Alternatives.** In the first [`Config::alternative_runs`] replays, each time a
//! decision the team took opens, the exercise is cloned and every other option that is
//! available then is played to the end from the clone (the team's later choices still
//! apply where their decisions arise). The alternative and the team's option thus meet the
//! same dice up to that moment and continue from the same random stream: the difference of
//! their scores, averaged over the replays where the decision arose, is the option's effect.
//!
//! **Determinism.** Runs are independent; each thread adds integer counts (scores in tenths
//! of a point), so the result does not depend on the number of threads.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use crate::engine::{Command, Exercise, LogKind, OptionStatus, Status};
use crate::headless::{Policy, next_command};
use crate::scenario::Scenario;
use crate::scenario::time::Secs;
use crate::simulate::{MAX_COMMANDS, run_seed};

/// Runs handed to a worker at a time.
const CHUNK: u64 = 16;

/// Mixed into the journal's seed so that replays never reuse the journal's own dice.
const ANALYSIS_STREAM: u64 = 0x616e_616c_7973_6973;

/// Score histogram buckets: tenths of a point, 0.0 to 100.0.
const BUCKETS: usize = 1001;

/// How much to replay.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Config {
    /// Replays of the team's decisions.
    pub replays: u64,
    /// Replays (the first ones) in which every alternative of every decision is tried.
    pub alternative_runs: u64,
    /// Worker threads (at least 1); the result does not depend on it.
    pub jobs: usize,
}

impl Default for Config {
    /// 1,000 replays, alternatives over 200 of them, on every core.
    fn default() -> Self {
        Config {
            replays: 1000,
            alternative_runs: 200,
            jobs: std::thread::available_parallelism().map_or(1, |n| n.get()),
        }
    }
}

/// Counts of one option of a decision in the alternative runs.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct OptionCounts {
    /// Runs where the decision arose with this option available.
    pub runs: u64,
    /// Sum of those runs' final scores, in tenths of a point.
    pub score_tenths: i64,
    /// Runs where both this option and the team's were available.
    pub paired: u64,
    /// Sum over those runs of (this option's score − the team's option's score), tenths.
    pub delta_tenths: i64,
}

/// One option's expected effect.
#[derive(Clone, Debug, PartialEq)]
pub struct OptionEffect {
    /// The option.
    pub option: u16,
    /// Whether it is the team's choice.
    pub chosen: bool,
    /// The raw counts.
    pub counts: OptionCounts,
}

impl OptionEffect {
    /// Expected final score with this option, when it was ever available.
    pub fn expected(&self) -> Option<f64> {
        mean(self.counts.score_tenths, self.counts.runs)
    }

    /// Expected difference of the final score against the team's option (paired runs).
    pub fn delta(&self) -> Option<f64> {
        mean(self.counts.delta_tenths, self.counts.paired)
    }
}

/// What each option of one of the team's decisions would have made.
#[derive(Clone, Debug, PartialEq)]
pub struct DecisionEffect {
    /// The decision.
    pub decision: u16,
    /// The team's option.
    pub chosen: u16,
    /// Alternative runs in which the decision arose.
    pub arose: u64,
    /// Every option, in the scenario's order.
    pub options: Vec<OptionEffect>,
}

impl DecisionEffect {
    /// The largest difference (in absolute value) any alternative would have made.
    pub fn weight(&self) -> f64 {
        self.options
            .iter()
            .filter(|o| !o.chosen)
            .filter_map(OptionEffect::delta)
            .fold(0.0, |m, d| m.max(d.abs()))
    }
}

/// A random draw of the journal's run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DiceKind {
    /// An outcome drawn for the team's option.
    Outcome {
        /// Decision.
        decision: u16,
        /// The team's option.
        option: u16,
        /// The outcome drawn.
        outcome: u16,
    },
    /// A random event that happened (at least once).
    RandomEvent {
        /// The event.
        event: u16,
    },
    /// An inject with a chance: it fired, or its roll skipped it.
    Inject {
        /// The inject.
        inject: u16,
        /// Whether it fired.
        fired: bool,
    },
}

/// A draw of the journal's run and how often the replays drew the same.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Dice {
    /// What was drawn.
    pub kind: DiceKind,
    /// When, when known (scenario seconds).
    pub at: Option<Secs>,
    /// Replays that drew the same.
    pub same: u64,
    /// Replays in which the draw was made at all (the decision taken with the same option,
    /// the inject rolled; every replay for random events).
    pub of: u64,
}

/// The analysis of one journal.
#[derive(Clone, Debug, PartialEq)]
pub struct Analysis {
    /// Seed of the replays (derived from the journal's seed).
    pub seed: u64,
    /// Replays asked for.
    pub replays: u64,
    /// Replays completed.
    pub completed: u64,
    /// Replays that could not be completed.
    pub failed: u64,
    /// Replays in which alternatives were tried.
    pub alternative_runs: u64,
    /// Score histogram of the completed replays, tenths of a point.
    pub scores: Vec<u64>,
    /// Sum of the replays' scores, tenths.
    pub score_tenths: i64,
    /// The journal's own score.
    pub actual: f64,
    /// Replays per ending.
    pub endings: Vec<u64>,
    /// The journal's ending, if it reached one.
    pub actual_ending: Option<u16>,
    /// Each decision the team took, in the scenario's order.
    pub decisions: Vec<DecisionEffect>,
    /// The journal's random draws, in the order outcomes, injects, random events.
    pub dice: Vec<Dice>,
    /// Facilitator interventions in the journal that the replays leave out.
    pub interventions: u64,
}

impl Analysis {
    /// Expected score of the team's decisions.
    pub fn expected(&self) -> Option<f64> {
        mean(self.score_tenths, self.completed)
    }

    /// Score at a percentile (nearest rank).
    pub fn percentile(&self, p: f64) -> Option<f64> {
        if self.completed == 0 {
            return None;
        }
        let rank = ((p / 100.0) * self.completed as f64).ceil().max(1.0) as u64;
        let mut seen = 0;
        for (t, &n) in self.scores.iter().enumerate() {
            seen += n;
            if seen >= rank {
                return Some(t as f64 / 10.0);
            }
        }
        None
    }

    /// The journal's score minus the expected score.
    pub fn luck(&self) -> Option<f64> {
        self.expected()
            .map(|e| ((self.actual - e) * 10.0).round() / 10.0)
    }

    /// The decisions that mattered most: by largest difference an alternative would have
    /// made, then in the scenario's order; at most `n`.
    pub fn mattered_most(&self, n: usize) -> Vec<&DecisionEffect> {
        let mut v: Vec<&DecisionEffect> = self
            .decisions
            .iter()
            .filter(|d| d.options.iter().any(|o| !o.chosen && o.delta().is_some()))
            .collect();
        v.sort_by(|a, b| b.weight().total_cmp(&a.weight()));
        v.truncate(n);
        v
    }
}

fn mean(sum: i64, n: u64) -> Option<f64> {
    (n > 0).then(|| (sum as f64 / n as f64).round() / 10.0)
}

/// The team's decisions, read from the journal's replayed exercise.
#[derive(Clone, Debug)]
struct Team {
    start: Command,
    /// Per decision, the team's option.
    /// Options taken per decision, in file order (several for a decision with `pick`).
    choices: Vec<Option<Vec<u16>>>,
}

impl Team {
    fn of(ex: &Exercise) -> Team {
        let params = ex
            .applied()
            .iter()
            .find_map(|(c, _)| match c {
                Command::Start { params, .. } => Some(params.clone()),
                _ => None,
            })
            .unwrap_or_default();
        Team {
            start: Command::Start {
                params,
                session: Default::default(),
            },
            choices: ex
                .state()
                .decisions
                .iter()
                .map(|d| d.choice.as_ref().map(|c| c.options()))
                .collect(),
        }
    }
}

/// Integer counts of many replays; merging is order-independent.
#[derive(Clone, Debug)]
struct Acc {
    completed: u64,
    failed: u64,
    scores: Vec<u64>,
    score_tenths: i64,
    endings: Vec<u64>,
    /// Per decision, per option.
    options: Vec<Vec<OptionCounts>>,
    /// Per decision: alternative runs in which it arose.
    arose: Vec<u64>,
    /// Per decision, per option, per outcome (last slot: no outcome): replays.
    outcomes: Vec<Vec<Vec<u64>>>,
    /// Per random event: replays in which it happened.
    random: Vec<u64>,
    /// Per inject: replays in which it fired, was skipped by its roll.
    injects: Vec<[u64; 2]>,
}

impl Acc {
    fn new(sc: &Scenario) -> Acc {
        Acc {
            completed: 0,
            failed: 0,
            scores: vec![0; BUCKETS],
            score_tenths: 0,
            endings: vec![0; sc.endings.len()],
            options: sc
                .decisions
                .iter()
                .map(|d| vec![OptionCounts::default(); d.options.len()])
                .collect(),
            arose: vec![0; sc.decisions.len()],
            outcomes: sc
                .decisions
                .iter()
                .map(|d| {
                    d.options
                        .iter()
                        .map(|o| vec![0; o.outcomes.len() + 1])
                        .collect()
                })
                .collect(),
            random: vec![0; sc.random_events.len()],
            injects: vec![[0; 2]; sc.injects.len()],
        }
    }

    fn merge(&mut self, o: &Acc) {
        fn add(a: &mut [u64], b: &[u64]) {
            a.iter_mut().zip(b).for_each(|(x, y)| *x += y);
        }
        self.completed += o.completed;
        self.failed += o.failed;
        add(&mut self.scores, &o.scores);
        self.score_tenths += o.score_tenths;
        add(&mut self.endings, &o.endings);
        for (a, b) in self.options.iter_mut().zip(&o.options) {
            for (x, y) in a.iter_mut().zip(b) {
                x.runs += y.runs;
                x.score_tenths += y.score_tenths;
                x.paired += y.paired;
                x.delta_tenths += y.delta_tenths;
            }
        }
        add(&mut self.arose, &o.arose);
        for (a, b) in self.outcomes.iter_mut().zip(&o.outcomes) {
            for (x, y) in a.iter_mut().zip(b) {
                add(x, y);
            }
        }
        add(&mut self.random, &o.random);
        for (a, b) in self.injects.iter_mut().zip(&o.injects) {
            a[0] += b[0];
            a[1] += b[1];
        }
    }

    fn record(&mut self, ex: &Exercise, tenths: i64) {
        let st = ex.state();
        let Status::Ended { ending } = ex.status() else {
            self.failed += 1;
            return;
        };
        self.completed += 1;
        self.scores[tenths as usize] += 1;
        self.score_tenths += tenths;
        self.endings[ending as usize] += 1;
        for (d, ds) in st.decisions.iter().enumerate() {
            if let Some(c) = &ds.choice {
                for (o, k) in c.picked() {
                    let slots = &mut self.outcomes[d][o as usize];
                    let k = k.map_or(slots.len() - 1, usize::from);
                    slots[k] += 1;
                }
            }
        }
        for (i, &hits) in st.random_hits.iter().enumerate() {
            self.random[i] += u64::from(hits > 0);
        }
        for (i, s) in st.injects.iter().enumerate() {
            self.injects[i][0] += u64::from(s.fired_at.is_some() && !s.curveball);
            self.injects[i][1] += u64::from(s.skipped);
        }
    }
}

/// The final score in tenths of a point.
fn tenths(ex: &Exercise) -> i64 {
    (ex.score().score * 10.0).round().clamp(0.0, 1000.0) as i64
}

/// The next command of a replay: as a best-practice headless run, but a decision is
/// answered by `forced` first, then by the team's choice when it is available.
fn next(ex: &Exercise, team: &Team, forced: Option<(u16, u16)>) -> Option<Command> {
    let cmd = next_command(ex, &mut Policy::BestPractice)?;
    let Command::Choose { decision, .. } = &cmd else {
        return Some(cmd);
    };
    let sc = ex.scenario();
    let Some(d) = sc.decision_index(decision) else {
        return Some(cmd);
    };
    let want = match forced {
        Some((fd, fo)) if fd == d => Some(vec![fo]),
        _ => team.choices[d as usize].clone(),
    };
    match want {
        Some(sel) if ex.selection_status(d, &sel) == OptionStatus::Available => {
            Some(Command::Choose {
                decision: decision.clone(),
                option: sc.decisions[d as usize].selection_ids(&sel),
                team: None,
            })
        }
        _ => Some(cmd),
    }
}

/// Plays on to the end; `Err` when a command is refused or the run does not end.
fn play_on(
    ex: &mut Exercise,
    team: &Team,
    forced: Option<(u16, u16)>,
    real: &mut u64,
    commands: &mut u64,
) -> Result<(), ()> {
    while let Some(cmd) = next(ex, team, forced) {
        *commands += 1;
        if *commands >= MAX_COMMANDS {
            return Err(());
        }
        *real += 1000;
        ex.apply(cmd, *real).map_err(|_| ())?;
    }
    Ok(())
}

/// The alternatives tried at one of the team's decisions in a replay.
struct Fork {
    decision: u16,
    /// The option the replay itself took.
    took: u16,
    /// Each alternative and its final score (tenths).
    alts: Vec<(u16, i64)>,
}

/// One replay; with `alternatives`, forks at each of the team's decisions.
fn replay(sc: &Arc<Scenario>, team: &Team, seed: u64, alternatives: bool, acc: &mut Acc) {
    let mut ex = Exercise::new(Arc::clone(sc), seed);
    if ex.apply(team.start.clone(), 0).is_err() {
        acc.failed += 1;
        return;
    }
    let mut real = 0;
    let mut commands = 1;
    let mut forks: Vec<Fork> = Vec::new();
    while let Some(cmd) = next(&ex, team, None) {
        commands += 1;
        if commands >= MAX_COMMANDS {
            acc.failed += 1;
            return;
        }
        if alternatives
            && let Command::Choose {
                decision, option, ..
            } = &cmd
            && let Some(d) = sc.decision_index(decision)
            && team.choices[d as usize].is_some()
            && !sc.decisions[d as usize].multi()
        {
            let dec = &sc.decisions[d as usize];
            let took = dec
                .options
                .iter()
                .position(|o| o.id == *option)
                .unwrap_or(0) as u16;
            let mut alts = Vec::new();
            for o in 0..dec.options.len() as u16 {
                if o == took || ex.option_status(d, o) != OptionStatus::Available {
                    continue;
                }
                let mut fork = ex.clone();
                let (mut r, mut c) = (real, commands);
                if play_on(&mut fork, team, Some((d, o)), &mut r, &mut c).is_ok() && fork.is_over()
                {
                    alts.push((o, tenths(&fork)));
                }
            }
            forks.push(Fork {
                decision: d,
                took,
                alts,
            });
        }
        real += 1000;
        if ex.apply(cmd, real).is_err() {
            acc.failed += 1;
            return;
        }
    }
    if !ex.is_over() {
        acc.failed += 1;
        return;
    }
    let base = tenths(&ex);
    acc.record(&ex, base);
    for Fork {
        decision: d,
        took,
        alts,
    } in forks
    {
        let (d, t) = (d as usize, took as usize);
        acc.arose[d] += 1;
        let own = &mut acc.options[d][t];
        own.runs += 1;
        own.score_tenths += base;
        let team_took = team.choices[d].as_deref() == Some(&[took][..]);
        if team_took {
            own.paired += 1;
        }
        for (o, score) in alts {
            let oc = &mut acc.options[d][o as usize];
            oc.runs += 1;
            oc.score_tenths += score;
            if team_took {
                oc.paired += 1;
                oc.delta_tenths += score - base;
            }
        }
    }
}

/// Analyses the journal's run `actual` (the exercise replayed from the journal).
pub fn analyse(actual: &Exercise, cfg: &Config) -> Analysis {
    let sc = actual.scenario_arc();
    let team = Team::of(actual);
    let seed = actual.seed() ^ ANALYSIS_STREAM;
    let jobs = cfg
        .jobs
        .max(1)
        .min(usize::try_from(cfg.replays.div_ceil(CHUNK)).unwrap_or(usize::MAX))
        .max(1);
    let next_run = AtomicU64::new(0);
    let work = || {
        // Each thread plays on its own copy of the scenario (see `simulate`).
        let local = if jobs > 1 {
            Arc::new(Scenario::clone(sc))
        } else {
            Arc::clone(sc)
        };
        let mut acc = Acc::new(&local);
        loop {
            let from = next_run.fetch_add(CHUNK, Ordering::Relaxed);
            if from >= cfg.replays {
                break;
            }
            for i in from..(from + CHUNK).min(cfg.replays) {
                replay(
                    &local,
                    &team,
                    run_seed(seed, i),
                    i < cfg.alternative_runs,
                    &mut acc,
                );
            }
        }
        acc
    };
    let acc = if jobs == 1 {
        work()
    } else {
        std::thread::scope(|s| {
            let handles: Vec<_> = (0..jobs).map(|_| s.spawn(work)).collect();
            let mut total = Acc::new(sc);
            for h in handles {
                match h.join() {
                    Ok(a) => total.merge(&a),
                    Err(p) => std::panic::resume_unwind(p),
                }
            }
            total
        })
    };
    finish(actual, &team, seed, cfg, acc)
}

fn finish(actual: &Exercise, team: &Team, seed: u64, cfg: &Config, acc: Acc) -> Analysis {
    let sc = actual.scenario();
    let st = actual.state();
    let decisions = team
        .choices
        .iter()
        .enumerate()
        // Several answers at once are replayed as taken, not weighed option by option.
        .filter_map(|(d, c)| match c.as_deref() {
            Some(&[one]) => Some((d, one)),
            _ => None,
        })
        .map(|(d, chosen)| DecisionEffect {
            decision: d as u16,
            chosen,
            arose: acc.arose[d],
            options: acc.options[d]
                .iter()
                .enumerate()
                .map(|(o, counts)| OptionEffect {
                    option: o as u16,
                    chosen: o as u16 == chosen,
                    counts: *counts,
                })
                .collect(),
        })
        .collect();
    let mut dice = Vec::new();
    let mut outcomes: Vec<(Secs, Dice)> = Vec::new();
    for (d, ds) in st.decisions.iter().enumerate() {
        let Some(c) = &ds.choice else { continue };
        for (o, k) in c.picked() {
            let Some(k) = k else { continue };
            if sc.decisions[d].options[o as usize].outcomes.len() <= 1 {
                continue;
            }
            let slots = &acc.outcomes[d][o as usize];
            outcomes.push((
                c.at,
                Dice {
                    kind: DiceKind::Outcome {
                        decision: d as u16,
                        option: o,
                        outcome: k,
                    },
                    at: Some(c.at),
                    same: slots[k as usize],
                    of: slots.iter().sum(),
                },
            ));
        }
    }
    outcomes.sort_by_key(|(at, _)| *at);
    dice.extend(outcomes.into_iter().map(|(_, d)| d));
    for (i, inj) in sc.injects.iter().enumerate() {
        let s = &st.injects[i];
        if inj.chance.is_none() || s.curveball || (s.fired_at.is_none() && !s.skipped) {
            continue;
        }
        let fired = s.fired_at.is_some();
        let [f, k] = acc.injects[i];
        dice.push(Dice {
            kind: DiceKind::Inject {
                inject: i as u16,
                fired,
            },
            at: s.fired_at,
            same: if fired { f } else { k },
            of: f + k,
        });
    }
    for (i, &hits) in st.random_hits.iter().enumerate() {
        if hits > 0 {
            dice.push(Dice {
                kind: DiceKind::RandomEvent { event: i as u16 },
                at: None,
                same: acc.random[i],
                of: acc.completed,
            });
        }
    }
    let interventions = actual
        .log()
        .iter()
        .filter(|l| {
            matches!(
                l.kind,
                LogKind::Curveball { .. }
                    | LogKind::Override { .. }
                    | LogKind::EndedByFacilitator { .. }
            )
        })
        .count() as u64;
    Analysis {
        seed,
        replays: cfg.replays,
        completed: acc.completed,
        failed: acc.failed,
        alternative_runs: cfg.alternative_runs.min(cfg.replays),
        scores: acc.scores,
        score_tenths: acc.score_tenths,
        actual: actual.score().score,
        endings: acc.endings,
        actual_ending: match actual.status() {
            Status::Ended { ending } => Some(ending),
            _ => None,
        },
        decisions,
        dice,
        interventions,
    }
}
