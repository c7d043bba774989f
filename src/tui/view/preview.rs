//! One-line previews of what an option does, for the facilitator only (never projected).

use crate::i18n::{Lang, format, terms};
use crate::scenario::Scenario;
use crate::scenario::compiled::DecisionOption;
use crate::scenario::expr::effects::AssignOp;
use crate::scenario::expr::effects::Effect;
use crate::tr;

fn amount(lang: Lang, op: AssignOp, v: Option<f64>) -> String {
    let n = |x: f64| format::number(lang, x);
    match (op, v) {
        (AssignOp::Set, Some(x)) => format!("= {}", n(x)),
        (AssignOp::Add, Some(x)) if x >= 0.0 => format!("+{}", n(x)),
        (AssignOp::Add, Some(x)) => format!("−{}", n(-x)),
        (AssignOp::Sub, Some(x)) if x >= 0.0 => format!("−{}", n(x)),
        (AssignOp::Sub, Some(x)) => format!("+{}", n(-x)),
        (_, None) => tr!(lang, "preview-changes"),
    }
}

/// Describes one effect briefly, e.g. `Trust −5` or `E-mail → isolated`.
pub fn effect(lang: Lang, sc: &Scenario, e: &Effect) -> String {
    match e {
        Effect::Metric { metric, op, value } => format!(
            "{} {}",
            sc.metrics[*metric as usize].label,
            amount(lang, *op, value.constant())
        ),
        Effect::Flag { flag, value } => tr!(
            lang,
            "log-with-team",
            team = &sc.flags[*flag as usize].label,
            text = match value.constant() {
                Some(x) => terms::yes_no(lang, x != 0.0),
                None => tr!(lang, "preview-changes"),
            }
        ),
        Effect::Counter { counter, op, value } => format!(
            "{} {}",
            sc.counters[*counter as usize].label,
            amount(lang, *op, value.constant())
        ),
        Effect::System { system, state } => format!(
            "{} → {}",
            sc.systems[*system as usize].name,
            terms::system_state(lang, *state)
        ),
        Effect::Schedule { inject, delay } => {
            let i = &sc.injects[*inject as usize];
            let d = delay.unwrap_or(i.delay);
            if d > 0 {
                let after = format::duration(lang, d);
                tr!(lang, "preview-then-in", title = &i.title, after = after)
            } else {
                tr!(lang, "preview-then", title = &i.title)
            }
        }
        Effect::Cancel { inject } => tr!(
            lang,
            "preview-cancels",
            title = &sc.injects[*inject as usize].title
        ),
        Effect::StartDeadline(d) => tr!(
            lang,
            "preview-starts",
            label = &sc.deadlines[*d as usize].label
        ),
        Effect::MeetDeadline(d) => tr!(
            lang,
            "preview-meets",
            label = &sc.deadlines[*d as usize].label
        ),
        Effect::End(e) => tr!(lang, "preview-ends", title = &sc.endings[*e as usize].title),
        Effect::If {
            text,
            then,
            otherwise,
            ..
        } => {
            let list = |l: &[Effect]| {
                l.iter()
                    .map(|e| effect(lang, sc, e))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            if otherwise.is_empty() {
                tr!(lang, "preview-if", cond = &**text, then = list(then))
            } else {
                tr!(
                    lang,
                    "preview-if-else",
                    cond = &**text,
                    then = list(then),
                    otherwise = list(otherwise)
                )
            }
        }
    }
}

/// Everything an option does, joined with ` · `; empty when it does nothing visible.
pub fn option(lang: Lang, sc: &Scenario, o: &DecisionOption) -> String {
    let mut parts: Vec<String> = o.effects.iter().map(|e| effect(lang, sc, e)).collect();
    for f in &o.follow_up {
        parts.push(tr!(
            lang,
            "preview-then",
            title = &sc.injects[*f as usize].title
        ));
    }
    if !o.outcomes.is_empty() {
        let labels: Vec<&str> = o.outcomes.iter().map(|x| x.label.as_str()).collect();
        parts.push(tr!(lang, "preview-chance", labels = labels.join(" / ")));
    }
    parts.join(" · ")
}
