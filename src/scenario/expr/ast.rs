//! The syntax tree of expressions and effect statements, before names are resolved.

use crate::scenario::source::Span;
use crate::scenario::time::Secs;

/// An expression with its span in the expression text.
#[derive(Clone, Debug, PartialEq)]
pub struct Expr<'a> {
    /// What kind of expression.
    pub kind: ExprKind<'a>,
    /// Its bytes in the expression text.
    pub span: Span,
}

/// The kinds of expressions.
#[derive(Clone, Debug, PartialEq)]
pub enum ExprKind<'a> {
    /// A number literal.
    Num(f64),
    /// A duration literal such as `1h`.
    Dur(Secs),
    /// A string literal (compared with choice parameters).
    Str(&'a str),
    /// `true` or `false`.
    Bool(bool),
    /// A bare name: a metric, flag, counter, parameter, system, service, state or `elapsed`.
    Name(&'a str),
    /// A function call such as `fired(ransom_note)`.
    Call {
        /// The function's name.
        name: &'a str,
        /// The span of the name.
        name_span: Span,
        /// The arguments.
        args: Vec<Expr<'a>>,
    },
    /// A prefix operator applied to an operand.
    Unary(UnOp, Box<Expr<'a>>),
    /// A binary operator applied to two operands.
    Binary(BinOp, Box<Expr<'a>>, Box<Expr<'a>>),
    /// `cond ? then : else`.
    Cond(Box<Expr<'a>>, Box<Expr<'a>>, Box<Expr<'a>>),
}

/// Prefix operators.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnOp {
    /// `!` or `not`.
    Not,
    /// `-`.
    Neg,
}

/// Binary operators, loosest first.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinOp {
    /// `||` or `or`.
    Or,
    /// `&&` or `and`.
    And,
    /// `==`.
    Eq,
    /// `!=`.
    Ne,
    /// `<`.
    Lt,
    /// `<=`.
    Le,
    /// `>`.
    Gt,
    /// `>=`.
    Ge,
    /// `+`.
    Add,
    /// `-`.
    Sub,
    /// `*`.
    Mul,
    /// `/`.
    Div,
}

impl BinOp {
    /// The operator as written.
    pub fn symbol(self) -> &'static str {
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

/// One effect statement.
#[derive(Clone, Debug, PartialEq)]
pub enum Stmt<'a> {
    /// `target = value`, `target += value` or `target -= value`.
    Assign {
        /// The name assigned to.
        target: &'a str,
        /// Span of the target name.
        target_span: Span,
        /// The operator.
        op: AssignOp,
        /// The right-hand side.
        value: Expr<'a>,
        /// Span of the whole statement.
        span: Span,
    },
    /// An action such as `schedule(leak_threat, 2h)` or `end(contained)`.
    Action {
        /// The action's name.
        name: &'a str,
        /// Span of the name.
        name_span: Span,
        /// The arguments.
        args: Vec<Expr<'a>>,
        /// Span of the whole statement.
        span: Span,
    },
}
