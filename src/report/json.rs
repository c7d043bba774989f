//! The JSON report: the [`Document`] model serialised, pretty-printed, with
//! `schema_version`. The schema is documented in `docs/report-schema.md`.

use super::model::Document;

/// Renders a document as JSON (UTF-8, two-space indentation, a final newline).
pub fn render(doc: &Document) -> String {
    // The model holds only strings, numbers, booleans, lists and maps: it always serialises.
    let mut s = serde_json::to_string_pretty(doc).unwrap_or_else(|e| {
        serde_json::json!({ "schema_version": doc.schema_version, "error": e.to_string() })
            .to_string()
    });
    s.push('\n');
    crate::text::escape_json(s)
}
