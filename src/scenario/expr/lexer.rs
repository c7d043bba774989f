//! Splits an expression string into tokens with byte spans, one at a time.

use super::{ExprError, ExprErrorKind, Fatal};
use crate::scenario::source::Span;
use crate::scenario::time::{self, Secs};

/// A token of the expression language.
#[derive(Clone, Copy, Debug, PartialEq)]
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
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Token<'a> {
    /// The token.
    pub tok: Tok<'a>,
    /// Its bytes in the expression text.
    pub span: Span,
}

/// Reads the tokens of an expression lazily, so that the compiler needs no token list.
#[derive(Clone, Copy, Debug)]
pub struct Lexer<'a> {
    src: &'a str,
    pos: usize,
}

impl<'a> Lexer<'a> {
    /// A lexer at the start of `src`.
    pub fn new(src: &'a str) -> Self {
        Lexer { src, pos: 0 }
    }

    /// The next token, `None` at the end of the text, or the first character that does
    /// not belong to the language.
    pub fn next_token(&mut self) -> Result<Option<Token<'a>>, Fatal> {
        let src = self.src;
        let bytes = src.as_bytes();
        let mut i = self.pos;
        while i < bytes.len() && bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        if i >= bytes.len() {
            self.pos = i;
            return Ok(None);
        }
        let start = i;
        let c = bytes[i];
        let tok = if c.is_ascii_digit() {
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
                Tok::Dur(secs)
            } else {
                let text = &src[start..i];
                let n = short_decimal(text)
                    .map_or_else(|| text.parse(), Ok)
                    .map_err(|_| {
                        ExprError::new(
                            ExprErrorKind::Syntax,
                            Span::new(start, i),
                            format!("invalid number `{text}`"),
                            "not a number",
                        )
                    })?;
                Tok::Num(n)
            }
        } else if c.is_ascii_alphabetic() || c == b'_' {
            while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_') {
                i += 1;
            }
            Tok::Ident(&src[start..i])
        } else if c == b'"' || c == b'\'' {
            i += 1;
            while i < bytes.len() && bytes[i] != c {
                i += 1;
            }
            if i >= bytes.len() {
                return Err(Box::new(ExprError::new(
                    ExprErrorKind::Syntax,
                    Span::new(start, start + 1),
                    "unterminated string in expression",
                    "this quote is never closed",
                )));
            }
            i += 1;
            Tok::Str(&src[start + 1..i - 1])
        } else if let Some(op) = operator(bytes[i], bytes.get(i + 1).copied()) {
            i += op.len();
            Tok::Op(op)
        } else {
            return Err(Box::new(unexpected_char(src, start)));
        };
        self.pos = i;
        Ok(Some(Token {
            tok,
            span: Span::new(start, i),
        }))
    }

    /// Reads the rest of the text for a character that does not belong to the language.
    /// The first such error outranks any grammar error, wherever it is.
    pub fn first_error_in_rest(mut self) -> Option<ExprError> {
        loop {
            match self.next_token() {
                Ok(Some(_)) => {}
                Ok(None) => return None,
                Err(e) => return Some(*e),
            }
        }
    }
}

/// The value of a short decimal such as `40` or `0.25` (at most 15 digits), computed exactly
/// without the general float parser: the digits form an integer below 2^53 and the power of
/// ten is exact, so one correctly rounded division gives the same value as `str::parse`.
fn short_decimal(text: &str) -> Option<f64> {
    const POW10: [f64; 16] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
    ];
    let (int, frac) = text.split_once('.').unwrap_or((text, ""));
    if int.is_empty() || int.len() + frac.len() > 15 {
        return None;
    }
    let mut m: u64 = 0;
    for c in int.bytes().chain(frac.bytes()) {
        if !c.is_ascii_digit() {
            return None;
        }
        m = m * 10 + u64::from(c - b'0');
    }
    Some(m as f64 / POW10[frac.len()])
}

/// The operator or punctuation starting with `c` (followed by `next`), longest first.
fn operator(c: u8, next: Option<u8>) -> Option<&'static str> {
    let two = match (c, next) {
        (b'&', Some(b'&')) => Some("&&"),
        (b'|', Some(b'|')) => Some("||"),
        (b'=', Some(b'=')) => Some("=="),
        (b'!', Some(b'=')) => Some("!="),
        (b'<', Some(b'=')) => Some("<="),
        (b'>', Some(b'=')) => Some(">="),
        (b'+', Some(b'=')) => Some("+="),
        (b'-', Some(b'=')) => Some("-="),
        _ => None,
    };
    two.or(match c {
        b'<' => Some("<"),
        b'>' => Some(">"),
        b'!' => Some("!"),
        b'+' => Some("+"),
        b'-' => Some("-"),
        b'*' => Some("*"),
        b'/' => Some("/"),
        b'(' => Some("("),
        b')' => Some(")"),
        b',' => Some(","),
        b'?' => Some("?"),
        b':' => Some(":"),
        b'=' => Some("="),
        b';' => Some(";"),
        b'.' => Some("."),
        _ => None,
    })
}

fn unexpected_char(src: &str, start: usize) -> ExprError {
    let ch = src[start..].chars().next().unwrap_or('?');
    let err = ExprError::new(
        ExprErrorKind::Syntax,
        Span::new(start, start + ch.len_utf8()),
        format!(
            "unexpected character `{}` in expression",
            ch.escape_default()
        ),
        "not part of the expression language",
    );
    match ch {
        '&' => err.with_help("write `&&` (or `and`) for \"and\""),
        '|' => err.with_help("write `||` (or `or`) for \"or\""),
        '%' => err.with_help("percentages are plain numbers: write `40`, not `40%`"),
        _ => err.with_help(
            "expressions use names, numbers, durations, \"strings\" and the operators ! && || == != < <= > >= + - * / ? :",
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokenize(src: &str) -> Result<Vec<Token<'_>>, Fatal> {
        let mut lexer = Lexer::new(src);
        let mut out = Vec::new();
        while let Some(t) = lexer.next_token()? {
            out.push(t);
        }
        Ok(out)
    }

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
    fn short_decimals_read_exactly_like_the_float_parser() {
        let mut rng = 0x2545_f491_4f6c_dd1du64;
        let mut next = || {
            rng ^= rng << 13;
            rng ^= rng >> 7;
            rng ^= rng << 17;
            rng
        };
        for _ in 0..200_000 {
            let digits = (next() % 15 + 1) as usize;
            let n = next() % 10u64.pow(digits as u32);
            let text = format!("{n:0digits$}");
            let point = (next() % (digits as u64 + 1)) as usize;
            let text = if point == 0 || point == digits {
                text
            } else {
                format!("{}.{}", &text[..point], &text[point..])
            };
            assert_eq!(
                short_decimal(&text),
                Some(text.parse::<f64>().unwrap()),
                "{text}"
            );
        }
        for text in [
            "0.1",
            "0.3",
            "123456789012345",
            "0.00000000000001",
            "9.99999999999999",
            "1.",
        ] {
            assert_eq!(short_decimal(text), text.parse().ok(), "{text}");
        }
        // Longer or odd numbers go to the general parser.
        for text in ["1234567890123456", "1.2.3", ".5", "1e5", ""] {
            assert_eq!(short_decimal(text), None, "{text}");
        }
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
