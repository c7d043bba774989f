//! The Markdown executive summary: the ending, the evaluation, strengths and areas for
//! improvement, the decisions that mattered most, skill and luck, and the key figures.

use std::fmt::Write;

use super::escape::{inline, leading};
use super::{heading, quote, rated, table};
use crate::report::fmt::suggestion as suggested;
use crate::report::model::*;
use crate::report::outline::Section;
use crate::tr;

/// The executive summary section.
pub(super) fn section(out: &mut String, r: &Report) {
    let res = &r.results;
    let ex = &r.executive;
    let l = r.lang;
    heading(out, r, Section::Summary);
    let _ = writeln!(out, "{}\n", leading(&ex.overview));
    match &res.ending {
        Some(e) => {
            let by = if e.by_facilitator {
                if e.reason.is_empty() {
                    format!(", {}", tr!(l, "report-ended-by-facilitator"))
                } else {
                    format!(
                        ", {}",
                        tr!(
                            l,
                            "report-ended-by-facilitator-reason",
                            reason = inline(&e.reason)
                        )
                    )
                }
            } else {
                String::new()
            };
            let _ = writeln!(
                out,
                "{}\n",
                tr!(
                    l,
                    "report-md-ending",
                    title = inline(&e.title),
                    when = format!(
                        "{}{}{}",
                        e.when.offset,
                        crate::report::fmt::comma(l),
                        e.when.clock
                    ),
                    by = by
                )
            );
            if !e.debrief.is_empty() {
                let _ = writeln!(out, "{}", quote(&e.debrief));
            }
        }
        None => {
            let _ = writeln!(
                out,
                "{}\n",
                tr!(
                    l,
                    "report-md-not-reached",
                    offset = r.overview.scenario_to.offset.as_str()
                )
            );
        }
    }
    if !r.objectives.is_empty() {
        let _ = writeln!(
            out,
            "**{}.** {}\n",
            tr!(l, "report-evaluation"),
            inline(&ex.ratings)
        );
        let rows: Vec<Vec<String>> = r
            .objectives
            .iter()
            .enumerate()
            .map(|(k, o)| {
                vec![
                    (k + 1).to_string(),
                    inline(&o.text),
                    rated(l, o),
                    if o.note.is_empty() {
                        "–".into()
                    } else {
                        inline(&o.note)
                    },
                    suggested(l, o),
                    tr!(l, "report-linked-met", met = o.met, n = o.applicable),
                ]
            })
            .collect();
        table(
            out,
            &[
                "",
                &tr!(l, "report-col-objective"),
                &tr!(l, "report-col-rating"),
                &tr!(l, "report-col-note"),
                &tr!(l, "report-col-suggested"),
                &tr!(l, "report-col-evidence"),
            ],
            &rows,
        );
    }
    list(out, &tr!(l, "report-strengths"), &ex.strengths);
    list(out, &tr!(l, "report-improvements"), &ex.improvements);
    list(out, &tr!(l, "report-decisive"), &ex.decisions);
    if !ex.luck.is_empty() {
        let _ = writeln!(
            out,
            "**{}** {}\n",
            tr!(l, "report-skill-luck"),
            inline(&ex.luck)
        );
    }
    let _ = writeln!(out, "**{}**\n", tr!(l, "report-key-figures"));
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
