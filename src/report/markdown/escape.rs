//! Escaping of untrusted text (scenario and journal strings) for the Markdown report, by
//! the place it lands in.
//!
//! The goal is structure: whatever a string holds, it shows literally and cannot add a
//! table cell, a code block, a rule, a list or item, a heading, a block quote, an HTML
//! block, a link or emphasis that the report did not write itself. CommonMark allows a
//! backslash before any ASCII punctuation, so escapes are backslashes. Punctuation is
//! escaped only where it could start something: `-`, `+`, `=`, `:`, `#` and `1.` only at
//! the start of a line, `&` only before what could be an entity, so ordinary text stays
//! readable in a terminal.
//!
//! Every function first makes control characters visible with [`sanitize_block`] (the
//! report model has already done so; doing it again costs a scan and keeps this module
//! safe on its own).

use crate::text::sanitize_block;

/// Characters escaped wherever they are: they start code, emphasis, strikethrough, math,
/// links, HTML and autolinks, or split a table cell. (`_` too, except between letters or
/// digits, where it cannot open or close emphasis: `backups_tested` stays as it is.)
const ALWAYS: &[char] = &['\\', '`', '*', '~', '$', '[', ']', '<', '>', '|'];

/// Text inside a line: a table cell, a heading, a sentence.
///
/// Line breaks and tabs become spaces and the ends are trimmed (so that `**text**` stays
/// strong and a cell keeps its content). Escapes the [`ALWAYS`] characters, `_` but inside
/// a word, `&` before a
/// letter, digit or `#` (an entity), and a final run of `#` after a space (it would close
/// an ATX heading and vanish).
pub(super) fn inline(s: &str) -> String {
    escape(&flat(s), false)
}

/// Text at the start of a line: the content of a list item, a line of a paragraph or of
/// a block quote.
///
/// Like [`inline`], and leading spaces are dropped (four would make indented code), and
/// what would start a block is escaped too: `#` (heading), `-` and `+` (list item, rule,
/// setext underline), `=` (setext underline), `:` (definition), and the `.` or `)` of
/// `1.` / `1)` (ordered list). `>`, `*`, `_`, backticks, `~`, `<` and `|` are always
/// escaped, which covers block quotes, rules, fences, HTML blocks and tables.
pub(super) fn leading(s: &str) -> String {
    escape(&flat(s), true)
}

/// The lines of a block of text (a summary, a debrief, a note), each escaped as
/// [`leading`], for the caller to join with hard breaks. Blank lines at the ends are
/// dropped; blank lines inside become a no-break space, so that the block stays one
/// paragraph (and inside a list item, one item).
pub(super) fn lines(s: &str) -> Vec<String> {
    let s = sanitize_block(s);
    let mut out: Vec<String> = s.split('\n').map(leading).collect();
    while out.last().is_some_and(String::is_empty) {
        out.pop();
    }
    let first = out.iter().position(|l| !l.is_empty()).unwrap_or(out.len());
    out.drain(..first);
    for l in &mut out {
        if l.is_empty() {
            l.push('\u{a0}');
        }
    }
    out
}

/// A code span of `s` (a file name, an id), or `s` as [`inline`] text when it holds a
/// backtick or a `|` (which would end the span or split a table cell) or is blank.
pub(super) fn code(s: &str) -> String {
    let f = flat(s);
    let t = f.trim();
    if t.is_empty() || t.contains(['`', '|']) {
        escape(t, false)
    } else {
        format!("`{t}`")
    }
}

/// The destination of a link to a source's URL, or `None` when the URL is not `http://`
/// or `https://` with a host (`javascript:`, `data:`, relative paths, ... are never links).
///
/// Spaces, parentheses, `<`, `>`, quotes, backslashes, backticks, `{`, `|`, `}`, `^` and
/// every byte outside ASCII are percent-encoded, and `&` is escaped, so the destination
/// ends where the report ends it and carries no entity.
pub(super) fn link_target(url: &str) -> Option<String> {
    let f = flat(url);
    let u = f.trim();
    let scheme = ["https://", "http://"]
        .into_iter()
        .find(|p| u.get(..p.len()).is_some_and(|h| h.eq_ignore_ascii_case(p)))?;
    let host = u[scheme.len()..]
        .split(['/', '?', '#'])
        .next()
        .unwrap_or("");
    if host.is_empty() {
        return None;
    }
    let mut out = String::with_capacity(u.len() + 8);
    for b in u.bytes() {
        match b {
            b'&' => out.push_str("\\&"),
            b if b.is_ascii_alphanumeric() || b"-._~:/?#@!$'*+,;=%[]".contains(&b) => {
                out.push(char::from(b));
            }
            b => out.push_str(&format!("%{b:02X}")),
        }
    }
    Some(out)
}

/// Sanitised text on one line: line breaks and tabs become spaces.
fn flat(s: &str) -> String {
    let s = sanitize_block(s);
    if s.contains(['\n', '\t']) {
        s.replace(['\n', '\t'], " ")
    } else {
        s
    }
}

fn escape(s: &str, line_start: bool) -> String {
    let chars: Vec<char> = s.trim().chars().collect();
    let closing = closing_hashes(&chars);
    let marker = if line_start {
        ordered_marker(&chars)
    } else {
        None
    };
    let mut out = String::with_capacity(s.len() + 8);
    for (i, &c) in chars.iter().enumerate() {
        let inside_word = |k: Option<usize>| {
            k.and_then(|k| chars.get(k))
                .is_some_and(|n| n.is_alphanumeric())
        };
        let escaped = ALWAYS.contains(&c)
            || (c == '_' && !(inside_word(i.checked_sub(1)) && inside_word(Some(i + 1))))
            || (c == '&'
                && chars
                    .get(i + 1)
                    .is_some_and(|n| n.is_ascii_alphanumeric() || *n == '#'))
            || (c == '#' && Some(i) == closing)
            || (line_start && i == 0 && matches!(c, '#' | '-' | '+' | '=' | ':'))
            || Some(i) == marker;
        if escaped {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// The index of the first `#` of a final run of `#` that is alone or follows whitespace:
/// in a heading it would be read as the closing sequence and dropped.
fn closing_hashes(chars: &[char]) -> Option<usize> {
    let start = chars.len() - chars.iter().rev().take_while(|c| **c == '#').count();
    (start < chars.len() && (start == 0 || chars[start - 1].is_whitespace())).then_some(start)
}

/// The index of the `.` or `)` of an ordered list marker (1 to 9 digits, then `.` or `)`,
/// then a space or the end) at the start of `chars`.
fn ordered_marker(chars: &[char]) -> Option<usize> {
    let digits = chars.iter().take_while(|c| c.is_ascii_digit()).count();
    let ends = chars.get(digits + 1).is_none_or(|c| *c == ' ');
    ((1..=9).contains(&digits) && matches!(chars.get(digits), Some('.' | ')')) && ends)
        .then_some(digits)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_markup_shows_literally() {
        assert_eq!(
            inline("<script>a|b</script> [x](y) `c` *d* _e_ ~f~ $g$ \\"),
            "\\<script\\>a\\|b\\</script\\> \\[x\\](y) \\`c\\` \\*d\\* \\_e\\_ \\~f\\~ \\$g\\$ \\\\"
        );
        assert_eq!(inline("a\nb\tc  "), "a b c");
        assert_eq!(
            inline("backups_tested _x_ a__b_"),
            "backups_tested \\_x\\_ a\\_\\_b\\_"
        );
        assert_eq!(inline("  padded  "), "padded");
    }

    #[test]
    fn ordinary_punctuation_is_left_alone() {
        let s = "Isolate the network (now), call IT - then wait: 1. 2) #3 R&D & co; 50% done!";
        assert_eq!(
            inline(s),
            "Isolate the network (now), call IT - then wait: 1. 2) #3 R\\&D & co; 50% done!"
        );
        assert_eq!(leading("1.5 hours - 2 people"), "1.5 hours - 2 people");
        assert_eq!(leading("C# and F#"), "C# and F#");
    }

    #[test]
    fn entities_are_escaped() {
        assert_eq!(inline("&amp; &#35; &x &"), "\\&amp; \\&#35; \\&x &");
    }

    #[test]
    fn a_closing_hash_run_is_escaped() {
        assert_eq!(inline("Ward ##"), "Ward \\##");
        assert_eq!(inline("#"), "\\#");
        assert_eq!(inline("C#"), "C#");
        assert_eq!(inline("# mid"), "# mid");
    }

    #[test]
    fn block_starts_are_escaped_at_a_line_start() {
        for (raw, shown) in [
            ("# heading", "\\# heading"),
            ("###### h", "\\###### h"),
            ("> quote", "\\> quote"),
            ("- item", "\\- item"),
            ("+ item", "\\+ item"),
            ("* item", "\\* item"),
            ("1. item", "1\\. item"),
            ("123456789) item", "123456789\\) item"),
            ("1.", "1\\."),
            ("1234567890. not a marker", "1234567890. not a marker"),
            ("---", "\\---"),
            ("***", "\\*\\*\\*"),
            ("___", "\\_\\_\\_"),
            ("===", "\\==="),
            ("```rust", "\\`\\`\\`rust"),
            ("~~~", "\\~\\~\\~"),
            ("    indented code", "indented code"),
            ("\t\tcode", "code"),
            ("   # indented heading", "\\# indented heading"),
            ("<div>", "\\<div\\>"),
            ("| a | b |", "\\| a \\| b \\|"),
            ("[ref]: http://x", "\\[ref\\]: http://x"),
            (": definition", "\\: definition"),
        ] {
            assert_eq!(leading(raw), shown, "{raw:?}");
        }
        assert_eq!(inline("- mid-line"), "- mid-line");
    }

    #[test]
    fn blocks_keep_their_lines_and_stay_one_paragraph() {
        assert_eq!(
            lines("\n# one\n\n    two\n---\n\n"),
            ["\\# one", "\u{a0}", "two", "\\---"]
        );
        assert!(lines("  \n\n").is_empty());
    }

    #[test]
    fn control_characters_are_visible() {
        assert_eq!(inline("a\x1b[31mb\r"), "a␛\\[31mb␍");
        assert_eq!(lines("a\r\nb"), ["a", "b"]);
    }

    #[test]
    fn code_spans_fall_back_to_text() {
        assert_eq!(code("night-shift-a.jsonl"), "`night-shift-a.jsonl`");
        assert_eq!(code("a`b|c.jsonl"), "a\\`b\\|c.jsonl");
        assert_eq!(code(" "), "");
    }

    #[test]
    fn only_http_urls_become_link_targets() {
        assert_eq!(
            link_target("https://example.org/a_b?x=1&y=(2)").as_deref(),
            Some("https://example.org/a_b?x=1\\&y=%282%29")
        );
        assert_eq!(
            link_target("HTTP://h/a b<c>\"é").as_deref(),
            Some("HTTP://h/a%20b%3Cc%3E%22%C3%A9")
        );
        for bad in [
            "javascript:alert(1)",
            "data:text/html,x",
            "/etc/passwd",
            "http://",
            "https:///path",
            "ftp://example.org",
            "",
        ] {
            assert_eq!(link_target(bad), None, "{bad:?}");
        }
    }
}
