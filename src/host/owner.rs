//! The owner of the exercise: one thread holds the journaled session (the single writer),
//! takes requests from every client through one channel, and publishes what each audience
//! may see through a `watch` channel per seat. Nothing else touches the session, so seats,
//! the facilitator's driver and the clock's timeouts are serialised here.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use tokio::sync::{oneshot, watch};

use crate::audience::{self, Audience};
use crate::engine::{Command, Event, Exercise, OptionStatus, RealMs};
use crate::i18n::Lang;
use crate::journal::view::PinKind;
use crate::journal::{BeatKind, Session, SessionError, ViewEntry};
use crate::tr;

/// What a seat's screen shows, as published to it.
#[derive(Debug, Default)]
pub struct Snapshot {
    /// The audience's [`audience::SeatView`], as JSON.
    pub json: String,
    /// Each voter's current vote on the team's open decisions: (decision key, voter, option key).
    pub ballots: Vec<(u16, String, Vec<u16>)>,
    /// The same view, for seats that draw it themselves (the SSH seats).
    pub view: Option<Arc<audience::SeatView>>,
}

/// A vote or a lead's submission from a seat, in the seat's terms (keys, not ids).
#[derive(Clone, Debug)]
pub struct SeatAction {
    /// The member's team.
    pub team: u16,
    /// The member's seat-given id.
    pub voter: String,
    /// The name given, already bounded and sanitised.
    pub name: String,
    /// What the member does.
    pub what: SeatDo,
}

/// What a member does from a seat.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SeatDo {
    /// A vote on an open decision (decision key, option keys: one, or several for a
    /// decision with `pick`).
    Vote(u16, Vec<u16>),
    /// The lead's submission of the team's choice (decision key, option keys).
    Submit(u16, Vec<u16>),
    /// The lead takes a repeatable action (action key).
    Take(u16),
}

/// Why a seat's action was refused.
#[derive(Debug, PartialEq, Eq)]
pub enum Refusal {
    /// No such open decision or option for this team (the seat sees 404).
    NotFound,
    /// It does not fit now (an unavailable option, a decision just closed): 409.
    Conflict(String),
    /// The journal could not be written: 503.
    Unsaved(String),
}

/// The answer to a facilitator's command: its events and the exercise after it.
pub type Applied = Result<(Vec<Event>, Box<Exercise>), SessionError>;

/// What the exercise's clients ask of its owner.
pub enum Request {
    /// Apply a facilitator's command; the reply carries the events and the exercise after it.
    Apply {
        /// The command.
        cmd: Command,
        /// The real time of the session it happens at (the console's clock); `None`: now.
        real: Option<RealMs>,
        /// Where the answer goes.
        reply: oneshot::Sender<Applied>,
    },
    /// Journal a view line (what the projector shows, what the facilitator read); a pin
    /// or its release is shown on every seat that may see it.
    View {
        /// The line.
        entry: ViewEntry,
        /// Where the answer goes.
        reply: oneshot::Sender<Result<(), String>>,
    },
    /// Journal the console's heartbeat.
    Beat {
        /// Why it is written.
        kind: BeatKind,
        /// Real time of the session.
        real: RealMs,
        /// Wall-clock ms since the Unix epoch.
        wall: i64,
    },
    /// A seat's vote or submission.
    Seat {
        /// What the seat asks.
        action: SeatAction,
        /// Where the answer goes.
        reply: oneshot::Sender<Result<(), Refusal>>,
    },
    /// The exercise as it stands, and the number of journal entries so far.
    Snapshot {
        /// Where the answer goes.
        reply: oneshot::Sender<(Box<Exercise>, u64)>,
    },
    /// Publish every seat's view again now (a seat was rotated, a lead named).
    Republish,
    /// Stop: the session is dropped (its journal is already durable).
    Stop,
}

/// How often the owner looks at the clock (real-time limits) and republishes countdowns.
const TICK: Duration = Duration::from_millis(200);

/// How the owner runs.
#[derive(Clone, Debug)]
pub struct Options {
    /// A console drives the exercise: it keeps the clock (real-time limits, pacing) and
    /// shows the seats' doings itself, so the owner neither times decisions out nor writes
    /// to stderr.
    pub console: bool,
    /// Bumped after every change the facilitator's client should look at (an entry, a
    /// member who joined or left).
    pub version: Arc<AtomicU64>,
    /// The seats' language, for the fixed words of their views.
    pub lang: crate::i18n::Lang,
}

/// Runs the owner until [`Request::Stop`] or until every sender is gone.
pub fn run(
    mut session: Session,
    rx: Receiver<Request>,
    seats: Vec<(Audience, watch::Sender<Arc<Snapshot>>)>,
    opts: Options,
) {
    let mut last = Instant::now();
    let mut refused = None;
    let echo = !opts.console;
    let mut pin: Option<(PinKind, String)> = None;
    publish(&session, &seats, pin.as_ref(), false, opts.lang);
    loop {
        let mut changed = false;
        let mut force = false;
        match rx.recv_timeout(TICK) {
            Ok(Request::Stop) | Err(RecvTimeoutError::Disconnected) => break,
            Ok(Request::Apply { cmd, real, reply }) => {
                let r = match real {
                    Some(t) => session.apply_at(cmd, t),
                    None => session.apply(cmd),
                };
                changed = r.is_ok();
                let _ = reply.send(r.map(|ev| (ev, Box::new(session.exercise().clone()))));
            }
            Ok(Request::Seat { action, reply }) => {
                let r = seat(&mut session, &action, echo, opts.lang);
                changed = r.is_ok();
                let _ = reply.send(r);
            }
            Ok(Request::Snapshot { reply }) => {
                let _ = reply.send((Box::new(session.exercise().clone()), session.entries()));
            }
            Ok(Request::View { entry, reply }) => {
                let r = session.view(entry.clone()).map_err(|e| e.to_string());
                if r.is_ok() {
                    match entry {
                        ViewEntry::Pin { what, id, .. } => {
                            pin = Some((what, id));
                            force = true;
                        }
                        ViewEntry::Unpin { .. } => {
                            pin = None;
                            force = true;
                        }
                        _ => {}
                    }
                }
                let _ = reply.send(r);
            }
            Ok(Request::Beat { kind, real, wall }) => {
                let _ = session.beat_at(kind, real, wall);
            }
            Ok(Request::Republish) => force = true,
            Err(RecvTimeoutError::Timeout) => {}
        }
        if !opts.console {
            changed |= timeouts(&mut session, &mut refused, opts.lang);
        }
        if changed {
            opts.version.fetch_add(1, Ordering::Release);
        }
        if changed || force || last.elapsed() >= Duration::from_secs(1) {
            publish(&session, &seats, pin.as_ref(), force, opts.lang);
            last = Instant::now();
        }
    }
}

/// Takes the default option of every open decision whose real-time limit ran out. A timeout
/// the engine refuses is not tried again until the journal has moved on (`refused`: the
/// decision and the entry count when it was refused).
fn timeouts(session: &mut Session, refused: &mut Option<(String, u64)>, lang: Lang) -> bool {
    let real = session.real_now();
    let ex = session.exercise();
    if ex.state().paused {
        return false;
    }
    let due: Vec<String> = ex
        .pending()
        .iter()
        .filter(|&&d| ex.real_time_left(d, real).is_some_and(|left| left <= 0))
        .map(|&d| ex.scenario().decisions[usize::from(d)].id.clone())
        .collect();
    let mut changed = false;
    for decision in due {
        let key = (decision.clone(), session.entries());
        if refused.as_ref() == Some(&key) {
            continue;
        }
        match session.apply(Command::Timeout { decision }) {
            Ok(events) => {
                changed = true;
                tell(session.exercise(), &events, lang);
            }
            Err(e) => {
                crate::errln!("{}", tr!(lang, "host-said", text = e.in_lang(lang)));
                *refused = Some(key);
            }
        }
    }
    changed
}

/// A seat's action, checked against the team's view, then journaled as a command (and told
/// on stderr when `echo`). What is told and a refusal are said in the seats' language
/// `lang` (the engine's own reasons as they are).
fn seat(session: &mut Session, a: &SeatAction, echo: bool, lang: Lang) -> Result<(), Refusal> {
    let cmd = match &a.what {
        SeatDo::Vote(d, o) => choice(session.exercise(), a, *d, o, false, lang)?,
        SeatDo::Submit(d, o) => choice(session.exercise(), a, *d, o, true, lang)?,
        SeatDo::Take(k) => take(session.exercise(), a, *k, lang)?,
    };
    match session.apply(cmd) {
        Ok(events) => {
            if echo {
                tell(session.exercise(), &events, lang);
            }
            Ok(())
        }
        Err(SessionError::Command(e)) => Err(Refusal::Conflict(
            crate::i18n::refusal::command_error(lang, &e),
        )),
        Err(e) => Err(Refusal::Unsaved(e.in_lang(lang))),
    }
}

/// A vote or a submission on an open decision of the member's team, as a command.
fn choice(
    ex: &Exercise,
    a: &SeatAction,
    d: u16,
    picked: &[u16],
    submit: bool,
    lang: Lang,
) -> Result<Command, Refusal> {
    let sc = ex.scenario();
    let dec = sc
        .decisions
        .get(usize::from(d))
        .filter(|x| x.team == a.team && ex.pending().contains(&d))
        .ok_or(Refusal::NotFound)?;
    let mut sel = picked.to_vec();
    sel.sort_unstable();
    sel.dedup();
    if sel.is_empty() || sel.iter().any(|&o| usize::from(o) >= dec.options.len()) {
        return Err(Refusal::NotFound);
    }
    let (min, max) = dec.pick_limits();
    if sel.len() < usize::from(min) || sel.len() > usize::from(max) {
        return Err(Refusal::Conflict(if min == max {
            tr!(lang, "seat-refused-pick", n = min)
        } else {
            tr!(lang, "seat-refused-pick-range", min = min, max = max)
        }));
    }
    if let OptionStatus::Unavailable(_) = ex.selection_status(d, &sel) {
        return Err(Refusal::Conflict(if sel.len() == 1 {
            tr!(lang, "seat-refused-unavailable")
        } else {
            tr!(lang, "seat-refused-not-together")
        }));
    }
    let team = sc.teams[usize::from(a.team)].id.clone();
    let (decision, option) = (dec.id.clone(), dec.selection_ids(&sel));
    Ok(if submit {
        Command::Submit {
            decision,
            option,
            team,
            by: a.voter.clone(),
            name: a.name.clone(),
        }
    } else {
        Command::Vote {
            decision,
            option,
            team,
            voter: a.voter.clone(),
            name: a.name.clone(),
        }
    })
}

/// The lead's taking of an action open to the member's team, as a command.
fn take(ex: &Exercise, a: &SeatAction, k: u16, lang: Lang) -> Result<Command, Refusal> {
    let sc = ex.scenario();
    let act = sc
        .actions
        .get(usize::from(k))
        .filter(|x| x.open_to(a.team))
        .ok_or(Refusal::NotFound)?;
    if let OptionStatus::Unavailable(why) = ex.action_status(k, Some(a.team)) {
        // Why its requirement is not met is the facilitator's, as for options (the seats'
        // view leaves it out); used up, a cooldown or a pause the team can see anyway.
        if matches!(why, crate::engine::Unavailable::Authored(_)) {
            return Err(Refusal::Conflict(tr!(lang, "seat-refused-action")));
        }
        return Err(Refusal::Conflict(tr!(
            lang,
            "seat-refused-action-why",
            why = crate::i18n::refusal::unavailable(lang, &why)
        )));
    }
    Ok(Command::Take {
        action: act.id.clone(),
        team: Some(sc.teams[usize::from(a.team)].id.clone()),
        by: a.voter.clone(),
        name: a.name.clone(),
    })
}

/// One line on stderr per event the facilitator's driver did not cause, in `lang`.
fn tell(ex: &Exercise, events: &[Event], lang: Lang) {
    let seat = super::seat_prefix(lang);
    for e in events {
        if let Some(line) = crate::headless::transcript::describe(lang, ex.scenario(), ex, e) {
            crate::errln!("{seat}{line}");
        }
    }
}

/// Publishes every seat's view (only where it changed, unless `force`: a seat was rotated or a
/// lead named, which the view does not show but each member's stream must hear).
pub(super) fn publish(
    session: &Session,
    seats: &[(Audience, watch::Sender<Arc<Snapshot>>)],
    pin: Option<&(PinKind, String)>,
    force: bool,
    lang: crate::i18n::Lang,
) {
    let ex = session.exercise();
    let real = session.real_now();
    for (aud, tx) in seats {
        let mut view = audience::view_in(ex, *aud, real, lang);
        view.pinned = pin.and_then(|(kind, id)| audience::pinned(ex, *aud, *kind, id));
        let json = serde_json::to_string(&view).unwrap_or_else(|_| "{}".into());
        let ballots = match aud {
            Audience::Team(_) => view
                .decisions
                .iter()
                .flat_map(|d| {
                    audience::ballots(ex, d.key)
                        .into_iter()
                        .map(|(v, o, _)| (d.key, v.to_string(), o))
                        .collect::<Vec<_>>()
                })
                .collect(),
            _ => Vec::new(),
        };
        tx.send_if_modified(|cur| {
            if !force && cur.json == json && cur.ballots == ballots {
                return false;
            }
            *cur = Arc::new(Snapshot {
                json,
                ballots,
                view: Some(Arc::new(view)),
            });
            true
        });
    }
}
