//! The after-action report in the interface's language: `downtime report` writes French or
//! Chinese headings, dates and notices with `--lang`, follows the scenario's language (its
//! translation's) without it, and the HTML `lang` is the language used. Runs the real binary
//! on the bundled scenario, played with `downtime run`.

use std::path::{Path, PathBuf};
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_downtime");
const SCENARIO: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/scenarios/saturday-night-blackout.ron"
);

/// Runs `downtime ARGS` with a clean locale (`LANG` as given) and returns its stdout.
fn downtime(args: &[&str], lang_env: &str) -> String {
    let out = Command::new(BIN)
        .args(args)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", lang_env)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "downtime {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Plays the bundled scenario to its end with the random policy (in `lang` when given, so
/// from its translation) and returns the journal's path.
fn play(dir: &Path, lang: Option<&str>) -> PathBuf {
    let journal = dir.join(format!("{}.jsonl", lang.unwrap_or("en")));
    let mut args = Vec::new();
    if let Some(l) = lang {
        args.extend(["--lang", l]);
    }
    args.extend([
        "run",
        SCENARIO,
        "--policy",
        "random",
        "--seed",
        "1",
        "--journal",
        journal.to_str().unwrap(),
    ]);
    downtime(&args, "C");
    journal
}

fn report(journal: &Path, lang: Option<&str>, format: &str, env: &str) -> String {
    let mut args = Vec::new();
    if let Some(l) = lang {
        args.extend(["--lang", l]);
    }
    args.extend(["report", "--format", format, journal.to_str().unwrap()]);
    downtime(&args, env)
}

fn has(text: &str, what: &str, context: &str) {
    assert!(text.contains(what), "{context}: `{what}` is missing");
}

#[test]
fn a_french_report_has_french_headings_dates_and_lang() {
    let dir = tempfile::tempdir().unwrap();
    let j = play(dir.path(), None);
    let html = report(&j, Some("fr"), "html", "C");
    has(&html, "<html lang=\"fr\">", "French HTML");
    for fr in [
        "Rapport de retour d’expérience / Plan d’amélioration",
        "<h2>Sommaire</h2>",
        "1. Présentation de l’exercice",
        "2. Synthèse",
        "3. Analyse des objectifs",
        "4. Plan d’amélioration",
        "Annexe A. Chronologie",
        "Action corrective",
        // The scenario starts on Saturday 10 December 2022 at 21:00.
        "sam. 10 déc. 21:00",
    ] {
        has(&html, fr, "French HTML");
    }
    assert!(!html.contains("Exercise overview"), "an English heading");
    let md = report(&j, Some("fr"), "md", "C");
    for fr in [
        "# Rapport de retour d’expérience / plan d’amélioration",
        "## 1. Présentation de l’exercice",
        "## 4. Plan d’amélioration",
        "sam. 10 déc. 21:00",
    ] {
        has(&md, fr, "French Markdown");
    }
}

#[test]
fn a_chinese_report_has_chinese_headings_dates_and_lang() {
    let dir = tempfile::tempdir().unwrap();
    let j = play(dir.path(), None);
    let html = report(&j, Some("zh"), "html", "fr_FR.UTF-8");
    has(&html, "<html lang=\"zh\">", "Chinese HTML");
    for zh in [
        "事后评估报告 / 改进计划",
        "<h2>目录</h2>",
        "1. 演练概况",
        "2. 执行摘要",
        "4. 改进计划",
        "附录 A. 时间线",
        "12 月 10 日 周六 21:00",
    ] {
        has(&html, zh, "Chinese HTML");
    }
    let md = report(&j, Some("zh"), "md", "C");
    has(&md, "## 1. 演练概况", "Chinese Markdown");
}

#[test]
fn the_scenario_language_is_the_default_and_lang_overrides_it() {
    let dir = tempfile::tempdir().unwrap();
    // Played from the French translation: the report is in French without `--lang`, even
    // in an English environment...
    let fr = play(dir.path(), Some("fr"));
    let html = report(&fr, None, "html", "en_GB.UTF-8");
    has(&html, "<html lang=\"fr\">", "a French scenario");
    has(&html, "1. Présentation de l’exercice", "a French scenario");
    // ...and in English with `--lang en`, whatever the environment.
    let html = report(&fr, Some("en"), "html", "zh_CN.UTF-8");
    has(&html, "<html lang=\"en\">", "--lang en");
    has(&html, "1. Exercise overview", "--lang en");
    has(&html, "After-Action Report / Improvement Plan", "--lang en");
    assert!(
        !html.contains("Présentation"),
        "a French heading with --lang en"
    );
    // An English scenario stays in English in a French environment.
    let en = play(dir.path(), None);
    let md = report(&en, None, "md", "fr_FR.UTF-8");
    has(&md, "## 1. Exercise overview", "an English scenario");
}

#[test]
fn json_keeps_its_english_field_names_in_every_language() {
    let dir = tempfile::tempdir().unwrap();
    let j = play(dir.path(), None);
    let en: serde_json::Value = serde_json::from_str(&report(&j, None, "json", "C")).unwrap();
    let fr: serde_json::Value = serde_json::from_str(&report(&j, Some("fr"), "json", "C")).unwrap();
    let keys = |v: &serde_json::Value| -> Vec<String> {
        v["reports"][0]
            .as_object()
            .unwrap()
            .keys()
            .cloned()
            .collect()
    };
    assert_eq!(keys(&en), keys(&fr));
    assert!(fr["reports"][0].get("lang").is_none());
}

/// The night-shift fixtures: a scenario and journals of two groups and of an exercise left
/// in progress (which gives a comparison branches that are no option).
const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");

/// English words the program once wrote into French and Chinese reports (the night-shift
/// scenario itself is in English, so only words it never uses are looked for).
const ENGLISH: [&str; 17] = [
    "still open",
    "not taken",
    "not reached",
    "(first ",
    " entries)",
    "unchanged",
    "played version",
    "resumed after",
    ">Up<",
    ">Degraded<",
    ">Down<",
    ">Isolated<",
    ">Restoring<",
    ">Restored<",
    ">restored<",
    "| yes |",
    "T+00:00 → yes",
];

#[test]
fn french_and_chinese_reports_and_comparisons_leave_no_english_words_behind() {
    let dir = tempfile::tempdir().unwrap();
    let scenario = format!("{FIXTURES}/scenarios/night-shift.ron");
    let a = format!("{FIXTURES}/journals/night-shift-a.jsonl");
    let b = format!("{FIXTURES}/journals/night-shift-b.jsonl");
    let open = format!("{FIXTURES}/journals/night-shift-unfinished.jsonl");
    let forked = dir.path().join("forked.jsonl");
    let forked = forked.to_str().unwrap();
    downtime(&["fork", "--at", "5", &a, "-o", forked], "C");
    let report = |lang: &str, format: &str, journals: &[&str]| {
        let mut args = vec![
            "--lang",
            lang,
            "report",
            "--no-analysis",
            "--scenario",
            &scenario,
            "--format",
            format,
        ];
        args.extend(journals);
        downtime(&args, "C")
    };
    for lang in ["fr", "zh"] {
        for format in ["html", "md", "json"] {
            for journals in [&[&a[..], &b][..], &[&a, &open], &[forked]] {
                let text = report(lang, format, journals);
                let context = format!("{lang} {format} of {journals:?}");
                for english in ENGLISH {
                    assert!(!text.contains(english), "{context}: `{english}`");
                }
            }
        }
    }
    // Branches that are no option, numbers, chart legends and the forked journal's note,
    // in the report's language.
    let fr = report("fr", "md", &[&a, &open]);
    for words in [
        "| encore ouverte |",
        "| non atteinte |",
        "| 85,2 |",
        "85\u{202F}%",
    ] {
        has(&fr, words, "French comparison");
    }
    let zh = report("zh", "md", &[&a, &open]);
    for words in ["| 仍未决定 |", "| 未到达 |", "得分 83.6；"] {
        has(&zh, words, "Chinese comparison");
    }
    has(
        &report("fr", "html", &[&a, &b]),
        ">À l’arrêt</text>",
        "French chart legend",
    );
    has(
        &report("zh", "html", &[&a, &b]),
        ">停机</text>",
        "Chinese chart legend",
    );
    has(
        &report("fr", "md", &[forked]),
        "(5 premières entrées)",
        "French forked journal",
    );
    has(
        &report("zh", "md", &[forked]),
        "（前 5 条记录）",
        "Chinese forked journal",
    );
    // Labels and brackets around Chinese words take the full-width forms; French spaces its
    // colons.
    let zh = report("zh", "md", &[&a]);
    for words in ["**得分：**85.2/100", "（`night-shift`，版本 1.0）"] {
        has(&zh, words, "Chinese punctuation");
    }
    has(
        &report("fr", "md", &[&a]),
        "**Score :** 85,2/100",
        "French colon",
    );
}
