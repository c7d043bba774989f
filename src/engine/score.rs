//! Scoring: a 0–100 score from the weighted metrics, a grade, best-practice checks, HSEEP
//! ratings of the objectives, and each team's decisions with the time they took.
//!
//! - Score: each scored metric's value is scaled to 0..1 where 1 is best (its `good`
//!   direction), averaged with the metrics' weights, times 100. With no weights, every metric
//!   counts equally; with no metrics the score is 100.
//! - Objective ratings are the evaluator's (a `rate` command); until then they are pending.
//!   Beside each, a suggestion from the checks linked to the objective that apply (a windowed
//!   check whose `from` inject never fired does not apply): all met → P; none met → U;
//!   one missed, or at least two thirds met → S; otherwise M; none applicable → not rated.
//!   So one missed check never drops more than one level.

use serde::{Deserialize, Serialize};

use crate::scenario::time::Secs;

use super::exercise::{Exercise, RealMs};
use super::state::{LogKind, Mode};

/// The outcome of a best-practice check.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "status", content = "at", rename_all = "snake_case")]
pub enum CheckStatus {
    /// Met at this scenario time.
    Met(Secs),
    /// Missed at this scenario time.
    Missed(Secs),
    /// Still open.
    Pending,
    /// Its window never opened.
    NotApplicable,
}

/// A check and its outcome.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CheckResult {
    /// Index of the check.
    pub check: u16,
    /// Its outcome.
    pub status: CheckStatus,
}

/// An HSEEP rating.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Rating {
    /// Performed without challenges.
    P,
    /// Performed with some challenges.
    S,
    /// Performed with major challenges.
    M,
    /// Unable to be performed.
    U,
    /// No applicable check.
    NotRated,
}

impl Rating {
    /// The HSEEP wording.
    pub fn describe(self) -> &'static str {
        match self {
            Rating::P => "Performed without challenges",
            Rating::S => "Performed with some challenges",
            Rating::M => "Performed with major challenges",
            Rating::U => "Unable to be performed",
            Rating::NotRated => "Not rated (no applicable check)",
        }
    }

    /// The rating a letter stands for (`P`, `S`, `M` or `U`, any case).
    pub fn from_letter(s: &str) -> Option<Rating> {
        match s.trim().to_ascii_uppercase().as_str() {
            "P" => Some(Rating::P),
            "S" => Some(Rating::S),
            "M" => Some(Rating::M),
            "U" => Some(Rating::U),
            _ => None,
        }
    }

    /// The suggestion from `met` of `applicable` checks (see the module's documentation).
    pub fn suggest(met: usize, applicable: usize) -> Rating {
        if applicable == 0 {
            Rating::NotRated
        } else if met == applicable {
            Rating::P
        } else if met == 0 {
            Rating::U
        } else if applicable - met == 1 || met * 3 >= applicable * 2 {
            Rating::S
        } else {
            Rating::M
        }
    }

    /// The letter, or `–` when not rated.
    pub fn letter(self) -> &'static str {
        match self {
            Rating::P => "P",
            Rating::S => "S",
            Rating::M => "M",
            Rating::U => "U",
            Rating::NotRated => "–",
        }
    }
}

/// An evaluator's rating of an objective.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Evaluation {
    /// P, S, M or U.
    pub rating: Rating,
    /// The evaluator's note.
    pub note: String,
    /// Scenario time it was given.
    pub at: Secs,
    /// Real time it was given.
    pub real: RealMs,
}

/// An objective's rating and its evidence.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ObjectiveRating {
    /// Index of the objective.
    pub objective: u16,
    /// The evaluator's rating; `None` while pending.
    pub evaluation: Option<Evaluation>,
    /// The rating the evidence suggests.
    pub suggested: Rating,
    /// Checks met.
    pub met: usize,
    /// Checks that applied.
    pub applicable: usize,
}

impl ObjectiveRating {
    /// One line for people: the evaluator's rating or `pending evaluator`, then the
    /// suggestion, e.g. `pending evaluator; suggested S (2 of 3 checks met)`.
    pub fn summary(&self) -> String {
        let rated = match &self.evaluation {
            Some(e) => format!("{} ({})", e.rating.letter(), e.rating.describe()),
            None => "pending evaluator".into(),
        };
        let suggested = match self.suggested {
            Rating::NotRated => "no suggestion (no applicable check)".to_string(),
            r => format!(
                "suggested {} ({} of {} checks met)",
                r.letter(),
                self.met,
                self.applicable
            ),
        };
        format!("{rated}; {suggested}")
    }
}

/// One metric's part of the score.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ScorePart {
    /// Index of the metric.
    pub metric: u16,
    /// Its weight (after defaulting).
    pub weight: f64,
    /// Its final value.
    pub value: f64,
    /// Its value scaled to 0..1, 1 best.
    pub goodness: f64,
    /// Points it contributes to the score.
    pub points: f64,
}

/// A decision as the report shows it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DecisionTaken {
    /// Decision.
    pub decision: u16,
    /// Option chosen.
    pub option: u16,
    /// Outcome drawn.
    pub outcome: Option<u16>,
    /// The other options picked at once (a decision with `pick`), with their outcomes.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub more: Vec<(u16, Option<u16>)>,
    /// Taken by timeout.
    pub timeout: bool,
    /// Scenario time of the choice.
    pub at: Secs,
    /// Real time of the choice.
    pub real: RealMs,
    /// Real time taken, ms.
    pub took_real: RealMs,
    /// Scenario time taken, s.
    pub took_scenario: Secs,
}

/// A team's decisions.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TeamRecord {
    /// Index of the team.
    pub team: u16,
    /// Its decisions, in order (undone ones excluded).
    pub decisions: Vec<DecisionTaken>,
}

/// Everything about how the exercise went, so far or at the end.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ScoreCard {
    /// Whether the scenario has a score; without one (`scoring: None`), `score` is 0, and
    /// `grade` and `parts` are empty.
    pub scored: bool,
    /// Score, 0 to 100.
    pub score: f64,
    /// Index of the grade band, if the scenario defines grades.
    pub grade: Option<usize>,
    /// Each metric's part.
    pub parts: Vec<ScorePart>,
    /// Checks.
    pub checks: Vec<CheckResult>,
    /// Objective ratings.
    pub objectives: Vec<ObjectiveRating>,
    /// Per team.
    pub teams: Vec<TeamRecord>,
    /// Whether the exercise is over.
    pub final_: bool,
}

impl Exercise {
    /// The score card now.
    pub fn score(&self) -> ScoreCard {
        let sc = &*self.sc;
        let st = &self.st;
        let total_w: f64 = sc.metrics.iter().map(|m| m.weight).sum();
        let parts: Vec<ScorePart> = sc
            .metrics
            .iter()
            .enumerate()
            .filter(|(_, m)| total_w == 0.0 || m.weight > 0.0)
            .map(|(i, m)| {
                let weight = if total_w == 0.0 { 1.0 } else { m.weight };
                let value = st.metrics[i];
                let goodness = m.goodness(value);
                (i, weight, value, goodness)
            })
            .collect::<Vec<_>>()
            .into_iter()
            .map(|(i, weight, value, goodness)| ScorePart {
                metric: i as u16,
                weight,
                value,
                goodness,
                points: 0.0,
            })
            .collect();
        let wsum: f64 = parts.iter().map(|p| p.weight).sum();
        let parts: Vec<ScorePart> = parts
            .into_iter()
            .map(|mut p| {
                p.points = if wsum > 0.0 {
                    100.0 * p.weight * p.goodness / wsum
                } else {
                    0.0
                };
                p
            })
            .collect();
        let (parts, score) = if !sc.scored {
            (Vec::new(), 0.0)
        } else if parts.is_empty() {
            (parts, 100.0)
        } else {
            let score = (parts.iter().map(|p| p.points).sum::<f64>() * 10.0).round() / 10.0;
            (parts, score)
        };
        let grade = sc.grades.iter().position(|g| sc.scored && score >= g.min);
        let checks: Vec<CheckResult> = sc
            .checks
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let cs = st.checks[i];
                let status = match (cs.met, cs.missed) {
                    (Some(t), _) => CheckStatus::Met(t),
                    (_, Some(t)) => CheckStatus::Missed(t),
                    _ => match c.from {
                        Some(f) if st.injects[f as usize].fired_at.is_none() && self.is_over() => {
                            CheckStatus::NotApplicable
                        }
                        _ => CheckStatus::Pending,
                    },
                };
                CheckResult {
                    check: i as u16,
                    status,
                }
            })
            .collect();
        let objectives = (0..sc.meta.objectives.len())
            .map(|o| {
                let linked = sc
                    .checks
                    .iter()
                    .enumerate()
                    .filter(|(_, c)| c.objective == Some(o as u16))
                    .map(|(i, _)| checks[i].status);
                let (mut met, mut applicable) = (0, 0);
                for s in linked {
                    match s {
                        CheckStatus::Met(_) => {
                            met += 1;
                            applicable += 1;
                        }
                        CheckStatus::Missed(_) => applicable += 1,
                        CheckStatus::Pending if self.is_over() => applicable += 1,
                        _ => {}
                    }
                }
                ObjectiveRating {
                    objective: o as u16,
                    evaluation: self.evaluations()[o].clone(),
                    suggested: Rating::suggest(met, applicable),
                    met,
                    applicable,
                }
            })
            .collect();
        let mut teams: Vec<TeamRecord> = (0..sc.teams.len())
            .map(|t| TeamRecord {
                team: t as u16,
                decisions: Vec::new(),
            })
            .collect();
        for (d, ds) in st.decisions.iter().enumerate() {
            let Some(c) = &ds.choice else { continue };
            let took_real = self
                .log()
                .iter()
                .rev()
                .find_map(|e| match &e.kind {
                    LogKind::Choice {
                        decision,
                        took_real,
                        ..
                    } if *decision as usize == d => Some(*took_real),
                    _ => None,
                })
                .unwrap_or(0);
            let team = sc.decisions[d].team as usize;
            teams[team].decisions.push(DecisionTaken {
                decision: d as u16,
                option: c.option,
                outcome: c.outcome,
                more: c.more.clone(),
                timeout: c.timeout,
                at: c.at,
                real: c.real,
                took_real,
                took_scenario: c.at - ds.opened_at.unwrap_or(c.at),
            });
        }
        for t in &mut teams {
            t.decisions.sort_by_key(|d| (d.at, d.real, d.decision));
        }
        ScoreCard {
            scored: sc.scored,
            score,
            grade,
            parts,
            checks,
            objectives,
            teams,
            final_: matches!(st.mode, Mode::Ended(_)),
        }
    }
}
