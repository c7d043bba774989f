//! Serde over the spanned syntax tree.
//!
//! [`from_node`] deserializes any `DeserializeOwned` type from a [`Node`] produced by
//! [`super::syntax::parse`]. Unlike `ron::from_str` it
//!
//! * records every unknown struct field as an [`UnknownField`] (skipping it) instead of
//!   failing at the first one, so that the loader can report them all;
//! * gives every error the [`Span`] of the innermost value involved (a missing field
//!   points at the struct that lacks it, a duplicate field at its second occurrence);
//! * fills in the span of every [`Spanned`] value.
//!
//! The mapping is the one `ron` uses, slightly more forgiving: `Some(..)` is optional
//! around optional values (`implicit_some`), newtype wrappers may be omitted or
//! present, and `Variant(a: 1)` is accepted for a variant wrapping a struct.
//!
//! Limits: spans and unknown-field reports cover everything reached through
//! `deserialize_struct` and friends. Values buffered by serde itself (untagged or
//! internally tagged enums, `#[serde(flatten)]`) still deserialize, but their
//! `Spanned` values get `Span::default()` and their unknown fields are not reported.

use std::borrow::Borrow;
use std::cell::{Cell, RefCell};
use std::collections::{BTreeSet, HashSet};
use std::fmt;
use std::marker::PhantomData;
use std::ops::{Deref, DerefMut};

use serde::de::{
    self, DeserializeOwned, DeserializeSeed, EnumAccess, IntoDeserializer, MapAccess, SeqAccess,
    Unexpected, VariantAccess, Visitor,
};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::source::Span;
use super::syntax::{Body, Field, Node, NodeKind};

// ----- Spanned --------------------------------------------------------------

/// A value together with the span of the text it was read from.
///
/// Through [`from_node`] the span is that of the value's node (a string's span
/// includes its quotes). Through any other deserializer (`ron::from_str`, serde's
/// buffering for untagged enums, defaults) the span is `Span::default()`.
/// Comparison, hashing and serialization look at the value only.
#[derive(Clone, Copy, Debug, Default)]
pub struct Spanned<T> {
    /// Where the value was written.
    pub span: Span,
    /// The value.
    pub value: T,
}

impl<T> Spanned<T> {
    /// Wraps a value with its span.
    pub fn new(span: Span, value: T) -> Self {
        Spanned { span, value }
    }

    /// Unwraps the value.
    pub fn into_inner(self) -> T {
        self.value
    }

    /// Applies `f` to the value, keeping the span.
    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Spanned<U> {
        Spanned {
            span: self.span,
            value: f(self.value),
        }
    }
}

impl<T> From<T> for Spanned<T> {
    /// Wraps a value with an empty span (for defaults and values built in code).
    fn from(value: T) -> Self {
        Spanned {
            span: Span::default(),
            value,
        }
    }
}

impl<T> Deref for Spanned<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.value
    }
}

impl<T> DerefMut for Spanned<T> {
    fn deref_mut(&mut self) -> &mut T {
        &mut self.value
    }
}

impl<T> AsRef<T> for Spanned<T> {
    fn as_ref(&self) -> &T {
        &self.value
    }
}

impl<T> Borrow<T> for Spanned<T> {
    fn borrow(&self) -> &T {
        &self.value
    }
}

impl<T: PartialEq> PartialEq for Spanned<T> {
    fn eq(&self, other: &Self) -> bool {
        self.value == other.value
    }
}

impl<T: Eq> Eq for Spanned<T> {}

impl<T: std::hash::Hash> std::hash::Hash for Spanned<T> {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.value.hash(state);
    }
}

impl<T: PartialOrd> PartialOrd for Spanned<T> {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        self.value.partial_cmp(&other.value)
    }
}

impl<T: Ord> Ord for Spanned<T> {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.value.cmp(&other.value)
    }
}

impl<T: Serialize> Serialize for Spanned<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.value.serialize(serializer)
    }
}

/// The newtype-struct name by which `Spanned` asks our deserializer for a span.
static SPANNED_NAME: &str = "$__downtime_spanned";

/// Whether a newtype name is [`SPANNED_NAME`]: every [`Spanned`] passes the static itself,
/// so comparing addresses settles it without comparing the text.
fn is_spanned_name(name: &str) -> bool {
    std::ptr::eq(name, SPANNED_NAME) || name == SPANNED_NAME
}

thread_local! {
    /// Set while [`from_node`] runs on this thread.
    static SPANS_ACTIVE: Cell<bool> = const { Cell::new(false) };
}

/// Sets [`SPANS_ACTIVE`] and restores its previous value when dropped (also on panic).
struct SpansGuard(bool);

impl SpansGuard {
    fn enter() -> Self {
        SpansGuard(SPANS_ACTIVE.replace(true))
    }
}

impl Drop for SpansGuard {
    fn drop(&mut self) {
        SPANS_ACTIVE.set(self.0);
    }
}

/// Whether `D` is one of this module's deserializers (which understand [`SPANNED_NAME`]).
fn is_span_aware<D>() -> bool {
    // The names are constants, usually merged, so the pointer test settles it cheaply.
    fn same(a: &str, b: &str) -> bool {
        (a.as_ptr() == b.as_ptr() && a.len() == b.len()) || a == b
    }
    let name = std::any::type_name::<D>();
    same(
        name,
        std::any::type_name::<NodeDe<'static, 'static, 'static>>(),
    ) || same(name, std::any::type_name::<KeyDe<'static, 'static>>())
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Spanned<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        if SPANS_ACTIVE.get() && is_span_aware::<D>() {
            deserializer.deserialize_newtype_struct(SPANNED_NAME, SpannedVisitor(PhantomData))
        } else {
            T::deserialize(deserializer).map(Spanned::from)
        }
    }
}

struct SpannedVisitor<T>(PhantomData<T>);

impl<'de, T: Deserialize<'de>> Visitor<'de> for SpannedVisitor<T> {
    type Value = Spanned<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a value")
    }

    /// Our deserializers send `(start, end, value)`.
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let start: u64 = seq
            .next_element()?
            .ok_or_else(|| de::Error::invalid_length(0, &self))?;
        let end: u64 = seq
            .next_element()?
            .ok_or_else(|| de::Error::invalid_length(1, &self))?;
        let value: T = seq
            .next_element()?
            .ok_or_else(|| de::Error::invalid_length(2, &self))?;
        Ok(Spanned::new(Span::new(start as usize, end as usize), value))
    }

    /// Any other deserializer that honours newtype structs: no span.
    fn visit_newtype_struct<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        T::deserialize(d).map(Spanned::from)
    }
}

/// Feeds `(start, end, value)` to [`SpannedVisitor`].
struct SpannedSeq<D> {
    span: Span,
    inner: Option<D>,
    step: u8,
}

impl<'de, D: Deserializer<'de, Error = DeError>> SeqAccess<'de> for SpannedSeq<D> {
    type Error = DeError;

    fn next_element_seed<S: DeserializeSeed<'de>>(
        &mut self,
        seed: S,
    ) -> Result<Option<S::Value>, DeError> {
        self.step += 1;
        match self.step {
            1 => seed
                .deserialize((self.span.start as u64).into_deserializer())
                .map(Some),
            2 => seed
                .deserialize((self.span.end as u64).into_deserializer())
                .map(Some),
            3 => match self.inner.take() {
                Some(d) => seed.deserialize(d).map(Some),
                None => Ok(None),
            },
            _ => Ok(None),
        }
    }
}

// ----- errors ---------------------------------------------------------------

/// A field that the target struct does not have; it was skipped.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownField {
    /// The field name as written.
    pub name: String,
    /// The span of the field name.
    pub span: Span,
    /// The Rust name of the struct (or enum variant) being read.
    pub struct_name: &'static str,
    /// The fields it does have (aliases included), for "did you mean".
    pub expected: &'static [&'static str],
}

/// A deserialization error, located at the value it concerns.
#[derive(Clone, Debug, PartialEq)]
pub struct DeError {
    /// The value the error is about.
    pub span: Span,
    /// What went wrong.
    pub kind: DeErrorKind,
    /// Whether `span` has been set (the innermost value that sees the error sets it).
    located: bool,
    /// Where the error stands in recovery.
    flow: Flow,
}

/// How an error travels during recovery (see [`from_node_all`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Flow {
    /// Not yet recorded: the nearest enclosing element records it and is replaced next run.
    Fresh,
    /// Recorded already (or deliberately silent): passed up unchanged.
    Handled,
    /// Silent, but the nearest enclosing element must be replaced next run (a stand-in
    /// value was refused, or a placeholder was met where no element encloses it).
    Escalate,
}

/// What went wrong while deserializing.
#[derive(Clone, Debug, PartialEq)]
pub enum DeErrorKind {
    /// A required field is absent; the span is the struct's.
    MissingField {
        /// The missing field.
        field: &'static str,
    },
    /// The value has the wrong type.
    InvalidType {
        /// What was written, e.g. "the string \"x\"".
        found: String,
        /// What was expected, e.g. "a number".
        expected: String,
    },
    /// The value has the right type but an unacceptable value.
    InvalidValue {
        /// What was written.
        found: String,
        /// What was expected.
        expected: String,
    },
    /// A list or tuple has the wrong number of elements.
    InvalidLength {
        /// How many elements were written.
        len: usize,
        /// What was expected, e.g. "a tuple of size 2".
        expected: String,
    },
    /// An enum variant name that the enum does not have.
    UnknownVariant {
        /// The name as written.
        variant: String,
        /// The variants the enum has.
        expected: &'static [&'static str],
    },
    /// An unknown field reported by a type's own deserializer (struct fields
    /// are normally skipped and reported as [`UnknownField`] instead).
    UnknownField {
        /// The name as written.
        field: String,
        /// The fields the struct has.
        expected: &'static [&'static str],
    },
    /// A field given twice; the span is the second occurrence's name.
    DuplicateField {
        /// The field.
        field: &'static str,
    },
    /// A struct name that differs from the expected one, e.g. `Teem(...)` for `Team`.
    WrongStructName {
        /// The Rust struct name.
        expected: &'static str,
        /// The name as written.
        found: String,
    },
    /// Any other message.
    Custom(String),
}

impl DeError {
    /// An error at `span`.
    pub fn new(span: Span, kind: DeErrorKind) -> Self {
        DeError {
            span,
            kind,
            located: true,
            flow: Flow::Fresh,
        }
    }

    fn unlocated(kind: DeErrorKind) -> Self {
        DeError {
            span: Span::default(),
            kind,
            located: false,
            flow: Flow::Fresh,
        }
    }

    /// A silent error that only steers recovery.
    fn flow(flow: Flow) -> Self {
        DeError {
            flow,
            ..DeError::unlocated(DeErrorKind::Custom(String::new()))
        }
    }

    /// Sets the span unless an inner value already did.
    fn or_span(mut self, span: Span) -> Self {
        if !self.located {
            self.span = span;
            self.located = true;
        }
        self
    }
}

fn quoted_list(names: &[&str]) -> String {
    names
        .iter()
        .map(|n| format!("`{n}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

impl fmt::Display for DeErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DeErrorKind::MissingField { field } => write!(f, "missing field `{field}`"),
            DeErrorKind::InvalidType { found, expected }
            | DeErrorKind::InvalidValue { found, expected } => {
                write!(f, "expected {expected}, found {found}")
            }
            DeErrorKind::InvalidLength { len, expected } => {
                let s = if *len == 1 { "" } else { "s" };
                write!(f, "expected {expected}, found {len} element{s}")
            }
            DeErrorKind::UnknownVariant { variant, expected } => match expected {
                [] => write!(f, "unknown variant `{variant}`; there are no variants"),
                [one] => write!(f, "unknown variant `{variant}`, expected `{one}`"),
                _ => write!(
                    f,
                    "unknown variant `{variant}`, expected one of {}",
                    quoted_list(expected)
                ),
            },
            DeErrorKind::UnknownField { field, expected } => match expected {
                [] => write!(f, "unknown field `{field}`; there are no fields"),
                _ => write!(
                    f,
                    "unknown field `{field}`, expected one of {}",
                    quoted_list(expected)
                ),
            },
            DeErrorKind::DuplicateField { field } => {
                write!(f, "the field `{field}` is given more than once")
            }
            DeErrorKind::WrongStructName { expected, found } => {
                write!(f, "expected `{expected}`, found `{found}`")
            }
            DeErrorKind::Custom(msg) => f.write_str(msg),
        }
    }
}

impl fmt::Display for DeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.kind.fmt(f)
    }
}

impl std::error::Error for DeError {}

/// Rewrites serde's `Expected` wording for authors ("u8" becomes "an integer from 0 to 255").
fn friendly_expected(exp: &str) -> String {
    let s = match exp {
        "u8" => "an integer from 0 to 255",
        "u16" => "an integer from 0 to 65535",
        "u32" => "an integer from 0 to 4294967295",
        "u64" | "u128" | "usize" => "a non-negative integer",
        "i8" => "an integer from -128 to 127",
        "i16" => "an integer from -32768 to 32767",
        "i32" => "an integer from -2147483648 to 2147483647",
        "i64" | "i128" | "isize" => "an integer",
        "f32" | "f64" => "a number",
        "a borrowed string" => "a string",
        "char" => "a character",
        "unit" => "`()`",
        "a sequence" => "a list",
        "variant identifier" => "a variant name",
        "field identifier" => "a field name",
        other => {
            // "tuple variant Shape::Rect with 2 elements", "tuple struct Point with 2 elements"
            let named = other
                .strip_prefix("tuple variant ")
                .or_else(|| other.strip_prefix("tuple struct "));
            if let Some((name, n)) = named.and_then(|rest| rest.split_once(" with ")) {
                let name = name.rsplit("::").next().unwrap_or(name);
                return format!("`{name}(...)` with {n}");
            }
            if let Some(n) = other.strip_prefix("a tuple of size ") {
                return format!("a tuple of {n} elements");
            }
            if let Some(name) = other.strip_prefix("enum ") {
                return format!("a variant of `{name}`");
            }
            if let Some(name) = other
                .strip_prefix("struct variant ")
                .or_else(|| other.strip_prefix("struct "))
            {
                let name = name.rsplit("::").next().unwrap_or(name);
                return format!("`{name}(...)`");
            }
            return other.to_owned();
        }
    };
    s.to_owned()
}

/// Shortens a string for quoting in a message.
fn excerpt(s: &str) -> String {
    const MAX: usize = 40;
    match s.char_indices().nth(MAX) {
        Some((i, _)) => format!("{:?}", format!("{}…", &s[..i])),
        None => format!("{s:?}"),
    }
}

fn describe_unexpected(unexp: &Unexpected<'_>) -> String {
    match *unexp {
        Unexpected::Bool(b) => format!("`{b}`"),
        Unexpected::Unsigned(u) => format!("the integer `{u}`"),
        Unexpected::Signed(i) => format!("the integer `{i}`"),
        Unexpected::Float(x) => format!("the number `{x}`"),
        Unexpected::Char(c) => format!("the character {c:?}"),
        Unexpected::Str(s) => format!("the string {}", excerpt(s)),
        Unexpected::Bytes(_) => "a byte string".to_owned(),
        Unexpected::Unit => "`()`".to_owned(),
        Unexpected::Option => "an optional value".to_owned(),
        Unexpected::NewtypeStruct => "a newtype struct".to_owned(),
        Unexpected::Seq => "a list".to_owned(),
        Unexpected::Map => "a map".to_owned(),
        Unexpected::Enum => "an enum variant".to_owned(),
        Unexpected::UnitVariant => "a variant without a value".to_owned(),
        Unexpected::NewtypeVariant => "a variant with a value".to_owned(),
        Unexpected::TupleVariant => "a tuple variant".to_owned(),
        Unexpected::StructVariant => "a struct variant".to_owned(),
        Unexpected::Other(s) => s.to_owned(),
    }
}

impl de::Error for DeError {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        DeError::unlocated(DeErrorKind::Custom(msg.to_string()))
    }

    fn invalid_type(unexp: Unexpected<'_>, exp: &dyn de::Expected) -> Self {
        DeError::unlocated(DeErrorKind::InvalidType {
            found: describe_unexpected(&unexp),
            expected: friendly_expected(&exp.to_string()),
        })
    }

    fn invalid_value(unexp: Unexpected<'_>, exp: &dyn de::Expected) -> Self {
        DeError::unlocated(DeErrorKind::InvalidValue {
            found: describe_unexpected(&unexp),
            expected: friendly_expected(&exp.to_string()),
        })
    }

    fn invalid_length(len: usize, exp: &dyn de::Expected) -> Self {
        DeError::unlocated(DeErrorKind::InvalidLength {
            len,
            expected: friendly_expected(&exp.to_string()),
        })
    }

    fn unknown_variant(variant: &str, expected: &'static [&'static str]) -> Self {
        DeError::unlocated(DeErrorKind::UnknownVariant {
            variant: variant.to_owned(),
            expected,
        })
    }

    fn unknown_field(field: &str, expected: &'static [&'static str]) -> Self {
        DeError::unlocated(DeErrorKind::UnknownField {
            field: field.to_owned(),
            expected,
        })
    }

    fn missing_field(field: &'static str) -> Self {
        DeError::unlocated(DeErrorKind::MissingField { field })
    }

    fn duplicate_field(field: &'static str) -> Self {
        DeError::unlocated(DeErrorKind::DuplicateField { field })
    }
}

// ----- entry point ----------------------------------------------------------

/// Deserializes `T` from a parsed node.
///
/// Returns the value and the unknown fields met on the way (skipped, in document
/// order), or the first error (by position) and the unknown fields.
pub fn from_node<T: DeserializeOwned>(
    node: &Node<'_>,
) -> Result<(T, Vec<UnknownField>), (DeError, Vec<UnknownField>)> {
    let out = from_node_all::<T>(node);
    match (out.value, out.errors.into_iter().next()) {
        (Some(value), None) => Ok((value, out.unknown)),
        (_, Some(e)) => Err((e, out.unknown)),
        (None, None) => Err((
            DeError::new(
                node.span,
                DeErrorKind::Custom("the value cannot be read".into()),
            ),
            out.unknown,
        )),
    }
}

/// Most passes [`from_node_all`] makes over one tree.
pub const MAX_PASSES: usize = 200;

/// Everything [`from_node_all`] found.
#[derive(Debug)]
pub struct Deserialized<T> {
    /// The value, when there were no errors.
    pub value: Option<T>,
    /// Every error, sorted by position; values with syntax errors
    /// ([`NodeKind::Error`]) give none.
    pub errors: Vec<DeError>,
    /// Every unknown field (skipped), sorted by position.
    pub unknown: Vec<UnknownField>,
    /// The passes made (1 for a valid tree); at [`MAX_PASSES`], `errors` may not be all.
    pub passes: usize,
}

/// Deserializes `T` from a parsed node, recovering from errors.
///
/// A value of the wrong type or an unknown variant is found before its visitor is used:
/// it is recorded and a neutral stand-in (zero, `""`, empty, `None`, the first variant) is
/// read instead, and the pass goes on. Other errors end a pass, as serde's visitors stop at
/// them, so recovery works in passes: an element (of a list, tuple or map, a field's value,
/// a variant's content) that failed so is recorded and replaced by a stand-in in the next
/// pass; a missing field is supplied the same way. If a type refuses a stand-in, the
/// enclosing element is replaced instead. Placeholders for syntax errors are stand-ins from
/// the start and give no error. Passes stop when one succeeds, makes no progress, or after
/// [`MAX_PASSES`]; a valid tree takes exactly one pass.
pub fn from_node_all<T: DeserializeOwned>(node: &Node<'_>) -> Deserialized<T> {
    let _guard = SpansGuard::enter();
    let ctx = Ctx::default();
    let mut value = None;
    let mut passes = 0;
    while passes < MAX_PASSES {
        passes += 1;
        let before = ctx.progress();
        match element(&ctx, node, PhantomData::<T>) {
            Ok(v) => {
                value = Some(v);
                break;
            }
            Err(_) if ctx.progress() == before => break,
            Err(_) => {}
        }
    }
    let mut errors = ctx.errors.into_inner();
    // Serde's order (fields as declared) among errors at one place: a stable sort.
    errors.sort_by_key(|e| (e.span.start, e.span.end));
    // A wrong type read on with a stand-in is met again by every later pass.
    let mut seen = HashSet::new();
    errors.retain(|e| seen.insert((e.span.start, e.span.end, e.to_string())));
    let mut unknown = ctx.unknown.into_inner();
    unknown.sort_by_key(|u| (u.span.start, u.span.end));
    unknown.dedup();
    Deserialized {
        value: value.filter(|_| errors.is_empty()),
        errors,
        unknown,
        passes,
    }
}

#[derive(Default)]
struct Ctx {
    unknown: RefCell<Vec<UnknownField>>,
    /// The span of the last struct field name handed to a visitor (for duplicate fields).
    last_key: Cell<Span>,
    /// Errors recorded, over all passes.
    errors: RefCell<Vec<DeError>>,
    /// Elements (by node address) to replace by a stand-in.
    bad: RefCell<HashSet<usize>>,
    /// Missing fields to supply by a stand-in: the struct's span and the field.
    missing: RefCell<HashSet<(usize, usize, &'static str)>>,
    /// Fields found to be required, by struct name: checked for up front in later structs
    /// of the same name, which saves a pass for each.
    required: RefCell<BTreeSet<(&'static str, &'static str)>>,
}

impl Ctx {
    /// How much recovery has learnt so far; a pass that learns nothing ends recovery.
    fn progress(&self) -> (usize, usize) {
        (self.bad.borrow().len(), self.missing.borrow().len())
    }

    fn is_bad(&self, id: usize) -> bool {
        let bad = self.bad.borrow();
        !bad.is_empty() && bad.contains(&id)
    }

    /// Handles an error that left the element `id`.
    fn caught(&self, id: usize, e: DeError) -> DeError {
        match e.flow {
            Flow::Handled => return e,
            Flow::Escalate => {}
            Flow::Fresh => self.errors.borrow_mut().push(e),
        }
        self.bad.borrow_mut().insert(id);
        DeError::flow(Flow::Handled)
    }

    /// Handles a struct's error: a missing field is recorded (unless the struct has a
    /// syntax error, which may have swallowed it) and supplied next pass.
    fn struct_error(&self, span: Span, name: &'static str, tainted: bool, e: DeError) -> DeError {
        match e.kind {
            DeErrorKind::MissingField { field } if e.flow == Flow::Fresh && !e.located => {
                self.required.borrow_mut().insert((name, field));
                self.missing
                    .borrow_mut()
                    .insert((span.start, span.end, field));
                if !tainted {
                    self.errors.borrow_mut().push(e.or_span(span));
                }
                DeError::flow(Flow::Handled)
            }
            _ => e,
        }
    }

    /// Records the fields a struct named `name` lacks that an earlier one was found to need.
    fn anticipate(&self, span: Span, name: &'static str, fields: &[Field<'_>], tainted: bool) {
        let required = self.required.borrow();
        if required.is_empty() {
            return;
        }
        for &(_, field) in required.iter().filter(|(n, _)| *n == name) {
            if fields.iter().any(|f| f.name == field) {
                continue;
            }
            let fresh = self
                .missing
                .borrow_mut()
                .insert((span.start, span.end, field));
            if fresh && !tainted {
                self.errors
                    .borrow_mut()
                    .push(DeError::new(span, DeErrorKind::MissingField { field }));
            }
        }
    }

    /// The missing fields of the struct at `span` to supply this pass.
    fn supplied(&self, span: Span, known: &'static [&'static str]) -> Vec<&'static str> {
        let missing = self.missing.borrow();
        if missing.is_empty() {
            return Vec::new();
        }
        known
            .iter()
            .copied()
            .filter(|f| missing.contains(&(span.start, span.end, *f)))
            .collect()
    }
}

/// Deserializes one element, the unit of recovery: a stand-in if it is known bad or a
/// syntax error's placeholder; otherwise the node, its error caught.
fn element<'de, S: DeserializeSeed<'de>>(ctx: &Ctx, node: &Node<'_>, seed: S) -> Result<S::Value> {
    let id = std::ptr::from_ref(node) as usize;
    if matches!(node.kind, NodeKind::Error) || ctx.is_bad(id) {
        return seed
            .deserialize(StandIn)
            .map_err(|_| DeError::flow(Flow::Escalate));
    }
    seed.deserialize(NodeDe::new(ctx, node))
        .map_err(|e| ctx.caught(id, e.or_span(node.span)))
}

// ----- the node deserializer ------------------------------------------------

/// What a [`NodeDe`] reads: a node, or the body of a `Name(...)` read as if it were `(...)`.
#[derive(Clone, Copy)]
enum Val<'n, 'a> {
    Node(&'n NodeKind<'a>),
    Tuple(&'n [Node<'a>]),
    Struct(&'n [Field<'a>]),
}

/// A borrowed view of a value, with `Tagged` nodes and bare bodies unified.
enum K<'n, 'a> {
    Unit,
    Bool(bool),
    UInt(u64),
    Int(i64),
    Float(f64),
    Char(char),
    Str(&'n str),
    Bytes(&'n [u8]),
    Ident(&'n str),
    Tuple(Option<(&'a str, Span)>, &'n [Node<'a>]),
    Struct(Option<(&'a str, Span)>, &'n [Field<'a>]),
    List(&'n [Node<'a>]),
    Map(&'n [(Node<'a>, Node<'a>)]),
    Error,
}

#[derive(Clone, Copy)]
struct NodeDe<'c, 'n, 'a> {
    ctx: &'c Ctx,
    span: Span,
    val: Val<'n, 'a>,
}

type Result<T, E = DeError> = std::result::Result<T, E>;

impl<'c, 'n, 'a> NodeDe<'c, 'n, 'a> {
    fn new(ctx: &'c Ctx, node: &'n Node<'a>) -> Self {
        NodeDe {
            ctx,
            span: node.span,
            val: Val::Node(&node.kind),
        }
    }

    fn k(&self) -> K<'n, 'a> {
        match self.val {
            Val::Tuple(items) => K::Tuple(None, items),
            Val::Struct(fields) => K::Struct(None, fields),
            Val::Node(kind) => match kind {
                NodeKind::Unit => K::Unit,
                NodeKind::Bool(b) => K::Bool(*b),
                NodeKind::UInt(u) => K::UInt(*u),
                NodeKind::Int(i) => K::Int(*i),
                NodeKind::Float(x) => K::Float(*x),
                NodeKind::Char(c) => K::Char(*c),
                NodeKind::Str(s) => K::Str(s),
                NodeKind::Bytes(b) => K::Bytes(b),
                NodeKind::Ident(s) => K::Ident(s),
                NodeKind::Tagged {
                    name,
                    body: Body::Tuple(items),
                } => K::Tuple(*name, items),
                NodeKind::Tagged {
                    name,
                    body: Body::Struct(fields),
                } => K::Struct(*name, fields),
                NodeKind::List(items) => K::List(items),
                NodeKind::Map(entries) => K::Map(entries),
                NodeKind::Error => K::Error,
            },
        }
    }

    /// Describes the value for "found ..." in messages.
    fn found(&self) -> String {
        match self.k() {
            K::Unit => "`()`".to_owned(),
            K::Bool(b) => format!("`{b}`"),
            K::UInt(u) => format!("the integer `{u}`"),
            K::Int(i) => format!("the integer `{i}`"),
            K::Float(x) => format!("the number `{x}`"),
            K::Char(c) => format!("the character {c:?}"),
            K::Str(s) => format!("the string {}", excerpt(s)),
            K::Bytes(_) => "a byte string".to_owned(),
            K::Ident(s) => format!("the name `{s}`"),
            K::Struct(Some((n, _)), _) => format!("the struct `{n}(...)`"),
            K::Tuple(Some((n, _)), _) => format!("`{n}(...)`"),
            K::Struct(None, _) => "a struct".to_owned(),
            K::Tuple(None, _) => "a tuple".to_owned(),
            K::List(_) => "a list".to_owned(),
            K::Map(_) => "a map".to_owned(),
            K::Error => "a value with a syntax error".to_owned(),
        }
    }

    /// A wrong-type error; silent for a syntax error's placeholder (reported already).
    fn invalid_type(&self, expected: impl Into<String>) -> DeError {
        if matches!(self.k(), K::Error) {
            return DeError::flow(Flow::Escalate);
        }
        DeError::new(
            self.span,
            DeErrorKind::InvalidType {
                found: self.found(),
                expected: expected.into(),
            },
        )
    }

    /// Records a wrong-type error and reads on with a stand-in (see [`from_node_all`]), so
    /// that one pass finds every such error; a refused stand-in escalates.
    fn wrong<'de, V: Visitor<'de>>(
        &self,
        expected: impl Into<String>,
        visitor: V,
        stand_in: impl FnOnce(StandIn, V) -> Result<V::Value>,
    ) -> Result<V::Value> {
        let e = self.invalid_type(expected);
        if e.flow == Flow::Fresh {
            self.ctx.errors.borrow_mut().push(e);
        }
        stand_in(StandIn, visitor).map_err(|_| DeError::flow(Flow::Escalate))
    }

    fn child(&self, node: &'n Node<'a>) -> NodeDe<'c, 'n, 'a> {
        NodeDe::new(self.ctx, node)
    }

    /// Checks an optional written struct name against the expected one.
    fn check_name(name: Option<(&'a str, Span)>, expected: &'static str) -> Result<()> {
        match name {
            Some((found, span)) if found != expected && !expected.is_empty() => Err(DeError::new(
                span,
                DeErrorKind::WrongStructName {
                    expected,
                    found: found.to_owned(),
                },
            )),
            _ => Ok(()),
        }
    }
}

/// Locates an error at `span` unless an inner value already did.
fn at(span: Span) -> impl Fn(DeError) -> DeError {
    move |e| e.or_span(span)
}

/// Visits `items` as a sequence; elements the visitor leaves unread are an error.
fn visit_items<'de, V: Visitor<'de>>(
    ctx: &Ctx,
    items: &[Node<'_>],
    visitor: V,
) -> Result<V::Value> {
    let mut access = SeqDe {
        ctx,
        iter: items.iter(),
    };
    let value = visitor.visit_seq(&mut access)?;
    if let Some(extra) = access.iter.next() {
        let consumed = items.len() - access.iter.len() - 1;
        let s = if consumed == 1 { "" } else { "s" };
        return Err(DeError::new(
            extra.span,
            DeErrorKind::InvalidLength {
                len: items.len(),
                expected: format!("{consumed} element{s}"),
            },
        ));
    }
    Ok(value)
}

/// Visits struct `fields` for a struct visitor, skipping and recording unknown ones.
/// Errors without a location get the struct's `span` (or, for a duplicate field, its name's).
fn visit_struct<'de, V: Visitor<'de>>(
    ctx: &Ctx,
    span: Span,
    fields: &[Field<'_>],
    struct_name: &'static str,
    known: &'static [&'static str],
    visitor: V,
) -> Result<V::Value> {
    let tainted = fields
        .iter()
        .any(|f| matches!(f.value.kind, NodeKind::Error));
    ctx.anticipate(span, struct_name, fields, tainted);
    let access = StructDe {
        ctx,
        iter: fields.iter(),
        value: None,
        struct_name,
        known,
        next_known: 0,
        supply: ctx.supplied(span, known).into_iter(),
        span,
    };
    visitor.visit_map(access).map_err(|e| {
        let e = ctx.struct_error(span, struct_name, tainted, e);
        if !e.located && matches!(e.kind, DeErrorKind::DuplicateField { .. }) {
            e.or_span(ctx.last_key.get())
        } else {
            e.or_span(span)
        }
    })
}

macro_rules! int_methods {
    ($($method:ident => $ty:literal),* $(,)?) => {
        $(
            fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
                let span = self.span;
                let r = match self.k() {
                    K::UInt(u) => visitor.visit_u64(u),
                    K::Int(i) => visitor.visit_i64(i),
                    _ => return self.wrong(friendly_expected($ty), visitor, |s, v| s.$method(v)),
                };
                r.map_err(at(span))
            }
        )*
    };
}

impl<'de> Deserializer<'de> for NodeDe<'_, '_, '_> {
    type Error = DeError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        let span = self.span;
        let r = match self.k() {
            K::Unit => visitor.visit_unit(),
            K::Bool(b) => visitor.visit_bool(b),
            K::UInt(u) => visitor.visit_u64(u),
            K::Int(i) => visitor.visit_i64(i),
            K::Float(x) => visitor.visit_f64(x),
            K::Char(c) => visitor.visit_char(c),
            K::Str(s) => visitor.visit_str(s),
            K::Bytes(b) => visitor.visit_bytes(b),
            K::Ident("None") => visitor.visit_none(),
            K::Ident(s) => visitor.visit_str(s),
            K::Tuple(Some(("Some", _)), [item]) => visitor.visit_some(self.child(item)),
            K::Struct(_, fields) => visitor.visit_map(FieldsDe {
                ctx: self.ctx,
                iter: fields.iter(),
                value: None,
            }),
            K::Tuple(_, items) | K::List(items) => visit_items(self.ctx, items, visitor),
            K::Map(entries) => visitor.visit_map(PairsDe {
                ctx: self.ctx,
                iter: entries.iter(),
                value: None,
            }),
            K::Error => return Err(DeError::flow(Flow::Escalate)),
        };
        r.map_err(at(span))
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.k() {
            K::Bool(b) => visitor.visit_bool(b).map_err(at(self.span)),
            _ => self.wrong("`true` or `false`", visitor, |s, v| s.deserialize_bool(v)),
        }
    }

    int_methods! {
        deserialize_i8 => "i8",
        deserialize_i16 => "i16",
        deserialize_i32 => "i32",
        deserialize_i64 => "i64",
        deserialize_u8 => "u8",
        deserialize_u16 => "u16",
        deserialize_u32 => "u32",
        deserialize_u64 => "u64",
    }

    fn deserialize_i128<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        let span = self.span;
        let r = match self.k() {
            K::UInt(u) => visitor.visit_i128(i128::from(u)),
            K::Int(i) => visitor.visit_i128(i128::from(i)),
            _ => {
                return self.wrong(friendly_expected("i128"), visitor, |s, v| {
                    s.deserialize_i128(v)
                });
            }
        };
        r.map_err(at(span))
    }

    fn deserialize_u128<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        let span = self.span;
        let r = match self.k() {
            K::UInt(u) => visitor.visit_u128(u128::from(u)),
            K::Int(i) => visitor.visit_i64(i),
            _ => {
                return self.wrong(friendly_expected("u128"), visitor, |s, v| {
                    s.deserialize_u128(v)
                });
            }
        };
        r.map_err(at(span))
    }

    fn deserialize_f32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.deserialize_f64(visitor)
    }

    fn deserialize_f64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        let span = self.span;
        let r = match self.k() {
            K::Float(x) => visitor.visit_f64(x),
            K::UInt(u) => visitor.visit_f64(u as f64),
            K::Int(i) => visitor.visit_f64(i as f64),
            _ => return self.wrong("a number", visitor, |s, v| s.deserialize_f64(v)),
        };
        r.map_err(at(span))
    }

    fn deserialize_char<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.k() {
            K::Char(c) => visitor.visit_char(c).map_err(at(self.span)),
            _ => self.wrong("a character in single quotes, like 'a'", visitor, |s, v| {
                s.deserialize_char(v)
            }),
        }
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.k() {
            K::Str(s) => visitor.visit_str(s).map_err(at(self.span)),
            _ => self.wrong("a string", visitor, |s, v| s.deserialize_str(v)),
        }
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.deserialize_str(visitor)
    }

    fn deserialize_bytes<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        let span = self.span;
        let r = match self.k() {
            K::Bytes(b) => visitor.visit_bytes(b),
            K::List(items) => visit_items(self.ctx, items, visitor),
            _ => return self.wrong("a byte string", visitor, |s, v| s.deserialize_bytes(v)),
        };
        r.map_err(at(span))
    }

    fn deserialize_byte_buf<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.deserialize_bytes(visitor)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        let span = self.span;
        let r = match self.k() {
            K::Ident("None") => visitor.visit_none(),
            K::Tuple(Some(("Some", _)), [item]) => visitor.visit_some(self.child(item)),
            K::Tuple(Some(("Some", _)), items) => visitor.visit_some(NodeDe {
                ctx: self.ctx,
                span,
                val: Val::Tuple(items),
            }),
            K::Struct(Some(("Some", _)), fields) => visitor.visit_some(NodeDe {
                ctx: self.ctx,
                span,
                val: Val::Struct(fields),
            }),
            // `implicit_some`: a bare value is `Some(value)`.
            _ => visitor.visit_some(self),
        };
        r.map_err(at(span))
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.k() {
            K::Unit => visitor.visit_unit().map_err(at(self.span)),
            _ => self.wrong("`()`", visitor, |s, v| s.deserialize_unit(v)),
        }
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value> {
        let ok = match self.k() {
            K::Unit => true,
            K::Ident(n) => n == name,
            K::Tuple(Some((n, _)), []) => n == name,
            _ => false,
        };
        if ok {
            visitor.visit_unit().map_err(at(self.span))
        } else {
            self.wrong(format!("`{name}` or `()`"), visitor, |s, v| {
                s.deserialize_unit_struct(name, v)
            })
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value> {
        let span = self.span;
        if is_spanned_name(name) {
            return visitor.visit_seq(SpannedSeq {
                span,
                inner: Some(self),
                step: 0,
            });
        }
        let r = match self.k() {
            K::Tuple(n, [item]) if n.is_none_or(|(n, _)| n == name) => {
                visitor.visit_newtype_struct(self.child(item))
            }
            K::Struct(Some((n, _)), fields) if n == name => visitor.visit_newtype_struct(NodeDe {
                ctx: self.ctx,
                span,
                val: Val::Struct(fields),
            }),
            // The wrapper may be left out.
            _ => visitor.visit_newtype_struct(self),
        };
        r.map_err(at(span))
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        let span = self.span;
        let r = match self.k() {
            K::List(items) | K::Tuple(None, items) => visit_items(self.ctx, items, visitor),
            K::Unit => visit_items(self.ctx, &[], visitor),
            _ => return self.wrong("a list `[...]`", visitor, |s, v| s.deserialize_seq(v)),
        };
        r.map_err(at(span))
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, len: usize, visitor: V) -> Result<V::Value> {
        let span = self.span;
        let r = match self.k() {
            K::List(items) | K::Tuple(None, items) => visit_items(self.ctx, items, visitor),
            K::Unit => visit_items(self.ctx, &[], visitor),
            _ => {
                return self.wrong(
                    format!("a tuple of {len} elements `(...)`"),
                    visitor,
                    |s, v| s.deserialize_tuple(len, v),
                );
            }
        };
        r.map_err(at(span))
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        len: usize,
        visitor: V,
    ) -> Result<V::Value> {
        let span = self.span;
        let r = match self.k() {
            K::Tuple(n, items) => {
                Self::check_name(n, name)?;
                visit_items(self.ctx, items, visitor)
            }
            K::Unit => visit_items(self.ctx, &[], visitor),
            _ => {
                return self.wrong(
                    format!("`{name}(...)` with {len} elements"),
                    visitor,
                    |s, v| s.deserialize_tuple_struct(name, len, v),
                );
            }
        };
        r.map_err(at(span))
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        let span = self.span;
        let r = match self.k() {
            K::Map(entries) => visitor.visit_map(PairsDe {
                ctx: self.ctx,
                iter: entries.iter(),
                value: None,
            }),
            K::Struct(_, fields) => visitor.visit_map(FieldsDe {
                ctx: self.ctx,
                iter: fields.iter(),
                value: None,
            }),
            K::Unit | K::Tuple(_, []) => visitor.visit_map(PairsDe {
                ctx: self.ctx,
                iter: [].iter(),
                value: None,
            }),
            _ => return self.wrong("a map `{...}`", visitor, |s, v| s.deserialize_map(v)),
        };
        r.map_err(at(span))
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        match self.k() {
            K::Struct(n, fs) => {
                Self::check_name(n, name)?;
                visit_struct(self.ctx, self.span, fs, name, fields, visitor)
            }
            K::Tuple(n, []) => {
                Self::check_name(n, name)?;
                visit_struct(self.ctx, self.span, &[], name, fields, visitor)
            }
            K::Unit => visit_struct(self.ctx, self.span, &[], name, fields, visitor),
            K::Tuple(Some((n, span)), _) if n != name => Err(DeError::new(
                span,
                DeErrorKind::WrongStructName {
                    expected: name,
                    found: n.to_owned(),
                },
            )),
            _ => self.wrong(
                format!("`{name}(...)` with named fields"),
                visitor,
                |s, v| s.deserialize_struct(name, fields, v),
            ),
        }
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        let span = self.span;
        let access = match self.k() {
            K::Ident(s) => EnumDe {
                ctx: self.ctx,
                span,
                variant: s,
                variant_span: span,
                variants,
                content: None,
            },
            K::Str(s) => EnumDe {
                ctx: self.ctx,
                span,
                variant: s,
                variant_span: span,
                variants,
                content: None,
            },
            K::Tuple(Some((n, nspan)), items) => EnumDe {
                ctx: self.ctx,
                span,
                variant: n,
                variant_span: nspan,
                variants,
                content: Some(Val::Tuple(items)),
            },
            K::Struct(Some((n, nspan)), fields) => EnumDe {
                ctx: self.ctx,
                span,
                variant: n,
                variant_span: nspan,
                variants,
                content: Some(Val::Struct(fields)),
            },
            _ => {
                let expected = match variants {
                    [] => format!("a variant of `{name}`"),
                    _ => format!("one of {}", quoted_list(variants)),
                };
                return self.wrong(expected, visitor, |s, v| {
                    s.deserialize_enum(name, variants, v)
                });
            }
        };
        if !variants.is_empty() && !variants.contains(&access.variant) {
            // Checked before the visitor is used, so that the pass can go on with a stand-in.
            self.ctx.errors.borrow_mut().push(DeError::new(
                access.variant_span,
                DeErrorKind::UnknownVariant {
                    variant: access.variant.to_owned(),
                    expected: variants,
                },
            ));
            return StandIn
                .deserialize_enum(name, variants, visitor)
                .map_err(|_| DeError::flow(Flow::Escalate));
        }
        visitor.visit_enum(access).map_err(at(span))
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.k() {
            K::Ident(s) | K::Str(s) => visitor.visit_str(s).map_err(at(self.span)),
            _ => self.wrong("a name", visitor, |s, v| s.deserialize_identifier(v)),
        }
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_unit()
    }
}

// ----- access helpers -------------------------------------------------------

struct SeqDe<'c, 'n, 'a> {
    ctx: &'c Ctx,
    iter: std::slice::Iter<'n, Node<'a>>,
}

impl<'de> SeqAccess<'de> for SeqDe<'_, '_, '_> {
    type Error = DeError;

    fn next_element_seed<S: DeserializeSeed<'de>>(&mut self, seed: S) -> Result<Option<S::Value>> {
        match self.iter.next() {
            Some(node) => element(self.ctx, node, seed).map(Some),
            None => Ok(None),
        }
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.iter.len())
    }
}

/// A struct body read by a struct visitor: unknown fields are skipped and recorded.
struct StructDe<'c, 'n, 'a> {
    ctx: &'c Ctx,
    iter: std::slice::Iter<'n, Field<'a>>,
    value: Option<&'n Node<'a>>,
    struct_name: &'static str,
    known: &'static [&'static str],
    /// Where to start looking for the next field name in `known` (fields tend to come in order).
    next_known: usize,
    /// Missing fields recovery supplies after the written ones.
    supply: std::vec::IntoIter<&'static str>,
    /// The struct's span.
    span: Span,
}

impl StructDe<'_, '_, '_> {
    fn is_known(&mut self, name: &str) -> bool {
        let (after, before) = self.known.split_at(self.next_known.min(self.known.len()));
        let found = before
            .iter()
            .position(|k| *k == name)
            .map(|i| i + after.len())
            .or_else(|| after.iter().position(|k| *k == name));
        match found {
            Some(i) => {
                self.next_known = i + 1;
                true
            }
            None => false,
        }
    }
}

impl<'de> MapAccess<'de> for StructDe<'_, '_, '_> {
    type Error = DeError;

    fn next_key_seed<S: DeserializeSeed<'de>>(&mut self, seed: S) -> Result<Option<S::Value>> {
        while let Some(field) = self.iter.next() {
            if field.name.is_empty() {
                // A syntax error's placeholder.
                continue;
            }
            if self.is_known(field.name) {
                self.value = Some(&field.value);
                self.ctx.last_key.set(field.name_span);
                return seed
                    .deserialize(KeyDe {
                        ctx: self.ctx,
                        name: field.name,
                        span: field.name_span,
                    })
                    .map(Some);
            }
            self.ctx.unknown.borrow_mut().push(UnknownField {
                name: field.name.to_owned(),
                span: field.name_span,
                struct_name: self.struct_name,
                expected: self.known,
            });
        }
        match self.supply.next() {
            Some(name) => {
                self.value = None;
                seed.deserialize(KeyDe {
                    ctx: self.ctx,
                    name,
                    span: self.span,
                })
                .map(Some)
            }
            None => Ok(None),
        }
    }

    fn next_value_seed<S: DeserializeSeed<'de>>(&mut self, seed: S) -> Result<S::Value> {
        match self.value.take() {
            Some(node) => element(self.ctx, node, seed),
            // A missing field recovery supplies.
            None => seed
                .deserialize(StandIn)
                .map_err(|_| DeError::flow(Flow::Escalate)),
        }
    }
}

/// A struct body read as a map (`deserialize_map`, `deserialize_any`): every field is passed on.
struct FieldsDe<'c, 'n, 'a> {
    ctx: &'c Ctx,
    iter: std::slice::Iter<'n, Field<'a>>,
    value: Option<&'n Node<'a>>,
}

impl<'de> MapAccess<'de> for FieldsDe<'_, '_, '_> {
    type Error = DeError;

    fn next_key_seed<S: DeserializeSeed<'de>>(&mut self, seed: S) -> Result<Option<S::Value>> {
        match self.iter.find(|f| !f.name.is_empty()) {
            Some(field) => {
                self.value = Some(&field.value);
                self.ctx.last_key.set(field.name_span);
                seed.deserialize(KeyDe {
                    ctx: self.ctx,
                    name: field.name,
                    span: field.name_span,
                })
                .map(Some)
            }
            None => Ok(None),
        }
    }

    fn next_value_seed<S: DeserializeSeed<'de>>(&mut self, seed: S) -> Result<S::Value> {
        match self.value.take() {
            Some(node) => element(self.ctx, node, seed),
            None => Err(de::Error::custom(
                "a field value was requested before its name",
            )),
        }
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.iter.len())
    }
}

/// A map `{k: v}`.
struct PairsDe<'c, 'n, 'a> {
    ctx: &'c Ctx,
    iter: std::slice::Iter<'n, (Node<'a>, Node<'a>)>,
    value: Option<&'n Node<'a>>,
}

impl<'de> MapAccess<'de> for PairsDe<'_, '_, '_> {
    type Error = DeError;

    fn next_key_seed<S: DeserializeSeed<'de>>(&mut self, seed: S) -> Result<Option<S::Value>> {
        match self.iter.next() {
            Some((k, v)) => {
                self.value = Some(v);
                self.ctx.last_key.set(k.span);
                element(self.ctx, k, seed).map(Some)
            }
            None => Ok(None),
        }
    }

    fn next_value_seed<S: DeserializeSeed<'de>>(&mut self, seed: S) -> Result<S::Value> {
        match self.value.take() {
            Some(node) => element(self.ctx, node, seed),
            None => Err(de::Error::custom(
                "a map value was requested before its key",
            )),
        }
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.iter.len())
    }
}

// ----- identifiers ----------------------------------------------------------

/// A field name or variant name.
#[derive(Clone, Copy)]
struct KeyDe<'c, 'n> {
    ctx: &'c Ctx,
    name: &'n str,
    span: Span,
}

impl<'de> Deserializer<'de> for KeyDe<'_, '_> {
    type Error = DeError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_str(self.name).map_err(at(self.span))
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_some(self).map_err(at(self.span))
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value> {
        let span = self.span;
        let r = if is_spanned_name(name) {
            visitor.visit_seq(SpannedSeq {
                span,
                inner: Some(self),
                step: 0,
            })
        } else {
            visitor.visit_newtype_struct(self)
        };
        r.map_err(at(span))
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        visitor
            .visit_enum(EnumDe {
                ctx: self.ctx,
                span: self.span,
                variant: self.name,
                variant_span: self.span,
                variants,
                content: None,
            })
            .map_err(at(self.span))
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_unit()
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf unit unit_struct seq tuple tuple_struct map struct identifier
    }
}

// ----- enums ----------------------------------------------------------------

struct EnumDe<'c, 'n, 'a> {
    ctx: &'c Ctx,
    /// The whole value.
    span: Span,
    variant: &'n str,
    variant_span: Span,
    variants: &'static [&'static str],
    /// What follows the variant name in `Variant(...)`: [`Val::Tuple`] or [`Val::Struct`].
    content: Option<Val<'n, 'a>>,
}

impl<'de, 'c, 'n, 'a> EnumAccess<'de> for EnumDe<'c, 'n, 'a> {
    type Error = DeError;
    type Variant = Self;

    fn variant_seed<S: DeserializeSeed<'de>>(self, seed: S) -> Result<(S::Value, Self)> {
        let key = KeyDe {
            ctx: self.ctx,
            name: self.variant,
            span: self.variant_span,
        };
        let value = seed.deserialize(key)?;
        Ok((value, self))
    }
}

impl EnumDe<'_, '_, '_> {
    fn static_variant_name(&self) -> &'static str {
        self.variants
            .iter()
            .copied()
            .find(|v| *v == self.variant)
            .unwrap_or("")
    }

    fn err(&self, found: String, expected: String) -> DeError {
        DeError::new(self.span, DeErrorKind::InvalidType { found, expected })
    }
}

impl<'de> VariantAccess<'de> for EnumDe<'_, '_, '_> {
    type Error = DeError;

    fn unit_variant(self) -> Result<()> {
        match self.content {
            None | Some(Val::Tuple([])) => Ok(()),
            Some(_) => {
                let v = self.variant;
                Err(self.err(format!("`{v}(...)`"), format!("`{v}` without a value")))
            }
        }
    }

    fn newtype_variant_seed<S: DeserializeSeed<'de>>(self, seed: S) -> Result<S::Value> {
        match self.content {
            Some(Val::Tuple([item])) => element(self.ctx, item, seed),
            // `Variant(a: 1)` for a variant wrapping a struct, `Variant(1, 2)` for one wrapping a tuple.
            Some(val) => seed.deserialize(NodeDe {
                ctx: self.ctx,
                span: self.span,
                val,
            }),
            None => {
                let v = self.variant;
                Err(self.err(format!("`{v}` without a value"), format!("`{v}(...)`")))
            }
        }
    }

    fn tuple_variant<V: Visitor<'de>>(self, len: usize, visitor: V) -> Result<V::Value> {
        match self.content {
            Some(Val::Tuple(items)) => visit_items(self.ctx, items, visitor).map_err(at(self.span)),
            _ => {
                let v = self.variant;
                let found = match self.content {
                    None => format!("`{v}` without a value"),
                    Some(_) => format!("`{v}(...)` with named fields"),
                };
                Err(self.err(found, format!("`{v}(...)` with {len} elements")))
            }
        }
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        let name = self.static_variant_name();
        match self.content {
            Some(Val::Struct(fs)) => visit_struct(self.ctx, self.span, fs, name, fields, visitor),
            Some(Val::Tuple([])) => visit_struct(self.ctx, self.span, &[], name, fields, visitor),
            _ => {
                let v = self.variant;
                let found = match self.content {
                    None => format!("`{v}` without a value"),
                    Some(_) => format!("`{v}(...)` without field names"),
                };
                Err(self.err(found, format!("`{v}(name: value, ...)`")))
            }
        }
    }
}

// ----- stand-ins --------------------------------------------------------------

/// The neutral value of whatever type asks: `false`, zero, `""`, empty, `None`, `()`,
/// every struct field a stand-in, the first variant of an enum. Recovery puts it where a
/// value could not be read, so that the rest of the file can still be checked.
#[derive(Clone, Copy)]
struct StandIn;

/// Forwards `StandIn`'s methods for narrower types to the widest one.
macro_rules! stand_in_as {
    ($($($method:ident)+ => $to:ident;)*) => {
        $($(
            fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
                self.$to(visitor)
            }
        )+)*
    };
}

/// `n` stand-ins as a sequence.
struct StandIns(usize);

impl<'de> SeqAccess<'de> for StandIns {
    type Error = DeError;

    fn next_element_seed<S: DeserializeSeed<'de>>(&mut self, seed: S) -> Result<Option<S::Value>> {
        if self.0 == 0 {
            return Ok(None);
        }
        self.0 -= 1;
        seed.deserialize(StandIn).map(Some)
    }
}

/// A struct whose every field is a stand-in.
struct StandInFields {
    fields: std::slice::Iter<'static, &'static str>,
}

impl<'de> MapAccess<'de> for StandInFields {
    type Error = DeError;

    fn next_key_seed<S: DeserializeSeed<'de>>(&mut self, seed: S) -> Result<Option<S::Value>> {
        match self.fields.next() {
            Some(name) => seed.deserialize(name.into_deserializer()).map(Some),
            None => Ok(None),
        }
    }

    fn next_value_seed<S: DeserializeSeed<'de>>(&mut self, seed: S) -> Result<S::Value> {
        seed.deserialize(StandIn)
    }
}

/// The first variant of an enum, with stand-in content.
struct StandInVariant(&'static str);

impl<'de> EnumAccess<'de> for StandInVariant {
    type Error = DeError;
    type Variant = StandIn;

    fn variant_seed<S: DeserializeSeed<'de>>(self, seed: S) -> Result<(S::Value, StandIn)> {
        let value = seed.deserialize(self.0.into_deserializer())?;
        Ok((value, StandIn))
    }
}

impl<'de> VariantAccess<'de> for StandIn {
    type Error = DeError;

    fn unit_variant(self) -> Result<()> {
        Ok(())
    }

    fn newtype_variant_seed<S: DeserializeSeed<'de>>(self, seed: S) -> Result<S::Value> {
        seed.deserialize(StandIn)
    }

    fn tuple_variant<V: Visitor<'de>>(self, len: usize, visitor: V) -> Result<V::Value> {
        visitor.visit_seq(StandIns(len))
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        visitor.visit_map(StandInFields {
            fields: fields.iter(),
        })
    }
}

impl<'de> Deserializer<'de> for StandIn {
    type Error = DeError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_unit()
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_bool(false)
    }

    fn deserialize_i64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_i64(0)
    }

    fn deserialize_u64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_u64(0)
    }

    fn deserialize_f64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_f64(0.0)
    }

    fn deserialize_char<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_char(' ')
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_str("")
    }

    fn deserialize_bytes<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_bytes(&[])
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_none()
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_seq(StandIns(0))
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, len: usize, visitor: V) -> Result<V::Value> {
        visitor.visit_seq(StandIns(len))
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        len: usize,
        visitor: V,
    ) -> Result<V::Value> {
        visitor.visit_seq(StandIns(len))
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_map(StandInFields { fields: [].iter() })
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        visitor.visit_map(StandInFields {
            fields: fields.iter(),
        })
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        match variants.first() {
            Some(v) => visitor.visit_enum(StandInVariant(v)),
            None => visitor.visit_unit(),
        }
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_str("")
    }

    serde::forward_to_deserialize_any! {
        unit unit_struct ignored_any
    }

    stand_in_as! {
        deserialize_i8 deserialize_i16 deserialize_i32 deserialize_i128 => deserialize_i64;
        deserialize_u8 deserialize_u16 deserialize_u32 deserialize_u128 => deserialize_u64;
        deserialize_f32 => deserialize_f64;
        deserialize_string => deserialize_str;
        deserialize_byte_buf => deserialize_bytes;
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use serde::Deserialize;

    use super::super::syntax::{Limits, parse, parse_all};
    use super::*;

    #[derive(Debug, Deserialize, PartialEq)]
    struct Item {
        name: String,
        count: u32,
        #[serde(default)]
        level: Option<Level>,
    }

    fn recover(text: &str) -> (Vec<String>, Vec<String>) {
        let parsed = parse_all(text, &Limits::default());
        let doc = parsed.document.expect("a tree");
        let out = from_node_all::<Vec<Item>>(&doc.value);
        assert_eq!(out.value.is_some(), out.errors.is_empty());
        let syntax = parsed.errors.iter().map(|e| e.message.clone()).collect();
        let de = out
            .errors
            .iter()
            .map(|e| format!("{}@{}", e, e.span.start))
            .collect();
        (syntax, de)
    }

    #[test]
    fn recovery_reports_every_type_error() {
        let text = r#"[
            (name: 1, count: "x"),
            (name: "b", count: 2, level: Huge),
            (name: "c"),
            (name: "d", count: 4),
        ]"#;
        let (syntax, de) = recover(text);
        assert!(syntax.is_empty());
        assert_eq!(de.len(), 4, "{de:?}");
        assert!(de[0].starts_with("expected a string, found the integer `1`@"));
        assert!(de[1].contains("found the string \"x\""), "{de:?}");
        assert!(de[2].contains("Huge"), "{de:?}");
        assert!(de[3].contains("missing field `count`"), "{de:?}");
        // Sorted by position.
        let at: Vec<usize> = de
            .iter()
            .map(|d| d.rsplit('@').next().unwrap().parse().unwrap())
            .collect();
        assert!(at.windows(2).all(|w| w[0] < w[1]), "{at:?}");
    }

    #[test]
    fn recovery_says_nothing_about_syntax_placeholders() {
        // A broken value, and a struct that lost `count` to a syntax error.
        let (syntax, de) =
            recover(r#"[(name: "a", count: @), (name: "b" 7 count: 2), (name: 3, count: 1)]"#);
        assert_eq!(syntax.len(), 2, "{syntax:?}");
        assert_eq!(de.len(), 1, "{de:?}");
        assert!(de[0].starts_with("expected a string"), "{de:?}");
    }

    #[test]
    fn recovery_finds_wrong_types_in_one_pass() {
        let text: String = (0..50)
            .map(|i| format!("(name: {i}, count: \"{i}\", level: Lwo),"))
            .collect();
        let text = format!("[{text}]");
        let node = parse(&text, &Limits::default()).unwrap();
        let out = from_node_all::<Vec<Item>>(&node);
        assert_eq!(out.errors.len(), 150);
        assert_eq!(out.passes, 1);
        assert!(out.value.is_none());
        // A missing field ends a pass, once for each struct and field: later structs of the
        // same name are checked for it up front.
        let node = parse(
            "[(count: 1), (count: 2), (name: 3), (name: \"d\", count: 4)]",
            &Limits::default(),
        )
        .unwrap();
        let out = from_node_all::<Vec<Item>>(&node);
        let kinds: Vec<_> = out.errors.iter().map(|e| e.to_string()).collect();
        assert_eq!(kinds.len(), 4, "{kinds:?}");
        assert_eq!(out.passes, 3);
    }

    #[test]
    fn recovery_collects_unknown_fields_once() {
        let node = parse(
            r#"[(name: 1, count: 1, cuont: 2), (name: "b", count: 1, nmae: 3)]"#,
            &Limits::default(),
        )
        .unwrap();
        let out = from_node_all::<Vec<Item>>(&node);
        assert_eq!(out.errors.len(), 1);
        let names: Vec<_> = out.unknown.iter().map(|u| u.name.as_str()).collect();
        assert_eq!(names, ["cuont", "nmae"]);
    }

    #[test]
    fn recovery_of_a_valid_tree_is_the_value() {
        let node = parse(r#"[(name: "a", count: 1, level: Low)]"#, &Limits::default()).unwrap();
        let out = from_node_all::<Vec<Item>>(&node);
        assert!(out.errors.is_empty() && out.unknown.is_empty());
        assert_eq!(
            out.value,
            Some(vec![Item {
                name: "a".into(),
                count: 1,
                level: Some(Level::Low)
            }])
        );
    }

    #[derive(Debug, Deserialize, PartialEq)]
    #[serde(deny_unknown_fields)]
    struct Doc {
        name: Spanned<String>,
        count: u32,
        ratio: f64,
        #[serde(default)]
        tags: Vec<String>,
        #[serde(default)]
        note: Option<String>,
        level: Level,
        #[serde(default)]
        shapes: Vec<Shape>,
        #[serde(default)]
        pairs: Vec<(u32, String)>,
        #[serde(default)]
        map: BTreeMap<String, i64>,
        #[serde(default)]
        inner: Option<Inner>,
        #[serde(default)]
        ids: Vec<Spanned<String>>,
        #[serde(default)]
        flag: bool,
        #[serde(default)]
        letter: Option<char>,
        #[serde(default)]
        wrapper: Option<Wrapper>,
        #[serde(default)]
        unit: (),
        #[serde(default)]
        delta: i64,
        #[serde(default)]
        spanned_level: Option<Spanned<Level>>,
    }

    #[derive(Debug, Deserialize, PartialEq, Clone, Copy)]
    enum Level {
        Info,
        Low,
        Critical,
    }

    #[derive(Debug, Deserialize, PartialEq)]
    #[serde(deny_unknown_fields)]
    enum Shape {
        Empty,
        Circle(f64),
        Rect(f64, f64),
        Poly {
            sides: u32,
            #[serde(default)]
            label: Option<String>,
        },
        Wrapped(Inner),
    }

    #[derive(Debug, Deserialize, PartialEq)]
    #[serde(deny_unknown_fields)]
    struct Inner {
        a: i32,
        #[serde(default)]
        b: Option<Box<Inner>>,
    }

    #[derive(Debug, Deserialize, PartialEq)]
    struct Wrapper(u32);

    fn ours<T: DeserializeOwned>(text: &str) -> (T, Vec<UnknownField>) {
        let node = parse(text, &Limits::default()).unwrap();
        match from_node::<T>(&node) {
            Ok(r) => r,
            Err((e, _)) => panic!("error {e:?} ({e}) in {text}"),
        }
    }

    fn ours_err<T: DeserializeOwned + fmt::Debug>(text: &str) -> (DeError, Vec<UnknownField>) {
        let node = parse(text, &Limits::default()).unwrap();
        match from_node::<T>(&node) {
            Ok(r) => panic!("expected an error, got {r:?}"),
            Err(r) => r,
        }
    }

    fn span_of(text: &str, needle: &str) -> Span {
        let start = text
            .find(needle)
            .unwrap_or_else(|| panic!("{needle} not in text"));
        Span::new(start, start + needle.len())
    }

    const FULL: &str = r###"Doc(
    name: "alpha",
    count: 3,
    ratio: 0.5,
    tags: ["a", "b\n\u{e9}", r#"raw "q""#],
    note: Some("hello"),
    level: Critical,
    shapes: [
        Empty,
        Circle(1.5),
        Rect(2, 3.5),
        Poly(sides: 5, label: Some("pent")),
        Poly(sides: 3),
        Wrapped((a: -4, b: Some((a: 7, b: None)))),
    ],
    pairs: [(1, "one"), (0x2, "two",)],
    map: {"x": -1, "y": 2},
    inner: Some(Inner(a: 1)),
    ids: ["i1", "i2"],
    flag: true,
    letter: Some('z'),
    wrapper: Some(Wrapper(9)),
    unit: (),
    delta: -9223372036854775808,
    spanned_level: Some(Low),
)"###;

    const DOCS: &[&str] = &[
        FULL,
        "Doc(name: \"\", count: 0, ratio: 1e3, level: Info)",
        "// comments and CRLF\r\n(\r\n  name: \"x\", /* c */ count: 4294967295,\r\n  ratio: -.25,\r\n  level: Low,\r\n  tags: [],\r\n  map: {},\r\n  pairs: [],\r\n)\r\n",
        "#![enable(implicit_some)]\nDoc(name: \"y\", count: 1_000, ratio: inf, level: Low, note: \"n\", inner: (a: 2, b: (a: 3)), letter: '\\n', wrapper: Wrapper(0), spanned_level: Info)",
        "#![enable(unwrap_variant_newtypes)]\nDoc(name: \"z\", count: 0b101, ratio: 0, level: Info, shapes: [Wrapped(a: 1), Circle(0.0)])",
        "Doc(name: r\"w\", count: 0o17, ratio: +2.5, level: Info, note: None, inner: None, letter: None, wrapper: None)",
    ];

    #[test]
    fn differential_against_ron() {
        for doc in DOCS {
            let expected: Doc = match ron::from_str(doc) {
                Ok(v) => v,
                Err(e) => panic!("ron rejects {doc}: {e}"),
            };
            let (got, unknown) = ours::<Doc>(doc);
            assert_eq!(got, expected, "{doc}");
            assert!(unknown.is_empty(), "{unknown:?}");
        }
    }

    #[test]
    fn spans_are_exact() {
        let (doc, _) = ours::<Doc>(FULL);
        assert_eq!(doc.name.span, span_of(FULL, "\"alpha\""));
        assert_eq!(doc.name.value, "alpha");
        assert_eq!(doc.ids[0].span, span_of(FULL, "\"i1\""));
        assert_eq!(doc.ids[1].span, span_of(FULL, "\"i2\""));
        let level = doc.spanned_level.unwrap();
        assert_eq!(level.span, span_of(FULL, "Low"));
        assert_eq!(*level, Level::Low);
        // Through ron the spans are empty.
        let doc: Doc = ron::from_str(FULL).unwrap();
        assert_eq!(doc.name.span, Span::default());

        // Raw strings and escapes: the span covers the literal as written.
        let text = "Doc(name: r#\"a\"#, count: 1, ratio: 1, level: Info, ids: [\"\\u{e9}\"])";
        let (doc, _) = ours::<Doc>(text);
        assert_eq!(doc.name.span, span_of(text, "r#\"a\"#"));
        assert_eq!(doc.ids[0].span, span_of(text, "\"\\u{e9}\""));
        assert_eq!(doc.ids[0].value, "é");
    }

    #[test]
    fn spanned_of_containers_and_any() {
        #[derive(Debug, Deserialize)]
        #[serde(untagged)]
        #[allow(dead_code)]
        enum Lit {
            B(bool),
            N(f64),
            S(String),
        }
        #[derive(Debug, Deserialize)]
        #[serde(untagged)]
        enum Untagged {
            A { x: Spanned<u32> },
        }
        #[derive(Debug, Deserialize)]
        struct S {
            list: Spanned<Vec<u32>>,
            inner: Spanned<Inner>,
            lit: Spanned<Lit>,
            n: Spanned<f64>,
            opt: Option<Spanned<u32>>,
            nested: Spanned<Spanned<bool>>,
            u: Untagged,
            #[serde(default)]
            missing: Spanned<Option<String>>,
            keys: BTreeMap<Spanned<String>, u32>,
        }
        let text = "S(list: [1, 2], inner: Inner(a: 1), lit: \"e\", n: 5, opt: Some(3), nested: true, u: (x: 4), keys: {\"k\": 1})";
        let (s, unknown) = ours::<S>(text);
        assert!(unknown.is_empty());
        assert_eq!(s.list.span, span_of(text, "[1, 2]"));
        assert_eq!(s.inner.span, span_of(text, "Inner(a: 1)"));
        assert_eq!(s.lit.span, span_of(text, "\"e\""));
        assert!(matches!(s.lit.value, Lit::S(ref v) if v == "e"));
        assert_eq!(s.n.span, span_of(text, "5"));
        assert_eq!(*s.n, 5.0);
        assert_eq!(s.opt.unwrap().span, span_of(text, "3"));
        assert_eq!(s.nested.span, span_of(text, "true"));
        assert_eq!(s.nested.value.span, span_of(text, "true"));
        // Inside an untagged enum serde buffers the value: no span, but no error either.
        let Untagged::A { x } = s.u;
        assert_eq!((x.value, x.span), (4, Span::default()));
        assert_eq!(s.missing.value, None);
        let (k, v) = s.keys.iter().next().unwrap();
        assert_eq!(
            (k.value.as_str(), k.span, *v),
            ("k", span_of(text, "\"k\""), 1)
        );

        // A missing `Spanned<Option<_>>` without a default is still `None`.
        #[derive(Debug, Deserialize)]
        struct M {
            o: Spanned<Option<u32>>,
        }
        let (m, _) = ours::<M>("(  )");
        assert_eq!(m.o.value, None);
        let m: M = ron::from_str("()").unwrap();
        assert_eq!(m.o.value, None);
    }

    #[test]
    fn spans_flag_is_restored() {
        assert!(!SPANS_ACTIVE.get());
        let _ = ours::<Doc>(FULL);
        assert!(!SPANS_ACTIVE.get());
        let _ = ours_err::<Doc>("Doc()");
        assert!(!SPANS_ACTIVE.get());

        struct Boom;
        impl<'de> Deserialize<'de> for Boom {
            fn deserialize<D: Deserializer<'de>>(_: D) -> Result<Self, D::Error> {
                assert!(SPANS_ACTIVE.get());
                panic!("boom");
            }
        }
        let node = parse("1", &Limits::default()).unwrap();
        let r = std::panic::catch_unwind(|| from_node::<Boom>(&node).is_ok());
        assert!(r.is_err());
        assert!(!SPANS_ACTIVE.get());
    }

    #[test]
    fn unknown_fields_are_collected() {
        let text = "Doc(name: \"n\", colour: 3, count: 1, ratio: 2, level: Info,\n  inner: Some(Inner(a: 1, c: [1, 2], b: Some((a: 2, zz: ()))) ),\n  shapes: [Poly(sides: 3, side: 4)])";
        let (doc, unknown) = ours::<Doc>(text);
        assert_eq!(doc.count, 1);
        assert_eq!(doc.inner.as_ref().unwrap().b.as_ref().unwrap().a, 2);
        let names: Vec<_> = unknown
            .iter()
            .map(|u| (u.name.as_str(), u.struct_name))
            .collect();
        assert_eq!(
            names,
            [
                ("colour", "Doc"),
                ("c", "Inner"),
                ("zz", "Inner"),
                ("side", "Poly")
            ]
        );
        assert_eq!(unknown[0].span, span_of(text, "colour"));
        assert_eq!(
            unknown[1].span,
            span_of(text, "c:").start..span_of(text, "c:").start + 1
        );
        assert_eq!(unknown[1].expected, ["a", "b"]);
        assert_eq!(unknown[3].expected, ["sides", "label"]);
        assert_eq!(unknown[0].expected.len(), 17);
        // The error path still returns the unknown fields met so far.
        let (e, unknown) = ours_err::<Doc>("Doc(nme: \"x\", count: 1, ratio: 1, level: Info)");
        assert_eq!(e.kind, DeErrorKind::MissingField { field: "name" });
        assert_eq!(unknown.len(), 1);
        assert_eq!(unknown[0].name, "nme");
    }

    impl PartialEq<std::ops::Range<usize>> for Span {
        fn eq(&self, r: &std::ops::Range<usize>) -> bool {
            self.start == r.start && self.end == r.end
        }
    }

    #[test]
    fn missing_field_points_at_the_struct() {
        let text = "Doc(name: \"x\", count: 1, ratio: 1, level: Info, inner: Some(Inner(b: None)))";
        let (e, _) = ours_err::<Doc>(text);
        assert_eq!(e.kind, DeErrorKind::MissingField { field: "a" });
        assert_eq!(e.span, span_of(text, "Inner(b: None)"));
        assert_eq!(e.to_string(), "missing field `a`");
        let (e, _) = ours_err::<Doc>("Doc(count: 1)");
        assert_eq!(e.span, Span::new(0, 13));
        assert_eq!(e.to_string(), "missing field `name`");
        // In a struct variant.
        let text =
            "Doc(name: \"x\", count: 1, ratio: 1, level: Info, shapes: [Empty, Poly(label: None)])";
        let (e, _) = ours_err::<Doc>(text);
        assert_eq!(e.kind, DeErrorKind::MissingField { field: "sides" });
        assert_eq!(e.span, span_of(text, "Poly(label: None)"));
    }

    fn doc_with(field: &str) -> String {
        format!("Doc(name: \"x\", count: 1, ratio: 1, level: Info, {field})")
    }

    #[test]
    fn errors_are_located_and_worded() {
        let check = |field: &str, needle: &str, message: &str| {
            let text = doc_with(field);
            let (e, _) = ours_err::<Doc>(&text);
            assert_eq!(e.to_string(), message, "{text}");
            let start = text.rfind(needle).unwrap();
            assert_eq!(
                e.span,
                Span::new(start, start + needle.len()),
                "{text}: {e:?}"
            );
            e
        };
        let e = check(
            "flag: \"yes\"",
            "\"yes\"",
            "expected `true` or `false`, found the string \"yes\"",
        );
        assert!(matches!(e.kind, DeErrorKind::InvalidType { .. }));
        check(
            "delta: 1.5",
            "1.5",
            "expected an integer, found the number `1.5`",
        );
        let e = check(
            "pairs: [(-1, \"a\")]",
            "-1",
            "expected an integer from 0 to 4294967295, found the integer `-1`",
        );
        assert!(matches!(e.kind, DeErrorKind::InvalidValue { .. }));
        check(
            "tags: [\"a\", b]",
            "b",
            "expected a string, found the name `b`",
        );
        check(
            "inner: Some(Inner(a: \"one\"))",
            "\"one\"",
            "expected an integer from -2147483648 to 2147483647, found the string \"one\"",
        );
        let e = check(
            "shapes: [Circl(1.0)]",
            "Circl",
            "unknown variant `Circl`, expected one of `Empty`, `Circle`, `Rect`, `Poly`, `Wrapped`",
        );
        assert_eq!(
            e.kind,
            DeErrorKind::UnknownVariant {
                variant: "Circl".into(),
                expected: &["Empty", "Circle", "Rect", "Poly", "Wrapped"]
            }
        );
        check(
            "spanned_level: Critcal",
            "Critcal",
            "unknown variant `Critcal`, expected one of `Info`, `Low`, `Critical`",
        );
        check(
            "shapes: [Circle]",
            "Circle",
            "expected `Circle(...)`, found `Circle` without a value",
        );
        check(
            "shapes: [Empty(1)]",
            "Empty(1)",
            "expected `Empty` without a value, found `Empty(...)`",
        );
        check(
            "shapes: [Rect(1)]",
            "Rect(1)",
            "expected `Rect(...)` with 2 elements, found 1 element",
        );
        check(
            "pairs: [(1, \"a\", 3)]",
            "3",
            "expected 2 elements, found 3 elements",
        );
        check("inner: Inr(a: 1)", "Inr", "expected `Inner`, found `Inr`");
        check(
            "inner: [1]",
            "[1]",
            "expected `Inner(...)` with named fields, found a list",
        );
        check(
            "letter: \"z\"",
            "\"z\"",
            "expected a character in single quotes, like 'a', found the string \"z\"",
        );
        check("map: [1]", "[1]", "expected a map `{...}`, found a list");
        check(
            "tags: \"a\"",
            "\"a\"",
            "expected a list `[...]`, found the string \"a\"",
        );
        check(
            "shapes: [Circle(\"1\")]",
            "\"1\"",
            "expected a number, found the string \"1\"",
        );
        check("unit: 1", "1", "expected `()`, found the integer `1`");
        // Duplicate fields point at the second occurrence.
        let text = "Doc(name: \"x\", count: 1, ratio: 1, level: Info, count: 2)";
        let (e, _) = ours_err::<Doc>(text);
        assert_eq!(e.kind, DeErrorKind::DuplicateField { field: "count" });
        assert_eq!(
            e.span,
            Span::new(
                text.rfind("count").unwrap(),
                text.rfind("count").unwrap() + 5
            )
        );
        // A wrong struct name at the top.
        let (e, _) = ours_err::<Doc>("Dok(name: \"x\")");
        assert_eq!(e.span, Span::new(0, 3));
        assert_eq!(
            e.kind,
            DeErrorKind::WrongStructName {
                expected: "Doc",
                found: "Dok".into()
            }
        );
        // Custom errors from a type's own Deserialize get the value's span.
        #[derive(Debug)]
        struct Even;
        impl<'de> Deserialize<'de> for Even {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let v = u32::deserialize(d)?;
                if v % 2 == 0 {
                    Ok(Even)
                } else {
                    Err(de::Error::custom("must be even"))
                }
            }
        }
        let (e, _) = ours_err::<Vec<Even>>("[2, 3]");
        assert_eq!(e.kind, DeErrorKind::Custom("must be even".into()));
        assert_eq!(e.span, Span::new(4, 5));
    }

    #[test]
    fn forgiving_forms() {
        // Options: `Some(x)`, bare, `None`; struct content directly in `Some(...)`.
        let (v, _) = ours::<Vec<Option<Inner>>>(
            "[Some((a: 1)), Some(Inner(a: 2)), (a: 3), Some(a: 4), None]",
        );
        let a: Vec<_> = v.iter().map(|o| o.as_ref().map(|i| i.a)).collect();
        assert_eq!(a, [Some(1), Some(2), Some(3), Some(4), None]);
        // Newtype structs with or without their wrapper.
        let (v, _) = ours::<Vec<Wrapper>>("[Wrapper(1), (2), 3]");
        assert_eq!(v, [Wrapper(1), Wrapper(2), Wrapper(3)]);
        // Enum variants as strings.
        let (v, _) = ours::<Vec<Level>>("[Info, \"Low\"]");
        assert_eq!(v, [Level::Info, Level::Low]);
        // A struct body read as a map; an empty struct as `()` or `Name()`.
        let (m, _) = ours::<BTreeMap<String, u8>>("(x: 1, y: 2)");
        assert_eq!(m.len(), 2);
        let (m, _) = ours::<BTreeMap<Spanned<String>, u8>>("(xy: 1)");
        let (k, v) = m.into_iter().next().unwrap();
        assert_eq!((k.value.as_str(), k.span, v), ("xy", Span::new(1, 3), 1));
        #[derive(Debug, Deserialize, PartialEq)]
        struct E {
            #[serde(default)]
            x: u8,
        }
        let (v, _) = ours::<Vec<E>>("[(), E(), E(x: 1)]");
        assert_eq!(v, [E { x: 0 }, E { x: 0 }, E { x: 1 }]);
        // Tuples and arrays from lists or tuples.
        let (v, _) = ours::<((u8, u8), [u8; 2], (u8,))>("((1, 2), [3, 4], (5,))");
        assert_eq!(v, ((1, 2), [3, 4], (5,)));
        // Integers for floats, floats for f32, negative numbers, big unsigned.
        let (v, _) =
            ours::<(f64, f32, i8, u64, i128, u128)>("(1, 2.5, -128, 18446744073709551615, -5, 7)");
        assert_eq!(v, (1.0, 2.5, -128, u64::MAX, -5, 7));
        // Chars, bytes, unit structs.
        #[derive(Debug, Deserialize, PartialEq)]
        struct U;
        let (v, _) = ours::<(char, U, U, U)>("('x', U, (), U())");
        assert_eq!(v, ('x', U, U, U));
        // Ignored values and maps with non-string keys.
        let (v, _) = ours::<BTreeMap<u32, de::IgnoredAny>>("{1: [x, (y: 2)], 2: \"s\"}");
        assert_eq!(v.len(), 2);
        let (v, _) = ours::<BTreeMap<(u8, u8), Level>>("{(1, 2): Low}");
        assert_eq!(v[&(1, 2)], Level::Low);
    }

    #[test]
    fn deserialize_any_mapping() {
        #[derive(Debug, Deserialize, PartialEq)]
        #[serde(untagged)]
        enum Any {
            Unit(()),
            B(bool),
            U(u64),
            I(i64),
            F(f64),
            S(String),
            L(Vec<Any>),
            M(BTreeMap<String, Any>),
        }
        let (v, _) = ours::<Vec<Any>>(
            "[(), true, 1, -1, 1.5, \"s\", Ident, [1], {\"k\": 2}, S(a: 3), (4, 5)]",
        );
        assert_eq!(
            v,
            [
                Any::Unit(()),
                Any::B(true),
                Any::U(1),
                Any::I(-1),
                Any::F(1.5),
                Any::S("s".into()),
                Any::S("Ident".into()),
                Any::L(vec![Any::U(1)]),
                Any::M([("k".to_owned(), Any::U(2))].into()),
                Any::M([("a".to_owned(), Any::U(3))].into()),
                Any::L(vec![Any::U(4), Any::U(5)]),
            ]
        );
        let (v, _) = ours::<Vec<Option<u8>>>("[None, Some(1), 2]");
        assert_eq!(v, [None, Some(1), Some(2)]);
    }

    #[test]
    fn spanned_traits() {
        let a = Spanned::new(Span::new(1, 2), 5);
        let b = Spanned::from(5);
        assert_eq!(a, b);
        assert_eq!(*a + 1, 6);
        assert_eq!(a.map(|v| v * 2).value, 10);
        assert_eq!(ron::to_string(&a).unwrap(), "5");
        let mut c = Spanned::<String>::default();
        c.push('x');
        assert_eq!(c.into_inner(), "x");
    }

    // ----- timing ------------------------------------------------------------

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct BenchDoc {
        items: Vec<BenchItem>,
    }

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct BenchItem {
        id: Spanned<String>,
        title: String,
        #[serde(default)]
        at: Option<Spanned<String>>,
        severity: Level,
        weight: Spanned<f64>,
        count: u32,
        #[serde(default)]
        teams: Vec<Spanned<String>>,
        #[serde(default)]
        effects: Vec<Spanned<String>>,
        shape: Shape,
        body: String,
    }

    fn bench_doc(n: usize) -> String {
        let mut s = String::from("BenchDoc(\n  items: [\n");
        for i in 0..n {
            s.push_str(&format!(
                "    BenchItem(\n      id: \"item_{i}\",\n      title: \"Inject number {i}: the EHR is down\",\n      at: Some(\"{}h\"),\n      severity: {},\n      weight: {}.5,\n      count: {},\n      teams: [\"crisis\", \"it\", \"nursing\"],\n      effects: [\"safety -= 5\", \"cost += {i}\"],\n      shape: {},\n      body: \"A longer body of text with an escape\\n and some more words, to be realistic.\",\n    ),\n",
                i % 48,
                ["Info", "Low", "Critical"][i % 3],
                i % 100,
                i * 7,
                ["Empty", "Circle(1.5)", "Poly(sides: 4, label: Some(\"sq\"))"][i % 3],
            ));
        }
        s.push_str("  ],\n)\n");
        s
    }

    fn best<R>(runs: usize, mut f: impl FnMut() -> R) -> std::time::Duration {
        let mut best = std::time::Duration::MAX;
        for _ in 0..runs {
            let t = std::time::Instant::now();
            std::hint::black_box(f());
            best = best.min(t.elapsed());
        }
        best
    }

    /// `cargo test --release --lib scenario::de::tests::timing -- --ignored --nocapture`
    #[test]
    #[ignore]
    fn timing() {
        let text = bench_doc(10_000);
        let limits = Limits::default();
        let runs = 40;
        let ron_value = best(runs, || ron::from_str::<ron::Value>(&text).unwrap());
        let ron_typed = best(runs, || ron::from_str::<BenchDoc>(&text).unwrap());
        let parse_only = best(runs, || parse(&text, &limits).unwrap());
        let ours = best(runs, || {
            let node = parse(&text, &limits).unwrap();
            from_node::<BenchDoc>(&node).unwrap()
        });
        let node = parse(&text, &limits).unwrap();
        let de_only = best(runs, || from_node::<BenchDoc>(&node).unwrap());
        println!(
            "document: {} bytes, 10000 structs\n\
             ron::from_str::<ron::Value>: {ron_value:?}\n\
             ron::from_str::<BenchDoc>:   {ron_typed:?}\n\
             syntax::parse:               {parse_only:?}\n\
             de::from_node::<BenchDoc>:   {de_only:?}\n\
             parse + from_node:           {ours:?}  ({:.2}x ron typed, {:.2}x ron Value)",
            text.len(),
            ours.as_secs_f64() / ron_typed.as_secs_f64(),
            ours.as_secs_f64() / ron_value.as_secs_f64(),
        );
    }
}
