//! The facilitator's annex of the Markdown report: the scenario's guidance for each
//! decision (its answer key) and the score, kept out of the main part.

use std::fmt::Write;

use super::escape::inline;
use super::{heading, table};
use crate::report::fmt::{num, plural, with_unit};
use crate::report::model::*;
use crate::report::outline::Section;

/// The facilitator's annex.
pub(super) fn section(out: &mut String, r: &Report) {
    let res = &r.results;
    heading(out, r, Section::Facilitator);
    out.push_str(
        "This annex holds the scenario's answer key and the score, for the facilitator and \
         the evaluators. The score is an aid to the debrief, not a grade of the teams; the \
         main part of the report does not depend on it.\n\n",
    );
    out.push_str("### The scenario's guidance\n\n");
    let taken: Vec<&DecisionReport> = r.decisions.iter().filter(|d| d.option.is_some()).collect();
    if taken.is_empty() {
        out.push_str("No decision was taken.\n\n");
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
                        Some(o) if o.recommended => "✓ yes".into(),
                        _ if d.recommended.is_empty() => "–".into(),
                        _ => "✗ no".into(),
                    },
                ]
            })
            .collect();
        table(
            out,
            &[
                "Opened",
                "Decision",
                "Option chosen",
                "Guidance recommends",
                "As recommended",
            ],
            &rows,
        );
        let _ = writeln!(
            out,
            "{} of {} as the scenario's guidance recommends.\n",
            res.decisions_recommended,
            plural(res.decisions_taken, "decision", "decisions")
        );
    }
    out.push_str("### Score\n\n");
    if !res.score.scored {
        out.push_str("This exercise has no score (a discussion exercise): see the checks, deadlines and ratings.\n\n");
        return;
    }
    let _ = writeln!(
        out,
        "**{}:** {}/100{}\n",
        if res.score.final_ {
            "Score"
        } else {
            "Score (provisional)"
        },
        num(res.score.score),
        res.score
            .grade
            .as_ref()
            .map(|g| format!(", grade {} ({})", inline(&g.grade), inline(&g.label)))
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
                inline(&with_unit(p.value, &p.unit)),
                num(p.weight),
                format!("{}%", num(p.goodness * 100.0)),
                num(p.points),
            ]
        })
        .collect();
    rows.push(vec![
        "**Score**".into(),
        String::new(),
        String::new(),
        String::new(),
        format!("**{}**", num(res.score.score)),
    ]);
    table(
        out,
        &["Metric", "Final value", "Weight", "Goodness", "Points"],
        &rows,
    );
    if res.score.overrides.is_empty() {
        return;
    }
    out.push_str("Facilitator overrides that moved the score:\n\n");
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
        &["When", "Metric", "Change", "Points", "Reason"],
        &rows,
    );
}
