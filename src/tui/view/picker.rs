//! The scenario picker.

use crate::i18n::Lang;
use crate::tr;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::super::app::App;
use super::super::keys::PICKER_KEYS;
use super::super::picker::Picker;
use super::super::wrap::{fit, truncate};
use super::common::{centered, draw_lines, para, section, status_bar, top_line};

/// Draws the picker.
pub fn draw(f: &mut Frame, app: &App, p: &Picker, area: Rect) {
    let t = app.theme;
    let lang = app.lang();
    let [head, body, status] = Layout::vertical([
        Constraint::Length(3),
        Constraint::Fill(1),
        Constraint::Length(1),
    ])
    .areas(area);
    let mut head_lines = vec![Line::from(Span::styled(" Downtime", t.title()))];
    head_lines.extend(para(
        &tr!(lang, "picker-tagline"),
        area.width as usize,
        t.dim(),
        " ",
    ));
    f.render_widget(Paragraph::new(head_lines), head);
    status_bar(f, status, app, PICKER_KEYS);
    let w = body.width.min(110);
    let r = centered(body, w, body.height);
    let [list, info] = Layout::vertical([Constraint::Fill(3), Constraint::Fill(2)]).areas(r);
    f.render_widget(
        section(&tr!(lang, "picker-scenarios"), t, true),
        top_line(list),
    );
    let inner = Rect::new(
        list.x,
        list.y + 1,
        list.width,
        list.height.saturating_sub(1),
    );
    let cols = inner.width as usize;
    let per = 2usize;
    let visible = (inner.height as usize / per).max(1);
    let off = p.selected.saturating_sub(visible - 1);
    let mut lines = Vec::new();
    if p.entries.is_empty() {
        lines.push(Line::from(format!(" {}", tr!(lang, "picker-none"))));
    }
    for (k, e) in p.entries.iter().enumerate().skip(off) {
        let sel = k == p.selected;
        let mut origin = if e.source.starts_with("bundled:") {
            tr!(lang, "picker-bundled")
        } else {
            truncate(&e.source, 40)
        };
        if e.languages.len() > 1 {
            origin = format!("{} · {origin}", e.language());
        }
        let mark = if e.scenario.is_some() { " " } else { "✗" };
        let title_w = cols.saturating_sub(4 + 2 + crate::tui::wrap::width(&origin) + 1);
        let mut spans = vec![
            Span::raw(format!(" {mark}{} ", if sel { "▸" } else { " " })),
            Span::styled(fit(&e.title, title_w), t.strong()),
            Span::styled(format!("  {origin} "), t.dim()),
        ];
        if sel {
            for s in &mut spans {
                s.style = s.style.add_modifier(ratatui::style::Modifier::REVERSED);
            }
        }
        lines.push(Line::from(spans));
        lines.push(Line::from(Span::styled(
            format!("     {}", truncate(&e.facts, cols.saturating_sub(5))),
            if e.scenario.is_some() {
                t.dim()
            } else {
                t.bad()
            },
        )));
    }
    f.render_widget(Paragraph::new(lines), inner);
    if let Some(e) = p.entries.get(p.selected) {
        f.render_widget(
            section(&tr!(lang, "picker-about-title"), t, false),
            top_line(info),
        );
        let ib = Rect::new(
            info.x,
            info.y + 1,
            info.width,
            info.height.saturating_sub(1),
        );
        let mut l = Vec::new();
        if e.scenario.is_some() {
            l.extend(para(&e.summary, ib.width as usize, t.text(), " "));
            if e.languages.len() > 1 {
                let names: Vec<String> = e
                    .languages
                    .iter()
                    .map(|tag| {
                        let name = Lang::from_tag(tag).map_or(tag.as_str(), |l| l.native_name());
                        if crate::scenario::translation::same_language(tag, e.language()) {
                            format!("[{name}]")
                        } else {
                            name.to_string()
                        }
                    })
                    .collect();
                l.push(Line::default());
                l.extend(para(
                    &tr!(lang, "picker-languages", names = names.join(" · ")),
                    ib.width as usize,
                    t.dim(),
                    " ",
                ));
            }
        } else {
            l.extend(para(
                &tr!(lang, "picker-broken"),
                ib.width as usize,
                t.bad(),
                " ",
            ));
        }
        draw_lines(f, ib, l, 0, (t, app.lang()));
    }
}
