//! Projector pins: view entries (see [`super::marks`]) that record what the facilitator
//! shows on the projector (`pin` and `unpin`), so that a presenter following the journal
//! read-only shows the same thing. They never replay into the engine, carry no entry
//! number (`seq` counts commands only, which rewind refers to), and the reader, `fork`,
//! `report` and `replay` skip them; journals without them read as before.
//!
//! ```text
//! {"view":"pin","t":81250,"what":"attachment","id":"ransom_note"}
//! {"view":"unpin","t":95020}
//! ```

use serde::{Deserialize, Serialize};

/// What can be pinned on the projector.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PinKind {
    /// An inject, by id.
    Inject,
    /// An inject's attachment, by the inject's id.
    Attachment,
    /// A phase's discussion questions, by the phase's id.
    Questions,
}

pub use super::marks::ViewEntry;

#[derive(Deserialize)]
struct Probe {
    view: String,
    #[serde(default)]
    seq: Option<serde::de::IgnoredAny>,
}

/// Whether a journal line is a view line (of a kind this version knows or not): an object
/// with a `view` name and no entry number. The reader skips such lines.
pub fn is_view_line(line: &[u8]) -> bool {
    // Fast path: command entries are written with their number first.
    if line.starts_with(b"{\"seq\"") {
        return false;
    }
    serde_json::from_slice::<Probe>(line).is_ok_and(|p| p.seq.is_none() && !p.view.is_empty())
}

/// The view line, if `line` is one this version knows.
pub fn parse(line: &[u8]) -> Option<ViewEntry> {
    serde_json::from_slice(line).ok()
}

/// What is pinned at the end of a journal's text: the last `pin` not followed by an
/// `unpin`. `None` when nothing is pinned (the presenter then shows the newest inject).
pub fn latest_pin(bytes: &[u8]) -> Option<(PinKind, String)> {
    let mut pin = None;
    for line in bytes.split(|b| *b == b'\n') {
        // Cheap filter: command lines start with `{"seq"`.
        if !line.windows(7).any(|w| w == b"\"view\":") {
            continue;
        }
        match parse(line) {
            Some(ViewEntry::Pin { what, id, .. }) => pin = Some((what, id)),
            Some(ViewEntry::Unpin { .. }) => pin = None,
            _ => {}
        }
    }
    pin
}

/// The line a view entry is written as.
pub fn line(entry: &ViewEntry) -> String {
    // A view entry holds only ids and numbers: it always serialises.
    serde_json::to_string(entry).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn view_lines_round_trip_and_are_told_from_commands() {
        let pin = ViewEntry::Pin {
            t: 5,
            what: PinKind::Attachment,
            id: "ransom_note".into(),
        };
        let l = line(&pin);
        assert_eq!(
            l,
            r#"{"view":"pin","t":5,"what":"attachment","id":"ransom_note"}"#
        );
        assert!(is_view_line(l.as_bytes()));
        assert_eq!(parse(l.as_bytes()), Some(pin));
        assert!(!is_view_line(br#"{"seq":2,"t":5,"cmd":"step"}"#));
        assert!(!is_view_line(br#"{"seq":2,"view":"pin","t":5}"#));
        // A kind a later version may add is still a view line.
        assert!(is_view_line(br#"{"view":"something_new","t":5}"#));
    }

    #[test]
    fn the_latest_pin_wins_and_unpin_releases() {
        let text = [
            r#"{"journal":"downtime"}"#,
            r#"{"seq":1,"t":0,"cmd":"step"}"#,
            r#"{"view":"pin","t":5,"what":"inject","id":"a"}"#,
            r#"{"view":"pin","t":6,"what":"questions","id":"night"}"#,
        ]
        .join("\n");
        assert_eq!(
            latest_pin(text.as_bytes()),
            Some((PinKind::Questions, "night".into()))
        );
        let text = format!("{text}\n{}\n", r#"{"view":"unpin","t":7}"#);
        assert_eq!(latest_pin(text.as_bytes()), None);
    }
}
