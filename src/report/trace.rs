//! Replaying a journal entry by entry, keeping what each entry set off.
//!
//! [`crate::journal::replay`] gives the final exercise; a report also needs to know when
//! (in real time) each thing happened, which entries an undo later took back, and the
//! state right after each decision. The replay is the same: same commands, same real times.

use std::collections::BTreeMap;
use std::ops::Range;
use std::sync::Arc;

use crate::engine::{Command, Event, Exercise, RealMs};
use crate::journal::ReadJournal;
use crate::scenario::Scenario;
use crate::scenario::time::Secs;

/// What one journal entry did.
#[derive(Clone, Debug)]
pub struct Step {
    /// The entry's sequence number.
    pub seq: u64,
    /// Its real time, ms since the session's start.
    pub real: RealMs,
    /// Its events, each with the scenario time it happened at.
    pub events: Vec<(Secs, Event)>,
    /// The log entries it added (indices into [`Exercise::log`]).
    pub log: Range<usize>,
    /// False when a later undo took the entry back.
    pub survived: bool,
    /// Where the scenario clock stood after it.
    pub now: Secs,
}

/// The state right after a decision was taken.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Snapshot {
    /// Every metric's value.
    pub metrics: Vec<f64>,
    /// The score.
    pub score: f64,
}

/// A journal replayed with its history.
#[derive(Clone, Debug)]
pub struct Trace {
    /// The exercise after the last entry.
    pub exercise: Exercise,
    /// One step per entry.
    pub steps: Vec<Step>,
    /// For each decision in force at the end, the state right after the entry that took it.
    pub after_choice: BTreeMap<u16, Snapshot>,
}

/// Replays a journal. Fails like [`crate::journal::replay`] when an entry is refused.
pub fn replay(scenario: Arc<Scenario>, journal: &ReadJournal) -> Result<Trace, String> {
    let mut ex = Exercise::new(scenario, journal.header.seed);
    let mut steps: Vec<Step> = Vec::with_capacity(journal.entries.len());
    let mut snapshots: Vec<(usize, u16, Snapshot)> = Vec::new();
    let mut real_now: RealMs = 0;
    for e in &journal.entries {
        let before_log = ex.log().len();
        let before_now = ex.now();
        let events = ex.apply(e.cmd.clone(), e.t).map_err(|err| {
            format!(
                "entry {} of the journal cannot be replayed: {err}; \
                 was it recorded with another version of the scenario?",
                e.seq
            )
        })?;
        real_now = real_now.max(e.t);
        let idx = steps.len();
        let mut now = if matches!(e.cmd, Command::Undo | Command::Rewind { .. }) {
            ex.now()
        } else {
            before_now
        };
        let mut timed = Vec::with_capacity(events.len());
        for ev in events {
            if let Event::ClockAdvanced { to, .. } = ev {
                now = to;
            }
            if let Event::OptionChosen { decision, .. } = ev {
                // The whole entry's consequences are part of "right after": recorded below.
                snapshots.push((idx, decision, Snapshot::default()));
            }
            timed.push((now, ev));
        }
        for s in snapshots.iter_mut().filter(|s| s.0 == idx) {
            s.2 = Snapshot {
                metrics: ex.state().metrics.clone(),
                score: ex.score().score,
            };
        }
        steps.push(Step {
            seq: e.seq,
            real: real_now,
            events: timed,
            log: before_log..ex.log().len(),
            survived: false,
            now: ex.now(),
        });
    }
    // The entries whose commands the exercise still holds (entry n is step n - 1).
    for n in ex.applied_entries() {
        if let Some(s) = steps.get_mut((n - 1) as usize) {
            s.survived = true;
        }
    }
    let mut after_choice = BTreeMap::new();
    for (idx, d, snap) in snapshots {
        if steps[idx].survived {
            after_choice.insert(d, snap);
        }
    }
    Ok(Trace {
        exercise: ex,
        steps,
        after_choice,
    })
}
