//! The engine's refusals and unavailable options in words, in a language.

use crate::engine::CommandError;
use crate::engine::refusal::{Refusal, Stage, Unavailable};

use super::{Lang, format};
use crate::tr;

/// An id as the refusals quote it.
fn quoted(ids: &[String]) -> Vec<String> {
    ids.iter().map(|id| format!("`{id}`")).collect()
}

/// Where the exercise is: `the exercise is paused`.
pub fn stage(lang: Lang, s: Stage) -> String {
    match s {
        Stage::NotStarted => tr!(lang, "stage-not-started"),
        Stage::Paused => tr!(lang, "stage-paused"),
        Stage::Running => tr!(lang, "stage-running"),
        Stage::PhaseBreak => tr!(lang, "stage-phase-break"),
        Stage::Ended => tr!(lang, "stage-ended"),
    }
}

/// Why an option or action cannot be taken now.
pub fn unavailable(lang: Lang, why: &Unavailable) -> String {
    match why {
        Unavailable::Authored(text) => text.clone(),
        Unavailable::Requirement => tr!(lang, "unavailable-requirement"),
        Unavailable::Within => tr!(lang, "unavailable-within"),
        Unavailable::Option { option, after, why } if after.is_empty() => tr!(
            lang,
            "unavailable-option",
            option = option,
            why = unavailable(lang, why)
        ),
        Unavailable::Option { option, after, why } => tr!(
            lang,
            "unavailable-option-after",
            option = option,
            after = after.join(" + "),
            why = unavailable(lang, why)
        ),
        Unavailable::Stage(s) => stage(lang, *s),
        Unavailable::NotOpenTo(team) => tr!(lang, "unavailable-not-open-to", team = team),
        Unavailable::UsedUp { max } => tr!(lang, "unavailable-used-up", max = *max),
        Unavailable::AgainIn(secs) => tr!(
            lang,
            "unavailable-again-in",
            duration = format::duration(lang, *secs)
        ),
    }
}

/// Why a command was refused.
pub fn refusal(lang: Lang, r: &Refusal) -> String {
    match r {
        Refusal::Stage { command, stage: s } => tr!(
            lang,
            "refusal-stage",
            command = *command,
            why = stage(lang, *s)
        ),
        Refusal::NoEndingHeld => tr!(lang, "refusal-no-ending-held"),
        Refusal::EndingHeld { ending, open } => tr!(
            lang,
            "refusal-ending-held",
            ending = ending,
            open = format::list(lang, &quoted(open)),
            n = open.len()
        ),
        Refusal::AtPhaseBreak => tr!(lang, "refusal-at-phase-break"),
        Refusal::Paused => tr!(lang, "refusal-paused"),
        Refusal::LastPhase => tr!(lang, "refusal-last-phase"),
        Refusal::AlreadyPaused => tr!(lang, "refusal-already-paused"),
        Refusal::NotPaused => tr!(lang, "refusal-not-paused"),
        Refusal::DecisionNotOpen(d) => tr!(lang, "refusal-decision-not-open", decision = d),
        Refusal::DecisionTaken(d) => tr!(lang, "refusal-decision-taken", decision = d),
        Refusal::NothingToUndo => tr!(lang, "refusal-nothing-to-undo"),
        Refusal::HostStopped => tr!(lang, "refusal-host-stopped"),
        Refusal::NoEnding { limit } => tr!(lang, "refusal-no-ending", limit = *limit),
        Refusal::WrongTeam {
            decision,
            owner,
            team,
        } => tr!(
            lang,
            "refusal-wrong-team",
            decision = decision,
            owner = owner,
            team = team
        ),
        Refusal::NoReason => tr!(lang, "refusal-no-reason"),
        Refusal::NoTimeLimit(d) => tr!(lang, "refusal-no-time-limit", decision = d),
        Refusal::AlreadyFired(i) => tr!(lang, "refusal-already-fired", inject = i),
        Refusal::NotFinite => tr!(lang, "refusal-not-finite"),
        Refusal::NoRating => tr!(lang, "refusal-no-rating"),
        Refusal::NotOneOf { parameter, choices } => tr!(
            lang,
            "refusal-not-one-of",
            parameter = parameter,
            choices = choices.join(", ")
        ),
        Refusal::WrongKind { parameter, value } => tr!(
            lang,
            "refusal-wrong-kind",
            parameter = parameter,
            value = value
        ),
        Refusal::BadValue(text) => text.clone(),
        Refusal::NamedTwice(o) => tr!(lang, "refusal-named-twice", option = o),
        Refusal::Count {
            decision,
            min,
            max,
            given,
        } if min == max => tr!(
            lang,
            "refusal-count-exactly",
            decision = decision,
            n = *min,
            given = *given
        ),
        Refusal::Count {
            decision,
            min,
            max,
            given,
        } => tr!(
            lang,
            "refusal-count-range",
            decision = decision,
            min = *min,
            max = *max,
            given = *given
        ),
        Refusal::Unavailable {
            options,
            together: false,
            why,
        } => tr!(
            lang,
            "refusal-unavailable",
            option = options,
            why = unavailable(lang, why)
        ),
        Refusal::Unavailable { options, why, .. } => tr!(
            lang,
            "refusal-unavailable-together",
            options = options,
            why = unavailable(lang, why)
        ),
        Refusal::NotInForce(entry) => tr!(lang, "refusal-not-in-force", entry = *entry),
        Refusal::BeforeStart => tr!(lang, "refusal-before-start"),
        Refusal::WhichTeam { action, teams } => tr!(
            lang,
            "refusal-which-team",
            action = action,
            teams = teams.join(", ")
        ),
        Refusal::ActionUnavailable { action, why } => tr!(
            lang,
            "refusal-action-unavailable",
            action = action,
            why = unavailable(lang, why)
        ),
    }
}

/// A refused command, in words.
pub fn command_error(lang: Lang, e: &CommandError) -> String {
    match e {
        CommandError::NotNow(r) | CommandError::Invalid(r) => refusal(lang, r),
        CommandError::Unknown { kind, id } => tr!(lang, "refusal-unknown", kind = *kind, id = id),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One of each refusal the engine gives, with ids that are not words.
    fn every_refusal() -> Vec<Refusal> {
        let id = |s: &str| s.to_string();
        let why = Unavailable::Option {
            option: id("o2"),
            after: vec![id("o1")],
            why: Box::new(Unavailable::Requirement),
        };
        let mut all = vec![
            Refusal::NoEndingHeld,
            Refusal::EndingHeld {
                ending: id("e1"),
                open: vec![id("d1")],
            },
            Refusal::EndingHeld {
                ending: id("e1"),
                open: vec![id("d1"), id("d2")],
            },
            Refusal::AtPhaseBreak,
            Refusal::Paused,
            Refusal::LastPhase,
            Refusal::AlreadyPaused,
            Refusal::NotPaused,
            Refusal::DecisionNotOpen(id("d1")),
            Refusal::DecisionTaken(id("d1")),
            Refusal::NothingToUndo,
            Refusal::HostStopped,
            Refusal::NoEnding { limit: 10 },
            Refusal::WrongTeam {
                decision: id("d1"),
                owner: id("t1"),
                team: id("t2"),
            },
            Refusal::NoReason,
            Refusal::NoTimeLimit(id("d1")),
            Refusal::AlreadyFired(id("i1")),
            Refusal::NotFinite,
            Refusal::NoRating,
            Refusal::NotOneOf {
                parameter: id("p1"),
                choices: vec![id("c1"), id("c2")],
            },
            Refusal::WrongKind {
                parameter: id("p1"),
                value: id("7"),
            },
            Refusal::NamedTwice(id("o1")),
            Refusal::Count {
                decision: id("d1"),
                min: 1,
                max: 1,
                given: 2,
            },
            Refusal::Count {
                decision: id("d1"),
                min: 1,
                max: 3,
                given: 4,
            },
            Refusal::Unavailable {
                options: id("o1+o2"),
                together: true,
                why: Unavailable::Within,
            },
            Refusal::NotInForce(4),
            Refusal::BeforeStart,
            Refusal::WhichTeam {
                action: id("a1"),
                teams: vec![id("t1"), id("t2")],
            },
        ];
        for why in [
            why,
            Unavailable::NotOpenTo(id("T1")),
            Unavailable::UsedUp { max: 1 },
            Unavailable::UsedUp { max: 3 },
            Unavailable::AgainIn(1800),
        ] {
            all.push(Refusal::ActionUnavailable {
                action: id("a1"),
                why: why.clone(),
            });
            all.push(Refusal::Unavailable {
                options: id("o1"),
                together: false,
                why,
            });
        }
        for stage in [
            Stage::NotStarted,
            Stage::Paused,
            Stage::Running,
            Stage::PhaseBreak,
            Stage::Ended,
        ] {
            all.push(Refusal::Stage {
                command: "step",
                stage,
            });
        }
        all
    }

    #[test]
    fn every_refusal_is_worded_in_each_language() {
        let english = [
            "the ", "not ", "cannot", "already", "decision", "again", " is ",
        ];
        for r in every_refusal() {
            let en = refusal(Lang::En, &r);
            assert!(!en.is_empty());
            for lang in [Lang::Fr, Lang::Zh] {
                let text = refusal(lang, &r);
                assert_ne!(text, en, "{r:?}");
                // Ids stay as they are; the words around them are the language's.
                let words = text.replace('`', " ");
                for w in english {
                    assert!(!words.contains(w), "{lang:?} {r:?}: {text}");
                }
            }
        }
    }

    #[test]
    fn unknown_ids_name_their_kind() {
        let e = CommandError::Unknown {
            kind: "inject",
            id: "x".into(),
        };
        assert_eq!(command_error(Lang::En, &e), "unknown inject `x`");
        assert_eq!(command_error(Lang::Fr, &e), "inject `x` inconnu");
        assert_eq!(command_error(Lang::Zh, &e), "未知情况 `x`");
    }
}
