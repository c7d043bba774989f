//! The annexes of the HTML report: timeline, charts, checks, decisions, deadlines,
//! hot-wash questions, sources and exercise data.

use std::fmt::Write;

use super::{badge, block, esc, real_clock, row, section_open, table_head, when};
use crate::report::charts;
use crate::report::fmt;
use crate::report::model::*;
use crate::report::outline::Section;
use crate::report::values;
use crate::tr;

pub(super) fn checks(h: &mut String, r: &Report, id: &str) {
    section_open(h, r, id, Section::Checks);
    if r.checks.is_empty() {
        let _ = writeln!(
            h,
            "<p class=\"muted\">{}</p>\n</section>",
            tr!(r.lang, "report-no-checks")
        );
        return;
    }
    table_head(
        h,
        "grid",
        &[
            &tr!(r.lang, "report-col-result"),
            &tr!(r.lang, "report-col-check"),
            &tr!(r.lang, "report-col-window"),
            &tr!(r.lang, "report-col-when"),
            &tr!(r.lang, "report-col-lesson"),
            &tr!(r.lang, "report-col-reference"),
        ],
    );
    for c in &r.checks {
        let _ = writeln!(
            h,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            badge(r.lang, c.status),
            esc(&c.title),
            esc(&c.window),
            c.when
                .as_ref()
                .map(|m| esc(&m.when()))
                .unwrap_or_else(|| "–".into()),
            esc(&c.lesson),
            esc(&c.reference)
        );
    }
    h.push_str("</tbody></table>\n</section>\n");
}

pub(super) fn decisions(h: &mut String, r: &Report, id: &str) {
    section_open(h, r, id, Section::Decisions);
    if r.decisions.is_empty() {
        let _ = writeln!(
            h,
            "<p class=\"muted\">{}</p>",
            tr!(r.lang, "report-no-decisions")
        );
        actions(h, r);
        h.push_str("</section>\n");
        return;
    }
    table_head(
        h,
        "grid",
        &[
            &tr!(r.lang, "report-col-opened"),
            &tr!(r.lang, "report-col-team"),
            &tr!(r.lang, "report-col-decision"),
            &tr!(r.lang, "report-col-option"),
            &tr!(r.lang, "report-col-chosen-at"),
            &tr!(r.lang, "report-col-time-to-decide"),
        ],
    );
    for d in &r.decisions {
        let chosen = match (&d.option, d.status) {
            (Some(o), _) => {
                let mut s = esc(&o.label);
                if d.timeout {
                    let _ = write!(
                        s,
                        " <span class=\"badge open\">⏱ {}</span>",
                        tr!(r.lang, "report-timeout")
                    );
                }
                if let Some(oc) = &d.outcome {
                    let _ = write!(
                        s,
                        "<div class=\"outcome\">{}</div>",
                        tr!(r.lang, "report-outcome", label = esc(&oc.label))
                    );
                }
                if !d.undone.is_empty() {
                    let _ = write!(
                        s,
                        "<div class=\"muted\">{}</div>",
                        tr!(r.lang, "report-undone", options = esc(&d.undone.join(", ")))
                    );
                }
                s
            }
            (None, DecisionStatus::Open) => format!(
                "<span class=\"badge open\">… {}</span>",
                tr!(r.lang, "report-still-open")
            ),
            (None, _) => format!(
                "<span class=\"badge missed\">✗ {}</span>",
                tr!(r.lang, "report-not-taken")
            ),
        };
        let took = match (d.took_real_ms, d.took_scenario_s) {
            (Some(ms), Some(s)) => format!(
                "{}<div class=\"muted\">{}</div>",
                esc(&fmt::real_duration_in(r.lang, ms)),
                tr!(
                    r.lang,
                    "report-scenario-time-of",
                    span = esc(&fmt::span_in(r.lang, s))
                )
            ),
            _ => "–".into(),
        };
        let _ = writeln!(
            h,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{chosen}</td><td>{}</td><td>{took}</td></tr>",
            when(&d.opened),
            esc(&d.team_name),
            esc(&d.prompt),
            d.chosen
                .as_ref()
                .map(|m| format!(
                    "{}<div class=\"muted\">{}</div>",
                    esc(&m.when()),
                    esc(&real_clock(m))
                ))
                .unwrap_or_else(|| "–".into())
        );
    }
    let _ = writeln!(
        h,
        "</tbody></table>\n<p class=\"muted\">{}</p>",
        tr!(r.lang, "report-html-decide-note")
    );
    for d in r.decisions.iter().filter(|d| d.votes.is_some()) {
        let _ = write!(
            h,
            "<h3>{} <span class=\"muted\">({})</span></h3>\n<ul>",
            tr!(r.lang, "report-votes-on", prompt = esc(&d.prompt)),
            esc(&d.team_name)
        );
        for l in crate::report::votes::lines(r.lang, d) {
            let _ = write!(h, "<li>{}</li>", esc(&l));
        }
        h.push_str("</ul>\n");
    }
    actions(h, r);
    h.push_str("</section>\n");
}

/// Every action taken, in order, and how often each.
fn actions(h: &mut String, r: &Report) {
    if r.actions.is_empty() {
        return;
    }
    let _ = writeln!(h, "<h3>{}</h3>", tr!(r.lang, "report-actions"));
    let counts: Vec<String> = values::action_counts(&r.actions)
        .iter()
        .map(|(l, n)| format!("{} ({n}×)", esc(l)))
        .collect();
    if !counts.is_empty() {
        let _ = writeln!(h, "<p>{}.</p>", counts.join(", "));
    }
    table_head(
        h,
        "grid",
        &[
            &tr!(r.lang, "report-col-when"),
            &tr!(r.lang, "report-col-team"),
            &tr!(r.lang, "report-col-action"),
            &tr!(r.lang, "report-col-detail"),
        ],
    );
    for a in &r.actions {
        let _ = writeln!(
            h,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            when(&a.when),
            if a.team.is_empty() {
                "–".into()
            } else {
                esc(&a.team)
            },
            esc(&a.label),
            esc(&values::action_detail(r.lang, a))
        );
    }
    h.push_str("</tbody></table>\n");
}

/// The flags and the counters: start, end and each change.
fn flags_and_counters(h: &mut String, r: &Report) {
    for (title, list, flag) in [
        (tr!(r.lang, "report-flags"), &r.flags, true),
        (tr!(r.lang, "report-counters"), &r.counters, false),
    ] {
        if list.is_empty() {
            continue;
        }
        let _ = writeln!(h, "<h3>{title}</h3>");
        table_head(
            h,
            "grid",
            &[
                &if flag {
                    tr!(r.lang, "report-col-flag")
                } else {
                    tr!(r.lang, "report-col-counter")
                },
                &tr!(r.lang, "report-col-start"),
                &tr!(r.lang, "report-col-end"),
                &tr!(r.lang, "report-col-changes"),
            ],
        );
        for v in list {
            let _ = writeln!(
                h,
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                esc(&v.label),
                esc(&values::value(r.lang, v, flag, v.start)),
                esc(&values::value(r.lang, v, flag, v.end)),
                esc(&values::changes(r.lang, v, flag))
            );
        }
        h.push_str("</tbody></table>\n");
    }
}

pub(super) fn timeline(h: &mut String, r: &Report, id: &str) {
    section_open(h, r, id, Section::Timeline);
    if r.timeline.is_empty() {
        let _ = writeln!(
            h,
            "<p class=\"muted\">{}</p>\n</section>",
            tr!(r.lang, "report-nothing-yet")
        );
        return;
    }
    table_head(
        h,
        "grid timeline",
        &[
            &tr!(r.lang, "report-col-scenario-time"),
            &tr!(r.lang, "report-col-real-time"),
            &tr!(r.lang, "report-col-kind"),
            &tr!(r.lang, "report-col-what"),
        ],
    );
    for t in &r.timeline {
        let mut what = format!("<strong>{}</strong>", esc(&t.title));
        if t.undone {
            let _ = write!(
                what,
                " <span class=\"badge na\">↶ {}</span>",
                tr!(r.lang, "report-later-undone")
            );
        }
        if !t.detail.is_empty() {
            let _ = write!(what, "<div class=\"detail\">{}</div>", esc(&t.detail));
        }
        if !t.body.is_empty() {
            let _ = write!(what, "<div class=\"body\">{}</div>", block(&t.body));
        }
        let _ = writeln!(
            h,
            "<tr class=\"k-{kind}{u}\"><td>{}</td><td>{}</td><td><span class=\"kind\">{}</span></td><td>{what}</td></tr>",
            when(&t.when),
            esc(&real_clock(&t.when)),
            esc(&t.kind.label_in(r.lang)),
            kind = serde_plain(t.kind),
            u = if t.undone { " undone" } else { "" },
        );
    }
    h.push_str("</tbody></table>\n</section>\n");
}

/// The snake_case name of a timeline kind, for CSS classes.
fn serde_plain(k: TimelineKind) -> String {
    serde_json::to_value(k)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// Metric trajectories, IT systems and clinical services.
pub(super) fn charts(h: &mut String, r: &Report, id: &str) {
    section_open(h, r, id, Section::Charts);
    if r.metrics.is_empty() && r.systems.is_empty() && r.services.is_empty() {
        let _ = writeln!(
            h,
            "<p class=\"muted\">{}</p>",
            tr!(r.lang, "report-no-charts")
        );
    }
    metrics(h, r, id);
    systems(h, r, id);
    flags_and_counters(h, r);
    h.push_str("</section>\n");
}

fn metrics(h: &mut String, r: &Report, id: &str) {
    if !r.metrics.is_empty() {
        let _ = writeln!(h, "<h3>{}</h3>", tr!(r.lang, "report-metrics"));
    }
    for k in 0..r.metrics.len() {
        let chart = charts::metric(r, id, k);
        let _ = writeln!(
            h,
            "<figure class=\"chart\">{}<figcaption>{}</figcaption></figure>",
            chart.svg,
            esc(&chart.desc)
        );
    }
}

fn systems(h: &mut String, r: &Report, id: &str) {
    if let Some(chart) = charts::systems(r, id) {
        let _ = writeln!(h, "<h3>{}</h3>", tr!(r.lang, "report-systems"));
        let chart = chart.svg;
        let _ = writeln!(
            h,
            "<figure class=\"chart\">{chart}<figcaption>{}</figcaption></figure>",
            tr!(r.lang, "report-g-systems-caption")
        );
        table_head(
            h,
            "grid",
            &[
                &tr!(r.lang, "report-col-system"),
                &tr!(r.lang, "report-col-down"),
                &tr!(r.lang, "report-col-degraded"),
                &tr!(r.lang, "report-col-at-end"),
                &tr!(r.lang, "report-col-changes"),
            ],
        );
        for s in &r.systems {
            let changes = s
                .states
                .iter()
                .map(|c| {
                    format!(
                        "{} {}",
                        esc(&crate::scenario::time::format_offset(c.at)),
                        esc(&fmt::state_in(r.lang, &c.state))
                    )
                })
                .collect::<Vec<_>>()
                .join(" → ");
            let _ = writeln!(
                h,
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{changes}</td></tr>",
                esc(&s.name),
                esc(&fmt::span_in(r.lang, s.down_s)),
                esc(&fmt::span_in(r.lang, s.impaired_s)),
                esc(&fmt::state_in(r.lang, &s.end))
            );
        }
        h.push_str("</tbody></table>\n");
    }
    if let Some(chart) = charts::services(r, id) {
        let _ = writeln!(h, "<h3>{}</h3>", tr!(r.lang, "report-services"));
        let chart = chart.svg;
        let _ = writeln!(
            h,
            "<figure class=\"chart\">{chart}<figcaption>{}</figcaption></figure>",
            tr!(r.lang, "report-g-services-caption")
        );
        table_head(
            h,
            "grid",
            &[
                &tr!(r.lang, "report-col-service"),
                &tr!(r.lang, "report-col-needs"),
                &tr!(r.lang, "report-col-lowest-capacity"),
                &tr!(r.lang, "report-col-time-below"),
                &tr!(r.lang, "report-col-mean-capacity"),
                &tr!(r.lang, "report-col-at-end"),
            ],
        );
        for s in &r.services {
            let _ = writeln!(
                h,
                "<tr><td>{}</td><td>{}</td><td>{} {}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                esc(&s.name),
                esc(&s.depends_on.join(", ")),
                esc(&fmt::with_unit_in(r.lang, s.lowest.value, "%")),
                tr!(
                    r.lang,
                    "report-at",
                    when = esc(&crate::scenario::time::format_offset(s.lowest.at))
                ),
                esc(&fmt::span_in(r.lang, s.reduced_s)),
                esc(&fmt::with_unit_in(r.lang, s.mean, "%")),
                esc(&fmt::with_unit_in(r.lang, s.end, "%"))
            );
        }
        h.push_str("</tbody></table>\n");
    }
}

pub(super) fn deadlines(h: &mut String, r: &Report, id: &str) {
    section_open(h, r, id, Section::Deadlines);
    if r.deadlines.is_empty() {
        let _ = writeln!(
            h,
            "<p class=\"muted\">{}</p>\n</section>",
            tr!(r.lang, "report-no-deadlines")
        );
        return;
    }
    table_head(
        h,
        "grid",
        &[
            &tr!(r.lang, "report-col-deadline"),
            &tr!(r.lang, "report-col-team"),
            &tr!(r.lang, "report-col-allowed"),
            &tr!(r.lang, "report-col-started"),
            &tr!(r.lang, "report-col-due"),
            &tr!(r.lang, "report-col-result"),
            &tr!(r.lang, "report-col-reference"),
        ],
    );
    for d in &r.deadlines {
        let l = r.lang;
        let closed = || {
            tr!(
                l,
                "report-at",
                when = d
                    .closed
                    .as_ref()
                    .map(|m| esc(&m.when()))
                    .unwrap_or_default()
            )
        };
        let result = match d.status {
            DeadlineOutcome::Met => format!(
                "<span class=\"badge met\">✓ {}</span> {}{}",
                tr!(l, "report-check-met"),
                closed(),
                d.margin_s
                    .map(|m| format!(
                        "{}{}",
                        fmt::comma(l),
                        tr!(l, "report-to-spare", span = esc(&fmt::span_in(l, m)))
                    ))
                    .unwrap_or_default()
            ),
            DeadlineOutcome::Missed => format!(
                "<span class=\"badge missed\">✗ {}</span> {}",
                tr!(l, "report-check-missed"),
                closed()
            ),
            DeadlineOutcome::MetByOthers => format!(
                "<span class=\"badge na\">{}</span> {} ({})",
                tr!(l, "report-met-by-others"),
                closed(),
                tr!(l, "report-not-team")
            ),
            DeadlineOutcome::Stopped | DeadlineOutcome::Expired => format!(
                "<span class=\"badge na\">{}</span> {} ({})",
                if d.status == DeadlineOutcome::Stopped {
                    tr!(l, "report-countdown-stopped")
                } else {
                    tr!(l, "report-countdown-ran-out")
                },
                closed(),
                tr!(l, "report-not-scored")
            ),
            DeadlineOutcome::Running if r.status == Progress::Ended => format!(
                "<span class=\"badge na\">– {}</span>",
                tr!(l, "report-still-running")
            ),
            DeadlineOutcome::Running => format!(
                "<span class=\"badge open\">… {}</span>",
                tr!(l, "report-running")
            ),
            DeadlineOutcome::NotStarted => format!(
                "<span class=\"badge na\">– {}</span>",
                tr!(l, "report-not-started")
            ),
        };
        let _ = writeln!(
            h,
            "<tr><td>{}{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{result}</td><td>{}</td></tr>",
            esc(&d.label),
            if d.description.is_empty() {
                String::new()
            } else {
                format!("<div class=\"muted\">{}</div>", esc(&d.description))
            },
            esc(&d.team),
            esc(&fmt::span_in(r.lang, d.duration_s)),
            d.started
                .as_ref()
                .map(|m| esc(&m.when()))
                .unwrap_or_else(|| "–".into()),
            d.due
                .map(|t| esc(&crate::scenario::time::format_offset(t)))
                .unwrap_or_else(|| "–".into()),
            esc(&d.reference)
        );
    }
    h.push_str("</tbody></table>\n</section>\n");
}

pub(super) fn questions(h: &mut String, r: &Report, id: &str) {
    section_open(h, r, id, Section::Questions);
    if r.questions.is_empty() {
        let _ = writeln!(
            h,
            "<p class=\"muted\">{}</p>\n</section>",
            tr!(r.lang, "report-no-questions")
        );
        return;
    }
    let _ = writeln!(h, "<p>{}</p>", tr!(r.lang, "report-questions-intro"));
    for g in &r.questions {
        let _ = write!(
            h,
            "<h3>{}{}{}</h3>\n<ul class=\"questions\">\n",
            if g.source == "phase" {
                tr!(r.lang, "report-phase")
            } else {
                tr!(r.lang, "report-message")
            },
            fmt::colon(r.lang),
            esc(&g.title)
        );
        for q in &g.questions {
            let _ = writeln!(h, "<li>{}</li>", esc(q));
        }
        h.push_str("</ul>\n");
    }
    h.push_str("</section>\n");
}

pub(super) fn sources(h: &mut String, r: &Report, id: &str) {
    let o = &r.overview;
    section_open(h, r, id, Section::Sources);
    if !r.references.is_empty() {
        let _ = writeln!(
            h,
            "<h3>{}</h3>\n<ul class=\"refs\">",
            tr!(r.lang, "report-sources-of-scenario")
        );
        for s in &r.references {
            let _ = writeln!(
                h,
                "<li>{}{}{}</li>",
                esc(&s.title),
                if s.url.is_empty() {
                    String::new()
                } else {
                    format!(" <span class=\"url\">{}</span>", esc(&s.url))
                },
                if s.note.is_empty() {
                    String::new()
                } else {
                    format!(" <span class=\"muted\">— {}</span>", esc(&s.note))
                }
            );
        }
        h.push_str("</ul>\n");
    }
    let _ = writeln!(
        h,
        "<h3>{}</h3>\n<table class=\"facts\"><tbody>",
        tr!(r.lang, "report-exercise-data")
    );
    row(
        h,
        &tr!(r.lang, "report-row-journal"),
        &format!(
            "<code>{}</code>{}{}",
            esc(&o.journal.file),
            fmt::comma(r.lang),
            tr!(r.lang, "report-entries", n = o.journal.entries)
        ),
    );
    if let Some(f) = &o.journal.forked_from {
        row(h, &tr!(r.lang, "report-row-forked"), &esc(f));
    }
    row(
        h,
        &tr!(r.lang, "report-row-recorded-with"),
        &esc(&format!("Downtime {}", o.journal.recorded_with)),
    );
    row(
        h,
        &tr!(r.lang, "report-row-seed"),
        &o.journal.seed.to_string(),
    );
    row(
        h,
        &tr!(r.lang, "report-row-source"),
        &format!("<code>{}</code>", esc(&o.scenario.source)),
    );
    row(
        h,
        &tr!(r.lang, "report-row-hash"),
        &format!("<code>{}</code>", esc(&o.scenario.hash)),
    );
    if !o.scenario.authors.is_empty() {
        row(
            h,
            &tr!(r.lang, "report-row-authors"),
            &esc(&o.scenario.authors.join(", ")),
        );
    }
    if !o.started_at.is_empty() {
        row(
            h,
            &tr!(r.lang, "report-row-started-at"),
            &esc(&o.started_at),
        );
    }
    h.push_str("</tbody></table>\n</section>\n");
}
