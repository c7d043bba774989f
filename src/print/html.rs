//! A [`Doc`] as one printable HTML page.

use super::model::Doc;

/// The document as one self-contained HTML page.
pub fn write(doc: &Doc) -> String {
    doc.visible_text()
}
