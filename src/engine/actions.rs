//! Repeatable actions: what a team may do at any time while the exercise runs, as often as
//! the action's requirement, cooldown and use limit allow.

use std::sync::Arc;

use crate::scenario::compiled::Outcome;
use crate::scenario::expr::vm::reads;
use crate::scenario::time::Secs;

use super::command::CommandError;
use super::event::Event;
use super::exercise::{Exercise, OptionStatus, RealMs};
use super::refusal::{Refusal, Stage, Unavailable};
use super::state::{LogKind, Mode};

/// How often and when an action was taken.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ActionState {
    /// Times taken.
    pub uses: u32,
    /// Scenario time it was last taken.
    pub last: Option<Secs>,
}

/// Who takes an action, as a `Take` command names them.
pub(crate) struct Taker<'a> {
    pub team: Option<&'a str>,
    pub by: &'a str,
    pub name: &'a str,
}

impl Exercise {
    /// Whether action `a` can be taken now (by `team`, if given): the exercise runs (a
    /// pause does not stop it), the team may take it, its use limit and cooldown allow
    /// it, and its requirement holds.
    pub fn action_status(&self, a: u16, team: Option<u16>) -> OptionStatus {
        let act = &self.sc.actions[a as usize];
        let st = &self.st.actions[a as usize];
        let no = OptionStatus::Unavailable;
        match self.st.mode {
            Mode::Running => {}
            Mode::Briefing => return no(Unavailable::Stage(Stage::NotStarted)),
            Mode::PhaseBreak(_) => return no(Unavailable::Stage(Stage::PhaseBreak)),
            Mode::Ended(_) => return no(Unavailable::Stage(Stage::Ended)),
        }
        if let Some(t) = team
            && !act.open_to(t)
        {
            return no(Unavailable::NotOpenTo(
                self.sc.teams[t as usize].name.clone(),
            ));
        }
        if let Some(max) = act.max_uses
            && st.uses >= max
        {
            return no(Unavailable::UsedUp { max });
        }
        if let Some(left) = self.action_ready_in(a) {
            return no(Unavailable::AgainIn(left));
        }
        match &act.requires {
            Some(p) if !p.truth(&self.view()) => no(if act.unavailable.is_empty() {
                Unavailable::Requirement
            } else {
                Unavailable::Authored(act.unavailable.clone())
            }),
            _ => OptionStatus::Available,
        }
    }

    /// Scenario seconds until action `a`'s cooldown ends, while it runs.
    pub fn action_ready_in(&self, a: u16) -> Option<Secs> {
        let cooldown = self.sc.actions[a as usize].cooldown;
        let last = self.st.actions[a as usize].last?;
        let left = last + cooldown - self.st.now;
        (cooldown > 0 && left > 0).then_some(left)
    }

    /// How many times action `a` has been taken.
    pub fn action_uses(&self, a: u16) -> u32 {
        self.st.actions[a as usize].uses
    }

    /// Checks and takes a `Take` command.
    pub(crate) fn take_command(
        &mut self,
        action: &str,
        who: Taker<'_>,
        real: RealMs,
        ev: &mut Vec<Event>,
    ) -> Result<(), CommandError> {
        let a = self
            .sc
            .action_index(action)
            .ok_or_else(|| CommandError::Unknown {
                kind: "action",
                id: action.to_string(),
            })?;
        let team = match who.team {
            Some(t) => Some(self.sc.team_index(t).ok_or_else(|| CommandError::Unknown {
                kind: "team",
                id: t.to_string(),
            })?),
            None => match self.sc.actions[a as usize].teams.as_slice() {
                [] => None,
                [only] => Some(*only),
                many => {
                    let ids: Vec<&str> = many
                        .iter()
                        .map(|&t| self.sc.teams[t as usize].id.as_str())
                        .collect();
                    return Err(CommandError::Invalid(Refusal::WhichTeam {
                        action: action.to_string(),
                        teams: ids.iter().map(|s| s.to_string()).collect(),
                    }));
                }
            },
        };
        if let OptionStatus::Unavailable(why) = self.action_status(a, team) {
            return Err(CommandError::Invalid(Refusal::ActionUnavailable {
                action: action.to_string(),
                why,
            }));
        }
        self.take(a, team, who, real, ev);
        Ok(())
    }

    /// Takes action `a`: effects, an outcome, follow-ups, then settles.
    fn take(
        &mut self,
        a: u16,
        team: Option<u16>,
        who: Taker<'_>,
        real: RealMs,
        ev: &mut Vec<Event>,
    ) {
        let sc = Arc::clone(&self.sc);
        let act = &sc.actions[a as usize];
        let now = self.st.now;
        let st = &mut self.st.actions[a as usize];
        st.uses += 1;
        st.last = Some(now);
        self.st.dirty |= reads::ACTIONS;
        self.st.acting = true;
        ev.push(Event::ActionTaken { action: a, team });
        self.apply_effects(&act.effects, real, ev);
        let outcome = self.draw_outcome(&act.outcomes);
        self.record(
            real,
            LogKind::Action {
                action: a,
                team,
                outcome,
                by: who.by.to_string(),
                name: who.name.to_string(),
            },
        );
        if let Some(k) = outcome {
            ev.push(Event::ActionOutcome {
                action: a,
                outcome: k,
            });
            let oc = &act.outcomes[k as usize];
            self.apply_effects(&oc.effects, real, ev);
            for &f in &oc.follow_up {
                self.enqueue(f, now + sc.injects[f as usize].delay);
            }
        }
        self.st.acting = false;
        for &f in &act.follow_up {
            self.enqueue(f, now + sc.injects[f as usize].delay);
        }
        self.process_due(now, real, ev);
    }

    /// Draws one of `outcomes` from the outcome stream (none when there are none).
    pub(crate) fn draw_outcome(&mut self, outcomes: &[Outcome]) -> Option<u16> {
        if outcomes.is_empty() {
            return None;
        }
        let roll = super::apply::roll(&mut self.st.rng);
        let mut acc = 0.0;
        let mut rest = None;
        for (k, oc) in outcomes.iter().enumerate() {
            match &oc.chance {
                Some(p) => {
                    acc += p.eval(&self.view()).clamp(0.0, 1.0);
                    if roll < acc {
                        return Some(k as u16);
                    }
                }
                None => rest = Some(k as u16),
            }
        }
        rest
    }
}
