//! Untrusted text on its way to a terminal: scenario, attachment and journal strings are
//! sanitised so that no control sequence is ever interpreted.
//!
//! C0 controls (except newline and tab in blocks), DEL, C1 controls, bidirectional
//! override/isolate characters, the line and paragraph separators, invisible zero-width
//! characters and Unicode tag characters are replaced by visible placeholders: `␛` for ESC,
//! the Unicode "control picture" for other C0 controls, `␤` for the separators and `�` for
//! the rest. A whole escape sequence (CSI, OSC, DCS, ...) thus shows as harmless printable
//! text, and what is measured for the screen is what the terminal draws.

/// Whether a character would be interpreted by a terminal, reorder text invisibly, hide
/// text, or make the console's idea of text width disagree with the terminal's.
pub fn is_dangerous(c: char) -> bool {
    let u = c as u32;
    u < 0x20 || u == 0x7f || (0x80..=0x9f).contains(&u) || is_bidi_control(c) || is_invisible(c)
}

/// Line and paragraph separators, zero-width characters (space, joiners, word joiner,
/// invisible operators, the byte-order mark), the Mongolian vowel separator and the tag
/// characters (U+E0000–U+E007F), which can hide text from a reader.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{2028}'
            | '\u{2029}'
            | '\u{200b}'..='\u{200d}'
            | '\u{2060}'..='\u{2064}'
            | '\u{feff}'
            | '\u{180e}'
            | '\u{e0000}'..='\u{e007f}'
    )
}

/// Bidirectional embedding, override and isolate characters (and the invisible marks).
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' | '\u{061c}')
}

/// The visible stand-in for a dangerous character.
pub fn placeholder(c: char) -> char {
    let u = c as u32;
    match u {
        0x1b => '␛',
        0x00..=0x1f => char::from_u32(0x2400 + u).unwrap_or('�'),
        0x7f => '␡',
        0x2028 | 0x2029 => '␤',
        _ => '�',
    }
}

/// Sanitises one line: every control character, newlines included, becomes a placeholder.
pub fn sanitize_line(s: &str) -> String {
    if !s.chars().any(is_dangerous) {
        return s.to_string();
    }
    s.chars()
        .map(|c| if is_dangerous(c) { placeholder(c) } else { c })
        .collect()
}

/// Sanitises a block of text: newlines and tabs are kept, `\r\n` becomes `\n`, every other
/// control character becomes a placeholder.
pub fn sanitize_block(s: &str) -> String {
    if !s.chars().any(|c| is_dangerous(c) && c != '\n' && c != '\t') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\n' | '\t' => out.push(c),
            '\r' if chars.peek() == Some(&'\n') => {}
            c if is_dangerous(c) => out.push(placeholder(c)),
            c => out.push(c),
        }
    }
    out
}

/// Makes JSON text safe to print: serde_json escapes C0 controls but writes C1 controls,
/// DEL and bidirectional controls as they are; this escapes them as `\uXXXX` too. They can
/// only occur inside JSON strings, so the document means exactly the same.
pub fn escape_json(json: String) -> String {
    // C0 controls are escaped by serde_json inside strings; outside strings they are the
    // document's own whitespace.
    let escaped = |c: char| is_dangerous(c) && c as u32 >= 0x7f;
    if !json.chars().any(escaped) {
        return json;
    }
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        if escaped(c) {
            // JSON escapes name UTF-16 units: a pair of surrogates beyond the BMP.
            let mut units = [0u16; 2];
            for u in c.encode_utf16(&mut units) {
                out.push_str(&format!("\\u{u:04x}"));
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// Escapes text for HTML content and attribute values.
pub fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A language tag fit for a `lang` attribute: the scenario's, or `en`.
pub fn html_lang(language: &str) -> String {
    let tag = language.trim();
    if tag.is_empty()
        || tag.len() > 35
        || !tag.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
    {
        "en".to_string()
    } else {
        tag.to_string()
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn html_lang_is_the_scenarios_tag_or_en() {
        assert_eq!(html_lang("zh-Hans"), "zh-Hans");
        assert_eq!(html_lang(" fr "), "fr");
        assert_eq!(html_lang(""), "en");
        assert_eq!(html_lang("en\"><script>"), "en");
    }

    use super::*;

    #[test]
    fn escape_sequences_become_visible() {
        let osc52 = "copy\x1b]52;c;ZXZpbA==\x07done";
        let s = sanitize_line(osc52);
        assert!(!s.chars().any(is_dangerous));
        assert_eq!(s, "copy␛]52;c;ZXZpbA==␇done");
        assert_eq!(sanitize_line("a\x1b[2Jb"), "a␛[2Jb");
        assert_eq!(sanitize_line("x\u{9b}31m"), "x�31m");
        assert_eq!(sanitize_line("safe\u{202e}txt.exe"), "safe�txt.exe");
        assert_eq!(sanitize_line("back\x08space\rret"), "back␈space␍ret");
    }

    #[test]
    fn json_escapes_every_control_and_keeps_its_meaning() {
        let v = serde_json::json!({"t": "a\x1b]0;x\x07 \u{9b}31m \u{202e}b\x7f"});
        let s = escape_json(serde_json::to_string_pretty(&v).unwrap());
        assert!(!s.chars().any(|c| is_dangerous(c) && c != '\n'), "{s}");
        assert_eq!(serde_json::from_str::<serde_json::Value>(&s).unwrap(), v);
        assert_eq!(escape_json("{\"a\":1}".into()), "{\"a\":1}");
    }

    #[test]
    fn separators_zero_width_and_tags_become_visible() {
        assert_eq!(sanitize_line("a\u{2028}b\u{2029}c"), "a␤b␤c");
        assert_eq!(
            sanitize_line("in\u{200b}vis\u{200d}i\u{feff}ble"),
            "in�vis�i�ble"
        );
        assert_eq!(sanitize_line("tag\u{e0041}\u{e007f}"), "tag��");
        assert_eq!(sanitize_line("word\u{2060}joiner"), "word�joiner");
        let json = escape_json("\"a\u{2028}\u{e0041}\"".into());
        assert_eq!(json, "\"a\\u2028\\udb40\\udc41\"");
        assert_eq!(
            serde_json::from_str::<String>(&json).unwrap(),
            "a\u{2028}\u{e0041}"
        );
    }

    #[test]
    fn blocks_keep_line_structure() {
        assert_eq!(sanitize_block("a\r\nb\tc\n\x1b[H"), "a\nb\tc\n␛[H");
        assert_eq!(
            sanitize_block("plain text, çé 中文 🙂"),
            "plain text, çé 中文 🙂"
        );
    }
}
