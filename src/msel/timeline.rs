//! The played timeline of a journal: each inject that fired (planned against actual
//! scenario time), each decision taken (the option, by timeout or not, the real time it
//! took), votes, facilitator notes and overrides, in the order they happened.

use std::sync::Arc;

use crate::engine::{Command, Event, Exercise};
use crate::i18n::Lang;
use crate::journal::ReadJournal;
use crate::report::fmt::{elapsed, real_duration};
use crate::scenario::Scenario;
use crate::scenario::compiled::{Trigger, format_number};
use crate::scenario::time::{Secs, format_offset};
use crate::tr;

use super::table::Sheet;

/// The timeline's column headers in a language.
pub fn header(lang: Lang) -> Vec<String> {
    vec![
        tr!(lang, "sheet-seq"),
        tr!(lang, "sheet-real-time"),
        tr!(lang, "sheet-scenario-time"),
        tr!(lang, "sheet-planned"),
        tr!(lang, "sheet-kind"),
        tr!(lang, "sheet-what"),
        tr!(lang, "sheet-team"),
        tr!(lang, "sheet-detail"),
        tr!(lang, "sheet-decision-time"),
    ]
}

/// The XLSX column widths of the timeline.
pub const WIDTHS: [f64; 9] = [5.0, 10.0, 12.0, 10.0, 12.0, 40.0, 18.0, 50.0, 12.0];

/// The timeline of a journal replayed against its scenario, as one sheet ("Timeline"),
/// headers in `lang`.
/// `Err` names the entry the scenario refuses.
pub fn timeline(sc: Arc<Scenario>, journal: &ReadJournal, lang: Lang) -> Result<Sheet, String> {
    let mut ex = Exercise::new(sc.clone(), journal.header.seed);
    let mut opened: Vec<Option<u64>> = vec![None; sc.decisions.len()];
    let mut rows: Vec<Vec<String>> = Vec::new();
    let team_name = |t: Option<u16>| {
        t.and_then(|t| sc.teams.get(t as usize))
            .map(|t| t.name.clone())
            .unwrap_or_default()
    };
    let mut push = |real: u64,
                    at: Secs,
                    planned: String,
                    kind: &str,
                    what: String,
                    team: String,
                    detail: String,
                    took: String| {
        let seq = rows.len() + 1;
        rows.push(vec![
            seq.to_string(),
            elapsed(real),
            format_offset(at),
            planned,
            kind.to_string(),
            what,
            team,
            detail,
            took,
        ]);
    };
    for e in &journal.entries {
        let mut now = ex.now();
        let events = ex
            .apply(e.cmd.clone(), e.t)
            .map_err(|err| format!("entry {} cannot be replayed: {err}", e.seq))?;
        match &e.cmd {
            Command::Note { text } => push(
                e.t,
                now,
                String::new(),
                "note",
                text.clone(),
                String::new(),
                String::new(),
                String::new(),
            ),
            Command::Overrule {
                decision,
                option,
                reason,
            } => push(
                e.t,
                now,
                String::new(),
                "overrule",
                format!("{decision}: {option}"),
                String::new(),
                reason.clone(),
                String::new(),
            ),
            Command::SetMetric {
                metric,
                value,
                reason,
            } => push(
                e.t,
                now,
                String::new(),
                "override",
                format!("{metric} = {}", format_number(*value)),
                String::new(),
                reason.clone(),
                String::new(),
            ),
            Command::AdjustMetric {
                metric,
                delta,
                reason,
            } => push(
                e.t,
                now,
                String::new(),
                "override",
                format!(
                    "{metric} {}{}",
                    if *delta < 0.0 { "" } else { "+" },
                    format_number(*delta)
                ),
                String::new(),
                reason.clone(),
                String::new(),
            ),
            Command::EndNow { reason } => push(
                e.t,
                now,
                String::new(),
                "end now",
                String::new(),
                String::new(),
                reason.clone(),
                String::new(),
            ),
            _ => {}
        }
        for ev in events {
            match ev {
                Event::ClockAdvanced { to, .. } => now = to,
                Event::InjectFired { inject, curveball } => {
                    let inj = &sc.injects[inject as usize];
                    let planned = match inj.trigger {
                        Trigger::At(t) if !inj.curveball => format_offset(t),
                        _ => String::new(),
                    };
                    let teams: Vec<&str> = inj
                        .teams
                        .iter()
                        .map(|&t| sc.teams[t as usize].name.as_str())
                        .collect();
                    let team = if teams.is_empty() {
                        super::columns::all_teams(lang)
                    } else {
                        teams.join(", ")
                    };
                    let kind = if curveball { "curveball" } else { "inject" };
                    push(
                        e.t,
                        now,
                        planned,
                        kind,
                        inj.title.clone(),
                        team,
                        inj.id.clone(),
                        String::new(),
                    );
                }
                Event::DecisionOpened { decision } => opened[decision as usize] = Some(e.t),
                Event::OptionChosen {
                    decision,
                    option,
                    timeout,
                } => {
                    let d = &sc.decisions[decision as usize];
                    let label = d
                        .options
                        .get(option as usize)
                        .map(|o| o.label.clone())
                        .unwrap_or_default();
                    let detail = if timeout {
                        format!("time ran out: default taken ({label})")
                    } else {
                        label
                    };
                    let took = opened[decision as usize]
                        .map(|o| real_duration(e.t.saturating_sub(o)))
                        .unwrap_or_default();
                    push(
                        e.t,
                        now,
                        String::new(),
                        "decision",
                        d.prompt.clone(),
                        team_name(Some(d.team)),
                        detail,
                        took,
                    );
                }
                Event::VoteCast { decision, option } => {
                    let d = &sc.decisions[decision as usize];
                    let label = d
                        .options
                        .get(option as usize)
                        .map(|o| o.label.clone())
                        .unwrap_or_default();
                    let voter = match &e.cmd {
                        Command::Vote { voter, name, .. } if !name.is_empty() => {
                            format!("{name} ({voter}): ")
                        }
                        Command::Vote { voter, .. } => format!("{voter}: "),
                        _ => String::new(),
                    };
                    push(
                        e.t,
                        now,
                        String::new(),
                        "vote",
                        d.prompt.clone(),
                        team_name(Some(d.team)),
                        format!("{voter}{label}"),
                        String::new(),
                    );
                }
                Event::MetricOverridden { metric, from, to } => {
                    let m = &sc.metrics[metric as usize];
                    push(
                        e.t,
                        now,
                        String::new(),
                        "metric",
                        m.label.clone(),
                        String::new(),
                        format!("{} → {}", format_number(from), format_number(to)),
                        String::new(),
                    );
                }
                Event::Undone { decision, option } => {
                    let d = &sc.decisions[decision as usize];
                    let label = d
                        .options
                        .get(option as usize)
                        .map(|o| o.label.clone())
                        .unwrap_or_default();
                    push(
                        e.t,
                        now,
                        String::new(),
                        "undo",
                        d.prompt.clone(),
                        team_name(Some(d.team)),
                        label,
                        String::new(),
                    );
                }
                Event::Ended { ending } => {
                    let en = &sc.endings[ending as usize];
                    push(
                        e.t,
                        now,
                        String::new(),
                        "ending",
                        en.title.clone(),
                        String::new(),
                        en.id.clone(),
                        String::new(),
                    );
                }
                _ => {}
            }
        }
    }
    Ok(Sheet {
        name: tr!(lang, "sheet-timeline"),
        header: header(lang),
        rows,
    })
}
