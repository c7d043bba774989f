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
use crate::text::{sanitize_block, sanitize_line};

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
        if let Some(a) = self.confirm_take.take() {
            if k == Key::Yes {
                return Act::Take(a);
            }
            self.status = "Not taken.".into();
            if k != Key::Quit {
                return Act::None;
            }
        }
        if let Some((d, o)) = self.confirm.take() {
            self.draft = None;
            if k == Key::Yes {
                return Act::Submit(d, o);
            }
            self.status = "Not submitted.".into();
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
                    self.status = "No decision is waiting for your team.".into();
                    return Act::None;
                };
                match d.options.iter().find(|o| o.number == usize::from(n)) {
                    Some(o) if o.available && d.pick.is_some() => self.tick(d, o.key, me),
                    Some(o) if o.available => Act::Vote(d.key, vec![o.key]),
                    Some(_) => {
                        self.status = format!("Option {n} is not available.");
                        Act::None
                    }
                    None => {
                        self.status = format!("There is no option {n}.");
                        Act::None
                    }
                }
            }
            Key::Submit if team => {
                let Some(d) = focused else {
                    self.status = "No decision is waiting for your team.".into();
                    return Act::None;
                };
                if !me.lead {
                    self.status = "Only the team's lead submits the team's choice.".into();
                    return Act::None;
                }
                match pick(d, me) {
                    Some(o) => {
                        self.confirm = Some((d.key, o));
                        Act::None
                    }
                    None if d.pick.is_some() => {
                        self.status =
                            "Tick the options first (their numbers): your vote is what you submit."
                                .into();
                        Act::None
                    }
                    None => {
                        self.status = "No option is available.".into();
                        Act::None
                    }
                }
            }
            Key::NextAction if team => {
                let n = view.map(|v| v.actions.len()).unwrap_or(0);
                if n == 0 {
                    self.status = "Your team has no action to take.".into();
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
            let words = d.pick.map(|p| p.words()).unwrap_or_default();
            self.status = format!("{n} ticked: {words} to vote.");
            Act::None
        }
    }

    /// The lead asks to take the highlighted action: it is checked, then confirmed.
    fn take(&mut self, view: Option<&SeatView>, me: &Me) -> Act {
        let actions = view.map(|v| v.actions.as_slice()).unwrap_or(&[]);
        let Some(a) = actions.get(self.action.min(actions.len().saturating_sub(1))) else {
            self.status = "Your team has no action to take.".into();
            return Act::None;
        };
        if !me.lead {
            self.status = "Only the team's lead takes the team's actions.".into();
        } else if !a.available {
            self.status = format!("“{}” cannot be taken now.", sanitize_line(&a.label));
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

fn plural(n: u32, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Draws the seat's screen.
pub fn draw(f: &mut Frame, view: Option<&SeatView>, ui: &Ui, me: &Me) {
    let area = f.area();
    if area.width < 10 || area.height < 5 {
        f.render_widget(Paragraph::new("Downtime: enlarge the window"), area);
        return;
    }
    let Some(v) = view else {
        f.render_widget(
            Paragraph::new("Downtime: waiting for the exercise host…"),
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
    draw_head(f, head, v, team, me);
    // The situation (deadlines, decisions taken, systems, services) beside, when there is room.
    let body = if body.width >= 110 && body.height >= 6 {
        let [main, side] =
            Layout::horizontal([Constraint::Min(70), Constraint::Length(38)]).areas(body);
        f.render_widget(
            Paragraph::new(situation_text(v, team))
                .wrap(Wrap { trim: false })
                .block(Block::default().borders(Borders::ALL).title(" Situation ")),
            side,
        );
        main
    } else {
        body
    };
    let mut decision_lines = decision_text(v, ui, me, team, body.width.saturating_sub(2));
    if team && !v.actions.is_empty() {
        decision_lines.extend(action_lines(v, ui, me));
    }
    let inner = usize::from(body.width.saturating_sub(2)).max(1);
    let wrapped: usize = decision_lines
        .iter()
        .map(|l| l.width().div_ceil(inner).max(1))
        .sum();
    let want = u16::try_from(wrapped).unwrap_or(u16::MAX).saturating_add(2);
    let top = want.min(body.height.saturating_mul(3) / 5).max(3);
    let [dec_area, inbox_area] =
        Layout::vertical([Constraint::Length(top), Constraint::Min(0)]).areas(body);
    let title = if team {
        " Your decision ".to_string()
    } else {
        " Open decisions ".to_string()
    };
    f.render_widget(
        Paragraph::new(decision_lines)
            .wrap(Wrap { trim: false })
            .block(Block::default().borders(Borders::ALL).title(title)),
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
        f.render_widget(
            Paragraph::new(lines).wrap(Wrap { trim: false }).block(
                Block::default()
                    .borders(Borders::ALL)
                    .title(" Shown by the facilitator "),
            ),
            inbox_area,
        );
    } else if inbox_area.height >= 3 {
        let inbox = inbox_text(v);
        let max = (inbox.len() as u16).saturating_sub(1);
        f.render_widget(
            Paragraph::new(inbox)
                .wrap(Wrap { trim: false })
                .scroll((ui.scroll.min(max), 0))
                .block(
                    Block::default()
                        .borders(Borders::ALL)
                        .title(format!(" Inbox ({}), newest first ", v.inbox.len())),
                ),
            inbox_area,
        );
    }
    let keys = if team && me.lead && !v.actions.is_empty() {
        "1–9 vote · s submit · a next action · t take it · Tab next decision · ↑↓ scroll · q leave"
    } else if team && me.lead {
        "1–9 vote · s submit the team's choice · Tab next decision · ↑↓ scroll · q leave"
    } else if team {
        "1–9 vote · Tab next decision · ↑↓ scroll the inbox · q leave"
    } else {
        "Tab next decision · ↑↓ scroll the inbox · q leave"
    };
    let taking = ui
        .confirm_take
        .and_then(|k| v.actions.iter().find(|a| a.key == k));
    let status = match &ui.confirm {
        _ if taking.is_some() => format!(
            "y / n: take “{}” for the team now?",
            sanitize_line(taking.map(|a| a.label.as_str()).unwrap_or(""))
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
            format!("y / n: submit “{label}” as the team's decision? This closes the vote.")
        }
        None => sanitize_line(&ui.status),
    };
    f.render_widget(
        Paragraph::new(vec![
            Line::from(Span::styled(
                status,
                Style::default().add_modifier(Modifier::BOLD),
            )),
            Line::from(keys),
        ]),
        foot,
    );
}

fn draw_head(f: &mut Frame, area: Rect, v: &SeatView, team: bool, me: &Me) {
    let who = if team && !me.name.is_empty() {
        format!(
            "{} · {}",
            sanitize_line(v.team.as_deref().unwrap_or("")),
            sanitize_line(&me.name)
        )
    } else if team {
        sanitize_line(v.team.as_deref().unwrap_or(""))
    } else {
        "Presenter".to_string()
    };
    let stage = match v.stage {
        Stage::Briefing => " · Briefing: the exercise has not started",
        Stage::Running => "",
        Stage::Paused => " · Paused",
        Stage::PhaseBreak => " · Phase break",
        Stage::Ended => " · The exercise has ended",
    };
    let c = &v.clock;
    let lines = vec![
        Line::from(vec![
            Span::styled(
                format!("Downtime · {who}"),
                Style::default().add_modifier(Modifier::BOLD),
            ),
            Span::raw(format!(" · {}", sanitize_line(&v.title))),
        ]),
        Line::from(format!(
            "{} · {} · phase {}/{}: {}{stage}",
            c.offset,
            sanitize_line(&c.time),
            c.phase,
            c.phases,
            sanitize_line(&c.phase_title)
        )),
    ];
    f.render_widget(Paragraph::new(lines), area);
}

fn block_lines(text: &str, indent: &str, out: &mut Vec<Line<'static>>) {
    for l in sanitize_block(text).replace('\t', "    ").lines() {
        out.push(Line::from(format!("{indent}{l}")));
    }
}

fn decision_text(v: &SeatView, ui: &Ui, me: &Me, team: bool, _width: u16) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    if let Some(e) = &v.ending {
        out.push(Line::from(Span::styled(
            format!("The exercise has ended: {}", sanitize_line(&e.title)),
            Style::default().add_modifier(Modifier::BOLD),
        )));
        block_lines(&e.debrief, "", &mut out);
        return out;
    }
    if v.stage == Stage::PhaseBreak
        && let Some(b) = &v.briefing
    {
        out.push(Line::from(Span::styled(
            format!("Next: {}", sanitize_line(&b.title)),
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
            "No decision is waiting for your team."
        } else {
            "No decision is open."
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
            head.push_str(&format!("({} of {}) ", i + 1, v.decisions.len()));
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
            out.push(Line::from(format!("Time left: {}", mmss(ms))));
        }
        if let Some(p) = d.pick {
            out.push(Line::from(format!(
                "Several answers: {} (press a number to tick or untick it).",
                p.words()
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
                s.push_str(" (not available)");
            }
            s.push_str(&format!(" — {}", plural(o.votes, "vote", "votes")));
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
                out.push(Line::from(format!(
                    "You lead the team: press s to submit “{l}” as the team's choice (vote for another option first to submit that one)."
                )));
            }
        }
    }
    out
}

/// The team's actions, the highlighted one marked, each with its uses and cooldown.
fn action_lines(v: &SeatView, ui: &Ui, me: &Me) -> Vec<Line<'static>> {
    let bold = Style::default().add_modifier(Modifier::BOLD);
    let mut out = vec![
        Line::default(),
        Line::from(Span::styled(
            if me.lead {
                "Actions your team can take at any time (a next · t take it)"
            } else {
                "Actions your team's lead can take at any time"
            },
            bold,
        )),
    ];
    let focus = ui.action.min(v.actions.len().saturating_sub(1));
    for (i, a) in v.actions.iter().enumerate() {
        let mark = if me.lead && i == focus { "▶ " } else { "  " };
        let mut s = format!("{mark}{}", sanitize_line(&a.label));
        if a.uses > 0 {
            s.push_str(&format!(" — taken {}", plural(a.uses, "time", "times")));
        }
        if let Some(m) = a.max_uses {
            s.push_str(&format!(" (at most {m})"));
        }
        if let Some(left) = a.ready_in {
            s.push_str(&format!(
                " · again in {}",
                crate::scenario::time::format_duration(left)
            ));
        } else if !a.available {
            s.push_str(" (not available now)");
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

fn situation_text(v: &SeatView, team: bool) -> Vec<Line<'static>> {
    let bold = Style::default().add_modifier(Modifier::BOLD);
    let mut out = Vec::new();
    if !v.deadlines.is_empty() {
        out.push(Line::from(Span::styled("Deadlines", bold)));
        for d in &v.deadlines {
            let min = d.left.max(0).saturating_add(59) / 60;
            let left = if min >= 60 {
                format!("{} h {:02} min", min / 60, min % 60)
            } else {
                format!("{min} min")
            };
            out.push(Line::from(format!(
                "  {}: {left} left",
                sanitize_line(&d.label)
            )));
        }
    }
    if !v.taken.is_empty() {
        out.push(Line::from(Span::styled("Decided", bold)));
        for t in v.taken.iter().take(8) {
            let who = if team {
                String::new()
            } else {
                format!("{}: ", sanitize_line(&t.team))
            };
            out.push(Line::from(format!(
                "  {} {who}{}{}",
                t.offset,
                sanitize_line(&t.option),
                if t.timeout { " (time ran out)" } else { "" }
            )));
        }
    }
    if !v.board.systems.is_empty() {
        out.push(Line::from(Span::styled("Systems", bold)));
        for (name, state) in &v.board.systems {
            out.push(Line::from(format!("  {}: {state}", sanitize_line(name))));
        }
    }
    if !v.board.services.is_empty() {
        out.push(Line::from(Span::styled("Services", bold)));
        for (name, cap) in &v.board.services {
            let pct = if cap.is_finite() {
                cap.round() as i64
            } else {
                0
            };
            out.push(Line::from(format!("  {}: {pct}%", sanitize_line(name))));
        }
    }
    out
}

fn inbox_text(v: &SeatView) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    if v.inbox.is_empty() {
        out.push(Line::from("No message yet."));
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
            out.push(Line::from(format!("  Attachment: {}", sanitize_line(name))));
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
