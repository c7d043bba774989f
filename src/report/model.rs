//! The report model: everything an after-action report shows, built once from the scenario,
//! the journal and the replayed exercise (see [`super::build`]), then rendered as Markdown,
//! JSON or HTML. The JSON format is this model serialised; `docs/report-schema.md`
//! documents it. Every text field is already sanitised (no control characters); renderers
//! still escape it for their own syntax.

use serde::Serialize;

/// Version of the JSON report schema. Bumped on any incompatible change.
pub const SCHEMA_VERSION: u32 = 2;

/// A whole report file: one exercise, or several groups of the same scenario compared.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Document {
    /// Always [`SCHEMA_VERSION`].
    pub schema_version: u32,
    /// `report` (one journal) or `comparison` (several).
    pub kind: DocumentKind,
    /// One report per journal, in the order given.
    pub reports: Vec<Report>,
    /// The comparison, when several journals were given.
    pub comparison: Option<super::compare::Comparison>,
}

impl Document {
    /// The language the document is written in: its first report's (English without one).
    pub fn lang(&self) -> crate::i18n::Lang {
        self.reports.first().map(|r| r.lang).unwrap_or_default()
    }

    /// The HTML `lang` of the document: the scenario's own tag (`zh-Hans`) when the report
    /// is in the scenario's language, else the tag of the language used (`fr`).
    pub fn html_lang(&self) -> String {
        let lang = self.lang();
        match self.reports.first() {
            Some(r) if crate::i18n::Lang::from_tag(&r.overview.scenario.language) == Some(lang) => {
                crate::text::html_lang(&r.overview.scenario.language)
            }
            _ => lang.tag().to_string(),
        }
    }
}

/// What a [`Document`] holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DocumentKind {
    /// One exercise.
    Report,
    /// Several groups compared.
    Comparison,
}

/// Whether the exercise reached an ending.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Progress {
    /// An ending was reached.
    Ended,
    /// The journal stops before any ending: ratings and score are provisional.
    InProgress,
}

/// The after-action report of one exercise.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Report {
    /// The group's short name: its organisation, or the journal's file name.
    pub label: String,
    /// Ended or still in progress.
    pub status: Progress,
    /// Problems the reader should know about (a changed scenario file, a torn journal...).
    pub warnings: Vec<String>,
    /// Exercise overview.
    pub overview: Overview,
    /// Ending, score and key figures.
    pub results: Results,
    /// The executive summary, written from the data.
    pub executive: Executive,
    /// Objectives with their HSEEP ratings and evidence.
    pub objectives: Vec<ObjectiveReport>,
    /// Best-practice checks.
    pub checks: Vec<CheckReport>,
    /// Every decision that opened, in the order they opened.
    pub decisions: Vec<DecisionReport>,
    /// What happened, in the order it happened in the room.
    pub timeline: Vec<TimelineItem>,
    /// Each metric's trajectory.
    pub metrics: Vec<MetricSeries>,
    /// Each IT system's states over time.
    pub systems: Vec<SystemSeries>,
    /// Each clinical service's capacity over time.
    pub services: Vec<ServiceSeries>,
    /// Deadlines.
    pub deadlines: Vec<DeadlineReport>,
    /// Discussion questions for the hot wash, by phase and inject.
    pub questions: Vec<QuestionGroup>,
    /// The improvement plan, with missed checks and deadlines pre-filled.
    pub improvement_plan: Vec<ImprovementItem>,
    /// The scenario's public sources.
    pub references: Vec<Reference>,
    /// Skill and luck: the team's decisions played again under other dice (`null` when not
    /// computed: `--no-analysis`, or the exercise has not ended).
    pub analysis: Option<super::luck::SkillLuck>,
    /// Every time a team took a repeatable action, in order (absent without actions).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub actions: Vec<ActionUse>,
    /// The language the report is written in (`--lang`, else the scenario's, else the
    /// environment's); the renderers read it. Not in JSON.
    #[serde(skip)]
    pub lang: crate::i18n::Lang,
    /// The flags, with their changes (absent without flags).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub flags: Vec<ValueSeries>,
    /// The counters, with their changes (absent without counters).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub counters: Vec<ValueSeries>,
}

/// A point in the exercise: scenario time and, when known, real time.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Moment {
    /// Scenario seconds since T+0.
    pub at: i64,
    /// `T+hh:mm`.
    pub offset: String,
    /// The scenario's clock then, e.g. `Fri 8 Mar 22:15`.
    pub clock: String,
    /// Real milliseconds since the session started.
    pub real_ms: u64,
    /// Wall-clock time (RFC 3339, at the room's UTC offset), from the journal's `started_at`
    /// plus `real_ms`; `null` when
    /// the journal has no valid start time.
    pub real: Option<String>,
    /// The same time as the room reads it, with its zone (`14:05:10 CET`); left out of
    /// JSON (`real` carries the offset).
    #[serde(skip)]
    pub real_clock: Option<String>,
}

impl Moment {
    /// The scenario's day and clock time with the offset, as people read it in the report:
    /// `Fri 8 Mar 22:15 · T+00:15`.
    pub fn when(&self) -> String {
        format!("{} · {}", self.clock, self.offset)
    }
}

/// Exercise overview.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Overview {
    /// The scenario.
    pub scenario: ScenarioInfo,
    /// The journal.
    pub journal: JournalInfo,
    /// Organisation exercising (from the briefing; may be empty).
    pub organisation: String,
    /// Facilitator (from the briefing; may be empty).
    pub facilitator: String,
    /// Wall-clock start (RFC 3339), as recorded; empty if unknown.
    pub started_at: String,
    /// The room's time zone, in which real times are given: `Europe/Paris (UTC+01:00)`, or
    /// `UTC` for journals that record none; empty if the start is unknown.
    pub time_zone: String,
    /// The date of the exercise for people, e.g. `Fri 29 Nov 2026`; empty if unknown.
    pub date: String,
    /// Real duration in ms (the last entry's time).
    pub real_duration_ms: u64,
    /// Real time spent paused, ms.
    pub paused_ms: u64,
    /// Scenario time covered: from T+0 to where the clock stands.
    pub scenario_from: Moment,
    /// Where the scenario clock stands at the end of the journal.
    pub scenario_to: Moment,
    /// Phases reached, in order.
    pub phases: Vec<String>,
    /// Teams and who sat in them.
    pub teams: Vec<TeamInfo>,
    /// Parameters as set at the briefing.
    pub parameters: Vec<ParamInfo>,
    /// Notes the facilitator recorded during the exercise.
    pub facilitator_notes: Vec<Note>,
    /// Times no console had the exercise open (a crash, or a quit and a resume), from the
    /// journal's heartbeats; left out when there were none.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub interruptions: Vec<Interruption>,
}

/// A time the exercise was interrupted and resumed.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Interruption {
    /// When it was resumed.
    pub resumed: Moment,
    /// How long no console had it open, in wall-clock ms.
    pub ms: u64,
    /// For people: `resumed after an interruption of 4 min`.
    pub text: String,
}

/// The scenario played.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ScenarioInfo {
    /// Identifier.
    pub id: String,
    /// Title.
    pub title: String,
    /// Version.
    pub version: String,
    /// Summary.
    pub summary: String,
    /// Setting.
    pub setting: String,
    /// Authors.
    pub authors: Vec<String>,
    /// Where it was loaded from, as the journal records it.
    pub source: String,
    /// `sha256:` of the scenario file the journal was recorded with.
    pub hash: String,
    /// The scenario's language (`meta.language`, BCP 47), for the HTML `lang`; not in JSON.
    #[serde(skip)]
    pub language: String,
}

/// The journal the report was built from.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct JournalInfo {
    /// Its file name (without folders, so that reports do not depend on where it lies).
    pub file: String,
    /// Number of entries.
    pub entries: usize,
    /// Seed of the exercise.
    pub seed: u64,
    /// The Downtime version that recorded it.
    pub recorded_with: String,
    /// The journal it was forked from and the entries kept, if forked.
    pub forked_from: Option<String>,
}

/// A team.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TeamInfo {
    /// Identifier.
    pub id: String,
    /// Name.
    pub name: String,
    /// Responsibilities.
    pub description: String,
    /// Who sat in it (from the briefing; may be empty).
    pub members: String,
}

/// A parameter's value.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ParamInfo {
    /// Identifier.
    pub id: String,
    /// The question asked at the briefing.
    pub label: String,
    /// The value, for people (`yes`, `no`, a number or a choice).
    pub value: String,
}

/// A facilitator's note.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Note {
    /// When.
    pub when: Moment,
    /// The note.
    pub text: String,
}

/// The executive summary, in plain sentences written from the data (renderers escape them).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Executive {
    /// Who played what, when, for how long, and how it ended.
    pub overview: String,
    /// The evaluator's ratings so far, in one sentence.
    pub ratings: String,
    /// Strengths: one line per objective with evidence met.
    pub strengths: Vec<String>,
    /// Areas for improvement: one line per objective with evidence missed, then missed duties.
    pub improvements: Vec<String>,
    /// The decisions that mattered most, one sentence each (empty without the analysis).
    pub decisions: Vec<String>,
    /// Skill and luck in a sentence or two (empty without the analysis).
    pub luck: String,
    /// Key figures, one line each: checks, deadlines, decisions, time to decide,
    /// facilitator interventions.
    pub figures: Vec<String>,
}

/// Ending, score and key figures.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Results {
    /// The ending, once reached.
    pub ending: Option<EndingInfo>,
    /// The score (provisional while in progress).
    pub score: ScoreInfo,
    /// Checks met.
    pub checks_met: usize,
    /// Checks missed.
    pub checks_missed: usize,
    /// Checks still open (only while in progress).
    pub checks_open: usize,
    /// The team's own deadlines (duties) met by a team's decision.
    pub deadlines_met: usize,
    /// Duties met by others (an effect that was not a team's decision).
    pub deadlines_met_by_others: usize,
    /// Duties missed (threat countdowns are never counted).
    pub deadlines_missed: usize,
    /// Decisions taken (in force at the end).
    pub decisions_taken: usize,
    /// Of which taken by default when time ran out.
    pub decisions_timed_out: usize,
    /// Decisions taken that a scenario marks as recommended.
    pub decisions_recommended: usize,
    /// Mean real time the teams took to decide, ms, timeouts counted at their limit (`null`
    /// without decisions).
    pub mean_time_to_decide_ms: Option<u64>,
    /// Timeouts counted in the mean at their limit.
    pub mean_counts_timeouts: usize,
    /// Decisions undone.
    pub undos: usize,
    /// Injects fired as curveballs by the facilitator.
    pub curveballs: usize,
    /// Metrics changed by hand.
    pub overrides: usize,
}

/// The ending reached.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct EndingInfo {
    /// Identifier.
    pub id: String,
    /// Title.
    pub title: String,
    /// Debrief text.
    pub debrief: String,
    /// When it was reached.
    pub when: Moment,
    /// The facilitator ended the exercise (the default ending applies).
    pub by_facilitator: bool,
    /// The facilitator's reason, if any.
    pub reason: String,
}

/// The score and its breakdown.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ScoreInfo {
    /// Whether the scenario has a score; false for `scoring: None` (a discussion exercise),
    /// when `score` is 0 and `grade` and `parts` are empty.
    pub scored: bool,
    /// 0 to 100.
    pub score: f64,
    /// False while the exercise is in progress.
    #[serde(rename = "final")]
    pub final_: bool,
    /// The grade band, if the scenario defines grades and the report was asked for it
    /// (`--grade`); the score and grade are for the facilitator.
    pub grade: Option<GradeInfo>,
    /// Each scored metric's part.
    pub parts: Vec<ScorePart>,
    /// Each facilitator override in force that moved a scored metric, in order.
    pub overrides: Vec<ScoreOverride>,
}

/// A facilitator's override of a scored metric, as the score breakdown lists it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ScoreOverride {
    /// When.
    pub when: Moment,
    /// Metric id.
    pub metric: String,
    /// Metric label.
    pub label: String,
    /// Value before.
    pub from: f64,
    /// Value after.
    pub to: f64,
    /// Points it moved the score by, had nothing else changed (may be negative).
    pub points: f64,
    /// The facilitator's reason (may be empty).
    pub reason: String,
}

/// A grade band.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GradeInfo {
    /// The grade, e.g. `B`.
    pub grade: String,
    /// Its description.
    pub label: String,
}

/// One metric's part of the score.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ScorePart {
    /// Metric id.
    pub metric: String,
    /// Metric label.
    pub label: String,
    /// Unit.
    pub unit: String,
    /// Weight.
    pub weight: f64,
    /// Final value.
    pub value: f64,
    /// The value scaled to 0..1, 1 best.
    pub goodness: f64,
    /// Points contributed to the score.
    pub points: f64,
}

/// An objective, its rating and the evidence.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ObjectiveReport {
    /// Identifier.
    pub id: String,
    /// Text.
    pub text: String,
    /// HSEEP core capability.
    pub capability: String,
    /// The evaluator's rating, `P`, `S`, `M` or `U`, or `pending` until an evaluator rates it.
    pub rating: String,
    /// The rating's HSEEP wording, or `Pending evaluator`.
    pub rating_text: String,
    /// The evaluator's note (may be empty).
    pub note: String,
    /// When the evaluator rated it.
    pub rated: Option<Moment>,
    /// The rating the evidence suggests: `P`, `S`, `M`, `U`, or `not_rated`. A suggestion only.
    pub suggested: String,
    /// The suggestion's HSEEP wording.
    pub suggested_text: String,
    /// Linked checks met.
    pub met: usize,
    /// Linked checks that applied.
    pub applicable: usize,
    /// Ids of the linked checks (details in [`Report::checks`]).
    pub checks: Vec<String>,
    /// Its critical tasks.
    pub tasks: Vec<TaskReport>,
}

/// A critical task and its evidence.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TaskReport {
    /// Identifier.
    pub id: String,
    /// Text.
    pub text: String,
    /// Capability target (may be empty).
    pub target: String,
    /// Ids of the checks that evidence it.
    pub checks: Vec<String>,
    /// Of those, met.
    pub met: usize,
    /// Of those, applicable.
    pub applicable: usize,
}

/// Status of a best-practice check.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CheckOutcome {
    /// Met.
    Met,
    /// Missed.
    Missed,
    /// Not decided yet (exercise in progress).
    Open,
    /// Its window never opened.
    NotApplicable,
}

/// A best-practice check.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CheckReport {
    /// Identifier.
    pub id: String,
    /// Title.
    pub title: String,
    /// Outcome.
    pub status: CheckOutcome,
    /// When it was met or missed.
    pub when: Option<Moment>,
    /// The window, for people: `within 30m of “…”` or `judged at the end`.
    pub window: String,
    /// Objective evidenced (id), if any.
    pub objective: Option<String>,
    /// The objective's capability (empty without an objective).
    pub capability: String,
    /// Lesson.
    pub lesson: String,
    /// Reference.
    pub reference: String,
}

/// Where a decision stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DecisionStatus {
    /// Taken.
    Taken,
    /// Still open (exercise in progress).
    Open,
    /// The exercise ended before it was taken.
    NotTaken,
}

/// A decision as the decisions table shows it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DecisionReport {
    /// Identifier.
    pub id: String,
    /// Deciding team's id.
    pub team: String,
    /// Deciding team's name.
    pub team_name: String,
    /// The question.
    pub prompt: String,
    /// The inject that carried it (title).
    pub inject: String,
    /// When it opened.
    pub opened: Moment,
    /// Where it stands.
    pub status: DecisionStatus,
    /// The option chosen. When several were picked together (a decision with `pick`):
    /// their ids joined by `+`, their labels by ` + `, recommended when the selection is
    /// exactly the recommended options; each of them is in `picked`.
    pub option: Option<OptionInfo>,
    /// The random outcome drawn, if the option has outcomes (several picked: their
    /// outcomes' labels joined by `; `).
    pub outcome: Option<OutcomeInfo>,
    /// Each option picked, with its outcome, when several were picked together (absent
    /// otherwise).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub picked: Vec<PickedOption>,
    /// Taken by default because time ran out.
    pub timeout: bool,
    /// When it was taken.
    pub chosen: Option<Moment>,
    /// Real time the team took, ms (pauses excluded).
    pub took_real_ms: Option<u64>,
    /// Scenario time the team took, s.
    pub took_scenario_s: Option<i64>,
    /// Options the scenario recommends (labels).
    pub recommended: Vec<String>,
    /// Options chosen earlier and undone, in order (labels).
    pub undone: Vec<String>,
    /// Metric values right after the entry that took it (`null` unless taken).
    pub after: Option<AfterChoice>,
    /// The votes from the team's seats, when there were any (absent otherwise).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub votes: Option<super::votes::Votes>,
}

/// An option.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct OptionInfo {
    /// Identifier.
    pub id: String,
    /// Label.
    pub label: String,
    /// Recommended by the scenario's guidance.
    pub recommended: bool,
}

/// One of several options picked together, with its outcome.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PickedOption {
    /// The option.
    pub option: OptionInfo,
    /// Its random outcome, if it has outcomes.
    pub outcome: Option<OutcomeInfo>,
}

/// A random outcome.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct OutcomeInfo {
    /// Label.
    pub label: String,
    /// Narration.
    pub text: String,
}

/// The state right after a decision.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AfterChoice {
    /// The score then.
    pub score: f64,
    /// Each metric's value then, in the scenario's order.
    pub metrics: Vec<MetricValue>,
}

/// A metric's value.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MetricValue {
    /// Metric id.
    pub metric: String,
    /// Value.
    pub value: f64,
}

/// Kinds of timeline items.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TimelineKind {
    /// The exercise started.
    Start,
    /// A phase began.
    Phase,
    /// An inject fired.
    Inject,
    /// The facilitator fired an inject.
    Curveball,
    /// A team decided.
    Decision,
    /// Time ran out; the default option was taken.
    Timeout,
    /// A decision was undone.
    Undo,
    /// A metric was changed by hand.
    Override,
    /// A facilitator's note.
    Note,
    /// The clock was paused.
    Pause,
    /// The clock was resumed.
    Resume,
    /// A random event happened.
    RandomEvent,
    /// A due inject did not fire: its guard held or its condition no longer held.
    Prevented,
    /// A waiting inject was cancelled.
    Cancelled,
    /// A deadline started.
    DeadlineStarted,
    /// A deadline was met.
    DeadlineMet,
    /// A deadline was missed.
    DeadlineMissed,
    /// A threat's countdown ended before it ran out (e.g. the ransom was paid).
    CountdownStopped,
    /// A threat's countdown ran out (not scored against the team).
    CountdownExpired,
    /// An evaluator rated an objective.
    Rating,
    /// A check was met.
    CheckMet,
    /// A check was missed.
    CheckMissed,
    /// The exercise ended.
    Ending,
    /// A team took a repeatable action.
    Action,
}

impl TimelineKind {
    /// A short label for people.
    pub fn label(self) -> &'static str {
        match self {
            TimelineKind::Start => "Start",
            TimelineKind::Phase => "Phase",
            TimelineKind::Inject => "Inject",
            TimelineKind::Curveball => "Curveball",
            TimelineKind::Action => "Action",
            TimelineKind::Decision => "Decision",
            TimelineKind::Timeout => "Timed out",
            TimelineKind::Undo => "Undo",
            TimelineKind::Override => "Override",
            TimelineKind::Note => "Note",
            TimelineKind::Pause => "Paused",
            TimelineKind::Resume => "Resumed",
            TimelineKind::RandomEvent => "Random event",
            TimelineKind::Prevented => "Prevented",
            TimelineKind::Cancelled => "Cancelled",
            TimelineKind::DeadlineStarted => "Deadline",
            TimelineKind::DeadlineMet => "Deadline met",
            TimelineKind::DeadlineMissed => "Deadline missed",
            TimelineKind::CountdownStopped => "Countdown stopped",
            TimelineKind::CountdownExpired => "Countdown expired",
            TimelineKind::Rating => "Rating",
            TimelineKind::CheckMet => "Check met",
            TimelineKind::CheckMissed => "Check missed",
            TimelineKind::Ending => "Ending",
        }
    }

    /// [`TimelineKind::label`] in a language.
    pub fn label_in(self, lang: crate::i18n::Lang) -> String {
        use crate::tr;
        match self {
            TimelineKind::Start => tr!(lang, "report-kind-start"),
            TimelineKind::Phase => tr!(lang, "report-kind-phase"),
            TimelineKind::Inject => tr!(lang, "report-kind-inject"),
            TimelineKind::Curveball => tr!(lang, "report-kind-curveball"),
            TimelineKind::Action => tr!(lang, "report-kind-action"),
            TimelineKind::Decision => tr!(lang, "report-kind-decision"),
            TimelineKind::Timeout => tr!(lang, "report-kind-timeout"),
            TimelineKind::Undo => tr!(lang, "report-kind-undo"),
            TimelineKind::Override => tr!(lang, "report-kind-override"),
            TimelineKind::Note => tr!(lang, "report-kind-note"),
            TimelineKind::Pause => tr!(lang, "report-kind-pause"),
            TimelineKind::Resume => tr!(lang, "report-kind-resume"),
            TimelineKind::RandomEvent => tr!(lang, "report-kind-random"),
            TimelineKind::Prevented => tr!(lang, "report-kind-prevented"),
            TimelineKind::Cancelled => tr!(lang, "report-kind-cancelled"),
            TimelineKind::DeadlineStarted => tr!(lang, "report-kind-deadline"),
            TimelineKind::DeadlineMet => tr!(lang, "report-kind-deadline-met"),
            TimelineKind::DeadlineMissed => tr!(lang, "report-kind-deadline-missed"),
            TimelineKind::CountdownStopped => tr!(lang, "report-kind-countdown-stopped"),
            TimelineKind::CountdownExpired => tr!(lang, "report-kind-countdown-expired"),
            TimelineKind::Rating => tr!(lang, "report-kind-rating"),
            TimelineKind::CheckMet => tr!(lang, "report-kind-check-met"),
            TimelineKind::CheckMissed => tr!(lang, "report-kind-check-missed"),
            TimelineKind::Ending => tr!(lang, "report-kind-ending"),
        }
    }
}

/// One line of the timeline.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TimelineItem {
    /// The journal entry that caused it.
    pub seq: u64,
    /// When.
    pub when: Moment,
    /// What kind of thing.
    pub kind: TimelineKind,
    /// Id of the inject, decision, metric, deadline, check or ending concerned (may be empty).
    pub id: String,
    /// One line for people.
    pub title: String,
    /// Details on one line (channel and sender, reason, outcome...), may be empty.
    pub detail: String,
    /// Longer text (an inject's message, a note), may be empty.
    pub body: String,
    /// A later undo took it back (only decisions, overrides, curveballs and phases).
    pub undone: bool,
}

/// A threshold band of a metric.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ThresholdInfo {
    /// Applies below this value.
    pub below: Option<f64>,
    /// Applies above this value.
    pub above: Option<f64>,
    /// Its label.
    pub label: String,
}

/// One time a team took a repeatable action.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ActionUse {
    /// When.
    pub when: Moment,
    /// Action id.
    pub id: String,
    /// Its label.
    pub label: String,
    /// The team's name (empty when the action is open to every team and none was named).
    pub team: String,
    /// The outcome drawn, if the action has outcomes.
    pub outcome: Option<String>,
    /// Who took it from a seat: the name given, else the seat's id (empty from the console).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub by: String,
    /// A later undo took it back.
    pub undone: bool,
}

/// A flag or counter: its label, its value at the end, and each change.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ValueSeries {
    /// Identifier.
    pub id: String,
    /// Label.
    pub label: String,
    /// Unit (counters; empty for flags).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub unit: String,
    /// Value at the start (flags: 1 for true, 0 for false).
    pub start: f64,
    /// Value at the end of the journal.
    pub end: f64,
    /// Each change that an undo did not take back: when, and the value from then on.
    pub changes: Vec<Point>,
}

/// A point of a series.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Point {
    /// Scenario seconds since T+0.
    pub at: i64,
    /// Value from then on.
    pub value: f64,
}

/// An extreme of a series.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Extreme {
    /// The value.
    pub value: f64,
    /// First reached at (scenario seconds).
    pub at: i64,
}

/// Whether a metric is better high or low.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum GoodDirection {
    /// Higher is better.
    High,
    /// Lower is better.
    Low,
}

/// A metric's trajectory.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MetricSeries {
    /// Identifier.
    pub id: String,
    /// Label.
    pub label: String,
    /// Unit.
    pub unit: String,
    /// Description.
    pub description: String,
    /// Smallest value.
    pub min: f64,
    /// Largest value.
    pub max: f64,
    /// Good direction.
    pub good: GoodDirection,
    /// Weight in the score.
    pub weight: f64,
    /// Labelled bands.
    pub thresholds: Vec<ThresholdInfo>,
    /// Values from each change on (a step function), starting at T+0.
    pub points: Vec<Point>,
    /// Value at the end of the journal.
    pub end: f64,
    /// Worst value reached (lowest if high is good).
    pub worst: Extreme,
    /// Best value reached.
    pub best: Extreme,
    /// The threshold band at the end, if any.
    pub band_at_end: Option<String>,
}

/// An IT system's states over time.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SystemSeries {
    /// Identifier.
    pub id: String,
    /// Name.
    pub name: String,
    /// Description.
    pub description: String,
    /// Each state from the time it began.
    pub states: Vec<StateChange>,
    /// State at the end.
    pub end: String,
    /// Scenario seconds down or isolated (no availability).
    pub down_s: i64,
    /// Scenario seconds degraded or restoring (partly available).
    pub impaired_s: i64,
}

/// A system's state from a time on.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StateChange {
    /// Scenario seconds since T+0.
    pub at: i64,
    /// `up`, `degraded`, `down`, `isolated`, `restoring` or `restored`.
    pub state: String,
}

/// A clinical service's capacity over time.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ServiceSeries {
    /// Identifier.
    pub id: String,
    /// Name.
    pub name: String,
    /// Description.
    pub description: String,
    /// Names of the systems it needs.
    pub depends_on: Vec<String>,
    /// Capacity (0 to 100) from each change on.
    pub points: Vec<Point>,
    /// Capacity at the end.
    pub end: f64,
    /// Lowest capacity.
    pub lowest: Extreme,
    /// Scenario seconds below full capacity.
    pub reduced_s: i64,
    /// Time-weighted mean capacity over the scenario time covered.
    pub mean: f64,
}

/// Where a deadline stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DeadlineOutcome {
    /// Never started.
    NotStarted,
    /// Started, neither met nor missed: the exercise is in progress, or ended before it fell due.
    Running,
    /// Met by a team's decision.
    Met,
    /// Met by an effect that was not a team's decision (someone else did it).
    MetByOthers,
    /// Missed.
    Missed,
    /// A threat's countdown that ended before it ran out.
    Stopped,
    /// A threat's countdown that ran out.
    Expired,
}

/// Whose clock a deadline is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DeadlineKindInfo {
    /// The team's own duty.
    Duty,
    /// A threat's countdown, never scored against the team.
    Threat,
}

/// A deadline.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DeadlineReport {
    /// Identifier.
    pub id: String,
    /// Label.
    pub label: String,
    /// Responsible team (name), may be empty.
    pub team: String,
    /// Duty or threat.
    pub kind: DeadlineKindInfo,
    /// Time allowed, s.
    pub duration_s: i64,
    /// Description.
    pub description: String,
    /// Reference.
    pub reference: String,
    /// Where it stands.
    pub status: DeadlineOutcome,
    /// When it started.
    pub started: Option<Moment>,
    /// When it fell or falls due (scenario seconds).
    pub due: Option<i64>,
    /// When it was met or missed.
    pub closed: Option<Moment>,
    /// Scenario seconds to spare when met (due minus met).
    pub margin_s: Option<i64>,
}

/// Discussion questions from one part of the scenario.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct QuestionGroup {
    /// `phase` or `inject`.
    pub source: String,
    /// Id of the phase or inject.
    pub id: String,
    /// Its title.
    pub title: String,
    /// The questions.
    pub questions: Vec<String>,
}

/// A row of the improvement plan (HSEEP IP): a corrective-action template.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ImprovementItem {
    /// Number (1-based) of the objective it falls under; `null` when none.
    pub objective: Option<usize>,
    /// Issue or area for improvement.
    pub issue: String,
    /// Corrective action (suggested from the scenario's lesson; to be reviewed).
    pub corrective_action: String,
    /// Capability.
    pub capability: String,
    /// Primary responsible organisation (to complete).
    pub organisation: String,
    /// Point of contact in that organisation (to complete).
    pub point_of_contact: String,
    /// Start date (to complete).
    pub start: String,
    /// Completion date (to complete).
    pub completion: String,
    /// Where the row came from: `check:ID`, `deadline:ID`, or empty for a blank row.
    pub source: String,
}

/// A public source of the scenario.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Reference {
    /// Title.
    pub title: String,
    /// URL.
    pub url: String,
    /// What the scenario takes from it.
    pub note: String,
}
