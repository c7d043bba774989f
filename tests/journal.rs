//! Journals: durability, torn lines, resume, hash checks, replay and forks.

mod common;

use std::sync::Arc;

use downtime::engine::Command;
use downtime::headless::{Policy, next_command};
use downtime::journal::{Session, read_journal, read_journal_text, replay};
use downtime::scenario::Scenario;

fn tutorial() -> Arc<Scenario> {
    downtime::bundled::find("tutorial")
        .unwrap()
        .load()
        .scenario
        .unwrap()
}

/// Plays `n` commands of a random playthrough into a journaled session.
fn play(session: &mut Session, n: usize, seed: u64) {
    let mut policy = Policy::random(seed);
    for i in 0..n {
        let Some(cmd) = next_command(session.exercise(), &mut policy) else {
            break;
        };
        session.apply_at(cmd, (i as u64 + 1) * 1500).unwrap();
    }
}

#[test]
fn a_journal_replays_to_the_identical_state() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("j.jsonl");
    let s = tutorial();
    let mut session = Session::create(
        s.clone(),
        "bundled:tutorial.ron",
        7,
        &path,
        "2026-01-01T10:00:00Z".into(),
    )
    .unwrap();
    play(&mut session, 40, 7);
    let read = read_journal(&path).unwrap();
    assert!(read.warning.is_none());
    assert_eq!(read.entries.len() as u64, session.entries());
    assert_eq!(read.header.seed, 7);
    assert_eq!(read.header.scenario_hash, s.hash);
    let replayed = replay(s, &read).unwrap();
    assert_eq!(replayed.fingerprint(), session.exercise().fingerprint());
}

#[test]
fn a_torn_last_line_is_dropped_with_a_warning_and_resume_continues() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("j.jsonl");
    let s = tutorial();
    let mut session =
        Session::create(s.clone(), "x", 3, &path, "2026-01-01T10:00:00Z".into()).unwrap();
    play(&mut session, 6, 3);
    let kept = session.exercise().fingerprint();
    drop(session);
    // A crash in the middle of writing the next line.
    let mut bytes = std::fs::read(&path).unwrap();
    bytes.extend_from_slice(br#"{"seq":7,"t":9000,"cmd":"ste"#);
    std::fs::write(&path, &bytes).unwrap();
    let read = read_journal(&path).unwrap();
    assert!(read.warning.as_deref().unwrap().contains("cut short"));
    assert_eq!(read.entries.len(), 6);
    let mut resumed = Session::resume(s, &path, &read, false).unwrap();
    assert_eq!(resumed.exercise().fingerprint(), kept);
    resumed
        .apply(Command::Note {
            text: "after the crash".into(),
        })
        .unwrap();
    // The torn bytes were cut off; the new entry follows the intact ones.
    let again = read_journal(&path).unwrap();
    assert!(again.warning.is_none());
    assert_eq!(again.entries.len(), 7);
    assert_eq!(again.entries[6].seq, 7);
}

#[test]
fn damage_before_the_last_line_is_an_error_with_its_line() {
    let text = b"{\"journal\":\"downtime\",\"version\":1,\"scenario_id\":\"t\",\"scenario_title\":\"T\",\"scenario_hash\":\"h\",\"scenario_source\":\"s\",\"seed\":1,\"started_at\":\"x\",\"downtime\":\"0\"}\n{\"seq\":1,\"t\":0,\"cmd\":\"step\"}\nGARBAGE\n{\"seq\":2,\"t\":0,\"cmd\":\"step\"}\n";
    let err = read_journal_text("j", text).unwrap_err();
    assert!(err.to_string().starts_with("j:3:"), "{err}");
    let err = read_journal_text("j", b"").unwrap_err();
    assert!(err.to_string().contains("no header"));
    let err = read_journal_text("j", b"{\"hello\":1}\n").unwrap_err();
    assert!(err.to_string().contains("not a Downtime journal"));
    // Entries out of sequence.
    let mut bad = text.to_vec();
    bad = String::from_utf8(bad)
        .unwrap()
        .replace("GARBAGE\n", "")
        .replace("\"seq\":2", "\"seq\":5")
        .into_bytes();
    let err = read_journal_text("j", &bad).unwrap_err();
    assert!(err.to_string().contains("entry number 5"), "{err}");
}

#[test]
fn resuming_against_a_changed_scenario_is_refused_unless_forced() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("j.jsonl");
    let s = tutorial();
    let mut session = Session::create(s.clone(), "x", 3, &path, "t".into()).unwrap();
    play(&mut session, 5, 3);
    drop(session);
    let mut changed = (*s).clone();
    changed.hash = "sha256:0000000000000000".into();
    let changed = Arc::new(changed);
    let read = read_journal(&path).unwrap();
    let err = Session::resume(changed.clone(), &path, &read, false).unwrap_err();
    assert!(err.to_string().contains("has changed"), "{err}");
    assert!(err.to_string().contains("--force"));
    Session::resume(changed, &path, &read, true).unwrap();
}

#[test]
fn a_fork_continues_from_exactly_the_state_at_its_entry() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("j.jsonl");
    let s = tutorial();
    let mut session = Session::create(s.clone(), "x", 11, &path, "t".into()).unwrap();
    let mut at_n = None;
    let mut policy = Policy::random(11);
    for i in 0..30 {
        let Some(cmd) = next_command(session.exercise(), &mut policy) else {
            break;
        };
        session.apply_at(cmd, i * 1000).unwrap();
        if i == 9 {
            at_n = Some(session.exercise().fingerprint());
        }
    }
    let out = dir.path().join("fork.jsonl");
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_downtime"))
        .args([
            "fork",
            path.to_str().unwrap(),
            "--at",
            "10",
            "-o",
            out.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert!(
        status.status.success(),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
    let read = read_journal(&out).unwrap();
    assert_eq!(read.entries.len(), 10);
    assert_eq!(read.header.forked_from.as_ref().unwrap().at, 10);
    let forked = replay(s.clone(), &read).unwrap();
    assert_eq!(Some(forked.fingerprint()), at_n);
    // The fork is a journal like any other: it resumes and takes new commands.
    let mut resumed = Session::resume(s, &out, &read, false).unwrap();
    resumed
        .apply(Command::Note {
            text: "what if".into(),
        })
        .unwrap();
    // Out of range.
    let bad = std::process::Command::new(env!("CARGO_BIN_EXE_downtime"))
        .args(["fork", path.to_str().unwrap(), "--at", "999"])
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2));
    // A fork never replaces an existing file, and leaves no temporary file behind.
    let before = std::fs::read(&out).unwrap();
    let again = std::process::Command::new(env!("CARGO_BIN_EXE_downtime"))
        .args(["fork", path.to_str().unwrap(), "--at", "3"])
        .args(["-o", out.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(again.status.code(), Some(2));
    assert_eq!(std::fs::read(&out).unwrap(), before);
    let mut names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["fork.jsonl", "j.jsonl"]);
}
