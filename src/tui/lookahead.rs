//! What a command would do, worked out on a copy of the exercise: nothing is applied and
//! nothing is journaled. The console's confirmations use it to name what a key would lose
//! (decisions timed out, hours of injects, an ending) or take back (undo, rewind) before
//! the facilitator says yes.

use std::collections::BTreeSet;

use crate::engine::{Command, Event, Exercise, RealMs, Status};
use crate::i18n::Lang;
use crate::scenario::time::{self, Secs};
use crate::text::sanitize_line;
use crate::tr;

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
pub fn preview(lang: Lang, ex: &Exercise, cmd: &Command, real: RealMs) -> Result<Change, String> {
    let mut copy = ex.clone();
    let events = copy
        .apply(cmd.clone(), real)
        .map_err(|e| crate::i18n::refusal::command_error(lang, &e))?;
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
            .map(|(n, (cmd, _))| (n, command_text(lang, ex, cmd)))
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
pub fn command_text(lang: Lang, ex: &Exercise, cmd: &Command) -> String {
    let sc = ex.scenario();
    let decision = |id: &str| sc.decision_index(id);
    match cmd {
        Command::Start { .. } => tr!(lang, "cmd-start"),
        Command::Step => tr!(lang, "cmd-step"),
        Command::NextInject => tr!(lang, "cmd-next-inject"),
        Command::NextPhase => tr!(lang, "cmd-next-phase"),
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
                tr!(
                    lang,
                    "cmd-chose",
                    options = selection_text(ex, d, &sel),
                    decision = decision_name(ex, d)
                )
            }
            None => tr!(lang, "cmd-choice"),
        },
        Command::Timeout { decision: id } => match decision(id) {
            Some(d) => tr!(lang, "cmd-timed-out", decision = decision_name(ex, d)),
            None => tr!(lang, "cmd-timeout"),
        },
        Command::Take { action, .. } => match sc.action_index(action) {
            Some(a) => tr!(
                lang,
                "cmd-took",
                action = sanitize_line(&sc.actions[a as usize].label)
            ),
            None => tr!(lang, "cmd-action"),
        },
        Command::Pause => tr!(lang, "cmd-pause"),
        Command::Resume => tr!(lang, "cmd-resume"),
        Command::Curveball { inject } => match sc.inject_index(inject) {
            Some(i) => tr!(
                lang,
                "cmd-curveball-named",
                inject = sanitize_line(&sc.injects[i as usize].title)
            ),
            None => tr!(lang, "cmd-curveball"),
        },
        Command::SetMetric { metric, .. } | Command::AdjustMetric { metric, .. } => {
            match sc.metric_index(metric) {
                Some(m) => tr!(
                    lang,
                    "cmd-override-of",
                    metric = sanitize_line(&sc.metrics[m as usize].label)
                ),
                None => tr!(lang, "cmd-override"),
            }
        }
        Command::Note { .. } => tr!(lang, "cmd-note"),
        Command::Vote { .. } | Command::Submit { .. } => tr!(lang, "cmd-seat"),
        Command::Rate { .. } => tr!(lang, "cmd-rate"),
        Command::Undo => tr!(lang, "cmd-undo"),
        Command::Rewind { entry } => tr!(lang, "cmd-rewind", entry = *entry),
        Command::ConfirmEnding => tr!(lang, "cmd-confirm-ending"),
        Command::EndNow { .. } => tr!(lang, "cmd-end-now"),
    }
}

/// `2 decisions are still open: A, B.` (empty when none is).
pub fn open_text(lang: Lang, ex: &Exercise, open: &[u16]) -> String {
    if open.is_empty() {
        return String::new();
    }
    let names: Vec<String> = open.iter().map(|&d| decision_name(ex, d)).collect();
    tr!(
        lang,
        "look-still-open",
        n = open.len(),
        names = crate::i18n::format::list(lang, &names)
    )
}

/// The question asked before a clock command that loses something (and before any phase
/// skip): what it would do, in words.
pub fn clock_question(lang: Lang, ex: &Exercise, c: &Change) -> (String, String) {
    let sc = ex.scenario();
    let mut parts = Vec::new();
    let span = crate::i18n::format::duration(lang, c.to - c.from);
    let skip =
        matches!(c.cmd, Command::NextPhase) && !matches!(ex.status(), Status::PhaseBreak { .. });
    if !c.timeouts.is_empty() {
        let open: Vec<u16> = c.timeouts.iter().map(|&(d, _)| d).collect();
        parts.push(open_text(lang, ex, &open));
    } else if skip && !ex.pending().is_empty() {
        let n = ex.pending().len();
        parts.push(open_text(lang, ex, ex.pending()));
        parts.push(tr!(lang, "look-stay-open", n = n));
    }
    let (from, to) = (time::format_offset(c.from), time::format_offset(c.to));
    let fired = c.fired.len();
    parts.push(if skip {
        tr!(
            lang,
            "look-skip-moves",
            span = &span,
            from = &from,
            to = &to,
            fired = fired
        )
    } else {
        tr!(
            lang,
            "look-clock-moves",
            span = &span,
            from = &from,
            to = &to,
            fired = fired
        )
    });
    for &(d, o) in &c.timeouts {
        parts.push(tr!(
            lang,
            "look-times-out",
            decision = decision_name(ex, d),
            option = option_text(ex, d, o)
        ));
    }
    if let Some(e) = c.ended.or(c.held) {
        parts.push(tr!(
            lang,
            "look-reaches-ending",
            ending = sanitize_line(&sc.endings[e as usize].title)
        ));
    }
    let n = c.timeouts.len();
    let title = match (n, skip) {
        (0, true) => tr!(lang, "look-q-skip"),
        (0, false) => tr!(lang, "look-q-go-on"),
        (n, true) => tr!(lang, "look-q-skip-time-out", n = n),
        (n, false) => tr!(lang, "look-q-time-out", n = n),
    };
    parts.push(tr!(lang, "look-undo-can"));
    (title, join(lang, &parts))
}

/// Sentences joined as the language does: with a space, or none in Chinese.
fn join(lang: Lang, parts: &[String]) -> String {
    let parts: Vec<&str> = parts
        .iter()
        .map(|p| p.as_str())
        .filter(|p| !p.is_empty())
        .collect();
    parts.join(if lang == Lang::Zh { "" } else { " " })
}

/// What an undo or a rewind would take back, in words.
pub fn undo_text(lang: Lang, ex: &Exercise, c: &Change) -> String {
    let mut parts = Vec::new();
    match c.cmd {
        Command::Rewind { entry } => {
            parts.push(tr!(lang, "look-returns-before-entry", entry = entry))
        }
        _ => parts.push(tr!(lang, "look-returns-before")),
    }
    for (d, o, timeout) in &c.untaken {
        let (d, timeout) = (*d, *timeout);
        let how = if timeout {
            tr!(lang, "look-how-timed-out")
        } else {
            tr!(lang, "look-how-answered")
        };
        parts.push(tr!(
            lang,
            "look-opens-again",
            decision = decision_name(ex, d),
            how = how,
            options = selection_text(ex, d, o)
        ));
    }
    if c.to != c.from {
        parts.push(tr!(
            lang,
            "look-clock-back",
            from = time::format_offset(c.from),
            to = time::format_offset(c.to)
        ));
    }
    if !c.unfired.is_empty() {
        parts.push(tr!(lang, "look-leave-feed", n = c.unfired.len()));
    }
    parts.push(tr!(lang, "look-entries-taken-back", n = c.taken_back.len()));
    join(lang, &parts)
}
