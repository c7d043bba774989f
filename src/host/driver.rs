//! The facilitator's stdin driver as a client of the host: the `run --interactive`
//! protocol's driver, plus the host's own lines (`seats`, `rotate`, `lead`).

use std::collections::BTreeMap;
use std::path::PathBuf;

use crate::engine::{Command, Event, Exercise, ParamSetting};
use crate::headless::interactive::DynDriver;
use crate::journal::SessionError;

use super::Client;
use crate::tr;

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
        let lang = self.client.lang();
        let code_word = tr!(lang, "seats-code");
        let roster = self.client.roster();
        let mut out = String::new();
        for (s, r) in self.client.seats().iter().zip(roster) {
            out.push_str(&format!(
                "{} {}  {code_word} {}\n",
                super::padded(&s.label_in(lang), 24),
                s.url,
                s.code
            ));
            if !r.members.is_empty() {
                let joined: Vec<String> =
                    r.members.iter().map(|m| m.describe(lang, false)).collect();
                let names = crate::i18n::format::list(lang, &joined);
                let line = match r.lead {
                    Some(l) => tr!(lang, "host-joined-lead", names = names, lead = l),
                    None => tr!(lang, "host-joined", names = names),
                };
                out.push_str(&format!("    {line}\n"));
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
                    let lang = self.client.lang();
                    let mut said = format!(
                        "{}\n{}  {} {}",
                        tr!(lang, "host-rotated", seat = s.label_in(lang)),
                        s.url,
                        tr!(lang, "seats-code"),
                        s.code
                    );
                    if let Some(p) = &self.seats_file {
                        let path = p.display().to_string();
                        match super::seats::write_seats_file(p, &self.client.seats()) {
                            Ok(()) => said.push_str(&format!(
                                "\n{}",
                                tr!(lang, "host-seats-file", path = path)
                            )),
                            Err(e) => said.push_str(&format!(
                                "\n{}",
                                tr!(
                                    lang,
                                    "host-seats-file-not-updated",
                                    path = path,
                                    error = e.to_string()
                                )
                            )),
                        }
                    }
                    crate::text::sanitize_block(&said)
                }
                Err(e) => crate::text::sanitize_line(&e),
            },
            ["lead", team, voter] => match self.client.set_lead(team, voter) {
                Ok(()) => crate::text::sanitize_line(&tr!(
                    self.client.lang(),
                    "host-lead",
                    voter = *voter,
                    team = *team
                )),
                Err(e) => crate::text::sanitize_line(&e),
            },
            _ => return None,
        })
    }

    fn extra_help(&self) -> String {
        format!("\n  {}", tr!(self.client.lang(), "host-help"))
    }
}
