//! The [`Exercise`]: commands in, events out.

use std::collections::BTreeSet;
use std::sync::Arc;

use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;

use crate::scenario::Scenario;
use crate::scenario::compiled::{ParamValue, Trigger};
use crate::scenario::expr::vm::reads;
use crate::scenario::model::ParamKind;
use crate::scenario::time::Secs;

use super::command::{Command, CommandError, ParamSetting};
use super::event::{Event, Prevention};
use super::refusal::{Refusal, Stage, Unavailable};
use super::state::{Cache, Resume};
use super::state::{
    CheckState, DeadlineState, DecisionState, InjectState, LogEntry, LogKind, Mode, ServiceState,
    State, Status, View,
};

/// Real time in milliseconds since the journal's start, supplied by the caller.
pub type RealMs = u64;

/// Stream number of the flavour generator (separate from the outcome stream).
const FLAVOUR_STREAM: u64 = 0x0066_6c61_766f_7572;

/// Most steps one command may take (a safety net; the clock's end comes first).
const MAX_STEPS_PER_COMMAND: usize = 1_000_000;

/// Whether an option can be chosen now.
#[derive(Clone, Debug, PartialEq)]
pub enum OptionStatus {
    /// It can be chosen.
    Available,
    /// Its requirement is not met; it says why.
    Unavailable(Unavailable),
}

/// A running exercise.
#[derive(Clone, Debug)]
pub struct Exercise {
    pub(crate) sc: Arc<Scenario>,
    seed: u64,
    pub(crate) st: State,
    log: Vec<LogEntry>,
    applied: Vec<(Command, RealMs)>,
    /// For each applied command: its entry number (1-based count of accepted commands, as
    /// in the journal) and whether an undo can take it back.
    applied_meta: Vec<(u64, bool)>,
    /// Commands accepted so far (undos and rewinds included).
    accepted: u64,
    eager: bool,
    /// The evaluators' ratings, by objective; kept across undos, like the log.
    ratings: Vec<Option<super::score::Evaluation>>,
}

impl Exercise {
    /// A new exercise at the briefing.
    pub fn new(scenario: Arc<Scenario>, seed: u64) -> Self {
        let sc = &*scenario;
        let objectives = sc.meta.objectives.len();
        let mut flavour = ChaCha8Rng::seed_from_u64(seed);
        flavour.set_stream(FLAVOUR_STREAM);
        let st = State {
            mode: Mode::Briefing,
            paused: false,
            now: 0,
            phase: 0,
            params: sc.params.iter().map(|p| p.default.clone()).collect(),
            param_f: sc.params.iter().map(|p| p.default.as_f64()).collect(),
            metrics: vec![0.0; sc.metrics.len()],
            history: vec![Vec::new(); sc.metrics.len()],
            flags: vec![false; sc.flags.len()],
            counters: vec![0.0; sc.counters.len()],
            flag_history: vec![Vec::new(); sc.flags.len()],
            counter_history: vec![Vec::new(); sc.counters.len()],
            systems: sc.systems.iter().map(|s| s.state).collect(),
            system_history: sc.systems.iter().map(|s| vec![(0, s.state)]).collect(),
            services: vec![ServiceState::default(); sc.services.len()],
            service_history: vec![Vec::new(); sc.services.len()],
            injects: vec![InjectState::default(); sc.injects.len()],
            feed: Vec::new(),
            decisions: vec![DecisionState::default(); sc.decisions.len()],
            pending: Vec::new(),
            deadlines: vec![DeadlineState::default(); sc.deadlines.len()],
            random_hits: vec![0; sc.random_events.len()],
            actions: vec![Default::default(); sc.actions.len()],
            acting: false,
            checks: vec![CheckState::default(); sc.checks.len()],
            deciding: None,
            queue: BTreeSet::new(),
            seq: 0,
            rng: ChaCha8Rng::seed_from_u64(seed),
            flavour,
            started_real: None,
            real_now: 0,
            paused_since: None,
            paused_total: 0,
            session: Default::default(),
            services_dirty: true,
            armed: Vec::new(),
            dirty: reads::ALL,
            ended_by_facilitator: false,
            hold: false,
            resume: None,
            held_ending: None,
            cache: Cache {
                paper: vec![None; sc.services.len()],
                since_roll: reads::ALL,
                roll: vec![None; sc.random_events.len()],
            },
        };
        Exercise {
            sc: scenario,
            seed,
            st,
            log: Vec::new(),
            applied: Vec::new(),
            applied_meta: Vec::new(),
            accepted: 0,
            eager: false,
            ratings: vec![None; objectives],
        }
    }

    /// Re-evaluates every condition after every change, instead of only those whose inputs
    /// changed. Slower; the results are identical (a test checks it).
    #[doc(hidden)]
    pub fn set_eager_conditions(&mut self, eager: bool) {
        self.eager = eager;
    }

    /// The scenario.
    pub fn scenario(&self) -> &Scenario {
        &self.sc
    }

    /// The scenario, shared.
    pub fn scenario_arc(&self) -> &Arc<Scenario> {
        &self.sc
    }

    /// The seed.
    pub fn seed(&self) -> u64 {
        self.seed
    }

    /// A text fingerprint of the whole state (including both random streams' positions):
    /// two exercises with equal fingerprints behave identically from here on.
    pub fn fingerprint(&self) -> String {
        // The set of conditions waiting for re-evaluation is a cache, not state.
        let mut st = self.st.clone();
        st.dirty = 0;
        st.cache = Cache::default();
        format!(
            "{:?}\nrng@{} flavour@{}\nlog {:?}",
            st,
            self.st.rng.get_word_pos(),
            self.st.flavour.get_word_pos(),
            self.log
        )
    }

    /// The state, read-only.
    pub fn state(&self) -> &State {
        &self.st
    }

    /// Where the exercise stands.
    pub fn status(&self) -> Status {
        self.st.status()
    }

    /// Scenario seconds since the start.
    pub fn now(&self) -> Secs {
        self.st.now
    }

    /// Whether the exercise has ended.
    pub fn is_over(&self) -> bool {
        matches!(self.st.mode, Mode::Ended(_))
    }

    /// The log of what the room did (choices, notes, overrides, undos...).
    pub fn log(&self) -> &[LogEntry] {
        &self.log
    }

    /// The evaluator's latest rating of each objective, if rated.
    pub fn evaluations(&self) -> &[Option<super::score::Evaluation>] {
        &self.ratings
    }

    /// Commands applied so far (undone ones are removed).
    pub fn applied(&self) -> &[(Command, RealMs)] {
        &self.applied
    }

    /// The entry numbers (1-based, as in the journal) of the commands in [`Self::applied`].
    pub fn applied_entries(&self) -> impl Iterator<Item = u64> + '_ {
        self.applied_meta.iter().map(|&(n, _)| n)
    }

    /// The command that [`Command::Undo`] would take back (with everything after it): the
    /// last choice, timeout, or clock command in which a scenario-time limit ran out, or
    /// phase skip.
    pub fn last_undoable(&self) -> Option<&Command> {
        let idx = self.applied_meta.iter().rposition(|&(_, u)| u)?;
        Some(&self.applied[idx].0)
    }

    /// Commands accepted so far, undos and rewinds included: the entry number of the last.
    pub fn accepted(&self) -> u64 {
        self.accepted
    }

    /// An ending reached while decisions were open, waiting for them to be answered or for
    /// [`Command::ConfirmEnding`].
    pub fn held_ending(&self) -> Option<u16> {
        self.st.held_ending
    }

    /// Open decisions, in the order they opened.
    pub fn pending(&self) -> &[u16] {
        &self.st.pending
    }

    /// Whether an option of a decision can be chosen now.
    pub fn option_status(&self, d: u16, o: u16) -> OptionStatus {
        let dec = &self.sc.decisions[d as usize];
        let opt = &dec.options[o as usize];
        match &opt.requires {
            Some(p) if !p.truth(&self.view()) => {
                OptionStatus::Unavailable(if opt.unavailable.is_empty() {
                    Unavailable::Requirement
                } else {
                    Unavailable::Authored(opt.unavailable.clone())
                })
            }
            _ => OptionStatus::Available,
        }
    }

    /// Whether several options of a decision can be taken together now (`sel` in file
    /// order): each option's `requires` holds once the effects of the options before it
    /// apply, and the decision's `within` holds once all of theirs do. Outcomes are not
    /// drawn for the check, and nothing of the exercise changes.
    pub fn selection_status(&self, d: u16, sel: &[u16]) -> OptionStatus {
        let dec = &self.sc.decisions[d as usize];
        if let [o] = sel
            && dec.pick.as_ref().is_none_or(|p| p.within.is_none())
        {
            return self.option_status(d, *o);
        }
        let mut trial = self.trial();
        let mut ev = Vec::new();
        for (k, &o) in sel.iter().enumerate() {
            if let OptionStatus::Unavailable(why) = trial.option_status(d, o) {
                let opt = &dec.options[o as usize];
                return OptionStatus::Unavailable(Unavailable::Option {
                    option: opt.id.clone(),
                    after: sel[..k]
                        .iter()
                        .map(|&p| dec.options[p as usize].id.clone())
                        .collect(),
                    why: Box::new(why),
                });
            }
            trial.st.deciding = Some(d);
            trial.apply_effects(&dec.options[o as usize].effects, 0, &mut ev);
        }
        match dec
            .pick
            .as_ref()
            .and_then(|p| p.within.as_ref().map(|w| (p, w)))
        {
            Some((p, w)) if !w.truth(&trial.view()) => {
                OptionStatus::Unavailable(if p.unavailable.is_empty() {
                    Unavailable::Within
                } else {
                    Unavailable::Authored(p.unavailable.clone())
                })
            }
            _ => OptionStatus::Available,
        }
    }

    /// A copy of the state to try effects on, without the history of commands.
    fn trial(&self) -> Exercise {
        Exercise {
            sc: Arc::clone(&self.sc),
            seed: self.seed,
            st: self.st.clone(),
            log: Vec::new(),
            applied: Vec::new(),
            applied_meta: Vec::new(),
            accepted: 0,
            eager: self.eager,
            ratings: Vec::new(),
        }
    }

    /// Real milliseconds left on a decision's real-time limit at `real`, if it has one and is open.
    pub fn real_time_left(&self, d: u16, real: RealMs) -> Option<i64> {
        let dec = &self.sc.decisions[d as usize];
        let limit = dec.timeout.as_ref()?.real? * 1000;
        let ds = &self.st.decisions[d as usize];
        let opened = ds.opened_real?;
        if ds.choice.is_some() {
            return None;
        }
        let paused = self.st.paused_ms(real).saturating_sub(ds.opened_paused);
        let spent = real.saturating_sub(opened).saturating_sub(paused);
        Some(limit - spent as i64)
    }

    /// Scenario seconds left on a decision's scenario-time limit, if it has one and is open.
    pub fn scenario_time_left(&self, d: u16) -> Option<Secs> {
        let dec = &self.sc.decisions[d as usize];
        let limit = dec.timeout.as_ref()?.scenario?;
        let ds = &self.st.decisions[d as usize];
        if ds.choice.is_some() {
            return None;
        }
        Some(ds.opened_at? + limit - self.st.now)
    }

    /// The next scheduled inject and its time, for the facilitator (never for players).
    pub fn upcoming(&self) -> Vec<(Secs, u16)> {
        let mut v: Vec<(Secs, u16)> = self.st.queue.iter().map(|&(t, _, i)| (t, i)).collect();
        for &(t, i) in &self.sc.index.timed {
            let s = &self.st.injects[i as usize];
            if t > self.st.now
                && s.fired_at.is_none()
                && s.scheduled.is_none()
                && !s.skipped
                && !s.prevented
                && !s.cancelled
            {
                v.push((t, i));
            }
        }
        v.sort();
        v.dedup();
        v
    }

    /// The start of the next phase, if any.
    pub fn next_phase_start(&self) -> Option<Secs> {
        self.sc
            .phases
            .get(self.st.phase as usize + 1)
            .map(|p| p.start)
    }

    pub(crate) fn view(&self) -> View<'_> {
        View {
            s: &self.st,
            sc: &self.sc,
        }
    }

    fn not_now(&self, what: &'static str) -> CommandError {
        let stage = match self.st.mode {
            Mode::Briefing => Stage::NotStarted,
            Mode::Running if self.st.paused => Stage::Paused,
            Mode::Running => Stage::Running,
            Mode::PhaseBreak(_) => Stage::PhaseBreak,
            Mode::Ended(_) => Stage::Ended,
        };
        CommandError::NotNow(Refusal::Stage {
            command: what,
            stage,
        })
    }

    /// Applies a command given at real time `real` (ms since the journal's start).
    /// On error nothing changes.
    pub fn apply(&mut self, cmd: Command, real: RealMs) -> Result<Vec<Event>, CommandError> {
        let real = real.max(self.st.real_now);
        let mut ev = Vec::with_capacity(16);
        self.check(&cmd)?;
        let before = self.st.real_now;
        let hold_before = self.st.hold;
        self.st.real_now = real;
        self.st.hold = false;
        let result = match &cmd {
            Command::Undo => self.undo(real, &mut ev),
            Command::Rewind { entry } => self.rewind(*entry, real, &mut ev),
            _ => self.perform(&cmd, real, &mut ev),
        };
        if let Err(e) = result {
            // Commands validate before changing anything; only the clock reading moved.
            self.st.real_now = before;
            self.st.hold = hold_before;
            return Err(e);
        }
        self.accepted += 1;
        if !matches!(cmd, Command::Undo | Command::Rewind { .. }) {
            // What the room or the clock decided: a choice, a timeout, a phase skip.
            let undoable = matches!(
                cmd,
                Command::Choose { .. }
                    | Command::Submit { .. }
                    | Command::Overrule { .. }
                    | Command::Timeout { .. }
                    | Command::NextPhase
                    | Command::Take { .. }
            ) || ev
                .iter()
                .any(|e| matches!(e, Event::OptionChosen { timeout: true, .. }));
            self.applied.push((cmd, real));
            self.applied_meta.push((self.accepted, undoable));
        }
        Ok(ev)
    }

    /// Refuses commands that do not fit the current state, before anything changes.
    fn check(&self, cmd: &Command) -> Result<(), CommandError> {
        let mode = self.st.mode;
        let ended = matches!(mode, Mode::Ended(_));
        match cmd {
            Command::Start { .. } if mode != Mode::Briefing => Err(self.not_now("start")),
            Command::Start { .. } => Ok(()),
            _ if mode == Mode::Briefing => Err(self.not_now(cmd.name())),
            Command::Note { .. }
            | Command::Undo
            | Command::Rewind { .. }
            | Command::Rate { .. } => Ok(()),
            _ if ended => Err(self.not_now(cmd.name())),
            Command::ConfirmEnding if self.st.held_ending.is_none() => {
                Err(CommandError::NotNow(Refusal::NoEndingHeld))
            }
            Command::Step | Command::NextInject | Command::NextPhase
                if self.st.held_ending.is_some() =>
            {
                Err(self.held_error())
            }
            Command::Step | Command::NextInject if matches!(mode, Mode::PhaseBreak(_)) => {
                Err(CommandError::NotNow(Refusal::AtPhaseBreak))
            }
            Command::Step | Command::NextInject | Command::NextPhase if self.st.paused => {
                Err(CommandError::NotNow(Refusal::Paused))
            }
            Command::NextPhase if mode == Mode::Running && self.next_phase_start().is_none() => {
                Err(CommandError::NotNow(Refusal::LastPhase))
            }
            Command::Pause if self.st.paused => Err(CommandError::NotNow(Refusal::AlreadyPaused)),
            Command::Resume if !self.st.paused => Err(CommandError::NotNow(Refusal::NotPaused)),
            _ => Ok(()),
        }
    }

    fn perform(
        &mut self,
        cmd: &Command,
        real: RealMs,
        ev: &mut Vec<Event>,
    ) -> Result<(), CommandError> {
        match cmd {
            Command::Start { params, session } => {
                let values = self.resolve_params(params)?;
                self.start(values, session.clone(), real, ev);
            }
            Command::Step => self.step(real, ev),
            Command::NextInject => {
                let fired = self.st.feed.len();
                for _ in 0..MAX_STEPS_PER_COMMAND {
                    self.step(real, ev);
                    if self.st.feed.len() > fired
                        || self.st.mode != Mode::Running
                        || self.st.resume.is_some()
                    {
                        break;
                    }
                }
            }
            Command::NextPhase => match self.st.mode {
                Mode::PhaseBreak(next) => self.begin_phase(next, real, ev),
                _ => {
                    for _ in 0..MAX_STEPS_PER_COMMAND {
                        self.step(real, ev);
                        if self.st.mode != Mode::Running || self.st.resume.is_some() {
                            break;
                        }
                    }
                }
            },
            Command::Choose {
                decision,
                option,
                team,
            } => {
                let (d, sel) = self.resolve_choice(decision, option)?;
                if let Some(t) = team {
                    let owner = &self.sc.teams[self.sc.decisions[d as usize].team as usize];
                    if *t != owner.id {
                        return Err(CommandError::Invalid(Refusal::WrongTeam {
                            decision: decision.clone(),
                            owner: owner.id.clone(),
                            team: t.clone(),
                        }));
                    }
                }
                self.check_selection(d, &sel, option)?;
                self.choose(d, &sel, false, real, ev);
            }
            Command::Vote {
                decision,
                option,
                team,
                voter,
                name,
            } => {
                let (d, sel) = self.resolve_choice(decision, option)?;
                self.check_owner(d, decision, team)?;
                self.check_selection(d, &sel, option)?;
                self.record(
                    real,
                    LogKind::Vote {
                        decision: d,
                        option: sel[0],
                        more: sel[1..].to_vec(),
                        voter: voter.clone(),
                        name: name.clone(),
                    },
                );
                ev.push(Event::VoteCast {
                    decision: d,
                    option: sel[0],
                });
            }
            Command::Submit {
                decision,
                option,
                team,
                by,
                name,
            } => {
                let (d, sel) = self.resolve_choice(decision, option)?;
                self.check_owner(d, decision, team)?;
                self.check_selection(d, &sel, option)?;
                self.record(
                    real,
                    LogKind::Submitted {
                        decision: d,
                        option: sel[0],
                        more: sel[1..].to_vec(),
                        by: by.clone(),
                        name: name.clone(),
                    },
                );
                self.choose(d, &sel, false, real, ev);
            }
            Command::Overrule {
                decision,
                option,
                reason,
            } => {
                let (d, sel) = self.resolve_choice(decision, option)?;
                if reason.trim().is_empty() {
                    return Err(CommandError::Invalid(Refusal::NoReason));
                }
                self.check_selection(d, &sel, option)?;
                self.record(
                    real,
                    LogKind::Overruled {
                        decision: d,
                        option: sel[0],
                        more: sel[1..].to_vec(),
                        reason: reason.clone(),
                    },
                );
                self.choose(d, &sel, false, real, ev);
            }
            Command::Timeout { decision } => {
                let d = self.open_decision(decision)?;
                let Some(t) = &self.sc.decisions[d as usize].timeout else {
                    return Err(CommandError::Invalid(Refusal::NoTimeLimit(
                        decision.clone(),
                    )));
                };
                let o = t.default;
                self.choose(d, &[o], true, real, ev);
            }
            Command::Pause => {
                self.st.paused = true;
                self.st.paused_since = Some(real);
                self.record(real, LogKind::Pause);
                ev.push(Event::Paused);
            }
            Command::Resume => {
                self.st.paused = false;
                if let Some(p) = self.st.paused_since.take() {
                    self.st.paused_total += real.saturating_sub(p);
                }
                self.record(real, LogKind::Resume);
                ev.push(Event::Resumed);
            }
            Command::Curveball { inject } => {
                let i = self
                    .sc
                    .inject_index(inject)
                    .ok_or_else(|| CommandError::Unknown {
                        kind: "inject",
                        id: inject.clone(),
                    })?;
                if self.st.injects[i as usize].fired_at.is_some()
                    && !self.sc.injects[i as usize].repeat
                {
                    return Err(CommandError::Invalid(Refusal::AlreadyFired(inject.clone())));
                }
                self.unschedule(i);
                self.record(real, LogKind::Curveball { inject: i });
                self.fire(i, true, real, ev);
                self.settle(real, ev);
            }
            Command::Take {
                action,
                team,
                by,
                name,
            } => {
                let who = super::actions::Taker {
                    team: team.as_deref(),
                    by,
                    name,
                };
                self.take_command(action, who, real, ev)?;
            }
            Command::SetMetric {
                metric,
                value,
                reason,
            }
            | Command::AdjustMetric {
                metric,
                delta: value,
                reason,
            } => {
                let m = self
                    .sc
                    .metric_index(metric)
                    .ok_or_else(|| CommandError::Unknown {
                        kind: "metric",
                        id: metric.clone(),
                    })?;
                if !value.is_finite() {
                    return Err(CommandError::Invalid(Refusal::NotFinite));
                }
                let from = self.st.metrics[m as usize];
                let target = if matches!(cmd, Command::SetMetric { .. }) {
                    *value
                } else {
                    from + value
                };
                let to = self.set_metric(m, target, &mut Vec::new());
                self.record(
                    real,
                    LogKind::Override {
                        metric: m,
                        from,
                        to,
                        reason: reason.clone(),
                    },
                );
                ev.push(Event::MetricOverridden {
                    metric: m,
                    from,
                    to,
                });
                self.settle(real, ev);
            }
            Command::Note { text } => {
                self.record(real, LogKind::Note { text: text.clone() });
                ev.push(Event::NoteAdded);
            }
            Command::Rate {
                objective,
                rating,
                note,
            } => {
                let o = self
                    .sc
                    .meta
                    .objectives
                    .iter()
                    .position(|x| x.id == *objective)
                    .ok_or_else(|| CommandError::Unknown {
                        kind: "objective",
                        id: objective.clone(),
                    })?;
                if *rating == super::score::Rating::NotRated {
                    return Err(CommandError::Invalid(Refusal::NoRating));
                }
                self.ratings[o] = Some(super::score::Evaluation {
                    rating: *rating,
                    note: note.clone(),
                    at: self.st.now,
                    real,
                });
                self.record(
                    real,
                    LogKind::Rated {
                        objective: o as u16,
                        rating: *rating,
                        note: note.clone(),
                    },
                );
                ev.push(Event::ObjectiveRated {
                    objective: o as u16,
                });
            }
            Command::ConfirmEnding => {
                if let Some(e) = self.st.held_ending {
                    self.record(real, LogKind::EndingConfirmed { ending: e });
                    self.finish(e, ev);
                }
            }
            Command::EndNow { reason } => {
                self.record(
                    real,
                    LogKind::EndedByFacilitator {
                        reason: reason.clone(),
                    },
                );
                self.st.ended_by_facilitator = true;
                let e = self.sc.default_ending;
                self.finish(e, ev);
            }
            Command::Undo | Command::Rewind { .. } => unreachable!("handled by apply"),
        }
        Ok(())
    }

    fn resolve_params(
        &self,
        given: &std::collections::BTreeMap<String, ParamSetting>,
    ) -> Result<Vec<ParamValue>, CommandError> {
        let mut values: Vec<ParamValue> =
            self.sc.params.iter().map(|p| p.default.clone()).collect();
        for (id, v) in given {
            let i = self
                .sc
                .param_index(id)
                .ok_or_else(|| CommandError::Unknown {
                    kind: "parameter",
                    id: id.clone(),
                })?;
            let p = &self.sc.params[i as usize];
            values[i as usize] = match (v, &p.kind) {
                (ParamSetting::Bool(b), ParamKind::Bool) => ParamValue::Bool(*b),
                (ParamSetting::Num(n), ParamKind::Number { min, max }) if n >= min && n <= max => {
                    ParamValue::Num(*n)
                }
                (ParamSetting::Choice(c), ParamKind::Choice(list)) => list
                    .iter()
                    .position(|x| x == c)
                    .map(|i| ParamValue::Choice(i as u16))
                    .ok_or_else(|| {
                        CommandError::Invalid(Refusal::NotOneOf {
                            parameter: id.clone(),
                            choices: list.clone(),
                        })
                    })?,
                (ParamSetting::Choice(text), _) => p
                    .parse(text)
                    .map_err(|e| CommandError::Invalid(Refusal::BadValue(e)))?,
                _ => {
                    return Err(CommandError::Invalid(Refusal::WrongKind {
                        parameter: id.clone(),
                        value: format!("{v:?}"),
                    }));
                }
            };
        }
        Ok(values)
    }

    /// An open decision and the options a command names: one option id, or several joined
    /// by `+` for a decision with `pick`, returned in file order.
    fn resolve_choice(
        &self,
        decision: &str,
        option: &str,
    ) -> Result<(u16, Vec<u16>), CommandError> {
        let d = self.open_decision(decision)?;
        let dec = &self.sc.decisions[d as usize];
        let mut sel = Vec::new();
        for id in option.split('+').map(str::trim) {
            let o = dec.options.iter().position(|o| o.id == id).ok_or_else(|| {
                CommandError::Unknown {
                    kind: "option",
                    id: format!("{decision}.{id}"),
                }
            })? as u16;
            if sel.contains(&o) {
                return Err(CommandError::Invalid(Refusal::NamedTwice(id.to_string())));
            }
            sel.push(o);
        }
        sel.sort_unstable();
        let (min, max) = dec.pick_limits();
        let n = sel.len();
        if n < min as usize || n > max as usize {
            return Err(CommandError::Invalid(Refusal::Count {
                decision: decision.to_string(),
                min,
                max,
                given: n,
            }));
        }
        Ok((d, sel))
    }

    /// Refuses a selection that cannot be taken now, naming the option or the reason.
    fn check_selection(&self, d: u16, sel: &[u16], option: &str) -> Result<(), CommandError> {
        match self.selection_status(d, sel) {
            OptionStatus::Available => Ok(()),
            OptionStatus::Unavailable(why) => Err(CommandError::Invalid(Refusal::Unavailable {
                options: option.to_string(),
                together: sel.len() > 1,
                why,
            })),
        }
    }

    /// Refuses a seat's command on a decision another team owns.
    fn check_owner(&self, d: u16, decision: &str, team: &str) -> Result<(), CommandError> {
        let owner = &self.sc.teams[self.sc.decisions[d as usize].team as usize];
        if owner.id != team {
            return Err(CommandError::Invalid(Refusal::WrongTeam {
                decision: decision.to_string(),
                owner: owner.id.clone(),
                team: team.to_string(),
            }));
        }
        Ok(())
    }

    fn open_decision(&self, decision: &str) -> Result<u16, CommandError> {
        let d = self
            .sc
            .decision_index(decision)
            .ok_or_else(|| CommandError::Unknown {
                kind: "decision",
                id: decision.to_string(),
            })?;
        let ds = &self.st.decisions[d as usize];
        if ds.opened_at.is_none() {
            return Err(CommandError::NotNow(Refusal::DecisionNotOpen(
                decision.to_string(),
            )));
        }
        if ds.choice.is_some() {
            return Err(CommandError::NotNow(Refusal::DecisionTaken(
                decision.to_string(),
            )));
        }
        Ok(d)
    }

    pub(crate) fn record(&mut self, real: RealMs, kind: LogKind) {
        self.log.push(LogEntry {
            at: self.st.now,
            real,
            kind,
        });
    }

    fn start(
        &mut self,
        values: Vec<ParamValue>,
        session: super::SessionInfo,
        real: RealMs,
        ev: &mut Vec<Event>,
    ) {
        self.st.param_f = values.iter().map(ParamValue::as_f64).collect();
        self.st.params = values;
        self.st.session = session;
        self.st.started_real = Some(real);
        let sc = Arc::clone(&self.sc);
        for (i, m) in sc.metrics.iter().enumerate() {
            let v = m.start.eval(&self.view()).clamp(m.min, m.max);
            self.st.metrics[i] = v;
            self.st.history[i].push((0, v));
        }
        for (i, f) in sc.flags.iter().enumerate() {
            let v = f.start.truth(&self.view());
            self.st.flags[i] = v;
            self.st.flag_history[i].push((0, v));
        }
        for (i, c) in sc.counters.iter().enumerate() {
            let v = c.start.eval(&self.view()).round();
            self.st.counters[i] = v;
            self.st.counter_history[i].push((0, v));
        }
        for &(t, i) in &sc.index.timed {
            self.enqueue(i, t);
        }
        self.st.armed = sc.index.conditional.clone();
        self.st.mode = Mode::Running;
        self.st.phase = 0;
        self.record(real, LogKind::Started);
        ev.push(Event::Started);
        ev.push(Event::PhaseBegan { phase: 0 });
        self.enter_phase(0, real, ev);
        self.update_services(ev);
        self.settle(real, ev);
    }

    fn begin_phase(&mut self, next: u16, real: RealMs, ev: &mut Vec<Event>) {
        self.st.phase = next;
        self.st.dirty |= reads::PHASE;
        self.st.mode = Mode::Running;
        self.record(real, LogKind::PhaseBegan { phase: next });
        ev.push(Event::PhaseBegan { phase: next });
        self.enter_phase(next, real, ev);
        if self.is_over() {
            return;
        }
        self.process_due(self.st.now, real, ev);
    }

    /// Advances the clock by one step of the current phase, stopping at a phase break or the end.
    ///
    /// A decision that opens part-way stops the step at that instant (see [`Resume`]); the next
    /// clock command finishes the same step (same target, random events not yet rolled).
    fn step(&mut self, real: RealMs, ev: &mut Vec<Event>) {
        if self.st.mode != Mode::Running {
            return;
        }
        let sc = Arc::clone(&self.sc);
        let end = sc.clock.end;
        let (target, first_roll) = match self.st.resume.take() {
            Some(r) => (r.target, r.next_roll),
            None => {
                let phase_step = sc.phases[self.st.phase as usize].step;
                ((self.st.now + phase_step).min(end), 0)
            }
        };
        let target = match self.next_phase_start() {
            Some(p) if p <= target => p,
            _ => target,
        };
        let boundary = self.next_phase_start() == Some(target);
        let interrupted = |this: &mut Self, next_roll: usize| {
            if this.st.hold && this.st.mode == Mode::Running {
                this.st.resume = Some(Resume { target, next_roll });
                true
            } else {
                false
            }
        };
        // Everything due strictly before the target, in time order.
        while let Some(t) = self.next_due() {
            if t >= target {
                break;
            }
            if t > self.st.now {
                ev.push(Event::ClockAdvanced {
                    from: self.st.now,
                    to: t,
                });
                self.st.now = t;
                self.st.dirty |= reads::TIME;
            }
            self.process_due(self.st.now, real, ev);
            if interrupted(self, 0) || self.st.mode != Mode::Running {
                return;
            }
        }
        if target > self.st.now {
            ev.push(Event::ClockAdvanced {
                from: self.st.now,
                to: target,
            });
        }
        if self.st.now != target {
            self.st.dirty |= reads::TIME;
        }
        self.st.now = target;
        if boundary {
            self.st.mode = Mode::PhaseBreak(self.st.phase + 1);
            ev.push(Event::PhaseBreak {
                next: self.st.phase + 1,
            });
            return;
        }
        self.process_due(target, real, ev);
        if interrupted(self, first_roll) || self.st.mode != Mode::Running {
            return;
        }
        if let Some(next) = self.roll_random_events(first_roll, real, ev)
            && interrupted(self, next)
        {
            return;
        }
        if self.st.mode == Mode::Running && self.st.now >= end {
            let e = sc.default_ending;
            self.end(e, ev);
            interrupted(self, first_roll);
        }
    }

    /// The earliest time-driven thing still to happen: a queued inject, a deadline,
    /// a scenario-time decision limit or a check window closing.
    fn next_due(&self) -> Option<Secs> {
        let mut t = self.st.queue.first().map(|&(t, _, _)| t);
        let mut min = |x: Secs| t = Some(t.map_or(x, |y| y.min(x)));
        for d in &self.st.deadlines {
            if d.active()
                && let Some(due) = d.due
            {
                min(due);
            }
        }
        for &d in &self.st.pending {
            if let Some(left) = self.scenario_time_left(d) {
                min(self.st.now + left.max(0));
            }
        }
        for (i, c) in self.sc.checks.iter().enumerate() {
            if let Some(end) = self.check_window_end(i, c)
                && self.st.checks[i].met.is_none()
                && self.st.checks[i].missed.is_none()
            {
                min(end);
            }
        }
        t
    }

    fn check_window_end(&self, _i: usize, c: &crate::scenario::compiled::Check) -> Option<Secs> {
        let within = c.within?;
        let from = match c.from {
            Some(i) => self.st.injects[i as usize].fired_at?,
            None => 0,
        };
        Some(from + within)
    }

    /// Handles everything due at or before `t`: queued injects, deadlines, timeouts, windows.
    pub(crate) fn process_due(&mut self, t: Secs, real: RealMs, ev: &mut Vec<Event>) {
        while let Some(&(when, seq, i)) = self.st.queue.first() {
            if when > t {
                break;
            }
            self.st.queue.remove(&(when, seq, i));
            self.st.injects[i as usize].scheduled = None;
            self.fire(i, false, real, ev);
            if self.is_over() {
                return;
            }
        }
        for d in 0..self.st.deadlines.len() {
            let ds = self.st.deadlines[d];
            if ds.active() && ds.due.is_some_and(|due| due <= t) {
                self.st.deadlines[d].missed = ds.due;
                self.st.dirty |= reads::DEADLINES;
                ev.push(Event::DeadlineMissed { deadline: d as u16 });
                let sc = Arc::clone(&self.sc);
                self.apply_effects(&sc.deadlines[d].on_missed, real, ev);
                if self.is_over() {
                    return;
                }
            }
        }
        let pending = self.st.pending.clone();
        for d in pending {
            if self.scenario_time_left(d).is_some_and(|left| left <= 0) {
                let o = self.sc.decisions[d as usize]
                    .timeout
                    .as_ref()
                    .map(|t| t.default)
                    .unwrap_or(0);
                self.choose(d, &[o], true, real, ev);
                if self.is_over() {
                    return;
                }
            }
        }
        self.settle(real, ev);
        self.close_checks(false, ev);
    }

    /// Marks checks missed whose window has closed (or, at the end, every undecided check).
    pub(crate) fn close_checks(&mut self, at_end: bool, ev: &mut Vec<Event>) {
        let sc = Arc::clone(&self.sc);
        for (i, c) in sc.checks.iter().enumerate() {
            let cs = self.st.checks[i];
            if cs.met.is_some() || cs.missed.is_some() {
                continue;
            }
            match (c.within, self.check_window_end(i, c)) {
                (Some(_), Some(end))
                    if end < self.st.now
                        || at_end
                        || (end == self.st.now && !c.when.truth(&self.view())) =>
                {
                    self.st.checks[i].missed = Some(end.min(self.st.now));
                    ev.push(Event::CheckMissed { check: i as u16 });
                }
                (None, _) if at_end => {
                    if c.when.truth(&self.view()) {
                        // Evidence dates from when the condition began to hold, not from now.
                        self.st.checks[i].met = Some(cs.holds_since.unwrap_or(self.st.now));
                        ev.push(Event::CheckMet { check: i as u16 });
                    } else {
                        self.st.checks[i].missed = Some(self.st.now);
                        ev.push(Event::CheckMissed { check: i as u16 });
                    }
                }
                _ => {}
            }
        }
    }

    pub(crate) fn enqueue(&mut self, i: u16, at: Secs) {
        let s = &self.st.injects[i as usize];
        if s.fired_at.is_some() || s.scheduled.is_some() || s.skipped || s.cancelled || s.prevented
        {
            return;
        }
        let seq = self.st.seq;
        self.st.seq += 1;
        let at = at.max(self.st.now);
        self.st.queue.insert((at, seq, i));
        self.st.injects[i as usize].scheduled = Some((at, seq));
    }

    pub(crate) fn unschedule(&mut self, i: u16) {
        self.st.injects[i as usize].by_condition = false;
        if let Some((t, seq)) = self.st.injects[i as usize].scheduled.take() {
            self.st.queue.remove(&(t, seq, i));
        }
    }

    /// Fires an inject now (after its chance roll, unless it is a curveball).
    pub(crate) fn fire(&mut self, i: u16, curveball: bool, real: RealMs, ev: &mut Vec<Event>) {
        let sc = Arc::clone(&self.sc);
        let inj = &sc.injects[i as usize];
        if self.st.injects[i as usize].fired_at.is_some() {
            if curveball && inj.repeat {
                self.fire_again(i, real, ev);
            }
            return;
        }
        if !curveball
            && std::mem::take(&mut self.st.injects[i as usize].by_condition)
            && let Trigger::When(p) = &inj.trigger
            && !p.truth(&self.view())
        {
            // Its condition no longer holds: it waits for it again, in file order.
            let k = self.st.armed.partition_point(|&x| x < i);
            self.st.armed.insert(k, i);
            ev.push(Event::InjectPrevented {
                inject: i,
                reason: Prevention::ConditionLapsed,
            });
            return;
        }
        if !curveball
            && let Some(g) = &inj.unless
            && g.truth(&self.view())
        {
            self.st.injects[i as usize].prevented = true;
            ev.push(Event::InjectPrevented {
                inject: i,
                reason: Prevention::Guard,
            });
            return;
        }
        if !curveball && let Some(p) = &inj.chance {
            let chance = p.eval(&self.view());
            let roll = super::apply::roll(&mut self.st.rng);
            if roll >= chance {
                self.st.injects[i as usize].skipped = true;
                ev.push(Event::InjectSkipped { inject: i });
                return;
            }
        }
        let now = self.st.now;
        let s = &mut self.st.injects[i as usize];
        s.fired_at = Some(now);
        s.fired_real = Some(real);
        s.curveball = curveball;
        self.st.dirty |= reads::INJECTS | reads::DECISIONS;
        self.st.feed.push(i);
        ev.push(Event::InjectFired {
            inject: i,
            curveball,
        });
        self.apply_effects(&inj.effects, real, ev);
        if let Some(d) = inj.decision
            && !self.is_over()
        {
            let paused = self.st.paused_ms(real);
            let ds = &mut self.st.decisions[d as usize];
            ds.opened_at = Some(now);
            ds.opened_real = Some(real);
            ds.opened_paused = paused;
            self.st.pending.push(d);
            self.st.hold = true;
            ev.push(Event::DecisionOpened { decision: d });
        }
        for &c in &sc.index.after_inject[i as usize] {
            let delay = sc.injects[c as usize].delay;
            self.enqueue(c, now + delay);
        }
    }

    /// Fires a repeatable curveball again: a new feed entry and its effects once more.
    /// `fired(...)`, the injects chained `after` it and check windows `from` it keep to its
    /// first firing; it carries no decision (the validator sees to that).
    fn fire_again(&mut self, i: u16, real: RealMs, ev: &mut Vec<Event>) {
        let sc = Arc::clone(&self.sc);
        let now = self.st.now;
        self.st.injects[i as usize].repeats.push(now);
        self.st.dirty |= reads::INJECTS;
        self.st.feed.push(i);
        ev.push(Event::InjectFired {
            inject: i,
            curveball: true,
        });
        self.apply_effects(&sc.injects[i as usize].effects, real, ev);
    }

    /// Applies the effects of a phase's `on_enter`, once, as the phase begins.
    fn enter_phase(&mut self, phase: u16, real: RealMs, ev: &mut Vec<Event>) {
        let sc = Arc::clone(&self.sc);
        let effects = &sc.phases[phase as usize].on_enter;
        if !effects.is_empty() && !self.is_over() {
            self.apply_effects(effects, real, ev);
        }
    }

    /// Takes a decision with the options `sel` (in file order; one unless the decision has
    /// `pick`): each option's effects in order, then each one's outcome, follow-ups and
    /// chained injects, then settles.
    pub(crate) fn choose(
        &mut self,
        d: u16,
        sel: &[u16],
        timeout: bool,
        real: RealMs,
        ev: &mut Vec<Event>,
    ) {
        let sc = Arc::clone(&self.sc);
        let dec = &sc.decisions[d as usize];
        self.st.pending.retain(|&x| x != d);
        self.st.dirty |= reads::DECISIONS;
        for &o in sel {
            ev.push(Event::OptionChosen {
                decision: d,
                option: o,
                timeout,
            });
            self.st.deciding = Some(d);
            self.apply_effects(&dec.options[o as usize].effects, real, ev);
            self.st.deciding = None;
        }
        let picked: Vec<(u16, Option<u16>)> = sel
            .iter()
            .map(|&o| (o, self.draw_outcome(&dec.options[o as usize].outcomes)))
            .collect();
        let (o, outcome) = picked[0];
        let more = picked[1..].to_vec();
        let paused_now = self.st.paused_ms(real);
        let ds = &mut self.st.decisions[d as usize];
        let opened_at = ds.opened_at.unwrap_or(self.st.now);
        let opened_real = ds.opened_real.unwrap_or(real);
        let paused = paused_now.saturating_sub(ds.opened_paused);
        ds.choice = Some(super::state::ChoiceRecord {
            option: o,
            outcome,
            more: more.clone(),
            at: self.st.now,
            real,
            timeout,
        });
        self.record(
            real,
            LogKind::Choice {
                decision: d,
                option: o,
                outcome,
                more,
                timeout,
                took_real: real.saturating_sub(opened_real).saturating_sub(paused),
                took_scenario: self.st.now - opened_at,
            },
        );
        let now = self.st.now;
        for &(o, outcome) in &picked {
            let Some(k) = outcome else { continue };
            ev.push(Event::OutcomeDrawn {
                decision: d,
                option: o,
                outcome: k,
            });
            let oc = &dec.options[o as usize].outcomes[k as usize];
            self.st.deciding = Some(d);
            self.apply_effects(&oc.effects, real, ev);
            self.st.deciding = None;
            for &f in &oc.follow_up {
                self.enqueue(f, now + sc.injects[f as usize].delay);
            }
        }
        for &o in sel {
            for &f in &dec.options[o as usize].follow_up {
                self.enqueue(f, now + sc.injects[f as usize].delay);
            }
            for &c in &sc.index.after_option[d as usize][o as usize] {
                self.enqueue(c, now + sc.injects[c as usize].delay);
            }
        }
        self.process_due(now, real, ev);
        // An ending that waited for the open decisions comes once the last is answered.
        if let Some(e) = self.st.held_ending
            && self.st.pending.is_empty()
            && !self.is_over()
        {
            self.finish(e, ev);
        }
    }

    /// Re-evaluates conditions until nothing changes: queued injects due now, conditional
    /// injects, service capacities, checks and endings.
    pub(crate) fn settle(&mut self, real: RealMs, ev: &mut Vec<Event>) {
        let sc = Arc::clone(&self.sc);
        for _ in 0..=sc.injects.len() + 1 {
            if self.is_over() {
                return;
            }
            let mut progressed = false;
            while let Some(&(when, seq, i)) = self.st.queue.first() {
                if when > self.st.now {
                    break;
                }
                self.st.queue.remove(&(when, seq, i));
                self.st.injects[i as usize].scheduled = None;
                self.fire(i, false, real, ev);
                progressed = true;
                if self.is_over() {
                    return;
                }
            }
            if self.eager {
                self.st.dirty = reads::ALL;
            }
            self.update_services(ev);
            // Conditions are re-evaluated only when a part of the state they read changed.
            let dirty = self.st.dirty;
            // Conditional injects still waiting for their condition, in file order.
            let mut k = 0;
            while k < self.st.armed.len() {
                let i = self.st.armed[k];
                let s = &self.st.injects[i as usize];
                if s.fired_at.is_some()
                    || s.scheduled.is_some()
                    || s.skipped
                    || s.cancelled
                    || s.prevented
                {
                    self.st.armed.remove(k);
                    continue;
                }
                if let Trigger::When(p) = &sc.injects[i as usize].trigger
                    && p.reads() & dirty != 0
                    && p.truth(&self.view())
                {
                    let at = self.st.now + sc.injects[i as usize].delay;
                    self.enqueue(i, at);
                    self.st.injects[i as usize].by_condition = true;
                    self.st.armed.remove(k);
                    progressed = true;
                    continue;
                }
                k += 1;
            }
            self.update_checks(dirty, ev);
            for &e in &sc.index.conditional_endings {
                if let Some(p) = &sc.endings[e as usize].when
                    && p.reads() & dirty != 0
                    && p.truth(&self.view())
                {
                    self.end(e, ev);
                    return;
                }
            }
            if !progressed {
                self.st.cache.since_roll |= self.st.dirty;
                self.st.dirty = 0;
                return;
            }
        }
    }

    fn update_checks(&mut self, dirty: u16, ev: &mut Vec<Event>) {
        let sc = Arc::clone(&self.sc);
        for (i, c) in sc.checks.iter().enumerate() {
            let cs = self.st.checks[i];
            if cs.met.is_some() || cs.missed.is_some() {
                continue;
            }
            if c.within.is_none() {
                // Judged at the end; meanwhile, remember since when the condition holds.
                if c.when.reads() & dirty != 0 {
                    let holds = c.when.truth(&self.view());
                    let since = &mut self.st.checks[i].holds_since;
                    match (holds, *since) {
                        (true, None) => *since = Some(self.st.now),
                        (false, Some(_)) => *since = None,
                        _ => {}
                    }
                }
                continue;
            }
            let Some(end) = self.check_window_end(i, c) else {
                continue;
            };
            // A window opens when its `from` inject fires; inside it, the condition can only
            // change when something it reads changes.
            if self.st.now <= end
                && (c.when.reads() | reads::INJECTS) & dirty != 0
                && c.when.truth(&self.view())
            {
                self.st.checks[i].met = Some(self.st.now);
                ev.push(Event::CheckMet { check: i as u16 });
            }
        }
    }

    /// Rolls the random events from the `first`-th on; returns the index of the next one
    /// still to roll when a decision opened (or an ending came) part-way.
    fn roll_random_events(
        &mut self,
        first: usize,
        real: RealMs,
        ev: &mut Vec<Event>,
    ) -> Option<usize> {
        let sc = Arc::clone(&self.sc);
        // Every roll evaluates `when` and `chance` afresh. Caching them by the parts of the
        // state they read missed a change after an undo between two curveballs (a case in
        // tests/engine_props.rs), and they are cheap next to a step.
        self.st.cache.since_roll = 0;
        let mut changed = reads::ALL;
        for (i, r) in sc.random_events.iter().enumerate().skip(first) {
            if r.once && self.st.random_hits[i] > 0 {
                continue;
            }
            // `when` and `chance` are evaluated again only when something they read changed.
            let reads = r.when.as_ref().map_or(0, |w| w.reads()) | r.chance.reads();
            let (when, chance) = match self.st.cache.roll[i] {
                Some(cached) if reads & changed == 0 => cached,
                _ => {
                    let when = r.when.as_ref().is_none_or(|w| w.truth(&self.view()));
                    let chance = if when {
                        r.chance.eval(&self.view())
                    } else {
                        0.0
                    };
                    self.st.cache.roll[i] = Some((when, chance));
                    (when, chance)
                }
            };
            if !when || chance <= 0.0 {
                continue;
            }
            let roll = super::apply::roll(&mut self.st.rng);
            if roll < chance {
                self.st.random_hits[i] += 1;
                ev.push(Event::RandomEvent { event: i as u16 });
                self.apply_effects(&r.effects, real, ev);
                self.settle(real, ev);
                // What the event changed is seen by the events after it, and by every event
                // at the next roll.
                changed |= self.st.cache.since_roll;
                if self.is_over() || self.st.hold {
                    // What the rest of the roll would have seen is left for the next one.
                    self.st.cache.since_roll |= changed;
                    return Some(i + 1);
                }
            }
        }
        None
    }

    /// Reaches an ending, unless decisions are open: then the ending waits for them (it is
    /// held) and nothing more happens in this command.
    pub(crate) fn end(&mut self, e: u16, ev: &mut Vec<Event>) {
        if self.is_over() {
            return;
        }
        if !self.st.pending.is_empty() {
            if self.st.held_ending.is_none() {
                self.st.held_ending = Some(e);
                ev.push(Event::EndingHeld { ending: e });
            }
            self.st.hold = true;
            return;
        }
        self.finish(e, ev);
    }

    /// Ends the exercise now, whatever is open.
    fn finish(&mut self, e: u16, ev: &mut Vec<Event>) {
        if self.is_over() {
            return;
        }
        self.st.held_ending = None;
        self.close_checks(true, ev);
        self.st.mode = Mode::Ended(e);
        self.st.pending.clear();
        ev.push(Event::Ended { ending: e });
    }

    fn held_error(&self) -> CommandError {
        let e = self.st.held_ending.unwrap_or(self.sc.default_ending);
        let open: Vec<String> = self
            .st
            .pending
            .iter()
            .map(|&d| self.sc.decisions[d as usize].id.clone())
            .collect();
        CommandError::NotNow(Refusal::EndingHeld {
            ending: self.sc.endings[e as usize].id.clone(),
            open,
        })
    }

    /// Undoes the last thing the room or the clock decided (a choice, a timeout of either
    /// kind, a phase skip) by rebuilding the state from the commands before it.
    fn undo(&mut self, real: RealMs, ev: &mut Vec<Event>) -> Result<(), CommandError> {
        let idx = self
            .applied_meta
            .iter()
            .rposition(|&(_, undoable)| undoable)
            .ok_or(CommandError::NotNow(Refusal::NothingToUndo))?;
        // The decision it took, if any (a choice, or the first timeout of a clock command).
        let taken = match &self.applied[idx].0 {
            Command::Choose { decision, .. }
            | Command::Submit { decision, .. }
            | Command::Overrule { decision, .. }
            | Command::Timeout { decision } => self.sc.decision_index(decision),
            _ => None,
        };
        let entry = self.applied_meta[idx].0;
        let undone = (self.applied.len() - idx) as u64;
        let before: Vec<Option<u16>> = self
            .st
            .decisions
            .iter()
            .map(|d| d.choice.as_ref().map(|c| c.option))
            .collect();
        self.rebuild(idx, real)?;
        let taken = taken.or_else(|| {
            // A clock command: the decisions it closed by timeout, first in scenario order.
            (0..before.len())
                .find(|&d| {
                    before[d].is_some_and(|_| self.st.decisions[d].choice.is_none())
                        && self.st.decisions[d].opened_at.is_some()
                })
                .map(|d| d as u16)
        });
        match taken {
            Some(d) => {
                let option = before[d as usize].unwrap_or(0);
                self.record(
                    real,
                    LogKind::Undo {
                        decision: d,
                        option,
                    },
                );
                ev.push(Event::Undone {
                    decision: d,
                    option,
                });
            }
            None => {
                self.record(real, LogKind::Rewind { entry, undone });
                ev.push(Event::Rewound { entry, undone });
            }
        }
        Ok(())
    }

    /// Returns to the moment just before journal entry `entry`.
    fn rewind(
        &mut self,
        entry: u64,
        real: RealMs,
        ev: &mut Vec<Event>,
    ) -> Result<(), CommandError> {
        let idx = self
            .applied_meta
            .iter()
            .position(|&(n, _)| n == entry)
            .ok_or(CommandError::Invalid(Refusal::NotInForce(entry)))?;
        if idx == 0 {
            return Err(CommandError::Invalid(Refusal::BeforeStart));
        }
        let undone = (self.applied.len() - idx) as u64;
        self.rebuild(idx, real)?;
        self.record(real, LogKind::Rewind { entry, undone });
        ev.push(Event::Rewound { entry, undone });
        Ok(())
    }

    /// Rebuilds the state from the first `keep` applied commands, keeping the log and the
    /// session's real-time pause accounting.
    fn rebuild(&mut self, keep: usize, real: RealMs) -> Result<(), CommandError> {
        let mut fresh = Exercise::new(Arc::clone(&self.sc), self.seed);
        fresh.eager = self.eager;
        for (c, r) in &self.applied[..keep] {
            fresh.apply(c.clone(), *r)?;
        }
        // The world returns to before the command; the log (notes included) and the
        // real-time pause accounting of the session are kept.
        let (paused, since, total) = (self.st.paused, self.st.paused_since, self.st.paused_total);
        self.st = fresh.st;
        self.st.real_now = real;
        (self.st.paused, self.st.paused_since, self.st.paused_total) = (paused, since, total);
        self.applied.truncate(keep);
        self.applied_meta.truncate(keep);
        Ok(())
    }
}
