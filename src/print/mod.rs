//! Printable documents: one neutral tree ([`model::Doc`]: headings, paragraphs, lists,
//! tables, charts, tick boxes, lines to write on), written as a Word document
//! ([`docx::write`]) or as one printable HTML page ([`html::write`]).
//!
//! The Word after-action report (`report --format docx`) and the HSEEP exercise package
//! (`export sitman|guide|feedback`) build a tree; the writers know nothing of exercises.
//! Both writers are deterministic: the same tree gives the same bytes.

pub mod docx;
pub mod html;
pub mod model;
mod raster;

pub use model::{Block, Chart, Doc, Span, Table, Text};
