//! The report's record of what the score card leaves out: each repeatable action taken,
//! and the flags and counters with their labels, final values and changes.

use crate::engine::{Event, LogKind};
use crate::text::sanitize_line as s;

use super::super::model::{ActionUse, Point, ValueSeries};
use super::Builder;

impl Builder<'_> {
    /// Every action taken, in the order taken, marked when an undo took it back.
    pub(super) fn actions(&self) -> Vec<ActionUse> {
        let sc = self.sc;
        let log = self.ex.log();
        let mut out = Vec::new();
        for step in &self.trace.steps {
            let mut entries = log[step.log.start.min(log.len())..step.log.end.min(log.len())]
                .iter()
                .filter_map(|l| match &l.kind {
                    LogKind::Action {
                        outcome, by, name, ..
                    } => Some((*outcome, if name.is_empty() { by } else { name })),
                    _ => None,
                });
            for (at, ev) in &step.events {
                let Event::ActionTaken { action, team } = ev else {
                    continue;
                };
                let act = &sc.actions[*action as usize];
                let (outcome, by) = entries
                    .next()
                    .map(|(o, b)| (o, b.as_str()))
                    .unwrap_or((None, ""));
                out.push(ActionUse {
                    when: self.moment(*at, step.real),
                    id: s(&act.id),
                    label: s(&act.label),
                    team: team
                        .map(|t| s(&sc.teams[t as usize].name))
                        .unwrap_or_default(),
                    outcome: outcome.map(|k| s(&act.outcomes[k as usize].label)),
                    by: s(by),
                    undone: !step.survived,
                });
            }
        }
        out
    }

    /// The flags and the counters: start, end and every change that survived.
    pub(super) fn values(&self) -> (Vec<ValueSeries>, Vec<ValueSeries>) {
        let sc = self.sc;
        let st = self.ex.state();
        let b = |x: bool| if x { 1.0 } else { 0.0 };
        let mut flags: Vec<ValueSeries> = sc
            .flags
            .iter()
            .zip(&st.flags)
            .map(|(f, &end)| ValueSeries {
                id: s(&f.id),
                label: s(&f.label),
                unit: String::new(),
                start: 0.0,
                end: b(end),
                changes: Vec::new(),
            })
            .collect();
        let mut counters: Vec<ValueSeries> = sc
            .counters
            .iter()
            .zip(&st.counters)
            .map(|(c, &end)| ValueSeries {
                id: s(&c.id),
                label: s(&c.label),
                unit: s(&c.unit),
                start: 0.0,
                end,
                changes: Vec::new(),
            })
            .collect();
        // The start sets the values without events: a series starts where its first change
        // came from, or where it ends when it never changed.
        for step in self.trace.steps.iter().filter(|x| x.survived) {
            for (at, ev) in &step.events {
                match ev {
                    Event::FlagChanged { flag, to } => {
                        let f = &mut flags[*flag as usize];
                        if f.changes.is_empty() {
                            f.start = b(!*to);
                        }
                        f.changes.push(Point {
                            at: *at,
                            value: b(*to),
                        });
                    }
                    Event::CounterChanged { counter, from, to } => {
                        let c = &mut counters[*counter as usize];
                        if c.changes.is_empty() {
                            c.start = *from;
                        }
                        c.changes.push(Point {
                            at: *at,
                            value: *to,
                        });
                    }
                    _ => {}
                }
            }
        }
        for v in flags.iter_mut().chain(counters.iter_mut()) {
            if v.changes.is_empty() {
                v.start = v.end;
            }
        }
        (flags, counters)
    }
}
