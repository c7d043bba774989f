//! What an SSH seat shows and which keys it takes: a pure rendering of the seat's
//! [`SeatView`] with ratatui, and a parser of the bytes a terminal sends. No socket here; the
//! server ([`super::ssh`]) feeds it.
//!
//! A team's screen: the clock, its open decision (options in the order the teams are shown,
//! the tally, the member's own vote, the countdown), then its inbox, newest first. The number
//! keys vote; the lead submits with `s`, then `y`. The presenter's screen shows every open
//! decision and the inbox, and takes no vote.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use crate::audience::{OpenDecision, SeatView, Stage};
use crate::i18n::{Lang, format, terms};
use crate::text::{sanitize_block, sanitize_line};
use crate::tr;
use crate::tui::wrap::truncate;

/// A key the seat understands; everything else is ignored.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Key {
    /// `1`–`9`: vote for the option shown with this number.
    Digit(u8),
    /// Next open decision (`Tab`, `→`).
    Next,
    /// Previous open decision (`Shift-Tab`, `←`).
    Prev,
    /// Scroll the inbox (`↑`/`k`, `↓`/`j`, `PgUp`, `PgDn`).
    Up,
    /// See [`Key::Up`].
    Down,
    /// See [`Key::Up`].
    PageUp,
    /// See [`Key::Up`].
    PageDown,
    /// `s`: the lead submits the team's choice.
    Submit,
    /// `y`: yes (confirms a submission).
    Yes,
    /// `n` or `Esc`: no.
    No,
    /// `q`, `Ctrl-C`, `Ctrl-D`: leave.
    Quit,
    /// `Ctrl-L`: draw everything again.
    Redraw,
    /// `a`: highlight the team's next action.
    NextAction,
    /// `t`: the lead takes the highlighted action (asks first).
    Take,
}

/// Parses what a terminal sent: keys, and escape sequences for arrows and pages. Unknown
/// bytes and sequences are skipped; at most `max` keys are returned.
pub fn parse_keys(data: &[u8], max: usize) -> Vec<Key> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < data.len() && out.len() < max {
        let b = data[i];
        i += 1;
        let key = match b {
            b'1'..=b'9' => Some(Key::Digit(b - b'0')),
            b'\t' => Some(Key::Next),
            b'k' => Some(Key::Up),
            b'j' => Some(Key::Down),
            b's' | b'S' => Some(Key::Submit),
            b'a' | b'A' => Some(Key::NextAction),
            b't' | b'T' => Some(Key::Take),
            b'y' | b'Y' => Some(Key::Yes),
            b'n' | b'N' => Some(Key::No),
            b'q' | b'Q' | 0x03 | 0x04 => Some(Key::Quit),
            0x0c => Some(Key::Redraw),
            0x1b => {
                // CSI (`ESC [`) or SS3 (`ESC O`) sequences; a lone ESC is "no".
                match data.get(i) {
                    Some(b'[') | Some(b'O') => {
                        i += 1;
                        let start = i;
                        // Parameter and intermediate bytes, then one final byte.
                        while i < data.len() && (0x20..=0x3f).contains(&data[i]) {
                            i += 1;
                        }
                        let params = &data[start..i];
                        let fin = data.get(i).copied().filter(|b| (0x40..=0x7e).contains(b));
                        if fin.is_some() {
                            i += 1;
                        }
                        match (fin, params) {
                            (Some(b'A'), _) => Some(Key::Up),
                            (Some(b'B'), _) => Some(Key::Down),
                            (Some(b'C'), _) => Some(Key::Next),
                            (Some(b'D'), _) => Some(Key::Prev),
                            (Some(b'Z'), _) => Some(Key::Prev),
                            (Some(b'~'), b"5") => Some(Key::PageUp),
                            (Some(b'~'), b"6") => Some(Key::PageDown),
                            _ => None,
                        }
                    }
                    _ => Some(Key::No),
                }
            }
            _ => None,
        };
        if let Some(k) = key {
            out.push(k);
        }
    }
    out
}

/// The member looking, as far as the screen needs to know.
#[derive(Clone, Debug, Default)]
pub struct Me {
    /// The seat-given id (`crisis#2`).
    pub voter: String,
    /// The name the member gave (may be empty), already sanitised.
    pub name: String,
    /// Whether this member is the team's lead.
    pub lead: bool,
    /// The member's current vote per open decision: (decision key, option keys).
    pub votes: Vec<(u16, Vec<u16>)>,
}

impl Me {
    fn vote(&self, decision: u16) -> Option<&[u16]> {
        self.votes
            .iter()
            .find(|(d, _)| *d == decision)
            .map(|(_, o)| o.as_slice())
    }
}

/// The screen's own state: which decision is in front, how far the inbox is scrolled, the
/// last word to the member, and a submission waiting for `y`.
#[derive(Clone, Debug, Default)]
pub struct Ui {
    /// Index of the decision in front, among the view's open decisions.
    pub focus: usize,
    /// Inbox scroll, lines.
    pub scroll: u16,
    /// A line for the member ("Vote recorded.").
    pub status: String,
    /// The lead asked to submit (decision key, option keys) and must confirm.
    pub confirm: Option<(u16, Vec<u16>)>,
    /// The options ticked on a decision with `pick` (decision key, option keys), sent as
    /// the member's vote whenever their number fits.
    pub draft: Option<(u16, Vec<u16>)>,
    /// Index of the highlighted action, among the view's actions.
    pub action: usize,
    /// The lead asked to take this action (its key) and must confirm.
    pub confirm_take: Option<u16>,
    /// The seat's language: every fixed word on the screen and in [`Ui::status`].
    pub lang: Lang,
}

/// What a key asks of the host.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Act {
    /// Nothing to send.
    None,
    /// Vote (decision key, option keys).
    Vote(u16, Vec<u16>),
    /// Submit the team's choice (decision key, option keys).
    Submit(u16, Vec<u16>),
    /// Take an action (its key).
    Take(u16),
    /// Leave.
    Quit,
    /// Draw the whole screen again.
    Redraw,
}

/// The options the lead would submit: their own vote, else (a single answer) the available
/// option with the most votes (the first shown on a tie). On a decision with `pick`, the
/// lead ticks the options first.
pub fn pick(d: &OpenDecision, me: &Me) -> Option<Vec<u16>> {
    if let Some(v) = me.vote(d.key)
        && v.iter()
            .all(|&o| d.options.iter().any(|x| x.key == o && x.available))
    {
        return Some(v.to_vec());
    }
    if d.pick.is_some() {
        return None;
    }
    let mut best: Option<&crate::audience::OptionView> = None;
    for o in d.options.iter().filter(|o| o.available) {
        if best.is_none_or(|b| o.votes > b.votes) {
            best = Some(o);
        }
    }
    best.map(|o| vec![o.key])
}

impl Ui {
    /// Applies a key to the screen; returns what to ask of the host.
    pub fn key(&mut self, k: Key, view: Option<&SeatView>, me: &Me, team: bool) -> Act {
        let decisions = view.map(|v| v.decisions.as_slice()).unwrap_or(&[]);
        if self.focus >= decisions.len() {
            self.focus = decisions.len().saturating_sub(1);
        }
        let focused = decisions.get(self.focus);
        let lang = self.lang;
        if let Some(a) = self.confirm_take.take() {
            if k == Key::Yes {
                return Act::Take(a);
            }
            self.status = tr!(lang, "seat-not-taken");
            if k != Key::Quit {
                return Act::None;
            }
        }
        if let Some((d, o)) = self.confirm.take() {
            self.draft = None;
            if k == Key::Yes {
                return Act::Submit(d, o);
            }
            self.status = tr!(lang, "seat-not-submitted");
            if k != Key::Quit {
                return Act::None;
            }
        }
        match k {
            Key::Quit => Act::Quit,
            Key::Redraw => Act::Redraw,
            Key::Next if !decisions.is_empty() => {
                self.focus = (self.focus + 1) % decisions.len();
                Act::None
            }
            Key::Prev if !decisions.is_empty() => {
                self.focus = (self.focus + decisions.len() - 1) % decisions.len();
                Act::None
            }
            Key::Up => {
                self.scroll = self.scroll.saturating_sub(1);
                Act::None
            }
            Key::Down => {
                self.scroll = self.scroll.saturating_add(1).min(10_000);
                Act::None
            }
            Key::PageUp => {
                self.scroll = self.scroll.saturating_sub(10);
                Act::None
            }
            Key::PageDown => {
                self.scroll = self.scroll.saturating_add(10).min(10_000);
                Act::None
            }
            Key::Digit(n) if team => {
                let Some(d) = focused else {
                    self.status = tr!(lang, "seat-no-decision-team");
                    return Act::None;
                };
                match d.options.iter().find(|o| o.number == usize::from(n)) {
                    Some(o) if o.available && d.pick.is_some() => self.tick(d, o.key, me),
                    Some(o) if o.available => Act::Vote(d.key, vec![o.key]),
                    Some(_) => {
                        self.status = tr!(lang, "seat-option-unavailable", n = n);
                        Act::None
                    }
                    None => {
                        self.status = tr!(lang, "seat-no-such-option", n = n);
                        Act::None
                    }
                }
            }
            Key::Submit if team => {
                let Some(d) = focused else {
                    self.status = tr!(lang, "seat-no-decision-team");
                    return Act::None;
                };
                if !me.lead {
                    self.status = tr!(lang, "seat-only-lead-submits");
                    return Act::None;
                }
                match pick(d, me) {
                    Some(o) => {
                        self.confirm = Some((d.key, o));
                        Act::None
                    }
                    None if d.pick.is_some() => {
                        self.status = tr!(lang, "seat-tick-first");
                        Act::None
                    }
                    None => {
                        self.status = tr!(lang, "seat-none-available");
                        Act::None
                    }
                }
            }
            Key::NextAction if team => {
                let n = view.map(|v| v.actions.len()).unwrap_or(0);
                if n == 0 {
                    self.status = tr!(lang, "seat-no-action");
                } else {
                    self.action = (self.action + 1) % n;
                }
                Act::None
            }
            Key::Take if team => self.take(view, me),
            _ => Act::None,
        }
    }

    /// Ticks or unticks option `o` of a decision with `pick`; the ticked options are the
    /// member's vote as soon as their number fits.
    fn tick(&mut self, d: &OpenDecision, o: u16, me: &Me) -> Act {
        let mut sel = match &self.draft {
            Some((k, sel)) if *k == d.key => sel.clone(),
            _ => me.vote(d.key).map(<[u16]>::to_vec).unwrap_or_default(),
        };
        match sel.iter().position(|&x| x == o) {
            Some(i) => {
                sel.remove(i);
            }
            None => sel.push(o),
        }
        sel.sort_unstable();
        self.draft = Some((d.key, sel.clone()));
        let (min, max) = d.pick.map_or((1, 1), |p| (p.min, p.max));
        let n = sel.len();
        if n >= usize::from(min) && n <= usize::from(max) {
            Act::Vote(d.key, sel)
        } else {
            let words = d
                .pick
                .map(|p| terms::pick_words(self.lang, p.min, p.max))
                .unwrap_or_default();
            self.status = tr!(self.lang, "seat-ticked", n = n, pick = words);
            Act::None
        }
    }

    /// The lead asks to take the highlighted action: it is checked, then confirmed.
    fn take(&mut self, view: Option<&SeatView>, me: &Me) -> Act {
        let actions = view.map(|v| v.actions.as_slice()).unwrap_or(&[]);
        let Some(a) = actions.get(self.action.min(actions.len().saturating_sub(1))) else {
            self.status = tr!(self.lang, "seat-no-action");
            return Act::None;
        };
        if !me.lead {
            self.status = tr!(self.lang, "seat-only-lead-takes");
        } else if !a.available {
            self.status = tr!(
                self.lang,
                "seat-cannot-take-now",
                action = sanitize_line(&a.label)
            );
        } else {
            self.confirm_take = Some(a.key);
        }
        Act::None
    }
}

/// `m:ss` of a countdown in ms (never negative).
pub fn mmss(ms: i64) -> String {
    let s = (ms.max(0) + 999) / 1000;
    format!("{}:{:02}", s / 60, s % 60)
}

/// Appends a note in brackets: after a space, unless it opens with a full-width bracket
/// (Chinese), which brings its own.
fn note(s: &mut String, text: &str) {
    if !text.starts_with('（') {
        s.push(' ');
    }
    s.push_str(text);
}

/// `lines` wrapped to `width` cells as [`crate::tui::wrap::wrap`] does (by display width,
/// where Unicode allows a break), each row keeping its line's style and leading indent.
fn wrap_rows(lines: &[Line<'static>], width: u16) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    for l in lines {
        let text: String = l.spans.iter().map(|s| s.content.as_ref()).collect();
        let style = l
            .style
            .patch(l.spans.first().map(|s| s.style).unwrap_or_default());
        // A leading indent (message bodies, options) is kept on every row.
        let body = text.trim_start_matches(' ');
        let indent = &text[..text.len() - body.len()];
        let room = usize::from(width).saturating_sub(indent.len()).max(1);
        let (indent, room) = if room < 8 {
            ("", usize::from(width).max(1))
        } else {
            (indent, room)
        };
        for row in crate::tui::wrap::wrap(body, room) {
            out.push(Line::from(Span::styled(format!("{indent}{row}"), style)));
        }
    }
    out
}

/// The rows of a bordered block `area` shows, from row `skip`: when some are left below,
/// the last row says how many, with `…`, so that nothing is cut without a marker.
fn window(rows: Vec<Line<'static>>, skip: usize, area: Rect, lang: Lang) -> Vec<Line<'static>> {
    let height = usize::from(area.height.saturating_sub(2));
    let rest: Vec<Line<'static>> = rows.into_iter().skip(skip).collect();
    if rest.len() <= height || height == 0 {
        return rest;
    }
    let hidden = rest.len() - (height - 1);
    let mut out: Vec<Line<'static>> = rest.into_iter().take(height - 1).collect();
    let more = tr!(lang, "seat-more-rows", n = hidden);
    out.push(Line::from(Span::styled(
        truncate(&more, usize::from(area.width.saturating_sub(2))),
        Style::default().add_modifier(Modifier::DIM),
    )));
    out
}

/// A block's title, ` text `, cut with `…` to fit a block `width` cells wide.
fn title(text: &str, width: u16) -> String {
    let room = usize::from(width).saturating_sub(4);
    format!(" {} ", truncate(text, room))
}

/// Draws the seat's screen, in `ui.lang`. Lines that do not wrap (the header, the status
/// and the keys) are cut to the width in cells, with `…`, so that wide (CJK) characters
/// never run past the edge unmarked.
pub fn draw(f: &mut Frame, view: Option<&SeatView>, ui: &Ui, me: &Me) {
    let area = f.area();
    let lang = ui.lang;
    let cols = usize::from(area.width);
    if area.width < 10 || area.height < 5 {
        f.render_widget(
            Paragraph::new(truncate(&tr!(lang, "seat-enlarge"), cols)),
            area,
        );
        return;
    }
    let Some(v) = view else {
        f.render_widget(
            Paragraph::new(tr!(lang, "seat-waiting-host")).wrap(Wrap { trim: false }),
            area,
        );
        return;
    };
    let team = v.audience == "team";
    let [head, body, foot] = Layout::vertical([
        Constraint::Length(2),
        Constraint::Min(3),
        Constraint::Length(2),
    ])
    .areas(area);
    draw_head(f, head, v, team, me, lang);
    // The situation (deadlines, decisions taken, systems, services) beside, when there is room.
    let body = if body.width >= 110 && body.height >= 6 {
        let [main, side] =
            Layout::horizontal([Constraint::Min(70), Constraint::Length(38)]).areas(body);
        let rows = wrap_rows(&situation_text(v, team, lang), side.width.saturating_sub(2));
        f.render_widget(
            Paragraph::new(window(rows, 0, side, lang)).block(
                Block::default()
                    .borders(Borders::ALL)
                    .title(title(&tr!(lang, "seat-situation"), side.width)),
            ),
            side,
        );
        main
    } else {
        body
    };
    let mut decision_lines = decision_text(v, ui, me, team);
    if team && !v.actions.is_empty() {
        decision_lines.extend(action_lines(v, ui, me));
    }
    let decision_rows = wrap_rows(&decision_lines, body.width.saturating_sub(2));
    let want = u16::try_from(decision_rows.len())
        .unwrap_or(u16::MAX)
        .saturating_add(2);
    let top = want.min(body.height.saturating_mul(3) / 5).max(3);
    let [dec_area, inbox_area] =
        Layout::vertical([Constraint::Length(top), Constraint::Min(0)]).areas(body);
    let heading = if team {
        tr!(lang, "seat-your-decision")
    } else {
        tr!(lang, "seat-open-decisions")
    };
    f.render_widget(
        Paragraph::new(window(decision_rows, 0, dec_area, lang)).block(
            Block::default()
                .borders(Borders::ALL)
                .title(title(&heading, dec_area.width)),
        ),
        dec_area,
    );
    if let Some(p) = v.pinned.as_ref().filter(|_| inbox_area.height >= 3) {
        // What the facilitator pinned on every screen takes the inbox's place.
        let mut lines = vec![Line::from(Span::styled(
            crate::text::sanitize_line(&p.title),
            Style::new().add_modifier(Modifier::BOLD),
        ))];
        for l in crate::text::sanitize_block(&p.body).lines() {
            lines.push(Line::from(l.to_string()));
        }
        for q in &p.questions {
            lines.push(Line::from(format!("• {}", crate::text::sanitize_line(q))));
        }
        let rows = wrap_rows(&lines, inbox_area.width.saturating_sub(2));
        f.render_widget(
            Paragraph::new(window(rows, 0, inbox_area, lang)).block(
                Block::default()
                    .borders(Borders::ALL)
                    .title(title(&tr!(lang, "seat-pinned"), inbox_area.width)),
            ),
            inbox_area,
        );
    } else if inbox_area.height >= 3 {
        let rows = wrap_rows(&inbox_text(v, lang), inbox_area.width.saturating_sub(2));
        let skip = usize::from(ui.scroll).min(rows.len().saturating_sub(1));
        f.render_widget(
            Paragraph::new(window(rows, skip, inbox_area, lang)).block(
                Block::default().borders(Borders::ALL).title(title(
                    &tr!(lang, "seat-inbox-title", n = v.inbox.len()),
                    inbox_area.width,
                )),
            ),
            inbox_area,
        );
    }
    let keys = if team && me.lead && !v.actions.is_empty() {
        tr!(lang, "seat-keys-lead-actions")
    } else if team && me.lead {
        tr!(lang, "seat-keys-lead")
    } else if team {
        tr!(lang, "seat-keys-member")
    } else {
        tr!(lang, "seat-keys-presenter")
    };
    let taking = ui
        .confirm_take
        .and_then(|k| v.actions.iter().find(|a| a.key == k));
    let status = match &ui.confirm {
        _ if taking.is_some() => tr!(
            lang,
            "seat-confirm-take",
            action = sanitize_line(taking.map(|a| a.label.as_str()).unwrap_or(""))
        ),
        Some((d, o)) => {
            let labels: Vec<String> = v
                .decisions
                .iter()
                .find(|x| x.key == *d)
                .map(|x| {
                    o.iter()
                        .filter_map(|k| x.options.iter().find(|y| y.key == *k))
                        .map(|y| format!("{}. {}", y.number, sanitize_line(&y.label)))
                        .collect()
                })
                .unwrap_or_default();
            let label = labels.join(" + ");
            tr!(lang, "seat-confirm-submit", choice = label)
        }
        None => sanitize_line(&ui.status),
    };
    f.render_widget(
        Paragraph::new(vec![
            Line::from(Span::styled(
                truncate(&status, cols),
                Style::default().add_modifier(Modifier::BOLD),
            )),
            Line::from(truncate(&keys, cols)),
        ]),
        foot,
    );
}

fn draw_head(f: &mut Frame, area: Rect, v: &SeatView, team: bool, me: &Me, lang: Lang) {
    let who = if team && !me.name.is_empty() {
        format!(
            "{} · {}",
            sanitize_line(v.team.as_deref().unwrap_or("")),
            sanitize_line(&me.name)
        )
    } else if team {
        sanitize_line(v.team.as_deref().unwrap_or(""))
    } else {
        tr!(lang, "seat-presenter")
    };
    let stage = match v.stage {
        Stage::Briefing => format!(" · {}", tr!(lang, "seat-stage-briefing")),
        Stage::Running => String::new(),
        Stage::Paused => format!(" · {}", tr!(lang, "seat-stage-paused")),
        Stage::PhaseBreak => format!(" · {}", tr!(lang, "seat-stage-break")),
        Stage::Ended => format!(" · {}", tr!(lang, "seat-stage-ended")),
    };
    let c = &v.clock;
    let cols = usize::from(area.width);
    // The first line: who, bold, then the title in what room is left.
    let who = truncate(&format!("Downtime · {who}"), cols);
    let room = cols.saturating_sub(crate::tui::wrap::width(&who));
    let rest = if room > 3 {
        truncate(&format!(" · {}", sanitize_line(&v.title)), room)
    } else {
        String::new()
    };
    let clock = tr!(
        lang,
        "seat-clock",
        offset = c.offset.as_str(),
        time = sanitize_line(&c.time),
        phase = c.phase,
        phases = c.phases,
        title = sanitize_line(&c.phase_title)
    );
    let lines = vec![
        Line::from(vec![
            Span::styled(who, Style::default().add_modifier(Modifier::BOLD)),
            Span::raw(rest),
        ]),
        Line::from(truncate(&format!("{clock}{stage}"), cols)),
    ];
    f.render_widget(Paragraph::new(lines), area);
}

fn block_lines(text: &str, indent: &str, out: &mut Vec<Line<'static>>) {
    for l in sanitize_block(text).replace('\t', "    ").lines() {
        out.push(Line::from(format!("{indent}{l}")));
    }
}

fn decision_text(v: &SeatView, ui: &Ui, me: &Me, team: bool) -> Vec<Line<'static>> {
    let lang = ui.lang;
    let mut out = Vec::new();
    if let Some(e) = &v.ending {
        out.push(Line::from(Span::styled(
            tr!(lang, "seat-ended", title = sanitize_line(&e.title)),
            Style::default().add_modifier(Modifier::BOLD),
        )));
        block_lines(&e.debrief, "", &mut out);
        return out;
    }
    if v.stage == Stage::PhaseBreak
        && let Some(b) = &v.briefing
    {
        out.push(Line::from(Span::styled(
            tr!(lang, "seat-next-phase", title = sanitize_line(&b.title)),
            Style::default().add_modifier(Modifier::BOLD),
        )));
        block_lines(&b.briefing, "", &mut out);
        for q in &b.questions {
            out.push(Line::from(format!("  • {}", sanitize_line(q))));
        }
        return out;
    }
    if v.decisions.is_empty() {
        out.push(Line::from(if team {
            tr!(lang, "seat-no-decision-team")
        } else {
            tr!(lang, "seat-no-decision")
        }));
        return out;
    }
    let shown: Vec<(usize, &OpenDecision)> = if team {
        let i = ui.focus.min(v.decisions.len() - 1);
        vec![(i, &v.decisions[i])]
    } else {
        v.decisions.iter().enumerate().collect()
    };
    for (i, d) in shown {
        let mut head = String::new();
        if v.decisions.len() > 1 {
            head.push_str(&tr!(lang, "seat-n-of", i = i + 1, n = v.decisions.len()));
            head.push(' ');
        }
        if !team {
            head.push_str(&format!("{}: ", sanitize_line(&d.team)));
        }
        head.push_str(&sanitize_line(&d.prompt));
        out.push(Line::from(Span::styled(
            head,
            Style::default().add_modifier(Modifier::BOLD),
        )));
        if let Some(ms) = d.real_left_ms {
            out.push(Line::from(tr!(lang, "seat-time-left", left = mmss(ms))));
        }
        if let Some(p) = d.pick {
            out.push(Line::from(tr!(
                lang,
                "seat-several",
                pick = terms::pick_words(lang, p.min, p.max)
            )));
        }
        let ticked: Vec<u16> = match &ui.draft {
            Some((k, sel)) if *k == d.key => sel.clone(),
            _ => me.vote(d.key).map(<[u16]>::to_vec).unwrap_or_default(),
        };
        for o in &d.options {
            let on = ticked.contains(&o.key);
            let mark = match (team, d.pick.is_some(), on) {
                (true, true, true) => "[x] ",
                (true, true, false) => "[ ] ",
                (true, false, true) => "▶ ",
                _ => "  ",
            };
            let mut s = format!("{mark}{}. {}", o.number, sanitize_line(&o.label));
            if !o.available {
                note(&mut s, &tr!(lang, "seat-not-available"));
            }
            s.push_str(&format!(" — {}", tr!(lang, "seat-votes", n = o.votes)));
            if !o.voters.is_empty() {
                let names: Vec<String> = o.voters.iter().map(|n| sanitize_line(n)).collect();
                s.push_str(&format!(": {}", names.join(", ")));
            }
            let style = if team && on {
                Style::default().add_modifier(Modifier::BOLD)
            } else if !o.available {
                Style::default().add_modifier(Modifier::DIM)
            } else {
                Style::default()
            };
            out.push(Line::from(Span::styled(s, style)));
        }
        if team && me.lead {
            let label = pick(d, me).map(|keys| {
                let parts: Vec<String> = keys
                    .iter()
                    .filter_map(|k| d.options.iter().find(|o| o.key == *k))
                    .map(|o| format!("{}. {}", o.number, sanitize_line(&o.label)))
                    .collect();
                parts.join(" + ")
            });
            if let Some(l) = label {
                out.push(Line::from(tr!(lang, "seat-lead-hint", choice = l)));
            }
        }
    }
    out
}

/// The team's actions, the highlighted one marked, each with its uses and cooldown.
fn action_lines(v: &SeatView, ui: &Ui, me: &Me) -> Vec<Line<'static>> {
    let lang = ui.lang;
    let bold = Style::default().add_modifier(Modifier::BOLD);
    let mut out = vec![
        Line::default(),
        Line::from(Span::styled(
            if me.lead {
                tr!(lang, "seat-actions-lead")
            } else {
                tr!(lang, "seat-actions-member")
            },
            bold,
        )),
    ];
    let focus = ui.action.min(v.actions.len().saturating_sub(1));
    for (i, a) in v.actions.iter().enumerate() {
        let mark = if me.lead && i == focus { "▶ " } else { "  " };
        let mut s = format!("{mark}{}", sanitize_line(&a.label));
        if a.uses > 0 {
            s.push_str(&format!(" — {}", tr!(lang, "seat-taken-times", n = a.uses)));
        }
        if let Some(m) = a.max_uses {
            note(&mut s, &tr!(lang, "seat-at-most", n = m));
        }
        if let Some(left) = a.ready_in {
            let left = if lang == Lang::En {
                crate::scenario::time::format_duration(left)
            } else {
                format::duration(lang, left)
            };
            s.push_str(&format!(" · {}", tr!(lang, "seat-again-in", left = left)));
        } else if !a.available {
            note(&mut s, &tr!(lang, "seat-not-available-now"));
        }
        let style = if !a.available {
            Style::default().add_modifier(Modifier::DIM)
        } else if me.lead && i == focus {
            bold
        } else {
            Style::default()
        };
        out.push(Line::from(Span::styled(s, style)));
    }
    out
}

fn situation_text(v: &SeatView, team: bool, lang: Lang) -> Vec<Line<'static>> {
    let bold = Style::default().add_modifier(Modifier::BOLD);
    let mut out = Vec::new();
    if !v.deadlines.is_empty() {
        out.push(Line::from(Span::styled(tr!(lang, "seat-deadlines"), bold)));
        for d in &v.deadlines {
            let min = d.left.max(0).saturating_add(59) / 60;
            let left = match lang {
                Lang::En if min >= 60 => format!("{} h {:02} min", min / 60, min % 60),
                Lang::En => format!("{min} min"),
                _ => format::duration(lang, min * 60),
            };
            out.push(Line::from(format!(
                "  {}",
                tr!(
                    lang,
                    "seat-deadline-left",
                    label = sanitize_line(&d.label),
                    left = left
                )
            )));
        }
    }
    if !v.taken.is_empty() {
        out.push(Line::from(Span::styled(tr!(lang, "seat-decided"), bold)));
        for t in v.taken.iter().take(8) {
            let who = if team {
                String::new()
            } else {
                format!("{}: ", sanitize_line(&t.team))
            };
            let mut late = String::new();
            if t.timeout {
                note(&mut late, &tr!(lang, "seat-timed-out"));
            }
            out.push(Line::from(format!(
                "  {} {who}{}{late}",
                t.offset,
                sanitize_line(&t.option),
            )));
        }
    }
    if !v.board.systems.is_empty() {
        out.push(Line::from(Span::styled(tr!(lang, "seat-systems"), bold)));
        for (name, state) in &v.board.systems {
            out.push(Line::from(format!("  {}: {state}", sanitize_line(name))));
        }
    }
    if !v.board.services.is_empty() {
        out.push(Line::from(Span::styled(tr!(lang, "seat-services"), bold)));
        for (name, cap) in &v.board.services {
            let pct = if cap.is_finite() {
                cap.round() as i64
            } else {
                0
            };
            out.push(Line::from(format!(
                "  {}: {}",
                sanitize_line(name),
                format::with_unit(lang, pct as f64, "%")
            )));
        }
    }
    out
}

fn inbox_text(v: &SeatView, lang: Lang) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    if v.inbox.is_empty() {
        out.push(Line::from(tr!(lang, "seat-no-message")));
        return out;
    }
    for m in &v.inbox {
        let mut meta = m.offset.clone();
        if !m.sender.is_empty() {
            meta.push_str(&format!(" · {}", sanitize_line(&m.sender)));
        }
        meta.push_str(&format!(" · {} · {}", m.channel, m.severity));
        out.push(Line::from(vec![
            Span::styled(
                sanitize_line(&m.title),
                Style::default().add_modifier(Modifier::BOLD),
            ),
            Span::raw(format!("  {meta}")),
        ]));
        block_lines(&m.body, "  ", &mut out);
        if let Some((name, text)) = &m.attachment {
            out.push(Line::from(format!(
                "  {}",
                tr!(lang, "seat-attachment", name = sanitize_line(name))
            )));
            block_lines(text, "  │ ", &mut out);
        }
        for q in &m.questions {
            out.push(Line::from(format!("  • {}", sanitize_line(q))));
        }
        out.push(Line::from(""));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_and_escape_sequences_parse_and_garbage_is_skipped() {
        let k = parse_keys(
            b"1\x1b[A\x1b[B\x1b[5~\x1b[6~\tq\x1b[999;999;999;999;999;999X\xff9",
            64,
        );
        assert_eq!(
            k,
            vec![
                Key::Digit(1),
                Key::Up,
                Key::Down,
                Key::PageUp,
                Key::PageDown,
                Key::Next,
                Key::Quit,
                Key::Digit(9)
            ]
        );
        assert_eq!(parse_keys(&[b'1'; 1000], 8).len(), 8);
        assert_eq!(parse_keys(b"\x1b", 8), vec![Key::No]);
        assert_eq!(parse_keys(b"\x1b[", 8), Vec::<Key>::new());
    }

    #[test]
    fn countdowns_round_up_and_never_go_negative() {
        assert_eq!(mmss(61_001), "1:02");
        assert_eq!(mmss(60_000), "1:00");
        assert_eq!(mmss(-5), "0:00");
    }
}
