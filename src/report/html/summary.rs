//! The HTML executive summary: the ending, the evaluation, strengths and areas for
//! improvement, the decisions that mattered most, skill and luck, and the key figures.

use std::fmt::Write;

use super::{block, esc, inline_when, rating, section_open, suggestion, table_head};
use crate::report::model::*;
use crate::report::outline::Section;
use crate::tr;

/// The executive summary section.
pub(super) fn section(h: &mut String, r: &Report, id: &str) {
    let res = &r.results;
    let ex = &r.executive;
    let l = r.lang;
    section_open(h, r, id, Section::Summary);
    let _ = writeln!(h, "<p class=\"lead\">{}</p>", esc(&ex.overview));
    match &res.ending {
        Some(e) => {
            let by = if e.by_facilitator {
                if e.reason.is_empty() {
                    format!(" · {}", tr!(l, "report-ended-by-facilitator"))
                } else {
                    format!(
                        " · {}",
                        tr!(
                            l,
                            "report-ended-by-facilitator-reason",
                            reason = esc(&e.reason)
                        )
                    )
                }
            } else {
                String::new()
            };
            let _ = writeln!(
                h,
                "<div class=\"card ending\"><p class=\"label\">{}</p><p class=\"big\">{}</p><p class=\"muted\">{}{by}</p>{}</div>",
                tr!(l, "report-ending"),
                esc(&e.title),
                tr!(l, "report-reached-at", when = inline_when(l, &e.when)),
                block(&e.debrief)
            );
        }
        None => {
            let _ = writeln!(
                h,
                "<div class=\"card ending\"><p class=\"label\">{}</p><p class=\"big\">{}</p><p class=\"muted\">{}</p></div>",
                tr!(l, "report-ending"),
                tr!(l, "report-not-reached"),
                tr!(
                    l,
                    "report-in-progress-at",
                    when = inline_when(l, &r.overview.scenario_to)
                )
            );
        }
    }
    if !r.objectives.is_empty() {
        let _ = writeln!(
            h,
            "<h3>{}</h3>\n<p>{}</p>",
            tr!(l, "report-evaluation"),
            esc(&ex.ratings)
        );
        table_head(
            h,
            "grid ratings",
            &[
                "",
                &tr!(l, "report-col-objective"),
                &tr!(l, "report-col-rating"),
                &tr!(l, "report-col-note"),
                &tr!(l, "report-col-suggested"),
                &tr!(l, "report-col-evidence"),
            ],
        );
        for (k, o) in r.objectives.iter().enumerate() {
            let _ = writeln!(
                h,
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                k + 1,
                esc(&o.text),
                rating(l, o),
                if o.note.is_empty() {
                    "–".to_string()
                } else {
                    esc(&o.note)
                },
                suggestion(l, o),
                tr!(l, "report-linked-met", met = o.met, n = o.applicable)
            );
        }
        h.push_str("</tbody></table>\n");
    }
    list(h, &tr!(l, "report-strengths"), "strengths", &ex.strengths);
    list(h, &tr!(l, "report-improvements"), "areas", &ex.improvements);
    list(h, &tr!(l, "report-decisive"), "decisive", &ex.decisions);
    if !ex.luck.is_empty() {
        let _ = writeln!(
            h,
            "<p><strong>{}</strong> {}</p>",
            tr!(l, "report-skill-luck"),
            esc(&ex.luck)
        );
    }
    let _ = writeln!(
        h,
        "<h3>{}</h3>\n<ul class=\"figures\">",
        tr!(l, "report-key-figures")
    );
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
