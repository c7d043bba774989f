//! What the console says of an engine event, in the words people read: titles, prompts,
//! labels and names, never ids (the plain transcript of `downtime run` keeps its ids for
//! scripts, see [`crate::headless::transcript::describe`]).

use crate::engine::{Event, Exercise, Prevention, shown_number};
use crate::headless::transcript::describe;
use crate::i18n::Lang;
use crate::scenario::Scenario;
use crate::text::sanitize_line;
use crate::tr;

/// A decision's short title for people: the title of the inject that carries it.
pub fn decision_title(sc: &Scenario, d: u16) -> String {
    let dec = &sc.decisions[d as usize];
    sanitize_line(&sc.injects[dec.inject as usize].title)
}

/// One line for the console's log (and its status bar), or `None` for events not worth one.
pub fn line(lang: Lang, sc: &Scenario, ex: &Exercise, e: &Event) -> Option<String> {
    let s = |x: &str| sanitize_line(x);
    Some(match e {
        Event::InjectFired { inject, curveball } => {
            let i = &sc.injects[*inject as usize];
            let to = if i.hidden {
                tr!(lang, "log-to-facilitator")
            } else if i.teams.is_empty() {
                tr!(lang, "log-to-all")
            } else {
                let names: Vec<String> = i
                    .teams
                    .iter()
                    .map(|t| s(&sc.teams[*t as usize].name))
                    .collect();
                crate::i18n::format::list(lang, &names)
            };
            let title = s(&i.title);
            let line = if *curveball {
                tr!(lang, "log-fired-curveball", title = title, to = to)
            } else {
                tr!(lang, "log-fired", title = title, to = to)
            };
            format!("{} {line}", i.severity.symbol())
        }
        Event::InjectSkipped { inject } => tr!(
            lang,
            "log-skipped",
            title = s(&sc.injects[*inject as usize].title)
        ),
        Event::InjectPrevented { inject, reason } => {
            let title = s(&sc.injects[*inject as usize].title);
            match reason {
                Prevention::Guard => tr!(lang, "log-prevented-guard", title = title),
                Prevention::ConditionLapsed => tr!(lang, "log-prevented-lapsed", title = title),
            }
        }
        Event::InjectCancelled { inject } => tr!(
            lang,
            "log-cancelled",
            title = s(&sc.injects[*inject as usize].title)
        ),
        Event::DecisionOpened { decision } => {
            let d = &sc.decisions[*decision as usize];
            tr!(
                lang,
                "log-decision-opened",
                team = s(&sc.teams[d.team as usize].name),
                prompt = s(&d.prompt)
            )
        }
        Event::OptionChosen {
            decision,
            option,
            timeout,
        } => {
            let d = &sc.decisions[*decision as usize];
            let chosen = format!(
                "{}. {}",
                shown_number(ex, *decision, *option),
                s(&d.options[*option as usize].label)
            );
            let title = decision_title(sc, *decision);
            // The choice first: the log panel cuts long lines.
            if *timeout {
                tr!(lang, "log-timed-out", option = chosen, title = title)
            } else {
                tr!(lang, "log-chose", option = chosen, title = title)
            }
        }
        Event::ObjectiveRated { objective } => match ex.log().last().map(|l| &l.kind) {
            Some(crate::engine::LogKind::Rated { rating, note, .. }) => {
                let head = tr!(
                    lang,
                    "log-objective-rated",
                    n = objective + 1,
                    rating = rating.letter()
                );
                if note.is_empty() {
                    head
                } else {
                    tr!(lang, "log-with-note", head = head, note = s(note))
                }
            }
            _ => tr!(lang, "cmd-rate"),
        },
        Event::Undone { decision, option } => tr!(
            lang,
            "log-undone",
            title = decision_title(sc, *decision),
            option = s(&sc.decisions[*decision as usize].options[*option as usize].label)
        ),
        Event::DeadlineStarted { deadline, due } => tr!(
            lang,
            "log-deadline-started",
            label = s(&sc.deadlines[*deadline as usize].label),
            due = sc.clock.day_time_in(lang, *due)
        ),
        Event::EndingHeld { ending } => tr!(
            lang,
            "log-ending-held",
            title = s(&sc.endings[*ending as usize].title)
        ),
        Event::Ended { ending } => tr!(
            lang,
            "log-ended",
            title = s(&sc.endings[*ending as usize].title)
        ),
        other => return describe(lang, sc, ex, other),
    })
}
