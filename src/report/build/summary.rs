//! The executive summary and the improvement plan, written from the evidence: what went
//! well and what did not per objective, the decisions that mattered most, and how much of
//! the outcome was the dice. Plain sentences; the renderers escape them.

use crate::engine::Rating;
use crate::i18n::Lang;
use crate::report::fmt;
use crate::report::luck::{self, SkillLuck, percent_in, signed_in};
use crate::report::model::*;
use crate::text::sanitize_line as s;
use crate::tr;

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
    /// The language the sentences are written in.
    pub lang: Lang,
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
                .map(|a| decisive(ev.lang, a, ev.decisions))
                .unwrap_or_default(),
            luck: ev
                .analysis
                .map(|a| luck_text(ev.lang, a))
                .unwrap_or_default(),
            figures: key_figures(ev.lang, ev.results),
        }
    }

    /// Who played what, when, for how long, and how it ended.
    fn overview_text(&self, res: &Results) -> String {
        let sc = self.sc;
        let st = self.ex.state();
        let l = self.clocks.lang;
        if st.started_real.is_none() {
            return tr!(l, "report-x-not-started", title = s(&sc.meta.title));
        }
        let teams: Vec<String> = sc.teams.iter().map(|t| s(&t.name)).collect();
        let who = match (st.session.organisation.is_empty(), teams.len()) {
            (false, _) => s(&st.session.organisation),
            (true, 1) => tr!(l, "report-x-team-one", team = teams[0].as_str()),
            (true, _) => tr!(
                l,
                "report-x-teams",
                teams = crate::i18n::format::list(l, &teams)
            ),
        };
        let date = self.clocks.date();
        let real = fmt::real_duration_in(l, self.end_real);
        let span = fmt::span_in(l, st.now);
        let title = s(&sc.meta.title);
        let mut out = vec![if date.is_empty() {
            tr!(
                l,
                "report-x-played",
                who = who,
                title = title,
                real = real,
                span = span
            )
        } else {
            tr!(
                l,
                "report-x-played-on",
                who = who,
                title = title,
                date = date,
                real = real,
                span = span
            )
        }];
        out.push(match &res.ending {
            Some(e) if e.by_facilitator => tr!(
                l,
                "report-x-ended-by-facilitator",
                offset = e.when.offset.as_str(),
                clock = e.when.clock.as_str(),
                title = e.title.as_str()
            ),
            Some(e) => tr!(
                l,
                "report-x-ended",
                offset = e.when.offset.as_str(),
                clock = e.when.clock.as_str(),
                title = e.title.as_str()
            ),
            None => tr!(l, "report-x-in-progress", offset = fmt_offset(st.now)),
        });
        let judged = res.checks_met + res.checks_missed;
        if judged > 0 {
            out.push(tr!(
                l,
                "report-x-checks",
                met = res.checks_met,
                judged = judged
            ));
        }
        if res.decisions_taken > 0 {
            let timeouts = match res.decisions_timed_out {
                0 => String::new(),
                n => tr!(l, "report-x-timeouts", n = n),
            };
            out.push(tr!(
                l,
                "report-x-took",
                teams = sc.teams.len(),
                n = res.decisions_taken,
                timeouts = timeouts,
                average = res
                    .mean_time_to_decide_ms
                    .map(|m| tr!(l, "report-x-average", time = fmt::real_duration_in(l, m)))
                    .unwrap_or_default()
            ));
        }
        if res.deadlines_missed > 0 {
            out.push(tr!(
                l,
                "report-x-deadlines-missed",
                n = res.deadlines_missed
            ));
        }
        if res.deadlines_met_by_others > 0 {
            out.push(tr!(
                l,
                "report-x-met-by-others",
                n = res.deadlines_met_by_others
            ));
        }
        out.join(if l == Lang::Zh { "" } else { " " })
    }

    fn ratings_text(&self) -> String {
        let l = self.clocks.lang;
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
                let text = match l {
                    Lang::En => r.describe().to_lowercase(),
                    _ => crate::i18n::terms::rating(l, r).to_lowercase(),
                };
                (n > 0).then(|| {
                    tr!(
                        l,
                        "report-x-rating-count",
                        n = n,
                        letter = r.letter(),
                        text = text
                    )
                })
            })
            .collect();
        let pending = ratings.iter().filter(|o| o.evaluation.is_none()).count();
        let total = ratings.len();
        match (rated.is_empty(), pending) {
            (true, _) => tr!(l, "report-x-not-rated", n = total),
            (false, 0) => tr!(l, "report-x-rated-all", n = total, list = rated.join(", ")),
            (false, p) => tr!(
                l,
                "report-x-rated-some",
                k = total - p,
                n = total,
                list = rated.join(", "),
                pending = p
            ),
        }
    }
}

fn by_objective(ev: &Evidence, status: CheckOutcome) -> Vec<String> {
    let line = |head: String, checks: Vec<&CheckReport>| {
        let mut titles: Vec<String> = checks
            .iter()
            .take(TITLES_PER_LINE)
            .map(|c| match &c.when {
                Some(m) => format!("{}{}", c.title, fmt::paren(ev.lang, &m.clock)),
                None => c.title.clone(),
            })
            .collect();
        if checks.len() > TITLES_PER_LINE {
            titles.push(tr!(
                ev.lang,
                "report-x-more",
                n = checks.len() - TITLES_PER_LINE
            ));
        }
        tr!(
            ev.lang,
            "report-x-line",
            head = head,
            list = titles.join(fmt::semicolon(ev.lang))
        )
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
            tr!(ev.lang, "report-x-objective", n = k + 1)
        } else {
            tr!(
                ev.lang,
                "report-x-objective-cap",
                n = k + 1,
                capability = o.capability.as_str()
            )
        };
        out.push(line(head, list));
    }
    let loose: Vec<&CheckReport> = ev
        .checks
        .iter()
        .filter(|c| c.status == status && !ev.objectives.iter().any(|o| o.checks.contains(&c.id)))
        .collect();
    if !loose.is_empty() {
        out.push(line(tr!(ev.lang, "report-x-other"), loose));
    }
    out
}

/// The team's own deadlines that were missed.
fn missed_duties(ev: &Evidence) -> Vec<String> {
    ev.deadlines
        .iter()
        .filter(|d| d.status == DeadlineOutcome::Missed)
        .map(|d| {
            tr!(
                ev.lang,
                "report-x-deadline-missed",
                label = d.label.as_str(),
                span = fmt::span_in(ev.lang, d.duration_s),
                at = d
                    .closed
                    .as_ref()
                    .map(|m| tr!(ev.lang, "report-x-missed-at", offset = m.offset.as_str()))
                    .unwrap_or_default()
            )
        })
        .collect()
}

/// The decisions that mattered most, in a sentence each.
fn decisive(l: Lang, a: &SkillLuck, decisions: &[DecisionReport]) -> Vec<String> {
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
                Some((o, diff)) if diff > 0.05 => tr!(
                    l,
                    "report-x-decisive-better",
                    prompt = d.prompt.as_str(),
                    when = when,
                    own = own.label.as_str(),
                    other = o.label.as_str(),
                    points = fmt::num_in(l, (diff * 10.0).round() / 10.0)
                ),
                Some((o, diff)) => tr!(
                    l,
                    "report-x-decisive-best",
                    prompt = d.prompt.as_str(),
                    when = when,
                    own = own.label.as_str(),
                    other = o.label.as_str(),
                    diff = signed_in(l, diff)
                ),
                None => return None,
            })
        })
        .collect()
}

/// Skill and luck in a sentence or two.
fn luck_text(l: Lang, a: &SkillLuck) -> String {
    let (Some(expected), Some(p5), Some(p95), Some(diff)) = (a.expected, a.p5, a.p95, a.luck)
    else {
        return tr!(
            l,
            "report-x-luck-none",
            k = luck::count_in(l, a.completed),
            n = luck::count_in(l, a.replays)
        );
    };
    let mut t = tr!(
        l,
        "report-x-luck-played",
        n = luck::count_in(l, a.completed)
    );
    if let Some(e) = a.endings.iter().find(|e| e.this_run) {
        t.push_str(&tr!(
            l,
            "report-x-luck-same-ending",
            title = e.title.as_str(),
            share = percent_in(l, e.share)
        ));
    }
    if let Some(top) = a.endings.first().filter(|e| !e.this_run) {
        if l != Lang::Zh {
            t.push(' ');
        }
        t.push_str(&tr!(
            l,
            "report-x-luck-most-often",
            title = top.title.as_str(),
            share = percent_in(l, top.share)
        ));
    }
    t.push_str(if l == Lang::Zh { "。" } else { ". " });
    t.push_str(&tr!(
        l,
        "report-x-luck-scores",
        mean = fmt::num_in(l, expected),
        p5 = fmt::num_in(l, p5),
        p95 = fmt::num_in(l, p95),
        run = fmt::num_in(l, a.this_run),
        diff = signed_in(l, diff)
    ));
    if l != Lang::Zh {
        t.push(' ');
    }
    let spread = (p95 - p5).max(0.0);
    t.push_str(&if diff.abs() <= (spread / 4.0).max(1.0) {
        tr!(l, "report-x-luck-even")
    } else if diff > 0.0 {
        tr!(l, "report-x-luck-kind")
    } else {
        tr!(l, "report-x-luck-harsh")
    });
    t
}

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
            issue: tr!(ev.lang, "report-x-issue-check", title = c.title.as_str()),
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
                issue: tr!(ev.lang, "report-x-issue-deadline", label = d.label.as_str()),
                corrective_action: if d.description.is_empty() {
                    tr!(
                        ev.lang,
                        "report-x-plan-within",
                        span = fmt::span_in(ev.lang, d.duration_s)
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
fn key_figures(l: Lang, res: &Results) -> Vec<String> {
    let mut v = vec![tr!(
        l,
        "report-x-fig-checks",
        met = res.checks_met,
        n = res.checks_met + res.checks_missed,
        open = if res.checks_open > 0 {
            format!(" {}", tr!(l, "report-x-fig-open", n = res.checks_open))
        } else {
            String::new()
        }
    )];
    v.push(tr!(
        l,
        "report-x-fig-deadlines",
        met = res.deadlines_met,
        missed = res.deadlines_missed,
        others = if res.deadlines_met_by_others > 0 {
            tr!(l, "report-x-fig-others", n = res.deadlines_met_by_others)
        } else {
            String::new()
        }
    ));
    v.push(tr!(
        l,
        "report-x-fig-decisions",
        n = res.decisions_taken,
        timeouts = res.decisions_timed_out
    ));
    if let Some(ms) = res.mean_time_to_decide_ms {
        v.push(tr!(
            l,
            "report-x-fig-mean",
            time = fmt::real_duration_in(l, ms),
            timeouts = match res.mean_counts_timeouts {
                0 => String::new(),
                n => tr!(l, "report-x-fig-mean-timeouts", n = n),
            }
        ));
    }
    v.push(tr!(
        l,
        "report-x-fig-interventions",
        undos = res.undos,
        curveballs = res.curveballs,
        overrides = res.overrides
    ));
    v
}
