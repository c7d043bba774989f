//! Source text of a scenario file: byte spans and line/column lookup.

use std::sync::Arc;

/// A half-open byte range `start..end` into a source text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Span {
    /// First byte of the range.
    pub start: usize,
    /// One past the last byte of the range.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (bytes).
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    /// Number of bytes covered.
    pub fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    /// True when the span covers no bytes.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// A 1-based line and column; the column counts characters, not bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct LineCol {
    /// Line number, from 1.
    pub line: usize,
    /// Column number in characters, from 1.
    pub col: usize,
}

/// A named source text with a precomputed index of line starts.
#[derive(Clone, Debug)]
pub struct SourceFile {
    /// The name shown in diagnostics (usually the path as given).
    pub name: String,
    /// The full text, with any byte-order mark removed.
    pub text: Arc<str>,
    line_starts: Vec<usize>,
}

impl SourceFile {
    /// Wraps a text; a leading UTF-8 byte-order mark is removed.
    pub fn new(name: impl Into<String>, text: &str) -> Self {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let mut line_starts = vec![0];
        line_starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        SourceFile {
            name: name.into(),
            text: Arc::from(text),
            line_starts,
        }
    }

    /// Line and column (both 1-based) of a byte offset; offsets past the end clamp to the end.
    pub fn line_col(&self, offset: usize) -> LineCol {
        let offset = self.floor_char_boundary(offset.min(self.text.len()));
        let line = self.line_starts.partition_point(|&s| s <= offset) - 1;
        let start = self.line_starts[line];
        let col = self.text[start..offset].chars().count() + 1;
        LineCol {
            line: line + 1,
            col,
        }
    }

    /// Byte offset of a 1-based line and column, clamped to the text.
    pub fn offset_of(&self, lc: LineCol) -> usize {
        let line = lc.line.clamp(1, self.line_starts.len()) - 1;
        let start = self.line_starts[line];
        let end = self.line_end(line);
        self.text[start..end]
            .char_indices()
            .nth(lc.col.saturating_sub(1))
            .map(|(i, _)| start + i)
            .unwrap_or(end)
    }

    /// The text of a 1-based line, without its line ending.
    pub fn line_text(&self, line: usize) -> &str {
        let line = line.clamp(1, self.line_starts.len()) - 1;
        &self.text[self.line_starts[line]..self.line_end(line)]
    }

    /// Number of lines in the text.
    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    fn line_end(&self, line: usize) -> usize {
        let end = self
            .line_starts
            .get(line + 1)
            .map(|&s| s - 1)
            .unwrap_or(self.text.len());
        let bytes = self.text.as_bytes();
        if end > self.line_starts[line] && bytes.get(end - 1) == Some(&b'\r') {
            end - 1
        } else {
            end
        }
    }

    fn floor_char_boundary(&self, mut offset: usize) -> usize {
        while offset > 0 && !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        offset
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_characters_and_skips_bom() {
        let src = SourceFile::new("x", "\u{feff}ab\r\nçé z\n");
        assert_eq!(src.line_col(0), LineCol { line: 1, col: 1 });
        assert_eq!(src.line_col(4), LineCol { line: 2, col: 1 });
        // 'z' is after two 2-byte characters and a space.
        assert_eq!(src.line_col(9), LineCol { line: 2, col: 4 });
        assert_eq!(src.line_text(1), "ab");
        assert_eq!(src.line_text(2), "çé z");
        assert_eq!(src.offset_of(LineCol { line: 2, col: 4 }), 9);
    }
}
