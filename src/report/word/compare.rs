//! The comparison of several groups, before their own reports: leaderboard, divergences,
//! metrics and checks side by side.

use super::{Out, badge, cell};
use crate::print::{Block, Text};
use crate::report::charts;
use crate::report::compare::{Comparison, leaderboard_columns, metric_label_unit};
use crate::report::fmt::{self, num_in, with_unit_in};
use crate::report::model::{Progress, Report};
use crate::scenario::time::format_offset;
use crate::tr;

/// The comparison's sections.
pub(super) fn comparison(out: &mut Out, c: &Comparison, reports: &[Report]) {
    let lang = reports.first().map(|r| r.lang).unwrap_or_default();
    out.blocks
        .push(Block::Note(super::rich(&tr!(lang, "report-c-html-draft"))));
    for w in &c.warnings {
        out.blocks.push(Block::Note(super::rich(&tr!(
            lang,
            "report-html-note",
            text = super::esc(w)
        ))));
    }
    leaderboard(out, c, reports, lang);
    divergences(out, c, reports, lang);
    metrics(out, c, reports, lang);
    out.heading(0, tr!(lang, "report-c-checks"));
    let mut header = vec![tr!(lang, "report-col-check")];
    header.extend(reports.iter().map(|r| r.label.clone()));
    let rows = c
        .checks
        .iter()
        .map(|row| {
            let mut cells = vec![Text::plain(&row.title)];
            cells.extend(row.outcomes.iter().map(|s| Text::plain(badge(lang, *s))));
            cells
        })
        .collect();
    out.table(header, rows, &[]);
}

fn leaderboard(out: &mut Out, c: &Comparison, reports: &[Report], lang: crate::i18n::Lang) {
    out.heading(0, tr!(lang, "report-c-leaderboard"));
    let rows = c
        .leaderboard
        .iter()
        .map(|s| {
            let mut score = num_in(lang, s.score);
            if let Some(g) = &s.grade {
                score.push_str(&format!(" ({g})"));
            }
            if s.status == Progress::InProgress {
                score.push_str(&format!(" — {}", tr!(lang, "report-c-in-progress")));
            }
            [
                s.rank.to_string(),
                s.group.clone(),
                score,
                s.ending
                    .clone()
                    .unwrap_or_else(|| tr!(lang, "report-c-not-reached")),
                format!("{} / {}", s.checks_met, s.checks_judged),
                format!("{} / {}", s.deadlines_met, s.deadlines_missed),
                format!("{} ({})", s.decisions_taken, s.decisions_recommended),
                s.mean_time_to_decide_ms
                    .map(|m| fmt::real_duration_in(lang, m))
                    .unwrap_or_else(|| "–".into()),
                s.parameters.clone(),
            ]
            .into_iter()
            .map(|v| cell(&v))
            .collect()
        })
        .collect();
    out.table(
        leaderboard_columns(lang),
        rows,
        &[2, 3, 2, 4, 3, 3, 3, 3, 6],
    );
    let votes = crate::report::votes::per_group(reports);
    if !votes.is_empty() {
        out.heading(1, tr!(lang, "report-c-votes"));
        out.bullets(votes.into_iter().map(Text::plain).collect());
    }
}

fn divergences(out: &mut Out, c: &Comparison, reports: &[Report], lang: crate::i18n::Lang) {
    out.heading(0, tr!(lang, "report-c-divergences"));
    if c.divergences.is_empty() {
        out.para(Text::plain(tr!(lang, "report-c-same-way")));
    }
    for d in &c.divergences {
        let offset = format_offset(d.first_opened);
        let mut title = format!("{offset} {}", d.prompt);
        if d.parting {
            title.push_str(&format!(" ◆ {}", tr!(lang, "report-c-parted")));
        }
        out.heading(1, title);
        out.muted(tr!(
            lang,
            "report-c-decision-for",
            team = d.team.as_str(),
            offset = offset.as_str()
        ));
        let mut rows = Vec::new();
        for b in &d.branches {
            for g in &b.groups {
                let mut choice = Text::plain(&b.label);
                if b.recommended {
                    choice = choice.then(format!(" ✓ {}", tr!(lang, "report-c-recommended")));
                }
                let after = match g.score_after {
                    Some(sc) => {
                        let metrics = g
                            .metrics_after
                            .iter()
                            .map(|mv| {
                                let (label, unit) = metric_label_unit(reports, &mv.metric);
                                format!("{label} {}", with_unit_in(lang, mv.value, unit))
                            })
                            .collect::<Vec<_>>()
                            .join(", ");
                        format!(
                            "{} ({metrics})",
                            tr!(lang, "report-c-score", score = num_in(lang, sc))
                        )
                    }
                    None => "–".into(),
                };
                let at = format!(
                    "{}{}",
                    g.at.as_deref().unwrap_or("–"),
                    if g.timeout {
                        format!(" ({})", tr!(lang, "report-c-time-ran-out"))
                    } else {
                        String::new()
                    }
                );
                let end = format!(
                    "{} — {}",
                    num_in(lang, g.final_score),
                    g.ending
                        .clone()
                        .unwrap_or_else(|| tr!(lang, "report-c-in-progress"))
                );
                rows.push(vec![
                    choice,
                    Text::plain(&g.group),
                    Text::plain(at),
                    Text::plain(after),
                    Text::plain(end),
                    cell(&g.only_here.join("; ")),
                ]);
            }
        }
        out.table(
            vec![
                tr!(lang, "report-c-col-choice"),
                tr!(lang, "report-c-col-group"),
                tr!(lang, "report-col-chosen-at"),
                tr!(lang, "report-c-col-right-after"),
                tr!(lang, "report-c-col-final"),
                tr!(lang, "report-c-col-only"),
            ],
            rows,
            &[3, 2, 2, 4, 3, 4],
        );
    }
    if !c.agreements.is_empty() {
        out.heading(1, tr!(lang, "report-c-agreements"));
        out.bullets(
            c.agreements
                .iter()
                .map(|a| {
                    let t = Text::plain(format!("{} ", a.prompt)).then_bold(&a.option);
                    if a.recommended {
                        t.then(format!(" ✓ {}", tr!(lang, "report-c-recommended")))
                    } else {
                        t
                    }
                })
                .collect(),
        );
    }
}

fn metrics(out: &mut Out, c: &Comparison, reports: &[Report], lang: crate::i18n::Lang) {
    out.heading(0, tr!(lang, "report-c-metrics"));
    if let Some(first) = reports.first() {
        for (k, m) in first.metrics.iter().enumerate() {
            let drawn = charts::compared(reports, lang, k);
            let caption = charts::compared_caption(lang, m, &drawn, str::to_string);
            out.blocks.push(super::charts::chart(drawn, caption));
        }
    }
    let mut header = vec![tr!(lang, "report-col-metric")];
    header.extend(reports.iter().map(|r| r.label.clone()));
    let rows = c
        .final_metrics
        .iter()
        .map(|m| {
            let mut cells =
                vec![Text::plain(format!("{} ", m.label)).then(charts::direction(lang, m.good))];
            cells.extend(m.values.iter().map(|v| {
                Text::plain(if v.is_nan() {
                    "–".into()
                } else {
                    with_unit_in(lang, *v, &m.unit)
                })
            }));
            cells
        })
        .collect();
    out.table(header, rows, &[]);
}
