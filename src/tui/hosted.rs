//! The console as the facilitator's client of an exercise host (`play --seats`): the host's
//! owner thread holds the journaled session; the console sends its commands, view lines and
//! heartbeats through a [`Client`] and keeps a copy of the exercise, taken again whenever
//! the host says something changed (a seat voted, a member joined or left).

use std::path::{Path, PathBuf};

use crate::engine::{Command, Event, Exercise, RealMs};
use crate::host::{Client, Host, Launched, Roster, SeatInfo};
use crate::journal::{BeatKind, Resumed, ViewEntry};

/// The console's side of a running host.
pub struct Hosted {
    /// Dropped with the console: the server stops, the journal is already durable.
    _host: Host,
    client: Client,
    exercise: Exercise,
    version: u64,
    path: Option<PathBuf>,
    resumed: Option<Resumed>,
    /// The seats as handed out (URL with token, join code, SSH command).
    pub seats: Vec<SeatInfo>,
    /// Who joined each seat, as of the last look (the presenter first, like `seats`).
    pub roster: Vec<Roster>,
    /// What the facilitator was told when the host started (addresses, TLS, seats file).
    pub started: Vec<String>,
    /// Whether the seats' traffic is encrypted.
    pub tls: bool,
    seats_file: Option<PathBuf>,
}

impl std::fmt::Debug for Hosted {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Hosted")
            .field("path", &self.path)
            .field("seats", &self.seats.len())
            .finish_non_exhaustive()
    }
}

impl Hosted {
    /// The console's client of a launched host; `journal` and `resumed` are the session's,
    /// read before it moved into the host.
    pub fn new(
        launched: Launched,
        journal: Option<PathBuf>,
        resumed: Option<Resumed>,
        started: Vec<String>,
        seats_file: Option<PathBuf>,
    ) -> Result<Self, String> {
        let client = launched.host.client();
        let version = client.version();
        let (exercise, _) = client
            .snapshot()
            .ok_or_else(|| crate::tr!(client.lang(), "host-stopped-at-once"))?;
        Ok(Hosted {
            seats: client.seats(),
            roster: client.roster(),
            tls: client.tls(),
            _host: launched.host,
            client,
            exercise,
            version,
            path: journal,
            resumed,
            started,
            seats_file,
        })
    }

    /// The exercise as the console last saw it.
    pub fn exercise(&self) -> &Exercise {
        &self.exercise
    }

    /// The journal's path, if there is one.
    pub fn journal_path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// What the journal said about its last console, when it was resumed.
    pub fn resumed(&self) -> Option<&Resumed> {
        self.resumed.as_ref()
    }

    /// Applies a command at real time `real`.
    pub fn apply(
        &mut self,
        lang: crate::i18n::Lang,
        cmd: Command,
        real: RealMs,
    ) -> Result<Vec<Event>, String> {
        match self.client.apply_at(cmd, real) {
            Ok((events, ex)) => {
                self.exercise = ex;
                Ok(events)
            }
            Err(e) => {
                self.refresh();
                Err(super::link::said(lang, &e))
            }
        }
    }

    /// Journals a view line (pins reach the seats).
    pub fn view(&mut self, entry: &ViewEntry) -> Result<(), String> {
        self.client.view(entry.clone())
    }

    /// Journals a heartbeat.
    pub fn beat(&self, kind: BeatKind, real: RealMs, wall: i64) {
        self.client.beat(kind, real, wall);
    }

    /// Real milliseconds of the session now.
    pub fn real_now(&self) -> RealMs {
        self.client.real_now()
    }

    /// Looks again when the host says something changed; returns whether anything did.
    pub fn refresh(&mut self) -> bool {
        let v = self.client.version();
        if v == self.version {
            return false;
        }
        self.version = v;
        if let Some((ex, _)) = self.client.snapshot() {
            self.exercise = ex;
        }
        self.roster = self.client.roster();
        self.seats = self.client.seats();
        true
    }

    /// Gives the seat `who` (a team id or `presenter`) a new link and code: everyone who
    /// joined it is out. The seats file, if any, is rewritten.
    pub fn rotate(&mut self, who: &str) -> Result<SeatInfo, String> {
        let s = self.client.rotate(who)?;
        self.seats = self.client.seats();
        self.roster = self.client.roster();
        if let Some(p) = &self.seats_file {
            crate::host::seats::write_seats_file(p, &self.seats).map_err(|e| {
                crate::tr!(
                    self.client.lang(),
                    "host-seats-file-not-updated",
                    path = p.display().to_string(),
                    error = e.to_string()
                )
            })?;
        }
        Ok(s)
    }

    /// Names `voter` lead of team `team`.
    pub fn set_lead(&mut self, team: &str, voter: &str) -> Result<(), String> {
        self.client.set_lead(team, voter)?;
        self.roster = self.client.roster();
        Ok(())
    }
}
