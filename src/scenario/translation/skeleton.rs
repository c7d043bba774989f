//! The skeleton `downtime translate` writes: every key of a scenario in file order, each
//! after a comment with the original's first line, with an empty text (or, updating, the
//! text an existing translation already has).

use std::collections::BTreeMap;
use std::fmt::Write;

use super::check::first_line;
use super::{TRANSLATION_FORMAT, TranslationFile, keys, texts};
use crate::scenario::model::ScenarioFile;

/// Longest original shown in a key's comment, in characters.
pub const COMMENT_WIDTH: usize = 72;

/// A skeleton and what updating an existing translation found.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Skeleton {
    /// The translation file's text.
    pub text: String,
    /// Keys written (every text of the scenario).
    pub keys: usize,
    /// Of those, the keys that already had a text.
    pub kept: usize,
    /// Keys of the existing translation that name no text of the scenario any more (kept
    /// at the end of the file, commented out).
    pub gone: Vec<String>,
}

/// A RON string literal of `s`.
pub fn ron_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{{{:x}}}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A comment's text on one line: controls become spaces.
fn comment(s: &str) -> String {
    first_line(s, COMMENT_WIDTH)
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

/// The skeleton of a translation of `file` into `lang`, keeping the texts of `existing`.
pub fn skeleton(file: &ScenarioFile, lang: &str, existing: Option<&TranslationFile>) -> Skeleton {
    let own = &file.meta.language.value;
    let old: BTreeMap<String, String> =
        existing.map(|t| t.texts.value.to_map()).unwrap_or_default();
    let old_att: BTreeMap<String, String> = existing
        .map(|t| t.attachments.value.to_map())
        .unwrap_or_default();
    let mut s = Skeleton::default();
    let t = &mut s.text;
    let _ = writeln!(
        t,
        "// The texts of `{}` in `{lang}`: fill in each \"\" (a text left empty is shown in `{own}`).",
        comment(&file.meta.id.value)
    );
    let _ = writeln!(
        t,
        "// `downtime check` lists the texts still missing; `downtime translate --update` adds new keys."
    );
    let _ = writeln!(t, "Translation(");
    let _ = writeln!(t, "    format: {TRANSLATION_FORMAT},");
    let _ = writeln!(t, "    language: {},", ron_string(lang));
    let _ = writeln!(t, "    scenario: {},", ron_string(&file.meta.id.value));
    let _ = writeln!(t, "    texts: {{");
    for (key, text) in texts(file) {
        let value = old.get(&key).cloned().unwrap_or_default();
        if !value.is_empty() {
            s.kept += 1;
        }
        s.keys += 1;
        let _ = writeln!(t, "        // {own}: {}", comment(text));
        let _ = writeln!(t, "        {}: {},", ron_string(&key), ron_string(&value));
    }
    let _ = writeln!(t, "    }},");
    let attached = keys::attachments(file);
    if !attached.is_empty() {
        let _ = writeln!(
            t,
            "    // A translated attachment is another file beside the scenario."
        );
        let _ = writeln!(t, "    attachments: {{");
        for a in &attached {
            let value = old_att.get(*a).cloned().unwrap_or_default();
            let _ = writeln!(t, "        {}: {},", ron_string(a), ron_string(&value));
        }
        let _ = writeln!(t, "    }},");
    }
    let all = keys(file);
    if let Some(e) = existing {
        for (k, _) in &e.texts.value.0 {
            if !all.contains(&k.value) && !s.gone.contains(&k.value) {
                s.gone.push(k.value.clone());
            }
        }
        if !s.gone.is_empty() {
            let _ = writeln!(t, "    // No longer in the scenario:");
            for k in &s.gone {
                let v = old.get(k).map(String::as_str).unwrap_or_default();
                let _ = writeln!(t, "    // {}: {},", ron_string(k), ron_string(v));
            }
        }
    }
    let _ = writeln!(t, ")");
    s
}
