//! The skill-and-luck annex: the team's decisions played again under other dice.

use super::{Out, markup::esc, rich};
use crate::print::Text;
use crate::report::fmt;
use crate::report::luck::{self, chance_text, count_in, percent_in, score_in, signed_in};
use crate::report::model::Report;
use crate::report::outline::Section;
use crate::tr;

/// The section, when the report has an analysis.
pub(super) fn section(out: &mut Out, r: &Report) {
    let Some(a) = &r.analysis else {
        return;
    };
    let l = r.lang;
    super::open(out, r, Section::Luck);
    out.para(rich(&tr!(
        l,
        "report-luck-lead-html",
        runs = count_in(l, a.completed),
        expected = score_in(l, a.expected),
        p5 = score_in(l, a.p5),
        p95 = score_in(l, a.p95),
        run = fmt::num_in(l, a.this_run),
        luck = esc(&a.luck.map_or_else(|| "–".into(), |v| signed_in(l, v)))
    )));
    if !a.endings.is_empty() {
        let list: Vec<String> = a
            .endings
            .iter()
            .map(|e| format!("{} {}", e.title, percent_in(l, e.share)))
            .collect();
        let mut p = tr!(l, "report-with-your-decisions", list = list.join(", "));
        if let Some(e) = a.endings.iter().find(|e| e.this_run) {
            p.push(' ');
            p.push_str(&tr!(l, "report-this-run", title = e.title.as_str()));
        }
        out.para(Text::plain(p));
    }
    out.muted(luck::method(l, a));
    out.heading(1, tr!(l, "report-decisive"));
    let top = a.top_decisions();
    if top.is_empty() {
        out.muted(tr!(l, "report-no-alternative"));
    } else {
        let rows = top
            .iter()
            .map(|d| {
                let own = d
                    .options
                    .iter()
                    .find(|o| o.chosen)
                    .map(|o| format!("{}{}{}", o.label, fmt::colon(l), score_in(l, o.expected)))
                    .unwrap_or_else(|| "–".into());
                let alts: Vec<String> = d
                    .options
                    .iter()
                    .filter(|o| !o.chosen && o.runs > 0)
                    .map(|o| {
                        format!(
                            "{}{}{} ({})",
                            o.label,
                            fmt::colon(l),
                            score_in(l, o.expected),
                            o.difference.map_or_else(|| "–".into(), |v| signed_in(l, v))
                        )
                    })
                    .collect();
                vec![
                    Text::plain(&d.prompt),
                    Text::plain(own),
                    Text::plain(alts.join(fmt::semicolon(l))),
                    Text::plain(tr!(
                        l,
                        "report-of",
                        k = count_in(l, d.arose),
                        n = count_in(l, a.alternative_runs)
                    )),
                ]
            })
            .collect();
        out.table(
            vec![
                tr!(l, "report-col-decision"),
                tr!(l, "report-col-your-choice"),
                tr!(l, "report-col-other-options"),
                tr!(l, "report-col-arose"),
            ],
            rows,
            &[4, 3, 5, 2],
        );
        out.muted(luck::table_note(l, a));
    }
    out.heading(1, tr!(l, "report-dice"));
    if a.dice.is_empty() {
        out.muted(tr!(l, "report-no-chance"));
        return;
    }
    out.bullets(
        a.dice
            .iter()
            .map(|d| {
                let when = d
                    .offset
                    .as_ref()
                    .map_or_else(String::new, |o| format!("{o} "));
                let what = if d.happened {
                    d.text.clone()
                } else {
                    tr!(l, "report-did-not-happen", what = d.text.as_str())
                };
                Text::plain(format!(
                    "{when}{what}{}{}",
                    fmt::colon(l),
                    chance_text(l, d)
                ))
            })
            .collect(),
    );
}
