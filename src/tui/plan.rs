//! The session plan: the real time planned for each phase (the scenario's `estimate`s, or
//! its `duration` shared out) against the real time spent in it, pauses excluded.
//! Pure functions of the exercise and the real time; the views draw them.

use crate::engine::{Exercise, LogKind, RealMs};
use crate::i18n::Lang;
use crate::tr;

/// One phase of the plan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PhaseTime {
    /// The phase, by index.
    pub phase: u16,
    /// Real milliseconds planned, when the scenario gives an estimate.
    pub planned: Option<RealMs>,
    /// Real milliseconds spent in it so far, pauses excluded (its debrief included).
    pub spent: RealMs,
    /// Whether it is the phase being played (or debriefed, at a phase break).
    pub current: bool,
    /// Whether it has been played.
    pub started: bool,
}

/// Real milliseconds planned per phase: each phase's `estimate`; phases without one share
/// what the scenario's `duration` leaves; `None` when neither says.
pub fn planned(ex: &Exercise) -> Vec<Option<RealMs>> {
    let sc = ex.scenario();
    let given: Vec<Option<RealMs>> = sc
        .phases
        .iter()
        .map(|p| p.estimate.map(|s| s.max(0) as RealMs * 1000))
        .collect();
    let Some(total) = sc.meta.duration.map(|s| s.max(0) as RealMs * 1000) else {
        return given;
    };
    let set: RealMs = given.iter().flatten().sum();
    let missing = given.iter().filter(|g| g.is_none()).count() as RealMs;
    if missing == 0 {
        return given;
    }
    let share = total.saturating_sub(set) / missing;
    given.into_iter().map(|g| g.or(Some(share))).collect()
}

/// The plan against the time spent, per phase, at real time `real`.
pub fn phases(ex: &Exercise, real: RealMs) -> Vec<PhaseTime> {
    let sc = ex.scenario();
    let st = ex.state();
    let now = if ex.is_over() {
        st.real_now
    } else {
        real.max(st.real_now)
    };
    let current = st.phase as usize;
    // When each phase began (the latest record wins: an undo can take a phase back).
    let mut began: Vec<Option<RealMs>> = vec![None; sc.phases.len()];
    let mut pauses: Vec<(RealMs, RealMs)> = Vec::new();
    let mut paused_at: Option<RealMs> = None;
    for l in ex.log() {
        match l.kind {
            LogKind::Started => began[0] = Some(l.real),
            LogKind::PhaseBegan { phase } => {
                if let Some(b) = began.get_mut(phase as usize) {
                    *b = Some(l.real);
                }
            }
            LogKind::Pause => paused_at = Some(l.real),
            LogKind::Resume => {
                if let Some(p) = paused_at.take() {
                    pauses.push((p, l.real));
                }
            }
            _ => {}
        }
    }
    if let Some(p) = paused_at {
        pauses.push((p, now.max(p)));
    }
    let active = |from: RealMs, to: RealMs| -> RealMs {
        let paused: RealMs = pauses
            .iter()
            .map(|&(a, b)| b.min(to).saturating_sub(a.max(from)))
            .fold(0, RealMs::saturating_add);
        to.saturating_sub(from).saturating_sub(paused)
    };
    let plan = planned(ex);
    (0..sc.phases.len())
        .map(|k| {
            let started = k <= current && began[k].is_some();
            let spent = match began[k] {
                Some(from) if k <= current => {
                    let to = if k < current {
                        began[k + 1].unwrap_or(now)
                    } else {
                        now
                    };
                    active(from, to.max(from))
                }
                _ => 0,
            };
            PhaseTime {
                phase: k as u16,
                planned: plan[k],
                spent,
                current: k == current,
                started,
            }
        })
        .collect()
}

/// `35 min` / `35 分钟`, rounded to the nearest minute (`0 min` under 30 s).
pub fn minutes(lang: Lang, ms: RealMs) -> String {
    tr!(lang, "plan-minutes", n = ms.saturating_add(30_000) / 60_000)
}

/// `Night: 35 min planned, 28 spent` for a phase (`28 min spent` without a plan).
pub fn phase_line(lang: Lang, ex: &Exercise, p: &PhaseTime) -> String {
    let title = crate::text::sanitize_line(&ex.scenario().phases[p.phase as usize].title);
    match p.planned {
        Some(plan) => tr!(
            lang,
            "plan-phase-line",
            title = title,
            planned = minutes(lang, plan),
            spent = p.spent.saturating_add(30_000) / 60_000
        ),
        None => tr!(
            lang,
            "plan-phase-line-unplanned",
            title = title,
            spent = minutes(lang, p.spent)
        ),
    }
}

/// Real seconds of every decision's real-time limit, and how many there are.
pub fn real_limits(ex: &Exercise) -> (usize, i64) {
    let limits: Vec<i64> = ex
        .scenario()
        .decisions
        .iter()
        .filter_map(|d| d.timeout.as_ref().and_then(|t| t.real))
        .collect();
    (limits.len(), limits.iter().sum())
}
