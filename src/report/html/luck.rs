//! The HTML "skill and luck" section.

use std::fmt::Write;

use super::{esc, section_open, table_head};
use crate::report::fmt;
use crate::report::luck::{self, chance_text, count_in, percent_in, score_in, signed_in};
use crate::report::model::Report;
use crate::report::outline::Section;
use crate::tr;

/// The section, when the report has an analysis.
pub(super) fn section(h: &mut String, r: &Report, id: &str) {
    let Some(a) = &r.analysis else {
        return;
    };
    section_open(h, r, id, Section::Luck);
    let _ = writeln!(
        h,
        "<p class=\"lead\">{}</p>",
        tr!(
            r.lang,
            "report-luck-lead-html",
            runs = count_in(r.lang, a.completed),
            expected = score_in(r.lang, a.expected),
            p5 = score_in(r.lang, a.p5),
            p95 = score_in(r.lang, a.p95),
            run = crate::report::fmt::num_in(r.lang, a.this_run),
            luck = esc(&a.luck.map_or_else(|| "–".into(), |v| signed_in(r.lang, v)))
        )
    );
    if !a.endings.is_empty() {
        let list: Vec<String> = a
            .endings
            .iter()
            .map(|e| format!("{} {}", esc(&e.title), percent_in(r.lang, e.share)))
            .collect();
        let _ = write!(
            h,
            "<p>{}",
            tr!(r.lang, "report-with-your-decisions", list = list.join(", "))
        );
        if let Some(e) = a.endings.iter().find(|e| e.this_run) {
            let _ = write!(
                h,
                " {}",
                tr!(r.lang, "report-this-run", title = esc(&e.title))
            );
        }
        h.push_str("</p>\n");
    }
    let _ = writeln!(
        h,
        "<p class=\"muted\">{}</p>",
        esc(&luck::method(r.lang, a))
    );
    let _ = writeln!(h, "<h3>{}</h3>", tr!(r.lang, "report-decisive"));
    let top = a.top_decisions();
    if top.is_empty() {
        let _ = writeln!(
            h,
            "<p class=\"muted\">{}</p>",
            tr!(r.lang, "report-no-alternative")
        );
    } else {
        table_head(
            h,
            "grid",
            &[
                &tr!(r.lang, "report-col-decision"),
                &tr!(r.lang, "report-col-your-choice"),
                &tr!(r.lang, "report-col-other-options"),
                &tr!(r.lang, "report-col-arose"),
            ],
        );
        for d in top {
            let own = d
                .options
                .iter()
                .find(|o| o.chosen)
                .map(|o| {
                    format!(
                        "{}{}{}",
                        esc(&o.label),
                        fmt::colon(r.lang),
                        score_in(r.lang, o.expected)
                    )
                })
                .unwrap_or_else(|| "–".into());
            let alts: Vec<String> = d
                .options
                .iter()
                .filter(|o| !o.chosen && o.runs > 0)
                .map(|o| {
                    format!(
                        "<div>{}{}{} ({})</div>",
                        esc(&o.label),
                        fmt::colon(r.lang),
                        score_in(r.lang, o.expected),
                        esc(&o
                            .difference
                            .map_or_else(|| "–".into(), |v| signed_in(r.lang, v)))
                    )
                })
                .collect();
            let _ = writeln!(
                h,
                "<tr><td>{}</td><td>{own}</td><td>{}</td><td>{}</td></tr>",
                esc(&d.prompt),
                alts.concat(),
                tr!(
                    r.lang,
                    "report-of",
                    k = count_in(r.lang, d.arose),
                    n = count_in(r.lang, a.alternative_runs)
                )
            );
        }
        h.push_str("</tbody></table>\n");
        let _ = writeln!(
            h,
            "<p class=\"muted\">{}</p>",
            esc(&luck::table_note(r.lang, a))
        );
    }
    let _ = writeln!(h, "<h3>{}</h3>", tr!(r.lang, "report-dice"));
    if a.dice.is_empty() {
        let _ = writeln!(
            h,
            "<p class=\"muted\">{}</p>",
            tr!(r.lang, "report-no-chance")
        );
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
                tr!(r.lang, "report-did-not-happen", what = esc(&d.text))
            };
            let _ = writeln!(
                h,
                "<li>{when}{what}{}{}</li>",
                fmt::colon(r.lang),
                esc(&chance_text(r.lang, d))
            );
        }
        h.push_str("</ul>\n");
    }
    h.push_str("</section>\n");
}
