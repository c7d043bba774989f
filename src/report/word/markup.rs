//! Catalogue messages written for the HTML report (`<strong>Draft.</strong> …`) as
//! [`Text`]: `<strong>` and `<b>` become bold, `<em>` and `<i>` italic, other tags go, and
//! entities are decoded. Arguments must be passed escaped ([`esc`]), as for HTML.

use crate::print::{Span, Text};

pub(super) use crate::report::html::escape_html as esc;

/// Text from inline HTML.
pub(super) fn rich(html: &str) -> Text {
    let mut spans: Vec<Span> = Vec::new();
    let (mut bold, mut italic) = (0u32, 0u32);
    let mut rest = html;
    while !rest.is_empty() {
        let (text, after) = match rest.find('<') {
            Some(i) => (&rest[..i], &rest[i..]),
            None => (rest, ""),
        };
        if !text.is_empty() {
            push(&mut spans, &decode(text), bold > 0, italic > 0);
        }
        rest = after;
        if rest.is_empty() {
            break;
        }
        let end = rest.find('>').map_or(rest.len(), |i| i + 1);
        let tag = rest[1..end.saturating_sub(1).max(1)]
            .trim()
            .to_ascii_lowercase();
        let closing = tag.starts_with('/');
        let name = tag.trim_start_matches('/');
        let name = name.split_whitespace().next().unwrap_or("");
        let counter = match name {
            "strong" | "b" => Some(&mut bold),
            "em" | "i" => Some(&mut italic),
            _ => None,
        };
        if let Some(c) = counter {
            *c = if closing { c.saturating_sub(1) } else { *c + 1 };
        }
        rest = &rest[end..];
    }
    Text(spans)
}

/// Adds text, joined to the last span when it has the same emphasis.
fn push(spans: &mut Vec<Span>, text: &str, bold: bool, italic: bool) {
    match spans.last_mut() {
        Some(s) if s.bold == bold && s.italic == italic => s.text.push_str(text),
        _ => spans.push(Span {
            text: text.to_string(),
            bold,
            italic,
        }),
    }
}

/// Decodes the entities [`esc`] writes, and `&nbsp;`.
fn decode(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&nbsp;", "\u{a0}")
        .replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_become_emphasis_and_entities_characters() {
        let t = rich("<strong>Draft.</strong> From <code>a&amp;b&lt;c</code>, <em>x</em>");
        assert_eq!(t.to_plain(), "Draft. From a&b<c, x");
        assert!(t.0[0].bold && t.0[0].text == "Draft.");
        assert!(!t.0[1].bold && t.0[1].text == " From a&b<c, ");
        assert!(t.0[2].italic);
        assert_eq!(rich(&esc("<b>&</b>")).to_plain(), "<b>&</b>");
    }
}
