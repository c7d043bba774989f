//! `-` on the command line: standard output for every `-o` (and `new -`), standard input for
//! every input path where a stream makes sense, and a clear refusal (exit 2, no file named
//! `-`) where a command needs a real file. Each test runs the real binary in a fresh folder
//! and checks that no file named `-` appeared there.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// Runs the binary in `dir` with `stdin` piped in: (exit code, stdout, stderr).
fn run_in(dir: &Path, args: &[&str], stdin: &[u8]) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_downtime"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env("LANG", "en_US.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("XDG_DATA_HOME", dir.join("data"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    // A command that does not read stdin may close it first: ignore a broken pipe.
    let _ = input.write_all(stdin);
    drop(input);
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn no_dash_file(dir: &Path) {
    assert!(!dir.join("-").exists(), "a file named `-` was written");
    assert!(
        !dir.join("-.lock").exists(),
        "a lock file `-.lock` was written"
    );
}

/// A scenario without attachments (the tutorial's attachment would be looked for beside the
/// current folder when read from standard input).
fn plain_scenario() -> Vec<u8> {
    let out = Command::new(env!("CARGO_BIN_EXE_downtime"))
        .args(["new", "-"])
        .output()
        .unwrap();
    assert!(out.status.success());
    out.stdout
}

/// A journal of the tutorial, played headless in `dir`.
fn journal(dir: &Path) -> PathBuf {
    let j = dir.join("j.jsonl");
    let (code, _, err) = run_in(
        dir,
        &[
            "run",
            "bundled:tutorial",
            "--seed",
            "3",
            "--journal",
            j.to_str().unwrap(),
        ],
        b"",
    );
    assert_eq!(code, 0, "{err}");
    j
}

#[test]
fn report_dash_o_writes_standard_output() {
    let tmp = tempfile::tempdir().unwrap();
    let j = journal(tmp.path());
    let (code, out, err) = run_in(
        tmp.path(),
        &["report", "j.jsonl", "--no-analysis", "-o", "-"],
        b"",
    );
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with("# After-action report"), "{out}");
    no_dash_file(tmp.path());
    // And the journal itself from standard input.
    let bytes = std::fs::read(&j).unwrap();
    let (code, json, err) = run_in(
        tmp.path(),
        &["report", "-", "--no-analysis", "--format", "json"],
        &bytes,
    );
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert!(v["reports"].is_array(), "{json}");
    let (code, _, err) = run_in(tmp.path(), &["report", "-", "-", "--no-analysis"], &bytes);
    assert_eq!(code, 2);
    assert!(err.contains("only once"), "{err}");
    no_dash_file(tmp.path());
}

#[test]
fn fork_dash_o_writes_the_journal_to_standard_output() {
    let tmp = tempfile::tempdir().unwrap();
    let j = journal(tmp.path());
    let (code, out, err) = run_in(
        tmp.path(),
        &["fork", "j.jsonl", "--at", "2", "-o", "-"],
        b"",
    );
    assert_eq!(code, 0, "{err}");
    let original = std::fs::read_to_string(&j).unwrap();
    let lines: Vec<&str> = out.lines().collect();
    assert!(lines.len() >= 3, "{out}");
    assert!(lines[0].contains("forked_from"), "{}", lines[0]);
    assert!(
        original.contains(lines[1]),
        "entries are copied as they are"
    );
    // From standard input, the fork goes to standard output by default.
    let (code, out2, err) = run_in(tmp.path(), &["fork", "-", "--at", "2"], original.as_bytes());
    assert_eq!(code, 0, "{err}");
    assert_eq!(out2.lines().count(), lines.len());
    assert!(out2.contains("<stdin>"), "{out2}");
    no_dash_file(tmp.path());
    let forks: Vec<_> = std::fs::read_dir(tmp.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().contains("fork"))
        .collect();
    assert!(forks.is_empty(), "no fork file is written");
}

#[test]
fn new_dash_writes_the_skeleton_to_standard_output() {
    let tmp = tempfile::tempdir().unwrap();
    let (code, out, err) = run_in(tmp.path(), &["new", "-", "--teams", "3"], b"");
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("Scenario("), "{out}");
    assert_eq!(std::fs::read_dir(tmp.path()).unwrap().count(), 0);
    // The skeleton read back from standard input passes the checker.
    let (code, _, err) = run_in(tmp.path(), &["check", "-"], out.as_bytes());
    assert_eq!(code, 0, "{err}");
    no_dash_file(tmp.path());
}

#[test]
fn translate_reads_and_writes_standard_streams() {
    let tmp = tempfile::tempdir().unwrap();
    let sc = plain_scenario();
    let (code, out, err) = run_in(tmp.path(), &["translate", "-", "--lang", "fr"], &sc);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("Translation("), "{out}");
    std::fs::write(tmp.path().join("s.ron"), &sc).unwrap();
    let (code, out, err) = run_in(
        tmp.path(),
        &["translate", "s.ron", "--lang", "fr", "-o", "-"],
        b"",
    );
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("Translation("), "{out}");
    assert!(!tmp.path().join("s.fr.ron").exists());
    let (code, _, err) = run_in(
        tmp.path(),
        &["translate", "s.ron", "--lang", "fr", "-o", "-", "--update"],
        b"",
    );
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("give a file name"), "{err}");
    no_dash_file(tmp.path());
}

#[test]
fn check_graph_simulate_and_run_read_a_scenario_from_standard_input() {
    let tmp = tempfile::tempdir().unwrap();
    let sc = plain_scenario();
    let (code, _, err) = run_in(tmp.path(), &["check", "-"], &sc);
    assert_eq!(code, 0, "{err}");
    let (code, out, err) = run_in(tmp.path(), &["graph", "-", "--format", "mermaid"], &sc);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.starts_with("flowchart") || out.contains("flowchart"),
        "{out}"
    );
    let (code, out, err) = run_in(
        tmp.path(),
        &["simulate", "-", "--runs", "20", "--format", "json"],
        &sc,
    );
    assert_eq!(code, 0, "{err}");
    assert!(
        serde_json::from_str::<serde_json::Value>(&out).is_ok(),
        "{out}"
    );
    let (code, out, err) = run_in(
        tmp.path(),
        &["run", "-", "--seed", "1", "--no-journal"],
        &sc,
    );
    assert_eq!(code, 0, "{err}");
    assert!(!out.is_empty());
    // Broken input from standard input: a diagnostic and exit 1, never a panic.
    let (code, _, err) = run_in(tmp.path(), &["graph", "-"], b"Scenario(");
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("<stdin>") && !err.contains("panicked"),
        "{err}"
    );
    no_dash_file(tmp.path());
}

#[test]
fn a_test_plan_comes_from_standard_input_with_script_dash() {
    let tmp = tempfile::tempdir().unwrap();
    let (code, out, err) = run_in(
        tmp.path(),
        &[
            "run",
            "bundled:tutorial",
            "--seed",
            "1",
            "--no-journal",
            "--policy",
            "script:-",
        ],
        b"step\n",
    );
    assert_eq!(code, 0, "{err}");
    assert!(!out.is_empty());
    let (code, _, err) = run_in(
        tmp.path(),
        &[
            "run",
            "bundled:tutorial",
            "--no-journal",
            "--policy",
            "script:-",
        ],
        b"no-such-instruction\n",
    );
    assert_eq!(code, 2, "{err}");
    no_dash_file(tmp.path());
}

#[test]
fn dash_is_refused_where_a_file_is_needed() {
    let tmp = tempfile::tempdir().unwrap();
    let cases: &[&[&str]] = &[
        &["run", "bundled:tutorial", "--journal", "-"],
        &["run", "bundled:tutorial", "--resume", "-"],
        &["run", "-", "--interactive"],
        &["play", "bundled:tutorial", "--journal", "-"],
        &["play", "-"],
        &[
            "host",
            "bundled:tutorial",
            "--seats",
            "127.0.0.1:0",
            "--journal",
            "-",
        ],
        &[
            "host",
            "bundled:tutorial",
            "--seats",
            "127.0.0.1:0",
            "--seats-file",
            "-",
        ],
        &["evaluate", "-"],
        &["present", "-"],
    ];
    for args in cases {
        let (code, out, err) = run_in(tmp.path(), args, b"");
        assert_eq!(code, 2, "{args:?}: {out}{err}");
        assert!(
            err.contains('-') && !err.contains("panicked"),
            "{args:?}: {err}"
        );
        no_dash_file(tmp.path());
    }
    assert_eq!(std::fs::read_dir(tmp.path()).unwrap().count(), 0);
}
