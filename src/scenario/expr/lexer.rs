//! Splits an expression string into tokens with byte spans.

use super::{ExprError, ExprErrorKind};
use crate::scenario::source::Span;
use crate::scenario::time::{self, Secs};

/// A token of the expression language.
#[derive(Clone, Debug, PartialEq)]
pub enum Tok<'a> {
    /// A number such as `40` or `0.7`.
    Num(f64),
    /// A duration such as `1h`, `15m` or `1h30m`.
    Dur(Secs),
    /// A double-quoted string such as `"low"`.
    Str(&'a str),
    /// A name: an id, a keyword or a function.
    Ident(&'a str),
    /// Punctuation or an operator, e.g. `&&`, `<=`, `(`.
    Op(&'static str),
}

/// A token and where it is.
#[derive(Clone, Debug, PartialEq)]
pub struct Token<'a> {
    /// The token.
    pub tok: Tok<'a>,
    /// Its bytes in the expression text.
    pub span: Span,
}

const OPS: [&str; 23] = [
    "&&", "||", "==", "!=", "<=", ">=", "+=", "-=", "<", ">", "!", "+", "-", "*", "/", "(", ")",
    ",", "?", ":", "=", ";", ".",
];

/// Splits `src` into tokens.
pub fn tokenize(src: &str) -> Result<Vec<Token<'_>>, ExprError> {
    let bytes = src.as_bytes();
    // Most effects and conditions have a handful of tokens.
    let mut out = Vec::with_capacity(8);
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        if c.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let start = i;
        if c.is_ascii_digit() {
            while i < bytes.len() && (bytes[i].is_ascii_digit() || bytes[i] == b'.') {
                i += 1;
            }
            if i < bytes.len() && bytes[i].is_ascii_alphabetic() {
                // A duration such as `1h30m`: digits and unit letters.
                while i < bytes.len() && bytes[i].is_ascii_alphanumeric() {
                    i += 1;
                }
                let text = &src[start..i];
                let secs = time::parse_duration(text).map_err(|e| {
                    ExprError::new(
                        ExprErrorKind::Syntax,
                        Span::new(start, i),
                        format!("invalid duration `{text}`"),
                        "not a duration",
                    )
                    .with_help(e)
                })?;
                out.push(Token {
                    tok: Tok::Dur(secs),
                    span: Span::new(start, i),
                });
                continue;
            }
            let text = &src[start..i];
            let n: f64 = text.parse().map_err(|_| {
                ExprError::new(
                    ExprErrorKind::Syntax,
                    Span::new(start, i),
                    format!("invalid number `{text}`"),
                    "not a number",
                )
            })?;
            out.push(Token {
                tok: Tok::Num(n),
                span: Span::new(start, i),
            });
            continue;
        }
        if c.is_ascii_alphabetic() || c == b'_' {
            while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_') {
                i += 1;
            }
            out.push(Token {
                tok: Tok::Ident(&src[start..i]),
                span: Span::new(start, i),
            });
            continue;
        }
        if c == b'"' || c == b'\'' {
            let quote = c;
            i += 1;
            while i < bytes.len() && bytes[i] != quote {
                i += 1;
            }
            if i >= bytes.len() {
                return Err(ExprError::new(
                    ExprErrorKind::Syntax,
                    Span::new(start, start + 1),
                    "unterminated string in expression",
                    "this quote is never closed",
                ));
            }
            i += 1;
            out.push(Token {
                tok: Tok::Str(&src[start + 1..i - 1]),
                span: Span::new(start, i),
            });
            continue;
        }
        if let Some(op) = OPS.iter().find(|op| src[i..].starts_with(**op)) {
            i += op.len();
            out.push(Token {
                tok: Tok::Op(op),
                span: Span::new(start, i),
            });
            continue;
        }
        let ch = src[i..].chars().next().unwrap_or('?');
        let end = i + ch.len_utf8();
        let mut err = ExprError::new(
            ExprErrorKind::Syntax,
            Span::new(start, end),
            format!(
                "unexpected character `{}` in expression",
                ch.escape_default()
            ),
            "not part of the expression language",
        );
        err = match ch {
            '&' => err.with_help("write `&&` (or `and`) for \"and\""),
            '|' => err.with_help("write `||` (or `or`) for \"or\""),
            '%' => err.with_help("percentages are plain numbers: write `40`, not `40%`"),
            _ => err.with_help(
                "expressions use names, numbers, durations, \"strings\" and the operators ! && || == != < <= > >= + - * / ? :",
            ),
        };
        return Err(err);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<Tok<'_>> {
        tokenize(s).unwrap().into_iter().map(|t| t.tok).collect()
    }

    #[test]
    fn tokens_of_a_condition() {
        assert_eq!(
            toks("patient_safety < 40 && !net"),
            vec![
                Tok::Ident("patient_safety"),
                Tok::Op("<"),
                Tok::Num(40.0),
                Tok::Op("&&"),
                Tok::Op("!"),
                Tok::Ident("net"),
            ]
        );
    }

    #[test]
    fn durations_and_strings() {
        assert_eq!(
            toks("elapsed >= 1h30m || s == \"low\""),
            vec![
                Tok::Ident("elapsed"),
                Tok::Op(">="),
                Tok::Dur(5400),
                Tok::Op("||"),
                Tok::Ident("s"),
                Tok::Op("=="),
                Tok::Str("low"),
            ]
        );
    }

    #[test]
    fn errors_point_at_the_culprit() {
        let e = tokenize("a & b").unwrap_err();
        assert_eq!(e.span, Span::new(2, 3));
        assert!(e.help.unwrap().contains("&&"));
        let e = tokenize("x == \"low").unwrap_err();
        assert_eq!(e.span, Span::new(5, 6));
        let e = tokenize("elapsed > 3q").unwrap_err();
        assert_eq!(e.span, Span::new(10, 12));
        assert!(tokenize("1.2.3").is_err());
    }
}
