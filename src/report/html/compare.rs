//! The comparison part of the HTML report: leaderboard, divergences, metrics and checks
//! of several groups side by side.

use crate::tr;
use std::fmt::Write;

use super::{badge, esc, table_head};
use crate::report::charts::{self, direction};
use crate::report::compare::{Comparison, metric_label_unit};
use crate::report::fmt::{self, num_in, with_unit_in};
use crate::report::model::{Progress, Report};

/// Renders the comparison, before the groups' own reports.
pub(super) fn comparison(h: &mut String, c: &Comparison, reports: &[Report]) {
    let lang = reports.first().map(|r| r.lang).unwrap_or_default();
    h.push_str("<header class=\"cover\">\n");
    let _ = write!(
        h,
        "<p class=\"kicker\">{}</p>\n<h1>{}</h1>\n",
        tr!(lang, "report-c-kicker", n = reports.len()),
        esc(&c.scenario_title)
    );
    let _ = writeln!(
        h,
        "<p class=\"notice draft\">{}</p>",
        tr!(lang, "report-c-html-draft")
    );
    for w in &c.warnings {
        let _ = writeln!(
            h,
            "<p class=\"notice warning\">{}</p>",
            tr!(lang, "report-html-note", text = esc(w))
        );
    }
    let _ = writeln!(
        h,
        "<nav class=\"toc\"><h2>{}</h2><ul>",
        tr!(lang, "report-contents")
    );
    for (anchor, title) in [
        ("cmp-leaderboard", tr!(lang, "report-c-leaderboard")),
        ("cmp-divergences", tr!(lang, "report-c-divergences")),
        ("cmp-metrics", tr!(lang, "report-c-metrics")),
        ("cmp-checks", tr!(lang, "report-c-checks")),
    ] {
        let _ = writeln!(h, "<li><a href=\"#{anchor}\">{title}</a></li>");
    }
    for (i, r) in reports.iter().enumerate() {
        let _ = writeln!(
            h,
            "<li><a href=\"#g{}-report\">{}</a></li>",
            i + 1,
            tr!(lang, "report-c-group-report", label = esc(&r.label))
        );
    }
    h.push_str("</ul></nav>\n</header>\n");

    let _ = writeln!(
        h,
        "<section id=\"cmp-leaderboard\">\n<h2>{}</h2>",
        tr!(lang, "report-c-leaderboard")
    );
    let columns = crate::report::compare::leaderboard_columns(lang);
    let columns: Vec<&str> = columns.iter().map(String::as_str).collect();
    table_head(h, "grid", &columns);
    for s in &c.leaderboard {
        let _ = writeln!(
            h,
            "<tr><td class=\"rank\">{}</td><td class=\"group\"><a href=\"#g{}-report\">{}</a></td><td>{}{}{}</td><td>{}</td><td>{} / {}</td><td>{} / {}</td><td>{} ({})</td><td>{}</td><td>{}</td></tr>",
            s.rank,
            s.report + 1,
            esc(&s.group),
            esc(&num_in(lang, s.score)),
            s.grade
                .as_ref()
                .map(|g| format!(" ({})", esc(g)))
                .unwrap_or_default(),
            if s.status == Progress::InProgress {
                format!(
                    " <span class=\"badge open\">{}</span>",
                    tr!(lang, "report-c-in-progress")
                )
            } else {
                String::new()
            },
            s.ending.as_ref().map(|e| esc(e)).unwrap_or_else(|| format!(
                "<span class=\"muted\">{}</span>",
                tr!(lang, "report-c-not-reached")
            )),
            s.checks_met,
            s.checks_judged,
            s.deadlines_met,
            s.deadlines_missed,
            s.decisions_taken,
            s.decisions_recommended,
            s.mean_time_to_decide_ms
                .map(|m| esc(&fmt::real_duration_in(lang, m)))
                .unwrap_or_else(|| "–".into()),
            esc(&s.parameters)
        );
    }
    h.push_str("</tbody></table>\n");
    let votes = crate::report::votes::per_group(reports);
    if !votes.is_empty() {
        let _ = write!(h, "<h3>{}</h3>\n<ul>", tr!(lang, "report-c-votes"));
        for l in votes {
            let _ = write!(h, "<li>{}</li>", esc(&l));
        }
        h.push_str("</ul>\n");
    }
    h.push_str("</section>\n");

    let _ = writeln!(
        h,
        "<section id=\"cmp-divergences\">\n<h2>{}</h2>",
        tr!(lang, "report-c-divergences")
    );
    if c.divergences.is_empty() {
        let _ = writeln!(h, "<p>{}</p>", tr!(lang, "report-c-same-way"));
    }
    for d in &c.divergences {
        let _ = write!(
            h,
            "<div class=\"divergence{}\"><h3>{} {}{}</h3>\n<p class=\"muted\">{}</p>\n",
            if d.parting { " parting" } else { "" },
            esc(&crate::scenario::time::format_offset(d.first_opened)),
            esc(&d.prompt),
            if d.parting {
                format!(
                    " <span class=\"badge parting\">◆ {}</span>",
                    tr!(lang, "report-c-parted")
                )
            } else {
                String::new()
            },
            tr!(
                lang,
                "report-c-decision-for",
                team = esc(&d.team),
                offset = esc(&crate::scenario::time::format_offset(d.first_opened))
            )
        );
        table_head(
            h,
            "grid",
            &[
                &tr!(lang, "report-c-col-choice"),
                &tr!(lang, "report-c-col-group"),
                &tr!(lang, "report-col-chosen-at"),
                &tr!(lang, "report-c-col-right-after"),
                &tr!(lang, "report-c-col-final"),
                &tr!(lang, "report-c-col-only"),
            ],
        );
        for b in &d.branches {
            for (k, g) in b.groups.iter().enumerate() {
                let choice = if k == 0 {
                    let mut s = esc(&b.label);
                    if b.recommended {
                        let _ = write!(
                            s,
                            " <span class=\"badge met\">✓ {}</span>",
                            tr!(lang, "report-c-recommended")
                        );
                    }
                    format!(
                        "<td rowspan=\"{}\" class=\"choice\">{s}</td>",
                        b.groups.len()
                    )
                } else {
                    String::new()
                };
                let after = match g.score_after {
                    Some(sc) => {
                        let metrics = g
                            .metrics_after
                            .iter()
                            .map(|mv| {
                                let (label, unit) = metric_label_unit(reports, &mv.metric);
                                format!(
                                    "{} {}",
                                    esc(label),
                                    esc(&with_unit_in(lang, mv.value, unit))
                                )
                            })
                            .collect::<Vec<_>>()
                            .join(", ");
                        format!(
                            "{}<div class=\"muted\">{metrics}</div>",
                            tr!(lang, "report-c-score", score = esc(&num_in(lang, sc)))
                        )
                    }
                    None => "–".into(),
                };
                let only = if g.only_here.is_empty() {
                    "–".to_string()
                } else {
                    format!(
                        "<ul>{}</ul>",
                        g.only_here
                            .iter()
                            .map(|t| format!("<li>{}</li>", esc(t)))
                            .collect::<String>()
                    )
                };
                let _ = writeln!(
                    h,
                    "<tr>{choice}<td>{}</td><td>{}{}</td><td>{after}</td><td>{}<div class=\"muted\">{}</div></td><td>{only}</td></tr>",
                    esc(&g.group),
                    g.at.as_ref().map(|a| esc(a)).unwrap_or_else(|| "–".into()),
                    if g.timeout {
                        format!(" ({})", tr!(lang, "report-c-time-ran-out"))
                    } else {
                        String::new()
                    },
                    esc(&num_in(lang, g.final_score)),
                    g.ending
                        .as_ref()
                        .map(|e| esc(e))
                        .unwrap_or_else(|| tr!(lang, "report-c-in-progress"))
                );
            }
        }
        h.push_str("</tbody></table>\n</div>\n");
    }
    if !c.agreements.is_empty() {
        let _ = writeln!(h, "<h3>{}</h3>\n<ul>", tr!(lang, "report-c-agreements"));
        for a in &c.agreements {
            let _ = writeln!(
                h,
                "<li>{} <strong>{}</strong>{}</li>",
                esc(&a.prompt),
                esc(&a.option),
                if a.recommended {
                    format!(
                        " <span class=\"badge met\">✓ {}</span>",
                        tr!(lang, "report-c-recommended")
                    )
                } else {
                    String::new()
                }
            );
        }
        h.push_str("</ul>\n");
    }
    h.push_str("</section>\n");

    let _ = writeln!(
        h,
        "<section id=\"cmp-metrics\">\n<h2>{}</h2>",
        tr!(lang, "report-c-metrics")
    );
    if let Some(first) = reports.first() {
        for (k, m) in first.metrics.iter().enumerate() {
            let chart = charts::compared(reports, lang, k);
            let _ = writeln!(
                h,
                "<figure class=\"chart\">{}<figcaption>{}</figcaption></figure>",
                chart.svg,
                charts::compared_caption(lang, m, &chart, esc)
            );
        }
    }
    let mut cols = vec![tr!(lang, "report-col-metric")];
    cols.extend(reports.iter().map(|r| r.label.clone()));
    let refs: Vec<&str> = cols.iter().map(String::as_str).collect();
    table_head(h, "grid num", &refs);
    for m in &c.final_metrics {
        let _ = write!(
            h,
            "<tr><td>{} <span class=\"muted\">{}</span></td>",
            esc(&m.label),
            esc(&direction(lang, m.good))
        );
        for v in &m.values {
            let _ = write!(
                h,
                "<td>{}</td>",
                if v.is_nan() {
                    "–".into()
                } else {
                    esc(&with_unit_in(lang, *v, &m.unit))
                }
            );
        }
        h.push_str("</tr>\n");
    }
    h.push_str("</tbody></table>\n</section>\n");

    let _ = writeln!(
        h,
        "<section id=\"cmp-checks\">\n<h2>{}</h2>",
        tr!(lang, "report-c-checks")
    );
    let mut cols = vec![tr!(lang, "report-col-check")];
    cols.extend(reports.iter().map(|r| r.label.clone()));
    let refs: Vec<&str> = cols.iter().map(String::as_str).collect();
    table_head(h, "grid", &refs);
    for row in &c.checks {
        let _ = write!(h, "<tr><td>{}</td>", esc(&row.title));
        for s in &row.outcomes {
            let _ = write!(h, "<td>{}</td>", badge(lang, *s));
        }
        h.push_str("</tr>\n");
    }
    h.push_str("</tbody></table>\n</section>\n");
}
