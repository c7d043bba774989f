//! Where the console's exercise comes from: a live journaled [`Session`] that the console
//! drives, or a journal written by another console and followed read-only (presenter).

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use crate::engine::{Command, Event, Exercise, RealMs};
use crate::journal::marks;
use crate::journal::view::PinKind;
use crate::journal::{self, Beat, BeatKind, Session, ViewEntry};
use crate::scenario::Scenario;

use super::app::ConsoleState;
use crate::i18n::Lang;
use crate::journal::SessionError;
use crate::tr;

/// Why a session refused or could not save a command, in `lang`.
pub fn said(lang: Lang, e: &SessionError) -> String {
    e.in_lang(lang)
}

/// The exercise behind the console.
#[derive(Debug)]
// One per console, inside an already boxed screen: boxing a variant would buy nothing.
#[allow(clippy::large_enum_variant)]
pub enum Link {
    /// Driven by this console; every command is journaled before its events are shown.
    Live(Session),
    /// A journal followed read-only.
    Follow(Follower),
    /// Driven by this console through an exercise host that also serves the seats.
    Hosted(Box<super::hosted::Hosted>),
}

impl Link {
    /// The exercise, read-only.
    pub fn exercise(&self) -> &Exercise {
        match self {
            Link::Live(s) => s.exercise(),
            Link::Follow(f) => &f.exercise,
            Link::Hosted(h) => h.exercise(),
        }
    }

    /// The journal's path, if there is one.
    pub fn journal_path(&self) -> Option<&Path> {
        match self {
            Link::Live(s) => s.path(),
            Link::Follow(f) => Some(&f.path),
            Link::Hosted(h) => h.journal_path(),
        }
    }

    /// Whether commands can be sent.
    pub fn read_only(&self) -> bool {
        matches!(self, Link::Follow(_))
    }

    /// Applies a command at real time `real`; refused when following. A refusal is
    /// worded in `lang`.
    pub fn apply(&mut self, lang: Lang, cmd: Command, real: RealMs) -> Result<Vec<Event>, String> {
        match self {
            Link::Live(s) => s.apply_at(cmd, real).map_err(|e| said(lang, &e)),
            Link::Hosted(h) => h.apply(lang, cmd, real),
            Link::Follow(_) => Err(tr!(lang, "refusal-follow")),
        }
    }

    /// Journals what the projector shows (a view line, not a command); refused when
    /// following.
    pub fn show(&mut self, lang: Lang, entry: &ViewEntry) -> Result<(), String> {
        match self {
            Link::Live(s) => s.append_view(entry).map_err(|e| said(lang, &e)),
            Link::Hosted(h) => h.view(entry),
            Link::Follow(_) => Err(tr!(lang, "refusal-follow")),
        }
    }

    /// Real milliseconds of the session now (reads the clock; only the runner calls it):
    /// the session's own, or the followed console's as its heartbeats tell.
    pub fn real_now(&self, wall: i64) -> RealMs {
        match self {
            Link::Live(s) => s.real_now(),
            Link::Hosted(h) => h.real_now(),
            Link::Follow(f) => f.real_at(wall),
        }
    }

    /// Writes a heartbeat (live consoles with a journal only); failures are left to the
    /// next command to report.
    pub fn beat(&mut self, kind: BeatKind, real: RealMs, wall: i64) {
        match self {
            Link::Live(s) => {
                let _ = s.beat_at(kind, real, wall);
            }
            Link::Hosted(h) => h.beat(kind, real, wall),
            Link::Follow(_) => {}
        }
    }

    /// Writes a view entry (live consoles with a journal only).
    pub fn view(&mut self, entry: ViewEntry) {
        match self {
            Link::Live(s) => {
                let _ = s.view(entry);
            }
            Link::Hosted(h) => {
                let _ = h.view(&entry);
            }
            Link::Follow(_) => {}
        }
    }

    /// What the journal said about its last console, when this console resumed it.
    pub fn resumed(&self) -> Option<&crate::journal::Resumed> {
        match self {
            Link::Live(s) => s.resumed(),
            Link::Hosted(h) => h.resumed(),
            Link::Follow(_) => None,
        }
    }

    /// The host, when the console serves seats.
    pub fn hosted(&self) -> Option<&super::hosted::Hosted> {
        match self {
            Link::Hosted(h) => Some(h),
            _ => None,
        }
    }
}

/// A journal followed as it grows.
#[derive(Debug)]
pub struct Follower {
    /// The journal.
    pub path: PathBuf,
    scenario: Arc<Scenario>,
    len: u64,
    /// The exercise replayed from the journal.
    pub exercise: Exercise,
    applied: usize,
    last_t: RealMs,
    read_at: Instant,
    /// What the facilitator pinned on the projector, as the journal's view lines say.
    pub pin: Option<(PinKind, String)>,
    /// The console's last heartbeat.
    pub beat: Option<Beat>,
    /// Wall-clock ms when the journal's lock last showed its console running.
    seen_alive: Option<i64>,
    /// The journal's lock file is there but nobody holds it: its console crashed.
    crashed: bool,
    /// The console's pacing as last journaled (on, speed).
    pub pacing: Option<(bool, u32)>,
    /// With `present --latest` or a folder: the folder watched for a newer exercise.
    pub folder: Option<PathBuf>,
    /// The `--scenario` file given, for a newer journal too.
    pub explicit_scenario: Option<PathBuf>,
    checked_folder: Option<Instant>,
    started_at: String,
}

impl Follower {
    /// Starts following `path`, replaying what it holds.
    pub fn open(path: &Path, scenario: Arc<Scenario>) -> Result<Self, String> {
        let read = journal::read_journal(path).map_err(|e| e.to_string())?;
        let exercise = journal::replay(Arc::clone(&scenario), &read).map_err(|e| e.to_string())?;
        let len = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
        Ok(Follower {
            path: path.to_path_buf(),
            scenario,
            len,
            exercise,
            applied: read.entries.len(),
            last_t: read.entries.last().map(|e| e.t).unwrap_or(0),
            read_at: Instant::now(),
            pin: marks::view_state(&read.marks).pin,
            beat: marks::last_beat(&read.marks),
            seen_alive: None,
            crashed: false,
            pacing: marks::view_state(&read.marks).pacing,
            folder: None,
            explicit_scenario: None,
            checked_folder: None,
            started_at: read.header.started_at.clone(),
        })
    }

    /// In folder mode, every two seconds: a journal another console opened since, with
    /// its scenario, to follow instead.
    pub fn newer(&mut self) -> Option<Result<Follower, String>> {
        let dir = self.folder.clone()?;
        if self
            .checked_folder
            .is_some_and(|c| c.elapsed() < std::time::Duration::from_secs(2))
        {
            return None;
        }
        self.checked_folder = Some(Instant::now());
        let next = journal::newest_open(&dir, crate::wall::now_ms())?;
        if next == self.path {
            return None;
        }
        // Only an exercise started later, or any open one once this one's console is gone.
        let read = journal::read_journal(&next).ok()?;
        let mine_open = journal::lock_path(&self.path).exists();
        if mine_open && read.header.started_at <= self.started_at {
            return None;
        }
        let found = journal::source::find(&next, &read.header, self.explicit_scenario.as_deref());
        Some(found.and_then(|f| {
            let mut n = Follower::open(&next, f.scenario)?;
            n.folder = self.folder.clone();
            n.explicit_scenario = self.explicit_scenario.clone();
            n.checked_folder = self.checked_folder;
            Ok(n)
        }))
    }

    /// The console's real time of the session at wall-clock `wall`: its last heartbeat
    /// carried forward while heartbeats keep coming, frozen at its last value once the
    /// console is closed, suspended or silent. Journals without heartbeats (older
    /// consoles) fall back to the last entry's time carried forward.
    pub fn real_at(&self, wall: i64) -> RealMs {
        let last_entry = self.exercise.state().real_now;
        let Some(b) = self.beat else {
            return self
                .last_t
                .saturating_add(self.read_at.elapsed().as_millis() as RealMs);
        };
        let age = wall.saturating_sub(b.wall).max(0) as u64;
        // A crashed console resumes from its last heartbeat: frozen there.
        let t = if !self.crashed && b.live_at(wall) {
            b.t.saturating_add(age)
        } else {
            b.t
        };
        t.max(last_entry)
    }

    /// What the heartbeats say about the console at wall-clock `wall`.
    pub fn console(&self, wall: i64) -> ConsoleState {
        let Some(b) = self.beat else {
            return ConsoleState::Unknown;
        };
        let age = wall.saturating_sub(b.wall).max(0) as u64;
        let ago = age / 1000;
        let seen = self.seen_alive.unwrap_or(b.wall).max(b.wall);
        match b.beat {
            BeatKind::Quit => ConsoleState::Closed(ago),
            BeatKind::Suspend => ConsoleState::Suspended(ago),
            _ if self.crashed => ConsoleState::Lost(wall.saturating_sub(seen).max(0) as u64 / 1000),
            _ if !b.live_at(wall) => ConsoleState::Lost(ago),
            _ if self.exercise.state().paused => ConsoleState::Paused,
            _ => ConsoleState::Live,
        }
    }

    /// Looks at the journal's lock, then re-reads the journal if its length changed; returns
    /// whether the exercise changed.
    pub fn refresh(&mut self) -> Result<bool, String> {
        // Is its console still running? Its lock tells at once; heartbeats only later.
        match journal::writer_alive(&self.path) {
            Some(true) => {
                self.seen_alive = Some(crate::wall::now_ms());
                self.crashed = false;
            }
            Some(false) => self.crashed = true,
            None => {}
        }
        let len = std::fs::metadata(&self.path)
            .map(|m| m.len())
            .map_err(|e| format!("cannot read {}: {e}", self.path.display()))?;
        if len == self.len {
            return Ok(false);
        }
        let read = journal::read_journal(&self.path).map_err(|e| e.to_string())?;
        let pin = marks::view_state(&read.marks).pin;
        self.len = len;
        let pin_changed = pin != self.pin;
        self.pin = pin;
        if read.entries.len() < self.applied || read.header.seed != self.exercise.seed() {
            // Rewritten (e.g. forked over): replay from the start.
            self.exercise =
                journal::replay(Arc::clone(&self.scenario), &read).map_err(|e| e.to_string())?;
        } else {
            for e in &read.entries[self.applied..] {
                self.exercise
                    .apply(e.cmd.clone(), e.t)
                    .map_err(|err| format!("entry {} cannot be replayed: {err}", e.seq))?;
            }
        }
        let changed = read.entries.len() != self.applied || pin_changed;
        self.applied = read.entries.len();
        self.beat = marks::last_beat(&read.marks).or(self.beat);
        self.pacing = marks::view_state(&read.marks).pacing.or(self.pacing);
        if let Some(e) = read.entries.last() {
            self.last_t = e.t;
            self.read_at = Instant::now();
        }
        Ok(changed)
    }
}
