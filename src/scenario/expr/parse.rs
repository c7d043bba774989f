//! A precedence-climbing parser for expressions and effect statements.
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
//! stmt    := name ("=" | "+=" | "-=") expr | name "(" args ")"
//! ```

use super::ast::{AssignOp, BinOp, Expr, ExprKind, Stmt, UnOp};
use super::lexer::{Tok, Token, tokenize};
use super::{ExprError, ExprErrorKind, MAX_EXPR_DEPTH, MAX_EXPR_LEN};
use crate::scenario::source::Span;

/// Parses a condition or value expression.
pub fn parse_expr(src: &str) -> Result<Expr<'_>, ExprError> {
    let mut p = Parser::new(src)?;
    if p.tokens.is_empty() {
        return Err(ExprError::new(
            ExprErrorKind::Syntax,
            Span::new(0, src.len()),
            "empty expression",
            "nothing to evaluate here",
        )
        .with_help("write a condition such as `patient_safety < 40` or `true`"));
    }
    let e = p.expr(0)?;
    p.expect_end()?;
    Ok(e)
}

/// Parses one or more effect statements separated by `;`.
pub fn parse_effects(src: &str) -> Result<Vec<Stmt<'_>>, ExprError> {
    let mut p = Parser::new(src)?;
    let mut out = Vec::new();
    loop {
        while p.eat_op(";") {}
        if p.at_end() {
            break;
        }
        out.push(p.stmt()?);
        if p.at_end() {
            break;
        }
        if !p.eat_op(";") {
            let t = p.peek_span();
            return Err(ExprError::new(
                ExprErrorKind::Syntax,
                t,
                "expected `;` between two effects",
                "another effect starts here",
            )
            .with_help("separate effects with `;` or put each in its own string"));
        }
    }
    if out.is_empty() {
        return Err(ExprError::new(
            ExprErrorKind::Syntax,
            Span::new(0, src.len()),
            "empty effect",
            "nothing to do here",
        )
        .with_help(
            "write an effect such as `patient_safety -= 10` or `schedule(ransom_note, 30m)`",
        ));
    }
    Ok(out)
}

struct Parser<'a> {
    src: &'a str,
    tokens: Vec<Token<'a>>,
    pos: usize,
}

fn is_keyword(name: &str) -> bool {
    matches!(name, "and" | "or" | "not")
}

impl<'a> Parser<'a> {
    fn new(src: &'a str) -> Result<Self, ExprError> {
        if src.len() > MAX_EXPR_LEN {
            return Err(ExprError::new(
                ExprErrorKind::Limit,
                Span::new(0, 0),
                format!(
                    "expression is {} bytes long; the limit is {MAX_EXPR_LEN}",
                    src.len()
                ),
                "too long",
            )
            .with_help("split it into several conditions, flags or effects"));
        }
        Ok(Parser {
            src,
            tokens: tokenize(src)?,
            pos: 0,
        })
    }

    fn at_end(&self) -> bool {
        self.pos >= self.tokens.len()
    }

    fn peek(&self) -> Option<&Tok<'a>> {
        self.tokens.get(self.pos).map(|t| &t.tok)
    }

    fn peek_span(&self) -> Span {
        self.tokens
            .get(self.pos)
            .map(|t| t.span)
            .unwrap_or(Span::new(self.src.len(), self.src.len()))
    }

    fn prev_end(&self) -> usize {
        self.pos
            .checked_sub(1)
            .and_then(|i| self.tokens.get(i))
            .map(|t| t.span.end)
            .unwrap_or(0)
    }

    fn is_op(&self, op: &str) -> bool {
        matches!(self.peek(), Some(Tok::Op(o)) if *o == op)
    }

    fn is_word(&self, w: &str) -> bool {
        matches!(self.peek(), Some(Tok::Ident(i)) if *i == w)
    }

    fn eat_op(&mut self, op: &str) -> bool {
        if self.is_op(op) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    fn expect_op(&mut self, op: &str, what: &str) -> Result<Span, ExprError> {
        if self.is_op(op) {
            self.pos += 1;
            Ok(self.tokens[self.pos - 1].span)
        } else {
            Err(self.unexpected(&format!("expected `{op}` {what}")))
        }
    }

    fn expect_end(&self) -> Result<(), ExprError> {
        if self.at_end() {
            return Ok(());
        }
        let mut e = self.unexpected("unexpected text after the end of the expression");
        if self.is_op("=") {
            e = e.with_help("compare with `==`; a single `=` only assigns, in effects");
        } else if matches!(self.peek(), Some(Tok::Ident(_))) {
            e = e.with_help("join conditions with `&&` or `||`");
        }
        Err(e)
    }

    fn unexpected(&self, message: &str) -> ExprError {
        let (label, span) = match self.tokens.get(self.pos) {
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

    fn expr(&mut self, depth: usize) -> Result<Expr<'a>, ExprError> {
        if depth > MAX_EXPR_DEPTH {
            return Err(self.depth_error());
        }
        let cond = self.or(depth)?;
        if self.eat_op("?") {
            let then = self.expr(depth + 1)?;
            self.expect_op(":", "between the two branches of `? :`")?;
            let other = self.expr(depth + 1)?;
            let span = Span::new(cond.span.start, other.span.end);
            return Ok(Expr {
                kind: ExprKind::Cond(Box::new(cond), Box::new(then), Box::new(other)),
                span,
            });
        }
        Ok(cond)
    }

    fn binary_chain(
        &mut self,
        depth: usize,
        next: fn(&mut Self, usize) -> Result<Expr<'a>, ExprError>,
        ops: &[(&str, BinOp)],
    ) -> Result<Expr<'a>, ExprError> {
        let mut left = next(self, depth + 1)?;
        'outer: loop {
            // Most operands end an expression or sit before another level's operator: look
            // at the next token once before trying each operator of this level.
            if !matches!(self.peek(), Some(Tok::Op(_) | Tok::Ident(_))) {
                return Ok(left);
            }
            for (text, op) in ops {
                let hit = if text.as_bytes()[0].is_ascii_alphabetic() {
                    self.is_word(text)
                } else {
                    self.is_op(text)
                };
                if hit {
                    self.pos += 1;
                    let right = next(self, depth + 1)?;
                    let span = Span::new(left.span.start, right.span.end);
                    left = Expr {
                        kind: ExprKind::Binary(*op, Box::new(left), Box::new(right)),
                        span,
                    };
                    continue 'outer;
                }
            }
            return Ok(left);
        }
    }

    fn or(&mut self, depth: usize) -> Result<Expr<'a>, ExprError> {
        self.binary_chain(depth, Self::and, &[("||", BinOp::Or), ("or", BinOp::Or)])
    }

    fn and(&mut self, depth: usize) -> Result<Expr<'a>, ExprError> {
        self.binary_chain(depth, Self::cmp, &[("&&", BinOp::And), ("and", BinOp::And)])
    }

    fn cmp(&mut self, depth: usize) -> Result<Expr<'a>, ExprError> {
        const CMP: [(&str, BinOp); 6] = [
            ("==", BinOp::Eq),
            ("!=", BinOp::Ne),
            ("<=", BinOp::Le),
            (">=", BinOp::Ge),
            ("<", BinOp::Lt),
            (">", BinOp::Gt),
        ];
        let left = self.sum(depth + 1)?;
        if !matches!(self.peek(), Some(Tok::Op(_))) {
            return Ok(left);
        }
        for (text, op) in CMP {
            if self.eat_op(text) {
                let right = self.sum(depth + 1)?;
                if CMP.iter().any(|(t, _)| self.is_op(t)) {
                    return Err(self
                        .unexpected("comparisons cannot be chained")
                        .with_help("write `a < b && b < c` instead of `a < b < c`"));
                }
                let span = Span::new(left.span.start, right.span.end);
                return Ok(Expr {
                    kind: ExprKind::Binary(op, Box::new(left), Box::new(right)),
                    span,
                });
            }
        }
        if self.is_op("=") {
            return Err(self
                .unexpected("a single `=` assigns; it cannot appear in a condition")
                .with_help("compare with `==`"));
        }
        Ok(left)
    }

    fn sum(&mut self, depth: usize) -> Result<Expr<'a>, ExprError> {
        self.binary_chain(
            depth,
            Self::product,
            &[("+", BinOp::Add), ("-", BinOp::Sub)],
        )
    }

    fn product(&mut self, depth: usize) -> Result<Expr<'a>, ExprError> {
        self.binary_chain(depth, Self::unary, &[("*", BinOp::Mul), ("/", BinOp::Div)])
    }

    fn unary(&mut self, depth: usize) -> Result<Expr<'a>, ExprError> {
        if depth > MAX_EXPR_DEPTH {
            return Err(self.depth_error());
        }
        let start = self.peek_span().start;
        let op = if self.eat_op("!")
            || (self.is_word("not") && {
                self.pos += 1;
                true
            }) {
            Some(UnOp::Not)
        } else if self.eat_op("-") {
            Some(UnOp::Neg)
        } else {
            None
        };
        match op {
            Some(op) => {
                let inner = self.unary(depth + 1)?;
                let span = Span::new(start, inner.span.end);
                Ok(Expr {
                    kind: ExprKind::Unary(op, Box::new(inner)),
                    span,
                })
            }
            None => self.primary(depth + 1),
        }
    }

    fn args(&mut self, depth: usize) -> Result<Vec<Expr<'a>>, ExprError> {
        let mut args = Vec::new();
        if self.eat_op(")") {
            return Ok(args);
        }
        loop {
            args.push(self.expr(depth + 1)?);
            if self.eat_op(")") {
                return Ok(args);
            }
            if !self.eat_op(",") {
                return Err(self.unexpected("expected `,` or `)` in the argument list"));
            }
        }
    }

    fn primary(&mut self, depth: usize) -> Result<Expr<'a>, ExprError> {
        if depth > MAX_EXPR_DEPTH {
            return Err(self.depth_error());
        }
        let Some(token) = self.tokens.get(self.pos).cloned() else {
            return Err(self.unexpected("expected a value"));
        };
        let span = token.span;
        self.pos += 1;
        let kind = match token.tok {
            Tok::Num(n) => ExprKind::Num(n),
            Tok::Dur(d) => ExprKind::Dur(d),
            Tok::Str(s) => ExprKind::Str(s),
            Tok::Ident("true") => ExprKind::Bool(true),
            Tok::Ident("false") => ExprKind::Bool(false),
            Tok::Ident(name) if is_keyword(name) => {
                self.pos -= 1;
                return Err(self.unexpected("expected a value, found an operator"));
            }
            Tok::Ident(name) => {
                if self.eat_op("(") {
                    let args = self.args(depth)?;
                    return Ok(Expr {
                        kind: ExprKind::Call {
                            name,
                            name_span: span,
                            args,
                        },
                        span: Span::new(span.start, self.prev_end()),
                    });
                }
                if self.is_op(".") {
                    return Err(self.unexpected("`.` is not an operator").with_help(
                        "to test a decision's option write `chosen(decision, option)`",
                    ));
                }
                ExprKind::Name(name)
            }
            Tok::Op("(") => {
                let inner = self.expr(depth + 1)?;
                self.expect_op(")", "to close the parenthesis")?;
                return Ok(Expr {
                    kind: inner.kind,
                    span: Span::new(span.start, self.prev_end()),
                });
            }
            Tok::Op(_) => {
                self.pos -= 1;
                return Err(self.unexpected("expected a value"));
            }
        };
        Ok(Expr { kind, span })
    }

    fn stmt(&mut self) -> Result<Stmt<'a>, ExprError> {
        let start = self.peek_span();
        let name = match self.peek() {
            Some(Tok::Ident(n)) if !is_keyword(n) => *n,
            _ => {
                return Err(self
                    .unexpected("expected an effect")
                    .with_help("effects look like `metric -= 10`, `flag = true`, `system = down` or `schedule(inject, 30m)`"));
            }
        };
        self.pos += 1;
        if self.eat_op("(") {
            let args = self.args(0)?;
            return Ok(Stmt::Action {
                name,
                name_span: start,
                args,
                span: Span::new(start.start, self.prev_end()),
            });
        }
        let op = if self.eat_op("=") {
            AssignOp::Set
        } else if self.eat_op("+=") {
            AssignOp::Add
        } else if self.eat_op("-=") {
            AssignOp::Sub
        } else {
            let mut e = self.unexpected("expected `=`, `+=` or `-=` after the name");
            if self.is_op("==") {
                e = e.with_help("effects assign with a single `=`; `==` compares, in conditions");
            }
            return Err(e);
        };
        let value = self.expr(0)?;
        Ok(Stmt::Assign {
            target: name,
            target_span: start,
            op,
            value,
            span: Span::new(start.start, self.prev_end()),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(e: &Expr<'_>) -> String {
        match &e.kind {
            ExprKind::Num(n) => format!("{n}"),
            ExprKind::Dur(d) => format!("{d}s"),
            ExprKind::Str(s) => format!("{s:?}"),
            ExprKind::Bool(b) => format!("{b}"),
            ExprKind::Name(n) => n.to_string(),
            ExprKind::Call { name, args, .. } => format!(
                "{name}({})",
                args.iter().map(show).collect::<Vec<_>>().join(", ")
            ),
            ExprKind::Unary(UnOp::Not, x) => format!("!{}", show(x)),
            ExprKind::Unary(UnOp::Neg, x) => format!("-{}", show(x)),
            ExprKind::Binary(op, a, b) => format!("({} {} {})", show(a), op.symbol(), show(b)),
            ExprKind::Cond(c, a, b) => format!("({} ? {} : {})", show(c), show(a), show(b)),
        }
    }

    fn p(s: &str) -> String {
        show(&parse_expr(s).unwrap())
    }

    #[test]
    fn precedence_follows_the_grammar() {
        assert_eq!(p("a < 40 && !b"), "((a < 40) && !b)");
        assert_eq!(p("a || b && c"), "(a || (b && c))");
        assert_eq!(p("a or b and not c"), "(a || (b && !c))");
        assert_eq!(p("1 + 2 * 3 - 4"), "((1 + (2 * 3)) - 4)");
        assert_eq!(p("-(x + 1) / 2"), "(-(x + 1) / 2)");
        assert_eq!(p("t ? 0.7 : 0.3"), "(t ? 0.7 : 0.3)");
        assert_eq!(p("elapsed >= 1h"), "(elapsed >= 3600s)");
        assert_eq!(p("chosen(ransom, pay)"), "chosen(ransom, pay)");
        assert_eq!(p("staffing == \"low\""), "(staffing == \"low\")");
    }

    #[test]
    fn spans_cover_the_source() {
        let e = parse_expr("  patient_safety < 40").unwrap();
        assert_eq!(e.span, Span::new(2, 21));
        let ExprKind::Binary(_, l, r) = e.kind else {
            panic!()
        };
        assert_eq!(l.span, Span::new(2, 16));
        assert_eq!(r.span, Span::new(19, 21));
    }

    #[test]
    fn syntax_errors_are_helpful() {
        let e = parse_expr("a = 3").unwrap_err();
        assert!(e.help.unwrap().contains("=="));
        let e = parse_expr("a < b < c").unwrap_err();
        assert!(e.message.contains("chained"));
        let e = parse_expr("(a && b").unwrap_err();
        assert!(e.message.contains("`)`"));
        assert_eq!(e.span, Span::new(7, 7));
        let e = parse_expr("a b").unwrap_err();
        assert_eq!(e.span, Span::new(2, 3));
        assert!(parse_expr("").is_err());
        assert!(parse_expr("a &&").is_err());
        assert!(parse_expr("decision.option").is_err());
    }

    #[test]
    fn depth_and_length_are_limited() {
        let deep = format!("{}1{}", "(".repeat(100), ")".repeat(100));
        assert_eq!(parse_expr(&deep).unwrap_err().kind, ExprErrorKind::Limit);
        let nots = format!("{}a", "!".repeat(200));
        assert_eq!(parse_expr(&nots).unwrap_err().kind, ExprErrorKind::Limit);
        let long = "a + ".repeat(2000) + "a";
        assert_eq!(parse_expr(&long).unwrap_err().kind, ExprErrorKind::Limit);
    }

    #[test]
    fn effects_parse() {
        let s = parse_effects("x -= 10; flag = true ; schedule(leak, 2h);").unwrap();
        assert_eq!(s.len(), 3);
        assert!(matches!(
            &s[0],
            Stmt::Assign {
                op: AssignOp::Sub,
                ..
            }
        ));
        assert!(
            matches!(&s[2], Stmt::Action { name, args, .. } if *name == "schedule" && args.len() == 2)
        );
        assert!(
            parse_effects("x == 3")
                .unwrap_err()
                .help
                .unwrap()
                .contains("single `=`")
        );
        assert!(
            parse_effects("x -= 1 y = 2")
                .unwrap_err()
                .message
                .contains("`;`")
        );
        assert!(parse_effects(" ; ").is_err());
    }
}
