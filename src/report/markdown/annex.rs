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

/// Width of the text sparklines.
const SPARK: usize = 24;

pub(super) fn checks(out: &mut String, r: &Report) {
    heading(out, r, Section::Checks);
    if r.checks.is_empty() {
        out.push_str("The scenario defines no best-practice checks.\n\n");
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
        &["Result", "Check", "Window", "When", "Lesson", "Reference"],
        &rows,
    );
}

pub(super) fn decisions(out: &mut String, r: &Report) {
    heading(out, r, Section::Decisions);
    if r.decisions.is_empty() {
        out.push_str("No decision was opened.\n\n");
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
                        s.push_str(" (⏱ time ran out: default taken)");
                    }
                    if let Some(oc) = &d.outcome {
                        let _ = write!(s, "; outcome: {}", inline(&oc.label));
                    }
                    if !d.undone.is_empty() {
                        let _ = write!(s, "; first chose {}, undone", inline(&d.undone.join(", ")));
                    }
                    s
                }
                (None, DecisionStatus::Open) => "… still open".into(),
                (None, _) => "✗ not taken before the end".into(),
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
                    (Some(r), Some(s)) => {
                        format!("{} (scenario {})", fmt::real_duration(r), fmt::span(s))
                    }
                    _ => "–".into(),
                },
            ]
        })
        .collect();
    table(
        out,
        &[
            "Opened",
            "Team",
            "Decision",
            "Option chosen",
            "Chosen at",
            "Time to decide",
        ],
        &rows,
    );
    out.push_str("Time to decide is real time in the room from the moment the decision opened, pauses excluded. The answer key is in the facilitator's annex.\n\n");
    for d in r.decisions.iter().filter(|d| d.votes.is_some()) {
        let _ = writeln!(
            out,
            "**Votes on “{}”** ({})\n",
            inline(&d.prompt),
            inline(&d.team_name)
        );
        for l in crate::report::votes::lines(d) {
            let _ = writeln!(out, "- {}", inline(&l));
        }
        out.push('\n');
    }
    actions(out, r);
}

pub(super) fn timeline(out: &mut String, r: &Report) {
    heading(out, r, Section::Timeline);
    if r.timeline.is_empty() {
        out.push_str("Nothing has happened yet.\n\n");
        return;
    }
    let rows: Vec<Vec<String>> = r
        .timeline
        .iter()
        .map(|t| {
            let mut what = format!("**{}**", inline(&t.title));
            if t.undone {
                what.push_str(" (later undone)");
            }
            if !t.detail.is_empty() {
                let _ = write!(what, " — {}", inline(&t.detail));
            }
            if t.kind == TimelineKind::Note && !t.body.is_empty() {
                let _ = write!(what, ": {}", inline(&t.body));
            }
            vec![
                format!("{} {}", t.when.offset, t.when.clock),
                real_clock(&t.when),
                t.kind.label().into(),
                what,
            ]
        })
        .collect();
    table(
        out,
        &["Scenario time", "Real time", "Kind", "What happened"],
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
        out.push_str("### Metric trajectories\n\n");
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
    out.push_str("### Actions taken\n\n");
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
                inline(&values::action_detail(a)),
            ]
        })
        .collect();
    table(out, &["When", "Team", "Action", "Detail"], &rows);
}

/// The flags and the counters: start, end and each change.
fn flags_and_counters(out: &mut String, r: &Report) {
    for (title, list, flag) in [("Flags", &r.flags, true), ("Counters", &r.counters, false)] {
        if list.is_empty() {
            continue;
        }
        let _ = writeln!(out, "### {title}\n");
        let rows: Vec<Vec<String>> = list
            .iter()
            .map(|v| {
                vec![
                    inline(&v.label),
                    inline(&values::value(v, flag, v.start)),
                    inline(&values::value(v, flag, v.end)),
                    inline(&values::changes(v, flag)),
                ]
            })
            .collect();
        table(
            out,
            &[
                if flag { "Flag" } else { "Counter" },
                "Start",
                "End",
                "Changes",
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
                    GoodDirection::High => "↑ high".into(),
                    GoodDirection::Low => "↓ low".into(),
                },
                format!("`{}`", axis::sparkline(&m.points, end, m.min, m.max, SPARK)),
                num(start),
                format!(
                    "{}{}",
                    num(m.end),
                    m.band_at_end
                        .as_ref()
                        .map(|b| format!(" ({})", inline(b)))
                        .unwrap_or_default()
                ),
                format!("{} at {}", num(m.worst.value), format_offset(m.worst.at)),
                format!("{} at {}", num(m.best.value), format_offset(m.best.at)),
            ]
        })
        .collect();
    table(
        out,
        &[
            "Metric",
            "Good",
            &format!("Trend T+00:00 → {}", format_offset(end)),
            "Start",
            "End",
            "Worst",
            "Best",
        ],
        &rows,
    );
    let times = sample_times(end);
    let mut head = vec!["Metric".to_string()];
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
    out.push_str("Values over scenario time:\n\n");
    table(out, &head, &rows);
    let thresholds: Vec<String> = r
        .metrics
        .iter()
        .flat_map(|m| {
            m.thresholds.iter().map(move |t| {
                let mut parts = Vec::new();
                if let Some(b) = t.below {
                    parts.push(format!("below {}", num(b)));
                }
                if let Some(a) = t.above {
                    parts.push(format!("above {}", num(a)));
                }
                format!(
                    "{} {}: {}",
                    inline(&m.label),
                    parts.join(" or "),
                    inline(&t.label)
                )
            })
        })
        .collect();
    if !thresholds.is_empty() {
        let _ = writeln!(out, "Thresholds: {}.\n", thresholds.join("; "));
    }
}

fn systems(out: &mut String, r: &Report) {
    let end = r.overview.scenario_to.at;
    if !r.systems.is_empty() {
        out.push_str("### IT systems\n\n");
        let rows: Vec<Vec<String>> = r
            .systems
            .iter()
            .map(|s| {
                vec![
                    inline(&s.name),
                    fmt::span(s.down_s),
                    fmt::span(s.impaired_s),
                    s.end.clone(),
                    s.states
                        .iter()
                        .map(|c| format!("{} {}", format_offset(c.at), c.state))
                        .collect::<Vec<_>>()
                        .join(" → "),
                ]
            })
            .collect();
        table(
            out,
            &[
                "System",
                "Down or isolated",
                "Degraded or restoring",
                "At the end",
                "Changes",
            ],
            &rows,
        );
    }
    if !r.services.is_empty() {
        out.push_str("### Clinical services\n\n");
        let rows: Vec<Vec<String>> = r
            .services
            .iter()
            .map(|s| {
                vec![
                    inline(&s.name),
                    inline(&s.depends_on.join(", ")),
                    format!("`{}`", axis::sparkline(&s.points, end, 0.0, 100.0, SPARK)),
                    format!("{}% at {}", num(s.lowest.value), format_offset(s.lowest.at)),
                    fmt::span(s.reduced_s),
                    format!("{}%", num(s.mean)),
                    format!("{}%", num(s.end)),
                ]
            })
            .collect();
        table(
            out,
            &[
                "Service",
                "Needs",
                "Capacity trend",
                "Lowest",
                "Below full capacity",
                "Mean",
                "At the end",
            ],
            &rows,
        );
        let times = sample_times(end);
        let mut head = vec!["Service capacity (%)".to_string()];
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
        out.push_str("The scenario defines no metrics, IT systems or clinical services.\n\n");
    }
}

pub(super) fn deadlines(out: &mut String, r: &Report) {
    heading(out, r, Section::Deadlines);
    if r.deadlines.is_empty() {
        out.push_str("The scenario defines no deadlines.\n\n");
        return;
    }
    let rows: Vec<Vec<String>> = r
        .deadlines
        .iter()
        .map(|d| {
            let result = match d.status {
                DeadlineOutcome::Met => format!(
                    "✓ met at {}{}",
                    d.closed.as_ref().map(|m| m.when()).unwrap_or_default(),
                    d.margin_s
                        .map(|m| format!(", {} to spare", fmt::span(m)))
                        .unwrap_or_default()
                ),
                DeadlineOutcome::Missed => format!(
                    "✗ missed at {}",
                    d.closed.as_ref().map(|m| m.when()).unwrap_or_default()
                ),
                DeadlineOutcome::MetByOthers => format!(
                    "met by others at {} (not a team's decision)",
                    d.closed.as_ref().map(|m| m.when()).unwrap_or_default()
                ),
                DeadlineOutcome::Stopped => format!(
                    "threat countdown stopped at {} (not scored)",
                    d.closed.as_ref().map(|m| m.when()).unwrap_or_default()
                ),
                DeadlineOutcome::Expired => format!(
                    "threat countdown ran out at {} (not scored)",
                    d.closed.as_ref().map(|m| m.when()).unwrap_or_default()
                ),
                DeadlineOutcome::Running if r.status == Progress::Ended => {
                    "– still running when the exercise ended".into()
                }
                DeadlineOutcome::Running => "… running".into(),
                DeadlineOutcome::NotStarted => "– not started".into(),
            };
            vec![
                inline(&d.label),
                inline(&d.team),
                fmt::span(d.duration_s),
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
            "Deadline",
            "Team",
            "Allowed",
            "Started",
            "Due",
            "Result",
            "Reference",
        ],
        &rows,
    );
}

pub(super) fn questions(out: &mut String, r: &Report) {
    heading(out, r, Section::Questions);
    if r.questions.is_empty() {
        out.push_str("The scenario has no discussion questions for the part played.\n\n");
        return;
    }
    for g in &r.questions {
        let _ = writeln!(
            out,
            "**{}: {}**\n",
            if g.source == "phase" {
                "Phase"
            } else {
                "Message"
            },
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
            "Journal".to_string(),
            format!(
                "{}, {}",
                code(&o.journal.file),
                fmt::plural(o.journal.entries, "entry", "entries")
            ),
        ],
        vec![
            "Recorded with".into(),
            format!("Downtime {}", inline(&o.journal.recorded_with)),
        ],
        vec!["Seed".into(), o.journal.seed.to_string()],
        vec!["Scenario source".into(), inline(&o.scenario.source)],
        vec!["Scenario hash".into(), inline(&o.scenario.hash)],
    ];
    if let Some(f) = &o.journal.forked_from {
        rows.insert(1, vec!["Forked from".into(), inline(f)]);
    }
    if !o.scenario.authors.is_empty() {
        rows.push(vec![
            "Scenario authors".into(),
            inline(&o.scenario.authors.join(", ")),
        ]);
    }
    if !o.started_at.is_empty() {
        rows.push(vec!["Started at".into(), inline(&o.started_at)]);
    }
    table(out, &["", ""], &rows);
}
