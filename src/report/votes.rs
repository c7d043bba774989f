//! Votes and dissent on record: for each decision a team's seats voted on, the count per
//! option (with the names members gave), the time from the message to the first vote and
//! to the decision, who submitted the team's choice, and whether it went against the
//! majority. Built from the exercise log (votes are journal entries that replay; they never
//! changed the outcome); the renderers turn [`lines`] into Markdown or HTML.

use crate::i18n::Lang;
use crate::tr;
use serde::Serialize;

use crate::engine::{Exercise, LogKind};
use crate::text::sanitize_line as s;

use super::fmt;
use super::model::DecisionReport;

/// The votes on one decision.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Votes {
    /// Each option that got votes, in the decision's order: (label, count, names given).
    pub options: Vec<OptionVotes>,
    /// Members who voted (each member's latest vote counts).
    pub voters: usize,
    /// Real ms from the message that opened the decision to the first vote.
    pub first_vote_ms: Option<u64>,
    /// Real ms from the message to the decision (`null` while open).
    pub decided_ms: Option<u64>,
    /// Who submitted the team's choice from a seat (the name given, else the seat's id);
    /// empty when the facilitator or the clock took it.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub submitted_by: String,
    /// The option taken had fewer votes than another.
    pub against_majority: bool,
    /// Why the facilitator overruled the room, when it did.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub overruled: String,
}

/// Votes for one option.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct OptionVotes {
    /// The option's label.
    pub label: String,
    /// Votes.
    pub count: usize,
    /// Names given, in the order of the votes (voters without a name are counted only).
    pub names: Vec<String>,
}

/// The votes on decision `d`, if any member voted on it or its lead submitted it.
pub fn of(ex: &Exercise, d: u16) -> Option<Votes> {
    let sc = ex.scenario();
    let dec = &sc.decisions[usize::from(d)];
    let ds = &ex.state().decisions[usize::from(d)];
    let opened = ds.opened_real?;
    let chosen = ds.choice.as_ref();
    let until = chosen.map(|c| c.real).unwrap_or(u64::MAX);
    // Each voter's latest vote before the decision closed, in the order of the votes.
    // Options in file order; several on a decision with `pick` (a vote counts for each).
    let mut ballots: Vec<(&str, Vec<u16>, &str, u64)> = Vec::new();
    let mut submitted: Option<(u16, &str, &str)> = None;
    let mut overruled: Option<&str> = None;
    for l in ex.log() {
        if l.real < opened || l.real > until {
            continue;
        }
        match &l.kind {
            LogKind::Vote {
                decision,
                option,
                more,
                voter,
                name,
            } if *decision == d => {
                ballots.retain(|b| b.0 != voter.as_str());
                let mut picked = vec![*option];
                picked.extend_from_slice(more);
                ballots.push((voter, picked, name, l.real));
            }
            LogKind::Submitted {
                decision,
                option,
                by,
                name,
                ..
            } if *decision == d => submitted = Some((*option, by, name)),
            LogKind::Overruled {
                decision, reason, ..
            } if *decision == d => overruled = Some(reason),
            _ => {}
        }
    }
    if ballots.is_empty() && submitted.is_none() && overruled.is_none() {
        return None;
    }
    let first = ballots.iter().map(|b| b.3).min();
    let options: Vec<OptionVotes> = dec
        .options
        .iter()
        .enumerate()
        .filter_map(|(o, opt)| {
            let mine: Vec<_> = ballots
                .iter()
                .filter(|b| b.1.contains(&(o as u16)))
                .collect();
            (!mine.is_empty()).then(|| OptionVotes {
                label: s(&opt.label),
                count: mine.len(),
                names: mine
                    .iter()
                    .filter(|b| !b.2.is_empty())
                    .map(|b| s(b.2))
                    .collect(),
            })
        })
        .collect();
    // Against the majority: another selection got more votes than the one taken.
    let count = |sel: &[u16]| ballots.iter().filter(|b| b.1 == sel).count();
    let most = ballots.iter().map(|b| count(&b.1)).max().unwrap_or(0);
    let against = chosen.is_some_and(|c| count(&c.options()) < most);
    Some(Votes {
        voters: ballots.len(),
        first_vote_ms: first.map(|f| f.saturating_sub(opened)),
        decided_ms: chosen.map(|c| c.real.saturating_sub(opened)),
        submitted_by: match submitted {
            Some((_, _, name)) if !name.is_empty() => s(name),
            Some((_, by, _)) => s(by),
            None => String::new(),
        },
        against_majority: against,
        overruled: overruled.map(s).unwrap_or_default(),
        options,
    })
}

/// Plain lines (already sanitised; escape them for where they land) saying what the votes
/// on `d` were, or nothing when no seat voted, in `lang`.
pub fn lines(lang: Lang, d: &DecisionReport) -> Vec<String> {
    let Some(v) = &d.votes else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for o in &v.options {
        out.push(tr!(
            lang,
            "report-v-option",
            label = o.label.as_str(),
            n = o.count,
            names = if o.names.is_empty() {
                String::new()
            } else {
                format!(" ({})", o.names.join(", "))
            }
        ));
    }
    let mut times = Vec::new();
    if let Some(f) = v.first_vote_ms {
        times.push(tr!(
            lang,
            "report-v-first",
            time = fmt::real_duration_in(lang, f)
        ));
    }
    if let Some(t) = v.decided_ms {
        times.push(tr!(
            lang,
            "report-v-decided",
            time = fmt::real_duration_in(lang, t)
        ));
    }
    if !times.is_empty() {
        out.push(tr!(
            lang,
            "report-v-voted",
            n = v.voters,
            times = times.join(", ")
        ));
    }
    if !v.overruled.is_empty() {
        out.push(if v.against_majority {
            tr!(
                lang,
                "report-v-overruled-majority",
                option = v.overruled.as_str()
            )
        } else {
            tr!(lang, "report-v-overruled", option = v.overruled.as_str())
        });
        return out;
    }
    match (v.submitted_by.is_empty(), v.against_majority) {
        (false, true) => out.push(tr!(
            lang,
            "report-v-lead-against",
            lead = v.submitted_by.as_str()
        )),
        (false, false) => out.push(tr!(lang, "report-v-lead", lead = v.submitted_by.as_str())),
        (true, true) => out.push(tr!(lang, "report-v-against")),
        (true, false) => {}
    }
    out
}

/// One plain line per group (table) of a comparison whose seats voted: how many decisions
/// they voted on, how many members' votes, how many went against the majority, the mean time
/// to the first vote. Empty when no group voted.
pub fn per_group(reports: &[super::model::Report]) -> Vec<String> {
    if !reports
        .iter()
        .any(|r| r.decisions.iter().any(|d| d.votes.is_some()))
    {
        return Vec::new();
    }
    reports
        .iter()
        .map(|r| {
            let lang = r.lang;
            let voted: Vec<&Votes> = r
                .decisions
                .iter()
                .filter_map(|d| d.votes.as_ref())
                .collect();
            if voted.is_empty() {
                return tr!(lang, "report-v-no-votes", group = r.label.as_str());
            }
            let ballots: usize = voted.iter().map(|v| v.voters).sum();
            let against = voted.iter().filter(|v| v.against_majority).count();
            let firsts: Vec<u64> = voted.iter().filter_map(|v| v.first_vote_ms).collect();
            let mean = (!firsts.is_empty())
                .then(|| firsts.iter().sum::<u64>() / firsts.len() as u64)
                .map(|m| tr!(lang, "report-v-mean", time = fmt::real_duration_in(lang, m)))
                .unwrap_or_default();
            tr!(
                lang,
                "report-v-group",
                group = r.label.as_str(),
                k = voted.len(),
                n = r.decisions.len(),
                ballots = ballots,
                against = against,
                mean = mean
            )
        })
        .collect()
}
