//! The seats as the facilitator sees them (`play --seats`): each seat's link, join code and
//! QR code, who joined (names, devices, who is connected, the lead), and the votes on the
//! open decisions. Drawn on the briefing and in the seats overlay (`S`).

use crate::tr;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};

use crate::text::sanitize_line;

use super::super::app::App;
use super::super::hosted::Hosted;
use super::super::theme::Glyphs;
use super::common::{draw_lines, hang, para};

/// Which QR codes are drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Qr {
    /// Every seat's (the briefing: phones scan them while the room is set up).
    All,
    /// The highlighted seat's only.
    Selected,
    /// None.
    None,
}

/// The seats' lines, and the first line of the highlighted seat (to scroll to it).
pub fn lines(
    app: &App,
    h: &Hosted,
    selected: usize,
    qr: Qr,
    cols: usize,
    rows: usize,
) -> (Vec<Line<'static>>, usize) {
    let t = app.theme;
    let mut out = Vec::new();
    if !h.tls {
        out.extend(para(&tr!(app.lang(), "seats-no-tls"), cols, t.warn(), " "));
    }
    let mut first = 0;
    for i in 0..h.seats.len() {
        out.push(Line::default());
        if i == selected {
            first = out.len();
        }
        let draw_qr = match qr {
            Qr::All => true,
            Qr::Selected => i == selected,
            Qr::None => false,
        };
        out.extend(seat_block(app, h, i, i == selected, draw_qr, cols, rows));
    }
    (out, first)
}

/// One seat's lines: its name and join code, its QR code (when `draw_qr` and `rows` rows
/// hold it), its link in full, the SSH command, who joined.
fn seat_block(
    app: &App,
    h: &Hosted,
    i: usize,
    selected: bool,
    draw_qr: bool,
    cols: usize,
    rows: usize,
) -> Vec<Line<'static>> {
    let t = app.theme;
    let lang = app.lang();
    let qr_ok = t.glyphs == Glyphs::Unicode;
    let Some(s) = h.seats.get(i) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mark = if selected { "▸ " } else { "  " };
    let mut head = vec![
        Span::styled(
            format!("{mark}{}", sanitize_line(&s.label_in(lang))),
            t.strong(),
        ),
        Span::styled(format!("  {} ", tr!(lang, "seats-code")), t.dim()),
        Span::styled(format!("{} {}", &s.code[..3], &s.code[3..]), t.key()),
    ];
    if selected {
        head[0].style = head[0].style.add_modifier(Modifier::REVERSED);
    }
    out.push(Line::from(head));
    if draw_qr {
        match crate::host::qr::lines_on(&s.url, !t.light) {
            Some(q) if q.len() + 1 > rows => {
                out.extend(para(&tr!(lang, "seats-qr-enter"), cols, t.dim(), "    "))
            }
            Some(q) if qr_ok && q.first().is_some_and(|l| l.chars().count() < cols) => {
                let w = q.first().map(|l| l.chars().count()).unwrap_or(0);
                let pad = if w + 4 <= cols { "    " } else { " " };
                out.extend(
                    q.into_iter()
                        .map(|l| Line::from(Span::raw(format!("{pad}{l}")))),
                );
            }
            Some(_) if !qr_ok => {
                out.extend(para(&tr!(lang, "seats-qr-ascii"), cols, t.dim(), "    "))
            }
            Some(_) => out.extend(para(&tr!(lang, "seats-qr-widen"), cols, t.dim(), "    ")),
            None => {}
        }
    }
    // The URL in full (people type it): cut anywhere when it is wider than the panel.
    let url: Vec<char> = s.url.chars().collect();
    for chunk in url.chunks(cols.saturating_sub(4).max(16)) {
        out.push(Line::from(Span::styled(
            format!("    {}", chunk.iter().collect::<String>()),
            t.text(),
        )));
    }
    if let Some(cmd) = &s.ssh {
        out.push(Line::from(Span::styled(format!("    {cmd}"), t.dim())));
    }
    if let Some(r) = h.roster.get(i) {
        let joined: Vec<String> = r
            .members
            .iter()
            .map(|m| {
                let lead = r.lead.as_ref() == Some(&m.voter);
                sanitize_line(&m.describe(lang, lead))
            })
            .collect();
        let text = if joined.is_empty() {
            tr!(lang, "seats-nobody")
        } else {
            let online = r.members.iter().filter(|m| m.online).count();
            tr!(
                lang,
                "seats-joined",
                n = joined.len(),
                online = online,
                names = joined.join(" · ")
            )
        };
        out.extend(hang(&text, cols, t.dim(), "    "));
    }
    out
}

/// The votes on every open decision, for the seats overlay.
pub fn vote_lines(app: &App, cols: usize) -> Vec<Line<'static>> {
    let t = app.theme;
    let Some(play) = app.play() else {
        return Vec::new();
    };
    let ex = play.ex();
    let sc = ex.scenario();
    let lang = app.lang();
    let mut out = Vec::new();
    for &d in ex.pending() {
        let dec = &sc.decisions[usize::from(d)];
        let tally = super::super::seats::tally(ex, d);
        let team = sanitize_line(&sc.teams[usize::from(dec.team)].name);
        out.extend(hang(
            &format!("{team}: {}", sanitize_line(&dec.prompt)),
            cols,
            t.strong(),
            " ",
        ));
        if tally.is_empty() {
            out.push(Line::from(Span::styled(
                format!("   {}", tr!(lang, "seats-no-votes")),
                t.dim(),
            )));
            continue;
        }
        let majority = super::super::seats::majority(ex, d);
        for (o, n, names) in tally {
            let star = if majority.as_deref() == Some(&[o][..]) {
                format!(" ◂ {}", tr!(lang, "seats-majority"))
            } else {
                String::new()
            };
            out.extend(hang(
                &format!(
                    "{}: {n} ({}){star}",
                    super::super::lookahead::option_text(ex, d, o),
                    crate::i18n::format::list(lang, &names)
                ),
                cols,
                t.text(),
                "   ",
            ));
        }
    }
    if out.is_empty() {
        out.push(Line::from(Span::styled(
            format!(" {}", tr!(lang, "seats-no-decision")),
            t.dim(),
        )));
    }
    out
}

/// Draws the seats in `area`, scrolled to the highlighted one.
pub fn draw(f: &mut Frame, app: &App, h: &Hosted, area: Rect, selected: usize, qr: Qr) {
    // Up to two rows go to the "more above / below" marks.
    let rows = (area.height as usize).saturating_sub(2);
    let (lines, first) = lines(app, h, selected, qr, area.width as usize, rows);
    // The highlighted seat's name, code and QR code in view when they fit.
    let need = if qr == Qr::None { 5 } else { 19 };
    let scroll = if first + need > rows { first } else { 0 };
    draw_lines(f, area, lines, scroll as u16, (app.theme, app.lang()));
}

/// Draws one seat alone, its QR code as large as it comes (the seats overlay's QR view).
pub fn draw_one(f: &mut Frame, app: &App, h: &Hosted, area: Rect, selected: usize) {
    let lines = seat_block(
        app,
        h,
        selected,
        true,
        true,
        area.width as usize,
        area.height as usize,
    );
    f.render_widget(ratatui::widgets::Paragraph::new(lines), area);
}
