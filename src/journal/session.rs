//! A journaled exercise: commands are applied, then written and fsynced, before their
//! events are returned to whoever shows them.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use crate::engine::{Command, CommandError, Event, Exercise, RealMs};
use crate::scenario::Scenario;

use super::marks::{self, Beat, BeatKind, MarkLine, ViewEntry, ViewState};
use super::writer::WriteError;
use super::{Entry, Header, JournalWriter, ReadJournal, Started};

/// Why a session operation failed.
#[derive(Debug, thiserror::Error)]
pub enum SessionError {
    /// The engine refused the command; nothing changed and nothing was written.
    #[error("{0}")]
    Command(#[from] CommandError),
    /// The journal could not be written. The command was not applied and the journal is
    /// as it was: it can be tried again once the problem (a full disk, say) is fixed.
    #[error("not saved: cannot write the journal {}: {source}; nothing changed, try again once this is fixed", path.display())]
    Journal {
        /// The journal.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// Another process is writing this journal.
    #[error("{0}")]
    Locked(WriteError),
    /// The command would make a journal line the reader refuses; nothing changed.
    #[error("not saved: {0}")]
    TooLong(String),
    /// The journal belongs to another scenario, or to another version of this one.
    #[error("{0}")]
    Mismatch(String),
    /// Replaying the journal failed at an entry.
    #[error("entry {seq} of the journal cannot be replayed: {error}")]
    Replay {
        /// The entry.
        seq: u64,
        /// Why.
        error: CommandError,
    },
}

impl SessionError {
    /// The error in `lang`: the engine's refusals and a journal that cannot be written are
    /// worded in the language; the rarer failures (a journal locked or from another
    /// scenario, a replay that fails) keep their English details.
    pub fn in_lang(&self, lang: crate::i18n::Lang) -> String {
        match self {
            SessionError::Command(c) => crate::i18n::refusal::command_error(lang, c),
            SessionError::Journal { path, source } => crate::tr!(
                lang,
                "refusal-not-saved",
                path = path.display().to_string(),
                error = source.to_string()
            ),
            SessionError::TooLong(why) => crate::tr!(lang, "refusal-too-long", why = why),
            other => other.to_string(),
        }
    }
}

/// An exercise with its journal and its real-time clock.
#[derive(Debug)]
pub struct Session {
    exercise: Exercise,
    writer: Option<JournalWriter>,
    header: Header,
    base: RealMs,
    started: Instant,
    next_seq: u64,
    resumed: Option<Resumed>,
}

/// What a resumed journal said about the console that had it before.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Resumed {
    /// The last heartbeat, if the journal has any (older journals have none).
    pub last_beat: Option<Beat>,
    /// What the console showed last.
    pub view: ViewState,
}

/// Rebuilds an exercise by applying a journal's entries in order.
pub fn replay(scenario: Arc<Scenario>, journal: &ReadJournal) -> Result<Exercise, SessionError> {
    let mut ex = Exercise::new(scenario, journal.header.seed);
    for e in &journal.entries {
        ex.apply(e.cmd.clone(), e.t)
            .map_err(|error| SessionError::Replay { seq: e.seq, error })?;
    }
    Ok(ex)
}

/// Checks that a journal was written for this scenario file.
pub fn check_scenario(
    scenario: &Scenario,
    header: &Header,
    force: bool,
) -> Result<(), SessionError> {
    if header.scenario_id != scenario.meta.id {
        return Err(SessionError::Mismatch(format!(
            "the journal is for scenario `{}`, not `{}`",
            header.scenario_id, scenario.meta.id
        )));
    }
    if header.scenario_hash != scenario.hash && !force {
        return Err(SessionError::Mismatch(format!(
            "the scenario file has changed since the journal was written (journal {}, file {}); \
             resuming could replay differently. Restore the original file, or pass --force to try anyway",
            short(&header.scenario_hash),
            short(&scenario.hash)
        )));
    }
    if header.translation_hash != scenario.translation_hash && !force {
        let said = |h: &Option<String>| {
            h.as_deref()
                .map_or("none".to_string(), |h| short(h).to_string())
        };
        return Err(SessionError::Mismatch(format!(
            "the `{}` translation has changed since the journal was written (journal {}, file {}); \
             resuming could show other texts. Restore the original translation, or pass --force to try anyway",
            if header.language.is_empty() {
                "scenario's"
            } else {
                &header.language
            },
            said(&header.translation_hash),
            said(&scenario.translation_hash)
        )));
    }
    Ok(())
}

fn short(hash: &str) -> &str {
    hash.get(..19).unwrap_or(hash)
}

impl Session {
    /// Starts a new journal at `path` (refusing to overwrite an existing file).
    pub fn create(
        scenario: Arc<Scenario>,
        source: &str,
        seed: u64,
        path: &Path,
        started: Started,
    ) -> Result<Self, SessionError> {
        let header = Header::new(&scenario, source, seed, started);
        let writer = JournalWriter::create(path, &header).map_err(|e| write_error(path, e))?;
        Ok(Session {
            exercise: Exercise::new(scenario, seed),
            writer: Some(writer),
            header,
            base: 0,
            started: Instant::now(),
            next_seq: 1,
            resumed: None,
        })
    }

    /// A session without a journal (for tests and dry runs).
    pub fn unjournaled(scenario: Arc<Scenario>, source: &str, seed: u64) -> Self {
        let header = Header::new(&scenario, source, seed, Started::default());
        Session {
            exercise: Exercise::new(scenario, seed),
            writer: None,
            header,
            base: 0,
            started: Instant::now(),
            next_seq: 1,
            resumed: None,
        }
    }

    /// Resumes a journal: takes its lock, reads it again (another writer may have added to
    /// it since `journal` was read), replays it, then appends to it. A torn last line is cut
    /// off. Refused with [`SessionError::Locked`] while another process writes the journal.
    pub fn resume(
        scenario: Arc<Scenario>,
        path: &Path,
        journal: &ReadJournal,
        force: bool,
    ) -> Result<Self, SessionError> {
        check_scenario(&scenario, &journal.header, force)?;
        let lock = JournalWriter::lock(path).map_err(|e| write_error(path, e))?;
        let fresh = super::read_journal(path).map_err(|e| SessionError::Mismatch(e.to_string()))?;
        if fresh.header != journal.header {
            return Err(SessionError::Mismatch(format!(
                "{} was replaced while it was being opened; open it again",
                path.display()
            )));
        }
        let exercise = replay(scenario, &fresh)?;
        let writer = JournalWriter::append_to(lock, path, fresh.valid_len)
            .map_err(|e| write_error(path, e))?;
        // The clock goes on from the last sign of life: the last command, or a later
        // heartbeat (so countdowns go on from the crash, not from the last command).
        let last_beat = marks::last_beat(&fresh.marks);
        let base = fresh
            .entries
            .last()
            .map(|e| e.t)
            .unwrap_or(0)
            .max(last_beat.map(|b| b.t).unwrap_or(0));
        Ok(Session {
            exercise,
            writer: Some(writer),
            header: fresh.header.clone(),
            base,
            started: Instant::now(),
            next_seq: fresh.entries.len() as u64 + 1,
            resumed: Some(Resumed {
                last_beat,
                view: marks::view_state(&fresh.marks),
            }),
        })
    }

    /// The exercise, read-only.
    pub fn exercise(&self) -> &Exercise {
        &self.exercise
    }

    /// The journal's header.
    pub fn header(&self) -> &Header {
        &self.header
    }

    /// The journal's path, if journaled.
    pub fn path(&self) -> Option<&Path> {
        self.writer.as_ref().map(|w| w.path())
    }

    /// Real milliseconds of the session now.
    pub fn real_now(&self) -> RealMs {
        self.base
            .saturating_add(self.started.elapsed().as_millis() as RealMs)
    }

    /// What the journal said about its last console, when this session resumed it.
    pub fn resumed(&self) -> Option<&Resumed> {
        self.resumed.as_ref()
    }

    /// Writes a heartbeat at the current real time and wall-clock time `wall` (ms since the
    /// Unix epoch). The exercise is untouched; without a journal, nothing happens.
    pub fn beat(&mut self, kind: BeatKind, wall: i64) -> Result<(), SessionError> {
        let real = self.real_now();
        self.beat_at(kind, real, wall)
    }

    /// Writes a heartbeat at real time `real` (as given to [`Session::apply_at`]) and
    /// wall-clock time `wall`.
    pub fn beat_at(&mut self, kind: BeatKind, real: RealMs, wall: i64) -> Result<(), SessionError> {
        let t = real.max(self.exercise.state().real_now);
        self.mark(&MarkLine::Beat(Beat {
            beat: kind,
            t,
            wall,
        }))
    }

    /// Writes a view entry. The exercise is untouched; without a journal, nothing happens.
    pub fn view(&mut self, entry: ViewEntry) -> Result<(), SessionError> {
        self.mark(&MarkLine::View(entry))
    }

    fn mark(&mut self, line: &MarkLine) -> Result<(), SessionError> {
        let Some(w) = &mut self.writer else {
            return Ok(());
        };
        let text = serde_json::to_string(line).map_err(|e| SessionError::Journal {
            path: w.path().to_path_buf(),
            source: std::io::Error::other(e),
        })?;
        w.append_line(&text).map_err(|e| write_error(w.path(), e))
    }

    /// Number of entries written so far.
    pub fn entries(&self) -> u64 {
        self.next_seq - 1
    }

    /// Applies a command at the current real time.
    pub fn apply(&mut self, cmd: Command) -> Result<Vec<Event>, SessionError> {
        let real = self.real_now();
        self.apply_at(cmd, real)
    }

    /// Applies a command at a given real time and journals it before returning its events.
    /// Either both happen or neither: a command the journal cannot hold, or a write that
    /// fails, leaves the exercise and the journal exactly as they were.
    pub fn apply_at(&mut self, cmd: Command, real: RealMs) -> Result<Vec<Event>, SessionError> {
        let real = real.max(self.exercise.state().real_now);
        let Some(w) = &mut self.writer else {
            return Ok(self.exercise.apply(cmd, real)?);
        };
        let entry = Entry {
            seq: self.next_seq,
            t: real,
            cmd,
        };
        let line = JournalWriter::line(&entry).map_err(|e| write_error(w.path(), e))?;
        let before = self.exercise.clone();
        let events = self.exercise.apply(entry.cmd, real)?;
        if let Err(e) = w.append_line(&line) {
            self.exercise = before;
            return Err(write_error(w.path(), e));
        }
        self.next_seq += 1;
        Ok(events)
    }
}

impl Session {
    /// Appends a view line (what the projector shows; see [`super::view`]): it changes
    /// nothing in the exercise and takes no entry number. Without a journal it does nothing.
    pub fn append_view(&mut self, entry: &ViewEntry) -> Result<(), SessionError> {
        self.view(entry.clone())
    }
}

/// A writer's error as a session error.
fn write_error(path: &Path, e: WriteError) -> SessionError {
    match e {
        WriteError::Io(source) => SessionError::Journal {
            path: path.to_path_buf(),
            source,
        },
        WriteError::TooLong(m) => SessionError::TooLong(m),
        locked @ WriteError::Locked { .. } => SessionError::Locked(locked),
    }
}
