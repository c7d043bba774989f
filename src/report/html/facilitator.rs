//! The facilitator's annex of the HTML report: the scenario's guidance for each decision
//! (its answer key) and the score, kept out of the main part.

use std::fmt::Write;

use super::{esc, section_open, table_head};
use crate::report::fmt::{num, num_in, with_unit_in};
use crate::report::model::*;
use crate::report::outline::Section;
use crate::tr;

/// The facilitator's annex.
pub(super) fn section(h: &mut String, r: &Report, id: &str) {
    let res = &r.results;
    section_open(h, r, id, Section::Facilitator);
    let _ = writeln!(
        h,
        "<p>{}</p>\n<h3>{}</h3>",
        tr!(r.lang, "report-facilitator-intro"),
        tr!(r.lang, "report-guidance")
    );
    let taken: Vec<&DecisionReport> = r.decisions.iter().filter(|d| d.option.is_some()).collect();
    if taken.is_empty() {
        let _ = writeln!(
            h,
            "<p class=\"muted\">{}</p>",
            tr!(r.lang, "report-no-decision-taken")
        );
    } else {
        table_head(
            h,
            "grid",
            &[
                &tr!(r.lang, "report-col-opened"),
                &tr!(r.lang, "report-col-decision"),
                &tr!(r.lang, "report-col-option"),
                &tr!(r.lang, "report-col-guidance"),
                &tr!(r.lang, "report-col-as-recommended"),
            ],
        );
        for d in &taken {
            let o = d.option.as_ref();
            let _ = writeln!(
                h,
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                esc(&d.opened.when()),
                esc(&d.prompt),
                o.map(|o| esc(&o.label)).unwrap_or_default(),
                if d.recommended.is_empty() {
                    "–".into()
                } else {
                    esc(&d.recommended.join(" / "))
                },
                match o {
                    Some(o) if o.recommended => format!(
                        "<span class=\"badge met\">✓ {}</span>",
                        tr!(r.lang, "report-yes")
                    ),
                    _ if d.recommended.is_empty() => "–".to_string(),
                    _ => format!(
                        "<span class=\"badge missed\">✗ {}</span>",
                        tr!(r.lang, "report-no")
                    ),
                }
            );
        }
        let _ = writeln!(
            h,
            "</tbody></table>\n<p>{}</p>",
            tr!(
                r.lang,
                "report-as-recommended",
                k = res.decisions_recommended,
                n = res.decisions_taken
            )
        );
    }
    if !res.score.scored {
        let _ = writeln!(
            h,
            "<h3>{}</h3>\n<p>{}</p>\n</section>",
            tr!(r.lang, "report-score"),
            tr!(r.lang, "report-no-score")
        );
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
                    r.lang,
                    "report-grade",
                    grade = esc(&g.grade),
                    label = esc(&g.label)
                )
            )
        })
        .unwrap_or_default();
    let (colon, space) = crate::report::fmt::colon_parts(r.lang);
    let _ = writeln!(
        h,
        "<h3>{}</h3>\n<p><strong>{}{colon}</strong>{space}{} / 100{grade}</p>",
        tr!(r.lang, "report-score"),
        if res.score.final_ {
            tr!(r.lang, "report-score")
        } else {
            tr!(r.lang, "report-score-provisional")
        },
        esc(&num_in(r.lang, res.score.score))
    );
    if !res.score.parts.is_empty() {
        table_head(
            h,
            "grid num",
            &[
                &tr!(r.lang, "report-col-metric"),
                &tr!(r.lang, "report-col-final-value"),
                &tr!(r.lang, "report-col-weight"),
                &tr!(r.lang, "report-col-goodness"),
                &tr!(r.lang, "report-col-points"),
            ],
        );
        for p in &res.score.parts {
            let _ = writeln!(
                h,
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                esc(&p.label),
                esc(&with_unit_in(r.lang, p.value, &p.unit)),
                esc(&num_in(r.lang, p.weight)),
                esc(&with_unit_in(r.lang, p.goodness * 100.0, "%")),
                esc(&num_in(r.lang, p.points))
            );
        }
        let _ = writeln!(
            h,
            "<tr class=\"total\"><td>{}</td><td></td><td></td><td></td><td>{}</td></tr>",
            tr!(r.lang, "report-score"),
            esc(&num_in(r.lang, res.score.score))
        );
        let _ = writeln!(
            h,
            "</tbody></table>\n<p class=\"muted\">{}</p>",
            tr!(r.lang, "report-score-method")
        );
    }
    if !res.score.overrides.is_empty() {
        let _ = writeln!(h, "<p>{}</p>", tr!(r.lang, "report-overrides"));
        table_head(
            h,
            "grid",
            &[
                &tr!(r.lang, "report-col-when"),
                &tr!(r.lang, "report-col-metric"),
                &tr!(r.lang, "report-col-change"),
                &tr!(r.lang, "report-col-points"),
                &tr!(r.lang, "report-col-reason"),
            ],
        );
        for o in &res.score.overrides {
            let _ = writeln!(
                h,
                "<tr><td>{}</td><td>{}</td><td>{} → {}</td><td>{:+}</td><td>{}</td></tr>",
                esc(&o.when.when()),
                esc(&o.label),
                esc(&num(o.from)),
                esc(&num(o.to)),
                o.points,
                if o.reason.is_empty() {
                    "–".to_string()
                } else {
                    esc(&o.reason)
                }
            );
        }
        h.push_str("</tbody></table>\n");
    }
    h.push_str("</section>\n");
}
