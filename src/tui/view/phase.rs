//! The phase break: the ending phase's discussion questions, then the next phase's briefing;
//! the facilitator moves on when the room is ready.

use crate::tr;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::scenario::time;

use super::super::app::{App, Play};
use super::common::{centered, draw_lines, hang, para};

/// Draws the phase break in the body area.
pub fn draw(f: &mut Frame, app: &App, play: &Play, area: Rect, next: u16) {
    let t = app.theme;
    let ex = play.ex();
    let sc = ex.scenario();
    let cur = &sc.phases[ex.state().phase as usize];
    let nxt = &sc.phases[next as usize];
    let w = area.width.min(96);
    let r = centered(area, w, area.height);
    let cols = r.width as usize;
    let pad = if app.presenter { "   " } else { "  " };
    let lang = app.lang();
    let mut lines = vec![Line::default()];
    lines.push(Line::from(Span::styled(
        format!(
            "{pad}{}",
            tr!(
                lang,
                "phase-end-of",
                n = ex.state().phase + 1,
                title = crate::text::sanitize_line(&cur.title)
            )
        ),
        t.title(),
    )));
    lines.push(Line::default());
    if !cur.questions.is_empty() {
        lines.push(Line::from(Span::styled(
            format!("{pad}{}", tr!(lang, "phase-discuss")),
            t.strong(),
        )));
        for (k, q) in cur.questions.iter().enumerate() {
            lines.extend(hang(q, cols, t.text(), &format!("{pad}{}. ", k + 1)));
        }
        lines.push(Line::default());
    }
    if !app.presenter && !cur.notes.is_empty() {
        lines.push(Line::from(Span::styled(
            format!("{pad}{}", tr!(lang, "phase-notes")),
            t.private(),
        )));
        lines.extend(para(&cur.notes, cols, t.private(), &format!("{pad}│ ")));
        lines.push(Line::default());
    }
    lines.push(Line::from(Span::styled(
        format!(
            "{pad}{}",
            tr!(
                lang,
                "phase-next",
                n = next + 1,
                title = crate::text::sanitize_line(&nxt.title)
            )
        ),
        t.title(),
    )));
    lines.extend(para(
        &tr!(
            lang,
            "phase-starts-at",
            offset = time::format_offset(nxt.start),
            at = sc.clock.full_in(lang, nxt.start)
        ),
        cols,
        t.dim(),
        pad,
    ));
    lines.push(Line::default());
    if !nxt.briefing.is_empty() {
        lines.extend(para(&nxt.briefing, cols, t.text(), pad));
        lines.push(Line::default());
    }
    if !app.presenter && !nxt.notes.is_empty() {
        lines.push(Line::from(Span::styled(
            format!("{pad}{}", tr!(lang, "phase-notes")),
            t.private(),
        )));
        lines.extend(para(&nxt.notes, cols, t.private(), &format!("{pad}│ ")));
        lines.push(Line::default());
    }
    if !app.presenter {
        // Facilitator only: the session plan for the phase that ends, and the key.
        let plan = super::super::plan::phases(ex, app.real);
        if let Some(p) = plan.get(ex.state().phase as usize) {
            lines.extend(para(
                &tr!(
                    lang,
                    "phase-plan-line",
                    line = super::super::plan::phase_line(lang, ex, p)
                ),
                cols,
                t.private(),
                pad,
            ));
            lines.push(Line::default());
        }
        lines.extend(para(&tr!(lang, "phase-enter-begins"), cols, t.text(), pad));
    }
    draw_lines(f, r, lines, play.ui.detail_scroll, (t, app.lang()));
}
