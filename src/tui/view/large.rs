//! The large-type projector layout (`downtime present --large`, or `L`): the message shown
//! (or what the facilitator pinned), its question with the options, and the countdown in
//! big digits; nothing else. For a room reading a wall from the back.

use crate::tr;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::engine::OptionStatus;

use super::super::app::{App, Play};
use super::super::wrap::truncate;
use super::common::{draw_lines, hang, para};
use super::exercise::{Urgency, detail_lines, open_line};

/// Digits and the colon, five rows high.
const FONT: [[&str; 5]; 11] = [
    ["███", "█ █", "█ █", "█ █", "███"],
    ["  █", "  █", "  █", "  █", "  █"],
    ["███", "  █", "███", "█  ", "███"],
    ["███", "  █", "███", "  █", "███"],
    ["█ █", "█ █", "███", "  █", "  █"],
    ["███", "█  ", "███", "  █", "███"],
    ["███", "█  ", "███", "█ █", "███"],
    ["███", "  █", "  █", "  █", "  █"],
    ["███", "█ █", "███", "█ █", "███"],
    ["███", "█ █", "███", "  █", "███"],
    [" ", "█", " ", "█", " "],
];

/// `text` (digits and colons) in big type: five lines.
pub fn big(text: &str) -> [String; 5] {
    let mut rows: [String; 5] = Default::default();
    for c in text.chars() {
        let g = match c {
            '0'..='9' => &FONT[c as usize - '0' as usize],
            ':' => &FONT[10],
            _ => continue,
        };
        for (r, row) in rows.iter_mut().enumerate() {
            if !row.is_empty() {
                row.push(' ');
            }
            row.push_str(g[r]);
        }
    }
    rows
}

/// Draws the large layout over the whole screen.
pub fn draw(f: &mut Frame, app: &App, play: &Play, area: Rect) {
    let t = app.theme;
    let ex = play.ex();
    let sc = ex.scenario();
    let margin = (area.width / 12).clamp(2, 12);
    let inner = Rect::new(
        area.x + margin,
        area.y + 1,
        area.width.saturating_sub(2 * margin),
        area.height.saturating_sub(2),
    );
    let cols = inner.width as usize;
    let d = play.active_decision(true);
    let real_left = d.and_then(|d| ex.real_time_left(d, app.real));
    let clock_h = if real_left.is_some() { 6 } else { 0 };
    let [clock, body] =
        Layout::vertical([Constraint::Length(clock_h), Constraint::Fill(1)]).areas(inner);
    if let Some(ms) = real_left {
        let u = Urgency::of(ms);
        let style = match u {
            Urgency::Calm => t.strong(),
            Urgency::Soon => t.warn().add_modifier(Modifier::BOLD),
            Urgency::Now | Urgency::Up => t.bad().add_modifier(Modifier::BOLD),
        };
        let mut lines: Vec<Line> = Vec::new();
        if u == Urgency::Up {
            lines.push(Line::default());
            lines.push(Line::from(Span::styled(
                format!("⏱  {}", tr!(app.lang(), "large-times-up")),
                style,
            )));
        } else {
            let s = (ms.max(0) + 999) / 1000;
            let rows = big(&format!("{}:{:02}", s / 60, s % 60));
            let mark = match u {
                Urgency::Soon => "⚠",
                Urgency::Now => "‼",
                _ => "⏱",
            };
            for (r, row) in rows.into_iter().enumerate() {
                let head = if r == 2 {
                    format!("{mark}  ")
                } else {
                    "   ".into()
                };
                lines.push(Line::from(Span::styled(format!("{head}{row}"), style)));
            }
        }
        let w = lines.iter().map(|l| l.width()).max().unwrap_or(0) as u16;
        let r = Rect::new(
            clock.right().saturating_sub(w),
            clock.y,
            w.min(clock.width),
            5,
        );
        f.render_widget(Paragraph::new(lines), r);
    }
    let mut lines = Vec::new();
    if play.pinned_questions(true).is_some() || play.shown(true).is_none() {
        lines.extend(detail_lines(app, play, cols));
    } else if let Some(i) = play.shown(true) {
        let inj = &sc.injects[i as usize];
        if play.ui.pin == Some(super::super::app::Pin::Attachment(i)) {
            lines.extend(detail_lines(app, play, cols));
        } else {
            lines.push(Line::from(vec![
                Span::styled(
                    format!("{} ", inj.severity.symbol()),
                    t.severity(inj.severity),
                ),
                Span::styled(truncate(&inj.title, cols.saturating_sub(3)), t.title()),
            ]));
            let lang = app.lang();
            let mut meta = crate::i18n::terms::channel(lang, inj.channel);
            if !inj.sender.is_empty() {
                meta.push_str(" · ");
                meta.push_str(&tr!(lang, "curveball-from", sender = &inj.sender));
            }
            if let Some(at) = ex.state().injects[i as usize].fired_at {
                meta.push_str(&format!(" · {}", sc.clock.short_in(lang, at)));
            }
            lines.extend(para(&meta, cols, t.dim(), "  "));
            lines.push(Line::default());
            for p in inj.body.split("\n\n") {
                lines.extend(para(p, cols, t.text(), "  "));
                lines.push(Line::default());
            }
        }
    }
    if let Some(d) = d {
        let dec = &sc.decisions[d as usize];
        lines.push(Line::default());
        lines.extend(hang(
            &format!("{}: {}", sc.teams[dec.team as usize].name, dec.prompt),
            cols,
            t.strong(),
            "? ",
        ));
        for (pos, k) in crate::engine::option_order(ex, d).into_iter().enumerate() {
            let o = &dec.options[usize::from(k)];
            let avail = ex.option_status(d, k) == OptionStatus::Available;
            lines.push(Line::default());
            let head = format!("  {}  ", pos + 1);
            let style = if avail { t.text() } else { t.dim() };
            let mut opt = hang(&o.label, cols, style, &head);
            if let Some(first) = opt.first_mut()
                && let Some(s) = first.spans.first_mut()
                && s.content.starts_with(&head)
            {
                let rest = s.content[head.len()..].to_string();
                first.spans = vec![
                    Span::styled(head.clone(), if avail { t.key() } else { t.dim() }),
                    Span::styled(rest, style),
                ];
            }
            lines.extend(opt);
        }
    } else if let Some(i) = play.shown(true)
        && play.pinned_questions(true).is_none()
        && let Some(d) = sc.injects[i as usize].decision
        && let Some(c) = &ex.state().decisions[d as usize].choice
        && c.timeout
    {
        lines.push(Line::default());
        lines.extend(para(
            &tr!(
                app.lang(),
                "large-default-taken",
                option = format!(
                    "{}. {}",
                    crate::engine::shown_number(ex, d, c.option),
                    sc.decisions[d as usize].options[c.option as usize].label
                )
            ),
            cols,
            t.warn().add_modifier(Modifier::BOLD),
            "  ",
        ));
    }
    if let Some(o) = open_line(app, play) {
        lines.push(Line::default());
        lines.extend(para(&o, cols, t.dim(), "  "));
    }
    draw_lines(f, body, lines, 0, (t, app.lang()));
}
