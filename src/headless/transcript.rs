//! Readable transcripts of headless runs: one line per event, with scenario time, and in
//! full transcripts the texts the room would read (inject bodies, attachments, discussion
//! questions, phase briefings), indented under their event. Transcripts hold no real time,
//! so the same run always prints the same bytes.

use std::fmt::Write;

use crate::engine::score::CheckStatus;
use crate::engine::{Command, Event, Exercise, Prevention, ScoreCard, option_order, shown_number};
use crate::scenario::Scenario;
use crate::scenario::compiled::{format_number, with_unit};
use crate::scenario::time::{self, Secs};
use crate::text::sanitize_line;

/// Builds a transcript.
#[derive(Debug, Default)]
pub struct Transcript {
    out: String,
    last_time: Option<Secs>,
    full: bool,
}

fn clock(sc: &Scenario, t: Secs) -> String {
    format!("{} {}", time::format_offset(t), sc.clock.short(t))
}

/// A one-line description of an event, or `None` for events not worth a line.
pub fn describe(sc: &Scenario, ex: &Exercise, e: &Event) -> Option<String> {
    let s = |x: &str| sanitize_line(x);
    Some(match e {
        Event::Started => "exercise started".into(),
        Event::ClockAdvanced { .. } => return None,
        Event::PhaseBreak { next } => format!(
            "phase break: next is \"{}\"",
            s(&sc.phases[*next as usize].title)
        ),
        Event::PhaseBegan { phase } => format!(
            "== phase {}: {}",
            phase + 1,
            s(&sc.phases[*phase as usize].title)
        ),
        Event::InjectFired { inject, curveball } => {
            let i = &sc.injects[*inject as usize];
            let to = if i.hidden {
                "the facilitator only".to_string()
            } else if i.teams.is_empty() {
                "all teams".to_string()
            } else {
                i.teams
                    .iter()
                    .map(|t| s(&sc.teams[*t as usize].id))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            format!(
                "{} INJECT {} \"{}\" [{}; {}{}; to {}]{}",
                i.severity.symbol(),
                s(&i.id),
                s(&i.title),
                i.severity.label(),
                i.channel.label(),
                if i.sender.is_empty() {
                    String::new()
                } else {
                    format!(" from {}", s(&i.sender))
                },
                to,
                match (*curveball, i.hidden) {
                    (true, true) => " (curveball, hidden)",
                    (true, false) => " (curveball)",
                    (false, true) => " (hidden)",
                    (false, false) => "",
                }
            )
        }
        Event::InjectSkipped { inject } => format!(
            "inject {} did not happen (chance roll)",
            s(&sc.injects[*inject as usize].id)
        ),
        Event::InjectPrevented { inject, reason } => format!(
            "prevented: {} \"{}\" ({})",
            s(&sc.injects[*inject as usize].id),
            s(&sc.injects[*inject as usize].title),
            match reason {
                Prevention::Guard => "its `unless` condition holds",
                Prevention::ConditionLapsed =>
                    "its condition no longer holds; it waits for it again",
            }
        ),
        Event::InjectCancelled { inject } => format!(
            "cancelled: {} \"{}\"",
            s(&sc.injects[*inject as usize].id),
            s(&sc.injects[*inject as usize].title)
        ),
        Event::DecisionOpened { decision } => {
            let d = &sc.decisions[*decision as usize];
            let mut line = format!(
                "DECISION {} for {}: {}",
                s(&d.id),
                s(&sc.teams[d.team as usize].name),
                s(&d.prompt)
            );
            if let Some(words) = d.pick_words() {
                let _ = write!(line, " ({words})");
            }
            // In the order the teams see, numbered as shown.
            for (pos, k) in option_order(ex, *decision).into_iter().enumerate() {
                let o = &d.options[usize::from(k)];
                let _ = write!(line, " | {}. {}", pos + 1, s(&o.label));
            }
            line
        }
        Event::OptionChosen {
            decision,
            option,
            timeout,
        } => {
            let d = &sc.decisions[*decision as usize];
            format!(
                "CHOSE {}: {}. {}{}",
                s(&d.id),
                shown_number(ex, *decision, *option),
                s(&d.options[*option as usize].label),
                if *timeout {
                    " (time ran out: default option)"
                } else {
                    ""
                }
            )
        }
        Event::VoteCast { decision, option } => {
            let d = &sc.decisions[*decision as usize];
            let (who, more) = match ex.log().last().map(|l| &l.kind) {
                Some(crate::engine::LogKind::Vote {
                    voter, name, more, ..
                }) if !name.is_empty() => (format!("{} ({})", s(name), s(voter)), more.clone()),
                Some(crate::engine::LogKind::Vote { voter, more, .. }) => (s(voter), more.clone()),
                _ => (String::new(), Vec::new()),
            };
            let picked: Vec<String> = std::iter::once(*option)
                .chain(more)
                .map(|o| {
                    format!(
                        "{}. {}",
                        shown_number(ex, *decision, o),
                        s(&d.options[o as usize].label)
                    )
                })
                .collect();
            format!("vote on {} by {who}: {}", s(&d.id), picked.join(" + "))
        }
        Event::ActionTaken { action, team } => {
            let a = &sc.actions[*action as usize];
            let by = match team {
                Some(t) => format!(" by {}", s(&sc.teams[*t as usize].name)),
                None => String::new(),
            };
            format!("ACTION {}{by}: {}", s(&a.id), s(&a.label))
        }
        Event::ActionOutcome { action, outcome } => {
            let o = &sc.actions[*action as usize].outcomes[*outcome as usize];
            if o.text.is_empty() {
                format!("outcome: {}", s(&o.label))
            } else {
                format!("outcome: {}: {}", s(&o.label), s(&o.text))
            }
        }
        Event::OutcomeDrawn {
            decision,
            option,
            outcome,
        } => {
            let o = &sc.decisions[*decision as usize].options[*option as usize].outcomes
                [*outcome as usize];
            if o.text.is_empty() {
                format!("outcome: {}", s(&o.label))
            } else {
                format!("outcome: {}: {}", s(&o.label), s(&o.text))
            }
        }
        Event::MetricChanged { metric, from, to } => {
            let m = &sc.metrics[*metric as usize];
            format!(
                "{} {} -> {}",
                s(&m.label),
                format_number(*from),
                with_unit(*to, &s(&m.unit))
            )
        }
        Event::FlagChanged { flag, to } => format!(
            "{} = {}",
            s(&sc.flags[*flag as usize].label),
            if *to { "yes" } else { "no" }
        ),
        Event::CounterChanged { counter, from, to } => {
            let c = &sc.counters[*counter as usize];
            format!(
                "{} {} -> {}",
                s(&c.label),
                format_number(*from),
                format_number(*to)
            )
        }
        Event::SystemChanged { system, from, to } => format!(
            "system {}: {} -> {}",
            s(&sc.systems[*system as usize].name),
            from.name(),
            to.name()
        ),
        Event::ServiceChanged { service, from, to } => format!(
            "service {}: {}% -> {}%",
            s(&sc.services[*service as usize].name),
            format_number(*from),
            format_number(*to)
        ),
        Event::DeadlineStarted { deadline, due } => format!(
            "deadline started: {} (due {})",
            s(&sc.deadlines[*deadline as usize].label),
            time::format_offset(*due)
        ),
        Event::DeadlineMet { deadline } => {
            format!(
                "deadline met: {}",
                s(&sc.deadlines[*deadline as usize].label)
            )
        }
        Event::DeadlineMissed { deadline } => {
            format!(
                "DEADLINE MISSED: {}",
                s(&sc.deadlines[*deadline as usize].label)
            )
        }
        Event::RandomEvent { event } => {
            format!(
                "random event: {}",
                s(&sc.random_events[*event as usize].label)
            )
        }
        Event::CheckMet { check } => format!("check met: {}", s(&sc.checks[*check as usize].title)),
        Event::CheckMissed { check } => {
            format!("check missed: {}", s(&sc.checks[*check as usize].title))
        }
        Event::Paused => "paused".into(),
        Event::Resumed => "resumed".into(),
        Event::ObjectiveRated { objective } => match ex.log().last().map(|l| &l.kind) {
            Some(crate::engine::LogKind::Rated { rating, note, .. }) => format!(
                "objective {} rated {}{}",
                s(&sc.meta.objectives[*objective as usize].id),
                rating.letter(),
                if note.is_empty() {
                    String::new()
                } else {
                    format!(": {}", s(note))
                }
            ),
            _ => "objective rated".into(),
        },
        Event::NoteAdded => match ex.log().last().map(|l| &l.kind) {
            Some(crate::engine::LogKind::Note { text }) => format!("note: {}", s(text)),
            _ => "note added".into(),
        },
        Event::MetricOverridden { metric, from, to } => format!(
            "{} set by the facilitator: {} -> {}",
            s(&sc.metrics[*metric as usize].label),
            format_number(*from),
            format_number(*to)
        ),
        Event::Undone { decision, option } => {
            let d = &sc.decisions[*decision as usize];
            format!(
                "UNDONE {}: {}",
                s(&d.id),
                s(&d.options[*option as usize].label)
            )
        }
        Event::Rewound { entry, undone } => format!(
            "REWOUND to just before entry {entry} ({undone} command{} taken back)",
            if *undone == 1 { "" } else { "s" }
        ),
        Event::EndingHeld { ending } => format!(
            "ending {} reached, waiting for the open decisions (answer them, or confirm the ending)",
            s(&sc.endings[*ending as usize].id)
        ),
        Event::Ended { ending } => {
            format!(
                "ENDING {}: {}",
                s(&sc.endings[*ending as usize].id),
                s(&sc.endings[*ending as usize].title)
            )
        }
    })
}

impl Transcript {
    /// A transcript starting with the run's header line.
    pub fn new(ex: &Exercise, policy: &str) -> Self {
        let sc = ex.scenario();
        let mut t = Transcript::default();
        let _ = writeln!(
            t.out,
            "Downtime: {} ({} {}), seed {}, policy {}",
            sanitize_line(&sc.meta.title),
            sanitize_line(&sc.meta.id),
            sanitize_line(&sc.meta.version),
            ex.seed(),
            policy
        );
        t
    }

    /// Prints the texts the room reads too: inject bodies, attachments, discussion
    /// questions and phase briefings.
    pub fn full(mut self, full: bool) -> Self {
        self.full = full;
        self
    }

    /// Records a command and its events.
    pub fn record(&mut self, ex: &Exercise, cmd: &Command, events: &[Event]) {
        let sc = ex.scenario();
        if let Command::Start { .. } = cmd {
            let params: Vec<String> = sc
                .params
                .iter()
                .zip(&ex.state().params)
                .map(|(p, v)| format!("{} = {}", sanitize_line(&p.id), sanitize_line(&p.format(v))))
                .collect();
            if !params.is_empty() {
                let _ = writeln!(self.out, "parameters: {}", params.join(", "));
            }
        }
        // Events happen at various times; the clock is tracked through them.
        let mut t = self.last_time.unwrap_or(0);
        for e in events {
            if let Event::ClockAdvanced { to, .. } = e {
                t = *to;
                continue;
            }
            let at = match e {
                Event::InjectFired { inject, .. } => {
                    // One command fires an inject once: a repeat's is its latest firing.
                    let st = &ex.state().injects[*inject as usize];
                    st.repeats.last().copied().or(st.fired_at).unwrap_or(t)
                }
                _ => t,
            };
            t = t.max(at);
            if let Some(line) = describe(sc, ex, e) {
                let stamp = if self.last_time == Some(at) {
                    " ".repeat(clock(sc, at).chars().count())
                } else {
                    clock(sc, at)
                };
                self.last_time = Some(at);
                let _ = writeln!(self.out, "{stamp}  {line}");
                if self.full {
                    let indent = " ".repeat(stamp.chars().count() + 2);
                    self.details(sc, e, &indent);
                }
            }
        }
    }

    /// The texts that come with an event, under it: an inject's body, attachment and
    /// questions; a phase's briefing and questions.
    fn details(&mut self, sc: &Scenario, e: &Event, indent: &str) {
        let (body, attachment, questions) = match e {
            Event::InjectFired { inject, .. } => {
                let i = &sc.injects[*inject as usize];
                (&i.body, i.attachment.as_ref(), &i.questions)
            }
            Event::PhaseBegan { phase } => {
                let p = &sc.phases[*phase as usize];
                (&p.briefing, None, &p.questions)
            }
            _ => return,
        };
        self.block(body, indent);
        if let Some(a) = attachment {
            let _ = writeln!(self.out, "{indent}attachment {}:", sanitize_line(&a.name));
            self.block(&a.text, &format!("{indent}  "));
        }
        for q in questions {
            let _ = writeln!(self.out, "{indent}discuss: {}", sanitize_line(q));
        }
    }

    /// A text of several lines, each indented (blank lines kept, without trailing spaces).
    fn block(&mut self, text: &str, indent: &str) {
        for line in text.trim().lines() {
            let line = sanitize_line(line.trim_end());
            if line.is_empty() {
                self.out.push('\n');
            } else {
                let _ = writeln!(self.out, "{indent}{line}");
            }
        }
    }

    /// Appends the final score, checks and ratings.
    pub fn finish(&mut self, ex: &Exercise) {
        let sc = ex.scenario();
        let card: ScoreCard = ex.score();
        let grade = card
            .grade
            .map(|g| {
                let (grade, label) = (&sc.grades[g].grade, &sc.grades[g].label);
                if label.is_empty() {
                    format!(", grade {}", sanitize_line(grade))
                } else {
                    format!(
                        ", grade {} ({})",
                        sanitize_line(grade),
                        sanitize_line(label)
                    )
                }
            })
            .unwrap_or_default();
        if card.scored {
            let _ = writeln!(self.out, "\nSCORE {}/100{grade}", format_number(card.score));
        } else {
            let _ = writeln!(
                self.out,
                "\nNO SCORE (a discussion exercise: checks and ratings only)"
            );
        }
        for p in &card.parts {
            let m = &sc.metrics[p.metric as usize];
            let _ = writeln!(
                self.out,
                "  {}: {} (weight {}, {} points)",
                sanitize_line(&m.label),
                with_unit(p.value, &sanitize_line(&m.unit)),
                format_number(p.weight),
                format_number((p.points * 10.0).round() / 10.0)
            );
        }
        let _ = writeln!(self.out, "CHECKS");
        for c in &card.checks {
            let check = &sc.checks[c.check as usize];
            let (mark, when) = match c.status {
                CheckStatus::Met(t) => ("[x]", format!("met at {}", time::format_offset(t))),
                CheckStatus::Missed(t) => ("[ ]", format!("missed at {}", time::format_offset(t))),
                CheckStatus::Pending => ("[?]", "open".to_string()),
                CheckStatus::NotApplicable => ("[-]", "not applicable".to_string()),
            };
            let _ = writeln!(
                self.out,
                "  {mark} {} ({when})",
                sanitize_line(&check.title)
            );
        }
        if !card.objectives.is_empty() {
            let _ = writeln!(self.out, "OBJECTIVES");
            for o in &card.objectives {
                let obj = &sc.meta.objectives[o.objective as usize];
                let _ = writeln!(
                    self.out,
                    "  {}: {}",
                    sanitize_line(&obj.id),
                    sanitize_line(&o.summary())
                );
            }
        }
    }

    /// The text so far.
    pub fn text(&self) -> &str {
        &self.out
    }
}
