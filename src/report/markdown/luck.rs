//! The Markdown "skill and luck" section.

use std::fmt::Write;

use super::escape::{inline, leading};
use super::{heading, table};
use crate::report::fmt;
use crate::report::luck::{self, chance_text, count_in, percent_in, score_in, signed_in};
use crate::report::model::Report;
use crate::report::outline::Section;
use crate::tr;

/// The skill-and-luck annex, when the report has an analysis.
pub(super) fn section(out: &mut String, r: &Report) {
    let Some(a) = &r.analysis else {
        return;
    };
    heading(out, r, Section::Luck);
    let _ = writeln!(
        out,
        "{}\n",
        tr!(
            r.lang,
            "report-luck-lead-md",
            runs = count_in(r.lang, a.completed),
            expected = score_in(r.lang, a.expected),
            p5 = score_in(r.lang, a.p5),
            p95 = score_in(r.lang, a.p95),
            run = crate::report::fmt::num_in(r.lang, a.this_run),
            luck = a.luck.map_or_else(|| "–".into(), |v| signed_in(r.lang, v))
        )
    );
    if !a.endings.is_empty() {
        let list: Vec<String> = a
            .endings
            .iter()
            .map(|e| format!("{} {}", inline(&e.title), percent_in(r.lang, e.share)))
            .collect();
        let _ = write!(
            out,
            "{}",
            tr!(r.lang, "report-with-your-decisions", list = list.join(", "))
        );
        if let Some(e) = a.endings.iter().find(|e| e.this_run) {
            let _ = write!(
                out,
                " {}",
                tr!(r.lang, "report-this-run", title = inline(&e.title))
            );
        }
        out.push_str("\n\n");
    }
    let _ = writeln!(out, "{}\n", leading(&luck::method(r.lang, a)));
    let _ = writeln!(out, "### {}\n", tr!(r.lang, "report-decisive"));
    let top = a.top_decisions();
    if top.is_empty() {
        let _ = writeln!(out, "{}\n", tr!(r.lang, "report-no-alternative"));
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
                            "{}{}{} ({})",
                            inline(&o.label),
                            fmt::colon(r.lang),
                            score_in(r.lang, o.expected),
                            o.difference
                                .map_or_else(|| "–".into(), |v| signed_in(r.lang, v))
                        )
                    })
                    .collect();
                vec![
                    inline(&d.prompt),
                    own.map(|o| {
                        format!(
                            "{}{}{}",
                            inline(&o.label),
                            fmt::colon(r.lang),
                            score_in(r.lang, o.expected)
                        )
                    })
                    .unwrap_or_else(|| "–".into()),
                    alts.join(fmt::semicolon(r.lang)),
                    tr!(
                        r.lang,
                        "report-of",
                        k = count_in(r.lang, d.arose),
                        n = count_in(r.lang, a.alternative_runs)
                    ),
                ]
            })
            .collect();
        table(
            out,
            &[
                &tr!(r.lang, "report-col-decision"),
                &tr!(r.lang, "report-col-your-choice"),
                &tr!(r.lang, "report-col-other-options"),
                &tr!(r.lang, "report-col-arose"),
            ],
            &rows,
        );
        let _ = writeln!(out, "{}\n", luck::table_note(r.lang, a));
    }
    let _ = writeln!(out, "### {}\n", tr!(r.lang, "report-dice"));
    if a.dice.is_empty() {
        let _ = writeln!(out, "{}\n", tr!(r.lang, "report-no-chance"));
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
            tr!(r.lang, "report-did-not-happen", what = leading(&d.text))
        };
        let _ = writeln!(
            out,
            "- {when}{what}{}{}",
            fmt::colon(r.lang),
            chance_text(r.lang, d)
        );
    }
    out.push('\n');
}
