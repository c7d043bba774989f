//! The scenario format (versions 1 and 2) as authors write it: plain serde types mirroring the RON file.
//!
//! These types hold what was written, with spans for everything the validator may need to
//! point at. [`crate::scenario::compiled`] holds the checked, resolved form the engine runs.
//! Optional fields have defaults; unknown fields are reported by the loader.

use serde::{Deserialize, Serialize};

use super::de::Spanned;

/// The newest version of the format. Version 1 files load unchanged; the constructs that
/// version 2 adds (conditional effects, `scoring: None`, curveballs, hidden injects, a
/// phase's `on_enter`, phase-relative times, the cast) need `format: 2`.
pub const FORMAT_VERSION: u32 = 2;

/// The oldest version of the format still read.
pub const FIRST_FORMAT_VERSION: u32 = 1;

/// A whole scenario file, written `Scenario( ... )`.
#[derive(Clone, Debug, Deserialize)]
#[serde(rename = "Scenario", deny_unknown_fields)]
pub struct ScenarioFile {
    /// Format version: 1 or 2.
    pub format: Spanned<u32>,
    /// Title, summary, objectives, sources.
    pub meta: Meta,
    /// Teams (roles) that receive injects and own decisions.
    pub teams: Vec<Team>,
    /// The characters who send injects (format 2), referred to by an inject's `from`.
    #[serde(default)]
    pub cast: Vec<Character>,
    /// The scenario clock.
    pub clock: Clock,
    /// Stretches of the exercise, each with a briefing and discussion questions.
    #[serde(default)]
    pub phases: Vec<Phase>,
    /// Values the facilitator sets at the briefing.
    #[serde(default)]
    pub parameters: Vec<Parameter>,
    /// Numeric gauges such as patient safety.
    #[serde(default)]
    pub metrics: Vec<Metric>,
    /// Named true/false facts.
    #[serde(default)]
    pub flags: Vec<Flag>,
    /// Named whole numbers.
    #[serde(default)]
    pub counters: Vec<Counter>,
    /// IT systems and their states.
    #[serde(default)]
    pub systems: Vec<System>,
    /// Clinical services that depend on systems.
    #[serde(default)]
    pub services: Vec<Service>,
    /// Messages to the teams, some with a decision.
    pub injects: Vec<Inject>,
    /// Things a team may do again and again while the exercise runs (format 2).
    #[serde(default)]
    pub actions: Spanned<Vec<Action>>,
    /// Regulatory or operational clocks.
    #[serde(default)]
    pub deadlines: Vec<Deadline>,
    /// Events that may happen at any clock step.
    #[serde(default)]
    pub random_events: Vec<RandomEvent>,
    /// How the exercise can end.
    pub endings: Vec<Ending>,
    /// Score weights, grade bands and best-practice checks; `None` (format 2) for an
    /// exercise with no score, such as a discussion.
    #[serde(default = "default_scoring")]
    pub scoring: Spanned<Option<Scoring>>,
}

impl Default for Scoring {
    fn default() -> Self {
        Scoring {
            score: spanned_true(),
            grades: Vec::new(),
            checks: Vec::new(),
        }
    }
}

fn default_scoring() -> Spanned<Option<Scoring>> {
    Spanned::from(Some(Scoring::default()))
}

/// Descriptive metadata.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meta {
    /// Stable identifier, e.g. `saturday-night-blackout`.
    pub id: Spanned<String>,
    /// Title shown everywhere.
    pub title: String,
    /// One-paragraph summary.
    #[serde(default)]
    pub summary: String,
    /// BCP 47 language tag of the texts, e.g. `en` or `fr`.
    #[serde(default = "default_language")]
    pub language: Spanned<String>,
    /// Who wrote the scenario.
    #[serde(default)]
    pub authors: Vec<String>,
    /// The scenario's own version, e.g. `1.2`.
    #[serde(default = "default_version")]
    pub version: String,
    /// Estimated real duration of a session, e.g. `90m`.
    #[serde(default)]
    pub duration: Option<Spanned<String>>,
    /// The organisation and situation the players are in.
    #[serde(default)]
    pub setting: String,
    /// How the exercise is played, shown at the briefing.
    #[serde(default)]
    pub how_to_play: String,
    /// Exercise objectives, rated P/S/M/U at the end.
    #[serde(default)]
    pub objectives: Vec<Objective>,
    /// Public sources the scenario draws on.
    #[serde(default)]
    pub sources: Vec<Source>,
}

fn default_language() -> Spanned<String> {
    Spanned::from("en".to_string())
}

fn default_version() -> String {
    "1.0".into()
}

/// An exercise objective.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Objective {
    /// Identifier referenced by checks.
    pub id: Spanned<String>,
    /// What the participants should demonstrate.
    pub text: String,
    /// The core capability it exercises (HSEEP), e.g. `Operational coordination`.
    #[serde(default)]
    pub capability: String,
    /// The critical tasks an evaluator judges it by.
    #[serde(default)]
    pub tasks: Vec<CriticalTask>,
}

/// A critical task of an objective (HSEEP), evidenced by automatic checks.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CriticalTask {
    /// Identifier, unique among the scenario's critical tasks.
    pub id: Spanned<String>,
    /// What must be done, e.g. `Report to the ARS without delay`.
    pub text: String,
    /// Ids of the best-practice checks that evidence it.
    #[serde(default)]
    pub checks: Vec<Spanned<String>>,
    /// The capability target it serves, e.g. `Notify the regulator within 24 h`.
    #[serde(default)]
    pub target: String,
}

/// A public source.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Title of the document or article.
    pub title: String,
    /// Where to find it.
    #[serde(default)]
    pub url: String,
    /// What the scenario takes from it.
    #[serde(default)]
    pub note: String,
}

/// A team (role) in the room.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Team {
    /// Identifier used by injects and decisions.
    pub id: Spanned<String>,
    /// Display name.
    pub name: String,
    /// What the team is responsible for.
    #[serde(default)]
    pub description: String,
}

/// A character of the cast (format 2): someone who sends injects.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Character {
    /// Identifier used by an inject's `from`.
    pub id: Spanned<String>,
    /// Name shown to the teams, e.g. `Dr Claire Martin`.
    pub name: String,
    /// Role shown after the name, e.g. `Duty officer`.
    #[serde(default)]
    pub role: String,
    /// Organisation shown after the role, e.g. `ARS Île-de-France`.
    #[serde(default)]
    pub organisation: String,
    /// How to play the character: for the facilitator only.
    #[serde(default)]
    pub notes: String,
    /// What the character knows and does not say: for the facilitator only.
    #[serde(default)]
    pub secrets: Vec<String>,
}

/// The scenario clock.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Clock {
    /// Date-time at T+0, e.g. `2022-12-03T21:00`.
    pub start: Spanned<String>,
    /// The IANA time zone of the scenario's times, e.g. `Europe/Paris` (daylight saving
    /// applies, times show `CET`/`CEST`); without it, times are naive local times.
    #[serde(default)]
    pub zone: Option<Spanned<String>>,
    /// Default length of one clock step, e.g. `15m`.
    pub step: Spanned<String>,
    /// Longest the exercise may run in scenario time, e.g. `5d`; the default ending comes then.
    pub end: Spanned<String>,
}

/// A phase (module) of the exercise.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Phase {
    /// Identifier.
    pub id: Spanned<String>,
    /// Title, e.g. `Saturday night: detection`.
    pub title: String,
    /// When it starts: an offset such as `11h` or a date-time. The first phase starts at `0m`.
    pub start: Spanned<String>,
    /// Clock step during this phase, if different from the clock's.
    #[serde(default)]
    pub step: Option<Spanned<String>>,
    /// Read to the room when the phase begins.
    #[serde(default)]
    pub briefing: String,
    /// Discussion questions for the end of the phase.
    #[serde(default)]
    pub questions: Vec<String>,
    /// Notes for the facilitator only.
    #[serde(default)]
    pub notes: String,
    /// Real time the session is planned to spend in this phase, debrief included, e.g.
    /// `35m` (the console's session plan compares it with the time spent).
    #[serde(default)]
    pub estimate: Option<Spanned<String>>,
    /// Effects applied once when the phase begins (format 2).
    #[serde(default)]
    pub on_enter: Vec<Spanned<String>>,
}

/// A literal in a RON file: a boolean, a number or a text (an expression or a choice).
#[derive(Clone, Debug, PartialEq)]
pub enum Literal {
    /// `true` or `false`.
    Bool(bool),
    /// A number.
    Num(f64),
    /// A string: an expression, or a parameter's choice.
    Text(String),
}

impl<'de> Deserialize<'de> for Literal {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl serde::de::Visitor<'_> for V {
            type Value = Literal;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a number, `true`/`false`, or a string")
            }
            fn visit_bool<E>(self, v: bool) -> Result<Literal, E> {
                Ok(Literal::Bool(v))
            }
            fn visit_i64<E>(self, v: i64) -> Result<Literal, E> {
                Ok(Literal::Num(v as f64))
            }
            fn visit_u64<E>(self, v: u64) -> Result<Literal, E> {
                Ok(Literal::Num(v as f64))
            }
            fn visit_f64<E>(self, v: f64) -> Result<Literal, E> {
                Ok(Literal::Num(v))
            }
            fn visit_str<E>(self, v: &str) -> Result<Literal, E> {
                Ok(Literal::Text(v.to_string()))
            }
            fn visit_string<E>(self, v: String) -> Result<Literal, E> {
                Ok(Literal::Text(v))
            }
        }
        d.deserialize_any(V)
    }
}

/// The kind of a parameter.
#[derive(Clone, Debug, Deserialize, PartialEq)]
pub enum ParamKind {
    /// Yes or no.
    Bool,
    /// One of several named choices.
    Choice(Vec<String>),
    /// A number in a range.
    Number {
        /// Smallest allowed value.
        min: f64,
        /// Largest allowed value.
        max: f64,
    },
}

/// A value the facilitator sets at the briefing.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Parameter {
    /// Identifier usable in expressions.
    pub id: Spanned<String>,
    /// Question shown at the briefing, e.g. `Backups kept offline?`.
    pub label: String,
    /// Longer explanation.
    #[serde(default)]
    pub help: String,
    /// Bool, Choice([...]) or Number(min:, max:).
    pub kind: Spanned<ParamKind>,
    /// Value used unless the facilitator changes it.
    pub default: Spanned<Literal>,
    /// Words shown to people for some or all choices of a `Choice`, by choice:
    /// `{"winter_peak": "Winter peak"}`. A choice without a label is shown as written.
    #[serde(default)]
    pub labels: Spanned<std::collections::BTreeMap<String, String>>,
}

/// Whether a metric is better high or low.
#[derive(Clone, Copy, Debug, Default, Deserialize, Serialize, PartialEq, Eq)]
pub enum Good {
    /// Higher is better (e.g. patient safety).
    #[default]
    High,
    /// Lower is better (e.g. cost).
    Low,
}

/// A labelled band of a metric.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Threshold {
    /// The label applies when the value is below this.
    #[serde(default)]
    pub below: Option<f64>,
    /// The label applies when the value is above this.
    #[serde(default)]
    pub above: Option<f64>,
    /// e.g. `critical`.
    pub label: String,
}

/// A numeric gauge.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Metric {
    /// Identifier usable in expressions.
    pub id: Spanned<String>,
    /// Display label.
    pub label: String,
    /// Unit shown after values, e.g. `%`.
    #[serde(default)]
    pub unit: String,
    /// What it measures.
    #[serde(default)]
    pub description: String,
    /// Starting value: a number, or an expression over parameters.
    pub start: Spanned<Literal>,
    /// Smallest value; changes clamp to it.
    #[serde(default)]
    pub min: Spanned<f64>,
    /// Largest value; changes clamp to it.
    #[serde(default = "default_max")]
    pub max: Spanned<f64>,
    /// Whether high or low is good.
    #[serde(default)]
    pub good: Good,
    /// Labelled bands, e.g. `(below: 30, label: "critical")`.
    #[serde(default)]
    pub thresholds: Vec<Spanned<Threshold>>,
    /// Weight of the final value in the score (0: not scored).
    #[serde(default)]
    pub weight: Spanned<f64>,
}

fn default_max() -> Spanned<f64> {
    Spanned::from(100.0)
}

/// A named true/false fact.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Flag {
    /// Identifier usable in expressions.
    pub id: Spanned<String>,
    /// Display label.
    #[serde(default)]
    pub label: String,
    /// Starting value: `true`, `false` or an expression over parameters.
    #[serde(default = "default_false")]
    pub start: Spanned<Literal>,
}

fn default_false() -> Spanned<Literal> {
    Spanned::from(Literal::Bool(false))
}

/// A named whole number.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Counter {
    /// Identifier usable in expressions.
    pub id: Spanned<String>,
    /// Display label.
    #[serde(default)]
    pub label: String,
    /// Unit, e.g. `patients`.
    #[serde(default)]
    pub unit: String,
    /// Starting value: a number or an expression over parameters.
    #[serde(default = "default_zero")]
    pub start: Spanned<Literal>,
}

fn default_zero() -> Spanned<Literal> {
    Spanned::from(Literal::Num(0.0))
}

/// The state of an IT system.
#[derive(
    Clone, Copy, Debug, Default, Deserialize, Serialize, PartialEq, Eq, PartialOrd, Ord, Hash,
)]
pub enum SystemState {
    /// Working normally.
    #[default]
    Up,
    /// Working partly or slowly.
    Degraded,
    /// Not working.
    Down,
    /// Deliberately cut off the network.
    Isolated,
    /// Being restored.
    Restoring,
    /// Back in service after an incident.
    Restored,
}

impl SystemState {
    /// Every state, in declaration order (their index is their value in expressions).
    pub const ALL: [SystemState; 6] = [
        SystemState::Up,
        SystemState::Degraded,
        SystemState::Down,
        SystemState::Isolated,
        SystemState::Restoring,
        SystemState::Restored,
    ];

    /// The state's name as written in expressions.
    pub fn name(self) -> &'static str {
        match self {
            SystemState::Up => "up",
            SystemState::Degraded => "degraded",
            SystemState::Down => "down",
            SystemState::Isolated => "isolated",
            SystemState::Restoring => "restoring",
            SystemState::Restored => "restored",
        }
    }

    /// Share of a service's normal capacity the system still supports, 0 to 1.
    pub fn availability(self) -> f64 {
        match self {
            SystemState::Up | SystemState::Restored => 1.0,
            SystemState::Degraded => 0.6,
            SystemState::Restoring => 0.3,
            SystemState::Down | SystemState::Isolated => 0.0,
        }
    }

    /// Whether the state is fully working.
    pub fn is_working(self) -> bool {
        self.availability() >= 1.0
    }
}

/// An IT system.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct System {
    /// Identifier usable in expressions.
    pub id: Spanned<String>,
    /// Display name, e.g. `Electronic health record`.
    pub name: String,
    /// What it does.
    #[serde(default)]
    pub description: String,
    /// State at the start.
    #[serde(default)]
    pub state: SystemState,
}

/// A clinical service whose capacity follows from its systems.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Service {
    /// Identifier; in expressions it is the capacity, 0 to 100.
    pub id: Spanned<String>,
    /// Display name, e.g. `Emergency department`.
    pub name: String,
    /// What it does.
    #[serde(default)]
    pub description: String,
    /// Systems it needs.
    pub depends_on: Vec<Spanned<String>>,
    /// Capacity (0 to 100) on paper downtime procedures: a number or an expression.
    #[serde(default = "default_paper")]
    pub paper: Spanned<Literal>,
    /// How long the downtime procedures are planned to hold, e.g. `72h`.
    #[serde(default = "default_planned")]
    pub planned_for: Spanned<String>,
    /// Capacity points lost per day on paper beyond `planned_for`.
    #[serde(default = "default_decay")]
    pub decay: Spanned<f64>,
    /// Capacity never falls below this on paper.
    #[serde(default = "default_floor")]
    pub floor: Spanned<f64>,
}

fn default_paper() -> Spanned<Literal> {
    Spanned::from(Literal::Num(60.0))
}
fn default_planned() -> Spanned<String> {
    Spanned::from("72h".to_string())
}
fn default_decay() -> Spanned<f64> {
    Spanned::from(10.0)
}
fn default_floor() -> Spanned<f64> {
    Spanned::from(20.0)
}

/// How a message reaches the teams.
#[derive(Clone, Copy, Debug, Default, Deserialize, Serialize, PartialEq, Eq)]
pub enum Channel {
    /// A phone call.
    Phone,
    /// An e-mail.
    Email,
    /// Someone walks in.
    InPerson,
    /// A radio or pager message.
    Radio,
    /// Press, TV or radio news.
    Press,
    /// Social media.
    Social,
    /// A ransom note or attacker message.
    RansomNote,
    /// An official letter, order or regulator message.
    Official,
    /// A monitoring alert or dashboard.
    Alert,
    /// A written report or briefing.
    Report,
    /// Anything else.
    #[default]
    Other,
}

impl Channel {
    /// Display name.
    pub fn label(self) -> &'static str {
        match self {
            Channel::Phone => "Phone call",
            Channel::Email => "E-mail",
            Channel::InPerson => "In person",
            Channel::Radio => "Radio / pager",
            Channel::Press => "Press",
            Channel::Social => "Social media",
            Channel::RansomNote => "Ransom note",
            Channel::Official => "Official",
            Channel::Alert => "Alert",
            Channel::Report => "Report",
            Channel::Other => "Message",
        }
    }
}

/// How urgent an inject is.
#[derive(Clone, Copy, Debug, Default, Deserialize, Serialize, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// Background information.
    #[default]
    Info,
    /// Worth noting.
    Low,
    /// Needs attention.
    Medium,
    /// Urgent.
    High,
    /// Life or mission critical.
    Critical,
}

impl Severity {
    /// Display name.
    pub fn label(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Low => "low",
            Severity::Medium => "medium",
            Severity::High => "high",
            Severity::Critical => "critical",
        }
    }

    /// A symbol that conveys the severity without colour.
    pub fn symbol(self) -> &'static str {
        match self {
            Severity::Info => "·",
            Severity::Low => "○",
            Severity::Medium => "◆",
            Severity::High => "▲",
            Severity::Critical => "‼",
        }
    }
}

/// A message fed to the teams.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Inject {
    /// Identifier.
    pub id: Spanned<String>,
    /// Headline.
    pub title: String,
    /// Fires at this time: an offset such as `2h` or a date-time.
    #[serde(default)]
    pub at: Option<Spanned<String>>,
    /// Fires after another inject fired (`inject_id`) or an option was chosen (`decision.option`).
    #[serde(default)]
    pub after: Option<Spanned<String>>,
    /// Fires when this condition becomes true.
    #[serde(default)]
    pub when: Option<Spanned<String>>,
    /// Wait this long after `after`, `when`, a follow-up or a schedule before firing.
    #[serde(default)]
    pub delay: Option<Spanned<String>>,
    /// Probability (0 to 1, or an expression) that it fires when triggered.
    #[serde(default)]
    pub chance: Option<Spanned<Literal>>,
    /// A guard checked when it is due: if this condition holds then, it is prevented.
    #[serde(default)]
    pub unless: Option<Spanned<String>>,
    /// Teams it is addressed to; empty means everyone.
    #[serde(default)]
    pub teams: Vec<Spanned<String>>,
    /// How it arrives.
    #[serde(default)]
    pub channel: Channel,
    /// Who it comes from, e.g. `ICU charge nurse`.
    #[serde(default)]
    pub sender: Spanned<String>,
    /// The character of the cast it comes from (format 2), instead of `sender`.
    #[serde(default)]
    pub from: Option<Spanned<String>>,
    /// In the facilitator's curveball pool (format 2): fired only by the facilitator, so it
    /// has no trigger of its own.
    #[serde(default)]
    pub curveball: Spanned<bool>,
    /// A curveball that may be thrown again after it fired (format 2).
    #[serde(default)]
    pub repeat: Spanned<bool>,
    /// For the facilitator only (format 2): never shown to the teams, the projector or a
    /// seat; its effects apply.
    #[serde(default)]
    pub hidden: Spanned<bool>,
    /// How urgent it is.
    #[serde(default)]
    pub severity: Severity,
    /// The message, any length, any language.
    #[serde(default)]
    pub body: String,
    /// A text file shown with the message, beside the scenario or under `assets/`.
    #[serde(default)]
    pub attachment: Option<Spanned<String>>,
    /// For the facilitator only; never shown to players.
    #[serde(default)]
    pub notes: String,
    /// Questions for the room.
    #[serde(default)]
    pub questions: Vec<String>,
    /// Effects applied when it fires.
    #[serde(default)]
    pub effects: Vec<Spanned<String>>,
    /// A decision the teams must take.
    #[serde(default)]
    pub decision: Option<Box<Decision>>,
}

/// A decision a team must take.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Decision {
    /// Identifier (defaults to the inject's id).
    #[serde(default)]
    pub id: Option<Spanned<String>>,
    /// The team that decides.
    pub team: Spanned<String>,
    /// The question put to the team.
    pub prompt: String,
    /// The choices.
    pub options: Spanned<Vec<DecisionOption>>,
    /// What happens when the team takes too long.
    #[serde(default)]
    pub timeout: Option<Timeout>,
    /// How the options are shown to the teams: shuffled (the default) or as written.
    #[serde(default)]
    pub order: OptionOrder,
    /// Several answers at once: how many options the team may pick (format 2). Without
    /// it, the team picks exactly one.
    #[serde(default)]
    pub pick: Option<Spanned<Pick>>,
}

/// How many options of a decision a team may pick at once (format 2), e.g.
/// `pick: (max: 3, within: "budget >= 0")`.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pick {
    /// Fewest options to pick (1 without it).
    #[serde(default)]
    pub min: Option<Spanned<u32>>,
    /// Most options to pick (all of them without it).
    #[serde(default)]
    pub max: Option<Spanned<u32>>,
    /// A condition the whole selection must meet once its options' effects apply, e.g.
    /// `budget >= 0`: the combined cost fits the budget.
    #[serde(default)]
    pub within: Option<Spanned<String>>,
    /// Why a selection is refused when `within` does not hold.
    #[serde(default)]
    pub unavailable: String,
}

/// How a decision's options are shown to the teams.
#[derive(Clone, Copy, Debug, Default, Deserialize, Serialize, PartialEq, Eq)]
pub enum OptionOrder {
    /// In an order shuffled per decision from the exercise's seed, so that the position of
    /// an option says nothing about it.
    #[default]
    Shuffled,
    /// In the order written, for ordinal choices (now / in 4 h / tomorrow).
    Fixed,
}

/// A decision's time limit.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Timeout {
    /// Real time allowed, e.g. `5m`.
    #[serde(default)]
    pub real: Option<Spanned<String>>,
    /// Scenario time allowed, e.g. `1h`.
    #[serde(default)]
    pub scenario: Option<Spanned<String>>,
    /// The option taken when time runs out.
    pub default: Spanned<String>,
}

/// One option of a decision.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DecisionOption {
    /// Identifier, unique within the decision.
    pub id: Spanned<String>,
    /// What the team chooses, e.g. `Cut all external links now`.
    pub label: String,
    /// Condition for the option to be available.
    #[serde(default)]
    pub requires: Option<Spanned<String>>,
    /// Why the option is unavailable, shown when `requires` is false.
    #[serde(default)]
    pub unavailable: String,
    /// Effects applied when chosen.
    #[serde(default)]
    pub effects: Vec<Spanned<String>>,
    /// Injects that follow (each after its own `delay`).
    #[serde(default)]
    pub follow_up: Vec<Spanned<String>>,
    /// Random outcomes: one is drawn when the option is chosen.
    #[serde(default)]
    pub outcomes: Vec<Outcome>,
    /// Marks the option public guidance recommends (used by the best-practice policy).
    #[serde(default)]
    pub recommended: bool,
}

/// Something a team may do at any time while the exercise runs, as often as its
/// requirement, cooldown and use limit allow (format 2), e.g. buying a mitigation.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Action {
    /// Identifier, used by `Take` commands, test plans and `taken(...)`.
    pub id: Spanned<String>,
    /// What the team does, e.g. `Deploy EDR on one server group`.
    pub label: String,
    /// What it is, for the action menu.
    #[serde(default)]
    pub description: String,
    /// Teams that may take it; empty means every team.
    #[serde(default)]
    pub teams: Vec<Spanned<String>>,
    /// Condition for the action to be available (e.g. `budget >= 20`).
    #[serde(default)]
    pub requires: Option<Spanned<String>>,
    /// Why the action is unavailable, shown when `requires` is false.
    #[serde(default)]
    pub unavailable: String,
    /// Scenario time before it can be taken again, e.g. `2h`.
    #[serde(default)]
    pub cooldown: Option<Spanned<String>>,
    /// How many times it can be taken in one exercise (no limit without it).
    #[serde(default)]
    pub max_uses: Option<Spanned<u32>>,
    /// Effects applied each time it is taken.
    #[serde(default)]
    pub effects: Vec<Spanned<String>>,
    /// Injects that follow (each after its own `delay`).
    #[serde(default)]
    pub follow_up: Vec<Spanned<String>>,
    /// Random outcomes: one is drawn each time it is taken.
    #[serde(default)]
    pub outcomes: Vec<Outcome>,
}

/// A possible consequence of an option.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Outcome {
    /// Short name, e.g. `Restore succeeds`.
    pub label: String,
    /// Probability (0 to 1, or an expression); one outcome may leave it out to take the rest.
    #[serde(default)]
    pub chance: Option<Spanned<Literal>>,
    /// What the facilitator reads out.
    #[serde(default)]
    pub text: String,
    /// Effects applied if drawn.
    #[serde(default)]
    pub effects: Vec<Spanned<String>>,
    /// Injects that follow if drawn.
    #[serde(default)]
    pub follow_up: Vec<Spanned<String>>,
}

/// A regulatory or operational clock.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Deadline {
    /// Identifier used by `start(...)`, `meet(...)` and conditions.
    pub id: Spanned<String>,
    /// e.g. `GDPR notice to the CNIL`.
    pub label: String,
    /// Time allowed once started, e.g. `72h`.
    pub duration: Spanned<String>,
    /// Team responsible, if any.
    #[serde(default)]
    pub team: Option<Spanned<String>>,
    /// A team's own duty (default) or a threat's countdown, never scored against the team.
    #[serde(default)]
    pub kind: DeadlineKind,
    /// What it is and why it matters.
    #[serde(default)]
    pub description: String,
    /// Legal or guidance reference, e.g. `GDPR Art. 33`.
    #[serde(default)]
    pub reference: String,
    /// Effects when met.
    #[serde(default)]
    pub on_met: Vec<Spanned<String>>,
    /// Effects when missed.
    #[serde(default)]
    pub on_missed: Vec<Spanned<String>>,
}

/// Whose clock a deadline is.
#[derive(Clone, Copy, Debug, Default, Deserialize, Serialize, PartialEq, Eq)]
pub enum DeadlineKind {
    /// The team's own duty (e.g. notify the CNIL within 72 h): met or missed by the team.
    #[default]
    Duty,
    /// A threat's countdown (e.g. the attackers' ransom deadline): shown on the timeline,
    /// never scored as met or missed by the team.
    Threat,
}

/// Something that may happen at any clock step.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RandomEvent {
    /// Identifier.
    pub id: Spanned<String>,
    /// What happens, for transcripts and reports.
    #[serde(default)]
    pub label: String,
    /// Probability per clock step (0 to 1, or an expression).
    pub chance: Spanned<Literal>,
    /// Only rolled while this condition holds.
    #[serde(default)]
    pub when: Option<Spanned<String>>,
    /// Happens at most once (default), or may repeat.
    #[serde(default = "default_true")]
    pub once: bool,
    /// Effects when it happens (often `schedule(inject)`).
    pub effects: Vec<Spanned<String>>,
}

fn default_true() -> bool {
    true
}

/// How the exercise may end.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ending {
    /// Identifier used by `end(...)`.
    pub id: Spanned<String>,
    /// Title shown at the end.
    pub title: String,
    /// Ends the exercise as soon as this condition holds.
    #[serde(default)]
    pub when: Option<Spanned<String>>,
    /// The ending used when the clock runs out (exactly one ending has it).
    #[serde(default)]
    pub default: Spanned<bool>,
    /// Debrief text for the room.
    #[serde(default)]
    pub debrief: String,
}

/// Score weights, grades and best-practice checks.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scoring {
    /// Whether the exercise has a score (format 2: `score: false` keeps the checks and
    /// ratings of a discussion exercise without a score or grade).
    #[serde(default = "spanned_true")]
    pub score: Spanned<bool>,
    /// Grade bands, e.g. `(min: 85, grade: "A", label: "Exemplary")`.
    #[serde(default)]
    pub grades: Vec<Grade>,
    /// Best-practice checks.
    #[serde(default)]
    pub checks: Vec<Check>,
}

/// A grade band.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Grade {
    /// Lowest score in the band.
    pub min: Spanned<f64>,
    /// Short grade, e.g. `A`.
    pub grade: String,
    /// Description, e.g. `Exemplary response`.
    #[serde(default)]
    pub label: String,
}

/// A best-practice check.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Check {
    /// Identifier.
    pub id: Spanned<String>,
    /// e.g. `Network isolated within 1 h of the first alert`.
    pub title: String,
    /// The condition that meets the check.
    pub when: Spanned<String>,
    /// Time window: met only if `when` holds within this long of `from`; without it, judged at the end.
    #[serde(default)]
    pub within: Option<Spanned<String>>,
    /// The inject whose firing opens the window (default: the start).
    #[serde(default)]
    pub from: Option<Spanned<String>>,
    /// The objective it evidences.
    #[serde(default)]
    pub objective: Option<Spanned<String>>,
    /// What to learn when it is missed.
    #[serde(default)]
    pub lesson: String,
    /// Guidance it comes from, e.g. `ANSSI, Attaques par rançongiciels (2020)`.
    #[serde(default)]
    pub reference: String,
}

fn spanned_true() -> Spanned<bool> {
    Spanned::from(true)
}
