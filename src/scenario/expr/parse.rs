//! The grammar of expressions and effect statements, read in one pass by precedence
//! climbing. Each rule hands its operands to the compiler ([`super::compile`]) as soon as
//! they are read, so no syntax tree is built.
//!
//! Grammar (loosest binding first):
//! ```text
//! expr    := or ( "?" expr ":" expr )?
//! or      := and ( ("||" | "or") and )*
//! and     := cmp ( ("&&" | "and") cmp )*
//! cmp     := sum ( ("==" | "!=" | "<" | "<=" | ">" | ">=") sum )?
//! sum     := product ( ("+" | "-") product )*
//! product := unary ( ("*" | "/") unary )*
//! unary   := ("!" | "not" | "-") unary | primary
//! primary := number | duration | string | "true" | "false"
//!          | name | name "(" (expr ("," expr)*)? ")" | "(" expr ")"
//! effects := stmt ( ";" stmt )* ";"?
//! stmt    := name ("=" | "+=" | "-=") expr | name "(" args ")" | if
//! if      := "if" "(" expr "," branch ( "," "else" ":" branch )? ")"
//! branch  := stmt ( ";" stmt )* ";"?
//! ```
//! Inside `if(...)`, `;` binds tighter than `,`: it joins the effects of one branch.
//! Nesting (parentheses, arguments, prefix operators, `? :` branches, conditional effects) is limited to
//! [`MAX_EXPR_DEPTH`] levels.

use super::compile::{Args, BinOp, Compiler, Form, UnOp, Val, type_error};
use super::effects::{AssignOp, Effect, Target};
use super::lexer::{Tok, Token};
use super::symbols::Type;
use super::{ExprError, ExprErrorKind, Fatal, MAX_EXPR_DEPTH};
use crate::scenario::source::Span;

/// How a conditional effect is written, for hints.
const IF_USAGE: &str = "write `if(condition, effects)` or `if(condition, effects, else: effects)`";

/// The hint for effects chosen with `? :`, which only chooses between values.
const IF_HINT: &str = "`? :` chooses between two values, not effects: to apply effects only when a condition holds, write `if(condition, effects, else: effects)` (format 2), e.g. `if(fired(x), trust -= 2, else: cancel(x))`";

/// Binding strength of comparisons, which do not chain.
const CMP: u8 = 3;

impl BinOp {
    /// How tightly the operator binds (higher binds tighter).
    fn precedence(self) -> u8 {
        match self {
            BinOp::Or => 1,
            BinOp::And => 2,
            BinOp::Eq | BinOp::Ne | BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge => CMP,
            BinOp::Add | BinOp::Sub => 4,
            BinOp::Mul | BinOp::Div => 5,
        }
    }
}

fn is_keyword(name: &str) -> bool {
    matches!(name, "and" | "or" | "not")
}

impl<'s, 'a> Compiler<'s, 'a> {
    // ----- tokens ------------------------------------------------------------------------

    fn advance(&mut self) -> Result<(), Fatal> {
        if let Some(t) = self.tok {
            self.prev_end = t.span.end;
        }
        self.tok = self.lexer.next_token()?;
        Ok(())
    }

    fn at_end(&self) -> bool {
        self.tok.is_none()
    }

    fn is_op(&self, op: &str) -> bool {
        matches!(self.tok, Some(Token { tok: Tok::Op(o), .. }) if o == op)
    }

    fn eat_op(&mut self, op: &str) -> Result<bool, Fatal> {
        if self.is_op(op) {
            self.advance()?;
            return Ok(true);
        }
        Ok(false)
    }

    fn peek_span(&self) -> Span {
        self.tok
            .map(|t| t.span)
            .unwrap_or(Span::new(self.src.len(), self.src.len()))
    }

    fn expect_op(&mut self, op: &str, what: &str) -> Result<(), Fatal> {
        if self.eat_op(op)? {
            return Ok(());
        }
        Err(Box::new(
            self.unexpected(&format!("expected `{op}` {what}")),
        ))
    }

    fn unexpected(&self, message: &str) -> ExprError {
        let (label, span) = match self.tok {
            Some(t) => (
                format!("found `{}`", &self.src[t.span.start..t.span.end]),
                t.span,
            ),
            None => (
                "the expression ends here".to_string(),
                Span::new(self.src.len(), self.src.len()),
            ),
        };
        ExprError::new(ExprErrorKind::Syntax, span, message, label)
    }

    fn depth_error(&self) -> ExprError {
        ExprError::new(
            ExprErrorKind::Limit,
            self.peek_span(),
            format!("expression nested deeper than {MAX_EXPR_DEPTH} levels"),
            "too deep",
        )
        .with_help("simplify the expression or split it with a flag")
    }

    /// Reads with no code emitted, no name looked up and no type error recorded: for ids,
    /// a state name, or text after an error that stands already.
    fn quietly<T>(&mut self, read: impl FnOnce(&mut Self) -> Result<T, Fatal>) -> Result<T, Fatal> {
        self.quiet += 1;
        let r = read(self);
        self.quiet -= 1;
        r
    }

    /// The binary operator under the cursor, if any.
    fn peek_binop(&self) -> Option<BinOp> {
        Some(match self.tok?.tok {
            Tok::Op("||") | Tok::Ident("or") => BinOp::Or,
            Tok::Op("&&") | Tok::Ident("and") => BinOp::And,
            Tok::Op("==") => BinOp::Eq,
            Tok::Op("!=") => BinOp::Ne,
            Tok::Op("<") => BinOp::Lt,
            Tok::Op("<=") => BinOp::Le,
            Tok::Op(">") => BinOp::Gt,
            Tok::Op(">=") => BinOp::Ge,
            Tok::Op("+") => BinOp::Add,
            Tok::Op("-") => BinOp::Sub,
            Tok::Op("*") => BinOp::Mul,
            Tok::Op("/") => BinOp::Div,
            _ => return None,
        })
    }

    // ----- expressions -------------------------------------------------------------------

    /// A whole condition or value: the text must hold exactly one expression.
    pub(super) fn whole_expr(&mut self) -> Result<Val<'a>, Fatal> {
        if self.at_end() {
            return Err(Box::new(
                ExprError::new(
                    ExprErrorKind::Syntax,
                    Span::new(0, self.src.len()),
                    "empty expression",
                    "nothing to evaluate here",
                )
                .with_help("write a condition such as `patient_safety < 40` or `true`"),
            ));
        }
        let v = self.expr(0)?;
        if self.at_end() {
            return Ok(v);
        }
        let mut e = self.unexpected("unexpected text after the end of the expression");
        if self.is_op("=") {
            e = e.with_help("compare with `==`; a single `=` only assigns, in effects");
        } else if matches!(
            self.tok,
            Some(Token {
                tok: Tok::Ident(_),
                ..
            })
        ) {
            e = e.with_help("join conditions with `&&` or `||`");
        }
        Err(Box::new(e))
    }

    /// `expr := or ( "?" expr ":" expr )?`
    fn expr(&mut self, depth: usize) -> Result<Val<'a>, Fatal> {
        if depth > MAX_EXPR_DEPTH {
            return Err(Box::new(self.depth_error()));
        }
        let cond = self.binary(1, depth)?;
        if !self.eat_op("?")? {
            return Ok(cond);
        }
        let then_jump = self.cond_then(&cond);
        let then = self.expr(depth + 1)?;
        self.expect_op(":", "between the two branches of `? :`")?;
        let end_jump = self.cond_else(then_jump);
        let other = self.expr(depth + 1)?;
        let ty = self.cond_end(end_jump, &then, &other);
        Ok(Val {
            ty,
            span: Span::new(cond.span.start, other.span.end),
            form: Form::Other,
        })
    }

    /// Operands joined by binary operators that bind at least as tightly as `min`.
    fn binary(&mut self, min: u8, depth: usize) -> Result<Val<'a>, Fatal> {
        let mut left = self.unary(depth)?;
        // Whether `left` is a comparison made at this level: comparisons do not chain.
        let mut compared = false;
        loop {
            let Some(op) = self.peek_binop() else {
                if min <= CMP && !compared && self.is_op("=") {
                    return Err(Box::new(
                        self.unexpected("a single `=` assigns; it cannot appear in a condition")
                            .with_help("compare with `==`"),
                    ));
                }
                return Ok(left);
            };
            let precedence = op.precedence();
            if precedence < min {
                return Ok(left);
            }
            if precedence == CMP && compared {
                return Err(Box::new(
                    self.unexpected("comparisons cannot be chained")
                        .with_help("write `a < b && b < c` instead of `a < b < c`"),
                ));
            }
            self.advance()?;
            let jump = self.before_right(op, &left);
            let right = self.binary(precedence + 1, depth)?;
            let span = Span::new(left.span.start, right.span.end);
            let ty = self.binary_op(op, left, right, span, jump);
            left = Val {
                ty,
                span,
                form: Form::Other,
            };
            compared = precedence == CMP;
        }
    }

    /// `unary := ("!" | "not" | "-") unary | primary`
    fn unary(&mut self, depth: usize) -> Result<Val<'a>, Fatal> {
        if depth > MAX_EXPR_DEPTH {
            return Err(Box::new(self.depth_error()));
        }
        let op = match self.tok.map(|t| t.tok) {
            Some(Tok::Op("!") | Tok::Ident("not")) => UnOp::Not,
            Some(Tok::Op("-")) => UnOp::Neg,
            _ => return self.primary(depth),
        };
        let start = self.peek_span().start;
        self.advance()?;
        let inner = self.unary(depth + 1)?;
        let ty = self.prefix(op, inner);
        Ok(Val {
            ty,
            span: Span::new(start, inner.span.end),
            form: Form::Other,
        })
    }

    fn primary(&mut self, depth: usize) -> Result<Val<'a>, Fatal> {
        let Some(token) = self.tok else {
            return Err(Box::new(self.unexpected("expected a value")));
        };
        let span = token.span;
        let v = match token.tok {
            Tok::Num(n) => self.number(n, span),
            Tok::Dur(d) => self.duration(d, span),
            Tok::Str(s) => Val {
                // Compiled by the comparison with a choice parameter that must surround it.
                ty: Type::Str,
                span,
                form: Form::Str(s),
            },
            Tok::Ident("true") => self.boolean(true, span),
            Tok::Ident("false") => self.boolean(false, span),
            Tok::Ident(name) if is_keyword(name) => {
                return Err(Box::new(
                    self.unexpected("expected a value, found an operator"),
                ));
            }
            Tok::Ident(name) => {
                self.advance()?;
                if self.eat_op("(")? {
                    return self.call(name, span, depth);
                }
                if self.is_op(".") {
                    return Err(Box::new(
                        self.unexpected("`.` is not an operator").with_help(
                            "to test a decision's option write `chosen(decision, option)`",
                        ),
                    ));
                }
                return Ok(self.name(name, span));
            }
            Tok::Op("(") => {
                self.advance()?;
                let inner = self.expr(depth + 1)?;
                self.expect_op(")", "to close the parenthesis")?;
                return Ok(Val {
                    span: Span::new(span.start, self.prev_end),
                    ..inner
                });
            }
            Tok::Op(_) => return Err(Box::new(self.unexpected("expected a value"))),
        };
        self.advance()?;
        Ok(v)
    }

    /// A call, after `name(`.
    fn call(&mut self, name: &'a str, name_span: Span, depth: usize) -> Result<Val<'a>, Fatal> {
        let f = self.function(name);
        // Errors inside the arguments come after errors in the call itself.
        let before = self.error.take();
        let args = if f.takes_ids() {
            self.quietly(|c| c.args(depth))?
        } else {
            self.args(depth)?
        };
        let arg_error = std::mem::replace(&mut self.error, before);
        let span = Span::new(name_span.start, self.prev_end);
        let ty = self.finish_call(f, name, name_span, &args, span, arg_error);
        Ok(Val {
            ty,
            span,
            form: Form::Other,
        })
    }

    /// Arguments after `(`, up to and including `)`.
    fn args(&mut self, depth: usize) -> Result<Args<'a>, Fatal> {
        let mut args = Args::default();
        if self.eat_op(")")? {
            return Ok(args);
        }
        loop {
            args.push(self.expr(depth + 1)?);
            if self.eat_op(")")? {
                return Ok(args);
            }
            if !self.eat_op(",")? {
                return Err(Box::new(
                    self.unexpected("expected `,` or `)` in the argument list"),
                ));
            }
        }
    }

    // ----- effects -----------------------------------------------------------------------

    /// One or more effect statements separated by `;`.
    pub(super) fn whole_effects(&mut self, out: &mut Vec<Effect>) -> Result<(), Fatal> {
        if !self.statements(out, 0)? {
            return Err(Box::new(ExprError::new(
                ExprErrorKind::Syntax,
                Span::new(0, self.src.len()),
                "empty effect",
                "nothing to do here",
            )
            .with_help(
                "write an effect such as `patient_safety -= 10` or `schedule(ransom_note, 30m)`",
            )));
        }
        Ok(())
    }

    /// Whether the cursor is at the end of a list of statements: the end of the text or,
    /// inside `if(...)` (`depth` above zero), the `,` or `)` that closes a branch.
    fn at_branch_end(&self, depth: usize) -> bool {
        self.at_end() || depth > 0 && (self.is_op(",") || self.is_op(")"))
    }

    /// Statements separated by `;` up to the end of the list; whether there was any.
    fn statements(&mut self, out: &mut Vec<Effect>, depth: usize) -> Result<bool, Fatal> {
        let mut any = false;
        loop {
            while self.eat_op(";")? {}
            if self.at_branch_end(depth) {
                return Ok(any);
            }
            if let Some(effect) = self.stmt(depth)? {
                out.push(effect);
            }
            any = true;
            if self.at_branch_end(depth) {
                return Ok(any);
            }
            if !self.eat_op(";")? {
                let mut e = ExprError::new(
                    ExprErrorKind::Syntax,
                    self.peek_span(),
                    "expected `;` between two effects",
                    "another effect starts here",
                )
                .with_help("separate effects with `;` or put each in its own string");
                if self.is_op("?") || self.is_op(":") {
                    e = e.with_help(IF_HINT);
                }
                return Err(Box::new(e));
            }
        }
    }

    /// `if := "if" "(" expr "," branch ( "," "else" ":" branch )? ")"`, after `if(`;
    /// `depth` counts the conditional effects around it.
    fn conditional(&mut self, if_span: Span, depth: usize) -> Result<Option<Effect>, Fatal> {
        if depth >= MAX_EXPR_DEPTH {
            return Err(Box::new(self.depth_error()));
        }
        if self.syms.format == 1 {
            self.fail(
                ExprError::new(
                    ExprErrorKind::Format,
                    if_span,
                    "conditional effects `if(...)` need format 2",
                    "a construct of format 2",
                )
                .with_help("write `format: 2` at the top of the file"),
            );
        }
        if self.at_end() || self.is_op(",") || self.is_op(")") {
            return Err(Box::new(
                self.unexpected("`if(...)` needs a condition first")
                    .with_help(IF_USAGE),
            ));
        }
        self.begin_value();
        let v = self.expr(depth + 1)?;
        if v.ty != Type::Bool && v.ty != Type::Str {
            let mut e = type_error(
                v.span,
                format!(
                    "the condition of `if(...)` must be true/false, found {}",
                    v.ty.describe()
                ),
                format!("this is {}", v.ty.describe()),
            );
            if v.ty == Type::Num {
                e = e.with_help("compare it, e.g. `patient_safety < 40`");
            }
            self.fail(e);
        }
        let cond = self.end_value(v, None);
        if !self.eat_op(",")? {
            let message = if self.is_op(")") {
                "`if(...)` needs effects after its condition"
            } else {
                "expected `,` after the condition of `if(...)`"
            };
            return Err(Box::new(self.unexpected(message).with_help(IF_USAGE)));
        }
        let mut then = Vec::new();
        if !self.statements(&mut then, depth + 1)? {
            return Err(Box::new(
                self.unexpected("expected an effect after the condition of `if(...)`")
                    .with_help(IF_USAGE),
            ));
        }
        let mut otherwise = Vec::new();
        if self.eat_op(",")? {
            if !matches!(self.tok.map(|t| t.tok), Some(Tok::Ident("else"))) {
                return Err(Box::new(
                    self.unexpected("expected `else:` before the other branch of `if(...)`")
                        .with_help(
                            "the effects of one branch are separated by `;`: `if(c, a; b, else: d)`",
                        ),
                ));
            }
            self.advance()?;
            self.expect_op(":", "after `else`")?;
            if !self.statements(&mut otherwise, depth + 1)? {
                return Err(Box::new(
                    self.unexpected("expected an effect after `else:`")
                        .with_help(IF_USAGE),
                ));
            }
            if self.is_op(",") {
                return Err(Box::new(
                    self.unexpected("`if(...)` has at most two branches")
                        .with_help("nest another `if(...)` in the `else:` branch"),
                ));
            }
        }
        self.expect_op(")", "to close `if(`")?;
        Ok(Some(Effect::If {
            cond,
            text: self.src[v.span.start..v.span.end].into(),
            then: then.into(),
            otherwise: otherwise.into(),
        }))
    }

    /// `stmt := name ("=" | "+=" | "-=") expr | name "(" args ")" | if`; `None` after an
    /// error that was recorded.
    fn stmt(&mut self, depth: usize) -> Result<Option<Effect>, Fatal> {
        let start = self.peek_span();
        let name = match self.tok.map(|t| t.tok) {
            Some(Tok::Ident(n)) if !is_keyword(n) => n,
            _ => {
                return Err(Box::new(self
                    .unexpected("expected an effect")
                    .with_help("effects look like `metric -= 10`, `flag = true`, `system = down`, `schedule(inject, 30m)` or `if(condition, effects)`")));
            }
        };
        self.advance()?;
        if name == "if" && self.eat_op("(")? {
            return self.conditional(start, depth);
        }
        if name == "else" && self.is_op(":") {
            let e = if depth > 0 {
                ExprError::new(
                    ExprErrorKind::Syntax,
                    start,
                    "`else:` follows the first branch after a `,`",
                    "`;` cannot start the other branch",
                )
                .with_help("write `if(condition, effects, else: effects)`: `;` separates the effects of one branch")
            } else {
                ExprError::new(
                    ExprErrorKind::Syntax,
                    start,
                    "`else:` without `if(...)`",
                    "no `if(` before it",
                )
                .with_help(IF_USAGE)
            };
            return Err(Box::new(e));
        }
        if self.eat_op("(")? {
            let args = self.quietly(|c| c.args(0))?;
            let span = Span::new(start.start, self.prev_end);
            return Ok(self.action(name, start, &args, span));
        }
        let op = if self.eat_op("=")? {
            AssignOp::Set
        } else if self.eat_op("+=")? {
            AssignOp::Add
        } else if self.eat_op("-=")? {
            AssignOp::Sub
        } else {
            let mut e = self.unexpected("expected `=`, `+=` or `-=` after the name");
            if self.is_op("==") {
                e = e.with_help("effects assign with a single `=`; `==` compares, in conditions");
            } else if self.is_op("?") {
                e = e.with_help(IF_HINT);
            } else if name == "if" {
                e = e.with_help(IF_USAGE);
            }
            return Err(Box::new(e));
        };
        let target = self.target(name, start, op);
        let want = match target {
            Target::Metric(_) | Target::Counter(_) => Type::Num,
            Target::Flag(_) => Type::Bool,
            Target::System(i) => {
                // A state name, read as written.
                let value = self.quietly(|c| c.expr(0))?;
                return Ok(self.system_effect(i, name, op, &value));
            }
            Target::None => {
                self.quietly(|c| c.expr(0))?;
                return Ok(None);
            }
        };
        self.begin_value();
        let v = self.expr(0)?;
        let value = self.end_value(v, Some(want));
        Ok(match target {
            Target::Metric(metric) => Some(Effect::Metric { metric, op, value }),
            Target::Counter(counter) => Some(Effect::Counter { counter, op, value }),
            Target::Flag(flag) => Some(Effect::Flag { flag, value }),
            Target::System(_) | Target::None => None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::super::compile::fixtures::{syms, usage};
    use super::super::compile::{compile_condition, compile_effects, compile_expr};
    use super::super::vm::{self, Op};
    use super::*;

    /// Turns a compiled program back into fully parenthesised text, to check precedence.
    fn show(src: &str) -> String {
        enum Pending {
            Logic(usize, &'static str),
            Cond(usize, String, Option<String>),
        }
        let (program, _) = compile_expr(src, &syms(), &mut usage()).unwrap();
        let ops = program.ops();
        let names = ["safety", "x"];
        let flags = ["isolated_net", "a", "b", "c"];
        let mut stack: Vec<String> = Vec::new();
        let mut pending: Vec<Pending> = Vec::new();
        for i in 0..=ops.len() {
            // Close the `&&`, `||` and `? :` that end here, innermost first.
            while let Some(p) = pending.last() {
                match p {
                    Pending::Logic(t, sym) if *t == i => {
                        let (r, l) = (stack.pop().unwrap(), stack.pop().unwrap());
                        stack.push(format!("({l} {sym} {r})"));
                    }
                    Pending::Cond(t, c, Some(a)) if *t == i => {
                        let b = stack.pop().unwrap();
                        stack.push(format!("({c} ? {a} : {b})"));
                    }
                    _ => break,
                }
                pending.pop();
            }
            let Some(op) = ops.get(i) else { break };
            let binary = |stack: &mut Vec<String>, sym: &str| {
                let (r, l) = (stack.pop().unwrap(), stack.pop().unwrap());
                stack.push(format!("({l} {sym} {r})"));
            };
            match *op {
                Op::Const(v) => stack.push(format!("{v}")),
                Op::Metric(m) => stack.push(names[m as usize].into()),
                Op::Flag(f) => stack.push(flags[f as usize].into()),
                Op::Param(_) => stack.push("staffing".into()),
                Op::Elapsed => stack.push("elapsed".into()),
                Op::Chosen(d, o) => stack.push(format!("chosen({d}, {o})")),
                Op::Not => {
                    let x = stack.pop().unwrap();
                    stack.push(format!("!{x}"));
                }
                Op::Neg => {
                    let x = stack.pop().unwrap();
                    stack.push(format!("-{x}"));
                }
                Op::Add => binary(&mut stack, "+"),
                Op::Sub => binary(&mut stack, "-"),
                Op::Mul => binary(&mut stack, "*"),
                Op::Div => binary(&mut stack, "/"),
                Op::Eq => binary(&mut stack, "=="),
                Op::Lt => binary(&mut stack, "<"),
                Op::Ge => binary(&mut stack, ">="),
                Op::AndJump(t) => pending.push(Pending::Logic(t as usize, "&&")),
                Op::OrJump(t) => pending.push(Pending::Logic(t as usize, "||")),
                Op::JumpIfFalse(t) => {
                    let c = stack.pop().unwrap();
                    pending.push(Pending::Cond(t as usize, c, None));
                }
                Op::Jump(t) => {
                    let a = stack.pop().unwrap();
                    let Some(Pending::Cond(target, _, then)) = pending.last_mut() else {
                        panic!("a jump outside `? :`")
                    };
                    (*target, *then) = (t as usize, Some(a));
                }
                other => panic!("no test rendering for {other:?}"),
            }
        }
        assert_eq!(stack.len(), 1, "{src}: {stack:?}");
        stack.pop().unwrap()
    }

    fn err(src: &str) -> ExprError {
        compile_condition(src, &syms(), &mut usage()).unwrap_err()
    }

    #[test]
    fn precedence_follows_the_grammar() {
        assert_eq!(show("x < 40 && !a"), "((x < 40) && !a)");
        assert_eq!(show("a || b && c"), "(a || (b && c))");
        assert_eq!(show("a or b and not c"), "(a || (b && !c))");
        assert_eq!(show("a && b && c || a"), "(((a && b) && c) || a)");
        assert_eq!(show("1 + 2 * 3 - 4"), "((1 + (2 * 3)) - 4)");
        assert_eq!(show("-(x + 1) / 2"), "(-(x + 1) / 2)");
        assert_eq!(show("x - 1 - 2 == 3 || !b"), "((((x - 1) - 2) == 3) || !b)");
        assert_eq!(show("a ? 0.7 : 0.3"), "(a ? 0.7 : 0.3)");
        assert_eq!(show("a ? 1 : b ? 2 : 3"), "(a ? 1 : (b ? 2 : 3))");
        assert_eq!(show("(a ? b : c) && a"), "((a ? b : c) && a)");
        assert_eq!(show("elapsed >= 1h"), "(elapsed >= 3600)");
        assert_eq!(show("chosen(ransom, pay)"), "chosen(0, 0)");
        assert_eq!(show("staffing == \"normal\""), "(staffing == 1)");
        assert_eq!(show("\"normal\" == staffing"), "(staffing == 1)");
    }

    #[test]
    fn spans_cover_the_source() {
        // A whole expression of the wrong type is underlined from its first to last byte.
        let e = err("  safety + x ");
        assert_eq!(e.span, Span::new(2, 12));
        // An operand keeps its parentheses.
        let e = err("(safety) && a");
        assert_eq!(e.span, Span::new(0, 8));
        // An operator's error covers both operands.
        let e = err("a && safety + isolated_net > 1");
        assert_eq!(e.span, Span::new(5, 26));
        let e = err("a && -isolated_net");
        assert_eq!(e.span, Span::new(6, 18));
    }

    #[test]
    fn syntax_errors_are_helpful() {
        let e = err("a = 3");
        assert!(e.help.unwrap().contains("=="));
        let e = err("x < 1 = 3");
        assert_eq!(e.message, "unexpected text after the end of the expression");
        let e = err("x < 1 < 2");
        assert!(e.message.contains("chained"));
        assert_eq!(e.span, Span::new(6, 7));
        let e = err("(a && b");
        assert!(e.message.contains("`)`"));
        assert_eq!(e.span, Span::new(7, 7));
        let e = err("a b");
        assert_eq!(e.span, Span::new(2, 3));
        assert!(e.help.unwrap().contains("&&"));
        assert_eq!(err("").message, "empty expression");
        assert_eq!(err("  ").message, "empty expression");
        assert_eq!(err("a &&").message, "expected a value");
        assert_eq!(
            err("a && and").message,
            "expected a value, found an operator"
        );
        assert!(err("decision.option").message.contains("`.`"));
        assert!(err("min(1 2)").message.contains("`,` or `)`"));
        assert!(err("a ? 1").message.contains("`:`"));
    }

    #[test]
    fn depth_and_length_are_limited() {
        let nested = |n: usize| format!("{}a{}", "(".repeat(n), ")".repeat(n));
        assert!(compile_condition(&nested(MAX_EXPR_DEPTH), &syms(), &mut usage()).is_ok());
        assert_eq!(err(&nested(MAX_EXPR_DEPTH + 1)).kind, ExprErrorKind::Limit);
        assert_eq!(err(&nested(100)).kind, ExprErrorKind::Limit);
        let nots = |n: usize| format!("{}a", "!".repeat(n));
        assert!(compile_condition(&nots(MAX_EXPR_DEPTH), &syms(), &mut usage()).is_ok());
        assert_eq!(err(&nots(200)).kind, ExprErrorKind::Limit);
        // Long flat chains are not nesting.
        let flat = format!("{}1 > 0", "x + ".repeat(500));
        assert!(compile_condition(&flat, &syms(), &mut usage()).is_ok());
        let long = "x + ".repeat(2000) + "x";
        assert_eq!(err(&long).kind, ExprErrorKind::Limit);
    }

    #[test]
    fn effects_parse() {
        let s = syms();
        let mut out = Vec::new();
        compile_effects(
            "x -= 10; a = true ; schedule(alert, 2h);",
            &s,
            &mut usage(),
            &mut out,
        )
        .unwrap();
        assert_eq!(out.len(), 3);
        assert!(matches!(
            out[0],
            Effect::Metric {
                op: AssignOp::Sub,
                metric: 1,
                ..
            }
        ));
        assert_eq!(
            out[2],
            Effect::Schedule {
                inject: 0,
                delay: Some(7200)
            }
        );
        let bad = |src: &str| compile_effects(src, &s, &mut usage(), &mut Vec::new()).unwrap_err();
        assert!(bad("x == 3").help.unwrap().contains("single `=`"));
        assert!(bad("x -= 1 y = 2").message.contains("`;`"));
        assert_eq!(bad(" ; ").message, "empty effect");
        assert_eq!(bad("and = 1").message, "expected an effect");
        assert_eq!(
            bad("x").message,
            "expected `=`, `+=` or `-=` after the name"
        );
        // A system takes a state name as written, even in parentheses.
        assert!(compile_effects("ehr = (down)", &s, &mut usage(), &mut Vec::new()).is_ok());
        assert!(
            bad("ehr = true ? down : up")
                .message
                .contains("only be set to a state")
        );
    }

    #[test]
    fn conditional_effects_parse_with_both_branches() {
        let mut u = usage();
        let mut out = Vec::new();
        compile_effects(
            "x -= 1; if(a && safety < 40, b = true; transfers += 1, else: if(c, cancel(alert))); x += 2",
            &syms(),
            &mut u,
            &mut out,
        )
        .unwrap();
        assert_eq!(out.len(), 3);
        let Effect::If {
            cond,
            text,
            then,
            otherwise,
        } = &out[1]
        else {
            panic!("{:?}", out[1]);
        };
        assert_eq!(&**text, "a && safety < 40");
        assert_eq!(cond.reads() & vm::reads::FLAGS, vm::reads::FLAGS);
        assert_eq!(then.len(), 2);
        assert!(matches!(
            &otherwise[..],
            [Effect::If { then, otherwise, .. }] if then.len() == 1 && otherwise.is_empty()
        ));
        // Both branches count for the lints, and so does what the condition reads.
        assert!(u.flags_set[2] && u.counters_changed[0] && u.flags_read[1] && u.flags_read[3]);
        // A trailing `;` in a branch and spaces are fine; `else` alone stays a name.
        assert!(
            compile_effects(
                "if( a , x += 1 ; , else : x -= 1 ;)",
                &syms(),
                &mut u,
                &mut out
            )
            .is_ok()
        );
    }

    #[test]
    fn mistakes_in_conditional_effects_are_explained() {
        let s = syms();
        let bad = |src: &str| compile_effects(src, &s, &mut usage(), &mut Vec::new()).unwrap_err();
        assert_eq!(
            bad("if(, x += 1)").message,
            "`if(...)` needs a condition first"
        );
        assert_eq!(bad("if()").message, "`if(...)` needs a condition first");
        assert_eq!(
            bad("if(a)").message,
            "`if(...)` needs effects after its condition"
        );
        assert_eq!(
            bad("if(a x += 1)").message,
            "expected `,` after the condition of `if(...)`"
        );
        assert_eq!(
            bad("if(a, )").message,
            "expected an effect after the condition of `if(...)`"
        );
        let e = bad("if(a, x += 1, x -= 1)");
        assert_eq!(
            e.message,
            "expected `else:` before the other branch of `if(...)`"
        );
        assert_eq!(e.span, Span::new(14, 15));
        assert_eq!(
            bad("if(a, x += 1, else: )").message,
            "expected an effect after `else:`"
        );
        assert_eq!(
            bad("if(a, x += 1, else x -= 1)").message,
            "expected `:` after `else`"
        );
        assert!(
            bad("if(a, x += 1, else: x -= 1, else: x += 2)")
                .message
                .contains("at most two")
        );
        assert!(bad("if(a, x += 1").message.contains("`)` to close `if(`"));
        let e = bad("x += 1; else: x -= 1");
        assert_eq!(e.message, "`else:` without `if(...)`");
        assert_eq!(e.span, Span::new(8, 12));
        assert!(
            bad("if(a, x += 1; else: x -= 1)")
                .message
                .contains("after a `,`")
        );
        // The condition must be true/false.
        let e = bad("if(safety, x += 1)");
        assert_eq!(e.kind, ExprErrorKind::Type);
        assert!(e.message.contains("must be true/false, found a number"));
        assert_eq!(e.span, Span::new(3, 9));
        // Errors inside a branch are reported as anywhere else.
        assert_eq!(bad("if(a, safty -= 1)").kind, ExprErrorKind::UnknownName);
        // Nesting is limited.
        let deep = format!("{}x += 1{}", "if(a, ".repeat(40), ")".repeat(40));
        assert_eq!(bad(&deep).kind, ExprErrorKind::Limit);
    }

    #[test]
    fn effects_chosen_with_a_question_mark_point_to_if() {
        let s = syms();
        let bad = |src: &str| compile_effects(src, &s, &mut usage(), &mut Vec::new()).unwrap_err();
        for src in [
            "fired(alert) ? 0 : cancel(alert)",
            "a ? cancel(alert) : x += 1",
        ] {
            let e = bad(src);
            assert!(
                e.help.as_deref().unwrap().contains("if(condition, effects"),
                "{src}: {e:?}"
            );
        }
    }

    #[test]
    fn conditional_effects_need_format_2() {
        let mut s = syms();
        s.format = 1;
        let e = compile_effects("x += 1; if(a, x -= 1)", &s, &mut usage(), &mut Vec::new())
            .unwrap_err();
        assert_eq!(e.kind, ExprErrorKind::Format);
        assert_eq!(e.span, Span::new(8, 10));
        assert!(e.help.unwrap().contains("format: 2"));
        s.format = 2;
        assert!(compile_effects("if(a, x -= 1)", &s, &mut usage(), &mut Vec::new()).is_ok());
    }
}
