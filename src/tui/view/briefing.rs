//! The briefing: the scenario's text on one side, the form (parameters, who is in the room,
//! start) on the other.

use crate::i18n::{format, terms};
use crate::tr;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::scenario::model::ParamKind;

use super::super::app::App;
use super::super::briefing::{BriefFocus, Briefing, Field};
use super::super::keys::{BRIEFING_KEYS, PLAY_KEYS};
use super::super::wrap::{fit, truncate, width};
use super::common::{draw_lines, hang, para, section, status_bar, top_line};

/// The scenario's text: summary, setting, objectives, teams, how to play, the keys.
pub fn info_lines(app: &App, b: &Briefing, cols: usize) -> Vec<Line<'static>> {
    let t = app.theme;
    let sc = &b.scenario;
    let m = &sc.meta;
    let lang = app.lang();
    let mut lines = Vec::new();
    let heading = |lines: &mut Vec<Line<'static>>, s: &str| {
        lines.push(Line::default());
        lines.push(Line::from(Span::styled(format!(" {s}"), t.strong())));
    };
    lines.extend(para(&m.summary, cols, t.text(), " "));
    if !m.setting.is_empty() {
        heading(&mut lines, &tr!(lang, "brief-setting"));
        lines.extend(para(&m.setting, cols, t.text(), " "));
    }
    let mut facts = tr!(
        lang,
        "brief-starts",
        start = sc.clock.full_in(lang, 0),
        end = format::duration(lang, sc.clock.end)
    );
    if let Some(d) = m.duration {
        let about = tr!(
            lang,
            "brief-real-time",
            duration = format::duration(lang, d)
        );
        facts.push_str(&format!(" · {about}"));
    }
    lines.extend(para(&facts, cols, t.dim(), " "));
    if !m.objectives.is_empty() {
        heading(&mut lines, &tr!(lang, "brief-objectives"));
        for (k, o) in m.objectives.iter().enumerate() {
            lines.extend(hang(&o.text, cols, t.text(), &format!(" {}. ", k + 1)));
        }
    }
    heading(&mut lines, &tr!(lang, "brief-teams"));
    for tm in &sc.teams {
        lines.extend(hang(
            &format!("{} — {}", tm.name, tm.description),
            cols,
            t.text(),
            " • ",
        ));
    }
    if !m.how_to_play.is_empty() {
        heading(&mut lines, &tr!(lang, "brief-how-to-play"));
        lines.extend(para(&m.how_to_play, cols, t.text(), " "));
    }
    heading(&mut lines, &tr!(lang, "brief-keys"));
    let lang = app.lang();
    let table: Vec<(String, &str)> = PLAY_KEYS
        .iter()
        .map(|(k, what)| (crate::tui::keys::name(lang, k), *what))
        .collect();
    let kw = table.iter().map(|(k, _)| width(k)).max().unwrap_or(8);
    for (k, what) in &table {
        let head = format!(" {k}{}  ", " ".repeat(kw - width(k)));
        let what = crate::tui::keys::what(app.lang(), what);
        let mut p = para(&what, cols, t.text(), &" ".repeat(width(&head)));
        if let Some(first) = p.first_mut() {
            let rest: String = first
                .spans
                .iter()
                .map(|s| s.content.to_string())
                .collect::<String>()
                .chars()
                .skip(width(&head))
                .collect();
            *first = Line::from(vec![Span::styled(head, t.key()), Span::raw(rest)]);
        }
        lines.extend(p);
    }
    lines
}

fn field_line(
    app: &App,
    b: &Briefing,
    f: Field,
    cols: usize,
    selected: bool,
) -> Vec<Line<'static>> {
    let t = app.theme;
    let sc = &b.scenario;
    let lang = app.lang();
    let label_w = (cols / 2).clamp(10, 30);
    let editing = selected && b.editing.is_some();
    let value = |s: &str| {
        if editing {
            b.editing.as_ref().map(|i| i.display()).unwrap_or_default()
        } else if s.is_empty() {
            "—".to_string()
        } else {
            s.to_string()
        }
    };
    let (label, val, hint) = match f {
        Field::Param(p) => {
            let param = &sc.params[p];
            let v = match &b.params[p] {
                crate::scenario::compiled::ParamValue::Bool(on) => terms::yes_no(lang, *on),
                other => param.display(other),
            };
            let hint = match &param.kind {
                ParamKind::Bool | ParamKind::Choice(_) => "◂ ▸",
                ParamKind::Number { .. } => "Enter",
            };
            (param.label.clone(), value(&v), hint)
        }
        Field::Organisation => (
            tr!(lang, "brief-organisation"),
            value(&b.organisation),
            "Enter",
        ),
        Field::Facilitator => (
            tr!(lang, "brief-facilitator"),
            value(&b.facilitator),
            "Enter",
        ),
        Field::Members(k) => (
            tr!(lang, "brief-members", team = &sc.teams[k].name),
            value(&b.members[k]),
            "Enter",
        ),
        Field::Start => {
            let style = if selected {
                t.selected().add_modifier(Modifier::BOLD)
            } else {
                t.key()
            };
            return vec![
                Line::default(),
                Line::from(vec![
                    Span::raw("  "),
                    Span::styled(format!(" ▶ {} ", tr!(lang, "brief-start")), style),
                    Span::styled(if selected { "  Enter" } else { "  s" }, t.dim()),
                ]),
            ];
        }
    };
    let mut out = Vec::new();
    if let Field::Param(_) = f {
        // Parameter questions can be long: the question on its own lines, the value below.
        let mut q = para(
            &label,
            cols,
            if selected { t.strong() } else { t.text() },
            "  ",
        );
        if selected && let Some(first) = q.first_mut() {
            let text: String = first.spans.iter().map(|s| s.content.to_string()).collect();
            *first = Line::from(Span::styled(format!("▸ {}", &text[2..]), t.strong()));
        }
        out.extend(q);
        let vs = if selected { t.selected() } else { t.strong() };
        out.push(Line::from(vec![
            Span::raw("    "),
            Span::styled(format!(" {} ", truncate(&val, cols.saturating_sub(12))), vs),
            Span::styled(format!("  {hint}"), t.dim()),
        ]));
        return out;
    }
    let vs = if selected { t.selected() } else { t.text() };
    let vw = cols.saturating_sub(label_w + 4);
    out.push(Line::from(vec![
        Span::styled(
            format!(
                "{} {}",
                if selected { "▸" } else { " " },
                fit(&label, label_w)
            ),
            if selected { t.strong() } else { t.dim() },
        ),
        Span::raw(" "),
        Span::styled(fit(&val, vw), vs),
    ]));
    out
}

/// The briefing's head: the title, the seed, the journal's path and the command that puts
/// the presenter view on the projector, so it can be started before the exercise.
fn head_lines(app: &App, b: &Briefing, cols: usize) -> Vec<Line<'static>> {
    let t = app.theme;
    let sc = &b.scenario;
    let lang = app.lang();
    let mut lines = vec![Line::from(vec![
        Span::styled(format!(" {} · ", tr!(lang, "brief-title")), t.dim()),
        Span::styled(truncate(&sc.meta.title, cols.saturating_sub(14)), t.title()),
    ])];
    let Some(path) = &b.journal else {
        lines.push(Line::from(Span::styled(
            format!(
                " {}",
                tr!(lang, "brief-no-journal", seed = b.seed.to_string())
            ),
            t.dim(),
        )));
        return lines;
    };
    let shown = path.display().to_string();
    let resuming = b.resumed.is_some();
    // One line when it fits; the path is wrapped only between names.
    let seed = b.seed.to_string();
    let prefix = if b.in_data_folder && !resuming {
        tr!(lang, "brief-journal-latest", seed = seed)
    } else if resuming {
        tr!(lang, "brief-journal-resuming", seed = seed)
    } else {
        tr!(lang, "brief-journal", seed = seed)
    };
    let prefix = format!(" {prefix} ");
    let mut p = super::common::path_lines(&prefix, &shown, cols, t.dim());
    p.truncate(3);
    lines.extend(p);
    lines
}

/// Draws the briefing.
pub fn draw(f: &mut Frame, app: &App, b: &Briefing, area: Rect) {
    let t = app.theme;
    let lang = app.lang();
    let head_lines = head_lines(app, b, area.width as usize);
    let [head, body, status] = Layout::vertical([
        Constraint::Length(head_lines.len() as u16 + 1),
        Constraint::Fill(1),
        Constraint::Length(1),
    ])
    .areas(area);
    f.render_widget(Paragraph::new(head_lines), head);
    status_bar(f, status, app, BRIEFING_KEYS);
    let [left, right] = Layout::horizontal([Constraint::Percentage(55), Constraint::Fill(1)])
        .spacing(2)
        .areas(body);
    let li = Rect::new(
        left.x,
        left.y + 1,
        left.width,
        left.height.saturating_sub(1),
    );
    match (&b.hosted, b.focus) {
        (Some(h), BriefFocus::Seats) => {
            f.render_widget(section(&tr!(lang, "brief-seats"), t, true), top_line(left));
            super::seats::draw(f, app, h, li, b.seat, super::seats::Qr::All);
        }
        _ => {
            let title = if b.hosted.is_some() {
                tr!(lang, "brief-scenario-seats")
            } else {
                tr!(lang, "brief-scenario")
            };
            f.render_widget(
                section(&title, t, b.focus == BriefFocus::Info),
                top_line(left),
            );
            draw_lines(
                f,
                li,
                info_lines(app, b, li.width as usize),
                b.scroll,
                (t, app.lang()),
            );
        }
    }
    f.render_widget(
        section(&tr!(lang, "brief-set-up"), t, b.focus == BriefFocus::Form),
        top_line(right),
    );
    let ri = Rect::new(
        right.x,
        right.y + 1,
        right.width,
        right.height.saturating_sub(1),
    );
    let cols = ri.width as usize;
    let mut lines = Vec::new();
    let (mut sel_first, mut sel_last) = (0, 0);
    let fields = b.fields();
    let mut last_kind_param = true;
    let mut start_selected = false;
    for (k, fld) in fields.iter().enumerate() {
        let selected = k == b.field && b.focus == BriefFocus::Form;
        if *fld == Field::Start {
            // Drawn below the form, always in view.
            start_selected = selected;
            continue;
        }
        let is_param = matches!(fld, Field::Param(_));
        if k > 0 && last_kind_param && !is_param {
            lines.push(Line::default());
            lines.extend(para(&tr!(lang, "brief-who"), cols, t.dim(), "  "));
        } else if k == 0 && is_param {
            lines.push(Line::from(Span::styled(
                format!("  {}", tr!(lang, "brief-parameters")),
                t.dim(),
            )));
        }
        last_kind_param = is_param;
        if selected {
            sel_first = lines.len();
        }
        lines.extend(field_line(app, b, *fld, cols, selected));
        if selected {
            sel_last = lines.len().saturating_sub(1);
        }
    }
    let start_h = 2.min(ri.height);
    let form = Rect::new(ri.x, ri.y, ri.width, ri.height - start_h);
    let h = form.height as usize;
    let scroll = if start_selected {
        lines.len()
    } else {
        super::common::scroll_to_show(lines.len(), h, sel_first, sel_last)
    };
    draw_lines(f, form, lines, scroll as u16, (t, app.lang()));
    let start = Rect::new(ri.x, form.bottom(), ri.width, start_h);
    let start_lines = field_line(app, b, Field::Start, cols, start_selected);
    f.render_widget(Paragraph::new(start_lines), start);
}
