//! Applying compiled effects to the state, in the order they are written.

use std::sync::Arc;

use rand::RngExt;
use rand_chacha::ChaCha8Rng;

use crate::scenario::expr::effects::AssignOp;
use crate::scenario::expr::effects::Effect;
use crate::scenario::expr::vm::reads;

use super::event::Event;
use super::exercise::{Exercise, RealMs};

/// A uniform number in [0, 1) from the outcome stream.
pub(crate) fn roll(rng: &mut ChaCha8Rng) -> f64 {
    rng.random::<f64>()
}

impl Exercise {
    /// Sets a metric, clamped to its range; records history and an event when it changes.
    pub(crate) fn set_metric(&mut self, m: u16, value: f64, ev: &mut Vec<Event>) -> f64 {
        let def = &self.sc.metrics[m as usize];
        let to = if value.is_nan() {
            self.st.metrics[m as usize]
        } else {
            value.clamp(def.min, def.max)
        };
        let from = self.st.metrics[m as usize];
        if to != from {
            self.st.metrics[m as usize] = to;
            self.st.dirty |= reads::METRICS;
            let now = self.st.now;
            let h = &mut self.st.history[m as usize];
            match h.last_mut() {
                Some(last) if last.0 == now => last.1 = to,
                _ => h.push((now, to)),
            }
            ev.push(Event::MetricChanged {
                metric: m,
                from,
                to,
            });
        }
        to
    }

    /// Applies effects in order. Values are computed when each effect applies, so later
    /// effects see earlier ones.
    pub(crate) fn apply_effects(&mut self, effects: &[Effect], _real: RealMs, ev: &mut Vec<Event>) {
        let sc = Arc::clone(&self.sc);
        for e in effects {
            if self.is_over() {
                return;
            }
            match e {
                Effect::Metric { metric, op, value } => {
                    let v = value.eval(&self.view());
                    let cur = self.st.metrics[*metric as usize];
                    let target = match op {
                        AssignOp::Set => v,
                        AssignOp::Add => cur + v,
                        AssignOp::Sub => cur - v,
                    };
                    self.set_metric(*metric, target, ev);
                }
                Effect::Counter { counter, op, value } => {
                    let v = value.eval(&self.view());
                    let cur = self.st.counters[*counter as usize];
                    let to = match op {
                        AssignOp::Set => v,
                        AssignOp::Add => cur + v,
                        AssignOp::Sub => cur - v,
                    }
                    .round();
                    let to = if to.is_finite() {
                        to.clamp(-1e15, 1e15)
                    } else {
                        cur
                    };
                    if to != cur {
                        self.st.counters[*counter as usize] = to;
                        self.st.counter_history[*counter as usize].push((self.st.now, to));
                        self.st.dirty |= reads::COUNTERS;
                        ev.push(Event::CounterChanged {
                            counter: *counter,
                            from: cur,
                            to,
                        });
                    }
                }
                Effect::Flag { flag, value } => {
                    let v = value.truth(&self.view());
                    if self.st.flags[*flag as usize] != v {
                        self.st.flags[*flag as usize] = v;
                        self.st.flag_history[*flag as usize].push((self.st.now, v));
                        self.st.dirty |= reads::FLAGS;
                        ev.push(Event::FlagChanged { flag: *flag, to: v });
                    }
                }
                Effect::System { system, state } => {
                    let from = self.st.systems[*system as usize];
                    if from != *state {
                        self.st.systems[*system as usize] = *state;
                        self.st.system_history[*system as usize].push((self.st.now, *state));
                        self.st.services_dirty = true;
                        self.st.dirty |= reads::SYSTEMS;
                        ev.push(Event::SystemChanged {
                            system: *system,
                            from,
                            to: *state,
                        });
                    }
                }
                Effect::Schedule { inject, delay } => {
                    let d = delay.unwrap_or(sc.injects[*inject as usize].delay);
                    let at = self.st.now + d;
                    // An explicit schedule revives an inject that was cancelled or that
                    // failed its chance roll (the roll is made again when it comes due).
                    let s = &mut self.st.injects[*inject as usize];
                    s.cancelled = false;
                    s.skipped = false;
                    s.prevented = false;
                    self.enqueue(*inject, at);
                }
                Effect::Cancel { inject } => {
                    let waiting = self.st.injects[*inject as usize].scheduled.is_some()
                        || self.st.armed.contains(inject);
                    self.unschedule(*inject);
                    let s = &mut self.st.injects[*inject as usize];
                    if s.fired_at.is_none() {
                        if waiting && !s.cancelled {
                            ev.push(Event::InjectCancelled { inject: *inject });
                        }
                        s.cancelled = true;
                    }
                }
                Effect::StartDeadline(d) => {
                    let ds = &mut self.st.deadlines[*d as usize];
                    if ds.started.is_none() {
                        let due = self.st.now + sc.deadlines[*d as usize].duration;
                        ds.started = Some(self.st.now);
                        ds.due = Some(due);
                        self.st.dirty |= reads::DEADLINES;
                        ev.push(Event::DeadlineStarted { deadline: *d, due });
                    }
                }
                Effect::MeetDeadline(d) => {
                    let ds = &mut self.st.deadlines[*d as usize];
                    if ds.met.is_none() && ds.missed.is_none() {
                        if ds.started.is_none() {
                            ds.started = Some(self.st.now);
                            ds.due = Some(self.st.now + sc.deadlines[*d as usize].duration);
                        }
                        ds.met = Some(self.st.now);
                        ds.met_by_team = self.st.deciding.is_some() || self.st.acting;
                        self.st.dirty |= reads::DEADLINES;
                        ev.push(Event::DeadlineMet { deadline: *d });
                        let on_met = &sc.deadlines[*d as usize].on_met;
                        self.apply_effects(on_met, _real, ev);
                    }
                }
                Effect::End(e) => {
                    self.end(*e, ev);
                    return;
                }
                Effect::If {
                    cond,
                    then,
                    otherwise,
                    ..
                } => {
                    let branch = if cond.truth(&self.view()) {
                        then
                    } else {
                        otherwise
                    };
                    self.apply_effects(branch, _real, ev);
                }
            }
        }
    }
}
