//! The board, full-screen (`b`): every metric, system, service and deadline, and for the
//! facilitator what is coming up, for when the exercise screen has to cut its lists.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Clear;

use super::super::app::{App, Play};
use super::super::wrap::{fit, right, truncate, width};
use super::common::{band_mark, draw_lines, para, section, top_line, value_unit, when};
use super::exercise::{board_lines, deadline_line, deadline_rows};
use crate::tr;

/// The board's lines at `cols` columns.
pub fn lines(app: &App, play: &Play, cols: usize) -> Vec<Line<'static>> {
    let t = app.theme;
    let ex = play.ex();
    let sc = ex.scenario();
    let st = ex.state();
    let lang = app.lang();
    let mut out = Vec::new();
    let heading = |out: &mut Vec<Line<'static>>, s: String| {
        if !out.is_empty() {
            out.push(Line::default());
        }
        out.push(Line::from(Span::styled(format!(" {s}"), t.strong())));
    };
    if !sc.metrics.is_empty() {
        heading(&mut out, tr!(lang, "board-metrics", n = sc.metrics.len()));
        let label_w = sc
            .metrics
            .iter()
            .map(|m| width(&m.label))
            .max()
            .unwrap_or(6)
            .clamp(6, 30)
            .min(cols / 2);
        for (k, m) in sc.metrics.iter().enumerate() {
            let v = st.metrics[k];
            let band = band_mark(m, v);
            let style = match &band {
                Some((_, true)) => t.bad(),
                Some(_) => t.warn(),
                None => t.dim(),
            };
            out.push(Line::from(vec![
                Span::raw(format!("   {} ", fit(&m.label, label_w))),
                Span::styled(right(&value_unit(lang, v, &m.unit), 10), t.strong()),
                Span::styled(
                    format!("  {}", band.map(|b| b.0).unwrap_or_default()),
                    style,
                ),
            ]));
        }
    }
    if !sc.systems.is_empty() || !sc.services.is_empty() {
        heading(
            &mut out,
            tr!(
                lang,
                "board-systems",
                systems = sc.systems.len(),
                services = sc.services.len()
            ),
        );
        for l in board_lines(app, play, cols.saturating_sub(2).min(58)) {
            let mut spans = vec![Span::raw("  ")];
            spans.extend(l.spans);
            out.push(Line::from(spans));
        }
    }
    if !sc.deadlines.is_empty() {
        let rows = deadline_rows(play);
        heading(&mut out, tr!(lang, "board-deadlines", n = rows.len()));
        for r in &rows {
            let mut spans = vec![Span::raw("  ")];
            spans.extend(deadline_line(app, play, *r, cols.saturating_sub(2).min(72)).spans);
            out.push(Line::from(spans));
        }
        let waiting = sc.deadlines.len() - rows.len();
        if waiting > 0 {
            let text = if app.presenter {
                tr!(lang, "board-not-started", n = waiting)
            } else {
                tr!(lang, "board-not-started-why", n = waiting)
            };
            out.extend(para(&text, cols, t.dim(), "   "));
        }
    }
    if !app.presenter {
        let up = ex.upcoming();
        heading(&mut out, tr!(lang, "board-coming-up", n = up.len()));
        if up.is_empty() {
            out.extend(para(
                &tr!(lang, "board-nothing-scheduled"),
                cols,
                t.dim(),
                "   ",
            ));
        }
        for (at, i) in up {
            let pre = format!("   {}  ", when(lang, sc, at, play.ui.offsets));
            let room = cols.saturating_sub(width(&pre));
            out.push(Line::from(vec![
                Span::styled(pre, t.private()),
                Span::styled(truncate(&sc.injects[i as usize].title, room), t.private()),
            ]));
        }
    }
    out
}

/// Draws the board over the whole screen but the status bar.
pub fn draw(f: &mut Frame, app: &App, area: Rect, scroll: u16) {
    let Some(play) = app.play() else {
        return;
    };
    let t = app.theme;
    let r = Rect::new(area.x, area.y, area.width, area.height.saturating_sub(1));
    f.render_widget(Clear, r);
    f.render_widget(
        section(
            &truncate(
                &tr!(app.lang(), "board-title"),
                r.width.saturating_sub(4) as usize,
            ),
            t,
            true,
        ),
        top_line(r),
    );
    let body = Rect::new(r.x, r.y + 1, r.width, r.height.saturating_sub(1));
    let lines = lines(app, play, body.width as usize);
    draw_lines(f, body, lines, scroll, (t, app.lang()));
}
