//! The facilitator's annex of the Markdown report: the scenario's guidance for each
//! decision (its answer key) and the score, kept out of the main part.

use std::fmt::Write;

use super::escape::inline;
use super::{heading, table};
use crate::report::fmt::{num, num_in, with_unit_in};
use crate::report::model::*;
use crate::report::outline::Section;
use crate::tr;

/// The facilitator's annex.
pub(super) fn section(out: &mut String, r: &Report) {
    let res = &r.results;
    heading(out, r, Section::Facilitator);
    let _ = writeln!(out, "{}\n", tr!(r.lang, "report-facilitator-intro"));
    let _ = writeln!(out, "### {}\n", tr!(r.lang, "report-guidance"));
    let taken: Vec<&DecisionReport> = r.decisions.iter().filter(|d| d.option.is_some()).collect();
    if taken.is_empty() {
        let _ = writeln!(out, "{}\n", tr!(r.lang, "report-no-decision-taken"));
    } else {
        let rows: Vec<Vec<String>> = taken
            .iter()
            .map(|d| {
                let o = d.option.as_ref();
                vec![
                    d.opened.when(),
                    inline(&d.prompt),
                    o.map(|o| inline(&o.label)).unwrap_or_default(),
                    if d.recommended.is_empty() {
                        "–".into()
                    } else {
                        inline(&d.recommended.join(" / "))
                    },
                    match o {
                        Some(o) if o.recommended => format!("✓ {}", tr!(r.lang, "report-yes")),
                        _ if d.recommended.is_empty() => "–".into(),
                        _ => format!("✗ {}", tr!(r.lang, "report-no")),
                    },
                ]
            })
            .collect();
        table(
            out,
            &[
                &tr!(r.lang, "report-col-opened"),
                &tr!(r.lang, "report-col-decision"),
                &tr!(r.lang, "report-col-option"),
                &tr!(r.lang, "report-col-guidance"),
                &tr!(r.lang, "report-col-as-recommended"),
            ],
            &rows,
        );
        let _ = writeln!(
            out,
            "{}\n",
            tr!(
                r.lang,
                "report-as-recommended",
                k = res.decisions_recommended,
                n = res.decisions_taken
            )
        );
    }
    let _ = writeln!(out, "### {}\n", tr!(r.lang, "report-score"));
    if !res.score.scored {
        let _ = writeln!(out, "{}\n", tr!(r.lang, "report-no-score"));
        return;
    }
    let (colon, space) = crate::report::fmt::colon_parts(r.lang);
    let _ = writeln!(
        out,
        "**{}{colon}**{space}{}/100{}\n",
        if res.score.final_ {
            tr!(r.lang, "report-score")
        } else {
            tr!(r.lang, "report-score-provisional")
        },
        num_in(r.lang, res.score.score),
        res.score
            .grade
            .as_ref()
            .map(|g| {
                format!(
                    ", {}",
                    tr!(
                        r.lang,
                        "report-md-grade",
                        grade = inline(&g.grade),
                        label = inline(&g.label)
                    )
                )
            })
            .unwrap_or_default()
    );
    if res.score.parts.is_empty() {
        return;
    }
    let mut rows: Vec<Vec<String>> = res
        .score
        .parts
        .iter()
        .map(|p| {
            vec![
                inline(&p.label),
                inline(&with_unit_in(r.lang, p.value, &p.unit)),
                num_in(r.lang, p.weight),
                with_unit_in(r.lang, p.goodness * 100.0, "%"),
                num_in(r.lang, p.points),
            ]
        })
        .collect();
    rows.push(vec![
        format!("**{}**", tr!(r.lang, "report-score")),
        String::new(),
        String::new(),
        String::new(),
        format!("**{}**", num_in(r.lang, res.score.score)),
    ]);
    table(
        out,
        &[
            &tr!(r.lang, "report-col-metric"),
            &tr!(r.lang, "report-col-final-value"),
            &tr!(r.lang, "report-col-weight"),
            &tr!(r.lang, "report-col-goodness"),
            &tr!(r.lang, "report-col-points"),
        ],
        &rows,
    );
    if res.score.overrides.is_empty() {
        return;
    }
    let _ = writeln!(out, "{}\n", tr!(r.lang, "report-overrides"));
    let rows: Vec<Vec<String>> = res
        .score
        .overrides
        .iter()
        .map(|o| {
            vec![
                inline(&o.when.when()),
                inline(&o.label),
                format!("{} → {}", num(o.from), num(o.to)),
                format!("{:+}", o.points),
                if o.reason.is_empty() {
                    "–".into()
                } else {
                    inline(&o.reason)
                },
            ]
        })
        .collect();
    table(
        out,
        &[
            &tr!(r.lang, "report-col-when"),
            &tr!(r.lang, "report-col-metric"),
            &tr!(r.lang, "report-col-change"),
            &tr!(r.lang, "report-col-points"),
            &tr!(r.lang, "report-col-reason"),
        ],
        &rows,
    );
}
