//! The Markdown report: readable as is in a terminal, and as rendered Markdown. Every
//! scenario and journal string goes through [`escape`] for the place it lands in (a cell,
//! a heading, a list item, a paragraph line), so that it shows literally and cannot change
//! the report's structure.

mod annex;
mod compare;
mod escape;
mod facilitator;
mod luck;
mod summary;

use std::fmt::Write;

use escape::{code, inline, leading, lines};

use crate::i18n::Lang;
use crate::report::fmt::{self, real_clock};
use crate::report::model::*;
use crate::report::outline::{self, Section};
use crate::tr;

/// A block of text as a Markdown block quote, one line per line of text.
fn quote(s: &str) -> String {
    let mut out = String::new();
    let l = lines(s);
    for (k, line) in l.iter().enumerate() {
        let brk = if k + 1 < l.len() { "  " } else { "" };
        let _ = writeln!(out, "> {line}{brk}");
    }
    out
}

/// A paragraph of text, its line breaks kept as hard breaks; `indent` starts each line
/// after the first (to stay inside a list item).
fn para(s: &str, indent: &str) -> String {
    lines(s).join(&format!("  \n{indent}"))
}

/// Columns of the improvement plan, as in the HSEEP IP.
fn plan_columns(l: Lang) -> [String; 8] {
    [
        tr!(l, "report-plan-col-objective"),
        tr!(l, "report-plan-col-issue"),
        tr!(l, "report-plan-col-action"),
        tr!(l, "report-plan-col-capability"),
        tr!(l, "report-plan-col-organisation"),
        tr!(l, "report-plan-col-contact"),
        tr!(l, "report-plan-col-start"),
        tr!(l, "report-plan-col-completion"),
    ]
}

fn table(out: &mut String, head: &[&str], rows: &[Vec<String>]) {
    let _ = writeln!(out, "| {} |", head.join(" | "));
    let _ = writeln!(
        out,
        "|{}|",
        head.iter().map(|_| "---").collect::<Vec<_>>().join("|")
    );
    for r in rows {
        let _ = writeln!(out, "| {} |", r.join(" | "));
    }
    out.push('\n');
}

/// Renders a document.
pub fn render(doc: &Document) -> String {
    let mut out = String::with_capacity(16 * 1024);
    match &doc.comparison {
        Some(c) => {
            compare::comparison(&mut out, c, &doc.reports);
            for (i, r) in doc.reports.iter().enumerate() {
                out.push_str("\n---\n\n");
                report(&mut out, r, Some(i + 1));
            }
        }
        None => {
            if let Some(r) = doc.reports.first() {
                report(&mut out, r, None);
            }
        }
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

fn status_word(l: Lang, s: CheckOutcome) -> String {
    match s {
        CheckOutcome::Met => format!("✓ {}", tr!(l, "report-md-check-met")),
        CheckOutcome::Missed => format!("✗ {}", tr!(l, "report-md-check-missed")),
        CheckOutcome::Open => format!("… {}", tr!(l, "report-md-check-open")),
        CheckOutcome::NotApplicable => format!("– {}", tr!(l, "report-md-check-na")),
    }
}

fn report(out: &mut String, r: &Report, group: Option<usize>) {
    let o = &r.overview;
    let l = r.lang;
    match group {
        Some(n) => {
            let _ = writeln!(
                out,
                "# {}\n\n{}\n",
                tr!(l, "report-md-group-title", n = n, label = inline(&r.label)),
                tr!(l, "report-md-title", title = inline(&o.scenario.title))
            );
        }
        None => {
            let _ = writeln!(
                out,
                "# {}\n",
                tr!(l, "report-md-title", title = inline(&o.scenario.title))
            );
        }
    }
    let _ = writeln!(
        out,
        "> {}\n",
        tr!(l, "report-md-draft", file = code(&o.journal.file))
    );
    if r.status == Progress::InProgress {
        let _ = writeln!(
            out,
            "> {}\n",
            tr!(
                l,
                "report-md-in-progress",
                offset = o.scenario_to.offset.as_str(),
                clock = o.scenario_to.clock.as_str()
            )
        );
    }
    for w in &r.warnings {
        let _ = writeln!(out, "> {}\n", tr!(l, "report-md-note", text = inline(w)));
    }
    for (section, _) in outline::sections(r) {
        match section {
            Section::Overview => overview(out, r),
            Section::Summary => summary::section(out, r),
            Section::Objectives => objectives(out, r),
            Section::Plan => plan(out, r),
            Section::Timeline => annex::timeline(out, r),
            Section::Charts => annex::charts(out, r),
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

/// The `##` heading of a section, numbered or lettered as in the outline.
fn heading(out: &mut String, r: &Report, section: Section) {
    let _ = writeln!(
        out,
        "## {}
",
        outline::title(r, section)
    );
}

fn overview(out: &mut String, r: &Report) {
    let o = &r.overview;
    let l = r.lang;
    heading(out, r, Section::Overview);
    if !o.scenario.summary.is_empty() {
        let _ = writeln!(out, "{}\n", para(&o.scenario.summary, ""));
    }
    let mut rows = vec![vec![
        tr!(l, "report-row-scenario"),
        format!(
            "{}{}",
            inline(&o.scenario.title),
            fmt::paren(
                l,
                &format!(
                    "{}{}{}",
                    code(&o.scenario.id),
                    fmt::comma(l),
                    tr!(l, "report-version", version = inline(&o.scenario.version))
                )
            )
        ),
    ]];
    if !o.scenario.setting.is_empty() {
        rows.push(vec![
            tr!(l, "report-row-setting"),
            inline(&o.scenario.setting),
        ]);
    }
    if !o.date.is_empty() {
        rows.push(vec![
            tr!(l, "report-row-date"),
            tr!(
                l,
                "report-date-started",
                date = o.date.as_str(),
                time = inline(&fmt::started(&o.scenario_from, &o.time_zone))
            ),
        ]);
    }
    rows.push(vec![
        tr!(l, "report-row-real-duration"),
        format!(
            "{}{}",
            fmt::real_duration_in(l, o.real_duration_ms),
            if o.paused_ms > 0 {
                tr!(
                    l,
                    "report-paused",
                    time = fmt::real_duration_in(l, o.paused_ms)
                )
            } else {
                String::new()
            }
        ),
    ]);
    for i in &o.interruptions {
        rows.push(vec![
            tr!(l, "report-row-interruption"),
            tr!(
                l,
                "report-at-when",
                text = inline(&i.text),
                when = format!("{}{}", i.resumed.offset, fmt::paren(l, &i.resumed.clock))
            ),
        ]);
    }
    rows.push(vec![
        tr!(l, "report-row-covered"),
        format!(
            "{}{} → {}{}{}{}{}{}",
            o.scenario_from.offset,
            fmt::paren(l, &o.scenario_from.clock),
            o.scenario_to.offset,
            fmt::paren(l, &o.scenario_to.clock),
            fmt::comma(l),
            fmt::span_in(l, o.scenario_to.at - o.scenario_from.at),
            fmt::semicolon(l),
            if r.status == Progress::Ended {
                tr!(l, "report-exercise-ended")
            } else {
                format!("**{}**", tr!(l, "report-exercise-in-progress"))
            }
        ),
    ]);
    if !o.phases.is_empty() {
        rows.push(vec![
            tr!(l, "report-row-phases"),
            o.phases
                .iter()
                .map(|p| inline(p))
                .collect::<Vec<_>>()
                .join(" → "),
        ]);
    }
    if !o.organisation.is_empty() {
        rows.push(vec![
            tr!(l, "report-row-organisation"),
            inline(&o.organisation),
        ]);
    }
    if !o.facilitator.is_empty() {
        rows.push(vec![
            tr!(l, "report-row-facilitator"),
            inline(&o.facilitator),
        ]);
    }
    table(out, &["", ""], &rows);
    let _ = writeln!(out, "### {}\n", tr!(l, "report-teams"));
    let members = o.teams.iter().any(|t| !t.members.is_empty());
    let rows: Vec<Vec<String>> = o
        .teams
        .iter()
        .map(|t| {
            let mut row = vec![inline(&t.name), inline(&t.description)];
            if members {
                row.push(if t.members.is_empty() {
                    tr!(l, "report-not-recorded")
                } else {
                    inline(&t.members)
                });
            }
            row
        })
        .collect();
    let team = tr!(l, "report-col-team");
    let resp = tr!(l, "report-col-responsibilities");
    if members {
        table(out, &[&team, &resp, &tr!(l, "report-col-members")], &rows);
    } else {
        table(out, &[&team, &resp], &rows);
        let _ = writeln!(out, "{}\n", tr!(l, "report-members-not-recorded"));
    }
    if !o.parameters.is_empty() {
        let _ = writeln!(out, "### {}\n", tr!(l, "report-parameters"));
        let rows: Vec<Vec<String>> = o
            .parameters
            .iter()
            .map(|p| vec![inline(&p.label), inline(&p.value)])
            .collect();
        table(
            out,
            &[&tr!(l, "report-col-question"), &tr!(l, "report-col-answer")],
            &rows,
        );
    }
}

/// The evaluator's rating, e.g. `**P** Performed without challenges` or `pending evaluator`.
pub(super) fn rated(l: Lang, o: &ObjectiveReport) -> String {
    if o.rating == "pending" {
        tr!(l, "report-md-pending-evaluator")
    } else {
        format!("**{}** {}", o.rating, o.rating_text)
    }
}

fn objectives(out: &mut String, r: &Report) {
    let l = r.lang;
    heading(out, r, Section::Objectives);
    if r.objectives.is_empty() {
        let _ = writeln!(out, "{}\n", tr!(l, "report-no-objectives"));
        notes(out, r);
        return;
    }
    let _ = writeln!(out, "{}\n", tr!(l, "report-md-ratings-intro"));
    for (k, o) in r.objectives.iter().enumerate() {
        let _ = writeln!(
            out,
            "### {}\n\n{}\n",
            tr!(
                l,
                "report-objective-heading",
                n = k + 1,
                text = inline(&o.text)
            ),
            tr!(
                l,
                "report-md-objective-line",
                rating = rated(l, o),
                suggested = fmt::suggestion(l, o),
                capability = inline(&o.capability)
            )
        );
        if !o.note.is_empty() {
            let _ = writeln!(
                out,
                "{}\n",
                tr!(l, "report-evaluator-note", note = inline(&o.note))
            );
        }
        if !o.tasks.is_empty() {
            let _ = writeln!(out, "**{}**\n", tr!(l, "report-critical-tasks"));
            for t in &o.tasks {
                let _ = writeln!(
                    out,
                    "- {}{}: {}",
                    leading(&t.text),
                    if t.target.is_empty() {
                        String::new()
                    } else {
                        format!(" ({})", tr!(l, "report-target", target = inline(&t.target)))
                    },
                    tr!(l, "report-task-met", met = t.met, n = t.applicable)
                );
            }
            out.push('\n');
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
            let list: Vec<&&CheckReport> = linked
                .iter()
                .filter(|c| status.contains(&c.status))
                .collect();
            if list.is_empty() {
                continue;
            }
            let _ = writeln!(out, "**{title}**\n");
            for c in list {
                let at = c
                    .when
                    .as_ref()
                    .map(|m| format!(" {}", tr!(l, "report-at", when = m.when())))
                    .unwrap_or_default();
                let _ = writeln!(
                    out,
                    "- {} {}{at}",
                    status_word(l, c.status),
                    inline(&c.title)
                );
                if c.status == CheckOutcome::Missed && !c.lesson.is_empty() {
                    let _ = writeln!(out, "  - {} {}", tr!(l, "report-lesson"), inline(&c.lesson));
                }
            }
            out.push('\n');
        }
        if linked.is_empty() {
            let _ = writeln!(out, "{}\n", tr!(l, "report-no-linked-check"));
        }
    }
    notes(out, r);
}

/// The facilitator's notes taken during play: observations for the analysis.
fn notes(out: &mut String, r: &Report) {
    let o = &r.overview;
    if o.facilitator_notes.is_empty() {
        return;
    }
    let _ = writeln!(out, "### {}\n", tr!(r.lang, "report-notes"));
    for n in &o.facilitator_notes {
        let _ = writeln!(
            out,
            "- **{}** ({}): {}",
            n.when.when(),
            real_clock(&n.when),
            para(&n.text, "  ")
        );
    }
    out.push('\n');
}

fn plan(out: &mut String, r: &Report) {
    heading(out, r, Section::Plan);
    let _ = writeln!(out, "{}\n", tr!(r.lang, "report-plan-intro"));
    let mut rows: Vec<Vec<String>> = r
        .improvement_plan
        .iter()
        .map(|i| {
            vec![
                i.objective.map(|k| k.to_string()).unwrap_or_default(),
                inline(&i.issue),
                inline(&i.corrective_action),
                inline(&i.capability),
                inline(&i.organisation),
                inline(&i.point_of_contact),
                inline(&i.start),
                inline(&i.completion),
            ]
        })
        .collect();
    for _ in 0..outline::BLANK_PLAN_ROWS {
        rows.push(vec![String::new(); 8]);
    }
    let columns = plan_columns(r.lang);
    let columns: Vec<&str> = columns.iter().map(String::as_str).collect();
    table(out, &columns, &rows);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_keep_their_lines_without_starting_blocks() {
        assert_eq!(
            quote("# head\n\n- line"),
            "> \\# head  \n> \u{a0}  \n> \\- line\n"
        );
        assert_eq!(para("one\n    two", "  "), "one  \n  two");
    }
}
