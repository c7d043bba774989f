//! Charts as PNG for Word.
