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
use crate::i18n::{Lang, format, terms};
use crate::scenario::Scenario;
use crate::scenario::time::{self, Secs};
use crate::tr;

use super::super::app::{App, ConsoleState, Focus, Pin, Play};
use super::super::theme::system_symbol;
use super::super::wrap::{fit, truncate, width};
use super::common::{
    Window, band_mark, cut_list, draw_lines, gauge_bar, hang, more_line, para, section,
    section_spans, sparkline, status_bar, top_line, value_unit, when,
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

/// Whether the layout is the large three-column one, with the log.
pub fn is_wide(area: Rect) -> bool {
    area.width >= 140 && area.height >= 36
}

/// Whether the layout has three columns (feed, inject and decision, the state), as on a
/// 120×36 console; below, the state shares the feed's column.
pub fn is_three_columns(area: Rect) -> bool {
    area.width >= 110 && area.height >= 30
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
    let listed = deadline_rows(play).len() as u16;
    if is_three_columns(area) {
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
        let per = if wide && !presenter { 2 } else { 1 };
        let m_h = (n_metrics * per + 1).min(right.height / 2);
        let d_h = (listed.max(1) + 1).min(6);
        let rest = right.height.saturating_sub(m_h + d_h);
        let b_h = if wide && !presenter {
            // The log has what the board leaves, at least four rows.
            (board_lines + 1).min(rest.saturating_sub(4))
        } else {
            rest
        };
        let log_h = rest.saturating_sub(b_h);
        [a.metrics, a.board, a.deadlines, a.log] = Layout::vertical([
            Constraint::Length(m_h),
            Constraint::Length(b_h),
            Constraint::Length(d_h),
            Constraint::Length(log_h),
        ])
        .areas(right);
    } else {
        let left_w = (body.width * 2 / 5).clamp(30, 48);
        let [left, right] = Layout::horizontal([Constraint::Length(left_w), Constraint::Fill(1)])
            .spacing(1)
            .areas(body);
        let h = left.height;
        let m_h = (n_metrics + 1).min(7);
        // Running deadlines get rows before the board does (one row per deadline, up to 3).
        let d_h = (listed.max(1) + 1).min(4);
        // The coming injects only when the feed keeps five rows and the board three (the
        // board overlay, `b`, lists them anyway).
        let mut up_h = if presenter { 0 } else { 3 };
        let fixed = |up: u16| 4 + up + m_h + d_h;
        if h < fixed(up_h) + 2 + 3 {
            up_h = 0;
        }
        let b_cap = if h >= 24 { 6 } else { 5 };
        let b_h = (board_lines + 1)
            .min(b_cap)
            .min(h.saturating_sub(fixed(up_h)));
        [a.feed, a.upcoming, a.metrics, a.board, a.deadlines] = Layout::vertical([
            Constraint::Fill(1),
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
    let (lines, _) = decision_lines(app, play, cols as usize, false);
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

/// Which feed items are shown in `rows` rows: the first (newest first), how many, and how
/// many are left out above (newer) and below (older); a marker row is given to each side
/// that is cut, and the selection always stays visible.
pub fn feed_window(
    play: &Play,
    presenter: bool,
    rows: usize,
    per: usize,
) -> (usize, usize, usize, usize) {
    let n = play.feed_newest_first(presenter).count();
    let per = per.max(1);
    if n * per <= rows {
        return (0, n, 0, 0);
    }
    let sel = play
        .ui
        .selected
        .and_then(|s| play.feed_newest_first(presenter).position(|(x, _)| x == s))
        .unwrap_or(0);
    let one = (rows.saturating_sub(1) / per).max(1);
    let two = (rows.saturating_sub(2) / per).max(1);
    if sel < one {
        (0, one, 0, n - one)
    } else if sel >= n - one {
        (n - one, one, n - one, 0)
    } else {
        let off = sel + 1 - two;
        (off, two, off, n - off - two)
    }
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
        let (off, count, above, _) = feed_window(play, app.presenter, feed.height as usize, per);
        let r = (row - feed.y) as usize;
        let top = usize::from(above > 0);
        if r < top {
            return None;
        }
        let k = (r - top) / per;
        return (k < count)
            .then(|| {
                play.feed_newest_first(app.presenter)
                    .nth(off + k)
                    .map(|(i, _)| Hit::Feed(i))
            })
            .flatten();
    }
    let dec = inner(a.decision);
    if dec.contains(pos) {
        let (lines, rows) = decision_view(app, play, dec.width as usize, dec.height as usize);
        let h = dec.height as usize;
        let scroll = decision_scroll(play, &rows, lines.len(), h);
        let line = Window::new(lines.len(), h, scroll).line_at((row - dec.y) as usize)?;
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
    if let Some(super::super::app::Overlay::Board(_)) = app.overlay {
        return vec![("↑↓ PgUp PgDn", "hint-scroll"), ("Esc", "hint-close-board")];
    }
    if play.link.read_only() {
        return vec![("↑↓", "hint-older-injects"), ("b", "hint-board")];
    }
    let pause = if play.ex().state().paused {
        ("p", "hint-resume")
    } else {
        ("p", "hint-pause")
    };
    let mut v = if app.presenter {
        // The way back first: the hints are cut from the end.
        vec![("v", "hint-facilitator-view")]
    } else {
        Vec::new()
    };
    v.extend(match play.ex().status() {
        Status::PhaseBreak { .. } => vec![("Enter", "hint-begin-next-phase")],
        _ => {
            let mut v = Vec::new();
            if play.active_decision(app.presenter).is_some() {
                v.push(("1-9", "hint-choose"));
            }
            v.extend([("Space", "hint-step"), ("n", "hint-next-inject")]);
            v
        }
    });
    v.push(pause);
    if app.presenter {
        v.push(("v", "hint-facilitator-view"));
    } else {
        let at_break = matches!(play.ex().status(), Status::PhaseBreak { .. });
        let tab = if !at_break && play.next_open_decision(false).is_some() {
            ("Tab", "hint-open-decision")
        } else {
            ("Tab", "hint-panel")
        };
        v.extend([
            tab,
            ("b", "hint-board"),
            ("c", "hint-curveball"),
            ("v", "hint-presenter"),
        ]);
    }
    v
}

/// `T+01:15 · Fri 8 Mar 2024 23:15`.
pub fn clock_text(lang: Lang, sc: &Scenario, now: Secs) -> String {
    format!(
        "{} · {}",
        time::format_offset(now),
        sc.clock.full_in(lang, now)
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
    let lang = app.lang();
    // What the followed console is doing (a presenter in another terminal, not `v`).
    let following = play.link.read_only();
    if following {
        match play.ui.console {
            ConsoleState::Closed(_) if !ex.is_over() => {
                return (tr!(lang, "clock-console-closed"), warn);
            }
            ConsoleState::Suspended(s) => {
                return (tr!(lang, "clock-console-suspended", s = s), warn);
            }
            ConsoleState::Lost(s) if !ex.is_over() => {
                return (tr!(lang, "clock-console-lost", s = s), warn);
            }
            _ => {}
        }
    }
    match ex.status() {
        Status::Ended { .. } => (tr!(lang, "clock-ended"), t.strong()),
        Status::PhaseBreak { .. } => (tr!(lang, "clock-phase-break"), warn),
        _ if st.paused && following => (tr!(lang, "clock-paused-console"), warn),
        _ if st.paused => (tr!(lang, "clock-paused"), warn),
        _ if play.ui.pacing.on => {
            let mut w = tr!(lang, "clock-paced", speed = play.ui.pacing.speed);
            if play.pacing_waits(app.real).is_some() {
                w.push_str(&tr!(lang, "clock-paced-waits"));
            }
            (w, t.good().add_modifier(Modifier::BOLD))
        }
        _ => (
            tr!(lang, "clock-manual"),
            t.key().add_modifier(Modifier::BOLD),
        ),
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
    let lang = app.lang();
    // The longest form that leaves the phase some room.
    let variants = [
        match &wall {
            Some(w) => tr!(lang, "header-elapsed-long-wall", active = &active, wall = w),
            None => tr!(lang, "header-elapsed-long", active = &active),
        },
        match &wall {
            Some(w) => tr!(
                lang,
                "header-elapsed-mid-wall",
                active = &active,
                wall = &w[..5]
            ),
            None => tr!(lang, "header-elapsed-mid", active = &active),
        },
        match &wall {
            Some(w) => tr!(
                lang,
                "header-elapsed-short-wall",
                active = &active,
                wall = &w[..5]
            ),
            None => tr!(lang, "header-elapsed-short", active = &active),
        },
        tr!(lang, "header-elapsed-short", active = &active),
    ];
    let pad = if app.presenter { "  " } else { " " };
    let clock = clock_text(lang, sc, st.now);
    let phase_prefix = tr!(lang, "header-phase", n = st.phase + 1, of = sc.phases.len());
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
    let n = play.feed_newest_first(app.presenter).count();
    let unread = ex
        .state()
        .feed
        .iter()
        .filter(|i| !play.ui.read.contains(i))
        .count();
    let lang = app.lang();
    let title = if unread > 0 && !app.presenter {
        tr!(lang, "panel-injects-unread", n = n, unread = unread)
    } else {
        tr!(lang, "panel-injects", n = n)
    };
    let focused = play.ui.focus == Focus::Feed && !app.presenter;
    f.render_widget(section(&title, t, focused), top_line(area));
    let body = inner(area);
    let cols = body.width as usize;
    let per = item_lines(app);
    let (off, count, above, below) = feed_window(play, app.presenter, body.height as usize, per);
    let mut lines = Vec::new();
    if above > 0 {
        lines.push(more_line(t, lang, true, above, cols));
    }
    if n == 0 {
        let text = if app.presenter {
            tr!(lang, "feed-empty-presenter")
        } else {
            tr!(lang, "feed-empty")
        };
        lines.push(Line::from(Span::styled(format!(" {text}"), t.dim())));
    }
    for (i, at) in play.feed_newest_first(app.presenter).skip(off).take(count) {
        let inj = &sc.injects[i as usize];
        let sel = play.shown(app.presenter) == Some(i);
        let open = inj.decision.is_some_and(|d| ex.pending().contains(&d));
        let mark = if app.presenter || play.ui.read.contains(&i) {
            " "
        } else {
            "•"
        };
        let clock = when(lang, sc, at, play.ui.offsets);
        let suffix = match (open, inj.hidden && !app.presenter) {
            (true, _) => " ?".to_string(),
            (false, true) => format!(" {}", tr!(lang, "feed-hidden")),
            (false, false) => String::new(),
        };
        let prefix = if app.presenter {
            format!(" {} ", inj.severity.symbol())
        } else {
            format!("{mark}{} {clock} ", inj.severity.symbol())
        };
        let room = cols.saturating_sub(width(&prefix) + width(&suffix));
        let title = fit(&inj.title, room);
        let mut spans = vec![
            Span::styled(prefix, t.severity(inj.severity)),
            Span::styled(title, if open { t.strong() } else { t.text() }),
            Span::styled(suffix, t.key()),
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
    if below > 0 {
        lines.truncate(body.height.saturating_sub(1) as usize);
        lines.push(more_line(t, lang, false, below, cols));
    }
    f.render_widget(Paragraph::new(lines), body);
}

fn upcoming(f: &mut Frame, app: &App, play: &Play, area: Rect) {
    let t = app.theme;
    let ex = play.ex();
    let sc = ex.scenario();
    let lang = app.lang();
    f.render_widget(
        section(&tr!(lang, "panel-coming-up"), t, false),
        top_line(area),
    );
    let body = inner(area);
    let cols = body.width as usize;
    let mut lines = Vec::new();
    for (at, i) in ex.upcoming() {
        let pre = format!(" {} ", when(lang, sc, at, play.ui.offsets));
        let room = cols.saturating_sub(width(&pre));
        lines.push(Line::from(vec![
            Span::styled(pre, t.private()),
            Span::styled(truncate(&sc.injects[i as usize].title, room), t.private()),
        ]));
    }
    if lines.is_empty() {
        lines.push(Line::from(Span::styled(
            truncate(&format!(" {}", tr!(lang, "upcoming-none")), cols),
            t.dim(),
        )));
    }
    let lines = cut_list(lines, body.height as usize, t, |n| {
        format!(" {}", tr!(app.lang(), "more-shows-all", n = n))
    });
    f.render_widget(Paragraph::new(lines), body);
}

/// A phase's discussion questions, pinned on the projector.
fn questions_lines(app: &App, play: &Play, p: u16, cols: usize) -> Vec<Line<'static>> {
    let t = app.theme;
    let phase = &play.ex().scenario().phases[p as usize];
    let lang = app.lang();
    let mut lines = vec![
        Line::from(Span::styled(
            format!(
                "  {}",
                tr!(
                    lang,
                    "detail-phase-title",
                    n = p + 1,
                    title = truncate(&phase.title, cols.saturating_sub(14))
                )
            ),
            t.title(),
        )),
        Line::default(),
        Line::from(Span::styled(
            format!("  {}", tr!(lang, "detail-discuss")),
            t.strong(),
        )),
    ];
    for (k, q) in phase.questions.iter().enumerate() {
        lines.push(Line::default());
        lines.extend(hang(q, cols, t.text(), &format!("  {}. ", k + 1)));
    }
    lines
}

/// The inject shown, in full.
pub fn detail_lines(app: &App, play: &Play, cols: usize) -> Vec<Line<'static>> {
    let t = app.theme;
    let ex = play.ex();
    let sc = ex.scenario();
    if let Some(p) = play.pinned_questions(app.presenter) {
        return questions_lines(app, play, p, cols);
    }
    let lang = app.lang();
    let Some(i) = play.shown(app.presenter) else {
        return vec![Line::from(Span::styled(
            format!(" {}", tr!(lang, "detail-no-inject")),
            t.dim(),
        ))];
    };
    let inj = &sc.injects[i as usize];
    let st = &ex.state().injects[i as usize];
    let pad = if app.presenter { "  " } else { " " };
    let mut lines = Vec::new();
    let attachment_only = app.presenter && play.ui.pin == Some(Pin::Attachment(i));
    if attachment_only && let Some(a) = &inj.attachment {
        lines.push(Line::from(Span::styled(
            format!("{pad}{}", truncate(&a.name, cols.saturating_sub(4))),
            t.title(),
        )));
        lines.push(Line::from(Span::styled(
            format!(
                "{pad}{}",
                tr!(
                    lang,
                    "detail-attached-to",
                    title = truncate(&inj.title, cols.saturating_sub(20))
                )
            ),
            t.dim(),
        )));
        lines.push(Line::default());
        lines.extend(para(&a.text, cols, t.text(), &format!("{pad}┃ ")));
        return lines;
    }
    let title_style = if app.presenter { t.title() } else { t.strong() };
    lines.push(Line::from(vec![
        Span::styled(
            format!("{pad}{} ", inj.severity.symbol()),
            t.severity(inj.severity),
        ),
        Span::styled(truncate(&inj.title, cols.saturating_sub(4)), title_style),
    ]));
    let mut meta = format!(
        "{} · {}",
        terms::severity(lang, inj.severity),
        terms::channel(lang, inj.channel)
    );
    if !inj.sender.is_empty() {
        meta.push_str(&format!(
            " · {}",
            tr!(lang, "detail-from", sender = &inj.sender)
        ));
    }
    if let Some(at) = st.fired_at {
        meta.push_str(&format!(" · {}", sc.clock.short_in(lang, at)));
    }
    if st.curveball && !app.presenter {
        meta.push_str(&format!(" · {}", tr!(lang, "detail-curveball")));
    }
    if !st.repeats.is_empty() && !app.presenter {
        meta.push_str(&format!(
            " · {}",
            tr!(lang, "detail-thrown", n = st.repeats.len() + 1)
        ));
    }
    lines.extend(para(&meta, cols, t.dim(), pad));
    if inj.hidden {
        lines.extend(para(&tr!(lang, "detail-hidden"), cols, t.private(), pad));
    }
    if !inj.teams.is_empty() {
        let to: Vec<String> = inj
            .teams
            .iter()
            .map(|x| sc.teams[*x as usize].name.clone())
            .collect();
        lines.extend(para(
            &tr!(lang, "detail-to", teams = format::list(lang, &to)),
            cols,
            t.dim(),
            pad,
        ));
    }
    lines.push(Line::default());
    lines.extend(para(&inj.body, cols, t.text(), pad));
    if let Some(a) = &inj.attachment {
        lines.push(Line::default());
        lines.push(Line::from(Span::styled(
            format!(
                "{pad}{}",
                tr!(
                    lang,
                    "detail-attachment",
                    name = truncate(&a.name, cols.saturating_sub(16))
                )
            ),
            t.strong(),
        )));
        lines.extend(para(&a.text, cols, t.text(), &format!("{pad}┃ ")));
    }
    if !inj.questions.is_empty() {
        lines.push(Line::default());
        lines.push(Line::from(Span::styled(
            format!("{pad}{}", tr!(lang, "detail-discuss")),
            t.strong(),
        )));
        for q in &inj.questions {
            lines.extend(hang(q, cols, t.text(), &format!("{pad}• ")));
        }
    }
    if !app.presenter && !inj.notes.is_empty() {
        lines.push(Line::default());
        lines.push(Line::from(Span::styled(
            format!("{pad}{}", tr!(lang, "detail-notes")),
            t.private().add_modifier(Modifier::BOLD),
        )));
        lines.extend(para(&inj.notes, cols, t.private(), &format!("{pad}│ ")));
    }
    if !app.presenter
        && let Some(c) = inj.from.and_then(|k| sc.cast.get(usize::from(k)))
    {
        lines.extend(character_lines(lang, t, c, cols, pad));
    }
    lines
}

/// The facilitator's notes and secrets of the character an inject comes from.
fn character_lines(
    lang: Lang,
    t: crate::tui::theme::Theme,
    c: &crate::scenario::compiled::Character,
    cols: usize,
    pad: &str,
) -> Vec<Line<'static>> {
    if c.notes.is_empty() && c.secrets.is_empty() {
        return Vec::new();
    }
    let mut lines = vec![
        Line::default(),
        Line::from(Span::styled(
            format!(
                "{pad}{}",
                tr!(
                    lang,
                    "detail-playing",
                    name = truncate(&c.name, cols.saturating_sub(24))
                )
            ),
            t.private().add_modifier(Modifier::BOLD),
        )),
    ];
    lines.extend(para(&c.notes, cols, t.private(), &format!("{pad}│ ")));
    for s in &c.secrets {
        lines.extend(para(
            &tr!(lang, "detail-secret", secret = s),
            cols,
            t.private(),
            &format!("{pad}│ "),
        ));
    }
    lines
}

fn detail(f: &mut Frame, app: &App, play: &Play, area: Rect) {
    let t = app.theme;
    let focused = play.ui.focus == Focus::Detail && !app.presenter;
    // The facilitator sees what the projector is held on (s releases it).
    let lang = app.lang();
    let title = match play.ui.pin {
        Some(p) if !app.presenter => tr!(
            lang,
            "panel-inject-held",
            what = crate::tui::projector::label(lang, play.ex().scenario(), p)
        ),
        _ => tr!(lang, "panel-inject"),
    };
    let title = truncate(&title, (area.width as usize).saturating_sub(6));
    f.render_widget(section(&title, t, focused), top_line(area));
    let body = inner(area);
    let lines = detail_lines(app, play, body.width as usize);
    draw_lines(f, body, lines, play.ui.detail_scroll, (t, app.lang()));
}

/// How close a real-time limit is: amber at 1 minute left, red at 30 seconds, then up.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Urgency {
    /// More than a minute left.
    Calm,
    /// A minute or less.
    Soon,
    /// 30 seconds or less.
    Now,
    /// The limit ran out.
    Up,
}

impl Urgency {
    /// The urgency of `ms` real milliseconds left.
    pub fn of(ms: i64) -> Urgency {
        match ms {
            ..=0 => Urgency::Up,
            1..=30_000 => Urgency::Now,
            30_001..=60_000 => Urgency::Soon,
            _ => Urgency::Calm,
        }
    }
}

/// The countdown of a decision: its real-time limit (coloured, with a symbol so that it
/// reads without colour too) and its scenario-time limit.
pub fn countdown_spans(app: &App, play: &Play, d: u16) -> Vec<Span<'static>> {
    let t = app.theme;
    let ex = play.ex();
    let lang = app.lang();
    let mut spans = Vec::new();
    if let Some(ms) = ex.real_time_left(d, app.real) {
        let s = (ms.max(0) + 999) / 1000;
        let clock = format!("{}:{:02}", s / 60, s % 60);
        let (text, style) = match Urgency::of(ms) {
            Urgency::Calm => (tr!(lang, "countdown-real", clock = &clock), t.strong()),
            Urgency::Soon => (
                format!("⚠ {}", tr!(lang, "countdown-real", clock = &clock)),
                t.warn().add_modifier(Modifier::BOLD),
            ),
            Urgency::Now => (
                format!("‼ {}", tr!(lang, "countdown-real", clock = &clock)),
                t.bad().add_modifier(Modifier::BOLD),
            ),
            Urgency::Up => (
                format!("‼ {}", tr!(lang, "countdown-up")),
                t.bad().add_modifier(Modifier::BOLD),
            ),
        };
        spans.push(Span::styled(text, style));
    }
    if let Some(s) = ex.scenario_time_left(d) {
        if !spans.is_empty() {
            spans.push(Span::styled(" · ", t.strong()));
        }
        spans.push(Span::styled(
            tr!(
                lang,
                "countdown-scenario",
                left = format::countdown(lang, s)
            ),
            t.strong(),
        ));
    }
    spans
}

/// A decision named for the room: its message's title, cut to `w` columns.
fn decision_short(play: &Play, d: u16, w: usize) -> String {
    truncate(&crate::tui::lookahead::decision_name(play.ex(), d), w)
}

/// `2 decisions open: ICU (this message), crisis cell (press Tab)`: every open decision,
/// which one the panel shows, and which one Tab shows (not on the presenter view, which
/// shows no keys). `None` when no decision is open, or only the one shown.
pub fn open_line(app: &App, play: &Play) -> Option<String> {
    let ex = play.ex();
    let pending = ex.pending();
    let shown = play.active_decision(app.presenter);
    if pending.is_empty() || (pending.len() == 1 && shown.is_some()) {
        return None;
    }
    let next = play.next_open_decision(app.presenter);
    let lang = app.lang();
    let names: Vec<String> = pending
        .iter()
        .map(|&d| {
            let mut n = decision_short(play, d, 40);
            // Chinese brackets carry their own space.
            let sep = if lang == Lang::Zh { "" } else { " " };
            if Some(d) == shown {
                n.push_str(&format!("{sep}{}", tr!(lang, "open-this-message")));
            } else if Some(d) == next && !app.presenter {
                n.push_str(&format!("{sep}{}", tr!(lang, "open-press-tab")));
            }
            n
        })
        .collect();
    let n = pending.len();
    Some(tr!(
        lang,
        "open-decisions",
        n = n,
        names = enumerate(lang, &names)
    ))
}

/// The decision panel's lines in `h` rows: with every option's preview when they fit,
/// else with the highlighted option's only, so that more options stay in view.
pub fn decision_view(
    app: &App,
    play: &Play,
    cols: usize,
    h: usize,
) -> (Vec<Line<'static>>, Vec<(usize, usize)>) {
    let full = decision_lines(app, play, cols, false);
    if full.0.len() <= h {
        return full;
    }
    decision_lines(app, play, cols, true)
}

/// The decision panel's lines, and which line shows which option; `compact` keeps only the
/// highlighted option's preview. The panel belongs to the inject shown: its open decision, or
/// its decision as taken, and never another.
pub fn decision_lines(
    app: &App,
    play: &Play,
    cols: usize,
    compact: bool,
) -> (Vec<Line<'static>>, Vec<(usize, usize)>) {
    let t = app.theme;
    let ex = play.ex();
    let sc = ex.scenario();
    let pad = if app.presenter { "  " } else { " " };
    let lang = app.lang();
    let mut lines = Vec::new();
    let mut rows = Vec::new();
    let open = open_line(app, play);
    if let Some(o) = &open {
        lines.extend(para(o, cols, t.warn().add_modifier(Modifier::BOLD), pad));
    }
    let Some(d) = play.active_decision(app.presenter) else {
        // The decision of the inject shown, as it was taken.
        if let Some(i) = play.shown(app.presenter)
            && play.pinned_questions(app.presenter).is_none()
            && let Some(d) = sc.injects[i as usize].decision
            && let Some(c) = &ex.state().decisions[d as usize].choice
        {
            let dec = &sc.decisions[d as usize];
            lines.extend(para(&dec.prompt, cols, t.dim(), pad));
            let picked: Vec<String> = c
                .options()
                .iter()
                .map(|&o| {
                    let shown = crate::engine::shown_number(ex, d, o);
                    format!("{shown}. {}", dec.options[o as usize].label)
                })
                .collect();
            let picked = picked.join(" + ");
            let text = if c.timeout && app.presenter {
                format!(
                    "⏱ {}",
                    tr!(lang, "decision-timeout-presenter", picked = &picked)
                )
            } else if c.timeout {
                format!(
                    "⏱ {}",
                    tr!(
                        lang,
                        "decision-timeout",
                        picked = &picked,
                        at = when(lang, sc, c.at, play.ui.offsets)
                    )
                )
            } else {
                tr!(
                    lang,
                    "decision-decided",
                    at = when(lang, sc, c.at, play.ui.offsets),
                    picked = &picked
                )
            };
            let style = if c.timeout { t.warn() } else { t.strong() };
            lines.extend(para(&text, cols, style, pad));
            for (o, k) in c.picked() {
                let Some(k) = k else { continue };
                let oc = &dec.options[o as usize].outcomes[k as usize];
                let text = if oc.text.is_empty() {
                    oc.label.clone()
                } else {
                    tr!(lang, "outcome-text", label = &oc.label, text = &oc.text)
                };
                lines.extend(para(&text, cols, t.text(), pad));
            }
            return (lines, rows);
        }
        let none = if open.is_some() {
            tr!(lang, "decision-none-here")
        } else {
            tr!(lang, "decision-none")
        };
        lines.push(Line::from(Span::styled(format!("{pad}{none}"), t.dim())));
        return (lines, rows);
    };
    let dec = &sc.decisions[d as usize];
    let team = &sc.teams[dec.team as usize].name;
    lines.extend(para(
        &tr!(lang, "log-with-team", team = team, text = &dec.prompt),
        cols,
        t.strong(),
        pad,
    ));
    let focused = play.ui.focus == Focus::Decision && !app.presenter;
    let ticked: &[u16] = match &play.ui.ticked {
        Some((k, sel)) if *k == d => sel,
        _ => &[],
    };
    if dec.multi() {
        let (min, max) = dec.pick_limits();
        let words = terms::pick_words(lang, min, max);
        let text = if app.presenter {
            tr!(lang, "decision-several-presenter", words = &words)
        } else {
            tr!(lang, "decision-several", words = &words, n = ticked.len())
        };
        lines.extend(para(&text, cols, t.dim(), pad));
    }
    let tally = super::super::seats::tally(ex, d);
    if !app.presenter && play.link.hosted().is_some() {
        let voted: usize = tally.iter().map(|x| x.1).sum();
        let text = match (voted, super::super::seats::majority(ex, d)) {
            (0, _) => tr!(lang, "votes-none"),
            (n, Some(m)) => tr!(
                lang,
                "votes-majority",
                n = n,
                majority = super::super::lookahead::selection_text(ex, d, &m)
            ),
            (n, None) => tr!(lang, "votes-tied", n = n),
        };
        lines.extend(para(&text, cols, t.dim(), pad));
    }
    // Numbered by position in the order the teams see (see `engine::option_order`).
    for (pos, k) in crate::engine::option_order(ex, d).into_iter().enumerate() {
        let o = &dec.options[usize::from(k)];
        if app.presenter {
            lines.push(Line::default());
        }
        let status = ex.option_status(d, k);
        let avail = status == OptionStatus::Available;
        let tick = match (dec.multi() && !app.presenter, ticked.contains(&k)) {
            (false, _) => "",
            (true, true) => "[x] ",
            (true, false) => "[ ] ",
        };
        let num = format!("{pad}{}{} {tick}", if avail { " " } else { "✗" }, pos + 1);
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
        if let Some((_, n, names)) = tally.iter().find(|x| x.0 == k) {
            let bar = "▮".repeat((*n).min(12));
            let text = if app.presenter {
                format!("{bar} {}", tr!(lang, "votes-count", n = *n))
            } else {
                let names = enumerate(lang, names);
                tr!(
                    lang,
                    "log-with-team",
                    team = format!("{bar} {n}"),
                    text = names
                )
            };
            lines.extend(para(&text, cols, t.key(), &indent));
        }
        if let OptionStatus::Unavailable(why) = status {
            lines.extend(para(
                &tr!(
                    lang,
                    "decision-unavailable",
                    why = crate::i18n::refusal::unavailable(lang, &why)
                ),
                cols,
                t.dim(),
                &indent,
            ));
        }
        let cursor = focused && play.ui.option_cursor == pos;
        if !app.presenter && (!compact || cursor) {
            let p = preview::option(lang, sc, o);
            if !p.is_empty() {
                lines.extend(para(&format!("↳ {p}"), cols, t.private(), &indent));
            }
        }
    }
    (lines, rows)
}

/// How far the decision panel scrolls so that the highlighted option's last line shows.
fn decision_scroll(play: &Play, rows: &[(usize, usize)], total: usize, h: usize) -> usize {
    let cur = rows
        .iter()
        .rev()
        .find(|(_, o)| *o == play.ui.option_cursor)
        .map(|(l, _)| *l)
        .unwrap_or(0);
    let mut s = (cur + 1).saturating_sub(h);
    while s < total && Window::new(total, h, s).row_of(cur).is_none() {
        s += 1;
    }
    s
}

fn decision(f: &mut Frame, app: &App, play: &Play, area: Rect) {
    let t = app.theme;
    let lang = app.lang();
    let focused = play.ui.focus == Focus::Decision && !app.presenter;
    let countdown = play
        .active_decision(app.presenter)
        .map(|d| countdown_spans(app, play, d))
        .unwrap_or_default();
    let block = if countdown.is_empty() {
        section(&tr!(lang, "panel-decision"), t, focused)
    } else {
        let mut spans = vec![Span::styled(
            format!(
                " {}{} · ",
                if focused { "▸ " } else { "" },
                tr!(lang, "panel-decision")
            ),
            if focused {
                t.border_focus()
            } else {
                t.strong()
            },
        )];
        spans.extend(countdown);
        spans.push(Span::raw(" "));
        section_spans(spans, t, focused)
    };
    f.render_widget(block, top_line(area));
    let body = inner(area);
    let h = body.height as usize;
    let (lines, rows) = decision_view(app, play, body.width as usize, h);
    let scroll = decision_scroll(play, &rows, lines.len(), h);
    let w = Window::new(lines.len(), h, scroll);
    // Say how many options are out of sight, not only how many lines.
    let end = w.start + w.shown;
    let mut first_line: Vec<(usize, usize)> = Vec::new();
    for &(l, o) in &rows {
        match first_line.iter_mut().find(|(_, x)| *x == o) {
            Some(_) => {}
            None => first_line.push((l, o)),
        }
    }
    let below = first_line.iter().filter(|(l, _)| *l >= end).count();
    let above = first_line
        .iter()
        .filter(|(_, o)| {
            rows.iter()
                .filter(|(_, x)| x == o)
                .all(|(l, _)| *l < w.start)
        })
        .count();
    let hint = if play.ui.focus == Focus::Decision {
        ""
    } else {
        " · Tab"
    };
    let options = |n: usize| tr!(lang, "more-options", n = n);
    let up = (above > 0).then(|| t.glyphs.more_items(lang, true, above, &options(above)));
    let down = (below > 0).then(|| {
        format!(
            "{}{hint}",
            t.glyphs.more_items(lang, false, below, &options(below))
        )
    });
    super::common::draw_window(f, body, lines, w, (t, app.lang()), up, down);
}

fn metrics(f: &mut Frame, app: &App, play: &Play, area: Rect, wide: bool) {
    let t = app.theme;
    let ex = play.ex();
    let sc = ex.scenario();
    let st = ex.state();
    let lang = app.lang();
    f.render_widget(
        section(&tr!(lang, "panel-metrics"), t, false),
        top_line(area),
    );
    let body = inner(area);
    let cols = body.width as usize;
    // Two lines a metric (gauge and sparkline under the value) when there is room for all.
    let two = wide && !app.presenter && body.height as usize >= 2 * sc.metrics.len();
    let label_w = sc
        .metrics
        .iter()
        .map(|m| width(&m.label))
        .max()
        .unwrap_or(6)
        .clamp(6, if cols >= 56 { 24 } else { 14 });
    let vals: Vec<String> = sc
        .metrics
        .iter()
        .zip(&st.metrics)
        .map(|(m, v)| value_unit(lang, *v, &m.unit))
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
        if two {
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
    let lines = cut_list(lines, body.height as usize, t, |n| {
        format!(" {}", tr!(app.lang(), "more-shows-all", n = n))
    });
    f.render_widget(Paragraph::new(lines), body);
}

fn board(f: &mut Frame, app: &App, play: &Play, area: Rect) {
    let t = app.theme;
    let lang = app.lang();
    f.render_widget(
        section(&tr!(lang, "panel-systems"), t, false),
        top_line(area),
    );
    let body = inner(area);
    let lines = board_lines(app, play, body.width as usize);
    let lines = cut_list(lines, body.height as usize, t, |n| {
        format!(" {}", tr!(app.lang(), "more-shows-all", n = n))
    });
    f.render_widget(Paragraph::new(lines), body);
}

/// One line per system (symbol, name, state), then one per service (capacity, paper).
pub fn board_lines(app: &App, play: &Play, cols: usize) -> Vec<Line<'static>> {
    let t = app.theme;
    let ex = play.ex();
    let sc = ex.scenario();
    let st = ex.state();
    let mut lines = Vec::new();
    for (k, s) in sc.systems.iter().enumerate() {
        let state = st.systems[k];
        let word = terms::system_state(app.lang(), state);
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
        let tag = if paper {
            tr!(app.lang(), "board-paper")
        } else {
            String::new()
        };
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
    lines
}

/// A deadline as listed: its index, and how urgent it is (smaller first).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DeadlineRow {
    /// Running, with this much scenario time left.
    Running(u16, Secs),
    /// Missed at this time.
    Missed(u16, Secs),
    /// Met at this time.
    Met(u16, Secs),
}

/// The deadlines to list, most urgent first: running ones by time left, then missed ones,
/// then met ones (the latest first). Deadlines not started are not listed.
pub fn deadline_rows(play: &Play) -> Vec<DeadlineRow> {
    let st = play.ex().state();
    let mut rows: Vec<DeadlineRow> = st
        .deadlines
        .iter()
        .enumerate()
        .filter_map(|(k, ds)| {
            let k = k as u16;
            if let Some(at) = ds.met {
                Some(DeadlineRow::Met(k, at))
            } else if let Some(at) = ds.missed {
                Some(DeadlineRow::Missed(k, at))
            } else {
                ds.due
                    .filter(|_| ds.active())
                    .map(|due| DeadlineRow::Running(k, due - st.now))
            }
        })
        .collect();
    rows.sort_by_key(|r| match *r {
        DeadlineRow::Running(k, left) => (0, left, k),
        DeadlineRow::Missed(k, at) => (1, -at, k),
        DeadlineRow::Met(k, at) => (2, -at, k),
    });
    rows
}

/// One line of the deadlines list.
pub fn deadline_line(app: &App, play: &Play, row: DeadlineRow, cols: usize) -> Line<'static> {
    let t = app.theme;
    let sc = play.ex().scenario();
    let lang = app.lang();
    let (k, sym, tail, style) = match row {
        DeadlineRow::Met(k, _) => (k, "✓", tr!(lang, "deadline-met"), t.good()),
        DeadlineRow::Missed(k, _) => (k, "✗", tr!(lang, "deadline-missed"), t.bad()),
        DeadlineRow::Running(k, left) => {
            let style = if left <= 30 * 60 { t.bad() } else { t.warn() };
            (
                k,
                "◷",
                tr!(lang, "deadline-left", left = format::countdown(lang, left)),
                style,
            )
        }
    };
    let d = &sc.deadlines[k as usize];
    let room = cols.saturating_sub(4 + width(&tail) + 1);
    Line::from(vec![
        Span::styled(format!(" {sym} "), style),
        Span::raw(fit(&d.label, room)),
        Span::styled(format!(" {tail}"), style),
    ])
}

fn deadlines(f: &mut Frame, app: &App, play: &Play, area: Rect) {
    let t = app.theme;
    let rows = deadline_rows(play);
    let running = rows
        .iter()
        .filter(|r| matches!(r, DeadlineRow::Running(..)))
        .count();
    let lang = app.lang();
    let title = if running > 0 {
        tr!(lang, "panel-deadlines-running", n = running)
    } else {
        tr!(lang, "panel-deadlines")
    };
    f.render_widget(section(&title, t, false), top_line(area));
    let body = inner(area);
    let cols = body.width as usize;
    let mut lines: Vec<Line> = rows
        .iter()
        .map(|r| deadline_line(app, play, *r, cols))
        .collect();
    if lines.is_empty() {
        lines.push(Line::from(Span::styled(
            format!(" {}", tr!(lang, "deadline-none")),
            t.dim(),
        )));
    }
    let h = body.height as usize;
    let lines = cut_list(lines, h, t, |n| {
        // Running deadlines come first: say how many of those left out are running.
        let shown = h.saturating_sub(1);
        let hidden_running = running.saturating_sub(shown);
        if hidden_running > 0 {
            format!(
                " {}",
                tr!(lang, "more-running", n = n, running = hidden_running)
            )
        } else {
            format!(" {}", tr!(app.lang(), "more-shows-all", n = n))
        }
    });
    f.render_widget(Paragraph::new(lines), body);
}

fn log(f: &mut Frame, app: &App, play: &Play, area: Rect) {
    let t = app.theme;
    let lang = app.lang();
    f.render_widget(section(&tr!(lang, "panel-log"), t, false), top_line(area));
    let body = inner(area);
    let cols = body.width as usize;
    let h = body.height as usize;
    let mut start = play.ui.log.len().saturating_sub(h);
    let mut lines: Vec<Line> = Vec::new();
    if start > 0 {
        // The newest lines are shown; say how many earlier ones are not.
        start += 1;
        lines.push(Line::from(Span::styled(
            format!(
                " {}",
                t.glyphs
                    .more_items(lang, true, start, &tr!(lang, "more-earlier"))
            ),
            t.key(),
        )));
    }
    lines.extend(play.ui.log[start.min(play.ui.log.len())..].iter().map(|l| {
        Line::from(Span::styled(
            format!(" {}", truncate(l, cols.saturating_sub(1))),
            t.dim(),
        ))
    }));
    f.render_widget(Paragraph::new(lines), body);
}

/// Items of a list the eye scans, joined by a comma (`、` in Chinese): no "and", which a
/// title's own words could blur.
fn enumerate(lang: Lang, items: &[String]) -> String {
    items.join(if lang == Lang::Zh { "、" } else { ", " })
}
