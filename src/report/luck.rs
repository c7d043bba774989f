//! The report's "skill and luck" section: the model of [`crate::analysis::Analysis`] for
//! people (titles instead of indices, texts sanitised), built here and only rendered by the
//! Markdown, HTML and JSON renderers.

use crate::i18n::Lang;
use crate::tr;
use serde::Serialize;

use crate::analysis::{Analysis, DiceKind};
use crate::scenario::Scenario;
use crate::scenario::time::format_offset;
use crate::text::sanitize_line as s;

/// How many decisions the report lists as having mattered most.
pub const MATTERED_MOST: usize = 5;

/// The team's decisions played again under other dice.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SkillLuck {
    /// Seed of the replays (derived from the journal's seed).
    pub seed: u64,
    /// Replays of the team's decisions asked for.
    pub replays: u64,
    /// Replays completed (the others could not be played to an ending).
    pub completed: u64,
    /// Replays in which every alternative of every decision was tried.
    pub alternative_runs: u64,
    /// Expected final score with the team's decisions (mean of the replays).
    pub expected: Option<f64>,
    /// 5th percentile of the replays' scores.
    pub p5: Option<f64>,
    /// 95th percentile of the replays' scores.
    pub p95: Option<f64>,
    /// The journal's own score.
    pub this_run: f64,
    /// `this_run − expected`.
    pub luck: Option<f64>,
    /// Endings of the replays, most frequent first.
    pub endings: Vec<EndingShare>,
    /// Every decision the team took, the one that mattered most first.
    pub decisions: Vec<DecisionAlternatives>,
    /// Ids of the (at most 5) decisions that mattered most.
    pub mattered_most: Vec<String>,
    /// The random draws of the journal's run.
    pub dice: Vec<DiceInfo>,
    /// Facilitator interventions (curveballs, overrides, early end) left out of the replays.
    pub interventions: u64,
}

impl SkillLuck {
    /// The decisions that mattered most, in order, as the renderers list them.
    pub fn top_decisions(&self) -> Vec<&DecisionAlternatives> {
        self.mattered_most
            .iter()
            .filter_map(|id| self.decisions.iter().find(|d| d.id == *id))
            .collect()
    }
}

/// How often the replays reached an ending.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct EndingShare {
    /// Ending id.
    pub id: String,
    /// Its title.
    pub title: String,
    /// Replays that reached it.
    pub runs: u64,
    /// Share of the completed replays (0–1).
    pub share: f64,
    /// Whether the journal's run reached it.
    pub this_run: bool,
}

/// One decision the team took and what its options would have made.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DecisionAlternatives {
    /// Decision id.
    pub id: String,
    /// Its question.
    pub prompt: String,
    /// The team's option id.
    pub chosen: String,
    /// Alternative runs in which the decision arose.
    pub arose: u64,
    /// Largest difference (absolute, points) an alternative would have made.
    pub weight: f64,
    /// Every option, in the scenario's order.
    pub options: Vec<OptionAlternative>,
}

/// An option's expected final score.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct OptionAlternative {
    /// Option id.
    pub id: String,
    /// Its label.
    pub label: String,
    /// The team's choice.
    pub chosen: bool,
    /// Runs in which it was available when the decision arose.
    pub runs: u64,
    /// Expected final score with it; `null` when it was never available.
    pub expected: Option<f64>,
    /// Expected difference against the team's option (same dice); `null` for the team's own
    /// option or when the two were never available together.
    pub difference: Option<f64>,
}

/// A random draw of the journal's run: dice rather than choice.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DiceInfo {
    /// `outcome`, `inject` or `random_event`.
    pub kind: &'static str,
    /// What happened, e.g. `Restore from backups: Restore failed`.
    pub text: String,
    /// Whether it happened (`false` for an inject its roll skipped).
    pub happened: bool,
    /// Scenario seconds since T+0, when known.
    pub at: Option<i64>,
    /// `T+hh:mm`, when known.
    pub offset: Option<String>,
    /// Replays that drew the same.
    pub same: u64,
    /// Replays in which the draw was made.
    pub of: u64,
    /// `same / of` (0–1); `null` when no replay made the draw.
    pub chance: Option<f64>,
}

fn share(n: u64, of: u64) -> Option<f64> {
    (of > 0).then(|| (n as f64 / of as f64 * 1000.0).round() / 1000.0)
}

/// The section of an analysis.
pub fn build(a: &Analysis, sc: &Scenario, lang: Lang) -> SkillLuck {
    let mut endings: Vec<EndingShare> = a
        .endings
        .iter()
        .enumerate()
        .filter(|&(e, &n)| n > 0 || a.actual_ending == Some(e as u16))
        .map(|(e, &n)| EndingShare {
            id: s(&sc.endings[e].id),
            title: s(&sc.endings[e].title),
            runs: n,
            share: share(n, a.completed).unwrap_or(0.0),
            this_run: a.actual_ending == Some(e as u16),
        })
        .collect();
    endings.sort_by_key(|e| std::cmp::Reverse(e.runs));
    let mut decisions: Vec<(f64, DecisionAlternatives)> = a
        .decisions
        .iter()
        .map(|d| {
            let dec = &sc.decisions[d.decision as usize];
            let w = d.weight();
            (
                w,
                DecisionAlternatives {
                    id: s(&dec.id),
                    prompt: s(&dec.prompt),
                    chosen: s(&dec.options[d.chosen as usize].id),
                    arose: d.arose,
                    weight: (w * 10.0).round() / 10.0,
                    options: d
                        .options
                        .iter()
                        .map(|o| OptionAlternative {
                            id: s(&dec.options[o.option as usize].id),
                            label: s(&dec.options[o.option as usize].label),
                            chosen: o.chosen,
                            runs: o.counts.runs,
                            expected: o.expected(),
                            difference: if o.chosen { None } else { o.delta() },
                        })
                        .collect(),
                },
            )
        })
        .collect();
    // Stable: equal weights keep the scenario's order.
    decisions.sort_by(|x, y| y.0.total_cmp(&x.0));
    let mattered_most = a
        .mattered_most(MATTERED_MOST)
        .iter()
        .map(|d| s(&sc.decisions[d.decision as usize].id))
        .collect();
    let dice = a
        .dice
        .iter()
        .map(|d| {
            let (kind, text, happened) = match d.kind {
                DiceKind::Outcome {
                    decision,
                    option,
                    outcome,
                } => {
                    let opt = &sc.decisions[decision as usize].options[option as usize];
                    (
                        "outcome",
                        s(&format!(
                            "{}{}{}",
                            opt.label,
                            super::fmt::colon(lang),
                            opt.outcomes[outcome as usize].label
                        )),
                        true,
                    )
                }
                DiceKind::Inject { inject, fired } => {
                    ("inject", s(&sc.injects[inject as usize].title), fired)
                }
                DiceKind::RandomEvent { event } => (
                    "random_event",
                    s(&sc.random_events[event as usize].label),
                    true,
                ),
            };
            DiceInfo {
                kind,
                text,
                happened,
                at: d.at,
                offset: d.at.map(format_offset),
                same: d.same,
                of: d.of,
                chance: share(d.same, d.of),
            }
        })
        .collect();
    SkillLuck {
        seed: a.seed,
        replays: a.replays,
        completed: a.completed,
        alternative_runs: a.alternative_runs,
        expected: a.expected(),
        p5: a.percentile(5.0),
        p95: a.percentile(95.0),
        this_run: a.actual,
        luck: a.luck(),
        endings,
        decisions: decisions.into_iter().map(|(_, d)| d).collect(),
        mattered_most,
        dice,
        interventions: a.interventions,
    }
}

/// A number of runs with thousands separators: `1,000`.
pub fn count(n: u64) -> String {
    count_in(Lang::En, n)
}

/// [`count`] in a language: `1,000`, `1000` / `10 000` in French.
pub fn count_in(lang: Lang, n: u64) -> String {
    if lang == Lang::Fr {
        return crate::i18n::format::number(lang, n as f64);
    }
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A share (0–1) as a percentage: `91%`, `2.5%`.
pub fn percent(share: f64) -> String {
    percent_in(Lang::En, share)
}

/// [`percent`] in a language: `2.5%`, `2,5 %`.
pub fn percent_in(lang: Lang, share: f64) -> String {
    super::fmt::with_unit_in(lang, share * 100.0, "%")
}

/// A difference of points with its sign: `+1.8`, `−4`, `±0`.
pub fn signed(v: f64) -> String {
    signed_in(Lang::En, v)
}

/// [`signed`] in a language: `+1.8`, `+1,8`.
pub fn signed_in(lang: Lang, v: f64) -> String {
    let r = (v * 10.0).round() / 10.0;
    if r > 0.0 {
        format!("+{}", super::fmt::num_in(lang, r))
    } else if r < 0.0 {
        format!("−{}", super::fmt::num_in(lang, -r))
    } else {
        "±0".into()
    }
}

/// A score or `–` when unknown.
pub fn score(v: Option<f64>) -> String {
    score_in(Lang::En, v)
}

/// [`score`] in a language.
pub fn score_in(lang: Lang, v: Option<f64>) -> String {
    v.map_or_else(|| "–".into(), |v| super::fmt::num_in(lang, v))
}

/// "30% chance given your earlier choices (60 of 200 replays that made the draw)" and
/// similar, for a dice line, in a language.
pub fn chance_text(lang: Lang, d: &DiceInfo) -> String {
    let base = match d.kind {
        "outcome" => tr!(lang, "report-luck-base-outcome"),
        "inject" => tr!(lang, "report-luck-base-inject"),
        _ => tr!(lang, "report-luck-base-other"),
    };
    match d.chance {
        Some(c) => tr!(
            lang,
            "report-luck-chance",
            share = percent_in(lang, c),
            k = count_in(lang, d.same),
            n = count_in(lang, d.of),
            base = base
        ),
        None => tr!(lang, "report-luck-no-draw", base = base),
    }
}

/// The section's method, in one paragraph, in a language.
pub fn method(lang: Lang, a: &SkillLuck) -> String {
    let mut t = tr!(
        lang,
        "report-luck-method",
        runs = count_in(lang, a.alternative_runs)
    );
    let sep = if lang == Lang::Zh { "" } else { " " };
    if a.completed < a.replays {
        t.push_str(sep);
        t.push_str(&tr!(
            lang,
            "report-luck-left-out",
            k = count_in(lang, a.replays - a.completed),
            n = count_in(lang, a.replays)
        ));
    }
    if a.interventions > 0 {
        t.push_str(sep);
        t.push_str(&tr!(lang, "report-luck-interventions", n = a.interventions));
    }
    t
}

/// The note under the table of the decisions that mattered most, in a language.
pub fn table_note(lang: Lang, a: &SkillLuck) -> String {
    tr!(
        lang,
        "report-luck-table-note",
        runs = count_in(lang, a.alternative_runs)
    )
}
