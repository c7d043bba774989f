//! The plain-line protocol of `downtime run --interactive` and `downtime host`: the
//! facilitator answers on standard input, one line at a time (for rehearsal, scripts and
//! screen readers). `run` moves the clock itself and asks only at decisions and phase
//! breaks; `host` lets the facilitator move the clock (`next`, `step`, `pause`, `resume`)
//! while the teams vote and their leads submit from their own devices.

use std::io::{BufRead, Write};

use crate::engine::{Command, Event, Exercise, OptionStatus, Status};
use crate::i18n::{Lang, terms};
use crate::journal::SessionError;
use crate::text::sanitize_line;
use crate::tr;

use super::Driver;

/// Object-safe driver, so a session, a bare exercise and a host can share one code path.
pub trait DynDriver {
    /// The exercise as this driver last saw it.
    fn ex(&self) -> &Exercise;
    /// Applies a command.
    fn dyn_send(&mut self, cmd: Command) -> Result<Vec<Event>, SessionError>;
    /// Catches up with changes others made (a host's seats); `true` when something changed.
    fn refresh(&mut self) -> bool {
        false
    }
    /// A line beyond the protocol that this driver understands (a host's `rotate TEAM`):
    /// the answer to print, or `None` when the line is not one of its own.
    fn extra(&mut self, _line: &str) -> Option<String> {
        None
    }
    /// What `help` prints about the driver's own lines (empty: nothing).
    fn extra_help(&self) -> String {
        String::new()
    }
}

impl<T: Driver> DynDriver for T {
    fn ex(&self) -> &Exercise {
        self.exercise()
    }
    fn dyn_send(&mut self, cmd: Command) -> Result<Vec<Event>, SessionError> {
        self.send(cmd)
    }
}

/// A `DynDriver` as a `Driver`, for the policy and plan runners.
pub struct Adapter<'a>(pub &'a mut dyn DynDriver);

impl Driver for Adapter<'_> {
    fn exercise(&self) -> &Exercise {
        self.0.ex()
    }
    fn send(&mut self, cmd: Command) -> Result<Vec<Event>, SessionError> {
        self.0.dyn_send(cmd)
    }
}

/// Records a command's events into the transcript (and prints them when live).
pub type Recorder<'a> = dyn FnMut(&Exercise, &Command, &[Event], &mut dyn Write) + 'a;

/// Which dialect of the protocol.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// `run --interactive`: the clock moves by itself up to each decision or phase break.
    Run,
    /// `host`: the facilitator moves the clock; decisions may also be taken from seats.
    Host,
}

/// A line of the player's answer, as understood.
enum Reply {
    /// `q`: stop here (the journal keeps everything).
    Quit,
    /// `continue`: begin the next phase.
    Continue,
    /// `note TEXT`.
    Note(String),
    /// A number as shown, from 1 (also `choose N`).
    Number(usize),
    /// Several numbers (`1 3`, `1+3`, `1,3`), for a decision with `pick`.
    Numbers(Vec<usize>),
    /// A clock or room command (host only): `next`, `step`, `pause`, `resume`, `undo`,
    /// `curveball INJECT`, `end [REASON]`.
    Clock(Command),
    /// An empty line (host only): show where the exercise stands now.
    Refresh,
    /// `help` (host only).
    Help,
    /// Anything else.
    Other,
}

fn reply(line: &str, mode: Mode) -> Reply {
    let t = line.trim();
    match t {
        "q" => return Reply::Quit,
        "continue" => return Reply::Continue,
        _ => {}
    }
    if let Some(text) = t.strip_prefix("note ").map(str::trim)
        && !text.is_empty()
    {
        return Reply::Note(text.to_string());
    }
    if mode == Mode::Host {
        let cmd = match t {
            "" => return Reply::Refresh,
            "help" | "?" => return Reply::Help,
            "start" => Some(Command::Start {
                params: Default::default(),
                session: Default::default(),
            }),
            "next" | "next-inject" => Some(Command::NextInject),
            "step" => Some(Command::Step),
            "pause" => Some(Command::Pause),
            "resume" => Some(Command::Resume),
            "undo" => Some(Command::Undo),
            "next-phase" => Some(Command::NextPhase),
            "confirm-ending" => Some(Command::ConfirmEnding),
            "end" => Some(Command::EndNow {
                reason: String::new(),
            }),
            _ => None,
        };
        if let Some(c) = cmd {
            return Reply::Clock(c);
        }
        if let Some(inject) = t.strip_prefix("curveball ").map(str::trim)
            && !inject.is_empty()
        {
            return Reply::Clock(Command::Curveball {
                inject: inject.to_string(),
            });
        }
        if let Some(reason) = t.strip_prefix("end ") {
            return Reply::Clock(Command::EndNow {
                reason: reason.trim().to_string(),
            });
        }
        if let Some(n) = t.strip_prefix("choose ") {
            return numbers(n);
        }
    }
    numbers(t)
}

/// One number, or several separated by spaces, commas or `+` (at most 50).
fn numbers(t: &str) -> Reply {
    let parts: Vec<&str> = t
        .split(|c: char| c == '+' || c == ',' || c.is_whitespace())
        .filter(|p| !p.is_empty())
        .collect();
    let parsed: Option<Vec<usize>> = parts.iter().map(|p| p.parse().ok()).collect();
    match parsed {
        Some(v) if v.len() == 1 => Reply::Number(v[0]),
        Some(v) if v.len() > 1 && v.len() <= 50 => Reply::Numbers(v),
        _ => Reply::Other,
    }
}

/// What the player was last shown, so that a note does not repeat it.
#[derive(Clone, Copy, PartialEq)]
enum Shown {
    Break(u16),
    Decision(u16),
    Running,
    Ended,
}

/// Plays by asking on stdin, in plain numbered lines: each decision with its options in the
/// order the teams see them, `note TEXT` lines as notes, and an explicit `continue` at each
/// phase break (in host mode also the clock commands, see [`Mode`]). When stdin is not a
/// terminal (a piped script), a line that does not fit is an error naming its line number
/// rather than an answer to something else.
pub fn interactive(
    driver: &mut dyn DynDriver,
    record: &mut Recorder<'_>,
    out: &mut dyn Write,
    mode: Mode,
    lang: Lang,
) -> Result<(), (u8, String)> {
    use std::io::IsTerminal;
    // What `help` says in host mode.
    let host_help = tr!(lang, "ask-host-help");
    let stop = |driver: &mut dyn DynDriver, out: &mut dyn Write| stop(lang, driver, out);
    let stdin = std::io::stdin();
    let piped = !stdin.is_terminal();
    let mut lines = stdin.lock().lines();
    let mut line_no = 0usize;
    let mut next_line = || {
        let line = lines.next()?.ok()?;
        line_no += 1;
        Some((line_no, line))
    };
    let host = mode == Mode::Host;
    // A host's own lines (`rotate TEAM`...) are answered where they are read.
    let own = |driver: &mut dyn DynDriver, line: &str, out: &mut dyn Write| -> bool {
        if !host || !matches!(reply(line, mode), Reply::Other) {
            return false;
        }
        match driver.extra(line) {
            Some(said) => {
                let _ = writeln!(out, "{said}");
                true
            }
            None => false,
        }
    };
    // A piped answer is not echoed: end the prompt's line before what follows.
    let answered = |out: &mut dyn Write| {
        if piped {
            let _ = writeln!(out);
        }
    };
    let mut shown = None;
    'outer: loop {
        if driver.refresh() {
            shown = None;
        }
        let ex = driver.ex();
        let cmd = match ex.status() {
            Status::Ended { .. } if !host => return Ok(()),
            Status::Ended { .. } => {
                if shown != Some(Shown::Ended) {
                    let _ = writeln!(out, "\n-- {}", tr!(lang, "ask-ended"));
                    shown = Some(Shown::Ended);
                }
                let _ = write!(out, "{}", tr!(lang, "ask-ended-prompt"));
                let _ = out.flush();
                let Some((n, line)) = next_line() else {
                    return stop(driver, out);
                };
                answered(out);
                if own(driver, &line, out) {
                    continue 'outer;
                }
                match reply(&line, mode) {
                    Reply::Quit => return stop(driver, out),
                    Reply::Note(text) => Command::Note { text },
                    Reply::Refresh | Reply::Help => continue 'outer,
                    _ => {
                        if piped {
                            return Err(misfit(
                                n,
                                &line,
                                "the exercise has ended: expected q or note TEXT",
                            ));
                        }
                        continue 'outer;
                    }
                }
            }
            Status::Briefing if !host => {
                return Err((1, "the exercise has not started".into()));
            }
            Status::Briefing => {
                if shown.is_none() {
                    let _ = writeln!(out, "\n-- {}", tr!(lang, "ask-briefing"));
                    shown = Some(Shown::Running);
                }
                let _ = write!(out, "{}", tr!(lang, "ask-briefing-prompt"));
                let _ = out.flush();
                let Some((n, line)) = next_line() else {
                    return stop(driver, out);
                };
                answered(out);
                if own(driver, &line, out) {
                    continue 'outer;
                }
                match reply(&line, mode) {
                    Reply::Quit => return stop(driver, out),
                    Reply::Clock(c @ Command::Start { .. }) => c,
                    Reply::Help => {
                        let _ = writeln!(out, "{host_help}{}", driver.extra_help());
                        continue 'outer;
                    }
                    Reply::Refresh => continue 'outer,
                    _ if piped => {
                        return Err(misfit(n, &line, "briefing: expected start, seats or q"));
                    }
                    _ => continue 'outer,
                }
            }
            Status::PhaseBreak { next } => {
                let title = sanitize_line(&ex.scenario().phases[next as usize].title);
                if shown != Some(Shown::Break(next)) {
                    let _ = writeln!(out, "\n-- {}", tr!(lang, "ask-break", title = &title));
                    shown = Some(Shown::Break(next));
                }
                loop {
                    let _ = write!(out, "{}", tr!(lang, "ask-break-prompt"));
                    let _ = out.flush();
                    let Some((n, line)) = next_line() else {
                        return stop(driver, out);
                    };
                    answered(out);
                    if own(driver, &line, out) {
                        continue 'outer;
                    }
                    match reply(&line, mode) {
                        Reply::Continue => break Command::NextPhase,
                        Reply::Note(text) => break Command::Note { text },
                        Reply::Quit => return stop(driver, out),
                        Reply::Clock(c) => break c,
                        Reply::Refresh => continue 'outer,
                        Reply::Help => {
                            let _ = writeln!(out, "{host_help}{}", driver.extra_help());
                        }
                        _ if piped => {
                            return Err(misfit(
                                n,
                                &line,
                                &format!(
                                    "phase break before \"{title}\": expected continue, note TEXT or q"
                                ),
                            ));
                        }
                        _ => {
                            let _ =
                                writeln!(out, "{}", tr!(lang, "ask-break-again", title = &title));
                        }
                    }
                }
            }
            Status::Running if !host => Command::NextInject,
            Status::Running => {
                if shown != Some(Shown::Running) {
                    let _ = writeln!(
                        out,
                        "\n-- {} {}",
                        crate::scenario::time::format_offset(ex.now()),
                        if ex.state().paused {
                            tr!(lang, "ask-paused")
                        } else {
                            String::new()
                        }
                    );
                    shown = Some(Shown::Running);
                }
                let _ = write!(out, "{}", tr!(lang, "ask-running-prompt"));
                let _ = out.flush();
                let Some((n, line)) = next_line() else {
                    return stop(driver, out);
                };
                answered(out);
                if own(driver, &line, out) {
                    continue 'outer;
                }
                match reply(&line, mode) {
                    Reply::Quit => return stop(driver, out),
                    Reply::Note(text) => Command::Note { text },
                    Reply::Clock(c) => c,
                    Reply::Continue => Command::NextPhase,
                    Reply::Help => {
                        let _ = writeln!(out, "{host_help}{}", driver.extra_help());
                        continue 'outer;
                    }
                    Reply::Refresh => {
                        shown = None;
                        continue 'outer;
                    }
                    _ => {
                        if piped {
                            return Err(misfit(
                                n,
                                &line,
                                "expected next, step, pause, resume, note TEXT or q",
                            ));
                        }
                        let _ = writeln!(out, "{host_help}{}", driver.extra_help());
                        continue 'outer;
                    }
                }
            }
            Status::AwaitingDecisions => {
                let d = ex.pending()[0];
                let dec = &ex.scenario().decisions[d as usize];
                // In the order the teams see, numbered as shown.
                let order = crate::engine::option_order(ex, d);
                if shown != Some(Shown::Decision(d)) {
                    let team = &ex.scenario().teams[dec.team as usize];
                    let _ = writeln!(
                        out,
                        "\n{} — {}",
                        sanitize_line(&team.name),
                        sanitize_line(&dec.prompt)
                    );
                    if dec.multi() {
                        let (min, max) = dec.pick_limits();
                        let words = terms::pick_words(lang, min, max);
                        let _ = writeln!(out, "  {}", tr!(lang, "ask-several", words = words));
                    }
                    let ballots = crate::audience::ballots(ex, d);
                    for (pos, &k) in order.iter().enumerate() {
                        let o = &dec.options[usize::from(k)];
                        let votes = ballots.iter().filter(|b| b.1.contains(&k)).count();
                        let votes = if host && votes > 0 {
                            format!(" [{}]", tr!(lang, "ask-votes", n = votes))
                        } else {
                            String::new()
                        };
                        match ex.option_status(d, k) {
                            OptionStatus::Available => {
                                let _ = writeln!(
                                    out,
                                    "  {}. {}{votes}",
                                    pos + 1,
                                    sanitize_line(&o.label)
                                );
                            }
                            OptionStatus::Unavailable(why) => {
                                let why = tr!(
                                    lang,
                                    "ask-not-available",
                                    why = sanitize_line(&crate::i18n::refusal::unavailable(
                                        lang, &why
                                    ))
                                );
                                let _ = writeln!(
                                    out,
                                    "  {}. {} ({why}){votes}",
                                    pos + 1,
                                    sanitize_line(&o.label),
                                );
                            }
                        }
                    }
                    shown = Some(Shown::Decision(d));
                }
                let n = order.len();
                let asked = loop {
                    if host {
                        let _ = write!(out, "{}", tr!(lang, "ask-host-choice", n = n));
                    } else {
                        let _ = write!(out, "{}", tr!(lang, "ask-choice", n = n));
                    }
                    let _ = out.flush();
                    let Some((at, line)) = next_line() else {
                        return stop(driver, out);
                    };
                    answered(out);
                    if host && matches!(reply(&line, mode), Reply::Other) {
                        // Perhaps one of the host's own lines: answered below, where the
                        // exercise is no longer borrowed.
                        break Err((at, line));
                    }
                    // What to tell the player, and how a script's error says it.
                    let (tell, expected) = match reply(&line, mode) {
                        Reply::Quit => return stop(driver, out),
                        Reply::Note(text) => break Ok(Command::Note { text }),
                        Reply::Clock(c) => break Ok(c),
                        Reply::Refresh => {
                            shown = None;
                            continue 'outer;
                        }
                        Reply::Help => {
                            let _ = writeln!(out, "{host_help}{}", driver.extra_help());
                            continue;
                        }
                        Reply::Number(k) if (1..=n).contains(&k) && !dec.multi() => {
                            let o = order[k - 1];
                            match ex.option_status(d, o) {
                                OptionStatus::Available => {
                                    break Ok(Command::Choose {
                                        decision: dec.id.clone(),
                                        option: dec.options[usize::from(o)].id.clone(),
                                        team: None,
                                    });
                                }
                                OptionStatus::Unavailable(why) => {
                                    let why = sanitize_line(&crate::i18n::refusal::unavailable(
                                        lang, &why,
                                    ));
                                    (
                                        tr!(lang, "ask-option-unavailable", why = &why),
                                        format!("option {k} is not available ({why})"),
                                    )
                                }
                            }
                        }
                        Reply::Number(k) if dec.multi() && (1..=n).contains(&k) => {
                            match pick_command(lang, ex, d, &order, &[k]) {
                                Ok(c) => break Ok(c),
                                Err(why) => (why.clone(), why),
                            }
                        }
                        Reply::Numbers(ks)
                            if dec.multi() && ks.iter().all(|k| (1..=n).contains(k)) =>
                        {
                            match pick_command(lang, ex, d, &order, &ks) {
                                Ok(c) => break Ok(c),
                                Err(why) => (why.clone(), why),
                            }
                        }
                        _ => (
                            tr!(lang, "ask-number", n = n),
                            format!("expected a number from 1 to {n}, note TEXT or q"),
                        ),
                    };
                    if piped {
                        let id = sanitize_line(&dec.id);
                        return Err(misfit(at, &line, &format!("decision `{id}`: {expected}")));
                    }
                    let _ = writeln!(out, "{tell}");
                };
                match asked {
                    Ok(cmd) => cmd,
                    Err((at, line)) => {
                        if own(driver, &line, out) {
                            continue 'outer;
                        }
                        let n = crate::engine::option_order(driver.ex(), driver.ex().pending()[0])
                            .len();
                        if piped {
                            return Err(misfit(
                                at,
                                &line,
                                &format!(
                                    "expected a number from 1 to {n}, next, step, note TEXT or q"
                                ),
                            ));
                        }
                        let _ = writeln!(out, "{}", tr!(lang, "ask-number-or-help", n = n));
                        continue 'outer;
                    }
                }
            }
        };
        let note = matches!(cmd, Command::Note { .. });
        let events = match driver.dyn_send(cmd.clone()) {
            Ok(events) => events,
            // Nothing changed: say so, and offer to try again (space may be freed meanwhile).
            Err(e @ (SessionError::Journal { .. } | SessionError::TooLong(_))) => {
                let _ = write!(out, "\n{}\n{}", e.in_lang(lang), tr!(lang, "ask-retry"));
                let _ = out.flush();
                match next_line() {
                    Some((_, l)) if l.trim() != "q" => continue,
                    _ => return stop(driver, out),
                }
            }
            // On a host the seats move the exercise too: a decision its lead just took,
            // a clock command that does not fit now. Say so and carry on.
            Err(SessionError::Command(e)) if host => {
                let why = sanitize_line(&crate::i18n::refusal::command_error(lang, &e));
                let _ = writeln!(out, "{}", tr!(lang, "ask-not-done", why = why));
                shown = None;
                continue;
            }
            Err(e) => return Err((exit_code(&e), e.to_string())),
        };
        record(driver.ex(), &cmd, &events, out);
        if !note {
            shown = None;
        }
    }
}

/// The error for a scripted line that does not fit where it was read.
fn misfit(line_no: usize, line: &str, expected: &str) -> (u8, String) {
    (
        1,
        format!(
            "stdin line {line_no}: {expected}, got `{}`",
            sanitize_line(line.trim())
        ),
    )
}

/// The exit code for a session error: 2 for the journal's file (I/O, another writer),
/// 1 for the content.
pub fn exit_code(e: &SessionError) -> u8 {
    match e {
        SessionError::Journal { .. } | SessionError::Locked(_) => 2,
        _ => 1,
    }
}

fn stop(lang: Lang, driver: &mut dyn DynDriver, out: &mut dyn Write) -> Result<(), (u8, String)> {
    let at = crate::scenario::time::format_offset(driver.ex().now());
    let _ = writeln!(out, "\n{}", tr!(lang, "ask-stopped", at = at));
    Ok(())
}

/// The choice of options numbered `ks` (as shown) of decision `d`, which has `pick`, or
/// why it cannot be taken.
fn pick_command(
    lang: Lang,
    ex: &Exercise,
    d: u16,
    order: &[u16],
    ks: &[usize],
) -> Result<Command, String> {
    let dec = &ex.scenario().decisions[d as usize];
    let mut sel: Vec<u16> = ks.iter().map(|k| order[k - 1]).collect();
    sel.sort_unstable();
    sel.dedup();
    let (min, max) = dec.pick_limits();
    if sel.len() < usize::from(min) || sel.len() > usize::from(max) {
        let words = terms::pick_words(lang, min, max);
        return Err(tr!(lang, "ask-pick-count", words = words));
    }
    match ex.selection_status(d, &sel) {
        OptionStatus::Available => Ok(Command::Choose {
            decision: dec.id.clone(),
            option: dec.selection_ids(&sel),
            team: None,
        }),
        OptionStatus::Unavailable(why) => Err(tr!(
            lang,
            "ask-not-together",
            why = sanitize_line(&crate::i18n::refusal::unavailable(lang, &why))
        )),
    }
}
