//! Effect statements: what a compiled effect does, and how an assignment's target or an
//! action's arguments resolve to one. The grammar of statements is in [`super::parse`].

use super::compile::{Args, Compiler, Form, Val, type_error};
use super::symbols::{ACTIONS, IdMap, Name, did_you_mean, mark, state_named};
use super::vm::Program;
use super::{ExprError, ExprErrorKind};
use crate::scenario::model::SystemState;
use crate::scenario::source::Span;
use crate::scenario::time::Secs;

/// Assignment operators of effect statements.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AssignOp {
    /// `=`.
    Set,
    /// `+=`.
    Add,
    /// `-=`.
    Sub,
}

/// A compiled effect, ready for the engine.
#[derive(Clone, Debug, PartialEq)]
pub enum Effect {
    /// Change a metric (clamped to its range when applied).
    Metric {
        /// Which metric.
        metric: u16,
        /// Set, add or subtract.
        op: AssignOp,
        /// The amount or new value.
        value: Program,
    },
    /// Set or clear a flag.
    Flag {
        /// Which flag.
        flag: u16,
        /// The new value.
        value: Program,
    },
    /// Change a counter (rounded to a whole number).
    Counter {
        /// Which counter.
        counter: u16,
        /// Set, add or subtract.
        op: AssignOp,
        /// The amount or new value.
        value: Program,
    },
    /// Put a system into a state.
    System {
        /// Which system.
        system: u16,
        /// Its new state.
        state: SystemState,
    },
    /// Fire an inject after a delay (its own `delay` when none is given).
    Schedule {
        /// Which inject.
        inject: u16,
        /// How long from now.
        delay: Option<Secs>,
    },
    /// Cancel a scheduled inject so it does not fire.
    Cancel {
        /// Which inject.
        inject: u16,
    },
    /// Start a deadline's clock.
    StartDeadline(u16),
    /// Mark a deadline as met.
    MeetDeadline(u16),
    /// End the exercise with an ending.
    End(u16),
    /// `if(condition, effects, else: effects)`: one branch or the other, as the condition
    /// holds when the effect applies (format 2).
    If {
        /// The condition, true/false.
        cond: Program,
        /// The condition as written, for the graph and previews.
        text: Box<str>,
        /// Effects applied when it holds.
        then: Box<[Effect]>,
        /// Effects applied when it does not (empty without `else:`).
        otherwise: Box<[Effect]>,
    },
}

impl Effect {
    /// Calls `f` on every effect of `effects` and, inside conditional effects, of both
    /// branches, in the order written (the conditional before its branches).
    pub fn walk<'e>(effects: &'e [Effect], f: &mut impl FnMut(&'e Effect)) {
        for e in effects {
            f(e);
            if let Effect::If {
                then, otherwise, ..
            } = e
            {
                Effect::walk(then, f);
                Effect::walk(otherwise, f);
            }
        }
    }
}

/// Where an assignment's value goes, known from its target before the value is read.
#[derive(Clone, Copy)]
pub(super) enum Target {
    /// A metric, changed by a number.
    Metric(u16),
    /// A counter, changed by a number.
    Counter(u16),
    /// A flag, set to true/false.
    Flag(u16),
    /// A system, set to a state name.
    System(u16),
    /// Nothing can be assigned (an error is recorded); the value is only read.
    None,
}

impl Compiler<'_, '_> {
    /// What an assignment to `name` changes; records an error when it cannot be assigned.
    pub(super) fn target(&mut self, name: &str, span: Span, op: AssignOp) -> Target {
        let Some(sym) = self.syms.values.get(name).copied() else {
            let mut e = ExprError::new(
                ExprErrorKind::UnknownName,
                span,
                format!("unknown name `{name}`"),
                "not a metric, flag, counter or system of this scenario",
            );
            if let Some(m) = did_you_mean(name, self.syms.values.keys().map(String::as_str)) {
                e = e.with_help(format!("did you mean `{m}`?"));
            }
            self.fail(e);
            return Target::None;
        };
        let not_here = |what: &str| {
            type_error(
                span,
                format!("`{name}` is {what}; effects cannot change it"),
                "cannot be assigned",
            )
        };
        match sym {
            Name::Metric(i) => {
                mark(&mut self.usage.metrics_changed, i);
                Target::Metric(i)
            }
            Name::Counter(i) => {
                mark(&mut self.usage.counters_changed, i);
                Target::Counter(i)
            }
            Name::Flag(i) => {
                if op != AssignOp::Set {
                    self.fail(
                        type_error(
                            span,
                            format!("`{name}` is a flag; use `=`, not `+=` or `-=`"),
                            "a flag",
                        )
                        .with_help(format!("write `{name} = true` or `{name} = false`")),
                    );
                    return Target::None;
                }
                mark(&mut self.usage.flags_set, i);
                Target::Flag(i)
            }
            Name::System(i) => Target::System(i),
            Name::Param(..) => {
                self.fail(not_here("a parameter, set at the briefing"));
                Target::None
            }
            Name::Service(..) => {
                self.fail(not_here(
                    "a service; its capacity follows from its systems' states",
                ));
                Target::None
            }
        }
    }

    /// The effect of setting a system: the value must be a state name.
    pub(super) fn system_effect(
        &mut self,
        system: u16,
        target: &str,
        op: AssignOp,
        value: &Val<'_>,
    ) -> Option<Effect> {
        let state = match (value.form, op) {
            (Form::Name(n), AssignOp::Set) => state_named(n),
            _ => None,
        };
        let Some(state) = state else {
            self.fail(
                type_error(
                    value.span,
                    format!("`{target}` is a system; it can only be set to a state"),
                    "not a system state",
                )
                .with_help(format!(
                    "write `{target} = down` (states: up, degraded, down, isolated, restoring, restored)"
                )),
            );
            return None;
        };
        mark(&mut self.usage.systems_changed, system);
        Some(Effect::System { system, state })
    }

    /// An action such as `schedule(inject, 30m)`, once its arguments are read.
    pub(super) fn action(
        &mut self,
        name: &str,
        name_span: Span,
        args: &Args<'_>,
        span: Span,
    ) -> Option<Effect> {
        let syms = self.syms;
        match name {
            "schedule" => {
                let inject = self.one_id(name, args, span, "an inject", &syms.injects, 2)?;
                let delay = match args.first[1] {
                    None => None,
                    Some(Val {
                        form: Form::Dur(d), ..
                    }) => Some(d),
                    Some(Val {
                        form: Form::Num(0.0),
                        ..
                    }) => Some(0),
                    Some(a) => {
                        self.fail(type_error(
                            a.span,
                            "the delay must be a duration such as `30m`",
                            "not a duration",
                        ));
                        return None;
                    }
                };
                mark(&mut self.usage.injects_scheduled, inject);
                Some(Effect::Schedule { inject, delay })
            }
            "cancel" => {
                let inject = self.one_id(name, args, span, "an inject", &syms.injects, 1)?;
                Some(Effect::Cancel { inject })
            }
            "start" => {
                let d = self.one_id(name, args, span, "a deadline", &syms.deadlines, 1)?;
                mark(&mut self.usage.deadlines_started, d);
                Some(Effect::StartDeadline(d))
            }
            "meet" => {
                let d = self.one_id(name, args, span, "a deadline", &syms.deadlines, 1)?;
                mark(&mut self.usage.deadlines_met, d);
                Some(Effect::MeetDeadline(d))
            }
            "end" => {
                let e = self.one_id(name, args, span, "an ending", &syms.endings, 1)?;
                mark(&mut self.usage.endings_targeted, e);
                Some(Effect::End(e))
            }
            _ => {
                let mut e = ExprError::new(
                    ExprErrorKind::UnknownName,
                    name_span,
                    format!("unknown effect `{name}(...)`"),
                    "not an effect",
                );
                let known = ["schedule", "cancel", "start", "meet", "end"];
                e = match did_you_mean(name, known) {
                    Some(m) => e.with_help(format!("did you mean `{m}`?")),
                    None => e.with_help(format!("effects: {}", ACTIONS.join("; "))),
                };
                self.fail(e);
                None
            }
        }
    }

    /// The id an action takes first, with at most `max` arguments in all.
    fn one_id(
        &mut self,
        name: &str,
        args: &Args<'_>,
        span: Span,
        what: &str,
        table: &IdMap<u16>,
        max: usize,
    ) -> Option<u16> {
        if args.count == 0 || args.count > max {
            self.fail(type_error(
                span,
                format!("`{name}` takes the id of {what}"),
                "wrong number of arguments",
            ));
            return None;
        }
        self.id(args.first[0]?, what, table, "not an id".to_string())
    }
}
