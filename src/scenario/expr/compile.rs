//! Type-checks expressions and effects and resolves every name to an index.

use std::collections::HashMap;

use super::ast::{AssignOp, BinOp, Expr, ExprKind, Stmt, UnOp};
use super::vm::{Op, Program, STACK};
use super::{ExprError, ExprErrorKind};
use crate::scenario::model::SystemState;
use crate::scenario::source::Span;
use crate::scenario::time::Secs;

/// The type of an expression.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Type {
    /// true or false.
    Bool,
    /// A number.
    Num,
    /// A duration.
    Dur,
    /// A system state (a system, or a state name such as `down`).
    State,
    /// The value of a choice parameter (its index).
    Choice(u16),
    /// A string literal, only meaningful compared with a choice parameter.
    Str,
}

impl Type {
    /// How the type is named in messages.
    pub fn describe(self) -> &'static str {
        match self {
            Type::Bool => "a true/false value",
            Type::Num => "a number",
            Type::Dur => "a duration",
            Type::State => "a system state",
            Type::Choice(_) => "a choice",
            Type::Str => "a string",
        }
    }
}

/// What a bare name in an expression refers to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Name {
    /// A metric, by index.
    Metric(u16),
    /// A flag, by index.
    Flag(u16),
    /// A counter, by index.
    Counter(u16),
    /// A parameter, by index, with its type.
    Param(u16, ParamType),
    /// An IT system, by index.
    System(u16),
    /// A clinical service (its capacity), by index.
    Service(u16),
}

/// The type of a parameter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ParamType {
    /// yes/no.
    Bool,
    /// A number.
    Num,
    /// One of a list of strings.
    Choice,
}

/// Every name a scenario defines, for resolving expressions.
#[derive(Clone, Debug, Default)]
pub struct Symbols {
    /// Metrics, flags, counters, parameters, systems and services, which share one namespace.
    pub values: HashMap<String, Name>,
    /// Injects by id.
    pub injects: HashMap<String, u16>,
    /// Decisions by id.
    pub decisions: HashMap<String, u16>,
    /// For each decision, its options by id.
    pub options: Vec<HashMap<String, u16>>,
    /// Deadlines by id.
    pub deadlines: HashMap<String, u16>,
    /// Endings by id.
    pub endings: HashMap<String, u16>,
    /// Phases by id.
    pub phases: HashMap<String, u16>,
    /// For each parameter, its choices (empty unless it is a choice parameter).
    pub choices: Vec<Vec<String>>,
}

/// What the compiled effects and conditions touch, for the validator's lints.
#[derive(Clone, Debug, Default)]
pub struct Usage {
    /// Flags read by some condition or value.
    pub flags_read: Vec<bool>,
    /// Flags assigned by some effect.
    pub flags_set: Vec<bool>,
    /// Metrics changed by some effect.
    pub metrics_changed: Vec<bool>,
    /// Counters changed by some effect.
    pub counters_changed: Vec<bool>,
    /// Injects scheduled by some effect.
    pub injects_scheduled: Vec<bool>,
    /// Deadlines started by some effect.
    pub deadlines_started: Vec<bool>,
    /// Deadlines met by some effect.
    pub deadlines_met: Vec<bool>,
    /// Endings reached by some `end(...)` effect.
    pub endings_targeted: Vec<bool>,
    /// Systems whose state some effect changes.
    pub systems_changed: Vec<bool>,
}

impl Usage {
    /// An empty record sized for a scenario's symbols.
    pub fn new(
        flags: usize,
        metrics: usize,
        counters: usize,
        injects: usize,
        deadlines: usize,
        endings: usize,
        systems: usize,
    ) -> Self {
        Usage {
            flags_read: vec![false; flags],
            flags_set: vec![false; flags],
            metrics_changed: vec![false; metrics],
            counters_changed: vec![false; counters],
            injects_scheduled: vec![false; injects],
            deadlines_started: vec![false; deadlines],
            deadlines_met: vec![false; deadlines],
            endings_targeted: vec![false; endings],
            systems_changed: vec![false; systems],
        }
    }
}

fn mark(v: &mut [bool], i: u16) {
    if let Some(x) = v.get_mut(i as usize) {
        *x = true;
    }
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
}

const STATES: [(&str, SystemState); 6] = [
    ("up", SystemState::Up),
    ("degraded", SystemState::Degraded),
    ("down", SystemState::Down),
    ("isolated", SystemState::Isolated),
    ("restoring", SystemState::Restoring),
    ("restored", SystemState::Restored),
];

/// Words that cannot be used as ids because expressions give them a meaning.
pub const RESERVED: [&str; 14] = [
    "true",
    "false",
    "and",
    "or",
    "not",
    "elapsed",
    "hour",
    "step",
    "up",
    "degraded",
    "down",
    "isolated",
    "restoring",
    "restored",
];

/// Functions usable in conditions, with their argument kinds, for messages and docs.
pub const FUNCTIONS: [(&str, &str); 14] = [
    ("fired", "fired(inject): the inject has fired"),
    ("since", "since(inject): time since the inject fired"),
    ("chosen", "chosen(decision, option) or chosen(decision)"),
    (
        "pending",
        "pending(decision): the decision waits for a choice",
    ),
    ("started", "started(deadline)"),
    ("met", "met(deadline)"),
    ("missed", "missed(deadline)"),
    (
        "active",
        "active(deadline): started, neither met nor missed",
    ),
    (
        "remaining",
        "remaining(deadline): time left on a running deadline",
    ),
    ("in_phase", "in_phase(phase)"),
    ("min", "min(a, b)"),
    ("max", "max(a, b)"),
    ("abs", "abs(x)"),
    ("chance", "not a function: use an inject's `chance` field"),
];

/// Actions usable as effects, for messages and docs.
pub const ACTIONS: [&str; 6] = [
    "schedule(inject) or schedule(inject, delay)",
    "cancel(inject)",
    "start(deadline)",
    "meet(deadline)",
    "end(ending)",
    "name = value, name += value, name -= value",
];

/// The closest candidate to a misspelt name, if any is close enough.
pub fn did_you_mean<'a>(
    name: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<String> {
    // Ties go to the alphabetically first name, so the answer never depends on the order
    // in which candidates come (id tables are hash maps).
    let mut best: Option<(f64, &str)> = None;
    for c in candidates {
        let score = strsim::jaro_winkler(name, c);
        if score > 0.8 && best.is_none_or(|(s, b)| score > s || (score == s && c < b)) {
            best = Some((score, c));
        }
    }
    best.map(|(_, c)| c.to_string())
}

/// A one-argument function: what it takes, where to find it, what it compiles to, its type.
type Lookup<'s> = (&'static str, &'s HashMap<String, u16>, fn(u16) -> Op, Type);

struct Compiler<'a> {
    syms: &'a Symbols,
    usage: &'a mut Usage,
    ops: Vec<Op>,
    depth: usize,
    max_depth: usize,
}

/// Compiles a condition (which must be true/false).
pub fn compile_condition(
    e: &Expr,
    syms: &Symbols,
    usage: &mut Usage,
) -> Result<Program, ExprError> {
    compile_typed(e, Type::Bool, syms, usage)
}

/// Compiles an expression that must have the type `want`.
pub fn compile_typed(
    e: &Expr<'_>,
    want: Type,
    syms: &Symbols,
    usage: &mut Usage,
) -> Result<Program, ExprError> {
    let (prog, ty) = compile_expr(e, syms, usage)?;
    if ty != want {
        let mut err = type_error(
            e.span,
            format!("expected {}, found {}", want.describe(), ty.describe()),
            format!("this is {}", ty.describe()),
        );
        if want == Type::Bool && ty == Type::Num {
            err = err.with_help("compare it, e.g. `patient_safety < 40`");
        }
        return Err(err);
    }
    Ok(prog)
}

/// Compiles an expression of any type.
pub fn compile_expr(
    e: &Expr,
    syms: &Symbols,
    usage: &mut Usage,
) -> Result<(Program, Type), ExprError> {
    let mut c = Compiler {
        syms,
        usage,
        ops: Vec::new(),
        depth: 0,
        max_depth: 0,
    };
    let ty = c.expr(e)?;
    if ty == Type::Str {
        return Err(
            type_error(e.span, "a string on its own means nothing here", "a string").with_help(
                "strings are only compared with choice parameters, e.g. `staffing == \"low\"`",
            ),
        );
    }
    if c.max_depth > STACK {
        return Err(ExprError::new(
            ExprErrorKind::Limit,
            e.span,
            "expression too complex to evaluate",
            "too many nested operations",
        ));
    }
    Ok((Program::new(c.ops), ty))
}

fn type_error(span: Span, message: impl Into<String>, label: impl Into<String>) -> ExprError {
    ExprError::new(ExprErrorKind::Type, span, message, label)
}

impl Compiler<'_> {
    fn push(&mut self, op: Op) {
        self.ops.push(op);
    }

    fn grow(&mut self, n: isize) {
        self.depth = (self.depth as isize + n).max(0) as usize;
        self.max_depth = self.max_depth.max(self.depth);
    }

    fn leaf(&mut self, op: Op) {
        self.push(op);
        self.grow(1);
    }

    fn here(&self) -> u16 {
        self.ops.len() as u16
    }

    fn patch(&mut self, at: usize) {
        let target = self.here();
        match &mut self.ops[at] {
            Op::AndJump(t) | Op::OrJump(t) | Op::JumpIfFalse(t) | Op::Jump(t) => *t = target,
            _ => {}
        }
    }

    fn expr(&mut self, e: &Expr) -> Result<Type, ExprError> {
        match &e.kind {
            ExprKind::Num(n) => {
                self.leaf(Op::Const(*n));
                Ok(Type::Num)
            }
            ExprKind::Dur(d) => {
                self.leaf(Op::Const(*d as f64));
                Ok(Type::Dur)
            }
            ExprKind::Bool(v) => {
                self.leaf(Op::Const(if *v { 1.0 } else { 0.0 }));
                Ok(Type::Bool)
            }
            ExprKind::Str(_) => {
                // Only reached outside a comparison with a choice parameter.
                Ok(Type::Str)
            }
            ExprKind::Name(n) => self.name(n, e.span),
            ExprKind::Call {
                name,
                name_span,
                args,
            } => self.call(name, *name_span, args, e.span),
            ExprKind::Unary(op, inner) => {
                let ty = self.expr(inner)?;
                match (op, ty) {
                    (UnOp::Not, Type::Bool) => self.push(Op::Not),
                    (UnOp::Neg, Type::Num | Type::Dur) => self.push(Op::Neg),
                    (UnOp::Not, t) => {
                        return Err(type_error(
                            inner.span,
                            format!("`!` needs a true/false value, found {}", t.describe()),
                            t.describe(),
                        ));
                    }
                    (UnOp::Neg, t) => {
                        return Err(type_error(
                            inner.span,
                            format!("`-` needs a number or a duration, found {}", t.describe()),
                            t.describe(),
                        ));
                    }
                }
                Ok(ty)
            }
            ExprKind::Binary(op, l, r) => self.binary(*op, l, r, e.span),
            ExprKind::Cond(c, a, b) => {
                let ct = self.expr(c)?;
                if ct != Type::Bool {
                    return Err(type_error(
                        c.span,
                        format!(
                            "the condition before `?` must be true/false, found {}",
                            ct.describe()
                        ),
                        ct.describe(),
                    ));
                }
                let jf = self.ops.len();
                self.push(Op::JumpIfFalse(0));
                self.grow(-1);
                let at = self.expr(a)?;
                let jend = self.ops.len();
                self.push(Op::Jump(0));
                self.grow(-1);
                self.patch(jf);
                let bt = self.expr(b)?;
                self.patch(jend);
                if at != bt {
                    return Err(type_error(
                        b.span,
                        format!(
                            "both branches of `? :` must have the same type: {} and {}",
                            at.describe(),
                            bt.describe()
                        ),
                        bt.describe(),
                    ));
                }
                Ok(at)
            }
        }
    }

    fn name(&mut self, n: &str, span: Span) -> Result<Type, ExprError> {
        match n {
            "elapsed" => {
                self.leaf(Op::Elapsed);
                return Ok(Type::Dur);
            }
            "hour" => {
                self.leaf(Op::Hour);
                return Ok(Type::Num);
            }
            "step" => {
                self.leaf(Op::Step);
                return Ok(Type::Dur);
            }
            _ => {}
        }
        if let Some((_, st)) = STATES.iter().find(|(s, _)| *s == n) {
            self.leaf(Op::Const(*st as u8 as f64));
            return Ok(Type::State);
        }
        let Some(sym) = self.syms.values.get(n).copied() else {
            return Err(self.unknown_value(n, span));
        };
        Ok(match sym {
            Name::Metric(i) => {
                self.leaf(Op::Metric(i));
                Type::Num
            }
            Name::Flag(i) => {
                mark(&mut self.usage.flags_read, i);
                self.leaf(Op::Flag(i));
                Type::Bool
            }
            Name::Counter(i) => {
                self.leaf(Op::Counter(i));
                Type::Num
            }
            Name::Param(i, t) => {
                self.leaf(Op::Param(i));
                match t {
                    ParamType::Bool => Type::Bool,
                    ParamType::Num => Type::Num,
                    ParamType::Choice => Type::Choice(i),
                }
            }
            Name::System(i) => {
                self.leaf(Op::System(i));
                Type::State
            }
            Name::Service(i) => {
                self.leaf(Op::Service(i));
                Type::Num
            }
        })
    }

    fn unknown_value(&self, n: &str, span: Span) -> ExprError {
        let s = self.syms;
        let other = if s.injects.contains_key(n) {
            Some(format!(
                "`{n}` is an inject: write `fired({n})` to test whether it has fired"
            ))
        } else if s.decisions.contains_key(n) {
            Some(format!(
                "`{n}` is a decision: write `chosen({n}, option)` or `chosen({n})`"
            ))
        } else if s.deadlines.contains_key(n) {
            Some(format!(
                "`{n}` is a deadline: write `met({n})`, `missed({n})` or `active({n})`"
            ))
        } else if s.phases.contains_key(n) {
            Some(format!("`{n}` is a phase: write `in_phase({n})`"))
        } else if s.endings.contains_key(n) {
            Some(format!(
                "`{n}` is an ending; conditions cannot test endings"
            ))
        } else {
            None
        };
        let names = s
            .values
            .keys()
            .map(String::as_str)
            .chain(["elapsed", "hour", "step"])
            .chain(STATES.iter().map(|(n, _)| *n));
        let help = other.or_else(|| did_you_mean(n, names).map(|m| format!("did you mean `{m}`?")));
        let mut e = ExprError::new(
            ExprErrorKind::UnknownName,
            span,
            format!("unknown name `{n}`"),
            "not a metric, flag, counter, parameter, system or service of this scenario",
        );
        if let Some(h) = help {
            e = e.with_help(h);
        }
        e
    }

    fn arg_id(
        &self,
        args: &[Expr],
        i: usize,
        what: &str,
        table: &HashMap<String, u16>,
    ) -> Result<u16, ExprError> {
        let a = &args[i];
        let ExprKind::Name(n) = &a.kind else {
            return Err(type_error(
                a.span,
                format!("expected the id of {what}"),
                format!("not {what} id"),
            ));
        };
        table.get(*n).copied().ok_or_else(|| {
            let noun = what.trim_start_matches("an ").trim_start_matches("a ");
            let mut e = ExprError::new(
                ExprErrorKind::UnknownName,
                a.span,
                format!("unknown {noun} `{n}`"),
                format!("no {noun} has this id"),
            );
            if let Some(m) = did_you_mean(n, table.keys().map(String::as_str)) {
                e = e.with_help(format!("did you mean `{m}`?"));
            }
            e
        })
    }

    fn arity(&self, name: &str, args: &[Expr], span: Span, ok: &[usize]) -> Result<(), ExprError> {
        if ok.contains(&args.len()) {
            return Ok(());
        }
        let usage = FUNCTIONS
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, u)| *u)
            .unwrap_or(name);
        Err(type_error(
            span,
            format!("`{name}` takes {} argument(s), found {}", ok[0], args.len()),
            "wrong number of arguments",
        )
        .with_help(format!("usage: {usage}")))
    }

    fn call(
        &mut self,
        name: &str,
        name_span: Span,
        args: &[Expr],
        span: Span,
    ) -> Result<Type, ExprError> {
        let s = self.syms;
        let simple: Option<Lookup> = match name {
            "fired" => Some(("an inject", &s.injects, Op::Fired, Type::Bool)),
            "since" => Some(("an inject", &s.injects, Op::Since, Type::Dur)),
            "pending" => Some(("a decision", &s.decisions, Op::Pending, Type::Bool)),
            "started" => Some(("a deadline", &s.deadlines, Op::DeadlineStarted, Type::Bool)),
            "met" => Some(("a deadline", &s.deadlines, Op::DeadlineMet, Type::Bool)),
            "missed" => Some(("a deadline", &s.deadlines, Op::DeadlineMissed, Type::Bool)),
            "active" => Some(("a deadline", &s.deadlines, Op::DeadlineActive, Type::Bool)),
            "remaining" => Some(("a deadline", &s.deadlines, Op::DeadlineRemaining, Type::Dur)),
            "in_phase" => Some(("a phase", &s.phases, Op::InPhase, Type::Bool)),
            _ => None,
        };
        if let Some((what, table, op, ty)) = simple {
            self.arity(name, args, span, &[1])?;
            let i = self.arg_id(args, 0, what, table)?;
            self.leaf(op(i));
            return Ok(ty);
        }
        match name {
            "chosen" => {
                self.arity(name, args, span, &[1, 2])?;
                let d = self.arg_id(args, 0, "a decision", &s.decisions)?;
                if args.len() == 1 {
                    self.leaf(Op::Decided(d));
                } else {
                    let table = &s.options[d as usize];
                    let o = self.arg_id(args, 1, "an option of this decision", table)?;
                    self.leaf(Op::Chosen(d, o));
                }
                Ok(Type::Bool)
            }
            "min" | "max" => {
                self.arity(name, args, span, &[2])?;
                let a = self.expr(&args[0])?;
                let b = self.expr(&args[1])?;
                if a != b || !matches!(a, Type::Num | Type::Dur) {
                    return Err(type_error(
                        span,
                        format!("`{name}` needs two numbers or two durations"),
                        format!("{} and {}", a.describe(), b.describe()),
                    ));
                }
                self.push(if name == "min" { Op::Min } else { Op::Max });
                self.grow(-1);
                Ok(a)
            }
            "abs" => {
                self.arity(name, args, span, &[1])?;
                let a = self.expr(&args[0])?;
                if !matches!(a, Type::Num | Type::Dur) {
                    return Err(type_error(
                        args[0].span,
                        "`abs` needs a number or a duration",
                        a.describe(),
                    ));
                }
                self.push(Op::Abs);
                Ok(a)
            }
            _ => {
                let mut e = ExprError::new(
                    ExprErrorKind::UnknownName,
                    name_span,
                    format!("unknown function `{name}`"),
                    "not a function",
                );
                let names = FUNCTIONS.iter().map(|(n, _)| *n).filter(|n| *n != "chance");
                e = match did_you_mean(name, names) {
                    Some(m) => e.with_help(format!("did you mean `{m}`?")),
                    None => e.with_help(format!(
                        "functions: {}",
                        FUNCTIONS
                            .iter()
                            .filter(|(n, _)| *n != "chance")
                            .map(|(n, _)| *n)
                            .collect::<Vec<_>>()
                            .join(", ")
                    )),
                };
                if ["schedule", "cancel", "start", "meet", "end"].contains(&name) {
                    e = e.with_help(format!("`{name}(...)` is an effect, not a condition"));
                }
                Err(e)
            }
        }
    }

    fn binary(&mut self, op: BinOp, l: &Expr, r: &Expr, span: Span) -> Result<Type, ExprError> {
        match op {
            BinOp::And | BinOp::Or => {
                let lt = self.expr(l)?;
                self.expect_bool(lt, l, op)?;
                let at = self.ops.len();
                self.push(if op == BinOp::And {
                    Op::AndJump(0)
                } else {
                    Op::OrJump(0)
                });
                self.grow(-1);
                let rt = self.expr(r)?;
                self.expect_bool(rt, r, op)?;
                self.patch(at);
                Ok(Type::Bool)
            }
            BinOp::Eq | BinOp::Ne => {
                let (lt, rt) = self.operands_for_equality(l, r)?;
                let ok = lt == rt && lt != Type::Str;
                if !ok {
                    let mut e = type_error(
                        span,
                        format!(
                            "cannot compare {} with {} using `{}`",
                            lt.describe(),
                            rt.describe(),
                            op.symbol()
                        ),
                        "these do not have the same type",
                    );
                    if lt == Type::State || rt == Type::State {
                        e = e.with_help("system states are up, degraded, down, isolated, restoring and restored, e.g. `ehr == down`");
                    } else if lt == Type::Num && rt == Type::Dur
                        || lt == Type::Dur && rt == Type::Num
                    {
                        e = e.with_help("write durations with a unit, e.g. `elapsed >= 1h`");
                    }
                    return Err(e);
                }
                self.push(if op == BinOp::Eq { Op::Eq } else { Op::Ne });
                self.grow(-1);
                Ok(Type::Bool)
            }
            BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge => {
                let lt = self.expr(l)?;
                let rt = self.expr(r)?;
                if lt != rt || !matches!(lt, Type::Num | Type::Dur) {
                    let mut e = type_error(
                        span,
                        format!(
                            "cannot order {} and {} with `{}`",
                            lt.describe(),
                            rt.describe(),
                            op.symbol()
                        ),
                        "these cannot be compared",
                    );
                    if matches!((lt, rt), (Type::Num, Type::Dur) | (Type::Dur, Type::Num)) {
                        e = e.with_help("write durations with a unit, e.g. `elapsed >= 1h`");
                    }
                    return Err(e);
                }
                self.push(match op {
                    BinOp::Lt => Op::Lt,
                    BinOp::Le => Op::Le,
                    BinOp::Gt => Op::Gt,
                    _ => Op::Ge,
                });
                self.grow(-1);
                Ok(Type::Bool)
            }
            BinOp::Add | BinOp::Sub | BinOp::Mul | BinOp::Div => {
                let lt = self.expr(l)?;
                let rt = self.expr(r)?;
                let ty = match (op, lt, rt) {
                    (_, Type::Num, Type::Num) => Some(Type::Num),
                    (BinOp::Add | BinOp::Sub, Type::Dur, Type::Dur) => Some(Type::Dur),
                    (BinOp::Mul, Type::Dur, Type::Num) | (BinOp::Mul, Type::Num, Type::Dur) => {
                        Some(Type::Dur)
                    }
                    (BinOp::Div, Type::Dur, Type::Num) => Some(Type::Dur),
                    (BinOp::Div, Type::Dur, Type::Dur) => Some(Type::Num),
                    _ => None,
                };
                let Some(ty) = ty else {
                    return Err(type_error(
                        span,
                        format!(
                            "cannot apply `{}` to {} and {}",
                            op.symbol(),
                            lt.describe(),
                            rt.describe()
                        ),
                        "arithmetic needs numbers or durations",
                    ));
                };
                self.push(match op {
                    BinOp::Add => Op::Add,
                    BinOp::Sub => Op::Sub,
                    BinOp::Mul => Op::Mul,
                    _ => Op::Div,
                });
                self.grow(-1);
                Ok(ty)
            }
        }
    }

    fn expect_bool(&self, t: Type, e: &Expr, op: BinOp) -> Result<(), ExprError> {
        if t == Type::Bool {
            return Ok(());
        }
        let mut err = type_error(
            e.span,
            format!(
                "`{}` needs true/false values, found {}",
                op.symbol(),
                t.describe()
            ),
            t.describe(),
        );
        if t == Type::Num {
            err = err.with_help("compare the number, e.g. `patient_safety < 40`");
        }
        Err(err)
    }

    /// Compiles both sides of `==`/`!=`, resolving a string literal against a choice parameter.
    fn operands_for_equality(&mut self, l: &Expr, r: &Expr) -> Result<(Type, Type), ExprError> {
        let lt = self.expr(l)?;
        if let (Type::Choice(p), ExprKind::Str(s)) = (lt, &r.kind) {
            let idx = self.choice_index(p, s, r.span)?;
            self.leaf(Op::Const(idx as f64));
            return Ok((lt, lt));
        }
        let rt = self.expr(r)?;
        if let (Type::Choice(p), ExprKind::Str(s)) = (rt, &l.kind) {
            let idx = self.choice_index(p, s, l.span)?;
            self.leaf(Op::Const(idx as f64));
            return Ok((rt, rt));
        }
        Ok((lt, rt))
    }

    fn choice_index(&self, p: u16, s: &str, span: Span) -> Result<usize, ExprError> {
        let choices = &self.syms.choices[p as usize];
        choices.iter().position(|c| c == s).ok_or_else(|| {
            let list = choices
                .iter()
                .map(|c| format!("\"{c}\""))
                .collect::<Vec<_>>()
                .join(", ");
            let mut e = type_error(
                span,
                format!("\"{s}\" is not one of this parameter's choices"),
                "not a choice",
            );
            e = match did_you_mean(s, choices.iter().map(String::as_str)) {
                Some(m) => e.with_help(format!("did you mean \"{m}\"? the choices are {list}")),
                None => e.with_help(format!("the choices are {list}")),
            };
            e
        })
    }
}

/// Compiles effect statements.
pub fn compile_effects(
    stmts: &[Stmt],
    syms: &Symbols,
    usage: &mut Usage,
) -> Result<Vec<Effect>, ExprError> {
    stmts.iter().map(|s| compile_stmt(s, syms, usage)).collect()
}

fn compile_stmt(stmt: &Stmt<'_>, syms: &Symbols, usage: &mut Usage) -> Result<Effect, ExprError> {
    match stmt {
        Stmt::Assign {
            target,
            target_span,
            op,
            value,
            ..
        } => {
            let Some(sym) = syms.values.get(*target).copied() else {
                let mut e = ExprError::new(
                    ExprErrorKind::UnknownName,
                    *target_span,
                    format!("unknown name `{target}`"),
                    "not a metric, flag, counter or system of this scenario",
                );
                if let Some(m) = did_you_mean(target, syms.values.keys().map(String::as_str)) {
                    e = e.with_help(format!("did you mean `{m}`?"));
                }
                return Err(e);
            };
            let not_here = |what: &str| {
                type_error(
                    *target_span,
                    format!("`{target}` is {what}; effects cannot change it"),
                    "cannot be assigned",
                )
            };
            match sym {
                Name::Metric(i) => {
                    mark(&mut usage.metrics_changed, i);
                    let value = compile_typed(value, Type::Num, syms, usage)?;
                    Ok(Effect::Metric {
                        metric: i,
                        op: *op,
                        value,
                    })
                }
                Name::Counter(i) => {
                    mark(&mut usage.counters_changed, i);
                    let value = compile_typed(value, Type::Num, syms, usage)?;
                    Ok(Effect::Counter {
                        counter: i,
                        op: *op,
                        value,
                    })
                }
                Name::Flag(i) => {
                    if *op != AssignOp::Set {
                        return Err(type_error(
                            *target_span,
                            format!("`{target}` is a flag; use `=`, not `+=` or `-=`"),
                            "a flag",
                        )
                        .with_help(format!("write `{target} = true` or `{target} = false`")));
                    }
                    mark(&mut usage.flags_set, i);
                    let value = compile_typed(value, Type::Bool, syms, usage)?;
                    Ok(Effect::Flag { flag: i, value })
                }
                Name::System(i) => {
                    let state = match (&value.kind, op) {
                        (ExprKind::Name(n), AssignOp::Set) => {
                            STATES.iter().find(|(s, _)| s == n).map(|(_, st)| *st)
                        }
                        _ => None,
                    };
                    let Some(state) = state else {
                        return Err(type_error(
                            value.span,
                            format!("`{target}` is a system; it can only be set to a state"),
                            "not a system state",
                        )
                        .with_help(format!(
                            "write `{target} = down` (states: up, degraded, down, isolated, restoring, restored)"
                        )));
                    };
                    mark(&mut usage.systems_changed, i);
                    Ok(Effect::System { system: i, state })
                }
                Name::Param(..) => Err(not_here("a parameter, set at the briefing")),
                Name::Service(..) => Err(not_here(
                    "a service; its capacity follows from its systems' states",
                )),
            }
        }
        Stmt::Action {
            name,
            name_span,
            args,
            span,
        } => {
            let one_id =
                |what: &str, table: &HashMap<String, u16>, max: usize| -> Result<u16, ExprError> {
                    if args.is_empty() || args.len() > max {
                        return Err(type_error(
                            *span,
                            format!("`{name}` takes the id of {what}"),
                            "wrong number of arguments",
                        ));
                    }
                    let a = &args[0];
                    let ExprKind::Name(n) = &a.kind else {
                        return Err(type_error(
                            a.span,
                            format!("expected the id of {what}"),
                            "not an id",
                        ));
                    };
                    table.get(*n).copied().ok_or_else(|| {
                        let noun = what.trim_start_matches("an ").trim_start_matches("a ");
                        let mut e = ExprError::new(
                            ExprErrorKind::UnknownName,
                            a.span,
                            format!("unknown {noun} `{n}`"),
                            format!("no {noun} has this id"),
                        );
                        if let Some(m) = did_you_mean(n, table.keys().map(String::as_str)) {
                            e = e.with_help(format!("did you mean `{m}`?"));
                        }
                        e
                    })
                };
            match *name {
                "schedule" => {
                    let inject = one_id("an inject", &syms.injects, 2)?;
                    let delay = match args.get(1) {
                        None => None,
                        Some(Expr {
                            kind: ExprKind::Dur(d),
                            ..
                        }) => Some(*d),
                        Some(Expr {
                            kind: ExprKind::Num(n),
                            ..
                        }) if *n == 0.0 => Some(0),
                        Some(a) => {
                            return Err(type_error(
                                a.span,
                                "the delay must be a duration such as `30m`",
                                "not a duration",
                            ));
                        }
                    };
                    mark(&mut usage.injects_scheduled, inject);
                    Ok(Effect::Schedule { inject, delay })
                }
                "cancel" => Ok(Effect::Cancel {
                    inject: one_id("an inject", &syms.injects, 1)?,
                }),
                "start" => {
                    let d = one_id("a deadline", &syms.deadlines, 1)?;
                    mark(&mut usage.deadlines_started, d);
                    Ok(Effect::StartDeadline(d))
                }
                "meet" => {
                    let d = one_id("a deadline", &syms.deadlines, 1)?;
                    mark(&mut usage.deadlines_met, d);
                    Ok(Effect::MeetDeadline(d))
                }
                "end" => {
                    let e = one_id("an ending", &syms.endings, 1)?;
                    mark(&mut usage.endings_targeted, e);
                    Ok(Effect::End(e))
                }
                _ => {
                    let mut e = ExprError::new(
                        ExprErrorKind::UnknownName,
                        *name_span,
                        format!("unknown effect `{name}(...)`"),
                        "not an effect",
                    );
                    let known = ["schedule", "cancel", "start", "meet", "end"];
                    e = match did_you_mean(name, known) {
                        Some(m) => e.with_help(format!("did you mean `{m}`?")),
                        None => e.with_help(format!("effects: {}", ACTIONS.join("; "))),
                    };
                    Err(e)
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::parse::{parse_effects, parse_expr};
    use super::super::vm::{DeadlineStatus, Env};
    use super::*;

    fn syms() -> Symbols {
        let mut s = Symbols::default();
        s.values.insert("safety".into(), Name::Metric(0));
        s.values.insert("isolated_net".into(), Name::Flag(0));
        s.values.insert("transfers".into(), Name::Counter(0));
        s.values
            .insert("staffing".into(), Name::Param(0, ParamType::Choice));
        s.values.insert("ehr".into(), Name::System(0));
        s.values.insert("icu".into(), Name::Service(0));
        s.choices = vec![vec!["low".into(), "normal".into()]];
        s.injects.insert("alert".into(), 0);
        s.decisions.insert("ransom".into(), 0);
        s.options = vec![[("pay".to_string(), 0u16), ("refuse".to_string(), 1)].into()];
        s.deadlines.insert("gdpr".into(), 0);
        s.endings.insert("contained".into(), 0);
        s.phases.insert("night".into(), 0);
        s
    }

    struct E;
    impl Env for E {
        fn metric(&self, _: u16) -> f64 {
            35.0
        }
        fn flag(&self, _: u16) -> bool {
            false
        }
        fn counter(&self, _: u16) -> f64 {
            3.0
        }
        fn param(&self, _: u16) -> f64 {
            0.0
        }
        fn system(&self, _: u16) -> SystemState {
            SystemState::Down
        }
        fn service(&self, _: u16) -> f64 {
            60.0
        }
        fn elapsed(&self) -> Secs {
            5400
        }
        fn hour(&self) -> f64 {
            22.0
        }
        fn step(&self) -> Secs {
            900
        }
        fn fired_at(&self, _: u16) -> Option<Secs> {
            Some(1800)
        }
        fn chosen(&self, _: u16) -> Option<u16> {
            Some(1)
        }
        fn pending(&self, _: u16) -> bool {
            false
        }
        fn deadline(&self, _: u16) -> DeadlineStatus {
            DeadlineStatus {
                started: true,
                remaining: Some(100),
                ..Default::default()
            }
        }
        fn phase(&self) -> u16 {
            0
        }
    }

    fn eval(src: &str) -> f64 {
        let s = syms();
        let mut u = Usage::new(1, 1, 1, 1, 1, 1, 1);
        let (p, _) = compile_expr(&parse_expr(src).unwrap(), &s, &mut u).unwrap();
        p.eval(&E)
    }

    fn err(src: &str) -> ExprError {
        let s = syms();
        let mut u = Usage::new(1, 1, 1, 1, 1, 1, 1);
        compile_condition(&parse_expr(src).unwrap(), &s, &mut u).unwrap_err()
    }

    #[test]
    fn conditions_evaluate() {
        assert_eq!(eval("safety < 40 && !isolated_net"), 1.0);
        assert_eq!(eval("safety < 40 && isolated_net"), 0.0);
        assert_eq!(eval("isolated_net || transfers >= 3"), 1.0);
        assert_eq!(eval("ehr == down && ehr != up"), 1.0);
        assert_eq!(eval("staffing == \"low\""), 1.0);
        assert_eq!(eval("\"normal\" == staffing"), 0.0);
        assert_eq!(eval("elapsed >= 1h30m"), 1.0);
        assert_eq!(eval("since(alert) == 1h"), 1.0);
        assert_eq!(
            eval("chosen(ransom, refuse) && !chosen(ransom, pay) && chosen(ransom)"),
            1.0
        );
        assert_eq!(
            eval("active(gdpr) && remaining(gdpr) < 2m && !met(gdpr)"),
            1.0
        );
        assert_eq!(eval("in_phase(night) && hour >= 22"), 1.0);
        assert_eq!(eval("transfers > 2 ? 0.7 : 0.3"), 0.7);
        assert_eq!(eval("min(safety, icu) + max(1, 2) * abs(-2)"), 39.0);
        assert_eq!(eval("safety / 0"), 0.0);
        assert_eq!(eval("(elapsed / 30m)"), 3.0);
    }

    #[test]
    fn type_errors_are_explained() {
        assert!(err("safety").help.unwrap().contains("compare"));
        assert!(err("elapsed > 3").help.unwrap().contains("unit"));
        assert!(err("ehr == 3").help.unwrap().contains("states"));
        assert!(
            err("staffing == \"lo\"")
                .help
                .unwrap()
                .contains("did you mean \"low\"")
        );
        assert_eq!(err("safty < 3").help.unwrap(), "did you mean `safety`?");
        assert!(err("alert").help.unwrap().contains("fired(alert)"));
        assert!(err("fired(alrt)").help.unwrap().contains("`alert`"));
        assert!(err("chosen(ransom, payy)").help.unwrap().contains("`pay`"));
        assert!(err("fird(alert)").help.unwrap().contains("`fired`"));
        assert_eq!(err("isolated_net && 3").kind, ExprErrorKind::Type);
        assert_eq!(err("\"x\"").kind, ExprErrorKind::Type);
        assert_eq!(err("true ? 1 : 1h").kind, ExprErrorKind::Type);
    }

    #[test]
    fn effects_compile_and_record_usage() {
        let s = syms();
        let mut u = Usage::new(1, 1, 1, 1, 1, 1, 1);
        let e = compile_effects(
            &parse_effects("safety -= 10; isolated_net = true; ehr = isolated; schedule(alert, 30m); start(gdpr); end(contained); transfers += 3").unwrap(),
            &s,
            &mut u,
        )
        .unwrap();
        assert_eq!(e.len(), 7);
        assert_eq!(
            e[2],
            Effect::System {
                system: 0,
                state: SystemState::Isolated
            }
        );
        assert_eq!(
            e[3],
            Effect::Schedule {
                inject: 0,
                delay: Some(1800)
            }
        );
        assert!(u.flags_set[0] && u.metrics_changed[0] && u.injects_scheduled[0]);
        assert!(u.deadlines_started[0] && u.endings_targeted[0] && u.counters_changed[0]);
        assert!(!u.flags_read[0]);
        let mut bad =
            |src: &str| compile_effects(&parse_effects(src).unwrap(), &s, &mut u).unwrap_err();
        assert!(bad("isolated_net += 1").help.unwrap().contains("= true"));
        assert!(bad("ehr = 3").help.unwrap().contains("states"));
        assert!(bad("icu = 3").message.contains("service"));
        assert!(bad("staffing = 3").message.contains("parameter"));
        assert!(bad("schedul(alert)").help.unwrap().contains("schedule"));
        assert!(bad("schedule(alert, 3)").message.contains("duration"));
        assert!(
            bad("safety = isolated_net")
                .message
                .contains("expected a number")
        );
    }
}
