//! A [`Doc`] as a Word document (DOCX).

use super::model::Doc;

/// The document as DOCX bytes.
pub fn write(doc: &Doc) -> Result<Vec<u8>, String> {
    let _ = doc;
    Err("the Word writer is not written yet".into())
}
