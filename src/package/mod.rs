//! The HSEEP exercise package of a scenario (`downtime export sitman|guide|feedback`): the
//! players' situation manual ([`sitman`]), the facilitator and evaluator guide ([`guide`])
//! and the participant feedback form ([`feedback`]), each a [`print::Doc`] built by a pure
//! function of the scenario, then written as printable HTML or Word.

pub mod feedback;
pub mod guide;
pub mod sitman;

use std::path::PathBuf;
use std::process::ExitCode;

use crate::errln;
use crate::i18n::Lang;
use crate::print::{self, Block, Doc, Text};
use crate::scenario::Scenario;

/// Which document of the package.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// The situation manual, for players.
    Sitman,
    /// The facilitator and evaluator guide.
    Guide,
    /// The participant feedback form.
    Feedback,
}

impl Kind {
    /// The command's name: `sitman`, `guide`, `feedback`.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Sitman => "sitman",
            Kind::Guide => "guide",
            Kind::Feedback => "feedback",
        }
    }
}

/// A document format.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Format {
    /// One printable HTML page.
    #[default]
    Html,
    /// A Word document.
    Docx,
}

/// What `export sitman|guide|feedback` is asked for.
#[derive(Clone, Debug)]
pub struct Options {
    /// The document.
    pub kind: Kind,
    /// The scenario: a path, `-` or `bundled:NAME`.
    pub input: PathBuf,
    /// The format.
    pub format: Format,
    /// The file to write; `None` or `-`: standard output.
    pub output: Option<PathBuf>,
    /// `--lang`.
    pub lang: Option<String>,
}

/// The document `kind` of `sc` in `lang`; `authored` holds the injects' conditions as
/// written (may be empty; see [`crate::msel::export::authored`]).
pub fn doc(
    kind: Kind,
    sc: &Scenario,
    authored: &[crate::msel::export::Authored],
    lang: Lang,
) -> Doc {
    match kind {
        Kind::Sitman => sitman::doc(&crate::audience::players_brief(sc), lang),
        Kind::Guide => guide::doc(sc, authored, lang),
        Kind::Feedback => feedback::doc(sc, lang),
    }
}

/// Runs the command: exit code 1 for a scenario with errors, 2 for a file that cannot be
/// read or written (or a Word document with nowhere but a terminal to go).
pub fn run(o: &Options) -> ExitCode {
    let cmd = o.kind.name();
    let dash = o.output.as_ref().is_some_and(|p| p.as_os_str() == "-");
    let to = o.output.clone().filter(|_| !dash);
    if o.format == Format::Docx && to.is_none() && !dash && crate::output::stdout_is_terminal() {
        errln!(
            "downtime export {cmd}: a Word document is binary and standard output is a terminal: write it to a file with -o FILE.docx (or -o - to pipe it)"
        );
        return ExitCode::from(2);
    }
    let sc = match crate::output::load_or_report_in(&o.input, o.lang.as_deref()) {
        Ok(s) => s,
        Err(c) => return c,
    };
    let lang = Lang::for_scenario(o.lang.as_deref(), &sc, crate::wall::env_lang());
    let authored = crate::msel::authored_of(&o.input);
    let d = doc(o.kind, &sc, &authored, lang);
    let bytes = match o.format {
        Format::Html => print::html::write(&d).into_bytes(),
        Format::Docx => match print::docx::write(&d) {
            Ok(b) => b,
            Err(e) => {
                errln!("downtime export {cmd}: {e}");
                return ExitCode::from(2);
            }
        },
    };
    let kind = d.subtitle.first().unwrap_or(&d.title);
    let what = format!("{kind}, {} headings", d.headings().len());
    crate::msel::deliver(&bytes, to.as_deref(), cmd, &what)
}

/// A heading.
fn h(level: u8, text: impl Into<String>) -> Block {
    Block::Heading {
        level,
        text: text.into(),
    }
}

/// A plain paragraph.
fn p(text: impl Into<String>) -> Block {
    Block::Paragraph(Text::plain(text))
}

/// Paragraphs of a scenario text: one per blank-line-separated part; none when empty.
fn paras(text: &str) -> Vec<Block> {
    text.split("\n\n")
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(p)
        .collect()
}

/// A bold label (its colon included), then plain text: `Capability: Cybersecurity`.
fn labelled(label: String, text: impl Into<String>) -> Block {
    let label = spaced(label);
    Block::Paragraph(Text::bold(label).then(text))
}

/// A label with the space that follows it (none after a full-width colon).
fn spaced(label: String) -> String {
    if label.ends_with('：') {
        label
    } else {
        label + " "
    }
}

/// The common subtitle lines: the document's kind, then the scenario's version.
fn subtitle(kind: String, sc_version: &str, lang: Lang) -> Vec<String> {
    vec![
        kind,
        crate::tr!(lang, "package-version", version = sc_version),
    ]
}
