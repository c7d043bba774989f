//! Where the console's exercise comes from: a live journaled [`Session`] that the console
//! drives, or a journal written by another console and followed read-only (presenter).

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use crate::engine::{Command, Event, Exercise, RealMs};
use crate::journal::view::{PinKind, ViewEntry};
use crate::journal::{self, Session};
use crate::scenario::Scenario;

/// The exercise behind the console.
#[derive(Debug)]
// One per console, inside an already boxed screen: boxing a variant would buy nothing.
#[allow(clippy::large_enum_variant)]
pub enum Link {
    /// Driven by this console; every command is journaled before its events are shown.
    Live(Session),
    /// A journal followed read-only.
    Follow(Follower),
}

impl Link {
    /// The exercise, read-only.
    pub fn exercise(&self) -> &Exercise {
        match self {
            Link::Live(s) => s.exercise(),
            Link::Follow(f) => &f.exercise,
        }
    }

    /// The journal's path, if there is one.
    pub fn journal_path(&self) -> Option<&Path> {
        match self {
            Link::Live(s) => s.path(),
            Link::Follow(f) => Some(&f.path),
        }
    }

    /// Whether commands can be sent.
    pub fn read_only(&self) -> bool {
        matches!(self, Link::Follow(_))
    }

    /// Applies a command at real time `real`; refused when following.
    pub fn apply(&mut self, cmd: Command, real: RealMs) -> Result<Vec<Event>, String> {
        match self {
            Link::Live(s) => s.apply_at(cmd, real).map_err(|e| e.to_string()),
            Link::Follow(_) => Err("this view follows a journal and cannot change it".into()),
        }
    }

    /// Journals what the projector shows (a view line, not a command); refused when
    /// following.
    pub fn show(&mut self, entry: &ViewEntry) -> Result<(), String> {
        match self {
            Link::Live(s) => s.append_view(entry).map_err(|e| e.to_string()),
            Link::Follow(_) => Err("this view follows a journal and cannot change it".into()),
        }
    }

    /// Real milliseconds of the session now (reads the wall clock; only the runner calls it).
    pub fn real_now(&self) -> RealMs {
        match self {
            Link::Live(s) => s.real_now(),
            Link::Follow(f) => f.last_t + f.read_at.elapsed().as_millis() as RealMs,
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
}

/// Reads a journal's bytes (capped like the reader), its entries and its latest pin.
fn read_with_pin(path: &Path) -> Result<(journal::ReadJournal, Option<(PinKind, String)>), String> {
    let bytes =
        crate::scenario::load::read_capped(path, journal::MAX_JOURNAL).map_err(|(_, m)| m)?;
    let read = journal::read_journal_text(&path.display().to_string(), &bytes)
        .map_err(|e| e.to_string())?;
    Ok((read, journal::view::latest_pin(&bytes)))
}

impl Follower {
    /// Starts following `path`, replaying what it holds.
    pub fn open(path: &Path, scenario: Arc<Scenario>) -> Result<Self, String> {
        let (read, pin) = read_with_pin(path)?;
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
            pin,
        })
    }

    /// Re-reads the journal if its length changed; returns whether the exercise changed.
    pub fn refresh(&mut self) -> Result<bool, String> {
        let len = std::fs::metadata(&self.path)
            .map(|m| m.len())
            .map_err(|e| format!("cannot read {}: {e}", self.path.display()))?;
        if len == self.len {
            return Ok(false);
        }
        let (read, pin) = read_with_pin(&self.path)?;
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
        if let Some(e) = read.entries.last() {
            self.last_t = e.t;
            self.read_at = Instant::now();
        }
        Ok(changed)
    }
}
