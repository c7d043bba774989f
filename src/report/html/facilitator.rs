//! The facilitator's annex of the HTML report: the scenario's guidance for each decision
//! (its answer key) and the score, kept out of the main part.

use std::fmt::Write;

use super::{esc, section_open, table_head};
use crate::report::fmt::{num, plural, with_unit};
use crate::report::model::*;
use crate::report::outline::Section;

/// The facilitator's annex.
pub(super) fn section(h: &mut String, r: &Report, id: &str) {
    let res = &r.results;
    section_open(h, r, id, Section::Facilitator);
    h.push_str(
        "<p>This annex holds the scenario's answer key and the score, for the facilitator and \
         the evaluators. The score is an aid to the debrief, not a grade of the teams; the main \
         part of the report does not depend on it.</p>\n<h3>The scenario's guidance</h3>\n",
    );
    let taken: Vec<&DecisionReport> = r.decisions.iter().filter(|d| d.option.is_some()).collect();
    if taken.is_empty() {
        h.push_str("<p class=\"muted\">No decision was taken.</p>\n");
    } else {
        table_head(
            h,
            "grid",
            &[
                "Opened",
                "Decision",
                "Option chosen",
                "Guidance recommends",
                "As recommended",
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
                    Some(o) if o.recommended => "<span class=\"badge met\">✓ yes</span>",
                    _ if d.recommended.is_empty() => "–",
                    _ => "<span class=\"badge missed\">✗ no</span>",
                }
            );
        }
        let _ = writeln!(
            h,
            "</tbody></table>\n<p>{} of {} as the scenario's guidance recommends.</p>",
            res.decisions_recommended,
            esc(&plural(res.decisions_taken, "decision", "decisions"))
        );
    }
    if !res.score.scored {
        h.push_str("<h3>Score</h3>\n<p>This exercise has no score (a discussion exercise): see the checks, deadlines and ratings.</p>\n</section>\n");
        return;
    }
    let grade = res
        .score
        .grade
        .as_ref()
        .map(|g| format!(", grade {}: {}", esc(&g.grade), esc(&g.label)))
        .unwrap_or_default();
    let _ = writeln!(
        h,
        "<h3>Score</h3>\n<p><strong>{}:</strong> {} / 100{grade}</p>",
        if res.score.final_ {
            "Score"
        } else {
            "Score (provisional)"
        },
        esc(&num(res.score.score))
    );
    if !res.score.parts.is_empty() {
        table_head(
            h,
            "grid num",
            &["Metric", "Final value", "Weight", "Goodness", "Points"],
        );
        for p in &res.score.parts {
            let _ = writeln!(
                h,
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}%</td><td>{}</td></tr>",
                esc(&p.label),
                esc(&with_unit(p.value, &p.unit)),
                esc(&num(p.weight)),
                esc(&num(p.goodness * 100.0)),
                esc(&num(p.points))
            );
        }
        let _ = writeln!(
            h,
            "<tr class=\"total\"><td>Score</td><td></td><td></td><td></td><td>{}</td></tr>",
            esc(&num(res.score.score))
        );
        h.push_str("</tbody></table>\n<p class=\"muted\">Each metric is scaled from its worst to its best value (0–100%), weighted, and summed.</p>\n");
    }
    if !res.score.overrides.is_empty() {
        h.push_str("<p>Facilitator overrides that moved the score:</p>\n");
        table_head(h, "grid", &["When", "Metric", "Change", "Points", "Reason"]);
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
