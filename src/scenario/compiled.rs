//! The compiled scenario: validated, with every reference resolved to an index and every
//! expression compiled. This is what the engine runs; it never looks a name up by string.

use chrono::NaiveDateTime;

use super::expr::effects::Effect;
use super::expr::vm::Program;
use super::model::{Channel, DeadlineKind, Good, OptionOrder, ParamKind, Severity, SystemState};
use super::time::Secs;

/// A scenario ready to run.
#[derive(Clone, Debug)]
pub struct Scenario {
    /// Title, summary, objectives, sources.
    pub meta: Meta,
    /// `sha256:` hash of the file's bytes; journals record it to detect changed files.
    pub hash: String,
    /// `sha256:` hash of the translation file's bytes when the texts come from one
    /// (`meta.language` is then the translation's); journals record it too.
    pub translation_hash: Option<String>,
    /// Teams.
    pub teams: Vec<Team>,
    /// The characters who send injects (may be empty).
    pub cast: Vec<Character>,
    /// The clock.
    pub clock: Clock,
    /// Phases, in start order (at least one).
    pub phases: Vec<Phase>,
    /// Parameters set at the briefing.
    pub params: Vec<Param>,
    /// Metrics.
    pub metrics: Vec<Metric>,
    /// Flags.
    pub flags: Vec<Named>,
    /// Counters.
    pub counters: Vec<Counter>,
    /// IT systems.
    pub systems: Vec<System>,
    /// Clinical services.
    pub services: Vec<Service>,
    /// Injects.
    pub injects: Vec<Inject>,
    /// Decisions (each belongs to one inject).
    pub decisions: Vec<Decision>,
    /// Repeatable actions.
    pub actions: Vec<Action>,
    /// Deadlines.
    pub deadlines: Vec<Deadline>,
    /// Random events.
    pub random_events: Vec<RandomEvent>,
    /// Endings.
    pub endings: Vec<Ending>,
    /// The ending used when the clock runs out.
    pub default_ending: u16,
    /// Whether the exercise has a score (`scoring: None` makes a discussion exercise:
    /// checks, deadlines and ratings, no score and no grade).
    pub scored: bool,
    /// Grade bands, highest `min` first.
    pub grades: Vec<Grade>,
    /// Best-practice checks.
    pub checks: Vec<Check>,
    /// Indexes derived for the engine.
    pub index: Index,
}

/// Descriptive metadata.
#[derive(Clone, Debug, Default)]
pub struct Meta {
    /// Stable identifier.
    pub id: String,
    /// Title.
    pub title: String,
    /// Summary paragraph.
    pub summary: String,
    /// Language tag.
    pub language: String,
    /// Authors.
    pub authors: Vec<String>,
    /// The scenario's version.
    pub version: String,
    /// Estimated real duration of a session.
    pub duration: Option<Secs>,
    /// The situation.
    pub setting: String,
    /// How the exercise is played.
    pub how_to_play: String,
    /// Objectives.
    pub objectives: Vec<Objective>,
    /// Sources.
    pub sources: Vec<Source>,
}

/// An exercise objective.
#[derive(Clone, Debug)]
pub struct Objective {
    /// Identifier.
    pub id: String,
    /// Text.
    pub text: String,
    /// HSEEP core capability.
    pub capability: String,
    /// Critical tasks.
    pub tasks: Vec<CriticalTask>,
}

/// A critical task of an objective.
#[derive(Clone, Debug)]
pub struct CriticalTask {
    /// Identifier.
    pub id: String,
    /// Text.
    pub text: String,
    /// Checks that evidence it.
    pub checks: Vec<u16>,
    /// Capability target (may be empty).
    pub target: String,
}

/// A public source.
#[derive(Clone, Debug)]
pub struct Source {
    /// Title.
    pub title: String,
    /// URL.
    pub url: String,
    /// What the scenario takes from it.
    pub note: String,
}

/// A team.
#[derive(Clone, Debug)]
pub struct Team {
    /// Identifier.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Responsibilities.
    pub description: String,
}

/// A character of the cast. `notes` and `secrets` are for the facilitator only.
#[derive(Clone, Debug)]
pub struct Character {
    /// Identifier.
    pub id: String,
    /// Name.
    pub name: String,
    /// Role (may be empty).
    pub role: String,
    /// Organisation (may be empty).
    pub organisation: String,
    /// How to play the character (facilitator only).
    pub notes: String,
    /// What the character knows and keeps back (facilitator only).
    pub secrets: Vec<String>,
}

impl Character {
    /// The sender shown to the teams: `Name (Role, Organisation)`, or just the name; with
    /// full-width brackets and comma (`名字（职务，机构）`) when the role or organisation is
    /// written in Chinese or Japanese.
    pub fn signature(&self) -> String {
        let about: Vec<&str> = [self.role.as_str(), self.organisation.as_str()]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect();
        let cjk = about.iter().any(|s| {
            s.chars()
                .any(|c| matches!(c, '\u{3000}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}'))
        });
        match (about.is_empty(), cjk) {
            (true, _) => self.name.clone(),
            (false, true) => format!("{}（{}）", self.name, about.join("，")),
            (false, false) => format!("{} ({})", self.name, about.join(", ")),
        }
    }
}

/// The clock.
#[derive(Clone, Copy, Debug)]
pub struct Clock {
    /// Date-time at T+0 (local time in `zone`, if any).
    pub start: NaiveDateTime,
    /// The IANA time zone the clock's times are in; `None`: naive local times.
    pub zone: Option<super::zone::Tz>,
    /// Default step.
    pub step: Secs,
    /// Maximum scenario duration.
    pub end: Secs,
}

impl Clock {
    /// The local date-time `offset` seconds after the start (daylight saving applied in a
    /// zone; see [`super::zone`]).
    pub fn at(&self, offset: Secs) -> NaiveDateTime {
        super::zone::local_at(self.start, self.zone, offset)
    }

    /// ` CET` after a full date in a zone; empty without one.
    fn suffix(&self, offset: Secs) -> String {
        self.zone
            .map(|z| format!(" {}", super::zone::abbreviation(self.start, z, offset)))
            .unwrap_or_default()
    }

    /// A full date-time, e.g. `Sat 3 Dec 2022 21:00` (`… 21:00 CET` in a zone).
    pub fn full(&self, offset: Secs) -> String {
        super::time::format_datetime(self.at(offset)) + &self.suffix(offset)
    }

    /// A date-time without the year, e.g. `Sat 3 Dec 21:00` (`… 21:00 CET` in a zone).
    pub fn short(&self, offset: Secs) -> String {
        super::time::format_datetime_short(self.at(offset)) + &self.suffix(offset)
    }

    /// A weekday and time for lists, e.g. `Sun 08:00` (no zone: the list's header has it).
    pub fn day_time(&self, offset: Secs) -> String {
        super::time::format_day_time(self.at(offset))
    }

    /// [`Clock::full`] in `lang`: `sam. 3 déc. 2022 21:00 CET`, `2022 年 12 月 3 日 周六 21:00`.
    pub fn full_in(&self, lang: crate::i18n::Lang, offset: Secs) -> String {
        crate::i18n::format::datetime(lang, self.at(offset)) + &self.suffix(offset)
    }

    /// [`Clock::short`] in `lang`: `dim. 11 déc. 08:00`, `12 月 11 日 周日 08:00`.
    pub fn short_in(&self, lang: crate::i18n::Lang, offset: Secs) -> String {
        crate::i18n::format::datetime_short(lang, self.at(offset)) + &self.suffix(offset)
    }

    /// [`Clock::day_time`] in `lang`: `dim. 08:00`, `周日 08:00`.
    pub fn day_time_in(&self, lang: crate::i18n::Lang, offset: Secs) -> String {
        crate::i18n::format::day_time(lang, self.at(offset))
    }
}

/// A phase.
#[derive(Clone, Debug)]
pub struct Phase {
    /// Identifier.
    pub id: String,
    /// Title.
    pub title: String,
    /// Offset from the clock's start.
    pub start: Secs,
    /// Clock step during the phase.
    pub step: Secs,
    /// Briefing text.
    pub briefing: String,
    /// Discussion questions.
    pub questions: Vec<String>,
    /// Facilitator notes.
    pub notes: String,
    /// Real seconds the session plans to spend in the phase, if the author says.
    pub estimate: Option<Secs>,
    /// Effects applied once when the phase begins.
    pub on_enter: Vec<Effect>,
}

/// A value of a parameter.
#[derive(Clone, Debug, PartialEq)]
pub enum ParamValue {
    /// Yes or no.
    Bool(bool),
    /// A number.
    Num(f64),
    /// A choice, by index.
    Choice(u16),
}

impl ParamValue {
    /// The value as expressions see it.
    pub fn as_f64(&self) -> f64 {
        match self {
            ParamValue::Bool(b) => f64::from(u8::from(*b)),
            ParamValue::Num(n) => *n,
            ParamValue::Choice(i) => f64::from(*i),
        }
    }
}

/// A parameter.
#[derive(Clone, Debug)]
pub struct Param {
    /// Identifier.
    pub id: String,
    /// Question shown at the briefing.
    pub label: String,
    /// Explanation.
    pub help: String,
    /// Its kind.
    pub kind: ParamKind,
    /// Its default value.
    pub default: ParamValue,
    /// The words shown for each choice of a `Choice` (the choice itself when it has no
    /// label); empty for other kinds.
    pub labels: Vec<String>,
}

impl Param {
    /// Formats a value of this parameter for people.
    pub fn format(&self, v: &ParamValue) -> String {
        match (v, &self.kind) {
            (ParamValue::Bool(b), _) => if *b { "yes" } else { "no" }.into(),
            (ParamValue::Num(n), _) => format_number(*n),
            (ParamValue::Choice(i), ParamKind::Choice(c)) => {
                c.get(*i as usize).cloned().unwrap_or_default()
            }
            (ParamValue::Choice(i), _) => i.to_string(),
        }
    }

    /// A value as people read it: a choice's label (see [`Param::format`] for the choice
    /// itself, as expressions and the command line write it).
    pub fn display(&self, v: &ParamValue) -> String {
        match v {
            ParamValue::Choice(i) => match self.labels.get(*i as usize) {
                Some(l) if !l.is_empty() => l.clone(),
                _ => self.format(v),
            },
            _ => self.format(v),
        }
    }

    /// Parses a value of this parameter as typed by a person (`yes`, `no`, a number or a choice).
    pub fn parse(&self, text: &str) -> Result<ParamValue, String> {
        let t = text.trim();
        match &self.kind {
            ParamKind::Bool => match t.to_ascii_lowercase().as_str() {
                "yes" | "true" | "y" | "1" | "on" => Ok(ParamValue::Bool(true)),
                "no" | "false" | "n" | "0" | "off" => Ok(ParamValue::Bool(false)),
                _ => Err(format!("`{}` expects yes or no, not `{t}`", self.id)),
            },
            ParamKind::Number { min, max } => match t.parse::<f64>() {
                Ok(n) if n >= *min && n <= *max => Ok(ParamValue::Num(n)),
                Ok(_) => Err(format!(
                    "`{}` must be between {} and {}",
                    self.id,
                    format_number(*min),
                    format_number(*max)
                )),
                Err(_) => Err(format!("`{}` expects a number, not `{t}`", self.id)),
            },
            ParamKind::Choice(c) => c
                .iter()
                .position(|x| x == t)
                .map(|i| ParamValue::Choice(i as u16))
                .ok_or_else(|| format!("`{}` must be one of: {}", self.id, c.join(", "))),
        }
    }
}

/// Formats a number without a trailing `.0`.
pub fn format_number(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        format!("{:.1}", n)
    }
}

/// Formats a number with its unit: `45%`, `5 days`, `120 k€`, or the bare number without one.
pub fn with_unit(n: f64, unit: &str) -> String {
    match unit {
        "" => format_number(n),
        "%" => format!("{}%", format_number(n)),
        u => format!("{} {u}", format_number(n)),
    }
}

/// A labelled band of a metric.
#[derive(Clone, Debug)]
pub struct Threshold {
    /// Applies below this value.
    pub below: Option<f64>,
    /// Applies above this value.
    pub above: Option<f64>,
    /// The label.
    pub label: String,
}

impl Threshold {
    /// Whether a value falls in the band.
    pub fn contains(&self, v: f64) -> bool {
        self.below.is_some_and(|b| v < b) || self.above.is_some_and(|a| v > a)
    }
}

/// A metric.
#[derive(Clone, Debug)]
pub struct Metric {
    /// Identifier.
    pub id: String,
    /// Label.
    pub label: String,
    /// Unit.
    pub unit: String,
    /// Description.
    pub description: String,
    /// Starting value (may read parameters).
    pub start: Program,
    /// Smallest value.
    pub min: f64,
    /// Largest value.
    pub max: f64,
    /// Whether high or low is good.
    pub good: Good,
    /// Labelled bands.
    pub thresholds: Vec<Threshold>,
    /// Weight in the score.
    pub weight: f64,
}

impl Metric {
    /// The first threshold whose band contains the value, if any.
    pub fn band(&self, v: f64) -> Option<&Threshold> {
        self.thresholds.iter().find(|t| t.contains(v))
    }

    /// The value scaled to 0..1 where 1 is best.
    pub fn goodness(&self, v: f64) -> f64 {
        let span = self.max - self.min;
        let x = if span > 0.0 {
            ((v - self.min) / span).clamp(0.0, 1.0)
        } else {
            1.0
        };
        match self.good {
            Good::High => x,
            Good::Low => 1.0 - x,
        }
    }
}

/// A flag.
#[derive(Clone, Debug)]
pub struct Named {
    /// Identifier.
    pub id: String,
    /// Label.
    pub label: String,
    /// Starting value (may read parameters).
    pub start: Program,
}

/// A counter.
#[derive(Clone, Debug)]
pub struct Counter {
    /// Identifier.
    pub id: String,
    /// Label.
    pub label: String,
    /// Unit.
    pub unit: String,
    /// Starting value (may read parameters).
    pub start: Program,
}

/// An IT system.
#[derive(Clone, Debug)]
pub struct System {
    /// Identifier.
    pub id: String,
    /// Name.
    pub name: String,
    /// Description.
    pub description: String,
    /// State at the start.
    pub state: SystemState,
}

/// A clinical service.
#[derive(Clone, Debug)]
pub struct Service {
    /// Identifier.
    pub id: String,
    /// Name.
    pub name: String,
    /// Description.
    pub description: String,
    /// Systems it needs.
    pub depends_on: Vec<u16>,
    /// Capacity on paper procedures (may read the state).
    pub paper: Program,
    /// How long paper procedures are planned to hold.
    pub planned_for: Secs,
    /// Capacity points lost per day beyond `planned_for`.
    pub decay: f64,
    /// Lowest capacity on paper.
    pub floor: f64,
}

/// What fires an inject.
#[derive(Clone, Debug)]
pub enum Trigger {
    /// Only effects, follow-ups, random events or the facilitator fire it.
    Manual,
    /// At a fixed offset from the start.
    At(Secs),
    /// After another inject fires (plus the inject's delay).
    AfterInject(u16),
    /// After an option of a decision is chosen (plus the inject's delay).
    AfterOption(u16, u16),
    /// When a condition becomes true (plus the inject's delay).
    When(Program),
}

/// A text attached to an inject.
#[derive(Clone, Debug)]
pub struct Attachment {
    /// The file name as written.
    pub name: String,
    /// Its text.
    pub text: String,
}

/// An inject.
#[derive(Clone, Debug)]
pub struct Inject {
    /// Identifier.
    pub id: String,
    /// Headline.
    pub title: String,
    /// What fires it.
    pub trigger: Trigger,
    /// Delay after a chain, condition, follow-up or schedule.
    pub delay: Secs,
    /// Probability it fires when triggered.
    pub chance: Option<Program>,
    /// Guard checked when it is due: if it holds, the inject is prevented.
    pub unless: Option<Program>,
    /// Addressees (empty: everyone).
    pub teams: Vec<u16>,
    /// Channel.
    pub channel: Channel,
    /// Sender as the teams see it (a cast member's signature when `from` is set).
    pub sender: String,
    /// The cast member it comes from, by index.
    pub from: Option<u16>,
    /// In the facilitator's curveball pool (it has no trigger of its own).
    pub curveball: bool,
    /// A curveball that may be thrown again after it fired.
    pub repeat: bool,
    /// For the facilitator only: never in a team's feed, on the projector or in a seat.
    pub hidden: bool,
    /// Severity.
    pub severity: Severity,
    /// Message.
    pub body: String,
    /// Attached text.
    pub attachment: Option<Attachment>,
    /// Facilitator notes.
    pub notes: String,
    /// Discussion questions.
    pub questions: Vec<String>,
    /// Effects when it fires.
    pub effects: Vec<Effect>,
    /// Its decision, if any.
    pub decision: Option<u16>,
}

/// Something a team may do again and again while the exercise runs.
#[derive(Clone, Debug)]
pub struct Action {
    /// Identifier.
    pub id: String,
    /// Label.
    pub label: String,
    /// What it is.
    pub description: String,
    /// Teams that may take it (empty: every team).
    pub teams: Vec<u16>,
    /// Availability condition.
    pub requires: Option<Program>,
    /// Why it is unavailable.
    pub unavailable: String,
    /// Scenario seconds before it can be taken again.
    pub cooldown: Secs,
    /// Most uses in one exercise.
    pub max_uses: Option<u32>,
    /// Effects each time it is taken.
    pub effects: Vec<Effect>,
    /// Injects that follow.
    pub follow_up: Vec<u16>,
    /// Random outcomes.
    pub outcomes: Vec<Outcome>,
}

impl Action {
    /// Whether `team` may take it.
    pub fn open_to(&self, team: u16) -> bool {
        self.teams.is_empty() || self.teams.contains(&team)
    }
}

/// A decision.
#[derive(Clone, Debug)]
pub struct Decision {
    /// Identifier.
    pub id: String,
    /// The inject that carries it.
    pub inject: u16,
    /// The deciding team.
    pub team: u16,
    /// The question.
    pub prompt: String,
    /// The options.
    pub options: Vec<DecisionOption>,
    /// Time limit.
    pub timeout: Option<Timeout>,
    /// How the options are shown to the teams.
    pub order: OptionOrder,
    /// Several answers at once, when the team may pick more than one option.
    pub pick: Option<Pick>,
}

impl Decision {
    /// The fewest and most options a team may pick: `(1, 1)` for a single answer.
    pub fn pick_limits(&self) -> (u16, u16) {
        self.pick.as_ref().map_or((1, 1), |p| (p.min, p.max))
    }

    /// Whether the team may pick several options at once.
    pub fn multi(&self) -> bool {
        self.pick_limits().1 > 1
    }

    /// "pick 1 to 3" for a decision with several answers; `None` for a single answer.
    pub fn pick_words(&self) -> Option<String> {
        let (min, max) = self.pick_limits();
        self.multi().then(|| pick_words(min, max))
    }

    /// The ids of options `sel` as commands name them: joined by `+`, e.g. `edr+backups`.
    pub fn selection_ids(&self, sel: &[u16]) -> String {
        let ids: Vec<&str> = sel
            .iter()
            .map(|&o| self.options[o as usize].id.as_str())
            .collect();
        ids.join("+")
    }

    /// The options a command names (`edr+backups`), in file order; `None` when one of
    /// them is not an option of this decision.
    pub fn selection_of(&self, ids: &str) -> Option<Vec<u16>> {
        let mut sel = ids
            .split('+')
            .map(|id| {
                let id = id.trim();
                self.options
                    .iter()
                    .position(|o| o.id == id)
                    .map(|o| o as u16)
            })
            .collect::<Option<Vec<u16>>>()?;
        sel.sort_unstable();
        Some(sel)
    }

    /// The labels of options `sel`, joined by ` + `.
    pub fn selection_labels(&self, sel: &[u16]) -> String {
        let labels: Vec<&str> = sel
            .iter()
            .map(|&o| self.options[o as usize].label.as_str())
            .collect();
        labels.join(" + ")
    }
}

/// "pick 2", "pick 1 to 3".
pub fn pick_words(min: u16, max: u16) -> String {
    if min == max {
        format!("pick {min}")
    } else {
        format!("pick {min} to {max}")
    }
}

/// How many options of a decision a team may pick at once.
#[derive(Clone, Debug)]
pub struct Pick {
    /// Fewest options.
    pub min: u16,
    /// Most options.
    pub max: u16,
    /// Condition on the state once the whole selection's effects apply.
    pub within: Option<Program>,
    /// Why a selection is refused when `within` does not hold.
    pub unavailable: String,
}

/// A time limit on a decision.
#[derive(Clone, Debug)]
pub struct Timeout {
    /// Real seconds allowed.
    pub real: Option<Secs>,
    /// Scenario seconds allowed.
    pub scenario: Option<Secs>,
    /// Option taken on timeout.
    pub default: u16,
}

/// An option of a decision.
#[derive(Clone, Debug)]
pub struct DecisionOption {
    /// Identifier.
    pub id: String,
    /// Label.
    pub label: String,
    /// Availability condition.
    pub requires: Option<Program>,
    /// Why it is unavailable.
    pub unavailable: String,
    /// Effects.
    pub effects: Vec<Effect>,
    /// Injects that follow.
    pub follow_up: Vec<u16>,
    /// Random outcomes.
    pub outcomes: Vec<Outcome>,
    /// Recommended by guidance.
    pub recommended: bool,
}

/// A random outcome.
#[derive(Clone, Debug)]
pub struct Outcome {
    /// Label.
    pub label: String,
    /// Probability; `None` takes what the others leave.
    pub chance: Option<Program>,
    /// Narration.
    pub text: String,
    /// Effects.
    pub effects: Vec<Effect>,
    /// Injects that follow.
    pub follow_up: Vec<u16>,
}

/// A deadline.
#[derive(Clone, Debug)]
pub struct Deadline {
    /// Identifier.
    pub id: String,
    /// Label.
    pub label: String,
    /// Time allowed once started.
    pub duration: Secs,
    /// Responsible team.
    pub team: Option<u16>,
    /// Duty or threat.
    pub kind: DeadlineKind,
    /// Description.
    pub description: String,
    /// Reference.
    pub reference: String,
    /// Effects when met.
    pub on_met: Vec<Effect>,
    /// Effects when missed.
    pub on_missed: Vec<Effect>,
}

/// A random event.
#[derive(Clone, Debug)]
pub struct RandomEvent {
    /// Identifier.
    pub id: String,
    /// Label.
    pub label: String,
    /// Probability per step.
    pub chance: Program,
    /// Condition for rolling.
    pub when: Option<Program>,
    /// At most once.
    pub once: bool,
    /// Effects.
    pub effects: Vec<Effect>,
}

/// An ending.
#[derive(Clone, Debug)]
pub struct Ending {
    /// Identifier.
    pub id: String,
    /// Title.
    pub title: String,
    /// Condition that ends the exercise.
    pub when: Option<Program>,
    /// Debrief text.
    pub debrief: String,
}

/// A grade band.
#[derive(Clone, Debug)]
pub struct Grade {
    /// Lowest score in the band.
    pub min: f64,
    /// Grade.
    pub grade: String,
    /// Description.
    pub label: String,
}

/// A best-practice check.
#[derive(Clone, Debug)]
pub struct Check {
    /// Identifier.
    pub id: String,
    /// Title.
    pub title: String,
    /// Condition that meets it.
    pub when: Program,
    /// Window length, if windowed.
    pub within: Option<Secs>,
    /// Inject opening the window (None: the start).
    pub from: Option<u16>,
    /// Objective evidenced.
    pub objective: Option<u16>,
    /// Lesson.
    pub lesson: String,
    /// Reference.
    pub reference: String,
}

/// Lookup tables derived once for the engine.
#[derive(Clone, Debug, Default)]
pub struct Index {
    /// Injects timed with `at`, sorted by time then index.
    pub timed: Vec<(Secs, u16)>,
    /// For each inject, the injects chained `after` it.
    pub after_inject: Vec<Vec<u16>>,
    /// For each decision, for each option, the injects chained `after` it.
    pub after_option: Vec<Vec<Vec<u16>>>,
    /// Injects with a `when` condition.
    pub conditional: Vec<u16>,
    /// Endings with a `when` condition.
    pub conditional_endings: Vec<u16>,
}

impl Scenario {
    /// Finds an inject by id.
    pub fn inject_index(&self, id: &str) -> Option<u16> {
        self.injects
            .iter()
            .position(|i| i.id == id)
            .map(|i| i as u16)
    }

    /// Finds a decision by id.
    pub fn decision_index(&self, id: &str) -> Option<u16> {
        self.decisions
            .iter()
            .position(|d| d.id == id)
            .map(|i| i as u16)
    }

    /// Finds an action by id.
    pub fn action_index(&self, id: &str) -> Option<u16> {
        self.actions
            .iter()
            .position(|a| a.id == id)
            .map(|i| i as u16)
    }

    /// Finds a metric by id.
    pub fn metric_index(&self, id: &str) -> Option<u16> {
        self.metrics
            .iter()
            .position(|m| m.id == id)
            .map(|i| i as u16)
    }

    /// Finds a team by id.
    pub fn team_index(&self, id: &str) -> Option<u16> {
        self.teams.iter().position(|t| t.id == id).map(|i| i as u16)
    }

    /// Finds a parameter by id.
    pub fn param_index(&self, id: &str) -> Option<u16> {
        self.params
            .iter()
            .position(|p| p.id == id)
            .map(|i| i as u16)
    }

    /// Finds an ending by id.
    pub fn ending_index(&self, id: &str) -> Option<u16> {
        self.endings
            .iter()
            .position(|e| e.id == id)
            .map(|i| i as u16)
    }

    /// The grade band of a score.
    pub fn grade(&self, score: f64) -> Option<&Grade> {
        self.grades.iter().find(|g| score >= g.min)
    }

    /// The phase in force at a scenario time.
    pub fn phase_at(&self, t: Secs) -> u16 {
        (self.phases.partition_point(|p| p.start <= t).max(1) - 1) as u16
    }
}

/// Clock end used when a scenario's own cannot be read (only while reporting errors).
pub const DEFAULT_END: Secs = 86_400;

impl Index {
    /// Derives the engine's lookup tables from a scenario.
    pub fn build(s: &Scenario) -> Index {
        let mut ix = Index {
            after_inject: vec![Vec::new(); s.injects.len()],
            after_option: s
                .decisions
                .iter()
                .map(|d| vec![Vec::new(); d.options.len()])
                .collect(),
            ..Index::default()
        };
        for (i, inj) in s.injects.iter().enumerate() {
            let i = i as u16;
            match &inj.trigger {
                Trigger::At(t) => ix.timed.push((*t, i)),
                Trigger::AfterInject(p) => ix.after_inject[*p as usize].push(i),
                Trigger::AfterOption(d, o) => ix.after_option[*d as usize][*o as usize].push(i),
                Trigger::When(_) => ix.conditional.push(i),
                Trigger::Manual => {}
            }
        }
        ix.timed.sort();
        ix.conditional_endings = s
            .endings
            .iter()
            .enumerate()
            .filter(|(_, e)| e.when.is_some())
            .map(|(i, _)| i as u16)
            .collect();
        ix
    }
}
