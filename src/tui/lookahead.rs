//! What a command would do, worked out on a copy of the exercise: nothing is applied and
//! nothing is journaled. The console's confirmations use it to name what a key would lose
//! (decisions timed out, hours of injects, an ending) or take back (undo, rewind) before
//! the facilitator says yes.

use std::collections::BTreeSet;

use crate::engine::{Command, Event, Exercise, RealMs, Status};
use crate::scenario::time::{self, Secs};
use crate::text::sanitize_line;

/// What a command would change.
#[derive(Clone, Debug, PartialEq)]
pub struct Change {
    /// The command looked at.
    pub cmd: Command,
    /// Scenario time before the command.
    pub from: Secs,
    /// Scenario time after it.
    pub to: Secs,
    /// Decisions it would close by timeout, with the default option taken.
    pub timeouts: Vec<(u16, u16)>,
    /// Injects it would fire.
    pub fired: Vec<u16>,
    /// The ending it would reach.
    pub ended: Option<u16>,
    /// The ending it would reach but hold for the open decisions.
    pub held: Option<u16>,
    /// Whether it would stop at a phase break.
    pub phase_break: bool,
    /// Undo and rewind: answers taken back (decision, option, taken by timeout).
    pub untaken: Vec<(u16, Vec<u16>, bool)>,
    /// Undo and rewind: injects taken out of the feed.
    pub unfired: Vec<u16>,
    /// Undo and rewind: the journal entries taken back, with what each did.
    pub taken_back: Vec<(u64, String)>,
}

impl Change {
    /// Whether the command would lose something the room has not seen through: a
    /// decision timed out, or an ending reached or held.
    pub fn loses_something(&self) -> bool {
        !self.timeouts.is_empty() || self.ended.is_some() || self.held.is_some()
    }
}

/// What `cmd` would do at real time `real`, or why the engine would refuse it.
pub fn preview(ex: &Exercise, cmd: &Command, real: RealMs) -> Result<Change, String> {
    let mut copy = ex.clone();
    let events = copy.apply(cmd.clone(), real).map_err(|e| e.to_string())?;
    let mut c = Change {
        cmd: cmd.clone(),
        from: ex.now(),
        to: copy.now(),
        timeouts: Vec::new(),
        fired: Vec::new(),
        ended: None,
        held: None,
        phase_break: false,
        untaken: Vec::new(),
        unfired: Vec::new(),
        taken_back: Vec::new(),
    };
    for e in &events {
        match *e {
            Event::OptionChosen {
                decision,
                option,
                timeout: true,
            } => c.timeouts.push((decision, option)),
            Event::InjectFired { inject, .. } => c.fired.push(inject),
            Event::Ended { ending } => c.ended = Some(ending),
            Event::EndingHeld { ending } => c.held = Some(ending),
            Event::PhaseBreak { .. } => c.phase_break = true,
            _ => {}
        }
    }
    if matches!(cmd, Command::Undo | Command::Rewind { .. }) {
        for (d, (before, after)) in ex
            .state()
            .decisions
            .iter()
            .zip(&copy.state().decisions)
            .enumerate()
        {
            if let Some(b) = &before.choice
                && after.choice.is_none()
            {
                c.untaken.push((d as u16, b.options(), b.timeout));
            }
        }
        let kept: BTreeSet<u16> = copy.state().feed.iter().copied().collect();
        c.unfired = ex
            .state()
            .feed
            .iter()
            .copied()
            .filter(|i| !kept.contains(i))
            .collect();
        let keep = copy.applied().len();
        c.taken_back = ex
            .applied_entries()
            .zip(ex.applied())
            .skip(keep)
            .map(|(n, (cmd, _))| (n, command_text(ex, cmd)))
            .collect();
    }
    Ok(c)
}

/// A decision named for people: the title of the message that carries it.
pub fn decision_name(ex: &Exercise, d: u16) -> String {
    let sc = ex.scenario();
    let dec = &sc.decisions[d as usize];
    sanitize_line(&sc.injects[dec.inject as usize].title)
}

/// `1. Wait for IT to look at it`: an option with the number it is shown with.
pub fn option_text(ex: &Exercise, d: u16, o: u16) -> String {
    let dec = &ex.scenario().decisions[d as usize];
    format!(
        "{}. {}",
        crate::engine::shown_number(ex, d, o),
        sanitize_line(&dec.options[o as usize].label)
    )
}

/// `1. Isolate + 3. Call the CERT` as the teams see several options taken together.
pub fn selection_text(ex: &Exercise, d: u16, sel: &[u16]) -> String {
    let parts: Vec<String> = sel.iter().map(|&o| option_text(ex, d, o)).collect();
    parts.join(" + ")
}

/// What a journaled command did, in words (for the rewind list and the previews).
pub fn command_text(ex: &Exercise, cmd: &Command) -> String {
    let sc = ex.scenario();
    let decision = |id: &str| sc.decision_index(id);
    match cmd {
        Command::Start { .. } => "start".into(),
        Command::Step => "clock step".into(),
        Command::NextInject => "jump to the next inject".into(),
        Command::NextPhase => "next phase".into(),
        Command::Choose {
            decision: id,
            option,
            ..
        }
        | Command::Overrule {
            decision: id,
            option,
            ..
        } => match decision(id) {
            Some(d) => {
                let sel = sc.decisions[d as usize]
                    .selection_of(option)
                    .unwrap_or_else(|| vec![0]);
                format!(
                    "chose {} for “{}”",
                    selection_text(ex, d, &sel),
                    decision_name(ex, d)
                )
            }
            None => "choice".into(),
        },
        Command::Timeout { decision: id } => match decision(id) {
            Some(d) => format!("⏱ time ran out for “{}”", decision_name(ex, d)),
            None => "timeout".into(),
        },
        Command::Take { action, .. } => match sc.action_index(action) {
            Some(a) => format!("took “{}”", sanitize_line(&sc.actions[a as usize].label)),
            None => "action".into(),
        },
        Command::Pause => "pause".into(),
        Command::Resume => "resume".into(),
        Command::Curveball { inject } => match sc.inject_index(inject) {
            Some(i) => format!(
                "curveball “{}”",
                sanitize_line(&sc.injects[i as usize].title)
            ),
            None => "curveball".into(),
        },
        Command::SetMetric { metric, .. } | Command::AdjustMetric { metric, .. } => {
            match sc.metric_index(metric) {
                Some(m) => format!(
                    "override of {}",
                    sanitize_line(&sc.metrics[m as usize].label)
                ),
                None => "override".into(),
            }
        }
        Command::Note { .. } => "note".into(),
        Command::Vote { .. } | Command::Submit { .. } => "seat".into(),
        Command::Rate { .. } => "objective rated".into(),
        Command::Undo => "undo".into(),
        Command::Rewind { entry } => format!("rewind to entry {entry}"),
        Command::ConfirmEnding => "ending confirmed".into(),
        Command::EndNow { .. } => "exercise ended".into(),
    }
}

/// `2 decisions are still open: A, B.` (empty when none is).
pub fn open_text(ex: &Exercise, open: &[u16]) -> String {
    if open.is_empty() {
        return String::new();
    }
    let names: Vec<String> = open.iter().map(|&d| decision_name(ex, d)).collect();
    if open.len() == 1 {
        format!("1 decision is still open: {}.", names[0])
    } else {
        format!(
            "{} decisions are still open: {}.",
            open.len(),
            names.join(", ")
        )
    }
}

/// The question asked before a clock command that loses something (and before any phase
/// skip): what it would do, in words.
pub fn clock_question(ex: &Exercise, c: &Change) -> (String, String) {
    let sc = ex.scenario();
    let mut parts = Vec::new();
    let span = time::format_duration(c.to - c.from);
    let skip =
        matches!(c.cmd, Command::NextPhase) && !matches!(ex.status(), Status::PhaseBreak { .. });
    if !c.timeouts.is_empty() {
        let open: Vec<u16> = c.timeouts.iter().map(|&(d, _)| d).collect();
        parts.push(open_text(ex, &open));
    } else if skip && !ex.pending().is_empty() {
        let stay = if ex.pending().len() == 1 {
            "It stays open."
        } else {
            "They stay open."
        };
        parts.push(format!("{} {stay}", open_text(ex, ex.pending())));
    }
    let moves = if skip {
        format!(
            "Skipping to the next phase moves the clock {} ({} → {})",
            span,
            time::format_offset(c.from),
            time::format_offset(c.to)
        )
    } else {
        format!(
            "The clock moves {} ({} → {})",
            span,
            time::format_offset(c.from),
            time::format_offset(c.to)
        )
    };
    let fired = match c.fired.len() {
        0 => String::from("no message arrives"),
        1 => String::from("1 message arrives"),
        n => format!("{n} messages arrive"),
    };
    parts.push(format!("{moves}; {fired}."));
    for &(d, o) in &c.timeouts {
        parts.push(format!(
            "“{}” times out: default taken ({}).",
            decision_name(ex, d),
            option_text(ex, d, o)
        ));
    }
    if let Some(e) = c.ended.or(c.held) {
        parts.push(format!(
            "The exercise reaches its ending “{}”.",
            sanitize_line(&sc.endings[e as usize].title)
        ));
    }
    let title = if !c.timeouts.is_empty() {
        let n = c.timeouts.len();
        let what = if n == 1 {
            "the open decision".to_string()
        } else {
            format!("{n} open decisions")
        };
        if skip {
            format!("Skip to the next phase and time out {what}?")
        } else {
            format!("Time out {what} and go on?")
        }
    } else if skip {
        "Skip to the next phase?".to_string()
    } else {
        "Go on?".to_string()
    };
    parts.push("Undo can take it back afterwards.".into());
    (title, parts.join(" "))
}

/// What an undo or a rewind would take back, in words.
pub fn undo_text(ex: &Exercise, c: &Change) -> String {
    let mut parts = Vec::new();
    match c.cmd {
        Command::Rewind { entry } => parts.push(format!(
            "The exercise returns to the moment just before journal entry {entry}."
        )),
        _ => parts.push("The exercise returns to the moment before it.".into()),
    }
    for (d, o, timeout) in &c.untaken {
        let (d, timeout) = (*d, *timeout);
        let how = if timeout {
            "⏱ time ran out: default taken"
        } else {
            "answered"
        };
        parts.push(format!(
            "“{}” ({how}: {}) opens again.",
            decision_name(ex, d),
            selection_text(ex, d, o)
        ));
    }
    if c.to != c.from {
        parts.push(format!(
            "The clock goes back from {} to {}.",
            time::format_offset(c.from),
            time::format_offset(c.to)
        ));
    }
    match c.unfired.len() {
        0 => {}
        1 => parts.push("1 message leaves the feed.".into()),
        n => parts.push(format!("{n} messages leave the feed.")),
    }
    let n = c.taken_back.len();
    parts.push(format!(
        "{n} journal entr{} taken back (the journal keeps them, marked undone); notes and ratings stay.",
        if n == 1 { "y is" } else { "ies are" }
    ));
    parts.join(" ")
}
