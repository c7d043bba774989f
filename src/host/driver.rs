//! The facilitator's stdin driver as a client of the host: the `run --interactive`
//! protocol's driver, plus the host's own lines (`seats`, `rotate`, `lead`).

use std::collections::BTreeMap;
use std::path::PathBuf;

use crate::engine::{Command, Event, Exercise, ParamSetting};
use crate::headless::interactive::DynDriver;
use crate::journal::SessionError;

use super::Client;

/// Drives a host from the line protocol.
pub struct HostDriver {
    client: Client,
    ex: Exercise,
    entries: u64,
    params: BTreeMap<String, ParamSetting>,
    seats_file: Option<PathBuf>,
}

impl HostDriver {
    /// A driver for the host behind `client`; `None` when the host has stopped.
    pub fn new(
        client: Client,
        params: BTreeMap<String, ParamSetting>,
        seats_file: Option<PathBuf>,
    ) -> Option<Self> {
        let (ex, entries) = client.snapshot()?;
        Some(HostDriver {
            client,
            ex,
            entries,
            params,
            seats_file,
        })
    }

    /// The exercise as the driver last saw it.
    pub fn exercise_now(&self) -> Exercise {
        self.ex.clone()
    }

    fn seats_text(&self) -> String {
        let roster = self.client.roster();
        let mut out = String::new();
        for (s, r) in self.client.seats().iter().zip(roster) {
            out.push_str(&format!("{:<24} {}  code {}\n", s.label, s.url, s.code));
            if !r.members.is_empty() {
                let joined: Vec<String> = r.members.iter().map(|m| m.describe()).collect();
                out.push_str(&format!(
                    "    joined: {}{}\n",
                    joined.join(", "),
                    r.lead.map(|l| format!(" (lead {l})")).unwrap_or_default()
                ));
            }
        }
        crate::text::sanitize_block(out.trim_end())
    }
}

impl DynDriver for HostDriver {
    fn ex(&self) -> &Exercise {
        &self.ex
    }

    fn dyn_send(&mut self, cmd: Command) -> Result<Vec<Event>, SessionError> {
        let cmd = match cmd {
            Command::Start { session, .. } => Command::Start {
                params: self.params.clone(),
                session,
            },
            c => c,
        };
        let r = self.client.apply(cmd);
        match r {
            Ok((events, ex)) => {
                self.ex = ex;
                self.entries += 1;
                Ok(events)
            }
            Err(e) => {
                self.refresh();
                Err(e)
            }
        }
    }

    fn refresh(&mut self) -> bool {
        match self.client.snapshot() {
            Some((ex, n)) if n != self.entries => {
                self.ex = ex;
                self.entries = n;
                true
            }
            _ => false,
        }
    }

    fn extra(&mut self, line: &str) -> Option<String> {
        let words: Vec<&str> = line.split_whitespace().collect();
        Some(match words.as_slice() {
            ["seats"] => self.seats_text(),
            ["rotate", who] => match self.client.rotate(who) {
                Ok(s) => {
                    let mut said = format!(
                        "{} has a new link and code; everyone who joined it before is out.\n{}  code {}",
                        s.label, s.url, s.code
                    );
                    if let Some(p) = &self.seats_file {
                        match super::seats::write_seats_file(p, &self.client.seats()) {
                            Ok(()) => said.push_str(&format!("\nseats file: {}", p.display())),
                            Err(e) => said.push_str(&format!(
                                "\ncannot update the seats file {}: {e}",
                                p.display()
                            )),
                        }
                    }
                    crate::text::sanitize_block(&said)
                }
                Err(e) => crate::text::sanitize_line(&e),
            },
            ["lead", team, voter] => match self.client.set_lead(team, voter) {
                Ok(()) => crate::text::sanitize_line(&format!("{voter} now leads {team}.")),
                Err(e) => crate::text::sanitize_line(&e),
            },
            _ => return None,
        })
    }

    fn extra_help(&self) -> &'static str {
        "\n  seats (links, codes, who joined), rotate TEAM|presenter (new link and code), lead TEAM VOTER."
    }
}
