//! The constructs of the scenario format, as a list a test can check mechanically, and which
//! of them a loaded scenario uses.
//!
//! [`CONSTRUCTS`] names every construct the loader knows: each function of the expression
//! language, each reading and operator family, each form of effect, each kind of parameter
//! and trigger, and each section or field an author would call a feature of the format.
//! [`used`] walks a scenario (its authored model for what compiling erases, such as a
//! phase-relative time, and its compiled form for expressions and effects) and returns the
//! constructs it uses. The tutorial is meant to use them all (`tests/tutorial_features.rs`).
//!
//! The mapping from instructions ([`Op`]) and compiled effects ([`Effect`]) to constructs is
//! an exhaustive `match`: a new instruction or effect does not compile until it is given a
//! construct here.

use std::collections::BTreeSet;

use super::compiled::{self as c, Scenario, Trigger};
use super::expr::effects::{AssignOp, Effect};
use super::expr::vm::{Op, Program};
use super::model::{self as m, DeadlineKind, Good, Literal, OptionOrder, ParamKind};

/// Every construct of the format, sorted by name: `(name, what it is)`. Names are grouped
/// by a prefix: `fn:` functions, `expr:` what an expression reads, `op:` operator families,
/// `effect:` effect forms, `param:` parameter kinds, `trigger:` what fires an inject, and
/// `section.field` for the other constructs.
pub const CONSTRUCTS: &[(&str, &str)] = &[
    (
        "action",
        "the `actions:` section: things a team may do again and again (format 2)",
    ),
    (
        "action.cooldown",
        "an action's `cooldown` before it can be taken again",
    ),
    ("action.follow_up", "an action's `follow_up` injects"),
    ("action.max_uses", "an action's `max_uses` limit"),
    ("action.outcomes", "an action's random `outcomes`"),
    (
        "action.requires",
        "an action's `requires` condition (with `unavailable`)",
    ),
    (
        "action.teams",
        "an action open to some teams only (`teams`)",
    ),
    (
        "cast",
        "the `cast:` of characters who send injects (format 2)",
    ),
    (
        "check.from",
        "a check's window opened by an inject (`from`)",
    ),
    (
        "check.objective",
        "a check that evidences an objective (`objective`)",
    ),
    (
        "check.within",
        "a check met only within a time window (`within`)",
    ),
    ("counter", "the `counters:` section: named whole numbers"),
    (
        "deadline",
        "the `deadlines:` section: regulatory or operational clocks",
    ),
    (
        "deadline.on_met",
        "effects when a deadline is met (`on_met`)",
    ),
    (
        "deadline.on_missed",
        "effects when a deadline is missed (`on_missed`)",
    ),
    ("deadline.team", "a deadline owned by a team (`team`)"),
    (
        "deadline.threat",
        "a threat's countdown (`kind: Threat`), never scored",
    ),
    ("decision", "a decision carried by an inject"),
    (
        "decision.order_fixed",
        "options shown in the order written (`order: Fixed`)",
    ),
    ("decision.pick", "several answers to one decision (`pick`)"),
    (
        "decision.timeout_real",
        "a decision's real-time limit (`timeout.real`)",
    ),
    (
        "decision.timeout_scenario",
        "a decision's scenario-time limit (`timeout.scenario`)",
    ),
    ("effect:add", "`name += value`"),
    (
        "effect:assign",
        "`name = value` on a metric, flag or counter",
    ),
    ("effect:cancel", "`cancel(inject)`"),
    (
        "effect:else",
        "the `else:` branch of a conditional effect (format 2)",
    ),
    ("effect:end", "`end(ending)`"),
    (
        "effect:if",
        "a conditional effect `if(condition, effects…)` (format 2)",
    ),
    ("effect:meet", "`meet(deadline)`"),
    (
        "effect:schedule",
        "`schedule(inject)` after the inject's own delay",
    ),
    ("effect:schedule_delay", "`schedule(inject, delay)`"),
    ("effect:start", "`start(deadline)`"),
    ("effect:sub", "`name -= value`"),
    ("effect:system", "`system = state`"),
    (
        "ending.default",
        "the ending used when the clock runs out (`default: true`)",
    ),
    (
        "ending.when",
        "an ending reached when its condition holds (`when`)",
    ),
    ("expr:counter", "a counter's value in an expression"),
    ("expr:elapsed", "`elapsed`: the time since the start"),
    ("expr:flag", "a flag in an expression"),
    ("expr:hour", "`hour`: the hour of day on the scenario clock"),
    ("expr:metric", "a metric's value in an expression"),
    ("expr:parameter", "a parameter in an expression"),
    ("expr:service", "a service's capacity in an expression"),
    ("expr:step", "`step`: the current phase's clock step"),
    ("expr:system", "a system's state in an expression"),
    ("fn:abs", "`abs(x)`"),
    ("fn:active", "`active(deadline)`"),
    ("fn:chosen", "`chosen(decision, option)`"),
    (
        "fn:chosen(decision)",
        "`chosen(decision)`: the decision was taken",
    ),
    ("fn:fired", "`fired(inject)`"),
    ("fn:in_phase", "`in_phase(phase)`"),
    ("fn:max", "`max(a, b)`"),
    ("fn:met", "`met(deadline)`"),
    ("fn:min", "`min(a, b)`"),
    ("fn:missed", "`missed(deadline)`"),
    ("fn:pending", "`pending(decision)`"),
    ("fn:remaining", "`remaining(deadline)`"),
    ("fn:since", "`since(inject)`"),
    ("fn:started", "`started(deadline)`"),
    ("fn:taken", "`taken(action)` (format 2)"),
    (
        "inject.attachment",
        "a text file shown with an inject (`attachment`)",
    ),
    (
        "inject.curveball",
        "an inject in the facilitator's curveball pool (format 2)",
    ),
    (
        "inject.from",
        "an inject sent by a character of the cast (`from`, format 2)",
    ),
    (
        "inject.hidden",
        "a facilitator-only inject (`hidden: true`, format 2)",
    ),
    (
        "inject.repeat",
        "a curveball that may be thrown again (`repeat: true`, format 2)",
    ),
    (
        "inject.teams",
        "an inject addressed to some teams (`teams`)",
    ),
    ("meta.objectives", "exercise objectives, rated at the end"),
    ("meta.sources", "public sources the scenario draws on"),
    (
        "metric.good_low",
        "a metric for which lower is better (`good: Low`)",
    ),
    (
        "metric.thresholds",
        "labelled bands of a metric (`thresholds`)",
    ),
    ("metric.weight", "a metric weighted in the score (`weight`)"),
    ("objective.tasks", "an objective's critical tasks (`tasks`)"),
    ("op:arithmetic", "`+ - * /` and unary minus"),
    ("op:comparison", "`== != < <= > >=`"),
    ("op:conditional", "`condition ? a : b`"),
    ("op:logic", "`&& || !`"),
    ("option.follow_up", "an option's `follow_up` injects"),
    ("option.outcomes", "an option's random `outcomes`"),
    (
        "option.recommended",
        "an option guidance recommends (`recommended: true`)",
    ),
    (
        "option.requires",
        "an option's `requires` condition (with `unavailable`)",
    ),
    ("outcome.follow_up", "an outcome's `follow_up` injects"),
    (
        "param.labels",
        "words shown for a choice parameter's choices (`labels`)",
    ),
    ("param:Bool", "a yes/no parameter (`kind: Bool`)"),
    ("param:Choice", "a choice parameter (`kind: Choice([...])`)"),
    (
        "param:Number",
        "a number parameter (`kind: Number(min:, max:)`)",
    ),
    ("phase", "the `phases:` section"),
    ("phase.estimate", "a phase's planned real time (`estimate`)"),
    (
        "phase.on_enter",
        "effects when a phase begins (`on_enter`, format 2)",
    ),
    ("phase.step", "a phase's own clock step (`step`)"),
    ("random_event", "the `random_events:` section"),
    (
        "random_event.repeat",
        "a random event that may happen again (`once: false`)",
    ),
    (
        "random_event.when",
        "a random event rolled only while a condition holds (`when`)",
    ),
    ("scoring.checks", "best-practice checks"),
    ("scoring.grades", "grade bands"),
    (
        "scoring.unscored",
        "an exercise with no score (`scoring: None` or `score: false`, format 2)",
    ),
    (
        "service",
        "the `services:` section: clinical services that depend on systems",
    ),
    (
        "start.expression",
        "a starting value or paper capacity written as an expression",
    ),
    (
        "system",
        "the `systems:` section: IT systems and their states",
    ),
    (
        "trigger:after_inject",
        "an inject fired after another (`after: \"inject\"`)",
    ),
    (
        "trigger:after_option",
        "an inject fired after an option (`after: \"decision.option\"`)",
    ),
    ("trigger:at", "an inject fired at a time (`at: \"2h\"`)"),
    (
        "trigger:at_phase",
        "an inject timed from a phase's start (`at: \"phase+2h\"`, format 2)",
    ),
    (
        "trigger:chance",
        "an inject that fires only with a probability (`chance`)",
    ),
    ("trigger:delay", "a wait after a trigger (`delay`)"),
    (
        "trigger:none",
        "an inject fired only by effects or follow-ups (no trigger)",
    ),
    (
        "trigger:unless",
        "a guard that prevents a due inject (`unless`)",
    ),
    (
        "trigger:when",
        "an inject fired when a condition becomes true (`when`)",
    ),
];

/// Whether `name` is a construct of [`CONSTRUCTS`].
pub fn is_construct(name: &str) -> bool {
    CONSTRUCTS.binary_search_by(|(n, _)| n.cmp(&name)).is_ok()
}

/// The construct an instruction stands for, if any (constants and plain jumps are parts
/// of other constructs). Exhaustive: a new [`Op`] must be mapped here.
pub fn op_construct(op: &Op) -> Option<&'static str> {
    Some(match op {
        Op::Const(_) | Op::Jump(_) => return None,
        Op::Metric(_) => "expr:metric",
        Op::Flag(_) => "expr:flag",
        Op::Counter(_) => "expr:counter",
        Op::Param(_) => "expr:parameter",
        Op::System(_) => "expr:system",
        Op::Service(_) => "expr:service",
        Op::Elapsed => "expr:elapsed",
        Op::Hour => "expr:hour",
        Op::Step => "expr:step",
        Op::Fired(_) => "fn:fired",
        Op::Since(_) => "fn:since",
        Op::Chosen(_, _) => "fn:chosen",
        Op::Decided(_) => "fn:chosen(decision)",
        Op::Pending(_) => "fn:pending",
        Op::DeadlineStarted(_) => "fn:started",
        Op::DeadlineMet(_) => "fn:met",
        Op::DeadlineMissed(_) => "fn:missed",
        Op::DeadlineActive(_) => "fn:active",
        Op::DeadlineRemaining(_) => "fn:remaining",
        Op::InPhase(_) => "fn:in_phase",
        Op::Taken(_) => "fn:taken",
        Op::Abs => "fn:abs",
        Op::Min => "fn:min",
        Op::Max => "fn:max",
        Op::Not | Op::AndJump(_) | Op::OrJump(_) => "op:logic",
        Op::Neg | Op::Add | Op::Sub | Op::Mul | Op::Div => "op:arithmetic",
        Op::Eq | Op::Ne | Op::Lt | Op::Le | Op::Gt | Op::Ge => "op:comparison",
        Op::JumpIfFalse(_) => "op:conditional",
    })
}

/// The construct of one compiled effect (not of the effects inside a conditional).
/// Exhaustive: a new [`Effect`] must be mapped here.
pub fn effect_construct(e: &Effect) -> &'static str {
    let assign = |op: &AssignOp| match op {
        AssignOp::Set => "effect:assign",
        AssignOp::Add => "effect:add",
        AssignOp::Sub => "effect:sub",
    };
    match e {
        Effect::Metric { op, .. } | Effect::Counter { op, .. } => assign(op),
        Effect::Flag { .. } => "effect:assign",
        Effect::System { .. } => "effect:system",
        Effect::Schedule { delay: None, .. } => "effect:schedule",
        Effect::Schedule { delay: Some(_), .. } => "effect:schedule_delay",
        Effect::Cancel { .. } => "effect:cancel",
        Effect::StartDeadline(_) => "effect:start",
        Effect::MeetDeadline(_) => "effect:meet",
        Effect::End(_) => "effect:end",
        Effect::If { .. } => "effect:if",
    }
}

/// Collects the constructs of compiled programs and effects.
#[derive(Default)]
struct Walk {
    out: BTreeSet<&'static str>,
}

impl Walk {
    fn add(&mut self, name: &'static str) {
        debug_assert!(is_construct(name), "`{name}` is not in CONSTRUCTS");
        self.out.insert(name);
    }

    fn program(&mut self, p: &Program) {
        for op in p.ops() {
            if let Some(n) = op_construct(op) {
                self.add(n);
            }
        }
    }

    fn opt_program(&mut self, p: &Option<Program>) {
        if let Some(p) = p {
            self.program(p);
        }
    }

    fn effects(&mut self, effects: &[Effect]) {
        let mut found = Vec::new();
        Effect::walk(effects, &mut |e| found.push(e));
        for e in found {
            self.add(effect_construct(e));
            match e {
                Effect::Metric { value, .. }
                | Effect::Counter { value, .. }
                | Effect::Flag { value, .. } => self.program(value),
                Effect::If {
                    cond, otherwise, ..
                } => {
                    self.program(cond);
                    if !otherwise.is_empty() {
                        self.add("effect:else");
                    }
                }
                _ => {}
            }
        }
    }

    fn outcomes(&mut self, outcomes: &[c::Outcome]) {
        for o in outcomes {
            self.opt_program(&o.chance);
            self.effects(&o.effects);
            if !o.follow_up.is_empty() {
                self.add("outcome.follow_up");
            }
        }
    }

    /// What the compiled scenario shows: expressions, effects and the compiled fields.
    fn compiled(&mut self, sc: &Scenario) {
        for p in &sc.phases {
            self.effects(&p.on_enter);
        }
        for x in &sc.metrics {
            self.program(&x.start);
        }
        for x in &sc.flags {
            self.program(&x.start);
        }
        for x in &sc.counters {
            self.program(&x.start);
        }
        for x in &sc.services {
            self.program(&x.paper);
        }
        for inj in &sc.injects {
            match &inj.trigger {
                Trigger::Manual if !inj.curveball => self.add("trigger:none"),
                Trigger::Manual => {}
                Trigger::At(_) => self.add("trigger:at"),
                Trigger::AfterInject(_) => self.add("trigger:after_inject"),
                Trigger::AfterOption(_, _) => self.add("trigger:after_option"),
                Trigger::When(p) => {
                    self.add("trigger:when");
                    self.program(p);
                }
            }
            if let Some(p) = &inj.chance {
                self.add("trigger:chance");
                self.program(p);
            }
            if let Some(p) = &inj.unless {
                self.add("trigger:unless");
                self.program(p);
            }
            self.effects(&inj.effects);
        }
        for d in &sc.decisions {
            for o in &d.options {
                self.opt_program(&o.requires);
                self.effects(&o.effects);
                self.outcomes(&o.outcomes);
            }
        }
        for a in &sc.actions {
            self.opt_program(&a.requires);
            self.effects(&a.effects);
            self.outcomes(&a.outcomes);
        }
        for d in &sc.deadlines {
            self.effects(&d.on_met);
            self.effects(&d.on_missed);
        }
        for r in &sc.random_events {
            self.program(&r.chance);
            self.opt_program(&r.when);
            self.effects(&r.effects);
        }
        for e in &sc.endings {
            self.opt_program(&e.when);
        }
        for ch in &sc.checks {
            self.program(&ch.when);
        }
    }

    /// What the authored model shows: sections and fields, some of which compiling erases.
    fn model(&mut self, f: &m::ScenarioFile) {
        let flag = |w: &mut Walk, cond: bool, name: &'static str| {
            if cond {
                w.add(name);
            }
        };
        let meta = &f.meta;
        flag(self, !meta.objectives.is_empty(), "meta.objectives");
        flag(self, !meta.sources.is_empty(), "meta.sources");
        let tasks = meta.objectives.iter().any(|o| !o.tasks.is_empty());
        flag(self, tasks, "objective.tasks");
        flag(self, !f.cast.is_empty(), "cast");
        flag(self, !f.phases.is_empty(), "phase");
        for p in &f.phases {
            flag(self, p.step.is_some(), "phase.step");
            flag(self, p.estimate.is_some(), "phase.estimate");
            flag(self, !p.on_enter.is_empty(), "phase.on_enter");
        }
        for p in &f.parameters {
            let kind = match &p.kind.value {
                ParamKind::Bool => "param:Bool",
                ParamKind::Choice(_) => "param:Choice",
                ParamKind::Number { .. } => "param:Number",
            };
            self.add(kind);
            flag(self, !p.labels.value.is_empty(), "param.labels");
        }
        let text = |l: &Literal| matches!(l, Literal::Text(_));
        for x in &f.metrics {
            flag(self, text(&x.start.value), "start.expression");
            flag(self, x.good == Good::Low, "metric.good_low");
            flag(self, !x.thresholds.is_empty(), "metric.thresholds");
            flag(self, x.weight.value != 0.0, "metric.weight");
        }
        for x in &f.flags {
            flag(self, text(&x.start.value), "start.expression");
        }
        flag(self, !f.counters.is_empty(), "counter");
        for x in &f.counters {
            flag(self, text(&x.start.value), "start.expression");
        }
        flag(self, !f.systems.is_empty(), "system");
        flag(self, !f.services.is_empty(), "service");
        for x in &f.services {
            flag(self, text(&x.paper.value), "start.expression");
        }
        for inj in &f.injects {
            let phase_time = inj
                .at
                .as_ref()
                .is_some_and(|at| super::time::split_phase_relative(&at.value).is_some());
            flag(self, phase_time, "trigger:at_phase");
            flag(self, inj.delay.is_some(), "trigger:delay");
            flag(self, !inj.teams.is_empty(), "inject.teams");
            flag(self, inj.from.is_some(), "inject.from");
            flag(self, inj.curveball.value, "inject.curveball");
            flag(self, inj.repeat.value, "inject.repeat");
            flag(self, inj.hidden.value, "inject.hidden");
            flag(self, inj.attachment.is_some(), "inject.attachment");
            let Some(d) = &inj.decision else { continue };
            self.add("decision");
            flag(self, d.order == OptionOrder::Fixed, "decision.order_fixed");
            flag(self, d.pick.is_some(), "decision.pick");
            if let Some(t) = &d.timeout {
                flag(self, t.real.is_some(), "decision.timeout_real");
                flag(self, t.scenario.is_some(), "decision.timeout_scenario");
            }
            for o in &d.options.value {
                flag(self, o.requires.is_some(), "option.requires");
                flag(self, !o.follow_up.is_empty(), "option.follow_up");
                flag(self, !o.outcomes.is_empty(), "option.outcomes");
                flag(self, o.recommended, "option.recommended");
            }
        }
        flag(self, !f.actions.value.is_empty(), "action");
        for a in &f.actions.value {
            flag(self, !a.teams.is_empty(), "action.teams");
            flag(self, a.requires.is_some(), "action.requires");
            flag(self, a.cooldown.is_some(), "action.cooldown");
            flag(self, a.max_uses.is_some(), "action.max_uses");
            flag(self, !a.follow_up.is_empty(), "action.follow_up");
            flag(self, !a.outcomes.is_empty(), "action.outcomes");
        }
        flag(self, !f.deadlines.is_empty(), "deadline");
        for d in &f.deadlines {
            flag(self, d.team.is_some(), "deadline.team");
            flag(self, d.kind == DeadlineKind::Threat, "deadline.threat");
            flag(self, !d.on_met.is_empty(), "deadline.on_met");
            flag(self, !d.on_missed.is_empty(), "deadline.on_missed");
        }
        flag(self, !f.random_events.is_empty(), "random_event");
        for r in &f.random_events {
            flag(self, !r.once, "random_event.repeat");
            flag(self, r.when.is_some(), "random_event.when");
        }
        for e in &f.endings {
            flag(self, e.when.is_some(), "ending.when");
            flag(self, e.default.value, "ending.default");
        }
        match &f.scoring.value {
            None => self.add("scoring.unscored"),
            Some(s) => {
                flag(self, !s.score.value, "scoring.unscored");
                flag(self, !s.grades.is_empty(), "scoring.grades");
                flag(self, !s.checks.is_empty(), "scoring.checks");
                for ch in &s.checks {
                    flag(self, ch.within.is_some(), "check.within");
                    flag(self, ch.from.is_some(), "check.from");
                    flag(self, ch.objective.is_some(), "check.objective");
                }
            }
        }
    }
}

/// The constructs of [`CONSTRUCTS`] a scenario uses, from its authored model `file` and
/// its compiled form `sc` (the same file, loaded).
pub fn used(file: &m::ScenarioFile, sc: &Scenario) -> BTreeSet<&'static str> {
    let mut w = Walk::default();
    w.model(file);
    w.compiled(sc);
    w.out
}
