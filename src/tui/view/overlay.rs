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
use super::super::wrap::{fit, truncate, width};
use super::common::{centered, draw_lines, hang, para, path_lines};

/// Draws an overlay's bordered, titled box of `w` by `h` and returns the area inside.
pub(super) fn frame_box(f: &mut Frame, app: &App, area: Rect, title: &str, w: u16, h: u16) -> Rect {
    let r = centered(area, w, h);
    f.render_widget(Clear, r);
    let block = Block::bordered()
        .border_style(app.theme.border_focus())
        .title(Span::styled(format!(" {title} "), app.theme.title()));
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
                    frame_box(f, app, area, "Actions · a team acts now", w, h)
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
                &format!("Problems in {}", truncate(title, 50)),
                area.width.saturating_sub(4),
                area.height.saturating_sub(2),
            );
            let mut lines: Vec<Line> = text
                .lines()
                .map(|l| Line::from(truncate(l, inner.width as usize)))
                .collect();
            lines.push(Line::default());
            lines.push(Line::from(Span::styled(
                "Esc closes · fix the file and start Downtime again",
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
    let kw = table.iter().map(|(k, _)| width(k)).max().unwrap_or(6) + 2;
    let mut lines = Vec::new();
    for (k, what) in table {
        let what = keys::what(lang, what);
        let wrapped = super::super::wrap::wrap(&what, inner_w.saturating_sub(kw).max(10));
        for (j, l) in wrapped.into_iter().enumerate() {
            let head = if j == 0 {
                Span::styled(format!("{k:<kw$}", kw = kw), t.key())
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
        lines.extend(para(
            "Every command is saved in the journal as it is given:",
            inner_w,
            t.dim(),
            "",
        ));
        lines.extend(path_lines(
            "Journal: ",
            &p.display().to_string(),
            inner_w,
            t.dim(),
        ));
    }
    lines.push(Line::from(Span::styled(
        "Esc or ? closes this help",
        t.dim(),
    )));
    let h = (lines.len() as u16 + 2).min(area.height.saturating_sub(1));
    let inner = frame_box(f, app, area, title, w, h);
    draw_lines(f, inner, lines, scroll, (t, app.lang()));
}

fn confirm(f: &mut Frame, app: &App, area: Rect, c: &Confirm) {
    let t = app.theme;
    let w = area.width.saturating_sub(8).min(76);
    let ex = app.play().map(|p| p.ex());
    let open = ex
        .map(|ex| lookahead::open_text(ex, ex.pending()))
        .unwrap_or_default();
    let (title, text): (String, String) = match c {
        Confirm::Quit => (
            "Quit?".into(),
            match app.journal_path() {
                Some(_) => "The journal keeps everything: resume later with".to_string(),
                None => "This exercise has no journal: it cannot be resumed.".to_string(),
            },
        ),
        Confirm::Undo(ch) => (
            "Undo?".into(),
            ex.map(|ex| format!("{} {}", undo_head(ex), lookahead::undo_text(ex, ch)))
                .unwrap_or_default(),
        ),
        Confirm::Rewind(ch) => (
            match ch.cmd {
                Command::Rewind { entry } => format!("Rewind to before entry {entry}?"),
                _ => "Rewind?".into(),
            },
            ex.map(|ex| lookahead::undo_text(ex, ch))
                .unwrap_or_default(),
        ),
        Confirm::Clock(ch) => match ex {
            Some(ex) => lookahead::clock_question(ex, ch),
            None => ("Go on?".into(), String::new()),
        },
        Confirm::Ending => ("End with decisions still open?".into(), ending_text(app)),
        Confirm::EndNow => (
            "End the exercise now?".into(),
            format!(
                "{}The default ending is used and the debrief opens. Undo can take back the last decision afterwards, not the end.",
                if open.is_empty() {
                    String::new()
                } else {
                    format!("{open} They stay unanswered. ")
                }
            ),
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
        Span::raw(" yes   "),
        Span::styled("n", t.key()),
        Span::raw(" / "),
        Span::styled("Esc", t.key()),
        Span::raw(" no, nothing changes"),
    ]));
    let h = (lines.len() as u16 + 2).min(area.height);
    let inner = frame_box(f, app, area, &title, w, h);
    f.render_widget(Paragraph::new(lines), inner);
}

/// What the last undoable command was, in words.
fn undo_head(ex: &crate::engine::Exercise) -> String {
    match ex.last_undoable() {
        Some(Command::Choose { .. }) => "The last choice is taken back.".into(),
        Some(Command::Timeout { .. }) => "The last timeout is taken back.".into(),
        Some(Command::NextPhase) => "The last phase skip is taken back.".into(),
        Some(_) => "The clock command in which a time limit ran out is taken back.".into(),
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
    let n = ex.pending().len();
    format!(
        "The exercise has reached its ending “{ending}”. {} Yes ends it now and leaves {} unanswered; no lets the teams answer first.",
        lookahead::open_text(ex, ex.pending()),
        if n == 1 { "it" } else { "them" }
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
        "↑↓ choose · Enter previews, then asks · Esc cancels",
        t.dim(),
    )));
    let inner = frame_box(
        f,
        app,
        area,
        "Rewind · to just before a journal entry",
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
                &format!(
                    "Now on the projector: {}",
                    super::super::projector::label(sc, pin)
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
    lines.extend(para(
        "It stays on the presenter view until released; the presenter shows the newest message otherwise. 1-9 or Enter pins · Esc cancels",
        iw,
        t.dim(),
        "",
    ));
    let inner = frame_box(
        f,
        app,
        area,
        "Show on the projector",
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
    let mins = super::super::plan::minutes;
    let title_w = iw.saturating_sub(46).max(10);
    let mut lines = vec![Line::from(Span::styled(
        format!(" {:<title_w$} {:>9} {:>9}", "Phase", "planned", "spent"),
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
                format!("  ◀ now, {} over", mins(r.spent - pl))
            }
            (true, Some(pl)) => format!("  ◀ now, {} left", mins(pl - r.spent)),
            (true, None) => "  ◀ now".into(),
            _ => String::new(),
        };
        let over = r.planned.is_some_and(|pl| r.spent > pl);
        lines.push(Line::from(vec![
            Span::raw(format!(
                " {:<title_w$} {:>9} ",
                fit(&format!("{}. {}", r.phase + 1, p.title), title_w),
                planned
            )),
            Span::styled(
                format!("{spent:>9}"),
                if over { t.warn() } else { t.strong() },
            ),
            Span::styled(tail, if over { t.warn() } else { t.dim() }),
        ]));
    }
    lines.push(Line::from(Span::styled(
        format!(
            " {:<title_w$} {:>9} {:>9}",
            "Total",
            if all_planned {
                mins(plan_total)
            } else {
                "–".into()
            },
            mins(spent_total)
        ),
        t.strong(),
    )));
    lines.push(Line::default());
    let (n, secs) = super::super::plan::real_limits(ex);
    if n > 0 {
        lines.extend(para(
            &format!(
                "The decisions' real-time limits add up to {} ({n} limit{}){}.",
                mins(secs.max(0) as u64 * 1000),
                if n == 1 { "" } else { "s" },
                sc.meta
                    .duration
                    .map(|d| format!(" of a {} session", mins(d.max(0) as u64 * 1000)))
                    .unwrap_or_default()
            ),
            iw,
            t.dim(),
            "",
        ));
    }
    if rows.iter().all(|r| r.planned.is_none()) {
        lines.extend(para(
            "This scenario gives no estimate: set `duration` in its meta, or `estimate` on each phase.",
            iw,
            t.dim(),
            "",
        ));
    }
    lines.extend(para(
        "Spent is real time, pauses excluded; a phase's debrief counts in it. Esc closes.",
        iw,
        t.dim(),
        "",
    ));
    let h = (lines.len() as u16 + 2).min(area.height.saturating_sub(1));
    let inner = frame_box(f, app, area, "Session plan · facilitator only", w, h);
    draw_lines(f, inner, lines, scroll, (t, app.lang()));
}

fn seats(f: &mut Frame, app: &App, area: Rect, selected: usize, qr: bool) {
    let t = app.theme;
    let Some(h) = app.hosted_link() else {
        return;
    };
    let w = area.width.saturating_sub(4).min(100);
    let h_box = area.height.saturating_sub(2);
    let inner = frame_box(f, app, area, "Seats · facilitator only", w, h_box);
    if qr {
        // The QR code as large as it comes: nothing else on screen.
        super::seats::draw_one(f, app, h, inner, selected);
        return;
    }
    let iw = inner.width as usize;
    let mut votes = vec![Line::from(Span::styled(
        " Votes on the open decisions",
        t.strong(),
    ))];
    votes.extend(super::seats::vote_lines(app, iw));
    votes.push(Line::default());
    votes.extend(para(
        "↑ ↓ seat · Enter its QR code (Enter again: back) · r new link and code (everyone on it is out) · l next lead · M (outside) takes a majority · u reopens the last decision · Esc",
        iw,
        t.dim(),
        " ",
    ));
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
        &format!(
            "You choose {}, but {room}. Why? (it goes in the journal and the report)",
            lookahead::selection_text(ex, d, o)
        ),
        iw,
        t.text(),
        "",
    );
    lines.push(Line::default());
    lines.extend(para(&input.display(), iw, t.strong(), ""));
    lines.push(Line::default());
    lines.push(Line::from(Span::styled(
        "Enter decides with this reason · Esc does not decide",
        t.dim(),
    )));
    let inner = frame_box(f, app, area, "Overrule the room", w, lines.len() as u16 + 2);
    f.render_widget(Paragraph::new(lines), inner);
}

fn note(f: &mut Frame, app: &App, area: Rect, input: &Input) {
    let t = app.theme;
    let w = area.width.saturating_sub(8).min(80);
    let iw = w.saturating_sub(4) as usize;
    let mut lines = para(&input.display(), iw, t.strong(), "");
    lines.push(Line::default());
    lines.push(Line::from(Span::styled(
        "Enter saves the note in the journal · Esc cancels",
        t.dim(),
    )));
    let inner = frame_box(f, app, area, "Note", w, lines.len() as u16 + 2);
    f.render_widget(Paragraph::new(lines), inner);
}

fn rate_form(f: &mut Frame, app: &App, area: Rect, form: &super::super::app::RateForm) {
    let t = app.theme;
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
        lines.extend(para(&r.summary(), iw, t.dim(), "    "));
    }
    lines.push(Line::default());
    let sel = |k: usize| if form.field == k { t.strong() } else { t.dim() };
    lines.push(Line::from(vec![
        Span::styled(
            format!("{} Rating  ", if form.field == 0 { "▸" } else { " " }),
            sel(0),
        ),
        Span::styled(
            match form.rating {
                Some(r) => format!("{} · {}", r.letter(), r.describe()),
                None => "type P, S, M or U".into(),
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
            format!("{} Note    ", if form.field == 1 { "▸" } else { " " }),
            sel(1),
        ),
        Span::styled(fit(&note, iw.saturating_sub(10)), t.text()),
    ]));
    lines.push(Line::default());
    if let Some(e) = &form.error {
        lines.extend(hang(e, iw, t.bad(), "✗ "));
    }
    lines.extend(para(
        "The evaluator's rating goes into the journal and the report; the suggestion is only the checks' arithmetic. ◂ ▸ picks the objective, Tab moves to the note, Enter saves, Esc cancels.",
        iw,
        t.dim(),
        "",
    ));
    let inner = frame_box(f, app, area, "Rate an objective", w, lines.len() as u16 + 2);
    f.render_widget(Paragraph::new(lines), inner);
}

fn override_form(f: &mut Frame, app: &App, area: Rect, form: &OverrideForm) {
    let t = app.theme;
    let Some(play) = app.play() else {
        return;
    };
    let ex = play.ex();
    let m = &ex.scenario().metrics[form.metric];
    let w = area.width.saturating_sub(8).min(76);
    let iw = w.saturating_sub(4) as usize;
    let row = |k: usize, label: &str, value: String| {
        let sel = form.field == k;
        Line::from(vec![
            Span::styled(
                format!("{} {:<8}", if sel { "▸" } else { " " }, label),
                if sel { t.strong() } else { t.dim() },
            ),
            Span::styled(
                fit(&value, iw.saturating_sub(11)),
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
            "Metric",
            format!(
                "◂ {} ▸  now {} ({}..{})",
                m.label,
                crate::scenario::compiled::with_unit(ex.state().metrics[form.metric], &m.unit),
                crate::scenario::compiled::format_number(m.min),
                crate::scenario::compiled::format_number(m.max)
            ),
        ),
        row(1, "Value", show(&form.value, 1)),
        row(2, "Reason", show(&form.reason, 2)),
        Line::default(),
    ];
    if let Some(e) = &form.error {
        lines.extend(hang(e, iw, t.bad(), "✗ "));
    }
    lines.extend(para(
        "50 sets the value, +5 or -5 changes it. Tab moves between fields, ◂ ▸ picks the metric, Enter applies, Esc cancels.",
        iw,
        t.dim(),
        "",
    ));
    let inner = frame_box(f, app, area, "Override a metric", w, lines.len() as u16 + 2);
    f.render_widget(Paragraph::new(lines), inner);
}
