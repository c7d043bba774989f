//! The exercise engine: a pure, deterministic state machine.
//!
//! An [`Exercise`] is built from a compiled [`Scenario`](crate::scenario::Scenario) and a
//! seed. Front ends feed it [`Command`]s with the real time at which each was given, and get
//! back the [`Event`]s that followed. There is no terminal, wall clock or file system here:
//! the caller journals commands (see [`crate::journal`]) and reads the state through
//! read-only accessors. The same scenario, seed and commands always give the same state.

mod actions;
mod apply;
mod capacity;
pub mod command;
pub mod event;
mod exercise;
mod order;
pub mod refusal;
pub mod score;
pub mod state;

pub use actions::ActionState;
pub use command::{Command, CommandError, ParamSetting, SessionInfo};
pub use event::{Event, Prevention};
pub use exercise::{Exercise, OptionStatus, RealMs};
pub use order::{option_order, shown_number, shown_order};
pub use refusal::{Refusal, Stage, Unavailable};
pub use score::{CheckResult, CheckStatus, ObjectiveRating, Rating, ScoreCard};
pub use state::{ChoiceRecord, DeadlineState, LogEntry, LogKind, State, Status};
