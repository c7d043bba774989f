//! The keys of a scenario's texts: one walk over the authored model names every text a
//! translation may replace (`inject.ransom-note.title`, `phase.night.questions.2`, ...), in
//! file order. Nothing logic reads (ids, expressions, choices, grade letters) has a key.

use std::collections::BTreeMap;

use crate::scenario::model::ScenarioFile;

/// Calls `$f(key, &text)` (or `&mut text` with `mut`) for every text of a scenario file, in
/// file order. One definition serves both [`texts`] and [`apply`].
macro_rules! walk {
    ($file:expr, $f:expr $(, $m:tt)?) => {{
        let file = $file;
        let mut f = $f;
        let meta = & $($m)? file.meta;
        f("meta.title".to_string(), & $($m)? meta.title);
        f("meta.summary".to_string(), & $($m)? meta.summary);
        f("meta.setting".to_string(), & $($m)? meta.setting);
        f("meta.how_to_play".to_string(), & $($m)? meta.how_to_play);
        for o in & $($m)? meta.objectives {
            let id = o.id.value.clone();
            f(format!("objective.{id}.text"), & $($m)? o.text);
            f(format!("objective.{id}.capability"), & $($m)? o.capability);
            for t in & $($m)? o.tasks {
                let id = t.id.value.clone();
                f(format!("task.{id}.text"), & $($m)? t.text);
                f(format!("task.{id}.target"), & $($m)? t.target);
            }
        }
        for (i, s) in (& $($m)? meta.sources).into_iter().enumerate() {
            f(format!("source.{}.title", i + 1), & $($m)? s.title);
            f(format!("source.{}.note", i + 1), & $($m)? s.note);
        }
        for t in & $($m)? file.teams {
            let id = t.id.value.clone();
            f(format!("team.{id}.name"), & $($m)? t.name);
            f(format!("team.{id}.description"), & $($m)? t.description);
        }
        for c in & $($m)? file.cast {
            let id = c.id.value.clone();
            f(format!("character.{id}.name"), & $($m)? c.name);
            f(format!("character.{id}.role"), & $($m)? c.role);
            f(format!("character.{id}.organisation"), & $($m)? c.organisation);
            f(format!("character.{id}.notes"), & $($m)? c.notes);
            for (i, s) in (& $($m)? c.secrets).into_iter().enumerate() {
                f(format!("character.{id}.secrets.{}", i + 1), s);
            }
        }
        for p in & $($m)? file.phases {
            let id = p.id.value.clone();
            f(format!("phase.{id}.title"), & $($m)? p.title);
            f(format!("phase.{id}.briefing"), & $($m)? p.briefing);
            for (i, q) in (& $($m)? p.questions).into_iter().enumerate() {
                f(format!("phase.{id}.questions.{}", i + 1), q);
            }
            f(format!("phase.{id}.notes"), & $($m)? p.notes);
        }
        for p in & $($m)? file.parameters {
            let id = p.id.value.clone();
            f(format!("parameter.{id}.label"), & $($m)? p.label);
            f(format!("parameter.{id}.help"), & $($m)? p.help);
            for (choice, label) in & $($m)? p.labels.value {
                f(format!("parameter.{id}.labels.{choice}"), label);
            }
        }
        for m in & $($m)? file.metrics {
            let id = m.id.value.clone();
            f(format!("metric.{id}.label"), & $($m)? m.label);
            f(format!("metric.{id}.unit"), & $($m)? m.unit);
            f(format!("metric.{id}.description"), & $($m)? m.description);
            for (i, t) in (& $($m)? m.thresholds).into_iter().enumerate() {
                f(format!("metric.{id}.thresholds.{}.label", i + 1), & $($m)? t.value.label);
            }
        }
        for x in & $($m)? file.flags {
            f(format!("flag.{}.label", x.id.value), & $($m)? x.label);
        }
        for c in & $($m)? file.counters {
            let id = c.id.value.clone();
            f(format!("counter.{id}.label"), & $($m)? c.label);
            f(format!("counter.{id}.unit"), & $($m)? c.unit);
        }
        for s in & $($m)? file.systems {
            let id = s.id.value.clone();
            f(format!("system.{id}.name"), & $($m)? s.name);
            f(format!("system.{id}.description"), & $($m)? s.description);
        }
        for s in & $($m)? file.services {
            let id = s.id.value.clone();
            f(format!("service.{id}.name"), & $($m)? s.name);
            f(format!("service.{id}.description"), & $($m)? s.description);
        }
        for inj in & $($m)? file.injects {
            let id = inj.id.value.clone();
            f(format!("inject.{id}.title"), & $($m)? inj.title);
            f(format!("inject.{id}.sender"), & $($m)? inj.sender.value);
            f(format!("inject.{id}.body"), & $($m)? inj.body);
            f(format!("inject.{id}.notes"), & $($m)? inj.notes);
            for (i, q) in (& $($m)? inj.questions).into_iter().enumerate() {
                f(format!("inject.{id}.questions.{}", i + 1), q);
            }
            if let Some(d) = & $($m)? inj.decision {
                let did = d.id.as_ref().map_or(id.clone(), |s| s.value.clone());
                f(format!("decision.{did}.prompt"), & $($m)? d.prompt);
                if let Some(p) = & $($m)? d.pick {
                    f(format!("decision.{did}.pick.unavailable"), & $($m)? p.value.unavailable);
                }
                for o in & $($m)? d.options.value {
                    let oid = o.id.value.clone();
                    f(format!("option.{did}.{oid}.label"), & $($m)? o.label);
                    f(format!("option.{did}.{oid}.unavailable"), & $($m)? o.unavailable);
                    for (i, out) in (& $($m)? o.outcomes).into_iter().enumerate() {
                        f(format!("outcome.{did}.{oid}.{}.label", i + 1), & $($m)? out.label);
                        f(format!("outcome.{did}.{oid}.{}.text", i + 1), & $($m)? out.text);
                    }
                }
            }
        }
        for a in & $($m)? file.actions.value {
            let id = a.id.value.clone();
            f(format!("action.{id}.label"), & $($m)? a.label);
            f(format!("action.{id}.description"), & $($m)? a.description);
            f(format!("action.{id}.unavailable"), & $($m)? a.unavailable);
            for (i, out) in (& $($m)? a.outcomes).into_iter().enumerate() {
                f(format!("action.{id}.outcomes.{}.label", i + 1), & $($m)? out.label);
                f(format!("action.{id}.outcomes.{}.text", i + 1), & $($m)? out.text);
            }
        }
        for d in & $($m)? file.deadlines {
            let id = d.id.value.clone();
            f(format!("deadline.{id}.label"), & $($m)? d.label);
            f(format!("deadline.{id}.description"), & $($m)? d.description);
            f(format!("deadline.{id}.reference"), & $($m)? d.reference);
        }
        for r in & $($m)? file.random_events {
            f(format!("random.{}.label", r.id.value), & $($m)? r.label);
        }
        for e in & $($m)? file.endings {
            let id = e.id.value.clone();
            f(format!("ending.{id}.title"), & $($m)? e.title);
            f(format!("ending.{id}.debrief"), & $($m)? e.debrief);
        }
        if let Some(s) = & $($m)? file.scoring.value {
            for (i, g) in (& $($m)? s.grades).into_iter().enumerate() {
                f(format!("grade.{}.label", i + 1), & $($m)? g.label);
            }
            for c in & $($m)? s.checks {
                let id = c.id.value.clone();
                f(format!("check.{id}.title"), & $($m)? c.title);
                f(format!("check.{id}.lesson"), & $($m)? c.lesson);
                f(format!("check.{id}.reference"), & $($m)? c.reference);
            }
        }
    }};
}

/// Every text of the file that is not empty, as (key, text), in file order.
pub fn texts<'a>(file: &'a ScenarioFile) -> Vec<(String, &'a str)> {
    let mut out = Vec::new();
    walk!(file, |k: String, s: &'a String| if !s.is_empty() {
        out.push((k, s.as_str()))
    });
    out
}

/// Every key a translation of the file may use (empty texts included), in file order.
pub fn keys(file: &ScenarioFile) -> Vec<String> {
    let mut out = Vec::new();
    walk!(file, |k: String, _: &String| out.push(k));
    out
}

/// Replaces every text whose key has a text that is not empty in `map`; returns how many.
pub fn apply(file: &mut ScenarioFile, map: &BTreeMap<String, String>) -> usize {
    let mut n = 0;
    walk!(
        file,
        |k: String, s: &mut String| if let Some(t) = map.get(&k).filter(|t| !t.is_empty()) {
            t.clone_into(s);
            n += 1;
        },
        mut
    );
    n
}

/// The names of the files the scenario's injects attach, in file order.
pub fn attachments(file: &ScenarioFile) -> Vec<&str> {
    file.injects
        .iter()
        .filter_map(|i| i.attachment.as_ref().map(|a| a.value.as_str()))
        .collect()
}
