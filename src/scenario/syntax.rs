//! A spanned RON parser.
//!
//! [`parse`] turns a scenario text into a tree of [`Node`]s in which every value
//! remembers its byte [`Span`], so that later stages can point an author at
//! `file:line:col`. The grammar is the data subset of RON as the `ron` crate
//! (0.12) accepts it; the parser is iterative (no recursion on nesting), scans
//! bytes, borrows strings that contain no escapes, and enforces [`Limits`] so that
//! hostile input can neither exhaust the stack nor take super-linear time.
//!
//! Known differences from `ron` 0.12: range literals (`1..2`) are not supported,
//! identifiers beyond ASCII use Unicode "alphabetic"/"alphanumeric" rather than
//! XID, integers are limited to the 64-bit range (a larger decimal literal
//! becomes a float, as `ron` does without its `integer128` feature), and a few
//! literals that `ron` rejects only for some target types are accepted here
//! (`1f32`, `\u{..}` in byte strings); the deserializer decides what fits.

use std::borrow::Cow;
use std::fmt;

use super::source::Span;

/// Bounds on the work the parser does, so that hostile input fails fast.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// Deepest allowed nesting of lists, maps, structs and tuples (default 64).
    pub max_depth: usize,
    /// Most items in one list, map, struct or tuple (default 100 000).
    pub max_items: usize,
    /// Most values in the whole file, containers included (default 2 000 000).
    pub max_nodes: usize,
    /// Longest string or byte string, in bytes of content (default 1 MiB).
    pub max_string_len: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_depth: 64,
            max_items: 100_000,
            max_nodes: 2_000_000,
            max_string_len: 1 << 20,
        }
    }
}

/// One value of the document together with the bytes it was written in.
#[derive(Clone, Debug, PartialEq)]
pub struct Node<'a> {
    /// The bytes of the whole value, e.g. a string's quotes or a struct's name and parentheses.
    pub span: Span,
    /// What the value is.
    pub kind: NodeKind<'a>,
}

/// The kinds of RON values.
#[derive(Clone, Debug, PartialEq)]
pub enum NodeKind<'a> {
    /// `()`.
    Unit,
    /// `true` or `false`.
    Bool(bool),
    /// A non-negative integer literal (also byte literals such as `b'a'`).
    UInt(u64),
    /// A negative integer literal; always below zero (`-0` is `UInt(0)`).
    Int(i64),
    /// A floating-point literal, `inf` or `NaN` (also a decimal integer too large for 64 bits).
    Float(f64),
    /// A character literal such as `'a'`.
    Char(char),
    /// A string, borrowed from the text when it has no escapes (raw strings always are).
    Str(Cow<'a, str>),
    /// A byte string such as `b"abc"` or `br"abc"`.
    Bytes(Cow<'a, [u8]>),
    /// A bare identifier: a unit enum variant, a unit struct name or `None`.
    Ident(&'a str),
    /// A parenthesised value `Name(...)` or `(...)`: a struct, a tuple, a tuple
    /// struct or an enum variant with content (`Some(x)` included).
    Tagged {
        /// The name before the parenthesis and its span, if any.
        name: Option<(&'a str, Span)>,
        /// What is between the parentheses.
        body: Body<'a>,
    },
    /// A list `[a, b]`.
    List(Vec<Node<'a>>),
    /// A map `{k: v}`; keys may be any value.
    Map(Vec<(Node<'a>, Node<'a>)>),
    /// A placeholder for a value the parser could not read (see [`parse_all`]): its
    /// syntax error is reported already, so later stages say nothing more about it.
    Error,
}

impl NodeKind<'_> {
    /// A short English description for messages, such as "a string" or "a list".
    pub fn description(&self) -> &'static str {
        match self {
            NodeKind::Unit => "`()`",
            NodeKind::Bool(_) => "a boolean",
            NodeKind::UInt(_) | NodeKind::Int(_) => "an integer",
            NodeKind::Float(_) => "a number",
            NodeKind::Char(_) => "a character",
            NodeKind::Str(_) => "a string",
            NodeKind::Bytes(_) => "a byte string",
            NodeKind::Ident(_) => "an identifier",
            NodeKind::Tagged {
                body: Body::Struct(_),
                ..
            } => "a struct",
            NodeKind::Tagged {
                body: Body::Tuple(_),
                ..
            } => "a tuple",
            NodeKind::List(_) => "a list",
            NodeKind::Map(_) => "a map",
            NodeKind::Error => "a value with a syntax error",
        }
    }
}

/// The content of a parenthesised value.
#[derive(Clone, Debug, PartialEq)]
pub enum Body<'a> {
    /// Named fields: `(a: 1, b: 2)`.
    Struct(Vec<Field<'a>>),
    /// Unnamed elements: `(1, 2)`, `Some(x)`, `Name()`.
    Tuple(Vec<Node<'a>>),
}

/// A named field of a struct body.
#[derive(Clone, Debug, PartialEq)]
pub struct Field<'a> {
    /// The field name (without `r#` for raw identifiers).
    pub name: &'a str,
    /// The span of the field name as written.
    pub name_span: Span,
    /// The field value.
    pub value: Node<'a>,
}

/// A parsed document: its `#![enable(...)]` extensions and its single value.
#[derive(Clone, Debug, PartialEq)]
pub struct Document<'a> {
    /// Extension names from `#![enable(...)]` attributes, with their spans.
    /// They are recorded only: this parser always behaves as if
    /// `implicit_some`, `unwrap_newtypes` and `unwrap_variant_newtypes` were on.
    pub extensions: Vec<(&'a str, Span)>,
    /// The top-level value.
    pub value: Node<'a>,
}

/// A syntax error, meant to be shown to a scenario author.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    /// The offending bytes (the opening quote of an unterminated string, the
    /// unexpected character, the opening bracket that never closes, ...).
    pub span: Span,
    /// One English sentence saying what is wrong.
    pub message: String,
    /// Advice on how to fix it, when there is some.
    pub hint: Option<String>,
    /// True when a [`Limits`] bound was exceeded (the text may be valid but is too big).
    pub limit: bool,
}

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for SyntaxError {}

impl SyntaxError {
    fn new(span: Span, message: impl Into<String>) -> Self {
        SyntaxError {
            span,
            message: message.into(),
            hint: None,
            limit: false,
        }
    }

    fn limit(span: Span, message: impl Into<String>) -> Self {
        SyntaxError {
            limit: true,
            ..SyntaxError::new(span, message)
        }
    }

    fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }
}

/// Parses a whole document into its top-level value (attributes are accepted and dropped).
pub fn parse<'a>(text: &'a str, limits: &Limits) -> Result<Node<'a>, SyntaxError> {
    parse_document(text, limits).map(|doc| doc.value)
}

/// Parses a whole document, keeping the extensions named by its `#![enable(...)]` attributes.
/// Stops at the first syntax error.
pub fn parse_document<'a>(text: &'a str, limits: &Limits) -> Result<Document<'a>, SyntaxError> {
    Parser::new(text, limits, false)
        .document()
        .map_err(|mut e| {
            clamp_span(text, &mut e);
            e
        })
}

/// The outcome of [`parse_all`]: every syntax error, and a tree whenever one could be built.
#[derive(Clone, Debug, PartialEq)]
pub struct Parsed<'a> {
    /// The document; values that could not be read are [`NodeKind::Error`] placeholders.
    /// `None` when not even the top-level value could be started, or a limit was exceeded.
    pub document: Option<Document<'a>>,
    /// Every syntax error, in the order found (which is the order of the text).
    pub errors: Vec<SyntaxError>,
}

/// Parses a whole document and recovers from syntax errors: after one, the parser skips to
/// the next `,` or to a closing bracket of an enclosing container (respecting nesting,
/// strings and comments), leaves a [`NodeKind::Error`] placeholder and goes on. A container
/// cut short (by the end of the file or another container's bracket) gets a placeholder too.
/// Exceeding a [`Limits`] bound stops the parse. Always terminates, in linear time.
pub fn parse_all<'a>(text: &'a str, limits: &Limits) -> Parsed<'a> {
    let mut p = Parser::new(text, limits, true);
    let result = p.document();
    let mut errors = std::mem::take(&mut p.errors);
    let document = match result {
        Ok(doc) => Some(doc),
        Err(e) => {
            errors.push(e);
            None
        }
    };
    for e in &mut errors {
        clamp_span(text, e);
    }
    Parsed { document, errors }
}

/// Keeps an error's span inside the text and on character boundaries.
fn clamp_span(text: &str, e: &mut SyntaxError) {
    let mut start = e.span.start.min(text.len());
    let mut end = e.span.end.clamp(start, text.len());
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    while !text.is_char_boundary(end) {
        end += 1;
    }
    e.span = Span::new(start, end);
}

const EXTENSIONS: [&str; 4] = [
    "implicit_some",
    "unwrap_newtypes",
    "unwrap_variant_newtypes",
    "explicit_struct_names",
];

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum FrameKind {
    List,
    Map,
    /// After `(` and before the first element: struct or tuple is not known yet.
    Paren,
    Tuple,
    Struct,
}

impl FrameKind {
    fn closer(self) -> u8 {
        match self {
            FrameKind::List => b']',
            FrameKind::Map => b'}',
            _ => b')',
        }
    }

    fn opener(self) -> char {
        match self {
            FrameKind::List => '[',
            FrameKind::Map => '{',
            _ => '(',
        }
    }

    fn noun(self) -> &'static str {
        match self {
            FrameKind::List => "list",
            FrameKind::Map => "map",
            FrameKind::Struct => "struct",
            FrameKind::Paren | FrameKind::Tuple => "tuple",
        }
    }

    fn items(self) -> &'static str {
        match self {
            FrameKind::List => "items",
            FrameKind::Map => "entries",
            FrameKind::Struct => "fields",
            FrameKind::Paren | FrameKind::Tuple => "elements",
        }
    }
}

/// An open container on the explicit parse stack.
struct Frame<'a> {
    kind: FrameKind,
    /// Start of the node's span (its name, if it has one).
    start: usize,
    /// Offset of the opening bracket.
    open: usize,
    name: Option<(&'a str, Span)>,
    /// `values.len()` when the frame was opened.
    base: usize,
    /// `names.len()` when the frame was opened.
    name_base: usize,
    /// Items started so far.
    items: usize,
    /// Whether recovery gave up on telling a struct from a tuple: the node becomes an error.
    broken: bool,
}

struct Parser<'a, 'l> {
    text: &'a str,
    b: &'a [u8],
    pos: usize,
    limits: &'l Limits,
    nodes: usize,
    frames: Vec<Frame<'a>>,
    /// Finished children of the open frames, in order.
    values: Vec<Node<'a>>,
    /// Field names of the open struct frames, in order.
    names: Vec<(&'a str, Span)>,
    /// Whether to recover from syntax errors ([`parse_all`]).
    recover: bool,
    /// Syntax errors recovered from so far.
    errors: Vec<SyntaxError>,
}

/// Where recovery resumes after skipping the text of a broken value.
enum Sync {
    /// At a `,` of the innermost open container.
    Comma,
    /// At the closing bracket of the open container with this index in the frame stack.
    Closer(usize),
    /// At the end of the text.
    Eof,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Suffix {
    Int { signed: bool, bits: u32 },
    Float32,
    Float64,
}

fn is_ident_start_ascii(c: u8) -> bool {
    c.is_ascii_alphabetic() || c == b'_'
}

fn is_ident_continue_ascii(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_'
}

/// Index of the first `"` or `\\` in `s`, scanning eight bytes at a time.
fn find_quote_or_backslash(s: &[u8]) -> Option<usize> {
    const LO: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = 0x8080_8080_8080_8080;
    const QUOTE: u64 = LO * b'"' as u64;
    const BACKSLASH: u64 = LO * b'\\' as u64;
    let mut chunks = s.chunks_exact(8);
    let mut offset = 0;
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let w = u64::from_le_bytes(word);
        let q = w ^ QUOTE;
        let e = w ^ BACKSLASH;
        // A byte of `q` or `e` is zero where the chunk holds a quote or backslash.
        let hit = (q.wrapping_sub(LO) & !q | e.wrapping_sub(LO) & !e) & HI;
        if hit != 0 {
            return Some(offset + (hit.trailing_zeros() / 8) as usize);
        }
        offset += 8;
    }
    chunks
        .remainder()
        .iter()
        .position(|&c| c == b'"' || c == b'\\')
        .map(|i| offset + i)
}

fn hex_val(c: u8) -> Option<u32> {
    match c {
        b'0'..=b'9' => Some(u32::from(c - b'0')),
        b'a'..=b'f' => Some(u32::from(c - b'a') + 10),
        b'A'..=b'F' => Some(u32::from(c - b'A') + 10),
        _ => None,
    }
}

impl<'a, 'l> Parser<'a, 'l> {
    fn new(text: &'a str, limits: &'l Limits, recover: bool) -> Self {
        Parser {
            text,
            b: text.as_bytes(),
            pos: 0,
            limits,
            nodes: 0,
            frames: Vec::new(),
            values: Vec::new(),
            names: Vec::new(),
            recover,
            errors: Vec::new(),
        }
    }
}

impl<'a> Parser<'a, '_> {
    // ----- the document and recovery -------------------------------------

    fn document(&mut self) -> Result<Document<'a>, SyntaxError> {
        self.skip_ws()?;
        let extensions = self.attributes()?;
        let value = self.root_value()?;
        if let Err(e) = self.skip_ws() {
            return self.recorded(e, Document { extensions, value });
        }
        if self.pos < self.b.len() {
            let span = self.char_span(self.pos);
            let c = self.char_at(self.pos);
            let e = if matches!(c, ')' | ']' | '}') {
                SyntaxError::new(span, format!("unmatched `{c}`"))
                    .hint("there is no opening bracket for this to close")
            } else {
                SyntaxError::new(
                    span,
                    format!(
                        "unexpected {} after the end of the value",
                        self.found(self.pos)
                    ),
                )
                .hint("a scenario file holds exactly one value; everything must be inside it")
            };
            return self.recorded(e, Document { extensions, value });
        }
        Ok(Document { extensions, value })
    }

    /// When recovering, records `e` and returns `ok`; otherwise fails with `e`.
    fn recorded<T>(&mut self, e: SyntaxError, ok: T) -> Result<T, SyntaxError> {
        if self.recover && !e.limit {
            self.errors.push(e);
            Ok(ok)
        } else {
            Err(e)
        }
    }

    /// The top-level value; when recovering, every error inside a container is recorded
    /// and the parse resumes after it.
    fn root_value(&mut self) -> Result<Node<'a>, SyntaxError> {
        let mut pending = None;
        loop {
            match self.value_from(pending.take()) {
                Ok(node) => return Ok(node),
                Err(e) if !self.recover || e.limit || self.frames.is_empty() => return Err(e),
                Err(e) => {
                    let from = e.span.start;
                    self.errors.push(e);
                    let (node, done) = self.resync(from)?;
                    if done {
                        return Ok(node);
                    }
                    pending = Some(node);
                }
            }
        }
    }

    /// Skips the broken value, readies the innermost container for a placeholder and returns
    /// the node to resume with, and whether it is the finished top-level value (end of text).
    fn resync(&mut self, from: usize) -> Result<(Node<'a>, bool), SyntaxError> {
        let (end, sync) = self.scan_sync(self.pos);
        self.pos = end;
        let mut stop = end;
        while stop > from && self.b[stop - 1].is_ascii_whitespace() {
            stop -= 1;
        }
        let mut node = Node {
            span: Span::new(from.min(stop), stop),
            kind: NodeKind::Error,
        };
        self.prepare_placeholder(node.span);
        let keep = match sync {
            Sync::Comma => self.frames.len(),
            Sync::Closer(k) => k + 1,
            Sync::Eof => 0,
        };
        while self.frames.len() > keep {
            node = self.truncate(node)?;
            if self.frames.len() > keep {
                // The cut-short container is the value of its parent's current element.
                continue;
            }
        }
        Ok((node, self.frames.is_empty()))
    }

    /// Whether an element of a container of `kind` plainly starts at `pos` (a `name:` in a
    /// struct, a value elsewhere), so that a missing comma before it can be assumed.
    fn element_starts_here(&self, kind: FrameKind) -> bool {
        match kind {
            FrameKind::Struct => self.ident_at(self.pos).is_some_and(|(_, span)| {
                let rest = &self.b[span.end..];
                let gap = rest
                    .iter()
                    .take_while(|c| matches!(c, b' ' | b'\t'))
                    .count();
                rest.get(gap) == Some(&b':')
            }),
            FrameKind::Map | FrameKind::List | FrameKind::Tuple | FrameKind::Paren => {
                matches!(
                    self.peek(),
                    Some(b'[' | b'{' | b'(' | b'"' | b'\'' | b'0'..=b'9' | b'+' | b'-')
                ) || self.ident_at(self.pos).is_some()
            }
        }
    }

    /// Aligns the innermost container so that the next value pushed is its broken element.
    fn prepare_placeholder(&mut self, span: Span) {
        let Some(frame) = self.frames.last_mut() else {
            return;
        };
        match frame.kind {
            FrameKind::Paren => {
                frame.kind = FrameKind::Tuple;
                frame.broken = true;
            }
            FrameKind::Struct => {
                if self.names.len() - frame.name_base == self.values.len() - frame.base {
                    self.names.push(("", span));
                }
            }
            FrameKind::Map => {
                if (self.values.len() - frame.base).is_multiple_of(2) {
                    self.values.push(Node {
                        span,
                        kind: NodeKind::Error,
                    });
                }
            }
            FrameKind::List | FrameKind::Tuple => {}
        }
    }

    /// Ends the innermost container where recovery stopped (it never closed): `node` becomes
    /// its last value, and a struct gets a placeholder field, so that the fields it lost are
    /// not reported missing.
    fn truncate(&mut self, node: Node<'a>) -> Result<Node<'a>, SyntaxError> {
        let span = Span::new(self.pos, self.pos);
        self.values.push(node);
        if let Some(frame) = self.frames.last() {
            let count = self.values.len() - frame.base;
            let error = Node {
                span,
                kind: NodeKind::Error,
            };
            match frame.kind {
                FrameKind::Map if count % 2 == 1 => self.values.push(error),
                FrameKind::Struct => {
                    self.names.push(("", span));
                    self.values.push(error);
                }
                _ => {}
            }
        }
        self.finish_frame()
    }

    /// Finds where to resume after an error at `from`: the next `,` of the innermost
    /// container, a closing bracket of an open one, or the end; brackets, strings and
    /// comments in between are skipped whole.
    fn scan_sync(&self, from: usize) -> (usize, Sync) {
        let b = self.b;
        let mut depth = 0usize;
        let mut i = from;
        while i < b.len() {
            match b[i] {
                b'"' => {
                    i = skip_quoted(b, i);
                    continue;
                }
                b'\'' => {
                    i = skip_char_literal(b, i);
                    continue;
                }
                b'/' if b.get(i + 1) == Some(&b'/') => {
                    i = b[i..]
                        .iter()
                        .position(|&c| c == b'\n')
                        .map_or(b.len(), |n| i + n);
                    continue;
                }
                b'/' if b.get(i + 1) == Some(&b'*') => {
                    i = skip_block_comment(b, i);
                    continue;
                }
                b'(' | b'[' | b'{' => depth += 1,
                c @ (b')' | b']' | b'}') if depth == 0 => {
                    if let Some(k) = self.frames.iter().rposition(|f| f.kind.closer() == c) {
                        return (i, Sync::Closer(k));
                    }
                    // A stray closing bracket: part of the broken value.
                }
                b')' | b']' | b'}' => depth -= 1,
                b',' if depth == 0 => return (i, Sync::Comma),
                _ => {}
            }
            i += 1;
        }
        (b.len(), Sync::Eof)
    }

    fn peek(&self) -> Option<u8> {
        self.b.get(self.pos).copied()
    }

    fn at(&self, i: usize) -> Option<u8> {
        self.b.get(i).copied()
    }

    /// The character starting at byte `i` (which must be a boundary), or NUL at the end.
    fn char_at(&self, i: usize) -> char {
        self.text
            .get(i..)
            .and_then(|s| s.chars().next())
            .unwrap_or('\0')
    }

    /// The span of the character at `i` (empty at the end of the text).
    fn char_span(&self, i: usize) -> Span {
        let len = self
            .text
            .get(i..)
            .and_then(|s| s.chars().next())
            .map_or(0, char::len_utf8);
        Span::new(i, i + len)
    }

    /// Describes what is at `i` for an error message.
    fn found(&self, i: usize) -> String {
        if i >= self.b.len() {
            return "the end of the file".to_owned();
        }
        match self.char_at(i) {
            '\n' | '\r' => "a line break".to_owned(),
            '\t' => "a tab".to_owned(),
            c if c.is_control() => format!("the control character U+{:04X}", u32::from(c)),
            '`' => "a backtick".to_owned(),
            c => format!("`{c}`"),
        }
    }

    /// "line L, column C" of a byte offset, for hints.
    fn line_col(&self, offset: usize) -> String {
        let offset = offset.min(self.b.len());
        let before = &self.b[..offset];
        let line = before.iter().filter(|&&c| c == b'\n').count() + 1;
        let line_start = before
            .iter()
            .rposition(|&c| c == b'\n')
            .map_or(0, |i| i + 1);
        let col = self
            .text
            .get(line_start..offset)
            .map_or(1, |s| s.chars().count() + 1);
        format!("line {line}, column {col}")
    }

    fn count_node(&mut self, span: Span) -> Result<(), SyntaxError> {
        self.nodes += 1;
        if self.nodes > self.limits.max_nodes {
            return Err(SyntaxError::limit(
                span,
                format!(
                    "the file has more than {} values, which is more than allowed",
                    self.limits.max_nodes
                ),
            ));
        }
        Ok(())
    }

    fn leaf(&mut self, start: usize, kind: NodeKind<'a>) -> Result<Node<'a>, SyntaxError> {
        let span = Span::new(start, self.pos);
        self.count_node(span)?;
        Ok(Node { span, kind })
    }

    fn is_ident_continue_at(&self, i: usize) -> bool {
        match self.at(i) {
            Some(c) if c < 0x80 => is_ident_continue_ascii(c),
            Some(_) => self.char_at(i).is_alphanumeric(),
            None => false,
        }
    }

    fn is_ident_start_at(&self, i: usize) -> bool {
        match self.at(i) {
            Some(c) if c < 0x80 => is_ident_start_ascii(c),
            Some(_) => self.char_at(i).is_alphabetic(),
            None => false,
        }
    }

    /// End of the identifier-continue run starting at `i`.
    fn ident_continue_end(&self, mut i: usize) -> usize {
        // Most identifiers are ASCII: skip that run in one scan.
        let rest = self.b.get(i..).unwrap_or_default();
        i += rest
            .iter()
            .position(|&c| !is_ident_continue_ascii(c))
            .unwrap_or(rest.len());
        loop {
            match self.at(i) {
                Some(c) if c < 0x80 && is_ident_continue_ascii(c) => i += 1,
                Some(c) if c < 0x80 => return i,
                Some(_) => {
                    let c = self.char_at(i);
                    if c.is_alphanumeric() {
                        i += c.len_utf8();
                    } else {
                        return i;
                    }
                }
                None => return i,
            }
        }
    }

    /// Whether a string or byte-string literal (not an identifier) starts at `i`.
    fn is_prefixed_literal_at(&self, i: usize) -> bool {
        let rest = &self.b[i.min(self.b.len())..];
        if !matches!(rest.first(), Some(b'b' | b'r')) {
            return false;
        }
        rest.starts_with(b"b\"")
            || rest.starts_with(b"b'")
            || rest.starts_with(b"br\"")
            || rest.starts_with(b"br#")
            || rest.starts_with(b"r\"")
            || rest.starts_with(b"r#\"")
            || rest.starts_with(b"r##")
    }

    /// Reads an identifier (plain or `r#raw`) at `i`: `(name, span)`; `None` if there is none.
    fn ident_at(&self, i: usize) -> Option<(&'a str, Span)> {
        if self.is_prefixed_literal_at(i) {
            return None;
        }
        let b = self.b;
        if b.get(i) == Some(&b'r') && b.get(i + 1) == Some(&b'#') {
            // Raw identifier: `r#` followed by identifier characters or `.`, `+`, `-`.
            let mut j = i + 2;
            loop {
                match b.get(j) {
                    Some(b'.' | b'+' | b'-') => j += 1,
                    _ => {
                        let end = self.ident_continue_end(j);
                        if end == j {
                            break;
                        }
                        j = end;
                    }
                }
            }
            if j == i + 2 {
                return None;
            }
            return Some((&self.text[i + 2..j], Span::new(i, j)));
        }
        if !self.is_ident_start_at(i) {
            return None;
        }
        let first = match self.at(i) {
            Some(c) if c < 0x80 => 1,
            _ => self.char_at(i).len_utf8(),
        };
        let end = self.ident_continue_end(i + first);
        Some((&self.text[i..end], Span::new(i, end)))
    }

    // ----- whitespace and comments ---------------------------------------

    fn skip_ws(&mut self) -> Result<(), SyntaxError> {
        let b = self.b;
        loop {
            match b.get(self.pos) {
                Some(b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C) => self.pos += 1,
                Some(b'/') => match b.get(self.pos + 1) {
                    Some(b'/') => {
                        self.pos = match b[self.pos..].iter().position(|&c| c == b'\n') {
                            Some(n) => self.pos + n + 1,
                            None => b.len(),
                        };
                    }
                    Some(b'*') => self.block_comment()?,
                    _ => {
                        return Err(SyntaxError::new(
                            self.char_span(self.pos),
                            "unexpected `/`",
                        )
                        .hint("comments start with `//` (to the end of the line) or `/*` (until `*/`)"));
                    }
                },
                // U+0085 NEXT LINE
                Some(0xC2) if b.get(self.pos + 1) == Some(&0x85) => self.pos += 2,
                // U+200E, U+200F (direction marks), U+2028, U+2029 (line/paragraph separators)
                Some(0xE2)
                    if b.get(self.pos + 1) == Some(&0x80)
                        && matches!(b.get(self.pos + 2), Some(0x8E | 0x8F | 0xA8 | 0xA9)) =>
                {
                    self.pos += 3;
                }
                _ => return Ok(()),
            }
        }
    }

    fn block_comment(&mut self) -> Result<(), SyntaxError> {
        let b = self.b;
        let open = self.pos;
        let mut i = self.pos + 2;
        let mut level = 1usize;
        while level > 0 {
            let Some(n) = b[i..].iter().position(|&c| c == b'/' || c == b'*') else {
                return Err(SyntaxError::new(
                    Span::new(open, open + 2),
                    "unterminated block comment",
                )
                .hint("a `/*` comment opened here never closes with `*/` (block comments nest)"));
            };
            i += n;
            if b[i..].starts_with(b"/*") {
                level += 1;
                i += 2;
            } else if b[i..].starts_with(b"*/") {
                level -= 1;
                i += 2;
            } else {
                i += 1;
            }
        }
        self.pos = i;
        Ok(())
    }

    // ----- attributes ----------------------------------------------------

    fn attributes(&mut self) -> Result<Vec<(&'a str, Span)>, SyntaxError> {
        let mut extensions = Vec::new();
        while self.peek() == Some(b'#') {
            let start = self.pos;
            let bad = |p: &Self| {
                SyntaxError::new(
                    p.char_span(p.pos),
                    format!("expected an attribute, found {}", p.found(p.pos)),
                )
                .hint("attributes look like `#![enable(implicit_some)]`")
            };
            self.pos += 1;
            self.skip_ws()?;
            if self.peek() != Some(b'!') {
                return Err(bad(self));
            }
            self.pos += 1;
            self.skip_ws()?;
            if self.peek() != Some(b'[') {
                return Err(bad(self));
            }
            self.pos += 1;
            self.skip_ws()?;
            let Some((word, _)) = self.ident_at(self.pos) else {
                return Err(bad(self));
            };
            match word {
                "enable" => {
                    self.pos += word.len();
                    self.skip_ws()?;
                    if self.peek() != Some(b'(') {
                        return Err(self.expected_token("`(` after `enable`"));
                    }
                    self.pos += 1;
                    self.skip_ws()?;
                    loop {
                        let Some((name, span)) = self.ident_at(self.pos) else {
                            return Err(self.expected_token("an extension name"));
                        };
                        if !EXTENSIONS.contains(&name) {
                            return Err(SyntaxError::new(
                                span,
                                format!("unknown extension `{name}`"),
                            )
                            .hint(format!(
                                "the known extensions are {}",
                                EXTENSIONS.map(|e| format!("`{e}`")).join(", ")
                            )));
                        }
                        extensions.push((name, span));
                        self.pos = span.end;
                        self.skip_ws()?;
                        if self.peek() == Some(b',') {
                            self.pos += 1;
                            self.skip_ws()?;
                            if self.peek() == Some(b')') {
                                break;
                            }
                        } else {
                            break;
                        }
                    }
                    if self.peek() != Some(b')') {
                        return Err(self.expected_token("`,` or `)`"));
                    }
                    self.pos += 1;
                    self.skip_ws()?;
                }
                "type" | "schema" => {
                    self.pos += word.len();
                    self.skip_ws()?;
                    if self.peek() != Some(b'=') {
                        return Err(self.expected_token(&format!("`=` after `{word}`")));
                    }
                    self.pos += 1;
                    self.skip_ws()?;
                    match self.peek() {
                        Some(b'"') => {
                            self.string()?;
                        }
                        Some(b'r') if self.is_prefixed_literal_at(self.pos) => {
                            self.raw_string()?;
                        }
                        _ => return Err(self.expected_token("a string")),
                    }
                    self.skip_ws()?;
                }
                _ => {
                    return Err(SyntaxError::new(
                        Span::new(self.pos, self.pos + word.len()),
                        format!("unknown attribute `{word}`"),
                    )
                    .hint("the known attributes are `enable(...)`, `type = \"...\"` and `schema = \"...\"`"));
                }
            }
            if self.peek() != Some(b']') {
                return Err(self
                    .expected_token("`]`")
                    .hint(format!("the attribute starts at {}", self.line_col(start))));
            }
            self.pos += 1;
            self.skip_ws()?;
        }
        Ok(extensions)
    }

    fn expected_token(&self, what: &str) -> SyntaxError {
        SyntaxError::new(
            self.char_span(self.pos),
            format!("expected {what}, found {}", self.found(self.pos)),
        )
    }

    // ----- the value state machine ---------------------------------------

    fn open(
        &mut self,
        kind: FrameKind,
        start: usize,
        name: Option<(&'a str, Span)>,
    ) -> Result<(), SyntaxError> {
        let open = self.pos;
        if self.frames.len() >= self.limits.max_depth {
            return Err(SyntaxError::limit(
                Span::new(open, open + 1),
                format!("nesting deeper than {} levels", self.limits.max_depth),
            )
            .hint(
                "values are never nested this deeply in a scenario; check for unbalanced brackets",
            ));
        }
        self.count_node(Span::new(start, open + 1))?;
        self.frames.push(Frame {
            kind,
            start,
            open,
            name,
            base: self.values.len(),
            name_base: self.names.len(),
            items: 0,
            broken: false,
        });
        self.pos += 1;
        Ok(())
    }

    /// Starts the value at `pos`: a finished scalar or empty container, or `None` when a
    /// container was opened (its first element is next).
    fn start_value(&mut self) -> Result<Option<Node<'a>>, SyntaxError> {
        let start = self.pos;
        Ok(match self.peek() {
            Some(b'[') => {
                self.open(FrameKind::List, start, None)?;
                match self.after_open()? {
                    Some(node) => Some(node),
                    None => return Ok(None),
                }
            }
            Some(b'{') => {
                self.open(FrameKind::Map, start, None)?;
                match self.after_open()? {
                    Some(node) => Some(node),
                    None => return Ok(None),
                }
            }
            Some(b'(') => {
                self.open(FrameKind::Paren, start, None)?;
                match self.after_open()? {
                    Some(node) => Some(node),
                    None => return Ok(None),
                }
            }
            Some(b'"') => Some(self.string()?),
            Some(b'\'') => Some(self.char_lit()?),
            Some(b'0'..=b'9' | b'+' | b'-' | b'.') => Some(self.number()?),
            Some(b'b') if self.b[start..].starts_with(b"b'") => Some(self.byte_lit()?),
            Some(b'b') if self.is_prefixed_literal_at(start) => Some(self.byte_string()?),
            Some(b'r') if self.is_prefixed_literal_at(start) => Some(self.raw_string()?),
            Some(_) => match self.ident_at(start) {
                Some((name, name_span)) => {
                    let raw = name_span.len() != name.len();
                    self.pos = name_span.end;
                    let kind = match name {
                        "true" if !raw => Some(NodeKind::Bool(true)),
                        "false" if !raw => Some(NodeKind::Bool(false)),
                        "inf" | "inff32" | "inff64" if !raw => Some(NodeKind::Float(f64::INFINITY)),
                        "NaN" | "NaNf32" | "NaNf64" if !raw => Some(NodeKind::Float(f64::NAN)),
                        _ => None,
                    };
                    if let Some(kind) = kind {
                        Some(self.leaf(start, kind)?)
                    } else {
                        self.skip_ws()?;
                        if self.peek() == Some(b'(') {
                            self.open(FrameKind::Paren, start, Some((name, name_span)))?;
                            match self.after_open()? {
                                Some(node) => Some(node),
                                None => return Ok(None),
                            }
                        } else {
                            let span = name_span;
                            self.count_node(span)?;
                            Some(Node {
                                span,
                                kind: NodeKind::Ident(name),
                            })
                        }
                    }
                }
                None => return Err(self.expected_value()),
            },
            None => return Err(self.expected_value()),
        })
    }

    /// Parses one value at `pos` (whitespace already skipped), iteratively; with `pending`,
    /// resumes by handing that finished value to the innermost container.
    fn value_from(&mut self, mut pending: Option<Node<'a>>) -> Result<Node<'a>, SyntaxError> {
        'value: loop {
            let mut node = match pending.take() {
                Some(node) => node,
                None => match self.start_value()? {
                    Some(node) => node,
                    None => continue 'value,
                },
            };

            // A value is complete: hand it to the enclosing container.
            loop {
                let Some(frame) = self.frames.last() else {
                    return Ok(node);
                };
                let kind = frame.kind;
                let is_key =
                    kind == FrameKind::Map && (self.values.len() - frame.base).is_multiple_of(2);
                self.values.push(node);
                self.skip_ws()?;
                if is_key {
                    if self.peek() != Some(b':') {
                        if self.peek().is_none() {
                            return Err(self.unclosed());
                        }
                        return Err(self
                            .expected_token("`:` after the map key")
                            .hint("map entries are written `key: value`"));
                    }
                    self.pos += 1;
                    self.skip_ws()?;
                    continue 'value;
                }
                match self.peek() {
                    Some(b',') => {
                        self.pos += 1;
                        self.skip_ws()?;
                        if self.peek() == Some(kind.closer()) {
                            node = self.close()?;
                            continue;
                        }
                        self.begin_element()?;
                        continue 'value;
                    }
                    Some(c) if c == kind.closer() => {
                        node = self.close()?;
                        continue;
                    }
                    None => return Err(self.unclosed()),
                    Some(c) => {
                        let err = self.missing_comma(c);
                        if !(self.recover && self.element_starts_here(kind)) {
                            return Err(err);
                        }
                        // Recovery: read on as if the comma were there.
                        self.errors.push(err);
                        self.begin_element()?;
                        continue 'value;
                    }
                }
            }
        }
    }

    /// Right after an opening bracket: closes an empty container, or starts the first element.
    fn after_open(&mut self) -> Result<Option<Node<'a>>, SyntaxError> {
        self.skip_ws()?;
        let Some(frame) = self.frames.last() else {
            return Ok(None);
        };
        if self.peek() == Some(frame.kind.closer()) {
            return self.close().map(Some);
        }
        self.begin_element()?;
        Ok(None)
    }

    /// Starts an element of the innermost container: counts it and reads a field name if any.
    fn begin_element(&mut self) -> Result<(), SyntaxError> {
        let max_items = self.limits.max_items;
        let Some(frame) = self.frames.last_mut() else {
            return Ok(());
        };
        frame.items += 1;
        let kind = frame.kind;
        if frame.items > max_items {
            let noun = if kind == FrameKind::Paren {
                "parenthesis"
            } else {
                kind.noun()
            };
            return Err(SyntaxError::limit(
                self.char_span(self.pos),
                format!("more than {max_items} {} in one {noun}", kind.items()),
            ));
        }
        if matches!(kind, FrameKind::List | FrameKind::Map) {
            return Ok(());
        }
        if self.peek().is_none() {
            return Err(self.unclosed());
        }
        // Is this `name:`?
        let field = match self.ident_at(self.pos) {
            Some((name, span)) => {
                let save = self.pos;
                self.pos = span.end;
                self.skip_ws()?;
                if self.peek() == Some(b':') {
                    self.pos += 1;
                    Some((name, span))
                } else {
                    let after = self.pos;
                    self.pos = save;
                    if kind == FrameKind::Struct {
                        let mut err = SyntaxError::new(
                            self.char_span(after),
                            format!(
                                "expected `:` after the field name `{name}`, found {}",
                                self.found(after)
                            ),
                        );
                        err = err.hint("fields are written `name: value`");
                        return Err(err);
                    }
                    None
                }
            }
            None => None,
        };
        let frame = self.frames.last_mut().ok_or_else(|| {
            SyntaxError::new(Span::new(self.pos, self.pos), "internal parser error")
        })?;
        match (frame.kind, field) {
            (FrameKind::Paren, Some(f)) => {
                frame.kind = FrameKind::Struct;
                self.names.push(f);
            }
            (FrameKind::Paren, None) => frame.kind = FrameKind::Tuple,
            (FrameKind::Struct, Some(f)) => self.names.push(f),
            (FrameKind::Struct, None) => {
                return Err(self
                    .expected_token("a field name")
                    .hint("the other fields of this struct are named, so this one needs `name: value` too"));
            }
            (FrameKind::Tuple, Some((name, span))) => {
                return Err(SyntaxError::new(
                    span,
                    format!("unexpected field name `{name}` in a tuple"),
                )
                .hint("name every field, as in `(a: 1, b: 2)`, or none, as in `(1, 2)`"));
            }
            _ => {}
        }
        self.skip_ws()?;
        Ok(())
    }

    /// Closes the innermost container; `pos` is at its closing bracket.
    fn close(&mut self) -> Result<Node<'a>, SyntaxError> {
        self.pos += 1;
        self.finish_frame()
    }

    /// Pops the innermost container into a node ending at `pos`.
    fn finish_frame(&mut self) -> Result<Node<'a>, SyntaxError> {
        let frame = self.frames.pop().ok_or_else(|| {
            SyntaxError::new(Span::new(self.pos, self.pos), "internal parser error")
        })?;
        let span = Span::new(frame.start, self.pos);
        if frame.broken {
            self.values.truncate(frame.base);
            self.names.truncate(frame.name_base);
            return Ok(Node {
                span,
                kind: NodeKind::Error,
            });
        }
        let kind = match frame.kind {
            FrameKind::List => NodeKind::List(self.values.drain(frame.base..).collect()),
            FrameKind::Map => {
                let mut it = self.values.drain(frame.base..);
                let mut pairs = Vec::with_capacity(it.len() / 2);
                while let (Some(k), Some(v)) = (it.next(), it.next()) {
                    pairs.push((k, v));
                }
                NodeKind::Map(pairs)
            }
            FrameKind::Paren if frame.name.is_none() => NodeKind::Unit,
            FrameKind::Paren | FrameKind::Tuple => NodeKind::Tagged {
                name: frame.name,
                body: Body::Tuple(self.values.drain(frame.base..).collect()),
            },
            FrameKind::Struct => NodeKind::Tagged {
                name: frame.name,
                body: Body::Struct(
                    self.names
                        .drain(frame.name_base..)
                        .zip(self.values.drain(frame.base..))
                        .map(|((name, name_span), value)| Field {
                            name,
                            name_span,
                            value,
                        })
                        .collect(),
                ),
            },
        };
        Ok(Node { span, kind })
    }

    // ----- errors in the state machine -----------------------------------

    fn unclosed(&self) -> SyntaxError {
        match self.frames.last() {
            Some(frame) => {
                let opener = frame.kind.opener();
                let closer = char::from(frame.kind.closer());
                SyntaxError::new(
                    Span::new(frame.open, frame.open + 1),
                    format!("this `{opener}` is never closed"),
                )
                .hint(format!(
                    "the file ends before the matching `{closer}`; add it where the {} ends",
                    frame.kind.noun()
                ))
            }
            None => SyntaxError::new(
                Span::new(self.b.len(), self.b.len()),
                "expected a value, found the end of the file",
            ),
        }
    }

    fn missing_comma(&self, c: u8) -> SyntaxError {
        let Some(frame) = self.frames.last() else {
            return self.expected_value();
        };
        let closer = char::from(frame.kind.closer());
        let err = self.expected_token(&format!("`,` or `{closer}`"));
        if matches!(c, b')' | b']' | b'}') {
            return err.hint(format!(
                "this does not match the `{}` at {}",
                frame.kind.opener(),
                self.line_col(frame.open)
            ));
        }
        let what = match frame.kind {
            FrameKind::Struct => "fields",
            FrameKind::List => "items",
            FrameKind::Map => "entries",
            FrameKind::Paren | FrameKind::Tuple => "values",
        };
        err.hint(format!("did you forget a comma between two {what}?"))
    }

    fn expected_value(&self) -> SyntaxError {
        if self.pos >= self.b.len() {
            return self.unclosed();
        }
        let err = SyntaxError::new(
            self.char_span(self.pos),
            format!("expected a value, found {}", self.found(self.pos)),
        );
        match self.peek() {
            Some(b',') => err.hint("there is an extra comma, or a value is missing before it"),
            Some(b')' | b']' | b'}') => match self.frames.last() {
                Some(frame) if frame.kind.closer() != self.b[self.pos] => err.hint(format!(
                    "the `{}` at {} is still open",
                    frame.kind.opener(),
                    self.line_col(frame.open)
                )),
                _ => err.hint("a value is missing here"),
            },
            Some(b':') => err.hint("a field or key name is missing before `:`"),
            _ => err.hint(
                "a value is a number, a \"string\", a 'c' character, `true` or `false`, \
                 a name, a struct `(...)`, a list `[...]` or a map `{...}`",
            ),
        }
    }

    // ----- literals ------------------------------------------------------

    fn unterminated_string(&self, open: usize, len: usize) -> SyntaxError {
        SyntaxError::new(Span::new(open, open + len), "unterminated string")
            .hint("a string opened here never closes; add the closing `\"`")
    }

    fn check_string_len(&self, start: usize, len: usize) -> Result<(), SyntaxError> {
        if len > self.limits.max_string_len {
            return Err(SyntaxError::limit(
                Span::new(start, self.pos.max(start + 1)),
                format!(
                    "a string longer than {} bytes, which is more than allowed",
                    self.limits.max_string_len
                ),
            ));
        }
        Ok(())
    }

    /// `"..."`: `pos` is at the quote.
    fn string(&mut self) -> Result<Node<'a>, SyntaxError> {
        let start = self.pos;
        let kind = match self.escaped(start, start + 1, false)? {
            Escaped::Borrowed(s) => NodeKind::Str(Cow::Borrowed(s)),
            Escaped::Owned(bytes) => match String::from_utf8(bytes) {
                Ok(s) => NodeKind::Str(Cow::Owned(s)),
                Err(_) => {
                    return Err(SyntaxError::new(
                        Span::new(start, self.pos),
                        "this string's `\\x` escapes do not form valid UTF-8",
                    )
                    .hint("write non-ASCII characters directly or as `\\u{...}`"));
                }
            },
        };
        self.leaf(start, kind)
    }

    /// `b"..."` or `br#"..."#`.
    fn byte_string(&mut self) -> Result<Node<'a>, SyntaxError> {
        let start = self.pos;
        if self.b[start..].starts_with(b"br") {
            let (content, end) = self.raw_body(start, 2)?;
            self.pos = end;
            self.check_string_len(start, content.len())?;
            return self.leaf(start, NodeKind::Bytes(Cow::Borrowed(content.as_bytes())));
        }
        let kind = match self.escaped(start, start + 2, true)? {
            Escaped::Borrowed(s) => NodeKind::Bytes(Cow::Borrowed(s.as_bytes())),
            Escaped::Owned(bytes) => NodeKind::Bytes(Cow::Owned(bytes)),
        };
        self.leaf(start, kind)
    }

    /// `r"..."` or `r#"..."#`.
    fn raw_string(&mut self) -> Result<Node<'a>, SyntaxError> {
        let start = self.pos;
        let (content, end) = self.raw_body(start, 1)?;
        self.pos = end;
        self.check_string_len(start, content.len())?;
        self.leaf(start, NodeKind::Str(Cow::Borrowed(content)))
    }

    /// The content and end of a raw (byte) string whose prefix (`r` or `br`) has `prefix` bytes.
    fn raw_body(&self, start: usize, prefix: usize) -> Result<(&'a str, usize), SyntaxError> {
        let b = self.b;
        let mut i = start + prefix;
        let hashes_start = i;
        while b.get(i) == Some(&b'#') {
            i += 1;
        }
        let hashes = i - hashes_start;
        if b.get(i) != Some(&b'"') {
            return Err(SyntaxError::new(
                self.char_span(i),
                format!(
                    "expected `\"` to open the raw string, found {}",
                    self.found(i)
                ),
            ));
        }
        let content_start = i + 1;
        let mut j = content_start;
        loop {
            let Some(n) = b[j..].iter().position(|&c| c == b'"') else {
                return Err(SyntaxError::new(
                    Span::new(start, content_start),
                    "unterminated raw string",
                )
                .hint(format!(
                    "a raw string opened here never closes; it ends with `\"{}`",
                    "#".repeat(hashes)
                )));
            };
            let quote = j + n;
            let after = quote + 1;
            let closing = b[after..]
                .iter()
                .take(hashes)
                .take_while(|&&c| c == b'#')
                .count();
            if closing == hashes {
                return Ok((&self.text[content_start..quote], after + hashes));
            }
            j = after;
        }
    }

    /// An escaped string body from `body` (just after the opening quote) to the closing quote.
    fn escaped(
        &mut self,
        open: usize,
        body: usize,
        bytes: bool,
    ) -> Result<Escaped<'a>, SyntaxError> {
        let b = self.b;
        let quote_len = body - open;
        let Some(n) = find_quote_or_backslash(&b[body..]) else {
            return Err(self.unterminated_string(open, quote_len));
        };
        let mut i = body + n;
        if b[i] == b'"' {
            self.pos = i + 1;
            self.check_string_len(open, i - body)?;
            return Ok(Escaped::Borrowed(&self.text[body..i]));
        }
        let mut out: Vec<u8> = Vec::with_capacity(i - body + 16);
        out.extend_from_slice(&b[body..i]);
        loop {
            // `b[i]` is a backslash.
            let esc = i;
            let Some(&c) = b.get(i + 1) else {
                return Err(self.unterminated_string(open, quote_len));
            };
            i += 2;
            match c {
                b'n' => out.push(b'\n'),
                b't' => out.push(b'\t'),
                b'r' => out.push(b'\r'),
                b'0' => out.push(0),
                b'\\' => out.push(b'\\'),
                b'"' => out.push(b'"'),
                b'\'' => out.push(b'\''),
                b'\n' | b'\r' => {
                    // A line continuation: skip the line break and the next line's indentation.
                    if c == b'\r' && b.get(i) != Some(&b'\n') {
                        return Err(self.bad_escape(esc));
                    }
                    while matches!(b.get(i), Some(b' ' | b'\t' | b'\n' | b'\r')) {
                        i += 1;
                    }
                }
                b'x' => {
                    let v = self.hex_byte(esc, i)?;
                    i += 2;
                    if bytes || v < 0x80 {
                        out.push(v);
                    } else {
                        // A multi-byte UTF-8 character spelled as several `\xNN` escapes.
                        let need = match v {
                            0xC2..=0xDF => 2,
                            0xE0..=0xEF => 3,
                            0xF0..=0xF4 => 4,
                            _ => 0,
                        };
                        let mut buf = [v, 0, 0, 0];
                        let mut ok = need > 0;
                        for slot in buf.iter_mut().take(need).skip(1) {
                            if !ok || !b[i..].starts_with(b"\\x") {
                                ok = false;
                                break;
                            }
                            *slot = self.hex_byte(i, i + 2)?;
                            i += 4;
                        }
                        if !ok || std::str::from_utf8(&buf[..need]).is_err() {
                            return Err(SyntaxError::new(
                                Span::new(esc, i),
                                "these `\\x` escapes do not form a valid UTF-8 character",
                            )
                            .hint("write the character directly or as `\\u{...}`"));
                        }
                        out.extend_from_slice(&buf[..need]);
                    }
                }
                b'u' => {
                    let (ch, end) = self.unicode_escape(esc)?;
                    i = end;
                    let mut buf = [0u8; 4];
                    out.extend_from_slice(ch.encode_utf8(&mut buf).as_bytes());
                }
                _ => return Err(self.bad_escape(esc)),
            }
            let Some(n) = find_quote_or_backslash(&b[i..]) else {
                return Err(self.unterminated_string(open, quote_len));
            };
            out.extend_from_slice(&b[i..i + n]);
            i += n;
            if out.len() > self.limits.max_string_len {
                self.pos = i;
                self.check_string_len(open, out.len())?;
            }
            if b[i] == b'"' {
                self.pos = i + 1;
                self.check_string_len(open, out.len())?;
                return Ok(Escaped::Owned(out));
            }
        }
    }

    fn bad_escape(&self, esc: usize) -> SyntaxError {
        let span = Span::new(esc, self.char_span(esc + 1).end.max(esc + 1));
        let shown = self.text.get(span.start..span.end).unwrap_or("\\");
        SyntaxError::new(span, format!("unknown escape sequence `{shown}`"))
            .hint("the escapes are \\n \\t \\r \\0 \\\\ \\\" \\' \\xNN and \\u{NNNN}; write `\\\\` for a backslash")
    }

    /// Two hex digits at `i`, for the `\x` escape starting at `esc`.
    fn hex_byte(&self, esc: usize, i: usize) -> Result<u8, SyntaxError> {
        match (
            self.at(i).and_then(hex_val),
            self.at(i + 1).and_then(hex_val),
        ) {
            (Some(h), Some(l)) => Ok((h * 16 + l) as u8),
            _ => Err(SyntaxError::new(
                Span::new(esc, (i + 2).min(self.b.len())),
                "a `\\x` escape needs exactly two hexadecimal digits",
            )
            .hint("for example `\\x41` is `A`")),
        }
    }

    /// `\u{...}` starting at the backslash `esc`; returns the character and the end offset.
    fn unicode_escape(&self, esc: usize) -> Result<(char, usize), SyntaxError> {
        let bad = |end: usize, msg: &str| {
            SyntaxError::new(
                Span::new(esc, end.min(self.b.len()).max(esc + 2)),
                msg.to_owned(),
            )
            .hint("Unicode escapes look like `\\u{1F600}`: 1 to 6 hexadecimal digits in braces")
        };
        let mut i = esc + 2;
        if self.at(i) != Some(b'{') {
            return Err(bad(i, "a `\\u` escape must be followed by `{`"));
        }
        i += 1;
        let mut v: u32 = 0;
        let mut digits = 0;
        while let Some(d) = self.at(i).and_then(hex_val) {
            if digits == 6 {
                return Err(bad(i + 1, "a `\\u{...}` escape has more than 6 digits"));
            }
            v = v * 16 + d;
            digits += 1;
            i += 1;
        }
        if digits == 0 {
            return Err(bad(
                i + 1,
                "a `\\u{...}` escape needs at least one hexadecimal digit",
            ));
        }
        if self.at(i) != Some(b'}') {
            return Err(bad(i + 1, "a `\\u{...}` escape is missing its closing `}`"));
        }
        i += 1;
        match char::from_u32(v) {
            Some(c) => Ok((c, i)),
            None => Err(bad(
                i,
                "this `\\u{...}` escape is not a valid Unicode character",
            )),
        }
    }

    /// `'c'`.
    fn char_lit(&mut self) -> Result<Node<'a>, SyntaxError> {
        let start = self.pos;
        let b = self.b;
        let i = start + 1;
        let unterminated = || {
            SyntaxError::new(
                Span::new(start, start + 1),
                "unterminated character literal",
            )
            .hint("a character literal is one character between single quotes, like 'a'")
        };
        let Some(first) = self.at(i) else {
            return Err(unterminated());
        };
        let (c, end) = match first {
            b'\\' => match self.at(i + 1) {
                Some(b'n') => ('\n', i + 2),
                Some(b't') => ('\t', i + 2),
                Some(b'r') => ('\r', i + 2),
                Some(b'0') => ('\0', i + 2),
                Some(b'\\') => ('\\', i + 2),
                Some(b'"') => ('"', i + 2),
                Some(b'\'') => ('\'', i + 2),
                Some(b'x') => {
                    let v = self.hex_byte(i, i + 2)?;
                    if v >= 0x80 {
                        return Err(SyntaxError::new(
                            Span::new(i, i + 4),
                            "a `\\x` escape in a character literal must be ASCII (at most `\\x7F`)",
                        )
                        .hint("use `\\u{...}` for other characters"));
                    }
                    (char::from(v), i + 4)
                }
                Some(b'u') => self.unicode_escape(i)?,
                None => return Err(unterminated()),
                Some(_) => return Err(self.bad_escape(i)),
            },
            b'\'' if b.get(i + 1) != Some(&b'\'') => {
                return Err(SyntaxError::new(
                    Span::new(start, i + 1),
                    "empty character literal",
                )
                .hint("a character literal holds exactly one character, like 'a'; for an empty text use \"\""));
            }
            _ => {
                let c = self.char_at(i);
                (c, i + c.len_utf8())
            }
        };
        if self.at(end) != Some(b'\'') {
            // Find a closing quote on the same line to explain what happened.
            let line_end = b[end..]
                .iter()
                .position(|&c| c == b'\n')
                .map_or(b.len(), |n| end + n);
            return Err(match b[end..line_end].iter().position(|&c| c == b'\'') {
                Some(n) => SyntaxError::new(
                    Span::new(start, end + n + 1),
                    "a character literal holds exactly one character",
                )
                .hint("use double quotes for text: \"...\""),
                None => unterminated(),
            });
        }
        self.pos = end + 1;
        self.leaf(start, NodeKind::Char(c))
    }

    /// `b'c'` as an integer.
    fn byte_lit(&mut self) -> Result<Node<'a>, SyntaxError> {
        let start = self.pos;
        let i = start + 2;
        let unterminated = || {
            SyntaxError::new(Span::new(start, start + 2), "unterminated byte literal")
                .hint("a byte literal is one ASCII character, like b'a'")
        };
        let (v, end) = match self.at(i) {
            None => return Err(unterminated()),
            Some(b'\\') => match self.at(i + 1) {
                Some(b'n') => (b'\n', i + 2),
                Some(b't') => (b'\t', i + 2),
                Some(b'r') => (b'\r', i + 2),
                Some(b'0') => (0, i + 2),
                Some(b'\\') => (b'\\', i + 2),
                Some(b'"') => (b'"', i + 2),
                Some(b'\'') => (b'\'', i + 2),
                Some(b'x') => (self.hex_byte(i, i + 2)?, i + 4),
                None => return Err(unterminated()),
                Some(_) => return Err(self.bad_escape(i)),
            },
            Some(c) if c.is_ascii() => (c, i + 1),
            Some(_) => {
                return Err(SyntaxError::new(
                    self.char_span(i),
                    "a byte literal must be an ASCII character",
                )
                .hint("use `\\xNN` for other byte values"));
            }
        };
        if self.at(end) != Some(b'\'') {
            return Err(unterminated());
        }
        self.pos = end + 1;
        self.leaf(start, NodeKind::UInt(u64::from(v)))
    }

    // ----- numbers -------------------------------------------------------

    /// Scans digits (and `_` after the first digit) in `base` from `i`; returns the end.
    fn digits_end(&self, mut i: usize) -> usize {
        let b = self.b;
        if !matches!(b.get(i), Some(b'0'..=b'9')) {
            return i;
        }
        while matches!(b.get(i), Some(b'0'..=b'9' | b'_')) {
            i += 1;
        }
        i
    }

    /// Reads an optional type suffix at `i`; returns it and the end of the number.
    fn suffix(&self, start: usize, i: usize) -> Result<(Option<Suffix>, usize), SyntaxError> {
        if !self.is_ident_continue_at(i) {
            return Ok((None, i));
        }
        let end = self.ident_continue_end(i);
        let s = &self.text[i..end];
        let suffix = match s {
            "i8" => Suffix::Int {
                signed: true,
                bits: 8,
            },
            "i16" => Suffix::Int {
                signed: true,
                bits: 16,
            },
            "i32" => Suffix::Int {
                signed: true,
                bits: 32,
            },
            "i64" => Suffix::Int {
                signed: true,
                bits: 64,
            },
            "i128" => Suffix::Int {
                signed: true,
                bits: 128,
            },
            "u8" => Suffix::Int {
                signed: false,
                bits: 8,
            },
            "u16" => Suffix::Int {
                signed: false,
                bits: 16,
            },
            "u32" => Suffix::Int {
                signed: false,
                bits: 32,
            },
            "u64" => Suffix::Int {
                signed: false,
                bits: 64,
            },
            "u128" => Suffix::Int {
                signed: false,
                bits: 128,
            },
            "f32" => Suffix::Float32,
            "f64" => Suffix::Float64,
            _ => {
                return Err(SyntaxError::new(
                    Span::new(start, end),
                    format!("`{}` is not a valid number", &self.text[start..end]),
                )
                .hint("numbers look like `42`, `-7`, `0.5`, `1e3` or `0xFF`; text needs double quotes"));
            }
        };
        Ok((Some(suffix), end))
    }

    fn number(&mut self) -> Result<Node<'a>, SyntaxError> {
        let b = self.b;
        let start = self.pos;
        let mut i = start;
        let negative = match b.get(i) {
            Some(b'-') => {
                i += 1;
                true
            }
            Some(b'+') => {
                i += 1;
                false
            }
            _ => false,
        };

        // `inf`, `NaN`, with an optional sign and `f32`/`f64` suffix.
        for (word, value) in [(&b"inf"[..], f64::INFINITY), (&b"NaN"[..], f64::NAN)] {
            if b[i..].starts_with(word) {
                let mut end = i + 3;
                if (b[end..].starts_with(b"f32") || b[end..].starts_with(b"f64"))
                    && !self.is_ident_continue_at(end + 3)
                {
                    end += 3;
                }
                if !self.is_ident_continue_at(end) {
                    self.pos = end;
                    let v = if negative { -value } else { value };
                    return self.leaf(start, NodeKind::Float(v));
                }
            }
        }

        // Integers in base 16, 8 or 2.
        if b.get(i) == Some(&b'0') && matches!(b.get(i + 1), Some(b'x' | b'o' | b'b')) {
            let (base, base_name, prefix) = match b[i + 1] {
                b'x' => (16u64, "hexadecimal", "0x"),
                b'o' => (8, "octal", "0o"),
                _ => (2, "binary", "0b"),
            };
            let digits_start = i + 2;
            if b.get(digits_start) == Some(&b'_') {
                return Err(SyntaxError::new(
                    Span::new(digits_start, digits_start + 1),
                    "a number cannot start with `_`",
                ));
            }
            let mut j = digits_start;
            let mut value: u64 = 0;
            let mut overflow = false;
            let mut any = false;
            while let Some(&c) = b.get(j) {
                if c == b'_' {
                    j += 1;
                    continue;
                }
                let Some(d) = hex_val(c) else { break };
                let d = u64::from(d);
                if d >= base {
                    return Err(SyntaxError::new(
                        Span::new(j, j + 1),
                        format!("`{}` is not a {base_name} digit", char::from(c)),
                    ));
                }
                match value.checked_mul(base).and_then(|v| v.checked_add(d)) {
                    Some(v) => value = v,
                    None => overflow = true,
                }
                any = true;
                j += 1;
            }
            if !any {
                return Err(SyntaxError::new(
                    Span::new(start, j),
                    format!("expected {base_name} digits after `{prefix}`"),
                ));
            }
            let (suffix, end) = self.suffix(start, j)?;
            self.pos = end;
            if matches!(suffix, Some(Suffix::Float32 | Suffix::Float64)) {
                return Err(SyntaxError::new(
                    Span::new(start, end),
                    format!("a {base_name} integer cannot have a float suffix"),
                ));
            }
            if overflow {
                return Err(self.too_large(start, end));
            }
            let kind = self.int_kind(start, end, negative, value, suffix)?;
            return self.leaf(start, kind);
        }

        // Decimal integers and floats.
        if b.get(i) == Some(&b'_') {
            return Err(SyntaxError::new(
                Span::new(i, i + 1),
                "a number cannot start with `_`",
            ));
        }
        let int_end = self.digits_end(i);
        let int_digits = int_end > i;
        let mut j = int_end;
        let mut is_float = false;
        if b.get(j) == Some(&b'.') {
            match b.get(j + 1) {
                Some(b'0'..=b'9') => {
                    is_float = true;
                    j = self.digits_end(j + 1);
                }
                Some(b'.') => {}
                // `1.e5`: the exponent is read below.
                Some(b'e' | b'E')
                    if int_digits && matches!(self.at(j + 2), Some(b'0'..=b'9' | b'+' | b'-')) =>
                {
                    is_float = true;
                    j += 1;
                }
                _ if int_digits && !self.is_ident_start_at(j + 1) => {
                    // `1.` is a float, as in Rust.
                    is_float = true;
                    j += 1;
                }
                _ => {}
            }
        }
        if !int_digits && !is_float {
            let what = if negative || b.get(start) == Some(&b'+') {
                format!("expected a number after `{}`", char::from(b[start]))
            } else {
                format!("expected a value, found {}", self.found(start))
            };
            return Err(SyntaxError::new(
                Span::new(start, (i + 1).min(b.len())),
                what,
            ));
        }
        if matches!(b.get(j), Some(b'e' | b'E')) {
            let mut k = j + 1;
            if matches!(b.get(k), Some(b'+' | b'-')) {
                k += 1;
            }
            // As in `ron`, underscores may appear anywhere in the exponent digits.
            let mut exp_end = k;
            let mut exp_digits = false;
            while let Some(c @ (b'0'..=b'9' | b'_')) = b.get(exp_end) {
                exp_digits |= *c != b'_';
                exp_end += 1;
            }
            if !exp_digits {
                return Err(SyntaxError::new(
                    Span::new(start, (k + 1).min(b.len())),
                    "expected digits in the exponent of this number",
                )
                .hint("exponents look like `1e3` or `2.5E-4`"));
            }
            is_float = true;
            j = exp_end;
        }
        let mant_end = j;
        let (suffix, end) = self.suffix(start, j)?;
        self.pos = end;
        if b.get(end) == Some(&b'.') {
            let msg = if b.get(end + 1) == Some(&b'.') {
                "ranges such as `1..2` are not supported"
            } else {
                "unexpected `.` after this number"
            };
            return Err(SyntaxError::new(Span::new(start, end + 1), msg));
        }
        let float_suffix = matches!(suffix, Some(Suffix::Float32 | Suffix::Float64));
        if is_float || float_suffix {
            if matches!(suffix, Some(Suffix::Int { .. })) {
                return Err(SyntaxError::new(
                    Span::new(start, end),
                    "a number with a fraction or exponent cannot have an integer suffix",
                ));
            }
            let v = self.parse_float(start, mant_end, suffix == Some(Suffix::Float32))?;
            return self.leaf(start, NodeKind::Float(v));
        }
        // A decimal integer.
        let mut value: u64 = 0;
        let mut overflow = false;
        for &c in &b[i..int_end] {
            if c == b'_' {
                continue;
            }
            match value
                .checked_mul(10)
                .and_then(|v| v.checked_add(u64::from(c - b'0')))
            {
                Some(v) => value = v,
                None => {
                    overflow = true;
                    break;
                }
            }
        }
        if overflow || (negative && value > 1 << 63) {
            if suffix.is_some() {
                return Err(self.too_large(start, end));
            }
            // Like `ron`, a decimal literal beyond the 64-bit range is read as a float.
            let v = self.parse_float(start, mant_end, false)?;
            return self.leaf(start, NodeKind::Float(v));
        }
        let kind = self.int_kind(start, end, negative, value, suffix)?;
        self.leaf(start, kind)
    }

    fn too_large(&self, start: usize, end: usize) -> SyntaxError {
        SyntaxError::new(
            Span::new(start, end),
            format!("the integer `{}` is too large", &self.text[start..end]),
        )
        .hint("integers must lie between -9223372036854775808 and 18446744073709551615")
    }

    fn int_kind(
        &self,
        start: usize,
        end: usize,
        negative: bool,
        magnitude: u64,
        suffix: Option<Suffix>,
    ) -> Result<NodeKind<'a>, SyntaxError> {
        if negative && magnitude > 1 << 63 {
            return Err(self.too_large(start, end));
        }
        if let Some(Suffix::Int { signed, bits }) = suffix {
            let fits = match (signed, negative) {
                (false, false) => bits >= 64 || magnitude < 1u64 << bits,
                (false, true) => magnitude == 0,
                (true, false) => bits > 64 || magnitude < 1u64 << (bits - 1),
                (true, true) => bits > 64 || magnitude <= 1u64 << (bits - 1),
            };
            if !fits {
                let ty = format!("{}{bits}", if signed { 'i' } else { 'u' });
                return Err(SyntaxError::new(
                    Span::new(start, end),
                    format!(
                        "the integer `{}` does not fit in its type `{ty}`",
                        &self.text[start..end]
                    ),
                ));
            }
        }
        Ok(if !negative || magnitude == 0 {
            NodeKind::UInt(magnitude)
        } else {
            // `magnitude` is in 1..=2^63 here.
            NodeKind::Int((magnitude as i64).wrapping_neg())
        })
    }

    fn parse_float(&self, start: usize, end: usize, f32: bool) -> Result<f64, SyntaxError> {
        let raw = &self.text[start..end];
        let owned;
        let s = if raw.contains('_') {
            owned = raw.replace('_', "");
            owned.as_str()
        } else {
            raw
        };
        let parsed = if f32 {
            s.parse::<f32>().map(f64::from).ok()
        } else {
            s.parse::<f64>().ok()
        };
        parsed.ok_or_else(|| {
            SyntaxError::new(
                Span::new(start, end),
                format!("`{raw}` is not a valid number"),
            )
        })
    }
}

/// The offset just past the string whose quote is at `i` (or the end of the text).
fn skip_quoted(b: &[u8], i: usize) -> usize {
    let mut j = i + 1;
    while j < b.len() {
        match b[j] {
            b'\\' => j += 2,
            b'"' => return j + 1,
            _ => j += 1,
        }
    }
    b.len()
}

/// The offset just past the character literal at `i`, or past the lone `'` if none closes
/// it on the same line within a few bytes.
fn skip_char_literal(b: &[u8], i: usize) -> usize {
    let from = if b.get(i + 1) == Some(&b'\\') {
        i + 3
    } else {
        i + 2
    };
    let window = b
        .get(from.min(b.len())..(i + 12).min(b.len()))
        .unwrap_or(&[]);
    window
        .iter()
        .take_while(|&&c| c != b'\n')
        .position(|&c| c == b'\'')
        .map_or(i + 1, |n| from + n + 1)
}

/// The offset just past the (nested) block comment at `i`, or the end of the text.
fn skip_block_comment(b: &[u8], i: usize) -> usize {
    let mut level = 0usize;
    let mut j = i;
    while j + 1 < b.len() {
        if b[j] == b'/' && b[j + 1] == b'*' {
            level += 1;
            j += 2;
        } else if b[j] == b'*' && b[j + 1] == b'/' {
            level -= 1;
            j += 2;
            if level == 0 {
                return j;
            }
        } else {
            j += 1;
        }
    }
    b.len()
}

enum Escaped<'a> {
    Borrowed(&'a str),
    Owned(Vec<u8>),
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(text: &str) -> Node<'_> {
        match parse(text, &Limits::default()) {
            Ok(n) => n,
            Err(e) => panic!("parse error {e:?} in {text:?}"),
        }
    }

    fn kind(text: &str) -> NodeKind<'_> {
        p(text).kind
    }

    fn err(text: &str) -> SyntaxError {
        match parse(text, &Limits::default()) {
            Ok(n) => panic!("expected an error for {text:?}, got {n:?}"),
            Err(e) => e,
        }
    }

    fn err_with(text: &str, limits: &Limits) -> SyntaxError {
        match parse(text, limits) {
            Ok(_) => panic!("expected an error for {text:?}"),
            Err(e) => e,
        }
    }

    fn sp(s: usize, e: usize) -> Span {
        Span::new(s, e)
    }

    fn tagged<'n, 'a>(n: &'n Node<'a>) -> (Option<&'a str>, &'n Body<'a>) {
        match &n.kind {
            NodeKind::Tagged { name, body } => (name.map(|(n, _)| n), body),
            other => panic!("not tagged: {other:?}"),
        }
    }

    fn all(text: &str) -> Parsed<'_> {
        parse_all(text, &Limits::default())
    }

    fn items<'n, 'a>(n: &'n Node<'a>) -> &'n [Node<'a>] {
        match &n.kind {
            NodeKind::List(items) => items,
            other => panic!("not a list: {other:?}"),
        }
    }

    #[test]
    fn recovery_leaves_valid_text_alone() {
        let text = "#![enable(implicit_some)]\n(a: [1, \"x,y\"], b: {1: 'c'}, c: Some(()))";
        let parsed = all(text);
        assert!(parsed.errors.is_empty());
        assert_eq!(
            parsed.document,
            parse_document(text, &Limits::default()).ok()
        );
    }

    #[test]
    fn recovery_reports_every_broken_element_once() {
        let parsed = all("[1, @, 3, 4 5 %, 6]");
        let messages: Vec<_> = parsed.errors.iter().map(|e| e.message.as_str()).collect();
        assert_eq!(
            messages,
            [
                "expected a value, found `@`",
                "expected `,` or `]`, found `5`",
                "expected `,` or `]`, found `%`"
            ]
        );
        assert_eq!(parsed.errors[0].span, sp(4, 5));
        let doc = parsed.document.unwrap();
        let kinds: Vec<_> = items(&doc.value).iter().map(|n| n.kind.clone()).collect();
        assert_eq!(
            kinds,
            [
                NodeKind::UInt(1),
                NodeKind::Error,
                NodeKind::UInt(3),
                NodeKind::UInt(4),
                NodeKind::UInt(5),
                NodeKind::Error,
                NodeKind::UInt(6),
            ]
        );
    }

    #[test]
    fn recovery_skips_strings_comments_and_nesting() {
        let parsed = all("[@ \"a,]b\" /* , ] */ (1, [2]) ',' // ,]\n, 7]");
        assert_eq!(parsed.errors.len(), 1);
        let doc = parsed.document.unwrap();
        let list = items(&doc.value);
        assert_eq!(list.len(), 2);
        assert_eq!(list[0].kind, NodeKind::Error);
        assert_eq!(list[1].kind, NodeKind::UInt(7));
    }

    #[test]
    fn recovery_keeps_struct_fields_aligned() {
        // A missing comma before `name:` is assumed; `2 2` is skipped to the next comma.
        let parsed = all("(a: 1 b: 2 2, c: 3, d: , e: \"ok\")");
        assert_eq!(parsed.errors.len(), 3, "{:?}", parsed.errors);
        let doc = parsed.document.unwrap();
        let (_, body) = tagged(&doc.value);
        let Body::Struct(fields) = body else {
            panic!("not a struct: {body:?}");
        };
        let names: Vec<_> = fields.iter().map(|f| f.name).collect();
        assert_eq!(names, ["a", "b", "", "c", "d", "e"]);
        assert_eq!(fields[1].value.kind, NodeKind::UInt(2));
        assert_eq!(fields[2].value.kind, NodeKind::Error);
        assert_eq!(fields[4].value.kind, NodeKind::Error);
        assert_eq!(fields[5].value.kind, NodeKind::Str("ok".into()));
    }

    #[test]
    fn recovery_cuts_short_unclosed_containers() {
        // The struct never closes: the list's bracket ends it, the list goes on.
        let parsed = all("[(a: 1, b: [2, 3), (a: 4)]");
        assert_eq!(parsed.errors.len(), 1, "{:?}", parsed.errors);
        let doc = parsed.document.unwrap();
        assert_eq!(items(&doc.value).len(), 2);
        // The end of the file ends everything, with one error.
        let parsed = all("(a: [1, (b: 2");
        assert_eq!(parsed.errors.len(), 1);
        assert_eq!(parsed.errors[0].message, "this `(` is never closed");
        assert!(parsed.document.is_some());
        // A map's broken key and value.
        let parsed = all("{1: 2, @: 3, 4: #, 5: 6}");
        assert_eq!(parsed.errors.len(), 2);
        let doc = parsed.document.unwrap();
        let NodeKind::Map(pairs) = &doc.value.kind else {
            panic!("not a map");
        };
        assert_eq!(pairs.len(), 4);
        assert_eq!(pairs[1].0.kind, NodeKind::Error);
        assert_eq!(pairs[2].1.kind, NodeKind::Error);
    }

    #[test]
    fn recovery_first_error_matches_the_stopping_parser() {
        for text in [
            "[1, @]", "(a: 1 b)", "\"open", "[(]", "(a: 1))", "1 2", "/x",
        ] {
            let first = err(text);
            let parsed = all(text);
            assert_eq!(parsed.errors.first(), Some(&first), "{text:?}");
        }
        // Limits stop the parse.
        let limits = Limits {
            max_depth: 2,
            ..Limits::default()
        };
        let parsed = parse_all("[[[1]], @]", &limits);
        assert_eq!(parsed.errors.len(), 1);
        assert!(parsed.errors[0].limit);
        assert!(parsed.document.is_none());
    }

    #[test]
    fn scalars() {
        assert_eq!(kind("()"), NodeKind::Unit);
        assert_eq!(kind("( )"), NodeKind::Unit);
        assert_eq!(kind("true"), NodeKind::Bool(true));
        assert_eq!(kind("false"), NodeKind::Bool(false));
        assert_eq!(kind("42"), NodeKind::UInt(42));
        assert_eq!(kind("+42"), NodeKind::UInt(42));
        assert_eq!(kind("-42"), NodeKind::Int(-42));
        assert_eq!(kind("-0"), NodeKind::UInt(0));
        assert_eq!(kind("1_000_000"), NodeKind::UInt(1_000_000));
        assert_eq!(kind("0x1F"), NodeKind::UInt(31));
        assert_eq!(kind("0xff_ff"), NodeKind::UInt(0xffff));
        assert_eq!(kind("-0x10"), NodeKind::Int(-16));
        assert_eq!(kind("0o17"), NodeKind::UInt(15));
        assert_eq!(kind("0b1010"), NodeKind::UInt(10));
        assert_eq!(kind("18446744073709551615"), NodeKind::UInt(u64::MAX));
        assert_eq!(kind("-9223372036854775808"), NodeKind::Int(i64::MIN));
        assert_eq!(kind("255u8"), NodeKind::UInt(255));
        assert_eq!(kind("-128i8"), NodeKind::Int(-128));
        assert_eq!(kind("b'a'"), NodeKind::UInt(97));
        assert_eq!(kind("b'\\n'"), NodeKind::UInt(10));
        assert_eq!(kind("b'\\xff'"), NodeKind::UInt(255));
        assert_eq!(kind("1.5"), NodeKind::Float(1.5));
        assert_eq!(kind("-0.5"), NodeKind::Float(-0.5));
        assert_eq!(kind(".5"), NodeKind::Float(0.5));
        assert_eq!(kind("-.5"), NodeKind::Float(-0.5));
        assert_eq!(kind("1."), NodeKind::Float(1.0));
        assert_eq!(kind("1e3"), NodeKind::Float(1000.0));
        assert_eq!(kind("2.5E-2"), NodeKind::Float(0.025));
        assert_eq!(kind("1e+2"), NodeKind::Float(100.0));
        assert_eq!(kind("1.e2"), NodeKind::Float(100.0));
        assert_eq!(kind("1e_2_"), NodeKind::Float(100.0));
        assert_eq!(kind("1.E-1"), NodeKind::Float(0.1));
        assert_eq!(kind("1_000.000_1"), NodeKind::Float(1000.0001));
        assert_eq!(kind("1.5f32"), NodeKind::Float(1.5));
        assert_eq!(kind("2f64"), NodeKind::Float(2.0));
        assert_eq!(kind("inf"), NodeKind::Float(f64::INFINITY));
        assert_eq!(kind("-inf"), NodeKind::Float(f64::NEG_INFINITY));
        assert_eq!(kind("+inf"), NodeKind::Float(f64::INFINITY));
        assert_eq!(kind("inff64"), NodeKind::Float(f64::INFINITY));
        assert!(matches!(kind("NaN"), NodeKind::Float(f) if f.is_nan()));
        assert!(matches!(kind("-NaN"), NodeKind::Float(f) if f.is_nan()));
        assert!(matches!(kind("NaNf32"), NodeKind::Float(f) if f.is_nan()));
        assert_eq!(
            kind("100000000000000000000"),
            NodeKind::Float(100000000000000000000.0)
        );
        assert_eq!(kind("'a'"), NodeKind::Char('a'));
        assert_eq!(kind("'é'"), NodeKind::Char('é'));
        assert_eq!(kind("'\\n'"), NodeKind::Char('\n'));
        assert_eq!(kind("'\\''"), NodeKind::Char('\''));
        assert_eq!(kind("'\\u{1F600}'"), NodeKind::Char('😀'));
        assert_eq!(kind("'\\x41'"), NodeKind::Char('A'));
        assert_eq!(kind("'''"), NodeKind::Char('\''));
        assert_eq!(kind("None"), NodeKind::Ident("None"));
        assert_eq!(kind("Low"), NodeKind::Ident("Low"));
        assert_eq!(kind("_"), NodeKind::Ident("_"));
        assert_eq!(kind("r#type"), NodeKind::Ident("type"));
        assert_eq!(kind("r#a-b.c"), NodeKind::Ident("a-b.c"));
        assert_eq!(kind("Ünïcödé"), NodeKind::Ident("Ünïcödé"));
        assert_eq!(kind("infinity"), NodeKind::Ident("infinity"));
        assert_eq!(kind("r#true"), NodeKind::Ident("true"));
    }

    #[test]
    fn strings() {
        let n = p(r#""hello""#);
        assert_eq!(n.span, sp(0, 7));
        assert!(matches!(n.kind, NodeKind::Str(Cow::Borrowed("hello"))));
        assert_eq!(kind(r#""""#), NodeKind::Str("".into()));
        let n = p(r#""a\n\t\\\"\'\0\rb""#);
        assert_eq!(n.kind, NodeKind::Str("a\n\t\\\"'\0\rb".into()));
        assert!(matches!(n.kind, NodeKind::Str(Cow::Owned(_))));
        assert_eq!(kind(r#""\u{e9}\u{1F600}""#), NodeKind::Str("é😀".into()));
        assert_eq!(kind(r#""\x41\xc3\xa9""#), NodeKind::Str("Aé".into()));
        assert_eq!(
            kind("\"line1\nline2\""),
            NodeKind::Str("line1\nline2".into())
        );
        assert_eq!(kind("\"a\r\nb\""), NodeKind::Str("a\r\nb".into()));
        assert_eq!(
            kind("\"one \\\n     two\""),
            NodeKind::Str("one two".into())
        );
        assert_eq!(kind("\"one \\\r\n  two\""), NodeKind::Str("one two".into()));
        assert_eq!(kind("\"héllo wörld\""), NodeKind::Str("héllo wörld".into()));
        // Raw strings.
        let n = p(r#"r"a\nb""#);
        assert_eq!(n.kind, NodeKind::Str(r"a\nb".into()));
        assert_eq!(n.span, sp(0, 7));
        let n = p(r###"r#"say "hi""#"###);
        assert_eq!(n.kind, NodeKind::Str(r#"say "hi""#.into()));
        assert_eq!(n.span, sp(0, 13));
        let text = "r##\"a \"# b\"##";
        let n = p(text);
        assert_eq!(n.kind, NodeKind::Str("a \"# b".into()));
        assert_eq!(n.span, sp(0, text.len()));
        assert_eq!(
            kind("r\"multi\nline\""),
            NodeKind::Str("multi\nline".into())
        );
        // Byte strings.
        assert_eq!(
            kind(r#"b"ab\x00\xff""#),
            NodeKind::Bytes(b"ab\x00\xff".to_vec().into())
        );
        assert_eq!(
            kind(r#"b"plain""#),
            NodeKind::Bytes(b"plain".to_vec().into())
        );
        assert_eq!(
            kind(r##"br#"x"y"#"##),
            NodeKind::Bytes(b"x\"y".to_vec().into())
        );
        assert_eq!(
            kind(r#"br"raw\n""#),
            NodeKind::Bytes(b"raw\\n".to_vec().into())
        );
    }

    #[test]
    fn structs_tuples_lists_maps() {
        let n = p("Team(name: \"Red\", size: 3)");
        assert_eq!(n.span, sp(0, 26));
        let (name, body) = tagged(&n);
        assert_eq!(name, Some("Team"));
        let Body::Struct(fields) = body else { panic!() };
        assert_eq!(fields.len(), 2);
        assert_eq!(fields[0].name, "name");
        assert_eq!(fields[0].name_span, sp(5, 9));
        assert_eq!(fields[0].value.span, sp(11, 16));
        assert_eq!(fields[1].name, "size");
        assert_eq!(fields[1].value.kind, NodeKind::UInt(3));
        if let NodeKind::Tagged { name, .. } = &n.kind {
            assert_eq!(name.map(|(_, s)| s), Some(sp(0, 4)));
        }

        // Anonymous struct, trailing comma, raw field names, whitespace before `(`.
        let n = p("( a : 1 , r#type: 2, )");
        let (name, body) = tagged(&n);
        assert_eq!(name, None);
        let Body::Struct(fields) = body else { panic!() };
        assert_eq!(
            fields.iter().map(|f| f.name).collect::<Vec<_>>(),
            ["a", "type"]
        );
        assert_eq!(fields[1].name_span, sp(10, 16));
        let n = p("Name /* c */ (x: 1)");
        assert_eq!(tagged(&n).0, Some("Name"));

        // Tuples.
        let n = p("(1, \"two\", 3.0)");
        let (name, body) = tagged(&n);
        assert_eq!(name, None);
        assert!(matches!(body, Body::Tuple(v) if v.len() == 3));
        let n = p("Some(x)");
        let (name, body) = tagged(&n);
        assert_eq!(name, Some("Some"));
        assert!(matches!(body, Body::Tuple(v) if v[0].kind == NodeKind::Ident("x")));
        let n = p("Empty()");
        assert!(matches!(tagged(&n), (Some("Empty"), Body::Tuple(v)) if v.is_empty()));
        let n = p("Point(1, 2,)");
        assert!(matches!(tagged(&n), (Some("Point"), Body::Tuple(v)) if v.len() == 2));
        let n = p("(true)");
        assert!(matches!(tagged(&n), (None, Body::Tuple(v)) if v.len() == 1));

        // Lists.
        assert_eq!(kind("[]"), NodeKind::List(vec![]));
        let n = p("[1, [2, 3], []]");
        let NodeKind::List(items) = &n.kind else {
            panic!()
        };
        assert_eq!(items.len(), 3);
        assert_eq!(items[1].span, sp(4, 10));
        let n = p("[A, B,]");
        let NodeKind::List(items) = &n.kind else {
            panic!()
        };
        assert_eq!(items[1].kind, NodeKind::Ident("B"));
        assert_eq!(items[1].span, sp(4, 5));

        // Maps with any key kind.
        let n = p("{\"a\": 1, 2: [x], (1, 2): {}, Key: Some(3),}");
        let NodeKind::Map(entries) = &n.kind else {
            panic!()
        };
        assert_eq!(entries.len(), 4);
        assert_eq!(entries[0].0.kind, NodeKind::Str("a".into()));
        assert_eq!(entries[1].0.kind, NodeKind::UInt(2));
        assert!(matches!(entries[2].0.kind, NodeKind::Tagged { .. }));
        assert_eq!(entries[3].0.kind, NodeKind::Ident("Key"));
        assert_eq!(kind("{}"), NodeKind::Map(vec![]));

        // Nested spans.
        let text = "Outer(inner: Inner(v: [1]), t: (1, 2))";
        let n = p(text);
        assert_eq!(n.span, sp(0, text.len()));
        let (_, Body::Struct(fields)) = tagged(&n) else {
            panic!()
        };
        assert_eq!(fields[0].value.span, sp(13, 26));
        assert_eq!(fields[1].value.span, sp(31, 37));
    }

    #[test]
    fn whitespace_comments_attributes() {
        let text = "// leading comment\r\n#![enable(implicit_some)]\r\n/* block /* nested */ still */\r\nS(\r\n  a: 1, // trailing\r\n  b: [\r\n    2,\r\n  ],\r\n)\r\n// end";
        let doc = parse_document(text, &Limits::default()).unwrap();
        assert_eq!(
            doc.extensions.iter().map(|e| e.0).collect::<Vec<_>>(),
            ["implicit_some"]
        );
        let (name, Body::Struct(fields)) = tagged(&doc.value) else {
            panic!()
        };
        assert_eq!(name, Some("S"));
        assert_eq!(fields.len(), 2);
        assert_eq!(
            &text[fields[1].name_span.start..fields[1].name_span.end],
            "b"
        );

        let doc = parse_document(
            "#![enable(unwrap_newtypes, unwrap_variant_newtypes,)] #![type = \"x\"]\n#![schema=r\"y\"] 5",
            &Limits::default(),
        )
        .unwrap();
        assert_eq!(doc.extensions.len(), 2);
        assert_eq!(doc.value.kind, NodeKind::UInt(5));
        assert_eq!(kind("5 // unclosed line comment"), NodeKind::UInt(5));
        assert_eq!(kind("\t\u{0B}\u{0C}5\u{85}\u{2028}"), NodeKind::UInt(5));
        assert_eq!(
            kind("[1/**/,/*x*/2]"),
            NodeKind::List(vec![
                Node {
                    span: sp(1, 2),
                    kind: NodeKind::UInt(1)
                },
                Node {
                    span: sp(12, 13),
                    kind: NodeKind::UInt(2)
                },
            ])
        );
        // `//` and `/*` inside strings are not comments.
        assert_eq!(
            kind("\"// no /* comment\""),
            NodeKind::Str("// no /* comment".into())
        );
    }

    #[test]
    fn crlf_everywhere() {
        let text = "Scenario(\r\n\tname: \"x\",\r\n\tlist: [\r\n\t\t1,\r\n\t\t2\r\n\t],\r\n\tmap: {\r\n\t\t\"k\"\r\n\t\t:\r\n\t\tv\r\n\t}\r\n)\r\n";
        let n = p(text);
        let (_, Body::Struct(fields)) = tagged(&n) else {
            panic!()
        };
        assert_eq!(fields.len(), 3);
    }

    #[test]
    fn syntax_errors_with_spans() {
        // Empty document.
        let e = err("");
        assert_eq!(e.span, sp(0, 0));
        assert!(e.message.contains("end of the file"), "{e:?}");
        let e = err("   // nothing\n");
        assert!(e.message.contains("expected a value"), "{e:?}");

        // Unterminated string: points at the opening quote.
        let e = err("(a: \"abc)");
        assert_eq!(e.span, sp(4, 5));
        assert_eq!(e.message, "unterminated string");
        assert!(e.hint.unwrap().contains("never closes"));
        let e = err("\"abc\\");
        assert_eq!(e.span, sp(0, 1));
        let e = err("r#\"abc\"");
        assert_eq!(e.span, sp(0, 3));
        assert_eq!(e.message, "unterminated raw string");
        let e = err("b\"abc");
        assert_eq!(e.span, sp(0, 2));

        // Bad escapes.
        let e = err(r#""a\qb""#);
        assert_eq!(e.span, sp(2, 4));
        assert!(e.message.contains("unknown escape sequence `\\q`"), "{e:?}");
        let e = err(r#""\u{110000}""#);
        assert!(e.message.contains("not a valid Unicode"), "{e:?}");
        assert_eq!(e.span.start, 1);
        let e = err(r#""\u{}""#);
        assert!(e.message.contains("at least one"), "{e:?}");
        let e = err(r#""\u12""#);
        assert!(e.message.contains("followed by `{`"), "{e:?}");
        let e = err(r#""\xZZ""#);
        assert!(e.message.contains("two hexadecimal digits"), "{e:?}");
        let e = err(r#""\xff""#);
        assert!(e.message.contains("UTF-8"), "{e:?}");

        // Chars.
        let e = err("''");
        assert_eq!(e.message, "empty character literal");
        let e = err("'ab'");
        assert_eq!(e.message, "a character literal holds exactly one character");
        assert_eq!(e.span, sp(0, 4));
        let e = err("'a");
        assert_eq!(e.message, "unterminated character literal");
        assert_eq!(e.span, sp(0, 1));

        // Missing commas.
        let e = err("(a: 1 b: 2)");
        assert_eq!(e.span, sp(6, 7));
        assert_eq!(e.message, "expected `,` or `)`, found `b`");
        assert_eq!(
            e.hint.as_deref(),
            Some("did you forget a comma between two fields?")
        );
        let e = err("[1 2]");
        assert_eq!(e.message, "expected `,` or `]`, found `2`");
        assert_eq!(
            e.hint.as_deref(),
            Some("did you forget a comma between two items?")
        );
        let e = err("{1: 2 3: 4}");
        assert!(e.hint.unwrap().contains("entries"));
        let e = err("[1, 2)");
        assert_eq!(e.span, sp(5, 6));
        assert!(e.hint.unwrap().contains("`[` at line 1, column 1"));

        // Unclosed brackets: point at the opening bracket.
        let e = err("Outer(a: [1, 2");
        assert_eq!(e.span, sp(9, 10));
        assert_eq!(e.message, "this `[` is never closed");
        let e = err("Outer(\n  a: 1,\n");
        assert_eq!(e.span, sp(5, 6));
        assert_eq!(e.message, "this `(` is never closed");
        let e = err("{\"a\": 1");
        assert_eq!(e.span, sp(0, 1));
        let e = err("[1,");
        assert_eq!(e.span, sp(0, 1));
        let e = err("{\"a\"");
        assert_eq!(e.span, sp(0, 1));

        // Structural errors.
        let e = err("[1,,2]");
        assert_eq!(e.span, sp(3, 4));
        assert_eq!(e.message, "expected a value, found `,`");
        let e = err("(a: )");
        assert_eq!(e.span, sp(4, 5));
        let e = err("{\"a\" 1}");
        assert!(e.message.contains("`:` after the map key"), "{e:?}");
        let e = err("(a: 1, 2)");
        assert_eq!(e.span, sp(7, 8));
        assert!(e.message.contains("expected a field name"), "{e:?}");
        let e = err("(a: 1, b 2)");
        assert!(e.message.contains("`:` after the field name `b`"), "{e:?}");
        assert_eq!(e.span, sp(9, 10));
        let e = err("(1, a: 2)");
        assert_eq!(e.span, sp(4, 5));
        assert!(e.message.contains("field name `a` in a tuple"), "{e:?}");
        let e = err("5 6");
        assert_eq!(e.span, sp(2, 3));
        assert!(e.message.contains("after the end of the value"), "{e:?}");
        let e = err("[1])");
        assert_eq!(e.message, "unmatched `)`");
        let e = err("@");
        assert_eq!(e.message, "expected a value, found `@`");
        let e = err("[1, ¤]");
        assert_eq!(e.span, sp(4, 6));
        assert_eq!(e.message, "expected a value, found `¤`");

        // Comments.
        let e = err("/* never closed");
        assert_eq!(e.span, sp(0, 2));
        assert_eq!(e.message, "unterminated block comment");
        let e = err("/* a /* b */ 5");
        assert_eq!(e.message, "unterminated block comment");
        let e = err("5 / 2");
        assert_eq!(e.message, "unexpected `/`");

        // Numbers.
        let e = err("0x");
        assert!(e.message.contains("hexadecimal digits"), "{e:?}");
        let e = err("0b102");
        assert_eq!(e.span, sp(4, 5));
        let e = err("0o8");
        assert!(e.message.contains("octal"), "{e:?}");
        let e = err("256u8");
        assert!(e.message.contains("does not fit"), "{e:?}");
        assert_eq!(e.span, sp(0, 5));
        let e = err("-1u32");
        assert!(e.message.contains("does not fit"), "{e:?}");
        let e = err("12abc");
        assert_eq!(e.message, "`12abc` is not a valid number");
        let e = err("1.2.3");
        assert!(e.message.contains("unexpected `.`"), "{e:?}");
        let e = err("1..2");
        assert!(e.message.contains("ranges"), "{e:?}");
        let e = err("1e");
        assert!(e.message.contains("exponent"), "{e:?}");
        let e = err("-");
        assert_eq!(e.message, "expected a number after `-`");
        let e = err("-_1");
        assert!(e.message.contains("cannot start with `_`"), "{e:?}");
        let e = err("0x1_0000_0000_0000_0000");
        assert!(e.message.contains("too large"), "{e:?}");
        let e = err("-9223372036854775809i64");
        assert!(e.message.contains("too large"), "{e:?}");
        let e = err("1.5u8");
        assert!(e.message.contains("integer suffix"), "{e:?}");
        let e = err("-é");
        assert_eq!(e.span, sp(0, 3));
        let e = err("\"\\xé\"");
        assert_eq!(e.span, sp(1, 5));

        // Attributes.
        let e = err("#![enable(implicit_sum)] 5");
        assert_eq!(e.message, "unknown extension `implicit_sum`");
        assert_eq!(e.span, sp(10, 22));
        let e = err("#![frobnicate] 5");
        assert!(e.message.contains("unknown attribute"), "{e:?}");
        let e = err("#[enable(implicit_some)] 5");
        assert!(e.message.contains("expected an attribute"), "{e:?}");
        let e = err("#![enable(implicit_some) 5");
        assert!(e.message.contains("expected `]`"), "{e:?}");
    }

    #[test]
    fn deep_nesting_fails_fast() {
        let text = "[".repeat(100_000);
        let start = std::time::Instant::now();
        let e = err(&text);
        assert_eq!(e.message, "nesting deeper than 64 levels");
        assert_eq!(e.span, sp(64, 65));
        let text = "(a: ".repeat(100_000);
        let e = err(&text);
        assert_eq!(e.message, "nesting deeper than 64 levels");
        let text = "S(".repeat(100_000);
        let e = err(&text);
        assert_eq!(e.message, "nesting deeper than 64 levels");
        assert!(start.elapsed().as_secs() < 2);
        // Exactly 64 levels are fine.
        let ok = format!("{}{}", "[".repeat(64), "]".repeat(64));
        assert!(parse(&ok, &Limits::default()).is_ok());
        let deep = format!("{}{}", "[".repeat(65), "]".repeat(65));
        assert!(parse(&deep, &Limits::default()).is_err());
        // A custom limit is named.
        let limits = Limits {
            max_depth: 3,
            ..Limits::default()
        };
        let e = err_with("[[[[]]]]", &limits);
        assert_eq!(e.message, "nesting deeper than 3 levels");
        assert_eq!(e.span, sp(3, 4));
    }

    #[test]
    fn item_node_and_string_limits() {
        let mut text = String::with_capacity(7_000_000);
        text.push('[');
        for _ in 0..3_000_000 {
            text.push_str("1,");
        }
        text.push(']');
        let start = std::time::Instant::now();
        let e = err(&text);
        assert_eq!(e.message, "more than 100000 items in one list");
        // The offending item is the 100 001st.
        assert_eq!(e.span, sp(1 + 2 * 100_000, 2 + 2 * 100_000));
        assert!(start.elapsed().as_secs() < 5);

        let limits = Limits {
            max_items: 2,
            ..Limits::default()
        };
        assert!(parse("[1, 2]", &limits).is_ok());
        assert_eq!(
            err_with("[1, 2, 3]", &limits).message,
            "more than 2 items in one list"
        );
        assert_eq!(
            err_with("{1: 1, 2: 2, 3: 3}", &limits).message,
            "more than 2 entries in one map"
        );
        assert_eq!(
            err_with("(a: 1, b: 2, c: 3)", &limits).message,
            "more than 2 fields in one struct"
        );
        assert_eq!(
            err_with("(1, 2, 3)", &limits).message,
            "more than 2 elements in one tuple"
        );

        let limits = Limits {
            max_nodes: 5,
            ..Limits::default()
        };
        assert!(parse("[1, 2, 3, 4]", &limits).is_ok());
        let e = err_with("[1, 2, 3, 4, 5]", &limits);
        assert!(e.message.contains("more than 5 values"), "{e:?}");
        assert_eq!(e.span, sp(13, 14));

        let limits = Limits {
            max_string_len: 4,
            ..Limits::default()
        };
        assert!(parse("\"abcd\"", &limits).is_ok());
        assert!(parse("\"a\\nbc\"", &limits).is_ok());
        let e = err_with("\"abcde\"", &limits);
        assert!(e.message.contains("longer than 4 bytes"), "{e:?}");
        assert_eq!(e.span.start, 0);
        assert!(err_with("\"ab\\ncde\"", &limits).message.contains("longer"));
        assert!(err_with("r\"abcde\"", &limits).message.contains("longer"));
        assert!(err_with("b\"abcde\"", &limits).message.contains("longer"));
    }

    #[test]
    fn hostile_inputs_do_not_panic() {
        let samples = [
            "",
            "(",
            ")",
            "[",
            "]",
            "{",
            "}",
            "\"",
            "'",
            "r",
            "r#",
            "r#\"",
            "b",
            "b'",
            "b\"",
            "br",
            "br#",
            "#",
            "#!",
            "#![",
            "#![enable",
            "#![enable(",
            "#![enable(x",
            "/",
            "/*",
            "*/",
            "0x",
            "0b",
            "0o",
            "-",
            "+",
            ".",
            "..",
            "1e",
            "1e+",
            "'\\",
            "'\\u{",
            "'\\x",
            "\"\\",
            "\"\\u{",
            "\"\\u{1",
            "\"\\x",
            "\"\\x4",
            "(a",
            "(a:",
            "(a: 1",
            "(a: 1,",
            "{1",
            "{1:",
            "{1: 2",
            "S(",
            "S (",
            "é",
            "\u{85}",
            "\"\\xc3\"",
            "\"\\xc3\\x\"",
            "'\\xff'",
            "r##\"a\"#",
            "b'\\",
            "b'é'",
            "'é",
            "1_",
            "0x_1",
            "1.e5",
            "Some(",
            "[,]",
            "(,)",
            "{,}",
            "{:}",
        ];
        for s in samples {
            let _ = parse(s, &Limits::default());
            let parsed = parse_all(s, &Limits::default());
            assert_eq!(
                parse(s, &Limits::default()).is_ok(),
                parsed.errors.is_empty()
            );
        }
        // Every prefix of a valid document.
        let doc = "#![enable(implicit_some)]\nS(a: [1, -2.5e3, 'c', \"s\\n\", r#\"r\"#, b\"b\"], m: {A: B(x: ()), (1,): Some(None)}) // c";
        for i in 0..=doc.len() {
            if doc.is_char_boundary(i) {
                let _ = parse(&doc[..i], &Limits::default());
                let _ = parse_all(&doc[..i], &Limits::default());
            }
        }
        assert!(parse(doc, &Limits::default()).is_ok());
    }

    #[test]
    fn large_escaped_string_is_linear() {
        let mut text = String::from("\"");
        for _ in 0..200_000 {
            text.push_str("\\n");
        }
        text.push('"');
        let start = std::time::Instant::now();
        assert!(matches!(kind(&text), NodeKind::Str(s) if s.len() == 200_000));
        let mut text = String::from("r#\"");
        for _ in 0..200_000 {
            text.push_str("\"x");
        }
        text.push_str("\"#");
        assert!(parse(&text, &Limits::default()).is_ok());
        assert!(start.elapsed().as_secs() < 2);
    }

    #[test]
    fn quote_scan_matches_naive() {
        let naive = |s: &[u8]| s.iter().position(|&c| c == b'"' || c == b'\\');
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let alphabet = b"ab\"\\\x00\xff\x22\x5c\x21\x23\x5b\x5d";
        for len in 0..40 {
            for _ in 0..200 {
                let mut v = Vec::with_capacity(len);
                for _ in 0..len {
                    seed ^= seed << 13;
                    seed ^= seed >> 7;
                    seed ^= seed << 17;
                    // Mostly plain bytes, sometimes a special one.
                    let c = if seed.is_multiple_of(5) {
                        alphabet[(seed >> 8) as usize % alphabet.len()]
                    } else {
                        (seed >> 16) as u8
                    };
                    v.push(c);
                }
                assert_eq!(find_quote_or_backslash(&v), naive(&v), "{v:?}");
            }
        }
    }

    #[test]
    fn description_and_display() {
        assert_eq!(kind("[1]").description(), "a list");
        assert_eq!(kind("S(a: 1)").description(), "a struct");
        assert_eq!(kind("(1, 2)").description(), "a tuple");
        let e = err("[1 2]");
        assert_eq!(e.to_string(), e.message);
    }
}
