//! The executive summary and the improvement plan, written from the evidence: what went
//! well and what did not per objective, the decisions that mattered most, and how much of
//! the outcome was the dice. Plain sentences; the renderers escape them.

use crate::engine::Rating;
use crate::report::fmt::{self, plural};
use crate::report::luck::{self, SkillLuck, percent, signed};
use crate::report::model::*;
use crate::text::sanitize_line as s;

use super::{Builder, fmt_offset};

/// How many decisions the executive summary names.
const SUMMARY_DECISIONS: usize = 3;
/// How many check titles one line of strengths or areas lists before "and N more".
const TITLES_PER_LINE: usize = 4;

/// What the summary is written from.
pub(super) struct Evidence<'a> {
    pub results: &'a Results,
    pub objectives: &'a [ObjectiveReport],
    pub checks: &'a [CheckReport],
    pub decisions: &'a [DecisionReport],
    pub deadlines: &'a [DeadlineReport],
    pub analysis: Option<&'a SkillLuck>,
}

impl Builder<'_> {
    /// The executive summary.
    pub(super) fn executive(&self, ev: &Evidence) -> Executive {
        Executive {
            overview: self.overview_text(ev.results),
            ratings: self.ratings_text(),
            strengths: by_objective(ev, CheckOutcome::Met),
            improvements: {
                let mut v = by_objective(ev, CheckOutcome::Missed);
                v.extend(missed_duties(ev));
                v
            },
            decisions: ev
                .analysis
                .map(|a| decisive(a, ev.decisions))
                .unwrap_or_default(),
            luck: ev.analysis.map(luck_text).unwrap_or_default(),
            figures: key_figures(ev.results),
        }
    }

    /// Who played what, when, for how long, and how it ended.
    fn overview_text(&self, res: &Results) -> String {
        let sc = self.sc;
        let st = self.ex.state();
        if st.started_real.is_none() {
            return format!(
                "The exercise of “{}” has not started: the journal ends at the briefing.",
                s(&sc.meta.title)
            );
        }
        let teams: Vec<String> = sc.teams.iter().map(|t| s(&t.name)).collect();
        let who = match (st.session.organisation.is_empty(), teams.len()) {
            (false, _) => s(&st.session.organisation),
            (true, 1) => format!("The {} team", teams[0]),
            (true, _) => format!("The {} teams", join_and(&teams)),
        };
        let date = self.clocks.date();
        let mut out = vec![format!(
            "{who} played “{}”{} for {} of real time, covering {} of scenario time.",
            s(&sc.meta.title),
            if date.is_empty() {
                String::new()
            } else {
                format!(" on {date}")
            },
            fmt::real_duration(self.end_real),
            fmt::span(st.now)
        )];
        out.push(match &res.ending {
            Some(e) => format!(
                "The exercise ended at {} ({}) with “{}”{}.",
                e.when.offset,
                e.when.clock,
                e.title,
                if e.by_facilitator {
                    ", called by the facilitator"
                } else {
                    ""
                },
            ),
            None => format!(
                "The exercise is still in progress at {}.",
                fmt_offset(st.now)
            ),
        });
        let judged = res.checks_met + res.checks_missed;
        if judged > 0 {
            out.push(format!(
                "Best-practice checks met: {} of {judged}.",
                res.checks_met
            ));
        }
        if res.decisions_taken > 0 {
            let timeouts = match res.decisions_timed_out {
                0 => String::new(),
                n => format!(
                    ", {} when time ran out",
                    plural(n, "by default", "of them by default")
                ),
            };
            out.push(format!(
                "{} took {}{timeouts}{}.",
                if sc.teams.len() == 1 {
                    "The team"
                } else {
                    "The teams"
                },
                plural(res.decisions_taken, "decision", "decisions"),
                res.mean_time_to_decide_ms
                    .map(|m| format!(", in {} on average", fmt::real_duration(m)))
                    .unwrap_or_default()
            ));
        }
        if res.deadlines_missed > 0 {
            out.push(format!(
                "{} missed.",
                plural(res.deadlines_missed, "deadline was", "deadlines were")
            ));
        }
        if res.deadlines_met_by_others > 0 {
            out.push(format!(
                "{} met by others, not by a team's decision.",
                plural(
                    res.deadlines_met_by_others,
                    "deadline was",
                    "deadlines were"
                )
            ));
        }
        out.join(" ")
    }

    /// "The evaluator rated 2 of 6 objectives: 1 P (performed without challenges), …"
    fn ratings_text(&self) -> String {
        let ratings = self.ex.score().objectives;
        if ratings.is_empty() {
            return String::new();
        }
        let rated: Vec<String> = [Rating::P, Rating::S, Rating::M, Rating::U]
            .into_iter()
            .filter_map(|r| {
                let n = ratings
                    .iter()
                    .filter(|o| o.evaluation.as_ref().is_some_and(|e| e.rating == r))
                    .count();
                (n > 0).then(|| format!("{n} {} ({})", r.letter(), r.describe().to_lowercase()))
            })
            .collect();
        let pending = ratings.iter().filter(|o| o.evaluation.is_none()).count();
        let total = ratings.len();
        match (rated.is_empty(), pending) {
            (true, _) => format!(
                "The evaluator has not rated the {} yet; section 3 shows the evidence and a \
                 suggested rating for each.",
                plural(total, "objective", "objectives")
            ),
            (false, 0) => format!(
                "The evaluator rated all {}: {}.",
                plural(total, "objective", "objectives"),
                rated.join(", ")
            ),
            (false, p) => format!(
                "The evaluator rated {} of {}: {}; {} pending.",
                total - p,
                plural(total, "objective", "objectives"),
                rated.join(", "),
                p
            ),
        }
    }
}

/// "A, B and C".
fn join_and(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// "Objective 2 (Capability): title (T+00:30); title (T+01:00)", one line per objective with
/// checks in `status`; checks under no objective come last.
fn by_objective(ev: &Evidence, status: CheckOutcome) -> Vec<String> {
    let line = |head: String, checks: Vec<&CheckReport>| {
        let mut titles: Vec<String> = checks
            .iter()
            .take(TITLES_PER_LINE)
            .map(|c| match &c.when {
                Some(m) => format!("{} ({})", c.title, m.clock),
                None => c.title.clone(),
            })
            .collect();
        if checks.len() > TITLES_PER_LINE {
            titles.push(format!("and {} more", checks.len() - TITLES_PER_LINE));
        }
        format!("{head}: {}.", titles.join("; "))
    };
    let mut out = Vec::new();
    for (k, o) in ev.objectives.iter().enumerate() {
        let list: Vec<&CheckReport> = ev
            .checks
            .iter()
            .filter(|c| c.status == status && o.checks.contains(&c.id))
            .collect();
        if list.is_empty() {
            continue;
        }
        let head = if o.capability.is_empty() {
            format!("Objective {}", k + 1)
        } else {
            format!("Objective {} ({})", k + 1, o.capability)
        };
        out.push(line(head, list));
    }
    let loose: Vec<&CheckReport> = ev
        .checks
        .iter()
        .filter(|c| c.status == status && !ev.objectives.iter().any(|o| o.checks.contains(&c.id)))
        .collect();
    if !loose.is_empty() {
        out.push(line("Other best practice".into(), loose));
    }
    out
}

/// The team's own deadlines that were missed.
fn missed_duties(ev: &Evidence) -> Vec<String> {
    ev.deadlines
        .iter()
        .filter(|d| d.status == DeadlineOutcome::Missed)
        .map(|d| {
            format!(
                "Deadline missed: {} ({} allowed{}).",
                d.label,
                fmt::span(d.duration_s),
                d.closed
                    .as_ref()
                    .map(|m| format!(", missed at {}", m.offset))
                    .unwrap_or_default()
            )
        })
        .collect()
}

/// The decisions that mattered most, in a sentence each.
fn decisive(a: &SkillLuck, decisions: &[DecisionReport]) -> Vec<String> {
    a.top_decisions()
        .into_iter()
        .take(SUMMARY_DECISIONS)
        .filter_map(|d| {
            let own = d.options.iter().find(|o| o.chosen)?;
            let when = decisions
                .iter()
                .find(|x| x.id == d.id)
                .map(|x| format!(" ({})", x.opened.offset))
                .unwrap_or_default();
            let alts = d
                .options
                .iter()
                .filter(|o| !o.chosen)
                .filter_map(|o| Some((o, o.difference?)));
            let best = alts.clone().max_by(|x, y| x.1.total_cmp(&y.1));
            Some(match best {
                Some((o, diff)) if diff > 0.05 => format!(
                    "“{}”{when}: the team chose “{}”; “{}” would have raised the expected \
                     score by {} points.",
                    d.prompt,
                    own.label,
                    o.label,
                    fmt::num((diff * 10.0).round() / 10.0)
                ),
                Some((o, diff)) => format!(
                    "“{}”{when}: the team chose “{}”, the best of the options tried; the next \
                     best, “{}”, would have changed the expected score by {}.",
                    d.prompt,
                    own.label,
                    o.label,
                    signed(diff)
                ),
                None => return None,
            })
        })
        .collect()
}

/// Skill and luck in a sentence or two.
fn luck_text(a: &SkillLuck) -> String {
    let (Some(expected), Some(p5), Some(p95), Some(diff)) = (a.expected, a.p5, a.p95, a.luck)
    else {
        return format!(
            "The team's decisions could not be replayed to an ending ({} of {} replays \
             completed).",
            luck::count(a.completed),
            luck::count(a.replays)
        );
    };
    let mut t = format!(
        "Played {} times with the same decisions under other dice",
        luck::count(a.completed)
    );
    if let Some(e) = a.endings.iter().find(|e| e.this_run) {
        t.push_str(&format!(
            ", the exercise ends with “{}”, as in this run, in {} of the replays",
            e.title,
            percent(e.share)
        ));
    }
    if let Some(top) = a.endings.first().filter(|e| !e.this_run) {
        t.push_str(&format!(
            " (most often: “{}”, {})",
            top.title,
            percent(top.share)
        ));
    }
    t.push_str(&format!(
        ". These decisions score {} on average (p5–p95 {}–{}); this run scored {}, {} against \
         that: ",
        fmt::num(expected),
        fmt::num(p5),
        fmt::num(p95),
        fmt::num(a.this_run),
        signed(diff)
    ));
    let spread = (p95 - p5).max(0.0);
    t.push_str(if diff.abs() <= (spread / 4.0).max(1.0) {
        "the outcome is about what these decisions make likely; it owes more to the decisions \
         than to the dice."
    } else if diff > 0.0 {
        "the dice were kinder than usual; the same decisions would often have done worse."
    } else {
        "the dice were harsher than usual; the same decisions would usually have done better."
    });
    t
}

/// The improvement plan: a corrective-action template for each missed check and each
/// missed duty, under its objective; organisation, contact and dates are left to fill.
pub(super) fn improvement_plan(ev: &Evidence) -> Vec<ImprovementItem> {
    let objective_of = |id: &str| {
        ev.objectives
            .iter()
            .position(|o| o.checks.iter().any(|c| c == id))
    };
    let mut rows: Vec<ImprovementItem> = ev
        .checks
        .iter()
        .filter(|c| c.status == CheckOutcome::Missed)
        .map(|c| ImprovementItem {
            objective: objective_of(&c.id).map(|k| k + 1),
            issue: format!("Not achieved: {}", c.title),
            corrective_action: c.lesson.replace('\n', " "),
            capability: c.capability.clone(),
            organisation: String::new(),
            point_of_contact: String::new(),
            start: String::new(),
            completion: String::new(),
            source: format!("check:{}", c.id),
        })
        .collect();
    // Stable: by objective, in the checks' order within one; rows under no objective last.
    rows.sort_by_key(|r| r.objective.unwrap_or(usize::MAX));
    rows.extend(
        ev.deadlines
            .iter()
            .filter(|d| d.status == DeadlineOutcome::Missed)
            .map(|d| ImprovementItem {
                objective: None,
                issue: format!("Deadline missed: {}", d.label),
                corrective_action: if d.description.is_empty() {
                    format!(
                        "Plan who does it, and how, within {}.",
                        fmt::span(d.duration_s)
                    )
                } else {
                    d.description.replace('\n', " ")
                },
                capability: String::new(),
                organisation: String::new(),
                point_of_contact: String::new(),
                start: String::new(),
                completion: String::new(),
                source: format!("deadline:{}", d.id),
            }),
    );
    rows
}

/// The key figures, as plain lines (numbers and fixed words only).
fn key_figures(res: &Results) -> Vec<String> {
    let mut v = vec![format!(
        "{} of {} met{}",
        res.checks_met,
        plural(
            res.checks_met + res.checks_missed,
            "best-practice check",
            "best-practice checks"
        ),
        if res.checks_open > 0 {
            format!(" ({} still open)", res.checks_open)
        } else {
            String::new()
        }
    )];
    v.push(format!(
        "{} met, {} missed{} (threat countdowns are not counted)",
        plural(res.deadlines_met, "deadline", "deadlines"),
        res.deadlines_missed,
        if res.deadlines_met_by_others > 0 {
            format!(", {} met by others", res.deadlines_met_by_others)
        } else {
            String::new()
        }
    ));
    v.push(format!(
        "{} taken, {} by default when time ran out",
        plural(res.decisions_taken, "decision", "decisions"),
        res.decisions_timed_out
    ));
    if let Some(ms) = res.mean_time_to_decide_ms {
        v.push(format!(
            "Mean time to decide: {} (real time, pauses excluded{})",
            fmt::real_duration(ms),
            match res.mean_counts_timeouts {
                0 => String::new(),
                1 => "; 1 timeout counted at its limit".into(),
                n => format!("; {n} timeouts counted at their limit"),
            }
        ));
    }
    v.push(format!(
        "Facilitator interventions: {}, {}, {}",
        plural(res.undos, "undo", "undos"),
        plural(res.curveballs, "curveball", "curveballs"),
        plural(res.overrides, "metric override", "metric overrides")
    ));
    v
}
