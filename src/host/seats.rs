//! The seats of a host: one for the presenter and one per team, each with its URL token and
//! its join code, and the members who joined through them (one browser each, known by an
//! HttpOnly cookie). A team's first member is its lead until the facilitator names another.

use std::collections::HashMap;
use std::path::Path;

use serde::Serialize;

use crate::audience::Audience;
use crate::i18n::Lang;
use crate::tr;

use super::auth;

/// Members remembered at most per seat (a seat's URL is shared in a room, not published).
pub const MAX_MEMBERS_PER_SEAT: usize = 256;

/// A seat as the facilitator hands it out.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SeatInfo {
    /// `presenter` or `team`.
    pub audience: &'static str,
    /// The team's id (teams only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub team: Option<String>,
    /// Who it is for, for people: the team's name, or `Presenter` (the seats file keeps
    /// it in English; [`SeatInfo::label_in`] writes it for people).
    pub label: String,
    /// The URL to open (it carries the seat's token).
    pub url: String,
    /// The 6-digit join code, for people who type.
    pub code: String,
    /// How to join from a terminal, when the host serves SSH seats: `ssh -p 2222
    /// crisis@192.0.2.10` (the join code is the password).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ssh: Option<String>,
}

impl SeatInfo {
    /// Who the seat is for in `lang`: the team's name, or the presenter's word.
    pub fn label_in(&self, lang: Lang) -> String {
        match self.team {
            Some(_) => self.label.clone(),
            None => tr!(lang, "seat-presenter"),
        }
    }
}

struct Seat {
    audience: Audience,
    team_id: Option<String>,
    label: String,
    token: [u8; 16],
    code: [u8; 6],
    /// Bumped when the seat is rotated: older members are out.
    generation: u32,
    joined: u32,
    lead: Option<String>,
}

/// One browser that joined a seat.
#[derive(Clone, Debug)]
pub struct Member {
    /// The seat's index.
    pub seat: usize,
    /// Who is looking.
    pub audience: Audience,
    /// The id votes are journaled with: `crisis#2` (never the cookie).
    pub voter: String,
    /// How the member reached the host.
    pub device: Device,
    generation: u32,
    /// The name the member last gave with a vote (bounded and sanitised).
    name: String,
    /// Streams open now (a web page's event stream, an SSH screen).
    online: u32,
}

/// How a member reached the host.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Device {
    /// A web browser (phone or laptop).
    Web,
    /// An SSH client in a terminal.
    Ssh,
}

impl Device {
    /// The word for people, in `lang`.
    pub fn word(self, lang: Lang) -> String {
        match self {
            Device::Web => tr!(lang, "seats-device-web"),
            Device::Ssh => tr!(lang, "seats-device-ssh"),
        }
    }
}

/// Who joined a seat, as the facilitator sees it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Roster {
    /// The seat's label (team name, or `Presenter`; see [`Roster::label_in`]).
    pub label: String,
    /// The team's id (teams only).
    pub team: Option<String>,
    /// Members since the seat's last rotation, in the order they joined.
    pub members: Vec<MemberInfo>,
    /// The team's lead (a voter id).
    pub lead: Option<String>,
}

impl Roster {
    /// Who the seat is for in `lang`: the team's name, or the presenter's word.
    pub fn label_in(&self, lang: Lang) -> String {
        match self.team {
            Some(_) => self.label.clone(),
            None => tr!(lang, "seat-presenter"),
        }
    }
}

/// One member of a seat, as the facilitator sees it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct MemberInfo {
    /// The voter id (`crisis#2`).
    pub voter: String,
    /// The name last given (may be empty).
    pub name: String,
    /// Web or SSH.
    pub device: Device,
    /// Whether the member's page or screen is connected now.
    pub online: bool,
}

impl MemberInfo {
    /// `Anne (crisis#2, web)`, or `crisis#2 (web, gone)`, in `lang`; `lead` adds that the
    /// member leads the team (`Anne (crisis#2, web, lead)`).
    pub fn describe(&self, lang: Lang, lead: bool) -> String {
        let device = self.device.word(lang);
        let mut about = if self.online {
            device
        } else {
            tr!(lang, "seats-member-gone", device = device)
        };
        if lead {
            about.push_str(&tr!(lang, "seats-lead-suffix"));
        }
        if self.name.is_empty() {
            tr!(lang, "seats-member", voter = &self.voter, about = about)
        } else {
            tr!(
                lang,
                "seats-member-named",
                name = &self.name,
                voter = &self.voter,
                about = about
            )
        }
    }
}

/// All seats and members.
pub struct Registry {
    seats: Vec<Seat>,
    members: HashMap<[u8; 16], Member>,
    base: String,
    /// Where the SSH seats are reached (`192.0.2.10:2222`), when they are served.
    ssh: Option<std::net::SocketAddr>,
}

impl Registry {
    /// Seats for the presenter and each team `(id, name)`, reached at `base` (`http://host:port`).
    pub fn new(teams: &[(String, String)], base: &str) -> Result<Self, String> {
        let mut r = Registry {
            seats: Vec::new(),
            members: HashMap::new(),
            base: base.trim_end_matches('/').to_string(),
            ssh: None,
        };
        let mut add = |audience, team_id: Option<String>, label: String| -> Result<(), String> {
            r.seats.push(Seat {
                audience,
                team_id,
                label,
                token: auth::secret()?,
                code: [0; 6],
                generation: 0,
                joined: 0,
                lead: None,
            });
            Ok(())
        };
        add(Audience::Presenter, None, "Presenter".into())?;
        for (i, (id, name)) in teams.iter().enumerate() {
            add(Audience::Team(i as u16), Some(id.clone()), name.clone())?;
        }
        for s in 0..r.seats.len() {
            r.seats[s].code = r.fresh_code()?;
        }
        Ok(r)
    }

    fn fresh_code(&self) -> Result<[u8; 6], String> {
        loop {
            let c = auth::join_code()?;
            if !self.seats.iter().any(|s| s.code == c) {
                return Ok(c);
            }
        }
    }

    /// Number of seats.
    pub fn len(&self) -> usize {
        self.seats.len()
    }

    /// Whether there is no seat (never: the presenter always has one).
    pub fn is_empty(&self) -> bool {
        self.seats.is_empty()
    }

    /// The seat's audience.
    pub fn audience(&self, seat: usize) -> Audience {
        self.seats[seat].audience
    }

    /// The seats as handed out.
    pub fn infos(&self) -> Vec<SeatInfo> {
        self.seats
            .iter()
            .map(|s| SeatInfo {
                audience: match s.audience {
                    Audience::Team(_) => "team",
                    _ => "presenter",
                },
                team: s.team_id.clone(),
                label: s.label.clone(),
                url: format!("{}/s/{}", self.base, auth::hex(&s.token)),
                code: String::from_utf8_lossy(&s.code).into_owned(),
                ssh: self.ssh.map(|a| {
                    let host = match a.ip() {
                        std::net::IpAddr::V6(ip) => format!("[{ip}]"),
                        ip => ip.to_string(),
                    };
                    format!(
                        "ssh -p {} {}@{host}",
                        a.port(),
                        s.team_id.as_deref().unwrap_or("presenter")
                    )
                }),
            })
            .collect()
    }

    /// Records where the SSH seats are reached, for [`Registry::infos`].
    pub fn set_ssh(&mut self, addr: std::net::SocketAddr) {
        self.ssh = Some(addr);
    }

    /// The seat an SSH user name picks: a team's id, or `presenter`.
    pub fn by_user(&self, user: &str) -> Option<usize> {
        self.seats.iter().position(|s| match s.audience {
            Audience::Presenter => user == "presenter",
            _ => s.team_id.as_deref() == Some(user),
        })
    }

    /// Whether `code` is the join code of `seat` (compared in constant time).
    pub fn code_is(&self, seat: usize, code: &str) -> bool {
        self.seats
            .get(seat)
            .is_some_and(|s| auth::same(&s.code, code.as_bytes()))
    }

    /// The seat whose token this is (compared in constant time with every seat's).
    pub fn by_token(&self, token: &str) -> Option<usize> {
        let t = auth::parse_secret(token)?;
        let mut found = None;
        for (i, s) in self.seats.iter().enumerate() {
            if auth::same(&s.token, &t) {
                found = Some(i);
            }
        }
        found
    }

    /// The seat whose join code this is (compared in constant time with every seat's).
    pub fn by_code(&self, code: &str) -> Option<usize> {
        let c = code.trim().as_bytes();
        let mut found = None;
        for (i, s) in self.seats.iter().enumerate() {
            if auth::same(&s.code, c) {
                found = Some(i);
            }
        }
        found
    }

    /// A new member of `seat`, reached by `device`: its cookie value. The first member of a
    /// team is its lead.
    pub fn join(&mut self, seat: usize, device: Device) -> Result<[u8; 16], String> {
        let s = &self.seats[seat];
        let count = self
            .members
            .values()
            .filter(|m| m.seat == seat && m.generation == s.generation)
            .count();
        if count >= MAX_MEMBERS_PER_SEAT {
            return Err("this seat is full".into());
        }
        let cookie = auth::secret()?;
        let s = &mut self.seats[seat];
        s.joined += 1;
        let voter = format!(
            "{}#{}",
            s.team_id.as_deref().unwrap_or("presenter"),
            s.joined
        );
        if matches!(s.audience, Audience::Team(_)) && s.lead.is_none() {
            s.lead = Some(voter.clone());
        }
        self.members.insert(
            cookie,
            Member {
                seat,
                audience: s.audience,
                voter,
                device,
                generation: s.generation,
                name: String::new(),
                online: 0,
            },
        );
        Ok(cookie)
    }

    /// The member with this cookie, while its seat has not been rotated since it joined.
    pub fn member(&self, cookie: &str) -> Option<Member> {
        let c = auth::parse_secret(cookie)?;
        let m = self.members.get(&c)?;
        (self.seats[m.seat].generation == m.generation).then(|| m.clone())
    }

    /// Whether `voter` is the lead of `seat`.
    pub fn is_lead(&self, seat: usize, voter: &str) -> bool {
        self.seats[seat].lead.as_deref() == Some(voter)
    }

    /// Names `voter` lead of the team with this id; `Err` (in `lang`) when no such member
    /// joined.
    pub fn set_lead(&mut self, team: &str, voter: &str, lang: Lang) -> Result<(), String> {
        let seat = self
            .seats
            .iter()
            .position(|s| s.team_id.as_deref() == Some(team))
            .ok_or_else(|| tr!(lang, "host-no-team", team = team))?;
        let g = self.seats[seat].generation;
        if !self
            .members
            .values()
            .any(|m| m.seat == seat && m.generation == g && m.voter == voter)
        {
            return Err(tr!(lang, "host-no-member", voter = voter, team = team));
        }
        self.seats[seat].lead = Some(voter.to_string());
        Ok(())
    }

    /// Who joined each seat, seat by seat (the presenter first).
    pub fn roster(&self) -> Vec<Roster> {
        self.seats
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let mut members: Vec<(u32, MemberInfo)> = self
                    .members
                    .values()
                    .filter(|m| m.seat == i && m.generation == s.generation)
                    .map(|m| {
                        let n = m.voter.rsplit('#').next().and_then(|n| n.parse().ok());
                        (
                            n.unwrap_or(0),
                            MemberInfo {
                                voter: m.voter.clone(),
                                name: m.name.clone(),
                                device: m.device,
                                online: m.online > 0,
                            },
                        )
                    })
                    .collect();
                members.sort_by_key(|(n, _)| *n);
                Roster {
                    label: s.label.clone(),
                    team: s.team_id.clone(),
                    members: members.into_iter().map(|(_, m)| m).collect(),
                    lead: s.lead.clone(),
                }
            })
            .collect()
    }

    /// Records the name a member gave (with a vote), for the roster.
    pub fn named(&mut self, cookie: &str, name: &str) {
        if let Some(m) = auth::parse_secret(cookie).and_then(|c| self.members.get_mut(&c))
            && !name.is_empty()
        {
            m.name = name.to_string();
        }
    }

    /// A member's stream opened (`true`) or closed.
    pub fn presence(&mut self, cookie: &str, open: bool) {
        if let Some(m) = auth::parse_secret(cookie).and_then(|c| self.members.get_mut(&c)) {
            m.online = if open {
                m.online.saturating_add(1)
            } else {
                m.online.saturating_sub(1)
            };
        }
    }

    /// Rotates the seat named `who` (a team id, or `presenter`): a new URL and code; every
    /// member who joined before is out. Returns the new seat; `Err` (in `lang`) when there is
    /// no such seat.
    pub fn rotate(&mut self, who: &str, lang: Lang) -> Result<SeatInfo, String> {
        let seat = self
            .seats
            .iter()
            .position(|s| match s.audience {
                Audience::Presenter => who == "presenter",
                _ => s.team_id.as_deref() == Some(who),
            })
            .ok_or_else(|| tr!(lang, "host-no-seat", who = who))?;
        let code = self.fresh_code()?;
        let s = &mut self.seats[seat];
        s.token = auth::secret()?;
        s.code = code;
        s.generation += 1;
        s.lead = None;
        self.members.retain(|_, m| m.seat != seat);
        Ok(self.infos().swap_remove(seat))
    }
}

/// Writes the seats file: JSON, readable by its owner only (mode 0600 on Unix), replaced
/// atomically.
pub fn write_seats_file(path: &Path, seats: &[SeatInfo]) -> std::io::Result<()> {
    use std::io::Write;
    let json = serde_json::to_string_pretty(&serde_json::json!({ "seats": seats }))
        .map_err(std::io::Error::other)?;
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty());
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "seats.json".into());
    let tmp = dir
        .map(|d| d.join(format!(".{name}.tmp")))
        .unwrap_or_else(|| format!(".{name}.tmp").into());
    let _ = std::fs::remove_file(&tmp);
    let mut opts = std::fs::OpenOptions::new();
    opts.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.mode(0o600);
    }
    let mut f = opts.open(&tmp)?;
    f.write_all(json.as_bytes())?;
    f.write_all(b"\n")?;
    f.sync_all()?;
    drop(f);
    std::fs::rename(&tmp, path)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn member(name: &str, device: Device, online: bool) -> MemberInfo {
        MemberInfo {
            voter: "crisis#2".into(),
            name: name.into(),
            device,
            online,
        }
    }

    #[test]
    fn members_are_described_in_the_sessions_language() {
        let anne = member("Anne", Device::Web, true);
        let gone = member("", Device::Ssh, false);
        assert_eq!(anne.describe(Lang::En, false), "Anne (crisis#2, web)");
        assert_eq!(anne.describe(Lang::En, true), "Anne (crisis#2, web, lead)");
        assert_eq!(gone.describe(Lang::En, false), "crisis#2 (ssh, gone)");
        assert_eq!(
            anne.describe(Lang::Fr, true),
            "Anne (crisis#2, web, responsable)"
        );
        assert_eq!(gone.describe(Lang::Fr, false), "crisis#2 (ssh, hors ligne)");
        assert_eq!(
            anne.describe(Lang::Zh, true),
            "Anne（crisis#2，网页，负责人）"
        );
        assert_eq!(gone.describe(Lang::Zh, false), "crisis#2（SSH，已离线）");
    }

    #[test]
    fn the_presenters_seat_is_named_in_the_sessions_language() {
        let r =
            Registry::new(&[("crisis".into(), "Crisis cell".into())], "http://h:1").expect("seats");
        let infos = r.infos();
        assert_eq!(infos[0].label, "Presenter", "the seats file keeps English");
        assert_eq!(infos[0].label_in(Lang::Fr), "Présentation");
        assert_eq!(infos[0].label_in(Lang::Zh), "演示屏");
        assert_eq!(infos[1].label_in(Lang::Fr), "Crisis cell");
        assert_eq!(r.roster()[0].label_in(Lang::Fr), "Présentation");
    }
}
