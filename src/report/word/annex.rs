//! The annexes: timeline, checks, decisions, deadlines, hot-wash questions, sources and
//! exercise data (the charts are in [`super::charts`]).

use super::{Out, badge, cell, paragraphs};
use crate::print::Text;
use crate::report::fmt::{self, real_clock};
use crate::report::model::*;
use crate::report::outline::Section;
use crate::report::values;
use crate::scenario::time::format_offset;
use crate::tr;

/// A moment in a cell: `T+00:15 · Fri 8 Mar 22:15`.
fn when_cell(m: Option<&Moment>) -> Text {
    m.map_or_else(
        || cell(""),
        |m| Text::plain(format!("{} · {}", m.offset, m.clock)),
    )
}

pub(super) fn timeline(out: &mut Out, r: &Report) {
    let l = r.lang;
    super::open(out, r, Section::Timeline);
    if r.timeline.is_empty() {
        out.muted(tr!(l, "report-nothing-yet"));
        return;
    }
    let rows = r
        .timeline
        .iter()
        .map(|t| {
            let mut what = Text::bold(&t.title);
            if t.undone {
                what = what.then(format!(" (↶ {})", tr!(l, "report-later-undone")));
            }
            for more in [&t.detail, &t.body] {
                if !more.is_empty() {
                    what = what.then(format!(" — {}", paragraphs(more).join(" ")));
                }
            }
            vec![
                when_cell(Some(&t.when)),
                Text::plain(real_clock(&t.when)),
                Text::plain(t.kind.label_in(l)),
                what,
            ]
        })
        .collect();
    out.table(
        vec![
            tr!(l, "report-col-scenario-time"),
            tr!(l, "report-col-real-time"),
            tr!(l, "report-col-kind"),
            tr!(l, "report-col-what"),
        ],
        rows,
        &[3, 2, 2, 9],
    );
}

pub(super) fn checks(out: &mut Out, r: &Report) {
    let l = r.lang;
    super::open(out, r, Section::Checks);
    if r.checks.is_empty() {
        out.muted(tr!(l, "report-no-checks"));
        return;
    }
    let rows = r
        .checks
        .iter()
        .map(|c| {
            vec![
                Text::bold(badge(l, c.status)),
                Text::plain(&c.title),
                cell(&c.window),
                when_cell(c.when.as_ref()),
                cell(&c.lesson),
                cell(&c.reference),
            ]
        })
        .collect();
    out.table(
        vec![
            tr!(l, "report-col-result"),
            tr!(l, "report-col-check"),
            tr!(l, "report-col-window"),
            tr!(l, "report-col-when"),
            tr!(l, "report-col-lesson"),
            tr!(l, "report-col-reference"),
        ],
        rows,
        &[2, 4, 2, 3, 5, 3],
    );
}

/// What a decision came to: the option (timed out, its outcome, what was undone), or why
/// none.
fn chosen(l: crate::i18n::Lang, d: &DecisionReport) -> Text {
    match (&d.option, d.status) {
        (Some(o), _) => {
            let mut t = Text::plain(&o.label);
            if d.timeout {
                t = t.then(format!(" (⏱ {})", tr!(l, "report-timeout")));
            }
            if let Some(oc) = &d.outcome {
                t = t.then(format!(
                    " — {}",
                    tr!(l, "report-outcome", label = oc.label.as_str())
                ));
            }
            if !d.undone.is_empty() {
                t = t.then(format!(
                    " — {}",
                    tr!(l, "report-undone", options = d.undone.join(", "))
                ));
            }
            t
        }
        (None, DecisionStatus::Open) => Text::italic(format!("… {}", tr!(l, "report-still-open"))),
        (None, _) => Text::bold(format!("✗ {}", tr!(l, "report-not-taken"))),
    }
}

pub(super) fn decisions(out: &mut Out, r: &Report) {
    let l = r.lang;
    super::open(out, r, Section::Decisions);
    if r.decisions.is_empty() {
        out.muted(tr!(l, "report-no-decisions"));
        actions(out, r);
        return;
    }
    let rows = r
        .decisions
        .iter()
        .map(|d| {
            let took = match (d.took_real_ms, d.took_scenario_s) {
                (Some(ms), Some(s)) => Text::plain(format!(
                    "{} ({})",
                    fmt::real_duration_in(l, ms),
                    tr!(l, "report-scenario-time-of", span = fmt::span_in(l, s))
                )),
                _ => cell(""),
            };
            vec![
                when_cell(Some(&d.opened)),
                Text::plain(&d.team_name),
                Text::plain(&d.prompt),
                chosen(l, d),
                d.chosen.as_ref().map_or_else(
                    || cell(""),
                    |m| Text::plain(format!("{} ({})", m.when(), real_clock(m))),
                ),
                took,
            ]
        })
        .collect();
    out.table(
        vec![
            tr!(l, "report-col-opened"),
            tr!(l, "report-col-team"),
            tr!(l, "report-col-decision"),
            tr!(l, "report-col-option"),
            tr!(l, "report-col-chosen-at"),
            tr!(l, "report-col-time-to-decide"),
        ],
        rows,
        &[3, 2, 5, 4, 3, 3],
    );
    out.muted(super::rich(&tr!(l, "report-html-decide-note")).to_plain());
    for d in r.decisions.iter().filter(|d| d.votes.is_some()) {
        out.heading(
            1,
            format!(
                "{} ({})",
                tr!(l, "report-votes-on", prompt = d.prompt.as_str()),
                d.team_name
            ),
        );
        out.bullets(
            crate::report::votes::lines(l, d)
                .into_iter()
                .map(Text::plain)
                .collect(),
        );
    }
    actions(out, r);
}

/// Every action taken, in order, and how often each.
fn actions(out: &mut Out, r: &Report) {
    let l = r.lang;
    if r.actions.is_empty() {
        return;
    }
    out.heading(1, tr!(l, "report-actions"));
    let counts: Vec<String> = values::action_counts(&r.actions)
        .iter()
        .map(|(label, n)| format!("{label} ({n}×)"))
        .collect();
    if !counts.is_empty() {
        out.para(Text::plain(format!("{}.", counts.join(", "))));
    }
    let rows = r
        .actions
        .iter()
        .map(|a| {
            vec![
                when_cell(Some(&a.when)),
                cell(&a.team),
                Text::plain(&a.label),
                Text::plain(values::action_detail(l, a)),
            ]
        })
        .collect();
    out.table(
        vec![
            tr!(l, "report-col-when"),
            tr!(l, "report-col-team"),
            tr!(l, "report-col-action"),
            tr!(l, "report-col-detail"),
        ],
        rows,
        &[3, 2, 4, 5],
    );
}

/// The flags and the counters: start, end and each change.
pub(super) fn flags_and_counters(out: &mut Out, r: &Report) {
    let l = r.lang;
    for (title, list, flag) in [
        (tr!(l, "report-flags"), &r.flags, true),
        (tr!(l, "report-counters"), &r.counters, false),
    ] {
        if list.is_empty() {
            continue;
        }
        out.heading(1, title);
        let rows = list
            .iter()
            .map(|v| {
                vec![
                    Text::plain(&v.label),
                    Text::plain(values::value(l, v, flag, v.start)),
                    Text::plain(values::value(l, v, flag, v.end)),
                    Text::plain(values::changes(l, v, flag)),
                ]
            })
            .collect();
        out.table(
            vec![
                if flag {
                    tr!(l, "report-col-flag")
                } else {
                    tr!(l, "report-col-counter")
                },
                tr!(l, "report-col-start"),
                tr!(l, "report-col-end"),
                tr!(l, "report-col-changes"),
            ],
            rows,
            &[4, 2, 2, 6],
        );
    }
}

/// A deadline's result: met (and the time to spare), missed, met by others, a threat's
/// countdown, still running or not started.
fn deadline_result(r: &Report, d: &DeadlineReport) -> Text {
    let l = r.lang;
    let closed = tr!(
        l,
        "report-at",
        when = d.closed.as_ref().map(Moment::when).unwrap_or_default()
    );
    match d.status {
        DeadlineOutcome::Met => {
            Text::bold(format!("✓ {}", tr!(l, "report-check-met"))).then(format!(
                " {closed}{}",
                d.margin_s
                    .map(|m| format!(
                        "{}{}",
                        fmt::comma(l),
                        tr!(l, "report-to-spare", span = fmt::span_in(l, m))
                    ))
                    .unwrap_or_default()
            ))
        }
        DeadlineOutcome::Missed => {
            Text::bold(format!("✗ {}", tr!(l, "report-check-missed"))).then(format!(" {closed}"))
        }
        DeadlineOutcome::MetByOthers => Text::bold(tr!(l, "report-met-by-others"))
            .then(format!(" {closed} ({})", tr!(l, "report-not-team"))),
        DeadlineOutcome::Stopped | DeadlineOutcome::Expired => {
            Text::bold(if d.status == DeadlineOutcome::Stopped {
                tr!(l, "report-countdown-stopped")
            } else {
                tr!(l, "report-countdown-ran-out")
            })
            .then(format!(" {closed} ({})", tr!(l, "report-not-scored")))
        }
        DeadlineOutcome::Running if r.status == Progress::Ended => {
            Text::plain(format!("– {}", tr!(l, "report-still-running")))
        }
        DeadlineOutcome::Running => Text::plain(format!("… {}", tr!(l, "report-running"))),
        DeadlineOutcome::NotStarted => Text::plain(format!("– {}", tr!(l, "report-not-started"))),
    }
}

pub(super) fn deadlines(out: &mut Out, r: &Report) {
    let l = r.lang;
    super::open(out, r, Section::Deadlines);
    if r.deadlines.is_empty() {
        out.muted(tr!(l, "report-no-deadlines"));
        return;
    }
    let rows = r
        .deadlines
        .iter()
        .map(|d| {
            let mut label = Text::bold(&d.label);
            if !d.description.is_empty() {
                label = label.then(format!(" — {}", d.description));
            }
            vec![
                label,
                cell(&d.team),
                Text::plain(fmt::span_in(l, d.duration_s)),
                when_cell(d.started.as_ref()),
                d.due
                    .map_or_else(|| cell(""), |t| Text::plain(format_offset(t))),
                deadline_result(r, d),
                cell(&d.reference),
            ]
        })
        .collect();
    out.table(
        vec![
            tr!(l, "report-col-deadline"),
            tr!(l, "report-col-team"),
            tr!(l, "report-col-allowed"),
            tr!(l, "report-col-started"),
            tr!(l, "report-col-due"),
            tr!(l, "report-col-result"),
            tr!(l, "report-col-reference"),
        ],
        rows,
        &[5, 2, 2, 3, 2, 4, 3],
    );
}

pub(super) fn questions(out: &mut Out, r: &Report) {
    let l = r.lang;
    super::open(out, r, Section::Questions);
    if r.questions.is_empty() {
        out.muted(tr!(l, "report-no-questions"));
        return;
    }
    out.para(Text::plain(tr!(l, "report-questions-intro")));
    // Bold lines rather than headings: a contents entry per inject would be pages long.
    for g in &r.questions {
        out.para(Text::bold(format!(
            "{}{}{}",
            if g.source == "phase" {
                tr!(l, "report-phase")
            } else {
                tr!(l, "report-message")
            },
            fmt::colon(l),
            g.title
        )));
        out.bullets(g.questions.iter().map(Text::plain).collect());
    }
}

pub(super) fn sources(out: &mut Out, r: &Report) {
    let (o, l) = (&r.overview, r.lang);
    super::open(out, r, Section::Sources);
    if !r.references.is_empty() {
        out.heading(1, tr!(l, "report-sources-of-scenario"));
        out.bullets(
            r.references
                .iter()
                .map(|s| {
                    let mut t = Text::plain(&s.title);
                    if !s.url.is_empty() {
                        t = t.then(format!(" {}", s.url));
                    }
                    if !s.note.is_empty() {
                        t.0.push(crate::print::Span {
                            text: format!(" — {}", s.note),
                            italic: true,
                            ..Default::default()
                        });
                    }
                    t
                })
                .collect(),
        );
    }
    out.heading(1, tr!(l, "report-exercise-data"));
    out.fact(
        l,
        &tr!(l, "report-row-journal"),
        format!(
            "{}{}{}",
            o.journal.file,
            fmt::comma(l),
            tr!(l, "report-entries", n = o.journal.entries)
        ),
    );
    if let Some(f) = &o.journal.forked_from {
        out.fact(l, &tr!(l, "report-row-forked"), f.as_str());
    }
    out.fact(
        l,
        &tr!(l, "report-row-recorded-with"),
        format!("Downtime {}", o.journal.recorded_with),
    );
    out.fact(l, &tr!(l, "report-row-seed"), o.journal.seed.to_string());
    out.fact(l, &tr!(l, "report-row-source"), o.scenario.source.as_str());
    out.fact(l, &tr!(l, "report-row-hash"), o.scenario.hash.as_str());
    if !o.scenario.authors.is_empty() {
        out.fact(
            l,
            &tr!(l, "report-row-authors"),
            o.scenario.authors.join(", "),
        );
    }
    if !o.started_at.is_empty() {
        out.fact(l, &tr!(l, "report-row-started-at"), o.started_at.as_str());
    }
}
