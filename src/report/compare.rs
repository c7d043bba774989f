//! Comparing groups that played the same scenario (one journal each): a leaderboard, the
//! decisions where they parted ways and what each choice led to, final metrics and checks
//! side by side. Built from the groups' reports only, so it works for any scenario.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use super::model::{
    CheckOutcome, DecisionStatus, GoodDirection, MetricValue, Progress, Report, TimelineKind,
};

/// The label and unit of a metric, as the first group's report names it (the metric's id
/// and no unit when it is not there).
pub fn metric_label_unit<'a>(reports: &'a [Report], metric: &'a str) -> (&'a str, &'a str) {
    reports
        .first()
        .and_then(|r| r.metrics.iter().find(|m| m.id == metric))
        .map(|m| (m.label.as_str(), m.unit.as_str()))
        .unwrap_or((metric, ""))
}

/// Several groups of one scenario, side by side.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Comparison {
    /// The scenario's id.
    pub scenario_id: String,
    /// The scenario's title.
    pub scenario_title: String,
    /// Things to know (e.g. groups played different versions of the scenario).
    pub warnings: Vec<String>,
    /// Groups by score, best first.
    pub leaderboard: Vec<Standing>,
    /// Decisions the groups took differently (or that only some reached), earliest first.
    pub divergences: Vec<Divergence>,
    /// Decisions every group took the same way.
    pub agreements: Vec<Agreement>,
    /// Each metric's final value per group.
    pub final_metrics: Vec<MetricRow>,
    /// Each check's outcome per group.
    pub checks: Vec<CheckRow>,
}

/// A group's place on the leaderboard.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Standing {
    /// 1 for the best score; equal scores share a rank.
    pub rank: usize,
    /// The group's label.
    pub group: String,
    /// Index of its report in [`super::model::Document::reports`].
    pub report: usize,
    /// Score.
    pub score: f64,
    /// Grade, if any.
    pub grade: Option<String>,
    /// Ending title, if reached.
    pub ending: Option<String>,
    /// Ended or in progress.
    pub status: Progress,
    /// Checks met.
    pub checks_met: usize,
    /// Checks met or missed.
    pub checks_judged: usize,
    /// Deadlines met.
    pub deadlines_met: usize,
    /// Deadlines missed.
    pub deadlines_missed: usize,
    /// Decisions taken.
    pub decisions_taken: usize,
    /// Of which recommended by the scenario.
    pub decisions_recommended: usize,
    /// Mean real time to decide, ms.
    pub mean_time_to_decide_ms: Option<u64>,
    /// The seed of the exercise.
    pub seed: u64,
    /// The parameters, `id = value, ...`.
    pub parameters: String,
}

/// A decision where the groups went different ways.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Divergence {
    /// Decision id.
    pub decision: String,
    /// The question.
    pub prompt: String,
    /// The deciding team.
    pub team: String,
    /// Earliest scenario time any group reached it.
    pub first_opened: i64,
    /// True for the first decision where groups chose different options: where they parted ways.
    pub parting: bool,
    /// One branch per distinct choice (or "not reached", "still open", "not taken", in the
    /// report's language).
    pub branches: Vec<Branch>,
}

/// The groups that took one way at a divergence.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Branch {
    /// Option id, when an option was chosen.
    pub option: Option<String>,
    /// The option's label, or `not reached`, `still open`, `not taken` (in the report's
    /// language).
    pub label: String,
    /// Whether the scenario recommends the option.
    pub recommended: bool,
    /// Each group on this branch and where it led.
    pub groups: Vec<GroupPath>,
}

/// Where a choice led one group.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GroupPath {
    /// The group's label.
    pub group: String,
    /// Index of its report.
    pub report: usize,
    /// When it chose (`T+hh:mm`), if it did.
    pub at: Option<String>,
    /// Real time it took, ms.
    pub took_real_ms: Option<u64>,
    /// Taken by default when time ran out.
    pub timeout: bool,
    /// The score right after the choice.
    pub score_after: Option<f64>,
    /// Metric values right after the choice.
    pub metrics_after: Vec<MetricValue>,
    /// The group's final score.
    pub final_score: f64,
    /// The group's ending, if reached.
    pub ending: Option<String>,
    /// Injects (titles) that fired for this group after the choice, before its next
    /// choice at another divergence, and for no group on another branch.
    pub only_here: Vec<String>,
}

/// A decision every group took the same way.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Agreement {
    /// Decision id.
    pub decision: String,
    /// The question.
    pub prompt: String,
    /// The option every group chose.
    pub option: String,
    /// Whether the scenario recommends it.
    pub recommended: bool,
}

/// A metric's final values, one per group in report order.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MetricRow {
    /// Metric id.
    pub metric: String,
    /// Label.
    pub label: String,
    /// Unit.
    pub unit: String,
    /// Good direction.
    pub good: GoodDirection,
    /// Final values.
    pub values: Vec<f64>,
}

/// A check's outcome, one per group in report order.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CheckRow {
    /// Check id.
    pub check: String,
    /// Title.
    pub title: String,
    /// Outcomes.
    pub outcomes: Vec<CheckOutcome>,
}

/// Where one group stands on one decision.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Way {
    Chose(String),
    Open,
    NotTaken,
    NotReached,
}

/// Compares reports of the same scenario. The caller has checked that they are. Labels
/// for people (branches that are no option, warnings) are in the first report's language.
pub fn compare(reports: &[Report]) -> Comparison {
    let first = &reports[0].overview.scenario;
    let lang = reports[0].lang;
    let mut warnings = Vec::new();
    let versions: BTreeSet<(&str, &str)> = reports
        .iter()
        .map(|r| {
            (
                r.overview.scenario.hash.as_str(),
                r.overview.scenario.version.as_str(),
            )
        })
        .collect();
    if versions.len() > 1 {
        let list: Vec<String> = reports
            .iter()
            .map(|r| {
                crate::tr!(
                    lang,
                    "report-c-played-version",
                    group = r.label.as_str(),
                    version = r.overview.scenario.version.as_str()
                )
            })
            .collect();
        warnings.push(crate::tr!(
            lang,
            "report-c-versions-differ",
            list = crate::i18n::format::list(lang, &list)
        ));
    }
    Comparison {
        scenario_id: first.id.clone(),
        scenario_title: first.title.clone(),
        warnings,
        leaderboard: leaderboard(reports),
        divergences: divergences(reports, lang),
        agreements: agreements(reports),
        final_metrics: reports[0]
            .metrics
            .iter()
            .map(|m| MetricRow {
                metric: m.id.clone(),
                label: m.label.clone(),
                unit: m.unit.clone(),
                good: m.good,
                values: reports
                    .iter()
                    .map(|r| {
                        r.metrics
                            .iter()
                            .find(|x| x.id == m.id)
                            .map(|x| x.end)
                            .unwrap_or(f64::NAN)
                    })
                    .collect(),
            })
            .collect(),
        checks: reports[0]
            .checks
            .iter()
            .map(|c| CheckRow {
                check: c.id.clone(),
                title: c.title.clone(),
                outcomes: reports
                    .iter()
                    .map(|r| {
                        r.checks
                            .iter()
                            .find(|x| x.id == c.id)
                            .map(|x| x.status)
                            .unwrap_or(CheckOutcome::NotApplicable)
                    })
                    .collect(),
            })
            .collect(),
    }
}

fn leaderboard(reports: &[Report]) -> Vec<Standing> {
    let mut order: Vec<usize> = (0..reports.len()).collect();
    order.sort_by(|&a, &b| {
        let (ra, rb) = (&reports[a], &reports[b]);
        rb.results
            .score
            .score
            .total_cmp(&ra.results.score.score)
            .then_with(|| ra.label.cmp(&rb.label))
            .then(a.cmp(&b))
    });
    let mut out: Vec<Standing> = Vec::with_capacity(order.len());
    for (pos, &i) in order.iter().enumerate() {
        let r = &reports[i];
        let res = &r.results;
        let rank = match out.last() {
            Some(prev) if prev.score == res.score.score => prev.rank,
            _ => pos + 1,
        };
        out.push(Standing {
            rank,
            group: r.label.clone(),
            report: i,
            score: res.score.score,
            grade: res.score.grade.as_ref().map(|g| g.grade.clone()),
            ending: res.ending.as_ref().map(|e| e.title.clone()),
            status: r.status,
            checks_met: res.checks_met,
            checks_judged: res.checks_met + res.checks_missed,
            deadlines_met: res.deadlines_met,
            deadlines_missed: res.deadlines_missed,
            decisions_taken: res.decisions_taken,
            decisions_recommended: res.decisions_recommended,
            mean_time_to_decide_ms: res.mean_time_to_decide_ms,
            seed: r.overview.journal.seed,
            parameters: r
                .overview
                .parameters
                .iter()
                .map(|p| format!("{} = {}", p.id, p.value))
                .collect::<Vec<_>>()
                .join(", "),
        });
    }
    out
}

fn way(r: &Report, decision: &str) -> Way {
    match r.decisions.iter().find(|d| d.id == decision) {
        None => Way::NotReached,
        Some(d) => match (&d.status, &d.option) {
            (DecisionStatus::Taken, Some(o)) => Way::Chose(o.id.clone()),
            (DecisionStatus::Open, _) => Way::Open,
            _ => Way::NotTaken,
        },
    }
}

/// Every decision any group reached, earliest first: (first opened, id).
fn reached(reports: &[Report]) -> Vec<(i64, String)> {
    let mut first: BTreeMap<String, i64> = BTreeMap::new();
    for r in reports {
        for d in &r.decisions {
            let e = first.entry(d.id.clone()).or_insert(d.opened.at);
            *e = (*e).min(d.opened.at);
        }
    }
    let mut v: Vec<(i64, String)> = first.into_iter().map(|(id, at)| (at, id)).collect();
    v.sort();
    v
}

/// An inject that fired for good: (id, title, real ms).
type Fired<'a> = (&'a str, &'a str, u64);

/// Injects that fired for good in a report, in order.
fn fired(r: &Report) -> Vec<Fired<'_>> {
    r.timeline
        .iter()
        .filter(|t| matches!(t.kind, TimelineKind::Inject | TimelineKind::Curveball) && !t.undone)
        .map(|t| (t.id.as_str(), t.title.as_str(), t.when.real_ms))
        .collect()
}

/// The real time a group took a decision, if it did.
fn chosen_real(r: &Report, decision: &str) -> Option<u64> {
    r.decisions
        .iter()
        .find(|d| d.id == decision && d.status == DecisionStatus::Taken)
        .and_then(|d| d.chosen.as_ref())
        .map(|m| m.real_ms)
}

fn divergences(reports: &[Report], lang: crate::i18n::Lang) -> Vec<Divergence> {
    let mut out: Vec<Divergence> = Vec::new();
    let mut parted = false;
    let divergent: Vec<(i64, String)> = reached(reports)
        .into_iter()
        .filter(|(_, id)| {
            let ways: BTreeSet<Way> = reports.iter().map(|r| way(r, id)).collect();
            ways.len() > 1
        })
        .collect();
    for (first_opened, id) in divergent.iter().cloned() {
        let ways: Vec<Way> = reports.iter().map(|r| way(r, &id)).collect();
        let distinct: BTreeSet<&Way> = ways.iter().collect();
        let options = distinct
            .iter()
            .filter(|w| matches!(w, Way::Chose(_)))
            .count();
        let sample = reports
            .iter()
            .find_map(|r| r.decisions.iter().find(|d| d.id == id))
            .expect("the decision was reached by some group");
        // Branches in the order groups appear, so that the first group's way comes first.
        let mut branch_ways: Vec<&Way> = Vec::new();
        for w in &ways {
            if !branch_ways.contains(&w) {
                branch_ways.push(w);
            }
        }
        let fired_by: Vec<Vec<Fired>> = reports.iter().map(fired).collect();
        // Each group's window: from this choice to its next choice at another divergence.
        let windows: Vec<Option<(u64, u64)>> = reports
            .iter()
            .map(|r| {
                let from = chosen_real(r, &id)?;
                let to = divergent
                    .iter()
                    .filter(|(_, other)| *other != id)
                    .filter_map(|(_, other)| chosen_real(r, other))
                    .filter(|t| *t > from)
                    .min()
                    .unwrap_or(u64::MAX);
                Some((from, to))
            })
            .collect();
        let branches = branch_ways
            .iter()
            .map(|&w| {
                let members: Vec<usize> = (0..reports.len()).filter(|&i| &ways[i] == w).collect();
                let elsewhere: BTreeSet<&str> = (0..reports.len())
                    .filter(|i| !members.contains(i))
                    .flat_map(|i| fired_by[i].iter().map(|f| f.0))
                    .collect();
                let (label, recommended, option) = match w {
                    Way::Chose(o) => {
                        let info = reports
                            .iter()
                            .find_map(|r| {
                                r.decisions
                                    .iter()
                                    .find(|d| d.id == id)
                                    .and_then(|d| d.option.as_ref())
                                    .filter(|x| &x.id == o)
                            })
                            .expect("a group chose it");
                        (info.label.clone(), info.recommended, Some(o.clone()))
                    }
                    Way::Open => (crate::tr!(lang, "report-still-open"), false, None),
                    Way::NotTaken => (crate::tr!(lang, "report-c-not-taken"), false, None),
                    Way::NotReached => (crate::tr!(lang, "report-c-not-reached"), false, None),
                };
                Branch {
                    option,
                    label,
                    recommended,
                    groups: members
                        .iter()
                        .map(|&i| path(&reports[i], i, &id, &fired_by[i], windows[i], &elsewhere))
                        .collect(),
                }
            })
            .collect();
        let parting = !parted && options >= 2;
        parted |= parting;
        out.push(Divergence {
            decision: id.clone(),
            prompt: sample.prompt.clone(),
            team: sample.team_name.clone(),
            first_opened,
            parting,
            branches,
        });
    }
    out
}

fn path(
    r: &Report,
    i: usize,
    decision: &str,
    fired: &[Fired],
    window: Option<(u64, u64)>,
    elsewhere: &BTreeSet<&str>,
) -> GroupPath {
    let d = r
        .decisions
        .iter()
        .find(|d| d.id == decision && d.status == DecisionStatus::Taken);
    GroupPath {
        group: r.label.clone(),
        report: i,
        at: d.and_then(|d| d.chosen.as_ref()).map(|m| m.offset.clone()),
        took_real_ms: d.and_then(|d| d.took_real_ms),
        timeout: d.is_some_and(|d| d.timeout),
        score_after: d.and_then(|d| d.after.as_ref()).map(|a| a.score),
        metrics_after: d
            .and_then(|d| d.after.as_ref())
            .map(|a| a.metrics.clone())
            .unwrap_or_default(),
        final_score: r.results.score.score,
        ending: r.results.ending.as_ref().map(|e| e.title.clone()),
        only_here: match window {
            Some((from, to)) => fired
                .iter()
                .filter(|f| f.2 >= from && f.2 < to && !elsewhere.contains(f.0))
                .map(|f| f.1.to_string())
                .collect(),
            None => Vec::new(),
        },
    }
}

fn agreements(reports: &[Report]) -> Vec<Agreement> {
    reached(reports)
        .into_iter()
        .filter_map(|(_, id)| {
            let ways: BTreeSet<Way> = reports.iter().map(|r| way(r, &id)).collect();
            if ways.len() != 1 {
                return None;
            }
            let d = reports[0].decisions.iter().find(|d| d.id == id)?;
            let o = d.option.as_ref()?;
            Some(Agreement {
                decision: id.clone(),
                prompt: d.prompt.clone(),
                option: o.label.clone(),
                recommended: o.recommended,
            })
        })
        .collect()
}

/// The leaderboard's column headings, in `lang`, for every format.
pub fn leaderboard_columns(lang: crate::i18n::Lang) -> Vec<String> {
    [
        crate::tr!(lang, "report-c-col-rank"),
        crate::tr!(lang, "report-c-col-group"),
        crate::tr!(lang, "report-score"),
        crate::tr!(lang, "report-ending"),
        crate::tr!(lang, "report-c-col-checks"),
        crate::tr!(lang, "report-c-col-deadlines"),
        crate::tr!(lang, "report-c-col-decisions"),
        crate::tr!(lang, "report-c-col-mean"),
        crate::tr!(lang, "report-c-col-parameters"),
    ]
    .into()
}
