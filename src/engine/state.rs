//! The exercise state, readable by front ends; only the engine changes it.

use std::collections::BTreeSet;

use chrono::Timelike;
use rand_chacha::ChaCha8Rng;
use serde::Serialize;

use crate::scenario::Scenario;
use crate::scenario::compiled::ParamValue;
use crate::scenario::expr::vm::{DeadlineStatus, Env};
use crate::scenario::model::SystemState;
use crate::scenario::time::Secs;

use super::command::SessionInfo;
use super::exercise::RealMs;

/// Where the exercise stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum Status {
    /// Before the start: parameters and the room are being set up.
    Briefing,
    /// The clock runs and no decision waits.
    Running,
    /// The clock runs and at least one decision waits for a team.
    AwaitingDecisions,
    /// Between two phases: the room discusses; the facilitator moves on.
    PhaseBreak {
        /// The phase about to begin.
        next: u16,
    },
    /// Over.
    Ended {
        /// The ending reached.
        ending: u16,
    },
}

/// The lifecycle without the derived "awaiting decisions".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Mode {
    Briefing,
    Running,
    PhaseBreak(u16),
    Ended(u16),
}

/// What happened to an inject.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct InjectState {
    /// Scenario time it fired.
    pub fired_at: Option<Secs>,
    /// Real time it fired.
    pub fired_real: Option<RealMs>,
    /// Fired by the facilitator.
    pub curveball: bool,
    /// Scenario times of the firings after the first (a repeatable curveball thrown again).
    pub repeats: Vec<Secs>,
    /// Waiting in the queue: (time, sequence number).
    pub scheduled: Option<(Secs, u64)>,
    /// Its chance roll failed; it will not fire on its own.
    pub skipped: bool,
    /// Cancelled by an effect (a later `schedule` revives it).
    pub cancelled: bool,
    /// Its `unless` guard held when it was due; it will not fire on its own.
    pub prevented: bool,
    /// Queued by its own `when` condition (checked again when it is due).
    pub(crate) by_condition: bool,
}

/// A decision taken.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ChoiceRecord {
    /// The option chosen (the first in file order, when several were picked).
    pub option: u16,
    /// The outcome drawn, if the option has outcomes.
    pub outcome: Option<u16>,
    /// The other options picked at once (a decision with `pick`), in file order, each
    /// with its outcome.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub more: Vec<(u16, Option<u16>)>,
    /// Scenario time of the choice.
    pub at: Secs,
    /// Real time of the choice.
    pub real: RealMs,
    /// Taken by default on timeout.
    pub timeout: bool,
}

impl ChoiceRecord {
    /// Every option picked, in file order, each with its outcome.
    pub fn picked(&self) -> impl Iterator<Item = (u16, Option<u16>)> + '_ {
        std::iter::once((self.option, self.outcome)).chain(self.more.iter().copied())
    }

    /// The options picked, in file order.
    pub fn options(&self) -> Vec<u16> {
        self.picked().map(|(o, _)| o).collect()
    }

    /// Whether option `o` is among those picked.
    pub fn has(&self, o: u16) -> bool {
        self.option == o || self.more.iter().any(|&(m, _)| m == o)
    }
}

/// The state of a decision.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DecisionState {
    /// Scenario time it opened.
    pub opened_at: Option<Secs>,
    /// Real time it opened.
    pub opened_real: Option<RealMs>,
    /// Total paused real time when it opened (for real-time countdowns).
    pub opened_paused: RealMs,
    /// The choice, once taken.
    pub choice: Option<ChoiceRecord>,
}

/// The state of a deadline.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct DeadlineState {
    /// When it started.
    pub started: Option<Secs>,
    /// When it falls due.
    pub due: Option<Secs>,
    /// When it was met.
    pub met: Option<Secs>,
    /// When it was missed.
    pub missed: Option<Secs>,
    /// Met by the effects of a team's decision (otherwise, when met, by others).
    pub met_by_team: bool,
}

impl DeadlineState {
    /// Running: started, neither met nor missed.
    pub fn active(&self) -> bool {
        self.started.is_some() && self.met.is_none() && self.missed.is_none()
    }
}

/// The state of a best-practice check.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct CheckState {
    /// When it was met: the moment its condition first held (for a check judged at the
    /// end, the start of the stretch during which it held up to the end).
    pub met: Option<Secs>,
    /// When it was missed.
    pub missed: Option<Secs>,
    /// For a check judged at the end: since when its condition has held without a break.
    pub holds_since: Option<Secs>,
}

/// The state of a clinical service.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct ServiceState {
    /// Capacity, 0 to 100.
    pub capacity: f64,
    /// Since when it runs on paper procedures.
    pub paper_since: Option<Secs>,
}

/// One entry of the exercise log: what the people in the room did, for the report.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LogEntry {
    /// Scenario time.
    pub at: Secs,
    /// Real time.
    pub real: RealMs,
    /// What happened.
    #[serde(flatten)]
    pub kind: LogKind,
}

/// The kinds of log entries.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum LogKind {
    /// The exercise started.
    Started,
    /// A decision was taken.
    Choice {
        /// Decision.
        decision: u16,
        /// Option.
        option: u16,
        /// Outcome drawn.
        outcome: Option<u16>,
        /// The other options picked at once, in file order, with their outcomes.
        #[serde(skip_serializing_if = "Vec::is_empty")]
        more: Vec<(u16, Option<u16>)>,
        /// By timeout.
        timeout: bool,
        /// Real ms the team took.
        took_real: RealMs,
        /// Scenario seconds the team took.
        took_scenario: Secs,
    },
    /// A team member voted from a seat (votes never change the outcome).
    Vote {
        /// Decision.
        decision: u16,
        /// Option (the first picked, in file order).
        option: u16,
        /// The other options picked at once, in file order.
        #[serde(skip_serializing_if = "Vec::is_empty")]
        more: Vec<u16>,
        /// The voter's seat-given id.
        voter: String,
        /// The name given (may be empty).
        name: String,
    },
    /// A team's lead submitted the team's choice from a seat (the `Choice` entry follows).
    Submitted {
        /// Decision.
        decision: u16,
        /// Option (the first picked, in file order).
        option: u16,
        /// The other options picked at once, in file order.
        #[serde(skip_serializing_if = "Vec::is_empty")]
        more: Vec<u16>,
        /// The lead's seat-given id.
        by: String,
        /// The name given (may be empty).
        name: String,
    },
    /// The facilitator took a decision against the room (the `Choice` entry follows).
    Overruled {
        /// Decision.
        decision: u16,
        /// Option (the first picked, in file order).
        option: u16,
        /// The other options picked at once, in file order.
        #[serde(skip_serializing_if = "Vec::is_empty")]
        more: Vec<u16>,
        /// Why.
        reason: String,
    },
    /// A decision was undone.
    Undo {
        /// Decision.
        decision: u16,
        /// Option that had been chosen.
        option: u16,
    },
    /// The exercise went back to just before a journal entry (a rewind, or the undo of a
    /// phase skip).
    Rewind {
        /// The first entry taken back (1-based, as in the journal).
        entry: u64,
        /// How many commands were taken back.
        undone: u64,
    },
    /// A team took an action.
    Action {
        /// Action.
        action: u16,
        /// The team that took it, when named.
        team: Option<u16>,
        /// Outcome drawn.
        outcome: Option<u16>,
        /// The lead's seat-given id, when taken from a seat.
        #[serde(skip_serializing_if = "String::is_empty")]
        by: String,
        /// The name given (may be empty).
        #[serde(skip_serializing_if = "String::is_empty")]
        name: String,
    },
    /// An inject fired as a curveball.
    Curveball {
        /// Inject.
        inject: u16,
    },
    /// A metric changed by hand.
    Override {
        /// Metric.
        metric: u16,
        /// Old value.
        from: f64,
        /// New value.
        to: f64,
        /// Why.
        reason: String,
    },
    /// A note.
    Note {
        /// Its text.
        text: String,
    },
    /// The clock was paused.
    Pause,
    /// The clock was resumed.
    Resume,
    /// A phase began.
    PhaseBegan {
        /// Phase.
        phase: u16,
    },
    /// The facilitator confirmed an ending although decisions were still open.
    EndingConfirmed {
        /// The ending.
        ending: u16,
    },
    /// The facilitator ended the exercise.
    EndedByFacilitator {
        /// Why.
        reason: String,
    },
    /// An evaluator rated an objective.
    Rated {
        /// Objective.
        objective: u16,
        /// The rating (P, S, M or U).
        rating: super::score::Rating,
        /// The evaluator's note.
        note: String,
    },
}

/// Everything that changes during an exercise.
#[derive(Clone, Debug)]
pub struct State {
    pub(crate) mode: Mode,
    /// Clock frozen by the facilitator.
    pub paused: bool,
    /// Scenario time since the start.
    pub now: Secs,
    /// Current phase.
    pub phase: u16,
    /// Parameter values.
    pub params: Vec<ParamValue>,
    pub(crate) param_f: Vec<f64>,
    /// Metric values.
    pub metrics: Vec<f64>,
    /// Each metric's changes: (scenario time, new value), starting with its start value.
    pub history: Vec<Vec<(Secs, f64)>>,
    /// Flag values.
    pub flags: Vec<bool>,
    /// Counter values.
    pub counters: Vec<f64>,
    /// Each flag's changes: (scenario time, new value), starting with its start value.
    pub flag_history: Vec<Vec<(Secs, bool)>>,
    /// Each counter's changes: (scenario time, new value), starting with its start value.
    pub counter_history: Vec<Vec<(Secs, f64)>>,
    /// System states.
    pub systems: Vec<SystemState>,
    /// Each system's changes: (scenario time, new state).
    pub system_history: Vec<Vec<(Secs, SystemState)>>,
    /// Service states.
    pub services: Vec<ServiceState>,
    /// Each service's capacity over time: (scenario time, capacity), on change.
    pub service_history: Vec<Vec<(Secs, f64)>>,
    /// Inject states.
    pub injects: Vec<InjectState>,
    /// Fired injects, in order.
    pub feed: Vec<u16>,
    /// Decision states.
    pub decisions: Vec<DecisionState>,
    /// Open decisions, in the order they opened.
    pub pending: Vec<u16>,
    /// Deadline states.
    pub deadlines: Vec<DeadlineState>,
    /// Random events that happened (count).
    pub random_hits: Vec<u32>,
    /// How often and when each action was taken.
    pub actions: Vec<super::actions::ActionState>,
    /// An action's effects are being applied (a team's doing, like a decision's).
    pub(crate) acting: bool,
    /// Check states.
    pub checks: Vec<CheckState>,
    /// The decision whose own effects are being applied, if any (to tell who met a deadline).
    pub(crate) deciding: Option<u16>,
    /// Scheduled injects: (time, sequence, inject).
    pub(crate) queue: BTreeSet<(Secs, u64, u16)>,
    pub(crate) seq: u64,
    pub(crate) rng: ChaCha8Rng,
    /// Separate stream for flavour randomness; it never changes outcomes.
    pub flavour: ChaCha8Rng,
    /// When the exercise started, in real time.
    pub started_real: Option<RealMs>,
    /// Real time of the last command.
    pub real_now: RealMs,
    pub(crate) paused_since: Option<RealMs>,
    pub(crate) paused_total: RealMs,
    /// Who is in the room.
    pub session: SessionInfo,
    /// Systems changed since services were last recomputed.
    pub(crate) services_dirty: bool,
    /// Conditional injects still waiting for their condition, in file order.
    pub(crate) armed: Vec<u16>,
    /// Parts of the state changed since conditions were last evaluated
    /// ([`crate::scenario::expr::vm::reads`] bits).
    pub(crate) dirty: u16,
    /// Ending reached by the facilitator's "end now".
    pub ended_by_facilitator: bool,
    /// Values kept between steps so that unchanged conditions are not re-evaluated.
    pub(crate) cache: Cache,
    /// A decision opened during the current command: the clock does not move past this
    /// instant and no random event is rolled until the next command.
    pub(crate) hold: bool,
    /// The step a decision interrupted, finished by the next clock command.
    pub(crate) resume: Option<Resume>,
    /// An ending reached while decisions were open: it waits until they are answered, or
    /// until the facilitator confirms it.
    pub held_ending: Option<u16>,
}

/// A clock step stopped part-way because a decision opened.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Resume {
    /// The step's target time.
    pub target: Secs,
    /// The first random event not yet rolled at the target (0 when none was).
    pub next_roll: usize,
}

/// Derived values the engine keeps to avoid re-evaluating expressions whose inputs did not
/// change. Never observable: [`crate::engine::Exercise::fingerprint`] leaves it out.
#[derive(Clone, Debug, Default)]
pub(crate) struct Cache {
    /// Each service's evaluated `paper` expression (before decay), once evaluated.
    pub paper: Vec<Option<f64>>,
    /// Parts of the state changed since random events were last rolled ([`reads`] bits).
    ///
    /// [`reads`]: crate::scenario::expr::vm::reads
    pub since_roll: u16,
    /// Each random event's evaluated `when` and `chance`, once evaluated.
    pub roll: Vec<Option<(bool, f64)>>,
}

impl State {
    /// The feed, oldest first, with each entry's firing time: a repeatable curveball's
    /// later entries carry the times of its later firings.
    pub fn feed_times(&self) -> Vec<(u16, Secs)> {
        let mut seen = vec![0usize; self.injects.len()];
        self.feed
            .iter()
            .map(|&i| {
                let s = &self.injects[usize::from(i)];
                let k = seen[usize::from(i)];
                seen[usize::from(i)] += 1;
                let at = match k {
                    0 => s.fired_at,
                    _ => s.repeats.get(k - 1).copied(),
                };
                (i, at.unwrap_or(0))
            })
            .collect()
    }

    /// The status, with "awaiting decisions" derived from the open decisions.
    pub fn status(&self) -> Status {
        match self.mode {
            Mode::Briefing => Status::Briefing,
            Mode::Running if self.pending.is_empty() => Status::Running,
            Mode::Running => Status::AwaitingDecisions,
            Mode::PhaseBreak(next) => Status::PhaseBreak { next },
            Mode::Ended(ending) => Status::Ended { ending },
        }
    }

    /// Total real time spent paused, up to `real`.
    pub fn paused_ms(&self, real: RealMs) -> RealMs {
        self.paused_total
            + self
                .paused_since
                .map(|p| real.saturating_sub(p))
                .unwrap_or(0)
    }
}

/// The state seen through the scenario, as expressions read it.
pub(crate) struct View<'a> {
    pub s: &'a State,
    pub sc: &'a Scenario,
}

impl Env for View<'_> {
    fn metric(&self, i: u16) -> f64 {
        self.s.metrics[i as usize]
    }
    fn flag(&self, i: u16) -> bool {
        self.s.flags[i as usize]
    }
    fn counter(&self, i: u16) -> f64 {
        self.s.counters[i as usize]
    }
    fn param(&self, i: u16) -> f64 {
        self.s.param_f[i as usize]
    }
    fn system(&self, i: u16) -> SystemState {
        self.s.systems[i as usize]
    }
    fn service(&self, i: u16) -> f64 {
        self.s.services[i as usize].capacity
    }
    fn elapsed(&self) -> Secs {
        self.s.now
    }
    fn hour(&self) -> f64 {
        f64::from(self.sc.clock.at(self.s.now).hour())
    }
    fn step(&self) -> Secs {
        self.sc.phases[self.s.phase as usize].step
    }
    fn fired_at(&self, i: u16) -> Option<Secs> {
        self.s.injects[i as usize].fired_at
    }
    fn chose(&self, d: u16, o: u16) -> bool {
        self.s.decisions[d as usize]
            .choice
            .as_ref()
            .is_some_and(|c| c.has(o))
    }
    fn decided(&self, d: u16) -> bool {
        self.s.decisions[d as usize].choice.is_some()
    }
    fn pending(&self, d: u16) -> bool {
        let st = &self.s.decisions[d as usize];
        st.opened_at.is_some() && st.choice.is_none()
    }
    fn deadline(&self, i: u16) -> DeadlineStatus {
        let d = &self.s.deadlines[i as usize];
        DeadlineStatus {
            started: d.started.is_some(),
            met: d.met.is_some(),
            missed: d.missed.is_some(),
            remaining: if d.active() {
                d.due.map(|due| due - self.s.now)
            } else {
                None
            },
        }
    }
    fn phase(&self) -> u16 {
        self.s.phase
    }
    fn taken(&self, a: u16) -> u32 {
        self.s.actions[a as usize].uses
    }
}
