//! Checks and compilation of format 2's inject and phase constructs: curveball pools
//! (`curveball`, `repeat`), facilitator-only injects (`hidden`), the cast and `from`, and
//! phase-relative times (`sunday+2h`).

use super::super::compiled as c;
use super::super::diagnostics::{Code, Diagnostic};
use super::super::model as m;
use super::super::source::Span;
use super::super::time::{self, Secs};
use super::m_spanned::SpStr;
use super::{Kind, Validator, reference};
use crate::scenario::expr::symbols::IdMap;

impl Validator<'_> {
    /// Reports a construct of format 2 in an older file (DT0022).
    pub(super) fn needs_format2(&mut self, span: Span, what: &str) {
        if self.syms.format < 2 {
            self.err_help(
                Code::NeedsFormat2,
                span,
                format!("{what} needs format 2"),
                "a construct of format 2",
                "write `format: 2` at the top of the file",
            );
        }
    }

    /// Checks and compiles the cast, returning it and its id table.
    pub(super) fn cast(&mut self, cast: &mut [m::Character]) -> (Vec<c::Character>, IdMap<u16>) {
        if let Some(first) = cast.first() {
            self.needs_format2(first.id.span, "a `cast`");
        }
        let ids = self.ids(Kind::Character, cast.iter().map(|x| &x.id), None);
        let list = cast
            .iter_mut()
            .map(|x| c::Character {
                id: x.id.value.clone(),
                name: std::mem::take(&mut x.name),
                role: std::mem::take(&mut x.role),
                organisation: std::mem::take(&mut x.organisation),
                notes: std::mem::take(&mut x.notes),
                secrets: std::mem::take(&mut x.secrets),
            })
            .collect();
        (list, ids)
    }

    /// An inject's sender: its cast member's signature with `from`, else its `sender` text.
    pub(super) fn sender(
        &mut self,
        inj: &mut m::Inject,
        cast: &[c::Character],
        cast_ids: &IdMap<u16>,
    ) -> (String, Option<u16>) {
        let Some(from) = &inj.from else {
            return (std::mem::take(&mut inj.sender.value), None);
        };
        self.needs_format2(from.span, "`from` (a sender of the cast)");
        if !inj.sender.value.is_empty() {
            self.err_help(
                Code::SenderAndFrom,
                inj.sender.span,
                format!("inject `{}` has both `sender` and `from`", inj.id.value),
                "beside `from`",
                "`from` names a character of the cast, whose name and role the teams see: remove `sender`",
            );
        }
        match reference(&mut self.diags, from, "character", cast_ids) {
            Some(k) => (cast[k as usize].signature(), Some(k)),
            None => (String::new(), None),
        }
    }

    /// Checks `curveball`, `repeat` and `hidden` of an inject.
    pub(super) fn pool_rules(&mut self, inj: &m::Inject) {
        let name = &inj.id.value;
        if inj.curveball.value {
            self.needs_format2(inj.curveball.span, "`curveball`");
            let trigger = [&inj.at, &inj.after, &inj.when]
                .into_iter()
                .flatten()
                .next();
            if let Some(t) = trigger {
                self.err_help(
                    Code::CurveballTrigger,
                    t.span,
                    format!("curveball `{name}` has a trigger of its own"),
                    "a trigger",
                    "a curveball is fired by the facilitator only: remove the trigger, or remove `curveball: true` for an inject that fires by itself",
                );
            }
        }
        if inj.repeat.value {
            self.needs_format2(inj.repeat.span, "`repeat`");
            if !inj.curveball.value {
                self.err_help(
                    Code::RepeatNotCurveball,
                    inj.repeat.span,
                    format!("inject `{name}` repeats but is not a curveball"),
                    "not a curveball",
                    "only the facilitator fires an inject again: add `curveball: true`, or remove `repeat`",
                );
            } else if inj.decision.is_some() {
                self.err_help(
                    Code::RepeatWithDecision,
                    inj.repeat.span,
                    format!("curveball `{name}` repeats but carries a decision"),
                    "with a decision",
                    "a decision is taken once: remove `repeat`, or put the decision on an inject that fires once",
                );
            }
        }
        if inj.hidden.value {
            self.needs_format2(inj.hidden.span, "`hidden`");
            if inj.decision.is_some() {
                self.err_help(
                    Code::HiddenDecision,
                    inj.hidden.span,
                    format!("hidden inject `{name}` carries a decision"),
                    "hidden, with a decision",
                    "no team sees a hidden inject, so none could take its decision: remove `hidden`, or the decision",
                );
            }
        }
    }

    /// Compiles a phase's `on_enter` effects.
    pub(super) fn on_enter(&mut self, p: &m::Phase) -> Vec<crate::scenario::expr::effects::Effect> {
        if let Some(first) = p.on_enter.first() {
            self.needs_format2(first.span, "a phase's `on_enter`");
        }
        self.effects(&p.on_enter)
    }

    /// An inject's `at`: a time point, or a time relative to a phase's start.
    pub(super) fn inject_time(
        &mut self,
        at: &SpStr,
        start: Option<chrono::NaiveDateTime>,
        phases: &[c::Phase],
    ) -> Option<Secs> {
        match time::split_phase_relative(&at.value) {
            Some(rel) => self.phase_time(at, rel, phases),
            None => self.time_point(at, start),
        }
    }

    /// Resolves `phase+offset` against the phases' starts.
    fn phase_time(
        &mut self,
        at: &SpStr,
        rel: time::PhaseRelative<'_>,
        phases: &[c::Phase],
    ) -> Option<Secs> {
        self.needs_format2(at.span, "a time relative to a phase (`phase+2h`)");
        let id = SpStr {
            span: at.span,
            value: rel.phase.to_string(),
        };
        let p = reference(&mut self.diags, &id, "phase", &self.syms.phases)? as usize;
        let offset = match time::parse_duration(rel.offset) {
            Ok(d) => d,
            Err(e) => {
                self.err_help(
                    Code::InvalidDuration,
                    at.span,
                    format!(
                        "invalid offset `{}` after phase `{}`",
                        rel.offset, rel.phase
                    ),
                    "not a duration",
                    e,
                );
                return None;
            }
        };
        let phase = phases.get(p)?;
        if rel.before && offset > 0 {
            self.err_help(
                Code::BeforePhase,
                at.span,
                format!("`{}` is before phase `{}` starts", at.value.trim(), rel.phase),
                "before the phase",
                format!(
                    "phase `{}` starts at {}; count forwards from it (`{}+…`), or from an earlier phase",
                    rel.phase,
                    time::format_offset(phase.start),
                    rel.phase
                ),
            );
            return None;
        }
        let t = phase.start + offset;
        if let Some(next) = phases.get(p + 1)
            && t >= next.start
        {
            self.push(
                Diagnostic::new(
                    Code::LaterPhase,
                    at.span,
                    format!(
                        "`{}` falls in phase `{}`, not in phase `{}`",
                        at.value.trim(),
                        phases[phase_index_at(phases, t)].id,
                        rel.phase
                    ),
                    "in a later phase",
                )
                .with_help(format!(
                    "phase `{}` runs from {} to {}; count from the phase the time falls in",
                    rel.phase,
                    time::format_offset(phase.start),
                    time::format_offset(next.start)
                )),
            );
        }
        Some(t)
    }
}

/// The index of the phase in force at `t`.
fn phase_index_at(phases: &[c::Phase], t: Secs) -> usize {
    phases.partition_point(|p| p.start <= t).max(1) - 1
}
