//! What the report says of actions, flags and counters, in words both renderers share.

use super::fmt::with_unit;
use super::model::{ActionUse, ValueSeries};
use crate::scenario::time::format_offset;

/// Most changes listed for one flag or counter; the rest are counted.
const MAX_CHANGES: usize = 12;

/// A flag's or counter's value in words: `yes`/`no` for flags, the number and unit else.
pub fn value(v: &ValueSeries, flag: bool, x: f64) -> String {
    if flag {
        if x != 0.0 { "yes" } else { "no" }.to_string()
    } else {
        with_unit(x, &v.unit)
    }
}

/// Its changes on one line: `T+01:00 → 45 k€; T+02:30 → 30 k€`, or `unchanged`.
pub fn changes(v: &ValueSeries, flag: bool) -> String {
    if v.changes.is_empty() {
        return "unchanged".into();
    }
    let mut parts: Vec<String> = v
        .changes
        .iter()
        .take(MAX_CHANGES)
        .map(|p| format!("{} → {}", format_offset(p.at), value(v, flag, p.value)))
        .collect();
    if v.changes.len() > MAX_CHANGES {
        parts.push(format!("… {} more", v.changes.len() - MAX_CHANGES));
    }
    parts.join("; ")
}

/// Who took an action and what came of it: `by Ana; outcome: Restored`.
pub fn action_detail(a: &ActionUse) -> String {
    let mut parts = Vec::new();
    if !a.by.is_empty() {
        parts.push(format!("by {}", a.by));
    }
    if let Some(o) = &a.outcome {
        parts.push(format!("outcome: {o}"));
    }
    if a.undone {
        parts.push("undone".into());
    }
    if parts.is_empty() {
        return "–".into();
    }
    parts.join("; ")
}

/// How often each action was taken (undone ones left out): (label, times), in first-taken order.
pub fn action_counts(actions: &[ActionUse]) -> Vec<(String, usize)> {
    let mut out: Vec<(String, usize)> = Vec::new();
    for a in actions.iter().filter(|a| !a.undone) {
        match out.iter_mut().find(|(l, _)| *l == a.label) {
            Some((_, n)) => *n += 1,
            None => out.push((a.label.clone(), 1)),
        }
    }
    out
}
