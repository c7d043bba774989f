//! Events: what happened as a result of a command, for display, transcripts and reports.

use serde::Serialize;

use crate::scenario::model::SystemState;
use crate::scenario::time::Secs;

/// Why a due inject did not fire.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Prevention {
    /// Its `unless` guard held.
    Guard,
    /// The `when` condition that queued it no longer held.
    ConditionLapsed,
}

/// Something that happened. Indices refer to the scenario's lists.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Event {
    /// The exercise left the briefing.
    Started,
    /// The clock moved.
    ClockAdvanced {
        /// Previous time.
        from: Secs,
        /// New time.
        to: Secs,
    },
    /// The clock reached the start of the next phase and waits for the facilitator.
    PhaseBreak {
        /// The phase about to begin.
        next: u16,
    },
    /// A phase began.
    PhaseBegan {
        /// The phase.
        phase: u16,
    },
    /// An inject fired.
    InjectFired {
        /// The inject.
        inject: u16,
        /// Fired by the facilitator as a curveball.
        curveball: bool,
    },
    /// An inject was triggered but its chance roll failed: it will not fire.
    InjectSkipped {
        /// The inject.
        inject: u16,
    },
    /// An inject was due but did not fire: its `unless` guard held, or the `when` condition
    /// that queued it no longer held (it then waits for the condition again).
    InjectPrevented {
        /// The inject.
        inject: u16,
        /// Why.
        reason: Prevention,
    },
    /// A waiting inject was cancelled by a `cancel(...)` effect.
    InjectCancelled {
        /// The inject.
        inject: u16,
    },
    /// A decision opened.
    DecisionOpened {
        /// The decision.
        decision: u16,
    },
    /// A decision was taken.
    OptionChosen {
        /// The decision.
        decision: u16,
        /// The option.
        option: u16,
        /// Taken by default because time ran out.
        timeout: bool,
    },
    /// A team member voted from a seat (nothing else changes).
    VoteCast {
        /// The decision.
        decision: u16,
        /// The option.
        option: u16,
    },
    /// A team took an action (its effects follow).
    ActionTaken {
        /// The action.
        action: u16,
        /// The team, when named.
        team: Option<u16>,
    },
    /// A random outcome was drawn for an action just taken.
    ActionOutcome {
        /// The action.
        action: u16,
        /// The outcome.
        outcome: u16,
    },
    /// A random outcome was drawn for a chosen option.
    OutcomeDrawn {
        /// The decision.
        decision: u16,
        /// The option.
        option: u16,
        /// The outcome.
        outcome: u16,
    },
    /// A metric changed.
    MetricChanged {
        /// The metric.
        metric: u16,
        /// Old value.
        from: f64,
        /// New value.
        to: f64,
    },
    /// A flag changed.
    FlagChanged {
        /// The flag.
        flag: u16,
        /// New value.
        to: bool,
    },
    /// A counter changed.
    CounterChanged {
        /// The counter.
        counter: u16,
        /// Old value.
        from: f64,
        /// New value.
        to: f64,
    },
    /// A system changed state.
    SystemChanged {
        /// The system.
        system: u16,
        /// Old state.
        from: SystemState,
        /// New state.
        to: SystemState,
    },
    /// A service's capacity changed by at least one point.
    ServiceChanged {
        /// The service.
        service: u16,
        /// Old capacity.
        from: f64,
        /// New capacity.
        to: f64,
    },
    /// A deadline started.
    DeadlineStarted {
        /// The deadline.
        deadline: u16,
        /// When it falls due.
        due: Secs,
    },
    /// A deadline was met.
    DeadlineMet {
        /// The deadline.
        deadline: u16,
    },
    /// A deadline was missed.
    DeadlineMissed {
        /// The deadline.
        deadline: u16,
    },
    /// A random event happened.
    RandomEvent {
        /// The event.
        event: u16,
    },
    /// A best-practice check was met.
    CheckMet {
        /// The check.
        check: u16,
    },
    /// A best-practice check was missed.
    CheckMissed {
        /// The check.
        check: u16,
    },
    /// The clock was paused.
    Paused,
    /// The clock was resumed.
    Resumed,
    /// The facilitator added a note.
    NoteAdded,
    /// An evaluator rated an objective.
    ObjectiveRated {
        /// Objective.
        objective: u16,
    },
    /// The facilitator changed a metric by hand.
    MetricOverridden {
        /// The metric.
        metric: u16,
        /// Old value.
        from: f64,
        /// New value.
        to: f64,
    },
    /// The last decision was undone.
    Undone {
        /// The decision.
        decision: u16,
        /// The option that had been chosen.
        option: u16,
    },
    /// The exercise went back to just before a journal entry: a rewind, or the undo of a
    /// phase skip.
    Rewound {
        /// The first entry taken back (1-based, as in the journal).
        entry: u64,
        /// How many commands were taken back.
        undone: u64,
    },
    /// An ending was reached while decisions were open: it waits until they are answered
    /// or the facilitator confirms it.
    EndingHeld {
        /// The ending.
        ending: u16,
    },
    /// The exercise ended.
    Ended {
        /// The ending.
        ending: u16,
    },
}
