//! The annexes of the Markdown report: timeline, charts, checks, decisions, deadlines,
//! hot-wash questions, sources and exercise data.

use std::fmt::Write;

use super::escape::{code, inline, leading, link_target};
use super::{heading, status_word, table};
use crate::report::axis;
use crate::report::fmt::{self, num, real_clock};
use crate::report::model::*;
use crate::report::outline::Section;
use crate::report::values;
use crate::scenario::time::format_offset;
use crate::tr;

/// Width of the text sparklines.
const SPARK: usize = 24;

pub(super) fn checks(out: &mut String, r: &Report) {
    heading(out, r, Section::Checks);
    if r.checks.is_empty() {
        let _ = writeln!(out, "{}\n", tr!(r.lang, "report-no-checks"));
        return;
    }
    let rows: Vec<Vec<String>> = r
        .checks
        .iter()
        .map(|c| {
            vec![
                status_word(r.lang, c.status),
                inline(&c.title),
                inline(&c.window),
                c.when
                    .as_ref()
                    .map(|m| m.when())
                    .unwrap_or_else(|| "–".into()),
                inline(&c.lesson),
                inline(&c.reference),
            ]
        })
        .collect();
    table(
        out,
        &[
            &tr!(r.lang, "report-col-result"),
            &tr!(r.lang, "report-col-check"),
            &tr!(r.lang, "report-col-window"),
            &tr!(r.lang, "report-col-when"),
            &tr!(r.lang, "report-col-lesson"),
            &tr!(r.lang, "report-col-reference"),
        ],
        &rows,
    );
}

pub(super) fn decisions(out: &mut String, r: &Report) {
    heading(out, r, Section::Decisions);
    if r.decisions.is_empty() {
        let _ = writeln!(out, "{}\n", tr!(r.lang, "report-no-decisions"));
        actions(out, r);
        return;
    }
    let rows: Vec<Vec<String>> = r
        .decisions
        .iter()
        .map(|d| {
            let chosen = match (&d.option, d.status) {
                (Some(o), _) => {
                    let mut s = inline(&o.label);
                    if d.timeout {
                        let _ = write!(s, " (⏱ {})", tr!(r.lang, "report-timeout"));
                    }
                    if let Some(oc) = &d.outcome {
                        let _ = write!(
                            s,
                            "{}{}",
                            fmt::semicolon(r.lang),
                            tr!(r.lang, "report-md-outcome", label = inline(&oc.label))
                        );
                    }
                    if !d.undone.is_empty() {
                        let _ = write!(
                            s,
                            "{}{}",
                            fmt::semicolon(r.lang),
                            tr!(
                                r.lang,
                                "report-md-undone",
                                options = inline(&d.undone.join(", "))
                            )
                        );
                    }
                    s
                }
                (None, DecisionStatus::Open) => format!("… {}", tr!(r.lang, "report-still-open")),
                (None, _) => format!("✗ {}", tr!(r.lang, "report-not-taken")),
            };
            vec![
                d.opened.when(),
                inline(&d.team_name),
                inline(&d.prompt),
                chosen,
                d.chosen
                    .as_ref()
                    .map(|m| format!("{} ({})", m.when(), real_clock(m)))
                    .unwrap_or_else(|| "–".into()),
                match (d.took_real_ms, d.took_scenario_s) {
                    (Some(ms), Some(s)) => tr!(
                        r.lang,
                        "report-md-took",
                        real = fmt::real_duration_in(r.lang, ms),
                        span = fmt::span_in(r.lang, s)
                    ),
                    _ => "–".into(),
                },
            ]
        })
        .collect();
    table(
        out,
        &[
            &tr!(r.lang, "report-col-opened"),
            &tr!(r.lang, "report-col-team"),
            &tr!(r.lang, "report-col-decision"),
            &tr!(r.lang, "report-col-option"),
            &tr!(r.lang, "report-col-chosen-at"),
            &tr!(r.lang, "report-col-time-to-decide"),
        ],
        &rows,
    );
    let _ = writeln!(out, "{}\n", tr!(r.lang, "report-md-decide-note"));
    for d in r.decisions.iter().filter(|d| d.votes.is_some()) {
        let _ = writeln!(
            out,
            "**{}** ({})\n",
            tr!(r.lang, "report-votes-on", prompt = inline(&d.prompt)),
            inline(&d.team_name)
        );
        for l in crate::report::votes::lines(r.lang, d) {
            let _ = writeln!(out, "- {}", inline(&l));
        }
        out.push('\n');
    }
    actions(out, r);
}

pub(super) fn timeline(out: &mut String, r: &Report) {
    heading(out, r, Section::Timeline);
    if r.timeline.is_empty() {
        let _ = writeln!(out, "{}\n", tr!(r.lang, "report-nothing-yet"));
        return;
    }
    let rows: Vec<Vec<String>> = r
        .timeline
        .iter()
        .map(|t| {
            let mut what = format!("**{}**", inline(&t.title));
            if t.undone {
                let _ = write!(what, " ({})", tr!(r.lang, "report-later-undone"));
            }
            if !t.detail.is_empty() {
                let _ = write!(what, " — {}", inline(&t.detail));
            }
            if t.kind == TimelineKind::Note && !t.body.is_empty() {
                let _ = write!(what, "{}{}", fmt::colon(r.lang), inline(&t.body));
            }
            vec![
                format!("{} {}", t.when.offset, t.when.clock),
                real_clock(&t.when),
                t.kind.label_in(r.lang),
                what,
            ]
        })
        .collect();
    table(
        out,
        &[
            &tr!(r.lang, "report-col-scenario-time"),
            &tr!(r.lang, "report-col-real-time"),
            &tr!(r.lang, "report-col-kind"),
            &tr!(r.lang, "report-col-what"),
        ],
        &rows,
    );
}

/// Columns of sampled values: tick times, plus the end if it is not a tick.
fn sample_times(end: i64) -> Vec<i64> {
    let mut t = axis::time_ticks(end);
    if t.last() != Some(&end) {
        t.push(end);
    }
    t
}

pub(super) fn charts(out: &mut String, r: &Report) {
    heading(out, r, Section::Charts);
    if !r.metrics.is_empty() {
        let _ = writeln!(out, "### {}\n", tr!(r.lang, "report-metrics"));
        metrics(out, r);
    }
    systems(out, r);
    flags_and_counters(out, r);
}

/// Every action taken, in order, and how often each.
fn actions(out: &mut String, r: &Report) {
    if r.actions.is_empty() {
        return;
    }
    let _ = writeln!(out, "### {}\n", tr!(r.lang, "report-actions"));
    let counts: Vec<String> = values::action_counts(&r.actions)
        .iter()
        .map(|(l, n)| format!("{} ({n}×)", inline(l)))
        .collect();
    if !counts.is_empty() {
        let _ = writeln!(out, "{}.\n", counts.join(", "));
    }
    let rows: Vec<Vec<String>> = r
        .actions
        .iter()
        .map(|a| {
            vec![
                a.when.when(),
                if a.team.is_empty() {
                    "–".into()
                } else {
                    inline(&a.team)
                },
                inline(&a.label),
                inline(&values::action_detail(r.lang, a)),
            ]
        })
        .collect();
    table(
        out,
        &[
            &tr!(r.lang, "report-col-when"),
            &tr!(r.lang, "report-col-team"),
            &tr!(r.lang, "report-col-action"),
            &tr!(r.lang, "report-col-detail"),
        ],
        &rows,
    );
}

/// The flags and the counters: start, end and each change.
fn flags_and_counters(out: &mut String, r: &Report) {
    for (title, list, flag) in [
        (tr!(r.lang, "report-flags"), &r.flags, true),
        (tr!(r.lang, "report-counters"), &r.counters, false),
    ] {
        if list.is_empty() {
            continue;
        }
        let _ = writeln!(out, "### {title}\n");
        let rows: Vec<Vec<String>> = list
            .iter()
            .map(|v| {
                vec![
                    inline(&v.label),
                    inline(&values::value(r.lang, v, flag, v.start)),
                    inline(&values::value(r.lang, v, flag, v.end)),
                    inline(&values::changes(r.lang, v, flag)),
                ]
            })
            .collect();
        table(
            out,
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
            &rows,
        );
    }
}

fn metrics(out: &mut String, r: &Report) {
    let end = r.overview.scenario_to.at;
    let rows: Vec<Vec<String>> = r
        .metrics
        .iter()
        .map(|m| {
            let start = m.points.first().map(|p| p.value).unwrap_or(m.end);
            vec![
                format!(
                    "{}{}",
                    inline(&m.label),
                    if m.unit.is_empty() {
                        String::new()
                    } else {
                        format!(" ({})", inline(&m.unit))
                    }
                ),
                match m.good {
                    GoodDirection::High => tr!(r.lang, "report-md-high"),
                    GoodDirection::Low => tr!(r.lang, "report-md-low"),
                },
                format!("`{}`", axis::sparkline(&m.points, end, m.min, m.max, SPARK)),
                fmt::num_in(r.lang, start),
                format!(
                    "{}{}",
                    fmt::num_in(r.lang, m.end),
                    m.band_at_end
                        .as_ref()
                        .map(|b| format!(" ({})", inline(b)))
                        .unwrap_or_default()
                ),
                format!(
                    "{} {}",
                    fmt::num_in(r.lang, m.worst.value),
                    tr!(r.lang, "report-at", when = format_offset(m.worst.at))
                ),
                format!(
                    "{} {}",
                    fmt::num_in(r.lang, m.best.value),
                    tr!(r.lang, "report-at", when = format_offset(m.best.at))
                ),
            ]
        })
        .collect();
    table(
        out,
        &[
            &tr!(r.lang, "report-col-metric"),
            &tr!(r.lang, "report-col-good"),
            &tr!(r.lang, "report-col-trend", end = format_offset(end)),
            &tr!(r.lang, "report-col-start"),
            &tr!(r.lang, "report-col-end"),
            &tr!(r.lang, "report-col-worst"),
            &tr!(r.lang, "report-col-best"),
        ],
        &rows,
    );
    let times = sample_times(end);
    let mut head = vec![tr!(r.lang, "report-col-metric")];
    head.extend(times.iter().map(|t| format_offset(*t)));
    let head: Vec<&str> = head.iter().map(String::as_str).collect();
    let rows: Vec<Vec<String>> = r
        .metrics
        .iter()
        .map(|m| {
            let mut row = vec![inline(&m.label)];
            row.extend(times.iter().map(|&t| {
                axis::value_at(&m.points, t)
                    .map(num)
                    .unwrap_or_else(|| "–".into())
            }));
            row
        })
        .collect();
    let _ = writeln!(out, "{}\n", tr!(r.lang, "report-values-over-time"));
    table(out, &head, &rows);
    let thresholds: Vec<String> = r
        .metrics
        .iter()
        .flat_map(|m| {
            m.thresholds.iter().map(move |t| {
                let mut parts = Vec::new();
                if let Some(b) = t.below {
                    parts.push(tr!(r.lang, "report-below", value = fmt::num_in(r.lang, b)));
                }
                if let Some(a) = t.above {
                    parts.push(tr!(r.lang, "report-above", value = fmt::num_in(r.lang, a)));
                }
                format!(
                    "{} {}{}{}",
                    inline(&m.label),
                    parts.join(&tr!(r.lang, "report-or")),
                    fmt::colon(r.lang),
                    inline(&t.label)
                )
            })
        })
        .collect();
    if !thresholds.is_empty() {
        let _ = writeln!(
            out,
            "{}\n",
            tr!(
                r.lang,
                "report-thresholds",
                list = thresholds.join(fmt::semicolon(r.lang))
            )
        );
    }
}

fn systems(out: &mut String, r: &Report) {
    let end = r.overview.scenario_to.at;
    if !r.systems.is_empty() {
        let _ = writeln!(out, "### {}\n", tr!(r.lang, "report-systems"));
        let rows: Vec<Vec<String>> = r
            .systems
            .iter()
            .map(|s| {
                vec![
                    inline(&s.name),
                    fmt::span_in(r.lang, s.down_s),
                    fmt::span_in(r.lang, s.impaired_s),
                    fmt::state_in(r.lang, &s.end),
                    s.states
                        .iter()
                        .map(|c| {
                            format!(
                                "{} {}",
                                format_offset(c.at),
                                fmt::state_in(r.lang, &c.state)
                            )
                        })
                        .collect::<Vec<_>>()
                        .join(" → "),
                ]
            })
            .collect();
        table(
            out,
            &[
                &tr!(r.lang, "report-col-system"),
                &tr!(r.lang, "report-col-down"),
                &tr!(r.lang, "report-col-degraded"),
                &tr!(r.lang, "report-col-at-end"),
                &tr!(r.lang, "report-col-changes"),
            ],
            &rows,
        );
    }
    if !r.services.is_empty() {
        let _ = writeln!(out, "### {}\n", tr!(r.lang, "report-services"));
        let rows: Vec<Vec<String>> = r
            .services
            .iter()
            .map(|s| {
                vec![
                    inline(&s.name),
                    inline(&s.depends_on.join(", ")),
                    format!("`{}`", axis::sparkline(&s.points, end, 0.0, 100.0, SPARK)),
                    format!(
                        "{} {}",
                        fmt::with_unit_in(r.lang, s.lowest.value, "%"),
                        tr!(r.lang, "report-at", when = format_offset(s.lowest.at))
                    ),
                    fmt::span_in(r.lang, s.reduced_s),
                    fmt::with_unit_in(r.lang, s.mean, "%"),
                    fmt::with_unit_in(r.lang, s.end, "%"),
                ]
            })
            .collect();
        table(
            out,
            &[
                &tr!(r.lang, "report-col-service"),
                &tr!(r.lang, "report-col-needs"),
                &tr!(r.lang, "report-col-capacity-trend"),
                &tr!(r.lang, "report-col-lowest"),
                &tr!(r.lang, "report-col-below-full"),
                &tr!(r.lang, "report-col-mean"),
                &tr!(r.lang, "report-col-at-end"),
            ],
            &rows,
        );
        let times = sample_times(end);
        let mut head = vec![tr!(r.lang, "report-col-service-capacity")];
        head.extend(times.iter().map(|t| format_offset(*t)));
        let head: Vec<&str> = head.iter().map(String::as_str).collect();
        let rows: Vec<Vec<String>> = r
            .services
            .iter()
            .map(|s| {
                let mut row = vec![inline(&s.name)];
                row.extend(times.iter().map(|&t| {
                    axis::value_at(&s.points, t)
                        .map(num)
                        .unwrap_or_else(|| "–".into())
                }));
                row
            })
            .collect();
        table(out, &head, &rows);
    }
    if r.metrics.is_empty() && r.systems.is_empty() && r.services.is_empty() {
        let _ = writeln!(out, "{}\n", tr!(r.lang, "report-no-charts"));
    }
}

pub(super) fn deadlines(out: &mut String, r: &Report) {
    heading(out, r, Section::Deadlines);
    if r.deadlines.is_empty() {
        let _ = writeln!(out, "{}\n", tr!(r.lang, "report-no-deadlines"));
        return;
    }
    let rows: Vec<Vec<String>> = r
        .deadlines
        .iter()
        .map(|d| {
            let l = r.lang;
            let closed = || {
                tr!(
                    l,
                    "report-at",
                    when = d.closed.as_ref().map(|m| m.when()).unwrap_or_default()
                )
            };
            let result = match d.status {
                DeadlineOutcome::Met => format!(
                    "✓ {} {}{}",
                    tr!(l, "report-md-check-met"),
                    closed(),
                    d.margin_s
                        .map(|m| format!(
                            "{}{}",
                            fmt::comma(l),
                            tr!(l, "report-to-spare", span = fmt::span_in(l, m))
                        ))
                        .unwrap_or_default()
                ),
                DeadlineOutcome::Missed => {
                    format!("✗ {} {}", tr!(l, "report-md-check-missed"), closed())
                }
                DeadlineOutcome::MetByOthers => format!(
                    "{} {} ({})",
                    tr!(l, "report-md-met-by-others"),
                    closed(),
                    tr!(l, "report-not-team")
                ),
                DeadlineOutcome::Stopped => format!(
                    "{} {} ({})",
                    tr!(l, "report-md-countdown-stopped"),
                    closed(),
                    tr!(l, "report-not-scored")
                ),
                DeadlineOutcome::Expired => format!(
                    "{} {} ({})",
                    tr!(l, "report-md-countdown-ran-out"),
                    closed(),
                    tr!(l, "report-not-scored")
                ),
                DeadlineOutcome::Running if r.status == Progress::Ended => {
                    format!("– {}", tr!(l, "report-md-still-running"))
                }
                DeadlineOutcome::Running => format!("… {}", tr!(l, "report-md-running")),
                DeadlineOutcome::NotStarted => format!("– {}", tr!(l, "report-md-not-started")),
            };
            vec![
                inline(&d.label),
                inline(&d.team),
                fmt::span_in(r.lang, d.duration_s),
                d.started
                    .as_ref()
                    .map(|m| m.when())
                    .unwrap_or_else(|| "–".into()),
                d.due.map(format_offset).unwrap_or_else(|| "–".into()),
                result,
                inline(&d.reference),
            ]
        })
        .collect();
    table(
        out,
        &[
            &tr!(r.lang, "report-col-deadline"),
            &tr!(r.lang, "report-col-team"),
            &tr!(r.lang, "report-col-allowed"),
            &tr!(r.lang, "report-col-started"),
            &tr!(r.lang, "report-col-due"),
            &tr!(r.lang, "report-col-result"),
            &tr!(r.lang, "report-col-reference"),
        ],
        &rows,
    );
}

pub(super) fn questions(out: &mut String, r: &Report) {
    heading(out, r, Section::Questions);
    if r.questions.is_empty() {
        let _ = writeln!(out, "{}\n", tr!(r.lang, "report-no-questions"));
        return;
    }
    for g in &r.questions {
        let _ = writeln!(
            out,
            "**{}{}{}**\n",
            if g.source == "phase" {
                tr!(r.lang, "report-phase")
            } else {
                tr!(r.lang, "report-message")
            },
            fmt::colon(r.lang),
            inline(&g.title)
        );
        for q in &g.questions {
            let _ = writeln!(out, "- {}", leading(q));
        }
        out.push('\n');
    }
}

pub(super) fn sources(out: &mut String, r: &Report) {
    let o = &r.overview;
    heading(out, r, Section::Sources);
    for s in &r.references {
        let _ = writeln!(
            out,
            "- {}{}{}",
            leading(&s.title),
            match (s.url.is_empty(), link_target(&s.url)) {
                (true, _) => String::new(),
                (false, Some(target)) => format!(" ([{}]({target}))", inline(&s.url)),
                // Not http(s): text, never a link.
                (false, None) => format!(" ({})", inline(&s.url)),
            },
            if s.note.is_empty() {
                String::new()
            } else {
                format!(" — {}", inline(&s.note))
            }
        );
    }
    if !r.references.is_empty() {
        out.push('\n');
    }
    let mut rows = vec![
        vec![
            tr!(r.lang, "report-row-journal"),
            format!(
                "{}{}{}",
                code(&o.journal.file),
                fmt::comma(r.lang),
                tr!(r.lang, "report-entries", n = o.journal.entries)
            ),
        ],
        vec![
            tr!(r.lang, "report-row-recorded-with"),
            format!("Downtime {}", inline(&o.journal.recorded_with)),
        ],
        vec![tr!(r.lang, "report-row-seed"), o.journal.seed.to_string()],
        vec![tr!(r.lang, "report-row-source"), inline(&o.scenario.source)],
        vec![tr!(r.lang, "report-row-hash"), inline(&o.scenario.hash)],
    ];
    if let Some(f) = &o.journal.forked_from {
        rows.insert(1, vec![tr!(r.lang, "report-row-forked"), inline(f)]);
    }
    if !o.scenario.authors.is_empty() {
        rows.push(vec![
            tr!(r.lang, "report-row-authors"),
            inline(&o.scenario.authors.join(", ")),
        ]);
    }
    if !o.started_at.is_empty() {
        rows.push(vec![
            tr!(r.lang, "report-row-started-at"),
            inline(&o.started_at),
        ]);
    }
    table(out, &["", ""], &rows);
}
