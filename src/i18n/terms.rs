//! The words for the format's and the engine's fixed values (severities, channels, system
//! states, ratings) in each language, so that front ends never show the model's English.

use super::Lang;
use crate::engine::score::{ObjectiveRating, Rating};
use crate::scenario::model::{Channel, Severity, SystemState};
use crate::tr;

/// `info`, `low`, … `critical`.
pub fn severity(lang: Lang, s: Severity) -> String {
    match s {
        Severity::Info => tr!(lang, "severity-info"),
        Severity::Low => tr!(lang, "severity-low"),
        Severity::Medium => tr!(lang, "severity-medium"),
        Severity::High => tr!(lang, "severity-high"),
        Severity::Critical => tr!(lang, "severity-critical"),
    }
}

/// `Phone call`, `E-mail`, … how an inject arrives.
pub fn channel(lang: Lang, c: Channel) -> String {
    match c {
        Channel::Phone => tr!(lang, "channel-phone"),
        Channel::Email => tr!(lang, "channel-email"),
        Channel::InPerson => tr!(lang, "channel-in-person"),
        Channel::Radio => tr!(lang, "channel-radio"),
        Channel::Press => tr!(lang, "channel-press"),
        Channel::Social => tr!(lang, "channel-social"),
        Channel::RansomNote => tr!(lang, "channel-ransom-note"),
        Channel::Official => tr!(lang, "channel-official"),
        Channel::Alert => tr!(lang, "channel-alert"),
        Channel::Report => tr!(lang, "channel-report"),
        Channel::Other => tr!(lang, "channel-other"),
    }
}

/// `up`, `degraded`, `down`, `isolated`, `restoring`, `restored`.
pub fn system_state(lang: Lang, s: SystemState) -> String {
    match s {
        SystemState::Up => tr!(lang, "system-up"),
        SystemState::Degraded => tr!(lang, "system-degraded"),
        SystemState::Down => tr!(lang, "system-down"),
        SystemState::Isolated => tr!(lang, "system-isolated"),
        SystemState::Restoring => tr!(lang, "system-restoring"),
        SystemState::Restored => tr!(lang, "system-restored"),
    }
}

/// The HSEEP wording of a rating: `Performed without challenges`, …
pub fn rating(lang: Lang, r: Rating) -> String {
    match r {
        Rating::P => tr!(lang, "rating-p"),
        Rating::S => tr!(lang, "rating-s"),
        Rating::M => tr!(lang, "rating-m"),
        Rating::U => tr!(lang, "rating-u"),
        Rating::NotRated => tr!(lang, "rating-none"),
    }
}

/// `yes` or `no`.
pub fn yes_no(lang: Lang, b: bool) -> String {
    if b { tr!(lang, "yes") } else { tr!(lang, "no") }
}

/// `pick 2` or `pick 1 to 3`: how many options a decision takes.
pub fn pick_words(lang: Lang, min: u16, max: u16) -> String {
    if min == max {
        tr!(lang, "pick-exactly", n = min)
    } else {
        tr!(lang, "pick-range", min = min, max = max)
    }
}

/// One line for an objective: the evaluator's rating or `pending evaluator`, then the
/// suggestion, e.g. `pending evaluator; suggested S (2 of 3 checks met)`.
pub fn objective_summary(lang: Lang, o: &ObjectiveRating) -> String {
    let rated = match &o.evaluation {
        Some(e) => format!("{} ({})", e.rating.letter(), rating(lang, e.rating)),
        None => tr!(lang, "objective-pending"),
    };
    let suggested = match o.suggested {
        Rating::NotRated => tr!(lang, "objective-no-suggestion"),
        r => tr!(
            lang,
            "objective-suggested",
            rating = r.letter(),
            met = o.met,
            applicable = o.applicable
        ),
    };
    tr!(
        lang,
        "objective-summary",
        rated = rated,
        suggested = suggested
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_terms_match_the_model_words() {
        for s in [Severity::Info, Severity::Critical] {
            assert_eq!(severity(Lang::En, s), s.label());
        }
        for c in [Channel::Phone, Channel::Other, Channel::RansomNote] {
            assert_eq!(channel(Lang::En, c), c.label());
        }
        assert_eq!(system_state(Lang::En, SystemState::Isolated), "isolated");
        assert_eq!(rating(Lang::En, Rating::S), Rating::S.describe());
        assert_eq!(pick_words(Lang::En, 1, 3), "pick 1 to 3");
        assert_eq!(pick_words(Lang::Fr, 2, 2), "en choisir 2");
    }
}
