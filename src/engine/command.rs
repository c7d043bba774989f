//! Commands: everything a facilitator, a team or a policy can ask of an exercise.
//!
//! Commands name things by id (not index) so that journals stay readable and robust.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::refusal::Refusal;

/// A value for a scenario parameter, as given at the briefing.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum ParamSetting {
    /// For yes/no parameters.
    Bool(bool),
    /// For number parameters.
    Num(f64),
    /// For choice parameters: the choice's name.
    Choice(String),
}

/// Who is in the room, recorded at the briefing for the report.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SessionInfo {
    /// The organisation exercising.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub organisation: String,
    /// The facilitator's name.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub facilitator: String,
    /// Who sits in each team, by team id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub members: BTreeMap<String, String>,
}

/// A request to the engine.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "cmd", rename_all = "snake_case")]
pub enum Command {
    /// Leave the briefing and start the clock, with the parameters' values.
    Start {
        /// Parameter values by id; missing ones take their default.
        #[serde(default)]
        params: BTreeMap<String, ParamSetting>,
        /// Who is in the room.
        #[serde(default)]
        session: SessionInfo,
    },
    /// Advance the clock by one step.
    Step,
    /// Advance the clock until at least one inject fires.
    NextInject,
    /// At a phase break, begin the next phase; otherwise advance to the next phase break.
    NextPhase,
    /// A team chooses an option of an open decision.
    Choose {
        /// Decision id.
        decision: String,
        /// Option id.
        option: String,
        /// The team choosing (checked against the decision's owner when given).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        team: Option<String>,
    },
    /// A team member's vote on an open decision of the member's team, from a seat. It is
    /// recorded for the report and changes nothing else: votes never decide; a member's
    /// later vote on the same decision replaces the earlier one.
    Vote {
        /// Decision id.
        decision: String,
        /// Option id.
        option: String,
        /// The voter's team (checked against the decision's owner).
        team: String,
        /// The voter's seat-given id (`crisis#2`), stable for the exercise.
        voter: String,
        /// The name the member gave (may be empty), already bounded and sanitised.
        #[serde(default, skip_serializing_if = "String::is_empty")]
        name: String,
    },
    /// A team's lead takes the team's decision from a seat: a choice, with who took it on
    /// record.
    Submit {
        /// Decision id.
        decision: String,
        /// Option id.
        option: String,
        /// The team (checked against the decision's owner).
        team: String,
        /// The lead's seat-given id.
        by: String,
        /// The name the lead gave (may be empty), already bounded and sanitised.
        #[serde(default, skip_serializing_if = "String::is_empty")]
        name: String,
    },
    /// The facilitator takes a team's open decision against the team's votes (or reopens
    /// what its lead submitted, then chooses again): a choice, with the reason on record.
    Overrule {
        /// Decision id.
        decision: String,
        /// Option id.
        option: String,
        /// Why the facilitator decided otherwise than the room, for the report.
        reason: String,
    },
    /// An open decision ran out of real time: its default option is taken.
    Timeout {
        /// Decision id.
        decision: String,
    },
    /// Freeze the clock (choices, notes and overrides still work).
    Pause,
    /// Unfreeze the clock.
    Resume,
    /// Fire an inject now, whatever its trigger (a curveball).
    Curveball {
        /// Inject id.
        inject: String,
    },
    /// A team takes a repeatable action (from the console, a seat or a plan).
    Take {
        /// Action id.
        action: String,
        /// The team taking it (checked against the action's teams when given).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        team: Option<String>,
        /// The lead's seat-given id, when taken from a seat.
        #[serde(default, skip_serializing_if = "String::is_empty")]
        by: String,
        /// The name the lead gave (may be empty), already bounded and sanitised.
        #[serde(default, skip_serializing_if = "String::is_empty")]
        name: String,
    },
    /// Set a metric to a value.
    SetMetric {
        /// Metric id.
        metric: String,
        /// New value (clamped to the metric's range).
        value: f64,
        /// Why, for the report.
        reason: String,
    },
    /// Add to (or subtract from) a metric.
    AdjustMetric {
        /// Metric id.
        metric: String,
        /// Amount to add (negative to subtract).
        delta: f64,
        /// Why, for the report.
        reason: String,
    },
    /// Record a facilitator's note.
    Note {
        /// The note.
        text: String,
    },
    /// An evaluator rates an objective P, S, M or U (a later rating replaces it).
    Rate {
        /// Objective id.
        objective: String,
        /// The rating.
        rating: super::score::Rating,
        /// Why, for the report.
        #[serde(default, skip_serializing_if = "String::is_empty")]
        note: String,
    },
    /// Undo the last thing the room or the clock decided (a choice, a real-time or
    /// scenario-time timeout, or a phase skip): the exercise returns to the moment before it.
    Undo,
    /// Return to the moment just before journal entry `entry` (1-based): that entry and
    /// every later one are taken back (the journal keeps them, marked undone).
    Rewind {
        /// The journal entry to go back before.
        entry: u64,
    },
    /// Reach the ending that waits for open decisions, leaving them unanswered.
    ConfirmEnding,
    /// End the exercise now.
    EndNow {
        /// Why, for the report.
        #[serde(default)]
        reason: String,
    },
}

impl Command {
    /// A short name for the command, e.g. `step` or `choose`.
    pub fn name(&self) -> &'static str {
        match self {
            Command::Start { .. } => "start",
            Command::Step => "step",
            Command::NextInject => "next_inject",
            Command::NextPhase => "next_phase",
            Command::Choose { .. } => "choose",
            Command::Vote { .. } => "vote",
            Command::Submit { .. } => "submit",
            Command::Overrule { .. } => "overrule",
            Command::Timeout { .. } => "timeout",
            Command::Pause => "pause",
            Command::Resume => "resume",
            Command::Curveball { .. } => "curveball",
            Command::Take { .. } => "take",
            Command::SetMetric { .. } => "set_metric",
            Command::AdjustMetric { .. } => "adjust_metric",
            Command::Note { .. } => "note",
            Command::Rate { .. } => "rate",
            Command::Undo => "undo",
            Command::Rewind { .. } => "rewind",
            Command::ConfirmEnding => "confirm_ending",
            Command::EndNow { .. } => "end_now",
        }
    }
}

/// Why a command was refused. The exercise is unchanged. `Display` is English; a front
/// end says it in its language with `crate::i18n::refusal::command_error`.
#[derive(Clone, Debug, PartialEq)]
pub enum CommandError {
    /// The command does not fit the exercise's current state.
    NotNow(Refusal),
    /// An id that the scenario does not define.
    Unknown {
        /// What kind of thing.
        kind: &'static str,
        /// The id given.
        id: String,
    },
    /// A value that cannot be used.
    Invalid(Refusal),
}

impl std::fmt::Display for CommandError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&crate::i18n::refusal::command_error(
            crate::i18n::Lang::En,
            self,
        ))
    }
}

impl std::error::Error for CommandError {}
