//! `downtime export msel|timeline`: spreadsheets of a scenario's planned events and of a
//! journal's played timeline (the work is in [`crate::msel`]); `downtime export
//! sitman|guide|feedback`: the HSEEP exercise package (in [`crate::package`]).

use std::process::ExitCode;

use super::{DocFormat, ExportArgs, ExportDocArgs, ExportWhat, SheetFormat};
use crate::msel::{ExportOptions, Format};

impl From<DocFormat> for crate::package::Format {
    fn from(f: DocFormat) -> Self {
        match f {
            DocFormat::Html => crate::package::Format::Html,
            DocFormat::Docx => crate::package::Format::Docx,
        }
    }
}

/// `export sitman|guide|feedback`.
fn package(kind: crate::package::Kind, a: &ExportDocArgs, lang: Option<&str>) -> ExitCode {
    crate::package::run(&crate::package::Options {
        kind,
        input: a.scenario.clone(),
        format: a.format.into(),
        output: a.output.clone(),
        lang: lang.map(str::to_string),
    })
}

impl From<SheetFormat> for Format {
    fn from(f: SheetFormat) -> Self {
        match f {
            SheetFormat::Csv => Format::Csv,
            SheetFormat::Xlsx => Format::Xlsx,
        }
    }
}

/// Runs the command.
pub fn run(args: &ExportArgs, lang: Option<&str>) -> ExitCode {
    match &args.what {
        ExportWhat::Msel(a) => crate::msel::export_msel(&ExportOptions {
            input: a.scenario.clone(),
            scenario: None,
            format: a.sheet.format.into(),
            bom: a.sheet.bom,
            output: a.sheet.output.clone(),
            lang: lang.map(str::to_string),
        }),
        ExportWhat::Timeline(a) => crate::msel::export_timeline(&ExportOptions {
            input: a.journal.clone(),
            scenario: a.scenario.clone(),
            format: a.sheet.format.into(),
            bom: a.sheet.bom,
            output: a.sheet.output.clone(),
            lang: lang.map(str::to_string),
        }),
        ExportWhat::Sitman(a) => package(crate::package::Kind::Sitman, a, lang),
        ExportWhat::Guide(a) => package(crate::package::Kind::Guide, a, lang),
        ExportWhat::Feedback(a) => package(crate::package::Kind::Feedback, a, lang),
    }
}
