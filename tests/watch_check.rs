//! `downtime check --watch`: re-checks when the file is saved, including when an editor
//! replaces it (write elsewhere, then rename).

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

struct Killed(Child);

impl Drop for Killed {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Waits for a header line (`checked at ...`) and returns it.
fn next_header(rx: &mpsc::Receiver<String>, seen: &mut Vec<String>) -> String {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        match rx.recv_timeout(left) {
            Ok(line) => {
                seen.push(line.clone());
                if line.starts_with("checked at ") {
                    return line;
                }
            }
            Err(_) => panic!(
                "no new report within 20 s; output so far:\n{}",
                seen.join("\n")
            ),
        }
    }
}

/// Starts `downtime check --watch` with `extra` arguments on `file`; returns the process and
/// a channel of its output lines.
fn watch(file: &std::path::Path, extra: &[&str]) -> (Killed, mpsc::Receiver<String>) {
    let child = Command::new(env!("CARGO_BIN_EXE_downtime"))
        .args(["check", "--watch"])
        .args(extra)
        .arg(file)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut child = Killed(child);
    let stdout = child.0.stdout.take().unwrap();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    (child, rx)
}

#[test]
fn rechecks_on_save_and_on_replace() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("s.ron");
    let good = downtime::scaffold::skeleton("s", 1);
    std::fs::write(&file, &good).unwrap();
    let (mut child, rx) = watch(&file, &[]);
    let mut seen = Vec::new();
    let first = next_header(&rx, &mut seen);
    assert!(first.ends_with("— 0 errors, 0 warnings"), "{first}");

    // Save in place with a mistake.
    std::fs::write(&file, good.replace("format: 1,", "format: 1, colour: 3,")).unwrap();
    let second = next_header(&rx, &mut seen);
    assert!(second.ends_with("— 1 error, 0 warnings"), "{second}");

    // Replace it as editors do: write a temporary file, then rename it over the original.
    let tmp = dir.path().join(".s.ron.tmp");
    std::fs::write(&tmp, &good).unwrap();
    std::fs::rename(&tmp, &file).unwrap();
    let third = next_header(&rx, &mut seen);
    assert!(third.ends_with("— 0 errors, 0 warnings"), "{third}");
    assert!(seen.iter().any(|l| l.contains("unknown field `colour`")));
    assert!(child.0.try_wait().unwrap().is_none(), "the watcher exited");
}

#[test]
fn json_watch_prints_one_document_per_line() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("s.ron");
    let good = downtime::scaffold::skeleton("s", 1);
    std::fs::write(&file, &good).unwrap();
    let (_child, rx) = watch(&file, &["--format", "json"]);
    // Every line must be one JSON document; waits (20 s at most) for one that `want` accepts,
    // as a save may be seen as more than one change.
    let wait_for = |want: &dyn Fn(&[serde_json::Value]) -> bool| {
        let deadline = Instant::now() + Duration::from_secs(20);
        let mut seen = Vec::new();
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let Ok(line) = rx.recv_timeout(left) else {
                panic!(
                    "no matching report within 20 s; lines so far:\n{}",
                    seen.join("\n")
                );
            };
            let doc: serde_json::Value = serde_json::from_str(&line)
                .unwrap_or_else(|e| panic!("not one JSON document per line: {e}: {line}"));
            let all = doc.as_array().expect("an array of diagnostics").clone();
            if want(&all) {
                return all;
            }
            seen.push(line);
        }
    };
    wait_for(&|all| all.is_empty());
    std::fs::write(&file, good.replace("format: 1,", "format: 1, colour: 3,")).unwrap();
    let mentions_colour = |d: &serde_json::Value| {
        d["message"]
            .as_str()
            .is_some_and(|m| m.contains("unknown field `colour`"))
    };
    let all = wait_for(&|all| all.iter().any(mentions_colour));
    assert_eq!(all.len(), 1, "{all:?}");
    assert_eq!(all[0]["severity"], "error");
    std::fs::write(&file, &good).unwrap();
    wait_for(&|all| all.is_empty());
}
