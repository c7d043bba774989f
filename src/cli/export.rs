//! `downtime export msel|timeline`: spreadsheets of a scenario's planned events and of a
//! journal's played timeline (the work is in [`crate::msel`]).

use std::process::ExitCode;

use super::{ExportArgs, ExportWhat, SheetFormat};
use crate::msel::{ExportOptions, Format};

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
    }
}
