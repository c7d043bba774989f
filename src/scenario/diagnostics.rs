//! Diagnostics: every problem the loader and validator find, with a stable code,
//! a severity, a span in the file and a hint, rendered deterministically as text or JSON.

use std::fmt;

use miette::{
    GraphicalReportHandler, GraphicalTheme, LabeledSpan, SourceSpan, ThemeCharacters, ThemeStyles,
};
use serde::Serialize;

use super::source::{LineCol, SourceFile, Span};

/// Most diagnostics rendered as text for one file; the rest are counted in one line.
pub const MAX_RENDERED: usize = 100;

/// Width diagnostics are rendered at as text, whatever the terminal.
pub const RENDER_WIDTH: usize = 100;

/// How the text renderer draws: in colour (ANSI), and with ASCII characters only. The
/// default, plain Unicode, is what snapshots and every caller but `check` on a terminal get.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TextStyle {
    /// Colours (ANSI SGR sequences).
    pub colour: bool,
    /// ASCII only: no box drawing, no `…`, no `×` or `⚠`.
    pub ascii: bool,
}

/// How serious a diagnostic is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The scenario cannot be used until it is fixed.
    Error,
    /// The scenario works but something is probably a mistake.
    Warning,
}

macro_rules! codes {
    ($( $(#[$doc:meta])* $name:ident = $code:literal, $sev:ident, $title:literal; )*) => {
        /// The catalogue of diagnostic codes. Codes are stable: never renumber one.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Code {
            $( $(#[$doc])* $name, )*
        }

        impl Code {
            /// Every code, in catalogue order.
            pub const ALL: &'static [Code] = &[$(Code::$name),*];

            /// The stable code, e.g. `DT0001`.
            pub fn as_str(self) -> &'static str {
                match self { $(Code::$name => $code,)* }
            }

            /// Whether the code is an error or a warning.
            pub fn severity(self) -> Severity {
                match self { $(Code::$name => Severity::$sev,)* }
            }

            /// A short title for the catalogue.
            pub fn title(self) -> &'static str {
                match self { $(Code::$name => $title,)* }
            }

            /// The code written as `DT0006` (any case, spaces around ignored).
            pub fn parse(s: &str) -> Option<Code> {
                let s = s.trim();
                Code::ALL.iter().copied().find(|c| c.as_str().eq_ignore_ascii_case(s))
            }
        }
    };
}

codes! {
    /// The file is not valid RON.
    Syntax = "DT0001", Error, "RON syntax error";
    /// A field the format does not know.
    UnknownField = "DT0002", Error, "unknown field";
    /// A required field is missing.
    MissingField = "DT0003", Error, "missing required field";
    /// A value of the wrong type or an unknown variant.
    WrongType = "DT0004", Error, "value of the wrong type";
    /// Two items of the same kind share an id.
    DuplicateId = "DT0005", Error, "duplicate id";
    /// A reference to an id that does not exist.
    UnknownReference = "DT0006", Error, "reference to an unknown id";
    /// An expression does not follow the grammar.
    ExprSyntax = "DT0007", Error, "expression syntax error";
    /// An expression mixes types, or an effect cannot apply.
    ExprType = "DT0008", Error, "expression type error";
    /// A duration that cannot be read.
    InvalidDuration = "DT0009", Error, "invalid duration";
    /// A date-time that cannot be read.
    InvalidDateTime = "DT0010", Error, "invalid date-time";
    /// A range with min above max, or a value outside its range.
    InvalidRange = "DT0011", Error, "value outside its range";
    /// A timeout's default option is not one of the decision's options.
    BadDefaultOption = "DT0012", Error, "default option not among the options";
    /// A probability outside 0 to 1, or outcomes whose chances add up past 1.
    BadProbability = "DT0013", Error, "probability outside 0..1";
    /// A decision with no options.
    NoOptions = "DT0014", Error, "decision without options";
    /// The `format` version is not supported.
    UnsupportedFormat = "DT0015", Error, "unsupported format version";
    /// No ending, or not exactly one default ending.
    DefaultEnding = "DT0016", Error, "missing or extra default ending";
    /// An id that is empty, badly formed or a reserved word.
    InvalidId = "DT0017", Error, "invalid id";
    /// An attachment that cannot be read or lies outside the allowed folders.
    BadAttachment = "DT0018", Error, "attachment cannot be used";
    /// Phases out of order or not starting at the clock's start.
    PhaseOrder = "DT0019", Error, "phases out of order";
    /// An inject with more than one trigger, or a malformed one.
    BadTrigger = "DT0020", Error, "conflicting or malformed trigger";
    /// A limit on size or count was exceeded.
    TooLarge = "DT0021", Error, "scenario too large";
    /// A construct of format version 2 in a file that says `format: 1`.
    NeedsFormat2 = "DT0022", Error, "construct needs format 2";
    /// A curveball (fired by the facilitator only) with an `at`, `after` or `when`.
    CurveballTrigger = "DT0030", Error, "curveball with a trigger";
    /// `repeat: true` on an inject that is not a curveball.
    RepeatNotCurveball = "DT0031", Error, "repeat on an inject that is not a curveball";
    /// A repeatable curveball that carries a decision (a decision is taken once).
    RepeatWithDecision = "DT0032", Error, "repeatable curveball with a decision";
    /// A hidden (facilitator-only) inject that carries a decision no team could see.
    HiddenDecision = "DT0033", Error, "hidden inject with a decision";
    /// An inject with both `sender` and `from`.
    SenderAndFrom = "DT0034", Error, "both `sender` and `from`";
    /// A phase-relative time before its phase starts, e.g. `sunday-1h`.
    BeforePhase = "DT0035", Error, "phase-relative time before its phase";
    /// A decision's `pick` whose `min` or `max` does not fit its options.
    BadPick = "DT0036", Error, "pick limits that do not fit the options";
    /// A translation's key that names no text of its scenario (or an attachment it lacks).
    UnknownKey = "DT0037", Error, "unknown translation key";
    /// A translation of another scenario than the one beside it, or of a broken one.
    WrongScenario = "DT0038", Error, "translation of another scenario";
    /// A translation whose language is not a BCP 47 tag, or not its file name's.
    BadLanguageTag = "DT0039", Error, "bad language tag";
    /// A translated attachment that cannot be read.
    TranslatedAttachment = "DT0040", Error, "translated attachment cannot be used";
    /// The clock's `zone` is not an IANA time-zone name.
    UnknownZone = "DT0050", Error, "unknown time zone";
    /// A row of a spreadsheet that `downtime import msel` cannot read (it is left out).
    SheetRow = "DT0051", Error, "spreadsheet row cannot be imported";
    /// The file cannot be read.
    Io = "DT0100", Error, "file cannot be read";
    /// The file is not valid UTF-8.
    NotUtf8 = "DT0101", Error, "file is not UTF-8";
    /// The file is empty.
    EmptyFile = "DT0102", Error, "empty file";
    /// Nothing an author wrote can ever fire this inject.
    NeverFires = "DT1001", Warning, "inject can never fire";
    /// No condition or effect can reach this ending.
    UnreachableEnding = "DT1002", Warning, "ending can never be reached";
    /// No effect ever changes this metric.
    MetricNeverChanged = "DT1003", Warning, "metric never changed";
    /// A flag is set but no condition reads it.
    FlagNeverRead = "DT1004", Warning, "flag set but never read";
    /// A flag is read but no effect sets it.
    FlagNeverSet = "DT1005", Warning, "flag read but never set";
    /// An inject is timed after the clock's end.
    AfterEnd = "DT1006", Warning, "inject scheduled after the clock's end";
    /// Every option of a decision does the same thing.
    IdenticalOptions = "DT1007", Warning, "options with identical effects";
    /// A deadline that nothing starts.
    DeadlineNeverStarted = "DT1008", Warning, "deadline never started";
    /// An objective no check evidences.
    ObjectiveUnrated = "DT1009", Warning, "objective without checks";
    /// A time limit's default option has a requirement, which a timeout does not check.
    TimeoutTakesRestricted = "DT1010", Warning, "timeout may take an unavailable option";
    /// Every option of a decision has a requirement, and they may all fail at once.
    NoOptionAvailable = "DT1011", Warning, "every option may be unavailable at once";
    /// An inject with both `at` and `delay`: the delay never counts.
    DelayWithAt = "DT1012", Warning, "delay ignored beside `at`";
    /// A phase-relative time that falls in a later phase than the one it names.
    LaterPhase = "DT1020", Warning, "phase-relative time in a later phase";
    /// Texts of the scenario that a translation leaves untranslated (or empty).
    MissingTexts = "DT1030", Warning, "texts not translated";
    /// A translated text without a number or `{placeholder}` of the original.
    DroppedNumber = "DT1031", Warning, "translation drops a number or placeholder";
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One problem found in a scenario file.
#[derive(Clone, Debug, PartialEq)]
pub struct Diagnostic {
    /// The stable code.
    pub code: Code,
    /// One-line description.
    pub message: String,
    /// Where in the file, if anywhere.
    pub span: Option<Span>,
    /// Short label under the underlined span.
    pub label: String,
    /// How to fix it.
    pub help: Option<String>,
}

impl Diagnostic {
    /// A diagnostic at a span.
    pub fn new(
        code: Code,
        span: Span,
        message: impl Into<String>,
        label: impl Into<String>,
    ) -> Self {
        Diagnostic {
            code,
            message: message.into(),
            span: Some(span),
            label: label.into(),
            help: None,
        }
    }

    /// A diagnostic about the whole file.
    pub fn whole_file(code: Code, message: impl Into<String>) -> Self {
        Diagnostic {
            code,
            message: message.into(),
            span: None,
            label: String::new(),
            help: None,
        }
    }

    /// Adds a hint.
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Adds a hint if there is one.
    pub fn with_help_opt(mut self, help: Option<String>) -> Self {
        self.help = help;
        self
    }

    /// The severity of its code.
    pub fn severity(&self) -> Severity {
        self.code.severity()
    }
}

/// The diagnostics of one file, with its text for rendering.
#[derive(Clone, Debug)]
pub struct Report {
    /// The file's name as given, and its text (empty if it could not be read).
    pub source: SourceFile,
    /// Diagnostics, sorted by position then code.
    pub diagnostics: Vec<Diagnostic>,
}

impl Report {
    /// Number of errors.
    pub fn errors(&self) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity() == Severity::Error)
            .count()
    }

    /// Number of warnings.
    pub fn warnings(&self) -> usize {
        self.diagnostics.len() - self.errors()
    }

    /// Sorts diagnostics by position, then code, and reports one mistake once: of several
    /// diagnostics with the same code at the same place (an inject's id checked again as its
    /// decision's), the first found is kept.
    pub fn sort(&mut self) {
        self.diagnostics
            .sort_by_key(|d| (d.span.map(|s| (s.start, s.end)), d.code));
        self.diagnostics.dedup_by(|later, kept| {
            later == kept
                || (later.code == kept.code
                    && later.span == kept.span
                    && kept.span.is_some_and(|s| s.end > s.start))
        });
    }

    /// Renders every diagnostic as plain text (no colour, fixed width), for people.
    pub fn render_text(&self, width: usize) -> String {
        self.render_styled(width, TextStyle::default())
    }

    /// Renders the diagnostics as text in a style (fixed width, deterministic): the first
    /// [`MAX_RENDERED`], then one line `and N more`.
    pub fn render_styled(&self, width: usize, style: TextStyle) -> String {
        let mut out = String::new();
        for d in self.diagnostics.iter().take(MAX_RENDERED) {
            out.push_str(&render_one_styled(&self.source, d, width, style));
            out.push('\n');
        }
        let more = self.diagnostics.len().saturating_sub(MAX_RENDERED);
        if more > 0 {
            out.push_str(&format!("and {more} more\n"));
        }
        out
    }

    /// Whether the file's name, text and every message hold nothing a terminal would
    /// interpret (only new lines, tabs and carriage returns among the controls).
    pub fn is_terminal_safe(&self) -> bool {
        let safe = |s: &str| {
            !s.chars()
                .any(|c| crate::text::is_dangerous(c) && !matches!(c, '\n' | '\t' | '\r'))
        };
        safe(&self.source.name)
            && safe(&self.source.text)
            && self
                .diagnostics
                .iter()
                .all(|d| safe(&d.message) && safe(&d.label) && d.help.as_deref().is_none_or(safe))
    }

    /// Where a diagnostic starts and ends (1-based lines, columns in characters, the end
    /// just past the last character), if it has a place.
    pub fn place(&self, d: &Diagnostic) -> Option<(LineCol, LineCol)> {
        d.span
            .map(|s| (self.source.line_col(s.start), self.source.line_col(s.end)))
    }

    /// The diagnostics as JSON values, for editors and CI.
    pub fn to_json(&self) -> Vec<JsonDiagnostic> {
        self.diagnostics
            .iter()
            .map(|d| {
                let (start, end) = match self.place(d) {
                    Some((s, e)) => (Some(s), Some(e)),
                    None => (None, None),
                };
                JsonDiagnostic {
                    code: d.code.as_str(),
                    severity: d.severity(),
                    message: d.message.clone(),
                    file: self.source.name.clone(),
                    line: start.map(|p| p.line),
                    column: start.map(|p| p.col),
                    end_line: end.map(|p| p.line),
                    end_column: end.map(|p| p.col),
                    label: d.label.clone(),
                    help: d.help.clone(),
                }
            })
            .collect()
    }
}

/// A diagnostic as printed by `check --format json`.
#[derive(Clone, Debug, Serialize)]
pub struct JsonDiagnostic {
    /// Stable code, e.g. `DT0006`.
    pub code: &'static str,
    /// `error` or `warning`.
    pub severity: Severity,
    /// One-line description.
    pub message: String,
    /// The file as named on the command line.
    pub file: String,
    /// 1-based line of the start, if the problem has a place.
    pub line: Option<usize>,
    /// 1-based column (characters) of the start.
    pub column: Option<usize>,
    /// 1-based line of the end.
    pub end_line: Option<usize>,
    /// 1-based column of the end.
    pub end_column: Option<usize>,
    /// Short label of the span.
    pub label: String,
    /// How to fix it.
    pub help: Option<String>,
}

/// Adapter that lets miette render one of our diagnostics.
struct Rendered<'a> {
    header: String,
    message: String,
    severity: miette::Severity,
    src: Option<Indexed<'a>>,
    span: Option<(SourceSpan, String)>,
    help: Option<&'a str>,
}

impl fmt::Debug for Rendered<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl fmt::Display for Rendered<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Rendered<'_> {}

impl miette::Diagnostic for Rendered<'_> {
    fn code<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        Some(Box::new(&self.header))
    }
    fn severity(&self) -> Option<miette::Severity> {
        Some(self.severity)
    }
    fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        self.help.map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }
    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        self.src.as_ref().map(|s| s as &dyn miette::SourceCode)
    }
    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let (span, label) = self.span.as_ref()?;
        let label = (!label.is_empty()).then(|| label.clone());
        Some(Box::new(std::iter::once(
            LabeledSpan::new_primary_with_span(label, *span),
        )))
    }
}

/// Renders one diagnostic: `error[DT0006]: file:line:col`, the message, the underlined
/// source line and the hint.
pub fn render_one(source: &SourceFile, d: &Diagnostic, width: usize) -> String {
    render_one_styled(source, d, width, TextStyle::default())
}

/// Renders one diagnostic in a style.
pub fn render_one_styled(
    source: &SourceFile,
    d: &Diagnostic,
    width: usize,
    style: TextStyle,
) -> String {
    let sev = match d.severity() {
        Severity::Error => "error",
        Severity::Warning => "warning",
    };
    let place = match d.span {
        Some(s) => {
            let lc = source.line_col(s.start);
            format!("{}:{}:{}", source.name, lc.line, lc.col)
        }
        None => source.name.clone(),
    };
    let header = format!("{sev}[{}]: {place}", d.code);
    let windowed;
    let (src, span) = match d.span {
        Some(s) if !source.text.is_empty() => {
            let s_start = s.start.min(source.text.len());
            let s_end = s.end.clamp(s_start, source.text.len());
            let real = source.line_col(s_start);
            let long =
                |line: usize| source.line_text(line).chars().count() > width.saturating_sub(12);
            let last = source.line_col(s_end).line;
            if (real.line.saturating_sub(1).max(1)..=(last + 1).min(source.line_count())).any(long)
            {
                // Long lines are shown as a window around the span, on its own.
                let (w, span) = window(
                    source,
                    s_start,
                    s_end,
                    width.saturating_sub(16).max(20),
                    style.ascii,
                );
                windowed = w;
                (
                    Some(Indexed {
                        src: &windowed,
                        first_line: real.line - 1,
                        real,
                    }),
                    Some((span, d.label.clone())),
                )
            } else {
                (
                    Some(Indexed {
                        src: source,
                        first_line: 0,
                        real,
                    }),
                    Some((
                        SourceSpan::new(s_start.into(), s_end - s_start),
                        d.label.clone(),
                    )),
                )
            }
        }
        _ => (None, None),
    };
    let rendered = Rendered {
        header,
        message: d.message.clone(),
        severity: match d.severity() {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
        },
        src,
        span,
        help: d.help.as_deref(),
    };
    let theme = GraphicalTheme {
        characters: if style.ascii {
            ThemeCharacters::ascii()
        } else {
            ThemeCharacters::unicode()
        },
        styles: if style.colour {
            ThemeStyles::ansi()
        } else {
            ThemeStyles::none()
        },
    };
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_width(width)
        .with_links(false)
        .with_context_lines(1);
    let mut out = String::new();
    if handler.render_report(&mut out, &rendered).is_err() {
        out = format!("{}\n  {}\n", rendered.header, rendered.message);
    }
    out
}

/// A one-line source holding a window of a long line around `start..end`, and the span
/// of the same bytes inside it.
fn window(
    source: &SourceFile,
    start: usize,
    end: usize,
    max: usize,
    ascii: bool,
) -> (SourceFile, SourceSpan) {
    let ellipsis = if ascii { "..." } else { "…" };
    let lc = source.line_col(start);
    let line = source.line_text(lc.line);
    let chars: Vec<char> = line.chars().collect();
    let cs = lc.col - 1;
    let ce = if source.line_col(end).line == lc.line {
        source.line_col(end).col - 1
    } else {
        chars.len()
    }
    .max(cs);
    let len = (ce - cs).min(max);
    let begin = if ce - cs >= max {
        cs
    } else {
        cs.saturating_sub((max - len) / 2)
    };
    let stop = (begin + max).min(chars.len());
    let mut text = String::new();
    if begin > 0 {
        text.push_str(ellipsis);
    }
    let before: String = chars[begin..cs].iter().collect();
    let inside: String = chars[cs..(cs + len).min(stop)].iter().collect();
    let after: String = chars[(cs + len).min(stop)..stop].iter().collect();
    text.push_str(&before);
    let at = text.len();
    text.push_str(&inside);
    text.push_str(&after);
    if stop < chars.len() {
        text.push_str(ellipsis);
    }
    (
        SourceFile::new(source.name.clone(), &text),
        SourceSpan::new(at.into(), inside.len()),
    )
}

/// Reads context lines through the source's line index (no scan of the whole file).
/// `first_line` is added to line numbers (for windows of long lines); `real` is the span's
/// true position, shown in the location header.
struct Indexed<'a> {
    src: &'a SourceFile,
    first_line: usize,
    real: LineCol,
}

impl miette::SourceCode for Indexed<'_> {
    fn read_span<'b>(
        &'b self,
        span: &SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn miette::SpanContents<'b> + 'b>, miette::MietteError> {
        let src = self.src;
        let start = span.offset();
        let end = start + span.len();
        if end > src.text.len() {
            return Err(miette::MietteError::OutOfBounds);
        }
        if before == 0 && after == 0 {
            // The span alone, with its real line and column (miette's location header).
            return Ok(Box::new(miette::MietteSpanContents::new_named(
                src.name.clone(),
                &src.text.as_bytes()[start..end],
                *span,
                self.real.line - 1,
                self.real.col - 1,
                src.text[start..end].lines().count().max(1),
            )));
        }
        let first = src.line_col(start).line.saturating_sub(before).max(1);
        let last_of_span = src.line_col(end.saturating_sub(1).max(start)).line;
        let last = (last_of_span + after).min(src.line_count());
        let from = src.offset_of(LineCol {
            line: first,
            col: 1,
        });
        let to = src.offset_of(LineCol {
            line: last,
            col: src.line_text(last).chars().count() + 1,
        });
        Ok(Box::new(miette::MietteSpanContents::new_named(
            src.name.clone(),
            &src.text.as_bytes()[from..to],
            SourceSpan::new(from.into(), to - from),
            first - 1 + self.first_line,
            0,
            last - first + 1,
        )))
    }
}
