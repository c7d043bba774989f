//! Lines of a journal that are not commands: heartbeats (the console's clock against the
//! wall clock) and view entries (what the console shows: the selected inject, pacing).
//! They never replay into the engine: `replay`, `fork` and `report` see the same commands
//! whether they are there or not. Old journals have none.
//!
//! ```text
//! {"beat":"run","t":15000,"wall":1764599415000}
//! {"view":"select","inject":"ransom_note"}
//! {"view":"pacing","on":true,"speed":15}
//! ```

use serde::{Deserialize, Serialize};

use crate::engine::RealMs;

/// How often a live console writes a heartbeat while an exercise runs, in real ms (a
/// resumed console continues from its last heartbeat, so this bounds what a crash loses).
/// A crash is noticed at once through the journal's lock file ([`super::writer_alive`]).
pub const BEAT_MS: u64 = 10_000;

/// How often it writes one while the exercise is paused.
pub const PAUSED_BEAT_MS: u64 = 60_000;

/// How long past its due time a missing heartbeat means the console is gone, in ms.
pub const STALE_MS: u64 = 5_000;

/// What a console was doing when it wrote a heartbeat.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BeatKind {
    /// A console opened the journal (started the exercise, or resumed it).
    Open,
    /// Still there, the exercise running (written every [`BEAT_MS`]).
    Run,
    /// The exercise was paused (and, every [`PAUSED_BEAT_MS`], is still paused).
    Pause,
    /// The exercise was resumed from a pause.
    Resume,
    /// The console was suspended (Ctrl-Z): nobody watches the clock until it continues.
    Suspend,
    /// The console came back from a suspension.
    Continue,
    /// The console was closed.
    Quit,
}

impl BeatKind {
    /// Whether the console is there after writing it.
    pub fn alive(self) -> bool {
        !matches!(self, BeatKind::Suspend | BeatKind::Quit)
    }
}

impl Beat {
    /// How long after this heartbeat the next one is due, in ms.
    pub fn due_ms(&self) -> u64 {
        match self.beat {
            BeatKind::Pause => PAUSED_BEAT_MS,
            _ => BEAT_MS,
        }
    }

    /// Whether the console that wrote it is still there at wall-clock `now`: it did not
    /// quit or suspend, and its next heartbeat is not overdue.
    pub fn live_at(&self, now: i64) -> bool {
        let age = now.saturating_sub(self.wall).max(0) as u64;
        self.beat.alive() && age <= self.due_ms() + STALE_MS
    }
}

/// A heartbeat: the console's real time of the session (`t`, the clock of entries) at a
/// moment of the wall clock, so any reader can compute the console's "now".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Beat {
    /// What the console was doing.
    pub beat: BeatKind,
    /// Real milliseconds of the session.
    pub t: RealMs,
    /// Wall clock: milliseconds since the Unix epoch (UTC).
    pub wall: i64,
}

/// What the console shows, for a resume and for the presenter; never replayed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "view", rename_all = "snake_case")]
pub enum ViewEntry {
    /// The facilitator selected (and so read) an inject.
    Select {
        /// Inject id.
        inject: String,
    },
    /// Real-time pacing was switched or its speed changed.
    Pacing {
        /// Whether pacing is on.
        on: bool,
        /// Scenario minutes per real minute.
        speed: u32,
    },
    /// The facilitator pinned something on the projector (see [`super::view`]).
    Pin {
        /// Real milliseconds of the session.
        t: RealMs,
        /// What kind of thing.
        what: super::view::PinKind,
        /// Its id (an inject's, or a phase's).
        id: String,
    },
    /// The projector shows the newest inject again.
    Unpin {
        /// Real milliseconds of the session.
        t: RealMs,
    },
}

/// A non-command line, where it stood in the journal.
#[derive(Clone, Debug, PartialEq)]
pub struct Mark {
    /// Number of command entries before it.
    pub after: u64,
    /// What it says.
    pub line: MarkLine,
}

/// A heartbeat or a view entry.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(untagged)]
pub enum MarkLine {
    /// A heartbeat.
    Beat(Beat),
    /// A view entry.
    View(ViewEntry),
}

impl MarkLine {
    /// Parses a line that is not a command entry: `None` when it is neither kind.
    pub(crate) fn parse(line: &[u8]) -> Option<Result<MarkLine, String>> {
        #[derive(Deserialize)]
        struct Probe {
            #[serde(default)]
            beat: Option<serde::de::IgnoredAny>,
            #[serde(default)]
            view: Option<serde::de::IgnoredAny>,
        }
        let probe: Probe = serde_json::from_slice(line).ok()?;
        if probe.beat.is_some() {
            Some(
                serde_json::from_slice::<Beat>(line)
                    .map(MarkLine::Beat)
                    .map_err(|e| format!("unreadable heartbeat: {e}")),
            )
        } else if probe.view.is_some() {
            Some(
                serde_json::from_slice::<ViewEntry>(line)
                    .map(MarkLine::View)
                    .map_err(|e| format!("unreadable view entry: {e}")),
            )
        } else {
            None
        }
    }
}

/// A time the exercise was interrupted: no console had it open between two heartbeats.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Interruption {
    /// Number of command entries before the resume.
    pub after: u64,
    /// Real milliseconds of the session at the resume.
    pub t: RealMs,
    /// How long no console had the exercise, in wall-clock ms: the wall-clock time between
    /// the last heartbeat before it and the `open` one, less what the session's clock
    /// counted of it (commands written after that heartbeat, before a crash).
    pub ms: u64,
}

/// The interruptions of a journal: each `open` heartbeat after an earlier one, measured
/// from the last heartbeat before it (a quit, or the last sign of life before a crash).
/// The session's real time `t` stops while nobody has the exercise open; the wall-clock
/// time of a real time `t` of the session is the start's plus `t` plus the interruptions
/// before it.
pub fn interruptions(marks: &[Mark]) -> Vec<Interruption> {
    let mut out = Vec::new();
    let mut last: Option<Beat> = None;
    for m in marks {
        let MarkLine::Beat(b) = &m.line else {
            continue;
        };
        if b.beat == BeatKind::Open
            && let Some(prev) = last
        {
            out.push(Interruption {
                after: m.after,
                t: b.t,
                ms: gap(prev, b.wall, b.t),
            });
        }
        last = Some(*b);
    }
    out
}

/// The wall-clock time lost between heartbeat `prev` and a console that opened the
/// journal at wall-clock `wall`, its session clock then at `t`, in ms.
pub fn gap(prev: Beat, wall: i64, t: RealMs) -> u64 {
    let walled = wall.saturating_sub(prev.wall).max(0) as u64;
    walled.saturating_sub(t.saturating_sub(prev.t))
}

/// The last heartbeat of a journal.
pub fn last_beat(marks: &[Mark]) -> Option<Beat> {
    marks.iter().rev().find_map(|m| match &m.line {
        MarkLine::Beat(b) => Some(*b),
        MarkLine::View(_) => None,
    })
}

/// What the view entries say the console showed last.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ViewState {
    /// Injects read (selected at least once), by id, in the order first read.
    pub read: Vec<String>,
    /// The inject selected last.
    pub selected: Option<String>,
    /// The last pacing setting (on, speed).
    pub pacing: Option<(bool, u32)>,
    /// What is pinned on the projector (kind, id), if anything.
    pub pin: Option<(super::view::PinKind, String)>,
}

/// Folds a journal's view entries into what the console showed last.
pub fn view_state(marks: &[Mark]) -> ViewState {
    let mut v = ViewState::default();
    for m in marks {
        match &m.line {
            MarkLine::View(ViewEntry::Select { inject }) => {
                if !v.read.contains(inject) {
                    v.read.push(inject.clone());
                }
                v.selected = Some(inject.clone());
            }
            MarkLine::View(ViewEntry::Pacing { on, speed }) => v.pacing = Some((*on, *speed)),
            MarkLine::View(ViewEntry::Pin { what, id, .. }) => v.pin = Some((*what, id.clone())),
            MarkLine::View(ViewEntry::Unpin { .. }) => v.pin = None,
            MarkLine::Beat(_) => {}
        }
    }
    v
}

/// A duration for people: `4 min`, `1 h 05 min`, `40 s`.
pub fn format_gap(ms: u64) -> String {
    let s = ms / 1000;
    let m = (s + 30) / 60;
    if s < 60 {
        format!("{s} s")
    } else if m < 60 {
        format!("{m} min")
    } else {
        format!("{} h {:02} min", m / 60, m % 60)
    }
}
