//! The annexes of the HTML report: timeline, charts, checks, decisions, deadlines,
//! hot-wash questions, sources and exercise data.

use std::fmt::Write;

use super::{badge, block, esc, real_clock, row, section_open, table_head, when};
use crate::report::fmt::{self, num, with_unit};
use crate::report::model::*;
use crate::report::outline::Section;
use crate::report::svg::{self, Line, LineChart};
use crate::report::values;

pub(super) fn checks(h: &mut String, r: &Report, id: &str) {
    section_open(h, r, id, Section::Checks);
    if r.checks.is_empty() {
        h.push_str(
            "<p class=\"muted\">The scenario defines no best-practice checks.</p>\n</section>\n",
        );
        return;
    }
    table_head(
        h,
        "grid",
        &["Result", "Check", "Window", "When", "Lesson", "Reference"],
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
        h.push_str("<p class=\"muted\">No decision was opened.</p>\n");
        actions(h, r);
        h.push_str("</section>\n");
        return;
    }
    table_head(
        h,
        "grid",
        &[
            "Opened",
            "Team",
            "Decision",
            "Option chosen",
            "Chosen at",
            "Time to decide",
        ],
    );
    for d in &r.decisions {
        let chosen = match (&d.option, d.status) {
            (Some(o), _) => {
                let mut s = esc(&o.label);
                if d.timeout {
                    s.push_str(" <span class=\"badge open\">⏱ time ran out: default taken</span>");
                }
                if let Some(oc) = &d.outcome {
                    let _ = write!(
                        s,
                        "<div class=\"outcome\">Outcome: {}</div>",
                        esc(&oc.label)
                    );
                }
                if !d.undone.is_empty() {
                    let _ = write!(
                        s,
                        "<div class=\"muted\">Chosen first, then undone: {}</div>",
                        esc(&d.undone.join(", "))
                    );
                }
                s
            }
            (None, DecisionStatus::Open) => "<span class=\"badge open\">… still open</span>".into(),
            (None, _) => "<span class=\"badge missed\">✗ not taken before the end</span>".into(),
        };
        let took = match (d.took_real_ms, d.took_scenario_s) {
            (Some(r), Some(s)) => format!(
                "{}<div class=\"muted\">scenario time {}</div>",
                esc(&fmt::real_duration(r)),
                esc(&fmt::span(s))
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
    h.push_str("</tbody></table>\n<p class=\"muted\">Time to decide is real time in the room, from the moment the decision opened, pauses excluded. The answer key is in the facilitator's annex.</p>\n");
    for d in r.decisions.iter().filter(|d| d.votes.is_some()) {
        let _ = write!(
            h,
            "<h3>Votes on “{}” <span class=\"muted\">({})</span></h3>\n<ul>",
            esc(&d.prompt),
            esc(&d.team_name)
        );
        for l in crate::report::votes::lines(d) {
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
    h.push_str("<h3>Actions taken</h3>\n");
    let counts: Vec<String> = values::action_counts(&r.actions)
        .iter()
        .map(|(l, n)| format!("{} ({n}×)", esc(l)))
        .collect();
    if !counts.is_empty() {
        let _ = writeln!(h, "<p>{}.</p>", counts.join(", "));
    }
    table_head(h, "grid", &["When", "Team", "Action", "Detail"]);
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
            esc(&values::action_detail(a))
        );
    }
    h.push_str("</tbody></table>\n");
}

/// The flags and the counters: start, end and each change.
fn flags_and_counters(h: &mut String, r: &Report) {
    for (title, list, flag) in [("Flags", &r.flags, true), ("Counters", &r.counters, false)] {
        if list.is_empty() {
            continue;
        }
        let _ = writeln!(h, "<h3>{title}</h3>");
        table_head(
            h,
            "grid",
            &[
                if flag { "Flag" } else { "Counter" },
                "Start",
                "End",
                "Changes",
            ],
        );
        for v in list {
            let _ = writeln!(
                h,
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                esc(&v.label),
                esc(&values::value(v, flag, v.start)),
                esc(&values::value(v, flag, v.end)),
                esc(&values::changes(v, flag))
            );
        }
        h.push_str("</tbody></table>\n");
    }
}

pub(super) fn timeline(h: &mut String, r: &Report, id: &str) {
    section_open(h, r, id, Section::Timeline);
    if r.timeline.is_empty() {
        h.push_str("<p class=\"muted\">Nothing has happened yet.</p>\n</section>\n");
        return;
    }
    table_head(
        h,
        "grid timeline",
        &["Scenario time", "Real time", "Kind", "What happened"],
    );
    for t in &r.timeline {
        let mut what = format!("<strong>{}</strong>", esc(&t.title));
        if t.undone {
            what.push_str(" <span class=\"badge na\">↶ later undone</span>");
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
            esc(t.kind.label()),
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

fn phases(r: &Report) -> Vec<(i64, String)> {
    // Phase starts come from the timeline (the phases that began, for good).
    r.timeline
        .iter()
        .filter(|t| t.kind == TimelineKind::Phase && !t.undone)
        .map(|t| (t.when.at, t.title.clone()))
        .collect()
}

pub(super) fn threshold_lines(m: &MetricSeries) -> Vec<(f64, String)> {
    m.thresholds
        .iter()
        .flat_map(|t| {
            let mut v = Vec::new();
            if let Some(b) = t.below {
                v.push((b, format!("{} (below {})", t.label, num(b))));
            }
            if let Some(a) = t.above {
                v.push((a, format!("{} (above {})", t.label, num(a))));
            }
            v
        })
        .collect()
}

pub(super) fn direction(g: GoodDirection) -> &'static str {
    match g {
        GoodDirection::High => "↑ higher is better",
        GoodDirection::Low => "↓ lower is better",
    }
}

fn metric_caption(m: &MetricSeries, end: i64) -> String {
    let start = m.points.first().map(|p| p.value).unwrap_or(m.end);
    format!(
        "{}{}: {}. Started at {}, ended at {} ({}); worst {} at {}, best {} at {}{}.",
        m.label,
        if m.unit.is_empty() {
            String::new()
        } else {
            format!(" ({})", m.unit)
        },
        direction(m.good),
        with_unit(start, &m.unit),
        with_unit(m.end, &m.unit),
        crate::scenario::time::format_offset(end),
        with_unit(m.worst.value, &m.unit),
        crate::scenario::time::format_offset(m.worst.at),
        with_unit(m.best.value, &m.unit),
        crate::scenario::time::format_offset(m.best.at),
        m.band_at_end
            .as_ref()
            .map(|b| format!("; at the end: {b}"))
            .unwrap_or_default()
    )
}

/// Metric trajectories, IT systems and clinical services.
pub(super) fn charts(h: &mut String, r: &Report, id: &str) {
    section_open(h, r, id, Section::Charts);
    if r.metrics.is_empty() && r.systems.is_empty() && r.services.is_empty() {
        h.push_str(
            "<p class=\"muted\">The scenario defines no metrics, IT systems or clinical services.</p>\n",
        );
    }
    metrics(h, r, id);
    systems(h, r, id);
    flags_and_counters(h, r);
    h.push_str("</section>\n");
}

fn metrics(h: &mut String, r: &Report, id: &str) {
    let end = r.overview.scenario_to.at;
    let ph = phases(r);
    if !r.metrics.is_empty() {
        h.push_str("<h3>Metric trajectories</h3>\n");
    }
    for (k, m) in r.metrics.iter().enumerate() {
        let caption = metric_caption(m, end);
        let chart = svg::line_chart(&LineChart {
            id: format!("{id}m{k}"),
            title: format!("{} over scenario time", m.label),
            desc: caption.clone(),
            end,
            unit: m.unit.clone(),
            lo: m.min,
            hi: m.max,
            thresholds: threshold_lines(m),
            phases: ph.clone(),
            lines: vec![Line {
                name: m.label.clone(),
                points: &m.points,
            }],
            legend: false,
        });
        let _ = writeln!(
            h,
            "<figure class=\"chart\">{chart}<figcaption>{}</figcaption></figure>",
            esc(&caption)
        );
    }
}

fn systems(h: &mut String, r: &Report, id: &str) {
    let end = r.overview.scenario_to.at;
    let ph = phases(r);
    if !r.systems.is_empty() {
        h.push_str("<h3>IT systems</h3>\n");
        let rows: Vec<(String, &[StateChange])> = r
            .systems
            .iter()
            .map(|s| (s.name.clone(), s.states.as_slice()))
            .collect();
        let desc = r
            .systems
            .iter()
            .map(|s| {
                format!(
                    "{}: down {}, impaired {}, {} at the end",
                    s.name,
                    fmt::span(s.down_s),
                    fmt::span(s.impaired_s),
                    s.end
                )
            })
            .collect::<Vec<_>>()
            .join("; ");
        let chart = svg::state_chart(
            &format!("{id}sys"),
            "IT systems' states over scenario time",
            &desc,
            end,
            &ph,
            &rows,
        );
        let _ = writeln!(
            h,
            "<figure class=\"chart\">{chart}<figcaption>States of each system over scenario time, patterned and named by state; the table gives the times.</figcaption></figure>"
        );
        table_head(
            h,
            "grid",
            &[
                "System",
                "Down or isolated",
                "Degraded or restoring",
                "At the end",
                "Changes",
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
                        esc(&c.state)
                    )
                })
                .collect::<Vec<_>>()
                .join(" → ");
            let _ = writeln!(
                h,
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{changes}</td></tr>",
                esc(&s.name),
                esc(&fmt::span(s.down_s)),
                esc(&fmt::span(s.impaired_s)),
                esc(&s.end)
            );
        }
        h.push_str("</tbody></table>\n");
    }
    if !r.services.is_empty() {
        h.push_str("<h3>Clinical services</h3>\n");
        let desc = r
            .services
            .iter()
            .map(|s| {
                format!(
                    "{}: lowest {}% at {}, mean {}%, {}% at the end",
                    s.name,
                    num(s.lowest.value),
                    crate::scenario::time::format_offset(s.lowest.at),
                    num(s.mean),
                    num(s.end)
                )
            })
            .collect::<Vec<_>>()
            .join("; ");
        let chart = svg::line_chart(&LineChart {
            id: format!("{id}svc"),
            title: "Clinical services' capacity over scenario time (%)".into(),
            desc,
            end,
            unit: "%".into(),
            lo: 0.0,
            hi: 100.0,
            thresholds: Vec::new(),
            phases: ph,
            lines: r
                .services
                .iter()
                .map(|s| Line {
                    name: s.name.clone(),
                    points: &s.points,
                })
                .collect(),
            legend: true,
        });
        let _ = writeln!(
            h,
            "<figure class=\"chart\">{chart}<figcaption>Capacity of each service (100% = normal); lines differ by colour, dash and marker.</figcaption></figure>"
        );
        table_head(
            h,
            "grid",
            &[
                "Service",
                "Needs",
                "Lowest capacity",
                "Time below full capacity",
                "Mean capacity",
                "At the end",
            ],
        );
        for s in &r.services {
            let _ = writeln!(
                h,
                "<tr><td>{}</td><td>{}</td><td>{}% at {}</td><td>{}</td><td>{}%</td><td>{}%</td></tr>",
                esc(&s.name),
                esc(&s.depends_on.join(", ")),
                esc(&num(s.lowest.value)),
                esc(&crate::scenario::time::format_offset(s.lowest.at)),
                esc(&fmt::span(s.reduced_s)),
                esc(&num(s.mean)),
                esc(&num(s.end))
            );
        }
        h.push_str("</tbody></table>\n");
    }
}

pub(super) fn deadlines(h: &mut String, r: &Report, id: &str) {
    section_open(h, r, id, Section::Deadlines);
    if r.deadlines.is_empty() {
        h.push_str("<p class=\"muted\">The scenario defines no deadlines.</p>\n</section>\n");
        return;
    }
    table_head(
        h,
        "grid",
        &[
            "Deadline",
            "Team",
            "Allowed",
            "Started",
            "Due",
            "Result",
            "Reference",
        ],
    );
    for d in &r.deadlines {
        let result = match d.status {
            DeadlineOutcome::Met => format!(
                "<span class=\"badge met\">✓ Met</span> at {}{}",
                d.closed
                    .as_ref()
                    .map(|m| esc(&m.when()))
                    .unwrap_or_default(),
                d.margin_s
                    .map(|m| format!(", {} to spare", esc(&fmt::span(m))))
                    .unwrap_or_default()
            ),
            DeadlineOutcome::Missed => format!(
                "<span class=\"badge missed\">✗ Missed</span> at {}",
                d.closed
                    .as_ref()
                    .map(|m| esc(&m.when()))
                    .unwrap_or_default()
            ),
            DeadlineOutcome::MetByOthers => format!(
                "<span class=\"badge na\">Met by others</span> at {} (not a team's decision)",
                d.closed
                    .as_ref()
                    .map(|m| esc(&m.when()))
                    .unwrap_or_default()
            ),
            DeadlineOutcome::Stopped | DeadlineOutcome::Expired => format!(
                "<span class=\"badge na\">Threat countdown {}</span> at {} (not scored)",
                if d.status == DeadlineOutcome::Stopped {
                    "stopped"
                } else {
                    "ran out"
                },
                d.closed
                    .as_ref()
                    .map(|m| esc(&m.when()))
                    .unwrap_or_default()
            ),
            DeadlineOutcome::Running if r.status == Progress::Ended => {
                "<span class=\"badge na\">– Still running when the exercise ended</span>".into()
            }
            DeadlineOutcome::Running => "<span class=\"badge open\">… Running</span>".into(),
            DeadlineOutcome::NotStarted => "<span class=\"badge na\">– Not started</span>".into(),
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
            esc(&fmt::span(d.duration_s)),
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
        h.push_str("<p class=\"muted\">The scenario has no discussion questions for the part played.</p>\n</section>\n");
        return;
    }
    h.push_str("<p>Questions the scenario proposes for the hot wash, for the phases played and the messages the teams received.</p>\n");
    for g in &r.questions {
        let _ = write!(
            h,
            "<h3>{}: {}</h3>\n<ul class=\"questions\">\n",
            if g.source == "phase" {
                "Phase"
            } else {
                "Message"
            },
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
        h.push_str("<h3>Sources of the scenario</h3>\n<ul class=\"refs\">\n");
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
    h.push_str("<h3>Exercise data</h3>\n<table class=\"facts\"><tbody>\n");
    row(
        h,
        "Journal",
        &format!(
            "<code>{}</code>, {}",
            esc(&o.journal.file),
            fmt::plural(o.journal.entries, "entry", "entries")
        ),
    );
    if let Some(f) = &o.journal.forked_from {
        row(h, "Forked from", &esc(f));
    }
    row(
        h,
        "Recorded with",
        &esc(&format!("Downtime {}", o.journal.recorded_with)),
    );
    row(h, "Seed", &o.journal.seed.to_string());
    row(
        h,
        "Scenario source",
        &format!("<code>{}</code>", esc(&o.scenario.source)),
    );
    row(
        h,
        "Scenario hash",
        &format!("<code>{}</code>", esc(&o.scenario.hash)),
    );
    if !o.scenario.authors.is_empty() {
        row(h, "Scenario authors", &esc(&o.scenario.authors.join(", ")));
    }
    if !o.started_at.is_empty() {
        row(h, "Started at", &esc(&o.started_at));
    }
    h.push_str("</tbody></table>\n</section>\n");
}
