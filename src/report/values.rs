//! What the report says of actions, flags and counters, in words both renderers share.

use super::fmt::with_unit_in;
use super::model::{ActionUse, ValueSeries};
use crate::i18n::{Lang, terms};
use crate::scenario::time::format_offset;
use crate::tr;

/// Most changes listed for one flag or counter; the rest are counted.
const MAX_CHANGES: usize = 12;

/// A flag's or counter's value in words in `lang`: `yes`/`no` for flags, the number and
/// unit else.
pub fn value(lang: Lang, v: &ValueSeries, flag: bool, x: f64) -> String {
    if flag {
        terms::yes_no(lang, x != 0.0)
    } else {
        with_unit_in(lang, x, &v.unit)
    }
}

/// Its changes on one line: `T+01:00 → 45 k€; T+02:30 → 30 k€`, or `unchanged`.
pub fn changes(lang: Lang, v: &ValueSeries, flag: bool) -> String {
    if v.changes.is_empty() {
        return tr!(lang, "report-val-unchanged");
    }
    let mut parts: Vec<String> = v
        .changes
        .iter()
        .take(MAX_CHANGES)
        .map(|p| {
            format!(
                "{} → {}",
                format_offset(p.at),
                value(lang, v, flag, p.value)
            )
        })
        .collect();
    if v.changes.len() > MAX_CHANGES {
        parts.push(tr!(
            lang,
            "report-val-more",
            n = v.changes.len() - MAX_CHANGES
        ));
    }
    parts.join(super::fmt::semicolon(lang))
}

/// Who took an action and what came of it, in `lang`: `by Ana; outcome: Restored`.
pub fn action_detail(lang: Lang, a: &ActionUse) -> String {
    let mut parts = Vec::new();
    if !a.by.is_empty() {
        parts.push(tr!(lang, "report-val-by", name = a.by.as_str()));
    }
    if let Some(o) = &a.outcome {
        parts.push(tr!(lang, "report-md-outcome", label = o.as_str()));
    }
    if a.undone {
        parts.push(tr!(lang, "report-val-undone"));
    }
    if parts.is_empty() {
        return "–".into();
    }
    parts.join(super::fmt::semicolon(lang))
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
