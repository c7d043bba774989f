//! Scenario translations through the real binary: `check` on translation files (codes, exit
//! codes, `--deny-warnings`), `translate` skeletons, `--lang`, and journals that record the
//! translation and refuse to resume when it changed.

use std::path::Path;
use std::process::Command;

const DIR: &str = "tests/fixtures/translation";

fn downtime(args: &[&str], cwd: Option<&Path>) -> (i32, String, String) {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_downtime"));
    cmd.args(args).env_remove("NO_COLOR").env("TERM", "dumb");
    if let Some(d) = cwd {
        cmd.current_dir(d);
    }
    let out = cmd.output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn copy_fixture(to: &Path) {
    for f in ["s.ron", "s.fr.ron", "note.txt", "note.fr.txt"] {
        std::fs::copy(Path::new(DIR).join(f), to.join(f)).unwrap();
    }
}

#[test]
fn check_reports_a_missing_text_a_dropped_number_and_an_unknown_key() {
    let (code, out, _) = downtime(
        &["check", "--format", "concise", &format!("{DIR}/m.fr.ron")],
        None,
    );
    assert_eq!(code, 0, "warnings only: {out}");
    assert_eq!(out.lines().count(), 2, "{out}");
    assert!(
        out.contains("warning[DT1030]: 1 text is not translated: `check.fast.title`"),
        "{out}"
    );
    assert!(
        out.contains("warning[DT1031]: `inject.follow.title` drops the number 12"),
        "{out}"
    );
    let (code, _, _) = downtime(
        &["check", "--deny-warnings", &format!("{DIR}/m.fr.ron")],
        None,
    );
    assert_eq!(code, 1, "--deny-warnings fails on a missing text");
    let (code, out, _) = downtime(
        &["check", "--format", "concise", &format!("{DIR}/m.de.ron")],
        None,
    );
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("error[DT0037]: unknown key `ending.contaned.title`; help: did you mean `ending.contained.title`?"), "{out}");
    // Checking the scenario checks the translations beside it.
    let (code, out, _) = downtime(
        &["check", "--format", "concise", &format!("{DIR}/m.ron")],
        None,
    );
    assert_eq!(code, 1, "{out}");
    assert_eq!(out.lines().count(), 3, "{out}");
    // A folder: each translation once.
    let (_, out, _) = downtime(&["check", "--format", "concise", DIR], None);
    assert_eq!(out.matches("ending.contaned.title").count(), 1, "{out}");
}

#[test]
fn a_skeleton_lists_every_key_as_missing_until_filled() {
    let dir = tempfile::tempdir().unwrap();
    copy_fixture(dir.path());
    let (code, out, err) = downtime(&["translate", "s.ron", "--lang", "zh"], Some(dir.path()));
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("wrote s.zh.ron: 17 texts, 0 translated, 17 to translate"),
        "{out}"
    );
    let text = std::fs::read_to_string(dir.path().join("s.zh.ron")).unwrap();
    assert!(
        text.contains(
            "        // en: Follow-up: 12 beds left\n        \"inject.follow.title\": \"\",\n"
        ),
        "{text}"
    );
    let (code, out, _) = downtime(
        &["check", "--format", "concise", "s.zh.ron"],
        Some(dir.path()),
    );
    assert_eq!(code, 0);
    assert!(
        out.contains("17 texts are not translated: `meta.title`, "),
        "{out}"
    );
    assert!(out.contains("and 7 more"), "{out}");
    // Refuses to overwrite; --update keeps the texts.
    let (code, _, err) = downtime(&["translate", "s.ron", "--lang", "fr"], Some(dir.path()));
    assert_eq!(code, 2, "{err}");
    let (code, out, _) = downtime(
        &["translate", "s.ron", "--lang", "fr", "--update"],
        Some(dir.path()),
    );
    assert_eq!(code, 0);
    assert!(
        out.contains("17 texts, 17 translated, 0 to translate"),
        "{out}"
    );
    let (code, out, _) = downtime(&["check", "--deny-warnings", "s.fr.ron"], Some(dir.path()));
    assert_eq!(code, 0, "{out}");
}

#[test]
fn the_bundled_scenarios_give_skeletons_that_parse() {
    let dir = tempfile::tempdir().unwrap();
    for (scenario, lang) in [("saturday-night-blackout", "fr"), ("tutorial", "zh")] {
        let src = format!("{}/scenarios/{scenario}.ron", env!("CARGO_MANIFEST_DIR"));
        let to = dir.path().join(format!("{scenario}.{lang}.ron"));
        let (code, _, err) = downtime(
            &[
                "translate",
                &src,
                "--lang",
                lang,
                "-o",
                to.to_str().unwrap(),
            ],
            None,
        );
        assert_eq!(code, 0, "{err}");
        let text = std::fs::read_to_string(&to).unwrap();
        let src = downtime::scenario::source::SourceFile::new("x", &text);
        let (tr, diags) = downtime::scenario::translation::parse(&src);
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(tr.unwrap().language.value, lang);
    }
}

#[test]
fn a_journal_records_the_translation_and_resume_refuses_a_changed_one() {
    let dir = tempfile::tempdir().unwrap();
    copy_fixture(dir.path());
    let (code, out, err) = downtime(
        &[
            "run",
            "s.ron",
            "--lang",
            "fr",
            "--seed",
            "1",
            "--journal",
            "j.jsonl",
        ],
        Some(dir.path()),
    );
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("Exercice"),
        "the transcript is in French: {out}"
    );
    let journal = std::fs::read_to_string(dir.path().join("j.jsonl")).unwrap();
    let header: serde_json::Value = serde_json::from_str(journal.lines().next().unwrap()).unwrap();
    assert_eq!(header["language"], "fr");
    assert!(
        header["translation_hash"]
            .as_str()
            .unwrap()
            .starts_with("sha256:")
    );
    // Without --lang, a missing translation only warns.
    let (code, _, err) = downtime(
        &["run", "s.ron", "--lang", "de", "--no-journal"],
        Some(dir.path()),
    );
    assert_eq!(code, 0);
    assert!(
        err.contains("s.ron has no `de` translation; playing it in `en`"),
        "{err}"
    );
    // The translation changes: resuming refuses.
    let fr = dir.path().join("s.fr.ron");
    let text = std::fs::read_to_string(&fr)
        .unwrap()
        .replace("Exercice", "Exercice modifié");
    std::fs::write(&fr, text).unwrap();
    let (code, _, err) = downtime(&["run", "s.ron", "--resume", "j.jsonl"], Some(dir.path()));
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("the `fr` translation has changed since the journal was written"),
        "{err}"
    );
}
