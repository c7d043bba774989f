//! What the console says of an engine event, in the words people read: titles, prompts,
//! labels and names, never ids (the plain transcript of `downtime run` keeps its ids for
//! scripts, see [`crate::headless::transcript::describe`]).

use crate::engine::{Event, Exercise, Prevention, shown_number};
use crate::headless::transcript::describe;
use crate::scenario::Scenario;
use crate::text::sanitize_line;

/// A decision's short title for people: the title of the inject that carries it.
pub fn decision_title(sc: &Scenario, d: u16) -> String {
    let dec = &sc.decisions[d as usize];
    sanitize_line(&sc.injects[dec.inject as usize].title)
}

/// One line for the console's log (and its status bar), or `None` for events not worth one.
pub fn line(sc: &Scenario, ex: &Exercise, e: &Event) -> Option<String> {
    let s = |x: &str| sanitize_line(x);
    Some(match e {
        Event::InjectFired { inject, curveball } => {
            let i = &sc.injects[*inject as usize];
            let to = if i.hidden {
                "the facilitator only (hidden)".to_string()
            } else if i.teams.is_empty() {
                "all teams".to_string()
            } else {
                i.teams
                    .iter()
                    .map(|t| s(&sc.teams[*t as usize].name))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            format!(
                "{} “{}” to {to}{}",
                i.severity.symbol(),
                s(&i.title),
                if *curveball { " (curveball)" } else { "" }
            )
        }
        Event::InjectSkipped { inject } => format!(
            "“{}” did not happen (chance roll)",
            s(&sc.injects[*inject as usize].title)
        ),
        Event::InjectPrevented { inject, reason } => format!(
            "prevented: “{}” ({})",
            s(&sc.injects[*inject as usize].title),
            match reason {
                Prevention::Guard => "its `unless` condition holds",
                Prevention::ConditionLapsed =>
                    "its condition no longer holds; it waits for it again",
            }
        ),
        Event::InjectCancelled { inject } => {
            format!("cancelled: “{}”", s(&sc.injects[*inject as usize].title))
        }
        Event::DecisionOpened { decision } => {
            let d = &sc.decisions[*decision as usize];
            format!(
                "decision for {}: {}",
                s(&sc.teams[d.team as usize].name),
                s(&d.prompt)
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
                format!("⏱ time ran out: default taken ({chosen}) · {title}")
            } else {
                format!("chose {chosen} · {title}")
            }
        }
        Event::ObjectiveRated { objective } => match ex.log().last().map(|l| &l.kind) {
            Some(crate::engine::LogKind::Rated { rating, note, .. }) => format!(
                "objective {} rated {}{}",
                objective + 1,
                rating.letter(),
                if note.is_empty() {
                    String::new()
                } else {
                    format!(": {}", s(note))
                }
            ),
            _ => "objective rated".into(),
        },
        Event::Undone { decision, option } => format!(
            "undone: {} ({})",
            decision_title(sc, *decision),
            s(&sc.decisions[*decision as usize].options[*option as usize].label)
        ),
        Event::DeadlineStarted { deadline, due } => format!(
            "deadline started: {} (due {})",
            s(&sc.deadlines[*deadline as usize].label),
            sc.clock.day_time(*due)
        ),
        Event::EndingHeld { ending } => format!(
            "ending “{}” reached, waiting for the open decisions (answer them, or confirm the ending)",
            s(&sc.endings[*ending as usize].title)
        ),
        Event::Ended { ending } => {
            format!("ending: {}", s(&sc.endings[*ending as usize].title))
        }
        other => return describe(crate::i18n::Lang::En, sc, ex, other),
    })
}
