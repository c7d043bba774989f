//! The master scenario events list (MSEL) of a compiled scenario: one row per inject, in
//! planned order, with the columns of [`Field::MSEL`].

use crate::i18n::Lang;
use crate::scenario::Scenario;
use crate::scenario::compiled::Trigger;
use crate::scenario::expr::effects::Effect;
use crate::scenario::model::{Literal, ScenarioFile};
use crate::scenario::time::{Secs, format_duration, format_offset};
use crate::tr;

use super::columns::Field;
use super::table::Sheet;

/// What the authored file says of an inject that the compiled scenario no longer holds as
/// text: its `when` condition and its `chance`.
#[derive(Clone, Debug, Default)]
pub struct Authored {
    /// The `when` condition as written.
    pub when: Option<String>,
    /// The `chance`, as written (a number from 0 to 1, or an expression).
    pub chance: Option<String>,
}

/// The authored texts of every inject, by index, from the scenario's model.
pub fn authored(model: &ScenarioFile) -> Vec<Authored> {
    model
        .injects
        .iter()
        .map(|i| Authored {
            when: i.when.as_ref().map(|w| w.value.clone()),
            chance: i.chance.as_ref().map(|c| match &c.value {
                Literal::Num(n) => {
                    format!("{}%", crate::scenario::compiled::format_number(n * 100.0))
                }
                Literal::Bool(b) => (if *b { "100%" } else { "0%" }).to_string(),
                Literal::Text(t) => t.clone(),
            }),
        })
        .collect()
}

/// One row of the MSEL, by field.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Row {
    /// The inject's index in the scenario.
    pub inject: usize,
    /// Its planned time, when it is fixed (`at`).
    pub at: Option<Secs>,
    /// The cells, in [`Field::MSEL`] order.
    pub cells: Vec<String>,
}

/// The planned order: injects with a fixed time first, by time (file order among equals),
/// then every other one in file order.
pub fn planned_order(sc: &Scenario) -> Vec<usize> {
    let mut timed: Vec<(Secs, usize)> = Vec::new();
    let mut rest = Vec::new();
    for (i, inj) in sc.injects.iter().enumerate() {
        match inj.trigger {
            Trigger::At(t) if !inj.curveball => timed.push((t, i)),
            _ => rest.push(i),
        }
    }
    timed.sort();
    timed.into_iter().map(|(_, i)| i).chain(rest).collect()
}

/// The phase an inject falls in: a fixed time's phase, or its parent's for a chain.
fn phase_of(sc: &Scenario, inject: usize, depth: u8) -> Option<usize> {
    let inj = &sc.injects[inject];
    match inj.trigger {
        Trigger::At(t) => Some(sc.phases.iter().rposition(|p| p.start <= t).unwrap_or(0)),
        Trigger::AfterInject(p) if depth < 16 => phase_of(sc, p as usize, depth + 1),
        Trigger::AfterOption(d, _) if depth < 16 => {
            phase_of(sc, sc.decisions[d as usize].inject as usize, depth + 1)
        }
        _ => None,
    }
}

/// A delay in words: `45 min`, `1h30m` (in French and Chinese: `45 min`, `1 h 30`, `45 分`).
fn delay_words(d: Secs, lang: Lang) -> String {
    if lang != Lang::En {
        crate::i18n::format::duration(lang, d)
    } else if d > 0 && d < 3600 && d % 60 == 0 {
        format!("{} min", d / 60)
    } else {
        format_duration(d)
    }
}

/// `45 min after X`, or `after X` without a delay.
fn after(delay: Secs, what: &str, lang: Lang) -> String {
    if delay > 0 {
        tr!(
            lang,
            "msel-trigger-after-delay",
            delay = delay_words(delay, lang),
            what = what
        )
    } else {
        tr!(lang, "msel-trigger-after", what = what)
    }
}

/// `option "Label" (decision)`.
fn option_words(label: &str, decision: &str, lang: Lang) -> String {
    tr!(
        lang,
        "msel-trigger-option",
        label = label,
        decision = decision
    )
}

/// Where an inject is a follow-up: `option "Label" (decision)`, for each option, outcome
/// or action that lists it.
fn follow_ups(sc: &Scenario, inject: u16, lang: Lang) -> Vec<String> {
    let mut out = Vec::new();
    for d in &sc.decisions {
        for o in &d.options {
            if o.follow_up.contains(&inject) {
                out.push(option_words(&o.label, &d.id, lang));
            }
            for oc in &o.outcomes {
                if oc.follow_up.contains(&inject) {
                    out.push(tr!(
                        lang,
                        "msel-trigger-outcome-of-option",
                        outcome = oc.label.as_str(),
                        option = o.label.as_str()
                    ));
                }
            }
        }
    }
    for a in &sc.actions {
        if a.follow_up.contains(&inject) {
            out.push(tr!(lang, "msel-trigger-action", action = a.label.as_str()));
        }
    }
    out
}

/// Where a `schedule(...)` effect fires an inject: `inject "Title"`, `option "Label"`,
/// `random event "Label"`, and so on, with the delay it gives.
fn schedulers(sc: &Scenario, inject: u16, lang: Lang) -> Vec<String> {
    let mut out = Vec::new();
    let mut look = |effects: &[Effect], who: String| {
        let mut found: Option<Option<Secs>> = None;
        Effect::walk(effects, &mut |e| {
            if let Effect::Schedule { inject: i, delay } = e
                && *i == inject
                && found.is_none()
            {
                found = Some(*delay);
            }
        });
        if let Some(delay) = found {
            out.push(match delay {
                Some(d) if d > 0 => tr!(
                    lang,
                    "msel-trigger-later",
                    what = who,
                    delay = delay_words(d, lang)
                ),
                _ => who,
            });
        }
    };
    for i in &sc.injects {
        look(
            &i.effects,
            tr!(lang, "msel-trigger-inject", title = i.title.as_str()),
        );
    }
    for d in &sc.decisions {
        for o in &d.options {
            look(&o.effects, option_words(&o.label, &d.id, lang));
            for oc in &o.outcomes {
                look(
                    &oc.effects,
                    tr!(
                        lang,
                        "msel-trigger-outcome-of-option",
                        outcome = oc.label.as_str(),
                        option = o.label.as_str()
                    ),
                );
            }
        }
    }
    for a in &sc.actions {
        look(
            &a.effects,
            tr!(lang, "msel-trigger-action", action = a.label.as_str()),
        );
        for oc in &a.outcomes {
            look(
                &oc.effects,
                tr!(
                    lang,
                    "msel-trigger-outcome-of-action",
                    outcome = oc.label.as_str(),
                    action = a.label.as_str()
                ),
            );
        }
    }
    for p in &sc.phases {
        look(
            &p.on_enter,
            tr!(lang, "msel-trigger-phase-start", phase = p.title.as_str()),
        );
    }
    for d in &sc.deadlines {
        look(
            &d.on_met,
            tr!(
                lang,
                "msel-trigger-deadline-met",
                deadline = d.label.as_str()
            ),
        );
        look(
            &d.on_missed,
            tr!(
                lang,
                "msel-trigger-deadline-missed",
                deadline = d.label.as_str()
            ),
        );
    }
    for r in &sc.random_events {
        look(
            &r.effects,
            tr!(lang, "msel-trigger-random-event", event = r.label.as_str()),
        );
    }
    out
}

/// The trigger in words: `at T+01:00`, `45 min after The ransom note`, `when …`,
/// `follow-up of option "…" (decision)`, with `chance 40%` after (in English: the MSEL's
/// column; [`trigger_words_in`] for another language).
pub fn trigger_words(sc: &Scenario, inject: usize, authored: Option<&Authored>) -> String {
    trigger_words_in(sc, inject, authored, Lang::En)
}

/// [`trigger_words`] in `lang` (the facilitator guide's).
pub fn trigger_words_in(
    sc: &Scenario,
    inject: usize,
    authored: Option<&Authored>,
    lang: Lang,
) -> String {
    let inj = &sc.injects[inject];
    let or = format!(" {} ", tr!(lang, "msel-trigger-or"));
    let mut words = match &inj.trigger {
        Trigger::At(t) => tr!(lang, "msel-trigger-at", offset = format_offset(*t)),
        Trigger::AfterInject(p) => after(inj.delay, &sc.injects[*p as usize].title, lang),
        Trigger::AfterOption(d, o) => {
            let d = &sc.decisions[*d as usize];
            after(
                inj.delay,
                &option_words(&d.options[*o as usize].label, &d.id, lang),
                lang,
            )
        }
        Trigger::When(_) => {
            let cond = authored
                .and_then(|a| a.when.clone())
                .unwrap_or_else(|| tr!(lang, "msel-trigger-a-condition"));
            if inj.delay > 0 {
                tr!(
                    lang,
                    "msel-trigger-when-delay",
                    delay = delay_words(inj.delay, lang),
                    condition = cond
                )
            } else {
                tr!(lang, "msel-trigger-when", condition = cond)
            }
        }
        Trigger::Manual if inj.curveball => tr!(lang, "msel-trigger-curveball"),
        Trigger::Manual => {
            let from = follow_ups(sc, inject as u16, lang);
            let scheduled = schedulers(sc, inject as u16, lang);
            if from.is_empty() && scheduled.is_empty() {
                tr!(lang, "msel-trigger-facilitator-only")
            } else if from.is_empty() {
                tr!(lang, "msel-trigger-scheduled-by", who = scheduled.join(&or))
            } else {
                let base = tr!(lang, "msel-trigger-follow-up-of", what = from.join(&or));
                if inj.delay > 0 {
                    tr!(
                        lang,
                        "msel-trigger-later",
                        what = base,
                        delay = delay_words(inj.delay, lang)
                    )
                } else {
                    base
                }
            }
        }
    };
    if let Some(c) = authored.and_then(|a| a.chance.as_ref()) {
        let sep = match lang {
            Lang::En => "; ",
            Lang::Fr => "\u{a0}; ",
            Lang::Zh => "；",
        };
        words.push_str(sep);
        words.push_str(&tr!(lang, "msel-trigger-chance", chance = c.as_str()));
    }
    words
}

/// The MSEL's rows for a scenario in planned order; `authored` holds the texts of its
/// model (may be empty), `lang` the language of channels and dates.
pub fn rows(sc: &Scenario, authored: &[Authored], lang: Lang) -> Vec<Row> {
    planned_order(sc)
        .into_iter()
        .enumerate()
        .map(|(n, i)| row(sc, i, n + 1, authored.get(i), lang))
        .collect()
}

fn row(sc: &Scenario, i: usize, seq: usize, authored: Option<&Authored>, lang: Lang) -> Row {
    let inj = &sc.injects[i];
    let at = match inj.trigger {
        Trigger::At(t) if !inj.curveball => Some(t),
        _ => None,
    };
    let to = if inj.teams.is_empty() {
        super::columns::all_teams(lang)
    } else {
        let names: Vec<&str> = inj
            .teams
            .iter()
            .map(|&t| sc.teams[t as usize].name.as_str())
            .collect();
        names.join(", ")
    };
    // Checks that start from this inject, their critical tasks and objectives.
    let checks: Vec<usize> = sc
        .checks
        .iter()
        .enumerate()
        .filter(|(_, c)| c.from == Some(i as u16))
        .map(|(k, _)| k)
        .collect();
    let mut expected = Vec::new();
    if let Some(d) = inj.decision {
        let d = &sc.decisions[d as usize];
        expected.push(format!("{}: {}", sc.teams[d.team as usize].name, d.prompt));
        let rec: Vec<&str> = d
            .options
            .iter()
            .filter(|o| o.recommended)
            .map(|o| o.label.as_str())
            .collect();
        if !rec.is_empty() {
            expected.push(format!("Recommended: {}", rec.join(" + ")));
        }
    }
    let mut objectives: Vec<usize> = Vec::new();
    let mut tasks = Vec::new();
    for &k in &checks {
        if let Some(o) = sc.checks[k].objective {
            objectives.push(o as usize);
        }
        for (oi, o) in sc.meta.objectives.iter().enumerate() {
            for t in &o.tasks {
                if t.checks.contains(&(k as u16)) && !tasks.contains(&t.text) {
                    tasks.push(t.text.clone());
                    objectives.push(oi);
                }
            }
        }
    }
    objectives.sort_unstable();
    objectives.dedup();
    if !tasks.is_empty() {
        expected.push(format!("Critical tasks: {}", tasks.join("; ")));
    }
    let objective: Vec<&str> = objectives
        .iter()
        .map(|&o| sc.meta.objectives[o].text.as_str())
        .collect();
    let mut capability: Vec<&str> = objectives
        .iter()
        .map(|&o| sc.meta.objectives[o].capability.as_str())
        .filter(|c| !c.is_empty())
        .collect();
    capability.dedup();
    let phase = phase_of(sc, i, 0)
        .map(|p| sc.phases[p].title.clone())
        .unwrap_or_default();
    let cells = Field::MSEL
        .iter()
        .map(|f| match f {
            Field::Sequence => seq.to_string(),
            Field::Time => at.map(format_offset).unwrap_or_default(),
            Field::DayTime => at.map(|t| sc.clock.short_in(lang, t)).unwrap_or_default(),
            Field::Phase => phase.clone(),
            Field::Id => inj.id.clone(),
            Field::Title => inj.title.clone(),
            Field::Channel => crate::i18n::terms::channel(lang, inj.channel),
            Field::From => inj.sender.clone(),
            Field::To => to.clone(),
            Field::Description => inj.body.clone(),
            Field::Expected => expected.join("\n"),
            Field::Objective => objective.join("\n"),
            Field::Capability => capability.join("\n"),
            Field::Notes => inj.notes.clone(),
            Field::Trigger => trigger_words(sc, i, authored),
        })
        .collect();
    Row {
        inject: i,
        at,
        cells,
    }
}

/// The sheets of the MSEL, headers in `lang`: "All events" first, then one per phase (its rows in the same
/// order; rows with no phase only in "All events").
pub fn sheets(sc: &Scenario, rows: &[Row], lang: Lang) -> Vec<Sheet> {
    let header: Vec<String> = Field::MSEL.iter().map(|f| f.header_in(lang)).collect();
    let phase_col = Field::MSEL
        .iter()
        .position(|f| *f == Field::Phase)
        .unwrap_or(0);
    let mut out = vec![Sheet {
        name: super::columns::all_events(lang),
        header: header.clone(),
        rows: rows.iter().map(|r| r.cells.clone()).collect(),
    }];
    for p in &sc.phases {
        out.push(Sheet {
            name: p.title.clone(),
            header: header.clone(),
            rows: rows
                .iter()
                .filter(|r| r.cells[phase_col] == p.title)
                .map(|r| r.cells.clone())
                .collect(),
        });
    }
    out
}

/// The XLSX column widths of the MSEL.
pub fn widths() -> Vec<f64> {
    Field::MSEL.iter().map(|f| f.width()).collect()
}
