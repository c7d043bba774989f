//! Messages and the update function: the only code that changes the [`App`]. Engine
//! changes go through [`Command`]s sent to the session, which journals them first.

use std::sync::Arc;

use ratatui::crossterm::event::{
    KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};

use crate::engine::{Command, Event, OptionStatus, RealMs, Status};
use crate::i18n::Lang;
use crate::journal::marks::{BEAT_MS, PAUSED_BEAT_MS, format_gap};
use crate::journal::{BeatKind, Session, ViewEntry};
use crate::scenario::time;
use crate::tr;

use super::app::{
    App, Confirm, EndTab, JournalChoice, Notice, Overlay, OverrideForm, Play, SPEEDS, Screen,
    WallNow,
};
use super::briefing::{BriefFocus, Field};
use super::curveball::CurveballPicker;
use super::input::{Input, InputResult};
use super::keys::{self, Action};
use super::link::Link;
use super::lookahead;
use super::view;

/// Something that happened to the console.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Msg {
    /// A key was pressed.
    Key(KeyEvent),
    /// The mouse was used.
    Mouse(MouseEvent),
    /// The terminal was resized to (columns, rows).
    Resize(u16, u16),
    /// Real time passed: real milliseconds of the session now.
    Tick(RealMs),
    /// The wall clock, read by the runner before each tick.
    Wall(WallNow),
    /// The followed journal may have grown.
    Refresh,
    /// The console is about to close (the runner sends it after the last frame).
    Closing,
    /// The console came back from a suspension (Ctrl-Z, then `fg`), at this real time.
    Continued(RealMs),
}

/// Least time between two view entries for a selection that reads nothing new, in ms.
const VIEW_EVERY_MS: i64 = 2_000;

/// Most log lines kept for the log panel.
const MAX_LOG: usize = 500;

impl App {
    /// Handles one message.
    pub fn update(&mut self, msg: Msg) {
        match msg {
            Msg::Resize(w, h) => self.size = (w, h),
            Msg::Tick(t) => self.tick(t),
            Msg::Wall(w) => self.wall_clock(w),
            Msg::Refresh => {
                self.refresh();
                self.refresh_hosted();
            }
            Msg::Closing => self.closing(),
            Msg::Continued(t) => {
                self.suspend = false;
                self.real = self.real.max(t);
                self.beat(BeatKind::Continue);
            }
            Msg::Key(k) if k.kind != KeyEventKind::Release => {
                self.notice = None;
                self.key(k);
            }
            Msg::Key(_) => {}
            Msg::Mouse(m) => self.mouse(m),
        }
    }

    /// A key press, sent through [`App::update`]; a shorthand for tests.
    pub fn press(&mut self, code: KeyCode) {
        self.update(Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)));
    }

    /// Keys pressed one after another, as [`App::press`] sends them: `\n` is Enter, `\t` Tab,
    /// `\x1b` Esc, any other character its own key; a shorthand for scripted tests.
    pub fn type_keys(&mut self, keys: &str) {
        for c in keys.chars() {
            self.press(match c {
                '\n' => KeyCode::Enter,
                '\t' => KeyCode::Tab,
                '\x1b' => KeyCode::Esc,
                c => KeyCode::Char(c),
            });
        }
    }

    pub(super) fn info(&mut self, text: impl Into<String>) {
        self.notice = Some(Notice {
            text: text.into(),
            error: false,
            warn: false,
        });
    }

    pub(super) fn error(&mut self, text: impl Into<String>) {
        self.notice = Some(Notice {
            text: text.into(),
            error: true,
            warn: false,
        });
    }

    /// Something that happened by default (a timeout): never shown with a success mark.
    pub(super) fn warn(&mut self, text: impl Into<String>) {
        self.notice = Some(Notice {
            text: text.into(),
            error: false,
            warn: true,
        });
    }

    fn key(&mut self, k: KeyEvent) {
        if keys::is_ctrl_z(&k) {
            self.ask_suspend();
            return;
        }
        if self.too_small() {
            // Nothing can be seen: only quitting works (the journal keeps everything).
            if keys::is_ctrl_c(&k) || k.code == KeyCode::Char('q') {
                self.quit = true;
            }
            return;
        }
        if self.overlay.is_some() {
            self.overlay_key(k);
            return;
        }
        match &self.screen {
            Screen::Picker(_) => self.picker_key(k),
            Screen::Briefing(_) => self.briefing_key(k),
            Screen::Play(_) => self.play_key(k),
        }
    }

    // ----- overlays -------------------------------------------------------------------

    fn overlay_key(&mut self, k: KeyEvent) {
        let Some(mut ov) = self.overlay.take() else {
            return;
        };
        let ctrl_c = keys::is_ctrl_c(&k);
        let keep = match &mut ov {
            Overlay::Seats { .. } => self.seats_key(&mut ov, k),
            Overlay::Overrule { .. } => self.overrule_key(&mut ov, k),
            Overlay::Help(scroll) => match k.code {
                KeyCode::Up | KeyCode::Char('k') => {
                    *scroll = scroll.saturating_sub(1);
                    true
                }
                KeyCode::Down | KeyCode::Char('j') => {
                    *scroll = scroll.saturating_add(1);
                    true
                }
                _ if ctrl_c => {
                    self.ask_quit();
                    return;
                }
                _ => false,
            },
            Overlay::Board(scroll) => match k.code {
                KeyCode::Up | KeyCode::Char('k') => {
                    *scroll = scroll.saturating_sub(1);
                    true
                }
                KeyCode::Down | KeyCode::Char('j') => {
                    *scroll = scroll.saturating_add(1);
                    true
                }
                KeyCode::PageUp => {
                    *scroll = scroll.saturating_sub(10);
                    true
                }
                KeyCode::PageDown => {
                    *scroll = scroll.saturating_add(10);
                    true
                }
                _ if ctrl_c => {
                    self.ask_quit();
                    return;
                }
                _ => false,
            },
            Overlay::Confirm(c) => {
                let c = c.clone();
                match k.code {
                    KeyCode::Char('y' | 'Y') | KeyCode::Enter => {
                        self.confirmed(c);
                        false
                    }
                    // A second Ctrl-C at the quit question leaves at once.
                    _ if ctrl_c && c == Confirm::Quit => {
                        self.quit = true;
                        false
                    }
                    KeyCode::Char('n' | 'N' | 'q') | KeyCode::Esc => false,
                    _ => true,
                }
            }
            Overlay::Note(input) => match input.key(k) {
                InputResult::Editing => !ctrl_c,
                InputResult::Cancel => false,
                InputResult::Submit => {
                    let text = input.text.trim().to_string();
                    if text.is_empty() {
                        false
                    } else if !self.send(Command::Note { text }) {
                        // Not saved: the note stays in the box, to try again.
                        true
                    } else {
                        if self.notice.is_none() {
                            self.info(tr!(self.lang(), "notice-note-added"));
                        }
                        false
                    }
                }
            },
            Overlay::Override(form) => self.override_key(form, k),
            Overlay::Rate(form) => self.rate_key(form, k),
            Overlay::Curveball(picker) => self.curveball_key(picker, k, ctrl_c),
            Overlay::Cast(scroll) => match k.code {
                KeyCode::Up | KeyCode::Char('k') => {
                    *scroll = scroll.saturating_sub(1);
                    true
                }
                KeyCode::Down | KeyCode::Char('j') => {
                    *scroll = scroll.saturating_add(1);
                    true
                }
                _ => false,
            },
            Overlay::Actions { rows, selected } => self.actions_key(rows, selected, k),
            Overlay::Rewind { entries, selected } => match k.code {
                KeyCode::Up | KeyCode::Char('k') => {
                    *selected = selected.saturating_sub(1);
                    true
                }
                KeyCode::Down | KeyCode::Char('j') => {
                    *selected = (*selected + 1).min(entries.len().saturating_sub(1));
                    true
                }
                KeyCode::Enter => {
                    if let Some(&(entry, _)) = entries.get(*selected) {
                        self.ask_rewind(entry);
                    }
                    false
                }
                _ => !(k.code == KeyCode::Esc || k.code == KeyCode::Char('q') || ctrl_c),
            },
            Overlay::Show { items, selected } => match k.code {
                KeyCode::Up | KeyCode::Char('k') => {
                    *selected = selected.saturating_sub(1);
                    true
                }
                KeyCode::Down | KeyCode::Char('j') => {
                    *selected = (*selected + 1).min(items.len().saturating_sub(1));
                    true
                }
                KeyCode::Char(c @ '1'..='9') => {
                    let n = c as usize - '1' as usize;
                    if let Some((pin, _)) = items.get(n) {
                        self.pin(*pin);
                    }
                    false
                }
                KeyCode::Enter | KeyCode::Char('s') => {
                    if let Some((pin, _)) = items.get(*selected) {
                        self.pin(*pin);
                    }
                    false
                }
                _ => !(k.code == KeyCode::Esc || k.code == KeyCode::Char('q') || ctrl_c),
            },
            Overlay::Plan(scroll) => match k.code {
                KeyCode::Up | KeyCode::Char('k') => {
                    *scroll = scroll.saturating_sub(1);
                    true
                }
                KeyCode::Down | KeyCode::Char('j') => {
                    *scroll = scroll.saturating_add(1);
                    true
                }
                _ => false,
            },
            Overlay::Problems { scroll, .. } => match k.code {
                KeyCode::Up | KeyCode::Char('k') => {
                    *scroll = scroll.saturating_sub(1);
                    true
                }
                KeyCode::Down | KeyCode::Char('j') => {
                    *scroll = scroll.saturating_add(1);
                    true
                }
                KeyCode::PageUp => {
                    *scroll = scroll.saturating_sub(10);
                    true
                }
                KeyCode::PageDown => {
                    *scroll = scroll.saturating_add(10);
                    true
                }
                _ => false,
            },
        };
        if keep && self.overlay.is_none() {
            self.overlay = Some(ov);
        }
    }

    /// Opens the evaluator's form at the first objective not rated yet.
    fn open_rating(&mut self) {
        let Some(play) = self.play() else {
            return;
        };
        let ex = play.ex();
        if ex.scenario().meta.objectives.is_empty() {
            self.error(tr!(self.lang(), "notice-no-objectives"));
            return;
        }
        let objective = ex
            .evaluations()
            .iter()
            .position(Option::is_none)
            .unwrap_or(0);
        self.overlay = Some(Overlay::Rate(super::app::RateForm {
            objective,
            ..Default::default()
        }));
    }

    fn rate_key(&mut self, form: &mut super::app::RateForm, k: KeyEvent) -> bool {
        let lang = self.lang();
        let Some(play) = self.play() else {
            return false;
        };
        let objectives = &play.ex().scenario().meta.objectives;
        let n = objectives.len().max(1);
        match k.code {
            KeyCode::Esc => return false,
            KeyCode::Tab | KeyCode::BackTab => form.field = 1 - form.field.min(1),
            KeyCode::Up | KeyCode::Left if form.field == 0 => {
                form.objective = (form.objective + n - 1) % n;
            }
            KeyCode::Down | KeyCode::Right if form.field == 0 => {
                form.objective = (form.objective + 1) % n;
            }
            KeyCode::Char(c) if form.field == 0 => {
                match crate::engine::Rating::from_letter(&c.to_string()) {
                    Some(r) => {
                        form.rating = Some(r);
                        form.error = None;
                    }
                    None => form.error = Some(tr!(lang, "rate-type-letter")),
                }
            }
            KeyCode::Enter => {
                let Some(rating) = form.rating else {
                    form.error = Some(tr!(lang, "rate-type-letter-first"));
                    form.field = 0;
                    return true;
                };
                let objective = objectives[form.objective].id.clone();
                let cmd = Command::Rate {
                    objective: objective.clone(),
                    rating,
                    note: form.note.text.trim().to_string(),
                };
                if self.send(cmd) {
                    let n = form.objective + 1;
                    self.info(tr!(
                        lang,
                        "log-objective-rated",
                        n = n,
                        rating = rating.letter()
                    ));
                    return false;
                }
                return true;
            }
            _ if form.field == 1 && form.note.key(k) == InputResult::Cancel => return false,
            _ => {}
        }
        true
    }

    fn scenario_inject_id(&self, i: u16) -> String {
        self.play()
            .map(|p| p.ex().scenario().injects[i as usize].id.clone())
            .unwrap_or_default()
    }

    /// A key in the curveball picker: arrows move, Enter throws, typing narrows, Esc
    /// closes. Returns whether the picker stays open.
    fn curveball_key(&mut self, picker: &mut CurveballPicker, k: KeyEvent, ctrl_c: bool) -> bool {
        let Some(play) = self.play() else {
            return false;
        };
        let injects = &play.ex().scenario().injects;
        match k.code {
            KeyCode::Up => picker.move_by(-1, injects),
            KeyCode::Down => picker.move_by(1, injects),
            KeyCode::PageUp => picker.move_by(-10, injects),
            KeyCode::PageDown => picker.move_by(10, injects),
            KeyCode::Backspace => picker.pop(),
            KeyCode::Enter => {
                if let Some(i) = picker.current(injects) {
                    let id = self.scenario_inject_id(i);
                    self.send(Command::Curveball { inject: id });
                }
                return false;
            }
            KeyCode::Char(c) if !ctrl_c && !k.modifiers.contains(KeyModifiers::CONTROL) => {
                picker.push(c);
            }
            _ => return false,
        }
        true
    }

    fn override_key(&mut self, form: &mut OverrideForm, k: KeyEvent) -> bool {
        let lang = self.lang();
        let Some(play) = self.play() else {
            return false;
        };
        let n = play.ex().scenario().metrics.len().max(1);
        match k.code {
            KeyCode::Esc => return false,
            KeyCode::Tab | KeyCode::Down => form.field = (form.field + 1) % 3,
            KeyCode::BackTab | KeyCode::Up => form.field = (form.field + 2) % 3,
            KeyCode::Left if form.field == 0 => form.metric = (form.metric + n - 1) % n,
            KeyCode::Right if form.field == 0 => form.metric = (form.metric + 1) % n,
            KeyCode::Enter => {
                let metric = play.ex().scenario().metrics[form.metric].id.clone();
                let reason = form.reason.text.trim().to_string();
                match parse_override(lang, &form.value.text) {
                    Err(e) => {
                        form.error = Some(e);
                        form.field = 1;
                    }
                    Ok(_) if reason.is_empty() => {
                        form.error = Some(tr!(lang, "override-give-reason"));
                        form.field = 2;
                    }
                    Ok((set, v)) => {
                        let cmd = if set {
                            Command::SetMetric {
                                metric,
                                value: v,
                                reason,
                            }
                        } else {
                            Command::AdjustMetric {
                                metric,
                                delta: v,
                                reason,
                            }
                        };
                        if self.send(cmd) {
                            return false;
                        }
                        // Not saved: the form stays filled in, to try again.
                        form.error = self.notice.as_ref().map(|n| n.text.clone());
                        return true;
                    }
                }
            }
            _ if keys::is_ctrl_c(&k) => return false,
            _ => {
                let input = match form.field {
                    1 => &mut form.value,
                    2 => &mut form.reason,
                    _ => return true,
                };
                input.key(k);
            }
        }
        true
    }

    fn confirmed(&mut self, c: Confirm) {
        match c {
            Confirm::Quit => self.quit = true,
            Confirm::Undo(_) => {
                self.send(Command::Undo);
            }
            Confirm::Rewind(ch) | Confirm::Clock(ch) => {
                self.send(ch.cmd);
            }
            Confirm::EndNow => {
                // The room's words: the journal and the report keep them as they are.
                let reason = tr!(self.lang(), "end-now-reason");
                self.send(Command::EndNow { reason });
            }
            Confirm::Ending => {
                self.send(Command::ConfirmEnding);
            }
        }
    }

    pub(super) fn ask_quit(&mut self) {
        let over = self.play().is_some_and(|p| p.ex().is_over());
        if self.read_only() || over || !matches!(self.screen, Screen::Play(_)) {
            self.quit = true;
        } else {
            self.overlay = Some(Overlay::Confirm(Confirm::Quit));
        }
    }

    // ----- picker ---------------------------------------------------------------------

    fn picker_key(&mut self, k: KeyEvent) {
        let lang = self.lang();
        let Screen::Picker(p) = &mut self.screen else {
            return;
        };
        match k.code {
            KeyCode::Up | KeyCode::Char('k') => p.move_by(-1),
            KeyCode::Down | KeyCode::Char('j') => p.move_by(1),
            KeyCode::Home => p.selected = 0,
            KeyCode::End => p.move_by(isize::MAX / 2),
            KeyCode::Enter => self.pick(),
            KeyCode::Char('l') if !p.next_language(lang) => {
                self.info(tr!(lang, "picker-one-language"));
            }
            KeyCode::Char('?') => self.overlay = Some(Overlay::Help(0)),
            KeyCode::Char('q') | KeyCode::Esc => self.quit = true,
            _ if keys::is_ctrl_c(&k) => self.quit = true,
            _ => {}
        }
    }

    fn pick(&mut self) {
        let Screen::Picker(p) = &self.screen else {
            return;
        };
        let Some(e) = p.entries.get(p.selected) else {
            return;
        };
        match &e.scenario {
            Some(s) => {
                let (s, source) = (Arc::clone(s), e.source.clone());
                let picker = p.clone();
                let theme = self.theme;
                let next = App::briefing(s, source, self.config.clone(), theme);
                self.screen = next.screen;
                self.last_picker = Some(picker);
            }
            None => {
                self.overlay = Some(Overlay::Problems {
                    title: e.title.clone(),
                    text: e.problems.clone().unwrap_or_default(),
                    scroll: 0,
                });
            }
        }
    }

    // ----- briefing -------------------------------------------------------------------

    fn briefing_key(&mut self, k: KeyEvent) {
        let Screen::Briefing(b) = &mut self.screen else {
            return;
        };
        if let Some(input) = &mut b.editing {
            match input.key(k) {
                InputResult::Editing => {}
                InputResult::Cancel => b.editing = None,
                InputResult::Submit => {
                    let text = input.text.clone();
                    b.editing = None;
                    let f = b.current();
                    if let Err(e) = b.set_text(f, &text) {
                        self.error(e);
                    }
                }
            }
            return;
        }
        if keys::is_ctrl_c(&k) {
            self.quit = true;
            return;
        }
        match k.code {
            KeyCode::Tab | KeyCode::BackTab => {
                let seats = b.hosted.is_some();
                b.focus = match (b.focus, k.code == KeyCode::Tab) {
                    (BriefFocus::Seats, true) | (BriefFocus::Info, false) => BriefFocus::Form,
                    (BriefFocus::Form, true) | (BriefFocus::Seats, false) => BriefFocus::Info,
                    (BriefFocus::Info, true) | (BriefFocus::Form, false) if seats => {
                        BriefFocus::Seats
                    }
                    (BriefFocus::Info, true) => BriefFocus::Form,
                    (BriefFocus::Form, false) => BriefFocus::Info,
                }
            }
            KeyCode::Up | KeyCode::Char('k') if b.focus == BriefFocus::Seats => {
                b.seat = b.seat.saturating_sub(1)
            }
            KeyCode::Down | KeyCode::Char('j') if b.focus == BriefFocus::Seats => {
                let n = b.hosted.as_ref().map(|h| h.seats.len()).unwrap_or(1);
                b.seat = (b.seat + 1).min(n.saturating_sub(1))
            }
            KeyCode::Enter if b.focus == BriefFocus::Seats => {
                self.overlay = Some(Overlay::Seats {
                    selected: b.seat,
                    qr: true,
                });
            }
            KeyCode::Char('r') if b.focus == BriefFocus::Seats => {
                let seat = b.seat;
                self.rotate_seat(seat);
            }
            KeyCode::PageUp => b.scroll = b.scroll.saturating_sub(10),
            KeyCode::PageDown => b.scroll = b.scroll.saturating_add(10),
            KeyCode::Up | KeyCode::Char('k') if b.focus == BriefFocus::Info => {
                b.scroll = b.scroll.saturating_sub(1)
            }
            KeyCode::Down | KeyCode::Char('j') if b.focus == BriefFocus::Info => {
                b.scroll = b.scroll.saturating_add(1)
            }
            KeyCode::Up | KeyCode::Char('k') => b.move_by(-1),
            KeyCode::Down | KeyCode::Char('j') => b.move_by(1),
            KeyCode::Left | KeyCode::Right | KeyCode::Char(' ' | 'h' | 'l') => {
                let dir = if matches!(k.code, KeyCode::Left | KeyCode::Char('h')) {
                    -1
                } else {
                    1
                };
                if let Field::Param(p) = b.current() {
                    b.cycle(p, dir);
                }
            }
            KeyCode::Enter => match b.current() {
                Field::Start => self.start(),
                f => {
                    if let Some(t) = b.text_of(f) {
                        b.editing = Some(Input::with(&t));
                    } else if let Field::Param(p) = f {
                        b.cycle(p, 1);
                    }
                }
            },
            KeyCode::Char('s') => self.start(),
            KeyCode::Char('?') => self.overlay = Some(Overlay::Help(0)),
            KeyCode::Esc => {
                if let Some(p) = self.last_picker.take() {
                    self.screen = Screen::Picker(p);
                }
            }
            KeyCode::Char('q') => self.quit = true,
            _ => {}
        }
    }

    /// Leaves the briefing: opens the journal and sends `Start`.
    fn start(&mut self) {
        let lang = self.lang();
        let Screen::Briefing(b) = &mut self.screen else {
            return;
        };
        if let Some(mut h) = b.hosted.take() {
            let cmd = b.start_command();
            let real = h.real_now().max(h.exercise().state().real_now);
            match h.apply(lang, cmd, real) {
                Ok(events) => {
                    let mut play = Play::new(Link::Hosted(h));
                    absorb(lang, &mut play, &events);
                    self.screen = Screen::Play(Box::new(play));
                    self.real = real;
                }
                Err(e) => {
                    b.hosted = Some(h);
                    self.error(e);
                }
            }
            return;
        }
        let session = match b.resumed.take() {
            Some(s) => Ok(s),
            None => {
                let sc = Arc::clone(&b.scenario);
                let now = crate::wall::started_now();
                match &self.config.journal {
                    JournalChoice::Off => Ok(Session::unjournaled(sc, &b.source, b.seed)),
                    JournalChoice::At(p) => Session::create(sc, &b.source, b.seed, p, now),
                    JournalChoice::Default => {
                        // The path the briefing showed, unless a file appeared there since.
                        let p = b
                            .journal
                            .clone()
                            .filter(|p| !p.exists())
                            .unwrap_or_else(|| {
                                crate::journal::fresh_path(&b.scenario.meta.id, b.seed)
                            });
                        Session::create(sc, &b.source, b.seed, &p, now)
                    }
                }
                .map_err(|e| super::link::said(lang, &e))
            }
        };
        let mut session = match session {
            Ok(s) => s,
            Err(e) => {
                self.error(e);
                return;
            }
        };
        let cmd = b.start_command();
        let real = self.real.max(session.exercise().state().real_now);
        match session.apply_at(cmd, real) {
            Ok(events) => {
                let mut play = Play::new(Link::Live(session));
                absorb(lang, &mut play, &events);
                self.screen = Screen::Play(Box::new(play));
                self.real = real;
            }
            Err(e) => {
                b.resumed = Some(session);
                self.error(super::link::said(lang, &e));
            }
        }
    }

    // ----- exercise -------------------------------------------------------------------

    fn play_mut(&mut self) -> Option<&mut Play> {
        match &mut self.screen {
            Screen::Play(p) => Some(p),
            _ => None,
        }
    }

    /// Sends a command to the exercise and takes in its events; returns whether it was
    /// applied (and journaled). A refused or unsaved command changes nothing and says why.
    pub fn send(&mut self, cmd: Command) -> bool {
        let lang = self.lang();
        let real = self.real;
        let Some(play) = self.play_mut() else {
            return false;
        };
        match play.link.apply(lang, cmd, real) {
            Ok(events) => {
                let notice = absorb(lang, play, &events);
                let held = events
                    .iter()
                    .any(|e| matches!(e, crate::engine::Event::EndingHeld { .. }));
                match notice {
                    Some((n, true)) => self.warn(n),
                    Some((n, false)) => self.info(n),
                    None => {}
                }
                if held {
                    // The engine does not end with decisions open unless told so: ask.
                    self.overlay = Some(Overlay::Confirm(Confirm::Ending));
                }
                true
            }
            Err(e) if play.ex().held_ending().is_some() => {
                self.overlay = Some(Overlay::Confirm(Confirm::Ending));
                self.error(e);
                false
            }
            Err(e) => {
                self.error(e);
                false
            }
        }
    }

    fn play_key(&mut self, k: KeyEvent) {
        let lang = self.lang();
        let Some(action) = keys::play_action(&k) else {
            return;
        };
        let Some(play) = self.play() else {
            return;
        };
        let status = play.ex().status();
        let read_only = play.link.read_only();
        if read_only {
            match action {
                Action::Move(_)
                | Action::Page(_)
                | Action::Focus(_)
                | Action::NextDecision
                | Action::Large
                | Action::Help
                | Action::Board
                | Action::ToggleTimes
                | Action::Quit
                | Action::Back => {}
                _ => {
                    self.info(tr!(lang, "notice-presenter-follows"));
                    return;
                }
            }
        }
        if let Status::Ended { .. } = status {
            self.end_action(action);
            return;
        }
        self.play_action(action, status);
    }

    fn end_action(&mut self, action: Action) {
        let presenter = self.presenter;
        let lang = self.lang();
        let Some(play) = self.play_mut() else {
            return;
        };
        let ui = &mut play.ui;
        match action {
            Action::Focus(d) => {
                ui.end_tab = ui.end_tab.cycle(d);
                ui.end_scroll = 0;
            }
            Action::Move(d) => ui.end_scroll = ui.end_scroll.saturating_add_signed(d as i16),
            Action::Page(d) => ui.end_scroll = ui.end_scroll.saturating_add_signed(10 * d as i16),
            Action::Choose(n) if n < EndTab::ALL.len() => {
                ui.end_tab = EndTab::ALL[n];
                ui.end_scroll = 0;
            }
            Action::Export => {
                let Some(path) = play.link.journal_path().map(|p| p.to_path_buf()) else {
                    self.error(tr!(lang, "notice-no-journal-report"));
                    return;
                };
                let r = crate::report::write_beside_in(&path, Some(lang));
                match &r {
                    Ok(p) => {
                        let text = tr!(
                            lang,
                            "notice-report-written",
                            path = p.display().to_string()
                        );
                        play.ui.report = Some(r);
                        self.info(text);
                    }
                    Err(e) => {
                        let text = tr!(lang, "notice-no-report", error = e.to_string());
                        play.ui.report = Some(r);
                        self.error(text);
                    }
                }
            }
            Action::NextDecision => {
                ui.end_tab = ui.end_tab.cycle(1);
                ui.end_scroll = 0;
            }
            Action::Undo => self.ask_undo(),
            Action::Rewind => self.open_rewind(),
            Action::Plan => self.overlay = Some(Overlay::Plan(0)),
            Action::ToggleTimes => self.toggle_times(),
            Action::Board => self.overlay = Some(Overlay::Board(0)),
            Action::Seats => self.open_seats(),
            Action::Rate => self.open_rating(),
            Action::Presenter if !play.link.read_only() => self.presenter = !presenter,
            Action::Help => self.overlay = Some(Overlay::Help(0)),
            Action::Quit => self.quit = true,
            _ => {}
        }
    }

    fn toggle_times(&mut self) {
        let lang = self.lang();
        let Some(play) = self.play_mut() else {
            return;
        };
        play.ui.offsets = !play.ui.offsets;
        let text = if play.ui.offsets {
            tr!(lang, "notice-times-offsets")
        } else {
            tr!(lang, "notice-times-clock")
        };
        self.info(text);
    }

    fn ask_undo(&mut self) {
        let lang = self.lang();
        let real = self.real;
        let Some(play) = self.play() else {
            return;
        };
        if play.ex().last_undoable().is_none() {
            self.error(tr!(lang, "notice-nothing-to-undo"));
            return;
        }
        match lookahead::preview(lang, play.ex(), &Command::Undo, real) {
            Ok(ch) => self.overlay = Some(Overlay::Confirm(Confirm::Undo(Box::new(ch)))),
            Err(e) => self.error(e),
        }
    }

    /// Opens the list of journal entries still in force, newest first, to rewind to one.
    fn open_rewind(&mut self) {
        let lang = self.lang();
        let Some(play) = self.play() else {
            return;
        };
        let ex = play.ex();
        // The start cannot be rewound: the first command in force is left out.
        let mut entries: Vec<(u64, String)> = ex
            .applied_entries()
            .zip(ex.applied())
            .skip(1)
            .map(|(n, (cmd, _))| (n, lookahead::command_text(lang, ex, cmd)))
            .collect();
        entries.reverse();
        if entries.is_empty() {
            self.error(tr!(lang, "notice-nothing-to-rewind"));
            return;
        }
        self.overlay = Some(Overlay::Rewind {
            entries,
            selected: 0,
        });
    }

    fn ask_rewind(&mut self, entry: u64) {
        let lang = self.lang();
        let real = self.real;
        let Some(play) = self.play() else {
            return;
        };
        match lookahead::preview(lang, play.ex(), &Command::Rewind { entry }, real) {
            Ok(ch) => self.overlay = Some(Overlay::Confirm(Confirm::Rewind(Box::new(ch)))),
            Err(e) => self.error(e),
        }
    }

    /// A clock command (Space, `n`, `N`): asks first when it would time out an open
    /// decision, and before any phase skip, naming what would be lost.
    fn clock(&mut self, cmd: Command) {
        let lang = self.lang();
        let real = self.real;
        let Some(play) = self.play() else {
            return;
        };
        let ex = play.ex();
        let skip =
            matches!(cmd, Command::NextPhase) && !matches!(ex.status(), Status::PhaseBreak { .. });
        match lookahead::preview(lang, ex, &cmd, real) {
            Ok(ch) if skip || !ch.timeouts.is_empty() => {
                self.overlay = Some(Overlay::Confirm(Confirm::Clock(Box::new(ch))));
            }
            // Nothing lost, or refused (the engine says why).
            _ => {
                self.send(cmd);
            }
        }
    }

    /// Pins something on the projector (or releases it): journaled as a view line, so
    /// that a presenter following the journal shows it too.
    fn pin(&mut self, pin: Option<super::app::Pin>) {
        let lang = self.lang();
        let real = self.real;
        let Some(play) = self.play_mut() else {
            return;
        };
        let sc = Arc::clone(play.ex().scenario_arc());
        let entry = super::projector::entry(&sc, pin, real);
        match play.link.show(lang, &entry) {
            Ok(()) => {
                play.ui.pin = pin;
                let text = match pin {
                    Some(p) => tr!(
                        lang,
                        "notice-pinned",
                        label = super::projector::label(lang, &sc, p)
                    ),
                    None => tr!(lang, "notice-unpinned"),
                };
                self.info(text);
            }
            Err(e) => self.error(e),
        }
    }

    fn open_show(&mut self) {
        let lang = self.lang();
        let Some(play) = self.play() else {
            return;
        };
        let items = super::projector::menu(lang, play);
        if items.is_empty() {
            self.error(tr!(lang, "notice-nothing-to-show"));
            return;
        }
        self.overlay = Some(Overlay::Show { items, selected: 0 });
    }

    fn play_action(&mut self, action: Action, status: Status) {
        let lang = self.lang();
        let presenter = self.presenter;
        let Some(play) = self.play_mut() else {
            return;
        };
        match action {
            Action::Choose(n) => self.choose(n),
            Action::Tick => {
                let n = play.ui.option_cursor;
                self.tick_option(n);
            }
            Action::Confirm => {
                if let Status::PhaseBreak { .. } = status {
                    self.send(Command::NextPhase);
                } else if let Some(d) = play.active_decision(presenter) {
                    let n = play.ui.option_cursor;
                    let multi = play.ex().scenario().decisions[d as usize].multi();
                    if play.ui.focus == super::app::Focus::Decision && multi {
                        self.take_ticked(d, n);
                    } else if play.ui.focus == super::app::Focus::Decision {
                        self.choose(n);
                    } else {
                        play.ui.focus = super::app::Focus::Decision;
                    }
                }
            }
            Action::Step => self.clock(Command::Step),
            Action::NextInject => self.clock(Command::NextInject),
            Action::NextPhase => self.clock(Command::NextPhase),
            Action::TogglePause => {
                let (cmd, beat) = if play.ex().state().paused {
                    (Command::Resume, BeatKind::Resume)
                } else {
                    (Command::Pause, BeatKind::Pause)
                };
                if self.send(cmd) {
                    self.beat(beat);
                }
            }
            Action::TogglePacing => {
                let p = &mut play.ui.pacing;
                p.on = !p.on;
                p.carry = 0;
                p.last = None;
                let text = if p.on {
                    tr!(lang, "notice-pacing-on", speed = p.speed)
                } else {
                    tr!(lang, "notice-pacing-off")
                };
                journal_pacing(play);
                self.info(text);
            }
            Action::Speed(d) => {
                let p = &mut play.ui.pacing;
                let i = SPEEDS.iter().position(|s| *s == p.speed).unwrap_or(4) as i32;
                p.speed = SPEEDS[(i + d).clamp(0, SPEEDS.len() as i32 - 1) as usize];
                let text = tr!(lang, "notice-pacing-speed", speed = p.speed);
                journal_pacing(play);
                self.info(text);
            }
            Action::Move(d) => move_in(play, d, presenter),
            Action::Page(d) => {
                play.ui.detail_scroll = play.ui.detail_scroll.saturating_add_signed(10 * d as i16)
            }
            Action::Focus(d) => play.ui.focus = play.ui.focus.cycle(d),
            Action::NextDecision if matches!(status, Status::PhaseBreak { .. }) => {
                play.ui.focus = play.ui.focus.cycle(1)
            }
            Action::NextDecision => match play.next_open_decision(presenter) {
                Some(d) => {
                    let i = play.ex().scenario().decisions[d as usize].inject;
                    select(play, i);
                    if presenter && play.ui.pin.is_some() {
                        // The presenter view shows the pin: say why Tab changes nothing.
                        self.info(tr!(lang, "notice-pin-holds"));
                    }
                }
                None => play.ui.focus = play.ui.focus.cycle(1),
            },
            Action::Show if play.link.read_only() => {}
            Action::Show => self.open_show(),
            Action::Seats => self.open_seats(),
            Action::Majority => self.take_majority(),
            Action::Rewind => self.open_rewind(),
            Action::Plan => self.overlay = Some(Overlay::Plan(0)),
            Action::Actions => self.open_actions(),
            Action::Curveball => {
                let picker = CurveballPicker::new(play.ex());
                if picker.injects.is_empty() {
                    self.error(tr!(lang, "notice-all-fired"));
                } else {
                    self.overlay = Some(Overlay::Curveball(picker));
                }
            }
            Action::Cast => {
                if play.ex().scenario().cast.is_empty() {
                    self.error(tr!(lang, "notice-no-cast"));
                } else {
                    self.overlay = Some(Overlay::Cast(0));
                }
            }
            Action::Override => {
                if play.ex().scenario().metrics.is_empty() {
                    self.error(tr!(lang, "notice-no-metrics"));
                } else {
                    self.overlay = Some(Overlay::Override(OverrideForm {
                        field: 1,
                        ..OverrideForm::default()
                    }));
                }
            }
            Action::Note => self.overlay = Some(Overlay::Note(Input::default())),
            Action::Rate if matches!(status, Status::PhaseBreak { .. }) => self.open_rating(),
            Action::Rate => self.error(tr!(lang, "notice-rate-when")),
            Action::Undo => self.ask_undo(),
            Action::EndNow => self.overlay = Some(Overlay::Confirm(Confirm::EndNow)),
            Action::Export => self.error(tr!(lang, "notice-export-when")),
            Action::Presenter => {
                if !play.link.read_only() {
                    self.presenter = !presenter;
                }
            }
            Action::Large => {
                self.large = !self.large;
                if !self.presenter {
                    self.info(tr!(lang, "notice-large-presenter"));
                }
            }
            Action::Help => self.overlay = Some(Overlay::Help(0)),
            Action::Board => self.overlay = Some(Overlay::Board(0)),
            Action::ToggleTimes => self.toggle_times(),
            Action::Back => play.ui.focus = super::app::Focus::Feed,
            Action::Quit => self.ask_quit(),
        }
    }

    /// Chooses the option shown at position `n` (from 0) of the decision of the inject
    /// shown, and of no other.
    fn choose(&mut self, n: usize) {
        let lang = self.lang();
        let presenter = self.presenter;
        let Some(play) = self.play_mut() else {
            return;
        };
        let Some(d) = play.active_decision(presenter) else {
            let text = match play.next_open_decision(presenter) {
                Some(d) => tr!(
                    lang,
                    "notice-decision-elsewhere",
                    title = lookahead::decision_name(play.ex(), d)
                ),
                None => tr!(lang, "notice-no-decision-open"),
            };
            self.error(text);
            return;
        };
        let ex = play.ex();
        let dec = &ex.scenario().decisions[d as usize];
        let order = crate::engine::option_order(ex, d);
        let Some(&k) = order.get(n) else {
            let count = dec.options.len();
            self.error(tr!(lang, "notice-option-count", n = count));
            return;
        };
        if let OptionStatus::Unavailable(why) = ex.option_status(d, k) {
            self.error(tr!(
                lang,
                "notice-option-unavailable",
                n = n + 1,
                why = crate::text::sanitize_line(&crate::i18n::refusal::unavailable(lang, &why))
            ));
            play_cursor(self, n);
            return;
        }
        // On a decision with several answers, a number takes its option alone unless
        // options are ticked (or one alone is not enough): then it ticks.
        let ticking = play
            .ui
            .ticked
            .as_ref()
            .is_some_and(|(t, sel)| *t == d && !sel.is_empty());
        if dec.multi() && (ticking || dec.pick_limits().0 > 1) {
            toggle_tick(&mut play.ui, d, k);
            play_cursor(self, n);
            return;
        }
        self.take_selection(d, vec![k]);
    }

    /// `i`: ticks or unticks the highlighted option of a decision with several answers.
    fn tick_option(&mut self, n: usize) {
        let lang = self.lang();
        let presenter = self.presenter;
        let Some(play) = self.play_mut() else {
            return;
        };
        let Some(d) = play.active_decision(presenter) else {
            self.error(tr!(lang, "notice-no-decision-here"));
            return;
        };
        let ex = play.ex();
        if !ex.scenario().decisions[d as usize].multi() {
            self.error(tr!(lang, "notice-single-option"));
            return;
        }
        let Some(&k) = crate::engine::option_order(ex, d).get(n) else {
            return;
        };
        if let OptionStatus::Unavailable(why) = ex.option_status(d, k) {
            self.error(tr!(
                lang,
                "notice-option-unavailable",
                n = n + 1,
                why = crate::text::sanitize_line(&crate::i18n::refusal::unavailable(lang, &why))
            ));
            return;
        }
        toggle_tick(&mut play.ui, d, k);
        play.ui.focus = super::app::Focus::Decision;
    }

    /// Takes options `sel` of decision `d` together (one for a single answer), asking why
    /// when the room voted otherwise.
    fn take_selection(&mut self, d: u16, sel: Vec<u16>) {
        let lang = self.lang();
        let Some(play) = self.play() else {
            return;
        };
        let ex = play.ex();
        let dec = &ex.scenario().decisions[d as usize];
        let (min, max) = dec.pick_limits();
        if sel.len() < usize::from(min) || sel.len() > usize::from(max) {
            self.error(tr!(
                lang,
                "notice-ticked",
                n = sel.len(),
                takes = crate::i18n::terms::pick_words(lang, min, max)
            ));
            return;
        }
        if let OptionStatus::Unavailable(why) = ex.selection_status(d, &sel) {
            self.error(tr!(
                lang,
                "notice-not-together",
                why = crate::text::sanitize_line(&crate::i18n::refusal::unavailable(lang, &why))
            ));
            return;
        }
        let cmd = Command::Choose {
            decision: dec.id.clone(),
            option: dec.selection_ids(&sel),
            team: None,
        };
        if let Some(room) = self.room_wants(d, &sel) {
            self.ask_overrule(d, sel, room);
            return;
        }
        self.send(cmd);
    }

    /// Enter on a decision with `pick`: takes the ticked options (the highlighted one
    /// alone when none is ticked).
    fn take_ticked(&mut self, d: u16, n: usize) {
        let Some(play) = self.play() else {
            return;
        };
        let sel = match &play.ui.ticked {
            Some((t, sel)) if *t == d && !sel.is_empty() => sel.clone(),
            _ => match crate::engine::option_order(play.ex(), d).get(n) {
                Some(&k) => vec![k],
                None => return,
            },
        };
        self.take_selection(d, sel);
    }

    fn mouse(&mut self, m: MouseEvent) {
        if self.overlay.is_some() || self.too_small() {
            return;
        }
        let area = ratatui::layout::Rect::new(0, 0, self.size.0, self.size.1);
        match m.kind {
            MouseEventKind::Down(MouseButton::Left) => {
                match view::exercise::hit(self, area, m.column, m.row) {
                    Some(view::exercise::Hit::Feed(i)) => {
                        if let Some(play) = self.play_mut() {
                            select(play, i);
                            play.ui.focus = super::app::Focus::Feed;
                        }
                    }
                    Some(view::exercise::Hit::Option(n)) => play_cursor(self, n),
                    None => {}
                }
            }
            MouseEventKind::ScrollUp => self.play_key(KeyEvent::from(KeyCode::Up)),
            MouseEventKind::ScrollDown => self.play_key(KeyEvent::from(KeyCode::Down)),
            _ => {}
        }
    }

    // ----- time -----------------------------------------------------------------------

    /// Says once per phase, in the status bar, when the phase runs past its planned time.
    fn plan_tick(&mut self, t: RealMs) {
        let lang = self.lang();
        let Some(play) = self.play_mut() else {
            return;
        };
        if play.link.read_only() || play.ex().is_over() {
            return;
        }
        let ex = play.ex();
        let phase = ex.state().phase;
        if play.ui.over_plan == Some(phase) {
            return;
        }
        let rows = super::plan::phases(ex, t);
        let Some(p) = rows.get(phase as usize) else {
            return;
        };
        if p.planned.is_some_and(|pl| p.spent > pl) {
            let text = tr!(
                lang,
                "notice-over-plan",
                line = super::plan::phase_line(lang, ex, p)
            );
            play.ui.over_plan = Some(phase);
            if self.notice.is_none() {
                self.warn(text);
            }
        }
    }

    fn tick(&mut self, t: RealMs) {
        self.plan_tick(t);
        self.real = t;
        self.heartbeat();
        let Some(play) = self.play_mut() else {
            return;
        };
        if play.link.read_only() {
            return;
        }
        let ex = play.ex();
        let running = matches!(ex.status(), Status::Running | Status::AwaitingDecisions);
        if !running {
            play.ui.pacing.last = None;
            play.ui.pacing.carry = 0;
            return;
        }
        // Real-time decision limits.
        let expired: Vec<String> = ex
            .pending()
            .iter()
            .filter(|&&d| ex.real_time_left(d, t).is_some_and(|left| left <= 0))
            .map(|&d| ex.scenario().decisions[d as usize].id.clone())
            .collect();
        for decision in expired {
            self.send(Command::Timeout { decision });
        }
        // Real-time pacing; it does not step while the console asks a question (a clock
        // command that would lose something waits for the facilitator's answer).
        let asking = matches!(self.overlay, Some(Overlay::Confirm(_)));
        let Some(play) = self.play_mut() else {
            return;
        };
        if asking {
            play.ui.pacing.last = Some(t);
            return;
        }
        let ex = play.ex();
        let step = ex.scenario().phases[ex.state().phase as usize].step;
        let paused = ex.state().paused;
        let running = matches!(ex.status(), Status::Running | Status::AwaitingDecisions);
        let waits = play.pacing_waits(t).is_some();
        let p = &mut play.ui.pacing;
        if !p.on || paused || !running {
            p.last = None;
            p.carry = 0;
            return;
        }
        if waits {
            // The clock waits at a decision's scenario-time limit until its real-time limit
            // runs out (a timeout above) or the room chooses.
            p.last = Some(t);
            p.carry = 0;
            return;
        }
        if let Some(last) = p.last {
            p.carry += t.saturating_sub(last);
        }
        p.last = Some(t);
        let need = p.step_ms(step);
        if p.carry >= need {
            p.carry -= need;
            self.send(Command::Step);
        }
    }

    /// How long the runner may wait for input before the next tick is due; `None` when
    /// nothing is timed (the console then blocks until a key, a resize or a signal).
    pub fn next_wakeup(&self) -> Option<std::time::Duration> {
        if self.hosted_link().is_some() {
            // Seats vote and come and go: look at the host four times a second.
            return Some(std::time::Duration::from_millis(250));
        }
        let play = self.play()?;
        if play.link.read_only() {
            return Some(std::time::Duration::from_millis(250));
        }
        let ex = play.ex();
        if ex.is_over() {
            return None;
        }
        let running = matches!(ex.status(), Status::Running | Status::AwaitingDecisions);
        // The clocks on screen move every second, and heartbeats are due.
        let mut ms: u64 = 1000 - (self.real % 1000);
        if !running || ex.state().paused {
            return Some(std::time::Duration::from_millis(ms));
        }
        let p = &play.ui.pacing;
        if p.on {
            let step = ex.scenario().phases[ex.state().phase as usize].step;
            ms = ms.min(p.step_ms(step).saturating_sub(p.carry).max(1));
        }
        Some(std::time::Duration::from_millis(ms))
    }

    fn refresh(&mut self) {
        let lang = self.lang();
        let Some(play) = self.play_mut() else {
            return;
        };
        let Link::Follow(f) = &mut play.link else {
            return;
        };
        match f.newer() {
            Some(Ok(next)) => {
                let name = next.path.display().to_string();
                *play = Play::new(Link::Follow(next));
                self.info(tr!(lang, "notice-following", name = name));
                return;
            }
            Some(Err(e)) => self.error(e),
            None => {}
        }
        let Some(play) = self.play_mut() else {
            return;
        };
        let Link::Follow(f) = &mut play.link else {
            return;
        };
        match f.refresh() {
            Ok(changed) => {
                if let Some((on, speed)) = f.pacing {
                    play.ui.pacing.on = on;
                    play.ui.pacing.speed = speed;
                }
                if changed {
                    let sc = Arc::clone(f.exercise.scenario_arc());
                    play.ui.pin = f
                        .pin
                        .as_ref()
                        .and_then(|(kind, id)| super::projector::resolve(&sc, *kind, id));
                    sync_feed(play);
                }
            }
            Err(e) => self.error(e),
        }
    }

    fn wall_clock(&mut self, w: WallNow) {
        self.wall = Some(w);
        if let Some(play) = self.play_mut()
            && let Link::Follow(f) = &play.link
        {
            play.ui.console = f.console(w.ms);
        }
    }

    /// Writes a heartbeat now (a live console whose exercise has started and not ended).
    fn beat(&mut self, kind: BeatKind) {
        let Some(wall) = self.wall else {
            return;
        };
        let real = self.real;
        let Some(play) = self.play_mut() else {
            return;
        };
        if play.link.read_only() {
            return;
        }
        play.link.beat(kind, real, wall.ms);
        play.ui.clock.last_beat = Some(wall.ms);
    }

    /// The live console's journal marks as time passes: the `open` heartbeat (with the
    /// interruption it ends, in the log), one every [`BEAT_MS`] while the exercise runs
    /// ([`PAUSED_BEAT_MS`] while it is paused), and the selection when it changed.
    fn heartbeat(&mut self) {
        let lang = self.lang();
        let Some(wall) = self.wall else {
            return;
        };
        let real = self.real;
        let Some(play) = self.play_mut() else {
            return;
        };
        if play.link.read_only() {
            return;
        }
        flush_view(play, wall.ms, false);
        if !play.ui.clock.opened {
            play.ui.clock.opened = true;
            if let Some(b) = play.link.resumed().and_then(|r| r.last_beat) {
                let gap = crate::journal::marks::gap(b, wall.ms, real);
                let text = tr!(lang, "notice-resumed-after", gap = format_gap(gap));
                let at = time::format_offset(play.ex().now());
                play.ui.log.push(format!("{at} {text}"));
                self.info(text);
            }
            self.beat(BeatKind::Open);
            return;
        }
        let Some(play) = self.play() else {
            return;
        };
        let ex = play.ex();
        if ex.is_over() {
            return;
        }
        let (kind, every) = if ex.state().paused {
            (BeatKind::Pause, PAUSED_BEAT_MS)
        } else {
            (BeatKind::Run, BEAT_MS)
        };
        let due = play
            .ui
            .clock
            .last_beat
            .is_none_or(|last| wall.ms.saturating_sub(last) >= every as i64);
        if due {
            self.beat(kind);
        }
    }

    /// The console closes: the selection and a `quit` heartbeat go to the journal.
    fn closing(&mut self) {
        if let Some(wall) = self.wall
            && let Some(play) = self.play_mut()
        {
            flush_view(play, wall.ms, true);
        }
        if self.play().is_some_and(|p| p.ui.clock.opened) {
            self.beat(BeatKind::Quit);
        }
    }

    /// Ctrl-Z: a `suspend` heartbeat, then the runner stops the process.
    fn ask_suspend(&mut self) {
        if let Some(wall) = self.wall
            && let Some(play) = self.play_mut()
        {
            flush_view(play, wall.ms, true);
        }
        if self.play().is_some_and(|p| p.ui.clock.opened) {
            self.beat(BeatKind::Suspend);
        }
        self.suspend = true;
    }
}

fn play_cursor(app: &mut App, n: usize) {
    if let Some(play) = app.play_mut() {
        play.ui.option_cursor = n;
        play.ui.focus = super::app::Focus::Decision;
    }
}

fn select(play: &mut Play, i: u16) {
    if play.ui.selected != Some(i) {
        play.ui.detail_scroll = 0;
        play.ui.option_cursor = 0;
    }
    play.ui.selected = Some(i);
    if play.ui.read.insert(i) {
        // Newly read: journaled at once (a selection of a read one waits a little).
        journal_selection(play);
    }
}

/// Journals the selection (live consoles only).
fn journal_selection(play: &mut Play) {
    let Some(i) = play.ui.selected else {
        return;
    };
    let inject = play.ex().scenario().injects[usize::from(i)].id.clone();
    play.link.view(ViewEntry::Select { inject });
    play.ui.clock.journaled = Some(i);
}

/// Journals the selection if it changed since it was last journaled, at most every
/// [`VIEW_EVERY_MS`] unless `now`.
fn flush_view(play: &mut Play, wall: i64, now: bool) {
    if play.ui.selected == play.ui.clock.journaled {
        return;
    }
    let recent = play
        .ui
        .clock
        .last_view
        .is_some_and(|last| wall.saturating_sub(last) < VIEW_EVERY_MS);
    if recent && !now {
        return;
    }
    journal_selection(play);
    play.ui.clock.last_view = Some(wall);
}

/// Journals the pacing settings (a resume restores them; the presenter shows them).
fn journal_pacing(play: &mut Play) {
    let p = play.ui.pacing;
    play.link.view(ViewEntry::Pacing {
        on: p.on,
        speed: p.speed,
    });
}

fn move_in(play: &mut Play, d: i32, presenter: bool) {
    match play.ui.focus {
        super::app::Focus::Feed => {
            let feed: Vec<u16> = play.feed_newest_first(presenter).map(|(i, _)| i).collect();
            if feed.is_empty() {
                return;
            }
            let at = play
                .ui
                .selected
                .and_then(|s| feed.iter().position(|x| *x == s))
                .unwrap_or(0) as i32;
            let to = (at + d).clamp(0, feed.len() as i32 - 1) as usize;
            select(play, feed[to]);
        }
        super::app::Focus::Detail => {
            play.ui.detail_scroll = play.ui.detail_scroll.saturating_add_signed(d as i16)
        }
        super::app::Focus::Decision => {
            let n = play
                .active_decision(presenter)
                .map(|dd| play.ex().scenario().decisions[dd as usize].options.len())
                .unwrap_or(0);
            if n > 0 {
                play.ui.option_cursor =
                    (play.ui.option_cursor as i32 + d).clamp(0, n as i32 - 1) as usize;
            }
        }
    }
}

/// A timeout, as people read it: never with a success mark.
/// `⏱ time ran out: default taken (1. Wait for IT to look at it) · Do you cut…?`
pub fn timeout_text(lang: Lang, ex: &crate::engine::Exercise, d: u16, o: u16) -> String {
    tr!(
        lang,
        "log-timed-out",
        option = lookahead::option_text(ex, d, o),
        title = crate::text::sanitize_line(&ex.scenario().decisions[d as usize].prompt)
    )
}

/// Takes in the events of a command: log lines, new injects selected; returns a message
/// worth showing in the status bar (an outcome, a timeout, the end), and whether it is a
/// timeout (shown without a success mark).
fn absorb(lang: Lang, play: &mut Play, events: &[Event]) -> Option<(String, bool)> {
    let ex = play.ex();
    let sc = ex.scenario();
    let mut notice = None;
    let mut lines = Vec::new();
    for e in events {
        if let Event::OptionChosen {
            decision,
            option,
            timeout: true,
        } = *e
        {
            let text = timeout_text(lang, ex, decision, option);
            lines.push(format!("{} {text}", sc.clock.day_time_in(lang, ex.now())));
            notice = Some((text, true));
            continue;
        }
        let Some(text) = super::words::line(lang, sc, ex, e) else {
            continue;
        };
        match e {
            Event::OutcomeDrawn { .. } | Event::Undone { .. } | Event::Ended { .. } => {
                notice = Some((text.clone(), false))
            }
            _ => {}
        }
        lines.push(format!("{} {text}", sc.clock.day_time_in(lang, ex.now())));
    }
    play.ui.log.extend(lines);
    if play.ui.log.len() > MAX_LOG {
        let cut = play.ui.log.len() - MAX_LOG;
        play.ui.log.drain(..cut);
    }
    sync_feed(play);
    notice
}

/// Selects the newest inject when new ones fired (by a seat too); repairs the selection
/// after an undo.
pub(super) fn sync(play: &mut Play) {
    sync_feed(play);
}

/// Selects the newest inject when new ones fired; repairs the selection after an undo.
fn sync_feed(play: &mut Play) {
    let feed = &play.ex().state().feed;
    let len = feed.len();
    let newest = feed.last().copied();
    let still = play.ui.selected.is_some_and(|s| feed.contains(&s));
    if len > play.ui.seen || !still {
        play.ui.selected = None;
        if let Some(i) = newest {
            select(play, i);
        }
    }
    play.ui.seen = len;
    let n = play
        .active_decision(false)
        .map(|d| play.ex().scenario().decisions[d as usize].options.len())
        .unwrap_or(0);
    if play.ui.option_cursor >= n {
        play.ui.option_cursor = 0;
    }
}

/// Parses an override value: `50` or `=50` sets, `+5` or `-5` adjusts.
pub fn parse_override(lang: Lang, text: &str) -> Result<(bool, f64), String> {
    let t = text.trim();
    let (set, num) = match t.chars().next() {
        Some('+') => (false, &t[1..]),
        Some('-') => (false, t),
        Some('=') => (true, &t[1..]),
        Some(_) => (true, t),
        None => return Err(tr!(lang, "override-type-value")),
    };
    match num.trim().parse::<f64>() {
        Ok(v) if v.is_finite() => Ok((set, v)),
        _ => Err(tr!(
            lang,
            "override-not-a-number",
            text = crate::text::sanitize_line(t)
        )),
    }
}

/// Ticks option `k` of decision `d` if it is not ticked, unticks it otherwise (the ticked
/// options of another decision are dropped); they stay in file order.
fn toggle_tick(ui: &mut super::app::PlayUi, d: u16, k: u16) {
    let mut sel = match ui.ticked.take() {
        Some((t, sel)) if t == d => sel,
        _ => Vec::new(),
    };
    match sel.iter().position(|&x| x == k) {
        Some(i) => {
            sel.remove(i);
        }
        None => sel.push(k),
    }
    sel.sort_unstable();
    ui.ticked = Some((d, sel));
}
