//! What each audience may see of an exercise: the facilitator, the presenter (the room's
//! projector) or one team on its own device. [`view`] is a pure function of the exercise
//! state and the real time; every screen that is not the facilitator's renders from it, so
//! this is where confidentiality lives.
//!
//! A team sees only the messages addressed to it (or to everyone), its own open decisions
//! with their options in the order the teams are shown (never consequences, recommended
//! marks, the hidden reasons an option is unavailable, facilitator notes, what is coming up,
//! other teams' decisions or the score), the clock, the countdowns of its own decisions and
//! deadlines, and the situation board. The presenter sees every message and open decision,
//! under the same rules. Only the facilitator's view carries notes, recommended marks and
//! reasons. Before the exercise, the players may read [`players_brief`] (the situation
//! manual's content) and nothing else of the scenario.

use serde::Serialize;

use crate::engine::{Exercise, LogKind, OptionStatus, RealMs, Status, option_order};
use crate::scenario::Scenario;
use crate::scenario::compiled::Inject;
use crate::scenario::model::DeadlineKind;
use crate::scenario::time::{self, Secs};

/// Who is looking.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Audience {
    /// The facilitator: everything.
    Facilitator,
    /// The room's projector: what every team may see.
    Presenter,
    /// One team, by index.
    Team(u16),
}

impl Audience {
    /// Whether the audience may see facilitator-only content.
    pub fn is_facilitator(self) -> bool {
        self == Audience::Facilitator
    }

    /// Whether a message addressed to `teams` (empty: everyone) reaches this audience.
    pub fn receives(self, teams: &[u16]) -> bool {
        match self {
            Audience::Team(t) => teams.is_empty() || teams.contains(&t),
            _ => true,
        }
    }

    /// Whether this audience sees an inject once fired: it is addressed to it, and it is
    /// not hidden (a hidden inject is the facilitator's alone).
    pub fn sees(self, inject: &Inject) -> bool {
        self.receives(&inject.teams) && (!inject.hidden || self.is_facilitator())
    }

    /// Whether this audience sees a decision of team `team`.
    pub fn sees_decision_of(self, team: u16) -> bool {
        match self {
            Audience::Team(t) => t == team,
            _ => true,
        }
    }
}

/// Where the exercise stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    /// Before the start.
    Briefing,
    /// The clock runs.
    Running,
    /// The facilitator paused the clock.
    Paused,
    /// Between two phases: the room discusses.
    PhaseBreak,
    /// Over.
    Ended,
}

/// What one audience may see, ready to serialise for a seat.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SeatView {
    /// `facilitator`, `presenter` or `team`.
    pub audience: &'static str,
    /// The team's name (teams only).
    pub team: Option<String>,
    /// The scenario's title.
    pub title: String,
    /// Where the exercise stands.
    pub stage: Stage,
    /// The clock.
    pub clock: ClockView,
    /// The phase's briefing, at a phase break or at the start of a phase.
    pub briefing: Option<PhaseView>,
    /// Messages, newest first.
    pub inbox: Vec<Message>,
    /// Open decisions this audience answers or watches, oldest first.
    pub decisions: Vec<OpenDecision>,
    /// Decisions already taken that this audience may see (a team: its own), newest first.
    pub taken: Vec<TakenDecision>,
    /// Deadlines running (a team: its own and everyone's), soonest first.
    pub deadlines: Vec<DeadlineView>,
    /// IT systems and clinical services.
    pub board: Board,
    /// The ending, once reached: title and debrief.
    pub ending: Option<EndingView>,
    /// What the facilitator pinned on every screen, when this audience may see it.
    pub pinned: Option<Pinned>,
    /// The repeatable actions this audience may take (a team: those open to it; the
    /// facilitator: all; the presenter: none), in file order, while the exercise runs.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub actions: Vec<ActionView>,
}

/// A repeatable action as a seat shows it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ActionView {
    /// A key for the seat to take it with: the action's position in the scenario.
    pub key: u16,
    /// Label.
    pub label: String,
    /// What it is.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// Whether it can be taken now.
    pub available: bool,
    /// Times taken so far.
    pub uses: u32,
    /// Most uses in the exercise, if limited.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_uses: Option<u32>,
    /// Scenario seconds until its cooldown ends, while it runs.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ready_in: Option<Secs>,
    /// Why it cannot be taken now (facilitator only, as for options; empty otherwise).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub reason: String,
}

/// The actions `audience` may take, as its seat shows them.
fn actions(ex: &Exercise, audience: Audience, lang: crate::i18n::Lang) -> Vec<ActionView> {
    let sc = ex.scenario();
    let st = ex.state();
    if matches!(ex.status(), Status::Briefing | Status::Ended { .. }) {
        return Vec::new();
    }
    let team = match audience {
        Audience::Team(t) => Some(t),
        Audience::Facilitator => None,
        Audience::Presenter => return Vec::new(),
    };
    sc.actions
        .iter()
        .enumerate()
        .filter(|(_, a)| team.is_none_or(|t| a.open_to(t)))
        .map(|(k, a)| {
            let key = k as u16;
            let (available, why) = match ex.action_status(key, team) {
                OptionStatus::Available => (true, String::new()),
                OptionStatus::Unavailable(why) => {
                    (false, crate::i18n::refusal::unavailable(lang, &why))
                }
            };
            let s = &st.actions[k];
            let ready_in = ex.action_ready_in(key);
            ActionView {
                key,
                label: a.label.clone(),
                description: a.description.clone(),
                available,
                uses: s.uses,
                max_uses: a.max_uses,
                ready_in,
                reason: if audience.is_facilitator() {
                    why
                } else {
                    String::new()
                },
            }
        })
        .collect()
}

/// Something the facilitator pinned on the screens (see [`pinned`]).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Pinned {
    /// `message`, `attachment` or `questions`.
    pub kind: &'static str,
    /// The message's title, the attachment's name, or the phase's title.
    pub title: String,
    /// The message's body or the attachment's text (empty for questions).
    pub body: String,
    /// The questions to discuss.
    pub questions: Vec<String>,
}

/// What a pin (the facilitator's projector pin, kind and id) shows this audience: only a
/// message it received that has already fired, its attachment, or the questions of a phase
/// already reached. The projector rule: nothing pinned shows what the screen could not
/// show anyway.
pub fn pinned(
    ex: &Exercise,
    audience: Audience,
    kind: crate::journal::view::PinKind,
    id: &str,
) -> Option<Pinned> {
    use crate::journal::view::PinKind;
    let sc = ex.scenario();
    let st = ex.state();
    let fired = |id: &str| {
        sc.inject_index(id)
            .filter(|i| st.feed.contains(i))
            .filter(|&i| audience.sees(&sc.injects[usize::from(i)]))
            .map(|i| &sc.injects[usize::from(i)])
    };
    match kind {
        PinKind::Inject => fired(id).map(|inj| Pinned {
            kind: "message",
            title: inj.title.clone(),
            body: inj.body.clone(),
            questions: inj.questions.clone(),
        }),
        PinKind::Attachment => fired(id).and_then(|inj| {
            inj.attachment.as_ref().map(|a| Pinned {
                kind: "attachment",
                title: a.name.clone(),
                body: a.text.clone(),
                questions: Vec::new(),
            })
        }),
        PinKind::Questions => sc
            .phases
            .iter()
            .position(|p| p.id == id)
            .filter(|&p| p <= usize::from(st.phase) && ex.status() != Status::Briefing)
            .map(|p| Pinned {
                kind: "questions",
                title: sc.phases[p].title.clone(),
                body: String::new(),
                questions: sc.phases[p].questions.clone(),
            }),
    }
}

/// What the players may read before the exercise, for the situation manual (`export
/// sitman`): the scenario's public description, objectives without their critical tasks,
/// teams, the phases' briefings and questions, the cast's names, roles and organisations,
/// the situation board's names and the sources' titles. Never an inject, a decision, a
/// check, an ending, a parameter, a note or a secret: those are the facilitator's.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PlayersBrief {
    /// The scenario's title.
    pub title: String,
    /// Its version.
    pub version: String,
    /// Its summary.
    pub summary: String,
    /// The organisation and situation the players are in.
    pub setting: String,
    /// How the exercise is played.
    pub how_to_play: String,
    /// Estimated real duration, s.
    pub duration: Option<Secs>,
    /// Objectives: (text, capability).
    pub objectives: Vec<(String, String)>,
    /// Teams: (name, responsibilities).
    pub teams: Vec<(String, String)>,
    /// The phases, in order.
    pub phases: Vec<PhaseView>,
    /// The cast: (name, role, organisation).
    pub cast: Vec<(String, String, String)>,
    /// The IT systems on the situation board.
    pub systems: Vec<String>,
    /// The clinical services on the situation board.
    pub services: Vec<String>,
    /// The public sources: (title, URL).
    pub sources: Vec<(String, String)>,
}

/// What the players may read of `sc` before the exercise (see [`PlayersBrief`]).
pub fn players_brief(sc: &Scenario) -> PlayersBrief {
    let m = &sc.meta;
    PlayersBrief {
        title: m.title.clone(),
        version: m.version.clone(),
        summary: m.summary.clone(),
        setting: m.setting.clone(),
        how_to_play: m.how_to_play.clone(),
        duration: m.duration,
        objectives: m
            .objectives
            .iter()
            .map(|o| (o.text.clone(), o.capability.clone()))
            .collect(),
        teams: sc
            .teams
            .iter()
            .map(|t| (t.name.clone(), t.description.clone()))
            .collect(),
        phases: sc
            .phases
            .iter()
            .map(|p| PhaseView {
                title: p.title.clone(),
                briefing: p.briefing.clone(),
                questions: p.questions.clone(),
            })
            .collect(),
        cast: sc
            .cast
            .iter()
            .map(|c| (c.name.clone(), c.role.clone(), c.organisation.clone()))
            .collect(),
        systems: sc.systems.iter().map(|s| s.name.clone()).collect(),
        services: sc.services.iter().map(|s| s.name.clone()).collect(),
        sources: m
            .sources
            .iter()
            .map(|s| (s.title.clone(), s.url.clone()))
            .collect(),
    }
}

/// The clock, as every screen shows it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ClockView {
    /// Scenario time since T+0, s.
    pub at: Secs,
    /// `T+01:15`.
    pub offset: String,
    /// `Sat 10 Dec 22:15`.
    pub time: String,
    /// Phase number (from 1) and count.
    pub phase: u16,
    /// Phases in the scenario.
    pub phases: u16,
    /// The phase's title.
    pub phase_title: String,
    /// Exercise time in the room, pauses excluded, ms.
    pub elapsed_ms: u64,
}

/// A phase's briefing and discussion questions.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PhaseView {
    /// Title.
    pub title: String,
    /// Briefing text.
    pub briefing: String,
    /// Discussion questions.
    pub questions: Vec<String>,
}

/// A message in an inbox.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Message {
    /// Its position in the exercise's feed (stable for the exercise; not the scenario id).
    pub seq: usize,
    /// Headline.
    pub title: String,
    /// Sender.
    pub sender: String,
    /// Channel, for people (`Phone call`).
    pub channel: String,
    /// Severity, for people (`critical`).
    pub severity: String,
    /// When it arrived, `T+01:15`.
    pub offset: String,
    /// When it arrived, `Sat 10 Dec 22:15`.
    pub time: String,
    /// Names of the teams it is addressed to (empty: everyone).
    pub to: Vec<String>,
    /// The message.
    pub body: String,
    /// Attached text: (name, text).
    pub attachment: Option<(String, String)>,
    /// Discussion questions.
    pub questions: Vec<String>,
    /// The open decision it carries, as an index into [`SeatView::decisions`].
    pub decision: Option<usize>,
    /// Facilitator notes (facilitator only; empty otherwise).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub notes: String,
    /// A hidden inject (only ever in the facilitator's view).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub hidden: bool,
    /// How to play the sender, a character of the cast (facilitator only; empty otherwise).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub character_notes: String,
    /// What the sender keeps back (facilitator only; empty otherwise).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub secrets: Vec<String>,
}

/// An open decision.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct OpenDecision {
    /// A key for the seat to answer with: the decision's position in the scenario.
    pub key: u16,
    /// The deciding team's name.
    pub team: String,
    /// The question.
    pub prompt: String,
    /// The options, in the order the teams see them, numbered from 1.
    pub options: Vec<OptionView>,
    /// How many options the team may pick, when it may pick several (a vote counts for
    /// each option it names).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pick: Option<PickView>,
    /// Real ms left on its real-time limit.
    pub real_left_ms: Option<i64>,
    /// Scenario s left on its scenario-time limit.
    pub scenario_left: Option<Secs>,
}

/// How many options of a decision a team may pick at once.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct PickView {
    /// Fewest.
    pub min: u16,
    /// Most.
    pub max: u16,
}

impl PickView {
    /// "pick 1 to 3", "pick 2".
    pub fn words(&self) -> String {
        crate::scenario::compiled::pick_words(self.min, self.max)
    }
}

/// An option as a seat shows it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct OptionView {
    /// The number it is shown with (from 1).
    pub number: usize,
    /// A key for the seat to answer with: the option's position in the decision.
    pub key: u16,
    /// Label.
    pub label: String,
    /// Whether it can be chosen now (the reason stays with the facilitator).
    pub available: bool,
    /// Why not (facilitator only; empty otherwise).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub reason: String,
    /// Recommended by the scenario's guidance (facilitator only; `false` otherwise).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub recommended: bool,
    /// Votes for it from the team's seats: each member's latest vote counts.
    pub votes: u32,
    /// The names voters gave, in the order they voted (the deciding team and the
    /// facilitator only; empty otherwise). Voters who gave no name are counted, not named.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub voters: Vec<String>,
}

/// Each voter's latest vote on decision `d` since it opened: (voter, options, name), in
/// the order of the votes; the options in file order (several for a decision with `pick`).
pub fn ballots(ex: &Exercise, d: u16) -> Vec<(&str, Vec<u16>, &str)> {
    let Some(opened) = ex.state().decisions[usize::from(d)].opened_real else {
        return Vec::new();
    };
    let mut out: Vec<(&str, Vec<u16>, &str)> = Vec::new();
    for l in ex.log() {
        if let LogKind::Vote {
            decision,
            option,
            more,
            voter,
            name,
        } = &l.kind
            && *decision == d
            && l.real >= opened
        {
            out.retain(|(v, _, _)| *v != voter.as_str());
            let mut picked = vec![*option];
            picked.extend_from_slice(more);
            out.push((voter, picked, name));
        }
    }
    out
}

/// A decision already taken.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TakenDecision {
    /// The deciding team's name.
    pub team: String,
    /// The question.
    pub prompt: String,
    /// The option in force.
    pub option: String,
    /// Taken by default when time ran out.
    pub timeout: bool,
    /// When, `T+01:15`.
    pub offset: String,
}

/// A running deadline.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DeadlineView {
    /// Label.
    pub label: String,
    /// Responsible team's name (empty: everyone).
    pub team: String,
    /// `duty` or `threat`.
    pub kind: &'static str,
    /// Scenario s left.
    pub left: Secs,
}

/// The situation board.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Board {
    /// IT systems: (name, state for people).
    pub systems: Vec<(String, String)>,
    /// Clinical services: (name, capacity 0–100).
    pub services: Vec<(String, f64)>,
}

/// The ending reached.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct EndingView {
    /// Title.
    pub title: String,
    /// Debrief text.
    pub debrief: String,
}

/// The scenario's clock at `at`, as English seats have always shown it.
fn sc_clock_short(ex: &Exercise, at: Secs) -> String {
    ex.scenario().clock.short(at)
}

/// What `audience` may see of `ex` at real time `real` (ms since the session began), its
/// fixed words (channels, severities, system states, the clock) in English.
pub fn view(ex: &Exercise, audience: Audience, real: RealMs) -> SeatView {
    view_in(ex, audience, real, crate::i18n::Lang::En)
}

/// [`view`] with its fixed words (channels, severities, system states, the clock's date)
/// in `lang`, the seats' language.
pub fn view_in(
    ex: &Exercise,
    audience: Audience,
    real: RealMs,
    lang: crate::i18n::Lang,
) -> SeatView {
    use crate::i18n::{Lang, terms};
    let short = |at: Secs| {
        if lang == Lang::En {
            sc_clock_short(ex, at)
        } else {
            ex.scenario().clock.short_in(lang, at)
        }
    };
    let sc = ex.scenario();
    let st = ex.state();
    let fac = audience.is_facilitator();
    let team_name = |t: u16| {
        sc.teams
            .get(usize::from(t))
            .map(|x| x.name.clone())
            .unwrap_or_default()
    };
    let stage = match ex.status() {
        Status::Briefing => Stage::Briefing,
        Status::PhaseBreak { .. } => Stage::PhaseBreak,
        Status::Ended { .. } => Stage::Ended,
        _ if st.paused => Stage::Paused,
        _ => Stage::Running,
    };
    let phase = &sc.phases[usize::from(st.phase)];
    let elapsed_ms = st
        .started_real
        .map(|s| real.saturating_sub(s).saturating_sub(st.paused_ms(real)))
        .unwrap_or(0);
    let clock = ClockView {
        at: st.now,
        offset: time::format_offset(st.now),
        time: short(st.now),
        phase: st.phase + 1,
        phases: sc.phases.len() as u16,
        phase_title: phase.title.clone(),
        elapsed_ms,
    };
    let briefing = match ex.status() {
        Status::PhaseBreak { next } => sc.phases.get(usize::from(next)),
        Status::Briefing => None,
        _ => Some(phase),
    }
    .map(|p| PhaseView {
        title: p.title.clone(),
        briefing: p.briefing.clone(),
        questions: p.questions.clone(),
    });
    let decisions: Vec<OpenDecision> = ex
        .pending()
        .iter()
        .copied()
        .filter(|&d| audience.sees_decision_of(sc.decisions[usize::from(d)].team))
        .map(|d| {
            let dec = &sc.decisions[usize::from(d)];
            let ballots = ballots(ex, d);
            let named = fac || audience == Audience::Team(dec.team);
            let options = option_order(ex, d)
                .into_iter()
                .enumerate()
                .map(|(k, o)| {
                    let opt = &dec.options[usize::from(o)];
                    let (available, reason) = match ex.option_status(d, o) {
                        OptionStatus::Available => (true, String::new()),
                        OptionStatus::Unavailable(why) => {
                            let why = crate::i18n::refusal::unavailable(lang, &why);
                            (false, if fac { why } else { String::new() })
                        }
                    };
                    OptionView {
                        number: k + 1,
                        key: o,
                        label: opt.label.clone(),
                        available,
                        reason,
                        recommended: fac && opt.recommended,
                        votes: ballots.iter().filter(|b| b.1.contains(&o)).count() as u32,
                        voters: if named {
                            ballots
                                .iter()
                                .filter(|b| b.1.contains(&o) && !b.2.is_empty())
                                .map(|b| b.2.to_string())
                                .collect()
                        } else {
                            Vec::new()
                        },
                    }
                })
                .collect();
            OpenDecision {
                key: d,
                team: team_name(dec.team),
                prompt: dec.prompt.clone(),
                options,
                pick: dec.multi().then(|| {
                    let (min, max) = dec.pick_limits();
                    PickView { min, max }
                }),
                real_left_ms: ex.real_time_left(d, real),
                scenario_left: ex.scenario_time_left(d),
            }
        })
        .collect();
    let inbox: Vec<Message> = st
        .feed_times()
        .into_iter()
        .enumerate()
        .rev()
        .filter(|(_, (i, _))| audience.sees(&sc.injects[usize::from(*i)]))
        .map(|(seq, (i, at))| {
            let inj = &sc.injects[usize::from(i)];
            let character = inj.from.and_then(|k| sc.cast.get(usize::from(k)));
            Message {
                seq,
                title: inj.title.clone(),
                sender: inj.sender.clone(),
                channel: terms::channel(lang, inj.channel),
                severity: terms::severity(lang, inj.severity),
                offset: time::format_offset(at),
                time: short(at),
                to: inj.teams.iter().map(|&t| team_name(t)).collect(),
                body: inj.body.clone(),
                attachment: inj
                    .attachment
                    .as_ref()
                    .map(|a| (a.name.clone(), a.text.clone())),
                questions: inj.questions.clone(),
                decision: inj
                    .decision
                    .and_then(|d| decisions.iter().position(|x| x.key == d)),
                notes: if fac {
                    inj.notes.clone()
                } else {
                    String::new()
                },
                hidden: inj.hidden,
                character_notes: match character {
                    Some(c) if fac => c.notes.clone(),
                    _ => String::new(),
                },
                secrets: match character {
                    Some(c) if fac => c.secrets.clone(),
                    _ => Vec::new(),
                },
            }
        })
        .collect();
    let mut taken: Vec<(Secs, TakenDecision)> = sc
        .decisions
        .iter()
        .zip(&st.decisions)
        .filter(|(dec, _)| audience.sees_decision_of(dec.team))
        .filter_map(|(dec, ds)| {
            let c = ds.choice.as_ref()?;
            Some((
                c.at,
                TakenDecision {
                    team: team_name(dec.team),
                    prompt: dec.prompt.clone(),
                    option: dec.selection_labels(&c.options()),
                    timeout: c.timeout,
                    offset: time::format_offset(c.at),
                },
            ))
        })
        .collect();
    taken.sort_by_key(|(at, _)| std::cmp::Reverse(*at));
    let mut deadlines: Vec<DeadlineView> = sc
        .deadlines
        .iter()
        .zip(&st.deadlines)
        .filter(|(d, s)| {
            s.active()
                && match (audience, d.team) {
                    (Audience::Team(t), Some(owner)) => t == owner,
                    _ => true,
                }
        })
        .map(|(d, s)| DeadlineView {
            label: d.label.clone(),
            team: d.team.map(team_name).unwrap_or_default(),
            kind: match d.kind {
                DeadlineKind::Duty => "duty",
                DeadlineKind::Threat => "threat",
            },
            left: s.due.unwrap_or(st.now) - st.now,
        })
        .collect();
    deadlines.sort_by_key(|d| d.left);
    // Before the start nothing has been computed yet: no situation to show.
    let board = if stage == Stage::Briefing {
        Board {
            systems: Vec::new(),
            services: Vec::new(),
        }
    } else {
        Board {
            systems: sc
                .systems
                .iter()
                .zip(&st.systems)
                .map(|(s, x)| (s.name.clone(), terms::system_state(lang, *x)))
                .collect(),
            services: sc
                .services
                .iter()
                .zip(&st.services)
                .map(|(s, x)| (s.name.clone(), x.capacity))
                .collect(),
        }
    };
    let ending = match ex.status() {
        Status::Ended { ending } => sc.endings.get(usize::from(ending)).map(|e| EndingView {
            title: e.title.clone(),
            debrief: e.debrief.clone(),
        }),
        _ => None,
    };
    SeatView {
        audience: match audience {
            Audience::Facilitator => "facilitator",
            Audience::Presenter => "presenter",
            Audience::Team(_) => "team",
        },
        team: match audience {
            Audience::Team(t) => Some(team_name(t)),
            _ => None,
        },
        title: sc.meta.title.clone(),
        stage,
        clock,
        briefing,
        inbox,
        decisions,
        taken: taken.into_iter().map(|(_, t)| t).collect(),
        deadlines,
        board,
        ending,
        pinned: None,
        actions: actions(ex, audience, lang),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::Command;
    use crate::scenario::files::NoFiles;
    use crate::scenario::load::load_str;

    /// The pools fixture, started, with its hidden curveball thrown and the agency's call
    /// (from a character with secrets) fired.
    fn played() -> Exercise {
        let text = include_str!("../tests/fixtures/scenarios/pools.ron");
        let sc = load_str("pools.ron", text, String::new(), &NoFiles).scenario;
        let mut ex = Exercise::new(sc.expect("pools.ron loads"), 3);
        let start = Command::Start {
            params: Default::default(),
            session: Default::default(),
        };
        ex.apply(start, 0).unwrap();
        ex.apply(
            Command::Curveball {
                inject: "insider".into(),
            },
            1,
        )
        .unwrap();
        while ex.now() < 15 * time::HOUR {
            let cmd = match ex.status() {
                Status::PhaseBreak { .. } => Command::NextPhase,
                _ => Command::Step,
            };
            ex.apply(cmd, 2).unwrap();
        }
        ex
    }

    fn titles(v: &SeatView) -> Vec<&str> {
        v.inbox.iter().map(|m| m.title.as_str()).collect()
    }

    #[test]
    fn a_hidden_inject_is_the_facilitators_alone() {
        let ex = played();
        let hidden = [
            "The attacker keeps a way in",
            "The attacker reads the crisis mail",
        ];
        for who in [Audience::Presenter, Audience::Team(0), Audience::Team(1)] {
            let v = view(&ex, who, 0);
            assert!(titles(&v).contains(&"Screens go black"), "{who:?}");
            assert!(hidden.iter().all(|h| !titles(&v).contains(h)), "{who:?}");
            assert!(v.inbox.iter().all(|m| !m.hidden));
        }
        let fac = view(&ex, Audience::Facilitator, 0);
        for h in hidden {
            assert!(fac.inbox.iter().any(|m| m.title == h && m.hidden), "{h}");
        }
    }

    #[test]
    fn a_characters_notes_and_secrets_are_the_facilitators_alone() {
        let ex = played();
        let agency = |v: &SeatView| {
            v.inbox
                .iter()
                .find(|m| m.title == "The health agency calls")
                .cloned()
                .expect("the agency called")
        };
        for who in [Audience::Presenter, Audience::Team(0)] {
            let m = agency(&view(&ex, who, 0));
            assert_eq!(
                m.sender,
                "Claire Martin (Duty officer, Regional health agency)"
            );
            assert!(
                m.character_notes.is_empty() && m.secrets.is_empty(),
                "{who:?}"
            );
        }
        let m = agency(&view(&ex, Audience::Facilitator, 0));
        assert!(m.character_notes.starts_with("Calm, precise"));
        assert_eq!(m.secrets.len(), 1);
    }

    #[test]
    fn sees_combines_addressees_and_hidden() {
        let ex = played();
        let sc = ex.scenario();
        let by_id = |id: &str| &sc.injects[usize::from(sc.inject_index(id).unwrap())];
        assert!(Audience::Team(1).sees(by_id("power")));
        assert!(
            !Audience::Team(0).sees(by_id("power")),
            "addressed to the IT team only"
        );
        assert!(!Audience::Presenter.sees(by_id("backdoor")));
        assert!(Audience::Facilitator.sees(by_id("backdoor")));
    }
}
