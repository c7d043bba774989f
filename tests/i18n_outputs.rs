//! `--lang` sets the language of the outputs: a run's transcript and the simulate summary
//! in French and Chinese, whatever the scenario's own language.

use std::process::Command;

fn downtime(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_downtime"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("LANG", "C")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn a_run_transcript_follows_lang() {
    let run = [
        "run",
        "scenarios/tutorial.ron",
        "--policy",
        "random",
        "--seed",
        "1",
        "--no-journal",
    ];
    let zh = downtime(&[&run[..], &["--lang", "zh"]].concat());
    assert!(zh.contains("种子 1，策略 random"), "{zh}");
    assert!(zh.contains("演练开始"), "{zh}");
    assert!(zh.contains("3 月 8 日 周五 22:00"), "{zh}");
    assert!(zh.contains("\n检查项\n"), "{zh}");
    let fr = downtime(&[&run[..], &["--lang", "fr"]].concat());
    assert!(fr.contains("exercice commencé"), "{fr}");
    assert!(fr.contains("ven. 8 mars 22:00"), "{fr}");
    assert!(fr.contains("\nVÉRIFICATIONS\n"), "{fr}");
    let en = downtime(&run);
    assert!(en.contains("exercise started"), "{en}");
    assert!(en.contains("Fri 8 Mar 22:00"), "{en}");
}

#[test]
fn the_simulate_summary_follows_lang() {
    let sim = [
        "simulate",
        "scenarios/tutorial.ron",
        "--runs",
        "50",
        "--seed",
        "3",
    ];
    let fr = downtime(&[&sim[..], &["--lang", "fr"]].concat());
    assert!(fr.contains("\nFins\n"), "{fr}");
    assert!(fr.contains("options jamais choisies\u{a0}:"), "{fr}");
    let zh = downtime(&[&sim[..], &["--lang", "zh"]].concat());
    assert!(zh.contains("\n结局\n"), "{zh}");
}

#[test]
fn bundled_translations_are_complete_and_play() {
    for file in [
        "scenarios/saturday-night-blackout.fr.ron",
        "scenarios/tutorial.zh.ron",
    ] {
        let out = Command::new(env!("CARGO_BIN_EXE_downtime"))
            .args(["check", "--deny-warnings", file])
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{file}: {}",
            String::from_utf8_lossy(&out.stdout)
        );
    }
    let run = [
        "run",
        "scenarios/saturday-night-blackout.ron",
        "--policy",
        "best",
        "--seed",
        "1",
    ];
    let fr = downtime(&[&run[..], &["--no-journal", "--lang", "fr"]].concat());
    assert!(fr.starts_with("Downtime : Samedi soir, écran noir"), "{fr}");
    assert!(fr.contains("cellule de crise"), "{fr}");
    let run = [
        "run",
        "scenarios/tutorial.ron",
        "--policy",
        "random",
        "--seed",
        "1",
    ];
    let zh = downtime(&[&run[..], &["--no-journal", "--lang", "zh", "--full"]].concat());
    assert!(zh.contains("检验科屏幕上出现勒索信息"), "{zh}");
    assert!(zh.contains("（值班官员，"), "{zh}");
}

#[test]
fn the_check_summary_follows_lang() {
    let fr = downtime(&["--lang", "fr", "check", "scenarios/tutorial.ron"]);
    assert!(fr.contains("fichiers vérifiés : 2 sans remarque"), "{fr}");
    let zh = downtime(&["--lang", "zh", "check", "scenarios/tutorial.ron"]);
    assert!(zh.contains("已检查 2 个文件"), "{zh}");
    let en = downtime(&["--lang", "en", "check", "scenarios/tutorial.ron"]);
    assert!(en.contains("checked 2 files: 2 clean, 0 errors"), "{en}");
}

/// Runs `downtime ARGS` without a terminal, with `LANG` as given: its exit code and stderr.
fn failing(args: &[&str], lang_env: &str) -> (Option<i32>, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_downtime"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("LANG", lang_env)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// What `play` and `present` say before a console runs follows `--lang`, else the
/// scenario's language, else the environment's.
#[test]
fn play_and_present_say_their_problems_in_the_language() {
    let dir = tempfile::tempdir().unwrap();
    let taken = dir.path().join("taken.jsonl");
    std::fs::write(&taken, "").unwrap();
    let taken = taken.to_str().unwrap();
    let play = ["play", "scenarios/tutorial.ron", "--journal", taken];
    let (code, err) = failing(&[&["--lang", "fr"][..], &play].concat(), "C");
    assert_eq!(code, Some(2));
    assert!(err.contains("existe déjà\u{a0}; passez --resume"), "{err}");
    let (_, err) = failing(&play, "zh_CN.UTF-8");
    assert!(err.contains("已存在"), "the environment's language: {err}");
    let (_, err) = failing(&play, "C");
    assert!(err.contains("already exists"), "{err}");
    // No terminal: the tutorial's Chinese translation speaks Chinese.
    let (code, err) = failing(&["--lang", "zh", "play", "scenarios/tutorial.ron"], "C");
    assert_eq!(code, Some(2));
    assert!(err.contains("控制台需要终端"), "{err}");
    let (code, err) = failing(&["--lang", "fr", "present", "--latest"], "C");
    assert_eq!(code, Some(2));
    assert!(err.contains("a besoin d’un terminal"), "{err}");
}

#[test]
fn a_scenario_with_errors_is_refused_in_the_language_with_english_diagnostics() {
    let bad = "tests/fixtures/scenarios/three_mistakes.ron";
    let (code, err) = failing(&["--lang", "fr", "run", bad, "--no-journal"], "C");
    assert_eq!(code, Some(1));
    assert!(err.contains("error[DT"), "diagnostics stay English: {err}");
    assert!(err.contains("inutilisable tant que ses erreurs"), "{err}");
    assert!(
        err.contains("downtime run: le scénario a des erreurs"),
        "{err}"
    );
    let (_, err) = failing(&["simulate", bad], "zh_CN.UTF-8");
    assert!(
        err.contains("场景有错误"),
        "the environment's language: {err}"
    );
    // A language the scenario has no translation in: said in that language.
    let (_, err) = failing(
        &[
            "--lang",
            "fr",
            "run",
            "scenarios/tutorial.ron",
            "--no-journal",
        ],
        "C",
    );
    assert!(err.contains("n’a pas de traduction `fr`"), "{err}");
}
