//! The end screen: the ending and its debrief, score and grade, objective ratings, the
//! flags and counters with their final values and changes, the best-practice checks with their lessons, charts of every metric over scenario time, each
//! team's decisions and times to decide, the journal's path and the report export.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Axis, Chart, Dataset, GraphType, Paragraph};

use crate::engine::score::CheckStatus;
use crate::engine::{LogKind, Status};
use crate::i18n::{Lang, format, terms};
use crate::scenario::Scenario;
use crate::scenario::time::Secs;
use crate::tr;

use super::super::app::{App, EndTab, Play};
use super::super::keys;
use super::super::wrap::{fit, right, truncate, width};
use super::common::{draw_lines, hang, para, path_lines, section, status_bar, value_unit, when};

/// Draws the end screen.
pub fn draw(f: &mut Frame, app: &App, play: &Play, area: Rect) {
    let t = app.theme;
    let header_h = if app.presenter { 3 } else { 2 };
    let [header, tabs, body, status] = Layout::vertical([
        Constraint::Length(header_h),
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(1),
    ])
    .areas(area);
    super::exercise::header(f, app, play, header);
    let mut spans = vec![Span::raw(" ")];
    for (k, tab) in EndTab::ALL.iter().enumerate() {
        let label = format!(" {} {} ", k + 1, tab.title(app.lang()));
        if *tab == play.ui.end_tab {
            spans.push(Span::styled(label, t.selected()));
        } else {
            spans.push(Span::styled(label, t.dim()));
        }
        spans.push(Span::raw(" "));
    }
    f.render_widget(Paragraph::new(Line::from(spans)), tabs);
    let items: Vec<(&str, &str)> = if play.link.read_only() {
        vec![
            ("Tab", "hint-next-tab"),
            ("↑↓", "hint-scroll"),
            ("q", "hint-quit"),
        ]
    } else {
        keys::END_KEYS
            .iter()
            .map(|(k, w)| (*k, *w))
            .filter(|(k, _)| !k.starts_with('u'))
            .collect()
    };
    status_bar(f, status, app, &items);
    let pad = if app.presenter { 2 } else { 1 };
    let inner = Rect::new(
        body.x + pad,
        body.y,
        body.width.saturating_sub(2 * pad),
        body.height,
    );
    match play.ui.end_tab {
        EndTab::Summary => {
            let lines = summary_lines(app, play, inner.width as usize);
            draw_lines(f, inner, lines, play.ui.end_scroll, (t, app.lang()));
        }
        EndTab::Checks => {
            let lines = check_lines(app, play, inner.width as usize);
            draw_lines(f, inner, lines, play.ui.end_scroll, (t, app.lang()));
        }
        EndTab::Charts => charts(f, app, play, inner),
        EndTab::Decisions => {
            let lines = decision_lines(app, play, inner.width as usize);
            draw_lines(f, inner, lines, play.ui.end_scroll, (t, app.lang()));
        }
    }
}

fn summary_lines(app: &App, play: &Play, cols: usize) -> Vec<Line<'static>> {
    let t = app.theme;
    let lang = app.lang();
    let ex = play.ex();
    let sc = ex.scenario();
    let card = ex.score();
    let mut lines = vec![Line::default()];
    if let Status::Ended { ending } = ex.status() {
        let e = &sc.endings[ending as usize];
        lines.push(Line::from(vec![
            Span::styled(format!("{} · ", tr!(lang, "end-ending")), t.dim()),
            Span::styled(truncate(&e.title, cols.saturating_sub(14)), t.title()),
        ]));
        if ex.state().ended_by_facilitator {
            lines.push(Line::from(Span::styled(
                tr!(lang, "end-ended-by-facilitator"),
                t.dim(),
            )));
        }
        lines.push(Line::default());
        lines.extend(para(&e.debrief, cols, t.text(), ""));
        lines.push(Line::default());
    }
    // Score and grade are for the facilitator, never on the presenter's screen.
    if !app.presenter && !card.scored {
        lines.extend(para(&tr!(lang, "end-no-score"), cols, t.strong(), ""));
    } else if !app.presenter {
        let grade = card
            .grade
            .and_then(|g| sc.grades.get(g))
            .map(|g| tr!(lang, "end-grade", grade = &g.grade, label = &g.label))
            .unwrap_or_default();
        lines.extend(para(
            &tr!(
                lang,
                "end-score",
                score = format::number(lang, card.score),
                grade = grade
            ),
            cols,
            t.strong(),
            "",
        ));
    }
    let met = card
        .checks
        .iter()
        .filter(|c| matches!(c.status, CheckStatus::Met(_)))
        .count();
    let missed = card
        .checks
        .iter()
        .filter(|c| matches!(c.status, CheckStatus::Missed(_)))
        .count();
    lines.extend(para(
        &tr!(lang, "end-checks-summary", met = met, missed = missed),
        cols,
        t.text(),
        "",
    ));
    let decisions: usize = card.teams.iter().map(|x| x.decisions.len()).sum();
    lines.extend(para(
        &tr!(
            lang,
            "end-time-and-decisions",
            time = format::duration(lang, ex.now()),
            n = decisions
        ),
        cols,
        t.text(),
        "",
    ));
    if !card.objectives.is_empty() {
        lines.push(Line::default());
        lines.push(Line::from(Span::styled(
            if app.presenter {
                tr!(lang, "end-objectives")
            } else {
                tr!(lang, "end-objectives-rate")
            },
            t.strong(),
        )));
        for o in &card.objectives {
            let obj = &sc.meta.objectives[o.objective as usize];
            let letter = o.evaluation.as_ref().map_or("?", |e| e.rating.letter());
            let head = format!(" {letter}  ");
            lines.extend(hang(&obj.text, cols, t.text(), &head));
            lines.extend(para(
                &terms::objective_summary(lang, o),
                cols,
                t.dim(),
                "    ",
            ));
            if let Some(e) = &o.evaluation
                && !e.note.is_empty()
            {
                lines.extend(para(
                    &tr!(lang, "end-note", note = &e.note),
                    cols,
                    t.dim(),
                    "    ",
                ));
            }
        }
    }
    if !app.presenter {
        lines.push(Line::default());
        match play.link.journal_path() {
            Some(p) => lines.extend(path_lines(
                &tr!(lang, "end-journal"),
                &p.display().to_string(),
                cols,
                t.dim(),
            )),
            None => lines.push(Line::from(Span::styled(
                tr!(lang, "end-no-journal"),
                t.dim(),
            ))),
        }
        match &play.ui.report {
            Some(Ok(p)) => lines.extend(path_lines(
                &tr!(lang, "end-report"),
                &p.display().to_string(),
                cols,
                t.good(),
            )),
            Some(Err(e)) => lines.extend(para(
                &format!("{}{e}", tr!(lang, "end-report")),
                cols,
                t.bad(),
                "",
            )),
            None if !play.link.read_only() => {
                lines.extend(para(&tr!(lang, "end-press-x"), cols, t.text(), ""))
            }
            None => {}
        }
    }
    lines.extend(value_lines(app, play, cols));
    lines
}

/// The flags and counters, one line each: the label, the final value, and how often and
/// when last it changed. Everyone sees them: the end of the exercise is no spoiler, and the
/// presenter's charts show every metric too.
fn value_lines(app: &App, play: &Play, cols: usize) -> Vec<Line<'static>> {
    let t = app.theme;
    let ex = play.ex();
    let sc = ex.scenario();
    let st = ex.state();
    if sc.flags.is_empty() && sc.counters.is_empty() {
        return Vec::new();
    }
    let offsets = play.ui.offsets;
    let lang = app.lang();
    let flags = sc.flags.iter().enumerate().map(|(k, f)| {
        let h = &st.flag_history[k];
        (
            &f.label,
            terms::yes_no(lang, st.flags[k]),
            changed(lang, sc, h.len(), h.last().map(|x| x.0), offsets),
        )
    });
    let counters = sc.counters.iter().enumerate().map(|(k, c)| {
        let h = &st.counter_history[k];
        (
            &c.label,
            format::with_unit(lang, st.counters[k], &c.unit),
            changed(lang, sc, h.len(), h.last().map(|x| x.0), offsets),
        )
    });
    let unchanged = tr!(lang, "end-unchanged");
    let rows: Vec<(&String, String, Option<String>)> = flags.chain(counters).collect();
    let value_w = rows.iter().map(|r| width(&r.1)).max().unwrap_or(0).min(20);
    let change_w = rows
        .iter()
        .map(|r| r.2.as_deref().map_or(width(&unchanged), width))
        .max()
        .unwrap_or(0);
    let longest = rows.iter().map(|r| width(r.0)).max().unwrap_or(0);
    let label_w = longest
        .min(cols.saturating_sub(value_w + change_w + 5))
        .max(8);
    let mut lines = vec![
        Line::default(),
        Line::from(vec![
            Span::styled(tr!(lang, "end-flags-counters"), t.strong()),
            Span::styled(
                format!(" {}", tr!(lang, "end-flags-counters-legend")),
                t.dim(),
            ),
        ]),
    ];
    for (label, value, change) in rows {
        let value = truncate(&value, value_w);
        let pad = " ".repeat(value_w.saturating_sub(width(&value)));
        let (change, style) = match change {
            Some(c) => (c, t.text()),
            None => (unchanged.clone(), t.dim()),
        };
        lines.push(Line::from(vec![
            Span::styled(format!(" {}  ", fit(label, label_w)), t.text()),
            Span::styled(format!("{pad}{value}  "), t.strong()),
            Span::styled(truncate(&change, change_w), style),
        ]));
    }
    lines
}

/// How often a flag or counter changed and when last, from its history (the start value
/// first): `None` when it never changed.
fn changed(
    lang: Lang,
    sc: &Scenario,
    history: usize,
    last: Option<Secs>,
    offsets: bool,
) -> Option<String> {
    let n = history.saturating_sub(1);
    let at = when(lang, sc, last?, offsets);
    match n {
        0 => None,
        n => Some(tr!(lang, "end-changed", n = n, at = at)),
    }
}

fn check_lines(app: &App, play: &Play, cols: usize) -> Vec<Line<'static>> {
    let t = app.theme;
    let ex = play.ex();
    let sc = ex.scenario();
    let card = ex.score();
    let lang = app.lang();
    let mut lines = vec![Line::default()];
    let groups = [
        (tr!(lang, "end-met"), true),
        (tr!(lang, "end-missed"), false),
    ];
    for (title, want_met) in groups {
        let list: Vec<_> = card
            .checks
            .iter()
            .filter(|c| match c.status {
                CheckStatus::Met(_) => want_met,
                CheckStatus::Missed(_) => !want_met,
                _ => false,
            })
            .collect();
        lines.push(Line::from(Span::styled(
            format!("{title} ({})", list.len()),
            t.strong(),
        )));
        if list.is_empty() {
            lines.push(Line::from(Span::styled(
                format!("  {}", tr!(lang, "end-none")),
                t.dim(),
            )));
        }
        for c in list {
            let ch = &sc.checks[c.check as usize];
            let (sym, at, style) = match c.status {
                CheckStatus::Met(a) => ("✓", a, t.good()),
                CheckStatus::Missed(a) => ("✗", a, t.bad()),
                _ => ("–", 0, t.dim()),
            };
            lines.push(Line::from(vec![
                Span::styled(format!(" {sym} "), style),
                Span::styled(truncate(&ch.title, cols.saturating_sub(14)), t.text()),
                Span::styled(
                    format!("  {}", when(app.lang(), sc, at, play.ui.offsets)),
                    t.dim(),
                ),
            ]));
            if !ch.lesson.is_empty() {
                lines.extend(para(&ch.lesson, cols, t.text(), "    "));
            }
            if !ch.reference.is_empty() {
                lines.extend(hang(&ch.reference, cols, t.dim(), "    — "));
            }
        }
        lines.push(Line::default());
    }
    let na: Vec<_> = card
        .checks
        .iter()
        .filter(|c| matches!(c.status, CheckStatus::NotApplicable | CheckStatus::Pending))
        .collect();
    if !na.is_empty() {
        lines.push(Line::from(Span::styled(
            format!("{} ({})", tr!(lang, "end-not-applicable"), na.len()),
            t.strong(),
        )));
        for c in na {
            lines.extend(hang(
                &sc.checks[c.check as usize].title,
                cols,
                t.dim(),
                " – ",
            ));
        }
    }
    lines
}

fn charts(f: &mut Frame, app: &App, play: &Play, area: Rect) {
    let t = app.theme;
    let ex = play.ex();
    let sc = ex.scenario();
    let st = ex.state();
    let n = sc.metrics.len();
    if n == 0 {
        f.render_widget(Paragraph::new(tr!(app.lang(), "end-no-metrics")), area);
        return;
    }
    let per_row = if area.width >= 120 { 2 } else { 1 };
    let rows_total = n.div_ceil(per_row);
    let min_h = 7u16;
    let fit_rows = (area.height / min_h).max(1) as usize;
    let shown = rows_total.min(fit_rows);
    let first = (play.ui.end_scroll as usize).min(rows_total - shown);
    let row_areas = Layout::vertical(vec![Constraint::Fill(1); shown]).split(area);
    let end = st.now.max(1) as f64 / 3600.0;
    for (r, row_area) in row_areas.iter().enumerate() {
        let cells = Layout::horizontal(vec![Constraint::Fill(1); per_row])
            .spacing(2)
            .split(*row_area);
        for (c, cell) in cells.iter().enumerate() {
            let k = (first + r) * per_row + c;
            let Some(m) = sc.metrics.get(k) else {
                continue;
            };
            let mut pts: Vec<(f64, f64)> = Vec::new();
            for (i, &(at, v)) in st.history[k].iter().enumerate() {
                let x = at as f64 / 3600.0;
                if i > 0 {
                    pts.push((x, st.history[k][i - 1].1));
                }
                pts.push((x, v));
            }
            if let Some(&(_, v)) = st.history[k].last() {
                pts.push((end, v));
            }
            let title = tr!(
                app.lang(),
                "end-chart-title",
                label = truncate(&m.label, 30),
                value = value_unit(app.lang(), st.metrics[k], &m.unit)
            );
            let ds = Dataset::default()
                .marker(Marker::Braille)
                .graph_type(GraphType::Line)
                .style(t.text())
                .data(&pts);
            let chart = Chart::new(vec![ds])
                .block(section(&title, t, false))
                .x_axis(Axis::default().bounds([0.0, end]).labels(vec![
                    Span::styled(tr!(app.lang(), "end-chart-start"), t.dim()),
                    Span::styled(
                        format!("T+{}", format::duration(app.lang(), st.now)),
                        t.dim(),
                    ),
                ]))
                .y_axis(Axis::default().bounds([m.min, m.max]).labels(vec![
                    Span::styled(format::number(app.lang(), m.min), t.dim()),
                    Span::styled(format::number(app.lang(), m.max), t.dim()),
                ]));
            f.render_widget(chart, *cell);
        }
    }
    if first + shown < rows_total || first > 0 {
        let text = format!(
            " {} ",
            tr!(
                app.lang(),
                "end-charts-range",
                from = first * per_row + 1,
                to = ((first + shown) * per_row).min(n),
                n = n
            )
        );
        let w = width(&text) as u16;
        let r = Rect::new(
            area.right().saturating_sub(w),
            area.y.saturating_sub(1),
            w,
            1,
        );
        f.render_widget(Span::styled(text, t.key()), r);
    }
}

fn took(ms: u64) -> String {
    let s = ms / 1000;
    if s >= 3600 {
        format!("{}h{:02}m", s / 3600, (s / 60) % 60)
    } else {
        format!("{}:{:02}", s / 60, s % 60)
    }
}

fn decision_lines(app: &App, play: &Play, cols: usize) -> Vec<Line<'static>> {
    let t = app.theme;
    let ex = play.ex();
    let sc = ex.scenario();
    let card = ex.score();
    let members = &ex.state().session.members;
    let lang = app.lang();
    let mut lines = vec![Line::default()];
    let when_w = 10;
    let opt_w = cols.saturating_sub(36).max(10);
    for team in &card.teams {
        let tm = &sc.teams[team.team as usize];
        let mut head = vec![Span::styled(truncate(&tm.name, cols / 2), t.strong())];
        if let Some(m) = members.get(&tm.id) {
            head.push(Span::styled(
                format!(" · {}", truncate(m, cols / 2)),
                t.dim(),
            ));
        }
        lines.push(Line::from(head));
        lines.push(Line::from(Span::styled(
            format!(
                " {}  {}  {}  {}",
                fit(&tr!(lang, "end-col-when"), when_w),
                fit(&tr!(lang, "end-col-decision"), opt_w),
                right(&tr!(lang, "end-col-real"), 9),
                right(&tr!(lang, "end-col-scenario"), 9)
            ),
            t.dim(),
        )));
        if team.decisions.is_empty() {
            lines.push(Line::from(Span::styled(
                format!(" {}", tr!(lang, "end-no-decisions")),
                t.dim(),
            )));
        }
        for d in &team.decisions {
            let dec = &sc.decisions[d.decision as usize];
            let opt = &dec.options[d.option as usize];
            let shown = crate::engine::shown_number(ex, d.decision, d.option);
            let title = super::super::words::decision_title(sc, d.decision);
            let mut label = tr!(
                lang,
                "end-decision-label",
                title = title,
                n = shown,
                option = &opt.label
            );
            if d.timeout {
                label.push_str(&format!(" {}", tr!(lang, "end-timed-out")));
            }
            if let Some(o) = d.outcome {
                label.push_str(&format!(" → {}", opt.outcomes[o as usize].label));
            }
            lines.push(Line::from(vec![
                Span::raw(format!(
                    " {}  ",
                    fit(&when(lang, sc, d.at, play.ui.offsets), when_w)
                )),
                Span::raw(fit(&label, opt_w)),
                Span::styled(format!("  {}", right(&took(d.took_real), 9)), t.strong()),
                Span::raw(format!(
                    "  {}",
                    right(&format::duration(lang, d.took_scenario), 9)
                )),
            ]));
        }
        lines.push(Line::default());
    }
    let notes: Vec<_> = ex
        .log()
        .iter()
        .filter_map(|l| match &l.kind {
            LogKind::Note { text } => Some((l.at, text.clone())),
            LogKind::Override {
                metric,
                from,
                to,
                reason,
            } => Some((
                l.at,
                tr!(
                    lang,
                    "end-override",
                    metric = &sc.metrics[*metric as usize].label,
                    from = format::number(lang, *from),
                    to = format::number(lang, *to),
                    reason = reason
                ),
            )),
            _ => None,
        })
        .collect();
    if !notes.is_empty() && !app.presenter {
        lines.push(Line::from(Span::styled(
            tr!(lang, "end-notes-overrides"),
            t.strong(),
        )));
        for (at, text) in notes {
            let head = format!(" {}  ", when(lang, sc, at, play.ui.offsets));
            let w = width(&head);
            let mut p = para(&text, cols, t.text(), &" ".repeat(w));
            if let Some(first) = p.first_mut() {
                let body: String = first.spans.iter().map(|s| s.content.to_string()).collect();
                *first = Line::from(format!("{head}{}", &body[w..]));
            }
            lines.extend(p);
        }
    }
    lines
}
