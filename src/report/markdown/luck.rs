//! The Markdown "skill and luck" section.

use std::fmt::Write;

use super::escape::{inline, leading};
use super::{heading, table};
use crate::report::luck::{self, chance_text, count, percent, score, signed};
use crate::report::model::Report;
use crate::report::outline::Section;

/// The skill-and-luck annex, when the report has an analysis.
pub(super) fn section(out: &mut String, r: &Report) {
    let Some(a) = &r.analysis else {
        return;
    };
    heading(out, r, Section::Luck);
    let _ = writeln!(
        out,
        "Your decisions, played {} times under other dice: expected score **{}** (p5–p95 {}–{}); \
         this run: **{}**; luck: **{}**.\n",
        count(a.completed),
        score(a.expected),
        score(a.p5),
        score(a.p95),
        crate::report::fmt::num(a.this_run),
        a.luck.map_or_else(|| "–".into(), signed)
    );
    if !a.endings.is_empty() {
        let list: Vec<String> = a
            .endings
            .iter()
            .map(|e| format!("{} {}", inline(&e.title), percent(e.share)))
            .collect();
        let _ = write!(out, "With your decisions: {}.", list.join(", "));
        if let Some(e) = a.endings.iter().find(|e| e.this_run) {
            let _ = write!(out, " This run: {}.", inline(&e.title));
        }
        out.push_str("\n\n");
    }
    let _ = writeln!(out, "{}\n", leading(&luck::method(a)));
    out.push_str("### The decisions that mattered most\n\n");
    let top = a.top_decisions();
    if top.is_empty() {
        out.push_str("None of your decisions had an alternative that could be tried.\n\n");
    } else {
        let rows: Vec<Vec<String>> = top
            .iter()
            .map(|d| {
                let own = d.options.iter().find(|o| o.chosen);
                let alts: Vec<String> = d
                    .options
                    .iter()
                    .filter(|o| !o.chosen && o.runs > 0)
                    .map(|o| {
                        format!(
                            "{}: {} ({})",
                            inline(&o.label),
                            score(o.expected),
                            o.difference.map_or_else(|| "–".into(), signed)
                        )
                    })
                    .collect();
                vec![
                    inline(&d.prompt),
                    own.map(|o| format!("{}: {}", inline(&o.label), score(o.expected)))
                        .unwrap_or_else(|| "–".into()),
                    alts.join("; "),
                    format!("{} of {}", count(d.arose), count(a.alternative_runs)),
                ]
            })
            .collect();
        table(
            out,
            &[
                "Decision",
                "Your choice: expected score",
                "Other options: expected score (difference)",
                "Arose in",
            ],
            &rows,
        );
        let _ = writeln!(out, "{}\n", luck::table_note(a));
    }
    out.push_str("### Dice, not choice\n\n");
    if a.dice.is_empty() {
        out.push_str("Nothing in this run was left to chance.\n\n");
        return;
    }
    for d in &a.dice {
        let when = d
            .offset
            .as_ref()
            .map_or_else(String::new, |o| format!("{o} "));
        let what = if d.happened {
            leading(&d.text)
        } else {
            format!("{} did not happen", leading(&d.text))
        };
        let _ = writeln!(out, "- {when}{what}: {}", chance_text(d));
    }
    out.push('\n');
}
