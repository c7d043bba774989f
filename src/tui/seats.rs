//! The facilitator's side of the seats (`play --seats`): the votes as they come, taking the
//! majority, overruling the room with a reason, the seats overlay (a new link for a seat,
//! a team's lead), and what the seats did told in the status bar and the log.

use ratatui::crossterm::event::{KeyCode, KeyEvent};

use crate::engine::{Command, Exercise, LogKind, OptionStatus};
use crate::text::sanitize_line;
use crate::tr;

use super::app::{App, Overlay, Screen};
use super::input::{Input, InputResult};
use super::link::Link;

/// The votes on open decision `d`: per option (in the scenario's order) the count and the
/// names given, for options with at least one vote.
pub fn tally(ex: &Exercise, d: u16) -> Vec<(u16, usize, Vec<String>)> {
    let ballots = crate::audience::ballots(ex, d);
    let n = ex.scenario().decisions[usize::from(d)].options.len() as u16;
    (0..n)
        .filter_map(|o| {
            let mine: Vec<_> = ballots.iter().filter(|b| b.1.contains(&o)).collect();
            (!mine.is_empty()).then(|| {
                let names = mine
                    .iter()
                    .map(|b| if b.2.is_empty() { b.0 } else { b.2 })
                    .map(sanitize_line)
                    .collect();
                (o, mine.len(), names)
            })
        })
        .collect()
}

/// The options most votes went to, if they got more than every other: one option, or
/// for a decision with `pick` the selection most voters made (whole selections count).
pub fn majority(ex: &Exercise, d: u16) -> Option<Vec<u16>> {
    let ballots = crate::audience::ballots(ex, d);
    let mut counts: Vec<(&[u16], usize)> = Vec::new();
    for b in &ballots {
        match counts.iter_mut().find(|(s, _)| *s == b.1.as_slice()) {
            Some(c) => c.1 += 1,
            None => counts.push((&b.1, 1)),
        }
    }
    let most = counts.iter().map(|x| x.1).max()?;
    let mut top = counts.iter().filter(|x| x.1 == most);
    let first = top.next()?;
    top.next().is_none().then(|| first.0.to_vec())
}

/// `2. Pay nothing` as the teams see the option; `1. Isolate + 3. Call` for several.
fn option_words(ex: &Exercise, d: u16, sel: &[u16]) -> String {
    let parts: Vec<String> = sel
        .iter()
        .map(|&o| super::lookahead::option_text(ex, d, o))
        .collect();
    parts.join(" + ")
}

impl App {
    /// `M`: takes the team's majority on the open decision (the facilitator confirms it).
    pub(super) fn take_majority(&mut self) {
        let lang = self.lang();
        let presenter = self.presenter;
        let Some(play) = self.play() else {
            return;
        };
        let Some(d) = play.active_decision(presenter) else {
            self.error(tr!(lang, "majority-no-decision"));
            return;
        };
        let ex = play.ex();
        if tally(ex, d).is_empty() {
            self.error(tr!(lang, "majority-no-votes"));
            return;
        }
        let Some(o) = majority(ex, d) else {
            self.error(tr!(lang, "majority-tied"));
            return;
        };
        if let OptionStatus::Unavailable(why) = ex.selection_status(d, &o) {
            self.error(tr!(
                lang,
                "majority-unavailable",
                why = sanitize_line(&crate::i18n::refusal::unavailable(lang, &why))
            ));
            return;
        }
        let dec = &ex.scenario().decisions[usize::from(d)];
        let cmd = Command::Choose {
            decision: dec.id.clone(),
            option: dec.selection_ids(&o),
            team: None,
        };
        self.send(cmd);
    }

    /// Whether choosing option `o` of decision `d` goes against the room, and what the room
    /// wanted: the majority of its votes (or a tie) when members voted.
    pub(super) fn room_wants(&self, d: u16, o: &[u16]) -> Option<String> {
        let lang = self.lang();
        let play = self.play()?;
        play.link.hosted()?;
        let ex = play.ex();
        let t = tally(ex, d);
        if t.is_empty() {
            return None;
        }
        match majority(ex, d) {
            Some(m) if m == o => None,
            Some(m) => Some(tr!(
                lang,
                "room-majority-voted",
                options = sanitize_line(&option_words(ex, d, &m))
            )),
            None => Some(tr!(lang, "room-tied")),
        }
    }

    /// Opens the question of why the room is overruled.
    pub(super) fn ask_overrule(&mut self, d: u16, o: Vec<u16>, room: String) {
        self.overlay = Some(Overlay::Overrule {
            decision: d,
            option: o,
            room,
            reason: Input::default(),
        });
    }

    /// Keys of the overrule question; returns whether it stays open.
    pub(super) fn overrule_key(&mut self, ov: &mut Overlay, k: KeyEvent) -> bool {
        let lang = self.lang();
        let Overlay::Overrule {
            decision,
            option,
            reason,
            ..
        } = ov
        else {
            return false;
        };
        match reason.key(k) {
            InputResult::Editing => true,
            InputResult::Cancel => false,
            InputResult::Submit => {
                let text = reason.text.trim().to_string();
                if text.is_empty() {
                    self.error(tr!(lang, "overrule-say-why"));
                    return true;
                }
                let Some(play) = self.play() else {
                    return false;
                };
                let dec = &play.ex().scenario().decisions[usize::from(*decision)];
                let cmd = Command::Overrule {
                    decision: dec.id.clone(),
                    option: dec.selection_ids(option),
                    reason: crate::text::sanitize_line(&text),
                };
                self.send(cmd);
                false
            }
        }
    }

    /// Opens the seats overlay (only with `--seats`).
    pub(super) fn open_seats(&mut self) {
        let lang = self.lang();
        if self.hosted_link().is_none() {
            self.info(tr!(lang, "seats-none"));
            return;
        }
        self.overlay = Some(Overlay::Seats {
            selected: 0,
            qr: false,
        });
    }

    /// Keys of the seats overlay; returns whether it stays open.
    pub(super) fn seats_key(&mut self, ov: &mut Overlay, k: KeyEvent) -> bool {
        let Overlay::Seats { selected, qr } = ov else {
            return false;
        };
        let n = self.hosted_link().map(|h| h.seats.len()).unwrap_or(0);
        match k.code {
            KeyCode::Up | KeyCode::Char('k') => *selected = selected.saturating_sub(1),
            KeyCode::Down | KeyCode::Char('j') => {
                *selected = (*selected + 1).min(n.saturating_sub(1))
            }
            KeyCode::Enter | KeyCode::Char(' ') => *qr = !*qr,
            KeyCode::Char('r') => self.rotate_seat(*selected),
            KeyCode::Char('l') => self.next_lead(*selected),
            _ if super::keys::is_ctrl_c(&k) => {
                self.ask_quit();
                return false;
            }
            _ => return false,
        }
        true
    }

    /// The host's seats, mutably, wherever the console is.
    fn hosted_mut(&mut self) -> Option<&mut super::hosted::Hosted> {
        match &mut self.screen {
            Screen::Play(p) => match &mut p.link {
                Link::Hosted(h) => Some(h),
                _ => None,
            },
            Screen::Briefing(b) => b.hosted.as_deref_mut(),
            Screen::Picker(_) => None,
        }
    }

    /// Gives seat `seat` a new link and code: everyone who joined it is out.
    pub(super) fn rotate_seat(&mut self, seat: usize) {
        let lang = self.lang();
        let Some(h) = self.hosted_mut() else {
            return;
        };
        let Some(who) = h
            .seats
            .get(seat)
            .map(|s| s.team.clone().unwrap_or_else(|| "presenter".to_string()))
        else {
            return;
        };
        match h.rotate(&who) {
            Ok(s) => self.info(tr!(
                lang,
                "seats-rotated",
                seat = sanitize_line(&s.label_in(lang)),
                code = &s.code
            )),
            Err(e) => self.error(e),
        }
    }

    /// Names the next member of team seat `seat` its lead.
    fn next_lead(&mut self, seat: usize) {
        let lang = self.lang();
        let Some(h) = self.hosted_mut() else {
            return;
        };
        let Some(r) = h.roster.get(seat).cloned() else {
            return;
        };
        let Some(team) = r.team.clone() else {
            self.error(tr!(lang, "seats-presenter-no-lead"));
            return;
        };
        if r.members.is_empty() {
            self.error(tr!(lang, "seats-team-empty"));
            return;
        }
        let now = r
            .members
            .iter()
            .position(|m| Some(&m.voter) == r.lead.as_ref());
        let next = &r.members[now.map(|i| (i + 1) % r.members.len()).unwrap_or(0)];
        let who = next.describe(lang, false);
        match h.set_lead(&team, &next.voter) {
            Ok(()) => self.info(tr!(
                lang,
                "seats-new-lead",
                who = sanitize_line(&who),
                seat = sanitize_line(&r.label_in(lang))
            )),
            Err(e) => self.error(e),
        }
    }

    /// Takes in what the host says changed (votes, submissions, actions, members); tells
    /// the facilitator what the seats did.
    pub(super) fn refresh_hosted(&mut self) {
        let lang = self.lang();
        let play = match &mut self.screen {
            Screen::Briefing(b) => {
                if let Some(h) = &mut b.hosted {
                    h.refresh();
                }
                return;
            }
            Screen::Play(p) => p,
            Screen::Picker(_) => return,
        };
        let Link::Hosted(h) = &mut play.link else {
            return;
        };
        if !h.refresh() {
            return;
        }
        let ex = play.ex();
        let sc = ex.scenario();
        let log = ex.log();
        let from = play.ui.seen_log.min(log.len());
        let mut lines = Vec::new();
        for l in &log[from..] {
            if let LogKind::Action {
                action,
                team,
                outcome,
                by,
                name,
            } = &l.kind
            {
                // Taken from a seat (the facilitator's own takes carry no seat id).
                if by.is_empty() {
                    continue;
                }
                let act = &sc.actions[usize::from(*action)];
                let who = if name.is_empty() {
                    sanitize_line(by)
                } else {
                    format!("{} ({})", sanitize_line(name), sanitize_line(by))
                };
                let took = tr!(
                    lang,
                    "seat-log-lead-took",
                    who = who,
                    action = sanitize_line(&act.label)
                );
                let mut text = match team {
                    Some(t) => tr!(
                        lang,
                        "log-with-team",
                        team = sanitize_line(&sc.teams[usize::from(*t)].name),
                        text = took
                    ),
                    None => took,
                };
                if let Some(k) = outcome {
                    let oc = &act.outcomes[usize::from(*k)];
                    text.push_str(&format!(" → {}", sanitize_line(&oc.label)));
                }
                lines.push((format!("{} {text}", sc.clock.day_time_in(lang, l.at)), text));
                continue;
            }
            let (d, o, who, submitted) = match &l.kind {
                LogKind::Vote {
                    decision,
                    option,
                    more,
                    voter,
                    name,
                } => (*decision, picked(*option, more), (voter, name), false),
                LogKind::Submitted {
                    decision,
                    option,
                    more,
                    by,
                    name,
                } => (*decision, picked(*option, more), (by, name), true),
                _ => continue,
            };
            let dec = &sc.decisions[usize::from(d)];
            let who = if who.1.is_empty() {
                sanitize_line(who.0)
            } else {
                format!("{} ({})", sanitize_line(who.1), sanitize_line(who.0))
            };
            let team = sanitize_line(&sc.teams[usize::from(dec.team)].name);
            let what = sanitize_line(&option_words(ex, d, &o));
            let text = if submitted {
                tr!(lang, "seat-log-submitted", who = who, options = what)
            } else {
                tr!(lang, "seat-log-votes", who = who, options = what)
            };
            let text = tr!(lang, "log-with-team", team = team, text = text);
            lines.push((format!("{} {text}", sc.clock.day_time_in(lang, l.at)), text));
        }
        play.ui.seen_log = log.len();
        let last = lines.last().map(|(_, t)| t.clone());
        play.ui.log.extend(lines.into_iter().map(|(l, _)| l));
        super::update::sync(play);
        if let Some(t) = last {
            self.info(t);
        }
    }
}

/// The options of a vote or a submission: the first and the others.
fn picked(first: u16, more: &[u16]) -> Vec<u16> {
    std::iter::once(first).chain(more.iter().copied()).collect()
}
