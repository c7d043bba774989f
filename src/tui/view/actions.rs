//! The action menu's window: each action with its team, what it costs in uses and time,
//! and whether it can be taken now.

use crate::tr;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::engine::{Exercise, OptionStatus};

use super::super::app::App;
use super::super::wrap::{fit, width};

/// Draws the menu over `area`; `frame` draws the box and returns its inside.
pub fn draw(
    f: &mut Frame,
    app: &App,
    ex: &Exercise,
    area: Rect,
    rows: &[(u16, Option<u16>)],
    selected: usize,
    frame: impl FnOnce(&mut Frame, u16, u16) -> Rect,
) {
    let t = app.theme;
    let lang = app.lang();
    let sc = ex.scenario();
    let w = area.width.saturating_sub(4).min(100);
    let h = area.height.saturating_sub(2);
    let inner_h = h.saturating_sub(5) as usize;
    let iw = w.saturating_sub(4) as usize;
    let off = selected.saturating_sub(inner_h.saturating_sub(1));
    let mut lines = Vec::new();
    for (k, &(a, team)) in rows.iter().enumerate().skip(off).take(inner_h) {
        let act = &sc.actions[a as usize];
        let status = ex.action_status(a, team);
        let who = team.map_or_else(
            || tr!(lang, "actions-any-team"),
            |t| sc.teams[t as usize].name.clone(),
        );
        let uses = ex.action_uses(a);
        let mut facts = vec![who];
        if uses > 0 {
            facts.push(tr!(lang, "actions-taken", n = uses));
        }
        if let Some(m) = act.max_uses {
            facts.push(tr!(lang, "actions-max", n = m));
        }
        if act.cooldown > 0 {
            let every = crate::i18n::format::duration(lang, act.cooldown);
            facts.push(tr!(lang, "actions-every", every = every));
        }
        let hint = facts.join(" · ");
        let (mark, style) = match &status {
            OptionStatus::Available => ("▶", t.key()),
            OptionStatus::Unavailable(_) => ("·", t.dim()),
        };
        let lw = iw.saturating_sub(width(&hint) + 5);
        let mut spans = vec![
            Span::styled(format!(" {mark} "), style),
            Span::styled(fit(&act.label, lw), style),
            Span::styled(format!("  {hint}"), t.dim()),
        ];
        if k == selected {
            for s in &mut spans {
                s.style = s.style.add_modifier(Modifier::REVERSED);
            }
        }
        lines.push(Line::from(spans));
    }
    let shown = lines.len();
    let rest = rows.len().saturating_sub(off + shown);
    if off > 0 || rest > 0 {
        lines.push(Line::from(Span::styled(
            format!(
                " {}",
                tr!(
                    lang,
                    "actions-scrolled",
                    shown = shown,
                    n = rows.len(),
                    above = off,
                    below = rest
                )
            ),
            t.key(),
        )));
    }
    // The highlighted action: what it is, or why it cannot be taken now.
    lines.push(Line::default());
    if let Some(&(a, team)) = rows.get(selected) {
        let act = &sc.actions[a as usize];
        let line = match ex.action_status(a, team) {
            OptionStatus::Available if act.description.is_empty() => {
                Span::styled(tr!(lang, "actions-can-take"), t.dim())
            }
            OptionStatus::Available => Span::raw(fit(&act.description, iw)),
            OptionStatus::Unavailable(why) => Span::styled(
                fit(
                    &tr!(
                        lang,
                        "actions-not-now",
                        why = crate::i18n::refusal::unavailable(lang, &why)
                    ),
                    iw,
                ),
                t.dim(),
            ),
        };
        lines.push(Line::from(line));
    }
    lines.push(Line::from(Span::styled(tr!(lang, "actions-hint"), t.dim())));
    let inner = frame(f, w, (lines.len() as u16 + 2).min(h));
    f.render_widget(Paragraph::new(lines), inner);
}
