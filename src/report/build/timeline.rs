//! The timeline of a report: what happened, in the order it happened in the room, with
//! scenario and real times. World events (injects, checks, deadlines...) count only if no
//! later undo took their journal entry back; what people did (decisions, notes, overrides,
//! undos) always shows, marked when undone.

use crate::engine::{Event, LogEntry, LogKind, Prevention};
use crate::scenario::model::DeadlineKind;
use crate::scenario::time::Secs;
use crate::text::{sanitize_block as b, sanitize_line as s};

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
        Some(match ev {
            Event::Started => {
                take(&|k| matches!(k, LogKind::Started));
                let params: Vec<String> = sc
                    .params
                    .iter()
                    .zip(&st.params)
                    .map(|(p, v)| format!("{}: {}", s(&p.label), s(&p.display(v))))
                    .collect();
                (
                    TimelineKind::Start,
                    none(),
                    "Exercise started".into(),
                    if params.is_empty() {
                        none()
                    } else {
                        format!("Parameters: {}", params.join("; "))
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
                    format!("Phase {}: {}", phase + 1, s(&p.title)),
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
                    "the facilitator only (hidden)".to_string()
                } else if i.teams.is_empty() {
                    "all teams".to_string()
                } else {
                    i.teams
                        .iter()
                        .map(|t| s(&sc.teams[*t as usize].name))
                        .collect::<Vec<_>>()
                        .join(", ")
                };
                let from = if i.sender.is_empty() {
                    String::new()
                } else {
                    format!(" from {}", s(&i.sender))
                };
                (
                    if *curveball {
                        TimelineKind::Curveball
                    } else {
                        TimelineKind::Inject
                    },
                    s(&i.id),
                    s(&i.title),
                    format!(
                        "{}{from} to {to}; severity {}",
                        i.channel.label(),
                        i.severity.label()
                    ),
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
                            detail.push(format!("outcome: {}", s(&oc.label)));
                        }
                    }
                    detail.push(format!(
                        "decided in {} (scenario time {})",
                        fmt::real_duration(*took_real),
                        fmt::span(*took_scenario)
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
                    detail.join("; "),
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
                        detail.push(format!("taken by {}", s(who)));
                    }
                    if let Some(k) = outcome {
                        let oc = &a.outcomes[*k as usize];
                        detail.push(format!("outcome: {}", s(&oc.label)));
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
                    detail.join("; "),
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
                    format!(
                        "Undone: {} ({})",
                        s(&d.options[*option as usize].label),
                        s(&sc.teams[d.team as usize].name)
                    ),
                    format!(
                        "{}; the exercise went back to the moment before this decision",
                        s(&d.prompt)
                    ),
                    none(),
                    false,
                )
            }
            Event::Rewound { entry, undone } => {
                take(&|k| matches!(k, LogKind::Rewind { .. }));
                (
                    TimelineKind::Undo,
                    none(),
                    format!("Rewound to just before journal entry {entry}"),
                    format!(
                        "{undone} command{} taken back; the exercise went back to that moment",
                        if *undone == 1 { "" } else { "s" }
                    ),
                    none(),
                    false,
                )
            }
            Event::MetricOverridden { metric, from, to } => {
                let entry = take(&|k| matches!(k, LogKind::Override { .. }));
                let m = &sc.metrics[*metric as usize];
                let reason = match entry.map(|e| &e.kind) {
                    Some(LogKind::Override { reason, .. }) if !reason.is_empty() => {
                        format!("reason: {}", s(reason))
                    }
                    _ => "no reason given".into(),
                };
                (
                    TimelineKind::Override,
                    s(&m.id),
                    format!(
                        "{} set by the facilitator: {} → {}",
                        s(&m.label),
                        fmt::with_unit(*from, &s(&m.unit)),
                        fmt::with_unit(*to, &s(&m.unit))
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
                    "Facilitator's note".into(),
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
                    "Clock paused".into(),
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
                    "Clock resumed".into(),
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
                    format!("Prevented: {}", s(&i.title)),
                    match reason {
                        Prevention::Guard => "its `unless` condition held when it was due".into(),
                        Prevention::ConditionLapsed => {
                            "its condition no longer held when it was due; it waits for it again"
                                .into()
                        }
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
                    format!("Cancelled: {}", s(&i.title)),
                    "it was waiting; a `cancel(...)` effect took it off the schedule".into(),
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
                        format!("Threat countdown started: {}", s(&d.label))
                    } else {
                        format!("Deadline started: {}", s(&d.label))
                    },
                    format!(
                        "due {} ({} allowed)",
                        fmt_offset(*due),
                        fmt::span(d.duration)
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
                let (kind, what) = match (threat, met) {
                    (true, true) => (TimelineKind::CountdownStopped, "Threat countdown stopped"),
                    (true, false) => (TimelineKind::CountdownExpired, "Threat countdown ran out"),
                    (false, true) if by_others => {
                        (TimelineKind::DeadlineMet, "Deadline met by others")
                    }
                    (false, true) => (TimelineKind::DeadlineMet, "Deadline met"),
                    (false, false) => (TimelineKind::DeadlineMissed, "Deadline missed"),
                };
                (
                    kind,
                    s(&d.id),
                    format!("{what}: {}", s(&d.label)),
                    if threat {
                        "a threat's countdown: not scored as met or missed by the team".into()
                    } else if by_others {
                        "not by a team's decision".into()
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
                    format!(
                        "Best practice {}: {}",
                        if met { "met" } else { "missed" },
                        s(&c.title)
                    ),
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
                    LogKind::EndingConfirmed { .. } => {
                        Some("confirmed with decisions still open".into())
                    }
                    _ => None,
                });
                reals.ending = Some((at, step.real));
                let e = &sc.endings[*ending as usize];
                (
                    TimelineKind::Ending,
                    s(&e.id),
                    format!("Ending: {}", s(&e.title)),
                    match reason {
                        Some(r) if r.is_empty() => "ended by the facilitator".into(),
                        Some(r) => format!("ended by the facilitator: {}", s(&r)),
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
                    format!("Evaluator rated “{}”: {letter}", s(&o.text)),
                    none(),
                    note,
                    false,
                )
            }
            _ => return None,
        })
    }
}
