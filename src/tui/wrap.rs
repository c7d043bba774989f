//! Text measured and wrapped by display width (`unicode-width`): Chinese characters and
//! most emoji take two columns, combining accents none. Every string is sanitised first.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use crate::text::{sanitize_block, sanitize_line};

/// Display width of a string.
pub fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

fn char_width(c: char) -> usize {
    UnicodeWidthChar::width(c).unwrap_or(0)
}

/// Wraps untrusted text to `max` columns: paragraphs (newlines) are kept; lines break only
/// where Unicode's line-breaking algorithm (UAX #14, `unicode-linebreak`) allows, so
/// Chinese breaks between characters but never before `，。、）」`, and French keeps `mot :`
/// and `« mot »` (no-break spaces) together. A piece longer than the line (a long word, a
/// URL) is broken between characters. Tabs become spaces.
pub fn wrap(text: &str, max: usize) -> Vec<String> {
    let clean = sanitize_block(text).replace('\t', "    ");
    let max = max.max(1);
    let mut out = Vec::new();
    for para in clean.split('\n') {
        wrap_paragraph(para, max, &mut out);
    }
    out
}

/// The pieces between break opportunities, each split into its text and the spaces after
/// it (which hang at the end of a line and vanish at a break). A hyphenated word stays whole
/// (`120-bed`), as the console always kept it: UAX #14 would allow a break after `-`.
fn pieces(para: &str) -> impl Iterator<Item = (&str, &str)> {
    let mut prev = 0;
    unicode_linebreak::linebreaks(para).filter_map(move |(at, _)| {
        if at < para.len() && para[..at].ends_with('-') {
            return None;
        }
        let seg = &para[prev..at];
        prev = at;
        let word = seg.trim_end_matches(' ');
        Some((word, &seg[word.len()..]))
    })
}

fn wrap_paragraph(para: &str, max: usize, out: &mut Vec<String>) {
    let mut line = String::new();
    let mut w = 0;
    let mut gap = "";
    let start_len = out.len();
    for (word, spaces) in pieces(para) {
        let ww = width(word);
        let sep = if line.is_empty() { "" } else { gap };
        let sw = width(sep);
        gap = spaces;
        if w + sw + ww <= max {
            line.push_str(sep);
            line.push_str(word);
            w += sw + ww;
            continue;
        }
        if ww <= max {
            out.push(std::mem::take(&mut line));
            line.push_str(word);
            w = ww;
            continue;
        }
        // A piece longer than the line: fill the current line, then break it by character.
        if !line.is_empty() {
            if w + sw < max {
                line.push_str(sep);
                w += sw;
            } else {
                out.push(std::mem::take(&mut line));
                w = 0;
            }
        }
        for c in word.chars() {
            let cw = char_width(c);
            if w + cw > max {
                out.push(std::mem::take(&mut line));
                w = 0;
            }
            line.push(c);
            w += cw;
        }
    }
    if !line.is_empty() || out.len() == start_len {
        out.push(line);
    }
}

/// Cuts untrusted text to one line of at most `max` columns, ending with `…` when cut.
pub fn truncate(text: &str, max: usize) -> String {
    let clean = sanitize_line(text);
    if width(&clean) <= max {
        return clean;
    }
    if max == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut w = 0;
    for c in clean.chars() {
        let cw = char_width(c);
        if w + cw + 1 > max {
            break;
        }
        out.push(c);
        w += cw;
    }
    out.push('…');
    out
}

/// Wraps `prefix` followed by a path to `max` columns, breaking the path only after a
/// separator (`/` or `\\`), so that no file or folder name is cut in two; a single name
/// longer than a whole line is broken after a `-`, `_` or `.` within it, and only as a
/// last resort between characters. Lines after the first start with `indent`.
pub fn wrap_path(prefix: &str, path: &str, max: usize, indent: &str) -> Vec<String> {
    let path = sanitize_line(path);
    let max = max.max(width(indent) + 8);
    let room = max - width(indent);
    // The path's pieces, each ending with its separator.
    let mut pieces: Vec<String> = Vec::new();
    let mut cur = String::new();
    for c in path.chars() {
        cur.push(c);
        if c == '/' || c == '\\' {
            pieces.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        pieces.push(cur);
    }
    // Pieces too long for a line are split where a name may be split least badly.
    let mut tokens = Vec::new();
    for p in pieces {
        if width(&p) <= room {
            tokens.push(p);
            continue;
        }
        let mut part = String::new();
        for c in p.chars() {
            part.push(c);
            if matches!(c, '-' | '_' | '.') {
                tokens.push(std::mem::take(&mut part));
            }
        }
        if !part.is_empty() {
            tokens.push(part);
        }
    }
    let mut out = Vec::new();
    let mut line = sanitize_line(prefix);
    let mut w = width(&line);
    let mut fresh = line.is_empty();
    // A path that fits on a line of its own goes there whole (one line to select and copy)
    // rather than being split after the prefix.
    if !fresh && w + width(&path) > max && width(&path) <= room {
        out.push(line.trim_end().to_string());
        line = indent.to_string();
        w = width(indent);
        fresh = true;
    }
    for tok in tokens {
        let tw = width(&tok);
        if w + tw > max && !fresh {
            out.push(std::mem::take(&mut line));
            line.push_str(indent);
            w = width(indent);
        }
        if w + tw > max {
            // Still too long: by character.
            for c in tok.chars() {
                let cw = char_width(c);
                if w + cw > max {
                    out.push(std::mem::take(&mut line));
                    line.push_str(indent);
                    w = width(indent);
                }
                line.push(c);
                w += cw;
            }
        } else {
            line.push_str(&tok);
            w += tw;
        }
        fresh = false;
    }
    out.push(line);
    out
}

/// Pads (or cuts) untrusted text to exactly `cols` columns.
pub fn fit(text: &str, cols: usize) -> String {
    let mut s = truncate(text, cols);
    let w = width(&s);
    s.extend(std::iter::repeat_n(' ', cols.saturating_sub(w)));
    s
}

/// `text` right-aligned in `cols` cells (wide characters count as two), cut with a marker
/// when longer.
pub fn right(text: &str, cols: usize) -> String {
    let s = truncate(text, cols);
    format!("{}{s}", " ".repeat(cols.saturating_sub(width(&s))))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_wrap_at_the_width() {
        assert_eq!(
            wrap("the quick brown fox jumps", 10),
            vec!["the quick", "brown fox", "jumps"]
        );
        assert_eq!(wrap("a\n\nb", 5), vec!["a", "", "b"]);
    }

    #[test]
    fn chinese_breaks_between_characters_at_double_width() {
        let lines = wrap("网络已被隔离请立即报告", 8);
        assert_eq!(lines, vec!["网络已被", "隔离请立", "即报告"]);
        assert!(lines.iter().all(|l| width(l) <= 8));
    }

    #[test]
    fn french_accents_and_emoji_count_their_display_width() {
        let lines = wrap("Réseau isolé 🙂🙂 déjà prévenu", 12);
        assert!(lines.iter().all(|l| width(l) <= 12), "{lines:?}");
        assert_eq!(lines[0], "Réseau isolé");
        assert_eq!(width("🙂"), 2);
    }

    #[test]
    fn control_characters_never_reach_the_terminal() {
        let lines = wrap("evil\x1b[2Jtext", 40);
        assert_eq!(lines, vec!["evil␛[2Jtext"]);
        assert_eq!(truncate("a\x07b", 10), "a␇b");
    }

    #[test]
    fn paths_break_only_between_names() {
        let p = "/home/facilitator/.local/share/downtime/journals/saturday-night-blackout-20261201-101530-s7.jsonl";
        for max in [30, 40, 60, 80] {
            let lines = wrap_path("Journal: ", p, max, "  ");
            assert!(lines.iter().all(|l| width(l) <= max), "{lines:?}");
            let joined: String = lines
                .iter()
                .enumerate()
                .map(|(k, l)| {
                    if k == 0 {
                        l.clone()
                    } else {
                        l[2..].to_string()
                    }
                })
                .collect();
            assert_eq!(joined, format!("Journal: {p}"));
            for l in &lines[..lines.len() - 1] {
                assert!(l.ends_with(['/', '-', '_', '.', ' ']), "{max}: {lines:?}");
            }
        }
        let lines = wrap_path("Journal: ", p, 80, "  ");
        assert!(lines[0].ends_with("/journals/"), "{lines:?}");
        assert_eq!(
            lines[1],
            "  saturday-night-blackout-20261201-101530-s7.jsonl"
        );
        // A path that fits a line of its own is not split.
        let short = "/home/f/.local/share/downtime/journals/tutorial-20261201-101530-s7.jsonl";
        let lines = wrap_path(
            " seed 7 · projector: downtime present --latest · journal ",
            short,
            80,
            "  ",
        );
        assert_eq!(
            lines,
            [
                " seed 7 · projector: downtime present --latest · journal".to_string(),
                format!("  {short}")
            ]
        );
    }

    #[test]
    fn chinese_closing_punctuation_stays_with_the_text_before_it() {
        // Width 8 would put `，` first on the second line; UAX #14 keeps it with `离`.
        let lines = wrap("网络已被隔离，请立即报告。", 12);
        assert!(lines.iter().all(|l| width(l) <= 12), "{lines:?}");
        for l in &lines[1..] {
            assert!(!l.starts_with(['，', '。', '、', '）', '」']), "{lines:?}");
        }
        assert_eq!(lines.concat(), "网络已被隔离，请立即报告。");
    }

    #[test]
    fn french_no_break_spaces_keep_their_words() {
        let text = "Le réseau est coupé\u{a0}: appelez «\u{a0}la cellule\u{a0}» maintenant\u{a0}!";
        for max in 8..30 {
            let lines = wrap(text, max);
            for l in &lines {
                assert!(width(l) <= max, "{max}: {lines:?}");
                assert!(!l.starts_with([':', '!', '»']), "{max}: {lines:?}");
            }
        }
    }

    #[test]
    fn truncation_marks_the_cut() {
        assert_eq!(truncate("abcdefgh", 5), "abcd…");
        assert_eq!(truncate("中文中文", 5), "中文…");
        assert_eq!(fit("ab", 4), "ab  ");
    }
}
