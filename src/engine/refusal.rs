//! Why the engine refuses a command or keeps an option out of reach, as data: each front end
//! says it in its language (`crate::i18n::refusal`); `Display` gives the English wording that
//! the command line and the journal's tools print.

use crate::scenario::time::Secs;

/// The exercise's state, as a refusal names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    /// The briefing: not started yet.
    NotStarted,
    /// Running, paused.
    Paused,
    /// Running.
    Running,
    /// Between two phases.
    PhaseBreak,
    /// Over.
    Ended,
}

/// Why an option (or a set of options) or an action cannot be taken now.
#[derive(Clone, Debug, PartialEq)]
pub enum Unavailable {
    /// The scenario's own words (`unavailable:`), already in the scenario's language.
    Authored(String),
    /// The option's or action's `requires` does not hold.
    Requirement,
    /// The options together do not meet the decision's `within`.
    Within,
    /// One option of a selection, after the options before it (ids), cannot be taken.
    Option {
        /// The option's id.
        option: String,
        /// The ids of the options chosen before it.
        after: Vec<String>,
        /// Why.
        why: Box<Unavailable>,
    },
    /// Actions wait for the exercise to run.
    Stage(Stage),
    /// The action is not open to this team (its name).
    NotOpenTo(String),
    /// The action's use limit is reached.
    UsedUp {
        /// Its limit.
        max: u32,
    },
    /// The action's cooldown runs for this long yet.
    AgainIn(Secs),
}

/// Why a command was refused, as data.
#[derive(Clone, Debug, PartialEq)]
pub enum Refusal {
    /// The command does not fit the exercise's stage.
    Stage {
        /// The command's name (`start`, `choose`…).
        command: &'static str,
        /// Where the exercise is.
        stage: Stage,
    },
    /// `confirm_ending` with no ending held.
    NoEndingHeld,
    /// The clock cannot move: an ending waits while decisions are open.
    EndingHeld {
        /// The ending's id.
        ending: String,
        /// The open decisions' ids.
        open: Vec<String>,
    },
    /// The clock cannot move during a phase break.
    AtPhaseBreak,
    /// The clock cannot move while paused.
    Paused,
    /// `next_phase` in the last phase.
    LastPhase,
    /// `pause` while paused.
    AlreadyPaused,
    /// `resume` while running.
    NotPaused,
    /// The decision has not opened.
    DecisionNotOpen(String),
    /// The decision was taken.
    DecisionTaken(String),
    /// `undo` with nothing to undo.
    NothingToUndo,
    /// The host serving the exercise has stopped.
    HostStopped,
    /// A headless run did not reach an ending.
    NoEnding {
        /// The number of commands it gave.
        limit: usize,
    },
    /// A command names a team that does not own the decision.
    WrongTeam {
        /// The decision's id.
        decision: String,
        /// Its team's id.
        owner: String,
        /// The team named.
        team: String,
    },
    /// An overrule without a reason.
    NoReason,
    /// A timeout for a decision without a time limit.
    NoTimeLimit(String),
    /// A curveball that has fired and does not repeat.
    AlreadyFired(String),
    /// A metric value that is not a finite number.
    NotFinite,
    /// A rating of "not rated".
    NoRating,
    /// A parameter value outside the parameter's choices.
    NotOneOf {
        /// The parameter's id.
        parameter: String,
        /// Its choices.
        choices: Vec<String>,
    },
    /// A parameter value of the wrong kind.
    WrongKind {
        /// The parameter's id.
        parameter: String,
        /// The value, as written.
        value: String,
    },
    /// A parameter value as typed that does not parse (the parser's words).
    BadValue(String),
    /// An option named twice in one selection.
    NamedTwice(String),
    /// A selection of the wrong size.
    Count {
        /// The decision's id.
        decision: String,
        /// The fewest options it takes.
        min: u16,
        /// The most.
        max: u16,
        /// How many were given.
        given: usize,
    },
    /// An option, or options together, that cannot be taken now.
    Unavailable {
        /// The option's id, or the ids joined with `+`.
        options: String,
        /// Whether several options were named.
        together: bool,
        /// Why.
        why: Unavailable,
    },
    /// A rewind to an entry that is not a command in force.
    NotInForce(u64),
    /// A rewind to the start command.
    BeforeStart,
    /// An action open to several teams, taken without naming one.
    WhichTeam {
        /// The action's id.
        action: String,
        /// The teams' ids.
        teams: Vec<String>,
    },
    /// An action that cannot be taken now.
    ActionUnavailable {
        /// The action's id.
        action: String,
        /// Why.
        why: Unavailable,
    },
}

impl std::fmt::Display for Stage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&crate::i18n::refusal::stage(crate::i18n::Lang::En, *self))
    }
}

impl std::fmt::Display for Unavailable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&crate::i18n::refusal::unavailable(
            crate::i18n::Lang::En,
            self,
        ))
    }
}

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&crate::i18n::refusal::refusal(crate::i18n::Lang::En, self))
    }
}
