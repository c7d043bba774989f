//! Windows over the screen: help, questions, the note and override forms, a broken
//! scenario's diagnostics (the curveball picker and the cast are in `pool`).

use crate::tr;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use crate::engine::Command;

use super::super::app::{App, Confirm, Overlay, OverrideForm, Screen};
use super::super::input::Input;
use super::super::keys;
use super::super::lookahead;
use super::super::wrap::{fit, right, truncate, width};
use super::common::{centered, draw_lines, hang, para, path_lines};

/// Draws an overlay's bordered, titled box of `w` by `h` and returns the area inside.
pub(super) fn frame_box(f: &mut Frame, app: &App, area: Rect, title: &str, w: u16, h: u16) -> Rect {
    let r = centered(area, w, h);
    f.render_widget(Clear, r);
    let block = Block::bordered()
        .border_style(app.theme.border_focus())
        .title(Span::styled(
            format!(" {} ", truncate(title, w.saturating_sub(4) as usize)),
            app.theme.title(),
        ));
    let inner = block.inner(r);
    f.render_widget(block, r);
    Rect::new(
        inner.x + 1,
        inner.y,
        inner.width.saturating_sub(2),
        inner.height,
    )
}

/// Draws the overlay, if any.
pub fn draw(f: &mut Frame, app: &App, area: Rect) {
    let Some(ov) = &app.overlay else {
        return;
    };
    match ov {
        Overlay::Help(scroll) => help(f, app, area, *scroll),
        Overlay::Board(scroll) => super::board::draw(f, app, area, *scroll),
        Overlay::Confirm(c) => confirm(f, app, area, c),
        Overlay::Rewind { entries, selected } => rewind_list(f, app, area, entries, *selected),
        Overlay::Show { items, selected } => show_menu(f, app, area, items, *selected),
        Overlay::Plan(scroll) => plan(f, app, area, *scroll),
        Overlay::Note(input) => note(f, app, area, input),
        Overlay::Seats { selected, qr } => seats(f, app, area, *selected, *qr),
        Overlay::Overrule {
            decision,
            option,
            room,
            reason,
        } => overrule(f, app, area, (*decision, option), room, reason),
        Overlay::Override(form) => override_form(f, app, area, form),
        Overlay::Rate(form) => rate_form(f, app, area, form),
        Overlay::Curveball(picker) => super::pool::curveball(f, app, area, picker),
        Overlay::Cast(scroll) => super::pool::cast(f, app, area, *scroll),
        Overlay::Actions { rows, selected } => {
            if let Screen::Play(p) = &app.screen {
                super::actions::draw(f, app, p.ex(), area, rows, *selected, |f, w, h| {
                    frame_box(f, app, area, &tr!(app.lang(), "actions-title"), w, h)
                });
            }
        }
        Overlay::Problems {
            title,
            text,
            scroll,
        } => {
            let inner = frame_box(
                f,
                app,
                area,
                &tr!(app.lang(), "problems-title", file = truncate(title, 50)),
                area.width.saturating_sub(4),
                area.height.saturating_sub(2),
            );
            let mut lines: Vec<Line> = text
                .lines()
                .map(|l| Line::from(truncate(l, inner.width as usize)))
                .collect();
            lines.push(Line::default());
            lines.push(Line::from(Span::styled(
                tr!(app.lang(), "problems-hint"),
                app.theme.dim(),
            )));
            draw_lines(f, inner, lines, *scroll, (app.theme, app.lang()));
        }
    }
}

fn help(f: &mut Frame, app: &App, area: Rect, scroll: u16) {
    let t = app.theme;
    let lang = app.lang();
    let (title, table): (String, &[(&str, &str)]) = match &app.screen {
        Screen::Picker(_) => (tr!(lang, "help-title-picker"), keys::PICKER_KEYS),
        Screen::Briefing(_) => (tr!(lang, "help-title-briefing"), keys::BRIEFING_KEYS),
        Screen::Play(p) if p.link.read_only() => {
            (tr!(lang, "help-title-presenter"), keys::PRESENT_KEYS)
        }
        Screen::Play(p) if p.ex().is_over() => (tr!(lang, "help-title-end"), keys::END_KEYS),
        Screen::Play(_) => (tr!(lang, "help-title-exercise"), keys::PLAY_KEYS),
    };
    let title = title.as_str();
    let w = area.width.saturating_sub(4).min(92);
    let inner_w = w.saturating_sub(4) as usize;
    let table: Vec<(String, &str)> = table
        .iter()
        .map(|(k, what)| (keys::name(lang, k), *what))
        .collect();
    let kw = table.iter().map(|(k, _)| width(k)).max().unwrap_or(6) + 2;
    let mut lines = Vec::new();
    for (k, what) in &table {
        let what = keys::what(lang, what);
        let wrapped = super::super::wrap::wrap(&what, inner_w.saturating_sub(kw).max(10));
        for (j, l) in wrapped.into_iter().enumerate() {
            let head = if j == 0 {
                Span::styled(format!("{k}{}", " ".repeat(kw - width(k))), t.key())
            } else {
                Span::raw(" ".repeat(kw))
            };
            lines.push(Line::from(vec![head, Span::raw(l)]));
        }
    }
    lines.push(Line::default());
    lines.extend(para(&tr!(lang, "help-symbols"), inner_w, t.dim(), ""));
    lines.extend(para(&tr!(lang, "help-mouse"), inner_w, t.dim(), ""));
    if let Some(p) = app.journal_path() {
        lines.extend(para(&tr!(lang, "help-journal-saved"), inner_w, t.dim(), ""));
        lines.extend(path_lines(
            &tr!(lang, "end-journal"),
            &p.display().to_string(),
            inner_w,
            t.dim(),
        ));
    }
    lines.push(Line::from(Span::styled(tr!(lang, "help-closes"), t.dim())));
    let h = (lines.len() as u16 + 2).min(area.height.saturating_sub(1));
    let inner = frame_box(f, app, area, title, w, h);
    draw_lines(f, inner, lines, scroll, (t, app.lang()));
}

fn confirm(f: &mut Frame, app: &App, area: Rect, c: &Confirm) {
    let t = app.theme;
    let lang = app.lang();
    let w = area.width.saturating_sub(8).min(76);
    let ex = app.play().map(|p| p.ex());
    let open = ex
        .map(|ex| lookahead::open_text(lang, ex, ex.pending()))
        .unwrap_or_default();
    let (title, text): (String, String) = match c {
        Confirm::Quit => (
            tr!(lang, "confirm-quit"),
            match app.journal_path() {
                Some(_) => tr!(lang, "confirm-quit-journal"),
                None => tr!(lang, "confirm-quit-no-journal"),
            },
        ),
        Confirm::Undo(ch) => (
            tr!(lang, "confirm-undo"),
            ex.map(|ex| {
                let sep = if lang == crate::i18n::Lang::Zh {
                    ""
                } else {
                    " "
                };
                format!(
                    "{}{sep}{}",
                    undo_head(lang, ex),
                    lookahead::undo_text(lang, ex, ch)
                )
            })
            .unwrap_or_default(),
        ),
        Confirm::Rewind(ch) => (
            match ch.cmd {
                Command::Rewind { entry } => tr!(lang, "confirm-rewind-entry", entry = entry),
                _ => tr!(lang, "confirm-rewind"),
            },
            ex.map(|ex| lookahead::undo_text(lang, ex, ch))
                .unwrap_or_default(),
        ),
        Confirm::Clock(ch) => match ex {
            Some(ex) => lookahead::clock_question(lang, ex, ch),
            None => (tr!(lang, "look-q-go-on"), String::new()),
        },
        Confirm::Ending => (tr!(lang, "confirm-ending"), ending_text(app)),
        Confirm::EndNow => (
            tr!(lang, "confirm-end-now"),
            if open.is_empty() {
                tr!(lang, "confirm-end-now-text")
            } else {
                tr!(lang, "confirm-end-now-open", open = open)
            },
        ),
    };
    let mut lines = para(&text, w.saturating_sub(4) as usize, t.text(), "");
    if *c == Confirm::Quit
        && let Some(p) = app.journal_path()
    {
        lines.extend(path_lines(
            "downtime play --resume ",
            &p.display().to_string(),
            w.saturating_sub(4) as usize,
            t.text(),
        ));
    }
    lines.push(Line::default());
    lines.push(Line::from(vec![
        Span::styled("y", t.key()),
        Span::raw(format!(" {}   ", tr!(lang, "confirm-yes"))),
        Span::styled("n", t.key()),
        Span::raw(" / "),
        Span::styled("Esc", t.key()),
        Span::raw(format!(" {}", tr!(lang, "confirm-no"))),
    ]));
    let h = (lines.len() as u16 + 2).min(area.height);
    let inner = frame_box(f, app, area, &title, w, h);
    f.render_widget(Paragraph::new(lines), inner);
}

/// What the last undoable command was, in words.
fn undo_head(lang: crate::i18n::Lang, ex: &crate::engine::Exercise) -> String {
    match ex.last_undoable() {
        Some(Command::Choose { .. }) => tr!(lang, "undo-choice"),
        Some(Command::Timeout { .. }) => tr!(lang, "undo-timeout"),
        Some(Command::NextPhase) => tr!(lang, "undo-phase-skip"),
        Some(_) => tr!(lang, "undo-clock"),
        None => String::new(),
    }
}

fn ending_text(app: &App) -> String {
    let Some(play) = app.play() else {
        return String::new();
    };
    let ex = play.ex();
    let sc = ex.scenario();
    let ending = ex
        .held_ending()
        .map(|e| crate::text::sanitize_line(&sc.endings[e as usize].title))
        .unwrap_or_default();
    let lang = app.lang();
    tr!(
        lang,
        "confirm-ending-text",
        ending = ending,
        open = lookahead::open_text(lang, ex, ex.pending()),
        n = ex.pending().len()
    )
}

fn rewind_list(f: &mut Frame, app: &App, area: Rect, entries: &[(u64, String)], selected: usize) {
    let t = app.theme;
    let w = area.width.saturating_sub(6).min(90);
    let h = area.height.saturating_sub(2);
    let inner_h = h.saturating_sub(5) as usize;
    let iw = w.saturating_sub(4) as usize;
    let off = selected.saturating_sub(inner_h.saturating_sub(1));
    let mut lines = Vec::new();
    for (k, (n, what)) in entries.iter().enumerate().skip(off).take(inner_h) {
        let head = format!(" #{n:<4} ");
        let mut spans = vec![
            Span::styled(head.clone(), t.dim()),
            Span::raw(fit(what, iw.saturating_sub(width(&head)))),
        ];
        if k == selected {
            for s in &mut spans {
                s.style = s.style.add_modifier(Modifier::REVERSED);
            }
        }
        lines.push(Line::from(spans));
    }
    lines.push(Line::default());
    lines.push(Line::from(Span::styled(
        tr!(app.lang(), "rewind-hint"),
        t.dim(),
    )));
    let inner = frame_box(
        f,
        app,
        area,
        &tr!(app.lang(), "rewind-title"),
        w,
        (lines.len() as u16 + 2).min(h),
    );
    f.render_widget(Paragraph::new(lines), inner);
}

fn show_menu(
    f: &mut Frame,
    app: &App,
    area: Rect,
    items: &[(Option<super::super::app::Pin>, String)],
    selected: usize,
) {
    let t = app.theme;
    let w = area.width.saturating_sub(8).min(80);
    let iw = w.saturating_sub(4) as usize;
    let mut lines = Vec::new();
    if let Some(pin) = app.play().and_then(|p| p.ui.pin) {
        let sc = app.play().map(|p| p.ex().scenario());
        if let Some(sc) = sc {
            lines.extend(para(
                &tr!(
                    app.lang(),
                    "show-now",
                    label = super::super::projector::label(app.lang(), sc, pin)
                ),
                iw,
                t.dim(),
                "",
            ));
            lines.push(Line::default());
        }
    }
    for (k, (_, label)) in items.iter().enumerate() {
        let head = format!(" {} ", k + 1);
        let mut spans = vec![
            Span::styled(head.clone(), t.key()),
            Span::raw(fit(label, iw.saturating_sub(width(&head)))),
        ];
        if k == selected {
            for s in &mut spans {
                s.style = s.style.add_modifier(Modifier::REVERSED);
            }
        }
        lines.push(Line::from(spans));
    }
    lines.push(Line::default());
    lines.extend(para(&tr!(app.lang(), "show-hint"), iw, t.dim(), ""));
    let inner = frame_box(
        f,
        app,
        area,
        &tr!(app.lang(), "show-title"),
        w,
        lines.len() as u16 + 2,
    );
    f.render_widget(Paragraph::new(lines), inner);
}

fn plan(f: &mut Frame, app: &App, area: Rect, scroll: u16) {
    let t = app.theme;
    let Some(play) = app.play() else {
        return;
    };
    let ex = play.ex();
    let sc = ex.scenario();
    let w = area.width.saturating_sub(8).min(86);
    let iw = w.saturating_sub(4) as usize;
    let rows = super::super::plan::phases(ex, app.real);
    let lang = app.lang();
    let mins = |ms| super::super::plan::minutes(lang, ms);
    let title_w = iw.saturating_sub(46).max(10);
    let mut lines = vec![Line::from(Span::styled(
        format!(
            " {} {} {}",
            fit(&tr!(lang, "plan-col-phase"), title_w),
            right(&tr!(lang, "plan-col-planned"), 9),
            right(&tr!(lang, "plan-col-spent"), 9)
        ),
        t.dim(),
    ))];
    let (mut plan_total, mut spent_total, mut all_planned) = (0, 0, true);
    for r in &rows {
        let p = &sc.phases[r.phase as usize];
        let planned = r.planned.map(mins).unwrap_or_else(|| "–".into());
        let spent = if r.started {
            mins(r.spent)
        } else {
            "–".into()
        };
        plan_total += r.planned.unwrap_or(0);
        all_planned &= r.planned.is_some();
        spent_total += r.spent;
        let tail = match (r.current, r.planned) {
            (true, Some(pl)) if r.spent > pl => {
                format!(
                    "  ◀ {}",
                    tr!(lang, "plan-now-over", over = mins(r.spent - pl))
                )
            }
            (true, Some(pl)) => {
                format!(
                    "  ◀ {}",
                    tr!(lang, "plan-now-left", left = mins(pl - r.spent))
                )
            }
            (true, None) => format!("  ◀ {}", tr!(lang, "plan-now")),
            _ => String::new(),
        };
        let over = r.planned.is_some_and(|pl| r.spent > pl);
        lines.push(Line::from(vec![
            Span::raw(format!(
                " {} {} ",
                fit(&format!("{}. {}", r.phase + 1, p.title), title_w),
                right(&planned, 9)
            )),
            Span::styled(right(&spent, 9), if over { t.warn() } else { t.strong() }),
            Span::styled(tail, if over { t.warn() } else { t.dim() }),
        ]));
    }
    lines.push(Line::from(Span::styled(
        format!(
            " {} {} {}",
            fit(&tr!(lang, "plan-total"), title_w),
            right(
                &if all_planned {
                    mins(plan_total)
                } else {
                    "–".into()
                },
                9
            ),
            right(&mins(spent_total), 9)
        ),
        t.strong(),
    )));
    lines.push(Line::default());
    let (n, secs) = super::super::plan::real_limits(ex);
    if n > 0 {
        lines.extend(para(
            &match sc.meta.duration {
                Some(d) => tr!(
                    lang,
                    "plan-limits-of",
                    total = mins(secs.max(0) as u64 * 1000),
                    n = n,
                    session = mins(d.max(0) as u64 * 1000)
                ),
                None => tr!(
                    lang,
                    "plan-limits",
                    total = mins(secs.max(0) as u64 * 1000),
                    n = n
                ),
            },
            iw,
            t.dim(),
            "",
        ));
    }
    if rows.iter().all(|r| r.planned.is_none()) {
        lines.extend(para(&tr!(lang, "plan-no-estimate"), iw, t.dim(), ""));
    }
    lines.extend(para(&tr!(lang, "plan-legend"), iw, t.dim(), ""));
    let h = (lines.len() as u16 + 2).min(area.height.saturating_sub(1));
    let inner = frame_box(f, app, area, &tr!(lang, "plan-title"), w, h);
    draw_lines(f, inner, lines, scroll, (t, app.lang()));
}

fn seats(f: &mut Frame, app: &App, area: Rect, selected: usize, qr: bool) {
    let t = app.theme;
    let Some(h) = app.hosted_link() else {
        return;
    };
    let w = area.width.saturating_sub(4).min(100);
    let h_box = area.height.saturating_sub(2);
    let inner = frame_box(f, app, area, &tr!(app.lang(), "seats-title"), w, h_box);
    if qr {
        // The QR code as large as it comes: nothing else on screen.
        super::seats::draw_one(f, app, h, inner, selected);
        return;
    }
    let iw = inner.width as usize;
    let mut votes = vec![Line::from(Span::styled(
        format!(" {}", tr!(app.lang(), "seats-votes")),
        t.strong(),
    ))];
    votes.extend(super::seats::vote_lines(app, iw));
    votes.push(Line::default());
    votes.extend(para(&tr!(app.lang(), "seats-hint"), iw, t.dim(), " "));
    let vh = (votes.len() as u16).min(inner.height / 2);
    let top = Rect::new(inner.x, inner.y, inner.width, inner.height - vh);
    let bottom = Rect::new(inner.x, top.bottom(), inner.width, vh);
    super::seats::draw(f, app, h, top, selected, super::seats::Qr::None);
    draw_lines(f, bottom, votes, 0, (t, app.lang()));
}

fn overrule(
    f: &mut Frame,
    app: &App,
    area: Rect,
    (d, o): (u16, &[u16]),
    room: &str,
    input: &Input,
) {
    let t = app.theme;
    let Some(play) = app.play() else {
        return;
    };
    let ex = play.ex();
    let w = area.width.saturating_sub(8).min(80);
    let iw = w.saturating_sub(4) as usize;
    let mut lines = para(
        &tr!(
            app.lang(),
            "overrule-question",
            options = lookahead::selection_text(ex, d, o),
            room = room
        ),
        iw,
        t.text(),
        "",
    );
    lines.push(Line::default());
    lines.extend(para(&input.display(), iw, t.strong(), ""));
    lines.push(Line::default());
    lines.push(Line::from(Span::styled(
        tr!(app.lang(), "overrule-hint"),
        t.dim(),
    )));
    let inner = frame_box(
        f,
        app,
        area,
        &tr!(app.lang(), "overrule-title"),
        w,
        lines.len() as u16 + 2,
    );
    f.render_widget(Paragraph::new(lines), inner);
}

fn note(f: &mut Frame, app: &App, area: Rect, input: &Input) {
    let t = app.theme;
    let w = area.width.saturating_sub(8).min(80);
    let iw = w.saturating_sub(4) as usize;
    let mut lines = para(&input.display(), iw, t.strong(), "");
    lines.push(Line::default());
    lines.push(Line::from(Span::styled(
        tr!(app.lang(), "note-hint"),
        t.dim(),
    )));
    let inner = frame_box(
        f,
        app,
        area,
        &tr!(app.lang(), "note-title"),
        w,
        lines.len() as u16 + 2,
    );
    f.render_widget(Paragraph::new(lines), inner);
}

fn rate_form(f: &mut Frame, app: &App, area: Rect, form: &super::super::app::RateForm) {
    let t = app.theme;
    let lang = app.lang();
    let Some(play) = app.play() else {
        return;
    };
    let ex = play.ex();
    let card = ex.score();
    let Some(o) = ex.scenario().meta.objectives.get(form.objective) else {
        return;
    };
    let w = area.width.saturating_sub(8).min(80);
    let iw = w.saturating_sub(4) as usize;
    let n = ex.scenario().meta.objectives.len();
    let mut lines = hang(
        &format!("{} ({}/{n})", o.text, form.objective + 1),
        iw,
        t.strong(),
        "◂ ▸ ",
    );
    if let Some(r) = card.objectives.get(form.objective) {
        lines.extend(para(
            &crate::i18n::terms::objective_summary(lang, r),
            iw,
            t.dim(),
            "    ",
        ));
    }
    lines.push(Line::default());
    let sel = |k: usize| if form.field == k { t.strong() } else { t.dim() };
    let label_w = [tr!(lang, "rate-rating"), tr!(lang, "rate-note")]
        .iter()
        .map(|l| width(l))
        .max()
        .unwrap_or(6)
        + 2;
    lines.push(Line::from(vec![
        Span::styled(
            format!(
                "{} {}",
                if form.field == 0 { "▸" } else { " " },
                fit(&tr!(lang, "rate-rating"), label_w)
            ),
            sel(0),
        ),
        Span::styled(
            match form.rating {
                Some(r) => format!("{} · {}", r.letter(), crate::i18n::terms::rating(lang, r)),
                None => tr!(lang, "rate-type-letter"),
            },
            t.text(),
        ),
    ]));
    let note = if form.field == 1 {
        form.note.display()
    } else {
        form.note.text.clone()
    };
    lines.push(Line::from(vec![
        Span::styled(
            format!(
                "{} {}",
                if form.field == 1 { "▸" } else { " " },
                fit(&tr!(lang, "rate-note"), label_w)
            ),
            sel(1),
        ),
        Span::styled(fit(&note, iw.saturating_sub(label_w + 2)), t.text()),
    ]));
    lines.push(Line::default());
    if let Some(e) = &form.error {
        lines.extend(hang(e, iw, t.bad(), "✗ "));
    }
    lines.extend(para(&tr!(lang, "rate-hint"), iw, t.dim(), ""));
    let inner = frame_box(
        f,
        app,
        area,
        &tr!(lang, "rate-title"),
        w,
        lines.len() as u16 + 2,
    );
    f.render_widget(Paragraph::new(lines), inner);
}

fn override_form(f: &mut Frame, app: &App, area: Rect, form: &OverrideForm) {
    let t = app.theme;
    let Some(play) = app.play() else {
        return;
    };
    let ex = play.ex();
    let m = &ex.scenario().metrics[form.metric];
    let lang = app.lang();
    let w = area.width.saturating_sub(8).min(76);
    let iw = w.saturating_sub(4) as usize;
    let labels = [
        tr!(lang, "override-metric"),
        tr!(lang, "override-value"),
        tr!(lang, "override-reason"),
    ];
    let label_w = labels.iter().map(|l| width(l)).max().unwrap_or(6) + 2;
    let row = |k: usize, label: &str, value: String| {
        let sel = form.field == k;
        Line::from(vec![
            Span::styled(
                format!("{} {}", if sel { "▸" } else { " " }, fit(label, label_w)),
                if sel { t.strong() } else { t.dim() },
            ),
            Span::styled(
                fit(&value, iw.saturating_sub(label_w + 3)),
                if sel {
                    t.text().add_modifier(Modifier::UNDERLINED)
                } else {
                    t.text()
                },
            ),
        ])
    };
    let show = |i: &Input, k: usize| {
        if form.field == k {
            i.display()
        } else {
            i.text.clone()
        }
    };
    let mut lines = vec![
        row(
            0,
            &labels[0],
            tr!(
                lang,
                "override-metric-line",
                label = &m.label,
                now =
                    crate::i18n::format::with_unit(lang, ex.state().metrics[form.metric], &m.unit),
                min = crate::i18n::format::number(lang, m.min),
                max = crate::i18n::format::number(lang, m.max)
            ),
        ),
        row(1, &labels[1], show(&form.value, 1)),
        row(2, &labels[2], show(&form.reason, 2)),
        Line::default(),
    ];
    if let Some(e) = &form.error {
        lines.extend(hang(e, iw, t.bad(), "✗ "));
    }
    lines.extend(para(&tr!(lang, "override-hint"), iw, t.dim(), ""));
    let inner = frame_box(
        f,
        app,
        area,
        &tr!(lang, "override-title"),
        w,
        lines.len() as u16 + 2,
    );
    f.render_widget(Paragraph::new(lines), inner);
}
