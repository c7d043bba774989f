//! The author's guide (`scenarios/README.md`), embedded in the binary so that
//! `downtime explain CODE` and the SARIF rules always say what the guide says.

use super::diagnostics::Code;

/// The whole guide, as Markdown.
pub const GUIDE: &str = include_str!("../../scenarios/README.md");

/// Width the plain-text sections are wrapped at.
pub const EXPLAIN_WIDTH: usize = 80;

/// The Markdown of a code's section (`### DT0006` up to the next heading), without its
/// heading; `None` if the guide has no such section.
pub fn section(code: Code) -> Option<&'static str> {
    let heading = format!("### {}", code.as_str());
    let mut at = 0;
    let start = loop {
        let i = GUIDE[at..].find(&heading)? + at;
        let end = i + heading.len();
        let line_start = i == 0 || GUIDE.as_bytes()[i - 1] == b'\n';
        let line_end = GUIDE[end..].starts_with('\n') || end == GUIDE.len();
        if line_start && line_end {
            break end;
        }
        at = end;
    };
    let body = &GUIDE[start..];
    let mut stop = body.len();
    let mut in_fence = false;
    let mut offset = 0;
    for line in body.split_inclusive('\n') {
        if line.starts_with("```") {
            in_fence = !in_fence;
        } else if !in_fence && (line.starts_with("## ") || line.starts_with("### ")) {
            stop = offset;
            break;
        }
        offset += line.len();
    }
    Some(body[..stop].trim_matches('\n'))
}

/// The first paragraph of a code's section, as plain text on one line (its summary and how
/// to fix it).
pub fn summary(code: Code) -> Option<String> {
    let md = section(code)?;
    let para: Vec<&str> = md
        .lines()
        .take_while(|l| !l.trim().is_empty())
        .map(str::trim)
        .collect();
    Some(inline(&para.join(" ")))
}

/// A code's section as plain text for a terminal: a heading line, paragraphs wrapped at
/// [`EXPLAIN_WIDTH`], code blocks indented by four spaces and kept as they are.
pub fn explain(code: Code) -> Option<String> {
    let md = section(code)?;
    let mut out = format!("{}: {} ({})\n", code.as_str(), code.title(), sev(code));
    let mut para: Vec<&str> = Vec::new();
    let mut in_fence = false;
    let flush = |para: &mut Vec<&str>, out: &mut String| {
        if !para.is_empty() {
            out.push('\n');
            out.push_str(&wrap(&inline(&para.join(" ")), EXPLAIN_WIDTH));
            para.clear();
        }
    };
    for line in md.lines() {
        if line.starts_with("```") {
            flush(&mut para, &mut out);
            if !in_fence {
                out.push('\n');
            }
            in_fence = !in_fence;
        } else if in_fence {
            if line.is_empty() {
                out.push('\n');
            } else {
                out.push_str("    ");
                out.push_str(line);
                out.push('\n');
            }
        } else if line.trim().is_empty() {
            flush(&mut para, &mut out);
        } else {
            para.push(line.trim());
        }
    }
    flush(&mut para, &mut out);
    Some(out)
}

fn sev(code: Code) -> &'static str {
    match code.severity() {
        super::diagnostics::Severity::Error => "error",
        super::diagnostics::Severity::Warning => "warning",
    }
}

/// Inline Markdown as plain text: `**bold**` loses its stars, `[text](target)` keeps its
/// text; code spans keep their backticks.
fn inline(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(c) = rest.chars().next() {
        if let Some(r) = rest.strip_prefix("**") {
            rest = r;
        } else if c == '`' {
            // A code span, copied as it is.
            let end = rest[1..].find('`').map_or(rest.len(), |i| i + 2);
            out.push_str(&rest[..end]);
            rest = &rest[end..];
        } else if c == '['
            && let Some(close) = rest.find("](")
            && let Some(paren) = rest[close..].find(')')
        {
            out.push_str(&inline(&rest[1..close]));
            rest = &rest[close + paren + 1..];
        } else {
            out.push(c);
            rest = &rest[c.len_utf8()..];
        }
    }
    out
}

/// Wraps words at `width` characters (a longer word gets a line of its own).
fn wrap(text: &str, width: usize) -> String {
    let mut out = String::new();
    let mut len = 0;
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        let n = word.chars().count();
        if len > 0 && len + 1 + n > width {
            out.push('\n');
            len = 0;
        } else if len > 0 {
            out.push(' ');
            len += 1;
        }
        out.push_str(word);
        len += n;
    }
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_markdown_becomes_plain_text() {
        assert_eq!(
            inline("**error: x.** See [`DT0001`](#dt0001) and `a [b](c)`."),
            "error: x. See `DT0001` and `a [b](c)`."
        );
    }

    #[test]
    fn paragraphs_wrap_and_code_is_indented() {
        let text = explain(Code::Syntax).unwrap();
        assert!(text.starts_with("DT0001: RON syntax error (error)\n\nerror: RON syntax error."));
        assert!(text.lines().all(|l| l.starts_with("    ")
            || l.chars().count() <= EXPLAIN_WIDTH
            || !l.contains(' ')));
        assert!(text.contains("\n    error[DT0001]: "), "{text}");
        assert!(!text.contains("```"));
    }
}
