//! The facilitator's curveball picker (the pool first, a filter, a preview of the
//! highlighted inject) and the cast overlay (every character, with notes and secrets).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::i18n::{Lang, terms};
use crate::scenario::Scenario;
use crate::scenario::compiled::{Inject, Trigger};
use crate::scenario::time;
use crate::tr;

use super::super::app::App;
use super::super::curveball::CurveballPicker;
use super::super::theme::Theme;
use super::super::wrap::{fit, width};
use super::common::{draw_lines, para};
use super::overlay::frame_box;

/// Rows of the highlighted inject's preview, its blank line above included.
const PREVIEW_ROWS: usize = 6;

/// Draws the curveball picker.
pub fn curveball(f: &mut Frame, app: &App, area: Rect, picker: &CurveballPicker) {
    let t = app.theme;
    let Some(play) = app.play() else {
        return;
    };
    let sc = play.ex().scenario();
    let lang = app.lang();
    let w = area.width.saturating_sub(6).min(100);
    let h = area.height.saturating_sub(2);
    let iw = w.saturating_sub(4) as usize;
    let visible = picker.visible(&sc.injects);
    let rows = (h as usize).saturating_sub(2 + 1 + PREVIEW_ROWS + 2).max(1);
    let mut lines = vec![filter_line((t, lang), &picker.filter)];
    lines.extend(list(
        (t, lang),
        sc,
        &visible,
        (picker.selected, picker.pool > 0),
        rows,
        iw,
    ));
    if let Some(&(i, _)) = visible.get(picker.selected) {
        lines.push(Line::default());
        lines.extend(preview((t, lang), sc, &sc.injects[usize::from(i)], iw));
    }
    lines.push(Line::default());
    lines.extend(para(&tr!(lang, "curveball-hint"), iw, t.dim(), ""));
    let title = if picker.pool > 0 {
        tr!(lang, "curveball-title-pool")
    } else {
        tr!(lang, "curveball-title")
    };
    let inner = frame_box(f, app, area, &title, w, (lines.len() as u16 + 2).min(h));
    f.render_widget(Paragraph::new(lines), inner);
}

fn filter_line((t, lang): (Theme, Lang), filter: &str) -> Line<'static> {
    if filter.is_empty() {
        Line::from(Span::styled(
            format!(" {}", tr!(lang, "curveball-type-to-narrow")),
            t.dim(),
        ))
    } else {
        Line::from(vec![
            Span::styled(format!(" {}", tr!(lang, "curveball-filter")), t.dim()),
            Span::styled(
                format!("{}▏", crate::text::sanitize_line(filter)),
                t.strong(),
            ),
        ])
    }
}

/// The narrowed list, scrolled to keep the highlight; with a pool, the pool and the other
/// injects each under a heading.
fn list(
    (t, lang): (Theme, Lang),
    sc: &Scenario,
    visible: &[(u16, bool)],
    (selected, headings): (usize, bool),
    rows: usize,
    iw: usize,
) -> Vec<Line<'static>> {
    if visible.is_empty() {
        return vec![Line::from(Span::styled(
            format!(" {}", tr!(lang, "curveball-no-match")),
            t.dim(),
        ))];
    }
    let rows = rows.saturating_sub(2).max(1);
    let off = selected.saturating_sub(rows - 1);
    let mut lines = Vec::new();
    let mut part = None;
    for (k, &(i, pool)) in visible.iter().enumerate().skip(off).take(rows) {
        if headings && part != Some(pool) {
            part = Some(pool);
            let head = if pool {
                tr!(lang, "curveball-pool")
            } else {
                tr!(lang, "curveball-others")
            };
            lines.push(Line::from(Span::styled(format!(" {head}"), t.title())));
        }
        let indent = if headings { "   " } else { " " };
        lines.push(row(
            (t, lang),
            sc,
            &sc.injects[usize::from(i)],
            (k == selected, indent),
            iw,
        ));
    }
    let rest = visible.len().saturating_sub(off + rows);
    if off > 0 || rest > 0 {
        lines.push(Line::from(Span::styled(
            format!(
                " {}",
                tr!(
                    lang,
                    "curveball-scrolled",
                    n = visible.len(),
                    above = off,
                    below = rest
                )
            ),
            t.key(),
        )));
    }
    lines
}

fn row(
    (t, lang): (Theme, Lang),
    sc: &Scenario,
    inj: &Inject,
    (selected, indent): (bool, &str),
    iw: usize,
) -> Line<'static> {
    let hint = if inj.curveball {
        markers(lang, inj).join(" · ")
    } else {
        trigger_text(lang, &inj.trigger, sc)
    };
    let prefix = format!("{indent}{} ", inj.severity.symbol());
    let tw = iw.saturating_sub(width(&prefix) + width(&hint) + 3);
    let mut spans = vec![
        Span::styled(prefix, t.severity(inj.severity)),
        Span::raw(fit(&inj.title, tw)),
        Span::styled(format!("  {hint}"), t.dim()),
    ];
    if selected {
        for s in &mut spans {
            s.style = s.style.add_modifier(Modifier::REVERSED);
        }
    }
    Line::from(spans)
}

/// The pool's markers of an inject: `↻ repeats`, `hidden`.
fn markers(lang: Lang, inj: &Inject) -> Vec<String> {
    let mut m = Vec::new();
    if inj.repeat {
        m.push(tr!(lang, "curveball-repeats"));
    }
    if inj.hidden {
        m.push(tr!(lang, "curveball-hidden"));
    }
    m
}

/// Title, sender and addressees, markers, and the first lines of the body.
fn preview((t, lang): (Theme, Lang), sc: &Scenario, inj: &Inject, iw: usize) -> Vec<Line<'static>> {
    let mut lines = vec![Line::from(Span::styled(
        format!(" {}", fit(&inj.title, iw.saturating_sub(1))),
        t.strong(),
    ))];
    let mut meta = terms::channel(lang, inj.channel);
    if !inj.sender.is_empty() {
        meta.push_str(" · ");
        meta.push_str(&tr!(lang, "curveball-from", sender = &inj.sender));
    }
    let to = if inj.hidden {
        tr!(lang, "curveball-no-team")
    } else if inj.teams.is_empty() {
        tr!(lang, "log-to-all")
    } else {
        let names: Vec<String> = inj
            .teams
            .iter()
            .map(|&k| sc.teams[usize::from(k)].name.clone())
            .collect();
        crate::i18n::format::list(lang, &names)
    };
    meta.push_str(" · ");
    meta.push_str(&tr!(lang, "curveball-to", to = to));
    for m in markers(lang, inj) {
        meta.push_str(" · ");
        meta.push_str(&m);
    }
    lines.push(Line::from(Span::styled(
        format!(" {}", fit(&meta, iw.saturating_sub(1))),
        t.dim(),
    )));
    let text = if inj.body.is_empty() {
        &inj.notes
    } else {
        &inj.body
    };
    let body: Vec<Line<'static>> = text
        .lines()
        .flat_map(|l| para(l, iw, t.text(), " "))
        .take(PREVIEW_ROWS - 3)
        .collect();
    lines.extend(body);
    lines
}

/// How an inject that is not a curveball fires by itself, for the picker's hint.
pub fn trigger_text(lang: Lang, trigger: &Trigger, sc: &Scenario) -> String {
    match trigger {
        Trigger::Manual => tr!(lang, "trigger-manual"),
        Trigger::At(t) => tr!(lang, "trigger-at", at = time::format_offset(*t)),
        Trigger::AfterInject(i) => tr!(
            lang,
            "trigger-after-inject",
            title = &sc.injects[*i as usize].title
        ),
        Trigger::AfterOption(d, o) => tr!(
            lang,
            "trigger-after-option",
            label = &sc.decisions[*d as usize].options[*o as usize].label
        ),
        Trigger::When(_) => tr!(lang, "trigger-when"),
    }
}

/// Draws the cast: each character's name, role and organisation, notes and secrets.
pub fn cast(f: &mut Frame, app: &App, area: Rect, scroll: u16) {
    let t = app.theme;
    let Some(play) = app.play() else {
        return;
    };
    let sc = play.ex().scenario();
    let lang = app.lang();
    let w = area.width.saturating_sub(6).min(100);
    let h = area.height.saturating_sub(2);
    let iw = w.saturating_sub(4) as usize;
    let mut lines = Vec::new();
    for c in &sc.cast {
        lines.push(Line::from(Span::styled(
            format!(" {}", fit(&c.signature(), iw.saturating_sub(1))),
            t.strong(),
        )));
        if !c.notes.is_empty() {
            lines.extend(para(&c.notes, iw, t.text(), "   "));
        }
        for s in &c.secrets {
            lines.extend(para(
                &tr!(lang, "cast-secret", secret = s),
                iw,
                t.warn(),
                "   ",
            ));
        }
        let sends: Vec<&str> = sc
            .injects
            .iter()
            .filter(|i| i.from.is_some_and(|k| sc.cast[usize::from(k)].id == c.id))
            .map(|i| i.title.as_str())
            .collect();
        if !sends.is_empty() {
            lines.extend(para(
                &tr!(lang, "cast-sends", titles = sends.join(" · ")),
                iw,
                t.dim(),
                "   ",
            ));
        }
        lines.push(Line::default());
    }
    lines.extend(para(&tr!(lang, "cast-hint"), iw, t.dim(), ""));
    let inner = frame_box(
        f,
        app,
        area,
        &tr!(lang, "cast-title"),
        w,
        (lines.len() as u16 + 2).min(h),
    );
    draw_lines(f, inner, lines, scroll, (t, app.lang()));
}
