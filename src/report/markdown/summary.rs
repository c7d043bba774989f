//! The Markdown executive summary: the ending, the evaluation, strengths and areas for
//! improvement, the decisions that mattered most, skill and luck, and the key figures.

use std::fmt::Write;

use super::escape::{inline, leading};
use super::{heading, quote, rated, suggested, table};
use crate::report::fmt::plural;
use crate::report::model::*;
use crate::report::outline::Section;

/// The executive summary section.
pub(super) fn section(out: &mut String, r: &Report) {
    let res = &r.results;
    let ex = &r.executive;
    heading(out, r, Section::Summary);
    let _ = writeln!(out, "{}\n", leading(&ex.overview));
    match &res.ending {
        Some(e) => {
            let by = if e.by_facilitator {
                if e.reason.is_empty() {
                    ", ended by the facilitator".to_string()
                } else {
                    format!(", ended by the facilitator: {}", inline(&e.reason))
                }
            } else {
                String::new()
            };
            let _ = writeln!(
                out,
                "**Ending:** {} (reached at {}, {}{by})\n",
                inline(&e.title),
                e.when.offset,
                e.when.clock
            );
            if !e.debrief.is_empty() {
                let _ = writeln!(out, "{}", quote(&e.debrief));
            }
        }
        None => {
            let _ = writeln!(
                out,
                "**Ending:** not reached yet (the exercise is in progress at {}).\n",
                r.overview.scenario_to.offset
            );
        }
    }
    if !r.objectives.is_empty() {
        let _ = writeln!(out, "**Evaluation.** {}\n", inline(&ex.ratings));
        let rows: Vec<Vec<String>> = r
            .objectives
            .iter()
            .enumerate()
            .map(|(k, o)| {
                vec![
                    (k + 1).to_string(),
                    inline(&o.text),
                    rated(o),
                    if o.note.is_empty() {
                        "–".into()
                    } else {
                        inline(&o.note)
                    },
                    suggested(o),
                    format!(
                        "{} of {} met",
                        o.met,
                        plural(o.applicable, "linked check", "linked checks")
                    ),
                ]
            })
            .collect();
        table(
            out,
            &[
                "",
                "Objective",
                "Evaluator's rating",
                "Evaluator's note",
                "Suggested",
                "Evidence",
            ],
            &rows,
        );
    }
    list(out, "Strengths", &ex.strengths);
    list(out, "Areas for improvement", &ex.improvements);
    list(out, "The decisions that mattered most", &ex.decisions);
    if !ex.luck.is_empty() {
        let _ = writeln!(out, "**Skill and luck.** {}\n", inline(&ex.luck));
    }
    out.push_str("**Key figures**\n\n");
    for line in &ex.figures {
        let _ = writeln!(out, "- {line}");
    }
    out.push('\n');
}

fn list(out: &mut String, title: &str, items: &[String]) {
    if items.is_empty() {
        return;
    }
    let _ = writeln!(out, "**{title}**\n");
    for i in items {
        let _ = writeln!(out, "- {}", leading(i));
    }
    out.push('\n');
}
