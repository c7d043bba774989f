//! Checking a translation against the scenario it translates: keys, scenario id, language
//! tag, missing texts, numbers and `{placeholders}` the translation drops, attachments.

use std::collections::{BTreeSet, HashSet};

use super::{TRANSLATION_FORMAT, TranslationFile, is_language_tag, keys, same_language};
use crate::scenario::diagnostics::{Code, Diagnostic};
use crate::scenario::expr::symbols::did_you_mean;
use crate::scenario::files::{Files, check_relative};
use crate::scenario::model::ScenarioFile;

/// Most missing keys named in the one missing-texts warning.
pub const MAX_LISTED: usize = 10;

/// Every problem of a translation of `file`; `name_lang` is the language its file name gives.
pub fn check(
    tr: &TranslationFile,
    file: &ScenarioFile,
    name_lang: Option<&str>,
    files: &dyn Files,
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    if tr.format.value != TRANSLATION_FORMAT {
        out.push(
            Diagnostic::new(
                Code::UnsupportedFormat,
                tr.format.span,
                format!("translation format {} is not supported", tr.format.value),
                "not a known version",
            )
            .with_help(format!("write `format: {TRANSLATION_FORMAT}`")),
        );
    }
    let lang = &tr.language;
    if !is_language_tag(&lang.value) {
        out.push(
            Diagnostic::new(
                Code::BadLanguageTag,
                lang.span,
                format!("`{}` is not a BCP 47 language tag", lang.value),
                "not a language tag",
            )
            .with_help("write a tag such as `fr`, `zh`, `zh-Hans` or `pt-BR`"),
        );
    } else if let Some(n) = name_lang.filter(|n| !same_language(n, &lang.value)) {
        out.push(
            Diagnostic::new(
                Code::BadLanguageTag,
                lang.span,
                format!(
                    "the file name says `{n}`, the translation says `{}`",
                    lang.value
                ),
                "not the file name's language",
            )
            .with_help(format!(
                "name the file `….{}.ron`, or write `language: \"{n}\"`",
                lang.value
            )),
        );
    }
    if tr.scenario.value != file.meta.id.value {
        out.push(
            Diagnostic::new(
                Code::WrongScenario,
                tr.scenario.span,
                format!(
                    "this translates `{}`, but the scenario beside it is `{}`",
                    tr.scenario.value, file.meta.id.value
                ),
                "not this scenario's id",
            )
            .with_help(format!("write `scenario: \"{}\"`", file.meta.id.value)),
        );
    }
    let all = keys(file);
    let known: HashSet<&str> = all.iter().map(String::as_str).collect();
    let originals: std::collections::HashMap<String, &str> =
        super::texts(file).into_iter().collect();
    let mut seen: HashSet<&str> = HashSet::new();
    for (k, v) in &tr.texts.value.0 {
        if !seen.insert(&k.value) {
            out.push(Diagnostic::new(
                Code::DuplicateId,
                k.span,
                format!("`{}` is translated twice", k.value),
                "again here",
            ));
            continue;
        }
        if !known.contains(k.value.as_str()) {
            let help = did_you_mean(&k.value, all.iter().map(String::as_str))
                .map(|m| format!("did you mean `{m}`?"))
                .unwrap_or_else(|| {
                    "`downtime translate SCENARIO --lang LANG --update` lists the keys".into()
                });
            out.push(
                Diagnostic::new(
                    Code::UnknownKey,
                    k.span,
                    format!("unknown key `{}`", k.value),
                    "no text of the scenario has this key",
                )
                .with_help(help),
            );
            continue;
        }
        let Some(orig) = originals.get(&k.value) else {
            continue;
        };
        if v.value.is_empty() {
            continue;
        }
        let have = numbers(&v.value);
        for n in numbers(orig) {
            if !have.contains(&n) {
                out.push(
                    Diagnostic::new(
                        Code::DroppedNumber,
                        v.span,
                        format!("`{}` drops the number {n} of the original", k.value),
                        "no such number here",
                    )
                    .with_help(format!("the original says: {}", first_line(orig, 80))),
                );
            }
        }
        let have = placeholders(&v.value);
        for p in placeholders(orig) {
            if !have.contains(&p) {
                out.push(
                    Diagnostic::new(
                        Code::DroppedNumber,
                        v.span,
                        format!("`{}` drops the placeholder `{p}` of the original", k.value),
                        "no such placeholder here",
                    )
                    .with_help("keep every `{name}` of the original as it is written"),
                );
            }
        }
    }
    let translated: HashSet<&str> = tr
        .texts
        .value
        .0
        .iter()
        .filter(|(_, v)| !v.value.is_empty())
        .map(|(k, _)| k.value.as_str())
        .collect();
    let missing: Vec<String> = super::texts(file)
        .into_iter()
        .map(|(k, _)| k)
        .filter(|k| !translated.contains(k.as_str()))
        .collect();
    if !missing.is_empty() {
        let mut list: Vec<String> = missing
            .iter()
            .take(MAX_LISTED)
            .map(|k| format!("`{k}`"))
            .collect();
        if missing.len() > MAX_LISTED {
            list.push(format!("and {} more", missing.len() - MAX_LISTED));
        }
        out.push(
            Diagnostic::new(
                Code::MissingTexts,
                // The opening brace only: the whole map would print the whole file.
                crate::scenario::source::Span::new(
                    tr.texts.span.start,
                    (tr.texts.span.start + 1).min(tr.texts.span.end.max(tr.texts.span.start)),
                ),
                format!(
                    "{} text{} not translated: {}",
                    missing.len(),
                    if missing.len() == 1 { " is" } else { "s are" },
                    list.join(", ")
                ),
                "shown in the scenario's language",
            )
            .with_help("`downtime translate SCENARIO --lang LANG --update` adds the missing keys"),
        );
    }
    let attached: BTreeSet<&str> = keys::attachments(file).into_iter().collect();
    for (from, to) in &tr.attachments.value.0 {
        if to.value.is_empty() {
            continue; // not translated: the original is shown
        }
        if !attached.contains(from.value.as_str()) {
            let help = did_you_mean(&from.value, attached.iter().copied())
                .map(|m| format!("did you mean `{m}`?"))
                .unwrap_or_else(|| "name an `attachment` of the scenario, as it is written".into());
            out.push(
                Diagnostic::new(
                    Code::UnknownKey,
                    from.span,
                    format!("the scenario attaches no `{}`", from.value),
                    "not an attachment of the scenario",
                )
                .with_help(help),
            );
            continue;
        }
        if let Err(why) = check_relative(&to.value).and_then(|()| files.read(&to.value)) {
            out.push(
                Diagnostic::new(
                    Code::TranslatedAttachment,
                    to.span,
                    format!("attachment `{}` cannot be used: {why}", to.value),
                    "no such file",
                )
                .with_help("name a text file beside the scenario or under `assets/`"),
            );
        }
    }
    out
}

/// The first line of a text, cut to `max` characters.
pub fn first_line(text: &str, max: usize) -> String {
    let line = text.lines().next().unwrap_or_default().trim();
    if line.chars().count() > max {
        let cut: String = line.chars().take(max.saturating_sub(1)).collect();
        format!("{cut}…")
    } else if text.trim().lines().count() > 1 {
        format!("{line} …")
    } else {
        line.to_string()
    }
}

/// The numbers of a text as digit strings, ignoring how they are formatted: `10 000`,
/// `10,000` and `10000` are all `10000`, `1,5` and `1.5` are `15`, leading zeros dropped
/// (`03` is `3`). Full-width digits count as digits.
pub fn numbers(text: &str) -> BTreeSet<String> {
    let digit = |c: char| match c {
        '0'..='9' => Some(c),
        '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32),
        _ => None,
    };
    let separator = |c: char| matches!(c, ' ' | '\u{a0}' | '\u{202f}' | ',' | '.' | '\'' | '’');
    let chars: Vec<char> = text.chars().collect();
    let mut out = BTreeSet::new();
    let mut i = 0;
    while i < chars.len() {
        if digit(chars[i]).is_none() {
            i += 1;
            continue;
        }
        let mut n = String::new();
        while i < chars.len() {
            if let Some(d) = digit(chars[i]) {
                n.push(d);
                i += 1;
            } else if separator(chars[i]) && chars.get(i + 1).copied().and_then(digit).is_some() {
                i += 1;
            } else {
                break;
            }
        }
        let trimmed = n.trim_start_matches('0');
        out.insert(if trimmed.is_empty() { "0" } else { trimmed }.to_string());
    }
    out
}

/// The `{placeholders}` of a text (letters, digits, `_`, `.` and `-` between braces).
pub fn placeholders(text: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut rest = text;
    while let Some(i) = rest.find('{') {
        rest = &rest[i + 1..];
        if let Some(j) = rest.find('}') {
            let name = &rest[..j];
            if !name.is_empty()
                && name
                    .chars()
                    .all(|c| c.is_alphanumeric() || matches!(c, '_' | '.' | '-'))
            {
                out.insert(format!("{{{name}}}"));
                rest = &rest[j + 1..];
            }
        }
    }
    out
}
