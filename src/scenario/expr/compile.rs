//! Compiles expressions and effects to bytecode in one pass: the grammar ([`super::parse`])
//! reads tokens and calls this module, which checks types, resolves every name to an index
//! and emits [`Op`]s as it goes. There is no syntax tree.
//!
//! Errors come in a fixed order of precedence, whatever their position: a character that
//! does not belong to the language, then the first grammar error, then the first type or
//! name error. Type and name errors are recorded and the text is read to its end, so that a
//! grammar error further on still wins.

use smallvec::SmallVec;

use super::effects::Effect;
use super::lexer::{Lexer, Token};
use super::symbols::{
    FUNCTIONS, IdMap, Name, ParamType, STATES, Symbols, Type, Usage, did_you_mean, mark,
    state_named, unknown_id_help,
};
use super::vm::{Op, Program, STACK};
use super::{ExprError, ExprErrorKind, Fatal, MAX_EXPR_LEN};
use crate::scenario::source::Span;
use crate::scenario::time::Secs;

/// Compiles a condition (which must be true/false).
pub fn compile_condition(
    src: &str,
    syms: &Symbols,
    usage: &mut Usage,
) -> Result<Program, ExprError> {
    compile_typed(src, Type::Bool, syms, usage)
}

/// Compiles an expression that must have the type `want`.
pub fn compile_typed(
    src: &str,
    want: Type,
    syms: &Symbols,
    usage: &mut Usage,
) -> Result<Program, ExprError> {
    compile_value(src, Some(want), syms, usage).map(|(program, _)| program)
}

/// Compiles an expression of any type.
pub fn compile_expr(
    src: &str,
    syms: &Symbols,
    usage: &mut Usage,
) -> Result<(Program, Type), ExprError> {
    compile_value(src, None, syms, usage)
}

/// Compiles an expression, of the type `want` when one is given.
fn compile_value(
    src: &str,
    want: Option<Type>,
    syms: &Symbols,
    usage: &mut Usage,
) -> Result<(Program, Type), ExprError> {
    let mut c = Compiler::new(src, syms, usage).map_err(|e| *e)?;
    let r = c.whole_expr();
    let v = c.finish(r)?;
    let program = c.end_value(v, want);
    c.outcome(program).map(|p| (p, v.ty))
}

/// Compiles one or more effect statements separated by `;`, appending them to `out`.
/// On an error nothing is appended.
pub fn compile_effects(
    src: &str,
    syms: &Symbols,
    usage: &mut Usage,
    out: &mut Vec<Effect>,
) -> Result<(), ExprError> {
    let before = out.len();
    let r = Compiler::new(src, syms, usage)
        .map_err(|e| *e)
        .and_then(|mut c| {
            let r = c.whole_effects(out);
            c.finish(r)?;
            c.outcome(())
        });
    if r.is_err() {
        out.truncate(before);
    }
    r
}

/// What an operand is besides its type: the grammar keeps the few literal forms that some
/// positions need as written (ids in function arguments, a state name, a delay, a string
/// compared with a choice parameter).
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum Form<'a> {
    /// A bare name.
    Name(&'a str),
    /// A number literal.
    Num(f64),
    /// A duration literal.
    Dur(Secs),
    /// A string literal.
    Str(&'a str),
    /// Anything else.
    Other,
}

/// A compiled operand: its type, its bytes in the text and its literal form.
#[derive(Clone, Copy, Debug)]
pub(super) struct Val<'a> {
    pub ty: Type,
    pub span: Span,
    pub form: Form<'a>,
}

/// The arguments of a call: how many, and the first two (no function takes more).
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct Args<'a> {
    pub count: usize,
    pub first: [Option<Val<'a>>; 2],
}

impl<'a> Args<'a> {
    pub(super) fn push(&mut self, v: Val<'a>) {
        if let Some(slot) = self.first.get_mut(self.count) {
            *slot = Some(v);
        }
        self.count += 1;
    }
}

/// Prefix operators.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum UnOp {
    /// `!` or `not`.
    Not,
    /// `-`.
    Neg,
}

/// Binary operators, loosest first.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum BinOp {
    Or,
    And,
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    Add,
    Sub,
    Mul,
    Div,
}

impl BinOp {
    /// The operator as written.
    pub(super) fn symbol(self) -> &'static str {
        match self {
            BinOp::Or => "||",
            BinOp::And => "&&",
            BinOp::Eq => "==",
            BinOp::Ne => "!=",
            BinOp::Lt => "<",
            BinOp::Le => "<=",
            BinOp::Gt => ">",
            BinOp::Ge => ">=",
            BinOp::Add => "+",
            BinOp::Sub => "-",
            BinOp::Mul => "*",
            BinOp::Div => "/",
        }
    }
}

/// What a function call compiles to, known from its name before its arguments are read.
#[derive(Clone, Copy)]
pub(super) enum Function<'s> {
    /// Takes one id: what it names, where to find it, what it compiles to, its type.
    Id(&'static str, &'s IdMap<u16>, fn(u16) -> Op, Type),
    /// `chosen(decision)` or `chosen(decision, option)`.
    Chosen,
    /// `min(a, b)` or `max(a, b)`.
    MinMax(Op),
    /// `abs(x)`.
    Abs,
    /// Not a function.
    Unknown,
}

impl Function<'_> {
    /// Whether the arguments are ids rather than values to compile.
    pub(super) fn takes_ids(self) -> bool {
        !matches!(self, Function::MinMax(_) | Function::Abs)
    }
}

/// The compiler's state while it reads one expression or effect string.
pub(super) struct Compiler<'s, 'a> {
    pub(super) src: &'a str,
    pub(super) lexer: Lexer<'a>,
    /// The token under the cursor (`None` at the end).
    pub(super) tok: Option<Token<'a>>,
    /// End of the token before it.
    pub(super) prev_end: usize,
    pub(super) syms: &'s Symbols,
    pub(super) usage: &'s mut Usage,
    /// Instructions of the value being compiled.
    ops: SmallVec<[Op; 8]>,
    stack: usize,
    max_stack: usize,
    /// Above zero while reading text that is not compiled as a value (ids, a state name).
    pub(super) quiet: u32,
    /// The first type or name error, if any.
    pub(super) error: Option<ExprError>,
}

pub(super) fn type_error(
    span: Span,
    message: impl Into<String>,
    label: impl Into<String>,
) -> ExprError {
    ExprError::new(ExprErrorKind::Type, span, message, label)
}

impl<'s, 'a> Compiler<'s, 'a> {
    fn new(src: &'a str, syms: &'s Symbols, usage: &'s mut Usage) -> Result<Self, Fatal> {
        if src.len() > MAX_EXPR_LEN {
            return Err(Box::new(
                ExprError::new(
                    ExprErrorKind::Limit,
                    Span::new(0, 0),
                    format!(
                        "expression is {} bytes long; the limit is {MAX_EXPR_LEN}",
                        src.len()
                    ),
                    "too long",
                )
                .with_help("split it into several conditions, flags or effects"),
            ));
        }
        let mut lexer = Lexer::new(src);
        let tok = lexer.next_token()?;
        Ok(Compiler {
            src,
            lexer,
            tok,
            prev_end: 0,
            syms,
            usage,
            ops: SmallVec::new(),
            stack: 0,
            max_stack: 0,
            quiet: 0,
            error: None,
        })
    }

    /// A grammar error stands unless the rest of the text holds a character that does not
    /// belong to the language, which comes first.
    fn finish<T>(&self, r: Result<T, Fatal>) -> Result<T, ExprError> {
        r.map_err(|e| self.lexer.first_error_in_rest().unwrap_or(*e))
    }

    /// The compiled result, or the first type or name error.
    fn outcome<T>(&mut self, value: T) -> Result<T, ExprError> {
        match self.error.take() {
            Some(e) => Err(e),
            None => Ok(value),
        }
    }

    /// Records a type or name error, unless one came before or the text is only being read.
    pub(super) fn fail(&mut self, e: ExprError) {
        if self.quiet == 0 && self.error.is_none() {
            self.error = Some(e);
        }
    }

    // ----- emitting --------------------------------------------------------------------

    fn emit(&mut self, op: Op, stack: isize) {
        if self.quiet > 0 {
            return;
        }
        self.ops.push(op);
        self.stack = self.stack.saturating_add_signed(stack);
        self.max_stack = self.max_stack.max(self.stack);
    }

    fn leaf(&mut self, op: Op) {
        self.emit(op, 1);
    }

    /// Emits a jump to be patched, and returns where it is.
    fn emit_jump(&mut self, op: Op) -> usize {
        self.emit(op, -1);
        self.ops.len().wrapping_sub(1)
    }

    /// Points the jump at `at` to the next instruction.
    fn patch(&mut self, at: usize) {
        if self.quiet > 0 {
            return;
        }
        let target = self.ops.len() as u16;
        if let Some(Op::AndJump(t) | Op::OrJump(t) | Op::JumpIfFalse(t) | Op::Jump(t)) =
            self.ops.get_mut(at)
        {
            *t = target;
        }
    }

    /// Starts a value of its own (each effect's value is a separate program).
    pub(super) fn begin_value(&mut self) {
        self.ops.clear();
        self.stack = 0;
        self.max_stack = 0;
    }

    /// Checks a whole value and wraps its instructions, which must have the type `want`
    /// when one is given.
    pub(super) fn end_value(&mut self, v: Val<'_>, want: Option<Type>) -> Program {
        if v.ty == Type::Str {
            self.fail(
                type_error(v.span, "a string on its own means nothing here", "a string").with_help(
                    "strings are only compared with choice parameters, e.g. `staffing == \"low\"`",
                ),
            );
        }
        if self.max_stack > STACK {
            self.fail(ExprError::new(
                ExprErrorKind::Limit,
                v.span,
                "expression too complex to evaluate",
                "too many nested operations",
            ));
        }
        if let Some(want) = want
            && v.ty != want
        {
            let mut err = type_error(
                v.span,
                format!("expected {}, found {}", want.describe(), v.ty.describe()),
                format!("this is {}", v.ty.describe()),
            );
            if want == Type::Bool && v.ty == Type::Num {
                err = err.with_help(match v.form {
                    // `flag = 1`: the number stands for true or false.
                    Form::Num(_) => {
                        "a flag is true or false: write `true` or `false`, e.g. `net_cut = true`"
                    }
                    _ => "compare it, e.g. `patient_safety < 40`",
                });
            }
            self.fail(err);
        }
        if self.error.is_some() {
            return Program::new_const(0.0);
        }
        Program::from_ops(&self.ops)
    }

    // ----- operands ----------------------------------------------------------------------

    /// A number literal.
    pub(super) fn number(&mut self, n: f64, span: Span) -> Val<'a> {
        self.leaf(Op::Const(n));
        Val {
            ty: Type::Num,
            span,
            form: Form::Num(n),
        }
    }

    /// A duration literal.
    pub(super) fn duration(&mut self, d: Secs, span: Span) -> Val<'a> {
        self.leaf(Op::Const(d as f64));
        Val {
            ty: Type::Dur,
            span,
            form: Form::Dur(d),
        }
    }

    /// `true` or `false`.
    pub(super) fn boolean(&mut self, b: bool, span: Span) -> Val<'a> {
        self.leaf(Op::Const(if b { 1.0 } else { 0.0 }));
        Val {
            ty: Type::Bool,
            span,
            form: Form::Other,
        }
    }

    /// A bare name: a value of the scenario, the clock, or a state name.
    pub(super) fn name(&mut self, n: &'a str, span: Span) -> Val<'a> {
        let ty = if self.quiet > 0 {
            // An id or a state name, looked up by whoever reads it.
            Type::Num
        } else {
            self.resolve(n, span)
        };
        Val {
            ty,
            span,
            form: Form::Name(n),
        }
    }

    fn resolve(&mut self, n: &str, span: Span) -> Type {
        match n {
            "elapsed" => {
                self.leaf(Op::Elapsed);
                return Type::Dur;
            }
            "hour" => {
                self.leaf(Op::Hour);
                return Type::Num;
            }
            "step" => {
                self.leaf(Op::Step);
                return Type::Dur;
            }
            _ => {}
        }
        if let Some(st) = state_named(n) {
            self.leaf(Op::Const(st as u8 as f64));
            return Type::State;
        }
        let Some(sym) = self.syms.values.get(n).copied() else {
            let e = self.unknown_value(n, span);
            self.fail(e);
            return Type::Num;
        };
        match sym {
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
        }
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

    /// The id in argument `i` of a function, looked up in `table`.
    fn arg_id(&mut self, args: &Args<'_>, i: usize, what: &str, table: &IdMap<u16>) -> Option<u16> {
        self.id(args.first[i]?, what, table, format!("not {what} id"))
    }

    /// The id `a` names in `table`; records an error when `a` is not a bare name or names
    /// nothing there.
    pub(super) fn id(
        &mut self,
        a: Val<'_>,
        what: &str,
        table: &IdMap<u16>,
        not_id: String,
    ) -> Option<u16> {
        let Form::Name(n) = a.form else {
            let mut e = type_error(a.span, format!("expected the id of {what}"), not_id);
            if let Form::Str(quoted) = a.form {
                e = e.with_help(format!("write the id without quotes: `{quoted}`"));
            }
            self.fail(e);
            return None;
        };
        let found = table.get(n).copied();
        if found.is_none() {
            let noun = what.trim_start_matches("an ").trim_start_matches("a ");
            let mut e = ExprError::new(
                ExprErrorKind::UnknownName,
                a.span,
                format!("unknown {noun} `{n}`"),
                format!("no {noun} has this id"),
            );
            e = e.with_help(unknown_id_help(n, noun, table));
            self.fail(e);
        }
        found
    }

    /// Whether a call has one of the argument counts `ok`; records an error if not.
    fn arity(&mut self, name: &str, args: &Args<'_>, span: Span, ok: &[usize]) -> bool {
        if ok.contains(&args.count) {
            return true;
        }
        let usage = FUNCTIONS
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, u)| *u)
            .unwrap_or(name);
        self.fail(
            type_error(
                span,
                format!("`{name}` takes {} argument(s), found {}", ok[0], args.count),
                "wrong number of arguments",
            )
            .with_help(format!("usage: {usage}")),
        );
        false
    }

    /// What the function `name` is.
    pub(super) fn function(&self, name: &str) -> Function<'s> {
        let s = self.syms;
        match name {
            "fired" => Function::Id("an inject", &s.injects, Op::Fired, Type::Bool),
            "since" => Function::Id("an inject", &s.injects, Op::Since, Type::Dur),
            "pending" => Function::Id("a decision", &s.decisions, Op::Pending, Type::Bool),
            "started" => Function::Id("a deadline", &s.deadlines, Op::DeadlineStarted, Type::Bool),
            "met" => Function::Id("a deadline", &s.deadlines, Op::DeadlineMet, Type::Bool),
            "missed" => Function::Id("a deadline", &s.deadlines, Op::DeadlineMissed, Type::Bool),
            "active" => Function::Id("a deadline", &s.deadlines, Op::DeadlineActive, Type::Bool),
            "remaining" => {
                Function::Id("a deadline", &s.deadlines, Op::DeadlineRemaining, Type::Dur)
            }
            "in_phase" => Function::Id("a phase", &s.phases, Op::InPhase, Type::Bool),
            "taken" => Function::Id("an action", &s.actions, Op::Taken, Type::Num),
            "chosen" => Function::Chosen,
            "min" => Function::MinMax(Op::Min),
            "max" => Function::MinMax(Op::Max),
            "abs" => Function::Abs,
            _ => Function::Unknown,
        }
    }

    /// Finishes a call once its arguments are read. Arguments that are values were compiled
    /// already; `arg_error` is the first error inside them, which an error in the call
    /// itself (such as a wrong number of arguments) outranks.
    pub(super) fn finish_call(
        &mut self,
        f: Function<'s>,
        name: &str,
        name_span: Span,
        args: &Args<'_>,
        span: Span,
        arg_error: Option<ExprError>,
    ) -> Type {
        match f {
            Function::Id(what, table, op, ty) => {
                if self.arity(name, args, span, &[1])
                    && let Some(i) = self.arg_id(args, 0, what, table)
                {
                    self.leaf(op(i));
                }
                ty
            }
            Function::Chosen => {
                if !self.arity(name, args, span, &[1, 2]) {
                    return Type::Bool;
                }
                let syms = self.syms;
                let Some(d) = self.arg_id(args, 0, "a decision", &syms.decisions) else {
                    return Type::Bool;
                };
                if args.count == 1 {
                    self.leaf(Op::Decided(d));
                } else {
                    let table = &syms.options[d as usize];
                    if let Some(o) = self.arg_id(args, 1, "an option of this decision", table) {
                        self.leaf(Op::Chosen(d, o));
                    }
                }
                Type::Bool
            }
            Function::MinMax(op) => {
                if !self.arity(name, args, span, &[2]) {
                    return Type::Num;
                }
                if let Some(e) = arg_error {
                    self.fail(e);
                }
                let (Some(a), Some(b)) = (args.first[0], args.first[1]) else {
                    return Type::Num;
                };
                if a.ty != b.ty || !matches!(a.ty, Type::Num | Type::Dur) {
                    self.fail(type_error(
                        span,
                        format!("`{name}` needs two numbers or two durations"),
                        format!("{} and {}", a.ty.describe(), b.ty.describe()),
                    ));
                }
                self.emit(op, -1);
                a.ty
            }
            Function::Abs => {
                if !self.arity(name, args, span, &[1]) {
                    return Type::Num;
                }
                if let Some(e) = arg_error {
                    self.fail(e);
                }
                let Some(a) = args.first[0] else {
                    return Type::Num;
                };
                if !matches!(a.ty, Type::Num | Type::Dur) {
                    self.fail(type_error(
                        a.span,
                        "`abs` needs a number or a duration",
                        a.ty.describe(),
                    ));
                }
                self.emit(Op::Abs, 0);
                a.ty
            }
            Function::Unknown => {
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
                self.fail(e);
                Type::Bool
            }
        }
    }

    // ----- operators ---------------------------------------------------------------------

    /// A prefix operator applied to a compiled operand.
    pub(super) fn prefix(&mut self, op: UnOp, inner: Val<'_>) -> Type {
        match (op, inner.ty) {
            (UnOp::Not, Type::Bool) => self.emit(Op::Not, 0),
            (UnOp::Neg, Type::Num | Type::Dur) => self.emit(Op::Neg, 0),
            (UnOp::Not, t) => self.fail(type_error(
                inner.span,
                format!("`!` needs a true/false value, found {}", t.describe()),
                t.describe(),
            )),
            (UnOp::Neg, t) => self.fail(type_error(
                inner.span,
                format!("`-` needs a number or a duration, found {}", t.describe()),
                t.describe(),
            )),
        }
        inner.ty
    }

    /// Between the left operand and the right one: `&&` and `||` check the left side and
    /// jump over the right one when it decides. Returns the jump to patch, if any.
    pub(super) fn before_right(&mut self, op: BinOp, left: &Val<'_>) -> Option<usize> {
        let jump = match op {
            BinOp::And => Op::AndJump(0),
            BinOp::Or => Op::OrJump(0),
            _ => return None,
        };
        self.expect_bool(left, op);
        Some(self.emit_jump(jump))
    }

    /// A binary operator applied to two compiled operands; returns the result's type.
    pub(super) fn binary_op(
        &mut self,
        op: BinOp,
        l: Val<'_>,
        r: Val<'_>,
        span: Span,
        jump: Option<usize>,
    ) -> Type {
        match op {
            BinOp::And | BinOp::Or => {
                self.expect_bool(&r, op);
                if let Some(at) = jump {
                    self.patch(at);
                }
                Type::Bool
            }
            BinOp::Eq | BinOp::Ne => {
                let (lt, rt) = self.equality_operands(&l, &r);
                if lt != rt || lt == Type::Str {
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
                    } else if matches!((lt, rt), (Type::Bool, Type::Num) | (Type::Num, Type::Bool))
                    {
                        // `flag == 1`: a flag is true or false, never a number.
                        let flag = match (l.form, r.form) {
                            (Form::Name(n), _) if lt == Type::Bool => n,
                            (_, Form::Name(n)) if rt == Type::Bool => n,
                            _ => "flag",
                        };
                        e = e.with_help(format!(
                            "a flag is true or false: write `{flag}` or `!{flag}` (or `{flag} == true`)"
                        ));
                    }
                    self.fail(e);
                }
                self.emit(if op == BinOp::Eq { Op::Eq } else { Op::Ne }, -1);
                Type::Bool
            }
            BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge => {
                let (lt, rt) = (l.ty, r.ty);
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
                    self.fail(e);
                }
                let code = match op {
                    BinOp::Lt => Op::Lt,
                    BinOp::Le => Op::Le,
                    BinOp::Gt => Op::Gt,
                    _ => Op::Ge,
                };
                self.emit(code, -1);
                Type::Bool
            }
            BinOp::Add | BinOp::Sub | BinOp::Mul | BinOp::Div => {
                let (lt, rt) = (l.ty, r.ty);
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
                if ty.is_none() {
                    self.fail(type_error(
                        span,
                        format!(
                            "cannot apply `{}` to {} and {}",
                            op.symbol(),
                            lt.describe(),
                            rt.describe()
                        ),
                        "arithmetic needs numbers or durations",
                    ));
                }
                let code = match op {
                    BinOp::Add => Op::Add,
                    BinOp::Sub => Op::Sub,
                    BinOp::Mul => Op::Mul,
                    _ => Op::Div,
                };
                self.emit(code, -1);
                ty.unwrap_or(Type::Num)
            }
        }
    }

    fn expect_bool(&mut self, v: &Val<'_>, op: BinOp) {
        if v.ty == Type::Bool {
            return;
        }
        let mut err = type_error(
            v.span,
            format!(
                "`{}` needs true/false values, found {}",
                op.symbol(),
                v.ty.describe()
            ),
            v.ty.describe(),
        );
        if v.ty == Type::Num {
            err = err.with_help("compare the number, e.g. `patient_safety < 40`");
        }
        self.fail(err);
    }

    /// The types of both sides of `==`/`!=`, resolving a string literal against a choice
    /// parameter on the other side (the string compiled to nothing; its index is emitted).
    fn equality_operands(&mut self, l: &Val<'_>, r: &Val<'_>) -> (Type, Type) {
        for (param, text) in [(l, r), (r, l)] {
            if let (Type::Choice(p), Form::Str(s)) = (param.ty, text.form) {
                let idx = self.choice_index(p, s, text.span);
                self.leaf(Op::Const(idx as f64));
                return (param.ty, param.ty);
            }
        }
        (l.ty, r.ty)
    }

    fn choice_index(&mut self, p: u16, s: &str, span: Span) -> usize {
        let choices = &self.syms.choices[p as usize];
        if let Some(i) = choices.iter().position(|c| c == s) {
            return i;
        }
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
        self.fail(e);
        0
    }

    /// After the condition of `? :`: checks it and jumps to the other branch when false.
    pub(super) fn cond_then(&mut self, cond: &Val<'_>) -> usize {
        if cond.ty != Type::Bool {
            self.fail(type_error(
                cond.span,
                format!(
                    "the condition before `?` must be true/false, found {}",
                    cond.ty.describe()
                ),
                cond.ty.describe(),
            ));
        }
        self.emit_jump(Op::JumpIfFalse(0))
    }

    /// Between the two branches of `? :`: the first jumps over the second.
    pub(super) fn cond_else(&mut self, then_jump: usize) -> usize {
        let end = self.emit_jump(Op::Jump(0));
        self.patch(then_jump);
        end
    }

    /// After both branches of `? :`, which must have the same type.
    pub(super) fn cond_end(&mut self, end_jump: usize, a: &Val<'_>, b: &Val<'_>) -> Type {
        self.patch(end_jump);
        if a.ty != b.ty {
            self.fail(type_error(
                b.span,
                format!(
                    "both branches of `? :` must have the same type: {} and {}",
                    a.ty.describe(),
                    b.ty.describe()
                ),
                b.ty.describe(),
            ));
        }
        a.ty
    }
}

#[cfg(test)]
mod tests {
    use super::super::effects::Effect;
    use super::super::vm::{DeadlineStatus, Env};
    use super::fixtures::{syms, usage};
    use super::*;
    use crate::scenario::model::SystemState;

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
        fn chose(&self, _: u16, o: u16) -> bool {
            o == 1
        }
        fn decided(&self, _: u16) -> bool {
            true
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
        fn taken(&self, _: u16) -> u32 {
            2
        }
    }

    fn eval(src: &str) -> f64 {
        let (p, _) = compile_expr(src, &syms(), &mut usage()).unwrap();
        p.eval(&E)
    }

    fn err(src: &str) -> ExprError {
        compile_condition(src, &syms(), &mut usage()).unwrap_err()
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
        let mut u = usage();
        let mut e = Vec::new();
        compile_effects(
            "safety -= 10; isolated_net = true; ehr = isolated; schedule(alert, 30m); start(gdpr); end(contained); transfers += 3",
            &s,
            &mut u,
            &mut e,
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
        let mut bad = |src: &str| {
            let mut out = vec![Effect::End(0)];
            let e = compile_effects(src, &s, &mut u, &mut out).unwrap_err();
            assert_eq!(out, [Effect::End(0)], "nothing is appended on an error");
            e
        };
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

    #[test]
    fn the_first_type_error_wins_and_a_later_grammar_error_beats_it() {
        // Two type errors: the first, reading left to right, is reported.
        assert_eq!(
            err("safty < 3 && isolated_net + 1").message,
            "unknown name `safty`"
        );
        // A grammar error further on outranks an earlier type error...
        let e = err("safty < 3 &&");
        assert_eq!(e.kind, ExprErrorKind::Syntax);
        assert_eq!(e.message, "expected a value");
        // ...and a character outside the language outranks both, wherever it is.
        let e = err("safty < 3 && ) & x");
        assert_eq!(e.message, "unexpected character `&` in expression");
        // In effects, a grammar error in a later statement outranks a type error before it.
        let mut out = Vec::new();
        let e =
            compile_effects("safty -= 1; safety +=", &syms(), &mut usage(), &mut out).unwrap_err();
        assert_eq!(e.kind, ExprErrorKind::Syntax);
    }

    #[test]
    fn a_call_is_checked_before_its_arguments() {
        assert!(
            err("min(safty)")
                .message
                .contains("takes 2 argument(s), found 1")
        );
        assert_eq!(err("fird(alrt)").message, "unknown function `fird`");
        assert_eq!(err("fired(alrt, 1)").kind, ExprErrorKind::Type);
        // With the right number of arguments, their own errors come next.
        assert_eq!(err("max(safty, 1) > 2").message, "unknown name `safty`");
        assert_eq!(
            err("abs(isolated_net) > 2").message,
            "`abs` needs a number or a duration"
        );
        // Ids are not values: an inject's id inside `fired` is not an unknown name.
        assert_eq!(eval("fired(alert) && !fired(alert)"), 0.0);
    }

    #[test]
    fn ids_and_state_names_mark_no_usage() {
        let s = syms();
        let mut u = usage();
        compile_condition("fired(alert) || chosen(ransom, pay)", &s, &mut u).unwrap();
        compile_effects("ehr = down; schedule(alert)", &s, &mut u, &mut Vec::new()).unwrap();
        assert!(!u.flags_read.iter().any(|r| *r));
        compile_condition("isolated_net", &s, &mut u).unwrap();
        assert!(u.flags_read[0]);
    }
}

/// Symbols shared by the unit tests of the expression modules.
#[cfg(test)]
pub(super) mod fixtures {
    use super::super::symbols::{Name, ParamType, Symbols, Usage};

    /// A scenario's names: metrics `safety` and `x`, flags `isolated_net`, `a`, `b` and `c`,
    /// and one of everything else.
    pub fn syms() -> Symbols {
        let mut s = Symbols::default();
        s.values.insert("safety".into(), Name::Metric(0));
        s.values.insert("x".into(), Name::Metric(1));
        s.values.insert("isolated_net".into(), Name::Flag(0));
        s.values.insert("a".into(), Name::Flag(1));
        s.values.insert("b".into(), Name::Flag(2));
        s.values.insert("c".into(), Name::Flag(3));
        s.values.insert("transfers".into(), Name::Counter(0));
        s.values
            .insert("staffing".into(), Name::Param(0, ParamType::Choice));
        s.values.insert("ehr".into(), Name::System(0));
        s.values.insert("icu".into(), Name::Service(0));
        s.choices = vec![vec!["low".into(), "normal".into()]];
        s.injects.insert("alert".into(), 0);
        s.decisions.insert("ransom".into(), 0);
        s.options = vec![
            [("pay".to_string(), 0u16), ("refuse".to_string(), 1)]
                .into_iter()
                .collect(),
        ];
        s.deadlines.insert("gdpr".into(), 0);
        s.endings.insert("contained".into(), 0);
        s.phases.insert("night".into(), 0);
        s
    }

    /// An empty usage record sized for [`syms`].
    pub fn usage() -> Usage {
        Usage::new(4, 2, 1, 1, 1, 1, 1)
    }
}
