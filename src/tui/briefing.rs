//! The briefing: the scenario's parameters and who is in the room, before the clock starts.

use std::collections::BTreeMap;
use std::sync::Arc;

use crate::engine::{Command, ParamSetting, SessionInfo};
use crate::journal::Session;
use crate::scenario::Scenario;
use crate::scenario::compiled::ParamValue;
use crate::scenario::model::ParamKind;

use super::input::Input;

/// A line of the briefing form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    /// A scenario parameter, by index.
    Param(usize),
    /// The organisation exercising.
    Organisation,
    /// The facilitator's name.
    Facilitator,
    /// Who sits in a team, by team index.
    Members(usize),
    /// The start button.
    Start,
}

/// Which half of the briefing has the keys.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum BriefFocus {
    /// The form (parameters, names, start).
    #[default]
    Form,
    /// The scenario's text (scrolls).
    Info,
    /// The seats' links, codes and QR codes (with `play --seats`).
    Seats,
}

/// The briefing's state.
#[derive(Debug)]
pub struct Briefing {
    /// The scenario.
    pub scenario: Arc<Scenario>,
    /// Where it came from (`bundled:NAME` or a path).
    pub source: String,
    /// The seed the exercise will use.
    pub seed: u64,
    /// A resumed journal that had not started yet.
    pub resumed: Option<Session>,
    /// The host serving the seats (`play --seats`), started before the briefing so that
    /// people can join while the room is set up.
    pub hosted: Option<Box<super::hosted::Hosted>>,
    /// The highlighted seat (presenter first, then the teams).
    pub seat: usize,
    /// The journal the exercise will write, chosen now so that the briefing can show it
    /// (and the presenter be started) before the start; `None` without a journal.
    pub journal: Option<std::path::PathBuf>,
    /// Whether that journal goes to the data folder (`present --latest` finds it).
    pub in_data_folder: bool,
    /// Parameter values, by parameter index.
    pub params: Vec<ParamValue>,
    /// Organisation.
    pub organisation: String,
    /// Facilitator.
    pub facilitator: String,
    /// Members of each team, by team index.
    pub members: Vec<String>,
    /// The highlighted form line.
    pub field: usize,
    /// The text being edited, if any.
    pub editing: Option<Input>,
    /// Which half has the keys.
    pub focus: BriefFocus,
    /// Scroll of the scenario's text.
    pub scroll: u16,
}

impl Briefing {
    /// A briefing for a scenario, with default parameter values.
    pub fn new(scenario: Arc<Scenario>, source: String, seed: u64) -> Self {
        let params = scenario.params.iter().map(|p| p.default.clone()).collect();
        let members = vec![String::new(); scenario.teams.len()];
        let field = 0;
        Briefing {
            scenario,
            source,
            seed,
            resumed: None,
            hosted: None,
            seat: 0,
            journal: None,
            in_data_folder: false,
            params,
            organisation: String::new(),
            facilitator: String::new(),
            members,
            field,
            editing: None,
            focus: BriefFocus::Form,
            scroll: 0,
        }
    }

    /// The form's lines, in order.
    pub fn fields(&self) -> Vec<Field> {
        let mut f: Vec<Field> = (0..self.scenario.params.len()).map(Field::Param).collect();
        f.push(Field::Organisation);
        f.push(Field::Facilitator);
        f.extend((0..self.scenario.teams.len()).map(Field::Members));
        f.push(Field::Start);
        f
    }

    /// The highlighted line.
    pub fn current(&self) -> Field {
        let f = self.fields();
        f[self.field.min(f.len() - 1)]
    }

    /// Moves the highlight.
    pub fn move_by(&mut self, delta: isize) {
        let last = self.fields().len() as isize - 1;
        self.field = (self.field as isize + delta).clamp(0, last) as usize;
    }

    /// Changes a parameter to its previous (`-1`) or next (`+1`) value: yes/no toggles,
    /// choices cycle, numbers move by one within their range.
    pub fn cycle(&mut self, p: usize, dir: i32) {
        let param = &self.scenario.params[p];
        let v = &mut self.params[p];
        *v = match (&param.kind, &*v) {
            (ParamKind::Bool, ParamValue::Bool(b)) => ParamValue::Bool(!b),
            (ParamKind::Choice(c), ParamValue::Choice(i)) if !c.is_empty() => {
                let n = c.len() as i32;
                ParamValue::Choice(((*i as i32 + dir).rem_euclid(n)) as u16)
            }
            (ParamKind::Number { min, max }, ParamValue::Num(x)) => {
                ParamValue::Num((x + f64::from(dir)).clamp(*min, *max))
            }
            (_, other) => other.clone(),
        };
    }

    /// The text of a text field, for editing.
    pub fn text_of(&self, f: Field) -> Option<String> {
        match f {
            Field::Organisation => Some(self.organisation.clone()),
            Field::Facilitator => Some(self.facilitator.clone()),
            Field::Members(t) => Some(self.members[t].clone()),
            Field::Param(p) => match &self.scenario.params[p].kind {
                ParamKind::Number { .. } => Some(self.scenario.params[p].format(&self.params[p])),
                _ => None,
            },
            Field::Start => None,
        }
    }

    /// Stores an edited text; numbers are checked against their range.
    pub fn set_text(&mut self, f: Field, text: &str) -> Result<(), String> {
        let t = text.trim().to_string();
        match f {
            Field::Organisation => self.organisation = t,
            Field::Facilitator => self.facilitator = t,
            Field::Members(i) => self.members[i] = t,
            Field::Param(p) => self.params[p] = self.scenario.params[p].parse(&t)?,
            Field::Start => {}
        }
        Ok(())
    }

    /// The command that starts the exercise with the values set.
    pub fn start_command(&self) -> Command {
        let mut params = BTreeMap::new();
        for (p, v) in self.scenario.params.iter().zip(&self.params) {
            let setting = match (v, &p.kind) {
                (ParamValue::Bool(b), _) => ParamSetting::Bool(*b),
                (ParamValue::Num(n), _) => ParamSetting::Num(*n),
                (ParamValue::Choice(i), ParamKind::Choice(c)) => {
                    ParamSetting::Choice(c.get(*i as usize).cloned().unwrap_or_default())
                }
                (ParamValue::Choice(i), _) => ParamSetting::Num(f64::from(*i)),
            };
            params.insert(p.id.clone(), setting);
        }
        let members = self
            .scenario
            .teams
            .iter()
            .zip(&self.members)
            .filter(|(_, m)| !m.is_empty())
            .map(|(t, m)| (t.id.clone(), m.clone()))
            .collect();
        Command::Start {
            params,
            session: SessionInfo {
                organisation: self.organisation.clone(),
                facilitator: self.facilitator.clone(),
                members,
            },
        }
    }
}
