//! The balance rules an exercise is held to ("decisions outweigh dice"), measured by
//! simulation: how much luck moves best practice, how far best practice is above chance,
//! whether each recommended option is the best at its decision, whether every decision and
//! every parameter changes something, how endings spread, and whether the `first` policy
//! is a disguised best practice. `downtime simulate --balance` prints them;
//! `tests/scenario_quality.rs` holds the bundled exercises to them.
//!
//! Every figure comes from seeded runs ([`super::run_seed`]): the same scenario, runs and
//! seed give the same figures on any machine and with any number of threads.

use std::collections::BTreeMap;
use std::sync::Arc;
use std::sync::atomic::AtomicU64;

use serde::Serialize;

use super::{Config, PolicyKind, Tally, simulate};
use crate::engine::{Command, ParamSetting};
use crate::scenario::Scenario;
use crate::scenario::compiled::ParamValue;
use crate::scenario::model::ParamKind;

/// The limits of the rules (the bundled exercises' standard).
pub mod limit {
    /// Most points between best practice's 5th and 95th percentile scores.
    pub const BEST_SPREAD: f64 = 6.0;
    /// Least share of best-practice runs in its most frequent grade (or ending).
    pub const BEST_SAME: f64 = 0.95;
    /// Least points between best practice's mean score and random play's.
    pub const BEST_OVER_RANDOM: f64 = 25.0;
    /// Most points a recommended option may fall behind the best option at its decision.
    pub const RECOMMENDED_SLACK: f64 = 0.5;
    /// Least points between a decision's best and worst option under random play.
    pub const DECISION_MATTERS: f64 = 3.0;
    /// Least change of best practice's mean score a parameter value makes, in points…
    pub const PARAM_SCORE: f64 = 1.0;
    /// …or of an ending's share, in percentage points.
    pub const PARAM_ENDING: f64 = 5.0;
    /// Least share of random runs reaching each ending.
    pub const ENDING_MIN: f64 = 0.02;
    /// Most share of random runs reaching one ending.
    pub const ENDING_MAX: f64 = 0.60;
    /// Most share of runs in which the `first` policy chooses as best practice does.
    pub const FIRST_IS_BEST: f64 = 0.0;
}

/// How much to simulate.
#[derive(Clone, Debug)]
pub struct Effort {
    /// Runs per policy, parameter value and deviation.
    pub runs: u64,
    /// Seed of every simulation.
    pub seed: u64,
    /// Worker threads.
    pub jobs: usize,
}

/// One rule, measured.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Rule {
    /// Its name (`best_spread`, `recommended_best`…).
    pub id: &'static str,
    /// Whether it holds.
    pub holds: bool,
    /// The figure measured: points, a share between 0 and 1, or (`params_matter`) the
    /// smallest parameter's largest change as a multiple of its limits.
    pub figure: f64,
    /// The limit it is held to.
    pub limit: f64,
    /// What falls short: one line per decision, parameter or ending (ids and figures).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub short: Vec<Shortfall>,
}

/// One decision, parameter value or ending that breaks its rule.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Shortfall {
    /// The decision, parameter or ending id (`param=value` for a parameter value).
    pub id: String,
    /// Its figure.
    pub figure: f64,
    /// What it is compared with: the best alternative's id (recommended options), or empty.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub against: String,
}

/// The rules, measured on one scenario.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Balance {
    /// The scenario's id.
    pub scenario: String,
    /// Runs per simulation.
    pub runs: u64,
    /// The seed.
    pub seed: u64,
    /// Best practice's mean score.
    pub best_mean: f64,
    /// Random play's mean score.
    pub random_mean: f64,
    /// Every rule, in a fixed order.
    pub rules: Vec<Rule>,
    /// What each option of each single-answer decision with a recommended option does,
    /// taken alone against best practice, in file order.
    pub impacts: Vec<Impact>,
}

/// The options of one decision against best practice.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Impact {
    /// The decision's id.
    pub decision: String,
    /// Its options, in file order.
    pub options: Vec<OptionImpact>,
}

/// One option taken alone, everything else as best practice plays it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct OptionImpact {
    /// The option's id.
    pub option: String,
    /// Whether it is recommended.
    pub recommended: bool,
    /// The mean score of those runs.
    pub mean: f64,
    /// Its difference with best practice's mean.
    pub delta: f64,
}

impl Balance {
    /// Whether every rule holds.
    pub fn holds(&self) -> bool {
        self.rules.iter().all(|r| r.holds)
    }

    /// The rule named `id`.
    pub fn rule(&self, id: &str) -> Option<&Rule> {
        self.rules.iter().find(|r| r.id == id)
    }
}

fn mean(t: &Tally) -> f64 {
    if t.runs == 0 {
        0.0
    } else {
        t.score_tenths as f64 / t.runs as f64 / 10.0
    }
}

fn share(k: u64, n: u64) -> f64 {
    if n == 0 { 0.0 } else { k as f64 / n as f64 }
}

/// Rounds to a hundredth, so that figures print and compare the same everywhere.
fn r2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

fn rule(id: &'static str, figure: f64, limit: f64, holds: bool, short: Vec<Shortfall>) -> Rule {
    Rule {
        id,
        holds,
        figure: r2(figure),
        limit,
        short,
    }
}

/// Measures every rule on `sc`.
pub fn measure(sc: &Arc<Scenario>, effort: &Effort) -> Balance {
    let run = |policy: PolicyKind, params: BTreeMap<String, ParamSetting>| {
        let cfg = Config {
            runs: effort.runs,
            policy,
            seed: effort.seed,
            jobs: effort.jobs,
            params,
        };
        simulate(sc, &cfg, &AtomicU64::new(0))
    };
    let best = run(PolicyKind::BestPractice, BTreeMap::new());
    let random = run(PolicyKind::Random, BTreeMap::new());
    let (best_mean, random_mean) = (mean(&best), mean(&random));
    let mut rules = Vec::new();

    // Luck under best practice.
    let spread = match (best.percentile(95.0), best.percentile(5.0)) {
        (Some(hi), Some(lo)) => hi - lo,
        _ => 0.0,
    };
    rules.push(rule(
        "best_spread",
        spread,
        limit::BEST_SPREAD,
        spread <= limit::BEST_SPREAD + 1e-9,
        Vec::new(),
    ));
    let by = if sc.grades.is_empty() {
        &best.endings
    } else {
        &best.grades
    };
    let same = share(by.iter().copied().max().unwrap_or(0), best.runs);
    // What best practice got instead: its grades' shares (or its endings').
    let others: Vec<Shortfall> = by
        .iter()
        .enumerate()
        .filter(|&(_, &k)| k > 0)
        .map(|(i, &k)| Shortfall {
            id: if sc.grades.is_empty() {
                sc.endings[i].id.clone()
            } else {
                sc.grades[i].grade.clone()
            },
            figure: r2(share(k, best.runs)),
            against: String::new(),
        })
        .collect();
    rules.push(rule(
        "best_same",
        same,
        limit::BEST_SAME,
        same >= limit::BEST_SAME,
        if same >= limit::BEST_SAME {
            Vec::new()
        } else {
            others
        },
    ));
    rules.push(rule(
        "best_over_random",
        best_mean - random_mean,
        limit::BEST_OVER_RANDOM,
        best_mean - random_mean >= limit::BEST_OVER_RANDOM,
        Vec::new(),
    ));

    // Each recommended option against the other options of its decision, all else best.
    let mut worst_gap: f64 = 0.0;
    let mut short = Vec::new();
    let mut impacts = Vec::new();
    for (d, dec) in sc.decisions.iter().enumerate() {
        let d16 = d as u16;
        if dec.multi() || !dec.options.iter().any(|o| o.recommended) || best.taken[d].0 == 0 {
            continue;
        }
        // The recommended option taken at its decision is best practice itself.
        let means: Vec<(usize, f64)> = (0..dec.options.len())
            .map(|o| {
                if dec.options[o].recommended {
                    return (o, best_mean);
                }
                let t = run(
                    PolicyKind::BestExcept {
                        decision: d16,
                        option: o as u16,
                    },
                    BTreeMap::new(),
                );
                (o, mean(&t))
            })
            .collect();
        impacts.push(Impact {
            decision: dec.id.clone(),
            options: means
                .iter()
                .map(|&(o, m)| OptionImpact {
                    option: dec.options[o].id.clone(),
                    recommended: dec.options[o].recommended,
                    mean: r2(m),
                    delta: r2(m - best_mean),
                })
                .collect(),
        });
        let rec = means
            .iter()
            .filter(|(o, _)| dec.options[*o].recommended)
            .map(|&(_, m)| m)
            .fold(f64::MIN, f64::max);
        let Some(&(top, top_mean)) = means
            .iter()
            .filter(|(o, _)| !dec.options[*o].recommended)
            .max_by(|a, b| a.1.total_cmp(&b.1))
        else {
            continue;
        };
        let gap = top_mean - rec;
        worst_gap = worst_gap.max(gap);
        if gap > limit::RECOMMENDED_SLACK {
            short.push(Shortfall {
                id: dec.id.clone(),
                figure: r2(gap),
                against: dec.options[top].id.clone(),
            });
        }
    }
    rules.push(rule(
        "recommended_best",
        worst_gap,
        limit::RECOMMENDED_SLACK,
        short.is_empty(),
        short,
    ));

    // Every decision matters under random play.
    let mut least = f64::MAX;
    let mut short = Vec::new();
    for (d, dec) in sc.decisions.iter().enumerate() {
        let floor = (random.decisions_opened[d] / 100).max(1);
        let means: Vec<f64> = random.options[d]
            .iter()
            .filter(|c| c.chosen >= floor)
            .map(|c| c.score_tenths as f64 / c.chosen as f64 / 10.0)
            .collect();
        if means.len() < 2 {
            continue;
        }
        let hi = means.iter().copied().fold(f64::MIN, f64::max);
        let lo = means.iter().copied().fold(f64::MAX, f64::min);
        least = least.min(hi - lo);
        if hi - lo < limit::DECISION_MATTERS {
            short.push(Shortfall {
                id: dec.id.clone(),
                figure: r2(hi - lo),
                against: String::new(),
            });
        }
    }
    rules.push(rule(
        "decisions_matter",
        if least == f64::MAX { 0.0 } else { least },
        limit::DECISION_MATTERS,
        short.is_empty(),
        short,
    ));

    // Every parameter changes something under best play.
    let mut short = Vec::new();
    let mut least = f64::MAX;
    for p in &sc.params {
        let mut moved: f64 = 0.0;
        let values = alternatives(p);
        for (setting, _) in &values {
            let setting = setting.clone();
            let params = BTreeMap::from([(p.id.clone(), setting)]);
            let t = run(PolicyKind::BestPractice, params);
            let score = (mean(&t) - best_mean).abs();
            let ending = t
                .endings
                .iter()
                .zip(&best.endings)
                .map(|(&a, &b)| (share(a, t.runs) - share(b, best.runs)).abs() * 100.0)
                .fold(0.0, f64::max);
            // A value moves enough when either measure reaches its limit; the figure is
            // the larger of the two, each as a multiple of its own limit.
            let size = (score / limit::PARAM_SCORE).max(ending / limit::PARAM_ENDING);
            moved = moved.max(size);
        }
        if values.is_empty() {
            continue;
        }
        least = least.min(moved);
        if moved < 1.0 {
            short.push(Shortfall {
                id: p.id.clone(),
                figure: r2(moved),
                against: String::new(),
            });
        }
    }
    rules.push(rule(
        "params_matter",
        if least == f64::MAX { 0.0 } else { least },
        1.0,
        short.is_empty(),
        short,
    ));

    // Endings spread under random play.
    let shares: Vec<f64> = random
        .endings
        .iter()
        .map(|&k| share(k, random.runs))
        .collect();
    let lo = shares.iter().copied().fold(f64::MAX, f64::min);
    let hi = shares.iter().copied().fold(0.0, f64::max);
    // The endings whose share breaks a limit, with their shares.
    let endings_where = |breaks: fn(f64) -> bool| -> Vec<Shortfall> {
        shares
            .iter()
            .enumerate()
            .filter(|&(_, &s)| breaks(s))
            .map(|(e, &s)| Shortfall {
                id: sc.endings[e].id.clone(),
                figure: r2(s),
                against: String::new(),
            })
            .collect()
    };
    let rare = endings_where(|s| s < limit::ENDING_MIN);
    rules.push(rule(
        "endings_reached",
        lo,
        limit::ENDING_MIN,
        rare.is_empty(),
        rare,
    ));
    let common = endings_where(|s| s > limit::ENDING_MAX);
    rules.push(rule(
        "endings_spread",
        hi,
        limit::ENDING_MAX,
        common.is_empty(),
        common,
    ));

    // The first options are not the recommended ones.
    let same = first_is_best(sc, effort);
    rules.push(rule(
        "first_is_not_best",
        same,
        limit::FIRST_IS_BEST,
        same <= limit::FIRST_IS_BEST,
        Vec::new(),
    ));

    Balance {
        scenario: sc.meta.id.clone(),
        runs: effort.runs,
        seed: effort.seed,
        best_mean: r2(best_mean),
        random_mean: r2(random_mean),
        rules,
        impacts,
    }
}

/// The values of a parameter other than its default, as settings and as written: the
/// other truth value, every other choice, the ends of a number's range.
fn alternatives(p: &crate::scenario::compiled::Param) -> Vec<(ParamSetting, String)> {
    match (&p.kind, &p.default) {
        (ParamKind::Bool, ParamValue::Bool(b)) => {
            vec![(ParamSetting::Bool(!b), p.format(&ParamValue::Bool(!b)))]
        }
        (ParamKind::Choice(list), _) => list
            .iter()
            .enumerate()
            .filter(|&(i, _)| p.default != ParamValue::Choice(i as u16))
            .map(|(_, c)| (ParamSetting::Choice(c.clone()), c.clone()))
            .collect(),
        (ParamKind::Number { min, max }, ParamValue::Num(d)) => [*min, *max]
            .into_iter()
            .filter(|v| v != d)
            .map(|v| (ParamSetting::Num(v), p.format(&ParamValue::Num(v))))
            .collect(),
        _ => Vec::new(),
    }
}

/// The share of seeds (of at most 200) on which the `first` policy takes exactly the
/// options best practice takes.
fn first_is_best(sc: &Arc<Scenario>, effort: &Effort) -> f64 {
    let start = Command::Start {
        params: BTreeMap::new(),
        session: Default::default(),
    };
    let n = effort.runs.clamp(1, 200);
    let mut same = 0;
    for i in 0..n {
        let seed = super::run_seed(effort.seed, i);
        let choices = |policy| {
            super::play_one(sc, &start, policy, seed)
                .ok()
                .map(|(ex, _)| {
                    ex.state()
                        .decisions
                        .iter()
                        .map(|d| d.choice.as_ref().map(|c| c.picked().collect::<Vec<_>>()))
                        .collect::<Vec<_>>()
                })
        };
        let first = choices(PolicyKind::First);
        if first.is_some() && first == choices(PolicyKind::BestPractice) {
            same += 1;
        }
    }
    share(same, n)
}

impl Balance {
    /// The rules as text for an author, in `lang`.
    pub fn to_text(&self, lang: crate::i18n::Lang, title: &str) -> String {
        use crate::i18n::format::{number, with_unit};
        use crate::text::sanitize_line as s;
        use crate::tr;
        use std::fmt::Write;
        let pct = |x: f64| with_unit(lang, (x * 1000.0).round() / 10.0, "%");
        let pts = |x: f64| number(lang, (x * 10.0).round() / 10.0);
        let mut t = String::new();
        let _ = writeln!(
            t,
            "{}",
            tr!(
                lang,
                "balance-header",
                title = s(title),
                id = s(&self.scenario),
                runs = self.runs,
                seed = self.seed.to_string()
            )
        );
        let _ = writeln!(
            t,
            "{}",
            tr!(
                lang,
                "balance-means",
                best = pts(self.best_mean),
                random = pts(self.random_mean)
            )
        );
        for r in &self.rules {
            let (figure, limit) = match r.id {
                "best_same" | "endings_reached" | "endings_spread" | "first_is_not_best" => {
                    (pct(r.figure), pct(r.limit))
                }
                _ => (pts(r.figure), pts(r.limit)),
            };
            let text = match r.id {
                "best_spread" => tr!(lang, "balance-best-spread", figure = figure, limit = limit),
                "best_same" => tr!(lang, "balance-best-same", figure = figure, limit = limit),
                "best_over_random" => tr!(
                    lang,
                    "balance-best-over-random",
                    figure = figure,
                    limit = limit
                ),
                "recommended_best" => tr!(
                    lang,
                    "balance-recommended-best",
                    figure = figure,
                    limit = limit
                ),
                "decisions_matter" => tr!(
                    lang,
                    "balance-decisions-matter",
                    figure = figure,
                    limit = limit
                ),
                "params_matter" => tr!(lang, "balance-params-matter", figure = figure),
                "endings_reached" => {
                    tr!(
                        lang,
                        "balance-endings-reached",
                        figure = figure,
                        limit = limit
                    )
                }
                "endings_spread" => {
                    tr!(
                        lang,
                        "balance-endings-spread",
                        figure = figure,
                        limit = limit
                    )
                }
                _ => tr!(lang, "balance-first-is-not-best", figure = figure),
            };
            let mark = if r.holds { "✓" } else { "✗" };
            let _ = writeln!(t, "{mark} {text}");
            for x in &r.short {
                let figure = match r.id {
                    "best_same" | "endings_reached" | "endings_spread" => pct(x.figure),
                    _ => pts(x.figure),
                };
                let line = if x.against.is_empty() {
                    format!("{}: {figure}", s(&x.id))
                } else {
                    tr!(
                        lang,
                        "balance-behind",
                        decision = s(&x.id),
                        option = s(&x.against),
                        figure = figure
                    )
                };
                let _ = writeln!(t, "    {line}");
            }
        }
        if !self.impacts.is_empty() {
            let _ = writeln!(t, "\n{}", tr!(lang, "balance-impacts"));
        }
        for i in &self.impacts {
            let _ = writeln!(t, "  {}", s(&i.decision));
            let w = i
                .options
                .iter()
                .map(|o| o.option.chars().count())
                .max()
                .unwrap_or(0);
            for o in &i.options {
                let star = if o.recommended { "★" } else { " " };
                let sign = if o.delta > 0.0 { "+" } else { "" };
                let _ = writeln!(
                    t,
                    "    {star} {:<w$}  {:>5}  {sign}{}",
                    s(&o.option),
                    pts(o.mean),
                    pts(o.delta)
                );
            }
        }
        let held = self.rules.iter().filter(|r| r.holds).count();
        let _ = writeln!(
            t,
            "{}",
            tr!(
                lang,
                "balance-summary",
                held = held,
                rules = self.rules.len()
            )
        );
        t
    }

    /// The rules as JSON (the struct's fields).
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default() + "\n"
    }
}
