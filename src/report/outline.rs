//! The sections of an after-action report, in order, with their numbered titles: the main
//! part a director sends (overview, executive summary, analysis of objectives), the
//! improvement plan, then lettered annexes. Both the Markdown and the HTML renderer follow
//! it, so the two always agree.

use super::model::Report;
use crate::i18n::Lang;
use crate::tr;

/// A section of the report.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Section {
    /// Scenario, date, duration, teams, parameters, objectives.
    Overview,
    /// The ending, strengths, areas for improvement, ratings, decisions, skill and luck.
    Summary,
    /// Each objective: rating, critical tasks, strengths and areas for improvement.
    Objectives,
    /// The HSEEP improvement plan: corrective-action templates.
    Plan,
    /// What happened, in order.
    Timeline,
    /// Metric trajectories, systems and services.
    Charts,
    /// Every best-practice check.
    Checks,
    /// Every decision.
    Decisions,
    /// Deadlines.
    Deadlines,
    /// The skill-and-luck analysis in detail.
    Luck,
    /// Hot-wash discussion questions.
    Questions,
    /// The scenario's guidance (recommended options) and the score: for the facilitator.
    Facilitator,
    /// Sources and exercise data.
    Sources,
}

/// Where a section sits: the main part and the improvement plan go to the reader; annexes
/// hold the detail.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    /// Overview, executive summary, analysis of objectives.
    Main,
    /// The improvement plan.
    Plan,
    /// Timeline, charts, checks, decisions and the rest.
    Annex,
}

impl Section {
    /// The anchor of the section in HTML (prefixed per group in comparisons).
    pub fn anchor(self) -> &'static str {
        match self {
            Section::Overview => "overview",
            Section::Summary => "summary",
            Section::Objectives => "objectives",
            Section::Plan => "plan",
            Section::Timeline => "timeline",
            Section::Charts => "charts",
            Section::Checks => "checks",
            Section::Decisions => "decisions",
            Section::Deadlines => "deadlines",
            Section::Luck => "luck",
            Section::Questions => "questions",
            Section::Facilitator => "facilitator",
            Section::Sources => "sources",
        }
    }

    /// Its name in `lang`, without number or letter.
    pub fn name(self, lang: Lang) -> String {
        match self {
            Section::Overview => tr!(lang, "report-section-overview"),
            Section::Summary => tr!(lang, "report-section-summary"),
            Section::Objectives => tr!(lang, "report-section-objectives"),
            Section::Plan => tr!(lang, "report-section-plan"),
            Section::Timeline => tr!(lang, "report-section-timeline"),
            Section::Charts => tr!(lang, "report-section-charts"),
            Section::Checks => tr!(lang, "report-section-checks"),
            Section::Decisions => tr!(lang, "report-section-decisions"),
            Section::Deadlines => tr!(lang, "report-section-deadlines"),
            Section::Luck => tr!(lang, "report-section-luck"),
            Section::Questions => tr!(lang, "report-section-questions"),
            Section::Facilitator => tr!(lang, "report-section-facilitator"),
            Section::Sources => tr!(lang, "report-section-sources"),
        }
    }

    /// Main part, improvement plan or annex.
    pub fn part(self) -> Part {
        match self {
            Section::Overview | Section::Summary | Section::Objectives => Part::Main,
            Section::Plan => Part::Plan,
            _ => Part::Annex,
        }
    }
}

/// The sections of `r` in order, each with its title: `1. Exercise overview`, …,
/// `Annex A. Timeline`. The skill-and-luck annex is there only with an analysis.
pub fn sections(r: &Report) -> Vec<(Section, String)> {
    use Section::*;
    let all = [
        Overview,
        Summary,
        Objectives,
        Plan,
        Timeline,
        Charts,
        Checks,
        Decisions,
        Deadlines,
        Luck,
        Questions,
        Facilitator,
        Sources,
    ];
    let mut number = 0;
    let mut letter = b'A';
    all.into_iter()
        .filter(|s| *s != Luck || r.analysis.is_some())
        .map(|s| {
            let title = match s.part() {
                Part::Main | Part::Plan => {
                    number += 1;
                    tr!(
                        r.lang,
                        "report-section-numbered",
                        n = number,
                        name = s.name(r.lang)
                    )
                }
                Part::Annex => {
                    let t = tr!(
                        r.lang,
                        "report-section-annex",
                        letter = (letter as char).to_string(),
                        name = s.name(r.lang)
                    );
                    letter += 1;
                    t
                }
            };
            (s, title)
        })
        .collect()
}

/// The title of one section of `r` (as in [`sections`]).
pub fn title(r: &Report, section: Section) -> String {
    sections(r)
        .into_iter()
        .find(|(s, _)| *s == section)
        .map(|(_, t)| t)
        .unwrap_or_else(|| section.name(r.lang))
}

/// The columns of the improvement plan, as in the HSEEP IP matrix (the HTML and the Word
/// report; Markdown spells the first one out).
pub fn plan_columns(l: Lang) -> [String; 8] {
    [
        tr!(l, "report-plan-col-obj"),
        tr!(l, "report-plan-col-issue"),
        tr!(l, "report-plan-col-action"),
        tr!(l, "report-plan-col-capability"),
        tr!(l, "report-plan-col-organisation"),
        tr!(l, "report-plan-col-contact"),
        tr!(l, "report-plan-col-start"),
        tr!(l, "report-plan-col-completion"),
    ]
}

/// Blank rows at the end of the improvement plan, for the issues raised in the hot wash.
pub const BLANK_PLAN_ROWS: usize = 3;
