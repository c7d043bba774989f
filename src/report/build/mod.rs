//! Building the report model of one exercise from its scenario and journal.

mod summary;
mod timeline;
mod values;

use std::collections::BTreeMap;
use std::sync::Arc;

use crate::engine::score::CheckStatus;
use crate::engine::{Event, Exercise, LogKind, Rating};
use crate::i18n::Lang;
use crate::journal::ReadJournal;
use crate::scenario::Scenario;
use crate::scenario::model::{DeadlineKind, Good, SystemState};
use crate::scenario::time::Secs;
use crate::text::{sanitize_block as b, sanitize_line as s};
use crate::tr;

use super::fmt::{self, Clocks};
use super::model::*;
use super::trace::{self, Trace};

/// Builds the report of one journal. `file` names the journal in the report (its file
/// name); `warnings` are added to the report's own. With `analysis`, an ended exercise
/// gets its skill-and-luck section (see [`crate::analysis`]).
pub fn report(
    scenario: Arc<Scenario>,
    journal: &ReadJournal,
    file: &str,
    mut warnings: Vec<String>,
    analysis: Option<&crate::analysis::Config>,
    lang: Lang,
) -> Result<Report, String> {
    let trace = trace::replay(Arc::clone(&scenario), journal)?;
    if journal.warning.is_some() {
        warnings.push(tr!(lang, "report-warn-cut-short"));
    }
    let bl = Builder {
        sc: &scenario,
        ex: &trace.exercise,
        trace: &trace,
        journal,
        clocks: Clocks::new(
            scenario.clock,
            &journal.header.started_at,
            &journal.header.utc_offset,
            &journal.header.time_zone,
        )
        .with_interruptions(
            crate::journal::marks::interruptions(&journal.marks)
                .iter()
                .map(|i| (i.t, i.ms))
                .collect(),
        )
        .in_lang(lang),
        end_real: journal.entries.last().map(|e| e.t).unwrap_or(0),
    };
    let (timeline, reals) = bl.timeline();
    let checks = bl.checks(&reals);
    let decisions = bl.decisions();
    let deadlines = bl.deadlines(&reals);
    let overview = bl.overview(file);
    let results = bl.results(&reals, &checks, &decisions, &deadlines);
    let objectives = bl.objectives();
    let analysis = analysis
        // Skill and luck compare scores: nothing to say of an exercise with no score.
        .filter(|_| bl.ex.is_over() && bl.sc.scored)
        .map(|cfg| super::luck::build(&crate::analysis::analyse(bl.ex, cfg), bl.sc, lang));
    let evidence = summary::Evidence {
        results: &results,
        objectives: &objectives,
        checks: &checks,
        decisions: &decisions,
        deadlines: &deadlines,
        analysis: analysis.as_ref(),
        lang,
    };
    let executive = bl.executive(&evidence);
    let improvement_plan = summary::improvement_plan(&evidence);
    let (flags, counters) = bl.values();
    let organisation = overview.organisation.clone();
    Ok(Report {
        label: if organisation.is_empty() {
            s(file)
        } else {
            organisation
        },
        status: if bl.ex.is_over() {
            Progress::Ended
        } else {
            Progress::InProgress
        },
        warnings,
        overview,
        results,
        executive,
        objectives,
        improvement_plan,
        checks,
        decisions,
        timeline,
        metrics: bl.metrics(),
        systems: bl.systems(),
        services: bl.services(),
        deadlines,
        questions: bl.questions(),
        references: bl
            .sc
            .meta
            .sources
            .iter()
            .map(|r| Reference {
                title: s(&r.title),
                url: s(&r.url),
                note: b(&r.note),
            })
            .collect(),
        analysis,
        actions: bl.actions(),
        flags,
        counters,
        lang,
    })
}

/// Real times of things that happened, found while building the timeline.
#[derive(Debug, Default)]
struct Reals {
    checks: BTreeMap<u16, u64>,
    deadline_start: BTreeMap<u16, u64>,
    deadline_close: BTreeMap<u16, u64>,
    ending: Option<(Secs, u64)>,
}

struct Builder<'a> {
    sc: &'a Scenario,
    ex: &'a Exercise,
    trace: &'a Trace,
    journal: &'a ReadJournal,
    clocks: Clocks,
    end_real: u64,
}

/// An interruption's length as [`crate::journal::marks::format_gap`] writes it (`45 s`,
/// `4 min`, `1 h 05 min`), in a language.
fn gap_in(lang: Lang, ms: u64) -> String {
    let n = crate::i18n::format::NNBSP;
    let s = ms / 1000;
    let m = (s + 30) / 60;
    match lang {
        Lang::En => crate::journal::marks::format_gap(ms),
        Lang::Fr if s < 60 => format!("{s}{n}s"),
        Lang::Fr if m < 60 => format!("{m}{n}min"),
        Lang::Fr => format!("{}{n}h{n}{:02}{n}min", m / 60, m % 60),
        Lang::Zh if s < 60 => format!("{s} 秒"),
        Lang::Zh if m < 60 => format!("{m} 分钟"),
        Lang::Zh => format!("{} 小时 {:02} 分钟", m / 60, m % 60),
    }
}

impl Builder<'_> {
    fn moment(&self, at: Secs, real: u64) -> Moment {
        self.clocks.moment(at, real)
    }

    fn overview(&self, file: &str) -> Overview {
        let sc = self.sc;
        let st = self.ex.state();
        let h = &self.journal.header;
        let members = &st.session.members;
        Overview {
            scenario: ScenarioInfo {
                id: s(&sc.meta.id),
                title: s(&sc.meta.title),
                version: s(&sc.meta.version),
                summary: b(&sc.meta.summary),
                setting: b(&sc.meta.setting),
                authors: sc.meta.authors.iter().map(|a| s(a)).collect(),
                source: s(&h.scenario_source),
                hash: s(&h.scenario_hash),
                language: s(&sc.meta.language),
            },
            journal: JournalInfo {
                file: s(file),
                entries: self.journal.entries.len(),
                seed: h.seed,
                recorded_with: s(&h.downtime),
                forked_from: h.forked_from.as_ref().map(|f| {
                    let name = std::path::Path::new(&f.journal)
                        .file_name()
                        .map(|n| n.to_string_lossy().into_owned())
                        .unwrap_or_else(|| f.journal.clone());
                    s(&tr!(
                        self.clocks.lang,
                        "report-forked-from",
                        name = name,
                        n = f.at
                    ))
                }),
            },
            organisation: s(&st.session.organisation),
            facilitator: s(&st.session.facilitator),
            started_at: s(&h.started_at),
            time_zone: s(&self.clocks.zone()),
            date: self.clocks.date(),
            real_duration_ms: self.end_real,
            paused_ms: self.paused_ms(),
            scenario_from: self.moment(0, st.started_real.unwrap_or(0)),
            scenario_to: self.moment(st.now, self.end_real),
            phases: (0..=st.phase as usize)
                .filter_map(|p| sc.phases.get(p))
                .filter(|_| st.started_real.is_some())
                .map(|p| s(&p.title))
                .collect(),
            teams: sc
                .teams
                .iter()
                .map(|t| TeamInfo {
                    id: s(&t.id),
                    name: s(&t.name),
                    description: b(&t.description),
                    members: members.get(&t.id).map(|m| s(m)).unwrap_or_default(),
                })
                .collect(),
            parameters: sc
                .params
                .iter()
                .zip(&st.params)
                .map(|(p, v)| ParamInfo {
                    id: s(&p.id),
                    label: s(&p.label),
                    value: s(&super::fmt::param_in(self.clocks.lang, p, v)),
                })
                .collect(),
            facilitator_notes: self
                .ex
                .log()
                .iter()
                .filter_map(|l| match &l.kind {
                    LogKind::Note { text } => Some(Note {
                        when: self.moment(l.at, l.real),
                        text: b(text),
                    }),
                    _ => None,
                })
                .collect(),
            interruptions: self.interruptions(),
        }
    }

    /// The interruptions the journal's heartbeats record (none in older journals).
    fn interruptions(&self) -> Vec<Interruption> {
        crate::journal::marks::interruptions(&self.journal.marks)
            .into_iter()
            .map(|i| {
                let at = match i.after {
                    0 => 0,
                    n => self
                        .trace
                        .steps
                        .get(n as usize - 1)
                        .map(|st| st.now)
                        .unwrap_or(0),
                };
                Interruption {
                    resumed: self.moment(at, i.t),
                    ms: i.ms,
                    text: tr!(
                        self.clocks.lang,
                        "report-resumed-after",
                        gap = gap_in(self.clocks.lang, i.ms)
                    ),
                }
            })
            .collect()
    }

    /// Real time spent paused, from the log's pauses and resumes.
    fn paused_ms(&self) -> u64 {
        let mut total = 0;
        let mut since = None;
        for l in self.ex.log() {
            match l.kind {
                LogKind::Pause => since = Some(l.real),
                LogKind::Resume => {
                    if let Some(p) = since.take() {
                        total += l.real.saturating_sub(p);
                    }
                }
                _ => {}
            }
        }
        total + since.map(|p| self.end_real.saturating_sub(p)).unwrap_or(0)
    }

    fn checks(&self, reals: &Reals) -> Vec<CheckReport> {
        let sc = self.sc;
        let card = self.ex.score();
        card.checks
            .iter()
            .map(|r| {
                let c = &sc.checks[r.check as usize];
                let real = reals.checks.get(&r.check).copied().unwrap_or(self.end_real);
                let (status, when) = match r.status {
                    CheckStatus::Met(t) => (CheckOutcome::Met, Some(self.moment(t, real))),
                    CheckStatus::Missed(t) => (CheckOutcome::Missed, Some(self.moment(t, real))),
                    CheckStatus::Pending => (CheckOutcome::Open, None),
                    CheckStatus::NotApplicable => (CheckOutcome::NotApplicable, None),
                };
                let objective = c.objective.map(|o| &sc.meta.objectives[o as usize]);
                let l = self.clocks.lang;
                let window = match (c.within, c.from) {
                    (Some(w), Some(f)) => crate::tr!(
                        l,
                        "report-window-from",
                        span = fmt::span_in(l, w),
                        inject = s(&sc.injects[f as usize].title)
                    ),
                    (Some(w), None) => {
                        crate::tr!(l, "report-window-start", span = fmt::span_in(l, w))
                    }
                    (None, _) => crate::tr!(l, "report-window-end"),
                };
                CheckReport {
                    id: s(&c.id),
                    title: s(&c.title),
                    status,
                    when,
                    window,
                    objective: objective.map(|o| s(&o.id)),
                    capability: objective.map(|o| s(&o.capability)).unwrap_or_default(),
                    lesson: b(&c.lesson),
                    reference: s(&c.reference),
                }
            })
            .collect()
    }

    fn objectives(&self) -> Vec<ObjectiveReport> {
        let sc = self.sc;
        let card = self.ex.score();
        card.objectives
            .iter()
            .map(|r| {
                let o = &sc.meta.objectives[r.objective as usize];
                let ev = r.evaluation.as_ref();
                ObjectiveReport {
                    id: s(&o.id),
                    text: s(&o.text),
                    capability: s(&o.capability),
                    rating: ev.map_or("pending".into(), |e| e.rating.letter().into()),
                    rating_text: match (ev, self.clocks.lang) {
                        (None, l) => crate::tr!(l, "report-pending-evaluator"),
                        (Some(e), Lang::En) => e.rating.describe().into(),
                        (Some(e), l) => crate::i18n::terms::rating(l, e.rating),
                    },
                    note: ev.map(|e| b(&e.note)).unwrap_or_default(),
                    rated: ev.map(|e| self.moment(e.at, e.real)),
                    suggested: match r.suggested {
                        Rating::NotRated => "not_rated".into(),
                        x => x.letter().into(),
                    },
                    suggested_text: r.suggested.describe().into(),
                    met: r.met,
                    applicable: r.applicable,
                    tasks: o
                        .tasks
                        .iter()
                        .map(|t| {
                            let (mut met, mut applicable) = (0, 0);
                            for &c in &t.checks {
                                match card.checks[c as usize].status {
                                    CheckStatus::Met(_) => {
                                        met += 1;
                                        applicable += 1;
                                    }
                                    CheckStatus::Missed(_) => applicable += 1,
                                    CheckStatus::Pending if self.ex.is_over() => applicable += 1,
                                    _ => {}
                                }
                            }
                            TaskReport {
                                id: s(&t.id),
                                text: s(&t.text),
                                target: s(&t.target),
                                checks: t
                                    .checks
                                    .iter()
                                    .map(|&c| s(&sc.checks[c as usize].id))
                                    .collect(),
                                met,
                                applicable,
                            }
                        })
                        .collect(),
                    checks: sc
                        .checks
                        .iter()
                        .filter(|c| c.objective == Some(r.objective))
                        .map(|c| s(&c.id))
                        .collect(),
                }
            })
            .collect()
    }

    fn decisions(&self) -> Vec<DecisionReport> {
        let sc = self.sc;
        let st = self.ex.state();
        let card = self.ex.score();
        let took: BTreeMap<u16, u64> = card
            .teams
            .iter()
            .flat_map(|t| t.decisions.iter().map(|d| (d.decision, d.took_real)))
            .collect();
        let mut undone: BTreeMap<u16, Vec<String>> = BTreeMap::new();
        for l in self.ex.log() {
            if let LogKind::Undo { decision, option } = l.kind {
                undone
                    .entry(decision)
                    .or_default()
                    .push(s(
                        &sc.decisions[decision as usize].options[option as usize].label
                    ));
            }
        }
        let mut opened: Vec<(Secs, u64, u16)> = st
            .decisions
            .iter()
            .enumerate()
            .filter_map(|(d, ds)| Some((ds.opened_at?, ds.opened_real.unwrap_or(0), d as u16)))
            .collect();
        opened.sort();
        opened
            .into_iter()
            .map(|(at, real, d)| {
                let dec = &sc.decisions[d as usize];
                let ds = &st.decisions[d as usize];
                let c = ds.choice.as_ref();
                let picked: Vec<PickedOption> = c
                    .map(|c| {
                        c.picked()
                            .map(|(o, k)| {
                                let opt = &dec.options[o as usize];
                                PickedOption {
                                    option: OptionInfo {
                                        id: s(&opt.id),
                                        label: s(&opt.label),
                                        recommended: opt.recommended,
                                    },
                                    outcome: k.map(|k| {
                                        let oc = &opt.outcomes[k as usize];
                                        OutcomeInfo {
                                            label: s(&oc.label),
                                            text: b(&oc.text),
                                        }
                                    }),
                                }
                            })
                            .collect()
                    })
                    .unwrap_or_default();
                let (option, outcome) = combined(dec, &picked);
                DecisionReport {
                    id: s(&dec.id),
                    team: s(&sc.teams[dec.team as usize].id),
                    team_name: s(&sc.teams[dec.team as usize].name),
                    prompt: s(&dec.prompt),
                    inject: s(&sc.injects[dec.inject as usize].title),
                    opened: self.moment(at, real),
                    status: match (c, self.ex.is_over()) {
                        (Some(_), _) => DecisionStatus::Taken,
                        (None, false) => DecisionStatus::Open,
                        (None, true) => DecisionStatus::NotTaken,
                    },
                    option,
                    outcome,
                    picked: if picked.len() > 1 { picked } else { Vec::new() },
                    timeout: c.is_some_and(|c| c.timeout),
                    chosen: c.map(|c| self.moment(c.at, c.real)),
                    took_real_ms: c.map(|_| took.get(&d).copied().unwrap_or(0)),
                    took_scenario_s: c.map(|c| c.at - at),
                    recommended: dec
                        .options
                        .iter()
                        .filter(|o| o.recommended)
                        .map(|o| s(&o.label))
                        .collect(),
                    undone: undone.remove(&d).unwrap_or_default(),
                    votes: super::votes::of(self.ex, d),
                    after: c.and_then(|_| self.trace.after_choice.get(&d)).map(|snap| {
                        AfterChoice {
                            score: snap.score,
                            metrics: sc
                                .metrics
                                .iter()
                                .zip(&snap.metrics)
                                .map(|(m, v)| MetricValue {
                                    metric: s(&m.id),
                                    value: *v,
                                })
                                .collect(),
                        }
                    }),
                }
            })
            .collect()
    }

    fn deadlines(&self, reals: &Reals) -> Vec<DeadlineReport> {
        let sc = self.sc;
        let st = self.ex.state();
        sc.deadlines
            .iter()
            .enumerate()
            .map(|(i, d)| {
                let ds = st.deadlines[i];
                let i = i as u16;
                let real_start = reals.deadline_start.get(&i).copied().unwrap_or(0);
                let real_close = reals
                    .deadline_close
                    .get(&i)
                    .copied()
                    .unwrap_or(self.end_real);
                let threat = d.kind == DeadlineKind::Threat;
                let status = match (ds.met, ds.missed, ds.started) {
                    (Some(_), _, _) if threat => DeadlineOutcome::Stopped,
                    (Some(_), _, _) if ds.met_by_team => DeadlineOutcome::Met,
                    (Some(_), _, _) => DeadlineOutcome::MetByOthers,
                    (_, Some(_), _) if threat => DeadlineOutcome::Expired,
                    (_, Some(_), _) => DeadlineOutcome::Missed,
                    (_, _, Some(_)) => DeadlineOutcome::Running,
                    _ => DeadlineOutcome::NotStarted,
                };
                DeadlineReport {
                    id: s(&d.id),
                    label: s(&d.label),
                    team: d
                        .team
                        .map(|t| s(&sc.teams[t as usize].name))
                        .unwrap_or_default(),
                    kind: if threat {
                        DeadlineKindInfo::Threat
                    } else {
                        DeadlineKindInfo::Duty
                    },
                    duration_s: d.duration,
                    description: b(&d.description),
                    reference: s(&d.reference),
                    status,
                    started: ds.started.map(|t| self.moment(t, real_start)),
                    due: ds.due,
                    closed: ds.met.or(ds.missed).map(|t| self.moment(t, real_close)),
                    margin_s: match (ds.met, ds.due) {
                        (Some(m), Some(due)) if !threat => Some(due - m),
                        _ => None,
                    },
                }
            })
            .collect()
    }

    fn results(
        &self,
        reals: &Reals,
        checks: &[CheckReport],
        decisions: &[DecisionReport],
        deadlines: &[DeadlineReport],
    ) -> Results {
        let sc = self.sc;
        let st = self.ex.state();
        let card = self.ex.score();
        let ending = match st.status() {
            crate::engine::Status::Ended { ending } => {
                let e = &sc.endings[ending as usize];
                let (at, real) = reals.ending.unwrap_or((st.now, self.end_real));
                let reason = self
                    .ex
                    .log()
                    .iter()
                    .rev()
                    .find_map(|l| match &l.kind {
                        LogKind::EndedByFacilitator { reason } => Some(s(reason)),
                        _ => None,
                    })
                    .unwrap_or_default();
                Some(EndingInfo {
                    id: s(&e.id),
                    title: s(&e.title),
                    debrief: b(&e.debrief),
                    when: self.moment(at, real),
                    by_facilitator: st.ended_by_facilitator,
                    reason: if st.ended_by_facilitator {
                        reason
                    } else {
                        String::new()
                    },
                })
            }
            _ => None,
        };
        let taken: Vec<&DecisionReport> = decisions
            .iter()
            .filter(|d| d.status == DecisionStatus::Taken)
            .collect();
        // Timeouts count at their real-time limit (or the real time they took without one).
        let limit = |d: &DecisionReport| {
            let dec = sc.decision_index(&d.id).map(|i| &sc.decisions[i as usize]);
            dec.and_then(|x| x.timeout.as_ref()?.real)
                .map(|r| r as u64 * 1000)
        };
        let times: Vec<u64> = taken
            .iter()
            .filter_map(|d| match (d.timeout, limit(d)) {
                (true, Some(l)) => Some(l),
                _ => d.took_real_ms,
            })
            .collect();
        let count = |k: fn(&LogKind) -> bool| self.ex.log().iter().filter(|l| k(&l.kind)).count();
        Results {
            ending,
            score: ScoreInfo {
                scored: card.scored,
                score: card.score,
                final_: card.final_,
                grade: card.grade.map(|g| GradeInfo {
                    grade: s(&sc.grades[g].grade),
                    label: s(&sc.grades[g].label),
                }),
                parts: card
                    .parts
                    .iter()
                    .map(|p| {
                        let m = &sc.metrics[p.metric as usize];
                        ScorePart {
                            metric: s(&m.id),
                            label: s(&m.label),
                            unit: s(&m.unit),
                            weight: p.weight,
                            value: p.value,
                            goodness: round3(p.goodness),
                            points: round3(p.points),
                        }
                    })
                    .collect(),
                overrides: self.score_overrides(),
            },
            checks_met: checks
                .iter()
                .filter(|c| c.status == CheckOutcome::Met)
                .count(),
            checks_missed: checks
                .iter()
                .filter(|c| c.status == CheckOutcome::Missed)
                .count(),
            checks_open: checks
                .iter()
                .filter(|c| c.status == CheckOutcome::Open)
                .count(),
            deadlines_met: deadlines
                .iter()
                .filter(|d| d.status == DeadlineOutcome::Met)
                .count(),
            deadlines_met_by_others: deadlines
                .iter()
                .filter(|d| d.status == DeadlineOutcome::MetByOthers)
                .count(),
            deadlines_missed: deadlines
                .iter()
                .filter(|d| d.status == DeadlineOutcome::Missed)
                .count(),
            decisions_taken: taken.len(),
            decisions_timed_out: taken.iter().filter(|d| d.timeout).count(),
            decisions_recommended: taken
                .iter()
                .filter(|d| d.option.as_ref().is_some_and(|o| o.recommended))
                .count(),
            mean_time_to_decide_ms: (!times.is_empty())
                .then(|| times.iter().sum::<u64>() / times.len() as u64),
            mean_counts_timeouts: taken.iter().filter(|d| d.timeout).count(),
            undos: count(|k| matches!(k, LogKind::Undo { .. })),
            curveballs: count(|k| matches!(k, LogKind::Curveball { .. })),
            overrides: count(|k| matches!(k, LogKind::Override { .. })),
        }
    }

    /// Facilitator overrides in force that moved a scored metric, with the points each moved.
    fn score_overrides(&self) -> Vec<ScoreOverride> {
        let sc = self.sc;
        let card = self.ex.score();
        let wsum: f64 = card.parts.iter().map(|p| p.weight).sum();
        let log = self.ex.log();
        let mut out = Vec::new();
        for step in self.trace.steps.iter().filter(|s| s.survived) {
            for (at, e) in &step.events {
                let Event::MetricOverridden { metric, from, to } = e else {
                    continue;
                };
                let Some(part) = card.parts.iter().find(|p| p.metric == *metric) else {
                    continue;
                };
                if from == to || wsum <= 0.0 {
                    continue;
                }
                let m = &sc.metrics[*metric as usize];
                let reason = log[step.log.clone()]
                    .iter()
                    .find_map(|l| match &l.kind {
                        LogKind::Override {
                            metric: lm, reason, ..
                        } if lm == metric => Some(s(reason)),
                        _ => None,
                    })
                    .unwrap_or_default();
                out.push(ScoreOverride {
                    when: self.moment(*at, step.real),
                    metric: s(&m.id),
                    label: s(&m.label),
                    from: *from,
                    to: *to,
                    points: round3(
                        100.0 * part.weight * (m.goodness(*to) - m.goodness(*from)) / wsum,
                    ),
                    reason,
                });
            }
        }
        out
    }

    fn metrics(&self) -> Vec<MetricSeries> {
        let sc = self.sc;
        let st = self.ex.state();
        sc.metrics
            .iter()
            .enumerate()
            .map(|(i, m)| {
                let end = st.metrics[i];
                // History keeps one value per instant, so changes at T+0 hide the start
                // value: it is the `from` of the metric's first change, if any.
                let start = self.first_from(i as u16).unwrap_or(end);
                let mut points: Vec<Point> = Vec::with_capacity(st.history[i].len() + 1);
                if st.history[i]
                    .first()
                    .is_some_and(|&(t, v)| t > 0 || v != start)
                {
                    points.push(Point {
                        at: 0,
                        value: start,
                    });
                }
                points.extend(st.history[i].iter().map(|&(at, value)| Point { at, value }));
                let high = m.good == Good::High;
                let mut worst = Extreme { value: end, at: 0 };
                let mut best = worst;
                for (k, p) in points.iter().enumerate() {
                    let better = |a: f64, b: f64| if high { a > b } else { a < b };
                    if k == 0 || better(worst.value, p.value) {
                        worst = Extreme {
                            value: p.value,
                            at: p.at,
                        };
                    }
                    if k == 0 || better(p.value, best.value) {
                        best = Extreme {
                            value: p.value,
                            at: p.at,
                        };
                    }
                }
                MetricSeries {
                    id: s(&m.id),
                    label: s(&m.label),
                    unit: s(&m.unit),
                    description: b(&m.description),
                    min: m.min,
                    max: m.max,
                    good: if high {
                        GoodDirection::High
                    } else {
                        GoodDirection::Low
                    },
                    weight: m.weight,
                    thresholds: m
                        .thresholds
                        .iter()
                        .map(|t| ThresholdInfo {
                            below: t.below,
                            above: t.above,
                            label: s(&t.label),
                        })
                        .collect(),
                    points,
                    end,
                    worst,
                    best,
                    band_at_end: m.band(end).map(|t| s(&t.label)),
                }
            })
            .collect()
    }

    /// The value a metric had before its first change in the final course of events.
    fn first_from(&self, metric: u16) -> Option<f64> {
        self.trace
            .steps
            .iter()
            .filter(|s| s.survived)
            .flat_map(|s| s.events.iter())
            .find_map(|(_, e)| match e {
                Event::MetricChanged {
                    metric: m, from, ..
                }
                | Event::MetricOverridden {
                    metric: m, from, ..
                } if *m == metric => Some(*from),
                _ => None,
            })
    }

    fn systems(&self) -> Vec<SystemSeries> {
        let sc = self.sc;
        let st = self.ex.state();
        let now = st.now;
        sc.systems
            .iter()
            .enumerate()
            .map(|(i, sys)| {
                // One state per instant (the last), without repeats.
                let mut changes: Vec<(Secs, SystemState)> = Vec::new();
                for &(t, state) in &st.system_history[i] {
                    if let Some(last) = changes.last_mut()
                        && last.0 == t
                    {
                        last.1 = state;
                    } else {
                        changes.push((t, state));
                    }
                }
                changes.dedup_by(|b, a| a.1 == b.1);
                let (mut down, mut impaired) = (0, 0);
                for (k, &(t, state)) in changes.iter().enumerate() {
                    let until = changes.get(k + 1).map(|c| c.0).unwrap_or(now).max(t);
                    let a = state.availability();
                    if a <= 0.0 {
                        down += until - t;
                    } else if a < 1.0 {
                        impaired += until - t;
                    }
                }
                SystemSeries {
                    id: s(&sys.id),
                    name: s(&sys.name),
                    description: b(&sys.description),
                    states: changes
                        .iter()
                        .map(|&(at, state)| StateChange {
                            at,
                            state: state.name().into(),
                        })
                        .collect(),
                    end: st.systems[i].name().into(),
                    down_s: down,
                    impaired_s: impaired,
                }
            })
            .collect()
    }

    fn services(&self) -> Vec<ServiceSeries> {
        let sc = self.sc;
        let st = self.ex.state();
        let now = st.now;
        sc.services
            .iter()
            .enumerate()
            .map(|(i, svc)| {
                let points: Vec<Point> = st.service_history[i]
                    .iter()
                    .map(|&(at, value)| Point { at, value })
                    .collect();
                let end = st.services[i].capacity;
                let mut lowest = Extreme {
                    value: end,
                    at: now,
                };
                let (mut reduced, mut area) = (0, 0.0);
                for (k, p) in points.iter().enumerate() {
                    if k == 0 || p.value < lowest.value {
                        lowest = Extreme {
                            value: p.value,
                            at: p.at,
                        };
                    }
                    let until = points.get(k + 1).map(|q| q.at).unwrap_or(now).max(p.at);
                    if p.value < 100.0 {
                        reduced += until - p.at;
                    }
                    area += p.value * (until - p.at) as f64;
                }
                let mean = if now > 0 {
                    round3(area / now as f64)
                } else {
                    points.first().map(|p| p.value).unwrap_or(end)
                };
                ServiceSeries {
                    id: s(&svc.id),
                    name: s(&svc.name),
                    description: b(&svc.description),
                    depends_on: svc
                        .depends_on
                        .iter()
                        .map(|&d| s(&sc.systems[d as usize].name))
                        .collect(),
                    points,
                    end,
                    lowest,
                    reduced_s: reduced,
                    mean,
                }
            })
            .collect()
    }

    fn questions(&self) -> Vec<QuestionGroup> {
        let sc = self.sc;
        let st = self.ex.state();
        if st.started_real.is_none() {
            return Vec::new();
        }
        let phases = sc
            .phases
            .iter()
            .take(st.phase as usize + 1)
            .filter(|p| !p.questions.is_empty())
            .map(|p| QuestionGroup {
                source: "phase".into(),
                id: s(&p.id),
                title: s(&p.title),
                questions: p.questions.iter().map(|q| s(q)).collect(),
            });
        // A repeatable curveball thrown twice asks its questions once.
        let mut asked = std::collections::BTreeSet::new();
        let injects = st
            .feed
            .iter()
            .filter(move |&&i| asked.insert(i))
            .map(|&i| &sc.injects[i as usize])
            .filter(|i| !i.questions.is_empty())
            .map(|i| QuestionGroup {
                source: "inject".into(),
                id: s(&i.id),
                title: s(&i.title),
                questions: i.questions.iter().map(|q| s(q)).collect(),
            });
        phases.chain(injects).collect()
    }
}

fn fmt_offset(t: Secs) -> String {
    crate::scenario::time::format_offset(t)
}

/// Rounds to three decimals, so that JSON shows stable, readable numbers.
fn round3(v: f64) -> f64 {
    (v * 1000.0).round() / 1000.0
}

/// The option and outcome a report shows for a decision: the one picked, or several
/// picked together as one (ids joined by `+`, labels by ` + `, recommended when the
/// selection is exactly the recommended options, outcome labels joined by `; `).
fn combined(
    dec: &crate::scenario::compiled::Decision,
    picked: &[PickedOption],
) -> (Option<OptionInfo>, Option<OutcomeInfo>) {
    match picked {
        [] => (None, None),
        [one] => (Some(one.option.clone()), one.outcome.clone()),
        many => {
            let join = |f: &dyn Fn(&PickedOption) -> &str, sep: &str| {
                many.iter().map(f).collect::<Vec<_>>().join(sep)
            };
            let recommended = dec.options.iter().filter(|o| o.recommended).count();
            let option = OptionInfo {
                id: join(&|p| &p.option.id, "+"),
                label: join(&|p| &p.option.label, " + "),
                recommended: recommended == many.len() && many.iter().all(|p| p.option.recommended),
            };
            let outcomes: Vec<&OutcomeInfo> =
                many.iter().filter_map(|p| p.outcome.as_ref()).collect();
            let outcome = (!outcomes.is_empty()).then(|| OutcomeInfo {
                label: outcomes
                    .iter()
                    .map(|o| o.label.as_str())
                    .collect::<Vec<_>>()
                    .join("; "),
                text: outcomes
                    .iter()
                    .map(|o| o.text.as_str())
                    .filter(|t| !t.is_empty())
                    .collect::<Vec<_>>()
                    .join("\n\n"),
            });
            (Some(option), outcome)
        }
    }
}
