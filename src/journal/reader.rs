//! Reading a journal back. Only a torn last line (no newline, not an entry) is tolerated:
//! it is dropped with a warning. Any other line that cannot be read is an error with its
//! line number, so nothing a newer version wrote is ever cut away.

use std::path::Path;

use super::marks::{Mark, MarkLine};
use super::{Entry, Header, JOURNAL_VERSION, MAX_JOURNAL, MAX_LINE};
use crate::scenario::load::read_capped;

/// A journal as read from disk.
#[derive(Clone, Debug)]
pub struct ReadJournal {
    /// The header.
    pub header: Header,
    /// The entries, in order.
    pub entries: Vec<Entry>,
    /// Heartbeats and view entries, in order (never replayed; empty in older journals).
    pub marks: Vec<Mark>,
    /// A warning when a torn last line was dropped.
    pub warning: Option<String>,
    /// Length in bytes of the intact part of the file (without a torn last line).
    pub valid_len: u64,
}

/// Why a journal cannot be read.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum JournalError {
    /// The file cannot be read.
    #[error("{0}")]
    Io(String),
    /// The content is not a journal, or is damaged before its last line.
    #[error("{path}:{line}: {message}")]
    Corrupt {
        /// File.
        path: String,
        /// 1-based line.
        line: usize,
        /// What is wrong.
        message: String,
    },
}

/// Reads a journal file.
pub fn read_journal(path: &Path) -> Result<ReadJournal, JournalError> {
    let bytes = read_capped(path, MAX_JOURNAL).map_err(|(_, m)| JournalError::Io(m))?;
    read_journal_text(&path.display().to_string(), &bytes)
}

/// Reads a journal file, or standard input for `-`.
pub fn read_journal_arg(path: &Path) -> Result<ReadJournal, JournalError> {
    if !crate::stdio::is_dash(path) {
        return read_journal(path);
    }
    let bytes = crate::stdio::read_stdin(MAX_JOURNAL).map_err(JournalError::Io)?;
    read_journal_text(crate::stdio::STDIN_NAME, &bytes)
}

/// Reads a journal from bytes; `name` is used in messages.
pub fn read_journal_text(name: &str, bytes: &[u8]) -> Result<ReadJournal, JournalError> {
    let corrupt = |line: usize, message: String| JournalError::Corrupt {
        path: name.to_string(),
        line,
        message,
    };
    let mut lines: Vec<&[u8]> = Vec::new();
    let mut start = 0;
    for (i, b) in bytes.iter().enumerate() {
        if *b == b'\n' {
            lines.push(&bytes[start..i]);
            start = i + 1;
        }
    }
    // A last line without its newline was being written when the program stopped: it is
    // kept if it is a whole entry, dropped (with a warning) if it is not. Any complete line
    // that cannot be read is an error, wherever it is: it may be a newer version's entry,
    // and cutting it would lose what it holds.
    let tail = (start < bytes.len()).then(|| (start, &bytes[start..]));
    let mut valid_len = bytes.len() as u64;
    let mut warning = None;
    let Some(&first) = lines.first() else {
        if let Some((_, t)) = tail
            && !t.is_empty()
        {
            return Err(corrupt(
                1,
                "no complete header line: the journal was cut short while it was created".into(),
            ));
        }
        return Err(corrupt(1, "empty journal: no header line".into()));
    };
    if first.len() > MAX_LINE {
        return Err(corrupt(1, format!("line longer than {MAX_LINE} bytes")));
    }
    let header: Header = serde_json::from_slice(first)
        .map_err(|e| corrupt(1, format!("not a Downtime journal header: {e}")))?;
    if header.journal != "downtime" {
        return Err(corrupt(1, "not a Downtime journal".into()));
    }
    if header.version != JOURNAL_VERSION {
        return Err(corrupt(
            1,
            format!(
                "journal version {} is not supported (this Downtime reads {JOURNAL_VERSION})",
                header.version
            ),
        ));
    }
    let mut entries = Vec::with_capacity(lines.len());
    let mut marks = Vec::new();
    let parse = |line: &[u8]| {
        if line.len() > MAX_LINE {
            return Err(format!("line longer than {MAX_LINE} bytes"));
        }
        match serde_json::from_slice::<Entry>(line) {
            Ok(e) => Ok(Line::Entry(e)),
            Err(err) => match MarkLine::parse(line) {
                Some(Ok(m)) => Ok(Line::Mark(m)),
                // A view entry of a kind a later version writes: it only said what a
                // screen showed, so it is left out.
                Some(Err(_)) if super::view::is_view_line(line) => Ok(Line::Skip),
                Some(Err(e)) => Err(e),
                None => Err(err.to_string()),
            },
        }
    };
    let push = |entries: &mut Vec<Entry>, marks: &mut Vec<Mark>, l: Line, line: usize| {
        let e = match l {
            Line::Entry(e) => e,
            Line::Skip => return Ok(()),
            Line::Mark(m) => {
                marks.push(Mark {
                    after: entries.len() as u64,
                    line: m,
                });
                return Ok(());
            }
        };
        let expected = entries.len() as u64 + 1;
        if e.seq != expected {
            return Err(corrupt(
                line,
                format!("entry number {} where {expected} was expected", e.seq),
            ));
        }
        entries.push(e);
        Ok(())
    };
    for (n, &line) in lines.iter().enumerate().skip(1) {
        if line.iter().all(|b| b.is_ascii_whitespace()) {
            continue;
        }
        match parse(line) {
            Ok(e) => push(&mut entries, &mut marks, e, n + 1)?,
            Err(msg) => return Err(corrupt(n + 1, msg)),
        }
    }
    if let Some((off, t)) = tail {
        let n = lines.len() + 1;
        match parse(t) {
            Ok(e) => push(&mut entries, &mut marks, e, n)?,
            Err(_) if t.iter().all(|b| b.is_ascii_whitespace()) => valid_len = off as u64,
            Err(_) => {
                warning = Some(format!(
                    "{name}:{n}: the last line ({} bytes) was cut short, probably by a crash while writing; it was dropped and everything before it kept",
                    t.len()
                ));
                valid_len = off as u64;
            }
        }
    }
    Ok(ReadJournal {
        header,
        entries,
        marks,
        warning,
        valid_len,
    })
}

/// A line after the header.
enum Line {
    Entry(Entry),
    Mark(MarkLine),
    /// A view entry this version does not know.
    Skip,
}
