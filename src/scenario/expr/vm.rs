//! A small stack machine that evaluates compiled expressions against the exercise state.
//!
//! Every value is an `f64`: booleans are 0 or 1, durations are seconds, system states and
//! parameter choices are their index. Undefined durations (e.g. `since(x)` before `x`
//! fires) are NaN, so that every comparison with them is false.

use crate::scenario::model::SystemState;
use crate::scenario::time::Secs;

/// One instruction of a compiled expression.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Op {
    /// Push a constant.
    Const(f64),
    /// Push a metric's value.
    Metric(u16),
    /// Push a flag (0 or 1).
    Flag(u16),
    /// Push a counter's value.
    Counter(u16),
    /// Push a parameter's value (choice parameters push the choice's index).
    Param(u16),
    /// Push a system's state index.
    System(u16),
    /// Push a service's capacity (0 to 100).
    Service(u16),
    /// Push the scenario time elapsed since the start, in seconds.
    Elapsed,
    /// Push the hour of day on the scenario clock (0 to 23).
    Hour,
    /// Push the current phase's clock step, in seconds.
    Step,
    /// Push whether an inject has fired.
    Fired(u16),
    /// Push the seconds since an inject fired (NaN if it has not).
    Since(u16),
    /// Push whether a decision's option was chosen.
    Chosen(u16, u16),
    /// Push whether a decision has been decided.
    Decided(u16),
    /// Push whether a decision is open and waiting.
    Pending(u16),
    /// Push whether a deadline has started.
    DeadlineStarted(u16),
    /// Push whether a deadline was met.
    DeadlineMet(u16),
    /// Push whether a deadline was missed.
    DeadlineMissed(u16),
    /// Push whether a deadline is running (started, neither met nor missed).
    DeadlineActive(u16),
    /// Push a running deadline's remaining seconds (NaN otherwise).
    DeadlineRemaining(u16),
    /// Push whether the given phase is the current one.
    InPhase(u16),
    /// Push how many times an action has been taken.
    Taken(u16),
    /// Logical not.
    Not,
    /// Arithmetic negation.
    Neg,
    /// Absolute value.
    Abs,
    /// Addition.
    Add,
    /// Subtraction.
    Sub,
    /// Multiplication.
    Mul,
    /// Division (by zero gives 0).
    Div,
    /// Smaller of two.
    Min,
    /// Larger of two.
    Max,
    /// Equality.
    Eq,
    /// Inequality.
    Ne,
    /// Less than.
    Lt,
    /// Less than or equal.
    Le,
    /// Greater than.
    Gt,
    /// Greater than or equal.
    Ge,
    /// If the top is false, jump to the target keeping it; else pop it (for `&&`).
    AndJump(u16),
    /// If the top is true, jump to the target keeping it; else pop it (for `||`).
    OrJump(u16),
    /// Pop; if false, jump to the target.
    JumpIfFalse(u16),
    /// Jump to the target.
    Jump(u16),
}

/// What a compiled expression can read. The engine's state implements it.
pub trait Env {
    /// A metric's current value.
    fn metric(&self, i: u16) -> f64;
    /// A flag's current value.
    fn flag(&self, i: u16) -> bool;
    /// A counter's current value.
    fn counter(&self, i: u16) -> f64;
    /// A parameter's value (a choice's index for choice parameters).
    fn param(&self, i: u16) -> f64;
    /// A system's current state.
    fn system(&self, i: u16) -> SystemState;
    /// A service's current capacity, 0 to 100.
    fn service(&self, i: u16) -> f64;
    /// Scenario seconds since the start.
    fn elapsed(&self) -> Secs;
    /// Hour of day on the scenario clock.
    fn hour(&self) -> f64;
    /// The current phase's clock step, in seconds.
    fn step(&self) -> Secs;
    /// When an inject fired, if it has.
    fn fired_at(&self, i: u16) -> Option<Secs>;
    /// Whether a decision was taken with option `o` (among the options picked).
    fn chose(&self, d: u16, o: u16) -> bool;
    /// Whether a decision was taken.
    fn decided(&self, d: u16) -> bool;
    /// Whether a decision is open and waiting for a choice.
    fn pending(&self, d: u16) -> bool;
    /// A deadline's status.
    fn deadline(&self, i: u16) -> DeadlineStatus;
    /// The index of the current phase.
    fn phase(&self) -> u16;
    /// How many times an action has been taken.
    fn taken(&self, a: u16) -> u32;
}

/// The status of a deadline as expressions see it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DeadlineStatus {
    /// Started at some point.
    pub started: bool,
    /// Met before it ran out.
    pub met: bool,
    /// Ran out before being met.
    pub missed: bool,
    /// Seconds left while it runs.
    pub remaining: Option<Secs>,
}

/// A compiled expression: instructions in postfix order.
#[derive(Clone, Debug, PartialEq)]
pub struct Program {
    ops: Box<[Op]>,
    /// Deepest stack the program needs.
    depth: u8,
    /// What parts of the state it reads ([`reads`] bits).
    reads: u16,
}

/// Bits of [`Program::reads`]: the parts of the state a program depends on. The engine
/// re-evaluates a condition only when one of the parts it reads has changed.
pub mod reads {
    /// Metric values.
    pub const METRICS: u16 = 1;
    /// Flag values.
    pub const FLAGS: u16 = 1 << 1;
    /// Counter values.
    pub const COUNTERS: u16 = 1 << 2;
    /// System states.
    pub const SYSTEMS: u16 = 1 << 3;
    /// Service capacities.
    pub const SERVICES: u16 = 1 << 4;
    /// The scenario clock.
    pub const TIME: u16 = 1 << 5;
    /// Which injects have fired.
    pub const INJECTS: u16 = 1 << 6;
    /// Decisions: open, taken.
    pub const DECISIONS: u16 = 1 << 7;
    /// Deadlines.
    pub const DEADLINES: u16 = 1 << 8;
    /// The current phase.
    pub const PHASE: u16 = 1 << 9;
    /// The start of the exercise: every program reads it, so constants and parameters are
    /// evaluated once.
    pub const START: u16 = 1 << 10;
    /// Actions taken.
    pub const ACTIONS: u16 = 1 << 11;
    /// Everything.
    pub const ALL: u16 = u16::MAX;
}

/// Stack size of the machine; the compiler refuses deeper programs.
pub const STACK: usize = 64;

fn b(x: bool) -> f64 {
    if x { 1.0 } else { 0.0 }
}

impl Program {
    /// Wraps a copy of instructions produced by the compiler, which keeps its buffer.
    pub(crate) fn from_ops(ops: &[Op]) -> Self {
        let mut depth: i32 = 0;
        let mut max = 0;
        for op in ops {
            depth += match op {
                Op::Not | Op::Neg | Op::Abs | Op::Jump(_) => 0,
                Op::AndJump(_) | Op::OrJump(_) | Op::JumpIfFalse(_) => -1,
                Op::Add
                | Op::Sub
                | Op::Mul
                | Op::Div
                | Op::Min
                | Op::Max
                | Op::Eq
                | Op::Ne
                | Op::Lt
                | Op::Le
                | Op::Gt
                | Op::Ge => -1,
                _ => 1,
            };
            max = max.max(depth);
        }
        let reads = ops.iter().fold(reads::START, |acc, op| {
            acc | match op {
                Op::Metric(_) => reads::METRICS,
                Op::Flag(_) => reads::FLAGS,
                Op::Counter(_) => reads::COUNTERS,
                Op::System(_) => reads::SYSTEMS,
                Op::Service(_) => reads::SERVICES,
                Op::Elapsed | Op::Hour => reads::TIME,
                Op::Step => reads::PHASE,
                Op::Fired(_) => reads::INJECTS,
                Op::Since(_) => reads::INJECTS | reads::TIME,
                Op::Chosen(..) | Op::Decided(_) | Op::Pending(_) => reads::DECISIONS,
                Op::DeadlineStarted(_)
                | Op::DeadlineMet(_)
                | Op::DeadlineMissed(_)
                | Op::DeadlineActive(_) => reads::DEADLINES,
                Op::DeadlineRemaining(_) => reads::DEADLINES | reads::TIME,
                Op::InPhase(_) => reads::PHASE,
                Op::Taken(_) => reads::ACTIONS,
                _ => 0,
            }
        });
        Program {
            ops: ops.into(),
            depth: max.clamp(1, STACK as i32) as u8,
            reads,
        }
    }

    /// The parts of the state the program reads ([`reads`] bits; always [`reads::START`]).
    pub fn reads(&self) -> u16 {
        self.reads
    }

    /// A program that always gives `value`.
    pub fn new_const(value: f64) -> Self {
        Program::from_ops(&[Op::Const(value)])
    }

    /// The instructions.
    pub fn ops(&self) -> &[Op] {
        &self.ops
    }

    /// The value if the program is a single constant.
    pub fn constant(&self) -> Option<f64> {
        match *self.ops {
            [Op::Const(c)] => Some(c),
            _ => None,
        }
    }

    /// Evaluates as a condition.
    pub fn truth<E: Env>(&self, env: &E) -> bool {
        self.eval(env) != 0.0
    }

    /// Evaluates to a value.
    pub fn eval<E: Env>(&self, env: &E) -> f64 {
        match *self.ops {
            [op] => leaf(op, env),
            // Most conditions need a few slots: a small stack is cheaper to set up.
            _ if self.depth <= 8 => self.run::<E, 8>(env),
            _ => self.run::<E, STACK>(env),
        }
    }

    fn run<E: Env, const N: usize>(&self, env: &E) -> f64 {
        let mut stack = [0.0f64; N];
        let mut sp = 0usize;
        let mut pc = 0usize;
        let ops = &*self.ops;
        while pc < ops.len() {
            let op = ops[pc];
            pc += 1;
            match op {
                Op::Not => stack[sp - 1] = b(stack[sp - 1] == 0.0),
                Op::Neg => stack[sp - 1] = -stack[sp - 1],
                Op::Abs => stack[sp - 1] = stack[sp - 1].abs(),
                Op::Add
                | Op::Sub
                | Op::Mul
                | Op::Div
                | Op::Min
                | Op::Max
                | Op::Eq
                | Op::Ne
                | Op::Lt
                | Op::Le
                | Op::Gt
                | Op::Ge => {
                    sp -= 1;
                    let (l, r) = (stack[sp - 1], stack[sp]);
                    stack[sp - 1] = match op {
                        Op::Add => l + r,
                        Op::Sub => l - r,
                        Op::Mul => l * r,
                        Op::Div => {
                            if r == 0.0 {
                                0.0
                            } else {
                                l / r
                            }
                        }
                        Op::Min => l.min(r),
                        Op::Max => l.max(r),
                        Op::Eq => b(l == r),
                        Op::Ne => b(l != r),
                        Op::Lt => b(l < r),
                        Op::Le => b(l <= r),
                        Op::Gt => b(l > r),
                        _ => b(l >= r),
                    };
                }
                Op::AndJump(t) => {
                    if stack[sp - 1] == 0.0 {
                        pc = t as usize;
                    } else {
                        sp -= 1;
                    }
                }
                Op::OrJump(t) => {
                    if stack[sp - 1] != 0.0 {
                        pc = t as usize;
                    } else {
                        sp -= 1;
                    }
                }
                Op::JumpIfFalse(t) => {
                    sp -= 1;
                    if stack[sp] == 0.0 {
                        pc = t as usize;
                    }
                }
                Op::Jump(t) => pc = t as usize,
                leaf_op => {
                    stack[sp] = leaf(leaf_op, env);
                    sp += 1;
                }
            }
        }
        if sp == 0 { 0.0 } else { stack[sp - 1] }
    }
}

#[inline]
fn leaf<E: Env>(op: Op, env: &E) -> f64 {
    match op {
        Op::Const(c) => c,
        Op::Metric(i) => env.metric(i),
        Op::Flag(i) => b(env.flag(i)),
        Op::Counter(i) => env.counter(i),
        Op::Param(i) => env.param(i),
        Op::System(i) => env.system(i) as u8 as f64,
        Op::Service(i) => env.service(i),
        Op::Elapsed => env.elapsed() as f64,
        Op::Hour => env.hour(),
        Op::Step => env.step() as f64,
        Op::Fired(i) => b(env.fired_at(i).is_some()),
        Op::Since(i) => env
            .fired_at(i)
            .map(|t| (env.elapsed() - t) as f64)
            .unwrap_or(f64::NAN),
        Op::Chosen(d, o) => b(env.chose(d, o)),
        Op::Decided(d) => b(env.decided(d)),
        Op::Pending(d) => b(env.pending(d)),
        Op::DeadlineStarted(i) => b(env.deadline(i).started),
        Op::DeadlineMet(i) => b(env.deadline(i).met),
        Op::DeadlineMissed(i) => b(env.deadline(i).missed),
        Op::DeadlineActive(i) => b(env.deadline(i).remaining.is_some()),
        Op::DeadlineRemaining(i) => env
            .deadline(i)
            .remaining
            .map(|r| r as f64)
            .unwrap_or(f64::NAN),
        Op::InPhase(p) => b(env.phase() == p),
        Op::Taken(a) => f64::from(env.taken(a)),
        // Operators never reach here: `eval` handles them; a lone operator is not a program.
        _ => f64::NAN,
    }
}
