//! The executive summary: the ending, the evaluation, strengths and areas for
//! improvement, the decisions that mattered most, skill and luck, and the key figures.

use super::{Out, inline_when, rating};
use crate::print::Text;
use crate::report::fmt::suggestion;
use crate::report::model::*;
use crate::report::outline::Section;
use crate::tr;

/// The executive summary section.
pub(super) fn section(out: &mut Out, r: &Report) {
    let (res, ex, l) = (&r.results, &r.executive, r.lang);
    let (colon, space) = crate::report::fmt::colon_parts(l);
    super::open(out, r, Section::Summary);
    out.para(Text::plain(&ex.overview));
    match &res.ending {
        Some(e) => {
            let by = match (e.by_facilitator, e.reason.is_empty()) {
                (false, _) => String::new(),
                (true, true) => format!(" · {}", tr!(l, "report-ended-by-facilitator")),
                (true, false) => format!(
                    " · {}",
                    tr!(
                        l,
                        "report-ended-by-facilitator-reason",
                        reason = e.reason.as_str()
                    )
                ),
            };
            out.para(Text::bold(format!(
                "{}{colon}{space}{}",
                tr!(l, "report-ending"),
                e.title
            )));
            out.muted(format!(
                "{}{by}",
                tr!(l, "report-reached-at", when = inline_when(l, &e.when))
            ));
            out.text_block(&e.debrief);
        }
        None => {
            out.para(
                Text::bold(format!("{}{colon}", tr!(l, "report-ending")))
                    .then(format!("{space}{}", tr!(l, "report-not-reached"))),
            );
            out.muted(tr!(
                l,
                "report-in-progress-at",
                when = inline_when(l, &r.overview.scenario_to)
            ));
        }
    }
    if !r.objectives.is_empty() {
        out.heading(1, tr!(l, "report-evaluation"));
        out.para(Text::plain(&ex.ratings));
        let rows = r
            .objectives
            .iter()
            .enumerate()
            .map(|(k, o)| {
                vec![
                    Text::plain((k + 1).to_string()),
                    Text::plain(&o.text),
                    rating(l, o),
                    super::cell(&o.note),
                    Text::italic(suggestion(l, o)),
                    Text::plain(tr!(l, "report-linked-met", met = o.met, n = o.applicable)),
                ]
            })
            .collect();
        out.table(
            vec![
                String::new(),
                tr!(l, "report-col-objective"),
                tr!(l, "report-col-rating"),
                tr!(l, "report-col-note"),
                tr!(l, "report-col-suggested"),
                tr!(l, "report-col-evidence"),
            ],
            rows,
            &[1, 6, 4, 3, 3, 3],
        );
    }
    for (title, items) in [
        (tr!(l, "report-strengths"), &ex.strengths),
        (tr!(l, "report-improvements"), &ex.improvements),
        (tr!(l, "report-decisive"), &ex.decisions),
    ] {
        if !items.is_empty() {
            out.heading(1, title);
            out.bullets(items.iter().map(Text::plain).collect());
        }
    }
    if !ex.luck.is_empty() {
        out.para(Text::bold(tr!(l, "report-skill-luck")).then(format!(" {}", ex.luck)));
    }
    out.heading(1, tr!(l, "report-key-figures"));
    out.bullets(ex.figures.iter().map(Text::plain).collect());
}
