//! The comparison part of the Markdown report.

use crate::tr;
use std::fmt::Write;

use super::{inline, leading, status_word, table};
use crate::report::axis;
use crate::report::compare::{Comparison, metric_label_unit};
use crate::report::fmt::{self, num_in, with_unit_in};
use crate::report::model::{GoodDirection, Progress, Report};
use crate::scenario::time::format_offset;

/// Renders the comparison, before the groups' own reports.
pub(super) fn comparison(out: &mut String, c: &Comparison, reports: &[Report]) {
    let lang = reports.first().map(|r| r.lang).unwrap_or_default();
    let _ = writeln!(
        out,
        "# {}\n",
        tr!(
            lang,
            "report-title-comparison",
            n = reports.len(),
            title = inline(&c.scenario_title)
        )
    );
    let _ = writeln!(out, "> {}\n", tr!(lang, "report-c-md-draft"));
    for w in &c.warnings {
        let _ = writeln!(out, "> {}\n", tr!(lang, "report-md-note", text = inline(w)));
    }
    let _ = writeln!(out, "## {}\n", tr!(lang, "report-c-leaderboard"));
    let rows: Vec<Vec<String>> = c
        .leaderboard
        .iter()
        .map(|s| {
            vec![
                s.rank.to_string(),
                inline(&s.group),
                format!(
                    "{}{}{}",
                    num_in(lang, s.score),
                    s.grade
                        .as_ref()
                        .map(|g| format!(" ({})", inline(g)))
                        .unwrap_or_default(),
                    if s.status == Progress::InProgress {
                        format!(
                            "{}{}",
                            fmt::after_number(lang),
                            tr!(lang, "report-c-in-progress")
                        )
                    } else {
                        String::new()
                    }
                ),
                s.ending
                    .as_ref()
                    .map(|e| inline(e))
                    .unwrap_or_else(|| tr!(lang, "report-c-not-reached")),
                format!("{} / {}", s.checks_met, s.checks_judged),
                format!("{} / {}", s.deadlines_met, s.deadlines_missed),
                format!("{} ({})", s.decisions_taken, s.decisions_recommended),
                s.mean_time_to_decide_ms
                    .map(|m| fmt::real_duration_in(lang, m))
                    .unwrap_or_else(|| "–".into()),
                inline(&s.parameters),
            ]
        })
        .collect();
    let columns = crate::report::compare::leaderboard_columns(lang);
    let columns: Vec<&str> = columns.iter().map(String::as_str).collect();
    table(out, &columns, &rows);
    let votes = crate::report::votes::per_group(reports);
    if !votes.is_empty() {
        let _ = writeln!(out, "### {}\n", tr!(lang, "report-c-votes"));
        for l in votes {
            let _ = writeln!(out, "- {}", inline(&l));
        }
        out.push('\n');
    }
    let _ = writeln!(out, "## {}\n", tr!(lang, "report-c-divergences"));
    if c.divergences.is_empty() {
        let _ = writeln!(out, "{}\n", tr!(lang, "report-c-same-way"));
    }
    for d in &c.divergences {
        let _ = writeln!(
            out,
            "### {} {}{}\n\n{}\n",
            format_offset(d.first_opened),
            inline(&d.prompt),
            if d.parting {
                format!(" — {}", tr!(lang, "report-c-md-parted"))
            } else {
                String::new()
            },
            tr!(lang, "report-c-md-decision-for", team = inline(&d.team))
        );
        let mut rows = Vec::new();
        for b in &d.branches {
            for g in &b.groups {
                let after = match g.score_after {
                    Some(s) => format!(
                        "{}{}{}",
                        tr!(lang, "report-c-score", score = num_in(lang, s)),
                        fmt::semicolon(lang),
                        g.metrics_after
                            .iter()
                            .map(|mv| {
                                let (label, unit) = metric_label_unit(reports, &mv.metric);
                                format!(
                                    "{} {}",
                                    inline(label),
                                    inline(&with_unit_in(lang, mv.value, unit))
                                )
                            })
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                    None => "–".into(),
                };
                rows.push(vec![
                    format!(
                        "{}{}",
                        inline(&b.label),
                        if b.recommended {
                            format!(" (✓ {})", tr!(lang, "report-c-recommended"))
                        } else {
                            String::new()
                        }
                    ),
                    inline(&g.group),
                    format!(
                        "{}{}",
                        g.at.clone().unwrap_or_else(|| "–".into()),
                        if g.timeout {
                            format!(" ({})", tr!(lang, "report-c-time-ran-out"))
                        } else {
                            String::new()
                        }
                    ),
                    after,
                    format!(
                        "{}{}{}",
                        num_in(lang, g.final_score),
                        fmt::after_number(lang),
                        g.ending
                            .as_ref()
                            .map(|e| inline(e))
                            .unwrap_or_else(|| tr!(lang, "report-c-in-progress"))
                    ),
                    if g.only_here.is_empty() {
                        "–".into()
                    } else {
                        g.only_here
                            .iter()
                            .map(|t| inline(t))
                            .collect::<Vec<_>>()
                            .join(fmt::semicolon(lang))
                    },
                ]);
            }
        }
        table(
            out,
            &[
                &tr!(lang, "report-c-col-choice"),
                &tr!(lang, "report-c-col-group"),
                &tr!(lang, "report-col-chosen-at"),
                &tr!(lang, "report-c-col-right-after"),
                &tr!(lang, "report-c-md-col-final"),
                &tr!(lang, "report-c-col-only"),
            ],
            &rows,
        );
    }
    if !c.agreements.is_empty() {
        let _ = writeln!(out, "{}\n", tr!(lang, "report-c-md-agreements"));
        for a in &c.agreements {
            let _ = writeln!(
                out,
                "- {} **{}**{}",
                leading(&a.prompt),
                inline(&a.option),
                if a.recommended {
                    format!(" (✓ {})", tr!(lang, "report-c-recommended"))
                } else {
                    String::new()
                }
            );
        }
        out.push('\n');
    }
    let _ = writeln!(out, "## {}\n", tr!(lang, "report-c-metrics"));
    let mut head = vec![tr!(lang, "report-col-metric")];
    head.extend(reports.iter().map(|r| inline(&r.label)));
    let head: Vec<&str> = head.iter().map(String::as_str).collect();
    let end = reports
        .iter()
        .map(|r| r.overview.scenario_to.at)
        .max()
        .unwrap_or(0);
    let rows: Vec<Vec<String>> = c
        .final_metrics
        .iter()
        .map(|m| {
            let mut row = vec![format!(
                "{} ({})",
                inline(&m.label),
                match m.good {
                    GoodDirection::High => tr!(lang, "report-md-high"),
                    GoodDirection::Low => tr!(lang, "report-md-low"),
                }
            )];
            for (k, v) in m.values.iter().enumerate() {
                let spark = reports[k]
                    .metrics
                    .iter()
                    .find(|x| x.id == m.metric)
                    .map(|x| axis::sparkline(&x.points, end, x.min, x.max, 12))
                    .unwrap_or_default();
                row.push(if v.is_nan() {
                    "–".into()
                } else {
                    format!("{} `{spark}`", inline(&with_unit_in(lang, *v, &m.unit)))
                });
            }
            row
        })
        .collect();
    table(out, &head, &rows);
    let _ = writeln!(out, "## {}\n", tr!(lang, "report-c-checks"));
    let mut head = vec![tr!(lang, "report-col-check")];
    head.extend(reports.iter().map(|r| inline(&r.label)));
    let head: Vec<&str> = head.iter().map(String::as_str).collect();
    let rows: Vec<Vec<String>> = c
        .checks
        .iter()
        .map(|row| {
            let mut v = vec![inline(&row.title)];
            v.extend(row.outcomes.iter().map(|s| status_word(lang, *s)));
            v
        })
        .collect();
    table(out, &head, &rows);
}
