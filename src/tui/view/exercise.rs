//! The exercise screen: header, inject feed, the selected inject, the decision, metrics,
//! systems and services, deadlines, the queue and the log (facilitator), the status bar.
//! The layout is a pure function of the model and the area, shared by drawing and by mouse
//! hit-testing.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::engine::{OptionStatus, Status};
use crate::scenario::Scenario;
use crate::scenario::time::{self, Secs};

use super::super::app::{App, ConsoleState, Focus, Play};
use super::super::theme::system_symbol;
use super::super::wrap::{fit, truncate, width};
use super::common::{
    band_mark, draw_lines, gauge_bar, hang, para, section, sparkline, status_bar, top_line,
    value_unit,
};
use super::preview;

/// Where each panel goes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Areas {
    /// Title, phase, clocks.
    pub header: Rect,
    /// Everything between the header and the status bar.
    pub body: Rect,
    /// The inject feed.
    pub feed: Rect,
    /// The coming injects (facilitator only; may be empty).
    pub upcoming: Rect,
    /// The selected inject.
    pub detail: Rect,
    /// The decision.
    pub decision: Rect,
    /// Metrics.
    pub metrics: Rect,
    /// Systems and services.
    pub board: Rect,
    /// Deadlines.
    pub deadlines: Rect,
    /// The event log (facilitator, large terminals; may be empty).
    pub log: Rect,
    /// Key hints and messages.
    pub status: Rect,
}

/// What a mouse click landed on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Hit {
    /// A feed item (inject index).
    Feed(u16),
    /// An option of the active decision (0-based).
    Option(usize),
}

/// Whether the layout is the large three-column one.
pub fn is_wide(area: Rect) -> bool {
    area.width >= 140 && area.height >= 36
}

/// Computes the panels' areas.
pub fn areas(app: &App, play: &Play, area: Rect) -> Areas {
    let ex = play.ex();
    let sc = ex.scenario();
    let presenter = app.presenter;
    let header_h = if presenter { 3 } else { 2 };
    let [header, body, status] = Layout::vertical([
        Constraint::Length(header_h),
        Constraint::Fill(1),
        Constraint::Length(1),
    ])
    .areas(area);
    let mut a = Areas {
        header,
        body,
        status,
        ..Areas::default()
    };
    let wide = is_wide(area);
    let n_metrics = sc.metrics.len() as u16;
    let board_lines = (sc.systems.len() + sc.services.len()) as u16;
    let started = ex
        .state()
        .deadlines
        .iter()
        .filter(|d| d.started.is_some())
        .count() as u16;
    if wide {
        let [left, center, right] = Layout::horizontal([
            Constraint::Percentage(27),
            Constraint::Percentage(41),
            Constraint::Fill(1),
        ])
        .spacing(1)
        .areas(body);
        let up_h = if presenter { 0 } else { 7.min(left.height / 3) };
        [a.feed, a.upcoming] =
            Layout::vertical([Constraint::Fill(1), Constraint::Length(up_h)]).areas(left);
        [a.detail, a.decision] = split_detail(app, play, center);
        let per = if presenter { 1 } else { 2 };
        let m_h = (n_metrics * per + 1).min(right.height / 2);
        let b_h = (board_lines + 1).min(right.height / 3);
        let d_h = (started.max(1) + 1).min(6);
        let log_c = if presenter {
            Constraint::Length(0)
        } else {
            Constraint::Fill(1)
        };
        [a.metrics, a.board, a.deadlines, a.log] = Layout::vertical([
            Constraint::Length(m_h),
            Constraint::Length(b_h),
            Constraint::Length(d_h),
            log_c,
        ])
        .areas(right);
        if presenter {
            a.board.height = right.bottom().saturating_sub(a.board.y + d_h);
            a.deadlines.y = a.board.bottom();
        }
    } else {
        let left_w = (body.width * 2 / 5).clamp(30, 48);
        let [left, right] = Layout::horizontal([Constraint::Length(left_w), Constraint::Fill(1)])
            .spacing(1)
            .areas(body);
        let m_h = (n_metrics + 1).min(7);
        let b_h = (board_lines + 1).min(6);
        let d_h = (started.max(1) + 1).min(3);
        let up_h = if presenter || left.height < 20 { 0 } else { 3 };
        [a.feed, a.upcoming, a.metrics, a.board, a.deadlines] = Layout::vertical([
            Constraint::Min(4),
            Constraint::Length(up_h),
            Constraint::Length(m_h),
            Constraint::Length(b_h),
            Constraint::Length(d_h),
        ])
        .areas(left);
        [a.detail, a.decision] = split_detail(app, play, right);
    }
    a
}

/// The inject on top, the decision right under its text (the decision keeps the room it
/// needs, up to a little over half the column).
fn split_detail(app: &App, play: &Play, col: Rect) -> [Rect; 2] {
    let dec_h = decision_height(app, play, col.width, col.height);
    let need = detail_lines(app, play, col.width as usize).len() as u16 + 2;
    let det_h = need.min(col.height.saturating_sub(dec_h));
    Layout::vertical([Constraint::Length(det_h), Constraint::Fill(1)]).areas(col)
}

fn decision_height(app: &App, play: &Play, cols: u16, avail: u16) -> u16 {
    let (lines, _) = decision_lines(app, play, cols as usize);
    let want = lines.len() as u16 + 1;
    want.clamp(3, (avail * 11 / 20).max(3))
}

fn inner(r: Rect) -> Rect {
    Rect::new(
        r.x,
        r.y.saturating_add(1).min(r.bottom()),
        r.width,
        r.height.saturating_sub(1),
    )
}

/// Lines per feed item.
fn item_lines(app: &App) -> usize {
    if app.presenter { 2 } else { 1 }
}

/// First feed item shown, so that the selection stays visible.
fn feed_offset(play: &Play, rows: usize, per: usize) -> usize {
    let items = (rows / per).max(1);
    let sel = play
        .ui
        .selected
        .and_then(|s| play.feed_newest_first().position(|x| x == s))
        .unwrap_or(0);
    sel.saturating_sub(items - 1)
}

/// What is under a mouse click at (col, row), if anything.
pub fn hit(app: &App, area: Rect, col: u16, row: u16) -> Option<Hit> {
    let play = app.play()?;
    if !matches!(
        play.ex().status(),
        Status::Running | Status::AwaitingDecisions
    ) {
        return None;
    }
    let a = areas(app, play, area);
    let pos = ratatui::layout::Position::new(col, row);
    let feed = inner(a.feed);
    if feed.contains(pos) {
        let per = item_lines(app);
        let k = (row - feed.y) as usize / per;
        let off = feed_offset(play, feed.height as usize, per);
        return play.feed_newest_first().nth(off + k).map(Hit::Feed);
    }
    let dec = inner(a.decision);
    if dec.contains(pos) {
        let (_, rows) = decision_lines(app, play, dec.width as usize);
        let line = (row - dec.y) as usize + decision_scroll(play, &rows, dec.height as usize);
        return rows
            .iter()
            .find(|(l, _)| *l == line)
            .map(|(_, o)| Hit::Option(*o));
    }
    None
}

/// Draws the exercise screen (or the phase break, in the body).
pub fn draw(f: &mut Frame, app: &App, play: &Play, area: Rect) {
    let a = areas(app, play, area);
    header(f, app, play, a.header);
    let keys = status_keys(app, play);
    status_bar(f, a.status, app, &keys);
    if let Status::PhaseBreak { next } = play.ex().status() {
        super::phase::draw(f, app, play, a.body, next);
        return;
    }
    feed(f, app, play, a.feed);
    if a.upcoming.height > 0 {
        upcoming(f, app, play, a.upcoming);
    }
    detail(f, app, play, a.detail);
    decision(f, app, play, a.decision);
    metrics(f, app, play, a.metrics, is_wide(area));
    board(f, app, play, a.board);
    deadlines(f, app, play, a.deadlines);
    if a.log.height > 1 {
        log(f, app, play, a.log);
    }
}

fn status_keys(app: &App, play: &Play) -> Vec<(&'static str, &'static str)> {
    if play.link.read_only() {
        return vec![("↑↓", "older injects"), ("?", "help"), ("q", "quit")];
    }
    let pause = if play.ex().state().paused {
        ("p", "resume")
    } else {
        ("p", "pause")
    };
    let mut v = match play.ex().status() {
        Status::PhaseBreak { .. } => vec![("Enter", "begin the next phase")],
        _ => {
            let mut v = Vec::new();
            if play.active_decision().is_some() {
                v.push(("1-9", "choose"));
            }
            v.extend([("Space", "step"), ("n", "next inject")]);
            v
        }
    };
    v.push(pause);
    if app.presenter {
        v.push(("v", "facilitator view"));
    } else {
        v.extend([("Tab", "panel"), ("c", "curveball"), ("v", "presenter")]);
    }
    v.extend([("?", "all keys"), ("q", "quit")]);
    v
}

/// `T+01:15 · Fri 8 Mar 2024 23:15`.
pub fn clock_text(sc: &Scenario, now: Secs) -> String {
    format!(
        "{} · {}",
        time::format_offset(now),
        time::format_datetime(time::add_offset(sc.clock.start, now))
    )
}

fn hms(ms: u64) -> String {
    let s = ms / 1000;
    format!("{}:{:02}:{:02}", s / 3600, (s / 60) % 60, s % 60)
}

/// A line with `left` on the left and `right` on the right of `cols` columns.
pub fn left_right(
    left: Vec<Span<'static>>,
    right: Vec<Span<'static>>,
    cols: usize,
) -> Line<'static> {
    let lw: usize = left.iter().map(|s| width(&s.content)).sum();
    let rw: usize = right.iter().map(|s| width(&s.content)).sum();
    let mut spans = left;
    if lw + rw < cols {
        spans.push(Span::raw(" ".repeat(cols - lw - rw)));
        spans.extend(right);
    }
    Line::from(spans)
}

/// What the header says about the clock: ended, phase break, paused, paced (how fast, and
/// whether it waits for a decision), or moved by hand; on the presenter, also whether the
/// console is still there.
pub fn clock_word(app: &App, play: &Play) -> (String, ratatui::style::Style) {
    let t = app.theme;
    let ex = play.ex();
    let st = ex.state();
    let warn = t.warn().add_modifier(Modifier::BOLD);
    // What the followed console is doing (a presenter in another terminal, not `v`).
    let following = play.link.read_only();
    if following {
        match play.ui.console {
            ConsoleState::Closed(_) if !ex.is_over() => return ("■ console closed".into(), warn),
            ConsoleState::Suspended(s) => {
                return (format!("⏸ console suspended ({s} s ago)"), warn);
            }
            ConsoleState::Lost(s) if !ex.is_over() => {
                return (
                    format!("⚠ console disconnected (last seen {s} s ago)"),
                    warn,
                );
            }
            _ => {}
        }
    }
    match ex.status() {
        Status::Ended { .. } => ("■ ENDED".into(), t.strong()),
        Status::PhaseBreak { .. } => ("◆ PHASE BREAK".into(), warn),
        _ if st.paused && following => ("⏸ PAUSED · console paused".into(), warn),
        _ if st.paused => ("⏸ PAUSED".into(), warn),
        _ if play.ui.pacing.on => {
            let mut w = format!("▶ PACED 1 min = {} min", play.ui.pacing.speed);
            if play.pacing_waits(app.real).is_some() {
                w.push_str(" · waits for a decision");
            }
            (w, t.good().add_modifier(Modifier::BOLD))
        }
        _ => ("MANUAL CLOCK".into(), t.key().add_modifier(Modifier::BOLD)),
    }
}

/// Exercise time so far: real time since the start, pauses excluded; frozen at the end.
pub fn exercise_ms(app: &App, play: &Play) -> u64 {
    let st = play.ex().state();
    let real = if play.ex().is_over() {
        st.real_now
    } else {
        app.real
    };
    real.saturating_sub(st.started_real.unwrap_or(real))
        .saturating_sub(st.paused_ms(real).min(real))
}

/// The header: title, clock state, scenario clock, phase, exercise time and wall clock.
pub fn header(f: &mut Frame, app: &App, play: &Play, area: Rect) {
    let t = app.theme;
    let ex = play.ex();
    let sc = ex.scenario();
    let st = ex.state();
    let cols = area.width as usize;
    let (word, style) = clock_word(app, play);
    let word = word.as_str();
    let phase = &sc.phases[st.phase as usize];
    let active = hms(exercise_ms(app, play));
    let wall = app.wall.map(|w| w.time_of_day());
    // The longest form that leaves the phase some room.
    let variants = [
        match &wall {
            Some(w) => format!("elapsed {active} (pauses excluded) · wall clock {w} "),
            None => format!("elapsed {active} (pauses excluded) "),
        },
        match &wall {
            Some(w) => format!("elapsed {active} excl. pauses · {} ", &w[..5]),
            None => format!("elapsed {active} excl. pauses "),
        },
        match &wall {
            Some(w) => format!("elapsed {active} · {} ", &w[..5]),
            None => format!("elapsed {active} "),
        },
        format!("elapsed {active} "),
    ];
    let pad = if app.presenter { "  " } else { " " };
    let clock = clock_text(sc, st.now);
    let phase_prefix = format!("Phase {}/{} · ", st.phase + 1, sc.phases.len());
    let fixed = width(pad) + width(&clock) + 5 + width(&phase_prefix) + 1;
    let title_full = width(&phase.title);
    let right_text = variants
        .iter()
        .find(|v| fixed + width(v) + title_full <= cols)
        .or_else(|| variants.iter().find(|v| fixed + width(v) + 12 <= cols))
        .unwrap_or(&variants[3])
        .clone();
    // Too narrow for the time of day beside the exercise time: it goes up by the clock's
    // state instead.
    let word = match &wall {
        Some(w) if right_text == variants[3] => format!("{} · {word}", &w[..5]),
        _ => word.to_string(),
    };
    let word = word.as_str();
    let right2 = vec![Span::styled(right_text, t.dim())];
    let rw: usize = right2.iter().map(|s| width(&s.content)).sum();
    let phase_w =
        cols.saturating_sub(width(pad) + width(&clock) + 5 + rw + width(&phase_prefix) + 1);
    let phase_text = format!("{phase_prefix}{}", truncate(&phase.title, phase_w));
    let title_w = cols.saturating_sub(width(word) + 4);
    let line1 = left_right(
        vec![Span::styled(
            format!("{pad}{}", truncate(&sc.meta.title, title_w)),
            t.title(),
        )],
        vec![Span::styled(format!("{word}{pad}"), style)],
        cols,
    );
    let mut left2 = vec![Span::styled(format!("{pad}{clock}"), t.strong())];
    if phase_w >= 6 {
        left2.push(Span::styled("  │  ", t.dim()));
        left2.push(Span::raw(phase_text));
    }
    let line2 = left_right(left2, right2, cols);
    let mut lines = vec![line1, line2];
    if app.presenter {
        lines.push(Line::default());
    }
    f.render_widget(Paragraph::new(lines), area);
}

fn feed(f: &mut Frame, app: &App, play: &Play, area: Rect) {
    let t = app.theme;
    let ex = play.ex();
    let sc = ex.scenario();
    let n = ex.state().feed.len();
    let unread = ex
        .state()
        .feed
        .iter()
        .filter(|i| !play.ui.read.contains(i))
        .count();
    let title = if unread > 0 && !app.presenter {
        format!("Injects · {n} · {unread} unread")
    } else {
        format!("Injects · {n}")
    };
    let focused = play.ui.focus == Focus::Feed && !app.presenter;
    f.render_widget(section(&title, t, focused), top_line(area));
    let body = inner(area);
    let cols = body.width as usize;
    let per = item_lines(app);
    let off = feed_offset(play, body.height as usize, per);
    let mut lines = Vec::new();
    if n == 0 {
        lines.push(Line::from(Span::styled(
            " Nothing yet. Space steps the clock, n jumps to the next inject.",
            t.dim(),
        )));
    }
    for i in play.feed_newest_first().skip(off) {
        if lines.len() >= body.height as usize {
            break;
        }
        let inj = &sc.injects[i as usize];
        let st = &ex.state().injects[i as usize];
        let sel = play.ui.selected == Some(i);
        let open = inj.decision.is_some_and(|d| ex.pending().contains(&d));
        let mark = if app.presenter || play.ui.read.contains(&i) {
            " "
        } else {
            "•"
        };
        let at = st.fired_at.unwrap_or(0);
        let clock = time::format_offset(at);
        let clock = clock.trim_start_matches("T+");
        let suffix = if open { " ?" } else { "" };
        let prefix = if app.presenter {
            format!(" {} ", inj.severity.symbol())
        } else {
            format!("{mark}{} {clock} ", inj.severity.symbol())
        };
        let room = cols.saturating_sub(width(&prefix) + width(suffix));
        let title = fit(&inj.title, room);
        let mut spans = vec![
            Span::styled(prefix, t.severity(inj.severity)),
            Span::styled(title, if open { t.strong() } else { t.text() }),
            Span::styled(suffix.to_string(), t.key()),
        ];
        if sel {
            for s in &mut spans {
                s.style = s.style.add_modifier(Modifier::REVERSED);
            }
        }
        lines.push(Line::from(spans));
        if per == 2 {
            lines.push(Line::default());
        }
    }
    f.render_widget(Paragraph::new(lines), body);
}

fn upcoming(f: &mut Frame, app: &App, play: &Play, area: Rect) {
    let t = app.theme;
    let ex = play.ex();
    let sc = ex.scenario();
    f.render_widget(
        section("Coming up · facilitator only", t, false),
        top_line(area),
    );
    let body = inner(area);
    let cols = body.width as usize;
    let mut lines = Vec::new();
    for (at, i) in ex.upcoming().into_iter().take(body.height as usize) {
        let clock = time::format_offset(at);
        let pre = format!(" {} ", clock.trim_start_matches("T+"));
        let room = cols.saturating_sub(width(&pre));
        lines.push(Line::from(vec![
            Span::styled(pre, t.private()),
            Span::styled(truncate(&sc.injects[i as usize].title, room), t.private()),
        ]));
    }
    if lines.is_empty() {
        lines.push(Line::from(Span::styled(
            truncate(
                " nothing scheduled (conditions and decisions may still fire injects)",
                cols,
            ),
            t.dim(),
        )));
    }
    f.render_widget(Paragraph::new(lines), body);
}

/// The selected inject in full.
pub fn detail_lines(app: &App, play: &Play, cols: usize) -> Vec<Line<'static>> {
    let t = app.theme;
    let ex = play.ex();
    let sc = ex.scenario();
    let Some(i) = play.ui.selected else {
        return vec![Line::from(Span::styled(" No inject yet.", t.dim()))];
    };
    let inj = &sc.injects[i as usize];
    let st = &ex.state().injects[i as usize];
    let pad = if app.presenter { "  " } else { " " };
    let mut lines = Vec::new();
    let title_style = if app.presenter { t.title() } else { t.strong() };
    lines.push(Line::from(vec![
        Span::styled(
            format!("{pad}{} ", inj.severity.symbol()),
            t.severity(inj.severity),
        ),
        Span::styled(truncate(&inj.title, cols.saturating_sub(4)), title_style),
    ]));
    let mut meta = format!("{} · {}", inj.severity.label(), inj.channel.label());
    if !inj.sender.is_empty() {
        meta.push_str(&format!(" · from {}", inj.sender));
    }
    if let Some(at) = st.fired_at {
        meta.push_str(&format!(
            " · {}",
            time::format_datetime_short(time::add_offset(sc.clock.start, at))
        ));
    }
    if st.curveball && !app.presenter {
        meta.push_str(" · curveball");
    }
    lines.extend(para(&meta, cols, t.dim(), pad));
    if !inj.teams.is_empty() {
        let to: Vec<&str> = inj
            .teams
            .iter()
            .map(|x| sc.teams[*x as usize].name.as_str())
            .collect();
        lines.extend(para(&format!("to {}", to.join(", ")), cols, t.dim(), pad));
    }
    lines.push(Line::default());
    lines.extend(para(&inj.body, cols, t.text(), pad));
    if let Some(a) = &inj.attachment {
        lines.push(Line::default());
        lines.push(Line::from(Span::styled(
            format!(
                "{pad}Attachment · {}",
                truncate(&a.name, cols.saturating_sub(16))
            ),
            t.strong(),
        )));
        lines.extend(para(&a.text, cols, t.text(), &format!("{pad}┃ ")));
    }
    if !inj.questions.is_empty() {
        lines.push(Line::default());
        lines.push(Line::from(Span::styled(
            format!("{pad}Discuss"),
            t.strong(),
        )));
        for q in &inj.questions {
            lines.extend(hang(q, cols, t.text(), &format!("{pad}• ")));
        }
    }
    if !app.presenter && !inj.notes.is_empty() {
        lines.push(Line::default());
        lines.push(Line::from(Span::styled(
            format!("{pad}Facilitator notes"),
            t.private().add_modifier(Modifier::BOLD),
        )));
        lines.extend(para(&inj.notes, cols, t.private(), &format!("{pad}│ ")));
    }
    lines
}

fn detail(f: &mut Frame, app: &App, play: &Play, area: Rect) {
    let t = app.theme;
    let focused = play.ui.focus == Focus::Detail && !app.presenter;
    f.render_widget(section("Inject", t, focused), top_line(area));
    let body = inner(area);
    let lines = detail_lines(app, play, body.width as usize);
    draw_lines(f, body, lines, play.ui.detail_scroll, t);
}

fn countdown(play: &Play, d: u16, real: u64) -> String {
    let ex = play.ex();
    let mut parts = Vec::new();
    if let Some(ms) = ex.real_time_left(d, real) {
        let s = (ms.max(0) + 999) / 1000;
        parts.push(format!("⏱ {}:{:02} real", s / 60, s % 60));
    }
    if let Some(s) = ex.scenario_time_left(d) {
        parts.push(format!("{} scenario", time::format_countdown(s)));
    }
    parts.join(" · ")
}

/// The decision panel's lines, and which line shows which option.
pub fn decision_lines(
    app: &App,
    play: &Play,
    cols: usize,
) -> (Vec<Line<'static>>, Vec<(usize, usize)>) {
    let t = app.theme;
    let ex = play.ex();
    let sc = ex.scenario();
    let pad = if app.presenter { "  " } else { " " };
    let mut lines = Vec::new();
    let mut rows = Vec::new();
    let Some(d) = play.active_decision() else {
        // The selected inject's decision, if it was taken.
        if let Some(i) = play.ui.selected
            && let Some(d) = sc.injects[i as usize].decision
            && let Some(c) = &ex.state().decisions[d as usize].choice
        {
            let dec = &sc.decisions[d as usize];
            let opt = &dec.options[c.option as usize];
            lines.extend(para(&dec.prompt, cols, t.dim(), pad));
            let how = if c.timeout { " (time ran out)" } else { "" };
            lines.extend(para(
                &format!(
                    "Decided at {}: {}. {}{how}",
                    time::format_offset(c.at),
                    crate::engine::shown_number(ex, d, c.option),
                    opt.label
                ),
                cols,
                t.strong(),
                pad,
            ));
            if let Some(k) = c.outcome {
                let oc = &opt.outcomes[k as usize];
                let text = if oc.text.is_empty() {
                    oc.label.clone()
                } else {
                    format!("{}: {}", oc.label, oc.text)
                };
                lines.extend(para(&text, cols, t.text(), pad));
            }
            return (lines, rows);
        }
        lines.push(Line::from(Span::styled(
            format!("{pad}No decision is open."),
            t.dim(),
        )));
        return (lines, rows);
    };
    let dec = &sc.decisions[d as usize];
    let team = &sc.teams[dec.team as usize].name;
    lines.extend(para(
        &format!("{team}: {}", dec.prompt),
        cols,
        t.strong(),
        pad,
    ));
    let focused = play.ui.focus == Focus::Decision && !app.presenter;
    // Numbered by position in the order the teams see (see `engine::option_order`).
    for (pos, k) in crate::engine::option_order(ex, d).into_iter().enumerate() {
        let o = &dec.options[usize::from(k)];
        if app.presenter {
            lines.push(Line::default());
        }
        let status = ex.option_status(d, k);
        let avail = status == OptionStatus::Available;
        let num = format!("{pad}{}{} ", if avail { " " } else { "✗" }, pos + 1);
        let star = if o.recommended && !app.presenter {
            " ★"
        } else {
            ""
        };
        let label_w = cols.saturating_sub(width(&num) + width(star));
        let wrapped = super::super::wrap::wrap(&o.label, label_w.max(8));
        let style = if avail { t.text() } else { t.dim() };
        for (j, l) in wrapped.iter().enumerate() {
            let mut spans = if j == 0 {
                vec![
                    Span::styled(num.clone(), if avail { t.key() } else { t.dim() }),
                    Span::styled(l.clone(), style),
                ]
            } else {
                vec![
                    Span::raw(" ".repeat(width(&num))),
                    Span::styled(l.clone(), style),
                ]
            };
            if j == 0 && !star.is_empty() {
                spans.push(Span::styled(star, t.private()));
            }
            if focused && play.ui.option_cursor == pos {
                for s in &mut spans {
                    s.style = s.style.add_modifier(Modifier::REVERSED);
                }
            }
            rows.push((lines.len(), pos));
            lines.push(Line::from(spans));
        }
        let indent = " ".repeat(width(&num) + 1);
        if let OptionStatus::Unavailable(why) = status {
            lines.extend(para(&format!("unavailable: {why}"), cols, t.dim(), &indent));
        }
        if !app.presenter {
            let p = preview::option(sc, o);
            if !p.is_empty() {
                lines.extend(para(&format!("↳ {p}"), cols, t.private(), &indent));
            }
        }
    }
    let others = ex.pending().len().saturating_sub(1);
    if others > 0 {
        lines.push(Line::from(Span::styled(
            format!(
                "{pad}{others} more decision{} open: select {} in the feed (marked ?)",
                if others == 1 { "" } else { "s" },
                if others == 1 {
                    "its inject"
                } else {
                    "their injects"
                }
            ),
            t.dim(),
        )));
    }
    (lines, rows)
}

fn decision_scroll(play: &Play, rows: &[(usize, usize)], h: usize) -> usize {
    let cur = rows
        .iter()
        .rev()
        .find(|(_, o)| *o == play.ui.option_cursor)
        .map(|(l, _)| *l)
        .unwrap_or(0);
    (cur + 1).saturating_sub(h)
}

fn decision(f: &mut Frame, app: &App, play: &Play, area: Rect) {
    let t = app.theme;
    let focused = play.ui.focus == Focus::Decision && !app.presenter;
    let title = match play.active_decision() {
        Some(d) => {
            let c = countdown(play, d, app.real);
            if c.is_empty() {
                "Decision".to_string()
            } else {
                format!("Decision · {c}")
            }
        }
        None => "Decision".to_string(),
    };
    f.render_widget(section(&title, t, focused), top_line(area));
    let body = inner(area);
    let (lines, rows) = decision_lines(app, play, body.width as usize);
    let scroll = decision_scroll(play, &rows, body.height as usize);
    draw_lines(f, body, lines, scroll as u16, t);
}

fn metrics(f: &mut Frame, app: &App, play: &Play, area: Rect, wide: bool) {
    let t = app.theme;
    let ex = play.ex();
    let sc = ex.scenario();
    let st = ex.state();
    f.render_widget(section("Metrics", t, false), top_line(area));
    let body = inner(area);
    let cols = body.width as usize;
    let label_w = sc
        .metrics
        .iter()
        .map(|m| width(&m.label))
        .max()
        .unwrap_or(6)
        .clamp(6, if wide { 24 } else { 14 });
    let vals: Vec<String> = sc
        .metrics
        .iter()
        .zip(&st.metrics)
        .map(|(m, v)| value_unit(*v, &m.unit))
        .collect();
    let val_w = vals.iter().map(|v| width(v)).max().unwrap_or(3);
    let mut lines = Vec::new();
    for (k, m) in sc.metrics.iter().enumerate() {
        let v = st.metrics[k];
        let band = band_mark(m, v);
        let band_style = match &band {
            Some((_, true)) => t.bad(),
            Some(_) => t.warn(),
            None => t.dim(),
        };
        if wide && !app.presenter {
            let band_text = band.as_ref().map(|b| b.0.clone()).unwrap_or_default();
            lines.push(Line::from(vec![
                Span::raw(format!(" {} ", fit(&m.label, label_w))),
                Span::styled(format!("{:>val_w$}", vals[k]), t.strong()),
                Span::styled(format!("  {band_text}"), band_style),
            ]));
            let half = cols.saturating_sub(3) / 2;
            lines.push(Line::from(vec![
                Span::raw(" "),
                Span::styled(
                    gauge_bar(m, v, half),
                    band_style.remove_modifier(Modifier::BOLD),
                ),
                Span::raw(" "),
                Span::styled(
                    sparkline(&st.history[k], st.now, m.min, m.max, half),
                    t.dim(),
                ),
            ]));
            continue;
        }
        let mark = if band.is_some() { "⚠" } else { " " };
        let fixed = 1 + label_w + 1 + 1 + val_w + 2;
        let spark_w = if cols >= 56 && !app.presenter {
            (cols - fixed) / 3
        } else {
            0
        };
        let bar_w = cols.saturating_sub(fixed + spark_w + usize::from(spark_w > 0));
        let mut spans = vec![
            Span::raw(format!(" {} ", fit(&m.label, label_w))),
            Span::styled(
                gauge_bar(m, v, bar_w),
                band_style.remove_modifier(Modifier::BOLD),
            ),
            Span::styled(format!(" {:>val_w$}", vals[k]), t.strong()),
            Span::styled(format!(" {mark}"), band_style),
        ];
        if spark_w > 0 {
            spans.push(Span::styled(
                sparkline(&st.history[k], st.now, m.min, m.max, spark_w),
                t.dim(),
            ));
        }
        lines.push(Line::from(spans));
    }
    f.render_widget(Paragraph::new(lines), body);
}

fn board(f: &mut Frame, app: &App, play: &Play, area: Rect) {
    let t = app.theme;
    let ex = play.ex();
    let sc = ex.scenario();
    let st = ex.state();
    f.render_widget(section("Systems · services", t, false), top_line(area));
    let body = inner(area);
    let cols = body.width as usize;
    let mut lines = Vec::new();
    for (k, s) in sc.systems.iter().enumerate() {
        let state = st.systems[k];
        let word = state.name();
        let name_w = cols.saturating_sub(4 + 10);
        lines.push(Line::from(vec![
            Span::styled(format!(" {} ", system_symbol(state)), t.system(state)),
            Span::raw(fit(&s.name, name_w)),
            Span::styled(format!(" {word:<9}"), t.system(state)),
        ]));
    }
    for (k, s) in sc.services.iter().enumerate() {
        let cap = st.services[k].capacity;
        let paper = st.services[k].paper_since.is_some();
        let tag = if paper { "paper" } else { "" };
        let bar_w = 6;
        let name_w = cols.saturating_sub(3 + bar_w + 6 + 6);
        let filled = ((cap / 100.0).clamp(0.0, 1.0) * bar_w as f64).round() as usize;
        let bar: String = (0..bar_w)
            .map(|i| if i < filled { '▰' } else { '▱' })
            .collect();
        let style = if cap < 50.0 {
            t.bad()
        } else if cap < 100.0 {
            t.warn()
        } else {
            t.good()
        };
        lines.push(Line::from(vec![
            Span::raw(format!(" ⚕ {}", fit(&s.name, name_w))),
            Span::styled(format!(" {bar}"), style),
            Span::styled(format!(" {:>3.0}%", cap), t.strong()),
            Span::styled(format!(" {tag:<5}"), t.dim()),
        ]));
    }
    f.render_widget(Paragraph::new(lines), body);
}

fn deadlines(f: &mut Frame, app: &App, play: &Play, area: Rect) {
    let t = app.theme;
    let ex = play.ex();
    let sc = ex.scenario();
    let st = ex.state();
    f.render_widget(section("Deadlines", t, false), top_line(area));
    let body = inner(area);
    let cols = body.width as usize;
    let mut lines = Vec::new();
    for (k, d) in sc.deadlines.iter().enumerate() {
        let ds = &st.deadlines[k];
        let (sym, tail, style) = if ds.met.is_some() {
            ("✓", "met".to_string(), t.good())
        } else if ds.missed.is_some() {
            ("✗", "missed".to_string(), t.bad())
        } else if let Some(due) = ds.due.filter(|_| ds.active()) {
            let left = due - st.now;
            let style = if left <= 30 * 60 { t.bad() } else { t.warn() };
            ("◷", format!("{} left", time::format_countdown(left)), style)
        } else {
            continue;
        };
        let room = cols.saturating_sub(4 + width(&tail) + 1);
        lines.push(Line::from(vec![
            Span::styled(format!(" {sym} "), style),
            Span::raw(fit(&d.label, room)),
            Span::styled(format!(" {tail}"), style),
        ]));
    }
    if lines.is_empty() {
        lines.push(Line::from(Span::styled(" none running", t.dim())));
    }
    f.render_widget(Paragraph::new(lines), body);
}

fn log(f: &mut Frame, app: &App, play: &Play, area: Rect) {
    let t = app.theme;
    f.render_widget(section("Log · facilitator only", t, false), top_line(area));
    let body = inner(area);
    let cols = body.width as usize;
    let h = body.height as usize;
    let start = play.ui.log.len().saturating_sub(h);
    let lines: Vec<Line> = play.ui.log[start..]
        .iter()
        .map(|l| {
            Line::from(Span::styled(
                format!(" {}", truncate(l, cols.saturating_sub(1))),
                t.dim(),
            ))
        })
        .collect();
    f.render_widget(Paragraph::new(lines), body);
}
