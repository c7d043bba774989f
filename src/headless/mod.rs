//! Headless play: policies that take decisions, scripted test plans, and readable
//! transcripts. Used by `downtime run`, `downtime simulate` and the tests.

pub mod interactive;
pub mod plan;
pub mod policy;
pub mod transcript;

use crate::engine::{Command, CommandError, Event, Exercise, OptionStatus, RealMs, Status};
use crate::journal::{Session, SessionError};

pub use plan::{Plan, PlanError, Step as PlanStep};
pub use policy::Policy;

/// Something that applies commands: a bare exercise, or a journaled session.
pub trait Driver {
    /// The exercise.
    fn exercise(&self) -> &Exercise;
    /// Applies a command.
    fn send(&mut self, cmd: Command) -> Result<Vec<Event>, SessionError>;
}

/// Drives a bare exercise with a synthetic real clock (one second per command), so that
/// headless runs are reproducible to the byte.
#[derive(Debug)]
pub struct Bare {
    /// The exercise.
    pub exercise: Exercise,
    /// The synthetic real time.
    pub real: RealMs,
}

impl Driver for Bare {
    fn exercise(&self) -> &Exercise {
        &self.exercise
    }
    fn send(&mut self, cmd: Command) -> Result<Vec<Event>, SessionError> {
        self.real += 1000;
        Ok(self.exercise.apply(cmd, self.real)?)
    }
}

impl Driver for Session {
    fn exercise(&self) -> &Exercise {
        Session::exercise(self)
    }
    fn send(&mut self, cmd: Command) -> Result<Vec<Event>, SessionError> {
        self.apply(cmd)
    }
}

/// The next command a policy-driven playthrough takes, or `None` when the exercise is over.
pub fn next_command(ex: &Exercise, policy: &mut Policy) -> Option<Command> {
    match ex.status() {
        Status::Ended { .. } => None,
        Status::Briefing => Some(Command::Start {
            params: Default::default(),
            session: Default::default(),
        }),
        Status::PhaseBreak { .. } => Some(Command::NextPhase),
        Status::AwaitingDecisions => {
            // A decision none of whose options is available waits: the clock moves on, one
            // step at a time, until an option becomes available or the decision times out.
            // An ending that waits for decisions nobody can answer is confirmed.
            let Some(d) = ex.pending().iter().copied().find(|&d| answerable(ex, d)) else {
                return Some(if ex.held_ending().is_some() {
                    Command::ConfirmEnding
                } else {
                    Command::Step
                });
            };
            let sel = policy.choose(ex, d);
            let sc = ex.scenario();
            let dec = &sc.decisions[d as usize];
            Some(Command::Choose {
                decision: dec.id.clone(),
                option: dec.selection_ids(&sel),
                team: None,
            })
        }
        // With actions to take, the clock moves one step at a time so that the policy has
        // a chance to act at every step.
        Status::Running => Some(match policy.take_action(ex) {
            Some(a) => take(ex, a),
            None if policy.acts() && !ex.scenario().actions.is_empty() => Command::Step,
            None => Command::NextInject,
        }),
    }
}

/// The command that takes action `a` for the first team that may take it (no team when
/// it is open to every team).
pub fn take(ex: &Exercise, a: u16) -> Command {
    let sc = ex.scenario();
    let act = &sc.actions[a as usize];
    Command::Take {
        action: act.id.clone(),
        team: act.teams.first().map(|&t| sc.teams[t as usize].id.clone()),
        by: String::new(),
        name: String::new(),
    }
}

/// The votes of `members` members of the team deciding open decision `d`, each choosing as
/// `policy` would (a random policy gives a divided room), as seats would cast them: voters
/// `TEAM#1`…, named `Member 1`…. For tests and rehearsals of seats; votes never change the
/// exercise's outcome.
pub fn votes(ex: &Exercise, d: u16, members: u16, policy: &mut Policy) -> Vec<Command> {
    let sc = ex.scenario();
    let dec = &sc.decisions[d as usize];
    let team = &sc.teams[dec.team as usize].id;
    (1..=members)
        .filter_map(|m| {
            let sel = policy.choose(ex, d);
            (ex.selection_status(d, &sel) == OptionStatus::Available).then(|| Command::Vote {
                decision: dec.id.clone(),
                option: dec.selection_ids(&sel),
                team: team.clone(),
                voter: format!("{team}#{m}"),
                name: format!("Member {m}"),
            })
        })
        .collect()
}

/// Whether decision `d` can be answered now: one of its options is available, and for a
/// decision with `pick`, enough of them can be taken together (tried in file order).
pub fn answerable(ex: &Exercise, d: u16) -> bool {
    let dec = &ex.scenario().decisions[d as usize];
    let n = dec.options.len() as u16;
    let available: Vec<u16> = (0..n)
        .filter(|&o| ex.option_status(d, o) == OptionStatus::Available)
        .collect();
    if available.is_empty() {
        return false;
    }
    let (min, _) = dec.pick_limits();
    if !dec.multi() || min <= 1 && dec.pick.as_ref().is_none_or(|p| p.within.is_none()) {
        return true;
    }
    let sel = Policy::First.pick_several(ex, d, &available);
    sel.len() >= min as usize && ex.selection_status(d, &sel) == OptionStatus::Available
}

/// The open decisions none of whose options can be chosen now, in the order they opened.
pub fn unanswerable(ex: &Exercise) -> Vec<u16> {
    ex.pending()
        .iter()
        .copied()
        .filter(|&d| !answerable(ex, d))
        .collect()
}

/// Plays to the end with a policy, calling `on_events` after each command.
/// The exercise must not be at the briefing (send `Start` first) or it starts with defaults.
pub fn play_out<D: Driver>(
    driver: &mut D,
    policy: &mut Policy,
    mut on_events: impl FnMut(&Exercise, &Command, &[Event]),
) -> Result<(), SessionError> {
    let limit = 100_000;
    for _ in 0..limit {
        let Some(cmd) = next_command(driver.exercise(), policy) else {
            return Ok(());
        };
        let events = driver.send(cmd.clone())?;
        on_events(driver.exercise(), &cmd, &events);
    }
    Err(SessionError::Command(CommandError::NotNow(
        crate::engine::Refusal::NoEnding { limit },
    )))
}

/// Runs a plan: starts with its parameters, executes each instruction, checks each
/// expectation, then plays on with the first available option to the end.
pub fn run_plan<D: Driver>(
    driver: &mut D,
    plan: &Plan,
    mut on_events: impl FnMut(&Exercise, &Command, &[Event]),
) -> Result<(), PlanError> {
    let mut send = |driver: &mut D, cmd: Command, line: usize| -> Result<(), PlanError> {
        let events = driver.send(cmd.clone()).map_err(|e| PlanError {
            line,
            message: e.to_string(),
        })?;
        on_events(driver.exercise(), &cmd, &events);
        Ok(())
    };
    if driver.exercise().status() == Status::Briefing {
        send(
            driver,
            Command::Start {
                params: plan.params(),
                session: Default::default(),
            },
            1,
        )?;
    }
    for (line, step) in &plan.steps {
        let line = *line;
        match step {
            PlanStep::Param(..) => {}
            PlanStep::Choose(d, o) => {
                for _ in 0..100_000 {
                    let ex = driver.exercise();
                    let open = ex
                        .scenario()
                        .decision_index(d)
                        .is_some_and(|k| ex.pending().contains(&k));
                    if open {
                        break;
                    }
                    let next = match ex.status() {
                        Status::Ended { .. } => {
                            return Err(PlanError {
                                line,
                                message: format!("the exercise ended before decision `{d}` opened"),
                            });
                        }
                        Status::PhaseBreak { .. } => Command::NextPhase,
                        _ => Command::NextInject,
                    };
                    send(driver, next, line)?;
                }
                send(
                    driver,
                    Command::Choose {
                        decision: d.clone(),
                        option: o.clone(),
                        team: None,
                    },
                    line,
                )?;
            }
            PlanStep::Command(c) => send(driver, c.clone(), line)?,
            PlanStep::Steps(n) => {
                for _ in 0..*n {
                    send(driver, Command::Step, line)?;
                }
            }
            PlanStep::Expect(e) => {
                if let plan::Expectation::Ending(_) = e {
                    play_rest(driver, &mut send, line)?;
                }
                plan::check(driver.exercise(), e).map_err(|message| PlanError { line, message })?;
            }
        }
    }
    let last = plan.steps.last().map(|(l, _)| *l).unwrap_or(1);
    play_rest(driver, &mut send, last)
}

fn play_rest<D: Driver>(
    driver: &mut D,
    send: &mut impl FnMut(&mut D, Command, usize) -> Result<(), PlanError>,
    line: usize,
) -> Result<(), PlanError> {
    let mut policy = Policy::First;
    for _ in 0..100_000 {
        match next_command(driver.exercise(), &mut policy) {
            Some(cmd) => send(driver, cmd, line)?,
            None => return Ok(()),
        }
    }
    Err(PlanError {
        line,
        message: "the exercise did not end".into(),
    })
}
