//! The timeline of a report: what happened, in the order it happened in the room, with
//! scenario and real times. World events (injects, checks, deadlines...) count only if no
//! later undo took their journal entry back; what people did (decisions, notes, overrides,
//! undos) always shows, marked when undone.

use crate::engine::{Event, LogEntry, LogKind, Prevention};
use crate::i18n::Lang;
use crate::scenario::model::DeadlineKind;
use crate::scenario::time::Secs;
use crate::text::{sanitize_block as b, sanitize_line as s};
use crate::tr;

use super::super::fmt;
use super::super::model::{TimelineItem, TimelineKind};
use super::super::trace::Step;
use super::{Builder, Reals, fmt_offset};

/// A timeline item before its time is set: (kind, id, title, detail, body, whether an
/// undo can take it back).
type Described = (TimelineKind, String, String, String, String, bool);

impl Builder<'_> {
    /// The timeline, and the real times of checks, deadlines and the ending.
    pub(super) fn timeline(&self) -> (Vec<TimelineItem>, Reals) {
        let mut items = Vec::new();
        let mut reals = Reals::default();
        let log = self.ex.log();
        for step in &self.trace.steps {
            let mut cursor = step.log.start;
            for (at, ev) in &step.events {
                let (kind, id, title, detail, body, undoable) =
                    match self.describe(step, *at, ev, log, &mut cursor, &mut reals) {
                        Some(x) => x,
                        None => continue,
                    };
                let (at, real) = match ev {
                    Event::CheckMet { check } | Event::CheckMissed { check } => {
                        let cs = self.ex.state().checks[*check as usize];
                        (cs.met.or(cs.missed).unwrap_or(*at), step.real)
                    }
                    Event::DeadlineMissed { deadline } => (
                        self.ex.state().deadlines[*deadline as usize]
                            .missed
                            .unwrap_or(*at),
                        step.real,
                    ),
                    _ => (*at, step.real),
                };
                items.push(TimelineItem {
                    seq: step.seq,
                    when: self.moment(at, real),
                    kind,
                    id,
                    title,
                    detail,
                    body,
                    undone: undoable && !step.survived,
                });
            }
        }
        (items, reals)
    }

    /// One timeline item for an event, if it makes one: (kind, id, title, detail, body,
    /// whether an undo can take it back). World events count only if their entry survived.
    fn describe(
        &self,
        step: &Step,
        at: Secs,
        ev: &Event,
        log: &[LogEntry],
        cursor: &mut usize,
        reals: &mut Reals,
    ) -> Option<Described> {
        let sc = self.sc;
        let st = self.ex.state();
        let mut take = |pred: &dyn Fn(&LogKind) -> bool| -> Option<&LogEntry> {
            let found = (*cursor..step.log.end.min(log.len())).find(|&i| pred(&log[i].kind))?;
            *cursor = found + 1;
            log.get(found)
        };
        let world = step.survived;
        let none = String::new;
        let l = self.clocks.lang;
        Some(match ev {
            Event::Started => {
                take(&|k| matches!(k, LogKind::Started));
                let params: Vec<String> = sc
                    .params
                    .iter()
                    .zip(&st.params)
                    .map(|(p, v)| {
                        format!(
                            "{}{}{}",
                            s(&p.label),
                            fmt::colon(l),
                            s(&fmt::param_in(l, p, v))
                        )
                    })
                    .collect();
                (
                    TimelineKind::Start,
                    none(),
                    tr!(l, "report-t-started"),
                    if params.is_empty() {
                        none()
                    } else {
                        tr!(
                            l,
                            "report-t-parameters",
                            list = params.join(fmt::semicolon(l))
                        )
                    },
                    none(),
                    false,
                )
            }
            Event::PhaseBegan { phase } => {
                take(&|k| matches!(k, LogKind::PhaseBegan { .. }));
                let p = &sc.phases[*phase as usize];
                (
                    TimelineKind::Phase,
                    s(&p.id),
                    tr!(l, "report-t-phase", n = phase + 1, title = s(&p.title)),
                    none(),
                    b(&p.briefing),
                    true,
                )
            }
            Event::InjectFired { inject, curveball } => {
                if *curveball {
                    take(&|k| matches!(k, LogKind::Curveball { .. }));
                } else if !world {
                    return None;
                }
                let i = &sc.injects[*inject as usize];
                let to = if i.hidden {
                    tr!(l, "report-t-to-hidden")
                } else if i.teams.is_empty() {
                    tr!(l, "report-t-to-all")
                } else {
                    i.teams
                        .iter()
                        .map(|t| s(&sc.teams[*t as usize].name))
                        .collect::<Vec<_>>()
                        .join(", ")
                };
                let (channel, severity) = match l {
                    Lang::En => (
                        i.channel.label().to_string(),
                        i.severity.label().to_string(),
                    ),
                    _ => (
                        crate::i18n::terms::channel(l, i.channel),
                        crate::i18n::terms::severity(l, i.severity),
                    ),
                };
                let how = if i.sender.is_empty() {
                    tr!(
                        l,
                        "report-t-inject",
                        channel = channel,
                        to = to,
                        severity = severity
                    )
                } else {
                    tr!(
                        l,
                        "report-t-inject-from",
                        channel = channel,
                        sender = s(&i.sender),
                        to = to,
                        severity = severity
                    )
                };
                (
                    if *curveball {
                        TimelineKind::Curveball
                    } else {
                        TimelineKind::Inject
                    },
                    s(&i.id),
                    s(&i.title),
                    how,
                    b(&i.body),
                    *curveball,
                )
            }
            Event::OptionChosen {
                decision,
                option,
                timeout,
            } => {
                // Several options picked together make one item, on the first of them.
                let later = log[step.log.start.min(log.len())..step.log.end.min(log.len())]
                    .iter()
                    .any(|e| {
                        matches!(&e.kind, LogKind::Choice { decision: d, more, .. }
                        if d == decision && more.iter().any(|m| m.0 == *option))
                    });
                if later {
                    return None;
                }
                let entry =
                    take(&|k| matches!(k, LogKind::Choice { decision: d, .. } if d == decision));
                let d = &sc.decisions[*decision as usize];
                let mut picked: Vec<(u16, Option<u16>)> = vec![(*option, None)];
                let mut detail = vec![s(&d.prompt)];
                if let Some(LogEntry {
                    kind:
                        LogKind::Choice {
                            outcome,
                            more,
                            took_real,
                            took_scenario,
                            ..
                        },
                    ..
                }) = entry
                {
                    picked = std::iter::once((*option, *outcome))
                        .chain(more.iter().copied())
                        .collect();
                    for &(o, k) in &picked {
                        if let Some(k) = k {
                            let oc = &d.options[o as usize].outcomes[k as usize];
                            detail.push(tr!(l, "report-t-outcome", label = s(&oc.label)));
                        }
                    }
                    detail.push(tr!(
                        l,
                        "report-t-decided-in",
                        real = fmt::real_duration_in(l, *took_real),
                        span = fmt::span_in(l, *took_scenario)
                    ));
                }
                let body = picked
                    .iter()
                    .filter_map(|&(o, k)| {
                        Some(b(&d.options[o as usize].outcomes[k? as usize].text))
                    })
                    .filter(|t| !t.is_empty())
                    .collect::<Vec<_>>()
                    .join("\n\n");
                let sel: Vec<u16> = picked.iter().map(|p| p.0).collect();
                let labels = s(&d.selection_labels(&sel));
                (
                    if *timeout {
                        TimelineKind::Timeout
                    } else {
                        TimelineKind::Decision
                    },
                    s(&d.id),
                    format!("{}: {labels}", s(&sc.teams[d.team as usize].name)),
                    detail.join(fmt::semicolon(l)),
                    body,
                    true,
                )
            }
            Event::ActionTaken { action, team } => {
                let entry = take(&|k| matches!(k, LogKind::Action { .. }));
                let a = &sc.actions[*action as usize];
                let mut detail = Vec::new();
                let mut body = none();
                if let Some(LogEntry {
                    kind:
                        LogKind::Action {
                            outcome, by, name, ..
                        },
                    ..
                }) = entry
                {
                    let who = if name.is_empty() { by } else { name };
                    if !who.is_empty() {
                        detail.push(tr!(l, "report-t-taken-by", who = s(who)));
                    }
                    if let Some(k) = outcome {
                        let oc = &a.outcomes[*k as usize];
                        detail.push(tr!(l, "report-t-outcome", label = s(&oc.label)));
                        body = b(&oc.text);
                    }
                }
                let title = match team {
                    Some(t) => format!("{}: {}", s(&sc.teams[*t as usize].name), s(&a.label)),
                    None => s(&a.label),
                };
                (
                    TimelineKind::Action,
                    s(&a.id),
                    title,
                    detail.join(fmt::semicolon(l)),
                    body,
                    true,
                )
            }
            Event::Undone { decision, option } => {
                take(&|k| matches!(k, LogKind::Undo { .. }));
                let d = &sc.decisions[*decision as usize];
                (
                    TimelineKind::Undo,
                    s(&d.id),
                    tr!(
                        l,
                        "report-t-undone",
                        option = s(&d.options[*option as usize].label),
                        team = s(&sc.teams[d.team as usize].name)
                    ),
                    tr!(l, "report-t-undone-detail", prompt = s(&d.prompt)),
                    none(),
                    false,
                )
            }
            Event::Rewound { entry, undone } => {
                take(&|k| matches!(k, LogKind::Rewind { .. }));
                (
                    TimelineKind::Undo,
                    none(),
                    tr!(l, "report-t-rewound", entry = entry.to_string()),
                    tr!(l, "report-t-rewound-detail", n = *undone),
                    none(),
                    false,
                )
            }
            Event::MetricOverridden { metric, from, to } => {
                let entry = take(&|k| matches!(k, LogKind::Override { .. }));
                let m = &sc.metrics[*metric as usize];
                let reason = match entry.map(|e| &e.kind) {
                    Some(LogKind::Override { reason, .. }) if !reason.is_empty() => {
                        tr!(l, "report-t-reason", reason = s(reason))
                    }
                    _ => tr!(l, "report-t-no-reason"),
                };
                (
                    TimelineKind::Override,
                    s(&m.id),
                    tr!(
                        l,
                        "report-t-override",
                        metric = s(&m.label),
                        from = fmt::with_unit_in(l, *from, &s(&m.unit)),
                        to = fmt::with_unit_in(l, *to, &s(&m.unit))
                    ),
                    reason,
                    none(),
                    true,
                )
            }
            Event::NoteAdded => {
                let text = match take(&|k| matches!(k, LogKind::Note { .. })).map(|e| &e.kind) {
                    Some(LogKind::Note { text }) => b(text),
                    _ => none(),
                };
                (
                    TimelineKind::Note,
                    none(),
                    tr!(l, "report-t-note"),
                    none(),
                    text,
                    false,
                )
            }
            Event::Paused => {
                take(&|k| matches!(k, LogKind::Pause));
                (
                    TimelineKind::Pause,
                    none(),
                    tr!(l, "report-t-paused"),
                    none(),
                    none(),
                    false,
                )
            }
            Event::Resumed => {
                take(&|k| matches!(k, LogKind::Resume));
                (
                    TimelineKind::Resume,
                    none(),
                    tr!(l, "report-t-resumed"),
                    none(),
                    none(),
                    false,
                )
            }
            _ if !world => return None,
            Event::RandomEvent { event } => {
                let r = &sc.random_events[*event as usize];
                (
                    TimelineKind::RandomEvent,
                    s(&r.id),
                    s(&r.label),
                    none(),
                    none(),
                    false,
                )
            }
            Event::InjectPrevented { inject, reason } => {
                let i = &sc.injects[*inject as usize];
                (
                    TimelineKind::Prevented,
                    s(&i.id),
                    tr!(l, "report-t-prevented", title = s(&i.title)),
                    match reason {
                        Prevention::Guard => tr!(l, "report-t-prevented-guard"),
                        Prevention::ConditionLapsed => tr!(l, "report-t-prevented-lapsed"),
                    },
                    none(),
                    false,
                )
            }
            Event::InjectCancelled { inject } => {
                let i = &sc.injects[*inject as usize];
                (
                    TimelineKind::Cancelled,
                    s(&i.id),
                    tr!(l, "report-t-cancelled", title = s(&i.title)),
                    tr!(l, "report-t-cancelled-detail"),
                    none(),
                    false,
                )
            }
            Event::DeadlineStarted { deadline, due } => {
                reals.deadline_start.insert(*deadline, step.real);
                let d = &sc.deadlines[*deadline as usize];
                (
                    TimelineKind::DeadlineStarted,
                    s(&d.id),
                    if d.kind == DeadlineKind::Threat {
                        tr!(l, "report-t-countdown-started", label = s(&d.label))
                    } else {
                        tr!(l, "report-t-deadline-started", label = s(&d.label))
                    },
                    tr!(
                        l,
                        "report-t-due",
                        due = fmt_offset(*due),
                        span = fmt::span_in(l, d.duration)
                    ),
                    none(),
                    false,
                )
            }
            Event::DeadlineMet { deadline } | Event::DeadlineMissed { deadline } => {
                reals.deadline_close.insert(*deadline, step.real);
                let d = &sc.deadlines[*deadline as usize];
                let met = matches!(ev, Event::DeadlineMet { .. });
                let threat = d.kind == DeadlineKind::Threat;
                let by_others = met && !threat && !st.deadlines[*deadline as usize].met_by_team;
                let label = s(&d.label);
                let (kind, what) = match (threat, met) {
                    (true, true) => (
                        TimelineKind::CountdownStopped,
                        tr!(l, "report-t-countdown-stopped", label = label),
                    ),
                    (true, false) => (
                        TimelineKind::CountdownExpired,
                        tr!(l, "report-t-countdown-ran-out", label = label),
                    ),
                    (false, true) if by_others => (
                        TimelineKind::DeadlineMet,
                        tr!(l, "report-t-met-by-others", label = label),
                    ),
                    (false, true) => (
                        TimelineKind::DeadlineMet,
                        tr!(l, "report-t-deadline-met", label = label),
                    ),
                    (false, false) => (
                        TimelineKind::DeadlineMissed,
                        tr!(l, "report-t-deadline-missed", label = label),
                    ),
                };
                (
                    kind,
                    s(&d.id),
                    what,
                    if threat {
                        tr!(l, "report-t-threat-note")
                    } else if by_others {
                        tr!(l, "report-not-team")
                    } else {
                        none()
                    },
                    none(),
                    false,
                )
            }
            Event::CheckMet { check } | Event::CheckMissed { check } => {
                reals.checks.insert(*check, step.real);
                let c = &sc.checks[*check as usize];
                let met = matches!(ev, Event::CheckMet { .. });
                (
                    if met {
                        TimelineKind::CheckMet
                    } else {
                        TimelineKind::CheckMissed
                    },
                    s(&c.id),
                    if met {
                        tr!(l, "report-t-check-met", title = s(&c.title))
                    } else {
                        tr!(l, "report-t-check-missed", title = s(&c.title))
                    },
                    none(),
                    none(),
                    false,
                )
            }
            Event::Ended { ending } => {
                let reason = take(&|k| {
                    matches!(
                        k,
                        LogKind::EndedByFacilitator { .. } | LogKind::EndingConfirmed { .. }
                    )
                })
                .and_then(|e| match &e.kind {
                    LogKind::EndedByFacilitator { reason } => Some(reason.clone()),
                    LogKind::EndingConfirmed { .. } => Some(tr!(l, "report-t-confirmed-open")),
                    _ => None,
                });
                reals.ending = Some((at, step.real));
                let e = &sc.endings[*ending as usize];
                (
                    TimelineKind::Ending,
                    s(&e.id),
                    tr!(l, "report-t-ending", title = s(&e.title)),
                    match reason {
                        Some(r) if r.is_empty() => tr!(l, "report-ended-by-facilitator"),
                        Some(r) => tr!(l, "report-ended-by-facilitator-reason", reason = s(&r)),
                        None => none(),
                    },
                    none(),
                    false,
                )
            }
            Event::ObjectiveRated { objective } => {
                let entry = take(&|k| matches!(k, LogKind::Rated { .. }));
                let o = &sc.meta.objectives[*objective as usize];
                let (letter, note) = match entry.map(|e| &e.kind) {
                    Some(LogKind::Rated { rating, note, .. }) => (rating.letter(), b(note)),
                    _ => ("?", none()),
                };
                (
                    TimelineKind::Rating,
                    s(&o.id),
                    tr!(l, "report-t-rated", objective = s(&o.text), letter = letter),
                    none(),
                    note,
                    false,
                )
            }
            _ => return None,
        })
    }
}
