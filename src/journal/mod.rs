//! Journals: every command of an exercise, appended as JSON Lines and fsynced before its
//! effect is shown, so that a crash loses nothing and any exercise can be resumed,
//! replayed, forked and reported on.
//!
//! A journal is a header line followed by one line per command:
//! ```text
//! {"journal":"downtime","version":1,"scenario_id":"tutorial","scenario_hash":"sha256:…","seed":7,"started_at":"2026-11-29T10:00:00Z","utc_offset":"+01:00","time_zone":"Europe/Paris",…}
//! {"seq":1,"t":0,"cmd":"start","params":{},"session":{}}
//! {"seq":2,"t":5123,"cmd":"step"}
//! ```
//! `t` is real milliseconds of the session (pauses of the program, such as a crash, excluded).
//!
//! Between the entries, a live console writes heartbeats and view entries ([`marks`]):
//! ```text
//! {"beat":"run","t":15000,"wall":1764599415000}
//! {"view":"select","inject":"ransom_note"}
//! ```
//! They carry no `seq` and never replay into the engine. Projector pins are view entries
//! too ([`view`]).

pub mod marks;
mod reader;
mod session;
pub mod source;
pub mod view;
mod writer;

pub use marks::{Beat, BeatKind, Interruption, Mark, MarkLine, ViewEntry, ViewState};
pub use reader::{JournalError, ReadJournal, read_journal, read_journal_arg, read_journal_text};
pub use session::{Resumed, Session, SessionError, replay};
pub use writer::{
    JournalWriter, WriteError, WriterLock, default_dir, default_path, fresh_path, lock_path,
    newest_open, writer_alive,
};

use serde::{Deserialize, Serialize};

use crate::engine::{Command, RealMs};

/// Version of the journal format.
pub const JOURNAL_VERSION: u32 = 1;

/// Longest journal line accepted when reading, in bytes.
pub const MAX_LINE: usize = 1024 * 1024;

/// Largest journal file accepted when reading, in bytes.
pub const MAX_JOURNAL: u64 = 256 * 1024 * 1024;

/// The first line of a journal.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Header {
    /// Always `downtime`.
    pub journal: String,
    /// Format version.
    pub version: u32,
    /// The scenario's id.
    pub scenario_id: String,
    /// The scenario's title.
    pub scenario_title: String,
    /// The scenario's version.
    #[serde(default)]
    pub scenario_version: String,
    /// `sha256:` of the scenario file's bytes.
    pub scenario_hash: String,
    /// Where the scenario was loaded from (a path, or `bundled:NAME`).
    pub scenario_source: String,
    /// The seed of the exercise.
    pub seed: u64,
    /// Wall-clock start, RFC 3339 in UTC.
    pub started_at: String,
    /// The room's UTC offset at the start, e.g. `+01:00`; empty in older journals (read as UTC).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub utc_offset: String,
    /// The room's time-zone name at the start, e.g. `Europe/Paris`; empty when unknown.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub time_zone: String,
    /// The Downtime version that wrote the journal.
    pub downtime: String,
    /// The language the exercise's texts are in (`meta.language`, or its translation's);
    /// empty in older journals, and when the scenario names none.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub language: String,
    /// `sha256:` of the translation file's bytes, when the texts came from one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub translation_hash: Option<String>,
    /// Set when the journal was forked from another.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub forked_from: Option<Fork>,
}

/// Where a forked journal came from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Fork {
    /// The original journal's path.
    pub journal: String,
    /// The number of entries kept.
    pub at: u64,
}

/// One command as journaled.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    /// Sequence number, from 1.
    pub seq: u64,
    /// Real milliseconds since the session's start.
    pub t: RealMs,
    /// The command.
    #[serde(flatten)]
    pub cmd: Command,
}

/// When and where (in which time zone) a session started, as read by a front end.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Started {
    /// RFC 3339 in UTC.
    pub at: String,
    /// UTC offset, e.g. `+01:00`; empty when unknown.
    pub utc_offset: String,
    /// Time-zone name, e.g. `Europe/Paris`; empty when unknown.
    pub time_zone: String,
}

impl From<String> for Started {
    fn from(at: String) -> Self {
        Started {
            at,
            ..Started::default()
        }
    }
}

impl From<&str> for Started {
    fn from(at: &str) -> Self {
        Started::from(at.to_string())
    }
}

impl Header {
    /// The language to reload the scenario in: `None` for an older journal or one played
    /// without a translation.
    pub fn translation_language(&self) -> Option<&str> {
        self.translation_hash
            .as_ref()
            .and(Some(self.language.as_str()))
            .filter(|l| !l.is_empty())
    }

    /// A header for a new journal.
    pub fn new(
        scenario: &crate::scenario::Scenario,
        source: &str,
        seed: u64,
        started: Started,
    ) -> Self {
        Header {
            journal: "downtime".into(),
            version: JOURNAL_VERSION,
            scenario_id: scenario.meta.id.clone(),
            scenario_title: scenario.meta.title.clone(),
            scenario_version: scenario.meta.version.clone(),
            scenario_hash: scenario.hash.clone(),
            scenario_source: source.to_string(),
            seed,
            started_at: started.at,
            utc_offset: started.utc_offset,
            time_zone: started.time_zone,
            downtime: env!("CARGO_PKG_VERSION").into(),
            language: scenario.meta.language.clone(),
            translation_hash: scenario.translation_hash.clone(),
            forked_from: None,
        }
    }
}
