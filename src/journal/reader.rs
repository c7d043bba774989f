//! Reading a journal back, tolerating a torn last line.

use std::path::Path;

use super::{Entry, Header, JOURNAL_VERSION, MAX_JOURNAL, MAX_LINE};
use crate::scenario::load::read_capped;

/// A journal as read from disk.
#[derive(Clone, Debug)]
pub struct ReadJournal {
    /// The header.
    pub header: Header,
    /// The entries, in order.
    pub entries: Vec<Entry>,
    /// A warning when a torn last line was dropped.
    pub warning: Option<String>,
    /// Length in bytes of the intact part of the file.
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

/// Reads a journal from bytes; `name` is used in messages.
pub fn read_journal_text(name: &str, bytes: &[u8]) -> Result<ReadJournal, JournalError> {
    let corrupt = |line: usize, message: String| JournalError::Corrupt {
        path: name.to_string(),
        line,
        message,
    };
    let mut lines: Vec<(usize, &[u8])> = Vec::new();
    let mut start = 0;
    for (i, b) in bytes.iter().enumerate() {
        if *b == b'\n' {
            lines.push((start, &bytes[start..i]));
            start = i + 1;
        }
    }
    let torn_tail = (start < bytes.len()).then(|| &bytes[start..]);
    let mut valid_len = start as u64;
    let mut warning = None;
    if let Some(tail) = torn_tail {
        warning = Some(format!(
            "{name}: the last line ({} bytes) was cut short, probably by a crash while writing; it was dropped and everything before it kept",
            tail.len()
        ));
    }
    let Some(&(_, first)) = lines.first() else {
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
    let last = lines.len() - 1;
    for (n, &(off, line)) in lines.iter().enumerate().skip(1) {
        if line.iter().all(|b| b.is_ascii_whitespace()) {
            continue;
        }
        let parsed = if line.len() > MAX_LINE {
            Err(format!("line longer than {MAX_LINE} bytes"))
        } else {
            serde_json::from_slice::<Entry>(line).map_err(|e| e.to_string())
        };
        match parsed {
            Ok(e) => {
                let expected = entries.len() as u64 + 1;
                if e.seq != expected {
                    return Err(corrupt(
                        n + 1,
                        format!("entry number {} where {expected} was expected", e.seq),
                    ));
                }
                entries.push(e);
            }
            Err(msg) if n == last && torn_tail.is_none() => {
                // A complete but unreadable last line: also a torn write (e.g. zero-filled).
                warning = Some(format!(
                    "{name}:{}: the last line cannot be read ({msg}); it was dropped and everything before it kept",
                    n + 1
                ));
                valid_len = off as u64;
            }
            Err(msg) => return Err(corrupt(n + 1, msg)),
        }
    }
    Ok(ReadJournal {
        header,
        entries,
        warning,
        valid_len,
    })
}
