//! One-line previews of what an option does, for the facilitator only (never projected).

use crate::scenario::Scenario;
use crate::scenario::compiled::{DecisionOption, format_number};
use crate::scenario::expr::effects::AssignOp;
use crate::scenario::expr::effects::Effect;
use crate::scenario::time::format_duration;

fn amount(op: AssignOp, v: Option<f64>) -> String {
    match (op, v) {
        (AssignOp::Set, Some(x)) => format!("= {}", format_number(x)),
        (AssignOp::Add, Some(x)) if x >= 0.0 => format!("+{}", format_number(x)),
        (AssignOp::Add, Some(x)) => format!("−{}", format_number(-x)),
        (AssignOp::Sub, Some(x)) if x >= 0.0 => format!("−{}", format_number(x)),
        (AssignOp::Sub, Some(x)) => format!("+{}", format_number(-x)),
        (_, None) => "changes".into(),
    }
}

/// Describes one effect briefly, e.g. `Trust −5` or `E-mail → isolated`.
pub fn effect(sc: &Scenario, e: &Effect) -> String {
    match e {
        Effect::Metric { metric, op, value } => format!(
            "{} {}",
            sc.metrics[*metric as usize].label,
            amount(*op, value.constant())
        ),
        Effect::Flag { flag, value } => format!(
            "{}: {}",
            sc.flags[*flag as usize].label,
            match value.constant() {
                Some(x) if x != 0.0 => "yes",
                Some(_) => "no",
                None => "changes",
            }
        ),
        Effect::Counter { counter, op, value } => format!(
            "{} {}",
            sc.counters[*counter as usize].label,
            amount(*op, value.constant())
        ),
        Effect::System { system, state } => {
            format!("{} → {}", sc.systems[*system as usize].name, state.name())
        }
        Effect::Schedule { inject, delay } => {
            let i = &sc.injects[*inject as usize];
            let d = delay.unwrap_or(i.delay);
            if d > 0 {
                format!("then “{}” in {}", i.title, format_duration(d))
            } else {
                format!("then “{}”", i.title)
            }
        }
        Effect::Cancel { inject } => format!("cancels “{}”", sc.injects[*inject as usize].title),
        Effect::StartDeadline(d) => format!("starts “{}”", sc.deadlines[*d as usize].label),
        Effect::MeetDeadline(d) => format!("meets “{}”", sc.deadlines[*d as usize].label),
        Effect::End(e) => format!("ends: {}", sc.endings[*e as usize].title),
        Effect::If {
            text,
            then,
            otherwise,
            ..
        } => {
            let list = |l: &[Effect]| l.iter().map(|e| effect(sc, e)).collect::<Vec<_>>();
            let mut s = format!("if {text}: {}", list(then).join(", "));
            if !otherwise.is_empty() {
                s.push_str(&format!("; else: {}", list(otherwise).join(", ")));
            }
            s
        }
    }
}

/// Everything an option does, joined with ` · `; empty when it does nothing visible.
pub fn option(sc: &Scenario, o: &DecisionOption) -> String {
    let mut parts: Vec<String> = o.effects.iter().map(|e| effect(sc, e)).collect();
    for f in &o.follow_up {
        parts.push(format!("then “{}”", sc.injects[*f as usize].title));
    }
    if !o.outcomes.is_empty() {
        let labels: Vec<&str> = o.outcomes.iter().map(|x| x.label.as_str()).collect();
        parts.push(format!("chance: {}", labels.join(" / ")));
    }
    parts.join(" · ")
}
