//! Views: pure functions of the [`App`] that draw a frame. They never change the model.

pub mod actions;
pub mod board;
pub mod briefing;
pub mod common;
pub mod end;
pub mod exercise;
pub mod large;
pub mod overlay;
pub mod phase;
pub mod picker;
pub mod pool;
pub mod preview;
pub mod seats;

use ratatui::Frame;

use crate::engine::Status;

use super::app::{App, MIN_SIZE, Screen};

/// Draws the whole console.
pub fn draw(f: &mut Frame, app: &App) {
    let area = f.area();
    if area.width < MIN_SIZE.0 || area.height < MIN_SIZE.1 {
        common::too_small(f, area, app.theme, app.lang());
    } else {
        screen(f, app, area);
    }
    // Characters the terminal cannot show become ASCII stand-ins, whoever drew them.
    app.theme.glyphs.fold_buffer(f.buffer_mut());
}

fn screen(f: &mut Frame, app: &App, area: ratatui::layout::Rect) {
    match &app.screen {
        Screen::Picker(p) => picker::draw(f, app, p, area),
        Screen::Briefing(b) => briefing::draw(f, app, b, area),
        Screen::Play(p) => match p.ex().status() {
            Status::Ended { .. } => end::draw(f, app, p, area),
            Status::Briefing => waiting(f, app, p, area),
            Status::Running | Status::AwaitingDecisions if app.presenter && app.large => {
                large::draw(f, app, p, area)
            }
            _ => exercise::draw(f, app, p, area),
        },
    }
    overlay::draw(f, app, area);
}

/// A followed journal whose exercise has not started: the scenario's briefing text.
fn waiting(f: &mut Frame, app: &App, p: &super::app::Play, area: ratatui::layout::Rect) {
    use ratatui::text::{Line, Span};
    let t = app.theme;
    let sc = p.ex().scenario();
    let r = common::centered(area, area.width.min(96), area.height);
    let cols = r.width as usize;
    let mut lines = vec![
        Line::default(),
        Line::from(Span::styled(
            format!("  {}", crate::text::sanitize_line(&sc.meta.title)),
            t.title(),
        )),
        Line::default(),
    ];
    lines.extend(common::para(&sc.meta.summary, cols, t.text(), "  "));
    lines.push(Line::default());
    lines.extend(common::para(&sc.meta.setting, cols, t.text(), "  "));
    if !sc.meta.objectives.is_empty() {
        lines.push(Line::default());
        lines.push(Line::from(Span::styled(
            format!("  {}", crate::tr!(app.lang(), "waiting-objectives")),
            t.strong(),
        )));
        for o in &sc.meta.objectives {
            lines.extend(common::hang(&o.text, cols, t.text(), "  • "));
        }
    }
    lines.push(Line::default());
    lines.extend(common::para(
        &crate::tr!(app.lang(), "waiting-for-start"),
        cols,
        t.dim(),
        "  ",
    ));
    common::draw_lines(f, r, lines, 0, (t, app.lang()));
}
