//! Pieces shared by the screens: sections, wrapped text, gauges, sparklines, the status bar.

use crate::tui::keys::what;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use crate::i18n::Lang;
use crate::scenario::Scenario;
use crate::scenario::compiled::Metric;
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

/// A section whose title is made of styled pieces (e.g. a countdown in its own colour).
pub fn section_spans<'a>(title: Vec<Span<'a>>, theme: Theme, focused: bool) -> Block<'a> {
    let style = if focused {
        theme.border_focus()
    } else {
        theme.border()
    };
    Block::new()
        .borders(Borders::TOP)
        .border_style(style)
        .title(Line::from(title))
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

/// Which lines of a scrolled text are shown in `h` rows: the first line shown, how many,
/// and how many are hidden above and below. A row is given to each marker (`↑ N more`,
/// `↓ N more`) so that nothing is drawn over.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Window {
    /// First line shown.
    pub start: usize,
    /// Lines shown.
    pub shown: usize,
    /// Lines hidden above.
    pub above: usize,
    /// Lines hidden below.
    pub below: usize,
}

impl Window {
    /// The window over `total` lines in `h` rows, scrolled by `scroll` lines (clamped so the
    /// last page is full).
    pub fn new(total: usize, h: usize, scroll: usize) -> Window {
        if total <= h || h < 3 {
            let start = if total <= h { 0 } else { scroll.min(total - h) };
            let shown = total.min(h);
            return Window {
                start,
                shown,
                above: start,
                below: total - start - shown,
            };
        }
        // Scrolled to the end: a marker on top, the last h-1 lines.
        let max = total - (h - 1);
        let start = scroll.min(max);
        let top = usize::from(start > 0);
        let room = h - top;
        let shown = if total - start <= room {
            total - start
        } else {
            room - 1
        };
        Window {
            start,
            shown,
            above: start,
            below: total - start - shown,
        }
    }

    /// The row (from the top of the area) of line `line`, if shown.
    pub fn row_of(&self, line: usize) -> Option<usize> {
        (line >= self.start && line < self.start + self.shown)
            .then(|| line - self.start + usize::from(self.above > 0))
    }

    /// The line shown at row `row`, if any.
    pub fn line_at(&self, row: usize) -> Option<usize> {
        let top = usize::from(self.above > 0);
        (row >= top && row - top < self.shown).then(|| self.start + row - top)
    }
}

/// The smallest scroll that shows lines `first..=last` (as many of them as fit, the last
/// one first) of `total` lines in `h` rows.
pub fn scroll_to_show(total: usize, h: usize, first: usize, last: usize) -> usize {
    let mut s = (last + 1).saturating_sub(h);
    while s < total {
        let w = Window::new(total, h, s);
        if w.row_of(last).is_some() && (w.row_of(first).is_some() || s >= first) {
            return s;
        }
        s += 1;
    }
    s
}

/// A marker line `↑ N more` or `↓ N more`, right-aligned in `cols`.
pub fn more_line(theme: Theme, lang: Lang, up: bool, n: usize, cols: usize) -> Line<'static> {
    marker_line(theme, &theme.glyphs.more(lang, up, n), cols)
}

/// A marker line with this text, right-aligned in `cols`.
pub fn marker_line(theme: Theme, text: &str, cols: usize) -> Line<'static> {
    let text = format!(" {} ", truncate(text, cols.saturating_sub(2)));
    let pad = cols.saturating_sub(width(&text));
    Line::from(vec![
        Span::raw(" ".repeat(pad)),
        Span::styled(text, theme.key()),
    ])
}

/// Draws lines into an area, skipping `scroll` lines; says `↑ N more` / `↓ N more` on rows
/// of their own when the text is cut.
pub fn draw_lines(
    f: &mut Frame,
    area: Rect,
    lines: Vec<Line<'static>>,
    scroll: u16,
    (theme, lang): (Theme, Lang),
) {
    let w = Window::new(lines.len(), area.height as usize, scroll as usize);
    draw_window(f, area, lines, w, (theme, lang), None, None);
}

/// Draws the lines of a window, with its markers (their own texts when given).
pub fn draw_window(
    f: &mut Frame,
    area: Rect,
    lines: Vec<Line<'static>>,
    w: Window,
    (theme, lang): (Theme, Lang),
    up: Option<String>,
    down: Option<String>,
) {
    let cols = area.width as usize;
    let mut out = Vec::with_capacity(area.height as usize);
    if w.above > 0 {
        out.push(match up {
            Some(t) => marker_line(theme, &t, cols),
            None => more_line(theme, lang, true, w.above, cols),
        });
    }
    out.extend(lines.into_iter().skip(w.start).take(w.shown));
    if w.below > 0 {
        out.push(match down {
            Some(t) => marker_line(theme, &t, cols),
            None => more_line(theme, lang, false, w.below, cols),
        });
    }
    f.render_widget(Paragraph::new(out), area);
}

/// Cuts a list to `rows` rows; when it does not fit, the last row says how many items are
/// left out (`+3 more · b shows all`), so nothing is hidden silently.
pub fn cut_list(
    mut lines: Vec<Line<'static>>,
    rows: usize,
    theme: Theme,
    more: impl Fn(usize) -> String,
) -> Vec<Line<'static>> {
    if lines.len() <= rows || rows == 0 {
        lines.truncate(rows);
        return lines;
    }
    let hidden = lines.len() - (rows - 1);
    lines.truncate(rows - 1);
    lines.push(Line::from(Span::styled(more(hidden), theme.key())));
    lines
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
pub fn value_unit(lang: crate::i18n::Lang, v: f64, unit: &str) -> String {
    let u = truncate(unit, 8);
    let n = crate::i18n::format::number(lang, v);
    if u.is_empty() || u == "%" {
        format!("{n}{u}")
    } else {
        format!("{n} {u}")
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

/// A moment of scenario time as lists show it: day and clock time (`Sun 08:00`), or the
/// offset from the start (`T+11:00`) when the facilitator asked for offsets (`t`).
pub fn when(lang: crate::i18n::Lang, sc: &Scenario, at: Secs, offsets: bool) -> String {
    if offsets {
        crate::scenario::time::format_offset(at)
    } else {
        sc.clock.day_time_in(lang, at)
    }
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

/// The hints kept at the right of every status bar, whatever the width.
pub const PINNED: [(&str, &str); 2] = [("?", "hint-keys"), ("q", "hint-quit")];

fn hint_spans(theme: Theme, items: &[(&str, &str)], cols: usize) -> (Vec<Span<'static>>, usize) {
    let mut spans = Vec::new();
    let mut used = 0;
    for (k, what) in items {
        let sep = if spans.is_empty() { 0 } else { 3 };
        let need = width(k) + 1 + width(what) + sep;
        if used + need > cols {
            break;
        }
        if sep > 0 {
            spans.push(Span::styled(" · ", theme.dim()));
        }
        spans.push(Span::styled(k.to_string(), theme.key()));
        spans.push(Span::raw(format!(" {what}")));
        used += need;
    }
    (spans, used)
}

/// Key hints: `key what · key what`, cut to the width (whole hints only).
pub fn hints(theme: Theme, items: &[(&str, &str)], cols: usize) -> Line<'static> {
    let (mut spans, _) = hint_spans(theme, items, cols.saturating_sub(1));
    spans.insert(0, Span::raw(" "));
    Line::from(spans)
}

/// Whether a hint is one of the pinned ones (help, quit), which the status bar adds itself.
fn pinned(key: &str) -> bool {
    key.starts_with('?') || key.starts_with('q')
}

/// The status bar: the current notice or the screen's key hints on the left, and always
/// `? keys · q quit` on the right.
pub fn status_bar(f: &mut Frame, area: Rect, app: &App, items: &[(&str, &str)]) {
    let theme = app.theme;
    let cols = area.width as usize;
    // The presenter view reaches the room: no key hints, no facilitator messages (only
    // what went wrong, and, in `downtime present`, what it follows, for whoever runs it).
    if app.presenter {
        let own = app.play().is_some_and(|p| p.link.read_only());
        let line = match &app.notice {
            Some(n) if n.error => Line::from(vec![
                Span::styled(" ✗ ", theme.bad()),
                Span::styled(truncate(&n.text, cols.saturating_sub(4)), theme.bad()),
            ]),
            Some(n) if own => Line::from(Span::styled(
                format!(" {}", truncate(&n.text, cols.saturating_sub(2))),
                theme.dim(),
            )),
            _ => Line::default(),
        };
        f.render_widget(Paragraph::new(line), area);
        return;
    }
    // Hints name catalogue keys (the key tables) or are already words; `what` keeps words.
    let lang = app.lang();
    let named = |(k, w): &(&str, &str)| (super::super::keys::name(lang, k), what(lang, w));
    let pins: Vec<(String, String)> = PINNED.iter().map(named).collect();
    let pins: Vec<(&str, &str)> = pins.iter().map(|(k, w)| (k.as_str(), w.as_str())).collect();
    let items: Vec<(String, String)> = items.iter().map(named).collect();
    let items: Vec<(&str, &str)> = items
        .iter()
        .map(|(k, w)| (k.as_str(), w.as_str()))
        .collect();
    let items = &items[..];
    let (right, rw) = hint_spans(theme, &pins, cols);
    let room = cols.saturating_sub(rw + 2);
    let left = match &app.notice {
        Some(n) if n.error => vec![
            Span::styled(" ✗ ", theme.bad()),
            Span::styled(truncate(&n.text, room.saturating_sub(4)), theme.bad()),
        ],
        Some(n) if n.warn => vec![
            Span::raw(" "),
            Span::styled(truncate(&n.text, room.saturating_sub(2)), theme.warn()),
        ],
        Some(n) => vec![
            Span::styled(" ✓ ", theme.good()),
            Span::raw(truncate(&n.text, room.saturating_sub(4))),
        ],
        None => {
            let rest: Vec<(&str, &str)> =
                items.iter().copied().filter(|(k, _)| !pinned(k)).collect();
            let (mut spans, _) = hint_spans(theme, &rest, room.saturating_sub(1));
            spans.insert(0, Span::raw(" "));
            spans
        }
    };
    let mut right = right;
    right.push(Span::raw(" "));
    f.render_widget(
        Paragraph::new(super::exercise::left_right(left, right, cols)),
        area,
    );
}

/// The message shown instead of the console when the terminal is too small.
pub fn too_small(f: &mut Frame, area: Rect, theme: Theme, lang: crate::i18n::Lang) {
    let (w, h) = super::super::app::MIN_SIZE;
    let lines = vec![
        Line::from(Span::styled(
            crate::tr!(lang, "too-small-title"),
            theme.strong(),
        )),
        Line::from(crate::tr!(
            lang,
            "too-small-size",
            min = format!("{w}×{h}"),
            size = format!("{}×{}", area.width, area.height)
        )),
        Line::from(crate::tr!(lang, "too-small-waits")),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_window_gives_its_markers_rows_of_their_own() {
        // Everything fits: no marker.
        let w = Window::new(5, 5, 3);
        assert_eq!((w.start, w.shown, w.above, w.below), (0, 5, 0, 0));
        // Cut at the bottom: 4 lines and a marker.
        let w = Window::new(10, 5, 0);
        assert_eq!((w.start, w.shown, w.above, w.below), (0, 4, 0, 6));
        assert_eq!(w.row_of(3), Some(3));
        assert_eq!(w.row_of(4), None);
        // In the middle: a marker on each side.
        let w = Window::new(10, 5, 3);
        assert_eq!((w.start, w.shown, w.above, w.below), (3, 3, 3, 4));
        assert_eq!(w.line_at(0), None);
        assert_eq!(w.line_at(1), Some(3));
        // At the end: a marker on top, the last lines.
        let w = Window::new(10, 5, 99);
        assert_eq!((w.start, w.shown, w.above, w.below), (6, 4, 6, 0));
        assert_eq!(w.row_of(9), Some(4));
        // Too small for markers: lines only.
        let w = Window::new(10, 2, 1);
        assert_eq!((w.start, w.shown), (1, 2));
    }

    #[test]
    fn scrolling_to_a_line_shows_it() {
        for total in [1, 5, 12, 40] {
            for h in [3, 4, 7] {
                for line in 0..total {
                    let s = scroll_to_show(total, h, line, line);
                    assert!(
                        Window::new(total, h, s).row_of(line).is_some(),
                        "line {line} of {total} in {h} rows"
                    );
                }
            }
        }
    }

    #[test]
    fn a_cut_list_says_how_many_items_it_left_out() {
        let lines: Vec<Line<'static>> = (0..6).map(|k| Line::from(format!("item {k}"))).collect();
        let cut = cut_list(lines.clone(), 4, Theme::plain(), |n| format!("+{n} more"));
        assert_eq!(cut.len(), 4);
        assert_eq!(cut[3].to_string(), "+3 more");
        assert_eq!(
            cut_list(lines, 6, Theme::plain(), |n| format!("{n}")).len(),
            6
        );
    }
}
