//! Readable transcripts of headless runs: one line per event, with scenario time, and in
//! full transcripts the texts the room would read (inject bodies, attachments, discussion
//! questions, phase briefings), indented under their event. Transcripts hold no real time,
//! so the same run always prints the same bytes.

use std::fmt::Write;

use crate::engine::score::CheckStatus;
use crate::engine::{Command, Event, Exercise, Prevention, ScoreCard, option_order, shown_number};
use crate::i18n::{Lang, format, terms};
use crate::scenario::Scenario;
use crate::scenario::time::{self, Secs};
use crate::text::sanitize_line;
use crate::tr;

/// Builds a transcript.
#[derive(Debug, Default)]
pub struct Transcript {
    out: String,
    last_time: Option<Secs>,
    full: bool,
    lang: Lang,
}

fn clock(lang: Lang, sc: &Scenario, t: Secs) -> String {
    format!("{} {}", time::format_offset(t), sc.clock.short_in(lang, t))
}

/// The options of a selection as shown: `2. Call the ARS + 1. Warn the GHT`.
fn picked(ex: &Exercise, decision: u16, sel: impl Iterator<Item = u16>) -> String {
    let d = &ex.scenario().decisions[decision as usize];
    sel.map(|o| {
        format!(
            "{}. {}",
            shown_number(ex, decision, o),
            sanitize_line(&d.options[o as usize].label)
        )
    })
    .collect::<Vec<_>>()
    .join(" + ")
}

/// A one-line description of an event in `lang`, or `None` for events not worth a line.
pub fn describe(lang: Lang, sc: &Scenario, ex: &Exercise, e: &Event) -> Option<String> {
    let s = |x: &str| sanitize_line(x);
    let num = |n: f64| format::number(lang, n);
    Some(match e {
        Event::Started => tr!(lang, "run-started"),
        Event::ClockAdvanced { .. } => return None,
        Event::PhaseBreak { next } => tr!(
            lang,
            "run-phase-break",
            title = s(&sc.phases[*next as usize].title)
        ),
        Event::PhaseBegan { phase } => tr!(
            lang,
            "run-phase-began",
            n = phase + 1,
            title = s(&sc.phases[*phase as usize].title)
        ),
        Event::InjectFired { inject, curveball } => {
            let i = &sc.injects[*inject as usize];
            let to = if i.hidden {
                tr!(lang, "run-to-facilitator")
            } else if i.teams.is_empty() {
                tr!(lang, "run-to-all")
            } else {
                i.teams
                    .iter()
                    .map(|t| s(&sc.teams[*t as usize].id))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            let channel = terms::channel(lang, i.channel);
            let how = if i.sender.is_empty() {
                channel
            } else {
                tr!(lang, "run-from", channel = channel, sender = s(&i.sender))
            };
            let mark = match (*curveball, i.hidden) {
                (true, true) => tr!(lang, "run-curveball-hidden"),
                (true, false) => tr!(lang, "run-curveball"),
                (false, true) => tr!(lang, "run-hidden"),
                (false, false) => String::new(),
            };
            tr!(
                lang,
                "run-inject",
                symbol = i.severity.symbol(),
                id = s(&i.id),
                title = s(&i.title),
                severity = terms::severity(lang, i.severity),
                how = how,
                to = to,
                mark = mark
            )
        }
        Event::InjectSkipped { inject } => tr!(
            lang,
            "run-inject-skipped",
            id = s(&sc.injects[*inject as usize].id)
        ),
        Event::InjectPrevented { inject, reason } => tr!(
            lang,
            "run-inject-prevented",
            id = s(&sc.injects[*inject as usize].id),
            title = s(&sc.injects[*inject as usize].title),
            reason = match reason {
                Prevention::Guard => tr!(lang, "run-prevented-guard"),
                Prevention::ConditionLapsed => tr!(lang, "run-prevented-lapsed"),
            }
        ),
        Event::InjectCancelled { inject } => tr!(
            lang,
            "run-inject-cancelled",
            id = s(&sc.injects[*inject as usize].id),
            title = s(&sc.injects[*inject as usize].title)
        ),
        Event::DecisionOpened { decision } => {
            let d = &sc.decisions[*decision as usize];
            let mut line = tr!(
                lang,
                "run-decision",
                id = s(&d.id),
                team = s(&sc.teams[d.team as usize].name),
                prompt = s(&d.prompt)
            );
            if d.multi() {
                let (min, max) = d.pick_limits();
                let words = terms::pick_words(lang, min, max);
                let _ = write!(line, "{}", tr!(lang, "run-pick", words = words));
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
            tr!(
                lang,
                "run-chose",
                id = s(&d.id),
                n = shown_number(ex, *decision, *option),
                label = s(&d.options[*option as usize].label),
                mark = if *timeout {
                    tr!(lang, "run-chose-timeout")
                } else {
                    String::new()
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
            let sel = picked(ex, *decision, std::iter::once(*option).chain(more));
            tr!(lang, "run-vote", id = s(&d.id), who = who, picked = sel)
        }
        Event::ActionTaken { action, team } => {
            let a = &sc.actions[*action as usize];
            match team {
                Some(t) => tr!(
                    lang,
                    "run-action-by",
                    id = s(&a.id),
                    team = s(&sc.teams[*t as usize].name),
                    label = s(&a.label)
                ),
                None => tr!(lang, "run-action", id = s(&a.id), label = s(&a.label)),
            }
        }
        Event::ActionOutcome { action, outcome } => {
            let o = &sc.actions[*action as usize].outcomes[*outcome as usize];
            outcome_line(lang, &o.label, &o.text)
        }
        Event::OutcomeDrawn {
            decision,
            option,
            outcome,
        } => {
            let o = &sc.decisions[*decision as usize].options[*option as usize].outcomes
                [*outcome as usize];
            outcome_line(lang, &o.label, &o.text)
        }
        Event::MetricChanged { metric, from, to } => {
            let m = &sc.metrics[*metric as usize];
            format!(
                "{} {} -> {}",
                s(&m.label),
                num(*from),
                format::with_unit(lang, *to, &s(&m.unit))
            )
        }
        Event::FlagChanged { flag, to } => format!(
            "{} = {}",
            s(&sc.flags[*flag as usize].label),
            terms::yes_no(lang, *to)
        ),
        Event::CounterChanged { counter, from, to } => {
            let c = &sc.counters[*counter as usize];
            format!("{} {} -> {}", s(&c.label), num(*from), num(*to))
        }
        Event::SystemChanged { system, from, to } => tr!(
            lang,
            "run-system",
            name = s(&sc.systems[*system as usize].name),
            from = terms::system_state(lang, *from),
            to = terms::system_state(lang, *to)
        ),
        Event::ServiceChanged { service, from, to } => tr!(
            lang,
            "run-service",
            name = s(&sc.services[*service as usize].name),
            from = format::with_unit(lang, *from, "%"),
            to = format::with_unit(lang, *to, "%")
        ),
        Event::DeadlineStarted { deadline, due } => tr!(
            lang,
            "run-deadline-started",
            label = s(&sc.deadlines[*deadline as usize].label),
            due = time::format_offset(*due)
        ),
        Event::DeadlineMet { deadline } => tr!(
            lang,
            "run-deadline-met",
            label = s(&sc.deadlines[*deadline as usize].label)
        ),
        Event::DeadlineMissed { deadline } => tr!(
            lang,
            "run-deadline-missed",
            label = s(&sc.deadlines[*deadline as usize].label)
        ),
        Event::RandomEvent { event } => tr!(
            lang,
            "run-random-event",
            label = s(&sc.random_events[*event as usize].label)
        ),
        Event::CheckMet { check } => tr!(
            lang,
            "run-check-met",
            title = s(&sc.checks[*check as usize].title)
        ),
        Event::CheckMissed { check } => tr!(
            lang,
            "run-check-missed",
            title = s(&sc.checks[*check as usize].title)
        ),
        Event::Paused => tr!(lang, "run-paused"),
        Event::Resumed => tr!(lang, "run-resumed"),
        Event::ObjectiveRated { objective } => match ex.log().last().map(|l| &l.kind) {
            Some(crate::engine::LogKind::Rated { rating, note, .. }) => {
                let id = s(&sc.meta.objectives[*objective as usize].id);
                if note.is_empty() {
                    tr!(lang, "run-rated", id = id, rating = rating.letter())
                } else {
                    tr!(
                        lang,
                        "run-rated-note",
                        id = id,
                        rating = rating.letter(),
                        note = s(note)
                    )
                }
            }
            _ => tr!(lang, "run-rated-unknown"),
        },
        Event::NoteAdded => match ex.log().last().map(|l| &l.kind) {
            Some(crate::engine::LogKind::Note { text }) => tr!(lang, "run-note", text = s(text)),
            _ => tr!(lang, "run-note-unknown"),
        },
        Event::MetricOverridden { metric, from, to } => tr!(
            lang,
            "run-overridden",
            label = s(&sc.metrics[*metric as usize].label),
            from = num(*from),
            to = num(*to)
        ),
        Event::Undone { decision, option } => {
            let d = &sc.decisions[*decision as usize];
            tr!(
                lang,
                "run-undone",
                id = s(&d.id),
                label = s(&d.options[*option as usize].label)
            )
        }
        Event::Rewound { entry, undone } => {
            tr!(lang, "run-rewound", entry = *entry, n = *undone)
        }
        Event::EndingHeld { ending } => tr!(
            lang,
            "run-ending-held",
            id = s(&sc.endings[*ending as usize].id)
        ),
        Event::Ended { ending } => tr!(
            lang,
            "run-ended",
            id = s(&sc.endings[*ending as usize].id),
            title = s(&sc.endings[*ending as usize].title)
        ),
    })
}

fn outcome_line(lang: Lang, label: &str, text: &str) -> String {
    if text.is_empty() {
        tr!(lang, "run-outcome", label = sanitize_line(label))
    } else {
        tr!(
            lang,
            "run-outcome-text",
            label = sanitize_line(label),
            text = sanitize_line(text)
        )
    }
}

impl Transcript {
    /// A transcript in `lang` starting with the run's header line.
    pub fn new(lang: Lang, ex: &Exercise, policy: &str) -> Self {
        let sc = ex.scenario();
        let mut t = Transcript {
            lang,
            ..Transcript::default()
        };
        let _ = writeln!(
            t.out,
            "{}",
            tr!(
                lang,
                "run-header",
                title = sanitize_line(&sc.meta.title),
                id = sanitize_line(&sc.meta.id),
                version = sanitize_line(&sc.meta.version),
                seed = ex.seed().to_string(),
                policy = policy
            )
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
                .map(|(p, v)| {
                    let value = match v {
                        crate::scenario::compiled::ParamValue::Bool(b) => {
                            terms::yes_no(self.lang, *b)
                        }
                        _ => p.format(v),
                    };
                    format!("{} = {}", sanitize_line(&p.id), sanitize_line(&value))
                })
                .collect();
            if !params.is_empty() {
                let params = tr!(self.lang, "run-parameters", list = params.join(", "));
                let _ = writeln!(self.out, "{params}");
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
            if let Some(line) = describe(self.lang, sc, ex, e) {
                let stamp = clock(self.lang, sc, at);
                let stamp = if self.last_time == Some(at) {
                    " ".repeat(crate::tui::wrap::width(&stamp))
                } else {
                    stamp
                };
                self.last_time = Some(at);
                let _ = writeln!(self.out, "{stamp}  {line}");
                if self.full {
                    let indent = " ".repeat(crate::tui::wrap::width(&stamp) + 2);
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
            let head = tr!(self.lang, "run-attachment", name = sanitize_line(&a.name));
            let _ = writeln!(self.out, "{indent}{head}");
            self.block(&a.text, &format!("{indent}  "));
        }
        for q in questions {
            let q = tr!(self.lang, "run-discuss", question = sanitize_line(q));
            let _ = writeln!(self.out, "{indent}{q}");
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
        let (sc, lang) = (ex.scenario(), self.lang);
        let card: ScoreCard = ex.score();
        let num = |n: f64| format::number(lang, n);
        let score = num(card.score);
        let line = match card
            .grade
            .map(|g| (&sc.grades[g].grade, &sc.grades[g].label))
        {
            _ if !card.scored => tr!(lang, "run-no-score"),
            None => tr!(lang, "run-score", score = score),
            Some((grade, label)) if label.is_empty() => {
                tr!(
                    lang,
                    "run-score-grade",
                    score = score,
                    grade = sanitize_line(grade)
                )
            }
            Some((grade, label)) => tr!(
                lang,
                "run-score-grade-label",
                score = score,
                grade = sanitize_line(grade),
                label = sanitize_line(label)
            ),
        };
        let _ = writeln!(self.out, "\n{line}");
        for p in &card.parts {
            let m = &sc.metrics[p.metric as usize];
            let part = tr!(
                lang,
                "run-score-part",
                label = sanitize_line(&m.label),
                value = format::with_unit(lang, p.value, &sanitize_line(&m.unit)),
                weight = num(p.weight),
                points = num((p.points * 10.0).round() / 10.0)
            );
            let _ = writeln!(self.out, "  {part}");
        }
        let _ = writeln!(self.out, "{}", tr!(lang, "run-checks"));
        for c in &card.checks {
            let check = &sc.checks[c.check as usize];
            let (mark, when) = match c.status {
                CheckStatus::Met(t) => (
                    "[x]",
                    tr!(lang, "run-check-met-at", at = time::format_offset(t)),
                ),
                CheckStatus::Missed(t) => (
                    "[ ]",
                    tr!(lang, "run-check-missed-at", at = time::format_offset(t)),
                ),
                CheckStatus::Pending => ("[?]", tr!(lang, "run-check-open")),
                CheckStatus::NotApplicable => ("[-]", tr!(lang, "run-check-na")),
            };
            let _ = writeln!(
                self.out,
                "  {mark} {} ({when})",
                sanitize_line(&check.title)
            );
        }
        if !card.objectives.is_empty() {
            let _ = writeln!(self.out, "{}", tr!(lang, "run-objectives"));
            for o in &card.objectives {
                let obj = &sc.meta.objectives[o.objective as usize];
                let _ = writeln!(
                    self.out,
                    "  {}: {}",
                    sanitize_line(&obj.id),
                    sanitize_line(&terms::objective_summary(lang, o))
                );
            }
        }
    }

    /// The text so far.
    pub fn text(&self) -> &str {
        &self.out
    }
}
