//! The HTML executive summary: the ending, the evaluation, strengths and areas for
//! improvement, the decisions that mattered most, skill and luck, and the key figures.

use std::fmt::Write;

use super::{block, esc, inline_when, rating, section_open, suggestion, table_head};
use crate::report::fmt::plural;
use crate::report::model::*;
use crate::report::outline::Section;

/// The executive summary section.
pub(super) fn section(h: &mut String, r: &Report, id: &str) {
    let res = &r.results;
    let ex = &r.executive;
    section_open(h, r, id, Section::Summary);
    let _ = writeln!(h, "<p class=\"lead\">{}</p>", esc(&ex.overview));
    match &res.ending {
        Some(e) => {
            let by = if e.by_facilitator {
                if e.reason.is_empty() {
                    " · ended by the facilitator".to_string()
                } else {
                    format!(" · ended by the facilitator: {}", esc(&e.reason))
                }
            } else {
                String::new()
            };
            let _ = writeln!(
                h,
                "<div class=\"card ending\"><p class=\"label\">Ending</p><p class=\"big\">{}</p><p class=\"muted\">Reached at {}{by}</p>{}</div>",
                esc(&e.title),
                inline_when(&e.when),
                block(&e.debrief)
            );
        }
        None => {
            let _ = writeln!(
                h,
                "<div class=\"card ending\"><p class=\"label\">Ending</p><p class=\"big\">Not reached yet</p><p class=\"muted\">The exercise is in progress at {}.</p></div>",
                inline_when(&r.overview.scenario_to)
            );
        }
    }
    if !r.objectives.is_empty() {
        let _ = writeln!(h, "<h3>Evaluation</h3>\n<p>{}</p>", esc(&ex.ratings));
        table_head(
            h,
            "grid ratings",
            &[
                "",
                "Objective",
                "Evaluator's rating",
                "Evaluator's note",
                "Suggested",
                "Evidence",
            ],
        );
        for (k, o) in r.objectives.iter().enumerate() {
            let _ = writeln!(
                h,
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{} of {} met</td></tr>",
                k + 1,
                esc(&o.text),
                rating(o),
                if o.note.is_empty() {
                    "–".to_string()
                } else {
                    esc(&o.note)
                },
                suggestion(o),
                o.met,
                plural(o.applicable, "linked check", "linked checks")
            );
        }
        h.push_str("</tbody></table>\n");
    }
    list(h, "Strengths", "strengths", &ex.strengths);
    list(h, "Areas for improvement", "areas", &ex.improvements);
    list(
        h,
        "The decisions that mattered most",
        "decisive",
        &ex.decisions,
    );
    if !ex.luck.is_empty() {
        let _ = writeln!(
            h,
            "<p><strong>Skill and luck.</strong> {}</p>",
            esc(&ex.luck)
        );
    }
    h.push_str("<h3>Key figures</h3>\n<ul class=\"figures\">\n");
    for line in &ex.figures {
        let _ = writeln!(h, "<li>{}</li>", esc(line));
    }
    h.push_str("</ul>\n</section>\n");
}

fn list(h: &mut String, title: &str, class: &str, items: &[String]) {
    if items.is_empty() {
        return;
    }
    let _ = writeln!(h, "<h3>{}</h3>\n<ul class=\"{class}\">", esc(title));
    for i in items {
        let _ = writeln!(h, "<li>{}</li>", esc(i));
    }
    h.push_str("</ul>\n");
}
