//! The simulation report: what an author learns from many playthroughs, as text or JSON.
//!
//! Every figure derives from integer counts, so the report is the same to the byte for the
//! same scenario, policy, parameters, seed and number of runs, whatever the thread count.

use std::fmt::Write as _;

use serde::Serialize;

use crate::i18n::{Lang, format};
use crate::scenario::Scenario;
use crate::text::sanitize_line;
use crate::tr;
use crate::tui::wrap;

use super::tally::Tally;

/// A parameter value used for every run.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ParamUsed {
    /// Parameter id.
    pub id: String,
    /// Its value, as people write it.
    pub value: String,
    /// Whether it is the parameter's default.
    pub default: bool,
}

/// An ending and how often it was reached.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct EndingLine {
    /// Ending id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Runs that reached it.
    pub runs: u64,
    /// Share of completed runs, 0 to 1.
    pub share: f64,
}

/// A bucket of the score histogram.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Bucket {
    /// Lowest score in the bucket.
    pub from: f64,
    /// Highest score in the bucket (exclusive, except for the last which includes 100).
    pub to: f64,
    /// Runs whose score falls in it.
    pub runs: u64,
}

/// The distribution of final scores.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ScoreSummary {
    /// Mean.
    pub mean: f64,
    /// 5th percentile.
    pub p5: f64,
    /// Median.
    pub p50: f64,
    /// 95th percentile.
    pub p95: f64,
    /// Lowest.
    pub min: f64,
    /// Highest.
    pub max: f64,
    /// Ten buckets of ten points.
    pub histogram: Vec<Bucket>,
}

/// A grade band and how often it was reached.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GradeLine {
    /// Grade.
    pub grade: String,
    /// Its description.
    pub label: String,
    /// Runs graded so.
    pub runs: u64,
    /// Share of completed runs.
    pub share: f64,
}

/// A best-practice check and how often it was met.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CheckLine {
    /// Check id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Runs that met it.
    pub met: u64,
    /// Runs that missed it.
    pub missed: u64,
    /// Runs where its window never opened.
    pub not_applicable: u64,
    /// Met ÷ runs where it applied (`null` when it never applied).
    pub hit_rate: Option<f64>,
}

/// An option that no run chose.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct UnchosenOption {
    /// Decision id.
    pub decision: String,
    /// Option id.
    pub option: String,
    /// Runs in which the decision opened.
    pub decision_opened: u64,
}

/// What the runs never exercised.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Coverage {
    /// Injects that fired in no run.
    pub injects_never_fired: Vec<String>,
    /// Options that no run chose.
    pub options_never_chosen: Vec<UnchosenOption>,
    /// Endings that no run reached.
    pub endings_never_reached: Vec<String>,
    /// Deadlines that no run started.
    pub deadlines_never_started: Vec<String>,
    /// Random events that happened in no run.
    pub random_events_never_happened: Vec<String>,
    /// Actions that no run took (absent when the scenario has none).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub actions_never_taken: Vec<String>,
}

/// How often one action was taken, and how the runs that took it ended.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ActionLine {
    /// Action id.
    pub id: String,
    /// Runs that took it at least once.
    pub runs: u64,
    /// Mean times taken per completed run.
    pub mean_uses: f64,
    /// Mean final score of the runs that took it.
    pub mean_score: Option<f64>,
    /// Runs that never took it.
    pub others: u64,
    /// Mean score of the runs that took it minus that of the runs that did not (`null`
    /// when either group is empty or there is no score).
    pub impact: Option<f64>,
}

/// How one option moves the final score.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct OptionImpact {
    /// Option id.
    pub id: String,
    /// Runs that chose it.
    pub chosen: u64,
    /// Of those, runs where it was taken by timeout.
    pub by_timeout: u64,
    /// Mean final score of those runs.
    pub mean_score: Option<f64>,
    /// Runs that took the decision another way.
    pub others: u64,
    /// Mean score of the runs that chose it minus that of the runs that chose otherwise
    /// (`null` when either group is empty).
    pub impact: Option<f64>,
}

/// A decision and the effect of each of its options.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DecisionLine {
    /// Decision id.
    pub id: String,
    /// Runs in which it opened.
    pub opened: u64,
    /// Runs in which it was taken.
    pub taken: u64,
    /// Its options.
    pub options: Vec<OptionImpact>,
}

/// An inject and how often it fired.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct InjectLine {
    /// Inject id.
    pub id: String,
    /// Runs in which it fired.
    pub fired: u64,
    /// Runs in which its chance roll failed.
    pub skipped: u64,
}

/// A deadline and how it went.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DeadlineLine {
    /// Deadline id.
    pub id: String,
    /// Runs that started it.
    pub started: u64,
    /// Runs that met it.
    pub met: u64,
    /// Runs that missed it.
    pub missed: u64,
}

/// A decision that, in some runs, was open with no available option (it waited for one).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct NoOptionLine {
    /// Decision id.
    pub decision: String,
    /// Runs in which it happened.
    pub runs: u64,
}

/// The first run that failed.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FailureLine {
    /// Run index (0-based).
    pub run: u64,
    /// The run's seed.
    pub seed: u64,
    /// What went wrong.
    pub message: String,
}

/// The whole report.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Report {
    /// Scenario id.
    pub scenario: String,
    /// Scenario title.
    pub title: String,
    /// Runs asked for.
    pub runs: u64,
    /// Runs that reached an ending.
    pub completed: u64,
    /// Runs that failed.
    pub failed: u64,
    /// The first failed run, if any.
    pub first_failure: Option<FailureLine>,
    /// Decisions that were open with no available option in some runs (absent when none).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub no_option: Vec<NoOptionLine>,
    /// Policy name.
    pub policy: String,
    /// Seed of the simulation.
    pub seed: u64,
    /// Parameter values.
    pub parameters: Vec<ParamUsed>,
    /// Mean scenario time at the end, in seconds.
    pub mean_duration_secs: f64,
    /// Mean decisions taken per run.
    pub mean_decisions: f64,
    /// Endings, in file order.
    pub endings: Vec<EndingLine>,
    /// Score distribution (`null` when no run completed).
    pub score: Option<ScoreSummary>,
    /// Grades, highest first.
    pub grades: Vec<GradeLine>,
    /// Best-practice checks, in file order.
    pub checks: Vec<CheckLine>,
    /// What was never exercised.
    pub coverage: Coverage,
    /// Decisions, in file order, with the impact of each option.
    pub decisions: Vec<DecisionLine>,
    /// Injects, in file order.
    pub injects: Vec<InjectLine>,
    /// Deadlines, in file order.
    pub deadlines: Vec<DeadlineLine>,
    /// Actions, in file order (absent when the scenario has none).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub actions: Vec<ActionLine>,
}

fn share(n: u64, total: u64) -> f64 {
    if total == 0 {
        0.0
    } else {
        n as f64 / total as f64
    }
}

/// Rounds to 1/1000 so that JSON shows stable, short numbers.
fn r3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

impl Report {
    /// Builds the report from a tally.
    pub fn build(
        sc: &Scenario,
        tally: &Tally,
        runs: u64,
        policy: &str,
        seed: u64,
        parameters: Vec<ParamUsed>,
    ) -> Report {
        let n = tally.runs;
        let endings = sc
            .endings
            .iter()
            .zip(&tally.endings)
            .map(|(e, &k)| EndingLine {
                id: e.id.clone(),
                title: e.title.clone(),
                runs: k,
                share: r3(share(k, n)),
            })
            .collect();
        let score = (n > 0 && sc.scored).then(|| {
            let mut histogram: Vec<Bucket> = (0..10)
                .map(|b| Bucket {
                    from: f64::from(b * 10),
                    to: f64::from(b * 10 + 10),
                    runs: 0,
                })
                .collect();
            for (t, &k) in tally.scores.iter().enumerate() {
                histogram[(t / 100).min(9)].runs += k;
            }
            let min = tally.scores.iter().position(|&k| k > 0).unwrap_or(0);
            let max = tally.scores.iter().rposition(|&k| k > 0).unwrap_or(0);
            ScoreSummary {
                mean: r3(tally.score_tenths as f64 / 10.0 / n as f64),
                p5: tally.percentile(5.0).unwrap_or(0.0),
                p50: tally.percentile(50.0).unwrap_or(0.0),
                p95: tally.percentile(95.0).unwrap_or(0.0),
                min: min as f64 / 10.0,
                max: max as f64 / 10.0,
                histogram,
            }
        });
        let grades = sc
            .grades
            .iter()
            .zip(&tally.grades)
            .map(|(g, &k)| GradeLine {
                grade: g.grade.clone(),
                label: g.label.clone(),
                runs: k,
                share: r3(share(k, n)),
            })
            .collect();
        let checks = sc
            .checks
            .iter()
            .zip(&tally.checks)
            .map(|(c, k)| {
                let applied = k.met + k.missed + k.pending;
                CheckLine {
                    id: c.id.clone(),
                    title: c.title.clone(),
                    met: k.met,
                    missed: k.missed + k.pending,
                    not_applicable: k.not_applicable,
                    hit_rate: (applied > 0).then(|| r3(share(k.met, applied))),
                }
            })
            .collect();
        let mut coverage = Coverage::default();
        for (i, inj) in sc.injects.iter().enumerate() {
            if tally.injects_fired[i] == 0 {
                coverage.injects_never_fired.push(inj.id.clone());
            }
        }
        let mut decisions = Vec::new();
        for (d, dec) in sc.decisions.iter().enumerate() {
            let counts = &tally.options[d];
            let (taken, taken_sum) = tally.taken[d];
            let mut options = Vec::new();
            for (o, opt) in dec.options.iter().enumerate() {
                let c = counts[o];
                if c.chosen == 0 {
                    coverage.options_never_chosen.push(UnchosenOption {
                        decision: dec.id.clone(),
                        option: opt.id.clone(),
                        decision_opened: tally.decisions_opened[d],
                    });
                }
                let others = taken - c.chosen;
                let mean = (sc.scored && c.chosen > 0)
                    .then(|| c.score_tenths as f64 / 10.0 / c.chosen as f64);
                let mean_others = (sc.scored && others > 0)
                    .then(|| (taken_sum - c.score_tenths) as f64 / 10.0 / others as f64);
                options.push(OptionImpact {
                    id: opt.id.clone(),
                    chosen: c.chosen,
                    by_timeout: c.by_timeout,
                    mean_score: mean.map(r3),
                    others,
                    impact: mean.zip(mean_others).map(|(a, b)| r3(a - b)),
                });
            }
            decisions.push(DecisionLine {
                id: dec.id.clone(),
                opened: tally.decisions_opened[d],
                taken,
                options,
            });
        }
        for (i, e) in sc.endings.iter().enumerate() {
            if tally.endings[i] == 0 {
                coverage.endings_never_reached.push(e.id.clone());
            }
        }
        for (i, d) in sc.deadlines.iter().enumerate() {
            if tally.deadlines[i][0] == 0 {
                coverage.deadlines_never_started.push(d.id.clone());
            }
        }
        for (i, r) in sc.random_events.iter().enumerate() {
            if tally.random_events[i] == 0 {
                coverage.random_events_never_happened.push(r.id.clone());
            }
        }
        let mut actions = Vec::new();
        for (a, act) in sc.actions.iter().enumerate() {
            let c = tally.actions[a];
            if c.runs == 0 {
                coverage.actions_never_taken.push(act.id.clone());
            }
            let others = n - c.runs.min(n);
            let mean =
                (sc.scored && c.runs > 0).then(|| c.score_tenths as f64 / 10.0 / c.runs as f64);
            let mean_others = (sc.scored && others > 0)
                .then(|| (tally.score_tenths - c.score_tenths) as f64 / 10.0 / others as f64);
            actions.push(ActionLine {
                id: act.id.clone(),
                runs: c.runs,
                mean_uses: r3(share(c.uses, n)),
                mean_score: mean.map(r3),
                others,
                impact: mean.zip(mean_others).map(|(a, b)| r3(a - b)),
            });
        }
        let injects = sc
            .injects
            .iter()
            .enumerate()
            .map(|(i, inj)| InjectLine {
                id: inj.id.clone(),
                fired: tally.injects_fired[i],
                skipped: tally.injects_skipped[i],
            })
            .collect();
        let deadlines = sc
            .deadlines
            .iter()
            .zip(&tally.deadlines)
            .map(|(d, k)| DeadlineLine {
                id: d.id.clone(),
                started: k[0],
                met: k[1],
                missed: k[2],
            })
            .collect();
        Report {
            scenario: sc.meta.id.clone(),
            title: sc.meta.title.clone(),
            runs,
            completed: n,
            failed: tally.failed,
            first_failure: tally.first_failure.as_ref().map(|f| FailureLine {
                run: f.run,
                seed: f.seed,
                message: f.message.clone(),
            }),
            no_option: sc
                .decisions
                .iter()
                .zip(&tally.no_option)
                .filter(|(_, n)| **n > 0)
                .map(|(d, &runs)| NoOptionLine {
                    decision: d.id.clone(),
                    runs,
                })
                .collect(),
            policy: policy.to_string(),
            seed,
            parameters,
            mean_duration_secs: r3(share(tally.duration_secs.max(0) as u64, n)),
            mean_decisions: r3(share(tally.decisions_taken, n)),
            endings,
            score,
            grades,
            checks,
            coverage,
            decisions,
            injects,
            deadlines,
            actions,
        }
    }

    /// The report as pretty JSON, ending with a newline.
    pub fn to_json(&self) -> String {
        let mut s = serde_json::to_string_pretty(self).unwrap_or_else(|_| "{}".into());
        s.push('\n');
        crate::text::escape_json(s)
    }

    /// The report as text for people, in `lang`. Scenario text is sanitised for the terminal.
    pub fn to_text(&self, lang: Lang) -> String {
        let mut t = String::new();
        let s = sanitize_line;
        let head = tr!(
            lang,
            "sim-header",
            title = s(&self.title),
            id = s(&self.scenario),
            runs = self.runs,
            policy = &self.policy,
            seed = self.seed.to_string()
        );
        let _ = writeln!(t, "{head}");
        if !self.parameters.is_empty() {
            let list: Vec<String> = self
                .parameters
                .iter()
                .map(|p| {
                    format!(
                        "{} = {}{}",
                        s(&p.id),
                        s(&p.value),
                        if p.default {
                            String::new()
                        } else {
                            tr!(lang, "sim-param-set")
                        }
                    )
                })
                .collect();
            let _ = writeln!(t, "{}", tr!(lang, "run-parameters", list = list.join(", ")));
        }
        let completed = tr!(
            lang,
            "sim-completed",
            completed = self.completed,
            runs = self.runs,
            decisions = format::number(lang, self.mean_decisions),
            duration = format::duration(lang, self.mean_duration_secs.round() as i64)
        );
        let _ = writeln!(t, "{completed}");
        for w in &self.no_option {
            let line = tr!(lang, "sim-no-option", id = s(&w.decision), runs = w.runs);
            let _ = writeln!(t, "{line}");
        }
        if let Some(f) = &self.first_failure {
            let line = tr!(
                lang,
                "sim-failed",
                failed = self.failed,
                run = f.run,
                seed = f.seed.to_string(),
                message = s(&f.message)
            );
            let _ = writeln!(t, "{line}");
        }

        section(&mut t, &tr!(lang, "sim-endings"));
        let w = width(self.endings.iter().map(|e| e.id.len()));
        for e in &self.endings {
            let _ = writeln!(
                t,
                "  {:<w$}  {:>8}  {:>6}  {}",
                s(&e.id),
                e.runs,
                pct(e.share),
                s(&e.title)
            );
        }

        if let Some(sc) = &self.score {
            section(&mut t, &tr!(lang, "sim-score"));
            let line = tr!(
                lang,
                "sim-score-line",
                mean = format!("{:.1}", sc.mean),
                p5 = format!("{:.1}", sc.p5),
                p50 = format!("{:.1}", sc.p50),
                p95 = format!("{:.1}", sc.p95),
                min = format!("{:.1}", sc.min),
                max = format!("{:.1}", sc.max)
            );
            let line = if lang == Lang::Fr {
                line.replace('.', ",")
            } else {
                line
            };
            let _ = writeln!(t, "  {line}");
            let top = sc.histogram.iter().map(|b| b.runs).max().unwrap_or(0);
            for b in &sc.histogram {
                let len = if top == 0 {
                    0
                } else {
                    ((b.runs as f64 / top as f64) * 40.0).round() as usize
                };
                let bar = if b.runs > 0 && len == 0 {
                    "▏".to_string()
                } else {
                    "█".repeat(len)
                };
                let close = if b.to >= 100.0 { ']' } else { ')' };
                let _ = writeln!(
                    t,
                    "  [{:>3}, {:>3}{close} {:<40} {}",
                    b.from, b.to, bar, b.runs
                );
            }
        }

        if !self.grades.is_empty() {
            section(&mut t, &tr!(lang, "sim-grades"));
            let w = width(self.grades.iter().map(|g| g.grade.chars().count()));
            for g in &self.grades {
                let _ = writeln!(
                    t,
                    "  {:<w$}  {:>8}  {:>6}  {}",
                    s(&g.grade),
                    g.runs,
                    pct(g.share),
                    s(&g.label)
                );
            }
        }

        if !self.checks.is_empty() {
            section(&mut t, &tr!(lang, "sim-checks"));
            let w = width(self.checks.iter().map(|c| c.id.len()));
            for c in &self.checks {
                let rate = c.hit_rate.map(pct).unwrap_or_else(|| tr!(lang, "sim-na"));
                let counts = tr!(lang, "sim-check-counts", met = c.met, missed = c.missed);
                let _ = write!(t, "  {:<w$}  {:>6}  {counts}", s(&c.id), rate);
                if c.not_applicable > 0 {
                    let na = tr!(lang, "sim-check-na", n = c.not_applicable);
                    let _ = write!(t, ", {na}");
                }
                let _ = writeln!(t, "  — {}", s(&c.title));
            }
        }

        section(&mut t, &tr!(lang, "sim-coverage"));
        let cov = &self.coverage;
        let list = |v: &[String]| {
            if v.is_empty() {
                tr!(lang, "sim-none")
            } else {
                v.iter().map(|x| s(x)).collect::<Vec<_>>().join(", ")
            }
        };
        // The coverage lines' labels, padded to one column.
        let labels = [
            tr!(lang, "sim-never-fired"),
            tr!(lang, "sim-never-chosen"),
            tr!(lang, "sim-never-reached"),
            tr!(lang, "sim-never-started"),
            tr!(lang, "sim-never-seen"),
            tr!(lang, "sim-never-taken"),
        ];
        let lw = labels.iter().map(|l| wrap::width(l)).max().unwrap_or(0) + 2;
        let label = |k: usize| {
            let l = &labels[k];
            format!("{l}{}", " ".repeat(lw - wrap::width(l)))
        };
        let _ = writeln!(t, "  {} {}", label(0), list(&cov.injects_never_fired));
        let opts: Vec<String> = cov
            .options_never_chosen
            .iter()
            .map(|o| {
                let why = if o.decision_opened == 0 {
                    tr!(lang, "sim-never-opened")
                } else {
                    tr!(lang, "sim-opened-in", n = o.decision_opened)
                };
                format!("{}.{} ({why})", s(&o.decision), s(&o.option))
            })
            .collect();
        let _ = writeln!(t, "  {} {}", label(1), list(&opts));
        let _ = writeln!(t, "  {} {}", label(2), list(&cov.endings_never_reached));
        let _ = writeln!(t, "  {} {}", label(3), list(&cov.deadlines_never_started));
        if !self.coverage.random_events_never_happened.is_empty() {
            let never = list(&cov.random_events_never_happened);
            let _ = writeln!(t, "  {} {never}", label(4));
        }
        if !cov.actions_never_taken.is_empty() {
            let _ = writeln!(t, "  {} {}", label(5), list(&cov.actions_never_taken));
        }

        // Without a score (`scoring: None`) no option has a mean score: counts only.
        let scored = self.score.is_some();
        if !self.decisions.is_empty() {
            let title = if scored {
                tr!(lang, "sim-decisions-scored")
            } else {
                tr!(lang, "sim-decisions")
            };
            section(&mut t, &title);
        }
        for d in &self.decisions {
            let opened = tr!(lang, "sim-opened-taken", opened = d.opened, taken = d.taken);
            let _ = writeln!(t, "  {}  ({opened})", s(&d.id));
            let w = width(d.options.iter().map(|o| o.id.len()));
            for o in &d.options {
                let runs = tr!(lang, "sim-runs", runs = format!("{:>8}", o.chosen));
                let _ = write!(t, "    {:<w$}  {runs}", s(&o.id));
                if scored {
                    let _ = write!(t, "  {}", impact(lang, o.mean_score, o.impact, o.others));
                }
                if o.by_timeout > 0 {
                    let _ = write!(t, "  {}", tr!(lang, "sim-by-timeout", n = o.by_timeout));
                }
                t.push('\n');
            }
        }
        if !self.decisions.is_empty() && scored {
            // Decisions ranked by the spread between their best and worst option.
            let mut ranked: Vec<(f64, &DecisionLine)> = self
                .decisions
                .iter()
                .filter_map(|d| {
                    let means = d.options.iter().filter_map(|o| o.mean_score);
                    let (lo, hi) = means.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), m| {
                        (lo.min(m), hi.max(m))
                    });
                    (hi > lo).then_some((hi - lo, d))
                })
                .collect();
            ranked.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.id.cmp(&b.1.id)));
            if !ranked.is_empty() {
                let top: Vec<String> = ranked
                    .iter()
                    .take(5)
                    .map(|(x, d)| {
                        let pts = tr!(lang, "sim-points", n = format!("{x:.1}"));
                        format!("{} ({pts})", s(&d.id))
                    })
                    .collect();
                let spread = tr!(lang, "sim-spread", list = top.join(", "));
                let _ = writeln!(t, "  {spread}");
            }
        }
        self.actions_text(&mut t, scored, lang);
        t
    }

    /// The actions section: how often each was taken, and (with a score) how the runs
    /// that took it ended against those that did not.
    fn actions_text(&self, t: &mut String, scored: bool, lang: Lang) {
        if self.actions.is_empty() {
            return;
        }
        let title = if scored {
            tr!(lang, "sim-actions-scored")
        } else {
            tr!(lang, "sim-actions")
        };
        section(t, &title);
        let w = width(self.actions.iter().map(|a| a.id.len()));
        for a in &self.actions {
            let runs = tr!(lang, "sim-runs", runs = format!("{:>8}", a.runs));
            let uses = tr!(lang, "sim-uses", uses = format!("{:>5.2}", a.mean_uses));
            let _ = write!(t, "  {:<w$}  {runs}  {uses}", sanitize_line(&a.id));
            if scored {
                let _ = write!(t, "  {}", impact(lang, a.mean_score, a.impact, a.others));
            }
            t.push('\n');
        }
    }
}

/// `mean  71.2  impact   +3.1  (vs 120 runs)`, aligned in columns.
fn impact(lang: Lang, mean: Option<f64>, impact: Option<f64>, others: u64) -> String {
    tr!(
        lang,
        "sim-impact",
        mean = format!("{:>5}", points(mean, false)),
        impact = format!("{:>6}", points(impact, true)),
        others = others
    )
}

/// A number of points with one decimal (signed for a difference), or `–` when there is none.
fn points(x: Option<f64>, signed: bool) -> String {
    match x {
        Some(x) if signed => format!("{x:+.1}"),
        Some(x) => format!("{x:.1}"),
        None => "–".into(),
    }
}

fn section(t: &mut String, title: &str) {
    t.push('\n');
    t.push_str(title);
    t.push('\n');
}

fn width(it: impl Iterator<Item = usize>) -> usize {
    it.max().unwrap_or(0)
}

fn pct(x: f64) -> String {
    format!("{:.1}%", x * 100.0)
}
