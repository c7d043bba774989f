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
    // While it is open for writing, a lock file sits beside it; it goes with the writer.
    assert!(dir.path().join("fork.jsonl.lock").exists());
    drop(resumed);
    // Out of range.
    let bad = std::process::Command::new(env!("CARGO_BIN_EXE_downtime"))
        .args(["fork", path.to_str().unwrap(), "--at", "999"])
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2));
    // A fork never replaces an existing file, and leaves no temporary file behind.
    drop(session);
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

#[path = "support/smallfs.rs"]
mod smallfs;

use downtime::journal::SessionError;

/// A journal on a full file system: the command that cannot be saved changes nothing (the
/// exercise is rolled back, the partial bytes cut away), and once space returns the
/// exercise goes on with every acknowledged command in the journal exactly once.
#[test]
fn a_full_disk_loses_nothing_and_saves_nothing_half() {
    let Some(fs) = smallfs::SmallFs::mount(64) else {
        return;
    };
    let path = fs.path().join("j.jsonl");
    let s = tutorial();
    let mut session = Session::create(s.clone(), "x", 5, &path, "t".into()).unwrap();
    fs.fill();
    let mut policy = Policy::random(5);
    let mut acknowledged = Vec::new();
    let mut failures = 0;
    let mut real = 0;
    while failures < 3 {
        let Some(cmd) = next_command(session.exercise(), &mut policy) else {
            panic!("the exercise ended before the disk was full");
        };
        // Notes make the journal grow faster than the tutorial's short commands.
        let note = Command::Note {
            text: format!("note {real}: {}", "x".repeat(300)),
        };
        for cmd in [cmd, note] {
            real += 1000;
            let before = session.exercise().fingerprint();
            let entries = session.entries();
            match session.apply_at(cmd.clone(), real) {
                Ok(_) => acknowledged.push(cmd),
                Err(SessionError::Journal { source, .. }) => {
                    failures += 1;
                    assert!(source.to_string().contains("space"), "{source}");
                    assert_eq!(session.exercise().fingerprint(), before, "rolled back");
                    assert_eq!(session.entries(), entries);
                    let read = read_journal(&path).expect("the journal stays readable");
                    assert!(
                        read.warning.is_none(),
                        "no partial line: {:?}",
                        read.warning
                    );
                    assert_eq!(read.entries.len(), acknowledged.len());
                    break;
                }
                Err(e) => panic!("{e}"),
            }
        }
    }
    // Space returns: the same exercise goes on, and its journal has each command once.
    fs.free();
    play(&mut session, 10, 6);
    let read = read_journal(&path).unwrap();
    assert!(read.warning.is_none());
    assert_eq!(read.entries.len() as u64, session.entries());
    let cmds: Vec<_> = read.entries.iter().map(|e| e.cmd.clone()).collect();
    assert_eq!(&cmds[..acknowledged.len()], &acknowledged[..]);
    for (i, e) in read.entries.iter().enumerate() {
        assert_eq!(e.seq, i as u64 + 1);
    }
    let replayed = replay(s, &read).unwrap();
    assert_eq!(replayed.fingerprint(), session.exercise().fingerprint());
}

#[test]
fn a_journal_whose_header_cannot_be_written_leaves_no_file() {
    let Some(fs) = smallfs::SmallFs::mount(16) else {
        return;
    };
    fs.fill();
    let path = fs.path().join("j.jsonl");
    let err = Session::create(tutorial(), "x", 5, &path, "t".into()).unwrap_err();
    assert!(matches!(err, SessionError::Journal { .. }), "{err}");
    assert!(!path.exists(), "the empty journal was removed");
    assert!(!downtime::journal::lock_path(&path).exists());
}

#[test]
fn one_writer_per_journal() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("j.jsonl");
    let s = tutorial();
    let mut first = Session::create(s.clone(), "x", 3, &path, "t".into()).unwrap();
    play(&mut first, 4, 3);
    let before = std::fs::read(&path).unwrap();
    let read = read_journal(&path).unwrap();
    let err = Session::resume(s.clone(), &path, &read, false).unwrap_err();
    let msg = err.to_string();
    assert!(matches!(err, SessionError::Locked(_)), "{msg}");
    assert!(
        msg.contains("is open in another console")
            && msg.contains(&format!("pid {}", std::process::id())),
        "{msg}"
    );
    assert_eq!(std::fs::read(&path).unwrap(), before, "untouched");
    // Once the first writer is gone, the journal can be resumed, and only once at a time.
    drop(first);
    let mut second = Session::resume(s.clone(), &path, &read, false).unwrap();
    assert!(Session::resume(s.clone(), &path, &read, false).is_err());
    second
        .apply(Command::Note {
            text: "second".into(),
        })
        .unwrap();
    // A writer started from a stale read sees what was written since.
    drop(second);
    let third = Session::resume(s, &path, &read, false).unwrap();
    assert_eq!(third.entries(), read.entries.len() as u64 + 1);
}

#[test]
fn what_the_reader_would_refuse_is_never_written() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("j.jsonl");
    let s = tutorial();
    let mut session = Session::create(s.clone(), "x", 3, &path, "t".into()).unwrap();
    play(&mut session, 3, 3);
    let before = std::fs::read(&path).unwrap();
    let fingerprint = session.exercise().fingerprint();
    // 180 KB of control characters escape to more than a journal line may hold.
    let text: String = std::iter::repeat_n('\u{1}', 180_000).collect();
    let err = session.apply(Command::Note { text }).unwrap_err();
    assert!(matches!(err, SessionError::TooLong(_)), "{err}");
    assert!(err.to_string().starts_with("not saved:"), "{err}");
    assert_eq!(std::fs::read(&path).unwrap(), before);
    assert_eq!(session.exercise().fingerprint(), fingerprint);
    // A long note that fits is written, and read back.
    let text: String = std::iter::repeat_n('\u{1}', 150_000).collect();
    session.apply(Command::Note { text }).unwrap();
    assert_eq!(
        read_journal(&path).unwrap().entries.len() as u64,
        session.entries()
    );
}

#[test]
fn a_complete_line_the_reader_does_not_understand_is_refused_and_kept() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("j.jsonl");
    let s = tutorial();
    let mut session = Session::create(s.clone(), "x", 3, &path, "t".into()).unwrap();
    play(&mut session, 3, 3);
    drop(session);
    // As a newer version might write it.
    let mut bytes = std::fs::read(&path).unwrap();
    bytes.extend_from_slice(b"{\"seq\":4,\"t\":9000,\"cmd\":\"teleport\"}\n");
    std::fs::write(&path, &bytes).unwrap();
    let err = read_journal(&path).unwrap_err();
    assert!(err.to_string().contains(":5:"), "{err}");
    assert!(err.to_string().contains("teleport"), "{err}");
    assert_eq!(std::fs::read(&path).unwrap(), bytes, "nothing cut");
    // Through the binary too: resume refuses, exit 2, and the file is as it was.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_downtime"))
        .args(["run", "scenarios/tutorial.ron", "--resume"])
        .arg(&path)
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(std::fs::read(&path).unwrap(), bytes, "nothing cut");
}

#[test]
fn a_whole_last_entry_without_its_newline_is_kept_and_ended() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("j.jsonl");
    let s = tutorial();
    let mut session = Session::create(s.clone(), "x", 3, &path, "t".into()).unwrap();
    play(&mut session, 3, 3);
    drop(session);
    let mut bytes = std::fs::read(&path).unwrap();
    bytes.extend_from_slice(b"{\"seq\":4,\"t\":9000,\"cmd\":\"note\",\"text\":\"kept\"}");
    std::fs::write(&path, &bytes).unwrap();
    let read = read_journal(&path).unwrap();
    assert!(read.warning.is_none());
    assert_eq!(read.entries.len(), 4);
    let mut resumed = Session::resume(s, &path, &read, false).unwrap();
    resumed.apply(Command::Step).unwrap();
    let again = read_journal(&path).unwrap();
    assert_eq!(again.entries.len(), 5);
}
