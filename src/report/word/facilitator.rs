//! The facilitator's annex: the scenario's guidance for each decision (its answer key)
//! and the score, kept out of the main part.

use super::Out;
use crate::print::Text;
use crate::report::fmt::{colon_parts, num, num_in, with_unit_in};
use crate::report::model::*;
use crate::report::outline::Section;
use crate::tr;

/// The facilitator's annex.
pub(super) fn section(out: &mut Out, r: &Report) {
    let (res, l) = (&r.results, r.lang);
    super::open(out, r, Section::Facilitator);
    out.para(Text::plain(tr!(l, "report-facilitator-intro")));
    out.heading(1, tr!(l, "report-guidance"));
    let taken: Vec<&DecisionReport> = r.decisions.iter().filter(|d| d.option.is_some()).collect();
    if taken.is_empty() {
        out.muted(tr!(l, "report-no-decision-taken"));
    } else {
        let rows = taken
            .iter()
            .map(|d| {
                let o = d.option.as_ref();
                vec![
                    Text::plain(d.opened.when()),
                    Text::plain(&d.prompt),
                    Text::plain(o.map(|o| o.label.clone()).unwrap_or_default()),
                    super::cell(&d.recommended.join(" / ")),
                    match o {
                        Some(o) if o.recommended => {
                            Text::bold(format!("✓ {}", tr!(l, "report-yes")))
                        }
                        _ if d.recommended.is_empty() => super::cell(""),
                        _ => Text::bold(format!("✗ {}", tr!(l, "report-no"))),
                    },
                ]
            })
            .collect();
        out.table(
            vec![
                tr!(l, "report-col-opened"),
                tr!(l, "report-col-decision"),
                tr!(l, "report-col-option"),
                tr!(l, "report-col-guidance"),
                tr!(l, "report-col-as-recommended"),
            ],
            rows,
            &[3, 5, 4, 4, 3],
        );
        out.para(Text::plain(tr!(
            l,
            "report-as-recommended",
            k = res.decisions_recommended,
            n = res.decisions_taken
        )));
    }
    out.heading(1, tr!(l, "report-score"));
    if !res.score.scored {
        out.para(Text::plain(tr!(l, "report-no-score")));
        return;
    }
    let grade = res
        .score
        .grade
        .as_ref()
        .map(|g| {
            format!(
                ", {}",
                tr!(
                    l,
                    "report-grade",
                    grade = g.grade.as_str(),
                    label = g.label.as_str()
                )
            )
        })
        .unwrap_or_default();
    let (colon, space) = colon_parts(l);
    let label = if res.score.final_ {
        tr!(l, "report-score")
    } else {
        tr!(l, "report-score-provisional")
    };
    out.para(Text::bold(format!("{label}{colon}")).then(format!(
        "{space}{} / 100{grade}",
        num_in(l, res.score.score)
    )));
    if !res.score.parts.is_empty() {
        let mut rows: Vec<Vec<Text>> = res
            .score
            .parts
            .iter()
            .map(|p| {
                vec![
                    Text::plain(&p.label),
                    Text::plain(with_unit_in(l, p.value, &p.unit)),
                    Text::plain(num_in(l, p.weight)),
                    Text::plain(with_unit_in(l, p.goodness * 100.0, "%")),
                    Text::plain(num_in(l, p.points)),
                ]
            })
            .collect();
        rows.push(vec![
            Text::bold(tr!(l, "report-score")),
            Text::default(),
            Text::default(),
            Text::default(),
            Text::bold(num_in(l, res.score.score)),
        ]);
        out.table(
            vec![
                tr!(l, "report-col-metric"),
                tr!(l, "report-col-final-value"),
                tr!(l, "report-col-weight"),
                tr!(l, "report-col-goodness"),
                tr!(l, "report-col-points"),
            ],
            rows,
            &[5, 2, 2, 2, 2],
        );
        out.muted(tr!(l, "report-score-method"));
    }
    if !res.score.overrides.is_empty() {
        out.para(Text::plain(tr!(l, "report-overrides")));
        let rows = res
            .score
            .overrides
            .iter()
            .map(|o| {
                vec![
                    Text::plain(o.when.when()),
                    Text::plain(&o.label),
                    Text::plain(format!("{} → {}", num(o.from), num(o.to))),
                    Text::plain(format!("{:+}", o.points)),
                    super::cell(&o.reason),
                ]
            })
            .collect();
        out.table(
            vec![
                tr!(l, "report-col-when"),
                tr!(l, "report-col-metric"),
                tr!(l, "report-col-change"),
                tr!(l, "report-col-points"),
                tr!(l, "report-col-reason"),
            ],
            rows,
            &[3, 4, 3, 2, 4],
        );
    }
}
