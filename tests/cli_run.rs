//! `downtime run` through the real binary: reproducible transcripts, test plans, and an
//! interactive run killed with SIGKILL then resumed.

use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_downtime"))
}

fn run(args: &[&str]) -> (i32, String, String) {
    let out = bin().args(args).output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn the_same_seed_prints_the_same_transcript() {
    let args = [
        "run",
        "scenarios/tutorial.ron",
        "--seed",
        "7",
        "--policy",
        "random",
        "--no-journal",
    ];
    let (code, a, err) = run(&args);
    assert_eq!(code, 0, "{err}");
    let (_, b, _) = run(&args);
    assert_eq!(a, b);
    assert!(a.starts_with(
        "Downtime: Tutorial: Night Shift at the Lab (tutorial 1.0), seed 7, policy random\n"
    ));
    assert!(a.contains("ENDING "), "{a}");
    assert!(a.contains("\nSCORE "));
    // JSON is reproducible too, and parses.
    let (_, j1, _) = run(&[
        "run",
        "scenarios/tutorial.ron",
        "--seed",
        "7",
        "--policy",
        "random",
        "--no-journal",
        "--format",
        "json",
    ]);
    let (_, j2, _) = run(&[
        "run",
        "scenarios/tutorial.ron",
        "--seed",
        "7",
        "--policy",
        "random",
        "--no-journal",
        "--format",
        "json",
    ]);
    assert_eq!(j1, j2);
    let v: serde_json::Value = serde_json::from_str(&j1).unwrap();
    assert_eq!(v["seed"], 7);
}

#[test]
fn a_journaled_run_prints_the_same_transcript_and_its_path() {
    let dir = tempfile::tempdir().unwrap();
    let j = dir.path().join("run.jsonl");
    let (code, with_journal, err) = run(&[
        "run",
        "scenarios/tutorial.ron",
        "--seed",
        "5",
        "--journal",
        j.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains(j.to_str().unwrap()),
        "the journal path is printed: {err}"
    );
    let (_, without, _) = run(&[
        "run",
        "scenarios/tutorial.ron",
        "--seed",
        "5",
        "--no-journal",
    ]);
    assert_eq!(with_journal, without);
    assert!(std::fs::read_to_string(&j).unwrap().lines().count() > 5);
}

#[test]
fn a_failing_test_plan_names_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("p.plan");
    std::fs::write(
        &plan,
        "choose contain isolate\nexpect flag network_isolated false\n",
    )
    .unwrap();
    let policy = format!("script:{}", plan.display());
    let (code, _, err) = run(&[
        "run",
        "scenarios/tutorial.ron",
        "--seed",
        "1",
        "--no-journal",
        "--policy",
        &policy,
    ]);
    assert_eq!(code, 1);
    assert!(err.contains("line 2"), "{err}");
    std::fs::write(&plan, "choose contain isolate\nexpect flag network_isolated true\nexpect check isolate_fast met\n").unwrap();
    let (code, out, err) = run(&[
        "run",
        "scenarios/tutorial.ron",
        "--seed",
        "1",
        "--no-journal",
        "--policy",
        &policy,
    ]);
    assert_eq!(code, 0, "{err}");
    // Numbered as shown to the teams: seed 1 shows `isolate` second.
    assert!(
        out.contains("CHOSE contain: 2. Isolate the network now"),
        "{out}"
    );
}

#[test]
fn bad_arguments_exit_with_2_and_a_message() {
    let (code, _, err) = run(&[
        "run",
        "scenarios/tutorial.ron",
        "--policy",
        "clever",
        "--no-journal",
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("unknown policy"), "{err}");
    let (code, _, err) = run(&["run", "/nonexistent.ron"]);
    assert_ne!(code, 0);
    assert!(err.contains("no such file"), "{err}");
    let (code, _, _) = run(&["frobnicate"]);
    assert_eq!(code, 2);
}

/// Reads stdout lines until one contains `needle`, within a generous timeout.
fn wait_for(lines: &std::sync::mpsc::Receiver<String>, needle: &str, seen: &mut Vec<String>) {
    let deadline = Instant::now() + Duration::from_secs(30);
    while Instant::now() < deadline {
        if let Ok(l) = lines.recv_timeout(Duration::from_millis(200)) {
            let hit = l.contains(needle);
            seen.push(l);
            if hit {
                return;
            }
        }
    }
    panic!(
        "timed out waiting for {needle:?}; saw:\n{}",
        seen.join("\n")
    );
}

#[test]
fn an_interactive_run_killed_after_three_decisions_resumes_with_them() {
    let dir = tempfile::tempdir().unwrap();
    let j = dir.path().join("i.jsonl");
    let mut child = bin()
        .args([
            "run",
            "scenarios/tutorial.ron",
            "--interactive",
            "--seed",
            "2",
            "--journal",
            j.to_str().unwrap(),
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        // Split on `:` as well as newlines: the prompt ends without a newline.
        for l in BufReader::new(stdout).split(b':').map_while(Result::ok) {
            let _ = tx.send(String::from_utf8_lossy(&l).into_owned());
        }
    });
    let mut stdin = child.stdin.take().unwrap();
    let mut seen = Vec::new();
    // By the position shown: seed 2 shows `paper` second for `lab_mode`.
    for answer in ["1", "2", "1"] {
        wait_for(&rx, "Your choice", &mut seen);
        writeln!(stdin, "{answer}").unwrap();
        stdin.flush().unwrap();
    }
    // The third choice is journaled (fsynced) before its events are printed.
    wait_for(&rx, "CHOSE notify", &mut seen);
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();

    let out = bin()
        .args([
            "run",
            "scenarios/tutorial.ron",
            "--resume",
            j.to_str().unwrap(),
            "--policy",
            "first",
        ])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(text.contains("3 decision(s) already taken"), "{text}");
    for d in [
        "contain: Isolate the network now",
        "lab_mode: Switch to paper downtime forms",
        "notify: Report the incident now",
    ] {
        assert!(text.contains(d), "missing {d} in:\n{text}");
    }
    assert!(
        text.contains("ENDING "),
        "the resumed run continues to an ending:\n{text}"
    );
}

/// Runs `downtime run` with `input` piped to stdin.
fn run_with_input(args: &[&str], input: &str) -> (i32, String, String) {
    let mut child = bin()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Texts the room reads in the tutorial: a phase briefing, an inject body, an attachment,
/// a discussion question.
const ROOM_TEXTS: [&str; 4] = [
    "It is 22:00 on a quiet Friday.",
    "The technician photographs the full message",
    "attachment attachments/tutorial-ransom-note.txt:\n",
    "discuss: Who must see this note, and who must not?",
];

#[test]
fn run_full_prints_what_the_room_reads() {
    let args = [
        "run",
        "scenarios/tutorial.ron",
        "--seed",
        "2",
        "--no-journal",
    ];
    let (code, short, err) = run(&args);
    assert_eq!(code, 0, "{err}");
    let (code, full, err) = run(&[&args[..], &["--full"]].concat());
    assert_eq!(code, 0, "{err}");
    for t in ROOM_TEXTS {
        assert!(!short.contains(t), "{t} without --full:\n{short}");
        assert!(full.contains(t), "{t} missing from --full:\n{full}");
    }
    assert!(full.contains("\n                           !!! YOUR FILES ARE ENCRYPTED !!!\n"));
    assert!(full.contains("\n                         == phase 2: Morning: recovery\n                         06:00. Day staff arrive."));
    // The same events, with texts between them.
    let events = |t: &str| -> Vec<String> {
        t.lines()
            .filter(|l| l.starts_with("T+"))
            .map(String::from)
            .collect()
    };
    assert_eq!(events(&short), events(&full));
}

#[test]
fn an_interactive_script_takes_notes_and_continues_at_phase_breaks() {
    let dir = tempfile::tempdir().unwrap();
    let j = dir.path().join("notes.jsonl");
    let args = [
        "run",
        "scenarios/tutorial.ron",
        "--interactive",
        "--seed",
        "2",
        "--journal",
        j.to_str().unwrap(),
    ];
    // Seed 2 shows `isolate` first, `paper` second; `notify` is fixed; `restore` second.
    let script = "1\nnote the room asked about backups\n2\n1\nnote break discussion\ncontinue\n2\n";
    let (code, out, err) = run_with_input(&args, script);
    assert_eq!(code, 0, "{err}\n{out}");
    for t in ROOM_TEXTS {
        assert!(out.contains(t), "{t} missing:\n{out}");
    }
    assert!(out.contains("note: the room asked about backups"), "{out}");
    assert!(
        out.contains("-- Phase break. Next: Morning: recovery."),
        "{out}"
    );
    assert!(out.contains("ENDING "), "{out}");
    // The decision is listed once, not again after the note.
    assert_eq!(
        out.matches("\n  1. Drive urgent samples").count(),
        1,
        "{out}"
    );
    let read = downtime::journal::read_journal(&j).unwrap();
    let names: Vec<&str> = read.entries.iter().map(|e| e.cmd.name()).collect();
    assert_eq!(
        names.iter().filter(|n| **n == "choose").count(),
        4,
        "{names:?}"
    );
    let notes: Vec<String> = read
        .entries
        .iter()
        .filter_map(|e| match &e.cmd {
            downtime::engine::Command::Note { text } => Some(text.clone()),
            _ => None,
        })
        .collect();
    assert_eq!(notes, ["the room asked about backups", "break discussion"]);
    let at_break = names.iter().position(|n| *n == "next_phase").unwrap();
    assert_eq!(names[at_break - 1], "note", "{names:?}");
}

#[test]
fn a_script_that_answers_at_a_phase_break_gets_an_error_naming_the_line() {
    let args = [
        "run",
        "scenarios/tutorial.ron",
        "--interactive",
        "--seed",
        "2",
        "--no-journal",
    ];
    // Four answers, as an old script would send them: the fourth lands on the phase break.
    let (code, out, err) = run_with_input(&args, "1\n2\n1\n2\n");
    assert_eq!(code, 1, "{out}");
    assert!(
        err.contains(
            "stdin line 4: phase break before \"Morning: recovery\": expected continue, note TEXT or q, got `2`"
        ),
        "{err}"
    );
    assert!(!out.contains("== phase 2"), "{out}");
    // A line that is no answer at a decision is an error too.
    let (code, _, err) = run_with_input(&args, "1\ncontinue\n");
    assert_eq!(code, 1);
    assert!(
        err.contains("stdin line 2: decision `lab_mode`: expected a number from 1 to 2"),
        "{err}"
    );
}
