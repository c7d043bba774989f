//! The expression language used inside RON strings for conditions and effects.
//!
//! Conditions such as `"patient_safety < 40 && !network_isolated"` and effects such as
//! `"patient_safety -= 10"` are compiled once at load time, in one pass: the [`lexer`] reads
//! tokens, the grammar ([`parse`]) reads operands and operators, and the compiler
//! ([`compile`]) checks their types against the scenario's names ([`symbols`]) and emits
//! bytecode as it goes; effect statements resolve to [`effects::Effect`]s. A small stack machine ([`vm`]) runs it with no string lookups while
//! an exercise runs.

pub mod compile;
pub mod effects;
pub mod lexer;
pub mod parse;
pub mod symbols;
pub mod vm;

use super::source::Span;

/// Longest expression or effect string accepted, in bytes.
pub const MAX_EXPR_LEN: usize = 4096;
/// Deepest nesting of sub-expressions accepted.
pub const MAX_EXPR_DEPTH: usize = 32;

/// An error that stops compilation (a character outside the language, a grammar error or
/// a limit), boxed to keep the compiler's return values small.
pub(crate) type Fatal = Box<ExprError>;

/// What went wrong with an expression, with a span relative to the expression text.
#[derive(Clone, Debug, PartialEq)]
pub struct ExprError {
    /// Which family of problem this is.
    pub kind: ExprErrorKind,
    /// Bytes of the expression text the problem covers.
    pub span: Span,
    /// A one-line description.
    pub message: String,
    /// A short label shown under the span.
    pub label: String,
    /// A hint on how to fix it, if there is one.
    pub help: Option<String>,
}

/// The families of expression problems; each maps to a diagnostic code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExprErrorKind {
    /// The text does not follow the grammar.
    Syntax,
    /// Names and operators do not fit together (e.g. a number compared with a flag).
    Type,
    /// A name that is not defined in the scenario.
    UnknownName,
    /// The expression is too long or too deeply nested.
    Limit,
    /// A construct of a newer format version than the file says (e.g. `if(...)` with
    /// `format: 1`).
    Format,
}

impl ExprError {
    pub(crate) fn new(
        kind: ExprErrorKind,
        span: Span,
        message: impl Into<String>,
        label: impl Into<String>,
    ) -> Self {
        ExprError {
            kind,
            span,
            message: message.into(),
            label: label.into(),
            help: None,
        }
    }

    pub(crate) fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }
}
