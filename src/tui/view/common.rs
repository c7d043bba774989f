//! Pieces shared by the screens: sections, wrapped text, gauges, sparklines, the status bar.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use crate::scenario::compiled::{Metric, format_number};
use crate::scenario::time::Secs;

use super::super::app::App;
use super::super::theme::Theme;
use super::super::wrap::{truncate, width, wrap};

/// A section: a rule on top with its title, no side borders (calm and compact).
pub fn section<'a>(title: &str, theme: Theme, focused: bool) -> Block<'a> {
    let style = if focused {
        theme.border_focus()
    } else {
        theme.border()
    };
    let title_style = if focused {
        theme.border_focus()
    } else {
        theme.strong()
    };
    Block::new()
        .borders(Borders::TOP)
        .border_style(style)
        .title(Span::styled(
            format!(" {}{} ", if focused { "▸ " } else { "" }, title),
            title_style,
        ))
}

/// The first row of an area, where a section's rule and title go (drawing the block over
/// the whole area would restyle every cell of it for nothing).
pub fn top_line(area: Rect) -> Rect {
    Rect::new(area.x, area.y, area.width, area.height.min(1))
}

/// Wrapped untrusted text as lines of one style, each prefixed by `indent`.
pub fn para(text: &str, cols: usize, style: Style, indent: &str) -> Vec<Line<'static>> {
    let w = cols.saturating_sub(width(indent)).max(1);
    wrap(text, w)
        .into_iter()
        .map(|l| Line::from(Span::styled(format!("{indent}{l}"), style)))
        .collect()
}

/// A path after `prefix`, wrapped only between names (see [`wrap_path`]).
pub fn path_lines(prefix: &str, path: &str, cols: usize, style: Style) -> Vec<Line<'static>> {
    super::super::wrap::wrap_path(prefix, path, cols, "  ")
        .into_iter()
        .map(|l| Line::from(Span::styled(l, style)))
        .collect()
}

/// Wrapped untrusted text whose first line starts with `first` and whose next lines are
/// indented to match (numbered and bulleted items).
pub fn hang(text: &str, cols: usize, style: Style, first: &str) -> Vec<Line<'static>> {
    let fw = width(first);
    let w = cols.saturating_sub(fw).max(1);
    wrap(text, w)
        .into_iter()
        .enumerate()
        .map(|(k, l)| {
            let head = if k == 0 {
                first.to_string()
            } else {
                " ".repeat(fw)
            };
            Line::from(Span::styled(format!("{head}{l}"), style))
        })
        .collect()
}

/// Draws lines into an area, skipping `scroll` lines; shows `↓ more` when cut.
pub fn draw_lines(f: &mut Frame, area: Rect, lines: Vec<Line<'static>>, scroll: u16, theme: Theme) {
    let total = lines.len();
    let h = area.height as usize;
    let scroll = (scroll as usize).min(total.saturating_sub(h.max(1)));
    let more = total > scroll + h;
    f.render_widget(Paragraph::new(lines).scroll((scroll as u16, 0)), area);
    if more && area.height > 0 && area.width > 8 {
        let r = Rect::new(area.right() - 8, area.bottom() - 1, 8, 1);
        f.render_widget(Span::styled(" ↓ more ", theme.key()), r);
    }
    if scroll > 0 && area.height > 0 && area.width > 8 {
        let r = Rect::new(area.right() - 8, area.y, 8, 1);
        f.render_widget(Span::styled(" ↑ more ", theme.key()), r);
    }
}

/// Symbol marking the value's band, so that bands read without colour.
pub fn band_mark(m: &Metric, v: f64) -> Option<(String, bool)> {
    m.band(v).map(|t| {
        let worst = t.below.is_some_and(|b| {
            m.thresholds
                .iter()
                .filter_map(|x| x.below)
                .fold(f64::INFINITY, f64::min)
                == b
        }) || t.above.is_some_and(|a| {
            m.thresholds
                .iter()
                .filter_map(|x| x.above)
                .fold(f64::NEG_INFINITY, f64::max)
                == a
        });
        (format!("⚠ {}", t.label), worst)
    })
}

/// A text gauge: `████████░░░░` with the thresholds marked `│` in the empty part.
pub fn gauge_bar(m: &Metric, v: f64, cols: usize) -> String {
    let span = (m.max - m.min).max(f64::EPSILON);
    let pos = |x: f64| (((x - m.min) / span).clamp(0.0, 1.0) * cols as f64).round() as usize;
    let fill = pos(v);
    let mut cells: Vec<char> = (0..cols)
        .map(|i| if i < fill { '█' } else { '░' })
        .collect();
    for t in &m.thresholds {
        for x in [t.below, t.above].into_iter().flatten() {
            let p = pos(x).min(cols.saturating_sub(1));
            if p >= fill && p < cols {
                cells[p] = '│';
            }
        }
    }
    cells.into_iter().collect()
}

/// A value with its unit, e.g. `80%` or `10 k€`.
pub fn value_unit(v: f64, unit: &str) -> String {
    let u = truncate(unit, 8);
    if u.is_empty() || u == "%" {
        format!("{}{u}", format_number(v))
    } else {
        format!("{} {u}", format_number(v))
    }
}

/// A sparkline of a step series over `[0, now]` in `cols` cells, scaled to `[min, max]`.
pub fn sparkline(points: &[(Secs, f64)], now: Secs, min: f64, max: f64, cols: usize) -> String {
    const BARS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
    if points.is_empty() || cols == 0 {
        return String::new();
    }
    let span = (max - min).max(f64::EPSILON);
    let end = now.max(1);
    let mut out = String::with_capacity(cols * 3);
    let mut k = 0;
    for c in 0..cols {
        let t = (end as f64 * (c as f64 + 1.0) / cols as f64) as Secs;
        while k + 1 < points.len() && points[k + 1].0 <= t {
            k += 1;
        }
        let x = ((points[k].1 - min) / span).clamp(0.0, 1.0);
        out.push(BARS[((x * 7.0).round() as usize).min(7)]);
    }
    out
}

/// A centred rectangle of at most `w`×`h` inside `area`.
pub fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}

/// Key hints: `key what · key what`, cut to the width.
pub fn hints(theme: Theme, items: &[(&str, &str)], cols: usize) -> Line<'static> {
    let mut spans = Vec::new();
    let mut used = 1;
    spans.push(Span::raw(" "));
    for (i, (k, what)) in items.iter().enumerate() {
        let need = width(k) + 1 + width(what) + if i > 0 { 3 } else { 0 };
        if used + need > cols {
            break;
        }
        if i > 0 {
            spans.push(Span::styled(" · ", theme.dim()));
        }
        spans.push(Span::styled(k.to_string(), theme.key()));
        spans.push(Span::raw(format!(" {what}")));
        used += need;
    }
    Line::from(spans)
}

/// The status bar: the current notice, or key hints.
pub fn status_bar(f: &mut Frame, area: Rect, app: &App, items: &[(&str, &str)]) {
    let theme = app.theme;
    let line = match &app.notice {
        Some(n) if n.error => Line::from(vec![
            Span::styled(" ✗ ", theme.bad()),
            Span::styled(
                truncate(&n.text, area.width.saturating_sub(4) as usize),
                theme.bad(),
            ),
        ]),
        Some(n) => Line::from(vec![
            Span::styled(" ✓ ", theme.good()),
            Span::raw(truncate(&n.text, area.width.saturating_sub(4) as usize)),
        ]),
        None => hints(theme, items, area.width as usize),
    };
    f.render_widget(Paragraph::new(line), area);
}

/// The message shown instead of the console when the terminal is too small.
pub fn too_small(f: &mut Frame, area: Rect, theme: Theme) {
    let lines = vec![
        Line::from(Span::styled("Please enlarge this window", theme.strong())),
        Line::from(format!(
            "Downtime needs at least {}×{}; this one is {}×{}.",
            super::super::app::MIN_SIZE.0,
            super::super::app::MIN_SIZE.1,
            area.width,
            area.height
        )),
        Line::from("The exercise waits; press q to quit."),
    ];
    let h = (lines.len() as u16).min(area.height);
    let r = Rect::new(
        area.x,
        area.y + area.height.saturating_sub(h) / 2,
        area.width,
        h,
    );
    f.render_widget(
        Paragraph::new(lines)
            .alignment(ratatui::layout::Alignment::Center)
            .wrap(ratatui::widgets::Wrap { trim: true }),
        r,
    );
}
