//! The after-action report as a printable document tree ([`crate::print::Doc`]), which
//! `print::docx` writes as an editable Word document (`report --format docx`). It follows
//! [`outline`] as the HTML report does: the same sections, numbered titles and annex
//! letters, in the report's language; a comparison comes before the groups' reports. The
//! improvement plan is a table to fill in; charts are the HTML report's SVG charts.

mod annex;
mod charts;
mod compare;
mod facilitator;
mod luck;
mod markup;
mod summary;

use crate::i18n::Lang;
use crate::print::{Block, Doc, Table, Text};
use crate::report::fmt;
use crate::report::model::*;
use crate::report::outline::{self, Part, Section};
use crate::tr;

use markup::{esc, rich};

/// The document tree of a report or a comparison.
pub fn document(doc: &Document) -> Doc {
    let l = doc.lang();
    let mut out = Out {
        blocks: Vec::new(),
        level: 1,
    };
    let (title, subtitle) = match (&doc.comparison, doc.reports.first()) {
        (Some(c), _) => {
            compare::comparison(&mut out, c, &doc.reports);
            for (i, r) in doc.reports.iter().enumerate() {
                out.blocks.push(Block::PageBreak);
                out.heading(0, tr!(l, "report-c-group-report", label = r.label.as_str()));
                out.para(Text::bold(tr!(
                    r.lang,
                    "report-html-kicker-group",
                    n = i + 1
                )));
                let sub = cover_line(r);
                if !sub.is_empty() {
                    out.para(Text::plain(sub));
                }
                out.level = 2;
                report(&mut out, r);
                out.level = 1;
            }
            (
                c.scenario_title.clone(),
                vec![tr!(l, "report-c-kicker", n = doc.reports.len())],
            )
        }
        (None, Some(r)) => {
            report(&mut out, r);
            let mut sub = vec![tr!(l, "report-html-kicker")];
            sub.extend(Some(cover_line(r)).filter(|s| !s.is_empty()));
            (r.overview.scenario.title.clone(), sub)
        }
        (None, None) => (String::new(), Vec::new()),
    };
    Doc {
        lang: doc.html_lang(),
        title,
        subtitle,
        marking: Some(tr!(l, "report-word-marking")),
        contents: Some(tr!(l, "report-contents")),
        blocks: out.blocks,
    }
}

/// The blocks being written, and the level of section headings (1, or 2 for the groups'
/// reports in a comparison).
struct Out {
    blocks: Vec<Block>,
    level: u8,
}

impl Out {
    /// A heading `depth` levels under a section's (0: the section's own), at most level 3.
    fn heading(&mut self, depth: u8, text: impl Into<String>) {
        self.blocks.push(Block::Heading {
            level: (self.level + depth).min(3),
            text: text.into(),
        });
    }

    fn para(&mut self, t: impl Into<Text>) {
        self.blocks.push(Block::Paragraph(t.into()));
    }

    /// A remark in italics (the HTML's muted lines).
    fn muted(&mut self, s: impl Into<String>) {
        self.blocks.push(Block::Paragraph(Text::italic(s)));
    }

    /// A bold label, its colon, then the value: one fact of a facts table.
    fn fact(&mut self, l: Lang, label: &str, value: impl Into<String>) {
        let (colon, space) = fmt::colon_parts(l);
        self.para(Text::bold(format!("{label}{colon}")).then(format!("{space}{}", value.into())));
    }

    /// Scenario text: one paragraph per blank-line-separated block.
    fn text_block(&mut self, s: &str) {
        for p in paragraphs(s) {
            self.para(Text::plain(p));
        }
    }

    fn bullets(&mut self, items: Vec<Text>) {
        if !items.is_empty() {
            self.blocks.push(Block::Bullets(items));
        }
    }

    fn table(&mut self, header: Vec<String>, rows: Vec<Vec<Text>>, widths: &[u16]) {
        self.blocks.push(Block::Table(Table {
            header,
            rows,
            widths: widths.to_vec(),
        }));
    }
}

/// The paragraphs of a block of text, their lines kept.
fn paragraphs(s: &str) -> Vec<String> {
    s.split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| p.lines().map(str::trim_end).collect::<Vec<_>>().join("\n"))
        .collect()
}

/// A cell: plain text, or `–` when empty.
fn cell(s: &str) -> Text {
    Text::plain(if s.is_empty() { "–" } else { s })
}

/// The line under the title: date, organisation, facilitator.
fn cover_line(r: &Report) -> String {
    let (o, l) = (&r.overview, r.lang);
    let mut sub = Vec::new();
    if !o.date.is_empty() {
        sub.push(tr!(l, "report-exercise-of", date = o.date.as_str()));
    }
    if !o.organisation.is_empty() {
        sub.push(o.organisation.clone());
    }
    if !o.facilitator.is_empty() {
        sub.push(tr!(
            l,
            "report-facilitated-by",
            name = o.facilitator.as_str()
        ));
    }
    sub.join(" · ")
}

/// One report: its notices, then its sections in the outline's order.
fn report(out: &mut Out, r: &Report) {
    let (o, l) = (&r.overview, r.lang);
    out.blocks.push(Block::Note(rich(&tr!(
        l,
        "report-html-draft",
        file = esc(&o.journal.file)
    ))));
    if r.status == Progress::InProgress {
        out.blocks.push(Block::Note(rich(&tr!(
            l,
            "report-html-in-progress",
            offset = esc(&o.scenario_to.offset),
            clock = esc(&o.scenario_to.clock)
        ))));
    }
    for w in &r.warnings {
        out.blocks.push(Block::Note(rich(&tr!(
            l,
            "report-html-note",
            text = esc(w)
        ))));
    }
    for (section, _) in outline::sections(r) {
        match section {
            Section::Overview => overview(out, r),
            Section::Summary => summary::section(out, r),
            Section::Objectives => objectives(out, r),
            Section::Plan => plan(out, r),
            Section::Timeline => annex::timeline(out, r),
            Section::Charts => charts::section(out, r),
            Section::Checks => annex::checks(out, r),
            Section::Decisions => annex::decisions(out, r),
            Section::Deadlines => annex::deadlines(out, r),
            Section::Luck => luck::section(out, r),
            Section::Questions => annex::questions(out, r),
            Section::Facilitator => facilitator::section(out, r),
            Section::Sources => annex::sources(out, r),
        }
    }
}

/// A section's heading; the improvement plan and each annex start a new page, as in print.
fn open(out: &mut Out, r: &Report, s: Section) {
    if s.part() != Part::Main {
        out.blocks.push(Block::PageBreak);
    }
    out.heading(0, outline::title(r, s));
}

/// A moment on one line: `T+00:15 (Fri 8 Mar 22:15)`.
fn inline_when(l: Lang, m: &Moment) -> String {
    format!("{}{}", m.offset, fmt::paren(l, &m.clock))
}

fn overview(out: &mut Out, r: &Report) {
    let (o, l) = (&r.overview, r.lang);
    open(out, r, Section::Overview);
    out.text_block(&o.scenario.summary);
    out.fact(
        l,
        &tr!(l, "report-row-scenario"),
        format!(
            "{}{}",
            o.scenario.title,
            fmt::paren(
                l,
                &format!(
                    "{}{}{}",
                    o.scenario.id,
                    fmt::comma(l),
                    tr!(l, "report-version", version = o.scenario.version.as_str())
                )
            )
        ),
    );
    if !o.scenario.setting.is_empty() {
        out.fact(
            l,
            &tr!(l, "report-row-setting"),
            paragraphs(&o.scenario.setting).join(" "),
        );
    }
    if !o.date.is_empty() {
        out.fact(
            l,
            &tr!(l, "report-row-date"),
            tr!(
                l,
                "report-date-started",
                date = o.date.as_str(),
                time = fmt::started(&o.scenario_from, &o.time_zone)
            ),
        );
    }
    let paused = if o.paused_ms > 0 {
        tr!(
            l,
            "report-paused",
            time = fmt::real_duration_in(l, o.paused_ms)
        )
    } else {
        String::new()
    };
    out.fact(
        l,
        &tr!(l, "report-row-real-duration"),
        format!("{}{paused}", fmt::real_duration_in(l, o.real_duration_ms)),
    );
    for i in &o.interruptions {
        out.fact(
            l,
            &tr!(l, "report-row-interruption"),
            tr!(
                l,
                "report-at-when",
                text = i.text.as_str(),
                when = inline_when(l, &i.resumed)
            ),
        );
    }
    out.fact(
        l,
        &tr!(l, "report-row-covered"),
        format!(
            "{} → {}{}{}{}",
            inline_when(l, &o.scenario_from),
            inline_when(l, &o.scenario_to),
            fmt::paren(l, &fmt::span_in(l, o.scenario_to.at - o.scenario_from.at)),
            fmt::comma(l),
            if r.status == Progress::Ended {
                tr!(l, "report-exercise-ended")
            } else {
                tr!(l, "report-exercise-in-progress")
            }
        ),
    );
    if !o.phases.is_empty() {
        out.fact(l, &tr!(l, "report-row-phases"), o.phases.join(" → "));
    }
    if !o.organisation.is_empty() {
        out.fact(
            l,
            &tr!(l, "report-row-organisation"),
            o.organisation.as_str(),
        );
    }
    if !o.facilitator.is_empty() {
        out.fact(l, &tr!(l, "report-row-facilitator"), o.facilitator.as_str());
    }
    out.heading(1, tr!(l, "report-teams"));
    let members = o.teams.iter().any(|t| !t.members.is_empty());
    let mut header = vec![
        tr!(l, "report-col-team"),
        tr!(l, "report-col-responsibilities"),
    ];
    if members {
        header.push(tr!(l, "report-col-members"));
    }
    let rows = o
        .teams
        .iter()
        .map(|t| {
            let mut row = vec![Text::plain(&t.name), Text::plain(&t.description)];
            if members {
                row.push(if t.members.is_empty() {
                    Text::italic(tr!(l, "report-not-recorded"))
                } else {
                    Text::plain(&t.members)
                });
            }
            row
        })
        .collect();
    out.table(header, rows, if members { &[2, 4, 3] } else { &[1, 2] });
    if !members {
        out.muted(tr!(l, "report-members-not-recorded"));
    }
    if !o.parameters.is_empty() {
        out.heading(1, tr!(l, "report-parameters"));
        let rows = o
            .parameters
            .iter()
            .map(|p| vec![Text::plain(&p.label), Text::plain(&p.value)])
            .collect();
        out.table(
            vec![tr!(l, "report-col-question"), tr!(l, "report-col-answer")],
            rows,
            &[3, 1],
        );
    }
}

/// A check's result in words, with its mark: `✓ met`.
fn badge(l: Lang, s: CheckOutcome) -> String {
    match s {
        CheckOutcome::Met => format!("✓ {}", tr!(l, "report-check-met")),
        CheckOutcome::Missed => format!("✗ {}", tr!(l, "report-check-missed")),
        CheckOutcome::Open => format!("… {}", tr!(l, "report-check-open")),
        CheckOutcome::NotApplicable => format!("– {}", tr!(l, "report-check-na")),
    }
}

/// The evaluator's rating (`P Performed without challenges`), or `? pending evaluator`.
fn rating(l: Lang, o: &ObjectiveReport) -> Text {
    if o.rating == "pending" {
        Text::bold("?").then(format!(" {}", tr!(l, "report-pending-evaluator")))
    } else {
        Text::bold(&o.rating).then(format!(" {}", o.rating_text))
    }
}

fn objectives(out: &mut Out, r: &Report) {
    let l = r.lang;
    open(out, r, Section::Objectives);
    if r.objectives.is_empty() {
        out.muted(tr!(l, "report-no-objectives"));
        notes(out, r);
        return;
    }
    out.para(rich(&tr!(l, "report-html-ratings-intro")));
    for (k, o) in r.objectives.iter().enumerate() {
        out.heading(
            1,
            tr!(
                l,
                "report-objective-heading",
                n = k + 1,
                text = o.text.as_str()
            ),
        );
        let rated = if o.rating == "pending" {
            format!(
                "<strong>?</strong> {}",
                esc(&tr!(l, "report-pending-evaluator"))
            )
        } else {
            format!(
                "<strong>{}</strong> {}",
                esc(&o.rating),
                esc(&o.rating_text)
            )
        };
        out.para(rich(&tr!(
            l,
            "report-html-objective-line",
            rating = rated,
            suggested = esc(&fmt::suggestion(l, o)),
            capability = esc(&o.capability)
        )));
        if !o.note.is_empty() {
            out.para(Text::plain(tr!(
                l,
                "report-evaluator-note",
                note = o.note.as_str()
            )));
        }
        if !o.tasks.is_empty() {
            out.para(Text::bold(tr!(l, "report-critical-tasks")));
            out.bullets(
                o.tasks
                    .iter()
                    .map(|t| {
                        Text::plain(format!(
                            "{}{}: {}",
                            t.text,
                            if t.target.is_empty() {
                                String::new()
                            } else {
                                format!(
                                    " ({})",
                                    tr!(l, "report-target", target = t.target.as_str())
                                )
                            },
                            tr!(l, "report-task-met", met = t.met, n = t.applicable)
                        ))
                    })
                    .collect(),
            );
        }
        let linked: Vec<&CheckReport> = r
            .checks
            .iter()
            .filter(|c| o.checks.contains(&c.id))
            .collect();
        for (title, status) in [
            (tr!(l, "report-strengths"), &[CheckOutcome::Met][..]),
            (tr!(l, "report-improvements"), &[CheckOutcome::Missed][..]),
            (
                tr!(l, "report-not-judged"),
                &[CheckOutcome::Open, CheckOutcome::NotApplicable][..],
            ),
        ] {
            let items: Vec<Text> = linked
                .iter()
                .filter(|c| status.contains(&c.status))
                .map(|c| evidence(l, c))
                .collect();
            if !items.is_empty() {
                out.para(Text::bold(title));
                out.bullets(items);
            }
        }
        if linked.is_empty() {
            out.muted(tr!(l, "report-no-linked-check"));
        }
    }
    notes(out, r);
}

/// A check as evidence for an objective: result, title, when, and the lesson when missed.
fn evidence(l: Lang, c: &CheckReport) -> Text {
    let at = c
        .when
        .as_ref()
        .map(|m| format!(" {}", tr!(l, "report-at", when = m.when())))
        .unwrap_or_default();
    let t = Text::bold(badge(l, c.status)).then(format!(" {}{at}", c.title));
    if c.status == CheckOutcome::Missed && !c.lesson.is_empty() {
        t.then(" ")
            .then_bold(tr!(l, "report-lesson"))
            .then(format!(" {}", c.lesson))
    } else {
        t
    }
}

/// The facilitator's notes taken during play: observations for the analysis.
fn notes(out: &mut Out, r: &Report) {
    let o = &r.overview;
    if o.facilitator_notes.is_empty() {
        return;
    }
    out.heading(1, tr!(r.lang, "report-notes"));
    out.bullets(
        o.facilitator_notes
            .iter()
            .map(|n| {
                Text::bold(format!("{} · {}", n.when.when(), fmt::real_clock(&n.when)))
                    .then(format!(" {}", paragraphs(&n.text).join(" ")))
            })
            .collect(),
    );
}

/// The improvement plan: the HSEEP IP matrix, pre-filled rows then blank ones, on landscape
/// pages (eight columns, as in the HSEEP template).
fn plan(out: &mut Out, r: &Report) {
    let start = out.blocks.len();
    open(out, r, Section::Plan);
    out.para(Text::plain(tr!(r.lang, "report-plan-intro")));
    let header = outline::plan_columns(r.lang).to_vec();
    let mut rows: Vec<Vec<Text>> = r
        .improvement_plan
        .iter()
        .map(|item| {
            [
                item.objective.map(|k| k.to_string()).unwrap_or_default(),
                item.issue.clone(),
                item.corrective_action.clone(),
                item.capability.clone(),
                item.organisation.clone(),
                item.point_of_contact.clone(),
                item.start.clone(),
                item.completion.clone(),
            ]
            .into_iter()
            .map(Text::plain)
            .collect()
        })
        .collect();
    for _ in 0..outline::BLANK_PLAN_ROWS {
        rows.push(vec![Text::default(); header.len()]);
    }
    out.table(header, rows, &[3, 7, 7, 6, 6, 4, 3, 6]);
    let landscape = out.blocks.split_off(start);
    out.blocks.push(Block::Landscape(landscape));
}
