//! Diagnostics as a SARIF 2.1.0 log (Static Analysis Results Interchange Format), the form
//! code-scanning services read: one run, a rule for every code (described from the author's
//! guide), one result per diagnostic.

use serde_json::{Value, json};

use super::diagnostics::{Code, Diagnostic, Report, Severity};
use super::guide;

/// The schema a log names (the OASIS errata 01 schema, the one tests validate against).
pub const SCHEMA: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

/// Where people learn about the tool (`tool.driver.informationUri`).
pub const INFORMATION_URI: &str = "https://crates.io/crates/downtime";

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

/// The rule of a code: its id, name, title, summary and the guide's whole section.
fn rule(code: Code) -> Value {
    let title = code.title();
    let summary = guide::summary(code).unwrap_or_else(|| title.to_string());
    let help_text = guide::explain(code).unwrap_or_else(|| summary.clone());
    let help_md = guide::section(code).unwrap_or(title);
    json!({
        "id": code.as_str(),
        "name": format!("{code:?}"),
        "shortDescription": { "text": title },
        "fullDescription": { "text": summary },
        "help": { "text": help_text, "markdown": help_md },
        "defaultConfiguration": { "level": level(code.severity()) },
    })
}

/// A file name as a URI reference: relative paths stay relative (with `/`), absolute ones
/// become `file://` URIs; every byte outside the unreserved set and `/` is percent-encoded.
pub fn file_uri(name: &str) -> String {
    let slashed = name.replace('\\', "/");
    let mut out = String::new();
    // A Windows drive letter: `C:/x` is `file:///C:/x`.
    let drive =
        slashed.as_bytes().get(1) == Some(&b':') && slashed.as_bytes()[0].is_ascii_alphabetic();
    if slashed.starts_with('/') {
        out.push_str("file://");
    } else if drive {
        out.push_str("file:///");
    }
    for (i, b) in slashed.bytes().enumerate() {
        let keep = b.is_ascii_alphanumeric()
            || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/')
            || (b == b':' && i == 1 && drive);
        if keep {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn result(report: &Report, d: &Diagnostic) -> Value {
    let mut text = d.message.clone();
    if let Some(h) = &d.help {
        text.push_str("\nhelp: ");
        text.push_str(h);
    }
    let index = Code::ALL.iter().position(|&c| c == d.code).unwrap_or(0);
    let mut physical = json!({
        "artifactLocation": { "uri": file_uri(&report.source.name) },
    });
    if let Some((s, e)) = report.place(d) {
        physical["region"] = json!({
            "startLine": s.line,
            "startColumn": s.col,
            "endLine": e.line,
            "endColumn": e.col,
        });
    }
    json!({
        "ruleId": d.code.as_str(),
        "ruleIndex": index,
        "level": level(d.severity()),
        "message": { "text": text },
        "locations": [{ "physicalLocation": physical }],
    })
}

/// The SARIF log of the reports, as a JSON value (one run; rules in catalogue order,
/// results in the order of the reports).
pub fn log(reports: &[Report]) -> Value {
    let rules: Vec<Value> = Code::ALL.iter().map(|&c| rule(c)).collect();
    let results: Vec<Value> = reports
        .iter()
        .flat_map(|r| r.diagnostics.iter().map(move |d| result(r, d)))
        .collect();
    json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "downtime",
                "version": env!("CARGO_PKG_VERSION"),
                "informationUri": INFORMATION_URI,
                "rules": rules,
            }},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_become_uri_references() {
        assert_eq!(file_uri("scenarios/a b.ron"), "scenarios/a%20b.ron");
        assert_eq!(file_uri("/tmp/x#1.ron"), "file:///tmp/x%231.ron");
        assert_eq!(file_uri("C:\\x\\é.ron"), "file:///C:/x/%C3%A9.ron");
        assert_eq!(file_uri("<stdin>"), "%3Cstdin%3E");
    }
}
