//! The HTML "skill and luck" section.

use std::fmt::Write;

use super::{esc, section_open, table_head};
use crate::report::luck::{self, chance_text, count, percent, score, signed};
use crate::report::model::Report;
use crate::report::outline::Section;

/// The section, when the report has an analysis.
pub(super) fn section(h: &mut String, r: &Report, id: &str) {
    let Some(a) = &r.analysis else {
        return;
    };
    section_open(h, r, id, Section::Luck);
    let _ = writeln!(
        h,
        "<p class=\"lead\">Your decisions, played {} times under other dice: expected score \
         <strong>{}</strong> (p5–p95 {}–{}); this run: <strong>{}</strong>; luck: \
         <strong>{}</strong>.</p>",
        count(a.completed),
        score(a.expected),
        score(a.p5),
        score(a.p95),
        crate::report::fmt::num(a.this_run),
        esc(&a.luck.map_or_else(|| "–".into(), signed))
    );
    if !a.endings.is_empty() {
        let list: Vec<String> = a
            .endings
            .iter()
            .map(|e| format!("{} {}", esc(&e.title), percent(e.share)))
            .collect();
        let _ = write!(h, "<p>With your decisions: {}.", list.join(", "));
        if let Some(e) = a.endings.iter().find(|e| e.this_run) {
            let _ = write!(h, " This run: {}.", esc(&e.title));
        }
        h.push_str("</p>\n");
    }
    let _ = writeln!(h, "<p class=\"muted\">{}</p>", esc(&luck::method(a)));
    h.push_str("<h3>The decisions that mattered most</h3>\n");
    let top = a.top_decisions();
    if top.is_empty() {
        h.push_str(
            "<p class=\"muted\">None of your decisions had an alternative that could be tried.</p>\n",
        );
    } else {
        table_head(
            h,
            "grid",
            &[
                "Decision",
                "Your choice: expected score",
                "Other options: expected score (difference)",
                "Arose in",
            ],
        );
        for d in top {
            let own = d
                .options
                .iter()
                .find(|o| o.chosen)
                .map(|o| format!("{}: {}", esc(&o.label), score(o.expected)))
                .unwrap_or_else(|| "–".into());
            let alts: Vec<String> = d
                .options
                .iter()
                .filter(|o| !o.chosen && o.runs > 0)
                .map(|o| {
                    format!(
                        "<div>{}: {} ({})</div>",
                        esc(&o.label),
                        score(o.expected),
                        esc(&o.difference.map_or_else(|| "–".into(), signed))
                    )
                })
                .collect();
            let _ = writeln!(
                h,
                "<tr><td>{}</td><td>{own}</td><td>{}</td><td>{} of {}</td></tr>",
                esc(&d.prompt),
                alts.concat(),
                count(d.arose),
                count(a.alternative_runs)
            );
        }
        h.push_str("</tbody></table>\n");
        let _ = writeln!(h, "<p class=\"muted\">{}</p>", esc(&luck::table_note(a)));
    }
    h.push_str("<h3>Dice, not choice</h3>\n");
    if a.dice.is_empty() {
        h.push_str("<p class=\"muted\">Nothing in this run was left to chance.</p>\n");
    } else {
        h.push_str("<ul>\n");
        for d in &a.dice {
            let when = d
                .offset
                .as_ref()
                .map_or_else(String::new, |o| format!("{} ", esc(o)));
            let what = if d.happened {
                esc(&d.text)
            } else {
                format!("{} did not happen", esc(&d.text))
            };
            let _ = writeln!(h, "<li>{when}{what}: {}</li>", esc(&chance_text(d)));
        }
        h.push_str("</ul>\n");
    }
    h.push_str("</section>\n");
}
