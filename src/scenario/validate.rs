//! The validator: checks a parsed [`ScenarioFile`], reports every problem as a
//! [`Diagnostic`], and compiles it into a [`Scenario`] when there are no errors.

use super::compiled::{self as c, Scenario};
use super::diagnostics::{Code, Diagnostic};
use super::expr::compile as xc;
use super::expr::effects::Effect;
use super::expr::symbols::{
    IdMap, Name, ParamType, RESERVED, Symbols, Type, Usage, did_you_mean, unknown_id_help,
};
use super::expr::vm::{Op, Program};
use super::expr::{ExprError, ExprErrorKind};
use super::files::Files;
use super::model::{self as m, Literal, ParamKind, ScenarioFile};
use super::source::{SourceFile, Span};
use super::time::{self, Secs};

mod format2;

/// Most injects a scenario may hold.
pub const MAX_INJECTS: usize = 50_000;
/// Most options a decision may hold.
pub const MAX_OPTIONS: usize = 50;
/// Most effects in one list.
pub const MAX_EFFECTS: usize = 200;
/// Most outcomes an option may hold.
pub const MAX_OUTCOMES: usize = 50;
/// Most clock steps from the start to the end of the clock (over all phases), so that
/// advancing to the next inject or to the end always finishes quickly.
pub const MAX_STEPS: i64 = 100_000;

/// Validates a parsed file. Returns the compiled scenario when there are no errors,
/// and every diagnostic found (errors and warnings).
pub fn validate(
    src: &SourceFile,
    mut file: ScenarioFile,
    files: &dyn Files,
    hash: String,
) -> (Option<Scenario>, Vec<Diagnostic>) {
    let mut v = Validator {
        src,
        diags: Vec::new(),
        syms: Symbols::default(),
        usage: Usage::default(),
        zone: None,
    };
    let scenario = v.run(&mut file, files, hash);
    let has_errors = v
        .diags
        .iter()
        .any(|d| d.severity() == super::diagnostics::Severity::Error);
    (if has_errors { None } else { scenario }, v.diags)
}

struct Validator<'a> {
    src: &'a SourceFile,
    diags: Vec<Diagnostic>,
    syms: Symbols,
    usage: Usage,
    /// The clock's time zone, once read (date-times in the file are local times in it).
    zone: Option<super::zone::Tz>,
}

/// Maps a byte offset inside a string literal's content to an offset in the file,
/// walking escapes so that spans inside expressions land on the right column.
pub fn content_to_file(text: &str, literal: Span, offset: usize) -> usize {
    let Some(lit) = text.get(literal.start..literal.end.min(text.len())) else {
        return literal.start;
    };
    let bytes = lit.as_bytes();
    // Skip `r#*"` or `"`.
    let mut i = 0;
    let raw = bytes.first() == Some(&b'r');
    if raw {
        i += 1;
        while bytes.get(i) == Some(&b'#') {
            i += 1;
        }
    }
    if bytes.get(i) != Some(&b'"') {
        return literal.start;
    }
    i += 1;
    let mut decoded = 0usize;
    while decoded < offset && i < bytes.len() {
        if !raw && bytes[i] == b'\\' {
            let rest = &lit[i..];
            let (src_len, out_len) = escape_lengths(rest);
            i += src_len;
            decoded += out_len;
        } else {
            let ch_len = lit[i..].chars().next().map(char::len_utf8).unwrap_or(1);
            i += ch_len;
            decoded += ch_len;
        }
    }
    literal.start + i
}

/// Source length and decoded length of an escape sequence at the start of `s`.
fn escape_lengths(s: &str) -> (usize, usize) {
    let b = s.as_bytes();
    match b.get(1) {
        Some(b'u') => {
            let end = s.find('}').map(|e| e + 1).unwrap_or(2);
            let hex = s.get(3..end.saturating_sub(1)).unwrap_or("");
            let len = u32::from_str_radix(hex, 16)
                .ok()
                .and_then(char::from_u32)
                .map(char::len_utf8)
                .unwrap_or(1);
            (end, len)
        }
        Some(b'x') => (4, 1),
        Some(b'\n') => {
            // A line continuation: the newline and following spaces disappear.
            let ws = s[2..]
                .bytes()
                .take_while(|c| c.is_ascii_whitespace())
                .count();
            (2 + ws, 0)
        }
        Some(_) => (2, 1),
        None => (1, 0),
    }
}

/// Whether some options' requirements visibly cover every case, so that at least one always
/// holds: `f` and `!f`, or comparisons of one name with numbers whose ranges leave no gap
/// (`m >= 60` and `m < 60`). Anything more complex counts as not covering.
fn requirements_cover(conds: &[&str]) -> bool {
    use std::collections::BTreeMap;
    // Per name: flags seen (true, false) and ranges (lo, lo included, hi, hi included).
    type Range = (f64, bool, f64, bool);
    let mut flags: BTreeMap<&str, [bool; 2]> = BTreeMap::new();
    let mut ranges: BTreeMap<&str, Vec<Range>> = BTreeMap::new();
    for c in conds {
        let mut t = c.trim();
        while let Some(inner) = t.strip_prefix('(').and_then(|x| x.strip_suffix(')')) {
            t = inner.trim();
        }
        if is_ident(t) {
            flags.entry(t).or_default()[0] = true;
            continue;
        }
        if let Some(x) = t.strip_prefix('!').map(str::trim)
            && is_ident(x)
        {
            flags.entry(x).or_default()[1] = true;
            continue;
        }
        let ops = ["<=", ">=", "==", "!=", "<", ">"];
        let Some((op, at)) = ops.iter().find_map(|op| t.find(op).map(|at| (*op, at))) else {
            continue;
        };
        let (a, b) = (t[..at].trim(), t[at + op.len()..].trim());
        let (name, num, op) = match (b.parse::<f64>(), a.parse::<f64>()) {
            (Ok(n), _) if is_ident(a) => (a, n, op),
            (_, Ok(n)) if is_ident(b) => (
                b,
                n,
                match op {
                    "<" => ">",
                    ">" => "<",
                    "<=" => ">=",
                    ">=" => "<=",
                    o => o,
                },
            ),
            _ => continue,
        };
        let inf = f64::INFINITY;
        let list = ranges.entry(name).or_default();
        match op {
            "<" => list.push((-inf, false, num, false)),
            "<=" => list.push((-inf, false, num, true)),
            ">" => list.push((num, false, inf, false)),
            ">=" => list.push((num, true, inf, false)),
            "==" => list.push((num, true, num, true)),
            _ => {
                list.push((-inf, false, num, false));
                list.push((num, false, inf, false));
            }
        }
    }
    if flags.values().any(|f| f[0] && f[1]) {
        return true;
    }
    ranges.values_mut().any(|list| {
        list.sort_by(|x, y| x.0.total_cmp(&y.0).then(y.1.cmp(&x.1)));
        // Sweep: `reach` is how far the union covers from -inf, and whether it includes it.
        let (mut reach, mut incl) = (f64::NEG_INFINITY, false);
        for &(lo, lo_in, hi, hi_in) in list.iter() {
            let joins = lo < reach || (lo == reach && (incl || lo_in)) || lo == f64::NEG_INFINITY;
            if !joins {
                return false;
            }
            if hi > reach || (hi == reach && hi_in) {
                (reach, incl) = (hi, hi_in);
            }
        }
        reach == f64::INFINITY
    })
}

fn is_ident(s: &str) -> bool {
    let b = s.as_bytes();
    matches!(b.first(), Some(c) if c.is_ascii_alphabetic() || *c == b'_')
        && b.iter().all(|c| c.is_ascii_alphanumeric() || *c == b'_')
}

/// Kinds of ids, for messages and duplicate tracking.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Kind {
    Team,
    Objective,
    Phase,
    Value,
    Inject,
    Decision,
    Deadline,
    RandomEvent,
    Ending,
    Check,
    Task,
    Action,
    Character,
}

impl Kind {
    fn noun(self) -> &'static str {
        match self {
            Kind::Team => "team",
            Kind::Objective => "objective",
            Kind::Phase => "phase",
            Kind::Value => "metric, flag, counter, parameter, system or service",
            Kind::Inject => "inject",
            Kind::Decision => "decision",
            Kind::Deadline => "deadline",
            Kind::RandomEvent => "random event",
            Kind::Ending => "ending",
            Kind::Check => "check",
            Kind::Task => "critical task",
            Kind::Action => "action",
            Kind::Character => "character",
        }
    }
}

/// Resolves a reference to an id in `table`, or reports it (with did-you-mean).
fn reference(
    diags: &mut Vec<Diagnostic>,
    s: &m_spanned::SpStr,
    kind: &str,
    table: &IdMap<u16>,
) -> Option<u16> {
    if let Some(i) = table.get(s.value.as_str()) {
        return Some(*i);
    }
    let help = unknown_id_help(&s.value, kind, table);
    diags.push(
        Diagnostic::new(
            Code::UnknownReference,
            s.span,
            format!("unknown {kind} `{}`", s.value),
            format!("no {kind} has this id"),
        )
        .with_help(help),
    );
    None
}

impl Validator<'_> {
    fn push(&mut self, d: Diagnostic) {
        self.diags.push(d);
    }

    fn err(
        &mut self,
        code: Code,
        span: Span,
        message: impl Into<String>,
        label: impl Into<String>,
    ) {
        self.push(Diagnostic::new(code, span, message, label));
    }

    fn err_help(
        &mut self,
        code: Code,
        span: Span,
        message: impl Into<String>,
        label: impl Into<String>,
        help: impl Into<String>,
    ) {
        self.push(Diagnostic::new(code, span, message, label).with_help(help));
    }

    /// Checks ids of one kind: syntax, reserved words and duplicates. Returns the index map.
    /// Kinds that share a namespace (metrics, flags, parameters...) pass the ids already
    /// `seen` in it; a kind with a namespace of its own passes `None`.
    fn ids<'s>(
        &mut self,
        kind: Kind,
        items: impl IntoIterator<Item = &'s m_spanned::SpStr>,
        mut seen: Option<&mut IdMap<(Kind, Span)>>,
    ) -> IdMap<u16> {
        let items = items.into_iter();
        let mut out = IdMap::with_capacity_and_hasher(items.size_hint().0, Default::default());
        // Spans of the ids in `out`, to point at the first of two duplicates.
        let mut spans = Vec::with_capacity(items.size_hint().0);
        if let Some(seen) = seen.as_deref_mut() {
            seen.reserve(items.size_hint().0);
        }
        for (i, id) in items.enumerate() {
            let name = id.value.as_str();
            if !is_ident(name) {
                self.err_help(
                    Code::InvalidId,
                    id.span,
                    format!("`{name}` is not a valid {} id", kind.noun()),
                    "invalid id",
                    "ids start with a letter or `_` and contain only ASCII letters, digits and `_`, e.g. `patient_safety`",
                );
            } else if RESERVED.contains(&name) {
                self.err_help(
                    Code::InvalidId,
                    id.span,
                    format!("`{name}` is a reserved word and cannot be an id"),
                    "reserved",
                    format!("reserved words: {}", RESERVED.join(", ")),
                );
            }
            // An invalid id is still indexed, so that the references to it are not reported
            // as unknown: the mistake is reported once, where the id is defined.
            let earlier = match seen.as_deref() {
                Some(seen) => seen.get(name).copied(),
                None => out.get(name).map(|&j: &u16| (kind, spans[j as usize])),
            };
            if let Some((k, first)) = earlier {
                let lc = self.src.line_col(first.start);
                let what = if k == kind {
                    format!("another {}", kind.noun())
                } else {
                    format!("a {}", k.noun())
                };
                self.err_help(
                    Code::DuplicateId,
                    id.span,
                    format!("duplicate id `{name}`"),
                    "used a second time here",
                    format!(
                        "{what} already uses `{name}` at line {}:{}; ids must be unique",
                        lc.line, lc.col
                    ),
                );
                continue;
            }
            if let Some(seen) = seen.as_deref_mut() {
                seen.insert(name.to_string(), (kind, id.span));
            }
            // `spans` is indexed like `out`'s values: pad it up to `i`.
            spans.resize(i, Span::default());
            spans.push(id.span);
            out.insert(name.to_string(), i as u16);
        }
        out
    }

    fn duration(&mut self, s: &m_spanned::SpStr) -> Option<Secs> {
        match time::parse_duration(&s.value) {
            Ok(d) => Some(d),
            Err(e) => {
                self.err_help(
                    Code::InvalidDuration,
                    s.span,
                    format!("invalid duration `{}`", s.value),
                    "not a duration",
                    e,
                );
                None
            }
        }
    }

    /// The clock's `zone`: an IANA name ([`Code::UnknownZone`] otherwise).
    fn clock_zone(&mut self, z: &m_spanned::SpStr) -> Option<super::zone::Tz> {
        match super::zone::parse_zone(&z.value) {
            Ok(tz) => Some(tz),
            Err(help) => {
                self.err_help(
                    Code::UnknownZone,
                    z.span,
                    format!("unknown time zone `{}`", z.value.trim()),
                    "not an IANA time zone",
                    help,
                );
                None
            }
        }
    }

    /// A time point: an offset (`2h`) or a date-time on or after the clock's start.
    fn time_point(
        &mut self,
        s: &m_spanned::SpStr,
        start: Option<chrono::NaiveDateTime>,
    ) -> Option<Secs> {
        let text = s.value.trim();
        if text.contains('-') && text.len() >= 10 {
            match time::parse_datetime(text) {
                Ok(at) => {
                    let start = start?;
                    let secs = super::zone::seconds_between(start, self.zone, at);
                    if secs < 0 {
                        self.err_help(
                            Code::InvalidDateTime,
                            s.span,
                            format!("`{text}` is before the clock's start"),
                            "too early",
                            format!("the clock starts at {}", time::format_datetime(start)),
                        );
                        return None;
                    }
                    Some(secs)
                }
                Err(e) => {
                    self.err_help(
                        Code::InvalidDateTime,
                        s.span,
                        format!("invalid date-time `{text}`"),
                        "not a date-time",
                        e,
                    );
                    None
                }
            }
        } else {
            self.duration(s)
        }
    }

    fn expr_error(&mut self, lit: Span, e: ExprError) {
        let code = match e.kind {
            ExprErrorKind::Syntax | ExprErrorKind::Limit => Code::ExprSyntax,
            ExprErrorKind::Type => Code::ExprType,
            ExprErrorKind::UnknownName => Code::UnknownReference,
            ExprErrorKind::Format => Code::NeedsFormat2,
        };
        let text = &self.src.text;
        let span = if lit.is_empty() {
            lit
        } else {
            Span::new(
                content_to_file(text, lit, e.span.start),
                content_to_file(text, lit, e.span.end),
            )
        };
        self.push(Diagnostic::new(code, span, e.message, e.label).with_help_opt(e.help));
    }

    fn condition(&mut self, s: &m_spanned::SpStr) -> Option<Program> {
        let r = xc::compile_condition(&s.value, &self.syms, &mut self.usage);
        r.map_err(|e| self.expr_error(s.span, e)).ok()
    }

    fn typed(&mut self, text: &str, span: Span, want: Type) -> Option<Program> {
        let r = xc::compile_typed(text, want, &self.syms, &mut self.usage);
        r.map_err(|e| self.expr_error(span, e)).ok()
    }

    fn effects(&mut self, list: &[m_spanned::SpStr]) -> Vec<Effect> {
        if list.len() > MAX_EFFECTS {
            self.err(
                Code::TooLarge,
                list[MAX_EFFECTS].span,
                format!("more than {MAX_EFFECTS} effects in one list"),
                "too many",
            );
        }
        let mut out = Vec::new();
        for s in list.iter().take(MAX_EFFECTS) {
            if let Err(e) = xc::compile_effects(&s.value, &self.syms, &mut self.usage, &mut out) {
                self.expr_error(s.span, e);
            }
        }
        out
    }

    /// A probability: a number in 0..1 or an expression giving one.
    /// Compiles the random outcomes of an option or action (`owner` names it in messages).
    /// Compiles a decision's `pick`: limits within 1 and the number of options, min ≤ max.
    fn pick(&mut self, p: &mut crate::scenario::de::Spanned<m::Pick>, options: usize) -> c::Pick {
        if self.syms.format < 2 {
            self.err_help(
                Code::NeedsFormat2,
                p.span,
                "`pick` (several answers to one decision) needs format 2",
                "a construct of format 2",
                "write `format: 2` at the top of the file",
            );
        }
        let n = options.max(1) as u32;
        let limit = |v: &Option<crate::scenario::de::Spanned<u32>>, default: u32| {
            v.as_ref().map_or((default, p.span), |s| (s.value, s.span))
        };
        let (min, min_span) = limit(&p.value.min, 1);
        let (max, max_span) = limit(&p.value.max, n);
        if min == 0 || min > n {
            self.err_help(
                Code::BadPick,
                min_span,
                format!("`min: {min}` must be between 1 and the {n} options"),
                "out of range",
                "a team that may pick nothing needs an option that says so (e.g. `hold`): give `min: 1` and that option",
            );
        }
        if max == 0 || max > n || max < min {
            self.err_help(
                Code::BadPick,
                max_span,
                format!("`max: {max}` must be between `min` ({min}) and the {n} options"),
                "out of range",
                format!("leave `max` out to allow all {n} options"),
            );
        }
        let within = p.value.within.as_ref().and_then(|w| self.condition(w));
        c::Pick {
            min: min.clamp(1, n) as u16,
            max: max.clamp(min.clamp(1, n), n) as u16,
            within,
            unavailable: std::mem::take(&mut p.value.unavailable),
        }
    }

    fn outcomes(&mut self, owner: &str, span: Span, list: &mut [m::Outcome]) -> Vec<c::Outcome> {
        let mut outcomes = Vec::new();
        let mut rest = 0;
        let mut total = 0.0;
        if list.len() > MAX_OUTCOMES {
            self.err(
                Code::TooLarge,
                span,
                format!("{owner} has more than {MAX_OUTCOMES} outcomes"),
                "too many outcomes",
            );
        }
        for oc in list {
            let chance = match &oc.chance {
                Some(ch) => {
                    let p = self.probability(ch);
                    total += p.as_ref().and_then(Program::constant).unwrap_or(0.0);
                    p
                }
                None => {
                    rest += 1;
                    if rest > 1 {
                        self.err_help(
                            Code::BadProbability,
                            span,
                            format!("{owner} has more than one outcome without a `chance`"),
                            "ambiguous outcomes",
                            "only one outcome may leave out `chance`; it takes what the others leave",
                        );
                    }
                    None
                }
            };
            let follow_up = oc
                .follow_up
                .iter()
                .filter_map(|s| reference(&mut self.diags, s, "inject", &self.syms.injects))
                .collect();
            outcomes.push(c::Outcome {
                label: std::mem::take(&mut oc.label),
                chance,
                text: std::mem::take(&mut oc.text),
                effects: self.effects(&oc.effects),
                follow_up,
            });
        }
        if total > 1.0 + 1e-9 {
            self.err_help(
                Code::BadProbability,
                span,
                format!("the outcomes of {owner} add up to {total:.2}, more than 1"),
                "chances above 1",
                "make the chances add up to at most 1",
            );
        }
        outcomes
    }

    /// Compiles the repeatable actions.
    fn actions(&mut self, list: &mut [m::Action], teams: &IdMap<u16>) -> Vec<c::Action> {
        let mut out = Vec::new();
        for a in list {
            let teams = a
                .teams
                .iter()
                .filter_map(|t| reference(&mut self.diags, t, "team", teams))
                .collect();
            let requires = a.requires.as_ref().and_then(|r| self.condition(r));
            let cooldown = a
                .cooldown
                .as_ref()
                .and_then(|d| self.duration(d))
                .unwrap_or(0);
            if let Some(m) = &a.max_uses
                && m.value == 0
            {
                self.err_help(
                    Code::InvalidRange,
                    m.span,
                    format!(
                        "action `{}` can never be taken: `max_uses` is 0",
                        a.id.value
                    ),
                    "zero",
                    "leave `max_uses` out for no limit, or give at least 1",
                );
            }
            let effects = self.effects(&a.effects);
            let follow_up = a
                .follow_up
                .iter()
                .filter_map(|s| reference(&mut self.diags, s, "inject", &self.syms.injects))
                .collect();
            let owner = format!("action `{}`", a.id.value);
            let outcomes = self.outcomes(&owner, a.id.span, &mut a.outcomes);
            out.push(c::Action {
                id: a.id.value.clone(),
                label: std::mem::take(&mut a.label),
                description: std::mem::take(&mut a.description),
                teams,
                requires,
                unavailable: std::mem::take(&mut a.unavailable),
                cooldown,
                max_uses: a.max_uses.as_ref().map(|m| m.value),
                effects,
                follow_up,
                outcomes,
            });
        }
        out
    }

    fn probability(&mut self, lit: &m_spanned::SpLit) -> Option<Program> {
        match &lit.value {
            Literal::Num(p) => {
                if !(0.0..=1.0).contains(p) {
                    self.err_help(
                        Code::BadProbability,
                        lit.span,
                        format!("probability {p} is outside 0..1"),
                        "not a probability",
                        "write a probability as a number from 0 to 1, e.g. `0.3` for 30%",
                    );
                    return None;
                }
                Some(Program::new_const(*p))
            }
            Literal::Text(t) => self.typed(t, lit.span, Type::Num),
            Literal::Bool(_) => {
                self.err_help(
                    Code::WrongType,
                    lit.span,
                    "expected a probability, found true/false",
                    "not a probability",
                    "write a number from 0 to 1, or an expression such as `backups_tested ? 0.7 : 0.3`",
                );
                None
            }
        }
    }

    /// A starting value: a literal of the right type, or an expression over parameters only.
    fn start_value(
        &mut self,
        lit: &m_spanned::SpLit,
        want: Type,
        range: Option<(f64, f64)>,
    ) -> Option<Program> {
        let prog = match (&lit.value, want) {
            (Literal::Num(n), Type::Num) => {
                if let Some((lo, hi)) = range
                    && (*n < lo || *n > hi)
                {
                    self.err_help(
                        Code::InvalidRange,
                        lit.span,
                        format!(
                            "start value {} is outside the range {}..{}",
                            c::format_number(*n),
                            c::format_number(lo),
                            c::format_number(hi)
                        ),
                        "out of range",
                        "make the start lie between `min` and `max`",
                    );
                    return None;
                }
                Program::new_const(*n)
            }
            (Literal::Bool(b), Type::Bool) => Program::new_const(f64::from(u8::from(*b))),
            (Literal::Text(t), _) => {
                let p = self.typed(t, lit.span, want)?;
                let reads_state = p.ops().iter().any(|op| {
                    !matches!(
                        op,
                        Op::Const(_)
                            | Op::Param(_)
                            | Op::Not
                            | Op::Neg
                            | Op::Abs
                            | Op::Add
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
                            | Op::Ge
                            | Op::AndJump(_)
                            | Op::OrJump(_)
                            | Op::JumpIfFalse(_)
                            | Op::Jump(_)
                    )
                });
                if reads_state {
                    self.err_help(
                        Code::ExprType,
                        lit.span,
                        "a starting value can only use parameters and constants",
                        "reads the exercise state",
                        "starting values are computed at the briefing, before anything happens",
                    );
                    return None;
                }
                p
            }
            (_, Type::Bool) => {
                self.err(
                    Code::WrongType,
                    lit.span,
                    "expected `true`, `false` or an expression",
                    "wrong type",
                );
                return None;
            }
            _ => {
                self.err(
                    Code::WrongType,
                    lit.span,
                    "expected a number or an expression",
                    "wrong type",
                );
                return None;
            }
        };
        Some(prog)
    }

    fn run(&mut self, f: &mut ScenarioFile, files: &dyn Files, hash: String) -> Option<Scenario> {
        if !(m::FIRST_FORMAT_VERSION..=m::FORMAT_VERSION).contains(&f.format.value) {
            self.err_help(
                Code::UnsupportedFormat,
                f.format.span,
                format!("format version {} is not supported", f.format.value),
                "unsupported",
                format!(
                    "this version of Downtime reads `format: {}` and `format: {}`",
                    m::FIRST_FORMAT_VERSION,
                    m::FORMAT_VERSION
                ),
            );
        }
        let scored = match &f.scoring.value {
            Some(s) => s.score.value,
            None => false,
        };
        if !scored && f.format.value < 2 {
            let (span, what) = match &f.scoring.value {
                Some(s) => (s.score.span, "`score: false`"),
                None => (f.scoring.span, "`scoring: None`"),
            };
            self.err_help(
                Code::NeedsFormat2,
                span,
                format!("{what} (an exercise with no score) needs format 2"),
                "a construct of format 2",
                "write `format: 2` at the top of the file",
            );
        }
        let mut scoring = f.scoring.value.take().unwrap_or_default();
        if f.injects.len() > MAX_INJECTS {
            self.err(
                Code::TooLarge,
                f.injects[MAX_INJECTS].id.span,
                format!("more than {MAX_INJECTS} injects"),
                "too many injects",
            );
            return None;
        }

        // Ids and the symbol table.
        let mut values = IdMap::default();
        let teams = self.ids(Kind::Team, f.teams.iter().map(|t| &t.id), None);
        let objectives = self.ids(
            Kind::Objective,
            f.meta.objectives.iter().map(|o| &o.id),
            None,
        );
        let params = self.ids(
            Kind::Value,
            f.parameters.iter().map(|p| &p.id),
            Some(&mut values),
        );
        let metrics = self.ids(
            Kind::Value,
            f.metrics.iter().map(|x| &x.id),
            Some(&mut values),
        );
        let flags = self.ids(
            Kind::Value,
            f.flags.iter().map(|x| &x.id),
            Some(&mut values),
        );
        let counters = self.ids(
            Kind::Value,
            f.counters.iter().map(|x| &x.id),
            Some(&mut values),
        );
        let systems = self.ids(
            Kind::Value,
            f.systems.iter().map(|x| &x.id),
            Some(&mut values),
        );
        let services = self.ids(
            Kind::Value,
            f.services.iter().map(|x| &x.id),
            Some(&mut values),
        );
        let phases = self.ids(Kind::Phase, f.phases.iter().map(|x| &x.id), None);
        let injects = self.ids(Kind::Inject, f.injects.iter().map(|x| &x.id), None);
        let deadlines = self.ids(Kind::Deadline, f.deadlines.iter().map(|x| &x.id), None);
        self.ids(
            Kind::RandomEvent,
            f.random_events.iter().map(|x| &x.id),
            None,
        );
        let endings = self.ids(Kind::Ending, f.endings.iter().map(|x| &x.id), None);
        let actions = self.ids(Kind::Action, f.actions.value.iter().map(|x| &x.id), None);
        if !f.actions.value.is_empty() && f.format.value < 2 {
            self.err_help(
                Code::NeedsFormat2,
                f.actions.span,
                "`actions` (repeatable actions) need format 2",
                "a construct of format 2",
                "write `format: 2` at the top of the file",
            );
        }
        let check_ids = self.ids(Kind::Check, scoring.checks.iter().map(|x| &x.id), None);
        self.ids(
            Kind::Task,
            f.meta
                .objectives
                .iter()
                .flat_map(|o| o.tasks.iter().map(|t| &t.id)),
            None,
        );

        // Decisions: their id defaults to the inject's.
        let decision_list: Vec<(usize, &m::Decision)> = f
            .injects
            .iter()
            .enumerate()
            .filter_map(|(i, inj)| inj.decision.as_deref().map(|d| (i, d)))
            .collect();
        let decision_ids: Vec<m_spanned::SpStr> = decision_list
            .iter()
            .map(|(i, d)| d.id.clone().unwrap_or_else(|| f.injects[*i].id.clone()))
            .collect();
        let decisions = self.ids(Kind::Decision, decision_ids.iter(), None);
        let mut option_tables = Vec::new();
        for (_, d) in &decision_list {
            if d.options.value.len() > MAX_OPTIONS {
                self.err(
                    Code::TooLarge,
                    d.options.span,
                    format!("more than {MAX_OPTIONS} options"),
                    "too many options",
                );
            }
            let t = self.ids(Kind::Value, d.options.value.iter().map(|o| &o.id), None);
            option_tables.push(t);
        }

        let mut symbols = Symbols::default();
        for (n, i) in &params {
            let t = match &f.parameters[*i as usize].kind.value {
                ParamKind::Bool => ParamType::Bool,
                ParamKind::Choice(_) => ParamType::Choice,
                ParamKind::Number { .. } => ParamType::Num,
            };
            symbols.values.insert(n.clone(), Name::Param(*i, t));
        }
        for (n, i) in &metrics {
            symbols.values.insert(n.clone(), Name::Metric(*i));
        }
        for (n, i) in &flags {
            symbols.values.insert(n.clone(), Name::Flag(*i));
        }
        for (n, i) in &counters {
            symbols.values.insert(n.clone(), Name::Counter(*i));
        }
        for (n, i) in &systems {
            symbols.values.insert(n.clone(), Name::System(*i));
        }
        for (n, i) in &services {
            symbols.values.insert(n.clone(), Name::Service(*i));
        }
        symbols.injects = injects;
        symbols.decisions = decisions;
        symbols.options = option_tables;
        symbols.deadlines = deadlines;
        symbols.endings = endings;
        symbols.phases = phases;
        symbols.actions = actions;
        symbols.choices = f
            .parameters
            .iter()
            .map(|p| match &p.kind.value {
                ParamKind::Choice(c) => c.clone(),
                _ => Vec::new(),
            })
            .collect();
        symbols.format = f.format.value;
        self.syms = symbols;
        self.usage = Usage::new(
            f.flags.len(),
            f.metrics.len(),
            f.counters.len(),
            f.injects.len(),
            f.deadlines.len(),
            f.endings.len(),
            f.systems.len(),
        );

        // Meta.
        let duration = f.meta.duration.as_ref().and_then(|d| self.duration(d));
        let scenario_id = f.meta.id.value.as_str();
        if scenario_id.trim().is_empty() {
            self.err(
                Code::InvalidId,
                f.meta.id.span,
                "the scenario id cannot be empty",
                "empty id",
            );
        } else if !scenario_id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
            || scenario_id.starts_with('-')
        {
            // It names journals and report files, and is shown in every output.
            self.err_help(
                Code::InvalidId,
                f.meta.id.span,
                format!(
                    "`{}` is not a valid scenario id",
                    crate::text::sanitize_line(scenario_id)
                ),
                "invalid id",
                "a scenario id contains only ASCII letters, digits, `-` and `_`, e.g. `saturday-night-blackout`",
            );
        }
        if f.teams.is_empty() {
            self.err_help(
                Code::MissingField,
                Span::default(),
                "a scenario needs at least one team",
                "no teams",
                "add `teams: [(id: \"crisis\", name: \"Crisis cell\")]`",
            );
        }

        // Clock.
        let clock_start = match time::parse_datetime(&f.clock.start.value) {
            Ok(t) => Some(t),
            Err(e) => {
                self.err_help(
                    Code::InvalidDateTime,
                    f.clock.start.span,
                    format!("invalid date-time `{}`", f.clock.start.value),
                    "not a date-time",
                    e,
                );
                None
            }
        };
        self.zone = f.clock.zone.as_ref().and_then(|z| self.clock_zone(z));
        let step = self.duration(&f.clock.step);
        let end = self.duration(&f.clock.end);
        if step == Some(0) {
            self.err(
                Code::InvalidRange,
                f.clock.step.span,
                "the clock step cannot be zero",
                "zero step",
            );
        }
        if end == Some(0) {
            self.err(
                Code::InvalidRange,
                f.clock.end.span,
                "the clock's end cannot be zero",
                "zero length",
            );
        }
        let end_secs = end.unwrap_or(Secs::MAX);

        // Phases.
        let mut phase_list = Vec::new();
        let mut last: Option<Secs> = None;
        for p in &mut f.phases {
            let start = self.time_point(&p.start, clock_start);
            let pstep = match &p.step {
                Some(s) => {
                    let d = self.duration(s);
                    if d == Some(0) {
                        self.err(
                            Code::InvalidRange,
                            s.span,
                            "a phase's step cannot be zero",
                            "zero step",
                        );
                    }
                    d
                }
                None => step,
            };
            if let Some(s) = start {
                if last.is_none() && s != 0 {
                    self.err_help(
                        Code::PhaseOrder,
                        p.start.span,
                        "the first phase must start at `0m`",
                        "not at the start",
                        "start the first phase at `0m`, the clock's start",
                    );
                }
                if let Some(l) = last
                    && s <= l
                {
                    self.err_help(Code::PhaseOrder, p.start.span, "phases must start in increasing order", "starts no later than the phase before", "list phases in the order they happen, each starting after the previous one");
                }
                if s >= end_secs {
                    self.err(
                        Code::PhaseOrder,
                        p.start.span,
                        "this phase starts after the clock's end",
                        "after the end",
                    );
                }
                last = Some(s);
            }
            phase_list.push(c::Phase {
                id: p.id.value.clone(),
                title: std::mem::take(&mut p.title),
                start: start.unwrap_or(0),
                step: pstep.unwrap_or(900).max(1),
                briefing: std::mem::take(&mut p.briefing),
                questions: std::mem::take(&mut p.questions),
                notes: std::mem::take(&mut p.notes),
                estimate: p.estimate.as_ref().and_then(|e| self.duration(e)),
                on_enter: self.on_enter(p),
            });
        }
        if phase_list.is_empty() {
            phase_list.push(c::Phase {
                id: "exercise".into(),
                title: f.meta.title.clone(),
                start: 0,
                step: step.unwrap_or(900).max(1),
                briefing: f.meta.setting.clone(),
                questions: Vec::new(),
                notes: String::new(),
                estimate: None,
                on_enter: Vec::new(),
            });
        }
        if let Some(end) = end
            && end > 0
            && phase_list.iter().all(|p| p.start < end)
        {
            let steps: i64 = phase_list
                .iter()
                .enumerate()
                .map(|(i, p)| {
                    let until = phase_list.get(i + 1).map_or(end, |n| n.start.min(end));
                    let step = p.step.max(1);
                    ((until - p.start).max(0) + step - 1) / step
                })
                .sum();
            if steps > MAX_STEPS {
                self.err_help(
                    Code::TooLarge,
                    f.clock.end.span,
                    format!(
                        "the clock takes {steps} steps to reach its end; the limit is {MAX_STEPS}"
                    ),
                    "too many steps",
                    "use a longer `step` (for the clock or for a phase) or an earlier `end`",
                );
            }
        }

        // Parameters.
        let mut param_list = Vec::new();
        for p in &mut f.parameters {
            let default = match (&p.kind.value, &p.default.value) {
                (ParamKind::Bool, Literal::Bool(b)) => Some(c::ParamValue::Bool(*b)),
                (ParamKind::Number { min, max }, Literal::Num(n)) => {
                    if min > max {
                        self.err(
                            Code::InvalidRange,
                            p.kind.span,
                            format!("min {min} is above max {max}"),
                            "empty range",
                        );
                        None
                    } else if n < min || n > max {
                        self.err(
                            Code::InvalidRange,
                            p.default.span,
                            format!("default {n} is outside {min}..{max}"),
                            "out of range",
                        );
                        None
                    } else {
                        Some(c::ParamValue::Num(*n))
                    }
                }
                (ParamKind::Choice(choices), Literal::Text(t)) => {
                    if choices.is_empty() {
                        self.err(
                            Code::InvalidRange,
                            p.kind.span,
                            "a choice parameter needs at least one choice",
                            "no choices",
                        );
                        None
                    } else if let Some(i) = choices.iter().position(|c| c == t) {
                        Some(c::ParamValue::Choice(i as u16))
                    } else {
                        let help = did_you_mean(t, choices.iter().map(String::as_str))
                            .map(|m| format!("did you mean \"{m}\"?"))
                            .unwrap_or_else(|| format!("the choices are {}", choices.join(", ")));
                        self.err_help(
                            Code::InvalidRange,
                            p.default.span,
                            format!("default \"{t}\" is not one of the choices"),
                            "not a choice",
                            help,
                        );
                        None
                    }
                }
                (kind, _) => {
                    let want = match kind {
                        ParamKind::Bool => "`true` or `false`",
                        ParamKind::Number { .. } => "a number",
                        ParamKind::Choice(_) => "one of the choices, as a string",
                    };
                    self.err(
                        Code::WrongType,
                        p.default.span,
                        format!("the default must be {want}"),
                        "wrong type",
                    );
                    None
                }
            };
            if let ParamKind::Choice(choices) = &p.kind.value {
                let mut sorted: Vec<&String> = choices.iter().collect();
                sorted.sort();
                if sorted.windows(2).any(|w| w[0] == w[1]) {
                    self.err(
                        Code::DuplicateId,
                        p.kind.span,
                        "a choice is listed twice",
                        "duplicate choice",
                    );
                }
            }
            let labels = match &p.kind.value {
                ParamKind::Choice(choices) => {
                    for key in p.labels.value.keys() {
                        if choices.contains(key) {
                            continue;
                        }
                        let help = did_you_mean(key, choices.iter().map(String::as_str))
                            .map(|m| format!("did you mean \"{m}\"?"))
                            .unwrap_or_else(|| format!("the choices are {}", choices.join(", ")));
                        self.err_help(
                            Code::UnknownReference,
                            p.labels.span,
                            format!(
                                "a label is given for \"{key}\", which is not one of the choices"
                            ),
                            "not a choice",
                            help,
                        );
                    }
                    choices
                        .iter()
                        .map(|c| p.labels.value.get(c).cloned().unwrap_or_else(|| c.clone()))
                        .collect()
                }
                _ if !p.labels.value.is_empty() => {
                    self.err_help(
                        Code::WrongType,
                        p.labels.span,
                        "only the choices of a `Choice` parameter take labels",
                        "not a choice parameter",
                        "remove `labels`, or make the parameter a `Choice`",
                    );
                    Vec::new()
                }
                _ => Vec::new(),
            };
            param_list.push(c::Param {
                id: p.id.value.clone(),
                label: std::mem::take(&mut p.label),
                help: std::mem::take(&mut p.help),
                kind: p.kind.value.clone(),
                default: default.unwrap_or(c::ParamValue::Bool(false)),
                labels,
            });
        }

        // Metrics, flags, counters.
        let mut metric_list = Vec::new();
        for x in &mut f.metrics {
            let (lo, hi) = (x.min.value, x.max.value);
            if lo > hi {
                self.err_help(
                    Code::InvalidRange,
                    x.min.span,
                    format!(
                        "min {} is above max {}",
                        c::format_number(lo),
                        c::format_number(hi)
                    ),
                    "min above max",
                    "swap `min` and `max`",
                );
            }
            let start = self.start_value(&x.start, Type::Num, (lo <= hi).then_some((lo, hi)));
            let mut thresholds = Vec::new();
            for t in &mut x.thresholds {
                match (t.value.below, t.value.above) {
                    (Some(_), Some(_)) | (None, None) => self.err_help(Code::InvalidRange, t.span, "a threshold needs exactly one of `below` or `above`", "ambiguous threshold", "write `(below: 30, label: \"critical\")` or `(above: 80, label: \"overloaded\")`"),
                    _ => {}
                }
                thresholds.push(c::Threshold {
                    below: t.value.below,
                    above: t.value.above,
                    label: std::mem::take(&mut t.value.label),
                });
            }
            if x.weight.value < 0.0 {
                self.err(
                    Code::InvalidRange,
                    x.weight.span,
                    "a weight cannot be negative",
                    "negative weight",
                );
            }
            metric_list.push(c::Metric {
                id: x.id.value.clone(),
                label: std::mem::take(&mut x.label),
                unit: std::mem::take(&mut x.unit),
                description: std::mem::take(&mut x.description),
                start: start.unwrap_or_else(|| Program::new_const(lo)),
                min: lo,
                max: hi,
                good: x.good,
                thresholds,
                weight: x.weight.value,
            });
        }
        let mut flag_list = Vec::new();
        for x in &mut f.flags {
            let start = self.start_value(&x.start, Type::Bool, None);
            flag_list.push(c::Named {
                id: x.id.value.clone(),
                label: if x.label.is_empty() {
                    x.id.value.clone()
                } else {
                    std::mem::take(&mut x.label)
                },
                start: start.unwrap_or_else(|| Program::new_const(0.0)),
            });
        }
        let mut counter_list = Vec::new();
        for x in &mut f.counters {
            let start = self.start_value(&x.start, Type::Num, None);
            counter_list.push(c::Counter {
                id: x.id.value.clone(),
                label: if x.label.is_empty() {
                    x.id.value.clone()
                } else {
                    std::mem::take(&mut x.label)
                },
                unit: std::mem::take(&mut x.unit),
                start: start.unwrap_or_else(|| Program::new_const(0.0)),
            });
        }

        // Systems and services.
        let system_list: Vec<c::System> = f
            .systems
            .iter_mut()
            .map(|s| c::System {
                id: s.id.value.clone(),
                name: std::mem::take(&mut s.name),
                description: std::mem::take(&mut s.description),
                state: s.state,
            })
            .collect();
        let mut service_list = Vec::new();
        for s in &mut f.services {
            let deps: Vec<u16> = s
                .depends_on
                .iter()
                .filter_map(|d| reference(&mut self.diags, d, "system", &systems))
                .collect();
            if s.depends_on.is_empty() {
                self.err_help(
                    Code::MissingField,
                    s.id.span,
                    format!("service `{}` depends on no system", s.id.value),
                    "no dependencies",
                    "list the systems it needs in `depends_on`",
                );
            }
            let paper = match &s.paper.value {
                Literal::Num(n) if (0.0..=100.0).contains(n) => Some(Program::new_const(*n)),
                Literal::Num(n) => {
                    self.err(
                        Code::InvalidRange,
                        s.paper.span,
                        format!("paper capacity {n} is outside 0..100"),
                        "out of range",
                    );
                    None
                }
                Literal::Text(t) => self.typed(t, s.paper.span, Type::Num),
                Literal::Bool(_) => {
                    self.err(
                        Code::WrongType,
                        s.paper.span,
                        "expected a capacity from 0 to 100",
                        "wrong type",
                    );
                    None
                }
            };
            let planned = self.duration(&s.planned_for);
            for (v, what) in [(&s.floor, "floor"), (&s.decay, "decay")] {
                if !(0.0..=100.0).contains(&v.value) {
                    self.err(
                        Code::InvalidRange,
                        v.span,
                        format!("{what} {} is outside 0..100", v.value),
                        "out of range",
                    );
                }
            }
            service_list.push(c::Service {
                id: s.id.value.clone(),
                name: std::mem::take(&mut s.name),
                description: std::mem::take(&mut s.description),
                depends_on: deps,
                paper: paper.unwrap_or_else(|| Program::new_const(0.0)),
                planned_for: planned.unwrap_or(0),
                decay: s.decay.value,
                floor: s.floor.value,
            });
        }

        // The cast, then injects and decisions.
        let (cast, cast_ids) = self.cast(&mut f.cast);
        let mut inject_list = Vec::new();
        let mut decision_list_c = Vec::new();
        for (ii, inj) in f.injects.iter_mut().enumerate() {
            let triggers: Vec<Span> = [
                inj.at.as_ref().map(|s| s.span),
                inj.after.as_ref().map(|s| s.span),
                inj.when.as_ref().map(|s| s.span),
            ]
            .into_iter()
            .flatten()
            .collect();
            if triggers.len() > 1 {
                self.err_help(
                    Code::BadTrigger,
                    triggers[1],
                    format!("inject `{}` has more than one trigger", inj.id.value),
                    "second trigger",
                    "use one of `at`, `after` or `when`; chain further injects with `after`",
                );
            }
            self.pool_rules(inj);
            let trigger = if let Some(at) = &inj.at {
                match self.inject_time(at, clock_start, &phase_list) {
                    Some(t) => {
                        if t > end_secs {
                            self.push(Diagnostic::new(Code::AfterEnd, at.span, format!("inject `{}` is timed after the clock's end", inj.id.value), "after the end")
                                .with_help(format!("the clock ends at {}; move the inject earlier or extend `clock.end`", time::format_offset(end_secs))));
                        }
                        c::Trigger::At(t)
                    }
                    None => c::Trigger::Manual,
                }
            } else if let Some(after) = &inj.after {
                match after.value.split_once('.') {
                    Some((d, o)) => {
                        let dsp = m_spanned::SpStr {
                            span: Span::new(
                                content_to_file(&self.src.text, after.span, 0),
                                content_to_file(&self.src.text, after.span, d.len()),
                            ),
                            value: d.to_string(),
                        };
                        match reference(&mut self.diags, &dsp, "decision", &self.syms.decisions) {
                            Some(di) => {
                                let osp = m_spanned::SpStr {
                                    span: Span::new(
                                        content_to_file(&self.src.text, after.span, d.len() + 1),
                                        content_to_file(
                                            &self.src.text,
                                            after.span,
                                            after.value.len(),
                                        ),
                                    ),
                                    value: o.to_string(),
                                };
                                match reference(
                                    &mut self.diags,
                                    &osp,
                                    "option",
                                    &self.syms.options[di as usize],
                                ) {
                                    Some(oi) => c::Trigger::AfterOption(di, oi),
                                    None => c::Trigger::Manual,
                                }
                            }
                            None => c::Trigger::Manual,
                        }
                    }
                    None => match reference(&mut self.diags, after, "inject", &self.syms.injects) {
                        Some(p) if p as usize == ii => {
                            self.err(
                                Code::BadTrigger,
                                after.span,
                                "an inject cannot follow itself",
                                "self reference",
                            );
                            c::Trigger::Manual
                        }
                        Some(p) => c::Trigger::AfterInject(p),
                        None => c::Trigger::Manual,
                    },
                }
            } else if let Some(w) = &inj.when {
                match self.condition(w) {
                    Some(p) => c::Trigger::When(p),
                    None => c::Trigger::Manual,
                }
            } else {
                c::Trigger::Manual
            };
            let delay = inj
                .delay
                .as_ref()
                .and_then(|d| self.duration(d))
                .unwrap_or(0);
            let chance = inj.chance.as_ref().and_then(|l| self.probability(l));
            let unless = inj.unless.as_ref().and_then(|w| self.condition(w));
            let teams_c: Vec<u16> = inj
                .teams
                .iter()
                .filter_map(|t| reference(&mut self.diags, t, "team", &teams))
                .collect();
            let attachment = inj
                .attachment
                .as_ref()
                .and_then(|a| match files.read(&a.value) {
                    Ok(text) => Some(c::Attachment {
                        name: a.value.clone(),
                        text,
                    }),
                    Err(e) => {
                        self.err_help(
                            Code::BadAttachment,
                            a.span,
                            format!("attachment `{}` cannot be used", a.value),
                            "cannot be used",
                            e,
                        );
                        None
                    }
                });
            let effects = self.effects(&inj.effects);
            let decision = inj.decision.as_mut().map(|d| {
                let di = decision_list_c.len();
                let team = reference(&mut self.diags, &d.team, "team", &teams).unwrap_or(0);
                if d.options.value.is_empty() {
                    self.err_help(Code::NoOptions, d.options.span, "a decision needs at least one option", "no options", "add options such as `(id: \"isolate\", label: \"Cut the network now\")`");
                }
                let mut options = Vec::new();
                for o in &mut d.options.value {
                    let requires = o.requires.as_ref().and_then(|r| self.condition(r));
                    let effects = self.effects(&o.effects);
                    let follow_up = o.follow_up.iter().filter_map(|s| reference(&mut self.diags, s, "inject", &self.syms.injects)).collect();
                    let owner = format!("option `{}`", o.id.value);
                    let outcomes = self.outcomes(&owner, o.id.span, &mut o.outcomes);
                    options.push(c::DecisionOption {
                        id: o.id.value.clone(),
                        label: std::mem::take(&mut o.label),
                        requires,
                        unavailable: std::mem::take(&mut o.unavailable),
                        effects,
                        follow_up,
                        outcomes,
                        recommended: o.recommended,
                    });
                }
                let timeout = d.timeout.as_ref().and_then(|t| {
                    let real = t.real.as_ref().and_then(|r| self.duration(r));
                    let scen = t.scenario.as_ref().and_then(|s| self.duration(s));
                    if t.real.is_none() && t.scenario.is_none() {
                        self.err_help(Code::MissingField, t.default.span, "a timeout needs `real`, `scenario` or both", "no time limit", "add `real: \"5m\"` (real minutes) or `scenario: \"1h\"` (scenario time)");
                    }
                    let table = &self.syms.options.get(di).cloned().unwrap_or_default();
                    let default = match table.get(t.default.value.as_str()) {
                        Some(i) => Some(*i),
                        None => {
                            let help = did_you_mean(&t.default.value, table.keys().map(String::as_str))
                                .map(|m| format!("did you mean `{m}`?"))
                                .unwrap_or_else(|| {
                                    // In file order, as the author wrote them.
                                    let mut ids: Vec<(&u16, &String)> = table.iter().map(|(k, v)| (v, k)).collect();
                                    ids.sort_unstable();
                                    format!("the options are: {}", ids.iter().map(|(_, k)| k.as_str()).collect::<Vec<_>>().join(", "))
                                });
                            self.err_help(Code::BadDefaultOption, t.default.span, format!("default option `{}` is not one of this decision's options", t.default.value), "not an option", help);
                            None
                        }
                    };
                    Some(c::Timeout { real, scenario: scen, default: default? })
                });
                let pick = d.pick.as_mut().map(|p| self.pick(p, options.len()));
                decision_list_c.push(c::Decision {
                    id: decision_ids[di].value.clone(),
                    inject: ii as u16,
                    team,
                    prompt: std::mem::take(&mut d.prompt),
                    options,
                    timeout,
                    order: d.order,
                    pick,
                });
                di as u16
            });
            let (sender, from) = self.sender(inj, &cast, &cast_ids);
            inject_list.push(c::Inject {
                id: inj.id.value.clone(),
                title: std::mem::take(&mut inj.title),
                trigger,
                delay,
                chance,
                unless,
                teams: teams_c,
                channel: inj.channel,
                sender,
                from,
                curveball: inj.curveball.value,
                repeat: inj.repeat.value,
                hidden: inj.hidden.value,
                severity: inj.severity,
                body: std::mem::take(&mut inj.body),
                attachment,
                notes: std::mem::take(&mut inj.notes),
                questions: std::mem::take(&mut inj.questions),
                effects,
                decision,
            });
        }

        let action_list = self.actions(&mut f.actions.value, &teams);

        // Deadlines, random events, endings.
        let mut deadline_list = Vec::new();
        for d in &mut f.deadlines {
            let duration = self.duration(&d.duration);
            if duration == Some(0) {
                self.err(
                    Code::InvalidRange,
                    d.duration.span,
                    "a deadline's duration cannot be zero",
                    "zero",
                );
            }
            let team = d
                .team
                .as_ref()
                .and_then(|t| reference(&mut self.diags, t, "team", &teams));
            deadline_list.push(c::Deadline {
                id: d.id.value.clone(),
                label: std::mem::take(&mut d.label),
                duration: duration.unwrap_or(1),
                team,
                kind: d.kind,
                description: std::mem::take(&mut d.description),
                reference: std::mem::take(&mut d.reference),
                on_met: self.effects(&d.on_met),
                on_missed: self.effects(&d.on_missed),
            });
        }
        let mut random_list = Vec::new();
        for r in &mut f.random_events {
            let chance = self.probability(&r.chance);
            let when = r.when.as_ref().and_then(|w| self.condition(w));
            let effects = self.effects(&r.effects);
            random_list.push(c::RandomEvent {
                id: r.id.value.clone(),
                label: if r.label.is_empty() {
                    r.id.value.clone()
                } else {
                    std::mem::take(&mut r.label)
                },
                chance: chance.unwrap_or_else(|| Program::new_const(0.0)),
                when,
                once: r.once,
                effects,
            });
        }
        let mut ending_list = Vec::new();
        let mut defaults = Vec::new();
        for (i, e) in f.endings.iter_mut().enumerate() {
            if e.default.value {
                defaults.push((i, e.default.span));
            }
            let when = e.when.as_ref().and_then(|w| self.condition(w));
            ending_list.push(c::Ending {
                id: e.id.value.clone(),
                title: std::mem::take(&mut e.title),
                when,
                debrief: std::mem::take(&mut e.debrief),
            });
        }
        if f.endings.is_empty() {
            self.err_help(
                Code::DefaultEnding,
                Span::default(),
                "a scenario needs at least one ending",
                "no endings",
                "add `endings: [(id: \"time_up\", title: \"The exercise ends\", default: true)]`",
            );
        } else if defaults.is_empty() {
            self.err_help(
                Code::DefaultEnding,
                f.endings[0].id.span,
                "no ending is marked `default: true`",
                "no default ending",
                "mark the ending used when the clock runs out with `default: true`",
            );
        } else if defaults.len() > 1 {
            self.err_help(
                Code::DefaultEnding,
                defaults[1].1,
                "more than one ending is marked `default: true`",
                "second default",
                "exactly one ending is the default, used when the clock runs out",
            );
        }

        // Scoring.
        let mut grades = Vec::new();
        for g in &mut scoring.grades {
            if !(0.0..=100.0).contains(&g.min.value) {
                self.err(
                    Code::InvalidRange,
                    g.min.span,
                    format!("grade minimum {} is outside 0..100", g.min.value),
                    "out of range",
                );
            }
            grades.push(c::Grade {
                min: g.min.value,
                grade: std::mem::take(&mut g.grade),
                label: std::mem::take(&mut g.label),
            });
        }
        grades.sort_by(|a, b| b.min.total_cmp(&a.min));
        let mut checks = Vec::new();
        for ch in &mut scoring.checks {
            let when = self.condition(&ch.when);
            let within = ch.within.as_ref().and_then(|w| self.duration(w));
            let from = ch
                .from
                .as_ref()
                .and_then(|s| reference(&mut self.diags, s, "inject", &self.syms.injects));
            if ch.from.is_some() && ch.within.is_none() {
                self.err_help(
                    Code::MissingField,
                    ch.from.as_ref().map(|s| s.span).unwrap_or_default(),
                    "`from` only makes sense with `within`",
                    "no window",
                    "add `within: \"1h\"` or remove `from`",
                );
            }
            let objective = ch
                .objective
                .as_ref()
                .and_then(|o| reference(&mut self.diags, o, "objective", &objectives));
            checks.push(c::Check {
                id: ch.id.value.clone(),
                title: std::mem::take(&mut ch.title),
                when: when.unwrap_or_else(|| Program::new_const(0.0)),
                within,
                from,
                objective,
                lesson: std::mem::take(&mut ch.lesson),
                reference: std::mem::take(&mut ch.reference),
            });
        }
        // Critical tasks: a check listed in a task evidences the task's objective.
        let mut tasks: Vec<Vec<c::CriticalTask>> = Vec::new();
        for (oi, o) in f.meta.objectives.iter_mut().enumerate() {
            let mut list = Vec::new();
            for t in &mut o.tasks {
                let mut ids = Vec::new();
                for r in &t.checks {
                    let Some(k) = reference(&mut self.diags, r, "check", &check_ids) else {
                        continue;
                    };
                    let ch = &mut checks[k as usize];
                    match ch.objective {
                        Some(x) if x != oi as u16 => self.err_help(
                            Code::UnknownReference,
                            r.span,
                            format!(
                                "check `{}` evidences another objective",
                                r.value
                            ),
                            "other objective",
                            "a check evidences one objective: list it in that objective's tasks, or change its `objective`",
                        ),
                        _ => ch.objective = Some(oi as u16),
                    }
                    ids.push(k);
                }
                list.push(c::CriticalTask {
                    id: t.id.value.clone(),
                    text: std::mem::take(&mut t.text),
                    checks: ids,
                    target: std::mem::take(&mut t.target),
                });
            }
            tasks.push(list);
        }
        let mut tasks = tasks.into_iter();

        let mut scenario = Scenario {
            meta: c::Meta {
                id: f.meta.id.value.clone(),
                title: std::mem::take(&mut f.meta.title),
                summary: std::mem::take(&mut f.meta.summary),
                language: f.meta.language.value.clone(),
                authors: std::mem::take(&mut f.meta.authors),
                version: std::mem::take(&mut f.meta.version),
                duration,
                setting: std::mem::take(&mut f.meta.setting),
                how_to_play: std::mem::take(&mut f.meta.how_to_play),
                objectives: f
                    .meta
                    .objectives
                    .iter_mut()
                    .map(|o| c::Objective {
                        id: o.id.value.clone(),
                        text: std::mem::take(&mut o.text),
                        capability: o.capability.clone(),
                        tasks: tasks.next().unwrap_or_default(),
                    })
                    .collect(),
                sources: f
                    .meta
                    .sources
                    .iter_mut()
                    .map(|s| c::Source {
                        title: std::mem::take(&mut s.title),
                        url: s.url.clone(),
                        note: s.note.clone(),
                    })
                    .collect(),
            },
            hash,
            translation_hash: None,
            teams: f
                .teams
                .iter_mut()
                .map(|t| c::Team {
                    id: t.id.value.clone(),
                    name: std::mem::take(&mut t.name),
                    description: std::mem::take(&mut t.description),
                })
                .collect(),
            cast,
            clock: c::Clock {
                start: clock_start.unwrap_or_default(),
                zone: self.zone,
                step: step.unwrap_or(900).max(1),
                end: end.unwrap_or(c::DEFAULT_END).max(1),
            },
            phases: phase_list,
            params: param_list,
            metrics: metric_list,
            flags: flag_list,
            counters: counter_list,
            systems: system_list,
            services: service_list,
            injects: inject_list,
            decisions: decision_list_c,
            actions: action_list,
            deadlines: deadline_list,
            random_events: random_list,
            endings: ending_list,
            default_ending: defaults.first().map(|(i, _)| *i as u16).unwrap_or(0),
            scored,
            grades,
            checks,
            index: c::Index::default(),
        };
        scenario.index = c::Index::build(&scenario);
        // Lints only on an error-free file: an error often causes spurious warnings.
        if !self
            .diags
            .iter()
            .any(|d| d.severity() == super::diagnostics::Severity::Error)
        {
            self.lints(f, &scenario, &decision_ids);
        }
        Some(scenario)
    }

    fn lints(&mut self, f: &ScenarioFile, s: &Scenario, decision_ids: &[m_spanned::SpStr]) {
        // Injects that can fire: a fixpoint over triggers, effects and follow-ups.
        let n = s.injects.len();
        let mut can = vec![false; n];
        let mut scheduled_by_any = vec![false; n];
        let mut changed = true;
        let sched = |effects: &[Effect], out: &mut Vec<bool>| {
            Effect::walk(effects, &mut |e| {
                if let Effect::Schedule { inject, .. } = e {
                    out[*inject as usize] = true;
                }
            });
        };
        // Effects outside injects (random events, deadlines, actions) are taken as possible.
        for r in &s.random_events {
            if r.chance.constant() != Some(0.0) {
                sched(&r.effects, &mut scheduled_by_any);
            }
        }
        for a in &s.actions {
            if a.requires.as_ref().and_then(Program::constant) == Some(0.0) {
                continue;
            }
            sched(&a.effects, &mut scheduled_by_any);
            for &f in a
                .follow_up
                .iter()
                .chain(a.outcomes.iter().flat_map(|o| &o.follow_up))
            {
                scheduled_by_any[f as usize] = true;
            }
            for oc in &a.outcomes {
                sched(&oc.effects, &mut scheduled_by_any);
            }
        }
        for p in &s.phases {
            sched(&p.on_enter, &mut scheduled_by_any);
        }
        for (di, d) in s.deadlines.iter().enumerate() {
            if self
                .usage
                .deadlines_started
                .get(di)
                .copied()
                .unwrap_or(false)
            {
                sched(&d.on_met, &mut scheduled_by_any);
                sched(&d.on_missed, &mut scheduled_by_any);
            }
        }
        while changed {
            changed = false;
            for i in 0..n {
                if can[i] {
                    continue;
                }
                let inj = &s.injects[i];
                let possible = scheduled_by_any[i]
                    || match &inj.trigger {
                        c::Trigger::At(_) => true,
                        c::Trigger::When(p) => p.constant() != Some(0.0),
                        c::Trigger::AfterInject(p) => can[*p as usize],
                        c::Trigger::AfterOption(d, _) => {
                            can[s.decisions[*d as usize].inject as usize]
                        }
                        c::Trigger::Manual => false,
                    };
                if possible && inj.chance.as_ref().and_then(Program::constant) != Some(0.0) {
                    can[i] = true;
                    changed = true;
                    sched(&inj.effects, &mut scheduled_by_any);
                    if let Some(d) = inj.decision {
                        for o in &s.decisions[d as usize].options {
                            sched(&o.effects, &mut scheduled_by_any);
                            for f in &o.follow_up {
                                scheduled_by_any[*f as usize] = true;
                            }
                            for oc in &o.outcomes {
                                sched(&oc.effects, &mut scheduled_by_any);
                                for f in &oc.follow_up {
                                    scheduled_by_any[*f as usize] = true;
                                }
                            }
                        }
                    }
                }
            }
        }
        for (i, inj) in f.injects.iter().enumerate() {
            let zero_chance = s.injects[i].chance.as_ref().and_then(Program::constant) == Some(0.0);
            if !can[i] && !s.injects[i].curveball {
                let help = match &s.injects[i].trigger {
                    _ if zero_chance => "its `chance` is 0, so the roll always fails; raise it, or leave `chance` out for an inject that always fires (the facilitator can still fire it by hand)".to_string(),
                    c::Trigger::Manual => "it has no `at`, `after` or `when`, and no effect or follow-up schedules it; give it a trigger, or list it in an option's `follow_up` (the facilitator can still fire it by hand)".to_string(),
                    _ => "what it follows can never happen; give it a trigger, or list it in an option's `follow_up` (the facilitator can still fire it by hand)".to_string(),
                };
                self.push(
                    Diagnostic::new(
                        Code::NeverFires,
                        inj.id.span,
                        format!("inject `{}` can never fire", inj.id.value),
                        "never fires",
                    )
                    .with_help(help),
                );
            }
            // `delay` counts from `after`, `when`, a follow-up or `schedule(...)`, never from `at`.
            if let (Some(at), Some(delay)) = (&inj.at, &inj.delay)
                && !scheduled_by_any[i]
            {
                self.push(
                    Diagnostic::new(
                        Code::DelayWithAt,
                        delay.span,
                        format!("inject `{}` has both `at` and `delay`: the delay is ignored", inj.id.value),
                        "ignored beside `at`",
                    )
                    .with_help(
                        match (time::parse_duration(&at.value), time::parse_duration(&delay.value)) {
                            (Ok(a), Ok(d)) => format!(
                                "`at` is when it fires; to fire {} later, write `at: \"{}\"` and remove `delay`",
                                delay.value,
                                time::format_duration(a + d)
                            ),
                            _ => "`at` is when it fires: add the delay to that time, and remove `delay`".to_string(),
                        },
                    ),
                );
            }
        }
        // Endings.
        for (i, e) in f.endings.iter().enumerate() {
            let ce = &s.endings[i];
            let reachable = e.default.value
                || self.usage.endings_targeted[i]
                || ce.when.as_ref().is_some_and(|p| p.constant() != Some(0.0));
            if !reachable {
                self.push(
                    Diagnostic::new(
                        Code::UnreachableEnding,
                        e.id.span,
                        format!("ending `{}` can never be reached", e.id.value),
                        "unreachable",
                    )
                    .with_help("give it a `when` condition, or reach it with an `end(...)` effect"),
                );
            }
        }
        for (i, x) in f.metrics.iter().enumerate() {
            if !self.usage.metrics_changed[i] {
                self.push(
                    Diagnostic::new(
                        Code::MetricNeverChanged,
                        x.id.span,
                        format!("metric `{}` is never changed", x.id.value),
                        "never changes",
                    )
                    .with_help(format!(
                        "no effect changes it; add one such as `{} -= 10`, or remove the metric",
                        x.id.value
                    )),
                );
            }
        }
        for (i, x) in f.flags.iter().enumerate() {
            let (read, set) = (self.usage.flags_read[i], self.usage.flags_set[i]);
            if set && !read {
                self.push(
                    Diagnostic::new(
                        Code::FlagNeverRead,
                        x.id.span,
                        format!("flag `{}` is set but never read", x.id.value),
                        "never read",
                    )
                    .with_help("use it in a condition (`when`, `requires`, a check) or remove it"),
                );
            }
            let starts_true = !matches!(x.start.value, Literal::Bool(false));
            if read && !set && !starts_true {
                self.push(
                    Diagnostic::new(
                        Code::FlagNeverSet,
                        x.id.span,
                        format!("flag `{}` is read but never set", x.id.value),
                        "never set",
                    )
                    .with_help(format!(
                        "it is always false; set it with an effect such as `{} = true`",
                        x.id.value
                    )),
                );
            }
        }
        for (di, d) in s.decisions.iter().enumerate() {
            if d.options.len() > 1 {
                let first = &d.options[0];
                let same = d.options.iter().all(|o| {
                    o.effects == first.effects
                        && o.follow_up == first.follow_up
                        && o.outcomes.len() == first.outcomes.len()
                        && o.outcomes.iter().zip(&first.outcomes).all(|(a, b)| {
                            a.effects == b.effects
                                && a.follow_up == b.follow_up
                                && a.chance == b.chance
                        })
                });
                let chained = s
                    .index
                    .after_option
                    .get(di)
                    .is_some_and(|opts| opts.iter().any(|v| !v.is_empty()));
                if same && !chained {
                    self.push(
                        Diagnostic::new(
                            Code::IdenticalOptions,
                            decision_ids[di].span,
                            format!("every option of decision `{}` has the same effects", d.id),
                            "no option makes a difference",
                        )
                        .with_help("give each option its own consequences, so the choice matters"),
                    );
                }
            }
        }
        let authored = f.injects.iter().filter_map(|i| i.decision.as_ref());
        for (d, written) in s.decisions.iter().zip(authored) {
            let (Some(t), Some(wt)) = (&d.timeout, &written.timeout) else {
                continue;
            };
            let o = &d.options[t.default as usize];
            if o.requires.is_some() {
                self.push(
                    Diagnostic::new(
                        Code::TimeoutTakesRestricted,
                        wt.default.span,
                        format!(
                            "when time runs out, decision `{}` takes option `{}`, even if its `requires` does not hold",
                            d.id, o.id
                        ),
                        "this option has a requirement",
                    )
                    .with_help(
                        "make the default an option that is always available (e.g. holding off), or drop this option's `requires`",
                    ),
                );
            }
        }
        let authored = f.injects.iter().filter_map(|i| i.decision.as_ref());
        for (d, written) in s.decisions.iter().zip(authored) {
            let always = |o: &c::DecisionOption| {
                o.requires
                    .as_ref()
                    .is_none_or(|p| p.constant().is_some_and(|v| v != 0.0))
            };
            if d.options.iter().any(always) {
                continue;
            }
            let texts: Vec<&str> = written
                .options
                .iter()
                .filter_map(|o| o.requires.as_ref().map(|r| r.value.as_str()))
                .collect();
            if requirements_cover(&texts) {
                continue;
            }
            let Some(first) = written.options.first().and_then(|o| o.requires.as_ref()) else {
                continue;
            };
            self.push(
                Diagnostic::new(
                    Code::NoOptionAvailable,
                    first.span,
                    format!(
                        "every option of decision `{}` has a requirement, and they may all fail at once: the decision would then wait with nothing to choose",
                        d.id
                    ),
                    "every option has a requirement like this one",
                )
                .with_help(
                    "give the decision one option without `requires` (e.g. holding off or asking for help), so that the team always has something to choose",
                ),
            );
        }
        for (i, d) in f.deadlines.iter().enumerate() {
            if !self.usage.deadlines_started[i] {
                self.push(
                    Diagnostic::new(
                        Code::DeadlineNeverStarted,
                        d.id.span,
                        format!("deadline `{}` is never started", d.id.value),
                        "never started",
                    )
                    .with_help(format!("start it with the effect `start({})`", d.id.value)),
                );
            }
        }
        for (i, o) in f.meta.objectives.iter().enumerate() {
            if !s.checks.iter().any(|c| c.objective == Some(i as u16)) {
                self.push(
                    Diagnostic::new(
                        Code::ObjectiveUnrated,
                        o.id.span,
                        format!("objective `{}` has no check", o.id.value),
                        "cannot be rated",
                    )
                    .with_help(format!(
                        "link a best-practice check to it with `objective: \"{}\"`",
                        o.id.value
                    )),
                );
            }
        }
    }
}

/// Short aliases for the spanned model types used above.
mod m_spanned {
    use super::super::de::Spanned;
    use super::super::model::Literal;
    /// A spanned string.
    pub type SpStr = Spanned<String>;
    /// A spanned literal.
    pub type SpLit = Spanned<Literal>;
}
